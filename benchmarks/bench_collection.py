"""The whole collection, end to end, as a user runs it (``python -m analysis run``, then ``python -m analysis site``).

Measured in one run, on one machine state, each case a command in its own process (interpreter start-up
included), in a throw-away repository root (its data/ a copy, so a data file can be changed; everything else
linked to this repository) with a fresh output folder:

* ``floor``: eight trivial notebooks (kernel start, pandas, one figure in three formats), one after another and
  side by side on the cores: what any notebook costs before it does any work;
* ``cold``: every notebook, nothing in the cache (default parallel run, the overview after the others), and no
  kernel server running (its first kernels start it, see analysis.build.kernels; the later cases find it warm);
* ``site``: the site build right after the cold run;
* ``warm``: the same command again, nothing changed: every notebook restored from the cache (the published
  outputs are deleted first, so the restore writes them all; they must come back byte for byte);
* ``serial``: every notebook again, one after another (``--jobs 1 --force``): its figures, results, verdicts,
  figure records and claims report must equal the cold parallel run's byte for byte (the executed notebooks
  record their own execution: timings, random table and widget ids);
* ``touched``: one data file changed (a note in its last row) and re-hashed: only the notebooks whose recorded
  inputs list it may run again; the case records which ran and which were restored;
* ``venv``: ``.venv`` created from requirements.lock with uv (package cache warm), the package installed editable;
* ``test``: ``make test``'s command (pytest on every core), in this repository.

Targets (issue 18, 2-core machine): cold < 30 s, site < 10 s, warm < 5 s, venv < 20 s, make test < 90 s.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from common import REPO, measure_command, measure_in_subprocess, record, table

TARGETS = {"cold": 30, "site": 10, "warm": 5, "venv": 20, "test": 90}
PUBLISHED = ("figures", "build/results", "build/verdicts", "build/figure_records", "build/notebooks",
             "build/claims_report.csv")
TRIVIAL = '''# %%
import matplotlib.pyplot as plt
import pandas as pd

from analysis.core import figures

frame = pd.DataFrame({"x": range(10), "y": [v * v for v in range(10)]})
fig, ax = plt.subplots(figsize=(4, 3))
ax.plot(frame["x"], frame["y"])
figures.save(fig, "{stem}", caption="A trivial figure.", source="Computed in the notebook.")
'''
HEADER = ("# ---\n# jupyter:\n#   kernelspec:\n#     display_name: Python 3\n#     language: python\n"
          "#     name: python3\n# ---\n\n")


def scratch_root(where: Path) -> Path:
    """A repository root whose data/ is a copy (safe to change) and whose other entries link to this one."""
    root = where / "root"
    root.mkdir()
    for entry in REPO.iterdir():
        if entry.name in ("data", "build", "figures", ".git", ".venv"):
            continue
        (root / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    shutil.copytree(REPO / "data", root / "data", ignore=shutil.ignore_patterns("*.lock"))
    return root


def env_for(root: Path, output: Path) -> dict:
    """The environment of a case. TMPDIR of its own: the kernel server (analysis.build.kernels) its kernels are
    forked from is started by its first notebook, never left warm by an earlier case or another checkout."""
    tmp = output.parent / f"{output.name}-tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    return dict(os.environ, ANALYSIS_ROOT=str(root), ANALYSIS_OUTPUT=str(output), MPLBACKEND="Agg",
                PYTHONPATH=str(REPO / "src"), TMPDIR=str(tmp))


def analysis(*args: str, env: dict) -> dict:
    return measure_command([sys.executable, "-m", "analysis", *args], env=env)


def per_notebook(stdout: str) -> dict[str, tuple[float, str]]:
    """notebook → (seconds, "ran" or "cached") from the runner's progress lines."""
    return {m[3]: (float(m[1]), m[2]) for m in re.finditer(r"^\s+([\d.]+) s\s+(ran|cached)\s+(\S+) ->", stdout, re.M)}


def digests(output: Path, *, executed: bool = True) -> dict[str, str]:
    """sha256 of every published output (figures, results, verdicts, figure records, executed notebooks, report).

    ``executed=False`` leaves out the executed notebooks: a record of one execution (cell timings, the random ids
    pandas gives styled tables and ipywidgets give widgets, a run time the notebook prints), which no two executions
    share; a restored run brings back the same file, so the cached case compares them too."""
    published = PUBLISHED if executed else tuple(rel for rel in PUBLISHED if rel != "build/notebooks")
    files = [p for rel in published for p in ([output / rel] if (output / rel).is_file() else (output / rel).rglob("*"))
             if p.is_file() and not p.name.startswith(".partial-")]
    return {str(p.relative_to(output)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}


def loaders(output: Path) -> dict[str, set[str]]:
    """resource → notebooks whose cached run recorded loading it."""
    found: dict[str, set[str]] = {}
    for meta in (output / "build" / "cache" / "notebooks").glob("*/meta.json"):
        info = json.loads(meta.read_text())
        for item in info["inputs"]:
            found.setdefault(item["resource"], set()).add(info["base"]["notebook"])
    return found


def touch_one(root: Path, output: Path) -> tuple[str, set[str]]:
    """Change one data file that few notebooks load (a free-text cell of its last row) and re-hash it; return its
    resource name and the notebooks that load it."""
    package = json.loads((root / "data" / "datapackage.json").read_text())
    by_name = {r["name"]: r for r in package["resources"]}
    for name, notebooks in sorted(loaders(output).items(), key=lambda kv: (len(kv[1]), kv[0])):
        res = by_name.get(name)
        if not res or name == "claims":
            continue
        key = set(res["schema"].get("primaryKey", []))
        notes = [f["name"] for f in res["schema"]["fields"] if f["type"] == "string" and f["name"] not in key
                 and not f.get("constraints", {}).keys() & {"enum", "pattern", "maxLength"}
                 and re.search(r"note|comment|description", f["name"])]
        if not notes:
            continue
        path = root / "data" / res["path"]
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        column = rows[0].index(notes[0])
        rows[-1][column] = (rows[-1][column] + " (benchmark edit)").strip()
        with open(path, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
        return name, notebooks
    raise RuntimeError("no resource with a free-text note column found to change")


def trivial_floor(where: Path) -> list[dict]:
    root = where / "trivial"
    (root / "notebooks").mkdir(parents=True)
    (root / "data").symlink_to(REPO / "data", target_is_directory=True)
    for i in range(1, 9):
        stem = f"{i:02d}_trivial"
        (root / "notebooks" / f"{stem}.py").write_text(HEADER + TRIVIAL.replace("{stem}", stem))
    cases = []
    for jobs in (1, 2):
        code = f"""
import json
from analysis.build import run
chosen = run.notebooks()
done = run.execute_many(chosen, {{nb: {{}} for nb in chosen}}, jobs={jobs})
print(json.dumps({{k: round(v.seconds, 2) for k, v in done.items()}}))
"""
        result = measure_in_subprocess(code, env=env_for(root, where / f"trivial-out-{jobs}"))
        cases.append({"case": f"floor: 8 trivial notebooks, {'serial' if jobs == 1 else f'{jobs} workers'}",
                      "seconds": result["seconds"], "peak_rss_gib": result["peak_rss_gib"]})
    return cases


def venv_from_lock(where: Path) -> dict:
    """`.venv` from nothing with uv, as the Makefile does (the complete lock with --require-hashes --no-deps, then
    the package)."""
    uv = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    if not Path(uv).is_file():
        return {"case": "venv from requirements.lock (uv)", "note": "uv not available"}
    venv = where / "venv"
    python = os.path.realpath(sys.executable)
    script = (f"{uv} venv --quiet --python {python} {venv} && "
              f"{uv} pip install --quiet --python {venv}/bin/python --require-hashes --no-deps "
              f"-r {REPO}/requirements.lock && "
              f"{uv} pip install --quiet --python {venv}/bin/python --no-deps -e {REPO}")
    result = measure_command(["sh", "-c", script])
    return {"case": "venv from requirements.lock (uv, package cache warm)", "seconds": result["seconds"],
            "peak_rss_gib": result["peak_rss_gib"]}


def main() -> int:
    cases = []
    with tempfile.TemporaryDirectory(prefix="bench-collection-") as tmp:
        tmp = Path(tmp)
        cases += trivial_floor(tmp)
        root, output = scratch_root(tmp), tmp / "out"
        env = env_for(root, output)

        cold = analysis("run", env=env)
        ran = per_notebook(cold["stdout"])
        cases += [{"case": f"  {stem}", "seconds": s} for stem, (s, _) in ran.items()]
        cases.append({"case": "cold: all notebooks, empty cache", "seconds": cold["seconds"],
                      "peak_rss_gib": cold["peak_rss_gib"], "ran": len(ran)})
        cold_outputs = digests(output)
        cold_results = digests(output, executed=False)

        site = analysis("site", env=env)
        cases.append({"case": "site build after the cold run", "seconds": site["seconds"],
                      "peak_rss_gib": site["peak_rss_gib"]})

        for rel in PUBLISHED:  # the warm run must restore every published output itself
            target = output / rel
            shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
        warm = analysis("run", env=env)
        restored = per_notebook(warm["stdout"])
        cases.append({"case": "warm: nothing changed", "seconds": warm["seconds"], "peak_rss_gib": warm["peak_rss_gib"],
                      "cached": sum(how == "cached" for _, how in restored.values()), "ran": sum(
                          how == "ran" for _, how in restored.values()),
                      "identical_to_cold": digests(output) == cold_outputs})

        serial = analysis("run", "--jobs", "1", "--force", env=env)
        cases.append({"case": "serial: every notebook one after another", "seconds": serial["seconds"],
                      "peak_rss_gib": serial["peak_rss_gib"], "ran": len(per_notebook(serial["stdout"])),
                      "identical_to_cold": digests(output, executed=False) == cold_results})

        resource, loading = touch_one(root, output)
        analysis("data", "rehash", resource, env=env)
        touched = analysis("run", env=env)
        after = per_notebook(touched["stdout"])
        rerun = sorted(stem for stem, (_, how) in after.items() if how == "ran")
        cases.append({"case": f"touched: data for {resource}", "seconds": touched["seconds"],
                      "peak_rss_gib": touched["peak_rss_gib"], "ran": ", ".join(rerun),
                      "loaded_by": ", ".join(sorted(loading)),
                      "only_loaders_ran": set(rerun) <= loading | {s for s in after if s.startswith("00_")}})
        cases.append(venv_from_lock(tmp))
    try:
        tests = measure_command([sys.executable, "-m", "pytest", "-q", "-n", "auto", "--dist", "loadscope"],
                                env=dict(os.environ, MPLBACKEND="Agg"))
        cases.append({"case": "test: make test (pytest on every core)", "seconds": tests["seconds"],
                      "peak_rss_gib": tests["peak_rss_gib"],
                      "ran": (re.findall(r"\d+ passed[^\n]*", tests["stdout"]) or ["?"])[-1]})
    except RuntimeError as err:  # a failing suite is recorded, not timed; its failures are printed
        failures = [line for line in str(err).splitlines() if line.startswith(("FAILED", "ERROR"))]
        print("make test failed:\n" + "\n".join(failures or str(err).splitlines()[-20:]), file=sys.stderr)
        cases.append({"case": "test: make test FAILED", "ran": "; ".join(failures)[:300] or "see the output"})
    for case in cases:
        kind = case["case"].split(":")[0].split(" ")[0]
        if kind in TARGETS and "seconds" in case:
            case["target_seconds"] = TARGETS[kind]
            case["meets_target"] = case["seconds"] < TARGETS[kind]
    record("collection", cases)
    print(table(cases, ["case", "seconds", "peak_rss_gib", "target_seconds", "meets_target", "cached", "ran",
                        "loaded_by", "only_loaders_ran", "identical_to_cold"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
