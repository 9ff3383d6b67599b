// The package's TypeScript types (bindings/src/types.d.ts, emitted into
// bindings/pkg/semaforo_wasm.d.ts) compile under --strict with usage.ts, which uses every
// function and expects the type errors it marks.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

before(() => {
  if (!process.env.SEMAFORO_SKIP_BUILD) build();
});

test('the TypeScript types accept correct use and refuse mistakes', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler', '--lib', 'es2022,dom,esnext.disposable', path.join(HERE, 'usage.ts')];
  const result = spawnSync(process.execPath, [tsc, ...args], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});
