//! `argmap export MAP --to argdown|markdown|aif|opml [--lang TAG]`: the map in another format,
//! to standard output. MAP is `argmap/1` JSON, or an Argdown or Markdown file (imported first).
//! Exit 1 when the map has a problem (printed as `validate` does), 2 on a usage error.

use std::process::ExitCode;

use argmap::model::export::{to_aif, to_argdown, to_markdown, to_opml};

use super::import::{import_file, TextFormat};

pub fn run(args: &[String]) -> ExitCode {
    let (mut file, mut to, mut lang) = (None, None, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--to" => to = args.next().map(String::as_str),
            "--lang" => lang = args.next().map(String::as_str),
            a if a.starts_with("--to=") => to = a.strip_prefix("--to="),
            a if a.starts_with("--lang=") => lang = a.strip_prefix("--lang="),
            a if a.starts_with('-') => return super::usage(),
            a if file.is_none() => file = Some(a),
            _ => return super::usage(),
        }
    }
    let (Some(file), Some(to)) = (file, to) else { return super::usage() };
    if !matches!(to, "argdown" | "markdown" | "aif" | "opml") {
        eprintln!("--to {to}: expected argdown, markdown, aif or opml");
        return ExitCode::from(2);
    }
    let map = match TextFormat::of_file(file) {
        Some(format) => match import_file(file, format) {
            Some((map, _)) => map,
            None => return ExitCode::FAILURE,
        },
        None => match super::read_map(file) {
            Some((_, map)) => map,
            None => return ExitCode::FAILURE,
        },
    };
    let lang = lang.map(str::to_owned).unwrap_or_else(|| map.languages[0].clone());
    let out = match to {
        "argdown" => to_argdown(&map) + "\n",
        "markdown" => to_markdown(&map, &lang),
        "aif" => serde_json::to_string_pretty(&to_aif(&map, &lang)).unwrap_or_default() + "\n",
        _ => to_opml(&map, &lang),
    };
    super::import::write_stdout(&out)
}
