use argmap::model::{LinkRelation, NodeIdx};
use yew::prelude::*;

use super::{pick, MapRef};

#[derive(Properties, PartialEq)]
pub struct CrossRefsProps {
    pub map: MapRef,
    pub node: NodeIdx,
    pub lang: AttrValue,
}

/// The map's cross-references that touch this node, from either end: the other node's text
/// and the link's note.
#[component]
pub fn CrossRefs(props: &CrossRefsProps) -> Html {
    let map = &props.map;
    let lang = &props.lang;
    let s = argmap::strings::strings(lang);
    let n = props.node;
    let items = map.links.iter().filter(|l| l.from == n || l.to == n).map(|link| {
        let other = if link.from == n { link.to } else { link.from };
        let (relation, word) = match link.relation {
            LinkRelation::Contradicts => ("contradicts", s.contradicts),
            LinkRelation::Agrees => ("agrees", s.agrees),
            LinkRelation::Supports if link.from == n => ("supports", s.link_supports),
            LinkRelation::Supports => ("supported-by", s.link_supported_by),
            LinkRelation::Attacks if link.from == n => ("attacks", s.link_attacks),
            LinkRelation::Attacks => ("attacked-by", s.link_attacked_by),
        };
        let (text, text_lang) = pick(&map.nodes[other].text, lang);
        let note = link.note.as_ref().map(|note| {
            let (note, note_lang) = pick(note, lang);
            html! { <>{ " — " }<span class="am-fb-link-note" lang={note_lang}>{ note }</span></> }
        });
        html! {
            <li class="am-fb-link" data-relation={relation} data-other={map.nodes[other].id.clone()}>
                <span class="am-fb-label">{ word }</span>{ " " }<q lang={text_lang}>{ text }</q>{ for note }
            </li>
        }
    });
    html! { <ul class="am-fb-links">{ for items }</ul> }
}
