"""Interactive controls: turning a knob in a live kernel changes what the notebook shows.

Notebook 01's code cells run in a real Jupyter kernel (the one JupyterLab would use); the test then sets the
controls as a reader would (a widget's ``value``, which is what the slider sends) and checks the callback
re-ran the same helpers and displayed a different figure and table.
"""

from __future__ import annotations

import base64
import os
import sys
from pathlib import Path

import jupytext
import pytest

from analysis.core import data, paths
from analysis.studies import refugees
from analysis.build import run


def _kernel_env() -> None:
    here = str(Path(sys.prefix) / "share" / "jupyter")  # this environment's python3 kernel, as run.execute does
    if not os.environ.get("JUPYTER_PATH", "").startswith(here):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [here, os.environ.get("JUPYTER_PATH")]))


class Kernel:
    def __init__(self, cwd: Path):
        from jupyter_client.manager import start_new_kernel

        _kernel_env()
        self.km, self.kc = start_new_kernel(kernel_name="python3", cwd=str(cwd))

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


@pytest.fixture(scope="module")
def kernel():
    nb = jupytext.read(run.find("01").as_posix())
    k = Kernel(paths.NOTEBOOKS)
    try:
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
