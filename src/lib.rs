//! cogov core: pure Rust, no I/O, no clock, no `JsValue`, never panics on any input.
//! See ARCHITECTURE.md for the map.

// What the shipped wasm must not contain: the methods and types of clippy.toml (std sorts,
// `HashMap`, Unicode case tables, the std substring search) are denied by every clippy run of
// scripts/test.sh, native ones included, so the core's code is held to them whichever target
// lints it; `{:?}` and `str` slicing (below) by the wasm32 runs, which lint exactly what the wasm
// builds compile. Exempt: unit tests (here: test code compares with the std sorts and searches,
// and the test build is not shipped; the crate's non-test build is still linted), the CLI
// (`src/cli/`, native only) and the integration tests (each says so at its top).
#![cfg_attr(target_arch = "wasm32", warn(clippy::use_debug, clippy::string_slice))]
#![cfg_attr(test, allow(clippy::disallowed_methods, clippy::disallowed_types))]

pub mod calendar;
pub mod check;
pub mod codes;
pub mod dataset;
pub mod date;
mod derived;
pub mod feed;
pub mod holidays;
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
