//! `ArgMap`: gets the map (fetched, or inline JSON), loads it, and shows it or why it cannot.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

// `load_compact`: the model's own small JSON reader, not serde_json (which stays out of the wasm).
use crate::model::{load_compact, read_compact, ArgumentMap, Problem, ProblemKind, Unlinked, MAX_MAP_BYTES};

use super::error_panel::ErrorPanel;
use super::host::{announce, Readiness};
use super::map_view::MapView;
use super::state::MapRef;

/// Where the map comes from: a URL to fetch, or JSON text the host page already holds.
#[derive(Clone, PartialEq, Debug)]
pub enum MapSource {
    /// The URL, and maybe the page's own `fetch()` of it, started while the wasm was still
    /// loading (argmap.js does this), so the map does not wait for the widget to start.
    Url(AttrValue, Prefetched),
    Inline(AttrValue),
}

/// A fetch of the map already under way. A hint, not an identity: two sources with the same URL
/// are the same source whether or not one came with a fetch.
#[derive(Clone, Debug, Default)]
pub struct Prefetched(pub Option<js_sys::Promise>);

impl PartialEq for Prefetched {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// How the host wants the map shown, beyond which map and which language.
#[derive(Clone, PartialEq, Default, Debug)]
pub struct Presentation {
    /// Start in the guided tour, in large type.
    pub tour: bool,
    /// Keep the view in the page's URL (the standalone page; never an embed in someone's post).
    pub history: bool,
    /// "Predict, then see": hide a claim's relation and side until the reader guesses.
    pub exercise: bool,
    /// Tells apart several widgets showing the same map on one page, for storage (`#` + id).
    pub instance: AttrValue,
    /// The host's wish, `view="map|outline"`; `None` is `auto`: the map where there is room.
    pub view: Option<crate::model::ViewMode>,
    /// The host element's width when the widget mounted, so the first paint is already the
    /// right drawing.
    pub width: i32,
    /// The `<argument-map>` element, which hears the widget's events.
    pub host: Option<web_sys::Element>,
    /// How the host's script reaches the map (`reveal`).
    pub remote: super::host::Remote,
    /// Where the reader already was in the first view drawn from the page's HTML: the ids of
    /// the nodes they opened, and the one they were on.
    pub resume: Option<std::rc::Rc<(Vec<String>, Option<String>)>>,
}

#[derive(Properties, PartialEq, Clone)]
pub struct ArgMapProps {
    pub source: MapSource,
    /// The reader's language; else the browser's; else the map's first.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    #[prop_or_default]
    pub presentation: Presentation,
}

#[derive(Clone, PartialEq)]
enum Loading {
    Pending,
    Ready(MapRef),
    Failed(Rc<Vec<Problem>>),
}

fn loaded(result: Result<ArgumentMap, Vec<Problem>>) -> Loading {
    match result {
        Ok(map) => Loading::Ready(MapRef(Rc::new(map))),
        Err(problems) => Loading::Failed(Rc::new(problems)),
    }
}

fn failed(kind: ProblemKind) -> Loading {
    Loading::Failed(Rc::new(vec![Problem::at("", kind)]))
}

/// What a failed fetch says, for the reader.
fn js_error(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "network error".into())
}

/// Why the body of a response did not arrive whole.
enum BodyError {
    /// Over the size limit, by this many bytes at least.
    TooLarge(usize),
    Broken(String),
    /// A newer source replaced this one while it downloaded.
    Superseded,
}

/// The body, read a chunk at a time and given up as soon as it passes the size limit: a 2 GB
/// response must not be held in memory first and refused after.
async fn read_body(response: &web_sys::Response, still_wanted: &dyn Fn() -> bool) -> Result<Vec<u8>, BodyError> {
    let declared = response.headers().get("content-length").ok().flatten().and_then(|l| l.trim().parse::<usize>().ok());
    let Some(body) = response.body() else { return Ok(Vec::new()) };
    if let Some(length) = declared.filter(|&l| l > MAX_MAP_BYTES) {
        let _ = body.cancel();
        return Err(BodyError::TooLarge(length));
    }
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    // The chunks stay in JavaScript until the body is complete, then come into the wasm's
    // memory once, at their exact size: a compressed response's Content-Length is smaller than
    // the body, and growing a buffer to fit would raise the wasm's memory for good.
    let mut chunks = Vec::new();
    let mut length = 0;
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|e| BodyError::Broken(js_error(&e)))?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done")).ok().and_then(|d| d.as_bool()).unwrap_or(true);
        if done {
            break;
        }
        if !still_wanted() {
            let _ = reader.cancel();
            return Err(BodyError::Superseded);
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")) {
            let part = js_sys::Uint8Array::new(&value);
            length += part.length() as usize;
            chunks.push(part);
        }
        if length > MAX_MAP_BYTES {
            let _ = reader.cancel();
            return Err(BodyError::TooLarge(length));
        }
    }
    let mut bytes = vec![0; length];
    let mut start = 0;
    for part in chunks {
        let end = start + part.length() as usize;
        if let Some(room) = bytes.get_mut(start..end) {
            part.copy_to(room);
        }
        start = end;
    }
    Ok(bytes)
}

async fn fetch_map(
    url: &str,
    prefetched: Prefetched,
    abort: Option<&web_sys::AbortController>,
    still_wanted: &dyn Fn() -> bool,
) -> Loading {
    let unreachable = |reason: String| failed(ProblemKind::Unreachable { url: url.to_owned(), reason });
    let fetch = match (prefetched.0, web_sys::window()) {
        (Some(promise), _) => promise,
        (None, Some(window)) => {
            let init = web_sys::RequestInit::new();
            init.set_signal(abort.map(|a| a.signal()).as_ref());
            window.fetch_with_str_and_init(url, &init)
        }
        (None, None) => return unreachable("no window to fetch the map in".into()),
    };
    let response: web_sys::Response = match JsFuture::from(fetch).await.and_then(|r| r.dyn_into()) {
        Ok(r) => r,
        Err(e) => return unreachable(js_error(&e)),
    };
    if !response.ok() {
        return failed(ProblemKind::Http { url: url.to_owned(), status: response.status(), status_text: response.status_text() });
    }
    match read_body(&response, still_wanted).await {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => {
                // The text goes before the map is built, so the two never fill the memory at once.
                let read = read_compact(&text);
                drop(text);
                loaded(read.and_then(Unlinked::link))
            }
            Err(_) => failed(ProblemKind::NotUtf8),
        },
        // Whole megabytes, rounded up, as the loader says it.
        Err(BodyError::TooLarge(bytes)) => {
            failed(ProblemKind::TooLarge { megabytes: bytes.div_ceil(1_048_576).max(2) - 1, limit: MAX_MAP_BYTES / 1_048_576 })
        }
        Err(BodyError::Broken(reason)) => unreachable(reason),
        Err(BodyError::Superseded) => Loading::Pending,
    }
}

fn browser_lang() -> String {
    web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_else(|| "en".into())
}

/// Loads the map, then shows it, or shows why it cannot.
#[component]
pub fn ArgMap(props: &ArgMapProps) -> Html {
    let loading = use_state(|| Loading::Pending);
    // Each load gets a number; a slow answer for an older `src` must not replace a newer map.
    let generation = use_mut_ref(|| Rc::new(Cell::new(0u32)));
    {
        let loading = loading.clone();
        use_effect_with(props.source.clone(), move |source| {
            let counter = generation.borrow().clone();
            let this = counter.get() + 1;
            counter.set(this);
            let mut abort = None;
            match source {
                MapSource::Inline(json) => loading.set(loaded(load_compact(json))),
                MapSource::Url(url, prefetched) => {
                    loading.set(Loading::Pending);
                    let (url, prefetched) = (url.clone(), prefetched.clone());
                    abort = web_sys::AbortController::new().ok();
                    let controller = abort.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let wanted = || counter.get() == this;
                        let result = fetch_map(&url, prefetched, controller.as_ref(), &wanted).await;
                        if wanted() {
                            loading.set(result);
                        }
                    });
                }
            }
            // A newer source, or the widget gone: stop downloading the old one.
            move || {
                if let Some(abort) = abort {
                    abort.abort();
                }
            }
        });
    }
    let lang: AttrValue = props.lang.clone().unwrap_or_else(|| browser_lang().into());
    // The host hears where the load stands; `ready` comes from the drawing, once it is up.
    {
        let (host, lang) = (props.presentation.host.clone(), lang.clone());
        use_effect_with((*loading).clone(), move |loading| {
            let Some(host) = host else { return };
            match loading {
                Loading::Pending => announce(&host, Readiness::Loading),
                Loading::Failed(problems) => announce(&host, Readiness::Failed { problems, lang: &lang }),
                Loading::Ready(_) => {}
            }
        });
    }
    match &*loading {
        Loading::Pending => html! {
            <p class="am-loading" role="status">{ crate::strings::strings(&lang).loading }</p>
        },
        Loading::Failed(problems) => html! { <ErrorPanel problems={problems.clone()} {lang} /> },
        Loading::Ready(map) => html! {
            <MapView key={format!("{:p}", Rc::as_ptr(&map.0))} map={map.clone()} {lang} presentation={props.presentation.clone()} />
        },
    }
}
