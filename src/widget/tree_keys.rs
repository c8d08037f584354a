//! What both drawings of the tree share: the WAI-ARIA tree keyboard, and focus that arrives by
//! other means making its row the current one.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::{Action, Key, ViewState};

use super::state::MapRef;

pub fn key_of(e: &KeyboardEvent) -> Option<Key> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    Some(match e.key().as_str() {
        "ArrowUp" => Key::Up,
        "ArrowDown" => Key::Down,
        "ArrowLeft" => Key::Left,
        "ArrowRight" => Key::Right,
        "Home" => Key::Home,
        "End" => Key::End,
        "*" => Key::Star,
        "Enter" | " " => Key::Activate,
        k => {
            let mut chars = k.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_whitespace() => Key::Char(c),
                _ => return None,
            }
        }
    })
}

/// The selected row, the tree's one tab stop.
pub fn focus_selected(tree: &web_sys::Element) {
    let row = tree.query_selector("[role=treeitem][tabindex='0']").ok().flatten();
    if let Some(row) = row.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = row.focus();
        // Focus scrolls a row into view, but not every engine keeps it clear of what covers the
        // bottom (a phone's detail sheet, its `scroll-margin`): scrolled again, nearest.
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        row.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The tree's `keydown` (the APG keys, Esc leaves a search) and `focusin` (focus that reached a
/// row any other way than the arrow keys — a click, a script, a screen reader moving it —
/// makes that row the current one, so the next key acts where focus is).
pub fn tree_handlers(on_action: &Callback<Action>, map: &MapRef, view: &ViewState) -> (Callback<KeyboardEvent>, Callback<FocusEvent>) {
    let onkeydown = {
        let on_action = on_action.clone();
        let searching = view.searching();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && searching {
                e.prevent_default();
                on_action.emit(Action::ClearSearch);
            } else if let Some(key) = key_of(&e) {
                e.prevent_default();
                on_action.emit(Action::Key(key));
            }
        })
    };
    let onfocusin = {
        let (on_action, map, selected) = (on_action.clone(), map.clone(), view.selected);
        Callback::from(move |e: FocusEvent| {
            let row =
                e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("[role=treeitem]").ok().flatten());
            let node = row.and_then(|r| r.get_attribute("data-node-id")).and_then(|id| map.node_index(&id));
            if let Some(node) = node.filter(|&n| n != selected) {
                on_action.emit(Action::Select(node));
            }
        })
    };
    (onkeydown, onfocusin)
}
