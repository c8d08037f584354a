//! What the fuzz target `load` checks on one input, in a file of its own so that
//! tests/hostile.rs replays the same checks on every seed and every input the fuzzer found.
//! Any bytes -> `load`; every reported path -> `locate` (as the command line does); on a map
//! that loads, the rest of the input drives the reader: view actions, visible rows.
//! Nothing may panic, overflow the stack, or run away in time or memory.

use argmap::model::{load, visible_rows, Action, Key, ViewState};

// The crate that includes this file also includes the command line's `locate` (cli/src/locate.rs).
use crate::locate::locate;

/// Panics (the fuzzer's finding) if any check fails on `data`.
pub fn drive(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let map = match load(&text) {
        Ok(map) => map,
        Err(problems) => {
            assert!(!problems.is_empty(), "a refused map names at least one problem");
            // `locate` is total: any text, any path.
            for p in &problems {
                let _ = p.to_string();
                let _ = locate(&text, &p.path);
            }
            return;
        }
    };
    let n = map.nodes.len();
    let mut view = ViewState::new(&map, "en");
    // The input's bytes, read backwards, as a script of reader actions.
    for pair in data.rchunks(2).take(64) {
        let (op, arg) = (pair[0], *pair.get(1).unwrap_or(&0) as usize);
        // Clicks, selections and marks land on a row the reader sees; Reveal (a link, the tour)
        // may name any node.
        let shown = view.rows(&map);
        let node = shown[arg % shown.len()].node;
        let action = match op % 22 {
            0 => Action::Toggle(node),
            1 => Action::Select(node),
            2 => Action::Reveal(arg % n),
            3 => Action::ExpandAll,
            4 => Action::CollapseAll,
            5 => Action::ExpandToLevel(arg % 8),
            6 => Action::Key(Key::Up),
            7 => Action::Key(Key::Down),
            8 => Action::Key(Key::Left),
            9 => Action::Key(Key::Right),
            10 => Action::Key(Key::Home),
            11 => Action::Key(Key::End),
            12 => Action::Key(Key::Star),
            13 => Action::Key(Key::Activate),
            14 => Action::Key(Key::Char(char::from(arg as u8))),
            15 => Action::SetLang(["zh", "en", "zh-Hant", "", "EN-gb"][arg % 5].to_owned()),
            16 => Action::SetLens((arg % 4 < 3).then_some(arg % 3)),
            17 => Action::Search(String::from_utf8_lossy(&data[..arg.min(data.len()) % 9]).into_owned()),
            18 => Action::ClearSearch,
            19 => Action::Tour((arg % 5 < 4).then_some(arg % 4)),
            20 => Action::Mark(node, None),
            // A fragment made of the input itself: arbitrary text through the URL decoder.
            _ => Action::Fragment(String::from_utf8_lossy(&data[data.len().saturating_sub(arg % 64)..]).into_owned()),
        };
        view = view.apply(&map, action);
        let rows = visible_rows(&map, &view.expanded);
        assert_eq!(rows[0].node, map.root);
        assert!(view.selected < n);
        let _ = view.rows(&map);
        // The trip through the URL returns the same tree (a link carries no search).
        if !view.searching() {
            let fragment = view.to_fragment(&map);
            let back = ViewState::new(&map, "zh").with_fragment(&map, &fragment);
            assert_eq!(visible_rows(&map, &back.expanded), rows, "fragment {fragment}");
        }
    }
}
