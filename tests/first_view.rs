//! The first view from the HTML, over WebDriver in Chromium or Firefox (`ARGMAP_BROWSER`): a
//! page written by `argmap render --element|--shadow` shows the map's first view, styled, while
//! the widget's wasm is held back; a reader can open it node by node meanwhile; once the wasm
//! arrives the widget takes its place with nothing on the page moving, and starts where the
//! reader was. A map far below the fold downloads nothing until the reader scrolls near it. When
//! the wasm or the stylesheet cannot load, the element says so in its box, above the map as text.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::Locator;
use serde_json::Value;
use support::*;

/// What a reader sees of the page around `host` and of its first view: boxes in viewport px.
async fn first_view(client: &Browser, host: &str) -> Value {
    client
        .execute(
            "const host = document.querySelector(arguments[0]);
             const root = host.shadowRoot;
             const box = e => { if (!e) return null; const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height }; };
             const view = root && [...root.children].find(e => e.classList.contains('am-first'));
             const cards = view ? [...view.querySelectorAll('.am-fallback > details > .am-fb-body > .am-fb-children > [data-node-id]')] : [];
             return {
               state: host.getAttribute('data-state'),
               view: !!view,
               host: box(host),
               after: box(host.parentElement.nextElementSibling ?? host.nextElementSibling),
               question: view ? box(view.querySelector('.am-fallback > details > summary')) : null,
               cards: cards.map(c => ({ id: c.dataset.nodeId, side: c.dataset.side, border: getComputedStyle(c).borderTopStyle, ...box(c) })),
             };",
            vec![Value::from(host)],
        )
        .await
        .unwrap()
}

fn num(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or(f64::NAN)
}

#[tokio::test]
async fn the_first_view_shows_before_the_wasm_and_the_widget_takes_its_place_where_the_reader_was() {
    let site = site_with_fixtures();
    let (base, requests, hold) = serve_holding(&site, "argmap_bg.wasm");
    let client = browser_with(Options { width: 1280, height: 900, ..Options::default() }).await;
    client.goto(&format!("{base}/blog.html")).await.unwrap();
    // Chromium counts layout shifts (Firefox has no such API: the boxes below say it there).
    client
        .execute(
            "window.shifts = []; if (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes.includes('layout-shift'))
               new PerformanceObserver(l => window.shifts.push(...l.getEntries().filter(e => !e.hadRecentInput)
                 .map(e => ({ value: e.value, at: e.startTime, sources: e.sources.map(s => `${s.node?.nodeName}.${s.node?.className} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`) })))).observe({ type: 'layout-shift', buffered: true });
             return 0",
            vec![],
        )
        .await
        .unwrap();

    // The wasm is on its way and held: the first view is there, styled, the sides apart.
    let seen = wait_for("the first view, laid out", || async {
        let seen = first_view(&client, "#flagship").await;
        (seen["view"] == true && seen["cards"].as_array().is_some_and(|c| c.len() >= 5) && num(&seen["host"], "height") > 300.0)
            .then_some(seen)
    })
    .await;
    assert_eq!(seen["state"], "loading", "the widget is not there yet: {seen:#}");
    let cards = seen["cards"].as_array().unwrap();
    let question = &seen["question"];
    let (open, closed): (Vec<&Value>, Vec<&Value>) =
        (cards.iter().filter(|c| c["side"] == "open").collect(), cards.iter().filter(|c| c["side"] == "closed").collect());
    assert!(!open.is_empty() && !closed.is_empty(), "{seen:#}");
    for o in &open {
        for c in &closed {
            assert!(num(o, "right") < num(c, "left"), "open {} stands left of closed {}: {seen:#}", o["id"], c["id"]);
        }
    }
    let middle = (num(question, "left") + num(question, "right")) / 2.0;
    assert!(num(open[0], "right") < middle && num(closed[0], "left") > middle, "the question stands between the sides: {seen:#}");
    assert!(cards.iter().filter(|c| c["side"] == "neutral").all(|c| c["border"] == "dashed"), "the widget's own styles: {seen:#}");

    // The reader opens a position before the widget arrives: plain HTML, it opens.
    let flagship = client.find(Locator::Css("#flagship")).await.unwrap();
    let shadow = flagship.shadow_root().await.unwrap();
    let summary = shadow.find(Locator::Css(".am-first details[data-node-id='pos-only-road'] > summary")).await.unwrap();
    summary.click().await.unwrap();
    let child = shadow.find(Locator::Css(".am-first [data-node-id='motive-infinite-game-001']")).await.unwrap();
    wait_for("the opened position's children", || async { child.is_displayed().await.ok()?.then_some(()) }).await;
    assert!(requests.lock().unwrap().iter().any(|r| r.contains("argmap_bg.wasm")), "the wasm was asked for (and is held)");
    // Let the click's own layout settle, then note where everything stands.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let before = first_view(&client, "#flagship").await;
    // From here on, what the takeover moves (the page's own loading is not the widget's doing).
    client.execute("window.shifts = []; return 0", vec![]).await.unwrap();

    hold.release();
    let shadow = widget(&client, "#flagship").await;
    let after = wait_for("the first view gone", || async {
        let seen = first_view(&client, "#flagship").await;
        (seen["view"] == false).then_some(seen)
    })
    .await;
    for key in ["top", "height", "left", "right"] {
        assert!(
            (num(&before["host"], key) - num(&after["host"], key)).abs() < 1.0,
            "the map's box keeps its {key}: {before:#} → {after:#}"
        );
        assert!(
            (num(&before["after"], key) - num(&after["after"], key)).abs() < 1.0,
            "what follows keeps its {key}: {before:#} → {after:#}"
        );
    }
    let shifts = client.execute("return window.shifts", vec![]).await.unwrap();
    let total: f64 = shifts.as_array().map(|s| s.iter().filter_map(|e| e["value"].as_f64()).sum()).unwrap_or(0.0);
    assert_eq!(total, 0.0, "no layout shift: {shifts}");

    // The same ARIA contract as ever, starting where the reader was.
    let opened = row(&shadow, "pos-only-road").await;
    assert_eq!(opened.attr("aria-expanded").await.unwrap().as_deref(), Some("true"), "what the reader opened stays open");
    assert_eq!(opened.attr("aria-selected").await.unwrap().as_deref(), Some("true"), "the reader is where they were");
    assert!(
        shadow.find(Locator::Css("[role=treeitem][data-node-id='motive-infinite-game-001']")).await.is_ok(),
        "and its children are in the tree"
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_map_far_below_the_fold_downloads_nothing_until_the_reader_scrolls_near() {
    let (base, requests) = serve_recording(&site_with_fixtures(), &[]);
    let client = browser_with(Options { width: 1024, height: 700, ..Options::default() }).await;
    client.goto(&format!("{base}/below-fold.html")).await.unwrap();
    wait_for("argmap.js to define the element", || async {
        let defined = client.execute("return customElements.get('argument-map') !== undefined", vec![]).await.ok()?;
        (defined == true).then_some(())
    })
    .await;
    // Nothing to wait for but time: a second in which the page would have fetched it.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let asked = |what: &str| requests.lock().unwrap().iter().any(|r| r.contains(what));
    assert!(!asked("argmap_bg.wasm") && !asked("pkg/argmap.js") && !asked("maps/sample.json"), "{:#?}", requests.lock().unwrap());
    let far = client.find(Locator::Css("#far")).await.unwrap();
    assert_eq!(far.attr("data-state").await.unwrap().as_deref(), Some("loading"), "it waits to be near");

    client.execute("document.getElementById('far').scrollIntoView(); return 0", vec![]).await.unwrap();
    let shadow = widget(&client, "#far").await;
    row(&shadow, "q").await;
    assert!(asked("argmap_bg.wasm") && asked("maps/sample.json"), "fetched once near");
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_element_argmap_render_writes_with_its_map_inline_shows_and_becomes_the_widget() {
    let site = site_with_fixtures();
    let element = std::process::Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "-p",
            "argmap-cli",
            "--",
            "render",
            "cli/tests/fixtures/markup.json",
            "--lang",
            "en",
            "--element",
            "--base",
            ".",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run argmap render");
    assert!(element.status.success(), "{}", String::from_utf8_lossy(&element.stderr));
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>inline</title>\
         <link rel=\"stylesheet\" href=\"argmap.css\"><script type=\"module\" src=\"argmap.js\"></script></head>\
         <body><main>{}</main><p id=\"after\">After the map.</p></body></html>",
        String::from_utf8(element.stdout).unwrap()
    );
    std::fs::write(site.join("inline-first.html"), page).unwrap();
    let base = serve(&site, &[]);
    let client = browser_with(Options { width: 1024, height: 800, ..Options::default() }).await;
    client.goto(&format!("{base}/inline-first.html")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    // The map's hostile text stays text, in the widget as in the first view.
    let root = row(&shadow, "q").await;
    assert!(root.text().await.unwrap().contains("Root <q>?"), "{}", root.text().await.unwrap());
    row(&shadow, "p\"1").await;
    wait_for("the first view gone", || async { (first_view(&client, "argument-map").await["view"] == false).then_some(()) }).await;
    let alerts = client.execute("return document.querySelectorAll('script:not([src]):not([type])').length", vec![]).await.unwrap();
    assert_eq!(alerts, 0, "no script came out of the map's text");
    client.close().await.unwrap();
}

/// The alert in `host`'s box that says the widget could not load, once it is there: its text,
/// the element's state, whether it shows, and what else the box holds.
async fn unloadable(client: &Browser, host: &str) -> Value {
    wait_for(&format!("{host}'s alert"), || async {
        let seen = client
            .execute(
                "const host = document.querySelector(arguments[0]); host.scrollIntoView();
                 const alert = host.shadowRoot?.querySelector('.am-unloadable[role=alert]');
                 return alert && { text: alert.textContent, state: host.getAttribute('data-state'),
                   shown: alert.getBoundingClientRect().height > 0,
                   firstView: [...host.shadowRoot.children].some(e => e.classList.contains('am-first')),
                   widget: !!host.shadowRoot.querySelector('[role=tree]') };",
                vec![Value::from(host)],
            )
            .await
            .ok()?;
        (!seen.is_null()).then_some(seen)
    })
    .await
}

#[tokio::test]
async fn when_the_wasm_cannot_load_the_element_says_so_in_its_box_and_keeps_the_map_as_text() {
    let site = site_with_fixtures();
    std::fs::remove_file(site.join("pkg/argmap_bg.wasm")).unwrap();
    let base = serve(&site, &[]);
    let client = browser_with(Options { width: 1280, height: 900, ..Options::default() }).await;
    client.goto(&format!("{base}/blog.html")).await.unwrap();
    let flagship = unloadable(&client, "#flagship").await;
    assert_eq!(flagship["state"], "error", "{flagship}");
    let text = flagship["text"].as_str().unwrap();
    assert!(text.contains("could not be loaded") && text.contains("404"), "a readable reason: {text}");
    assert!(text.contains("The map as text is below"), "{text}");
    assert!(flagship["shown"] == true && flagship["firstView"] == true, "the alert shows above the first view, which stays: {flagship}");
    // An element with nothing else to show says so too: not a blank spot.
    let bare = unloadable(&client, "#phones").await;
    let text = bare["text"].as_str().unwrap();
    assert!(text.contains("could not be loaded") && !text.contains("below"), "{text}");
    assert!(bare["shown"] == true, "{bare}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn when_the_stylesheet_cannot_load_the_element_says_so_and_keeps_the_map_as_text() {
    let site = site_with_fixtures();
    std::fs::remove_file(site.join("argmap.css")).unwrap();
    let base = serve(&site, &[]);
    let client = browser_with(Options { width: 1280, height: 900, ..Options::default() }).await;
    client.goto(&format!("{base}/blog.html")).await.unwrap();
    let seen = unloadable(&client, "#flagship").await;
    let text = seen["text"].as_str().unwrap();
    assert!(text.contains("could not be loaded") && text.contains("argmap.css"), "{text}");
    assert_eq!(seen["state"], "error", "{seen}");
    assert!(seen["firstView"] == true && seen["widget"] == false, "no unstyled widget; the map as text stays: {seen}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn once_one_map_has_loaded_the_others_on_the_page_are_set_up_without_scrolling() {
    let (base, requests) = serve_recording(&site_with_fixtures(), &[]);
    let client = browser_with(Options { width: 1024, height: 700, ..Options::default() }).await;
    client.goto(&format!("{base}/two-maps.html")).await.unwrap();
    // The far map is ready too, the page never scrolled: the wasm was paid for the near one.
    wait_for("both maps ready", || async {
        let states = client
            .execute("return [...document.querySelectorAll('argument-map')].map(e => e.getAttribute('data-state'))", vec![])
            .await
            .ok()?;
        (states == serde_json::json!(["ready", "ready"])).then_some(())
    })
    .await;
    let scrolled = client.execute("return scrollY", vec![]).await.unwrap();
    assert_eq!(scrolled, 0, "nobody scrolled");
    let wasm = requests.lock().unwrap().iter().filter(|r| r.contains("argmap_bg.wasm")).count();
    assert_eq!(wasm, 1, "one download of the widget serves both");
    client.close().await.unwrap();
}
