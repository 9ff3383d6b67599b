// End-to-end tests of the release build (dist/) in headless Chromium.
//
// Run from the repository root, after `npm ci --prefix tests/e2e` and
// `PATH=$PWD/tests/e2e/node_modules/.bin:$PATH trunk build --release --offline`:
//     node --test tests/e2e/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { useBrowser, SHOTS, FIXTURES } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** Every request any page made, to check that none left the app's origin. */
const requests = [];
const session = useBrowser();

/** A fresh page (own context: own localStorage) on the app, waiting for the first render. */
async function open(query = '', viewport = { width: 1280, height: 900 }) {
  const context = await session.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(session.server.url + query);
  await page.getByTestId('ente-score').waitFor();
  page.errors = errors;
  return page;
}

function pngColours(buffer) {
  const png = PNG.sync.read(buffer);
  const colours = new Set();
  for (let i = 0; i < png.data.length; i += 4 * 7) {
    colours.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
  }
  return colours.size;
}

test('opens on the built-in seed 004 plan with the ente at 98,96 %', async () => {
  const page = await open();
  assert.equal(await page.getByTestId('ente-score').textContent(), '98,96 %');
  assert.match(await page.getByTestId('plan-title').textContent(), /Toscana Nord-Ovest/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'it');
  assert.equal(await page.getByTestId('source').textContent(), 'tno-2023.json');
  // The ente's detail carries the core's explanation of the roll-up.
  assert.match(await page.getByTestId('detail').textContent(), /media semplice di 3 elementi/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the tree opens by keyboard down to an indicator and shows its explanation', async () => {
  const page = await open();
  const tree = page.getByRole('tree');
  const ente = tree.getByRole('treeitem').first();
  assert.equal(await ente.getAttribute('aria-expanded'), 'true');
  await ente.focus();
  await page.keyboard.press('ArrowDown'); // AS_01
  const area = page.locator('[role=treeitem][data-key="AS_01"]');
  assert.equal(await area.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('ArrowRight'); // open AS_01
  assert.equal(await area.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'AS_01');
  await page.keyboard.press('ArrowDown'); // OS_01.01
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'OS_01.01');
  await page.keyboard.press('ArrowRight'); // open it
  await page.keyboard.press('ArrowDown'); // its first indicator
  const key = await page.evaluate(() => document.activeElement.dataset.key);
  assert.match(key, /^OS_01\.01>/);
  await page.keyboard.press('Enter');
  const item = page.locator(`[role=treeitem][data-key="${key}"]`);
  assert.equal(await item.getAttribute('aria-selected'), 'true');
  const explanation = await page.getByTestId('explanation').textContent();
  assert.ok(explanation.length > 5, explanation);
  assert.match(explanation, /%/);
  // Left goes back to the parent, and Left again closes it.
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'OS_01.01');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('[role=treeitem][data-key="OS_01.01"]').getAttribute('aria-expanded'), 'false');
  await page.context().close();
});

test('a deadline indicator explains its late days (OO_01.01.01)', async () => {
  const page = await open();
  await page.locator('[role=treeitem][data-key="AS_01"]').click();
  // Select the objective through the tree and read its indicators' explanations.
  await page.keyboard.press('ArrowRight');
  await page.locator('[role=treeitem][data-key="OS_01.01"]').click();
  await page.keyboard.press('ArrowRight');
  await page.locator('[role=treeitem][data-key="OO_01.01.01"]').click();
  const detail = await page.getByTestId('detail').textContent();
  assert.match(detail, /97,33 %/);
  assert.match(detail, /giorni dopo il/);
  await page.context().close();
});

test('opens a seed fixture from disk and shows multi-year targets beside the actual', async () => {
  const page = await open();
  await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'massa-carrara-2020.json'));
  await page.getByTestId('source').filter({ hasText: 'massa-carrara-2020.json' }).waitFor();
  assert.match(await page.getByTestId('plan-title').textContent(), /Massa/);
  await page.locator('.find-panel summary').click();
  await page.getByLabel('Cerca per codice o parole').fill('1.1.1');
  await page.getByTestId('results').getByRole('button').first().click();
  const series = page.getByTestId('series');
  await series.waitFor();
  const text = await series.textContent();
  assert.match(text, /Baseline 2019/);
  assert.match(text, /2021/);
  assert.match(text, /2022/);
  await page.context().close();
});

test('a broken plan lists its errors with paths and keeps the current plan', async () => {
  const page = await open();
  const plan = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'maremma-tirreno-2023.json'), 'utf8'));
  plan.ente.objectives[0].weight = true;
  plan.ente.objectives[0].colour = 'red';
  const file = path.join(os.tmpdir(), 'semaforo-broken-plan.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  await page.getByTestId('file-input').setInputFiles(file);
  const report = page.getByTestId('report');
  await report.waitFor();
  assert.equal(await report.getAttribute('role'), 'alert');
  const paths = await page.getByTestId('diagnostic-path').allTextContents();
  assert.ok(paths.includes('ente.objectives[0].weight'), paths.join(' | '));
  assert.ok(paths.includes('ente.objectives[0].colour'), paths.join(' | '));
  // The previous plan is still shown.
  assert.equal(await page.getByTestId('ente-score').textContent(), '98,96 %');
  assert.equal(await page.getByTestId('source').textContent(), 'tno-2023.json');
  await page.screenshot({ path: path.join(SHOTS, 'broken-plan.png') });

  // Not JSON at all: one error on the document.
  fs.writeFileSync(file, '{ "version": 1, ');
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByText('malformed-json').waitFor();
  await page.context().close();
});

test('a plan written with JSON numbers for its decimals opens with the same scores', async () => {
  const page = await open();
  const text = fs.readFileSync(path.join(FIXTURES, 'maremma-tirreno-2023.json'), 'utf8');
  await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'maremma-tirreno-2023.json'));
  await page.getByTestId('source').filter({ hasText: 'maremma-tirreno-2023.json' }).waitFor();
  const withStrings = await page.getByTestId('ente-score').textContent();
  // `"weight": "16.70"` becomes `"weight": 16.70`, the digits as written.
  const decimal = /"(weight|value|numerator|denominator|score|tolerance|critical|late_penalty_per_day|planned|spent)": "(-?\d+(?:\.\d+)?)"/g;
  const numbers = text.replace(decimal, '"$1": $2');
  assert.ok(!/"weight": "/.test(numbers) && numbers !== text);
  const file = path.join(os.tmpdir(), 'semaforo-json-numbers.json');
  fs.writeFileSync(file, numbers);
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('source').filter({ hasText: 'semaforo-json-numbers.json' }).waitFor();
  assert.equal(await page.getByTestId('report').count(), 0, 'no problem is reported');
  assert.equal(await page.getByTestId('ente-score').textContent(), withStrings);
  await page.context().close();
});

test('a large plan shows "Caricamento…" while it is read and checked', async () => {
  const page = await open();
  const plan = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'tno-2023.json'), 'utf8'));
  // Forty renamed copies of the tree: a plan of several megabytes with unique codes.
  const rename = (o, k) => {
    o.code = `${o.code}~${k}`;
    for (const i of o.indicators ?? []) i.code = `${i.code}~${k}`;
    for (const s of o.shared_indicators ?? []) s.indicator = `${s.indicator}~${k}`;
    for (const c of o.objectives ?? []) rename(c, k);
    return o;
  };
  const original = JSON.stringify(plan.ente.objectives);
  for (let k = 1; k < 40; k++) plan.ente.objectives.push(...JSON.parse(original).map((o) => rename(o, k)));
  const file = path.join(os.tmpdir(), 'semaforo-large-plan.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  assert.ok(fs.statSync(file).size > 2_000_000);
  // The message shows for the frames before the reading blocks the page: a poll may fall
  // outside them, so the page itself notes when it appears (and whether it says so).
  await page.evaluate(() => {
    new MutationObserver(() => {
      const loading = document.querySelector('[data-testid=loading]');
      if (loading) window.loadingSeen = loading.textContent;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('source').filter({ hasText: 'semaforo-large-plan.json' }).waitFor({ timeout: 30000 });
  assert.match(await page.evaluate(() => window.loadingSeen ?? ''), /Caricamento/);
  assert.equal(await page.getByTestId('loading').count(), 0);
  await page.context().close();
});

test('a plan dropped on the page opens', async () => {
  const page = await open();
  const text = fs.readFileSync(path.join(FIXTURES, 'maremma-tirreno-2023.json'), 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'maremma-tirreno-2023.json', { type: 'application/json' }));
    const zone = document.querySelector('[data-testid=dropzone]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.getByTestId('source').filter({ hasText: 'maremma-tirreno-2023.json' }).waitFor();
  assert.match(await page.getByTestId('plan-title').textContent(), /Maremma/);
  await page.context().close();
});

test('?plan= opens a plan from the same origin', async () => {
  const page = await open('?plan=fixtures/maremma-tirreno-2023.json');
  await page.getByTestId('plan-title').filter({ hasText: 'Maremma' }).waitFor();
  await page.context().close();
});

test('?plan= on another origin is refused without a request', async () => {
  const before = requests.length;
  const page = await open('?plan=https://example.org/plan.json');
  await page.getByTestId('report').waitFor();
  assert.ok(!requests.slice(before).some((u) => u.startsWith('http') && new URL(u).hostname === 'example.org'));
  assert.equal(await page.getByTestId('ente-score').textContent(), '98,96 %');
  await page.context().close();
});

test('the language switch changes texts and <html lang>, and is remembered', async () => {
  const page = await open();
  await page.getByTestId('lang-en').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.getByTestId('ente-score').textContent(), '98.96 %');
  await page.getByRole('heading', { name: 'Performance tree' }).waitFor();
  await page.reload();
  await page.getByTestId('ente-score').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.getByTestId('lang-en').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('ente-score').textContent(), '98.96 %');
  await page.getByTestId('lang-it').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'it');
  await page.getByRole('heading', { name: 'Albero della performance' }).waitFor();
  await page.context().close();
});

test('filters find the indicators that were missed or partially reached', async () => {
  const page = await open();
  await page.locator('.find-panel summary').click();
  await page.getByLabel('Esito').selectOption('missed-partial');
  const count = await page.getByTestId('result-count').textContent();
  const n = Number.parseInt(count, 10);
  assert.ok(n >= 1, count);
  const rows = await page.getByTestId('results').locator('li').allTextContents();
  assert.equal(rows.length, n);
  assert.ok(rows.every((r) => /Parzialmente raggiunto|Non raggiunto/.test(r)), rows.join('\n'));
  await page.context().close();
});

test('every chart has a text alternative', async () => {
  const page = await open();
  const charts = page.locator('svg[role=img]');
  const n = await charts.count();
  assert.ok(n >= 5, `charts: ${n}`);
  for (let i = 0; i < n; i++) {
    const labelledby = await charts.nth(i).getAttribute('aria-labelledby');
    assert.ok(labelledby, `chart ${i} has aria-labelledby`);
    assert.equal(await charts.nth(i).locator('title').count(), 1);
    assert.equal(await charts.nth(i).locator('desc').count(), 1);
  }
  // Tables behind the charts: areas, strategic objectives, resources, units, verdicts.
  assert.ok((await page.locator('.data-table table').count()) >= 5);
  // The unit view marks published scores.
  assert.match(await page.locator('#unita').textContent(), /pubblicato/);
  await page.context().close();
});

test('no serious or critical WCAG 2.1 AA violation (axe-core)', async () => {
  for (const lang of ['it', 'en']) {
    const page = await open();
    if (lang === 'en') await page.getByTestId('lang-en').click();
    // Open something deeper so that detail tables and the finder are scanned too.
    await page.locator('[role=treeitem][data-key="AS_02"]').click();
    await page.keyboard.press('ArrowRight');
    await page.locator('.find-panel summary').click();
    await page.locator('#f-verdict').selectOption('missed-partial');
    // Under the app's CSP an injected <script> is refused; evaluate is not page script.
    await page.evaluate(fs.readFileSync(AXE, 'utf8'));
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );
    await page.context().close();
  }
});

test('screenshots are not blank, and the page fits 320 px', async () => {
  const page = await open();
  const blank = await session.browser.newPage();
  await blank.setContent('<html><body></body></html>');
  const blankColours = pngColours(await blank.screenshot());
  await blank.close();
  const desktop = await page.screenshot({ path: path.join(SHOTS, 'desktop.png'), fullPage: true });
  assert.ok(pngColours(desktop) > 20 * blankColours, 'the desktop screenshot has content');
  await page.context().close();

  const phone = await open('', { width: 320, height: 640 });
  const shot = await phone.screenshot({ path: path.join(SHOTS, 'phone-320.png'), fullPage: true });
  assert.ok(pngColours(shot) > 20);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `horizontal overflow at 320 px: ${overflow}px`);
  await phone.emulateMedia({ media: 'print' });
  await phone.screenshot({ path: path.join(SHOTS, 'print.png'), fullPage: true });
  await phone.context().close();
});

test('no request leaves the page\'s own origin', () => {
  const origin = new URL(session.server.url).origin;
  assert.ok(requests.length > 0);
  const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
  assert.deepEqual(foreign, []);
});
