//! The recipes of docs/embedding.md, each built into a real site by its own engine and read in
//! headless Chromium: the npm package in a Vite project, the Hugo shortcode (Debian's `hugo`),
//! the Jekyll include (Debian's `jekyll`) and the Markdown fence in Eleventy (markdown-it-argmap).
//!
//! Every site has a page of good maps (from a file, inline) and a page of broken ones (no map, a
//! `src` that is not there, JSON that does not parse). The build must succeed, warn about each
//! broken one with its page and line, and say nothing about the good ones; in the browser each
//! good map renders, each broken one shows why; with JavaScript off the good ones show the static
//! fallback as their first view, in a declarative shadow root styled by argmap.css (as `argmap
//! render --shadow` writes it), and the fallback must be the very DOM that `argmap render` writes
//! for the same map.
//!
//! Not run by a plain `cargo test` (`test = false` in Cargo.toml): scripts/test-engines
//! installs the engines and the npm packages, builds the package, then runs this.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use support::*;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn root() -> &'static Path {
    Path::new(ROOT)
}

/// Runs `program` in `dir`; its stdout and stderr together. Fails loudly, with that output.
fn run(dir: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    let output = Command::new(program).args(args).envs(env.iter().copied()).current_dir(dir).output().unwrap_or_else(|e| {
        panic!("cannot run `{program}` ({e}): scripts/test-engines installs it (apt-get hugo jekyll, npm ci in integrations/)")
    });
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "`{program} {}` in {} failed ({}):\n{text}", args.join(" "), dir.display(), output.status);
    text
}

fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("argmap-engines-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("create {}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.unwrap();
        if entry.file_name() == "node_modules" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

fn copy_file(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap_or_else(|e| panic!("copy {} to {}: {e}", from.display(), to.display()));
}

/// scripts/package's archive (built once per test run) and its unpacked `package/` folder.
fn package() -> &'static (PathBuf, PathBuf) {
    static PACKAGE: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    PACKAGE.get_or_init(|| {
        let out = fresh_dir("package");
        let printed = run(root(), "scripts/package", &[out.to_str().unwrap()], &[]);
        let archive = PathBuf::from(printed.lines().last().expect("scripts/package prints the archive").trim());
        assert!(archive.is_file(), "scripts/package printed {}, which is not a file", archive.display());
        run(&out, "tar", &["-xzf", archive.to_str().unwrap()], &[]);
        (archive, out.join("package"))
    })
}

fn map_json(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("www/maps").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// What `argmap render` writes for a map, the reference every engine's fallback must match.
fn cli_fallback(map: &str, lang: &str) -> String {
    cli_render(&root().join("www/maps").join(map), lang)
}

fn cli_render(path: &Path, lang: &str) -> String {
    run(root(), "cargo", &["run", "--quiet", "-p", "argmap-cli", "--", "render", path.to_str().unwrap(), "--lang", lang], &[])
}

/// A chain of `levels` nodes, written to `path`: deeper than the 256 levels of nested
/// `<details>`, so the fallback lists the rest flat, as `argmap render` does.
fn write_deep_map(path: &Path, levels: usize) {
    let mut nodes = vec![json!({"id": "n0", "kind": "question", "text": "How deep?"})];
    for i in 1..levels {
        let relation = if i % 3 == 0 { "attacks" } else { "supports" };
        nodes.push(json!({"id": format!("n{i}"), "parent": format!("n{}", i - 1), "kind": if i == 1 { "position" } else { "claim" },
            "side": if i == 1 { Some("open") } else { None }, "relation": relation, "text": format!("level {i}")}));
    }
    // Cross-links of every relation, read from both ends: each end's fallback names it its own way.
    let links = json!([
        {"from": "n5", "to": "n2", "relation": "attacks"},
        {"from": "n7", "to": "n10", "relation": "supports"},
        {"from": "n4", "to": "n9", "relation": "agrees"},
        {"from": "n3", "to": "n8", "relation": "contradicts"},
    ]);
    let map =
        json!({"format": "argmap/1", "id": "deep", "title": "Deep", "languages": ["en"], "root": "n0", "nodes": nodes, "links": links});
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, map.to_string()).unwrap();
}

/// Every value of `attribute` in `html`, in document order.
fn values<'h>(html: &'h str, attribute: &str) -> Vec<&'h str> {
    let marker = format!(" {attribute}=\"");
    html.split(&marker).skip(1).map(|rest| rest.split('"').next().unwrap_or_default()).collect()
}

/// A built page whose only map is `write_deep_map`'s: its fallback has the nodes, levels, sides
/// and nesting `argmap render` writes, all the way down. Compared as text: a browser's parser
/// re-parents elements nested over 512 deep, differently at different starting depths.
fn check_deep_page(page: &Path, map: &Path) {
    let html = std::fs::read_to_string(page).unwrap_or_else(|e| panic!("read {}: {e}", page.display()));
    let cli = cli_render(map, "en");
    let html = &html[html.find("class=\"am-fallback\"").expect("the deep page has a fallback")..];
    // The first view ends with its template; the inline map may follow it.
    let html = html.find("</template>").map_or(html, |end| &html[..end]);
    for attribute in ["data-node-id", "data-level", "data-side", "data-relation"] {
        assert_eq!(values(html, attribute), values(&cli, attribute), "{}: {attribute} as `argmap render` writes it", page.display());
    }
    assert_eq!(values(html, "data-node-id").len(), DEEP, "{}: every node", page.display());
    for relation in ["attacks", "attacked-by", "supports", "supported-by", "agrees", "contradicts"] {
        assert!(html.contains(&format!("class=\"am-fb-link\" data-relation=\"{relation}\"")), "{}: a link that {relation}", page.display());
    }
    assert_eq!(html.matches("<details").count(), 256, "{}: 256 nested levels, the rest flat", page.display());
    assert_eq!(html.matches("<details").count(), cli.matches("<details").count());
}

const DEEP: usize = 300;

async fn js(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client.execute(script, args).await.unwrap_or_else(|e| panic!("script failed ({e}): {script}"))
}

/// What the nth `<argument-map>` of the page shows once its widget is up: "tree: LABEL" or
/// "alert: TEXT". Waits up to 15 s.
async fn shown(client: &Client, nth: usize) -> String {
    let script = r#"
        const el = document.querySelectorAll('argument-map, #mounted')[arguments[0]];
        const root = el && el.shadowRoot;
        const tree = root && root.querySelector('[role=tree]');
        if (tree) return 'tree: ' + tree.getAttribute('aria-label');
        const alert = root && root.querySelector('[role=alert]');
        return alert ? 'alert: ' + alert.textContent : null;"#;
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let seen = js(client, script, vec![json!(nth)]).await;
        if let Some(text) = seen.as_str() {
            return text.to_string();
        }
        assert!(Instant::now() < deadline, "element {nth} of {} never showed a tree or an alert", client.current_url().await.unwrap());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The nth `<argument-map>`'s fallback (JavaScript: `fallback(n)`): in its first view, in the
/// element's shadow root (`.am-first > .am-fallback`) when it is there, else in its light DOM.
const FALLBACK: &str = r#"
    const fallback = (nth) => {
      const element = document.querySelectorAll('argument-map')[nth];
      if (!element) return null;
      return element.shadowRoot?.querySelector('.am-first > .am-fallback') ?? element.querySelector(':scope > .am-fallback');
    };"#;

/// The DOM of `html` (or of the page's nth fallback) as the browser serialises it, without
/// whitespace-only text (templates indent, the command line does not), attributes in name
/// order and boolean ones as `open=""` (Yew writes `open="open"` and puts `class` last).
const NORMALISED: &str = r#"
    const strip = (node) => {
      const attributes = [...node.attributes].map((a) => [a.name, a.value === a.name ? '' : a.value]);
      for (const [name] of attributes) node.removeAttribute(name);
      for (const [name, value] of attributes.sort(([a], [b]) => (a < b ? -1 : 1))) node.setAttribute(name, value);
      for (const child of [...node.childNodes]) {
        if (child.nodeType === 3 && !child.textContent.trim()) child.remove();
        else if (child.nodeType === 1) strip(child);
      }
      return node;
    };
    let found;
    if (arguments[0] !== null) {
      const template = document.createElement('template');
      template.innerHTML = arguments[0];
      found = template.content.querySelector('.am-fallback');
    } else {
      found = fallback(arguments[1]);
    }
    return found ? strip(found.cloneNode(true)).outerHTML : null;"#;

/// Where the nth `<argument-map>`'s first view is, without JavaScript: `shadow` (it has a shadow
/// root, which only a declarative one can be then), `first` (a `.am-first` holding the fallback
/// in it), `light` (a fallback in the light DOM), `css` (the stylesheet the shadow root links) and
/// `styled` (that sheet loaded and applied: the first view has its border).
const FIRST_VIEW: &str = r#"
    const element = document.querySelectorAll('argument-map')[arguments[0]];
    const root = element.shadowRoot;
    const first = root && [...root.children].find((e) => e.classList.contains('am-first'));
    const link = root && root.querySelector('link[rel=stylesheet]');
    return {
      shadow: !!root,
      first: !!(first && first.querySelector(':scope > .am-fallback')),
      light: !!element.querySelector('.am-fallback'),
      css: link ? link.getAttribute('href') : null,
      styled: !!(link && link.sheet && first && getComputedStyle(first).borderTopStyle === 'solid'),
    };"#;

/// The good-maps page: the sample map (en), the flagship map (zh) and an inline one, in that
/// order on every site. With JavaScript: three widgets. Without: three fallbacks, the two from files
/// exactly as `argmap render` writes them.
async fn check_good_page(base: &str, page: &str, order: [(&str, &str); 2]) {
    let client = browser().await;
    client.goto(&format!("{base}{page}")).await.unwrap();
    let count = js(&client, "return document.querySelectorAll('argument-map').length", vec![]).await;
    assert_eq!(count, json!(3), "{page} has three maps");
    for (nth, (map, lang)) in order.iter().enumerate() {
        let title = map_json(map)["title"][*lang].as_str().unwrap().to_string();
        assert_eq!(shown(&client, nth).await, format!("tree: {title}"), "{page}: map {nth} ({map}) renders as the widget");
    }
    assert_eq!(shown(&client, 2).await, "tree: Tea <or> coffee?", "{page}: the inline map renders");
    let scripts = js(&client, "return document.querySelectorAll('script[type=module][src$=\"argmap.js\"]').length", vec![]).await;
    assert_eq!(scripts, json!(1), "{page}: the module script is written once");
    // Once the widget is ready it has taken the first view's place: no `.am-first` is left.
    for nth in 0..3 {
        let client: &Client = &client;
        wait_for(&format!("{page}: map {nth} to be ready"), move || async move {
            let state = "return document.querySelectorAll('argument-map')[arguments[0]].getAttribute('data-state')";
            (js(client, state, vec![json!(nth)]).await == json!("ready")).then_some(())
        })
        .await;
        let left = "const root = document.querySelectorAll('argument-map')[arguments[0]].shadowRoot;
                    return root ? [...root.children].filter((e) => e.classList.contains('am-first')).length : -1";
        assert_eq!(js(client, left, vec![json!(nth)]).await, json!(0), "{page}: the ready widget of map {nth} has replaced its first view");
    }
    client.close().await.unwrap();

    let client = browser_with(Options { javascript: false, ..Options::default() }).await;
    client.goto(&format!("{base}{page}")).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let defined = js(&client, "return customElements.get('argument-map') !== undefined", vec![]).await;
    assert_eq!(defined, json!(false), "JavaScript is off");
    // Every map's first view is in a declarative shadow root, styled by the package's argmap.css.
    for nth in 0..3 {
        let client: &Client = &client;
        let view = wait_for(&format!("{page}: the first view of map {nth}, styled"), move || async move {
            let view = js(client, FIRST_VIEW, vec![json!(nth)]).await;
            (view["styled"] == json!(true) || !view["first"].as_bool().unwrap_or(false)).then_some(view)
        })
        .await;
        assert_eq!(
            view,
            json!({"shadow": true, "first": true, "light": false, "css": "/argmap/argmap.css", "styled": true}),
            "{page}: map {nth} has its first view (the fallback) in a declarative shadow root, styled by argmap.css"
        );
    }
    let normalised = format!("{FALLBACK}{NORMALISED}");
    for (nth, (map, lang)) in order.iter().enumerate() {
        let expected = js(&client, &normalised, vec![json!(cli_fallback(map, lang)), json!(null)]).await;
        let actual = js(&client, &normalised, vec![json!(null), json!(nth)]).await;
        assert!(expected.is_string(), "argmap render wrote a fallback for {map}");
        assert!(actual.is_string(), "{page}: map {nth} ({map}) has a static fallback");
        if actual != expected {
            let (a, e) = (actual.as_str().unwrap(), expected.as_str().unwrap());
            let at = a.chars().zip(e.chars()).take_while(|(x, y)| x == y).count();
            let from = at.saturating_sub(200);
            panic!(
                "{page}: the fallback of {map} ({lang}) differs from `argmap render` at character {at}:\n  site: …{}\n  cli:  …{}",
                a.chars().skip(from).take(400).collect::<String>(),
                e.chars().skip(from).take(400).collect::<String>()
            );
        }
    }
    let root_open =
        js(&client, &format!("{FALLBACK} return !!fallback(0)?.querySelector(\"details[data-level='1'][open]\")"), vec![]).await;
    assert_eq!(root_open, json!(true), "{page}: the fallback's root starts open");
    let first = client.find(Locator::Css("argument-map")).await.unwrap().shadow_root().await.expect("a declarative shadow root");
    let title = first.find(Locator::Css(".am-first > .am-fallback .am-fb-title")).await.unwrap();
    assert!(title.is_displayed().await.unwrap(), "{page}: the fallback shows without JavaScript");
    let tea = js(&client, &normalised, vec![json!(null), json!(2)]).await;
    assert!(tea.as_str().is_some_and(|t| t.contains("Tea &lt;or&gt; coffee?")), "{page}: the inline map has a fallback: {tea}");
    client.close().await.unwrap();
}

/// The broken-maps page: no map, a missing `src`, JSON that does not parse. The page is there;
/// the first says so in its own content, the other two show the widget's alert.
async fn check_broken_page(base: &str, page: &str) {
    let client = browser().await;
    client.goto(&format!("{base}{page}")).await.unwrap();
    let end = client.find(Locator::XPath("//p[contains(., 'The end.')]")).await;
    assert!(end.is_ok(), "{page}: the page after the broken maps is there");
    let missing = shown(&client, 1).await;
    assert!(missing.starts_with("alert: ") && missing.contains("404"), "{page}: the missing src shows an alert: {missing}");
    let broken = shown(&client, 2).await;
    assert!(broken.starts_with("alert: ") && broken.contains("not valid JSON"), "{page}: the bad JSON shows an alert: {broken}");
    let note = client.find(Locator::Css("argument-map .am-fb-problem[role=alert]")).await.expect("the empty one says so");
    assert!(note.is_displayed().await.unwrap());
    assert!(note.text().await.unwrap().contains("No map was given here."));
    client.close().await.unwrap();
}

/// Each expected warning is in the build's output, once; and the good page warned about nothing.
fn check_warnings(output: &str, expected: &[&str], good_page: &str) {
    for warning in expected {
        assert_eq!(output.matches(warning).count(), 1, "the build warns once with `{warning}`; its output:\n{output}");
    }
    let about_good = output.lines().filter(|l| l.contains("argmap:") && l.contains(good_page)).collect::<Vec<_>>();
    assert!(about_good.is_empty(), "no warning about {good_page}: {about_good:?}");
}

#[tokio::test]
async fn hugo_a_fresh_site_with_the_shortcode() {
    let site = fresh_dir("hugo");
    run(&site, "hugo", &["new", "site", "blog"], &[]);
    let site = site.join("blog");
    copy_tree(&root().join("integrations/hugo"), &site.join("themes/argmap"));
    copy_tree(&root().join("integrations/examples/hugo"), &site);
    copy_tree(&package().1, &site.join("static/argmap"));
    copy_file(&root().join("www/maps/sample.json"), &site.join("static/maps/sample.json"));
    copy_file(&root().join("www/maps/open-vs-closed.json"), &site.join("assets/maps/open-vs-closed.json"));
    for config in ["hugo.toml", "config.toml"] {
        let _ = std::fs::remove_file(site.join(config));
    }
    std::fs::write(site.join("hugo.toml"), "baseURL = 'http://example.org/'\ntitle = 'argmap on Hugo'\ntheme = ['argmap']\n").unwrap();
    write_deep_map(&site.join("static/maps/deep.json"), DEEP);
    std::fs::write(site.join("content/posts/deep.md"), "---\ntitle: Deep\n---\n{{< argmap src=\"maps/deep.json\" lang=\"en\" />}}\n")
        .unwrap();
    let output = run(&site, "hugo", &[], &[]);
    let broken = site.join("content/posts/broken.md");
    let broken = broken.display();
    check_warnings(
        &output,
        &[
            &format!("{broken}:6:1: argmap: no map here"),
            &format!("{broken}:8:1: argmap: cannot find the map \"maps/missing.json\""),
            &format!("{broken}:10:1: argmap: the map is not valid JSON"),
        ],
        "maps.md",
    );
    let base = serve_site(&site.join("public"));
    check_good_page(&base, "/posts/maps/", [("sample.json", "en"), ("open-vs-closed.json", "zh")]).await;
    check_broken_page(&base, "/posts/broken/").await;
    check_deep_page(&site.join("public/posts/deep/index.html"), &site.join("static/maps/deep.json"));
}

#[tokio::test]
async fn jekyll_a_fresh_site_with_the_include() {
    let site = fresh_dir("jekyll");
    copy_tree(&root().join("integrations/jekyll"), &site);
    copy_tree(&root().join("integrations/examples/jekyll"), &site);
    copy_tree(&package().1, &site.join("argmap"));
    copy_file(&root().join("www/maps/sample.json"), &site.join("maps/sample.json"));
    copy_file(&root().join("www/maps/open-vs-closed.json"), &site.join("maps/open-vs-closed.json"));
    let _ = std::fs::remove_file(site.join("README.md"));
    write_deep_map(&site.join("maps/deep.json"), DEEP);
    std::fs::write(
        site.join("_posts/2026-01-03-deep.md"),
        "---\nlayout: post\ntitle: Deep\n---\n{% include argmap.html src=\"/maps/deep.json\" lang=\"en\" %}\n",
    )
    .unwrap();
    let output = run(&site, "jekyll", &["build", "--source", ".", "--destination", "_site"], &[]);
    check_warnings(
        &output,
        &[
            "_posts/2026-01-02-broken.md:7: no map here",
            "_posts/2026-01-02-broken.md:9: cannot find the map \"/maps/missing.json\"",
            "_posts/2026-01-02-broken.md:12: the inline map is not valid JSON",
        ],
        "2026-01-01-maps.md",
    );
    let base = serve_site(&site.join("_site"));
    check_good_page(&base, "/2026/01/01/maps.html", [("sample.json", "en"), ("open-vs-closed.json", "zh")]).await;
    check_broken_page(&base, "/2026/01/02/broken.html").await;
    check_deep_page(&site.join("_site/2026/01/03/deep.html"), &site.join("maps/deep.json"));
}

#[tokio::test]
async fn eleventy_a_site_with_the_markdown_fence() {
    let site = fresh_dir("eleventy");
    copy_tree(&root().join("integrations/examples/eleventy"), &site);
    copy_tree(&root().join("www/maps"), &site.join("maps"));
    write_deep_map(&site.join("maps/deep.json"), DEEP);
    std::fs::write(site.join("posts/deep.md"), "---\nlayout: post.html\ntitle: Deep\n---\n```argmap lang=en\nsrc: /maps/deep.json\n```\n")
        .unwrap();
    let modules = root().join("integrations/node_modules");
    assert!(
        modules.join(".bin/eleventy").exists(),
        "integrations/node_modules has no eleventy: run `npm ci` in integrations/ (scripts/test-engines does)"
    );
    std::os::unix::fs::symlink(&modules, site.join("node_modules")).unwrap();
    let out = site.join("_site");
    let output = run(
        &site,
        "node_modules/.bin/eleventy",
        &[&format!("--output={}", out.display())],
        &[("ARGMAP_FILES", package().1.to_str().unwrap())],
    );
    check_warnings(
        &output,
        &[
            "posts/broken.md:7: argmap: empty fence",
            "posts/broken.md:10: argmap: cannot read the map \"/maps/missing.json\"",
            "posts/broken.md:14: argmap: not valid JSON at line 1, column 30",
        ],
        "maps.md",
    );
    let base = serve_site(&out);
    check_good_page(&base, "/posts/maps/", [("sample.json", "en"), ("open-vs-closed.json", "zh")]).await;
    check_broken_page(&base, "/posts/broken/").await;
    check_deep_page(&out.join("posts/deep/index.html"), &site.join("maps/deep.json"));
}

#[tokio::test]
async fn vite_bundles_the_package_installed_from_its_archive() {
    let (archive, _) = package();
    let site = fresh_dir("vite");
    copy_tree(&root().join("integrations/examples/vite"), &site);
    copy_file(&root().join("www/maps/sample.json"), &site.join("public/maps/sample.json"));
    run(&site, "npm", &["ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], &[]);
    run(&site, "npm", &["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", archive.to_str().unwrap()], &[]);
    let installed: Value = serde_json::from_str(&std::fs::read_to_string(site.join("node_modules/argmap/package.json")).unwrap()).unwrap();
    assert_eq!(installed["version"], json!(env!("CARGO_PKG_VERSION")), "the package's version is the crate's");
    run(&site, "node_modules/.bin/vite", &["build", "--logLevel", "warn"], &[]);

    let assets: Vec<String> =
        std::fs::read_dir(site.join("dist/assets")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(assets.iter().any(|a| a.ends_with(".wasm")), "Vite copied the wasm: {assets:?}");
    assert!(assets.iter().any(|a| a.starts_with("argmap") && a.ends_with(".css")), "Vite copied the widget's stylesheet: {assets:?}");

    let base = serve_site(&site.join("dist"));
    let client = browser().await;
    client.goto(&format!("{base}/")).await.unwrap();
    assert_eq!(shown(&client, 0).await, "tree: Should phones be banned in class?", "<argument-map src> renders from the bundle");
    assert_eq!(shown(&client, 1).await, "tree: Tea or coffee?", "mount() from the bundle renders");
    client.close().await.unwrap();
}

/// `support::serve` wants an index.html at the root; a blog's front page is not what is tested.
fn serve_site(dir: &Path) -> String {
    if !dir.join("index.html").exists() {
        std::fs::write(dir.join("index.html"), "<!doctype html><title>site</title>").unwrap();
    }
    serve(dir, &[])
}

/// A blogger with nothing but the archive: unpacked and served as it is, its own index.html (the
/// README's two lines) shows the flagship map, the iframe embed shows the sample, and the live
/// editor starts; the Hugo and Jekyll files are in it.
#[tokio::test]
async fn the_unpacked_package_shows_its_maps_and_its_editor_from_the_folder_as_it_is() {
    let (_, folder) = package();
    for file in ["hugo/layouts/shortcodes/argmap.html", "jekyll/_includes/argmap.html", "jekyll/_plugins/argmap.rb", "maps/sample.json"] {
        assert!(folder.join(file).is_file(), "the package holds {file}");
    }
    let readme = std::fs::read_to_string(folder.join("README.md")).unwrap();
    let index = std::fs::read_to_string(folder.join("index.html")).unwrap();
    let script = "<script type=\"module\" src=\"argmap.js\"></script>";
    let element = "<argument-map src=\"maps/open-vs-closed.json\" lang=\"en\">";
    assert!(readme.contains(script) && index.contains(script), "the README's script line is index.html's");
    assert!(readme.contains(&format!("{element}</argument-map>")), "the README's element line");
    // index.html's element carries the flagship's first view, drawn by `argmap render`.
    assert!(
        index.contains(&format!("{element}<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"./argmap.css\">")),
        "the first view in index.html: {index}"
    );
    let base = serve(folder, &[]);
    // Without JavaScript the first view is there, styled by the package's argmap.css.
    let client = browser_with(Options { javascript: false, ..Options::default() }).await;
    client.goto(&format!("{base}/index.html")).await.unwrap();
    let host = client.find(Locator::Css("argument-map")).await.unwrap();
    let view = host.shadow_root().await.expect("a declarative shadow root");
    let question = view.find(Locator::Css(".am-first .am-fallback > details > summary")).await.unwrap();
    assert!(question.text().await.unwrap().contains("which will shape AI"), "the question, with no script");
    client.close().await.unwrap();
    let client = browser().await;
    client.goto(&format!("{base}/index.html")).await.unwrap();
    assert_eq!(
        shown(&client, 0).await,
        "tree: Open or Closed? Five Chinese Takes on DeepSeek and the Future of AI",
        "the flagship, from the folder"
    );
    client.goto(&format!("{base}/embed.html?map=maps/sample.json&lang=en")).await.unwrap();
    assert_eq!(shown(&client, 0).await, "tree: Should phones be banned in class?", "the iframe embed, from the folder");
    client.goto(&format!("{base}/edit.html")).await.unwrap();
    let shadow = widget(&client, "argument-map").await;
    shadow.find(Locator::Css("[role=tree]")).await.expect("the editor's preview renders its example");
    client.close().await.unwrap();
}
