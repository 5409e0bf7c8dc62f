// The decoder and the JSON Schema agree over the mutation corpus of tests/decode_golden.rs.
// Run from the repository root after `cargo test --test decode_golden` (which writes the decoder's
// verdict on every case to target/decode_verdicts.jsonl, or under CARGO_TARGET_DIR):
//   node tests/schema/agreement.mjs [verdicts.jsonl]
// Every feed the decoder accepts (no errors) the schema must accept, and every feed the schema
// rejects the decoder must reject. A feed the schema accepts and the decoder rejects is fine only
// when each of its errors has a code the schema cannot express (CROSS_RECORD, DECODER_STRICTER,
// with the reason).
//
// The deliberate differences, all of them (docs/FORMAT.md, "The schema and the validator"):
// 1. CROSS_RECORD: checks across records or against the route, which a schema of one document
//    cannot express;
// 2. DECODER_STRICTER: checks of one field the schema leaves to the validator (calendar dates,
//    RRULE grammar, the reader's size limits);
// 3. a text object with a member other than ko/en that is not a string (`{"ko": "..", "zz": 1}`):
//    the decoder warns (field.unknown) and reads the text, as it does for any unknown member, so
//    that newer feeds stay readable; the schema says a text's members are strings.
// A member whose value is null is absent for both (the schema allows null for every optional
// member; a required one that is null is missing), and a `reflected` step needs `reflection` for
// both (route.reflected).
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020');

// Cross-record checks (and checks between fields or against the route) that a JSON Schema of one
// document cannot express. The sample the variants are made from cuts every list to a few items,
// so most of it fails `ref.dangling`: the comparison judges each case by its other errors.
const CROSS_RECORD = {
  'ref.dangling': 'a reference to an id no record of the right kind has',
  'id.duplicate': 'ids unique across the document',
  'body.cycle': 'cycles of part_of/supports',
  'series.cycle': 'cycles of relative rules',
  'series.depth': 'chains of relative rules longer than 8',
  'session.recurrence_id': 'recurrence_id must be an occurrence of its series (needs RRULE expansion; a warning)',
  'seat.holders_exceed_count': 'holders vs count (a warning)',
  'route.transition': 'proposal routes: the order of stages',
  'route.unanimity': 'proposal routes: unanimous agreement before sending',
  'route.answer': 'proposal routes: an answer from a ministry it was sent to',
  'route.merge': 'proposal routes: merged_into another proposal',
  'route.decision': 'proposal routes: the decision a stage allows after the earlier steps',
  'route.date_order': 'proposal routes: steps in date order',
  'route.after_end': 'proposal routes: nothing after a closing step',
  'route.ministry': 'proposal routes: the ministry is among the proposal\'s',
  'route.submitted': 'proposal routes: submitted is the first step\'s date',
  'route.start': 'proposal routes: the first step',
  'route.reflected': 'proposal routes: reflected after an answer',
};
// Checks of one field the decoder makes and the schema deliberately leaves out (its patterns check
// the form only): a case rejected for these alone is "decoder only", listed, and fine.
const DECODER_STRICTER = {
  'date.invalid': 'calendar validity (2024-02-30): the schema checks the form YYYY-MM-DD only',
  'date.order': 'end before start, holder from after to: a comparison of two fields',
  'series.no_rules': 'a series of rules that are all invalid: the schema requires one rule, the decoder one it can read',
  'rrule.syntax': 'RRULE grammar beyond the schema\'s pattern',
  'rrule.bad_value': 'RRULE part values',
  'rrule.unknown_part': 'RRULE part names',
  'rrule.duplicate_part': 'RRULE parts repeated',
  'rrule.combination': 'RRULE parts that do not combine',
  'rrule.out_of_range': 'RRULE numbers out of range',
  'rrule.unsupported': 'RRULE features the core does not expand',
  'text.too_long': 'the reader\'s size limit (20,000 bytes per string)',
  'list.too_long': 'the reader\'s size limit',
  'json.too_deep': 'the reader\'s size limit',
  'json.too_large': 'the reader\'s size limit',
};

const root = new URL('../../', import.meta.url);
// every code named above is one of src/codes.rs (as docs/FORMAT.md's generated table lists them)
{
  const md = fs.readFileSync(new URL('docs/FORMAT.md', root), 'utf8');
  const listed = new Set([...md.slice(md.indexOf('<!-- codes:begin')).matchAll(/^\| `([^`]+)` \|/gm)].map(m => m[1]));
  const unknown = [...Object.keys(CROSS_RECORD), ...Object.keys(DECODER_STRICTER)].filter(c => !listed.has(c));
  if (listed.size < 50 || unknown.length) {
    console.error(`codes named here but not in src/codes.rs: ${unknown.join(', ') || '(none: the table was not found)'}`);
    process.exit(1);
  }
}
const target = process.env.CARGO_TARGET_DIR || new URL('target/', root).pathname;
const file = process.argv[2] || `${target.replace(/\/?$/, '/')}decode_verdicts.jsonl`;
if (!fs.existsSync(file)) {
  console.error(`${file} is missing: run cargo test --test decode_golden first`);
  process.exit(1);
}
const schema = JSON.parse(fs.readFileSync(new URL('www/feed.schema.json', root), 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
const sample = JSON.parse(lines.shift()).sample;
const unescape = s => s.replace(/~1/g, '/').replace(/~0/g, '~');
function patched(at, node) {
  if (at === '') return node;
  const doc = JSON.parse(sample);
  const keys = at.slice(1).split('/').map(unescape);
  let v = doc;
  for (const k of keys.slice(0, -1)) v = v[k];
  v[keys.at(-1)] = node;
  return doc;
}

/** How many members of `v` (at any depth) are null: the cases that try them are counted. */
function nulls(v) {
  let n = 0;
  if (Array.isArray(v)) for (const x of v) n += nulls(x);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) n += x === null ? 1 : nulls(x);
  return n;
}
// KNOWN: a text object with a member other than a string (`{"ko": "..", "zz": 1}`): the decoder
// warns (field.unknown) and reads the text; the schema requires every member to be a string.
function textUnknown(doc) {
  return JSON.stringify(doc).includes('"zz":1');
}
const dotted = p => p.split('/').slice(1).map(k => /^\d+$/.test(k) ? `[${k}]` : `.${k}`).join('').replace(/^\./, '');

const count = { with_null_members: 0, text_unknown: 0, both_accept: 0, both_reject: 0, not_json: 0, schema_only_rejects: 0, decoder_only_rejects: 0 };
const fmt = { both_accept: 0, both_reject: 0, schema_only_rejects: 0, decoder_only_rejects: 0 };
const stricter = {};
const failures = [];
for (const line of lines) {
  const c = JSON.parse(line);
  const name = `${c.group}${c.variant ? ` ${c.variant}` : ''}`;
  let doc;
  if (c.patch) doc = patched(...c.patch);
  else try { doc = JSON.parse(c.text); } catch { doc = undefined; }
  if (doc === undefined) { // not JSON: the decoder must reject it too
    count.not_json++;
    if (c.json || !c.errors.length) failures.push(`${name}: not JSON for node, JSON for the decoder`);
    continue;
  }
  if (nulls(doc)) count.with_null_members++;
  const schemaOk = validate(doc);
  const schemaWhy = () => validate.errors.slice(0, 3).map(e => `${e.instancePath || '/'} ${e.message}`).join('; ');
  // the whole feed
  const decoderOk = c.errors.length === 0;
  if (schemaOk && decoderOk) count.both_accept++;
  else if (!schemaOk && !decoderOk) count.both_reject++;
  else if (!schemaOk) count.schema_only_rejects++;
  else count.decoder_only_rejects++;
  if (!schemaOk && decoderOk) failures.push(`${name}: the schema rejects (${schemaWhy()}), the decoder accepts`);
  // its format: the errors of one document a schema can express
  // a route code at a path the schema also rejects: the same rule (a sent step needs a ministry)
  const failed = schemaOk ? [] : validate.errors.map(e => dotted(e.instancePath));
  const own = c.errors.filter(e => !(e[1] in CROSS_RECORD) || failed.some(f => e[0] === f || e[0].startsWith(`${f}.`) || f.startsWith(`${e[0]}.`) || f.startsWith(`${e[0]}[`)));
  if (!schemaOk && !own.length && validate.errors.every(e => /\/(ko|en|zz)$/.test(e.instancePath) || /must match exactly one schema in oneOf|must match a schema in anyOf|must be (string|object|null)$/.test(e.message)) && textUnknown(doc)) {
    count.text_unknown++;
    continue;
  }
  if (schemaOk && !own.length) fmt.both_accept++;
  else if (!schemaOk && own.length) fmt.both_reject++;
  else if (!schemaOk) {
    fmt.schema_only_rejects++;
    failures.push(`${name}: the schema rejects (${schemaWhy()}); the decoder has only cross-record errors`);
  } else {
    fmt.decoder_only_rejects++;
    for (const code of new Set(own.map(e => e[1]))) (stricter[code] ||= []).push(name);
    const unexplained = own.filter(e => !(e[1] in DECODER_STRICTER));
    if (unexplained.length) failures.push(`${name}: the decoder rejects (${unexplained.slice(0, 3).map(e => `${e[0]}: ${e[1]}`).join('; ')}), the schema accepts`);
  }
}
console.log(`   ${lines.length} cases, whole feeds: ${JSON.stringify(count)}`);
console.log(`   format (errors but ${Object.keys(CROSS_RECORD).length} cross-record codes): ${JSON.stringify(fmt)}`);
console.log('   rejected by the decoder only, by code:', Object.entries(stricter).map(([k, v]) => `${k} ${v.length} (${DECODER_STRICTER[k] || 'unexplained'})`).join('; ') || 'none');
if (failures.length) {
  console.error(`\n${failures.length} disagreement(s):`);
  for (const f of failures.slice(0, Number(process.env.SHOW || 40))) console.error('  ' + f);
  process.exit(1);
}
console.log('ok');
