//! `argmap render`: the static, no-JavaScript fallback. Runs the built binary on real maps and on
//! a map full of markup, and reads the HTML back with a small tag scanner.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use argmap::model::load;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn argmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argmap")).args(args).current_dir(root()).output().expect("run argmap")
}

/// `argmap render …`, which must succeed; its stdout.
fn render(args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let out = argmap(&all);
    assert!(out.status.success(), "argmap {all:?} failed with {}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Every tag in `html`, in order. Enough for the renderer's own output: attribute values are
/// double-quoted, and a `<` in text is always escaped (which the tests check separately).
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>').expect("every tag is closed");
        let inner = &rest[..end];
        rest = &rest[end + 1..];
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(i) => (true, i),
            None => (false, inner),
        };
        let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut a = inner[name_end..].trim_start();
        while !a.is_empty() {
            let key_end = a.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(a.len());
            let key = a[..key_end].to_string();
            a = &a[key_end..];
            let value = if let Some(v) = a.strip_prefix("=\"") {
                let close = v.find('"').expect("a closing quote");
                a = &v[close + 1..];
                unescape(&v[..close])
            } else {
                String::new()
            };
            attrs.push((key, value));
            a = a.trim_start();
        }
        out.push(Tag { name, closing, attrs });
    }
    out
}

/// For every element with `data-node-id`: its id and the id of the nearest enclosing
/// `<details data-node-id>`; and the deepest nesting of `<details>`.
fn structure(html: &str) -> (Vec<(String, Option<String>)>, usize) {
    let mut open: Vec<Option<String>> = Vec::new(); // one entry per open <details>
    let mut nodes = Vec::new();
    let mut deepest = 0;
    for tag in tags(html) {
        if tag.name == "details" && tag.closing {
            open.pop().expect("</details> matches a <details>");
            continue;
        }
        if tag.closing {
            continue;
        }
        if let Some(id) = tag.attr("data-node-id") {
            let parent = open.iter().rev().flatten().next().cloned();
            nodes.push((id.to_string(), parent));
        }
        if tag.name == "details" {
            open.push(tag.attr("data-node-id").map(str::to_string));
            deepest = deepest.max(open.len());
        }
    }
    assert!(open.is_empty(), "every <details> is closed");
    (nodes, deepest)
}

/// The level of the deepest node that is a `<details>`: one with something to open.
fn expected_depth(map: &argmap::model::ArgumentMap) -> usize {
    let links = |i| map.links.iter().any(|l| l.from == i || l.to == i);
    (0..map.nodes.len())
        .filter(|&i| {
            let n = &map.nodes[i];
            !n.children.is_empty() || n.detail.is_some() || !n.evidence.is_empty() || !n.flags.is_empty() || links(i)
        })
        .map(|i| map.nodes[i].level)
        .max()
        .unwrap_or(0)
}

fn check_tree(file: &str, html: &str) {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let map = load(&text).unwrap_or_else(|p| panic!("{file} loads: {p:?}"));
    let (nodes, deepest) = structure(html);
    assert_eq!(nodes.len(), map.nodes.len(), "{file}: one element per node, each with data-node-id");
    for node in &map.nodes {
        let (_, parent) =
            nodes.iter().find(|(id, _)| *id == node.id).unwrap_or_else(|| panic!("{file}: node {:?} is missing from the HTML", node.id));
        let expected = node.parent.map(|p| map.nodes[p].id.clone());
        assert_eq!(parent, &expected, "{file}: node {:?} sits inside its parent's <details>", node.id);
    }
    assert_eq!(deepest, expected_depth(&map), "{file}: <details> nest as deep as the map");
}

#[test]
fn the_flagship_map_renders_whole_and_nested_like_the_map() {
    let html = render(&["www/maps/open-vs-closed.json", "--lang", "en"]);
    check_tree("www/maps/open-vs-closed.json", &html);
    let all = tags(&html);
    let root = all.iter().find(|t| t.name == "details").unwrap();
    assert_eq!(root.attr("data-node-id"), Some("q"));
    assert!(root.attr("open").is_some(), "the root starts open, so its positions show at once");
    let opened = all.iter().filter(|t| t.name == "details" && t.attr("open").is_some()).count();
    assert_eq!(opened, 1, "every other node starts closed: the reader opens it");
    // Evidence: every quote with its source line; English labels, the quote in its own language.
    let map = load(&std::fs::read_to_string(root_file("www/maps/open-vs-closed.json")).unwrap()).unwrap();
    let evidence: usize = map.nodes.iter().map(|n| n.evidence.len()).sum();
    let quotes: Vec<_> = all.iter().filter(|t| t.name == "blockquote" && !t.closing).collect();
    assert_eq!(quotes.len(), evidence, "one blockquote per evidence item");
    assert!(quotes.iter().all(|q| q.attr("lang").is_some_and(|l| l.starts_with("zh"))), "quotes carry their language");
    assert!(html.contains("Translation:") && html.contains("Source:"), "English labels");
    assert!(html.contains("A figure here is given without a source."), "flags in words, as the widget says them");
    assert!(html.contains(">Supports<") && html.contains(">Attacks<") && html.contains(">Closed<"), "relation and side in words");
}

fn root_file(file: &str) -> PathBuf {
    root().join(file)
}

#[test]
fn the_sample_map_renders_and_its_deepest_bare_leaf_is_no_details() {
    let html = render(&["www/maps/sample.json", "--lang=en"]);
    check_tree("www/maps/sample.json", &html);
    let leaf = tags(&html).into_iter().find(|t| t.attr("data-node-id") == Some("ban-distraction-silent-habit")).unwrap();
    // It has a cross-reference, so it opens.
    assert_eq!(leaf.name, "details");
    let bare = tags(&html).into_iter().find(|t| t.attr("data-node-id") == Some("ban-equal")).unwrap();
    assert_eq!(bare.name, "div", "a node with nothing to open is a plain block");
}

#[test]
fn markup_in_map_text_is_escaped_everywhere() {
    let html = render(&["cli/tests/fixtures/markup.json", "--lang", "en"]);
    check_tree("cli/tests/fixtures/markup.json", &html);
    let names: Vec<_> = tags(&html).into_iter().map(|t| t.name).collect();
    for forbidden in ["script", "style", "img", "b", "i", "u", "title"] {
        assert!(!names.iter().any(|n| n == forbidden), "map text became a <{forbidden}> element:\n{html}");
    }
    for escaped in [
        "Is &lt;script&gt;alert('title')&lt;/script&gt; &amp; co. safe?",
        "Position &lt;/details&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
        "Detail with &lt;style&gt;",
        "引文 &lt;b&gt;加粗&lt;/b&gt;",
        "A quote &lt;b&gt;bold&lt;/b&gt;",
        "Eve &lt;eve@example.com&gt;",
        "A note &lt;u&gt;underlined&lt;/u&gt;",
        "&lt;custom-flag&gt;",
    ] {
        assert!(html.contains(escaped), "expected {escaped:?} in:\n{html}");
    }
    let all = tags(&html);
    assert!(all.iter().all(|t| t.attr("style").is_none()), "no style attribute (strict CSP)");
    assert!(all.iter().all(|t| !t.attrs.iter().any(|(k, _)| k.starts_with("on"))), "no event handler attribute");
    // The node id with a quote stays one attribute value.
    assert!(all.iter().any(|t| t.attr("data-node-id") == Some("p\"1")));
    // Sources: a link only where there is an http(s) URL, and never with the opener.
    let links: Vec<_> = all.iter().filter(|t| t.name == "a" && !t.closing).collect();
    assert_eq!(links.len(), 1, "one source has a URL");
    assert_eq!(links[0].attr("href"), Some("https://example.com/a?b=1&c=\"2\""));
    assert_eq!(links[0].attr("rel"), Some("noopener noreferrer"));
    // The quote is zh-Hans, the reader English: the translation shows; an English quote has none.
    assert_eq!(html.matches("Translation:").count(), 1);
}

#[test]
fn the_language_follows_lang_and_defaults_to_the_map_first_language() {
    let zh = render(&["www/maps/sample.json", "--lang", "zh"]);
    assert!(zh.starts_with("<div lang=\"zh\""), "{}", &zh[..80]);
    assert!(zh.contains("课堂上应当禁止手机吗？") && zh.contains(">支持<") && zh.contains(">反驳<"));
    let default = render(&["www/maps/sample.json"]);
    assert_eq!(default, zh, "sample.json lists zh first");
    let en = render(&["www/maps/sample.json", "--lang", "en"]);
    assert!(en.contains("Should phones be banned in class?") && en.contains(">Supports<"));
    // A language the map does not have: the map's own text falls back and says so.
    let fr = render(&["www/maps/sample.json", "--lang", "fr"]);
    assert!(fr.contains("<span lang=\"zh\" class=\"am-fb-text\">课堂上应当禁止手机吗？</span>"), "{}", &fr[..600]);
}

#[test]
fn a_very_deep_map_renders_with_every_node() {
    let n = 2000;
    let mut nodes = vec![r#"{"id":"n0","kind":"question","text":"root"}"#.to_string()];
    for i in 1..n {
        nodes.push(format!(r#"{{"id":"n{i}","parent":"n{}","kind":"claim","side":"open","text":"node {i}","detail":"d"}}"#, i - 1));
    }
    let json =
        format!(r#"{{"format":"argmap/1","id":"deep","title":"deep","languages":["en"],"root":"n0","nodes":[{}]}}"#, nodes.join(","));
    let file = std::env::temp_dir().join(format!("argmap-deep-{}.json", std::process::id()));
    std::fs::write(&file, json).unwrap();
    let html = render(&[file.to_str().unwrap()]);
    std::fs::remove_file(&file).ok();
    let (found, deepest) = structure(&html);
    assert_eq!(found.len(), n, "every node is there");
    // Nesting stops at level 256; the deeper nodes are listed flat inside it, each still a
    // <details> of its own (their detail opens), so 257 at most.
    assert_eq!(deepest, 257);
    let n1999 = found.iter().find(|(id, _)| id == "n1999").unwrap();
    assert_eq!(n1999.1.as_deref(), Some("n255"), "listed inside the deepest nested node");
}

#[test]
fn a_broken_map_is_reported_like_validate_and_writes_nothing() {
    let file = std::env::temp_dir().join(format!("argmap-broken-{}.json", std::process::id()));
    std::fs::write(&file, r#"{"format":"argmap/1","id":"x","title":"t","languages":["en"],"root":"q","nodes":[{"id":"q","kind":"question","text":"q"},{"id":"a","parent":"nope","kind":"claim","text":"a"}]}"#).unwrap();
    let out = argmap(&["render", file.to_str().unwrap()]);
    std::fs::remove_file(&file).ok();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no partial HTML");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(":1:") && err.contains("nodes[1].parent: unknown node"), "{err}");
}

#[test]
fn usage_errors_exit_2_and_validate_still_works() {
    for args in [
        &["render"][..],
        &["render", "a.json", "b.json"],
        &["render", "a.json", "--lang"],
        &["render", "--bogus", "a.json"],
        &["render", "a.json", "--src", "x.json"],
        &["render", "a.json", "--shadow", "--src", "x.json"],
        &["render", "a.json", "--shadow", "--element"],
        &["render", "a.json", "--element=yes"],
        &[],
    ] {
        let out = argmap(args);
        assert_eq!(out.status.code(), Some(2), "argmap {args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("argmap validate") && err.contains("argmap render"), "usage names both commands: {err}");
    }
    let out = argmap(&["validate", "www/maps/sample.json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("www/maps/sample.json: ok, 11 nodes, 1 links"));
}

#[test]
fn the_element_carries_its_first_view_in_a_declarative_shadow_root() {
    let fallback = render(&["www/maps/sample.json", "--lang", "en"]);
    let element = render(&["www/maps/sample.json", "--lang", "en", "--element", "--src", "/maps/a b.json?x=1&y=\"2\""]);
    assert!(
        element.starts_with(
            "<argument-map lang=\"en\" src=\"/maps/a b.json?x=1&amp;y=&quot;2&quot;\"><template shadowrootmode=\"open\">\
<link rel=\"stylesheet\" href=\"/argmap/argmap.css\"><div class=\"am-first\">"
        ),
        "{}",
        &element[..300]
    );
    // One renderer: the first view is the fallback, whole.
    assert!(element.contains(fallback.trim()), "the first view is the fallback as `render` writes it");
    assert!(element.trim_end().ends_with("</div></template></argument-map>"));

    // Inline: the map as the element's JSON child, which no text in it can close early.
    let inline = render(&["cli/tests/fixtures/markup.json", "--lang", "en", "--element", "--base", "https://cdn.example/argmap"]);
    assert!(inline.contains("href=\"https://cdn.example/argmap/argmap.css\""));
    let json = inline.split("<script type=\"application/json\">").nth(1).and_then(|r| r.split("</script>").next()).expect("an inline map");
    assert!(!json.contains('<'), "no `<` inside the script element");
    let original = std::fs::read_to_string(root().join("cli/tests/fixtures/markup.json")).unwrap();
    assert_eq!(load(json).map(|m| m.id).ok(), load(&original).map(|m| m.id).ok(), "the inline map reads back as the file does");
    assert_eq!(load(json).unwrap().nodes.len(), load(&original).unwrap().nodes.len());

    // Only the shadow root, for an element the page writes itself; "." is beside the page.
    let shadow = render(&["www/maps/sample.json", "--lang", "en", "--shadow", "--base", "."]);
    assert!(shadow.starts_with("<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"./argmap.css\"><div class=\"am-first\">"));
    assert!(shadow.trim_end().ends_with("</template>") && shadow.contains(fallback.trim()));
}
