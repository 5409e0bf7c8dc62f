// Checks www/custom-elements.json (Custom Elements Manifest 2.x) against what it describes, so it
// cannot drift silently: each element's attributes against its `observedAttributes` (read from the
// sources: the elements extend HTMLElement and do not load in node), its parts against the `part`s
// its code renders, its event against what it emits, its CSS custom properties against the
// stylesheets it adopts, the tag definitions against www/cogov.js, and attributes, parts, events
// and custom properties against the tables of docs/ELEMENTS.md.   node tests/types/manifest.mjs
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (p) => readFileSync(root + p, 'utf8');
const manifest = JSON.parse(read('www/custom-elements.json'));
const failures = [];
const fail = (msg) => failures.push(msg);
const sorted = (xs) => [...new Set(xs)].sort();
function same(what, got, want) {
  const [g, w] = [sorted(got), sorted(want)];
  const missing = w.filter((x) => !g.includes(x));
  const extra = g.filter((x) => !w.includes(x));
  if (missing.length || extra.length) fail(`${what}: manifest lacks [${missing.join(', ')}], has extra [${extra.join(', ')}]`);
}

if (!/^2\.\d+\.\d+$/.test(manifest.schemaVersion)) fail(`schemaVersion ${manifest.schemaVersion} is not 2.x`);
for (const m of manifest.modules) {
  if (m.kind !== 'javascript-module' || !existsSync(root + 'www/' + m.path)) fail(`module ${m.path}: not a javascript-module of www/`);
  for (const e of m.exports ?? []) {
    const target = manifest.modules.find((x) => x.path === e.declaration.module);
    if (!target?.declarations.some((d) => d.name === e.declaration.name)) fail(`${m.path} exports ${e.name} from a declaration the manifest lacks`);
  }
}
const elements = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.customElement).map((d) => ({ ...d, path: m.path })));

// tags defined by www/cogov.js
const defined = [...read('www/cogov.js').matchAll(/(\w+)\.define\('([\w-]+)'\)/g)].map(([, cls, tag]) => `${tag}=${cls}`);
const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => `${e.name}=${e.declaration.name}`));
same('custom-element definitions (www/cogov.js)', definitions, defined);
same('custom elements', elements.map((e) => `${e.tagName}=${e.name}`), defined);

// the sources
const base = read('www/lib/element.js');
// attributes lib/core.js reads from every element at fetch time, not observed (no re-render when they change)
const coreRead = [...new Set([...read('www/lib/core.js').matchAll(/\.getAttribute\('([a-z-]+)'\)/g)].map((m) => m[1]))].filter((a) => a !== 'src');
const baseObserved = quoted(base.match(/static get observedAttributes\(\) \{\s*return \[([^\]]*)\]/)[1]);
function quoted(s) {
  return [...s.matchAll(/'([^']*)'/g)].map((m) => m[1]);
}
/** Parts rendered: the words of every `part:` value; `card-${...}` gives the prefix `card-`. */
function parts(src) {
  const words = [], prefixes = [];
  for (const [, expr] of src.matchAll(/\bpart: ([^,}]+(?:\}[^,}]*)?)/g)) {
    for (const w of quoted(expr)) words.push(...w.split(' '));
    for (const [, t] of expr.matchAll(/`([^`]*)`/g)) {
      for (const w of t.split(' ')) (w.includes('${') ? prefixes : words).push(w.split('${')[0]);
    }
  }
  return { words: words.filter(Boolean), prefixes };
}
const cssVars = (name) => [...read(`www/css/${name}.css`).matchAll(/var\((--cogov-[\w-]+)/g)].map((m) => m[1]);
const allCss = ['base', 'controls', 'calendar', 'proposals'].flatMap(cssVars);
const shared = parts(base);
const emittedBy = (src) => [...src.matchAll(/this\.emit\('([\w-]+)'/g)].map((m) => `cogov-${m[1]}`);
const baseEmitted = emittedBy(base); // cogov-ready, cogov-error: every element's
const camel = (a) => a.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const domParts = parts(read('www/lib/dom.js')).words;

// docs/ELEMENTS.md, one section per element
const docs = read('docs/ELEMENTS.md');
function section(tag) {
  const start = docs.indexOf(`## \`<${tag}>\``);
  const end = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, end < 0 ? undefined : end);
}
/** The backticked names in the first column of the table under `### heading`. */
function table(sec, heading) {
  const at = sec.indexOf(`### ${heading}\n`);
  if (at < 0) return [];
  const body = sec.slice(at + heading.length + 5).split('\n### ')[0];
  const rows = body.split('\n').filter((l) => l.startsWith('| `'));
  return rows.flatMap((r) => names(r.split('|')[1]));
}
/** `a`, `b` / `c`, and suffixes (`--cogov-side-central`, `-local`: `--cogov-side-local`). */
function names(cell) {
  const out = [];
  for (const [, n] of cell.matchAll(/`([^`]+)`/g)) {
    if (n.startsWith('-') && !n.startsWith('--')) out.push(out[0].replace(/-[^-]+$/, '') + n);
    else out.push(n);
  }
  return out;
}
const everyElement = names(section('cogov-calendar').match(/Those of every element \(([^)]*)\)/)[1]);
const shared_ = (n) => ['src', 'lang'].includes(n);

for (const el of elements) {
  const src = read('www/' + el.path);
  const tag = el.tagName;
  const sec = section(tag);
  const attrs = el.attributes.map((a) => a.name);
  const observed = [...baseObserved, ...quoted(src.match(/static get observedAttributes\(\) \{\s*return \[\.\.\.super\.observedAttributes, ([^\]]*)\]/)[1])];
  same(`${tag} attributes (observedAttributes, the reflected state, and what lib/core.js reads when it fetches)`, attrs, [...observed, 'state', ...coreRead]);
  same(`${tag} attributes (docs/ELEMENTS.md)`, attrs, table(sec, 'Attributes').concat(table(sec, 'Attributes').some(shared_) ? [] : ['src', 'lang']));

  const mine = parts(src);
  const rendered = [...mine.words, ...shared.words];
  const got = el.cssParts.map((p) => p.name);
  const prefixed = (p) => mine.prefixes.some((x) => p.startsWith(x));
  for (const x of mine.prefixes) if (!got.some((p) => p.startsWith(x))) fail(`${tag}: parts ${x}* are rendered, the manifest has none`);
  same(`${tag} parts (rendered by ${el.path} and lib/element.js)`, got.filter((p) => !prefixed(p) && !domParts.includes(p) || rendered.includes(p)), rendered);
  same(`${tag} parts (docs/ELEMENTS.md)`, got, table(sec, 'Parts'));

  const emitted = [...emittedBy(src), ...baseEmitted];
  same(`${tag} events (emitted by ${el.path} and lib/element.js)`, el.events.map((e) => e.name), emitted);

  // every attribute is a JS property (lib/element.js reflect(); `lang` is the platform's, `refresh` the method's setter)
  for (const a of el.attributes.filter((x) => x.name !== 'state')) {
    if (a.fieldName !== camel(a.name)) fail(`${tag} attribute ${a.name}: fieldName ${a.fieldName}, want ${camel(a.name)}`);
    if (!['lang', 'refresh'].includes(a.name) && !el.members.some((m) => m.kind === 'field' && m.name === a.fieldName && m.attribute === a.name)) fail(`${tag}: no member field ${a.fieldName} for the attribute ${a.name}`);
  }
  for (const name of ['feed', 'refresh', 'focus', 'update', 'error', 'language']) if (!el.members.some((m) => m.name === name)) fail(`${tag}: the manifest lacks the member ${name}`);
  same(`${tag} events (docs/ELEMENTS.md)`, el.events.map((e) => e.name), table(sec, 'Events'));

  const props = el.cssProperties.map((p) => p.name);
  const sheets = ['base', ...quoted(src.match(/static sheets = \[([^\]]*)\]/)?.[1] ?? '')];
  const used = sheets.flatMap(cssVars);
  const unused = props.filter((p) => !used.includes(p));
  if (unused.length) fail(`${tag}: custom properties [${unused.join(', ')}] are used by none of its sheets (${sheets.join(', ')})`);
  const documented = table(sec, 'Custom properties');
  const plus = sec.match(/Custom properties: those above, plus ([^\n]*(?:\n[^\n]+)*)/);
  const docProps = documented.length && !sec.includes('Those of every element') ? documented
    : [...everyElement, ...documented, ...(plus ? names(plus[1]).filter((n) => n.startsWith('--')) : [])];
  same(`${tag} custom properties (docs/ELEMENTS.md)`, props, docProps);
}
same('custom properties of all elements (var(--cogov-*) in www/css)', elements.flatMap((e) => e.cssProperties.map((p) => p.name)), allCss);

if (failures.length) {
  console.error(`www/custom-elements.json has drifted:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`custom-elements.json: ${elements.length} elements agree with their sources, stylesheets and docs/ELEMENTS.md`);
