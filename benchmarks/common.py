"""Shared plumbing for the benchmarks: machine facts, measured peak memory, and one results file.

Benchmarks are not tests: they never run in CI. ``make bench`` runs every ``benchmarks/bench_*.py``; each
appends its records to ``build/bench.json`` (a JSON list, one record per measured case).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH_FILE = REPO / "build" / "bench.json"


def machine() -> dict:
    """What the numbers were measured on."""
    import numpy

    mem_kib = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                    if line.startswith("MemTotal")), 0)
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "memory_gib": round(mem_kib / 2**20, 1), "numpy": numpy.__version__,
            "processor": platform.processor() or platform.machine()}


def measure_in_subprocess(code: str) -> dict:
    """Run `code` in a fresh Python and return its wall time and peak resident memory (measured, not estimated).

    The code may print one JSON object on its last line (e.g. the estimate), returned as ``output``.
    Peak memory is that child's own maximum resident set size (os.wait4), so it includes memory libraries
    allocate outside Python (numpy, numba, Rust).
    """
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark case failed:\n{stderr[-3000:]}")
    last = stdout.strip().splitlines()[-1] if stdout.strip() else "{}"
    return {"seconds": round(seconds, 3), "peak_rss_gib": round(usage.ru_maxrss / 2**20, 3),
            "output": json.loads(last) if last.startswith("{") else {}}


def record(benchmark: str, cases: list[dict]) -> None:
    """Append the cases of one benchmark run to build/bench.json with the machine and a timestamp."""
    BENCH_FILE.parent.mkdir(parents=True, exist_ok=True)
    runs = json.loads(BENCH_FILE.read_text()) if BENCH_FILE.is_file() else []
    runs.append({"benchmark": benchmark, "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                 "machine": machine(), "cases": cases})
    BENCH_FILE.write_text(json.dumps(runs, indent=2) + "\n")


def table(cases: list[dict], columns: list[str]) -> str:
    """A plain-text table of the chosen columns."""
    rows = [[str(c.get(col, "")) for col in columns] for c in cases]
    widths = [max(len(col), *(len(r[i]) for r in rows)) for i, col in enumerate(columns)]
    line = lambda cells: "  ".join(cell.ljust(w) for cell, w in zip(cells, widths))  # noqa: E731
    return "\n".join([line(columns), line(["-" * w for w in widths]), *map(line, rows)])
