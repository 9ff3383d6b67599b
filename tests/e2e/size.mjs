// Prints the download size of the release build (dist/): wasm + js + css, raw and
// gzipped with node's zlib (level 9), and fails when the gzipped total passes the budget.
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
console.log(`${kb(raw)} KB raw ${kb(gz)} KB gzip  total (budget ${BUDGET_KB} KB gzip)`);
if (gz > BUDGET_KB * 1024) {
  console.error(`over budget by ${((gz - BUDGET_KB * 1024) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
