//! What JavaScript sees: `mount(element, options)` and the `Widget` it returns. Options arrive
//! as a plain object (argmap.js builds it from the element's attributes).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::ViewMode;

use super::host::Remote;
use super::loader::{ArgMap, ArgMapProps, MapSource, Prefetched, Presentation};
use super::shadow;

/// A mounted widget, returned to JavaScript by [`mount`].
#[wasm_bindgen]
pub struct Widget {
    host: web_sys::Element,
    handle: Option<yew::AppHandle<ArgMap>>,
    remote: Remote,
}

#[wasm_bindgen]
impl Widget {
    /// Apply new options (`src`, `json`, `lang`, `tour`, `history`, `exercise`) without losing what can be
    /// kept.
    pub fn update(&mut self, options: JsValue) {
        if let (Some(handle), Some(props)) = (self.handle.as_mut(), props_for(&self.host, &options, &self.remote)) {
            handle.update(props);
        }
    }

    /// Open the path to node `id`, select it and bring it into view, leaving keyboard focus
    /// where it is. Returns false, with a console warning, for an id the map does not have.
    pub fn reveal(&self, id: &str) -> bool {
        self.remote.reveal(id)
    }

    /// Take the widget down and free it (the JavaScript object is unusable afterwards); the
    /// element's own content shows again.
    pub fn destroy(mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        shadow::close(&self.host);
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

/// The language the page gives the element: its own `lang`, else the nearest ancestor's
/// (usually `<html lang>`).
fn host_lang(host: &web_sys::Element) -> Option<String> {
    host.closest("[lang]").ok().flatten()?.get_attribute("lang").filter(|l| !l.trim().is_empty())
}

/// `resume: { open: [ids], at: id }`, which argmap.js reads from the first view the page drew
/// from its HTML, where the reader opened or focused nodes before the widget took over.
fn resume(options: &JsValue) -> Option<std::rc::Rc<(Vec<String>, Option<String>)>> {
    let place = js_sys::Reflect::get(options, &JsValue::from_str("resume")).ok().filter(|p| p.is_object())?;
    let open = js_sys::Reflect::get(&place, &JsValue::from_str("open")).ok().filter(js_sys::Array::is_array);
    let open = open.map(|o| js_sys::Array::from(&o).iter().filter_map(|id| id.as_string()).collect()).unwrap_or_default();
    Some(std::rc::Rc::new((open, option(&place, "at"))))
}

fn props_for(host: &web_sys::Element, options: &JsValue, remote: &Remote) -> Option<ArgMapProps> {
    let source = match (option(options, "json"), option(options, "src")) {
        (Some(json), _) => MapSource::Inline(json.into()),
        (None, Some(src)) => {
            let prefetched = js_sys::Reflect::get(options, &JsValue::from_str("prefetched")).ok();
            MapSource::Url(src.into(), Prefetched(prefetched.and_then(|p| p.dyn_into().ok())))
        }
        (None, None) => return None,
    };
    let instance = option(options, "instance").or_else(|| Some(host.id()).filter(|id| !id.is_empty()));
    Some(ArgMapProps {
        source,
        lang: option(options, "lang").or_else(|| host_lang(host)).map(Into::into),
        presentation: Presentation {
            tour: flag(options, "tour").unwrap_or_else(|| host_flag(host, "tour")),
            history: flag(options, "history").unwrap_or_else(|| host_flag(host, "history")),
            exercise: flag(options, "exercise").unwrap_or_else(|| host_flag(host, "exercise")),
            instance: instance.map(|i| format!("#{i}")).unwrap_or_default().into(),
            view: option(options, "view").or_else(|| host.get_attribute("view")).and_then(|v| ViewMode::parse(&v)),
            width: host.client_width(),
            host: Some(host.clone()),
            remote: remote.clone(),
            resume: resume(options),
        },
    })
}

/// Render a map into `host`'s shadow root, so the host page's CSS and the widget's cannot touch
/// each other. Options: `src` (a map URL) or `json` (the map itself), `lang` (else the page's
/// `lang` around the element, else the browser's), `tour` (start the guided tour), `history`
/// (keep the view in the URL), `instance` (tells apart several widgets of one map on a page, for
/// storage; else the host element's id), `prefetched` (a `fetch(src)` promise already under
/// way), and `css` (the stylesheet URL, which `argmap.js` fills in).
/// `view` (`map`, `outline` or `auto`: the map where the widget is 600 px wide or more),
/// `exercise` (predict, then see: relations hidden until guessed).
/// `tour`, `history`, `view` and `exercise` may also be given as attributes of the host element.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, options: JsValue) -> Result<Widget, JsValue> {
    let remote = Remote::default();
    let props = props_for(&host, &options, &remote).ok_or_else(|| JsValue::from_str("argmap: give a map as `src` or `json`"))?;
    let root = shadow::open(&host, option(&options, "css").as_deref())?;
    let handle = yew::Renderer::<ArgMap>::with_root_and_props(root, props).render();
    Ok(Widget { host, handle: Some(handle), remote })
}
