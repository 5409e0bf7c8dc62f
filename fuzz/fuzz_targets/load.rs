//! The feed loader on arbitrary bytes (as the CLI reads a file: UTF-8 first) and every view of
//! what loads. Seeds: fuzz/corpus/load (the default feed and mutations of it).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: cogov_fuzz::Counting = cogov_fuzz::Counting;

fuzz_target!(|data: &[u8]| {
    cogov_fuzz::budget(data.len(), || match cogov::json::utf8(data) {
        Ok(text) => cogov_fuzz::load_and_view(text),
        Err(e) => {
            assert_eq!(e.code, "json.utf8");
            assert!(e.offset < data.len());
        }
    });
});
