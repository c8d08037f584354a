//! What the end-to-end tests share: a static server over the built `dist/` on 127.0.0.1, and
//! headless browser sessions over WebDriver, in Chromium or Firefox (see [`Engine`]). A missing
//! piece fails loudly; nothing skips.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ShadowRoot};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub const CHROME_ARGS: [&str; 8] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
];

/// Serves `root` on a free loopback port until the test process ends; `headers` go on every
/// response (the CSP tests use this). Returns the base URL.
pub fn serve(root: &Path, headers: &[(&str, &str)]) -> String {
    assert!(
        root.join("index.html").is_file(),
        "{} has no index.html: build first with `trunk build --release --offline` (scripts/test does)",
        root.display()
    );
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let root = Arc::new(root.to_path_buf());
    let headers: Arc<Vec<(String, String)>> = Arc::new(headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, headers) = (root.clone(), headers.clone());
            std::thread::spawn(move || respond(stream, &root, &headers));
        }
    });
    base
}

fn respond(mut stream: TcpStream, root: &Path, headers: &[(String, String)]) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(&stream);
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the request headers.
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut file: PathBuf = root.join(path.trim_start_matches('/'));
    if path.ends_with('/') {
        file.push("index.html");
    }
    let inside = file.canonicalize().map(|f| f.starts_with(root.canonicalize().unwrap())).unwrap_or(false);
    let (status, body) = match std::fs::read(&file) {
        Ok(body) if inside => ("200 OK", body),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let content_type = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    };
    let mut head = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&body));
}

pub fn dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dist")
}

/// The browser engine the end-to-end tests drive: `ARGMAP_BROWSER=chromium` (the default, Debian's
/// `chromium` through `chromedriver`) or `ARGMAP_BROWSER=firefox` (Debian's `firefox-esr` through
/// `geckodriver`). scripts/test runs the end-to-end binaries once per engine. A test that only one
/// engine can run names that engine and asks for it with [`browser_in`]; it never skips.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
}

impl Engine {
    pub fn from_env() -> Engine {
        match std::env::var("ARGMAP_BROWSER").as_deref() {
            Err(_) | Ok("") | Ok("chromium") => Engine::Chromium,
            Ok("firefox") => Engine::Firefox,
            Ok(other) => panic!("ARGMAP_BROWSER={other:?}: expected `chromium` or `firefox`"),
        }
    }
}

/// How a session starts: its window's size (the page's viewport), whether page scripts run,
/// and where files the page saves go (without asking).
#[derive(Clone, Debug)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    pub javascript: bool,
    pub downloads: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options { width: 1280, height: 900, javascript: true, downloads: None }
    }
}

struct Driver {
    url: String,
    _process: Child,
}

/// Starts `exe` (a WebDriver server) on a free loopback port, in a process group of its own so
/// that it and the browser it starts can be ended together; waits until it listens.
fn start_driver(exe: &str, args: &[String], what: &str) -> (String, Child) {
    use std::os::unix::process::CommandExt;
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let process = Command::new(exe)
        .args(args.iter().map(|a| a.replace("{port}", &port.to_string())))
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {what} `{exe}` ({e}): scripts/setup --browser installs it"));
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{what} did not listen on port {port} within 20 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    (format!("http://127.0.0.1:{port}"), process)
}

/// One ChromeDriver for the whole test binary; each test opens its own browser session.
fn chromedriver() -> &'static str {
    static DRIVER: OnceLock<Driver> = OnceLock::new();
    &DRIVER
        .get_or_init(|| {
            let exe = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
            let (url, process) = start_driver(&exe, &["--port={port}".into()], "ChromeDriver");
            Driver { url, _process: process }
        })
        .url
}

/// A WebDriver session in one engine. Derefs to fantoccini's `Client`. Ends its session when
/// dropped, even when a test fails half way (a failed assertion unwinds past `close`), so no
/// browser outlives its test; a Firefox session's own geckodriver (one session each: geckodriver
/// serves only one at a time) is ended with it.
pub struct Browser {
    client: Client,
    engine: Engine,
    driver_url: String,
    session: String,
    /// geckodriver's process, leader of a group that holds Firefox too.
    own_driver: Option<Child>,
    closed: bool,
}

impl std::ops::Deref for Browser {
    type Target = Client;
    fn deref(&self) -> &Client {
        &self.client
    }
}

impl Browser {
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Ends the session (the browser closes) and its driver, if it has one of its own.
    pub async fn close(mut self) -> Result<(), fantoccini::error::CmdError> {
        self.closed = true;
        self.client.clone().close().await
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.closed {
            // The test's runtime may be going down with a panic: end the session over a plain,
            // blocking request rather than through fantoccini's task.
            let _ = webdriver_request(&self.driver_url, "DELETE", &format!("/session/{}", self.session), "");
        }
        if let Some(mut driver) = self.own_driver.take() {
            // The whole group: geckodriver and any Firefox process still running under it.
            let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", driver.id())]).status();
            let _ = driver.wait();
        }
    }
}

/// A desktop-sized headless session in the engine `ARGMAP_BROWSER` names.
pub async fn browser() -> Browser {
    browser_in(Engine::from_env(), Options::default()).await
}

/// A fresh headless session in the engine `ARGMAP_BROWSER` names, with `options`.
pub async fn browser_with(options: Options) -> Browser {
    browser_in(Engine::from_env(), options).await
}

/// A fresh headless session in `engine`, whatever `ARGMAP_BROWSER` says: for the few tests
/// that use one engine's own protocol (they say so in their names).
pub async fn browser_in(engine: Engine, options: Options) -> Browser {
    let mut caps = serde_json::Map::new();
    let (driver_url, own_driver) = match engine {
        Engine::Chromium => {
            let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
            args.push(format!("--window-size={},{}", options.width, options.height));
            if !options.javascript {
                args.push("--blink-settings=scriptEnabled=false".into());
            }
            let mut chrome = json!({ "args": args });
            if let Some(dir) = &options.downloads {
                chrome["prefs"] = json!({ "download.default_directory": dir, "download.prompt_for_download": false });
            }
            if Path::new("/usr/bin/chromium").exists() {
                chrome["binary"] = json!("/usr/bin/chromium");
            }
            caps.insert("goog:chromeOptions".into(), chrome);
            caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
            (chromedriver().to_string(), None)
        }
        Engine::Firefox => {
            let mut firefox = json!({
                "args": ["-headless", format!("--width={}", options.width), format!("--height={}", options.height)],
                "prefs": {
                    "javascript.enabled": options.javascript,
                    // No first-run pages, updates or telemetry: nothing but the test's pages.
                    "browser.shell.checkDefaultBrowser": false,
                    "app.update.enabled": false,
                    "datareporting.policy.dataSubmissionEnabled": false,
                    "toolkit.telemetry.reportingpolicy.firstRun": false,
                },
            });
            if let Some(dir) = &options.downloads {
                let prefs = &mut firefox["prefs"];
                prefs["browser.download.dir"] = json!(dir);
                prefs["browser.download.folderList"] = json!(2);
                prefs["browser.download.useDownloadDir"] = json!(true);
                prefs["browser.download.always_ask_before_handling_new_types"] = json!(false);
                prefs["browser.helperApps.neverAsk.saveToDisk"] = json!("image/png,image/svg+xml,text/markdown");
            }
            if Path::new("/usr/bin/firefox-esr").exists() {
                firefox["binary"] = json!("/usr/bin/firefox-esr");
            }
            caps.insert("moz:firefoxOptions".into(), firefox);
            let exe = std::env::var("GECKODRIVER").unwrap_or_else(|_| "geckodriver".into());
            let args = ["--host=127.0.0.1".to_string(), "--port={port}".into(), "--websocket-port=0".into(), "--log=fatal".into()];
            let (url, process) = start_driver(&exe, &args, "geckodriver");
            (url, Some(process))
        }
    };
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver_url)
        .await
        .unwrap_or_else(|e| panic!("a {engine:?} session through its WebDriver at {driver_url}: {e}"));
    let session = client.session_id().await.unwrap().expect("a WebDriver session id");
    let browser = Browser { client, engine, driver_url, session, own_driver, closed: false };
    // A window's size is its outer size; make the page's viewport the size asked.
    browser.fit_viewport(options.width, options.height).await;
    browser
}

impl Browser {
    /// Resizes the window so that the page's viewport is `width` × `height` CSS pixels.
    async fn fit_viewport(&self, width: u32, height: u32) {
        let inner = self.client.execute("return [innerWidth, innerHeight]", vec![]).await.unwrap();
        let (inner_w, inner_h) = (inner[0].as_i64().unwrap_or(0), inner[1].as_i64().unwrap_or(0));
        if (inner_w, inner_h) != (i64::from(width), i64::from(height)) {
            let (outer_w, outer_h) = self.client.get_window_size().await.unwrap();
            let grow = |outer: u64, inner: i64, want: u32| (outer as i64 + i64::from(want) - inner).max(1) as u32;
            self.client.set_window_size(grow(outer_w, inner_w, width), grow(outer_h, inner_h, height)).await.unwrap();
        }
    }
}

/// One HTTP/1.1 request to a WebDriver server, for the commands fantoccini does not wrap;
/// returns the status line and the body.
fn webdriver_request(driver_url: &str, method: &str, path: &str, body: &str) -> std::io::Result<(String, String)> {
    let addr = driver_url.trim_start_matches("http://").to_string();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = TcpStream::connect(&addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    stream.write_all(request.as_bytes())?;
    // Read the head, then exactly Content-Length bytes: a driver may keep the connection.
    let mut reader = BufReader::new(stream);
    let mut status = String::new();
    let mut length = 0usize;
    let mut first = true;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line)?;
        if first {
            status = line.trim_end().to_string();
            first = false;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
        if line == "\r\n" || line.is_empty() {
            break;
        }
    }
    let mut body = vec![0u8; length];
    std::io::Read::read_exact(&mut reader, &mut body)?;
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

/// Polls `check` until it returns `Some`, or fails with `what` after 10 s.
pub async fn wait_for<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out after 10 s waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The shadow root of the `<argument-map>` matched by `host`, once the widget says it is ready
/// (its map drawn, at rest, taking input) or failed: the element's `data-state`, the contract a
/// host script waits on too (docs/embedding.md).
pub async fn widget(client: &Client, host: &str) -> ShadowRoot {
    wait_for(&format!("the widget in {host} to be ready (data-state)"), || async {
        let element = client.find(Locator::Css(host)).await.ok()?;
        // A map loads once it comes within a screen of view: a reader scrolls to one further away.
        if element.attr("data-state").await.ok()?.as_deref() == Some("loading") {
            let arg = serde_json::to_value(&element).ok()?;
            let far = "const r = arguments[0].getBoundingClientRect();
                       if (r.top > 2 * innerHeight || r.bottom < -innerHeight) arguments[0].scrollIntoView({ block: 'nearest' })";
            client.execute(far, vec![arg]).await.ok()?;
        }
        let state = element.attr("data-state").await.ok()??;
        if state != "ready" && state != "error" {
            return None;
        }
        let shadow = element.shadow_root().await.ok()?;
        shadow.find(Locator::Css("[role=tree], [role=alert]")).await.ok()?;
        Some(shadow)
    })
    .await
}

/// Whether `element` stands still: the same place on screen (viewport coordinates, so a page
/// that is still scrolling counts as moving) in two readings a little apart. A reader clicks
/// what they see at rest; WebDriver clicks where it measured, and a card still sliding into
/// place, or a page still scrolling, takes the click somewhere else.
pub async fn at_rest(element: &Element) -> bool {
    let client = element.clone().client();
    let arg = match serde_json::to_value(element) {
        Ok(arg) => arg,
        Err(_) => return false,
    };
    let read = || async {
        let script = "const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height]";
        client.execute(script, vec![arg.clone()]).await.ok()
    };
    let Some(first) = read().await else { return false };
    tokio::time::sleep(Duration::from_millis(80)).await;
    read().await.is_some_and(|second| second == first)
}

pub async fn visible_ids(shadow: &ShadowRoot) -> Vec<String> {
    let mut ids = Vec::new();
    for row in shadow.find_all(Locator::Css("[role=treeitem]")).await.unwrap() {
        ids.push(row.attr("data-node-id").await.unwrap().unwrap_or_default());
    }
    ids
}

/// The treeitem of node `id`, once it shows and stands still (a map card is hidden until
/// placed, then may slide into its place).
pub async fn row(shadow: &ShadowRoot, id: &str) -> Element {
    wait_for(&format!("a visible treeitem with data-node-id {id}"), || async {
        let row = shadow.find(Locator::Css(&format!("[role=treeitem][data-node-id='{id}']"))).await.ok()?;
        (row.is_displayed().await.ok()? && at_rest(&row).await).then_some(row)
    })
    .await
}

/// Puts keyboard focus on the tree's one tab stop in the page's first `<argument-map>`, as a
/// reader tabbing into the map would.
pub async fn focus_tree(client: &Client) {
    client
        .execute(
            "document.querySelector('argument-map').shadowRoot.querySelector(\"[role=treeitem][tabindex='0']\").focus(); return 0",
            vec![],
        )
        .await
        .unwrap();
}

/// Presses `key` wherever focus is, as a reader's keyboard does. WebDriver's actions name no
/// element, so this reaches a row inside a shadow root in every engine (Firefox refuses to send
/// keys to the shadow host that `active_element` returns).
pub async fn press(client: &Client, key: fantoccini::key::Key) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let value = key.to_string().chars().next().expect("a key is one character");
    let keys = KeyActions::new("keyboard".into()).then(KeyAction::Down { value }).then(KeyAction::Up { value });
    client.perform_actions(keys).await.unwrap();
}

/// Clicks the first element in `shadow` matching `selector` once it can be clicked and is at
/// rest: a map card is hidden until it is measured and placed, and may still be moving into
/// place. The element is found again on every try, so a re-render between tries is no
/// stale reference.
pub async fn click(shadow: &ShadowRoot, selector: &str) {
    wait_for(&format!("{selector} to take a click"), || async {
        let element = shadow.find(Locator::Css(selector)).await.ok()?;
        if !element.is_displayed().await.ok()? || !at_rest(&element).await {
            return None;
        }
        element.click().await.ok()
    })
    .await
}

/// The attribute `name` of the first element in `shadow` matching `selector`, if both exist.
pub async fn attr(shadow: &ShadowRoot, selector: &str, name: &str) -> Option<String> {
    shadow.find(Locator::Css(selector)).await.ok()?.attr(name).await.ok()?
}

/// Waits until the row for `id` exists and satisfies `name = value`.
pub async fn wait_row(shadow: &ShadowRoot, id: &str, name: &str, value: &str) {
    let selector = format!("[role=treeitem][data-node-id='{id}']");
    wait_for(&format!("{id} to have {name}={value}"), || async {
        (attr(shadow, &selector, name).await.as_deref() == Some(value)).then_some(())
    })
    .await
}

// ---------------------------------------------------------------- embedding tests (tests/embed.rs)

/// A fresh directory holding a copy of the built `dist/` plus every file of `tests/fixtures/`, so
/// fixture pages load the widget exactly as a host page would. One per call, in the system temp
/// dir, named after the test process (left there: it is small).
pub fn site_with_fixtures() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let dist = dist();
    assert!(
        dist.join("pkg/argmap_bg.wasm").is_file(),
        "{} has no pkg/argmap_bg.wasm: build first with `trunk build --release --offline` (scripts/test does)",
        dist.display()
    );
    let site = std::env::temp_dir().join(format!("argmap-site-{}-{}", std::process::id(), COUNT.fetch_add(1, Ordering::SeqCst)));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&dist, &site);
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"), &site);
    site
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("create {}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("copy {} to {}: {e}", entry.path().display(), target.display()));
        }
    }
}

/// Every request line a [`serve_recording`] server has seen (`"POST /csp-report HTTP/1.1"`).
pub type Requests = Arc<std::sync::Mutex<Vec<String>>>;

/// As [`serve`], and records each request line, so a test can see what the browser asked for:
/// e.g. the violation reports a `report-uri` CSP directive makes it POST.
pub fn serve_recording(root: &Path, headers: &[(&str, &str)]) -> (String, Requests) {
    let requests: Requests = Arc::default();
    let seen = requests.clone();
    (serve_watching(root, headers, move |line| seen.lock().unwrap().push(line.to_string())), requests)
}

/// Holds back the answer to every request whose line contains a given path until released:
/// what a slow network does to the widget's wasm, on demand.
#[derive(Clone, Default)]
pub struct Hold(Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>);

impl Hold {
    pub fn release(&self) {
        *self.0 .0.lock().unwrap() = true;
        self.0 .1.notify_all();
    }

    fn wait(&self) {
        let (released, changed) = &*self.0;
        let mut released = released.lock().unwrap();
        while !*released {
            released = changed.wait(released).unwrap();
        }
    }
}

/// As [`serve_recording`], and answers requests for `held` (a part of the path, such as
/// `argmap_bg.wasm`) only once the returned [`Hold`] is released.
pub fn serve_holding(root: &Path, held: &str) -> (String, Requests, Hold) {
    let (requests, hold) = (Requests::default(), Hold::default());
    let (seen, gate, held) = (requests.clone(), hold.clone(), held.to_owned());
    let base = serve_watching(root, &[], move |line| {
        seen.lock().unwrap().push(line.to_string());
        if line.contains(&held) {
            gate.wait();
        }
    });
    (base, requests, hold)
}

/// As [`serve`], calling `watch` with each request's line before answering it (on the
/// request's own thread: `watch` may block).
fn serve_watching(root: &Path, headers: &[(&str, &str)], watch: impl Fn(&str) + Send + Sync + 'static) -> String {
    assert!(root.join("index.html").is_file(), "{} has no index.html", root.display());
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let root = Arc::new(root.to_path_buf());
    let headers: Arc<Vec<(String, String)>> = Arc::new(headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
    let watch = Arc::new(watch);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, headers, watch) = (root.clone(), headers.clone(), watch.clone());
            std::thread::spawn(move || {
                // Peek at the request line, leaving it for `respond` to read.
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let mut buf = [0u8; 2048];
                let deadline = Instant::now() + Duration::from_secs(5);
                loop {
                    let n = stream.peek(&mut buf).unwrap_or(0);
                    let text = String::from_utf8_lossy(&buf[..n]);
                    if let Some(line) = text.split("\r\n").next().filter(|_| text.contains("\r\n")) {
                        watch(line);
                        break;
                    }
                    if n == buf.len() || Instant::now() > deadline {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                respond(stream, &root, &headers)
            });
        }
    });
    base
}

/// The browser's console since the last call (ChromeDriver's `se/log`, which fantoccini does not
/// wrap): each entry's level and message. CSP violations show here as
/// "Refused to … because it violates the following Content Security Policy directive …".
/// Chromium only: geckodriver has no log command, and Firefox keeps its console to itself.
pub async fn browser_log(client: &Browser) -> Vec<(String, String)> {
    assert_eq!(client.engine, Engine::Chromium, "browser_log reads ChromeDriver's se/log: a Chromium session only");
    let (driver, path) = (client.driver_url.clone(), format!("/session/{}/se/log", client.session));
    let (status, json) = tokio::task::spawn_blocking(move || webdriver_request(&driver, "POST", &path, r#"{"type":"browser"}"#))
        .await
        .unwrap()
        .expect("ChromeDriver answers se/log");
    let json = json.trim();
    assert!(status.starts_with("HTTP/1.1 200"), "ChromeDriver refused se/log: {status}\n{json}");
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("se/log JSON ({e}): {json}"));
    value["value"]
        .as_array()
        .expect("se/log returns a list")
        .iter()
        .map(|entry| (entry["level"].as_str().unwrap_or_default().to_string(), entry["message"].as_str().unwrap_or_default().to_string()))
        .collect()
}

/// axe-core, from its npm package (scripts/setup installs it into .tools/).
fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} ({e}): run scripts/setup", path.display()))
}

/// What axe-core finds serious or critical on the page now: "rule: help @ targets".
pub async fn serious_violations(client: &Client) -> Vec<String> {
    client.execute(&axe_source(), vec![]).await.unwrap();
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(r => done(
               r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)).join(' '))));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(result).unwrap()
}
