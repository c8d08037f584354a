//! Checking quotes against their source's text: found verbatim, found only leniently, or not
//! found with the closest passage and each difference classified.
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::*;

/// A short article in the style of the flagship's sources: Traditional characters with
/// half-width commas and colons (as 000), a Simplified paragraph with full-width ones.
const ARTICLE: &str = "開原始碼、商業利益與大國博弈\n\n\
文|研究院\n\
中國自媒體上則是另一番景象,大家歌頌這是重大勝利。\n\
开源不是慈善，而是战略：它争夺的是生态与标准。\n\
最后一行  有两个空格。\n";

fn not_found(quote: &str) -> Passage {
    match SourceText::new(ARTICLE).check(quote, Leniency::default()) {
        QuoteFound::NotFound(Some(passage)) => passage,
        other => panic!("{quote}: expected a closest passage, got {other:?}"),
    }
}

fn kinds_and_texts(p: &Passage) -> Vec<(DifferenceKind, &str, &str)> {
    p.differences.iter().map(|d| (d.kind, d.quote.as_str(), d.source.as_str())).collect()
}

#[test]
fn a_verbatim_quote_is_found() {
    let text = SourceText::new(ARTICLE);
    assert_eq!(text.check("大家歌頌這是重大勝利", Leniency::default()), QuoteFound::Verbatim);
    assert_eq!(text.check("开源不是慈善，而是战略", Leniency { width: true }), QuoteFound::Verbatim);
}

#[test]
fn full_width_punctuation_for_half_width_is_named_with_its_place() {
    let p = not_found("中國自媒體上則是另一番景象，大家歌頌");
    assert_eq!((p.line, p.column), (4, 1));
    assert_eq!(p.text, "中國自媒體上則是另一番景象,大家歌頌");
    assert_eq!(kinds_and_texts(&p), [(DifferenceKind::Width, "，", ",")]);
    assert_eq!((p.differences[0].line, p.differences[0].column), (4, 14));
    assert_eq!(p.kinds(), [DifferenceKind::Width]);
}

#[test]
fn the_width_leniency_finds_it_and_says_so() {
    let text = SourceText::new(ARTICLE);
    assert_eq!(text.check("开源不是慈善,而是战略:它", Leniency { width: true }), QuoteFound::Lenient);
    // Curly quotation marks read as straight ones too; other differences still count.
    assert_eq!(SourceText::new("他说\"开源\"。").check("他说“开源”。", Leniency { width: true }), QuoteFound::Lenient);
    assert!(matches!(text.check("开源不是慈悲,而是", Leniency { width: true }), QuoteFound::NotFound(Some(_))));
}

#[test]
fn simplified_characters_for_traditional_ones_are_named() {
    let p = not_found("中国自媒体上则是另一番景象");
    assert_eq!(p.text, "中國自媒體上則是另一番景象");
    assert_eq!(
        kinds_and_texts(&p),
        [(DifferenceKind::Script, "国", "國"), (DifferenceKind::Script, "体", "體"), (DifferenceKind::Script, "则", "則")]
    );
    // And the other way round: a Traditional quote of a Simplified paragraph.
    let p = not_found("它爭奪的是生態與標準");
    assert_eq!(p.text, "它争夺的是生态与标准");
    assert!(p.differences.iter().all(|d| d.kind == DifferenceKind::Script), "{p:?}");
}

#[test]
fn whitespace_differences_are_named_apart() {
    let p = not_found("最后一行 有两个空格");
    assert_eq!(p.text, "最后一行  有两个空格");
    assert_eq!(kinds_and_texts(&p), [(DifferenceKind::Whitespace, "", " ")]);
    // A quote that runs over a line break, written with a space.
    let p = not_found("与标准。 最后一行");
    assert_eq!(kinds_and_texts(&p), [(DifferenceKind::Whitespace, " ", "\n")]);
}

#[test]
fn other_differences_and_mixtures() {
    let p = not_found("开源不是慈悲，而是战略：它争夺生态与标准");
    assert_eq!(p.text, "开源不是慈善，而是战略：它争夺的是生态与标准");
    assert_eq!(kinds_and_texts(&p), [(DifferenceKind::Other, "悲", "善"), (DifferenceKind::Other, "", "的是")]);
    let p = not_found("开源不是慈善,而是戰略");
    assert_eq!(kinds_and_texts(&p), [(DifferenceKind::Width, ",", "，"), (DifferenceKind::Script, "戰", "战")]);
    assert_eq!(p.kinds(), [DifferenceKind::Width, DifferenceKind::Script]);
}

#[test]
fn a_quote_with_nothing_in_common_has_no_passage() {
    let text = SourceText::new(ARTICLE);
    assert_eq!(text.check("Nothing here at all", Leniency::default()), QuoteFound::NotFound(None));
    assert_eq!(text.check("", Leniency::default()), QuoteFound::Verbatim);
    assert_eq!(SourceText::new("").check("x", Leniency::default()), QuoteFound::NotFound(None));
}

#[test]
fn a_byte_order_mark_and_crlf_do_not_shift_lines() {
    let text = SourceText::new("\u{feff}first line\r\nsecond line here\r\n");
    match text.check("second  line", Leniency::default()) {
        QuoteFound::NotFound(Some(p)) => assert_eq!((p.line, p.column, p.text.as_str()), (2, 1, "second line")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_quote_of_a_source_in_the_map_is_checked() {
    let map = load(
        r#"{"format": "argmap/1", "id": "m", "title": "T", "languages": ["zh"],
        "sources": [{"id": "000", "title": "A", "lang": "zh-Hant"}, {"id": "001", "title": "B", "lang": "zh-Hans"}],
        "root": "q", "nodes": [
          {"id": "q", "kind": "question", "text": "Q?"},
          {"id": "p", "parent": "q", "kind": "position", "side": "open", "text": "P",
           "evidence": [{"source": "001", "quote": "elsewhere"}, {"source": "000", "quote": "大家歌頌"}, {"source": "000", "quote": "大家歌颂"}]}
        ]}"#,
    )
    .expect("a valid map");
    let checks = check_quotes(&map, 0, &SourceText::new(ARTICLE), Leniency::default());
    assert_eq!(checks.len(), 2);
    assert_eq!((checks[0].node, checks[0].evidence, &checks[0].found), (1, 1, &QuoteFound::Verbatim));
    assert_eq!((checks[1].node, checks[1].evidence), (1, 2));
    assert!(matches!(&checks[1].found, QuoteFound::NotFound(Some(p)) if p.kinds() == [DifferenceKind::Script]));
}

#[test]
fn a_long_source_and_many_quotes_stay_quick() {
    // 30,000 characters of one repeated sentence with a number in it, and 200 quotes that are
    // each a little off: the pairs index and the banded vote keep this well under a second.
    let mut article = String::new();
    for i in 0..1500 {
        article.push_str(&format!("第{i}段：开源是一场战略革命。\n"));
    }
    let text = SourceText::new(&article);
    let started = std::time::Instant::now();
    for i in 0..200 {
        let quote = format!("第{}段,开源是一场战略革命", i * 7);
        assert!(matches!(text.check(&quote, Leniency::default()), QuoteFound::NotFound(Some(_))));
    }
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

#[test]
fn a_long_quote_with_many_slips_is_still_aligned() {
    // 3,000 characters, every tenth one wrong: one alignment of the quote with a window a
    // little longer than it, not with the whole text.
    let mut article = String::new();
    for i in 0..2000 {
        article.push_str(&format!("第{i}句话说的是开源。"));
    }
    let text = SourceText::new(&article);
    let quote: String = article.chars().skip(500).take(3000).enumerate().map(|(i, c)| if i % 10 == 5 { '闭' } else { c }).collect();
    let started = std::time::Instant::now();
    match text.check(&quote, Leniency::default()) {
        QuoteFound::NotFound(Some(p)) => {
            assert_eq!(p.text, article.chars().skip(500).take(3000).collect::<String>());
            assert_eq!(p.differences.len(), 300);
            assert!(p.differences.iter().all(|d| d.kind == DifferenceKind::Other && d.quote == "闭"));
        }
        other => panic!("{other:?}"),
    }
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}
