// Prints the download size of the release build (dist/): wasm + js + css, raw and
// gzipped with node's zlib (level 9), and says whether the total is within the budget.
//     node tests/e2e/size.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, assertBuilt } from './server.mjs';

const BUDGET_KB = 400;
assertBuilt();
let raw = 0;
let gz = 0;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
for (const name of fs.readdirSync(DIST).sort()) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const bytes = fs.readFileSync(path.join(DIST, name));
  const zipped = zlib.gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`${kb(bytes.length)} KB raw ${kb(zipped)} KB gzip  ${name}`);
}
// wasm-bindgen snippets (inline JS of the app) load with the main bundle.
const SNIPPETS = path.join(DIST, 'snippets');
for (const name of fs.existsSync(SNIPPETS) ? fs.readdirSync(SNIPPETS, { recursive: true }).sort() : []) {
  const file = path.join(SNIPPETS, name);
  if (!/\.js$/.test(name) || !fs.statSync(file).isFile()) continue;
  const bytes = fs.readFileSync(file);
  raw += bytes.length;
  gz += zlib.gzipSync(bytes, { level: 9 }).length;
  console.log(`${kb(bytes.length)} KB raw ${kb(zlib.gzipSync(bytes, { level: 9 }).length)} KB gzip  snippets/${name}`);
}
console.log(`${kb(raw)} KB raw ${kb(gz)} KB gzip  total (budget ${BUDGET_KB} KB gzip)`);
// The on-demand modules are fetched only when used, so they are reported apart and not
// counted in the main bundle's budget: dist/import/ (the importer's panel and text
// tables), dist/xlsx/ (calamine, for workbooks), dist/audit/ (the Verifica panel) and
// dist/pdf/ (the PDF reader).
for (const dir of ['import', 'xlsx', 'audit', 'pdf']) {
  const DIR = path.join(DIST, dir);
  if (!fs.existsSync(DIR)) continue;
  let xraw = 0;
  let xgz = 0;
  for (const name of fs.readdirSync(DIR).sort()) {
    if (!/\.(wasm|js)$/.test(name)) continue;
    const bytes = fs.readFileSync(path.join(DIR, name));
    xraw += bytes.length;
    xgz += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`${kb(xraw)} KB raw ${kb(xgz)} KB gzip  ${dir}/ (on demand, outside the budget)`);
}
// A benchmark prints figures; it does not fail the run (DEVELOPERS.md): the verdict
// against the budget is printed for whoever reads it.
if (gz > BUDGET_KB * 1024) {
  console.log(`OVER BUDGET by ${((gz - BUDGET_KB * 1024) / 1024).toFixed(1)} KB`);
} else {
  console.log(`within budget, ${((BUDGET_KB * 1024 - gz) / 1024).toFixed(1)} KB to spare`);
}
