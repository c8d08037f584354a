//! The built page (`dist/`) as a reader meets it: served on 127.0.0.1, driven over WebDriver in
//! headless Chromium or Firefox (`ARGMAP_BROWSER`, tests/support).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
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
    client.goto(&format!("{base}/?map=maps/sample.json&view=outline")).await.unwrap();
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
        press(&client, key).await;
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
async fn in_the_map_view_sides_hold_their_own_region_and_clicks_and_keys_open_nodes() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/?map=maps/sample.json")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    let tree = shadow.find(fantoccini::Locator::Css("[role=tree]")).await.unwrap();
    assert_eq!(tree.attr("data-view").await.unwrap().as_deref(), Some("map"), "a laptop-wide page shows the map");
    assert_eq!(visible_ids(&shadow).await, ["q", "allow", "ban"], "open before closed");

    row(&shadow, "ban").await.click().await.unwrap();
    wait_for("ban's children", || async { (visible_ids(&shadow).await.len() == 5).then_some(()) }).await;
    // ← closes ban, ↑ goes to allow, Enter opens it.
    for key in [Key::Left, Key::Up, Key::Enter] {
        press(&client, key).await;
    }
    let ids = wait_for("allow's children", || async {
        let ids = visible_ids(&shadow).await;
        (ids.len() == 6).then_some(ids)
    })
    .await;
    assert_eq!(ids, ["q", "allow", "allow-tools", "allow-safety", "allow-skills", "ban"]);
    let wires = shadow.find_all(fantoccini::Locator::Css(".am-wire")).await.unwrap();
    assert_eq!(wires.len(), 5, "a connector to each shown child");
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

#[tokio::test]
async fn a_copied_link_reopens_the_same_view_and_back_steps_through_it() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    click(&shadow, "[role=treeitem][data-node-id='pos-big-co-tool']").await;
    wait_row(&shadow, "pos-big-co-tool", "aria-expanded", "true").await;
    click(&shadow, "button[lang=zh]").await;
    click(&shadow, ".am-legend summary").await;
    click(&shadow, ".am-source[data-source-id='000']").await;
    wait_row(&shadow, "pos-big-co-tool", "data-lens", "hit").await;
    // The URL follows in the task after the frame that shows the step.
    let link = wait_for("the view in the URL", || async {
        let link = client.current_url().await.unwrap().to_string();
        (link.contains("#open=") && link.contains("lang=zh") && link.contains("lens=000")).then_some(link)
    })
    .await;
    let rows = visible_ids(&shadow).await;

    // A fresh browser, as a friend who was sent the link.
    let friend = browser().await;
    friend.goto(&link).await.unwrap();
    let theirs = widget(&friend, "argument-map").await;
    wait_row(&theirs, "pos-big-co-tool", "aria-selected", "true").await;
    assert_eq!(visible_ids(&theirs).await, rows);
    let label = attr(&theirs, "[role=tree]", "aria-label").await.unwrap_or_default();
    assert!(label.contains("开源还是闭源"), "in Chinese: {label}");
    assert_eq!(attr(&theirs, "[role=treeitem][data-node-id='pos-big-co-tool']", "data-lens").await.as_deref(), Some("hit"));
    friend.close().await.unwrap();

    // Back undoes the lens, then the language, then the opening.
    client.back().await.unwrap();
    wait_for("the lens to go", || async { attr(&shadow, "[data-node-id='pos-big-co-tool']", "data-lens").await.is_none().then_some(()) })
        .await;
    client.back().await.unwrap();
    client.back().await.unwrap();
    wait_row(&shadow, "pos-big-co-tool", "aria-expanded", "false").await;
    client.forward().await.unwrap();
    wait_row(&shadow, "pos-big-co-tool", "aria-expanded", "true").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn steps_that_come_faster_than_a_frame_are_each_a_step_back() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    focus_tree(&client).await;
    let entries = || async { client.execute("return history.length", vec![]).await.unwrap().as_u64().unwrap() };
    let before = entries().await;
    // Three keys in one burst of real input (a fast reader, a slow phone): ↓ to the first
    // answer (a move, no step), → opens it, ← closes it again: two steps. Real input, not
    // script clicks: Chromium does not let a page add a history entry Back will stop at
    // without a user's action behind it.
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let mut keys = KeyActions::new("keyboard".into());
    for key in [Key::Down, Key::Right, Key::Left] {
        let value = key.to_string().chars().next().unwrap();
        keys = keys.then(KeyAction::Down { value }).then(KeyAction::Up { value });
    }
    client.perform_actions(keys).await.unwrap();
    let first = wait_for("the first answer selected", || async {
        let selected = attr(&shadow, "[role=treeitem][aria-selected=true]", "data-node-id").await?;
        (selected != "q").then_some(selected)
    })
    .await;
    wait_row(&shadow, &first, "aria-expanded", "false").await;
    wait_for("both steps in the history, each its own entry", || async { (entries().await == before + 2).then_some(()) }).await;
    // Back undoes the closing (the answer open again), then the opening.
    client.back().await.unwrap();
    wait_row(&shadow, &first, "aria-expanded", "true").await;
    client.back().await.unwrap();
    wait_row(&shadow, &first, "aria-expanded", "false").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_readers_verdict_survives_a_reload() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/?map=maps/sample.json")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    click(&shadow, "[role=treeitem][data-node-id='allow']").await;
    click(&shadow, ".am-detail [data-verdict=no]").await;
    wait_for("the tally", || async {
        let text = shadow.find(Locator::Css(".am-tally")).await.ok()?.text().await.ok()?;
        text.contains("1 for ban").then_some(())
    })
    .await;
    client.refresh().await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    let text = shadow.find(Locator::Css(".am-tally")).await.unwrap().text().await.unwrap();
    assert!(text.contains("lean ban: 0 for allow, 1 for ban"), "after reload: {text}");
    assert_eq!(shadow.find_all(Locator::Css("[data-node-id='allow'] .am-verdict")).await.unwrap().len(), 1);
    client.close().await.unwrap();
}

#[tokio::test]
async fn no_serious_accessibility_violations_in_either_language() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    // Open something with quotes, flags and links so the scan sees the detail too.
    click(&shadow, "[role=treeitem][data-node-id='pos-only-road']").await;
    click(&shadow, "button[lang=en]").await;
    let en = serious_violations(&client).await;
    click(&shadow, "button[lang=zh]").await;
    let zh = serious_violations(&client).await;
    assert!(en.is_empty() && zh.is_empty(), "English: {en:#?}\nChinese: {zh:#?}");
    client.close().await.unwrap();
}

/// The computed font size, in pixels, of the first row's claim text.
async fn row_font_size(client: &Browser) -> f64 {
    let size = client
        .execute(
            "return parseFloat(getComputedStyle(document.getElementById('map').shadowRoot.querySelector('[role=treeitem]')).fontSize)",
            vec![],
        )
        .await
        .unwrap();
    size.as_f64().expect("a font size in px")
}

#[tokio::test]
async fn tour_on_the_standalone_page_starts_the_guided_tour_in_large_type() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/maps/open-vs-closed.json")).unwrap();
    let map = argmap::model::load(&text).expect("the flagship map loads");
    let first_stop = &map.nodes[map.tour.first().expect("the flagship map has a tour").node].id;
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/?lang=en")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    assert!(shadow.find(Locator::Css(".am-tour")).await.is_err(), "without ?tour, no tour");
    let normal = row_font_size(&client).await;

    client.goto(&format!("{base}/?tour&lang=en")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    let tour = wait_for("the tour panel", || async {
        shadow.find(Locator::Css("[role=tree]")).await.ok()?;
        shadow.find(Locator::Css(".am-tour")).await.ok()
    })
    .await;
    assert!(tour.is_displayed().await.unwrap(), "the tour shows");
    let step = (argmap::strings::strings("en").tour_step)(1, map.tour.len());
    let words = tour.text().await.unwrap();
    assert!(words.contains(&step), "the tour starts at its first step ({step}): {words}");
    wait_row(&shadow, first_stop, "aria-selected", "true").await;
    let large = row_font_size(&client).await;
    assert!(large >= 1.4 * normal, "large type: rows at {large}px in the tour, {normal}px without");
    client.close().await.unwrap();
}

#[tokio::test]
async fn at_360_px_wide_the_map_fits_and_its_targets_stay_44_px() {
    // The standalone page in a 360 × 740 frame (tests/fixtures/phone.html): its own viewport,
    // media and container queries included, in both engines.
    let base = serve(&site_with_fixtures(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/phone.html")).await.unwrap();
    client.enter_frame(0).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    click(&shadow, "[role=treeitem][data-node-id='pos-only-road']").await;
    wait_row(&shadow, "pos-only-road", "aria-expanded", "true").await;
    shadow.find(Locator::Css(".am-detail")).await.expect("the detail of the selected node");
    let layout = client
        .execute(
            "const root = document.getElementById('map').shadowRoot;
             const box = e => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width, height: r.height }; };
             const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
             const name = e => (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40);
             const targets = [...root.querySelectorAll('button, summary, input, select, a[href], [role=treeitem]')].filter(shown)
               .map(e => ({ what: e.tagName.toLowerCase() + ' ' + name(e), ...box(e) }));
             return { viewport: innerWidth, page: document.documentElement.scrollWidth,
                      tree: box(root.querySelector('[role=tree]')), detail: box(root.querySelector('.am-detail')), targets };",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(layout["viewport"], json!(360), "the page's viewport is 360 CSS px wide: {layout}");
    assert!(layout["page"].as_f64().unwrap() <= 360.0, "the page does not scroll sideways: {layout}");
    for part in ["tree", "detail"] {
        let b = &layout[part];
        assert!(b["width"].as_f64().unwrap() > 200.0, "the {part} shows, {b}");
        assert!(b["left"].as_f64().unwrap() >= 0.0 && b["right"].as_f64().unwrap() <= 360.0, "the {part} is within the screen: {b}");
    }
    let targets = layout["targets"].as_array().unwrap();
    assert!(targets.len() > 10, "rows and controls are measured: {targets:?}");
    let small: Vec<&Value> =
        targets.iter().filter(|t| t["height"].as_f64().unwrap() < 44.0 || t["width"].as_f64().unwrap() < 44.0).collect();
    assert!(small.is_empty(), "targets under 44 × 44 px at 360 px wide: {small:#?}");
    client.close().await.unwrap();
}

/// A fresh, empty folder for the files one test's page saves.
fn download_folder(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("argmap-saved-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The bytes of `name` once the browser has finished writing it into `dir`.
async fn saved_file(dir: &std::path::Path, name: &str) -> Vec<u8> {
    wait_for(&format!("{name} to be saved in {}", dir.display()), || async {
        let partial = std::fs::read_dir(dir).ok()?.flatten().any(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.ends_with(".crdownload") || n.ends_with(".part")
        });
        let bytes = std::fs::read(dir.join(name)).ok().filter(|b| !b.is_empty() && !partial)?;
        Some(bytes)
    })
    .await
}

/// The English claims of the rows shown now, from the sample map's file.
async fn shown_claims(shadow: &fantoccini::elements::ShadowRoot) -> Vec<String> {
    let map: Value = serde_json::from_str(&std::fs::read_to_string(dist().join("maps/sample.json")).unwrap()).unwrap();
    let claim = |id: &str| {
        map["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id).and_then(|n| n["text"]["en"].as_str()).unwrap().to_owned()
    };
    visible_ids(shadow).await.iter().map(|id| claim(id)).collect()
}

#[tokio::test]
async fn the_map_saves_as_an_svg_with_every_shown_claim_and_as_a_sharp_png() {
    let folder = download_folder("picture");
    let base = serve(&dist(), &[]);
    let client = browser_with(Options { downloads: Some(folder.clone()), ..Options::default() }).await;
    client.goto(&format!("{base}/?map=maps/sample.json")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    row(&shadow, "ban").await.click().await.unwrap();
    wait_for("ban's children", || async { (visible_ids(&shadow).await.len() == 5).then_some(()) }).await;
    let claims = shown_claims(&shadow).await;

    click(&shadow, "[data-action=save-picture]").await;
    click(&shadow, "[data-action=save-svg]").await;
    let svg = String::from_utf8(saved_file(&folder, "phones-in-class.svg").await).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.trim_end().ends_with("</svg>"));
    let text: String =
        svg.split("<text").skip(1).filter_map(|t| t.split_once('>')).map(|(_, t)| t.split("</text>").next().unwrap_or("")).collect();
    let squeezed = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for claim in &claims {
        assert!(squeezed(&text).contains(&squeezed(claim)), "{claim:?} is in the SVG");
    }
    let number = |name: &str| -> u32 {
        let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[at..].split('"').next().unwrap().parse().unwrap()
    };
    let (width, height) = (number("width"), number("height"));

    click(&shadow, "[data-action=save-picture]").await;
    click(&shadow, "[data-action=save-png]").await;
    let png = saved_file(&folder, "phones-in-class.png").await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    assert_eq!((be(16), be(20)), (width * 2, height * 2), "the SVG's picture at twice its pixels");
    // A blank canvas of that size compresses to a few hundred bytes; cards, lines and text don't.
    assert!(png.len() > 8_000, "the PNG has the drawing in it ({} bytes)", png.len());
    client.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&folder);
}

#[tokio::test]
async fn copy_as_outline_puts_what_is_open_on_the_clipboard_or_else_in_a_file() {
    let folder = download_folder("outline");
    let base = serve(&dist(), &[]);
    let client = browser_with(Options { downloads: Some(folder.clone()), ..Options::default() }).await;
    client.goto(&format!("{base}/?map=maps/sample.json&view=outline")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    row(&shadow, "ban").await.click().await.unwrap();
    wait_for("ban's children", || async { (visible_ids(&shadow).await.len() == 5).then_some(()) }).await;
    let claims = shown_claims(&shadow).await;
    let hidden = "Silent mode already solves notifications";
    assert!(!claims.iter().any(|c| c == hidden));

    // The clipboard, as the page sees it, records what it is given.
    client
        .execute("navigator.clipboard.writeText = (t) => { window.copiedOutline = t; return Promise.resolve(); };", vec![])
        .await
        .unwrap();
    click(&shadow, "[data-action=more]").await;
    click(&shadow, "[data-action=copy-outline]").await;
    wait_for("the copied notice", || async {
        (attr(&shadow, "[data-outcome]", "data-outcome").await.as_deref() == Some("copied")).then_some(())
    })
    .await;
    let copied = client.execute("return window.copiedOutline", vec![]).await.unwrap();
    let copied = copied.as_str().unwrap();
    assert!(copied.starts_with("# Should phones be banned in class?"), "{copied}");
    for claim in &claims[1..] {
        assert!(copied.contains(claim.as_str()), "{claim:?} is in the outline:\n{copied}");
    }
    assert!(!copied.contains(hidden), "a closed claim is not in the outline");

    // Where the clipboard is refused, the outline is saved as a file instead.
    client.execute("navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));", vec![]).await.unwrap();
    click(&shadow, "[data-action=more]").await;
    click(&shadow, "[data-action=copy-outline]").await;
    let saved = String::from_utf8(saved_file(&folder, "phones-in-class.md").await).unwrap();
    assert_eq!(saved, copied, "the same outline");
    wait_for("the saved notice", || async {
        (attr(&shadow, "[data-outcome]", "data-outcome").await.as_deref() == Some("saved")).then_some(())
    })
    .await;
    client.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&folder);
}

#[tokio::test]
async fn the_classroom_page_switches_the_exercise_on_and_off() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/teach.html?exercise")).await.unwrap();
    let shadow = widget(&client, "#map").await;
    let switch = client.find(Locator::Css("#exercise-switch")).await.unwrap();
    assert_eq!(switch.prop("checked").await.unwrap().as_deref(), Some("true"), "?exercise turns the switch on");
    assert!(shadow.find(Locator::Css(".am-tour")).await.is_err(), "a student's phone starts without the tour");
    shadow.find(Locator::Css(".am-score")).await.expect("the score shows");
    click(&shadow, "[role=treeitem][data-node-id='pos-big-co-tool']").await;
    wait_row(&shadow, "hist-lecun-000", "data-side", "hidden").await;
    // The switch by keyboard, as a teacher tabbing to it would: a pointer click lands where the
    // switch was when it was scrolled to, and the map below may still be moving the page.
    let toggle = |on: bool| {
        let switch = switch.clone();
        async move {
            switch.send_keys(" ").await.unwrap();
            let wanted = on.to_string();
            wait_for("the switch to turn", || async { (switch.prop("checked").await.ok()??.as_str() == wanted).then_some(()) }).await;
        }
    };
    toggle(false).await;
    let row = "[role=treeitem][data-node-id='hist-lecun-000']";
    wait_for("its side shown", || async { attr(&shadow, row, "data-side").await.filter(|side| side != "hidden") }).await;
    assert!(shadow.find(Locator::Css(".am-score")).await.is_err(), "no score without the exercise");
    toggle(true).await;
    wait_row(&shadow, "hist-lecun-000", "data-side", "hidden").await;
    // Everything the classroom adds, scanned: the guess in the detail, the marks bar, the
    // collision table with a cell's links listed. The claim may sit below the map's view (six
    // children under one card): brought into view as the host page would, then clicked.
    client.execute("document.getElementById('map').reveal('hist-lecun-000'); return 0", vec![]).await.unwrap();
    click(&shadow, "[role=treeitem][data-node-id='hist-lecun-000']").await;
    shadow.find(Locator::Css(".am-detail .am-guess select")).await.expect("the guess in the detail");
    click(&shadow, ".am-legend > summary").await;
    click(&shadow, ".am-collisions summary").await;
    click(&shadow, ".am-cell").await;
    shadow.find(Locator::Css(".am-collision-links li")).await.expect("a cell's links listed");
    let violations = serious_violations(&client).await;
    assert!(violations.is_empty(), "{violations:#?}");
    client.close().await.unwrap();
}

/// A keyboard reader who presses a key the moment the map is ready is heard: the tree that has
/// focus is the one that stays (the first render is already the drawing the width calls for).
#[tokio::test]
async fn a_key_pressed_as_soon_as_the_map_is_ready_moves_in_the_tree() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    client.goto(&format!("{base}/?map=maps/sample.json")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    focus_tree(&client).await;
    // The map lists open before closed: ↓ from the question is "allow".
    press(&client, Key::Down).await;
    wait_row(&shadow, "allow", "aria-selected", "true").await;
    let focused = client
        .execute("return document.querySelector('argument-map').shadowRoot.activeElement?.dataset.nodeId ?? null", vec![])
        .await
        .unwrap();
    assert_eq!(focused, json!("allow"), "focus went with the selection");
    assert_eq!(attr(&shadow, "[role=tree]", "data-view").await.as_deref(), Some("map"));
    client.close().await.unwrap();
}
