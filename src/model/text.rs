/// A short text in several languages, keyed by language tag (`zh`, `en`), in the map's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub Vec<(String, String)>);

impl Text {
    /// The text in `lang`, else in the first language that has it (the map's first language
    /// comes first because the loader keeps the file's order), else "".
    pub fn get(&self, lang: &str) -> &str {
        self.0.iter().find(|(l, _)| l == lang).or_else(|| self.0.first()).map(|(_, t)| t.as_str()).unwrap_or("")
    }

    /// Whether the text exists in exactly `lang` (no fallback).
    pub fn has(&self, lang: &str) -> bool {
        self.0.iter().any(|(l, _)| l == lang)
    }

    pub fn single(lang: &str, text: &str) -> Self {
        Text(vec![(lang.to_owned(), text.to_owned())])
    }
}
