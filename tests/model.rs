//! The model, natively: loading, every kind of validation problem, side derivation, tree queries
//! and the view-state reducer.
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::*;
use serde_json::{json, Value};

const SAMPLE: &str = include_str!("../www/maps/sample.json");

/// A small valid map to mutate: q <- p (open) <- c1 (supports) <- c2 (attacks).
/// Every case goes through both readers, serde_json's (the command line) and the model's own
/// (`load_compact`, the widget's): they must give the same map or the same problems.
fn load(text: &str) -> Result<ArgumentMap, Vec<Problem>> {
    let serde = argmap::model::load(text);
    assert_eq!(serde, argmap::model::load_compact(text), "the two readers disagree on {:.200}", text);
    serde
}

fn base() -> Value {
    json!({
        "format": "argmap/1", "id": "t", "title": {"en": "T", "zh": "题"}, "languages": ["zh", "en"],
        "sources": [{"id": "s", "title": {"en": "S"}, "lang": "en", "url": "https://example.org/a"}],
        "root": "q",
        "nodes": [
            {"id": "q", "kind": "question", "text": {"en": "Q?", "zh": "问？"}},
            {"id": "p", "parent": "q", "kind": "position", "relation": "answers", "side": "open", "text": {"en": "P"}},
            {"id": "c1", "parent": "p", "kind": "claim", "relation": "supports", "text": {"en": "C1"},
             "evidence": [{"source": "s", "quote": "words"}]},
            {"id": "c2", "parent": "c1", "kind": "claim", "relation": "attacks", "text": {"en": "C2"}}
        ],
        "links": [{"from": "c2", "to": "p", "relation": "contradicts"}],
        "tour": [{"node": "p", "note": {"en": "look"}}]
    })
}

fn load_value(v: &Value) -> Result<ArgumentMap, Vec<Problem>> {
    load(&v.to_string())
}

fn problems(v: &Value) -> Vec<String> {
    load_value(v).expect_err("the map should be refused").iter().map(|p| p.to_string()).collect()
}

fn has(problems: &[String], expected: &str) {
    assert!(problems.iter().any(|p| p == expected), "expected problem {expected:?} in {problems:#?}");
}

#[test]
fn sample_map_loads_with_its_tree() {
    let map = load(SAMPLE).expect("sample map is valid");
    assert_eq!(map.title.get("en"), "Should phones be banned in class?");
    assert_eq!(map.nodes[map.root].id, "q");
    let positions: Vec<&str> = map.nodes[map.root].children.iter().map(|&c| map.nodes[c].id.as_str()).collect();
    assert_eq!(positions, ["ban", "allow"]);
}

#[test]
fn malformed_json_reports_line_and_column() {
    let errs = load("{\n  \"format\": \"argmap/1\",\n  \"id\": oops\n}").unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].position, Some((3, 9)));
    assert!(errs[0].to_string().starts_with("line 3, column 9: not valid JSON"), "{}", errs[0]);
}

#[test]
fn every_wrong_type_is_reported_not_just_the_first() {
    let mut v = base();
    v["id"] = json!(7);
    v["title"] = json!([]);
    v["nodes"][1]["text"] = json!({"en": 3});
    v["nodes"][2]["kind"] = json!("opinion");
    v["links"][0]["relation"] = json!(true);
    let p = problems(&v);
    has(&p, "id: expected a string, found a number");
    has(&p, "title: expected an object of language -> text, like {\"en\": \"…\"}, found an array");
    has(&p, "nodes[1].text.en: expected a string, found a number");
    has(&p, "nodes[2].kind: unknown value \"opinion\"; expected one of question, position, claim");
    has(&p, "links[0].relation: expected a string, found a boolean");
}

#[test]
fn broken_references_are_each_named_with_their_path() {
    let mut v = base();
    v["nodes"][3]["parent"] = json!("x");
    v["nodes"][2]["evidence"][0]["source"] = json!("nope");
    v["links"][0]["to"] = json!("ghost");
    v["tour"][0]["node"] = json!("nowhere");
    let p = problems(&v);
    has(&p, "nodes[3].parent: unknown node \"x\"");
    has(&p, "nodes[2].evidence[0].source: unknown source \"nope\"");
    has(&p, "links[0].to: unknown node \"ghost\"");
    has(&p, "tour[0].node: unknown node \"nowhere\"");
}

#[test]
fn duplicate_ids_empty_texts_and_missing_fields() {
    let mut v = base();
    v["nodes"][3]["id"] = json!("c1");
    v["nodes"][1]["text"] = json!({"en": "  "});
    v["nodes"][2].as_object_mut().unwrap().remove("text");
    v["nodes"][1].as_object_mut().unwrap().remove("side");
    v["sources"].as_array_mut().unwrap().push(json!({"id": "s", "title": "again", "lang": "en"}));
    let p = problems(&v);
    has(&p, "nodes[3].id: duplicate node id \"c1\" (first at nodes[2])");
    has(&p, "nodes[1].text.en: empty");
    has(&p, "nodes[2].text: missing");
    has(&p, "nodes[1].side: missing: every position states its side (open, closed or neutral)");
    has(&p, "sources[1].id: duplicate source id \"s\" (first at sources[0])");
}

#[test]
fn a_cycle_is_reported_once_with_its_members() {
    let mut v = base();
    v["nodes"][2]["parent"] = json!("c2"); // c1 -> c2 -> c1
    let p = problems(&v);
    let cycles: Vec<&String> = p.iter().filter(|m| m.contains("cycle")).collect();
    assert_eq!(cycles.len(), 1, "{p:#?}");
    assert_eq!(cycles[0], "nodes[2].parent: cycle: c1 -> c2 -> c1 (each is the parent of the one before)");
}

#[test]
fn no_root_and_second_root() {
    let mut v = base();
    v.as_object_mut().unwrap().remove("root");
    has(&problems(&v), "root: missing");

    let mut v = base();
    v["nodes"][3].as_object_mut().unwrap().remove("parent");
    has(&problems(&v), "nodes[3]: second root: \"c2\" has no parent, but only the root \"q\" may");

    let mut v = base();
    v["root"] = json!("p");
    has(&problems(&v), "root: the root \"p\" must not have a parent");
}

#[test]
fn unknown_format_version_and_non_object_document() {
    let mut v = base();
    v["format"] = json!("argmap/2");
    assert_eq!(problems(&v), ["format: unsupported format \"argmap/2\"; this reader knows \"argmap/1\""]);
    assert_eq!(problems(&json!([1, 2])), ["expected an object, found an array"]);
}

#[test]
fn only_http_links_are_accepted_for_sources() {
    let mut v = base();
    v["sources"][0]["url"] = json!("javascript:alert(1)");
    has(&problems(&v), "sources[0].url: only http:// and https:// links are allowed");
    v["sources"][0]["url"] = json!("data:text/html,hi");
    has(&problems(&v), "sources[0].url: only http:// and https:// links are allowed");
}

#[test]
fn sides_derive_through_supports_and_attacks_and_explicit_wins() {
    let map = load_value(&base()).unwrap();
    let side = |id: &str| map.nodes[map.node_index(id).unwrap()].side;
    assert_eq!(side("q"), Side::Neutral);
    assert_eq!(side("p"), Side::Open);
    assert_eq!(side("c1"), Side::Open);
    assert_eq!(side("c2"), Side::Closed);

    let mut v = base();
    v["nodes"][3]["side"] = json!("neutral");
    let map = load_value(&v).unwrap();
    assert_eq!(map.nodes[3].side, Side::Neutral);
}

#[test]
fn missing_translation_falls_back_to_the_first_language() {
    let map = load_value(&base()).unwrap();
    assert_eq!(map.nodes[0].text.get("en"), "Q?");
    assert_eq!(map.nodes[0].text.get("fr"), "问？", "zh is the map's first language");
    assert_eq!(map.nodes[1].text.get("zh"), "P", "only en exists");
}

#[test]
fn bom_crlf_and_escaped_nul_are_accepted() {
    let text = format!("\u{feff}{}", serde_json::to_string_pretty(&base()).unwrap().replace('\n', "\r\n"));
    let plain = load_value(&base()).unwrap();
    assert_eq!(load(&text).unwrap(), plain, "a BOM and CRLF change nothing");
    let mut v = base();
    v["nodes"][1]["text"]["en"] = json!("P\u{0}");
    assert_eq!(load_value(&v).unwrap().nodes[1].text.get("en"), "P\u{0}", "an escaped NUL is a character like any other");
}

#[test]
fn lone_surrogates_are_a_syntax_problem_not_a_panic() {
    let text = base().to_string().replace("\"C1\"", "\"\\ud800\"");
    let errs = load(&text).unwrap_err();
    assert!(matches!(errs[0].kind, ProblemKind::Syntax { .. }), "{}", errs[0]);
    assert!(errs[0].position.is_some());
}

#[test]
fn oversized_maps_are_refused_with_a_message() {
    let big = " ".repeat(MAX_MAP_BYTES + 1);
    let errs = load(&big).unwrap_err();
    assert_eq!(errs[0].kind, ProblemKind::TooLarge { megabytes: 16, limit: 16 }, "{}", errs[0]);
}

fn chain(depth: usize) -> String {
    let mut nodes = vec![json!({"id": "n0", "kind": "question", "text": "root"})];
    for i in 1..depth {
        nodes.push(json!({"id": format!("n{i}"), "parent": format!("n{}", i - 1),
            "kind": if i == 1 { "position" } else { "claim" },
            "relation": if i == 1 { "answers" } else { "attacks" }, "side": if i == 1 { Some("open") } else { None },
            "text": format!("step {i}")}));
    }
    json!({"format": "argmap/1", "id": "chain", "title": "c", "languages": ["en"], "root": "n0", "nodes": nodes}).to_string()
}

#[test]
fn a_20000_deep_chain_loads_and_expands_without_recursion() {
    let map = load(&chain(20_000)).expect("deep chain is valid");
    assert_eq!(map.nodes[19_999].level, 20_000);
    assert_eq!(map.nodes[2].side, Side::Closed, "one attack on an open position");
    assert_eq!(map.nodes[19_999].side, Side::Open, "19,998 attacks below an open position");
    let view = ViewState::new(&map, "en").apply(&map, Action::ExpandAll);
    assert_eq!(visible_rows(&map, &view.expanded).len(), 20_000);
    let view = view.apply(&map, Action::Reveal(19_999));
    assert_eq!(view.selected, 19_999);
}

// ------------------------------------------------------------------ view state

fn ids(map: &ArgumentMap, view: &ViewState) -> Vec<String> {
    visible_rows(map, &view.expanded).iter().map(|r| map.nodes[r.node].id.clone()).collect()
}

#[test]
fn opens_on_the_root_and_its_children_and_toggles_one_node() {
    let map = load(SAMPLE).unwrap();
    let view = ViewState::new(&map, "en");
    assert_eq!(ids(&map, &view), ["q", "ban", "allow"]);
    let ban = map.node_index("ban").unwrap();
    let view = view.apply(&map, Action::Toggle(ban));
    assert_eq!(ids(&map, &view), ["q", "ban", "ban-distraction", "ban-equal", "allow"]);
    assert_eq!(view.selected, ban);
    let view = view.apply(&map, Action::Toggle(ban));
    assert_eq!(ids(&map, &view), ["q", "ban", "allow"]);
}

#[test]
fn rows_carry_level_setsize_and_posinset() {
    let map = load(SAMPLE).unwrap();
    let view = ViewState::new(&map, "en");
    let rows = visible_rows(&map, &view.expanded);
    assert_eq!((rows[0].level, rows[0].set_size, rows[0].pos_in_set), (1, 1, 1));
    assert_eq!((rows[2].level, rows[2].set_size, rows[2].pos_in_set), (2, 2, 2));
}

#[test]
fn keyboard_follows_the_aria_tree_pattern() {
    let map = load(SAMPLE).unwrap();
    let key = |v: ViewState, k: Key| v.apply(&map, Action::Key(k));
    let id = |v: &ViewState| map.nodes[v.selected].id.clone();
    let v = ViewState::new(&map, "en");
    let v = key(v, Key::Down);
    assert_eq!(id(&v), "ban");
    let v = key(v, Key::Right); // opens
    assert!(v.is_expanded(map.node_index("ban").unwrap()));
    let v = key(v, Key::Right); // first child
    assert_eq!(id(&v), "ban-distraction");
    let v = key(v, Key::Left); // closed leaf-ish: to parent
    assert_eq!(id(&v), "ban");
    let v = key(v, Key::Left); // open: closes
    assert!(!v.is_expanded(map.node_index("ban").unwrap()));
    let v = key(v, Key::End);
    assert_eq!(id(&v), "allow");
    let v = key(v, Key::Home);
    assert_eq!(id(&v), "q");
    let v = key(key(v, Key::Down), Key::Star); // opens ban and allow
    assert_eq!(ids(&map, &v).len(), 2 + 1 + 2 + 3);
    let v = key(v, Key::Char('l')); // type-ahead: "Learning self-control…"
    assert_eq!(id(&v), "allow-skills");
    let v = key(v, Key::Up);
    assert_eq!(id(&v), "allow-safety");
    let v = key(key(v, Key::Home), Key::Up);
    assert_eq!(id(&v), "q", "Up at the top stays");
}

#[test]
fn expand_all_collapse_all_and_levels() {
    let map = load(SAMPLE).unwrap();
    let v = ViewState::new(&map, "en").apply(&map, Action::ExpandAll);
    assert_eq!(ids(&map, &v).len(), map.nodes.len());
    let deep = map.node_index("ban-distraction-silent-habit").unwrap();
    let v = v.apply(&map, Action::Select(deep)).apply(&map, Action::CollapseAll);
    assert_eq!(ids(&map, &v), ["q", "ban", "allow"]);
    assert_eq!(map.nodes[v.selected].id, "ban", "selection moves up to what is still visible");
    let v = v.apply(&map, Action::ExpandToLevel(3));
    assert_eq!(ids(&map, &v).len(), 1 + 2 + 5);
}

#[test]
fn reveal_opens_the_path_and_language_falls_back() {
    let map = load(SAMPLE).unwrap();
    let deep = map.node_index("ban-distraction-silent-habit").unwrap();
    let v = ViewState::new(&map, "en-GB").apply(&map, Action::Reveal(deep));
    assert!(ids(&map, &v).contains(&"ban-distraction-silent-habit".to_owned()));
    assert_eq!(v.lang, "en");
    assert_eq!(ViewState::new(&map, "fr").lang, "zh", "unknown language: the map's first");
    assert_eq!(v.apply(&map, Action::SetLang("zh-CN".into())).lang, "zh");
}

#[test]
fn problems_are_values_worded_in_the_readers_language() {
    let mut v = base();
    v["nodes"][1]["parent"] = json!("nowhere");
    let errs = load_value(&v).unwrap_err();
    let p = errs.iter().find(|p| p.path == "nodes[1].parent").expect("the unknown parent is reported there");
    assert_eq!(p.kind, ProblemKind::UnknownNode { id: "nowhere".into() });
    let zh = argmap::strings::strings("zh").located_problem(p);
    let en = argmap::strings::strings("en").located_problem(p);
    assert_eq!(en, "nodes[1].parent: unknown node \"nowhere\"");
    assert!(zh.contains("未知的节点") && zh.contains("nowhere"), "{zh}");
    assert_eq!(p.to_string(), en, "the command line's English");
}

#[test]
fn syntax_errors_count_columns_in_characters() {
    // The error sits after five Chinese characters (15 bytes) on line 2.
    let text = "{\n\"标题是中文\" oops}";
    let errs = load(text).unwrap_err();
    assert!(matches!(errs[0].kind, ProblemKind::Syntax { .. }));
    assert_eq!(errs[0].position, Some((2, 9)), "column 9 in characters, not 19 in bytes: {}", errs[0]);
}
