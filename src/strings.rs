//! The widget's own words. Map content carries its own translations; these are the labels
//! around it, in every language the widget speaks (English is the fallback).

use crate::model::{Relation, Side};

pub struct Strings {
    pub loading: &'static str,
    pub error_title: &'static str,
    pub problems_found: fn(usize) -> String,
    pub open: &'static str,
    pub closed: &'static str,
    pub neutral: &'static str,
    pub answers: &'static str,
    pub supports: &'static str,
    pub attacks: &'static str,
    /// "3 hidden: 2 supporting, 1 attacking"
    pub hidden: fn(usize, usize, usize) -> String,
}

const EN: Strings = Strings {
    loading: "Loading the map…",
    error_title: "This map could not be shown",
    problems_found: |n| if n == 1 { "1 problem:".into() } else { format!("{n} problems:") },
    open: "Open",
    closed: "Closed",
    neutral: "Neutral",
    answers: "Answer",
    supports: "Supports",
    attacks: "Attacks",
    hidden: |total, supporting, attacking| {
        let mut parts = Vec::new();
        if supporting > 0 {
            parts.push(format!("{supporting} supporting"));
        }
        if attacking > 0 {
            parts.push(format!("{attacking} attacking"));
        }
        let answers = total - supporting - attacking;
        if answers > 0 {
            parts.push(if answers == 1 { "1 answer".into() } else { format!("{answers} answers") });
        }
        format!("{total} hidden: {}", parts.join(", "))
    },
};

const ZH: Strings = Strings {
    loading: "正在加载论证图…",
    error_title: "无法显示此论证图",
    problems_found: |n| format!("发现 {n} 个问题："),
    open: "开放",
    closed: "封闭",
    neutral: "中立",
    answers: "回答",
    supports: "支持",
    attacks: "反驳",
    hidden: |total, supporting, attacking| {
        let mut parts = Vec::new();
        if supporting > 0 {
            parts.push(format!("{supporting} 条支持"));
        }
        if attacking > 0 {
            parts.push(format!("{attacking} 条反驳"));
        }
        let answers = total - supporting - attacking;
        if answers > 0 {
            parts.push(format!("{answers} 个回答"));
        }
        format!("已折叠 {total} 条：{}", parts.join("，"))
    },
};

/// The strings for a language tag (`zh`, `zh-Hant`, `en-GB`…); English when not spoken.
pub fn strings(lang: &str) -> &'static Strings {
    if lang.split(['-', '_']).next().is_some_and(|base| base.eq_ignore_ascii_case("zh")) {
        &ZH
    } else {
        &EN
    }
}

impl Strings {
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
}
