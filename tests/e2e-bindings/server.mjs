// A tiny static server for the package tests: the repository root, limited to the page,
// the built package and the fixtures, on 127.0.0.1 and a free port, with the CSP header
// that bindings/README.md recommends for pages embedding the package.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './build.mjs';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** Only these folders are served. */
const SERVED = ['examples/embed', 'bindings/pkg', 'tests/fixtures'].map((p) => path.join(ROOT, p) + path.sep);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Starts the server; resolves to { origin, close }. `extra` maps more paths to
 * generated files: { '/bindings/x.js': { type: '.js', body: '…' } }.
 */
export function serve(extra = {}) {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (Object.hasOwn(extra, pathname)) {
      const { type, body } = extra[pathname];
      res.writeHead(200, { 'content-type': TYPES[type], 'content-security-policy': CSP, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    const file = path.normalize(path.join(ROOT, pathname));
    const ok = SERVED.some((dir) => file.startsWith(dir)) && fs.existsSync(file) && fs.statSync(file).isFile();
    if (!ok) {
      res.writeHead(404, { 'content-type': 'text/plain', 'content-security-policy': CSP });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }),
      });
    });
  });
}

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
