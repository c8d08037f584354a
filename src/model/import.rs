//! What the text importers (Argdown, Markdown outline) share: the result type, the
//! conventions that decide a node's kind and relation where the text does not say (the
//! exporters use the same functions, so a map survives the trip), and `finish`, which runs
//! the built `argmap/1` document through [`load`] (validation stays in one place) and turns
//! each problem's JSON path back into the line and column it came from.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use super::diagnostic::Diagnostic;
use super::load::load;
use super::types::{ArgumentMap, Kind};
use super::yaml::to_flow;

/// An imported text: the `argmap/1` document built from it (when the text could be read at
/// all), the validated map (when it has no error), and every error and warning, in order of
/// position.
#[derive(Debug)]
pub struct Imported {
    pub document: Option<Value>,
    pub map: Option<ArgumentMap>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Imported {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub(crate) fn failed(mut diagnostics: Vec<Diagnostic>) -> Imported {
        diagnostics.sort_by_key(|d| (d.line, d.column));
        Imported { document: None, map: None, diagnostics }
    }
}

/// A node's kind when the text gives none: the root is a question if its text asks one, a
/// child of a question that states a side is a position, anything else a claim.
pub fn default_kind(is_root: bool, text: &str, parent: Option<Kind>, has_side: bool) -> Kind {
    if is_root {
        if text.trim_end().ends_with(['?', '？']) {
            Kind::Question
        } else {
            Kind::Claim
        }
    } else if parent == Some(Kind::Question) && has_side {
        Kind::Position
    } else {
        Kind::Claim
    }
}

/// Whether a `+` (pro) child is read as answering rather than supporting: below a question,
/// or when it is a position (as `argmap/1` itself defaults).
pub fn plus_answers(parent: Kind, kind: Kind) -> bool {
    parent == Kind::Question || kind == Kind::Position
}

/// Where the parts of a built document came from in the text.
#[derive(Default)]
pub(crate) struct Positions {
    /// Position and how the text names it (`[Title]`), per node.
    pub nodes: Vec<((usize, usize), String)>,
    pub links: Vec<(usize, usize)>,
    /// Top-level fields given in the front matter, by key.
    pub fields: HashMap<String, (usize, usize)>,
}

impl Positions {
    /// The position a problem's path points at, and its message with a node's JSON path
    /// (`nodes[3].side`) told as the text names the node (`[Title] side`).
    fn of(&self, path: &str, message: &str) -> ((usize, usize), String) {
        let head = path.split(['.', '[']).next().unwrap_or("");
        let index = path.get(head.len() + 1..).and_then(|rest| rest.split(']').next()).and_then(|i| i.parse::<usize>().ok());
        if let (Some(i), "nodes") = (index, head) {
            if let Some((at, name)) = self.nodes.get(i) {
                let field = path.split_once("].").map_or(String::new(), |(_, f)| format!(" {f}"));
                return (*at, format!("{name}{field}: {message}"));
            }
        }
        let at = match (index, head) {
            (Some(i), "links") => self.links.get(i).copied(),
            _ => None,
        };
        let at = at.or_else(|| self.fields.get(head).copied()).unwrap_or((1, 1));
        let text = if path.is_empty() { message.to_owned() } else { format!("{path}: {message}") };
        (at, text)
    }
}

pub(crate) fn finish(document: Value, positions: &Positions, mut diagnostics: Vec<Diagnostic>) -> Imported {
    let text = document.to_string();
    let map = match load(&text) {
        Ok(map) => Some(map),
        Err(problems) => {
            for p in problems {
                let ((line, column), message) = positions.of(&p.path, &p.message());
                diagnostics.push(Diagnostic::error(line, column, message));
            }
            None
        }
    };
    diagnostics.sort_by_key(|d| (d.line, d.column));
    let map = map.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Imported { document: Some(document), map, diagnostics }
}

/// Keys of inline data that the importers read themselves; any other key rides along in the
/// node (`argmap/1` ignores fields it does not know).
const NODE_KEYS: &[&str] =
    &["id", "kind", "side", "relation", "text", "lang", "detail", "evidence", "flags", "source", "quote", "translation", "link"];

/// A node's fields from its inline data (`side`, `detail`, `evidence` or the one-quote
/// shorthand `source`/`quote`/`translation`, `flags`), its tags (as flags) and any extra
/// evidence; `detail` when the data gives none. A `source` with no `quote` is Argdown's own
/// data, not evidence: left out with a warning.
#[allow(clippy::too_many_arguments)]
pub(crate) fn data_fields(
    node: &mut Map<String, Value>,
    data: &Map<String, Value>,
    main_lang: &str,
    detail: Option<&str>,
    tags: &[String],
    mut evidence: Vec<Value>,
    at: (usize, usize),
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(side) = data.get("side") {
        node.insert("side".into(), side.clone());
    }
    match (data.get("detail"), detail) {
        (Some(d), _) => {
            node.insert("detail".into(), d.clone());
        }
        (None, Some(c)) if !c.is_empty() => {
            node.insert("detail".into(), json!({ main_lang: c }));
        }
        _ => {}
    }
    let mut given: Vec<Value> = match data.get("evidence") {
        Some(Value::Array(a)) => a.clone(),
        Some(other) => vec![other.clone()],
        None => Vec::new(),
    };
    let mut one = Map::new();
    for k in ["source", "quote", "translation"] {
        if let Some(v) = data.get(k) {
            one.insert(k.into(), v.clone());
        }
    }
    if data.contains_key("quote") {
        given.push(Value::Object(one));
    } else if !one.is_empty() {
        // Argdown's own data (`{source: "C1a"}` naming where a claim comes from), not a quote:
        // without the words quoted there is no evidence to show.
        diagnostics.push(Diagnostic::warning(
            at.0,
            at.1,
            format!("inline data {} has no quote, so it is no evidence in argmap/1: left out", to_flow(&Value::Object(one))),
        ));
    }
    given.append(&mut evidence);
    if !given.is_empty() {
        node.insert("evidence".into(), Value::Array(given));
    }
    let mut flags: Vec<Value> = match data.get("flags") {
        Some(Value::Array(a)) => a.clone(),
        Some(other) => vec![other.clone()],
        None => Vec::new(),
    };
    for t in tags {
        if !flags.iter().any(|f| f.as_str() == Some(t)) {
            flags.push(json!(t));
        }
    }
    if !flags.is_empty() {
        node.insert("flags".into(), Value::Array(flags));
    }
    for (k, v) in data {
        if matches!(k.as_str(), "parent" | "children") {
            diagnostics.push(Diagnostic::warning(at.0, at.1, format!("inline data \"{k}\" is left out: the relations give the tree")));
        } else if !NODE_KEYS.contains(&k.as_str()) {
            node.insert(k.clone(), v.clone());
        }
    }
}

/// A map id from its title: lowercase letters and digits (any script), dashes between words.
pub(crate) fn slug(title: &str) -> String {
    let mut s = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
        if s.chars().count() >= 60 {
            break;
        }
    }
    let s = s.trim_end_matches('-').to_owned();
    if s.is_empty() {
        "map".to_owned()
    } else {
        s
    }
}
