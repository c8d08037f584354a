//! The map drawing: the same treeitems as the outline, as cards laid out by the model's tidy
//! tree, joined by connectors in an `aria-hidden` SVG, on a plane the reader pans and zooms.
//!
//! Cards are measured by the browser once per node and language, then laid out (`layout()`);
//! positions and the camera are set through the CSSOM, which a strict CSP allows where style
//! attributes are refused. Pan and zoom move one transform and never lay out again.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::camera::{fitted, in_region, region, zoom_at, Camera, Region};
use crate::model::{cross_links, Action, Hits, Row, ViewState};

use super::hooks::{use_pan_zoom, MoveCamera, PanZoom};
use super::map_controls::{map_controls, Control};
use super::map_overview::paint_overview;
use super::map_picture::save_picture;
use super::map_placing::{apply_camera, focus_placed, lay_out, place, viewport_size, Memory, Outcome, Placing, DRAW_ALL_UP_TO};
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
            let (Some(stage), Some(viewport)) = (stage_ref.cast::<web_sys::Element>(), viewport_ref.cast::<web_sys::Element>()) else {
                return;
            };
            let placing = Placing {
                map: &map,
                view: &view,
                rows: &rows,
                placed,
                stage: &stage,
                viewport: &viewport,
                overview: overview_ref.cast::<web_sys::Element>(),
                redraw: &redraw,
            };
            match place(&memory, placing) {
                Outcome::MeasureAgain => measured.set(*measured + 1),
                Outcome::Drawn(region) => redrawn.set(Some(region)),
                Outcome::Done => {}
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
