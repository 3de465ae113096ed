"""The collection as a static web site: ``python -m analysis site`` writes ``build/site/``.

Sphinx with MyST-NB renders the executed notebooks (``build/notebooks/NN_*.ipynb``, written by
``python -m analysis run``) without executing them again, and this module writes the pages around them:

* ``index``    the claims scoreboard and the question each notebook answers (from its first markdown cell);
* ``notebooks/NN_*``  one page per notebook (a notebook not executed yet is shown without outputs, flagged);
* ``gallery``  every figure in ``figures/`` with its caption, source line, the notebook section that makes it
  and links to its PNG, SVG, PDF and caption sidecar;
* ``data``     every resource in ``data/datapackage.json``: description, typed columns with units, sources,
  licences, sha256 and a download link;
* ``claims``   every claim with its verdict, filterable in the page (plain JavaScript bundled with the site), with
  the ledger embedded as schema.org ClaimReview JSON-LD for fact-checking tools.

The site works opened from disk with no network: the theme (Furo) is copied into the site, maths is rendered
to MathML at build time (latex2mathml; browsers draw it natively), and nothing points at a CDN. Everything is discovered, nothing listed by hand: a new notebook, figure or resource appears on the next build.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.core import claims, data, figures, io, paths
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
    "cell"}`` (the key of the cell that saved it, :func:`figures.cell_key`), from ``build/figure_records/``."""
    records_dir = Path(records_dir or paths.FIGURE_RECORDS)
    out = {}
    for f in sorted(records_dir.glob("*.json")):
        try:
            rec = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise SiteError(f"cannot read the figure record {f}: {err}") from err
        out[rec["figure"]] = rec
    return out


def _attach_saved_figures(nb, stem: str, figures_dir: Path, records: dict[str, dict]) -> int:
    """Show the saved PNG under the cell that saved it (per its record) when that cell displayed no image.

    A kernel started with ``MPLBACKEND=Agg`` (as ``make run`` does) displays no figure inline; the file that
    ``figures.save`` wrote is the same figure, so the page shows that. Returns the number of figures attached.
    """
    import base64

    import nbformat

    cells = {figures.cell_key(c.source): c for c in nb.cells if c.cell_type == "code"}
    attached = 0
    for name, rec in records.items():
        cell = cells.get(rec.get("cell")) if rec.get("notebook") == stem else None
        if cell is None or any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
            continue
        png = figures_dir / f"{name}.png"
        if png.is_file():
            caption, _ = read_sidecar(figures_dir / f"{name}.txt")
            cell.outputs.append(nbformat.v4.new_output(
                "display_data", data={"image/png": base64.b64encode(png.read_bytes()).decode("ascii"),
                                      "text/plain": f"<figure {name}: {caption}>"}))
            attached += 1
    return attached


def _prepare_notebook(text_nb: Path, executed_dir: Path, target_dir: Path, verdicts: pd.DataFrame,
                      figures_dir: Path, records: dict[str, dict]) -> NotebookInfo:
    """Copy the executed notebook (or the unexecuted text notebook, flagged) into the Sphinx source tree."""
    import jupytext
    import nbformat

    executed_path = executed_dir / f"{text_nb.stem}.ipynb"
    executed = executed_path.is_file()
    try:
        nb = nbformat.read(executed_path, as_version=4) if executed else jupytext.read(text_nb)
    except Exception as err:  # a broken notebook names itself
        raise SiteError(f"cannot read {executed_path if executed else text_nb}: {err}") from err
    info = describe_notebook(nb, text_nb.stem, executed)
    if executed:
        _attach_saved_figures(nb, text_nb.stem, figures_dir, records)
    nb.metadata.pop("widgets", None)  # widget state would pull the ipywidgets manager from a CDN
    # A short note under the title: where the page comes from and what it judged.
    mine = verdicts[verdicts["notebook"] == text_nb.stem]
    counts = mine["verdict"].value_counts()
    judged = ", ".join(f"{n} {VERDICT_LABELS.get(v, v)}" for v, n in counts.items())
    figs = sorted({p.stem for p in figures_dir.glob(f"{info.number}_*") if p.suffix[1:] in FIGURE_FORMATS + ("txt",)})
    note = [f"*Rendered from `notebooks/{text_nb.name}`"]
    if executed:
        params = ", ".join(f"`{k}={v!r}`" for k, v in info.parameters.items())
        note[0] += f", executed headless{' with ' + params if params else ''}.*"
    else:
        note[0] += ".*"
        note.append("\n\n```{warning}\nThis notebook has not been executed yet: the page shows its code without "
                    f"outputs. Run `python -m analysis run {info.number}` and rebuild the site.\n```")
    if len(mine):
        note.append(f"\n\nClaims judged here: {len(mine)} ({judged}); see the "
                    f'<a href="../claims.html?q={text_nb.stem}">claims table</a>.')
    if figs:
        note.append("\n\nFigures made here: "
                    + ", ".join(f'<a href="../gallery.html#fig-{f}">{f}</a>' for f in figs) + ".")
    cell = nbformat.v4.new_markdown_cell("".join(note))
    first_md = next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"), -1)
    nb.cells.insert(first_md + 1, cell)
    for c in nb.cells:  # cell ids must be unique and valid for nbformat 4.5
        c.pop("id", None)
    nb.nbformat_minor = 4
    target_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target_dir / f"{text_nb.stem}.ipynb")
    return info


# ------------------------------------------------------------------------------------------------- figures
@dataclass
class FigureInfo:
    name: str
    caption: str
    source: str
    formats: list[str]
    notebook: NotebookInfo | None
    section: tuple[str, str] | None  # (heading, anchor)

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
        section = nb.section_of(rec.get("cell")) if nb is not None and rec.get("notebook") == nb.stem else None
        out.append(FigureInfo(stem, caption, source, formats, nb, section))
    return out


# ---------------------------------------------------------------------------------------------- page parts
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


def _e(x) -> str:
    return "" if _missing(x) else html.escape(str(x))


def _raw(html_text: str) -> str:
    return "```{raw} html\n" + html_text.strip() + "\n```\n"


def _link(url: str, text: str | None = None) -> str:
    if not url:
        return ""
    if re.match(r"^https?://", url):
        return f'<a href="{_e(url)}" rel="noopener">{_e(text or url)}</a>'
    return _e(text or url)


def _md_table(frame: pd.DataFrame, index_name: str) -> str:
    frame = frame.reset_index()
    frame.columns = [index_name] + [VERDICT_LABELS.get(c, c) for c in frame.columns[1:]]
    head = "| " + " | ".join(frame.columns) + " |\n|" + "|".join(["---"] + ["--:"] * (len(frame.columns) - 1)) + "|\n"
    body = "".join("| " + " | ".join(str(v) for v in row) + " |\n" for row in frame.itertuples(index=False))
    return head + body


def index_page(notebooks: list[NotebookInfo], rep: pd.DataFrame) -> str:
    board = claims.scoreboard(rep)
    overall = board["overall"].copy()
    overall.loc["total"] = overall["claims"].sum()
    overall.index = [VERDICT_LABELS.get(v, v) for v in overall.index]
    by_topic = board["topic"].rename(index=topic_label)
    parts = [
        "# Policy claims, rebuilt from public data\n",
        "Each notebook takes the numbers that a set of policy documents state, rebuilds them from public data "
        "(cited in the [data catalogue](data.md)) and gives every claim a verdict: *reproduced*, *differs* "
        "(with the reason), *attributed* (the named source says it, but its own data are not public), "
        "*replicated on simulated data* (where the real data are confidential) or *not checkable* (with the "
        "category and reason). The standard each verdict must meet is in the project's "
        "`docs/verdict_standard.md`. This site is built from the executed notebooks; it needs no network.\n",
        "## Scoreboard\n",
        _md_table(overall, "verdict"),
        "\n### What stands behind the verdicts, by topic\n",
        "Claims checked against public data (reproduced or differs), claims only attributed to their source, "
        "claims replicated on simulated data (which says the design works, not that the real-data number is "
        "right), and claims no public evidence can settle:\n",
        _md_table(board["evidence"].rename(index=topic_label), "topic"),
        "\nBrowse and filter every claim in the [claims table](claims.md). Verdicts by topic:\n",
        _md_table(by_topic, "topic"),
        "\n## The notebooks and the question each answers\n",
    ]
    for nb in notebooks:
        mine = rep[rep["notebook"] == nb.stem]
        status = "" if nb.executed else " *(not executed yet)*"
        parts.append(f"### {nb.number} · {{doc}}`{nb.title} <notebooks/{nb.stem}>`{status}\n")
        parts.append(nb.question + "\n")
        if len(mine):
            counts = ", ".join(f"{n} {VERDICT_LABELS.get(v, v)}" for v, n in mine["verdict"].value_counts().items())
            parts.append(f"\n*Verdicts:* {len(mine)} claims — {counts}.\n")
    parts.append("\n## Also here\n\n* [Figure gallery](gallery.md): every figure with caption, source and "
                 "downloads (PNG, SVG, PDF).\n* [Data catalogue](data.md): every table with columns, units, "
                 "sources, licence and checksum.\n* [Claims table](claims.md): every claim, searchable.\n")
    parts.append("\n```{toctree}\n:hidden:\n:caption: Notebooks\n\n"
                 + "\n".join(f"notebooks/{nb.stem}" for nb in notebooks) + "\n```\n")
    parts.append("\n```{toctree}\n:hidden:\n:caption: Reference\n\ngallery\ndata\nclaims\n```\n")
    return "\n".join(parts)


def gallery_page(figs: list[FigureInfo], notebooks: list[NotebookInfo]) -> str:
    parts = ["# Figure gallery\n",
             f"All {len(figs)} figures in `figures/`, grouped by the notebook that makes them. Each links to its "
             "PNG (screen), SVG (text kept as text) and PDF (fonts embedded) and to its caption sidecar (`.txt`, "
             "ready to paste). `python -m analysis figures --format pdf --out DIR` exports a chosen set.\n"]
    groups: dict[str, list[FigureInfo]] = {}
    for f in figs:
        groups.setdefault(f.notebook.stem if f.notebook else "", []).append(f)
    for key, items in groups.items():
        nb = next((n for n in notebooks if n.stem == key), None)
        parts.append(f"## {nb.number} · {nb.title}\n" if nb else "## Figures of no notebook\n")
        cards = []
        for f in items:
            img = f"figures/{f.name}.{'png' if 'png' in f.formats else (f.formats[0] if f.formats else 'png')}"
            where = ""
            if f.notebook:
                href = f.notebook.page + (f"#{f.section[1]}" if f.section and f.section[1] else "")
                label = f"{f.notebook.number} › {f.section[0]}" if f.section else f.notebook.title
                where = f'Made in <a href="{_e(href)}">{_e(label)}</a>'
            links = " ".join(f'<a href="figures/{_e(f.name)}.{fmt}">{fmt.upper()}</a>' for fmt in f.formats)
            if (f.caption or f.source):
                links += f' <a href="figures/{_e(f.name)}.txt">caption&nbsp;.txt</a>'
            flag = '<span class="simulated-flag">SIMULATED DATA</span> ' if f.simulated else ""
            body = (f'<figure id="fig-{_e(f.name)}">'
                    + (f'<a href="{_e(img)}"><img src="{_e(img)}" alt="{_e(f.caption or f.name)}"></a>'
                       if f.formats else "<p>(no image file)</p>")
                    + f"<figcaption><strong>{_e(f.name)}</strong>. {flag}{_e(f.caption) or '<em>no caption sidecar</em>'}"
                    + f'<div class="fig-source">{_e(f.source)}</div>'
                    + f'<div class="fig-where">{where}</div><div class="fig-links">{links}</div></figcaption></figure>')
            cards.append(body)
        parts.append(_raw('<div class="gallery">\n' + "\n".join(cards) + "\n</div>"))
    return "\n".join(parts)


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
    res_list = package.get("resources", [])
    lic = "; ".join(l.get("title") or l.get("name", "") for l in package.get("licenses", []))
    parts = ["# Data catalogue\n",
             f"{len(res_list)} tables in `data/`, each described in `data/datapackage.json` (Frictionless) and "
             f"validated on every load. {package.get('description', '')}\n\nPackage licence: {lic}. Each table's "
             "own licence and sources are listed with it (see also `DATA_LICENSES.md`).\n"]
    toc = ", ".join(f'<a href="#data-{_e(r["name"])}">{_e(r["name"])}</a>' for r in res_list)
    parts.append(_raw(f"<p>{toc}</p>"))
    for r in res_list:
        fields = r.get("schema", {}).get("fields", [])
        pk = r.get("schema", {}).get("primaryKey")
        rows = "".join(
            f"<tr><td><code>{_e(f.get('name'))}</code></td><td>{_e(f.get('type'))}</td><td>{_e(f.get('unit'))}</td>"
            f"<td>{_e(f.get('description'))}</td><td>{_e(_constraints(f.get('constraints')))}</td></tr>"
            for f in fields)
        sources = "".join(
            f"<li>{_e(s.get('title'))}" + (f" — {_link(s.get('path', ''))}" if s.get("path") else "")
            + (f"<br><span class=\"meta\">{_e(s.get('description'))}</span>" if s.get("description") else "")
            + "</li>" for s in r.get("sources", []))
        licences = "".join(
            f"<li><strong>{_e(l.get('name'))}</strong>: {_e(l.get('title'))}"
            + (f" ({_link(l['path'])})" if l.get("path") else "") + "</li>" for l in r.get("licenses", []))
        digest = str(r.get("hash", "")).removeprefix("sha256:")
        size = f"{int(r['bytes']):,} bytes" if r.get("bytes") else ""
        parts.append(_raw(
            f'<section class="resource" id="data-{_e(r["name"])}"><h2>{_e(r["name"])}</h2>'
            f"<p><strong>{_e(r.get('title'))}</strong></p><p>{_e(r.get('description'))}</p>"
            f'<p class="meta">File <a href="data/{_e(r["path"])}" download>data/{_e(r["path"])}</a> · {size} · '
            f'sha256 <code class="hash">{_e(digest)}</code>'
            + (f" · primary key: <code>{_e(', '.join(pk) if isinstance(pk, list) else pk)}</code>" if pk else "")
            + "</p>"
            f'<table class="catalogue docutils"><thead><tr><th>column</th><th>type</th><th>unit</th>'
            f"<th>description</th><th>constraints</th></tr></thead><tbody>{rows}</tbody></table>"
            f"<p><strong>Sources</strong></p><ul>{sources}</ul><p><strong>Licence</strong></p><ul>{licences}</ul>"
            "</section>"))
    return "\n".join(parts)


# What the details of a claim show, in this order: (column, label). Empty values are left out.
CLAIM_DETAILS = (
    ("quote", "The claim's own words"), ("scope", "Scope of the claim"), ("period", "Period of the claim"),
    ("reason", "Reason"), ("comparison", "Comparison"), ("computation", "Computation"),
    ("evidence_kind", "Evidence"), ("evidence_period", "Evidence period"), ("evidence_scope", "Evidence scope"),
    ("basis_note", "Basis"), ("category", "Not checkable because"), ("searched", "Searched"),
    ("sources", "Sources"),
)


def article_keys(rep: pd.DataFrame) -> dict[str, str]:
    """A short key per article ("A1", "A2", …, in order of first appearance), so a row names its article in two
    characters and the full citation is listed once above the table."""
    seen = dict.fromkeys(a for a in rep["article"] if not _missing(a))
    return {a: f"A{i}" for i, a in enumerate(seen, start=1)}


ZH = ' lang="zh"'  # the claim's own words are Chinese: the browser picks a Chinese font for them


def _breakable(x) -> str:
    """Escaped text that may break after an underscore (long snake_case names and units in narrow columns)."""
    return _e(x).replace("_", "_<wbr>")


def _json_ld(items: list[dict]) -> str:
    """One ``<script type="application/ld+json">`` holding `items`; "</" escaped so no text can end the script."""
    text = json.dumps(items, ensure_ascii=False, indent=None, separators=(",", ":"))
    return '<script type="application/ld+json">' + text.replace("</", "<\\/") + "</script>"


def claims_page(rep: pd.DataFrame) -> str:
    """The claims table: id and verdict first (visible on a phone), the paraphrase wide, the article as a short key
    (full citations once, above the table), everything else folded into a details element per row. The ledger is
    embedded as schema.org ClaimReview JSON-LD."""
    from analysis.build import claimreview

    verdicts = [v for v in list(claims.VERDICTS) + [claims.UNCHECKED] if v in set(rep["verdict"])]
    topics = sorted(set(rep["topic"]), key=topic_label)
    opts = "".join(f'<option value="{_e(v)}">{_e(VERDICT_LABELS.get(v, v))}</option>' for v in verdicts)
    topts = "".join(f'<option value="{_e(t)}">{_e(topic_label(t))}</option>' for t in topics)
    keys = article_keys(rep)
    rows = []
    for r in rep.to_dict("records"):
        cid, verdict = r["claim_id"], r["verdict"]
        key = keys.get(r["article"], "")
        nb = (f'<a href="notebooks/{_e(r["notebook"])}.html">{_breakable(r["notebook"])}</a>'
              if not _missing(r.get("notebook")) else "")
        facts = "".join(f"<dt>{_e(label)}</dt><dd{ZH if col == 'quote' else ''}>{_e(r.get(col))}</dd>"
                        for col, label in CLAIM_DETAILS if not _missing(r.get(col)))
        key_link = f'<a href="#article-{key}" title="{_e(r["article"])}">{key}</a>' if key else ""
        place = (f" (document {_e(r.get('document'))}, line {_e(r.get('line'))})"
                 if not _missing(r.get("document")) else "")
        where = f"<dt>Article</dt><dd>{key_link} {_e(r['article'])}{place}</dd>" if key else ""
        details = (f'<details><summary>quote, reason and evidence</summary><dl class="claim-facts">{facts}{where}'
                   "</dl></details>") if facts or where else ""
        stated = " ".join(x for x in (_e(r.get("stated_value")), _breakable(r.get("unit"))) if x)
        rows.append(
            f'<tr data-verdict="{_e(verdict)}" data-topic="{_e(r["topic"])}" id="{_e(cid)}">'
            f'<td class="claim-id"><a href="#{_e(cid)}"><code>{_e(cid)}</code></a>'
            f'<span class="meta"> {key_link}</span></td>'
            f'<td class="claim-verdict"><span class="verdict verdict-{_e(verdict)}">'
            f"{_e(VERDICT_LABELS.get(verdict, verdict))}</span></td>"
            f'<td class="claim-text">{_e(r["claim"])}{details}</td>'
            f'<td class="claim-stated" data-label="stated">{stated or "—"}</td>'
            f'<td class="claim-computed" data-label="computed">{_e(r.get("computed_value")) or "—"}</td>'
            f'<td class="claim-notebook" data-label="notebook">{nb or "—"}</td></tr>')
    articles = "".join(
        f'<li id="article-{k}"><strong>{k}</strong> {_e(a)} '
        f'<span class="meta">({int((rep["article"] == a).sum())} claims)</span></li>' for a, k in keys.items())
    ld = claimreview.reviews(rep, base_url="claims.html")
    return "\n".join([
        "# Claims table\n",
        f"All {len(rep)} claims in the register with the verdict of the notebook that judges them. Type to filter "
        "(every word must appear in the row), or pick a verdict or topic; open a row's details for the claim's own "
        "words (the quotation from the document), the reason and the evidence. `python -m analysis claims --show "
        "ID` prints one claim with its full provenance.\n",
        _raw(
            '<details class="article-list"><summary>The articles the claims come from (key used in the table)'
            f'</summary><ol class="articles">{articles}</ol></details>'
            '<div class="filters"><input id="claims-filter" type="search" placeholder="Filter claims: id, words, '
            'notebook…" aria-label="Filter claims">'
            f'<select id="verdict-filter" aria-label="Verdict"><option value="">all verdicts</option>{opts}</select>'
            f'<select id="topic-filter" aria-label="Topic"><option value="">all topics</option>{topts}</select>'
            '<span id="claims-count" aria-live="polite"></span></div>'
            '<table id="claim-rows" class="claims docutils"><colgroup><col class="c-id"><col class="c-verdict">'
            '<col class="c-claim"><col class="c-stated"><col class="c-computed"><col class="c-notebook"></colgroup>'
            "<thead><tr><th>id · article</th><th>verdict</th><th>claim (paraphrased)</th><th>stated</th>"
            "<th>computed</th><th>notebook</th></tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"),
        "\nThe same verdicts, as schema.org `ClaimReview` records for fact-checking tools, are embedded in this page "
        "(JSON-LD) and written by `python -m analysis claims --format claimreview`.\n",
        _raw(_json_ld(ld)),
    ])


# ------------------------------------------------------------------------------------------------- sphinx
CONF = '''\
# Generated by analysis.build.site: do not edit (rebuilt on every `python -m analysis site`).
project = "Policy claims, rebuilt"
author = {author!r}
copyright = {copyright!r}  # the holder named in CITATION.cff, so the footer names who holds it
extensions = ["myst_nb"]
master_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
html_theme = {theme!r}
html_title = "Policy claims, rebuilt"
html_static_path = ["_static"]
html_extra_path = ["_extra"]
html_css_files = ["site.css"]
html_js_files = ["claims-filter.js"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
# Summaries in search results are fetched from the pages' sources, which a browser refuses from file:// (CORS):
# results list the page titles only, so search works with the site opened from disk.
html_show_search_summary = False
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_dmath_allow_digits = False  # "$5bn-$10bn" is money, not maths
myst_heading_anchors = 3
nb_execution_mode = "off"
nb_ipywidgets_js = {{}}  # no widget manager from a CDN: the site shows the default (static) outputs
nb_merge_streams = True
suppress_warnings = ["myst.header", "mystnb.unknown_mime_type", "myst.xref_missing", "toc.not_included"]
# Maths is rendered at build time to MathML (latex2mathml), which Chromium, Firefox and Safari draw natively:
# no MathJax, no web fonts, nothing to fetch.
html_math_renderer = "mathml"


def setup(app):
    from analysis.build.site import setup_mathml

    setup_mathml(app)
'''

def _mathml(latex: str, display: bool) -> str:
    """MathML for a LaTeX string; the LaTeX itself (as code) if latex2mathml cannot parse it."""
    from latex2mathml.converter import convert

    try:
        return convert(latex.strip(), display="block" if display else "inline")
    except Exception:  # an unsupported macro: show the source rather than fail the build
        return f'<code class="math-source">{html.escape(latex)}</code>'


def setup_mathml(app) -> None:
    """Register the ``mathml`` HTML math renderer (used by the generated conf.py)."""
    from docutils import nodes

    def inline(self, node):
        self.body.append(self.starttag(node, "span", "", CLASS="math notranslate"))
        self.body.append(_mathml(node.astext(), False) + "</span>")
        raise nodes.SkipNode

    def block(self, node):
        self.body.append(self.starttag(node, "div", CLASS="math notranslate"))
        latex = node.astext()
        if node.get("nowrap") and not latex.lstrip().startswith("\\begin"):
            latex = latex.strip()
        self.body.append(_mathml(latex, True) + "</div>\n")
        raise nodes.SkipNode

    app.add_html_math_renderer("mathml", (inline, None), (block, None))


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
    (src / "conf.py").write_text(CONF.format(theme=_theme(), author=holder,
                                             copyright=f"{year}, {holder}" if year else holder),
                                 encoding="utf-8")

    rep = claims.report()
    records = figure_records(records_dir)
    nbs = [_prepare_notebook(p, executed_dir, src / "notebooks", rep, figures_dir, records) for p in run.notebooks()]
    figs = figures_index(nbs, figures_dir, records)
    extra = src / "_extra"
    (extra / "figures").mkdir(parents=True)
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


# ------------------------------------------------------------------------------------------ data licences
LICENCE_START, LICENCE_END = "<!-- resources:start (python -m analysis site --update-licences) -->", "<!-- resources:end -->"


def data_licences_table(package: dict | None = None) -> str:
    """Markdown table: every resource with its licences and sources, read from ``data/datapackage.json``."""
    package = package or data.descriptor()

    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    rows = ["| resource | licence | terms (as recorded in datapackage.json) | sources |", "|---|---|---|---|"]
    for r in package.get("resources", []):
        lic = r.get("licenses", [])
        sources = "; ".join(s.get("title", "") + (f" <{s['path']}>" if str(s.get("path", "")).startswith("http")
                                                    else "") for s in r.get("sources", []))
        rows.append(f"| `{r['name']}` | {cell(', '.join(l.get('name', '') for l in lic))} | "
                    f"{cell(' / '.join(l.get('title', '') for l in lic))} | {cell(sources)} |")
    return "\n".join(rows) + "\n"


def update_data_licences(path: Path | None = None) -> Path:
    """Rewrite the generated table in ``DATA_LICENSES.md`` (between its markers) from the data package."""
    path = Path(path or paths.ROOT / "DATA_LICENSES.md")
    text = path.read_text(encoding="utf-8")
    if LICENCE_START not in text or LICENCE_END not in text:
        raise SiteError(f"{path}: markers {LICENCE_START!r} … {LICENCE_END!r} not found")
    head, rest = text.split(LICENCE_START, 1)
    _, tail = rest.split(LICENCE_END, 1)
    from analysis.core import io

    return io.write_text(path, f"{head}{LICENCE_START}\n{data_licences_table()}{LICENCE_END}{tail}")
