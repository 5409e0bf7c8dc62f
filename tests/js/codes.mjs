// The codes the elements' JavaScript emits, against the closed lists of src/codes.rs as the docs
// hold them (tests/codes.rs keeps both sections equal to src/codes.rs):
// - docs/ELEMENTS.md "Error codes of the elements": the elements' own codes (codes::ELEMENT);
// - docs/FORMAT.md "Problem and error codes": the core's (codes::Code).
// Every code literal in www/lib/ and www/elements/ is one of either list; every element code has
// a message in www/lib/i18n.js's `err` in Korean and in English (with `{}` in both or neither)
// and no other code has one; and every element code is emitted somewhere.
// Run from the repository root: node --no-warnings tests/js/codes.mjs
import fs from 'node:fs';
import { labels } from '../../www/lib/i18n.js';

const root = new URL('../../', import.meta.url);
const read = (p) => fs.readFileSync(new URL(p, root), 'utf8');
const failures = [];

/** The codes of the generated table of `file` (the first column, in backticks). */
function listed(file) {
  const text = read(file);
  const a = text.indexOf('<!-- codes:begin'), b = text.indexOf('<!-- codes:end -->');
  if (a < 0 || b < a) throw new Error(`${file} has no codes section`);
  return new Set([...text.slice(a, b).matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));
}
const element = listed('docs/ELEMENTS.md');
const core = listed('docs/FORMAT.md');
if (element.size < 5 || core.size < 50) failures.push(`too few codes listed: ${element.size} element, ${core.size} core`);

// every string literal that is a code: dotted words ('fetch.status'), or 'internal'
const files = ['www/lib', 'www/elements'].flatMap((d) => fs.readdirSync(new URL(d, root)).filter((f) => f.endsWith('.js')).map((f) => `${d}/${f}`));
files.push(...fs.readdirSync(new URL('www', root)).filter((f) => /^cogov.*\.js$/.test(f)).map((f) => `www/${f}`));
const used = new Map(); // code -> files
for (const f of files) {
  const text = read(f).replace(/^\s*\/\/.*$/gm, '');
  const found = [...text.matchAll(/'([a-z_]+\.[a-z_0-9]+)'|'(internal)'/g)].map((m) => m[1] || m[2]);
  for (const c of found) (used.get(c) || used.set(c, new Set()).get(c)).add(f);
}
// string literals that look like codes but are not: file names
for (const c of [...used.keys()]) if (/\.(ics|json|js|css|wasm)$/.test(c)) used.delete(c);
// lib/core.js builds the codes of a failed fetch from its kind ('fetch', 'wasm', 'css') and an
// ending (`kind + '.status'`): such a code is emitted when its kind is named and its ending built
const built = new Set(), kinds = new Set();
for (const f of files) {
  const text = read(f).replace(/^\s*\/\/.*$/gm, '');
  for (const m of text.matchAll(/kind \+ '\.([a-z]+)'/g)) built.add(m[1]);
  for (const m of text.matchAll(/'(fetch|wasm|css)'/g)) kinds.add(m[1]);
}
for (const k of kinds) {
  for (const e of built) {
    const c = k === 'fetch' && e === 'fetch' ? 'fetch.failed' : `${k}.${e}`; // the feed's network error is fetch.failed
    (used.get(c) || used.set(c, new Set()).get(c)).add('www/lib/core.js');
  }
}
used.forEach((at, c) => c.startsWith('file.') && used.delete(c)); // i18n.js's message families, not codes
// the message families lib/element.js `localize` reads for the widget's own files: `wasm.*` and
// `css.*` without a message of their own read as `file.*`, else as `fetch.*`
const message = (L, c) => {
  const end = c.replace(/^(wasm|css)\./, '');
  return L[c] || (end !== c && (L['file.' + end] || L['fetch.' + end]));
};
// codes whose message the thrower writes in both languages (it names more than one value)
const OWN_MESSAGE = new Set(['arg.attribute']);
for (const [c, at] of used) {
  if (!element.has(c) && !core.has(c)) failures.push(`${c} (${[...at].join(', ')}) is in neither list: add it to src/codes.rs (ELEMENT, or Code)`);
}
for (const c of element) {
  const emitters = [...(used.get(c) || [])].filter((f) => !f.endsWith('i18n.js'));
  if (!emitters.length) failures.push(`${c} is listed as an element code but no element code emits it`);
}

// messages: exactly the element codes, in both languages
const ko = labels('ko').err, en = labels('en').err;
for (const [name, L] of [['ko', ko], ['en', en]]) {
  for (const c of element) if (!OWN_MESSAGE.has(c) && !message(L, c)) failures.push(`${c} has no ${name} message in www/lib/i18n.js err`);
  const families = new Set([...element].map((c) => c.replace(/^(wasm|css)\./, 'file.')));
  for (const c of Object.keys(L)) if (!element.has(c) && !families.has(c)) failures.push(`i18n.js err.${c} (${name}) is not an element code of src/codes.rs (nor a file.* family)`);
}
for (const c of element) {
  const k = message(ko, c), e = message(en, c);
  if (k && e && k.includes('{}') !== e.includes('{}')) failures.push(`${c}: {} in one language only: ${k} / ${e}`);
}

if (failures.length) {
  for (const f of failures) console.log(`FAIL ${f}`);
  process.exit(1);
}
console.log(`codes: ${used.size} codes used by the elements' JavaScript, all listed; ${element.size} element codes with ko and en messages`);
