#!/usr/bin/env bash
# Installs everything the build and the tests need; skips what is already present.
# Safe to run again. Used by scripts/serve.sh and scripts/test.sh (the README's two commands).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=$(grep -E '^wasm-bindgen *= *"=' Cargo.toml | grep -oE '[0-9]+\.[0-9]+\.[0-9]+')
want_browser=${COGOV_SETUP_BROWSER:-1}

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

source scripts/ship-env.sh
if ! rustup run "$SHIP_TOOLCHAIN" rustc --print sysroot >/dev/null 2>&1 \
  || [ ! -d "$(rustup run "$SHIP_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "installing the toolchain the shipped wasm is built with ($SHIP_TOOLCHAIN + rust-src; see scripts/ship-env.sh)"
  rustup toolchain install "$SHIP_TOOLCHAIN" --profile minimal --component rust-src --target wasm32-unknown-unknown
fi

# cargo-fuzz for scripts/fuzz.sh (run by scripts/test.sh): libFuzzer targets built by the pinned nightly
CARGO_FUZZ_VERSION=0.13.2
if [ "$(cargo "+$SHIP_TOOLCHAIN" fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (the fuzz targets of scripts/fuzz.sh; about a minute)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (have: ${have:-none}; takes a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev tools (esbuild and terser for the bundles, binaryen's wasm-opt, playwright-core, benchmark peers)"
  npm install --no-audit --no-fund
fi

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! fc-list 2>/dev/null | grep -i nanum >/dev/null; }; then
  say "installing Debian chromium + chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver fonts-nanum >/dev/null
fi

if ! python3 -c 'import dateutil, icalendar' 2>/dev/null; then
  say "installing python-dateutil and icalendar (independent checks of the engine and .ics)"
  python3 -m pip install -q python-dateutil icalendar
fi
if ! python3 -c 'import recurring_ical_events' 2>/dev/null; then
  say "installing recurring-ical-events (a client store for the .ics update test, tests/ics_update.py)"
  python3 -m pip install -q recurring-ical-events==3.8.2
fi
# the holiday cross-check (tests/holidays_cross.rs): pinned, since its list of known disagreements
# depends on the version's data
if [ "$(python3 -c 'import holidays, korean_lunar_calendar, importlib.metadata as m; print(holidays.__version__, m.version("korean-lunar-calendar"))' 2>/dev/null)" != "0.109 0.4.0" ]; then
  say "installing holidays 0.109 and korean-lunar-calendar 0.4.0 (independent checks of the holidays)"
  python3 -m pip install -q holidays==0.109 korean-lunar-calendar==0.4.0
fi
say "ready"
