// Measures the first render of the built-in plan in headless Chromium: the time from
// navigation start until the ente's score is on the page, over several cold loads.
// A benchmark, not a test: it prints numbers and never fails on them.
//     node tests/e2e/bench.mjs [runs]
import { chromium } from 'playwright-core';
import { serve, CHROMIUM, CHROMIUM_ARGS } from './server.mjs';

const runs = Number(process.argv[2] ?? 7);
const server = await serve();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const times = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext(); // cold: no cache, no storage
  const page = await context.newPage();
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('[data-testid=ente-score]'), null, { polling: 'raf' });
  times.push(await page.evaluate(() => performance.now()));
  await context.close();
}
await browser.close();
await server.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`first render of the default plan (tno-2023.json), ${runs} cold loads in headless Chromium:`);
console.log(`  median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms`);
