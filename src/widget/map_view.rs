use yew::prelude::*;

use crate::model::{Action, ViewState};

use super::state::{MapRef, MapState};
use super::tree::TreeView;

#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    pub map: MapRef,
    pub lang: AttrValue,
}

/// Holds the reader's state for one loaded map and lays out what shows it.
#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let state = use_reducer({
        let map = props.map.clone();
        let lang = props.lang.clone();
        move || MapState { view: ViewState::new(&map, &lang), map }
    });
    {
        let state = state.clone();
        use_effect_with(props.lang.clone(), move |lang| state.dispatch(Action::SetLang(lang.to_string())));
    }
    let on_action = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };
    let view = &state.view;
    html! {
        <div class="am-map" lang={view.lang.clone()}>
            <div class="am-title">{ state.map.title.get(&view.lang) }</div>
            <TreeView state={std::rc::Rc::new((*state).clone())} {on_action} />
        </div>
    }
}
