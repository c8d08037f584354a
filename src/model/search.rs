//! Finding text in every language of the map: the claim, its detail, the quotes in their own
//! script and their translations. Case folding is ASCII only: Unicode case tables would cost
//! the wasm several KB, and Chinese, the other script that matters here, has no case.

use std::rc::Rc;

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

/// Which part of a node a search matched, when it is not the claim in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// The claim, in another language than the reader's.
    Text,
    Detail,
    /// The quote of `evidence[i]`, in the source's own script.
    Quote(usize),
    /// The translation of `evidence[i]`.
    Translation(usize),
}

/// Where a node matched, so the row can show the words that matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Elsewhere {
    pub field: Field,
    /// The language tag of the matched text (a source's `lang` for a quote).
    pub lang: String,
    /// The matched text, and the byte range of the match in it.
    pub text: String,
    pub range: (usize, usize),
}

impl Elsewhere {
    /// The match with a little of the text around it, cut at character boundaries: the part
    /// before the match, the match, the part after (`…` where text was left out).
    pub fn snippet(&self) -> (String, &str, String) {
        let (start, end) = self.range;
        let before: Vec<char> = self.text[..start].chars().collect();
        let after: Vec<char> = self.text[end..].chars().collect();
        let cut = |chars: &[char], keep: usize, from_end: bool| -> String {
            if chars.len() <= keep {
                return chars.iter().collect();
            }
            if from_end {
                std::iter::once('…').chain(chars[chars.len() - keep..].iter().copied()).collect()
            } else {
                chars[..keep].iter().copied().chain(std::iter::once('…')).collect()
            }
        };
        (cut(&before, 24, true), &self.text[start..end], cut(&after, 40, false))
    }
}

/// The result of one search, computed once per query and read by the toolbar (the count), the
/// tree (which rows show, what they highlight) and the reducer (where the selection goes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hits {
    hit: Vec<bool>,
    /// For each hit not in the claim's reader-language text: where it matched.
    elsewhere: Vec<Option<Rc<Elsewhere>>>,
    count: usize,
}

impl Hits {
    /// No search: nothing matches.
    pub fn none() -> Hits {
        Hits::default()
    }

    pub fn search(map: &ArgumentMap, lang: &str, query: &str) -> Hits {
        let query = query.trim();
        let mut hits = Hits { hit: vec![false; map.nodes.len()], elsewhere: Vec::new(), count: 0 };
        if query.is_empty() {
            return hits;
        }
        hits.elsewhere = vec![None; map.nodes.len()];
        for (i, node) in map.nodes.iter().enumerate() {
            let here = node.text.has(lang) && find(node.text.get(lang), query).is_some();
            let found = here.then_some(None).or_else(|| elsewhere(map, i, lang, query).map(|e| Some(Rc::new(e))));
            if let Some(place) = found {
                hits.hit[i] = true;
                hits.elsewhere[i] = place;
                hits.count += 1;
            }
        }
        hits
    }

    pub fn contains(&self, node: NodeIdx) -> bool {
        self.hit.get(node).copied().unwrap_or(false)
    }

    pub fn count(&self) -> usize {
        self.count
    }

    /// Where `node` matched, if not in its claim in the reader's language.
    pub fn elsewhere(&self, node: NodeIdx) -> Option<&Rc<Elsewhere>> {
        self.elsewhere.get(node).and_then(|e| e.as_ref())
    }

    pub fn iter(&self) -> impl Iterator<Item = NodeIdx> + '_ {
        self.hit.iter().enumerate().filter(|(_, &h)| h).map(|(i, _)| i)
    }
}

/// The first match in any other text of the node: the claim in other languages, the detail,
/// each quote and each translation.
fn elsewhere(map: &ArgumentMap, n: NodeIdx, lang: &str, query: &str) -> Option<Elsewhere> {
    let node = &map.nodes[n];
    let texts = node.text.0.iter().filter(|(l, _)| l != lang).map(|(l, t)| (Field::Text, l.as_str(), t.as_str()));
    let detail = node.detail.iter().flat_map(|d| {
        let (first, rest): (Vec<_>, Vec<_>) = d.0.iter().partition(|(l, _)| l == lang);
        first.into_iter().chain(rest).map(|(l, t)| (Field::Detail, l.as_str(), t.as_str()))
    });
    let evidence = node.evidence.iter().enumerate().flat_map(|(i, e)| {
        let lang = map.sources.get(e.source).map_or("", |s| s.lang.as_str());
        let quote = std::iter::once((Field::Quote(i), lang, e.quote.as_str()));
        let translations =
            e.translation.iter().flat_map(move |t| t.0.iter().map(move |(l, t)| (Field::Translation(i), l.as_str(), t.as_str())));
        quote.chain(translations)
    });
    detail.chain(texts).chain(evidence).find_map(|(field, lang, text)| {
        find(text, query).map(|range| Elsewhere { field, lang: lang.to_owned(), text: text.to_owned(), range })
    })
}
