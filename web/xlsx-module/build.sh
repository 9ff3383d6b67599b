#!/bin/sh
# Builds the table-import modules (crate semaforo-xlsx) into the app's dist/import/ (text
# tables), dist/xlsx/ (with calamine) and dist/pdf/ (with the PDF reader), from Trunk's post_build hook (Trunk.toml): the
# importer is too big for the main bundle, so the app fetches a module with a same-origin
# import() when it first reads a table (dist/xlsx/ only for a workbook).
#     web/xlsx-module/build.sh [OUT_DIR]    (default: $TRUNK_STAGING_DIR, else dist)
# Always a release build (opt-level z, LTO): a debug calamine would be megabytes.
# Offline like the documented `trunk build --offline`: `cargo fetch` has the crates.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-${TRUNK_STAGING_DIR:-$ROOT/dist}}
cd "$ROOT"
# One crate, two modules: text tables only (small), and with calamine for XLSX.
build() { # FEATURES OUT_SUBDIR
  cargo build --offline --locked --release --target wasm32-unknown-unknown -p semaforo-xlsx $1
  mkdir -p "$OUT/$2"
  wasm-bindgen --target web --no-typescript --out-dir "$OUT/$2" \
    target/wasm32-unknown-unknown/release/semaforo_xlsx.wasm
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
build --no-default-features import
build "" xlsx
# The PDF reader (issue 14) without calamine: dist/pdf/, fetched only for a PDF.
build "--no-default-features --features pdf" pdf
