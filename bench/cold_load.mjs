// One cold load in a fresh process (as on a page load): prints {ms} for
//   node bench/cold_load.mjs cogov FILE   — initSync the release wasm, then time new Feed(text)
//   node bench/cold_load.mjs ajv FILE     — compile the schema validator, then time JSON.parse + validate
// The text is read (as a JS string) and the wasm instantiated / schema compiled before the timing.
import fs from 'node:fs';
import { loadCogov, root, require } from './lib.mjs';

const [what, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
let ms, ok, memory;
if (what === 'cogov') {
  const cogov = await loadCogov();
  const wasm = cogov.__wasm;
  const t = performance.now();
  const feed = new cogov.Feed(text);
  ms = performance.now() - t;
  ok = feed.warnings().length === 0;
  memory = wasm?.memory?.buffer.byteLength;
  globalThis.rss = process.memoryUsage().rss;
} else {
  const Ajv2020 = require('ajv/dist/2020');
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(`${root}www/feed.schema.json`, 'utf8')));
  const t = performance.now();
  const doc = JSON.parse(text);
  ok = validate(doc);
  ms = performance.now() - t;
}
console.log(JSON.stringify({ what, ms, ok, memory, rss: process.memoryUsage().rss }));
