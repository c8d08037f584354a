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
    /// Told where the outline went. The item sits in the toolbar's menu, which closes when it is
    /// chosen, so the notice is shown (and announced) outside it.
    pub on_outcome: Callback<CopyOutcome>,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum CopyOutcome {
    Copied,
    Saved,
}

impl CopyOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            CopyOutcome::Copied => "copied",
            CopyOutcome::Saved => "saved",
        }
    }
}

#[component]
pub fn CopyOutline(props: &CopyOutlineProps) -> Html {
    let s = strings(&props.lang);
    let onclick = {
        let (map, rows, lang, outcome) = (props.map.clone(), props.rows.clone(), props.lang.clone(), props.on_outcome.clone());
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
                outcome.emit(if copied { CopyOutcome::Copied } else { CopyOutcome::Saved });
            });
        })
    };
    html! {
        <button type="button" class="am-menuitem" role="menuitem" data-action="copy-outline" {onclick}>{ s.copy_outline }</button>
    }
}
