"""The collection as a static web site: ``python -m analysis site`` writes ``build/site/``.

Sphinx with MyST-NB renders the executed notebooks (``build/notebooks/NN_*.ipynb``, written by
``python -m analysis run``) without executing them again, and this module writes the pages around them:

* ``index``    the claims scoreboard and the question each notebook answers (from its first markdown cell);
* ``notebooks/NN_*``  one page per notebook (a notebook not executed yet is shown without outputs, flagged):
  each figure under the cell that saved it (from the record ``figures.save`` left), with its caption below it as
  alt text too, links to its PNG/SVG/PDF and to the data it plots; the code of plotting cells folded; code that
  wraps, with copy buttons (sphinx-copybutton); the text notebook and the executed one to download;
* ``gallery``  every figure in ``figures/`` with its caption, source line, the notebook section that makes it
  and links to its PNG, SVG, PDF and caption sidecar;
* ``data``     every resource in ``data/datapackage.json``: description, typed columns with units, sources,
  licences, sha256 and a download link;
* ``claims``   every claim with its verdict, filterable in the page (plain JavaScript bundled with the site), with
  the ledger embedded as schema.org ClaimReview JSON-LD for fact-checking tools.

Pages are Jinja2 templates (``templates/``; HTML autoescaped): this module prepares plain data for them. The site
works opened from disk with no network: the theme (Furo) is copied into the site, maths is rendered
to MathML at build time (latex2mathml; browsers draw it natively), and nothing points at a CDN. Everything is discovered, nothing listed by hand: a new notebook, figure or resource appears on the next build.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from markupsafe import Markup, escape

from analysis.core import claims, figures, io, paths
from analysis.build import run

ASSETS = Path(__file__).with_name("site_assets")
FIGURE_FORMATS = ("png", "svg", "pdf")
VERDICT_LABELS = {
    "reproduced": "reproduced", "differs": "differs", "attributed": "attributed (source's data not public)",
    "replicated_simulated": "replicated (simulated data)", "not_checkable": "not checkable",
    "unchecked": "no verdict yet",
}
# Topic keys in the register (snake_case) as a reader sees them; a topic not listed is shown with its words.
TOPIC_LABELS = {
    "ai": "AI", "border": "Border", "eu_ev_duties": "EU EV duties", "export_controls": "Export controls",
    "energy_expectations": "Energy prices and inflation expectations", "ict_policy": "ICT policy",
    "immigration": "Immigration", "mexico_gvc": "Mexico and global value chains", "refugees": "Refugees",
    "semiconductors": "Semiconductors", "tariffs": "Tariffs",
}


def topic_label(topic: str) -> str:
    """A register topic key as a readable label ("eu_ev_duties" -> "EU EV duties")."""
    return TOPIC_LABELS.get(topic) or str(topic).replace("_", " ").capitalize()


class SiteError(RuntimeError):
    """The site could not be built (the message names the step and the file)."""


SITE_MARKER = ".analysis-site"  # left in every folder the site build creates: only such folders are replaced


def _replace_folder(folder: Path, purpose: str) -> Path:
    """Empty `folder` for a fresh build — only if this command created it (its marker), it is new or empty, or
    it is the default location under build/ (which only the site build writes). Never a user's folder."""
    folder = Path(folder).expanduser().resolve()
    default = folder in (paths.BUILD.resolve() / "site", paths.BUILD.resolve() / "site_src")
    if default and folder.is_dir() and not (folder / SITE_MARKER).is_file():
        (folder / SITE_MARKER).write_text("created by python -m analysis site\n", encoding="utf-8")
    try:
        folder = io.claim_folder(folder, SITE_MARKER, purpose)
    except io.FolderNotOurs as err:
        raise SiteError(str(err)) from None
    shutil.rmtree(folder)
    return io.claim_folder(folder, SITE_MARKER, purpose)


# ------------------------------------------------------------------------------------------------ notebooks
@dataclass
class NotebookInfo:
    """What the landing page and gallery need to know about one notebook."""

    stem: str
    number: str
    title: str
    question: str
    executed: bool
    parameters: dict = field(default_factory=dict)
    sections: list[tuple[str, str, str]] = field(default_factory=list)  # (heading, anchor, figures.cell_key)

    def section_of(self, cell: str | None) -> tuple[str, str] | None:
        """(heading, anchor) of the section holding the code cell whose key (:func:`figures.cell_key`) is `cell`."""
        return next(((h, a) for h, a, count in self.sections if cell is not None and count == cell), None)

    def data_section(self) -> tuple[str, str] | None:
        """(heading, anchor) of the section that describes the notebook's data ("The data"), if it has one."""
        return next(((h, a) for h, a, _ in self.sections if a and re.match(r"^(\d+\.\s*)?(the )?data\b", h, re.I)),
                    None)

    @property
    def page(self) -> str:
        return f"notebooks/{self.stem}.html"


def _cell_text(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def make_anchor(heading: str) -> str:
    """The id Sphinx/docutils gives a section with this heading (``docutils.nodes.make_id``)."""
    from docutils.nodes import make_id

    return make_id(_plain(heading))


def _plain(markdown: str) -> str:
    """Heading text without inline markup (what docutils sees as the section title)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text).strip()


def describe_notebook(nb: dict, stem: str, executed: bool) -> NotebookInfo:
    """Title and question from the first markdown cell; the section each code cell (by its key) is in."""
    cells = nb.get("cells", [])
    first_md = next((_cell_text(c) for c in cells if c.get("cell_type") == "markdown"), "")
    lines = first_md.strip().splitlines()
    title = next((ln[2:].strip() for ln in lines if ln.startswith("# ")), stem)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", first_md) if p.strip() and not p.startswith("# ")]
    question = next((p for p in paragraphs if p.startswith("**The question")), paragraphs[0] if paragraphs else "")
    question = re.sub(r"^\*\*The question\.?\*\*\s*", "", question)
    sections, heading, anchor, used = [], title, "", {}
    for cell in cells:
        text = _cell_text(cell)
        if cell.get("cell_type") == "markdown":
            for ln in text.splitlines():
                m = re.match(r"^(#{2,3})\s+(.+)$", ln)
                if m:
                    heading = _plain(m[2])
                    base = make_anchor(heading)
                    n = used.get(base, 0)
                    used[base] = n + 1
                    anchor = base if n == 0 else f"{base}-{n}"  # not exact for duplicates; then page top
        elif cell.get("cell_type") == "code":
            sections.append((heading, anchor, figures.cell_key(text)))
    params = nb.get("metadata", {}).get("papermill", {}).get("parameters", {}) if executed else {}
    return NotebookInfo(stem=stem, number=stem[:2], title=_plain(title), question=question, executed=executed,
                        parameters=params, sections=sections)


def figure_records(records_dir: Path | None = None) -> dict[str, dict]:
    """What ``figures.save`` recorded when the runner executed each notebook: figure name -> ``{"notebook",
    "cell"}`` (the key of the cell that saved it, :func:`figures.cell_key`) and, where the call named them,
    ``"data"`` (the resources plotted), from ``build/figure_records/``."""
    records_dir = Path(records_dir or paths.FIGURE_RECORDS)
    out = {}
    for f in sorted(records_dir.glob("*.json")):
        try:
            rec = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise SiteError(f"cannot read the figure record {f}: {err}") from err
        out[rec["figure"]] = rec
    return out


def _read_notebook(text_nb: Path, executed_dir: Path):
    """(notebook, its description): the executed notebook, or the unexecuted text notebook (flagged)."""
    import nbformat

    executed_path = executed_dir / f"{text_nb.stem}.ipynb"
    executed = executed_path.is_file()
    try:
        if executed:
            nb = nbformat.read(executed_path, as_version=4)
        else:
            import jupytext  # only for a notebook never executed: it takes seconds to import

            nb = jupytext.read(text_nb)
    except Exception as err:  # a broken notebook names itself
        raise SiteError(f"cannot read {executed_path if executed else text_nb}: {err}") from err
    return nb, describe_notebook(nb, text_nb.stem, executed)


def _place_figures(nb, info: NotebookInfo, figs: list[FigureInfo]) -> list[str]:
    """Show each figure saved by a cell of this notebook (per its record) under that cell, with its caption,
    links to its files and to the data it plots; return the names placed.

    A kernel started with ``MPLBACKEND=Agg`` (as ``make run`` does) displays no figure inline; the file that
    ``figures.save`` wrote is the same figure, so the page shows that. Where the cell did display images, one per
    saved figure, they are replaced (the same figures, now captioned); otherwise the figures are added after them.
    """
    import nbformat

    cells = {figures.cell_key(c.source): c for c in nb.cells if c.cell_type == "code"}
    by_cell: dict[str, list[FigureInfo]] = {}
    for f in figs:
        if f.notebook is info and f.cell in cells and f.formats:
            by_cell.setdefault(f.cell, []).append(f)
    placed = []
    for key, saved in by_cell.items():
        cell = cells[key]
        shown = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        if len(shown) == len(saved):
            cell.outputs = [o for o in cell.outputs if o not in shown]
        for f in saved:
            cell.outputs.append(nbformat.v4.new_output("display_data", data={
                "text/html": render("figure.html.jinja", f=figure_card(f), base="../"),
                "text/plain": f"<figure {f.name}: {f.caption}>"}))
            placed.append(f.name)
    return placed


def _fold_plotting_inputs(nb, info: NotebookInfo, figs: list[FigureInfo]) -> None:
    """Fold the code of cells that save a figure (myst-nb's ``hide-input`` tag): the figure is what a reader
    comes for; the code stays one click away. Cells are known from the figure records, or for a notebook not
    executed yet, by the call to ``figures.save`` in them."""
    saving = {f.cell for f in figs if f.notebook is info and f.cell}
    for cell in nb.cells:
        if cell.cell_type == "code" and (figures.cell_key(cell.source) in saving or "figures.save(" in cell.source):
            tags = cell.metadata.setdefault("tags", [])
            if "hide-input" not in tags:
                tags.append("hide-input")


def _write_notebook(nb, info: NotebookInfo, text_nb: Path, executed_dir: Path, src: Path, verdicts: pd.DataFrame,
                    figs: list[FigureInfo]) -> None:
    """Write the page's notebook into the Sphinx source tree (figures placed, plotting code folded, a note under
    the title) and its downloads (the text notebook and the executed one) into the site."""
    import nbformat

    placed = _place_figures(nb, info, figs) if info.executed else []
    _fold_plotting_inputs(nb, info, figs)
    nb.metadata.pop("widgets", None)  # widget state would pull the ipywidgets manager from a CDN
    downloads = src / "_extra" / "notebooks"
    downloads.mkdir(parents=True, exist_ok=True)
    shutil.copy2(text_nb, downloads / text_nb.name)
    links = [{"href": text_nb.name, "label": f"{text_nb.name} (text notebook, jupytext)"}]
    if info.executed:
        shutil.copy2(executed_dir / f"{info.stem}.ipynb", downloads / f"{info.stem}.ipynb")
        links.append({"href": f"{info.stem}.ipynb", "label": f"{info.stem}.ipynb (executed, with outputs)"})
    mine = verdicts[verdicts["notebook"] == info.stem]
    made = sorted(f.name for f in figs if f.name.startswith(info.number + "_"))
    note = render("notebook_note.md.jinja", source=text_nb.name, executed=info.executed, number=info.number,
                  stem=info.stem, parameters=[f"{k}={v!r}" for k, v in info.parameters.items()],
                  downloads=links, claims=len(mine), judged=_verdict_counts(mine["verdict"]),
                  figures=[{"name": f, "href": f"#fig-{f}" if f in placed else f"../gallery.html#fig-{f}"}
                           for f in made])
    first_md = next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"), -1)
    nb.cells.insert(first_md + 1, nbformat.v4.new_markdown_cell(note.strip()))
    for c in nb.cells:  # cell ids must be unique and valid for nbformat 4.5
        c.pop("id", None)
    nb.nbformat_minor = 4
    (src / "notebooks").mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, src / "notebooks" / f"{info.stem}.ipynb")


# ------------------------------------------------------------------------------------------------- figures
@dataclass
class FigureInfo:
    name: str
    caption: str
    source: str
    formats: list[str]
    notebook: NotebookInfo | None
    section: tuple[str, str] | None  # (heading, anchor)
    cell: str | None = None  # figures.cell_key of the cell that saved it (from its record)
    data: list[str] = field(default_factory=list)  # the resources it plots, where figures.save was told

    @property
    def simulated(self) -> bool:
        return "SIMULATED" in self.source


def read_sidecar(path: Path) -> tuple[str, str]:
    """(caption, source line) from a ``figures/<name>.txt`` sidecar written by ``figures.save``."""
    if not path.is_file():
        return "", ""
    text = path.read_text(encoding="utf-8").strip()
    caption, _, source = text.partition("\n\n")
    return caption.strip(), source.strip()


def figures_index(notebooks: list[NotebookInfo], figures_dir: Path | None = None,
                  records: dict[str, dict] | None = None) -> list[FigureInfo]:
    """Every figure in ``figures/`` with its sidecar, and the notebook section whose cell saved it (from the
    records ``figures.save`` leaves; a figure without one is listed under its notebook, without a section)."""
    figures_dir = Path(figures_dir or paths.FIGURES)
    records = figure_records() if records is None else records
    stems = sorted({p.stem for p in figures_dir.glob("*") if p.suffix[1:] in FIGURE_FORMATS + ("txt",)
                    and not p.name.startswith(".")})
    out = []
    for stem in stems:
        caption, source = read_sidecar(figures_dir / f"{stem}.txt")
        formats = [f for f in FIGURE_FORMATS if (figures_dir / f"{stem}.{f}").is_file()]
        rec = records.get(stem, {})
        nb = next((n for n in notebooks if n.stem == rec.get("notebook")), None) or next(
            (n for n in notebooks if stem.startswith(n.number + "_")), None)
        recorded = nb is not None and rec.get("notebook") == nb.stem
        section = nb.section_of(rec.get("cell")) if recorded else None
        out.append(FigureInfo(stem, caption, source, formats, nb, section, rec.get("cell") if recorded else None,
                              list(rec.get("data") or [])))
    return out


# ---------------------------------------------------------------------------------------------- page parts
# Pages are Jinja2 templates in templates/: *.html.jinja are escaped automatically, *.md.jinja are MyST Markdown
# (their few HTML bits escape with |e) and conf.py.jinja writes Python literals with |pyrepr. This module only
# prepares plain data for them: strings (missing values as ""), numbers, lists and dicts.
TEMPLATES = Path(__file__).with_name("templates")
MISSING_TEXT = {"", "nan", "NaN", "<NA>", "None", "NaT"}


def _missing(x) -> bool:
    """True for None, NaN, pd.NA, NaT and their printed forms ("nan", "<NA>"): shown as nothing, never raw."""
    if x is None:
        return True
    try:
        if pd.isna(x) is True:
            return True
    except (TypeError, ValueError):  # list-likes are not missing
        pass
    return str(x).strip() in MISSING_TEXT


def _text(x) -> str:
    """A value as the text a page shows: missing values as nothing."""
    return "" if _missing(x) else str(x)


def _e(x) -> str:
    """Escaped text, as the templates escape it (markupsafe); missing values as nothing."""
    return str(escape(_text(x)))


def _breakable(x) -> Markup:
    """Escaped text that may break after an underscore (long snake_case names and units in narrow columns)."""
    return Markup(_e(x).replace("_", "_<wbr>"))


def _json_ld(items) -> Markup:
    """JSON for a ``<script type="application/ld+json">``; "</" escaped so no text can end the script."""
    text = json.dumps(items, ensure_ascii=False, indent=None, separators=(",", ":"))
    return Markup(text.replace("</", "<\\/"))


@functools.lru_cache(maxsize=1)
def templates():
    """The Jinja2 environment of the site's templates (autoescape for HTML; undefined names are errors)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True,
                      autoescape=select_autoescape(enabled_extensions=("html.jinja",), default_for_string=False,
                                                   default=False))
    env.filters.update(pyrepr=repr, breakable=_breakable, json_ld=_json_ld)
    env.tests["web_address"] = lambda url: bool(re.match(r"^https?://", str(url or "")))
    return env


def render(template: str, **context) -> str:
    """Render ``templates/<template>`` with `context`."""
    return templates().get_template(template).render(**context)


def _md_table(frame: pd.DataFrame, index_name: str) -> dict:
    """A scoreboard frame as a Markdown table's parts (the index first, numbers right-aligned)."""
    frame = frame.reset_index()
    columns = [index_name] + [VERDICT_LABELS.get(c, c) for c in frame.columns[1:]]
    return {"columns": [str(c) for c in columns], "align": ["---"] + ["--:"] * (len(columns) - 1),
            "rows": [[str(v) for v in row] for row in frame.itertuples(index=False)]}


def _verdict_counts(verdicts: pd.Series) -> str:
    return ", ".join(f"{n} {VERDICT_LABELS.get(v, v)}" for v, n in verdicts.value_counts().items())


def index_page(notebooks: list[NotebookInfo], rep: pd.DataFrame) -> str:
    board = claims.scoreboard(rep)
    overall = board["overall"].copy()
    overall.loc["total"] = overall["claims"].sum()
    overall.index = [VERDICT_LABELS.get(v, v) for v in overall.index]
    listed = []
    for nb in notebooks:
        mine = rep[rep["notebook"] == nb.stem]
        listed.append({"number": nb.number, "title": nb.title, "stem": nb.stem, "executed": nb.executed,
                       "question": nb.question, "claims": len(mine), "counts": _verdict_counts(mine["verdict"])})
    return render("index.md.jinja", overall=_md_table(overall, "verdict"),
                  evidence=_md_table(board["evidence"].rename(index=topic_label), "topic"),
                  by_topic=_md_table(board["topic"].rename(index=topic_label), "topic"), notebooks=listed)


def figure_card(f: FigureInfo) -> dict:
    """What the figure template shows of one figure (links relative to the site's root)."""
    image = f"figures/{f.name}.{'png' if 'png' in f.formats else f.formats[0]}" if f.formats else ""
    where = None
    if f.notebook:
        where = {"href": f.notebook.page + (f"#{f.section[1]}" if f.section and f.section[1] else ""),
                 "label": f"{f.notebook.number} › {f.section[0]}" if f.section else f.notebook.title}
    data_note = None
    if not f.data and f.notebook:  # no resources recorded: point to where the notebook describes its data
        anchor = f.notebook.data_section()
        data_note = ({"href": f"{f.notebook.page}#{anchor[1]}", "label": f"{f.notebook.number} › {anchor[0]}"}
                     if anchor else {"href": "data.html", "label": "the data catalogue"})
    return {"name": f.name, "image": image, "formats": f.formats, "has_sidecar": bool(f.caption or f.source),
            "caption": f.caption, "source": f.source, "simulated": f.simulated, "where": where,
            "data": list(f.data), "data_note": data_note}


def gallery_page(figs: list[FigureInfo], notebooks: list[NotebookInfo]) -> str:
    groups: dict[str, list[FigureInfo]] = {}
    for f in figs:
        groups.setdefault(f.notebook.stem if f.notebook else "", []).append(f)
    listed = []
    for key, items in groups.items():
        nb = next((n for n in notebooks if n.stem == key), None)
        listed.append({"heading": f"{nb.number} · {nb.title}" if nb else "Figures of no notebook",
                       "figures": [figure_card(f) for f in items]})
    return render("gallery.md.jinja", count=len(figs), groups=listed, base="")


def _constraints(c: dict) -> str:
    out = []
    for k, v in (c or {}).items():
        if k == "required" and v:
            out.append("required")
        elif k == "unique" and v:
            out.append("unique")
        elif k == "enum":
            out.append("one of: " + ", ".join(map(str, v)))
        elif k not in ("required", "unique"):
            out.append(f"{k} {v}")
    return "; ".join(out)


def data_page(package: dict) -> str:
    resources = []
    for r in package.get("resources", []):
        schema = r.get("schema", {})
        pk = schema.get("primaryKey")
        resources.append({
            "name": r["name"], "title": _text(r.get("title")), "description": _text(r.get("description")),
            "path": r["path"], "size": f"{int(r['bytes']):,} bytes" if r.get("bytes") else "",
            "digest": str(r.get("hash", "")).removeprefix("sha256:"),
            "primary_key": ", ".join(pk) if isinstance(pk, list) else _text(pk),
            "fields": [{"name": _text(f.get("name")), "type": _text(f.get("type")), "unit": _text(f.get("unit")),
                        "description": _text(f.get("description")), "constraints": _constraints(f.get("constraints"))}
                       for f in schema.get("fields", [])],
            "sources": [{"title": _text(s.get("title")), "path": _text(s.get("path")),
                         "description": _text(s.get("description"))} for s in r.get("sources", [])],
            "licences": [{"name": _text(l.get("name")), "title": _text(l.get("title")), "path": _text(l.get("path"))}
                         for l in r.get("licenses", [])],
        })
    licence = "; ".join(l.get("title") or l.get("name", "") for l in package.get("licenses", []))
    return render("data.md.jinja", resources=resources, description=_text(package.get("description")),
                  licence=licence)


# What the details of a claim show, in this order: (column, label). Empty values are left out.
CLAIM_DETAILS = (
    ("quote", "The claim's own words"), ("scope", "Scope of the claim"), ("period", "Period of the claim"),
    ("reason", "Reason"), ("comparison", "Comparison"), ("computation", "Computation"),
    ("evidence_kind", "Evidence"), ("evidence_period", "Evidence period"), ("evidence_scope", "Evidence scope"),
    ("basis_note", "Basis"), ("category", "Not checkable because"), ("searched", "Searched"),
    ("sources", "Sources"),
)
# The language of a column's text where it is not English: the claim's own words are Chinese, and the browser
# picks a Chinese font for them.
LANGUAGE = {"quote": "zh"}


def article_keys(rep: pd.DataFrame) -> dict[str, str]:
    """A short key per article ("A1", "A2", …, in order of first appearance), so a row names its article in two
    characters and the full citation is listed once above the table."""
    seen = dict.fromkeys(a for a in rep["article"] if not _missing(a))
    return {a: f"A{i}" for i, a in enumerate(seen, start=1)}


def claims_page(rep: pd.DataFrame) -> str:
    """The claims table (see templates/claims_table.html.jinja), with the ledger embedded as schema.org
    ClaimReview JSON-LD."""
    from analysis.build import claimreview

    present = set(rep["verdict"])
    verdicts = [{"value": v, "label": VERDICT_LABELS.get(v, v)}
                for v in list(claims.VERDICTS) + [claims.UNCHECKED] if v in present]
    topics = [{"value": t, "label": topic_label(t)} for t in sorted(set(rep["topic"]), key=topic_label)]
    keys = article_keys(rep)
    rows = []
    for r in rep.to_dict("records"):
        article = _text(r.get("article"))
        rows.append({
            "claim_id": r["claim_id"], "verdict": r["verdict"],
            "verdict_label": VERDICT_LABELS.get(r["verdict"], r["verdict"]), "topic": _text(r["topic"]),
            "claim": _text(r["claim"]), "key": keys.get(article, ""), "article": article,
            "document": _text(r.get("document")), "line": _text(r.get("line")),
            "facts": [{"label": label, "text": _text(r.get(col)), "lang": LANGUAGE.get(col, "")}
                      for col, label in CLAIM_DETAILS if not _missing(r.get(col))],
            "stated": _text(r.get("stated_value")), "unit": _text(r.get("unit")),
            "computed": _text(r.get("computed_value")), "notebook": _text(r.get("notebook")),
        })
    articles = [{"key": k, "article": a, "claims": int((rep["article"] == a).sum())} for a, k in keys.items()]
    return render("claims.md.jinja", rows=rows, articles=articles, verdicts=verdicts, topics=topics,
                  claimreview=claimreview.reviews(rep, base_url="claims.html"))


# ------------------------------------------------------------------------------------------------- sphinx
EXTENSIONS = ["myst_nb", "sphinx_copybutton"]


def citation_holder(cff_path: Path | None = None) -> tuple[str, str]:
    """(authors, year of release) from ``CITATION.cff``: who the site's footer names as copyright holder."""
    import yaml

    cff_path = Path(cff_path or paths.ROOT / "CITATION.cff")
    try:
        cff = yaml.safe_load(cff_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise SiteError(f"cannot read the copyright holder from {cff_path}: {err}") from err
    names = [a.get("name") or " ".join(filter(None, [a.get("given-names"), a.get("family-names")]))
             for a in cff.get("authors") or []]
    names = [n for n in names if n]
    if not names:
        raise SiteError(f"{cff_path}: 'authors' names nobody, so the site cannot name its copyright holder")
    return ", ".join(names), str(cff.get("date-released", ""))[:4]


def _theme() -> str:
    try:
        import furo  # noqa: F401
        return "furo"
    except ImportError:
        return "alabaster"


def prepare_source(src: Path, executed_dir: Path, figures_dir: Path, data_dir: Path,
                   records_dir: Path | None = None) -> dict:
    """Write the Sphinx source tree (pages, notebooks, static files, downloads); return what it holds."""
    src = _replace_folder(src, "the site's sources")
    (src / "_static").mkdir(parents=True)
    for asset in ASSETS.iterdir():
        if asset.is_file():
            shutil.copy2(asset, src / "_static" / asset.name)
    holder, year = citation_holder()
    (src / "conf.py").write_text(render("conf.py.jinja", theme=_theme(), extensions=EXTENSIONS, author=holder,
                                        copyright=f"{year}, {holder}" if year else holder), encoding="utf-8")

    rep = claims.report()
    records = figure_records(records_dir)
    read = [(p, *_read_notebook(p, executed_dir)) for p in run.notebooks()]
    nbs = [info for _, _, info in read]
    figs = figures_index(nbs, figures_dir, records)
    for text_nb, nb, info in read:
        _write_notebook(nb, info, text_nb, executed_dir, src, rep, figs)
    extra = src / "_extra"
    (extra / "figures").mkdir(parents=True, exist_ok=True)
    for f in figs:
        for ext in f.formats + (["txt"] if (figures_dir / f"{f.name}.txt").is_file() else []):
            shutil.copy2(figures_dir / f"{f.name}.{ext}", extra / "figures" / f"{f.name}.{ext}")
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    for r in package.get("resources", []):
        target = extra / "data" / r["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(data_dir / r["path"], target)
    shutil.copy2(data_dir / "datapackage.json", extra / "data" / "datapackage.json")
    rep.to_csv(extra / "data" / "claims_report.csv", index=False, lineterminator="\n")

    (src / "index.md").write_text(index_page(nbs, rep), encoding="utf-8")
    (src / "gallery.md").write_text(gallery_page(figs, nbs), encoding="utf-8")
    (src / "data.md").write_text(data_page(package), encoding="utf-8")
    (src / "claims.md").write_text(claims_page(rep), encoding="utf-8")
    return {"notebooks": nbs, "figures": figs, "resources": [r["name"] for r in package.get("resources", [])],
            "claims": len(rep)}


def build(executed_dir: Path | None = None, out_dir: Path | None = None, *, figures_dir: Path | None = None,
          data_dir: Path | None = None, records_dir: Path | None = None, strict: bool = False,
          quiet: bool = True) -> Path:
    """Build the static site; return the path of its landing page (``index.html``).

    Parameters
    ----------
    executed_dir : executed notebooks (default ``build/notebooks``, written by ``python -m analysis run``).
    out_dir : where the site goes (default ``build/site``); the Sphinx sources go beside it (``site_src``).
    figures_dir, data_dir : default ``figures/`` and ``data/``.
    records_dir : which cell saved each figure (default ``build/figure_records``, written by the runs).
    strict : turn Sphinx warnings into errors.
    """
    executed_dir = Path(executed_dir or paths.BUILD / "notebooks")
    out_dir = Path(out_dir or paths.BUILD / "site").expanduser().resolve()
    figures_dir = Path(figures_dir or paths.FIGURES)
    data_dir = Path(data_dir or paths.DATA)
    src = out_dir.parent / f"{out_dir.name}_src"
    for folder, purpose in ((out_dir, "the site"), (src, "the site's sources")):  # refuse before changing anything
        if folder.is_dir() and any(folder.iterdir()) and not (folder / SITE_MARKER).is_file() \
                and folder not in (paths.BUILD.resolve() / "site", paths.BUILD.resolve() / "site_src"):
            raise SiteError(f"refusing to replace {folder} for {purpose}: it holds files this command did not "
                            f"create (no {SITE_MARKER} marker); choose a new or empty folder")
    prepare_source(src, executed_dir, figures_dir, data_dir, records_dir)
    out_dir = _replace_folder(out_dir, "the site")
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-d", str(src / "_doctrees"), "-j", "1",
           str(src), str(out_dir)]
    if quiet:
        cmd.insert(3, "-q")
    if strict:
        cmd[3:3] = ["-W", "--keep-going"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.stderr.strip():
        print(proc.stderr.strip(), file=sys.stderr)
    if proc.returncode != 0:
        raise SiteError(f"sphinx-build failed (exit {proc.returncode}) on {src}:\n{proc.stdout[-3000:]}\n"
                        f"{proc.stderr[-3000:]}")
    index = out_dir / "index.html"
    if not index.is_file():
        raise SiteError(f"sphinx-build wrote no {index}")
    return index


def pages(site_dir: Path) -> list[Path]:
    """The HTML pages a reader can reach (not Sphinx's genindex/search helpers)."""
    skip = {"genindex.html", "search.html"}
    return sorted(p for p in Path(site_dir).rglob("*.html") if p.name not in skip and "_static" not in p.parts)
