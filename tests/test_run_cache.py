"""The execution cache (analysis.build.run, ``cache="use"``): a run whose inputs are unchanged is restored byte for
byte; a change to anything it depends on (its data, the package source) runs it again; private runs never touch
the cache.

A throw-away repository root holds a tiny notebook that loads one of two tiny resources, saves a result (and a
figure when asked), and appends a line to a log outside the outputs each time its kernel really executes: the log
tells a restored run from an executed one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.build import run
from analysis.core import data, io, paths

REPO = Path(__file__).resolve().parents[1]
HEADER = ("# ---\n# jupyter:\n#   jupytext:\n#     text_representation:\n#       extension: .py\n"
          "#       format_name: percent\n#   kernelspec:\n#     display_name: Python 3\n#     language: python\n"
          "#     name: python3\n# ---\n\n")
TINY = '''# %% tags=["parameters"]
value = 1  # in [0, 100]
in_path = ""  # a user's file: a run reading it is private
figure = False  # also save a figure (only the test of a restored run's files needs one: matplotlib takes a second)

# %%
import os
from pathlib import Path

from analysis.core import data, io, paths

# beside the repository root, outside the outputs: counts real executions (a file named by a variable of its own
# would give the kernel an environment of its own, and so a kernel server of its own: analysis.build.kernels)
with open(Path(os.environ["ANALYSIS_ROOT"]).parent / "runs.log", "a") as log:
    log.write("executed\\n")
rows = len(Path(in_path).read_text().splitlines()) if in_path else len(data.load("tiny_a"))
if figure:
    import matplotlib.pyplot as plt

    from analysis.core import figures

    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(["rows", "value"], [rows, value])
    figures.save(fig, "93_cached", caption="Rows read and the value parameter.", source="data/tiny_a.csv")
io.write_json(paths.RESULTS / "93_cached.json", {"rows": rows, "value": value})
print("rows", rows)
'''
SCHEMA = {"fields": [{"name": "n", "type": "integer"}]}


def _describe(root: Path, name: str) -> dict:
    path = root / "data" / f"{name}.csv"
    return {"name": name, "path": path.name, "schema": SCHEMA, "bytes": path.stat().st_size,
            "hash": "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()}


def _touch(root: Path, name: str) -> None:
    """Change a data file and record its new hash, as `python -m analysis data rehash` would."""
    path = root / "data" / f"{name}.csv"
    path.write_text(path.read_text() + "9\n")
    package = json.loads((root / "data" / "datapackage.json").read_text())
    package["resources"] = [_describe(root, name) if r["name"] == name else r for r in package["resources"]]
    (root / "data" / "datapackage.json").write_text(json.dumps(package, indent=2))


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    """A repository root with notebook 93 and a data package of the claims register and tiny_a, tiny_b; this
    process's runner points at it (outputs in tmp_path/out)."""
    root = tmp_path / "root"
    (root / "notebooks").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "notebooks" / "93_cached.py").write_text(HEADER + TINY, encoding="utf-8")
    shutil.copyfile(paths.DATA / "claims.csv", root / "data" / "claims.csv")  # the CLI writes the claims report
    for name, rows in (("tiny_a", "n\n1\n2\n"), ("tiny_b", "n\n7\n")):
        (root / "data" / f"{name}.csv").write_text(rows)
    package = {"name": "tiny", "resources": [data.resource("claims"), _describe(root, "tiny_a"),
                                             _describe(root, "tiny_b")]}
    (root / "data" / "datapackage.json").write_text(json.dumps(package, indent=2))
    for name, value in (("ROOT", root), ("NOTEBOOKS", root / "notebooks"), ("DATA", root / "data"),
                        ("OUTPUT", tmp_path / "out")):
        monkeypatch.setattr(paths, name, value)
    return root


def _executions(root: Path) -> int:
    log = root.parent / "runs.log"
    return len(log.read_text().splitlines()) if log.is_file() else 0


def _outputs(output: Path) -> dict[str, str]:
    """sha256 of every published output (figures, results, figure records, executed notebook) by path."""
    return {str(p.relative_to(output)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(output.rglob("*")) if p.is_file() and "cache" not in p.parts and p.suffix != ".lock"}


def test_an_unchanged_run_is_restored_byte_for_byte(tiny):
    nb = run.find("93")
    first = run.execute(nb, {"value": 3, "figure": True}, cache="use")
    assert not first.cached and _executions(tiny) == 1
    made = _outputs(paths.OUTPUT)
    assert {"figures/93_cached.png", "figures/93_cached.svg", "figures/93_cached.pdf", "figures/93_cached.txt",
            "build/results/93_cached.json", "build/figure_records/93_cached.json",
            "build/notebooks/93_cached.ipynb"} <= set(made)
    for f in ("figures", "build/results", "build/figure_records", "build/notebooks"):  # restored from the cache,
        shutil.rmtree(paths.OUTPUT / f)                                                # not left in place
    second = run.execute(nb, {"value": 3, "figure": True}, cache="use")
    assert second.cached and second.path == first.path
    assert _executions(tiny) == 1, "the kernel ran again although nothing changed"
    assert _outputs(paths.OUTPUT) == made
    third = run.execute(nb, {"value": 4, "figure": True}, cache="use")  # another parameter value is another key
    assert not third.cached and _executions(tiny) == 2


def test_a_data_file_it_loads_reruns_it_and_one_it_does_not_load_does_not(tiny):
    nb = run.find("93")
    run.execute(nb, {}, cache="use")
    entry = next(run.cache_folder().iterdir())
    assert [i["resource"] for i in json.loads((entry / "meta.json").read_text())["inputs"]] == ["tiny_a"]
    _touch(tiny, "tiny_b")  # not loaded by the notebook (the descriptor changes too)
    assert run.execute(nb, {}, cache="use").cached and _executions(tiny) == 1
    _touch(tiny, "tiny_a")
    again = run.execute(nb, {}, cache="use")
    assert not again.cached and _executions(tiny) == 2
    assert json.loads((paths.RESULTS / "93_cached.json").read_text())["rows"] == 3  # the new row was read
    assert run.execute(nb, {}, cache="use").cached and _executions(tiny) == 2


def test_a_private_run_is_never_cached(tiny, tmp_path):
    users = tmp_path / "mine.csv"
    users.write_text("n\n1\n2\n3\n4\n")
    nb = run.find("93")
    assert not run.execute(nb, {"in_path": str(users)}, cache="use").cached
    assert not run.cache_folder().exists() or not any(run.cache_folder().iterdir())
    assert run.restore(nb, {"in_path": str(users)}) is None
    run.execute(nb, {}, cache="use")  # a public entry exists now; a private run is still not served from it
    assert run.restore(nb, {"in_path": str(users)}) is None and _executions(tiny) == 2


def test_a_half_written_entry_never_counts_and_is_cleaned_up(tiny):
    nb = run.find("93")
    run.execute(nb, {}, cache="use")
    entry = next(run.cache_folder().iterdir())
    # what a writer killed before renaming its entry into place leaves: a draft folder, not an entry
    draft = run.cache_folder() / f"{io.PARTIAL_PREFIX}999999999-{io.FOLDER_TAG}-{entry.name}-x"
    entry.rename(draft)
    assert not run.execute(nb, {}, cache="use").cached and _executions(tiny) == 2
    assert not draft.exists() and (entry / "meta.json").is_file()


def test_the_overview_key_follows_the_other_notebooks_verdicts(tmp_path):
    overview = next(nb for nb in run.notebooks() if nb.stem.startswith("00_"))
    other = next(nb for nb in run.notebooks() if not nb.stem.startswith("00_"))
    verdicts = tmp_path / "build" / "verdicts"
    verdicts.mkdir(parents=True)
    (verdicts / f"{other.stem}.csv").write_text("claim_id,verdict\nX-1,reproduced\n")
    key = lambda: run.cache_key(run._base_key(overview, {}, tmp_path), [])  # noqa: E731
    before = key()
    (verdicts / "99_no_such_notebook.csv").write_text("claim_id,verdict\nX-2,differs\n")
    assert key() == before  # not read by the overview (claims.report skips notebooks that do not exist)
    (verdicts / f"{other.stem}.csv").write_text("claim_id,verdict\nX-1,differs\n")
    assert key() != before
    assert run.cache_key(run._base_key(other, {}, tmp_path), []) == run.cache_key(
        run._base_key(other, {}, tmp_path), [])


def test_the_command_line_says_cached_and_force_or_a_package_edit_runs_again(tiny, tmp_path):
    """The whole path a user takes, in a subprocess with its own copy of the package source to edit."""
    src = tmp_path / "src"
    shutil.copytree(REPO / "src" / "analysis", src / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=str(src), ANALYSIS_ROOT=str(tiny),
               ANALYSIS_OUTPUT=str(paths.OUTPUT))

    def cli(*args: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "analysis", "run", "93", *args], cwd=tmp_path, env=env,
                              text=True, capture_output=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout

    assert " ran " in cli() and _executions(tiny) == 1
    out = cli()
    assert " cached " in out and "restored from build/cache/" in out and _executions(tiny) == 1
    with open(src / "analysis" / "core" / "claims.py", "a") as handle:
        handle.write("\n# an edit of the package source\n")
    assert " ran " in cli() and _executions(tiny) == 2
    assert " ran " in cli("--force") and _executions(tiny) == 3
    assert " cached " in cli() and _executions(tiny) == 3
