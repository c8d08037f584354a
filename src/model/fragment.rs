//! The part of the reader's view a link can carry — open nodes, the current node, language and
//! lens — as a URL fragment: `open=a,b&sel=c&lang=en&lens=001`. Ids are percent-encoded.

use super::types::ArgumentMap;
use super::view::ViewState;

pub(super) fn encode(id: &str, out: &mut String) {
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

pub(super) fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // Two hex digits, nothing else: `from_str_radix` alone would take "+5" as 5.
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl ViewState {
    pub fn to_fragment(&self, map: &ArgumentMap) -> String {
        let mut out = String::from("open=");
        let all = map.nodes.iter().enumerate().all(|(i, n)| n.children.is_empty() || self.expanded[i]);
        if all {
            out.push('*');
        } else {
            let mut first = true;
            for (i, node) in map.nodes.iter().enumerate() {
                if self.expanded[i] && !node.children.is_empty() {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    encode(&node.id, &mut out);
                }
            }
        }
        out.push_str("&sel=");
        encode(&map.nodes[self.selected].id, &mut out);
        out.push_str("&lang=");
        encode(&self.lang, &mut out);
        if let Some(lens) = self.lens {
            out.push_str("&lens=");
            encode(&map.sources[lens].id, &mut out);
        }
        if let Some(mode) = self.chosen_mode {
            out.push_str("&view=");
            out.push_str(mode.as_str());
        }
        out
    }

    /// The view a fragment describes, on top of `self` (which keeps what a link does not carry,
    /// such as the reader's verdicts). Unknown ids and keys are ignored: old links still open.
    pub fn with_fragment(&self, map: &ArgumentMap, fragment: &str) -> ViewState {
        let mut next = self.clone();
        next.lens = None;
        next.chosen_mode = None;
        for pair in fragment.trim_start_matches('#').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "open" => {
                    next.expanded = vec![false; map.nodes.len()];
                    if value == "*" {
                        for (i, n) in map.nodes.iter().enumerate() {
                            next.expanded[i] = !n.children.is_empty();
                        }
                    } else {
                        for id in value.split(',').filter(|s| !s.is_empty()) {
                            if let Some(i) = map.node_index(&decode(id)) {
                                next.expanded[i] = true;
                            }
                        }
                    }
                }
                "sel" => {
                    if let Some(i) = map.node_index(&decode(value)) {
                        next.selected = i;
                    }
                }
                "lang" => next.lang = super::view::pick_lang(map, &decode(value)),
                "lens" => next.lens = map.sources.iter().position(|s| s.id == decode(value)),
                "view" => {
                    next.chosen_mode = super::view::ViewMode::parse(value);
                    next.mode = next.chosen_mode.unwrap_or(next.mode);
                }
                _ => {}
            }
        }
        // A link may name a node whose ancestors it left closed: show it anyway.
        for a in map.ancestors(next.selected) {
            next.expanded[a] = true;
        }
        next
    }
}
