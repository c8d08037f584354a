use std::rc::Rc;

use yew::prelude::*;

use crate::model::Action;
use crate::model::Side;
use crate::strings::{side_name, strings};

use super::state::MapState;

#[derive(Properties, PartialEq)]
pub struct VerdictBarProps {
    pub state: Rc<MapState>,
    pub on_action: Callback<Action>,
    /// Whether the marks will be kept in the browser's storage.
    pub kept: bool,
}

/// Which side the reader's own marks lean to.
#[component]
pub fn VerdictBar(props: &VerdictBarProps) -> Html {
    let map = &props.state.map;
    let view = &props.state.view;
    let s = strings(&view.lang);
    let tally = view.verdicts.tally(map);
    let open = side_name(map, Side::Open, &view.lang);
    let closed = side_name(map, Side::Closed, &view.lang);
    let onclick = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ClearVerdicts))
    };
    html! {
        <div class="am-tally" data-leaning={tally.leaning().as_str()}>
            <span role="status">{ if tally.marks == 0 { s.no_marks.to_owned() } else { (s.tally)(tally, open, closed) } }</span>
            if tally.marks > 0 {
                <button type="button" class="am-button am-small" data-action="clear-marks" {onclick}>{ s.clear_marks }</button>
            }
            if !props.kept {
                <span class="am-hint">{ s.not_kept }</span>
            }
        </div>
    }
}
