"""The static site: every notebook, figure, resource and claim is on it, and nothing is fetched from outside.

The site is built once (tests/site_build.py): notebook 01 executed with fast=True, the others rendered from
their text. Browser checks are in test_browser.py.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re

import pytest

from analysis.core import figures, paths
from analysis.build import mathml, site


@pytest.fixture(scope="module")
def built():
    from site_build import built_site

    return built_site()


@pytest.fixture(scope="module")
def site_dir(built):
    return built[0]


def _html(site_dir, page):
    return (site_dir / page).read_text(encoding="utf-8")


def test_one_page_per_notebook_and_the_reference_pages(site_dir, built):
    for page in ("index.html", "gallery.html", "data.html", "claims.html"):
        assert (site_dir / page).is_file(), page
    for nb in built[2]["notebooks"]:
        assert (site_dir / "notebooks" / f"{nb.stem}.html").is_file(), nb.stem


def test_landing_page_has_scoreboard_and_each_question(site_dir, built):
    import jupytext

    page = _html(site_dir, "index.html")
    rep = built[2]["report"]
    assert f"<td>total</td>\n<td class=\"text-right\"><p>{len(rep)}</p></td>" in page or \
        re.search(rf">total<.*?>{len(rep)}<", page, re.S), "scoreboard total"
    for verdict, n in rep["verdict"].value_counts().items():
        assert re.search(rf">{re.escape(site.VERDICT_LABELS[verdict])}<.*?>{n}<", page, re.S), verdict
    for nb in built[2]["notebooks"]:
        info = site.describe_notebook(jupytext.read(nb), nb.stem, executed=False)
        assert info.question, f"{nb.stem}: no question found in its first markdown cell"
        assert f'href="notebooks/{nb.stem}.html"' in page
        words = re.sub(r"[*_`\[\]]", "", info.question).split()[:6]  # the question's opening words, rendered
        assert " ".join(words).replace("'", "’") in page.replace("'", "’") or words[0] in page


def test_question_is_taken_from_the_first_markdown_cell():
    nb = {"cells": [{"cell_type": "markdown", "source": "# Title here\n\n**The question.** Does X hold?\n\nMore."},
                    {"cell_type": "markdown", "source": "## A section"},
                    {"cell_type": "code", "source": 'figures.save(fig, "09_x_y", caption="c", source="s")\n'}]}
    info = site.describe_notebook(nb, "09_x", executed=True)
    assert (info.title, info.question) == ("Title here", "Does X hold?")
    key = figures.cell_key('figures.save(fig, "09_x_y", caption="c", source="s")')
    assert info.sections == [("A section", "a-section", key)]
    assert info.section_of(key) == ("A section", "a-section") and info.section_of(figures.cell_key("x = 1")) is None
    plain = site.describe_notebook({"cells": [{"cell_type": "markdown", "source": "# T\n\nFirst paragraph."}]},
                                   "09_x", executed=False)
    assert plain.question == "First paragraph."


def test_gallery_lists_every_figure_with_caption_source_section_and_files(site_dir, built):
    page = _html(site_dir, "gallery.html")
    figures_dir = built[2]["figures_dir"]
    figs = sorted(p.stem for p in figures_dir.glob("*.txt"))
    assert figs, "notebook 01 wrote figures"
    for name in figs:
        caption, source = site.read_sidecar(figures_dir / f"{name}.txt")
        assert f'id="fig-{name}"' in page
        assert site._e(caption) in page and site._e(source) in page
        for ext in ("png", "svg", "pdf", "txt"):
            assert f'href="figures/{name}.{ext}"' in page
            assert (site_dir / "figures" / f"{name}.{ext}").read_bytes() == (figures_dir / f"{name}.{ext}").read_bytes()
    # the section that makes the figure, from the record figures.save left when the runner executed it
    assert 'href="notebooks/01_refugee_ceilings.html#ceilings-and-admissions-over-four-decades"' in page
    assert 'id="ceilings-and-admissions-over-four-decades"' in _html(site_dir, "notebooks/01_refugee_ceilings.html")


def test_data_catalogue_lists_every_resource_with_checksum_and_download(site_dir):
    page = _html(site_dir, "data.html")
    package = json.loads(paths.DESCRIPTOR.read_text())
    for res in package["resources"]:
        assert f'id="data-{res["name"]}"' in page, res["name"]
        digest = res["hash"].removeprefix("sha256:")
        assert digest in page
        copy = site_dir / "data" / res["path"]
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == digest, f"download of {res['name']} differs"
        assert f'href="data/{res["path"]}"' in page
        for field in res["schema"]["fields"][:3]:
            assert f"<code>{site._e(field['name'])}</code>" in page
        for lic in res.get("licenses", []):
            assert site._e(lic.get("name")) in page


def test_claims_page_has_every_claim_and_the_filter(site_dir, built):
    page = _html(site_dir, "claims.html")
    rep = built[2]["report"]
    rows = re.findall(r'<tr data-verdict="([a-z_]+)" data-topic="[a-z_]+" id="([A-Z]+-\d+)"', page)
    assert len(rows) == len(rep)
    assert dict((cid, v) for v, cid in rows) == dict(zip(rep["claim_id"], rep["verdict"]))
    assert 'id="claims-filter"' in page and "_static/claims-filter.js" in page


def test_claims_page_cites_each_article_once_and_shows_no_raw_missing_values(site_dir, built):
    soup = _soup(site_dir, "claims.html")
    rep = built[2]["report"]
    listed = [li.get_text(" ", strip=True) for li in soup.select("ol.articles li")]
    for article in set(rep["article"]):
        assert sum(article in text for text in listed) == 1, f"article not listed exactly once: {article[:60]}"
    table = soup.find(id="claim-rows")
    ids = {element["id"] for element in soup.find_all(id=True)}  # once, not a search of the page per row
    for row in table.tbody.find_all("tr"):
        key = row.select_one("td.claim-id a[href^='#article-']")
        assert key is not None and key["href"][1:] in ids, row["id"]
        first = [td.get("class", [""])[0] for td in row.find_all("td", recursive=False)][:2]
        assert first == ["claim-id", "claim-verdict"], "id and verdict come first (visible on a phone)"
    text = table.get_text(" ")
    assert not re.search(r"(^|\s)(<NA>|nan|NaN|NaT)(\s|$)", text), "a raw missing value is shown"
    quotes = [q for q in rep["quote"] if isinstance(q, str) and q.strip()]
    markup = str(table)  # serialised once: the table is large
    assert quotes and all(site._e(q) in markup for q in quotes[:20]), "the claim's own words are shown"


def test_missing_values_are_shown_as_nothing():
    import pandas as pd

    for missing in (None, float("nan"), pd.NA, pd.NaT, "nan", "<NA>"):
        assert site._e(missing) == "", missing
    assert site._e(0) == "0" and site._e("<b>") == "&lt;b&gt;"


def test_claims_page_embeds_the_ledger_as_claimreview_json_ld(site_dir, built):
    from analysis.build import claimreview

    soup = _soup(site_dir, "claims.html")
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    items = json.loads(scripts[0].string)
    rep = built[2]["report"]
    judged = rep[rep["verdict"] != "unchecked"]
    assert [i["identifier"] for i in items] == list(judged["claim_id"])
    row_ids = {tr["id"] for tr in soup.find(id="claim-rows").tbody.find_all("tr")}
    for item in items:
        claimreview.validate(item)
        assert item["url"] == f"claims.html#{item['identifier']}" and item["identifier"] in row_ids
        assert item["reviewRating"]["alternateName"] == dict(zip(rep["claim_id"], rep["verdict"]))[item["identifier"]]


def test_topics_are_shown_as_readable_labels(site_dir, built):
    assert site.topic_label("eu_ev_duties") == "EU EV duties" and site.topic_label("new_topic") == "New topic"
    index, claims_html = _html(site_dir, "index.html"), _html(site_dir, "claims.html")
    for topic in set(built[2]["report"]["topic"]):
        assert f"<td>{site._e(site.topic_label(topic))}</td>" in index or \
            f"<p>{site._e(site.topic_label(topic))}</p>" in index, topic
        assert f">{site._e(site.topic_label(topic))}</option>" in claims_html, topic
        if "_" in topic:
            assert f"<p>{topic}</p>" not in index and f"<td>{topic}</td>" not in index, topic


def test_footer_names_the_copyright_holder_and_search_needs_no_page_sources(site_dir):
    holder, _ = site.citation_holder()
    page = _html(site_dir, "index.html")
    assert re.search(r"Copyright\s*(&#169;|©)\s*\d{4}, " + re.escape(holder), page), "footer names no holder"
    conf = (site_dir.parent / f"{site_dir.name}_src" / "conf.py").read_text(encoding="utf-8")
    assert "html_show_search_summary = False" in conf  # summaries would fetch sources: CORS errors from file://


def test_unexecuted_notebooks_are_flagged_and_executed_ones_show_outputs(site_dir, built):
    executed = {p.stem for p in built[1].glob("*.ipynb")}
    for nb in built[2]["notebooks"]:
        page = _html(site_dir, f"notebooks/{nb.stem}.html")
        flagged = "has not been executed yet" in page
        assert flagged == (nb.stem not in executed), nb.stem
    page01 = _html(site_dir, "notebooks/01_refugee_ceilings.html")
    assert page01.count("<img") >= 2 and "Claims judged here: 24" in page01


def test_nothing_is_loaded_from_the_network(site_dir):
    """No script, stylesheet, image, font or frame points outside the site (links to sources are fine)."""
    remote = re.compile(r"""<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc=["']?(?:https?:)?//"""
                        r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//""", re.I)
    css_remote = re.compile(r"""url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:url\()?["']?(?:https?:)?//""", re.I)
    bad = []
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        bad += [f"{page.relative_to(site_dir)}: {m.group(0)[:100]}" for m in remote.finditer(text)]
        if re.search(r"<script\b[^>]*src=[^>]*(mathjax|require\.js|unpkg|jsdelivr|cdnjs)", text, re.I):
            bad.append(f"{page.relative_to(site_dir)}: loads MathJax, require.js or a CDN script")
    for css in site_dir.rglob("*.css"):
        bad += [f"{css.relative_to(site_dir)}: {m.group(0)}" for m in css_remote.finditer(css.read_text(errors="replace"))]
    assert not bad, "\n".join(bad[:20])


def test_maths_is_rendered_to_mathml_at_build_time():
    block = mathml.mathml(r"\log_{10}(\text{cost}_i) = a + b\,t_i + \varepsilon_i", display=True)
    assert block.startswith("<math") and "display=\"block\"" in block and "<msub>" in block
    assert "<code" in mathml.mathml(r"\notarealmacro{", display=False) or "<math" in mathml.mathml(r"\notarealmacro{", False)


def test_page_list_excludes_sphinx_helpers(site_dir):
    names = {p.name for p in site.pages(site_dir)}
    assert "index.html" in names and "search.html" not in names and "genindex.html" not in names


# ------------------------------------------------------------------------------ citation and licences
REPO = paths.ROOT


def test_data_licences_cover_every_resource():
    from analysis.core import licences

    text = (REPO / "DATA_LICENSES.md").read_text(encoding="utf-8")
    generated = text.split(licences.LICENCE_START, 1)[1].split(licences.LICENCE_END, 1)[0]
    package = json.loads(paths.DESCRIPTOR.read_text())
    missing = [r["name"] for r in package["resources"] if f"| `{r['name']}` |" not in generated]
    assert not missing, (f"DATA_LICENSES.md lacks {missing}: run `python -m analysis site --update-licences`")
    for r in package["resources"]:
        row = next(ln for ln in generated.splitlines() if ln.startswith(f"| `{r['name']}` |"))
        for lic in r.get("licenses", []):
            assert lic["name"] in row, (r["name"], lic["name"])


def test_update_data_licences_rewrites_only_the_table(tmp_path):
    from analysis.core import licences

    copy = tmp_path / "DATA_LICENSES.md"
    copy.write_text(f"intro\n{licences.LICENCE_START}\nstale\n{licences.LICENCE_END}\noutro\n")
    licences.update_data_licences(copy)
    text = copy.read_text()
    assert text.startswith("intro\n") and text.endswith("outro\n") and "stale" not in text
    assert "| `refugee_ceilings_admissions` | public-domain-us-gov |" in text
    copy.write_text("no markers")
    with pytest.raises(licences.LicenceError, match="markers"):
        licences.update_data_licences(copy)


def test_citation_and_code_licence():
    import yaml

    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["license"] == "MIT"
    for key in ("title", "authors", "version", "message"):
        assert cff[key], key
    assert any("Epoch" in str(ref) for ref in cff.get("references", [])), "Epoch AI's CC BY data must be cited"
    assert (REPO / "LICENSE").read_text().startswith("MIT License")
    statement = (REPO / "README.md").read_text(encoding="utf-8")  # the AEA-style data availability statement
    for needed in ("Statement about rights", "Summary of availability", "simulated", "panel_path"):
        assert needed in statement, needed


# ------------------------------------------------------------------------------------------ notebook pages
@functools.lru_cache(maxsize=None)
def _soup(site_dir, page):
    """A page of the built site, parsed once for the tests that read it (none of them changes the tree)."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(_html(site_dir, page), "html.parser")


def test_notebook_page_shows_each_figure_with_caption_files_and_data_below_it(site_dir, built):
    soup = _soup(site_dir, "notebooks/01_refugee_ceilings.html")
    figures_dir = built[2]["figures_dir"]
    placed = soup.select("figure.site-figure")
    assert len(placed) >= 2, "notebook 01 places its figures under the cells that saved them"
    for fig in placed:
        name = fig["id"].removeprefix("fig-")
        caption, source = site.read_sidecar(figures_dir / f"{name}.txt")
        img, figcaption = fig.find("img"), fig.find("figcaption")
        assert img["alt"] == caption and not img["alt"].endswith(".png"), "alt text is the caption"
        assert img.find_next_sibling() is None and fig.find_all(recursive=False)[-1] is figcaption, "caption below"
        assert caption in figcaption.get_text() and source in figcaption.get_text()
        hrefs = {a["href"] for a in figcaption.find_all("a")}
        for ext in ("png", "svg", "pdf"):
            assert f"../figures/{name}.{ext}" in hrefs and (site_dir / "figures" / f"{name}.{ext}").is_file()
        data_links = [h for h in hrefs if "data.html#data-" in h or "#the-data" in h or h.endswith("data.html")]
        assert data_links, f"{name}: no link to the data it plots"
    note = soup.find("p", class_="notebook-downloads")
    for a in note.find_all("a"):
        assert (site_dir / "notebooks" / a["href"]).is_file(), a["href"]
    hrefs = [a["href"] for a in note.find_all("a")]
    assert hrefs == ["01_refugee_ceilings.py", "01_refugee_ceilings.ipynb"]
    assert (site_dir / "notebooks" / "01_refugee_ceilings.py").read_bytes() == \
        (paths.NOTEBOOKS / "01_refugee_ceilings.py").read_bytes()


def test_notebook_pages_fold_plotting_code_and_show_verdicts_as_tables(site_dir, built):
    page = _html(site_dir, "notebooks/01_refugee_ceilings.html")
    soup = _soup(site_dir, "notebooks/01_refugee_ceilings.html")
    folded = soup.select("div.cell.tag_hide-input")
    assert folded and all("figures.save(" in c.get_text() for c in folded), "plotting cells are folded"
    assert "Verdict(claim_id=" not in page, "a verdict is shown as its Python repr"
    rows = soup.select("table.verdict-table tbody tr")
    assert len(rows) == 24, "ledger.table() is rendered as a table with every verdict"
    reasons = dict(zip(built[2]["report"]["claim_id"], built[2]["report"]["reason"]))
    for row in rows:
        cells = {td["data-label"]: td.get_text() for td in row.find_all("td")}
        assert cells["reason"] == reasons[cells["claim id"]], "reasons in full"
    conf = (site_dir.parent / f"{site_dir.name}_src" / "conf.py").read_text(encoding="utf-8")
    assert "sphinx_copybutton" in conf and "copybutton.js" in page


def test_verdicts_display_in_full_whatever_the_display_options():
    import pandas as pd

    from analysis.core import claims

    long = "a reason " * 40 + "<end>"
    table = claims.VerdictTable(pd.DataFrame({"claim_id": ["REF-01"], "reason": [long]}))
    with pd.option_context("display.max_colwidth", 20, "display.max_rows", 1):
        shown = table._repr_html_()
        subset = table.loc[table["claim_id"] == "REF-01", ["reason"]]
    assert site._e(long) in shown and "..." not in shown
    assert isinstance(subset, claims.VerdictTable), "a selection stays a verdict table"
    single = claims.Verdict("REF-01", "differs", reason=long)._repr_html_()
    assert site._e(long) in single and "<th>reason</th>" in single and "computed value" not in single


def test_templates_escape_html_and_figures_record_the_data_they_plot(tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    card = {"name": "09_x", "image": "figures/09_x.png", "formats": ["png"], "has_sidecar": True,
            "caption": '<script>alert("x")</script>', "source": "S & P", "simulated": False, "where": None,
            "data": ["refugee_ceilings_admissions"], "data_note": None}
    out = site.render("figure.html.jinja", f=card, base="../")
    assert "<script>" not in out and "&lt;script&gt;" in out and "S &amp; P" in out
    assert 'href="../data.html#data-refugee_ceilings_admissions"' in out

    monkeypatch.setenv("ANALYSIS_NOTEBOOK", "09_x")
    monkeypatch.setattr(paths, "OUTPUT", tmp_path)
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    figures.save(fig, "09_x_line", caption="c", source="s", out_dir=tmp_path, data="refugee_ceilings_admissions")
    figures.save(fig, "09_x_plain", caption="c", source="s", out_dir=tmp_path)
    records = site.figure_records(paths.FIGURE_RECORDS)
    assert records["09_x_line"]["data"] == ["refugee_ceilings_admissions"] and "data" not in records["09_x_plain"]
    with pytest.raises(ValueError, match="not_a_resource"):
        figures.save(fig, "09_x_bad", caption="c", source="s", out_dir=tmp_path, data=["not_a_resource"])
    plt.close(fig)


def test_site_is_rebuilt_only_when_something_it_is_built_from_changes(output_dir):
    """`python -m analysis site` skips a build whose inputs and output are as the last build left them."""
    from analysis.build import site_inputs

    out, executed = output_dir / "build" / "site", output_dir / "build" / "notebooks"
    (output_dir / "figures").mkdir(parents=True)
    figure = output_dir / "figures" / "01_x.png"
    figure.write_bytes(b"png")
    out.mkdir(parents=True)
    (out / "index.html").write_text("<html></html>", encoding="utf-8")
    digest = site_inputs.inputs_digest(out, executed, strict=False)
    assert not site_inputs.is_current(out, digest)  # never built
    site_inputs.remember(out, digest)
    assert site_inputs.is_current(out, site_inputs.inputs_digest(out, executed, strict=False))
    assert not site_inputs.is_current(out, site_inputs.inputs_digest(out, executed, strict=True))  # other options
    figure.write_bytes(b"PNG")  # same size, other bytes
    assert not site_inputs.is_current(out, site_inputs.inputs_digest(out, executed, strict=False))
    figure.write_bytes(b"png")
    assert site_inputs.is_current(out, digest)
    (out / "index.html").write_text("<html>edited</html>", encoding="utf-8")  # the built site changed by hand
    assert not site_inputs.is_current(out, digest)
