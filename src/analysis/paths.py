"""Where things live. Every other module asks here, so notebooks run from any working directory."""

from __future__ import annotations

import os
from pathlib import Path


def _find_root() -> Path:
    """The repository root: ANALYSIS_ROOT if set, else the first parent holding data/datapackage.json."""
    env = os.environ.get("ANALYSIS_ROOT")
    if env:
        return Path(env).resolve()
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
_OUT = Path(os.environ["ANALYSIS_OUTPUT"]).resolve() if os.environ.get("ANALYSIS_OUTPUT") else ROOT
FIGURES = _OUT / "figures"
BUILD = _OUT / "build"
RESULTS = BUILD / "results"
VERDICTS = BUILD / "verdicts"  # one CSV per notebook, merged into CLAIMS_REPORT
CLAIMS_REPORT = BUILD / "claims_report.csv"
