use std::rc::Rc;

use yew::Reducible;

use crate::model::{Action, ViewState};
pub use crate::MapRef;

/// The one reducer of a mounted map: the model's `ViewState::apply`, plus what only the page
/// needs to know about it.
#[derive(Clone, PartialEq)]
pub struct MapState {
    pub map: MapRef,
    /// Shared with the tree, which shows most of it, without a copy per render.
    pub view: Rc<ViewState>,
    /// Bumped when an action should move keyboard focus to the selected row (arrow keys, a
    /// jump along a link, a tour step); a click focuses its row by itself.
    pub focus: u32,
    /// Bumped when the host page points at a node: it is brought into view, focus stays put.
    pub pointed: u32,
}

impl MapState {
    pub fn new(map: MapRef, view: ViewState) -> MapState {
        MapState { map, view: Rc::new(view), focus: 0, pointed: 0 }
    }
}

impl Reducible for MapState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let moves_focus =
            matches!(action, Action::Key(_) | Action::Reveal(_) | Action::Tour(Some(_)) | Action::StartTour | Action::Select(_));
        let pointed = self.pointed + u32::from(matches!(action, Action::Point(_)));
        let view = self.view.apply(&self.map, action);
        if view == *self.view && !moves_focus && pointed == self.pointed {
            return self;
        }
        let focus = self.focus + u32::from(moves_focus);
        Rc::new(MapState { map: self.map.clone(), view: Rc::new(view), focus, pointed })
    }
}
