"""The static site: every notebook, figure, resource and claim is on it, and nothing is fetched from outside.

The site is built once (tests/site_build.py): notebook 01 executed with fast=True, the others rendered from
their text. Browser checks are in test_browser.py.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from analysis import paths, site


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
                    {"cell_type": "code", "source": 'figures.save(fig, "09_x_y", caption="c", source="s")'}]}
    info = site.describe_notebook(nb, "09_x", executed=True)
    assert (info.title, info.question) == ("Title here", "Does X hold?")
    assert info.sections == [("A section", "a-section", 'figures.save(fig, "09_x_y", caption="c", source="s")')]
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
    # the section that makes the figure, found from the figures.save call in the notebook's code
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
    rows = re.findall(r'<tr data-verdict="([a-z_]+)" data-topic="[a-z_]+" id="claim-([A-Z]+-\d+)"', page)
    assert len(rows) == len(rep)
    assert dict((cid, v) for v, cid in rows) == dict(zip(rep["claim_id"], rep["verdict"]))
    assert 'id="claims-filter"' in page and "_static/claims-filter.js" in page


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
    block = site._mathml(r"\log_{10}(\text{cost}_i) = a + b\,t_i + \varepsilon_i", display=True)
    assert block.startswith("<math") and "display=\"block\"" in block and "<msub>" in block
    assert "<code" in site._mathml(r"\notarealmacro{", display=False) or "<math" in site._mathml(r"\notarealmacro{", False)


def test_page_list_excludes_sphinx_helpers(site_dir):
    names = {p.name for p in site.pages(site_dir)}
    assert "index.html" in names and "search.html" not in names and "genindex.html" not in names


# ------------------------------------------------------------------------------ citation and licences
REPO = paths.ROOT


def test_data_licences_cover_every_resource():
    text = (REPO / "DATA_LICENSES.md").read_text(encoding="utf-8")
    generated = text.split(site.LICENCE_START, 1)[1].split(site.LICENCE_END, 1)[0]
    package = json.loads(paths.DESCRIPTOR.read_text())
    missing = [r["name"] for r in package["resources"] if f"| `{r['name']}` |" not in generated]
    assert not missing, (f"DATA_LICENSES.md lacks {missing}: run `python -m analysis site --update-licences`")
    for r in package["resources"]:
        row = next(ln for ln in generated.splitlines() if ln.startswith(f"| `{r['name']}` |"))
        for lic in r.get("licenses", []):
            assert lic["name"] in row, (r["name"], lic["name"])


def test_update_data_licences_rewrites_only_the_table(tmp_path):
    copy = tmp_path / "DATA_LICENSES.md"
    copy.write_text(f"intro\n{site.LICENCE_START}\nstale\n{site.LICENCE_END}\noutro\n")
    site.update_data_licences(copy)
    text = copy.read_text()
    assert text.startswith("intro\n") and text.endswith("outro\n") and "stale" not in text
    assert "| `refugee_ceilings_admissions` | public-domain-us-gov |" in text
    copy.write_text("no markers")
    with pytest.raises(site.SiteError, match="markers"):
        site.update_data_licences(copy)


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
