use yew::prelude::*;

use crate::model::Action;

/// The host page changing `lang` or `tour` after mount. Not on the first render, where a link
/// or the reader's saved view may have chosen otherwise.
#[hook]
pub fn use_host_change(lang: AttrValue, tour: bool, on_action: Callback<Action>) {
    let last = use_mut_ref(|| (lang.clone(), tour));
    use_effect_with((lang, tour), move |(lang, tour)| {
        let (last_lang, last_tour) = last.borrow().clone();
        if last_lang != *lang {
            on_action.emit(Action::SetLang(lang.to_string()));
        }
        if last_tour != *tour {
            on_action.emit(if *tour { Action::StartTour } else { Action::Tour(None) });
        }
        *last.borrow_mut() = (lang.clone(), *tour);
    });
}
