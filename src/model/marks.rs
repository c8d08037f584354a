//! `argmap-marks/1`: a reader's verdicts and exercise answers on one map, as a small JSON file
//! the reader downloads and a teacher collects (docs/marks.md). The reader is strict: a file for
//! another map, of a newer format, with a wrong type or naming a node the map does not have is
//! refused whole, with every problem and its path, so nothing half-read is ever applied.

use std::collections::BTreeMap;

use super::json_tree::{self, Lazy};
use super::load::Json;

use super::exercise::{can_guess, Answers, Guess};
use super::load::MAX_MAP_BYTES;
use super::problem::{JsonType, Problem, ProblemKind};
use super::types::{ArgumentMap, Relation};
use super::verdict::{Verdict, Verdicts};

pub const MARKS_FORMAT: &str = "argmap-marks/1";
const FORMAT_FAMILY: &str = "argmap-marks/";
/// Longer names are refused: a name is for a teacher's list, not for carrying text.
pub const MAX_NAME_CHARS: usize = 100;

/// One reader's marks on one map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// What the reader typed as their name; `None` when left blank.
    pub name: Option<String>,
    pub verdicts: Verdicts,
    pub answers: Answers,
}

impl Marks {
    /// The file, as compact JSON with one entry per line, nodes in the map's order.
    pub fn to_json(&self, map: &ArgumentMap) -> String {
        let mut out = String::from("{\n  \"format\": ");
        json_string(MARKS_FORMAT, &mut out);
        out.push_str(",\n  \"map\": ");
        json_string(&map.id, &mut out);
        if let Some(name) = &self.name {
            out.push_str(",\n  \"name\": ");
            json_string(name, &mut out);
        }
        out.push_str(",\n  \"verdicts\": {");
        let mut first = true;
        for (&node, &verdict) in &self.verdicts.0 {
            let Some(n) = map.nodes.get(node) else { continue };
            out.push_str(if first { "\n    " } else { ",\n    " });
            first = false;
            json_string(&n.id, &mut out);
            out.push_str(": ");
            json_string(verdict_word(verdict), &mut out);
        }
        out.push_str(if first { "}" } else { "\n  }" });
        out.push_str(",\n  \"answers\": {");
        first = true;
        for (&node, guess) in &self.answers.0 {
            let (Some(n), Some(relation)) = (map.nodes.get(node), relation_word(guess.relation)) else { continue };
            out.push_str(if first { "\n    " } else { ",\n    " });
            first = false;
            json_string(&n.id, &mut out);
            out.push_str(": {\"relation\": ");
            json_string(relation, &mut out);
            if let Some(source) = guess.source.and_then(|s| map.sources.get(s)) {
                out.push_str(", \"source\": ");
                json_string(&source.id, &mut out);
            }
            out.push('}');
        }
        out.push_str(if first { "}" } else { "\n  }" });
        out.push_str("\n}\n");
        out
    }

    /// Read a marks file for `map`. On refusal, every problem found, each with its path
    /// (`verdicts.c7`, `answers.c2.relation`), or one problem at the top when the file is not
    /// for this map or this reader.
    pub fn from_json(map: &ArgumentMap, text: &str) -> Result<Marks, Vec<Problem>> {
        if text.len() > MAX_MAP_BYTES {
            return Err(vec![Problem::at(
                "",
                ProblemKind::TooLarge { megabytes: text.len().div_ceil(1_048_576) - 1, limit: MAX_MAP_BYTES / 1_048_576 },
            )]);
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // The model's own JSON reader, as maps are read in the widget: no serde_json in its wasm.
        let checked = json_tree::check(text).map_err(|p| vec![p])?;
        let root = checked.root();
        let Some(o) = &root.object() else {
            return Err(vec![Problem::at("", ProblemKind::WrongType { expected: JsonType::Object, found: root.json_type() })]);
        };
        check_format(o)?;
        match field(o, "map").map(|v| (v.string(), v.json_type())) {
            Some((Some(id), _)) if id == map.id => {}
            Some((Some(id), _)) => {
                return Err(vec![Problem::at("map", ProblemKind::MarksForAnotherMap { found: id, expected: map.id.clone() })]);
            }
            Some((None, found)) => return Err(vec![Problem::at("map", ProblemKind::WrongType { expected: JsonType::String, found })]),
            None => return Err(vec![Problem::at("map", ProblemKind::Missing)]),
        }

        let mut problems = Vec::new();
        let name = match field(o, "name").map(|v| (v.string(), v.json_type())) {
            None => None,
            Some((Some(s), _)) if s.trim().is_empty() => None,
            Some((Some(s), _)) if s.trim().chars().count() > MAX_NAME_CHARS => {
                problems.push(Problem::at("name", ProblemKind::TooLong { limit: MAX_NAME_CHARS }));
                None
            }
            Some((Some(s), _)) => Some(s.trim().to_owned()),
            Some((None, found)) => {
                problems.push(Problem::at("name", ProblemKind::WrongType { expected: JsonType::String, found }));
                None
            }
        };

        let mut verdicts = BTreeMap::new();
        for (id, v) in entries(o, "verdicts", &mut problems) {
            let path = format!("verdicts.{id}");
            let verdict = match v.string() {
                Some(w) if w == "convinced" => Some(Verdict::Convinced),
                Some(w) if w == "not-convinced" => Some(Verdict::NotConvinced),
                Some(w) => {
                    problems.push(Problem::at(&path, ProblemKind::UnknownValue { found: w, expected: &["convinced", "not-convinced"] }));
                    None
                }
                None => {
                    problems.push(Problem::at(&path, ProblemKind::WrongType { expected: JsonType::String, found: v.json_type() }));
                    None
                }
            };
            match (map.node_index(&id), verdict) {
                (None, _) => problems.push(unknown_node(&path, &id)),
                (Some(node), Some(verdict)) => {
                    verdicts.insert(node, verdict);
                }
                (Some(_), None) => {}
            }
        }

        let mut answers = BTreeMap::new();
        for (id, v) in entries(o, "answers", &mut problems) {
            let path = format!("answers.{id}");
            let node = map.node_index(&id);
            match node {
                None => problems.push(unknown_node(&path, &id)),
                Some(n) if !can_guess(map, n) => problems.push(Problem::at(&path, ProblemKind::NotAnExercise { id: id.clone() })),
                Some(_) => {}
            }
            let guess = guess(map, &v, &path, &mut problems);
            if let (Some(node), Some(guess)) = (node, guess) {
                answers.insert(node, guess);
            }
        }

        if problems.is_empty() {
            Ok(Marks { name, verdicts: Verdicts(verdicts), answers: Answers(answers) })
        } else {
            Err(problems)
        }
    }

    /// A file name for the download: the map's id and the reader's name, with ASCII letters
    /// (lowercased), digits, `-` and any other non-space character beyond ASCII kept, e.g.
    /// `open-vs-closed-marks-li-wei.json`, `open-vs-closed-marks-李-伟.json`.
    pub fn file_name(&self, map: &ArgumentMap) -> String {
        let mut out = String::new();
        let parts = [Some(map.id.as_str()), Some("marks"), self.name.as_deref()];
        for part in parts.into_iter().flatten() {
            let mut word = String::new();
            // ASCII by hand: Unicode's letter and case tables would cost the widget ~12 KB.
            // Beyond ASCII every character but spaces is kept: no file system gives those a
            // meaning, and a name in Chinese stays readable.
            for c in part.chars() {
                if c.is_ascii_alphanumeric() || !(c.is_ascii() || c.is_whitespace() || c.is_control()) {
                    word.push(c.to_ascii_lowercase());
                } else if !word.is_empty() && !word.ends_with('-') {
                    word.push('-');
                }
            }
            let word = word.trim_end_matches('-');
            if !word.is_empty() {
                if !out.is_empty() {
                    out.push('-');
                }
                out.push_str(word);
            }
        }
        out.push_str(".json");
        out
    }
}

fn check_format(o: &Lazy) -> Result<(), Vec<Problem>> {
    let refuse = |kind: ProblemKind| Err(vec![Problem::at("format", kind)]);
    match field(o, "format").map(|v| (v.string(), v.json_type())) {
        Some((Some(f), _)) if f == MARKS_FORMAT => Ok(()),
        Some((Some(f), _)) if f.starts_with(FORMAT_FAMILY) => refuse(ProblemKind::NewerMarks { found: f }),
        Some((Some(f), _)) if f.starts_with("argmap/") => refuse(ProblemKind::MapNotMarks { found: f }),
        Some((Some(f), _)) => refuse(ProblemKind::NotMarks { found: f }),
        Some((None, found)) => refuse(ProblemKind::WrongType { expected: JsonType::String, found }),
        None => refuse(ProblemKind::NotMarks { found: String::new() }),
    }
}

/// The entries of an optional object field; a wrong type is a problem and yields nothing.
fn entries<'d>(o: &Lazy<'d>, key: &str, problems: &mut Vec<Problem>) -> Vec<(String, Lazy<'d>)> {
    match field(o, key) {
        None => Vec::new(),
        // A key given twice counts once, with its last value, as serde_json reads it.
        Some(v) => v.members().unwrap_or_else(|| {
            problems.push(Problem::at(key, ProblemKind::WrongType { expected: JsonType::Object, found: v.json_type() }));
            Vec::new()
        }),
    }
}

fn guess(map: &ArgumentMap, v: &Lazy, path: &str, problems: &mut Vec<Problem>) -> Option<Guess> {
    let Some(o) = &v.object() else {
        problems.push(Problem::at(path, ProblemKind::WrongType { expected: JsonType::Object, found: v.json_type() }));
        return None;
    };
    let relation_path = format!("{path}.relation");
    let relation = match field(o, "relation").map(|v| (v.string(), v.json_type())) {
        Some((Some(w), _)) if w == "supports" => Some(Relation::Supports),
        Some((Some(w), _)) if w == "attacks" => Some(Relation::Attacks),
        Some((Some(w), _)) => {
            problems.push(Problem::at(&relation_path, ProblemKind::UnknownValue { found: w, expected: &["supports", "attacks"] }));
            None
        }
        Some((None, found)) => {
            problems.push(Problem::at(&relation_path, ProblemKind::WrongType { expected: JsonType::String, found }));
            None
        }
        None => {
            problems.push(Problem::at(&relation_path, ProblemKind::Missing));
            None
        }
    };
    let source_path = format!("{path}.source");
    let source = match field(o, "source").map(|v| (v.string(), v.json_type())) {
        None => Ok(None),
        Some((Some(id), _)) => match map.sources.iter().position(|s| s.id == id) {
            Some(s) => Ok(Some(s)),
            None => {
                problems.push(Problem::at(&source_path, ProblemKind::UnknownSource { id }));
                Err(())
            }
        },
        Some((None, found)) => {
            problems.push(Problem::at(&source_path, ProblemKind::WrongType { expected: JsonType::String, found }));
            Err(())
        }
    };
    Some(Guess { relation: relation?, source: source.ok()? })
}

fn unknown_node(path: &str, id: &str) -> Problem {
    Problem::at(path, ProblemKind::UnknownNode { id: id.to_owned() })
}

/// JSON `null` counts as an absent field, as in maps; of a key given twice, the last counts.
fn field<'d>(o: &Lazy<'d>, key: &str) -> Option<Lazy<'d>> {
    o.member(key).filter(|v| v.json_type() != JsonType::Null)
}

fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Convinced => "convinced",
        Verdict::NotConvinced => "not-convinced",
    }
}

fn relation_word(relation: Relation) -> Option<&'static str> {
    match relation {
        Relation::Supports => Some("supports"),
        Relation::Attacks => Some("attacks"),
        Relation::Answers => None,
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped; the rest as is
/// (the file is UTF-8).
fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
