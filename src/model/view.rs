//! What the reader has done to the map, as a value: `ViewState::apply(map, action)` returns the
//! next state. The widget keeps one of these in a reducer; deep links serialise part of it.

use super::exercise::{can_guess, Answers, Guess};
use super::layout::rows_by_side;
use super::marks::Marks;
use super::search::Hits;
use super::tree::{rows_where, visible_rows, Row};
use super::types::{ArgumentMap, NodeIdx};
use super::verdict::{Verdict, Verdicts};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    /// `expanded[i]`: node i shows its children (when it is itself visible).
    pub expanded: Vec<bool>,
    /// The current node: `aria-selected`, the one focusable treeitem, the one whose detail
    /// shows. Always visible.
    pub selected: NodeIdx,
    /// The reader's language, one of the map's languages.
    pub lang: String,
    /// Highlight the nodes citing this source (index into `sources`), dim the rest.
    pub lens: Option<usize>,
    /// Search text; when not empty, only matches and the paths to them show.
    pub query: String,
    /// The current step of the guided tour, while it runs.
    pub tour: Option<usize>,
    /// Large type for a projector.
    pub present: bool,
    /// The reader's own marks on claims.
    pub verdicts: Verdicts,
    /// How the map is drawn now: as a map, or as an outline (the widget decides from the host's
    /// wish, the reader's choice and the room it has).
    pub mode: ViewMode,
    /// What the reader chose with the view switch, if anything; a link carries it.
    pub chosen_mode: Option<ViewMode>,
    /// "Predict, then see": a claim's relation and side stay hidden until the reader guesses.
    pub exercise: bool,
    /// The reader's guesses (kept even while the exercise is off, so turning it on again
    /// resumes it).
    pub answers: Answers,
}

/// The two drawings of one state: the same rows, the same keys, the same current node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewMode {
    /// Cards on a plane, connected; the root's positions ordered by side, so each side holds a
    /// region of its own.
    Map,
    /// An indented list, in the map's own order.
    Outline,
}

impl ViewMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ViewMode::Map => "map",
            ViewMode::Outline => "outline",
        }
    }

    /// `map` or `outline`; anything else (`auto`, nothing) is `None`.
    pub fn parse(word: &str) -> Option<ViewMode> {
        match word.trim() {
            "map" => Some(ViewMode::Map),
            "outline" => Some(ViewMode::Outline),
            _ => None,
        }
    }
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
    /// The host page points at a node (its prose, a scroll step): as `Reveal`, but keyboard
    /// focus stays where the reader has it.
    Point(NodeIdx),
    ExpandAll,
    /// Back to the opening view: the root and its direct children.
    CollapseAll,
    /// Show every node down to this level (the root is level 1).
    ExpandToLevel(usize),
    Key(Key),
    SetLang(String),
    SetLens(Option<usize>),
    Search(String),
    /// Leave search; the node the reader was on stays in view.
    ClearSearch,
    /// Start the tour, or go to a step of it (clamped); `None` ends it.
    Tour(Option<usize>),
    /// Start the tour at its first step in large type, as a projector wants it.
    StartTour,
    SetPresent(bool),
    Mark(NodeIdx, Option<Verdict>),
    ClearVerdicts,
    /// Adopt what a link says (see `to_fragment`), e.g. after the browser's back button.
    Fragment(String),
    /// The widget draws the map this way now (from the host's wish and the room it has).
    ShowAs(ViewMode),
    /// The reader chose a drawing with the view switch.
    Choose(ViewMode),
    /// The host turns the exercise on or off.
    SetExercise(bool),
    /// The reader's guess on a node; the first one is kept.
    Guess(NodeIdx, Guess),
    /// A marks file the reader loaded: its verdicts and answers replace the reader's.
    Restore(Marks),
    /// The reader starts the exercise again: every answer forgotten, verdicts kept.
    ForgetAnswers,
    /// Where the reader already was in the first view the page drew from its HTML, before the
    /// widget took over: these nodes open (the paths to them too), `at` current.
    Resume {
        open: Vec<NodeIdx>,
        at: Option<NodeIdx>,
    },
}

impl ViewState {
    /// The opening view: the root and its direct children visible, the root selected, in the
    /// given language if the map has it, else in the map's first language.
    pub fn new(map: &ArgumentMap, lang: &str) -> ViewState {
        let mut expanded = vec![false; map.nodes.len()];
        expanded[map.root] = true;
        ViewState {
            expanded,
            selected: map.root,
            lang: pick_lang(map, lang),
            lens: None,
            query: String::new(),
            tour: None,
            present: false,
            verdicts: Verdicts::default(),
            mode: ViewMode::Outline,
            chosen_mode: None,
            exercise: false,
            answers: Answers::default(),
        }
    }

    /// Whether `node`'s relation and side are hidden from the reader: the exercise asks about
    /// it and it has no guess yet.
    pub fn conceals(&self, map: &ArgumentMap, node: NodeIdx) -> bool {
        self.exercise && can_guess(map, node) && !self.answers.0.contains_key(&node)
    }

    /// The level `ExpandToLevel` would give this view, if the view is exactly that (the levels
    /// control shows it; after "Expand all" or a single toggle it is usually none).
    pub fn shown_level(&self, map: &ArgumentMap) -> Option<usize> {
        let has_children = |i: usize| !map.nodes[i].children.is_empty();
        // The deepest open node decides the candidate; then every node must agree with it.
        let deepest = map.nodes.iter().enumerate().filter(|&(i, _)| self.expanded[i] && has_children(i)).map(|(_, n)| n.level).max()?;
        let level = deepest.max(1) + 1;
        let fits = map.nodes.iter().enumerate().all(|(i, n)| {
            let want = (n.level < level || i == map.root) && has_children(i);
            self.expanded[i] == want || !has_children(i)
        });
        fits.then_some(level)
    }

    pub fn is_expanded(&self, node: NodeIdx) -> bool {
        self.expanded.get(node).copied().unwrap_or(false)
    }

    pub fn searching(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// The rows the reader sees: the open tree, or while searching, the matches and the paths
    /// to them.
    pub fn rows(&self, map: &ArgumentMap) -> Vec<Row> {
        self.rows_showing(map, &self.hits(map))
    }

    /// What the search finds, in every language of the map; nothing when no search is on.
    pub fn hits(&self, map: &ArgumentMap) -> Hits {
        if self.searching() {
            Hits::search(map, &self.lang, &self.query)
        } else {
            Hits::none()
        }
    }

    /// `rows` when the caller has the search's `hits` already: the search runs once per state.
    /// In the map the root's positions come by side (open, neutral, closed), in both the picture
    /// and the keyboard's order.
    pub fn rows_showing(&self, map: &ArgumentMap, hits: &Hits) -> Vec<Row> {
        let rows = self.rows_in_map_order(map, hits);
        match self.mode {
            ViewMode::Map => rows_by_side(map, &rows),
            ViewMode::Outline => rows,
        }
    }

    fn rows_in_map_order(&self, map: &ArgumentMap, hits: &Hits) -> Vec<Row> {
        if !self.searching() {
            return visible_rows(map, &self.expanded);
        }
        let mut shown = vec![false; map.nodes.len()];
        shown[map.root] = true;
        for m in hits.iter() {
            shown[m] = true;
            for a in map.ancestors(m) {
                if shown[a] {
                    break;
                }
                shown[a] = true;
            }
        }
        rows_where(map, &shown)
    }

    pub fn apply(&self, map: &ArgumentMap, action: Action) -> ViewState {
        let mut next = self.step(map, action);
        next.keep_selection_in_view(map);
        next
    }

    /// The selected node is the one tab stop and the one whose detail shows: it must be on
    /// screen whatever an action (or a hand-made link) said.
    fn keep_selection_in_view(&mut self, map: &ArgumentMap) {
        if self.searching() {
            if !self.rows(map).iter().any(|r| r.node == self.selected) {
                self.selected = map.root;
            }
        } else if map.ancestors(self.selected).any(|a| !self.expanded[a]) {
            let selected = self.selected;
            self.reveal(map, selected);
        }
    }

    fn step(&self, map: &ArgumentMap, action: Action) -> ViewState {
        let mut next = self.clone();
        match action {
            Action::Toggle(n) => {
                if !map.nodes[n].children.is_empty() && !self.searching() {
                    next.expanded[n] = !next.expanded[n];
                }
                next.selected = n;
            }
            Action::Select(n) => next.selected = n,
            Action::Reveal(n) | Action::Point(n) => next.reveal(map, n),
            Action::ExpandAll => {
                for (i, node) in map.nodes.iter().enumerate() {
                    next.expanded[i] = !node.children.is_empty();
                }
            }
            Action::CollapseAll => return next.step(map, Action::ExpandToLevel(2)),
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
            Action::SetLens(lens) => next.lens = lens.filter(|&s| s < map.sources.len()),
            Action::Search(query) => {
                next.query = query;
                // Put the selection on the first match unless it is on a match already, so
                // the arrow keys go on from there.
                let hits = next.hits(map);
                if !hits.contains(next.selected) {
                    let first_shown = next.rows_showing(map, &hits).into_iter().map(|r| r.node).find(|&n| hits.contains(n));
                    next.selected = first_shown.unwrap_or(map.root);
                }
            }
            Action::ClearSearch => {
                next.query.clear();
                let selected = next.selected;
                next.reveal(map, selected);
            }
            Action::Tour(step) => match step.filter(|_| !map.tour.is_empty()) {
                Some(step) => {
                    let step = step.min(map.tour.len() - 1);
                    next.tour = Some(step);
                    next.query.clear();
                    let node = map.tour[step].node;
                    next.reveal(map, node);
                }
                None => {
                    next.tour = None;
                    next.present = false;
                }
            },
            Action::StartTour => {
                next = next.step(map, Action::Tour(Some(0)));
                next.present = !map.tour.is_empty();
            }
            Action::SetPresent(present) => next.present = present,
            Action::Mark(n, verdict) => match verdict {
                Some(v) => {
                    next.verdicts.0.insert(n, v);
                }
                None => {
                    next.verdicts.0.remove(&n);
                }
            },
            Action::ClearVerdicts => next.verdicts = Verdicts::default(),
            Action::Fragment(fragment) => next = self.with_fragment(map, &fragment),
            Action::ShowAs(mode) => next.mode = mode,
            Action::Choose(mode) => {
                next.mode = mode;
                next.chosen_mode = Some(mode);
            }
            Action::SetExercise(on) => next.exercise = on,
            Action::Guess(n, guess) => {
                next.answers.record(map, n, guess);
            }
            Action::Restore(marks) => {
                next.verdicts = marks.verdicts;
                next.answers = marks.answers;
            }
            Action::ForgetAnswers => next.answers = Default::default(),
            Action::Resume { open, at } => {
                for n in open {
                    next.reveal(map, n);
                    next.expanded[n] = true;
                }
                next.selected = self.selected;
                if let Some(n) = at {
                    next.reveal(map, n);
                }
            }
        }
        next
    }

    fn reveal(&mut self, map: &ArgumentMap, node: NodeIdx) {
        for a in map.ancestors(node) {
            self.expanded[a] = true;
        }
        self.selected = node;
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
        // While searching, the filtered rows are the tree: opening and closing do not apply.
        let can_fold = !self.searching() && !node.children.is_empty();
        match key {
            Key::Activate => {
                if can_fold {
                    self.expanded[n] = !self.expanded[n];
                }
            }
            Key::Right => match (node.children.first(), self.expanded[n] || self.searching()) {
                (Some(_), false) => self.expanded[n] = true,
                (Some(_), true) => {
                    let rows = self.rows(map);
                    let at = rows.iter().position(|r| r.node == n);
                    if let Some(next) = at.and_then(|i| rows.get(i + 1)).filter(|r| map.nodes[r.node].parent == Some(n)) {
                        self.selected = next.node;
                    }
                }
                (None, _) => {}
            },
            Key::Left => match (can_fold && self.expanded[n], node.parent) {
                (true, _) => self.expanded[n] = false,
                (false, Some(parent)) => self.selected = parent,
                _ => {}
            },
            Key::Up | Key::Down => {
                let rows = self.rows(map);
                if let Some(at) = rows.iter().position(|r| r.node == n) {
                    let to = if key == Key::Up { at.checked_sub(1) } else { Some(at + 1) };
                    if let Some(row) = to.and_then(|i| rows.get(i)) {
                        self.selected = row.node;
                    }
                }
            }
            Key::Home => self.selected = map.root,
            Key::End => {
                if let Some(last) = self.rows(map).last() {
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
                let rows = self.rows(map);
                let at = rows.iter().position(|r| r.node == n).unwrap_or(0);
                let starts = |r: &&Row| {
                    let first = map.nodes[r.node].text.get(&self.lang).trim_start().chars().next();
                    first.is_some_and(|first| first.eq_ignore_ascii_case(&c))
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

pub(super) fn pick_lang(map: &ArgumentMap, wanted: &str) -> String {
    let base = super::text::lang_base;
    map.languages
        .iter()
        .find(|l| l.eq_ignore_ascii_case(wanted))
        .or_else(|| map.languages.iter().find(|l| base(l) == base(wanted)))
        .or(map.languages.first())
        .cloned()
        .unwrap_or_default()
}
