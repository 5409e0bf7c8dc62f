// Shared helpers of the benchmark scripts: loading the release wasm in node, timing, formatting.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export const root = new URL('../', import.meta.url).pathname;
export const require = createRequire(import.meta.url);

/// Loads www/pkg (the shipped `--target web` build) synchronously. The glue is copied to a temp
/// `.mjs` so that node reads it as an ES module without the "typeless package" warning.
export async function loadCogov() {
  const pkg = path.join(root, 'www/pkg');
  if (!fs.existsSync(path.join(pkg, 'cogov_bg.wasm'))) {
    throw new Error('www/pkg/cogov_bg.wasm is missing: run `bash scripts/build.sh` (or `bash bench/run.sh`)');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cogov-bench-'));
  const glue = path.join(dir, 'cogov.mjs');
  fs.copyFileSync(path.join(pkg, 'cogov.js'), glue);
  const mod = await import(glue);
  const wasm = mod.initSync({ module: fs.readFileSync(path.join(pkg, 'cogov_bg.wasm')) });
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...mod, __wasm: wasm };
}

export const now = () => performance.now();

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/// CPU time of this process (user + system, all its threads) in ms.
export const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/// Runs `fn` `runs` times (after `warmup` untimed runs); returns {median, min, max, times, cpu,
/// result}: wall-clock times, and `cpu` the median CPU time of the process per run (less
/// sensitive to other jobs on a shared machine; includes node's GC helper threads).
/// `setup` runs untimed before every run (e.g. to free what the previous run made).
export function bench(fn, { runs = 5, warmup = 1, setup = () => {} } = {}) {
  let result;
  for (let i = 0; i < warmup; i++) { setup(); result = fn(); }
  const times = [], cpus = [];
  for (let i = 0; i < runs; i++) {
    setup();
    const c = cpu();
    const t = now();
    result = fn();
    times.push(now() - t);
    cpus.push(cpu() - c);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), times, cpu: median(cpus), result };
}

export const ms = x => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms';
export const spread = r => `median ${ms(r.median)} (min ${ms(r.min)}, max ${ms(r.max)}, n=${r.times.length}; CPU median ${ms(r.cpu)})`;
export const ratio = x => (x >= 10 ? x.toFixed(0) : x.toFixed(2)) + '×';
export const rate = (n, t) => {
  const r = n / (t / 1000);
  return r >= 1e6 ? (r / 1e6).toFixed(2) + ' M/s' : (r / 1e3).toFixed(0) + ' k/s';
};

/// A small deterministic PRNG (mulberry32), so every run benchmarks the same data.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = n => Math.floor(next() * n);
  next.pick = xs => xs[Math.floor(next() * xs.length)];
  return next;
}

export function goal(name, ok, detail) {
  console.log(`GOAL ${ok ? 'MET   ' : 'MISSED'} ${name}: ${detail}`);
  return ok;
}

export const env = () => `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load avg ${os.loadavg().map(x => x.toFixed(1)).join(' ')}`;
