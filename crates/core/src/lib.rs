//! factdesk's pure core: the domain model shared by every layer, and the text functions
//! that need nothing but their arguments.
//!
//! Invariants (see ARCHITECTURE.md): no I/O, no clock (times are passed in as RFC 3339
//! strings), offsets that leave the process are Unicode code points.

pub mod analysis;
pub mod anchor;
pub mod calendar;
pub mod diff;
pub mod hash;
pub mod language;
pub mod model;
pub mod quote_match;
pub mod snippet;
pub mod text;
pub mod watch;
pub mod wordset;

pub use model::*;
