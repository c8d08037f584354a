use yew::prelude::*;

use crate::model::Action;
use crate::strings::strings;

use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct TourPanelProps {
    pub map: MapRef,
    pub lang: AttrValue,
    /// The current step, while the tour runs.
    pub step: Option<usize>,
    pub on_action: Callback<Action>,
}

/// The current step of the guided tour: its note and the way on.
#[component]
pub fn TourPanel(props: &TourPanelProps) -> Html {
    let map = &props.map;
    let (Some(step), Some(stop)) = (props.step, props.step.and_then(|s| map.tour.get(s))) else { return html! {} };
    let s = strings(&props.lang);
    let act = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let last = map.tour.len() - 1;
    html! {
        <section class="am-tour" aria-label={s.tour}>
            <p class="am-tour-step" role="status">{ (s.tour_step)(step + 1, map.tour.len()) }</p>
            <p class="am-tour-note">{ stop.note.get(&props.lang) }</p>
            if let Some(question) = &stop.question {
                <p class="am-prompt"><span class="am-label">{ s.for_discussion }</span>{ " " }{ question.get(&props.lang) }</p>
            }
            <div class="am-group">
                <button type="button" class="am-button" data-action="tour-previous" disabled={step == 0}
                    onclick={act(Action::Tour(Some(step.saturating_sub(1))))}>{ "← " }{ s.previous }</button>
                <button type="button" class="am-button" data-action="tour-next" disabled={step == last}
                    onclick={act(Action::Tour(Some(step + 1)))}>{ s.next }{ " →" }</button>
                <button type="button" class="am-button" data-action="tour-end" onclick={act(Action::Tour(None))}>{ s.end_tour }</button>
            </div>
        </section>
    }
}
