//! The Markdown outline importer: lists under a heading, relation markers, quotes as evidence.
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::*;

fn messages(imported: &Imported) -> String {
    imported.diagnostics.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
}

fn ok(text: &str) -> ArgumentMap {
    let imported = import_markdown(text);
    let text = messages(&imported);
    imported.map.unwrap_or_else(|| panic!("expected a map:\n{text}"))
}

fn by_text<'m>(map: &'m ArgumentMap, text: &str) -> &'m Node {
    map.nodes.iter().find(|n| n.text.get("en") == text).unwrap_or_else(|| panic!("no node {text:?}"))
}

#[test]
fn a_blog_outline() {
    let imported = import_markdown(include_str!("fixtures/homework.md"));
    let map = imported.map.as_ref().unwrap_or_else(|| panic!("{}", messages(&imported)));
    let root = &map.nodes[map.root];
    assert_eq!((root.kind, root.text.get("en")), (Kind::Question, "Should homework be abolished in primary school?"));
    assert_eq!(root.detail.as_ref().unwrap().get("en"), "A short outline for a parents' evening.");
    let keep = &map.nodes[map.node_index("keep").unwrap()];
    assert_eq!((keep.kind, keep.side, keep.relation), (Kind::Position, Side::Open, Some(Relation::Answers)));
    let habit = by_text(map, "It builds the habit of working alone.");
    assert_eq!((habit.relation, habit.side), (Some(Relation::Supports), Side::Open));
    assert_eq!(habit.evidence[0].quote, "Children who practised at home kept the habit in secondary school.");
    assert_eq!(map.sources[habit.evidence[0].source].title.get("en"), "Study of 300 pupils");
    let gap = by_text(map, "Homework widens the gap between families.");
    assert_eq!((gap.relation, gap.side), (Some(Relation::Attacks), Side::Closed));
    assert_eq!(gap.flags, vec!["equity"]);
    assert_eq!(gap.detail.as_ref().unwrap().get("en"), "Children without help at home fall further behind.");
    assert_eq!(by_text(map, "Play and sleep matter more at that age.").relation, Some(Relation::Supports));
    assert_eq!(by_text(map, "Some practice at home is play too.").relation, Some(Relation::Attacks));
    assert_eq!(map.sources.len(), 2);
}

#[test]
fn markers_pro_con_plus_minus_and_chinese() {
    let map = ok("# Thesis\n\n- Pro: one\n- Con: two\n- + three\n- - four\n+ five\n* 支持：六\n1. 反对：七\n- plain");
    let rel = |t: &str| by_text(&map, t).relation;
    assert_eq!(rel("one"), Some(Relation::Supports));
    assert_eq!(rel("two"), Some(Relation::Attacks));
    assert_eq!(rel("three"), Some(Relation::Supports));
    assert_eq!(rel("four"), Some(Relation::Attacks));
    assert_eq!(rel("five"), Some(Relation::Supports));
    assert_eq!(map.nodes.iter().find(|n| n.text.get("en") == "六").unwrap().relation, Some(Relation::Supports));
    assert_eq!(map.nodes.iter().find(|n| n.text.get("en") == "七").unwrap().relation, Some(Relation::Attacks));
    assert_eq!(rel("plain"), Some(Relation::Supports));
}

#[test]
fn a_quote_without_its_source_warns_and_is_kept() {
    let imported = import_markdown("# T\n\n- claim\n  > words");
    assert!(imported.map.is_some(), "{}", messages(&imported));
    let w = &imported.diagnostics[0];
    assert_eq!((w.severity, w.line, w.column), (Severity::Warning, 4, 3));
}

#[test]
fn several_headings_get_a_question_above_them() {
    let map = ok("---\ntitle: Phones?\n---\n# For\n- a\n# Against\n- b");
    let root = &map.nodes[map.root];
    assert_eq!(root.text.get("en"), "Phones?");
    assert_eq!(root.children.len(), 2);
}

#[test]
fn hostile_outlines_do_not_panic() {
    let deep: String = (0..5000).map(|i| format!("{}- level {i}\n", " ".repeat(i))).collect();
    let map = ok(&format!("# Deep\n{deep}"));
    assert_eq!(map.nodes.iter().map(|n| n.level).max(), Some(5001));
    for text in ["", "---\ntitle: x", "> quote", "#", "- ", "\u{0}\u{1}", "- [x", "- a {b: [", "\r\n- a\r\n  - b"] {
        let _ = import_markdown(text);
    }
    assert!(import_markdown("\u{0}binary").diagnostics[0].message.contains("text file"));
}
