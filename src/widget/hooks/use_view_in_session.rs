use yew::prelude::*;

use super::storage;

/// The view this tab last had of this widget, as a fragment.
pub fn saved_view(key: &str) -> Option<String> {
    storage::read(storage::session(), key)
}

/// An embed keeps its view per tab, so a reload loses nothing without touching the host's URL.
/// `fragment` is `None` where the view is kept elsewhere (the URL) or not at all (printing).
#[hook]
pub fn use_view_in_session(key: String, fragment: Option<String>) {
    use_effect_with(fragment, move |fragment| {
        if let Some(fragment) = fragment {
            storage::write(storage::session(), &key, fragment);
        }
    });
}
