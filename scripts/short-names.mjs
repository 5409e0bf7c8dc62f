// Shortens the names between a wasm and its wasm-bindgen glue (called by scripts/build.sh after
// wasm-opt): node scripts/short-names.mjs www/pkg/<name>   (rewrites <name>_bg.wasm and <name>.js)
//
// The import names carry 16-hex-digit hashes (`__wbg_parse_c3f72b5a24f83c01`) under a module named
// after the file (`./cogov-structure_bg.js`), and the exports are long (`__wbindgen_realloc`): they
// are written in the wasm and again in the glue, and hashes do not compress. Each name becomes a
// short one derived from the name itself (not from its position), so a wasm and a glue built from
// different sources still agree on every name they share. Only names change: the code sections
// are copied byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';

const MODULE = 'w';
const base = process.argv[2];
if (!base) throw new Error('usage: node scripts/short-names.mjs www/pkg/<name>');
const wasmFile = `${base}_bg.wasm`, glueFile = `${base}.js`;

/** A short identifier for `name`: a letter and two base-36 digits of its FNV-1a hash. */
function short(name) {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(name)) h = Math.imul(h ^ c, 0x01000193) >>> 0;
  return String.fromCharCode(97 + (h % 26)) + (Math.floor(h / 26) % 1296).toString(36).padStart(2, '0');
}

// --- the wasm: rewrite the names of the import (2) and export (7) sections ---
const bin = readFileSync(wasmFile);
let pos = 8;
const u32 = () => {
  let r = 0, s = 0, b;
  do { b = bin[pos++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80);
  return r >>> 0;
};
const str = () => { const n = u32(); const s = bin.toString('utf8', pos, pos + n); pos += n; return s; };
const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return Buffer.from(out); };
const name = (s) => { const b = Buffer.from(s); return Buffer.concat([leb(b.length), b]); };

const imports = new Map(), exports = new Map(), used = new Set();
const rename = (map, old) => {
  let s = short(old);
  for (let i = 1; used.has(s); i++) s = short(`${old}#${i}`); // two names with one short name (rare)
  used.add(s);
  map.set(old, s);
  return s;
};
const out = [bin.subarray(0, 8)];
let importModule;
while (pos < bin.length) {
  const sectionStart = pos, id = bin[pos++], size = u32(), end = pos + size;
  if (id !== 2 && id !== 7) {
    out.push(bin.subarray(sectionStart, end));
    pos = end;
    continue;
  }
  const n = u32(), parts = [leb(n)];
  for (let i = 0; i < n; i++) {
    if (id === 2) {
      const mod = str(), field = str(), kind = bin[pos++];
      if (kind !== 0) throw new Error(`short-names: import ${mod}.${field} is not a function`);
      if (importModule !== undefined && importModule !== mod) throw new Error(`short-names: imports from ${importModule} and ${mod}`);
      importModule = mod;
      const typeStart = pos;
      u32();
      parts.push(name(MODULE), name(rename(imports, field)), Buffer.from([kind]), bin.subarray(typeStart, pos));
    } else {
      const field = str(), descStart = pos;
      pos++;
      u32();
      parts.push(name(rename(exports, field)), bin.subarray(descStart, pos));
    }
  }
  if (pos !== end) throw new Error(`short-names: section ${id} not read to its end`);
  const body = Buffer.concat(parts);
  out.push(Buffer.from([id]), leb(body.length), body);
}

// --- the glue: the import object's keys and module, and every `wasm.<export>` ---
let glue = readFileSync(glueFile, 'utf8');
const keys = [...glue.matchAll(/^ {8}(\w+): function/gm)].map((m) => m[1]);
if (keys.length !== imports.size || keys.some((k) => !imports.has(k))) {
  throw new Error(`short-names: the glue's imports (${keys}) are not the wasm's (${[...imports.keys()]})`);
}
for (const [old, s] of imports) glue = glue.replace(new RegExp(`^( {8})${old}(: function)`, 'm'), `$1${s}$2`);
const moduleKey = `"${importModule}": import0,`;
if (!glue.includes(moduleKey)) throw new Error(`short-names: no ${moduleKey} in the glue`);
glue = glue.replace(moduleKey, `"${MODULE}": import0,`);
glue = glue.replace(/\bwasm\.(\w+)/g, (m, old) => {
  if (!exports.has(old)) throw new Error(`short-names: the glue uses wasm.${old}, which the wasm does not export`);
  return `wasm.${exports.get(old)}`;
});

writeFileSync(wasmFile, Buffer.concat(out));
writeFileSync(glueFile, glue);
