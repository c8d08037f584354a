//! The reader's experience in a real headless Chromium, on the flagship map: details and
//! sources, jumping along links, search, language, lens, tour, verdicts, expand all.
#![cfg(target_arch = "wasm32")]

mod widget;

use argmap::model::load;
use wasm_bindgen_test::*;
use widget::{mount_json, mount_with};

wasm_bindgen_test_configure!(run_in_browser);

const FLAGSHIP: &str = include_str!("../www/maps/open-vs-closed.json");

#[wasm_bindgen_test]
async fn the_detail_shows_the_articles_words_beside_the_translation() {
    let m = mount_json(FLAGSHIP, "en").await;
    m.click("[role=treeitem][data-node-id='pos-only-road']").await;
    assert_eq!(m.one(".am-detail").get_attribute("data-node-id").as_deref(), Some("pos-only-road"));
    let quote = m.one(".am-detail blockquote");
    assert_eq!(quote.get_attribute("lang").as_deref(), Some("zh-Hans"), "the quote keeps its own script");
    assert!(!m.text(".am-detail .am-translation").is_empty(), "an English translation beside it");
    let link = m.one(".am-detail figcaption a");
    assert!(link.get_attribute("href").unwrap().starts_with("https://"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    m.unmount();
}

#[wasm_bindgen_test]
async fn flags_are_explained_in_plain_words() {
    let map = load(FLAGSHIP).unwrap();
    let flagged = map.nodes.iter().find(|n| n.flags.iter().any(|f| f == "unsourced-figure")).unwrap();
    let m = mount_json(FLAGSHIP, "en").await;
    m.search(flagged.text.get("en")).await;
    assert_eq!(m.one(".am-detail").get_attribute("data-node-id").as_deref(), Some(flagged.id.as_str()));
    assert!(m.text(".am-flags").contains("A figure here is given without a source."), "{}", m.text(".am-flags"));
    m.unmount();
}

#[wasm_bindgen_test]
async fn search_reveals_a_hidden_node_and_escape_clears() {
    let m = mount_json(FLAGSHIP, "en").await;
    assert!(!m.visible_ids().contains(&"hist-stallman-printer-001".to_owned()));
    m.search("printer driver").await;
    assert!(m.visible_ids().contains(&"hist-stallman-printer-001".to_owned()), "{:?}", m.visible_ids());
    assert_eq!(
        m.one("[role=treeitem][data-node-id='hist-stallman-printer-001'] mark").text_content().unwrap().to_lowercase(),
        "printer driver"
    );
    assert!(m.text(".am-count").contains("1 match"), "{}", m.text(".am-count"));
    let input = m.one("input[type=search]");
    widget::press(&input, "Escape").await;
    let ids = m.visible_ids();
    assert!(ids.contains(&"pos-strategic-lever".to_owned()) && ids.contains(&"hist-stallman-printer-001".to_owned()), "{ids:?}");
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_link_jumps_to_its_target_opened_and_focused() {
    let m = mount_json(FLAGSHIP, "en").await;
    m.search("Android's 2024 market share").await;
    assert_eq!(m.one(".am-detail").get_attribute("data-node-id").as_deref(), Some("hist-android-share-001"));
    assert!(m.text(".am-links").contains("Contradicts"), "{}", m.text(".am-links"));
    widget::press(&m.one("input[type=search]"), "Escape").await;
    m.click(".am-jump[data-target-id='hist-android-share-000']").await;
    assert_eq!(m.focused_id().as_deref(), Some("hist-android-share-000"), "the target has focus");
    assert_eq!(m.row("hist-android-share-000").get_attribute("aria-selected").as_deref(), Some("true"));
    m.unmount();
}

#[wasm_bindgen_test]
async fn switching_language_keeps_what_is_open_and_selected() {
    let m = mount_json(FLAGSHIP, "en").await;
    m.click("[role=treeitem][data-node-id='pos-big-co-tool']").await;
    let before = m.visible_ids();
    m.click("button[lang=zh]").await;
    assert!(m.one("[role=tree]").get_attribute("aria-label").unwrap().contains("开源还是闭源"));
    assert_eq!(m.visible_ids(), before);
    assert_eq!(m.row("pos-big-co-tool").get_attribute("aria-selected").as_deref(), Some("true"));
    assert_eq!(m.html("[data-action=expand-all]").inner_text(), "全部展开", "the widget's own words follow");
    m.unmount();
}

#[wasm_bindgen_test]
async fn the_lens_highlights_an_articles_claims_and_dims_the_rest() {
    let m = mount_json(FLAGSHIP, "en").await;
    m.click(".am-source[data-source-id='003']").await;
    assert_eq!(m.row("pos-survival-limits").get_attribute("data-lens").as_deref(), Some("hit"));
    assert_eq!(m.row("pos-only-road").get_attribute("data-lens").as_deref(), Some("dim"));
    m.click(".am-source[data-source-id='003']").await;
    assert_eq!(m.row("pos-only-road").get_attribute("data-lens"), None, "choosing it again turns the lens off");
    m.unmount();
}

#[wasm_bindgen_test]
async fn the_tour_steps_through_its_nodes() {
    let map = load(FLAGSHIP).unwrap();
    let m = mount_json(FLAGSHIP, "en").await;
    m.click("[data-action=tour]").await;
    assert!(m.text(".am-tour-step").contains(&format!("Step 1 of {}", map.tour.len())));
    m.click("[data-action=tour-next]").await;
    m.click("[data-action=tour-next]").await;
    let third = &map.nodes[map.tour[2].node].id;
    assert_eq!(m.focused_id().as_ref(), Some(third), "step 3's node is open and focused");
    assert_eq!(m.text(".am-tour-note"), map.tour[2].note.get("en"));
    assert!(m.all(".am-present").is_empty(), "large type only when asked");
    m.click("[data-action=tour-end]").await;
    assert!(m.all(".am-tour").is_empty());
    m.unmount();

    let m = mount_with(FLAGSHIP, &[("lang", "en"), ("tour", "true")]).await;
    assert_eq!(m.all(".am-map.am-present").len(), 1, "tour option: presentation mode");
    assert!(m.text(".am-tour-step").contains("Step 1"));
    m.unmount();
}

#[wasm_bindgen_test]
async fn verdicts_tally_and_survive_a_remount() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let m = mount_json(FLAGSHIP, "en").await;
    m.click("[role=treeitem][data-node-id='pos-big-co-tool']").await;
    m.click(".am-detail [data-verdict=yes]").await;
    assert!(m.text(".am-tally").contains("lean closed"), "{}", m.text(".am-tally"));
    assert_eq!(storage.get_item("argmap/open-vs-closed/verdicts").unwrap().as_deref(), Some("+pos-big-co-tool"));
    m.unmount();

    let m = mount_json(FLAGSHIP, "en").await;
    assert!(m.text(".am-tally").contains("1 for closed"), "{}", m.text(".am-tally"));
    assert_eq!(m.all("[data-node-id='pos-big-co-tool'] .am-verdict").len(), 1);
    m.click("[data-action=clear-marks]").await;
    assert_eq!(storage.get_item("argmap/open-vs-closed/verdicts").unwrap(), None);
    m.unmount();
}

#[wasm_bindgen_test]
async fn expand_all_collapse_all_and_levels() {
    let map = load(FLAGSHIP).unwrap();
    let m = mount_json(FLAGSHIP, "en").await;
    m.click("[data-action=expand-all]").await;
    assert_eq!(m.visible_ids().len(), map.nodes.len());
    m.click("[data-action=collapse-all]").await;
    assert_eq!(m.visible_ids().len(), 1 + map.nodes[map.root].children.len());
    m.unmount();
}

#[wasm_bindgen_test]
async fn printing_shows_the_whole_map_then_restores_the_view() {
    let map = load(FLAGSHIP).unwrap();
    let m = mount_json(FLAGSHIP, "en").await;
    m.click("[role=treeitem][data-node-id='pos-big-co-tool']").await;
    let before = m.visible_ids();
    let window = web_sys::window().unwrap();
    window.dispatch_event(&web_sys::Event::new("beforeprint").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(m.visible_ids().len(), map.nodes.len(), "the printout has every node");
    window.dispatch_event(&web_sys::Event::new("afterprint").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(m.visible_ids(), before);
    m.unmount();
}

#[wasm_bindgen_test]
async fn attacks_start_their_own_group_under_supports() {
    let map = load(FLAGSHIP).unwrap();
    let position = map.nodes[map.root].children.iter().map(|&c| &map.nodes[c]).find(|p| {
        let relations: Vec<_> = p.children.iter().map(|&c| map.nodes[c].relation).collect();
        relations.contains(&Some(argmap::model::Relation::Supports)) && relations.contains(&Some(argmap::model::Relation::Attacks))
    });
    let position = position.expect("a position with both supports and attacks");
    let m = mount_json(FLAGSHIP, "en").await;
    m.click(&format!("[role=treeitem][data-node-id='{}']", position.id)).await;
    let starts = m.all("[data-group-start]");
    assert_eq!(starts.len(), 1, "one boundary between supporting and attacking children");
    m.unmount();
}

#[wasm_bindgen_test]
async fn an_embeds_view_survives_a_reload_of_the_tab() {
    let m = mount_json(FLAGSHIP, "en").await;
    m.click("[role=treeitem][data-node-id='pos-big-co-tool']").await;
    let before = m.visible_ids();
    m.unmount();
    let m = widget::remount(FLAGSHIP, &[("lang", "en")]).await;
    assert_eq!(m.visible_ids(), before);
    assert_eq!(m.row("pos-big-co-tool").get_attribute("aria-selected").as_deref(), Some("true"));
    m.unmount();
}

#[wasm_bindgen_test]
async fn the_host_can_start_and_stop_the_tour_after_mount() {
    let mut m = mount_json(FLAGSHIP, "en").await;
    assert!(m.all(".am-tour").is_empty());
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"json".into(), &FLAGSHIP.into()).unwrap();
    js_sys::Reflect::set(&options, &"lang".into(), &"en".into()).unwrap();
    js_sys::Reflect::set(&options, &"tour".into(), &true.into()).unwrap();
    m.widget.update(options.clone().into());
    yew::scheduler::flush().await;
    assert!(m.text(".am-tour-step").contains("Step 1"), "the tour starts");
    js_sys::Reflect::set(&options, &"tour".into(), &false.into()).unwrap();
    m.widget.update(options.into());
    yew::scheduler::flush().await;
    assert!(m.all(".am-tour").is_empty(), "and stops");
    m.unmount();
}
