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
    assert_eq!(ids(&map, &view), ["q"], "the Chinese query finds nothing in English");
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
    assert_eq!(strings("en").hidden(3, 2, 1), "3 hidden: 2 supporting, 1 attacking");
    assert_eq!(strings("en").hidden(1, 0, 0), "1 hidden: 1 answer");
    assert_eq!(strings("zh-Hant").hidden(5, 0, 2), "已折叠 5 条：2 条反驳，3 个回答");
}
