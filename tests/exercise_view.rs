//! The exercise in the reader's state, natively: `ViewState` hides a claim's relation until the
//! reader guesses, keeps the first guess, and takes a loaded marks file whole; and the two model
//! rules the widget now checks in ASCII (download names, a text naming its article).
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::*;
use serde_json::json;

/// q <- p (position) <- c1 (supports, cites a) <- c2 (attacks, cites b).
fn map() -> ArgumentMap {
    let value = json!({
        "format": "argmap/1", "id": "ex", "title": {"en": "T"}, "languages": ["en"],
        "sources": [{"id": "a", "title": {"en": "A"}, "lang": "en"}, {"id": "b", "title": {"en": "B"}, "lang": "en"}],
        "root": "q",
        "nodes": [
            {"id": "q", "kind": "question", "text": {"en": "Q?"}},
            {"id": "p", "parent": "q", "kind": "position", "side": "open", "text": {"en": "P"}},
            {"id": "c1", "parent": "p", "kind": "claim", "relation": "supports", "text": {"en": "C1"},
             "evidence": [{"source": "a", "quote": "qa"}]},
            {"id": "c2", "parent": "c1", "kind": "claim", "relation": "attacks", "text": {"en": "C2"},
             "evidence": [{"source": "b", "quote": "qb"}]}
        ]
    });
    load(&value.to_string()).expect("the test map loads")
}

fn idx(map: &ArgumentMap, id: &str) -> NodeIdx {
    map.node_index(id).expect("node in the test map")
}

fn exercise(map: &ArgumentMap) -> ViewState {
    ViewState::new(map, "en").apply(map, Action::SetExercise(true))
}

const SUPPORTS: Guess = Guess { relation: Relation::Supports, source: None };
const ATTACKS: Guess = Guess { relation: Relation::Attacks, source: None };

#[test]
fn without_the_exercise_nothing_is_hidden() {
    let map = map();
    let view = ViewState::new(&map, "en");
    assert!(map.nodes.iter().enumerate().all(|(n, _)| !view.conceals(&map, n)));
}

#[test]
fn the_exercise_hides_only_what_it_asks_until_guessed() {
    let map = map();
    let view = exercise(&map);
    let (q, p, c1, c2) = (idx(&map, "q"), idx(&map, "p"), idx(&map, "c1"), idx(&map, "c2"));
    assert!(!view.conceals(&map, q), "the root is never asked");
    assert!(!view.conceals(&map, p), "a position answers the question: its side shows");
    assert!(view.conceals(&map, c1) && view.conceals(&map, c2));
    let view = view.apply(&map, Action::Guess(c1, ATTACKS));
    assert!(!view.conceals(&map, c1), "a guessed claim shows its relation, right or wrong");
    assert!(view.conceals(&map, c2));
    assert_eq!(view.answers.score(&map), Score { answered: 1, correct: 0 });
    let view = view.apply(&map, Action::Guess(c2, ATTACKS));
    assert_eq!(view.answers.score(&map), Score { answered: 2, correct: 1 });
}

#[test]
fn the_first_guess_stays_and_a_guess_on_what_is_not_asked_changes_nothing() {
    let map = map();
    let c1 = idx(&map, "c1");
    let view = exercise(&map).apply(&map, Action::Guess(c1, SUPPORTS));
    let again = view.apply(&map, Action::Guess(c1, ATTACKS));
    assert_eq!(again, view, "the answer was shown: a second guess would only copy it");
    let on_position = view.apply(&map, Action::Guess(idx(&map, "p"), SUPPORTS));
    assert_eq!(on_position, view);
    let unknown_source = view.apply(&map, Action::Guess(idx(&map, "c2"), Guess { relation: Relation::Attacks, source: Some(9) }));
    assert_eq!(unknown_source, view);
}

#[test]
fn answers_outlast_turning_the_exercise_off_and_on() {
    let map = map();
    let c1 = idx(&map, "c1");
    let view = exercise(&map).apply(&map, Action::Guess(c1, SUPPORTS)).apply(&map, Action::SetExercise(false));
    assert!(!view.conceals(&map, idx(&map, "c2")));
    let view = view.apply(&map, Action::SetExercise(true));
    assert!(!view.conceals(&map, c1) && view.conceals(&map, idx(&map, "c2")));
    assert_eq!(view.answers.score(&map).correct, 1);
}

#[test]
fn starting_again_forgets_every_answer_and_keeps_the_verdicts() {
    let map = map();
    let (c1, c2) = (idx(&map, "c1"), idx(&map, "c2"));
    let view = exercise(&map).apply(&map, Action::Guess(c1, SUPPORTS)).apply(&map, Action::Mark(c2, Some(Verdict::Convinced)));
    assert!(!view.conceals(&map, c1));
    let again = view.apply(&map, Action::ForgetAnswers);
    assert!(again.conceals(&map, c1), "the claim is to guess again");
    assert_eq!(again.answers.score(&map), Score { answered: 0, correct: 0 });
    assert_eq!(again.verdicts, view.verdicts, "what the reader is convinced by is not an answer");
}

#[test]
fn loaded_marks_replace_verdicts_and_answers() {
    let map = map();
    let (c1, c2) = (idx(&map, "c1"), idx(&map, "c2"));
    let view = exercise(&map).apply(&map, Action::Guess(c1, ATTACKS)).apply(&map, Action::Mark(c1, Some(Verdict::Convinced)));
    let file = json!({
        "format": "argmap-marks/1", "map": "ex", "name": "Li",
        "verdicts": {"c2": "not-convinced"},
        "answers": {"c2": {"relation": "attacks", "source": "b"}}
    });
    let marks = Marks::from_json(&map, &file.to_string()).expect("the file reads");
    let restored = view.apply(&map, Action::Restore(marks));
    assert_eq!(restored.verdicts.0.get(&c2), Some(&Verdict::NotConvinced));
    assert_eq!(restored.verdicts.0.get(&c1), None, "the file's marks, not a mix");
    assert!(restored.conceals(&map, c1), "c1 has no answer in the file");
    assert!(!restored.conceals(&map, c2));
    assert_eq!(restored.answers.score(&map), Score { answered: 1, correct: 1 });
}

#[test]
fn saved_marks_read_back_to_the_same_state() {
    let map = map();
    let (c1, c2) = (idx(&map, "c1"), idx(&map, "c2"));
    let view = exercise(&map)
        .apply(&map, Action::Guess(c1, SUPPORTS))
        .apply(&map, Action::Guess(c2, Guess { relation: Relation::Supports, source: Some(0) }))
        .apply(&map, Action::Mark(c2, Some(Verdict::Convinced)));
    let marks = Marks { name: Some("Li".into()), verdicts: view.verdicts.clone(), answers: view.answers.clone() };
    let back = Marks::from_json(&map, &marks.to_json(&map)).expect("its own file reads");
    let fresh = exercise(&map).apply(&map, Action::Restore(back));
    assert_eq!((fresh.verdicts, fresh.answers), (view.verdicts, view.answers));
}

#[test]
fn a_download_name_keeps_names_beyond_ascii_and_lowercases_ascii() {
    let map = map();
    let named = |name: &str| Marks { name: Some(name.into()), ..Marks::default() }.file_name(&map);
    assert_eq!(named("Li WEI"), "ex-marks-li-wei.json");
    assert_eq!(named("Émile O'Neil"), "ex-marks-Émile-o-neil.json");
    assert_eq!(named("王\u{3000}芳 ../\t"), "ex-marks-王-芳.json", "an ideographic space is a space too");
}

#[test]
fn a_claim_without_evidence_belongs_to_the_article_its_text_opens_with_even_in_chinese() {
    let value = json!({
        "format": "argmap/1", "id": "zh", "title": {"zh": "题"}, "languages": ["zh"],
        "sources": [{"id": "001", "title": {"zh": "甲"}, "lang": "zh"}, {"id": "0012", "title": {"zh": "乙"}, "lang": "zh"}],
        "root": "q",
        "nodes": [
            {"id": "q", "kind": "question", "text": {"zh": "问？"}},
            {"id": "says", "parent": "q", "kind": "claim", "text": {"zh": "001认为开源是杠杆"}},
            {"id": "longer", "parent": "q", "kind": "claim", "text": {"zh": "0012 另有说法"}}
        ]
    });
    let map = load(&value.to_string()).expect("loads");
    assert_eq!(article_of(&map, idx(&map, "says")), Some(0));
    assert_eq!(article_of(&map, idx(&map, "longer")), Some(1), "001 is not a prefix of the id 0012");
}
