"""Interactive controls of notebooks 02 (tariff scenario) and 05 (AI training-cost growth) in a live kernel.

As in ``test_interactive.py``: the notebook's code cells run in a real Jupyter kernel (only up to the panel's
cell, which is all the panel needs; the figures those cells save are closed, not written), then each control is
set as a reader would set it and the test checks that the view re-ran — a new figure was displayed and
``panel.last`` holds what the chosen setting should give, computed here independently of the notebook (the tariff
formula by hand; the growth slope by ``numpy.polyfit``).
"""

from __future__ import annotations

import json

import jupytext
import numpy as np
import pytest
from test_interactive import Kernel, _pngs

from analysis.core import data, paths
from analysis.estimators import growth
from analysis.build import run


def _start(number: str, marker: str) -> Kernel:
    """A kernel that has run notebook `number`'s code cells (with fast=True) up to the cell containing `marker`."""
    nb = jupytext.read(run.find(number).as_posix())
    k = Kernel(paths.NOTEBOOKS)
    try:
        k.without_figure_files()
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            k.run(cell.source)
            if "parameters" in cell.metadata.get("tags", []):
                k.run("fast = True")
            if marker in cell.source:
                assert "remove-output" in cell.metadata.get("tags", []), "the panel's cell must be tagged remove-output"
                return k
    except BaseException:
        k.close()
        raise
    k.close()
    raise AssertionError(f"no cell of notebook {number} contains {marker!r}")


def _json(kernel: Kernel, expr: str):
    return json.loads(kernel.stdout(f"import json as _json; print(_json.dumps({expr}, default=str))"))


# ------------------------------------------------------------------------------------------ 02: tariffs
@pytest.fixture(scope="module")
def tariff_kernel():
    k = _start("02", "scenario_panel = interactive.panel(")
    try:
        yield k
    finally:
        k.close()


def _expected_scenario(base: dict, current: dict, rates: dict, elasticity: float) -> dict:
    """M_i' = M_i [(1+t_i)/(1+t0_i)]^-e; average = sum M_i' t_i / sum M_i'; revenue = sum M_i' t_i / 100."""
    m = {k: base[k] * ((1 + rates[k] / 100) / (1 + current[k] / 100)) ** (-elasticity) for k in base}
    revenue = sum(m[k] * rates[k] / 100 for k in base)
    return {"average_tariff_pct": 100 * revenue / sum(m.values()), "revenue_usd_bn": revenue}


def _check_scenario(kernel: Kernel, china: float, row: float, elasticity: float) -> None:
    ctx = _json(kernel, "{'base': base_imports, 'current': current}")
    base, current = ctx["base"], ctx["current"]
    shown = _json(kernel, "scenario_panel.last[1].to_dict(orient='records')")
    title = kernel.stdout("print(''.join(scenario_panel.last[0].axes[0].get_title(loc) "
                          "for loc in ('left', 'center', 'right')))").strip()
    assert title == f"{china:g}% on China, {row:g}% on the rest"
    tag = f"{china:g}/{row:g}"
    assert [r["reading"] for r in shown] == [f"{tag} replace current rates", f"{tag} on top of current rates"]
    readings = [{"China": china, "Rest of world": row},
                {"China": china + current["China"], "Rest of world": row + current["Rest of world"]}]
    for r, rates in zip(shown, readings):
        want = _expected_scenario(base, current, rates, elasticity)
        assert r["elasticity"] == pytest.approx(elasticity)
        assert r["average_tariff_pct"] == pytest.approx(want["average_tariff_pct"], abs=0.006)
        assert r["revenue_usd_bn"] == pytest.approx(want["revenue_usd_bn"], abs=0.006)


def test_tariff_scenario_controls_change_the_output(tariff_kernel):
    k = tariff_kernel
    assert k.stdout("print(scenario_panel.values())").strip() == \
        "{'china_rate': 60.0, 'row_rate': 10.0, 'elasticity': 1.0}"
    _check_scenario(k, 60, 10, 1.0)  # the default view, rendered when the cell ran
    previous = None
    for name, value, setting in [("china_rate", 30.0, (30, 10, 1.0)), ("row_rate", 20.0, (30, 20, 1.0)),
                                 ("elasticity", 2.5, (30, 20, 2.5))]:
        pngs = _pngs(k.run(f"scenario_panel.controls[{name!r}].value = {value!r}"))
        assert pngs, f"moving {name} displayed no new figure"
        assert pngs[-1] != previous, f"the figure did not change with {name}"
        previous = pngs[-1]
        _check_scenario(k, *setting)
    marked = _json(k, "[list(map(float, l.get_xdata())) for l in scenario_panel.last[0].axes[1].lines]")
    assert [2.5, 2.5] in marked, "the chosen elasticity is not marked on the chart"
    assert not _pngs(k.run("scenario_panel.controls['elasticity'].value = 2.5")), "no change should not redraw"
    assert k.stdout("print(len(scenario_panel.errors))").strip() == "0"


# ------------------------------------------------------------------------------------------ 05: AI growth
@pytest.fixture(scope="module")
def growth_kernel():
    k = _start("05", "growth_panel = interactive.panel(")
    try:
        yield k
    finally:
        k.close()


def _slope_factors() -> dict:
    """Growth factor per year of two cost fits, by numpy.polyfit on the raw table (independent of the notebook)."""
    costs = data.load("ai_training_costs")
    costs["year"] = growth.decimal_year(costs["publication_date"])
    out = {}
    for key, method in [("b_aiindex_cloud", "cloud_aiindex2024"), ("c_frontier_amortized_cottier", "amortized_cottier2024")]:
        part = costs[(costs["cost_method"] == method) & (costs["training_cost_usd"] > 0)]
        out[key] = 10 ** np.polyfit(part["year"], np.log10(part["training_cost_usd"]), 1)[0]
    return out


def _state(kernel: Kernel) -> dict:
    return _json(kernel, "{'kind': type(growth_panel.last).__name__, 'last': growth_panel.last "
                         "if isinstance(growth_panel.last, str) else None, "
                         "'keys': list(growth_panel.last[1].index) if isinstance(growth_panel.last, tuple) else None, "
                         "'factors': growth_panel.last[1]['factor_per_year'].to_dict() "
                         "if isinstance(growth_panel.last, tuple) else None, "
                         "'fits_in_years': sorted(set(growth_panel.last[2]['fit'])) "
                         "if isinstance(growth_panel.last, tuple) else None, "
                         "'panels': sum(ax.get_visible() for ax in growth_panel.last[0].axes) "
                         "if isinstance(growth_panel.last, tuple) else None, "
                         "'xmax': growth_panel.last[0].axes[0].get_xlim()[1] "
                         "if isinstance(growth_panel.last, tuple) else None}")


def test_growth_controls_change_the_output(growth_kernel):
    k = growth_kernel
    factors = _slope_factors()
    start = _state(k)  # the default view: the static fan chart's four fits, to the parameters' horizon
    assert start["keys"] == ["a_chart10_cloud", "b_aiindex_cloud", "c_frontier_amortized_cottier", "c_frontier_cloud"]
    assert start["panels"] == 4 and start["xmax"] == pytest.approx(2040)
    assert start["factors"]["c_frontier_amortized_cottier"] == pytest.approx(factors["c_frontier_amortized_cottier"],
                                                                            abs=0.006)

    pngs = _pngs(k.run("growth_panel.controls['model_sets'].value = "
                       "('b_aiindex_cloud', 'c_frontier_amortized_rebuilt')"))
    assert pngs, "choosing model sets displayed no new figure"
    s = _state(k)
    assert s["keys"] == ["b_aiindex_cloud", "c_frontier_amortized_rebuilt"] and s["panels"] == 2
    assert s["factors"]["b_aiindex_cloud"] == pytest.approx(factors["b_aiindex_cloud"], abs=0.006)
    assert len(s["fits_in_years"]) == 2

    method_pngs = _pngs(k.run("growth_panel.controls['cost_method'].value = 'amortized'"))
    assert method_pngs and method_pngs[-1] != pngs[-1], "the figure did not change with the cost method"
    s = _state(k)
    assert s["keys"] == ["c_frontier_amortized_rebuilt"] and s["panels"] == 1

    horizon_pngs = _pngs(k.run("growth_panel.controls['end_year'].value = 2055"))
    assert horizon_pngs and horizon_pngs[-1] != method_pngs[-1], "the figure did not change with the end year"
    assert _state(k)["xmax"] == pytest.approx(2055)

    cloud_pngs = _pngs(k.run("growth_panel.controls['cost_method'].value = 'cloud'"))
    assert cloud_pngs and cloud_pngs[-1] != horizon_pngs[-1], "the figure did not change with the cost method"
    s = _state(k)
    assert s["keys"] == ["b_aiindex_cloud"] and s["panels"] == 1 and s["xmax"] == pytest.approx(2055)

    shown = k.run("growth_panel.controls['model_sets'].value = ('c_frontier_amortized_rebuilt',)")  # none by cloud
    s = _state(k)
    assert s["kind"] == "str" and s["last"].startswith("No fit matches")
    notes = [m["content"]["data"].get("text/html", "") for m in shown if m["msg_type"] == "display_data"]
    assert any("analysis-notice" in n and "No fit matches" in n for n in notes), "the message is not shown as a notice"
    assert not _pngs(shown)
    assert k.stdout("print(len(growth_panel.errors))").strip() == "0"


# ------------------------------------------------------------------------- both: controls sized to their text
def _sizes(kernel: Kernel, panel: str) -> dict:
    return _json(kernel, f"{{n: [c.style.description_width, c.layout.width, c.layout.flex, c.description] "
                         f"for n, c in {panel}.controls.items()}}")


def test_tariff_and_growth_controls_show_labels_and_readouts_in_full(tariff_kernel, growth_kernel):
    """Each control's label takes its text's width (never "Cost me…"), and the control is wide enough for the label
    plus a slider's track and readout or a dropdown's longest option (interactive.fit_to_content)."""
    for kernel, panel in ((tariff_kernel, "scenario_panel"), (growth_kernel, "growth_panel")):
        for name, (label_width, width, flex, description) in _sizes(kernel, panel).items():
            assert label_width == "initial", (panel, name, label_width)
            assert flex == "0 0 auto" and width.endswith("px") and int(width[:-2]) >= 300, (panel, name, width)
