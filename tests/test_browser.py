"""The rendered site as a reader meets it: every page opened from disk in headless Chromium, network blocked.

Needs Debian's ``chromium`` and ``chromium-driver`` (``apt-get install -y chromium chromium-driver``; CI installs
them). Selenium drives the system browser; no browser or driver is ever downloaded. Checks, on every page: no
console errors, no request other than file:// (or data:), no failed request, every image decoded with a
non-zero size, every internal link (and its #fragment) resolves; on the claims page, typing filters the table;
at a laptop (1400 px) and a phone (390 px) width the claims table fits the page and the verdict of a row is on
screen; on notebook 01 at both widths, code wraps (no block scrolls sideways beyond 4 px), verdict reasons are
whole (never cut with "..."), every figure has its caption below it and the caption as alt text, code has copy
buttons and the notebook's download links resolve; the search page works from disk without console errors.
Screenshots of the landing page, the claims table and notebook 01 (top, a figure, the verdict table), at both
widths, go to ``$ANALYSIS_SCREENSHOTS`` (default: build/screenshots under the output folder):
``claims_{laptop,phone}.png``, ``claims_{laptop,phone}_details.png``, ``notebook_01_{laptop,phone}.png``,
``notebook_01_{laptop,phone}_figure.png``, ``notebook_01_{laptop,phone}_verdicts.png``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from analysis.core import paths
from analysis.build import site

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")

HAVE_BROWSER = CHROMIUM.is_file() and DRIVER.is_file()
NEED = ("browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): "
        "apt-get update && apt-get install -y chromium chromium-driver")
# Locally they skip without the browser; in CI (CI=true) a missing browser is a failure, never a silent skip.
pytestmark = pytest.mark.skipif(not HAVE_BROWSER and not os.environ.get("CI"), reason=NEED)

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--window-size=1280,1400",
         # the network is blocked twice over: every host name fails to resolve, and every http(s)/ws request
         # goes to a proxy on a closed loopback port (so it fails, and the test sees it as failed + external)
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


@pytest.fixture(scope="module")
def site_dir():
    from site_build import built_site

    return built_site()[0]


@pytest.fixture(scope="module")
def browser():
    if not HAVE_BROWSER:
        pytest.fail(f"CI must install the browser: {NEED}")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=opts)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.get("about:blank")
    driver.get_log("browser"), driver.get_log("performance")  # what the start-up page left
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _settle(driver, timeout=10.0):
    """Wait for the load event, then until MathJax (if any) is idle and no new resources arrive."""
    end = time.monotonic() + timeout
    while driver.execute_script("return document.readyState") != "complete" and time.monotonic() < end:
        time.sleep(0.05)
    last = -1
    while time.monotonic() < end:
        n = driver.execute_script(
            "var busy = window.MathJax && MathJax.Hub && MathJax.Hub.queue && MathJax.Hub.queue.running;"
            "return busy ? -1 : performance.getEntriesByType('resource').length;")
        if n == last and n >= 0:
            return
        last = n
        time.sleep(0.25)


def _network(driver):
    """(requested URLs, failed requests) from the performance log since the last call."""
    urls, failed = [], []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
        elif msg["method"] == "Network.loadingFailed":
            failed.append(msg["params"])
    return urls, failed


def _open(driver, page: Path):
    driver.get_log("browser")
    _network(driver)  # drop what earlier pages left
    driver.get(page.as_uri())
    _settle(driver)


class _Anchors(HTMLParser):
    """The ids of a page's elements and the names of its <a name=...> (the tokenizer BeautifulSoup's "html.parser"
    uses, without building a tree: a fifth of the time on the claims page)."""

    def __init__(self):
        super().__init__()
        self.found: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.found.update(value for name, value in attrs
                          if value is not None and (name == "id" or (name == "name" and tag == "a")))

    handle_startendtag = handle_starttag


def _ids(page: Path, cache={}) -> set[str]:
    if page not in cache:
        parser = _Anchors()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        cache[page] = parser.found
    return cache[page]


def test_every_page_loads_offline_cleanly(browser, site_dir):
    pages = site.pages(site_dir)
    names = {p.relative_to(site_dir).as_posix() for p in pages}
    assert {"index.html", "gallery.html", "data.html", "claims.html"} <= names
    assert any(n.startswith("notebooks/01_") for n in names)
    problems = []
    for page in pages:
        rel = page.relative_to(site_dir).as_posix()
        _open(browser, page)
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        urls, failed = _network(browser)
        external = [u for u in urls if not u.startswith(("file://", "data:", "blob:", "about:"))]
        problems += [f"{rel}: console error {e['message']}" for e in errors]
        problems += [f"{rel}: external request {u}" for u in external]
        problems += [f"{rel}: failed request {f.get('errorText')} {f.get('blockedReason', '')}" for f in failed]
        images = browser.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "var imgs = Array.from(document.images);"
            "Promise.all(imgs.map(function (i) { return i.decode().then(function () { return null; },"
            "  function (e) { return i.currentSrc + ': ' + e; }); }))"
            ".then(function (errs) { done({errs: errs.filter(Boolean), sizes: imgs.map(function (i) {"
            "  return [i.currentSrc, i.naturalWidth, i.naturalHeight]; })}); });")
        problems += [f"{rel}: image does not decode: {e}" for e in images["errs"]]
        problems += [f"{rel}: image of zero size: {src}" for src, w, h in images["sizes"] if not (w and h)]
        if rel.startswith("notebooks/01_"):
            assert len(images["sizes"]) >= 2, "notebook 01 shows its two figures"
        if rel == "gallery.html":
            assert len(images["sizes"]) == len(list((site_dir / "figures").glob("*.png"))) > 0
        links = browser.execute_script("return Array.from(document.links).map(function (a) { return a.href; });")
        for href in links:
            url = urlparse(href)
            if url.scheme != "file":
                continue
            target = Path(unquote(url.path))
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{rel}: broken link {href}")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in _ids(target):
                problems.append(f"{rel}: link to a missing anchor {href}")
    assert not problems, "\n".join(problems[:40])


def test_claims_table_filters_when_typed_into(browser, site_dir):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, site_dir / "claims.html")
    visible = "return Array.from(document.querySelectorAll('#claim-rows tbody tr')).filter(function (r) {" \
              " return !r.hidden; }).map(function (r) { return r.id; });"
    everything = browser.execute_script(visible)
    assert len(everything) > 300  # the whole register
    box = browser.find_element(By.ID, "claims-filter")
    box.send_keys("REF-09")
    assert browser.execute_script(visible) == ["REF-09"]
    assert browser.find_element(By.ID, "claims-count").text.startswith("1 of ")
    box.clear()
    box.send_keys("refugee ceiling")
    some = browser.execute_script(visible)
    assert 0 < len(some) < len(everything)
    box.clear()
    box.send_keys(" ")  # clear() fires no input event; a space filters nothing
    Select(browser.find_element(By.ID, "verdict-filter")).select_by_value("differs")
    rows = browser.execute_script(visible)
    assert 0 < len(rows) < len(everything)
    verdicts = browser.execute_script(
        "return Array.from(document.querySelectorAll('#claim-rows tbody tr')).filter(function (r) {"
        " return !r.hidden; }).map(function (r) { return r.getAttribute('data-verdict'); });")
    assert set(verdicts) == {"differs"}


def test_screenshots_of_landing_and_notebook_page(browser, site_dir):
    from selenium.webdriver.common.by import By

    out = Path(os.environ.get("ANALYSIS_SCREENSHOTS") or paths.BUILD / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    _open(browser, site_dir / "index.html")
    assert browser.save_screenshot(str(out / "landing.png"))
    page = next(p for p in site.pages(site_dir) if p.name.startswith("01_"))
    _open(browser, page)
    assert browser.save_screenshot(str(out / "notebook_01_top.png"))
    figure = browser.find_elements(By.CSS_SELECTOR, "article img")[0]
    browser.execute_script("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 150);",
                           figure)
    time.sleep(0.3)
    assert browser.save_screenshot(str(out / "notebook_01_figure.png"))
    for name in ("landing.png", "notebook_01_top.png", "notebook_01_figure.png"):
        assert (out / name).stat().st_size > 20_000, f"{name} looks blank"


WIDTHS = {"laptop": (1400, 900, False), "phone": (390, 844, True)}


def _screenshots() -> Path:
    out = Path(os.environ.get("ANALYSIS_SCREENSHOTS") or paths.BUILD / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture
def viewport(browser):
    """Set the viewport to a named width (CSS pixels, as a laptop or phone reports it); reset afterwards."""
    def use(name):
        width, height, mobile = WIDTHS[name]
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        return width
    yield use
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("name", list(WIDTHS))
def test_claims_table_fits_laptop_and_phone(browser, site_dir, viewport, name):
    width = viewport(name)
    _open(browser, site_dir / "claims.html")
    assert browser.execute_script("return window.innerWidth") == width
    page = browser.execute_script(
        "var t = document.getElementById('claim-rows'), col = t.parentElement.getBoundingClientRect();"
        "var row = t.tBodies[0].rows[0], v = row.querySelector('.verdict').getBoundingClientRect();"
        "var cells = Array.from(t.querySelectorAll('td')).map(function (c) { return c.textContent.trim(); });"
        "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
        " table: t.getBoundingClientRect().right, column: col.right,"
        " verdict: [v.left, v.right, v.width], claimWidth: row.querySelector('.claim-text').getBoundingClientRect().width,"
        " statedWidth: row.querySelector('.claim-stated').getBoundingClientRect().width,"
        " raw: cells.filter(function (c) { return /(^|\\s)(<NA>|nan|NaN|NaT)(\\s|$)/.test(c); }).slice(0, 5)};")
    assert page["scroll"] <= page["inner"] + 1, f"{name}: the page scrolls sideways ({page['scroll']} > {page['inner']})"
    assert page["table"] <= page["column"] + 1, f"{name}: the table overflows its column {page}"
    left, right, w = page["verdict"]
    assert w > 0 and left >= 0 and right <= page["inner"] + 1, f"{name}: first row's verdict off screen {page}"
    assert page["claimWidth"] >= page["statedWidth"], f"{name}: the claim column is narrower than 'stated' {page}"
    assert not page["raw"], f"{name}: raw missing values shown: {page['raw']}"
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(_screenshots() / f"claims_{name}.png"))
    details = browser.execute_script(  # a row's details open, to see them at this width
        "var d = document.querySelector('#claim-rows tbody tr details'); d.open = true;"
        "d.closest('tr').scrollIntoView(); return document.documentElement.scrollWidth;")
    assert details <= page["inner"] + 1, f"{name}: an open row's details make the page scroll sideways"
    assert browser.save_screenshot(str(_screenshots() / f"claims_{name}_details.png"))
    assert (_screenshots() / f"claims_{name}.png").stat().st_size > 20_000, f"claims_{name}.png looks blank"


def _shoot_region(driver, selector: str, path: Path, height: int = 1000) -> None:
    """Screenshot of the page's full width from just above the first `selector` element, `height` px tall (at
    most), without scrolling: scrolling the window is not reliable under device emulation."""
    import base64

    top = driver.execute_script("return document.querySelector(arguments[0]).getBoundingClientRect().top"
                                " + window.scrollY;", selector)
    width, total = driver.execute_script("return [window.innerWidth, document.documentElement.scrollHeight];")
    y = max(0, top - 60)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": y, "width": width, "height": min(height, total - y), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


@pytest.mark.parametrize("name", list(WIDTHS))
def test_notebook_page_reads_at_laptop_and_phone(browser, site_dir, viewport, name):
    """Notebook 01 (executed): code wraps instead of scrolling sideways, verdict reasons are whole, every figure
    has its caption below it, code has copy buttons, and the download links resolve. Screenshots of the top, a
    figure and the verdict table at this width."""
    width = viewport(name)
    nb = next(p for p in site.pages(site_dir) if p.name.startswith("01_"))
    _open(browser, nb)
    page = browser.execute_script(r"""
        var tol = 4;
        function wide(sel) { return Array.from(document.querySelectorAll(sel)).filter(function (e) {
            return e.scrollWidth > e.clientWidth + tol; }).map(function (e) { return e.textContent.slice(0, 80); }); }
        var figs = Array.from(document.querySelectorAll('figure.site-figure')).map(function (f) {
            var img = f.querySelector('img').getBoundingClientRect(), cap = f.querySelector('figcaption');
            return {id: f.id, below: cap.getBoundingClientRect().top >= img.bottom - 1, caption: cap.textContent.trim(),
                    alt: f.querySelector('img').alt, imgRight: img.right}; });
        var cells = Array.from(document.querySelectorAll('table.verdict-table td, table.verdict-record td'));
        return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                code: document.querySelectorAll('div.cell_input pre').length,
                wideCode: wide('div.cell_input pre').concat(wide('div.output.stream pre'), wide('div.output.text_plain pre')),
                copy: document.querySelectorAll('button.copybtn').length,
                verdictCells: cells.length,
                cut: cells.filter(function (c) { return /(\.\.\.|…)$/.test(c.textContent.trim()); })
                          .map(function (c) { return c.textContent.slice(-80); }),
                repr: document.body.innerText.indexOf('Verdict(claim_id=') >= 0,
                figures: figs,
                downloads: Array.from(document.querySelectorAll('p.notebook-downloads a')).map(function (a) {
                    return a.href; })};""")
    assert page["scroll"] <= page["inner"] + 1, f"{name}: the page scrolls sideways ({page['scroll']} > {width})"
    assert page["code"] > 10 and not page["wideCode"], f"{name}: code blocks scroll sideways: {page['wideCode'][:5]}"
    assert page["copy"] >= page["code"], f"{name}: {page['copy']} copy buttons for {page['code']} code cells"
    assert page["verdictCells"] > 24 and not page["cut"], f"{name}: reasons cut short: {page['cut'][:3]}"
    assert not page["repr"], f"{name}: a verdict is shown as its Python repr"
    assert len(page["figures"]) >= 2, f"{name}: notebook 01 shows its figures"
    for fig in page["figures"]:
        assert fig["below"] and fig["caption"], f"{name}: {fig['id']} has no caption below it"
        assert fig["alt"] and fig["alt"] in fig["caption"], f"{name}: {fig['id']}: alt text is not the caption"
        assert fig["imgRight"] <= page["inner"] + 1, f"{name}: {fig['id']} is wider than the screen"
    assert len(page["downloads"]) == 2, page["downloads"]
    for href in page["downloads"]:
        target = Path(unquote(urlparse(href).path))
        assert target.is_file() and target.stat().st_size > 1000, f"download link does not resolve: {href}"
    shots = _screenshots()
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(shots / f"notebook_01_{name}.png"))
    # a figure with its caption, and the start of the verdict table, as they are laid out at this width
    for selector, shot in (("figure.site-figure", "figure"), ("table.verdict-table", "verdicts")):
        _shoot_region(browser, selector, shots / f"notebook_01_{name}_{shot}.png")
    for shot in ("", "_figure", "_verdicts"):
        assert (shots / f"notebook_01_{name}{shot}.png").stat().st_size > 20_000, f"notebook_01_{name}{shot} blank"


def test_search_works_from_disk_without_console_errors(browser, site_dir):
    page = site_dir / "search.html"
    browser.get_log("browser")
    _network(browser)
    browser.get(page.as_uri() + "?q=refugee")
    end = time.monotonic() + 15
    found = 0
    while time.monotonic() < end and not found:
        time.sleep(0.3)
        found = browser.execute_script("return document.querySelectorAll('#search-results li').length")
    assert found > 0, "searching 'refugee' from disk finds no page"
    _settle(browser)
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    _, failed = _network(browser)
    assert not errors, errors[:5]
    assert not failed, failed[:5]
