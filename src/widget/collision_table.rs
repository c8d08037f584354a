//! Where the articles collide: the source × source table of `contradicts` and `agrees` links
//! (`articles::collisions`), on demand. A cell's number lists its links; each end jumps there.

use yew::prelude::*;

use crate::model::{collisions, Action, LinkRelation};
use crate::strings::strings;

use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct CollisionTableProps {
    pub map: MapRef,
    pub lang: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn CollisionTable(props: &CollisionTableProps) -> Html {
    let map = &props.map;
    let lang = props.lang.as_str();
    let s = strings(lang);
    let chosen = use_state(|| None::<(usize, usize)>);
    let table = use_memo(map.clone(), |map| collisions(map));
    if map.sources.len() < 2 || map.links.is_empty() {
        return html! {};
    }
    let size = table.size();
    let title = |i: usize| map.sources.get(i).map(|source| source.title.get(lang).to_owned());
    let heads = map.sources.iter().enumerate().map(|(i, source)| html! { <th scope="col" title={title(i)}>{ &source.id }</th> });
    let rows = (0..size).map(|a| {
        let cells = (0..size).map(|b| match table.cell(a, b).filter(|c| !c.is_empty()) {
            None => html! { <td>{ "–" }</td> },
            Some(cell) => {
                let pressed = *chosen == Some((a, b));
                let onclick = {
                    let chosen = chosen.clone();
                    Callback::from(move |_: MouseEvent| chosen.set(if pressed { None } else { Some((a, b)) }))
                };
                let ids = format!("{} {}", map.sources[a].id, map.sources[b].id);
                html! {
                    <td>
                        <button type="button" class="am-cell" data-cell={ids} aria-pressed={pressed.to_string()} {onclick}>
                            { (s.collision_cell)(cell.contradicts.len(), cell.agrees.len()) }
                        </button>
                    </td>
                }
            }
        });
        html! { <tr><th scope="row" title={title(a)}>{ &map.sources[a].id }</th>{ for cells }</tr> }
    });
    let jump = |node: usize| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::Reveal(node)));
        let target = &map.nodes[node];
        html! {
            <button type="button" class="am-jump" data-target-id={target.id.clone()} {onclick}>
                <span class="am-sr">{ s.go_to }{ ": " }</span>{ target.text.get(lang) }{ " →" }
            </button>
        }
    };
    let listed = (*chosen).and_then(|(a, b)| table.cell(a, b)).map(|cell| {
        let links = cell.contradicts.iter().chain(&cell.agrees).filter_map(|&i| map.links.get(i)).map(|link| {
            let (kind, word) = match link.relation {
                LinkRelation::Contradicts | LinkRelation::Attacks => ("contradicts", s.contradicts),
                LinkRelation::Agrees | LinkRelation::Supports => ("agrees", s.agrees),
            };
            html! {
                <li class="am-link" data-relation={kind}>
                    { jump(link.from) }<span class="am-link-kind">{ word }</span>{ jump(link.to) }
                </li>
            }
        });
        html! { <ul class="am-links am-collision-links">{ for links }</ul> }
    });
    html! {
        <details class="am-collisions">
            <summary>{ s.collisions }</summary>
            <div class="am-table-box">
                <table>
                    <caption>{ s.collisions_caption }</caption>
                    <thead><tr><td></td>{ for heads }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { for listed }
        </details>
    }
}
