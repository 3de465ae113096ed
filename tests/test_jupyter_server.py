"""JupyterLab's view of the collection: a Jupyter server on loopback opens every text notebook as a notebook.

The server is the one in this environment (jupyter_server, with the jupytext extension that jupytext.toml
configures); it listens on 127.0.0.1 only, on a free port, with a random token, and is stopped at the end.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from analysis import paths, run

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("jupyter")
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), JUPYTER_CONFIG_DIR=str(tmp / "config"),
               JUPYTER_DATA_DIR=str(tmp / "data"), JUPYTER_PLATFORM_DIRS="1")
    log = open(tmp / "server.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter_server", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={REPO}",
         "--ServerApp.open_browser=False", "--LabApp.extension_manager=readonly"]  # no PyPI look-ups
        + (["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
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
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _get(server, path: str, **query) -> dict:
    base, token = server
    url = f"{base}{path}?" + urllib.parse.urlencode(query)
    req = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def test_server_refuses_requests_without_the_token(server):
    base, _ = server
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{base}/api/contents/notebooks", timeout=10)
    assert err.value.code in (401, 403)


@pytest.mark.parametrize("notebook", [p.name for p in run.notebooks()])
def test_each_text_notebook_opens_as_a_notebook(server, notebook):
    model = _get(server, f"/api/contents/notebooks/{notebook}", type="notebook", content=1)
    assert model["type"] == "notebook", model.get("type")
    nb = model["content"]
    kinds = [c["cell_type"] for c in nb["cells"]]
    assert kinds[0] == "markdown" and kinds.count("code") >= 2, kinds[:10]
    assert nb["cells"][0]["source"].lstrip().startswith("# "), "first cell is the title"
    params = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(params) == 1 and "fast" in params[0]["source"], "one papermill parameters cell with `fast`"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    # jupytext.toml pairs the text notebook with an .ipynb under build/lab/
    assert "build/lab///ipynb" in nb["metadata"].get("jupytext", {}).get("formats", ""), nb["metadata"].get("jupytext")


def test_listing_shows_the_text_notebooks_as_notebooks(server):
    listing = _get(server, "/api/contents/notebooks", content=1)
    names = {item["name"]: item["type"] for item in listing["content"]}
    for nb in run.notebooks():
        assert names.get(nb.name) == "notebook", (nb.name, names.get(nb.name))
