//! The map's lines, in one `aria-hidden` SVG under the cards: a connector from each card to its
//! parent, their +/− marks, and the cross-article links.
//!
//! They are drawn from the layout the canvas rendered with, or from a newer one the canvas sends
//! through `Redraw` once it has measured the cards that just appeared: then only this SVG renders
//! again, not the cards (a node opening used to render the whole canvas twice).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::{cross_links, Curve, Layout, Relation, Row, ViewState};
use crate::strings::strings;

use super::map_placing::px;
use super::state::MapRef;

/// Where the canvas sends a layout newer than the one it rendered with.
#[derive(Clone, Default)]
pub struct Redraw(Rc<RefCell<Option<Callback<Rc<Layout>>>>>);

impl Redraw {
    pub fn send(&self, layout: Rc<Layout>) {
        let to = self.0.borrow().clone();
        if let Some(to) = to {
            to.emit(layout);
        }
    }
}

impl PartialEq for Redraw {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct MapWiresProps {
    pub map: MapRef,
    pub view: Rc<ViewState>,
    pub rows: Rc<Vec<Row>>,
    /// The layout the canvas rendered with.
    pub layout: Rc<Layout>,
    /// Which rows' cards are drawn (a huge map draws those near the view).
    pub drawn: Rc<Vec<bool>>,
    pub redraw: Redraw,
}

/// `data-long` on a line too long to be dashed (the style sheet draws it solid).
fn long(curve: &Curve) -> Option<&'static str> {
    curve.is_long().then_some("")
}

#[component]
pub fn MapWires(props: &MapWiresProps) -> Html {
    let (map, view, rows) = (&props.map, &props.view, &props.rows);
    // A newer layout, with the one it replaces: it holds until the canvas renders again.
    let newer = use_state(|| None::<(Rc<Layout>, Rc<Layout>)>);
    {
        let (newer, replaced) = (newer.setter(), props.layout.clone());
        *props.redraw.0.borrow_mut() = Some(Callback::from(move |layout| newer.set(Some((replaced.clone(), layout)))));
    }
    let placed = match &*newer {
        Some((replaced, layout)) if Rc::ptr_eq(replaced, &props.layout) => layout.clone(),
        _ => props.layout.clone(),
    };
    let s = strings(&view.lang);
    let is_drawn = |i: usize| props.drawn.get(i).copied().unwrap_or(false);
    // Each connector keyed by its child, so that a node opening inserts its connectors instead
    // of rewriting every one after them; the +/− marks after all the lines, on top of them.
    let connectors: Vec<_> = placed
        .connectors
        .iter()
        .filter(|c| is_drawn(c.parent) || is_drawn(c.child))
        .filter_map(|c| {
            let node = rows.get(c.child)?.node;
            // The exercise: no +/− and no side's colour before the reader's guess.
            let concealed = view.conceals(map, node);
            let relation = if concealed { "hidden" } else { c.relation.map_or("answers", Relation::as_str) };
            let mark = match c.relation.filter(|_| !concealed) {
                Some(Relation::Supports) => "+",
                Some(Relation::Attacks) => "−",
                _ => "",
            };
            Some((node, c, relation, mark))
        })
        .collect();
    let wires = connectors.iter().map(|(key, c, relation, _)| {
        html! { <path key={*key} class="am-wire" data-relation={*relation} data-long={long(&c.curve)} d={c.curve.svg_path()} /> }
    });
    let marks = connectors.iter().filter(|m| !m.3.is_empty()).map(|(key, c, relation, mark)| {
        let at = c.curve.point_at(0.8);
        html! {
            <text key={*key} class="am-wire-mark" data-relation={*relation} x={px(at.x).to_string()} y={px(at.y - 4.0).to_string()}>{ *mark }</text>
        }
    });
    let links = cross_links(map, rows, &placed);
    let cross = links.drawn.iter().filter(|l| is_drawn(l.from) || is_drawn(l.to)).map(|l| {
        let link = &map.links[l.link];
        let active = link.from == view.selected || link.to == view.selected;
        let at = l.curve.point_at(0.5);
        html! {
            <g key={l.link} class="am-xlink" data-relation={l.relation.as_str()} data-active={active.then_some("true")}
                data-from={map.nodes[link.from].id.clone()} data-to={map.nodes[link.to].id.clone()}>
                <path data-long={long(&l.curve)} d={l.curve.svg_path()} />
                <text x={px(at.x).to_string()} y={px(at.y).to_string()}>{ s.link_word(l.relation) }</text>
            </g>
        }
    });
    let size = (px(placed.width.max(1.0)).to_string(), px(placed.height.max(1.0)).to_string());
    html! {
        <svg class="am-wires" aria-hidden="true" width={size.0.clone()} height={size.1.clone()} viewBox={format!("0 0 {} {}", size.0, size.1)}>
            <g>{ for wires }</g>
            <g>{ for marks }</g>
            <g>{ for cross }</g>
        </svg>
    }
}
