"""The provenance scripts (scripts/provenance/) can be re-run and stay in step with the data package.

Each described resource that names a provenance script points to one that exists; each script is named after the
resource it builds (``build_<resource>.py``); no script holds a machine path; the Table Schema field dicts come from
the one shared helper (``_common.field``), never from a copy; an input that is absent or different stops a script
with a message naming the file, its origin and sha256. Each checker is shown to fail on a planted violation.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from analysis.core import data, paths

PROVENANCE = paths.ROOT / "scripts" / "provenance"
SCRIPTS = sorted(PROVENANCE.glob("*/build_*.py"))
PYTHON = sorted(PROVENANCE.rglob("*.py"))
SCRIPT_PATH = re.compile(r"scripts/provenance/[\w/]+\.py")
# Spelled in pieces so that this file itself holds no machine path (tests/test_self_contained.py).
ROOTS = ["work", "tmp", "home"]
MACHINE_PATH = re.compile(r"(?<![\w.])(" + "|".join(f"/{root}/" for root in ROOTS) + r"|~/)|\.\./" + "shared")


def script_references(package: dict) -> list[tuple[str, str]]:
    """(resource, script path) for every provenance script a resource names (in its sources or description)."""
    return [(res["name"], ref) for res in package["resources"]
            for ref in SCRIPT_PATH.findall(str(res.get("sources", "")) + res.get("description", ""))]


def missing_scripts(package: dict, root: Path) -> list[str]:
    return [f"{name}: {ref}" for name, ref in script_references(package) if not (root / ref).is_file()]


def machine_paths(text: str) -> list[str]:
    """'line N: text' for every line of `text` holding a machine path."""
    return [f"line {i}: {line.strip()}" for i, line in enumerate(text.splitlines(), 1) if MACHINE_PATH.search(line)]


def own_field_helpers(source: str) -> list[str]:
    """Functions in `source` that build a Table Schema field dict (a dict literal with 'name' and 'type' keys)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            for inner in ast.walk(node):
                keys = {k.value for k in getattr(inner, "keys", []) if isinstance(k, ast.Constant)}
                if isinstance(inner, ast.Dict) and {"name", "type"} <= keys:
                    found.append(getattr(node, "name", "<lambda>"))
                    break
    return found


def test_there_are_scripts():
    assert len(SCRIPTS) > 40


def test_every_script_a_resource_names_exists():
    assert script_references(data.descriptor())  # the package does name some
    assert missing_scripts(data.descriptor(), paths.ROOT) == []


def test_missing_script_is_reported():
    package = {"resources": [{"name": "r", "sources": [{"path": "scripts/provenance/x/build_r.py"}]}]}
    assert missing_scripts(package, paths.ROOT) == ["r: scripts/provenance/x/build_r.py"]


def test_each_script_is_named_after_a_described_resource():
    described = {res["name"] for res in data.descriptor()["resources"]}
    names = [script.stem.removeprefix("build_") for script in SCRIPTS]
    assert sorted(set(names) - described) == []
    assert len(names) == len(set(names)), "two scripts build the same resource"


@pytest.mark.parametrize("script", PYTHON, ids=lambda p: p.relative_to(PROVENANCE).as_posix())
def test_no_machine_paths(script):
    assert machine_paths(script.read_text(encoding="utf-8")) == []


def test_machine_path_is_found():
    planted = "/" + "work" + "/compilation/trade"
    assert machine_paths(f'x = 1\nSRC = "{planted}"\n') == [f'line 2: SRC = "{planted}"']
    assert machine_paths("PYTHONPATH=/" + "tmp/pylib:src") and machine_paths("open('../" + "shared/x.csv')")
    assert machine_paths("see data/tariff_actions.csv") == []


@pytest.mark.parametrize("script", [p for p in PYTHON if p.name != "_common.py"],
                         ids=lambda p: p.relative_to(PROVENANCE).as_posix())
def test_fields_come_from_the_shared_helper(script):
    source = script.read_text(encoding="utf-8")
    assert own_field_helpers(source) == []
    if "field(" in source:
        assert re.search(r"^from _common import .*\bfield\b", source, re.M), "field() used but not imported"


def test_own_field_helper_is_found():
    planted = 'def f(name, t, d):\n    return {"name": name, "type": t, "description": d}\n'
    assert own_field_helpers(planted) == ["f"]
    assert own_field_helpers('ROW = {"name": "x", "type": "string"}\n') == []


def _common():
    """scripts/provenance/_common.py, imported as the scripts import it."""
    if "provenance_common" not in sys.modules:
        spec = importlib.util.spec_from_file_location("provenance_common", PROVENANCE / "_common.py")
        sys.modules[spec.name] = importlib.util.module_from_spec(spec)  # dataclasses look their module up here
        spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules["provenance_common"]


def test_absent_input_names_file_origin_and_sha256(tmp_path, monkeypatch):
    common = _common()
    expected = [common.Input("table.csv", "github.com/owner/repo @ abc123, table.csv", "0" * 64)]
    monkeypatch.delenv("TEST_PROVENANCE_INPUT", raising=False)
    with pytest.raises(SystemExit, match=r"--input DIR or set TEST_PROVENANCE_INPUT(.|\n)*table\.csv  \(sha256 0{64}"):
        common.input_folder(expected, env="TEST_PROVENANCE_INPUT", argv=[])
    with pytest.raises(SystemExit, match=r"table\.csv: missing in .*\n.*github\.com/owner/repo @ abc123"):
        common.input_folder(expected, env="TEST_PROVENANCE_INPUT", argv=["--input", str(tmp_path)])


def test_different_input_is_refused_and_the_right_one_accepted(tmp_path):
    common = _common()
    (tmp_path / "table.csv").write_text("a,b\n1,2\n")
    digest = hashlib.sha256(b"a,b\n1,2\n").hexdigest()
    wrong = [common.Input("table.csv", "origin", "f" * 64)]
    with pytest.raises(SystemExit, match=f"sha256 {digest} is not the file of record f{{64}}"):
        common.input_folder(wrong, env="TEST_PROVENANCE_INPUT", argv=["--input", str(tmp_path)])
    right = [common.Input("table.csv", "origin", digest)]
    assert common.input_folder(right, env="TEST_PROVENANCE_INPUT", argv=["--input", str(tmp_path)]) == tmp_path


def test_field_helper_keeps_the_descriptor_key_order():
    spec = _common().field("x", "number", "Value", "USD", required=True, minimum=0)
    assert list(spec) == ["name", "type", "description", "unit", "constraints"]
    assert spec["constraints"] == {"required": True, "minimum": 0}
