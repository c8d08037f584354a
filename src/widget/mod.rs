//! The Yew widget on top of the model, and the `mount` entry point the `<argument-map>`
//! element (www/argmap.js) calls. One component per file; the reader's state lives in one
//! reducer (`MapState`) held by `MapView` and passed down.

mod detail;
mod error_panel;
mod legend;
mod map_view;
mod row;
mod state;
mod toolbar;
mod tour_panel;
mod tree;
mod verdict_bar;

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::{load, Problem};

pub use error_panel::ErrorPanel;
pub use map_view::MapView;
pub use row::TreeRow;
pub use state::{MapRef, MapState};
pub use tree::TreeView;

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
    /// Tells apart several widgets showing the same map on one page, for storage (`#` + id).
    pub instance: AttrValue,
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

fn loaded(result: Result<crate::model::ArgumentMap, Vec<Problem>>) -> Loading {
    match result {
        Ok(map) => Loading::Ready(MapRef(Rc::new(map))),
        Err(problems) => Loading::Failed(Rc::new(problems)),
    }
}

/// What a failed fetch says, for the reader.
fn js_error(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "network error".into())
}

async fn fetch_map(url: &str, prefetched: Prefetched) -> Loading {
    use wasm_bindgen_futures::JsFuture;
    let failed = |message: String| Loading::Failed(Rc::new(vec![Problem::at("", message)]));
    let fetch = match prefetched.0 {
        Some(promise) => promise,
        None => match web_sys::window() {
            Some(window) => window.fetch_with_str(url),
            None => return failed("no window to fetch the map in".into()),
        },
    };
    let response: web_sys::Response = match JsFuture::from(fetch).await.and_then(|r| r.dyn_into()) {
        Ok(r) => r,
        Err(e) => return failed(format!("could not load {url}: {}", js_error(&e))),
    };
    if !response.ok() {
        return failed(format!("could not load {url}: HTTP {} {}", response.status(), response.status_text()));
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    match text.map(|t| t.as_string().unwrap_or_default()) {
        Ok(text) => loaded(load(&text)),
        Err(e) => failed(format!("could not read {url}: {}", js_error(&e))),
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
    let generation = use_mut_ref(|| Cell::new(0u32));
    {
        let loading = loading.clone();
        use_effect_with(props.source.clone(), move |source| {
            let this = generation.borrow().get() + 1;
            generation.borrow().set(this);
            match source {
                MapSource::Inline(json) => loading.set(loaded(load(json))),
                MapSource::Url(url, prefetched) => {
                    loading.set(Loading::Pending);
                    let (url, prefetched) = (url.clone(), prefetched.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = fetch_map(&url, prefetched).await;
                        if generation.borrow().get() == this {
                            loading.set(result);
                        }
                    });
                }
            }
        });
    }
    let lang: AttrValue = props.lang.clone().unwrap_or_else(|| browser_lang().into());
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

// ---------------------------------------------------------------- the JavaScript entry point

/// A mounted widget, returned to JavaScript by [`mount`].
#[wasm_bindgen]
pub struct Widget {
    host: web_sys::Element,
    handle: Option<yew::AppHandle<ArgMap>>,
}

#[wasm_bindgen]
impl Widget {
    /// Apply new options (`src`, `json`, `lang`) without losing what can be kept.
    pub fn update(&mut self, options: JsValue) {
        if let (Some(handle), Some(props)) = (self.handle.as_mut(), props_for(&self.host, &options)) {
            handle.update(props);
        }
    }

    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

fn option(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?.as_string().filter(|s| !s.is_empty())
}

/// A boolean option: `true`, or any string but "false" (as HTML boolean attributes arrive);
/// `None` when not given.
fn flag(options: &JsValue, key: &str) -> Option<bool> {
    let value = js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?;
    value.as_bool().or_else(|| value.as_string().map(|s| s != "false"))
}

/// A boolean attribute of the host element, where the options do not say.
fn host_flag(host: &web_sys::Element, key: &str) -> bool {
    host.get_attribute(key).is_some_and(|v| v != "false")
}

fn props_from(options: &JsValue) -> Option<ArgMapProps> {
    let source = match (option(options, "json"), option(options, "src")) {
        (Some(json), _) => MapSource::Inline(json.into()),
        (None, Some(src)) => {
            let prefetched = js_sys::Reflect::get(options, &JsValue::from_str("prefetched")).ok();
            MapSource::Url(src.into(), Prefetched(prefetched.and_then(|p| p.dyn_into().ok())))
        }
        (None, None) => return None,
    };
    Some(ArgMapProps {
        source,
        lang: option(options, "lang").map(Into::into),
        presentation: Presentation {
            tour: flag(options, "tour").unwrap_or(false),
            history: flag(options, "history").unwrap_or(false),
            instance: option(options, "instance").map(|i| format!("#{i}")).unwrap_or_default().into(),
        },
    })
}

fn props_for(host: &web_sys::Element, options: &JsValue) -> Option<ArgMapProps> {
    let mut props = props_from(options)?;
    let shown = &mut props.presentation;
    shown.tour = flag(options, "tour").unwrap_or_else(|| host_flag(host, "tour"));
    shown.history = flag(options, "history").unwrap_or_else(|| host_flag(host, "history"));
    if shown.instance.is_empty() && !host.id().is_empty() {
        shown.instance = format!("#{}", host.id()).into();
    }
    Some(props)
}

/// Render a map into `host`'s shadow root, so the host page's CSS and the widget's cannot touch
/// each other. Options: `src` (a map URL) or `json` (the map itself), `lang`, `tour` (start the
/// guided tour), `history` (keep the view in the URL), `instance` (a storage key suffix; else
/// the host element's id), `prefetched` (a `fetch(src)` promise already under way), and `css`
/// (the stylesheet URL, which `argmap.js` fills in).
/// `tour` and `history` may also be given as attributes of the host element.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, options: JsValue) -> Result<Widget, JsValue> {
    let props = props_for(&host, &options).ok_or_else(|| JsValue::from_str("argmap: give a map as `src` or `json`"))?;
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("argmap: element has no document"))?;
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    shadow.set_inner_html("");
    if let Some(css) = option(&options, "css") {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", &css)?;
        shadow.append_child(&link)?;
    }
    let root = document.create_element("div")?;
    root.set_class_name("argmap");
    shadow.append_child(&root)?;
    let handle = yew::Renderer::<ArgMap>::with_root_and_props(root, props).render();
    Ok(Widget { host, handle: Some(handle) })
}
