"""Figure export for reports: the chosen figures, fonts embedded in PDF, text as text in SVG, with sidecars,
byte-identical across two independent renders."""

from __future__ import annotations

import hashlib
import shutil

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from analysis.build import cli  # noqa: E402
from analysis.build import export  # noqa: E402
from analysis.core import data, figures  # noqa: E402
from analysis.studies import refugees  # noqa: E402

NAMES = ("01_refugee_ceilings_admissions", "01_refugee_utilisation")


def _render(folder):
    """Draw notebook 01's two figures with the one saver, as the notebook does."""
    import matplotlib.pyplot as plt

    table = data.load("refugee_ceilings_admissions")
    with figures.style():  # the house style for these figures only, not for the tests that run after in this process
        for name, plot in zip(NAMES, (refugees.plot_ceilings, refugees.plot_utilisation)):
            fig = plot(table, 1980, 2026)
            figures.save(fig, name, caption=f"Caption of {name}.", source="US State Department (test)",
                         out_dir=folder)
            plt.close(fig)
    return folder


@pytest.fixture(scope="module")
def two_renders(tmp_path_factory):
    return _render(tmp_path_factory.mktemp("render_a")), _render(tmp_path_factory.mktemp("render_b"))


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("fmt", ["pdf", "svg", "png"])
def test_export_is_byte_identical_across_two_runs(two_renders, tmp_path, fmt):
    a = export.export(fmt, tmp_path / "a", figures_dir=two_renders[0])
    export.export(fmt, tmp_path / "b", figures_dir=two_renders[1])
    assert [x.name for x in a] == list(NAMES)
    assert _digests(tmp_path / "a") == _digests(tmp_path / "b")
    assert sorted(p.name for p in (tmp_path / "a").iterdir() if not p.name.startswith(".")) == sorted([f"{n}.{fmt}" for n in NAMES]
                                                                        + [f"{n}.txt" for n in NAMES])
    for item in a:  # a copy of what the saver wrote, and its sidecar ready to paste
        assert item.figure.read_bytes() == (two_renders[0] / item.figure.name).read_bytes()
        caption, _, source = item.sidecar.read_text().partition("\n\n")
        assert caption == f"Caption of {item.name}." and source.startswith("Source: US State Department")


def test_pdf_embeds_its_fonts(two_renders, tmp_path):
    (item, *_) = export.export("pdf", tmp_path, only=[NAMES[0]], figures_dir=two_renders[0])
    pdf = item.figure.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"/FontFile2" in pdf, "TrueType font program embedded (pdf.fonttype 42)"
    assert b"/Type3" not in pdf and b"/CreationDate" not in pdf


def test_svg_keeps_text_as_text(two_renders, tmp_path):
    (item, *_) = export.export("svg", tmp_path, only=[NAMES[0]], figures_dir=two_renders[0])
    svg = item.figure.read_text()
    assert "<text" in svg and "US refugee ceilings and admissions" in svg
    assert "<dc:date>" not in svg


def test_selection_by_prefix_glob_and_errors(two_renders, tmp_path):
    assert export.select(["01"], two_renders[0]) == list(NAMES)
    assert export.select(["*utilisation"], two_renders[0]) == [NAMES[1]]
    with pytest.raises(export.ExportError, match="no figure matches 'nope'.*01_refugee_utilisation"):
        export.export("pdf", tmp_path, only=["nope"], figures_dir=two_renders[0])
    with pytest.raises(export.ExportError, match="format 'jpg'"):
        export.export("jpg", tmp_path, figures_dir=two_renders[0])
    (two_renders[0] / f"{NAMES[1]}.svg").rename(tmp_path / "moved.svg")
    try:
        with pytest.raises(export.ExportError, match=f"{NAMES[1]}.*missing"):
            export.export("svg", tmp_path / "out", figures_dir=two_renders[0])
    finally:
        (tmp_path / "moved.svg").rename(two_renders[0] / f"{NAMES[1]}.svg")


def test_command_line(two_renders, tmp_path, tmp_path_factory, monkeypatch, capsys):
    from analysis.core import paths

    output = tmp_path_factory.mktemp("output")  # the figures of an output folder, as a run leaves them
    shutil.copytree(two_renders[0], output / "figures")
    monkeypatch.setattr(paths, "OUTPUT", output)
    assert cli.main(["figures", "--format", "svg", "--out", str(tmp_path), "--only", NAMES[1]]) == 0
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [f"{NAMES[1]}.svg",
                                                                                         f"{NAMES[1]}.txt"]
    assert cli.main(["figures", "--format", "pdf", "--out", str(tmp_path), "--only", "99"]) == 2
    assert "no figure matches '99'" in capsys.readouterr().err
