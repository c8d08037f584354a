//! What a screen reader is told, read from Chromium's own accessibility tree over the DevTools
//! protocol (`Accessibility.getFullAXTree`), not from the DOM: each treeitem is named by its
//! claim alone, with side, relation and what is hidden as its description. Chromium only: the
//! protocol is Chromium's (the DOM-level contract, aria-labelledby/-describedby, is checked in
//! every engine by tests/repairs_browser.rs).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{json, Value};
use support::*;

/// ChromeDriver's passage to the DevTools protocol.
#[derive(Debug)]
struct Cdp(&'static str, Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.0, "params": self.1 }).to_string()))
    }
}

fn ax_value(node: &Value, key: &str) -> String {
    node[key]["value"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn treeitems_are_named_by_their_claim_and_described_by_their_badges() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/?map=maps/sample.json&lang=en")).await.unwrap();
    let _ = widget(&client, "argument-map").await;
    client.issue_cmd(Cdp("Accessibility.enable", json!({}))).await.unwrap();
    let items = wait_for("treeitems in the accessibility tree", || async {
        let tree = client.issue_cmd(Cdp("Accessibility.getFullAXTree", json!({}))).await.ok()?;
        let items: Vec<Value> = tree["nodes"].as_array()?.iter().filter(|n| n["role"]["value"] == "treeitem").cloned().collect();
        (items.len() >= 3).then_some(items)
    })
    .await;
    let names: Vec<String> = items.iter().map(|n| ax_value(n, "name")).collect();
    let ban = items.iter().find(|n| ax_value(n, "name") == "Ban them: class needs focus").unwrap_or_else(|| panic!("names: {names:?}"));
    let description = ax_value(ban, "description");
    assert!(description.contains("hidden"), "what is hidden is the description, not the name: {description:?}");
    for name in &names {
        assert!(!name.starts_with('+') && !name.starts_with("Supports") && !name.contains("hidden"), "a name is the claim alone: {name:?}");
    }
    client.close().await.unwrap();
}
