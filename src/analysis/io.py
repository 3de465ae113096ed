"""Atomic file output: write to a temporary file beside the target, then rename.

An interrupted run therefore leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

# Temporary files carry this prefix. A process killed mid-write (SIGKILL skips clean-up) can leave one behind
# under this hidden name — never under an output's name; clean_partials() removes them at the next run.
PARTIAL_PREFIX = ".partial-"


@contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it onto `target` only if the block succeeds."""
    target = Path(target)
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


def write_text(target: str | os.PathLike, text: str) -> Path:
    with atomic_path(target) as tmp:
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
    """Delete temporary files whose writer has died (an interrupted run) under `folders`; return them.

    Files of processes still running — another run writing at the same time — are left alone.
    """
    removed = []
    for folder in folders:
        for leftover in Path(folder).rglob(f"{PARTIAL_PREFIX}*"):
            pid = leftover.name[len(PARTIAL_PREFIX):].split("-", 1)[0]
            if pid.isdigit() and _alive(int(pid)):
                continue
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


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
