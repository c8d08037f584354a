use yew::prelude::*;

use crate::model::{find, Action, Kind, Relation, Row, Verdict};
use crate::strings::{side_name, strings};

use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct TreeRowProps {
    pub map: MapRef,
    pub row: Row,
    pub expanded: bool,
    pub selected: bool,
    pub lang: AttrValue,
    /// The search text, when this row matches it.
    pub query: Option<AttrValue>,
    /// With an article lens on: whether this node cites that article.
    pub lens: Option<bool>,
    pub verdict: Option<Verdict>,
    pub on_action: Callback<Action>,
}

/// `text` with the first occurrence of `query` in a `<mark>`.
fn highlighted(text: &str, query: Option<&AttrValue>) -> Html {
    match query.and_then(|q| find(text, q)) {
        Some((start, end)) => html! { <>{ &text[..start] }<mark>{ &text[start..end] }</mark>{ &text[end..] }</> },
        None => html! { { text.to_owned() } },
    }
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
        html! { <span class="am-hidden">{ s.hidden(node.children.len(), supporting, attacking) }</span> }
    });
    let relation = node
        .relation
        .filter(|r| *r != Relation::Answers && node.kind != Kind::Question)
        .map(|r| html! { <span class="am-rel" data-relation={r.as_str()}>{ s.relation(r) }</span> });
    let verdict = props.verdict.map(|v| {
        let (mark, label) = if v == Verdict::Convinced { ("✓", s.convinced) } else { ("✗", s.not_convinced) };
        html! { <span class="am-verdict" data-verdict={if v == Verdict::Convinced { "yes" } else { "no" }} title={label}>{ mark }<span class="am-sr">{ label }</span></span> }
    });
    let lens = props.lens.map(|hit| if hit { "hit" } else { "dim" });
    html! {
        <div role="treeitem"
            class="am-row"
            data-node-id={node.id.clone()}
            data-kind={node.kind.as_str()}
            data-side={node.side.as_str()}
            data-depth={props.row.level.min(16).to_string()}
            data-lens={lens}
            data-group-start={node.group_start.then_some("true")}
            aria-level={props.row.level.to_string()}
            aria-setsize={props.row.set_size.to_string()}
            aria-posinset={props.row.pos_in_set.to_string()}
            aria-expanded={has_children.then(|| props.expanded.to_string())}
            aria-selected={props.selected.to_string()}
            tabindex={if props.selected { "0" } else { "-1" }}
            {onclick}>
            { for relation }
            <span class="am-side" data-side={node.side.as_str()}>{ side_name(map, node.side, &props.lang) }</span>
            <span class="am-text">{ highlighted(node.text.get(&props.lang), props.query.as_ref()) }</span>
            { for verdict }
            { for hidden }
        </div>
    }
}
