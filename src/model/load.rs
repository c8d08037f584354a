//! `argmap/1` text -> validated `ArgumentMap`, in three small stages:
//! 1. parse: JSON syntax, with line and column (serde_json; in the widget, `json_tree`, which
//!    says the same in far fewer bytes of wasm);
//! 2. decode: walk the JSON value by hand, collecting *every* wrong or missing field with its path
//!    (any parsed JSON will do: see `Json`);
//! 3. link: resolve ids to indices, then check the tree (one root, no cycles) and derive
//!    children, levels and sides without recursion, so a 20,000-deep chain is as safe as a bush.

use std::collections::{HashMap, VecDeque};

use serde_json::Value;

use super::order::sort_by_rank;
use super::problem::{JsonType, Problem, ProblemKind};
use super::text::is_web_link;
use super::text::Text;
use super::types::*;

/// Larger maps are refused up front with a clear message instead of freezing the reader's tab.
pub const MAX_MAP_BYTES: usize = 16 * 1024 * 1024;
pub const MAX_NODES: usize = 100_000;

const FORMAT: &str = "argmap/1";

/// Parse and validate a map. On failure, returns every problem found: field problems first,
/// then broken references and tree problems.
pub fn load(text: &str) -> Result<ArgumentMap, Vec<Problem>> {
    let text = map_text(text)?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let mut p = Problem::at("", ProblemKind::Syntax { detail: syntax_message(&e) });
        p.position = Some((e.line(), char_column(text, e.line(), e.column())));
        vec![p]
    })?;
    decode(&&value)
}

/// `load` with the model's own small JSON reader (`json_tree`) instead of serde_json: what the
/// widget uses, so that the wasm ships no JSON library and builds no `BTreeMap` per object.
/// Both give the same map or the same problems (tests/model.rs and tests/hostile.rs load every
/// case through both).
pub fn load_compact(text: &str) -> Result<ArgumentMap, Vec<Problem>> {
    read_compact(text)?.link()
}

/// Stages 1 and 2 of `load_compact`: the result owns everything it needs of `text`, so the
/// caller can free the text before `Unlinked::link` builds the map. The widget does: a wasm
/// memory never shrinks, and the text and the built map at once would be its peak.
pub fn read_compact(text: &str) -> Result<Unlinked, Vec<Problem>> {
    let text = map_text(text)?;
    let checked = super::json_tree::check(text).map_err(|problem| vec![problem])?;
    Ok(unlinked(&checked.root()))
}

/// The text to parse: refused when too large; without a byte-order mark.
pub fn map_text(text: &str) -> Result<&str, Vec<Problem>> {
    if text.len() > MAX_MAP_BYTES {
        // Whole megabytes: float formatting would cost the wasm ~14 KB.
        let kind = ProblemKind::TooLarge { megabytes: text.len().div_ceil(1_048_576) - 1, limit: MAX_MAP_BYTES / 1_048_576 };
        return Err(vec![Problem::at("", kind)]);
    }
    // A byte-order mark is harmless; editors on some systems add one.
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Validate a parsed map (stages 2 and 3 of `load`), whichever parser read it.
pub fn decode<V: Json>(value: &V) -> Result<ArgumentMap, Vec<Problem>> {
    unlinked(value).link()
}

/// A map decoded (stage 2) with the problems found so far, its ids not yet resolved (stage 3).
pub struct Unlinked {
    raw: Option<RawMap>,
    problems: Vec<Problem>,
}

fn unlinked<V: Json>(value: &V) -> Unlinked {
    let mut decoder = Decoder::default();
    let raw = decoder.document(value);
    Unlinked { raw, problems: decoder.problems }
}

impl Unlinked {
    /// Stage 3: every problem of all three stages, or the map.
    pub fn link(mut self) -> Result<ArgumentMap, Vec<Problem>> {
        let map = self.raw.and_then(|raw| link(raw, &mut self.problems));
        match map {
            Some(map) if self.problems.is_empty() => Ok(map),
            _ => Err(self.problems),
        }
    }
}

/// What the decoder reads of a parsed JSON document: serde_json's `Value` (the command line,
/// the tests) or `json_tree::Lazy` (the widget). One decoder, so both report the same problems
/// at the same paths.
pub trait Json: Sized {
    /// Which of JSON's six kinds of value this is.
    fn json_type(&self) -> JsonType;
    /// The text, when this is a string.
    fn string(&self) -> Option<String>;
    /// The items in order, when this is an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// The member named `key`, when this is an object that has one.
    fn member(&self, key: &str) -> Option<Self>;
    /// Every member in order, when this is an object.
    fn members(&self) -> Option<Vec<(String, Self)>>;
    /// The object, ready for its members to be looked up, when this is an object.
    fn object(&self) -> Option<Self>;
}

impl Json for &Value {
    fn json_type(&self) -> JsonType {
        type_of(self)
    }

    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().map(|items| items.iter().collect())
    }

    fn member(&self, key: &str) -> Option<Self> {
        self.as_object().and_then(|o| o.get(key))
    }

    fn members(&self) -> Option<Vec<(String, Self)>> {
        self.as_object().map(|o| o.iter().map(|(k, v)| (k.clone(), v)).collect())
    }

    fn object(&self) -> Option<Self> {
        self.is_object().then_some(*self)
    }
}

/// serde_json's message ends with " at line L column C"; the position is kept separately.
pub(super) fn syntax_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    }
}

/// serde_json counts columns in bytes; everything else, and every editor, in characters.
pub(super) fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else { return byte_column };
    let mut end = byte_column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text[..end].chars().count() + 1
}

/// Where a value sits in the document (`nodes[3].text.en`), written out only when a problem is
/// reported there: formatting the path of every field read cost a third of a load.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Item(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    fn item(&'a self, index: usize) -> Path<'a> {
        Path::Item(self, index)
    }

    fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Item(parent, index) => {
                parent.write(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
}

/// `nodes[i]`, `links[i]`, … : where a top-level entry is, for problems found after decoding.
fn entry(list: &str, index: usize) -> String {
    Path::Root.key(list).item(index).render()
}

/// `nodes[i].parent` and the like.
fn field_of(list: &str, index: usize, key: &str) -> String {
    Path::Root.key(list).item(index).key(key).render()
}

pub(super) fn type_of(v: &Value) -> JsonType {
    match v {
        Value::Null => JsonType::Null,
        Value::Bool(_) => JsonType::Boolean,
        Value::Number(_) => JsonType::Number,
        Value::String(_) => JsonType::String,
        Value::Array(_) => JsonType::Array,
        Value::Object(_) => JsonType::Object,
    }
}

// ---------------------------------------------------------------- stage 2: decode

/// A node as written, ids not yet resolved.
struct RawNode {
    /// Its place in `nodes`.
    index: usize,
    /// False when the entry is too broken to take part in the tree (its problems are recorded).
    valid: bool,
    id: String,
    parent: Option<String>,
    kind: Option<Kind>,
    relation: Option<Relation>,
    side: Option<Side>,
    text: Text,
    detail: Option<Text>,
    evidence: Vec<(usize, String, Evidence)>, // (place in `evidence`, source id, evidence with source unresolved)
    flags: Vec<String>,
    prompt: Option<Text>,
}

impl RawNode {
    fn placeholder(index: usize) -> RawNode {
        RawNode {
            index,
            valid: false,
            id: String::new(),
            parent: None,
            kind: None,
            relation: None,
            side: None,
            text: Text::default(),
            detail: None,
            evidence: Vec::new(),
            flags: Vec::new(),
            prompt: None,
        }
    }
}

struct RawLink {
    /// Its place in `links`.
    index: usize,
    from: String,
    to: String,
    relation: Option<LinkRelation>,
    note: Option<Text>,
}

struct RawMap {
    id: String,
    title: Text,
    summary: Option<Text>,
    languages: Vec<String>,
    sources: Vec<Source>,
    root: Option<String>,
    nodes: Vec<RawNode>,
    links: Vec<RawLink>,
    tour: Vec<(usize, String, Text, Option<Text>)>, // (place in `tour`, node id, note, question)
    side_names: Vec<(Side, Text)>,
}

#[derive(Default)]
struct Decoder {
    problems: Vec<Problem>,
    languages: Vec<String>,
}

/// A field's value; JSON `null` counts as absent, as most hand-written JSON means it.
fn field<V: Json>(o: &V, key: &str) -> Option<V> {
    o.member(key).filter(|v| v.json_type() != JsonType::Null)
}

impl Decoder {
    fn problem(&mut self, path: Path<'_>, kind: ProblemKind) {
        self.problems.push(Problem::at(path.render(), kind));
    }

    /// `v` itself when it is an object.
    fn object<V: Json>(&mut self, v: &V, path: Path<'_>) -> Option<V> {
        match v.object() {
            Some(o) => Some(o),
            None => {
                let found = v.json_type();
                self.problem(path, ProblemKind::WrongType { expected: JsonType::Object, found });
                None
            }
        }
    }

    fn required<V: Json>(&mut self, o: &V, key: &str, path: Path<'_>) -> Option<V> {
        let v = field(o, key);
        if v.is_none() {
            self.problem(path.key(key), ProblemKind::Missing);
        }
        v
    }

    fn string<V: Json>(&mut self, v: &V, path: Path<'_>) -> Option<String> {
        match v.string() {
            Some(s) if s.trim().is_empty() => {
                self.problem(path, ProblemKind::Empty);
                None
            }
            Some(s) => Some(s),
            None => {
                self.problem(path, ProblemKind::WrongType { expected: JsonType::String, found: v.json_type() });
                None
            }
        }
    }

    fn required_string<V: Json>(&mut self, o: &V, key: &str, path: Path<'_>) -> Option<String> {
        self.required(o, key, path).and_then(|v| self.string(&v, path.key(key)))
    }

    fn optional_string<V: Json>(&mut self, o: &V, key: &str, path: Path<'_>) -> Option<String> {
        field(o, key).and_then(|v| self.string(&v, path.key(key)))
    }

    /// `{"zh": "…", "en": "…"}`, or a plain string meaning the map's first language.
    fn text<V: Json>(&mut self, v: &V, path: Path<'_>) -> Option<Text> {
        let mut entries = match v.json_type() {
            JsonType::String => {
                let lang = self.languages.first().cloned().unwrap_or_default();
                vec![(lang, self.string(v, path)?)]
            }
            JsonType::Object => {
                let mut members = v.members().unwrap_or_default();
                // In language order whichever reader parsed it (serde_json's objects are sorted,
                // json_tree's are in file order): the same problems in the same order.
                members.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                if members.is_empty() {
                    self.problem(path, ProblemKind::EmptyText);
                    return None;
                }
                let mut entries = Vec::with_capacity(members.len());
                for (lang, t) in members {
                    if let Some(t) = self.string(&t, path.key(&lang)) {
                        entries.push((lang, t));
                    }
                }
                entries
            }
            found => {
                self.problem(path, ProblemKind::WrongType { expected: JsonType::Text, found });
                return None;
            }
        };
        // The map's languages first, in its order, so that fallback goes to its first language.
        let rank = |lang: &str| self.languages.iter().position(|l| l == lang).unwrap_or(usize::MAX);
        sort_by_rank(&mut entries, |(lang, _)| rank(lang) as u64);
        (!entries.is_empty()).then_some(Text(entries))
    }

    fn required_text<V: Json>(&mut self, o: &V, key: &str, path: Path<'_>) -> Option<Text> {
        self.required(o, key, path).and_then(|v| self.text(&v, path.key(key)))
    }

    fn optional_text<V: Json>(&mut self, o: &V, key: &str, path: Path<'_>) -> Option<Text> {
        field(o, key).and_then(|v| self.text(&v, path.key(key)))
    }

    fn array<V: Json>(&mut self, o: &V, key: &str, path: Path<'_>, required: bool) -> Vec<V> {
        let Some(v) = field(o, key) else {
            if required {
                self.problem(path.key(key), ProblemKind::Missing);
            }
            return Vec::new();
        };
        v.items().unwrap_or_else(|| {
            self.problem(path.key(key), ProblemKind::WrongType { expected: JsonType::Array, found: v.json_type() });
            Vec::new()
        })
    }

    /// A word from a closed vocabulary: `names[i]` means `values[i]`.
    fn choice<T: Copy, V: Json>(&mut self, o: &V, key: &str, path: Path<'_>, names: &'static [&'static str], values: &[T]) -> Option<T> {
        let path = path.key(key);
        let word = field(o, key).and_then(|v| self.string(&v, path))?;
        let found = names.iter().position(|name| *name == word).and_then(|i| values.get(i)).copied();
        if found.is_none() {
            self.problem(path, ProblemKind::UnknownValue { found: word, expected: names });
        }
        found
    }

    fn document<V: Json>(&mut self, v: &V) -> Option<RawMap> {
        let top = Path::Root;
        let o = &self.object(v, top)?;
        match o.member("format").map(|f| (f.string(), f.json_type())) {
            Some((Some(f), _)) if f == FORMAT => {}
            Some((Some(f), _)) => {
                // A future version may mean anything: stop rather than misread it.
                self.problem(top.key("format"), ProblemKind::UnsupportedFormat { found: f });
                return None;
            }
            Some((None, found)) => self.problem(top.key("format"), ProblemKind::FormatNotString { found }),
            None => self.problem(top.key("format"), ProblemKind::MissingFormat),
        }
        let languages: Vec<String> = self
            .array(o, "languages", top, true)
            .iter()
            .enumerate()
            .filter_map(|(i, l)| self.string(l, top.key("languages").item(i)))
            .collect();
        if languages.is_empty() && o.member("languages").is_some() {
            self.problem(top.key("languages"), ProblemKind::EmptyLanguages);
        }
        self.languages = languages.clone();

        let id = self.required_string(o, "id", top).unwrap_or_default();
        let title = self.required_text(o, "title", top).unwrap_or_default();
        let summary = self.optional_text(o, "summary", top);
        let sources = self.sources(o);
        let root = self.required_string(o, "root", top);

        let raw_nodes = self.array(o, "nodes", top, true);
        if raw_nodes.len() > MAX_NODES {
            self.problem(top.key("nodes"), ProblemKind::TooManyNodes { count: raw_nodes.len(), limit: MAX_NODES });
            return None;
        }
        if raw_nodes.is_empty() && o.member("nodes").is_some() {
            self.problem(top.key("nodes"), ProblemKind::EmptyNodes);
        }
        // Broken entries stay in place as invalid nodes, so `nodes[i]` in later messages still
        // names the i-th entry of the file.
        let nodes = raw_nodes.iter().enumerate().map(|(i, n)| self.node(n, i)).collect();
        let links = self.array(o, "links", top, false).iter().enumerate().filter_map(|(i, l)| self.link(l, i)).collect();
        let tour = self
            .array(o, "tour", top, false)
            .iter()
            .enumerate()
            .filter_map(|(i, step)| {
                let tour = top.key("tour");
                let path = tour.item(i);
                let s = &self.object(step, path)?;
                let node = self.required_string(s, "node", path);
                let note = self.required_text(s, "note", path);
                let question = self.optional_text(s, "question", path);
                Some((i, node?, note?, question))
            })
            .collect();
        let mut side_names = Vec::new();
        if let Some(sides) = field(o, "sides") {
            if let Some(sides) = &self.object(&sides, top.key("sides")) {
                for (key, side) in [("open", Side::Open), ("closed", Side::Closed), ("neutral", Side::Neutral)] {
                    if let Some(name) = self.optional_text(sides, key, top.key("sides")) {
                        side_names.push((side, name));
                    }
                }
            }
        }
        Some(RawMap { id, title, summary, languages, sources, root, nodes, links, tour, side_names })
    }

    fn sources<V: Json>(&mut self, o: &V) -> Vec<Source> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut sources = Vec::new();
        for (i, s) in self.array(o, "sources", Path::Root, false).iter().enumerate() {
            let list = Path::Root.key("sources");
            let path = list.item(i);
            let Some(s) = &self.object(s, path) else { continue };
            let id = self.required_string(s, "id", path);
            let title = self.required_text(s, "title", path);
            let author = self.optional_string(s, "author", path);
            let published = self.optional_string(s, "published", path);
            let lang = self.required_string(s, "lang", path);
            let thesis = self.optional_text(s, "thesis", path);
            let url = self.optional_string(s, "url", path).filter(|url| {
                let ok = is_web_link(url);
                if !ok {
                    self.problem(path.key("url"), ProblemKind::NotWebLink);
                }
                ok
            });
            let Some(id) = id else { continue };
            if let Some(first) = seen.get(&id) {
                self.problem(path.key("id"), ProblemKind::DuplicateSource { id, first: entry("sources", *first) });
                continue;
            }
            seen.insert(id.clone(), i);
            sources.push(Source { id, title: title.unwrap_or_default(), author, published, url, lang: lang.unwrap_or_default(), thesis });
        }
        sources
    }

    fn node<V: Json>(&mut self, v: &V, index: usize) -> RawNode {
        let list = Path::Root.key("nodes");
        let path = list.item(index);
        let Some(o) = &self.object(v, path) else {
            return RawNode { valid: false, ..RawNode::placeholder(index) };
        };
        let id = self.required_string(o, "id", path);
        let parent = self.optional_string(o, "parent", path);
        let kind = self.required(o, "kind", path).and(self.choice(
            o,
            "kind",
            path,
            &["question", "position", "claim"],
            &[Kind::Question, Kind::Position, Kind::Claim],
        ));
        let relation = self.choice(
            o,
            "relation",
            path,
            &["answers", "supports", "attacks"],
            &[Relation::Answers, Relation::Supports, Relation::Attacks],
        );
        let side = self.choice(o, "side", path, &["open", "closed", "neutral"], &[Side::Open, Side::Closed, Side::Neutral]);
        if kind == Some(Kind::Position) && side.is_none() && field(o, "side").is_none() {
            self.problem(path.key("side"), ProblemKind::PositionWithoutSide);
        }
        let text = self.required_text(o, "text", path);
        let detail = self.optional_text(o, "detail", path);
        let prompt = self.optional_text(o, "prompt", path);
        let mut evidence = Vec::new();
        for (i, e) in self.array(o, "evidence", path, false).iter().enumerate() {
            let list = path.key("evidence");
            let epath = list.item(i);
            let Some(e) = &self.object(e, epath) else { continue };
            let source = self.required_string(e, "source", epath);
            // Quotes are verbatim: keep surrounding spaces, only refuse an empty one.
            let quote = self.required_string(e, "quote", epath);
            let translation = self.optional_text(e, "translation", epath);
            if let (Some(source), Some(quote)) = (source, quote) {
                evidence.push((i, source, Evidence { source: usize::MAX, quote, translation }));
            }
        }
        let flags =
            self.array(o, "flags", path, false).iter().enumerate().filter_map(|(i, f)| self.string(f, path.key("flags").item(i))).collect();
        let valid = id.is_some();
        RawNode {
            id: id.unwrap_or_default(),
            valid,
            parent,
            kind,
            relation,
            side,
            text: text.unwrap_or_default(),
            detail,
            evidence,
            flags,
            prompt,
            index,
        }
    }

    fn link<V: Json>(&mut self, v: &V, index: usize) -> Option<RawLink> {
        let list = Path::Root.key("links");
        let path = list.item(index);
        let o = &self.object(v, path)?;
        let from = self.required_string(o, "from", path);
        let to = self.required_string(o, "to", path);
        let relation = self.required(o, "relation", path).and(self.choice(
            o,
            "relation",
            path,
            &["contradicts", "agrees", "supports", "attacks"],
            &[LinkRelation::Contradicts, LinkRelation::Agrees, LinkRelation::Supports, LinkRelation::Attacks],
        ));
        let note = self.optional_text(o, "note", path);
        Some(RawLink { from: from?, to: to?, relation, note, index })
    }
}

// ---------------------------------------------------------------- stage 3: link and check the tree

fn link(raw: RawMap, problems: &mut Vec<Problem>) -> Option<ArgumentMap> {
    let mut ids: HashMap<String, NodeIdx> = HashMap::with_capacity(raw.nodes.len());
    let mut keep: Vec<bool> = raw.nodes.iter().map(|n| n.valid).collect();
    for (i, n) in raw.nodes.iter().enumerate() {
        if !n.valid {
            continue;
        }
        if let Some(&first) = ids.get(&n.id) {
            let kind = ProblemKind::DuplicateNode { id: n.id.clone(), first: entry("nodes", first) };
            problems.push(Problem::at(field_of("nodes", i, "id"), kind));
            keep[i] = false;
        } else {
            ids.insert(n.id.clone(), i);
        }
    }
    let source_ids: HashMap<&str, usize> = raw.sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let resolve = |problems: &mut Vec<Problem>, path: Path<'_>, id: &str| -> Option<NodeIdx> {
        let found = ids.get(id).copied();
        if found.is_none() {
            problems.push(Problem::at(path.render(), ProblemKind::UnknownNode { id: id.to_owned() }));
        }
        found
    };

    // A node whose parent is named but unknown is already reported; it is no second root.
    let names_parent: Vec<bool> = raw.nodes.iter().map(|n| n.parent.is_some()).collect();
    let mut nodes: Vec<Node> = Vec::with_capacity(raw.nodes.len());
    for raw_node in raw.nodes {
        let parent =
            raw_node.parent.as_deref().and_then(|p| resolve(problems, Path::Root.key("nodes").item(raw_node.index).key("parent"), p));
        let evidence = raw_node
            .evidence
            .into_iter()
            .filter_map(|(i, source, mut e)| match source_ids.get(source.as_str()) {
                Some(&s) => {
                    e.source = s;
                    Some(e)
                }
                None => {
                    let path = Path::Root.key("nodes").item(raw_node.index).key("evidence").item(i).key("source").render();
                    problems.push(Problem::at(path, ProblemKind::UnknownSource { id: source }));
                    None
                }
            })
            .collect();
        nodes.push(Node {
            id: raw_node.id,
            parent,
            children: Vec::new(),
            kind: raw_node.kind.unwrap_or(Kind::Claim),
            relation: raw_node.relation,
            explicit_side: raw_node.side,
            side: raw_node.side.unwrap_or(Side::Neutral),
            level: 0,
            group_start: false,
            text: raw_node.text,
            detail: raw_node.detail,
            evidence,
            flags: raw_node.flags,
            prompt: raw_node.prompt,
        });
    }

    let root = raw.root.as_deref().and_then(|r| resolve(problems, Path::Root.key("root"), r));
    if let Some(root) = root {
        if nodes[root].parent.is_some() {
            problems.push(Problem::at("root", ProblemKind::RootHasParent { root: nodes[root].id.clone() }));
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        if keep[i] && !names_parent[i] && Some(i) != root {
            let root_id = root.map(|r| nodes[r].id.as_str()).unwrap_or("?");
            problems.push(Problem::at(entry("nodes", i), ProblemKind::SecondRoot { id: n.id.clone(), root: root_id.to_owned() }));
        }
    }
    for i in 0..nodes.len() {
        if let (true, Some(p)) = (keep[i], nodes[i].parent) {
            nodes[p].children.push(i);
        }
    }

    let links = raw
        .links
        .into_iter()
        .filter_map(|l| {
            let from = resolve(problems, Path::Root.key("links").item(l.index).key("from"), &l.from);
            let to = resolve(problems, Path::Root.key("links").item(l.index).key("to"), &l.to);
            if from.is_some() && from == to {
                problems.push(Problem::at(field_of("links", l.index, "to"), ProblemKind::SelfLink));
            }
            Some(Link { from: from?, to: to?, relation: l.relation?, note: l.note })
        })
        .collect();
    let tour = raw
        .tour
        .into_iter()
        .filter_map(|(i, node, note, question)| {
            Some(TourStep { node: resolve(problems, Path::Root.key("tour").item(i).key("node"), &node)?, note, question })
        })
        .collect();

    let root = root?;
    let reached = derive_tree(&mut nodes, root);
    report_cycles(&nodes, &reached, &keep, problems);

    Some(ArgumentMap {
        id: raw.id,
        title: raw.title,
        summary: raw.summary,
        languages: raw.languages,
        sources: raw.sources,
        root,
        nodes,
        links,
        tour,
        side_names: raw.side_names,
        ids,
    })
}

/// Breadth-first from the root: default missing relations, sort children for display, set
/// levels, derive sides. Returns which nodes the root reaches; the others sit under a second
/// root or in a cycle.
fn derive_tree(nodes: &mut [Node], root: NodeIdx) -> Vec<bool> {
    let mut reached = vec![false; nodes.len()];
    reached[root] = true;
    nodes[root].level = 1;
    nodes[root].relation = None;
    nodes[root].side = nodes[root].explicit_side.unwrap_or(Side::Neutral);
    let mut queue = VecDeque::from([root]);
    while let Some(n) = queue.pop_front() {
        let mut children = std::mem::take(&mut nodes[n].children);
        // A root that names a parent closes a cycle through itself (reported as a problem);
        // the walk must still end.
        children.retain(|&c| !reached[c]);
        let (parent_kind, level, side) = (nodes[n].kind, nodes[n].level, nodes[n].side);
        for &c in &children {
            let child = &mut nodes[c];
            let relation = *child.relation.get_or_insert(match (parent_kind, child.kind) {
                (Kind::Question, _) | (_, Kind::Position) => Relation::Answers,
                _ => Relation::Supports,
            });
            child.level = level + 1;
            child.side = child.explicit_side.unwrap_or(match relation {
                Relation::Attacks => side.opposite(),
                _ => side,
            });
            reached[c] = true;
            queue.push_back(c);
        }
        // Display order: answers, then supports, then attacks; file order within each group.
        sort_by_rank(&mut children, |&c| nodes.get(c).and_then(|n| n.relation).map_or(0, |r| 1 + r as u64));
        for pair in children.windows(2) {
            nodes[pair[1]].group_start = nodes[pair[0]].relation != nodes[pair[1]].relation;
        }
        nodes[n].children = children;
    }
    reached
}

/// Every node the root does not reach but that has a parent lies in a cycle or hangs below one.
/// Walk up from each such node; report each cycle once, at its first node in file order.
fn report_cycles(nodes: &[Node], reached: &[bool], keep: &[bool], problems: &mut Vec<Problem>) {
    const UNSEEN: u8 = 0;
    const ON_WALK: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![UNSEEN; nodes.len()];
    for start in 0..nodes.len() {
        if reached[start] || !keep[start] || state[start] != UNSEEN {
            continue;
        }
        let mut walk = Vec::new();
        let mut cur = Some(start);
        while let Some(n) = cur {
            match state[n] {
                DONE => break,
                ON_WALK => {
                    let at = walk.iter().position(|&w| w == n).unwrap_or(0);
                    let cycle = &walk[at..];
                    let first = *cycle.iter().min().unwrap_or(&n);
                    let mut ids: Vec<String> = cycle.iter().map(|&c| nodes[c].id.clone()).collect();
                    ids.push(nodes[n].id.clone());
                    problems.push(Problem::at(format!("nodes[{first}].parent"), ProblemKind::Cycle { ids }));
                    break;
                }
                _ => {
                    state[n] = ON_WALK;
                    walk.push(n);
                    cur = nodes[n].parent;
                }
            }
        }
        for n in walk {
            state[n] = DONE;
        }
    }
}
