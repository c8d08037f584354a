use std::rc::Rc;

use yew::prelude::*;

use crate::model::{children_shown, find, Action, ArgumentMap, Elsewhere, Field, NodeIdx, Relation, Row, Verdict, ViewState};
use crate::strings::{language_name, side_name, strings};

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
    /// Where the search matched, when not in the claim as shown (another language, a quote…).
    pub elsewhere: Option<Rc<Elsewhere>>,
    /// With an article lens on: whether this node cites that article.
    pub lens: Option<bool>,
    pub verdict: Option<Verdict>,
    /// Drawn as a card on the map (else a row of the outline).
    #[prop_or_default]
    pub card: bool,
    /// On the map: how many of its links lead to a node not shown (the detail lists them).
    #[prop_or_default]
    pub links_elsewhere: usize,
    /// What the exercise hides of this row.
    #[prop_or_default]
    pub hiding: Hiding,
    pub on_action: Callback<Action>,
}

/// What the exercise hides of a row: its own relation and side, and of its children which
/// are still to guess (a closed row does not count those by relation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hiding {
    pub concealed: bool,
    /// With the exercise on: its children (supporting, attacking, still to guess).
    pub children: Option<(usize, usize, usize)>,
}

pub fn hiding(map: &ArgumentMap, view: &ViewState, node: NodeIdx) -> Hiding {
    if !view.exercise {
        return Hiding::default();
    }
    let mut children = (0, 0, 0);
    for &c in map.nodes.get(node).map_or(&[][..], |n| n.children.as_slice()) {
        match map.nodes[c].relation {
            _ if view.conceals(map, c) => children.2 += 1,
            Some(Relation::Supports) => children.0 += 1,
            Some(Relation::Attacks) => children.1 += 1,
            _ => {}
        }
    }
    Hiding { concealed: view.conceals(map, node), children: Some(children) }
}

/// Whether `rows[i]` shows as open, in either drawing: its children are shown. While searching
/// that is whether the next row is a child (only the paths to matches show), else the reader's
/// own open or closed.
pub fn shows_open(map: &ArgumentMap, view: &ViewState, rows: &[Row], i: usize) -> bool {
    if view.searching() {
        children_shown(map, rows, i)
    } else {
        rows.get(i).is_some_and(|row| view.is_expanded(row.node))
    }
}

/// `text` with the first occurrence of `query` in a `<mark>`.
fn highlighted(text: &str, query: Option<&AttrValue>) -> Html {
    match query.and_then(|q| find(text, q)) {
        Some((start, end)) => html! { <>{ &text[..start] }<mark>{ &text[start..end] }</mark>{ &text[end..] }</> },
        None => html! { { text.to_owned() } },
    }
}

/// One `treeitem`. Its accessible name is the claim alone (what type-ahead matches, what a
/// screen reader says first); relation, side, verdict and what is hidden are its description.
/// The name comes from the content, where the badges are `aria-hidden`: so it is exactly the
/// claim (no `aria-labelledby`, which would make speech input's "click <what I see>" miss), and
/// the description may still point at the hidden badges.
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
    let id = |part: &str| format!("am-{part}-{n}");
    let mut described_by: Vec<String> = Vec::with_capacity(5);
    let concealed = props.hiding.concealed;
    let relation = node.shown_relation().map(|r| {
        described_by.push(id("r"));
        if concealed {
            // No +/− and no side: the reader guesses them in the detail panel.
            return html! {
                <span class="am-rel" id={id("r")} aria-hidden="true" data-relation="hidden" title={s.relation_hidden}>
                    { "?" }<span class="am-sr">{ s.relation_hidden }</span>
                </span>
            };
        }
        html! { <span class="am-rel" id={id("r")} aria-hidden="true" data-relation={r.as_str()}>{ s.relation(r) }</span> }
    });
    if !concealed {
        described_by.push(id("s"));
    }
    let verdict = props.verdict.map(|v| {
        described_by.push(id("v"));
        let (mark, label) = if v == Verdict::Convinced { ("✓", s.convinced) } else { ("✗", s.not_convinced) };
        html! {
            <span class="am-verdict" id={id("v")} aria-hidden="true" data-verdict={if v == Verdict::Convinced { "yes" } else { "no" }} title={label}>
                <span aria-hidden="true">{ mark }</span><span class="am-sr">{ label }</span>
            </span>
        }
    });
    let hidden = (has_children && !props.expanded).then(|| {
        described_by.push(id("h"));
        let (supporting, attacking, guessing) = props
            .hiding
            .children
            .unwrap_or_else(|| (map.count_children(n, Relation::Supports), map.count_children(n, Relation::Attacks), 0));
        let text = s.hidden(node.children.len(), supporting, attacking, guessing);
        html! { <span class="am-hidden" id={id("h")} aria-hidden="true">{ text }</span> }
    });
    let found = props.elsewhere.as_ref().map(|e| {
        described_by.push(id("f"));
        let place = match e.field {
            Field::Text => format!("{} ({})", s.found_in_text, language_name(&e.lang)),
            Field::Detail => s.found_in_detail.to_owned(),
            Field::Quote(_) => s.found_in_quote.to_owned(),
            Field::Translation(_) => s.found_in_translation.to_owned(),
        };
        let (before, matched, after) = e.snippet();
        html! {
            <span class="am-found" id={id("f")} aria-hidden="true">
                { place }{ ": " }<span lang={e.lang.clone()}>{ before }<mark>{ matched.to_owned() }</mark>{ after }</span>
            </span>
        }
    });
    let links = (props.links_elsewhere > 0).then(|| {
        described_by.push(id("l"));
        html! { <span class="am-links-badge" id={id("l")} aria-hidden="true">{ (s.links_elsewhere)(props.links_elsewhere) }</span> }
    });
    // The lens would tell which article a hidden claim is from.
    let lens = props.lens.filter(|_| !concealed).map(|hit| if hit { "hit" } else { "dim" });
    let side = if concealed { "hidden" } else { node.side.as_str() };
    html! {
        <div role="treeitem"
            class={if props.card { "am-card" } else { "am-row" }}
            data-node-id={node.id.clone()}
            data-kind={node.kind.as_str()}
            data-side={side}
            data-depth={props.row.level.min(16).to_string()}
            data-lens={lens}
            data-group-start={node.group_start.then_some("true")}
            aria-describedby={described_by.join(" ")}
            aria-level={props.row.level.to_string()}
            aria-setsize={props.row.set_size.to_string()}
            aria-posinset={props.row.pos_in_set.to_string()}
            aria-expanded={has_children.then(|| props.expanded.to_string())}
            aria-selected={props.selected.to_string()}
            tabindex={if props.selected { "0" } else { "-1" }}
            {onclick}>
            { for relation }
            if !concealed {
                <span class="am-side" id={id("s")} aria-hidden="true" data-side={side}>{ side_name(map, node.side, &props.lang) }</span>
            }
            <span class="am-text">{ highlighted(node.text.get(&props.lang), props.query.as_ref()) }</span>
            { for verdict }
            { for hidden }
            { for found }
            { for links }
        </div>
    }
}
