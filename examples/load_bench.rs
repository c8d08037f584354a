//! How long `argmap::model::load` (parse + decode + link/validate) takes natively, per map:
//! median, min and max over repeated runs, with JSON parsing alone for comparison.
//!
//!   cargo run --release --example load_bench -- [--json] [MAP.json …]
//!
//! Without files it reads the benchmark's generated maps, bench/.work/maps/argmap-*.json
//! (`bench/run` writes them; `node bench/lib/generate.mjs` alone does too).

use std::time::{Duration, Instant};

use argmap::model::{load, load_compact};

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

fn main() {
    let mut json = false;
    let mut files: Vec<String> = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--json" {
            json = true;
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/.work/maps");
        let mut found: Vec<(usize, String)> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}: generate the maps first (bench/run, or node bench/lib/generate.mjs)"))
            .filter_map(|e| {
                let path = e.ok()?.path();
                let name = path.file_name()?.to_str()?.to_owned();
                let size = name.strip_prefix("argmap-")?.strip_suffix(".json")?.parse().ok()?;
                Some((size, path.to_str()?.to_owned()))
            })
            .collect();
        found.sort();
        files = found.into_iter().map(|(_, f)| f).collect();
    }
    let mut results = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let nodes = match load(&text) {
            Ok(map) => map.nodes.len(),
            Err(problems) => panic!("{file} does not load: {}", problems[0]),
        };
        let load_ms = stats(measure(|| drop(std::hint::black_box(load(std::hint::black_box(&text))).ok()), 10, Duration::from_millis(500)));
        let parse_ms = stats(measure(
            || drop(std::hint::black_box(serde_json::from_str::<serde_json::Value>(std::hint::black_box(&text)))),
            10,
            Duration::from_millis(300),
        ));
        // The widget's path: the model's own JSON reader.
        let compact_ms =
            stats(measure(|| drop(std::hint::black_box(load_compact(std::hint::black_box(&text))).ok()), 10, Duration::from_millis(500)));
        if !json {
            println!(
                "{file}: {nodes} nodes, {} KB: load {:.2} ms (min {:.2}, max {:.2}); of which JSON parse alone {:.2} ms; as the widget loads (load_compact) {:.2} ms",
                text.len() / 1024,
                load_ms.0,
                load_ms.1,
                load_ms.2,
                parse_ms.0,
                compact_ms.0
            );
        }
        results.push(format!(
            "{{\"file\":{file:?},\"nodes\":{nodes},\"bytes\":{},\"load_ms\":{{\"median\":{:.3},\"min\":{:.3},\"max\":{:.3}}},\"parse_ms\":{{\"median\":{:.3},\"min\":{:.3},\"max\":{:.3}}},\"compact_ms\":{{\"median\":{:.3},\"min\":{:.3},\"max\":{:.3}}}}}",
            text.len(),
            load_ms.0,
            load_ms.1,
            load_ms.2,
            parse_ms.0,
            parse_ms.1,
            parse_ms.2,
            compact_ms.0,
            compact_ms.1,
            compact_ms.2
        ));
    }
    if json {
        println!("[{}]", results.join(","));
    }
}
