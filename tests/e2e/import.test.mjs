// Browser tests of the table importer (issue 6): paste or choose a table, read the
// preview, fix a column, open the result as a plan or download it. Release build in dist/
// (including dist/xlsx/, the XLSX module built by Trunk's post_build hook).
//     node --test tests/e2e/import.test.mjs
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { useBrowser, SHOTS, FIXTURES } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TABLES = path.join(FIXTURES, 'tables');

const session = useBrowser();

/** A fresh page (own localStorage) with the importer open. */
async function openImporter(context) {
  context ??= await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(session.server.url);
  await page.getByTestId('ente-score').waitFor();
  await page.getByTestId('import-toggle').click();
  await page.getByTestId('importer').waitFor();
  return page;
}

/** Waits for the preview's summary to say `n` indicators were imported. */
async function summary(page, indicators) {
  const s = page.getByTestId('import-summary');
  await s.filter({ hasText: new RegExp(`^${indicators} `) }).waitFor({ timeout: 20000 });
  return s.textContent();
}

async function cruscottoScore(page) {
  const section = page.locator('#cruscotti');
  await section.filter({ hasText: 'Area Promozione' }).waitFor();
  return section.textContent();
}

test('a pasted table (seed 002) previews every row and opens as a plan at 96,88 %', async () => {
  const page = await openImporter();
  const table = fs.readFileSync(path.join(TABLES, 'maremma-tirreno-2023.tsv'), 'utf8');
  await page.getByTestId('import-text').fill(table);
  assert.match(await summary(page, 101), /0 righe con errori/);
  // Each row: its number, what it became and its code; published beside computed.
  const row = page.locator('[data-testid=import-rows] tr[data-kind=indicator]').first();
  assert.match(await row.textContent(), /indicatore/);
  assert.match(await page.getByTestId('import-rows').textContent(), /100,00 % \/ 100,00 %/);
  assert.equal(await page.getByTestId('import-map-4').inputValue(), '', 'PESO recognised: no override');
  await page.getByTestId('import-open').click();
  await page.getByTestId('plan-title').filter({ hasText: 'Maremma e Tirreno' }).waitFor();
  assert.equal(await page.getByTestId('ente-score').textContent(), '96,88 %');
  assert.equal(await page.getByTestId('source').textContent(), 'tabella incollata');
  await page.screenshot({ path: path.join(SHOTS, 'import-opened.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a semicolon CSV in Windows-1252 with Italian decimals opens: cruscotto at 90,60 %', async () => {
  const page = await openImporter();
  await page.getByTestId('import-file').setInputFiles(path.join(TABLES, 'cruscotto-promozione.csv'));
  assert.match(await summary(page, 5), /CSV ;/);
  // Windows-1252 decoded: the accented letters are right.
  assert.match(await page.getByTestId('import-rows').textContent(), /Attività di promozione/);
  await page.getByTestId('import-open').click();
  assert.match(await cruscottoScore(page), /90,60 %/);
  assert.equal(await page.getByTestId('source').textContent(), 'cruscotto-promozione.csv');
  assert.ok(!page.requests.some((u) => u.includes('/xlsx/')), 'no XLSX module for a CSV');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an XLSX file loads the XLSX module on demand and opens: cruscotto at 90,60 %', async () => {
  const page = await openImporter();
  assert.ok(!page.requests.some((u) => u.includes('/xlsx/')), 'the XLSX module is not part of the first load');
  await page.getByTestId('import-file').setInputFiles(path.join(TABLES, 'cruscotto-promozione.xlsx'));
  assert.match(await summary(page, 5), /XLSX/);
  assert.match(await page.getByTestId('import-diagnostics').textContent(), /xlsx-fractions/);
  await page.screenshot({ path: path.join(SHOTS, 'import-xlsx.png'), fullPage: true });
  await page.getByTestId('import-open').click();
  assert.match(await cruscottoScore(page), /90,60 %/);
  const origin = new URL(session.server.url).origin;
  const xlsx = page.requests.filter((u) => u.includes('/xlsx/'));
  assert.ok(xlsx.some((u) => u.endsWith('.wasm')), xlsx.join('\n'));
  assert.ok(page.requests.every((u) => u.startsWith(origin)), 'same origin only');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('broken rows: the good rows import, the bad ones are listed, and the typed text is kept', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openImporter(context);
  const typed = fs.readFileSync(path.join(TABLES, 'broken-rows.tsv'), 'utf8');
  await page.getByTestId('import-text').fill(typed);
  assert.match(await summary(page, 3), /3 righe con errori/);
  const errors = page.getByTestId('import-errors');
  const row6 = await errors.locator('li[data-row="6"]').textContent();
  assert.match(row6, /Riga 6/);
  assert.match(row6, /colonna 5 \(TARGET\)/);
  assert.match(row6, /almeno settanta/);
  assert.match(row6, /atteso: a target such as >= 70,00 %/);
  assert.match(await errors.locator('li[data-row="7"]').textContent(), /CONSUNTIVO.*12 giorni circa/);
  assert.match(await errors.locator('li[data-row="9"]').textContent(), /PESO.*venti/);
  // Error rows are marked in words in the table too, not by colour alone.
  assert.match(await page.locator('[data-testid=import-rows] tr[data-row="6"] .kind').textContent(), /errore/);
  // Normalised weights are reported, not silently taken.
  assert.match(await page.getByTestId('import-diagnostics').textContent(), /weights-normalised/);
  assert.equal(await page.getByTestId('import-text').inputValue(), typed);

  // Opening the good rows keeps the textarea and, after a reload, the text is still there.
  await page.getByTestId('import-open').click();
  await page.getByTestId('source').filter({ hasText: 'tabella incollata' }).waitFor();
  await page.reload();
  await page.getByTestId('ente-score').waitFor();
  await page.getByTestId('import-toggle').click();
  assert.equal(await page.getByTestId('import-text').inputValue(), typed);
  await summary(page, 3);
  await page.getByTestId('import-clear').click();
  assert.equal(await page.getByTestId('import-text').inputValue(), '');
  assert.equal(await page.evaluate(() => localStorage.getItem('semaforo.import.text')), null);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('changing a column mapping changes the preview', async () => {
  const page = await openImporter();
  await page.getByTestId('import-text').fill(fs.readFileSync(path.join(TABLES, 'broken-rows.tsv'), 'utf8'));
  await summary(page, 3);
  assert.equal(await page.locator('[data-testid=import-rows] tr[data-row="6"]').getAttribute('data-kind'), 'error');
  // TARGET (column 5) ignored: row 6's unreadable target no longer stops it.
  await page.getByTestId('import-map-4').selectOption('ignore');
  await page.locator('[data-testid=import-rows] tr[data-row="6"]:not([data-kind=error])').waitFor();
  assert.match(await page.getByTestId('import-summary').textContent(), /righe con errori/);
  assert.equal(await page.getByTestId('import-map-4').inputValue(), 'ignore');
  // Back to the heading's reading.
  await page.getByTestId('import-map-4').selectOption('');
  await page.locator('[data-testid=import-rows] tr[data-row="6"][data-kind=error]').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('"Scarica il piano" downloads the imported plan as a plan file', async () => {
  const page = await openImporter();
  await page.getByTestId('import-file').setInputFiles(path.join(TABLES, 'cruscotto-promozione.tsv'));
  await summary(page, 5);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download').click()]);
  assert.equal(download.suggestedFilename(), 'cruscotto-promozione.plan.json');
  const plan = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(plan.version, 1);
  assert.equal(plan.cruscotti[0].published.score, '90.60');
  await page.context().close();
});

test('the importer has no serious or critical WCAG 2.1 AA violation (axe-core)', async () => {
  const page = await openImporter();
  await page.getByTestId('import-text').fill(fs.readFileSync(path.join(TABLES, 'broken-rows.tsv'), 'utf8'));
  await summary(page, 3);
  // Under the app's CSP (issue 5) an injected <script> is refused; evaluate is not page script.
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run('#import-panel', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  // The toggle says whether the panel is open.
  assert.equal(await page.getByTestId('import-toggle').getAttribute('aria-expanded'), 'true');
  await page.screenshot({ path: path.join(SHOTS, 'import-broken.png'), fullPage: true });
  await page.context().close();
});
