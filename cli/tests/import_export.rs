//! `argmap import`, `argmap export` and `argmap validate` on text formats: exit codes and the
//! shape of what they print.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn argmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argmap")).args(args).current_dir(root()).output().expect("run argmap")
}

fn temp(name: &str, text: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("argmap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn import_writes_a_valid_map_and_reports_warnings_with_positions() {
    let out = argmap(&["import", "tests/fixtures/argdown/phones.argdown"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let map: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON on stdout");
    assert_eq!(map["format"], "argmap/1");
    assert!(argmap::model::load(&stdout(&out)).is_ok());
    assert!(stderr(&out).contains("tests/fixtures/argdown/phones.argdown:32:3: warning: "), "{}", stderr(&out));
}

#[test]
fn import_to_a_file_with_from() {
    let src = temp("outline.txt", b"# Phones?\n\n- Ban {side: closed}\n  - Con: parents worry\n");
    let dest = temp("out.json", b"");
    let out = argmap(&["import", &src, "--from", "markdown", "-o", &dest]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let map = argmap::model::load(&std::fs::read_to_string(&dest).unwrap()).unwrap();
    assert_eq!(map.nodes.len(), 3);
}

#[test]
fn import_errors_exit_1_as_file_line_column() {
    let src = temp("bad.argdown", b"[T]: t {side: sideways}\n  + [A\n");
    let out = argmap(&["import", &src]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty(), "no map on an error");
    let err = stderr(&out);
    assert!(err.contains(&format!("{src}:1:1: error: [T] side: unknown value \"sideways\"")), "{err}");
    assert!(err.contains(&format!("{src}:2:5: error: unterminated title")), "{err}");
}

#[test]
fn import_of_binary_junk_and_usage_errors() {
    let src = temp("junk.argdown", &[b'a', b'\n', 0xff, 0xfe, 0]);
    let out = argmap(&["import", &src]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("{src}:2:1: error: bytes that are not UTF-8")), "{}", stderr(&out));
    assert_eq!(argmap(&["import"]).status.code(), Some(2));
    assert_eq!(argmap(&["import", "x.unknown"]).status.code(), Some(2));
    assert_eq!(argmap(&["import", "x.argdown", "--from", "yaml"]).status.code(), Some(2));
}

#[test]
fn validate_accepts_argdown_and_markdown() {
    let out = argmap(&["validate", "tests/fixtures/argdown/phones.argdown", "tests/fixtures/homework.md", "www/maps/sample.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().filter(|l| l.contains(": ok, ")).count(), 3);
    let bad = temp("bad.md", b"# T\n- a {kind: nonsense}\n");
    let out = argmap(&["validate", &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("{bad}:2:3: error: ")), "{}", stderr(&out));
}

#[test]
fn export_every_format_of_the_flagship() {
    let argdown = argmap(&["export", "www/maps/open-vs-closed.json", "--to", "argdown"]);
    assert!(argdown.status.success());
    assert!(stdout(&argdown).starts_with("===\nid: \"open-vs-closed\"\n"));
    let back = temp("flagship.argdown", &argdown.stdout);
    let out = argmap(&["import", &back]);
    assert!(out.status.success() && stderr(&out).is_empty(), "{}", stderr(&out));
    let flagship = argmap::model::load(include_str!("../../www/maps/open-vs-closed.json")).unwrap();
    assert_eq!(argmap::model::load(&stdout(&out)).unwrap().nodes.len(), flagship.nodes.len());

    let md = stdout(&argmap(&["export", "www/maps/open-vs-closed.json", "--to", "markdown", "--lang", "en"]));
    assert!(md.starts_with(&format!("# {}\n", flagship.nodes[flagship.root].text.get("en"))), "{}", &md[..200]);
    let evidence = flagship.nodes.iter().flat_map(|n| &n.evidence).find(|e| e.translation.is_some()).unwrap();
    assert!(md.contains(&format!("> {}", evidence.quote.lines().next().unwrap())), "the quote in its own words");
    assert!(md.contains(&format!("({})", evidence.translation.as_ref().unwrap().get("en"))), "and its translation");
    assert!(md.contains(&format!("— {}", flagship.sources[evidence.source].title.get("en"))), "and its source");

    let aif: serde_json::Value =
        serde_json::from_str(&stdout(&argmap(&["export", "www/maps/open-vs-closed.json", "--to", "aif"]))).unwrap();
    let count = |t: &str| aif["nodes"].as_array().unwrap().iter().filter(|n| n["type"] == t).count();
    assert_eq!(count("I"), flagship.nodes.len());
    assert!(count("RA") > 0 && count("CA") > 0 && count("L") > 0);
    assert_eq!(count("L"), aif["locutions"].as_array().unwrap().len());

    let opml = stdout(&argmap(&["export", "www/maps/sample.json", "--to", "opml"]));
    assert!(opml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"));
    assert_eq!(opml.matches("<outline ").count(), argmap::model::load(include_str!("../../www/maps/sample.json")).unwrap().nodes.len());
}

#[test]
fn export_reads_text_formats_and_refuses_bad_maps_and_usage() {
    let out = argmap(&["export", "tests/fixtures/homework.md", "--to", "argdown"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("[keep]: Keep homework"));
    let bad = temp("bad.json", b"{\"format\": \"argmap/1\"}");
    assert_eq!(argmap(&["export", &bad, "--to", "opml"]).status.code(), Some(1));
    assert_eq!(argmap(&["export", "www/maps/sample.json", "--to", "pdf"]).status.code(), Some(2));
    assert_eq!(argmap(&["export", "www/maps/sample.json"]).status.code(), Some(2));
}
