// What-if in the browser (issue 4): edit a target of the seed 004 plan and read the new
// ente score, undo and redo, find the edits again after a reload, export the scenario as
// a plan and re-open it with identical scores, follow a share link, and use goal seek,
// sensitivity, scenarios and comparison.
//
// Run from the repository root after a release build (see app.test.mjs):
//     node --test tests/e2e/whatif.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { useBrowser, SHOTS } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const session = useBrowser();

/** A page in a context of its own (own storage), or in `context` to share storage. */
async function open(query = '', context = null) {
  const ctx = context ?? (await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true }));
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(session.server.url + query);
  await page.getByTestId('ente-score').waitFor();
  page.errors = errors;
  return page;
}

/** Selects an indicator through the finder, which reveals it in the tree and detail. */
async function selectIndicator(page, code) {
  const panel = page.locator('.find-panel');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
  await page.locator('#f-query').fill(code);
  await page.getByTestId('results').getByRole('button', { name: new RegExp(`^${code} `) }).first().click();
  await page.getByTestId('edit-form').waitFor();
}

/** Types a value into a what-if field and commits it with Enter. */
async function type(page, id, value) {
  const field = page.locator(`#${id}`);
  await field.fill(value);
  await field.press('Enter');
}

const ente = (page) => page.getByTestId('ente-score').textContent();

test('a target changed in place moves the ente score; undo, redo, and a reload keeps the edit', async () => {
  const page = await open();
  assert.equal(await ente(page), '98,96 %');
  await selectIndicator(page, 'OC_TD_01');
  await type(page, 'edit-target-OC-TD-01', '300');
  assert.equal(await ente(page), '99,24 %');
  assert.equal(await page.getByTestId('whatif-ente').textContent(), '98,96 % → 99,24 % (+0,28)');
  assert.equal(await page.getByTestId('edit-score').textContent(), '60,50 % → 80,67 % (+20,17)');
  assert.match(await page.getByTestId('edit-list').textContent(), /OC_TD_01 · Target: ≥ 400 N\. → ≥ 300 N\./);
  // Every score up the tree moved, with its published value and the difference.
  const changes = await page.getByTestId('change-list').textContent();
  assert.match(changes, /OS_02\.03 90,13 % → 95,17 % \(\+5,04\)/);
  assert.match(changes, /AS_02 97,01 % → 97,85 % \(\+0,84\)/);
  // The charts follow: the bar of the area carries the new score.
  assert.match(await page.locator('#grafici').textContent(), /97,85 %/);

  // Invalid input says what it expected and creates no edit.
  await type(page, 'edit-weight-OC-TD-01', 'tanti');
  assert.match(await page.locator('.field-error').textContent(), /Atteso un peso/);
  assert.equal(await page.getByTestId('edit-list').locator('li').count(), 1);

  // Italian numbers with thousands and decimals are read as such.
  await type(page, 'edit-actual-OC-TD-01', '1.010,5');
  assert.equal(await page.getByTestId('edit-score').textContent(), '60,50 % → 100,00 % (+39,50)');
  await page.getByTestId('undo').click();
  assert.equal(await ente(page), '99,24 %');
  await page.getByTestId('undo').click();
  assert.equal(await ente(page), '98,96 %');
  assert.equal(await page.getByTestId('whatif-ente').textContent(), '98,96 %');
  await page.getByTestId('redo').click();
  assert.equal(await ente(page), '99,24 %');

  // Nothing lost: a reload (and so a closed tab) finds the edit in browser storage.
  await page.reload();
  await page.getByTestId('ente-score').waitFor();
  assert.equal(await ente(page), '99,24 %');
  assert.equal(await page.getByTestId('edit-list').locator('li').count(), 1);
  await page.locator('#simulazione').screenshot({ path: path.join(SHOTS, 'whatif.png') });

  // Each edit can be removed on its own; reset goes back to the plan as published.
  await page.getByTestId('edit-list').getByRole('button').first().click();
  assert.equal(await ente(page), '98,96 %');
  await page.getByTestId('redo').isDisabled();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('N.V. and an objective weight are edits too, and the page stays accessible', async () => {
  const page = await open();
  await selectIndicator(page, 'OC_TD_01');
  await page.getByTestId('edit-nv').check();
  // Excluded: OS_02.03 is re-weighted over its other indicators.
  assert.match(await page.getByTestId('edit-list').textContent(), /N\.V\. \(simulazione\)/);
  assert.notEqual(await ente(page), '98,96 %');
  await page.getByTestId('edit-nv').uncheck();
  assert.equal(await ente(page), '98,96 %');
  await page.locator('[role=treeitem][data-key="AS_02"]').click();
  await type(page, 'edit-weight-AS-02', '50');
  // The other ambiti were made explicit with equal weights: their scores do not move.
  assert.match(await page.getByTestId('edit-list').textContent(), /AS_01 · Peso: pesi uguali → 33,33 %/);
  assert.match(await page.getByTestId('edit-score').textContent(), /^97,01 %$/);
  assert.notEqual(await ente(page), '98,96 %');
  await page.locator('#simulazione details').nth(1).locator('summary').click();
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), []);
  await page.context().close();
});

/** The CSV as { code: [plan, scenario] } (the first row of each code). */
function csvScores(text) {
  assert.ok(text.startsWith('\ufeff'), 'the CSV opens with a BOM for Excel');
  const [head, ...rows] = text.slice(1).trim().split('\r\n');
  assert.equal(head, 'codice;nome;tipo;peso;piano;simulazione;differenza;valutazione');
  const out = {};
  for (const row of rows) {
    const cells = row.split(';');
    out[cells[0]] ??= [cells.at(-4), cells.at(-3)];
  }
  return out;
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'semaforo-')), file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

test('a scenario exported as a plan opens again with identical scores; a bad scenario file changes nothing', async () => {
  const page = await open();
  await selectIndicator(page, 'OC_TD_01');
  await type(page, 'edit-target-OC-TD-01', '333,333');
  await selectIndicator(page, 'OC_Int_01');
  await type(page, 'edit-actual-OC-Int-01', '650');
  const edited = await ente(page);
  assert.notEqual(edited, '98,96 %');
  const before = csvScores(fs.readFileSync(await download(page, 'export-csv'), 'utf8'));
  assert.notEqual(before.ENTE[0], before.ENTE[1]);

  // A broken scenario file is refused with its reason; the scenarios stay as they were.
  const options = await page.getByTestId('scenario-select').locator('option').count();
  const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'semaforo-')), 'rotto.json');
  fs.writeFileSync(broken, '{"name": "x", "edits": [{"edit": "set_nothing"}]}');
  await page.getByTestId('scenario-file').setInputFiles(broken);
  await page.getByTestId('whatif-notice').waitFor();
  assert.match(await page.getByTestId('whatif-notice').textContent(), /non è stato aperto.*rotto\.json.*set_nothing/s);
  assert.equal(await page.getByTestId('scenario-select').locator('option').count(), options);
  assert.equal(await ente(page), edited);

  // The scenario file itself opens as a new scenario with the same scores.
  await page.getByTestId('scenario-file').setInputFiles(await download(page, 'export-scenario'));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=scenario-select] option').length === n, options + 1);
  assert.equal(await ente(page), edited);

  const plan = await download(page, 'export-plan');
  await page.getByTestId('file-input').setInputFiles(plan);
  await page.waitForFunction((name) => document.querySelector('[data-testid=source]')?.textContent === name, path.basename(plan));
  // The re-opened plan is a new baseline: no edits, the same scores to the cent.
  assert.equal(await ente(page), edited);
  assert.equal(await page.getByTestId('whatif-ente').textContent(), edited);
  const after = csvScores(fs.readFileSync(await download(page, 'export-csv'), 'utf8'));
  for (const [code, [, now]] of Object.entries(before)) {
    assert.equal(after[code]?.[0], now, `${code}: exported ${now}, re-opened ${after[code]?.[0]}`);
  }
  await page.context().close();
});

test('a share link opens the same variant for a colleague; a damaged one says so', async () => {
  const page = await open();
  await selectIndicator(page, 'OC_TD_01');
  await type(page, 'edit-target-OC-TD-01', '300');
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, /#edits=[A-Za-z0-9_-]+$/);
  await page.context().close();

  const colleague = await session.browser.newContext();
  const other = await colleague.newPage();
  await other.goto(link);
  await other.getByTestId('ente-score').waitFor();
  assert.equal(await ente(other), '99,24 %');
  assert.match(await other.getByTestId('scenario-select').textContent(), /Link condiviso \(1\)/);
  assert.match(await other.getByTestId('whatif-notice').textContent(), /link condiviso/);
  // Applied once: the address no longer carries it, and a reload does not add it again.
  assert.equal(new URL(other.url()).hash, '');
  await other.reload();
  await other.getByTestId('ente-score').waitFor();
  assert.equal(await ente(other), '99,24 %');
  assert.equal(await other.getByTestId('scenario-select').locator('option').count(), 2);
  await colleague.close();

  const bad = await open('#edits=%%%25');
  assert.equal(await ente(bad), '98,96 %');
  assert.match(await bad.getByTestId('whatif-notice').textContent(), /non si può leggere/);
  await bad.context().close();
});

test('scenarios, comparison, goal seek and sensitivity', async () => {
  const page = await open();
  await selectIndicator(page, 'OC_TD_01');
  await type(page, 'edit-target-OC-TD-01', '300');
  await page.getByTestId('scenario-name').fill('Prudente');
  await page.getByTestId('scenario-new').click();
  assert.equal(await ente(page), '98,96 %');
  await page.getByTestId('scenario-select').selectOption({ index: 0 });
  assert.equal(await ente(page), '99,24 %');

  await page.locator('#simulazione details').nth(0).locator('summary').click();
  await page.getByTestId('compare-first').selectOption({ label: 'Prudente' });
  await page.getByTestId('compare-second').selectOption({ index: 1 });
  await page.getByTestId('compare-run').click();
  assert.match(await page.getByTestId('compare-result').textContent(), /AS_02.*97,01 %.*97,85 %.*\+0,84/s);

  await page.locator('#simulazione details').nth(1).locator('summary').click();
  assert.equal(await page.getByTestId('goal-indicator').inputValue(), 'OC_TD_01');
  await page.getByTestId('goal-node').selectOption('OS_02.03');
  await page.getByTestId('goal-score').fill('99');
  await page.getByTestId('goal-run').click();
  assert.match(await page.getByTestId('goal-result').textContent(), /Valore necessario/);
  await page.getByTestId('goal-apply').click();
  assert.match(await page.getByTestId('whatif-ente').textContent(), /→/);
  await page.getByTestId('goal-score').fill('101');
  await page.getByTestId('goal-run').click();
  assert.match(await page.getByTestId('goal-result').textContent(), /Nessun valore/);

  await page.locator('#simulazione details').nth(2).locator('summary').click();
  await page.getByTestId('sens-run').click();
  const rows = page.getByTestId('sensitivity-result').locator('tbody tr');
  assert.equal(await rows.count(), 15);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an indicator two cruscotti share is edited once, from a dashboard, and both dashboards move', async () => {
  // No tree of objectives: five indicators of the plan's own list, each weighed in both.
  const page = await open('?plan=fixtures/cruscotti-condivisi-2021.json');
  const summary = (code) => page.locator('#cruscotti details.cruscotto summary').filter({ hasText: code });
  assert.match(await summary('CR_SERV_RI').textContent(), /· 96,78 %$/);
  assert.match(await summary('CR_SERV_RF').textContent(), /· 86,78 %$/);

  // Each dashboard lists it, inside its group, marked as shared; its line opens it.
  await summary('CR_SERV_RI').click();
  await summary('CR_SERV_RF').click();
  const lines = page.locator('#cruscotti').getByRole('button', { name: 'Percent_IndiceTrasp', exact: true });
  assert.equal(await lines.count(), 2);
  assert.match(await lines.first().locator('xpath=..').textContent(), /\(condiviso\) · 100,00 %: 90,00 %/);
  await lines.first().click();
  await page.getByTestId('edit-form').waitFor();
  // The detail says where it counts, with the weight each gives it; no weight of its own.
  assert.equal(await page.getByTestId('weighed-in').textContent(), 'CR_SERV_RI › 2.3.1 (100,00 %)CR_SERV_RF › 2.3.1 (100,00 %)');
  assert.equal(await page.locator('#edit-weight-Percent-IndiceTrasp').count(), 0);

  await type(page, 'edit-actual-Percent-IndiceTrasp', '90');
  assert.equal(await page.getByTestId('edit-score').textContent(), '90,00 % → 100,00 % (+10,00)');
  assert.match(await summary('CR_SERV_RI').textContent(), /· 98,78 %$/);
  assert.match(await summary('CR_SERV_RF').textContent(), /· 88,78 %$/);
  const changes = await page.getByTestId('change-list').textContent();
  assert.match(changes, /CR_SERV_RI 96,78 % → 98,78 % \(\+2,00\)/);
  assert.match(changes, /CR_SERV_RF 86,78 % → 88,78 % \(\+2,00\)/);
  assert.match(await page.getByTestId('edit-list').textContent(), /Percent_IndiceTrasp · Consuntivo: 81 % → 90 %/);

  // The finder knows it too, by the words of its name.
  await selectIndicator(page, 'Percent_CartaServizi');
  assert.match(await page.getByTestId('weighed-in').textContent(), /CR_SERV_RI › 2\.3\.2.*CR_SERV_RF › 2\.3\.2/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
