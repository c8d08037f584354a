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

/// The front matter's keys that `argmap/1` reads: a problem in one of them is an error. Any
/// other key (`author`, Argdown's own settings such as `color`, `dot`, `group`) only rides
/// along in the map, which ignores it: one that cannot be read is left out with a warning.
const MAP_KEYS: &[&str] = &["format", "id", "title", "summary", "languages", "lang", "sides", "sources", "tour", "root", "nodes", "links"];

/// The front matter as a JSON object, and the line of each top-level key. Each top-level
/// entry is read on its own, so that one argmap ignores cannot stop the others.
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
    let Some(entries) = entries(chars) else {
        // Not `key: value` lines at the top (a flow mapping, a list, a lone value): read whole.
        return match parse_block(chars) {
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
        };
    };
    let mut front = Map::new();
    for entry in entries {
        let at = entry.first().map_or((1, 1), |p| (p.line, p.col));
        match parse_block(entry) {
            Ok(Value::Object(o)) => {
                for (key, value) in o {
                    if front.contains_key(&key) {
                        diagnostics.push(Diagnostic::error(at.0, at.1, format!("front matter: the key \"{key}\" is given twice")));
                    } else {
                        front.insert(key, value);
                    }
                }
            }
            Ok(_) => diagnostics.push(Diagnostic::error(at.0, at.1, "the front matter must be `key: value` lines")),
            Err(e) => {
                let key: String = entry.iter().take_while(|p| p.c != ':').map(|p| p.c).collect();
                let key = key.trim().trim_matches(['"', '\'']);
                if MAP_KEYS.contains(&key) {
                    diagnostics.push(Diagnostic::error(e.line, e.col, format!("front matter: {}", e.message)));
                } else {
                    diagnostics.push(Diagnostic::warning(
                        e.line,
                        e.col,
                        format!("front matter \"{key}\" is left out: argmap does not use it, and cannot read it ({})", e.message),
                    ));
                }
            }
        }
    }
    (front, fields)
}

/// The front matter cut into its top-level entries: each `key: …` line at the top level's
/// indentation with the lines below it up to the next. `None` when the first line is not such
/// a key (the front matter is then read whole).
fn entries(chars: &[PChar]) -> Option<Vec<&[PChar]>> {
    let mut lines: Vec<(usize, usize)> = Vec::new(); // (start, end) in `chars`, end past the `\n`
    let mut start = 0;
    for (i, p) in chars.iter().enumerate() {
        if p.c == '\n' {
            lines.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < chars.len() {
        lines.push((start, chars.len()));
    }
    let content = |&(s, e): &(usize, usize)| {
        let line = &chars[s..e];
        let indent = line.iter().take_while(|p| p.c == ' ').count();
        let rest = &line[indent..];
        let blank = rest.iter().all(|p| p.c.is_whitespace()) || rest.first().is_some_and(|p| p.c == '#');
        (indent, rest, blank)
    };
    let top = lines.iter().map(content).find(|(_, _, blank)| !blank).map(|(indent, _, _)| indent)?;
    let mut out: Vec<&[PChar]> = Vec::new();
    let mut entry_start: Option<usize> = None;
    for line in &lines {
        let (indent, rest, blank) = content(line);
        let is_key = !blank && indent == top && key_line(rest);
        // Below the top level's indentation, or at it but neither a key nor more of the
        // entry above: not `key: value` lines (read whole instead).
        if !blank && indent <= top && !is_key && (entry_start.is_none() || indent < top || !is_continuation(rest)) {
            return None;
        }
        if is_key {
            if let Some(s) = entry_start {
                out.push(&chars[s..line.0]);
            }
            entry_start = Some(line.0);
        } else if entry_start.is_none() && !blank {
            return None;
        }
    }
    if let Some(s) = entry_start {
        out.push(&chars[s..]);
    }
    Some(out)
}

/// Whether a line (after its indentation) begins `key:` (a colon followed by a space or the
/// line's end, outside quotes), and not `- item`, `{…}` or `[…]`.
fn key_line(rest: &[PChar]) -> bool {
    if rest.first().is_none_or(|p| matches!(p.c, '-' | '{' | '[' | '#' | '}' | ']')) {
        return false;
    }
    let mut quote = None;
    for (i, p) in rest.iter().enumerate() {
        match (quote, p.c) {
            (None, q @ ('"' | '\'')) if i == 0 => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            (None, ':') => return rest.get(i + 1).is_none_or(|n| n.c.is_whitespace()),
            _ => {}
        }
    }
    false
}

/// A line at the top level's indentation that still belongs to the entry above: an item of
/// its list (`- x`, which YAML allows at its key's indentation), or the closing brackets of a
/// flow collection.
fn is_continuation(rest: &[PChar]) -> bool {
    let item = rest.first().is_some_and(|p| p.c == '-') && rest.get(1).is_none_or(|p| p.c.is_whitespace());
    item || rest.first().is_some_and(|p| matches!(p.c, '}' | ']' | ','))
}
