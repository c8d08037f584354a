//! From a quote to its place in the article: a link with a text fragment
//! (`#:~:text=…`, the URL Fragment Text Directives of the WICG Text Fragments report), so the
//! browser scrolls to the sentence and highlights it.

/// Quotes longer than this many characters are linked as `textStart,textEnd` (the start and the
/// end of the quote) instead of in full: the URL stays short, and the browser still highlights
/// the whole range between them.
pub const MAX_EXACT_QUOTE_CHARS: usize = 80;
/// How long each end of a long quote is at most, and at least, in characters.
const END_MAX_CHARS: usize = 32;
const END_MIN_CHARS: usize = 8;

/// `source_url` with a text directive for `quote`. The quote's whitespace is trimmed and its
/// runs collapsed to one space, as the browser sees the rendered page. A URL that already has a
/// fragment keeps it (`#intro` becomes `#intro:~:text=…`); one that already has a fragment
/// directive gets this text directive added to it (`&text=…`). An empty quote leaves the URL
/// as it is.
pub fn quote_link(source_url: &str, quote: &str) -> String {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let quote = words.join(" ");
    if quote.is_empty() {
        return source_url.to_owned();
    }
    let mut out = String::with_capacity(source_url.len() + quote.len() * 3 + 16);
    out.push_str(source_url);
    match source_url.split_once('#') {
        None => out.push_str("#:~:text="),
        Some((_, fragment)) if fragment.contains(":~:") => out.push_str("&text="),
        Some(_) => out.push_str(":~:text="),
    }
    match long_quote_ends(&quote) {
        Some((start, end)) => {
            encode(start, &mut out);
            out.push(',');
            encode(end, &mut out);
        }
        None => encode(&quote, &mut out),
    }
    out
}

/// A character where a word certainly ends in any script: a space or a punctuation mark (ASCII,
/// general, CJK or full-width). The browser only matches a text directive on word boundaries,
/// and Chinese has no spaces, so a long quote is only cut at one of these.
fn is_break(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c, '\u{2010}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}')
}

/// For a long quote, its first and last few words, each cut at a break; `None` when the quote
/// is short, or has no break near enough its ends (it is then linked in full).
fn long_quote_ends(quote: &str) -> Option<(&str, &str)> {
    let chars: Vec<(usize, char)> = quote.char_indices().collect();
    let n = chars.len();
    if n <= MAX_EXACT_QUOTE_CHARS {
        return None;
    }
    // textStart: up to the last break within its window, not including it.
    let start_cut = (END_MIN_CHARS..=END_MAX_CHARS).rev().find(|&i| chars.get(i).is_some_and(|&(_, c)| is_break(c)))?;
    let start = quote.get(..chars.get(start_cut)?.0)?.trim_end_matches(is_break);
    // textEnd: from just after the first break within its window.
    let end_cut = (n - END_MAX_CHARS - 1..n - END_MIN_CHARS).find(|&i| chars.get(i).is_some_and(|&(_, c)| is_break(c)))?;
    let end = quote.get(chars.get(end_cut + 1)?.0..)?.trim_start_matches(is_break);
    (!start.is_empty() && !end.is_empty()).then_some((start, end))
}

/// Percent-encode a text directive's parameter: every byte but ASCII letters, digits and
/// `_ . ~ ! * ( )`. That covers what the report requires (`-`, `&` and `,` are its syntax) and
/// what a fragment may not hold raw (spaces, quotes, `<`, `>`, `#`, non-ASCII).
fn encode(text: &str, out: &mut String) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'~' | b'!' | b'*' | b'(' | b')') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}
