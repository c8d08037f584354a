//! `locate`: where a problem's JSON path stands in the text, in characters, on any input.

use argmap::model::load;
use argmap_cli::locate::locate;

const FLAGSHIP: &str = include_str!("../../www/maps/open-vs-closed.json");

#[test]
fn it_points_at_the_offending_value() {
    let text = "{\n  \"nodes\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"parent\": \"x\"}\n  ]\n}";
    assert_eq!(locate(text, "nodes[1].parent"), Some((4, 27)));
    assert_eq!(locate(text, "nodes[1].missing"), Some((4, 5)), "missing field: its object");
}

#[test]
fn columns_count_characters_on_a_chinese_line() {
    let text = "{\"title\": {\"zh\": \"开源还是闭源\"}, \"root\": 3}";
    // `3` is the 37th character (but the 49th byte).
    assert_eq!(locate(text, "root"), Some((1, 37)));
}

#[test]
fn a_bom_and_crlf_do_not_shift_the_location() {
    let lf = "{\n  \"nodes\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"parent\": \"x\"}\n  ]\n}";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    assert_eq!(locate(&crlf, "nodes[1].parent"), locate(lf, "nodes[1].parent"));
}

#[test]
fn every_problem_of_a_broken_map_is_located_on_its_own_line() {
    let text = FLAGSHIP.replacen("\"parent\": \"", "\"parent\": \"nowhere-", 3);
    let problems = load(&text).expect_err("three unknown parents");
    assert!(problems.len() >= 3);
    for p in &problems {
        let (line, column) = locate(&text, &p.path).unwrap();
        let at: String = text.lines().nth(line - 1).unwrap().chars().skip(column - 1).collect();
        assert!(at.starts_with("\"nowhere-"), "{p} at {line}:{column} points at {at:?}");
    }
}

#[test]
fn any_text_and_any_path_give_a_position_without_panicking() {
    // Every prefix of a Chinese map cut at a character boundary (truncated JSON, strings cut
    // open), and paths that exist, do not, or are not paths at all.
    let paths = ["nodes[3].parent", "title.zh", "nodes[99].x", "[[[", "]]]", "..", "nodes[18446744073709551616]", "a.b[0]", ""];
    let cuts: Vec<usize> = FLAGSHIP.char_indices().map(|(i, _)| i).step_by(97).collect();
    for &cut in &cuts {
        let text = &FLAGSHIP[..cut];
        for path in paths {
            let (line, column) = locate(text, path).expect("a position");
            assert!(line >= 1 && column >= 1);
        }
    }
    // Bytes that are not JSON at all: escapes at the end, lone brackets, multi-byte characters.
    for text in ["\"\\", "{\"a\\", "}}}}", "]", "{\"中\": [\"文\\", "{\"k\": \"é", "\u{feff}"] {
        for path in paths {
            assert!(locate(text, path).is_some(), "{text:?} {path}");
        }
    }
}
