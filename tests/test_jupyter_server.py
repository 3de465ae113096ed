"""JupyterLab's view of the collection: a Jupyter server on loopback opens every text notebook as a notebook.

The server is the one in this environment (jupyter_server, with the jupytext extension that jupytext.toml
configures); it listens on 127.0.0.1 only, on a free port, with a random token, and is stopped at the end. It
serves a temporary copy of notebooks/ and jupytext.toml, so saving through it (as JupyterLab does) touches no file
of the repository.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from analysis.core import paths
from analysis.build import run

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("jupyter")
    root = tmp / "repo"
    shutil.copytree(paths.NOTEBOOKS, root / "notebooks", ignore=shutil.ignore_patterns("__pycache__", "*.ipynb"))
    shutil.copy2(REPO / "jupytext.toml", root / "jupytext.toml")
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), JUPYTER_CONFIG_DIR=str(tmp / "config"),
               JUPYTER_DATA_DIR=str(tmp / "data"), JUPYTER_PLATFORM_DIRS="1")
    log = open(tmp / "server.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter_server", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--ServerApp.open_browser=False", "--LabApp.extension_manager=readonly",  # no PyPI look-ups
         f"--LabApp.app_settings_dir={REPO / 'lab' / 'settings'}"]  # as `make lab` starts it
        + (["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("jupyter server did not start:\n" + (tmp / "server.log").read_text()[-3000:])
            time.sleep(0.3)
        yield base, token, root
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _call(server, path: str, method: str = "GET", body: dict | None = None, **query) -> dict:
    base, token = server[:2]
    url = f"{base}{path}?" + urllib.parse.urlencode(query)
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def test_server_refuses_requests_without_the_token(server):
    base = server[0]
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{base}/api/contents/notebooks", timeout=10)
    assert err.value.code in (401, 403)


@pytest.mark.parametrize("notebook", [p.name for p in run.notebooks()])
def test_each_text_notebook_opens_as_a_notebook(server, notebook):
    root = server[2]
    text_before = (root / "notebooks" / notebook).read_bytes()
    model = _call(server, f"/api/contents/notebooks/{notebook}", type="notebook", content=1)
    assert model["type"] == "notebook", model.get("type")
    nb = model["content"]
    kinds = [c["cell_type"] for c in nb["cells"]]
    assert kinds[0] == "markdown" and kinds.count("code") >= 2, kinds[:10]
    assert nb["cells"][0]["source"].lstrip().startswith("# "), "first cell is the title"
    params = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(params) == 1 and "fast" in params[0]["source"], "one papermill parameters cell with `fast`"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    # Save it back as JupyterLab does once a kernel has started (the kernel's spec goes into the metadata):
    # jupytext.toml pairs the text notebook with build/lab/<name>.ipynb, and the round trip leaves the text
    # notebook byte for byte as it was, header included (no churn in diffs from opening a notebook).
    spec = _call(server, "/api/kernelspecs")["kernelspecs"]["python3"]["spec"]
    nb["metadata"]["kernelspec"] = {"display_name": spec["display_name"], "language": spec["language"],
                                    "name": "python3"}
    saved = _call(server, f"/api/contents/notebooks/{notebook}", method="PUT",
                  body={"type": "notebook", "format": "json", "content": nb})
    assert saved["type"] == "notebook"
    paired = root / "build" / "lab" / notebook.replace(".py", ".ipynb")
    assert paired.is_file(), f"no paired notebook at {paired}"
    assert "".join(json.loads(paired.read_text())["cells"][0]["source"]).startswith("# ")
    assert (root / "notebooks" / notebook).read_bytes() == text_before, \
        "saving through JupyterLab changed the text notebook"


def test_listing_shows_the_text_notebooks_as_notebooks(server):
    listing = _call(server, "/api/contents/notebooks", content=1)
    names = {item["name"]: item["type"] for item in listing["content"]}
    for nb in run.notebooks():
        assert names.get(nb.name) == "notebook", (nb.name, names.get(nb.name))


def test_lab_opens_text_notebooks_as_notebooks_by_default(server):
    """`make lab`'s settings make jupytext's notebook view the default for .py files (opening a URL such as
    lab/tree/notebooks/01_refugee_ceilings.py shows the notebook, not a text editor)."""
    plugin = _call(server, "/lab/api/settings/@jupyterlab/docmanager-extension:plugin")
    viewers = plugin["schema"]["properties"]["defaultViewers"]["default"]
    assert viewers.get("python") == "Jupytext Notebook", viewers
