//! A small JSON reader for the widget: the wasm then ships no serde_json, and no `BTreeMap` per
//! object. It keeps what the decoder reads (strings, borrowed from the text unless they hold
//! escapes; arrays; objects as member lists in file order) and only the kind of numbers and
//! booleans. It refuses what serde_json refuses (lone surrogates, nesting past 128 levels). Errors are located and worded as serde_json does, which the command line and the
//! native tests use, so a broken map reads the same everywhere.
//!
//! Containers are tracked on an explicit stack, not by recursion; nesting is limited to 128
//! levels, as serde_json limits it, so that dropping a tree is shallow too.

use std::borrow::Cow;
use std::collections::HashMap;

use super::load::{char_column, Json};
use super::problem::{JsonType, Problem, ProblemKind};

/// A parsed JSON value.
#[derive(Debug, PartialEq)]
pub enum Tree<'t> {
    Null,
    Boolean,
    Number,
    String(Cow<'t, str>),
    Array(Vec<Tree<'t>>),
    Object(Vec<(Cow<'t, str>, Tree<'t>)>),
}

/// serde_json's limit (its 128th opening bracket is refused), so both readers refuse the same
/// documents.
const MAX_DEPTH: usize = 128;

/// Parse `text`, or say where and how it first breaks JSON's grammar.
pub fn parse(text: &str) -> Result<Tree<'_>, Problem> {
    Parser { text, at: 0 }.document().map_err(|(end, detail)| {
        // serde_json's position: the line and byte column of the last byte it read.
        let before = text.as_bytes().get(..end).unwrap_or_default();
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let mut problem = Problem::at("", ProblemKind::Syntax { detail: detail.to_owned() });
        problem.position = Some((line, char_column(text, line, end - line_start)));
        problem
    })
}

impl<'t> Json for &Tree<'t> {
    fn json_type(&self) -> JsonType {
        match self {
            Tree::Null => JsonType::Null,
            Tree::Boolean => JsonType::Boolean,
            Tree::Number => JsonType::Number,
            Tree::String(_) => JsonType::String,
            Tree::Array(_) => JsonType::Array,
            Tree::Object(_) => JsonType::Object,
        }
    }

    fn string(&self) -> Option<String> {
        match self {
            Tree::String(s) => Some(s.clone().into_owned()),
            _ => None,
        }
    }

    fn items(&self) -> Option<Vec<Self>> {
        match self {
            Tree::Array(items) => Some(items.iter().collect()),
            _ => None,
        }
    }

    fn member(&self, key: &str) -> Option<Self> {
        match self {
            // The last of duplicate keys counts, as in serde_json and JSON.parse.
            Tree::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn members(&self) -> Option<Vec<(String, Self)>> {
        let Tree::Object(members) = self else { return None };
        // Each key once, where it first appears, with its last value.
        if members.len() <= 8 {
            // A text's few languages, on every node: a search is cheaper than building an index.
            let mut out: Vec<(String, Self)> = Vec::with_capacity(members.len());
            for (key, value) in members {
                match out.iter_mut().find(|(k, _)| k == key) {
                    Some(seen) => seen.1 = value,
                    None => out.push((key.clone().into_owned(), value)),
                }
            }
            return Some(out);
        }
        // An index, not a search per key, so a hostile object with 100,000 keys costs no more
        // than its length.
        let mut at: HashMap<&str, usize> = HashMap::with_capacity(members.len());
        let mut out: Vec<(String, Self)> = Vec::with_capacity(members.len());
        for (key, value) in members {
            match at.get(key.as_ref()).and_then(|&i| out.get_mut(i)) {
                Some(seen) => seen.1 = value,
                None => {
                    at.insert(key, out.len());
                    out.push((key.clone().into_owned(), value));
                }
            }
        }
        Some(out)
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

/// A container being filled.
enum Open<'t> {
    Array(Vec<Tree<'t>>),
    /// The members so far, and the key whose value comes next.
    Object(Vec<(Cow<'t, str>, Tree<'t>)>, Cow<'t, str>),
}

struct Parser<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Parser<'t> {
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
    fn number(&mut self) -> Result<Tree<'t>, Broken> {
        let start = self.at;
        self.number_grammar()?;
        let written = self.text.as_bytes().get(start..self.at).unwrap_or_default();
        match beyond_f64(written) {
            Some(read) => Err((start + read, "number out of range")),
            None => Ok(Tree::Number),
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
    fn word(&mut self, word: &[u8], value: Tree<'t>) -> Result<Tree<'t>, Broken> {
        self.at += 1;
        for &expected in word.get(1..).unwrap_or_default() {
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a value")),
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.here("expected ident")),
            }
        }
        Ok(value)
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

    fn document(&mut self) -> Result<Tree<'t>, Broken> {
        let mut open: Vec<Open<'t>> = Vec::new();
        'value: loop {
            // A value is expected here.
            let mut value = match self.skip_space() {
                None => return Err(self.eof("EOF while parsing a value")),
                Some(b'[' | b'{') if open.len() + 1 == MAX_DEPTH => return Err(self.here("recursion limit exceeded")),
                Some(b'[') => {
                    self.at += 1;
                    match self.skip_space() {
                        None => return Err(self.eof("EOF while parsing a list")),
                        Some(b']') => {
                            self.at += 1;
                            Tree::Array(Vec::new())
                        }
                        Some(_) => {
                            open.push(Open::Array(Vec::new()));
                            continue 'value;
                        }
                    }
                }
                Some(b'{') => {
                    self.at += 1;
                    if self.skip_space() == Some(b'}') {
                        self.at += 1;
                        Tree::Object(Vec::new())
                    } else {
                        let key = self.key("EOF while parsing an object")?;
                        open.push(Open::Object(Vec::new(), key));
                        continue 'value;
                    }
                }
                Some(b'"') => Tree::String(self.string()?),
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.word(b"true", Tree::Boolean)?,
                Some(b'f') => self.word(b"false", Tree::Boolean)?,
                Some(b'n') => self.word(b"null", Tree::Null)?,
                Some(_) => return Err(self.here("expected value")),
            };
            // A value ended: put it in its container, and close what that ends, until a comma
            // asks for the next value.
            loop {
                let Some(container) = open.last_mut() else {
                    return match self.skip_space() {
                        Some(_) => Err(self.here("trailing characters")),
                        None => Ok(value),
                    };
                };
                let (close, eof, expected) = match container {
                    Open::Array(items) => {
                        items.push(value);
                        (b']', "EOF while parsing a list", "expected `,` or `]`")
                    }
                    Open::Object(members, key) => {
                        members.push((std::mem::take(key), value));
                        (b'}', "EOF while parsing an object", "expected `,` or `}`")
                    }
                };
                match self.skip_space() {
                    None => return Err(self.eof(eof)),
                    Some(b) if b == close => {
                        self.at += 1;
                        value = match open.pop() {
                            Some(Open::Array(items)) => Tree::Array(items),
                            Some(Open::Object(members, _)) => Tree::Object(members),
                            None => Tree::Null,
                        };
                    }
                    Some(b',') => {
                        self.at += 1;
                        if self.skip_space() == Some(close) {
                            return Err(self.here("trailing comma"));
                        }
                        if let Some(Open::Object(_, key)) = open.last_mut() {
                            *key = self.key("EOF while parsing a value")?;
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
            match parse(text) {
                Err(ours) if ours == expected => {}
                other => disagreements.push(format!("{text:?}: ours {other:?}, serde_json {expected:?}")),
            }
        }
        assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = " {\"a\": [1, -2.5e+3, true, false, null, \"\\u00e9\\n\\ud83d\\ude00\"], \"b\": {}, \"c\": [], \"a2\": \"plain\"} ";
        let Ok(tree) = parse(text) else { panic!("{text}") };
        let Tree::Object(members) = &tree else { panic!("{tree:?}") };
        assert_eq!(members.len(), 4);
        let a = (&tree).member("a").and_then(|a| a.items()).unwrap_or_default();
        let kinds: Vec<JsonType> = a.iter().map(|v| v.json_type()).collect();
        use JsonType::*;
        assert_eq!(kinds, [Number, Number, Boolean, Boolean, Null, String]);
        assert_eq!(a.last().and_then(|s| s.string()).as_deref(), Some("é\n😀"));
        assert!(matches!((&tree).member("a2"), Some(Tree::String(Cow::Borrowed("plain")))), "unescaped strings are borrowed");
        let fine = [
            "{}",
            "[]",
            "\"x\"",
            "0",
            "-0.0E1",
            "[[], {}]",
            "{\"a\": 1, \"a\": 2}",
            "1.7976931348623157e308",
            "-1e308",
            "1e-99999",
            "0.0e99999",
            "0e99999999999999",
            "1e-99999999999999",
        ];
        for text in fine {
            assert!(parse(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn the_last_duplicate_key_counts_where_the_first_stood() {
        let Ok(tree) = parse("{\"en\": \"one\", \"zh\": \"二\", \"en\": \"three\"}") else { panic!() };
        let members: Vec<(String, Option<String>)> =
            (&tree).members().unwrap_or_default().into_iter().map(|(k, v)| (k, v.string())).collect();
        assert_eq!(members, [("en".to_owned(), Some("three".to_owned())), ("zh".to_owned(), Some("二".to_owned()))]);
        assert_eq!((&tree).member("en").and_then(|v| v.string()).as_deref(), Some("three"));
        // The same past the few keys of a text, where members are indexed instead.
        let many: Vec<String> = (0..12).map(|i| format!("\"k{i}\": \"{i}\"")).collect();
        let text = format!("{{{}, \"k3\": \"last\"}}", many.join(", "));
        let Ok(tree) = parse(&text) else { panic!() };
        let members = (&tree).members().unwrap_or_default();
        assert_eq!(members.len(), 12);
        assert_eq!((members[3].0.as_str(), members[3].1.string().as_deref()), ("k3", Some("last")));
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let depth = 200_000;
        let text = "[".repeat(depth) + &"]".repeat(depth);
        let Err(problem) = parse(&text) else { panic!("read {depth} levels") };
        assert_eq!(problem.position, Some((1, MAX_DEPTH)));
        let deepest = "[".repeat(MAX_DEPTH - 1) + &"]".repeat(MAX_DEPTH - 1);
        assert!(parse(&deepest).is_ok() && serde_json::from_str::<serde_json::Value>(&deepest).is_ok());
    }
}
