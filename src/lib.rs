//! cogov core: pure Rust, no I/O, no clock, no `JsValue`, never panics on any input.
//! See ARCHITECTURE.md for the map.

// What the shipped wasm must not contain is denied by the wasm32 clippy runs of scripts/test.sh,
// which lint exactly the code the wasm builds compile: the methods and types of clippy.toml (std
// sorts, `HashMap`, Unicode case tables, the std substring search) and, here, `{:?}` and `str`
// slicing. Native code (the CLI, tests) may use them: the native clippy run allows those lints.
#![cfg_attr(target_arch = "wasm32", warn(clippy::use_debug, clippy::string_slice))]

pub mod calendar;
pub mod check;
pub mod codes;
pub mod dataset;
pub mod date;
mod derived;
pub mod feed;
pub mod ics;
mod ids;
pub mod json;
pub mod kst;
pub mod problem;
pub mod proposals;
pub mod recur;
pub mod sort;
pub mod structure;
pub mod text;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

// The boundary's JSON writer is plain serde: its unit tests also run natively.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "wasm/json.rs"]
mod wasm_json;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

// TypeScript declarations of the view types (test only: www/types/views.d.ts).
#[cfg(test)]
mod ts;
