// Builds the package into bindings/pkg/ with wasm-pack, offline: the wasm-bindgen CLI on
// PATH (`--mode no-install`) and wasm-opt from npm's binaryen 132 (Debian's is too old for
// rustc 1.95 output), found on PATH or in tests/e2e/node_modules/.bin, where
// scripts/install-tools.sh installs it. Without a wasm-opt, wasm-pack would try to
// download one: the build stops instead. Run by the tests before they start, only when
// pkg/ is older than its sources (SEMAFORO_SKIP_BUILD=1 skips it), or on its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PKG = path.join(ROOT, 'bindings', 'pkg');

/** The newest modification time of the files the package is built from. */
function newestSource() {
  const roots = ['core/src', 'core/Cargo.toml', 'bindings/src', 'bindings/Cargo.toml', 'Cargo.toml', 'Cargo.lock'];
  let newest = 0;
  const visit = (file) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) for (const name of fs.readdirSync(file)) visit(path.join(file, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const root of roots) visit(path.join(ROOT, root));
  return newest;
}

/** Builds pkg/ unless it is newer than every source (each test file calls this). */
export function build() {
  const wasm = path.join(PKG, 'semaforo_wasm_bg.wasm');
  if (fs.existsSync(wasm) && fs.statSync(wasm).mtimeMs > newestSource()) return;
  const bin = [
    path.join(ROOT, 'tests', 'e2e', 'node_modules', '.bin'),
    path.join(ROOT, 'tools', 'node_modules', '.bin'),
    path.join(os.homedir(), '.cargo', 'bin'),
  ];
  const PATH = [...bin, process.env.PATH].join(path.delimiter);
  const found = PATH.split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, 'wasm-opt')));
  if (!found) {
    throw new Error('no wasm-opt on PATH or in tests/e2e/node_modules/.bin: run `npm ci --prefix tests/e2e` (npm binaryen 132)');
  }
  const env = { ...process.env, PATH };
  // The small wasm profile of the root Cargo.toml (opt-level z), not the native release one.
  const args = ['build', '--target', 'web', '--mode', 'no-install', '--profile', 'wasm-release'];
  const result = spawnSync('wasm-pack', args, { cwd: path.join(ROOT, 'bindings'), env, stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    throw new Error(`wasm-pack ${args.join(' ')} failed in bindings/: ${result.error ?? `exit ${result.status}`}`);
  }
  if (!fs.existsSync(path.join(PKG, 'semaforo_wasm_bg.wasm'))) throw new Error(`no wasm in ${PKG}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build();
