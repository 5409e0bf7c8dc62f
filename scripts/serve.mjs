// A small static file server (node only, no dependency), what scripts/serve.sh and the page tests
// (tests/page/harness.mjs) serve www/ with, set up as a host of cogov's files should be
// (docs/EMBEDDING.md):
//   - CORS: `Access-Control-Allow-Origin: *` on every answer (the module, wasm, CSS and feed are
//     fetched cross-origin by a partner page), `Access-Control-Expose-Headers: ETag` (so a
//     script can read the validator), preflight (OPTIONS) answered with the methods and the
//     conditional request headers allowed; `--no-cors` (or `cors: false`) leaves it all out,
//     as a host that forgot it would.
//   - MIME types: application/wasm (WebAssembly.compileStreaming needs it), text/javascript for
//     .js/.mjs (module scripts need a JavaScript type), text/css, application/json, text/calendar...
//   - gzip when the request's Accept-Encoding allows it (compressed once per file version, kept in
//     memory), with `Vary: Accept-Encoding`.
//   - validators: ETag (size and mtime; another for the gzip body) and Last-Modified; a matching
//     If-None-Match (or, without it, If-Modified-Since) is a 304. `Cache-Control: no-cache`: a
//     development server, every use revalidates (docs/EMBEDDING.md says what to send in production).
//   - GET and HEAD only; paths outside the root are a 404; binds 127.0.0.1.
// Usage: node scripts/serve.mjs [--port 8080] [--no-cors] [--quiet] [DIR (default www)]
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
// compressible (images are compressed already); the wasm gzips to about a third
const GZIP = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.ics', '.svg', '.txt', '.md', '.ts', '.map']);
const MAX_GZIP = 64 << 20; // larger files are sent as they are
const gzipped = new Map(); // path -> {tag, body}: the gzip of the file's current version

/** Whether `accept` (an Accept-Encoding value) allows gzip: listed (or `*`) without q=0. */
export function acceptsGzip(accept = '') {
  let ok = false;
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = !q || Number(q.slice(2)) > 0;
    if (name === 'gzip') return allowed;
    ok = allowed;
  }
  return ok;
}

/** Whether an If-None-Match value names `etag` (weak comparison, `*` matches anything). */
const matches = (header, etag) => header.split(',').some((t) => {
  t = t.trim();
  return t === '*' || t.replace(/^W\//, '') === etag.replace(/^W\//, '');
});

/**
 * A request handler serving `root`. `cors`: true (`*` on everything), false (no CORS header at
 * all), or a function of the URL path deciding per request (tests: a module allowed, its wasm not).
 */
export function handler(root, { cors = true } = {}) {
  root = resolve(root);
  return (req, res) => {
    const url = new URL(req.url, 'http://x');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return end(res, 400, 'bad path');
    }
    const allow = typeof cors === 'function' ? cors(path) : cors;
    if (allow) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified, Content-Length');
    }
    if (req.method === 'OPTIONS') {
      // a preflight: a cross-origin request with a header that is not safelisted (If-None-Match)
      if (allow) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since, Cache-Control');
        res.setHeader('Access-Control-Max-Age', '86400');
      }
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      return end(res, 204);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      return end(res, 405, 'method not allowed');
    }
    let file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return end(res, 404, 'not found');
    let st;
    try {
      st = statSync(file);
      if (st.isDirectory()) st = statSync((file = join(file, 'index.html')));
    } catch {
      return end(res, 404, 'not found');
    }
    if (!st.isFile()) return end(res, 404, 'not found');
    const ext = extname(file).toLowerCase();
    const zip = GZIP.has(ext) && st.size > 256 && st.size <= MAX_GZIP && acceptsGzip(req.headers['accept-encoding']);
    const base = `${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}`;
    const etag = `"${base}${zip ? '-gz' : ''}"`;
    res.setHeader('Content-Type', TYPES[ext] || 'application/octet-stream');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', new Date(Math.floor(st.mtimeMs / 1000) * 1000).toUTCString());
    if (GZIP.has(ext)) res.setHeader('Vary', 'Accept-Encoding');
    const inm = req.headers['if-none-match'], ims = Date.parse(req.headers['if-modified-since'] || '');
    if (inm ? matches(inm, etag) : ims >= Math.floor(st.mtimeMs / 1000) * 1000) return end(res, 304);
    if (zip) {
      let got = gzipped.get(file);
      if (got?.tag !== base) gzipped.set(file, (got = { tag: base, body: gzipSync(readFileSync(file), { level: 6 }) }));
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Length', got.body.length);
      return res.end(req.method === 'HEAD' ? undefined : got.body);
    }
    res.setHeader('Content-Length', st.size);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
}

function end(res, status, text) {
  if (text) res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.statusCode = status;
  res.end(text && status !== 304 ? text + '\n' : undefined);
}

/** Starts serving `root` on 127.0.0.1:`port` (0: a free one); resolves to {base, port, stop}. */
export function serve(root, { port = 0, cors = true, log = false } = {}) {
  const handle = handler(root, { cors });
  const server = createServer((req, res) => {
    if (log) res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
    handle(req, res);
  });
  return new Promise((ok, bad) => server.once('error', bad).listen(port, '127.0.0.1', () => {
    const { port } = server.address();
    ok({ base: `http://127.0.0.1:${port}`, port, server, stop: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) });
  }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let port = 8080, cors = true, log = true, dir = 'www';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--port') port = Number(args[++i]);
    else if (a === '--no-cors') cors = false;
    else if (a === '--quiet') log = false;
    else if (a.startsWith('-')) {
      console.error(`serve.mjs: unknown option ${a}\nusage: node scripts/serve.mjs [--port 8080] [--no-cors] [--quiet] [DIR]`);
      process.exit(2);
    } else dir = a;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('serve.mjs: --port needs a number from 0 to 65535');
    process.exit(2);
  }
  const { base } = await serve(dir, { port, cors, log });
  console.log(`serving ${resolve(dir)} on ${base}/ (CORS ${cors ? 'on: Access-Control-Allow-Origin: *' : 'off'}; Ctrl-C stops)`);
}
