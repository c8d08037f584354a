//! The map drawing: the same treeitems as the outline, as cards laid out by the model's tidy
//! tree, joined by connectors in an `aria-hidden` SVG, on a plane the reader pans and zooms.
//!
//! Cards are measured by the browser once per node and language, then laid out (`layout()`);
//! positions and the camera are set through the CSSOM, which a strict CSP allows where style
//! attributes are refused. Pan and zoom move one transform and never lay out again.

use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::camera::{self, fitted, in_region, region, zoom_at, Camera, Region};
use crate::model::{
    cross_links, estimated_card_size, layout, Action, ArgumentMap, Hits, Layout, LayoutOptions, NodeIdx, Orientation, Overview, Row, Size,
    ViewState,
};

use super::hooks::{use_pan_zoom, MoveCamera, PanZoom};
use super::map_controls::{map_controls, Control};
use super::map_overview::paint_overview;
use super::map_picture::save_picture;
use super::map_wires::{MapWires, Redraw};
use super::row::{hiding, shows_open, TreeRow};
use super::state::MapRef;
use super::tree_keys::tree_handlers;

#[derive(Properties, PartialEq)]
pub struct MapCanvasProps {
    pub map: MapRef,
    pub view: Rc<ViewState>,
    pub rows: Rc<Vec<Row>>,
    pub hits: Rc<Hits>,
    /// Bumped when the selected card should take keyboard focus.
    pub focus: u32,
    pub on_action: Callback<Action>,
}

/// From how many shown cards on the map draws only those near the view (and the selected one):
/// thousands of cards cost seconds of style and layout, while a reader sees a few dozen. Below it
/// every card is in the DOM, as a smaller map's tests and readers expect.
pub(super) const DRAW_ALL_UP_TO: usize = 400;

/// What the canvas remembers between renders, outside Yew's state (changing it must not render).
#[derive(Default)]
struct Memory {
    /// Measured card sizes, for the language they were measured in: per node, closed or open (a
    /// closed card also says what it hides).
    lang: String,
    sizes: HashMap<(NodeIdx, bool), Size>,
    /// Estimated sizes of cards not measured yet (a huge map has thousands), kept so that a
    /// render wraps each claim once, not on every pan that draws new cards.
    /// Per node, open and closed.
    estimates: Vec<[Option<Size>; 2]>,
    /// Where each card was put last time, to keep the one the reader acted on still.
    placed: HashMap<NodeIdx, (f32, f32)>,
    camera: Option<Camera>,
    layout: Option<Rc<Layout>>,
    /// The viewport's size when last seen, and the plane region whose cards are drawn (in
    /// `DRAWN_CELL`s), for a map too big to draw whole.
    room: (f32, f32),
    drawn: Option<Region>,
    /// The rows and selection the camera last answered (revealed what opened).
    acted_on: Option<(Rc<Vec<Row>>, NodeIdx)>,
    /// A card the keyboard moved to before it could take focus.
    focus_wanted: Option<NodeIdx>,
    /// Cards given their start (where they grow from) when they were measured.
    started: Vec<NodeIdx>,
    /// The overview as last painted, to read a click on it back into a place on the map, and
    /// each shown card's side for its marks (a pan that first shows it paints them).
    overview: Option<Overview>,
    sides: Vec<&'static str>,
}

/// Focuses the tree's tab stop if it is the card of `id` and is placed; whether it did.
fn focus_placed(stage: &web_sys::Element, id: &str) -> bool {
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

fn html_element(e: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    e.clone().dyn_into().ok()
}

fn set_transform(element: &web_sys::Element, value: &str) {
    if let Some(e) = html_element(element) {
        let _ = e.style().set_property("transform", value);
    }
}

/// Whole pixels: integer formatting keeps float formatting (about 14 KB) out of the wasm.
pub(super) fn px(v: f32) -> i32 {
    v.round() as i32
}

fn translate(x: f32, y: f32) -> String {
    format!("translate({}px,{}px)", px(x), px(y))
}

fn apply_camera(stage: &web_sys::Element, camera: Camera) {
    let k = (camera.zoom * 1000.0).round() as i32;
    set_transform(stage, &format!("{} scale({}.{:03})", translate(camera.x, camera.y), k / 1000, k % 1000));
}

/// Taking over a first view the page drew from its HTML: sets the canvas to the height that
/// makes the widget exactly as tall as that view, so nothing below it on the page moves when it
/// goes, and returns the room inside it. `None` when there is no such view.
fn fit_to_first_view(viewport: &web_sys::Element) -> Option<f32> {
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

fn viewport_size(viewport: &web_sys::Element) -> (f32, f32) {
    (viewport.client_width() as f32, viewport.client_height() as f32)
}

/// Whether row `i`'s card is drawn closed (it has children it does not show).
fn closed(map: &ArgumentMap, view: &ViewState, rows: &[Row], i: usize) -> bool {
    rows.get(i).is_some_and(|r| !map.nodes[r.node].children.is_empty()) && !shows_open(map, view, rows, i)
}

/// Every shown card laid out, at its measured size, or an estimate where it has not been measured
/// yet (in the reader's language); kept as the canvas's newest layout.
fn lay_out(map: &ArgumentMap, view: &ViewState, rows: &[Row], m: &mut Memory) -> Rc<Layout> {
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

#[component]
pub fn MapCanvas(props: &MapCanvasProps) -> Html {
    let map = &props.map;
    let view = &props.view;
    let rows = &props.rows;
    let memory = use_mut_ref(Memory::default);
    let measured = use_state(|| 0u32);
    let (viewport_ref, stage_ref, overview_ref) = (use_node_ref(), use_node_ref(), use_node_ref());

    let placed = lay_out(map, view, rows, &mut memory.borrow_mut());
    let links = cross_links(map, rows, &placed);
    let redraw = use_memo((), |_| Redraw::default());
    // Which cards are drawn: all of a map of ordinary size; of a huge one, those near the view,
    // the selected one (it holds the tree's one tab stop) and, before there is a camera, the
    // first screenful in tree order.
    // Set when the drawn region changes: only to render again (the region itself is in memory).
    let redrawn = use_state(|| None::<Region>);
    let drawn: Rc<Vec<bool>> = Rc::new(if rows.len() <= DRAW_ALL_UP_TO {
        vec![true; rows.len()]
    } else {
        let region = memory.borrow().drawn;
        rows.iter()
            .zip(&placed.cards)
            .enumerate()
            .map(|(i, (r, rect))| r.node == view.selected || region.map_or(i < DRAW_ALL_UP_TO / 4, |g| in_region(rect, g)))
            .collect()
    });

    // After each render: measure new cards; once all are measured, put every card in its place
    // and move the camera only as far as the reader's action needs.
    {
        let (memory, measured, viewport_ref, stage_ref) = (memory.clone(), measured.clone(), viewport_ref.clone(), stage_ref.clone());
        let overview_ref = overview_ref.clone();
        let (map, view, rows, placed, redrawn) = (map.clone(), view.clone(), rows.clone(), placed.clone(), redrawn.clone());
        let redraw = (*redraw).clone();
        use_effect(move || {
            let mut placed = placed;
            let selected = view.selected;
            let (Some(stage), Some(viewport)) = (stage_ref.cast::<web_sys::Element>(), viewport_ref.cast::<web_sys::Element>()) else {
                return;
            };
            // The first placing shows the map at rest: every card appears in its place, none
            // flies out of the root (a reader, or a host script told the map is ready, acts on
            // cards where they are).
            let first = memory.borrow().camera.is_none();
            let Ok(cards) = stage.query_selector_all("[role=treeitem]") else { return };
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
                .map(|(i, r)| (i, (r.node, closed(&map, &view, &rows, i))))
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
                    drop(m);
                    measured.set(*measured + 1);
                    return;
                }
                // Laid out again with what was measured, here: only the lines are drawn again
                // (the cards are placed below), not the whole canvas.
                placed = lay_out(&map, &view, &rows, &mut m);
                redraw.send(placed.clone());
            }
            // Read while the layout is clean (just measured, or untouched since the last frame).
            let mut room = viewport_size(&viewport);
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
                if let Some(inside) = fit_to_first_view(&viewport) {
                    room.1 = inside;
                } else if tall > room.1 {
                    if let Some(v) = html_element(&viewport) {
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
            let acted = m.acted_on.as_ref().is_none_or(|(r, s)| !Rc::ptr_eq(r, &rows) || *s != selected);
            m.acted_on = Some((rows.clone(), selected));
            let camera = match at.filter(|_| acted) {
                Some(i) => camera::follow(camera, &placed, i, room),
                None => camera,
            };
            m.camera = Some(camera);
            apply_camera(&stage, camera);
            m.placed = rows.iter().zip(placed.cards.iter()).map(|(r, c)| (r.node, (c.x, c.y))).collect();
            m.room = room;
            m.sides = rows.iter().map(|r| map.nodes[r.node].side.as_str()).collect();
            if let Some(svg) = overview_ref.cast::<web_sys::Element>() {
                let painted = paint_overview(&svg, &placed, &m.sides, camera, room, true);
                m.overview = Some(painted);
            }
            if m.focus_wanted.take() == Some(selected) {
                focus_placed(&stage, &map.nodes[selected].id);
            }
            if rows.len() > DRAW_ALL_UP_TO {
                let now = region(camera, room);
                if m.drawn != Some(now) {
                    m.drawn = Some(now);
                    redrawn.set(Some(now));
                }
            }
        });
    }
    // Focus moved by the keyboard (or a jump): into the selected card — once it is placed (a
    // card just drawn is hidden until measured and cannot take focus; then placing it does).
    {
        let (stage_ref, memory) = (stage_ref.clone(), memory.clone());
        let (map, selected) = (map.clone(), view.selected);
        use_effect_with(props.focus, move |&focus| {
            if focus == 0 {
                return;
            }
            let Some(stage) = stage_ref.cast::<web_sys::Element>() else { return };
            if !focus_placed(&stage, &map.nodes[selected].id) {
                memory.borrow_mut().focus_wanted = Some(selected);
            }
        });
    }

    // Every move of the view (gestures, the controls, the overview) goes through here.
    let camera_change: MoveCamera = {
        let (memory, stage_ref, redrawn, huge) = (memory.clone(), stage_ref.clone(), redrawn.setter(), rows.len() > DRAW_ALL_UP_TO);
        let overview_ref = overview_ref.clone();
        Rc::new(move |f: &dyn Fn(Camera) -> Camera| {
            let mut m = memory.borrow_mut();
            if let (Some(c), Some(stage)) = (m.camera, stage_ref.cast::<web_sys::Element>()) {
                let next = f(c);
                m.camera = Some(next);
                apply_camera(&stage, next);
                if let (Some(svg), Some(placed)) = (overview_ref.cast::<web_sys::Element>(), m.layout.clone()) {
                    let painted = paint_overview(&svg, &placed, &m.sides, next, m.room, false);
                    m.overview = Some(painted);
                }
                // A huge map draws the cards the camera has come near (a render only when the
                // region crosses a cell; pan and zoom otherwise move the one transform).
                let now = region(next, m.room);
                if huge && m.drawn != Some(now) {
                    m.drawn = Some(now);
                    redrawn.set(Some(now));
                }
            }
        })
    };
    // A press or a drag on the overview centres the view there.
    let overview_move = {
        let (memory, camera_change, overview_ref) = (memory.clone(), camera_change.clone(), overview_ref.clone());
        Callback::from(move |e: PointerEvent| {
            if e.type_() == "pointermove" && e.buttons() & 1 == 0 {
                return;
            }
            let (Some(o), Some(svg)) = (memory.borrow().overview, overview_ref.cast::<web_sys::Element>()) else { return };
            e.prevent_default();
            let r = svg.get_bounding_client_rect();
            let (x, y) = o.to_map(e.client_x() as f32 - r.left() as f32, e.client_y() as f32 - r.top() as f32);
            let room = memory.borrow().room;
            camera_change(&move |c| Camera { x: room.0 / 2.0 - x * c.zoom, y: room.1 / 2.0 - y * c.zoom, ..c });
        })
    };
    let PanZoom { onpointerdown, onpointermove, onpointerup } = use_pan_zoom(viewport_ref.clone(), camera_change.clone());
    // Focus moving to a card can make the browser scroll the clipped viewport; the camera, not
    // the scroll position, says what is in view.
    let onscroll = Callback::from(|e: Event| {
        if let Some(v) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            v.set_scroll_top(0);
            v.set_scroll_left(0);
        }
    });
    let on_control = {
        let (camera_change, viewport_ref, memory) = (camera_change.clone(), viewport_ref.clone(), memory.clone());
        let (map, rows, view) = (map.clone(), rows.clone(), view.clone());
        Callback::from(move |control: Control| {
            let room = viewport_ref.cast::<web_sys::Element>().map(|v| viewport_size(&v)).unwrap_or((600.0, 400.0));
            // The newest layout: the cards may have been measured since this render.
            let layout = memory.borrow().layout.clone();
            match (control, layout) {
                (Control::Zoom(factor), _) => camera_change(&move |c| zoom_at(c, factor, room.0 / 2.0, room.1 / 2.0)),
                (Control::Fit, Some(layout)) => camera_change(&move |_| fitted(&layout, room)),
                (Control::Save { png }, Some(layout)) => save_picture(&map, &view, &rows, &layout, png),
                (_, None) => {}
            }
        })
    };
    // Pointing at a card lights its cross-links, as selecting it does; done on the drawn links
    // directly, since a hover is not the reader's state and must not render the map again.
    let hover = |on: bool| {
        let stage_ref = stage_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(stage) = stage_ref.cast::<web_sys::Element>() else { return };
            let card =
                e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("[data-node-id]").ok().flatten());
            let id = card.and_then(|c| c.get_attribute("data-node-id")).filter(|_| on);
            let Ok(links) = stage.query_selector_all(".am-xlink") else { return };
            for i in 0..links.length() {
                let Some(link) = links.item(i).and_then(|l| l.dyn_into::<web_sys::Element>().ok()) else { continue };
                let touches = id.as_deref().is_some_and(|id| {
                    link.get_attribute("data-from").as_deref() == Some(id) || link.get_attribute("data-to").as_deref() == Some(id)
                });
                let _ = if touches { link.set_attribute("data-hover", "") } else { link.remove_attribute("data-hover") };
            }
        })
    };
    let (onpointerover, onpointerleave) = (hover(true), hover(false));
    let (onkeydown, onfocusin) = tree_handlers(&props.on_action, map, view);
    let lang = AttrValue::from(view.lang.clone());
    let query = AttrValue::from(view.query.trim().to_owned());
    let selected = view.selected;
    let is_drawn = |i: usize| drawn.get(i).copied().unwrap_or(false);
    html! {
        <div class="am-canvas-box">
            <svg class="am-overview" ref={overview_ref} aria-hidden="true" hidden=true
                onpointerdown={overview_move.clone()} onpointermove={overview_move}></svg>
            <div class="am-canvas" ref={viewport_ref.clone()} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup} {onscroll}>
                <div class="am-stage" ref={stage_ref}>
                    <MapWires map={map.clone()} view={view.clone()} rows={rows.clone()} layout={placed.clone()} drawn={drawn.clone()}
                        redraw={(*redraw).clone()} />
                    <div class="am-tree am-cards" role="tree" data-view="map" data-shown={rows.len().to_string()}
                        aria-label={map.title.get(&view.lang).to_owned()} {onkeydown} {onfocusin}
                        {onpointerover} {onpointerleave}>
                        { for rows.iter().enumerate().filter(|&(i, _)| is_drawn(i)).map(|(i, &row)| {
                            let node = row.node;
                            let lens = view.lens.map(|s| map.nodes[node].evidence.iter().any(|e| e.source == s));
                            html! {
                                <TreeRow key={map.nodes[node].id.clone()}
                                    map={map.clone()}
                                    {row}
                                    expanded={shows_open(map, view, rows, i)}
                                    selected={selected == node}
                                    lang={lang.clone()}
                                    query={props.hits.contains(node).then(|| query.clone())}
                                    elsewhere={props.hits.elsewhere(node).cloned()}
                                    {lens}
                                    verdict={view.verdicts.0.get(&node).copied()}
                                    card=true
                                    links_elsewhere={links.hidden.get(i).map_or(0, Vec::len)}
                                    hiding={hiding(map, view, node)}
                                    on_action={props.on_action.clone()} />
                            }
                        }) }
                    </div>
                </div>
            </div>
            { map_controls(&view.lang, &on_control) }
        </div>
    }
}
