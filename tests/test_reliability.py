"""Runs that are repeatable, offline and safe to interrupt.

Notebook 01 is run by the command-line runner in a subprocess, with its own ANALYSIS_OUTPUT folder, so the
repository's figures/ and build/ are never touched. That one run serves every test: it is the one without network,
the interrupted re-run happens in its folder, and it is compared with the session's other run of notebook 01
(tests/collection.py: executed once per session for test_notebooks.py and the site, by ``run.execute_many`` in
another process), whose outputs are laid out as a run of notebook 01 alone leaves them.
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

import collection
import pytest

from analysis.build import run
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


OFFLINE = shutil.which("unshare") is not None and os.geteuid() == 0
NEED_OFFLINE = "needs unshare and root to run in a network namespace without network"


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """Notebook 01 run by the command line into a folder of its own; where the machine allows it, in a fresh network
    namespace with no route anywhere (only loopback, for the kernel's sockets, is brought up). Returns the folder,
    its outputs' digests right after the run, and what the run printed."""
    folder = tmp_path_factory.mktemp("first_run")
    wrapper = ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$0" "$@"'] if OFFLINE else None
    out = _finish(_run(folder, wrapper=wrapper))
    return folder, _digests(folder), out


@pytest.fixture(scope="module")
def second_run(tmp_path_factory):
    """The session's other run of notebook 01 (tests/collection.py), in a folder as a run of it alone leaves it."""
    return collection.outputs_of(run.find(NOTEBOOK).stem, tmp_path_factory.mktemp("second_run"))


def test_two_runs_give_byte_identical_outputs(first_run, second_run):
    first, second = first_run[1], _digests(second_run)
    assert "build/claims_report.csv" in first and any(k.endswith(".png") for k in first)
    assert first == second


@pytest.mark.skipif(not OFFLINE, reason=NEED_OFFLINE)
def test_notebook_runs_with_no_network(first_run):
    folder, _, out = first_run
    assert "claims report" in out
    assert (folder / "build" / "verdicts" / "01_refugee_ceilings.csv").is_file()


def test_interrupted_run_leaves_earlier_outputs_intact(first_run):
    """Interrupts a re-run in the first run's folder; the folder ends as it was (the two-runs test compares the
    digests taken before)."""
    tmp_path, before, _ = first_run
    assert _digests(tmp_path) == before
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
