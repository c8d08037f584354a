//! `argmap validate MAP.json…`: check maps and print every problem as
//! `FILE:LINE:COLUMN: PATH: MESSAGE`; exit 1 when any map has a problem, 2 on a usage error.

use std::process::ExitCode;

use argmap::model::{load, locate};

const USAGE: &str = "usage: argmap validate MAP.json [MAP.json …]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, files)) if cmd == "validate" && !files.is_empty() => validate(files),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn validate(files: &[String]) -> ExitCode {
    let mut failed = false;
    for file in files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{file}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        match load(&text) {
            Ok(map) => println!("{file}: ok, {} nodes, {} links", map.nodes.len(), map.links.len()),
            Err(problems) => {
                failed = true;
                let mut located: Vec<_> = problems
                    .iter()
                    .map(|p| (p.position.or_else(|| locate(&text, &p.path)).unwrap_or((1, 1)), p))
                    .collect();
                located.sort_by_key(|&(position, _)| position);
                for ((line, column), p) in located {
                    let where_ = if p.path.is_empty() { String::new() } else { format!("{}: ", p.path) };
                    eprintln!("{file}:{line}:{column}: {where_}{}", p.message);
                }
                eprintln!("{file}: {} problem(s)", problems.len());
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
