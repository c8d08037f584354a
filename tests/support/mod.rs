//! What the end-to-end tests share: a static server over the built `dist/` on 127.0.0.1, a
//! ChromeDriver, and a headless Chromium session. A missing piece fails loudly; nothing skips.
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
    let headers: Arc<Vec<(String, String)>> =
        Arc::new(headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
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
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&body));
}

pub fn dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dist")
}

struct Driver {
    url: String,
    _process: Child,
}

/// One ChromeDriver for the whole test binary; each test opens its own browser session.
fn driver() -> &'static str {
    static DRIVER: OnceLock<Driver> = OnceLock::new();
    &DRIVER
        .get_or_init(|| {
            let exe = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
            let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let process = Command::new(&exe)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| {
                    panic!("cannot start ChromeDriver `{exe}` ({e}): install chromium-driver or set CHROMEDRIVER (scripts/test does both)")
                });
            let deadline = Instant::now() + Duration::from_secs(20);
            while TcpStream::connect(("127.0.0.1", port)).is_err() {
                assert!(Instant::now() < deadline, "ChromeDriver did not listen on port {port} within 20 s");
                std::thread::sleep(Duration::from_millis(50));
            }
            Driver { url: format!("http://127.0.0.1:{port}"), _process: process }
        })
        .url
}

/// A desktop-sized headless Chromium session.
pub async fn browser() -> Client {
    browser_with(&["--window-size=1280,900"]).await
}

/// A fresh headless Chromium session; `extra` adds Chromium flags (window size, no JavaScript…).
pub async fn browser_with(extra: &[&str]) -> Client {
    let mut args: Vec<&str> = CHROME_ARGS.to_vec();
    args.extend_from_slice(extra);
    let mut options = json!({ "args": args });
    if Path::new("/usr/bin/chromium").exists() {
        options["binary"] = json!("/usr/bin/chromium");
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(driver())
        .await
        .expect("a Chromium session through ChromeDriver")
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

/// The shadow root of the `<argument-map>` matched by `host`, once the widget has rendered.
pub async fn widget(client: &Client, host: &str) -> ShadowRoot {
    wait_for(&format!("the widget in {host} to render"), || async {
        let element = client.find(Locator::Css(host)).await.ok()?;
        let shadow = element.shadow_root().await.ok()?;
        shadow.find(Locator::Css("[role=tree], [role=alert]")).await.ok()?;
        Some(shadow)
    })
    .await
}

pub async fn visible_ids(shadow: &ShadowRoot) -> Vec<String> {
    let mut ids = Vec::new();
    for row in shadow.find_all(Locator::Css("[role=treeitem]")).await.unwrap() {
        ids.push(row.attr("data-node-id").await.unwrap().unwrap_or_default());
    }
    ids
}

pub async fn row(shadow: &ShadowRoot, id: &str) -> Element {
    shadow
        .find(Locator::Css(&format!("[role=treeitem][data-node-id='{id}']")))
        .await
        .unwrap_or_else(|_| panic!("no visible treeitem with data-node-id {id}"))
}
