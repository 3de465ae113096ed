"""Shared test fixtures. Tests never write into the repository: outputs go to a temporary ANALYSIS_OUTPUT."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

# Must be set before analysis.paths is imported anywhere in the test session.
_OUTPUT = Path(tempfile.mkdtemp(prefix="analysis-test-output-"))
os.environ["ANALYSIS_OUTPUT"] = str(_OUTPUT)
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

from analysis import data, paths  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ that the loader reads instead of the repository's (safe to corrupt)."""
    copy = tmp_path / "data"
    shutil.copytree(paths.DATA, copy, ignore=shutil.ignore_patterns("*.lock"))
    monkeypatch.setattr(paths, "DATA", copy)
    monkeypatch.setattr(paths, "DESCRIPTOR", copy / "datapackage.json")
    monkeypatch.setattr(paths, "CLAIMS_REGISTER", copy / "claims.csv")
    data._load_checked.cache_clear()
    yield copy
    data._load_checked.cache_clear()


@pytest.fixture
def output_dir(tmp_path, monkeypatch):
    """Redirect figures/, build/ and verdicts to a fresh temporary folder for one test."""
    monkeypatch.setattr(paths, "FIGURES", tmp_path / "figures")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    monkeypatch.setattr(paths, "RESULTS", tmp_path / "build" / "results")
    monkeypatch.setattr(paths, "VERDICTS", tmp_path / "build" / "verdicts")
    monkeypatch.setattr(paths, "CLAIMS_REPORT", tmp_path / "build" / "claims_report.csv")
    return tmp_path
