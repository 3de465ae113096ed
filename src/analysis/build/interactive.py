"""Knobs for readers in JupyterLab: ipywidgets controls wired to the same helpers as the static cells.

A notebook builds a :class:`Panel` from a *view* function and a few controls::

    def view(years, administrations):                      # calls the module's helpers, nothing else
        chosen = table[table["fiscal_year"].between(*years) & table["administration"].isin(administrations)]
        return refugees.plot_ceilings(chosen, *years), refugees.by_administration(chosen)

    panel = interactive.panel(view, years=widgets.IntRangeSlider(...), administrations=widgets.SelectMultiple(...))
    panel                                                  # shows the controls and the view's output

Every change of a control calls ``view(**values)`` again and shows what it returns (figures, tables, text) in
the panel's output area; ``panel.last`` keeps the latest return value, so a test (or a reader) can check what a
setting produced. Headless (papermill, the test suite), the panel renders once with the default values; the
rendered site shows the static cells instead (tag the panel's cell ``remove-output``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable


def show(obj) -> None:
    """Display what a view returned: a figure (then closed), a table, text, or a tuple/list of these."""
    from IPython.display import display

    if obj is None:
        return
    if isinstance(obj, (tuple, list)):
        for item in obj:
            show(item)
        return
    try:
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        Figure = ()
    if isinstance(obj, Figure):
        import matplotlib.pyplot as plt
        from IPython.core.pylabtools import print_figure
        from IPython.display import Image

        # As PNG whatever the kernel's matplotlib backend (MPLBACKEND=Agg in make/tests registers no formatter).
        display(Image(data=print_figure(obj, "png", bbox_inches="tight"), format="png"))
        plt.close(obj)
        return
    display(obj)


@dataclass
class Panel:
    """Controls, an output area, and the view function they drive."""

    view: Callable[..., Any]
    controls: dict
    output: Any
    widget: Any
    last: Any = None
    calls: int = 0
    errors: list = field(default_factory=list)

    def values(self) -> dict:
        """The current value of every control, by the view's argument names."""
        return {name: control.value for name, control in self.controls.items()}

    def refresh(self, change=None) -> Any:
        """Call the view with the controls' values and show its result in the output area."""
        if os.environ.get("ANALYSIS_HEADLESS"):
            # Executed by the runner (no reader, no front end): show the default view as ordinary output.
            # Capturing into an Output widget headless can stall nbclient, and nobody can turn the knobs anyway.
            self.last = self.view(**self.values())
            self.calls += 1
            show(self.last)
            return self.last
        with self.output:
            self.output.clear_output(wait=True)
            try:
                self.last = self.view(**self.values())
            except Exception as err:  # shown to the reader, kept for tests; the kernel keeps running
                self.errors.append(err)
                raise
            finally:
                self.calls += 1
            show(self.last)
        return self.last

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def panel(view: Callable[..., Any], *, title: str = "", **controls) -> Panel:
    """Wire `controls` (ipywidgets, named as `view`'s arguments) to `view`; render once with the defaults."""
    import ipywidgets as widgets

    if not controls:
        raise ValueError("panel() needs at least one control")
    output = widgets.Output()
    header = [widgets.HTML(f"<b>{title}</b>")] if title else []
    box = widgets.VBox(header + [widgets.HBox(list(controls.values())), output])
    p = Panel(view=view, controls=dict(controls), output=output, widget=box)
    for control in controls.values():
        control.observe(p.refresh, names="value")
    p.refresh()
    return p
