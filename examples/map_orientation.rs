//! Which way should the map grow? Lays out the flagship with estimated card sizes, growing right
//! (Markmap), growing down (Rationale) and as two sides (open left, closed right), opened to
//! level 2, 3 and fully, in Chinese and in English, and says how each fits a 640 px blog column
//! and a 1280 px page. docs/map-view.md reports the result (right and down).
//!
//!   cargo run --release --example map_orientation -- [MAP.json]
//!
//! Card sizes are estimated, not measured: 16 px type at line-height 1.6 (25.6 px a line), a card
//! between 15 and 18 em wide (240–288 px: as wide as its text needs, then wrapping), padding
//! 8 px × 12 px and a 2 px border, a header line for the side and relation (18 px + 4 px), and a
//! "3 supporting, 2 attacking" line (21 px) under a node that has children. A Chinese character is
//! 1 em wide, any other character 0.5 em, and wrapping wastes 10 % of a line of English.

use argmap::model::*;

const FONT: f32 = 16.0;
const MIN_WIDTH: f32 = 15.0 * FONT;
const MAX_WIDTH: f32 = 18.0 * FONT;
const CHROME_X: f32 = 2.0 * 12.0 + 2.0 * 2.0;
const LINE: f32 = 25.6;

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

fn card(map: &ArgumentMap, node: NodeIdx, lang: &str) -> Size {
    let text = map.nodes[node].text.get(lang);
    let latin = text.chars().filter(|&c| !is_wide(c)).count() as f32;
    let wide = text.chars().filter(|&c| is_wide(c)).count() as f32;
    let natural = wide * FONT + latin * FONT * 0.5 * if latin > wide { 1.1 } else { 1.0 };
    let width = (natural + CHROME_X).clamp(MIN_WIDTH, MAX_WIDTH);
    let lines = (natural / (width - CHROME_X)).ceil().max(1.0);
    let hidden_line = if map.nodes[node].children.is_empty() { 0.0 } else { 21.0 };
    Size { width, height: 2.0 * 8.0 + 2.0 * 2.0 + 22.0 + lines * LINE + hidden_line }
}

struct Fit {
    width: f32,
    height: f32,
}

impl Fit {
    /// The zoom that fits the drawing in a box (never above 1).
    fn zoom(&self, w: f32, h: f32) -> f32 {
        (w / self.width).min(h / self.height).min(1.0)
    }
}

fn main() {
    let file = std::env::args().nth(1).unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/www/maps/open-vs-closed.json").to_owned());
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let map = load(&text).unwrap_or_else(|p| panic!("{file}: {}", p[0]));
    println!("| lang | opened | cards | grows | packing | extent (px) | zoom to fit the width: 640 / 1280 | zoom to fit 640 × 480 / 1280 × 720 | sideways scroll at zoom 1: 640 / 1280 |");
    println!("|---|---|--:|---|---|--:|--:|--:|--:|");
    for lang in ["zh", "en"] {
        let first_position = side_order(&map)[0];
        let scenarios = [
            ("level 2 (the opening view)", vec![Action::ExpandToLevel(2)]),
            ("level 2 + one position", vec![Action::ExpandToLevel(2), Action::Toggle(first_position)]),
            ("level 3", vec![Action::ExpandToLevel(3)]),
            ("all", vec![Action::ExpandAll]),
        ];
        for (opened, actions) in scenarios {
            let view = actions.into_iter().fold(ViewState::new(&map, lang), |v, a| v.apply(&map, a));
            let rows = rows_by_side(&map, &view.rows(&map));
            let sizes: Vec<Size> = rows.iter().map(|r| card(&map, r.node, lang)).collect();
            for orientation in [Orientation::Right, Orientation::Down, Orientation::Sides] {
                for packing in [Packing::Compact, Packing::Bands] {
                    let options = LayoutOptions { orientation, packing, ..LayoutOptions::default() };
                    let l = layout(&map, &rows, &sizes, &options);
                    let fit = Fit { width: l.width, height: l.height };
                    println!(
                        "| {lang} | {opened} | {} | {} | {} | {:.0} × {:.0} | {:.2} / {:.2} | {:.2} / {:.2} | {:.0} / {:.0} |",
                        rows.len(),
                        match orientation {
                            Orientation::Right => "right",
                            Orientation::Down => "down",
                            Orientation::Sides => "sides",
                        },
                        if packing == Packing::Compact { "compact" } else { "bands" },
                        l.width,
                        l.height,
                        (640.0 / l.width).min(1.0),
                        (1280.0 / l.width).min(1.0),
                        fit.zoom(640.0, 480.0),
                        fit.zoom(1280.0, 720.0),
                        (l.width - 640.0).max(0.0),
                        (l.width - 1280.0).max(0.0),
                    );
                }
            }
        }
    }
}
