//! The Yew widget on top of the model, and the `mount` entry point the `<argument-map>`
//! element (www/argmap.js) calls. One component per file; the reader's state lives in one
//! reducer (`MapState`) held by `MapView`, which gives each panel only what it shows.
//!
//! - `api`: `mount()` and `Widget`, what JavaScript sees; `shadow`: the shadow root.
//! - `loader`: `ArgMap`, which fetches or reads the map and shows it or its problems.
//! - `map_view`: the reducer, the derived data, the layout of the panels; `hooks`: its side
//!   effects (storage, URL, printing, host changes), one concern each.
//! - the panels: `toolbar`, `legend`, `collision_table`, `tour_panel`, `verdict_bar`,
//!   `marks_bar` (the exercise's score, marks as a file), `detail` (with `guess`), `error_panel`;
//!   `more_menu` (the toolbar's one menu); the two drawings of the tree, `map_canvas` (the map, its lines in `map_wires`, its overview in `map_overview`, its controls
//!   in `map_controls`, "Save picture" in `map_picture`, measuring and placing its cards in `map_placing`; where it looks is the model's `camera`,
//!   its gestures the `use_pan_zoom` hook) and `tree`
//!   (the outline), with the same `row`s and the same keys (`tree_keys`); `download` saves the
//!   map as a picture.

mod api;
mod collision_table;
mod copy_outline;
mod detail;
mod download;
mod error_panel;
mod guess;
mod hooks;
mod host;
mod legend;
mod loader;
mod map_canvas;
mod map_controls;
mod map_overview;
mod map_picture;
mod map_placing;
mod map_view;
mod map_wires;
mod marks_bar;
mod more_menu;
mod picture_png;
mod row;
mod shadow;
mod state;
mod toolbar;
mod tour_panel;
mod tree;
mod tree_keys;
mod verdict_bar;

pub use api::{mount, Widget};
pub use error_panel::ErrorPanel;
pub use loader::{ArgMap, ArgMapProps, MapSource, Prefetched, Presentation};
pub use map_view::MapView;
pub use row::TreeRow;
pub use state::{MapRef, MapState};
pub use tree::TreeView;
