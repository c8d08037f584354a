use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Action, ViewState};

use super::detail::DetailPanel;
use super::hooks::{
    saved_view, stored_verdicts, url_view, use_host_change, use_printing, use_stored_verdicts, use_view_in_session, use_view_in_url,
};
use super::legend::Legend;
use super::loader::Presentation;
use super::state::{MapRef, MapState};
use super::toolbar::Toolbar;
use super::tour_panel::TourPanel;
use super::tree::TreeView;
use super::verdict_bar::VerdictBar;

#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    pub map: MapRef,
    pub lang: AttrValue,
    #[prop_or_default]
    pub presentation: Presentation,
}

/// Holds the reader's state for one loaded map (the one reducer), derives once per state what
/// the panels show, and gives each panel only its part of it.
#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let map = props.map.clone();
    let shown = &props.presentation;
    let storage_key = format!("argmap/{}/verdicts{}", map.id, shown.instance);
    let view_key = format!("argmap/{}/view{}", map.id, shown.instance);
    let state = use_reducer({
        let (map, lang, tour, history) = (map.clone(), props.lang.clone(), shown.tour, shown.history);
        let (storage_key, view_key) = (storage_key.clone(), view_key.clone());
        move || {
            let mut view = ViewState::new(&map, &lang);
            view.verdicts = stored_verdicts(&map, &storage_key);
            let saved = if history { url_view() } else { saved_view(&view_key) };
            if let Some(fragment) = saved {
                view = view.apply(&map, Action::Fragment(fragment));
            }
            if tour {
                view = view.apply(&map, Action::StartTour);
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

    use_host_change(props.lang.clone(), shown.tour, on_action.clone());
    let kept = use_stored_verdicts(map.clone(), storage_key, state.view.verdicts.clone());
    let fragment = state.view.to_fragment(&map);
    let printing = use_printing(fragment.clone(), on_action.clone());
    let keep = |wanted: bool| (wanted && !printing).then(|| fragment.clone());
    use_view_in_session(view_key, keep(!shown.history));
    use_view_in_url(keep(shown.history), shown.history, on_action.clone());

    // Derived once per state, read by every panel that needs it.
    let view = &state.view;
    let hits = Rc::new(view.hits(&map));
    let rows = Rc::new(view.rows_showing(&map, &hits));
    let level = view.shown_level(&map);
    let tally = view.verdicts.tally(&map);
    let lang = AttrValue::from(view.lang.clone());
    let class = classes!("am-map", view.present.then_some("am-present"));
    html! {
        <div {class} lang={lang.clone()}>
            <Toolbar map={map.clone()} lang={lang.clone()} query={AttrValue::from(view.query.clone())}
                matches={view.searching().then(|| hits.count())} {level} touring={view.tour.is_some()} present={view.present}
                on_action={on_action.clone()} />
            <Legend map={map.clone()} lang={lang.clone()} lens={view.lens} on_action={on_action.clone()} />
            <TourPanel map={map.clone()} lang={lang.clone()} step={view.tour} on_action={on_action.clone()} />
            <VerdictBar map={map.clone()} lang={lang.clone()} {tally} {kept} on_action={on_action.clone()} />
            <div class="am-body">
                <TreeView map={map.clone()} view={state.view.clone()} {rows} {hits} focus={state.focus} {printing}
                    on_action={on_action.clone()} />
                <DetailPanel map={map.clone()} {lang} node={view.selected} verdict={view.verdicts.0.get(&view.selected).copied()}
                    {on_action} />
            </div>
        </div>
    }
}
