"""Charts in the house style of the briefs.

Plain matplotlib figures: a white background, no top or right spine, the
Okabe–Ito colour-blind-safe palette, numbers on the axes written with
:mod:`lab_lib.fmt` (Indonesian "1.234,5" or English "1,234.5"), and a source
line under every chart. Each function returns the Figure; show it with
:meth:`lab_lib.brief.Brief.figure`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from lab_lib import fmt, messages
from lab_lib.errors import DataValidationError
from lab_lib.messages import language

__all__ = [
    "KLASSEN_COLOURS",
    "OKABE_ITO",
    "bar",
    "klassen_scatter",
    "line_with_target",
    "s_curve",
    "stacked_bar",
]


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
MUTED = "#555555"
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
# Quadrant I green, II blue, III orange, IV vermilion (Okabe–Ito).
KLASSEN_COLOURS = {1: "#009E73", 2: "#0072B2", 3: "#E69F00", 4: "#D55E00"}


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
        # Constrained layout ignores figure text, so the source line gets a
        # strip of its own below the axes and their (rotated) tick labels.
        fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))
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


def s_curve(
    table: pd.DataFrame,
    *,
    title: str = "",
    reporting_month: str | None = None,
    ylabel: str | None = None,
    source: str = "",
) -> Figure:
    """The S-curve (*kurva S*): planned against actual cumulative progress.

    The planned curve is blue, the actual orange with a marker per report.
    The gap between them is shaded vermilion where the work is behind plan
    and green where it is ahead. A dotted vertical line marks the reporting
    month, labelled with the deviation (actual − planned, points) there.

    Parameters
    ----------
    table : DataFrame
        One row per month, as :func:`lab_lib.monitoring.s_curve` returns:
        ``bulan`` ("YYYY-MM"), ``rencana_kumulatif_pct`` and
        ``realisasi_kumulatif_pct`` (percent; missing for months not yet
        reported).
    title, ylabel, source : str
        Title, y-axis label (default: cumulative physical progress, %) and
        the source line.
    reporting_month : str, optional
        "YYYY-MM" to mark; default the last month with an actual value.

    Raises
    ------
    DataValidationError
        Missing columns, no rows, or a reporting month without an actual.

    Examples
    --------
    >>> table = pd.DataFrame({
    ...     "bulan": ["2024-05", "2024-06", "2024-07"],
    ...     "rencana_kumulatif_pct": [10.0, 40.0, 80.0],
    ...     "realisasi_kumulatif_pct": [8.0, 30.0, 62.5]})
    >>> fig = s_curve(table, title="Kurva S")
    >>> [line.get_label() for line in fig.axes[0].lines]
    ['Rencana kumulatif', 'Realisasi kumulatif', 'Bulan laporan (Jul 2024)']
    """
    planned_column, actual_column = "rencana_kumulatif_pct", "realisasi_kumulatif_pct"
    _require_columns(table, ("bulan", planned_column, actual_column), "s_curve")
    if table.empty:
        name = messages.text("charts.s_curve.name")
        raise DataValidationError("charts.empty", grafik=name)
    table = table.sort_values("bulan")
    months = table["bulan"].astype(str).tolist()
    malformed = [m for m in months if not _MONTH.fullmatch(m)]
    if malformed:
        raise DataValidationError("charts.bad_months", nilai=", ".join(malformed[:5]))
    planned = table[planned_column].to_numpy(float)
    actual = table[actual_column].to_numpy(float)
    reported = ~np.isnan(actual)
    if reporting_month is None and reported.any():
        reporting_month = months[int(np.flatnonzero(reported)[-1])]
    if reporting_month not in months or not reported[months.index(reporting_month)]:
        raise DataValidationError(
            "charts.unknown_month",
            bulan=reporting_month,
            tersedia=", ".join(m for m, r in zip(months, reported, strict=True) if r),
        )

    # 1. The two curves and the gap between them.
    fig, ax = _new_figure()
    position = np.arange(len(months))
    ax.plot(
        position,
        planned,
        color=OKABE_ITO[0],
        linewidth=2,
        label=messages.text("charts.s_curve.planned"),
    )
    ax.plot(
        position[reported],
        actual[reported],
        color=OKABE_ITO[1],
        marker="o",
        markersize=4,
        linewidth=2,
        label=messages.text("charts.s_curve.actual"),
    )
    shading = (
        (actual < planned, TARGET_COLOUR, "behind"),
        (actual > planned, OKABE_ITO[2], "ahead"),
    )
    for side, colour, key in shading:
        if (reported & side).any():
            ax.fill_between(
                position,
                planned,
                np.where(reported, actual, planned),
                where=reported & side,
                interpolate=True,
                color=colour,
                alpha=0.18,
                linewidth=0,
                label=messages.text(f"charts.s_curve.{key}"),
            )

    # 2. The reporting month and the deviation there.
    at = months.index(reporting_month)
    ax.axvline(
        at,
        color=MUTED,
        linestyle=":",
        linewidth=1.2,
        label=messages.text(
            "charts.s_curve.report", bulan=_month_label(reporting_month)
        ),
    )
    deviation = actual[at] - planned[at]
    late_in_table = at > len(months) / 2
    ax.annotate(
        messages.text("charts.s_curve.deviation", nilai=fmt.number(deviation, 1)),
        (at, (actual[at] + planned[at]) / 2),
        xytext=(-6, 0) if late_in_table else (6, 0),
        textcoords="offset points",
        ha="right" if late_in_table else "left",
        va="center",
        fontsize=8.5,
        color=MUTED,
    )

    # 3. Axes: months below, 0–100 % up the side.
    step = max(1, int(np.ceil(len(months) / 12)))
    ticks = position[::step]
    ax.set_xticks(ticks)
    years = [months[i][:4] for i in ticks]
    ax.set_xticklabels(
        [
            _month_label(months[i], with_year=k == 0 or years[k] != years[k - 1])
            for k, i in enumerate(ticks)
        ]
    )
    ax.set_xlim(-0.3, len(months) - 0.7)
    ax.set_ylim(0, 105)
    ax.legend(frameon=False, fontsize=8.5, loc="upper left")
    label = ylabel if ylabel is not None else messages.text("charts.s_curve.ylabel")
    return _finish(fig, ax, title, label, source, 0)


def klassen_scatter(
    growth: pd.Series | Sequence[float],
    per_capita: pd.Series | Sequence[float],
    ref_growth: float,
    ref_per_capita: float,
    labels: Sequence[str] | None = None,
    quadrants: Mapping[int, str] | None = None,
    *,
    log_per_capita: bool = False,
    title: str = "",
    xlabel: str | None = None,
    ylabel: str | None = None,
    source: str = "",
    decimals: int = 0,
) -> Figure:
    """The Klassen typology as a scatter of growth against income per head.

    Growth rate on x, GRDP per capita on y, and dashed reference lines at
    the provincial values split the plane into the four quadrants of
    Klassen's typology (Sjafrizal 1997):

    =====  ===========================  ======  ==========  ============
    no.    name                         growth  per capita  position
    =====  ===========================  ======  ==========  ============
    I      cepat maju dan cepat tumbuh  rᵢ > r  yᵢ > y      top right
    II     maju tapi tertekan           rᵢ ≤ r  yᵢ > y      top left
    III    berkembang cepat             rᵢ > r  yᵢ ≤ y      bottom right
    IV     relatif tertinggal           rᵢ ≤ r  yᵢ ≤ y      bottom left
    =====  ===========================  ======  ==========  ============

    A value equal to the reference counts as not above it. Points are
    coloured by quadrant and each is labelled with its region; labels are
    put beside their point where they overlap no other label, point or
    quadrant name, and otherwise where they overlap least.

    Parameters
    ----------
    growth, per_capita : Series or sequence of float
        Growth rate (%, constant prices) and GRDP per capita of each region.
        Two Series are matched on their index.
    ref_growth, ref_per_capita : float
        The reference (provincial) values, same units.
    labels : sequence of str, optional
        Region names; default the index of ``growth``.
    quadrants : mapping, optional
        Names of quadrants 1–4 replacing the standard ones.
    log_per_capita : bool
        Log scale for per capita, for a region far above the others (such
        as Halmahera Tengah, whose GRDP per capita is about ten times the
        rest because of nickel processing).
    title, xlabel, ylabel, source : str
        Title, axis labels (defaults: GRDP growth rate (%), GRDP per capita)
        and source line.
    decimals : int
        Decimals of the per-capita axis and reference.

    Raises
    ------
    DataValidationError
        Lengths that differ, missing values, non-positive per capita on a log
        scale, or quadrant keys other than 1–4.

    References
    ----------
    Sjafrizal (1997). Pertumbuhan ekonomi dan ketimpangan regional wilayah
    Indonesia bagian barat. *Prisma* 3; Bappenas, Direktorat Pengembangan
    Wilayah, on Klassen's typology in regional development planning.

    Examples
    --------
    >>> growth = pd.Series({"Ternate": 6.1, "Halteng": 20.5, "Taliabu": 3.2})
    >>> per_capita = pd.Series({"Ternate": 48.0, "Halteng": 410.0, "Taliabu": 22.0})
    >>> fig = klassen_scatter(growth, per_capita, 7.0, 60.0, log_per_capita=True)
    >>> texts = [t.get_text() for t in fig.axes[0].texts]
    >>> "II. Maju tapi tertekan" in texts, "Halteng" in texts
    (True, True)
    """
    # 1. Check and align the values.
    x, y, names = _klassen_values(growth, per_capita, labels, log_per_capita)
    if quadrants is not None and not set(quadrants) <= {1, 2, 3, 4}:
        raise DataValidationError(
            "charts.bad_quadrants", kunci=", ".join(map(str, quadrants))
        )
    titles = {q: messages.text(f"charts.klassen.{q}") for q in (1, 2, 3, 4)}
    titles.update(quadrants or {})
    above_x, above_y = x > ref_growth, y > ref_per_capita
    quadrant = np.where(above_y, np.where(above_x, 1, 2), np.where(above_x, 3, 4))

    # 2. Points, reference lines and scales.
    fig, ax = _new_figure()
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.scatter(
        x,
        y,
        s=36,
        c=[KLASSEN_COLOURS[q] for q in quadrant],
        edgecolors="white",
        linewidths=0.6,
        zorder=3,
    )
    ax.axvline(ref_growth, color=MUTED, linestyle="--", linewidth=1)
    ax.axhline(ref_per_capita, color=MUTED, linestyle="--", linewidth=1)
    ax.set_xlim(*_padded([*x, ref_growth], log=False))
    if log_per_capita:
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_ylim(*_padded([*y, ref_per_capita], log=log_per_capita))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, 1)))
    ax.set_xlabel(
        xlabel if xlabel is not None else messages.text("charts.klassen.xlabel")
    )

    # 3. Quadrant names in the corners, then one label per point.
    size = _axes_points(fig)
    taken = []
    for q, (cx, cy, ha, va) in _CORNERS.items():
        ax.text(
            cx,
            cy,
            titles[q],
            transform=ax.transAxes,
            ha=ha,
            va=va,
            fontsize=_QUADRANT_SIZE,
            fontstyle="italic",
            color=KLASSEN_COLOURS[q],
        )
        taken.append(_box((cx, cy), titles[q], _QUADRANT_SIZE, (0, 0, ha, va), size))
    to_axes = ax.transData + ax.transAxes.inverted()
    points = to_axes.transform(np.column_stack([x, y]))
    _label_points(ax, points, names, taken, size)

    reference = messages.text(
        "charts.klassen.reference",
        pertumbuhan=fmt.number(ref_growth, 1),
        per_kapita=fmt.number(ref_per_capita, decimals),
    )
    handle = Line2D([], [], color=MUTED, linestyle="--", linewidth=1)
    ax.legend(
        [handle],
        [reference],
        frameon=False,
        fontsize=8.5,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.13),
    )
    label = ylabel if ylabel is not None else messages.text("charts.klassen.ylabel")
    return _finish(fig, ax, title, label, source, decimals)


def _require_columns(table: pd.DataFrame, columns: tuple[str, ...], maker: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise DataValidationError(
            "charts.missing_columns",
            kolom=", ".join(f'"{c}"' for c in missing),
            fungsi=f"lab_lib.monitoring.{maker}",
        )


def _month_label(month: str, with_year: bool = True) -> str:
    """ "Mei 2024" (or "Mei") for 2024-05, in the language in force."""
    year, number = month.split("-")
    name = messages.text("charts.months").split("|")[int(number) - 1]
    return f"{name} {year}" if with_year else name


def _klassen_values(
    growth: pd.Series | Sequence[float],
    per_capita: pd.Series | Sequence[float],
    labels: Sequence[str] | None,
    log: bool,
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    if isinstance(growth, pd.Series) and isinstance(per_capita, pd.Series):
        per_capita = per_capita.reindex(growth.index)
    if labels is None:
        index = growth.index if isinstance(growth, pd.Series) else range(len(growth))
        labels = [str(name) for name in index]
    sizes = (len(growth), len(per_capita), len(labels))
    if len(set(sizes)) > 1:
        raise DataValidationError(
            "charts.length_mismatch",
            pertumbuhan=sizes[0],
            per_kapita=sizes[1],
            label=sizes[2],
        )
    if sizes[0] == 0:
        name = messages.text("charts.klassen.name")
        raise DataValidationError("charts.empty", grafik=name)
    names = [str(name) for name in labels]
    values = []
    for series, key in ((growth, "charts.growth"), (per_capita, "charts.per_capita")):
        numbers = pd.to_numeric(pd.Series(list(series)), errors="coerce").to_numpy(
            float
        )
        missing = [n for n, v in zip(names, numbers, strict=True) if not np.isfinite(v)]
        if missing:
            raise DataValidationError(
                "charts.missing_values",
                besaran=messages.text(key),
                wilayah=", ".join(missing),
            )
        values.append(numbers)
    if log and (values[1] <= 0).any():
        bad = [n for n, v in zip(names, values[1], strict=True) if v <= 0]
        raise DataValidationError("charts.log_non_positive", wilayah=", ".join(bad))
    return values[0], values[1], names


def _padded(values: Sequence[float], log: bool) -> tuple[float, float]:
    """Axis limits with room around the points (in log space on a log axis)."""
    data = np.log10(values) if log else np.asarray(values, dtype=float)
    low, high = float(data.min()), float(data.max())
    # Room above and below for the quadrant names in the corners.
    pad = (high - low) * 0.2 or (0.1 if log else 1.0)
    low, high = low - pad, high + pad
    return (10**low, 10**high) if log else (low, high)


# Label placement works in axes fractions. Text widths are measured from the
# glyphs; the axes size is the share of the figure the Klassen chart's axes
# take once laid out (title, axis labels, legend and source around them),
# slightly under the real share so that estimates err towards more room.
_AXES_SHARE = (0.9, 0.7)
_CORNERS = {
    1: (0.99, 0.98, "right", "top"),
    2: (0.01, 0.98, "left", "top"),
    3: (0.99, 0.02, "right", "bottom"),
    4: (0.01, 0.02, "left", "bottom"),
}
_QUADRANT_SIZE = 8.5
_LABEL_SIZE = 8.0
_LINE_HEIGHT = 1.25  # em
_DOT = 4.0  # points around a marker kept free of labels
_CROWD = 0.12  # axes fraction within which points count as neighbours
# Offsets (points) and alignments tried for a label, nearest first; the
# farther ones get a leader line to their point.
_OFFSETS = (
    (6, 0, "left", "center"),
    (-6, 0, "right", "center"),
    (0, 6, "center", "bottom"),
    (0, -6, "center", "top"),
    (5, 5, "left", "bottom"),
    (-5, 5, "right", "bottom"),
    (5, -5, "left", "top"),
    (-5, -5, "right", "top"),
    (0, 16, "center", "bottom"),
    (0, -16, "center", "top"),
    (18, 10, "left", "bottom"),
    (-18, 10, "right", "bottom"),
    (18, -10, "left", "top"),
    (-18, -10, "right", "top"),
    (0, 28, "center", "bottom"),
    (0, -28, "center", "top"),
    (40, 0, "left", "center"),
    (-40, 0, "right", "center"),
    (30, 20, "left", "bottom"),
    (-30, 20, "right", "bottom"),
    (30, -20, "left", "top"),
    (-30, -20, "right", "top"),
)
Box = tuple[float, float, float, float]


def _axes_points(fig: Figure) -> tuple[float, float]:
    """Width and height of the axes in points, as laid out."""
    width, height = fig.get_size_inches()
    return width * _AXES_SHARE[0] * 72, height * _AXES_SHARE[1] * 72


def _text_width(text: str, fontsize: float) -> float:
    """Width of ``text`` in points, from the glyphs of the default font."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    font = FontProperties(size=fontsize)
    return TextToPath().get_text_width_height_descent(text, font, ismath=False)[0]


def _box(
    anchor: tuple[float, float],
    text: str,
    fontsize: float,
    placement: tuple[float, float, str, str],
    size: tuple[float, float],
    width: float | None = None,
) -> Box:
    """(x0, y0, x1, y1) in axes fraction of a text placed at ``anchor``."""
    dx, dy, ha, va = placement
    wide = (width if width is not None else _text_width(text, fontsize)) / size[0]
    high = fontsize * _LINE_HEIGHT / size[1]
    left = anchor[0] + dx / size[0] - {"left": 0, "center": wide / 2, "right": wide}[ha]
    bottom = (
        anchor[1] + dy / size[1] - {"bottom": 0, "center": high / 2, "top": high}[va]
    )
    return left, bottom, left + wide, bottom + high


def _overlap(a: Box, b: Box) -> float:
    across = min(a[2], b[2]) - max(a[0], b[0])
    up = min(a[3], b[3]) - max(a[1], b[1])
    return across * up if across > 0 and up > 0 else 0.0


def _outside(box: Box) -> float:
    return (
        max(0.0, -box[0])
        + max(0.0, box[2] - 1)
        + max(0.0, -box[1])
        + max(0.0, box[3] - 1)
    )


def _label_points(
    ax: Axes,
    points: np.ndarray,
    names: list[str],
    fixed: list[Box],
    size: tuple[float, float],
) -> None:
    """Label every point where its label overlaps nothing, or least.

    Crowded points choose first; a second sweep lets each label move to a
    nearer free spot once all the others are down.
    """
    widths = [_text_width(name, _LABEL_SIZE) for name in names]
    dot = (_DOT / size[0], _DOT / size[1])
    dots = [(px - dot[0], py - dot[1], px + dot[0], py + dot[1]) for px, py in points]
    gaps = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    crowded = np.argsort(-(gaps < _CROWD).sum(axis=1), kind="stable")
    chosen: dict[int, tuple[tuple[float, float, str, str], Box]] = {}
    for _sweep in range(2):
        for i in crowded:
            others = [
                *fixed,
                *(d for j, d in enumerate(dots) if j != i),
                *(box for j, (_, box) in chosen.items() if j != i),
            ]
            chosen[i] = _best_spot(points[i], names[i], widths[i], others, size)
    for i, name in enumerate(names):
        (dx, dy, ha, va), _ = chosen[i]
        leader = {"arrowstyle": "-", "color": MUTED, "linewidth": 0.6}
        ax.annotate(
            name,
            tuple(points[i]),
            xycoords="axes fraction",
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va=va,
            fontsize=_LABEL_SIZE,
            arrowprops=leader if max(abs(dx), abs(dy)) > 6 else None,
        )


def _best_spot(
    point: np.ndarray,
    name: str,
    width: float,
    others: list[Box],
    size: tuple[float, float],
) -> tuple[tuple[float, float, str, str], Box]:
    best, best_cost = None, float("inf")
    for placement in _OFFSETS:
        box = _box(tuple(point), name, _LABEL_SIZE, placement, size, width)
        cost = sum(_overlap(box, other) for other in others) + _outside(box)
        if cost < best_cost:
            best, best_cost = (placement, box), cost
        if cost == 0:
            break
    return best
