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
