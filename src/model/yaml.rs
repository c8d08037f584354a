//! The part of YAML that Argdown's front matter and inline data use, read into JSON values:
//! flow collections (`{side: open, flags: [a, b]}`, a superset of JSON), quoted and plain
//! scalars, and block mappings and sequences by indentation. A plain scalar may go on over
//! lines indented below its key (or inside a flow collection), folded as YAML folds it: a line
//! break is a space, a blank line a line break. Not supported, each with an error at its
//! position: block scalars (`|`, `>`), anchors and aliases, tags, multi-line quoted strings,
//! several documents. Plain scalars stay strings (`001` is the text "001": `argmap/1` has no
//! numbers), except `true`, `false`, `null` and `~`.
//!
//! Nesting is limited to [`MAX_DEPTH`] levels, so the parser's recursion is bounded whatever
//! the input.

use serde_json::{Map, Value};

/// A character of the source with its 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PChar {
    pub c: char,
    pub line: usize,
    pub col: usize,
}

/// Deeper data than this is refused: no map needs it, and it bounds the recursion.
pub const MAX_DEPTH: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

fn err<T>(at: Option<&PChar>, fallback: (usize, usize), message: impl Into<String>) -> Result<T, YamlError> {
    let (line, col) = at.map_or(fallback, |p| (p.line, p.col));
    Err(YamlError { line, col, message: message.into() })
}

/// Characters of `text` positioned from `line`/`col` on (1-based).
pub fn positioned(text: &str, line: usize, col: usize) -> Vec<PChar> {
    let (mut line, mut col) = (line, col);
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        out.push(PChar { c, line, col });
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    out
}

// ---------------------------------------------------------------- flow

struct Flow<'a> {
    s: &'a [PChar],
    i: usize,
    end: (usize, usize),
}

impl<'a> Flow<'a> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).map(|p| p.c)
    }

    fn at(&self) -> Option<&PChar> {
        self.s.get(self.i)
    }

    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.i += 1;
            } else if c == '#' && (self.i == 0 || self.s[self.i - 1].c.is_whitespace()) {
                // A comment runs to the end of its line.
                while self.peek().is_some_and(|c| c != '\n') {
                    self.i += 1;
                }
            } else {
                break;
            }
        }
    }

    fn value(&mut self, depth: usize, in_flow: bool) -> Result<Value, YamlError> {
        if depth > MAX_DEPTH {
            return err(self.at(), self.end, format!("data nested more than {MAX_DEPTH} levels deep"));
        }
        self.skip_space();
        match self.peek() {
            Some('{') => self.mapping(depth),
            Some('[') => self.sequence(depth),
            Some('"') => self.double_quoted().map(Value::String),
            Some('\'') => self.single_quoted().map(Value::String),
            Some(c @ ('|' | '>')) if !in_flow => {
                err(self.at(), self.end, format!("block scalars ({c}) are not supported: write the text in quotes"))
            }
            Some(c @ ('&' | '*' | '!')) => err(self.at(), self.end, format!("YAML anchors, aliases and tags ({c}) are not supported")),
            Some(_) => Ok(resolve_plain(&self.plain(in_flow))),
            None => Ok(Value::Null),
        }
    }

    fn mapping(&mut self, depth: usize) -> Result<Value, YamlError> {
        let open = self.i;
        self.i += 1;
        let mut map = Map::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => return err(self.s.get(open), self.end, "unterminated {: no matching }"),
                Some('}') => {
                    self.i += 1;
                    return Ok(Value::Object(map));
                }
                Some(',') => {
                    self.i += 1;
                    continue;
                }
                _ => {}
            }
            let key_at = self.i;
            let key = match self.value(depth + 1, true)? {
                Value::String(k) => k,
                Value::Null => return err(self.s.get(key_at), self.end, "a key is missing before the colon"),
                other => other.to_string(),
            };
            self.skip_space();
            let value = if self.peek() == Some(':') {
                self.i += 1;
                // `{a: }` and `{a}` both mean a null value.
                self.value(depth + 1, true)?
            } else {
                Value::Null
            };
            if map.contains_key(&key) {
                return err(self.s.get(key_at), self.end, format!("the key \"{key}\" is given twice"));
            }
            map.insert(key, value);
            self.skip_space();
            match self.peek() {
                Some(',') => self.i += 1,
                Some('}') => {}
                None => return err(self.s.get(open), self.end, "unterminated {: no matching }"),
                Some(c) => return err(self.at(), self.end, format!("expected , or }} after a value, found {c:?}")),
            }
        }
    }

    fn sequence(&mut self, depth: usize) -> Result<Value, YamlError> {
        let open = self.i;
        self.i += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => return err(self.s.get(open), self.end, "unterminated [: no matching ]"),
                Some(']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                Some(',') => {
                    self.i += 1;
                    continue;
                }
                _ => {}
            }
            items.push(self.value(depth + 1, true)?);
            self.skip_space();
            match self.peek() {
                Some(',') => self.i += 1,
                Some(']') => {}
                None => return err(self.s.get(open), self.end, "unterminated [: no matching ]"),
                Some(c) => return err(self.at(), self.end, format!("expected , or ] after an item, found {c:?}")),
            }
        }
    }

    fn double_quoted(&mut self) -> Result<String, YamlError> {
        let open = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else { return err(self.s.get(open), self.end, "unterminated string: no closing \"") };
            self.i += 1;
            match c {
                '"' => return Ok(out),
                '\n' => return err(self.s.get(open), self.end, "a quoted string must end on its line"),
                '\\' => {
                    let esc_at = self.i - 1;
                    let Some(e) = self.peek() else { return err(self.s.get(open), self.end, "unterminated string: no closing \"") };
                    self.i += 1;
                    match e {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        '0' => out.push('\0'),
                        '"' | '\\' | '/' | ' ' => out.push(e),
                        'u' | 'x' | 'U' => {
                            let n = match e {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            let digits: String = self.s[self.i..].iter().take(n).map(|p| p.c).collect();
                            let code = (digits.len() == n).then(|| u32::from_str_radix(&digits, 16).ok()).flatten();
                            self.i += digits.len();
                            let mut code = code.ok_or(()).or_else(|_| err(self.s.get(esc_at), self.end, "bad \\u escape"))?;
                            // A surrogate pair, as JSON writes characters beyond the BMP.
                            if (0xD800..0xDC00).contains(&code) {
                                let rest: String = self.s[self.i..].iter().take(6).map(|p| p.c).collect();
                                let low = rest.strip_prefix("\\u").and_then(|h| u32::from_str_radix(h, 16).ok());
                                match low {
                                    Some(low) if (0xDC00..0xE000).contains(&low) => {
                                        self.i += 6;
                                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                                    }
                                    _ => return err(self.s.get(esc_at), self.end, "a lone surrogate in a \\u escape"),
                                }
                            }
                            match char::from_u32(code) {
                                Some(ch) => out.push(ch),
                                None => return err(self.s.get(esc_at), self.end, "bad \\u escape"),
                            }
                        }
                        other => return err(self.s.get(esc_at), self.end, format!("unknown escape \\{other}")),
                    }
                }
                c => out.push(c),
            }
        }
    }

    fn single_quoted(&mut self) -> Result<String, YamlError> {
        let open = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else { return err(self.s.get(open), self.end, "unterminated string: no closing '") };
            self.i += 1;
            match c {
                '\'' if self.peek() == Some('\'') => {
                    self.i += 1;
                    out.push('\'');
                }
                '\'' => return Ok(out),
                '\n' => return err(self.s.get(open), self.end, "a quoted string must end on its line"),
                c => out.push(c),
            }
        }
    }

    /// A plain scalar: up to `: `, a comment, the end of its line (in flow: `,` `]` `}`, and
    /// a line break goes on, folded to a space); trimmed.
    fn plain(&mut self, in_flow: bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            let next = self.s.get(self.i + 1).map(|p| p.c);
            let ends_key = c == ':' && next.is_none_or(|n| n.is_whitespace() || (in_flow && matches!(n, ',' | ']' | '}')));
            let comment = c == '#' && out.ends_with(char::is_whitespace);
            if ends_key || comment || (c == '\n' && !in_flow) || (in_flow && matches!(c, ',' | ']' | '}' | '{' | '[')) {
                break;
            }
            if c == '\n' {
                // Folded: the line break and the indentation after it are one space.
                while out.ends_with([' ', '\t']) {
                    out.pop();
                }
                out.push(' ');
                self.i += 1;
                while self.peek().is_some_and(|c| c == ' ' || c == '\t') {
                    self.i += 1;
                }
                continue;
            }
            out.push(c);
            self.i += 1;
        }
        out.trim().to_owned()
    }
}

fn resolve_plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => Value::String(s.to_owned()),
    }
}

/// One flow value (`{…}`, `[…]`, a quoted or plain scalar) filling all of `s`.
pub fn parse_flow(s: &[PChar]) -> Result<Value, YamlError> {
    let end = s.last().map_or((1, 1), |p| (p.line, p.col + 1));
    let mut f = Flow { s, i: 0, end };
    let v = f.value(0, false)?;
    f.skip_space();
    match f.at() {
        None => Ok(v),
        Some(p) => err(Some(p), end, format!("unexpected {:?} after the value", p.c)),
    }
}

// ---------------------------------------------------------------- block

struct BlockLine<'a> {
    indent: usize,
    /// The line's content after its indentation, comments kept (the flow parser skips them).
    content: &'a [PChar],
    /// How many blank lines come right before it (a multi-line plain scalar keeps them as
    /// line breaks).
    blank_before: usize,
}

fn block_lines(s: &[PChar]) -> Vec<BlockLine<'_>> {
    let mut out = Vec::new();
    let mut blanks = 0;
    for line in s.split(|p| p.c == '\n') {
        let indent = line.iter().take_while(|p| p.c == ' ').count();
        let content = &line[indent..];
        let blank = content.iter().all(|p| p.c.is_whitespace());
        let comment = content.first().is_some_and(|p| p.c == '#');
        if blank {
            blanks += 1;
        } else if !comment {
            out.push(BlockLine { indent, content, blank_before: blanks });
            blanks = 0;
        }
    }
    out
}

/// Whether a block line's value is a plain scalar: not quoted, not a flow collection, not one
/// of the indicators this reader refuses.
fn is_plain_start(content: &[PChar]) -> bool {
    content.first().is_some_and(|p| !matches!(p.c, '{' | '[' | '"' | '\'' | '|' | '>' | '&' | '*' | '!' | '#' | '%' | '@' | '`'))
}

/// A plain scalar's text on one line: up to a comment (` #`), trimmed.
fn plain_line(content: &[PChar]) -> String {
    let mut out = String::new();
    for p in content {
        if p.c == '#' && out.ends_with(char::is_whitespace) {
            break;
        }
        out.push(p.c);
    }
    out.trim().to_owned()
}

/// Where `key:` ends in a block line (the colon's index), if the line is a mapping entry.
fn key_colon(content: &[PChar]) -> Option<usize> {
    let first = content.first()?.c;
    if matches!(first, '{' | '[' | '-' | '#') && !(first == '-' && content.get(1).is_some_and(|p| !p.c.is_whitespace())) {
        return None;
    }
    let mut quote = None;
    let mut i = 0;
    while i < content.len() {
        match (quote, content[i].c) {
            (Some('"'), '\\') => i += 1,
            (None, q @ ('"' | '\'')) if i == 0 => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            (None, ':') if content.get(i + 1).is_none_or(|n| n.c.is_whitespace()) => return Some(i),
            (None, '#') if i > 0 && content[i - 1].c.is_whitespace() => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

struct Block<'a> {
    lines: Vec<BlockLine<'a>>,
    i: usize,
    end: (usize, usize),
}

impl<'a> Block<'a> {
    /// The value whose first line is the current one, at `indent`; a plain scalar goes on over
    /// the lines indented at least `goes_on` (one past its key's, or its item's, indentation).
    fn node(&mut self, indent: usize, goes_on: usize, depth: usize) -> Result<Value, YamlError> {
        let Some(line) = self.lines.get(self.i) else { return Ok(Value::Null) };
        if depth > MAX_DEPTH {
            return err(line.content.first(), self.end, format!("data nested more than {MAX_DEPTH} levels deep"));
        }
        if is_item(line.content) {
            self.sequence(line.indent.max(indent), depth)
        } else if key_colon(line.content).is_some() {
            self.mapping(line.indent.max(indent), depth)
        } else if is_plain_start(line.content) && self.goes_on(self.i + 1, goes_on) {
            // A plain scalar over several lines, folded: a line break is a space, each blank
            // line a line break.
            let mut text = plain_line(line.content);
            self.i += 1;
            while self.goes_on(self.i, goes_on) {
                let next = &self.lines[self.i];
                text.push_str(&if next.blank_before > 0 { "\n".repeat(next.blank_before) } else { " ".to_owned() });
                text.push_str(&plain_line(next.content));
                self.i += 1;
            }
            Ok(resolve_plain(&text))
        } else {
            self.i += 1;
            let content = line.content;
            // A flow value may go on over the lines indented more than it.
            let mut s: Vec<PChar> = content.to_vec();
            let mut depth = balance(&s);
            while let Some(next) = self.lines.get(self.i).filter(|l| l.indent > indent && depth > 0) {
                let at = s.last().map_or((1, 1), |p| (p.line, p.col + 1));
                s.push(PChar { c: '\n', line: at.0, col: at.1 });
                s.extend_from_slice(next.content);
                depth += balance(next.content);
                self.i += 1;
            }
            parse_flow(&s)
        }
    }

    /// Whether line `i` goes on with a plain scalar: indented at least `goes_on`, and neither a
    /// `key: value` nor a `- item` (YAML refuses those inside a scalar; so does this reader,
    /// with its error for unexpected indentation).
    fn goes_on(&self, i: usize, goes_on: usize) -> bool {
        self.lines.get(i).is_some_and(|l| l.indent >= goes_on && key_colon(l.content).is_none() && !is_item(l.content))
    }

    fn mapping(&mut self, indent: usize, depth: usize) -> Result<Value, YamlError> {
        let mut map = Map::new();
        while let Some(line) = self.lines.get(self.i).filter(|l| l.indent == indent) {
            let Some(colon) = key_colon(line.content) else {
                return err(line.content.first(), self.end, "expected `key: value` here");
            };
            let key = match parse_flow(&line.content[..colon])? {
                Value::String(k) => k,
                Value::Null => return err(line.content.first(), self.end, "a key is missing before the colon"),
                other => other.to_string(),
            };
            if map.contains_key(&key) {
                return err(line.content.first(), self.end, format!("the key \"{key}\" is given twice"));
            }
            let content: &'a [PChar] = line.content;
            let rest = &content[colon + 1..];
            let value = self.entry_value(rest, indent, depth)?;
            map.insert(key, value);
        }
        self.check_dedent(indent)?;
        Ok(Value::Object(map))
    }

    /// The value after `key:` or `- `: on the same line, or the block below it.
    fn entry_value(&mut self, rest: &'a [PChar], indent: usize, depth: usize) -> Result<Value, YamlError> {
        let start = self.lines.get(self.i).map_or(0, |l| l.indent);
        let lead = rest.iter().take_while(|p| p.c.is_whitespace()).count();
        let rest = &rest[lead..];
        let blank = rest.is_empty() || rest.first().is_some_and(|p| p.c == '#');
        let blank_before = self.lines.get(self.i).map_or(0, |l| l.blank_before);
        if blank {
            self.i += 1;
            return match self.lines.get(self.i) {
                Some(next) if next.indent > indent || (next.indent == indent && is_item(next.content)) => {
                    self.node(next.indent, indent + 1, depth + 1)
                }
                _ => Ok(Value::Null),
            };
        }
        if key_colon(rest).is_some() || is_item(rest) {
            // `- key: value` (or `- - x`): a nested block starting on this line, at the column
            // where its content starts.
            let column = start + (self.lines[self.i].content.len() - rest.len());
            self.lines[self.i] = BlockLine { indent: column, content: rest, blank_before };
            return self.node(column, column, depth + 1);
        }
        self.lines[self.i] = BlockLine { indent: start, content: rest, blank_before };
        self.node(start, start + 1, depth + 1)
    }

    fn sequence(&mut self, indent: usize, depth: usize) -> Result<Value, YamlError> {
        let mut items = Vec::new();
        while let Some(line) = self.lines.get(self.i).filter(|l| l.indent == indent && is_item(l.content)) {
            let content: &'a [PChar] = line.content;
            let rest = &content[1..];
            items.push(self.entry_value(rest, indent, depth)?);
        }
        self.check_dedent(indent)?;
        Ok(Value::Array(items))
    }

    fn check_dedent(&self, indent: usize) -> Result<(), YamlError> {
        match self.lines.get(self.i) {
            Some(l) if l.indent > indent => err(l.content.first(), self.end, "unexpected indentation"),
            _ => Ok(()),
        }
    }
}

fn is_item(content: &[PChar]) -> bool {
    content.first().is_some_and(|p| p.c == '-') && content.get(1).is_none_or(|p| p.c.is_whitespace())
}

/// Brackets opened minus closed on one line, outside quotes (a quote ends with its line).
fn balance(s: &[PChar]) -> i64 {
    let (mut depth, mut quote) = (0i64, None);
    for p in s {
        match (quote, p.c) {
            (None, '"' | '\'') => quote = Some(p.c),
            (Some(q), c) if c == q => quote = None,
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth -= 1,
            _ => {}
        }
    }
    depth
}

/// A YAML block (front matter, or inline data whose `{` ends its line), or a single flow value.
pub fn parse_block(s: &[PChar]) -> Result<Value, YamlError> {
    let end = s.last().map_or((1, 1), |p| (p.line, p.col + 1));
    for line in s.split(|p| p.c == '\n') {
        if let Some(tab) = line.iter().take_while(|p| p.c == ' ' || p.c == '\t').find(|p| p.c == '\t') {
            return err(Some(tab), end, "YAML indentation must be spaces, not tabs");
        }
    }
    let mut block = Block { lines: block_lines(s), i: 0, end };
    let Some(first) = block.lines.first() else { return Ok(Value::Null) };
    let v = block.node(first.indent, 0, 0)?;
    match block.lines.get(block.i) {
        None => Ok(v),
        Some(l) => err(l.content.first(), end, "unexpected content: check the indentation"),
    }
}

// ---------------------------------------------------------------- writing

/// A JSON value as one line of YAML flow that this parser and Argdown's both read back: keys
/// bare where they can be, strings JSON-quoted with `{`, `}` and `=` written as `\u` escapes
/// (Argdown's lexer ends inline data and front matter at those).
pub fn to_flow(v: &Value) -> String {
    let mut out = String::new();
    write_flow(v, &mut out);
    out
}

fn write_flow(v: &Value, out: &mut String) {
    match v {
        Value::Object(o) => {
            out.push('{');
            for (i, (k, v)) in o.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if is_bare_key(k) {
                    out.push_str(k);
                } else {
                    write_string(k, out);
                }
                out.push_str(": ");
                write_flow(v, out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_flow(v, out);
            }
            out.push(']');
        }
        Value::String(s) => write_string(s, out),
        other => out.push_str(&other.to_string()),
    }
}

fn is_bare_key(k: &str) -> bool {
    let mut chars = k.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

pub fn write_string(s: &str, out: &mut String) {
    let json = Value::String(s.to_owned()).to_string();
    for c in json.chars() {
        match c {
            '{' => out.push_str("\\u007b"),
            '}' => out.push_str("\\u007d"),
            '=' => out.push_str("\\u003d"),
            c => out.push(c),
        }
    }
}
