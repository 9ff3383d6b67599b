#!/usr/bin/env python3
"""Peak memory of `semaforo check` and `semaforo evaluate` against the plan's file size.

Figures, not pass or fail: one row per plan size, side by side. The target (issue
"nothing panics, nothing hangs") is a peak under 8 times the file. Each command runs in
a child process of its own, whose peak resident size the kernel reports on exit.

Usage: tests/bench/memory.py [SEMAFORO_BINARY] [SIZE ...]
"""
import os
import resource
import subprocess
import sys
import tempfile

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/semaforo"
sizes = [int(s) for s in sys.argv[2:]] or [10_000, 100_000, 320_000]


def peak_of(args):
    """Runs one command in a fresh child and returns its peak resident size in bytes."""
    # A fork of its own, so that RUSAGE_CHILDREN holds this command's peak alone.
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execv(args[0], args)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss * 1024, code


print(f"{'indicators':>10} {'file':>9} {'check peak':>11} {'×file':>6} {'evaluate peak':>14} {'×file':>6}")
with tempfile.TemporaryDirectory() as tmp:
    for size in sizes:
        plan = os.path.join(tmp, f"synthetic-{size}.json")
        with open(plan, "wb") as out:
            subprocess.run([binary, "synthetic", str(size)], stdout=out, check=True)
        file_size = os.path.getsize(plan)
        check, check_code = peak_of([binary, "check", plan])
        evaluation, evaluate_code = peak_of([binary, "evaluate", plan])
        mib = 1024 * 1024
        note = "" if check_code == 0 and evaluate_code == 0 else f"  (exit codes {check_code}, {evaluate_code})"
        print(
            f"{size:>10} {file_size / mib:>7.1f}MB {check / mib:>9.0f}MB {check / file_size:>6.1f}"
            f" {evaluation / mib:>12.0f}MB {evaluation / file_size:>6.1f}{note}"
        )
