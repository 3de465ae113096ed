"""One site build shared by test_site.py and test_browser.py (built once per pytest process, in a temp dir).

Notebook 01 is executed with fast=True into the temporary output folder (conftest sets ANALYSIS_OUTPUT), so
its figures and verdicts are fresh; every other notebook in notebooks/ is rendered from its text, unexecuted,
which is also what the site does for a notebook nobody has run yet.
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

from analysis import claims, run, site

SITE_NOTEBOOK = "01_refugee_ceilings"


@functools.lru_cache(maxsize=1)
def built_site() -> tuple[Path, Path]:
    """(site folder, folder of executed notebooks); ANALYSIS_SITE_DIR=path tests an already built site."""
    if os.environ.get("ANALYSIS_SITE_DIR"):
        built = Path(os.environ["ANALYSIS_SITE_DIR"]).resolve()
        return built, built.parent / "notebooks"
    root = Path(tempfile.mkdtemp(prefix="analysis-site-test-"))
    executed = root / "notebooks"
    run.execute(run.find(SITE_NOTEBOOK), {"fast": True}, out_dir=executed)
    claims.write_report()
    out = root / "site"
    site.build(executed, out)
    return out, executed
