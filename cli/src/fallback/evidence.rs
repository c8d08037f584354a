use argmap::model::{is_web_link, lang_base, NodeIdx};
use yew::prelude::*;

use super::{pick, MapRef};

#[derive(Properties, PartialEq)]
pub struct EvidenceItemProps {
    pub map: MapRef,
    pub node: NodeIdx,
    /// Which of the node's evidence items.
    pub index: usize,
    pub lang: AttrValue,
}

/// One piece of evidence: the verbatim quote (marked with its own language), its translation
/// when the reader's language is another, and its source: title (a link only to an http(s)
/// URL), author, date.
#[component]
pub fn EvidenceItem(props: &EvidenceItemProps) -> Html {
    let map = &props.map;
    let lang = &props.lang;
    let w = argmap::strings::strings(lang);
    let evidence = &map.nodes[props.node].evidence[props.index];
    let source = &map.sources[evidence.source];

    let translation = evidence.translation.as_ref().filter(|_| lang_base(&source.lang) != lang_base(lang)).map(|t| {
        let (text, text_lang) = pick(t, lang);
        html! {
            <p class="am-fb-translation">
                <span class="am-fb-label">{ w.fallback_translation }</span>{ " " }<span lang={text_lang}>{ text }</span>
            </p>
        }
    });

    let (title, title_lang) = pick(&source.title, lang);
    let title = html! { <cite lang={title_lang}>{ title }</cite> };
    // The loader refuses any other scheme; checked again here because this is a link.
    let safe_url = source.url.as_deref().filter(|u| is_web_link(u)).map(|u| AttrValue::from(u.to_owned()));
    let title = match safe_url {
        Some(href) => html! { <a {href} rel="noopener noreferrer">{ title }</a> },
        None => title,
    };
    let author = source.author.as_ref().map(|a| html! { <>{ w.comma }<span class="am-fb-author">{ a.clone() }</span></> });
    let date = source.published.as_ref().map(|d| html! { <>{ w.comma }<time class="am-fb-date">{ d.clone() }</time></> });

    html! {
        <li class="am-fb-evidence" data-source={source.id.clone()}>
            <blockquote class="am-fb-quote" lang={source.lang.clone()}>{ evidence.quote.clone() }</blockquote>
            { for translation }
            <p class="am-fb-source">
                <span class="am-fb-label">{ w.fallback_source }</span>{ " " }{ title }{ for author }{ for date }
            </p>
        </li>
    }
}
