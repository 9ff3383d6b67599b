#!/usr/bin/python3
"""The same plan recalculated by LibreOffice Calc, headless, over its Python UNO bridge.

Writes a workbook of a plan from `semaforo synthetic N` with formulas that give the same
scores as Semaforo (one row per indicator with its achievement's formula, one per OO, OS
and ambito with SUMPRODUCT/SUM, the ente as the mean of the ambiti), then times a full
`calculateAll()` (median of 3) and one incremental edit (an indicator's actual set, the
ente read back) on 50 indicators spread through the plan, and checks that Calc's ente
equals Semaforo's. Prints figures and one `BENCH libreoffice ...` line for scripts/bench.

Runs with Debian's python3 (python3-uno comes with libreoffice-calc-nogui).
Usage: tests/bench/libreoffice.py SEMAFORO_BINARY SIZE [SIZE ...]
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date

import uno  # noqa: F401  (python3-uno)
from com.sun.star.beans import PropertyValue  # noqa: E402

binary = sys.argv[1]
sizes = [int(s) for s in sys.argv[2:]] or [10_000]


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office(tmp):
    pipe = f"semaforo_bench_{os.getpid()}"
    profile = f"file://{tmp}/lo-profile"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--invisible", "--norestore", "--nologo",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            return office, desktop
        except Exception:  # not listening yet
            time.sleep(0.5)
    office.kill()
    raise SystemExit("libreoffice.py: soffice did not start")


def rows_of(plan):
    """Indicator rows (kind, a, b, c, weight), OO/OS ranges and the ambiti's OS, in plan order."""
    indicators, oo, os_, areas = [], [], [], []
    epoch = date(1899, 12, 30)

    def add(ind):
        t, a, w = ind["target"], ind["actual"], float(ind.get("weight", "1"))
        op = t.get("op")
        if op == "deadline" or "date" in t:
            deadline = date.fromisoformat(t["date"])
            done = date.fromisoformat(a["date"])
            indicators.append((2, float((done - epoch).days), float((deadline - epoch).days), 0.0, w))
        elif "ratio" in a:
            indicators.append((3, float(a["ratio"]["numerator"]), float(a["ratio"]["denominator"]), float(t["value"]), w))
        elif op == ">=":
            indicators.append((0, float(a["value"]), float(t["value"]), 0.0, w))
        elif op == "<=":
            indicators.append((1, float(a["value"]), float(t["value"]), 0.0, w))
        else:
            raise SystemExit(f"libreoffice.py: a target this workbook does not model: {t}")

    for area in plan["ente"]["objectives"]:
        first_os = len(os_)
        for strategic in area["objectives"]:
            start = len(indicators)
            for ind in strategic.get("indicators", []):
                add(ind)
            os_.append((start, len(indicators), float(strategic.get("weight", "1"))))
            for operational in strategic.get("objectives", []):
                start = len(indicators)
                for ind in operational.get("indicators", []):
                    add(ind)
                oo.append((start, len(indicators)))
        areas.append((first_os, len(os_)))
    return indicators, oo, os_, areas


# The achievement of each kind of synthetic indicator, as score.rs computes it:
# at least (ratio when missed), at most (target / actual when missed, the default
# policy), a deadline (one point per day late), a percentage from a ratio at least a target.
FORMULAS = [
    "=IF(B{r}>=C{r};100;MAX(0;B{r}/C{r}*100))",
    "=IF(B{r}<=C{r};100;C{r}/B{r}*100)",
    "=MAX(0;MIN(100;100-MAX(0;B{r}-C{r})))",
    "=IF(B{r}/C{r}*100>=D{r};100;MAX(0;B{r}/C{r}*100/D{r}*100))",
]


def build(doc, indicators, oo, os_, areas):
    sheet = doc.Sheets.getByIndex(0)
    chunk = 50_000
    for start in range(0, len(indicators), chunk):
        part = indicators[start:start + chunk]
        end = start + len(part)
        sheet.getCellRangeByPosition(0, start, 4, end - 1).setDataArray(tuple(tuple(float(x) for x in row) for row in part))
        sheet.getCellRangeByPosition(5, start, 5, end - 1).setFormulaArray(
            tuple((FORMULAS[row[0]].format(r=start + i + 1),) for i, row in enumerate(part)))
    mean = "=SUMPRODUCT(F{a}:F{b};E{a}:E{b})/SUM(E{a}:E{b})"
    for start in range(0, len(oo), chunk):
        part = oo[start:start + chunk]
        sheet.getCellRangeByPosition(7, start, 7, start + len(part) - 1).setFormulaArray(
            tuple((mean.format(a=a + 1, b=b),) for a, b in part))
    sheet.getCellRangeByPosition(8, 0, 9, len(os_) - 1).setFormulaArray(
        tuple((mean.format(a=a + 1, b=b), str(w)) for a, b, w in os_))
    sheet.getCellRangeByPosition(10, 0, 10, len(areas) - 1).setFormulaArray(
        tuple((f"=SUMPRODUCT(I{a + 1}:I{b};J{a + 1}:J{b})/SUM(J{a + 1}:J{b})",) for a, b in areas))
    sheet.getCellByPosition(11, 0).setFormula(f"=AVERAGE(K1:K{len(areas)})")
    return sheet


def semaforo_ente(path):
    out = subprocess.run([binary, "evaluate", "--json", path], capture_output=True, check=True).stdout
    return float(json.loads(out)["nodes"][0]["score"])


with tempfile.TemporaryDirectory() as tmp:
    office, desktop = start_office(tmp)
    try:
        for size in sizes:
            path = os.path.join(tmp, f"synthetic-{size}.json")
            with open(path, "wb") as out:
                subprocess.run([binary, "synthetic", str(size)], stdout=out, check=True)
            with open(path) as f:
                indicators, oo, os_, areas = rows_of(json.load(f))
            t0 = time.perf_counter()
            doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
            sheet = build(doc, indicators, oo, os_, areas)
            built = time.perf_counter() - t0
            full = []
            for _ in range(3):
                t = time.perf_counter()
                doc.calculateAll()
                full.append((time.perf_counter() - t) * 1000)
            ente_cell = sheet.getCellByPosition(11, 0)
            ente = ente_cell.getValue()
            expected = semaforo_ente(path)
            edits = []
            for k in range(50):
                row = k * len(indicators) // 50
                cell = sheet.getCellByPosition(1, row)
                was = cell.getValue()
                samples = []
                for n in range(5):
                    t = time.perf_counter()
                    cell.setValue(was + 1 + n % 2)
                    ente_cell.getValue()
                    samples.append((time.perf_counter() - t) * 1000)
                cell.setValue(was)
                edits.append(statistics.median(samples))
            edits.sort()
            doc.close(True)
            print(f"LibreOffice Calc, {len(indicators)} indicators: workbook written in {built:.1f} s;"
                  f" calculateAll() median {statistics.median(full):.1f} ms;"
                  f" one edit median {edits[len(edits) // 2]:.3f} ms, worst {edits[-1]:.3f} ms;"
                  f" ente {ente:.12f} (Semaforo {expected:.12f}, difference {abs(ente - expected):.1e})")
            print(f"BENCH libreoffice indicators={len(indicators)} calculate_all_ms={statistics.median(full):.3f}"
                  f" edit_median_ms={edits[len(edits) // 2]:.4f} edit_worst_ms={edits[-1]:.4f} ente_difference={abs(ente - expected):.3e}")
            sys.stdout.flush()
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
    shutil.rmtree(os.path.join(tmp, "lo-profile"), ignore_errors=True)
