use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The element's width in CSS px as it changes (a ResizeObserver), starting from `initial`: the
/// widget's own room, not the window's, decides between the map and the outline. The host
/// element is measured when there is one, as `initial` was (its `clientWidth`), so the first
/// reading never contradicts the width the first render was drawn for.
#[hook]
pub fn use_width(node: NodeRef, host: Option<web_sys::Element>, initial: i32) -> i32 {
    let width = use_state_eq(|| initial);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let observer = host.or_else(|| node.cast::<web_sys::Element>()).and_then(|element| {
                if element.client_width() > 0 && element.client_width() != *width {
                    width.set(element.client_width());
                }
                let measured = element.clone();
                let changed = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
                    let w = measured.client_width();
                    if w > 0 {
                        width.set(w);
                    }
                });
                let observer = web_sys::ResizeObserver::new(changed.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                Some((observer, changed))
            });
            move || {
                if let Some((observer, _changed)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}
