//! The widget's own words. Map content carries its own translations; these are the labels
//! around it, in every language the widget speaks (English is the fallback).

use crate::model::{lang_base, ArgumentMap, JsonType, LinkRelation, PictureLabel, Problem, ProblemKind, Relation, Side, Tally};

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
    /// The parts of "3 hidden: 2 supporting, 1 attacking" (see `Strings::hidden`).
    pub hidden_total: fn(usize) -> String,
    pub n_supporting: fn(usize) -> String,
    pub n_attacking: fn(usize) -> String,
    pub n_answers: fn(usize) -> String,
    /// Children whose relation the exercise hides: "2 to guess".
    pub n_to_guess: fn(usize) -> String,
    pub list_separator: &'static str,
    pub toolbar: &'static str,
    /// The toolbar's menu of what a first reading rarely needs.
    pub more: &'static str,
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
    pub unnamed_source: &'static str,
    pub no_evidence: &'static str,
    pub who_is_speaking: &'static str,
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
    /// Before a critical question for the class (`prompt`, a tour stop's `question`).
    pub for_discussion: &'static str,
    /// On a card: "⇄ 2 links" to nodes not on the map now.
    pub links_elsewhere: fn(usize) -> String,
    /// The view switch, the zoom controls and the picture.
    pub view_map: &'static str,
    pub view_outline: &'static str,
    pub view_switch: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_fit: &'static str,
    pub save_picture: &'static str,
    /// "Copy as outline": what is open now, as Markdown, onto the clipboard.
    pub copy_outline: &'static str,
    pub copied_outline: &'static str,
    /// Where the clipboard is refused (an insecure page, a denied permission): saved as a file.
    pub saved_outline: &'static str,
    /// Under the title: how many positions and claims argue each side, shown and in all.
    pub balance: fn(&str, usize, usize, usize, usize) -> String,
    /// Where the articles contradict and where they agree, in the balance line.
    pub collision_count: fn(usize, usize) -> String,
    /// Where a search matched, when not in the claim as shown: "In the source's words: …".
    pub found_in_text: &'static str,
    pub found_in_detail: &'static str,
    pub found_in_quote: &'static str,
    pub found_in_translation: &'static str,
    /// The static fallback's words about itself (`argmap render`): under the title, what this
    /// version is; the labels of its parts; between the parts of a source line.
    pub fallback_note: &'static str,
    pub fallback_evidence: &'static str,
    pub fallback_translation: &'static str,
    pub fallback_source: &'static str,
    pub fallback_read_critically: &'static str,
    pub comma: &'static str,
    /// The exercise: its hint, the running score ("3 of 4 right"), a hidden relation, the guess.
    pub exercise_hint: &'static str,
    pub score: fn(usize, usize) -> String,
    pub relation_hidden: &'static str,
    pub your_guess: &'static str,
    pub which_article: &'static str,
    pub not_sure: &'static str,
    pub right: &'static str,
    pub wrong: &'static str,
    pub the_answer: &'static str,
    pub you_guessed: &'static str,
    /// Marks as a file: save, load, the reader's name, what loading did.
    pub save_marks: &'static str,
    /// Forgets the exercise's answers (a phone passed to the next student, a second try).
    pub start_again: &'static str,
    pub load_marks: &'static str,
    pub your_name: &'static str,
    pub marks_loaded: fn(usize, usize) -> String,
    pub marks_refused: &'static str,
    /// The source × source table of contradicting and agreeing links.
    pub collisions: &'static str,
    pub collisions_caption: &'static str,
    pub collision_cell: fn(usize, usize) -> String,
    /// What is wrong with a map, in words (see `Strings::located_problem` for path and place).
    pub problem: fn(&ProblemKind) -> String,
    /// "line 3, column 9: " before a problem that has a place in the text.
    pub at_line: fn(usize, usize) -> String,
}

const EN: Strings = Strings {
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
    n_to_guess: |n| format!("{n} to guess"),
    list_separator: ", ",
    toolbar: "Map controls",
    more: "More",
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
    unnamed_source: "The source here is not named (an insider, \"people familiar\").",
    no_evidence: "This is asserted without evidence.",
    who_is_speaking: "Ask who is speaking here, and why.",
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
    for_discussion: "For discussion:",
    links_elsewhere: |n| if n == 1 { "⇄ 1 link".into() } else { format!("⇄ {n} links") },
    view_map: "Map",
    view_outline: "Outline",
    view_switch: "View",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    zoom_fit: "Fit",
    save_picture: "Save picture",
    copy_outline: "Copy as outline",
    copied_outline: "Copied the open claims as a Markdown outline",
    saved_outline: "The clipboard is not available here: saved the outline as a Markdown file",
    balance: |side, positions, claims, all_positions, all_claims| {
        format!("{side}: {positions}/{all_positions} positions, {claims}/{all_claims} claims")
    },
    collision_count: |contradicts, agrees| format!("⚡ {contradicts} contradictions, {agrees} agreements"),
    found_in_text: "In another language",
    found_in_detail: "In the details",
    found_in_quote: "In the source's words",
    found_in_translation: "In a translation",
    fallback_note: "Static version of an interactive argument map. Open a point to see what supports and attacks it.",
    fallback_evidence: "In the sources' own words",
    fallback_translation: "Translation:",
    fallback_source: "Source:",
    fallback_read_critically: "Read critically:",
    comma: ", ",
    exercise_hint: "Predict, then see: open a claim, select each new one and guess in its details how it bears on the claim above.",
    score: |right, answered| format!("{right} of {answered} right"),
    relation_hidden: "Relation hidden until you guess it in the details",
    your_guess: "Your guess: does this claim support or attack the one above?",
    which_article: "Which article is it from?",
    not_sure: "Not sure",
    right: "Right.",
    wrong: "Not quite.",
    the_answer: "The answer:",
    you_guessed: "You guessed:",
    save_marks: "Save my marks",
    start_again: "Start the exercise again",
    load_marks: "Load marks",
    your_name: "Your name (optional)",
    marks_loaded: |marks, answers| format!("Loaded {marks} marks and {answers} answers."),
    marks_refused: "These marks were not loaded; nothing changed:",
    collisions: "Where the articles collide",
    collisions_caption: "Links between the articles: how many contradict / agree. Choose a number to list them.",
    collision_cell: |contradicts, agrees| format!("{contradicts} / {agrees}"),
    problem: en_problem,
    at_line: |line, column| format!("line {line}, column {column}: "),
};

fn en_type(t: JsonType) -> &'static str {
    match t {
        JsonType::Null => "null",
        JsonType::Boolean => "a boolean",
        JsonType::Number => "a number",
        JsonType::String => "a string",
        JsonType::Array => "an array",
        JsonType::Object => "an object",
        JsonType::Text => "an object of language -> text, like {\"en\": \"…\"}",
    }
}

fn en_problem(kind: &ProblemKind) -> String {
    use ProblemKind::*;
    match kind {
        TooLarge { megabytes, limit } => format!("the map is over {megabytes} MB; maps larger than {limit} MB are refused"),
        TooManyNodes { count, limit } => format!("{count} nodes; maps with more than {limit} are refused"),
        Syntax { detail } => format!("not valid JSON: {detail}"),
        NotUtf8 => "not valid JSON: the text is not UTF-8".into(),
        WrongType { expected, found } => format!("expected {}, found {}", en_type(*expected), en_type(*found)),
        UnsupportedFormat { found } => format!("unsupported format \"{found}\"; this reader knows \"argmap/1\""),
        FormatNotString { found } => format!("expected the string \"argmap/1\", found {}", en_type(*found)),
        MissingFormat => "missing; expected \"argmap/1\"".into(),
        Missing => "missing".into(),
        Empty => "empty".into(),
        EmptyText => "empty: give the text in at least one language".into(),
        EmptyLanguages => "empty: name at least one language, like [\"en\"]".into(),
        EmptyNodes => "empty: a map needs at least its root node".into(),
        UnknownValue { found, expected } => format!("unknown value \"{found}\"; expected one of {}", expected.join(", ")),
        PositionWithoutSide => "missing: every position states its side (open, closed or neutral)".into(),
        NotWebLink => "only http:// and https:// links are allowed".into(),
        DuplicateSource { id, first } => format!("duplicate source id \"{id}\" (first at {first})"),
        DuplicateNode { id, first } => format!("duplicate node id \"{id}\" (first at {first})"),
        UnknownNode { id } => format!("unknown node \"{id}\""),
        UnknownSource { id } => format!("unknown source \"{id}\""),
        RootHasParent { root } => format!("the root \"{root}\" must not have a parent"),
        SecondRoot { id, root } => format!("second root: \"{id}\" has no parent, but only the root \"{root}\" may"),
        SelfLink => "a node cannot link to itself".into(),
        Cycle { ids } => format!("cycle: {} (each is the parent of the one before)", ids.join(" -> ")),
        Unreachable { url, reason } => format!("could not load {url}: {reason}"),
        Http { url, status, status_text } => format!("could not load {url}: HTTP {status} {status_text}"),
        MarksForAnotherMap { found, expected } => format!("these marks are for the map \"{found}\", not for this map \"{expected}\""),
        NewerMarks { found } => {
            format!("the file is in a newer format, \"{found}\"; this reader knows \"argmap-marks/1\": update argmap to read it")
        }
        MapNotMarks { found } => format!("this is a map (\"{found}\"), not a marks file"),
        NotMarks { found } => format!("not a marks file: expected \"format\": \"argmap-marks/1\", found \"{found}\""),
        NotAnExercise { id } => format!("the exercise does not ask about \"{id}\": it neither supports nor attacks its parent"),
        TooLong { limit } => format!("longer than {limit} characters"),
    }
}

fn zh_type(t: JsonType) -> &'static str {
    match t {
        JsonType::Null => "null",
        JsonType::Boolean => "布尔值",
        JsonType::Number => "数字",
        JsonType::String => "字符串",
        JsonType::Array => "数组",
        JsonType::Object => "对象",
        JsonType::Text => "“语言 -> 文本”的对象，如 {\"zh\": \"…\"}",
    }
}

fn zh_problem(kind: &ProblemKind) -> String {
    use ProblemKind::*;
    match kind {
        TooLarge { megabytes, limit } => format!("论证图超过 {megabytes} MB；大于 {limit} MB 的论证图不予加载"),
        TooManyNodes { count, limit } => format!("共 {count} 个节点；超过 {limit} 个节点的论证图不予加载"),
        Syntax { detail } => format!("不是有效的 JSON：{detail}"),
        NotUtf8 => "不是有效的 JSON：文本不是 UTF-8 编码".into(),
        WrongType { expected, found } => format!("应为{}，实为{}", zh_type(*expected), zh_type(*found)),
        UnsupportedFormat { found } => format!("不支持的格式“{found}”；本阅读器只认识“argmap/1”"),
        FormatNotString { found } => format!("应为字符串“argmap/1”，实为{}", zh_type(*found)),
        MissingFormat => "缺失；应为“argmap/1”".into(),
        Missing => "缺失".into(),
        Empty => "为空".into(),
        EmptyText => "为空：至少用一种语言写出文本".into(),
        EmptyLanguages => "为空：至少列出一种语言，如 [\"zh\"]".into(),
        EmptyNodes => "为空：论证图至少要有根节点".into(),
        UnknownValue { found, expected } => format!("未知的值“{found}”；应为以下之一：{}", expected.join("、")),
        PositionWithoutSide => "缺失：每个立场都要写明所属一方（open、closed 或 neutral）".into(),
        NotWebLink => "只允许 http:// 和 https:// 链接".into(),
        DuplicateSource { id, first } => format!("来源 id“{id}”重复（首次出现在 {first}）"),
        DuplicateNode { id, first } => format!("节点 id“{id}”重复（首次出现在 {first}）"),
        UnknownNode { id } => format!("未知的节点“{id}”"),
        UnknownSource { id } => format!("未知的来源“{id}”"),
        RootHasParent { root } => format!("根节点“{root}”不能有父节点"),
        SecondRoot { id, root } => format!("第二个根：“{id}”没有父节点，但只有根节点“{root}”可以没有"),
        SelfLink => "节点不能链接到自身".into(),
        Cycle { ids } => format!("循环：{}（每个都是前一个的父节点）", ids.join(" -> ")),
        Unreachable { url, reason } => format!("无法加载 {url}：{reason}"),
        Http { url, status, status_text } => format!("无法加载 {url}：HTTP {status} {status_text}"),
        MarksForAnotherMap { found, expected } => format!("这些标记属于论证图“{found}”，不是本图“{expected}”"),
        NewerMarks { found } => format!("文件格式“{found}”较新；本阅读器只认识“argmap-marks/1”，请更新 argmap"),
        MapNotMarks { found } => format!("这是论证图（“{found}”），不是标记文件"),
        NotMarks { found } => format!("不是标记文件：应为 \"format\": \"argmap-marks/1\"，实为“{found}”"),
        NotAnExercise { id } => format!("练习不涉及“{id}”：它既不支持也不反驳其上级"),
        TooLong { limit } => format!("超过 {limit} 个字符"),
    }
}

const ZH: Strings = Strings {
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
    n_to_guess: |n| format!("{n} 条待猜"),
    list_separator: "，",
    toolbar: "论证图工具",
    more: "更多",
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
    unnamed_source: "此处的消息来源没有具名（“知情人士”“内部人士”）。",
    no_evidence: "此处只有断言，没有给出证据。",
    who_is_speaking: "想一想：这里是谁在说话，为什么这样说。",
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
    for_discussion: "讨论：",
    links_elsewhere: |n| format!("⇄ {n} 条关联"),
    view_map: "论证图",
    view_outline: "大纲",
    view_switch: "视图",
    zoom_in: "放大",
    zoom_out: "缩小",
    zoom_fit: "适合窗口",
    save_picture: "保存图片",
    copy_outline: "复制为提纲",
    copied_outline: "已将展开的论点复制为 Markdown 提纲",
    saved_outline: "此处无法使用剪贴板：提纲已另存为 Markdown 文件",
    balance: |side, positions, claims, all_positions, all_claims| {
        format!("{side}：立场 {positions}/{all_positions}，论点 {claims}/{all_claims}")
    },
    collision_count: |contradicts, agrees| format!("⚡ 相互矛盾 {contradicts} 处，一致 {agrees} 处"),
    found_in_text: "其他语言中",
    found_in_detail: "详情中",
    found_in_quote: "原文中",
    found_in_translation: "译文中",
    fallback_note: "这是交互式论证图的静态版本。展开任一论点，可看到支持和反驳它的理由。",
    fallback_evidence: "原文摘录",
    fallback_translation: "译文：",
    fallback_source: "出处：",
    fallback_read_critically: "阅读提示：",
    comma: "，",
    exercise_hint: "先猜，再看：展开一个论点，选中新出现的论点，在详情里猜它与上级论点的关系。",
    score: |right, answered| format!("答对 {right} 题，共 {answered} 题"),
    relation_hidden: "关系已隐藏：请在详情中猜测",
    your_guess: "你的猜测：这个论点支持还是反驳上级论点？",
    which_article: "它出自哪篇文章？",
    not_sure: "不确定",
    right: "答对了。",
    wrong: "不太对。",
    the_answer: "答案：",
    you_guessed: "你的猜测：",
    save_marks: "保存我的标记",
    start_again: "重新开始练习",
    load_marks: "载入标记",
    your_name: "你的名字（可不填）",
    marks_loaded: |marks, answers| format!("已载入 {marks} 个标记和 {answers} 个答案。"),
    marks_refused: "标记未载入，什么也没有改变：",
    collisions: "文章交锋之处",
    collisions_caption: "文章两两之间的关联：相互矛盾 / 观点一致 各有几条。选择数字可列出它们。",
    collision_cell: |contradicts, agrees| format!("{contradicts} / {agrees}"),
    problem: zh_problem,
    at_line: |line, column| format!("第 {line} 行第 {column} 列："),
};

/// What a side is called in `lang`: the map's own name for it ("Allow", "开源"), else the
/// widget's word.
pub fn side_name<'a>(map: &'a ArgumentMap, side: Side, lang: &str) -> &'a str {
    map.side_name(side, lang).unwrap_or_else(|| strings(lang).side(side))
}

/// The strings for a language tag (`zh`, `zh-Hant`, `en-GB`…); English when not spoken.
pub fn strings(lang: &str) -> &'static Strings {
    if lang_base(lang) == "zh" {
        &ZH
    } else {
        &EN
    }
}

/// A language's name in its own words, for the language buttons; the tag itself for a language
/// this table does not know (Intl.DisplayNames would cost a JS call per button and is missing
/// in some embedded browsers).
pub fn language_name(tag: &str) -> String {
    let known = match tag.to_ascii_lowercase().as_str() {
        "zh-hant" | "zh-tw" | "zh-hk" => Some("繁體中文"),
        "zh-hans" | "zh-cn" => Some("简体中文"),
        _ => None,
    };
    let name = known.or(match lang_base(tag).as_str() {
        "zh" => Some("中文"),
        "en" => Some("English"),
        "de" => Some("Deutsch"),
        "fr" => Some("Français"),
        "es" => Some("Español"),
        "it" => Some("Italiano"),
        "pt" => Some("Português"),
        "nl" => Some("Nederlands"),
        "ru" => Some("Русский"),
        "uk" => Some("Українська"),
        "pl" => Some("Polski"),
        "ja" => Some("日本語"),
        "ko" => Some("한국어"),
        "ar" => Some("العربية"),
        "he" => Some("עברית"),
        "fa" => Some("فارسی"),
        "hi" => Some("हिन्दी"),
        "tr" => Some("Türkçe"),
        "vi" => Some("Tiếng Việt"),
        "id" => Some("Bahasa Indonesia"),
        _ => None,
    });
    name.map_or_else(|| tag.to_owned(), str::to_owned)
}

impl Strings {
    /// A cross-link's relation, as its label on the map says it.
    pub fn link_word(&self, relation: LinkRelation) -> &'static str {
        match relation {
            LinkRelation::Contradicts => self.contradicts,
            LinkRelation::Agrees => self.agrees,
            LinkRelation::Supports => self.link_supports,
            LinkRelation::Attacks => self.link_attacks,
        }
    }

    /// The words of the saved picture, for `model::picture`.
    pub fn picture_label(&self, map: &ArgumentMap, label: PictureLabel, lang: &str) -> String {
        match label {
            PictureLabel::Link(relation) => self.link_word(relation).to_owned(),
            PictureLabel::Caption(n) => {
                let node = &map.nodes[n];
                let side = side_name(map, node.side, lang);
                match node.shown_relation() {
                    Some(r) => [self.relation(r), " · ", side].concat(),
                    None => side.to_owned(),
                }
            }
            PictureLabel::Hidden(n) => self.hidden(
                map.nodes[n].children.len(),
                map.count_children(n, Relation::Supports),
                map.count_children(n, Relation::Attacks),
                0,
            ),
        }
    }

    /// A problem with its path and, when it has one, its place: "line 3, column 9: …".
    pub fn located_problem(&self, problem: &Problem) -> String {
        let mut out = problem.position.map(|(line, column)| (self.at_line)(line, column)).unwrap_or_default();
        if !problem.path.is_empty() {
            out.push_str(&problem.path);
            out.push_str(": ");
        }
        out.push_str(&(self.problem)(&problem.kind));
        out
    }

    /// What a closed node hides: "3 hidden: 2 supporting, 1 attacking"; with the exercise on,
    /// the children still to guess are counted apart ("2 to guess").
    pub fn hidden(&self, total: usize, supporting: usize, attacking: usize, guessing: usize) -> String {
        let answers = total.saturating_sub(supporting + attacking + guessing);
        let parts: Vec<String> =
            [(supporting, self.n_supporting), (attacking, self.n_attacking), (guessing, self.n_to_guess), (answers, self.n_answers)]
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
            "unnamed-source" => self.unnamed_source,
            "no-evidence" => self.no_evidence,
            "who-is-speaking" => self.who_is_speaking,
            other => other,
        }
    }
}
