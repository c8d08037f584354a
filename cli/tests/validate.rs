//! `argmap validate` as an author meets it: exit status and `FILE:LINE:COLUMN: PATH: MESSAGE`.

use std::path::PathBuf;
use std::process::Command;

fn validate(text: &str) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("argmap-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("map-{}.json", text.len()));
    std::fs::write(&file, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_argmap")).arg("validate").arg(&file).output().expect("run argmap");
    let stderr = String::from_utf8(out.stderr).unwrap().replace(&file.display().to_string(), "MAP");
    (out.status.code().unwrap_or(-1), stderr)
}

fn flagship() -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../www/maps/open-vs-closed.json")).unwrap()
}

#[test]
fn the_shipped_maps_are_valid() {
    let (code, stderr) = validate(&flagship());
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_broken_chinese_map_gets_every_problem_sorted_with_character_columns() {
    // Two problems on one Chinese line, one earlier in the file.
    let text = concat!(
        "{\"format\": \"argmap/1\", \"id\": \"m\", \"title\": {\"zh\": \"题目\"}, \"languages\": [\"zh\"], \"root\": \"q\",\n",
        "\"nodes\": [\n",
        "  {\"id\": \"q\", \"kind\": \"question\", \"text\": \"开源还是闭源？\"},\n",
        "  {\"id\": \"p\", \"text\": \"开源是唯一的路\", \"kind\": \"position\", \"side\": \"左边\", \"parent\": \"无\"}\n",
        "]}\n"
    );
    let (code, stderr) = validate(text);
    assert_eq!(code, 1, "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    // `"左边"` starts at character 62 of line 4, `"无"` at character 78 (bytes: 70 and 88).
    assert_eq!(
        lines[..2],
        [
            "MAP:4:62: nodes[1].side: unknown value \"左边\"; expected one of open, closed, neutral",
            "MAP:4:78: nodes[1].parent: unknown node \"无\"",
        ],
        "{stderr}"
    );
    assert_eq!(lines[2], "MAP: 2 problem(s)");
}

#[test]
fn a_syntax_error_on_a_chinese_line_counts_characters_too() {
    let (code, stderr) = validate("{\"title\": {\"zh\": \"开源还是闭源\"} \"root\": 1}");
    assert_eq!(code, 1);
    // The unexpected `"` is the 28th character of the line (the 46th byte).
    assert!(stderr.starts_with("MAP:1:28: not valid JSON: "), "{stderr}");
}
