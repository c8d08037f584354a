use yew::prelude::*;

use crate::model::{can_guess, is_web_link, quote_link, Action, Guess, Kind, LinkRelation, NodeIdx, Verdict};
use crate::strings::{side_name, strings};

use super::guess::GuessPanel;
use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct DetailPanelProps {
    pub map: MapRef,
    pub lang: AttrValue,
    /// The selected node, whose detail shows.
    pub node: NodeIdx,
    /// The reader's verdict on it.
    pub verdict: Option<Verdict>,
    /// The exercise hides its relation and side until the reader guesses.
    #[prop_or_default]
    pub concealed: bool,
    /// With the exercise on, the reader's guess on it.
    #[prop_or_default]
    pub answer: Option<Guess>,
    pub on_action: Callback<Action>,
}

/// Everything about the selected node: the longer text, the sources' own words beside their
/// translation, critical-reading flags, links to agreeing and contradicting nodes, and the
/// reader's verdict.
#[component]
pub fn DetailPanel(props: &DetailPanelProps) -> Html {
    let map = &props.map;
    let lang = props.lang.as_str();
    let s = strings(lang);
    let n = props.node;
    let node = &map.nodes[n];
    let act = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };

    let evidence = node.evidence.iter().map(|e| {
        let source = &map.sources[e.source];
        let translation = e.translation.as_ref().filter(|t| t.has(lang)).map(|t| t.get(lang));
        let byline: Vec<&str> = [source.author.as_deref(), source.published.as_deref()].into_iter().flatten().collect();
        html! {
            <figure class="am-evidence">
                <blockquote lang={source.lang.clone()}>{ &e.quote }</blockquote>
                if let Some(translation) = translation {
                    <p class="am-translation">{ translation }</p>
                }
                <figcaption>
                    <span class="am-source-id">{ &source.id }</span>{ " " }
                    <cite lang={source.lang.clone()}>{ source.title.get(lang) }</cite>
                    if !byline.is_empty() { { " · " }{ byline.join(" · ") } }
                    // The loader refuses other schemes; checked again where the link is made.
                    if let Some(url) = source.url.as_deref().filter(|u| is_web_link(u)) {
                        // To the quoted sentence itself: a text fragment the browser scrolls to.
                        { " · " }<a href={quote_link(url, &e.quote)} target="_blank" rel="noopener noreferrer">{ s.read_article }</a>
                    }
                </figcaption>
            </figure>
        }
    });

    let links = map.links.iter().filter(|l| l.from == n || l.to == n).map(|l| {
        let other = if l.from == n { l.to } else { l.from };
        let other_node = &map.nodes[other];
        // Each source once, in the order first cited (A, B, A reads "A B").
        let mut cited: Vec<&str> = Vec::new();
        for e in &other_node.evidence {
            let id = map.sources[e.source].id.as_str();
            if !cited.contains(&id) {
                cited.push(id);
            }
        }
        let relation = match l.relation {
            LinkRelation::Contradicts => ("contradicts", s.contradicts),
            LinkRelation::Agrees => ("agrees", s.agrees),
            LinkRelation::Supports if l.from == n => ("supports", s.link_supports),
            LinkRelation::Supports => ("supported-by", s.link_supported_by),
            LinkRelation::Attacks if l.from == n => ("attacks", s.link_attacks),
            LinkRelation::Attacks => ("attacked-by", s.link_attacked_by),
        };
        html! {
            <li class="am-link" data-relation={relation.0}>
                <span class="am-link-kind">{ relation.1 }</span>
                if !cited.is_empty() { <span class="am-source-id">{ cited.join(" ") }</span> }
                <button type="button" class="am-jump" data-target-id={other_node.id.clone()} onclick={act(Action::Reveal(other))}>
                    <span class="am-sr">{ s.go_to }{ ": " }</span>{ other_node.text.get(lang) }{ " →" }
                </button>
                if let Some(note) = &l.note { <p class="am-link-note">{ note.get(lang) }</p> }
            </li>
        }
    });

    // On a phone the panel is a sheet over the bottom of the map; the reader may fold it away.
    // Pure presentation, so it stays local rather than in the reader's state.
    let folded = use_state(|| false);
    let fold = {
        let folded = folded.clone();
        Callback::from(move |_: MouseEvent| folded.set(!*folded))
    };

    let verdict = props.verdict;
    let verdict_button = |v: Verdict, label: &'static str| {
        let pressed = verdict == Some(v);
        html! {
            <button type="button" class="am-button" data-verdict={if v == Verdict::Convinced { "yes" } else { "no" }}
                aria-pressed={pressed.to_string()} onclick={act(Action::Mark(n, if pressed { None } else { Some(v) }))}>{ label }</button>
        }
    };

    html! {
        // Focusable: on a phone it is a scrolling sheet, and the keyboard must be able to scroll it.
        <section class="am-detail" aria-label={s.details} data-node-id={node.id.clone()} data-folded={folded.to_string()} tabindex="0">
            <button type="button" class="am-button am-small am-fold" aria-expanded={(!*folded).to_string()} onclick={fold}>
                { if *folded { "▴ " } else { "▾ " } }{ s.details }
            </button>
            <p class="am-detail-head">
                if !props.concealed {
                    <span class="am-side" data-side={node.side.as_str()}>{ side_name(map, node.side, lang) }</span>
                }
                if let Some(r) = node.relation.filter(|_| node.kind == Kind::Claim && !props.concealed) {
                    { " " }<span class="am-rel" data-relation={r.as_str()}>{ s.relation(r) }</span>
                }
            </p>
            <p class="am-detail-text">{ node.text.get(lang) }</p>
            if let Some(detail) = &node.detail { <p class="am-detail-body">{ detail.get(lang) }</p> }
            if let Some(prompt) = &node.prompt {
                <p class="am-prompt"><span class="am-label">{ s.for_discussion }</span>{ " " }{ prompt.get(lang) }</p>
            }
            if (props.concealed || props.answer.is_some()) && can_guess(map, n) {
                <GuessPanel key={node.id.clone()} map={map.clone()} lang={props.lang.clone()} node={n} answer={props.answer}
                    on_action={props.on_action.clone()} />
            }
            if !node.flags.is_empty() {
                <ul class="am-flags">{ for node.flags.iter().map(|f| html! { <li data-flag={f.clone()}>{ s.flag(f) }</li> }) }</ul>
            }
            // Its citations name the article, which the reader is guessing.
            if !node.evidence.is_empty() && !props.concealed {
                <p class="am-label">{ s.in_their_words }</p>
                { for evidence }
            }
            if map.links.iter().any(|l| l.from == n || l.to == n) { <ul class="am-links">{ for links }</ul> }
            if node.kind != Kind::Question {
                <div class="am-group am-verdicts" role="group" aria-label={s.your_verdict}>
                    { verdict_button(Verdict::Convinced, s.convinced) }
                    { verdict_button(Verdict::NotConvinced, s.not_convinced) }
                </div>
            }
        </section>
    }
}
