//! Embedding, end to end in headless Chromium: `<argument-map>` on host pages (several per
//! page, inline JSON, added later, attributes changed live, a hostile stylesheet), the strict
//! Content-Security-Policy, the iframe embed, and the static fallback without JavaScript.
//!
//! Fixture pages live in tests/fixtures/ and are served next to a copy of the built dist/.
//!
//! CSP violations are caught three independent ways, and a canary page that breaks the policy on
//! purpose proves each of them works: the browser console (ChromeDriver's `se/log`, Chrome logs
//! every refusal there), the server (a `report-uri` directive makes the browser POST a report),
//! and, on fixture pages, a `securitypolicyviolation` listener (tests/fixtures/csp-probe.js).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use support::*;

const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed ({e}): {script}"))
}

async fn tree_label(shadow: &fantoccini::elements::ShadowRoot) -> String {
    let tree = shadow.find(Locator::Css("[role=tree]")).await.expect("a tree, not an alert");
    tree.attr("aria-label").await.unwrap().unwrap_or_default()
}

/// Waits until the tree in `host` is labelled `label`.
async fn wait_label(client: &Client, host: &str, label: &str) {
    let script =
        format!("return document.querySelector('{host}')?.shadowRoot?.querySelector('[role=tree]')?.getAttribute('aria-label') ?? null");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let seen = js(client, &script).await;
        if seen == json!(label) {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "{host}: tree label is {seen}, expected {label:?} within 10 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// As `wait_for`, but returns `None` on timeout so the caller can say what it saw.
async fn wait_for_quietly<T, F, Fut>(limit: Duration, mut check: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = std::time::Instant::now() + limit;
    loop {
        if let Some(value) = check().await {
            return Some(value);
        }
        if std::time::Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits for the page's next frame and the task after it: by then every microtask and task that
/// an earlier script queued (argmap.js reconciles in a microtask, Yew renders in one) has run.
/// An event-loop barrier, not a guess at a duration.
async fn settle(client: &Client) {
    client
        .execute_async("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => setTimeout(done, 0));", vec![])
        .await
        .expect("the page reaches its next frame");
}

#[tokio::test]
async fn maps_on_one_page_are_independent_and_a_broken_one_stays_alone() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/host.html")).await.unwrap();
    let a = widget(&client, "#a").await;
    let b = widget(&client, "#b").await;
    let broken = widget(&client, "#broken").await;

    assert_eq!(tree_label(&a).await, "Should phones be banned in class?", "#a loads its src");
    assert_eq!(tree_label(&b).await, "Inline: tea or coffee?", "#b reads its inline JSON");
    let alert = broken.find(Locator::Css("[role=alert]")).await.expect("#broken shows an alert");
    let text = alert.text().await.unwrap();
    assert!(text.contains("HTTP 404"), "#broken says why: {text}");
    assert!(a.find(Locator::Css("[role=alert]")).await.is_err(), "#a has no alert");
    assert!(b.find(Locator::Css("[role=alert]")).await.is_err(), "#b has no alert");

    // The same node ids in both maps: opening one must not open the other. (#a is drawn as the
    // outline, in the map's order; #b as the map, open side first.)
    assert_eq!(visible_ids(&a).await, ["q", "ban", "allow"]);
    assert_eq!(visible_ids(&b).await, ["q", "allow", "ban"]);
    row(&a, "ban").await.click().await.unwrap();
    wait_for("#a to open ban", || async { (visible_ids(&a).await.len() == 5).then_some(()) }).await;
    assert_eq!(visible_ids(&b).await, ["q", "allow", "ban"], "#b did not change when #a opened ban");
    row(&b, "allow").await.click().await.unwrap();
    wait_for("#b to open allow", || async { (visible_ids(&b).await.len() == 4).then_some(()) }).await;
    assert_eq!(visible_ids(&b).await, ["q", "allow", "allow-awake", "ban"]);
    assert_eq!(visible_ids(&a).await, ["q", "ban", "ban-distraction", "ban-equal", "allow"], "#a did not change");

    // The light-DOM fallback is hidden once the widget mounts; the page goes on.
    let fallback = client.find(Locator::Css("#b > p.fallback")).await.unwrap();
    assert!(!fallback.is_displayed().await.unwrap(), "#b's fallback is hidden by the mounted widget");
    assert!(client.find(Locator::Css("#after")).await.unwrap().is_displayed().await.unwrap());
    client.close().await.unwrap();
}

#[tokio::test]
async fn taking_the_map_away_brings_the_fallback_back_and_a_new_one_mounts() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/host.html")).await.unwrap();
    widget(&client, "#b").await;
    js(&client, "document.querySelector('#b > script[type=\"application/json\"]').remove();").await;
    let fallback = client.find(Locator::Css("#b > p.fallback")).await.unwrap();
    wait_for("#b's fallback to show again", || async { fallback.is_displayed().await.ok()?.then_some(()) }).await;
    assert_eq!(js(&client, "return document.querySelector('#b').shadowRoot.querySelectorAll('[role=tree]').length").await, json!(0));
    assert_eq!(
        js(&client, "return document.querySelector('#b').getAttribute('data-state')").await,
        json!(null),
        "nothing to show: no state"
    );
    js(&client, "document.querySelector('#b').setAttribute('src', 'maps/sample.json');").await;
    wait_label(&client, "#b", "Should phones be banned in class?").await;
    assert!(!fallback.is_displayed().await.unwrap(), "hidden again under the new map");
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_mount_still_in_flight_ends_with_the_latest_attributes() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/host.html")).await.unwrap();
    // host-inflight.js changed #late (src: a 404 -> sample.json, lang: en -> zh) right after
    // argmap.js ran, before the wasm had loaded.
    let late = widget(&client, "#late").await;
    assert_eq!(
        js(&client, "return window.inflightChangedBeforeMount").await,
        json!(true),
        "the change happened while the mount was in flight"
    );
    assert!(late.find(Locator::Css("[role=alert]")).await.is_err(), "#late does not show its first, broken src");
    wait_label(&client, "#late", "课堂上应当禁止手机吗？").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn elements_added_later_mount_and_attribute_changes_update_the_widget() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/host.html")).await.unwrap();
    let a = widget(&client, "#a").await;

    // Added after load, with its attributes; and one that gets its src only later.
    js(
        &client,
        "const m = document.createElement('argument-map');
         m.id = 'added'; m.setAttribute('src', 'maps/sample.json'); m.setAttribute('lang', 'zh');
         document.body.append(m);
         const n = document.createElement('argument-map');
         n.id = 'nosrc'; n.setAttribute('lang', 'en');
         document.body.append(n);
         setTimeout(() => n.setAttribute('src', 'maps/sample.json'), 300);",
    )
    .await;
    let added = widget(&client, "#added").await;
    assert_eq!(tree_label(&added).await, "课堂上应当禁止手机吗？");
    let nosrc = widget(&client, "#nosrc").await;
    assert_eq!(tree_label(&nosrc).await, "Should phones be banned in class?");

    // lang: en -> zh re-renders in place and keeps what the reader opened.
    row(&a, "ban").await.click().await.unwrap();
    wait_for("#a to open ban", || async { (visible_ids(&a).await.len() == 5).then_some(()) }).await;
    js(&client, "document.getElementById('a').setAttribute('lang', 'zh')").await;
    wait_label(&client, "#a", "课堂上应当禁止手机吗？").await;
    assert_eq!(visible_ids(&a).await.len(), 5, "ban is still open after the language changed");
    js(&client, "document.getElementById('a').setAttribute('lang', 'en')").await;
    wait_label(&client, "#a", "Should phones be banned in class?").await;

    // theme: pure CSS on the host attribute.
    let background = "return getComputedStyle(document.getElementById('a').shadowRoot.querySelector('.argmap')).backgroundColor";
    js(&client, "document.getElementById('a').setAttribute('theme', 'dark')").await;
    assert_eq!(js(&client, background).await, json!("rgb(13, 17, 23)"), "theme=dark");
    js(&client, "document.getElementById('a').setAttribute('theme', 'light')").await;
    assert_eq!(js(&client, background).await, json!("rgb(255, 255, 255)"), "theme=light");

    // height: a fixed box the map scrolls inside; removed, it grows with its content again.
    let measure = "const a = document.getElementById('a'); const inner = a.shadowRoot.querySelector('.argmap');
        return { host: a.getBoundingClientRect().height, scroll: inner.scrollHeight, client: inner.clientHeight,
                 overflow: getComputedStyle(inner).overflowY, style: a.getAttribute('style') };";
    js(&client, "document.getElementById('a').setAttribute('height', '150')").await;
    let boxed = js(&client, measure).await;
    assert_eq!(boxed["host"], json!(150), "height=150 makes a 150px box: {boxed}");
    assert_eq!(boxed["overflow"], json!("auto"), "{boxed}");
    assert!(boxed["scroll"].as_f64().unwrap() > boxed["client"].as_f64().unwrap(), "the map scrolls inside: {boxed}");
    js(&client, "document.getElementById('a').setAttribute('height', '12rem')").await;
    assert_eq!(js(&client, measure).await["host"], json!(192), "height takes CSS lengths (12rem = 192px)");
    js(&client, "document.getElementById('a').removeAttribute('height')").await;
    let free = js(&client, measure).await;
    assert!(free["host"].as_f64().unwrap() > 192.0, "without height it grows with its content: {free}");
    assert!(free["style"].as_str().unwrap_or("").is_empty(), "nothing left in its style: {free}");

    // Moving the element keeps the widget and the reader's place: the very rows it had (a
    // re-mount would build new ones), once everything the move queued has run.
    js(&client, "document.getElementById('a').shadowRoot.querySelector('[role=treeitem]').dataset.beforeMove = 'yes'").await;
    js(&client, "document.body.prepend(document.getElementById('a'))").await;
    settle(&client).await;
    let a = widget(&client, "#a").await;
    assert_eq!(visible_ids(&a).await.len(), 5, "still open after a move");
    let kept = "return document.getElementById('a').shadowRoot.querySelector('[role=treeitem]')?.dataset.beforeMove ?? null";
    assert_eq!(js(&client, kept).await, json!("yes"), "the same widget, not a new one, after a move");

    // tour: the host starts and stops the guided tour after mount.
    let touring = "return !!document.getElementById('a').shadowRoot.querySelector('.am-tour')";
    js(&client, "document.getElementById('a').setAttribute('tour', '')").await;
    let started = wait_for_quietly(Duration::from_secs(5), || async { (js(&client, touring).await == json!(true)).then_some(()) }).await;
    assert!(started.is_some(), "setting tour starts the tour");
    js(&client, "document.getElementById('a').removeAttribute('tour')").await;
    let stopped = wait_for_quietly(Duration::from_secs(5), || async { (js(&client, touring).await == json!(false)).then_some(()) }).await;
    assert!(stopped.is_some(), "removing tour ends it");

    // Removed for good: the widget is torn down.
    js(&client, "window.removed = document.getElementById('a'); window.removed.remove()").await;
    let gone = wait_for_quietly(Duration::from_secs(5), || async {
        let left = js(&client, "return window.removed.shadowRoot.querySelectorAll('[role=treeitem]').length").await;
        (left == json!(0)).then_some(())
    })
    .await;
    assert!(gone.is_some(), "a removed element's widget is destroyed");
    client.close().await.unwrap();
}

/// Console messages about the Content-Security-Policy since the last call.
async fn csp_messages(client: &Browser) -> Vec<String> {
    browser_log(client)
        .await
        .into_iter()
        .map(|(_, message)| message)
        .filter(|m| m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .collect()
}

fn reports(requests: &Requests) -> Vec<String> {
    requests.lock().unwrap().iter().filter(|r| r.contains("/csp-report")).cloned().collect()
}

/// What each engine can show of CSP violations. The server's reports (`report-uri`) and, on
/// fixture pages, the page's own `securitypolicyviolation` listener work in both; the console is
/// read in Chromium only (ChromeDriver's `se/log`: geckodriver has no such command).
fn console_is_readable(client: &Browser) -> bool {
    client.engine() == Engine::Chromium
}

/// Breaks the policy once on purpose, after everything the current page did (an inline
/// `<style>`, refused by `style-src 'self'`), and waits until every detector has seen that
/// violation: what the page itself violated before it has been reported by then too, so the
/// caller can assert on what was seen without sleeping. Returns the console's CSP messages since
/// the last call (empty in Firefox) and leaves the barrier's own report on the server's list.
async fn csp_barrier(client: &Browser, requests: &Requests, reports_before: usize, what: &str) -> Vec<String> {
    js(
        client,
        "const s = document.createElement('style'); s.id = 'csp-barrier'; s.textContent = '#csp-barrier { }'; document.head.append(s);",
    )
    .await;
    wait_for(&format!("{what}: the barrier's violation report to reach the server"), || async {
        (reports(requests).len() > reports_before).then_some(())
    })
    .await;
    if !console_is_readable(client) {
        return Vec::new();
    }
    // se/log hands out each message once: keep them across polls.
    let seen = std::cell::RefCell::new(Vec::new());
    wait_for(&format!("{what}: the barrier's refusal in the console"), || async {
        let new = csp_messages(client).await;
        let mut seen = seen.borrow_mut();
        seen.extend(new);
        seen.iter().any(|m| m.contains("inline style")).then_some(())
    })
    .await;
    seen.into_inner()
}

#[tokio::test]
async fn every_page_works_under_a_strict_csp_with_no_violation() {
    let policy = format!("{CSP}; report-uri /csp-report");
    let (base, requests) = serve_recording(&site_with_fixtures(), &[("Content-Security-Policy", &policy)]);
    let client = browser().await;

    // The canary breaks the policy twice on purpose: each detector must see it.
    client.goto(&format!("{base}/csp-canary.html")).await.unwrap();
    assert_eq!(js(&client, "return window.inlineScriptRan ?? null").await, Value::Null, "the CSP header is enforced");
    let probe = wait_for("the probe to see the canary's violations", || async {
        let seen = js(&client, "return window.cspViolations").await;
        (seen.as_array().map_or(0, Vec::len) >= 2).then_some(seen)
    })
    .await;
    assert!(probe.to_string().contains("script-src") && probe.to_string().contains("style-src"), "{probe}");
    wait_for("the canary's violation reports to reach the server", || async { (reports(&requests).len() >= 2).then_some(()) }).await;
    if console_is_readable(&client) {
        let logged = wait_for("the console to show both refusals", || async {
            let logged = csp_messages(&client).await;
            (logged.len() >= 2).then_some(logged)
        })
        .await;
        assert!(logged.iter().any(|m| m.contains("inline script")) && logged.iter().any(|m| m.contains("inline style")), "{logged:?}");
    }
    // And the barrier is seen by every detector, or it could not stand in for a sleep.
    let before = reports(&requests).len();
    let console = csp_barrier(&client, &requests, before, "csp-canary.html").await;
    assert_eq!(console.len(), usize::from(console_is_readable(&client)), "the barrier alone: {console:?}");
    let probe = js(&client, "return window.cspViolations.length").await;
    assert_eq!(probe, json!(3), "the probe saw the barrier");
    requests.lock().unwrap().clear();

    // Every page that ships, and the fixture host page, with the policy on. After each, the
    // barrier, and then nothing but the barrier may have been seen.
    let pages: [(&str, &[&str]); 5] = [
        ("/", &["#map"]),
        ("/embed.html?map=maps/sample.json&lang=en", &["#map"]),
        ("/teach.html", &["#map"]),
        ("/blog.html", &["#flagship", "#phones"]),
        ("/host.html", &["#a", "#b", "#late"]),
    ];
    for (page, hosts) in pages {
        client.goto(&format!("{base}{page}")).await.unwrap();
        for host in hosts {
            let shadow = widget(&client, host).await;
            shadow.find(Locator::Css("[role=tree]")).await.unwrap_or_else(|_| panic!("{page} {host}: the map renders under the CSP"));
        }
        if page == "/teach.html" {
            let tour = js(&client, "return !!document.getElementById('map').shadowRoot.querySelector('.am-tour')").await;
            assert_eq!(tour, json!(true), "teach.html starts in the tour");
        }
        let console = csp_barrier(&client, &requests, 0, page).await;
        assert_eq!(console.len(), usize::from(console_is_readable(&client)), "{page}: CSP messages in the console: {console:?}");
        if page == "/host.html" {
            let probe = js(&client, "return window.cspViolations").await;
            assert_eq!(probe.as_array().map(Vec::len), Some(1), "{page}: the probe saw more than the barrier: {probe}");
        }
        assert_eq!(reports(&requests).len(), 1, "{page}: violation reports sent to the server besides the barrier's");
        requests.lock().unwrap().clear();
    }

    // The iframe embed, parent and child both under the policy: a barrier in each.
    client.goto(&format!("{base}/frame-host.html")).await.unwrap();
    let height = wait_for("the embed to size its iframe", || async {
        let h = js(&client, "return document.getElementById('frame').getBoundingClientRect().height").await;
        (h.as_f64().unwrap_or(0.0) > 200.0).then_some(h)
    })
    .await;
    client.enter_frame(0).await.unwrap();
    let mut console = csp_barrier(&client, &requests, 0, "embed.html in frame-host.html").await;
    client.enter_parent_frame().await.unwrap();
    console.extend(csp_barrier(&client, &requests, 1, "frame-host.html").await);
    let probe = js(&client, "return window.cspViolations").await;
    assert_eq!(probe.as_array().map(Vec::len), Some(1), "frame-host.html: the probe saw more than the barrier: {probe}");
    assert_eq!(console.len(), 2 * usize::from(console_is_readable(&client)), "frame-host.html (iframe {height}px): {console:?}");
    assert_eq!(reports(&requests).len(), 2, "violation reports sent to the server besides the two barriers'");
    client.close().await.unwrap();
}

/// Font size, family and spacing of the first row, and the heights of all rows, in `host`.
async fn row_metrics(client: &Client, host: &str) -> Value {
    js(
        client,
        &format!(
            "const root = document.querySelector('{host}').shadowRoot;
             const rows = [...root.querySelectorAll('[role=treeitem]')];
             const s = getComputedStyle(rows[0]);
             return {{ fontSize: s.fontSize, family: s.fontFamily, spacing: s.letterSpacing, transform: s.textTransform,
                       display: s.display, heights: rows.map(r => r.getBoundingClientRect().height),
                       width: root.querySelector('[role=tree]').getBoundingClientRect().width }};"
        ),
    )
    .await
}

#[tokio::test]
async fn a_hostile_host_stylesheet_does_not_reach_the_widget() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/host.html")).await.unwrap();
    widget(&client, "#a").await;
    let calm = row_metrics(&client, "#a").await;
    client.goto(&format!("{base}/hostile.html")).await.unwrap();
    widget(&client, "#a").await;
    // The hostile sheet really applies to the page around the widget.
    let page_size = js(&client, "return getComputedStyle(document.querySelector('p')).fontSize").await;
    assert_eq!(page_size, json!("30px"), "hostile.css is in force on the host page");
    let hostile = row_metrics(&client, "#a").await;

    assert_eq!(calm["fontSize"], json!("16px"), "the widget's own size: {calm}");
    for key in ["fontSize", "family", "spacing", "transform", "display"] {
        assert_eq!(hostile[key], calm[key], "treeitem {key} under hostile.css: {hostile}");
    }
    let heights = hostile["heights"].as_array().unwrap();
    assert!(!heights.is_empty() && heights.iter().all(|h| h.as_f64().unwrap() >= 44.0), "rows stay ≥ 44px: {hostile}");
    assert!(hostile["width"].as_f64().unwrap() > 300.0, "the tree keeps its width: {hostile}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_iframe_embed_sizes_its_frame_to_the_map() {
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/frame-host.html")).await.unwrap();
    let frame_height =
        || async { js(&client, "return document.getElementById('frame').getBoundingClientRect().height").await.as_f64().unwrap() };
    let first = wait_for("the embed to size its iframe", || async {
        let h = frame_height().await;
        (h > 200.0).then_some(h)
    })
    .await;

    client.enter_frame(0).await.unwrap();
    let shadow = widget(&client, "#map").await;
    assert_eq!(tree_label(&shadow).await, "Should phones be banned in class?", "embed.html reads ?map= and ?lang=");
    let inner = js(&client, "return document.documentElement.getBoundingClientRect().height").await.as_f64().unwrap();
    let scrolls = js(&client, "return document.documentElement.scrollHeight > innerHeight").await;
    assert!((inner - first).abs() <= 2.0, "frame {first}px, document inside {inner}px");
    assert_eq!(scrolls, json!(false), "no scrollbar inside the frame");

    // Opening nodes grows the document, and the frame follows.
    row(&shadow, "ban").await.click().await.unwrap();
    row(&shadow, "allow").await.click().await.unwrap();
    wait_for("both positions open", || async { (visible_ids(&shadow).await.len() == 8).then_some(()) }).await;
    let grown = js(&client, "return document.documentElement.getBoundingClientRect().height").await.as_f64().unwrap();
    client.enter_parent_frame().await.unwrap();
    let followed = wait_for("the frame to grow", || async {
        let h = frame_height().await;
        ((h - grown).abs() <= 2.0).then_some(h)
    })
    .await;
    assert!(followed > first, "frame grew from {first}px to {followed}px");
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_static_fallback_shows_the_whole_map_without_javascript() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/maps/open-vs-closed.json")).unwrap();
    let map = argmap::model::load(&text).expect("the flagship map loads");
    let base = serve(&dist(), &[]);
    let client = browser_with(Options { javascript: false, ..Options::default() }).await;
    client.goto(&format!("{base}/blog.html")).await.unwrap();

    // The page's scripts did not run: the element never became a widget. (WebDriver's own
    // scripts still run.) With JavaScript on, argmap.js, a module script, defines the element
    // before the document's load event, which `goto` waits for.
    assert_eq!(js(&client, "return document.readyState").await, json!("complete"), "the page has loaded");
    let defined = js(&client, "return customElements.get('argument-map') !== undefined").await;
    assert_eq!(defined, json!(false), "JavaScript is off: argmap.js did not run");
    // The first view is in the page itself: a declarative shadow root, drawn by the browser's
    // parser, styled by the widget's own sheet (laid out open | question | closed).
    let flagship = client.find(Locator::Css("argument-map#flagship")).await.unwrap();
    let view = flagship.shadow_root().await.expect("the page declares the first view's shadow root");
    let fallback = |selector: &str| format!("document.querySelector('#flagship').shadowRoot.querySelectorAll({selector:?})");

    let nodes = view.find_all(Locator::Css(".am-fallback [data-node-id]")).await.unwrap();
    assert_eq!(
        nodes.len(),
        map.nodes.len(),
        "dist/blog.html carries every node of the flagship map (written by cli/fill-fallbacks.sh, Trunk's post_build hook)"
    );
    // Each node once, with its own words (English, the page's language, or the map's first).
    let texts = js(
        &client,
        &format!(
            "const out = {{}}; for (const n of {}) {{
               const id = n.dataset.nodeId; out[id] = (out[id] ?? []).concat(n.querySelector(':scope > .am-fb-line .am-fb-text')?.textContent ?? null);
             }} return out;",
            fallback(".am-fallback [data-node-id]")
        ),
    )
    .await;
    for node in &map.nodes {
        assert_eq!(texts[&node.id], json!([node.text.get("en")]), "node {} shows once, with its text, in the fallback", node.id);
    }
    assert!(view.find(Locator::Css(".am-fb-title")).await.unwrap().is_displayed().await.unwrap());
    let sides = || async {
        js(
            &client,
            "const root = document.querySelector('#flagship').shadowRoot;
             const answer = side => root.querySelector(`.am-fallback > details > .am-fb-body > .am-fb-children > [data-side=${side}]`);
             return { open: answer('open').getBoundingClientRect().right, closed: answer('closed').getBoundingClientRect().left, border: getComputedStyle(answer('neutral')).borderTopStyle };",
        )
        .await
    };
    // The sheet inside the shadow root may land a moment after the page's load event.
    let sides = wait_for("the first view styled by argmap.css", || async {
        let sides = sides().await;
        (sides["border"] == "dashed").then_some(sides)
    })
    .await;
    assert!(sides["open"].as_f64() < sides["closed"].as_f64(), "open on one side, closed on the other, with no script: {sides}");

    // It opens node by node: a position's children show only once its summary is clicked.
    let position = view.find(Locator::Css("details[data-node-id='pos-only-road']")).await.unwrap();
    let child = view.find(Locator::Css("[data-node-id='motive-infinite-game-001']")).await.unwrap();
    assert!(position.is_displayed().await.unwrap(), "the root starts open: its positions show");
    assert_eq!(position.attr("open").await.unwrap(), None, "a position starts closed");
    assert!(!child.is_displayed().await.unwrap(), "its children are hidden while it is closed");
    let summary = view.find(Locator::Css("details[data-node-id='pos-only-road'] > summary")).await.unwrap();
    summary.click().await.unwrap();
    assert!(position.attr("open").await.unwrap().is_some(), "clicking the summary opens it");
    assert!(child.is_displayed().await.unwrap(), "its children show once open");
    client.close().await.unwrap();
}

#[tokio::test]
async fn an_embedded_map_never_touches_the_host_pages_address() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/maps/open-vs-closed.json")).unwrap();
    let map = argmap::model::load(&text).expect("the flagship map loads");
    let linked = &map.nodes[map.links.first().expect("the flagship map has cross-references").from].id;
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    let start = format!("{base}/location.html?page=1#host-anchor");
    client.goto(&start).await.unwrap();
    let shadow = widget(&client, "#map").await;
    // location-probe.js counts pushState, replaceState, hashchange and popstate from the start.
    let address = "return { href: location.href, length: history.length, state: history.state, changes: window.locationChanges }";
    let before = js(&client, address).await;
    assert_eq!(before["href"], json!(start), "{before}");

    // What a reader does in it: open nodes by click and by key, switch the language, choose a
    // lens, expand all, follow a cross-reference, mark a claim, search.
    click(&shadow, "[role=treeitem][data-node-id='pos-big-co-tool']").await;
    wait_row(&shadow, "pos-big-co-tool", "aria-expanded", "true").await;
    press(&client, fantoccini::key::Key::Down).await;
    click(&shadow, "button[lang=zh]").await;
    wait_label(&client, "#map", map.title.get("zh")).await;
    click(&shadow, ".am-legend summary").await;
    click(&shadow, ".am-source[data-source-id='000']").await;
    wait_row(&shadow, "pos-big-co-tool", "data-lens", "hit").await;
    click(&shadow, "[data-action=expand-all]").await;
    click(&shadow, &format!("[role=treeitem][data-node-id='{linked}']")).await;
    wait_row(&shadow, linked, "aria-selected", "true").await;
    let jump = shadow.find(Locator::Css(".am-detail .am-jump")).await.expect("the linked node's detail offers its cross-reference");
    let target = jump.attr("data-target-id").await.unwrap().expect("a jump names its target");
    jump.click().await.unwrap();
    wait_row(&shadow, &target, "aria-selected", "true").await;
    click(&shadow, ".am-detail [data-verdict=no]").await;
    let search = shadow.find(Locator::Css("input[type=search]")).await.unwrap();
    search.send_keys("开源").await.unwrap();
    settle(&client).await;

    let after = js(&client, address).await;
    assert_eq!(after, before, "the host's address, history and state are as they were");
    // The probe itself counts: one replaceState by the test shows up.
    js(&client, "history.replaceState(history.state, '', location.href)").await;
    assert_eq!(js(&client, "return window.locationChanges.replaceState").await, json!(1), "the probe sees a replaceState");
    client.close().await.unwrap();
}

/// The widget's text (its shadow root's), for what a reader reads.
async fn widget_text(client: &Client, host: &str) -> String {
    let text = js(client, &format!("return document.querySelector('{host}').shadowRoot.textContent")).await;
    text.as_str().unwrap_or_default().to_owned()
}

/// Marks the sample map's `allow` "not convinced" and waits until the tally counts it.
async fn mark_allow_not_convinced(client: &Client, shadow: &fantoccini::elements::ShadowRoot) {
    click(shadow, "[role=treeitem][data-node-id='allow']").await;
    click(shadow, ".am-detail [data-verdict=no]").await;
    wait_for("the tally to count the mark", || async { widget_text(client, "#map").await.contains("1 for ban").then_some(()) }).await;
}

#[tokio::test]
async fn when_storage_is_refused_the_widget_says_the_marks_will_not_be_kept() {
    let not_kept = argmap::strings::strings("en").not_kept;
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;

    // Storage that works: no notice.
    client.goto(&format!("{base}/storage.html?refuse=none")).await.unwrap();
    widget(&client, "#map").await;
    settle(&client).await;
    assert!(!widget_text(&client, "#map").await.contains(not_kept), "storage works: no notice");

    // Every write refused: the notice, and marks that still work for this visit only.
    client.goto(&format!("{base}/storage.html?refuse=all")).await.unwrap();
    let shadow = widget(&client, "#map").await;
    wait_for("the storage notice", || async { widget_text(&client, "#map").await.contains(not_kept).then_some(()) }).await;
    mark_allow_not_convinced(&client, &shadow).await;
    client.refresh().await.unwrap();
    let shadow = widget(&client, "#map").await;
    wait_for("the storage notice after a reload", || async { widget_text(&client, "#map").await.contains(not_kept).then_some(()) }).await;
    let no_marks = argmap::strings::strings("en").no_marks;
    assert!(widget_text(&client, "#map").await.contains(no_marks), "the mark was not kept, as the notice said");
    assert!(shadow.find(Locator::Css("[data-node-id='allow'] .am-verdict")).await.is_err(), "no mark on allow after the reload");
    client.close().await.unwrap();
}

#[tokio::test]
async fn when_storage_fills_up_later_the_widget_says_the_marks_will_not_be_kept() {
    let not_kept = argmap::strings::strings("en").not_kept;
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/storage.html?refuse=later")).await.unwrap();
    let shadow = widget(&client, "#map").await;
    settle(&client).await;
    assert!(!widget_text(&client, "#map").await.contains(not_kept), "storage works at first: no notice");
    js(&client, "window.storageFull = true").await;
    mark_allow_not_convinced(&client, &shadow).await;
    wait_for("the storage notice once a write failed", || async { widget_text(&client, "#map").await.contains(not_kept).then_some(()) })
        .await;
    client.close().await.unwrap();
}
