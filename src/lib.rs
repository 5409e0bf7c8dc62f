//! cogov core: pure Rust, no I/O, no clock, no `JsValue`, never panics on any input.
//! See ARCHITECTURE.md for the map.

pub mod recur;
