use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::Action;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The view the page's URL carries (`#open=…`), if any.
pub fn url_view() -> Option<String> {
    location().and_then(|l| l.hash().ok()).filter(|h| h.len() > 1)
}

/// A fragment without its selection, to tell a new view (worth a history entry) from a move.
fn without_selection(fragment: &str) -> String {
    fragment.split('&').filter(|p| !p.starts_with("sel=")).collect::<Vec<_>>().join("&")
}

/// The standalone page keeps the view in its URL: opening, closing, language and lens are steps
/// the back button undoes; moving along the rows only updates the link. `fragment` is `None`
/// when the URL is not the widget's to touch (an embed) or not now (printing).
#[hook]
pub fn use_view_in_url(fragment: Option<String>, enabled: bool, on_action: Callback<Action>) {
    let last = use_mut_ref(|| fragment.clone().unwrap_or_default());
    // The reader's steps not yet written, oldest first: each is its own history entry, however
    // quickly they came.
    let pending = use_mut_ref(Vec::<String>::new);
    use_effect_with(fragment, move |fragment| {
        let Some(fragment) = fragment else { return };
        let mut queue = pending.borrow_mut();
        if url_view().is_some_and(|hash| hash.strip_prefix('#') == Some(fragment.as_str())) {
            // Where the address is already (Back, Forward, a link): nothing to write, and a step
            // still waiting would write itself over the entry the reader went to.
            queue.clear();
            fragment.clone_into(&mut last.borrow_mut());
            return;
        }
        queue.push(fragment.clone());
        if queue.len() == 1 {
            let pending = pending.clone();
            after_the_frame(move || {
                for fragment in pending.take() {
                    write(&fragment, &mut last.borrow_mut());
                }
            });
        }
    });
    use_effect_with(enabled, move |&enabled| {
        let listener = enabled.then(web_sys::window).flatten().map(|window| {
            gloo::events::EventListener::new(&window, "popstate", move |_| {
                if let Some(hash) = location().and_then(|l| l.hash().ok()) {
                    on_action.emit(Action::Fragment(hash));
                }
            })
        });
        move || drop(listener)
    });
}

/// `fragment` into the URL: a history entry when the view changed, else the current one
/// replaced.
fn write(fragment: &str, last: &mut String) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let url = format!("#{fragment}");
    let current = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    if current != url {
        let step = without_selection(last) != without_selection(fragment);
        let _ = if step && current.len() > 1 {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
    fragment.clone_into(last);
}

/// Runs `f` in a task after the next frame. A history write takes 2 to 5 ms a call in Chromium
/// profiles, and inside the render it held back the very frame that shows the reader's step.
fn after_the_frame(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let task = Closure::once_into_js(f);
    let frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(task.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}
