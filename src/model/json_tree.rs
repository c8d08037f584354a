//! A small JSON reader for the widget, so that its wasm ships no serde_json. Two stages:
//! `check` reads the whole text once for JSON's grammar and keeps only where each array and
//! object ends; then `Lazy` lets the decoder read values a level at a time, strings borrowed from
//! the text unless they hold escapes. No tree of the document is ever built: a map's load needs
//! little more memory than the map it makes.
//!
//! It refuses what serde_json refuses (lone surrogates, numbers beyond an f64, nesting past 128
//! levels), with serde_json's words at its line and column, which the command line and the native
//! tests use, so a broken map reads the same everywhere. Containers are tracked on an explicit
//! stack, not by recursion.

use std::borrow::Cow;
use std::collections::HashMap;

use super::load::{char_column, Json};
use super::problem::{JsonType, Problem, ProblemKind};

/// serde_json's limit (its 128th opening bracket is refused), so both readers refuse the same
/// documents.
const MAX_DEPTH: usize = 128;

/// Check that `text` is JSON, keeping only where each array and object starts and ends: then
/// `Checked::root` reads it a level at a time.
pub fn check(text: &str) -> Result<Checked<'_>, Problem> {
    let mut parser = Parser::new(text);
    match parser.document() {
        Ok(_) => Ok(Checked { text, extents: parser.extents }),
        Err(broken) => Err(located(text, broken)),
    }
}

fn located(text: &str, (end, detail): Broken) -> Problem {
    // serde_json's position: the line and byte column of the last byte it read.
    let before = text.as_bytes().get(..end).unwrap_or_default();
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut problem = Problem::at("", ProblemKind::Syntax { detail: detail.to_owned() });
    problem.position = Some((line, char_column(text, line, end - line_start)));
    problem
}

/// An object's members, each key once where it first appears, with its last value (as serde_json
/// and `JSON.parse` read duplicates).
fn each_key_once<'k, V>(members: impl ExactSizeIterator<Item = (&'k str, V)>) -> Vec<(String, V)> {
    let mut out: Vec<(String, V)> = Vec::with_capacity(members.len());
    if members.len() <= 8 {
        // A text's few languages, on every node: a search is cheaper than building an index.
        for (key, value) in members {
            match out.iter_mut().find(|(k, _)| k == key) {
                Some(seen) => seen.1 = value,
                None => out.push((key.to_owned(), value)),
            }
        }
        return out;
    }
    // An index, not a search per key, so a hostile object with 100,000 keys costs no more than
    // its length.
    let mut at: HashMap<&str, usize> = HashMap::with_capacity(members.len());
    for (key, value) in members {
        match at.get(key).and_then(|&i| out.get_mut(i)) {
            Some(seen) => seen.1 = value,
            None => {
                at.insert(key, out.len());
                out.push((key.to_owned(), value));
            }
        }
    }
    out
}

/// A text that `check` passed, and where each of its arrays and objects ends.
pub struct Checked<'t> {
    text: &'t str,
    /// (first byte, one past the last) of each array and object, in the order they open.
    extents: Vec<(u32, u32)>,
}

impl<'t> Checked<'t> {
    /// The document's value, to decode.
    pub fn root(&self) -> Lazy<'_> {
        Lazy::Value(self, self.text.trim_matches([' ', '\t', '\n', '\r']))
    }

    /// One past the end of the value that starts at byte `at`.
    fn end_of_value(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        match bytes.get(at) {
            Some(b'[' | b'{') => {
                let found = self.extents.binary_search_by_key(&(at as u32), |&(start, _)| start).ok();
                // An empty container is not recorded: it is two brackets and what lies between.
                found.and_then(|i| self.extents.get(i)).map_or_else(|| closing_bracket(bytes, at), |&(_, end)| end as usize)
            }
            Some(b'"') => {
                let mut at = at + 1;
                loop {
                    let rest = bytes.get(at..).unwrap_or_default();
                    match rest.iter().position(|&c| c == b'"' || c == b'\\') {
                        Some(i) if rest.get(i) == Some(&b'"') => return at + i + 1,
                        Some(i) => at += i + 2,
                        None => return bytes.len(),
                    }
                }
            }
            // A number or a word: up to what ends it.
            _ => {
                let rest = bytes.get(at..).unwrap_or_default();
                at + rest.iter().position(|b| matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')).unwrap_or(rest.len())
            }
        }
    }
}

/// One past the bracket that closes an empty container opened at `at`.
fn closing_bracket(bytes: &[u8], at: usize) -> usize {
    let rest = bytes.get(at + 1..).unwrap_or_default();
    at + 2 + rest.iter().position(|b| matches!(b, b']' | b'}')).unwrap_or(rest.len())
}

/// A value of a `Checked` text, read one level at a time as the decoder asks: no tree of the
/// whole document is built, so loading a map needs little more memory than the map it makes (a
/// tree of a 5,000-node map was several times the size of its text).
#[derive(Clone)]
pub enum Lazy<'d> {
    /// A value's text, from its first byte to its last.
    Value(&'d Checked<'d>, &'d str),
    /// An object whose members have been listed (`Json::object`), each value still as text.
    Object(&'d Checked<'d>, Vec<(Cow<'d, str>, &'d str)>),
}

impl<'d> Lazy<'d> {
    fn first(&self) -> Option<u8> {
        match self {
            Lazy::Value(_, text) => text.as_bytes().first().copied(),
            Lazy::Object(..) => Some(b'{'),
        }
    }

    fn doc(&self) -> &'d Checked<'d> {
        match self {
            Lazy::Value(doc, _) | Lazy::Object(doc, _) => doc,
        }
    }

    /// The members of an object, or the items of an array (keys empty): each value's text.
    fn level(&self) -> Vec<(Cow<'d, str>, &'d str)> {
        let Lazy::Value(doc, value) = self else { return Vec::new() };
        let object = value.starts_with('{');
        // Where this value starts in the document, to look its inner containers up.
        let offset = (value.as_ptr() as usize).wrapping_sub(doc.text.as_ptr() as usize);
        let mut parser = Parser::new(doc.text);
        parser.at = offset + 1;
        let end = offset + value.len();
        let mut out = Vec::new();
        while parser.at < end {
            let key = match parser.skip_space() {
                Some(b']' | b'}') | None => break,
                Some(b',') => {
                    parser.at += 1;
                    continue;
                }
                Some(b'"') if object => {
                    let Ok(key) = parser.string() else { break };
                    if parser.skip_space() == Some(b':') {
                        parser.at += 1;
                    }
                    parser.skip_space();
                    key
                }
                Some(_) => Cow::Borrowed(""),
            };
            let start = parser.at;
            parser.at = doc.end_of_value(start).max(start + 1);
            out.push((key, doc.text.get(start..parser.at).unwrap_or_default()));
        }
        out
    }
}

impl<'d> Json for Lazy<'d> {
    fn json_type(&self) -> JsonType {
        match self.first() {
            Some(b'{') => JsonType::Object,
            Some(b'[') => JsonType::Array,
            Some(b'"') => JsonType::String,
            Some(b't' | b'f') => JsonType::Boolean,
            Some(b'n') | None => JsonType::Null,
            Some(_) => JsonType::Number,
        }
    }

    fn string(&self) -> Option<String> {
        match self {
            Lazy::Value(_, text) if text.starts_with('"') => Parser::new(text).string().ok().map(Cow::into_owned),
            _ => None,
        }
    }

    fn items(&self) -> Option<Vec<Self>> {
        let doc = self.doc();
        (self.first() == Some(b'[')).then(|| self.level().into_iter().map(|(_, v)| Lazy::Value(doc, v)).collect())
    }

    fn member(&self, key: &str) -> Option<Self> {
        let doc = self.doc();
        // The last of duplicate keys counts, as in serde_json and JSON.parse.
        let found = |members: &[(Cow<'d, str>, &'d str)]| members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| Lazy::Value(doc, v));
        match self {
            Lazy::Object(_, members) => found(members),
            Lazy::Value(_, text) if text.starts_with('{') => found(&self.level()),
            Lazy::Value(..) => None,
        }
    }

    fn members(&self) -> Option<Vec<(String, Self)>> {
        let doc = self.doc();
        let listed;
        let members = match self {
            Lazy::Object(_, members) => members,
            Lazy::Value(_, text) if text.starts_with('{') => {
                listed = self.level();
                &listed
            }
            Lazy::Value(..) => return None,
        };
        Some(each_key_once(members.iter().map(|(k, v)| (k.as_ref(), Lazy::Value(doc, v)))))
    }

    fn object(&self) -> Option<Self> {
        match self {
            Lazy::Value(doc, text) if text.starts_with('{') => Some(Lazy::Object(doc, self.level())),
            Lazy::Object(..) => Some(self.clone()),
            Lazy::Value(..) => None,
        }
    }
}

/// The digits of 2^1024 - 2^970, halfway between the largest f64 and the next power of two: a
/// number of 309 digits before the point rounds to infinity from there on. Trailing zeros left
/// out.
const F64_OVERFLOW: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// Whether a number (grammatical JSON) is too large for an f64, by its digits alone (no float
/// parsing, whose code would cost the wasm more than this whole reader): if so, how many of its
/// bytes serde_json reads before it says so.
fn beyond_f64(written: &[u8]) -> Option<usize> {
    let number = written.strip_prefix(b"-").unwrap_or(written);
    let e = number.iter().position(|&b| b == b'e' || b == b'E');
    let (mantissa, exponent) = match e {
        Some(e) => (number.get(..e).unwrap_or_default(), number.get(e + 1..).unwrap_or_default()),
        None => (number, &b""[..]),
    };
    let negative = exponent.first() == Some(&b'-');
    let sign = usize::from(matches!(exponent.first(), Some(b'-' | b'+')));
    let exponent_digits = exponent.get(sign..).unwrap_or_default();
    // serde_json stops at the exponent digit that takes it past i32::MAX.
    let mut magnitude: i64 = 0;
    let mut overflow_at = None;
    for (i, &d) in exponent_digits.iter().enumerate() {
        magnitude = magnitude * 10 + i64::from(d - b'0');
        if magnitude > i64::from(i32::MAX) {
            overflow_at = Some(i);
            break;
        }
    }
    let nonzero = mantissa.iter().any(|&b| (b'1'..=b'9').contains(&b));
    if let (Some(i), Some(e)) = (overflow_at, e) {
        let read = written.len() - number.len() + e + 1 + sign + i + 1;
        return (nonzero && !negative).then_some(read);
    }
    let exponent = if negative { -magnitude } else { magnitude };
    let (whole, fraction) = match mantissa.iter().position(|&b| b == b'.') {
        Some(dot) => (mantissa.get(..dot).unwrap_or_default(), mantissa.get(dot + 1..).unwrap_or_default()),
        None => (mantissa, &b""[..]),
    };
    // The number is 0.DIGITS × 10^point, DIGITS starting with a non-zero digit.
    let whole = &whole[whole.iter().take_while(|&&b| b == b'0').count()..];
    let (digits, point): (Vec<u8>, i64) = if whole.is_empty() {
        let zeros = fraction.iter().take_while(|&&b| b == b'0').count();
        (fraction.get(zeros..).unwrap_or_default().to_vec(), -(zeros as i64))
    } else {
        (whole.iter().chain(fraction).copied().collect(), whole.len() as i64)
    };
    if digits.is_empty() {
        return None; // zero
    }
    let beyond = match (point + exponent).cmp(&309) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => {
            let significant = digits.len() - digits.iter().rev().take_while(|&&b| b == b'0').count();
            digits.get(..significant).unwrap_or_default() >= F64_OVERFLOW
        }
    };
    beyond.then_some(written.len())
}

/// An error: how many bytes had been read when it was seen (the offending byte included), and
/// serde_json's words for it.
type Broken = (usize, &'static str);

struct Parser<'t> {
    text: &'t str,
    at: usize,
    /// Where each array and object starts and ends, in the order they open.
    extents: Vec<(u32, u32)>,
    /// For each container open now, its place in `extents`.
    open_extents: Vec<usize>,
}

impl<'t> Parser<'t> {
    fn new(text: &'t str) -> Parser<'t> {
        Parser { text, at: 0, extents: Vec::new(), open_extents: Vec::new() }
    }

    /// A container opened at `start`.
    fn opened(&mut self, start: usize) {
        self.open_extents.push(self.extents.len());
        // Maps are at most 16 MB (`MAX_MAP_BYTES`): offsets fit in 32 bits.
        self.extents.push((start as u32, 0));
    }

    /// The innermost open container closed at the byte before `at`.
    fn closed(&mut self) {
        if let Some(extent) = self.open_extents.pop().and_then(|i| self.extents.get_mut(i)) {
            extent.1 = self.at as u32;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    /// At the byte that is wrong.
    fn here(&self, message: &'static str) -> Broken {
        (self.at + 1, message)
    }

    /// At the end of the text.
    fn eof(&self, message: &'static str) -> Broken {
        (self.text.len(), message)
    }

    /// Four hex digits after `\u`; serde_json reads all four, then checks them.
    fn hex4(&mut self) -> Result<u32, Broken> {
        let Some(digits) = self.text.as_bytes().get(self.at..self.at + 4) else {
            return Err(self.eof("EOF while parsing a string"));
        };
        let mut code = 0;
        for &digit in digits {
            let Some(value) = char::from(digit).to_digit(16) else {
                self.at += 3;
                return Err(self.here("invalid escape"));
            };
            code = code * 16 + value;
        }
        self.at += 4;
        Ok(code)
    }

    /// After `\\u`: one character, two escapes for a surrogate pair. A lone surrogate is not
    /// text: refused, where and as serde_json refuses it.
    fn unicode_escape(&mut self) -> Result<u32, Broken> {
        const LONE: &str = "lone leading surrogate in hex escape";
        let high = self.hex4()?;
        if (0xDC00..0xE000).contains(&high) {
            return Err((self.at, LONE));
        }
        if !(0xD800..0xDC00).contains(&high) {
            return Ok(high);
        }
        for expected in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a string")),
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.here("unexpected end of hex escape")),
            }
        }
        let low = self.hex4()?;
        if !(0xDC00..0xE000).contains(&low) {
            return Err((self.at, LONE));
        }
        Ok(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    /// After the opening quote; borrowed unless it holds escapes.
    fn string(&mut self) -> Result<Cow<'t, str>, Broken> {
        self.at += 1;
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut run = start; // the start of the text not yet copied into `owned`
        loop {
            // Plain text up to the next quote, escape or control character, in one pass (most
            // of a map's bytes are inside strings).
            let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
            self.at += rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a string")),
                Some(b'"') => {
                    let tail = self.text.get(run..self.at).unwrap_or_default();
                    self.at += 1;
                    return Ok(match owned {
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(tail),
                    });
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(self.text.get(run..self.at).unwrap_or_default());
                    self.at += 1;
                    let escaped = match self.peek() {
                        None => return Err(self.eof("EOF while parsing a string")),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let code = self.unicode_escape()?;
                            s.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                            run = self.at;
                            continue;
                        }
                        Some(_) => return Err(self.here("invalid escape")),
                    };
                    s.push(escaped);
                    self.at += 1;
                    run = self.at;
                }
                Some(0..=0x1f) => return Err(self.here("control character (\\u0000-\\u001F) found while parsing a string")),
                Some(_) => self.at += 1,
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    /// At a `-` or a digit. The decoder never needs a number's value, only that it is one, and
    /// that it is one a 64-bit float holds, as serde_json requires.
    fn number(&mut self) -> Result<(), Broken> {
        let start = self.at;
        self.number_grammar()?;
        let written = self.text.as_bytes().get(start..self.at).unwrap_or_default();
        match beyond_f64(written) {
            Some(read) => Err((start + read, "number out of range")),
            None => Ok(()),
        }
    }

    fn number_grammar(&mut self) -> Result<(), Broken> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            None => return Err(self.eof("EOF while parsing a value")),
            Some(b'0') => {
                self.at += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.here("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.here("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.peek().map_or_else(|| self.eof("EOF while parsing a value"), |_| self.here("invalid number")));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.peek().map_or_else(|| self.eof("EOF while parsing a value"), |_| self.here("invalid number")));
            }
        }
        Ok(())
    }

    /// At the first letter of `true`, `false` or `null`.
    fn word(&mut self, word: &[u8]) -> Result<(), Broken> {
        self.at += 1;
        for &expected in word.get(1..).unwrap_or_default() {
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a value")),
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.here("expected ident")),
            }
        }
        Ok(())
    }

    /// A key and its colon, at the byte where the key should start; `eof` is what an end of
    /// the text there is called.
    fn key(&mut self, eof: &'static str) -> Result<Cow<'t, str>, Broken> {
        let key = match self.skip_space() {
            Some(b'"') => self.string()?,
            None => return Err(self.eof(eof)),
            Some(_) => return Err(self.here("key must be a string")),
        };
        match self.skip_space() {
            Some(b':') => {
                self.at += 1;
                Ok(key)
            }
            None => Err(self.eof("EOF while parsing an object")),
            Some(_) => Err(self.here("expected `:`")),
        }
    }

    /// The whole text is one JSON value, and nothing else.
    fn document(&mut self) -> Result<(), Broken> {
        // What each open container is (true: an object); its extent is in `extents`.
        let mut open: Vec<bool> = Vec::new();
        'value: loop {
            // A value is expected here.
            match self.skip_space() {
                None => return Err(self.eof("EOF while parsing a value")),
                Some(b'[' | b'{') if open.len() + 1 == MAX_DEPTH => return Err(self.here("recursion limit exceeded")),
                Some(b'[') => {
                    let start = self.at;
                    self.at += 1;
                    match self.skip_space() {
                        None => return Err(self.eof("EOF while parsing a list")),
                        Some(b']') => self.at += 1,
                        Some(_) => {
                            open.push(false);
                            self.opened(start);
                            continue 'value;
                        }
                    }
                }
                Some(b'{') => {
                    let start = self.at;
                    self.at += 1;
                    if self.skip_space() == Some(b'}') {
                        self.at += 1;
                    } else {
                        self.key("EOF while parsing an object")?;
                        open.push(true);
                        self.opened(start);
                        continue 'value;
                    }
                }
                Some(b'"') => drop(self.string()?),
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.word(b"true")?,
                Some(b'f') => self.word(b"false")?,
                Some(b'n') => self.word(b"null")?,
                Some(_) => return Err(self.here("expected value")),
            }
            // A value ended: close what that ends, until a comma asks for the next value.
            loop {
                let Some(&object) = open.last() else {
                    return match self.skip_space() {
                        Some(_) => Err(self.here("trailing characters")),
                        None => Ok(()),
                    };
                };
                let (close, eof, expected) = if object {
                    (b'}', "EOF while parsing an object", "expected `,` or `}`")
                } else {
                    (b']', "EOF while parsing a list", "expected `,` or `]`")
                };
                match self.skip_space() {
                    None => return Err(self.eof(eof)),
                    Some(b) if b == close => {
                        self.at += 1;
                        self.closed();
                        open.pop();
                    }
                    Some(b',') => {
                        self.at += 1;
                        if self.skip_space() == Some(close) {
                            return Err(self.here("trailing comma"));
                        }
                        if object {
                            self.key("EOF while parsing a value")?;
                        }
                        continue 'value;
                    }
                    Some(_) => return Err(self.here(expected)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same words at the same line and column as serde_json, which `load` uses natively.
    #[test]
    fn errors_agree_with_serde_json() {
        let deep = "[".repeat(MAX_DEPTH + 1);
        let broken = [
            "",
            "   ",
            "{",
            "[",
            "[1,",
            "{\"a\"",
            "{\"a\":",
            "{\"a\":1",
            "{\"a\":1,",
            "{\"format\": \"argmap/1\",\n \"id\": }",
            "{\"a\" 1}",
            "{1: 2}",
            "{,}",
            "{\"a\": 1 \"b\": 2}",
            "[1 2]",
            "[1,]",
            "{\"a\": 1,}",
            "[,1]",
            "{\"a\": tru}",
            "{\"a\": nul",
            "{\"a\": fals }",
            "[01]",
            "[-]",
            "[-x]",
            "[1.]",
            "[1.x]",
            "[1e]",
            "[1e+x]",
            "1.",
            "\"abc",
            "\"a\\qb\"",
            "\"\\u12g4\"",
            "\"\\u12",
            "\"tab\there\"",
            "\"line\nbreak\"",
            "{} x",
            "[] ]",
            "{\"中文\": \"值\", 错}",
            "{\"t\": \"中文\"\n,\n  \"u\": 中}",
            "[[[[[[1]]]]]",
            "[[[[[[1]]]]]]]",
            "\u{1F600}",
            "\"\\udc00\"",
            "\"\\udc00\\ud800\"",
            "\"C\\ud800\"",
            "\"\\ud800x\"",
            "\"\\ud800\\u0041\"",
            "\"\\ud800\\n\"",
            "\"\\ud800\\",
            "\"\\ud800\\u12",
            "{\"\\ud800\": 1}",
            "{\"extra\": 1e999}",
            "[-1e309]",
            "[1.8e308]",
            "[0.00018e312]",
            "[1e+99999999999999999999]",
            "[-2.5E2147483648]",
            "[17976931348623159000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000]",
            "{\"a\": [1, {\"b\": [true, false, null, -0.5e-3, \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"]}], \"c\": }",
            &deep,
        ];
        let mut disagreements = Vec::new();
        for text in broken {
            let Err(serde) = serde_json::from_str::<serde_json::Value>(text) else { panic!("serde_json reads {text:?}") };
            let expected = Problem {
                path: String::new(),
                kind: ProblemKind::Syntax { detail: super::super::load::syntax_message(&serde) },
                position: Some((serde.line(), char_column(text, serde.line(), serde.column()))),
            };
            match check(text).map(drop) {
                Err(ours) if ours == expected => {}
                other => disagreements.push(format!("{text:?}: ours {other:?}, serde_json {expected:?}")),
            }
        }
        assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    }

    /// What `Lazy` reads, as a serde_json value: numbers as 0, as the decoder never needs one.
    fn as_value(v: &Lazy) -> serde_json::Value {
        use serde_json::Value;
        match v.json_type() {
            JsonType::Null => Value::Null,
            JsonType::Boolean => Value::Bool(matches!(v, Lazy::Value(_, t) if t.starts_with('t'))),
            JsonType::Number => Value::from(0),
            JsonType::String => Value::String(v.string().unwrap_or_else(|| panic!("a string that is none"))),
            JsonType::Array => Value::Array(v.items().unwrap_or_default().iter().map(as_value).collect()),
            _ => Value::Object(v.members().unwrap_or_default().iter().map(|(k, v)| (k.clone(), as_value(v))).collect()),
        }
    }

    fn zero_numbers(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Number(n) => *n = 0.into(),
            serde_json::Value::Array(items) => items.iter_mut().for_each(zero_numbers),
            serde_json::Value::Object(o) => o.values_mut().for_each(zero_numbers),
            _ => {}
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let texts = [
            " {\"a\": [1, -2.5e+3, true, false, null, \"\\u00e9\\n\\ud83d\\ude00\"], \"b\": {}, \"c\": [], \"a2\": \"plain\"} ",
            "{}",
            "[]",
            "[ ]",
            "{ }",
            "\"x\"",
            "0",
            "-0.0E1",
            "[[], {}, [[]], {\"\": {}}]",
            "{\"a\": 1, \"a\": 2}",
            "{\"a\" :\t[ {\"b\" : [ ] } , { } ,\"]}\\\"\"] ,\r\n \"c\":\n\"\\\\\"}",
            "[\"[\", \"{\", \"\\\"]\", {\"k]\": \"v}\"}]",
            "{\"\\u0061\": \"escaped key\", \"a\": \"plain key, same name\"}",
            "1.7976931348623157e308",
            "-1e308",
            "1e-99999",
            "0.0e99999",
            "0e99999999999999",
            "1e-99999999999999",
            "[true,false,null,1,\"s\",{\"n\":null}]",
        ];
        for text in texts {
            let Ok(checked) = check(text) else { panic!("{text}") };
            let Ok(mut expected) = serde_json::from_str::<serde_json::Value>(text) else { panic!("{text}") };
            zero_numbers(&mut expected);
            assert_eq!(as_value(&checked.root()), expected, "{text}");
        }
        let text = "{\"a2\": \"plain\", \"b\": \"\\n\"}";
        let Ok(checked) = check(text) else { panic!() };
        let Some(Lazy::Object(_, members)) = checked.root().object() else { panic!() };
        assert!(matches!(members[0].0, Cow::Borrowed("a2")), "unescaped keys are borrowed");
    }

    #[test]
    fn the_last_duplicate_key_counts_where_the_first_stood() {
        let text = "{\"en\": \"one\", \"zh\": \"二\", \"en\": \"three\"}";
        let Ok(checked) = check(text) else { panic!() };
        let root = checked.root();
        let members: Vec<(String, Option<String>)> = root.members().unwrap_or_default().into_iter().map(|(k, v)| (k, v.string())).collect();
        assert_eq!(members, [("en".to_owned(), Some("three".to_owned())), ("zh".to_owned(), Some("二".to_owned()))]);
        assert_eq!(root.member("en").and_then(|v| v.string()).as_deref(), Some("three"));
        assert_eq!(root.object().and_then(|o| o.member("en")).and_then(|v| v.string()).as_deref(), Some("three"));
        // The same past the few keys of a text, where members are indexed instead.
        let many: Vec<String> = (0..12).map(|i| format!("\"k{i}\": \"{i}\"")).collect();
        let text = format!("{{{}, \"k3\": \"last\"}}", many.join(", "));
        let Ok(checked) = check(&text) else { panic!() };
        let members = checked.root().members().unwrap_or_default();
        assert_eq!(members.len(), 12);
        assert_eq!((members[3].0.as_str(), members[3].1.string().as_deref()), ("k3", Some("last")));
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let depth = 200_000;
        let text = "[".repeat(depth) + &"]".repeat(depth);
        let Err(problem) = check(&text) else { panic!("read {depth} levels") };
        assert_eq!(problem.position, Some((1, MAX_DEPTH)));
        let deepest = "[".repeat(MAX_DEPTH - 1) + &"]".repeat(MAX_DEPTH - 1);
        assert!(check(&deepest).is_ok() && serde_json::from_str::<serde_json::Value>(&deepest).is_ok());
    }
}
