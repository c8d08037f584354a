//! `argmap/1` -> Argdown that `import_argdown` reads back to the same map, and that Argdown's
//! own tools open: the tree as nested `+` / `-` relations (below 40 levels a subtree goes on
//! in a block of its own, so the file grows with the map, not with its depth squared), the
//! map's fields in the front matter, each node's own fields in its inline data, cross-links as
//! relations at the end.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Map, Value};

use super::text_json;
use crate::model::import::{default_kind, plus_answers};
use crate::model::types::{ArgumentMap, LinkRelation, NodeIdx, Relation};
use crate::model::yaml::to_flow;

/// Deeper than this, a subtree goes on in a block of its own.
const MAX_NEST: usize = 40;

/// Characters that mean something in Argdown text, escaped with `\`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        if matches!(c, '\\' | '[' | ']' | '<' | '>' | '{' | '}' | '#' | '*' | '_' | '@') || (c == '/' && matches!(next, Some('/' | '*'))) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text as the importer will read it back: single spaces, nothing around it.
fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an id can stand as an Argdown title as it is: no brackets, braces, backslash or
/// comment openers, nothing around it.
fn title_safe(id: &str) -> bool {
    !id.is_empty()
        && id.trim() == id
        && !id.contains(['[', ']', '<', '>', '{', '}', '\\', '\n', '\r'])
        && !id.contains("//")
        && !id.contains("/*")
        && !id.chars().any(char::is_control)
}

struct Titles {
    titles: Vec<String>,
}

impl Titles {
    fn new(map: &ArgumentMap) -> Titles {
        let used: HashSet<&str> = map.nodes.iter().map(|n| n.id.as_str()).filter(|id| title_safe(id)).collect();
        let mut made: HashSet<String> = HashSet::new();
        let titles = map
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                if title_safe(&n.id) {
                    return n.id.clone();
                }
                let mut t = format!("node-{i}");
                while used.contains(t.as_str()) || made.contains(&t) {
                    t.push('\'');
                }
                made.insert(t.clone());
                t
            })
            .collect();
        Titles { titles }
    }
}

fn node_line(map: &ArgumentMap, n: NodeIdx, titles: &Titles) -> String {
    let node = &map.nodes[n];
    let lang0 = map.languages.first().map(String::as_str).unwrap_or("en");
    let mut data = Map::new();
    if titles.titles[n] != node.id {
        data.insert("id".into(), json!(node.id));
    }
    let main_lang = if node.text.has(lang0) { lang0.to_owned() } else { node.text.0.first().map(|(l, _)| l.clone()).unwrap_or_default() };
    let main = node.text.get(&main_lang);
    let shown = normalized(main);
    let parent = node.parent.map(|p| map.nodes[p].kind);
    let default = default_kind(node.parent.is_none(), &shown, parent, node.explicit_side.is_some());
    if node.kind != default {
        data.insert("kind".into(), json!(node.kind.as_str()));
    }
    if let Some(side) = node.explicit_side {
        data.insert("side".into(), json!(side.as_str()));
    }
    if let (Some(p), Some(r)) = (parent, node.relation) {
        let read_back = if r == Relation::Attacks {
            Relation::Attacks
        } else if plus_answers(p, node.kind) {
            Relation::Answers
        } else {
            Relation::Supports
        };
        if r != read_back {
            data.insert("relation".into(), json!(r.as_str()));
        }
    }
    if main_lang != lang0 {
        data.insert("lang".into(), json!(main_lang));
    }
    let mut other: Map<String, Value> = Map::new();
    for (l, t) in &node.text.0 {
        if *l != main_lang || shown != *t {
            other.insert(l.clone(), json!(t));
        }
    }
    if !other.is_empty() {
        data.insert("text".into(), Value::Object(other));
    }
    if let Some(d) = &node.detail {
        data.insert("detail".into(), text_json(d, &map.languages));
    }
    if !node.evidence.is_empty() {
        let evidence: Vec<Value> = node
            .evidence
            .iter()
            .map(|e| {
                let mut o = Map::new();
                o.insert("source".into(), json!(map.sources[e.source].id));
                o.insert("quote".into(), json!(e.quote));
                if let Some(t) = &e.translation {
                    o.insert("translation".into(), text_json(t, &map.languages));
                }
                Value::Object(o)
            })
            .collect();
        data.insert("evidence".into(), Value::Array(evidence));
    }
    if !node.flags.is_empty() {
        data.insert("flags".into(), json!(node.flags));
    }
    let mut line = format!("[{}]: {}", titles.titles[n], escape(&shown));
    if !data.is_empty() {
        line.push(' ');
        line.push_str(&to_flow(&Value::Object(data)));
    }
    line
}

fn front_matter(map: &ArgumentMap, out: &mut String) {
    let langs = &map.languages;
    out.push_str("===\n");
    let mut field = |key: &str, v: &Value| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&to_flow(v));
        out.push('\n');
    };
    field("id", &json!(map.id));
    field("title", &text_json(&map.title, langs));
    if let Some(s) = &map.summary {
        field("summary", &text_json(s, langs));
    }
    field("languages", &json!(langs));
    if !map.side_names.is_empty() {
        let sides: Map<String, Value> = map.side_names.iter().map(|(s, t)| (s.as_str().to_owned(), text_json(t, langs))).collect();
        field("sides", &Value::Object(sides));
    }
    let list = |key: &str, items: Vec<Value>, out: &mut String| {
        if items.is_empty() {
            return;
        }
        out.push_str(key);
        out.push_str(":\n");
        for item in items {
            out.push_str("  - ");
            out.push_str(&to_flow(&item));
            out.push('\n');
        }
    };
    let sources = map
        .sources
        .iter()
        .map(|s| {
            let mut o = Map::new();
            o.insert("id".into(), json!(s.id));
            o.insert("title".into(), text_json(&s.title, langs));
            for (k, v) in [("author", &s.author), ("published", &s.published), ("url", &s.url)] {
                if let Some(v) = v {
                    o.insert(k.into(), json!(v));
                }
            }
            o.insert("lang".into(), json!(s.lang));
            if let Some(t) = &s.thesis {
                o.insert("thesis".into(), text_json(t, langs));
            }
            Value::Object(o)
        })
        .collect();
    list("sources", sources, out);
    let tour = map.tour.iter().map(|t| json!({"node": map.nodes[t.node].id, "note": text_json(&t.note, langs)})).collect();
    list("tour", tour, out);
    out.push_str("===\n\n");
}

pub fn to_argdown(map: &ArgumentMap) -> String {
    let titles = Titles::new(map);
    let mut out = String::new();
    front_matter(map, &mut out);
    // The tree, depth first; a node at MAX_NEST levels below its block's top hands its
    // children on to a block of their own.
    let mut blocks: Vec<NodeIdx> = vec![map.root];
    let mut b = 0;
    while b < blocks.len() {
        let top = blocks[b];
        b += 1;
        let mut stack: Vec<(NodeIdx, usize)> = vec![(top, 0)];
        while let Some((n, depth)) = stack.pop() {
            let node = &map.nodes[n];
            out.push_str(&"  ".repeat(depth));
            if depth > 0 {
                out.push_str(if node.relation == Some(Relation::Attacks) { "- " } else { "+ " });
            }
            if depth == 0 && n != map.root {
                out.push('[');
                out.push_str(&titles.titles[n]);
                out.push(']');
            } else {
                out.push_str(&node_line(map, n, &titles));
            }
            out.push('\n');
            if depth == MAX_NEST && !node.children.is_empty() {
                blocks.push(n);
                continue;
            }
            for &c in node.children.iter().rev() {
                stack.push((c, depth + 1));
            }
        }
        out.push('\n');
    }
    // Cross-links, from their `from` end.
    // The importer takes a plain relation from a child to its parent for the tree edge said again.
    let tree_edge = |from: NodeIdx, to: NodeIdx| map.nodes[from].parent == Some(to);
    let mut seen: HashMap<(NodeIdx, NodeIdx, &str), ()> = HashMap::new();
    for l in &map.links {
        let symbol = match l.relation {
            LinkRelation::Contradicts => "><",
            LinkRelation::Attacks => "->",
            LinkRelation::Supports | LinkRelation::Agrees => "+>",
        };
        out.push_str(&format!("[{}]\n  {symbol} [{}]", titles.titles[l.from], titles.titles[l.to]));
        let repeated = seen.insert((l.from, l.to, l.relation.as_str()), ()).is_some();
        if l.relation == LinkRelation::Agrees || l.note.is_some() || repeated || tree_edge(l.from, l.to) {
            let mut link = Map::new();
            link.insert("relation".into(), json!(l.relation.as_str()));
            if let Some(note) = &l.note {
                link.insert("note".into(), text_json(note, &map.languages));
            }
            out.push(' ');
            out.push_str(&to_flow(&json!({ "link": Value::Object(link) })));
        }
        out.push_str("\n\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
