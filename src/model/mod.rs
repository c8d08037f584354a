//! The pure model of an argument map: types, loading and validation, tree queries, and the
//! reader's view state as `state + action -> state`. No web crate is used here, so all of it is
//! tested natively with `cargo test`, and the widget is a thin layer on top.

pub mod argdown;
mod diagnostic;
pub mod export;
mod fragment;
mod import;
mod load;
mod locate;
mod markdown_outline;
mod problem;
mod search;
mod text;
mod tree;
mod types;
mod verdict;
mod view;
pub mod yaml;

pub use argdown::import_argdown;
pub use diagnostic::{Diagnostic, Severity};
pub use import::{default_kind, plus_answers, Imported};
pub use load::{load, MAX_MAP_BYTES, MAX_NODES};
pub use locate::locate;
pub use markdown_outline::import_markdown;
pub use problem::Problem;
pub use search::{find, matches};
pub use text::Text;
pub use tree::{rows_where, visible_rows, Row};
pub use types::{ArgumentMap, Evidence, Kind, Link, LinkRelation, Node, NodeIdx, Relation, Side, Source, TourStep};
pub use verdict::{Tally, Verdict, Verdicts};
pub use view::{Action, Key, ViewState};
