"""Shared test fixtures. Tests never write into the repository: outputs go to a temporary ANALYSIS_OUTPUT."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

# Must be set before analysis.core.paths is imported anywhere in the test session.
_OUTPUT = Path(tempfile.mkdtemp(prefix="analysis-test-output-"))
os.environ["ANALYSIS_OUTPUT"] = str(_OUTPUT)
os.environ.setdefault("MPLBACKEND", "Agg")
# Every process the tests start (a command-line run, a kernel) imports this checkout's source, and with one environment
# they share one kernel server (analysis.build.kernels keys a server by the environment: a variable set for one
# subprocess only would start a server of its own, two seconds of imports, for a two-line notebook).
_SRC = str(Path(__file__).resolve().parents[1] / "src")
if os.environ.get("PYTHONPATH", "").split(os.pathsep)[0] != _SRC:
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [_SRC, os.environ.get("PYTHONPATH")]))

import pytest  # noqa: E402

from analysis.core import data, paths  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ that the loader reads instead of the repository's (safe to corrupt)."""
    copy = tmp_path / "data"
    shutil.copytree(paths.DATA, copy, ignore=shutil.ignore_patterns("*.lock"))
    monkeypatch.setattr(paths, "DATA", copy)  # the descriptor and the claims register follow DATA
    data._load_checked.cache_clear()
    yield copy
    data._load_checked.cache_clear()


@pytest.fixture
def output_dir(tmp_path, monkeypatch):
    """Redirect figures/, build/ and verdicts to a fresh temporary folder for one test."""
    monkeypatch.setattr(paths, "OUTPUT", tmp_path)  # figures/, build/, results, verdicts and report follow OUTPUT
    return tmp_path


# ------------------------------------------------------------------------- adversarial cases (issue 15)
ADVERSARIAL: set[str] = set()


def pytest_configure(config):
    config.addinivalue_line("markers", "adversarial: a case of the adversarial review (issue 15), counted in the "
                                       "session summary")
    config.addinivalue_line("markers", "slow: executes every notebook, a browser or a Jupyter server "
                                       "(`make test-fast` leaves these out)")


# Whole modules whose tests execute notebooks, drive a browser or start a server.
SLOW_MODULES = {"test_notebooks.py", "test_browser.py", "test_jupyter_server.py", "test_reliability.py"}

# Under pytest-xdist (`make test`: -n auto --dist loadscope) one work unit runs in one worker, so what a module
# builds once (its module-scoped fixtures: a Jupyter server, a kernel) is built once. A module is one unit, except
# that the site tests share one (site_build.built_site is cached per process) and the modules below, whose tests
# are independent and slow one by one, are spread over the workers test by test. (Set through the scheduler:
# pytest-xdist 3.8's xdist_group marks are ignored under pytest 9.2, pytest-xdist issue #1386.) What every worker
# needs once per session (the collection executed) is shared between the workers instead: tests/collection.py.
WORK_UNITS = {"test_site.py": "site", "test_browser.py": "site"}
SPREAD_TEST_BY_TEST = {"test_adversarial.py", "test_run_cache.py", "test_data.py"}

# The longest work units, as measured (seconds of one worker in `make test`, from its `--durations`; a spread test as
# file::test), start first so that the two workers finish together: the longest unit left bounds the wall time. A
# unit not listed counts 0 and keeps the collection order. The collection (test_notebooks.py) goes first whatever
# it takes: it runs its notebooks on every core, and the site, next, waits for its notebook 01 (tests/collection.py;
# most of the site's seconds below are that wait; test_reliability.py reads notebook 01 of the collection too).
UNIT_SECONDS = {
    "test_notebooks.py": float("inf"),
    "test_kernels.py": 21,
    "site": 100,
    "test_run_cache.py::test_the_command_line_says_cached_and_force_or_a_package_edit_runs_again": 26,
    "test_jupyter_server.py": 24,
    "test_adversarial.py::test_planted_confidential_energy_panel_stays_private": 24,
    "test_interactive_tariffs_ai.py": 20,
    "test_adversarial.py::test_energy_notebook_skips_what_the_panel_cannot_support_and_says_why": 20,
    "test_reliability.py": 18,
    "test_gvc_panel.py": 18,
    "test_data.py::test_every_resource_in_the_descriptor_validates": 14,
    "test_adversarial.py::test_notebook_03_from_customs_transactions_runs_privately": 14,
    "test_adversarial.py::test_planted_confidential_gvc_panel_stays_private": 13,
    "test_adversarial.py::test_gvc_notebook_skips_what_the_panel_cannot_support_and_says_why": 12,
    "test_adversarial.py::test_concurrent_runs_into_one_folder_do_not_mix": 11,
    "test_did_imputation.py": 10,
    "test_adversarial.py::test_failed_run_keeps_its_notebook_and_the_previous_complete_set": 10,
    "test_adversarial.py::test_a_confidential_panel_the_design_cannot_use_leaves_no_half_outputs": 9,
    "test_figures.py": 9,
    "test_run_cache.py::test_an_unchanged_run_is_restored_byte_for_byte": 8,
    "test_interactive.py": 7,
    "test_adversarial.py::test_transactions_need_their_registers": 7,
    "test_triple_difference.py": 6,
    "test_run_cache.py::test_a_data_file_it_loads_reruns_it_and_one_it_does_not_load_does_not": 6,
    "test_export.py": 6,
    "test_adversarial.py::test_a_dead_kernel_ends_in_one_line": 5,
    "test_run_cache.py::test_a_half_written_entry_never_counts_and_is_cleaned_up": 4,
    "test_layers.py": 4,
    "test_run_cache.py::test_a_private_run_is_never_cached": 3,
}


def unit_seconds(unit: str) -> float:
    """The measured seconds of a unit: a module's file name, a shared unit's name or file::test of a spread test."""
    file, sep, test = unit.partition("::")
    return UNIT_SECONDS.get(file.rsplit("/", 1)[-1] + sep + test, 0.0)


def work_unit(nodeid: str) -> str:
    module = nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
    return nodeid if module in SPREAD_TEST_BY_TEST else WORK_UNITS.get(module, module)


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: unknown (and unused) without it
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

        def _assign_work_unit(self, node) -> None:
            # the longest unit left goes next (longest processing time first); ties keep the queue's order
            longest = max(self.workqueue, key=unit_seconds)
            self.workqueue.move_to_end(longest, last=False)
            super()._assign_work_unit(node)

    return ByWorkUnit(config, log)


@pytest.fixture(scope="session", autouse=True)
def _session_shared_folder(tmp_path_factory):
    """The folder the workers of this session share (beside their own temporary folders under xdist)."""
    import collection

    base = tmp_path_factory.getbasetemp()
    collection.set_shared_root((base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


def pytest_collection_finish(session):
    # after -k/-m deselection: the cases this session runs
    ADVERSARIAL.update(item.nodeid for item in session.items if item.get_closest_marker("adversarial"))


def pytest_terminal_summary(terminalreporter):
    if not ADVERSARIAL:
        return
    outcome = {}
    for key in ("passed", "failed", "error", "skipped"):
        for rep in terminalreporter.stats.get(key, []):
            if getattr(rep, "nodeid", None) in ADVERSARIAL:
                outcome.setdefault(rep.nodeid, key if key != "passed" or rep.when == "call" else "passed")
    counts = {k: sum(v == k for v in outcome.values()) for k in ("passed", "failed", "error", "skipped")}
    terminalreporter.write_line(f"adversarial cases covered: {len(ADVERSARIAL)} ("
                                + ", ".join(f"{n} {k}" for k, n in counts.items() if n) + ")")
