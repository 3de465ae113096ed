"""Where things live. Every other module asks here, so notebooks run from any working directory.

Environment (all resolved once, to absolute paths; the runner passes absolute values to its kernels, so a
relative value means the same folder to the runner and to a kernel whose working directory is ``notebooks/``):

``ANALYSIS_ROOT``     the repository (default: found from the working directory or this file);
``ANALYSIS_OUTPUT``   the folder that receives ``figures/`` and ``build/`` (default: the repository);
``ANALYSIS_STAGING``  set by the runner only: a hidden folder inside the output folder where a running notebook's
                      files are written; the runner moves them into place together when the notebook succeeds
                      (see :func:`staged` and ``analysis.run``).
"""

from __future__ import annotations

import os
from pathlib import Path


def _absolute(value: str) -> Path:
    return Path(value).expanduser().resolve()


def _find_root() -> Path:
    """The repository root: ANALYSIS_ROOT if set, else the first parent holding data/datapackage.json."""
    env = os.environ.get("ANALYSIS_ROOT")
    if env:
        root = _absolute(env)
        if not (root / "data" / "datapackage.json").is_file():
            raise FileNotFoundError(f"ANALYSIS_ROOT={env!r} ({root}) holds no data/datapackage.json")
        return root
    for parent in [Path.cwd(), *Path.cwd().parents, *Path(__file__).resolve().parents]:
        if (parent / "data" / "datapackage.json").is_file():
            return parent
    raise FileNotFoundError(
        "Cannot find the repository root (a folder with data/datapackage.json); set ANALYSIS_ROOT."
    )


ROOT = _find_root()
DATA = ROOT / "data"
DESCRIPTOR = DATA / "datapackage.json"
CLAIMS_REGISTER = DATA / "claims.csv"
NOTEBOOKS = ROOT / "notebooks"
# Outputs go under the repository unless ANALYSIS_OUTPUT names another folder (the tests use a temporary one,
# so a test run never touches the committed figures).
OUTPUT = _absolute(os.environ["ANALYSIS_OUTPUT"]) if os.environ.get("ANALYSIS_OUTPUT") else ROOT
FIGURES = OUTPUT / "figures"
BUILD = OUTPUT / "build"
RESULTS = BUILD / "results"
VERDICTS = BUILD / "verdicts"  # one CSV per notebook, merged into CLAIMS_REPORT
CLAIMS_REPORT = BUILD / "claims_report.csv"
EXECUTED = BUILD / "notebooks"  # executed copies of the notebooks (what the site publishes)
FAILED = BUILD / "failed"  # executed copies of notebooks that failed, with the traceback
PRIVATE = BUILD / "private"  # default home of runs on a user's own (confidential) panel; never published
STAGING = _absolute(os.environ["ANALYSIS_STAGING"]) if os.environ.get("ANALYSIS_STAGING") else None


def staged(target: str | os.PathLike) -> Path:
    """Where a file meant for `target` is written now: inside the staging folder while the runner stages a
    notebook's outputs (ANALYSIS_STAGING), else `target` itself. Only outputs (under ``figures/`` and ``build/``
    of the output folder) move; data files never do."""
    target = _absolute(os.fspath(target))
    if STAGING is None or target.is_relative_to(STAGING):
        return target
    if target.is_relative_to(FIGURES) or target.is_relative_to(BUILD):
        return STAGING / target.relative_to(OUTPUT)
    return target


def redirect_outputs(root: str | os.PathLike) -> Path:
    """Point this process's outputs (figures, results, verdicts, report) at `root` instead of the public ones.

    A notebook opened by hand on a user's panel calls this (through its private-run guard), so nothing it
    writes lands in the tracked ``figures/`` or the public claims report. Returns the absolute `root`.
    """
    global OUTPUT, FIGURES, BUILD, RESULTS, VERDICTS, CLAIMS_REPORT, EXECUTED, FAILED, PRIVATE
    OUTPUT = _absolute(os.fspath(root))
    FIGURES, BUILD = OUTPUT / "figures", OUTPUT / "build"
    RESULTS, VERDICTS, CLAIMS_REPORT = BUILD / "results", BUILD / "verdicts", BUILD / "claims_report.csv"
    EXECUTED, FAILED, PRIVATE = BUILD / "notebooks", BUILD / "failed", BUILD / "private"
    return OUTPUT
