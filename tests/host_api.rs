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
