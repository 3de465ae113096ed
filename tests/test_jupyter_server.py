"""JupyterLab's view of the collection: a Jupyter server on loopback opens every text notebook as a notebook.

The server is the one in this environment (jupyter_server, with the jupytext extension that jupytext.toml
configures); it listens on 127.0.0.1 only, on a free port, with a random token, and is stopped at the end. It
serves a temporary copy of notebooks/, jupytext.toml and .gitignore, committed to a throwaway git repository, so
saving through it (as JupyterLab does) touches no file of the repository and `git status` there shows any change.

The last tests drive JupyterLab itself in headless Chromium (Debian's chromium and chromium-driver, as in
test_browser.py; nothing is downloaded): the URL lab/tree/notebooks/01_refugee_ceilings.py opens a notebook, not a
text editor; Ctrl+S without edits leaves the tree clean; and once the notebook has run in the browser's kernel,
the controls of its panel show their labels and readouts in full (no element whose text overflows its box) and an
empty selection shows a message. The only flag beyond `make lab`'s is ``--LabApp.expose_app_in_browser`` (the
test reads the app's state through ``window.jupyterapp``), plus two that stop JupyterLab looking for news and
updates on the network.
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


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


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
    shutil.copy2(REPO / ".gitignore", root / ".gitignore")  # build/ (the paired .ipynb) is ignored, as in the repo
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-q", "-m", "copy")
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), JUPYTER_CONFIG_DIR=str(tmp / "config"),
               JUPYTER_DATA_DIR=str(tmp / "data"), JUPYTER_PLATFORM_DIRS="1",
               ANALYSIS_ROOT=str(REPO))  # kernels read data/ from the repository, write to the tests' output
    env.pop("ANALYSIS_HEADLESS", None)  # a reader's kernel: the panels use their output widgets
    log = open(tmp / "server.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter_server", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--ServerApp.open_browser=False", "--LabApp.extension_manager=readonly",  # no PyPI look-ups
         f"--LabApp.app_settings_dir={REPO / 'lab' / 'settings'}",  # as `make lab` starts it
         "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
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


# ------------------------------------------------------------------------------ JupyterLab in a real browser
CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
HAVE_BROWSER = CHROMIUM.is_file() and DRIVER.is_file()
NEED = "apt-get install -y chromium chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)"
NOTEBOOK_01 = "notebooks/01_refugee_ceilings.py"


@pytest.fixture(scope="module")
def lab(server, tmp_path_factory):
    """Headless Chromium on JupyterLab at lab/tree/notebooks/01_refugee_ceilings.py, logged in with the token."""
    if not HAVE_BROWSER:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install the browser: {NEED}")
        pytest.skip(f"needs the browser: {NEED}")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    base, token, root = server
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # only loopback
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=opts)
    driver.set_page_load_timeout(60)
    try:
        driver.get(f"{base}/lab/tree/{NOTEBOOK_01}?token={token}")
        _wait(driver, "return !!(window.jupyterapp && jupyterapp.shell.currentWidget && "
                      "document.querySelectorAll('.jp-NotebookPanel .jp-Cell').length > 5)", 90,
              "JupyterLab showed no notebook")
        _wait(driver, KERNEL_READY, 90, "the notebook's kernel did not start")
        yield driver, root
    finally:
        driver.quit()


def _wait(driver, script: str, timeout: float, what: str, poll: float = 0.25):
    end = time.monotonic() + timeout
    while True:
        value = driver.execute_script(script)
        if value:
            return value
        if time.monotonic() > end:
            shots = paths.OUTPUT / "build" / "screenshots"
            shots.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(shots / "lab_failure.png"))  # what the browser showed instead
            raise AssertionError(f"{what} (after {timeout:.0f} s; screenshot {shots / 'lab_failure.png'})")
        time.sleep(poll)


CURRENT = "var w = jupyterapp.shell.currentWidget;"
# The notebook's python3 kernel running and idle. If JupyterLab asks which kernel to start (it does when the
# notebook opens before the list of kernel specs has arrived), the reader's answer is its proposal, Python 3.
KERNEL_READY = CURRENT + """
var dialog = document.querySelector('.jp-Dialog');
if (dialog && /Select Kernel/.test(dialog.textContent)) { dialog.querySelector('.jp-mod-accept').click(); }
var k = w.sessionContext.session && w.sessionContext.session.kernel;
return !!(k && k.status === 'idle' && k.name === 'python3');
"""


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "notebooks").rglob("*"))
            if p.is_file()}


def test_lab_url_opens_the_text_notebook_as_a_notebook(lab):
    driver, _ = lab
    shown = driver.execute_script(CURRENT + """
        return {path: w.context && w.context.path, panel: w.node.classList.contains('jp-NotebookPanel'),
                cells: w.node.querySelectorAll('.jp-Cell').length,
                code: w.node.querySelectorAll('.jp-CodeCell').length,
                editors: document.querySelectorAll('.jp-FileEditor').length};""")
    assert shown["path"] == NOTEBOOK_01, shown
    assert shown["panel"], f"the current widget is not a notebook panel: {shown}"
    assert shown["code"] >= 2 and shown["cells"] > shown["code"], shown
    assert shown["editors"] == 0, "a text editor was opened as well"


def test_saving_without_edits_leaves_the_tree_clean(lab):
    driver, root = lab
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    before = _tree(root)
    # As a reader would: wait for the kernel (its spec goes into the notebook's metadata), then press Ctrl+S.
    _wait(driver, KERNEL_READY, 90, "the notebook's kernel did not start")
    driver.execute_script(CURRENT + "window.__saves = []; w.context.saveState.connect((_, s) => __saves.push(s));")
    driver.find_element("css selector", ".jp-NotebookPanel .jp-MarkdownCell").click()  # focus the notebook
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("s").key_up(Keys.CONTROL).perform()
    states = _wait(driver, "return window.__saves.includes('completed') || window.__saves.includes('failed') ? "
                           "window.__saves : null;", 30, "Ctrl+S did not save the notebook")
    assert states[-1] == "completed", states
    assert (root / "build" / "lab" / "01_refugee_ceilings.ipynb").is_file(), "the save wrote no paired notebook"
    after = _tree(root)
    changed = [name for name in before.keys() | after.keys() if before.get(name) != after.get(name)]
    assert not changed, f"saving without edits changed {changed}"
    assert _git(root, "status", "--porcelain") == "", "git status is not clean after a save without edits"


# Every description label and readout in the panel: its text, and whether the text overflows its box. A <select>
# is measured option by option (the widest option's text, in the select's font, against its inner width).
MEASURE = """
var panel = document.querySelector('.jp-NotebookPanel .analysis-panel');
if (!panel) return null;
var seen = new Set(), boxes = [];
panel.querySelectorAll('.widget-label, .jupyter-widget-label, .widget-readout, .jupyter-widget-readout')
  .forEach(function (el) {
    if (seen.has(el) || el.offsetParent === null || !el.textContent.trim()) return;
    seen.add(el);
    boxes.push({kind: el.className.indexOf('readout') >= 0 ? 'readout' : 'label', text: el.textContent,
                scroll: el.scrollWidth, client: el.clientWidth});
  });
var ctx = document.createElement('canvas').getContext('2d');
panel.querySelectorAll('select').forEach(function (sel) {
  var cs = getComputedStyle(sel);
  ctx.font = cs.font;
  var widest = 0, text = '';
  Array.from(sel.options).forEach(function (o) {
    var w = ctx.measureText(o.text).width;
    if (w > widest) { widest = w; text = o.text; }
  });
  var inner = sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  if (sel.multiple || sel.size > 1) inner -= 8;  /* an option's own padding */
  else inner -= 4;  /* padding-right already keeps the arrow's room */
  boxes.push({kind: 'select', text: text, scroll: Math.ceil(widest), client: Math.floor(inner)});
});
""" # leaves `panel` and `boxes` for the caller's condition


def _screenshot(driver, name: str, selector: str) -> None:
    """The window with `selector` scrolled to its top, into build/screenshots/ of the tests' output folder."""
    shots = paths.OUTPUT / "build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for _ in range(2):  # again once images above have settled the layout
        driver.execute_script(f"document.querySelector({json.dumps(selector)}).scrollIntoView({{block: 'start'}});")
        time.sleep(0.5)
    driver.save_screenshot(str(shots / name))


def test_widget_labels_and_readouts_show_in_full_once_run(lab):
    """Run all cells in the browser's kernel (with notebook 01's defaults), then measure the rendered controls."""
    driver, _ = lab
    driver.execute_script("jupyterapp.commands.execute('notebook:run-all-cells');")
    boxes = _wait(driver, MEASURE + " return boxes.some(b => b.kind === 'readout') && "
                  "panel.querySelector('.jp-OutputArea-output img') ? boxes : null;", 300, "the panel of notebook 01 did not render in the browser", 1)
    _screenshot(driver, "lab_01_controls.png", ".jp-NotebookPanel .analysis-panel")
    texts = {b["text"].strip() for b in boxes}
    assert any(b["kind"] == "select" for b in boxes), "the administrations list was not measured"
    assert {"Fiscal years", "Administrations"} <= texts, boxes
    readouts = [b["text"] for b in boxes if b["kind"] == "readout"]
    assert any(len(t.split("–")) == 2 and all(len(x.strip()) == 4 for x in t.split("–")) for t in readouts), \
        f"the year-range readout is not 'YYYY – YYYY': {readouts}"
    clipped = [b for b in boxes if b["scroll"] > b["client"]]
    assert not clipped, f"text cut off in the controls (scrollWidth > clientWidth): {clipped}"


def test_an_empty_selection_says_so_in_the_browser(lab):
    driver, _ = lab
    driver.execute_async_script(CURRENT + """
        var done = arguments[arguments.length - 1];
        var f = w.sessionContext.session.kernel.requestExecute({code:
            "refugee_panel.controls['administrations'].value = ('Carter',)\\n"
            + "refugee_panel.controls['years'].value = (1990, 2026)"});
        f.done.then(function () { done(true); }, function (e) { done(String(e)); });""")
    text = _wait(driver, "var n = document.querySelector('.jp-NotebookPanel .analysis-panel .analysis-notice');"
                         "return n && n.textContent;", 60, "no message for an empty selection")
    _screenshot(driver, "lab_01_empty_selection.png", ".jp-NotebookPanel .analysis-panel")
    assert text.startswith("No fiscal years of the Carter administration between 1990 and 2026: widen the years")
    images = driver.execute_script(
        "return document.querySelectorAll('.jp-NotebookPanel .analysis-panel .jp-OutputArea-output img').length;")
    assert images == 0, "an empty chart is still shown under the message"
