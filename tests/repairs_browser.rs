//! What a reader and a screen-reader user noticed, each checked in a real headless Chromium:
//! keys act where focus is, names are the claims, search in every language, the legend stays
//! open, languages named in their own words, the levels control tells the truth, printing
//! keeps batches, storage failures are said, problems in the reader's language.
#![cfg(target_arch = "wasm32")]

mod widget;

use argmap::model::load;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use widget::{long_map, mount_json, mount_with, press, until};

wasm_bindgen_test_configure!(run_in_browser);

const FLAGSHIP: &str = include_str!("../www/maps/open-vs-closed.json");
const SAMPLE: &str = include_str!("../www/maps/sample.json");

fn id_of_position(n: usize) -> String {
    let map = load(FLAGSHIP).unwrap();
    map.nodes[map.nodes[map.root].children[n]].id.clone()
}

#[wasm_bindgen_test]
async fn keys_act_on_the_row_focus_is_on_however_it_got_there() {
    let m = mount_json(FLAGSHIP, "en").await;
    let second = id_of_position(1);
    // A host script (or a screen reader) moves focus; the widget did not.
    m.row(&second).focus().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(m.row(&second).get_attribute("tabindex").as_deref(), Some("0"), "the one tab stop moved with focus");
    assert_eq!(m.row("q").get_attribute("tabindex").as_deref(), Some("-1"));
    m.key("Enter").await;
    assert_eq!(m.row("q").get_attribute("aria-expanded").as_deref(), Some("true"), "the root did not collapse");
    assert_eq!(m.row(&second).get_attribute("aria-expanded").as_deref(), Some("true"), "the focused position opened");
    m.key("ArrowDown").await;
    let map = load(FLAGSHIP).unwrap();
    let first_child = &map.nodes[map.nodes[map.node_index(&second).unwrap()].children[0]].id;
    assert_eq!(m.focused_id().as_deref(), Some(first_child.as_str()), "the arrow goes on from where focus was");
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_rows_name_is_its_claim_and_the_badges_are_its_description() {
    let m = mount_json(SAMPLE, "en").await;
    let row = m.row("ban");
    assert!(row.get_attribute("aria-labelledby").is_none() && row.get_attribute("aria-label").is_none(), "named by its content");
    // What the name is made of: the content a screen reader is not told to skip.
    let spoken: Vec<String> = m
        .all("[role=treeitem][data-node-id='ban'] > *")
        .iter()
        .filter(|e| e.get_attribute("aria-hidden").as_deref() != Some("true"))
        .filter_map(|e| e.text_content())
        .collect();
    let map = load(SAMPLE).unwrap();
    assert_eq!(spoken.concat(), map.nodes[map.node_index("ban").unwrap()].text.get("en"));
    let described: Vec<String> =
        row.get_attribute("aria-describedby").expect("described").split(' ').map(|id| m.text(&format!("#{id}"))).collect();
    let description = described.join(" ");
    assert!(description.contains("Open") || description.contains("Closed") || description.contains("Ban"), "side: {description}");
    assert!(description.contains("hidden"), "what is hidden: {description}");
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_chinese_phrase_is_found_from_the_english_ui_and_says_where() {
    let m = mount_json(SAMPLE, "en").await;
    m.search("攀比").await;
    assert!(m.visible_ids().contains(&"ban-equal".to_owned()), "{:?}", m.visible_ids());
    let found = m.text("[data-node-id='ban-equal'] .am-found");
    assert!(found.contains("中文") && found.contains("攀比"), "{found}");
    assert_eq!(m.text(".am-count"), "1 match");
    m.unmount();
}

#[wasm_bindgen_test]
async fn turning_a_lens_off_leaves_the_sources_open_and_focus_on_the_button() {
    let m = mount_json(FLAGSHIP, "en").await;
    m.click(".am-legend summary").await;
    let legend: web_sys::HtmlDetailsElement = m.one(".am-legend").dyn_into().unwrap();
    assert!(legend.open());
    let button = m.html(".am-source");
    button.focus().unwrap();
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert!(legend.open(), "the list did not fold away under the pointer");
    let focused = m.shadow().active_element().and_then(|e| e.get_attribute("data-source-id"));
    assert_eq!(focused, button.get_attribute("data-source-id"), "focus stayed on the button");
    m.unmount();
}

#[wasm_bindgen_test]
async fn every_language_button_names_its_language_in_its_own_words() {
    let json = r#"{"format":"argmap/1","id":"de-en","title":{"de":"Frage","en":"Question"},"languages":["de","en","x-klingon"],
        "root":"q","nodes":[{"id":"q","kind":"question","text":{"de":"Sollen?","en":"Should?"}}]}"#;
    let m = mount_json(json, "en").await;
    let names: Vec<String> = m.all(".am-toolbar [lang]").iter().filter_map(|b| b.text_content()).collect();
    assert_eq!(names, ["Deutsch", "English", "x-klingon"]);
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_linked_claim_citing_a_b_a_names_each_source_once() {
    let json = r#"{"format":"argmap/1","id":"aba","title":"T","languages":["en"],"root":"q",
        "sources":[{"id":"A","title":"a","lang":"en"},{"id":"B","title":"b","lang":"en"}],
        "nodes":[{"id":"q","kind":"question","text":"Q"},
          {"id":"p","parent":"q","kind":"position","side":"open","text":"P"},
          {"id":"c","parent":"p","kind":"claim","text":"C","evidence":[{"source":"A","quote":"1"},{"source":"B","quote":"2"},{"source":"A","quote":"3"}]}],
        "links":[{"from":"p","to":"c","relation":"agrees"}]}"#;
    let m = mount_json(json, "en").await;
    m.click("[data-node-id='p']").await;
    assert_eq!(m.text(".am-link .am-source-id"), "A B");
    m.unmount();
}

#[wasm_bindgen_test]
async fn the_levels_control_says_how_far_the_map_is_open() {
    let m = mount_json(FLAGSHIP, "en").await;
    // In the toolbar's "More" menu: one radio item per level, the one the map is open to checked.
    let checked = |m: &widget::Mounted| {
        m.all("[role=menuitemradio][aria-checked=true]").iter().filter_map(|e| e.get_attribute("data-level")).collect::<Vec<_>>()
    };
    assert_eq!(checked(&m), ["2"], "a fresh map is open to level 2");
    m.click("[role=menuitemradio][data-level='3']").await;
    assert_eq!(checked(&m), ["3"]);
    m.click("[data-action=expand-all]").await;
    let depth = load(FLAGSHIP).unwrap().nodes.iter().map(|n| n.level).max().unwrap();
    assert_eq!(checked(&m), [depth.to_string()], "after Expand all: every level, not still 3");
    m.click("[data-action=collapse-all]").await;
    assert_eq!(checked(&m), ["2"]);
    m.unmount();
}

#[wasm_bindgen_test]
async fn after_a_printout_the_tree_builds_rows_in_batches_again() {
    let m = mount_json(&long_map(2000), "en").await;
    let window = web_sys::window().unwrap();
    window.dispatch_event(&web_sys::Event::new("beforeprint").unwrap()).unwrap();
    let all = until("every row for the printout", || Some(m.visible_ids().len()).filter(|&n| n == 2000)).await;
    assert_eq!(all, 2000);
    window.dispatch_event(&web_sys::Event::new("afterprint").unwrap()).unwrap();
    until("the reader's view back", || Some(()).filter(|_| m.visible_ids().len() < 10)).await;
    m.click("[data-action=expand-all]").await;
    let rows = m.visible_ids().len();
    assert!(rows <= 250, "a batch, not all 2000 rows: {rows}");
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_full_storage_is_said_when_a_mark_cannot_be_kept() {
    // The browser refuses every write from now on (a full quota), though reading still works.
    let refuse = js_sys::Function::new_no_args(
        "const s = Storage.prototype; s.__setItem = s.setItem; \
         s.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    );
    let restore = js_sys::Function::new_no_args("const s = Storage.prototype; if (s.__setItem) s.setItem = s.__setItem;");
    let m = mount_with(SAMPLE, &[("lang", "en"), ("instance", "quota")]).await;
    assert!(m.all("[data-notice=not-kept]").is_empty(), "storage worked at first");
    refuse.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    m.click("[data-node-id='ban']").await;
    m.click(".am-verdicts [data-verdict=yes]").await;
    let notice = m.all("[data-notice=not-kept]").len();
    restore.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    assert_eq!(notice, 1, "the reader is told the mark will not be kept");
    m.unmount();
}

#[wasm_bindgen_test]
async fn problems_are_told_in_the_readers_language() {
    let m = mount_json(r#"{"format":"argmap/1","id":"x","languages":["zh"],"root":"q","nodes":[{"id":"q","text":"问"}]}"#, "zh").await;
    let alert = m.text("[role=alert]");
    assert!(alert.contains("title: 缺失"), "{alert}");
    assert!(alert.contains("nodes[0].kind: 缺失"), "{alert}");
    assert!(!alert.contains("missing"), "no English in the Chinese UI: {alert}");
    m.unmount();
}

#[wasm_bindgen_test]
async fn the_tab_key_reaches_the_tree_at_the_current_row() {
    let m = mount_json(SAMPLE, "en").await;
    let ban = m.row("ban");
    ban.click();
    yew::scheduler::flush().await;
    press(&ban, "ArrowDown").await;
    let stops: Vec<String> = m.all("[role=treeitem][tabindex='0']").iter().filter_map(|r| r.get_attribute("data-node-id")).collect();
    assert_eq!(stops.len(), 1, "one tab stop: {stops:?}");
    assert_eq!(m.focused_id(), stops.first().cloned());
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_claims_question_for_the_class_shows_and_its_quotes_link_to_the_sentence() {
    let map = load(FLAGSHIP).unwrap();
    let node = map.nodes.iter().find(|n| n.prompt.is_some() && !n.evidence.is_empty()).expect("the flagship asks the class something");
    let m = mount_json(FLAGSHIP, "en").await;
    m.search(node.text.get("en")).await;
    m.click(&format!("[role=treeitem][data-node-id='{}']", node.id)).await;
    assert!(m.text(".am-detail .am-prompt").contains(node.prompt.as_ref().unwrap().get("en")));
    let href = m.one(".am-detail figcaption a").get_attribute("href").unwrap();
    assert!(href.contains("#:~:text="), "the link goes to the quoted sentence: {href}");
    m.unmount();
}
