//! "Copy as outline": the claims the reader has open, in the reader's language, as the Markdown
//! outline `argmap export --to markdown` writes, onto the clipboard — or, where a page may not
//! use the clipboard (plain http, a refused permission), into a file, so the button never does
//! nothing.

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::model::export::to_markdown_rows;
use crate::model::Row;
use crate::strings::strings;

use super::state::MapRef;

#[derive(Properties, PartialEq)]
pub struct CopyOutlineProps {
    pub map: MapRef,
    pub rows: Rc<Vec<Row>>,
    pub lang: AttrValue,
}

#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Copied,
    Saved,
}

#[component]
pub fn CopyOutline(props: &CopyOutlineProps) -> Html {
    let s = strings(&props.lang);
    let outcome = use_state(|| None::<Outcome>);
    let onclick = {
        let (map, rows, lang, outcome) = (props.map.clone(), props.rows.clone(), props.lang.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let shown: Vec<_> = rows.iter().map(|r| (r.node, r.level.saturating_sub(1))).collect();
            let text = to_markdown_rows(&map, &lang, &shown);
            let file = format!("{}.md", map.id);
            let outcome = outcome.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
                let copied = match clipboard {
                    Some(c) => JsFuture::from(c.write_text(&text)).await.is_ok(),
                    None => false,
                };
                if !copied {
                    super::download::save(&file, "text/markdown", &text);
                }
                outcome.set(Some(if copied { Outcome::Copied } else { Outcome::Saved }));
            });
        })
    };
    html! {
        <>
            <button type="button" class="am-button" data-action="copy-outline" {onclick}>{ s.copy_outline }</button>
            <span class="am-count" role="status" data-outcome={outcome.map(|o| if o == Outcome::Copied { "copied" } else { "saved" })}>
                { match *outcome { Some(Outcome::Copied) => s.copied_outline, Some(Outcome::Saved) => s.saved_outline, None => "" } }
            </span>
        </>
    }
}
