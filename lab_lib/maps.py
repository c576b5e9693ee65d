"""Thematic maps drawn twice from one classification: interactive and static.

:func:`thematic_map` classifies a column (natural breaks, quantiles, class
edges given by the planner, or categories), colours the classes with a
colour-blind-safe palette and draws the result twice with the same classes
and colours:

* an interactive Leaflet map (folium) that works offline, for screens;
* a static matplotlib map with legend, scale bar, north arrow, title, source
  and a note on boundaries, for print and PDF.

The returned :class:`ThematicMap` shows the interactive twin wherever HTML
can be shown and the static twin where only an image can, including when an
HTML brief is printed.

>>> import geopandas as gpd
>>> from shapely.geometry import box
>>> wilayah = gpd.GeoDataFrame(
...     {"nama": ["Ternate", "Tidore", "Jailolo"], "skor": [1.0, 5.0, 9.0]},
...     geometry=[box(127.3, 0.7, 127.4, 0.8), box(127.4, 0.6, 127.5, 0.7),
...               box(127.4, 1.0, 127.6, 1.2)],
...     crs="EPSG:4326",
... )
>>> peta = thematic_map(wilayah, "skor", title="Skor", scheme="manual",
...                     bins=[3, 6, 9], bahasa="id")
>>> peta.classes.labels
('1,0 – 3,0', '3,0 – 6,0', '6,0 – 9,0')
>>> sorted(peta._repr_mimebundle_())
['image/png', 'text/html', 'text/plain']
"""

from __future__ import annotations

import base64
import html
import io
import re
import textwrap
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import folium
import geopandas as gpd
import mapclassify
import matplotlib
import numpy as np
import pandas as pd
from branca.element import MacroElement
from folium.template import Template
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap, to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from lab_lib.errors import MapError
from lab_lib.files import write_atomic
from lab_lib.fmt import number
from lab_lib.messages import LANGUAGES, language, text
from lab_lib.offline import standalone_html

__all__ = ["SCHEMES", "Classes", "ThematicMap", "classify", "thematic_map"]

SCHEMES = ("natural_breaks", "quantiles", "manual", "categories")
# Characters per line of a legend entry on the static twin.
LEGEND_WRAP = 22
SEQUENTIAL_PALETTE = "YlGnBu"
ORDERED_PALETTE = "YlOrRd"
OKABE_ITO = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
# Palettes that stay readable with colour-vision deficiency (ColorBrewer's
# colour-blind-safe schemes, the viridis family, Okabe-Ito); "_r" reverses.
SAFE_PALETTES = (
    "YlGnBu",
    "YlOrRd",
    "Blues",
    "Greens",
    "Oranges",
    "Purples",
    "RdYlBu",
    "RdBu",
    "PuOr",
    "viridis",
    "cividis",
    "okabe_ito",
)
NO_DATA_COLOR = "#bdbdbd"
SEA_COLOR = "#eef3f7"
BASE_FILL = "#e3e3e3"
BASE_EDGE = "#a3a3a3"
OUTLINE = "#4d4d4d"
FRAME_HEIGHT = 480
FOOT_STRIP = 0.1
PNG_DPI = 150


@dataclass(frozen=True)
class Classes:
    """Classes shared by both twins of a :class:`ThematicMap`.

    Attributes
    ----------
    labels : tuple of str
        Legend label of each class, e.g. ``"12,5 – 30,0"`` or a category.
    colors : tuple of str
        Hex colour of each class, in the order of ``labels``.
    bins : tuple of float
        Upper edge of each class, as mapclassify gives them; empty for
        categories.
    index : tuple of int
        Class of each row of the data; ``-1`` where the value is missing.
    """

    labels: tuple[str, ...]
    colors: tuple[str, ...]
    bins: tuple[float, ...]
    index: tuple[int, ...]

    @property
    def row_colors(self) -> list[str]:
        """The colour of each row, grey where the value is missing."""
        return [self.colors[i] if i >= 0 else NO_DATA_COLOR for i in self.index]

    @property
    def has_missing(self) -> bool:
        """Whether some rows have no value."""
        return -1 in self.index


@dataclass(eq=False)
class ThematicMap:
    """A classified map as an interactive and a static twin.

    In Jupyter the map shows as the interactive twin; where only images can
    be shown, and when an HTML page holding it is printed, the static twin
    shows instead.

    Attributes
    ----------
    folium : folium.Map
        The interactive twin.
    figure : matplotlib.figure.Figure
        The static twin. It is not registered with pyplot, so notebooks do
        not draw it a second time.
    classes : Classes
        The classes and colours both twins use.
    title : str
        The map's title.
    height : int
        Height in pixels of the interactive twin when embedded.
    data : geopandas.GeoDataFrame or None
        The rows that were drawn, in EPSG:4326, one per feature, in the order
        of ``classes.index``.
    column : str or None
        The column of ``data`` that was classified.

    The offline HTML and the PNG are made once, on first use; change the
    twins before showing or saving the map, not after.
    """

    folium: folium.Map
    figure: Figure
    classes: Classes
    title: str
    height: int = field(default=FRAME_HEIGHT)
    data: gpd.GeoDataFrame | None = field(default=None, repr=False)
    column: str | None = None

    @cached_property
    def html(self) -> str:
        """The interactive twin as a standalone, offline HTML document."""
        return standalone_html(self.folium)

    @cached_property
    def png(self) -> bytes:
        """The static twin as PNG bytes."""
        buffer = io.BytesIO()
        # "tight" grows the image to hold the legend beside the map.
        self.figure.savefig(
            buffer,
            format="png",
            dpi=PNG_DPI,
            facecolor="white",
            bbox_inches="tight",
            pad_inches=0.1,
        )
        return buffer.getvalue()

    def embed_html(self) -> str:
        """HTML fragment: the map in an iframe, and its static twin for print.

        Returns
        -------
        str
            A ``<div>`` holding a sandboxed ``<iframe srcdoc>`` with the
            offline map and an ``<img>`` of the static twin that is hidden on
            screen and replaces the iframe when printed.
        """
        title = html.escape(self.title)
        image = base64.b64encode(self.png).decode("ascii")
        return (
            f'<div class="lab-map">{_EMBED_STYLE}'
            f'<iframe class="lab-map__frame" title="{title}" sandbox="allow-scripts" '
            f'style="width:100%;height:{self.height}px;border:0" '
            f'srcdoc="{html.escape(self.html)}"></iframe>'
            f'<img class="lab-map__static" style="display:none" alt="{title}" '
            f'src="data:image/png;base64,{image}"></div>'
        )

    def _repr_mimebundle_(
        self, include: object = None, exclude: object = None
    ) -> dict[str, str]:
        """Jupyter display data: the embedded map as HTML and the PNG twin."""
        return {
            "text/html": self.embed_html(),
            "image/png": base64.b64encode(self.png).decode("ascii"),
            "text/plain": f"<ThematicMap: {self.title}>",
        }

    def save_html(self, path: str | Path) -> Path:
        """Write the interactive twin as one offline HTML file.

        Parameters
        ----------
        path : str or pathlib.Path
            Where to write; missing folders are created.

        Returns
        -------
        pathlib.Path
            The path written.
        """
        return write_atomic(path, self.html)

    def save_png(self, path: str | Path) -> Path:
        """Write the static twin as a PNG image.

        Parameters
        ----------
        path : str or pathlib.Path
            Where to write; missing folders are created.

        Returns
        -------
        pathlib.Path
            The path written.
        """
        return write_atomic(path, self.png)


_EMBED_STYLE = (
    "<style>.lab-map__static{display:none}"
    "@media print{.lab-map__frame{display:none!important}"
    ".lab-map__static{display:block!important;max-width:100%;height:auto;"
    "break-inside:avoid}}</style>"
)


@dataclass(frozen=True)
class _Labels:
    """The words drawn on both twins."""

    title: str
    legend_title: str
    source: str
    bahasa: str

    @property
    def footer(self) -> list[str]:
        """Source line (when known) and the note on boundaries."""
        note = text("map.boundary_note", bahasa=self.bahasa)
        source = _SOURCE_PREFIX.sub("", self.source.strip())
        if not source:
            return [note]
        return [text("map.source", bahasa=self.bahasa, sumber=source), note]


_SOURCE_PREFIX = re.compile(r"^(sumber|source)\s*:\s*", re.I)


def thematic_map(
    data: gpd.GeoDataFrame,
    column: str,
    *,
    title: str,
    legend_title: str | None = None,
    scheme: str = "natural_breaks",
    k: int = 5,
    bins: Sequence[float] | None = None,
    palette: str | None = None,
    base: gpd.GeoDataFrame | None = None,
    label_column: str | None = "nama",
    tooltip: dict[str, str] | None = None,
    source: str = "",
    bahasa: str | None = None,
    basemap: str | None = None,
    decimals: int = 1,
) -> ThematicMap:
    """Classify ``column`` and draw it as an interactive and a static map.

    Parameters
    ----------
    data : geopandas.GeoDataFrame
        Polygons, lines (e.g. road segments) or points, in EPSG:4326 (other
        CRSs are converted).
    column : str
        The column to classify and colour.
    title : str
        Title of the map.
    legend_title : str, optional
        Heading of the legend; defaults to ``column``.
    scheme : {"natural_breaks", "quantiles", "manual", "categories"}
        How to form classes: Jenks natural breaks, quantiles, the class edges
        in ``bins``, or one class per category of a categorical column.
    k : int
        Number of classes for natural breaks and quantiles (fewer when the
        column has fewer distinct values).
    bins : sequence of float, optional
        Upper edge of each class for ``scheme="manual"``, increasing.
    palette : str, optional
        A matplotlib colormap name, or ``"okabe_ito"``. Defaults: ColorBrewer
        ``"YlGnBu"`` for numbers, ``"YlOrRd"`` for ordered categories (a
        pandas categorical with ``ordered=True``, light to dark in category
        order) and Okabe-Ito for other categories.
    base : geopandas.GeoDataFrame, optional
        Outlines (e.g. kabupaten/kota) drawn in light grey underneath.
    label_column : str, optional
        Column with names shown in tooltips and, for polygons, on the static
        map. Ignored when the data have no such column.
    tooltip : dict of str to str, optional
        Columns shown when hovering, mapped to their labels; defaults to the
        name and the mapped value.
    source : str
        Data source, printed as "Sumber: …".
    bahasa : {"id", "en"}, optional
        Language of legend and notes; defaults to
        :func:`lab_lib.messages.language`.
    basemap : str, optional
        A folium tile set name (e.g. ``"OpenStreetMap"``) to show under the
        interactive map. It is loaded from the internet; by default there is
        none and the map works offline.
    decimals : int
        Decimal places of numbers in the legend and tooltips.

    Returns
    -------
    ThematicMap
        Both twins, drawn from the same :class:`Classes`.

    Raises
    ------
    MapError
        For an unknown column, scheme or palette, missing class edges, a
        non-numeric column with a numeric scheme, or too many categories.
    """
    lang = _language(bahasa)
    data = _to_wgs84(data)
    _check_columns(data, [column, *(tooltip or {})])
    classes = classify(
        data[column],
        scheme,
        k=k,
        bins=bins,
        palette=palette,
        decimals=decimals,
        bahasa=lang,
    )
    labels = _Labels(title, legend_title or column, source, lang)
    fields = tooltip or _default_tooltip(data, column, labels, label_column)
    base = None if base is None else _to_wgs84(base)
    tips = _tooltip_table(data, fields, decimals, lang)
    interactive = _folium_map(data, classes, labels, base, tips, basemap)
    names = data[label_column] if label_column in data.columns else None
    figure = _static_map(data, classes, labels, base, names)
    return ThematicMap(interactive, figure, classes, title, data=data, column=column)


def classify(
    values: pd.Series,
    scheme: str = "natural_breaks",
    *,
    k: int = 5,
    bins: Sequence[float] | None = None,
    palette: str | None = None,
    decimals: int = 1,
    bahasa: str | None = None,
) -> Classes:
    """Sort ``values`` into classes with labels and colours.

    Parameters
    ----------
    values : pandas.Series
        The values; missing ones get class ``-1``.
    scheme, k, bins, palette, decimals
        As in :func:`thematic_map`.
    bahasa : {"id", "en"}, optional
        Language of the number format in labels.

    Returns
    -------
    Classes
        Labels, colours, upper edges and the class of each value.

    Raises
    ------
    MapError
        For an unknown scheme or palette, bad class edges, or non-numeric
        values with a numeric scheme.

    Examples
    --------
    >>> classes = classify(pd.Series([1.0, 2.0, 10.0, None]), "quantiles", k=2,
    ...                    bahasa="en")
    >>> classes.labels, classes.index
    (('1.0 – 2.0', '2.0 – 10.0'), (0, 0, 1, -1))
    """
    if scheme not in SCHEMES:
        raise MapError("map.unknown_scheme", scheme=scheme, pilihan=", ".join(SCHEMES))
    lang = _language(bahasa)
    if scheme == "categories":
        return _categorical_classes(values, palette)
    if not pd.api.types.is_numeric_dtype(values):
        raise MapError("map.not_numeric", kolom=values.name)
    y = values.to_numpy(dtype=float, na_value=np.nan)
    valid = ~np.isnan(y)
    if not valid.any():
        raise MapError("map.no_values", kolom=values.name)
    classifier = _classifier(y[valid], scheme, k, bins)
    edges = tuple(float(edge) for edge in classifier.bins)
    index = np.full(len(y), -1)
    index[valid] = classifier.yb
    return Classes(
        labels=_range_labels(min(y[valid].min(), edges[0]), edges, decimals, lang),
        colors=_sequential_colors(palette or SEQUENTIAL_PALETTE, len(edges)),
        bins=edges,
        index=tuple(int(i) for i in index),
    )


def _language(bahasa: str | None) -> str:
    """``bahasa``, or the language in force, checked."""
    lang = bahasa or language()
    if lang not in LANGUAGES:
        raise MapError("language.unsupported", kode=lang)
    return lang


def _to_wgs84(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``frame`` in EPSG:4326 with a fresh index; a missing CRS is assumed 4326."""
    if frame.crs is None:
        frame = frame.set_crs(4326)
    elif frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    return frame.reset_index(drop=True)


def _check_columns(data: gpd.GeoDataFrame, columns: Sequence[str]) -> None:
    """Fail with the available columns listed unless all ``columns`` exist."""
    available = [c for c in data.columns if c != data.geometry.name]
    for name in columns:
        if name not in available:
            raise MapError(
                "map.unknown_column", kolom=name, tersedia=", ".join(available)
            )


def _classifier(
    y: np.ndarray, scheme: str, k: int, bins: Sequence[float] | None
) -> mapclassify.classifiers.MapClassifier:
    """The mapclassify classifier of ``scheme`` fitted to ``y``."""
    if scheme == "manual":
        if not bins or list(bins) != sorted(set(bins)):
            raise MapError("map.bins_needed", bins=bins)
        return mapclassify.UserDefined(y, list(bins))
    k = max(1, min(k, len(np.unique(y))))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Not enough unique values", UserWarning)
        # Without numba, Fisher-Jenks runs in plain Python: fast enough for
        # the few hundred regions or road segments of a brief.
        warnings.filterwarnings("ignore", "Numba not installed", UserWarning)
        if scheme == "quantiles":
            return mapclassify.Quantiles(y, k=k)
        # Fisher-Jenks finds the optimal breaks exactly, so the classes do not
        # depend on the order of the rows (k-means natural breaks do).
        return mapclassify.FisherJenks(y, k=k)


def _range_labels(
    low: float, edges: Sequence[float], decimals: int, bahasa: str
) -> tuple[str, ...]:
    """Labels "low – high" of classes whose upper edges are ``edges``.

    When no value lies below the first edge (planner-given classes), the
    first class reads "≤ edge" rather than a range that runs backwards.
    """
    lows = [low, *edges[:-1]]
    labels = [
        _range_label(a, b, decimals, bahasa) for a, b in zip(lows, edges, strict=True)
    ]
    if edges and low >= edges[0]:
        labels[0] = f"≤ {number(edges[0], decimals, bahasa)}"
    return tuple(labels)


def _range_label(low: float, high: float, decimals: int, bahasa: str) -> str:
    """ "12,5 – 30,0", or just "12,5" when both ends print the same."""
    low_text, high_text = number(low, decimals, bahasa), number(high, decimals, bahasa)
    return high_text if low_text == high_text else f"{low_text} – {high_text}"


def _colormap(name: str) -> matplotlib.colors.Colormap:
    """The colour-blind-safe matplotlib colormap ``name``, or a clear error."""
    if name.removesuffix("_r") not in SAFE_PALETTES:
        raise MapError(
            "map.unknown_palette", palette=name, pilihan=", ".join(SAFE_PALETTES)
        )
    try:
        return matplotlib.colormaps[name]
    except KeyError:
        raise MapError(
            "map.unknown_palette", palette=name, pilihan=", ".join(SAFE_PALETTES)
        ) from None


def _sequential_colors(palette: str, n: int, start: float = 0.15) -> tuple[str, ...]:
    """``n`` colours from light to dark along ``palette``."""
    cmap = _colormap(palette)
    positions = np.linspace(start, 0.9, n) if n > 1 else [0.6]
    return tuple(to_hex(cmap(p)) for p in positions)


def _qualitative_colors(palette: str | None, n: int, column: object) -> list[str]:
    """``n`` distinct colours for categories; Okabe-Ito by default."""
    name = palette or "okabe_ito"
    if name == "okabe_ito":
        colors = list(OKABE_ITO)
    else:
        cmap = _colormap(name)
        listed = isinstance(cmap, ListedColormap) and cmap.N <= 20
        positions = range(cmap.N) if listed else np.linspace(0, 1, max(n, 2))
        colors = [to_hex(cmap(p)) for p in positions]
    if n > len(colors):
        raise MapError(
            "map.too_many_categories",
            kolom=column,
            jumlah=n,
            palette=name,
            maks=len(colors),
        )
    return colors[:n]


def _categorical_classes(values: pd.Series, palette: str | None) -> Classes:
    """One class per category present; a pandas categorical keeps its order.

    Ordered categoricals (e.g. road condition from good to heavily damaged)
    get a sequential palette, light to dark; others get distinct colours.
    """
    ordered = isinstance(values.dtype, pd.CategoricalDtype) and values.cat.ordered
    if isinstance(values.dtype, pd.CategoricalDtype):
        categories = [c for c in values.cat.categories if (values == c).any()]
    else:
        categories = sorted(values.dropna().unique(), key=str)
    if not categories:
        raise MapError("map.no_values", kolom=values.name)
    if ordered:
        colors = _sequential_colors(palette or ORDERED_PALETTE, len(categories), 0.3)
    else:
        colors = tuple(_qualitative_colors(palette, len(categories), values.name))
    position = {category: i for i, category in enumerate(categories)}
    index = [position.get(v, -1) if pd.notna(v) else -1 for v in values]
    return Classes(
        labels=tuple(str(c) for c in categories),
        colors=colors,
        bins=(),
        index=tuple(index),
    )


def _default_tooltip(
    data: gpd.GeoDataFrame, column: str, labels: _Labels, label_column: str | None
) -> dict[str, str]:
    """Name (when known) and value, labelled in the map's language."""
    fields = {column: labels.legend_title}
    if label_column and label_column in data.columns and label_column != column:
        fields = {label_column: text("map.region", bahasa=labels.bahasa)} | fields
    return fields


def _formatted(values: pd.Series, decimals: int, bahasa: str) -> list[str]:
    """``values`` as text, numbers in the language's format."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return [number(float(v), decimals, bahasa) for v in values]
    return ["–" if pd.isna(v) else str(v) for v in values]


def _tooltip_table(
    data: gpd.GeoDataFrame, fields: dict[str, str], decimals: int, bahasa: str
) -> pd.DataFrame:
    """Tooltip texts, one column per field, named by their labels."""
    return pd.DataFrame(
        {label: _formatted(data[c], decimals, bahasa) for c, label in fields.items()}
    )


def _kinds(frame: gpd.GeoDataFrame) -> pd.Series:
    """``"polygon"``, ``"line"`` or ``"point"`` for each geometry."""
    names = frame.geom_type.fillna("").str.lower()
    return names.str.replace("multi", "").map(
        {"polygon": "polygon", "linestring": "line", "point": "point"}
    )


def _leaflet_style(kind: str, color: str) -> dict[str, object]:
    """Leaflet path style of one feature."""
    if kind == "line":
        return {"color": color, "weight": 4, "opacity": 1}
    weight = 0.8 if kind == "polygon" else 1
    return {
        "fillColor": color,
        "color": OUTLINE,
        "weight": weight,
        "fillOpacity": 1,
        "opacity": 1,
    }


_BASE_STYLE = {
    "fillColor": BASE_FILL,
    "fillOpacity": 1,
    "color": BASE_EDGE,
    "weight": 0.8,
}


def _leaflet_highlight(kind: str) -> dict[str, object]:
    """Style of a feature under the mouse: a thicker line or a dark outline."""
    if kind == "line":
        return {"weight": 7}
    return {"weight": 3, "color": "#000000"}


def _folium_map(
    data: gpd.GeoDataFrame,
    classes: Classes,
    labels: _Labels,
    base: gpd.GeoDataFrame | None,
    tips: pd.DataFrame,
    basemap: str | None,
) -> folium.Map:
    """The interactive twin: base outlines, classified layer, legend, scale."""
    m = folium.Map(tiles=None, max_zoom=18, zoom_snap=0.25)
    if basemap:
        folium.TileLayer(basemap).add_to(m)
    if base is not None:
        folium.GeoJson(
            base[[base.geometry.name]],
            style_function=lambda _: _BASE_STYLE,
            interactive=False,
        ).add_to(m)
    _data_layer(data, classes, tips).add_to(m)
    m.add_child(_Decorations(classes, labels, _kinds(data).mode().iloc[0]))
    m.fit_bounds(_padded_bounds(data))
    m.get_root().title = labels.title
    return m


def _data_layer(
    data: gpd.GeoDataFrame, classes: Classes, tips: pd.DataFrame
) -> folium.GeoJson:
    """The classified features, with their colours and tooltip texts."""
    layer = gpd.GeoDataFrame(
        tips.assign(_color=classes.row_colors, _kind=_kinds(data).to_numpy()),
        geometry=data.geometry.to_numpy(),
        crs=data.crs,
    )
    return folium.GeoJson(
        layer,
        style_function=lambda f: _leaflet_style(
            f["properties"]["_kind"], f["properties"]["_color"]
        ),
        highlight_function=lambda f: _leaflet_highlight(f["properties"]["_kind"]),
        tooltip=folium.GeoJsonTooltip(fields=list(tips.columns), sticky=True),
        marker=folium.CircleMarker(radius=7),
    )


def _padded_bounds(data: gpd.GeoDataFrame) -> list[list[float]]:
    """``[[south, west], [north, east]]`` of ``data``, widened a little."""
    west, south, east, north = data.total_bounds
    pad = max(east - west, north - south) * 0.05 or 0.01
    return [[south - pad, west - pad], [north + pad, east + pad]]


def _swatch(kind: str, color: str) -> str:
    """An HTML legend key: a box, a line or a dot in ``color``."""
    shape = {
        "line": f"height:4px;margin-top:6px;background:{color}",
        "point": f"border-radius:50%;background:{color};border:1px solid {OUTLINE}",
    }.get(kind, f"background:{color};border:1px solid {OUTLINE}")
    return f'<i class="lab-legend__key" style="{shape}"></i>'


def _legend_entries(classes: Classes, bahasa: str) -> list[tuple[str, str]]:
    """``(label, colour)`` of every legend entry, "no data" last if needed."""
    entries = list(zip(classes.labels, classes.colors, strict=True))
    if classes.has_missing:
        entries.append((text("map.no_data", bahasa=bahasa), NO_DATA_COLOR))
    return entries


def _legend_html(classes: Classes, labels: _Labels, kind: str) -> str:
    """The interactive legend: heading, keys, source and boundary note."""
    rows = "".join(
        f'<div class="lab-legend__row">{_swatch(kind, color)}{html.escape(label)}</div>'
        for label, color in _legend_entries(classes, labels.bahasa)
    )
    notes = "<br>".join(html.escape(line) for line in labels.footer)
    return (
        f'<div class="lab-legend__title">{html.escape(labels.legend_title)}</div>'
        f'{rows}<div class="lab-legend__note">{notes}</div>'
    )


class _Decorations(MacroElement):
    """Title, legend and a metric scale bar on a Leaflet map."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
            function box(position, className, content) {
                var control = L.control({position: position});
                control.onAdd = function () {
                    var div = L.DomUtil.create("div", className);
                    div.innerHTML = content;
                    return div;
                };
                control.addTo(map);
            }
            box("topright", "lab-map-title", {{ this.title_html|tojson }});
            box("bottomright", "lab-legend", {{ this.legend_html|tojson }});
            L.control.scale({imperial: false}).addTo(map);
            map.attributionControl.setPrefix("Leaflet");
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    css = (
        f".leaflet-container{{background:{SEA_COLOR};font-family:system-ui,"
        "sans-serif}"
        ".lab-map-title,.lab-legend{background:rgba(255,255,255,.92);"
        "padding:6px 10px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);"
        "color:#222}"
        ".lab-map-title{font-weight:600;font-size:15px;max-width:60vw}"
        ".lab-legend{font-size:12px;line-height:18px;max-width:45vw}"
        ".lab-legend__title{font-weight:600;margin-bottom:4px}"
        ".lab-legend__key{display:inline-block;width:16px;height:12px;"
        "margin-right:6px;vertical-align:-1px;box-sizing:border-box}"
        ".lab-legend__note{margin-top:6px;font-size:10.5px;line-height:14px;"
        "color:#555}"
    )

    def __init__(self, classes: Classes, labels: _Labels, kind: str) -> None:
        super().__init__()
        self._name = "Decorations"
        self.title_html = html.escape(labels.title)
        self.legend_html = _legend_html(classes, labels, kind)


_HALO = [patheffects.withStroke(linewidth=2.5, foreground="white")]


def _plot_kind(ax: Axes, frame: gpd.GeoDataFrame, colors: list[str], kind: str) -> None:
    """Draw the features of one geometry kind in their class colours."""
    if kind == "line":
        frame.plot(ax=ax, color=colors, linewidth=2.4)
    elif kind == "point":
        frame.plot(ax=ax, color=colors, markersize=45, edgecolor=OUTLINE, linewidth=0.6)
    else:
        frame.plot(ax=ax, color=colors, edgecolor=OUTLINE, linewidth=0.5)


def _draw_layers(
    ax: Axes, data: gpd.GeoDataFrame, classes: Classes, base: gpd.GeoDataFrame | None
) -> None:
    """Base outlines, then the classified features, kind by kind."""
    if base is not None:
        base.plot(ax=ax, color=BASE_FILL, edgecolor=BASE_EDGE, linewidth=0.5)
    colors = np.array(classes.row_colors)
    kinds = _kinds(data).to_numpy()
    for kind in ("polygon", "line", "point"):
        chosen = kinds == kind
        if chosen.any():
            _plot_kind(ax, data[chosen], list(colors[chosen]), kind)


def _frame_axes(ax: Axes, data: gpd.GeoDataFrame) -> None:
    """Zoom to ``data`` with a margin and keep a thin frame, no ticks.

    A strip at the foot of the frame stays free of data for the scale bar.
    """
    west, south, east, north = data.total_bounds
    pad = max(east - west, north - south) * 0.06 or 1000.0
    strip = (north - south + 2 * pad) * FOOT_STRIP / (1 - FOOT_STRIP)
    ax.set_xlim(west - pad, east + pad)
    ax.set_ylim(south - pad - strip, north + pad)
    ax.set_aspect("equal")
    ax.set_facecolor(SEA_COLOR)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_color("#888888")
        spine.set_linewidth(0.6)


def _nice_length(span: float) -> float:
    """A round length (1, 2 or 5 × 10ⁿ) near a quarter of ``span``."""
    target = span / 4
    power = 10 ** np.floor(np.log10(target))
    return float(max(s * power for s in (1, 2, 5) if s * power <= target))


def _distance(metres: float, bahasa: str) -> str:
    """A round distance as "20 km", or "500 m" below a kilometre."""
    if metres < 1000:
        return f"{number(metres, 0, bahasa)} m"
    return f"{number(metres / 1000, 0, bahasa)} km"


def _scale_bar(ax: Axes, bahasa: str) -> None:
    """A two-part black and white scale bar in the free strip at the foot."""
    x0, x1 = ax.get_xlim()
    length = _nice_length(x1 - x0)
    part = length / (x1 - x0) / 2
    left, bottom, height = 0.03, FOOT_STRIP * 0.3, FOOT_STRIP * 0.12
    for i, color in enumerate(("black", "white")):
        ax.add_patch(
            Rectangle(
                (left + i * part, bottom),
                part,
                height,
                transform=ax.transAxes,
                facecolor=color,
                edgecolor="black",
                linewidth=0.6,
            )
        )
    # Both labels start at their end of the bar, so they cannot overlap
    # however short the bar is.
    ends = ((0.0, "0"), (2 * part, _distance(length, bahasa)))
    for (offset, label), align in zip(ends, ("left", "left"), strict=True):
        ax.text(
            left + offset,
            bottom + 1.8 * height,
            label,
            transform=ax.transAxes,
            ha=align,
            va="bottom",
            fontsize=7.5,
            path_effects=_HALO,
        )


def _north_arrow(ax: Axes, bahasa: str) -> None:
    """A north arrow under "U" (utara) or "N", right of the frame."""
    arrow = {"facecolor": "black", "width": 3, "headwidth": 10, "lw": 0}
    ax.annotate(
        "",
        xy=(1.06, 0.2),
        xytext=(1.06, 0.1),
        xycoords="axes fraction",
        arrowprops=arrow,
        annotation_clip=False,
    )
    ax.text(
        1.06,
        0.21,
        text("map.north", bahasa=bahasa),
        transform=ax.transAxes,
        ha="center",
        va="bottom",
        fontsize=11,
        fontweight="bold",
    )


def _name_labels(ax: Axes, data: gpd.GeoDataFrame, names: pd.Series) -> None:
    """Names of polygons at a point inside each, with a white halo."""
    polygons = (_kinds(data) == "polygon").to_numpy()
    for point, name in zip(
        data.geometry[polygons].representative_point(), names[polygons], strict=True
    ):
        if pd.notna(name):
            ax.annotate(
                str(name),
                (point.x, point.y),
                ha="center",
                va="center",
                fontsize=7,
                color="#222222",
                path_effects=_HALO,
                zorder=4,
            )


def _static_legend(ax: Axes, classes: Classes, labels: _Labels, kind: str) -> None:
    """Legend to the right of the map, keys shaped like the features."""
    handles = [_legend_key(kind, c) for _, c in _legend_entries(classes, labels.bahasa)]
    # Long category names wrap, as in the interactive legend, instead of
    # running off the edge of the figure.
    names = [
        textwrap.fill(label, LEGEND_WRAP)
        for label, _ in _legend_entries(classes, labels.bahasa)
    ]
    ax.legend(
        handles,
        names,
        title=labels.legend_title,
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        frameon=False,
        fontsize=8.5,
        title_fontproperties={"weight": "bold", "size": 9},
        alignment="left",
    )


def _legend_key(kind: str, color: str) -> Patch | Line2D:
    """A matplotlib legend handle for one class."""
    if kind == "line":
        return Line2D([], [], color=color, linewidth=3)
    if kind == "point":
        return Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=8,
            markerfacecolor=color,
            markeredgecolor=OUTLINE,
        )
    return Patch(facecolor=color, edgecolor=OUTLINE, linewidth=0.5)


def _figure_size(projected: gpd.GeoDataFrame) -> tuple[float, float]:
    """Width and height in inches: 8 wide, as tall as the area needs."""
    west, south, east, north = projected.total_bounds
    ratio = (north - south) / max(east - west, 1.0)
    return 8.0, float(np.clip(5.2 * ratio + 1.4, 4.5, 8.0))


def _static_map(
    data: gpd.GeoDataFrame,
    classes: Classes,
    labels: _Labels,
    base: gpd.GeoDataFrame | None,
    names: pd.Series | None,
) -> Figure:
    """The static twin, in the data's UTM zone so that the scale bar is true."""
    crs = data.estimate_utm_crs()
    projected = data.to_crs(crs)
    figure = Figure(figsize=_figure_size(projected), layout="constrained")
    ax = figure.add_subplot()
    _draw_layers(ax, projected, classes, None if base is None else base.to_crs(crs))
    _frame_axes(ax, projected)
    if names is not None:
        _name_labels(ax, projected, names)
    _scale_bar(ax, labels.bahasa)
    _north_arrow(ax, labels.bahasa)
    _static_legend(ax, classes, labels, _kinds(data).mode().iloc[0])
    # A figure title, wrapped to the figure, so a narrow map never cuts it off.
    width_in = figure.get_figwidth()
    figure.suptitle(
        textwrap.fill(labels.title, width=max(30, int(width_in * 8.5))),
        x=0.01,
        ha="left",
        fontsize=13,
        fontweight="bold",
    )
    figure.supxlabel(
        "\n".join(labels.footer), x=0.01, ha="left", fontsize=7.5, color="#555555"
    )
    return figure
