// Embedded views and a safe-to-embed app (issue 5), in headless Chromium against dist/:
// a host page fits an <iframe> to the cruscotto it shows; the copy-snippet buttons copy
// iframes that work; a plan whose names hold <script> and <img onerror> shows them as
// text, in the app and in embed mode; and using the app breaks no rule of its CSP.
//
// Run from the repository root after the release build (see tests/e2e/README.md):
//     node --test tests/e2e/embed.test.mjs
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { useBrowser, SHOTS, DIST, E2E_FIXTURES } from './server.mjs';
import { POLICY } from '../../web/build/policy.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const HOSTILE = path.join(E2E_FIXTURES, 'hostile.json');
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror="window.__xss=1">';

const session = useBrowser();

/**
 * A fresh page that records what must never happen: CSP violations (event and console),
 * dialogs (an injected alert), uncaught errors, requests to another origin.
 */
async function open(address, { viewport = { width: 1100, height: 900 }, permissions = [], init } = {}) {
  const context = await session.browser.newContext({ viewport, permissions });
  const seen = { violations: [], dialogs: [], errors: [], foreign: [] };
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) seen.violations.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(session.server.url) && !url.startsWith('data:')) seen.foreign.push(url);
  });
  await page.goto(session.server.url + address);
  page.seen = seen;
  return page;
}

/** CSP violations seen by the page and by each of its frames. */
async function violations(page) {
  const all = [...page.seen.violations];
  for (const frame of page.frames()) {
    all.push(...(await frame.evaluate(() => window.__violations ?? []).catch(() => [])));
  }
  return all;
}

async function assertClean(page) {
  assert.deepEqual(await violations(page), [], 'CSP violations');
  assert.deepEqual(page.seen.dialogs, [], 'dialogs');
  assert.deepEqual(page.seen.errors, [], 'page errors');
  assert.deepEqual(page.seen.foreign, [], 'requests to another origin');
}

/** Waits until the iframe's height has settled on what its view reports, and returns both. */
async function settledHeights(page, selector) {
  const frameElement = page.locator(selector);
  const frame = await (await frameElement.elementHandle()).contentFrame();
  await frame.getByTestId('embed-title').waitFor();
  let last = null;
  for (let i = 0; i < 50; i += 1) {
    const outer = await frameElement.evaluate((el) => el.clientHeight);
    const inner = await frame.evaluate(() => Math.ceil(document.querySelector('.embed').getBoundingClientRect().height));
    const scroll = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
    last = { outer, inner, scroll };
    if (Math.abs(outer - inner) <= 1 && scroll <= 0) return { ...last, frame };
    await page.waitForTimeout(100);
  }
  assert.fail(`the iframe ${selector} never fitted its view: ${JSON.stringify(last)}`);
}

test('a host page fits its <iframe> to the one cruscotto it shows, and ignores forged messages', async () => {
  const page = await open('examples/embed/host.html');
  const { outer, inner, frame } = await settledHeights(page, '#semaforo-cruscotto');
  assert.notEqual(outer, 420, 'the height came from the view, not the snippet');
  assert.equal(await frame.getByTestId('embed-title').textContent(), 'Cruscotto Azienda Speciale ISR');
  // Massa-Carrara 2021 has no actuals yet: the cruscotto says so rather than showing 0.
  assert.equal(await frame.getByTestId('embed-score').textContent(), 'N/D');
  assert.match(await frame.locator('.embed-score').textContent(), /Non disponibile/);
  const rows = await frame.locator('.embed-items tbody tr').allTextContents();
  assert.equal(rows.length, 7); // 3 groups, 4 indicators under them
  assert.match(rows[0], /1\.1\.1.*33,34 %.*N\/D.*Non disponibile/);
  assert.equal(await frame.locator('.site-header, .toolbar, #albero').count(), 0, 'minimal chrome');
  const link = await frame.getByTestId('embed-open').getAttribute('href');
  assert.equal(link, `${session.server.url}index.html?plan=fixtures/massa-carrara-2021.json`);
  // The other iframe: the built-in plan's ente, in English.
  const ente = await settledHeights(page, '#semaforo-ente');
  assert.equal(await ente.frame.getByTestId('embed-score').textContent(), '98.96 %');
  assert.equal(await ente.frame.locator('html').getAttribute('lang'), 'en');
  await page.screenshot({ path: path.join(SHOTS, 'embed-host.png'), fullPage: true });

  // A message from a window that is not one of the iframes changes nothing.
  await page.evaluate(() => window.postMessage({ type: 'semaforo:height', height: 77 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#semaforo-cruscotto').evaluate((el) => el.clientHeight), outer);

  // Another plan with scores in the same iframe: the height follows the new content.
  await page.locator('#semaforo-cruscotto').evaluate((el) => {
    el.src = '../../index.html?embed=cruscotto/CR_RI&plan=e2e-fixtures/embed-scored.json&lang=en';
  });
  await page.waitForTimeout(300);
  const scored = await settledHeights(page, '#semaforo-cruscotto');
  assert.equal(await scored.frame.getByTestId('embed-score').textContent(), '74.00 %');
  assert.match(await scored.frame.locator('.embed-score').textContent(), /Partially reached/);
  const lines = await scored.frame.locator('.embed-items tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.innerText.trim()).join(' | ')));
  assert.deepEqual(lines, [
    'G1 Tempi | 60.00 % | 90.00 % | Reached',
    'IND_1 Pratiche evase entro 5 giorni | 50.00 % | 100.00 % | Reached',
    'IND_2 Giorni medi di lavorazione | 50.00 % | 80.00 % | Partially reached',
    'IND_3 Pratiche telematiche | 40.00 % | 50.00 % | Partially reached',
  ]);
  assert.ok(scored.inner < inner, `fewer lines, lower frame (${scored.inner} < ${inner})`);
  await assertClean(page);
  await page.context().close();
});

test('embed mode names a missing view or plan instead of showing another one', async () => {
  const page = await open('?embed=cruscotto/NOPE&plan=e2e-fixtures/embed-scored.json&lang=en');
  const error = page.getByTestId('embed-error');
  await error.waitFor();
  assert.match(await error.textContent(), /This view is not in the plan: cruscotto\/NOPE \(CCIAA Prova · 2024\)/);
  assert.match(await error.textContent(), /ENTE, AS_01, cruscotto\/CR_RI, unit\/SERV_RI/);
  await page.goto(session.server.url + '?embed=ENTE&plan=e2e-fixtures/missing.json');
  await page.getByTestId('embed-error').waitFor();
  const text = await page.getByTestId('embed-error').textContent();
  assert.match(text, /Impossibile leggere il piano: e2e-fixtures\/missing\.json/);
  assert.match(text, /HTTP 404/);
  // The built-in plan never stands in for the one asked for.
  assert.doesNotMatch(await page.locator('body').textContent(), /Toscana|98,96/);
  await assertClean(page);
  await page.context().close();
});

test('copy-snippet buttons copy a working <iframe> for the ente, an objective and a cruscotto', async () => {
  const page = await open('?plan=e2e-fixtures/embed-scored.json', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByTestId('plan-title').filter({ hasText: 'Camera di Commercio di Prova' }).waitFor();
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await page.locator('#sintesi [data-testid=copy-snippet] button').click();
  await page.locator('#sintesi [data-testid=copy-status]').filter({ hasText: 'Codice copiato' }).waitFor();
  assert.equal(
    await clipboard(),
    `<iframe src="${session.server.url}?embed=ENTE&amp;plan=e2e-fixtures/embed-scored.json&amp;lang=it" title="CCIAA Prova · 2024" width="100%" height="274" loading="lazy"></iframe>`,
  );

  await page.locator('[role=treeitem][data-key="AS_01"]').click();
  await page.locator('#dettaglio [data-testid=copy-snippet][data-view="AS_01"] button').click();
  await page.locator('#dettaglio [data-testid=copy-status]').filter({ hasText: 'Codice copiato' }).waitFor();
  assert.match(await clipboard(), /\?embed=AS_01&amp;plan=e2e-fixtures\/embed-scored\.json&amp;lang=it" title="Servizi alle imprese"/);

  await page.getByTestId('lang-en').click();
  await page.locator('#cruscotti details.cruscotto summary').click();
  await page.locator('#cruscotti [data-testid=copy-snippet] button').click();
  await page.locator('#cruscotti [data-testid=copy-status]').filter({ hasText: 'Code copied' }).waitFor();
  const snippet = await clipboard();
  assert.match(snippet, /\?embed=cruscotto\/CR_RI&amp;plan=e2e-fixtures\/embed-scored\.json&amp;lang=en" title="Cruscotto del Servizio Registro Imprese"/);

  // The snippet works: put its address in the host page's iframe.
  const src = snippet.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  await page.goto(session.server.url + 'examples/embed/host.html');
  await page.locator('#semaforo-cruscotto').evaluate((el, s) => { el.src = s; }, src);
  await page.waitForTimeout(300);
  const { frame } = await settledHeights(page, '#semaforo-cruscotto');
  assert.equal(await frame.getByTestId('embed-score').textContent(), '74.00 %');
  await assertClean(page);
  await page.context().close();
});

test('without a clipboard the snippet is shown selected, with a spoken hint', async () => {
  const page = await open('', {
    init: () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true }),
  });
  await page.getByTestId('ente-score').waitFor();
  await page.locator('#sintesi [data-testid=copy-snippet] button').click();
  const area = page.locator('#sintesi [data-testid=snippet-text]');
  await area.waitFor();
  assert.equal(
    await area.inputValue(),
    `<iframe src="${session.server.url}?embed=ENTE&amp;lang=it" title="CCIAA TNO · 2023" width="100%" height="362" loading="lazy"></iframe>`,
  );
  assert.match(await page.locator('#sintesi [data-testid=copy-status]').textContent(), /Copia il codice selezionato/);
  assert.deepEqual(
    await page.evaluate(() => [document.activeElement.tagName, document.activeElement.selectionEnd - document.activeElement.selectionStart]),
    ['TEXTAREA', (await area.inputValue()).length],
  );
  await assertClean(page);
  await page.context().close();
});

/** Asserts that the hostile names are on screen as text and that none of them ran. */
async function assertInert(page, where) {
  const body = await page.locator('body').innerText();
  assert.ok(body.includes(SCRIPT), `${where}: the <script> text is visible`);
  assert.ok(body.includes(IMG), `${where}: the <img> text is visible`);
  assert.equal(await page.evaluate(() => window.__xss), undefined, `${where}: onerror ran`);
  assert.equal(await page.locator('img[src="x"]').count(), 0, `${where}: an <img> was created`);
  // The only <script> elements are the app's own, from its own files.
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src || `inline: ${s.textContent.slice(0, 40)}`));
  assert.ok(scripts.every((s) => s.startsWith(session.server.url)), `${where}: scripts ${scripts}`);
  assert.deepEqual(page.seen.dialogs, [], `${where}: a dialog opened`);
}

test('a plan whose names hold <script> and <img onerror> shows them as text, in the app and embedded', async () => {
  const page = await open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByTestId('ente-score').waitFor();
  await page.getByTestId('file-input').setInputFiles(HOSTILE);
  await page.getByTestId('plan-title').filter({ hasText: 'Ente <script>' }).waitFor();
  // Tree, detail of the indicator (description, formula), charts, units, cruscotti.
  await page.locator('[role=treeitem][data-key="AS_01"]').click();
  await page.keyboard.press('ArrowRight');
  await page.locator('[role=treeitem][data-key="AS_01>IND_X"]').click();
  assert.ok((await page.getByTestId('detail').innerText()).includes(`Formula ${SCRIPT}${IMG}`));
  await page.locator('#cruscotti details.cruscotto summary').click();
  for (const table of await page.locator('.chart .btn, .chart summary').all()) await table.click().catch(() => {});
  await assertInert(page, 'app');
  // The copied snippet escapes the name in its title attribute.
  await page.locator('#cruscotti [data-testid=copy-snippet] button').click();
  await page.locator('#cruscotti [data-testid=copy-status]').filter({ hasText: 'Codice copiato' }).waitFor();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(snippet, /title="Cruscotto &lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;"/);
  // A file opened from disk has no address: the snippet names it, and the status says so.
  assert.match(snippet, /plan=hostile\.json/);
  assert.match(await page.locator('#cruscotti [data-testid=copy-status]').textContent(), /pubblicalo accanto a Semaforo con questo nome: hostile\.json/);
  await page.screenshot({ path: path.join(SHOTS, 'embed-hostile-app.png'), fullPage: true });
  await assertClean(page);
  await page.context().close();

  for (const view of ['ENTE', 'AS_01', 'cruscotto/CR_X', 'unit/U1']) {
    const embedded = await open(`?embed=${encodeURIComponent(view)}&plan=e2e-fixtures/hostile.json`);
    await embedded.getByTestId('embed-title').waitFor();
    await assertInert(embedded, view);
    assert.ok((await embedded.title()).includes(SCRIPT), `${view}: the document title is the name, as text`);
    if (view === 'cruscotto/CR_X') await embedded.screenshot({ path: path.join(SHOTS, 'embed-hostile.png'), fullPage: true });
    await assertClean(embedded);
    await embedded.context().close();
  }
});

test('the app runs under its CSP: no inline script, the policy in <meta> and header, no violation while used', async () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`));
  assert.doesNotMatch(html, /<script\b(?![^>]*\ssrc=)[^>]*>/, 'an inline <script> in dist/index.html');
  assert.doesNotMatch(html, /\sstyle=|<style/);
  const response = await fetch(session.server.url);
  assert.equal(response.headers.get('content-security-policy'), `${POLICY}; frame-ancestors 'self'`);
  for (const directive of ["script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'"]) {
    assert.ok(POLICY.includes(directive), directive);
  }

  const page = await open('');
  await page.getByTestId('ente-score').waitFor();
  // The tree's indent comes from classes now that style="" is forbidden.
  const indent = (key) => page.locator(`[role=treeitem][data-key="${key}"]`).evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft));
  await page.locator('[role=treeitem][data-key="AS_01"]').click();
  await page.keyboard.press('ArrowRight');
  assert.ok((await indent('OS_01.01')) > (await indent('AS_01')), 'deeper items are indented');
  await page.locator('.find-panel summary').click();
  await page.locator('#f-verdict').selectOption('missed-partial');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('file-input').setInputFiles(path.join(E2E_FIXTURES, 'embed-scored.json'));
  await page.getByTestId('plan-title').filter({ hasText: 'Prova' }).waitFor();
  await page.locator('#cruscotti details.cruscotto summary').click();
  await page.goto(session.server.url + '?plan=fixtures/massa-carrara-2021.json');
  await page.getByTestId('plan-title').filter({ hasText: 'Massa-Carrara' }).waitFor();
  await page.goto(session.server.url + '?embed=unit/SERV_RI&plan=fixtures/massa-carrara-2021.json');
  await page.getByTestId('embed-title').waitFor();
  await assertClean(page);
  await page.context().close();
});

test('an embedded view and the host page have no serious or critical WCAG 2.1 AA violation (axe-core)', async () => {
  for (const address of ['?embed=cruscotto/CR_RI&plan=e2e-fixtures/embed-scored.json', 'examples/embed/host.html']) {
    const page = await open(address);
    if (address.startsWith('?')) await page.getByTestId('embed-title').waitFor();
    else await settledHeights(page, '#semaforo-cruscotto');
    await page.evaluate(fs.readFileSync(AXE, 'utf8'));
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${address} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), []);
    await page.context().close();
  }
});
