use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::{Action, ViewMode};
use crate::strings::{language_name, strings};

use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub map: MapRef,
    pub lang: AttrValue,
    pub query: AttrValue,
    /// How many nodes the search finds, while searching.
    pub matches: Option<usize>,
    /// The level the map is open to, when it is open exactly to one (see `ViewState::shown_level`).
    pub level: Option<usize>,
    pub touring: bool,
    pub present: bool,
    /// The drawing shown now, for the view switch.
    pub mode: ViewMode,
    pub on_action: Callback<Action>,
    /// More actions, after the toolbar's own (e.g. "Copy as outline", which needs the rows).
    #[prop_or_default]
    pub children: Html,
}

fn input_value(e: &Event) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// Into the results: the tree's one tab stop, found from the search box itself.
fn focus_current_row(e: &KeyboardEvent) {
    let root = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()).map(|n| n.get_root_node());
    let row = root
        .and_then(|r| r.dyn_into::<web_sys::ShadowRoot>().ok())
        .and_then(|r| r.query_selector("[role=treeitem][tabindex='0']").ok().flatten());
    if let Some(row) = row.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = row.focus();
    }
}

/// Language, search, how much of the map shows, the tour and large type.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let map = &props.map;
    let s = strings(&props.lang);
    let act = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let languages = map.languages.iter().map(|lang| {
        let pressed = **lang == *props.lang;
        html! {
            <button type="button" class="am-button" lang={lang.clone()} aria-pressed={pressed.to_string()}
                onclick={act(Action::SetLang(lang.clone()))}>{ language_name(lang) }</button>
        }
    });
    let depth = map.nodes.iter().map(|n| n.level).max().unwrap_or(1);
    let on_level = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value());
            if let Some(level) = value.and_then(|v| v.parse().ok()) {
                on_action.emit(Action::ExpandToLevel(level));
            }
        })
    };
    let on_search = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| on_action.emit(Action::Search(input_value(&e))))
    };
    let on_search_key = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                on_action.emit(Action::ClearSearch);
            }
            "Enter" | "ArrowDown" => {
                e.prevent_default();
                focus_current_row(&e);
            }
            _ => {}
        })
    };
    let level = props.level.filter(|&l| l <= depth);
    // The select says how far the map is open now, or "Show levels" when no one level describes
    // it (after a single toggle or Expand all on an uneven map). Set as a property: an option's
    // `selected` attribute stops counting once the reader has used the control.
    let levels_ref = use_node_ref();
    {
        let levels_ref = levels_ref.clone();
        use_effect_with(level, move |level| {
            if let Some(select) = levels_ref.cast::<web_sys::HtmlSelectElement>() {
                select.set_value(&level.map(|l| l.to_string()).unwrap_or_default());
            }
        });
    }
    html! {
        <div class="am-toolbar" role="group" aria-label={s.toolbar}>
            <div class="am-group" role="group" aria-label={s.language}>{ for languages }</div>
            <div class="am-group" role="group" aria-label={s.view_switch}>
                { for [(ViewMode::Map, s.view_map), (ViewMode::Outline, s.view_outline)].into_iter().map(|(mode, label)| html! {
                    <button type="button" class="am-button" data-action={format!("view-{}", mode.as_str())}
                        aria-pressed={(props.mode == mode).to_string()} onclick={act(Action::Choose(mode))}>{ label }</button>
                }) }
            </div>
            <div class="am-search">
                <input type="search" class="am-input" aria-label={s.search} placeholder={s.search}
                    value={props.query.clone()} oninput={on_search} onkeydown={on_search_key} />
                <span class="am-count" role="status">{ props.matches.map(s.matches).unwrap_or_default() }</span>
            </div>
            <div class="am-group am-actions">
                <button type="button" class="am-button" data-action="expand-all" onclick={act(Action::ExpandAll)}>{ s.expand_all }</button>
                <button type="button" class="am-button" data-action="collapse-all" onclick={act(Action::CollapseAll)}>{ s.collapse_all }</button>
                <select class="am-input" aria-label={s.levels} onchange={on_level} ref={levels_ref}>
                    <option value="" disabled=true>{ s.levels }</option>
                    { for (2..=depth).map(|l| html! { <option value={l.to_string()}>{ (s.level)(l) }</option> }) }
                </select>
                if !map.tour.is_empty() {
                    <button type="button" class="am-button" data-action="tour" aria-pressed={props.touring.to_string()}
                        onclick={act(Action::Tour((!props.touring).then_some(0)))}>{ s.tour }</button>
                }
                <button type="button" class="am-button" data-action="present" aria-pressed={props.present.to_string()}
                    onclick={act(Action::SetPresent(!props.present))}>{ s.present }</button>
                { props.children.clone() }
            </div>
        </div>
    }
}
