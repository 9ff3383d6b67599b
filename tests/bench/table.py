#!/usr/bin/env python3
"""The figures of scripts/bench side by side: reads the `BENCH <column> key=value ...`
lines its benchmarks print and the table of tests/bench/memory.py, and prints one row per
measure, one column per plan size, with the ratios to native. A missing figure is `-`.

Usage: tests/bench/table.py LINES MEMORY
"""
import sys

lines_path, memory_path = sys.argv[1], sys.argv[2]
figures = {}  # (column, indicators) -> {key: value}
for line in open(lines_path, encoding="utf-8"):
    if not line.startswith("BENCH "):
        continue
    words = line.split()
    column, values = words[1], dict(w.split("=", 1) for w in words[2:] if "=" in w)
    size = int(values.pop("indicators"))
    figures[(column, size)] = {k: float(v) for k, v in values.items()}

# Columns by the size the plan holds; the app's is the size asked for (40 fewer: the OS's
# own indicators), so sizes within 100 are one plan.
def find(column, size):
    for (c, s), v in figures.items():
        if c == column and abs(s - size) <= 100:
            return v
    return None


def cell(column, key, size, scale=1.0, unit=""):
    v = find(column, size)
    if v is None or key not in v:
        return "-"
    if key == "ente_difference":
        return f"{v[key]:.1e}"
    return f"{v[key] * scale:,.3f}{unit}".replace(",", " ")


def ratio(a_col, a_key, b_col, b_key, size, b_scale=1.0):
    a, b = find(a_col, size), find(b_col, size)
    if not a or not b or a_key not in a or b_key not in b or a[a_key] == 0:
        return "-"
    return f"{b[b_key] * b_scale / a[a_key]:.1f}×"


rows = [
    ("load (parse + validate), native ms", lambda s: cell("native", "load_ms", s)),
    ("evaluate, native ms", lambda s: cell("native", "evaluate_ms", s)),
    ("  of which the arithmetic alone, ms", lambda s: cell("native", "arithmetic_ms", s)),
    ("evaluate, LibreOffice calculateAll() ms", lambda s: cell("libreoffice", "calculate_all_ms", s)),
    ("  LibreOffice / native", lambda s: ratio("native", "evaluate_ms", "libreoffice", "calculate_all_ms", s)),
    ("package evaluate(text) in Chromium ms", lambda s: cell("package", "evaluate_ms", s)),
    ("  package / native load + evaluate", lambda s: ratio_sum(s)),
    ("one edit, native µs (median)", lambda s: cell("native", "edit_median_us", s)),
    ("one edit, native µs (worst of 50)", lambda s: cell("native", "edit_worst_us", s)),
    ("  objectives scored from children, µs (median)", lambda s: cell("native", "wide_edit_median_us", s)),
    ("  objectives scored from children, µs (worst)", lambda s: cell("native", "wide_edit_worst_us", s)),
    ("one edit, package live.edit µs (median)", lambda s: cell("package", "edit_median_us", s)),
    ("one edit, package live.edit µs (worst)", lambda s: cell("package", "edit_worst_us", s)),
    ("one edit, LibreOffice µs (median)", lambda s: cell("libreoffice", "edit_median_ms", s, 1000)),
    ("one edit, LibreOffice µs (worst)", lambda s: cell("libreoffice", "edit_worst_ms", s, 1000)),
    ("  LibreOffice / native (median)", lambda s: ratio("native", "edit_median_us", "libreoffice", "edit_median_ms", s, 1000)),
    ("app: open the plan ms", lambda s: cell("chromium", "open_ms", s)),
    ("app: change -> ente in the DOM ms", lambda s: cell("chromium", "dom_median_ms", s)),
    ("app: change -> next frame ms", lambda s: cell("chromium", "frame_median_ms", s)),
    ("LibreOffice ente − Semaforo's", lambda s: cell("libreoffice", "ente_difference", s)),
]


def ratio_sum(s):
    n, p = find("native", s), find("package", s)
    if not n or not p:
        return "-"
    return f"{p['evaluate_ms'] / (n['load_ms'] + n['evaluate_ms']):.1f}×"


memory = {}  # requested size -> (check peak, × file, evaluate peak, × file)
for line in open(memory_path, encoding="utf-8"):
    words = line.split()
    if len(words) >= 6 and words[0].isdigit():
        memory[int(words[0])] = tuple(words[2:6])

sizes = sorted({s for (c, s) in figures if c == "native"})
width = 48
print(f"{'':<{width}}" + "".join(f"{s:>16,}".replace(",", " ") for s in sizes))
for label, f in rows:
    print(f"{label:<{width}}" + "".join(f"{f(s):>16}" for s in sizes))
mem = [min(memory.items(), key=lambda kv: abs(kv[0] - s), default=(0, ("-",) * 4))[1] for s in sizes]
print(f"{'peak memory, semaforo check (× file)':<{width}}" + "".join(f"{m[0] + ' ' + m[1] + '×':>16}" for m in mem))
print(f"{'peak memory, semaforo evaluate (× file)':<{width}}" + "".join(f"{m[2] + ' ' + m[3] + '×':>16}" for m in mem))
for line in open(lines_path, encoding="utf-8"):
    if "skipped" in line or "did not finish" in line:
        print(line.rstrip())
