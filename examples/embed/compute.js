// compute.html's code: computes a plan's scores with the Semaforo package, in the browser.
// No build step: a plain ES module importing the package that `wasm-pack build --target
// web` writes to bindings/pkg/ (copy that folder beside this page and change the import
// below when embedding it elsewhere).
//
// Text from a plan (names, codes, messages) is only ever put in the page with
// textContent, never parsed as HTML: a plan cannot inject markup or script. The page's
// CSP backs that up (no inline script, Trusted Types, connections to its own origin only).
import init, { evaluate, explain, formatPercent } from '../../bindings/pkg/semaforo_wasm.js';

/** The plan shown at start, unless `?plan=` names another one on the same site. */
const DEFAULT_PLAN = '../../tests/fixtures/tno-2023.json';

const KINDS = {
  ente: 'Ente',
  area: 'Ambito strategico',
  strategic: 'Obiettivo strategico',
  operational: 'Obiettivo operativo',
  unit: 'Unità organizzativa',
  cruscotto: 'Cruscotto',
  group: 'Gruppo di cruscotto',
};

const VERDICTS = {
  raggiunto: 'Raggiunto',
  parzialmente_raggiunto: 'Parzialmente raggiunto',
  non_raggiunto: 'Non raggiunto',
  non_valutabile: 'Non valutabile',
};

const $ = (id) => document.getElementById(id);

/** The package's wasm, fetched from the same origin and compiled once. */
const ready = init();

/** An element with plain text in it: the only way this page writes text. */
function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function setStatus(text, isError = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('severity-error', isError);
}

function renderResults(evaluation, why) {
  const rows = $('rows');
  rows.replaceChildren();
  for (const node of evaluation.nodes) {
    const row = element('tr', undefined, `kind-${node.kind}`);
    row.dataset.id = node.id;
    row.append(
      element('td', node.code),
      element('td', node.name),
      element('td', KINDS[node.kind] ?? node.kind),
      element('td', node.score === undefined ? '—' : formatPercent(node.score, 2), 'number'),
      element('td', node.verdict ? VERDICTS[node.verdict] ?? node.verdict : 'non calcolabile', node.verdict ? `verdict-${node.verdict}` : undefined),
    );
    rows.append(row);
  }
  const ente = evaluation.nodes[0];
  $('plan-name').textContent = ente.name;
  $('ente-why').textContent = `Come si ottiene il punteggio dell'ente: ${why}`;
  $('results').hidden = false;
}

function renderDiagnostics(diagnostics) {
  const list = $('diagnostics');
  list.replaceChildren();
  for (const d of diagnostics) {
    const item = element('li');
    item.dataset.path = d.path;
    item.append(
      element('span', d.severity === 'error' ? 'Errore' : 'Avviso', `severity-${d.severity}`),
      ' in ',
      element('code', d.path === '' ? '(documento)' : d.path),
      `: ${d.message} `,
      element('code', `[${d.code}]`),
    );
    list.append(item);
  }
  $('problems').hidden = diagnostics.length === 0;
}

/** Computes and shows one plan given as JSON text. */
function show(text, label) {
  try {
    const evaluation = evaluate(text);
    const ente = evaluation.nodes[0];
    renderResults(evaluation, explain(text, ente.id, 'it').text);
    renderDiagnostics(evaluation.warnings);
    const score = ente.score === undefined ? 'non calcolabile' : formatPercent(ente.score, 2);
    setStatus(`${label}: punteggio dell'ente ${score}`);
  } catch (error) {
    if (error?.name !== 'SemaforoError') throw error;
    $('results').hidden = true;
    $('rows').replaceChildren();
    renderDiagnostics(error.diagnostics);
    const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
    setStatus(`${label}: il piano ha ${errors} ${errors === 1 ? 'errore' : 'errori'} e non può essere calcolato`, true);
  }
}

async function loadFromSite(address) {
  const url = new URL(address, document.baseURI);
  if (url.origin !== location.origin) {
    setStatus('Il piano deve trovarsi sullo stesso sito di questa pagina.', true);
    return;
  }
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    setStatus(`Il piano ${url.pathname} non si può leggere (HTTP ${response.status}).`, true);
    return;
  }
  show(await response.text(), url.pathname.split('/').pop());
}

$('plan-file').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  if (!file) return;
  setStatus(`Lettura di ${file.name}…`);
  await ready;
  show(await file.text(), file.name);
});

try {
  await ready;
  await loadFromSite(new URLSearchParams(location.search).get('plan') ?? DEFAULT_PLAN);
} catch (error) {
  setStatus(`Semaforo non si è potuto avviare: ${error}`, true);
}
