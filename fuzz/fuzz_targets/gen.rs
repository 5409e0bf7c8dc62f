//! Random VALID feeds (fuzz/src/gen.rs: lattices, deep chains, wide fans, DAGs, many series with
//! big COUNTs, relative chains, many sessions and proposals), each loaded and asked for every
//! view under the time, heap and stack limits: a blow-up is a failure, not only a panic.
#![no_main]

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: cogov_fuzz::Counting = cogov_fuzz::Counting;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok((text, shape)) = cogov_fuzz::gen::feed(&mut u) else {
        return;
    };
    // COGOV_FUZZ_SHAPE=1 prints what each input generates; COGOV_FUZZ_DUMP=FILE writes the feed
    if std::env::var_os("COGOV_FUZZ_SHAPE").is_some() {
        eprintln!("{} bytes: {shape:?}", text.len());
    }
    if let Some(file) = std::env::var_os("COGOV_FUZZ_DUMP") {
        let _ = std::fs::write(file, &text);
    }
    cogov_fuzz::budget(text.len(), || {
        let loaded = cogov::dataset::load(&text);
        if let Some(e) = loaded.report.errors.first() {
            panic!(
                "the generator wrote an invalid feed ({shape:?}): {e} [{}]",
                e.code
            );
        }
        drop(loaded);
        cogov_fuzz::load_and_view(&text);
    });
});
