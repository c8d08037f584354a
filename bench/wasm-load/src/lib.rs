use argmap::model::{layout, load, load_compact, Action, ArgumentMap, LayoutOptions, Row, Size, ViewState};
use wasm_bindgen::prelude::*;

/// Loads and validates a map as the widget does (`load_compact`: the model's own JSON reader);
/// returns its node count, or minus the number of problems.
#[wasm_bindgen]
pub fn load_map(text: &str) -> i32 {
    count(load_compact(text))
}

/// The same with serde_json, as natively: what the widget no longer ships.
#[wasm_bindgen]
pub fn load_map_serde(text: &str) -> i32 {
    count(load(text))
}

fn count(loaded: Result<ArgumentMap, Vec<argmap::model::Problem>>) -> i32 {
    match loaded {
        Ok(map) => map.nodes.len() as i32,
        Err(problems) => -(problems.len() as i32),
    }
}

/// A map loaded and fully opened, with a size for each card (15 to 18 em wide, as tall as its
/// English text needs at 16 px), so the benchmark can time `layout` alone, as the map view runs
/// it after each toggle.
#[wasm_bindgen]
pub struct LayoutBench {
    map: Option<ArgumentMap>,
    rows: Vec<Row>,
    sizes: Vec<Size>,
}

#[wasm_bindgen]
impl LayoutBench {
    /// A map that does not load gives a bench with no rows.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> LayoutBench {
        let Ok(map) = load(text) else { return LayoutBench { map: None, rows: Vec::new(), sizes: Vec::new() } };
        let rows = ViewState::new(&map, "en").apply(&map, Action::ExpandAll).rows(&map);
        let sizes = rows
            .iter()
            .map(|r| {
                let chars = map.nodes[r.node].text.get("en").chars().count() as f32;
                let width = (chars * 8.0 + 28.0).clamp(240.0, 288.0);
                Size { width, height: 42.0 + 25.6 * (chars * 8.0 / (width - 28.0)).ceil().max(1.0) }
            })
            .collect();
        LayoutBench { map: Some(map), rows, sizes }
    }

    /// How many cards `run` lays out.
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// One layout of every shown card; returns the drawing's height, so it is not optimised away.
    pub fn run(&self) -> f32 {
        match &self.map {
            Some(map) => layout(map, &self.rows, &self.sizes, &LayoutOptions::default()).height,
            None => 0.0,
        }
    }
}
