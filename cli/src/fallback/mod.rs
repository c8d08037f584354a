//! The static fallback: a whole map as plain HTML, rendered with Yew's server-side renderer, for
//! readers without JavaScript (and for search engines and feed readers). Every node is a
//! `<details>` whose `<summary>` is its line (relation, side, text), so the map still opens node
//! by node with no script at all; nodes with nothing more to show are plain blocks.
//!
//! No `style` attribute anywhere (a strict Content-Security-Policy forbids them): the host page
//! styles the `am-fb-*` classes if it wants to (www/argmap-fallback.css does).
//!
//! One component per file: [`Fallback`] (this file), [`NodeView`], [`EvidenceItem`], [`Flags`],
//! [`CrossRefs`].

mod crossrefs;
mod evidence;
mod flags;
mod node;

use std::rc::Rc;

use argmap::model::{ArgumentMap, Text};
use argmap::strings::strings;
pub use argmap::MapRef;
use yew::prelude::*;

pub use crossrefs::CrossRefs;
pub use evidence::EvidenceItem;
pub use flags::Flags;
pub use node::NodeView;

/// A text in `lang` (else the map's fallback language), and the `lang` attribute its element
/// needs: `None` when it is in the reader's language, else the language it is really in.
pub fn pick<'t>(text: &'t Text, lang: &str) -> (&'t str, Option<AttrValue>) {
    let (text, other) = text.pick(lang);
    (text, other.map(|l| AttrValue::from(l.to_owned())))
}

#[derive(Properties, PartialEq)]
pub struct FallbackProps {
    pub map: MapRef,
    /// The language to render in (a tag such as `en` or `zh`).
    pub lang: AttrValue,
}

/// The whole map: title, summary, a line on what this is, and the tree from its root (open).
#[component]
pub fn Fallback(props: &FallbackProps) -> Html {
    let map = &props.map;
    let lang = &props.lang;
    let (title, title_lang) = pick(&map.title, lang);
    let summary = map.summary.as_ref().map(|s| {
        let (text, text_lang) = pick(s, lang);
        html! { <p class="am-fb-summary" lang={text_lang}>{ text }</p> }
    });
    html! {
        <div class="am-fallback" lang={lang.clone()} data-map-id={map.id.clone()}>
            <p class="am-fb-title" lang={title_lang}><strong>{ title }</strong></p>
            { for summary }
            <p class="am-fb-note">{ strings(lang).fallback_note }</p>
            <NodeView map={map.clone()} node={map.root} lang={lang.clone()} open=true />
        </div>
    }
}

/// Where a page serves the widget's files, and how the element gets its map.
pub struct Embed<'a> {
    /// The folder argmap.js and argmap.css are served from (`/argmap/`).
    pub base: &'a str,
    /// The map's URL for `src`; `None` puts the map inline, as the element's JSON child.
    pub src: Option<&'a str>,
}

/// The first view, already drawn, as a declarative shadow root (`<template
/// shadowrootmode="open">`) for the inside of an `<argument-map>`: the widget's stylesheet (the
/// built argmap.css holds the fallback's rules too) and the fallback, which it lays out as the
/// first view (the question, the open side's answers on
/// one side and the closed side's on the other). The browser paints it from the HTML alone;
/// without JavaScript it opens node by node; with it, the widget draws itself beside it, unseen,
/// and takes its place once ready.
pub fn shadow(map: ArgumentMap, lang: &str, base: &str) -> String {
    // "" and "." both mean "beside the page"; "/" the site's root.
    let base = match base.trim_end_matches('/') {
        "" if !base.starts_with('/') => ".",
        base => base,
    };
    let base = argmap_cli::escape(base);
    format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{base}/argmap.css\">\
         <div class=\"am-first\">{}</div></template>",
        render(map, lang)
    )
}

/// The whole `<argument-map>` element: its language, its map (`src`, else inline) and the
/// first view in its [`shadow`] root.
pub fn element(map: ArgumentMap, map_text: &str, lang: &str, embed: &Embed) -> String {
    use argmap_cli::escape;
    let (source, inline) = match embed.src {
        Some(src) => (format!(" src=\"{}\"", escape(src)), String::new()),
        // `<` only ever stands inside a JSON string, where `\u003c` is the same character:
        // then no `</script>` or `<!--` in the map can end the script element early.
        None => (String::new(), format!("<script type=\"application/json\">{}</script>", map_text.trim().replace('<', "\\u003c"))),
    };
    format!("<argument-map lang=\"{}\"{source}>{}{inline}</argument-map>", escape(lang), shadow(map, lang, embed.base))
}

/// Deep maps nest components deeply; the renderer gets a thread with room for that.
const RENDER_STACK_BYTES: usize = 256 << 20;

/// Renders `map` in `lang` to an HTML fragment (no hydration markers: nothing hydrates it; the
/// widget replaces it when it mounts).
pub fn render(map: ArgumentMap, lang: &str) -> String {
    let lang = lang.to_owned();
    std::thread::Builder::new()
        .name("argmap-render".into())
        .stack_size(RENDER_STACK_BYTES)
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a tokio runtime");
            let local = tokio::task::LocalSet::new();
            let props = FallbackProps { map: MapRef(Rc::new(map)), lang: lang.into() };
            local.block_on(&runtime, yew::LocalServerRenderer::<Fallback>::with_props(props).hydratable(false).render())
        })
        .expect("spawn the render thread")
        .join()
        .expect("the render thread panicked")
}
