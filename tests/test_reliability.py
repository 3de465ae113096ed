"""Runs that are repeatable, offline and safe to interrupt.

Each test runs the command-line runner in a subprocess with its own ANALYSIS_OUTPUT folder, so the
repository's figures/ and build/ are never touched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.core import io

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = "01"  # the quickest notebook; the machinery is the same for all


def _run(output: Path, *extra: str, wrapper: list[str] | None = None, **popen) -> subprocess.Popen:
    env = dict(os.environ, ANALYSIS_OUTPUT=str(output), MPLBACKEND="Agg")
    cmd = [*(wrapper or []), sys.executable, "-m", "analysis", "run", NOTEBOOK, "--fast", *extra]
    return subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True, **popen)


def _finish(proc: subprocess.Popen, timeout: float = 300) -> str:
    out, _ = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, out
    return out


def _digests(output: Path) -> dict[str, str]:
    """sha256 of every output file (figures, results, verdicts, claims report), by relative path."""
    files = [p for p in output.rglob("*") if p.is_file() and "notebooks" not in p.parts and p.suffix != ".lock"]
    return {str(p.relative_to(output)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_two_runs_give_byte_identical_outputs(tmp_path):
    _finish(_run(tmp_path / "a"))
    _finish(_run(tmp_path / "b"))
    first, second = _digests(tmp_path / "a"), _digests(tmp_path / "b")
    assert "build/claims_report.csv" in first and any(k.endswith(".png") for k in first)
    assert first == second


@pytest.mark.skipif(shutil.which("unshare") is None or os.geteuid() != 0,
                    reason="needs unshare and root to run in a network namespace without network")
def test_notebook_runs_with_no_network(tmp_path):
    # A fresh network namespace has no route anywhere; only loopback (for the kernel's sockets) is brought up.
    wrapper = ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$0" "$@"']
    out = _finish(_run(tmp_path, wrapper=wrapper))
    assert "claims report" in out
    assert (tmp_path / "build" / "verdicts" / "01_refugee_ceilings.csv").is_file()


def test_interrupted_run_leaves_earlier_outputs_intact(tmp_path):
    _finish(_run(tmp_path))
    before = _digests(tmp_path)
    proc = _run(tmp_path, "--force")  # executed, not restored from the run cache
    deadline = time.monotonic() + 120
    # Kill the whole process group (runner and kernel) once the kernel has started writing figures.
    while time.monotonic() < deadline and proc.poll() is None:
        writing = list(tmp_path.rglob(f"{io.PARTIAL_PREFIX}*/figures/*"))  # the run's staged figures
        if writing or time.monotonic() > deadline - 110:  # mid-write, or 10 s into the run
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    # The kernel runs in its own session; it exits once it sees its parent gone. Wait for that, as a user
    # re-running after an interruption would find it.
    writers = {int(p.name[len(io.PARTIAL_PREFIX):].split("-", 1)[0]) for p in tmp_path.rglob(f"{io.PARTIAL_PREFIX}*")}
    for pid in writers:
        for _ in range(300):
            if not io._alive(pid):
                break
            time.sleep(0.1)
    after = _digests(tmp_path)
    # the run's hidden staging folder and temporary files are not outputs; everything else must be unchanged
    visible = {k: v for k, v in after.items() if not any(part.startswith(io.PARTIAL_PREFIX) for part in Path(k).parts)}
    assert visible == before, "an output was changed or truncated by the interrupted run"
    _finish(_run(tmp_path))  # re-running after the interruption succeeds and cleans up
    assert not list(tmp_path.rglob(f"{io.PARTIAL_PREFIX}*"))
    assert _digests(tmp_path) == before
