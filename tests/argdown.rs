//! The Argdown importer: each construct of the syntax, whole debates, and hostile input.
//! Syntax as argdown.org documents it; the test debates are written for these tests.
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::*;

fn messages(imported: &Imported) -> String {
    imported.diagnostics.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
}

fn ok(text: &str) -> ArgumentMap {
    let imported = import_argdown(text);
    match imported.map {
        Some(map) => map,
        None => panic!("expected a map; diagnostics:\n{}", messages(&imported)),
    }
}

fn node<'m>(map: &'m ArgumentMap, id: &str) -> &'m Node {
    &map.nodes[map.node_index(id).unwrap_or_else(|| panic!("no node {id}; ids: {:?}", map.nodes.iter().map(|n| &n.id).collect::<Vec<_>>()))]
}

fn parent_of<'m>(map: &'m ArgumentMap, id: &str) -> Option<&'m str> {
    node(map, id).parent.map(|p| map.nodes[p].id.as_str())
}

fn warnings(text: &str) -> Vec<Diagnostic> {
    import_argdown(text).diagnostics.into_iter().filter(|d| d.severity == Severity::Warning).collect()
}

fn errors(text: &str) -> Vec<Diagnostic> {
    let imported = import_argdown(text);
    assert!(imported.map.is_none(), "errors mean no map");
    imported.diagnostics.into_iter().filter(|d| d.is_error()).collect()
}

#[test]
fn statement_definitions_references_and_arguments() {
    let map = ok("[Thesis]: Cities should ban cars.\n  + <Air>: Cars foul the air.\n  - [Jobs]: Car plants employ many.\n\n[Jobs]\n  - <Robots>: The plants are automated anyway.");
    assert_eq!(map.nodes[map.root].id, "Thesis");
    assert_eq!(node(&map, "Thesis").text.get("en"), "Cities should ban cars.");
    assert_eq!(node(&map, "Air").relation, Some(Relation::Supports));
    assert_eq!(node(&map, "Jobs").relation, Some(Relation::Attacks));
    // The reference [Jobs] in the second tree adds to the same node.
    assert_eq!(parent_of(&map, "Robots"), Some("Jobs"));
    assert_eq!(map.nodes.len(), 4);
}

#[test]
fn untitled_statements_get_ids_and_multi_line_text_is_joined() {
    let map = ok("Cars should go.\n  + They are loud\n  and they are\n  dangerous.");
    assert_eq!(map.nodes.len(), 2);
    let child = &map.nodes[map.nodes[map.root].children[0]];
    assert_eq!(child.text.get("en"), "They are loud and they are dangerous.");
    assert!(child.id.starts_with("statement-"));
}

#[test]
fn every_relation_symbol() {
    let text = "[a]: A.\n  + [s1]: plus\n  <+ [s2]: explicit plus\n  - [t1]: minus\n  <- [t2]: explicit minus\n  _ [u1]: undercut\n  <_ [u2]: explicit undercut\n\n[b]: B.\n  +> [a]\n  -> [s1]\n  _> [s2]\n  >< [t1]";
    let imported = import_argdown(text);
    let map = imported.map.as_ref().unwrap_or_else(|| panic!("{}", messages(&imported)));
    for (id, relation) in [
        ("s1", Relation::Supports),
        ("s2", Relation::Supports),
        ("t1", Relation::Attacks),
        ("t2", Relation::Attacks),
        ("u1", Relation::Attacks),
        ("u2", Relation::Attacks),
    ] {
        assert_eq!(parent_of(map, id), Some("a"), "{id}");
        assert_eq!(node(map, id).relation, Some(relation), "{id}");
    }
    // Two trees: a question-less root is made above a and b.
    assert_eq!(parent_of(map, "a"), Some("root"));
    let links: Vec<(&str, &str, LinkRelation)> =
        map.links.iter().map(|l| (map.nodes[l.from].id.as_str(), map.nodes[l.to].id.as_str(), l.relation)).collect();
    assert_eq!(
        links,
        vec![
            ("b", "a", LinkRelation::Supports),
            ("b", "s1", LinkRelation::Attacks),
            ("b", "s2", LinkRelation::Attacks),
            ("b", "t1", LinkRelation::Contradicts)
        ]
    );
}

#[test]
fn a_relation_to_a_node_placed_elsewhere_is_a_cross_link() {
    let map = ok("[T]: t\n  + [A]: a\n  + [B]: b\n    - [A]");
    assert_eq!(parent_of(&map, "A"), Some("T"));
    let l = &map.links[0];
    assert_eq!((map.nodes[l.from].id.as_str(), map.nodes[l.to].id.as_str(), l.relation), ("A", "B", LinkRelation::Attacks));
}

#[test]
fn deep_nesting_by_indentation() {
    let map = ok("[s1]: S\n    + <a>: A\n        - <b>: B\n            + <c>: C\n        + <d>: D\n    - <e>: E");
    assert_eq!(parent_of(&map, "b"), Some("a"));
    assert_eq!(parent_of(&map, "c"), Some("b"));
    assert_eq!(parent_of(&map, "d"), Some("a"));
    assert_eq!(parent_of(&map, "e"), Some("s1"));
}

#[test]
fn mentions_become_plain_text_and_unknown_ones_warn() {
    let imported = import_argdown("[N]: God is dead.\n\n[W]: I doubt @[N] and @<Nowhere>.");
    let map = imported.map.as_ref().unwrap();
    assert_eq!(node(map, "W").text.get("en"), "I doubt N and Nowhere.");
    let w: Vec<_> = imported.diagnostics.iter().filter(|d| d.message.contains("@<Nowhere>")).collect();
    assert_eq!((w.len(), w[0].line, w[0].column), (1, 3, 23));
}

#[test]
fn tags_become_flags_and_leave_the_text() {
    let map = ok("[T]: Phones distract. #attention #(long term) #unsourced-figure");
    let t = node(&map, "T");
    assert_eq!(t.text.get("en"), "Phones distract.");
    assert_eq!(t.flags, vec!["attention", "long term", "unsourced-figure"]);
}

#[test]
fn bold_and_italic_are_kept_as_plain_text() {
    let map = ok("[T]: This is **bold**, __also bold__, *italic* and _italic_, but snake_case and 2*3 stay.");
    assert_eq!(node(&map, "T").text.get("en"), "This is bold, also bold, italic and italic, but snake_case and 2*3 stay.");
}

#[test]
fn escapes_keep_special_characters_literally() {
    let map = ok(r"[T]: Not a \#tag, not \*italic\*, a \{brace\} and a \[bracket\].");
    assert_eq!(node(&map, "T").text.get("en"), "Not a #tag, not *italic*, a {brace} and a [bracket].");
}

#[test]
fn comments_of_all_three_kinds_are_ignored() {
    let map = ok(
        "// a line comment\n[T]: Text /* inline */ goes on // to here\n<!-- an html\ncomment -->\n  + [A]: a https://example.org/x stays",
    );
    assert_eq!(node(&map, "T").text.get("en"), "Text goes on");
    assert_eq!(node(&map, "A").text.get("en"), "a https://example.org/x stays");
    assert_eq!(parent_of(&map, "A"), Some("T"), "a comment line does not end the tree");
}

#[test]
fn front_matter_sets_the_map_fields() {
    let map = ok("===\ntitle: Ban cars?\nid: cars\nauthor: Someone\nlanguages: [en, de]\nsummary: {en: About cars, de: Über Autos}\n===\n\n[T]: Cars should go.");
    assert_eq!(map.id, "cars");
    assert_eq!(map.title.get("en"), "Ban cars?");
    assert_eq!(map.languages, vec!["en", "de"]);
    assert_eq!(map.summary.as_ref().unwrap().get("de"), "Über Autos");
}

#[test]
fn inline_data_carries_argmap_fields() {
    let text = "===\ntitle: T\nsources:\n  - {id: \"001\", title: Article one, lang: zh}\n===\n\n[Q]: Open or closed?\n  + [P]: Open wins. {side: open, source: \"001\", quote: \"开源将胜\", translation: \"open will win\", flags: [unsourced-figure]}\n    - [C]: Not so. {detail: \"A longer reason.\", text: {zh: 不是这样}}";
    let map = ok(text);
    assert_eq!(node(&map, "Q").kind, Kind::Question);
    let p = node(&map, "P");
    assert_eq!((p.kind, p.relation, p.side), (Kind::Position, Some(Relation::Answers), Side::Open));
    assert_eq!(p.evidence.len(), 1);
    assert_eq!(p.evidence[0].quote, "开源将胜");
    assert_eq!(p.evidence[0].translation.as_ref().unwrap().get("en"), "open will win");
    assert_eq!(p.flags, vec!["unsourced-figure"]);
    let c = node(&map, "C");
    assert_eq!((c.side, c.text.get("zh"), c.text.get("en")), (Side::Closed, "不是这样", "Not so."));
    assert_eq!(c.detail.as_ref().unwrap().get("en"), "A longer reason.");
}

#[test]
fn block_yaml_inline_data() {
    let map = ok("[T]: Text {\nside: open\nflags:\n  - one\n  - two\n}");
    assert_eq!(node(&map, "T").flags, vec!["one", "two"]);
    assert_eq!(node(&map, "T").explicit_side, Some(Side::Open));
}

#[test]
fn headings_are_groups() {
    let map = ok("===\ntitle: Phones in class\n===\n\n# Against {side: closed}\n\n[Distract]: They distract.\n\n# For {side: open}\n\n[Tools]: They are tools.");
    let root = &map.nodes[map.root];
    assert_eq!((root.kind, root.text.get("en")), (Kind::Question, "Phones in class"));
    let groups: Vec<&str> = root.children.iter().map(|&c| map.nodes[c].text.get("en")).collect();
    assert_eq!(groups, vec!["Against", "For"]);
    assert_eq!(map.nodes[root.children[0]].kind, Kind::Position);
    assert_eq!(map.nodes[map.nodes[root.children[0]].children[0]].id, "Distract");
    assert_eq!(node(&map, "Tools").side, Side::Open);
}

#[test]
fn a_premise_conclusion_structure_becomes_the_argument_with_its_premises() {
    let text = "[God]: God exists.\n  + <Design>\n\n<Design>\n\n(1) The world seems designed.\n(2) Design is best explained by a designer.\n-----\n(3) A designer exists.\n(4) The only designer could be God.\n----\n(5) God exists, finally.";
    let map = ok(text);
    let design = node(&map, "Design");
    // No description: the main conclusion is its text.
    assert_eq!(design.text.get("en"), "God exists, finally.");
    let kids: Vec<&str> = design.children.iter().map(|&c| map.nodes[c].text.get("en")).collect();
    assert_eq!(kids, vec!["A designer exists.", "The only designer could be God."]);
    let intermediate = &map.nodes[design.children[0]];
    let grand: Vec<&str> = intermediate.children.iter().map(|&c| map.nodes[c].text.get("en")).collect();
    assert_eq!(grand, vec!["The world seems designed.", "Design is best explained by a designer."]);
    assert!(intermediate.children.iter().all(|&c| map.nodes[c].relation == Some(Relation::Supports)));
}

#[test]
fn a_described_argument_keeps_its_conclusion_as_detail() {
    let map = ok("<A>: Short sketch.\n\n(1) p\n----\n(2) c");
    let a = node(&map, "A");
    assert_eq!((a.text.get("en"), a.detail.as_ref().map(|d| d.get("en"))), ("Short sketch.", Some("c")));
}

#[test]
fn relations_below_premises_and_inferences() {
    let map = ok("[T]: t\n  + <A>\n\n<A>\n\n(1) p1\n    - <B>: objection to p1\n(2) p2\n----\n    _ <U>: undercut\n(3) c");
    let p1 = map.nodes.iter().find(|n| n.text.get("en") == "p1").unwrap();
    assert_eq!(node(&map, "B").parent, map.node_index(&p1.id));
    assert_eq!(parent_of(&map, "U"), Some("A"));
    assert_eq!(node(&map, "U").relation, Some(Relation::Attacks));
}

#[test]
fn an_anonymous_structure_is_an_argument_of_its_own() {
    let map = ok("[T]: t\n\n(1) p\n----\n(2) c");
    assert_eq!(map.nodes.len(), 4, "root, T, the argument, its premise");
}

#[test]
fn crlf_bom_and_tabs() {
    let map = ok("\u{feff}[T]: t\r\n\t+ [A]: a\r\n\t\t- [B]: b\r\n");
    assert_eq!(parent_of(&map, "B"), Some("A"));
    assert_eq!(node(&map, "T").text.get("en"), "t");
}

#[test]
fn tabs_mixed_with_spaces_warn_with_the_line() {
    let w = warnings("[T]: t\n  + [A]: a\n\t- [B]: b\n \t+ [C]: c");
    assert!(w.iter().any(|d| d.line == 3 && d.message.contains("tabs")), "{w:?}");
    assert!(w.iter().any(|d| d.line == 4 && d.message.contains("mixes tabs and spaces")), "{w:?}");
}

#[test]
fn a_title_defined_twice_warns_and_keeps_the_first() {
    let imported = import_argdown("[T]: first\n\n[T]: second");
    let map = imported.map.as_ref().unwrap();
    assert_eq!(node(map, "T").text.get("en"), "first");
    let d = &imported.diagnostics[0];
    assert_eq!((d.severity, d.line, d.column), (Severity::Warning, 3, 1));
    assert!(d.message.contains("first at 1:1"), "{}", d.message);
}

#[test]
fn a_reference_to_nothing_warns_and_uses_its_title() {
    let imported = import_argdown("[T]: t\n  + <Ontological proof>");
    let map = imported.map.as_ref().unwrap();
    assert_eq!(node(map, "Ontological proof").text.get("en"), "Ontological proof");
    assert!(imported.diagnostics.iter().any(|d| d.line == 2 && d.message.contains("never defined")), "{}", messages(&imported));
}

#[test]
fn a_cycle_of_relations_warns() {
    let imported = import_argdown("<a>: A\n    - <b>: B\n        + <c>: C\n            - <a>");
    let map = imported.map.as_ref().unwrap_or_else(|| panic!("{}", messages(&imported)));
    assert_eq!(map.links.len(), 1);
    assert!(imported.diagnostics.iter().any(|d| d.line == 4 && d.message.contains("cycle")), "{}", messages(&imported));
}

#[test]
fn a_cycle_with_no_way_in_is_placed_below_the_root() {
    let imported = import_argdown("[T]: t\n\n[A]: a\n  + [B]: b\n\n[B]\n  + [A]");
    assert!(imported.map.is_some(), "{}", messages(&imported));
    assert!(imported.diagnostics.iter().any(|d| d.message.contains("no way in")), "{}", messages(&imported));
}

#[test]
fn syntax_errors_have_positions() {
    let e = errors("===\ntitle: x\n\n[T]: t");
    assert_eq!((e[0].line, e[0].column), (1, 1));
    assert!(e[0].message.contains("front matter"));
    let e = errors("[T]: t {side: open");
    assert_eq!((e[0].line, e[0].column), (1, 8));
    let e = errors("[T: t");
    assert_eq!((e[0].line, e[0].column), (1, 1));
    let e = errors("  + [A]: no parent");
    assert!(e[0].message.contains("line above"));
    let e = errors("(1) only a premise");
    assert!(e[0].message.contains("conclusion"));
    let e = errors("[T]: t {side: sideways}");
    assert!(e.iter().any(|d| d.line == 1 && d.message.contains("sideways")), "{e:?}");
}

#[test]
fn binary_junk_is_one_clear_error() {
    let junk: String = (0u8..=255).map(char::from).cycle().take(5000).collect();
    let e = errors(&junk);
    assert_eq!(e.len(), 1);
    assert!(e[0].message.contains("text file"));
}

#[test]
fn five_thousand_levels_of_indentation() {
    let mut text = String::from("[n0]: root\n");
    for i in 1..5000 {
        text.push_str(&" ".repeat(i));
        text.push_str(&format!("+ [n{i}]: level {i}\n"));
    }
    let map = ok(&text);
    assert_eq!(node(&map, "n4999").level, 5000);
}

#[test]
fn ten_megabytes_import_without_trouble() {
    let mut text = String::from("[T]: root\n");
    let mut i = 0;
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(&format!(
            "  + [c{i}]: claim number {i} with a longer text to fill the file up quickly and then some more words here\n"
        ));
        i += 1;
    }
    let imported = import_argdown(&text);
    // Too big for a map: refused by the loader, with its message, and no panic or hang.
    assert!(imported.map.is_none());
    assert!(imported.diagnostics.iter().any(|d| d.is_error() && d.message.contains("refused")), "{:?}", imported.diagnostics.first());
}

#[test]
fn unterminated_brackets_everywhere_do_not_panic() {
    for text in ["[", "<", "{", "#(", "[T]: {a: [1, 2", "[T]: \"{", "(1) [a\n----\n(2) <b", "===\n===", "[T]: t\n  + {", "@[", "\\"] {
        let _ = import_argdown(text);
    }
}

#[test]
fn a_whole_debate() {
    let text = include_str!("fixtures/argdown/phones.argdown");
    let imported = import_argdown(text);
    let map = imported.map.as_ref().unwrap_or_else(|| panic!("{}", messages(&imported)));
    assert_eq!(map.title.get("en"), "Should schools ban phones in class?");
    assert_eq!(node(map, "Ban").kind, Kind::Position);
    assert_eq!(node(map, "Ban").side, Side::Closed);
    assert_eq!(node(map, "Self-control").side, Side::Open, "an attack on a closed-side claim is open");
    assert_eq!(node(map, "Distraction").evidence[0].quote, "students glanced at phones 37 times per lesson");
    assert_eq!(
        node(map, "Distraction").text.get("en"),
        "Phones pull attention away from the lesson; pupils check messages dozens of times an hour."
    );
    assert_eq!(node(map, "Distraction").detail.as_ref().unwrap().get("en"), "Notifications reduce attention to the lesson.");
    assert_eq!(map.sources.len(), 2);
    assert_eq!(map.links.len(), 1, "the contradiction; the repeated attack is the tree edge");
    assert_eq!(map.links[0].relation, LinkRelation::Contradicts);
}

#[test]
fn a_wrong_kind_in_the_data_is_an_error_at_its_line() {
    let e = errors("[T]: t\n  + [A]: a {kind: nonsense}");
    assert!(e.iter().any(|d| d.line == 2 && d.message.contains("nonsense")), "{e:?}");
}

#[test]
fn list_items_are_statements_of_their_own() {
    let map = ok("===\ntitle: Central statements\n===\n\n * [N]: God is dead.\n * [D]: The world is\n   intelligently designed.\n\n1. [P]: We have the idea of a perfect being.");
    assert_eq!(node(&map, "D").text.get("en"), "The world is intelligently designed.");
    assert_eq!(map.nodes[map.root].children.len(), 3);
}

/// Found by the fuzz target: a quoted title holding `\"` and `: ` was read as a nested mapping.
#[test]
fn a_quoted_front_matter_value_may_hold_escaped_quotes_and_colons() {
    let map = ok("===\ntitle: \"A: \\\"B: c\\\" d\"\n===\n\n[T]: t");
    assert_eq!(map.title.get("en"), "A: \"B: c\" d");
}

/// Found by the fuzz target: a brace in a title opened inline data that swallowed the tree.
#[test]
fn a_brace_in_a_title_opens_no_data() {
    let map = ok("[B{n]: t\n  + [A}x]: a\n    - [c]: c {side: open}\n<!-- a comment -->\n  - [d]: d");
    assert_eq!(parent_of(&map, "c"), Some("A}x"));
    assert_eq!(parent_of(&map, "d"), Some("B{n"));
}

/// Issue #12: a bilingual title named the generated question in one language only (and, with
/// `zh` listed first, put the English words under `zh`).
#[test]
fn a_title_in_several_languages_names_the_question_in_each() {
    let trees = "\n\n[Ban]: Schools should ban phones.\n\n[Allow]: Schools should let pupils keep phones.";
    for languages in ["[en, zh]", "[zh, en]"] {
        let text = format!("===\ntitle: {{en: \"Phones in class\", zh: \"课堂上的手机\"}}\nlanguages: {languages}\n==={trees}");
        let map = ok(&text);
        let question = &map.nodes[map.root];
        assert_eq!(question.kind, Kind::Question);
        assert_eq!((question.text.get("en"), question.text.get("zh")), ("Phones in class", "课堂上的手机"), "{languages}");
        assert_eq!((map.title.get("en"), map.title.get("zh")), ("Phones in class", "课堂上的手机"), "{languages}");
    }
    // A plain title is the question's text in the map's first language.
    let map = ok(&format!("===\ntitle: 课堂上的手机\nlanguages: [zh, en]\n==={trees}"));
    assert!(map.nodes[map.root].text.has("zh") && !map.nodes[map.root].text.has("en"));
    assert_eq!(map.nodes[map.root].text.get("zh"), "课堂上的手机");
}

/// Issue #12: a statement right below a relation line, with no blank line, was joined to the
/// relation's text and its data given to that member.
#[test]
fn a_statement_right_after_a_relation_line_is_a_new_tree_with_a_warning() {
    let text = "===\ntitle: Phones in class?\nsides: {open: Allow, closed: Ban}\n===\n\n[Ban]: Schools should ban phones. {side: closed}\n  + <Distraction>: Phones pull attention away.\n[Allow]: Schools should let pupils keep phones. {side: open}\n  + <Tools>: Phones are calculators.\n<Noise>: Ringing phones disturb everyone.";
    let imported = import_argdown(text);
    let map = imported.map.as_ref().unwrap_or_else(|| panic!("{}", messages(&imported)));
    assert_eq!(node(map, "Distraction").text.get("en"), "Phones pull attention away.");
    assert_eq!(node(map, "Distraction").side, Side::Closed, "the data after [Allow] is not Distraction's");
    let allow = node(map, "Allow");
    assert_eq!((allow.kind, allow.side), (Kind::Position, Side::Open));
    assert_eq!(allow.text.get("en"), "Schools should let pupils keep phones.");
    assert_eq!(parent_of(map, "Allow"), parent_of(map, "Ban"));
    assert_eq!(parent_of(map, "Tools"), Some("Allow"));
    assert_eq!(node(map, "Noise").text.get("en"), "Ringing phones disturb everyone.");
    assert_eq!(parent_of(map, "Noise"), Some(map.nodes[map.root].id.as_str()));
    let blank_line: Vec<_> = imported.diagnostics.iter().filter(|d| d.message.contains("blank line before it")).collect();
    assert_eq!(
        blank_line.iter().map(|d| (d.severity, d.line, d.column)).collect::<Vec<_>>(),
        [(Severity::Warning, 8, 1), (Severity::Warning, 10, 1)]
    );
    assert!(blank_line[0].message.contains("line 7"), "{}", blank_line[0]);
    // Two titled statements on consecutive lines are two statements too.
    let imported = import_argdown("[A]: First claim.\n[B]: Second claim.");
    let map = imported.map.as_ref().unwrap_or_else(|| panic!("{}", messages(&imported)));
    assert_eq!((node(map, "A").text.get("en"), node(map, "B").text.get("en")), ("First claim.", "Second claim."));
    assert!(imported.diagnostics.iter().any(|d| (d.line, d.column) == (2, 1) && d.message.contains("blank line")));
}

#[test]
fn an_unindented_plain_line_after_a_relation_goes_on_with_its_text_and_warns() {
    // As in Argdown (a text runs until a blank line), but the author hears of it once.
    let text = "[T]: Cars should go.\n  + [A]: They are loud\nand they are\ndangerous. {flags: [noise]}";
    let imported = import_argdown(text);
    let map = imported.map.as_ref().unwrap_or_else(|| panic!("{}", messages(&imported)));
    assert_eq!(node(map, "A").text.get("en"), "They are loud and they are dangerous.");
    assert_eq!(node(map, "A").flags, ["noise"]);
    assert_eq!(map.nodes.len(), 2);
    let w = warnings(text);
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!((w[0].line, w[0].column), (3, 1));
    assert!(w[0].message.contains("line 2") && w[0].message.contains("blank line"), "{}", w[0]);
}

#[test]
fn continuation_lines_that_are_meant_keep_working_without_warnings() {
    let text = "[T]: Cars should go,\nsays the council,\n#urban\n  + [A]: They are loud\n  and they are\n    dangerous.\n    - [B]: Electric cars\n    are quiet. {flags: [ev]}\n  - [C]: Buses are [loud](https://example.org) too.\n  [link](https://example.org/x) says so.";
    let imported = import_argdown(text);
    let map = imported.map.as_ref().unwrap_or_else(|| panic!("{}", messages(&imported)));
    assert!(imported.diagnostics.is_empty(), "{}", messages(&imported));
    assert_eq!(node(map, "T").text.get("en"), "Cars should go, says the council,");
    assert_eq!(node(map, "T").flags, ["urban"]);
    assert_eq!(node(map, "A").text.get("en"), "They are loud and they are dangerous.");
    assert_eq!((node(map, "B").text.get("en"), parent_of(map, "B")), ("Electric cars are quiet.", Some("A")));
    assert_eq!(node(map, "B").flags, ["ev"]);
    assert_eq!(map.nodes.len(), 4);
}

#[test]
fn a_title_with_no_relation_symbol_inside_a_tree_warns() {
    let text = "[T]: Cars should go.\n  + [A]: They are loud.\n  [B]: Electric cars are quiet.";
    let w = warnings(text);
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!((w[0].line, w[0].column), (3, 3));
    assert!(w[0].message.contains("relation symbol") && w[0].message.contains("line 2"), "{}", w[0]);
}

#[test]
fn a_statement_right_after_a_premise_conclusion_structure_is_a_new_tree() {
    let text =
        "<Arg>: Phones help.\n\n(1) Phones hold a dictionary.\n(2) A dictionary helps.\n----\n(3) Phones help.\n[Next]: Another claim.";
    let imported = import_argdown(text);
    let map = imported.map.as_ref().unwrap_or_else(|| panic!("{}", messages(&imported)));
    assert_eq!(node(map, "Next").text.get("en"), "Another claim.");
    assert!(!node(map, "Arg").text.get("en").contains("Another"));
    let w: Vec<_> = imported.diagnostics.iter().filter(|d| d.message.contains("blank line before it")).collect();
    assert_eq!(w.iter().map(|d| (d.line, d.column)).collect::<Vec<_>>(), [(7, 1)]);
}

// ---------------------------------------------------------------- found in Argdown's own files

#[test]
fn a_front_matter_title_may_go_on_over_an_indented_line() {
    // As semmelweis_betz.argdown and greenspan-schefczyk_hardwrap.argdown write theirs.
    let map = ok("===\ntitle: A Stylized Reconstruction \n    That led Semmelweis to Understand  \nauthor: Someone\n===\n\n[T]: t");
    assert_eq!(map.title.get("en"), "A Stylized Reconstruction That led Semmelweis to Understand");
    let map = ok("===\ntitle:\n  On its own line,\n  and the next\n\n  after a blank line\n===\n\n[T]: t");
    assert_eq!(map.title.get("en"), "On its own line, and the next\nafter a blank line");
}

#[test]
fn plain_values_go_on_over_lines_in_lists_and_flow_collections_too() {
    use argmap::model::yaml::{parse_block, positioned};
    let v = parse_block(&positioned("list:\n  - one item\n    over two lines\n  - two\nflow: [a b\n   c, d]\n", 1, 1)).unwrap();
    assert_eq!(v, serde_json::json!({"list": ["one item over two lines", "two"], "flow": ["a b c", "d"]}));
    // A `key: value` line below a plain value is no more of it: YAML refuses that, and so does argmap.
    assert!(parse_block(&positioned("a: b\n  c: d\n", 1, 1)).is_err());
}

#[test]
fn front_matter_settings_argmap_ignores_ride_along_or_are_left_out_with_a_warning() {
    let text = "===\ntitle: T\ndot:\n    graphVizSettings:\n      \"rankdir\": \"TB\"\ngroup:\n    regroup:  [{\n            title: \"A group\",\n            statements: [\"T\"]\n            }]\ncolor: |\n    a block scalar\nauthor:\n- A\n- B\n===\n\n[T]: t";
    let imported = import_argdown(text);
    let map = imported.map.as_ref().unwrap_or_else(|| panic!("{}", messages(&imported)));
    assert_eq!(map.title.get("en"), "T");
    let document = imported.document.as_ref().unwrap();
    assert_eq!(document["dot"]["graphVizSettings"]["rankdir"], "TB");
    assert_eq!(document["group"]["regroup"][0]["statements"][0], "T");
    assert_eq!(document["author"], serde_json::json!(["A", "B"]));
    assert!(document.get("color").is_none());
    let w = warnings(text);
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!((w[0].line, w[0].column), (11, 8));
    assert!(w[0].message.starts_with("front matter \"color\" is left out: argmap does not use it"), "{}", w[0].message);
    // The same problem in a key argmap reads is an error.
    let e = errors("===\nsummary: |\n    a block scalar\n===\n\n[T]: t");
    assert!(e[0].message.starts_with("front matter: block scalars"), "{e:?}");
}

#[test]
fn argdown_source_data_without_a_quote_is_no_evidence_and_warns() {
    // As state-censorship.argdown tags each argument with where it comes from.
    let text = "===\ntitle: T\n===\n\n<Against>: Everyone must be free to express herself. #con {source: \"C1a\"}\n  -> [Claim]: Censorship is fine.";
    let map = ok(text);
    assert!(node(&map, "Against").evidence.is_empty());
    assert_eq!(node(&map, "Against").flags, vec!["con"]);
    let w = warnings(text);
    assert_eq!(w.len(), 1);
    assert_eq!((w[0].line, w[0].column), (5, 1));
    assert_eq!(w[0].message, "inline data {source: \"C1a\"} has no quote, so it is no evidence in argmap/1: left out");
    // With a quote it is evidence, and a quote's unknown source is still an error.
    let e = errors("[T]: t {source: \"001\", quote: \"words\"}");
    assert!(e[0].message.contains("unknown source"), "{e:?}");
}

#[test]
fn titles_with_quotation_marks_and_punctuation_are_kept_as_ids() {
    // As the Populism example titles nine of its 56 members (`["Fake News" and Censorship]`).
    let map = ok("[Voice]: Only one party can.\n + <The \"Establishment\">: The \"parties\" prevent it. (1)\n\n<The \"Establishment\">\n\n(1) [\"Fake News\" and Censorship]: Speech is restricted.\n(2) [No People's Will, No Democracy?]: Without it, none.\n----\n(3) [Voice]\n\nThe premise @[\"Fake News\" and Censorship] is supported.");
    for id in ["Voice", "The \"Establishment\"", "\"Fake News\" and Censorship", "No People's Will, No Democracy?"] {
        assert!(map.node_index(id).is_some(), "{id} lost; ids: {:?}", map.nodes.iter().map(|n| &n.id).collect::<Vec<_>>());
    }
    assert_eq!(parent_of(&map, "\"Fake News\" and Censorship"), Some("The \"Establishment\""));
}

#[test]
fn an_inference_left_out_is_named_in_its_warning() {
    let text = "===\ntitle: T\n===\n<A>: a\n\n(1) p\n(2) q\n--\nSpecification, Modus ponens {uses: [1,2]}\n--\n(3) r\n\n<B>: b\n\n(1) s\n-- Modus ponens --\n(2) t";
    let w: Vec<String> = warnings(text).into_iter().map(|d| format!("{}:{}: {}", d.line, d.column, d.message)).collect();
    assert_eq!(
        w,
        [
            "8:1: the inference \"Specification, Modus ponens {uses: [1,2]}\" is left out: argmap/1 has no place for inference rules and their data",
            "16:1: the inference \"Modus ponens\" is left out: argmap/1 has no place for inference rules and their data",
        ]
    );
}
