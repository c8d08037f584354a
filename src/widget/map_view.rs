use std::rc::Rc;

use yew::prelude::*;

use crate::model::{balance, Action, LinkRelation, ViewMode, ViewState};
use crate::strings::{side_name, strings};

use super::copy_outline::{CopyOutcome, CopyOutline};
use super::detail::DetailPanel;
use super::hooks::{
    saved_view, stored_answers, stored_verdicts, url_view, use_host_change, use_printing, use_stored, use_view_in_session, use_view_in_url,
    use_width,
};
use super::host::{use_host_events, use_ready_signal, use_remote};
use super::legend::Legend;
use super::loader::Presentation;
use super::map_canvas::MapCanvas;
use super::marks_bar::MarksBar;
use super::state::{MapRef, MapState};
use super::toolbar::Toolbar;
use super::tour_panel::TourPanel;
use super::tree::TreeView;
use super::verdict_bar::VerdictBar;

/// Below this width (CSS px of the widget itself) `auto` draws the outline: a phone, a narrow
/// column. A typical blog column is wider.
pub const MAP_MIN_WIDTH: i32 = 600;

/// The drawing to show: never the map on paper; else what the reader chose, else what the host
/// asked for, else what the room allows.
fn drawing(chosen: Option<ViewMode>, host: Option<ViewMode>, width: i32, printing: bool) -> ViewMode {
    match (printing, chosen.or(host)) {
        (true, _) => ViewMode::Outline,
        (false, Some(mode)) => mode,
        (false, None) if width >= MAP_MIN_WIDTH => ViewMode::Map,
        (false, None) => ViewMode::Outline,
    }
}

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
    // Kept like verdicts: per map and instance, across visits.
    let answers_key = format!("argmap/{}/answers{}", map.id, shown.instance);
    let state = use_reducer({
        let (map, lang, tour, history, host_view, width, exercise) =
            (map.clone(), props.lang.clone(), shown.tour, shown.history, shown.view, shown.width, shown.exercise);
        let resume = shown.resume.clone();
        let (storage_key, view_key, answers_key) = (storage_key.clone(), view_key.clone(), answers_key.clone());
        move || {
            let mut view = ViewState::new(&map, &lang);
            view.verdicts = stored_verdicts(&map, &storage_key);
            view.answers = stored_answers(&map, &answers_key);
            view.exercise = exercise;
            let saved = if history { url_view() } else { saved_view(&view_key) };
            if let Some(fragment) = saved {
                view = view.apply(&map, Action::Fragment(fragment));
            }
            // What the reader did in this page's first view is newer than anything kept.
            if let Some(place) = resume {
                let (open, at) = &*place;
                let open = open.iter().filter_map(|id| map.node_index(id)).collect();
                view = view.apply(&map, Action::Resume { open, at: at.as_deref().and_then(|id| map.node_index(id)) });
            }
            if tour {
                view = view.apply(&map, Action::StartTour);
            }
            view = view.apply(&map, Action::ShowAs(drawing(view.chosen_mode, host_view, width, false)));
            MapState::new(map, view)
        }
    });
    // One callback for the widget's lifetime: a new one each render would make every row's
    // props differ, and every shown row would render again on every action.
    let on_action = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |action| dispatcher.dispatch(action)))).clone()
    };

    use_host_change(props.lang.clone(), shown.tour, shown.exercise, on_action.clone());
    use_remote(shown.remote.clone(), map.clone(), on_action.clone());
    use_host_events(shown.host.clone(), map.clone(), state.view.clone());
    use_ready_signal(shown.host.clone(), map.clone(), AttrValue::from(state.view.lang.clone()));
    let kept = use_stored(storage_key, state.view.verdicts.to_storage(&map));
    let kept = use_stored(answers_key, state.view.answers.to_storage(&map)) && kept;
    let fragment = state.view.to_fragment(&map);
    let printing = use_printing(fragment.clone(), on_action.clone());
    let keep = |wanted: bool| (wanted && !printing).then(|| fragment.clone());
    use_view_in_session(view_key, keep(!shown.history));
    use_view_in_url(keep(shown.history), shown.history, on_action.clone());

    // The drawing follows the room the widget has, the host's wish and the reader's choice.
    let root = use_node_ref();
    let width = use_width(root.clone(), shown.host.clone(), shown.width);
    let mode = drawing(state.view.chosen_mode, shown.view, width, printing);
    {
        let on_action = on_action.clone();
        use_effect_with((mode, state.view.mode), move |&(wanted, now)| {
            if wanted != now {
                on_action.emit(Action::ShowAs(wanted));
            }
        });
    }

    // Where the articles contradict and agree: the map's, counted once.
    let links = *use_memo(map.clone(), |map| {
        let count = |r: LinkRelation| map.links.iter().filter(|l| l.relation == r).count();
        (count(LinkRelation::Contradicts), count(LinkRelation::Agrees))
    });
    let copied = use_state_eq(|| None::<CopyOutcome>);
    let on_copied = {
        let copied = copied.setter();
        (*use_memo((), move |_| Callback::from(move |outcome| copied.set(Some(outcome))))).clone()
    };

    // Derived once per state, read by every panel that needs it.
    let view = &state.view;
    let hits = Rc::new(view.hits(&map));
    let rows = Rc::new(view.rows_showing(&map, &hits));
    let level = view.shown_level(&map);
    let tally = view.verdicts.tally(&map);
    let lang = AttrValue::from(view.lang.clone());
    let class = classes!("am-map", view.present.then_some("am-present"));
    let s = strings(&lang);
    let balance_line = (view.mode == ViewMode::Map).then(|| {
        let sides = balance(&map, &rows).map(|b| {
            let name = side_name(&map, b.side, &lang);
            html! {
                <span class="am-balance-side" data-side={b.side.as_str()}>
                    { (s.balance)(name, b.shown.positions, b.shown.claims, b.all.positions, b.all.claims) }
                </span>
            }
        });
        let collisions = (s.collision_count)(links.0, links.1);
        html! { <p class="am-balance">{ for sides }<span class="am-balance-links">{ collisions }</span></p> }
    });
    let drawing = if view.mode == ViewMode::Map {
        html! {
            <MapCanvas map={map.clone()} view={state.view.clone()} rows={rows.clone()} hits={hits.clone()} focus={state.focus}
                on_action={on_action.clone()} />
        }
    } else {
        html! {
            <TreeView map={map.clone()} view={state.view.clone()} rows={rows.clone()} hits={hits.clone()} focus={state.focus} {printing} pointed={state.pointed}
                on_action={on_action.clone()} />
        }
    };
    html! {
        <div {class} lang={lang.clone()} ref={root} data-drawing={view.mode.as_str()}>
            <Toolbar map={map.clone()} lang={lang.clone()} query={AttrValue::from(view.query.clone())}
                matches={view.searching().then(|| hits.count())} {level} touring={view.tour.is_some()} present={view.present}
                mode={view.mode} copied={*copied} on_action={on_action.clone()}>
                <CopyOutline map={map.clone()} rows={rows.clone()} lang={lang.clone()} on_outcome={on_copied} />
            </Toolbar>
            // One quiet line: the sources (a panel over the map when opened), how the debate
            // stands, and the reader's own marks.
            <div class="am-strip">
                <Legend map={map.clone()} lang={lang.clone()} lens={view.lens} on_action={on_action.clone()} />
                { for balance_line }
                <VerdictBar map={map.clone()} lang={lang.clone()} {tally} {kept} on_action={on_action.clone()} />
            </div>
            <TourPanel map={map.clone()} lang={lang.clone()} step={view.tour} on_action={on_action.clone()} />
            <MarksBar map={map.clone()} lang={lang.clone()} exercise={view.exercise} verdicts={view.verdicts.clone()}
                name_key={AttrValue::from(format!("argmap/{}/name{}", map.id, shown.instance))}
                answers={view.answers.clone()} on_action={on_action.clone()} />
            <div class="am-body">
                <div class="am-drawing">{ drawing }</div>
                <DetailPanel map={map.clone()} {lang} node={view.selected} verdict={view.verdicts.0.get(&view.selected).copied()}
                    concealed={view.conceals(&map, view.selected)}
                    answer={view.exercise.then(|| view.answers.0.get(&view.selected).copied()).flatten()} {on_action} />
            </div>
        </div>
    }
}
