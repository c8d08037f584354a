use std::rc::Rc;

use yew::prelude::*;

use crate::model::Action;
use crate::strings::strings;

use super::state::MapState;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub state: Rc<MapState>,
    pub on_action: Callback<Action>,
}

/// The map's sources with their theses; choosing one is the article lens.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let map = &props.state.map;
    let view = &props.state.view;
    let s = strings(&view.lang);
    if map.sources.is_empty() {
        return html! {};
    }
    let items = map.sources.iter().enumerate().map(|(i, source)| {
        let on = view.lens == Some(i);
        let onclick = {
            let on_action = props.on_action.clone();
            Callback::from(move |_: MouseEvent| on_action.emit(Action::SetLens(if on { None } else { Some(i) })))
        };
        html! {
            <li>
                <button type="button" class="am-source" data-source-id={source.id.clone()} aria-pressed={on.to_string()} {onclick}>
                    <span class="am-source-id">{ &source.id }</span>
                    <span class="am-source-title" lang={source.lang.clone()}>{ source.title.get(&view.lang) }</span>
                    if let Some(thesis) = &source.thesis {
                        <span class="am-source-thesis">{ thesis.get(&view.lang) }</span>
                    }
                </button>
            </li>
        }
    });
    html! {
        <details class="am-legend" open={view.lens.is_some()}>
            <summary>{ s.articles }{ " (" }{ map.sources.len() }{ ")" }</summary>
            <p class="am-hint">{ s.lens_hint }</p>
            <ul>{ for items }</ul>
        </details>
    }
}
