//! The widget's own words. Map content carries its own translations; these are the labels
//! around it, in every language the widget speaks (English is the fallback).

use crate::model::{ArgumentMap, Relation, Side, Tally};

pub struct Strings {
    pub lang_name: &'static str,
    pub loading: &'static str,
    pub error_title: &'static str,
    pub problems_found: fn(usize) -> String,
    pub open: &'static str,
    pub closed: &'static str,
    pub neutral: &'static str,
    pub answers: &'static str,
    pub supports: &'static str,
    pub attacks: &'static str,
    /// The parts of "3 hidden: 2 supporting, 1 attacking" (see `Strings::hidden`).
    pub hidden_total: fn(usize) -> String,
    pub n_supporting: fn(usize) -> String,
    pub n_attacking: fn(usize) -> String,
    pub n_answers: fn(usize) -> String,
    pub list_separator: &'static str,
    pub toolbar: &'static str,
    pub expand_all: &'static str,
    pub collapse_all: &'static str,
    pub levels: &'static str,
    pub level: fn(usize) -> String,
    pub search: &'static str,
    pub matches: fn(usize) -> String,
    pub language: &'static str,
    pub tour: &'static str,
    pub tour_step: fn(usize, usize) -> String,
    pub previous: &'static str,
    pub next: &'static str,
    pub end_tour: &'static str,
    pub present: &'static str,
    pub articles: &'static str,
    pub lens_hint: &'static str,
    pub details: &'static str,
    pub in_their_words: &'static str,
    pub read_article: &'static str,
    pub unsourced_figure: &'static str,
    pub uncited_quote: &'static str,
    pub contradicts: &'static str,
    pub agrees: &'static str,
    /// Cross-links with a direction, seen from either end: this node supports the other,
    /// or is supported by it; attacks, or is attacked by it.
    pub link_supports: &'static str,
    pub link_supported_by: &'static str,
    pub link_attacks: &'static str,
    pub link_attacked_by: &'static str,
    pub go_to: &'static str,
    pub your_verdict: &'static str,
    pub convinced: &'static str,
    pub not_convinced: &'static str,
    pub tally: fn(Tally, &str, &str) -> String,
    pub no_marks: &'static str,
    pub clear_marks: &'static str,
    pub not_kept: &'static str,
}

const EN: Strings = Strings {
    lang_name: "English",
    loading: "Loading the map…",
    error_title: "This map could not be shown.",
    problems_found: |n| if n == 1 { "1 problem:".into() } else { format!("{n} problems:") },
    open: "Open",
    closed: "Closed",
    neutral: "Neutral",
    answers: "Answer",
    supports: "Supports",
    attacks: "Attacks",
    hidden_total: |n| format!("{n} hidden: "),
    n_supporting: |n| format!("{n} supporting"),
    n_attacking: |n| format!("{n} attacking"),
    n_answers: |n| if n == 1 { "1 answer".into() } else { format!("{n} answers") },
    list_separator: ", ",
    toolbar: "Map controls",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    levels: "Show levels",
    level: |n| format!("{n} levels"),
    search: "Search the map",
    matches: |n| if n == 1 { "1 match".into() } else { format!("{n} matches") },
    language: "Language",
    tour: "Guided tour",
    tour_step: |i, n| format!("Step {i} of {n}"),
    previous: "Previous",
    next: "Next",
    end_tour: "End tour",
    present: "Large type",
    articles: "Sources",
    lens_hint: "Choose a source to highlight the claims that cite it.",
    details: "Details",
    in_their_words: "In the source's words",
    read_article: "Read the source",
    unsourced_figure: "A figure here is given without a source.",
    uncited_quote: "Words here are attributed to someone without a citation.",
    contradicts: "Contradicts",
    agrees: "Agrees with",
    link_supports: "Supports",
    link_supported_by: "Supported by",
    link_attacks: "Attacks",
    link_attacked_by: "Attacked by",
    go_to: "Go to",
    your_verdict: "Your verdict",
    convinced: "Convinced",
    not_convinced: "Not convinced",
    tally: |t, open, closed| {
        let lean = match (t.open, t.closed) {
            (o, c) if o > c => format!("lean {}", open.to_ascii_lowercase()),
            (o, c) if c > o => format!("lean {}", closed.to_ascii_lowercase()),
            _ => "are even".into(),
        };
        format!("Your marks {lean}: {} for {}, {} for {}.", t.open, open.to_ascii_lowercase(), t.closed, closed.to_ascii_lowercase())
    },
    no_marks: "Mark claims as convinced or not, and see which side you lean to.",
    clear_marks: "Clear my marks",
    not_kept: "This browser does not allow storage: your marks last only until you leave.",
};

const ZH: Strings = Strings {
    lang_name: "中文",
    loading: "正在加载论证图…",
    error_title: "无法显示此论证图。",
    problems_found: |n| format!("发现 {n} 个问题："),
    open: "开放",
    closed: "封闭",
    neutral: "中立",
    answers: "回答",
    supports: "支持",
    attacks: "反驳",
    hidden_total: |n| format!("已折叠 {n} 条："),
    n_supporting: |n| format!("{n} 条支持"),
    n_attacking: |n| format!("{n} 条反驳"),
    n_answers: |n| format!("{n} 个回答"),
    list_separator: "，",
    toolbar: "论证图工具",
    expand_all: "全部展开",
    collapse_all: "全部折叠",
    levels: "显示层级",
    level: |n| format!("{n} 层"),
    search: "搜索论证图",
    matches: |n| format!("{n} 个结果"),
    language: "语言",
    tour: "导览",
    tour_step: |i, n| format!("第 {i} 步，共 {n} 步"),
    previous: "上一步",
    next: "下一步",
    end_tour: "结束导览",
    present: "大字模式",
    articles: "来源",
    lens_hint: "选择一个来源，高亮引用它的论点。",
    details: "详情",
    in_their_words: "原文",
    read_article: "阅读原文",
    unsourced_figure: "此处的数字没有注明出处。",
    uncited_quote: "此处的话归于某人，但没有注明出处。",
    contradicts: "相互矛盾",
    agrees: "观点一致",
    link_supports: "支持",
    link_supported_by: "受到支持",
    link_attacks: "反驳",
    link_attacked_by: "受到反驳",
    go_to: "前往",
    your_verdict: "你的判断",
    convinced: "被说服",
    not_convinced: "未被说服",
    tally: |t, open, closed| {
        let lean = match (t.open, t.closed) {
            (o, c) if o > c => format!("倾向{open}"),
            (o, c) if c > o => format!("倾向{closed}"),
            _ => "两边持平".into(),
        };
        format!("你的标记{lean}：{open} {}，{closed} {}。", t.open, t.closed)
    },
    no_marks: "把论点标记为“被说服”或“未被说服”，看看你倾向哪一边。",
    clear_marks: "清除我的标记",
    not_kept: "此浏览器不允许存储：你的标记只保留到离开页面为止。",
};

/// What a side is called in `lang`: the map's own name for it ("Allow", "开源"), else the
/// widget's word.
pub fn side_name<'a>(map: &'a ArgumentMap, side: Side, lang: &str) -> &'a str {
    map.side_name(side, lang).unwrap_or_else(|| strings(lang).side(side))
}

/// The strings for a language tag (`zh`, `zh-Hant`, `en-GB`…); English when not spoken.
pub fn strings(lang: &str) -> &'static Strings {
    if lang.split(['-', '_']).next().is_some_and(|base| base.eq_ignore_ascii_case("zh")) {
        &ZH
    } else {
        &EN
    }
}

impl Strings {
    /// What a closed node hides: "3 hidden: 2 supporting, 1 attacking".
    pub fn hidden(&self, total: usize, supporting: usize, attacking: usize) -> String {
        let answers = total - supporting - attacking;
        let parts: Vec<String> = [(supporting, self.n_supporting), (attacking, self.n_attacking), (answers, self.n_answers)]
            .into_iter()
            .filter(|&(n, _)| n > 0)
            .map(|(n, say)| say(n))
            .collect();
        (self.hidden_total)(total) + &parts.join(self.list_separator)
    }

    pub fn side(&self, side: Side) -> &'static str {
        match side {
            Side::Open => self.open,
            Side::Closed => self.closed,
            Side::Neutral => self.neutral,
        }
    }

    pub fn relation(&self, relation: Relation) -> &'static str {
        match relation {
            Relation::Answers => self.answers,
            Relation::Supports => self.supports,
            Relation::Attacks => self.attacks,
        }
    }

    /// A critical-reading flag in plain words; unknown flags are shown as they are.
    pub fn flag<'f>(&self, flag: &'f str) -> &'f str
    where
        'static: 'f,
    {
        match flag {
            "unsourced-figure" => self.unsourced_figure,
            "uncited-quote" => self.uncited_quote,
            other => other,
        }
    }
}
