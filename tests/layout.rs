//! The map view's layout, natively: property tests over random trees, shown sets, card sizes
//! and options (no overlap, parents centred, subtrees contiguous, order kept, deterministic, one
//! connector per child, untouched subtrees keep their shape), and the hostile shapes (2,000
//! children, a 20,000-deep chain on a small stack, one node, bad sizes, bad rows).
//!
//! 64 cases per property by default; more with `PROPTEST_CASES=2000 cargo test --test layout`.
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::*;
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::{json, Value};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

const FLAGSHIP: &str = include_str!("../www/maps/open-vs-closed.json");

// ---------------------------------------------------------------- generated maps

/// A random map: node 0 is the question, its children positions of random sides, every other
/// node a claim that supports or attacks its parent (which comes before it), plus links.
fn map_json(parent: &[usize], attack: &[bool], side: &[u8], links: &[(usize, usize)]) -> String {
    let n = parent.len();
    let sides = ["open", "closed", "neutral"];
    let nodes: Vec<Value> = (0..n)
        .map(|i| {
            if i == 0 {
                json!({"id": "n0", "kind": "question", "text": "Q"})
            } else if parent[i] == 0 {
                json!({"id": format!("n{i}"), "parent": "n0", "kind": "position", "side": sides[side[i] as usize % 3], "text": format!("p{i}")})
            } else {
                json!({"id": format!("n{i}"), "parent": format!("n{}", parent[i]), "kind": "claim",
                       "relation": if attack[i] { "attacks" } else { "supports" }, "text": format!("c{i}")})
            }
        })
        .collect();
    let links: Vec<Value> = links
        .iter()
        .filter(|(a, b)| a != b)
        .map(|(a, b)| json!({"from": format!("n{a}"), "to": format!("n{b}"), "relation": if a < b { "contradicts" } else { "agrees" }}))
        .collect();
    json!({"format": "argmap/1", "id": "l", "title": "T", "languages": ["en"], "root": "n0", "nodes": nodes, "links": links}).to_string()
}

#[derive(Clone, Debug)]
struct Case {
    map: String,
    expanded: Vec<bool>,
    sizes: Vec<(f32, f32)>,
    options: LayoutOptions,
    /// A shown node to toggle, as an index into the shown rows (modulo their number).
    toggle: usize,
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    let orientation = prop_oneof![Just(Orientation::Right), Just(Orientation::Down), Just(Orientation::Sides)];
    (orientation, any::<bool>(), 1f32..40.0, 1f32..60.0, 1f32..80.0).prop_map(|(orientation, bands, sibling, subtree, level)| {
        LayoutOptions {
            orientation,
            packing: if bands { Packing::Bands } else { Packing::Compact },
            sibling_gap: sibling,
            subtree_gap: subtree,
            level_gap: level,
            min_level_depth: 0.0,
        }
    })
}

fn case() -> impl Strategy<Value = Case> {
    shaped_case(0.0, options().boxed())
}

/// A case in `Sides`, where a quarter of the nodes hang from the root: drawn towards recent
/// nodes alone, the root has at most four children, and sides and the band seldom meet.
fn sided_case() -> impl Strategy<Value = Case> {
    shaped_case(0.25, options().prop_map(|o| LayoutOptions { orientation: Orientation::Sides, ..o }).boxed())
}

fn shaped_case(to_root: f64, options: BoxedStrategy<LayoutOptions>) -> impl Strategy<Value = Case> {
    (1usize..60).prop_flat_map(move |n| {
        (
            vec(any::<u32>(), n),
            vec(any::<bool>(), n),
            vec(any::<u8>(), n),
            vec((0..n, 0..n), 0..6),
            vec(prop::bool::weighted(0.7), n),
            vec((prop_oneof![1 => Just(0f32), 8 => 0f32..400.0], prop_oneof![1 => Just(0f32), 8 => 0f32..300.0]), n),
            options.clone(),
            any::<usize>(),
            vec(prop::bool::weighted(to_root), n),
        )
            .prop_map(move |(parent, attack, side, links, expanded, sizes, options, toggle, root)| {
                // Parents drawn towards recent nodes, so trees are deep as well as wide.
                let parent: Vec<usize> = parent
                    .iter()
                    .enumerate()
                    .map(|(i, &p)| if i == 0 || root[i] { 0 } else { i - 1 - (p as usize % i).min(p as usize % 4) })
                    .collect();
                Case { map: map_json(&parent, &attack, &side, &links), expanded, sizes, options, toggle }
            })
    })
}

fn sizes_of(case: &Case, map: &ArgumentMap, rows: &[Row]) -> Vec<Size> {
    // A card's size belongs to its node (measured once per text), wherever its row is.
    let by_node: Vec<(f32, f32)> = (0..map.nodes.len()).map(|i| case.sizes[i % case.sizes.len()]).collect();
    rows.iter().map(|r| Size { width: by_node[r.node].0, height: by_node[r.node].1 }).collect()
}

/// Where a row is drawn: all in one tidy tree (`Whole`: `Right`, `Down`, and `Sides` when it
/// falls back to `Right`), or in `Sides` the root, one of its two sides, or the neutral band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Whole,
    Root,
    Open,
    Closed,
    Neutral,
}

/// Each row's part, from the map (each row's parent row and the side of the root's child it
/// descends from), as the module documents `Sides`: quadratic, for small cases.
fn parts(map: &ArgumentMap, rows: &[Row], o: &LayoutOptions) -> Vec<Part> {
    let whole = vec![Part::Whole; rows.len()];
    if o.orientation != Orientation::Sides || rows.first().map(|r| r.node) != Some(map.root) {
        return whole;
    }
    let mut part = vec![Part::Root];
    for (i, row) in rows.iter().enumerate().skip(1) {
        let Some(p) = map.nodes[row.node].parent.and_then(|p| rows[..i].iter().rposition(|r| r.node == p)) else { return whole };
        part.push(match (p, map.nodes[row.node].side) {
            (0, Side::Open) => Part::Open,
            (0, Side::Closed) => Part::Closed,
            (0, Side::Neutral) => Part::Neutral,
            _ => part[p],
        });
    }
    if part.iter().any(|p| matches!(p, Part::Open | Part::Closed)) {
        part
    } else {
        whole
    }
}

/// Whether two rows belong to one tidy tree: the root is in both sides' trees, not in the band.
fn together(a: Part, b: Part) -> bool {
    a == b || matches!((a, b), (Part::Root, Part::Open | Part::Closed) | (Part::Open | Part::Closed, Part::Root))
}

/// (start, end) of a card along the breadth (across the levels) and along the depth. On the
/// open side, which grows left, depth is measured leftwards (mirrored).
fn breadth(o: &LayoutOptions, c: &Rect) -> (f32, f32) {
    match o.orientation {
        Orientation::Right | Orientation::Sides => (c.y, c.y + c.height),
        Orientation::Down => (c.x, c.x + c.width),
    }
}
fn depth(o: &LayoutOptions, leftwards: bool, c: &Rect) -> (f32, f32) {
    match o.orientation {
        Orientation::Right | Orientation::Sides if leftwards => (-(c.x + c.width), -c.x),
        Orientation::Right | Orientation::Sides => (c.x, c.x + c.width),
        Orientation::Down => (c.y, c.y + c.height),
    }
}

/// Whether `row` is in the shown subtree of `top`, by parent rows.
fn within(l: &Layout, mut row: usize, top: usize) -> bool {
    loop {
        if row == top {
            return true;
        }
        match l.parent(row) {
            Some(p) => row = p,
            None => return false,
        }
    }
}

fn level_of(l: &Layout, mut row: usize) -> usize {
    let mut level = 0;
    while let Some(p) = l.parent(row) {
        (row, level) = (p, level + 1);
    }
    level
}

fn disjoint(a: &Rect, b: &Rect) -> bool {
    a.x + a.width <= b.x + EPS || b.x + b.width <= a.x + EPS || a.y + a.height <= b.y + EPS || b.y + b.height <= a.y + EPS
}

const EPS: f32 = 1e-2;

/// Every guarantee the module documents, checked on one layout: in `Sides`, within each side
/// and within the neutral band, plus no overlap between them.
fn check(map: &ArgumentMap, rows: &[Row], sizes: &[Size], o: &LayoutOptions, l: &Layout) -> Result<(), TestCaseError> {
    let n = rows.len();
    prop_assert_eq!(l.cards.len(), n);
    for (i, c) in l.cards.iter().enumerate() {
        prop_assert_eq!((c.width, c.height), (sizes[i].width, sizes[i].height), "row {}: the measured size is kept", i);
        prop_assert!(
            c.x >= -EPS && c.y >= -EPS && c.x + c.width <= l.width + EPS && c.y + c.height <= l.height + EPS,
            "row {} inside the extent",
            i
        );
    }
    // The extent is tight: some card touches each edge.
    prop_assert!(l.cards.iter().any(|c| c.x.abs() <= EPS) && l.cards.iter().any(|c| c.y.abs() <= EPS));
    prop_assert!(l.cards.iter().any(|c| (c.x + c.width - l.width).abs() <= EPS));
    prop_assert!(l.cards.iter().any(|c| (c.y + c.height - l.height).abs() <= EPS));

    // The shown tree is the rows' tree.
    for (i, row) in rows.iter().enumerate() {
        let expected = map.nodes[row.node].parent.and_then(|p| rows[..i].iter().rposition(|r| r.node == p));
        prop_assert_eq!(l.parent(i), expected, "row {}'s parent", i);
    }
    let part = parts(map, rows, o);
    let level: Vec<usize> = (0..n).map(|i| level_of(l, i)).collect();
    for (i, p) in part.iter().enumerate() {
        prop_assert_eq!(l.grows_left(i), *p == Part::Open, "row {} ({:?}) grows left only on the open side", i, p);
    }

    // No overlap anywhere. Within one tree, cards of one level share their column (row in
    // `Down`) and are at least `sibling_gap` apart (siblings) or `subtree_gap` (cards with
    // different parents); levels are `level_gap` apart.
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&l.cards[i], &l.cards[j]);
            prop_assert!(disjoint(a, b), "rows {} and {} overlap: {:?} {:?}", i, j, a, b);
            if !together(part[i], part[j]) {
                continue;
            }
            let leftwards = part[i] == Part::Open || part[j] == Part::Open;
            let (ab, bb) = (breadth(o, a), breadth(o, b));
            let (ad, bd) = (depth(o, leftwards, a), depth(o, leftwards, b));
            if level[i] == level[j] {
                prop_assert!((ad.0 - bd.0).abs() <= EPS, "rows {} and {} of one level in one column: {:?} {:?}", i, j, a, b);
                let gap = if l.parent(i) == l.parent(j) { o.sibling_gap } else { o.subtree_gap };
                prop_assert!(ab.1 + gap <= bb.0 + EPS || bb.1 + gap <= ab.0 + EPS, "rows {} and {} too close: {:?} {:?}", i, j, a, b);
            } else {
                prop_assert!(
                    ad.1 + o.level_gap <= bd.0 + EPS || bd.1 + o.level_gap <= ad.0 + EPS,
                    "levels of rows {} and {} overlap",
                    i,
                    j
                );
            }
        }
    }

    for p in 0..n {
        // A parent's children, per part (the root of `Sides` has one group per side and band).
        let mut groups: std::collections::BTreeMap<Part, Vec<usize>> = Default::default();
        for c in (0..n).filter(|&c| l.parent(c) == Some(p)) {
            groups.entry(part[c]).or_default().push(c);
        }
        for (&side, children) in &groups {
            let band = side == Part::Neutral && part[p] == Part::Root;
            let leftwards = side == Part::Open;
            // Siblings in row order, each in the next level (the band: below the root).
            for w in children.windows(2) {
                prop_assert!(
                    breadth(o, &l.cards[w[0]]).1 + o.sibling_gap <= breadth(o, &l.cards[w[1]]).0 + EPS,
                    "siblings {:?} in order",
                    w
                );
            }
            for &c in children {
                let (pc, cc) = (&l.cards[p], &l.cards[c]);
                if band {
                    prop_assert!(pc.y + pc.height + o.level_gap <= cc.y + EPS, "band row {} below the root", c);
                } else {
                    prop_assert!(depth(o, leftwards, pc).1 + o.level_gap <= depth(o, leftwards, cc).0 + EPS);
                }
            }
            // The parent centred on its children's block (the root of `Sides`: on each side's).
            if let (Some(&first), Some(&last), false) = (children.first(), children.last(), band) {
                let block = (breadth(o, &l.cards[first]).0 + breadth(o, &l.cards[last]).1) / 2.0;
                let (s, e) = breadth(o, &l.cards[p]);
                prop_assert!(((s + e) / 2.0 - block).abs() <= EPS, "row {} centred on its children: {} vs {}", p, (s + e) / 2.0, block);
            }
            // Bands: sibling subtrees' bands are disjoint.
            if o.packing == Packing::Bands {
                for w in children.windows(2) {
                    let (a, b) = (l.subtree_bounds(w[0]).unwrap(), l.subtree_bounds(w[1]).unwrap());
                    prop_assert!(breadth(o, &a).1 <= breadth(o, &b).0 + EPS, "bands of {:?} overlap", w);
                }
            }
        }
    }

    // Each subtree is contiguous at every level of each tree: no outside card between two of
    // its cards.
    for top in 0..n {
        let mut span: std::collections::BTreeMap<(Part, usize), (f32, f32)> = Default::default();
        for i in (0..n).filter(|&i| within(l, i, top)) {
            let at = span.entry((part[i], level[i])).or_insert((f32::INFINITY, f32::NEG_INFINITY));
            let b = breadth(o, &l.cards[i]).0;
            *at = (at.0.min(b), at.1.max(b));
        }
        for k in 0..n {
            if let Some(&(lo, hi)) = span.get(&(part[k], level[k])) {
                let b = breadth(o, &l.cards[k]).0;
                prop_assert!(!(lo < b && b < hi) || within(l, k, top), "row {} sits inside row {}'s subtree block", k, top);
            }
        }
    }
    // subtree_bounds covers exactly the subtree's cards.
    for top in 0..n {
        let b = l.subtree_bounds(top).unwrap();
        for (i, c) in l.cards.iter().enumerate().filter(|&(i, _)| within(l, i, top)) {
            prop_assert!(
                c.x >= b.x - EPS && c.y >= b.y - EPS && c.x + c.width <= b.x + b.width + EPS && c.y + c.height <= b.y + b.height + EPS,
                "{} in {}",
                i,
                top
            );
        }
    }

    // One connector per shown child, from its parent's facing edge to its own, leaving and
    // arriving along the way its side grows.
    prop_assert_eq!(l.connectors.len(), (0..n).filter(|&i| l.parent(i).is_some()).count());
    for (i, row) in rows.iter().enumerate() {
        let mine: Vec<&Connector> = l.connectors.iter().filter(|c| c.child == i).collect();
        match l.parent(i) {
            None => prop_assert!(mine.is_empty()),
            Some(p) => {
                prop_assert_eq!(mine.len(), 1);
                let c = mine[0];
                prop_assert_eq!(c.parent, p);
                prop_assert_eq!(c.relation, map.nodes[row.node].relation);
                let (pc, cc) = (&l.cards[p], &l.cards[i]);
                let (from, to, across) = match (o.orientation, part[i]) {
                    (Orientation::Down, _) => ((pc.x + pc.width / 2.0, pc.y + pc.height), (cc.x + cc.width / 2.0, cc.y), false),
                    (_, Part::Open) => ((pc.x, pc.y + pc.height / 2.0), (cc.x + cc.width, cc.y + cc.height / 2.0), true),
                    (_, Part::Neutral) if p == 0 => {
                        // Down from the root's bottom edge, round into the child's left edge.
                        prop_assert!(c.curve.from.y == pc.y + pc.height && c.curve.from.x >= pc.x && c.curve.from.x <= pc.x + pc.width);
                        prop_assert!(c.curve.from.x <= cc.x + EPS, "the band's line comes down left of its cards");
                        prop_assert_eq!((c.curve.to.x, c.curve.to.y), (cc.x, cc.y + cc.height / 2.0));
                        prop_assert!(c.curve.c1.x == c.curve.from.x && c.curve.c2.y == c.curve.to.y);
                        continue;
                    }
                    _ => ((pc.x + pc.width, pc.y + pc.height / 2.0), (cc.x, cc.y + cc.height / 2.0), true),
                };
                prop_assert_eq!((c.curve.from.x, c.curve.from.y), from);
                prop_assert_eq!((c.curve.to.x, c.curve.to.y), to);
                if across {
                    prop_assert!(c.curve.c1.y == from.1 && c.curve.c2.y == to.1, "leaves and arrives horizontally: {:?}", c.curve);
                } else {
                    prop_assert!(c.curve.c1.x == from.0 && c.curve.c2.x == to.0, "leaves and arrives vertically: {:?}", c.curve);
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_layout_keeps_every_guarantee(case in case()) {
        let map = load(&case.map).expect("a generated map is valid");
        let rows = visible_rows(&map, &case.expanded);
        let sizes = sizes_of(&case, &map, &rows);
        let l = layout(&map, &rows, &sizes, &case.options);
        check(&map, &rows, &sizes, &case.options, &l)?;
        prop_assert_eq!(&layout(&map, &rows, &sizes, &case.options), &l, "deterministic");

        // The same in side order, and for a search's rows (the matches and their paths).
        let sided = rows_by_side(&map, &rows);
        let sided_sizes = sizes_of(&case, &map, &sided);
        check(&map, &sided, &sided_sizes, &case.options, &layout(&map, &sided, &sided_sizes, &case.options))?;
        let root = map.root;
        let shown: Vec<bool> =
            (0..map.nodes.len()).map(|i| i == root || (case.expanded[i] && map.ancestors(i).all(|a| a == root || case.expanded[a]))).collect();
        let searched = rows_where(&map, &shown);
        let searched_sizes = sizes_of(&case, &map, &searched);
        check(&map, &searched, &searched_sizes, &case.options, &layout(&map, &searched, &searched_sizes, &case.options))?;
    }

    /// A toggle changes the shape of no subtree but those on the toggled node's path: every
    /// other shown subtree is the same picture, moved as a whole.
    #[test]
    fn a_toggle_moves_untouched_subtrees_rigidly(case in case()) {
        toggle(&case)?;
    }

    /// The same in `Sides`, on either side and in the band; and a toggle on one side leaves
    /// the other side (and, on the open side, the band) where it was from the question.
    #[test]
    fn a_toggle_on_either_side_moves_untouched_subtrees_rigidly(case in sided_case()) {
        let (map, before_rows, after_rows, before, after, toggled) = toggle(&case)?;
        let path: Vec<usize> = std::iter::once(toggled).chain(map.ancestors(toggled)).collect();
        if path.len() < 2 || before_rows.len() < 2 || after_rows.len() < 2 {
            return Ok(()); // the root toggled: one of the two is `Right`
        }
        let side = map.nodes[path[path.len() - 2]].side;
        let part = parts(&map, &before_rows, &before_options(&case));
        let row_in = |rows: &[Row], node: usize| rows.iter().position(|r| r.node == node);
        for (i, row) in before_rows.iter().enumerate() {
            // The band hangs below the closed side: a toggle there may move it down.
            let stays = matches!(
                (side, part[i]),
                (Side::Open, Part::Closed | Part::Neutral) | (Side::Closed, Part::Open) | (Side::Neutral, Part::Open | Part::Closed)
            );
            if let (true, Some(j)) = (stays, row_in(&after_rows, row.node)) {
                let (a, b, a0, b0) = (before.cards[i], after.cards[j], before.cards[0], after.cards[0]);
                prop_assert!(((a.x - a0.x) - (b.x - b0.x)).abs() <= EPS && ((a.y - a0.y) - (b.y - b0.y)).abs() <= EPS,
                    "node {} ({:?}) moved from the question when node {} ({:?} side) was toggled", row.node, part[i], toggled, side);
            }
        }
    }

    /// `Sides` on a map whose positions are all neutral is `Right`, card for card; all closed,
    /// it is `Right` to a rounding; all open, `Right` mirrored.
    #[test]
    fn one_side_is_right_or_its_mirror_and_no_side_is_right_exactly(case in sided_case()) {
        for side in ["neutral", "closed", "open"] {
            let map = load(&with_sides(&case.map, side)).expect("a generated map is valid");
            let rows = visible_rows(&map, &case.expanded);
            let sizes = sizes_of(&case, &map, &rows);
            let sides = layout(&map, &rows, &sizes, &case.options);
            let right = layout(&map, &rows, &sizes, &LayoutOptions { orientation: Orientation::Right, ..case.options });
            check(&map, &rows, &sizes, &case.options, &sides)?;
            if side == "neutral" || rows.len() == 1 {
                prop_assert_eq!(&sides, &right);
                continue;
            }
            let w = right.width;
            let mirror = |p: Point| if side == "open" { Point { x: w - p.x, y: p.y } } else { p };
            let near = |a: Point, b: Point| (a.x - b.x).abs() <= EPS && (a.y - b.y).abs() <= EPS;
            prop_assert!((sides.width - right.width).abs() <= EPS && (sides.height - right.height).abs() <= EPS);
            for (i, (s, r)) in sides.cards.iter().zip(&right.cards).enumerate() {
                // A card's top-left mirrored is its top-right.
                let corner = mirror(Point { x: r.x, y: r.y });
                let x = if side == "open" { corner.x - r.width } else { corner.x };
                prop_assert!(near(Point { x: s.x, y: s.y }, Point { x, y: corner.y }), "{} side, row {}: {:?} vs {:?}", side, i, s, r);
                prop_assert_eq!(sides.grows_left(i), side == "open" && i > 0);
            }
            for (s, r) in sides.connectors.iter().zip(&right.connectors) {
                prop_assert_eq!((s.parent, s.child, s.relation), (r.parent, r.child, r.relation));
                let (a, b) = (s.curve, r.curve);
                prop_assert!(near(a.from, mirror(b.from)) && near(a.c1, mirror(b.c1)) && near(a.c2, mirror(b.c2)) && near(a.to, mirror(b.to)),
                    "{} side: {:?} vs {:?}", side, a, b);
            }
        }
    }

    /// `Sides`: every card of an open position's subtree wholly left of the question, of a
    /// closed one's wholly right of it, the neutral band below it meeting neither side; and
    /// every other guarantee within each side (`check`).
    #[test]
    fn the_sides_face_each_other_across_the_question(case in sided_case()) {
        let map = load(&case.map).expect("a generated map is valid");
        let shown = visible_rows(&map, &case.expanded);
        for rows in [shown.clone(), rows_by_side(&map, &shown)] {
            let sizes = sizes_of(&case, &map, &rows);
            let l = layout(&map, &rows, &sizes, &case.options);
            check(&map, &rows, &sizes, &case.options, &l)?;
            prop_assert_eq!(&layout(&map, &rows, &sizes, &case.options), &l, "deterministic");
            let part = parts(&map, &rows, &case.options);
            if part[0] == Part::Whole {
                prop_assert_eq!(&l, &layout(&map, &rows, &sizes, &LayoutOptions { orientation: Orientation::Right, ..case.options }));
                continue;
            }
            let (root, gap) = (l.cards[0], case.options.level_gap);
            let sided: Vec<&Rect> = l.cards.iter().zip(&part).filter(|(_, p)| matches!(p, Part::Open | Part::Closed)).map(|(c, _)| c).collect();
            for (i, c) in l.cards.iter().enumerate() {
                match part[i] {
                    Part::Open => prop_assert!(c.x + c.width + gap <= root.x + EPS, "row {} left of the question", i),
                    Part::Closed => prop_assert!(c.x >= root.x + root.width + gap - EPS, "row {} right of the question", i),
                    Part::Neutral => {
                        prop_assert!(c.y >= root.y + root.height + gap - EPS && c.x >= root.x, "row {} below the question", i);
                        prop_assert!(sided.iter().all(|d| disjoint(c, d)), "row {} meets a side", i);
                    }
                    _ => {}
                }
            }
            // Each neutral subtree as a whole, not just its cards, is clear of both sides.
            for top in (1..rows.len()).filter(|&i| part[i] == Part::Neutral && l.parent(i) == Some(0)) {
                let band = l.subtree_bounds(top).unwrap();
                prop_assert!(sided.iter().all(|d| disjoint(&band, d)), "the subtree of row {} meets a side", top);
            }
        }
    }

    #[test]
    fn links_are_drawn_when_both_ends_show_else_badged(case in case()) {
        let map = load(&case.map).expect("a generated map is valid");
        let rows = visible_rows(&map, &case.expanded);
        let l = layout(&map, &rows, &sizes_of(&case, &map, &rows), &case.options);
        let links = cross_links(&map, &rows, &l);
        let row_of = |node: usize| rows.iter().position(|r| r.node == node);
        prop_assert_eq!(links.hidden.len(), rows.len());
        for (i, link) in map.links.iter().enumerate() {
            let drawn: Vec<&LinkCurve> = links.drawn.iter().filter(|d| d.link == i).collect();
            match (row_of(link.from), row_of(link.to)) {
                (Some(f), Some(t)) => {
                    prop_assert_eq!(drawn.len(), 1);
                    prop_assert_eq!((drawn[0].from, drawn[0].to, drawn[0].relation), (f, t, link.relation));
                    prop_assert!(links.hidden.iter().all(|h| !h.contains(&i)));
                    // It starts on the edge of one card and ends on the edge of the other.
                    let on_edge = |p: Point, c: Rect| {
                        let inside = p.x >= c.x - EPS && p.x <= c.x + c.width + EPS && p.y >= c.y - EPS && p.y <= c.y + c.height + EPS;
                        let edge = [(p.x - c.x).abs(), (p.x - c.x - c.width).abs(), (p.y - c.y).abs(), (p.y - c.y - c.height).abs()];
                        inside && edge.iter().any(|&e| e <= 0.05)
                    };
                    prop_assert!(on_edge(drawn[0].curve.from, l.cards[f]) && on_edge(drawn[0].curve.to, l.cards[t]), "{:?}", drawn[0]);
                }
                (Some(r), None) | (None, Some(r)) => {
                    prop_assert!(drawn.is_empty());
                    prop_assert!(links.hidden[r].contains(&i));
                }
                (None, None) => prop_assert!(drawn.is_empty() && links.hidden.iter().all(|h| !h.contains(&i))),
            }
        }
    }

    #[test]
    fn sides_read_apart_and_balance_counts_them(case in case()) {
        let map = load(&case.map).expect("a generated map is valid");
        let rows = visible_rows(&map, &case.expanded);
        let sided = rows_by_side(&map, &rows);
        let rank = |s: Side| SIDE_ORDER.iter().position(|&x| x == s).unwrap();
        // The same rows, each subtree whole, the root's children by side, map order within.
        let mut a: Vec<usize> = rows.iter().map(|r| r.node).collect();
        let mut b: Vec<usize> = sided.iter().map(|r| r.node).collect();
        a.sort();
        b.sort();
        prop_assert_eq!(a, b);
        let heads: Vec<&Row> = sided.iter().filter(|r| map.nodes[r.node].parent == Some(map.root)).collect();
        let order = side_order(&map);
        let shown_order: Vec<usize> = order.iter().copied().filter(|n| rows.iter().any(|r| r.node == *n)).collect();
        prop_assert_eq!(heads.iter().map(|r| r.node).collect::<Vec<_>>(), shown_order);
        for w in order.windows(2) {
            let (x, y) = (&map.nodes[w[0]], &map.nodes[w[1]]);
            prop_assert!(rank(x.side) < rank(y.side) || (x.side == y.side && w[0] < w[1]), "{:?}", w);
        }
        for (k, h) in heads.iter().enumerate() {
            prop_assert_eq!(h.pos_in_set, k + 1);
        }
        // The rows stay in tree order: each row's parent is the nearest earlier row of lower level.
        for (i, r) in sided.iter().enumerate().skip(1) {
            let p = sided[..i].iter().rev().find(|q| q.level < r.level).unwrap();
            prop_assert_eq!(map.nodes[r.node].parent, Some(p.node));
        }

        let sides = balance(&map, &rows);
        prop_assert_eq!(sides.map(|s| s.side), SIDE_ORDER);
        for s in sides {
            let all = |kind: Kind| map.nodes.iter().filter(|n| n.kind == kind && n.side == s.side).count();
            let shown = |kind: Kind| rows.iter().filter(|r| map.nodes[r.node].kind == kind && map.nodes[r.node].side == s.side).count();
            prop_assert_eq!(s.all, Balance { positions: all(Kind::Position), claims: all(Kind::Claim) });
            prop_assert_eq!(s.shown, Balance { positions: shown(Kind::Position), claims: shown(Kind::Claim) });
        }
    }
}

/// The map with every position on `side`.
fn with_sides(map: &str, side: &str) -> String {
    let mut map: Value = serde_json::from_str(map).expect("a generated map is JSON");
    for node in map["nodes"].as_array_mut().into_iter().flatten() {
        if node["kind"] == "position" {
            node["side"] = json!(side);
        }
    }
    map.to_string()
}

fn before_options(case: &Case) -> LayoutOptions {
    // Levels as deep as any card, so the depth axis does not move either.
    LayoutOptions { min_level_depth: 400.0, ..case.options }
}

/// A toggle changes the shape of no subtree but those on the toggled node's path: every other
/// shown subtree is the same picture, moved as a whole. Returns the map, the rows and layouts
/// before and after, and the toggled node, for more checks.
#[allow(clippy::type_complexity)]
fn toggle(case: &Case) -> Result<(ArgumentMap, Vec<Row>, Vec<Row>, Layout, Layout, usize), TestCaseError> {
    let map = load(&case.map).expect("a generated map is valid");
    let options = before_options(case);
    let before_rows = visible_rows(&map, &case.expanded);
    let toggled = before_rows[case.toggle % before_rows.len()].node;
    let mut expanded = case.expanded.clone();
    expanded[toggled] = !expanded[toggled];
    let after_rows = visible_rows(&map, &expanded);
    let before = layout(&map, &before_rows, &sizes_of(case, &map, &before_rows), &options);
    let after = layout(&map, &after_rows, &sizes_of(case, &map, &after_rows), &options);
    let row_in = |rows: &[Row], node: usize| rows.iter().position(|r| r.node == node);
    for (top, row) in before_rows.iter().enumerate() {
        if toggled == row.node || map.ancestors(toggled).any(|a| a == row.node) {
            continue; // on the toggled path: its shape may change
        }
        let Some(top_after) = row_in(&after_rows, row.node) else { continue }; // closed away
        let (a0, b0) = (before.cards[top], after.cards[top_after]);
        for (i, r) in before_rows.iter().enumerate().filter(|&(i, _)| within(&before, i, top)) {
            let j = row_in(&after_rows, r.node).expect("still shown");
            let (a, b) = (before.cards[i], after.cards[j]);
            prop_assert!(
                ((a.x - a0.x) - (b.x - b0.x)).abs() <= EPS && ((a.y - a0.y) - (b.y - b0.y)).abs() <= EPS,
                "node {} moved within the subtree of node {} when node {} was toggled",
                r.node,
                row.node,
                toggled
            );
        }
    }
    Ok((map, before_rows, after_rows, before, after, toggled))
}

// ---------------------------------------------------------------- hostile shapes

fn card() -> Size {
    Size { width: 256.0, height: 64.0 }
}

fn all_options() -> Vec<LayoutOptions> {
    let mut out = Vec::new();
    for orientation in [Orientation::Right, Orientation::Down, Orientation::Sides] {
        for packing in [Packing::Compact, Packing::Bands] {
            out.push(LayoutOptions { orientation, packing, ..LayoutOptions::default() });
        }
    }
    out
}

#[test]
fn a_node_with_2000_children_lays_them_out_in_one_ordered_level() {
    // The question, one position, and 2,000 claims under it.
    // The position open, then closed: in `Sides`, 2,000 cards on one side.
    for side in [0, 1] {
        let parent: Vec<usize> = (0..2002).map(|i| usize::from(i > 1)).collect();
        let map = load(&map_json(&parent, &vec![false; 2002], &vec![side; 2002], &[])).unwrap();
        let rows = visible_rows(&map, &vec![true; 2002]);
        assert_eq!(rows.len(), 2002);
        for o in all_options() {
            let l = layout(&map, &rows, &vec![card(); rows.len()], &o);
            if o.orientation == Orientation::Sides {
                let (root, position) = (l.cards[0], l.cards[1]);
                let open = side == 0;
                assert_eq!(l.grows_left(1), open);
                for (i, c) in l.cards.iter().enumerate().skip(1) {
                    let outwards = if i == 1 { root } else { position };
                    if open {
                        assert!(l.grows_left(i) && c.x + c.width + o.level_gap <= outwards.x + EPS, "{o:?}: row {i} left");
                    } else {
                        assert!(!l.grows_left(i) && c.x >= outwards.x + outwards.width + o.level_gap - EPS, "{o:?}: row {i} right");
                    }
                }
                let wide = 3.0 * 256.0 + 2.0 * o.level_gap;
                assert!((l.width - wide).abs() < EPS && root.centre().y == position.centre().y, "{o:?}: {} wide", l.width);
            }
            let children = &l.cards[2..];
            let (along, across) = match o.orientation {
                Orientation::Right | Orientation::Sides => (children.iter().map(|c| c.y).collect::<Vec<_>>(), l.height),
                Orientation::Down => (children.iter().map(|c| c.x).collect::<Vec<_>>(), l.width),
            };
            assert!(along.windows(2).all(|w| w[0] < w[1]), "{o:?}: in order");
            let pitch = match o.orientation {
                Orientation::Right | Orientation::Sides => 64.0,
                Orientation::Down => 256.0,
            } + o.sibling_gap;
            assert!((across - (2000.0 * pitch - o.sibling_gap)).abs() < 1.0, "{o:?}: 2,000 cards side by side, {across}");
            let mid = (along[0] + along[1999] + pitch - o.sibling_gap) / 2.0;
            let parent = match o.orientation {
                Orientation::Right | Orientation::Sides => l.cards[1].centre().y,
                Orientation::Down => l.cards[1].centre().x,
            };
            assert!((parent - mid).abs() < 0.5, "{o:?}: the parent centred on its 2,000 children");
            assert_eq!(l.connectors.len(), 2001);
        }
    }
}

fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(256 * 1024).spawn(f).unwrap().join().expect("no panic on the small stack")
}

#[test]
fn a_20000_deep_chain_lays_out_on_a_small_stack() {
    // Under a closed position: in `Sides`, on the closed side.
    chain_on_a_small_stack(1);
}

#[test]
fn a_20000_deep_chain_on_the_open_side_grows_left_on_a_small_stack() {
    chain_on_a_small_stack(0);
}

fn chain_on_a_small_stack(side: u8) {
    on_small_stack(move || {
        let n: usize = 20_000;
        let parent: Vec<usize> = (0..n).map(|i| i.saturating_sub(1)).collect();
        let map = load(&map_json(&parent, &vec![true; n], &vec![side; n], &[])).unwrap();
        let rows = visible_rows(&map, &vec![true; n]);
        assert_eq!(rows.len(), n);
        for o in all_options() {
            let l = layout(&map, &rows, &vec![card(); n], &o);
            if o.orientation == Orientation::Sides {
                // Each card a level further out than its parent (6 million px across: f32 is
                // exact to about half a pixel there), its connector from its parent's facing edge.
                let open = side == 0;
                for (i, w) in l.cards.windows(2).enumerate() {
                    let out = if open { w[0].x - (w[1].x + w[1].width) } else { w[1].x - (w[0].x + w[0].width) };
                    assert!((out - o.level_gap).abs() <= 1.0 && l.grows_left(i + 1) == open, "{o:?}: row {}", i + 1);
                }
                let c = &l.connectors[n - 2];
                let (a, b) = (l.cards[n - 2], l.cards[n - 1]);
                let edges = if open { (a.x, b.x + b.width) } else { (a.x + a.width, b.x) };
                assert_eq!((c.curve.from.x, c.curve.to.x), edges, "{o:?}");
            }
            let (depth, breadth) = match o.orientation {
                Orientation::Right | Orientation::Sides => (l.width, l.height),
                Orientation::Down => (l.height, l.width),
            };
            let level = match o.orientation {
                Orientation::Right | Orientation::Sides => 256.0,
                Orientation::Down => 64.0,
            };
            assert_eq!(breadth, level_breadth(o), "{o:?}: a chain is one card across");
            assert!((depth - (n as f32 * (level + o.level_gap) - o.level_gap)).abs() < 64.0, "{o:?}: 20,000 levels deep: {depth}");
            assert_eq!(l.connectors.len(), n - 1);
            assert_eq!(l.subtree_bounds(0).map(|b| (b.width, b.height)), Some((l.width, l.height)));
            let links = cross_links(&map, &rows, &l);
            assert!(links.drawn.is_empty());
        }
        assert_eq!(balance(&map, &rows)[2].shown.claims + balance(&map, &rows)[0].shown.claims, n - 2);
        assert_eq!(rows_by_side(&map, &rows).len(), n);
    });
}

fn level_breadth(o: LayoutOptions) -> f32 {
    match o.orientation {
        Orientation::Right | Orientation::Sides => 64.0,
        Orientation::Down => 256.0,
    }
}

#[test]
fn a_one_node_map_is_one_card_at_the_origin() {
    let map = load(&map_json(&[0], &[false], &[0], &[])).unwrap();
    let rows = visible_rows(&map, &[true]);
    for o in all_options() {
        let l = layout(&map, &rows, &[card()], &o);
        assert_eq!(l.cards, vec![Rect { x: 0.0, y: 0.0, width: 256.0, height: 64.0 }]);
        assert_eq!((l.width, l.height), (256.0, 64.0));
        assert!(l.connectors.is_empty());
    }
    assert_eq!(rows_by_side(&map, &rows), rows);
    assert_eq!(balance(&map, &rows).map(|s| s.all), [Balance::default(); 3]);
}

#[test]
fn no_rows_give_an_empty_layout() {
    let map = load(FLAGSHIP).unwrap();
    let l = layout(&map, &[], &[card()], &LayoutOptions::default());
    assert_eq!(l, Layout::default());
    assert_eq!((l.width, l.height), (0.0, 0.0));
    assert_eq!(l.subtree_bounds(0), None);
    assert_eq!(cross_links(&map, &[], &l), Links::default());
    assert!(rows_by_side(&map, &[]).is_empty());
    assert_eq!(balance(&map, &[]).map(|s| s.shown), [Balance::default(); 3]);
}

#[test]
fn bad_sizes_and_gaps_are_cleaned_not_trusted() {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, "en").apply(&map, Action::ExpandAll);
    let rows = view.rows(&map);
    let weird = [f32::NAN, -5.0, 0.0, f32::INFINITY, f32::NEG_INFINITY, 1e30, 120.0, -0.0];
    // Fewer sizes than rows: the rest count as 0 × 0.
    let sizes: Vec<Size> = (0..rows.len() / 2).map(|i| Size { width: weird[i % 8], height: weird[(i + 3) % 8] }).collect();
    let clean = |v: f32| if v.is_nan() || v <= 0.0 { 0.0 } else { v.min(MAX_CARD_SIZE) };
    let gaps =
        LayoutOptions { sibling_gap: f32::NAN, subtree_gap: -3.0, level_gap: 1e9, min_level_depth: f32::NAN, ..LayoutOptions::default() };
    for o in all_options().into_iter().map(|o| LayoutOptions { orientation: o.orientation, packing: o.packing, ..gaps }) {
        let l = layout(&map, &rows, &sizes, &o);
        assert_eq!(l.cards.len(), rows.len());
        for (i, c) in l.cards.iter().enumerate() {
            let s = sizes.get(i).copied().unwrap_or_default();
            assert_eq!((c.width, c.height), (clean(s.width), clean(s.height)), "row {i}");
            assert!(c.x.is_finite() && c.y.is_finite());
        }
        assert!(l.width.is_finite() && l.height.is_finite());
        // The root is alone on its level, and the huge level gap is clamped to MAX_GAP.
        match o.orientation {
            Orientation::Right => assert_eq!(l.cards[1].x, l.cards[0].width + MAX_GAP, "{o:?}"),
            Orientation::Down => assert_eq!(l.cards[1].y, l.cards[0].height + MAX_GAP, "{o:?}"),
            // The first row after the root is an open position: it grows left, its card's
            // right edge the clamped gap from the root's left edge.
            Orientation::Sides => {
                assert!(l.grows_left(1), "{o:?}");
                assert!((l.cards[0].x - (l.cards[1].x + l.cards[1].width) - MAX_GAP).abs() < 0.05, "{o:?}");
            }
        }
        let links = cross_links(&map, &rows, &l);
        let finite = |p: Point| p.x.is_finite() && p.y.is_finite();
        assert!(links.drawn.iter().all(|d| [d.curve.from, d.curve.c1, d.curve.c2, d.curve.to].into_iter().all(finite)));
    }
    // Extra sizes are ignored; all-zero cards are points one gap apart, still in order.
    let zero = layout(&map, &rows, &vec![Size::default(); rows.len() + 10], &LayoutOptions::default());
    assert_eq!(zero.cards.len(), rows.len());
    let first_level: Vec<f32> = (0..rows.len()).filter(|&i| zero.parent(i) == Some(0)).map(|i| zero.cards[i].y).collect();
    assert!(first_level.windows(2).all(|w| w[1] - w[0] >= 12.0 - EPS), "{first_level:?}");
}

#[test]
fn rows_that_are_not_a_tree_still_get_cards() {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, "en").apply(&map, Action::ExpandAll);
    let mut rows = view.rows(&map);
    rows.reverse(); // children before parents
    rows.push(Row { node: 99_999, level: 1, set_size: 1, pos_in_set: 1 }); // no such node
    rows.push(rows[0]); // a duplicate
                        // The same rows in tree order from the root, then a stray: the root's tree has both sides,
                        // but the rows are not one tree, so `Sides` is `Right`.
    let mut stray = view.rows(&map);
    stray.push(Row { node: 99_999, level: 1, set_size: 1, pos_in_set: 1 });
    for rows in [rows, stray] {
        for o in all_options() {
            let l = layout(&map, &rows, &vec![card(); rows.len()], &o);
            assert_eq!(l.cards.len(), rows.len());
            for i in 0..rows.len() {
                for j in i + 1..rows.len() {
                    let (a, b) = (l.cards[i], l.cards[j]);
                    assert!(
                        a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
                        "{o:?}: rows {i} and {j} overlap"
                    );
                }
            }
            if o.orientation == Orientation::Sides {
                assert_eq!(l, layout(&map, &rows, &vec![card(); rows.len()], &LayoutOptions { orientation: Orientation::Right, ..o }));
            }
            let links = cross_links(&map, &rows, &l);
            assert_eq!(links.hidden.len(), rows.len());
        }
        let _ = rows_by_side(&map, &rows);
        let _ = balance(&map, &rows);
    }
}

// ---------------------------------------------------------------- the flagship

#[test]
fn the_flagship_shows_open_then_neutral_then_closed() {
    let map = load(FLAGSHIP).unwrap();
    let rows = rows_by_side(&map, &ViewState::new(&map, "en").rows(&map));
    let sides: Vec<Side> = rows[1..].iter().map(|r| map.nodes[r.node].side).collect();
    let rank = |s: &Side| SIDE_ORDER.iter().position(|o| o == s).unwrap();
    assert!(sides.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])), "open, then neutral, then closed: {sides:?}");
    assert!(sides.contains(&Side::Open) && sides.contains(&Side::Closed), "{sides:?}");
    let l = layout(&map, &rows, &vec![card(); rows.len()], &LayoutOptions::default());
    let ys: Vec<f32> = l.cards[1..].iter().map(|c| c.y).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "open at the top, closed at the bottom");

    let sides = balance(&map, &rows);
    assert_eq!(sides.map(|s| s.shown.positions), [3, 2, 1]);
    assert_eq!(sides.map(|s| s.shown.claims), [0, 0, 0]);
    let argued = map.nodes.iter().filter(|n| n.kind != Kind::Question).count();
    assert_eq!(sides.iter().map(|s| s.all.positions + s.all.claims).sum::<usize>(), argued, "every position and claim, no question");

    // Fully open, both ends of every link are shown: each is drawn, none badged.
    let all = ViewState::new(&map, "en").apply(&map, Action::ExpandAll).rows(&map);
    let l = layout(&map, &all, &vec![card(); all.len()], &LayoutOptions::default());
    let links = cross_links(&map, &all, &l);
    assert_eq!(links.drawn.len(), map.links.len());
    assert!(links.hidden.iter().all(Vec::is_empty));
    // In the opening view, links into closed nodes show as badges on the shown end.
    let opening = ViewState::new(&map, "en").rows(&map);
    let links = cross_links(&map, &opening, &layout(&map, &opening, &vec![card(); opening.len()], &LayoutOptions::default()));
    let badged: usize = links.hidden.iter().map(Vec::len).sum();
    let touching = map.links.iter().filter(|k| opening.iter().any(|r| r.node == k.from) != opening.iter().any(|r| r.node == k.to)).count();
    assert_eq!(badged, touching);
    assert!(links.drawn.len() + badged <= map.links.len());
}

#[test]
fn the_flagship_in_sides_has_open_left_of_the_question_closed_right_and_neutral_below() {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, "en");
    let rows = view.rows(&map);
    assert_eq!(rows.len(), 1 + map.nodes[map.root].children.len(), "the question and its positions");
    let o = LayoutOptions { orientation: Orientation::Sides, ..LayoutOptions::default() };
    // The estimate the view starts from, and cards all the largest size.
    let estimated: Vec<Size> =
        rows.iter().map(|r| estimated_card_size(map.nodes[r.node].text.get("en"), !map.nodes[r.node].children.is_empty())).collect();
    for sizes in [estimated, vec![card(); rows.len()]] {
        let l = layout(&map, &rows, &sizes, &o);
        check(&map, &rows, &sizes, &o, &l).unwrap();
        let (root, gap) = (l.cards[0], o.level_gap);
        let of =
            |side: Side| -> Vec<Rect> { (1..rows.len()).filter(|&i| map.nodes[rows[i].node].side == side).map(|i| l.cards[i]).collect() };
        let (open, closed, neutral) = (of(Side::Open), of(Side::Closed), of(Side::Neutral));
        assert_eq!((open.len(), closed.len(), neutral.len()), (3, 1, 3), "three open, one closed, two neutral and a question");
        assert!(open.iter().all(|c| c.x + c.width + gap <= root.x), "open left of the question: {open:?} {root:?}");
        assert!(closed.iter().all(|c| c.x >= root.x + root.width + gap), "closed right of it: {closed:?}");
        assert!(neutral.iter().all(|c| c.y >= root.y + root.height + gap && c.x >= root.x), "neutral below it: {neutral:?}");
        let column = |cards: &[Rect]| {
            let top = cards.iter().map(|c| c.y).fold(f32::INFINITY, f32::min);
            (top, cards.iter().map(|c| c.y + c.height).fold(f32::NEG_INFINITY, f32::max) - top)
        };
        let ((open_top, open_height), (_, neutral_height)) = (column(&open), column(&neutral));
        // The question faces both sides: centred on the open column and on the closed card.
        assert!((root.centre().y - (open_top + open_height / 2.0)).abs() <= EPS && (root.centre().y - closed[0].centre().y).abs() <= EPS);
        // The first level is three columns across: open, the question (with the band under
        // it), closed.
        assert!(l.width <= 3.0 * 256.0 + 2.0 * gap + EPS, "{} wide", l.width);
        // As tall as the open column, or down to the band's end if that reaches lower (it
        // does: three cards under the question do not fit in the open column's lower half).
        // The band starts `level_gap` under the question and the closed card.
        let band = (root.y + root.height).max(closed[0].y + closed[0].height) + gap + neutral_height;
        assert!((l.height - open_height.max(band)).abs() <= EPS, "{} tall: the open column {open_height}, the band to {band}", l.height);
    }

    // Fully open, every guarantee holds on each side, and every link is drawn between shown cards.
    let all = view.apply(&map, Action::ExpandAll).rows(&map);
    let sizes = vec![card(); all.len()];
    let l = layout(&map, &all, &sizes, &o);
    check(&map, &all, &sizes, &o, &l).unwrap();
    let links = cross_links(&map, &all, &l);
    assert_eq!(links.drawn.len(), map.links.len());
}

#[test]
fn a_curve_is_its_endpoints_and_an_svg_path() {
    let c = Curve {
        from: Point { x: 0.0, y: 0.0 },
        c1: Point { x: 10.0, y: 0.0 },
        c2: Point { x: 10.0, y: 20.0 },
        to: Point { x: 20.0, y: 20.0 },
    };
    assert_eq!(c.point_at(0.0), c.from);
    assert_eq!(c.point_at(1.0), c.to);
    assert_eq!(c.point_at(0.5), Point { x: 10.0, y: 10.0 });
    assert_eq!(c.point_at(f32::NAN), c.point_at(0.5));
    assert_eq!(c.svg_path(), "M0 0C10 0,10 20,20 20");
}

#[test]
fn a_card_not_yet_measured_is_estimated_within_the_cards_bounds_and_grows_with_its_claim() {
    let short = estimated_card_size("Yes", false);
    let long = estimated_card_size(&"word ".repeat(60), false);
    let zh = estimated_card_size(&"开源还是闭源".repeat(10), true);
    let huge = estimated_card_size(&"x".repeat(5000), true);
    for size in [short, long, zh, huge, estimated_card_size("", false)] {
        assert!((128.0..=256.0).contains(&size.width) && size.height >= 44.0, "{size:?}");
    }
    assert!(long.height > short.height && zh.height > short.height && huge.height > long.height);
    assert!(long.width > 240.0, "a long claim takes about the card's full width: {long:?}");
    assert!(estimated_card_size("Yes", true).height > short.height, "a closed card has a line for what it hides");
}
