//! Stage 1: text -> lines. Byte-order mark and line ends (LF, CRLF, CR) are normalised, a file
//! that is not text is refused once, the front matter (`===` … `===`) is cut off, comments
//! (`//`, `/* */`, `<!-- -->`) are blanked out in place so columns stay true, and each line
//! gets its indentation width (a tab counts to the next multiple of 4).

use crate::model::diagnostic::Diagnostic;
use crate::model::yaml::{positioned, PChar};

pub(crate) const TAB_WIDTH: usize = 4;

#[derive(Clone, Debug)]
pub(super) struct Line {
    /// 1-based.
    pub number: usize,
    /// Width of the indentation.
    pub indent: usize,
    /// 1-based column (in characters) of the first character of `text`.
    pub column: usize,
    /// The content after the indentation, comments blanked, trailing spaces cut.
    pub text: Vec<char>,
}

impl Line {
    pub fn blank(&self) -> bool {
        self.text.is_empty()
    }

    pub fn chars(&self) -> Vec<PChar> {
        self.text.iter().enumerate().map(|(i, &c)| PChar { c, line: self.number, col: self.column + i }).collect()
    }
}

pub(super) struct Source {
    /// The front matter's content (between the `===` lines), if the document has one.
    pub front_matter: Option<Vec<PChar>>,
    /// Body lines in order; comment-only lines are left out (they do not end a block, a blank
    /// line does).
    pub lines: Vec<Line>,
}

/// Splits on LF, CRLF and lone CR.
pub(crate) fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&text[start..]);
    out
}

/// The first character that no text file contains (NUL and other C0 controls besides tab and
/// line ends), with its position.
pub(crate) fn binary_check(lines: &[&str]) -> Option<Diagnostic> {
    for (n, line) in lines.iter().enumerate() {
        if let Some((col, c)) = line.chars().enumerate().find(|&(_, c)| (c.is_control() && c != '\t') || c == '\u{fffd}') {
            let what =
                if c == '\u{fffd}' { "bytes that are not UTF-8".to_owned() } else { format!("the control character U+{:04X}", c as u32) };
            return Some(Diagnostic::error(n + 1, col + 1, format!("{what}: this does not look like a text file")));
        }
    }
    None
}

pub(super) fn lex(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Source> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw = split_lines(text);
    if let Some(d) = binary_check(&raw) {
        diagnostics.push(d);
        return None;
    }
    let mut body_start = 0;
    let mut front_matter = None;
    let first = raw.iter().position(|l| !l.trim().is_empty());
    if let Some(first) = first.filter(|&f| is_fence(raw[f])) {
        match raw.iter().enumerate().skip(first + 1).find(|(_, l)| is_fence(l)) {
            Some((close, _)) => {
                let mut chars = Vec::new();
                for (n, line) in raw.iter().enumerate().take(close).skip(first + 1) {
                    chars.extend(positioned(line, n + 1, 1));
                    chars.push(PChar { c: '\n', line: n + 1, col: line.chars().count() + 1 });
                }
                front_matter = Some(chars);
                body_start = close + 1;
            }
            None => {
                diagnostics.push(Diagnostic::error(
                    first + 1,
                    1,
                    "unterminated front matter: the === line that opens it has no closing === line",
                ));
                return None;
            }
        }
    }
    let mut lines = Vec::new();
    let mut stripper = CommentStripper::default();
    let mut tab_style: Option<(bool, usize)> = None; // (uses tabs, first line)
    for (n, line) in raw.iter().enumerate().skip(body_start) {
        let number = n + 1;
        let original_blank = line.trim().is_empty();
        let chars = stripper.strip(line, original_blank);
        let width = chars.iter().take_while(|c| **c == ' ' || **c == '\t').count();
        let lead: Vec<char> = line.chars().take(width).collect();
        let mut indent = 0;
        for &c in &lead {
            indent = if c == '\t' { (indent / TAB_WIDTH + 1) * TAB_WIDTH } else { indent + 1 };
        }
        let mut text: Vec<char> = chars[width..].to_vec();
        while text.last().is_some_and(|c| c.is_whitespace()) {
            text.pop();
        }
        if text.is_empty() && !original_blank {
            continue; // only a comment: the block goes on
        }
        if !text.is_empty() && !lead.is_empty() {
            let (tabs, spaces) = (lead.contains(&'\t'), lead.contains(&' '));
            if tabs && spaces {
                diagnostics.push(Diagnostic::warning(
                    number,
                    1,
                    format!("indentation mixes tabs and spaces; a tab counts as {TAB_WIDTH} columns"),
                ));
            } else {
                match tab_style {
                    None => tab_style = Some((tabs, number)),
                    Some((style, first)) if style != tabs => {
                        diagnostics.push(Diagnostic::warning(
                            number,
                            1,
                            format!(
                                "indented with {} but line {first} with {}; a tab counts as {TAB_WIDTH} columns",
                                if tabs { "tabs" } else { "spaces" },
                                if style { "tabs" } else { "spaces" }
                            ),
                        ));
                        tab_style = Some((tabs, number));
                    }
                    _ => {}
                }
            }
        }
        lines.push(Line { number, indent, column: width + 1, text });
    }
    Some(Source { front_matter, lines })
}

fn is_fence(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.chars().all(|c| c == '=')
}

#[derive(Default, Clone, Copy, PartialEq)]
enum State {
    #[default]
    Normal,
    /// Inside `{…}` inline data: comments are not recognised there, so a URL or a quote may
    /// hold `//`.
    Data {
        depth: usize,
        quote: Option<char>,
    },
    Block,
    Html,
}

#[derive(Default)]
struct CommentStripper {
    state: State,
}

impl CommentStripper {
    /// The line's characters with comments replaced by spaces (same count, same columns).
    fn strip(&mut self, line: &str, blank: bool) -> Vec<char> {
        let mut c: Vec<char> = line.chars().collect();
        if blank {
            // Inline data does not run over a blank line; the statement reports it unclosed.
            if matches!(self.state, State::Data { .. }) {
                self.state = State::Normal;
            }
            return c;
        }
        let mut i = 0;
        let mut last_non_space: Option<char> = None;
        while i < c.len() {
            let next = c.get(i + 1).copied();
            let before = last_non_space;
            if !c[i].is_whitespace() {
                last_non_space = Some(c[i]);
            }
            match self.state {
                State::Normal => match c[i] {
                    '\\' => i += 1,
                    // A title's brackets hold no data, even with a brace inside.
                    '[' | '<'
                        if before.is_none_or(|b| matches!(b, '+' | '-' | '>' | '<' | '_' | ')'))
                            && !c[i..].starts_with(&['<', '!', '-', '-']) =>
                    {
                        let close = if c[i] == '[' { ']' } else { '>' };
                        if let Some(end) = c[i + 1..].iter().position(|&x| x == close) {
                            i += end + 1;
                        }
                    }
                    '{' => self.state = State::Data { depth: 1, quote: None },
                    '/' if next == Some('/') && (i == 0 || c[i - 1].is_whitespace()) => {
                        for ch in &mut c[i..] {
                            *ch = ' ';
                        }
                        break;
                    }
                    '/' if next == Some('*') => {
                        self.state = State::Block;
                        c[i] = ' ';
                        c[i + 1] = ' ';
                        i += 1;
                    }
                    '<' if c[i..].starts_with(&['<', '!', '-', '-']) => {
                        self.state = State::Html;
                        for ch in &mut c[i..i + 4] {
                            *ch = ' ';
                        }
                        i += 3;
                    }
                    _ => {}
                },
                State::Data { depth, quote } => {
                    let after_indicator = before.is_none_or(|ch| matches!(ch, '{' | '[' | ',' | ':'));
                    self.state = match (quote, c[i]) {
                        (Some('"'), '\\') => {
                            i += 1;
                            State::Data { depth, quote }
                        }
                        (Some(q), ch) if ch == q => State::Data { depth, quote: None },
                        (Some(_), _) => State::Data { depth, quote },
                        (None, q @ ('"' | '\'')) if after_indicator => State::Data { depth, quote: Some(q) },
                        (None, '{') => State::Data { depth: depth + 1, quote },
                        (None, '}') if depth == 1 => State::Normal,
                        (None, '}') => State::Data { depth: depth - 1, quote },
                        _ => State::Data { depth, quote },
                    };
                }
                State::Block => {
                    if c[i] == '*' && next == Some('/') {
                        self.state = State::Normal;
                        c[i + 1] = ' ';
                    }
                    c[i] = ' ';
                    if self.state == State::Normal {
                        i += 1;
                    }
                }
                State::Html => {
                    if c[i..].starts_with(&['-', '-', '>']) {
                        self.state = State::Normal;
                        for ch in &mut c[i..i + 3] {
                            *ch = ' ';
                        }
                        i += 2;
                    } else {
                        c[i] = ' ';
                    }
                }
            }
            i += 1;
        }
        // A quoted string in inline data ends with its line.
        if let State::Data { depth, quote: Some(_) } = self.state {
            self.state = State::Data { depth, quote: None };
        }
        c
    }
}
