//! Export to Argdown, import it back: the same map. On the flagship, the sample, and random
//! maps (random trees, kinds, relations, sides, texts in one or two languages with the
//! characters Argdown gives meaning to, ids that are not Argdown titles, links of every kind).
//! Maps are compared by node id (the importer lists nodes in the order the text shows them).
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::export::to_argdown;
use argmap::model::*;
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::{json, Value};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

fn text(t: &Text) -> Value {
    Value::Array(t.0.iter().map(|(l, s)| json!([l, s])).collect())
}

/// Everything a reader can see, with indices replaced by ids.
fn canonical(map: &ArgumentMap) -> Value {
    let id = |i: usize| map.nodes[i].id.clone();
    let mut nodes: Vec<Value> = map
        .nodes
        .iter()
        .map(|n| {
            json!({
                "id": n.id, "parent": n.parent.map(id), "children": n.children.iter().map(|&c| id(c)).collect::<Vec<_>>(),
                "kind": n.kind.as_str(), "relation": n.relation.map(|r| r.as_str()), "explicit_side": n.explicit_side.map(|s| s.as_str()),
                "side": n.side.as_str(), "level": n.level, "group_start": n.group_start, "text": text(&n.text),
                "detail": n.detail.as_ref().map(text), "flags": n.flags,
                "evidence": n.evidence.iter().map(|e| json!([map.sources[e.source].id, e.quote, e.translation.as_ref().map(text)])).collect::<Vec<_>>(),
            })
        })
        .collect();
    nodes.sort_by_key(|n| n["id"].as_str().unwrap_or("").to_owned());
    json!({
        "id": map.id, "title": text(&map.title), "summary": map.summary.as_ref().map(text), "languages": map.languages,
        "root": id(map.root), "nodes": nodes,
        "links": map.links.iter().map(|l| json!([id(l.from), id(l.to), l.relation.as_str(), l.note.as_ref().map(text)])).collect::<Vec<_>>(),
        "tour": map.tour.iter().map(|t| json!([id(t.node), text(&t.note)])).collect::<Vec<_>>(),
        "sides": map.side_names.iter().map(|(s, t)| json!([s.as_str(), text(t)])).collect::<Vec<_>>(),
        "sources": map.sources.iter().map(|s| json!([s.id, text(&s.title), s.author, s.published, s.url, s.lang, s.thesis.as_ref().map(text)])).collect::<Vec<_>>(),
    })
}

fn round_trip(map: &ArgumentMap) -> Result<(), String> {
    let argdown = to_argdown(map);
    let imported = import_argdown(&argdown);
    let diagnostics: Vec<String> = imported.diagnostics.iter().map(|d| d.to_string()).collect();
    let Some(back) = imported.map else { return Err(format!("the export does not import:\n{}\n---\n{argdown}", diagnostics.join("\n"))) };
    // A random link from a node to one of its own descendants is a cycle, and rightly said so.
    if diagnostics.iter().any(|d| !d.contains("a cycle of relations")) {
        return Err(format!("the export imports with warnings:\n{}\n---\n{argdown}", diagnostics.join("\n")));
    }
    let (a, b) = (canonical(map), canonical(&back));
    if a != b {
        return Err(format!("not the same map\n--- original\n{a:#}\n--- back\n{b:#}\n--- argdown\n{argdown}"));
    }
    Ok(())
}

#[test]
fn the_flagship_survives_the_trip() {
    let map = load(include_str!("../www/maps/open-vs-closed.json")).unwrap();
    round_trip(&map).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_sample_survives_the_trip() {
    let map = load(include_str!("../www/maps/sample.json")).unwrap();
    round_trip(&map).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_deep_chain_survives_the_trip() {
    let mut nodes = vec![json!({"id": "n0", "kind": "question", "text": "Deep?"})];
    for i in 1..300 {
        nodes.push(json!({"id": format!("n{i}"), "parent": format!("n{}", i - 1), "kind": "claim", "relation": if i % 3 == 0 { "attacks" } else { "supports" }, "text": format!("level {i}")}));
    }
    let doc = json!({"format": "argmap/1", "id": "deep", "title": "Deep", "languages": ["en"], "root": "n0", "nodes": nodes});
    let map = load(&doc.to_string()).unwrap();
    round_trip(&map).unwrap_or_else(|e| panic!("{e}"));
}

const TEXTS: &[(&str, &str)] = &[
    ("开源是否更安全？", "Is open source safer?"),
    ("闭源模型更容易商业化", ""),
    ("", "Open weights let anyone audit the model"),
    ("成本 降低了 90%", "costs fell 90% // really?"),
    ("", "  leading spaces and <b>markup</b> [x] {y} #tag *star* _under_ @[m] \\ back"),
    ("问", "a"),
    ("两行\n文字", "two\nlines\twith tabs"),
    ("", "(1) looks like a premise: + - >< <!-- not a comment -->"),
];

const IDS: &[&str] =
    &["n", "a,b", "x&y=z", "节点", " sp ", "#h", "+", "q", "br]ack[", "<arg>", "node-3", "root", "b{r}", "s//l", "back\\slash"];

fn id(i: usize) -> String {
    format!("{}{i}", IDS[i % IDS.len()])
}

#[derive(Clone, Debug)]
struct Spec {
    parent: Vec<usize>,
    kind: Vec<u8>,
    relation: Vec<u8>,
    side: Vec<u8>,
    text: Vec<u8>,
    detail: Vec<u8>,
    links: Vec<(usize, usize, u8, bool)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (1usize..40).prop_flat_map(|n| {
        (
            vec(any::<u32>(), n),
            vec(any::<u8>(), n),
            vec(any::<u8>(), n),
            vec(any::<u8>(), n),
            vec(any::<u8>(), n),
            vec(any::<u8>(), n),
            vec((any::<u32>(), any::<u32>(), any::<u8>(), any::<bool>()), 0..5),
        )
            .prop_map(move |(parent, kind, relation, side, text, detail, links)| Spec {
                parent: parent.iter().enumerate().map(|(i, &p)| if i == 0 { 0 } else { p as usize % i }).collect(),
                kind,
                relation,
                side,
                text,
                detail,
                links: links
                    .into_iter()
                    .map(|(a, b, r, note)| (a as usize % n, b as usize % n, r, note))
                    .filter(|(a, b, _, _)| a != b)
                    .collect(),
            })
    })
}

fn lang_text(k: u8) -> Value {
    let (zh, en) = TEXTS[k as usize % TEXTS.len()];
    let mut o = serde_json::Map::new();
    if !zh.is_empty() {
        o.insert("zh".into(), json!(zh));
    }
    if !en.is_empty() {
        o.insert("en".into(), json!(en));
    }
    Value::Object(o)
}

fn to_json(s: &Spec) -> String {
    let n = s.parent.len();
    let nodes: Vec<Value> = (0..n)
        .map(|i| {
            let kind = if i == 0 { "question" } else { ["question", "position", "claim"][s.kind[i] as usize % 3] };
            let mut node = json!({"id": id(i), "kind": kind, "text": lang_text(s.text[i])});
            if i != 0 {
                node["parent"] = json!(id(s.parent[i]));
                if let Some(r) = [None, Some("answers"), Some("supports"), Some("attacks")][s.relation[i] as usize % 4] {
                    node["relation"] = json!(r);
                }
            }
            let side = [None, Some("open"), Some("closed"), Some("neutral")][s.side[i] as usize % 4];
            match (side, kind) {
                (Some(side), _) => node["side"] = json!(side),
                (None, "position") => node["side"] = json!("open"),
                _ => {}
            }
            if s.detail[i] % 3 == 0 {
                node["detail"] = lang_text(s.detail[i] / 3);
            }
            if s.detail[i] % 4 == 1 {
                node["evidence"] = json!([{"source": "s,1&x", "quote": "原话 {有} 括号 = 等号", "translation": lang_text(s.detail[i])}, {"source": "s2", "quote": "the words"}]);
                node["flags"] = json!(["unsourced-figure", "my own flag"]);
            }
            node
        })
        .collect();
    let links: Vec<Value> = s
        .links
        .iter()
        .map(|&(a, b, r, note)| {
            let relation = ["contradicts", "agrees", "supports", "attacks"][r as usize % 4];
            let mut l = json!({"from": id(a), "to": id(b), "relation": relation});
            if note {
                l["note"] = lang_text(r);
            }
            l
        })
        .collect();
    json!({"format": "argmap/1", "id": "prop map", "title": {"zh": "题 = 目", "en": "T {x}"}, "summary": "总结", "languages": ["zh", "en"],
           "sides": {"open": {"zh": "开", "en": "Open"}, "closed": "闭"},
           "sources": [{"id": "s,1&x", "title": "一", "lang": "zh", "url": "https://example.org/a?b=c&d=e//f", "author": "某人"}, {"id": "s2", "title": {"en": "two"}, "lang": "en", "thesis": "it: is {so}"}],
           "root": id(0), "nodes": nodes, "links": links,
           "tour": [{"node": id(n - 1), "note": "看这里"}, {"node": id(n / 2), "note": {"en": "and here"}}]})
    .to_string()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_maps_survive_the_trip(s in spec()) {
        let map = load(&to_json(&s)).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        if let Err(e) = round_trip(&map) {
            return Err(TestCaseError::fail(e));
        }
    }
}
