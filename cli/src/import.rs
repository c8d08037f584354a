//! `argmap import FILE [--from argdown|markdown] [-o OUT.json]`: read an Argdown text or a
//! Markdown outline, validate the map it makes, and write it as `argmap/1` JSON to standard
//! output or OUT.json. Every error and warning goes to standard error as
//! `FILE:LINE:COLUMN: error|warning: message`. Exit 1 on an error, 2 on a usage error.

use std::process::ExitCode;

use argmap::model::{import_argdown, import_markdown, ArgumentMap, Imported};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TextFormat {
    Argdown,
    Markdown,
}

impl TextFormat {
    pub fn named(name: &str) -> Option<TextFormat> {
        match name {
            "argdown" => Some(TextFormat::Argdown),
            "markdown" | "md" => Some(TextFormat::Markdown),
            _ => None,
        }
    }

    /// By the file's extension: `.argdown` / `.ad`, `.md` / `.markdown`.
    pub fn of_file(file: &str) -> Option<TextFormat> {
        let ext = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "argdown" | "ad" => Some(TextFormat::Argdown),
            "md" | "markdown" => Some(TextFormat::Markdown),
            _ => None,
        }
    }
}

/// The file as text; not UTF-8 is an error at the first bad byte's line and column.
fn read_text(file: &str) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = String::from_utf8_lossy(valid);
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{file}:{line}:{column}: error: bytes that are not UTF-8: this does not look like a text file")
    })
}

fn print_diagnostics(file: &str, imported: &Imported) {
    for d in &imported.diagnostics {
        eprintln!("{file}:{}:{}: {}: {}", d.line, d.column, d.severity.as_str(), d.message);
    }
    let errors = imported.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = imported.diagnostics.len() - errors;
    if errors + warnings > 0 {
        eprintln!("{file}: {errors} error(s), {warnings} warning(s)");
    }
}

/// Import `file`, printing its diagnostics; the map and its document, or `None` on an error.
pub fn import_file(file: &str, format: TextFormat) -> Option<(ArgumentMap, serde_json::Value)> {
    let text = match read_text(file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("{message}");
            return None;
        }
    };
    let imported = match format {
        TextFormat::Argdown => import_argdown(&text),
        TextFormat::Markdown => import_markdown(&text),
    };
    print_diagnostics(file, &imported);
    match (imported.map, imported.document) {
        (Some(map), Some(document)) => Some((map, document)),
        _ => None,
    }
}

/// `argmap validate` on an Argdown or Markdown file: true when it makes a valid map.
pub fn validate(file: &str, format: TextFormat) -> bool {
    match import_file(file, format) {
        Some((map, _)) => {
            println!("{file}: ok, {} nodes, {} links", map.nodes.len(), map.links.len());
            true
        }
        None => false,
    }
}

pub fn run(args: &[String]) -> ExitCode {
    let (mut file, mut from, mut out) = (None, None, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--from" => from = args.next().map(String::as_str),
            "-o" | "--output" => out = args.next().map(String::as_str),
            a if a.starts_with("--from=") => from = a.strip_prefix("--from="),
            a if a.starts_with('-') && a != "-" => return super::usage(),
            a if file.is_none() => file = Some(a),
            _ => return super::usage(),
        }
    }
    let Some(file) = file else { return super::usage() };
    let format = match from {
        Some(name) => match TextFormat::named(name) {
            Some(f) => f,
            None => {
                eprintln!("--from {name}: expected argdown or markdown");
                return ExitCode::from(2);
            }
        },
        None => match TextFormat::of_file(file) {
            Some(f) => f,
            None => {
                eprintln!("{file}: cannot tell the format from the name; add --from argdown or --from markdown");
                return ExitCode::from(2);
            }
        },
    };
    let Some((_, document)) = import_file(file, format) else { return ExitCode::FAILURE };
    let json = match serde_json::to_string_pretty(&document) {
        Ok(json) => json + "\n",
        Err(e) => {
            eprintln!("{file}: cannot write the map: {e}");
            return ExitCode::FAILURE;
        }
    };
    match out {
        Some(path) => {
            if let Err(e) = std::fs::write(path, json) {
                eprintln!("{path}: cannot write: {e}");
                return ExitCode::FAILURE;
            }
        }
        None => return write_stdout(&json),
    }
    ExitCode::SUCCESS
}

/// Standard output; a reader that stops early (`| head`) is no error.
pub fn write_stdout(text: &str) -> ExitCode {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write to standard output: {e}");
            ExitCode::FAILURE
        }
    }
}
