use yew::prelude::*;

use crate::model::Action;

/// Printing shows the whole map: open everything for the printout, then put the reader's view
/// (`fragment`, kept up to date on every render) back. Returns whether a printout is under way,
/// for the tree to build every row and the view keepers to stay still.
#[hook]
pub fn use_printing(fragment: String, on_action: Callback<Action>) -> bool {
    let printing = use_state(|| false);
    let readers_view = use_mut_ref(String::new);
    if !*printing {
        *readers_view.borrow_mut() = fragment;
    }
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|window| {
                let (before, after) = (on_action.clone(), on_action);
                let (start, end) = (printing.clone(), printing);
                [
                    gloo::events::EventListener::new(&window, "beforeprint", move |_| {
                        start.set(true);
                        before.emit(Action::ExpandAll);
                    }),
                    gloo::events::EventListener::new(&window, "afterprint", move |_| {
                        after.emit(Action::Fragment(readers_view.borrow().clone()));
                        end.set(false);
                    }),
                ]
            });
            move || drop(listeners)
        });
    }
    *printing
}
