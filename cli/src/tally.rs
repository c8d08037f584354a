//! `argmap tally MAP.json MARKS.json… [--html OUT.html] [--lang TAG]`: a class's `argmap-marks/1`
//! files on one map, summed up. Prints per claim the convinced / not-convinced counts and the
//! exercise accuracy, the most disputed claims, and per file the inconsistencies (convinced by a
//! claim and by one that attacks or contradicts it). A file that cannot be read is skipped with
//! `FILE: reason` on stderr and the rest are still reported. `--html` also writes the report as
//! one static HTML file: no script, no `style` attribute, its look in one `<style>` element.
//!
//! Exit status: 0 when every file was read; 1 when the map is broken, a file was skipped or no
//! file could be read (the report of the others is still written); 2 on a usage error.

use std::fmt::Write as _;
use std::process::ExitCode;

use argmap::model::{check_guess, ArgumentMap, LinkRelation, Marks, NodeIdx, Relation, Text, Verdict};
use argmap_cli::escape;

/// How many claims "most disputed" lists.
const MOST_DISPUTED: usize = 5;

struct Args<'a> {
    map: &'a str,
    files: Vec<&'a str>,
    html: Option<&'a str>,
    lang: Option<&'a str>,
}

fn parse(args: &[String]) -> Option<Args<'_>> {
    let mut parsed = Args { map: "", files: Vec::new(), html: None, lang: None };
    let mut positional = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--html" {
            parsed.html = Some(args.next()?.as_str());
        } else if let Some(out) = arg.strip_prefix("--html=") {
            parsed.html = Some(out);
        } else if arg == "--lang" {
            parsed.lang = Some(args.next()?.as_str());
        } else if let Some(tag) = arg.strip_prefix("--lang=") {
            parsed.lang = Some(tag);
        } else if arg.starts_with('-') {
            return None;
        } else {
            positional.push(arg.as_str());
        }
    }
    let valid_tag = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if parsed.lang.is_some_and(|l| !valid_tag(l)) || parsed.html.is_some_and(str::is_empty) {
        return None;
    }
    let (map, files) = positional.split_first()?;
    if files.is_empty() {
        return None;
    }
    parsed.map = map;
    parsed.files = files.to_vec();
    Some(parsed)
}

/// One claim's marks across the class.
#[derive(Clone, Copy, Default)]
struct ClaimCount {
    convinced: usize,
    not_convinced: usize,
    answered: usize,
    correct: usize,
}

impl ClaimCount {
    fn is_empty(&self) -> bool {
        self.convinced + self.not_convinced + self.answered == 0
    }

    /// How evenly the class splits: the smaller side, then the number of marks.
    fn dispute(&self) -> (usize, usize) {
        (self.convinced.min(self.not_convinced), self.convinced + self.not_convinced)
    }
}

enum Clash {
    /// The second node attacks the first (it is its child with relation `attacks`).
    Attacks,
    Contradicts,
}

struct Inconsistency {
    claim: NodeIdx,
    other: NodeIdx,
    clash: Clash,
}

struct FileReport<'a> {
    file: &'a str,
    marks: Marks,
    inconsistencies: Vec<Inconsistency>,
}

struct Report<'a> {
    map: ArgumentMap,
    lang: String,
    claims: Vec<ClaimCount>,
    files: Vec<FileReport<'a>>,
    skipped: Vec<(&'a str, String)>,
}

pub fn run(args: &[String]) -> ExitCode {
    let Some(args) = parse(args) else { return crate::usage() };
    let Some((_, map)) = crate::read_map(args.map) else { return ExitCode::FAILURE };
    let lang = args.lang.map(str::to_owned).unwrap_or_else(|| environment_language().unwrap_or_else(|| "en".to_owned()));
    let report = tally(map, lang, &args.files);
    for (file, reason) in &report.skipped {
        eprintln!("{file}: {}", terminal_safe(reason));
    }
    print!("{}", report.text());
    if let Some(out) = args.html {
        if let Err(e) = std::fs::write(out, report.html()) {
            eprintln!("{out}: cannot write: {e}");
            return ExitCode::FAILURE;
        }
    }
    if report.skipped.is_empty() && !report.files.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The language the teacher's system speaks (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders
/// them): `zh_CN.UTF-8` gives `zh`. `C` and `POSIX` name no language. A report in the map's
/// first language by default gave an English class a Chinese report.
fn environment_language() -> Option<String> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))?;
    let tag = value.split(['.', '@']).next()?.split(['_', '-']).next()?.to_ascii_lowercase();
    (!tag.is_empty() && tag != "c" && tag != "posix" && tag.bytes().all(|b| b.is_ascii_alphabetic())).then_some(tag)
}

fn tally<'a>(map: ArgumentMap, lang: String, files: &[&'a str]) -> Report<'a> {
    let mut claims = vec![ClaimCount::default(); map.nodes.len()];
    let mut read = Vec::new();
    let mut skipped = Vec::new();
    for &file in files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                skipped.push((file, format!("cannot read: {e}")));
                continue;
            }
        };
        let marks = match Marks::from_json(&map, &text) {
            Ok(marks) => marks,
            Err(problems) => {
                let reasons: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                skipped.push((file, reasons.join("; ")));
                continue;
            }
        };
        for (&node, &verdict) in &marks.verdicts.0 {
            if let Some(count) = claims.get_mut(node) {
                match verdict {
                    Verdict::Convinced => count.convinced += 1,
                    Verdict::NotConvinced => count.not_convinced += 1,
                }
            }
        }
        for (&node, &guess) in &marks.answers.0 {
            if let (Some(count), Some(checked)) = (claims.get_mut(node), check_guess(&map, node, guess)) {
                count.answered += 1;
                count.correct += usize::from(checked.correct());
            }
        }
        let inconsistencies = inconsistencies(&map, &marks);
        read.push(FileReport { file, marks, inconsistencies });
    }
    Report { map, lang, claims, files: read, skipped }
}

/// Pairs of claims the reader is convinced by although one attacks or contradicts the other.
fn inconsistencies(map: &ArgumentMap, marks: &Marks) -> Vec<Inconsistency> {
    let convinced = |n: NodeIdx| marks.verdicts.0.get(&n) == Some(&Verdict::Convinced);
    let mut found = Vec::new();
    for (&claim, _) in marks.verdicts.0.iter().filter(|(_, &v)| v == Verdict::Convinced) {
        let Some(node) = map.nodes.get(claim) else { continue };
        for &child in &node.children {
            if map.nodes[child].relation == Some(Relation::Attacks) && convinced(child) {
                found.push(Inconsistency { claim, other: child, clash: Clash::Attacks });
            }
        }
    }
    for link in &map.links {
        let already = found.iter().any(|i| (i.claim, i.other) == (link.from, link.to) || (i.claim, i.other) == (link.to, link.from));
        if link.relation == LinkRelation::Contradicts && convinced(link.from) && convinced(link.to) && !already {
            found.push(Inconsistency { claim: link.from, other: link.to, clash: Clash::Contradicts });
        }
    }
    found
}

impl Report<'_> {
    fn text_of<'t>(&self, text: &'t Text) -> &'t str {
        text.get(&self.lang)
    }

    fn node_text(&self, node: NodeIdx) -> &str {
        self.text_of(&self.map.nodes[node].text)
    }

    /// The claims with any mark, in reading order (depth first, children in display order).
    fn marked_claims(&self) -> Vec<NodeIdx> {
        let mut order = Vec::new();
        let mut stack = vec![self.map.root];
        while let Some(n) = stack.pop() {
            if !self.claims[n].is_empty() {
                order.push(n);
            }
            stack.extend(self.map.nodes[n].children.iter().rev());
        }
        order
    }

    fn most_disputed(&self) -> Vec<NodeIdx> {
        let mut disputed: Vec<NodeIdx> = self.marked_claims().into_iter().filter(|&n| self.claims[n].dispute().0 > 0).collect();
        // Stable: ties keep reading order.
        disputed.sort_by(|&a, &b| self.claims[b].dispute().cmp(&self.claims[a].dispute()));
        disputed.truncate(MOST_DISPUTED);
        disputed
    }

    fn clash_words(clash: &Clash) -> &'static str {
        match clash {
            Clash::Attacks => "which attacks it",
            Clash::Contradicts => "which contradicts it",
        }
    }

    fn summary_line(&self) -> String {
        let skipped = if self.skipped.is_empty() { String::new() } else { format!(", {} skipped", self.skipped.len()) };
        format!("{} marks file(s) read{skipped}", self.files.len())
    }

    fn text(&self) -> String {
        let safe = |s: &str| terminal_safe(s);
        let mut out = String::new();
        let _ = writeln!(out, "Class tally: {} ({})", safe(self.text_of(&self.map.title)), safe(&self.map.id));
        let _ = writeln!(out, "{}\n", self.summary_line());

        let _ = writeln!(out, "Claims: convinced / not convinced, exercise right of answered");
        let claims = self.marked_claims();
        if claims.is_empty() {
            let _ = writeln!(out, "  (no marks)");
        }
        for &n in &claims {
            let c = self.claims[n];
            let _ = writeln!(
                out,
                "  {:>3} / {:<3}  {:>9}  {}: {}",
                c.convinced,
                c.not_convinced,
                accuracy(c),
                safe(&self.map.nodes[n].id),
                safe(self.node_text(n))
            );
        }

        let _ = writeln!(out, "\nMost disputed");
        let disputed = self.most_disputed();
        if disputed.is_empty() {
            let _ = writeln!(out, "  (no claim splits the class)");
        }
        for (rank, &n) in disputed.iter().enumerate() {
            let c = self.claims[n];
            let _ = writeln!(
                out,
                "  {}. {}: {} convinced, {} not convinced: {}",
                rank + 1,
                safe(&self.map.nodes[n].id),
                c.convinced,
                c.not_convinced,
                safe(self.node_text(n))
            );
        }

        let _ = writeln!(out, "\nEach file");
        for f in &self.files {
            let score = f.marks.answers.score(&self.map);
            let name = f.marks.name.as_deref().map(|n| format!(" ({})", safe(n))).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}{name}: {} verdict(s), exercise {}/{}, {} inconsistenc{}",
                safe(f.file),
                f.marks.verdicts.0.len(),
                score.correct,
                score.answered,
                f.inconsistencies.len(),
                if f.inconsistencies.len() == 1 { "y" } else { "ies" }
            );
            for i in &f.inconsistencies {
                let _ = writeln!(
                    out,
                    "    convinced by {} \"{}\" and by {} \"{}\", {}",
                    safe(&self.map.nodes[i.claim].id),
                    safe(self.node_text(i.claim)),
                    safe(&self.map.nodes[i.other].id),
                    safe(self.node_text(i.other)),
                    Self::clash_words(&i.clash)
                );
            }
        }
        out
    }

    fn html(&self) -> String {
        let w = words(&self.lang);
        let mut out = String::new();
        let title = format!("{}: {}", w.title, self.text_of(&self.map.title));
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
            escape(&self.lang),
            escape(&title)
        );
        let _ = write!(out, "<h1>{}</h1>\n<p>{} <code>{}</code></p>\n", escape(&title), escape(&w.files_read(self)), escape(&self.map.id));

        let _ = write!(out, "<section>\n<h2>{}</h2>\n", w.most_disputed);
        let disputed = self.most_disputed();
        if disputed.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", w.no_dispute);
        } else {
            out.push_str("<ol>\n");
            for &n in &disputed {
                let c = self.claims[n];
                let _ = writeln!(out, "<li>{} <span class=\"count\">{}</span></li>", self.node_html(n), w.counts(c));
            }
            out.push_str("</ol>\n");
        }
        out.push_str("</section>\n");

        let _ = write!(out, "<section>\n<h2>{}</h2>\n", w.claims);
        let claims = self.marked_claims();
        if claims.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", w.no_marks);
        } else {
            out.push_str("<table>\n");
            head_row(&mut out, &[w.claim, w.convinced, w.not_convinced, w.share, w.exercise]);
            out.push_str("<tbody>\n");
            for &n in &claims {
                let c = self.claims[n];
                let marks = c.convinced + c.not_convinced;
                // <meter> draws the share with no style attribute, which a strict CSP would refuse.
                let meter = if marks == 0 {
                    String::new()
                } else {
                    format!("<meter min=\"0\" max=\"{marks}\" value=\"{}\">{}/{marks}</meter>", c.convinced, c.convinced)
                };
                let _ = writeln!(
                    out,
                    "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{meter}</td><td>{}</td></tr>",
                    self.node_html(n),
                    c.convinced,
                    c.not_convinced,
                    escape(&accuracy(c))
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");

        let _ = write!(out, "<section>\n<h2>{}</h2>\n<table>\n", w.each_file);
        head_row(&mut out, &[w.file, w.name, w.verdicts, w.exercise, w.inconsistencies]);
        out.push_str("<tbody>\n");
        for f in &self.files {
            let score = f.marks.answers.score(&self.map);
            let mut clashes = String::new();
            if !f.inconsistencies.is_empty() {
                clashes.push_str("<ul>");
                for i in &f.inconsistencies {
                    let _ = write!(clashes, "<li>{}</li>", w.clash(&self.node_html(i.claim), &self.node_html(i.other), &i.clash));
                }
                clashes.push_str("</ul>");
            } else {
                clashes.push_str(w.none);
            }
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td>{}</td><td>{}/{}</td><td>{clashes}</td></tr>",
                escape(f.file),
                escape(f.marks.name.as_deref().unwrap_or("")),
                f.marks.verdicts.0.len(),
                score.correct,
                score.answered
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");

        if !self.skipped.is_empty() {
            let _ = write!(out, "<section>\n<h2>{}</h2>\n<ul>\n", w.skipped);
            for (file, reason) in &self.skipped {
                let _ = writeln!(out, "<li><code>{}</code>: {}</li>", escape(file), escape(reason));
            }
            out.push_str("</ul>\n</section>\n");
        }
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }

    /// A claim as the report shows it: its id, then its text in the report's language (marked
    /// with the language it is really in when it falls back).
    fn node_html(&self, node: NodeIdx) -> String {
        let n = &self.map.nodes[node];
        let in_lang = n.text.has(&self.lang);
        let lang_attr = match n.text.0.first() {
            Some((l, _)) if !in_lang => format!(" lang=\"{}\"", escape(l)),
            _ => String::new(),
        };
        format!("<code>{}</code> <span{lang_attr}>{}</span>", escape(&n.id), escape(self.node_text(node)))
    }
}

/// The HTML report's own words, in Chinese for a report in Chinese, else in English (the
/// report is for the class; the terminal summary is for the teacher and stays in English).
struct Words {
    zh: bool,
    title: &'static str,
    most_disputed: &'static str,
    no_dispute: &'static str,
    claims: &'static str,
    no_marks: &'static str,
    claim: &'static str,
    convinced: &'static str,
    not_convinced: &'static str,
    share: &'static str,
    exercise: &'static str,
    each_file: &'static str,
    file: &'static str,
    name: &'static str,
    verdicts: &'static str,
    inconsistencies: &'static str,
    none: &'static str,
    skipped: &'static str,
}

const EN: Words = Words {
    zh: false,
    title: "Class tally",
    most_disputed: "Most disputed",
    no_dispute: "No claim splits the class.",
    claims: "Claims",
    no_marks: "No marks.",
    claim: "Claim",
    convinced: "Convinced",
    not_convinced: "Not convinced",
    share: "Share convinced",
    exercise: "Exercise",
    each_file: "Each file",
    file: "File",
    name: "Name",
    verdicts: "Verdicts",
    inconsistencies: "Inconsistencies",
    none: "none",
    skipped: "Skipped files",
};

const ZH: Words = Words {
    zh: true,
    title: "全班统计",
    most_disputed: "分歧最大的论点",
    no_dispute: "没有哪个论点让全班意见分歧。",
    claims: "各论点",
    no_marks: "没有标记。",
    claim: "论点",
    convinced: "被说服",
    not_convinced: "未被说服",
    share: "被说服的比例",
    exercise: "练习",
    each_file: "每份文件",
    file: "文件",
    name: "姓名",
    verdicts: "判断",
    inconsistencies: "自相矛盾之处",
    none: "无",
    skipped: "跳过的文件",
};

fn words(lang: &str) -> &'static Words {
    if lang == "zh" || lang.starts_with("zh-") {
        &ZH
    } else {
        &EN
    }
}

impl Words {
    /// The whole sentence is escaped by the caller.
    fn files_read(&self, report: &Report) -> String {
        let (read, skipped) = (report.files.len(), report.skipped.len());
        match (self.zh, skipped) {
            (true, 0) => format!("读取了 {read} 份标记文件"),
            (true, _) => format!("读取了 {read} 份标记文件，跳过 {skipped} 份"),
            (false, _) => report.summary_line(),
        }
    }

    fn counts(&self, c: ClaimCount) -> String {
        if self.zh {
            format!("{} 人被说服，{} 人未被说服", c.convinced, c.not_convinced)
        } else {
            format!("{} convinced, {} not convinced", c.convinced, c.not_convinced)
        }
    }

    /// `claim` and `other` are HTML already.
    fn clash(&self, claim: &str, other: &str, clash: &Clash) -> String {
        match (self.zh, clash) {
            (true, Clash::Attacks) => format!("同时被 {claim} 和反驳它的 {other} 说服"),
            (true, Clash::Contradicts) => format!("同时被 {claim} 和与之矛盾的 {other} 说服"),
            (false, _) => format!("Convinced by {claim} and by {other}, {}", Report::clash_words(clash)),
        }
    }
}

fn head_row(out: &mut String, headers: &[&str]) {
    out.push_str("<thead><tr>");
    for h in headers {
        let _ = write!(out, "<th scope=\"col\">{h}</th>");
    }
    out.push_str("</tr></thead>\n");
}

/// "2/3 67%", or "-" when nobody answered.
fn accuracy(c: ClaimCount) -> String {
    if c.answered == 0 {
        "-".to_owned()
    } else {
        format!("{}/{} {}%", c.correct, c.answered, (c.correct * 100 + c.answered / 2) / c.answered)
    }
}

/// Names and texts come from students' files and the map: control characters (terminal escape
/// sequences among them) are shown as `?`, never sent to the terminal.
fn terminal_safe(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { '?' } else { c }).collect()
}

const STYLE: &str = "\
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}\
main{max-width:60rem;margin:0 auto;padding:1rem}\
table{border-collapse:collapse;width:100%}\
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #ccc}\
td{font-variant-numeric:tabular-nums}\
th[scope=row]{font-weight:normal}\
code{font-size:.85em;color:#555}\
.count{color:#555;white-space:nowrap}\
meter{width:6rem}\
ul{margin:0;padding-left:1.2rem}\
@media (prefers-color-scheme:dark){body{color:#eee;background:#161616}th,td{border-color:#444}code,.count{color:#aaa}}\
@media print{body{font-size:11pt}}";
