use yew::prelude::*;

use super::storage;
use crate::model::{Answers, ArgumentMap, Verdicts};

/// The reader's marks as stored for this map, if any.
pub fn stored_verdicts(map: &ArgumentMap, key: &str) -> Verdicts {
    storage::read(storage::local(), key).map(|text| Verdicts::from_storage(map, &text)).unwrap_or_default()
}

/// The reader's exercise answers as stored for this map, if any.
pub fn stored_answers(map: &ArgumentMap, key: &str) -> Answers {
    storage::read(storage::local(), key).map(|text| Answers::from_storage(map, &text)).unwrap_or_default()
}

/// The name the reader last typed for their marks file on this map, if any.
pub fn stored_name(key: &str) -> Option<String> {
    storage::read(storage::local(), key)
}

/// Keeps the name the reader types (a blank one is forgotten).
pub fn keep_name(key: &str, name: &str) {
    storage::write(storage::local(), key, name.trim());
}

/// Keeps what the reader made (marks, answers; `text` as stored) in the browser's storage;
/// returns whether it is being kept (the storage may be refused at once, or fail later, when
/// full).
#[hook]
pub fn use_stored(key: String, text: String) -> bool {
    let kept = use_state(|| {
        let probe = "argmap/probe";
        storage::write(storage::local(), probe, "1") && storage::write(storage::local(), probe, "")
    });
    let first = use_mut_ref(|| true);
    {
        let kept = kept.clone();
        use_effect_with(text, move |text| {
            // What was just read needs no writing back.
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            let written = storage::write(storage::local(), &key, text);
            if written != *kept {
                kept.set(written);
            }
        });
    }
    *kept
}
