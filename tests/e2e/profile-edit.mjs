// Profile (issue 12): where the time of one what-if edit goes in headless Chromium, by
// wasm function, from Chromium's sampling profiler over a CDP session. Needs a build
// whose wasm keeps its function names, in DIST with an index.html that loads it:
//     cargo build --profile wasm-release --target wasm32-unknown-unknown -p semaforo-web
//     wasm-bindgen --target web --no-typescript --keep-debug --out-dir DIST \
//       target/wasm32-unknown-unknown/wasm-release/semaforo-web.wasm
//     node tests/e2e/profile-edit.mjs DIST PLAN.json [edits]
// INCLUSIVE=a,b (time in and under functions at opening), CALLERS=a,b and CALLERS_OPEN=a,b
// (who calls them while editing, while opening), TRACE=file (a Chromium trace of the edits), CLEAR_QUERY=1.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './server.mjs';

const [dist, plan, runs = '10'] = process.argv.slice(2);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  const file = path.join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html'));
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(data);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.log('page error:', e.message));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

/** Time spent in each function of `names` and what it calls (once per sample, however deep). */
function inclusive(profile, names) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  const total = new Map(names.map((n) => [n, 0]));
  for (const id of profile.samples) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at).callFrame.functionName;
      for (const n of names) if (name.includes(n) && !seen.has(n)) { seen.add(n); total.set(n, total.get(n) + dt); }
    }
  }
  for (const [n, ms] of total) console.log(`  ${ms.toFixed(1).padStart(8)} ms  in ${n}`);
}

function top(profile, n = 30) {
  const self = new Map();
  const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const id of profile.samples) {
    const name = byId.get(id).callFrame.functionName || '(anonymous)';
    self.set(name, (self.get(name) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`  ${total.toFixed(0)} ms sampled`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
}

/** Who calls `name`: the nearest named callers of its samples, by time (CALLERS=name). */
function callers(profile, name) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  const by = new Map();
  for (const id of profile.samples) {
    if (!byId.get(id).callFrame.functionName.includes(name)) continue;
    const chain = [];
    for (let at = parent.get(id); at !== undefined && chain.length < 3; at = parent.get(at)) {
      const f = byId.get(at).callFrame.functionName;
      if (f && !f.includes(name)) chain.push(f.slice(0, 90));
    }
    const key = chain.join('  <  ');
    by.set(key, (by.get(key) ?? 0) + dt);
  }
  console.log(`  callers of ${name}:`);
  for (const [key, ms] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${key}`);
}

await cdp.send('Profiler.start');
const start = Date.now();
await page.goto(`${url}?plan=${path.basename(plan)}`);
await page.waitForFunction((n) => document.querySelector('[data-testid=source]')?.textContent === n
  && document.querySelector('[data-testid=whatif-ente]'), path.basename(plan), { timeout: 120000 });
console.log(`open: ${Date.now() - start} ms`);
const opening = (await cdp.send('Profiler.stop')).profile;
top(opening);
if (process.env.CALLERS_OPEN) for (const name of process.env.CALLERS_OPEN.split(',')) callers(opening, name);
inclusive(opening, (process.env.INCLUSIVE ?? 'check_plan,evaluate::evaluate,PlanView::from_evaluation,WhatIf::open,storage::key,Live::new,passStringToWasm0,Tree as yew').split(','));

await page.locator('.find-panel summary').click();
await page.locator('#f-query').fill('S0');
await page.getByTestId('results').getByRole('button').first().click();
await page.getByTestId('edit-form').waitFor();
const id = await page.locator('[data-testid=edit-form] input[id^=edit-actual-]').getAttribute('id');
if (process.env.CLEAR_QUERY) await page.locator('#f-query').fill('');
console.log(`DOM: ${await page.evaluate(() => document.querySelectorAll('*').length)} elements, ${await page.evaluate(() => document.querySelectorAll('[role=treeitem]').length)} tree items`);
if (process.env.TRACE) await browser.startTracing(page, { path: process.env.TRACE, categories: ['devtools.timeline', 'v8', 'blink', 'disabled-by-default-devtools.timeline'] });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.evaluate(async ({ id, runs }) => {
  for (let i = 0; i < runs; i++) {
    const input = document.getElementById(id);
    input.value = String(40 + (i % 50));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
}, { id, runs: Number(runs) });
console.log(`${runs} edits: ${Date.now() - t0} ms`);
if (process.env.TRACE) await browser.stopTracing();
const editing = (await cdp.send('Profiler.stop')).profile;
top(editing);
if (process.env.CALLERS) for (const name of process.env.CALLERS.split(',')) callers(editing, name);
await browser.close();
server.close();
