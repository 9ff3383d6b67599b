#!/usr/bin/env python3
"""Time to read a long published report (issue 14): a PDF of PAGES pages or more made here
by LibreOffice Writer, laid out as tests/fixtures/pdf/make_pdfs.py lays the seed 002
report out (landscape, 12 narrow columns, a bordered table over every page with its
heading repeated, rows broken across pages), its table repeated until the report is
long enough. Its first PAGES pages are read by the release CLI (`semaforo import
report.pdf --pages 1-PAGES`, native) and by the app's PDF module (dist/pdf/, wasm in
Node's V8, the engine of Chromium), side by side with the module's download size (gzip). Figures, not pass or fail: the median of three
runs each, and how many tables, rows and indicators were read.

Usage: tests/bench/pdf.py SEMAFORO_BINARY [PAGES]     (default 100 pages)
  Needs soffice (Debian's libreoffice-writer-nogui); dist/pdf/ for the module's column.
"""
import gzip
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNS = 3


def load_maker():
    path = os.path.join(ROOT, "tests/fixtures/pdf/make_pdfs.py")
    spec = importlib.util.spec_from_file_location("make_pdfs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pdf_pages(data):
    # `/Type /Page` objects, not `/Pages`: a count good enough for a label.
    return data.count(b"/Type/Page") - data.count(b"/Type/Pages") or data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def make_report(work, pages):
    maker = load_maker()
    rows = maker.rows_of("maremma-tirreno-2023.tsv")
    title, heading, body = rows[0], rows[1], rows[2:]
    # The seed's 29 pages of table, repeated until there are PAGES pages or more (the
    # first PAGES are read): each copy's names marked as its own.
    copies = max(1, -(-pages // 29))
    table = [heading]
    for k in range(copies):
        table.extend([[c.replace(" - ", f" - (parte {k + 1}) ", 1) if i == 0 else c for i, c in enumerate(r)] for r in body])
    doc = maker.fodt(title[0].strip(), [("Obiettivi operativi con indicatori", [], table)], True,
                     [1.9, 1.9, 2.1, 2.6, 1.4, 3.2, 3.2, 2.4, 1.9, 1.7, 2.6, 1.8], 1,
                     "CCIAA della Maremma e del Tirreno - obiettivi operativi 2023")
    src = os.path.join(work, "relazione-lunga.fodt")
    open(src, "w", encoding="utf-8").write(doc)
    maker.soffice(src, work)
    return os.path.join(work, "relazione-lunga.pdf")


def median_time(command):
    times, out = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        out = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    binary = args[0]
    pages = int(args[1]) if len(args) > 1 else 100
    if not shutil.which("soffice"):
        print("PDF report: skipped, soffice not installed (apt-get install -y libreoffice-writer-nogui)")
        return
    work = tempfile.mkdtemp(prefix="semaforo-bench-pdf-")
    try:
        pdf = make_report(work, pages)
        data = open(pdf, "rb").read()
        count = pdf_pages(data)
        native, out = median_time([binary, "import", pdf, "--report", "--pages", f"1-{pages}"])
        read = "?"
        if out.returncode in (0, 1) and out.stdout.strip():
            report = json.loads(out.stdout)
            tables = report["tables"]["tables"]
            r = report["report"]
            indicators = sum(1 for row in r["rows"] if row.get("kind") == "indicator")
            read = f"{len(tables)} table(s), {sum(t['rows'] for t in tables)} rows, {indicators} indicators"
        module = os.path.join(ROOT, "dist/pdf/semaforo_xlsx.js")
        wasm_line = "PDF module: skipped, no dist/pdf/ (trunk build --release --offline first)"
        size_line = ""
        if os.path.exists(module):
            wasm = os.path.join(ROOT, "dist/pdf/semaforo_xlsx_bg.wasm")
            size = len(gzip.compress(open(wasm, "rb").read(), 9)) + len(gzip.compress(open(module, "rb").read(), 9))
            size_line = f"PDF module download (dist/pdf/, gzip -9): {size / 1024:.1f} KB"
            script = os.path.join(work, "read.mjs")
            open(script, "w").write(
                "import fs from 'node:fs';\n"
                f"const m = await import({json.dumps('file://' + module)});\n"
                f"m.initSync({{ module: fs.readFileSync({json.dumps(wasm)}) }});\n"
                f"const bytes = fs.readFileSync({json.dumps(pdf)});\n"
                "const times = [];\n"
                f"for (let i = 0; i < {RUNS}; i++) {{ const t = performance.now(); const a = JSON.parse(m.import_pdf(bytes, '1-{pages}', 'null', '{{}}')); times.push(performance.now() - t); if (!a.report) throw new Error('no report'); }}\n"
                "times.sort((a, b) => a - b);\n"
                "console.log(times[Math.floor(times.length / 2)] / 1000);\n")
            done = subprocess.run(["node", script], capture_output=True, text=True)
            if done.returncode == 0:
                seconds = float(done.stdout.strip().splitlines()[-1])
                wasm_line = f"PDF module (wasm, Node's V8): {seconds:.2f} s  ({seconds / native:.1f}x native)"
            else:
                wasm_line = "PDF module: failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
        print(f"PDF report: the first {min(pages, count)} of {count} pages ({len(data) / 1024:.0f} KB) read and imported: {read}")
        print(f"  native CLI (semaforo import, release): {native:.2f} s, median of {RUNS}")
        print(f"  {wasm_line}")
        if size_line:
            print(f"  {size_line}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
