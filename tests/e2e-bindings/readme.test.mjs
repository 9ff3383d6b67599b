// bindings/README.md's example, run as written in headless Chromium under the
// recommended CSP: each `// → …` comment must be what the console.log above it prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build, ROOT } from './build.mjs';
import { serve, CHROMIUM, CHROMIUM_ARGS } from './server.mjs';

const README = fs.readFileSync(path.join(ROOT, 'bindings', 'README.md'), 'utf8');
const EXAMPLE = README.match(/```js\n([\s\S]*?)```/)[1];
const EXPECTED = [...EXAMPLE.matchAll(/^\s*\/\/ → (.*)$/gm)].map((m) => m[1]);

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>example</title>
<link rel="icon" href="data:,"><script type="module" src="readme-example.js"></script></head><body></body></html>`;

let server;
let browser;

before(async () => {
  if (!process.env.SEMAFORO_SKIP_BUILD) build();
  server = await serve({
    '/bindings/readme-example.html': { type: '.html', body: HTML },
    // The last line tells the test the example has finished.
    '/bindings/readme-example.js': { type: '.js', body: EXAMPLE + "\nconsole.log('done');\n" },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the README's example prints what its comments say", async () => {
  assert.ok(EXPECTED.length >= 5, 'the example has its expected outputs');
  const page = await browser.newPage();
  const printed = [];
  const errors = [];
  const requests = [];
  page.on('console', (message) => printed.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  const finished = new Promise((resolve) => page.on('console', (m) => m.text() === 'done' && resolve()));
  await page.goto(`${server.origin}/bindings/readme-example.html`);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the example did not finish: ${printed} ${errors}`)), 20000);
  });
  await Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
  assert.deepEqual(errors, []);
  assert.deepEqual(printed.slice(0, -1), EXPECTED);
  assert.ok(requests.every((url) => url.startsWith(server.origin + '/')), `requests: ${requests}`);
  await page.close();
});
