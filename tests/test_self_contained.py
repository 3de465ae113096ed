"""The repository stands alone: no tracked file points to material outside it.

A reader who clones the project has no shared folder of the machine it was built on, so no file may refer to
`../shared`, `shared/sources`, `shared/documents`, the claims inventory or design notes kept there, or to absolute
machine paths such as `/work/...`. What the project uses from elsewhere is copied in with its provenance
(`docs/sources/`, `docs/designs.md`, `docs/documents.md`). One test per top-level folder, so a failure names the
folder, and each failure lists file and line.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from analysis.core import paths

OUTSIDE = re.compile(
    r"\.\./shared"
    r"|\bshared/(?:sources|documents|designs|claims_inventory|research)"
    r"|\bshared\s+(?:checked\s+)?source\s+(?:folder|table)s?\b"
    r"|\bthe\s+shared\s+folder\b"
    r"|(?<![\w.])/work/"
    r"|(?<![\w.])/tmp/\w",
    re.IGNORECASE,
)

# What every pattern of OUTSIDE contains, matched with the same case folding: a file without it has no such line
# (one search of a file's text instead of OUTSIDE line by line: OUTSIDE took seconds over data/).
PART = re.compile(r"shared|/work/|/tmp/", re.IGNORECASE)

# Lines allowed to contain such a pattern, as (path, exact stripped line). Keep this list short and explain each.
ALLOWED = {
    # The self-citation detector looks for these very strings in data rows (a data row must never cite the
    # documents), so its pattern has to spell them out.
    ("src/analysis/core/claims.py",
     r'r"shared/documents|\b00[0-4]_[0-9a-f]{16}\b|claims_inventory|translated document|the document itself|"'),
}
SELF = "tests/test_self_contained.py"  # this file spells the patterns out itself


def _tracked_files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=paths.ROOT, capture_output=True, check=True).stdout
    return [name for name in out.decode("utf-8").split("\0") if name]


def _text(name: str) -> str | None:
    """The file's text, or None for binary files (NUL byte or not UTF-8)."""
    path = paths.ROOT / name
    if not path.is_file():  # deleted in the working tree but still in the index
        return None
    raw = path.read_bytes()
    if b"\0" in raw:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _folder(name: str) -> str:
    return name.split("/", 1)[0] if "/" in name else "(root)"


FILES = _tracked_files()
FOLDERS = sorted({_folder(name) for name in FILES})


def outside_references(names: list[str]) -> list[str]:
    """'file:line: text' for every line of `names` that points outside the repository (allow-list excepted)."""
    found = []
    for name in names:
        if name == SELF:
            continue
        text = _text(name)
        if text is None or not PART.search(text):  # the lines only of a file where one may match (data are large)
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if OUTSIDE.search(line) and (name, line.strip()) not in ALLOWED:
                found.append(f"{name}:{number}: {line.strip()[:160]}")
    return found


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_reference_outside_the_repository(folder):
    found = outside_references([name for name in FILES if _folder(name) == folder])
    assert not found, "references to files outside the repository:\n" + "\n".join(found)


def test_the_pattern_catches_what_it_should():
    for bad in ("see ../shared/designs.md", "shared/sources/chips/README.md", "/work/shared/sources/ai",
                "Copied from the project's shared source folder", "in shared/documents/000_x.txt",
                'Path("/tmp/w5/IMPMX.txt")', "copied from the shared folder"):
        assert OUTSIDE.search(bad) and PART.search(bad), bad
    for fine in ("a shared temporary output folder", "What is shared out", "https://example.org/work/page",
                 "data/claims.csv", "the machine is shared"):
        assert not OUTSIDE.search(fine), fine
