//! The exercise's running score, and the reader's marks as a file: "Save my marks" downloads
//! `argmap-marks/1` (a teacher collects them for `argmap tally`), "Load marks" restores one. A
//! file that is refused changes nothing and says why, in the reader's language.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::{Action, Answers, Marks, Problem, ProblemKind, Verdicts, MAX_MAP_BYTES, MAX_NAME_CHARS};
use crate::strings::strings;

use super::hooks::{keep_name, stored_name};
use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct MarksBarProps {
    pub map: MapRef,
    pub lang: AttrValue,
    pub exercise: bool,
    pub verdicts: Verdicts,
    pub answers: Answers,
    /// Where the name the reader typed is kept, so a reload keeps it too.
    pub name_key: AttrValue,
    pub on_action: Callback<Action>,
}

#[derive(Clone, PartialEq)]
enum Told {
    Loaded(usize, usize),
    Refused(Vec<Problem>),
}

#[component]
pub fn MarksBar(props: &MarksBarProps) -> Html {
    let map = &props.map;
    let s = strings(&props.lang);
    let (name_ref, file_ref) = (use_node_ref(), use_node_ref());
    let told = use_state(|| None::<Told>);
    {
        let name_ref = name_ref.clone();
        let shown = props.exercise || !props.verdicts.0.is_empty() || !props.answers.0.is_empty();
        use_effect_with((props.name_key.clone(), shown), move |(key, _)| {
            if let (Some(input), Some(name)) = (name_ref.cast::<web_sys::HtmlInputElement>(), stored_name(key)) {
                input.set_value(&name);
            }
        });
    }
    let keep_name = {
        let key = props.name_key.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                keep_name(&key, &input.value());
            }
        })
    };
    if !props.exercise && props.verdicts.0.is_empty() && props.answers.0.is_empty() {
        return html! {};
    }
    let save = {
        let (map, name_ref) = (map.clone(), name_ref.clone());
        let (verdicts, answers) = (props.verdicts.clone(), props.answers.clone());
        Callback::from(move |_: MouseEvent| {
            let typed = name_ref.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let name: String = typed.trim().chars().take(MAX_NAME_CHARS).collect();
            let marks = Marks { name: Some(name).filter(|n| !n.is_empty()), verdicts: verdicts.clone(), answers: answers.clone() };
            super::download::save(&marks.file_name(&map), "application/json", &marks.to_json(&map));
        })
    };
    let choose = {
        let file_ref = file_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_ref.cast::<web_sys::HtmlElement>() {
                input.click();
            }
        })
    };
    let load = {
        let (map, told, name_ref, on_action) = (map.clone(), told.clone(), name_ref.clone(), props.on_action.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            // The same file chosen again must load again.
            input.set_value("");
            let (map, told, name_ref, on_action) = (map.clone(), told.clone(), name_ref.clone(), on_action.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let limit = MAX_MAP_BYTES / 1_048_576;
                let text = if file.size() > MAX_MAP_BYTES as f64 {
                    // Refused unread, as the model would refuse the text.
                    Err(Problem::at("", ProblemKind::TooLarge { megabytes: (file.size() as usize) / 1_048_576, limit }))
                } else {
                    let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                    read.ok().and_then(|t| t.as_string()).ok_or_else(|| Problem::at("", ProblemKind::NotUtf8))
                };
                match text.map_err(|p| vec![p]).and_then(|text| Marks::from_json(&map, &text)) {
                    Ok(marks) => {
                        if let Some(input) = name_ref.cast::<web_sys::HtmlInputElement>() {
                            input.set_value(marks.name.as_deref().unwrap_or_default());
                        }
                        told.set(Some(Told::Loaded(marks.verdicts.0.len(), marks.answers.0.len())));
                        on_action.emit(Action::Restore(marks));
                    }
                    Err(problems) => told.set(Some(Told::Refused(problems))),
                }
            });
        })
    };
    let score = props.answers.score(map);
    let start_again = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ForgetAnswers))
    };
    html! {
        <div class="am-marks">
            if props.exercise {
                <p class="am-hint">{ s.exercise_hint }</p>
                <p class="am-score" aria-live="polite">{ (s.score)(score.correct, score.answered) }</p>
                if !props.answers.0.is_empty() {
                    <button type="button" class="am-button am-small" data-action="start-again" onclick={start_again}>{ s.start_again }</button>
                }
            }
            <label class="am-name">{ s.your_name }{ " " }<input type="text" maxlength="100" autocomplete="name" ref={name_ref} oninput={keep_name} /></label>
            <button type="button" class="am-button am-small" data-action="save-marks" onclick={save}>{ s.save_marks }</button>
            <button type="button" class="am-button am-small" data-action="load-marks" onclick={choose}>{ s.load_marks }</button>
            <input type="file" accept=".json,application/json" hidden=true ref={file_ref} onchange={load} />
            <div aria-live="polite">
                { for (*told).as_ref().map(|told| match told {
                    Told::Loaded(marks, answers) => html! { <p class="am-hint" data-notice="loaded">{ (s.marks_loaded)(*marks, *answers) }</p> },
                    Told::Refused(problems) => html! {
                        <div class="am-error" data-notice="refused">
                            <p>{ s.marks_refused }</p>
                            <ul>{ for problems.iter().map(|p| html! { <li>{ s.located_problem(p) }</li> }) }</ul>
                        </div>
                    },
                }) }
            </div>
        </div>
    }
}
