use std::collections::HashMap;

use super::text::Text;

/// Index of a node in `ArgumentMap::nodes`; the loader resolves every id reference to one.
pub type NodeIdx = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Question,
    Position,
    Claim,
}

/// How a node bears on its parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    Answers,
    Supports,
    Attacks,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Open,
    Closed,
    Neutral,
}

impl Side {
    pub fn opposite(self) -> Side {
        match self {
            Side::Open => Side::Closed,
            Side::Closed => Side::Open,
            Side::Neutral => Side::Neutral,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Side::Open => "open",
            Side::Closed => "closed",
            Side::Neutral => "neutral",
        }
    }
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Position => "position",
            Kind::Claim => "claim",
        }
    }
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Answers => "answers",
            Relation::Supports => "supports",
            Relation::Attacks => "attacks",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkRelation {
    Contradicts,
    Agrees,
    /// `from` supports `to` across the tree (Argdown's `+>` to a node placed elsewhere).
    Supports,
    /// `from` attacks `to` across the tree.
    Attacks,
}

impl LinkRelation {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkRelation::Contradicts => "contradicts",
            LinkRelation::Agrees => "agrees",
            LinkRelation::Supports => "supports",
            LinkRelation::Attacks => "attacks",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: Text,
    pub author: Option<String>,
    pub published: Option<String>,
    /// Only ever an http(s) URL: the loader refuses anything else.
    pub url: Option<String>,
    pub lang: String,
    /// The source's position in one line, for the legend.
    pub thesis: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Index into `ArgumentMap::sources`.
    pub source: usize,
    /// Verbatim, in the source's own language and script.
    pub quote: String,
    pub translation: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: String,
    pub parent: Option<NodeIdx>,
    /// Children in display order: answers first, then supports, then attacks; file order within.
    pub children: Vec<NodeIdx>,
    pub kind: Kind,
    /// How it bears on its parent; `None` only on the root.
    pub relation: Option<Relation>,
    /// The side as given in the file, if any.
    pub explicit_side: Option<Side>,
    /// The side after derivation: explicit, else from the parent through `relation`.
    pub side: Side,
    /// 1 for the root.
    pub level: usize,
    /// The first child of its parent that bears on it differently from the sibling before
    /// (the first attack after supports): where the display starts a new group.
    pub group_start: bool,
    pub text: Text,
    pub detail: Option<Text>,
    pub evidence: Vec<Evidence>,
    pub flags: Vec<String>,
    /// A critical question about this node for a class to discuss.
    pub prompt: Option<Text>,
}

impl Node {
    /// The relation a reader is told of: supports or attacks, never the plain "answers" of a
    /// position to its question (the side says that).
    pub fn shown_relation(&self) -> Option<Relation> {
        self.relation.filter(|r| *r != Relation::Answers && self.kind != Kind::Question)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub from: NodeIdx,
    pub to: NodeIdx,
    pub relation: LinkRelation,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TourStep {
    pub node: NodeIdx,
    pub note: Text,
    /// A question to put to the class at this stop.
    pub question: Option<Text>,
}

/// A loaded, validated map: every reference resolved to an index, sides derived, levels known.
#[derive(Clone, Debug, PartialEq)]
pub struct ArgumentMap {
    pub id: String,
    pub title: Text,
    pub summary: Option<Text>,
    pub languages: Vec<String>,
    pub sources: Vec<Source>,
    pub root: NodeIdx,
    pub nodes: Vec<Node>,
    pub links: Vec<Link>,
    pub tour: Vec<TourStep>,
    /// What the map calls its sides ("Open source", "Ban them"…), where it names them.
    pub side_names: Vec<(Side, Text)>,
    /// Node id -> index, so deep links and lookups by id stay O(1) on large maps.
    pub ids: HashMap<String, NodeIdx>,
}

impl ArgumentMap {
    pub fn node_index(&self, id: &str) -> Option<NodeIdx> {
        self.ids.get(id).copied()
    }

    /// Ancestors of `node`, nearest first, not including `node`. Iterative: depth is unbounded.
    pub fn ancestors(&self, node: NodeIdx) -> impl Iterator<Item = NodeIdx> + '_ {
        std::iter::successors(self.nodes[node].parent, move |&n| self.nodes[n].parent)
    }

    /// The map's own name for a side, in `lang`, if it gives one.
    pub fn side_name(&self, side: Side, lang: &str) -> Option<&str> {
        self.side_names.iter().find(|(s, _)| *s == side).map(|(_, t)| t.get(lang))
    }

    /// How many children of `node` bear on it by `relation`.
    pub fn count_children(&self, node: NodeIdx, relation: Relation) -> usize {
        self.nodes[node].children.iter().filter(|&&c| self.nodes[c].relation == Some(relation)).count()
    }
}
