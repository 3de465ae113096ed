"""The package's layers, kept by reading its imports (ast; nothing is imported or run).

    core/        knows no topic: imports only core
    estimators/  estimate only: core and other estimators; no plotting, no files, no study
    studies/X/   one topic: core, estimators and X itself; never another study
    build/       runs, renders and exports: core and build; it discovers studies, never imports them

and, everywhere in src/ and notebooks/: no private name (``_x``) of one module used in another, and pyfixest's
private model attributes read only in ``estimators/pyfixest_compat.py``. docs/CONTRIBUTING.md ("Where new code
goes") describes the same rules.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "analysis"
PYFIXEST_PRIVATE = {"_vcov", "_N", "_G", "_beta_hat", "_u_hat", "_scores", "_bread", "_X", "_Y"}
# file I/O an estimator must not do (it gets arrays and frames; studies and build read and write files)
FILE_IO_CALLS = {"open", "read_csv", "read_parquet", "read_excel", "read_json", "to_csv", "to_parquet", "to_json",
                 "read_text", "write_text", "read_bytes", "write_bytes", "savefig"}


@dataclass(frozen=True)
class Import:
    file: Path
    line: int
    module: str  # absolute module imported from (analysis.core.data, matplotlib.pyplot, ...)
    names: tuple[str, ...]  # names taken from it (empty for `import x`)

    def where(self) -> str:
        return f"{self.file.relative_to(REPO)}:{self.line}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO / "src").with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imports(path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = module_name(path) if path.is_relative_to(PACKAGE) else ""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [Import(path, node.lineno, a.name, ()) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: resolve against this module's package
                base = own.split(".") if is_package(path) else own.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                module = ".".join([*base, module] if module else base)
            out.append(Import(path, node.lineno, module, tuple(a.name for a in node.names)))
    return out


def targets(imp: Import) -> list[str]:
    """The analysis modules an import reaches: ``from analysis.core import data`` reaches analysis.core.data."""
    if not imp.module.startswith("analysis"):
        return []
    found = []
    for name in imp.names or ("",):
        candidate = f"{imp.module}.{name}" if name else imp.module
        as_module = PACKAGE.parent / Path(*candidate.split("."))
        found.append(candidate if (as_module.with_suffix(".py").is_file() or as_module.is_dir()) else imp.module)
    return found


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) < 2 or parts[1] == "__main__":
        return "root"
    if parts[1] == "studies" and len(parts) > 2:
        return f"studies.{parts[2]}"
    return parts[1]


def source_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def notebook_files() -> list[Path]:
    return sorted((REPO / "notebooks").glob("*.py"))


ALLOWED = {  # layer -> layers it may import (its own always allowed)
    "core": {"core"},
    "estimators": {"core", "estimators"},
    "build": {"core", "build"},
}


def test_the_layers_exist():
    for folder in ("core", "estimators", "studies", "build"):
        assert (PACKAGE / folder / "__init__.py").is_file(), folder
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"], f"modules belong in a layer folder, not beside them: {loose}"


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_layers(path):
    own = layer(module_name(path))
    if own == "root":
        return  # the package's __init__ and __main__ (which hands over to build.cli)
    bad = []
    for imp in imports(path):
        for target in targets(imp):
            other = layer(target)
            if other == own or target == "analysis":
                continue
            if own.startswith("studies."):
                ok = other in {"core", "estimators"}
                why = "a study imports core, estimators and itself, never another study" if other.startswith(
                    "studies") else "a study does not import the build layer"
            else:
                ok = other in ALLOWED[own]
                why = f"{own} may import only {', '.join(sorted(ALLOWED[own]))}"
            if not ok:
                bad.append(f"{imp.where()}: imports {target} ({why})")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("path", sorted((PACKAGE / "estimators").glob("*.py")), ids=lambda p: p.name)
def test_estimators_neither_plot_nor_touch_files(path):
    bad = [f"{imp.where()}: imports {imp.module}" for imp in imports(path)
           if imp.module.split(".")[0] in {"matplotlib", "seaborn", "plotly"}
           or imp.module in {"analysis.core.paths", "analysis.core.io", "analysis.core.data", "analysis.core.figures"}
           or (imp.module == "analysis.core" and set(imp.names) & {"paths", "io", "data", "figures"})]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in FILE_IO_CALLS:
                bad.append(f"{path.relative_to(REPO)}:{node.lineno}: calls {name}() (file I/O belongs to a study)")
    assert not bad, "\n".join(bad)


def _private_uses(path: Path) -> list[str]:
    """`from analysis.x import _y`, and `alias._y` where alias names an imported analysis module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad, aliases = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis"):
            for a in node.names:
                if a.name.startswith("_") and not a.name.startswith("__"):
                    bad.append(f"{path.relative_to(REPO)}:{node.lineno}: imports private {node.module}.{a.name}")
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("analysis"):
                    aliases[a.asname or a.name.split(".")[0]] = a.name
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            bad.append(f"{path.relative_to(REPO)}:{node.lineno}: uses private {aliases[node.value.id]}.{node.attr}")
    return bad


@pytest.mark.parametrize("path", source_files() + notebook_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_private_name_crosses_a_module_boundary(path):
    bad = _private_uses(path)
    assert not bad, "\n".join(bad)


def test_pyfixest_internals_are_read_in_one_module():
    compat = PACKAGE / "estimators" / "pyfixest_compat.py"
    bad = []
    for path in source_files() + notebook_files():
        if path == compat:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in PYFIXEST_PRIVATE:
                bad.append(f"{path.relative_to(REPO)}:{node.lineno}: reads .{node.attr}")
    assert not bad, "pyfixest internals outside estimators/pyfixest_compat.py:\n" + "\n".join(bad)


# the rules above must be able to fail: each checker is run on a small planted violation
def test_the_checkers_catch_planted_violations(tmp_path, monkeypatch):
    fake = tmp_path / "src" / "analysis"
    for folder in ("core", "estimators", "build", "studies/a", "studies/b"):
        (fake / folder).mkdir(parents=True)
        (fake / folder / "__init__.py").write_text("")
    (fake / "core" / "x.py").write_text("from analysis.studies.a import thing\n")
    (fake / "estimators" / "e.py").write_text("import matplotlib.pyplot as plt\nfrom analysis.core import paths\n"
                                              "def f(d):\n    d.to_csv('x')\n")
    (fake / "studies" / "a" / "m.py").write_text("from analysis.studies.b import other\n"
                                                 "from analysis.core import data\nx = data._label('p')\n"
                                                 "y = fit._vcov\n")
    (fake / "build" / "r.py").write_text("from analysis.studies import a\n")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    with pytest.raises(AssertionError, match="imports analysis.studies.a"):
        test_imports_follow_the_layers(fake / "core" / "x.py")
    with pytest.raises(AssertionError, match="never another study"):
        test_imports_follow_the_layers(fake / "studies" / "a" / "m.py")
    with pytest.raises(AssertionError, match="build may import only"):
        test_imports_follow_the_layers(fake / "build" / "r.py")
    with pytest.raises(AssertionError, match="matplotlib") as err:
        test_estimators_neither_plot_nor_touch_files(fake / "estimators" / "e.py")
    assert "analysis.core" in str(err.value) and "to_csv" in str(err.value)
    with pytest.raises(AssertionError, match="private analysis.core.data._label"):
        test_no_private_name_crosses_a_module_boundary(fake / "studies" / "a" / "m.py")
    monkeypatch.setattr(sys.modules[__name__], "notebook_files", lambda: [])
    with pytest.raises(AssertionError, match="reads ._vcov"):
        test_pyfixest_internals_are_read_in_one_module()
