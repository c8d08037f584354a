use yew::prelude::*;

use crate::model::Action;
use crate::strings::strings;

use super::collision_table::CollisionTable;
use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub map: MapRef,
    pub lang: AttrValue,
    /// The source whose claims are highlighted, if any.
    pub lens: Option<usize>,
    pub on_action: Callback<Action>,
}

/// The map's sources with their theses; choosing one is the article lens. Opened and closed by
/// the reader only: a lens turned off must not fold the list away under the pointer.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let map = &props.map;
    let s = strings(&props.lang);
    // Open at first when a link arrived with a lens on; the reader's from then on.
    let open_at_first = use_state(|| props.lens.is_some());
    if map.sources.is_empty() {
        return html! {};
    }
    let items = map.sources.iter().enumerate().map(|(i, source)| {
        let on = props.lens == Some(i);
        let onclick = {
            let on_action = props.on_action.clone();
            Callback::from(move |_: MouseEvent| on_action.emit(Action::SetLens(if on { None } else { Some(i) })))
        };
        html! {
            <li>
                <button type="button" class="am-source" data-source-id={source.id.clone()} aria-pressed={on.to_string()} {onclick}>
                    <span class="am-source-id">{ &source.id }</span>
                    <span class="am-source-title" lang={source.lang.clone()}>{ source.title.get(&props.lang) }</span>
                    if let Some(thesis) = &source.thesis {
                        <span class="am-source-thesis">{ thesis.get(&props.lang) }</span>
                    }
                </button>
            </li>
        }
    });
    html! {
        <details class="am-legend" open={*open_at_first}>
            <summary>{ s.articles }{ " (" }{ map.sources.len() }{ ")" }</summary>
            // A panel over the map, not a block that pushes the map down.
            <div class="am-panel">
                <p class="am-hint">{ s.lens_hint }</p>
                <ul>{ for items }</ul>
                <CollisionTable map={map.clone()} lang={props.lang.clone()} on_action={props.on_action.clone()} />
            </div>
        </details>
    }
}
