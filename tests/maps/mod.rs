//! Maps of a given shape, written out as `argmap/1` text, for the native and the browser tests.
#![allow(dead_code)]

/// One position over `claims` claims, every other one attacking it: the lines from the position
/// to its far claims run thousands of pixels.
pub fn one_position_over(claims: usize) -> String {
    let claims: Vec<String> = (0..claims)
        .map(|c| {
            let relation = if c % 2 == 0 { "attacks" } else { "supports" };
            format!(r#"{{"id":"c{c}","parent":"p","kind":"claim","relation":"{relation}","text":"Claim {c}"}}"#)
        })
        .collect();
    format!(
        r#"{{"format":"argmap/1","id":"long","title":"Long","languages":["en"],"root":"q","nodes":[{{"id":"q","kind":"question","text":"Q"}},{{"id":"p","parent":"q","kind":"position","side":"open","text":"P"}},{}]}}"#,
        claims.join(",")
    )
}
