//! The feed format, version 1: its vocabularies, its values, and decoding from JSON with every
//! problem reported at its path. See docs/FORMAT.md.

mod decode;
mod kinds;
mod model;
mod reader;

pub use decode::{decode, Limits};
pub use kinds::*;
pub use model::*;
