//! `argmap/1` -> OPML 2.0 for outliners: one `<outline>` per node, nested as the tree, with the
//! relation and side as attributes and the detail as `_note`.

use crate::model::types::ArgumentMap;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

pub fn to_opml(map: &ArgumentMap, lang: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n");
    out.push_str(&format!("    <title>{}</title>\n  </head>\n  <body>\n", escape(map.title.get(lang))));
    // (node, depth, closing?) with an explicit stack.
    let mut stack = vec![(map.root, 0usize, false)];
    while let Some((n, depth, closing)) = stack.pop() {
        let pad = "  ".repeat(depth + 2);
        if closing {
            out.push_str(&format!("{pad}</outline>\n"));
            continue;
        }
        let node = &map.nodes[n];
        let mut attrs = format!("text=\"{}\"", escape(node.text.get(lang)));
        if let Some(r) = node.relation {
            attrs.push_str(&format!(" argmapRelation=\"{}\"", r.as_str()));
        }
        attrs.push_str(&format!(" argmapSide=\"{}\" argmapKind=\"{}\"", node.side.as_str(), node.kind.as_str()));
        if let Some(d) = &node.detail {
            attrs.push_str(&format!(" _note=\"{}\"", escape(d.get(lang))));
        }
        if node.children.is_empty() {
            out.push_str(&format!("{pad}<outline {attrs}/>\n"));
        } else {
            out.push_str(&format!("{pad}<outline {attrs}>\n"));
            stack.push((n, depth, true));
            for &c in node.children.iter().rev() {
                stack.push((c, depth + 1, false));
            }
        }
    }
    out.push_str("  </body>\n</opml>\n");
    out
}
