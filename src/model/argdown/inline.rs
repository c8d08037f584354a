//! Stage 3a: one member's characters -> its parts: a title (`[T]`, `<T>`; with `:` a
//! definition, without a reference), plain text (escapes `\x` kept literally, emphasis
//! markers `*` `_` `**` `__` dropped, whitespace collapsed), `#tags` and `#(tags with spaces)`,
//! mentions `@[T]` `@<T>`, and inline data `{…}` (YAML flow, or block YAML when `{` ends its
//! line).

use serde_json::{Map, Value};

use crate::model::diagnostic::Diagnostic;
use crate::model::yaml::{parse_block, parse_flow, PChar};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MemberKind {
    Statement,
    Argument,
}

#[derive(Clone, Debug)]
pub(crate) struct Member {
    pub kind: MemberKind,
    pub title: Option<String>,
    /// `[T]: text` or an untitled text; false for a bare reference `[T]`.
    pub definition: bool,
    pub text: String,
    pub tags: Vec<String>,
    pub data: Map<String, Value>,
    pub mentions: Vec<(MemberKind, String, usize, usize)>,
    pub line: usize,
    pub column: usize,
}

/// The closing bracket of a title opened at `chars[0]`, on the same line.
fn title_end(chars: &[PChar], close: char) -> Option<usize> {
    chars.iter().skip(1).position(|p| p.c == close || p.c == '\n').map(|i| i + 1).filter(|&i| chars[i].c == close && i > 1)
}

pub(crate) fn member(chars: &[PChar], line: usize, column: usize, diagnostics: &mut Vec<Diagnostic>) -> Member {
    let mut m = Member {
        kind: MemberKind::Statement,
        title: None,
        definition: true,
        text: String::new(),
        tags: Vec::new(),
        data: Map::new(),
        mentions: Vec::new(),
        line,
        column,
    };
    let mut rest = chars;
    if let Some(open @ ('[' | '<')) = chars.first().map(|p| p.c) {
        let close = if open == '[' { ']' } else { '>' };
        let is_link = |end: usize| open == '[' && chars.get(end + 1).is_some_and(|p| p.c == '(');
        match title_end(chars, close) {
            Some(end) if !is_link(end) => {
                let title: String = chars[1..end].iter().map(|p| p.c).collect();
                m.title = Some(title.trim().to_owned());
                m.kind = if open == '<' { MemberKind::Argument } else { MemberKind::Statement };
                if chars.get(end + 1).is_some_and(|p| p.c == ':') {
                    rest = &chars[end + 2..];
                } else {
                    m.definition = false;
                    rest = &chars[end + 1..];
                }
            }
            None if open == '[' || chars.iter().skip(1).take_while(|p| p.c != '\n').all(|p| p.c != ' ') => {
                diagnostics.push(Diagnostic::error(line, column, format!("unterminated title: this {open} has no {close} on its line")));
                rest = &chars[1..];
            }
            _ => {}
        }
    }
    let text = scan(rest, &mut m, diagnostics);
    if !m.definition && !text.is_empty() {
        let bracket = if m.kind == MemberKind::Argument { ('<', '>') } else { ('[', ']') };
        let title = m.title.clone().unwrap_or_default();
        diagnostics.push(Diagnostic::warning(
            line,
            column,
            format!(
                "text after the reference {}{title}{} is read as its text; write {}{title}{}: … to define it",
                bracket.0, bracket.1, bracket.0, bracket.1
            ),
        ));
        m.definition = true;
    }
    m.text = text;
    m
}

/// One character of the text being built: `literal` for escaped characters, which are never
/// markup.
#[derive(Clone, Copy)]
struct Out {
    c: char,
    literal: bool,
}

fn scan(chars: &[PChar], m: &mut Member, diagnostics: &mut Vec<Diagnostic>) -> String {
    let mut out: Vec<Out> = Vec::with_capacity(chars.len());
    let mut i = 0;
    let boundary = |out: &[Out]| out.last().is_none_or(|o| o.c.is_whitespace());
    while i < chars.len() {
        let c = chars[i].c;
        let next = chars.get(i + 1).map(|p| p.c);
        match c {
            '\\' if next.is_some_and(|n| n != '\n') => {
                out.push(Out { c: chars[i + 1].c, literal: true });
                i += 2;
            }
            '{' => match data_end(chars, i) {
                Some(end) => {
                    read_data(&chars[i..=end], m, diagnostics);
                    out.push(Out { c: ' ', literal: false });
                    i = end + 1;
                }
                None => {
                    diagnostics.push(Diagnostic::error(chars[i].line, chars[i].col, "unterminated inline data: this { has no closing }"));
                    break;
                }
            },
            '#' if boundary(&out) && next.is_some_and(|n| n == '(' || is_tag_char(n)) => {
                if next == Some('(') {
                    match chars[i + 2..].iter().position(|p| p.c == ')' || p.c == '\n').map(|e| e + i + 2).filter(|&e| chars[e].c == ')') {
                        Some(end) => {
                            let tag: String = chars[i + 2..end].iter().map(|p| p.c).collect();
                            push_tag(m, tag.trim());
                            i = end + 1;
                        }
                        None => {
                            diagnostics.push(Diagnostic::error(chars[i].line, chars[i].col, "unterminated tag: #( has no ) on its line"));
                            i += 2;
                        }
                    }
                } else {
                    let len = chars[i + 1..].iter().take_while(|p| is_tag_char(p.c)).count();
                    let tag: String = chars[i + 1..i + 1 + len].iter().map(|p| p.c).collect();
                    push_tag(m, &tag);
                    i += 1 + len;
                }
            }
            '@' if matches!(next, Some('[' | '<')) => {
                let close = if next == Some('[') { ']' } else { '>' };
                match title_end(&chars[i + 1..], close) {
                    Some(end) => {
                        let title: String = chars[i + 2..i + 1 + end].iter().map(|p| p.c).collect();
                        let kind = if close == '>' { MemberKind::Argument } else { MemberKind::Statement };
                        m.mentions.push((kind, title.trim().to_owned(), chars[i].line, chars[i].col));
                        out.extend(title.trim().chars().map(|c| Out { c, literal: true }));
                        i += end + 2;
                    }
                    None => {
                        out.push(Out { c, literal: false });
                        i += 1;
                    }
                }
            }
            _ => {
                out.push(Out { c, literal: false });
                i += 1;
            }
        }
    }
    let out = drop_emphasis(out);
    let mut text = String::with_capacity(out.len());
    for o in out {
        if o.c.is_whitespace() && !o.literal {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
        } else {
            text.push(o.c);
        }
    }
    while text.ends_with(' ') {
        text.pop();
    }
    text
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

fn push_tag(m: &mut Member, tag: &str) {
    if !tag.is_empty() && !m.tags.iter().any(|t| t == tag) {
        m.tags.push(tag.to_owned());
    }
}

/// Index of the `}` closing the data opened at `open`; quotes and nesting respected.
fn data_end(chars: &[PChar], open: usize) -> Option<usize> {
    let (mut depth, mut quote): (usize, Option<char>) = (0, None);
    let mut i = open;
    let mut prev: Option<char> = None;
    while i < chars.len() {
        let c = chars[i].c;
        let before = prev;
        if !c.is_whitespace() {
            prev = Some(c);
        }
        match (quote, c) {
            (Some('"'), '\\') => i += 1,
            (Some(q), c) if c == q => quote = None,
            (Some(_), '\n') => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if before.is_none_or(|p| matches!(p, '{' | '[' | ',' | ':')) => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn read_data(chars: &[PChar], m: &mut Member, diagnostics: &mut Vec<Diagnostic>) {
    let open = chars[0];
    let inner = &chars[1..chars.len() - 1];
    let block = inner.iter().take_while(|p| p.c != '\n').all(|p| p.c.is_whitespace()) && inner.iter().any(|p| p.c == '\n');
    let parsed = if block { parse_block(inner) } else { parse_flow(chars) };
    match parsed {
        Ok(Value::Object(o)) => {
            for (k, v) in o {
                if m.data.contains_key(&k) {
                    diagnostics.push(Diagnostic::warning(
                        open.line,
                        open.col,
                        format!("inline data gives \"{k}\" again; the first is kept"),
                    ));
                } else {
                    m.data.insert(k, v);
                }
            }
        }
        Ok(Value::Null) => {}
        Ok(_) => diagnostics.push(Diagnostic::error(open.line, open.col, "inline data must be a mapping, like {side: open}")),
        Err(e) => diagnostics.push(Diagnostic::error(e.line, e.col, format!("inline data: {}", e.message))),
    }
}

/// Removes pairs of emphasis markers (`*x*`, `_x_`, `**x**`, `__x__`): an opener is followed by
/// a non-space, a closer follows a non-space, and `_` must not touch a letter or digit on the
/// outside (so `snake_case` stays). Unpaired markers stay as text.
fn drop_emphasis(out: Vec<Out>) -> Vec<Out> {
    let mut remove = vec![false; out.len()];
    let mut openers: Vec<(char, usize, usize)> = Vec::new(); // (marker, run length, start)
    let mut i = 0;
    while i < out.len() {
        let c = out[i].c;
        if out[i].literal || (c != '*' && c != '_') {
            i += 1;
            continue;
        }
        let len = out[i..].iter().take_while(|o| o.c == c && !o.literal).count();
        let before = i.checked_sub(1).map(|b| out[b].c);
        let after = out.get(i + len).map(|o| o.c);
        let can_open = after.is_some_and(|a| !a.is_whitespace()) && (c == '*' || before.is_none_or(|b| !b.is_alphanumeric()));
        let can_close = before.is_some_and(|b| !b.is_whitespace()) && (c == '*' || after.is_none_or(|a| !a.is_alphanumeric()));
        if len <= 2 {
            // Only the nearest openers are tried, so a text full of stray markers stays linear.
            let nearest = openers.len().saturating_sub(64);
            if let Some(pos) =
                openers[nearest..].iter().rposition(|&(m, l, _)| m == c && l == len).map(|p| p + nearest).filter(|_| can_close)
            {
                let (_, _, start) = openers[pos];
                openers.truncate(pos);
                for r in remove.iter_mut().skip(start).take(len) {
                    *r = true;
                }
                for r in remove.iter_mut().skip(i).take(len) {
                    *r = true;
                }
            } else if can_open {
                openers.push((c, len, i));
            }
        }
        i += len;
    }
    out.into_iter().zip(remove).filter(|(_, r)| !r).map(|(o, _)| o).collect()
}
