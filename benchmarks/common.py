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


def measure_in_subprocess(code: str, *, env: dict | None = None) -> dict:
    """Run `code` in a fresh Python and return its wall time and peak resident memory (measured, not estimated).

    The code may print one JSON object on its last line (e.g. the estimate), returned as ``output``.
    """
    return measure_command([sys.executable, "-c", code], env=env)


def measure_command(argv: list[str], *, env: dict | None = None, cwd: Path = REPO) -> dict:
    """Run a command; return its wall time, the peak of its process tree's resident memory, and its output.

    Peak memory is sampled (every 50 ms, with psutil) over the child and all its descendants (notebook kernels,
    worker processes), summed: it includes memory libraries allocate outside Python (numpy, numba, Rust). Kernels
    forked by a kernel server (analysis.build.kernels) are the server's children, not the command's: the servers
    this command's kernels use (those whose TMPDIR is the command's) are counted with their kernels.
    Not the child's ``ru_maxrss``: Linux starts a child's maximum from the memory of the process that spawned it
    (vfork/exec), so a large benchmark driver showed its own peak in every case it measured.
    ``stdout`` is the command's standard output; ``output`` the JSON object on its last line, if any.
    """
    import tempfile
    import threading

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, text=True, env=env)
        peak = [0]
        servers_tmpdir = (env or os.environ).get("TMPDIR")
        sampler = threading.Thread(target=_sample_peak_rss, args=(proc, peak, servers_tmpdir), daemon=True)
        sampler.start()
        proc.wait()
        seconds = time.perf_counter() - start
        sampler.join()
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark case failed ({' '.join(map(str, argv))[:200]}):\n{stdout[-2000:]}\n"
                           f"{stderr[-3000:]}")
    last = stdout.strip().splitlines()[-1] if stdout.strip() else "{}"
    return {"seconds": round(seconds, 3), "peak_rss_gib": round(peak[0] / 2**30, 3), "stdout": stdout,
            "output": json.loads(last) if last.startswith("{") else {}}


def _kernel_servers(tmpdir: str | None) -> list:
    """The kernel servers started with TMPDIR `tmpdir` (see analysis.build.kernels), and the kernels they forked."""
    import psutil

    found = []
    if not tmpdir:
        return found
    for p in psutil.process_iter(["cmdline"]):
        try:
            if "--serve" in (p.info["cmdline"] or []) and p.environ().get("TMPDIR") == tmpdir:
                found += [p, *p.children(recursive=True)]
        except psutil.Error:
            pass
    return found


def _sample_peak_rss(proc: subprocess.Popen, peak: list[int], servers_tmpdir: str | None = None,
                     interval: float = 0.05) -> None:
    import psutil

    try:
        root = psutil.Process(proc.pid)
    except psutil.NoSuchProcess:
        return
    servers, last_scan = [], 0.0
    while proc.poll() is None:
        if time.monotonic() - last_scan > 0.5:  # a scan of every process: not at every sample
            servers, last_scan = _kernel_servers(servers_tmpdir), time.monotonic()
        try:
            tree = list({p.pid: p for p in [root, *root.children(recursive=True), *servers]}.values())
        except psutil.Error:
            return
        total = 0
        for p in tree:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        peak[0] = max(peak[0], total)
        time.sleep(interval)


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
