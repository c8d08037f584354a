//! The live editor (`dist/edit.html`) as an author meets it, under the strict CSP, in headless
//! Chromium or Firefox (`ARGMAP_BROWSER`, tests/support): the example drawn, typing redrawn,
//! problems that take the caret to their line and column, the downloaded JSON and the copied
//! snippet; and that readers' pages never carry the editor's parsers.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use support::*;

const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed ({e}): {script}"))
}

/// Opens the editor and waits until the example is drawn.
async fn open_editor(client: &Client, base: &str) -> fantoccini::elements::ShadowRoot {
    client.goto(&format!("{base}/edit.html")).await.unwrap();
    let shadow = widget(client, "#map").await;
    row(&shadow, "Phones").await;
    shadow
}

/// Types `keys` at the end of the text, as an author does.
async fn type_at_end(client: &Client, keys: &str) {
    js(client, "const t = document.getElementById('text'); t.focus(); t.setSelectionRange(t.value.length, t.value.length); return 0").await;
    client.find(Locator::Css("#text")).await.unwrap().send_keys(keys).await.unwrap();
}

async fn status(client: &Client) -> String {
    js(client, "return document.getElementById('status').textContent").await.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_editor_opens_with_the_example_drawn_as_a_map() {
    let base = serve(&dist(), &[("Content-Security-Policy", POLICY)]);
    let client = browser().await;
    let shadow = open_editor(&client, &base).await;
    let ids = visible_ids(&shadow).await;
    assert!(["Phones", "Ban", "Allow"].iter().all(|id| ids.iter().any(|shown| shown == id)), "the question and both positions: {ids:?}");
    assert_eq!(status(&client).await, "No problems.");
    assert_eq!(js(&client, "return document.getElementById('format').value").await, json!("argdown"));
    client.close().await.unwrap();
}

#[tokio::test]
async fn typing_a_new_line_shows_the_new_claim() {
    let base = serve(&dist(), &[("Content-Security-Policy", POLICY)]);
    let client = browser().await;
    let shadow = open_editor(&client, &base).await;
    type_at_end(&client, "  + [Cost]: Not every family can buy a phone. {side: closed}\n").await;
    let cost = row(&shadow, "Cost").await;
    assert!(cost.text().await.unwrap().contains("Not every family"), "the new claim's text is drawn");
    // The Markdown outline: the untouched example follows the format, and is drawn too.
    client.find(Locator::Css("#format")).await.unwrap().select_by_value("markdown").await.unwrap();
    wait_for("the text kept after an edit", || async {
        let text = js(&client, "return document.getElementById('text').value").await;
        text.as_str().is_some_and(|t| t.contains("[Cost]")).then_some(())
    })
    .await;
    js(&client, "const t = document.getElementById('text'); t.value = ''; t.dispatchEvent(new Event('input')); return 0").await;
    type_at_end(&client, "# Tea or coffee?\n\n- [tea]: Tea {side: open}\n  - Pro: It calms.\n- [coffee]: Coffee {side: closed}\n").await;
    row(&shadow, "coffee").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_authors_text_outlasts_a_reload_and_the_example_comes_back_on_demand() {
    let base = serve(&dist(), &[("Content-Security-Policy", POLICY)]);
    let client = browser().await;
    open_editor(&client, &base).await;
    type_at_end(&client, "  + [Cost]: Not every family can buy a phone. {side: closed}\n").await;
    // Reloaded at once, before the pause that redraws: the text is kept all the same.
    client.refresh().await.unwrap();
    let shadow = widget(&client, "#map").await;
    row(&shadow, "Cost").await;
    let text = js(&client, "return document.getElementById('text').value").await;
    assert!(text.as_str().unwrap().contains("[Cost]: Not every family"), "the typed line is back");
    client.find(Locator::Css("#example")).await.unwrap().click().await.unwrap();
    wait_for("the example again", || async {
        let text = js(&client, "return document.getElementById('text').value").await;
        (!text.as_str().unwrap().contains("[Cost]")).then_some(())
    })
    .await;
    client.refresh().await.unwrap();
    let shadow = widget(&client, "#map").await;
    row(&shadow, "Phones").await;
    let text = js(&client, "return document.getElementById('text').value").await;
    assert!(!text.as_str().unwrap().contains("[Cost]"), "the example is what is kept now");
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_broken_line_lists_its_problem_and_takes_the_caret_there() {
    let base = serve(&dist(), &[("Content-Security-Policy", POLICY)]);
    let client = browser().await;
    let shadow = open_editor(&client, &base).await;
    let lines_before = js(&client, "return document.getElementById('text').value.split('\\n').length").await.as_u64().unwrap();
    // The example ends with a newline: the typed line is the last one, numbered as the count.
    let broken = "  + [Emoji]: Phones 📱 are fun {side: closed";
    type_at_end(&client, broken).await;
    let line = lines_before;
    // Columns count characters: the phone is one, though two UTF-16 units in the page.
    let column = broken.chars().position(|c| c == '{').unwrap() as u64 + 1;
    let selector = format!("button.problem.error[data-line='{line}'][data-column='{column}']");
    let problem = wait_for("the problem listed at its line and column", || async { client.find(Locator::Css(&selector)).await.ok() }).await;
    let label = problem.text().await.unwrap();
    assert!(label.starts_with(&format!("{line}:{column}")) && label.contains("inline data"), "the problem says where and what: {label}");
    assert!(status(&client).await.contains("last text without errors"), "the map keeps the last good text");
    row(&shadow, "Ban").await;
    // Away from the text, then the problem's button brings the caret back to its place.
    js(&client, "document.getElementById('download').focus(); return 0").await;
    problem.click().await.unwrap();
    let caret = wait_for("the caret in the text", || async {
        let caret = js(
            &client,
            "const t = document.getElementById('text'); if (document.activeElement !== t) return null;
             const before = t.value.slice(0, t.selectionStart); const lines = before.split('\\n');
             return [lines.length, Array.from(lines[lines.length - 1]).length + 1, t.selectionStart === t.selectionEnd];",
        )
        .await;
        (!caret.is_null()).then_some(caret)
    })
    .await;
    assert_eq!(caret, json!([line, column, true]), "focused, caret at LINE:COLUMN, nothing selected");
    client.close().await.unwrap();
}

/// The files the page's buttons download: it makes each a Blob URL; catch the Blob on its way.
async fn catch_downloads(client: &Browser) {
    js(client, "const make = URL.createObjectURL; URL.createObjectURL = (blob) => { window.downloaded = blob; return make.call(URL, blob); }; return 0").await;
}

/// The text of the last file downloaded (after [`catch_downloads`]), once there is one.
async fn downloaded(client: &Browser) -> String {
    wait_for("the downloaded file", || async {
        let text = client
            .execute_async(
                "const done = arguments[arguments.length - 1]; window.downloaded ? window.downloaded.text().then(done) : done(null);",
                vec![],
            )
            .await
            .unwrap();
        text.as_str().map(str::to_owned)
    })
    .await
}

#[tokio::test]
async fn download_map_json_gives_the_map_of_the_current_text() {
    let base = serve(&dist(), &[("Content-Security-Policy", POLICY)]);
    let client = browser().await;
    open_editor(&client, &base).await;
    catch_downloads(&client).await;
    // Clicked at once after typing, before the redraw: the download is of the text as typed.
    type_at_end(&client, "  + [Cost]: Not every family can buy a phone. {side: closed}\n").await;
    client.find(Locator::Css("#download")).await.unwrap().click().await.unwrap();
    let text = downloaded(&client).await;
    let map = argmap::model::load(&text).unwrap_or_else(|problems| panic!("the download is a valid argmap/1 map: {problems:?}\n{text}"));
    assert!(map.nodes.iter().any(|n| n.id.as_str() == "Cost"), "the line typed just before is in it");
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_copied_snippet_embeds_the_map_in_another_page() {
    let site = site_with_fixtures();
    let base = serve(&site, &[("Content-Security-Policy", POLICY)]);
    let client = browser().await;
    open_editor(&client, &base).await;
    // What reaches the clipboard (headless browsers may refuse the real one to a script).
    js(&client, "navigator.clipboard.writeText = async (text) => { window.copied = text; }; return 0").await;
    client.find(Locator::Css("#copy")).await.unwrap().click().await.unwrap();
    let snippet = wait_for("the snippet on the clipboard", || async {
        js(&client, "return window.copied ?? null").await.as_str().map(str::to_owned)
    })
    .await;
    let shown = js(&client, "return document.getElementById('snippet').value").await;
    assert_eq!(shown.as_str(), Some(snippet.as_str()), "the page shows what it copied");
    // The site's own address for the script, by default `/argmap/argmap.js`: never the
    // editor's origin, which a page elsewhere could not load the module from.
    assert!(snippet.starts_with("<script type=\"module\" src=\"/argmap/argmap.js\"></script>\n<argument-map"), "{snippet}");
    assert!(!snippet.contains(&base), "nothing of the editor's own address: {snippet}");
    let inline = snippet
        .split_once("<script type=\"application/json\">")
        .and_then(|(_, rest)| rest.split_once("</script></argument-map>"))
        .map(|(json, _)| json)
        .unwrap_or_else(|| panic!("the map inline: {snippet}"));
    let map = argmap::model::load(inline).unwrap_or_else(|problems| panic!("the inline map is valid: {problems:?}"));
    assert!(map.nodes.iter().any(|n| n.id.as_str() == "Ban"));
    // The map's first view comes drawn, as `argmap render --element` writes it, styled from the
    // script's folder.
    let element = &snippet[snippet.find("<argument-map").unwrap()..];
    assert_eq!(element.trim_end(), argmap::fallback::element(&map, inline, "en", "/argmap/", None), "one renderer");
    assert!(
        element.contains("<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/argmap/argmap.css\"><div class=\"am-first\">")
    );
    // Pasted into a page of another site (another origin) that serves argmap at /argmap/, the
    // snippet shows the map.
    let other = std::env::temp_dir().join(format!("argmap-pasted-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&other);
    copy_tree(&dist(), &other.join("argmap"));
    let page = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>pasted</title></head><body>\n{snippet}</body></html>\n"
    );
    std::fs::write(other.join("index.html"), page).unwrap();
    let elsewhere = serve(&other, &[("Content-Security-Policy", POLICY)]);
    assert_ne!(elsewhere, base, "another origin");
    client.goto(&format!("{elsewhere}/index.html")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    row(&shadow, "Allow").await;
    let first_view_left =
        js(&client, "return [...document.querySelector('argument-map').shadowRoot.children].some(e => e.classList.contains('am-first'))")
            .await;
    assert_eq!(first_view_left, json!(false), "the widget took the first view's place");

    // The author's own address, chosen once, is kept for the next visit.
    open_editor(&client, &base).await;
    client.find(Locator::Css("#copy")).await.unwrap().click().await.unwrap();
    let address = client.find(Locator::Css("#script-address")).await.unwrap();
    address.clear().await.unwrap();
    address.send_keys("https://static.example.org/argmap/argmap.js").await.unwrap();
    open_editor(&client, &base).await;
    js(&client, "navigator.clipboard.writeText = async (text) => { window.copied = text; }; return 0").await;
    client.find(Locator::Css("#copy")).await.unwrap().click().await.unwrap();
    let again =
        wait_for("the snippet again", || async { js(&client, "return window.copied ?? null").await.as_str().map(str::to_owned) }).await;
    assert!(again.starts_with("<script type=\"module\" src=\"https://static.example.org/argmap/argmap.js\">"), "{again}");
    assert!(again.contains("<link rel=\"stylesheet\" href=\"https://static.example.org/argmap/argmap.css\">"), "{again}");
    client.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&other);
}

/// Copies the folder `from` into `to` (made if missing), files and folders.
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Readers never pay for the editor: the reader's wasm has none of the parsers' words, and the
/// standalone page asks for nothing of the editor's.
#[tokio::test]
async fn readers_load_nothing_of_the_editor() {
    let dist = dist();
    let read = |path: &str| {
        std::fs::read(dist.join(path)).unwrap_or_else(|e| panic!("{path}: {e} (build first: trunk build --release --offline)"))
    };
    let probe = b"unterminated title";
    let contains = |bytes: &[u8]| bytes.windows(probe.len()).any(|w| w == probe);
    assert!(contains(&read("editor/argmap_editor_bg.wasm")), "the probe is a parser's message (else this test proves nothing)");
    assert!(!contains(&read("pkg/argmap_bg.wasm")), "the reader's wasm carries the Argdown parser");
    let (base, requests) = serve_recording(&dist, &[]);
    let client = browser().await;
    client.goto(&format!("{base}/?map=maps/sample.json")).await.unwrap();
    widget(&client, "argument-map").await;
    let requests = requests.lock().unwrap().clone();
    assert!(requests.iter().any(|r| r.contains("argmap_bg.wasm")), "the recording saw the widget load: {requests:?}");
    assert!(!requests.iter().any(|r| r.contains("editor") || r.contains("edit.")), "a reader's page asked for the editor: {requests:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn no_serious_accessibility_violations_with_problems_and_snippet_shown_in_either_language() {
    let base = serve(&dist(), &[]);
    let client = browser().await;
    open_editor(&client, &base).await;
    js(&client, "navigator.clipboard.writeText = async () => {}; return 0").await;
    client.find(Locator::Css("#copy")).await.unwrap().click().await.unwrap();
    type_at_end(&client, "  + [Broken: no closing bracket\n").await;
    wait_for("a problem listed", || async { client.find(Locator::Css("button.problem")).await.ok() }).await;
    let en = serious_violations(&client).await;
    client.find(Locator::Css("#ui-lang")).await.unwrap().click().await.unwrap();
    assert_eq!(js(&client, "return document.getElementById('download').textContent").await, json!("下载地图 JSON"));
    let zh = serious_violations(&client).await;
    assert!(en.is_empty() && zh.is_empty(), "English: {en:#?}\nChinese: {zh:#?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn download_page_gives_a_whole_page_that_shows_the_map_from_any_static_host() {
    let base = serve(&dist(), &[("Content-Security-Policy", POLICY)]);
    let client = browser().await;
    open_editor(&client, &base).await;
    catch_downloads(&client).await;
    client.find(Locator::Css("#download-page")).await.unwrap().click().await.unwrap();
    let page = downloaded(&client).await;
    assert!(page.starts_with("<!doctype html>\n<html lang=\"en\">"), "{page}");
    assert!(page.contains("<script type=\"module\" src=\"/argmap/argmap.js\"></script>"), "{page}");
    assert!(page.contains("<link rel=\"stylesheet\" href=\"/argmap/argmap.css\">"), "{page}");
    assert!(page.contains("<template shadowrootmode=\"open\">"), "the first view, drawn: {page}");
    // On another host that serves argmap at /argmap/, under the strict CSP, it is the map's page.
    let other = std::env::temp_dir().join(format!("argmap-page-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&other);
    copy_tree(&dist(), &other.join("argmap"));
    std::fs::write(other.join("index.html"), &page).unwrap();
    let elsewhere = serve(&other, &[("Content-Security-Policy", POLICY)]);
    client.goto(&format!("{elsewhere}/index.html")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    row(&shadow, "Ban").await;
    client.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&other);
}
