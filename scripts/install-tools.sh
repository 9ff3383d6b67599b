#!/usr/bin/env bash
# Installs what building and testing Semaforo needs, skipping what is already there at
# the right version. Everything comes from the package registries (crates.io, npm,
# Debian): Trunk and wasm-pack are configured to use these tools instead of downloading
# their own. Sourced by scripts/serve and scripts/test; `--browser` adds Chromium.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14 # 0.22 needs a newer rustc than 1.95
# The CLI must match the wasm-bindgen crate exactly: read it from Cargo.lock.
WASM_BINDGEN_VERSION="$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p' | head -n1)"
WASM_BINDGEN_VERSION="${WASM_BINDGEN_VERSION:-0.2.130}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"

ensure_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# ensure_cargo_tool BINARY VERSION CRATE [cargo install flags...]
ensure_cargo_tool() {
  local bin="$1" version="$2" crate="$3"
  shift 3
  if command -v "$bin" >/dev/null 2>&1 && "$bin" --version 2>/dev/null | grep -q " $version\b"; then
    return
  fi
  say "installing $crate $version (cargo install, a few minutes)"
  cargo install "$crate" --version "$version" "$@"
}

ensure_web_tools() {
  ensure_wasm_target
  ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
  # No --locked: the registry lacks a dependency version pinned in its lock file.
  ensure_cargo_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli
  # wasm-pack builds the JavaScript package of the core (bindings/); with
  # `--mode no-install` it uses the wasm-bindgen above instead of downloading one.
  ensure_cargo_tool wasm-pack 0.15.1 wasm-pack
  # wasm-opt from npm's binaryen: Debian's is too old for rustc 1.95's output.
  if [ ! -x "$ROOT/tools/node_modules/.bin/wasm-opt" ]; then
    say "installing wasm-opt (npm binaryen) into tools/"
    npm ci --prefix "$ROOT/tools" --no-audit --no-fund --loglevel=error
  fi
  (cd "$ROOT" && cargo fetch --quiet)
}

ensure_browser() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ]; then
    say "installing the browser-test packages (npm)"
    npm ci --prefix "$ROOT/tests/e2e" --no-audit --no-fund --loglevel=error
  fi
}
