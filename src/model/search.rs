//! Finding text in the reader's language. Case folding is ASCII only: Unicode case tables would
//! cost the wasm several KB, and Chinese, the other script that matters here, has no case.

use super::types::{ArgumentMap, NodeIdx};

/// Byte range of the first occurrence of `query` in `text`, ignoring ASCII case.
pub fn find(text: &str, query: &str) -> Option<(usize, usize)> {
    let query = query.trim();
    if query.is_empty() || query.len() > text.len() {
        return None;
    }
    let (t, q) = (text.as_bytes(), query.as_bytes());
    (0..=t.len() - q.len())
        .filter(|&i| text.is_char_boundary(i))
        .find(|&i| t[i..i + q.len()].eq_ignore_ascii_case(q))
        .map(|i| (i, i + q.len()))
}

/// Nodes whose text or detail, in `lang`, contains `query`.
pub fn matches(map: &ArgumentMap, lang: &str, query: &str) -> Vec<NodeIdx> {
    map.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| find(n.text.get(lang), query).is_some() || n.detail.as_ref().is_some_and(|d| find(d.get(lang), query).is_some()))
        .map(|(i, _)| i)
        .collect()
}
