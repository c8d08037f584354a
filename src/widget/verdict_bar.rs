use yew::prelude::*;

use crate::model::{Action, Side, Tally};
use crate::strings::{side_name, strings};

use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct VerdictBarProps {
    pub map: MapRef,
    pub lang: AttrValue,
    pub tally: Tally,
    /// Whether the marks are being kept in the browser's storage.
    pub kept: bool,
    pub on_action: Callback<Action>,
}

/// Which side the reader's own marks lean to.
#[component]
pub fn VerdictBar(props: &VerdictBarProps) -> Html {
    let s = strings(&props.lang);
    let tally = props.tally;
    let open = side_name(&props.map, Side::Open, &props.lang);
    let closed = side_name(&props.map, Side::Closed, &props.lang);
    let onclick = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ClearVerdicts))
    };
    html! {
        <div class="am-tally" data-leaning={tally.leaning().as_str()}>
            // Before any mark, the invitation is for screen readers only: the verdict buttons
            // in the detail say it to everyone else, and the line above the map stays quiet.
            <span role="status" class={classes!((tally.marks == 0).then_some("am-sr"))}>
                { if tally.marks == 0 { s.no_marks.to_owned() } else { (s.tally)(tally, open, closed) } }
            </span>
            if tally.marks > 0 {
                <button type="button" class="am-button am-small" data-action="clear-marks" {onclick}>{ s.clear_marks }</button>
            }
            if !props.kept {
                <span class="am-hint" data-notice="not-kept">{ s.not_kept }</span>
            }
        </div>
    }
}
