//! Argdown (argdown.org) -> `argmap/1`, in small stages:
//! 1. [`lines`]: text -> lines (line ends, BOM, front matter cut off, comments blanked);
//! 2. [`blocks`]: lines -> headings, relation trees and premise–conclusion structures;
//! 3. [`inline`]: each member's text -> title, plain text, tags, mentions, inline data;
//! 4. [`build`]: statements, arguments and relations -> one tree plus cross-links, as an
//!    `argmap/1` document that [`crate::model::load`] then validates.
//!
//! Every stage walks with loops and explicit stacks, so depth of indentation or nesting in the
//! text never deepens the call stack.

mod blocks;
mod build;
pub(crate) mod inline;
pub(crate) mod lines;

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::diagnostic::Diagnostic;
use super::import::{finish, Imported};
use super::yaml::{parse_block, PChar};

/// Texts larger than this are refused: the map they make would be refused anyway.
pub const MAX_TEXT_BYTES: usize = super::load::MAX_MAP_BYTES;

/// Read an Argdown text into an `argmap/1` map, with every error and warning at its line and
/// column.
pub fn import_argdown(text: &str) -> Imported {
    let mut diagnostics = Vec::new();
    if text.len() > MAX_TEXT_BYTES {
        diagnostics.push(Diagnostic::error(1, 1, format!("the text is over {} MB; larger texts are refused", MAX_TEXT_BYTES / 1_048_576)));
        return Imported::failed(diagnostics);
    }
    let Some(source) = lines::lex(text, &mut diagnostics) else { return Imported::failed(diagnostics) };
    let (front, fields) = front_matter(source.front_matter.as_deref(), &mut diagnostics);
    let items = blocks::blocks(&source.lines, &mut diagnostics);
    if items.is_empty() {
        diagnostics.push(Diagnostic::error(1, 1, "no statement or argument: an empty map cannot be shown"));
        return Imported::failed(diagnostics);
    }
    let built = build::build(items, front, fields, &mut diagnostics);
    finish(built.document, &built.positions, diagnostics)
}

/// The front matter as a JSON object, and the line of each top-level key.
pub(crate) fn front_matter(
    chars: Option<&[PChar]>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Map<String, Value>, HashMap<String, (usize, usize)>) {
    let mut fields = HashMap::new();
    let Some(chars) = chars else { return (Map::new(), fields) };
    for line in chars.split(|p| p.c == '\n') {
        if let Some(first) = line.first().filter(|p| !p.c.is_whitespace() && p.c != '#' && p.c != '-') {
            let key: String = line.iter().take_while(|p| p.c != ':').map(|p| p.c).collect();
            fields.insert(key.trim().trim_matches(['"', '\'']).to_owned(), (first.line, first.col));
        }
    }
    match parse_block(chars) {
        Ok(Value::Object(o)) => (o, fields),
        Ok(Value::Null) => (Map::new(), fields),
        Ok(_) => {
            let at = chars.first().map_or((1, 1), |p| (p.line, p.col));
            diagnostics.push(Diagnostic::error(at.0, at.1, "the front matter must be `key: value` lines"));
            (Map::new(), fields)
        }
        Err(e) => {
            diagnostics.push(Diagnostic::error(e.line, e.col, format!("front matter: {}", e.message)));
            (Map::new(), fields)
        }
    }
}
