//! `argmap check-quotes MAP.json --sources DIR [--normalise width]`: every quote of the map
//! against the text of its source, a file in DIR whose name is the source's id followed by `_`
//! or `.` (`001_d735373bdb52ca41.txt`, `001.txt` for source `001`). Each quote that is not a
//! verbatim substring is printed as
//! `FILE:LINE:COLUMN: nodes[i].evidence[j].quote: not found in SOURCEFILE` (its place in the
//! map's JSON), then indented lines: the closest passage with its line and column in the
//! source, and each difference, classified (see `argmap::model::SourceText`). A summary line
//! goes to standard output. Exit 0 when every quote checked is found, 1 when one is not (or
//! the map is not valid), 2 on a usage error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argmap::model::{check_quotes, Difference, Leniency, Passage, QuoteFound, SourceText};
use argmap_cli::locate::locate;

/// At most this many differences are listed under one quote; the rest are counted.
const MAX_DIFFERENCES_SHOWN: usize = 8;

struct Args<'a> {
    map: &'a str,
    sources: &'a str,
    leniency: Leniency,
}

/// `MAP.json --sources DIR [--normalise width]`, in any order, `--flag=value` too.
fn parse(args: &[String]) -> Result<Args<'_>, Option<String>> {
    let (mut map, mut sources, mut leniency) = (None, None, Leniency::default());
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v)),
            _ => (arg.as_str(), None),
        };
        match flag {
            "--sources" => sources = Some(inline.or_else(|| args.next().map(String::as_str)).ok_or(None)?),
            "--normalise" | "--normalize" => match inline.or_else(|| args.next().map(String::as_str)) {
                Some("width") => leniency.width = true,
                Some(other) => return Err(Some(format!("--normalise {other}: expected width"))),
                None => return Err(None),
            },
            a if a.starts_with('-') => return Err(None),
            a if map.is_none() => map = Some(a),
            _ => return Err(None),
        }
    }
    Ok(Args { map: map.ok_or(None)?, sources: sources.ok_or(None)?, leniency })
}

pub fn run(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(None) => return super::usage(),
        Err(Some(message)) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let names = match file_names(args.sources) {
        Ok(names) => names,
        Err(e) => {
            eprintln!("--sources {}: cannot read the folder: {e}", args.sources);
            return ExitCode::from(2);
        }
    };
    let Some((text, map)) = super::read_map(args.map) else { return ExitCode::FAILURE };

    let (mut checked, mut lenient, mut without_text) = (0usize, 0usize, 0usize);
    // (position in the map, report lines), printed in the map's order.
    let mut failures: Vec<((usize, usize), Vec<String>)> = Vec::new();
    for (s, source) in map.sources.iter().enumerate() {
        let quotes = map.nodes.iter().flat_map(|n| &n.evidence).filter(|e| e.source == s).count();
        let matching: Vec<&String> = names.iter().filter(|n| names_source(n, &source.id)).collect();
        let Some(name) = matching.first() else {
            without_text += 1;
            eprintln!(
                "{}: source \"{}\" has no text in {} (no file named {}_… or {}.…): its {quotes} quote(s) are not checked",
                args.map, source.id, args.sources, source.id, source.id
            );
            continue;
        };
        let path = Path::new(args.sources).join(name);
        if matching.len() > 1 {
            let others: Vec<&str> = matching[1..].iter().map(|n| n.as_str()).collect();
            eprintln!(
                "{}: source \"{}\": several texts in {}; checking {name}, not {}",
                args.map,
                source.id,
                args.sources,
                others.join(", ")
            );
        }
        let source_text = match std::fs::read_to_string(&path) {
            Ok(t) => SourceText::new(&t),
            Err(e) => {
                without_text += 1;
                eprintln!("{}: cannot read: {e}; the {quotes} quote(s) of source \"{}\" are not checked", path.display(), source.id);
                continue;
            }
        };
        for check in check_quotes(&map, s, &source_text, args.leniency) {
            checked += 1;
            match check.found {
                QuoteFound::Verbatim => {}
                QuoteFound::Lenient => lenient += 1,
                QuoteFound::NotFound(passage) => {
                    let json_path = format!("nodes[{}].evidence[{}].quote", check.node, check.evidence);
                    let at = locate(&text, &json_path).unwrap_or((1, 1));
                    let mut lines = vec![format!("{}:{}:{}: {json_path}: not found in {}", args.map, at.0, at.1, path.display())];
                    report(&mut lines, &path, passage.as_ref());
                    failures.push((at, lines));
                }
            }
        }
    }
    failures.sort_by_key(|(at, _)| *at);
    for line in failures.iter().flat_map(|(_, lines)| lines) {
        eprintln!("{line}");
    }
    let mut summary = format!("{checked} quotes checked, {} not found, {without_text} sources without text", failures.len());
    if args.leniency.width {
        summary.push_str(&format!(" (lenient: width; {lenient} found only so)"));
    }
    println!("{summary}");
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The indented lines under a quote not found: its closest passage and what differs.
fn report(lines: &mut Vec<String>, path: &Path, passage: Option<&Passage>) {
    let Some(p) = passage else {
        lines.push(format!("    no passage of {} shares two adjacent characters with it", path.display()));
        return;
    };
    lines.push(format!("    closest passage, {}:{}:{}: {:?}", path.display(), p.line, p.column, p.text));
    for d in p.differences.iter().take(MAX_DIFFERENCES_SHOWN) {
        lines.push(format!("    {}", difference(d)));
    }
    if p.differences.len() > MAX_DIFFERENCES_SHOWN {
        lines.push(format!("    … and {} more differences", p.differences.len() - MAX_DIFFERENCES_SHOWN));
    }
}

fn difference(d: &Difference) -> String {
    let what = match (d.quote.is_empty(), d.source.is_empty()) {
        (false, false) => format!("{:?} in the quote, {:?} in the source", d.quote, d.source),
        (false, true) => format!("{:?} in the quote, not in the source", d.quote),
        _ => format!("{:?} in the source, not in the quote", d.source),
    };
    format!("{}: {what} (at {}:{})", d.kind.describe(), d.line, d.column)
}

/// Whether a file of the sources folder holds the text of source `id`: its name is the id
/// followed by `_` or `.`.
fn names_source(name: &str, id: &str) -> bool {
    name.strip_prefix(id).is_some_and(|rest| rest.starts_with(['_', '.']))
}

/// The names of the files in `dir` (not folders), sorted.
fn file_names(dir: &str) -> std::io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(PathBuf::from(dir))? {
        let entry = entry?;
        if entry.path().is_file() {
            if let Some(name) = entry.file_name().to_str() {
                names.push(name.to_owned());
            }
        }
    }
    names.sort();
    Ok(names)
}
