//! What the reader has done to the map, as a value: `ViewState::apply(map, action)` returns the
//! next state. The widget keeps one of these in a reducer; deep links serialise it.

use super::tree::visible_rows;
use super::types::{ArgumentMap, NodeIdx};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    /// `expanded[i]`: node i shows its children (when it is itself visible).
    pub expanded: Vec<bool>,
    /// The current node: `aria-selected`, the one focusable treeitem, the one whose detail shows.
    pub selected: NodeIdx,
    /// The reader's language, one of the map's languages.
    pub lang: String,
}

/// Keys of the WAI-ARIA tree view pattern, already decoded from the browser's event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Up,
    Down,
    /// Opens a closed node, else moves to its first child.
    Right,
    /// Closes an open node, else moves to its parent.
    Left,
    Home,
    End,
    /// `*`: opens every sibling of the current node.
    Star,
    /// Enter or Space: toggles the current node.
    Activate,
    /// Type-ahead: moves to the next visible node whose text starts with this character.
    Char(char),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Select the node and open or close it (a click, Enter or Space).
    Toggle(NodeIdx),
    Select(NodeIdx),
    /// Open every ancestor so the node is visible, and select it.
    Reveal(NodeIdx),
    ExpandAll,
    /// Back to the opening view: the root and its direct children.
    CollapseAll,
    /// Show every node down to this level (the root is level 1).
    ExpandToLevel(usize),
    Key(Key),
    SetLang(String),
}

impl ViewState {
    /// The opening view: the root and its direct children visible, the root selected, in the
    /// given language if the map has it, else in the map's first language.
    pub fn new(map: &ArgumentMap, lang: &str) -> ViewState {
        let mut expanded = vec![false; map.nodes.len()];
        expanded[map.root] = true;
        ViewState { expanded, selected: map.root, lang: pick_lang(map, lang) }
    }

    pub fn is_expanded(&self, node: NodeIdx) -> bool {
        self.expanded.get(node).copied().unwrap_or(false)
    }

    pub fn apply(&self, map: &ArgumentMap, action: Action) -> ViewState {
        let mut next = self.clone();
        match action {
            Action::Toggle(n) => {
                if !map.nodes[n].children.is_empty() {
                    next.expanded[n] = !next.expanded[n];
                }
                next.selected = n;
            }
            Action::Select(n) => next.selected = n,
            Action::Reveal(n) => {
                for a in map.ancestors(n) {
                    next.expanded[a] = true;
                }
                next.selected = n;
            }
            Action::ExpandAll => {
                for (i, node) in map.nodes.iter().enumerate() {
                    next.expanded[i] = !node.children.is_empty();
                }
            }
            Action::CollapseAll => return next.apply(map, Action::ExpandToLevel(2)),
            Action::ExpandToLevel(level) => {
                for (i, node) in map.nodes.iter().enumerate() {
                    next.expanded[i] = node.level < level && !node.children.is_empty();
                }
                // The root always shows its children: a lone question hides the whole debate.
                next.expanded[map.root] = !map.nodes[map.root].children.is_empty();
                next.selected = next.nearest_visible(map, next.selected);
            }
            Action::Key(key) => next.key(map, key),
            Action::SetLang(lang) => next.lang = pick_lang(map, &lang),
        }
        next
    }

    /// The node itself if visible, else its nearest visible ancestor.
    fn nearest_visible(&self, map: &ArgumentMap, node: NodeIdx) -> NodeIdx {
        let mut visible = node;
        for a in map.ancestors(node) {
            if !self.expanded[a] {
                visible = a;
            }
        }
        visible
    }

    fn key(&mut self, map: &ArgumentMap, key: Key) {
        let n = self.selected;
        let node = &map.nodes[n];
        let rows = || visible_rows(map, &self.expanded);
        match key {
            Key::Activate => {
                if !node.children.is_empty() {
                    self.expanded[n] = !self.expanded[n];
                }
            }
            Key::Right => match (node.children.first(), self.expanded[n]) {
                (Some(_), false) => self.expanded[n] = true,
                (Some(&first), true) => self.selected = first,
                (None, _) => {}
            },
            Key::Left => match (node.children.is_empty(), self.expanded[n], node.parent) {
                (false, true, _) => self.expanded[n] = false,
                (_, _, Some(parent)) => self.selected = parent,
                _ => {}
            },
            Key::Up | Key::Down => {
                let rows = rows();
                if let Some(at) = rows.iter().position(|r| r.node == n) {
                    let to = if key == Key::Up { at.checked_sub(1) } else { Some(at + 1) };
                    if let Some(row) = to.and_then(|i| rows.get(i)) {
                        self.selected = row.node;
                    }
                }
            }
            Key::Home => self.selected = map.root,
            Key::End => {
                if let Some(last) = rows().last() {
                    self.selected = last.node;
                }
            }
            Key::Star => {
                let siblings = match node.parent {
                    Some(p) => map.nodes[p].children.as_slice(),
                    None => std::slice::from_ref(&self.selected),
                };
                for &s in siblings {
                    if !map.nodes[s].children.is_empty() {
                        self.expanded[s] = true;
                    }
                }
            }
            Key::Char(c) => {
                let rows = rows();
                let at = rows.iter().position(|r| r.node == n).unwrap_or(0);
                // ASCII case folding only: Unicode case tables would cost the wasm several KB,
                // and the scripts that matter here beyond Latin (Chinese) have no case.
                let starts = |r: &&super::tree::Row| {
                    map.nodes[r.node].text.get(&self.lang).trim_start().chars().next().is_some_and(|first| first.eq_ignore_ascii_case(&c))
                };
                // Search after the current row first, then wrap around to the top.
                let hit = rows[at + 1..].iter().find(starts).or_else(|| rows[..=at].iter().find(starts));
                if let Some(row) = hit {
                    self.selected = row.node;
                }
            }
        }
    }
}

fn pick_lang(map: &ArgumentMap, wanted: &str) -> String {
    let base = |l: &str| l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    map.languages
        .iter()
        .find(|l| l.eq_ignore_ascii_case(wanted))
        .or_else(|| map.languages.iter().find(|l| base(l) == base(wanted)))
        .or(map.languages.first())
        .cloned()
        .unwrap_or_default()
}
