//! The live editor's wasm (edit.html): the model's text importers, and nothing of the widget,
//! so that readers, who load only the widget's wasm, never download the parsers.
//!
//! Two functions cross into JavaScript: [`import_text`], which answers in JSON text (the page
//! parses it with `JSON.parse`, which costs no bindings code on either side), and
//! [`embed_snippet_element`], the element for the author's snippet with the map's first view
//! drawn in it, by the same renderer as `argmap render --element`.

use argmap::model::{import_argdown, import_markdown, Diagnostic, Imported};
use serde_json::{json, Value};
use wasm_bindgen::prelude::wasm_bindgen;

/// Reads `text` as `format` (`argdown` or `markdown`) and answers
/// `{"map_json": "…" | null, "diagnostics": [{"line", "column", "severity", "message"}]}`:
/// `map_json` is the `argmap/1` document as JSON text when the text has no error, the
/// diagnostics are every error and warning in order of position (lines and columns 1-based,
/// columns in characters).
#[wasm_bindgen(js_name = importText)]
pub fn import_text(text: &str, format: &str) -> String {
    let imported = match format {
        "argdown" => import_argdown(text),
        "markdown" => import_markdown(text),
        other => {
            let message = format!("unknown format {other:?}: expected \"argdown\" or \"markdown\"");
            return answer(None, &[Diagnostic::error(1, 1, message)]);
        }
    };
    answer(map_json(&imported).as_deref(), &imported.diagnostics)
}

/// The `<argument-map>` element for the author's snippet: `map_json` inline, in `lang`, with
/// its first view drawn in a declarative shadow root that links argmap.css from `base` (the
/// folder the author's site serves argmap.js from), exactly as `argmap render --element` writes
/// it. An empty string when the map does not load (the editor only offers maps that do).
#[wasm_bindgen(js_name = embedSnippetElement)]
pub fn embed_snippet_element(map_json: &str, lang: &str, base: &str) -> String {
    match argmap::model::load(map_json) {
        Ok(map) => argmap::fallback::element(&map, map_json, lang, base, None),
        Err(_) => String::new(),
    }
}

/// The document, only when it validated: a map with errors is never handed to the widget.
fn map_json(imported: &Imported) -> Option<String> {
    if imported.has_errors() || imported.map.is_none() {
        return None;
    }
    imported.document.as_ref().map(Value::to_string)
}

fn answer(map_json: Option<&str>, diagnostics: &[Diagnostic]) -> String {
    let diagnostics: Vec<Value> = diagnostics
        .iter()
        .map(|d| json!({"line": d.line, "column": d.column, "severity": d.severity.as_str(), "message": d.message}))
        .collect();
    json!({"map_json": map_json, "diagnostics": diagnostics}).to_string()
}
