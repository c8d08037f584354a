//! "Predict, then see": the reader guesses how a claim bears on its parent (supports or attacks)
//! and, on a map with several sources, which article it comes from; the map holds the answer.
//! Kept per map in the browser's storage like verdicts, one line per guess:
//! `s NODE` or `a NODE` (supports, attacks), or `s@SOURCE NODE` with a guessed source, the
//! source id percent-encoded so that the node id, last on the line, is taken verbatim.

use std::collections::BTreeMap;

use super::articles::node_sources;
use super::fragment::{decode, encode};
use super::types::{ArgumentMap, NodeIdx, Relation};

/// What a reader guessed about one node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guess {
    /// `Supports` or `Attacks`; a guess of `Answers` is never right (no exercise asks it).
    pub relation: Relation,
    /// Index into `ArgumentMap::sources`, when the reader was asked "which article?".
    pub source: Option<usize>,
}

/// A guess held against the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checked {
    pub relation_correct: bool,
    /// `None` when no source was guessed. A guess is right when it names any source the node's
    /// evidence cites (see `node_sources`).
    pub source_correct: Option<bool>,
}

impl Checked {
    /// Right on everything that was guessed.
    pub fn correct(&self) -> bool {
        self.relation_correct && self.source_correct != Some(false)
    }
}

/// Whether the exercise asks about `node`: it supports or attacks its parent. The root and the
/// answers to a question (positions) are not asked.
pub fn can_guess(map: &ArgumentMap, node: NodeIdx) -> bool {
    map.nodes.get(node).is_some_and(|n| matches!(n.relation, Some(Relation::Supports | Relation::Attacks)))
}

/// `guess` held against the map; `None` when the exercise does not ask about `node`.
pub fn check_guess(map: &ArgumentMap, node: NodeIdx, guess: Guess) -> Option<Checked> {
    if !can_guess(map, node) {
        return None;
    }
    let relation_correct = map.nodes[node].relation == Some(guess.relation);
    let source_correct = guess.source.map(|s| node_sources(map, node).contains(&s));
    Some(Checked { relation_correct, source_correct })
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub answered: usize,
    /// Answers right on everything guessed (`Checked::correct`).
    pub correct: usize,
}

/// The reader's guesses, by node.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(pub BTreeMap<NodeIdx, Guess>);

impl Answers {
    /// Keep the reader's first guess on `node`: once the answer is shown, guessing again would
    /// only copy it. Returns the check of the guess kept, or `None` (and nothing is recorded)
    /// when `node` is not asked, or the guess is not one the exercise offers (`Answers`, or a
    /// source the map does not have).
    pub fn record(&mut self, map: &ArgumentMap, node: NodeIdx, guess: Guess) -> Option<Checked> {
        let offered = relation_letter(guess.relation).is_some() && guess.source.is_none_or(|s| s < map.sources.len());
        if !can_guess(map, node) || !offered {
            return None;
        }
        let kept = *self.0.entry(node).or_insert(guess);
        check_guess(map, node, kept)
    }

    pub fn score(&self, map: &ArgumentMap) -> Score {
        let mut score = Score::default();
        for (&node, &guess) in &self.0 {
            if let Some(checked) = check_guess(map, node, guess) {
                score.answered += 1;
                score.correct += usize::from(checked.correct());
            }
        }
        score
    }

    pub fn to_storage(&self, map: &ArgumentMap) -> String {
        let mut out = String::new();
        for (&node, guess) in &self.0 {
            let (Some(n), Some(letter)) = (map.nodes.get(node), relation_letter(guess.relation)) else { continue };
            if !out.is_empty() {
                out.push('\n');
            }
            out.push(letter);
            if let Some(source) = guess.source.and_then(|s| map.sources.get(s)) {
                out.push('@');
                encode(&source.id, &mut out);
            }
            out.push(' ');
            out.push_str(&n.id);
        }
        out
    }

    /// Guesses on nodes the map no longer has or no longer asks about, or naming a source it no
    /// longer has, are dropped; anything unreadable is ignored.
    pub fn from_storage(map: &ArgumentMap, text: &str) -> Answers {
        let mut answers = BTreeMap::new();
        let guesses = text.lines().filter_map(|line| {
            let (head, id) = line.split_once(' ')?;
            let (letter, source) = match head.split_once('@') {
                Some((letter, source)) => (letter, Some(map.sources.iter().position(|s| s.id == decode(source))?)),
                None => (head, None),
            };
            let relation = match letter {
                "s" => Relation::Supports,
                "a" => Relation::Attacks,
                _ => return None,
            };
            let node = map.node_index(id).filter(|&n| can_guess(map, n))?;
            Some((node, Guess { relation, source }))
        });
        // Inserted one by one: collecting sorts first, and that sort would cost the widget ~4 KB.
        for (node, guess) in guesses {
            answers.insert(node, guess);
        }
        Answers(answers)
    }
}

fn relation_letter(relation: Relation) -> Option<char> {
    match relation {
        Relation::Supports => Some('s'),
        Relation::Attacks => Some('a'),
        Relation::Answers => None,
    }
}
