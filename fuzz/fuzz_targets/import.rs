//! Any bytes -> the Argdown and the Markdown importers: nothing may panic, overflow the stack or
//! run away; every diagnostic has a position; a map that imports is exported to Argdown and
//! must import back to a map of the same nodes, root and links.
#![no_main]

use argmap::model::export::{to_aif, to_argdown, to_markdown, to_opml};
use argmap::model::{import_argdown, import_markdown, ArgumentMap, Imported};
use libfuzzer_sys::fuzz_target;

fn check(imported: &Imported) {
    for d in &imported.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "a position for {d}");
    }
    assert_eq!(imported.map.is_some(), !imported.has_errors(), "a map exactly when there is no error");
}

fn same(a: &ArgumentMap, b: &ArgumentMap) {
    assert_eq!(a.nodes.len(), b.nodes.len());
    assert_eq!(a.nodes[a.root].id, b.nodes[b.root].id);
    assert_eq!(a.links.len(), b.links.len());
    for n in &a.nodes {
        let m = &b.nodes[b.node_index(&n.id).expect("the same ids")];
        assert_eq!((n.kind, n.relation, n.side, &n.text, &n.flags), (m.kind, m.relation, m.side, &m.text, &m.flags), "node {}", n.id);
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for imported in [import_argdown(&text), import_markdown(&text)] {
        check(&imported);
        if let Some(map) = imported.map {
            let argdown = to_argdown(&map);
            let back = import_argdown(&argdown);
            check(&back);
            let back = back.map.unwrap_or_else(|| panic!("the export imports back:\n{argdown}\n{:?}", back.diagnostics));
            same(&map, &back);
            let lang = map.languages[0].clone();
            let _ = (to_markdown(&map, &lang), to_opml(&map, &lang), to_aif(&map, &lang));
        }
    }
});
