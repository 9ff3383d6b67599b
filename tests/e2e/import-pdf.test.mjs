// Browser tests of the importer with a PDF (issue 14): "Apri il PDF della relazione"
// opens the file chooser, the PDF module (dist/pdf/) lists the tables it found with
// their pages, the user ticks which to import and may narrow the pages, and the plan
// opens with the published figures beside the computed ones. A PDF dropped on the
// importer works the same; a PDF that cannot be read says why, in the interface's
// language. Release build in dist/.
//     node --test tests/e2e/import-pdf.test.mjs
//
// The relazione's fixture may grow (more sections, more pages): the tests ask for at
// least two tables, each with its pages, and for the ente's figures, which stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { useBrowser, SHOTS, FIXTURES } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const PDFS = path.join(FIXTURES, 'pdf');
const RELAZIONE = path.join(PDFS, 'tno-2023-relazione.pdf');

const session = useBrowser();

/** A fresh page (own localStorage) on the app, its first plan shown. */
async function openApp() {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(session.server.url);
  await page.getByTestId('ente-score').waitFor();
  return page;
}

/** Presses "Apri il PDF della relazione" and chooses `file` in the file chooser it opens. */
async function openPdf(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 15000 }), page.getByTestId('import-pdf-toggle').click()]);
  assert.equal(await chooser.element().getAttribute('accept'), '.pdf,application/pdf');
  await chooser.setFiles(file);
}

/** Waits for the PDF's listing; resolves to its tables' locators' count. */
async function listing(page) {
  const tables = page.getByTestId('import-pdf-tables');
  await tables.locator('li').first().waitFor({ timeout: 30000 });
  return tables.locator('li[data-testid^="import-pdf-table-"]');
}

/** The summary once it says `n` indicators (a number, or a RegExp of it). */
async function summary(page, indicators = '\\d+') {
  const s = page.getByTestId('import-summary');
  await s.filter({ hasText: new RegExp(`^${indicators} .*PDF$`) }).waitFor({ timeout: 30000 });
  return s.textContent();
}

/** Keeps the first table only (§3.1 of the relazione: the ente, its ambiti and strategic
 *  objectives, with their published figures), and waits for the plan it gives. */
async function keepFirstTable(page, tables) {
  const boxes = tables.locator('input[type=checkbox]');
  for (let i = (await boxes.count()) - 1; i >= 1; i--) await boxes.nth(i).uncheck();
  await boxes.first().check();
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-open]')?.disabled, null, { timeout: 30000 });
}

const indicatorsOf = async (page) => Number((await page.getByTestId('import-summary').textContent()).match(/^(\d+) /)[1]);

test('"Apri il PDF della relazione": the tables listed with their pages, the plan\'s tables ticked, the plan opens with the ente at 98,96 % published and computed', async () => {
  const page = await openApp();
  assert.ok(!page.requests.some((u) => u.includes('/pdf/') || u.includes('/import/')), 'no module before it is asked for');
  const button = page.getByTestId('import-pdf-toggle');
  assert.equal(await button.textContent(), 'Apri il PDF della relazione');
  await openPdf(page, RELAZIONE);
  await page.getByTestId('importer').filter({ hasText: 'Importa un piano dal PDF della relazione' }).waitFor();
  const tables = await listing(page);
  const count = await tables.count();
  assert.ok(count >= 2, `at least two tables, found ${count}`);
  for (let i = 0; i < count; i++) {
    const table = tables.nth(i);
    const text = await table.textContent();
    // "Tabella 1 · pagine 3–4 · 25 righe · 9 colonne", its heading, its first rows.
    const label = (await table.locator('label').textContent()).trim();
    assert.match(label, new RegExp(`^Tabella ${i + 1} · pagin[ae] \\d+(–\\d+)?(, \\d+(–\\d+)?)* · \\d+ righe · \\d+ colonne$`), label);
    assert.match(await table.getAttribute('data-pages'), /^\d/);
    assert.match(text, /Intestazione: |nessuna riga di intestazione/);
  }
  // By default, the tables with a heading row (the plan's: §3.1 and §3.2) are ticked,
  // not §3.3's benchmark, and together they are a plan that opens as it comes.
  const ticked = await tables.locator('input[type=checkbox]:checked').count();
  assert.ok(ticked >= 2, `${ticked} tables ticked`);
  assert.equal(ticked, await tables.filter({ hasText: 'Intestazione: ' }).count());
  assert.ok(ticked < count, 'a table without a heading row is listed, not ticked');
  assert.match(await summary(page), / 0 righe con errori · Formato: PDF$/);
  assert.match(await page.getByTestId('import-pages-read').textContent(), /Pagine lette: 1–\d+ di \d+/);
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-open]')?.disabled, null, { timeout: 30000 });
  // Each row of the preview says its page; published figures stand beside computed ones.
  const rows = page.getByTestId('import-rows');
  assert.equal(await rows.locator('thead th').nth(1).textContent(), 'Pagina');
  assert.match(await rows.locator('tbody tr td.page').first().textContent(), /^\d+$/);
  assert.ok((await rows.locator('.figures').count()) >= 1);
  const figures = await rows.locator('.figures').allTextContents();
  assert.ok(figures.every((f) => /^\d+,\d+ % \/ \d+,\d+ %/.test(f)), figures.join('\n'));
  // The ente's total row and OS_01.02's (99,29 %), as printed.
  assert.match(await rows.textContent(), /98,96 ?%/);
  assert.match(await rows.textContent(), /99,29 %/);
  await page.screenshot({ path: path.join(SHOTS, 'import-pdf.png'), fullPage: true });

  await page.getByTestId('import-open').click();
  await page.getByTestId('source').filter({ hasText: 'tno-2023-relazione.pdf' }).waitFor();
  assert.equal(await page.getByTestId('ente-score').textContent(), '98,96 %', 'computed from the PDF\'s rows');
  // The ente's published figure beside the computed one.
  assert.match(await page.getByTestId('detail').textContent(), /Pubblicato\s*98,96 %/);
  // A strategic objective: published 99,29 %.
  // (Its codes as the PDF prints them: `AS 01`, `OS 01.02`, or with `_`.)
  const item = (code) => page.locator(`[role=treeitem][data-key="${code}"], [role=treeitem][data-key="${code.replace('_', ' ')}"]`);
  await item('AS_01').click();
  await page.keyboard.press('ArrowRight');
  await item('OS_01.02').click();
  // Its published figure beside the one computed from the PDF's rows (which the
  // "Verifica" section then checks).
  const detail = await page.getByTestId('detail').textContent();
  assert.match(detail, /Punteggio\s*\d+,\d+ %/);
  assert.match(detail, /Pubblicato\s*99,29 %/);
  // One of its operational objectives, from §3.2, its published figure beside it.
  await page.keyboard.press('ArrowRight');
  await item('OO_01.02.04').click();
  assert.match(await page.getByTestId('detail').textContent(), /Pubblicato\s*96,01 %/);
  assert.match(await page.getByTestId('detail').textContent(), /Punteggio\s*96,01 %/);
  // Read in the browser by the PDF module, fetched when the PDF was chosen; nothing else.
  const origin = new URL(session.server.url).origin;
  assert.ok(page.requests.some((u) => u.includes('/pdf/') && u.endsWith('.wasm')), 'the PDF module');
  assert.ok(!page.requests.some((u) => u.includes('/xlsx/')), 'no XLSX module for a PDF');
  assert.ok(page.requests.every((u) => u.startsWith(origin)), 'same origin only');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a PDF dropped on the importer\'s drop zone is read the same way', async () => {
  const page = await openApp();
  await page.getByTestId('import-toggle').click();
  await page.getByTestId('importer').waitFor();
  assert.match(await page.getByTestId('import-file').getAttribute('accept'), /\.pdf,application\/pdf/, 'the table chooser takes a PDF too');
  const bytes = fs.readFileSync(RELAZIONE).toString('base64');
  const drop = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const t = new DataTransfer();
    t.items.add(new File([data], 'tno-2023-relazione.pdf', { type: 'application/pdf' }));
    return t;
  }, bytes);
  const zone = page.getByTestId('import-dropzone');
  await zone.dispatchEvent('dragover', { dataTransfer: drop });
  await zone.dispatchEvent('drop', { dataTransfer: drop });
  const tables = await listing(page);
  assert.ok((await tables.count()) >= 2);
  assert.match(await summary(page), /Formato: PDF$/);
  assert.match(await page.getByTestId('import-source').textContent(), /tno-2023-relazione\.pdf/);
  // As it comes: §3.1 and §3.2 are one plan, the ente's figure computed from their rows.
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-open]')?.disabled, null, { timeout: 30000 });
  assert.match(await summary(page, 197), /^197 indicatori importati · 0 righe con errori/);
  await page.getByTestId('import-open').click();
  await page.getByTestId('source').filter({ hasText: 'tno-2023-relazione.pdf' }).waitFor();
  assert.equal(await page.getByTestId('ente-score').textContent(), '98,96 %');
  assert.match(await page.getByTestId('detail').textContent(), /Pubblicato\s*98,96 %/);
  // §3.1 alone: the ente, its ambiti and strategic objectives.
  await page.getByTestId('import-toggle').click();
  await page.getByTestId('import-file').setInputFiles(RELAZIONE);
  const again = await listing(page);
  await keepFirstTable(page, again);
  assert.match(await summary(page, 31), /^31 indicatori importati/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('unticking a table changes what is imported; ticking it again brings it back; the pages narrow the listing', async () => {
  const page = await openApp();
  await openPdf(page, RELAZIONE);
  const tables = await listing(page);
  await summary(page);
  const all = await indicatorsOf(page);
  const box = tables.filter({ has: page.locator('input:checked') }).last().locator('input[type=checkbox]');
  const label = await box.getAttribute('id');
  await box.uncheck();
  await page.waitForFunction((n) => {
    const s = document.querySelector('[data-testid=import-summary]')?.textContent ?? '';
    return /^\d+ /.test(s) && Number(s.match(/^(\d+) /)[1]) !== n;
  }, all, { timeout: 30000 });
  const fewer = await indicatorsOf(page);
  assert.ok(fewer < all, `${fewer} indicators without ${label}, ${all} with it`);
  assert.equal(await page.locator(`#${label}`).isChecked(), false);
  await page.locator(`#${label}`).check();
  await summary(page, all);
  // No table at all: nothing imported, and why.
  const boxes = tables.locator('input[type=checkbox]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
  await summary(page, 0);
  assert.match(await page.getByTestId('import-diagnostics').textContent(), /no-pdf-tables/);
  // The pages of the first table only: the listing is of those pages.
  const pages = (await tables.first().getAttribute('data-pages')).split(/[–,]\s*/);
  const range = `${pages[0]}-${pages[pages.length - 1]}`;
  await page.getByTestId('import-pages').fill(range);
  await page.getByTestId('import-pages-read').filter({ hasText: `Pagine lette: ${range.replace('-', '–')} di` }).waitFor({ timeout: 30000 });
  assert.ok((await tables.count()) >= 1);
  for (const listed of await tables.all()) {
    for (const p of (await listed.getAttribute('data-pages')).split(/[–,]\s*/).map(Number)) {
      assert.ok(p >= Number(pages[0]) && p <= Number(pages[pages.length - 1]), `page ${p} outside ${range}`);
    }
  }
  assert.ok((await tables.locator('input:checked').count()) >= 1, 'the module chooses again for other pages');
  // A range that is not one says so.
  await page.getByTestId('import-pages').fill('dodici');
  await page.getByTestId('import-pages-error').waitFor();
  assert.equal(await page.getByTestId('import-pages').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const [file, it, en, code] of [
  ['bad-encrypted.pdf', /protetto da password/, /protected by a password/, 'encrypted-pdf'],
  ['bad-scanned.pdf', /immagini del testo/, /images of/, 'scanned-pdf'],
  ['bad-zip.pdf', /archivio ZIP/, /ZIP archive/, 'unreadable-pdf'],
]) {
  test(`${file}: the panel says why it cannot be read, in Italian and in English`, async () => {
    const page = await openApp();
    await openPdf(page, path.join(PDFS, file));
    const why = page.getByTestId('import-unread');
    await why.waitFor({ timeout: 30000 });
    assert.match(await why.textContent(), it);
    assert.match(await page.getByTestId('import-diagnostics').textContent(), new RegExp(`\\[${code}\\]`));
    assert.match(await page.getByTestId('import-summary').textContent(), /^0 indicatori importati/);
    assert.equal(await page.getByTestId('import-open').isDisabled(), true);
    await page.getByTestId('lang-en').click();
    await why.filter({ hasText: en }).waitFor();
    assert.match(await page.getByTestId('import-diagnostics').textContent(), en);
    assert.match(await page.getByTestId('import-summary').textContent(), /^0 indicators imported/);
    assert.equal(await page.getByTestId('import-pdf-toggle').textContent(), 'Open the report\'s PDF');
    assert.ok(!page.requests.some((u) => u.includes('/xlsx/')), 'a PDF, even a ZIP named .pdf, goes to the PDF module');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the panel with a PDF\'s tables listed has no serious or critical WCAG 2.1 AA violation (axe-core), and its tables are ticked from the keyboard', async () => {
  const page = await openApp();
  await openPdf(page, RELAZIONE);
  const tables = await listing(page);
  await summary(page);
  // The chooser keeps the focus once the file is chosen: the keyboard goes on from there.
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run('#import-panel', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  // Each checkbox is named by its table.
  const first = tables.first().locator('input[type=checkbox]');
  assert.equal(await page.getByRole('checkbox', { name: /^Tabella 1 · / }).count(), 1);
  await first.focus();
  const before = await first.isChecked();
  await page.keyboard.press('Space');
  assert.equal(await first.isChecked(), !before);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('each press of "Apri il PDF della relazione" opens the file chooser again; "Chiudi l\'importazione" closes the panel', async () => {
  const page = await openApp();
  await openPdf(page, path.join(PDFS, 'bad-encrypted.pdf'));
  await page.getByTestId('import-unread').waitFor({ timeout: 30000 });
  // Another PDF: the panel is mounted anew, ready for it.
  await openPdf(page, RELAZIONE);
  await listing(page);
  assert.equal(await page.getByTestId('import-unread').count(), 0);
  assert.equal(await page.getByTestId('import-toggle').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.getByTestId('import-toggle').textContent(), 'Chiudi l\'importazione');
  await page.getByTestId('import-toggle').click();
  await page.getByTestId('importer').waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
