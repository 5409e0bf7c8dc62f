// Bundles what partner pages load into www/dist/ (called by scripts/build.sh after the wasm builds):
//   dist/cogov.js            every element, with the full wasm's glue (pkg/cogov.js → pkg/cogov_bg.wasm)
//   dist/cogov-<widget>.js   one element, with the glue of the wasm built for that widget alone
//                            (pkg/cogov-<widget>.js → pkg/cogov-<widget>_bg.wasm)
//   dist/<bundle>.css        its stylesheet: the www/css/ sheets its elements use, concatenated
//                            (every shadow root of the bundle adopts it)
// Each bundle is one minified ES module: no module waterfall. Each .js and .css starts with the
// license banner of scripts/version.mjs (`/*! cogov vX.Y.Z | MIT OR Apache-2.0 | ... */`). The
// sources in www/ stay loadable unbundled (they use the full wasm).
import { build } from 'esbuild';
import { minify } from 'terser';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { banner } from './version.mjs';

const www = resolve(dirname(fileURLToPath(import.meta.url)), '../www');
const common = { bundle: true, format: 'esm', minify: true, target: 'es2022', logLevel: 'warning' };

/**
 * The glue of wasm build `name` (pkg/<name>.js) as a function returning a fresh copy of it: what
 * lib/glue.js gives unbundled (a new wasm instance needs a new glue, whose module state holds
 * one; see lib/core.js). esbuild bundles the glue alone, keeping only the two exports lib/core.js
 * uses (`initSync`, `Feed`: wasm-bindgen's public API) and what they reach; its output, an ES
 * module ending in one `export { local as name, ... };`, becomes the body of a function returning
 * those names. Nothing here reads wasm-bindgen's text, so another wasm-bindgen version cannot
 * break it silently: a glue without those exports, or an esbuild output of another shape, fails
 * this build. (As CommonJS wrapped in a function the same glue costs ~190 B gzip more per bundle:
 * esbuild's module helpers.)
 */
async function glueFactory(name) {
  const { outputFiles: [out] } = await build({
    stdin: { contents: `export { initSync, Feed } from './${name}.js';`, resolveDir: `${www}/pkg` },
    bundle: true, format: 'esm', write: false, target: common.target, logLevel: 'warning',
  });
  const end = /\nexport \{([^}]*)\};\n$/.exec(out.text);
  if (!end) throw new Error(`bundle: the glue of ${name}, bundled, does not end with its exports`);
  const names = end[1].replace(/(\w+) as (\w+)/g, '$2: $1');
  return `export default () => { ${out.text.slice(0, end.index)}\nreturn { ${names} }; };`;
}

/** Resolves the core's `./glue.js` to the factory of wasm build `name`, and the entries' `./pkg/cogov.js` (a module-preload hint for the unbundled sources) to nothing. */
const glue = (name) => ({
  name: 'cogov-glue',
  setup(b) {
    b.onResolve({ filter: /^\.\/glue\.js$/ }, () => ({ path: name, namespace: 'cogov-glue' }));
    b.onResolve({ filter: /\/pkg\/cogov\.js$/ }, () => ({ path: 'none', namespace: 'cogov-none' }));
    b.onLoad({ filter: /.*/, namespace: 'cogov-glue' }, async () => ({ contents: await glueFactory(name), loader: 'js' }));
    b.onLoad({ filter: /.*/, namespace: 'cogov-none' }, () => ({ contents: '', loader: 'js' }));
  },
});

// [entry, wasm build, sheets (www/css/*.css, in cascade order)]
const bundles = [
  ['cogov', 'cogov', ['base', 'proposals', 'controls', 'calendar']],
  ['cogov-structure', 'cogov-structure', ['base']],
  ['cogov-calendar', 'cogov-calendar', ['base', 'controls', 'calendar']],
  ['cogov-proposals', 'cogov-proposals', ['base', 'proposals', 'controls']],
];
/**
 * esbuild bundles and minifies; terser then minifies its output again: its names, given by how often
 * each is used, and its compressor leave a module about 3% smaller once gzipped (esbuild alone:
 * 7116 B gzip for dist/cogov-structure.js, then terser 6926 B; dist/cogov.js 18517 -> 17893 B).
 */
async function terser(file) {
  const { code } = await minify(readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true, format: { ascii_only: true } });
  writeFileSync(file, `${banner}\n${code}`);
}

/**
 * esbuild keeps custom property values as written (`--_muted: var(--cogov-muted, color-mix(...))`):
 * drop the blanks after their colon and commas (tokens are the same; only the --_* values differ when
 * serialized, and nothing reads those).
 */
const tightenCustomProperties = (file) => writeFileSync(file, `${banner}\n` + readFileSync(file, 'utf8')
  .replace(/(--[\w-]+):\s*([^;}"']*)(?=[;}])/g, (_, name, value) => `${name}:${value.replace(/,\s+/g, ',').trim()}`));

await Promise.all(bundles.flatMap(([entry, wasm, sheets]) => [
  build({
    ...common,
    entryPoints: [`${www}/${entry}.js`],
    outfile: `${www}/dist/${entry}.js`,
    plugins: [glue(wasm)],
    define: { COGOV_CSS: `"./${entry}.css"`, COGOV_WASM: `"../pkg/${wasm}_bg.wasm"` },
  }).then(() => terser(`${www}/dist/${entry}.js`)),
  // one stylesheet per bundle: its sheets concatenated and minified
  build({
    ...common,
    stdin: { contents: sheets.map((n) => `@import "./css/${n}.css";`).join('\n'), resolveDir: www, loader: 'css' },
    outfile: `${www}/dist/${entry}.css`,
  }).then(() => tightenCustomProperties(`${www}/dist/${entry}.css`)),
]));
