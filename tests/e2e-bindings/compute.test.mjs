// examples/embed/compute.html in headless Chromium, served with the recommended CSP:
// it computes the seed 004 ente score through the package, reads a picked file, lists
// an invalid plan's diagnostics with their paths, shows hostile names as plain text,
// asks for nothing outside its origin and breaks no CSP rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build, ROOT } from './build.mjs';
import { serve, CHROMIUM, CHROMIUM_ARGS } from './server.mjs';

const PAGE = '/examples/embed/compute.html';
let server;
let browser;

before(async () => {
  if (!process.env.SEMAFORO_SKIP_BUILD) build();
  server = await serve();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh page that records what must never happen: requests to another origin (which
 * are also aborted), CSP violations, dialogs (an injected alert), uncaught errors.
 */
async function open(query = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = { foreign: [], violations: [], dialogs: [], errors: [], console: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin + '/') || url.startsWith('data:')) return route.continue();
    seen.foreign.push(url);
    return route.abort();
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => {
    if (/Content.Security.Policy|Trusted Type/i.test(message.text())) seen.violations.push(message.text());
    if (message.type() === 'error') seen.console.push(message.text());
  });
  await page.goto(server.origin + PAGE + query);
  return { page, context, seen };
}

async function settled(page) {
  await page.waitForFunction(() => !/Caricamento|Lettura/.test(document.getElementById('status').textContent));
  return page.locator('#status').textContent();
}

/** Nothing left the origin, nothing broke the CSP, nothing popped up or crashed. */
async function assertClean({ page, context, seen }) {
  seen.violations.push(...(await page.evaluate(() => window.__violations)));
  assert.deepEqual(seen.foreign, [], 'requests outside the origin');
  assert.deepEqual(seen.violations, [], 'CSP violations');
  assert.deepEqual(seen.dialogs, [], 'dialogs');
  assert.deepEqual(seen.errors, [], 'uncaught errors');
  await context.close();
}

function plan(objectives, units = []) {
  return JSON.stringify({ version: 1, ente: { code: 'ENTE', name: 'Ente di prova', year: 2023, objectives }, units });
}

test('computes the seed 004 ente score from the same-origin fixture: 98,96 %', async () => {
  const opened = await open();
  const { page } = opened;
  assert.match(await settled(page), /punteggio dell'ente 98,96 %/);
  const ente = page.locator('#rows tr[data-id="ENTE"] td');
  assert.equal(await ente.nth(0).textContent(), 'ENTE');
  assert.equal(await ente.nth(1).textContent(), 'Camera di Commercio della Toscana Nord-Ovest');
  assert.equal(await ente.nth(3).textContent(), '98,96 %');
  assert.equal(await ente.nth(4).textContent(), 'Raggiunto');
  assert.match(await page.locator('#ente-why').textContent(), /= 98,96 %$/);
  assert.ok((await page.locator('#rows tr').count()) > 10);
  await assertClean(opened);
});

test('a picked plan file is computed and shown', async () => {
  const opened = await open();
  const { page } = opened;
  await settled(page);
  const text = plan([
    { code: 'AS_1', level: 'area', name: 'Ambito uno', indicators: [
      { code: 'I1', name: 'Pratiche evase', unit: 'number', target: { op: '>=', value: '400' }, actual: { value: '242' } },
    ] },
  ]);
  await page.setInputFiles('#plan-file', { name: 'piano.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('piano.json'));
  assert.equal(await page.locator('#status').textContent(), "piano.json: punteggio dell'ente 60,50 %");
  assert.equal(await page.locator('#rows tr[data-id="AS_1"] td').nth(3).textContent(), '60,50 %');
  assert.equal(await page.locator('#rows tr[data-id="AS_1"] td').nth(4).textContent(), 'Parzialmente raggiunto');
  await assertClean(opened);
});

test('an invalid plan shows its diagnostics with their paths and no results', async () => {
  const opened = await open();
  const { page } = opened;
  await settled(page);
  const text = plan([
    { code: 'AS_1', level: 'area', name: 'A', indicators: [
      { code: 'I1', name: 'x', unit: 'metres' },
      { code: 'I2', name: 'y', unit: 'number', weigth: '10' },
    ] },
  ]);
  await page.setInputFiles('#plan-file', { name: 'rotto.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('rotto.json'));
  assert.match(await page.locator('#status').textContent(), /2 errori/);
  assert.equal(await page.locator('#results').isHidden(), true);
  const paths = await page.locator('#diagnostics li').evaluateAll((items) => items.map((li) => li.dataset.path));
  assert.deepEqual(paths.sort(), ['ente.objectives[0].indicators[0].unit', 'ente.objectives[0].indicators[1].weigth']);
  assert.match(await page.locator('#diagnostics').textContent(), /\[unknown-field\]/);
  // Malformed JSON is a diagnostic of the whole document.
  await page.setInputFiles('#plan-file', { name: 'non-json.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1,') });
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('non-json.json'));
  assert.match(await page.locator('#diagnostics li').first().textContent(), /^Errore in \(documento\): .*\[malformed-json\]$/);
  await assertClean(opened);
});

test('markup in a plan is shown as text: no script runs, no element is created', async () => {
  const opened = await open();
  const { page } = opened;
  await settled(page);
  const script = '<script>alert(1)</script>';
  const img = '<img src=x onerror="alert(2)">';
  const text = plan(
    [{ code: img, level: 'area', name: script, description: img, indicators: [
      { code: 'I<b>1</b>', name: img, unit: 'percent', target: { op: '>=', value: '90' }, actual: { value: '99' } },
    ] }],
    [{ code: '<svg onload=alert(3)>', name: script + img, kind: 'ufficio' }],
  );
  const hostile = JSON.parse(text);
  hostile.ente.name = `${script} ${img}`;
  await page.setInputFiles('#plan-file', { name: '<img src=x onerror=alert(4)>.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('punteggio'));
  const row = page.locator('#rows tr').nth(1).locator('td');
  assert.equal(await row.nth(0).textContent(), img);
  assert.equal(await row.nth(1).textContent(), script);
  assert.equal(await page.locator('#plan-name').textContent(), `${script} ${img}`);
  assert.match(await page.locator('#status').textContent(), /^<img src=x onerror=alert\(4\)>\.json: punteggio/);
  const unit = page.locator('#rows tr[data-id="unit/<svg onload=alert(3)>"] td');
  assert.equal(await unit.nth(1).textContent(), script + img);
  const counts = await page.evaluate(() => ({
    img: document.querySelectorAll('img').length,
    svg: document.querySelectorAll('svg').length,
    b: document.querySelectorAll('b').length,
    scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
  }));
  assert.deepEqual(counts, { img: 0, svg: 0, b: 0, scripts: ['compute.js'] });
  await page.waitForTimeout(200); // an onerror would fire by now
  await assertClean(opened);
});

test('the policy is in force: inline script and HTML strings are refused', async () => {
  const { page, context } = await open();
  await settled(page);
  const outcome = await page.evaluate(() => {
    const results = {};
    const script = document.createElement('script');
    try {
      script.textContent = 'window.__ran = true';
      document.head.append(script);
      results.inline = window.__ran === true ? 'ran' : 'blocked';
    } catch {
      results.inline = 'blocked';
    }
    try {
      document.body.insertAdjacentHTML('beforeend', '<p>x</p>');
      results.html = 'allowed';
    } catch {
      results.html = 'refused';
    }
    return results;
  });
  assert.deepEqual(outcome, { inline: 'blocked', html: 'refused' });
  await context.close();
});

test('a plan on another origin is refused without a request', async () => {
  const opened = await open('?plan=' + encodeURIComponent('https://example.org/plan.json'));
  assert.equal(await settled(opened.page), 'Il piano deve trovarsi sullo stesso sito di questa pagina.');
  await assertClean(opened);
});

test('the page has no inline script or style', () => {
  const html = fs.readFileSync(path.join(ROOT, 'examples', 'embed', 'compute.html'), 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, 'a script without src');
  assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'inline style or handler');
});
