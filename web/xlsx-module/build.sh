#!/bin/sh
# Builds the on-demand modules (crate semaforo-xlsx) into the app's dist/import/ (the
# importer's panel and text tables), dist/xlsx/ (with calamine), dist/audit/ (the
# audit of the "Verifica" section) and dist/pdf/ (the PDF reader), from Trunk's post_build hook (Trunk.toml): they are
# too big for the main bundle, so the app fetches each with a same-origin import() when
# it is first needed (dist/xlsx/ only for a workbook).
#     web/xlsx-module/build.sh [OUT_DIR]    (default: $TRUNK_STAGING_DIR, else dist)
# Always the wasm-release profile (opt-level z, LTO; root Cargo.toml): a debug calamine would be megabytes.
# Offline like the documented `trunk build --offline`: `cargo fetch` has the crates.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-${TRUNK_STAGING_DIR:-$ROOT/dist}}
cd "$ROOT"
# One crate, four modules.
build() { # FEATURES OUT_SUBDIR
  cargo build --offline --locked --profile wasm-release --target wasm32-unknown-unknown -p semaforo-xlsx $1
  mkdir -p "$OUT/$2"
  wasm-bindgen --target web --no-typescript --out-dir "$OUT/$2" \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/semaforo_xlsx.wasm"
  # The same binaryen as Trunk's own wasm-opt (Trunk.toml [tools]); Debian's is too old.
  if [ -x "$OPT" ]; then
    "$OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals "$OUT/$2/semaforo_xlsx_bg.wasm" -o "$OUT/$2/semaforo_xlsx_bg.wasm"
  else
    echo "build.sh: wasm-opt not found: dist/$2 left unoptimised" >&2
  fi
}
OPT=$(command -v wasm-opt || true)
[ -n "$OPT" ] || OPT="$ROOT/tests/e2e/node_modules/.bin/wasm-opt"
build "--no-default-features --features ui" import
build "" xlsx
build "--no-default-features --features audit" audit
# The PDF reader (issue 14) without calamine: dist/pdf/, fetched only for a PDF.
build "--no-default-features --features pdf" pdf
