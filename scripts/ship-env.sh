# Sourced by scripts/build.sh, scripts/setup.sh and scripts/wasm-size-report.sh: how the shipped
# wasm is compiled. The shipped builds use a pinned nightly toolchain to rebuild std with
# `panic=immediate-abort` and no panic location strings: a panic (the core never panics by
# design) traps at once instead of formatting a message, which keeps core::fmt's panic machinery,
# the panic messages and every source path out of the wasm (about 9 KB gzip per build, measured).
# Tests and the CLI use the stable toolchain; the page tests run against these shipped builds.
SHIP_TOOLCHAIN=nightly-2026-05-20
SHIP_TARGET_DIR=target/ship
# ship_build [cargo feature flags...]: the release wasm at $SHIP_TARGET_DIR/wasm32-unknown-unknown/release/cogov.wasm
ship_build() {
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    cargo "+$SHIP_TOOLCHAIN" build --lib --release --target wasm32-unknown-unknown --quiet \
    -Zbuild-std=std,panic_abort --target-dir "$SHIP_TARGET_DIR" "$@"
}
