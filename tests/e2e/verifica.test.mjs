// Browser test of the "Verifica" view (issue 11): the OIV's check of the plan as opened,
// every finding with its place, followed to its node, printed alone and exported as CSV.
// Release build in dist/.
//     node --test tests/e2e/verifica.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { useBrowser, SHOTS } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const session = useBrowser();

/** The page with the audit run, as a reader asks for it. */
async function audited(query = '') {
  const page = await open(query);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.locator('nav.sections').getByRole('link', { name: 'Verifica' }).click();
  assert.ok(!requests.some((u) => u.includes('/audit/')), 'the audit module comes only when asked for');
  await page.getByTestId('verifica-run').click();
  await page.getByTestId('verifica-summary').waitFor();
  assert.ok(requests.some((u) => u.includes('/audit/')));
  return page;
}

async function open(query = '') {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(session.server.url + query);
  await page.getByTestId('ente-score').waitFor();
  return page;
}

/** The row of the finding with `code` about `subject`. */
function finding(page, code, subject) {
  return page.locator(`[data-testid=verifica-findings] tr[data-code="${code}"]`).filter({ hasText: subject });
}

test('the Verifica view lists the findings of seed 004 and follows one to its node', async () => {
  // Reached from the page's own section list, as a reader would.
  const page = await audited();
  const summary = await page.getByTestId('verifica-summary').textContent();
  assert.match(summary, /\d+ error/i, summary);
  // Errors first.
  const severities = await page.locator('[data-testid=verifica-findings] tbody tr').evaluateAll((rows) => rows.map((r) => r.className));
  const rank = (c) => (c.includes('error') ? 0 : c.includes('warning') ? 1 : 2);
  assert.deepEqual(severities.map(rank), [...severities.map(rank)].sort((a, b) => a - b));
  // OO_01.05.02: published 99,13 % where its weights give 99,12 %, with the likely cause.
  const row = finding(page, 'published-differs', 'OO_01.05.02');
  assert.equal(await row.count(), 1);
  const text = await row.textContent();
  assert.match(text, /99,13 %/);
  assert.match(text, /99,12 %/);
  assert.match(text, /101/);
  assert.match(text, /riga 968/);
  // The code is a button that opens the tree down to the objective and selects it.
  await row.getByRole('button', { name: 'OO_01.05.02' }).click();
  const item = page.locator('[role=treeitem][data-key="OO_01.05.02"]');
  await item.waitFor();
  assert.equal(await item.getAttribute('aria-selected'), 'true');
  assert.match(await page.locator('#dettaglio').textContent(), /OO_01\.05\.02/);
  // An indicator's finding goes to the indicator under its objective.
  const nd = finding(page, 'not-available-in-final-report', 'IO_01.06.01.18');
  await nd.getByRole('button', { name: 'IO_01.06.01.18' }).click();
  await page.locator('[role=treeitem][aria-selected=true][data-key$=">IO_01.06.01.18"]').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the findings download as the core\'s CSV, and print alone as a PDF', async () => {
  const page = await audited();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('verifica-csv').click()]);
  assert.match(download.suggestedFilename(), /\.verifica\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  const rows = await page.locator('[data-testid=verifica-findings] tbody tr').count();
  assert.equal(lines.length, rows + 1, 'a header and one line a finding');
  assert.ok(lines.some((l) => l.includes('published-differs') && l.includes('OO_01.05.02')), lines.slice(0, 3).join('\n'));
  // "Stampa la verifica": the button prints with the page marked to show the audit alone
  // (the print dialog is the browser's, so it is stood in for), and the page is whole
  // again afterwards; then what it prints, as a PDF.
  await page.evaluate(() => { window.print = () => { window.printedWith = document.body.className; }; });
  await page.getByTestId('verifica-print').click();
  assert.match(await page.evaluate(() => window.printedWith), /\bprint-verifica\b/);
  assert.equal(await page.evaluate(() => document.body.classList.contains('print-verifica')), false);
  await page.evaluate(() => document.body.classList.add('print-verifica'));
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#verifica').isVisible());
  assert.ok(!(await page.locator('#albero').isVisible()), 'the tree is not printed with the audit');
  assert.ok(!(await page.getByTestId('verifica-csv').isVisible()), 'no buttons on paper');
  const pdf = await page.pdf({ path: path.join(SHOTS, 'verifica.pdf'), format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 10000, `a PDF with the findings (${pdf.length} bytes)`);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('print-verifica'));
  assert.ok(await page.locator('#albero').isVisible(), 'the page is whole again after printing');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the findings speak the interface language, and a plan with nothing to report says so', async () => {
  const page = await audited();
  await page.getByTestId('lang-en').click();
  const row = finding(page, 'published-differs', 'OO_01.05.02');
  assert.match(await row.textContent(), /the document publishes 99\.13 %/);
  assert.match(await page.locator('#h-verifica').textContent(), /Audit/);
  await page.context().close();
  // The plan of shared cruscotti (seed 001) reproduces every published figure.
  const clean = await open('?plan=fixtures/cruscotti-condivisi-2021.json');
  await clean.getByTestId('source').filter({ hasText: 'cruscotti-condivisi-2021.json' }).waitFor();
  await clean.getByTestId('verifica-run').click();
  await clean.getByTestId('verifica-none').waitFor();
  assert.ok(await clean.getByTestId('verifica-csv').isDisabled());
  await clean.context().close();
});

test('the Verifica view has no serious or critical WCAG 2.1 AA violation (axe-core)', async () => {
  const page = await audited();
  await page.locator('#verifica').scrollIntoViewIfNeeded();
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run('#verifica', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), []);
  await page.context().close();
});
