use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Action, Verdicts, ViewState};

use super::detail::DetailPanel;
use super::legend::Legend;
use super::state::{MapRef, MapState};
use super::toolbar::Toolbar;
use super::tour_panel::TourPanel;
use super::tree::TreeView;
use super::verdict_bar::VerdictBar;
use super::Presentation;

#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    pub map: MapRef,
    pub lang: AttrValue,
    #[prop_or_default]
    pub presentation: Presentation,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Per tab: an embed's view survives a reload without touching the host page's URL.
fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Private modes and sandboxed frames may refuse storage, sometimes only on write.
fn storage_works() -> bool {
    local_storage().is_some_and(|s| s.set_item("argmap/probe", "1").is_ok() && s.remove_item("argmap/probe").is_ok())
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// A fragment without its selection, to tell a new view (worth a history entry) from a move.
fn without_selection(fragment: &str) -> String {
    fragment.split('&').filter(|p| !p.starts_with("sel=")).collect::<Vec<_>>().join("&")
}

/// Holds the reader's state for one loaded map (the one reducer), keeps what must outlive the
/// page (marks in storage, the view in the URL), and lays out what shows it.
#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let storage_key = format!("argmap/{}/verdicts{}", props.map.id, props.presentation.instance);
    let view_key = format!("argmap/{}/view{}", props.map.id, props.presentation.instance);
    let kept = *use_memo((), |_| storage_works());
    let state = use_reducer({
        let (map, lang, tour, history) = (props.map.clone(), props.lang.clone(), props.presentation.tour, props.presentation.history);
        let storage_key = storage_key.clone();
        let view_key = view_key.clone();
        move || {
            let mut view = ViewState::new(&map, &lang);
            if let Some(marks) = local_storage().and_then(|s| s.get_item(&storage_key).ok().flatten()) {
                view.verdicts = Verdicts::from_storage(&map, &marks);
            }
            let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
            if history && hash.len() > 1 {
                view = view.apply(&map, Action::Fragment(hash));
            } else if let Some(saved) = (!history).then(session_storage).flatten().and_then(|s| s.get_item(&view_key).ok().flatten()) {
                view = view.apply(&map, Action::Fragment(saved));
            }
            if tour {
                view = view.apply(&map, Action::Tour(Some(0))).apply(&map, Action::SetPresent(true));
            }
            MapState::new(map, view)
        }
    });
    // One callback for the widget's lifetime: a new one each render would make every row's
    // props differ, and every shown row would render again on every action.
    let on_action = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |action| dispatcher.dispatch(action)))).clone()
    };

    // A new `lang` from the host; not on first render, where a deep link may have chosen one.
    let host_lang = use_mut_ref(|| props.lang.clone());
    {
        let state = state.clone();
        use_effect_with(props.lang.clone(), move |lang| {
            if *host_lang.borrow() != *lang {
                *host_lang.borrow_mut() = lang.clone();
                state.dispatch(Action::SetLang(lang.to_string()));
            }
        });
    }

    // The host turning the tour on or off after mount.
    let host_tour = use_mut_ref(|| props.presentation.tour);
    {
        let state = state.clone();
        use_effect_with(props.presentation.tour, move |&tour| {
            if *host_tour.borrow() != tour {
                *host_tour.borrow_mut() = tour;
                state.dispatch(if tour { Action::Tour(Some(0)) } else { Action::Tour(None) });
                if tour {
                    state.dispatch(Action::SetPresent(true));
                }
            }
        });
    }

    {
        let map = props.map.clone();
        use_effect_with(state.view.verdicts.clone(), move |verdicts| {
            if let Some(storage) = local_storage() {
                let _ = if verdicts.0.is_empty() {
                    storage.remove_item(&storage_key)
                } else {
                    storage.set_item(&storage_key, &verdicts.to_storage(&map))
                };
            }
        });
    }

    let fragment = state.view.to_fragment(&state.map);
    {
        let history = props.presentation.history;
        use_effect_with(fragment.clone(), move |fragment| {
            if let Some(storage) = (!history).then(session_storage).flatten() {
                let _ = storage.set_item(&view_key, fragment);
            }
        });
    }
    let fragment = props.presentation.history.then_some(fragment);
    {
        let last = use_mut_ref(|| fragment.clone().unwrap_or_default());
        use_effect_with(fragment, move |fragment| {
            let Some(fragment) = fragment else { return };
            let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
            let url = format!("#{fragment}");
            let current = location().and_then(|l| l.hash().ok()).unwrap_or_default();
            if current != url {
                // Opening, closing, language and lens are steps back can undo; moving along
                // the rows only updates the link.
                let step = without_selection(&last.borrow()) != without_selection(fragment);
                let _ = if step && current.len() > 1 {
                    history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                } else {
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                };
            }
            *last.borrow_mut() = fragment.clone();
        });
    }
    {
        let state = state.clone();
        use_effect_with(props.presentation.history, move |&history| {
            let listener = history.then(|| web_sys::window()).flatten().map(|window| {
                gloo::events::EventListener::new(&window, "popstate", move |_| {
                    if let Some(hash) = location().and_then(|l| l.hash().ok()) {
                        state.dispatch(Action::Fragment(hash));
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Printing shows the whole map: open everything for the printout, then put the reader's
    // view back.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let saved = Rc::new(std::cell::RefCell::new(String::new()));
            let listeners = web_sys::window().map(|window| {
                let (before, after) = (state.clone(), state.clone());
                let (save, restore) = (saved.clone(), saved);
                [
                    gloo::events::EventListener::new(&window, "beforeprint", move |_| {
                        *save.borrow_mut() = before.view.to_fragment(&before.map);
                        before.dispatch(Action::ExpandAll);
                    }),
                    gloo::events::EventListener::new(&window, "afterprint", move |_| {
                        after.dispatch(Action::Fragment(restore.borrow().clone()));
                    }),
                ]
            });
            move || drop(listeners)
        });
    }

    let shared = Rc::new((*state).clone());
    let view = &state.view;
    let class = classes!("am-map", view.present.then_some("am-present"));
    html! {
        <div {class} lang={view.lang.clone()}>
            <Toolbar state={shared.clone()} on_action={on_action.clone()} />
            <Legend state={shared.clone()} on_action={on_action.clone()} />
            <TourPanel state={shared.clone()} on_action={on_action.clone()} />
            <VerdictBar state={shared.clone()} on_action={on_action.clone()} {kept} />
            <div class="am-body">
                <TreeView state={shared.clone()} on_action={on_action.clone()} />
                <DetailPanel state={shared} {on_action} />
            </div>
        </div>
    }
}
