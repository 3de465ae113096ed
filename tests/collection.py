"""The collection executed once per test session (``fast=True``), shared by the modules that read executed outputs.

Under pytest-xdist each worker is its own process. The first worker that asks for executed notebooks runs them into
one output folder shared by the whole session (beside the workers' own temporary folders), holding a file lock
(fcntl, released if its holder dies) and marking each notebook done as it finishes; a worker that asks meanwhile
waits until the notebooks it needs are marked done, then reads the same files. A notebook is executed at most once
per session: test_notebooks.py asks for every notebook (the independent ones side by side through
``run.execute_many``, as ``python -m analysis run`` does, then the overview), the site build and
test_reliability.py only for notebook 01 (``outputs_of``).

Nothing here writes into the repository: the session's folder is under pytest's base temporary folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from pathlib import Path

from analysis.build import run
from analysis.core import claims, paths

_BASE: dict[str, Path] = {}  # "root": the folder shared by this session's workers (set by conftest)
FAST = {"fast": True}


def set_shared_root(folder: Path) -> None:
    _BASE["root"] = Path(folder)


def shared_root() -> Path:
    """The session's shared folder; outside pytest (or before conftest set it), a folder of this process."""
    if "root" not in _BASE:
        import tempfile

        _BASE["root"] = Path(tempfile.mkdtemp(prefix="analysis-test-shared-"))
    _BASE["root"].mkdir(parents=True, exist_ok=True)
    return _BASE["root"]


@contextlib.contextmanager
def output_folder(folder: Path):
    """Point this process, and the worker processes it spawns, at another output folder for a while."""
    before_env, before = os.environ.get("ANALYSIS_OUTPUT"), paths.OUTPUT
    os.environ["ANALYSIS_OUTPUT"], paths.OUTPUT = str(folder), Path(folder)
    try:
        yield folder
    finally:
        paths.OUTPUT = before
        if before_env is None:
            os.environ.pop("ANALYSIS_OUTPUT", None)
        else:
            os.environ["ANALYSIS_OUTPUT"] = before_env


def _failure(err: Exception) -> str:
    details = getattr(err, "details", "")
    return f"{type(err).__name__}: {err}" + (f"\n{details}" if details else "")


def _status_file() -> Path:
    return shared_root() / "collection.json"


def _read_status() -> dict:
    """{"done": stem -> None or the failure, "running": stems being executed now} (written whole, atomically)."""
    try:
        return json.loads(_status_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"done": {}, "running": []}


def _write_status(status: dict) -> None:
    draft = _status_file().with_name(f".{_status_file().name}.{os.getpid()}")
    draft.write_text(json.dumps(status, indent=1), encoding="utf-8")
    os.replace(draft, _status_file())


def executed(stems: list[str] | None = None) -> tuple[Path, dict[str, str | None]]:
    """Execute the notebooks `stems` (default: all) with fast=True into the session's shared output folder, each
    unless this session already has; return (that output folder, stem -> None, or the failure in one message).

    The independent notebooks run side by side (``run.execute_many``), in the order given; the overview
    (``00_*``), which reads the others' verdicts, after them. While another worker executes the notebooks asked
    for, this one waits only until those are done (each is marked done as it finishes), not for the whole set.
    A failure is recorded, never raised here, so that each notebook's own test reports it.
    """
    chosen = run.notebooks() if stems is None else [run.find(s) for s in stems]
    wanted = {nb.stem for nb in chosen}
    lock = shared_root() / "collection.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        while True:
            status = _read_status()
            if wanted <= set(status["done"]):
                break
            try:  # nobody is executing notebooks: execute the missing ones here
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if wanted - set(status["done"]) <= set(status["running"]):
                    time.sleep(0.2)  # another worker is executing them: wait for their marks
                    continue
                fcntl.flock(fd, fcntl.LOCK_EX)  # it executes others: wait for it to finish, then ours
            try:
                _execute_missing(chosen)
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
    return shared_root() / "collection", {nb.stem: _read_status()["done"][nb.stem] for nb in chosen}


def _execute_missing(chosen: list[Path]) -> None:
    """Under the lock: execute those of `chosen` not done yet, marking each done as it finishes."""
    status = _read_status()
    todo = [nb for nb in run.execution_order(chosen) if nb.stem not in status["done"]]
    status["running"] = [nb.stem for nb in todo]
    _write_status(status)

    def done(stem: str, result) -> None:
        status["done"][stem] = _failure(result) if isinstance(result, Exception) else None
        status["running"] = [s for s in status["running"] if s != stem]
        _write_status(status)

    independent = [nb for nb in todo if not nb.stem.startswith("00_")]
    with output_folder(shared_root() / "collection"):
        if independent:
            try:
                run.execute_many(independent, {nb: FAST for nb in independent}, keep_going=True, on_done=done)
            except Exception as err:  # not a notebook's failure (a worker process died): each test says so
                for nb in independent:
                    if nb.stem not in status["done"]:
                        done(nb.stem, err)
        for nb in todo:
            if nb.stem.startswith("00_"):
                try:
                    run.execute(nb, FAST)
                    done(nb.stem, None)
                except Exception as err:  # reported by the test of that notebook
                    done(nb.stem, err)
    status["running"] = []
    _write_status(status)


def outputs_of(stem: str, folder: Path) -> Path:
    """Notebook `stem`'s outputs from this session's run, alone in `folder` as a run of that notebook alone leaves
    them (``python -m analysis run NN --fast``): its figures, figure records, verdicts and results, its executed
    copy, and the claims report written from its verdicts. Raises if the notebook failed."""
    shared, status = executed([stem])
    if status[stem] is not None:
        raise RuntimeError(f"notebook {stem} failed in this session's run: {status[stem]}")
    prefix = stem[:3]  # a notebook's figures, records, verdicts and results are named after its number
    for part in ("figures", "build/figure_records", "build/verdicts", "build/results", "build/notebooks"):
        (folder / part).mkdir(parents=True, exist_ok=True)
        for f in (shared / part).glob(f"{prefix}*"):
            shutil.copy2(f, folder / part / f.name)
    with output_folder(folder):
        claims.write_report()
    return folder
