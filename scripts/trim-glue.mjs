// Trims wasm-bindgen's generated glue (www/pkg/<name>.js, wasm-bindgen 0.2.130) for the bundles:
// code a bundle never reaches but esbuild cannot drop (class methods, branches on arguments
// lib/core.js never passes, fallbacks for engines without what the bundle's own code needs).
// The unbundled sources keep the glue as generated. Every edit must find its text: a glue that
// changed (another wasm-bindgen version) fails the bundle build instead of shipping half-trimmed.

/** Replaces `from` (a string, which must occur, or a RegExp, which must match) with `to`. */
function edit(text, from, to, what) {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`trim-glue: "${what}" not found in the glue (wasm-bindgen changed?)`);
  return typeof from === 'string' ? text.split(from).join(to) : text.replace(from, to);
}

/**
 * `text` with the `Feed` methods not named in `used` removed, and the generic parts trimmed.
 * `used`: the method names the bundled elements call (`feed.structure(...)`...).
 */
export function trimGlue(text, used) {
  // Feed methods no element calls (the bundles do not export Feed). free() stays: lib/core.js frees
  // the Feed of an inline feed whose text changed (the FinalizationRegistry frees the others).
  const methods = [...text.matchAll(/^ {4}([A-Za-z_]\w*)\(/gm)].map((m) => m[1]);
  for (const m of methods) {
    if (m === 'constructor' || used.has(m) || (m === '__destroy_into_raw' && used.has('free'))) continue;
    text = edit(text, new RegExp(`\\n(?: {4}/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\n)? {4}${m}\\([^)]*\\) \\{\\n[\\s\\S]*?\\n {4}\\}(?=\\n)`), '', `method ${m}`);
  }
  text = edit(text, 'if (Symbol.dispose) Feed.prototype[Symbol.dispose] = Feed.prototype.free;\n', '', 'Symbol.dispose');

  // Strings: every call passes wasm's malloc and realloc, so the encode-only branch is dead; every
  // engine that runs the bundle (private methods, ES2022) has TextEncoder.encodeInto.
  // (the wasm's export names are shortened by short-names.mjs: read them from the glue)
  const [, malloc, realloc] = /passStringToWasm0\(\w+, (wasm\.\w+), (wasm\.\w+)\)/.exec(text) || [];
  if (!malloc) throw new Error('trim-glue: no passStringToWasm0 call');
  text = edit(text, `, ${malloc}, ${realloc})`, ')', 'passStringToWasm0 calls');
  text = edit(text, `function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }
`, `function passStringToWasm0(arg) {
    const malloc = ${malloc}, realloc = ${realloc};
`, 'passStringToWasm0');
  text = edit(text, /\nif \(!\('encodeInto' in cachedTextEncoder\)\) \{\n[\s\S]*?\n\}\n/, '\n', 'encodeInto fallback');

  // A method taking several strings frees the ones already copied when copying the next throws
  // (a trap in malloc, or a non-string argument): the same exception reaches the caller without it;
  // only those few bytes stay allocated. (A build may have no such method: no match is no error.)
  text = text.replace(/\n( +)try \{\n((?:\1 {4}.*\n)+)\1\} catch \(e\) \{\n(?:\1 {4}if \(ptr\d+\) \{ wasm\.\w+\(ptr\d+, len\d+ \* 1, 1\); \}\n)+\1 {4}throw e;\n\1\}/g, '\n$2');

  // Loading: lib/core.js always calls init({module_or_path: URL}), so the module is always a
  // fetch Response (no deprecated-argument forms, no default URL, no Module/bytes branch).
  // lib/core.js calls init once per page (it keeps the promise), so the glue's own once-guard goes too.
  text = edit(text, /\nlet __wbg_init_promise;\nasync function __wbg_init\(module_or_path\) \{\n[\s\S]*?\n\}\n\nasync function __wbg_init_once\(module_or_path\) \{\n[\s\S]*?\n\}\n/, `
async function __wbg_init({ module_or_path }) {
    const { instance, module } = await __wbg_load(await fetch(module_or_path), __wbg_get_imports());
    return __wbg_finalize_init(instance, module);
}
`, '__wbg_init');
  text = edit(text, `async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {`, `async function __wbg_load(module, imports) {
    {`, '__wbg_load Response test');
  text = edit(text, /\n {4}\} else \{\n {8}const instance = await WebAssembly\.instantiate\(module, imports\);\n[\s\S]*?\n {4}\}\n\n {4}function expectedResponseType/, `
    }

    function expectedResponseType`, '__wbg_load non-Response branch');
  text = edit(text, /\nfunction initSync\(module\) \{\n[\s\S]*?\n\}\n/, '\n', 'initSync');
  text = edit(text, 'export { initSync, __wbg_init as default };', 'export { __wbg_init as default };', 'exports');
  text = edit(text, `let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;`, `let wasm;
function __wbg_finalize_init(instance, module) {
    wasm = instance.exports;`, '__wbg_finalize_init');
  // The same fallback and warning for a wasm served with another MIME type, in fewer words.
  text = edit(text, 'console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n", e);',
    "console.warn('cogov: the wasm is not served as application/wasm (slower start):', e);", 'MIME type warning');
  // Engines that run the bundle have FinalizationRegistry; a detached buffer is never memory.buffer.
  text = edit(text, `const FeedFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(`, 'const FeedFinalization = new FinalizationRegistry(', 'FinalizationRegistry fallback');
  text = edit(text, /if \(cachedDataViewMemory0 === null \|\| cachedDataViewMemory0\.buffer\.detached === true \|\| \(cachedDataViewMemory0\.buffer\.detached === undefined && cachedDataViewMemory0\.buffer !== (wasm\.\w+)\.buffer\)\) \{/,
    'if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer !== $1.buffer) {', 'getDataViewMemory0');
  return text;
}
