//! The host page's side of a mounted map: the events the widget sends it (`argmap:select`,
//! `argmap:toggle`, `argmap:verdict`, `argmap:answer` on the `<argument-map>` element, bubbling and composed, so
//! a listener on the document hears them too), and the `reveal(id)` it can call.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::model::{check_guess, Action, ArgumentMap, Verdict, ViewState};
use crate::MapRef;

/// How JavaScript reaches the mounted map: filled in by `MapView` once it is up. Always equal,
/// so a new one never re-renders anything.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<Option<Reveal>>>);

/// Points the shown map at a node by id; false when it has no such node.
type Reveal = Rc<dyn Fn(&str) -> bool>;

impl PartialEq for Remote {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Remote")
    }
}

impl Remote {
    /// Points the map at node `id`; false (and a console warning) when the map has no such node
    /// or is not loaded yet.
    pub fn reveal(&self, id: &str) -> bool {
        let reveal = self.0.borrow().clone();
        let done = reveal.is_some_and(|reveal| reveal(id));
        if !done {
            web_sys::console::warn_1(&JsValue::from_str(&format!("argmap: reveal(\"{id}\"): no such node in this map")));
        }
        done
    }
}

/// Connects the remote to this map while it is shown.
#[hook]
pub fn use_remote(remote: Remote, map: MapRef, on_action: Callback<Action>) {
    use_effect_with(map, move |map| {
        let map = map.clone();
        let reveal: Reveal = Rc::new(move |id: &str| match map.node_index(id) {
            Some(n) => {
                on_action.emit(Action::Point(n));
                true
            }
            None => false,
        });
        *remote.0.borrow_mut() = Some(reveal);
        move || *remote.0.borrow_mut() = None
    });
}

fn send(host: &web_sys::Element, name: &str, detail: &js_sys::Object) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

fn detail(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn verdict_word(v: Option<&Verdict>) -> JsValue {
    match v {
        Some(Verdict::Convinced) => JsValue::from_str("convinced"),
        Some(Verdict::NotConvinced) => JsValue::from_str("not-convinced"),
        None => JsValue::NULL,
    }
}

/// What changed between two views, told to the host: a new current node, one node opened or
/// closed by the reader (not the thousands of "Expand all"), a verdict set or cleared, one
/// guess in the exercise (not the answers a loaded marks file brings).
fn tell(host: &web_sys::Element, map: &ArgumentMap, before: &ViewState, after: &ViewState) {
    let id = |n: usize| JsValue::from_str(&map.nodes[n].id);
    if before.selected != after.selected {
        send(host, "argmap:select", &detail(&[("node", id(after.selected))]));
    }
    let mut changed = before.expanded.iter().zip(&after.expanded).enumerate().filter(|(_, (a, b))| a != b).map(|(i, _)| i);
    if let (Some(n), None) = (changed.next(), changed.next()) {
        send(host, "argmap:toggle", &detail(&[("node", id(n)), ("expanded", JsValue::from_bool(after.expanded[n]))]));
    }
    let nodes = before.verdicts.0.keys().chain(after.verdicts.0.keys());
    let mut told = Vec::new();
    for &n in nodes {
        let (was, is) = (before.verdicts.0.get(&n), after.verdicts.0.get(&n));
        if was != is && !told.contains(&n) {
            told.push(n);
            send(host, "argmap:verdict", &detail(&[("node", id(n)), ("verdict", verdict_word(is))]));
        }
    }
    let mut guessed = after.answers.0.iter().filter(|(n, _)| !before.answers.0.contains_key(n));
    if let (Some((&n, &guess)), None, true) = (guessed.next(), guessed.next(), after.answers.0.len() == before.answers.0.len() + 1) {
        let source = guess.source.and_then(|s| map.sources.get(s)).map_or(JsValue::NULL, |s| JsValue::from_str(&s.id));
        let correct = check_guess(map, n, guess).is_some_and(|c| c.correct());
        send(
            host,
            "argmap:answer",
            &detail(&[
                ("node", id(n)),
                ("guess", JsValue::from_str(guess.relation.as_str())),
                ("source", source),
                ("correct", JsValue::from_bool(correct)),
            ]),
        );
    }
}

/// Sends the host page an event for each change the reader makes.
#[hook]
pub fn use_host_events(host: Option<web_sys::Element>, map: MapRef, view: Rc<ViewState>) {
    let last = use_mut_ref(|| view.clone());
    use_effect_with(view, move |view| {
        let before = std::mem::replace(&mut *last.borrow_mut(), view.clone());
        if let Some(host) = host {
            if !Rc::ptr_eq(&before, view) {
                tell(&host, &map, &before, view);
            }
        }
    });
}
