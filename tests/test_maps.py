"""Thematic maps: classification, the two twins, display and errors."""

from __future__ import annotations

import base64
import html
import json
import re

import folium
import folium.plugins
import geopandas as gpd
import mapclassify
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import xstatic.pkg.leaflet
from matplotlib.colors import to_hex
from shapely.geometry import LineString, Point, box

from lab_lib.errors import LabError, MapError, OfflineError
from lab_lib.maps import SCHEMES, ThematicMap, classify, thematic_map
from lab_lib.offline import check_versions, standalone_html

SKOR = [12.5, 14.0, 15.5, 30.0, 31.0, 47.25, 80.0, 82.5, 85.0]
HTTP_LOAD = re.compile(
    r"<(?:script|link|img|iframe|source|embed)\b[^>]*\b(?:src|href)\s*=\s*"
    r"[\"']?https?://",
    re.I,
)


def regions(values: list[float] | None = None) -> gpd.GeoDataFrame:
    """A row of small square 'regions' off Halmahera, one per value."""
    values = SKOR if values is None else values
    return gpd.GeoDataFrame(
        {"nama": [f"Wilayah {i + 1}" for i in range(len(values))], "skor": values},
        geometry=[
            box(127.3 + 0.1 * i, 0.7, 127.4 + 0.1 * i, 0.8) for i in range(len(values))
        ],
        crs="EPSG:4326",
    )


def roads() -> gpd.GeoDataFrame:
    """Four road segments with an ordered condition."""
    condition = pd.Categorical(
        ["baik", "rusak berat", "sedang", "baik"],
        categories=["baik", "sedang", "rusak ringan", "rusak berat"],
        ordered=True,
    )
    lines = [
        LineString([(127.5 + i / 10, 0.7), (127.55 + i / 10, 0.9)]) for i in range(4)
    ]
    return gpd.GeoDataFrame(
        {"nama_ruas": ["R1", "R2", "R3", "R4"], "kondisi": condition},
        geometry=lines,
        crs="EPSG:4326",
    )


def web_colors(tm: ThematicMap, key: str = "fillColor") -> list[str]:
    """Colour of each feature of the classified folium layer."""
    layers = [c for c in tm.folium._children.values() if isinstance(c, folium.GeoJson)]
    layer = layers[-1]
    return [layer.style_function(f)[key] for f in layer.data["features"]]


def static_colors(tm: ThematicMap, facecolor: bool = True) -> list[str]:
    """Colour of each feature in the static map's classified collection."""
    collection = tm.figure.axes[0].collections[-1]
    rgba = collection.get_facecolor() if facecolor else collection.get_edgecolor()
    return [to_hex(c) for c in rgba]


def legend_texts(tm: ThematicMap) -> list[str]:
    """Labels in the static map's legend."""
    return [t.get_text() for t in tm.figure.axes[0].get_legend().get_texts()]


def figure_texts(tm: ThematicMap) -> str:
    """All text drawn on the static map."""
    return "\n".join(t.get_text() for t in tm.figure.findobj(plt.Text))


@pytest.mark.parametrize(
    ("scheme", "options", "reference"),
    [
        ("natural_breaks", {"k": 3}, lambda y: mapclassify.FisherJenks(y, k=3)),
        ("quantiles", {"k": 4}, lambda y: mapclassify.Quantiles(y, k=4)),
        (
            "manual",
            {"bins": [25, 50, 100]},
            lambda y: mapclassify.UserDefined(y, [25, 50, 100]),
        ),
    ],
)
@pytest.mark.filterwarnings("ignore:Numba not installed")
def test_classes_match_mapclassify(scheme, options, reference):
    tm = thematic_map(regions(), "skor", title="Skor", scheme=scheme, **options)
    expected = reference(np.array(SKOR))
    assert tm.classes.bins == pytest.approx(tuple(expected.bins))
    assert tm.classes.index == tuple(expected.yb)
    assert len(tm.classes.colors) == len(tm.classes.labels) == len(expected.bins)


def test_natural_breaks_are_reproducible_and_leave_numpy_random_alone():
    state = np.random.get_state()[1].copy()
    first = thematic_map(regions(), "skor", title="Skor", k=3).classes
    second = thematic_map(regions(), "skor", title="Skor", k=3).classes
    assert first == second
    assert (np.random.get_state()[1] == state).all()


def test_twins_use_the_same_classes_and_colours():
    data = regions([*SKOR[:-1], None])
    tm = thematic_map(data, "skor", title="Skor", scheme="manual", bins=[25, 50, 100])
    assert web_colors(tm) == static_colors(tm) == tm.classes.row_colors
    assert tm.classes.row_colors[-1] not in tm.classes.colors
    handles = tm.figure.axes[0].get_legend().legend_handles
    assert [to_hex(h.get_facecolor()) for h in handles[:3]] == list(tm.classes.colors)
    for label, color in zip(tm.classes.labels, tm.classes.colors, strict=True):
        assert json.dumps(label)[1:-1] in tm.html
        assert color in tm.html


def test_legend_numbers_are_indonesian_by_default():
    tm = thematic_map(
        regions(),
        "skor",
        title="Skor",
        scheme="manual",
        bins=[25, 50, 100],
        bahasa="id",
    )
    assert tm.classes.labels == ("12,5 – 25,0", "25,0 – 50,0", "50,0 – 100,0")
    assert legend_texts(tm) == list(tm.classes.labels)
    texts = figure_texts(tm).split("\n")
    assert "Batas wilayah generalisasi, bukan batas resmi" in texts
    assert "U" in texts
    assert any(re.fullmatch(r"\d+ km", line) for line in texts)


def test_first_manual_class_reads_at_most_when_nothing_lies_below_it():
    tm = thematic_map(
        regions(), "skor", title="Skor", scheme="manual", bins=[10, 50, 100]
    )
    assert tm.classes.labels[0] == "≤ 10,0"
    assert tm.classes.labels[1] == "10,0 – 50,0"


def test_legend_and_notes_in_english():
    data = regions([*SKOR[:-1], None])
    tm = thematic_map(
        data,
        "skor",
        title="Score",
        scheme="manual",
        bins=[25, 50, 1000],
        source="MARIMOI",
        bahasa="en",
        decimals=2,
    )
    assert tm.classes.labels == ("12.50 – 25.00", "25.00 – 50.00", "50.00 – 1,000.00")
    assert legend_texts(tm)[-1] == "No data"
    texts = figure_texts(tm)
    assert "Source: MARIMOI" in texts
    assert "Generalized boundaries, not official" in texts
    assert "N" in texts.split("\n")


def test_source_prefix_is_not_doubled():
    tm = thematic_map(
        regions(), "skor", title="Skor", source="Sumber: BPS", bahasa="id"
    )
    assert "Sumber: BPS" in figure_texts(tm)
    assert "Sumber: Sumber" not in figure_texts(tm)


def test_mime_bundle_has_html_and_png():
    bundle = thematic_map(regions(), "skor", title="Skor <uji>")._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG\r\n\x1a\n")
    page = bundle["text/html"]
    assert 'sandbox="allow-scripts"' in page
    assert 'title="Skor &lt;uji&gt;"' in page
    assert f'src="data:image/png;base64,{bundle["image/png"]}"' in page
    assert "@media print" in page


def test_html_loads_nothing_from_the_network():
    page = thematic_map(regions(), "skor", title="Skor")._repr_mimebundle_()[
        "text/html"
    ]
    srcdocs = [html.unescape(s) for s in re.findall(r'srcdoc="([^"]*)"', page)]
    assert len(srcdocs) == 1
    for document in [page, *srcdocs]:
        assert not HTTP_LOAD.search(document)
        assert "@import" not in document
        assert not re.search(r"url\(\s*[\"']?https?:", document)
    assert "Leaflet 1.9.3" in srcdocs[0]
    assert "jQuery v3.7.1" in srcdocs[0]


def test_no_tiles_unless_asked():
    plain = thematic_map(regions(), "skor", title="Skor")
    assert "L.tileLayer(" not in plain.html
    online = thematic_map(regions(), "skor", title="Skor", basemap="OpenStreetMap")
    assert "L.tileLayer(" in online.html


def test_categories_for_road_lines():
    tm = thematic_map(
        roads(), "kondisi", title="Kondisi jalan", scheme="categories", base=regions()
    )
    assert tm.classes.labels == ("baik", "sedang", "rusak berat")
    assert tm.classes.bins == ()
    assert tm.classes.index == (0, 2, 1, 0)
    assert web_colors(tm, "color") == static_colors(tm, facecolor=False)
    assert static_colors(tm, facecolor=False) == tm.classes.row_colors


def test_unordered_categories_use_okabe_ito():
    data = regions([1.0, 2.0, 3.0]).assign(jenis=["pasar", "sekolah", "pasar"])
    tm = thematic_map(data, "jenis", title="Jenis", scheme="categories")
    assert tm.classes.colors == ("#E69F00", "#56B4E9")


def test_points_are_drawn_as_circles():
    data = gpd.GeoDataFrame(
        {"nama": ["A", "B", "C"], "siswa": [80, 340, 900]},
        geometry=[Point(127.5, 1.0), Point(127.9, 1.5), Point(128.1, 0.5)],
        crs="EPSG:4326",
    )
    tm = thematic_map(data, "siswa", title="Siswa", scheme="quantiles", k=2)
    assert "circleMarker" in tm.html
    assert static_colors(tm) == tm.classes.row_colors


def test_figures_are_not_left_open_in_pyplot():
    plt.close("all")
    thematic_map(regions(), "skor", title="Skor")
    assert plt.get_fignums() == []


def test_save_html_and_png(tmp_path):
    tm = thematic_map(regions(), "skor", title="Skor")
    page = tm.save_html(tmp_path / "peta.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Skor</title>" in page
    assert tm.save_png(tmp_path / "peta.png").read_bytes().startswith(b"\x89PNG")


def test_unknown_column_lists_the_columns():
    with pytest.raises(MapError) as error:
        thematic_map(regions(), "skr", title="Skor")
    assert isinstance(error.value, LabError)
    assert isinstance(error.value, ValueError)
    assert '"skr"' in str(error.value)
    assert "nama, skor" in str(error.value)


def test_unknown_scheme_lists_the_choices():
    with pytest.raises(MapError, match="jenks") as error:
        thematic_map(regions(), "skor", title="Skor", scheme="jenks")
    assert ", ".join(SCHEMES) in str(error.value)


@pytest.mark.parametrize("bins", [None, [50, 25, 100]])
def test_manual_scheme_needs_increasing_bins(bins):
    with pytest.raises(MapError, match="bins=\\[10, 20, 40\\]"):
        thematic_map(regions(), "skor", title="Skor", scheme="manual", bins=bins)


def test_text_column_needs_categories_scheme():
    with pytest.raises(MapError, match='scheme="categories"'):
        thematic_map(regions(), "nama", title="Nama")


def test_unknown_palette_names_safe_ones():
    with pytest.raises(MapError, match="YlGnBu"):
        thematic_map(regions(), "skor", title="Skor", palette="pelangi")


def test_mismatched_leaflet_version_is_refused(monkeypatch):
    monkeypatch.setattr(xstatic.pkg.leaflet, "VERSION", "1.9.4")
    with pytest.raises(OfflineError, match=r"xstatic-leaflet==1\.9\.3"):
        check_versions()


def test_plugin_that_needs_the_internet_is_refused():
    m = folium.Map(tiles=None)
    folium.plugins.Fullscreen().add_to(m)
    with pytest.raises(OfflineError, match=r"leaflet\.fullscreen"):
        standalone_html(m)


def test_default_markers_work_offline():
    m = folium.Map(tiles=None)
    folium.Marker([0.8, 127.4]).add_to(m)
    page = standalone_html(m)
    assert 'L.Icon.Default.mergeOptions({iconUrl: "data:image/png;base64,' in page
    assert not HTTP_LOAD.search(page)


@pytest.mark.parametrize("palette", ["RdYlGn", "jet", "rainbow"])
def test_palettes_that_are_not_colour_blind_safe_are_refused(palette):
    with pytest.raises(MapError, match="RdYlBu"):
        thematic_map(regions(), "skor", title="Skor", palette=palette)


def test_natural_breaks_do_not_depend_on_the_order_of_the_rows():
    values = pd.Series([61.8, 54.9, 12.0, 33.5, 47.1, 70.2, 18.4, 25.0, 40.3, 66.6])
    reordered = values.sample(frac=1, random_state=3)
    assert (
        classify(values, "natural_breaks", k=4).bins
        == classify(reordered, "natural_breaks", k=4).bins
    )


def test_the_static_twin_holds_long_legend_entries_whole():
    import io

    import matplotlib.image

    from lab_lib import catalog

    # The province is tall and narrow, which leaves the legend little room.
    data = catalog.load("wilayah_kabkota")
    names = ["I. Cepat maju dan cepat tumbuh", "IV. Relatif tertinggal"]
    data["kuadran"] = [names[i % 2] for i in range(len(data))]
    tm = thematic_map(data, "kuadran", title="Klassen", scheme="categories")
    pixels = matplotlib.image.imread(io.BytesIO(tm.png))
    # A white margin on the right: no legend text runs off the image.
    assert (pixels[:, -4:, :3] > 0.99).all()
