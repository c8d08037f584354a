//! `argmap/1` -> AIF-JSON as AIFdb writes it: `nodes` (I for each claim, RA for a support, CA
//! for an attack or contradiction, MA for an agreement), `edges` between them, and for each
//! quote an L node (the source's words) with a YA "Asserting" node to the claim it backs,
//! `locutions` naming the source, `participants` for the sources.

use serde_json::{json, Value};

use crate::model::types::{ArgumentMap, LinkRelation, Relation};

pub fn to_aif(map: &ArgumentMap, lang: &str) -> Value {
    let mut nodes: Vec<Value> = Vec::new();
    let mut edges: Vec<Value> = Vec::new();
    let mut locutions: Vec<Value> = Vec::new();
    let mut next = 0usize;
    let mut fresh = || {
        next += 1;
        next.to_string()
    };
    let node = |nodes: &mut Vec<Value>, id: String, text: &str, kind: &str| {
        nodes.push(json!({"nodeID": id, "text": text, "type": kind, "timestamp": ""}));
        id
    };
    let ids: Vec<String> = map.nodes.iter().map(|_| fresh()).collect();
    for (i, n) in map.nodes.iter().enumerate() {
        node(&mut nodes, ids[i].clone(), n.text.get(lang), "I");
    }
    let edge = |edges: &mut Vec<Value>, from: &str, to: &str, id: String| {
        edges.push(json!({"edgeID": id, "fromID": from, "toID": to, "formEdgeID": null}));
    };
    let relate = |nodes: &mut Vec<Value>,
                  edges: &mut Vec<Value>,
                  from: usize,
                  to: usize,
                  kind: &str,
                  text: &str,
                  fresh: &mut dyn FnMut() -> String| {
        let s = node(nodes, fresh(), text, kind);
        let (e1, e2) = (fresh(), fresh());
        edge(edges, &ids[from], &s, e1);
        edge(edges, &s, &ids[to], e2);
    };
    for (i, n) in map.nodes.iter().enumerate() {
        if let Some(p) = n.parent {
            let (kind, text) = match n.relation {
                Some(Relation::Attacks) => ("CA", "Default Conflict"),
                _ => ("RA", "Default Inference"),
            };
            relate(&mut nodes, &mut edges, i, p, kind, text, &mut fresh);
        }
    }
    for l in &map.links {
        let (kind, text) = match l.relation {
            LinkRelation::Contradicts | LinkRelation::Attacks => ("CA", "Default Conflict"),
            LinkRelation::Supports => ("RA", "Default Inference"),
            LinkRelation::Agrees => ("MA", "Default Rephrase"),
        };
        relate(&mut nodes, &mut edges, l.from, l.to, kind, text, &mut fresh);
    }
    let participants: Vec<Value> = map
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| json!({"participantID": i + 1, "firstname": s.author.clone().unwrap_or_default(), "surname": s.title.get(lang)}))
        .collect();
    for (i, n) in map.nodes.iter().enumerate() {
        for e in &n.evidence {
            let source = &map.sources[e.source];
            let l = node(&mut nodes, fresh(), &e.quote, "L");
            let ya = node(&mut nodes, fresh(), "Asserting", "YA");
            let (e1, e2) = (fresh(), fresh());
            edge(&mut edges, &l, &ya, e1);
            edge(&mut edges, &ya, &ids[i], e2);
            locutions.push(json!({
                "nodeID": l, "personID": e.source + 1, "timestamp": "",
                "source": source.url.clone().unwrap_or_else(|| source.title.get(lang).to_owned()),
            }));
        }
    }
    json!({"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants})
}
