//! The fallback's own words, beyond the widget's labels (`argmap::strings`, which also gives
//! flags and cross-references in plain words): what the static version says about itself.

pub struct Words {
    /// Under the title: what this static version is and how to read it.
    pub note: &'static str,
    pub evidence: &'static str,
    pub translation: &'static str,
    pub source: &'static str,
    pub read_critically: &'static str,
    /// Between the parts of one source line (title, author, date).
    pub comma: &'static str,
}

const EN: Words = Words {
    note: "Static version of an interactive argument map. Open a point to see what supports and attacks it.",
    evidence: "In the sources' own words",
    translation: "Translation:",
    source: "Source:",
    read_critically: "Read critically:",
    comma: ", ",
};

const ZH: Words = Words {
    note: "这是交互式论证图的静态版本。展开任一论点，可看到支持和反驳它的理由。",
    evidence: "原文摘录",
    translation: "译文：",
    source: "出处：",
    read_critically: "阅读提示：",
    comma: "，",
};

/// The words for a language tag; English when not spoken (as `argmap::strings::strings`).
pub fn words(lang: &str) -> &'static Words {
    if base(lang).eq_ignore_ascii_case("zh") {
        &ZH
    } else {
        &EN
    }
}

/// `zh` for `zh-Hant`, `en` for `en_GB`.
pub fn base(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}
