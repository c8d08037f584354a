use std::rc::Rc;

use yew::Reducible;

use crate::model::{Action, ArgumentMap, ViewState};

/// A loaded map, shared by every component. Equality is identity: comparing two maps node by
/// node on every render would cost more than the render.
#[derive(Clone)]
pub struct MapRef(pub Rc<ArgumentMap>);

impl PartialEq for MapRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for MapRef {
    type Target = ArgumentMap;
    fn deref(&self) -> &ArgumentMap {
        &self.0
    }
}

/// The one reducer of a mounted map: the model's `ViewState::apply`, wrapped for Yew.
#[derive(Clone, PartialEq)]
pub struct MapState {
    pub map: MapRef,
    pub view: ViewState,
}

impl Reducible for MapState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let view = self.view.apply(&self.map, action);
        if view == self.view {
            self
        } else {
            Rc::new(MapState { map: self.map.clone(), view })
        }
    }
}
