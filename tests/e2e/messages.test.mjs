// Every message in the reader's language: a table with problems pasted into the
// importer, and a plan that does not load, with the interface in Italian and then in
// English. The warnings, row problems and plan diagnostics must be in that language
// only: a few give-away words of the other language are looked for, outside quoted text
// (the table's own cells and headings, codes, JSON paths, which stay as written).
//     node --test tests/e2e/messages.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, FIXTURES } from './server.mjs';

const session = useBrowser();

// Weights of one objective summing to 503, an actual, a weight and a target that cannot
// be read (those rows are not imported), and no ente or year named anywhere.
const TABLE = [
  'Codice;Obiettivo / Indicatore;Peso;Target;Consuntivo',
  'OO_01;Semplificare i procedimenti;;;',
  'I1;Pratiche evase entro 30 giorni;300;>= 90 %;95 %',
  'I2;Pratiche telematiche;203;>= 90 %;85 %',
  'I3;Customer satisfaction;molto;boh;80 %',
  'I4;Tempi medi di pagamento;10;<= 30 gg;tanti',
].join('\n');

const GIVEAWAYS = {
  it: /\b(the|is|are|not|was|were|expected|weights?|should|sum|row|column|found|missing|must)\b/i,
  en: /\b(il|lo|la|gli|non|della|degli|atteso|attesa|pesi|peso|deve|sono|riga|colonna|trovato|manca)\b/i,
};

/** The text a reader sees, without what is quoted from the input: «…», "…", `…`, '…',
 *  and a column's heading in parentheses (`colonna 3 (Peso)`). */
function prose(text) {
  return text
    .replace(/«[^»]*»/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/'[^']*'/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[a-z0-9-]+\]/g, ' ');
}

function assertOnly(lang, texts, what) {
  assert.ok(texts.length > 0, `${what}: nothing shown`);
  for (const text of texts) {
    const found = prose(text).match(GIVEAWAYS[lang]);
    assert.equal(found, null, `${what} in ${lang} has «${found?.[0]}»: ${text}`);
  }
}

/** Texts of these elements without their <q> (a cell quoted as written). */
const unquoted = (locator) =>
  locator.evaluateAll((els) =>
    els.map((el) => {
      const copy = el.cloneNode(true);
      copy.querySelectorAll('q').forEach((q) => q.remove());
      return copy.textContent;
    }),
  );

async function importerMessages(page) {
  const notes = await unquoted(page.locator('[data-testid=import-diagnostics] li'));
  const problems = await unquoted(page.locator('[data-testid=import-rows] ul.problems li, [data-testid=import-errors] li'));
  const cells = await page.locator('[data-testid=import-rows] q.problem-text').allTextContents();
  return { notes, problems: problems.filter((t) => t.trim() !== ''), cells };
}

test('a table with problems: warnings and row problems in Italian, then in English', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(session.server.url);
  await page.getByTestId('ente-score').waitFor();
  await page.getByTestId('import-toggle').click();
  await page.getByTestId('import-text').fill(TABLE);
  const diagnostics = page.getByTestId('import-diagnostics');
  await diagnostics.filter({ hasText: '503' }).waitFor({ timeout: 20000 });

  const it = await importerMessages(page);
  assertOnly('it', it.notes, 'import warnings');
  assertOnly('it', it.problems, 'row problems');
  assert.match(it.notes.join(' '), /503/);
  assert.ok(it.cells.includes('tanti'), `the unreadable cell is quoted as written: ${it.cells}`);

  await page.getByTestId('lang-en').click();
  await diagnostics.filter({ hasText: /weights/i }).waitFor();
  const en = await importerMessages(page);
  assertOnly('en', en.notes, 'import warnings');
  assertOnly('en', en.problems, 'row problems');
  assert.equal(en.notes.length, it.notes.length, 'the same warnings, translated');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a plan that does not load: its diagnostics in the interface language, switching with it', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(session.server.url);
  await page.getByTestId('ente-score').waitFor();
  const plan = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'maremma-tirreno-2023.json'), 'utf8'));
  plan.ente.objectives[0].weight = true;
  plan.ente.objectives[0].colour = 'red';
  plan.ente.code = 'X';
  const file = path.join(os.tmpdir(), 'semaforo-messages-plan.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  await page.getByTestId('file-input').setInputFiles(file);
  const report = page.getByTestId('report');
  await report.waitFor();
  const messages = () => report.locator('.message').allTextContents();
  const it = await messages();
  assertOnly('it', it, 'plan diagnostics');
  await page.getByTestId('lang-en').click();
  await report.locator('.message').first().waitFor();
  const en = await messages();
  assertOnly('en', en, 'plan diagnostics');
  assert.equal(en.length, it.length);
  assert.notDeepEqual(en, it);
  await context.close();
});
