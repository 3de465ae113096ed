"""The one figure saver: four files per figure, byte-identical on re-run, measured at report size."""

from __future__ import annotations

import hashlib
import itertools
import json
from contextlib import contextmanager

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


@contextmanager
def _pdf_fonts_subset_from_the_font_file():
    """The reference the PDF writer must match: each subset cut by fontTools from the font file itself, told to drop
    the layout tables (how the PDFs were written before the fonts were cut from small copies)."""
    from fontTools import subset

    default = subset.Options._drop_tables_default
    subset.Options._drop_tables_default = default + ["GSUB", "GPOS", "GDEF", "kern"]
    try:
        yield None
    finally:
        subset.Options._drop_tables_default = default


def _dejavu(weight="normal"):
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans", weight=weight),
                                 fallback_to_default=False)
    return font_manager.FontPath(path, 0)


@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_a_subset_cut_from_the_small_copy_is_the_subset_cut_from_the_font(weight):
    """Glyph sets in the copy, outside it (Greek, Cyrillic, arrows: the copy is cut again), and a composite glyph
    then its component alone (ă, then the breve by itself, which the copy holds without its character-map entry):
    each subset, and the map from the font's glyph ids to the subset's, equal what fontTools cuts from the font
    file."""
    import random

    from matplotlib.backends import _backend_pdf_ps
    from matplotlib.font_manager import get_font

    fontfile = _dejavu(weight)
    charmap = get_font(fontfile).get_charmap()
    latin = [c for c in range(0x20, 0x250) if c in charmap]
    beyond = [c for c in [*range(0x370, 0x530), *range(0x2190, 0x2200), *range(0x2200, 0x2300)] if c in charmap]
    rng = random.Random(18)
    requests = [[ord(c) for c in "A test figure 2015"], [ord("ă")], [0x2D8],  # a composite, then its breve alone
                *(rng.sample(latin, rng.randint(1, 80)) for _ in range(8)),
                *(rng.sample(latin, 30) + rng.sample(beyond, rng.randint(1, 20)) for _ in range(4))]
    cutter = figures._FontCutter(fontfile.path, fontfile.face_index)
    for chars in requests:
        glyphs = {charmap[c] for c in chars if c in charmap}
        with cutter.subset(_backend_pdf_ps.get_glyphs_subset, glyphs) as cut:
            got = (_backend_pdf_ps.font_as_file(cut.font).getvalue(), {g: cut.glyph_index_map[g] for g in glyphs})
        with _pdf_fonts_subset_from_the_font_file(), _backend_pdf_ps.get_glyphs_subset(fontfile, glyphs) as cut:
            want = (_backend_pdf_ps.font_as_file(cut.font).getvalue(), {g: cut.glyph_index_map[g] for g in glyphs})
        assert got == want, [chr(c) for c in chars]


def test_pdf_bytes_do_not_depend_on_what_the_process_cut_before(tmp_path, monkeypatch):
    """A fresh process (no copies yet), the copies a first save left, and the subsets cut from the font files: the
    same PDF."""
    def pdf(where):
        fig = _figure()
        fig.axes[0].set_xlabel("année → Δ (αβγ)")  # glyphs outside the common text: the copy is cut again
        written = figures.save(fig, "00_test", caption="c", source="s", out_dir=tmp_path / where)
        plt.close(fig)
        return written["pdf"].read_bytes()

    monkeypatch.setattr(figures, "_FONT_CUTTERS", {})
    figures._font_without_layout_tables.cache_clear()
    fresh, again = pdf("fresh"), pdf("again")
    monkeypatch.setitem(figures._WRITERS, "pdf", _pdf_fonts_subset_from_the_font_file)
    assert fresh == again == pdf("from_font_files")


def test_the_text_check_measures_as_a_fresh_measurement_would():
    """The text check takes each string's size from the metrics the draw's own layout cached: the same numbers as
    laying the string out again (text inside, off the canvas, multi-line, mathtext)."""
    from matplotlib.backends.backend_agg import RendererAgg

    fig = _two_series([figures.PALETTE["blue"], figures.PALETTE["orange"]])
    fig.text(0.98, 0.5, "a label that runs off the right edge")
    fig.text(0.1, 0.5, "two lines\nof text")
    fig.axes[0].set_yscale("log")  # tick labels in mathtext

    def drawn():
        with figures._listening_to_text() as text:
            fig.draw(RendererAgg(650, 400, 100))
        return text

    cached = drawn()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(figures, "_text_metrics",
                      lambda renderer, s, prop, ismath: renderer.get_text_width_height_descent(s, prop, ismath))
        fresh = drawn()
    assert cached == fresh
    assert any(outside for _, _, outside in cached) and any("$" in s for _, s, _ in cached)
    plt.close(fig)


def test_the_text_check_lays_no_string_out_again():
    """Listening to a draw adds no text layout to it (laying text out is the costliest part of a draw)."""
    from matplotlib.backends.backend_agg import RendererAgg

    fig = _two_series([figures.PALETTE["blue"], figures.PALETTE["orange"]])
    measured = []
    measure = RendererAgg.get_text_width_height_descent

    def counting(renderer, s, prop, ismath):
        measured.append(s)
        return measure(renderer, s, prop, ismath)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RendererAgg, "get_text_width_height_descent", counting)
        fig.draw(RendererAgg(650, 400, 100))
        plain = len(measured)
        measured.clear()
        with figures._listening_to_text() as drawn:
            fig.draw(RendererAgg(650, 400, 100))
    assert drawn and len(measured) == plain
    plt.close(fig)


def test_font_tables_read_once_are_the_tables_read_each_time():
    """Inside the block a table comes from the first read, as a copy of its own; outside, FreeType is read again."""
    from matplotlib.ft2font import FT2Font

    regular, bold = (FT2Font(_dejavu(weight)) for weight in ("normal", "bold"))
    read = FT2Font.get_sfnt_table
    with figures._font_tables_read_once():
        for font in (regular, bold, regular):
            for name in ("OS/2", "head", "hhea", "post", "pclt"):
                assert font.get_sfnt_table(name) == read(font, name)
        regular.get_sfnt_table("head")["unitsPerEm"] = 1  # a caller changing its copy changes no one else's
        assert regular.get_sfnt_table("head")["unitsPerEm"] == 2048
        assert regular.get_sfnt_table("OS/2") != bold.get_sfnt_table("OS/2")
    assert FT2Font.get_sfnt_table is read


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
