//! The pure model of an argument map: types, loading and validation, tree queries, and the
//! reader's view state as `state + action -> state`. No web crate is used here, so all of it is
//! tested natively with `cargo test`, and the widget is a thin layer on top.

mod fragment;
mod load;
mod problem;
mod search;
mod text;
mod tree;
mod types;
mod verdict;
mod view;

pub use load::{load, MAX_MAP_BYTES, MAX_NODES};
pub use problem::{JsonType, Problem, ProblemKind};
pub use search::{find, Elsewhere, Field, Hits};
pub use text::{is_web_link, lang_base, Text};
pub use tree::{rows_where, visible_rows, Row};
pub use types::{ArgumentMap, Evidence, Kind, Link, LinkRelation, Node, NodeIdx, Relation, Side, Source, TourStep};
pub use verdict::{Tally, Verdict, Verdicts};
pub use view::{Action, Key, ViewState};
