//! Where the map view looks: the camera over the plane of laid-out cards, as values. Which
//! part of the map the reader sees first, how the view follows what they open, how it zooms
//! under the pointer, which cells of a huge map are near enough to draw. Pure: the widget
//! measures the viewport and applies the camera (`screen = offset + plane × zoom`); everything
//! in between is here, tested natively (tests/camera.rs).

use super::layout::{Layout, Rect};

/// Room kept between a card brought into view and the edge of the viewport.
pub const MARGIN: f32 = 24.0;
pub const MIN_ZOOM: f32 = 0.15;
pub const MAX_ZOOM: f32 = 2.5;
/// Below this, a whole map in view is too small to read: the first view shows part of it.
pub const READABLE_ZOOM: f32 = 0.6;
/// How far around the viewport cards are drawn, in viewports, and the grid (plane px) the drawn
/// region snaps to, so panning renders again only when it crosses a cell.
pub const DRAWN_AROUND: f32 = 1.0;
pub const DRAWN_CELL: f32 = 512.0;

/// Where the plane sits in the viewport: `screen = offset + plane × zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub x: f32,
    pub y: f32,
    pub zoom: f32,
}

impl Camera {
    /// Where plane point (`x`, `y`) shows on screen.
    pub fn to_screen(self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.zoom, self.y + y * self.zoom)
    }
}

/// A region of the plane, in whole [`DRAWN_CELL`]s: x0, y0, x1, y1.
pub type Region = (i32, i32, i32, i32);

/// The cells the viewport (`room`, screen px) sees through `camera`, and [`DRAWN_AROUND`]
/// viewports beyond.
pub fn region(camera: Camera, room: (f32, f32)) -> Region {
    let zoom = camera.zoom.max(MIN_ZOOM);
    let (w, h) = (room.0 / zoom, room.1 / zoom);
    let (x, y) = (-camera.x / zoom, -camera.y / zoom);
    let cell = |v: f32| (v / DRAWN_CELL).floor() as i32;
    (cell(x - w * DRAWN_AROUND), cell(y - h * DRAWN_AROUND), cell(x + w * (1.0 + DRAWN_AROUND)), cell(y + h * (1.0 + DRAWN_AROUND)))
}

/// Whether a card touches a region.
pub fn in_region(rect: &Rect, r: Region) -> bool {
    let (x0, y0, x1, y1) = (r.0 as f32 * DRAWN_CELL, r.1 as f32 * DRAWN_CELL, (r.2 + 1) as f32 * DRAWN_CELL, (r.3 + 1) as f32 * DRAWN_CELL);
    rect.x + rect.width >= x0 && rect.x <= x1 && rect.y + rect.height >= y0 && rect.y <= y1
}

/// The camera moved as little as possible so that `rect` (plane coordinates: x, y, width,
/// height) is in view, [`MARGIN`] from the edges; where it is larger than the view, its start.
pub fn reveal(camera: Camera, rect: (f32, f32, f32, f32), view: (f32, f32)) -> Camera {
    let (x, y, w, h) = rect;
    let mut c = camera;
    let fit = |offset: &mut f32, start: f32, size: f32, room: f32| {
        let (a, b) = (*offset + start * c.zoom, *offset + (start + size) * c.zoom);
        if b > room - MARGIN {
            *offset -= b - (room - MARGIN);
        }
        let a = a.min(*offset + start * c.zoom);
        if a < MARGIN {
            *offset += MARGIN - a;
        }
    };
    fit(&mut c.x, x, w, view.0);
    fit(&mut c.y, y, h, view.1);
    c
}

/// The whole layout in view, centred, never larger than life.
pub fn fitted(layout: &Layout, view: (f32, f32)) -> Camera {
    let zoom = ((view.0 - 2.0 * MARGIN) / layout.width.max(1.0)).min((view.1 - 2.0 * MARGIN) / layout.height.max(1.0)).clamp(MIN_ZOOM, 1.0);
    Camera { x: (view.0 - layout.width * zoom) / 2.0, y: (view.1 - layout.height * zoom) / 2.0, zoom }
}

/// Zoom by `factor` (within [`MIN_ZOOM`]..[`MAX_ZOOM`]) keeping the plane point under screen
/// point (`px`, `py`) where it is.
pub fn zoom_at(camera: Camera, factor: f32, px: f32, py: f32) -> Camera {
    let zoom = (camera.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    let k = zoom / camera.zoom;
    Camera { x: px - (px - camera.x) * k, y: py - (py - camera.y) * k, zoom }
}

/// The map view's first height (screen px): as tall as the opening view needs (the layout's
/// height and margins), within reason: at least 352 px; never past the bottom of the screen
/// when the map starts on it (a standalone page shows controls and map without scrolling),
/// else at most 85 % of the window. `top`: where the viewport starts on the screen.
pub fn first_height(layout_height: f32, window: f32, top: f32) -> f32 {
    let below = window - top - 16.0;
    // max/min, not clamp: clamp's check of its bounds formats floats when it fails, and that
    // alone brings float formatting (about 11 KB) into the wasm.
    let most = if below >= 352.0 { below.min(window * 0.85) } else { window * 0.85 };
    (layout_height + 2.0 * MARGIN).min(most).max(352.0)
}

/// The first camera over a freshly laid-out map, in a viewport of `room`, with row `at`
/// selected: the whole map at once if it is readable whole; else, opened on a claim (a shared
/// link, a reload), that claim with its parent to its left and what it opened beside it, its
/// block centred (or the claim itself when the block is taller than the view); else the
/// question where the two sides meet, in the middle when both grow from it, at the left when
/// the map grows one way, the top of the map in view unless that leaves the question below the
/// middle.
pub fn opening(placed: &Layout, room: (f32, f32), at: Option<usize>) -> Camera {
    let fit = fitted(placed, room);
    if fit.zoom >= READABLE_ZOOM {
        return fit;
    }
    if let Some((i, card)) = at.filter(|&i| i > 0).and_then(|i| Some((i, *placed.cards.get(i)?))) {
        let block = placed.subtree_bounds(i).unwrap_or(card);
        let left = placed.parent(i).and_then(|p| placed.cards.get(p)).map_or(card.x, |p| p.x);
        let left = if block.x + block.width - left > room.0 - 2.0 * MARGIN { card.x } else { left };
        let (top, tall) = if block.height < room.1 - 2.0 * MARGIN { (block.y, block.height) } else { (card.y, card.height) };
        return Camera { x: MARGIN - left, y: room.1 / 2.0 - (top + tall / 2.0), zoom: 1.0 };
    }
    let root = placed.cards.first().copied().unwrap_or_default();
    let two_sided = (0..placed.cards.len()).any(|i| placed.grows_left(i));
    let x = if two_sided { room.0 / 2.0 - (root.x + root.width / 2.0) } else { MARGIN - root.x };
    Camera { x, y: MARGIN.min(room.1 / 2.0 - (root.y + root.height / 2.0)), zoom: 1.0 }
}

/// The card the reader acted on stays where it was on screen: the camera moves with it from
/// `before` to `now` (plane coordinates).
pub fn keep_still(camera: Camera, before: (f32, f32), now: (f32, f32)) -> Camera {
    Camera { x: camera.x - (now.0 - before.0) * camera.zoom, y: camera.y - (now.1 - before.1) * camera.zoom, ..camera }
}

/// After the reader opened or moved to row `at`: the view pans only as far as needed to show
/// what opened, as far as the view holds it (across, the card and the column its children grew
/// into; down, the whole block if it fits, else the card, on which its children are centred),
/// and the card itself always.
pub fn follow(camera: Camera, placed: &Layout, at: usize, room: (f32, f32)) -> Camera {
    let card = placed.cards.get(at).map(|r| (r.x, r.y, r.width, r.height)).unwrap_or_default();
    let block = placed.subtree_bounds(at).map(|r| (r.x, r.y, r.width, r.height)).unwrap_or(card);
    let (wide, tall) = (block.2 * camera.zoom < room.0 - 2.0 * MARGIN, block.3 * camera.zoom < room.1 - 2.0 * MARGIN);
    let (x, w) = if wide { (block.0, block.2) } else { (card.0, card.2) };
    let (y, h) = if tall { (block.1, block.3) } else { (card.1, card.3) };
    reveal(reveal(camera, (x, y, w, h), room), card, room)
}

/// The part of the plane the viewport (`room`) shows through `camera`.
pub fn seen(camera: Camera, room: (f32, f32)) -> Rect {
    let zoom = camera.zoom.max(MIN_ZOOM);
    Rect { x: -camera.x / zoom, y: -camera.y / zoom, width: room.0 / zoom, height: room.1 / zoom }
}
