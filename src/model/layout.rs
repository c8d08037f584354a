//! Where each shown card goes on the map view: a tidy tree computed from the shown rows and the
//! size the browser measured for each card, plus the connectors between them, the cross-article
//! links, and the side order and balance that let open and closed read apart.
//!
//! Everything here is a pure function of its arguments, in CSS pixels, so the view can re-run it
//! after every toggle and tests can check it natively. The view measures each card once (per text
//! and language), calls [`layout`], and places card `i` at `layout.cards[i]`.
//!
//! # The layout
//!
//! Levels are columns (`Orientation::Right`, root at the left) or rows (`Orientation::Down`, root
//! at the top): a level is as deep as its largest card (at least `min_level_depth`). Across the
//! levels ("breadth": down the page in `Right`, across it in `Down`), each subtree is laid out on
//! its own and then placed as a rigid block beside its previous sibling, as close as the cards
//! already placed allow (Reingold–Tilford contours: a shallow subtree tucks in beside a deep one),
//! and each parent is centred on the block of its children. Hence:
//!
//! - no two cards overlap: at each level cards are at least `sibling_gap` apart (siblings) or
//!   `subtree_gap` (cards with different parents); levels are `level_gap` apart;
//! - siblings keep the order of `rows` (the map's order: supports before attacks);
//! - each subtree is a contiguous block: at every level its cards come one after another, with no
//!   card from outside between them (with `Packing::Bands`, the whole subtree's bounding band is
//!   free of other cards too, at the cost of a larger map; a band holding more than one card
//!   keeps at least `subtree_gap` from the next);
//! - a card's offset from its parent depends only on the parent's shown subtree (its shape and its
//!   cards' sizes), never on what is shown elsewhere.
//!
//! So when a node opens or closes, what moves is: its new children (they appear); along the
//! breadth, its ancestors (re-centred on their grown blocks), and the subtrees beside its path
//! (each shifted as a whole, without changing shape); along the depth, the levels below the new
//! children's, only if one of them is deeper than every other card of its level (never, when
//! `min_level_depth` is at least the cards' maximum depth, e.g. their CSS `max-width` in `Right`).
//! The whole drawing is shifted so that its top-left is at (0, 0); to keep the toggled card still
//! on screen, the view moves its pan by the toggled card's displacement between the two layouts.
//!
//! # Two sides
//!
//! `Orientation::Sides` draws an "open vs closed" map as the argument it is: the question in the
//! middle, the subtrees of its open positions growing left, those of its closed positions
//! growing right, and those of its neutral ones in a band of their own below it. Each side is
//! the root with that side's subtrees, laid out exactly as `Right` lays out a map; the open
//! side is then mirrored (a parent's left edge faces its children's right edges, and a level's
//! cards are right-aligned in their column), and the two sides are joined at the root's card,
//! which is thus centred breadth-wise on the block of each side's children. The neutral
//! subtrees are laid out as `Right` lays out a forest (their first level a column of siblings
//! under the root, indented by half a `level_gap` for the line that comes down from the root)
//! and placed `level_gap` below the root and below every card of the closed side; the open
//! side, left of the root's card by `level_gap`, never meets them. Hence everything above
//! holds within each side and within the band (reading "down the page" for breadth, and for
//! the open side "leftwards" for depth), no card of one side or the band overlaps another's,
//! and a toggle moves untouched subtrees as whole pictures. The band rather than a third
//! direction (growing down) keeps every level a column whose depth is a card's width, so
//! `min_level_depth` means the same everywhere, and a neutral subtree of any size reads like
//! the others. [`Layout::grows_left`] says which cards grow left.
//!
//! When no shown child of the root is open or closed, or the rows are not one tree from the
//! map's root, `Sides` is `Right`, card for card. A right-to-left map would mirror the whole
//! drawing (open on the right); the widget has no right-to-left maps yet.
//!
//! # Cost and bad input
//!
//! Linear in the number of rows (plus one pass over `map.nodes` to index them), iterative (a
//! 20,000-level chain needs no stack), deterministic. Total on any input: a missing, negative or
//! NaN size counts as 0, an infinite or larger one as [`MAX_CARD_SIZE`]; a NaN or negative gap
//! as 0, a larger one as [`MAX_GAP`]; sizes beyond `rows.len()` are ignored; no rows give an
//! empty layout. A row whose node's parent is not an earlier row (a hand-made or out-of-range
//! row) starts a tree of its own, laid out after the previous one, so every row gets a card.
//! Positions are computed in `f64` and returned as `f32`: exact to a small fraction of a pixel
//! while the map is under about a million pixels across.

use super::tree::Row;
use super::types::{ArgumentMap, Kind, LinkRelation, NodeIdx, Relation, Side};

/// The largest card dimension taken as it is; larger (or infinite) measurements are clamped.
pub const MAX_CARD_SIZE: f32 = 10_000.0;
/// The largest gap taken as it is.
pub const MAX_GAP: f32 = 1_000.0;

/// A card's measured size, in CSS pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    pub width: f32,
    pub height: f32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// A card's place: its top-left corner and its size (the measured size, cleaned).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    pub fn centre(&self) -> Point {
        Point { x: self.x + self.width / 2.0, y: self.y + self.height / 2.0 }
    }
}

/// Which way the map grows from its root.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    /// Root at the left, levels as columns growing right (as Markmap draws).
    #[default]
    Right,
    /// Root at the top, levels as rows growing down (as Rationale draws).
    Down,
    /// The question in the middle, its open positions' subtrees growing left, its closed ones'
    /// growing right, its neutral ones' in a band below it (see "Two sides" in the module
    /// documentation). `Right` exactly when no shown child of the root takes a side, or the
    /// rows are not one tree from the map's root.
    Sides,
}

/// How tightly sibling subtrees pack.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Packing {
    /// Level by level: a subtree comes as close to its neighbour as the cards at each level
    /// allow (a small subtree tucks in beside a deep one).
    #[default]
    Compact,
    /// Each subtree keeps a band of its own across all levels: larger, but no subtree's band
    /// ever holds a card of another.
    Bands,
}

/// Gaps are in CSS pixels. `Default` gives a Markmap-like spacing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    pub orientation: Orientation,
    pub packing: Packing,
    /// Between two sibling cards.
    pub sibling_gap: f32,
    /// Between two cards of different sibling subtrees at the same level (cousins); usually
    /// larger than `sibling_gap`, so that subtrees read apart.
    pub subtree_gap: f32,
    /// Between a level and the next (room for the connectors and their "+" / "−").
    pub level_gap: f32,
    /// Every level is at least this deep (width in `Right`, height in `Down`).
    pub min_level_depth: f32,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            orientation: Orientation::Right,
            packing: Packing::Compact,
            sibling_gap: 12.0,
            subtree_gap: 24.0,
            level_gap: 56.0,
            min_level_depth: 0.0,
        }
    }
}

/// A cubic Bézier curve, in the layout's coordinates.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Curve {
    pub from: Point,
    pub c1: Point,
    pub c2: Point,
    pub to: Point,
}

/// Lines longer than this (px, across plus along) are drawn solid, not dashed: a dashed line is
/// cut into dashes along its whole length before it is clipped to what is seen, and on a huge
/// map a dashed line to a card 800,000 px away took the browser seconds to paint. The +/− mark
/// and the colour still say what the line is.
pub const DASHED_UP_TO: f32 = 4096.0;

impl Curve {
    /// Whether the line is too long to be dashed (`DASHED_UP_TO`).
    pub fn is_long(&self) -> bool {
        (self.to.x - self.from.x).abs() + (self.to.y - self.from.y).abs() > DASHED_UP_TO
    }

    /// The point at `t` (0 = `from`, 1 = `to`; clamped), e.g. where to put a label (0.5).
    pub fn point_at(&self, t: f32) -> Point {
        let t = if t.is_nan() { 0.5 } else { t.clamp(0.0, 1.0) };
        let u = 1.0 - t;
        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        Point {
            x: a * self.from.x + b * self.c1.x + c * self.c2.x + d * self.to.x,
            y: a * self.from.y + b * self.c1.y + c * self.c2.y + d * self.to.y,
        }
    }

    /// The curve as an SVG path's `d` attribute: `M x y C x1 y1, x2 y2, x y`.
    pub fn svg_path(&self) -> String {
        let (f, a, b, t) = (self.from, self.c1, self.c2, self.to);
        // Whole pixels: enough for a screen, and integer formatting keeps float formatting (about
        // 14 KB) out of the reader's wasm.
        let p = |v: f32| v.round() as i32;
        format!("M{} {}C{} {},{} {},{} {}", p(f.x), p(f.y), p(a.x), p(a.y), p(b.x), p(b.y), p(t.x), p(t.y))
    }
}

/// The line from a parent card to one of its shown children.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Connector {
    /// Row index of the parent.
    pub parent: usize,
    /// Row index of the child.
    pub child: usize,
    /// How the child bears on the parent ("+" solid for supports, "−" dashed for attacks).
    pub relation: Option<Relation>,
    /// From the middle of the parent's outer edge to the middle of the child's inner edge,
    /// leaving and arriving along the way the child's side grows: right edge to left edge in
    /// `Right` and on the closed side of `Sides`, left edge to right edge on its open side,
    /// bottom edge to top edge in `Down`. From the root of `Sides` to a neutral child (in the
    /// band below it) the curve leaves the root's bottom edge downwards, near its left end, and
    /// arrives at the middle of the child's left edge going right.
    pub curve: Curve,
}

/// Where every shown card goes. `cards[i]` is row `i`'s card; `connectors` are ordered by child
/// row; `width` × `height` is the extent of the whole drawing, whose top-left is (0, 0).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub cards: Vec<Rect>,
    pub connectors: Vec<Connector>,
    pub width: f32,
    pub height: f32,
    /// `parent[i]`: row index of row i's parent, if it is a shown row.
    parent: Vec<Option<usize>>,
    /// Row i's shown subtree is rows `i..subtree_end[i]` (rows are in tree order).
    subtree_end: Vec<usize>,
    /// `left[i]`: row i's card grows left (the open side of `Sides`); empty when none does.
    left: Vec<bool>,
}

impl Layout {
    /// Row index of the parent of row `row`, if shown.
    pub fn parent(&self, row: usize) -> Option<usize> {
        self.parent.get(row).copied().flatten()
    }

    /// Whether row `row`'s children go to the left of its card (a card of the open side in
    /// `Orientation::Sides`), so that its "+" belongs on its left edge; otherwise they go right
    /// (or down, in `Orientation::Down`). The root of `Sides` grows every way: false, the way
    /// it grows when closed (a closed root shows no side, so it is laid out as `Right`).
    pub fn grows_left(&self, row: usize) -> bool {
        self.left.get(row).copied().unwrap_or(false)
    }

    /// The bounding box of row `row`'s card and its shown descendants: what the view scrolls
    /// into view after opening it.
    pub fn subtree_bounds(&self, row: usize) -> Option<Rect> {
        let end = *self.subtree_end.get(row)?;
        let cards = self.cards.get(row..end)?;
        let (mut x0, mut y0, mut x1, mut y1) = (f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY);
        for c in cards {
            x0 = x0.min(c.x);
            y0 = y0.min(c.y);
            x1 = x1.max(c.x + c.width);
            y1 = y1.max(c.y + c.height);
        }
        Some(Rect { x: x0, y: y0, width: x1 - x0, height: y1 - y0 })
    }
}

const NONE: usize = usize::MAX;

fn clean_size(v: f32) -> f64 {
    if v.is_nan() || v <= 0.0 {
        0.0
    } else {
        f64::from(v.min(MAX_CARD_SIZE))
    }
}

fn clean_gap(v: f32) -> f64 {
    if v.is_nan() || v <= 0.0 {
        0.0
    } else {
        f64::from(v.min(MAX_GAP))
    }
}

/// The breadth-wise outline of a laid-out subtree: per level, from the subtree's root down, the
/// lowest and highest breadth any of its cards reaches. Stored deepest level first, so a parent
/// adds its own level with a push, and shifted by `offset`, so moving a subtree is one addition.
/// Merging two keeps the deeper one's vector and rewrites only the levels both have: over a
/// whole tree that costs O(rows) (each merge costs the smaller height).
#[derive(Default)]
struct Contour {
    edges: Vec<(f64, f64)>,
    offset: f64,
    /// Collapsed to a band (`Packing::Bands`) that holds more than one card: the band is kept
    /// `subtree_gap` from its neighbours, as compact packing keeps cousins.
    deep: bool,
}

impl Contour {
    /// A leaf's outline, in a vector from `spare` (the ones merges freed) if there is one: most
    /// rows are leaves, and allocating is what costs most in wasm.
    fn single(breadth: f64, spare: &mut Vec<Vec<(f64, f64)>>) -> Contour {
        let mut edges = spare.pop().unwrap_or_default();
        edges.clear();
        edges.push((-breadth / 2.0, breadth / 2.0));
        Contour { edges, offset: 0.0, deep: false }
    }

    /// How far right of `self`'s frame `next`'s frame must go so that, at every level both have,
    /// `next` starts at least the gap after `self` ends.
    fn separation(&self, next: &Contour, sibling_gap: f64, subtree_gap: f64) -> f64 {
        let mut s = f64::NEG_INFINITY;
        for (level, (a, b)) in self.edges.iter().rev().zip(next.edges.iter().rev()).enumerate() {
            let gap = match (level, self.deep || next.deep) {
                (0, false) => sibling_gap,
                (0, true) => sibling_gap.max(subtree_gap),
                _ => subtree_gap,
            };
            s = s.max(a.1 + self.offset + gap - (b.0 + next.offset));
        }
        if s.is_finite() {
            s
        } else {
            0.0
        }
    }

    /// `self` with `next` placed `shift` to its right: low edges from `self` where it reaches,
    /// high edges from `next` where it reaches. The vector it no longer needs goes to `spare`.
    fn merge(self, mut next: Contour, shift: f64, spare: &mut Vec<Vec<(f64, f64)>>) -> Contour {
        next.offset += shift;
        next.deep |= self.deep;
        if next.edges.len() > self.edges.len() {
            for (dst, src) in next.edges.iter_mut().rev().zip(self.edges.iter().rev()) {
                dst.0 = src.0 + self.offset - next.offset;
            }
            spare.push(self.edges);
            next
        } else {
            let mut merged = self;
            merged.deep = next.deep;
            for (dst, src) in merged.edges.iter_mut().rev().zip(next.edges.iter().rev()) {
                dst.1 = src.1 + next.offset - merged.offset;
            }
            spare.push(next.edges);
            merged
        }
    }

    /// One level spanning all of them: what `Packing::Bands` keeps of a subtree.
    fn collapse(&mut self) {
        let lo = self.edges.iter().map(|e| e.0).fold(f64::INFINITY, f64::min);
        let hi = self.edges.iter().map(|e| e.1).fold(f64::NEG_INFINITY, f64::max);
        self.deep |= self.edges.len() > 1;
        self.edges.clear();
        if lo <= hi {
            self.edges.push((lo, hi));
        }
    }
}

/// The gaps and packing, cleaned once.
struct Spacing {
    sibling_gap: f64,
    subtree_gap: f64,
    level_gap: f64,
    min_level_depth: f64,
    bands: bool,
}

/// The shown tree of `rows`: each row's parent row (`NONE` when its node's parent is not an
/// earlier row, so it starts a tree of its own; always an earlier row otherwise), how it bears
/// on that parent, and where its contiguous subtree ends.
struct Shown {
    parent: Vec<usize>,
    relation: Vec<Option<Relation>>,
    subtree_end: Vec<usize>,
}

fn shown_tree(map: &ArgumentMap, rows: &[Row]) -> Shown {
    let n = rows.len();
    let mut row_of = vec![NONE; map.nodes.len()];
    let mut parent = vec![NONE; n];
    // Each row's node is read once, here: on a large map the nodes are far apart in memory, and
    // fetching them is most of the cost.
    let mut relation = vec![None; n];
    for (i, row) in rows.iter().enumerate() {
        let node = map.nodes.get(row.node);
        relation[i] = node.and_then(|node| node.relation);
        parent[i] = node.and_then(|node| node.parent).and_then(|p| row_of.get(p).copied()).unwrap_or(NONE);
        if let Some(slot) = row_of.get_mut(row.node) {
            *slot = i;
        }
    }
    // Children come after their parent, so one backward pass sees every subtree finished.
    let mut subtree_end: Vec<usize> = (1..=n).collect();
    for i in (0..n).rev() {
        if let Some(p) = parent.get(i).copied().filter(|&p| p != NONE) {
            subtree_end[p] = subtree_end[p].max(subtree_end[i]);
        }
    }
    Shown { parent, relation, subtree_end }
}

/// A forest laid out as tidy trees along the breadth, level by level along the depth.
struct Tidy {
    /// Each card's centre along the breadth; the trees together are centred on 0.
    centre: Vec<f64>,
    level: Vec<usize>,
    /// Where each level starts along the depth, the first at 0.
    level_start: Vec<f64>,
    /// From the first level's start to the last one's end.
    depth: f64,
    /// The lowest and highest breadth any card reaches (infinite when there are no cards).
    low: f64,
    high: f64,
}

/// The tidy trees of cards with `extent[i]` = (breadth, depth) and `parent[i]` an earlier card
/// or `NONE` (a tree's root; the roots are placed as siblings of one another).
fn tidy(extent: &[(f64, f64)], parent: &[usize], spacing: &Spacing) -> Tidy {
    let n = extent.len().min(parent.len());
    let Spacing { sibling_gap, subtree_gap, level_gap, min_level_depth, bands } = *spacing;
    // Children as linked lists in card order. Index n is a virtual root holding every tree.
    let virtual_root = n;
    let parent: Vec<usize> = parent.iter().take(n).map(|&p| if p < n { p } else { virtual_root }).collect();
    let mut first_child = vec![NONE; n + 1];
    let mut last_child = vec![NONE; n + 1];
    let mut next_sibling = vec![NONE; n + 1];
    let mut level = vec![0usize; n];
    for (i, &p) in parent.iter().enumerate() {
        level[i] = level.get(p).map_or(0, |l| l + 1);
        match last_child[p] {
            NONE => first_child[p] = i,
            last => next_sibling[last] = i,
        }
        last_child[p] = i;
    }

    // Bottom-up (every child's index is above its parent's): each card's children placed
    // relative to it, and its subtree's contour.
    let mut offset = vec![0.0f64; n + 1];
    let mut contour: Vec<Option<Contour>> = (0..=n).map(|_| None).collect();
    let mut spare: Vec<Vec<(f64, f64)>> = Vec::new();
    // The virtual root last: it gathers the finished trees.
    for p in (0..n).rev().chain(std::iter::once(virtual_root)) {
        let mut children: Option<Contour> = None;
        // The children's own cards, from the first's low edge to the last's high edge, in the
        // first child's frame: the block the parent is centred on.
        let mut block = (0.0f64, 0.0f64);
        let mut c = first_child[p];
        while c != NONE {
            let next = contour[c].take().unwrap_or_default();
            let half = extent.get(c).map_or(0.0, |e| e.0 / 2.0);
            children = Some(match children {
                None => {
                    block = (-half, half);
                    next
                }
                Some(placed) => {
                    offset[c] = placed.separation(&next, sibling_gap, subtree_gap);
                    block.1 = offset[c] + half;
                    placed.merge(next, offset[c], &mut spare)
                }
            });
            c = next_sibling[c];
        }
        let own = extent.get(p).map_or(0.0, |e| e.0);
        let mut outline = match children {
            None => Contour::single(own, &mut spare),
            Some(mut below) => {
                let middle = (block.0 + block.1) / 2.0;
                let mut c = first_child[p];
                while c != NONE {
                    offset[c] -= middle;
                    c = next_sibling[c];
                }
                below.offset -= middle;
                let o = below.offset;
                below.edges.push((-own / 2.0 - o, own / 2.0 - o));
                below
            }
        };
        if bands {
            outline.collapse();
        }
        contour[p] = Some(outline);
    }
    drop(contour);

    // Top-down: absolute breadth centres, and each level's depth.
    let mut centre = vec![0.0f64; n + 1];
    let levels = level.iter().max().map_or(0, |l| l + 1);
    let mut level_depth = vec![min_level_depth; levels];
    for i in 0..n {
        centre[i] = centre[parent[i]] + offset[i];
        level_depth[level[i]] = level_depth[level[i]].max(extent[i].1);
    }
    centre.truncate(n);
    let mut level_start = Vec::with_capacity(levels);
    let mut at = 0.0;
    for d in &level_depth {
        level_start.push(at);
        at += d + level_gap;
    }
    let depth = (at - level_gap).max(0.0);
    let low = (0..n).map(|i| centre[i] - extent[i].0 / 2.0).fold(f64::INFINITY, f64::min);
    let high = (0..n).map(|i| centre[i] + extent[i].0 / 2.0).fold(f64::NEG_INFINITY, f64::max);
    Tidy { centre, level, level_start, depth, low, high }
}

/// Lays out `rows` (the shown rows in tree order, as `ViewState::rows` returns them) with
/// `sizes[i]` the measured size of row i's card. See the module documentation for the
/// guarantees and for what bad input does.
pub fn layout(map: &ArgumentMap, rows: &[Row], sizes: &[Size], options: &LayoutOptions) -> Layout {
    let n = rows.len();
    if n == 0 {
        return Layout::default();
    }
    // `Sides` lays out each side as `Right` does, and is `Right` when the map has no sides.
    let right = options.orientation != Orientation::Down;
    let spacing = Spacing {
        sibling_gap: clean_gap(options.sibling_gap),
        subtree_gap: clean_gap(options.subtree_gap),
        level_gap: clean_gap(options.level_gap),
        min_level_depth: clean_size(options.min_level_depth),
        bands: options.packing == Packing::Bands,
    };
    let size = |i: usize| -> (f64, f64) {
        let s = sizes.get(i).copied().unwrap_or_default();
        (clean_size(s.width), clean_size(s.height))
    };
    // (breadth, depth) of each card.
    let extent: Vec<(f64, f64)> = (0..n).map(size).map(|(w, h)| if right { (h, w) } else { (w, h) }).collect();
    let shown = shown_tree(map, rows);
    if options.orientation == Orientation::Sides {
        if let Some(part) = parts(map, rows, &shown.parent) {
            return sides(&extent, shown, &part, &spacing);
        }
    }
    let Shown { parent, relation, subtree_end } = shown;
    let t = tidy(&extent, &parent, &spacing);
    let breadth_total = (t.high - t.low).max(0.0);

    let cards: Vec<Rect> = (0..n)
        .map(|i| {
            let (b, d) = extent[i];
            let along = t.centre[i] - b / 2.0 - t.low;
            let down = t.level_start[t.level[i]];
            let (x, y, w, h) = if right { (down, along, d, b) } else { (along, down, b, d) };
            Rect { x: x as f32, y: y as f32, width: w as f32, height: h as f32 }
        })
        .collect();
    let parent: Vec<Option<usize>> = parent.iter().map(|&p| (p != NONE).then_some(p)).collect();
    let connectors = (0..n)
        .filter_map(|child| {
            let p = parent[child]?;
            let (a, b) = (cards[p], cards[child]);
            let curve = if right { rightward(a, b) } else { downward(a, b) };
            Some(Connector { parent: p, child, relation: relation[child], curve })
        })
        .collect();
    let (width, height) = if right { (t.depth, breadth_total) } else { (breadth_total, t.depth) };
    Layout { cards, connectors, width: width as f32, height: height as f32, parent, subtree_end, left: Vec::new() }
}

/// Where a row is drawn in `Orientation::Sides`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Root,
    Open,
    Closed,
    Neutral,
}

/// Each row's part, when the rows are one tree from the map's root (row 0) and some shown child
/// of the root is open or closed; `None` (lay out as `Right`) otherwise.
fn parts(map: &ArgumentMap, rows: &[Row], parent: &[usize]) -> Option<Vec<Part>> {
    if rows.first()?.node != map.root {
        return None;
    }
    let mut part = Vec::with_capacity(rows.len());
    part.push(Part::Root);
    let mut sided = false;
    for (i, row) in rows.iter().enumerate().skip(1) {
        let here = match parent.get(i).copied()? {
            0 => match map.nodes.get(row.node).map(|n| n.side) {
                Some(Side::Open) => Part::Open,
                Some(Side::Closed) => Part::Closed,
                _ => Part::Neutral,
            },
            // A row outside the root's tree (NONE) has no part: the rows are not one tree.
            p => *part.get(p)?,
        };
        sided |= matches!(here, Part::Open | Part::Closed);
        part.push(here);
    }
    sided.then_some(part)
}

/// `Orientation::Sides` for rows whose `part`s say so. Each side is the root with that side's
/// subtrees, laid out by [`tidy`] as `Right` lays out a whole map; the open side is then
/// mirrored about the root's card, so both put the root's centre at breadth 0 and face each
/// other across it. The neutral subtrees are laid out by [`tidy`] as a forest of their own,
/// below the root and the closed side. `extent` is (height, width) per row, as in `Right`.
fn sides(extent: &[(f64, f64)], shown: Shown, part: &[Part], spacing: &Spacing) -> Layout {
    let n = extent.len().min(part.len());
    let Shown { parent, relation, subtree_end } = shown;
    // Per part (open, closed, neutral): its rows in row order, and each row's index among them.
    let index = |p: Part| match p {
        Part::Open => 0,
        Part::Closed => 1,
        Part::Root | Part::Neutral => 2,
    };
    let mut members: [Vec<usize>; 3] = [vec![0], vec![0], Vec::new()];
    let mut local = vec![0usize; n];
    for i in 1..n {
        let m = &mut members[index(part[i])];
        local[i] = m.len();
        m.push(i);
    }
    let laid: Vec<Tidy> = members
        .iter()
        .enumerate()
        .map(|(k, rows)| {
            let ext: Vec<(f64, f64)> = rows.iter().map(|&i| extent[i]).collect();
            let par: Vec<usize> = rows
                .iter()
                .map(|&i| match parent.get(i).copied().unwrap_or(NONE) {
                    NONE => NONE,
                    // The neutral forest leaves the root out: its trees hang in a band below it.
                    0 if k == 2 => NONE,
                    p => local.get(p).copied().unwrap_or(NONE),
                })
                .collect();
            tidy(&ext, &par, spacing)
        })
        .collect();

    // Top-left corners in a frame with the root's card at x 0 and its centre at y 0.
    let (root_h, root_w) = extent.first().copied().unwrap_or_default();
    let mut at = vec![(0.0f64, -root_h / 2.0); n];
    for (k, t) in laid.iter().enumerate().take(2) {
        for (j, &i) in members[k].iter().enumerate().skip(1) {
            let (b, d) = extent[i];
            let down = t.level_start[t.level[j]];
            // Mirrored about the root's card: the root's own column is as deep on both sides,
            // and a card's right edge stands where `Right` would put its left edge.
            let x = if k == 0 { root_w - down - d } else { down };
            at[i] = (x, t.centre[j] - b / 2.0);
        }
    }
    // The neutral band: its first level indented under the root, so that the line from the
    // root's bottom can turn into the children's left edges; below the root and every closed
    // card (the open side, left of the root, can never meet it), and so below the closed
    // side's connectors too.
    let indent = spacing.level_gap / 2.0;
    let above = members[1].iter().map(|&i| at[i].1 + extent[i].0).fold(root_h / 2.0, f64::max);
    let t = &laid[2];
    for (j, &i) in members[2].iter().enumerate() {
        let (b, _) = extent[i];
        at[i] = (indent + t.level_start[t.level[j]], above + spacing.level_gap + t.centre[j] - b / 2.0 - t.low);
    }

    // Across, each side's outermost level is as deep as `Right` makes it (at least
    // `min_level_depth`), so that a side alone spans what `Right` (or its mirror) spans.
    let (mut x0, mut x1) = (0.0f64, root_w);
    if members[0].len() > 1 {
        x0 = x0.min(root_w - laid[0].depth);
    }
    if members[1].len() > 1 {
        x1 = x1.max(laid[1].depth);
    }
    if !members[2].is_empty() {
        x1 = x1.max(indent + laid[2].depth);
    }
    let (mut y0, mut y1) = (f64::INFINITY, f64::NEG_INFINITY);
    for (&(x, y), &(h, w)) in at.iter().zip(extent) {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x + w), y1.max(y + h));
    }
    let cards: Vec<Rect> = at
        .iter()
        .zip(extent)
        .map(|(&(x, y), &(h, w))| Rect { x: (x - x0) as f32, y: (y - y0) as f32, width: w as f32, height: h as f32 })
        .collect();
    let parent: Vec<Option<usize>> = parent.iter().map(|&p| (p != NONE).then_some(p)).collect();
    let connectors = (0..n)
        .filter_map(|child| {
            let p = parent[child]?;
            let (a, b) = (cards[p], cards[child]);
            let curve = match part[child] {
                Part::Open => leftward(a, b),
                Part::Neutral if p == 0 => {
                    let from = Point { x: a.x + (indent as f32 / 2.0).min(a.width / 2.0), y: a.y + a.height };
                    let to = Point { x: b.x, y: b.y + b.height / 2.0 };
                    // Both control points at the corner: down from the root, then round into
                    // the child, as an outline's guide line; all of a band's lines share one
                    // trunk left of its cards.
                    let corner = Point { x: from.x, y: to.y };
                    Curve { from, c1: corner, c2: corner, to }
                }
                _ => rightward(a, b),
            };
            Some(Connector { parent: p, child, relation: relation[child], curve })
        })
        .collect();
    let left = part.iter().map(|&p| p == Part::Open).collect();
    let (width, height) = ((x1 - x0).max(0.0) as f32, (y1 - y0).max(0.0) as f32);
    Layout { cards, connectors, width, height, parent, subtree_end, left }
}

/// From the middle of `a`'s right edge to the middle of `b`'s left edge.
fn rightward(a: Rect, b: Rect) -> Curve {
    let (from, to) = (Point { x: a.x + a.width, y: a.y + a.height / 2.0 }, Point { x: b.x, y: b.y + b.height / 2.0 });
    let mid = (from.x + to.x) / 2.0;
    Curve { from, c1: Point { x: mid, y: from.y }, c2: Point { x: mid, y: to.y }, to }
}

/// From the middle of `a`'s left edge to the middle of `b`'s right edge.
fn leftward(a: Rect, b: Rect) -> Curve {
    let (from, to) = (Point { x: a.x, y: a.y + a.height / 2.0 }, Point { x: b.x + b.width, y: b.y + b.height / 2.0 });
    let mid = (from.x + to.x) / 2.0;
    Curve { from, c1: Point { x: mid, y: from.y }, c2: Point { x: mid, y: to.y }, to }
}

/// From the middle of `a`'s bottom edge to the middle of `b`'s top edge.
fn downward(a: Rect, b: Rect) -> Curve {
    let (from, to) = (Point { x: a.x + a.width / 2.0, y: a.y + a.height }, Point { x: b.x + b.width / 2.0, y: b.y });
    let mid = (from.y + to.y) / 2.0;
    Curve { from, c1: Point { x: from.x, y: mid }, c2: Point { x: to.x, y: mid }, to }
}

// ---------------------------------------------------------------- cross-article links

/// A link of `map.links` whose two ends are both shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkCurve {
    /// Index into `map.links`.
    pub link: usize,
    /// Row index of the link's `from` node, and of its `to` node.
    pub from: usize,
    pub to: usize,
    pub relation: LinkRelation,
    /// From the edge of `from`'s card to the edge of `to`'s, facing each other, bowed to the
    /// left of the way it goes (so A→B and B→A do not coincide); `point_at(0.5)` for its label.
    pub curve: Curve,
}

/// The cross-article links as the map view shows them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links {
    /// Links with both ends shown, in `map.links` order.
    pub drawn: Vec<LinkCurve>,
    /// `hidden[row]`: indices into `map.links` of the links touching row's node whose other end
    /// is not shown (for the card's badge), in `map.links` order.
    pub hidden: Vec<Vec<usize>>,
}

/// The links between the shown cards of `layout` (made from the same `rows`), and per card the
/// links that lead off the map. Linear in rows + links; a link naming a node out of range or a
/// row without a card is skipped.
pub fn cross_links(map: &ArgumentMap, rows: &[Row], layout: &Layout) -> Links {
    let mut row_of = vec![NONE; map.nodes.len()];
    for (i, row) in rows.iter().enumerate() {
        if let Some(slot) = row_of.get_mut(row.node) {
            *slot = i;
        }
    }
    let shown = |node: NodeIdx| row_of.get(node).copied().filter(|&r| r != NONE && r < layout.cards.len());
    let mut links = Links { drawn: Vec::new(), hidden: vec![Vec::new(); rows.len()] };
    for (i, link) in map.links.iter().enumerate() {
        match (shown(link.from), shown(link.to)) {
            (Some(from), Some(to)) => {
                let curve = link_curve(layout.cards[from], layout.cards[to], layout.grows_left(from));
                links.drawn.push(LinkCurve { link: i, from, to, relation: link.relation, curve });
            }
            (Some(row), None) | (None, Some(row)) => {
                if map.nodes.get(link.from).is_some() && map.nodes.get(link.to).is_some() {
                    links.hidden[row].push(i);
                }
            }
            (None, None) => {}
        }
    }
    links
}

/// Where the segment from `a`'s centre towards `towards` leaves `a`'s rectangle.
fn edge_towards(a: Rect, towards: Point) -> Point {
    let c = a.centre();
    let (dx, dy) = (towards.x - c.x, towards.y - c.y);
    let tx = if dx != 0.0 { (a.width / 2.0) / dx.abs() } else { f32::INFINITY };
    let ty = if dy != 0.0 { (a.height / 2.0) / dy.abs() } else { f32::INFINITY };
    // Never past the other centre (cards on top of each other).
    let t = tx.min(ty).min(1.0);
    let t = if t.is_finite() { t } else { 0.0 };
    Point { x: c.x + dx * t, y: c.y + dy * t }
}

/// `left`: `a` grows left, so its far side (away from its parent) is its left edge.
fn link_curve(a: Rect, b: Rect, left: bool) -> Curve {
    let (ca, cb) = (a.centre(), b.centre());
    if ca == cb {
        // The same card (or two on top of each other): a loop off its far corner, away from
        // the connector that comes in from its parent.
        let (x, out, y) = if left { (a.x, -48.0, a.y) } else { (a.x + a.width, 48.0, a.y) };
        return Curve {
            from: Point { x, y: y + a.height / 4.0 },
            c1: Point { x: x + out, y: y - 24.0 },
            c2: Point { x: x + out, y: y + a.height + 24.0 },
            to: Point { x, y: y + a.height * 0.75 },
        };
    }
    let (from, to) = (edge_towards(a, cb), edge_towards(b, ca));
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let length = (dx * dx + dy * dy).sqrt();
    let bow = (length * 0.2).min(160.0);
    let (nx, ny) = if length > 0.0 { (dy / length * bow, -dx / length * bow) } else { (0.0, 0.0) };
    Curve {
        from,
        c1: Point { x: from.x + dx / 3.0 + nx, y: from.y + dy / 3.0 + ny },
        c2: Point { x: from.x + dx * 2.0 / 3.0 + nx, y: from.y + dy * 2.0 / 3.0 + ny },
        to,
    }
}

// ---------------------------------------------------------------- sides at a glance

/// The order the map view shows the sides in, left to right or top to bottom.
pub const SIDE_ORDER: [Side; 3] = [Side::Open, Side::Neutral, Side::Closed];

fn side_rank(side: Side) -> usize {
    SIDE_ORDER.iter().position(|&s| s == side).unwrap_or(1)
}

/// The root's children in display order: open, then neutral, then closed; map order within a
/// side.
pub fn side_order(map: &ArgumentMap) -> Vec<NodeIdx> {
    let mut children = map.nodes.get(map.root).map(|r| r.children.clone()).unwrap_or_default();
    super::order::sort_by_rank(&mut children, |&c| map.nodes.get(c).map_or(1, |n| side_rank(n.side)) as u64);
    children
}

/// `rows` with the subtrees of the first row's children reordered as [`side_order`] says (each
/// subtree moves as a block; `pos_in_set` follows the new order). Lay out and render these rows
/// so that each side holds its own region of the map; whatever else is given is returned as it
/// is. Linear.
pub fn rows_by_side(map: &ArgumentMap, rows: &[Row]) -> Vec<Row> {
    let Some(top) = rows.first() else { return Vec::new() };
    // Blocks: a child of the top row and the rows after it up to the next such child.
    let mut blocks: [Vec<(usize, usize)>; 3] = Default::default();
    let mut start = NONE;
    for (i, row) in rows.iter().enumerate().skip(1) {
        if map.nodes.get(row.node).and_then(|n| n.parent) == Some(top.node) && row.level == top.level + 1 {
            if start != NONE {
                let rank = rows.get(start).and_then(|r| map.nodes.get(r.node)).map_or(1, |n| side_rank(n.side));
                blocks[rank].push((start, i));
            }
            start = i;
        } else if start == NONE {
            return rows.to_vec();
        }
    }
    if start != NONE {
        let rank = rows.get(start).and_then(|r| map.nodes.get(r.node)).map_or(1, |n| side_rank(n.side));
        blocks[rank].push((start, rows.len()));
    }
    let mut out = Vec::with_capacity(rows.len());
    out.push(*top);
    for (pos, &(from, to)) in blocks.iter().flatten().enumerate() {
        let first = out.len();
        out.extend_from_slice(rows.get(from..to).unwrap_or_default());
        if let Some(head) = out.get_mut(first) {
            head.pos_in_set = pos + 1;
        }
    }
    out
}

/// How many positions and claims argue one side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    pub positions: usize,
    pub claims: usize,
}

/// One side's count, among the shown rows and in the whole map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SideBalance {
    pub side: Side,
    pub shown: Balance,
    pub all: Balance,
}

/// The balance line under the title: per side in [`SIDE_ORDER`], the positions and claims (by
/// their derived side; the question counts for none) among `rows` (each node once) and in all
/// of `map`. Linear in rows + nodes.
pub fn balance(map: &ArgumentMap, rows: &[Row]) -> [SideBalance; 3] {
    let mut sides = SIDE_ORDER.map(|side| SideBalance { side, shown: Balance::default(), all: Balance::default() });
    let count = |b: &mut Balance, kind: Kind| match kind {
        Kind::Position => b.positions += 1,
        Kind::Claim => b.claims += 1,
        Kind::Question => {}
    };
    for node in &map.nodes {
        if let Some(s) = sides.get_mut(side_rank(node.side)) {
            count(&mut s.all, node.kind);
        }
    }
    let mut seen = vec![false; map.nodes.len()];
    for row in rows {
        let (Some(node), Some(seen)) = (map.nodes.get(row.node), seen.get_mut(row.node)) else { continue };
        if !*seen {
            *seen = true;
            if let Some(s) = sides.get_mut(side_rank(node.side)) {
                count(&mut s.shown, node.kind);
            }
        }
    }
    sides
}

/// A card's size before the browser has measured it, from its claim: wide enough for the claim
/// up to the card's widest, and as many lines as the claim wraps to (the same estimate of glyph
/// widths as the saved picture), under one line of badges and, when `closed` with children
/// hidden, one line saying what it hides. For a huge map, where only the cards near the view are
/// drawn and measured, it keeps the cards not yet measured where they will turn out to be.
pub fn estimated_card_size(text: &str, closed: bool) -> Size {
    // The card's CSS: 14 px type, 1.45 line height, at most 16rem (256 px) wide, at least
    // 8rem, 0.6em/0.4em padding and a 2 px border (border-box), 44 px tall at least.
    const LINE: f32 = 14.0 * 1.45;
    const FRAME_X: f32 = 2.0 * 8.4 + 4.0;
    const FRAME_Y: f32 = 2.0 * 5.6 + 4.0;
    let lines = super::picture::wrap(text, 256.0 - FRAME_X);
    let widest = lines.iter().map(|l| super::picture::text_width(l)).fold(0.0f32, f32::max);
    let width = (widest + FRAME_X).clamp(128.0, 256.0);
    let rows = 1 + lines.len().max(1) + usize::from(closed);
    Size { width, height: (FRAME_Y + rows as f32 * LINE).max(44.0) }
}
