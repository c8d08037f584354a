//! The map view's gestures: drag to pan, two fingers to pinch, ctrl/⌘ + wheel (and a trackpad's
//! pinch) to zoom under the pointer. The camera arithmetic is the model's (`model::camera`); the
//! canvas says what the camera is now and applies each change.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::camera::{zoom_at, Camera};

/// Moves the view: applies a change to the camera, if there is one yet.
pub type MoveCamera = Rc<dyn Fn(&dyn Fn(Camera) -> Camera)>;

/// A gesture under way: where the pointer (or the two fingers' midpoint) was last applied, and
/// each move applies what changed since.
#[derive(Clone, Copy)]
struct Drag {
    x: f32,
    y: f32,
    moved: bool,
    /// For a pinch: the distance between the two pointers when last applied.
    spread: Option<f32>,
}

#[derive(Default)]
struct Gesture {
    /// Pointers down on the viewport: id, x, y.
    pointers: Vec<(i32, f32, f32)>,
    drag: Option<Drag>,
}

/// The viewport's pointer handlers.
pub struct PanZoom {
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    /// Also for `pointercancel`.
    pub onpointerup: Callback<PointerEvent>,
}

fn midpoint(pointers: &[(i32, f32, f32)]) -> (f32, f32) {
    match pointers {
        [a, b, ..] => ((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0),
        [a] => (a.1, a.2),
        [] => (0.0, 0.0),
    }
}

fn spread(a: &(i32, f32, f32), b: &(i32, f32, f32)) -> f32 {
    ((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt()
}

/// Pan and zoom on `viewport`. A press becomes a drag only past 4 px, so a click on a card
/// stays a click; from then on the gesture is the viewport's (pointer capture). A plain wheel
/// scrolls the host page as usual.
#[hook]
pub fn use_pan_zoom(viewport: NodeRef, move_camera: MoveCamera) -> PanZoom {
    let gesture = use_mut_ref(Gesture::default);
    let onpointerdown = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|p| p.0 != e.pointer_id());
            g.pointers.push((e.pointer_id(), e.client_x() as f32, e.client_y() as f32));
            let pinch = match g.pointers.as_slice() {
                [a, b] => Some(spread(a, b).max(1.0)),
                _ => None,
            };
            let (x, y) = if pinch.is_some() { midpoint(&g.pointers) } else { (e.client_x() as f32, e.client_y() as f32) };
            g.drag = Some(Drag { x, y, moved: pinch.is_some(), spread: pinch });
        })
    };
    let onpointermove = {
        let (gesture, move_camera, viewport) = (gesture.clone(), move_camera.clone(), viewport.clone());
        Callback::from(move |e: PointerEvent| {
            let (drag, pointers) = {
                let mut g = gesture.borrow_mut();
                if let Some(p) = g.pointers.iter_mut().find(|p| p.0 == e.pointer_id()) {
                    *p = (e.pointer_id(), e.client_x() as f32, e.client_y() as f32);
                }
                (g.drag, g.pointers.clone())
            };
            let Some(mut drag) = drag else { return };
            let (x, y) = if drag.spread.is_some() { midpoint(&pointers) } else { (e.client_x() as f32, e.client_y() as f32) };
            let (dx, dy) = (x - drag.x, y - drag.y);
            if !drag.moved && dx * dx + dy * dy < 16.0 {
                return;
            }
            if !drag.moved {
                drag.moved = true;
                // From here on the gesture is the viewport's: the card under it gets no click.
                if let Some(viewport) = viewport.cast::<web_sys::Element>() {
                    let _ = viewport.set_pointer_capture(e.pointer_id());
                }
            }
            let origin = viewport.cast::<web_sys::Element>().map(|v| v.get_bounding_client_rect());
            let (left, top) = origin.map_or((0.0, 0.0), |r| (r.left() as f32, r.top() as f32));
            let now = match pointers.as_slice() {
                [a, b] => drag.spread.map(|_| spread(a, b).max(1.0)),
                _ => None,
            };
            let factor = now.zip(drag.spread).map(|(now, before)| now / before);
            gesture.borrow_mut().drag = Some(Drag { x, y, spread: now.or(drag.spread), ..drag });
            move_camera(&move |c| {
                let panned = Camera { x: c.x + dx, y: c.y + dy, ..c };
                match factor {
                    Some(factor) => zoom_at(panned, factor, x - left, y - top),
                    None => panned,
                }
            });
        })
    };
    let onpointerup = {
        let gesture: Rc<RefCell<Gesture>> = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|p| p.0 != e.pointer_id());
            g.drag = None;
        })
    };
    use_effect_with((), move |_| {
        let listener = viewport.cast::<web_sys::Element>().map(|element| {
            let target = element.clone();
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            gloo::events::EventListener::new_with_options(&element, "wheel", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::WheelEvent>() else { return };
                // A plain wheel scrolls the host page as usual; ctrl (a trackpad pinch) zooms.
                if !(e.ctrl_key() || e.meta_key()) {
                    return;
                }
                e.prevent_default();
                let r = target.get_bounding_client_rect();
                let (px, py) = (e.client_x() as f32 - r.left() as f32, e.client_y() as f32 - r.top() as f32);
                let factor = (-(e.delta_y() as f32) * 0.01).exp();
                move_camera(&move |c| zoom_at(c, factor, px, py));
            })
        });
        move || drop(listener)
    });
    PanZoom { onpointerdown, onpointermove, onpointerup }
}
