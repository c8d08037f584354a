//! The built page (`dist/`) as a reader meets it: served on 127.0.0.1, driven in headless
//! Chromium over WebDriver.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use fantoccini::Locator;
use support::*;

#[tokio::test]
async fn the_standalone_page_opens_the_flagship_map() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    let tree = shadow.find(Locator::Css("[role=tree]")).await.expect("the flagship map renders as a tree");
    let label = tree.attr("aria-label").await.unwrap().unwrap_or_default();
    assert!(label.contains("开源") || label.contains("Open"), "tree label: {label}");
    let ids = visible_ids(&shadow).await;
    assert!(ids.len() >= 3, "the root and its positions are visible: {ids:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_reader_expands_nodes_by_click_and_by_keyboard() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/?map=maps/sample.json")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    assert_eq!(visible_ids(&shadow).await, ["q", "ban", "allow"]);

    row(&shadow, "ban").await.click().await.unwrap();
    let ids = wait_for("ban's children", || async {
        let ids = visible_ids(&shadow).await;
        (ids.len() == 5).then_some(ids)
    })
    .await;
    assert_eq!(ids, ["q", "ban", "ban-distraction", "ban-equal", "allow"]);

    // The clicked row has focus; the keyboard takes over from there.
    // ban -> ban-distraction -> ban-equal -> allow, then Enter opens allow.
    for key in [Key::Down, Key::Down, Key::Down, Key::Enter] {
        let focused = client.active_element().await.unwrap();
        focused.send_keys(&key.to_string()).await.unwrap();
    }
    let ids = wait_for("allow's children", || async {
        let ids = visible_ids(&shadow).await;
        (ids.len() == 8).then_some(ids)
    })
    .await;
    assert_eq!(&ids[5..], ["allow-tools", "allow-safety", "allow-skills"]);
    let allow = row(&shadow, "allow").await;
    assert_eq!(allow.attr("aria-expanded").await.unwrap().as_deref(), Some("true"));
    assert_eq!(allow.attr("aria-selected").await.unwrap().as_deref(), Some("true"));
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_map_that_cannot_load_shows_an_alert_and_the_page_lives_on() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/?map=maps/no-such-map.json")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    let alert = shadow.find(Locator::Css("[role=alert]")).await.expect("an alert, not a blank widget");
    let text = alert.text().await.unwrap();
    assert!(text.contains("HTTP 404"), "{text}");
    let footer = client.find(Locator::Css("footer a")).await.unwrap();
    assert!(footer.is_displayed().await.unwrap(), "the rest of the page still shows");
    client.close().await.unwrap();
}
