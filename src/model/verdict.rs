//! The reader's own verdict on claims: convinced or not. Kept per map in the browser's storage
//! as one line per mark (`+id` or `-id`, the id percent-encoded as in links, so an id with a
//! line break survives), which needs no JSON code in the wasm.

use std::collections::BTreeMap;

use super::types::{ArgumentMap, NodeIdx, Side};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Convinced,
    NotConvinced,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verdicts(pub BTreeMap<NodeIdx, Verdict>);

/// Which side the reader's marks lean to: being convinced by a claim counts for its side, not
/// being convinced counts for the other side. Neutral claims count for neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub marks: usize,
    pub open: usize,
    pub closed: usize,
}

impl Tally {
    pub fn leaning(&self) -> Side {
        match self.open.cmp(&self.closed) {
            std::cmp::Ordering::Greater => Side::Open,
            std::cmp::Ordering::Less => Side::Closed,
            std::cmp::Ordering::Equal => Side::Neutral,
        }
    }
}

impl Verdicts {
    pub fn tally(&self, map: &ArgumentMap) -> Tally {
        let mut tally = Tally { marks: self.0.len(), ..Tally::default() };
        for (&node, &verdict) in &self.0 {
            let side = map.nodes[node].side;
            let counted = if verdict == Verdict::Convinced { side } else { side.opposite() };
            match counted {
                Side::Open => tally.open += 1,
                Side::Closed => tally.closed += 1,
                Side::Neutral => {}
            }
        }
        tally
    }

    pub fn to_storage(&self, map: &ArgumentMap) -> String {
        let mut out = String::new();
        for (&n, &v) in &self.0 {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push(if v == Verdict::Convinced { '+' } else { '-' });
            super::fragment::encode(&map.nodes[n].id, &mut out);
        }
        out
    }

    /// Marks for nodes the map no longer has are dropped; anything unreadable is ignored.
    pub fn from_storage(map: &ArgumentMap, text: &str) -> Verdicts {
        let marks = text.lines().filter_map(|line| {
            let verdict = match line.as_bytes().first()? {
                b'+' => Verdict::Convinced,
                b'-' => Verdict::NotConvinced,
                _ => return None,
            };
            Some((map.node_index(&super::fragment::decode(&line[1..]))?, verdict))
        });
        // Inserted one by one: collecting sorts first, and that sort costs the widget ~4 KB.
        let mut verdicts = BTreeMap::new();
        for (node, verdict) in marks {
            verdicts.insert(node, verdict);
        }
        Verdicts(verdicts)
    }
}
