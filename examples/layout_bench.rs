//! How long the map view's layout takes natively: `layout` over 20,000 shown nodes (a random-ish
//! tree, a 20,000-deep chain, one node with 20,000 children) and over the flagship fully open,
//! plus `cross_links` and `balance`; median, min and max over repeated runs.
//!
//!   cargo run --release --example layout_bench -- [--json] [MAP.json …]
//!
//! Map files given are laid out fully open too (e.g. the benchmark's bench/.work/maps/argmap-*.json,
//! the maps bench/wasm-load times in wasm).

use std::hint::black_box;
use std::time::{Duration, Instant};

use argmap::model::*;
use serde_json::{json, Value};

fn stats(mut samples: Vec<Duration>) -> (f64, f64, f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (ms(samples[samples.len() / 2]), ms(samples[0]), ms(samples[samples.len() - 1]))
}

/// Runs `f` at least `min_runs` times and for at least `min_time`, after two warm-up runs.
fn measure(mut f: impl FnMut(), min_runs: usize, min_time: Duration) -> Vec<Duration> {
    f();
    f();
    let mut samples = Vec::new();
    let started = Instant::now();
    while samples.len() < min_runs || started.elapsed() < min_time {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    samples
}

/// A seeded tree of `n` nodes: a question, 8 positions, then claims, each under an earlier node
/// picked mostly among the recent ones (so depth varies, up to a few dozen levels), with links.
fn random_tree(n: usize) -> String {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut nodes = vec![json!({"id": "n0", "kind": "question", "text": "Is open better than closed?"})];
    for i in 1..n {
        let r = next();
        let text = format!("claim {i} {}", "words ".repeat((r % 12) as usize));
        nodes.push(if i <= 8 {
            json!({"id": format!("n{i}"), "parent": "n0", "kind": "position", "side": SIDES[i % 3], "text": text})
        } else {
            let back = if r % 4 == 0 { 1 + (r >> 8) as usize % (i - 1) } else { 1 + (r >> 8) as usize % 6 };
            let parent = i.saturating_sub(back).max(1);
            json!({"id": format!("n{i}"), "parent": format!("n{parent}"), "kind": "claim",
                   "relation": if r % 3 == 0 { "attacks" } else { "supports" }, "text": text})
        });
    }
    let links: Vec<Value> = (0..n / 50)
        .map(|k| {
            let (a, b) = (1 + (next() as usize) % (n - 1), 1 + (next() as usize) % (n - 1));
            json!({"from": format!("n{a}"), "to": format!("n{}", if a == b { (b % (n - 1)) + 1 } else { b }), "relation": if k % 2 == 0 { "contradicts" } else { "agrees" }})
        })
        .filter(|l| l["from"] != l["to"])
        .collect();
    json!({"format": "argmap/1", "id": "bench", "title": "bench", "languages": ["en"], "root": "n0", "nodes": nodes, "links": links})
        .to_string()
}

const SIDES: [&str; 3] = ["open", "closed", "neutral"];

fn chain(n: usize) -> String {
    let nodes: Vec<Value> = (0..n)
        .map(|i| match i {
            0 => json!({"id": "n0", "kind": "question", "text": "q"}),
            1 => json!({"id": "n1", "parent": "n0", "kind": "position", "side": "open", "text": "p"}),
            _ => json!({"id": format!("n{i}"), "parent": format!("n{}", i - 1), "kind": "claim", "relation": "attacks", "text": "c"}),
        })
        .collect();
    json!({"format": "argmap/1", "id": "chain", "title": "chain", "languages": ["en"], "root": "n0", "nodes": nodes}).to_string()
}

fn star(n: usize) -> String {
    let nodes: Vec<Value> = (0..n)
        .map(|i| match i {
            0 => json!({"id": "n0", "kind": "question", "text": "q"}),
            _ => json!({"id": format!("n{i}"), "parent": "n0", "kind": "position", "side": "closed", "text": "p"}),
        })
        .collect();
    json!({"format": "argmap/1", "id": "star", "title": "star", "languages": ["en"], "root": "n0", "nodes": nodes}).to_string()
}

/// Card sizes as the view would measure them: 15 to 18 em wide, 2 to 5 lines tall.
fn sizes(rows: &[Row]) -> Vec<Size> {
    rows.iter().map(|r| Size { width: 240.0 + (r.node % 4) as f32 * 16.0, height: 44.0 + (r.node % 4) as f32 * 24.0 }).collect()
}

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let mut maps = vec![
        ("random tree, 20,000 shown".to_owned(), random_tree(20_000)),
        ("chain 20,000 deep".to_owned(), chain(20_000)),
        ("one node with 20,000 children".to_owned(), star(20_000)),
        ("flagship, fully open".to_owned(), include_str!("../www/maps/open-vs-closed.json").to_owned()),
    ];
    for file in std::env::args().skip(1).filter(|a| a != "--json") {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        maps.push((file, text));
    }
    let mut results = Vec::new();
    for (name, text) in &maps {
        let map = load(text).unwrap_or_else(|p| panic!("{name}: {}", p[0]));
        let rows = ViewState::new(&map, "en").apply(&map, Action::ExpandAll).rows(&map);
        let sizes = sizes(&rows);
        for (orientation, options) in [
            ("right", LayoutOptions::default()),
            ("down", LayoutOptions { orientation: Orientation::Down, ..LayoutOptions::default() }),
            ("sides", LayoutOptions { orientation: Orientation::Sides, ..LayoutOptions::default() }),
        ] {
            let lay = stats(measure(|| drop(black_box(layout(&map, black_box(&rows), &sizes, &options))), 20, Duration::from_millis(400)));
            let l = layout(&map, &rows, &sizes, &options);
            let links = stats(measure(|| drop(black_box(cross_links(&map, &rows, &l))), 20, Duration::from_millis(100)));
            let sides = stats(measure(|| _ = black_box(balance(&map, &rows)), 20, Duration::from_millis(100)));
            let depth = rows.iter().map(|r| r.level).max().unwrap_or(0);
            if !json {
                println!(
                    "{name} ({} rows, {depth} levels), {orientation}: layout {:.2} ms (min {:.2}, max {:.2}); cross_links {:.3} ms; balance {:.3} ms; extent {:.0} x {:.0} px",
                    rows.len(),
                    lay.0,
                    lay.1,
                    lay.2,
                    links.0,
                    sides.0,
                    l.width,
                    l.height
                );
            }
            results.push(format!(
                "{{\"map\":{name:?},\"orientation\":{orientation:?},\"rows\":{},\"layout_ms\":{{\"median\":{:.3},\"min\":{:.3},\"max\":{:.3}}},\"cross_links_ms\":{:.3},\"balance_ms\":{:.3}}}",
                rows.len(),
                lay.0,
                lay.1,
                lay.2,
                links.0,
                sides.0
            ));
        }
    }
    if json {
        println!("[{}]", results.join(","));
    }
}
