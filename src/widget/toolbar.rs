use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::Action;
use crate::strings::strings;

use super::state::MapState;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub state: Rc<MapState>,
    pub on_action: Callback<Action>,
}

fn input_value(e: &Event) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// Language, search, how much of the map shows, the tour and large type.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let map = &props.state.map;
    let view = &props.state.view;
    let s = strings(&view.lang);
    let act = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let languages = map.languages.iter().map(|lang| {
        let pressed = *lang == view.lang;
        html! {
            <button type="button" class="am-button" lang={lang.clone()} aria-pressed={pressed.to_string()}
                onclick={act(Action::SetLang(lang.clone()))}>{ strings(lang).lang_name }</button>
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
        let selected = view.selected;
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                on_action.emit(Action::ClearSearch);
            }
            // Into the results.
            "Enter" | "ArrowDown" => {
                e.prevent_default();
                on_action.emit(Action::Select(selected));
            }
            _ => {}
        })
    };
    let found = view.searching().then(|| view.found(map).len());
    html! {
        <div class="am-toolbar" role="group" aria-label={s.toolbar}>
            <div class="am-group" role="group" aria-label={s.language}>{ for languages }</div>
            <div class="am-search">
                <input type="search" class="am-input" aria-label={s.search} placeholder={s.search}
                    value={view.query.clone()} oninput={on_search} onkeydown={on_search_key} />
                <span class="am-count" role="status">{ found.map(s.matches).unwrap_or_default() }</span>
            </div>
            <div class="am-group am-actions">
                <button type="button" class="am-button" data-action="expand-all" onclick={act(Action::ExpandAll)}>{ s.expand_all }</button>
                <button type="button" class="am-button" data-action="collapse-all" onclick={act(Action::CollapseAll)}>{ s.collapse_all }</button>
                <select class="am-input" aria-label={s.levels} onchange={on_level}>
                    <option value="" selected=true disabled=true>{ s.levels }</option>
                    { for (2..=depth).map(|level| html! { <option value={level.to_string()}>{ (s.level)(level) }</option> }) }
                </select>
                if !map.tour.is_empty() {
                    <button type="button" class="am-button" data-action="tour" aria-pressed={view.tour.is_some().to_string()}
                        onclick={act(if view.tour.is_some() { Action::Tour(None) } else { Action::Tour(Some(0)) })}>{ s.tour }</button>
                }
                <button type="button" class="am-button" data-action="present" aria-pressed={view.present.to_string()}
                    onclick={act(Action::SetPresent(!view.present))}>{ s.present }</button>
            </div>
        </div>
    }
}
