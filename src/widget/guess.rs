//! "Predict, then see", in the detail panel of the selected claim: the reader's guess (supports
//! or attacks, and which article when the map has several), then the answer beside it. Here and
//! not in the rows: a treeitem must not hold buttons.

use yew::prelude::*;

use crate::model::{article_of, check_guess, Action, Guess, NodeIdx, Relation};
use crate::strings::strings;

use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct GuessPanelProps {
    pub map: MapRef,
    pub lang: AttrValue,
    pub node: NodeIdx,
    /// The reader's kept guess, once given.
    pub answer: Option<Guess>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn GuessPanel(props: &GuessPanelProps) -> Html {
    let map = &props.map;
    let lang = props.lang.as_str();
    let s = strings(lang);
    let n = props.node;
    let article = use_node_ref();
    let result = use_node_ref();
    // The buttons that had focus are gone once the answer shows: focus goes to the answer.
    let guessed_here = use_mut_ref(|| false);
    {
        let (result, guessed_here) = (result.clone(), guessed_here.clone());
        use_effect_with(props.answer.is_some(), move |&answered| {
            if answered && std::mem::take(&mut *guessed_here.borrow_mut()) {
                if let Some(result) = result.cast::<web_sys::HtmlElement>() {
                    let _ = result.focus();
                }
            }
        });
    }
    let Some(guess) = props.answer else {
        let several = map.sources.len() > 1;
        let button = |relation: Relation| {
            let (on_action, article, guessed_here) = (props.on_action.clone(), article.clone(), guessed_here.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                // The first option is "not sure".
                let chosen = article.cast::<web_sys::HtmlSelectElement>().map_or(0, |a| a.selected_index());
                let source = usize::try_from(chosen).ok().and_then(|i| i.checked_sub(1));
                *guessed_here.borrow_mut() = true;
                on_action.emit(Action::Guess(n, Guess { relation, source }));
            });
            html! { <button type="button" class="am-button" data-guess={relation.as_str()} {onclick}>{ s.relation(relation) }</button> }
        };
        return html! {
            <div class="am-guess" role="group" aria-label={s.your_guess}>
                <p class="am-label">{ s.your_guess }</p>
                if several {
                    <label class="am-guess-article">{ s.which_article }{ " " }
                        // Keyed by the claim: a choice left on one claim is never another's. And
                        // "not sure" selected by its attribute: Yew puts the options in last
                        // first, and the first one put in would otherwise stay selected.
                        <select key={map.nodes[n].id.clone()} ref={article.clone()}>
                            <option selected=true>{ s.not_sure }</option>
                            { for map.sources.iter().map(|source| html! {
                                <option>{ &source.id }{ " · " }{ source.title.get(lang) }</option>
                            }) }
                        </select>
                    </label>
                }
                { button(Relation::Supports) }
                { button(Relation::Attacks) }
            </div>
        };
    };
    let correct = check_guess(map, n, guess).is_some_and(|c| c.correct());
    let node = &map.nodes[n];
    let source_line = |source: Option<usize>| {
        source.and_then(|i| map.sources.get(i)).map(|source| {
            html! { <>{ " · " }<span class="am-source-id">{ &source.id }</span>{ " " }{ source.title.get(lang) }</> }
        })
    };
    html! {
        <div class="am-guess" data-correct={correct.to_string()}>
            <p class="am-guess-result" ref={result} tabindex="-1">
                <strong>{ if correct { s.right } else { s.wrong } }</strong>{ " " }{ s.the_answer }{ " " }
                if let Some(r) = node.relation {
                    <span class="am-rel" data-relation={r.as_str()}>{ s.relation(r) }</span>
                }
                { for source_line(article_of(map, n)) }
            </p>
            <p class="am-hint">{ s.you_guessed }{ " " }{ s.relation(guess.relation) }{ for source_line(guess.source) }</p>
        </div>
    }
}
