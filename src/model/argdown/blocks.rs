//! Stage 2: lines -> blocks. Blank lines separate top-level blocks: headings, relation trees
//! (a statement or argument, then indented lines starting with a relation symbol, nested by
//! indentation) and premise–conclusion structures (`(1) …`, `----`, `(2) …`). A line with no
//! symbol goes on with the text above it, as in Argdown, except one that begins with a title
//! at the block's own indentation: Argdown never reads a title as text, so that line starts a
//! new block (with a warning, since Argdown itself wants a blank line there). The indentation
//! stack is a `Vec`: 5,000 levels are as safe as one.

use super::lines::Line;
use crate::model::diagnostic::Diagnostic;
use crate::model::yaml::PChar;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    /// `+`, `<+`, `-`, `<-`, `_`, `<_`: the line's member bears on the member above.
    Outgoing,
    /// `+>`, `->`, `_>`: the member above bears on the line's member.
    Incoming,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Symbol {
    Support(Direction),
    Attack(Direction),
    Undercut(Direction),
    Contradiction,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Parent {
    None,
    Node(usize),
    /// Below an inference line of a premise–conclusion structure: the argument itself.
    Argument,
}

#[derive(Clone, Debug)]
pub(super) struct TreeNode {
    /// The member's characters, from after the relation symbol; continuation lines follow
    /// after a `\n`.
    pub chars: Vec<PChar>,
    pub symbol: Option<Symbol>,
    pub parent: Parent,
    pub line: usize,
    pub column: usize,
    /// How many `{` of inline data are open at the end of the text so far: while any is, the
    /// next line is data, whatever it starts with.
    data_depth: usize,
}

impl TreeNode {
    fn track_data(&mut self, from: usize) {
        let mut quote = None;
        let mut i = from;
        while i < self.chars.len() {
            let c = self.chars[i].c;
            match (quote, c) {
                (_, '\\') => i += 1,
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"') if self.data_depth > 0 => quote = Some(c),
                (None, '{') => self.data_depth += 1,
                (None, '}') => self.data_depth = self.data_depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
    }
}

#[derive(Clone, Debug)]
pub(super) struct PcsStatement {
    /// Index into the structure's `nodes`.
    pub node: usize,
    /// Preceded by an inference line.
    pub conclusion: bool,
}

#[derive(Clone, Debug)]
pub(super) enum Item {
    Heading {
        level: usize,
        node: TreeNode,
    },
    /// `nodes[0]` is the tree's top member.
    Tree {
        nodes: Vec<TreeNode>,
    },
    Pcs {
        nodes: Vec<TreeNode>,
        statements: Vec<PcsStatement>,
        line: usize,
    },
}

fn relation_symbol(text: &[char]) -> Option<(Symbol, usize)> {
    use Direction::*;
    let two: String = text.iter().take(2).collect();
    let (symbol, len) = match two.as_str() {
        "+>" => (Symbol::Support(Incoming), 2),
        "->" => (Symbol::Attack(Incoming), 2),
        "_>" => (Symbol::Undercut(Incoming), 2),
        "<+" => (Symbol::Support(Outgoing), 2),
        "<-" if text.get(2) != Some(&'-') => (Symbol::Attack(Outgoing), 2),
        "<_" => (Symbol::Undercut(Outgoing), 2),
        "><" => (Symbol::Contradiction, 2),
        _ => match text.first() {
            Some('+') => (Symbol::Support(Outgoing), 1),
            Some('-') if text.get(1) != Some(&'-') => (Symbol::Attack(Outgoing), 1),
            // A bare `_` is an undercut only before a space: `_italic_` starts a text.
            Some('_') if text.get(1).is_none_or(|c| c.is_whitespace()) => (Symbol::Undercut(Outgoing), 1),
            _ => return None,
        },
    };
    Some((symbol, len))
}

fn heading_level(line: &Line) -> Option<usize> {
    if line.indent > 0 {
        return None;
    }
    let hashes = line.text.iter().take_while(|c| **c == '#').count();
    (hashes > 0 && line.text.get(hashes).is_some_and(|c| c.is_whitespace())).then_some(hashes)
}

/// `(12)` at the start: the number and the length of the marker.
fn pcs_number(text: &[char]) -> Option<(usize, usize)> {
    if text.first() != Some(&'(') {
        return None;
    }
    let digits = text[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 9 || text.get(1 + digits) != Some(&')') {
        return None;
    }
    let n: String = text[1..1 + digits].iter().collect();
    Some((n.parse().ok()?, digits + 2))
}

fn is_inference(text: &[char]) -> bool {
    text.len() >= 2 && text[0] == '-' && text[1] == '-'
}

fn only_hyphens(text: &[char]) -> bool {
    text.iter().all(|c| *c == '-')
}

fn list_marker(text: &[char]) -> Option<usize> {
    if text.first() == Some(&'*') && text.get(1).is_some_and(|c| c.is_whitespace()) {
        return Some(1);
    }
    let digits = text.iter().take_while(|c| c.is_ascii_digit()).count();
    (digits > 0 && text.get(digits) == Some(&'.') && text.get(digits + 1).is_some_and(|c| c.is_whitespace())).then_some(digits + 1)
}

/// Whether the text begins with a title, `[T]` or `<T>` (with or without `: text`): Argdown
/// never reads one as the middle of a text, only as the start of a statement or argument.
fn starts_with_title(text: &[char]) -> bool {
    let close = match text.first() {
        Some('[') => ']',
        Some('<') => '>',
        _ => return false,
    };
    match text.iter().skip(1).position(|&c| c == close) {
        // `[text](url)` is a link, and `[]` or `<>` no title.
        Some(end) => end > 0 && !(close == ']' && text.get(end + 2) == Some(&'(')),
        None => false,
    }
}

/// The warning for a block that follows the one above with no blank line between them.
fn unseparated(line: &Line, after: usize) -> Diagnostic {
    Diagnostic::warning(
        line.number,
        line.column,
        format!(
            "a new statement or argument with no blank line before it: read as a new tree, not as more text of line {after}; put a blank line before it (Argdown's own tools need one)"
        ),
    )
}

fn node_from(line: &Line, skip: usize, symbol: Option<Symbol>, parent: Parent) -> TreeNode {
    let mut chars = line.chars();
    let skip = skip.min(chars.len());
    let rest = chars.split_off(skip);
    let lead = rest.iter().take_while(|p| p.c.is_whitespace()).count();
    let column = rest.get(lead).map_or(line.column + skip, |p| p.col);
    let mut node = TreeNode { chars: rest[lead..].to_vec(), symbol, parent, line: line.number, column, data_depth: 0 };
    // A brace inside a title (`[a{b]`) opens no data.
    let title = match node.chars.first().map(|p| p.c) {
        Some(open @ ('[' | '<')) => {
            let close = if open == '[' { ']' } else { '>' };
            node.chars.iter().position(|p| p.c == close).map_or(0, |i| i + 1)
        }
        _ => 0,
    };
    node.track_data(title);
    node
}

fn continue_text(node: &mut TreeNode, line: &Line) {
    let from = node.chars.len();
    node.chars.push(PChar { c: '\n', line: line.number, col: line.column });
    // Inside block data the indentation is YAML's structure: keep it.
    if node.data_depth > 0 {
        node.chars.extend((0..line.indent).map(|i| PChar { c: ' ', line: line.number, col: i + 1 }));
    }
    node.chars.extend(line.chars());
    node.track_data(from);
}

/// The line goes on with the data the node above left open.
fn in_data(nodes: &[TreeNode]) -> bool {
    nodes.last().is_some_and(|n| n.data_depth > 0)
}

pub(super) fn blocks(lines: &[Line], diagnostics: &mut Vec<Diagnostic>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].blank() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].blank() {
            i += 1;
        }
        block(&lines[start..i], &mut items, diagnostics);
    }
    items
}

/// One block (no blank line inside). A heading's following lines and a structure that follows
/// a tree without a blank line are read as blocks of their own.
fn block(mut lines: &[Line], items: &mut Vec<Item>, diagnostics: &mut Vec<Diagnostic>) {
    while let Some(first) = lines.first() {
        if let Some(level) = heading_level(first) {
            items.push(Item::Heading { level, node: node_from(first, level, None, Parent::None) });
            lines = &lines[1..];
        } else if pcs_number(&first.text).is_some() {
            let end = pcs(lines, items, diagnostics);
            lines = &lines[end..];
        } else {
            let end = tree(lines, items, diagnostics);
            lines = &lines[end..];
        }
    }
}

/// A relation tree (or a list); returns how many lines it took.
fn tree(lines: &[Line], items: &mut Vec<Item>, diagnostics: &mut Vec<Diagnostic>) -> usize {
    let first = &lines[0];
    let mut skip = 0;
    if let Some((_, len)) = relation_symbol(&first.text) {
        diagnostics.push(Diagnostic::error(
            first.number,
            first.column,
            "a relation needs a statement or argument on the line above it (a blank line ends a tree)",
        ));
        skip = len;
    } else if let Some(len) = list_marker(&first.text) {
        skip = len;
    }
    let mut nodes = vec![node_from(first, skip, None, Parent::None)];
    let in_list = list_marker(&first.text).is_some() && skip > 0;
    let root_indent = first.indent;
    // (indentation, node) of the members a deeper line may relate to.
    let mut stack: Vec<(usize, usize)> = vec![(root_indent, 0)];
    let mut taken = 1;
    // The member (by count of nodes) whose continuation was already warned about: once is enough.
    let mut warned_member = None;
    for line in &lines[1..] {
        if in_data(&nodes) {
            taken += 1;
            if let Some(node) = nodes.last_mut() {
                continue_text(node, line);
            }
            continue;
        }
        if heading_level(line).is_some() || (pcs_number(&line.text).is_some() && line.indent <= root_indent) {
            break;
        }
        if in_list && line.indent == root_indent && list_marker(&line.text).is_some() {
            break;
        }
        let plain = relation_symbol(&line.text).is_none() && !is_inference(&line.text);
        let after = nodes.last().map_or(first.number, |n| n.line);
        if plain && line.indent <= root_indent && starts_with_title(&line.text) {
            // Argdown reads no title inside a text: a new statement is meant, its blank line missed.
            diagnostics.push(unseparated(line, after));
            break;
        }
        taken += 1;
        // Only below a relation line: a top member's own text may run over many lines.
        let doubtful = if !plain || nodes.len() < 2 || warned_member == Some(nodes.len()) {
            None
        } else if line.indent <= root_indent {
            Some(format!(
                "this line is not indented below the tree's first line and has no relation symbol, so, as in Argdown, it goes on with the text (and data) of line {after}; if it is a new statement, put a blank line before it"
            ))
        } else if starts_with_title(&line.text) {
            Some(format!(
                "this line begins with a title but has no relation symbol, so it is read as more text of line {after}; put a relation symbol (+, -) before the title, or a blank line before a new statement"
            ))
        } else {
            None
        };
        if let Some(message) = doubtful {
            diagnostics.push(Diagnostic::warning(line.number, line.column, message));
            warned_member = Some(nodes.len());
        }
        if let Some((symbol, len)) = relation_symbol(&line.text) {
            while stack.len() > 1 && stack.last().is_some_and(|&(indent, _)| indent >= line.indent) {
                stack.pop();
            }
            if line.indent <= root_indent {
                diagnostics.push(Diagnostic::error(
                    line.number,
                    line.column,
                    "a relation line must be indented more than the statement or argument it relates to",
                ));
            }
            let parent = stack.last().map_or(0, |&(_, n)| n);
            nodes.push(node_from(line, len, Some(symbol), Parent::Node(parent)));
            stack.push((line.indent, nodes.len() - 1));
        } else if is_inference(&line.text) {
            diagnostics.push(Diagnostic::error(
                line.number,
                line.column,
                "an inference line (--) belongs in a premise–conclusion structure, after a numbered premise like (1)",
            ));
        } else if let Some(node) = nodes.last_mut() {
            continue_text(node, line);
        }
    }
    items.push(Item::Tree { nodes });
    taken
}

/// A premise–conclusion structure; returns how many lines it took.
fn pcs(lines: &[Line], items: &mut Vec<Item>, diagnostics: &mut Vec<Diagnostic>) -> usize {
    let mut nodes: Vec<TreeNode> = Vec::new();
    let mut statements: Vec<PcsStatement> = Vec::new();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut after_inference = false;
    let mut in_expanded = false;
    // An expanded inference being read: where it opens, and its text so far.
    let mut inference: Option<(usize, usize, String)> = None;
    let mut below_inference = false;
    let mut expected = 1;
    let mut taken = 0;
    let base = lines[0].indent;
    for line in lines {
        if heading_level(line).is_some() {
            break;
        }
        if !in_data(&nodes) && !in_expanded && line.indent <= base && starts_with_title(&line.text) {
            let after = nodes.last().map_or(lines[0].number, |n| n.line);
            diagnostics.push(unseparated(line, after));
            break;
        }
        taken += 1;
        if in_data(&nodes) {
            if let Some(node) = nodes.last_mut() {
                continue_text(node, line);
            }
            continue;
        }
        if in_expanded {
            if is_inference(&line.text) && only_hyphens(&line.text) {
                in_expanded = false;
                if let Some((number, column, text)) = inference.take() {
                    diagnostics.push(inference_left_out(number, column, &text));
                }
            } else if let Some((_, _, text)) = &mut inference {
                text.push(' ');
                text.extend(&line.text);
            }
            continue;
        }
        if let Some((n, len)) = pcs_number(&line.text).filter(|_| line.indent <= base + 1) {
            if n != expected {
                diagnostics.push(Diagnostic::warning(line.number, line.column, format!("premise ({n}) should be numbered ({expected})")));
            }
            expected = n + 1;
            nodes.push(node_from(line, len, None, Parent::None));
            statements.push(PcsStatement { node: nodes.len() - 1, conclusion: after_inference });
            stack = vec![(line.indent, nodes.len() - 1)];
            after_inference = false;
            below_inference = false;
        } else if is_inference(&line.text) && line.indent <= base + 1 {
            if statements.is_empty() {
                diagnostics.push(Diagnostic::error(line.number, line.column, "an inference line needs premises above it"));
            }
            after_inference = true;
            below_inference = true;
            let collapsed = only_hyphens(&line.text) && line.text.len() >= 4;
            if !collapsed {
                // `-- rules {data} --` on one line, or (expanded) between two lines of hyphens:
                // named in the warning once its closing line is read.
                let text: String = line.text.iter().collect::<String>().trim_matches(|c: char| c == '-' || c.is_whitespace()).to_owned();
                if only_hyphens(&line.text) {
                    in_expanded = true;
                    inference = Some((line.number, line.column, text));
                } else {
                    diagnostics.push(inference_left_out(line.number, line.column, &text));
                }
            }
            stack.clear();
        } else if let Some((symbol, len)) = relation_symbol(&line.text) {
            while stack.len() > 1 && stack.last().is_some_and(|&(indent, _)| indent >= line.indent) {
                stack.pop();
            }
            let parent = match stack.last() {
                Some(&(_, n)) => Parent::Node(n),
                None if below_inference => Parent::Argument,
                None => {
                    diagnostics.push(Diagnostic::error(line.number, line.column, "a relation needs a premise or conclusion above it"));
                    continue;
                }
            };
            nodes.push(node_from(line, len, Some(symbol), parent));
            stack.push((line.indent, nodes.len() - 1));
        } else if let Some(node) = nodes.last_mut() {
            continue_text(node, line);
        }
    }
    let line = lines[0].number;
    if let Some((number, column, text)) = inference.take() {
        diagnostics.push(inference_left_out(number, column, &text));
    }
    if in_expanded {
        diagnostics.push(Diagnostic::error(line, lines[0].column, "an expanded inference (--) is not closed by a second line of hyphens"));
    }
    match statements.last() {
        Some(last) if last.conclusion && statements.len() >= 2 => {}
        _ => diagnostics.push(Diagnostic::error(
            line,
            lines[0].column,
            "a premise–conclusion structure needs at least one premise, then a line of hyphens (----), then its conclusion",
        )),
    }
    items.push(Item::Pcs { nodes, statements, line });
    taken
}

/// The warning for an inference line's rules and data, which `argmap/1` has no place for,
/// naming what is left out (its first 80 characters).
fn inference_left_out(line: usize, column: usize, text: &str) -> Diagnostic {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown: String = text.chars().take(80).collect();
    let more = if shown.len() < text.len() { "…" } else { "" };
    let what = if text.is_empty() { String::new() } else { format!(" \"{shown}{more}\"") };
    Diagnostic::warning(line, column, format!("the inference{what} is left out: argmap/1 has no place for inference rules and their data"))
}
