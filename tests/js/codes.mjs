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
  for (const c of element) if (!L[c]) failures.push(`${c} has no ${name} message in www/lib/i18n.js err`);
  for (const c of Object.keys(L)) if (!element.has(c)) failures.push(`i18n.js err.${c} (${name}) is not an element code of src/codes.rs`);
}
for (const c of element) {
  if (ko[c] && en[c] && ko[c].includes('{}') !== en[c].includes('{}')) failures.push(`${c}: {} in one language only: ${ko[c]} / ${en[c]}`);
}

if (failures.length) {
  for (const f of failures) console.log(`FAIL ${f}`);
  process.exit(1);
}
console.log(`codes: ${used.size} codes used by the elements' JavaScript, all listed; ${element.size} element codes with ko and en messages`);
