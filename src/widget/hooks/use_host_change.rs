use yew::prelude::*;

use crate::model::Action;

/// The host page changing `lang`, `tour` or `exercise` after mount. Not on the first render, where a link
/// or the reader's saved view may have chosen otherwise.
#[hook]
pub fn use_host_change(lang: AttrValue, tour: bool, exercise: bool, on_action: Callback<Action>) {
    let last = use_mut_ref(|| (lang.clone(), tour, exercise));
    use_effect_with((lang, tour, exercise), move |(lang, tour, exercise)| {
        let (last_lang, last_tour, last_exercise) = last.borrow().clone();
        if last_lang != *lang {
            on_action.emit(Action::SetLang(lang.to_string()));
        }
        if last_tour != *tour {
            on_action.emit(if *tour { Action::StartTour } else { Action::Tour(None) });
        }
        if last_exercise != *exercise {
            on_action.emit(Action::SetExercise(*exercise));
        }
        *last.borrow_mut() = (lang.clone(), *tour, *exercise);
    });
}
