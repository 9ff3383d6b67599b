#!/usr/bin/env python3
"""Time of `semaforo import` on a large table, natively (the release CLI).

Figures, not pass or fail: one row per table size with the median of three runs. The
table is generated here, as a performance-software export would write it: TSV, a heading
row, then GROUPS operational objectives (`OO_00001 - …` group rows with their result),
each with 20 indicator rows of weight 5 % and the value shapes of the seeds (ratios,
percentages, counts, days, deadlines, LaTeX debris). 5 000 groups give 100 000 indicator
rows. The plan goes to /dev/null; the exit code is shown when it is not 0. Seconds are
wall-clock; `cpu s` is the import's own CPU time (the difference is other processes).

Usage: tests/bench/import.py [--no-build] [SEMAFORO_BINARY] [GROUPS ...]
  Builds the release CLI first (cargo build --release -p semaforo-cli) unless --no-build.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
args = sys.argv[1:]
build = "--no-build" not in args
args = [a for a in args if a != "--no-build"]
binary = args[0] if args and not args[0].isdigit() else os.path.join(ROOT, "target/release/semaforo")
sizes = [int(a) for a in args if a.isdigit()] or [5_000]
PER_GROUP = 20
RUNS = 3

# (algorithm, actual, target, achievement): the value shapes of seeds 002 and 004.
SHAPES = [
    ("n atti depositati in modalità telematica / n° atti depositati", "46 N. / 47 N.", ">= 70,00 %", "100,00%"),
    ("Numero imprese supportate nell'anno N", "529,00 N.", ">= 700,00 N.", "75,57%"),
    ("Tempi medi di lavorazione delle pratiche", "1,40 gg", "<= 2,50 gg", "100,00%"),
    ("Data della proposta", "14/06/2023", "Entro 31/05/2023", "86,00%"),
    ("Patrimonio netto / Immobilizzazioni", "146,39 %", "$\\geq 130,00$ %", "100,00%"),
    ("Somma dei giorni di ritardo", "-13,52 N.", "<= 0,00 N.", "100,00%"),
    ("Visitatori sito web anno N", "12.147,50 N.", ">= 7.000,00 N.", "100,00%"),
    ("Notifica delle ordinanze", "235,00 N.", "= 235,00 N.", "100,00%"),
]


def write_table(path, groups):
    with open(path, "w", encoding="utf-8") as out:
        out.write("Piano della performance 2023 - obiettivi operativi\n")
        out.write("OBIETTIVO OPERATIVO\tPESO\tINDICATORE\tALGORITMO\tCONSUNTIVO\tTARGET\tGRADO RAGGIUNGIMENTO\n")
        rows = 2
        for g in range(1, groups + 1):
            out.write(f"OO_{g:05d} - Obiettivo operativo numero {g} dell'ente\t\t\t\t\t\t99,00%\n")
            rows += 1
            for i in range(1, PER_GROUP + 1):
                algorithm, actual, target, achievement = SHAPES[(g + i) % len(SHAPES)]
                out.write(
                    f"\t5,00%\tIO_{g:05d}.{i:02d} Indicatore {i} dell'obiettivo {g}\t{algorithm}"
                    f"\t{actual}\t{target}\t{achievement}\n"
                )
                rows += 1
    return rows


def run(table):
    """Wall-clock and CPU seconds of one import, and its exit code. The CPU time shows how
    much of the wall time other processes on the machine took."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen([binary, "import", table, "--year", "2023"], stdout=sink, stderr=sink)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, child.returncode


if build:
    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "semaforo-cli"], cwd=ROOT, check=True)

print(f"{'rows':>9} {'indicators':>10} {'file':>8} {'seconds':>8} {'cpu s':>7} {'rows/s':>9}   (median of {RUNS})")
with tempfile.TemporaryDirectory() as tmp:
    for groups in sizes:
        table = os.path.join(tmp, f"import-{groups}.tsv")
        rows = write_table(table, groups)
        timings = [run(table) for _ in range(RUNS)]
        seconds = statistics.median(t for t, _, _ in timings)
        cpu = statistics.median(c for _, c, _ in timings)
        codes = sorted({c for _, _, c in timings})
        note = "" if codes == [0] else f"  (exit codes {codes})"
        size = os.path.getsize(table) / (1024 * 1024)
        print(f"{rows:>9} {groups * PER_GROUP:>10} {size:>6.1f}MB {seconds:>8.2f} {cpu:>7.2f} {rows / seconds:>9.0f}{note}")
