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
    use_effect_with(fragment, move |fragment| {
        let Some(fragment) = fragment else { return };
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
        let url = format!("#{fragment}");
        let current = location().and_then(|l| l.hash().ok()).unwrap_or_default();
        if current != url {
            let step = without_selection(&last.borrow()) != without_selection(fragment);
            let _ = if step && current.len() > 1 {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
        *last.borrow_mut() = fragment.clone();
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
