//! The classroom, natively: questions for the class in the format, the exercise's guesses and
//! score, `argmap-marks/1` files, links from a quote to its place in the article, and the
//! source × source table of collisions.
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::*;
use serde_json::{json, Value};

/// q <- p (open, cites a) <- c1 (supports, cites a) <- c2 (attacks, cites b twice, a once);
/// p <- b-summary (supports, no evidence: its id names b); c1 <- lone (supports, names nothing).
fn base() -> Value {
    json!({
        "format": "argmap/1", "id": "class", "title": {"en": "T", "zh": "题"}, "languages": ["zh", "en"],
        "sources": [
            {"id": "a", "title": {"en": "A"}, "lang": "en", "url": "https://example.org/a"},
            {"id": "b", "title": {"en": "B"}, "lang": "zh-Hans"}
        ],
        "root": "q",
        "nodes": [
            {"id": "q", "kind": "question", "text": {"en": "Q?"}},
            {"id": "p", "parent": "q", "kind": "position", "side": "open", "text": {"en": "P"},
             "evidence": [{"source": "a", "quote": "pa"}],
             "prompt": {"zh": "怎么核实？", "en": "How would you check this?"}},
            {"id": "c1", "parent": "p", "kind": "claim", "relation": "supports", "text": {"en": "C1"},
             "evidence": [{"source": "a", "quote": "ca"}]},
            {"id": "c2", "parent": "c1", "kind": "claim", "relation": "attacks", "text": {"en": "C2"},
             "evidence": [{"source": "a", "quote": "x"}, {"source": "b", "quote": "y"}, {"source": "b", "quote": "z"}]},
            {"id": "summary-b", "parent": "p", "kind": "claim", "text": {"en": "S"}},
            {"id": "lone", "parent": "c1", "kind": "claim", "text": {"en": "L"}}
        ],
        "links": [
            {"from": "c2", "to": "p", "relation": "contradicts"},
            {"from": "summary-b", "to": "c1", "relation": "agrees"},
            {"from": "c2", "to": "summary-b", "relation": "agrees"},
            {"from": "lone", "to": "p", "relation": "agrees"}
        ],
        "tour": [
            {"node": "p", "note": {"en": "look"}, "question": {"en": "What would 001 say?", "zh": "001 会怎么说？"}},
            {"node": "c1", "note": {"en": "and here"}}
        ]
    })
}

fn map() -> ArgumentMap {
    load(&base().to_string()).expect("the classroom fixture is valid")
}

fn idx(map: &ArgumentMap, id: &str) -> NodeIdx {
    map.node_index(id).unwrap_or_else(|| panic!("no node {id}"))
}

fn source(map: &ArgumentMap, id: &str) -> usize {
    map.sources.iter().position(|s| s.id == id).unwrap_or_else(|| panic!("no source {id}"))
}

fn problems(text: &str) -> Vec<String> {
    Marks::from_json(&map(), text).expect_err("the marks should be refused").iter().map(|p| p.to_string()).collect()
}

// ---------------------------------------------------------------- questions for the class

#[test]
fn prompts_and_tour_questions_load_in_both_languages() {
    let map = map();
    let prompt = map.nodes[idx(&map, "p")].prompt.as_ref().expect("p has a prompt");
    assert_eq!(prompt.get("zh"), "怎么核实？");
    assert_eq!(prompt.get("en"), "How would you check this?");
    assert_eq!(map.nodes[idx(&map, "c1")].prompt, None);
    assert_eq!(map.tour[0].question.as_ref().map(|q| q.get("en")), Some("What would 001 say?"));
    assert_eq!(map.tour[1].question, None);
}

#[test]
fn a_broken_prompt_or_question_is_reported_with_its_path() {
    let mut v = base();
    v["nodes"][2]["prompt"] = json!(7);
    v["tour"][0]["question"] = json!({"en": "  "});
    let errs: Vec<String> = load(&v.to_string()).expect_err("refused").iter().map(|p| p.to_string()).collect();
    assert!(errs.iter().any(|e| e.starts_with("nodes[2].prompt: expected an object of language -> text")), "{errs:#?}");
    assert!(errs.contains(&"tour[0].question.en: empty".to_owned()), "{errs:#?}");
}

#[test]
fn a_plain_string_prompt_is_in_the_first_language_and_null_is_absent() {
    let mut v = base();
    v["nodes"][2]["prompt"] = json!("谁说的？");
    v["tour"][0]["question"] = Value::Null;
    let map = load(&v.to_string()).expect("valid");
    assert_eq!(map.nodes[idx(&map, "c1")].prompt, Some(Text::single("zh", "谁说的？")));
    assert_eq!(map.tour[0].question, None);
}

// ---------------------------------------------------------------- the exercise

#[test]
fn only_claims_that_support_or_attack_are_asked() {
    let map = map();
    assert!(!can_guess(&map, idx(&map, "q")), "the root");
    assert!(!can_guess(&map, idx(&map, "p")), "a position answers the question");
    assert!(can_guess(&map, idx(&map, "c1")));
    assert!(can_guess(&map, idx(&map, "c2")));
    assert!(can_guess(&map, idx(&map, "summary-b")), "supports by default");
    assert!(!can_guess(&map, 999), "out of range is no panic");
}

#[test]
fn a_guess_is_checked_against_the_map() {
    let map = map();
    let c2 = idx(&map, "c2");
    let right = check_guess(&map, c2, Guess { relation: Relation::Attacks, source: None }).expect("asked");
    assert!(right.relation_correct && right.source_correct.is_none() && right.correct());
    let wrong = check_guess(&map, c2, Guess { relation: Relation::Supports, source: None }).expect("asked");
    assert!(!wrong.correct());
    // c2 cites b twice and a once: either article is right, its relation must be too.
    for s in ["a", "b"] {
        let c = check_guess(&map, c2, Guess { relation: Relation::Attacks, source: Some(source(&map, s)) }).expect("asked");
        assert_eq!(c.source_correct, Some(true), "{s}");
        assert!(c.correct());
    }
    let c1 = idx(&map, "c1");
    let wrong_article = check_guess(&map, c1, Guess { relation: Relation::Supports, source: Some(source(&map, "b")) }).expect("asked");
    assert_eq!(wrong_article, Checked { relation_correct: true, source_correct: Some(false) });
    assert!(!wrong_article.correct());
    assert_eq!(check_guess(&map, idx(&map, "p"), Guess { relation: Relation::Supports, source: None }), None);
}

#[test]
fn the_first_guess_is_kept_and_scored() {
    let map = map();
    let mut answers = Answers::default();
    let (c1, c2, p) = (idx(&map, "c1"), idx(&map, "c2"), idx(&map, "p"));
    assert!(answers.record(&map, c1, Guess { relation: Relation::Attacks, source: None }).is_some_and(|c| !c.correct()));
    // Guessing again after seeing the answer changes nothing.
    assert!(answers.record(&map, c1, Guess { relation: Relation::Supports, source: None }).is_some_and(|c| !c.correct()));
    assert!(answers.record(&map, c2, Guess { relation: Relation::Attacks, source: Some(source(&map, "b")) }).is_some_and(|c| c.correct()));
    assert_eq!(answers.record(&map, p, Guess { relation: Relation::Supports, source: None }), None);
    let summary = idx(&map, "summary-b");
    assert_eq!(answers.record(&map, summary, Guess { relation: Relation::Answers, source: None }), None, "not offered");
    assert_eq!(answers.record(&map, summary, Guess { relation: Relation::Supports, source: Some(9) }), None, "no such source");
    assert_eq!(answers.score(&map), Score { answered: 2, correct: 1 });
}

#[test]
fn answers_round_trip_through_storage_and_stale_lines_are_dropped() {
    let mut v = base();
    v["sources"][1]["id"] = json!("b b@%");
    v["nodes"][3]["evidence"][1]["source"] = json!("b b@%");
    v["nodes"][3]["evidence"][2]["source"] = json!("b b@%");
    v["nodes"][5]["id"] = json!("lone one@x");
    v["links"][3]["from"] = json!("lone one@x");
    let map = load(&v.to_string()).expect("valid");
    let mut answers = Answers::default();
    answers.record(&map, idx(&map, "c1"), Guess { relation: Relation::Supports, source: Some(source(&map, "a")) });
    answers.record(&map, idx(&map, "c2"), Guess { relation: Relation::Attacks, source: Some(source(&map, "b b@%")) });
    answers.record(&map, idx(&map, "lone one@x"), Guess { relation: Relation::Attacks, source: None });
    let stored = answers.to_storage(&map);
    assert_eq!(stored, "s@a c1\na@b%20b%40%25 c2\na lone one@x");
    assert_eq!(Answers::from_storage(&map, &stored), answers);

    let stale = format!("{stored}\ns gone\ns p\nx c1\ns@nosuch summary-b\n\ns\n@\n a\ns@");
    assert_eq!(Answers::from_storage(&map, &stale), answers);
}

// ---------------------------------------------------------------- argmap-marks/1

fn sample_marks(map: &ArgumentMap) -> Marks {
    let mut marks = Marks { name: Some("Li \"Wei\" <b>\n".trim_end().to_owned()), ..Marks::default() };
    marks.verdicts.0.insert(idx(map, "p"), Verdict::Convinced);
    marks.verdicts.0.insert(idx(map, "c2"), Verdict::NotConvinced);
    marks.answers.record(map, idx(map, "c1"), Guess { relation: Relation::Supports, source: None });
    marks.answers.record(map, idx(map, "c2"), Guess { relation: Relation::Supports, source: Some(source(map, "b")) });
    marks
}

#[test]
fn marks_round_trip_through_their_file() {
    let map = map();
    let marks = sample_marks(&map);
    let text = marks.to_json(&map);
    let parsed: Value = serde_json::from_str(&text).expect("the file is JSON");
    assert_eq!(
        parsed,
        json!({
            "format": "argmap-marks/1", "map": "class", "name": "Li \"Wei\" <b>",
            "verdicts": {"p": "convinced", "c2": "not-convinced"},
            "answers": {"c1": {"relation": "supports"}, "c2": {"relation": "supports", "source": "b"}}
        })
    );
    assert_eq!(Marks::from_json(&map, &text), Ok(marks));
    let empty = Marks::default();
    assert_eq!(Marks::from_json(&map, &empty.to_json(&map)), Ok(empty));
}

/// What a refused marks file is told, as values: (path, kind).
fn kinds(text: &str) -> Vec<(String, ProblemKind)> {
    Marks::from_json(&map(), text).expect_err("the marks should be refused").into_iter().map(|p| (p.path, p.kind)).collect()
}

fn at(path: &str, kind: ProblemKind) -> (String, ProblemKind) {
    (path.to_owned(), kind)
}

#[test]
fn a_file_for_another_map_is_refused_by_name() {
    let errs = problems(r#"{"format": "argmap-marks/1", "map": "open-vs-closed", "verdicts": {"p": "convinced"}}"#);
    assert_eq!(errs, ["map: these marks are for the map \"open-vs-closed\", not for this map \"class\""]);
    assert_eq!(kinds(r#"{"format": "argmap-marks/1"}"#), [at("map", ProblemKind::Missing)]);
}

#[test]
fn a_newer_format_or_a_map_is_refused() {
    let newer = kinds(r#"{"format": "argmap-marks/2", "map": "class", "verdicts": {"p": 3}}"#);
    assert_eq!(newer, [at("format", ProblemKind::NewerMarks { found: "argmap-marks/2".into() })]);
    assert_eq!(kinds(&base().to_string()), [at("format", ProblemKind::MapNotMarks { found: "argmap/1".into() })]);
    assert_eq!(kinds(r#"{"map": "class"}"#), [at("format", ProblemKind::NotMarks { found: String::new() })]);
    assert_eq!(
        kinds(r#"{"format": 1, "map": "class"}"#),
        [at("format", ProblemKind::WrongType { expected: JsonType::String, found: JsonType::Number })]
    );
    assert_eq!(kinds("[1]"), [at("", ProblemKind::WrongType { expected: JsonType::Object, found: JsonType::Array })]);
    let broken = Marks::from_json(&map(), "{\n  \"format\": oops").unwrap_err();
    assert!(matches!(broken[0].kind, ProblemKind::Syntax { .. }));
    assert_eq!(broken[0].position, Some((2, 13)));
}

#[test]
fn wrong_types_and_unknown_ids_are_all_reported_with_their_paths() {
    let text = r#"{
        "format": "argmap-marks/1", "map": "class", "name": 42,
        "verdicts": {"p": "yes", "c1": true, "ghost": "convinced", "c2": "convinced"},
        "answers": {"c1": "supports", "c2": {"relation": "answers"}, "summary-b": {"relation": "attacks", "source": "zz"},
                    "lone": {"source": 1}, "p": {"relation": "supports"}, "nobody": {"relation": "attacks"}}
    }"#;
    let errs = kinds(text);
    let wrong = |expected, found| ProblemKind::WrongType { expected, found };
    for expected in [
        at("name", wrong(JsonType::String, JsonType::Number)),
        at("verdicts.p", ProblemKind::UnknownValue { found: "yes".into(), expected: &["convinced", "not-convinced"] }),
        at("verdicts.c1", wrong(JsonType::String, JsonType::Boolean)),
        at("verdicts.ghost", ProblemKind::UnknownNode { id: "ghost".into() }),
        at("answers.c1", wrong(JsonType::Object, JsonType::String)),
        at("answers.c2.relation", ProblemKind::UnknownValue { found: "answers".into(), expected: &["supports", "attacks"] }),
        at("answers.summary-b.source", ProblemKind::UnknownSource { id: "zz".into() }),
        at("answers.lone.relation", ProblemKind::Missing),
        at("answers.lone.source", wrong(JsonType::String, JsonType::Number)),
        at("answers.p", ProblemKind::NotAnExercise { id: "p".into() }),
        at("answers.nobody", ProblemKind::UnknownNode { id: "nobody".into() }),
    ] {
        assert!(errs.contains(&expected), "expected {expected:?} in {errs:#?}");
    }
    assert_eq!(errs.len(), 11, "{errs:#?}");
    let wrong_containers = kinds(r#"{"format": "argmap-marks/1", "map": "class", "verdicts": [], "answers": "none"}"#);
    assert_eq!(
        wrong_containers,
        [at("verdicts", wrong(JsonType::Object, JsonType::Array)), at("answers", wrong(JsonType::Object, JsonType::String))]
    );
}

#[test]
fn names_are_trimmed_blank_is_none_and_too_long_is_refused() {
    let map = map();
    let read = |name: &str| Marks::from_json(&map, &json!({"format": "argmap-marks/1", "map": "class", "name": name}).to_string());
    assert_eq!(read("  Ana  ").map(|m| m.name), Ok(Some("Ana".to_owned())));
    assert_eq!(read("   ").map(|m| m.name), Ok(None));
    assert_eq!(read(&"字".repeat(MAX_NAME_CHARS)).map(|m| m.name.map(|n| n.chars().count())), Ok(Some(MAX_NAME_CHARS)));
    assert!(read(&"字".repeat(MAX_NAME_CHARS + 1)).is_err());
    // Unknown fields are for later minor additions and are ignored; null is absent.
    let extra = json!({"format": "argmap-marks/1", "map": "class", "saved": "2026-12-01", "name": null, "verdicts": null});
    assert_eq!(Marks::from_json(&map, &extra.to_string()), Ok(Marks::default()));
}

#[test]
fn every_truncation_of_a_marks_file_is_refused_without_a_panic() {
    let map = map();
    let json = sample_marks(&map).to_json(&map);
    let text = json.trim_end();
    for (cut, _) in text.char_indices().skip(1) {
        let prefix = &text[..cut];
        assert!(Marks::from_json(&map, prefix).is_err(), "a truncated file was accepted: {prefix:?}");
    }
}

#[test]
fn a_download_name_says_which_map_and_whose() {
    let map = map();
    assert_eq!(sample_marks(&map).file_name(&map), "class-marks-li-wei-b.json");
    assert_eq!(Marks::default().file_name(&map), "class-marks.json");
    let chinese = Marks { name: Some("李 伟/../".into()), ..Marks::default() };
    assert_eq!(chinese.file_name(&map), "class-marks-李-伟.json");
}

// ---------------------------------------------------------------- quote links

#[test]
fn a_quote_becomes_a_text_fragment_with_the_syntax_characters_encoded() {
    assert_eq!(
        quote_link("https://example.org/a", "open, closed - & more"),
        "https://example.org/a#:~:text=open%2C%20closed%20%2D%20%26%20more"
    );
    assert_eq!(quote_link("https://example.org/a", "开源"), "https://example.org/a#:~:text=%E5%BC%80%E6%BA%90");
    // Whitespace as the page renders it: trimmed, runs collapsed.
    assert_eq!(quote_link("https://e.org/", "  a \n\t b  "), "https://e.org/#:~:text=a%20b");
    assert_eq!(quote_link("https://e.org/", "100% #1 <b>\"x\"</b>"), "https://e.org/#:~:text=100%25%20%231%20%3Cb%3E%22x%22%3C%2Fb%3E");
    assert_eq!(quote_link("https://e.org/", " \n "), "https://e.org/");
}

#[test]
fn a_url_with_a_fragment_or_a_directive_keeps_it() {
    assert_eq!(quote_link("https://e.org/p#intro", "x y"), "https://e.org/p#intro:~:text=x%20y");
    assert_eq!(quote_link("https://e.org/p#", "x"), "https://e.org/p#:~:text=x");
    assert_eq!(quote_link("https://e.org/p#:~:text=old", "new"), "https://e.org/p#:~:text=old&text=new");
}

#[test]
fn a_long_quote_is_linked_by_its_start_and_end_cut_at_word_breaks() {
    let english = "The first part of a rather long sentence, which goes on and on for quite some time, and then finally ends here.";
    assert!(english.chars().count() > MAX_EXACT_QUOTE_CHARS);
    assert_eq!(
        quote_link("https://e.org/", english),
        "https://e.org/#:~:text=The%20first%20part%20of%20a%20rather%20long,and%20then%20finally%20ends%20here."
    );
    // Chinese has no spaces: the cuts fall at punctuation, never inside a word.
    let chinese = "开源是大模型的唯一出路，闭源的护城河终究守不住，因为颠覆性技术面前没有永远的壁垒，开发者会用脚投票，生态会流向开放的一方，这就是我们看到的历史，也是未来的方向，所以我们选择开源。";
    assert!(chinese.chars().count() > MAX_EXACT_QUOTE_CHARS);
    let link = quote_link("https://e.org/", chinese);
    let (start, end) = link.trim_start_matches("https://e.org/#:~:text=").split_once(',').expect("start,end");
    let decode = |s: &str| {
        let bytes: Vec<u8> = (0..s.len() / 3).map(|i| u8::from_str_radix(&s[i * 3 + 1..i * 3 + 3], 16).expect("hex")).collect();
        String::from_utf8(bytes).expect("utf-8")
    };
    assert_eq!(decode(start), "开源是大模型的唯一出路，闭源的护城河终究守不住");
    assert_eq!(decode(end), "这就是我们看到的历史，也是未来的方向，所以我们选择开源。");
    // With no break near its ends, a long quote is linked whole rather than cut inside a word.
    let unbroken = "字".repeat(100);
    assert!(!quote_link("https://e.org/", &unbroken).contains(','));
}

// ---------------------------------------------------------------- where the articles collide

#[test]
fn a_node_belongs_to_the_articles_it_cites_else_to_the_one_it_names() {
    let map = map();
    let (a, b) = (source(&map, "a"), source(&map, "b"));
    assert_eq!(node_sources(&map, idx(&map, "c2")), [b, a], "most cited first");
    assert_eq!(article_of(&map, idx(&map, "c1")), Some(a));
    assert_eq!(article_of(&map, idx(&map, "summary-b")), Some(b), "named by its id");
    assert_eq!(article_of(&map, idx(&map, "lone")), None);
    assert_eq!(article_of(&map, idx(&map, "q")), None);

    let mut v = base();
    v["nodes"][5]["text"] = json!({"en": "b: says so", "zh": "别的"});
    v["nodes"][0]["text"] = json!({"en": "ab cd"});
    let map = load(&v.to_string()).expect("valid");
    assert_eq!(article_of(&map, idx(&map, "lone")), Some(b), "named by its text");
    assert_eq!(article_of(&map, idx(&map, "q")), None, "\"ab\" is not the source \"a\"");
}

#[test]
fn the_collision_table_counts_each_link_once_in_its_pair() {
    let map = map();
    let (a, b) = (source(&map, "a"), source(&map, "b"));
    let table = collisions(&map);
    assert_eq!(table.size(), 2);
    // c2 (b) contradicts p (a); summary-b (b) agrees with c1 (a); c2 and summary-b are both b.
    let across = table.cell(a, b).expect("in range");
    assert_eq!(across, table.cell(b, a).expect("in range"), "symmetric");
    assert_eq!(across.contradicts, [0]);
    assert_eq!(across.agrees, [1]);
    assert_eq!(table.cell(b, b).map(|c| c.agrees.clone()), Some(vec![2]));
    assert!(table.cell(a, a).is_some_and(|c| c.is_empty()));
    assert_eq!(table.unplaced, [3], "lone belongs to no article");
    assert_eq!(table.cell(a, 2), None);
}

#[test]
fn the_flagship_collision_table_joins_its_articles() {
    let map = load(include_str!("../www/maps/open-vs-closed.json")).expect("the flagship is valid");
    let table = collisions(&map);
    assert_eq!(table.size(), map.sources.len());
    let mut counted = table.unplaced.len();
    for a in 0..table.size() {
        for b in a..table.size() {
            let cell = table.cell(a, b).expect("in range");
            counted += cell.contradicts.len() + cell.agrees.len();
        }
    }
    assert_eq!(counted, map.links.len(), "every link is in exactly one cell or unplaced");
}

// ---------------------------------------------------------------- never a panic, on anything

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn config() -> ProptestConfig {
        let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64);
        ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
    }

    /// Any JSON value a hand-edited file might hold where a mark belongs.
    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            prop_oneof![Just("convinced"), Just("not-convinced"), Just("supports"), Just("attacks"), Just("a"), Just("c1"), Just("")]
                .prop_map(Value::from),
            "\\PC{0,6}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
                proptest::collection::btree_map(
                    prop_oneof![
                        Just("relation".to_owned()),
                        Just("source".to_owned()),
                        Just("c1".to_owned()),
                        Just("p".to_owned()),
                        "\\PC{0,4}"
                    ],
                    inner,
                    0..4
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn a_hand_edited_marks_file_is_read_or_refused(name in any_value(), verdicts in any_value(), answers in any_value()) {
            let map = map();
            let file = json!({"format": "argmap-marks/1", "map": "class", "name": name, "verdicts": verdicts, "answers": answers});
            // Whatever it holds, what is accepted writes back to the same marks.
            if let Ok(marks) = Marks::from_json(&map, &file.to_string()) {
                prop_assert_eq!(Marks::from_json(&map, &marks.to_json(&map)), Ok(marks));
            }
        }

        #[test]
        fn any_text_as_marks_or_storage_is_safe(text in "\\PC{0,40}") {
            let map = map();
            let _ = Marks::from_json(&map, &text);
            let answers = Answers::from_storage(&map, &text);
            prop_assert_eq!(Answers::from_storage(&map, &answers.to_storage(&map)), answers);
        }

        #[test]
        fn a_quote_link_is_plain_ascii_with_one_directive(quote in "\\PC{0,200}", fragment in proptest::option::of("[a-z:~=&]{0,8}")) {
            let url = match &fragment {
                Some(f) => format!("https://e.org/p#{f}"),
                None => "https://e.org/p".to_owned(),
            };
            let link = quote_link(&url, &quote);
            prop_assert!(link.starts_with(&url));
            let added = &link[url.len()..];
            prop_assert!(added.is_ascii() && !added.contains(' ') && !added.contains('-'), "{}", added);
            prop_assert!(added.matches('#').count() <= usize::from(fragment.is_none()), "{}", added);
            if !quote.trim().is_empty() {
                prop_assert!(added.contains("text="));
                // The quote's own commas are encoded: at most the one between start and end.
                let value = added.rsplit("text=").next().unwrap_or("");
                prop_assert!(value.matches(',').count() <= 1);
            }
        }
    }
}
