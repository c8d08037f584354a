//! argmap: an interactive argument-map widget.
//!
//! - [`model`]: the map format `argmap/1`, loading and validation, tree queries and the reader's
//!   view state. Pure Rust, tested natively.
//! - [`strings`]: the widget's own words in each language it speaks.
//! - [`fallback`]: the map as static HTML, for readers without JavaScript and as the first view
//!   a page draws from its HTML (the command line's `render`, the editor's snippet).
//! - [`MapRef`]: a loaded map shared by components, compared by identity.
//! - `widget` (wasm only, the `widget` feature, on by default): Yew components on top of the model, and the `mount` entry point that
//!   the `<argument-map>` element calls.

pub mod fallback;
mod map_ref;
pub mod model;
pub mod strings;

pub use map_ref::MapRef;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod widget;

// Single-threaded wasm (no atomics), as the widget is built.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
