//! `argmap import` over real Argdown, as tests/fixtures/argdown/real/EXPECTATIONS says each file
//! must import: its exit status, and in its map the number of nodes, of nodes titled as the
//! text titles them (every statement and argument title kept), and of warnings. The
//! hand-written files there always run; Argdown's own repository's files run when
//! `ARGDOWN_REPO` names a clone of it (bare or not): they are read with `git show` at the
//! commit the list was made at, and never copied into this project.

use std::path::{Path, PathBuf};
use std::process::Command;

fn real_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/argdown/real")
}

#[derive(Debug)]
struct Expected {
    file: String,
    exit: i32,
    /// Nodes and titled nodes in the map; `None` when there is no map.
    nodes: Option<(usize, usize)>,
    warnings: usize,
}

/// A repository's files: its name, the commit they were listed at, and each file's expectation.
struct Repository {
    name: String,
    commit: String,
    files: Vec<Expected>,
}

/// The hand-written files' expectations, and the repository's.
fn expectations() -> (Vec<Expected>, Option<Repository>) {
    let text = std::fs::read_to_string(real_dir().join("EXPECTATIONS")).expect("EXPECTATIONS");
    let (mut here, mut repo) = (Vec::new(), None::<Repository>);
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields[0] == "@repository" {
            repo = Some(Repository { name: fields[1].to_owned(), commit: fields[2].to_owned(), files: Vec::new() });
            continue;
        }
        assert_eq!(fields.len(), 5, "EXPECTATIONS: {line}");
        let number = |s: &str| s.parse::<usize>().unwrap_or_else(|_| panic!("EXPECTATIONS: {line}"));
        let expected = Expected {
            file: fields[0].to_owned(),
            exit: fields[1].parse().expect("exit status"),
            nodes: (fields[2] != "-").then(|| (number(fields[2]), number(fields[3]))),
            warnings: number(fields[4]),
        };
        match &mut repo {
            Some(repo) => repo.files.push(expected),
            None => here.push(expected),
        }
    }
    (here, repo)
}

/// Ids the importer makes up for untitled members, headings and the question above them.
fn made_up(id: &str) -> bool {
    let numbered = |prefix: &str| id.strip_prefix(prefix).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    id == "root" || numbered("root-") || numbered("statement-") || numbered("argument-") || numbered("group-")
}

/// `argmap import FILE -o OUT` on `text`; what differs from `expected`, if anything.
fn check(name: &str, text: &str, expected: &Expected, scratch: &Path) -> Vec<String> {
    let file = scratch.join(name.replace('/', "_"));
    let out = file.with_extension("json");
    std::fs::write(&file, text).unwrap();
    let _ = std::fs::remove_file(&out);
    let run = Command::new(env!("CARGO_BIN_EXE_argmap")).arg("import").arg(&file).arg("-o").arg(&out).output().expect("run argmap");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    let mut wrong = Vec::new();
    let exit = run.status.code().unwrap_or(-1);
    if exit != expected.exit {
        wrong.push(format!("{name}: exit {exit}, expected {}\n{stderr}", expected.exit));
    }
    let warnings = stderr.lines().filter(|l| l.contains(": warning: ")).count();
    if warnings != expected.warnings {
        wrong.push(format!("{name}: {warnings} warnings, expected {}\n{stderr}", expected.warnings));
    }
    if exit == 0 && stderr.lines().any(|l| l.contains(": error: ")) {
        wrong.push(format!("{name}: an error, yet exit 0\n{stderr}"));
    }
    let Some((nodes, titles)) = expected.nodes else { return wrong };
    let Ok(json) = std::fs::read_to_string(&out) else {
        wrong.push(format!("{name}: no map written"));
        return wrong;
    };
    let map: serde_json::Value = serde_json::from_str(&json).expect("the map is JSON");
    let ids: Vec<&str> = map["nodes"].as_array().map(|n| n.iter().filter_map(|n| n["id"].as_str()).collect()).unwrap_or_default();
    let titled: Vec<&str> = ids.iter().copied().filter(|id| !made_up(id)).collect();
    if ids.len() != nodes || titled.len() != titles {
        wrong.push(format!("{name}: {} nodes, {} titled; expected {nodes}, {titles}; ids {titled:?}", ids.len(), titled.len()));
    }
    // Each kept as the text writes it, quotation marks and punctuation included.
    for id in titled {
        if !text.contains(&format!("[{id}]")) && !text.contains(&format!("<{id}>")) {
            wrong.push(format!("{name}: the id {id:?} is no title of the text"));
        }
    }
    wrong
}

fn scratch(what: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("argmap-argdown-real-{what}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn each_kind_of_failure_found_in_argdowns_files_imports() {
    let (here, _) = expectations();
    assert!(here.len() >= 4);
    let scratch = scratch("here");
    let mut wrong = Vec::new();
    for e in &here {
        let text = std::fs::read_to_string(real_dir().join(&e.file)).unwrap_or_else(|err| panic!("{}: {err}", e.file));
        wrong.extend(check(&e.file, &text, e, &scratch));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Needs a clone of Argdown's repository, which this project may not copy and CI cannot
/// download: run it with `ARGDOWN_REPO=… cargo test -p argmap-cli --test argdown_real -- --ignored`.
/// Ignored (and counted as ignored), never passed without having run.
#[test]
#[ignore = "needs ARGDOWN_REPO, a clone of argdown/argdown"]
fn every_argdown_file_of_argdowns_own_repository_imports() {
    let (_, repo) = expectations();
    let Repository { name, commit, files } = repo.expect("EXPECTATIONS names the repository");
    let clone = std::env::var_os("ARGDOWN_REPO")
        .unwrap_or_else(|| panic!("set ARGDOWN_REPO to a clone of {name} (at {commit}) to import its {} .argdown files", files.len()));
    let git = |args: &[&str]| {
        let out = Command::new("git").arg("-C").arg(&clone).args(args).output().expect("run git");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let listed: Vec<&str> = files.iter().map(|e| e.file.as_str()).collect();
    let all = git(&["ls-tree", "-r", "--name-only", &commit]);
    let present: Vec<&str> = all.lines().filter(|p| p.ends_with(".argdown")).collect();
    assert_eq!(listed, present, "EXPECTATIONS should list every .argdown file of {name} at {commit}");
    let scratch = scratch("repo");
    let mut wrong = Vec::new();
    for e in &files {
        let text = git(&["show", &format!("{commit}:{}", e.file)]);
        wrong.extend(check(&e.file, &text, e, &scratch));
    }
    assert!(wrong.is_empty(), "{} of {} files:\n{}", wrong.len(), files.len(), wrong.join("\n"));
}
