// The npm package (dist/package/, written by scripts/package.mjs in scripts/build.sh), used the
// way docs/PACKAGE.md says: `npm pack`, `npm install ./cogov-<version>.tgz` into a fresh app
// directory, the copy step, an app entry calling setAssetBase, esbuild, a TypeScript consumer
// checked against the installed declarations; then the pages served over HTTP render every widget
// in Chromium. And the CDN path: the installed package served as /cdn/cogov@<version>/ and
// imported from a page elsewhere on the origin resolves its wasm and stylesheet next to the bundle.
// Run via run.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, assert, eq, noErrors, open, outDir, serve, waitState } from './harness.mjs';

const PKG = join(ROOT, 'dist/package');
const BIN = join(ROOT, 'node_modules/.bin');
const TAGS = ['cogov-structure', 'cogov-calendar', 'cogov-proposals'];
/** The license banner every shipped .js and .css starts with (scripts/version.mjs). */
const banner = (v) => `/*! cogov v${v} | MIT OR Apache-2.0 | see LICENSE-MIT and LICENSE-APACHE */\n`;

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Packs, installs, bundles and type-checks once; every check below uses the result (or its failure). */
let made, failed, temp;
function app() {
  if (failed) throw failed;
  if (made) return made;
  try {
    return (made = setUp());
  } catch (e) {
    throw (failed = e);
  }
}
function setUp() {
  assert(existsSync(join(PKG, 'package.json')), 'dist/package/package.json is missing: run bash scripts/build.sh');
  const tmp = (temp = mkdtempSync(join(tmpdir(), 'cogov-package-')));
  const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp, '--cache', join(tmp, 'npm-cache')], PKG));
  eq(packed.filename, `cogov-${pkg.version}.tgz`, 'npm pack: tarball name');
  const dir = join(tmp, 'app');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // a local tarball without dependencies: nothing to download
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', join(tmp, 'npm-cache'), `../${packed.filename}`], dir);
  const installed = join(dir, 'node_modules/cogov');
  // the documented copy step and entries (docs/PACKAGE.md, "In an app built with a bundler")
  run('sh', ['-c', 'mkdir -p public/cogov && cp -R node_modules/cogov/dist node_modules/cogov/pkg public/cogov/'], dir);
  writeFileSync(join(dir, 'src/app.js'), "import { setAssetBase } from 'cogov';\nsetAssetBase('/app/cogov/');\n");
  for (const w of ['structure', 'calendar', 'proposals']) {
    writeFileSync(join(dir, `src/${w}.js`), `import { setAssetBase } from 'cogov/${w}';\nsetAssetBase('/app/cogov');\n`);
  }
  run(join(BIN, 'esbuild'), ['src/app.js', 'src/structure.js', 'src/calendar.js', 'src/proposals.js', '--bundle', '--format=esm', '--outdir=public', '--log-level=warning'], dir);
  const feed = readFileSync(join(ROOT, 'www/data/feed.json'));
  writeFileSync(join(dir, 'public/feed.json'), feed);
  const page = (entry, tags) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>app ${entry}</title>
<script type="module" src="/app/${entry}.js"></script>
${tags.map((t) => `<${t} src="/app/feed.json" lang="en" month="2026-07"><p>no JavaScript</p></${t}>`).join('\n')}`;
  writeFileSync(join(dir, 'public/index.html'), page('app', TAGS));
  for (const w of ['structure', 'calendar', 'proposals']) writeFileSync(join(dir, `public/${w}.html`), page(w, [`cogov-${w}`]));
  // a TypeScript consumer of the installed declarations
  writeFileSync(join(dir, 'src/check.ts'), `import { CogovStructure, setAssetBase, type CogovError, type StructureView } from 'cogov';
import { CogovCalendar, setAssetBase as calendarAssets, type SessionList } from 'cogov/calendar';
import { CogovProposals } from 'cogov/proposals';
import { CogovStructure as OnlyStructure } from 'cogov/structure';
import manifest from 'cogov/custom-elements.json';
setAssetBase('/cogov/');
calendarAssets(new URL('https://cdn.example/cogov@${pkg.version}/'));
// @ts-expect-error a URL is a string or a URL
setAssetBase(5);
const chart: CogovStructure | null = document.querySelector('cogov-structure');
const calendar: CogovCalendar = document.createElement('cogov-calendar');
const error: CogovError | null = calendar.error;
const shown = (v: StructureView, s: SessionList): number => v.roots.length + s.sessions.length;
export const used = [chart, error, shown, CogovProposals, OnlyStructure.define('my-chart'), manifest.schemaVersion];
`);
  // and a React component through cogov/jsx, in an app that has @types/react (the repository's, linked)
  writeFileSync(join(dir, 'src/view.tsx'), `import type {} from 'cogov/jsx';
import type { SelectDetail } from 'cogov';
export const View = (p: { pick: (d: SelectDetail) => void }) => (
  <div>
    <cogov-structure src="/feed.json" lang="ko" oncogov-select={(e) => p.pick(e.detail)} />
    {/* @ts-expect-error not a view of the calendar */}
    <cogov-calendar view="grid" />
  </div>
);
`);
  mkdirSync(join(dir, 'node_modules/@types'));
  symlinkSync(join(ROOT, 'node_modules/@types/react'), join(dir, 'node_modules/@types/react'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', resolveJsonModule: true,
      lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: true, jsx: 'react-jsx', // the declarations themselves: tests/types (skipLibCheck false)
    },
    files: ['src/check.ts', 'src/view.tsx'],
  }));
  try {
    run(join(BIN, 'tsc'), ['-p', 'tsconfig.json'], dir);
  } catch (e) {
    throw new Error(`tsc over the installed package's declarations: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  // the CDN: the installed package as a CDN serves it
  const srv = join(tmp, 'srv');
  cpSync(join(dir, 'public'), join(srv, 'app'), { recursive: true });
  cpSync(installed, join(srv, `cdn/cogov@${pkg.version}`), { recursive: true });
  mkdirSync(join(srv, 'host'));
  writeFileSync(join(srv, 'host/feed.json'), feed);
  writeFileSync(join(srv, 'host/index.html'), `<!doctype html><html lang="ko"><meta charset="utf-8"><title>CDN</title>
<script type="module" src="/cdn/cogov@${pkg.version}/dist/cogov.js"></script>
${TAGS.map((t) => `<${t} src="feed.json" lang="ko" month="2026-07"></${t}>`).join('\n')}`);
  return { tmp, dir, srv, pkg, packed, installed };
}


/** Opens `path` on the package's server; every tag in `tags` renders its view, styled, with the files under `assets`. */
async function renders(env, path, tags, assets, shot) {
  const { srv } = app();
  const server = await serve(srv);
  const p = await open({ ...env, base: server.base }, path);
  try {
    for (const t of tags) eq(await waitState(p.page, t, ['ready', 'error'], 20000), 'ready', `${path}: ${t} state`);
    const got = await p.page.evaluate((tags) => ({
      defined: ['cogov-structure', 'cogov-calendar', 'cogov-proposals'].filter((t) => customElements.get(t)),
      files: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((f) => /\.(wasm|css)$/.test(f)).sort(),
      shown: tags.map((t) => {
        const r = document.querySelector(t).shadowRoot;
        const count = { 'cogov-structure': '[role=treeitem]', 'cogov-calendar': '.chip', 'cogov-proposals': '[part~=panel] tbody tr' }[t];
        return [t, r.adoptedStyleSheets.length > 0, !!r.querySelector('[part~=error]'), r.querySelectorAll(count).length > 0];
      }),
    }), tags);
    eq(got.defined, tags, `${path}: elements defined`);
    eq(got.files, assets, `${path}: wasm and stylesheets fetched`);
    eq(got.shown, tags.map((t) => [t, true, false, true]), `${path}: [tag, styled, error shown, items shown]`);
    if (shot) await p.page.screenshot({ path: join(outDir(), shot), fullPage: true });
    noErrors(p);
  } finally {
    await p.close();
    server.stop();
  }
}

export const checks = [
  {
    name: 'package: npm pack holds the bundles, wasm, types, manifest, docs and licenses, each file with the banner and the one version',
    run: async () => {
      const { pkg, packed, installed } = app();
      const version = /^version = "([^"]+)"$/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
      eq([pkg.name, pkg.version, pkg.license, pkg.type], ['cogov', version, 'MIT OR Apache-2.0', 'module'], 'package.json name, version (Cargo.toml), license, type');
      const files = packed.files.map((f) => f.path).sort();
      const bundles = ['cogov', 'cogov-structure', 'cogov-calendar', 'cogov-proposals'];
      const want = [
        'CHANGELOG.md', 'ELEMENTS.md', 'FORMAT.md', 'LICENSE-APACHE', 'LICENSE-MIT', 'README.md',
        ...bundles.flatMap((b) => [`${b}.d.ts`, `dist/${b}.css`, `dist/${b}.js`, `pkg/${b}_bg.wasm`]),
        'cogov-jsx.d.ts', 'custom-elements.json', 'feed.schema.json', 'package.json', 'types/views.d.ts',
      ].sort();
      eq(files, want, 'files in the tarball');
      for (const f of files.filter((f) => /^dist\/.*\.(js|css)$/.test(f))) {
        assert(readFileSync(join(installed, f), 'utf8').startsWith(banner(version)), `${f}: its first line is not the license banner of v${version}`);
      }
      for (const l of ['LICENSE-MIT', 'LICENSE-APACHE']) eq(readFileSync(join(installed, l), 'utf8'), readFileSync(join(ROOT, l), 'utf8'), `${l}: the repository's`);
      assert(/Apache License\s+Version 2\.0/.test(readFileSync(join(ROOT, 'LICENSE-APACHE'), 'utf8')), 'LICENSE-APACHE is not the Apache License 2.0');
      const readme = readFileSync(join(installed, 'README.md'), 'utf8');
      assert(readme.includes(`cogov@${version}/dist/cogov.js`), 'the package README names the CDN path of its own version');
      // the manifest names the bundles, which exist, and each custom element's module defines it
      const manifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
      for (const m of manifest.modules) assert(files.includes(m.path), `custom-elements.json: module ${m.path} is not in the package`);
      const refs = new Set();
      JSON.stringify(manifest, (k, v) => (k === 'module' && refs.add(v), v));
      eq([...refs].filter((r) => !manifest.modules.some((m) => m.path === r)), [], 'custom-elements.json: references to modules it lacks (superclass, inheritedFrom, exports)');
      const defined = manifest.modules.flatMap((m) => m.exports.filter((e) => e.kind === 'custom-element-definition').map((e) => `${m.path} ${e.name}`)).sort();
      eq(defined, ['dist/cogov-calendar.js cogov-calendar', 'dist/cogov-proposals.js cogov-proposals', 'dist/cogov-structure.js cogov-structure',
        'dist/cogov.js cogov-calendar', 'dist/cogov.js cogov-proposals', 'dist/cogov.js cogov-structure'], 'custom-elements.json: definitions');
      // the app's bundle keeps the license comment (esbuild lists it at its end as `(*! ... *)`)
      const notice = banner(version).slice(3, -4);
      assert(readFileSync(join(made.dir, 'public/app.js'), 'utf8').includes(notice), `public/app.js (esbuild) lost the license banner ${notice}`);
    },
  },
  {
    name: 'package: an app bundled by esbuild from the installed tarball (setAssetBase) renders all three widgets',
    run: (env) => renders(env, '/app/index.html', TAGS, ['/app/cogov/dist/cogov.css', '/app/cogov/pkg/cogov_bg.wasm'], 'package-app-en-1280.png'),
  },
  ...['structure', 'calendar', 'proposals'].map((w) => ({
    name: `package: an app bundling cogov/${w} alone renders it with its own wasm`,
    run: (env) => renders(env, `/app/${w}.html`, [`cogov-${w}`], [`/app/cogov/dist/cogov-${w}.css`, `/app/cogov/pkg/cogov-${w}_bg.wasm`]),
  })),
  {
    name: 'package: the CDN path /cdn/cogov@<version>/dist/cogov.js resolves its wasm and stylesheet next to itself',
    run: (env) => {
      const v = app().pkg.version;
      return renders(env, '/host/index.html', TAGS, [`/cdn/cogov@${v}/dist/cogov.css`, `/cdn/cogov@${v}/pkg/cogov_bg.wasm`], 'package-cdn-ko-1280.png');
    },
  },
  {
    name: 'package: setAssetBase rejects what is not an http(s) URL with a TypeError naming it',
    run: async (env) => {
      const { srv } = app();
      const server = await serve(srv);
      const p = await open({ ...env, base: server.base }, '/host/index.html');
      try {
        const v = app().pkg.version;
        const got = await p.page.evaluate(async (v) => {
          const { setAssetBase } = await import(`/cdn/cogov@${v}/dist/cogov.js`);
          return [5, 'javascript:alert(1)', 'data:text/plain,x', Symbol('s'), 'http://[bad'].map((x) => {
            try {
              setAssetBase(x);
              return 'accepted';
            } catch (e) {
              return `${e.name} ${e.code} ${e.path} ${/setAssetBase/.test(e.message)}`;
            }
          });
        }, v);
        eq(got, Array(5).fill('TypeError arg.type url true'), 'setAssetBase on bad values');
        noErrors(p);
      } finally {
        await p.close();
        server.stop();
      }
    },
  },
];

process.on('exit', () => temp && rmSync(temp, { recursive: true, force: true }));
