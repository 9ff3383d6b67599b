// Benchmark (issue 12): the JavaScript package in headless Chromium on a plan from
// `semaforo synthetic N`: `evaluate(text)` (load, evaluate, results into JS objects), a
// `live(text)` made once, and one `live.edit` on 50 indicators spread through the plan
// (median and worst) with the ente read back. Prints figures and one `BENCH package`
// line for scripts/bench; never fails on them.
//     node tests/e2e-bindings/bench.mjs SEMAFORO_BINARY [indicators]
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { build } from './build.mjs';
import { serve, CHROMIUM, CHROMIUM_ARGS } from './server.mjs';

const binary = process.argv[2];
const size = Number(process.argv[3] ?? 10000);
const cli = spawnSync(binary, ['synthetic', String(size)], { maxBuffer: 1 << 30 });
if (cli.status !== 0) throw new Error(`semaforo synthetic failed: ${cli.stderr}`);
if (!process.env.SEMAFORO_SKIP_BUILD) build();

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,"><script type="module" src="bench.js"></script></head><body></body></html>`;
const SCRIPT = `
import init, { evaluate, live } from './pkg/semaforo_wasm.js';
await init();
const text = await (await fetch('plan.json')).text();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const evaluateMs = [];
let count = 0;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  count = evaluate(text).indicators.length;
  evaluateMs.push(performance.now() - t);
}
// What of it is JSON.parse reading the results (they cross as JSON text).
const json = JSON.stringify(evaluate(text));
let t = performance.now();
JSON.parse(json);
const parseMs = performance.now() - t;
t = performance.now();
const plan = live(text);
const liveMs = performance.now() - t;
const ids = [];
const all = plan.evaluation().indicators;
for (let k = 0; k < 50; k++) ids.push(all[Math.floor(k * all.length / 50)].id);
const edits = ids.map((id) => {
  // performance.now() ticks every 0.1 ms here: 20 edits timed together, 3 times.
  const samples = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    for (let n = 0; n < 20; n++) {
      plan.edit({ edit: 'set_actual', indicator: id, actual: { value: String(61 + n) } });
      plan.node('ENTE');
    }
    samples.push((performance.now() - t0) / 20);
  }
  return median(samples);
}).sort((a, b) => a - b);
window.result = { count, evaluateMs: median(evaluateMs), parseMs, jsonMB: json.length / 1e6, liveMs, editMedian: edits[25], editWorst: edits.at(-1) };
`;
const server = await serve({
  '/bindings/bench.html': { type: '.html', body: HTML },
  '/bindings/bench.js': { type: '.js', body: SCRIPT },
  '/bindings/plan.json': { type: '.json', body: cli.stdout },
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(`${server.origin}/bindings/bench.html`);
  await page.waitForFunction(() => window.result, null, { timeout: 600000, polling: 200 });
  const r = await page.evaluate(() => window.result);
  console.log(`package in headless Chromium, ${r.count} indicators: evaluate(text) median ${r.evaluateMs.toFixed(1)} ms`
    + ` (of which JSON.parse of ${r.jsonMB.toFixed(1)} MB of results ${r.parseMs.toFixed(1)} ms);`
    + ` live(text) ${r.liveMs.toFixed(1)} ms; one live.edit + node('ENTE') median ${(r.editMedian * 1000).toFixed(1)} µs,`
    + ` worst ${(r.editWorst * 1000).toFixed(1)} µs`);
  console.log(`BENCH package indicators=${r.count} evaluate_ms=${r.evaluateMs.toFixed(3)} parse_ms=${r.parseMs.toFixed(3)} live_ms=${r.liveMs.toFixed(3)}`
    + ` edit_median_us=${(r.editMedian * 1000).toFixed(3)} edit_worst_us=${(r.editWorst * 1000).toFixed(3)}`);
} finally {
  await browser.close();
  await server.close();
}
