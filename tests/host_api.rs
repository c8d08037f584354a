//! The host page's side, on a real page: events a script hears (once, with the documented
//! detail), `reveal(id)` and prose links that open a node without taking the reader's focus,
//! and unknown ids that only warn.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::*;

async fn js(client: &fantoccini::Client, script: &str) -> Value {
    client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed ({e}): {script}"))
}

async fn heard(client: &fantoccini::Client) -> Vec<Value> {
    js(client, "return window.heard").await.as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn events_reach_the_host_once_with_their_detail() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/prose.html")).await.unwrap();
    let shadow = widget(&client, "#map").await;
    js(&client, "window.heard.length = 0; return 0").await;
    click(&shadow, "[role=treeitem][data-node-id='ban']").await;
    let events = wait_for("select and toggle", || async { Some(heard(&client).await).filter(|h| h.len() >= 2) }).await;
    assert_eq!(events[0], json!({"type": "argmap:select", "target": "map", "detail": {"node": "ban"}}));
    assert_eq!(events[1], json!({"type": "argmap:toggle", "target": "map", "detail": {"node": "ban", "expanded": true}}));
    click(&shadow, ".am-detail [data-verdict=yes]").await;
    let events = wait_for("the verdict", || async { Some(heard(&client).await).filter(|h| h.len() >= 3) }).await;
    assert_eq!(events[2], json!({"type": "argmap:verdict", "target": "map", "detail": {"node": "ban", "verdict": "convinced"}}));
    click(&shadow, ".am-detail [data-verdict=yes]").await;
    let events = wait_for("the verdict cleared", || async { Some(heard(&client).await).filter(|h| h.len() >= 4) }).await;
    assert_eq!(events[3]["detail"], json!({"node": "ban", "verdict": null}));
    click(&shadow, "[data-action=expand-all]").await;
    // A fixed wait on purpose: it waits for events that must not come, which no poll can see.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(heard(&client).await.iter().all(|e| e["type"] != "argmap:toggle" || e["detail"]["node"] == "ban"), "Expand all is no toggle");
    client.close().await.unwrap();
}

#[tokio::test]
async fn prose_links_and_reveal_open_a_node_and_leave_focus_where_it_was() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/prose.html")).await.unwrap();
    let shadow = widget(&client, "#map").await;
    // The prose link: a click opens the path and selects the node.
    client.find(fantoccini::Locator::Css("#to-allow")).await.unwrap().click().await.unwrap();
    wait_for("allow selected", || async {
        (attr(&shadow, "[role=treeitem][data-node-id='allow']", "aria-selected").await.as_deref() == Some("true")).then_some(())
    })
    .await;
    assert_eq!(js(&client, "return document.activeElement.id").await, json!("to-allow"), "focus stayed in the prose");
    // reveal() from a script, with the reader typing elsewhere: a hidden node opens, focus stays.
    js(&client, "document.getElementById('reader-input').focus(); return 0").await;
    let found = js(&client, "return document.getElementById('map').reveal('ban-distraction-silent-habit')").await;
    assert_eq!(found, json!(true));
    wait_for("the deep node shown and selected", || async {
        (attr(&shadow, "[role=treeitem][data-node-id='ban-distraction-silent-habit']", "aria-selected").await.as_deref() == Some("true"))
            .then_some(())
    })
    .await;
    assert_eq!(js(&client, "return document.activeElement.id").await, json!("reader-input"), "reveal took no focus");
    // Unknown ids: false, and nothing thrown into the page.
    let unknown = js(&client, "try { return document.getElementById('map').reveal('no-such-node'); } catch (e) { return 'threw'; }").await;
    assert_eq!(unknown, json!(false));
    client.find(fantoccini::Locator::Css("#to-nowhere")).await.unwrap().click().await.unwrap();
    assert_eq!(js(&client, "return document.getElementById('map').isConnected").await, json!(true));
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_guess_in_the_exercise_is_told_once_and_the_frame_forwards_it() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/prose.html")).await.unwrap();
    let shadow = widget(&client, "#map").await;
    js(&client, "localStorage.clear(); document.getElementById('map').setAttribute('exercise', ''); return 0").await;
    click(&shadow, "[role=treeitem][data-node-id='ban']").await;
    wait_row(&shadow, "ban-distraction", "data-side", "hidden").await;
    js(&client, "window.heard.length = 0; return 0").await;
    click(&shadow, "[role=treeitem][data-node-id='ban-distraction']").await;
    click(&shadow, ".am-detail [data-guess=attacks]").await;
    let answer = wait_for("the answer", || async { heard(&client).await.into_iter().find(|e| e["type"] == "argmap:answer") }).await;
    assert_eq!(
        answer,
        json!({"type": "argmap:answer", "target": "map",
               "detail": {"node": "ban-distraction", "guess": "attacks", "source": null, "correct": false}})
    );
    // A fixed wait on purpose: it waits for an event that must not come.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(heard(&client).await.iter().filter(|e| e["type"] == "argmap:answer").count(), 1, "once");
    wait_row(&shadow, "ban-distraction", "data-side", "closed").await;
    // The frame's map has the same id: a fresh start, not this page's view and answers.
    js(&client, "localStorage.clear(); sessionStorage.clear(); return 0").await;

    // In the iframe embed, the same event reaches the parent page as a message.
    client.goto(&format!("{base}/frame-exercise.html")).await.unwrap();
    client.enter_frame(0).await.unwrap();
    let shadow = widget(&client, "#map").await;
    click(&shadow, "[role=treeitem][data-node-id='ban']").await;
    wait_row(&shadow, "ban-distraction", "data-side", "hidden").await;
    click(&shadow, "[role=treeitem][data-node-id='ban-distraction']").await;
    click(&shadow, ".am-detail [data-guess=supports]").await;
    client.enter_parent_frame().await.unwrap();
    let forwarded =
        wait_for("the forwarded answer", || async { heard(&client).await.into_iter().find(|e| e["type"] == "argmap:answer") }).await;
    assert_eq!(
        forwarded,
        json!({"type": "argmap:answer", "detail": {"node": "ban-distraction", "guess": "supports", "source": null, "correct": true}})
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_element_says_when_it_is_ready_and_a_reveal_asked_before_that_waits_for_it() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/ready.html")).await.unwrap();
    let shadow = widget(&client, "#map").await;
    // The reveal came before the element was even mounted: queued, not lost, not polled.
    assert_eq!(js(&client, "return window.earlyReveal").await, json!(false));
    wait_row(&shadow, "ban-distraction", "aria-selected", "true").await;
    assert_eq!(attr(&shadow, "[role=treeitem][data-node-id='ban']", "aria-expanded").await.as_deref(), Some("true"));
    assert_eq!(attr(&shadow, "[role=tree]", "data-view").await.as_deref(), Some("map"), "700 px wide: the map");

    let heard = wait_for("argmap:load and argmap:error", || async {
        Some(heard(&client).await).filter(|h| h.iter().any(|e| e["type"] == "argmap:error" && e["target"] == "broken"))
    })
    .await;
    let loads: Vec<&Value> = heard.iter().filter(|e| e["type"] == "argmap:load" && e["target"] == "map").collect();
    assert_eq!(loads.len(), 1, "one argmap:load for #map: {heard:#?}");
    assert_eq!(loads[0]["state"], json!("ready"), "data-state is ready when argmap:load is heard");
    assert_eq!(loads[0]["detail"], json!({"map": "phones-in-class", "title": "Should phones be banned in class?"}));
    let error = heard.iter().find(|e| e["type"] == "argmap:error" && e["target"] == "broken").unwrap();
    assert_eq!(error["state"], json!("error"));
    let problem = &error["detail"]["problems"][0];
    assert!(problem["message"].as_str().unwrap_or_default().contains("404"), "the problem says why: {problem}");
    assert_eq!(js(&client, "return window.states").await, json!({"map": ["loading", "ready"], "broken": ["loading", "error"]}));

    // mount() resolves once the map is drawn, and rejects with the problems of a bad one.
    let mounted = wait_for("mount() to settle", || async {
        let value = js(&client, "return window.mountedResult ?? (window.mounted.then((r) => (window.mountedResult = r)), null)").await;
        (!value.is_null()).then_some(value)
    })
    .await;
    assert_eq!(mounted, json!({"ok": true, "state": "ready", "rows": 3, "revealed": true}));
    let broken = wait_for("mount() of a bad map to settle", || async {
        let value = js(&client, "return window.brokenResult ?? (window.mountedBroken.then((r) => (window.brokenResult = r)), null)").await;
        (!value.is_null()).then_some(value)
    })
    .await;
    assert_eq!(broken["ok"], json!(false));
    let problems = broken["problems"].as_array().cloned().unwrap_or_default();
    assert!(problems.iter().any(|p| p["path"] == "nodes" && p["message"].is_string()), "{broken}");
    client.close().await.unwrap();
}

/// Once ready, the tree and the cards are the same elements through what a reader does (open,
/// select, switch language, switch theme): a host's reference, and a screen reader's place, hold.
#[tokio::test]
async fn the_tree_and_its_cards_are_the_same_elements_through_language_theme_and_opening() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/ready.html")).await.unwrap();
    let shadow = widget(&client, "#map").await;
    let tree = shadow.find(fantoccini::Locator::Css("[role=tree]")).await.unwrap();
    // "ban" is open (the reveal before ready opened it) and in view: closed by a click.
    let card = row(&shadow, "ban").await;
    card.click().await.unwrap();
    wait_row(&shadow, "ban", "aria-expanded", "false").await;
    js(&client, "const m = document.getElementById('map'); m.setAttribute('lang', 'zh'); m.setAttribute('theme', 'dark'); return 0").await;
    wait_for("the Chinese title", || async { tree.attr("aria-label").await.ok().flatten().filter(|l| l.contains("手机")) }).await;
    // The same element references still answer: no StaleElementReference.
    assert_eq!(card.attr("aria-expanded").await.unwrap().as_deref(), Some("false"));
    assert_eq!(card.attr("data-node-id").await.unwrap().as_deref(), Some("ban"));
    assert_eq!(tree.attr("data-view").await.unwrap().as_deref(), Some("map"));
    client.close().await.unwrap();
}
