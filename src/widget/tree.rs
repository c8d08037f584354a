use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::{visible_rows, Action, Key};

use super::row::TreeRow;
use super::state::MapState;

#[derive(Properties, PartialEq)]
pub struct TreeViewProps {
    pub state: Rc<MapState>,
    pub on_action: Callback<Action>,
}

fn key_of(e: &KeyboardEvent) -> Option<Key> {
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

/// The map as a WAI-ARIA tree with flat rows (each carries level, set size and position), a
/// roving tabindex, and the tree-view keyboard pattern.
#[component]
pub fn TreeView(props: &TreeViewProps) -> Html {
    let state = &props.state;
    let map = &state.map;
    let view = &state.view;
    let tree_ref = use_node_ref();
    // Set when the keyboard moved the selection, so the newly selected row takes focus; a
    // mouse click focuses its row by itself, and nothing else should steal focus.
    let focus_follows = use_mut_ref(|| false);

    {
        let tree_ref = tree_ref.clone();
        let focus_follows = focus_follows.clone();
        use_effect_with(view.selected, move |_| {
            if std::mem::take(&mut *focus_follows.borrow_mut()) {
                let current = tree_ref
                    .cast::<web_sys::Element>()
                    .and_then(|tree| tree.query_selector("[role=treeitem][tabindex='0']").ok().flatten())
                    .and_then(|row| row.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(row) = current {
                    let _ = row.focus();
                }
            }
        });
    }

    let onkeydown = {
        let on_action = props.on_action.clone();
        let focus_follows = focus_follows.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(key) = key_of(&e) {
                e.prevent_default();
                *focus_follows.borrow_mut() = true;
                on_action.emit(Action::Key(key));
            }
        })
    };

    let lang = AttrValue::from(view.lang.clone());
    let rows = visible_rows(map, &view.expanded);
    html! {
        <div class="am-tree" role="tree" aria-label={map.title.get(&view.lang).to_owned()} ref={tree_ref} {onkeydown}>
            { for rows.into_iter().map(|row| html! {
                <TreeRow key={map.nodes[row.node].id.clone()}
                    map={map.clone()}
                    {row}
                    expanded={view.is_expanded(row.node)}
                    selected={view.selected == row.node}
                    lang={lang.clone()}
                    on_action={props.on_action.clone()} />
            }) }
        </div>
    }
}
