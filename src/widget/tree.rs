use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::{Action, Hits, Row, ViewState};

/// A map of up to this many nodes has every shown row in the page: after "Expand all" the whole
/// outline is there, and a host script finds any row by its id.
const WHOLE_UP_TO: usize = 200;
/// A bigger map's rows are put in the page a batch at a time, more as the reader scrolls near the
/// end: opening all of a 20,000-node map must not build 20,000 rows at once, nor opening one claim
/// of 137 build the rows far below the screen.
const BATCH: usize = 60;

use super::row::{hiding, shows_open, TreeRow};
use super::state::MapRef;
use super::tree_keys::{focus_selected, tree_handlers};

#[derive(Properties, PartialEq)]
pub struct TreeViewProps {
    pub map: MapRef,
    pub view: Rc<ViewState>,
    /// The rows to show, and what the search found: derived once per state by `MapView`.
    pub rows: Rc<Vec<Row>>,
    pub hits: Rc<Hits>,
    /// Bumped when the selected row should take keyboard focus.
    pub focus: u32,
    /// A printout is under way: every row, not a batch.
    pub printing: bool,
    /// Bumped when the host points at a node: scroll its row into view, focus stays put.
    #[prop_or_default]
    pub pointed: u32,
    pub on_action: Callback<Action>,
}

/// The map as a WAI-ARIA tree with flat rows (each carries level, set size and position), a
/// roving tabindex, and the tree-view keyboard pattern.
#[component]
pub fn TreeView(props: &TreeViewProps) -> Html {
    let map = &props.map;
    let view = &props.view;
    let tree_ref = use_node_ref();

    {
        let tree_ref = tree_ref.clone();
        use_effect_with(props.focus, move |&focus| {
            if focus > 0 {
                if let Some(tree) = tree_ref.cast::<web_sys::Element>() {
                    focus_selected(&tree);
                }
            }
        });
    }

    {
        let tree_ref = tree_ref.clone();
        use_effect_with(props.pointed, move |&pointed| {
            let row = tree_ref.cast::<web_sys::Element>().and_then(|t| t.query_selector("[role=treeitem][tabindex='0']").ok().flatten());
            if let Some(row) = row.filter(|_| pointed > 0) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                row.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let (onkeydown, onfocusin) = tree_handlers(&props.on_action, map, view);

    let lang = AttrValue::from(view.lang.clone());
    let query = AttrValue::from(view.query.trim().to_owned());
    let hits = &props.hits;
    let rows = &props.rows;
    let batch = if map.nodes.len() <= WHOLE_UP_TO { WHOLE_UP_TO } else { BATCH };
    let limit = use_state(|| batch);
    // Always as far as the selected row and a little beyond (End, a jump along a link, a tour);
    // everything for a printout.
    let selected_at = rows.iter().position(|r| r.node == view.selected).unwrap_or(0);
    let shown = if props.printing { rows.len() } else { rows.len().min((*limit).max(selected_at + batch / 4)) };
    let more_ref = use_node_ref();
    {
        let (more_ref, limit) = (more_ref.clone(), limit.clone());
        use_effect_with(shown, move |&shown| {
            let observer = more_ref.cast::<web_sys::Element>().and_then(|more| {
                let grow = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let near = entries.iter().any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
                    if near {
                        limit.set(shown + batch);
                    }
                });
                let options = web_sys::IntersectionObserverInit::new();
                options.set_root_margin("800px");
                let observer = web_sys::IntersectionObserver::new_with_options(grow.as_ref().unchecked_ref(), &options).ok()?;
                observer.observe(&more);
                Some((observer, grow))
            });
            move || {
                if let Some((observer, _grow)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    let more = rows.len() - shown;
    html! {
        <div class="am-tree-box">
        <div class="am-tree" role="tree" data-view="outline" aria-label={map.title.get(&view.lang).to_owned()} ref={tree_ref} {onkeydown} {onfocusin}>
            { for rows[..shown].iter().enumerate().map(|(i, &row)| {
                let node = row.node;
                let lens = view.lens.map(|s| map.nodes[node].evidence.iter().any(|e| e.source == s));
                html! {
                    <TreeRow key={map.nodes[node].id.clone()}
                        map={map.clone()}
                        {row}
                        expanded={shows_open(map, view, rows, i)}
                        selected={view.selected == node}
                        lang={lang.clone()}
                        query={hits.contains(node).then(|| query.clone())}
                        elsewhere={hits.elsewhere(node).cloned()}
                        {lens}
                        verdict={view.verdicts.0.get(&node).copied()}
                        hiding={hiding(map, view, node)}
                        on_action={props.on_action.clone()} />
                }
            }) }
        </div>
        // Outside the tree: a sibling after the keyed rows would make Yew move rows on insert,
        // and a moved row loses focus.
        <div class="am-more" aria-hidden="true" hidden={more == 0} ref={more_ref}>{ "…" }</div>
        </div>
    }
}
