"""Adversarial cases of issue 15: confidential data stay confidential, and no input gives a silent wrong answer.

Every test here is one case a hostile or careless user could hit — user panels, odd parameters, broken
descriptors, kills, concurrent runs, destructive output folders, valid panels the design cannot support. Each is
either refused with a clear message or handled; none may give a silent wrong result. The module is marked
``adversarial``; the session summary prints how many such cases ran (``tests/conftest.py``).

Most cases run in-process on small inputs. The end-to-end ones run the command-line runner in a subprocess on a
throw-away repository root (``tiny_root``: the real ``data/`` and a few two-cell notebooks), or on the real
notebooks 03 and 04 with a planted confidential panel, always with their own ANALYSIS_OUTPUT.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.build import cli
from analysis.core import data, io, paths, release
from analysis.build import export, run, site
from analysis.estimators import did_imputation as di
from analysis.studies import energy
from analysis.estimators import triple_difference as td
from analysis.studies import gvc
from analysis.studies.gvc import simulate as gvc_sim
from analysis.studies.energy import simulate as en

pytestmark = pytest.mark.adversarial

REPO = Path(__file__).resolve().parents[1]
NB03, NB04, NB05 = (run.find(n) for n in ("03", "04", "05"))
HEADER = ("# ---\n# jupyter:\n#   jupytext:\n#     text_representation:\n#       extension: .py\n"
          "#       format_name: percent\n#   kernelspec:\n#     display_name: Python 3\n#     language: python\n"
          "#     name: python3\n# ---\n\n")


# ================================================================================================ helpers
def _cli(*args: str, root: Path | None = None, output: Path | None = None, cwd: Path | None = None,
         env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """The command-line runner in a subprocess (its own session, so a kill reaches the kernel too)."""
    full = dict(os.environ, MPLBACKEND="Agg")  # PYTHONPATH: this checkout (conftest)
    full.pop("GVC_PANEL_PATH", None), full.pop("ENERGY_PANEL_PATH", None)
    if root is not None:
        full["ANALYSIS_ROOT"] = str(root)
    if output is not None:
        full["ANALYSIS_OUTPUT"] = str(output)
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=cwd or REPO, env=full, text=True,
                          capture_output=True, timeout=timeout)


def tiny_root(tmp_path: Path, notebooks: dict[str, str]) -> Path:
    """A throw-away repository root: the real data/ (linked) and the given text notebooks."""
    root = tmp_path / "root"
    (root / "notebooks").mkdir(parents=True)
    (root / "data").symlink_to(REPO / "data", target_is_directory=True)
    for stem, body in notebooks.items():
        (root / "notebooks" / f"{stem}.py").write_text(HEADER + body, encoding="utf-8")
    return root


WRITER = '''# %% tags=["parameters"]
fast = False  # nothing depends on it
value = 1  # in [0, 100]: written into every output of the run
fail = False  # raise after the first output
pause = 0.0  # in [0, 30]: seconds between the two outputs

# %%
import time
from analysis.core import io, paths
io.write_text(paths.FIGURES / "90_writer_a.txt", f"value {value}\\n")
time.sleep(pause)
if fail:
    raise RuntimeError(f"planted failure after the first output (value {value})")
io.write_json(paths.RESULTS / "90_writer.json", {"value": value})
'''
DIES = '''# %% tags=["parameters"]
fast = False  # nothing depends on it

# %%
import os, signal
os.kill(os.getpid(), signal.SIGKILL)
'''
READS = '''# %% tags=["parameters"]
fast = False  # nothing depends on it
in_path = ""  # env TINY_INPUT_PATH: a file whose sha256 the notebook records

# %%
import hashlib
from analysis.core import io, paths
io.write_json(paths.RESULTS / "92_reads.json", {"path": in_path,
              "sha256": hashlib.sha256(open(in_path, "rb").read()).hexdigest()})
'''


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")
            and not p.name.startswith(".analysis-") and "cache" not in p.parts}


def _git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO, text=True,
                          capture_output=True).stdout


def _tracked_digest(pattern: str) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((REPO / "figures").glob(pattern))}


def gvc_panel(n_firms: int = 400, seed: int = 7) -> pd.DataFrame:
    p = gvc_sim.simulate_gvc_panel(n_firms=n_firms, seed=seed).panel
    p["firm_id"] = p["firm_id"].map(lambda i: f"F{i:05d}")
    return p


@pytest.fixture(scope="module")
def base_panel() -> pd.DataFrame:
    return gvc_panel()


def energy_frames(seed: int = 3, n_hh: int = 300, n_fi: int = 200) -> pd.DataFrame:
    agg = en.aggregate_path()
    cols = en.SCHEMA_COLUMNS if hasattr(en, "SCHEMA_COLUMNS") else None
    p = pd.concat([en.simulate_households(seed, n_units=n_hh, aggregate=agg),
                   en.simulate_firms(seed + 1, n_units=n_fi, aggregate=agg)], ignore_index=True)
    return p[list(cols)] if cols is not None else p


@pytest.fixture(scope="module")
def energy_base() -> pd.DataFrame:
    return energy_frames()


def energy_plan(panel: pd.DataFrame, **kw):
    hh = panel[panel["respondent"] == "household"].reset_index(drop=True)
    fi = panel[panel["respondent"] == "firm"].reset_index(drop=True)
    frames = {"households": energy.estimation_frame(hh) if len(hh) else None,
              "firms": energy.estimation_frame(fi) if len(fi) else None}
    return energy.plan_energy(frames, **{"min_count": 10, "large_threshold_pct": 25.0, **kw})


# ======================================================================================= 1. parameters
@pytest.mark.parametrize("text, expected", [("no", False), ("false", False), ("0", False), ("off", False),
                                            ("yes", True), ("TRUE", True), ("1", True)])
def test_boolean_parameters_parse_words_not_truthiness(text, expected):
    # `-p fast=no` used to run the fast mode: any non-empty text is truthy
    assert run.check_parameters(NB03, {"fast": text}) == {"fast": expected}


@pytest.mark.parametrize("notebook, name, value, why", [
    (NB03, "fast", "maybe", "not a yes/no value"),
    (NB05, "pi_level", "90", "out of range"),  # a level of 90 used to print "9000% band"
    (NB03, "replications", "abc", "not a whole number"),
    (NB03, "replications", "2.5", "not a whole number"),
    (NB03, "replications", "0", "out of range"),
    (NB03, "n_firms", "-5", "out of range"),
    (NB03, "min_firms", "0", "out of range"),
    (NB03, "seed", "1e3", "not a whole number"),
    (NB04, "large_threshold_pct", "0.25", "out of range"),  # a fraction where percent is meant
    (NB05, "horizon", "nan", "not a finite number"),
    (NB03, "panel_path", "/no/such/panel.csv", "no such file"),
])
def test_bad_parameter_values_are_refused_in_one_line(notebook, name, value, why):
    with pytest.raises(run.ParameterError) as caught:
        run.check_parameters(notebook, {name: value})
    message = str(caught.value)
    assert "\n" not in message and why in message and name in message and notebook.stem in message


def test_panel_path_that_is_a_folder_is_refused(tmp_path):
    with pytest.raises(run.ParameterError, match="no such file"):
        run.check_parameters(NB03, {"panel_path": str(tmp_path)})


def test_good_values_are_parsed_to_their_declared_type():
    typed = run.check_parameters(NB05, {"pi_level": "0.8", "n_boot": "2_000", "fast": "yes"})
    assert typed == {"pi_level": 0.8, "n_boot": 2000, "fast": True}
    assert isinstance(typed["pi_level"], float) and isinstance(typed["n_boot"], int)


@pytest.mark.parametrize("value, ok", [("[0, 1.5, 3]", True), ("[a]", False), ("5", False)])
def test_list_parameters_take_lists_of_numbers(value, ok):
    nb02 = run.find("02")
    if ok:
        assert run.check_parameters(nb02, {"elasticities": value}) == {"elasticities": [0, 1.5, 3]}
    else:
        with pytest.raises(run.ParameterError, match="list"):
            run.check_parameters(nb02, {"elasticities": value})


def test_parameter_declarations_are_read_from_the_cell(tmp_path):
    nb = tmp_path / "98_decl.py"
    nb.write_text(HEADER + '# %% tags=["parameters"]\n'
                  'first, last = 1980, 2026\n'
                  'engine = "lean"  # in {lean, pyfixest}: the estimator engine\n'
                  'level = 0.9  # in [0.5, 0.999]: a level\n'
                  'data_path = ""  # env DECL_PATH: a file\n\n# %%\nprint(1)\n')
    spec = run.parameters(nb)
    assert (spec["first"].kind, spec["last"].default) == ("int", 2026)
    assert spec["engine"].choices == ("lean", "pyfixest") and spec["data_path"].env == "DECL_PATH"
    assert (spec["level"].low, spec["level"].high) == (0.5, 0.999) and spec["data_path"].kind == "path"
    assert run.check_parameters(nb, {"engine": "pyfixest"}) == {"engine": "pyfixest"}
    with pytest.raises(run.ParameterError, match="not one of the allowed values"):
        run.check_parameters(nb, {"engine": "fast"})


def test_misspelt_parameter_is_refused_with_the_nearest_name():
    with pytest.raises(run.ParameterError, match="did you mean 'replications'"):
        run.check_parameters(NB03, {"replicatons": "5"})


def test_unknown_parameter_without_a_near_name_lists_the_declared_ones():
    with pytest.raises(run.ParameterError, match="declared: fast, panel_path"):
        run.check_parameters(NB03, {"zzz": "1"})


def test_relative_panel_path_is_resolved_once_against_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "p.csv").write_text("x\n1\n")
    monkeypatch.chdir(tmp_path)
    typed = run.check_parameters(NB03, {"panel_path": "p.csv"})
    assert typed["panel_path"] == str(tmp_path / "p.csv")  # absolute: the kernel (cwd notebooks/) reads the same file


def test_panel_path_from_the_environment_is_resolved_by_the_runner(tmp_path, monkeypatch):
    (tmp_path / "p.csv").write_text("x\n1\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GVC_PANEL_PATH", "p.csv")
    assert run.check_parameters(NB03, {})["panel_path"] == str(tmp_path / "p.csv")


@pytest.mark.parametrize("argv, message", [
    (["run", "03", "-p", "fast"], "write -p NAME=VALUE"),
    (["run", "03", "-p", "seed=1", "-p", "seed=2"], "given twice"),
    (["run", "01", "03", "-p", "seeed=1"], "did you mean 'seed'"),
    (["run", "03", "-p", "n_firms=ten"], "not a whole number"),
    (["run", "01", "--out", "some_folder"], "--out is for a run on your own data"),
])
def test_command_line_refuses_before_starting_a_kernel(argv, message, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_user_panel_for_two_notebooks_at_once_is_refused(tmp_path, capsys):
    panel = tmp_path / "p.csv"
    panel.write_text("x\n1\n")
    assert cli.main(["run", "03", "04", "-p", f"panel_path={panel}"]) == 2
    assert "takes one notebook" in capsys.readouterr().err


def test_environment_panel_with_a_run_of_everything_is_refused(tmp_path, capsys, monkeypatch):
    # GVC_PANEL_PATH set in the shell must not turn a full public run into one that publishes a private panel
    panel = tmp_path / "p.csv"
    panel.write_text("x\n1\n")
    monkeypatch.setenv("GVC_PANEL_PATH", str(panel))
    assert cli.main(["run"]) == 2
    assert "takes one notebook" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["tracked", "figures", "repository"])
def test_private_output_folder_must_not_overlap_public_or_tracked_files(where, tmp_path):
    panel = tmp_path / "p.csv"
    panel.write_text("x\n1\n")
    out = {"tracked": REPO / "notebooks" / "private", "figures": paths.FIGURES / "mine", "repository": REPO}[where]
    with pytest.raises(run.ParameterError):
        run.private_output(NB03, {"panel_path": panel}, out)
    assert not (REPO / "notebooks" / "private").exists()


def test_private_output_folder_that_is_someone_elses_is_refused(tmp_path):
    panel = tmp_path / "p.csv"
    panel.write_text("x\n1\n")
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "thesis.tex").write_text("do not touch")
    with pytest.raises(run.ParameterError, match="did not create"):
        run.private_output(NB03, {"panel_path": panel}, theirs)
    assert (theirs / "thesis.tex").read_text() == "do not touch"


def test_private_output_defaults_to_a_folder_named_by_the_input_fingerprint(tmp_path):
    panel = tmp_path / "p.csv"
    panel.write_text("x\n1\n")
    folder = run.private_output(NB03, {"panel_path": panel}, None)
    digest = hashlib.sha256(hashlib.sha256(b"x\n1\n").hexdigest().encode()).hexdigest()[:12]
    assert folder == paths.PRIVATE / f"{NB03.stem}-{digest}" and (folder / run.PRIVATE_MARKER).is_file()


# ============================================================================================ 2. data
@pytest.mark.parametrize("drop", ["hash", "bytes"])
def test_descriptor_entry_without_hash_or_size_is_an_error(drop, data_copy):
    package = json.loads((data_copy / "datapackage.json").read_text())
    package["resources"][0].pop(drop)
    (data_copy / "datapackage.json").write_text(json.dumps(package))
    name = package["resources"][0]["name"]
    with pytest.raises(data.DataError, match=f"missing-{drop}"):
        data.load(name)
    # `data verify` no longer says "matched"; the quick verify makes the same checks of every descriptor entry
    assert any(p.rule == f"missing-{drop}" for p in data.verify_all(full=False))


def test_command_line_verify_reports_a_missing_hash(data_copy, capsys, monkeypatch):
    # what is tested is the command's report and exit code; the row-by-row validation of every file (the same in
    # the quick verify) is tested once, by test_data.test_every_resource_in_the_descriptor_validates
    quick = data.verify_all
    monkeypatch.setattr(data, "verify_all", lambda full=True: quick(full=False))
    package = json.loads((data_copy / "datapackage.json").read_text())
    package["resources"][0].pop("hash")
    (data_copy / "datapackage.json").write_text(json.dumps(package))
    assert cli.main(["data", "verify"]) == 1
    assert "missing-hash" in capsys.readouterr().out


def test_a_file_edited_after_loading_is_not_served_from_the_cache(data_copy):
    name = "refugee_ceilings_admissions"
    first = data.load(name)
    path = data_copy / data.resource(name)["path"]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[5, "admitted"] = "1"  # schema-valid change
    frame.to_csv(path, index=False, lineterminator="\n")
    with pytest.raises(data.DataError, match="hash-count"):  # refused, never the old frame
        data.load(name)
    data.rehash([name])  # a deliberate change: the new bytes are served
    assert data.load(name).loc[5, "admitted"] == 1 != first.loc[5, "admitted"]


def _cross_check_mismatches() -> pd.DataFrame:
    """Rows where the refugee cross-check table and the ceilings/admissions table disagree about one quantity."""
    table = data.load("refugee_ceilings_admissions")
    cross = data.load("refugee_cross_check")
    long = table.melt(id_vars="fiscal_year", value_vars=["ceiling_initial", "ceiling_revised", "ceiling_final",
                                                          "admitted"], var_name="field", value_name="table_value")
    both = cross.merge(long, on=["fiscal_year", "field"], how="left")
    a, b = both["value_source_a"].astype(float), both["value_source_b"].astype(float)
    bad = both["table_value"].astype(float) != a  # source_a *is* the table's value
    bad |= (both["agree"] == "yes") & (a != b)
    bad |= (both["agree"] == "yes_rounded") & ((a / 10).round() * 10 != b)
    bad |= (both["agree"] == "no") & (a == b)
    return both[bad]


def test_refugee_cross_check_agrees_with_the_ceilings_table():
    assert _cross_check_mismatches().empty


def test_a_value_divided_by_1000_and_rehashed_is_caught_by_the_second_table(data_copy):
    name = "refugee_ceilings_admissions"
    path = data_copy / data.resource(name)["path"]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = frame.index[frame["fiscal_year"] == "2018"][0]
    frame.loc[row, "ceiling_final"] = str(int(frame.loc[row, "ceiling_final"]) // 1000)
    frame.to_csv(path, index=False, lineterminator="\n")
    data.rehash([name])
    assert data.verify_all(full=False) == []  # the hash cannot catch it (rehash validated the file) ...
    bad = _cross_check_mismatches()
    assert (bad["fiscal_year"] == 2018).any() and (bad["field"] == "ceiling_final").any()  # ... the second table does


def test_text_ids_stay_text_so_leading_zeros_make_different_firms(tmp_path, base_panel):
    p = base_panel[base_panel["firm_id"].isin(["F00001", "F00002"])].copy()
    p["firm_id"] = p["firm_id"].map({"F00001": "09999", "F00002": "9999"})
    p.to_csv(tmp_path / "p.csv", index=False)
    frame = gvc.load_panel(tmp_path / "p.csv")
    assert sorted(frame["firm_id"].unique()) == ["09999", "9999"]


def test_parquet_float_sector_codes_are_read_as_their_text(tmp_path, base_panel):
    p = base_panel.copy()
    p["sector"] = p["sector"].astype(float)  # 334.0: what a float column in Parquet looks like
    p.to_parquet(tmp_path / "p.parquet")
    frame = gvc.load_panel(tmp_path / "p.parquet")
    assert set(frame["sector"]) == set(base_panel["sector"])


def test_parquet_integer_ids_are_read_as_text(tmp_path, base_panel):
    p = base_panel.copy()
    p["firm_id"] = p["firm_id"].str[1:].astype(int)
    p.to_parquet(tmp_path / "p.parquet")
    assert gvc.load_panel(tmp_path / "p.parquet")["firm_id"].iloc[0] == str(p["firm_id"].iloc[0])


def test_a_file_that_is_not_parquet_is_refused_clearly(tmp_path):
    (tmp_path / "p.parquet").write_text("firm_id,year\n1,2017\n")
    with pytest.raises(data.DataError, match="not a readable Parquet"):
        gvc.load_panel(tmp_path / "p.parquet")


def _break(data_copy, row, column, value):
    path = data_copy / data.resource("refugee_ceilings_admissions")["path"]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row - 1, column] = value
    frame.to_csv(path, index=False, lineterminator="\n")
    with pytest.raises(data.DataError) as caught:
        data.load("refugee_ceilings_admissions")
    return str(caught.value)


@pytest.mark.parametrize("column, value, shown", [
    ("admitted", "seventy", "value 'seventy'"), ("ceiling_final", "-5", "value '-5'"),
    ("administration", "Lincoln", "value 'Lincoln'"), ("fiscal_year", "1980", "key ('1980') repeated"),
])
def test_loader_messages_show_the_offending_value(column, value, shown, data_copy):
    assert shown in _break(data_copy, 2 if column == "fiscal_year" else 5, column, value)


def test_user_panel_messages_show_the_offending_value(tmp_path, base_panel):
    p = base_panel.copy()
    p.loc[3, "gvc"] = 2
    p.to_csv(tmp_path / "p.csv", index=False)
    with pytest.raises(data.DataError) as caught:
        gvc.load_panel(tmp_path / "p.csv")
    assert "2" in str(caught.value) and "row 4" in str(caught.value) and "'gvc'" in str(caught.value)


# ================================================================================= 3. design: the GVC panel
def _plan(panel, **kw):
    return gvc.plan_estimates(panel, gvc_sim.FIGURE3_GROUPS, **{"min_firms": 10, **kw})


def test_a_single_firm_stops_before_pyfixest_can_panic(base_panel):
    one = base_panel[base_panel["firm_id"] == "F00000"]
    with pytest.raises(release.DesignError, match="fewer than 10 firms"):
        _plan(one)


def test_a_panel_below_the_release_minimum_stops(base_panel):
    few = base_panel[base_panel["firm_id"].isin(base_panel["firm_id"].unique()[:7])]
    with pytest.raises(release.DesignError, match="min_firms"):
        _plan(few)


def test_the_minimum_is_configurable(base_panel):
    few = base_panel[base_panel["firm_id"].isin(base_panel["firm_id"].unique()[:60])]
    with pytest.raises(release.DesignError):
        _plan(few, min_firms=100)
    assert _plan(few, min_firms=3).can(gvc.DID) or _plan(few, min_firms=3).can(gvc.DDD)


def test_all_firms_gvc_skips_the_triple_difference_only(base_panel):
    p = base_panel.assign(gvc=1)
    plan = _plan(p)
    assert not plan.can(gvc.DDD) and "non-GVC" in plan.reason(gvc.DDD) and plan.can(gvc.DID)


def test_no_gvc_firm_supports_nothing_and_says_why(base_panel):
    with pytest.raises(release.DesignError, match="fewer than 10 GVC firms.*manufacturing GVC"):
        _plan(base_panel.assign(gvc=0))


def test_constant_exposure_stops_with_the_reason(base_panel):
    with pytest.raises(release.DesignError, match="same for every firm"):
        _plan(base_panel.assign(**{td.EXPOSURE: 5.0}))


def test_p25_equal_to_p75_stops_instead_of_reporting_zeros(base_panel):
    p = base_panel.copy()
    p[td.EXPOSURE] = np.where(p["firm_id"].str[-1] == "0", 10.0, 3.0)  # varies, but p25 = p75 = 3
    with pytest.raises(release.DesignError, match="p25 = p75"):
        _plan(p)


def test_exposure_constant_within_non_gvc_firms_skips_the_triple_difference(base_panel):
    non = base_panel.loc[base_panel["gvc"] == 0, "firm_id"].unique()[:30]  # a minority, so p25 < p75 still
    p = base_panel[(base_panel["gvc"] == 1) | base_panel["firm_id"].isin(non)].copy()
    p.loc[p["gvc"] == 0, td.EXPOSURE] = 4.0
    plan = _plan(p)
    assert not plan.can(gvc.DDD) and "does not vary among non-GVC firms" in plan.reason(gvc.DDD) and plan.can(gvc.DID)


def test_exposure_constant_within_all_gvc_firms_supports_nothing(base_panel):
    p = base_panel.copy()
    p.loc[p["gvc"] == 1, td.EXPOSURE] = 4.0
    with pytest.raises(release.DesignError, match="does not vary among GVC firms.*among manufacturing GVC"):
        _plan(p)


def test_no_manufacturing_firm_skips_the_did_and_the_sectors(base_panel):
    plan = _plan(base_panel.assign(manufacturing=0))
    assert not plan.can(gvc.DID) and not plan.can("sector: Chemicals (325)") and plan.can(gvc.DDD)


def test_missing_years_after_2019_are_reported_and_their_estimates_refused(base_panel):
    p = base_panel[base_panel["year"] <= 2019]
    plan = _plan(p)
    assert any("2020, 2021" in n for n in plan.notes)
    did = td.difference_in_differences(p[(p.gvc == 1) & (p.manufacturing == 1)], "ln_exports_us", label="m")
    with pytest.raises(release.Unavailable, match="2020"):
        did.effect(2020)
    with pytest.raises(release.Unavailable, match="2020, 2021"):
        did.average((2018, 2019, 2020, 2021))


def test_a_panel_of_one_year_stops(base_panel):
    with pytest.raises(release.DesignError, match="one year"):
        _plan(base_panel[base_panel["year"] == 2017])


def test_unknown_sector_codes_are_named_and_their_groups_skipped(base_panel):
    p = base_panel.assign(sector=base_panel["sector"] + ".0")  # a float column written as text
    plan = _plan(p)
    assert not plan.can("sector: Chemicals (325)") and any("325.0" in n for n in plan.notes)


def test_a_missing_sector_group_is_skipped_and_the_rest_estimated(base_panel):
    p = base_panel[~base_panel["sector"].isin(["313", "314", "315", "316"])]
    plan = _plan(p)
    assert not plan.can("sector: Textiles, apparel, footwear (313–316)") and plan.can("sector: All manufacturing")
    why = plan.reason("sector: Textiles, apparel, footwear (313–316)")
    assert "no manufacturing GVC firm in sector codes 313" in why


def test_an_empty_outcome_column_skips_only_that_outcome(base_panel):
    plan = _plan(base_panel.assign(ln_imports_us=np.nan))
    assert not plan.can(f"{gvc.DID}: Imports from the US") and plan.can(f"{gvc.DID}: Exports to the US")


@pytest.mark.parametrize("how", ["empty", "constant"])
def test_unusable_input_exposure_drops_the_input_channel(how, base_panel):
    plan = _plan(base_panel.assign(**{td.INPUT_EXPOSURE: np.nan if how == "empty" else 2.0}))
    assert not plan.can("input exposure") and plan.can(gvc.DDD)


@pytest.mark.filterwarnings("ignore:.*dropped due to multicollinearity")
def test_a_coefficient_pyfixest_drops_is_nan_not_a_key_error(base_panel):
    es = td.triple_difference(base_panel.assign(gvc=1), "ln_exports_us")  # GVC differential not identified
    rows = es.table[es.table["group"] == "gvc_differential"]
    assert rows.loc[rows["year"] != 2017, "estimate"].isna().all()
    with pytest.raises(release.Unavailable, match="not identified"):
        es.effect(2019, group="gvc_differential")


def test_every_estimate_states_the_firms_behind_it(base_panel):
    es = td.triple_difference(base_panel, "ln_exports_us")
    assert es.table["n_firms_cell"].gt(0).all()
    gvc_n = base_panel[base_panel["gvc"] == 1]["firm_id"].nunique()
    non_n = base_panel[base_panel["gvc"] == 0]["firm_id"].nunique()
    diff = es.table[(es.table["group"] == "gvc_differential") & (es.table["year"] == 2019)]
    assert (diff["n_firms_cell"] == min(gvc_n, non_n)).all()


def test_cells_below_the_minimum_are_withheld_and_say_so(base_panel):
    p = base_panel.copy()
    keep = p["firm_id"].isin(p["firm_id"].unique()[:5])
    p.loc[(p["year"] == 2016) & ~keep, "ln_exports_us"] = np.nan  # only 5 firms observed in 2016
    es = td.difference_in_differences(p, "ln_exports_us", label="all").release(10)
    row = es.table[es.table["year"] == 2016].iloc[0]
    assert not row["released"] and np.isnan(row["estimate"]) and np.isnan(row["n_firms_cell"])
    assert "fewer than 10 firms" in row["note"]
    with pytest.raises(release.Unavailable, match="withheld"):
        es.effect(2016)
    assert es.table[es.table["year"] == 2019]["released"].all()


def test_an_average_resting_on_too_few_firms_is_refused(base_panel):
    few = base_panel[base_panel["firm_id"].isin(base_panel["firm_id"].unique()[:8])]
    es = td.difference_in_differences(few, "ln_exports_us", label="few").release(10)
    with pytest.raises(release.Unavailable, match="fewer than 10 firms"):
        es.average((2018, 2019))


def test_a_sector_group_below_the_minimum_is_a_row_with_a_note(base_panel):
    mfg = base_panel[(base_panel.gvc == 1) & (base_panel.manufacturing == 1)]
    out = gvc.sector_effects(mfg, {"Tiny": ["316"], "Big": list(gvc_sim.MANUFACTURING_SECTORS)}, min_firms=10)
    tiny = out.set_index("sector").loc["Tiny"]
    assert np.isnan(tiny["estimate"]) and "fewer than 10 firms" in tiny["note"]
    assert np.isfinite(out.set_index("sector").loc["Big", "estimate"])


def test_no_estimable_sector_group_gives_an_empty_table_not_a_crash(base_panel):
    out = gvc.sector_effects(base_panel, {}, min_firms=10)
    withheld = release.suppress(out, "n_firms", 10, ["estimate", "se", "ci_low", "ci_high", "pvalue"])
    assert withheld.empty and {"sector", "estimate", "n_firms", "released", "note"} <= set(withheld.columns)


@pytest.mark.filterwarnings("ignore:.*dropped due to multicollinearity")
def test_results_never_hold_nan(base_panel):
    es = td.triple_difference(base_panel.assign(gvc=1), "ln_exports_us").release(10)
    text = json.dumps(release.to_json(gvc.results_json(es, extra={"x": float("nan")})), allow_nan=False)
    assert "NaN" not in text


def test_panel_summary_shows_no_values(base_panel):
    summary = release.panel_summary(base_panel)
    assert not summary.astype(str).apply(lambda c: c.str.contains("F000")).any().any()


# ============================================================================== 3b. design: the energy panel
def test_every_unit_treated_before_the_sample_stops(energy_base):
    p = energy_base.assign(treatment_period="2018-06", price_increase_pct=30.0)
    with pytest.raises(release.DesignError, match="precedes the sample"):
        energy_plan(p)


def test_one_cohort_without_never_treated_units_stops(energy_base):
    p = energy_base.copy()
    p["price_increase_pct"] = p.groupby("unit_id")["price_increase_pct"].transform("first").fillna(20.0)
    p["treatment_period"] = "2021-10"
    with pytest.raises(release.DesignError, match="not-yet-treated"):
        energy_plan(p)


def test_no_increase_above_the_threshold_skips_the_large_side(energy_base):
    p = energy_base.assign(price_increase_pct=np.where(energy_base["price_increase_pct"].notna(), 10.0, np.nan))
    plan = energy_plan(p)
    assert not plan.can("households: large increases") and plan.can("households: small increases")
    assert ">= 25%" in plan.reason("households: large increases")


def test_no_increase_below_the_threshold_skips_the_small_side(energy_base):
    plan = energy_plan(energy_base, large_threshold_pct=1.0)
    assert not plan.can("households: small increases") and plan.can("households: large increases")


def test_doses_given_as_fractions_get_a_warning(energy_base):
    p = energy_base.assign(price_increase_pct=energy_base["price_increase_pct"] / 100)
    with pytest.warns(release.DesignWarning, match="fractions"):
        plan = energy_plan(p)
    assert any("100 times" in w for w in plan.warnings)


def test_doses_in_percent_get_no_warning(energy_base):
    with warnings.catch_warnings():
        warnings.simplefilter("error", release.DesignWarning)
        energy_plan(energy_base)


def test_a_firms_only_panel_skips_households_with_the_reason(energy_base):
    plan = energy_plan(energy_base[energy_base["respondent"] == "firm"])
    assert not plan.can("households") and "no households" in plan.reason("households") and plan.can("firms")


def test_a_panel_without_any_increase_stops(energy_base):
    p = energy_base.assign(treatment_period=None, price_increase_pct=np.nan)
    with pytest.raises(release.DesignError, match="no households with an energy price increase"):
        energy_plan(p)


def test_empty_income_column_skips_the_heterogeneity(energy_base):
    p = energy_base.assign(income_group=None)
    plan = energy_plan(p)
    assert not plan.can("households: by income group") and plan.can("households")


def test_no_output_prices_skip_the_passthrough(energy_base):
    plan = energy_plan(energy_base.assign(output_price_change_pct=np.nan))
    assert not plan.can("firms: pass-through") and plan.can("firms")


def test_too_few_respondents_stop(energy_base):
    few = energy_base[energy_base["unit_id"].isin(energy_base["unit_id"].unique()[:6])]
    with pytest.raises(release.DesignError, match="fewer than 10"):
        energy_plan(few)


@pytest.fixture(scope="module")
def household_fit(energy_base):
    hh = energy.estimation_frame(energy_base[energy_base["respondent"] == "household"].reset_index(drop=True))
    return hh, di.imputation_fit(hh, "expected_inflation_pct", "unit", "t", "g", intensity="price_increase_pct")


def test_bjs_estimates_state_the_respondents_behind_them(household_fit):
    hh, fit = household_fit
    e = fit.slope()
    treated_units = hh.loc[(hh["g"] > 0) & (hh["t"] >= hh["g"]), "unit"].nunique()
    assert e.n_units == treated_units and e.scaled(100).n_units == e.n_units
    by_h = fit.by_horizon(horizons=[0, 1])
    assert (by_h["n_units"] > 0).all()


def test_a_group_estimate_below_the_minimum_is_withheld(household_fit):
    _, fit = household_fit
    first = np.zeros(len(fit.tau), bool)
    first[np.flatnonzero(fit._u1 == fit._u1[0])] = True  # one respondent
    e = fit.slope(mask=first)
    assert e.n_units == 1
    with pytest.raises(release.Unavailable, match="fewer than 10 respondents"):
        release.released(e.estimate, e.n_units, 10, count_label="respondents")


def test_pretrend_leads_state_their_respondents(household_fit):
    hh, _ = household_fit
    pre, _ = di.pretrend_test(hh, "expected_inflation_pct", "unit", "t", "g", leads=3, intensity="price_increase_pct")
    assert (pre["n_units"] > 0).all() and (pre["n_units"] <= pre["n_obs"]).all()


def test_suppress_withholds_small_counts_but_not_zero():
    frame = pd.DataFrame({"estimate": [1.0, 2.0, 3.0], "n": [0, 4, 40]})
    out = release.suppress(frame, "n", 10, ["estimate"])
    assert out["released"].tolist() == [False, False, True]
    assert out["n"].iloc[0] == 0 and np.isnan(out["n"].iloc[1])  # a small count could identify someone


def test_guard_turns_an_unavailable_number_into_a_not_checkable_verdict(output_dir):
    from analysis.core import claims

    ledger = claims.Ledger("03_mexico_gvc_triple_difference")
    with release.guard(ledger, "GVC-05"):
        raise release.Unavailable("the 2019 estimate is withheld: fewer than 10 firms behind it")
    v = ledger.verdicts["GVC-05"]
    assert v.verdict == "not_checkable" and "fewer than 10 firms" in v.reason


# =================================================================================== 4. output machinery
def test_staging_moves_outputs_but_never_data(monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "STAGING", tmp_path / "stage")
    assert paths.staged(paths.FIGURES / "x.png") == tmp_path / "stage" / "figures" / "x.png"
    assert paths.staged(paths.RESULTS / "r.json") == tmp_path / "stage" / "build" / "results" / "r.json"
    assert paths.staged(paths.DESCRIPTOR) == paths.DESCRIPTOR.resolve()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_commit_killed_half_way_is_finished_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "a.png").write_text("old a")
    (out / "figures" / "b.png").write_text("old b")
    stage = out / "build" / f"{io.PARTIAL_PREFIX}{_dead_pid()}-{io.STAGING_TAG}-99_x"
    (stage / "figures").mkdir(parents=True)
    (stage / "figures" / "b.png").write_text("new b")
    (stage / io.COMMIT_JOURNAL).write_text(json.dumps([[str(out / "ignored"), str(out / "figures" / "a.png")],
                                                       [str(stage / "figures" / "b.png"),
                                                        str(out / "figures" / "b.png")]]))
    # a.png was already moved before the kill; b.png was not
    io.clean_partials(out / "build")
    assert (out / "figures" / "b.png").read_text() == "new b" and not stage.exists()


def test_a_staging_folder_of_a_dead_run_without_journal_is_discarded(tmp_path):
    out = tmp_path / "out"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "a.png").write_text("old")
    stage = out / "build" / f"{io.PARTIAL_PREFIX}{_dead_pid()}-{io.STAGING_TAG}-99_x"
    (stage / "figures").mkdir(parents=True)
    (stage / "figures" / "a.png").write_text("half")
    io.clean_partials(out / "build")
    assert (out / "figures" / "a.png").read_text() == "old" and not stage.exists()


def test_the_staging_folder_of_a_live_run_is_left_alone(tmp_path):
    stage = io.staging_folder(tmp_path / "build", "99_x")
    (stage / "f.txt").write_text("in progress")
    io.clean_partials(tmp_path / "build")
    assert (stage / "f.txt").is_file()


def test_the_lock_serialises_two_writers(tmp_path):
    order = []

    def writer(tag):
        with io.locked(tmp_path / "build" / ".run.lock"):
            order.append(f"{tag} in")
            time.sleep(0.3)
            order.append(f"{tag} out")

    threads = [threading.Thread(target=writer, args=(t,)) for t in "ab"]
    for t in threads:
        t.start()
        time.sleep(0.05)
    for t in threads:
        t.join()
    assert order in (["a in", "a out", "b in", "b out"], ["b in", "b out", "a in", "a out"])


@pytest.mark.parametrize("target", ["repository", "parent_of_repository", "someone_elses", "a_file"])
def test_claim_folder_refuses_what_it_did_not_create(target, tmp_path):
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("keep")
    folder = {"repository": REPO, "parent_of_repository": REPO.parent, "someone_elses": theirs,
              "a_file": theirs / "notes.txt"}[target]
    with pytest.raises(io.FolderNotOurs):
        io.claim_folder(folder, ".marker", "a test")
    assert (theirs / "notes.txt").read_text() == "keep"


def test_site_out_dot_in_a_checkout_is_refused_and_deletes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    before = _git_status()
    assert cli.main(["site", "--out", "."]) == 2
    assert "refusing" in capsys.readouterr().err
    assert (REPO / "data" / "datapackage.json").is_file() and (REPO / ".git").exists() and _git_status() == before


def test_site_out_into_a_foreign_folder_is_refused(tmp_path):
    theirs = tmp_path / "report"
    theirs.mkdir()
    (theirs / "chapter.md").write_text("keep")
    with pytest.raises(site.SiteError, match="did not create"):
        site.build(out_dir=theirs)
    assert (theirs / "chapter.md").read_text() == "keep"


def test_site_out_whose_sources_folder_is_foreign_is_refused(tmp_path):
    (tmp_path / "web_src").mkdir()
    (tmp_path / "web_src" / "mine.md").write_text("keep")
    with pytest.raises(site.SiteError, match="web_src"):
        site.build(out_dir=tmp_path / "web")
    assert (tmp_path / "web_src" / "mine.md").read_text() == "keep" and not (tmp_path / "web").exists()


@pytest.fixture
def one_figure(tmp_path):
    figs = tmp_path / "figs"
    figs.mkdir()
    for ext in ("png", "pdf", "svg"):
        (figs / f"01_demo.{ext}").write_bytes(b"figure " + ext.encode())
    (figs / "01_demo.txt").write_text("Caption.\n\nSource: test\n")
    return figs


def test_figures_out_never_overwrites_a_file_it_did_not_create(one_figure, tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    (out / "01_demo.pdf").write_text("the author's own figure")
    with pytest.raises(export.ExportError, match="did not create"):
        export.export("pdf", out, figures_dir=one_figure)
    assert (out / "01_demo.pdf").read_text() == "the author's own figure" and not (out / "01_demo.txt").exists()


def test_figures_out_replaces_its_own_files_and_leaves_others(one_figure, tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    (out / "thesis.tex").write_text("keep")
    export.export("pdf", out, figures_dir=one_figure)
    export.export("pdf", out, figures_dir=one_figure)  # second time: its own files, replaced
    assert (out / "01_demo.pdf").read_bytes() == b"figure pdf" and (out / "thesis.tex").read_text() == "keep"


def test_figures_out_into_the_figures_folder_is_refused(one_figure):
    with pytest.raises(export.ExportError, match="figures folder itself"):
        export.export("pdf", one_figure, figures_dir=one_figure)


def test_guard_private_redirects_a_hand_run_notebook(tmp_path, monkeypatch):
    panel = tmp_path / "p.csv"
    panel.write_text("x\n1\n")
    monkeypatch.delenv("ANALYSIS_PRIVATE", raising=False)
    public_private = paths.PRIVATE
    monkeypatch.setattr(paths, "OUTPUT", paths.OUTPUT)  # restored after the test: every output path follows it
    folder = run.guard_private("03_x", str(panel))
    assert paths.FIGURES == folder / "figures" and folder.is_relative_to(public_private)
    assert run.guard_private("03_x", "") is None


def test_execute_called_directly_with_a_user_file_still_runs_privately(tmp_path, monkeypatch):
    # a library caller that forgets the private folder: the run must not fall back to the public outputs
    panel = tmp_path / "p.csv"
    panel.write_text("x\n1\n")
    calls = {}

    def fake_kernel(*args, **kwargs):  # what a kernel would be started with; then stop
        calls.update(kwargs, output=os.environ["ANALYSIS_OUTPUT"], private=os.environ["ANALYSIS_PRIVATE"])
        raise RuntimeError("stop before the kernel")

    monkeypatch.setattr("papermill.execute_notebook", fake_kernel)
    with pytest.raises(run.RunError):
        run.execute(NB03, {"panel_path": str(panel)})
    assert calls["parameters"]["panel_path"] == str(panel) and calls["private"] == "1"
    assert Path(calls["output"]).is_relative_to(paths.PRIVATE)  # the kernel would have written only there
    assert os.environ.get("ANALYSIS_PRIVATE") in (None, "")  # restored after the run


def test_run_error_is_one_line_naming_notebook_cell_and_error(tmp_path):
    class Fake(Exception):
        ename, evalue, cell_index, exec_count = "KeyError", "'x0_g_2015'\nmore", 11, 7

    err = run._run_error(NB03, Fake(), tmp_path / "failed.ipynb")
    line = str(err)
    assert "\n" not in line and NB03.stem in line and "cell 12 (In [7])" in line and "KeyError" in line
    assert "failed.ipynb" in line


def test_the_runner_repeats_design_warnings_on_the_terminal(tmp_path):
    cell = {"cell_type": "code", "outputs": [{"output_type": "stream", "name": "stderr", "text": [
        "/x/did_imputation.py:1: DesignWarning: households: the price increases look like fractions\n",
        "  plan.warn(...)\n"]}]}
    (tmp_path / "nb.ipynb").write_text(json.dumps({"cells": [cell, cell]}))
    assert run.design_warnings(tmp_path / "nb.ipynb") == ["households: the price increases look like fractions"]


# ============================================================================= 5. end to end: the runner
def test_failed_run_keeps_its_notebook_and_the_previous_complete_set(tmp_path):
    root, out = tiny_root(tmp_path, {"90_writer": WRITER}), tmp_path / "out"
    assert _cli("run", "90", "-p", "value=1", root=root, output=out).returncode == 0
    before = _files(out)
    proc = _cli("run", "90", "-p", "value=2", "-p", "fail=yes", root=root, output=out)
    assert proc.returncode == 1
    last = proc.stderr.strip().splitlines()[-1]
    assert "90_writer" in last and "cell" in last and "RuntimeError" in last and "build/failed" in last, proc.stderr[-3000:]
    assert _files(out) == {**before, **{k: v for k, v in _files(out).items() if k.startswith("build/failed")}}
    assert (out / "figures" / "90_writer_a.txt").read_text() == "value 1\n"  # not the failed run's 2
    failed = json.loads((out / "build" / "failed" / "90_writer.ipynb").read_text())
    assert "planted failure" in json.dumps(failed)  # the traceback is kept for the user to open
    assert not list((out / "build").glob(f"{io.PARTIAL_PREFIX}*"))


def test_concurrent_runs_into_one_folder_do_not_mix(tmp_path):
    root, out = tiny_root(tmp_path, {"90_writer": WRITER}), tmp_path / "out"
    env = dict(os.environ, MPLBACKEND="Agg", ANALYSIS_ROOT=str(root),
               ANALYSIS_OUTPUT=str(out))
    procs = [subprocess.Popen([sys.executable, "-m", "analysis", "run", "90", "-p", f"value={v}", "-p",
                               f"pause={p}"], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True) for v, p in ((1, 4.0), (2, 0.5))]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stdout.read()
    figure = (out / "figures" / "90_writer_a.txt").read_text()
    result = json.loads((out / "build" / "results" / "90_writer.json").read_text())
    assert figure == f"value {result['value']}\n"  # one run's complete set, never half of each


def test_a_dead_kernel_ends_in_one_line(tmp_path):
    root, out = tiny_root(tmp_path, {"91_dies": DIES}), tmp_path / "out"
    proc = _cli("run", "91", root=root, output=out)
    assert proc.returncode == 1
    assert "kernel died" in proc.stderr.strip().splitlines()[-1] and "Traceback" not in proc.stderr


def test_relative_output_root_and_input_are_resolved_against_the_working_directory(tmp_path):
    root = tiny_root(tmp_path, {"92_reads": READS})
    work = tmp_path / "work"
    work.mkdir()
    (work / "input.csv").write_text("a\n1\n")
    proc = _cli("run", "92", "-p", "in_path=input.csv", root=Path(os.path.relpath(root, work)),
                output=Path("rel_out"), cwd=work)
    assert proc.returncode == 0, proc.stderr
    # a private run (a path parameter): its outputs are in its own folder under the *runner's* rel_out
    results = list((work / "rel_out" / "build" / "private").rglob("92_reads.json"))
    assert len(results) == 1 and not (root / "notebooks" / "rel_out").exists()
    got = json.loads(results[0].read_text())
    assert got["path"] == str(work / "input.csv") and got["sha256"] == hashlib.sha256(b"a\n1\n").hexdigest()
    manifest = json.loads((results[0].parents[2] / "manifest.json").read_text())
    assert manifest["inputs"]["in_path"]["sha256"] == got["sha256"] and manifest["parameters"]["in_path"]


def test_environment_input_relative_to_the_shell_is_resolved_by_the_runner(tmp_path):
    root = tiny_root(tmp_path, {"92_reads": READS})
    work = tmp_path / "work"
    work.mkdir()
    (work / "input.csv").write_text("b\n2\n")
    proc = _cli("run", "92", root=root, output=tmp_path / "out", cwd=work, env={"TINY_INPUT_PATH": "input.csv"})
    assert proc.returncode == 0, proc.stderr
    got = json.loads(next((tmp_path / "out").rglob("92_reads.json")).read_text())
    assert got["path"] == str(work / "input.csv")


# ================================================================== 6. end to end: a planted confidential panel
def _secret_gvc_panel(path: Path, n_firms: int = 300) -> pd.DataFrame:
    p = gvc_sim.simulate_gvc_panel(n_firms=n_firms, seed=2024).panel
    p["firm_id"] = p["firm_id"].map(lambda i: f"CONFIDENTIAL-FIRM-{i:05d}")
    p.to_csv(path, index=False, float_format="%.9f")
    return p


def _without_timings(text: str) -> str:
    """An executed notebook's text without the times its cells ran: a timestamp such as 14:17:06.405474 holds
    "6.405474", which one value in a few thousand matches by chance (the test failed that way now and then)."""
    nb = json.loads(text)
    for holder in [nb, *nb.get("cells", [])]:
        meta = holder.get("metadata", {})
        meta.pop("execution", None), meta.pop("papermill", None)
    return json.dumps(nb, ensure_ascii=False)


# A number written with 6 or 9 decimals (how _leaks writes an input value), and, at every position of a text,
# the digits (with a sign) up to a decimal point and the digits after it.
DECIMAL = re.compile(r"-?[0-9]+\.(?:[0-9]{6}|[0-9]{9})")
NUMBER_AT = re.compile(r"(?=(-?[0-9]+)\.([0-9]{6,}))")


def _contains_any(text: str, wanted: set[str]) -> bool:
    """Whether any string of `wanted` occurs in `text`: the same answer as ``any(w in text for w in wanted)``, in
    one pass over the text instead of one scan per string (a few thousand values over megabytes of notebook took
    seconds). A decimal such as "-1.234567" occurs exactly where the text has a run of digits ending in "1"
    (preceded by "-" if it starts the run), a point, and digits starting with "234567": each such position's
    candidates are collected and looked up."""
    decimals = {w for w in wanted if DECIMAL.fullmatch(w)}
    if any(w in text for w in wanted - decimals):  # anything else ("nan", an id): searched as it is
        return True
    seen = set()
    for m in NUMBER_AT.finditer(text):  # one match per start: every suffix of the integer digits, with its sign
        whole, fraction = m.groups()
        seen.update(f"{whole}.{fraction[:n]}" for n in (6, 9) if len(fraction) >= n)
    return not decimals.isdisjoint(seen)


def _leaks(folder: Path, ids: set[str], values: list[float]) -> list[str]:
    """Files of `folder` holding an input id (any file) or an input value as written or as pandas shows it."""
    texts = {f"{v:.9f}" for v in values} | {f"{v:.6f}" for v in values}
    found = []
    for f in folder.rglob("*"):
        if not f.is_file():
            continue
        raw = f.read_bytes()
        if any(i.encode() in raw for i in ids):
            found.append(f"{f}: an id")
        elif f.suffix in (".ipynb", ".json", ".csv", ".txt"):
            text = raw.decode("utf-8", "replace")
            if _contains_any(_without_timings(text) if f.suffix == ".ipynb" else text, texts):
                found.append(f"{f}: a value")
    return found


@pytest.mark.parametrize("text", ["x -1.234567 y", "11.2345678", "a1.234567", "-11.234567890", "5-1.234567",
                                  "1.23456", "01.234567", "1.2345678901", "-0.000000", "[0.5, 2.123456789]",
                                  "nan", "v=3.141592653589", "12.345678.9012345", "9.999999\n1.000000"])
def test_the_leak_search_finds_what_a_plain_search_finds(text):
    wanted = {"1.234567", "-1.234567", "1.234567890", "-0.000000", "0.500000", "2.123456", "2.123456789",
              "3.141592653", "45678.901234", "nan", "9.999999"}
    for one in sorted(wanted):
        assert _contains_any(text, {one}) == (one in text), (text, one)
    assert _contains_any(text, wanted) == any(w in text for w in wanted)


def test_the_leak_detector_finds_a_displayed_row(tmp_path):
    secret = _secret_gvc_panel(tmp_path / "p.csv", n_firms=20)
    (tmp_path / "out").mkdir()
    shown = secret.drop(columns="firm_id").head(8).to_html()  # what `panel.head(8)` put in the executed notebook
    (tmp_path / "out" / "x.ipynb").write_text(json.dumps({"outputs": [shown]}))
    values = secret[list(gvc.OUTCOMES)].stack().tolist()
    assert _leaks(tmp_path / "out", set(secret["firm_id"]), values)


def test_planted_confidential_gvc_panel_stays_private(tmp_path):
    secret = _secret_gvc_panel(tmp_path / "customs_microdata.csv")
    public = tmp_path / "public"
    status, figures_before = _git_status(), _tracked_digest("03_*")
    proc = _cli("run", "03", "--fast", "-p", f"panel_path={tmp_path / 'customs_microdata.csv'}", "-p",
                "mc_n_firms=300", "-p", "replications=2", output=public)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _git_status() == status and _tracked_digest("03_*") == figures_before
    visible = [k for k in _files(public) if not k.startswith("build/private/")]
    assert visible == [], f"written outside the private folder: {visible}"  # no figures, report, site
    (private,) = (public / "build" / "private").iterdir()
    assert (private / "figures" / "03_gvc_event_study.png").is_file()
    assert (private / "build" / "notebooks" / f"{NB03.stem}.ipynb").is_file()
    outcome_values = secret[list(gvc.OUTCOMES)].stack().sample(2000, random_state=1).tolist()
    assert _leaks(private, set(secret["firm_id"]), outcome_values) == []
    manifest = json.loads((private / "manifest.json").read_text())
    digest = hashlib.sha256((tmp_path / "customs_microdata.csv").read_bytes()).hexdigest()
    assert manifest["inputs"]["panel_path"]["sha256"] == digest
    assert manifest["parameters"]["mc_n_firms"] == 300 and manifest["parameters"]["fast"] is True
    results = json.loads((private / "build" / "results" / "03_gvc.json").read_text())
    assert results["input_sha256"] == digest
    assert all(r["n_firms_behind"] is None or r["n_firms_behind"] >= 10 for r in results["estimates"])
    # the sector groups with fewer than 10 manufacturing GVC firms in 300 firms are withheld, and say so
    sectors = {r["sector"]: r for r in results["sector_average_2018_2021"]}
    withheld = [s for s, r in sectors.items() if not r["released"]]
    assert all(sectors[s]["estimate"] is None and "fewer than 10" in sectors[s]["note"] for s in withheld)


def test_a_confidential_panel_the_design_cannot_use_leaves_no_half_outputs(tmp_path):
    secret = _secret_gvc_panel(tmp_path / "p.csv")
    secret[secret["firm_id"] == secret["firm_id"].iloc[0]].to_csv(tmp_path / "one.csv", index=False)
    out = tmp_path / "mine"
    proc = _cli("run", "03", "--fast", "-p", f"panel_path={tmp_path / 'one.csv'}", "--out", str(out),
                output=tmp_path / "public")
    assert proc.returncode == 1
    assert "DesignError" in proc.stderr and "fewer than 10 firms" in proc.stderr.strip().splitlines()[-1]
    assert sorted(k for k in _files(out)) == ["build/failed/03_mexico_gvc_triple_difference.ipynb"]


def _verdicts(folder: Path, stem: str) -> pd.DataFrame:
    (private,) = (folder / "build" / "private").iterdir()
    return pd.read_csv(private / "build" / "verdicts" / f"{stem}.csv", dtype=str,
                       keep_default_na=False).set_index("claim_id")


def test_gvc_notebook_skips_what_the_panel_cannot_support_and_says_why(tmp_path):
    p = _secret_gvc_panel(tmp_path / "p.csv", n_firms=400)
    p = p[(p["year"] <= 2019) & ~p["sector"].isin(["313", "314", "315", "316"])].assign(gvc=1)
    p.to_csv(tmp_path / "odd.csv", index=False)
    public = tmp_path / "public"
    proc = _cli("run", "03", "--fast", "-p", f"panel_path={tmp_path / 'odd.csv'}", "-p", "mc_n_firms=300",
                "-p", "replications=2", output=public)
    assert proc.returncode == 0, proc.stderr[-3000:]
    v = _verdicts(public, NB03.stem)
    assert v.at["GVC-02", "verdict"] == "not_checkable" and "non-GVC" in v.at["GVC-02", "reason"]
    assert v.at["GVC-06", "verdict"] == "not_checkable" and "2020" in v.at["GVC-06", "reason"]
    assert v.at["GVC-08", "verdict"] == "not_checkable" and "Textiles" in v.at["GVC-08", "reason"]
    assert v.at["GVC-14", "verdict"] == "not_checkable"
    assert v.at["GVC-05", "verdict"] in ("reproduced", "differs")  # the 2019 DiD still stands


def test_energy_notebook_skips_what_the_panel_cannot_support_and_says_why(tmp_path):
    agg = en.aggregate_path()
    p = en.simulate_households(8, n_units=250, aggregate=agg)[en.SCHEMA_COLUMNS]
    p["price_increase_pct"] = np.where(p["price_increase_pct"].notna(), 10.0, np.nan)  # none above 25%
    p.to_csv(tmp_path / "hh.csv", index=False)
    public = tmp_path / "public"
    proc = _cli("run", "04", "--fast", "-p", f"panel_path={tmp_path / 'hh.csv'}", "-p", "n_mc_fast=2",
                "-p", "n_households=100", output=public)  # the size of the simulated Monte Carlo panels only
    assert proc.returncode == 0, proc.stderr[-3000:]
    v = _verdicts(public, NB04.stem)
    for cid in ("NRG-05", "NRG-14", "NRG-15"):  # no firms in the panel
        assert v.at[cid, "verdict"] == "not_checkable" and "no firms" in v.at[cid, "reason"], cid
    assert v.at["NRG-06", "verdict"] in ("reproduced", "differs")
    assert v.at["NRG-08", "verdict"] in ("reproduced", "differs")  # small increases: all of them


def test_planted_confidential_energy_panel_stays_private(tmp_path):
    agg = en.aggregate_path()
    p = pd.concat([en.simulate_households(5, n_units=250, aggregate=agg),
                   en.simulate_firms(6, n_units=150, aggregate=agg)], ignore_index=True)
    p = p[[c for c in p.columns if c not in ("true_effect_pp", "true_passthrough_pp", "large_increase")]]
    p["unit_id"] = "CONFIDENTIAL-RESP-" + p["unit_id"].astype(str)
    p.to_csv(tmp_path / "bop.csv", index=False, float_format="%.9f")
    public = tmp_path / "public"
    status, figures_before = _git_status(), _tracked_digest("04_*")
    proc = _cli("run", "04", "--fast", "-p", f"panel_path={tmp_path / 'bop.csv'}", "-p", "n_mc_fast=2",
                "-p", "n_households=100", output=public)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _git_status() == status and _tracked_digest("04_*") == figures_before
    assert [k for k in _files(public) if not k.startswith("build/private/")] == []
    (private,) = (public / "build" / "private").iterdir()
    values = p["expected_inflation_pct"].sample(2000, random_state=2).tolist()
    assert _leaks(private, set(p["unit_id"]), values) == []
    results = json.loads((private / "build" / "results" / "04_energy.json").read_text())
    assert results["input_sha256"] == hashlib.sha256((tmp_path / "bop.csv").read_bytes()).hexdigest()
    assert all(e.get("n_units") is None or e["n_units"] >= 10 for e in results["estimates"].values()
               if isinstance(e, dict))


def test_notebook_03_from_customs_transactions_runs_privately(tmp_path):
    """Notebook 03 takes the transaction files themselves (built into the panel with DuckDB, analysis.studies.gvc.transactions):
    a private run like any other, its input fingerprinted as a folder, no transaction line in any output."""
    from analysis.studies.gvc import customs

    sim = customs.simulate_customs(n_firms=400, seed=11, lines_per_firm_year=8, firms_per_block=200)
    files = sim.write_parquet(tmp_path / "customs")
    tables = sim.write_tables(tmp_path / "registers")
    public = tmp_path / "public"
    status = _git_status()
    proc = _cli("run", "03", "--fast", "-p", f"transactions_dir={tmp_path / 'customs'}",
                "-p", f"immex_path={tables['immex']}", "-p", f"firms_path={tables['firms']}",
                "-p", f"tariffs_path={tables['tariffs']}", "-p", "mc_n_firms=300", "-p", "replications=2",
                output=public)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _git_status() == status
    assert [k for k in _files(public) if not k.startswith("build/private/")] == []
    (private,) = (public / "build" / "private").iterdir()
    manifest = json.loads((private / "manifest.json").read_text())
    assert manifest["inputs"]["transactions_dir"]["files"] == len(files)
    results = json.loads((private / "build" / "results" / "03_gvc.json").read_text())
    assert results["input_sha256"] == manifest["inputs"]["transactions_dir"]["sha256"]
    lines = pd.concat(pd.read_parquet(f) for f in files)
    assert _leaks(private, set(lines["firm_id"]), lines["value_usd"].sample(500, random_state=1).tolist()) == []


def test_transactions_need_their_registers(tmp_path):
    (tmp_path / "customs").mkdir()
    proc = _cli("run", "03", "--fast", "-p", f"transactions_dir={tmp_path / 'customs'}", output=tmp_path / "pub")
    assert proc.returncode != 0 and "needs immex_path, firms_path and tariffs_path" in proc.stderr
