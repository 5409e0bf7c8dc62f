//! The feed format, version 1: its vocabularies, its values, and decoding from JSON with every
//! problem reported at its path. See docs/FORMAT.md.

mod decode;
mod kinds;
mod model;
mod reader;

pub(crate) use decode::{
    calendar_part as decode_calendar, proposals_part as decode_proposals, top as decode_top,
};
pub use decode::{decode, Limits};
pub use kinds::*;
pub use model::*;
pub(crate) use reader::Reader;
