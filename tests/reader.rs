//! The reader's experience in the model: search, lens, tour, verdicts and deep-link fragments.
#![cfg(not(target_arch = "wasm32"))]

use argmap::model::*;

const SAMPLE: &str = include_str!("../www/maps/sample.json");
const FLAGSHIP: &str = include_str!("../www/maps/open-vs-closed.json");

fn sample() -> ArgumentMap {
    load(SAMPLE).unwrap()
}

fn ids(map: &ArgumentMap, view: &ViewState) -> Vec<String> {
    view.rows(map).iter().map(|r| map.nodes[r.node].id.clone()).collect()
}

fn idx(map: &ArgumentMap, id: &str) -> usize {
    map.node_index(id).unwrap()
}

#[test]
fn search_shows_hidden_matches_with_their_path_and_esc_restores() {
    let map = sample();
    let view = ViewState::new(&map, "en").apply(&map, Action::Search("HABIT".into()));
    assert_eq!(ids(&map, &view), ["q", "ban", "ban-distraction", "ban-distraction-silent", "ban-distraction-silent-habit"]);
    assert_eq!(view.selected, idx(&map, "ban-distraction-silent-habit"), "the first match is selected");
    let rows = view.rows(&map);
    assert_eq!((rows[1].set_size, rows[1].pos_in_set), (1, 1), "set sizes count what is shown");

    let view = view.apply(&map, Action::ClearSearch);
    assert!(ids(&map, &view).contains(&"ban-distraction-silent-habit".to_owned()), "the found node stays in view");
    assert!(ids(&map, &view).contains(&"allow".to_owned()));
}

#[test]
fn search_works_in_chinese_and_follows_the_language() {
    let map = sample();
    let view = ViewState::new(&map, "zh").apply(&map, Action::Search("攀比".into()));
    assert_eq!(ids(&map, &view), ["q", "ban", "ban-equal"]);
    let view = view.apply(&map, Action::SetLang("en".into()));
    assert_eq!(ids(&map, &view), ["q", "ban", "ban-equal"], "a Chinese phrase still finds its node with the English UI");
    let hits = view.hits(&map);
    let place = hits.elsewhere(idx(&map, "ban-equal")).expect("it says where it matched");
    assert_eq!((&place.field, place.lang.as_str()), (&Field::Text, "zh"));
    assert_eq!(find("Showing off", "OFF"), Some((8, 11)));
    assert_eq!(find("减少攀比", "攀比"), Some((6, 12)));
}

#[test]
fn the_tour_reveals_each_step_and_ends_presentation() {
    let map = sample();
    let view = ViewState::new(&map, "en").apply(&map, Action::SetPresent(true)).apply(&map, Action::Tour(Some(0)));
    assert_eq!(view.tour, Some(0));
    assert_eq!(view.selected, map.root);
    let view = view.apply(&map, Action::Tour(Some(99)));
    assert_eq!(view.tour, Some(2), "clamped to the last step");
    assert_eq!(view.selected, idx(&map, "allow"));
    let view = view.apply(&map, Action::Tour(None));
    assert_eq!((view.tour, view.present), (None, false));
}

#[test]
fn verdicts_tally_to_a_side_and_survive_storage() {
    let map = sample();
    let (ban_equal, allow_skills, allow_tools) = (idx(&map, "ban-equal"), idx(&map, "allow-skills"), idx(&map, "allow-tools"));
    let view = ViewState::new(&map, "en")
        .apply(&map, Action::Mark(ban_equal, Some(Verdict::Convinced)))
        .apply(&map, Action::Mark(allow_skills, Some(Verdict::NotConvinced)))
        .apply(&map, Action::Mark(allow_tools, Some(Verdict::Convinced)));
    let tally = view.verdicts.tally(&map);
    assert_eq!((tally.marks, tally.closed, tally.open), (3, 2, 1));
    assert_eq!(tally.leaning(), Side::Closed);

    let stored = view.verdicts.to_storage(&map);
    assert_eq!(Verdicts::from_storage(&map, &stored), view.verdicts);
    assert_eq!(Verdicts::from_storage(&map, "+gone\n?junk\n+ban-equal").0.len(), 1, "unknown marks are dropped");
    let view = view.apply(&map, Action::Mark(ban_equal, None)).apply(&map, Action::ClearVerdicts);
    assert!(view.verdicts.0.is_empty());
}

#[test]
fn a_fragment_carries_the_view_to_a_fresh_page() {
    let map = load(FLAGSHIP).unwrap();
    let fresh = ViewState::new(&map, "en");
    let deep = map.tour[5].node;
    let view = fresh.apply(&map, Action::Reveal(deep)).apply(&map, Action::SetLang("zh".into())).apply(&map, Action::SetLens(Some(2)));
    let fragment = view.to_fragment(&map);
    assert!(fragment.contains("&lang=zh&lens=002"), "{fragment}");
    let restored = fresh.apply(&map, Action::Fragment(format!("#{fragment}")));
    assert_eq!(restored, view);

    let all = fresh.apply(&map, Action::ExpandAll);
    assert!(all.to_fragment(&map).starts_with("open=*&"));
    assert_eq!(fresh.apply(&map, Action::Fragment(all.to_fragment(&map))), all);
}

#[test]
fn a_fragment_with_odd_ids_and_junk_still_opens() {
    let text = SAMPLE.replace("\"ban\"", "\"ban &=,#%?\"");
    let map = load(&text).unwrap();
    let ban = idx(&map, "ban &=,#%?");
    let view = ViewState::new(&map, "en").apply(&map, Action::Toggle(ban));
    let fragment = view.to_fragment(&map);
    assert!(!fragment[5..].contains(' '), "{fragment}");
    assert_eq!(ViewState::new(&map, "en").apply(&map, Action::Fragment(fragment)), view);
    let junk = ViewState::new(&map, "en").apply(&map, Action::Fragment("open=nope,%ZZ&sel=&lang=xx&what=1".into()));
    assert_eq!(junk.selected, map.root);
    assert_eq!(junk.lang, "zh");
}

#[test]
fn the_lens_is_checked_against_the_sources() {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, "en").apply(&map, Action::SetLens(Some(4)));
    assert_eq!(view.lens, Some(4));
    assert_eq!(view.apply(&map, Action::SetLens(Some(9))).lens, None);
    assert!(map.sources.iter().all(|s| s.thesis.is_some()), "the legend has a thesis for every article");
}

#[test]
fn a_closed_node_says_what_it_hides_in_both_languages() {
    use argmap::strings::strings;
    assert_eq!(strings("en").hidden(3, 2, 1, 0), "3 hidden: 2 supporting, 1 attacking");
    assert_eq!(strings("en").hidden(1, 0, 0, 0), "1 hidden: 1 answer");
    assert_eq!(strings("zh-Hant").hidden(5, 0, 2, 0), "已折叠 5 条：2 条反驳，3 个回答");
    // With the exercise on, what is still to guess is not told by relation.
    assert_eq!(strings("en").hidden(4, 1, 0, 2), "4 hidden: 1 supporting, 2 to guess, 1 answer");
    assert_eq!(strings("zh").hidden(2, 0, 0, 2), "已折叠 2 条：2 条待猜");
}

#[test]
fn search_finds_quotes_in_their_own_script_and_translations_and_says_where() {
    let map = load(FLAGSHIP).unwrap();
    // A phrase only in a quote, in the article's own script.
    let (n, node) = map.nodes.iter().enumerate().find(|(_, n)| !n.evidence.is_empty()).unwrap();
    let quote: String = node.evidence[0].quote.chars().take(8).collect();
    let view = ViewState::new(&map, "en").apply(&map, Action::Search(quote.clone()));
    let hits = view.hits(&map);
    assert!(hits.contains(n), "{quote:?} is found in the quote of {}", node.id);
    assert!(view.rows(&map).iter().any(|r| r.node == n), "and its row shows");
    let place = hits.elsewhere(n).expect("a match in a quote says so");
    assert!(matches!(place.field, Field::Quote(_) | Field::Text | Field::Detail), "{place:?}");
    let (_, matched, _) = place.snippet();
    assert_eq!(matched, quote.trim());
    assert_eq!(hits.count(), hits.iter().count());

    // A phrase only in an English translation, searched from the Chinese UI.
    let (n, translation) = map
        .nodes
        .iter()
        .enumerate()
        .find_map(|(i, n)| {
            n.evidence.iter().find_map(|e| e.translation.as_ref().filter(|t| t.has("en")).map(|t| (i, t.get("en").to_owned())))
        })
        .unwrap();
    let phrase: String = translation.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    let hits = ViewState::new(&map, "zh").apply(&map, Action::Search(phrase.clone())).hits(&map);
    assert!(hits.contains(n), "{phrase:?} is found in a translation");
}

#[test]
fn the_levels_control_knows_how_far_the_map_is_open() {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, "en");
    assert_eq!(view.shown_level(&map), Some(2), "the opening view is two levels");
    let three = view.apply(&map, Action::ExpandToLevel(3));
    assert_eq!(three.shown_level(&map), Some(3));
    let depth = map.nodes.iter().map(|n| n.level).max().unwrap();
    assert_eq!(three.apply(&map, Action::ExpandAll).shown_level(&map), Some(depth), "expand all: every level");
    assert_eq!(three.apply(&map, Action::CollapseAll).shown_level(&map), Some(2));
    let one_more = three.apply(&map, Action::Toggle(three.rows(&map)[2].node));
    let toggled = one_more.rows(&map).len() != three.rows(&map).len();
    assert!(!toggled || one_more.shown_level(&map).is_none(), "one node opened or closed: no single level says it");
}

#[test]
fn starting_the_tour_is_one_action_in_large_type() {
    let map = load(FLAGSHIP).unwrap();
    let view = ViewState::new(&map, "en").apply(&map, Action::StartTour);
    assert_eq!(view.tour, Some(0));
    assert!(view.present);
    assert_eq!(view.selected, map.tour[0].node);
}

#[test]
fn a_verdict_on_an_id_with_a_line_break_survives_storage() {
    let text = SAMPLE.replace("\"ban-equal\"", "\"ban\\nequal\"");
    let map = load(&text).unwrap();
    let n = idx(&map, "ban\nequal");
    let view = ViewState::new(&map, "en").apply(&map, Action::Mark(n, Some(Verdict::NotConvinced)));
    let stored = view.verdicts.to_storage(&map);
    assert_eq!(stored.lines().count(), 1, "{stored:?}");
    assert_eq!(Verdicts::from_storage(&map, &stored), view.verdicts);
}

/// A hand-written link's "%" that starts no escape is kept as it is: "%+5" is not the byte 5.
#[test]
fn a_percent_that_is_no_escape_stays_in_the_id() {
    let text = SAMPLE.replace("\"ban\"", "\"ban%+5\"");
    let map = load(&text).unwrap();
    let view = ViewState::new(&map, "en").apply(&map, Action::Fragment("#open=q&sel=ban%+5".into()));
    assert_eq!(map.nodes[view.selected].id, "ban%+5");
    let view = ViewState::new(&map, "en").apply(&map, Action::Fragment("#open=q&sel=ban%25%2B5".into()));
    assert_eq!(map.nodes[view.selected].id, "ban%+5", "the encoded form reads the same");
}

#[test]
fn the_widget_resumes_where_the_reader_was_in_the_first_view_from_the_html() {
    let map = sample();
    let fresh = ViewState::new(&map, "en");
    // Opened "ban" and, inside it, "ban-distraction", then moved on to "allow".
    let open = vec![idx(&map, "ban"), idx(&map, "ban-distraction")];
    let view = fresh.apply(&map, Action::Resume { open, at: Some(idx(&map, "allow")) });
    let shown = ids(&map, &view);
    assert!(shown.contains(&"ban-distraction-silent".to_owned()), "what the reader opened shows its children: {shown:?}");
    assert_eq!(view.selected, idx(&map, "allow"), "the reader is where they were");

    // A node opened deep down opens the path to it; no place at all changes nothing.
    let deep = idx(&map, "ban-distraction-silent");
    let view = fresh.apply(&map, Action::Resume { open: vec![deep], at: None });
    assert!(ids(&map, &view).contains(&"ban-distraction-silent-habit".to_owned()));
    assert_eq!(view.selected, fresh.selected, "no node to be on: the selection stays");
    assert_eq!(fresh.apply(&map, Action::Resume { open: vec![], at: None }), fresh);
}
