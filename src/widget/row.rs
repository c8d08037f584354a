use yew::prelude::*;

use crate::model::{Action, Kind, Relation, Row};
use crate::strings::strings;

use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct TreeRowProps {
    pub map: MapRef,
    pub row: Row,
    pub expanded: bool,
    pub selected: bool,
    pub lang: AttrValue,
    pub on_action: Callback<Action>,
}

/// One `treeitem`: relation to its parent, side (as a word and a mark, not colour alone), the
/// claim, and what is hidden behind it.
#[component]
pub fn TreeRow(props: &TreeRowProps) -> Html {
    let map = &props.map;
    let n = props.row.node;
    let node = &map.nodes[n];
    let s = strings(&props.lang);
    let has_children = !node.children.is_empty();
    let onclick = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Toggle(n)))
    };
    let hidden = (has_children && !props.expanded).then(|| {
        let supporting = map.count_children(n, Relation::Supports);
        let attacking = map.count_children(n, Relation::Attacks);
        html! { <span class="am-hidden">{ (s.hidden)(node.children.len(), supporting, attacking) }</span> }
    });
    let relation = node
        .relation
        .filter(|_| node.kind != Kind::Question)
        .map(|r| html! { <span class="am-rel" data-relation={r.as_str()}>{ s.relation(r) }</span> });
    html! {
        <div role="treeitem"
            class="am-row"
            data-node-id={node.id.clone()}
            data-kind={node.kind.as_str()}
            data-side={node.side.as_str()}
            data-depth={props.row.level.min(16).to_string()}
            aria-level={props.row.level.to_string()}
            aria-setsize={props.row.set_size.to_string()}
            aria-posinset={props.row.pos_in_set.to_string()}
            aria-expanded={has_children.then(|| props.expanded.to_string())}
            aria-selected={props.selected.to_string()}
            tabindex={if props.selected { "0" } else { "-1" }}
            {onclick}>
            <span class="am-twisty" aria-hidden="true">{ if !has_children { "" } else if props.expanded { "▾" } else { "▸" } }</span>
            { for relation }
            <span class="am-side" data-side={node.side.as_str()}>{ s.side(node.side) }</span>
            <span class="am-text">{ node.text.get(&props.lang) }</span>
            { for hidden }
        </div>
    }
}
