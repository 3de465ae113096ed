"""Where things live. Every other module asks here, so notebooks run from any working directory.

Environment (all resolved once, to absolute paths; the runner passes absolute values to its kernels, so a
relative value means the same folder to the runner and to a kernel whose working directory is ``notebooks/``):

``ANALYSIS_ROOT``     the repository (default: found from the working directory or this file);
``ANALYSIS_OUTPUT``   the folder that receives ``figures/`` and ``build/`` (default: the repository);
``ANALYSIS_STAGING``  set by the runner only: a hidden folder inside the output folder where a running notebook's
                      files are written; the runner moves them into place together when the notebook succeeds
                      (see :func:`staged` and ``analysis.build.run``).
"""

from __future__ import annotations

import os
import sys
import types
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
NOTEBOOKS = ROOT / "notebooks"
# The two roots everything else is derived from, read when used (never frozen into a default argument): DATA holds
# the data package, OUTPUT receives figures/ and build/. Outputs go under the repository unless ANALYSIS_OUTPUT
# names another folder (the tests point OUTPUT at a temporary folder, so a test run never touches the committed
# figures). Set these two; the derived names below follow them.
DATA = ROOT / "data"
OUTPUT = _absolute(os.environ["ANALYSIS_OUTPUT"]) if os.environ.get("ANALYSIS_OUTPUT") else ROOT
STAGING = _absolute(os.environ["ANALYSIS_STAGING"]) if os.environ.get("ANALYSIS_STAGING") else None
INPUTS_RECORD = "inputs.jsonl"  # in STAGING: the data files a kernel read (analysis.core.data.record_input)

_FROM_DATA = {"DESCRIPTOR": "datapackage.json", "CLAIMS_REGISTER": "claims.csv"}
_FROM_OUTPUT = {
    "FIGURES": "figures",
    "BUILD": "build",
    "RESULTS": "build/results",
    "VERDICTS": "build/verdicts",  # one CSV per notebook, merged into CLAIMS_REPORT
    "CLAIMS_REPORT": "build/claims_report.csv",
    "EXECUTED": "build/notebooks",  # executed copies of the notebooks (what the site publishes)
    "FIGURE_RECORDS": "build/figure_records",  # which notebook cell saved each figure (analysis.core.figures.save)
    "FAILED": "build/failed",  # executed copies of notebooks that failed, with the traceback
    "PRIVATE": "build/private",  # default home of runs on a user's own (confidential) panel; never published
}


class _Paths(types.ModuleType):
    """This module's class: the derived paths are computed from DATA and OUTPUT each time they are read, and
    cannot be set (set DATA or OUTPUT instead), so redirecting the outputs is one assignment."""

    def __getattr__(self, name: str) -> Path:
        if name in _FROM_DATA:
            return self.DATA / _FROM_DATA[name]
        if name in _FROM_OUTPUT:
            return self.OUTPUT / _FROM_OUTPUT[name]
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")

    def __setattr__(self, name: str, value) -> None:
        if name in _FROM_DATA or name in _FROM_OUTPUT:
            root = "DATA" if name in _FROM_DATA else "OUTPUT"
            raise AttributeError(f"paths.{name} follows paths.{root}; set {root} instead")
        super().__setattr__(name, value)

    def __dir__(self):
        return sorted({*super().__dir__(), *_FROM_DATA, *_FROM_OUTPUT})


sys.modules[__name__].__class__ = _Paths


def staged(target: str | os.PathLike) -> Path:
    """Where a file meant for `target` is written now: inside the staging folder while the runner stages a
    notebook's outputs (ANALYSIS_STAGING), else `target` itself. Only outputs (under ``figures/`` and ``build/``
    of the output folder) move; data files never do."""
    target = _absolute(os.fspath(target))
    if STAGING is None or target.is_relative_to(STAGING):
        return target
    if target.is_relative_to(OUTPUT / "figures") or target.is_relative_to(OUTPUT / "build"):
        return STAGING / target.relative_to(OUTPUT)
    return target


def redirect_outputs(root: str | os.PathLike) -> Path:
    """Point this process's outputs (figures, results, verdicts, report) at `root` instead of the public ones.

    A notebook opened by hand on a user's panel calls this (through its private-run guard), so nothing it
    writes lands in the tracked ``figures/`` or the public claims report. Returns the absolute `root`.
    """
    global OUTPUT
    OUTPUT = _absolute(os.fspath(root))
    return OUTPUT
