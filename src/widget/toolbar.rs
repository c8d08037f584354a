use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::{Action, ViewMode};
use crate::strings::{language_name, strings};

use super::copy_outline::CopyOutcome;
use super::more_menu::MoreMenu;
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
    /// Where the last "Copy as outline" went, told next to the menu that held it.
    #[prop_or_default]
    pub copied: Option<CopyOutcome>,
    /// More menu items, after the toolbar's own (e.g. "Copy as outline", which needs the rows).
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

/// One row: language, map or outline, search, expand and collapse all, and "More" (how far to
/// open, the tour, large type, copy as outline): the map, not its controls, is what a reader
/// sees first.
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
    let levels = (2..=depth).map(|l| {
        html! {
            <button type="button" class="am-menuitem" role="menuitemradio" data-level={l.to_string()}
                aria-checked={(level == Some(l)).to_string()} onclick={act(Action::ExpandToLevel(l))}>{ (s.level)(l) }</button>
        }
    });
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
                <MoreMenu label={s.more} name="more">
                    if depth >= 2 {
                        <div role="group" class="am-menu-group" aria-label={s.levels}>{ for levels }</div>
                    }
                    if !map.tour.is_empty() {
                        <button type="button" class="am-menuitem" role="menuitemcheckbox" data-action="tour" aria-checked={props.touring.to_string()}
                            onclick={act(Action::Tour((!props.touring).then_some(0)))}>{ s.tour }</button>
                    }
                    <button type="button" class="am-menuitem" role="menuitemcheckbox" data-action="present" aria-checked={props.present.to_string()}
                        onclick={act(Action::SetPresent(!props.present))}>{ s.present }</button>
                    { props.children.clone() }
                </MoreMenu>
                <span class="am-count" role="status" data-outcome={props.copied.map(CopyOutcome::as_str)}>
                    { match props.copied { Some(CopyOutcome::Copied) => s.copied_outline, Some(CopyOutcome::Saved) => s.saved_outline, None => "" } }
                </span>
            </div>
        </div>
    }
}
