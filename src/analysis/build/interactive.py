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

A selection can leave nothing to draw (an administration with no year in the chosen range). ``panel(...,
empty=fn)`` takes a function of the same arguments as the view that returns a message in that case (and None
otherwise); the panel then shows the message as a :class:`Notice` instead of calling the view. A view may also
return a message itself (a ``str`` or a ``Notice``); either way the reader reads why the chart is missing.

Every control is sized so that its label and readout show in full (:func:`fit_to_content`): JupyterLab's widget
CSS gives a label 80 px and ends it with "…", and shrinks a slider's readout ("1980 – 202") when the slider is
300 px wide.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from typing import Any, Callable

# Widths in CSS px, generous for JupyterLab's 13 px widget font (an average glyph is 6.5-7.5 px wide), so that the
# estimate errs on the wide side: a control a little wider than needed is fine, a clipped label is not.
CHAR_PX = 8.5
LABEL_GAP_PX = 12  # label's right margin and the widget's own margins
TRACK_PX = 200  # a slider's track (JupyterLab's default leaves it 150 px)
SELECT_CHROME_PX = 48  # a select's border, padding, scroll bar or the dropdown's arrow


@dataclass(frozen=True)
class Notice:
    """A message shown in place of the view's output, e.g. why a selection has nothing to draw."""

    text: str

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:  # text/plain: the message itself, not a dataclass repr
        return self.text

    def _repr_html_(self) -> str:
        return ('<div class="analysis-notice" role="status" style="padding:0.6em 0.9em;margin:0.4em 0;'
                'border-left:4px solid #b8860b;background:#fff8e1;color:#222;max-width:60em">'
                f'{html.escape(self.text)}</div>')


def show(obj) -> None:
    """Display what a view returned: a figure (then closed), a table, text, or a tuple/list of these."""
    from IPython.display import display

    if obj is None:
        return
    if isinstance(obj, str):  # a view's message to the reader, shown as a notice (not as a quoted repr)
        obj = Notice(obj)
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
        # Trimmed to its content for a reader; the runner's default view (headless) keeps the figure's own margins,
        # as trimming draws the figure twice (a tenth of notebook 05's run).
        trim = None if os.environ.get("ANALYSIS_HEADLESS") else "tight"
        display(Image(data=print_figure(obj, "png", bbox_inches=trim), format="png"))
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
    empty: Callable[..., str | None] | None = None
    last: Any = None
    calls: int = 0
    errors: list = field(default_factory=list)

    def values(self) -> dict:
        """The current value of every control, by the view's argument names."""
        return {name: control.value for name, control in self.controls.items()}

    def render(self) -> Any:
        """What the current values give: the `empty` function's message if it has one, else the view's result."""
        values = self.values()
        message = self.empty(**values) if self.empty is not None else None
        if message:
            return Notice(str(message))
        return self.view(**values)

    def refresh(self, change=None) -> Any:
        """Call the view with the controls' values and show its result in the output area."""
        if os.environ.get("ANALYSIS_HEADLESS"):
            # Executed by the runner (no reader, no front end): show the default view as ordinary output.
            # Capturing into an Output widget headless can stall nbclient, and nobody can turn the knobs anyway.
            self.last = self.render()
            self.calls += 1
            show(self.last)
            return self.last
        with self.output:
            self.output.clear_output(wait=True)
            try:
                self.last = self.render()
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


def _text_px(text: str) -> int:
    return int(round(CHAR_PX * len(text)))


def readout_texts(control) -> list[str]:
    """The longest texts a slider's readout can show: its bounds, formatted as the front end formats them."""
    fmt = getattr(control, "readout_format", "") or ""
    texts = []
    for bound in (control.min, control.max):
        try:
            texts.append(format(bound, fmt.lstrip("~")) if fmt else str(bound))
        except (ValueError, TypeError):  # a d3 format Python does not know: the plain number, plus room
            texts.append(f"{bound}0000")
    if isinstance(getattr(control, "value", None), tuple):  # a range slider reads "lo – hi"
        longest = max(texts, key=len)
        return [f"{longest} – {longest}"]
    return texts


def fit_to_content(control) -> Any:
    """Size `control` so its label, readout and options show in full; return it.

    The label gets its natural width (``style.description_width = "initial"``); a control gets a CSS width that
    holds its label, a slider's track and its longest readout, or a select's longest option. A width or label
    width the notebook set itself is kept. ``flex: 0 0 auto`` stops the row of controls from squeezing it; a right
    margin keeps one control's readout apart from the next one's label.
    """
    style = getattr(control, "style", None)
    if style is not None and "description_width" in style.keys and not style.description_width:
        style.description_width = "initial"
    if control.layout.width is None:
        description = getattr(control, "description", "") or ""
        label = _text_px(description) + LABEL_GAP_PX if description else 0
        if hasattr(control, "readout") and hasattr(control, "max"):  # a slider
            width = label + TRACK_PX + max(_text_px(t) for t in readout_texts(control)) + LABEL_GAP_PX
        elif hasattr(control, "options"):  # a dropdown or a (multiple) select
            options = control.options
            labels = [str(o[0] if isinstance(o, tuple) else o) for o in (options.keys() if isinstance(options, dict)
                                                                          else options)] or [""]
            width = label + max(_text_px(t) for t in labels) + SELECT_CHROME_PX
        else:
            width = None
        if width is not None:
            control.layout.width = f"{max(width, 300)}px"  # never narrower than JupyterLab's default
    if control.layout.flex is None:
        control.layout.flex = "0 0 auto"
    if control.layout.margin is None:  # room between one control's readout and the next one's label
        control.layout.margin = "2px 28px 6px 2px"
    return control


def panel(view: Callable[..., Any], *, title: str = "", empty: Callable[..., str | None] | None = None,
          **controls) -> Panel:
    """Wire `controls` (ipywidgets, named as `view`'s arguments) to `view`; render once with the defaults.

    `empty`, if given, is called with the same arguments before the view: a message it returns is shown instead
    of the view's output (say why the selection has nothing to show and what to change).
    """
    import ipywidgets as widgets

    if not controls:
        raise ValueError("panel() needs at least one control")
    for control in controls.values():
        fit_to_content(control)
    output = widgets.Output()
    header = [widgets.HTML(f"<b>{html.escape(title)}</b>")] if title else []
    # Controls wrap onto a new line in a narrow window instead of squeezing each other's labels.
    row = widgets.HBox(list(controls.values()), layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"))
    box = widgets.VBox(header + [row, output])
    box.add_class("analysis-panel")
    p = Panel(view=view, controls=dict(controls), output=output, widget=box, empty=empty)
    for control in controls.values():
        control.observe(p.refresh, names="value")
    p.refresh()
    return p
