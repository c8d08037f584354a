//! Where the map view looks (`model::camera`), natively: revealing a card brings it into view
//! and moves no more than needed, zooming keeps the point under the pointer still, the first
//! view of the flagship shows the question between the sides, and following what the reader
//! opened keeps the card in view. Property tests: 64 cases each (`PROPTEST_CASES` for more).
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::camera::{self, Camera, MARGIN, MAX_ZOOM, MIN_ZOOM};
use argmap::model::*;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

fn any_camera() -> impl Strategy<Value = Camera> {
    (-3000.0f32..3000.0, -3000.0f32..3000.0, MIN_ZOOM..MAX_ZOOM).prop_map(|(x, y, zoom)| Camera { x, y, zoom })
}

/// Whether plane rectangle `r` shows within the view, `MARGIN` from its edges (half a pixel of
/// float slack).
fn in_view(c: Camera, r: (f32, f32, f32, f32), view: (f32, f32)) -> bool {
    let (x0, y0) = c.to_screen(r.0, r.1);
    let (x1, y1) = c.to_screen(r.0 + r.2, r.1 + r.3);
    x0 >= MARGIN - 0.5 && y0 >= MARGIN - 0.5 && x1 <= view.0 - MARGIN + 0.5 && y1 <= view.1 - MARGIN + 0.5
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_revealed_card_is_in_view_and_one_already_in_view_stays_put(
        c in any_camera(),
        (x, y) in (-5000.0f32..5000.0, -5000.0f32..5000.0),
        (w, h) in (40.0f32..260.0, 40.0f32..160.0),
        view in (400.0f32..1920.0, 300.0f32..1080.0),
    ) {
        // A card that fits the view at this zoom.
        prop_assume!(w * c.zoom < view.0 - 2.0 * MARGIN && h * c.zoom < view.1 - 2.0 * MARGIN);
        let shown = camera::reveal(c, (x, y, w, h), view);
        prop_assert!(in_view(shown, (x, y, w, h), view), "{shown:?} shows ({x}, {y}, {w}, {h}) in {view:?}");
        prop_assert_eq!(shown.zoom, c.zoom, "revealing pans, never zooms");
        // Revealing it again moves nothing (but float rounding).
        let again = camera::reveal(shown, (x, y, w, h), view);
        prop_assert!((again.x - shown.x).abs() < 0.01 && (again.y - shown.y).abs() < 0.01, "{again:?} moved from {shown:?}");
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_where_it_is(
        c in any_camera(),
        factor in 0.2f32..5.0,
        (px, py) in (0.0f32..1920.0, 0.0f32..1080.0),
    ) {
        let z = camera::zoom_at(c, factor, px, py);
        prop_assert!((MIN_ZOOM..=MAX_ZOOM).contains(&z.zoom));
        // The plane point under the pointer, before and after.
        let before = ((px - c.x) / c.zoom, (py - c.y) / c.zoom);
        let after = ((px - z.x) / z.zoom, (py - z.y) / z.zoom);
        let slack = 1e-3 * (1.0 + before.0.abs().max(before.1.abs()));
        prop_assert!((before.0 - after.0).abs() < slack && (before.1 - after.1).abs() < slack, "{before:?} → {after:?}");
    }

    #[test]
    fn the_first_height_stays_within_reason(height in 0.0f32..20000.0, window in 300.0f32..2200.0, top in -500.0f32..3000.0) {
        let tall = camera::first_height(height, window, top);
        prop_assert!(tall >= 352.0);
        prop_assert!(tall <= (height + 2.0 * MARGIN).max(352.0));
        prop_assert!(tall <= (window * 0.85).max(352.0) + 0.01);
    }
}

/// The flagship laid out as the map view lays it out at first (estimated card sizes).
fn flagship(view: &ViewState, map: &ArgumentMap) -> (Vec<Row>, Layout) {
    let rows = view.rows(map);
    let sizes: Vec<Size> = rows.iter().map(|r| estimated_card_size(map.nodes[r.node].text.get("en"), true)).collect();
    let options = LayoutOptions { orientation: Orientation::Sides, ..LayoutOptions::default() };
    let placed = layout(map, &rows, &sizes, &options);
    (rows, placed)
}

fn rect(r: &Rect) -> (f32, f32, f32, f32) {
    (r.x, r.y, r.width, r.height)
}

#[test]
fn the_first_view_shows_the_question_and_following_an_opened_card_keeps_it_in_view() {
    let map = load(include_str!("../www/maps/open-vs-closed.json")).unwrap();
    let fresh = ViewState::new(&map, "en");
    let (_, placed) = flagship(&fresh, &map);
    for room in [(1232.0, 640.0), (1872.0, 900.0), (652.0, 500.0)] {
        let c = camera::opening(&placed, room, Some(0));
        assert!(in_view(c, rect(&placed.cards[0]), room), "{room:?}: the question is in view: {c:?}");
        if c.zoom < camera::READABLE_ZOOM {
            panic!("{room:?}: the first view is readable: {c:?}");
        }
    }

    // The reader opens the first position: it stays in view, with as much of what opened as fits.
    let position = map.nodes[map.root].children[0];
    let opened = fresh.apply(&map, Action::Toggle(position));
    let (rows, placed) = flagship(&opened, &map);
    let at = rows.iter().position(|r| r.node == position).unwrap();
    let room = (652.0, 500.0);
    let before = camera::opening(&placed, room, None);
    let after = camera::follow(before, &placed, at, room);
    assert!(in_view(after, rect(&placed.cards[at]), room), "the opened card is in view: {after:?}");
    assert_eq!(after.zoom, before.zoom, "following pans, never zooms");
}
