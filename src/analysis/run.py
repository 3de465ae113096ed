"""Execute the text notebooks headless: jupytext reads each ``notebooks/NN_*.py``, papermill runs it.

The executed copies land in ``build/notebooks/NN_*.ipynb`` (build products, never committed).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from . import io, paths

EXECUTED = paths.BUILD / "notebooks"


def notebooks() -> list[Path]:
    """The collection's notebooks, in reading order (their number)."""
    return sorted(p for p in paths.NOTEBOOKS.glob("[0-9][0-9]_*.py"))


def execution_order(chosen: list[Path] | None = None) -> list[Path]:
    """Notebooks in the order to run them: the overview (``00_*``), which reads every other notebook's
    verdicts, goes last."""
    chosen = notebooks() if chosen is None else chosen
    return [p for p in chosen if not p.stem.startswith("00_")] + [p for p in chosen if p.stem.startswith("00_")]


def find(name: str) -> Path:
    """A notebook by file name, stem or number prefix (``01``, ``01_refugee_ceilings``)."""
    hits = [p for p in notebooks() if p.stem == name or p.name == name or p.stem.startswith(f"{name}_")]
    if len(hits) != 1:
        raise SystemExit(f"no single notebook matches {name!r}; have: {', '.join(p.stem for p in notebooks())}")
    return hits[0]


def execute(notebook: Path, parameters: dict | None = None, *, out_dir: Path = EXECUTED,
            progress: bool = False) -> tuple[Path, float]:
    """Run one text notebook with optional papermill parameters; return (executed .ipynb, seconds)."""
    import jupytext
    import papermill

    out_dir.mkdir(parents=True, exist_ok=True)
    # The kernel named "python3" must be this environment's, not one a user registered elsewhere.
    here = str(Path(sys.prefix) / "share" / "jupyter")
    if not os.environ.get("JUPYTER_PATH", "").startswith(here):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [here, os.environ.get("JUPYTER_PATH")]))
    start = time.perf_counter()
    nb = jupytext.read(notebook)
    source = out_dir / f"{io.PARTIAL_PREFIX}{os.getpid()}-{notebook.stem}.input.ipynb"
    jupytext.write(nb, source, fmt="ipynb")
    target = out_dir / f"{notebook.stem}.ipynb"
    # Inherited by this run's kernel only. ANALYSIS_HEADLESS: see analysis.interactive. PYTHONHASHSEED: a fixed
    # string-hash seed fixes set and dict iteration order inside libraries (diff-diff's sums otherwise change
    # in the last digits from run to run, and with them the PDF figures).
    kernel_env = {"ANALYSIS_HEADLESS": "1", "PYTHONHASHSEED": "0"}
    before = {key: os.environ.get(key) for key in kernel_env}
    os.environ.update(kernel_env)
    try:
        with io.atomic_path(target) as tmp:
            papermill.execute_notebook(
                str(source), str(tmp), parameters=parameters or {},
                kernel_name="python3", cwd=str(paths.NOTEBOOKS), progress_bar=progress, log_output=False,
                language="python",
            )
    finally:
        source.unlink(missing_ok=True)
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return target, time.perf_counter() - start
