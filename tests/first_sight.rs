//! What a new reader sees the moment the map is ready, on the standalone page, over WebDriver in
//! Chromium or Firefox (`ARGMAP_BROWSER`): the question with open on one side and closed on the
//! other, every answer inside the map's area; the controls as one row; nothing wider than a
//! phone; an opened card that stays where it was clicked.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::*;

/// The boxes (viewport px) of the map area, the root's card and its children's cards.
async fn first_level(client: &Browser) -> Value {
    client
        .execute(
            "const root = document.querySelector('argument-map').shadowRoot;
             const box = e => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
             const card = id => root.querySelector(`[role=treeitem][data-node-id='${id}']`);
             const q = root.querySelector('[role=treeitem][aria-level=\"1\"]');
             const children = [...root.querySelectorAll('[role=treeitem][aria-level=\"2\"]')]
               .map(e => ({ id: e.dataset.nodeId, side: e.dataset.side, ...box(e) }));
             return { area: box(root.querySelector('.am-canvas')), root: box(q), children,
                      viewport: { width: innerWidth, height: innerHeight } };",
            vec![],
        )
        .await
        .unwrap()
}

fn inside(inner: &Value, outer: &Value) -> bool {
    let f = |v: &Value, k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    f(inner, "left") >= f(outer, "left") - 0.5
        && f(inner, "top") >= f(outer, "top") - 0.5
        && f(inner, "right") <= f(outer, "right") + 0.5
        && f(inner, "bottom") <= f(outer, "bottom") + 0.5
}

#[tokio::test]
async fn at_first_sight_the_question_stands_between_open_and_closed_with_every_answer_in_view() {
    for (width, height) in [(1280, 800), (1920, 1080)] {
        let base = serve(&dist(), &[]);
        let client = browser_with(Options { width, height, ..Options::default() }).await;
        client.goto(&format!("{base}/?lang=en")).await.unwrap();
        let _shadow = widget(&client, "argument-map").await;
        let seen = first_level(&client).await;
        let (area, root) = (&seen["area"], &seen["root"]);
        let viewport = json!({ "left": 0, "top": 0, "right": width, "bottom": height });
        assert!(inside(area, &viewport), "{width}×{height}: the map area is on screen without scrolling: {seen:#}");
        assert!(inside(root, area), "{width}×{height}: the question is inside the map area: {seen:#}");
        let children = seen["children"].as_array().unwrap();
        assert!(children.len() >= 5, "the flagship's answers: {seen:#}");
        for child in children {
            assert!(inside(child, area), "{width}×{height}: {} is inside the map area: {seen:#}", child["id"]);
            let side = child["side"].as_str().unwrap_or_default();
            if side == "open" {
                assert!(child["right"].as_f64() <= root["left"].as_f64(), "open {} is left of the question: {seen:#}", child["id"]);
            } else if side == "closed" {
                assert!(child["left"].as_f64() >= root["right"].as_f64(), "closed {} is right of the question: {seen:#}", child["id"]);
            }
        }
        assert!(children.iter().any(|c| c["side"] == "open") && children.iter().any(|c| c["side"] == "closed"));
        client.close().await.unwrap();
    }
}

#[tokio::test]
async fn the_controls_are_one_row_and_nothing_runs_off_a_320_px_screen() {
    for width in [1280, 700] {
        let base = serve(&dist(), &[]);
        let client = browser_with(Options { width, height: 800, ..Options::default() }).await;
        client.goto(&format!("{base}/?lang=en")).await.unwrap();
        widget(&client, "argument-map").await;
        let toolbar = client
            .execute(
                "const bar = document.querySelector('argument-map').shadowRoot.querySelector('.am-toolbar');
                 const r = bar.getBoundingClientRect();
                 return { height: r.height, tops: [...bar.querySelectorAll('button, input')].filter(e => e.offsetParent)
                   .map(e => Math.round(e.getBoundingClientRect().top)) };",
                vec![],
            )
            .await
            .unwrap();
        assert!(toolbar["height"].as_f64().unwrap() <= 48.0, "{width} px: the toolbar is one slim row: {toolbar}");
        let tops: Vec<i64> = toolbar["tops"].as_array().unwrap().iter().filter_map(Value::as_i64).collect();
        assert!(tops.iter().all(|&t| (t - tops[0]).abs() <= 4), "{width} px: every control on one row: {toolbar}");
        client.close().await.unwrap();
    }
    let base = serve(&dist(), &[]);
    let client = browser_with(Options { width: 320, height: 700, ..Options::default() }).await;
    client.goto(&format!("{base}/?lang=zh")).await.unwrap();
    widget(&client, "argument-map").await;
    let overflow = client
        .execute(
            "const root = document.querySelector('argument-map').shadowRoot;
             const wide = [...root.querySelectorAll('*')].filter(e => e.offsetParent && e.getBoundingClientRect().right > innerWidth + 0.5)
               .map(e => e.className || e.tagName);
             return { page: document.documentElement.scrollWidth, viewport: innerWidth, wide };",
            vec![],
        )
        .await
        .unwrap();
    assert!(overflow["page"].as_f64() <= overflow["viewport"].as_f64(), "no sideways scroll at 320 px: {overflow}");
    assert_eq!(overflow["wide"], json!([]), "nothing reaches past the right edge at 320 px: {overflow}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn an_opened_card_stays_where_it_was_clicked() {
    let base = serve(&dist(), &[]);
    let client = browser_with(Options { width: 1280, height: 800, ..Options::default() }).await;
    client.goto(&format!("{base}/?lang=en")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    let seen = first_level(&client).await;
    let closed = seen["children"].as_array().unwrap().iter().find(|c| c["side"] == "closed").cloned().expect("a closed answer");
    let id = closed["id"].as_str().unwrap().to_owned();
    let card = row(&shadow, &id).await;
    card.click().await.unwrap();
    wait_row(&shadow, &id, "aria-expanded", "true").await;
    row(&shadow, &id).await; // at rest again
    let after = client
        .execute(
            "const root = document.querySelector('argument-map').shadowRoot;
             const box = e => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
             const card = root.querySelector(`[role=treeitem][data-node-id='${arguments[0]}']`);
             const level = Number(card.getAttribute('aria-level')) + 1;
             const first = card.nextElementSibling;
             return { card: box(card), area: box(root.querySelector('.am-canvas')),
                      child: first && Number(first.getAttribute('aria-level')) === level ? box(first) : null };",
            vec![json!(id)],
        )
        .await
        .unwrap();
    // The card keeps its height on screen; the view may pan sideways only as far as it takes to
    // show what opened beside it (a closed answer sits at the map's right, its children beyond).
    let dy = (after["card"]["top"].as_f64().unwrap() - closed["top"].as_f64().unwrap()).abs();
    assert!(dy <= 4.0, "{id} moved {dy} px up or down when opened: before {closed}, after {after}");
    assert!(inside(&after["card"], &after["area"]), "{id} is still in view: {after}");
    assert!(!after["child"].is_null(), "its first child follows it: {after}");
    let (area, child) = (&after["area"], &after["child"]);
    let f = |v: &Value, k: &str| v[k].as_f64().unwrap();
    assert!(f(child, "left") >= f(area, "left") && f(child, "right") <= f(area, "right"), "its children show beside it: {after}");
    let dx = (f(&after["card"], "left") - f(&closed, "left")).abs();
    // Moved sideways only if it had to, and then no further than to bring the children in
    // (they end at the view's margin, 24 px).
    assert!(dx <= 4.0 || f(child, "right") >= f(area, "right") - 24.0 - 4.0, "a sideways pan of {dx} px, more than needed: {after}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn on_a_phone_the_detail_sheet_never_covers_the_selected_row() {
    let base = serve(&dist(), &[]);
    let client = browser_with(Options { width: 390, height: 844, ..Options::default() }).await;
    client.goto(&format!("{base}/?lang=en")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    assert_eq!(attr(&shadow, "[role=tree]", "data-view").await.as_deref(), Some("outline"), "a phone gets the outline");
    focus_tree(&client).await;
    press(&client, fantoccini::key::Key::Right).await; // nothing: the question is open
    for _ in 0..6 {
        press(&client, fantoccini::key::Key::Down).await;
        press(&client, fantoccini::key::Key::Right).await; // open it, so the list grows past the sheet
    }
    for step in 0..12 {
        press(&client, fantoccini::key::Key::Down).await;
        let seen = wait_for("the selected row at rest", || async {
            let v = client
                .execute(
                    "const root = document.querySelector('argument-map').shadowRoot;
                     const row = root.querySelector(\"[role=treeitem][aria-selected='true']\");
                     const sheet = root.querySelector('.am-detail');
                     const r = row.getBoundingClientRect(), s = sheet.getBoundingClientRect();
                     return { id: row.dataset.nodeId, top: r.top, bottom: r.bottom, sheet: s.top };",
                    vec![],
                )
                .await
                .ok()?;
            // Read twice: a smooth scroll may still be moving.
            tokio::time::sleep(std::time::Duration::from_millis(120)).await;
            let again = client.execute("const row = document.querySelector('argument-map').shadowRoot.querySelector(\"[role=treeitem][aria-selected='true']\"); return row.getBoundingClientRect().top;", vec![]).await.ok()?;
            (again.as_f64() == v["top"].as_f64()).then_some(v)
        })
        .await;
        let (top, bottom, sheet) = (seen["top"].as_f64().unwrap(), seen["bottom"].as_f64().unwrap(), seen["sheet"].as_f64().unwrap());
        assert!(top >= 0.0 && top < sheet, "step {step}: the selected row {} starts above the sheet: {seen}", seen["id"]);
        assert!(bottom <= sheet + 1.0 || bottom - top > sheet / 2.0, "step {step}: and is not under it: {seen}");
    }
    client.close().await.unwrap();
}
