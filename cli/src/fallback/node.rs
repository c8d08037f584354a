use argmap::model::{Kind, NodeIdx, Relation};
use argmap::strings::{side_name, strings};
use yew::prelude::*;

use super::{pick, CrossRefs, EvidenceItem, Flags, MapRef};

#[derive(Properties, PartialEq)]
pub struct NodeViewProps {
    pub map: MapRef,
    pub node: NodeIdx,
    pub lang: AttrValue,
    /// Start expanded (the root does, so its positions show at once, as in the widget).
    #[prop_or_default]
    pub open: bool,
    /// Leave the children out: the parent lists this node's whole subtree flat (see
    /// [`MAX_NESTING`]).
    #[prop_or_default]
    pub flat: bool,
}

/// How deep `<details>` nest. Below this level a subtree is listed flat, in reading order, inside
/// its deepest `<details>` (each node still carries `data-level`), so that a pathologically deep
/// map renders instead of exhausting the stack. Real maps are a few levels deep.
pub const MAX_NESTING: usize = 256;

/// The subtree below `node`, depth first, without recursion.
fn descendants(map: &MapRef, node: NodeIdx) -> Vec<NodeIdx> {
    let mut out = Vec::new();
    let mut stack: Vec<NodeIdx> = map.nodes[node].children.iter().rev().copied().collect();
    while let Some(n) = stack.pop() {
        out.push(n);
        stack.extend(map.nodes[n].children.iter().rev());
    }
    out
}

/// One node: a `<details>` whose `<summary>` is the node's line (its relation to its parent, its
/// side and its text, all in words), and whose body holds the detail, the evidence, the flags,
/// the cross-references and then the children. A node with none of these is a plain block.
#[component]
pub fn NodeView(props: &NodeViewProps) -> Html {
    let map = &props.map;
    let lang = &props.lang;
    let n = props.node;
    let node = &map.nodes[n];
    let s = strings(lang);

    // As in the widget: "answers" goes without saying, and the root has no relation.
    let relation = node.relation.filter(|&r| r != Relation::Answers && node.kind != Kind::Question).map(|r| {
        html! { <><span class="am-fb-rel" data-relation={r.as_str()}>{ s.relation(r) }</span>{ " · " }</> }
    });
    let side = (node.kind != Kind::Question).then(|| {
        html! { <><span class="am-fb-side" data-side={node.side.as_str()}>{ side_name(map, node.side, lang) }</span>{ " · " }</> }
    });
    let (text, text_lang) = pick(&node.text, lang);
    let line = html! {
        <>{ for relation }{ for side }<span class="am-fb-text" lang={text_lang}>{ text }</span></>
    };

    let has_links = map.links.iter().any(|l| l.from == n || l.to == n);
    let children_here = !node.children.is_empty() && !props.flat;
    let has_body = children_here || node.detail.is_some() || !node.evidence.is_empty() || !node.flags.is_empty() || has_links;
    let id = node.id.clone();
    let kind = node.kind.as_str();
    let side_attr = node.side.as_str();
    let level = node.level.to_string();
    if !has_body {
        return html! {
            <div class="am-fb-node am-fb-leaf" data-node-id={id} data-kind={kind} data-side={side_attr} data-level={level}>
                <p class="am-fb-line">{ line }</p>
            </div>
        };
    }

    let detail = node.detail.as_ref().map(|d| {
        let (detail, detail_lang) = pick(d, lang);
        html! { <p class="am-fb-detail" lang={detail_lang}>{ detail }</p> }
    });
    let evidence = (!node.evidence.is_empty()).then(|| {
        html! {
            <><p class="am-fb-label">{ argmap::strings::strings(lang).fallback_evidence }</p>
            <ul class="am-fb-evidence-list">
                { for (0..node.evidence.len()).map(|i| html! {
                    <EvidenceItem map={map.clone()} node={n} index={i} lang={lang.clone()} />
                }) }
            </ul></>
        }
    });
    let flags = (!node.flags.is_empty()).then(|| html! { <Flags flags={node.flags.clone()} lang={lang.clone()} /> });
    let crossrefs = has_links.then(|| html! { <CrossRefs map={map.clone()} node={n} lang={lang.clone()} /> });
    let children = children_here.then(|| {
        let flat = node.level >= MAX_NESTING;
        let shown = if flat { descendants(map, n) } else { node.children.clone() };
        html! {
            <div class="am-fb-children">
                { for shown.into_iter().map(|c| html! {
                    <NodeView key={map.nodes[c].id.clone()} map={map.clone()} node={c} lang={lang.clone()} {flat} />
                }) }
            </div>
        }
    });
    html! {
        <details class="am-fb-node" data-node-id={id} data-kind={kind} data-side={side_attr} data-level={level}
            open={props.open}>
            <summary class="am-fb-line">{ line }</summary>
            <div class="am-fb-body">
                { for detail }
                { for evidence }
                { for flags }
                { for crossrefs }
                { for children }
            </div>
        </details>
    }
}
