use std::rc::Rc;

use crate::model::ArgumentMap;

/// A loaded map shared by every component that shows it (the widget's and the static
/// fallback's). Equality is identity: comparing two maps node by node on every render would
/// cost more than the render.
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
