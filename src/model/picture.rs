//! The map view as a picture to keep: the shown cards where the layout put them, the
//! connectors and the cross-links, as a list of shapes that two painters share — a
//! self-contained SVG (`Picture::to_svg`, here) and a PNG (the widget paints the same shapes on
//! a canvas). Text stays text in the SVG (searchable, selectable, both scripts in the system's
//! fonts); lines are wrapped by an estimate of glyph widths, since a file has no browser to
//! measure with, and the PNG uses the same lines so the two pictures agree.

use super::layout::{cross_links, Layout};
use super::tree::{children_shown, Row};
use super::types::{ArgumentMap, LinkRelation, NodeIdx, Relation, Side};

/// Room around the drawing, in CSS pixels.
pub const PICTURE_PAD: i32 = 8;
/// The picture's font, for the SVG's `font-family` and the canvas's `font`.
pub const PICTURE_FONTS: &str = "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
pub const PICTURE_FONT_SIZE: i32 = 14;

const PAD: f32 = PICTURE_PAD as f32;
const FONT: f32 = PICTURE_FONT_SIZE as f32;
const LINE: f32 = 19.0;
const PAPER: &str = "#ffffff";
const INK: &str = "#1f2328";
const MUTED: &str = "#59636e";
const OPEN: &str = "#116329";
const CLOSED: &str = "#953800";

/// Whole pixels (integer formatting: float formatting would cost the wasm about 14 KB).
fn px(v: f32) -> i32 {
    v.round() as i32
}

/// One thing to draw, in layout coordinates (the painter adds `PICTURE_PAD`).
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A stroked curve: its SVG path data, which a canvas also reads (`Path2D`).
    Line { path: String, colour: &'static str, width: i32, dash: Option<[i32; 2]> },
    /// A card: a rounded rectangle filled with `paper` and outlined with `ink`.
    Card { x: i32, y: i32, width: i32, height: i32, ink: &'static str, paper: &'static str },
    /// One line of text, `y` at its baseline.
    Text { x: i32, y: i32, colour: &'static str, bold: bool, text: String },
}

/// The whole picture: its size (the drawing plus `PICTURE_PAD` all round), title and shapes.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub width: i32,
    pub height: i32,
    pub title: String,
    pub background: &'static str,
    pub shapes: Vec<Shape>,
}

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

/// How wide `text` is estimated to be in the picture's type.
pub fn text_width(text: &str) -> f32 {
    text.chars().map(glyph_width).sum()
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
        Side::Open => (OPEN, "#dafbe1"),
        Side::Closed => (CLOSED, "#fff1e5"),
        Side::Neutral => (MUTED, "#eff2f5"),
    }
}

/// The words a picture needs, asked of the interface (the model keeps no interface words).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Label {
    /// A cross-link's relation: "contradicts".
    Link(LinkRelation),
    /// The line above a card's claim, so the side reads by word as well as colour: "Supports · Open".
    Caption(NodeIdx),
    /// Under a closed card that has children: what it hides, "3 supporting, 2 attacking".
    Hidden(NodeIdx),
}

/// What a picture asks of the interface: its words, and what the reader is not to see yet.
pub trait PictureWords {
    fn label(&self, label: Label) -> String;
    /// Whether how `node` bears on its parent is the reader's to guess (the exercise): its
    /// connector, relation and side stay off the picture as they stay off the screen.
    fn conceals(&self, _node: NodeIdx) -> bool {
        false
    }
}

impl<F: Fn(Label) -> String> PictureWords for F {
    fn label(&self, label: Label) -> String {
        self(label)
    }
}

/// The picture of `rows` laid out as `layout` says, in `lang`, with `words` in that language.
pub fn picture(map: &ArgumentMap, rows: &[Row], layout: &Layout, lang: &str, words: &dyn PictureWords) -> Picture {
    let mut shapes = Vec::with_capacity(rows.len() * 4);
    for c in &layout.connectors {
        let concealed = rows.get(c.child).is_some_and(|r| words.conceals(r.node));
        let (colour, dash, mark) = match c.relation.filter(|_| !concealed) {
            Some(Relation::Supports) => (OPEN, None, "+"),
            Some(Relation::Attacks) => (CLOSED, Some([6, 4]), "−"),
            _ if concealed => (MUTED, Some([2, 4]), ""),
            _ => (MUTED, None, ""),
        };
        shapes.push(Shape::Line { path: c.curve.svg_path(), colour, width: 2, dash: dash.filter(|_| !c.curve.is_long()) });
        if !mark.is_empty() {
            let at = c.curve.point_at(0.8);
            shapes.push(Shape::Text { x: px(at.x), y: px(at.y - 4.0), colour, bold: true, text: mark.to_owned() });
        }
    }
    for l in cross_links(map, rows, layout).drawn {
        let colour = match l.relation {
            LinkRelation::Contradicts | LinkRelation::Attacks => CLOSED,
            LinkRelation::Agrees | LinkRelation::Supports => OPEN,
        };
        let dash = match l.relation {
            LinkRelation::Contradicts | LinkRelation::Agrees => [2, 4],
            LinkRelation::Supports | LinkRelation::Attacks => [6, 4],
        };
        shapes.push(Shape::Line { path: l.curve.svg_path(), colour, width: 2, dash: Some(dash).filter(|_| !l.curve.is_long()) });
        let at = l.curve.point_at(0.5);
        shapes.push(Shape::Text { x: px(at.x), y: px(at.y), colour: MUTED, bold: false, text: words.label(Label::Link(l.relation)) });
    }
    for (i, (row, rect)) in rows.iter().zip(&layout.cards).enumerate() {
        let Some(node) = map.nodes.get(row.node) else { continue };
        let (ink, paper) = side_colours(if words.conceals(row.node) { Side::Neutral } else { node.side });
        shapes.push(Shape::Card { x: px(rect.x), y: px(rect.y), width: px(rect.width), height: px(rect.height), ink, paper });
        let x = px(rect.x + PAD);
        let first = rect.y + PAD + FONT;
        // Cards were sized by the browser, lines here by an estimate: when they disagree the
        // claim keeps its room, then the caption, then what a closed card hides.
        let room = if rect.height + rect.y >= first { ((rect.y + rect.height - first) / LINE) as usize + 1 } else { 1 };
        let mut lines = wrap(node.text.get(lang), rect.width - 2.0 * PAD);
        lines.truncate(room.max(1));
        let caption = Some(words.label(Label::Caption(row.node))).filter(|c| !c.is_empty() && lines.len() < room);
        let closed = !node.children.is_empty() && !children_shown(map, rows, i);
        let hidden = Some(words.label(Label::Hidden(row.node)))
            .filter(|h| closed && !h.is_empty() && lines.len() + usize::from(caption.is_some()) < room);
        let mut y = first;
        let mut line = |colour, bold, text| {
            shapes.push(Shape::Text { x, y: px(y), colour, bold, text });
            y += LINE;
        };
        if let Some(caption) = caption {
            line(ink, true, caption);
        }
        for text in lines {
            line(INK, false, text);
        }
        if let Some(hidden) = hidden {
            line(MUTED, false, hidden);
        }
    }
    Picture {
        width: px(layout.width) + 2 * PICTURE_PAD,
        height: px(layout.height) + 2 * PICTURE_PAD,
        title: map.title.get(lang).to_owned(),
        background: PAPER,
        shapes,
    }
}

impl Picture {
    /// The picture as a self-contained SVG document.
    pub fn to_svg(&self) -> String {
        let (w, h, pad) = (self.width, self.height, PICTURE_PAD);
        let mut out = String::with_capacity(256 + self.shapes.len() * 120);
        out.push_str(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             font-family=\"{PICTURE_FONTS}\" font-size=\"{PICTURE_FONT_SIZE}\">\n<title>"
        ));
        escape(&self.title, &mut out);
        out.push_str(&format!(
            "</title>\n<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>\n<g transform=\"translate({pad} {pad})\">\n",
            self.background
        ));
        for shape in &self.shapes {
            match shape {
                Shape::Line { path, colour, width, dash } => {
                    out.push_str(&format!("<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\""));
                    if let Some([on, off]) = dash {
                        out.push_str(&format!(" stroke-dasharray=\"{on} {off}\""));
                    }
                    out.push_str("/>\n");
                }
                Shape::Card { x, y, width, height, ink, paper } => out.push_str(&format!(
                    "<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" rx=\"8\" fill=\"{paper}\" stroke=\"{ink}\" stroke-width=\"2\"/>\n"
                )),
                Shape::Text { x, y, colour, bold, text } => {
                    let weight = if *bold { " font-weight=\"700\"" } else { "" };
                    out.push_str(&format!("<text x=\"{x}\" y=\"{y}\" fill=\"{colour}\"{weight}>"));
                    escape(text, &mut out);
                    out.push_str("</text>\n");
                }
            }
        }
        out.push_str("</g>\n</svg>\n");
        out
    }

    /// How many device pixels a PNG gives each CSS pixel: twice, for sharp text on a
    /// high-density screen or a print, less when a huge map would pass what browsers allow a
    /// canvas (about 16,000 px a side and 100 million pixels here, below every engine's limit).
    pub fn png_scale(&self) -> f32 {
        let (w, h) = (self.width.max(1) as f32, self.height.max(1) as f32);
        let by_side = 16_000.0 / w.max(h);
        let by_area = (100_000_000.0 / (w * h)).sqrt();
        2.0f32.min(by_side).min(by_area)
    }
}
