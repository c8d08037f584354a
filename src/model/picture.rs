//! The map view as a picture to keep: a self-contained SVG of the shown cards where the layout
//! put them, the connectors, and the cross-links. Text stays text (searchable, selectable, in
//! both scripts with the system's fonts); lines are wrapped by an estimate of glyph widths,
//! since a file has no browser to measure with.

use super::layout::{cross_links, Layout};
use super::tree::Row;
use super::types::{ArgumentMap, LinkRelation, Relation, Side};

const PAD: f32 = 8.0;

/// Whole pixels (integer formatting: float formatting would cost the wasm about 14 KB).
fn px(v: f32) -> i32 {
    v.round() as i32
}
const FONT: f32 = 14.0;
const LINE: f32 = 19.0;

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Wide (CJK, full-width) characters take about a font size; others about half.
fn glyph_width(c: char) -> f32 {
    if ('\u{2e80}'..='\u{ffef}').contains(&c) {
        FONT
    } else {
        FONT * 0.55
    }
}

/// `text` broken into lines no wider than `width`, at spaces where there are any, anywhere in a
/// long word or in CJK text.
pub fn wrap(text: &str, width: f32) -> Vec<String> {
    let width = width.max(FONT * 2.0);
    let mut lines = Vec::new();
    let (mut line, mut used) = (String::new(), 0.0f32);
    let mut last_space: Option<usize> = None;
    for c in text.chars() {
        let w = glyph_width(c);
        if used + w > width && !line.is_empty() {
            match last_space.filter(|_| !c.is_whitespace()) {
                Some(at) => {
                    let rest = line.split_off(at);
                    lines.push(line.trim_end().to_owned());
                    line = rest.trim_start().to_owned();
                }
                None => lines.push(std::mem::take(&mut line).trim_end().to_owned()),
            }
            used = line.chars().map(glyph_width).sum();
            last_space = None;
        }
        if c.is_whitespace() {
            if line.is_empty() {
                continue;
            }
            last_space = Some(line.len());
        }
        line.push(c);
        used += w;
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

fn side_colours(side: Side) -> (&'static str, &'static str) {
    match side {
        Side::Open => ("#116329", "#dafbe1"),
        Side::Closed => ("#953800", "#fff1e5"),
        Side::Neutral => ("#59636e", "#eff2f5"),
    }
}

/// The SVG document of `rows` laid out as `layout` says, in `lang`.
pub fn picture_svg(map: &ArgumentMap, rows: &[Row], layout: &Layout, lang: &str) -> String {
    let (w, h) = (px(layout.width + 2.0 * PAD), px(layout.height + 2.0 * PAD));
    let (pad, font) = (px(PAD), px(FONT));
    let mut out = String::with_capacity(256 + rows.len() * 300);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif\" font-size=\"{font}\">\n"
    ));
    out.push_str("<title>");
    escape(map.title.get(lang), &mut out);
    out.push_str("</title>\n");
    out.push_str(&format!("<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n<g transform=\"translate({pad} {pad})\">\n"));
    for c in &layout.connectors {
        let dash = if c.relation == Some(Relation::Attacks) { " stroke-dasharray=\"6 4\"" } else { "" };
        out.push_str(&format!("<path d=\"{}\" fill=\"none\" stroke=\"#8c959f\" stroke-width=\"1.5\"{dash}/>\n", c.curve.svg_path()));
        let mark = match c.relation {
            Some(Relation::Supports) => "+",
            Some(Relation::Attacks) => "−",
            _ => "",
        };
        if !mark.is_empty() {
            let at = c.curve.point_at(0.8);
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" fill=\"#59636e\" font-weight=\"700\">{mark}</text>\n",
                px(at.x),
                px(at.y - 4.0)
            ));
        }
    }
    for l in cross_links(map, rows, layout).drawn {
        let colour = if l.relation == LinkRelation::Contradicts { "#953800" } else { "#116329" };
        out.push_str(&format!(
            "<path d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"2 4\"/>\n",
            l.curve.svg_path()
        ));
    }
    for (row, rect) in rows.iter().zip(&layout.cards) {
        let Some(node) = map.nodes.get(row.node) else { continue };
        let (ink, paper) = side_colours(node.side);
        out.push_str(&format!(
            "<g><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"{paper}\" stroke=\"{ink}\" stroke-width=\"1.5\"/>\n",
            px(rect.x),
            px(rect.y),
            px(rect.width),
            px(rect.height)
        ));
        let mut y = rect.y + PAD + FONT;
        for line in wrap(node.text.get(lang), rect.width - 2.0 * PAD) {
            if y > rect.y + rect.height {
                break;
            }
            out.push_str(&format!("<text x=\"{}\" y=\"{}\" fill=\"#1f2328\">", px(rect.x + PAD), px(y)));
            escape(&line, &mut out);
            out.push_str("</text>\n");
            y += LINE;
        }
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n</svg>\n");
    out
}
