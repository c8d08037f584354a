//! `argmap validate MAP.json…`: check maps and print every problem as
//! `FILE:LINE:COLUMN: PATH: MESSAGE`; exit 1 when any map has a problem, 2 on a usage error.
//!
//! `argmap render MAP.json [--lang zh|en]`: write the whole map to stdout as static HTML (nested
//! `<details>`), the fallback a page puts inside `<argument-map>` for readers without
//! JavaScript. With `--element [--src URL] [--base URL]`: the whole `<argument-map>` element,
//! its first view drawn in a declarative shadow root (see `argmap::fallback::element`); with `--shadow`
//! only that shadow root, to go inside an element the page writes itself. Exit 1 when the
//! map has a problem (printed as `validate` does), 2 on a usage error.
//!
//! `argmap tally MAP.json MARKS.json…`: a class's marks files summed up (see `tally.rs`).
//!
//! `argmap check-quotes MAP.json --sources DIR [--normalise width]`: every quote against its
//! source's text (see `check_quotes.rs`).

mod check_quotes;
mod export;
mod import;
mod tally;

use std::process::ExitCode;

use argmap::fallback;
use argmap::model::{load, Problem};
use argmap_cli::locate::locate;

const USAGE: &str = "usage: argmap validate MAP.json|TEXT.argdown|TEXT.md …
       argmap render MAP.json [--lang zh|en]    static HTML (no-JavaScript fallback) to stdout
                     [--element [--src URL] [--base URL]]   the whole element, its first view drawn
                     [--shadow [--base URL]]                only that first view, for your own element
       argmap import TEXT.argdown|TEXT.md [--from argdown|markdown] [-o MAP.json]
       argmap export MAP --to argdown|markdown|aif|opml [--lang TAG]
       argmap tally MAP.json MARKS.json [MARKS.json …] [--html OUT.html] [--lang zh|en]
       argmap check-quotes MAP.json --sources DIR [--normalise width]   each quote against its source's text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, files)) if cmd == "validate" && !files.is_empty() => validate(files),
        Some((cmd, rest)) if cmd == "render" => match render_args(rest) {
            Some(args) => render(args),
            None => usage(),
        },
        Some((cmd, rest)) if cmd == "tally" => tally::run(rest),
        Some((cmd, rest)) if cmd == "import" => import::run(rest),
        Some((cmd, rest)) if cmd == "export" => export::run(rest),
        Some((cmd, rest)) if cmd == "check-quotes" => check_quotes::run(rest),
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// Where a page serves the widget's files, and how the element gets its map.
struct Embed<'a> {
    /// The folder argmap.js and argmap.css are served from (`/argmap/`).
    base: &'a str,
    /// The map's URL for `src`; `None` puts the map inline, as the element's JSON child.
    src: Option<&'a str>,
}

/// What `argmap render` was asked for.
struct RenderArgs<'a> {
    file: &'a str,
    lang: Option<&'a str>,
    /// `--element`: the whole element, with `src` (else the map inline) and the widget's folder.
    element: Option<Embed<'a>>,
    /// `--shadow`: only the first view's declarative shadow root, for an element of the page's own.
    shadow: bool,
}

/// `MAP.json [--lang TAG] [--element [--src URL] [--base URL] | --shadow [--base URL]]`, in any
/// order (`--opt=value` too).
fn render_args(args: &[String]) -> Option<RenderArgs<'_>> {
    let (mut file, mut lang, mut element, mut shadow, mut src, mut base) = (None, None, false, false, None, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value)),
            _ => (arg.as_str(), None),
        };
        let mut value = || inline.or_else(|| args.next().map(String::as_str));
        match name {
            "--lang" => lang = Some(value()?),
            "--src" => src = Some(value()?),
            "--base" => base = Some(value()?),
            "--element" if inline.is_none() => element = true,
            "--shadow" if inline.is_none() => shadow = true,
            _ if name.starts_with('-') || file.is_some() => return None,
            _ => file = Some(arg.as_str()),
        }
    }
    let valid_tag = |t: &&str| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let fits = match (element, shadow) {
        (true, true) => false,
        (false, _) => src.is_none() && (shadow || base.is_none()),
        (true, false) => true,
    };
    if lang.is_some_and(|l| !valid_tag(&l)) || !fits {
        return None;
    }
    let element = (element || shadow).then(|| Embed { base: base.unwrap_or("/argmap/"), src });
    Some(RenderArgs { file: file?, lang, element, shadow })
}

fn print_problems(file: &str, text: &str, problems: &[Problem]) {
    let mut located: Vec<_> = problems.iter().map(|p| (p.position.or_else(|| locate(text, &p.path)).unwrap_or((1, 1)), p)).collect();
    located.sort_by_key(|&(position, _)| position);
    for ((line, column), p) in located {
        let where_ = if p.path.is_empty() { String::new() } else { format!("{}: ", p.path) };
        eprintln!("{file}:{line}:{column}: {where_}{}", p.message());
    }
    eprintln!("{file}: {} problem(s)", problems.len());
}

/// A map file read and loaded, with its text (problems are located in it); `None` once every
/// problem, or why it cannot be read, is printed on stderr.
fn read_map(file: &str) -> Option<(String, argmap::model::ArgumentMap)> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{file}: cannot read: {e}");
            return None;
        }
    };
    match load(&text) {
        Ok(map) => Some((text, map)),
        Err(problems) => {
            print_problems(file, &text, &problems);
            None
        }
    }
}

fn validate(files: &[String]) -> ExitCode {
    let mut failed = false;
    for file in files {
        if let Some(format) = import::TextFormat::of_file(file) {
            failed |= !import::validate(file, format);
            continue;
        }
        match read_map(file) {
            Some((_, map)) => println!("{file}: ok, {} nodes, {} links", map.nodes.len(), map.links.len()),
            None => failed = true,
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn render(args: RenderArgs) -> ExitCode {
    let Some((text, map)) = read_map(args.file) else { return ExitCode::FAILURE };
    // Else the map's first language, its own fallback.
    let lang = args.lang.map(str::to_owned).unwrap_or_else(|| map.languages[0].clone());
    match &args.element {
        Some(embed) if args.shadow => println!("{}", fallback::shadow(&map, &lang, embed.base)),
        Some(embed) => println!("{}", fallback::element(&map, &text, &lang, embed.base, embed.src)),
        None => println!("{}", fallback::render(&map, &lang)),
    }
    ExitCode::SUCCESS
}
