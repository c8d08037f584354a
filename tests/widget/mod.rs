//! Mounting the widget in the test page and looking into its shadow root, for the browser tests.
#![allow(dead_code)]

use argmap::widget::{mount, Widget};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

pub struct Mounted {
    pub host: Element,
    pub widget: Widget,
}

impl Mounted {
    pub fn shadow(&self) -> web_sys::ShadowRoot {
        self.host.shadow_root().expect("the widget renders into a shadow root")
    }
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.shadow().query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
    }
    pub fn one(&self, selector: &str) -> Element {
        self.shadow().query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
    }
    pub fn html(&self, selector: &str) -> HtmlElement {
        self.one(selector).dyn_into().unwrap()
    }
    pub fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }
    pub fn row(&self, id: &str) -> HtmlElement {
        self.html(&format!("[role=treeitem][data-node-id='{id}']"))
    }
    pub fn visible_ids(&self) -> Vec<String> {
        self.all("[role=treeitem]").iter().map(|e| e.get_attribute("data-node-id").unwrap()).collect()
    }
    pub fn focused_id(&self) -> Option<String> {
        self.shadow().active_element()?.get_attribute("data-node-id")
    }
    pub async fn click(&self, selector: &str) {
        self.html(selector).click();
        yew::scheduler::flush().await;
    }
    /// A key pressed where the focus is (or on the tree).
    pub async fn key(&self, key: &str) {
        let target = self.shadow().active_element().unwrap_or_else(|| self.one("[role=tree]"));
        press(&target, key).await;
    }
    /// Types `text` into the search box, as an `input` event.
    pub async fn search(&self, text: &str) {
        let input: web_sys::HtmlInputElement = self.one("input[type=search]").dyn_into().unwrap();
        input.focus().unwrap();
        input.set_value(text);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
    pub fn unmount(self) {
        self.widget.destroy();
        self.host.remove();
    }
}

pub async fn press(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

/// Mounts `json` in a new `<argument-map>`, drawn as the outline, with these `(option, value)` pairs besides the map,
/// as on a fresh visit: the per-tab view an earlier test left behind is cleared first.
pub async fn mount_with(json: &str, options: &[(&str, &str)]) -> Mounted {
    web_sys::window().unwrap().session_storage().unwrap().unwrap().clear().unwrap();
    remount(json, options).await
}

/// Mounts like `mount_with`, keeping what the tab remembers, as after a reload.
pub async fn remount(json: &str, options: &[(&str, &str)]) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("argument-map").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &"json".into(), &JsValue::from_str(json)).unwrap();
    // These suites are about the outline (tests/map_view_browser.rs is about the map): ask for
    // it, unless a test says otherwise, whatever width the test page gives the widget.
    js_sys::Reflect::set(&object, &"view".into(), &"outline".into()).unwrap();
    for (key, value) in options {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value)).unwrap();
    }
    let widget = mount(host.clone(), object.into()).expect("mount succeeds");
    yew::scheduler::flush().await;
    Mounted { host, widget }
}

pub async fn mount_json(json: &str, lang: &str) -> Mounted {
    mount_with(json, &[("lang", lang)]).await
}

/// Waits for the browser (timers, observers, fetches) without a fixed guess of how long:
/// polls `check` every 20 ms until it gives a value, and fails saying `what` after 5 seconds.
pub async fn until<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    for _ in 0..250 {
        if let Some(value) = check() {
            return value;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
        yew::scheduler::flush().await;
    }
    panic!("gave up waiting for {what}");
}

/// A map of `n` claims below one position, each the child of the one at half its number: a bushy
/// tree deep enough to need batches and to end on a far leaf.
pub fn long_map(n: usize) -> String {
    let mut nodes = vec![r#"{"id":"n0","kind":"question","text":"Q"}"#.to_owned()];
    for i in 1..n {
        let kind = if i == 1 { r#""kind":"position","side":"open""# } else { r#""kind":"claim""# };
        nodes.push(format!(r#"{{"id":"n{i}","parent":"n{}",{kind},"text":"claim {i}"}}"#, i / 2));
    }
    format!(r#"{{"format":"argmap/1","id":"long","title":"Long","languages":["en"],"root":"n0","nodes":[{}]}}"#, nodes.join(","))
}
