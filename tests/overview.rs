//! The map view's overview, natively: the whole map in a small box, the view's frame on it, shown
//! only when the view does not hold everything, and a point on it leading back to the map.

use argmap::model::*;

fn layout_of(width: f32, height: f32) -> (f32, f32) {
    (width, height)
}

#[test]
fn the_whole_map_fits_the_box_and_keeps_its_proportions() {
    let o = overview(layout_of(2000.0, 1000.0), Rect { x: 0.0, y: 0.0, width: 500.0, height: 400.0 }, (160.0, 120.0));
    assert_eq!((o.width, o.height), (160.0, 80.0));
    assert_eq!(o.frame, Rect { x: 0.0, y: 0.0, width: 40.0, height: 32.0 });
    assert!(o.needed, "most of the map is outside the view");
    assert_eq!(o.to_map(80.0, 40.0), (1000.0, 500.0), "the middle of the box is the middle of the map");
}

#[test]
fn a_map_the_view_holds_needs_no_overview() {
    let o = overview(layout_of(600.0, 300.0), Rect { x: -20.0, y: -20.0, width: 800.0, height: 500.0 }, (160.0, 120.0));
    assert!(!o.needed);
    assert_eq!(o.frame, Rect { x: 0.0, y: 0.0, width: o.width, height: o.height }, "the frame is clipped to the map");
}

#[test]
fn empty_or_broken_sizes_give_an_overview_not_needed() {
    for (w, h) in [(0.0, 0.0), (f32::NAN, 10.0), (10.0, -5.0)] {
        let o = overview(layout_of(w, h), Rect::default(), (160.0, 120.0));
        assert!(!o.needed, "{w} × {h}");
        assert_eq!(o.to_map(10.0, 10.0), (0.0, 0.0));
    }
    let o = overview(layout_of(100.0, 100.0), Rect::default(), (0.0, 0.0));
    assert!(!o.needed, "no room for it");
}
