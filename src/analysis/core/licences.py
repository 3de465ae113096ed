"""The licence of every data resource, as the table in ``DATA_LICENSES.md`` (generated from the data package).

``python -m analysis site --update-licences`` rewrites the table between the file's two markers from
``data/datapackage.json``; ``tests/test_site.py`` fails when a resource or one of its licences is missing from it.
"""

from __future__ import annotations

from pathlib import Path

from analysis.core import data, io, paths

LICENCE_START = "<!-- resources:start (python -m analysis site --update-licences) -->"
LICENCE_END = "<!-- resources:end -->"


class LicenceError(ValueError):
    """DATA_LICENSES.md cannot be updated (the message names the file and what is missing)."""


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
        raise LicenceError(f"{path}: markers {LICENCE_START!r} … {LICENCE_END!r} not found")
    head, rest = text.split(LICENCE_START, 1)
    _, tail = rest.split(LICENCE_END, 1)
    return io.write_text(path, f"{head}{LICENCE_START}\n{data_licences_table()}{LICENCE_END}{tail}")
