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
            let process =
                Command::new(&exe).arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap_or_else(|e| {
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
    assert!(root.join("index.html").is_file(), "{} has no index.html", root.display());
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let root = Arc::new(root.to_path_buf());
    let headers: Arc<Vec<(String, String)>> = Arc::new(headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
    let requests: Requests = Arc::default();
    let seen = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, headers, seen) = (root.clone(), headers.clone(), seen.clone());
            std::thread::spawn(move || {
                // Peek at the request line, leaving it for `respond` to read.
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let mut buf = [0u8; 2048];
                let deadline = Instant::now() + Duration::from_secs(5);
                loop {
                    let n = stream.peek(&mut buf).unwrap_or(0);
                    let text = String::from_utf8_lossy(&buf[..n]);
                    if let Some(line) = text.split("\r\n").next().filter(|_| text.contains("\r\n")) {
                        seen.lock().unwrap().push(line.to_string());
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
    (base, requests)
}

/// The browser's console since the last call (ChromeDriver's `se/log`, which fantoccini does not
/// wrap): each entry's level and message. CSP violations show here as
/// "Refused to … because it violates the following Content Security Policy directive …".
pub async fn browser_log(client: &Client) -> Vec<(String, String)> {
    let session = client.session_id().await.unwrap().expect("a WebDriver session");
    let addr = driver().trim_start_matches("http://").to_string();
    let body = r#"{"type":"browser"}"#;
    let request = format!(
        "POST /session/{session}/se/log HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let response = tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(&addr).expect("connect to ChromeDriver");
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        // Read the head, then exactly Content-Length bytes: ChromeDriver may keep the connection.
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("read ChromeDriver's answer");
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
            let end = line == "\r\n" || line.is_empty();
            head.push_str(&line);
            if end {
                break;
            }
        }
        let mut body = vec![0u8; length];
        std::io::Read::read_exact(&mut reader, &mut body).expect("read ChromeDriver's answer body");
        format!("{head}{}", String::from_utf8_lossy(&body))
    })
    .await
    .unwrap();
    let (head, json) = response.split_once("\r\n\r\n").expect("an HTTP response from ChromeDriver");
    let json = json.trim();
    assert!(head.starts_with("HTTP/1.1 200"), "ChromeDriver refused se/log: {head}\n{json}");
    // ChromeDriver answers with Content-Length, so the body is plain JSON.
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("se/log JSON ({e}): {json}"));
    value["value"]
        .as_array()
        .expect("se/log returns a list")
        .iter()
        .map(|entry| (entry["level"].as_str().unwrap_or_default().to_string(), entry["message"].as_str().unwrap_or_default().to_string()))
        .collect()
}
