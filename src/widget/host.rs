//! The host page's side of a mounted map: the events the widget sends it (`argmap:load`,
//! `argmap:error`, `argmap:select`, `argmap:toggle`, `argmap:verdict`, `argmap:answer` on the
//! `<argument-map>` element, bubbling and composed, so a listener on the document hears them
//! too), its `data-state` (`loading`, `ready`, `error`), and the `reveal(id)` it can call.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::model::{check_guess, Action, ArgumentMap, Verdict, ViewState};
use crate::MapRef;

/// How JavaScript reaches the mounted map: filled in by `MapView` once it is up. Always equal,
/// so a new one never re-renders anything.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<Reach>>);

#[derive(Default)]
struct Reach {
    /// The shown map's way to a node; `None` while no map is shown (loading, failed).
    reveal: Option<Reveal>,
    /// A reveal asked for while no map was shown: the last one waits and is applied once, as
    /// the next map comes up (before it is drawn, so the first view already shows it).
    waiting: Option<String>,
}

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
    /// Points the map at node `id`: true when it did; false (and a console warning) when the map
    /// has no such node. Before a map is shown it is queued (false, no warning): the last one
    /// asked is applied once the map is up.
    pub fn reveal(&self, id: &str) -> bool {
        let reveal = self.0.borrow().reveal.clone();
        match reveal {
            Some(reveal) => reveal_or_warn(&reveal, id),
            None => {
                self.0.borrow_mut().waiting = Some(id.to_owned());
                false
            }
        }
    }
}

fn reveal_or_warn(reveal: &Reveal, id: &str) -> bool {
    let done = reveal(id);
    if !done {
        web_sys::console::warn_1(&JsValue::from_str(&format!("argmap: reveal(\"{id}\"): no such node in this map")));
    }
    done
}

/// Connects the remote to this map while it is shown, and applies a reveal that waited for it.
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
        let waiting = {
            let mut reach = remote.0.borrow_mut();
            reach.reveal = Some(reveal.clone());
            reach.waiting.take()
        };
        if let Some(id) = waiting {
            reveal_or_warn(&reveal, &id);
        }
        move || remote.0.borrow_mut().reveal = None
    });
}

/// The widget's state as the host sees it: the element's `data-state`, and on `Ready` and
/// `Failed` the event a host script (or `mount()`'s promise) waits for.
pub enum Readiness<'a> {
    Loading,
    /// Drawn and taking input: `argmap:load` with the map's id and title in the reader's language.
    Ready {
        map: &'a ArgumentMap,
        lang: &'a str,
    },
    /// `argmap:error` with every problem, worded in the reader's language.
    Failed {
        problems: &'a [crate::model::Problem],
        lang: &'a str,
    },
}

/// Tells the host element where the widget stands.
pub fn announce(host: &web_sys::Element, readiness: Readiness) {
    let state = match readiness {
        Readiness::Loading => "loading",
        Readiness::Ready { .. } => "ready",
        Readiness::Failed { .. } => "error",
    };
    let _ = host.set_attribute("data-state", state);
    match readiness {
        Readiness::Loading => {}
        Readiness::Ready { map, lang } => {
            send(host, "argmap:load", &detail(&[("map", JsValue::from_str(&map.id)), ("title", JsValue::from_str(map.title.get(lang)))]))
        }
        Readiness::Failed { problems, lang } => {
            let s = crate::strings::strings(lang);
            let list: js_sys::Array = problems
                .iter()
                .map(|p| {
                    let (line, column) =
                        p.position.map_or((JsValue::NULL, JsValue::NULL), |(l, c)| (JsValue::from(l as u32), JsValue::from(c as u32)));
                    JsValue::from(detail(&[
                        ("path", JsValue::from_str(&p.path)),
                        ("line", line),
                        ("column", column),
                        ("message", JsValue::from_str(&(s.problem)(&p.kind))),
                        ("text", JsValue::from_str(&s.located_problem(p))),
                    ]))
                })
                .collect();
            send(host, "argmap:error", &detail(&[("problems", list.into())]));
        }
    }
}

/// Announces the shown map ready to the host, once. Called by `MapView`, which holds the
/// drawing: Yew runs first effects children first, so when this one runs the outline's rows are
/// in the page and the map view's cards are measured and placed (the map view places them in its
/// own first effect; only a first view of more than `DRAW_ALL_UP_TO` cards places them a render
/// later). A context the drawings would call instead cost 2 KB of wasm.
#[hook]
pub fn use_ready_signal(host: Option<web_sys::Element>, map: MapRef, lang: AttrValue) {
    use_effect_with((), move |_| {
        if let Some(host) = host {
            announce(&host, Readiness::Ready { map: &map, lang: &lang });
        }
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
