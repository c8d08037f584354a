//! The map view's overview: a small picture of the whole map in the canvas's corner, with a
//! frame for what the view shows, painted straight into its `<svg>` (not rendered by Yew: a pan
//! moves only the frame). Where the frame goes is the model's `overview`; a click on it back into
//! a place on the map is the canvas's.

use crate::model::camera::{self, Camera};
use crate::model::{overview, Layout, Overview};

use super::map_placing::{px, DRAW_ALL_UP_TO};

/// The overview's largest box, in CSS px.
const OVERVIEW_BOX: (f32, f32) = (160.0, 120.0);
/// Beyond this many cards the overview shows the map's extent and the frame, not each card: its
/// marks are painted again after every render, and a huge map's renders are the hot path.
const OVERVIEW_MARKS_UP_TO: usize = DRAW_ALL_UP_TO;
const SVG: &str = "http://www.w3.org/2000/svg";

/// Paints the overview: the whole map shrunk into its box (each card a mark in its side's
/// colour, when `marks` asks to draw them again or none are drawn), the view as a frame; hidden,
/// and emptied, when the view holds the whole map. Drawn through the DOM, not rendered: a pan
/// moves only the frame.
pub(super) fn paint_overview(
    svg: &web_sys::Element,
    placed: &Layout,
    sides: &[&'static str],
    camera: Camera,
    room: (f32, f32),
    marks: bool,
) -> Overview {
    let o = overview((placed.width, placed.height), camera::seen(camera, room), OVERVIEW_BOX);
    if !o.needed {
        let _ = svg.set_attribute("hidden", "");
        svg.set_text_content(None);
        return o;
    }
    let _ = svg.remove_attribute("hidden");
    let (w, h) = (px(o.width).max(1), px(o.height).max(1));
    let _ = svg.set_attribute("viewBox", &format!("0 0 {w} {h}"));
    let _ = svg.set_attribute("width", &w.to_string());
    let _ = svg.set_attribute("height", &h.to_string());
    let Some(document) = svg.owner_document() else { return o };
    let rect = |class: &str, r: (f32, f32, f32, f32)| -> Option<web_sys::Element> {
        let e = document.create_element_ns(Some(SVG), "rect").ok()?;
        let _ = e.set_attribute("class", class);
        for (name, v) in [("x", r.0), ("y", r.1), ("width", r.2.max(1.0)), ("height", r.3.max(1.0))] {
            let _ = e.set_attribute(name, &px(v).to_string());
        }
        Some(e)
    };
    if marks || svg.first_element_child().is_none() {
        svg.set_text_content(None);
        if placed.cards.len() <= OVERVIEW_MARKS_UP_TO {
            for (card, side) in placed.cards.iter().zip(sides) {
                if let Some(e) = rect("am-ov-card", (card.x * o.scale, card.y * o.scale, card.width * o.scale, card.height * o.scale)) {
                    let _ = e.set_attribute("data-side", side);
                    let _ = svg.append_child(&e);
                }
            }
        }
        if let Some(frame) = rect("am-ov-frame", (0.0, 0.0, 0.0, 0.0)) {
            let _ = svg.append_child(&frame);
        }
    }
    if let Some(frame) = svg.last_element_child() {
        let f = o.frame;
        for (name, v) in [("x", f.x), ("y", f.y), ("width", f.width.max(2.0)), ("height", f.height.max(2.0))] {
            let _ = frame.set_attribute(name, &px(v).to_string());
        }
    }
    o
}
