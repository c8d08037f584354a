//! The map view's controls, floating in the canvas's corner: zoom out, zoom in, fit, and "Save
//! picture" (SVG or PNG). One callback says what the reader asked for; the canvas does it.

use yew::prelude::*;

use super::more_menu::MoreMenu;
use crate::strings::strings;

/// What the reader asked of the view.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Control {
    /// Zoom by this factor about the middle of the view.
    Zoom(f32),
    /// The whole map in view.
    Fit,
    /// Download what the map shows as a picture: PNG if true, else SVG.
    Save { png: bool },
}

/// How much one press of − or + zooms.
const STEP: f32 = 1.25;

/// The controls' markup. A plain function, not a component: it has no state of its own, and
/// a component of its own costs the wasm more than it saves renders (the canvas renders it).
pub fn map_controls(lang: &str, on_control: &Callback<Control>) -> Html {
    let s = strings(lang);
    let ask = |control: Control| {
        let on_control = on_control.clone();
        Callback::from(move |_: MouseEvent| on_control.emit(control))
    };
    html! {
        <div class="am-group am-zoom" role="group" aria-label={s.view_map}>
            <button type="button" class="am-button" data-action="zoom-out" aria-label={s.zoom_out} onclick={ask(Control::Zoom(1.0 / STEP))}>{ "−" }</button>
            <button type="button" class="am-button" data-action="zoom-in" aria-label={s.zoom_in} onclick={ask(Control::Zoom(STEP))}>{ "+" }</button>
            <button type="button" class="am-button" data-action="fit" onclick={ask(Control::Fit)}>{ s.zoom_fit }</button>
            <MoreMenu label={s.save_picture} name="save-picture">
                <button type="button" class="am-menuitem" role="menuitem" data-action="save-svg" onclick={ask(Control::Save { png: false })}>{ "SVG" }</button>
                <button type="button" class="am-menuitem" role="menuitem" data-action="save-png" onclick={ask(Control::Save { png: true })}>{ "PNG" }</button>
            </MoreMenu>
        </div>
    }
}
