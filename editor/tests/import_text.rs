//! The editor's one entry point, natively: the JSON it answers is what edit.js reads.

use argmap::model::load;
use argmap_editor::import_text;
use serde_json::Value;

fn answer(text: &str, format: &str) -> Value {
    serde_json::from_str(&import_text(text, format)).expect("import_text answers JSON")
}

#[test]
fn argdown_becomes_a_map_that_loads() {
    let answer = answer("[Ban]: Schools should ban phones.\n  + [Focus]: Phones distract.\n  - [Calls]: Parents call.\n", "argdown");
    let map_json = answer["map_json"].as_str().expect("a map for a text without errors");
    let map = load(map_json).expect("the map validates");
    assert_eq!(map.nodes.len(), 3);
    assert_eq!(answer["diagnostics"], Value::Array(vec![]));
}

#[test]
fn markdown_outline_becomes_a_map() {
    let answer = answer("# Tea or coffee?\n\n- Pro: Tea calms.\n- Con: Coffee wakes.\n", "markdown");
    let map = load(answer["map_json"].as_str().expect("a map")).expect("the map validates");
    assert!(map.nodes.len() >= 3, "the question and its two answers");
}

#[test]
fn an_error_gives_no_map_and_its_line_and_column() {
    let answer = answer("[A]: fine\n  + [B: unterminated\n", "argdown");
    assert_eq!(answer["map_json"], Value::Null);
    let first = &answer["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!((first["line"].as_u64(), first["column"].as_u64().is_some()), (Some(2), true), "{answer}");
    assert!(first["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[test]
fn an_unknown_format_is_an_error_not_a_guess() {
    let answer = answer("[A]: text", "yaml");
    assert_eq!(answer["map_json"], Value::Null);
    assert_eq!(answer["diagnostics"][0]["severity"], "error");
    assert!(answer["diagnostics"][0]["message"].as_str().unwrap_or("").contains("yaml"));
}
