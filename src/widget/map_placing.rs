//! The map view's measure-and-place: after each render, the browser measures the cards drawn
//! for the first time (per node, closed or open, and language), the model lays the map out
//! again with those sizes, and every card is put in its place (through the CSSOM, which a
//! strict CSP allows), new ones growing out of their parent; then the camera moves only as far
//! as the reader's action needs (`model::camera`). What it remembers between renders is
//! [`Memory`], outside Yew's state: changing it must not render.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::model::camera::{self, region, Camera, Region};
use crate::model::{estimated_card_size, layout, ArgumentMap, Layout, LayoutOptions, NodeIdx, Orientation, Overview, Row, Size, ViewState};

use super::map_overview::paint_overview;
use super::map_wires::Redraw;
use super::row::shows_open;

/// From how many shown cards on the map draws only those near the view (and the selected one):
/// thousands of cards cost seconds of style and layout, while a reader sees a few dozen. Below it
/// every card is in the DOM, as a smaller map's tests and readers expect.
pub(super) const DRAW_ALL_UP_TO: usize = 400;

/// What the canvas remembers between renders, outside Yew's state (changing it must not render).
#[derive(Default)]
pub(super) struct Memory {
    /// Measured card sizes, for the language they were measured in: per node, closed or open (a
    /// closed card also says what it hides).
    pub(super) lang: String,
    pub(super) sizes: HashMap<(NodeIdx, bool), Size>,
    /// Estimated sizes of cards not measured yet (a huge map has thousands), kept so that a
    /// render wraps each claim once, not on every pan that draws new cards.
    /// Per node, open and closed.
    pub(super) estimates: Vec<[Option<Size>; 2]>,
    /// Where each card was put last time, to keep the one the reader acted on still.
    pub(super) placed: HashMap<NodeIdx, (f32, f32)>,
    pub(super) camera: Option<Camera>,
    pub(super) layout: Option<Rc<Layout>>,
    /// The viewport's size when last seen, and the plane region whose cards are drawn (in
    /// `DRAWN_CELL`s), for a map too big to draw whole.
    pub(super) room: (f32, f32),
    pub(super) drawn: Option<Region>,
    /// The rows and selection the camera last answered (revealed what opened).
    pub(super) acted_on: Option<(Rc<Vec<Row>>, NodeIdx)>,
    /// A card the keyboard moved to before it could take focus.
    pub(super) focus_wanted: Option<NodeIdx>,
    /// Cards given their start (where they grow from) when they were measured.
    pub(super) started: Vec<NodeIdx>,
    /// The overview as last painted, to read a click on it back into a place on the map, and
    /// each shown card's side for its marks (a pan that first shows it paints them).
    pub(super) overview: Option<Overview>,
    pub(super) sides: Vec<&'static str>,
}

/// Focuses the tree's tab stop if it is the card of `id` and is placed; whether it did.
pub(super) fn focus_placed(stage: &web_sys::Element, id: &str) -> bool {
    let card = stage.query_selector("[role=treeitem][tabindex='0'][data-placed]").ok().flatten();
    match card.filter(|c| c.get_attribute("data-node-id").as_deref() == Some(id)).and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(card) => {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            card.focus_with_options(&options).is_ok()
        }
        None => false,
    }
}

pub(super) fn html_element(e: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    e.clone().dyn_into().ok()
}

pub(super) fn set_transform(element: &web_sys::Element, value: &str) {
    if let Some(e) = html_element(element) {
        let _ = e.style().set_property("transform", value);
    }
}

/// Whole pixels: integer formatting keeps float formatting (about 14 KB) out of the wasm.
pub(super) fn px(v: f32) -> i32 {
    v.round() as i32
}

pub(super) fn translate(x: f32, y: f32) -> String {
    format!("translate({}px,{}px)", px(x), px(y))
}

pub(super) fn apply_camera(stage: &web_sys::Element, camera: Camera) {
    let k = (camera.zoom * 1000.0).round() as i32;
    set_transform(stage, &format!("{} scale({}.{:03})", translate(camera.x, camera.y), k / 1000, k % 1000));
}

/// Taking over a first view the page drew from its HTML: sets the canvas to the height that
/// makes the widget exactly as tall as that view, so nothing below it on the page moves when it
/// goes, and returns the room inside it. `None` when there is no such view.
pub(super) fn fit_to_first_view(viewport: &web_sys::Element) -> Option<f32> {
    let widget = viewport.closest(".argmap").ok().flatten().filter(|w| w.has_attribute("data-pending"))?;
    let first = widget.previous_element_sibling().filter(|f| f.class_name() == "am-first")?;
    let canvas = html_element(viewport)?;
    let height = |e: &web_sys::Element| e.get_bounding_client_rect().height() as f32;
    let target = height(&first);
    // Twice: what stands beside the canvas (the detail) may be the taller at first.
    for _ in 0..2 {
        let outer = height(viewport);
        let wanted = (outer + target - height(&widget)).max(240.0);
        let _ = canvas.style().set_property("height", &format!("{}px", px(wanted)));
    }
    Some(viewport.client_height() as f32)
}

pub(super) fn viewport_size(viewport: &web_sys::Element) -> (f32, f32) {
    (viewport.client_width() as f32, viewport.client_height() as f32)
}

/// Whether row `i`'s card is drawn closed (it has children it does not show).
pub(super) fn closed(map: &ArgumentMap, view: &ViewState, rows: &[Row], i: usize) -> bool {
    rows.get(i).is_some_and(|r| !map.nodes[r.node].children.is_empty()) && !shows_open(map, view, rows, i)
}

/// Every shown card laid out, at its measured size, or an estimate where it has not been measured
/// yet (in the reader's language); kept as the canvas's newest layout.
pub(super) fn lay_out(map: &ArgumentMap, view: &ViewState, rows: &[Row], m: &mut Memory) -> Rc<Layout> {
    if m.lang != view.lang {
        m.lang = view.lang.clone();
        m.sizes.clear();
        m.estimates.clear();
    }
    let Memory { sizes, estimates, .. } = &mut *m;
    estimates.resize(map.nodes.len(), [None; 2]);
    let sizes: Vec<Size> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| match sizes.get(&(r.node, closed(map, view, rows, i))) {
            Some(&measured) => measured,
            None => {
                let closed = closed(map, view, rows, i);
                let slot = &mut estimates[r.node][usize::from(closed)];
                *slot.get_or_insert_with(|| estimated_card_size(map.nodes[r.node].text.get(&view.lang), closed))
            }
        })
        .collect();
    // Open on one side of the question, closed on the other: the shape of the debate at first
    // sight (a map without sides is laid out in one direction).
    let options = LayoutOptions { orientation: Orientation::Sides, ..LayoutOptions::default() };
    let placed = Rc::new(layout(map, rows, &sizes, &options));
    m.layout = Some(placed.clone());
    placed
}

/// One placing: what was rendered, and where.
pub(super) struct Placing<'a> {
    pub map: &'a ArgumentMap,
    pub view: &'a ViewState,
    pub rows: &'a Rc<Vec<Row>>,
    /// The layout the render used (laid out again here once new cards are measured).
    pub placed: Rc<Layout>,
    pub stage: &'a web_sys::Element,
    pub viewport: &'a web_sys::Element,
    pub overview: Option<web_sys::Element>,
    /// Tells the lines to draw themselves again for a new layout.
    pub redraw: &'a Redraw,
}

/// What the canvas must do after a placing.
pub(super) enum Outcome {
    /// Placed; nothing more.
    Done,
    /// A huge map measured cards: which cards it draws depends on where they go, render again.
    MeasureAgain,
    /// The camera came near other cells of a huge map: render again to draw their cards.
    Drawn(Region),
}

/// Measures new cards, puts every card in its place and moves the camera only as far as the
/// reader's action needs.
pub(super) fn place(memory: &RefCell<Memory>, p: Placing<'_>) -> Outcome {
    let Placing { map, view, rows, placed, stage, viewport, overview, redraw } = p;
    let mut placed = placed;
    let selected = view.selected;
    // The first placing shows the map at rest: every card appears in its place, none
    // flies out of the root (a reader, or a host script told the map is ready, acts on
    // cards where they are).
    let first = memory.borrow().camera.is_none();
    let Ok(cards) = stage.query_selector_all("[role=treeitem]") else { return Outcome::Done };
    let mut by_node: HashMap<NodeIdx, web_sys::Element> = HashMap::with_capacity(cards.length() as usize);
    for i in 0..cards.length() {
        let Some(card) = cards.item(i).and_then(|c| c.dyn_into::<web_sys::Element>().ok()) else { continue };
        if let Some(n) = card.get_attribute("data-node-id").and_then(|id| map.node_index(&id)) {
            by_node.insert(n, card);
        }
    }
    let mut m = memory.borrow_mut();
    // New cards grow out of their parent: they start where the parent is, without a
    // transition (they are not placed yet), then move to their place. A card that was on
    // the map already (drawn now because the view came near it) appears in its place.
    let start = |m: &Memory, placed: &Layout, i: usize, node: NodeIdx| match m.placed.get(&node) {
        Some(&(x, y)) if rows.len() > DRAW_ALL_UP_TO => (x, y),
        _ => placed.parent(i).and_then(|p| placed.cards.get(p)).map_or((0.0, 0.0), |r| (r.x, r.y)),
    };
    // Cards drawn for the first time, and cards opened or closed since they were measured.
    let unmeasured: Vec<(usize, (NodeIdx, bool))> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (i, (r.node, closed(map, view, rows, i))))
        .filter(|(_, key)| by_node.contains_key(&key.0) && !m.sizes.contains_key(key))
        .collect();
    if !unmeasured.is_empty() {
        // A new card's start is set before it is measured, so the layout the measuring
        // forces also gives it its start: placing it needs no layout of its own.
        for &(i, (n, _)) in unmeasured.iter().filter(|_| !first) {
            if let Some(card) = by_node.get(&n).filter(|card| !card.has_attribute("data-placed")) {
                let (x, y) = start(&m, &placed, i, n);
                set_transform(card, &translate(x, y));
                m.started.push(n);
            }
        }
        for (_, key) in unmeasured {
            if let Some(e) = by_node.get(&key.0).and_then(html_element) {
                m.sizes.insert(key, Size { width: e.offset_width() as f32, height: e.offset_height() as f32 });
            }
        }
        if rows.len() > DRAW_ALL_UP_TO {
            // Which cards a huge map draws depends on where they go: render again.
            return Outcome::MeasureAgain;
        }
        // Laid out again with what was measured, here: only the lines are drawn again
        // (the cards are placed below), not the whole canvas.
        placed = lay_out(map, view, rows, &mut m);
        redraw.send(placed.clone());
    }
    // Read while the layout is clean (just measured, or untouched since the last frame).
    let mut room = viewport_size(viewport);
    let started = std::mem::take(&mut m.started);
    let mut arriving = Vec::new();
    let mut flush = false;
    for (i, row) in rows.iter().enumerate() {
        let Some(card) = by_node.get(&row.node) else { continue };
        if card.get_attribute("data-placed").is_none() {
            // Measured earlier (a card opened again): its start needs a style flush.
            if !started.contains(&row.node) {
                let from = match placed.cards.get(i) {
                    Some(rect) if first => (rect.x, rect.y),
                    _ => start(&m, &placed, i, row.node),
                };
                set_transform(card, &translate(from.0, from.1));
                flush = true;
            }
            arriving.push(card.clone());
        }
    }
    if flush {
        let _ = stage.get_bounding_client_rect();
    }
    // The move below then transitions: a transition takes its `transition` from the
    // style after the change, where data-placed is set.
    for card in &arriving {
        let _ = card.set_attribute("data-placed", "");
    }
    for (i, row) in rows.iter().enumerate() {
        if let (Some(card), Some(rect)) = (by_node.get(&row.node), placed.cards.get(i)) {
            set_transform(card, &translate(rect.x, rect.y));
            // Its "+" on the edge it grows from (the open side grows left).
            let left = placed.grows_left(i);
            if card.has_attribute("data-grow") != left {
                let _ = if left { card.set_attribute("data-grow", "left") } else { card.remove_attribute("data-grow") };
            }
        }
    }
    // The first time: as tall as the opening view needs (within reason), so a reader
    // sees every position at once and the page, not the map, scrolls.
    if m.camera.is_none() {
        let window = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(800.0) as f32;
        let tall = camera::first_height(placed.height, window, viewport.get_bounding_client_rect().top() as f32);
        if let Some(inside) = fit_to_first_view(viewport) {
            room.1 = inside;
        } else if tall > room.1 {
            if let Some(v) = html_element(viewport) {
                let _ = v.style().set_property("height", &format!("{}px", px(tall)));
            }
            room.1 = tall;
        }
    }
    let at = rows.iter().position(|r| r.node == selected);
    let now = at.and_then(|i| placed.cards.get(i)).map(|r| (r.x, r.y));
    let camera = match (m.camera, now, m.placed.get(&selected)) {
        // The card the reader acted on stays where it was on screen...
        (Some(c), Some(now), Some(&before)) => camera::keep_still(c, before, now),
        (Some(c), _, _) => c,
        (None, _, _) => camera::opening(&placed, room, at),
    };
    // ...then the view pans only as far as needed to show what opened: once per reader's
    // action, not again when a huge map draws the cards a pan came near.
    let acted = m.acted_on.as_ref().is_none_or(|(r, s)| !Rc::ptr_eq(r, rows) || *s != selected);
    m.acted_on = Some((rows.clone(), selected));
    let camera = match at.filter(|_| acted) {
        Some(i) => camera::follow(camera, &placed, i, room),
        None => camera,
    };
    m.camera = Some(camera);
    apply_camera(stage, camera);
    m.placed = rows.iter().zip(placed.cards.iter()).map(|(r, c)| (r.node, (c.x, c.y))).collect();
    m.room = room;
    m.sides = rows.iter().map(|r| map.nodes[r.node].side.as_str()).collect();
    if let Some(svg) = overview {
        let painted = paint_overview(&svg, &placed, &m.sides, camera, room, true);
        m.overview = Some(painted);
    }
    if m.focus_wanted.take() == Some(selected) {
        focus_placed(stage, &map.nodes[selected].id);
    }
    if rows.len() > DRAW_ALL_UP_TO {
        let now = region(camera, room);
        if m.drawn != Some(now) {
            m.drawn = Some(now);
            return Outcome::Drawn(now);
        }
    }
    Outcome::Done
}
