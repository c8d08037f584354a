//! A menu button. "More" is the toolbar's one menu, for what a first reading rarely needs (how far to open, the
//! tour, large type, copying); the map's corner has one to save the picture. A WAI-ARIA menu button: the button says whether the menu is open;
//! ↓ ↑ Home End move among the items, Escape closes it and gives focus back to the button, and
//! choosing an item, Tab, or a click elsewhere closes it.

use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MoreMenuProps {
    /// The button's words.
    pub label: AttrValue,
    /// Names the menu in the widget (its button's `data-action`, the menu's id): "more" for the
    /// toolbar's, "save-picture" for the map's.
    pub name: AttrValue,
    /// The items: elements with `role="menuitem"` (or `menuitemcheckbox`, `menuitemradio`).
    pub children: Html,
}

const ITEMS: &str = "[role=menuitem], [role=menuitemcheckbox], [role=menuitemradio]";

fn items(menu: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = menu.query_selector_all(ITEMS) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).collect()
}

fn focus(element: Option<&web_sys::HtmlElement>) {
    if let Some(e) = element {
        let _ = e.focus();
    }
}

#[component]
pub fn MoreMenu(props: &MoreMenuProps) -> Html {
    let open = use_state_eq(|| false);
    let (button_ref, menu_ref) = (use_node_ref(), use_node_ref());
    // Opened from the keyboard or by a click: the first item takes focus, as the pattern says.
    {
        let menu_ref = menu_ref.clone();
        use_effect_with(*open, move |&open| {
            if open {
                if let Some(menu) = menu_ref.cast::<web_sys::Element>() {
                    focus(items(&menu).first());
                }
            }
        });
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_button_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "ArrowDown" | "ArrowUp") {
                e.prevent_default();
                open.set(true);
            }
        })
    };
    let on_menu_key = {
        let (open, menu_ref, button_ref) = (open.clone(), menu_ref.clone(), button_ref.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(menu) = menu_ref.cast::<web_sys::Element>() else { return };
            let list = items(&menu);
            let active = menu.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().and_then(|r| r.active_element());
            let at = active.and_then(|a| list.iter().position(|i| **i == a));
            let next = match e.key().as_str() {
                "ArrowDown" => at.map_or(0, |i| (i + 1) % list.len().max(1)),
                "ArrowUp" => at.map_or(list.len().saturating_sub(1), |i| (i + list.len() - 1) % list.len().max(1)),
                "Home" => 0,
                "End" => list.len().saturating_sub(1),
                "Escape" => {
                    e.prevent_default();
                    open.set(false);
                    focus(button_ref.cast::<web_sys::HtmlElement>().as_ref());
                    return;
                }
                "Tab" => {
                    open.set(false);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            focus(list.get(next));
        })
    };
    // An item chosen (its own click does its work first) closes the menu.
    let on_menu_click = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            let on_item = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest(ITEMS).ok().flatten());
            if on_item.is_some() {
                open.set(false);
            }
        })
    };
    // Focus leaving the menu and its button (a click elsewhere, Tab) closes it.
    let on_focus_out = {
        let open = open.clone();
        Callback::from(move |e: FocusEvent| {
            let wrapper = e.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let to = e.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if !wrapper.is_some_and(|w| w.contains(to.as_ref())) {
                open.set(false);
            }
        })
    };
    let id = format!("am-menu-{}", props.name);
    html! {
        <div class="am-more-menu" data-menu={props.name.clone()} onfocusout={on_focus_out}>
            <button type="button" class="am-button" data-action={props.name.clone()} aria-haspopup="menu" aria-expanded={open.to_string()}
                aria-controls={id.clone()} ref={button_ref} onclick={toggle} onkeydown={on_button_key}>
                { props.label.clone() }{ " ▾" }
            </button>
            <div id={id} class="am-menu" role="menu" aria-label={props.label.clone()} hidden={!*open} ref={menu_ref}
                onkeydown={on_menu_key} onclick={on_menu_click}>
                { props.children.clone() }
            </div>
        </div>
    }
}
