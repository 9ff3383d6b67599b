// A tiny static server for the release build: dist/ at the root, and the repository's
// plan fixtures under /fixtures/ so that `?plan=fixtures/x.json` is a same-origin fetch.
// Binds 127.0.0.1 on a free port chosen by the system.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { headerPolicy } from '../../web/build/policy.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
// Embedded views (issue 5): the host-page example, and plans made for the browser tests.
export const EXAMPLES = path.join(ROOT, 'examples');
export const E2E_FIXTURES = path.join(ROOT, 'tests', 'e2e', 'fixtures');
const MOUNTS = [['/fixtures/', FIXTURES], ['/examples/', EXAMPLES], ['/e2e-fixtures/', E2E_FIXTURES]];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function assertBuilt() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`no release build in ${DIST}: run \`trunk build --release --offline\` at the repository root first`);
  }
}

/** Starts the server; resolves to { url, close }. */
export function serve() {
  assertBuilt();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    let base = DIST;
    for (const [prefix, dir] of MOUNTS) {
      if (pathname.startsWith(prefix)) {
        base = dir;
        pathname = pathname.slice(prefix.length - 1);
        break;
      }
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.normalize(path.join(base, pathname));
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      // The app's policy as a header too (web/build/policy.mjs), with frame-ancestors,
      // which only a header can carry: every test runs under it.
      'content-security-policy': headerPolicy(),
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Registers the suite's set-up and tear-down: the static server and one headless
 * Chromium, shared by the file's tests, and the screenshots folder. Returns the
 * session, whose `server` and `browser` are set once `before` has run.
 */
export function useBrowser() {
  const session = { server: null, browser: null };
  before(async () => {
    session.server = await serve();
    session.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Where the tests write their screenshots (git ignores it). */
export const SHOTS = path.join(ROOT, 'tests', 'e2e', 'screenshots');
