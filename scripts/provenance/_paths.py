"""Folders used by the provenance scripts, without machine paths.

Output goes to the repository's own ``data/``. Inputs (upstream files that are not part of the repository) are
named by an environment variable or, failing that, the script's first command-line argument; each script's
docstring says which files it expects and where their public originals are.
"""
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
SRC = REPO / "src"


def input_dir(variable: str, expects: str) -> Path:
    """The folder named by environment variable `variable` (or argv[1]); exit with a clear message if absent."""
    value = os.environ.get(variable) or (sys.argv[1] if len(sys.argv) > 1 else "")
    if not value:
        raise SystemExit(f"{Path(sys.argv[0]).name}: set {variable} (or pass the folder as first argument) "
                         f"to the folder holding {expects}")
    folder = Path(value)
    if not folder.is_dir():
        raise SystemExit(f"{Path(sys.argv[0]).name}: {variable}={value} is not a folder")
    return folder
