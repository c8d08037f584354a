//! Stage 3b: blocks -> the graph (statements and arguments, each once by title, with their
//! relations) -> a tree. Each statement or argument becomes one node, placed below the member
//! it first bears on (`+`, `-`, `_` under it), breadth first from the root, in document order;
//! every other relation becomes a cross-link (`supports`, `attacks`, `contradicts`). A heading
//! is a group: a node holding its section's trees. One top element is the root; several get
//! a question above them (the map's title).

use std::collections::{HashMap, VecDeque};

use serde_json::{json, Map, Value};

use super::blocks::{Direction, Item, Parent, PcsStatement, Symbol, TreeNode};
use super::inline::{member, Member, MemberKind};
use crate::model::diagnostic::Diagnostic;
use crate::model::import::{data_fields, default_kind, plus_answers, slug, Positions};
use crate::model::types::Kind;

struct Entity {
    kind: MemberKind,
    title: Option<String>,
    text: Option<String>,
    defined_at: Option<(usize, usize)>,
    first_at: (usize, usize),
    data: Map<String, Value>,
    tags: Vec<String>,
    heading: bool,
    /// Text a premise–conclusion structure gave it (its main conclusion), for the detail.
    conclusion: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum EdgeRelation {
    Supports,
    Attacks,
    /// A heading's group, or a tree in a section: no relation of its own.
    Groups,
}

struct Edge {
    child: usize,
    parent: usize,
    relation: EdgeRelation,
    at: (usize, usize),
    link: Option<Value>,
}

struct LinkSpec {
    from: usize,
    to: usize,
    relation: &'static str,
    at: (usize, usize),
    link: Option<Value>,
}

#[derive(Default)]
struct Graph {
    entities: Vec<Entity>,
    by_title: HashMap<(bool, String), usize>,
    edges: Vec<Edge>,
    links: Vec<LinkSpec>,
}

impl Graph {
    fn entity(&mut self, m: Member, heading: bool, diagnostics: &mut Vec<Diagnostic>) -> (usize, Option<Value>) {
        let Member { kind, title, definition, text, tags, mut data, mentions: _, line, column } = m;
        let link = data.remove("link");
        let key = title.clone().filter(|t| !t.is_empty()).map(|t| (kind == MemberKind::Argument, t));
        let existing = key.as_ref().and_then(|k| self.by_title.get(k).copied());
        let id = match existing {
            Some(id) => id,
            None => {
                self.entities.push(Entity {
                    kind,
                    title: title.filter(|t| !t.is_empty()),
                    text: None,
                    defined_at: None,
                    first_at: (line, column),
                    data: Map::new(),
                    tags: Vec::new(),
                    heading,
                    conclusion: None,
                });
                let id = self.entities.len() - 1;
                if let Some(k) = key {
                    self.by_title.insert(k, id);
                }
                id
            }
        };
        let e = &mut self.entities[id];
        if definition && !text.is_empty() {
            match (&e.text, e.defined_at) {
                (Some(first), Some((l, c))) if *first != text => diagnostics.push(Diagnostic::warning(
                    line,
                    column,
                    format!(
                        "{} is defined a second time (first at {l}:{c}) with another text; argmap keeps one text per node, the first",
                        name(e)
                    ),
                )),
                (Some(_), _) => {}
                (None, _) => {
                    e.text = Some(text);
                    e.defined_at = Some((line, column));
                }
            }
        }
        for (k, v) in data {
            match e.data.get(&k) {
                Some(old) if *old != v => diagnostics.push(Diagnostic::warning(
                    line,
                    column,
                    format!("{} already has \"{k}\" in its data (a different value); the first is kept", name(e)),
                )),
                Some(_) => {}
                None => {
                    e.data.insert(k, v);
                }
            }
        }
        for t in tags {
            if !e.tags.contains(&t) {
                e.tags.push(t);
            }
        }
        (id, link)
    }

    fn relate(&mut self, child: usize, parent: usize, symbol: Symbol, at: (usize, usize), link: Option<Value>) {
        use Direction::*;
        let (outgoing, relation) = match symbol {
            Symbol::Support(d) => (d == Outgoing, "supports"),
            Symbol::Attack(d) | Symbol::Undercut(d) => (d == Outgoing, "attacks"),
            Symbol::Contradiction => {
                self.links.push(LinkSpec { from: parent, to: child, relation: "contradicts", at, link });
                return;
            }
        };
        if outgoing {
            let relation = if relation == "supports" { EdgeRelation::Supports } else { EdgeRelation::Attacks };
            self.edges.push(Edge { child, parent, relation, at, link });
        } else {
            self.links.push(LinkSpec { from: parent, to: child, relation, at, link });
        }
    }
}

fn name(e: &Entity) -> String {
    match (&e.title, e.kind) {
        (Some(t), MemberKind::Argument) => format!("<{t}>"),
        (Some(t), MemberKind::Statement) => format!("[{t}]"),
        (None, _) if e.heading => format!("the heading \"{}\"", e.text.as_deref().unwrap_or("")),
        (None, _) => format!("\"{}\"", e.text.as_deref().unwrap_or("").chars().take(40).collect::<String>()),
    }
}

pub(super) struct Built {
    pub document: Value,
    pub positions: Positions,
}

pub(super) fn build(
    items: Vec<Item>,
    front: Map<String, Value>,
    fields: HashMap<String, (usize, usize)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Built {
    let mut g = Graph::default();
    // Free members at the top of a tree, each with the section (heading entity) it is in.
    let mut tops: Vec<(usize, Option<usize>)> = Vec::new();
    let mut sections: Vec<(usize, usize)> = Vec::new(); // (level, heading entity)
    let mut last_argument: Option<usize> = None;
    let mut headings: Vec<usize> = Vec::new();
    let mut mentions: Vec<(MemberKind, String, usize, usize)> = Vec::new();

    for item in items {
        match item {
            Item::Heading { level, node } => {
                let mut m = member(&node.chars, node.line, node.column, diagnostics);
                mentions.append(&mut m.mentions);
                // A heading's title is its text, never an equivalence class.
                if let Some(t) = m.title.take() {
                    m.text = if m.text.is_empty() { t } else { format!("[{t}]: {}", m.text) };
                    m.definition = true;
                }
                m.kind = MemberKind::Statement;
                let (h, _) = g.entity(m, true, diagnostics);
                while sections.last().is_some_and(|&(l, _)| l >= level) {
                    sections.pop();
                }
                if let Some(&(_, parent)) = sections.last() {
                    g.edges.push(Edge { child: h, parent, relation: EdgeRelation::Groups, at: (node.line, node.column), link: None });
                } else {
                    tops.push((h, None));
                }
                sections.push((level, h));
                headings.push(h);
                last_argument = None;
            }
            Item::Tree { nodes } => {
                let ids = members(&mut g, &nodes, &mut mentions, diagnostics);
                let section = sections.last().map(|&(_, h)| h);
                if let Some(&(top, _)) = ids.first() {
                    tops.push((top, section));
                    last_argument = (g.entities[top].kind == MemberKind::Argument).then_some(top);
                }
                relate_all(&mut g, &nodes, &ids, None);
            }
            Item::Pcs { nodes, statements, line } => {
                let argument = match last_argument.take() {
                    Some(a) => a,
                    None => {
                        let anonymous = Member {
                            kind: MemberKind::Argument,
                            title: None,
                            definition: false,
                            text: String::new(),
                            tags: Vec::new(),
                            data: Map::new(),
                            mentions: Vec::new(),
                            line,
                            column: 1,
                        };
                        let (a, _) = g.entity(anonymous, false, diagnostics);
                        tops.push((a, sections.last().map(|&(_, h)| h)));
                        a
                    }
                };
                pcs(&mut g, argument, &nodes, &statements, &mut mentions, diagnostics);
            }
        }
    }
    for (kind, title, line, col) in mentions {
        if !g.by_title.contains_key(&(kind == MemberKind::Argument, title.clone())) {
            let shown = if kind == MemberKind::Argument { format!("@<{title}>") } else { format!("@[{title}]") };
            diagnostics.push(Diagnostic::warning(line, col, format!("{shown} mentions something no line defines")));
        }
    }
    tree(g, tops, front, fields, diagnostics)
}

/// The entity of each node of a tree or structure, and the data its relation line carried.
fn members(
    g: &mut Graph,
    nodes: &[TreeNode],
    mentions: &mut Vec<(MemberKind, String, usize, usize)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(usize, Option<Value>)> {
    nodes
        .iter()
        .map(|n| {
            let mut m = member(&n.chars, n.line, n.column, diagnostics);
            mentions.append(&mut m.mentions);
            if m.title.is_none() && m.text.is_empty() && m.data.is_empty() {
                diagnostics.push(Diagnostic::error(n.line, n.column, "a statement or argument is missing here"));
            }
            g.entity(m, false, diagnostics)
        })
        .collect()
}

fn relate_all(g: &mut Graph, nodes: &[TreeNode], ids: &[(usize, Option<Value>)], argument: Option<usize>) {
    for (n, (child, link)) in nodes.iter().zip(ids) {
        let parent = match n.parent {
            Parent::Node(p) => ids.get(p).map(|&(e, _)| e),
            Parent::Argument => argument,
            Parent::None => None,
        };
        if let (Some(symbol), Some(parent)) = (n.symbol, parent) {
            g.relate(*child, parent, symbol, (n.line, n.column), link.clone());
        }
    }
}

/// A premise–conclusion structure of `argument`: the premises of its last inference support
/// the argument; an intermediary conclusion is a node holding the premises of its own step; an
/// untitled main conclusion gives the argument its text (or its detail, when it has a text).
fn pcs(
    g: &mut Graph,
    argument: usize,
    nodes: &[TreeNode],
    statements: &[PcsStatement],
    mentions: &mut Vec<(MemberKind, String, usize, usize)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let main = statements.last().filter(|s| s.conclusion).map(|s| s.node);
    let mut ids: Vec<(usize, Option<Value>)> = Vec::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let m = member(&n.chars, n.line, n.column, diagnostics);
        if Some(i) == main && m.title.is_none() {
            let mut m = m;
            mentions.append(&mut m.mentions);
            let e = &mut g.entities[argument];
            if e.text.is_none() {
                e.text = Some(m.text);
                e.defined_at = Some((n.line, n.column));
            } else {
                e.conclusion = Some(m.text);
            }
            for (k, v) in m.data {
                e.data.entry(k).or_insert(v);
            }
            ids.push((argument, None));
            continue;
        }
        let mut m = m;
        mentions.append(&mut m.mentions);
        ids.push(g.entity(m, false, diagnostics));
    }
    // Steps: each conclusion is drawn from the statements since the one before it.
    let mut step: Vec<usize> = Vec::new();
    for s in statements {
        let e = ids[s.node].0;
        if s.conclusion {
            let holder = if Some(s.node) == main { argument } else { e };
            for &p in &step {
                g.edges.push(Edge { child: p, parent: holder, relation: EdgeRelation::Supports, at: g.entities[p].first_at, link: None });
            }
            if Some(s.node) == main && e != argument {
                // A titled main conclusion: the argument supports it.
                g.edges.push(Edge {
                    child: argument,
                    parent: e,
                    relation: EdgeRelation::Supports,
                    at: (nodes[s.node].line, nodes[s.node].column),
                    link: None,
                });
            }
            step = vec![e];
        } else {
            step.push(e);
        }
    }
    relate_all(g, nodes, &ids, Some(argument));
}

/// How a tree edge bears on its parent, as the edge says; `None`: the `argmap/1` default.
fn relation_json(edge: EdgeRelation, parent: Kind, kind: Kind) -> Option<&'static str> {
    match edge {
        EdgeRelation::Attacks => Some("attacks"),
        EdgeRelation::Supports if plus_answers(parent, kind) => None,
        EdgeRelation::Supports => Some("supports"),
        EdgeRelation::Groups => None,
    }
}

fn kind_of(data: &Map<String, Value>) -> Option<Kind> {
    match data.get("kind").and_then(Value::as_str) {
        Some("question") => Some(Kind::Question),
        Some("position") => Some(Kind::Position),
        Some("claim") => Some(Kind::Claim),
        _ => None,
    }
}

fn tree(
    g: Graph,
    tops: Vec<(usize, Option<usize>)>,
    mut front: Map<String, Value>,
    fields: HashMap<String, (usize, usize)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Built {
    let n = g.entities.len();
    let mut has_edge = vec![false; n];
    for e in &g.edges {
        has_edge[e.child] = true;
    }
    // A tree's top member with no relation of its own belongs to its section.
    let mut section_edges: Vec<Edge> = Vec::new();
    let mut free: Vec<usize> = Vec::new();
    let mut seen_top = vec![false; n];
    for &(top, section) in &tops {
        if has_edge[top] || seen_top[top] {
            continue;
        }
        seen_top[top] = true;
        match section {
            Some(h) if h != top => {
                section_edges.push(Edge { child: top, parent: h, relation: EdgeRelation::Groups, at: g.entities[top].first_at, link: None })
            }
            _ => free.push(top),
        }
    }
    // Members that appear only inside trees and never bear on anything (`+> [x]`) are free too.
    for i in 0..n {
        if !has_edge[i] && !seen_top[i] {
            free.push(i);
        }
    }
    // A heading that holds nothing (its trees all sit elsewhere) is no group.
    let mut holds = vec![0usize; n];
    for e in g.edges.iter().filter(|e| e.relation == EdgeRelation::Groups).chain(&section_edges) {
        holds[e.parent] += 1;
    }
    let mut empty = vec![false; n];
    let mut group_parent: Vec<Option<usize>> = vec![None; n];
    for e in g.edges.iter().filter(|e| e.relation == EdgeRelation::Groups) {
        group_parent[e.child] = Some(e.parent);
    }
    for i in (0..n).rev() {
        if g.entities[i].heading && holds[i] == 0 {
            empty[i] = true;
            let e = &g.entities[i];
            diagnostics.push(Diagnostic::warning(
                e.first_at.0,
                e.first_at.1,
                format!("{} holds no tree of its own (its members are placed elsewhere), so it is no group in the map", name(e)),
            ));
            if let Some(p) = group_parent[i] {
                holds[p] = holds[p].saturating_sub(1);
            }
        }
    }
    free.retain(|&f| !empty[f]);
    section_edges.retain(|e| !empty[e.child]);
    free.sort_by_key(|&i| g.entities[i].first_at);

    let synthetic = free.len() != 1;
    // Entities, plus the synthetic root at index n when there is one.
    let total = n + usize::from(synthetic);
    let root = if synthetic { n } else { free[0] };
    let mut children: Vec<Vec<(usize, EdgeRelation, Option<usize>)>> = vec![Vec::new(); total]; // (child, relation, edge index)
    for (i, e) in g.edges.iter().enumerate().filter(|(_, e)| !empty[e.child]) {
        children[e.parent].push((e.child, e.relation, Some(i)));
    }
    for e in &section_edges {
        children[e.parent].push((e.child, e.relation, None));
    }
    if synthetic {
        for &f in &free {
            children[n].push((f, EdgeRelation::Groups, None));
        }
    }

    // Breadth first from the root: a node goes below the first member it bears on.
    let mut parent: Vec<Option<(usize, EdgeRelation)>> = vec![None; total];
    let mut placed = vec![false; total];
    let mut order: Vec<usize> = Vec::with_capacity(total);
    let mut kinds: Vec<Kind> = vec![Kind::Claim; total];
    let mut cross: Vec<usize> = Vec::new(); // edge indices that became links
    let root_text = if synthetic { String::new() } else { text_of(&g.entities[root]) };
    kinds[root] = if synthetic {
        Kind::Question
    } else {
        kind_of(&g.entities[root].data).unwrap_or_else(|| default_kind(true, &root_text, None, false))
    };
    placed[root] = true;
    let mut queue = VecDeque::from([root]);
    let mut next_unplaced = 0;
    loop {
        while let Some(p) = queue.pop_front() {
            order.push(p);
            for &(c, relation, edge) in &children[p] {
                if placed[c] {
                    if let Some(edge) = edge {
                        cross.push(edge);
                    }
                    continue;
                }
                placed[c] = true;
                parent[c] = Some((p, relation));
                let e = &g.entities[c];
                kinds[c] =
                    kind_of(&e.data).unwrap_or_else(|| default_kind(false, &text_of(e), Some(kinds[p]), e.data.contains_key("side")));
                queue.push_back(c);
            }
        }
        // Members only reachable through a cycle: the first goes below the root.
        while next_unplaced < n && (placed[next_unplaced] || empty[next_unplaced]) {
            next_unplaced += 1;
        }
        if next_unplaced >= n {
            break;
        }
        let c = next_unplaced;
        let e = &g.entities[c];
        diagnostics.push(Diagnostic::warning(
            e.first_at.0,
            e.first_at.1,
            format!(
                "{} only bears on members that bear on it (a cycle of relations with no way in from the root); it is placed below the root",
                name(e)
            ),
        ));
        placed[c] = true;
        parent[c] = Some((root, EdgeRelation::Groups));
        kinds[c] = kind_of(&e.data).unwrap_or_else(|| default_kind(false, &text_of(e), Some(kinds[root]), e.data.contains_key("side")));
        queue.push_back(c);
    }
    cross.sort_unstable();

    // Cycle warnings: a cross-link from a node to one of its own descendants closes a cycle.
    let (enter, leave) = intervals(&order, &parent, total);
    let is_ancestor = |a: usize, b: usize| enter[a] <= enter[b] && leave[b] <= leave[a];

    // Ids: given (`{id: …}`), else the title, else made up and unused.
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut ids: Vec<Option<String>> = vec![None; total];
    for (i, e) in g.entities.iter().enumerate() {
        let id = e.data.get("id").and_then(Value::as_str).map(str::to_owned).or_else(|| e.title.clone());
        if let Some(id) = id {
            used.entry(id.clone()).or_insert(i);
            ids[i] = Some(id);
        }
    }
    let mut counter = 0;
    for (i, id) in ids.iter_mut().enumerate() {
        if id.is_none() {
            let prefix = if i == n {
                "root"
            } else if g.entities[i].heading {
                "group"
            } else if g.entities[i].kind == MemberKind::Argument {
                "argument"
            } else {
                "statement"
            };
            loop {
                counter += 1;
                let candidate = if i == n { prefix.to_owned() } else { format!("{prefix}-{counter}") };
                if !used.contains_key(&candidate) {
                    used.insert(candidate.clone(), i);
                    *id = Some(candidate);
                    break;
                }
                if i == n {
                    used.insert(format!("root-{counter}"), i);
                    *id = Some(format!("root-{counter}"));
                    break;
                }
            }
        }
    }
    let id = |i: usize| ids[i].clone().unwrap_or_default();

    let languages: Vec<String> = match front.get("languages") {
        Some(Value::Array(a)) => a.iter().filter_map(|l| l.as_str().map(str::to_owned)).collect(),
        _ => Vec::new(),
    };
    let first_lang = languages
        .first()
        .cloned()
        .or_else(|| front.get("lang").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_else(|| "en".to_owned());
    if !front.contains_key("languages") {
        front.insert("languages".into(), json!([first_lang]));
    }
    front.remove("lang");

    let title = match front.get("title") {
        Some(t) => t.clone(),
        None => {
            let t = if !synthetic { Some(root_text.clone()) } else { headings_title(&g, &free) };
            match t.filter(|t| !t.is_empty()) {
                Some(t) => json!(t),
                None => {
                    diagnostics.push(Diagnostic::warning(1, 1, "no title: give one in front matter (=== title: … ===)"));
                    json!("Untitled")
                }
            }
        }
    };

    let mut positions = Positions { fields, ..Positions::default() };
    let mut nodes: Vec<Value> = Vec::with_capacity(total);
    // Document order (first appearance), so the file reads like the text.
    let mut file_order: Vec<usize> = (0..n).filter(|&i| placed[i]).collect();
    file_order.sort_by_key(|&i| g.entities[i].first_at);
    if synthetic {
        file_order.insert(0, n);
    }
    for &i in &file_order {
        let mut node = Map::new();
        node.insert("id".into(), json!(id(i)));
        if let Some((p, relation)) = parent[i] {
            node.insert("parent".into(), json!(id(p)));
            let given = (i < n).then(|| g.entities[i].data.get("relation").cloned()).flatten();
            match given {
                Some(r) => {
                    node.insert("relation".into(), r);
                }
                None => {
                    if let Some(r) = relation_json(relation, kinds[p], kinds[i]) {
                        node.insert("relation".into(), json!(r));
                    }
                }
            }
        }
        // A kind the data gives but that is none of the three goes to the loader to be named.
        let wrong_kind =
            (i < n).then(|| g.entities[i].data.get("kind").filter(|_| kind_of(&g.entities[i].data).is_none()).cloned()).flatten();
        node.insert("kind".into(), wrong_kind.unwrap_or_else(|| json!(kinds[i].as_str())));
        if i == n {
            // The question is the title, in every language the title is given in.
            let text = if title.is_object() { title.clone() } else { json!({ first_lang.clone(): title }) };
            node.insert("text".into(), text);
            positions.nodes.push(((1, 1), "the map's question (its title)".to_owned()));
            nodes.push(Value::Object(node));
            continue;
        }
        let e = &g.entities[i];
        let at = e.defined_at.unwrap_or(e.first_at);
        positions.nodes.push((at, name(e)));
        let main_lang = e.data.get("lang").and_then(Value::as_str).unwrap_or(&first_lang).to_owned();
        let mut text = Map::new();
        match (&e.text, &e.title) {
            (Some(t), _) if !t.is_empty() => {
                text.insert(main_lang.clone(), json!(t));
            }
            (_, Some(title)) if !e.data.contains_key("text") => {
                diagnostics.push(Diagnostic::warning(
                    at.0,
                    at.1,
                    format!("{} is referred to but never defined; its title is used as its text", name(e)),
                ));
                text.insert(main_lang.clone(), json!(title));
            }
            _ => {}
        }
        match e.data.get("text") {
            Some(Value::Object(o)) => {
                for (l, t) in o {
                    text.insert(l.clone(), t.clone());
                }
            }
            Some(other) => {
                text.insert(main_lang.clone(), other.clone());
            }
            None => {}
        }
        if text.is_empty() {
            diagnostics.push(Diagnostic::error(at.0, at.1, format!("{} has no text", name(e))));
            text.insert(main_lang.clone(), json!(name(e)));
        }
        node.insert("text".into(), Value::Object(text));
        data_fields(&mut node, &e.data, &main_lang, e.conclusion.as_deref(), &e.tags, Vec::new(), at, diagnostics);
        nodes.push(Value::Object(node));
    }

    let mut links: Vec<Value> = Vec::new();
    let mut link_specs: Vec<LinkSpec> = cross
        .iter()
        .filter_map(|&i| g.edges.get(i))
        .map(|e| LinkSpec {
            from: e.child,
            to: e.parent,
            relation: if e.relation == EdgeRelation::Attacks { "attacks" } else { "supports" },
            at: e.at,
            link: e.link.clone(),
        })
        .collect();
    link_specs.extend(g.links);
    link_specs.sort_by_key(|l| l.at);
    let mut seen_links: std::collections::HashSet<(usize, usize, String)> = std::collections::HashSet::new();
    for l in link_specs {
        if !placed[l.from] || !placed[l.to] {
            continue;
        }
        // The same relation said twice, or a tree edge said again from the other end, is one.
        let tree_relation = match parent[l.from] {
            Some((p, EdgeRelation::Supports)) if p == l.to => Some("supports"),
            Some((p, EdgeRelation::Attacks)) if p == l.to => Some("attacks"),
            _ => None,
        };
        let effective = l.link.as_ref().and_then(|v| v.get("relation")).and_then(Value::as_str).unwrap_or(l.relation).to_owned();
        let repeated = !seen_links.insert((l.from, l.to, effective));
        if (tree_relation == Some(l.relation) || repeated) && l.link.is_none() {
            continue;
        }
        if l.from != l.to && l.relation != "contradicts" && is_ancestor(l.from, l.to) {
            diagnostics.push(Diagnostic::warning(
                l.at.0,
                l.at.1,
                format!(
                    "a cycle of relations: {} {} {}, which bears on it through the tree; kept as a cross-link",
                    name(&g.entities[l.from]),
                    l.relation,
                    name(&g.entities[l.to])
                ),
            ));
        }
        let mut link = Map::new();
        link.insert("from".into(), json!(id(l.from)));
        link.insert("to".into(), json!(id(l.to)));
        link.insert("relation".into(), json!(l.relation));
        if let Some(Value::Object(extra)) = l.link {
            for (k, v) in extra {
                link.insert(k, v);
            }
        }
        positions.links.push(l.at);
        links.push(Value::Object(link));
    }

    let map_id = front.get("id").cloned().unwrap_or_else(|| {
        json!(slug(title.as_str().or_else(|| title.as_object().and_then(|o| o.values().next()).and_then(Value::as_str)).unwrap_or("map")))
    });
    for key in ["format", "nodes", "root", "links"] {
        if front.remove(key).is_some() && key != "format" {
            let at = positions.fields.get(key).copied().unwrap_or((1, 1));
            diagnostics.push(Diagnostic::warning(
                at.0,
                at.1,
                format!("front matter \"{key}\" is left out: the text gives the map's {key}"),
            ));
        }
    }
    let mut document = Map::new();
    document.insert("format".into(), json!("argmap/1"));
    document.insert("id".into(), map_id);
    document.insert("title".into(), title);
    for (k, v) in front {
        if k != "id" && k != "title" {
            document.insert(k, v);
        }
    }
    document.insert("root".into(), json!(id(root)));
    document.insert("nodes".into(), Value::Array(nodes));
    if !links.is_empty() {
        document.insert("links".into(), Value::Array(links));
    }
    Built { document: Value::Object(document), positions }
}

fn text_of(e: &Entity) -> String {
    e.text.clone().or_else(|| e.title.clone()).unwrap_or_default()
}

fn headings_title(g: &Graph, free: &[usize]) -> Option<String> {
    free.iter().find(|&&f| g.entities[f].heading).and_then(|&f| g.entities[f].text.clone())
}

/// Entry and exit times of an iterative depth-first walk over the placed tree.
fn intervals(order: &[usize], parent: &[Option<(usize, EdgeRelation)>], total: usize) -> (Vec<usize>, Vec<usize>) {
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); total];
    let mut roots = Vec::new();
    for &v in order {
        match parent[v] {
            Some((p, _)) => kids[p].push(v),
            None => roots.push(v),
        }
    }
    let (mut enter, mut leave) = (vec![0; total], vec![0; total]);
    let mut clock = 0;
    for r in roots {
        let mut stack = vec![(r, 0usize)];
        enter[r] = clock;
        clock += 1;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&c) = kids[v].get(*next) {
                *next += 1;
                enter[c] = clock;
                clock += 1;
                stack.push((c, 0));
            } else {
                leave[v] = clock;
                clock += 1;
                stack.pop();
            }
        }
    }
    (enter, leave)
}
