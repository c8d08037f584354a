//! `argmap/1` -> a Markdown outline a reader can follow on its own (what a student pastes into
//! an essay): the question as a heading, each claim a list item marked Pro / Con, its detail,
//! each quote in the source's own words with its translation and where it is from. The same
//! shape `import_markdown` reads.

use super::preorder;
use crate::model::types::{ArgumentMap, NodeIdx, Relation};

/// The whole map in `lang` (falling back per text as the widget does).
pub fn to_markdown(map: &ArgumentMap, lang: &str) -> String {
    let rows: Vec<(NodeIdx, usize)> = preorder(map).into_iter().collect();
    to_markdown_rows(map, lang, &rows)
}

/// Given rows only (node, depth below the root): what the reader has open, for "Copy as outline".
pub fn to_markdown_rows(map: &ArgumentMap, lang: &str, rows: &[(NodeIdx, usize)]) -> String {
    let mut out = String::new();
    let root = &map.nodes[map.root];
    out.push_str(&format!("# {}\n\n", one_line(root.text.get(lang))));
    if let Some(s) = &map.summary {
        out.push_str(&format!("{}\n\n", one_line(s.get(lang))));
    }
    if let Some(d) = &root.detail {
        out.push_str(&format!("{}\n\n", one_line(d.get(lang))));
    }
    for &(n, depth) in rows.iter().filter(|&&(n, _)| n != map.root) {
        let node = &map.nodes[n];
        let pad = "  ".repeat(depth.saturating_sub(1));
        let marker = match node.relation {
            Some(Relation::Supports) => "Pro: ",
            Some(Relation::Attacks) => "Con: ",
            _ => "",
        };
        let side = node.explicit_side.map(|s| map.side_name(s, lang).map(str::to_owned).unwrap_or_else(|| s.as_str().to_owned()));
        out.push_str(&format!("{pad}- {marker}{}", one_line(node.text.get(lang))));
        if let Some(side) = side {
            out.push_str(&format!(" ({side})"));
        }
        out.push('\n');
        let inner = format!("{pad}  ");
        if let Some(d) = &node.detail {
            out.push_str(&format!("\n{inner}{}\n\n", one_line(d.get(lang))));
        }
        for e in &node.evidence {
            let source = &map.sources[e.source];
            out.push_str(&format!("{inner}> {}\n", one_line(&e.quote)));
            if let Some(t) = e.translation.as_ref().filter(|t| t.has(lang) && t.get(lang) != e.quote) {
                out.push_str(&format!("{inner}>\n{inner}> ({})\n", one_line(t.get(lang))));
            }
            let mut by = vec![source.title.get(lang).to_owned()];
            by.extend(source.author.iter().cloned());
            by.extend(source.published.iter().cloned());
            by.extend(source.url.iter().cloned());
            out.push_str(&format!("{inner}> — {}\n\n", by.join(", ")));
        }
        if !node.flags.is_empty() {
            out.push_str(&format!("{inner}*{}*\n\n", node.flags.join(", ")));
        }
    }
    let crossrefs: Vec<String> = map
        .links
        .iter()
        .map(|l| {
            format!(
                "- {} *{}* {}",
                one_line(map.nodes[l.from].text.get(lang)),
                l.relation.as_str(),
                one_line(map.nodes[l.to].text.get(lang))
            )
        })
        .collect();
    if !crossrefs.is_empty() {
        out.push_str("\n## Across the map\n\n");
        out.push_str(&crossrefs.join("\n"));
        out.push('\n');
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
