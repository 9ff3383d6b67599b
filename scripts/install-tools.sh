#!/usr/bin/env bash
# Installs what building and testing Semaforo needs, skipping what is already there at
# the right version. Everything comes from the package registries (crates.io, npm,
# Debian): Trunk and wasm-pack use these tools instead of downloading their own.
# Sourced by scripts/serve and scripts/test.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14 # 0.22 needs a newer rustc than 1.95
WASM_PACK_VERSION=0.15.1
# The CLI must match the wasm-bindgen crate exactly: read it from Cargo.lock.
WASM_BINDGEN_VERSION="$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p' | head -n1)"
WASM_BINDGEN_VERSION="${WASM_BINDGEN_VERSION:-0.2.130}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# wasm-opt comes from npm's binaryen in tests/e2e (Debian's is too old for rustc 1.95).
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

ensure_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# rustfmt and clippy: the test command checks formatting and lints (a minimal rustup
# profile has neither).
ensure_lint_tools() {
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ ${#missing[@]} -gt 0 ]; then
    say "adding ${missing[*]} (rustup)"
    rustup component add "${missing[@]}"
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

# Trunk and wasm-bindgen: enough to build and serve the app.
ensure_app_tools() {
  ensure_wasm_target
  ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
  # No --locked: the registry lacks a dependency version pinned in its lock file.
  ensure_cargo_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli
  (cd "$ROOT" && cargo fetch --quiet)
}

# Everything the tests need besides: wasm-pack, Chromium, the npm test packages.
ensure_test_tools() {
  ensure_app_tools
  ensure_cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  local dir
  for dir in tests/e2e tests/e2e-bindings; do
    if [ -f "$ROOT/$dir/package-lock.json" ] && [ ! -d "$ROOT/$dir/node_modules" ]; then
      say "installing the npm packages of $dir"
      npm ci --prefix "$ROOT/$dir" --no-audit --no-fund --loglevel=error
    fi
  done
}

# Fuzzing (scripts/fuzz): a nightly toolchain (cargo-fuzz needs -Zsanitizer) and
# cargo-fuzz, both only if absent. libFuzzer itself is built from source by the
# libfuzzer-sys crate, so nothing else is downloaded.
ensure_fuzz_tools() {
  if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    say "installing the nightly toolchain (rustup, minimal profile)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz (cargo install, about a minute)"
    cargo install cargo-fuzz --locked
  fi
}

# LibreOffice, headless, for the benchmarks (scripts/bench: Calc through its UNO bridge
# beside Semaforo, Writer making a 100-page report's PDF) and to regenerate the fixtures
# (tests/fixtures/tables/make_corpus.sh, tests/fixtures/pdf/make_pdfs.py): the tests read
# the committed files and need no LibreOffice.
ensure_libreoffice() {
  if ! command -v soffice >/dev/null 2>&1 || ! dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import uno' 2>/dev/null; then
    say "installing Debian's libreoffice-calc-nogui, libreoffice-writer-nogui and python3-uno"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libreoffice-calc-nogui libreoffice-writer-nogui python3-uno >/dev/null
  fi
}
