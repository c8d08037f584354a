//! The saved picture of the map: a self-contained SVG with every shown claim as text.
#![cfg(not(target_arch = "wasm32"))]

mod maps;

use argmap::model::*;
use argmap::strings::strings;

const FLAGSHIP: &str = include_str!("../www/maps/open-vs-closed.json");

fn flagship_picture(lang: &str) -> (ArgumentMap, Vec<Row>, String) {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, lang).apply(&map, Action::ExpandToLevel(3)).apply(&map, Action::ShowAs(ViewMode::Map));
    let rows = view.rows(&map);
    let sizes = vec![Size { width: 240.0, height: 120.0 }; rows.len()];
    let laid = layout(&map, &rows, &sizes, &LayoutOptions::default());
    let svg = picture(&map, &rows, &laid, lang, &|label| strings(lang).picture_label(&map, label, lang)).to_svg();
    (map, rows, svg)
}

#[test]
fn the_picture_is_one_svg_document_with_balanced_elements() {
    let (_, _, svg) = flagship_picture("en");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    for tag in ["g", "text", "title"] {
        assert_eq!(
            svg.matches(&format!("<{tag}")).count() - svg.matches(&format!("<{tag}s")).count(),
            svg.matches(&format!("</{tag}>")).count(),
            "<{tag}>"
        );
    }
    assert!(!svg.contains("<script") && !svg.contains("href"), "nothing active in it");
}

#[test]
fn every_shown_claim_is_in_the_picture_as_text_in_either_language() {
    for lang in ["en", "zh"] {
        let (map, rows, svg) = flagship_picture(lang);
        let text: String = svg
            .split("<text")
            .skip(1)
            .filter_map(|t| t.split_once('>').map(|(_, rest)| rest.split("</text>").next().unwrap_or("")))
            .collect();
        for row in &rows {
            let claim: String = map.nodes[row.node].text.get(lang).chars().filter(|c| !c.is_whitespace()).take(12).collect();
            let claim = claim.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
            let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(squeezed.contains(&claim), "{lang}: {claim:?} is in the picture");
        }
    }
}

#[test]
fn wrapping_breaks_long_words_and_chinese_and_keeps_every_character() {
    let long = "x".repeat(300);
    let lines = wrap(&long, 200.0);
    assert!(lines.len() > 3);
    assert_eq!(lines.concat(), long);
    let zh = "开源还是闭源，这是一个问题。".repeat(5);
    let lines = wrap(&zh, 150.0);
    assert!(lines.len() > 3);
    assert_eq!(lines.concat(), zh);
    let words = "open source is the only road for large models in the long run";
    assert!(wrap(words, 120.0).iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
    assert_eq!(wrap(words, 120.0).join(" "), words);
}

#[test]
fn a_png_stays_within_what_browsers_allow_a_canvas_and_is_sharp_when_it_can_be() {
    let sized = |width, height| Picture { width, height, title: String::new(), background: "#fff", shapes: vec![] };
    assert_eq!(sized(1200, 800).png_scale(), 2.0, "an ordinary map at twice the CSS pixels");
    for (w, h) in [(40_000, 300), (300, 90_000), (20_000, 20_000), (1, 1), (0, 0), (-5, 7)] {
        let scale = sized(w, h).png_scale();
        let (dw, dh) = (w.max(1) as f32 * scale, h.max(1) as f32 * scale);
        assert!(scale > 0.0 && dw <= 16_000.5 && dh <= 16_000.5 && dw * dh <= 100_000_001.0, "{w}x{h} at {scale}");
    }
}

#[test]
fn cross_links_are_labelled_in_the_picture_and_attacks_are_dashed() {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, "en").apply(&map, Action::ExpandAll).apply(&map, Action::ShowAs(ViewMode::Map));
    let rows = view.rows(&map);
    let sizes = vec![Size { width: 240.0, height: 80.0 }; rows.len()];
    let laid = layout(&map, &rows, &sizes, &LayoutOptions::default());
    let drawn = cross_links(&map, &rows, &laid).drawn.len();
    assert!(drawn > 0, "the open flagship draws its cross-links");
    let drawn_picture = picture(&map, &rows, &laid, "en", &|label| match label {
        PictureLabel::Link(LinkRelation::Contradicts) => "CONTRA".into(),
        PictureLabel::Link(_) => "OTHER".into(),
        _ => String::new(),
    });
    let labels =
        drawn_picture.shapes.iter().filter(|s| matches!(s, Shape::Text { text, .. } if text == "CONTRA" || text == "OTHER")).count();
    assert_eq!(labels, drawn, "one label per drawn link");
    let cards = drawn_picture.shapes.iter().filter(|s| matches!(s, Shape::Card { .. })).count();
    assert_eq!(cards, rows.len());
    let attacks = laid.connectors.iter().filter(|c| c.relation == Some(Relation::Attacks)).count();
    let dashed =
        drawn_picture.shapes.iter().filter(|s| matches!(s, Shape::Line { dash: Some([6, 4]), colour, .. } if *colour == "#953800")).count();
    assert!(attacks > 0 && dashed >= attacks, "every attack is dashed ({dashed} of {attacks})");
}

#[test]
fn each_card_says_its_side_in_words_and_a_closed_card_what_it_hides() {
    let (map, rows, svg) = flagship_picture("en");
    let closed = rows.iter().enumerate().filter(|(i, r)| !map.nodes[r.node].children.is_empty() && !children_shown(&map, &rows, *i));
    assert!(closed.count() > 0);
    assert!(svg.contains("supporting") || svg.contains("attacking"), "closed cards say what they hide");
    for side in [Side::Open, Side::Closed] {
        let name = argmap::strings::side_name(&map, side, "en");
        assert!(svg.contains(&format!("font-weight=\"700\">Supports · {name}</text>")), "{name}: sides by word, not colour alone");
    }
}

#[test]
fn a_card_too_short_for_its_caption_keeps_its_whole_claim() {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, "en").apply(&map, Action::ExpandToLevel(3)).apply(&map, Action::ShowAs(ViewMode::Map));
    let rows = view.rows(&map);
    // Each card exactly as tall as its claim's lines: no room for anything else.
    let sizes: Vec<Size> = rows
        .iter()
        .map(|r| {
            let lines = wrap(map.nodes[r.node].text.get("en"), 240.0 - 16.0).len() as f32;
            Size { width: 240.0, height: 8.0 + 14.0 + (lines - 1.0) * 19.0 + 4.0 }
        })
        .collect();
    let laid = layout(&map, &rows, &sizes, &LayoutOptions::default());
    let drawn = picture(&map, &rows, &laid, "en", &|label| strings("en").picture_label(&map, label, "en"));
    let text: String = drawn
        .shapes
        .iter()
        .filter_map(|s| if let Shape::Text { text, bold: false, .. } = s { Some(text.as_str()) } else { None })
        .collect();
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for r in &rows {
        assert!(squeeze(&text).contains(&squeeze(map.nodes[r.node].text.get("en"))), "{:?} whole", map.nodes[r.node].id);
    }
    assert!(
        !drawn.shapes.iter().any(|s| matches!(s, Shape::Text { bold: true, text, .. } if text.contains(" · "))),
        "no caption squeezed in"
    );
}

/// Words for a reader doing the exercise who has guessed nothing yet.
struct Guessing<'a>(&'a ArgumentMap);

impl PictureWords for Guessing<'_> {
    fn label(&self, label: PictureLabel) -> String {
        match label {
            PictureLabel::Caption(n) if self.conceals(n) => "?".into(),
            _ => strings("en").picture_label(self.0, label, "en"),
        }
    }
    fn conceals(&self, node: NodeIdx) -> bool {
        self.0.nodes[node].shown_relation().is_some()
    }
}

#[test]
fn what_the_exercise_hides_stays_off_the_picture() {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, "en").apply(&map, Action::ExpandToLevel(4)).apply(&map, Action::ShowAs(ViewMode::Map));
    let rows = view.rows(&map);
    let sizes = vec![Size { width: 240.0, height: 120.0 }; rows.len()];
    let laid = layout(&map, &rows, &sizes, &LayoutOptions::default());
    let drawn = picture(&map, &rows, &laid, "en", &Guessing(&map));
    let concealed = rows.iter().filter(|r| map.nodes[r.node].shown_relation().is_some()).count();
    assert!(concealed > 0);
    let marks = drawn.shapes.iter().filter(|s| matches!(s, Shape::Text { text, .. } if text == "+" || text == "−")).count();
    assert_eq!(marks, 0, "no + or − on a connector still to guess");
    let neutral = drawn.shapes.iter().filter(|s| matches!(s, Shape::Card { ink, .. } if *ink == "#59636e")).count();
    assert!(neutral >= concealed, "a claim still to guess has no side colour");
    let svg = drawn.to_svg();
    assert!(!svg.contains("Supports · ") && !svg.contains("Attacks · "), "nor a relation in words");
}

#[test]
fn lines_across_a_huge_map_are_solid_and_short_ones_keep_their_dashes() {
    // One position over 300 claims, every other one attacking it: the lines to the far claims run
    // thousands of pixels (a dashed one of those takes a viewer seconds to paint).
    let json = maps::one_position_over(300);
    let map = load(&json).unwrap();
    let rows = ViewState::new(&map, "en").apply(&map, Action::ExpandAll).rows(&map);
    let laid = layout(&map, &rows, &vec![Size { width: 240.0, height: 60.0 }; rows.len()], &LayoutOptions::default());
    let picture = picture(&map, &rows, &laid, "en", &|label| strings("en").picture_label(&map, label, "en"));
    let attacks: Vec<(bool, bool)> = laid
        .connectors
        .iter()
        .filter(|c| c.relation == Some(Relation::Attacks))
        .map(|c| {
            let path = c.curve.svg_path();
            let dashed = picture.shapes.iter().any(|s| matches!(s, Shape::Line { path: p, dash: Some(_), .. } if *p == path));
            (c.curve.is_long(), dashed)
        })
        .collect();
    assert!(attacks.iter().any(|&(long, _)| long) && attacks.iter().any(|&(long, _)| !long), "long and short attack lines");
    assert!(attacks.iter().all(|&(long, dashed)| long != dashed), "dashed exactly when short: {attacks:?}");
}
