//! Property tests (proptest) of the model: random valid maps (random trees, kinds, relations,
//! sides, file order, links) and random sequences of what a reader does.
//!
//! 64 cases per property by default, to keep the test command quick; more with
//! `PROPTEST_CASES=2000 cargo test --test properties`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use argmap::model::*;
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::{json, Value};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------- generated maps

/// The shape of a map, as plain numbers (so proptest can shrink it); node 0 is the root and
/// every other node's parent comes before it, so every spec is a tree.
#[derive(Clone, Debug)]
struct Spec {
    parent: Vec<usize>,
    kind: Vec<Kind>,
    relation: Vec<Option<Relation>>,
    side: Vec<Option<Side>>,
    text: Vec<u8>,
    /// The file lists the nodes sorted by this key, not in tree order.
    order: Vec<u32>,
    links: Vec<(usize, usize, bool)>,
}

const TEXTS: &[(&str, &str)] = &[
    ("开源是否更安全？", "Is open source safer?"),
    ("闭源模型更容易商业化", ""),
    ("", "Open weights let anyone audit the model"),
    ("DeepSeek 开源了 R1", "DeepSeek open-sourced R1"),
    ("成本 降低了 90%", "costs fell 90%"),
    ("", "  leading spaces and <b>markup</b>"),
    ("问", "a"),
];

fn kind_of(k: u8) -> Kind {
    [Kind::Question, Kind::Position, Kind::Claim][k as usize % 3]
}
fn relation_of(r: u8) -> Option<Relation> {
    [None, Some(Relation::Answers), Some(Relation::Supports), Some(Relation::Attacks)][r as usize % 4]
}
fn side_of(s: u8) -> Option<Side> {
    [None, Some(Side::Open), Some(Side::Closed), Some(Side::Neutral)][s as usize % 4]
}

fn spec() -> impl Strategy<Value = Spec> {
    (1usize..48).prop_flat_map(|n| {
        (
            vec(any::<u32>(), n),
            vec(any::<u8>(), n),
            vec(any::<u8>(), n),
            vec(any::<u8>(), n),
            vec(any::<u8>(), n),
            vec(any::<u32>(), n),
            vec((any::<u32>(), any::<u32>(), any::<bool>()), 0..4),
        )
            .prop_map(move |(parent, kind, relation, side, text, order, links)| {
                let mut s = Spec {
                    parent: parent.iter().enumerate().map(|(i, &p)| if i == 0 { 0 } else { p as usize % i }).collect(),
                    kind: kind.iter().map(|&k| kind_of(k)).collect(),
                    relation: relation.iter().map(|&r| relation_of(r)).collect(),
                    side: side.iter().map(|&s| side_of(s)).collect(),
                    text,
                    order,
                    links: links.into_iter().map(|(a, b, c)| (a as usize % n, b as usize % n, c)).filter(|(a, b, _)| a != b).collect(),
                };
                s.kind[0] = Kind::Question;
                s.relation[0] = None;
                for i in 0..n {
                    if s.kind[i] == Kind::Position && s.side[i].is_none() {
                        s.side[i] = Some(Side::Open); // positions must state a side
                    }
                }
                s
            })
    })
}

/// Ids that a URL fragment must escape (`,` `&` `=` `%` `#` spaces, Chinese), so the trip
/// through the URL is tested on them too.
const ID_PREFIXES: &[&str] = &["n", "a,b", "x&y=z", "%41", "节点", " sp ", "#h", "+", "q"];

fn id(i: usize) -> String {
    format!("{}{i}", ID_PREFIXES[i % ID_PREFIXES.len()])
}

fn to_json(s: &Spec) -> String {
    let n = s.parent.len();
    let mut file_order: Vec<usize> = (0..n).collect();
    file_order.sort_by_key(|&i| (s.order[i], i));
    let nodes: Vec<Value> = file_order
        .iter()
        .map(|&i| {
            let (zh, en) = TEXTS[s.text[i] as usize % TEXTS.len()];
            let mut text = serde_json::Map::new();
            if !zh.is_empty() {
                text.insert("zh".into(), json!(zh));
            }
            if !en.is_empty() {
                text.insert("en".into(), json!(en));
            }
            let mut node = json!({"id": id(i), "kind": s.kind[i].as_str(), "text": text});
            if i != 0 {
                node["parent"] = json!(id(s.parent[i]));
            }
            if let Some(r) = s.relation[i] {
                node["relation"] = json!(r.as_str());
            }
            if let Some(side) = s.side[i] {
                node["side"] = json!(side.as_str());
            }
            node
        })
        .collect();
    let links: Vec<Value> = s
        .links
        .iter()
        .map(|&(a, b, c)| json!({"from": id(a), "to": id(b), "relation": if c { "contradicts" } else { "agrees" }}))
        .collect();
    json!({"format": "argmap/1", "id": "prop", "title": {"zh": "题", "en": "T"}, "languages": ["zh", "en"],
           "sources": [{"id": "s,1&x", "title": "一", "lang": "zh"}, {"id": "s2", "title": "two", "lang": "en"}],
           "root": id(0), "nodes": nodes, "links": links,
           "tour": [{"node": id(n - 1), "note": "看这里"}, {"node": id(n / 2), "note": "and here"}]})
    .to_string()
}

fn map_of(s: &Spec) -> ArgumentMap {
    load(&to_json(s)).unwrap_or_else(|problems| panic!("a generated map is valid: {problems:#?}"))
}

// ---------------------------------------------------------------- reader actions

/// What a reader does. Clicks and selections name a *visible* row (by its place among the
/// visible rows, taken modulo their number when it is applied): a reader acts on what is shown.
/// `Reveal` may name any node (a deep link, the tour, a search result).
#[derive(Clone, Debug)]
enum Reader {
    Toggle(usize),
    Select(usize),
    Reveal(usize),
    ExpandAll,
    CollapseAll,
    ExpandToLevel(usize),
    Key(Key),
    SetLang(&'static str),
    SetLens(Option<usize>),
    Search(&'static str),
    ClearSearch,
    Tour(Option<usize>),
    /// A link followed, or the back button: any fragment, well-formed or not.
    Fragment(String),
}

fn reader() -> impl Strategy<Value = Reader> {
    let key = prop_oneof![
        Just(Key::Up),
        Just(Key::Down),
        Just(Key::Left),
        Just(Key::Right),
        Just(Key::Home),
        Just(Key::End),
        Just(Key::Star),
        Just(Key::Activate),
        prop::sample::select(vec!['a', 'A', 'D', '问', '开', 'x', ' ']).prop_map(Key::Char),
    ];
    prop_oneof![
        4 => any::<usize>().prop_map(Reader::Toggle),
        2 => any::<usize>().prop_map(Reader::Select),
        2 => any::<usize>().prop_map(Reader::Reveal),
        1 => Just(Reader::ExpandAll),
        1 => Just(Reader::CollapseAll),
        1 => (0usize..8).prop_map(Reader::ExpandToLevel),
        6 => key.prop_map(Reader::Key),
        1 => prop::sample::select(vec!["zh", "en", "fr", "EN-gb"]).prop_map(Reader::SetLang),
        1 => prop::option::of(0usize..3).prop_map(Reader::SetLens),
        1 => prop::sample::select(vec!["open", "开源", "a", "R1", "zzz", " "]).prop_map(Reader::Search),
        1 => Just(Reader::ClearSearch),
        1 => prop::option::of(0usize..4).prop_map(Reader::Tour),
        1 => fragment().prop_map(Reader::Fragment),
    ]
}

/// Fragments as links carry them, and broken ones.
fn fragment() -> impl Strategy<Value = String> {
    let part = prop::sample::select(vec![
        "open=*",
        "open=",
        "open=n0",
        "open=%E8%8A%82%E7%82%B94,a%2Cb1",
        "open=,,,",
        "sel=n9",
        "sel=%23h6",
        "sel=%ZZ",
        "sel=%",
        "lang=en",
        "lang=zh",
        "lang=xx",
        "lens=s2",
        "lens=nope",
        "junk",
        "=",
        "&&",
        "#",
    ]);
    vec(part, 0..5).prop_map(|parts| parts.join("&"))
}

fn action(map: &ArgumentMap, view: &ViewState, r: &Reader) -> Action {
    // What the reader sees: the open tree, or while searching, the matches and their paths.
    let rows = view.rows(map);
    let visible = |i: usize| rows[i % rows.len()].node;
    match r {
        Reader::Toggle(i) => Action::Toggle(visible(*i)),
        Reader::Select(i) => Action::Select(visible(*i)),
        Reader::Reveal(i) => Action::Reveal(i % map.nodes.len()),
        Reader::ExpandAll => Action::ExpandAll,
        Reader::CollapseAll => Action::CollapseAll,
        Reader::ExpandToLevel(l) => Action::ExpandToLevel(*l),
        Reader::Key(k) => Action::Key(*k),
        Reader::SetLang(l) => Action::SetLang((*l).to_owned()),
        Reader::SetLens(l) => Action::SetLens(*l),
        Reader::Search(q) => Action::Search((*q).to_owned()),
        Reader::ClearSearch => Action::ClearSearch,
        Reader::Tour(t) => Action::Tour(*t),
        Reader::Fragment(f) => Action::Fragment(f.clone()),
    }
}

/// The visible set by its definition, computed apart from `visible_rows`: the root, plus the
/// children of every expanded node that is itself visible.
fn visible_by_definition(map: &ArgumentMap, view: &ViewState) -> HashSet<NodeIdx> {
    let mut visible = HashSet::from([map.root]);
    let mut todo = vec![map.root];
    while let Some(n) = todo.pop() {
        if view.is_expanded(n) {
            for &c in &map.nodes[n].children {
                visible.insert(c);
                todo.push(c);
            }
        }
    }
    visible
}

fn check_rows(map: &ArgumentMap, view: &ViewState) -> Result<(), TestCaseError> {
    let rows = visible_rows(map, &view.expanded);
    let shown: HashSet<NodeIdx> = rows.iter().map(|r| r.node).collect();
    prop_assert_eq!(shown.len(), rows.len(), "no node is shown twice");
    prop_assert_eq!(&shown, &visible_by_definition(map, view));
    prop_assert_eq!(rows[0].node, map.root);
    let mut seen = HashSet::new();
    for r in &rows {
        let node = &map.nodes[r.node];
        prop_assert_eq!(r.level, node.level);
        if let Some(p) = node.parent {
            prop_assert!(seen.contains(&p), "a row comes after its parent's row");
            let siblings = &map.nodes[p].children;
            prop_assert_eq!(r.set_size, siblings.len());
            prop_assert_eq!(siblings.get(r.pos_in_set - 1), Some(&r.node));
        }
        seen.insert(r.node);
    }
    // The reader's current node is always one they can see ("Always visible", view.rs): in the
    // open tree, and while searching, among the matches and their paths.
    let shown_now: HashSet<NodeIdx> = view.rows(map).iter().map(|r| r.node).collect();
    prop_assert!(shown_now.contains(&view.selected), "selected {:?} is not shown", map.nodes[view.selected].id);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_visible_set_is_the_root_plus_children_of_expanded_visible_nodes(
        s in spec(), script in vec(reader(), 0..40), lang in prop::sample::select(vec!["zh", "en", "fr"])
    ) {
        let map = map_of(&s);
        let mut view = ViewState::new(&map, lang);
        check_rows(&map, &view)?;
        for r in &script {
            view = view.apply(&map, action(&map, &view, r));
            check_rows(&map, &view)?;
        }
    }

    #[test]
    fn collapse_after_expand_restores_the_view(s in spec(), script in vec(reader(), 0..30), pick in any::<usize>()) {
        let map = map_of(&s);
        let mut view = ViewState::new(&map, "en");
        for r in &script {
            view = view.apply(&map, action(&map, &view, r));
        }
        // Opening and closing are about the tree, not search results.
        if view.searching() {
            view = view.apply(&map, Action::ClearSearch);
        }
        let before = visible_rows(&map, &view.expanded);
        // A click on a closed row that has children, then a second click on it.
        let closed: Vec<NodeIdx> = before.iter().map(|r| r.node)
            .filter(|&n| !view.is_expanded(n) && !map.nodes[n].children.is_empty()).collect();
        if let Some(&n) = closed.get(pick % closed.len().max(1)) {
            let open = view.apply(&map, Action::Toggle(n));
            prop_assert!(visible_rows(&map, &open.expanded).len() > before.len());
            let closed_again = open.apply(&map, Action::Toggle(n));
            prop_assert_eq!(&closed_again.expanded, &view.expanded);
            prop_assert_eq!(visible_rows(&map, &closed_again.expanded), before.clone());
            // The same with the keyboard, from that row: ArrowRight opens, ArrowLeft closes.
            let on_it = view.apply(&map, Action::Select(n));
            let round_trip = on_it.apply(&map, Action::Key(Key::Right)).apply(&map, Action::Key(Key::Left));
            prop_assert_eq!(&round_trip, &on_it);
            // And Enter twice.
            let twice = on_it.apply(&map, Action::Key(Key::Activate)).apply(&map, Action::Key(Key::Activate));
            prop_assert_eq!(&twice, &on_it);
        }
        // Expand all, then collapse all: the opening view's rows.
        let opening = visible_rows(&map, &ViewState::new(&map, "en").expanded);
        let collapsed = view.apply(&map, Action::ExpandAll).apply(&map, Action::CollapseAll);
        prop_assert_eq!(visible_rows(&map, &collapsed.expanded), opening);
        let all = view.apply(&map, Action::ExpandAll);
        prop_assert_eq!(visible_rows(&map, &all.expanded).len(), map.nodes.len());
    }

    #[test]
    fn sides_and_relations_derive_as_documented(s in spec()) {
        let map = map_of(&s);
        let n = s.parent.len();
        // The oracle, from the spec alone (parents come before children in the spec).
        let mut relation = vec![None; n];
        let mut side = vec![Side::Neutral; n];
        side[0] = s.side[0].unwrap_or(Side::Neutral);
        for i in 1..n {
            let p = s.parent[i];
            let r = s.relation[i].unwrap_or(match (s.kind[p], s.kind[i]) {
                (Kind::Question, _) | (_, Kind::Position) => Relation::Answers,
                _ => Relation::Supports,
            });
            relation[i] = Some(r);
            side[i] = match (s.side[i], r) {
                (Some(explicit), _) => explicit,          // explicit wins
                (None, Relation::Attacks) => side[p].opposite(), // attacks flips
                (None, _) => side[p],                      // supports and answers keep
            };
        }
        for i in 0..n {
            let node = &map.nodes[map.node_index(&id(i)).unwrap()];
            prop_assert_eq!(node.side, side[i], "side of {}", id(i));
            prop_assert_eq!(node.relation, relation[i], "relation of {}", id(i));
            prop_assert_eq!(node.explicit_side, s.side[i]);
            if let Some(p) = node.parent {
                let parent = &map.nodes[p];
                match node.relation {
                    Some(Relation::Attacks) if node.explicit_side.is_none() => prop_assert_eq!(node.side, parent.side.opposite()),
                    Some(_) if node.explicit_side.is_none() => prop_assert_eq!(node.side, parent.side),
                    _ => {}
                }
                prop_assert_eq!(node.level, parent.level + 1);
            }
            // Children: answers, then supports, then attacks; file order within each group.
            let keys: Vec<(Option<Relation>, usize)> = node.children.iter().map(|&c| (map.nodes[c].relation, c)).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            prop_assert_eq!(keys, sorted);
        }
        prop_assert_eq!(map.nodes[map.root].side, side[0]);
        prop_assert_eq!(map.links.len(), s.links.len());
    }
}

// The trip through the URL. The brief named these `to_fragment(&map)` and
// `from_fragment(&map, &str)`; the model has `to_fragment(&map)` and
// `with_fragment(&self, &map, &str)` (the arriving view keeps what a link does not carry), and
// `Action::Fragment`, which the widget uses: tested as they are.
proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_view_survives_a_trip_through_the_url(
        s in spec(), script in vec(reader(), 0..30), arrive in prop::sample::select(vec!["zh", "en", "fr"])
    ) {
        let map = map_of(&s);
        let mut view = ViewState::new(&map, "en");
        for r in &script {
            view = view.apply(&map, action(&map, &view, r));
        }
        // A link does not carry a search.
        if view.searching() {
            view = view.apply(&map, Action::ClearSearch);
        }
        let fragment = view.to_fragment(&map);
        let back = ViewState::new(&map, arrive).with_fragment(&map, &fragment);
        // Which nodes with children are open (the open state of a leaf shows nowhere).
        let open = |v: &ViewState| -> Vec<NodeIdx> {
            (0..map.nodes.len()).filter(|&i| v.is_expanded(i) && !map.nodes[i].children.is_empty()).collect()
        };
        prop_assert_eq!(open(&back), open(&view), "fragment {}", fragment);
        prop_assert_eq!(visible_rows(&map, &back.expanded), visible_rows(&map, &view.expanded));
        prop_assert_eq!(back.selected, view.selected, "fragment {}", fragment);
        prop_assert_eq!(&back.lang, &view.lang);
        prop_assert_eq!(back.lens, view.lens);
        prop_assert_eq!(back.to_fragment(&map), fragment.clone(), "the fragment is stable");
        // As the widget takes it from the address bar: with its '#', through the reducer.
        let via_action = ViewState::new(&map, arrive).apply(&map, Action::Fragment(format!("#{fragment}")));
        prop_assert_eq!(via_action.to_fragment(&map), fragment);
    }

    #[test]
    fn any_fragment_opens_some_valid_view(s in spec(), f in fragment(), junk in ".{0,40}") {
        let map = map_of(&s);
        for text in [f, junk] {
            let view = ViewState::new(&map, "en").with_fragment(&map, &text);
            check_rows(&map, &view)?;
        }
    }
}

const SAMPLE: &str = include_str!("../www/maps/sample.json");

/// Found by the properties above (and pinned here on the sample map): while a search is on,
/// some actions leave the selection on a node the filtered tree does not show, though
/// `ViewState::selected` is documented "Always visible": no row is then the tree's tab stop, and
/// the arrow keys do nothing.
#[test]
fn while_searching_the_selection_stays_on_a_shown_row() {
    let map = load(SAMPLE).unwrap();
    let searching = ViewState::new(&map, "en").apply(&map, Action::Search("focus".into()));
    let skills = map.node_index("allow-skills").unwrap();
    for (what, action) in [
        ("a link's jump (Reveal)", Action::Reveal(skills)),
        ("switching language (SetLang)", Action::SetLang("zh".into())),
        ("the back button (Fragment)", Action::Fragment("sel=allow-skills".into())),
    ] {
        let view = searching.apply(&map, action);
        let shown: Vec<NodeIdx> = view.rows(&map).iter().map(|r| r.node).collect();
        assert!(shown.contains(&view.selected), "{what}: selected {} is not among the shown rows", map.nodes[view.selected].id);
    }
}
