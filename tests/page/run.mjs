// Runs every page check: node tests/page/run.mjs [filter]   (after bash scripts/build.sh)
// Each suite module exports `checks`: [{name, run(env)}], env = {browser, base}.
import { Failure, launch, serve } from './harness.mjs';

const SUITES = ['./structure.mjs', './calendar.mjs', './proposals.mjs', './bundles.mjs', './shared.mjs', './boundary.mjs', './hostile.mjs', './embed.mjs', './package.mjs', './api.mjs', './frameworks.mjs', './a11y.mjs'];
const filter = process.argv[2] || '';

const server = await serve();
const browser = await launch();
const env = { browser, base: server.base };
let failed = 0, ran = 0;
try {
  for (const suite of SUITES) {
    const { checks } = await import(suite);
    for (const check of checks) {
      if (!check.name.includes(filter)) continue;
      ran++;
      const t = performance.now();
      try {
        await check.run(env);
        console.log(`ok   ${check.name} (${Math.round(performance.now() - t)} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${check.name}\n     ${e instanceof Failure ? e.message : e.stack || e}`);
      }
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(failed ? `${failed} of ${ran} checks failed` : `all ${ran} checks passed`);
process.exit(failed || !ran ? 1 : 0);
