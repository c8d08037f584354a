//! The saved picture of the map: a self-contained SVG with every shown claim as text.
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::*;

const FLAGSHIP: &str = include_str!("../www/maps/open-vs-closed.json");

fn picture(lang: &str) -> (ArgumentMap, Vec<Row>, String) {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, lang).apply(&map, Action::ExpandToLevel(3)).apply(&map, Action::ShowAs(ViewMode::Map));
    let rows = view.rows(&map);
    let sizes = vec![Size { width: 240.0, height: 120.0 }; rows.len()];
    let laid = layout(&map, &rows, &sizes, &LayoutOptions::default());
    let svg = picture_svg(&map, &rows, &laid, lang);
    (map, rows, svg)
}

#[test]
fn the_picture_is_one_svg_document_with_balanced_elements() {
    let (_, _, svg) = picture("en");
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
        let (map, rows, svg) = picture(lang);
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
