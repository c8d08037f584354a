//! "Save picture": what the map view shows, as an SVG (text stays text) or a PNG, downloaded.
//! The picture itself is the model's (`model::picture`); here, its words as the reader sees them.

use crate::model::{picture, ArgumentMap, Layout, NodeIdx, PictureLabel, PictureWords, Row, ViewState};
use crate::strings::strings;

use super::row::hiding;

/// The picture's words as the reader sees the map now: in the reader's language, and with what
/// the exercise still hides hidden.
struct AsShown<'a> {
    map: &'a ArgumentMap,
    view: &'a ViewState,
}

impl PictureWords for AsShown<'_> {
    fn label(&self, label: PictureLabel) -> String {
        let s = strings(&self.view.lang);
        match label {
            PictureLabel::Caption(n) if self.conceals(n) => "?".to_owned(),
            PictureLabel::Hidden(n) if self.view.exercise => {
                let node = &self.map.nodes[n];
                let (supporting, attacking, guessing) = hiding(self.map, self.view, n).children.unwrap_or_default();
                s.hidden(node.children.len(), supporting, attacking, guessing)
            }
            _ => s.picture_label(self.map, label, &self.view.lang),
        }
    }

    fn conceals(&self, node: NodeIdx) -> bool {
        self.view.conceals(self.map, node)
    }
}

/// Downloads the map as laid out (`placed`, the newest layout) as `MAP-ID.png` or `.svg`.
pub fn save_picture(map: &ArgumentMap, view: &ViewState, rows: &[Row], placed: &Layout, png: bool) {
    let words = AsShown { map, view };
    let picture = picture(map, rows, placed, &view.lang, &words);
    if png {
        super::picture_png::save_png(&picture, format!("{}.png", map.id));
    } else {
        super::download::save(&format!("{}.svg", map.id), "image/svg+xml", &picture.to_svg());
    }
}
