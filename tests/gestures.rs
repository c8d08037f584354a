//! Panning and zooming the map view as a reader's hands do it, over WebDriver input actions in
//! Chromium and Firefox (`ARGMAP_BROWSER`): a mouse drag moves the map by as much as the
//! pointer moved and selects nothing; ctrl + wheel zooms with the point under the pointer kept
//! where it is; two fingers spreading apart zoom in about their midpoint.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction, TouchActions, WheelAction, WheelActions};
use fantoccini::key::Key;
use serde_json::Value;
use support::*;

/// The stage's camera (translate x, y and zoom, from its transform) and the canvas's box on
/// the page, with the selected card's id.
async fn camera(client: &Browser) -> (f64, f64, f64, Value) {
    let seen = client
        .execute(
            "const root = document.querySelector('argument-map').shadowRoot;
             const m = new DOMMatrix(getComputedStyle(root.querySelector('.am-stage')).transform);
             const r = root.querySelector('.am-canvas').getBoundingClientRect();
             return { x: m.e, y: m.f, zoom: m.a, canvas: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
                      selected: root.querySelector('[role=treeitem][aria-selected=true]')?.dataset.nodeId };",
            vec![],
        )
        .await
        .unwrap();
    (seen["x"].as_f64().unwrap(), seen["y"].as_f64().unwrap(), seen["zoom"].as_f64().unwrap(), seen)
}

/// A point of the canvas with no card under it (viewport px), from its middle down, on the left.
async fn empty_spot(client: &Browser) -> (f64, f64) {
    let spot = client
        .execute(
            "const root = document.querySelector('argument-map').shadowRoot;
             const r = root.querySelector('.am-canvas').getBoundingClientRect();
             for (let y = Math.round((r.top + r.bottom) / 2); y < r.bottom - 12; y += 8)
               for (let x = r.left + 12; x < r.right - 12; x += 8) {
                 const hit = root.elementFromPoint(x, y);
                 if (hit && hit.classList.contains('am-canvas')) return [Math.round(x), Math.round(y)];
               }
             return null;",
            vec![],
        )
        .await
        .unwrap();
    let spot = spot.as_array().expect("an empty spot on the canvas");
    (spot[0].as_f64().unwrap(), spot[1].as_f64().unwrap())
}

async fn open_map(width: u32, height: u32) -> Browser {
    let base = serve(&dist(), &[]);
    let client = browser_with(Options { width, height, ..Options::default() }).await;
    client.goto(&format!("{base}/?lang=en&view=map")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    row(&shadow, "q").await;
    client
}

#[tokio::test]
async fn a_mouse_drag_pans_the_map_by_as_much_as_the_pointer_moved_and_selects_nothing() {
    let client = open_map(1280, 800).await;
    let (x0, y0, zoom0, before) = camera(&client).await;
    let (sx, sy) = empty_spot(&client).await;
    let step = Some(Duration::from_millis(20));
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo { duration: None, x: sx, y: sy })
        .then(PointerAction::Down { button: fantoccini::actions::MOUSE_BUTTON_LEFT })
        .then(PointerAction::MoveBy { duration: step, x: 40.0, y: -20.0 })
        .then(PointerAction::MoveBy { duration: step, x: 40.0, y: -20.0 })
        .then(PointerAction::MoveBy { duration: step, x: 40.0, y: -20.0 })
        .then(PointerAction::Up { button: fantoccini::actions::MOUSE_BUTTON_LEFT });
    client.perform_actions(drag).await.unwrap();
    client.release_actions().await.unwrap();
    let (x1, y1, zoom1, after) = camera(&client).await;
    assert!((x1 - x0 - 120.0).abs() < 1.5 && (y1 - y0 + 60.0).abs() < 1.5, "moved by (120, -60): {before} → {after}");
    assert_eq!(zoom1, zoom0, "a drag does not zoom");
    assert_eq!(after["selected"], before["selected"], "a drag is no click on a card");
    client.close().await.unwrap();
}

#[tokio::test]
async fn ctrl_and_the_wheel_zoom_about_the_pointer() {
    let client = open_map(1280, 800).await;
    let (x0, y0, zoom0, before) = camera(&client).await;
    let (sx, sy) = empty_spot(&client).await;
    let canvas = &before["canvas"];
    let (left, top) = (canvas["left"].as_f64().unwrap(), canvas["top"].as_f64().unwrap());
    // The plane point under the pointer.
    let plane = |x: f64, y: f64, zoom: f64| ((sx - left - x) / zoom, (sy - top - y) / zoom);
    let under = plane(x0, y0, zoom0);
    let ctrl = Key::Control.to_string().chars().next().expect("a key is one character");
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: ctrl })
        .then(KeyAction::Pause { duration: Duration::from_millis(50) })
        .then(KeyAction::Up { value: ctrl });
    let mut wheel = WheelActions::new("wheel".into());
    wheel.push(WheelAction::Pause { duration: Duration::from_millis(10) });
    wheel.push(WheelAction::Scroll { duration: None, x: sx as i64, y: sy as i64, delta_x: 0, delta_y: -60 });
    client.perform_actions(fantoccini::actions::Actions::from(keys).and(wheel)).await.unwrap();
    client.release_actions().await.unwrap();
    let (x1, y1, zoom1, after) = wait_for("the zoom", || async {
        let seen = camera(&client).await;
        (seen.2 != zoom0).then_some(seen)
    })
    .await;
    assert!(zoom1 > zoom0, "ctrl + wheel up zooms in: {before} → {after}");
    let still = plane(x1, y1, zoom1);
    assert!((still.0 - under.0).abs() < 1.0 && (still.1 - under.1).abs() < 1.0, "the point under the pointer stays: {under:?} → {still:?}");
    // Without ctrl the wheel is the page's: the map does not zoom.
    let mut plain = WheelActions::new("wheel".into());
    plain.push(WheelAction::Scroll { duration: None, x: sx as i64, y: sy as i64, delta_x: 0, delta_y: 60 });
    client.perform_actions(plain).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(camera(&client).await.2, zoom1, "a plain wheel leaves the zoom alone");
    client.close().await.unwrap();
}

#[tokio::test]
async fn two_fingers_spreading_apart_zoom_in() {
    let client = open_map(1280, 800).await;
    let (_, _, zoom0, before) = camera(&client).await;
    let (sx, sy) = empty_spot(&client).await;
    let (a, b) = ((sx + 20.0, sy - 40.0), (sx + 80.0, sy - 40.0));
    let step = Some(Duration::from_millis(40));
    let finger = |id: &str, (x, y): (f64, f64), dx: f64| {
        TouchActions::new(id.into())
            .then(PointerAction::MoveTo { duration: None, x, y })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::MoveBy { duration: step, x: dx, y: 0.0 })
            .then(PointerAction::MoveBy { duration: step, x: dx, y: 0.0 })
            .then(PointerAction::Up { button: 0 })
    };
    // 60 px apart, then 120: twice the spread.
    let pinch = fantoccini::actions::Actions::from(finger("one", a, -15.0)).and(finger("two", b, 15.0));
    client.perform_actions(pinch).await.unwrap();
    client.release_actions().await.unwrap();
    let (_, _, zoom1, after) = camera(&client).await;
    let wanted = (zoom0 * 2.0).min(2.5);
    assert!((zoom1 / wanted - 1.0).abs() < 0.1, "two fingers spread to twice their distance zoom ×2: {before} → {after}");
    client.close().await.unwrap();
}
