// Trunk post_build hook (Trunk.toml): makes the built index.html work under a strict
// Content-Security-Policy.
//
// Trunk writes its bootstrap (import the wasm-bindgen glue, start the wasm) as an inline
// <script type="module">, which `script-src 'self'` forbids. This moves every inline
// script into its own file beside index.html, named by a hash of its content, loaded with
// `src` and `integrity`; then it adds the policy (policy.mjs) as the first <meta> after
// the charset, and refuses (exit 1) to leave any inline script, <style>, style="" or
// on…="" attribute behind. Node built-ins only, so it runs on a fresh clone, offline.
//
//     node web/build/csp.mjs [dir]     # dir: $TRUNK_STAGING_DIR, else dist/
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { POLICY } from './policy.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = path.join(dir, 'index.html');

function fail(message) {
  console.error(`csp.mjs: ${file}: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(file)) fail('not found (run after `trunk build`)');
let html = fs.readFileSync(file, 'utf8');

const moved = [];
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (whole, attributes, body) => {
  if (/\ssrc\s*=/i.test(attributes)) return whole;
  if (body.trim() === '') return '';
  const bytes = Buffer.from(`${body.trim()}\n`, 'utf8');
  const name = `boot-${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.js`;
  const integrity = `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
  fs.writeFileSync(path.join(dir, name), bytes);
  moved.push(name);
  return `<script${attributes} src="./${name}" integrity="${integrity}"></script>`;
});

if (!/http-equiv=["']Content-Security-Policy["']/i.test(html)) {
  const charset = /<meta\s+charset=[^>]*>/i;
  if (!charset.test(html)) fail('no <meta charset> to put the policy after');
  // First in <head>: a policy given by <meta> only covers what comes after it.
  html = html.replace(charset, (meta) => `${meta}\n    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />`);
}

const problems = [];
if (/<script\b(?![^>]*\ssrc\s*=)[^>]*>/i.test(html)) problems.push('an inline <script> is left');
if (/<style\b/i.test(html)) problems.push('a <style> element (style-src forbids it)');
if (/<[^>]+\sstyle\s*=/i.test(html)) problems.push('a style="" attribute (style-src forbids it)');
if (/<[^>]+\son[a-z]+\s*=/i.test(html)) problems.push('an on…="" handler attribute (script-src forbids it)');
if (problems.length) fail(problems.join('; '));

fs.writeFileSync(file, html);
console.log(`csp.mjs: ${file}: policy added; inline scripts moved to ${moved.length ? moved.join(', ') : '(none)'}`);
