use yew::prelude::*;

use super::storage;
use crate::model::{ArgumentMap, Verdicts};
use crate::MapRef;

/// The reader's marks as stored for this map, if any.
pub fn stored_verdicts(map: &ArgumentMap, key: &str) -> Verdicts {
    storage::read(storage::local(), key).map(|text| Verdicts::from_storage(map, &text)).unwrap_or_default()
}

/// Keeps the reader's marks in the browser's storage; returns whether they are being kept (the
/// storage may be refused at once, or fail later, when full).
#[hook]
pub fn use_stored_verdicts(map: MapRef, key: String, verdicts: Verdicts) -> bool {
    let kept = use_state(|| {
        let probe = "argmap/probe";
        storage::write(storage::local(), probe, "1") && storage::write(storage::local(), probe, "")
    });
    let first = use_mut_ref(|| true);
    {
        let kept = kept.clone();
        use_effect_with(verdicts, move |verdicts| {
            // The marks just read need no writing back.
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            let written = storage::write(storage::local(), &key, &verdicts.to_storage(&map));
            if written != *kept {
                kept.set(written);
            }
        });
    }
    *kept
}
