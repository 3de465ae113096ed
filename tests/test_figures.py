"""The one figure saver: four files per figure, byte-identical on re-run."""

from __future__ import annotations

import hashlib

import matplotlib.pyplot as plt
import pytest

from analysis.core import figures


def _figure():
    with figures.style():
        fig, ax = plt.subplots()
        ax.plot([2015, 2016, 2017], [1.0, 2.0, 1.5], label="series")
        ax.set_title("A test figure")
        ax.legend()
    return fig


def _digests(paths):
    return {fmt: hashlib.sha256(p.read_bytes()).hexdigest() for fmt, p in paths.items()}


def test_save_writes_png_svg_pdf_and_sidecar(tmp_path):
    written = figures.save(_figure(), "00_test", caption="A caption.", source="Nowhere, table 1",
                           out_dir=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["00_test.pdf", "00_test.png", "00_test.svg", "00_test.txt"]
    assert written["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert written["pdf"].read_bytes()[:5] == b"%PDF-"
    svg = written["svg"].read_text()
    assert "A test figure" in svg  # text kept as text
    assert "Source: Nowhere, table 1" in written["txt"].read_text()
    assert b"/FontFile2" in written["pdf"].read_bytes()  # TrueType font embedded


def test_save_is_byte_identical_across_runs(tmp_path):
    first = _digests(figures.save(_figure(), "00_test", caption="c", source="s", out_dir=tmp_path / "a"))
    second = _digests(figures.save(_figure(), "00_test", caption="c", source="s", out_dir=tmp_path / "b"))
    assert first == second


def test_simulated_figures_say_so(tmp_path):
    written = figures.save(_figure(), "00_sim", caption="c", source="s", simulated=True, out_dir=tmp_path)
    assert "SIMULATED" in written["txt"].read_text()
    assert "SIMULATED" in written["svg"].read_text()


@pytest.mark.parametrize("name, caption, source", [("", "c", "s"), ("a/b", "c", "s"), ("x", "", "s"), ("x", "c", " ")])
def test_save_refuses_missing_name_caption_or_source(tmp_path, name, caption, source):
    with pytest.raises(ValueError):
        figures.save(_figure(), name, caption=caption, source=source, out_dir=tmp_path)
