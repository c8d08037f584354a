//! The widget's side effects, one concern each, as named hooks `MapView` calls.

mod storage;
mod use_host_change;
mod use_pan_zoom;
mod use_printing;
mod use_stored;
mod use_view_in_session;
mod use_view_in_url;
mod use_width;

pub use use_host_change::use_host_change;
pub use use_pan_zoom::{use_pan_zoom, MoveCamera, PanZoom};
pub use use_printing::use_printing;
pub use use_stored::{keep_name, stored_answers, stored_name, stored_verdicts, use_stored};
pub use use_view_in_session::{saved_view, use_view_in_session};
pub use use_view_in_url::{url_view, use_view_in_url};
pub use use_width::use_width;
