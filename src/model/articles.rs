//! Which article a node speaks for, and where the articles collide: the source × source table of
//! `contradicts` and `agrees` links.
//!
//! A node belongs to the sources its evidence cites, the most cited first (ties: the first cited
//! first); its *article* is the first of them. A node with no evidence (a question, a summary
//! claim) belongs to the source its id names as a first or last `-`-separated part
//! (`motive-culture-001`, `001-culture`), else the source its text opens with (`001: …`,
//! `001 says …`, `001认为…`: the id followed by anything but an ASCII letter or digit), else to none. In the flagship every claim cites its own article, and the id
//! suffix agrees with the evidence wherever both are given.

use super::types::{ArgumentMap, LinkRelation, NodeIdx};

/// The sources `node` speaks for, the most cited first. Empty when nothing names one.
pub fn node_sources(map: &ArgumentMap, node: NodeIdx) -> Vec<usize> {
    let Some(n) = map.nodes.get(node) else { return Vec::new() };
    // (source, times cited), in order of first citation; a stable sort keeps that order on ties.
    let mut cited: Vec<(usize, usize)> = Vec::new();
    for e in &n.evidence {
        match cited.iter_mut().find(|(s, _)| *s == e.source) {
            Some((_, count)) => *count += 1,
            None => cited.push((e.source, 1)),
        }
    }
    if !cited.is_empty() {
        super::order::sort_by_rank(&mut cited, |&(_, count)| u64::MAX - count as u64);
        return cited.into_iter().map(|(s, _)| s).collect();
    }
    named_source(map, node).into_iter().collect()
}

/// The one article `node` belongs to: the first of `node_sources`.
pub fn article_of(map: &ArgumentMap, node: NodeIdx) -> Option<usize> {
    node_sources(map, node).first().copied()
}

fn named_source(map: &ArgumentMap, node: NodeIdx) -> Option<usize> {
    let n = &map.nodes[node];
    let first = n.id.split('-').next();
    let last = n.id.rsplit('-').next();
    let by_id = map.sources.iter().position(|s| Some(s.id.as_str()) == last || Some(s.id.as_str()) == first);
    by_id.or_else(|| {
        map.sources.iter().position(|s| {
            n.text.0.iter().any(|(_, t)| {
                t.strip_prefix(s.id.as_str()).is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_ascii_alphanumeric()))
            })
        })
    })
}

/// The links joining two articles (or, when `a == b`, joining two nodes of one article).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CollisionCell {
    /// Indices into `ArgumentMap::links`, in file order.
    pub contradicts: Vec<usize>,
    pub agrees: Vec<usize>,
}

impl CollisionCell {
    pub fn is_empty(&self) -> bool {
        self.contradicts.is_empty() && self.agrees.is_empty()
    }
}

/// The source × source table, symmetric: `cell(a, b)` and `cell(b, a)` are the same cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collisions {
    size: usize,
    /// The upper triangle with its diagonal, row by row.
    cells: Vec<CollisionCell>,
    /// Links with an end that belongs to no article.
    pub unplaced: Vec<usize>,
}

impl Collisions {
    /// How many sources the table has on each side (all of the map's sources, in its order).
    pub fn size(&self) -> usize {
        self.size
    }

    /// The links joining sources `a` and `b` (indices into `ArgumentMap::sources`); `None` when
    /// either is out of range.
    pub fn cell(&self, a: usize, b: usize) -> Option<&CollisionCell> {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        if b >= self.size {
            return None;
        }
        self.cells.get(triangle_index(self.size, a, b))
    }
}

fn triangle_index(size: usize, a: usize, b: usize) -> usize {
    // Cells in rows 0..a: size + (size-1) + … + (size-a+1) = a*size - a*(a-1)/2.
    a * size - a * a.saturating_sub(1) / 2 + (b - a)
}

/// Every pair of articles and the links that join them.
pub fn collisions(map: &ArgumentMap) -> Collisions {
    let size = map.sources.len();
    let mut cells = vec![CollisionCell::default(); size * (size + 1) / 2];
    let mut unplaced = Vec::new();
    for (i, link) in map.links.iter().enumerate() {
        let (Some(a), Some(b)) = (article_of(map, link.from), article_of(map, link.to)) else {
            unplaced.push(i);
            continue;
        };
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        if let Some(cell) = cells.get_mut(triangle_index(size, a, b)) {
            // Across articles, an attack is a collision and a support an agreement.
            match link.relation {
                LinkRelation::Contradicts | LinkRelation::Attacks => cell.contradicts.push(i),
                LinkRelation::Agrees | LinkRelation::Supports => cell.agrees.push(i),
            }
        }
    }
    Collisions { size, cells, unplaced }
}
