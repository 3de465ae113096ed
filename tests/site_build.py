"""One site build shared by test_site.py and test_browser.py (built once per pytest process, in a temp dir).

Notebook 01 is executed with fast=True into the temporary output folder (conftest sets ANALYSIS_OUTPUT), so
its figures and verdicts are fresh; every other notebook in notebooks/ is rendered from its text, unexecuted,
which is also what the site does for a notebook nobody has run yet.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path

from analysis.core import claims, paths
from analysis.build import run, site

SITE_NOTEBOOK = "01_refugee_ceilings"


@functools.lru_cache(maxsize=1)
def built_site() -> tuple[Path, Path, dict]:
    """(site folder, folder of executed notebooks, what went in); ANALYSIS_SITE_DIR=path tests a built site.

    What went in is taken when the site is built, because other test modules may add figures and verdicts to
    the shared temporary output folder later in the session: ``figures`` (stems with a sidecar) and ``report``
    (the claims report the pages were made from), ``notebooks`` (the text notebooks in notebooks/ then).
    """
    if os.environ.get("ANALYSIS_SITE_DIR"):
        built = Path(os.environ["ANALYSIS_SITE_DIR"]).resolve()
        return built, built.parent / "notebooks", {"figures_dir": paths.FIGURES, "report": claims.report(),
                                                   "notebooks": run.notebooks()}
    root = Path(tempfile.mkdtemp(prefix="analysis-site-test-"))
    executed = root / "notebooks"
    run.execute(run.find(SITE_NOTEBOOK), {"fast": True}, out_dir=executed)
    claims.write_report()
    out = root / "site"
    snapshot = root / "figures_in"  # the figures the site is built from, frozen
    shutil.copytree(paths.FIGURES, snapshot)
    report, notebooks = claims.report(), run.notebooks()
    site.build(executed, out, figures_dir=snapshot)
    return out, executed, {"figures_dir": snapshot, "report": report, "notebooks": notebooks}
