// A fresh instance of the wasm-bindgen glue (../pkg/cogov.js) on each call: its module state
// holds one wasm instance (`initSync` returns early once it has one), so a new wasm instance
// needs a new glue. Unbundled, each call imports the glue under another URL (one module
// instance per URL); the bundles replace this file with the glue wrapped in a function
// (scripts/bundle.mjs). The glue is used only through its public API: `initSync({module})` and
// `Feed`.
let n = 0;
export default () => import(n++ ? `../pkg/cogov.js?i=${n}` : '../pkg/cogov.js');
