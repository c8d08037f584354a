use std::rc::Rc;

use yew::prelude::*;

use crate::model::Problem;
use crate::strings::strings;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub problems: Rc<Vec<Problem>>,
    pub lang: AttrValue,
}

/// Every problem with the map, announced once (`role="alert"`), each on its own line.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let s = strings(&props.lang);
    html! {
        <div class="am-error" role="alert">
            <p class="am-error-title"><strong>{ s.error_title }</strong>{ " " }{ (s.problems_found)(props.problems.len()) }</p>
            <ul>
                { for props.problems.iter().map(|p| html! { <li><code>{ s.located_problem(p) }</code></li> }) }
            </ul>
        </div>
    }
}
