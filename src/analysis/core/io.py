"""Safe file output: atomic files, notebook outputs committed together, locks, and folders we own.

* :func:`atomic_path` writes to a temporary file beside the target, then renames: an interrupted run leaves either
  the old file or the new one, never half of one. While the runner stages a notebook (``ANALYSIS_STAGING``), the
  file goes to the staging folder instead (:func:`analysis.core.paths.staged`).
* :func:`commit_staging` moves a notebook's staged files into place together, after a journal that lets the next
  run finish a commit a kill interrupted (:func:`clean_partials`).
* :func:`locked` serialises writers of one output folder.
* :func:`claim_folder` refuses to write into (or delete) a folder this project did not create (a marker file).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from analysis.core import paths

# Temporary files carry this prefix. A process killed mid-write (SIGKILL skips clean-up) can leave one behind
# under this hidden name — never under an output's name; clean_partials() removes them at the next run.
PARTIAL_PREFIX = ".partial-"


@contextmanager
def atomic_path(target: str | os.PathLike, *, stage: bool = True) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it onto `target` only if the block succeeds.

    While the runner stages a notebook's outputs, an output's `target` is replaced by its place in the staging
    folder (``stage=False`` for files that are not outputs, such as caches).
    """
    target = paths.staged(target) if stage else Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # The temporary name keeps the target's suffix, so tools that check it (papermill, matplotlib) accept it.
    # The writer's process id is in the name, so clean-up can tell a live write from a dead one.
    fd, tmp = tempfile.mkstemp(prefix=f"{PARTIAL_PREFIX}{os.getpid()}-{target.stem}-", suffix=target.suffix,
                               dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o644)  # mkstemp creates 0600; outputs are ordinary readable files
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


FOLDER_TAG = "folder"


@contextmanager
def atomic_folder(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a new, empty temporary folder beside `target`; if the block succeeds, it replaces `target` whole.

    For entries that are several files (a cached notebook run): readers see the old folder, no folder, or the
    new one complete, never part of one. A folder left by a killed writer is removed by :func:`clean_partials`.
    Not staged: such folders are caches, not outputs.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{PARTIAL_PREFIX}{os.getpid()}-{FOLDER_TAG}-{target.name}-",
                                dir=target.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o755)  # mkdtemp creates 0700
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_text(target: str | os.PathLike, text: str, *, stage: bool = True) -> Path:
    with atomic_path(target, stage=stage) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(target)


def write_json(target: str | os.PathLike, obj) -> Path:
    """Deterministic JSON: sorted keys, fixed indentation, trailing newline."""
    return write_text(target, json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n")


def write_csv(target: str | os.PathLike, frame) -> Path:
    with atomic_path(target) as tmp:
        frame.to_csv(tmp, index=False, lineterminator="\n")
    return Path(target)


def clean_partials(*folders: str | os.PathLike) -> list[Path]:
    """Delete temporary files and staging folders whose writer has died (an interrupted run); return them.

    A staging folder whose commit journal exists was killed while moving its files into place: the move is
    finished (so the notebook's set of outputs is whole), then the folder removed. Files of processes still
    running — another run writing at the same time — are left alone.
    """
    removed = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for stage in sorted(folder.glob(f"{PARTIAL_PREFIX}*-{STAGING_TAG}-*")):
            if stage.is_dir() and not _alive_writer(stage):
                if (stage / COMMIT_JOURNAL).is_file():
                    _finish_commit(stage)
                shutil.rmtree(stage, ignore_errors=True)
                removed.append(stage)
        for draft in folder.rglob(f"{PARTIAL_PREFIX}*-{FOLDER_TAG}-*"):  # atomic_folder's, its writer dead
            if draft.is_dir() and not _alive_writer(draft):
                shutil.rmtree(draft, ignore_errors=True)
                removed.append(draft)
        for leftover in folder.rglob(f"{PARTIAL_PREFIX}*"):
            if leftover.is_dir() or _alive_writer(leftover):
                continue
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def _alive_writer(path: Path) -> bool:
    pid = path.name[len(PARTIAL_PREFIX):].split("-", 1)[0]
    return pid.isdigit() and _alive(int(pid))


# --------------------------------------------------------------------------------------- staged commit
STAGING_TAG = "staging"
COMMIT_JOURNAL = "COMMIT.json"


def staging_folder(output: str | os.PathLike, label: str) -> Path:
    """A new, empty, hidden staging folder inside `output` for one notebook run (named with this process id)."""
    folder = Path(output) / f"{PARTIAL_PREFIX}{os.getpid()}-{STAGING_TAG}-{label}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def commit_staging(staging: Path, output: Path, extra: dict[Path, Path] | None = None) -> list[Path]:
    """Move every file staged in `staging` to the same place under `output` (plus `extra`: staged file → target),
    then remove `staging`; return the targets.

    A journal listing the moves is written first: a run killed half-way through the moves is completed by the
    next run's :func:`clean_partials`, so a notebook's outputs are replaced all together or not at all.
    """
    moves = {}
    for f in sorted(staging.rglob("*")):
        if f.is_file() and not f.name.startswith(PARTIAL_PREFIX) and not f.name.startswith(COMMIT_JOURNAL):
            moves[f] = output / f.relative_to(staging)
    for src, dst in (extra or {}).items():
        moves[Path(src)] = Path(dst)
    draft = staging / f"{COMMIT_JOURNAL}.draft"  # renamed into place whole: a half-written journal never counts
    with open(draft, "w", encoding="utf-8") as handle:
        json.dump([[str(s), str(d)] for s, d in moves.items()], handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(draft, staging / COMMIT_JOURNAL)
    _finish_commit(staging)
    return list(moves.values())


def _finish_commit(staging: Path) -> None:
    for src, dst in json.loads((staging / COMMIT_JOURNAL).read_text(encoding="utf-8")):
        src, dst = Path(src), Path(dst)
        if src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
    shutil.rmtree(staging, ignore_errors=True)


# ------------------------------------------------------------------------------------------------- locks
@contextmanager
def locked(lock_file: str | os.PathLike, what: str = "this folder") -> Iterator[None]:
    """Hold an exclusive lock on `lock_file` for the block; say so if another process holds it and wait."""
    import fcntl

    lock_file = Path(lock_file)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another run writing to {what} to finish ...", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ------------------------------------------------------------------------------------- folders we own
class FolderNotOurs(RuntimeError):
    """A command was asked to write into (and so replace) a folder it did not create."""


def claim_folder(folder: str | os.PathLike, marker: str, purpose: str) -> Path:
    """Make `folder` ours to replace, or refuse: it must be new, empty, or carry `marker` (left by an earlier
    call). Never a folder holding the repository. Returns the absolute folder, created, with the marker."""
    folder = Path(folder).expanduser().resolve()
    if folder == paths.ROOT or paths.ROOT.is_relative_to(folder):
        raise FolderNotOurs(f"refusing to use {folder} for {purpose}: it holds the repository; choose a new folder")
    if folder.exists() and not folder.is_dir():
        raise FolderNotOurs(f"refusing to use {folder} for {purpose}: it is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / marker).is_file():
        raise FolderNotOurs(f"refusing to replace {folder} for {purpose}: it holds files this command did not "
                            f"create (no {marker} marker); choose a new or empty folder")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / marker).write_text(f"created by python -m analysis for {purpose}; safe to replace\n", encoding="utf-8")
    return folder


def _alive(pid: int) -> bool:
    """Whether process `pid` is running (a zombie, dead but not yet reaped, counts as dead)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][:1] != "Z"
    except (OSError, IndexError):
        return True
