// Bundles what partner pages load into www/dist/ (called by scripts/build.sh after the wasm builds):
//   dist/cogov.js            every element, with the full wasm's glue (pkg/cogov.js → pkg/cogov_bg.wasm)
//   dist/cogov-<widget>.js   one element, with the glue of the wasm built for that widget alone
//                            (pkg/cogov-<widget>.js → pkg/cogov-<widget>_bg.wasm)
//   dist/cogov.css           the stylesheet every shadow root adopts
// Each bundle is one minified ES module: no module waterfall. The sources in www/ stay loadable
// unbundled (they use the full wasm).
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = resolve(dirname(fileURLToPath(import.meta.url)), '../www');
const common = { bundle: true, format: 'esm', minify: true, target: 'es2022', logLevel: 'warning' };

/** Resolves the core's `../pkg/cogov.js` import to the glue of wasm build `name`. */
const glue = (name) => ({
  name: 'cogov-glue',
  setup(b) {
    b.onResolve({ filter: /\/pkg\/cogov\.js$/ }, () => ({ path: `${www}/pkg/${name}.js` }));
  },
});

const bundles = [
  ['cogov', 'cogov'],
  ['cogov-structure', 'cogov-structure'],
  ['cogov-calendar', 'cogov-calendar'],
  ['cogov-proposals', 'cogov-proposals'],
];
await Promise.all(bundles.map(([entry, wasm]) => build({
  ...common,
  entryPoints: [`${www}/${entry}.js`],
  outfile: `${www}/dist/${entry}.js`,
  plugins: [glue(wasm)],
  define: { COGOV_CSS: '"./cogov.css"', COGOV_WASM: `"../pkg/${wasm}_bg.wasm"` },
})));
await build({ ...common, bundle: false, entryPoints: [`${www}/cogov.css`], outfile: `${www}/dist/cogov.css` });
