//! The widget mounted in a real headless Chromium (wasm-bindgen-test): its ARIA tree,
//! expanding by click and keyboard, languages, inert text, and the error panel.
#![cfg(target_arch = "wasm32")]

mod widget;

use wasm_bindgen_test::*;
use widget::{long_map, mount_json, until};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../www/maps/sample.json");

#[wasm_bindgen_test]
async fn renders_an_aria_tree_with_the_root_and_its_children() {
    let m = mount_json(SAMPLE, "en").await;
    let tree = m.one("[role=tree]");
    assert_eq!(tree.get_attribute("aria-label").as_deref(), Some("Should phones be banned in class?"));
    assert_eq!(m.visible_ids(), ["q", "ban", "allow"]);
    let root = m.row("q");
    assert_eq!(root.get_attribute("aria-level").as_deref(), Some("1"));
    assert_eq!(root.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(root.get_attribute("aria-selected").as_deref(), Some("true"));
    let ban = m.row("ban");
    assert_eq!(ban.get_attribute("aria-level").as_deref(), Some("2"));
    assert_eq!(ban.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(ban.get_attribute("aria-posinset").as_deref(), Some("1"));
    assert_eq!(ban.get_attribute("aria-setsize").as_deref(), Some("2"));
    assert!(ban.text_content().unwrap().contains("2 hidden: 2 supporting"), "{:?}", ban.text_content());
    assert!(ban.text_content().unwrap().contains("Ban"), "the side is said in words too, in the map's own name");
    assert_eq!(m.all("[role=treeitem][tabindex='0']").len(), 1, "roving tabindex: exactly one tab stop");
}

#[wasm_bindgen_test]
async fn a_click_expands_and_collapses_exactly_that_node() {
    let m = mount_json(SAMPLE, "en").await;
    m.row("ban").click();
    yew::scheduler::flush().await;
    assert_eq!(m.visible_ids(), ["q", "ban", "ban-distraction", "ban-equal", "allow"]);
    assert_eq!(m.row("ban").get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(m.row("ban").get_attribute("aria-selected").as_deref(), Some("true"));
    assert_eq!(m.row("ban-distraction").get_attribute("aria-level").as_deref(), Some("3"));
    m.row("ban").click();
    yew::scheduler::flush().await;
    assert_eq!(m.visible_ids(), ["q", "ban", "allow"]);
}

#[wasm_bindgen_test]
async fn the_keyboard_moves_focus_and_opens_nodes() {
    let m = mount_json(SAMPLE, "en").await;
    m.row("q").focus().unwrap();
    m.key("ArrowDown").await;
    m.key("ArrowDown").await;
    let active = m.shadow().active_element().unwrap();
    assert_eq!(active.get_attribute("data-node-id").as_deref(), Some("allow"), "focus follows the selection");
    m.key("Enter").await;
    assert_eq!(m.visible_ids(), ["q", "ban", "allow", "allow-tools", "allow-safety", "allow-skills"]);
    m.key("ArrowRight").await;
    assert_eq!(m.shadow().active_element().unwrap().get_attribute("data-node-id").as_deref(), Some("allow-tools"));
    m.key("ArrowLeft").await;
    m.key(" ").await;
    assert_eq!(m.visible_ids(), ["q", "ban", "allow"], "Space closes it again");
}

#[wasm_bindgen_test]
async fn speaks_the_readers_language() {
    let m = mount_json(SAMPLE, "zh-CN").await;
    assert_eq!(m.one("[role=tree]").get_attribute("aria-label").as_deref(), Some("课堂上应当禁止手机吗？"));
    assert!(m.row("ban").text_content().unwrap().contains("已折叠 2 条"));
}

#[wasm_bindgen_test]
async fn markup_in_map_text_stays_text() {
    let json = SAMPLE.replace("Ban them: class needs focus", "<img src=x onerror=alert(1)><b>bold</b>");
    let m = mount_json(&json, "en").await;
    assert!(m.all("img").is_empty() && m.all("b").is_empty(), "no element was made from map text");
    assert!(m.row("ban").text_content().unwrap().contains("<img src=x onerror=alert(1)><b>bold</b>"));
}

#[wasm_bindgen_test]
async fn a_broken_map_shows_every_problem_in_an_alert() {
    let json = SAMPLE.replace("\"parent\": \"ban\"", "\"parent\": \"nowhere\"").replace("\"closed\"", "\"shut\"");
    let m = mount_json(&json, "en").await;
    let alert = m.one("[role=alert]");
    let text = alert.text_content().unwrap();
    assert!(text.contains("This map could not be shown"), "{text}");
    assert!(text.contains("nodes[1].side: unknown value \"shut\""), "{text}");
    assert!(text.contains("nodes[2].parent: unknown node \"nowhere\""), "{text}");
    assert!(text.contains("nodes[5].parent: unknown node \"nowhere\""), "{text}");
    assert!(m.all("[role=tree]").is_empty());

    let m = mount_json("{\"format\": \"argmap/1\",\n \"id\": }", "en").await;
    let text = m.one("[role=alert]").text_content().unwrap();
    assert!(text.contains("line 2, column 8: not valid JSON"), "{text}");
}

#[wasm_bindgen_test]
async fn home_end_star_and_type_ahead() {
    let m = mount_json(SAMPLE, "en").await;
    m.row("q").focus().unwrap();
    m.key("End").await;
    assert_eq!(m.focused_id().as_deref(), Some("allow"));
    m.key("*").await;
    assert_eq!(m.visible_ids().len(), 3 + 2 + 3, "* opens every sibling");
    m.key("d").await;
    assert_eq!(m.focused_id().as_deref(), Some("allow-tools"), "type-ahead: Dictionaries…");
    m.key("Home").await;
    assert_eq!(m.focused_id().as_deref(), Some("q"));
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_huge_open_map_is_built_a_batch_at_a_time_as_the_reader_scrolls() {
    let m = mount_json(&long_map(3000), "en").await;
    m.click("[data-action=expand-all]").await;
    let first = m.visible_ids().len();
    assert!(first <= 250, "not all 3000 rows at once: {first}");
    m.html(".am-more").scroll_into_view();
    let later = until("more rows after scrolling to the end", || Some(m.visible_ids().len()).filter(|&n| n > first)).await;
    assert!(later <= first + 250, "one batch more, not everything: {first} -> {later}");
    m.row("n0").focus().unwrap();
    m.key("End").await;
    assert_eq!(m.focused_id().as_deref(), Some("n2047"), "End reaches the very last row (the rightmost leaf)");
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_map_of_up_to_200_claims_is_whole_after_expand_all_and_a_bigger_one_comes_in_batches() {
    let m = mount_json(&long_map(200), "en").await;
    m.click("[data-action=expand-all]").await;
    assert_eq!(m.visible_ids().len(), 200, "every row, for a host script or a find in the page");
    m.unmount();
    let m = mount_json(&long_map(201), "en").await;
    m.click("[data-action=expand-all]").await;
    let first = m.visible_ids().len();
    assert!(first < 201, "a batch: {first}");
    m.unmount();
}

#[wasm_bindgen_test]
async fn opening_a_row_keeps_focus_on_it() {
    let m = mount_json(SAMPLE, "en").await;
    let ban = m.row("ban");
    ban.focus().unwrap();
    ban.click();
    yew::scheduler::flush().await;
    assert_eq!(m.visible_ids().len(), 5);
    assert_eq!(m.focused_id().as_deref(), Some("ban"), "the row was not moved or rebuilt");
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_map_url_that_fails_shows_the_http_status() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("argument-map").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"src".into(), &"no-such-map.json".into()).unwrap();
    let _widget = argmap::widget::mount(host.clone(), options.into()).unwrap();
    let shadow = host.shadow_root().unwrap();
    let text = until("the alert", || shadow.query_selector("[role=alert]").unwrap().and_then(|a| a.text_content())).await;
    assert!(text.contains("could not load no-such-map.json: HTTP 404"), "{text:?}");
    _widget.destroy();
    host.remove();
}
