//! A loaded map -> other formats: Argdown (which `import_argdown` reads back to the same map),
//! a Markdown outline for essays, AIF-JSON for argument research tools, OPML 2.0 for outliners.
//! All walk the tree with explicit stacks, whatever its depth.

mod aif;
mod argdown;
mod markdown;
mod opml;

pub use aif::to_aif;
pub use argdown::to_argdown;
pub use markdown::{to_markdown, to_markdown_rows};
pub use opml::to_opml;

use serde_json::{json, Value};

use super::text::Text;
use super::types::{ArgumentMap, NodeIdx};

/// A text as `argmap/1` writes it: a plain string when it is only in the map's first language.
pub(crate) fn text_json(text: &Text, languages: &[String]) -> Value {
    match text.0.as_slice() {
        [(lang, t)] if languages.first() == Some(lang) => json!(t),
        entries => Value::Object(entries.iter().map(|(l, t)| (l.clone(), json!(t))).collect()),
    }
}

/// Nodes in depth-first pre-order with their depth (the root at 0), iteratively.
pub(crate) fn preorder(map: &ArgumentMap) -> Vec<(NodeIdx, usize)> {
    let mut out = Vec::with_capacity(map.nodes.len());
    let mut stack = vec![(map.root, 0usize)];
    while let Some((n, depth)) = stack.pop() {
        out.push((n, depth));
        for &c in map.nodes[n].children.iter().rev() {
            stack.push((c, depth + 1));
        }
    }
    out
}
