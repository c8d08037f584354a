//! The map view in a real headless Chromium: which drawing shows at which width, cards that do
//! not overlap, a connector per shown child, toggles by click and key, a view switch that keeps
//! the reader's place, pan and zoom that move only the camera, cross-links, hostile shapes.
#![cfg(target_arch = "wasm32")]

mod maps;
mod widget;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use widget::{until, Mounted};

wasm_bindgen_test_configure!(run_in_browser);

const FLAGSHIP: &str = include_str!("../www/maps/open-vs-closed.json");
const SAMPLE: &str = include_str!("../www/maps/sample.json");

/// Mounts `json` in an element `width` px wide, as a blog column or a phone would give it.
async fn mount_at(json: &str, width: u32, options: &[(&str, &str)]) -> Mounted {
    web_sys::window().unwrap().session_storage().unwrap().unwrap().clear().unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("argument-map").unwrap().dyn_into().unwrap();
    host.style().set_property("display", "block").unwrap();
    host.style().set_property("width", &format!("{width}px")).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &"json".into(), &json.into()).unwrap();
    js_sys::Reflect::set(&object, &"lang".into(), &"en".into()).unwrap();
    for (key, value) in options {
        js_sys::Reflect::set(&object, &(*key).into(), &(*value).into()).unwrap();
    }
    let widget = argmap::widget::mount(host.clone().into(), object.into()).expect("mount succeeds");
    // The widget's own stylesheet, as argmap.js links it on a real page: card sizes come from it.
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../www/argmap.css")));
    host.shadow_root().unwrap().append_child(&style).unwrap();
    yew::scheduler::flush().await;
    Mounted { host: host.into(), widget }
}

async fn placed(m: &Mounted) -> Vec<web_sys::Element> {
    until("every card placed", || {
        let cards = m.all("[data-view=map] [role=treeitem]");
        (!cards.is_empty() && cards.iter().all(|c| c.has_attribute("data-placed"))).then_some(cards)
    })
    .await
}

/// Where a card is put (its transform, the end of any transition) and its size: x, y, w, h.
fn final_rect(card: &web_sys::Element) -> (f64, f64, f64, f64) {
    let card: &web_sys::HtmlElement = card.dyn_ref().unwrap();
    let transform = card.style().get_property_value("transform").unwrap();
    let numbers: Vec<f64> = transform
        .trim_start_matches("translate(")
        .trim_end_matches(')')
        .split(',')
        .map(|n| n.trim().trim_end_matches("px").parse().unwrap())
        .collect();
    // `translate(x)` is how the browser writes `translate(x, 0)`.
    (numbers[0], numbers.get(1).copied().unwrap_or(0.0), card.offset_width() as f64, card.offset_height() as f64)
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.0 + b.2 - 0.5 && b.0 < a.0 + a.2 - 0.5 && a.1 < b.1 + b.3 - 0.5 && b.1 < a.1 + a.3 - 0.5
}

fn stage_transform(m: &Mounted) -> String {
    m.html(".am-stage").style().get_property_value("transform").unwrap()
}

#[wasm_bindgen_test]
async fn the_flagship_is_a_map_on_a_page_and_an_outline_on_a_phone() {
    let wide = mount_at(FLAGSHIP, 1280, &[]).await;
    assert_eq!(wide.one("[role=tree]").get_attribute("data-view").as_deref(), Some("map"));
    assert!(!wide.text("[role=tree]").is_empty());
    wide.unmount();
    let phone = mount_at(FLAGSHIP, 390, &[]).await;
    assert_eq!(phone.one("[role=tree]").get_attribute("data-view").as_deref(), Some("outline"));
    phone.unmount();
    let asked = mount_at(FLAGSHIP, 390, &[("view", "map")]).await;
    assert_eq!(asked.one("[role=tree]").get_attribute("data-view").as_deref(), Some("map"), "the host's view=map wins");
    asked.unmount();
}

#[wasm_bindgen_test]
async fn cards_stand_apart_and_each_shown_child_has_a_connector() {
    let m = mount_at(FLAGSHIP, 1280, &[]).await;
    let first = m.all("[data-view=map] [role=treeitem]")[1].get_attribute("data-node-id").unwrap();
    m.click(&format!("[role=treeitem][data-node-id='{first}']")).await;
    let cards = placed(&m).await;
    assert!(cards.len() > 7, "a position opened: {}", cards.len());
    let rects: Vec<_> = cards.iter().map(final_rect).collect();
    for i in 0..rects.len() {
        for j in i + 1..rects.len() {
            assert!(!overlap(rects[i], rects[j]), "cards {i} and {j} overlap: {:?} {:?}", rects[i], rects[j]);
        }
    }
    assert_eq!(m.all(".am-wire").len(), cards.len() - 1, "one connector per shown child");
    let attacks = m
        .all("[data-view=map] [role=treeitem]")
        .iter()
        .filter(|c| c.query_selector(".am-rel[data-relation=attacks]").ok().flatten().is_some())
        .count();
    assert_eq!(m.all(".am-wire[data-relation=attacks]").len(), attacks, "attacks are drawn as attacks");
    m.unmount();
}

/// Whether a line ending at (x, y) arrives at the middle of the card's inner edge: its left edge
/// when the map grows rightwards, its right edge on the side that grows leftwards (the open side,
/// left of the question), its top edge when it grows downwards.
fn arrives(card: &(f64, f64, f64, f64), x: f64, y: f64) -> bool {
    let (left, top, width, height) = *card;
    let near = |a: f64, b: f64| (a - b).abs() <= 1.5;
    ((near(x, left) || near(x, left + width)) && near(y, top + height / 2.0)) || (near(x, left + width / 2.0) && near(y, top))
}

/// Where a connector's line ends: the last point of its `d`.
fn wire_end(wire: &web_sys::Element) -> (f64, f64) {
    let d = wire.get_attribute("d").unwrap_or_default();
    let numbers: Vec<f64> = d.rsplit(',').next().unwrap_or_default().split(' ').filter_map(|n| n.trim().parse().ok()).collect();
    (numbers.first().copied().unwrap_or(f64::NAN), numbers.get(1).copied().unwrap_or(f64::NAN))
}

#[wasm_bindgen_test]
async fn connectors_end_at_their_cards_as_measured() {
    // Cards are laid out at an estimated size first, then at the size the browser gives them:
    // the lines must follow the second layout, not stay where the estimate put the cards.
    let m = mount_at(FLAGSHIP, 1280, &[]).await;
    let first = m.all("[data-view=map] [role=treeitem]")[1].get_attribute("data-node-id").unwrap();
    m.click(&format!("[role=treeitem][data-node-id='{first}']")).await;
    let misses = until("every connector ends at the middle of a card's edge", || {
        let cards = m.all("[data-view=map] [role=treeitem]");
        if cards.iter().any(|c| !c.has_attribute("data-placed")) {
            return None;
        }
        let rects: Vec<_> = cards.iter().map(final_rect).collect();
        let wires = m.all(".am-wire");
        let misses: Vec<(f64, f64)> = wires.iter().map(wire_end).filter(|&(x, y)| !rects.iter().any(|r| arrives(r, x, y))).collect();
        (wires.len() == cards.len() - 1 && misses.is_empty()).then_some(misses)
    })
    .await;
    assert!(misses.is_empty());
    m.unmount();
}

#[wasm_bindgen_test]
async fn click_and_keys_open_exactly_one_node_in_the_map() {
    let m = mount_at(SAMPLE, 1000, &[]).await;
    placed(&m).await;
    assert_eq!(m.visible_ids().len(), 3);
    m.click("[role=treeitem][data-node-id='ban']").await;
    assert_eq!(m.visible_ids().len(), 5, "ban's two children");
    m.row("ban").focus().unwrap();
    yew::scheduler::flush().await;
    m.key("ArrowLeft").await;
    assert_eq!(m.visible_ids().len(), 3, "← closes it");
    m.key("ArrowRight").await;
    m.key("ArrowRight").await;
    assert_eq!(m.focused_id().as_deref(), Some("ban-distraction"), "→ goes to the first child, focus follows");
    m.unmount();
}

#[wasm_bindgen_test]
async fn switching_views_keeps_what_is_open_selected_and_focused() {
    let m = mount_at(SAMPLE, 1000, &[]).await;
    m.click("[role=treeitem][data-node-id='allow']").await;
    m.row("allow").focus().unwrap();
    let before = m.visible_ids();
    m.click("[data-action=view-outline]").await;
    assert_eq!(m.one("[role=tree]").get_attribute("data-view").as_deref(), Some("outline"));
    let mut after = m.visible_ids();
    let mut sorted = before.clone();
    sorted.sort();
    after.sort();
    assert_eq!(sorted, after, "the same nodes are open");
    assert_eq!(m.row("allow").get_attribute("aria-selected").as_deref(), Some("true"));
    m.click("[data-action=view-map]").await;
    assert_eq!(m.one("[role=tree]").get_attribute("data-view").as_deref(), Some("map"));
    assert_eq!(m.row("allow").get_attribute("aria-selected").as_deref(), Some("true"));
    m.unmount();
}

#[wasm_bindgen_test]
async fn pan_and_zoom_move_the_camera_not_the_cards() {
    let m = mount_at(SAMPLE, 1000, &[]).await;
    let cards = placed(&m).await;
    let positions = |cards: &[web_sys::Element]| -> Vec<String> {
        cards.iter().map(|c| c.dyn_ref::<web_sys::HtmlElement>().unwrap().style().get_property_value("transform").unwrap()).collect()
    };
    let (camera, before) = (stage_transform(&m), positions(&cards));
    m.click("[data-action=zoom-in]").await;
    assert_ne!(stage_transform(&m), camera, "zoom moved the camera");
    assert_eq!(positions(&m.all("[data-view=map] [role=treeitem]")), before, "and no card");
    m.click("[data-action=fit]").await;
    assert_eq!(positions(&m.all("[data-view=map] [role=treeitem]")), before);
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_link_is_drawn_when_both_ends_are_shown() {
    let m = mount_at(FLAGSHIP, 1280, &[]).await;
    m.click("[data-action=expand-all]").await;
    placed(&m).await;
    assert!(!m.all(".am-xlink").is_empty(), "cross-article links drawn");
    assert!(m.all(".am-xlink[data-relation=contradicts]").len() > 3);
    m.unmount();
}

#[wasm_bindgen_test]
async fn pointing_at_a_card_lights_its_links_and_only_its_links() {
    let m = mount_at(FLAGSHIP, 1280, &[]).await;
    m.click("[data-action=expand-all]").await;
    placed(&m).await;
    let link = m.all(".am-xlink").into_iter().next().expect("a drawn link");
    let from = link.get_attribute("data-from").expect("the link names its ends");
    let card = m.all(&format!("[role=treeitem][data-node-id='{from}']")).into_iter().next().expect("its card");
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    card.dispatch_event(&web_sys::PointerEvent::new_with_event_init_dict("pointerover", &init).unwrap()).unwrap();
    let lit = m.all(".am-xlink[data-hover]");
    assert!(!lit.is_empty(), "its links light up");
    for l in &lit {
        let ends = [l.get_attribute("data-from"), l.get_attribute("data-to")];
        assert!(ends.contains(&Some(from.clone())), "only links that touch the card");
    }
    let cards = m.all("[data-view=map]");
    let tree = cards.first().unwrap();
    tree.dispatch_event(&web_sys::PointerEvent::new_with_event_init_dict("pointerleave", &web_sys::PointerEventInit::new()).unwrap())
        .unwrap();
    assert!(m.all(".am-xlink[data-hover]").is_empty(), "and go out when the pointer leaves");
    m.unmount();
}

#[wasm_bindgen_test]
async fn hostile_shapes_lay_out_and_stay_usable() {
    let word = "x".repeat(300);
    let mut bushy = vec![r#"{"id":"q","kind":"question","text":"Q"}"#.to_owned()];
    bushy.push(r#"{"id":"p","parent":"q","kind":"position","side":"open","text":"P"}"#.to_owned());
    for i in 0..2000 {
        bushy.push(format!(r#"{{"id":"c{i}","parent":"p","kind":"claim","text":"claim {i}"}}"#));
    }
    let maps = [
        format!(r#"{{"format":"argmap/1","id":"w","title":"W","languages":["en"],"root":"q","nodes":[{{"id":"q","kind":"question","text":"{word}"}}]}}"#),
        r#"{"format":"argmap/1","id":"rtl","title":"R","languages":["ar","en"],"root":"q","nodes":[{"id":"q","kind":"question","text":{"ar":"هل يجب حظر الهواتف؟"}},{"id":"p","parent":"q","kind":"position","side":"open","text":{"ar":"نعم"}}]}"#.to_owned(),
        format!(r#"{{"format":"argmap/1","id":"bush","title":"B","languages":["en"],"root":"q","nodes":[{}]}}"#, bushy.join(",")),
    ];
    for json in &maps {
        let m = mount_at(json, 1000, &[]).await;
        let cards = placed(&m).await;
        let card = cards[0].get_bounding_client_rect();
        assert!(card.width() <= 16.0 * 16.0 + 1.0, "a 300-character word wraps inside its card: {}", card.width());
        m.click("[role=treeitem]").await;
        m.unmount();
    }
}

/// A map of `positions` positions with `claims` claims each: big enough that the map draws only
/// the cards near the view.
fn wide_map(positions: usize, claims: usize) -> String {
    let mut nodes = vec![r#"{"id":"q","kind":"question","text":"Q"}"#.to_owned()];
    for p in 0..positions {
        let side = if p % 2 == 0 { "open" } else { "closed" };
        nodes.push(format!(r#"{{"id":"p{p}","parent":"q","kind":"position","side":"{side}","text":"Position {p}"}}"#));
        for c in 0..claims {
            nodes.push(format!(
                r#"{{"id":"p{p}c{c}","parent":"p{p}","kind":"claim","relation":"supports","text":"Claim {c} of position {p}"}}"#
            ));
        }
    }
    format!(r#"{{"format":"argmap/1","id":"wide","title":"Wide","languages":["en"],"root":"q","nodes":[{}]}}"#, nodes.join(","))
}

fn in_viewport(m: &Mounted, card: &web_sys::Element) -> bool {
    let v = m.one(".am-canvas").get_bounding_client_rect();
    let r = card.get_bounding_client_rect();
    r.right() > v.left() && r.left() < v.right() && r.bottom() > v.top() && r.top() < v.bottom()
}

#[wasm_bindgen_test]
async fn a_huge_map_draws_the_cards_near_the_view_and_follows_the_keyboard_and_the_camera() {
    let m = mount_at(&wide_map(40, 20), 1000, &[]).await;
    m.click("[data-action=expand-all]").await;
    let cards = placed(&m).await;
    let shown = 1 + 40 + 40 * 20;
    assert!(cards.len() < shown / 2, "{} of {shown} cards drawn", cards.len());
    assert_eq!(m.one("[role=tree]").get_attribute("data-shown"), Some(shown.to_string()), "the tree says how many rows it has");
    assert!(cards.iter().any(|c| in_viewport(&m, c)), "the view is not empty");
    for card in &cards {
        let set: usize = card.get_attribute("aria-setsize").unwrap().parse().unwrap();
        assert!(set == 1 || set == 40 || set == 20, "each drawn card says its place among all its siblings");
    }
    // The keyboard reaches the last claim: it is drawn, focused and in view.
    m.row("q").focus().unwrap();
    m.key("End").await;
    until("the last claim drawn and focused", || (m.focused_id().as_deref() == Some("p39c19")).then_some(())).await;
    let card = until("the last claim placed in view", || {
        m.all("[data-node-id=p39c19][data-placed]").into_iter().next().filter(|c| in_viewport(&m, c))
    })
    .await;
    assert!(in_viewport(&m, &card));
    // Back to the top with the camera alone (Home moves selection; Fit shows the whole map):
    // whatever the camera shows is drawn.
    m.key("Home").await;
    until("the root drawn in view", || m.all("[data-node-id=q][data-placed]").into_iter().next().filter(|c| in_viewport(&m, c))).await;
    let near_root = until("claims near the root drawn in view", || {
        let seen = m.all("[role=treeitem][data-placed]").into_iter().filter(|c| in_viewport(&m, c)).count();
        (seen > 3).then_some(seen)
    })
    .await;
    assert!(near_root > 3);
    m.unmount();
}

/// A wire's two ends, from its `d`: across plus along.
fn wire_span(wire: &web_sys::Element) -> f64 {
    let d = wire.get_attribute("d").unwrap_or_default();
    let start: Vec<f64> =
        d.trim_start_matches('M').split('C').next().unwrap_or_default().split(' ').filter_map(|n| n.parse().ok()).collect();
    let end = wire_end(wire);
    (end.0 - start.first().copied().unwrap_or(f64::NAN)).abs() + (end.1 - start.get(1).copied().unwrap_or(f64::NAN)).abs()
}

#[wasm_bindgen_test]
async fn lines_across_a_huge_map_are_solid() {
    // One position above 500 claims, every other one attacking it: the lines from the position
    // to its far claims run tens of thousands of pixels. Dashed, such a line took the browser
    // seconds to paint; the short ones keep their dashes.
    let json = maps::one_position_over(500);
    let m = mount_at(&json, 1000, &[]).await;
    m.click("[data-action=expand-all]").await;
    placed(&m).await;
    let attacks = until("attack lines drawn", || Some(m.all(".am-wire[data-relation=attacks]")).filter(|w| !w.is_empty())).await;
    let dashes = |w: &web_sys::Element| {
        web_sys::window().unwrap().get_computed_style(w).unwrap().unwrap().get_property_value("stroke-dasharray").unwrap()
    };
    let (long, short): (Vec<_>, Vec<_>) = attacks.iter().partition(|w| wire_span(w) > 4096.0);
    assert!(!long.is_empty() && !short.is_empty(), "{} long and {} short attack lines", long.len(), short.len());
    for wire in long {
        assert_eq!(dashes(wire), "none", "a long line is solid: {:?}", wire.get_attribute("d"));
    }
    assert_ne!(dashes(short[0]), "none", "a short attack line is still dashed");
    m.unmount();
}

/// The overview: hidden while the view holds the whole map (the first sight); once the map is
/// bigger than the view, every shown card is a mark in its side's colour and the view a frame,
/// and a press on it moves the view there.
#[wasm_bindgen_test]
async fn the_overview_shows_when_the_map_outgrows_the_view_and_a_press_moves_the_view() {
    let small = mount_at(SAMPLE, 1280, &[]).await;
    placed(&small).await;
    assert!(small.one(".am-overview").has_attribute("hidden"), "a view that holds the whole map: no overview");
    // Zoomed in until the map outgrows the view: the overview shows, its marks drawn then.
    for _ in 0..4 {
        small.click("[data-action=zoom-in]").await;
    }
    assert!(!small.one(".am-overview").has_attribute("hidden"), "zoomed in: the overview shows");
    assert_eq!(small.all(".am-overview .am-ov-card").len(), placed(&small).await.len(), "with a mark per card");
    small.unmount();
    let m = mount_at(FLAGSHIP, 1280, &[]).await;
    placed(&m).await;
    let overview = m.one(".am-overview");
    m.click("[data-action=expand-all]").await;
    let cards = placed(&m).await;
    until("the overview shown", || (!overview.has_attribute("hidden")).then_some(())).await;
    assert_eq!(m.all(".am-overview .am-ov-card").len(), cards.len(), "a mark per shown card");
    assert!(
        !m.all(".am-overview .am-ov-card[data-side=open]").is_empty() && !m.all(".am-overview .am-ov-card[data-side=closed]").is_empty()
    );
    let frame = m.one(".am-overview .am-ov-frame");
    let before = (stage_transform(&m), frame.get_attribute("x"), frame.get_attribute("y"));
    // A press at the overview's bottom-right corner: the view goes there.
    let r = overview.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((r.right() - 3.0) as i32);
    init.set_client_y((r.bottom() - 3.0) as i32);
    overview.dispatch_event(&web_sys::PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap()).unwrap();
    let after = (stage_transform(&m), frame.get_attribute("x"), frame.get_attribute("y"));
    assert_ne!(after.0, before.0, "the view moved");
    assert_ne!((after.1, after.2), (before.1, before.2), "and the frame with it");
    m.unmount();
}
