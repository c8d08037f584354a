//! The map as static HTML: the fallback for readers without JavaScript, which is also the first
//! view a page draws from its HTML before any script (see [`shadow`]). One renderer for the
//! command line (`argmap render`), the live editor's snippet and anything else that runs Rust
//! or its wasm; no web crates, no runtime: a string in, a string out.
//!
//! Every node is a `<details>` whose `<summary>` is its line (relation, side, text), so the
//! map still opens node by node with no script at all; nodes with nothing more to show are plain
//! blocks. No `style` attribute anywhere (a strict Content-Security-Policy forbids them): the
//! `am-fb-*` classes are styled by argmap.css (and argmap-fallback.css).
//!
//! The markup is what the command line's earlier renderer (Yew's server-side renderer) wrote,
//! attributes in the order below with `class` last, text escaping `&`, `<` and `>`, attribute
//! values `"` too; the root's answers come side by side ([`by_side`]). The blog engines' own
//! renderers are checked against it.

use std::fmt::Write as _;

use crate::model::{is_web_link, lang_base, ArgumentMap, Kind, LinkRelation, NodeIdx, Relation, Side};
use crate::strings::{side_name, strings};

/// How deep `<details>` nest. Below this level a subtree is listed flat, in reading order, inside
/// its deepest `<details>` (each node still carries `data-level`), so that a pathologically deep
/// map renders without deep recursion. Real maps are a few levels deep.
pub const MAX_NESTING: usize = 256;

/// The whole map in `lang` (else each text's own fallback language): title, summary, a line on
/// what this is, and the tree from its root (open).
pub fn render(map: &ArgumentMap, lang: &str) -> String {
    let mut out = Html(String::new());
    let (title, title_lang) = map.title.pick(lang);
    out.open("div", &[("lang", Some(lang)), ("data-map-id", Some(&map.id))], "am-fallback");
    out.open("p", &[("lang", title_lang)], "am-fb-title");
    out.raw("<strong>");
    out.text(title);
    out.raw("</strong></p>");
    if let Some(summary) = &map.summary {
        let (text, text_lang) = summary.pick(lang);
        out.element("p", &[("lang", text_lang)], "am-fb-summary", text);
    }
    out.element("p", &[], "am-fb-note", strings(lang).fallback_note);
    node(&mut out, map, map.root, lang, true, false);
    out.raw("</div>");
    out.0
}

/// The first view, drawn, as a declarative shadow root for the inside of an `<argument-map>`:
/// the widget's stylesheet (the built argmap.css holds the fallback's rules too) at `base` (the
/// folder argmap.css is served from: `/argmap/`; "" or "." beside the page) and [`render`]'s
/// fallback, which that sheet lays out as the first view (the question, the open side's answers
/// on one side and the closed side's on the other). The browser paints it from the HTML alone;
/// without JavaScript it opens node by node; with it, the widget draws itself beside it, unseen,
/// and takes its place once ready.
pub fn shadow(map: &ArgumentMap, lang: &str, base: &str) -> String {
    let base = match base.trim_end_matches('/') {
        "" if !base.starts_with('/') => ".",
        base => base,
    };
    format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}/argmap.css\"><div class=\"am-first\">{}</div></template>",
        attribute(base),
        render(map, lang)
    )
}

/// The whole `<argument-map>` element: its language, its map (`src` when given, else `map_text`
/// inline as its JSON child) and the first view in its [`shadow`] root.
pub fn element(map: &ArgumentMap, map_text: &str, lang: &str, base: &str, src: Option<&str>) -> String {
    let (source, inline) = match src {
        Some(src) => (format!(" src=\"{}\"", attribute(src)), String::new()),
        // `<` only ever stands inside a JSON string, where `\u003c` is the same character: then
        // no `</script>` or `<!--` in the map can end the script element early.
        None => (String::new(), format!("<script type=\"application/json\">{}</script>", map_text.trim().replace('<', "\\u003c"))),
    };
    format!("<argument-map lang=\"{}\"{source}>{}{inline}</argument-map>", attribute(lang), shadow(map, lang, base))
}

/// An HTML fragment under construction.
struct Html(String);

impl Html {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn text(&mut self, s: &str) {
        escape(s, false, &mut self.0);
    }

    /// `<tag a="…" … class="…">`: the attributes that have a value, in order, then the class.
    fn open(&mut self, tag: &str, attributes: &[(&str, Option<&str>)], class: &str) {
        let _ = write!(self.0, "<{tag}");
        for (name, value) in attributes {
            if let Some(value) = value {
                let _ = write!(self.0, " {name}=\"");
                escape(value, true, &mut self.0);
                self.0.push('"');
            }
        }
        if !class.is_empty() {
            let _ = write!(self.0, " class=\"{class}\"");
        }
        self.0.push('>');
    }

    /// A whole element holding only text.
    fn element(&mut self, tag: &str, attributes: &[(&str, Option<&str>)], class: &str, text: &str) {
        self.open(tag, attributes, class);
        self.text(text);
        let _ = write!(self.0, "</{tag}>");
    }
}

/// Text for HTML content (`&`, `<`, `>`), or for a double-quoted attribute value (`"` too).
fn escape(s: &str, in_attribute: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

fn attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape(s, true, &mut out);
    out
}

/// The subtree below `n`, depth first, without recursion.
fn descendants(map: &ArgumentMap, n: NodeIdx) -> Vec<NodeIdx> {
    let mut out = Vec::new();
    let mut stack: Vec<NodeIdx> = map.nodes[n].children.iter().rev().copied().collect();
    while let Some(n) = stack.pop() {
        out.push(n);
        stack.extend(map.nodes[n].children.iter().rev());
    }
    out
}

/// The root's answers side by side: the open side's, the closed side's, then the neutral ones,
/// each side in display order. The first view lays them out that way (open left, closed right,
/// the neutral band below), and a browser paints a shadow root while it is still parsing it: in
/// this order, what arrives later never pushes what is already painted.
fn by_side(map: &ArgumentMap, children: &[NodeIdx]) -> Vec<NodeIdx> {
    let rank = |c: &NodeIdx| match map.nodes[*c].side {
        Side::Open => 0,
        Side::Closed => 1,
        Side::Neutral => 2,
    };
    let mut sorted = children.to_vec();
    sorted.sort_by_key(rank);
    sorted
}

/// One node: a `<details>` whose `<summary>` is the node's line (its relation to its parent, its
/// side and its text, all in words), and whose body holds the detail, the evidence, the flags,
/// the cross-references and then the children (`flat`: the parent lists them). A node with none
/// of these is a plain block.
fn node(out: &mut Html, map: &ArgumentMap, n: NodeIdx, lang: &str, open: bool, flat: bool) {
    let s = strings(lang);
    let item = &map.nodes[n];
    let level = item.level.to_string();
    let attributes = [
        ("data-node-id", Some(item.id.as_str())),
        ("data-kind", Some(item.kind.as_str())),
        ("data-side", Some(item.side.as_str())),
        ("data-level", Some(level.as_str())),
    ];
    let has_links = map.links.iter().any(|l| l.from == n || l.to == n);
    let children_here = !item.children.is_empty() && !flat;
    let has_body = children_here || item.detail.is_some() || !item.evidence.is_empty() || !item.flags.is_empty() || has_links;
    let line = |out: &mut Html| {
        // As in the widget: "answers" goes without saying, and the root has no relation.
        if let Some(r) = item.relation.filter(|&r| r != Relation::Answers && item.kind != Kind::Question) {
            out.element("span", &[("data-relation", Some(r.as_str()))], "am-fb-rel", s.relation(r));
            out.raw(" · ");
        }
        if item.kind != Kind::Question {
            out.element("span", &[("data-side", Some(item.side.as_str()))], "am-fb-side", side_name(map, item.side, lang));
            out.raw(" · ");
        }
        let (text, text_lang) = item.text.pick(lang);
        out.element("span", &[("lang", text_lang)], "am-fb-text", text);
    };
    if !has_body {
        out.open("div", &attributes, "am-fb-node am-fb-leaf");
        out.open("p", &[], "am-fb-line");
        line(out);
        out.raw("</p></div>");
        return;
    }
    let mut details = attributes.to_vec();
    details.push(("open", open.then_some("open")));
    out.open("details", &details, "am-fb-node");
    out.open("summary", &[], "am-fb-line");
    line(out);
    out.raw("</summary>");
    out.open("div", &[], "am-fb-body");
    if let Some(detail) = &item.detail {
        let (text, text_lang) = detail.pick(lang);
        out.element("p", &[("lang", text_lang)], "am-fb-detail", text);
    }
    if !item.evidence.is_empty() {
        out.element("p", &[], "am-fb-label", s.fallback_evidence);
        out.open("ul", &[], "am-fb-evidence-list");
        for i in 0..item.evidence.len() {
            evidence(out, map, n, i, lang);
        }
        out.raw("</ul>");
    }
    if !item.flags.is_empty() {
        out.open("div", &[], "am-fb-flags");
        out.element("p", &[], "am-fb-label", s.fallback_read_critically);
        out.raw("<ul>");
        for flag in &item.flags {
            out.element("li", &[("data-flag", Some(flag))], "", s.flag(flag));
        }
        out.raw("</ul></div>");
    }
    if has_links {
        cross_references(out, map, n, lang);
    }
    if children_here {
        let flat = item.level >= MAX_NESTING;
        let shown = if flat {
            descendants(map, n)
        } else if n == map.root {
            by_side(map, &item.children)
        } else {
            item.children.clone()
        };
        out.open("div", &[], "am-fb-children");
        for c in shown {
            node(out, map, c, lang, false, flat);
        }
        out.raw("</div>");
    }
    out.raw("</div></details>");
}

/// One piece of evidence: the verbatim quote (marked with its own language), its translation
/// when the reader's language is another, and its source: title (a link only to an http(s)
/// URL), author, date.
fn evidence(out: &mut Html, map: &ArgumentMap, n: NodeIdx, index: usize, lang: &str) {
    let w = strings(lang);
    let evidence = &map.nodes[n].evidence[index];
    let source = &map.sources[evidence.source];
    out.open("li", &[("data-source", Some(&source.id))], "am-fb-evidence");
    out.element("blockquote", &[("lang", Some(&source.lang))], "am-fb-quote", &evidence.quote);
    if let Some(translation) = evidence.translation.as_ref().filter(|_| lang_base(&source.lang) != lang_base(lang)) {
        let (text, text_lang) = translation.pick(lang);
        out.open("p", &[], "am-fb-translation");
        out.element("span", &[], "am-fb-label", w.fallback_translation);
        out.raw(" ");
        out.element("span", &[("lang", text_lang)], "", text);
        out.raw("</p>");
    }
    out.open("p", &[], "am-fb-source");
    out.element("span", &[], "am-fb-label", w.fallback_source);
    out.raw(" ");
    // The loader refuses any other scheme; checked again here because this is a link.
    let link = source.url.as_deref().filter(|u| is_web_link(u));
    if let Some(href) = link {
        out.open("a", &[("href", Some(href)), ("rel", Some("noopener noreferrer"))], "");
    }
    let (title, title_lang) = source.title.pick(lang);
    out.element("cite", &[("lang", title_lang)], "", title);
    if link.is_some() {
        out.raw("</a>");
    }
    if let Some(author) = &source.author {
        out.text(w.comma);
        out.element("span", &[], "am-fb-author", author);
    }
    if let Some(date) = &source.published {
        out.text(w.comma);
        out.element("time", &[], "am-fb-date", date);
    }
    out.raw("</p></li>");
}

/// The map's cross-references that touch this node, from either end: the other node's text
/// and the link's note.
fn cross_references(out: &mut Html, map: &ArgumentMap, n: NodeIdx, lang: &str) {
    let s = strings(lang);
    out.open("ul", &[], "am-fb-links");
    for link in map.links.iter().filter(|l| l.from == n || l.to == n) {
        let other = if link.from == n { link.to } else { link.from };
        let (relation, word) = match link.relation {
            LinkRelation::Contradicts => ("contradicts", s.contradicts),
            LinkRelation::Agrees => ("agrees", s.agrees),
            LinkRelation::Supports if link.from == n => ("supports", s.link_supports),
            LinkRelation::Supports => ("supported-by", s.link_supported_by),
            LinkRelation::Attacks if link.from == n => ("attacks", s.link_attacks),
            LinkRelation::Attacks => ("attacked-by", s.link_attacked_by),
        };
        out.open("li", &[("data-relation", Some(relation)), ("data-other", Some(&map.nodes[other].id))], "am-fb-link");
        out.element("span", &[], "am-fb-label", word);
        out.raw(" ");
        let (text, text_lang) = map.nodes[other].text.pick(lang);
        out.element("q", &[("lang", text_lang)], "", text);
        if let Some(note) = &link.note {
            let (note, note_lang) = note.pick(lang);
            out.raw(" — ");
            out.element("span", &[("lang", note_lang)], "am-fb-link-note", note);
        }
        out.raw("</li>");
    }
    out.raw("</ul>");
}
