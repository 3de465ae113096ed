"""One site build shared by test_site.py and test_browser.py (built once per pytest process, in a temporary folder).

The site is that of a checkout where only notebook 01 has been run: its executed copy, figures, figure records and
verdicts are fresh (notebook 01 executed with fast=True; the run is the session's shared one, tests/collection.py,
so it is not executed a second time for the site), and every other notebook in notebooks/ is rendered from its
text, unexecuted, which is also what the site does for a notebook nobody has run yet.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path

import collection

from analysis.core import claims, paths
from analysis.build import run, site

SITE_NOTEBOOK = "01_refugee_ceilings"


@functools.lru_cache(maxsize=1)
def built_site() -> tuple[Path, Path, dict]:
    """(site folder, folder of executed notebooks, what went in); ANALYSIS_SITE_DIR=path tests a built site.

    What went in: ``figures_dir`` (the figures the site was built from, frozen), ``report`` (the claims report the
    pages were made from), ``notebooks`` (the text notebooks in notebooks/ then).
    """
    if os.environ.get("ANALYSIS_SITE_DIR"):
        built = Path(os.environ["ANALYSIS_SITE_DIR"]).resolve()
        return built, built.parent / "notebooks", {"figures_dir": paths.FIGURES, "report": claims.report(),
                                                   "notebooks": run.notebooks()}
    root = Path(tempfile.mkdtemp(prefix="site-", dir=collection.shared_root()))  # pytest prunes old sessions' folders
    try:  # notebook 01's outputs only, whatever else the shared run holds
        output = collection.outputs_of(SITE_NOTEBOOK, root / "output")
    except RuntimeError as err:
        raise RuntimeError(f"the site cannot be built: {err}") from None
    executed = root / "notebooks"
    executed.mkdir()
    shutil.copy2(output / "build" / "notebooks" / f"{SITE_NOTEBOOK}.ipynb", executed)
    with collection.output_folder(output):
        report, notebooks = claims.report(), run.notebooks()
        site.build(executed, root / "site", figures_dir=output / "figures")
    return root / "site", executed, {"figures_dir": output / "figures", "report": report, "notebooks": notebooks}
