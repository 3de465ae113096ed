"""The one figure saver: four files per figure, byte-identical on re-run, measured at report size."""

from __future__ import annotations

import hashlib
import itertools
import json

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


def test_pdf_embeds_whole_glyph_outlines_without_layout_tables(tmp_path):
    """The PDF's TrueType subsets keep the outlines, metrics and character map a viewer draws and copies text
    with, and leave out the layout tables no viewer reads (writing them was half the time of a PDF)."""
    import io
    import re
    import zlib

    from fontTools.ttLib import TTFont

    pdf = figures.save(_figure(), "00_test", caption="A caption.", source="Nowhere", out_dir=tmp_path)["pdf"]
    raw = pdf.read_bytes()
    fonts = []
    for match in re.finditer(rb"/FontFile2 (\d+) 0 R", raw):
        obj = re.search(rb"\n" + match.group(1) + rb" 0 obj\n<<.*?>>\nstream\n(.*?)\nendstream", raw, re.S)
        fonts.append(TTFont(io.BytesIO(zlib.decompress(obj.group(1)))))
    assert fonts, "no TrueType font embedded"
    for font in fonts:
        assert {"glyf", "loca", "cmap", "hmtx"} <= set(font.keys())
        assert not {"GSUB", "GPOS", "GDEF", "kern"} & set(font.keys())
    from fontTools import subset

    assert "GPOS" not in subset.Options._drop_tables_default  # fontTools' default is left as it was


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


# ------------------------------------------------------------------------------- report size and colour vision
def _two_series(colours, *, markers=("", ""), width=figures.REPORT_WIDTH_IN, title_pt=None):
    with figures.style():
        fig, ax = plt.subplots(figsize=(width, 4))
        for i, (colour, marker) in enumerate(zip(colours, markers)):
            ax.plot([0, 1, 2], [i, i + 1, i], color=colour, marker=marker or None, label=f"series {i}")
        ax.set_title("A planted figure", fontsize=title_pt)
        ax.legend()
    return fig


def test_a_house_style_figure_at_report_width_passes(tmp_path):
    written = figures.save(_two_series([figures.PALETTE["blue"], figures.PALETTE["orange"]]), "00_ok",
                           caption="c", source="s", out_dir=tmp_path)
    record = written.record
    assert record["width_in"] == figures.REPORT_WIDTH_IN
    assert record["min_text_pt"] >= figures.MIN_TEXT_PT
    assert record["cvd_min_delta_e"] >= figures.MIN_CVD_DELTA_E
    assert figures.problems(record) == []


def test_tiny_text_is_flagged(tmp_path):
    with pytest.warns(figures.FigureCheckWarning, match="pt"):
        written = figures.save(_two_series([figures.PALETTE["blue"], figures.PALETTE["orange"]], title_pt=5),
                               "00_tiny", caption="c", source="s", out_dir=tmp_path)
    assert written.record["min_text_pt"] == 5 and written.record["smallest_text"] == "A planted figure"
    assert any("5 pt" in p for p in figures.problems(written.record))


def test_a_wide_figure_is_measured_at_report_width():
    """9-pt text on an 11-inch figure is 9 × 6.5 / 11 ≈ 5.3 pt once shrunk into a 6.5-inch column."""
    record = figures.check(_two_series([figures.PALETTE["blue"], figures.PALETTE["orange"]], width=11))
    assert record["min_text_pt"] < figures.MIN_TEXT_PT
    assert figures.problems(record)


def test_red_and_green_series_fail_the_colour_vision_check():
    record = figures.check(_two_series(["#d62728", "#2ca02c"]))  # matplotlib's tab:red and tab:green
    assert record["cvd_min_delta_e"] < figures.MIN_CVD_DELTA_E
    assert record["cvd_worst_pair"][2] == "deuteranopia"
    assert any("deuteranopia" in p for p in figures.problems(record))


def test_red_and_green_pass_when_the_markers_differ():
    record = figures.check(_two_series(["#d62728", "#2ca02c"], markers=("o", "s")))
    assert record["cvd_min_delta_e"] is None and not figures.problems(record)


def test_text_off_the_canvas_is_flagged():
    fig = _two_series([figures.PALETTE["blue"], figures.PALETTE["orange"]])
    fig.text(0.98, 0.5, "a label that runs off the right edge")
    record = figures.check(fig)
    assert record["text_outside"] == ["a label that runs off the right edge"]
    assert figures.problems(record)


def test_the_deficiency_matrices_keep_greys_and_merge_red_with_green():
    """Machado et al.'s rows sum to 1, so greys are fixed points; the simulation is what makes red and green close."""
    for vision in ("deuteranopia", "protanopia"):
        assert figures.delta_e("#777777", "#777777", vision) == 0
        assert abs(figures.simulate_lab("#777777", vision) - figures.simulate_lab("#777777", "normal")).max() < 0.5
    assert figures.delta_e("#d62728", "#2ca02c") > 100
    assert figures.delta_e("#d62728", "#2ca02c", "deuteranopia") < 10


def test_the_palette_is_colour_blind_safe():
    """The eight Okabe–Ito colours (grey and brown are extras for neutral use) stay apart for every reader."""
    names = ["blue", "orange", "green", "red", "purple", "sky", "yellow", "black"]
    for a, b in itertools.combinations(names, 2):
        for vision in figures.CVD_MATRICES:
            assert figures.delta_e(figures.PALETTE[a], figures.PALETTE[b], vision) >= figures.MIN_CVD_DELTA_E, (a, b)


def test_simulated_figures_can_say_what_simulated_data_they_show(tmp_path):
    written = figures.save(_figure(), "00_ref", caption="c", source="s", out_dir=tmp_path,
                           simulated="a package's reference panel")
    text = written["txt"].read_text()
    assert "SIMULATED DATA (a package's reference panel)" in text and "calibrated" not in text
    with pytest.raises(ValueError):
        figures.save(_figure(), "00_ref", caption="c", source="s", out_dir=tmp_path, simulated=" ")


def test_the_record_is_written_under_the_runner(tmp_path, monkeypatch, output_dir):
    monkeypatch.setenv("ANALYSIS_NOTEBOOK", "00_test_notebook")
    figures.save(_figure(), "00_recorded", caption="c", source="s", out_dir=tmp_path)
    record = json.loads((output_dir / "build" / "figure_records" / "00_recorded.json").read_text())
    assert record["notebook"] == "00_test_notebook" and record["min_text_pt"] >= figures.MIN_TEXT_PT


def test_a_multi_line_title_off_the_canvas_is_flagged():
    with figures.style():
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(figures.REPORT_WIDTH_IN, 3))
        ax2.set_title("A two-line title far too long\nfor the right-hand panel of this figure", loc="left")
    record = figures.check(fig)
    assert record["text_outside"] == ["for the right-hand panel of this figure"]
