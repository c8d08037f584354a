//! The pure model of an argument map: types, loading and validation, tree queries, the reader's
//! view state as `state + action -> state`, and the map view's layout. No web crate is used here,
//! so all of it is tested natively with `cargo test`, and the widget is a thin layer on top.

pub mod argdown;
mod articles;
pub mod camera;
mod diagnostic;
mod exercise;
pub mod export;
mod fragment;
mod import;
mod json_tree;
mod layout;
mod load;
mod markdown_outline;
mod marks;
mod order;
mod overview;
mod picture;
mod problem;
mod quote_check;
mod quote_link;
mod search;
mod text;
mod tree;
mod types;
mod verdict;
mod view;
pub mod yaml;

pub use argdown::import_argdown;
pub use articles::{article_of, collisions, node_sources, CollisionCell, Collisions};
pub use diagnostic::{Diagnostic, Severity};
pub use exercise::{can_guess, check_guess, Answers, Checked, Guess, Score};
pub use import::{default_kind, plus_answers, Imported};
pub use layout::{
    balance, cross_links, estimated_card_size, layout, rows_by_side, side_order, Balance, Connector, Curve, Layout, LayoutOptions,
    LinkCurve, Links, Orientation, Packing, Point, Rect, SideBalance, Size, DASHED_UP_TO, MAX_CARD_SIZE, MAX_GAP, SIDE_ORDER,
};
pub use load::{decode, load, load_compact, map_text, read_compact, Json, Unlinked, MAX_MAP_BYTES, MAX_NODES};
pub use markdown_outline::import_markdown;
pub use marks::{Marks, MARKS_FORMAT, MAX_NAME_CHARS};
pub use overview::{overview, Overview};
pub use picture::{picture, wrap, Label as PictureLabel, Picture, PictureWords, Shape, PICTURE_FONTS, PICTURE_FONT_SIZE, PICTURE_PAD};
pub use problem::{JsonType, Problem, ProblemKind};
pub use quote_check::{
    check_quotes, fold_script, fold_width, Difference, DifferenceKind, Leniency, Passage, QuoteCheck, QuoteFound, SourceText,
    MAX_ALIGNED_QUOTE_CHARS,
};
pub use quote_link::{quote_link, MAX_EXACT_QUOTE_CHARS};
pub use search::{find, Elsewhere, Field, Hits};
pub use text::{is_web_link, lang_base, Text};
pub use tree::{children_shown, rows_where, visible_rows, Row};
pub use types::{ArgumentMap, Evidence, Kind, Link, LinkRelation, Node, NodeIdx, Relation, Side, Source, TourStep};
pub use verdict::{Tally, Verdict, Verdicts};
pub use view::{Action, Key, ViewMode, ViewState};
