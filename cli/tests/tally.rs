//! `argmap tally`: a class's marks files on one map, from the built binary, on fixtures that
//! include every kind of bad file a teacher may be sent.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/class")
}

/// Runs argmap in the fixtures, with no locale in its environment (a report's default language
/// comes from there).
fn argmap(args: &[&str]) -> Output {
    argmap_in_locale(args, None)
}

fn argmap_in_locale(args: &[&str], lang: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_argmap"));
    command.args(args).current_dir(fixtures()).env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    if let Some(lang) = lang {
        command.env("LANG", lang);
    }
    command.output().expect("run argmap")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("UTF-8 stderr")
}

/// The names of every attribute of every tag. Enough for the report's own output: values are
/// double-quoted and a `<` in text is always escaped.
fn attribute_names(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    for tag in html.split('<').skip(1) {
        let Some((inside, _)) = tag.split_once('>') else { panic!("unclosed tag <{tag}") };
        let mut rest = inside.split_once(' ').map(|(_, attrs)| attrs).unwrap_or("");
        while let Some((name, after)) = rest.split_once('=') {
            names.push(name.trim().to_owned());
            let value = after.strip_prefix('"').expect("a double-quoted value");
            rest = value.split_once('"').map(|(_, r)| r).expect("a closed value");
        }
    }
    names
}

const GOOD: [&str; 3] = ["alice.json", "bob.json", "carol.json"];

#[test]
fn the_class_is_counted_per_claim_with_exercise_accuracy() {
    let mut args = vec!["tally", "map.json"];
    args.extend(GOOD);
    let out = argmap(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let text = stdout(&out);
    assert!(text.starts_with("Class tally: Phones in class? (class)\n3 marks file(s) read\n"), "{text}");
    // Alice and Bob are convinced by c1, Carol is not; Alice guessed c1 right.
    assert!(text.contains("    2 / 1     1/1 100%  c1: Phones distract <everyone>\n"), "{text}");
    // c2 attacks c1: Alice guessed "supports" (wrong), Bob "attacks" with the right article.
    assert!(text.contains("    2 / 1      1/2 50%  c2: Distraction is a habit, not a device\n"), "{text}");
    assert!(text.contains("    1 / 0            -  c3: Grades rose after bans\n"), "{text}");
    assert!(!text.contains(" q: ") && !text.contains(" ban: "), "claims nobody marked are left out: {text}");
}

#[test]
fn the_most_disputed_claims_come_first_and_ties_keep_reading_order() {
    let mut args = vec!["tally", "map.json"];
    args.extend(GOOD);
    let text = stdout(&argmap(&args));
    let disputed = text.split("\nMost disputed\n").nth(1).and_then(|t| t.split("\n\n").next()).expect("a disputed section");
    assert_eq!(
        disputed,
        "  1. c1: 2 convinced, 1 not convinced: Phones distract <everyone>\n  \
         2. c2: 2 convinced, 1 not convinced: Distraction is a habit, not a device"
    );
    // c3 and c4 have no one unconvinced: no dispute.
    assert!(!disputed.contains("c3"));
}

#[test]
fn each_file_lists_its_inconsistencies() {
    let mut args = vec!["tally", "map.json"];
    args.extend(GOOD);
    let text = stdout(&argmap(&args));
    assert!(
        text.contains(
            "  alice.json (Alice): 2 verdict(s), exercise 1/2, 1 inconsistency\n    \
             convinced by c1 \"Phones distract <everyone>\" and by c2 \"Distraction is a habit, not a device\", which attacks it\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("convinced by c3 \"Grades rose after bans\" and by c4 \"Grades did not change\", which contradicts it\n"),
        "{text}"
    );
    assert!(text.contains("  carol.json: 2 verdict(s), exercise 0/0, 0 inconsistencies\n"), "{text}");
    // Bob's name carries a terminal escape: it never reaches the terminal.
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("(<script>alert(1)</script> & Bob ?[31m)"), "{text}");
}

#[test]
fn bad_files_are_skipped_with_their_reason_and_the_rest_still_reported() {
    let args = [
        "tally",
        "map.json",
        "alice.json",
        "other-map.json",
        "newer.json",
        "truncated.json",
        "wrong-types.json",
        "unknown-node.json",
        "map.json",
        "no-such-file.json",
        "carol.json",
    ];
    let out = argmap(&args);
    assert_eq!(out.status.code(), Some(1), "a skipped file is a failure");
    let errors = stderr(&out);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines.len(), 7, "{errors}");
    for expected in [
        "other-map.json: map: these marks are for the map \"open-vs-closed\", not for this map \"class\"",
        "newer.json: format: the file is in a newer format, \"argmap-marks/2\"; this reader knows \"argmap-marks/1\": update argmap to read it",
        "wrong-types.json: name: expected a string, found an array; verdicts.c1: expected a string, found a boolean; \
         answers.c2: expected an object, found a string",
        "unknown-node.json: verdicts.c9: unknown node \"c9\"; \
         answers.ban: the exercise does not ask about \"ban\": it neither supports nor attacks its parent",
        "map.json: format: this is a map (\"argmap/1\"), not a marks file",
    ] {
        assert!(lines.contains(&expected), "expected {expected:?} in\n{errors}");
    }
    assert!(lines.iter().any(|l| l.starts_with("no-such-file.json: cannot read: ")), "{errors}");
    assert!(lines.iter().any(|l| l.starts_with("truncated.json: line 1, column 75: not valid JSON: ")), "{errors}");
    let text = stdout(&out);
    assert!(text.contains("2 marks file(s) read, 7 skipped\n"), "{text}");
    // Only Alice and Carol count: c1 is 1 / 1.
    assert!(text.contains("    1 / 1     1/1 100%  c1: "), "{text}");
    assert!(text.contains("  alice.json (Alice)") && text.contains("  carol.json: "), "{text}");
}

#[test]
fn only_bad_files_is_a_failure_with_an_empty_report() {
    let out = argmap(&["tally", "map.json", "newer.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("0 marks file(s) read, 1 skipped\n"));
    assert!(stdout(&out).contains("  (no marks)\n"));
}

#[test]
fn a_broken_map_is_reported_like_validate_does() {
    let out = argmap(&["tally", "alice.json", "bob.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("alice.json:1:12: format: unsupported format \"argmap-marks/1\""), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["tally"][..],
        &["tally", "map.json"],
        &["tally", "map.json", "alice.json", "--html"],
        &["tally", "map.json", "alice.json", "--bogus"],
    ] {
        let out = argmap(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("argmap tally MAP.json MARKS.json"), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn the_html_report_is_static_escaped_and_strict_csp_clean() {
    let dir = std::env::temp_dir().join(format!("argmap-tally-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out_file = dir.join("report.html");
    let out_path = out_file.to_str().expect("UTF-8 path");
    let out = argmap(&["tally", "map.json", "alice.json", "bob.json", "carol.json", "truncated.json", "--html", out_path, "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(1), "one file was skipped");
    let html = std::fs::read_to_string(&out_file).expect("the report was written");
    let _ = std::fs::remove_dir_all(&dir);

    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh\">"), "{html}");
    assert!(html.contains("<title>全班统计: 课堂上用手机？</title>"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script, and a name that tries one is escaped");
    assert!(!lower.contains(" style="), "no style attribute");
    let allowed = ["lang", "charset", "name", "content", "scope", "class", "min", "max", "value"];
    for name in attribute_names(&html) {
        assert!(allowed.contains(&name.as_str()), "unexpected attribute {name:?} (no handlers, no style)");
    }
    assert_eq!(lower.matches("<style>").count(), 1, "one style element");
    assert!(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Bob \u{FFFD}[31m</td>"), "{html}");
    assert!(!html.contains('\u{1b}'));
    // A text in the report's language, and one that falls back to the map's first language.
    assert!(html.contains("<code>c1</code> <span>手机让人分心</span>"), "{html}");
    assert!(html.contains("<code>c2</code> <span lang=\"en\">Distraction is a habit, not a device</span>"), "{html}");
    assert!(html.contains("<meter min=\"0\" max=\"3\" value=\"2\">2/3</meter>"));
    // The report's own words are in its language.
    assert!(
        html.contains("<h2>分歧最大的论点</h2>") && html.contains("<p>读取了 3 份标记文件，跳过 1 份 <code>class</code></p>"),
        "{html}"
    );
    assert!(html.contains("<li>同时被 <code>c1</code> <span>手机让人分心</span> 和反驳它的 <code>c2</code>"), "{html}");
    assert!(html.contains("<li><code>truncated.json</code>: line 1, column 75: not valid JSON: "), "{html}");
    // Every element that opens, closes (the report's own tags, no void ones but meta).
    for tag in ["main", "section", "table", "thead", "tbody", "tr", "td", "th", "ul", "ol", "li", "code", "span", "meter", "h1", "h2", "p"]
    {
        let opened = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "<{tag}> balanced");
    }
}

#[test]
fn the_html_report_speaks_english_by_default() {
    let out_file = std::env::temp_dir().join(format!("argmap-tally-en-{}.html", std::process::id()));
    let out_path = out_file.to_str().expect("UTF-8 path");
    let out = argmap(&["tally", "map.json", "alice.json", "carol.json", "--html", out_path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&out_file).expect("the report was written");
    let _ = std::fs::remove_file(&out_file);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<h1>Class tally: Phones in class?</h1>\n<p>2 marks file(s) read <code>class</code></p>"), "{html}");
    assert!(html.contains("<span class=\"count\">1 convinced, 1 not convinced</span>"), "{html}");
    assert!(
        html.contains("<li>Convinced by <code>c1</code> <span>Phones distract &lt;everyone&gt;</span> and by <code>c2</code> <span>Distraction is a habit, not a device</span>, which attacks it</li>"),
        "{html}"
    );
    assert!(!html.contains("Skipped files"), "nothing was skipped");
}

/// A map written in Chinese first, tallied for a class whose system speaks English (or says
/// nothing): the report is in English, never silently the map's first language; a Chinese
/// system gets Chinese, and `--lang` wins over both.
#[test]
fn the_report_language_follows_lang_then_the_system_then_english() {
    let dir = std::env::temp_dir().join(format!("argmap-tally-zh-first-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let map = std::fs::read_to_string(fixtures().join("map.json")).unwrap();
    let zh_first = map.replacen(r#""languages": ["en", "zh"]"#, r#""languages": ["zh", "en"]"#, 1);
    assert_ne!(map, zh_first, "the fixture lists English first");
    let map_path = dir.join("map.json");
    std::fs::write(&map_path, zh_first).unwrap();
    let marks = fixtures().join("alice.json");
    let run = |lang: Option<&str>, extra: &[&str]| {
        let mut args = vec!["tally", map_path.to_str().unwrap(), marks.to_str().unwrap()];
        args.extend_from_slice(extra);
        let out = argmap_in_locale(&args, lang);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let english = run(None, &[]);
    let chinese = run(Some("zh_CN.UTF-8"), &[]);
    assert_ne!(english, chinese, "the system's language changes the report");
    assert_eq!(run(Some("C.UTF-8"), &[]), english, "C names no language: English");
    assert_eq!(run(Some("en_GB.UTF-8"), &[]), english);
    assert_eq!(run(None, &["--lang", "zh"]), chinese, "--lang zh as the Chinese system");
    assert_eq!(run(Some("zh_CN.UTF-8"), &["--lang", "en"]), english, "--lang wins");
    let _ = std::fs::remove_dir_all(&dir);
}
