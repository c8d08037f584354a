//! A Markdown outline -> `argmap/1`: the quick path for a post already written in Markdown.
//!
//! ```markdown
//! # Should schools ban phones?
//!
//! - Ban them {side: closed}
//!   - Pro: They distract.
//!     > Pupils glanced at their phones 37 times a lesson.
//!     > — Survey of 40 classrooms
//!   - Con: Parents need to reach their children.
//! ```
//!
//! Headings are groups (the first, when it is the only top-level element, is the root); list
//! items (`-`, `*`, `+`, `1.`) nest by indentation; `+` / `-` after the bullet, a `+` bullet, or
//! `Pro:` / `Con:` (`支持：` / `反对：`) at the start of an item give its relation; a blockquote
//! under an item is its evidence, its last line `— Source` (a source id or title; a new title
//! becomes a source) says where it is from; an indented paragraph under an item is its detail.
//! Items take the same inline data, tags and titles as Argdown (`[id]: text {side: open}`).
//! Front matter between `---` (or `===`) lines is read as in Argdown.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use super::argdown::inline::member;
use super::argdown::lines::{binary_check, split_lines, TAB_WIDTH};
use super::argdown::{front_matter, MAX_TEXT_BYTES};
use super::diagnostic::Diagnostic;
use super::import::{data_fields, default_kind, finish, plus_answers, slug, Imported, Positions};
use super::types::Kind;
use super::yaml::{positioned, PChar};

#[derive(Clone, Copy, PartialEq)]
enum Stance {
    Pro,
    Con,
}

struct Entry {
    heading: bool,
    /// Heading level, or the item's indentation.
    depth: usize,
    chars: Vec<PChar>,
    line: usize,
    column: usize,
    parent: Option<usize>,
    stance: Option<Stance>,
    detail: Vec<String>,
    /// (quote, attribution, line, column)
    quotes: Vec<(String, Option<String>, usize, usize)>,
    /// A blank line came after the item's own text: a later indented line is detail.
    closed: bool,
}

fn indent_width(line: &str) -> (usize, usize) {
    let mut width = 0;
    let mut chars = 0;
    for c in line.chars() {
        match c {
            ' ' => width += 1,
            '\t' => width = (width / TAB_WIDTH + 1) * TAB_WIDTH,
            _ => break,
        }
        chars += 1;
    }
    (width, chars)
}

/// `-`, `*`, `+` or `1.` / `1)` then a space: the bullet and its length.
fn bullet(rest: &str) -> Option<(char, usize)> {
    let first = rest.chars().next()?;
    if matches!(first, '-' | '*' | '+') && rest[1..].starts_with([' ', '\t']) {
        return Some((first, 1));
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let after = rest.get(digits..)?;
    (digits > 0 && digits < 10 && (after.starts_with(". ") || after.starts_with(") "))).then_some(('1', digits + 1))
}

fn stance_prefix(text: &str) -> Option<(Stance, usize)> {
    for (prefix, stance) in [("+ ", Stance::Pro), ("- ", Stance::Con)] {
        if text.starts_with(prefix) {
            return Some((stance, prefix.len()));
        }
    }
    for (prefix, stance) in [
        ("pro:", Stance::Pro),
        ("con:", Stance::Con),
        ("支持：", Stance::Pro),
        ("反对：", Stance::Con),
        ("支持:", Stance::Pro),
        ("反对:", Stance::Con),
    ] {
        if text.get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix)) {
            return Some((stance, prefix.len()));
        }
    }
    None
}

fn attribution(quote: &str) -> Option<&str> {
    for dash in ["— ", "― ", "– ", "-- "] {
        if let Some(rest) = quote.strip_prefix(dash) {
            return Some(rest.trim());
        }
    }
    None
}

/// Read a Markdown outline into an `argmap/1` map, with every error and warning at its line and
/// column.
pub fn import_markdown(text: &str) -> Imported {
    let mut diagnostics = Vec::new();
    if text.len() > MAX_TEXT_BYTES {
        diagnostics.push(Diagnostic::error(1, 1, format!("the text is over {} MB; larger texts are refused", MAX_TEXT_BYTES / 1_048_576)));
        return Imported::failed(diagnostics);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw = split_lines(text);
    if let Some(d) = binary_check(&raw) {
        return Imported::failed(vec![d]);
    }
    // Front matter.
    let mut body = 0;
    let mut front_chars = None;
    let fence = |l: &str| {
        let t = l.trim();
        t.len() >= 3 && (t.chars().all(|c| c == '-') || t.chars().all(|c| c == '='))
    };
    if raw.first().is_some_and(|l| fence(l)) {
        match raw.iter().enumerate().skip(1).find(|(_, l)| fence(l)) {
            Some((close, _)) => {
                let mut chars = Vec::new();
                for (n, line) in raw.iter().enumerate().take(close).skip(1) {
                    chars.extend(positioned(line, n + 1, 1));
                    chars.push(PChar { c: '\n', line: n + 1, col: line.chars().count() + 1 });
                }
                front_chars = Some(chars);
                body = close + 1;
            }
            None => {
                return Imported::failed(vec![Diagnostic::error(
                    1,
                    1,
                    "unterminated front matter: the --- line that opens it has no closing --- line",
                )])
            }
        }
    }
    let (mut front, fields) = front_matter(front_chars.as_deref(), &mut diagnostics);

    let mut entries: Vec<Entry> = Vec::new();
    let mut headings: Vec<usize> = Vec::new(); // open sections, outermost first
    let mut items: Vec<usize> = Vec::new(); // open items, outermost first
    let mut quote: Option<(usize, String, usize, usize)> = None; // (entry, text so far, line, col)
    let mut fenced = false;
    let flush_quote = |quote: &mut Option<(usize, String, usize, usize)>, entries: &mut Vec<Entry>| {
        if let Some((e, text, line, col)) = quote.take() {
            let mut lines: Vec<&str> = text.lines().collect();
            let source = lines.last().and_then(|l| attribution(l)).map(str::to_owned);
            if source.is_some() {
                lines.pop();
            }
            let joined = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
            entries[e].quotes.push((joined, source, line, col));
        }
    };
    for (n, line) in raw.iter().enumerate().skip(body) {
        let number = n + 1;
        let (indent, lead) = indent_width(line);
        let rest: String = line.chars().skip(lead).collect();
        let rest = rest.trim_end();
        let column = lead + 1;
        if rest.starts_with("```") || rest.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if rest.is_empty() {
            flush_quote(&mut quote, &mut entries);
            if let Some(&i) = items.last() {
                entries[i].closed = true;
            }
            continue;
        }
        let hashes = rest.chars().take_while(|c| *c == '#').count();
        if indent < 4 && (1..=6).contains(&hashes) && rest[hashes..].starts_with(' ') {
            flush_quote(&mut quote, &mut entries);
            items.clear();
            while headings.last().is_some_and(|&h| entries[h].depth >= hashes) {
                headings.pop();
            }
            let start = hashes + 1;
            let chars =
                positioned(rest[start..].trim_start(), number, column + start + (rest[start..].len() - rest[start..].trim_start().len()));
            entries.push(Entry {
                heading: true,
                depth: hashes,
                chars,
                line: number,
                column,
                parent: headings.last().copied(),
                stance: None,
                detail: Vec::new(),
                quotes: Vec::new(),
                closed: false,
            });
            headings.push(entries.len() - 1);
            continue;
        }
        if let Some(body) = rest.strip_prefix('>') {
            let owner = items.iter().rev().find(|&&i| entries[i].depth < indent).copied();
            let Some(owner) = owner else {
                diagnostics.push(Diagnostic::warning(number, column, "a quote outside a list item belongs to no claim; it is left out"));
                continue;
            };
            let body = body.strip_prefix(' ').unwrap_or(body);
            match &mut quote {
                Some((e, text, _, _)) if *e == owner => {
                    text.push('\n');
                    text.push_str(body);
                }
                _ => {
                    flush_quote(&mut quote, &mut entries);
                    quote = Some((owner, body.to_owned(), number, column));
                }
            }
            continue;
        }
        flush_quote(&mut quote, &mut entries);
        if let Some((mark, len)) = bullet(rest) {
            while items.last().is_some_and(|&i| entries[i].depth >= indent) {
                items.pop();
            }
            let parent = items.last().copied().or(headings.last().copied());
            let after = rest[len..].trim_start();
            let mut skip = rest.len() - after.len();
            let mut stance = (mark == '+').then_some(Stance::Pro);
            if let Some((s, l)) = stance_prefix(after) {
                stance = Some(s);
                skip += l;
            }
            let item_text = &rest[skip..];
            let lead_ws = item_text.len() - item_text.trim_start().len();
            let chars = positioned(item_text.trim_start(), number, column + rest[..skip + lead_ws].chars().count());
            entries.push(Entry {
                heading: false,
                depth: indent,
                chars,
                line: number,
                column,
                parent,
                stance,
                detail: Vec::new(),
                quotes: Vec::new(),
                closed: false,
            });
            items.push(entries.len() - 1);
            continue;
        }
        // A paragraph: the open item's text goes on, or it is the detail of an item or heading.
        let owner = items.iter().rev().find(|&&i| entries[i].depth < indent || !entries[i].closed).copied();
        match owner {
            Some(i) if !entries[i].closed => {
                let e = &mut entries[i];
                e.chars.push(PChar { c: '\n', line: number, col: column });
                e.chars.extend(positioned(rest, number, column));
            }
            Some(i) => entries[i].detail.push(rest.to_owned()),
            None => match headings.last() {
                Some(&h) => entries[h].detail.push(rest.to_owned()),
                None => diagnostics.push(Diagnostic::warning(
                    number,
                    column,
                    "text before any heading or list item belongs to no claim; it is left out",
                )),
            },
        }
    }
    flush_quote(&mut quote, &mut entries);
    if entries.is_empty() {
        diagnostics.push(Diagnostic::error(1, 1, "no heading and no list item: an empty map cannot be shown"));
        return Imported::failed(diagnostics);
    }

    // Sources: the front matter's, then one per new attribution.
    let first_lang = match front.get("languages") {
        Some(Value::Array(a)) => a.first().and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
    .or_else(|| front.get("lang").and_then(Value::as_str).map(str::to_owned))
    .unwrap_or_else(|| "en".to_owned());
    if !front.contains_key("languages") {
        front.insert("languages".into(), json!([first_lang]));
    }
    front.remove("lang");
    let mut sources: Vec<Value> = match front.remove("sources") {
        Some(Value::Array(a)) => a,
        Some(other) => vec![other],
        None => Vec::new(),
    };
    let mut source_ids: HashMap<String, String> = HashMap::new();
    for s in &sources {
        if let Some(id) = s.get("id").and_then(Value::as_str) {
            source_ids.insert(id.to_owned(), id.to_owned());
            if let Some(title) = s
                .get("title")
                .and_then(|t| t.as_str().map(str::to_owned).or_else(|| t.as_object()?.values().next()?.as_str().map(str::to_owned)))
            {
                source_ids.entry(title).or_insert_with(|| id.to_owned());
            }
        }
    }

    let members: Vec<_> = entries.iter().map(|e| member(&e.chars, e.line, e.column, &mut diagnostics)).collect();
    let tops: Vec<usize> = (0..entries.len()).filter(|&i| entries[i].parent.is_none()).collect();
    let synthetic = tops.len() != 1;
    let title = front.get("title").cloned().or_else(|| (!synthetic).then(|| json!(members[tops[0]].text.clone())));
    let title = match title {
        Some(t) => t,
        None => {
            diagnostics.push(Diagnostic::warning(
                1,
                1,
                "no title: give the outline one heading above its lists, or a title in front matter",
            ));
            json!("Untitled")
        }
    };
    let title_text = title
        .as_str()
        .map(str::to_owned)
        .or_else(|| title.as_object().and_then(|o| o.values().next()).and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_default();

    let mut used: HashMap<String, ()> = HashMap::new();
    let mut ids: Vec<String> = Vec::with_capacity(entries.len());
    for m in &members {
        let id = m.data.get("id").and_then(Value::as_str).map(str::to_owned).or_else(|| m.title.clone()).unwrap_or_default();
        if !id.is_empty() {
            used.insert(id.clone(), ());
        }
        ids.push(id);
    }
    let mut counter = 0;
    let mut fresh = |prefix: &str, used: &mut HashMap<String, ()>| loop {
        counter += 1;
        let id = format!("{prefix}-{counter}");
        if used.insert(id.clone(), ()).is_none() {
            return id;
        }
    };
    for (i, id) in ids.iter_mut().enumerate() {
        if id.is_empty() {
            *id = fresh(if entries[i].heading { "group" } else { "item" }, &mut used);
        }
    }
    let root_id = if synthetic {
        if used.contains_key("root") {
            fresh("root", &mut used)
        } else {
            "root".to_owned()
        }
    } else {
        ids[tops[0]].clone()
    };

    let mut positions = Positions { fields, ..Positions::default() };
    let mut nodes: Vec<Value> = Vec::with_capacity(entries.len() + 1);
    let mut kinds: Vec<Kind> = vec![Kind::Claim; entries.len()];
    if synthetic {
        nodes.push(json!({"id": root_id, "kind": "question", "text": title.clone()}));
        positions.nodes.push(((1, 1), "the map's question (its title)".to_owned()));
    }
    let mut unattributed: Option<String> = None;
    for (i, (e, m)) in entries.iter().zip(&members).enumerate() {
        let is_root = !synthetic && e.parent.is_none();
        let parent_kind = match e.parent {
            Some(p) => Some(kinds[p]),
            None if synthetic => Some(Kind::Question),
            None => None,
        };
        let given = match m.data.get("kind").and_then(Value::as_str) {
            Some("question") => Some(Kind::Question),
            Some("position") => Some(Kind::Position),
            Some("claim") => Some(Kind::Claim),
            _ => None,
        };
        kinds[i] = given.unwrap_or_else(|| default_kind(is_root, &m.text, parent_kind, m.data.contains_key("side")));
        let mut node = Map::new();
        node.insert("id".into(), json!(ids[i]));
        let parent_id = e.parent.map(|p| ids[p].clone()).or_else(|| synthetic.then(|| root_id.clone()));
        if let Some(p) = parent_id {
            node.insert("parent".into(), json!(p));
        }
        match (m.data.get("relation"), e.stance, parent_kind) {
            (Some(r), _, _) => {
                node.insert("relation".into(), r.clone());
            }
            (None, Some(Stance::Con), Some(_)) => {
                node.insert("relation".into(), json!("attacks"));
            }
            (None, Some(Stance::Pro), Some(pk)) if !plus_answers(pk, kinds[i]) => {
                node.insert("relation".into(), json!("supports"));
            }
            _ => {}
        }
        // A kind the data gives but that is none of the three goes to the loader to be named.
        node.insert("kind".into(), m.data.get("kind").filter(|_| given.is_none()).cloned().unwrap_or_else(|| json!(kinds[i].as_str())));
        let main_lang = m.data.get("lang").and_then(Value::as_str).unwrap_or(&first_lang).to_owned();
        let mut text = Map::new();
        if !m.text.is_empty() {
            text.insert(main_lang.clone(), json!(m.text));
        }
        match m.data.get("text") {
            Some(Value::Object(o)) => text.extend(o.clone()),
            Some(other) => {
                text.insert(main_lang.clone(), other.clone());
            }
            None => {}
        }
        if text.is_empty() {
            diagnostics.push(Diagnostic::error(e.line, e.column, "this item has no text"));
            text.insert(main_lang.clone(), json!("?"));
        }
        node.insert("text".into(), Value::Object(text));
        let mut evidence = Vec::new();
        for (quote, source, line, col) in &e.quotes {
            let id = match source {
                Some(s) => match source_ids.get(s) {
                    Some(id) => id.clone(),
                    None => {
                        let id = fresh("source", &mut used);
                        sources.push(json!({"id": id, "title": s, "lang": first_lang}));
                        source_ids.insert(s.clone(), id.clone());
                        id
                    }
                },
                None => {
                    diagnostics.push(Diagnostic::warning(*line, *col, "a quote without its source: end it with a line like > — Source"));
                    unattributed
                        .get_or_insert_with(|| {
                            let id = fresh("source", &mut used);
                            sources.push(json!({"id": id, "title": "(source not given)", "lang": first_lang}));
                            id
                        })
                        .clone()
                }
            };
            if quote.is_empty() {
                diagnostics.push(Diagnostic::warning(*line, *col, "an empty quote is left out"));
                continue;
            }
            evidence.push(json!({"source": id, "quote": quote}));
        }
        let detail = (!e.detail.is_empty()).then(|| e.detail.join(" "));
        data_fields(&mut node, &m.data, &main_lang, detail.as_deref(), &m.tags, evidence, (e.line, e.column), &mut diagnostics);
        positions
            .nodes
            .push(((e.line, e.chars.first().map_or(e.column, |p| p.col)), format!("\"{}\"", m.text.chars().take(40).collect::<String>())));
        nodes.push(Value::Object(node));
    }

    let mut document = Map::new();
    document.insert("format".into(), json!("argmap/1"));
    let id = front.remove("id").unwrap_or_else(|| json!(slug(&title_text)));
    document.insert("id".into(), id);
    front.remove("title");
    document.insert("title".into(), title);
    for key in ["format", "nodes", "root", "links"] {
        front.remove(key);
    }
    document.extend(front);
    if !sources.is_empty() {
        document.insert("sources".into(), Value::Array(sources));
    }
    document.insert("root".into(), json!(root_id));
    document.insert("nodes".into(), Value::Array(nodes));
    finish(Value::Object(document), &positions, diagnostics)
}
