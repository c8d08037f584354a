//! The map view's overview: the whole drawing shrunk into a small box, with a frame where the view
//! is, shown only when the view does not hold the whole map. Pure geometry, so it is tested
//! natively; the view paints it and turns a point on it back into a place on the map.

use super::layout::Rect;

/// The overview's box for a layout: `scale` maps the layout's coordinates into it, `width` ×
/// `height` is its size (within the largest box asked for, the layout's proportions kept).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overview {
    pub scale: f32,
    pub width: f32,
    pub height: f32,
    /// What the view shows, in the overview's coordinates, clipped to the box.
    pub frame: Rect,
    /// Whether it is worth showing: some of the map is outside the view.
    pub needed: bool,
}

/// The overview of a layout `size` (width, height: `Layout::width`, `Layout::height`) in a box
/// at most `most`, for a view that shows `seen` (in the layout's coordinates). Total: an empty
/// or broken size, or no room, gives an overview not needed, of size 0.
pub fn overview(size: (f32, f32), seen: Rect, most: (f32, f32)) -> Overview {
    let (w, h) = (size.0.max(0.0), size.1.max(0.0));
    let scale = if w > 0.0 && h > 0.0 { (most.0 / w).min(most.1 / h).max(0.0) } else { 0.0 };
    let scale = if scale.is_finite() { scale } else { 0.0 };
    let (x0, y0) = (seen.x.max(0.0), seen.y.max(0.0));
    let (x1, y1) = ((seen.x + seen.width).min(w), (seen.y + seen.height).min(h));
    let frame = Rect { x: x0 * scale, y: y0 * scale, width: (x1 - x0).max(0.0) * scale, height: (y1 - y0).max(0.0) * scale };
    // A pixel of slack: a map that just fits is not "outside the view".
    let outside = seen.x > 1.0 || seen.y > 1.0 || seen.x + seen.width < w - 1.0 || seen.y + seen.height < h - 1.0;
    Overview { scale, width: w * scale, height: h * scale, frame, needed: scale > 0.0 && outside }
}

impl Overview {
    /// The place on the map under a point of the overview (its own coordinates).
    pub fn to_map(&self, x: f32, y: f32) -> (f32, f32) {
        if self.scale > 0.0 {
            (x / self.scale, y / self.scale)
        } else {
            (0.0, 0.0)
        }
    }
}
