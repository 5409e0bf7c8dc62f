// Writes the npm package `cogov` into dist/package/ (called by scripts/build.sh after
// scripts/bundle.mjs; `cd dist/package && npm pack` makes cogov-<version>.tgz). Its layout is the
// shipped part of www/, so the bundles find their files relative to their own URL wherever the
// package is served (a CDN's cogov@<version>/dist/cogov.js loads cogov@<version>/pkg/cogov_bg.wasm
// and cogov@<version>/dist/cogov.css):
//   dist/<bundle>.js, dist/<bundle>.css   the four bundles of scripts/bundle.mjs (license banner first)
//   pkg/<bundle>_bg.wasm                  their wasm (the glue is inside the bundles)
//   cogov*.d.ts, types/views.d.ts         TypeScript declarations (www/)
//   custom-elements.json                  www/custom-elements.json, its module paths the bundles'
//   feed.schema.json, ELEMENTS.md, FORMAT.md, README.md (docs/PACKAGE.md, its cogov@x.y.z this version), CHANGELOG.md, LICENSE-*
//   package.json                          scripts/package.template.json with Cargo.toml's version
// It fails when a file the package.json names (exports, files, types) is missing.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { description, license, version } from './version.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/package');
const BUNDLES = ['cogov', 'cogov-structure', 'cogov-calendar', 'cogov-proposals'];

rmSync(out, { recursive: true, force: true });
const copy = (from, to = from.replace(/^(www|docs)\//, '')) => {
  mkdirSync(dirname(join(out, to)), { recursive: true });
  copyFileSync(join(root, from), join(out, to));
};
for (const b of BUNDLES) {
  copy(`www/dist/${b}.js`);
  copy(`www/dist/${b}.css`);
  copy(`www/pkg/${b}_bg.wasm`);
  copy(`www/${b}.d.ts`);
}
copy('www/cogov-jsx.d.ts');
copy('www/types/views.d.ts');
copy('www/feed.schema.json');
// its examples name the CDN path of this version
writeFileSync(join(out, 'README.md'), readFileSync(join(root, 'docs/PACKAGE.md'), 'utf8').replace(/cogov@\d+\.\d+\.\d+/g, `cogov@${version}`));
for (const f of ['CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE']) copy(f);

// ELEMENTS.md and FORMAT.md beside the files they link to (www/X is X in the package, PACKAGE.md
// its README.md; a link to a file the package lacks, such as a demo page, is left as its text)
for (const doc of ['ELEMENTS.md', 'FORMAT.md']) {
  writeFileSync(join(out, doc), readFileSync(join(root, 'docs', doc), 'utf8').replace(/\[([^\]]*)\]\(\.\.\/www\/([^)#]*)\)/g,
    (_, text, file) => (existsSync(join(out, file)) ? `[${text}](${file})` : text)).replaceAll('](PACKAGE.md)', '](README.md)'));
}

// The manifest describes the sources (cogov.js, elements/*.js, lib/element.js); in the package
// each class is in a bundle: an element's module is its one-widget bundle (which defines it), and
// dist/cogov.js defines all three and holds CogovElement.
const manifest = JSON.parse(readFileSync(join(root, 'www/custom-elements.json'), 'utf8'));
const moved = (p) => (p === 'cogov.js' || p === 'lib/element.js' ? 'dist/cogov.js'
  : /^elements\/(\w+)\.js$/.test(p) ? `dist/cogov-${p.slice(9, -3)}.js` : null);
const modules = new Map();
for (const m of manifest.modules) {
  const path = moved(m.path);
  if (!path) throw new Error(`package: custom-elements.json module ${m.path} has no place in the package`);
  const into = modules.get(path) ?? modules.set(path, { ...m, path, declarations: [], exports: [] }).get(path);
  into.declarations.push(...m.declarations);
  const exports = [...(m.exports ?? []), ...m.declarations.filter((d) => d.customElement && path !== 'dist/cogov.js')
    .map((d) => ({ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name } }))];
  for (const e of exports) {
    const ex = { ...e, declaration: { ...e.declaration, module: moved(e.declaration.module ?? m.path) } };
    if (!into.exports.some((x) => x.kind === ex.kind && x.name === ex.name)) into.exports.push(ex);
  }
}
// every other module reference (superclass, inheritedFrom) moves the same way
const remap = (k, v) => (k === 'module' && typeof v === 'string' ? moved(v) ?? v : v);
writeFileSync(join(out, 'custom-elements.json'), JSON.stringify({ ...manifest, readme: 'ELEMENTS.md', modules: [...modules.values()] }, remap, 2) + '\n');

const pkg = JSON.parse(readFileSync(join(root, 'scripts/package.template.json'), 'utf8'));
delete pkg['//'];
Object.assign(pkg, { version, description, license });
writeFileSync(join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

// every file the package.json names exists (a pattern: at least one file of its directory)
const named = [pkg.main, pkg.types, pkg.customElements, ...pkg.files,
  ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))];
for (const f of named) {
  const p = join(out, f.replace(/\*.*$/, ''));
  if (!existsSync(p)) throw new Error(`package: ${f} (named in package.json) is not in dist/package/`);
}
console.log(`dist/package/: cogov ${version} (cd dist/package && npm pack)`);
