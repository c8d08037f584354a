/// A short text in several languages, keyed by language tag (`zh`, `en`), in the map's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub Vec<(String, String)>);

impl Text {
    /// The text in `lang`, else in the first language that has it (the map's first language
    /// comes first because the loader keeps the file's order), else "".
    pub fn get(&self, lang: &str) -> &str {
        self.0.iter().find(|(l, _)| l == lang).or_else(|| self.0.first()).map(|(_, t)| t.as_str()).unwrap_or("")
    }

    /// `get`, and the language the text is really in when that is not `lang` (the fallback's:
    /// its element then needs its own `lang` attribute).
    pub fn pick(&self, lang: &str) -> (&str, Option<&str>) {
        match self.0.iter().find(|(l, _)| l == lang).or_else(|| self.0.first()) {
            Some((l, t)) => (t.as_str(), (l != lang).then_some(l.as_str())),
            None => ("", None),
        }
    }

    /// Whether the text exists in exactly `lang` (no fallback).
    pub fn has(&self, lang: &str) -> bool {
        self.0.iter().any(|(l, _)| l == lang)
    }

    pub fn single(lang: &str, text: &str) -> Self {
        Text(vec![(lang.to_owned(), text.to_owned())])
    }
}

/// The one rule for links a map may carry: the web, nothing else (no `javascript:`, `data:`).
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The base of a language tag: `zh` for `zh-Hant`, `en` for `en_GB`, lower-cased.
pub fn lang_base(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}
