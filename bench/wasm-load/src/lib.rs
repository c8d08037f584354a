use wasm_bindgen::prelude::*;

/// Loads and validates a map; returns its node count, or minus the number of problems.
#[wasm_bindgen]
pub fn load_map(text: &str) -> i32 {
    match argmap::model::load(text) {
        Ok(map) => map.nodes.len() as i32,
        Err(problems) => -(problems.len() as i32),
    }
}
