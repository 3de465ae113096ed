"""Interactive controls: turning a knob in a live kernel changes what the notebook shows.

Notebook 01's code cells run in a real Jupyter kernel (the one JupyterLab would use; the figures the cells save
are closed instead of written, see ``Kernel.without_figure_files``); the test then sets the controls as a reader
would (a widget's ``value``, which is what the slider sends) and checks the callback re-ran the same helpers and
displayed a different figure and table.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import jupytext
import pytest

from analysis.core import data, paths
from analysis.studies import refugees
from analysis.build import run


class Kernel:
    def __init__(self, cwd: Path):
        """A kernel as the runner starts one for a public notebook: its process environment, forked from the
        kernel server (analysis.build.kernels)."""
        from analysis.build import kernels

        run._use_this_environments_kernel()  # this environment's python3 kernel, as run.execute does
        self.km = kernels.manager_class(blocking=True)(kernel_name="python3")
        self.km.start_kernel(cwd=str(cwd), env=os.environ | run.kernel_process_env())
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def run(self, code: str, timeout: float = 180) -> list[dict]:
        """Execute `code`; return its iopub messages (stream, display_data, execute_result, error)."""
        messages = []
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=messages.append, allow_stdin=False)
        errors = [m["content"] for m in messages if m["msg_type"] == "error"]
        assert reply["content"]["status"] == "ok", errors or reply["content"]
        return messages

    def stdout(self, code: str) -> str:
        return "".join(m["content"]["text"] for m in self.run(code)
                       if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def without_figure_files(self) -> "Kernel":
        """Make ``figures.save`` in this kernel close the figure instead of writing and measuring its PNG, SVG and
        PDF (and the inline display of it): the cells before a panel save figures that no test of a panel looks at
        (test_notebooks.py checks the saved figures), and a panel never saves one. Roughly halves a kernel's work."""
        self.run("import matplotlib.pyplot as _plt\nfrom analysis.core import figures as _figures\n"
                 "_figures.save = lambda fig, *args, **kwargs: _plt.close(fig)")
        return self


@pytest.fixture(scope="module")
def kernel():
    nb = jupytext.read(run.find("01").as_posix())
    k = Kernel(paths.NOTEBOOKS)
    try:
        k.without_figure_files()
        for cell in nb.cells:
            if cell.cell_type == "code":
                k.run(cell.source)
                if "parameters" in cell.metadata.get("tags", []):
                    k.run("fast = True")
        yield k
    finally:
        k.close()


def _pngs(messages) -> list[bytes]:
    return [base64.b64decode(m["content"]["data"]["image/png"]) for m in messages
            if m["msg_type"] in ("display_data", "execute_result") and "image/png" in m["content"].get("data", {})]


def _expected_admins(first: int, last: int, keys=None) -> list[str]:
    table = data.load("refugee_ceilings_admissions")
    chosen = table[table["fiscal_year"].between(first, last)]
    if keys is not None:
        chosen = chosen[chosen["administration"].isin(keys)]
    return list(refugees.by_administration(chosen).index)


def test_panel_renders_defaults_headless(kernel):
    out = kernel.stdout("print(refugee_panel.calls, list(refugee_panel.last[1].index), refugee_panel.values()['years'])")
    calls, rest = out.split(" ", 1)
    assert int(calls) >= 1
    assert str(_expected_admins(1980, 2026)) in rest  # every administration with the default years


def test_year_range_control_changes_the_output(kernel):
    before = kernel.run("refugee_panel.controls['years'].value = (1980, 2026)")  # defaults: no change, no redraw
    changed = kernel.run("refugee_panel.controls['years'].value = (2009, 2016)")
    pngs = _pngs(changed)
    assert pngs, "moving the slider displayed no new figure"
    shown = kernel.stdout("print(list(refugee_panel.last[1].index)); "
                          "print(refugee_panel.last[0].axes[0].get_xlim())")
    assert str(_expected_admins(2009, 2016)) in shown
    default_png = _pngs(kernel.run("refugee_panel.controls['years'].value = (1980, 2026)"))
    assert default_png and default_png[-1] != pngs[-1], "the figure did not change with the year range"
    assert not _pngs(before)


def test_administration_control_changes_the_output(kernel):
    changed = kernel.run("refugee_panel.controls['administrations'].value = ('Obama', 'Biden')")
    assert _pngs(changed)
    shown = kernel.stdout("print(list(refugee_panel.last[1].index))")
    assert shown.strip() == str(_expected_admins(1980, 2026, ["Obama", "Biden"]))
    assert kernel.stdout("print(len(refugee_panel.errors))").strip() == "0"


def test_empty_selection_shows_a_message_instead_of_an_empty_chart(kernel):
    """Carter held office in FY1977-FY1981: with years 1990-2026 nothing is left, and the reader is told so."""
    kernel.run("refugee_panel.controls['administrations'].value = ('Carter',)")
    messages = kernel.run("refugee_panel.controls['years'].value = (1990, 2026)")
    assert not _pngs(messages), "an empty selection still drew a chart"
    shown = [m["content"]["data"] for m in messages if m["msg_type"] in ("display_data", "execute_result")]
    want = ("No fiscal years of the Carter administration between 1990 and 2026: "
            "widen the years or pick another administration")
    assert any(want in d.get("text/html", "") and want in d.get("text/plain", "") for d in shown), shown
    assert kernel.stdout("print(type(refugee_panel.last).__name__, len(refugee_panel.errors))").split() == ["Notice", "0"]
    # Widening the years back to Carter's brings the chart back.
    back = kernel.run("refugee_panel.controls['years'].value = (1977, 2026)")
    assert _pngs(back)
    assert kernel.stdout("print(list(refugee_panel.last[1].index))").strip() == str(
        _expected_admins(1977, 2026, ["Carter"]))


def test_notebook_01_controls_are_sized_to_show_labels_and_readouts(kernel):
    import json

    sizes = json.loads(kernel.stdout(
        "import json; print(json.dumps({n: [c.style.description_width, c.layout.width, c.layout.flex, c.description]"
        " for n, c in refugee_panel.controls.items()}))"))
    for name, (label_width, width, flex, description) in sizes.items():
        assert label_width == "initial", name  # the label takes the width of its text, never "Administr…"
        assert flex == "0 0 auto", name
        assert width.endswith("px") and int(width[:-2]) >= 300, (name, width)


# ------------------------------------------------------------------- the panel helper itself (no kernel)
def _widgets():
    return pytest.importorskip("ipywidgets")


def test_fit_to_content_sets_natural_label_width_and_room_for_the_readout():
    from analysis.build import interactive

    w = _widgets()
    slider = interactive.fit_to_content(w.IntRangeSlider(value=(1980, 2026), min=1980, max=2026,
                                                         description="Fiscal years"))
    assert slider.style.description_width == "initial"
    width = int(slider.layout.width.removesuffix("px"))
    # label + track + the readout "1980 – 2026" (11 characters), each at a generous glyph width
    need = interactive.CHAR_PX * (len("Fiscal years") + len("1980 – 2026")) + interactive.TRACK_PX
    assert width >= need
    assert [len(t) for t in interactive.readout_texts(slider)] == [len("1980 – 2026")]
    floats = interactive.fit_to_content(w.FloatSlider(min=0.0, max=150.0, description="China, %"))
    assert "150.00" in interactive.readout_texts(floats)  # readout_format '.2f', as the front end shows it
    long_option = "(c) frontier rebuilt, amortized (Epoch Jul-2024)"
    select = interactive.fit_to_content(w.SelectMultiple(options=[(long_option, "c"), ("(a) short", "a")],
                                                         description="Model sets"))
    assert select.style.description_width == "initial"
    assert int(select.layout.width.removesuffix("px")) >= interactive.CHAR_PX * len(long_option + "Model sets")


def test_fit_to_content_keeps_what_the_notebook_set():
    from analysis.build import interactive

    w = _widgets()
    slider = interactive.fit_to_content(w.FloatSlider(description="Rest of world, %", layout=w.Layout(width="500px"),
                                                      style={"description_width": "150px"}))
    assert slider.layout.width == "500px" and slider.style.description_width == "150px"


def test_panel_shows_the_empty_message_and_skips_the_view(monkeypatch):
    from analysis.build import interactive

    w = _widgets()
    monkeypatch.setenv("ANALYSIS_HEADLESS", "1")
    shown = []
    monkeypatch.setattr(interactive, "show", shown.append)
    calls = []

    def view(n):
        calls.append(n)
        return f"drawn {n}"

    p = interactive.panel(view, empty=lambda n: "Nothing for zero: pick a positive number." if n == 0 else None,
                          n=w.IntSlider(value=1, min=0, max=5, description="n"))
    assert calls == [1] and p.last == "drawn 1"
    p.controls["n"].value = 0
    assert calls == [1], "the view ran on an empty selection"
    assert isinstance(p.last, interactive.Notice) and "Nothing for zero" in str(p.last)
    assert shown[-1] is p.last and p.calls == 2
    p.controls["n"].value = 3
    assert calls == [1, 3] and p.last == "drawn 3"


def test_a_message_returned_by_a_view_is_shown_as_a_notice(monkeypatch):
    from analysis.build import interactive

    displayed = []
    monkeypatch.setattr("IPython.display.display", displayed.append)
    interactive.show("No fit matches: choose at least one model set.")
    assert isinstance(displayed[-1], interactive.Notice)
    assert "No fit matches" in displayed[-1]._repr_html_() and repr(displayed[-1]).startswith("No fit matches")


def test_empty_selection_message_names_the_administrations():
    table = data.load("refugee_ceilings_admissions")
    assert refugees.empty_selection(table, (1990, 2026), ("Carter",)) == (
        "No fiscal years of the Carter administration between 1990 and 2026: "
        "widen the years or pick another administration.")
    assert "Carter or Reagan administrations" in refugees.empty_selection(table, (1990, 2026), ("Carter", "Reagan"))
    assert refugees.empty_selection(table, (1990, 2026), ("Carter", "Obama")) is None
    assert refugees.empty_selection(table, (1980, 2026), ()).startswith("No administration chosen")
