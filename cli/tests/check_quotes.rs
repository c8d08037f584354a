//! `argmap check-quotes` as an author meets it: one quote verbatim, one with a full-width comma
//! where its source has a half-width one, one in Simplified characters where its source is
//! Traditional, one in no source, one of a source with no text at hand.

use std::path::PathBuf;
use std::process::Command;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes")
}

/// Exit code, standard output and standard error of `argmap check-quotes ARGS…`, run in the
/// fixtures folder so that the paths it prints are short and stable.
fn check_quotes(args: &[&str]) -> (i32, String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_argmap")).arg("check-quotes").args(args).current_dir(fixtures()).output().expect("run argmap");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

const NO_TEXT: &str = "map.json: source \"s2\" has no text in sources (no file named s2_… or s2.…): its 1 quote(s) are not checked";

const WIDTH: [&str; 3] = [
    "map.json:16:96: nodes[2].evidence[1].quote: not found in sources/s1_article.txt",
    "    closest passage, sources/s1_article.txt:4:1: \"開源不是慈善,而是戰略\"",
    "    full-width/half-width punctuation: \"，\" in the quote, \",\" in the source (at 4:7)",
];

const SCRIPT: [&str; 5] = [
    "map.json:18:45: nodes[3].evidence[0].quote: not found in sources/s1_article.txt",
    "    closest passage, sources/s1_article.txt:3:1: \"中國自媒體上則是另一番景象\"",
    "    Traditional/Simplified: \"国\" in the quote, \"國\" in the source (at 3:2)",
    "    Traditional/Simplified: \"体\" in the quote, \"體\" in the source (at 3:5)",
    "    Traditional/Simplified: \"则\" in the quote, \"則\" in the source (at 3:7)",
];

const ABSENT: [&str; 2] = [
    "map.json:20:45: nodes[4].evidence[0].quote: not found in sources/s1_article.txt",
    "    no passage of sources/s1_article.txt shares two adjacent characters with it",
];

#[test]
fn each_quote_not_found_is_reported_at_its_place_with_the_closest_passage_and_what_differs() {
    let (code, stdout, stderr) = check_quotes(&["map.json", "--sources", "sources"]);
    assert_eq!(code, 1, "{stderr}");
    let expected: Vec<&str> = [&[NO_TEXT][..], &WIDTH, &SCRIPT, &ABSENT].concat();
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected, "{stderr}");
    // `s10.txt` begins with "s1" but is not s1's text: the id must be followed by `_` or `.`.
    assert_eq!(stdout, "4 quotes checked, 3 not found, 1 sources without text\n");
}

#[test]
fn normalising_width_finds_the_full_width_comma_and_says_so() {
    let (code, stdout, stderr) = check_quotes(&["map.json", "--sources=sources", "--normalise", "width"]);
    assert_eq!(code, 1, "{stderr}");
    let expected: Vec<&str> = [&[NO_TEXT][..], &SCRIPT, &ABSENT].concat();
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected, "{stderr}");
    assert_eq!(stdout, "4 quotes checked, 2 not found, 1 sources without text (lenient: width; 1 found only so)\n");
}

#[test]
fn a_map_whose_quotes_are_all_found_exits_zero() {
    let dir = std::env::temp_dir().join(format!("argmap-check-quotes-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    std::fs::copy(fixtures().join("sources/s1_article.txt"), dir.join("sources/s1.txt")).unwrap();
    let map = std::fs::read_to_string(fixtures().join("map.json")).unwrap();
    let map = map
        .replace("開源不是慈善，而是戰略", "開源不是慈善,而是戰略")
        .replace("中国自媒体上则是另一番景象", "中國自媒體上則是另一番景象")
        .replace("Nothing of the kind", "重大勝利。\\n開源");
    std::fs::write(dir.join("map.json"), map).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(["check-quotes", "map.json", "--sources", "sources"])
        .current_dir(&dir)
        .output()
        .expect("run argmap");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr.lines().collect::<Vec<_>>(), [NO_TEXT]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "4 quotes checked, 0 not found, 1 sources without text\n");
}

#[test]
fn usage_errors_exit_two() {
    for args in
        [&[][..], &["map.json"], &["--sources", "sources"], &["map.json", "--sources"], &["map.json", "--sources", "sources", "extra.json"]]
    {
        let (code, _, stderr) = check_quotes(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.starts_with("usage: "), "{args:?}: {stderr}");
    }
    let (code, _, stderr) = check_quotes(&["map.json", "--sources", "sources", "--normalise", "script"]);
    assert_eq!((code, stderr.as_str()), (2, "--normalise script: expected width\n"));
    let (code, _, stderr) = check_quotes(&["map.json", "--sources", "no-such-folder"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("--sources no-such-folder: cannot read the folder: "), "{stderr}");
}

#[test]
fn a_map_that_is_not_valid_is_reported_as_validate_reports_it() {
    let (code, stdout, stderr) = check_quotes(&["sources/s10.txt", "--sources", "sources"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("sources/s10.txt:1:1: not valid JSON: "), "{stderr}");
}
