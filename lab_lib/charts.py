"""Charts in the house style of the briefs.

Plain matplotlib figures: a white background, no top or right spine, the
Okabe–Ito colour-blind-safe palette, numbers on the axes written with
:mod:`lab_lib.fmt` (Indonesian "1.234,5" or English "1,234.5"), and a source
line under every chart. Each function returns the Figure; show it with
:meth:`lab_lib.brief.Brief.figure`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from lab_lib import fmt
from lab_lib.messages import language

__all__ = ["OKABE_ITO", "bar", "line_with_target", "stacked_bar"]

OKABE_ITO = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#56B4E9",
    "#CC79A7",
    "#F0E442",
    "#000000",
)
TARGET_COLOUR = "#D55E00"
SIZE = (7.5, 4.2)


def _new_figure() -> tuple[Figure, Axes]:
    # A bare Figure, not pyplot: nothing global, nothing shown twice.
    fig = Figure(figsize=SIZE, dpi=110, layout="constrained")
    ax = fig.subplots()
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    return fig, ax


def _finish(
    fig: Figure, ax: Axes, title: str, ylabel: str, source: str, decimals: int
) -> Figure:
    lang = language()
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    ax.set_ylabel(ylabel)
    ax.yaxis.set_major_formatter(
        FuncFormatter(lambda v, _: fmt.number(v, decimals, lang))
    )
    if source:
        fig.text(
            0.01, 0.005, source, fontsize=8, color="#555555", ha="left", va="bottom"
        )
    return fig


def line_with_target(
    frame: pd.DataFrame,
    x: str,
    y: str,
    *,
    series: str | None = None,
    target: pd.Series | None = None,
    title: str = "",
    ylabel: str = "",
    target_label: str = "Target",
    source: str = "",
    decimals: int = 0,
) -> Figure:
    """A line per series over ``x`` (usually years), with a dashed target line.

    Parameters
    ----------
    frame : DataFrame
        Long table with columns ``x``, ``y`` and optionally ``series``.
    target : Series, optional
        Target values indexed by ``x``; drawn dashed in vermilion.

    Examples
    --------
    >>> data = pd.DataFrame({"tahun": [2022, 2023], "nilai": [45.0, 50.0]})
    >>> fig = line_with_target(data, "tahun", "nilai",
    ...                        target=pd.Series({2022: 55.0, 2023: 60.0}))
    >>> len(fig.axes[0].lines)
    2
    """
    fig, ax = _new_figure()
    groups = frame.groupby(series, sort=True) if series else [("", frame)]
    for colour, (name, part) in zip(OKABE_ITO, groups, strict=False):
        part = part.sort_values(x)
        ax.plot(part[x], part[y], marker="o", color=colour, label=str(name) or y)
    if target is not None and not target.empty:
        target = target.sort_index()
        ax.plot(
            target.index,
            target.values,
            linestyle="--",
            color=TARGET_COLOUR,
            label=target_label,
        )
    ax.set_xticks(sorted(frame[x].unique()))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))
    ax.legend(frameon=False, fontsize=9, loc="best")
    return _finish(fig, ax, title, ylabel, source, decimals)


def bar(
    values: pd.Series,
    *,
    title: str = "",
    ylabel: str = "",
    reference: float | None = None,
    reference_label: str = "",
    source: str = "",
    decimals: int = 0,
    highlight: Sequence[str] = (),
) -> Figure:
    """Bars for a Series (index = labels), sorted as given.

    Bars named in ``highlight`` are drawn in a second colour; ``reference``
    draws a dashed horizontal line (e.g. a target or the provincial value).

    Examples
    --------
    >>> fig = bar(pd.Series({"Halbar": 40.0, "Halut": 55.0}), reference=50)
    >>> len(fig.axes[0].patches)
    2
    """
    fig, ax = _new_figure()
    colours = [
        OKABE_ITO[1] if label in highlight else OKABE_ITO[0] for label in values.index
    ]
    ax.bar([str(i) for i in values.index], values.values, color=colours)
    for position, value in enumerate(values.values):
        ax.annotate(
            fmt.number(value, decimals),
            (position, value),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )
    if reference is not None:
        ax.axhline(
            reference, linestyle="--", color=TARGET_COLOUR, label=reference_label
        )
        if reference_label:
            ax.legend(frameon=False, fontsize=9)
    ax.tick_params(axis="x", labelrotation=30)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
    return _finish(fig, ax, title, ylabel, source, decimals)


def stacked_bar(
    frame: pd.DataFrame,
    *,
    labels: dict[str, str] | None = None,
    colours: Sequence[str] | None = None,
    title: str = "",
    ylabel: str = "",
    source: str = "",
    decimals: int = 0,
) -> Figure:
    """Stacked bars: one bar per row of ``frame``, one segment per column.

    Examples
    --------
    >>> data = pd.DataFrame({"baik": [5.0, 2.0], "rusak": [1.0, 3.0]},
    ...                     index=["nasional", "provinsi"])
    >>> len(stacked_bar(data).axes[0].patches)
    4
    """
    fig, ax = _new_figure()
    labels = labels or {}
    colours = list(colours or OKABE_ITO)
    bottom = pd.Series(0.0, index=frame.index)
    names = [str(i) for i in frame.index]
    for colour, column in zip(colours, frame.columns, strict=False):
        ax.bar(
            names,
            frame[column].values,
            bottom=bottom.values,
            color=colour,
            label=labels.get(column, column),
        )
        bottom = bottom + frame[column]
    ax.legend(
        frameon=False,
        fontsize=9,
        ncols=min(4, len(frame.columns)),
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
    )
    return _finish(fig, ax, title, ylabel, source, decimals)
