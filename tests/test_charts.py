"""The S-curve and Klassen charts draw what they should, in both languages."""

import itertools

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.colors import to_hex

from lab_lib import catalog, charts, monitoring
from lab_lib.errors import DataValidationError


@pytest.fixture
def curve():
    return pd.DataFrame(
        {
            "bulan": ["2024-05", "2024-06", "2024-07", "2024-08"],
            "rencana_kumulatif_pct": [10.0, 40.0, 80.0, 100.0],
            "realisasi_kumulatif_pct": [12.0, 30.0, 62.5, np.nan],
        }
    )


def test_s_curve_artists(curve):
    fig = charts.s_curve(curve, title="Kurva S", source="Sumber: uji")
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.lines]
    assert labels == [
        "Rencana kumulatif",
        "Realisasi kumulatif",
        "Bulan laporan (Jul 2024)",
    ]
    # The actual line stops at the last report; the plan runs on.
    assert len(ax.lines[0].get_xdata()) == 4 and len(ax.lines[1].get_xdata()) == 3
    # Reporting month July is the third month: x = 2.
    assert list(ax.lines[2].get_xdata()) == [2, 2]
    shaded = [c.get_label() for c in ax.collections if isinstance(c, PolyCollection)]
    assert shaded == ["Terlambat dari rencana", "Lebih cepat dari rencana"]
    texts = [t.get_text() for t in ax.texts]
    assert "Deviasi -17,5 poin" in texts  # 62,5 − 80
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Mei 2024",
        "Jun",
        "Jul",
        "Agu",
    ]
    assert ax.get_title(loc="left") == "Kurva S"
    assert "Sumber: uji" in [t.get_text() for t in fig.texts]


def test_s_curve_chosen_month_and_year_change():
    table = pd.DataFrame(
        {
            "bulan": ["2024-11", "2024-12", "2025-01"],
            "rencana_kumulatif_pct": [70.0, 100.0, 100.0],
            "realisasi_kumulatif_pct": [60.0, 90.0, 100.0],
        }
    )
    ax = charts.s_curve(table, reporting_month="2024-12").axes[0]
    assert ax.lines[2].get_label() == "Bulan laporan (Des 2024)"
    assert "Deviasi -10,0 poin" in [t.get_text() for t in ax.texts]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Nov 2024",
        "Des",
        "Jan 2025",
    ]


def test_s_curve_unknown_month(curve):
    with pytest.raises(DataValidationError) as caught:
        charts.s_curve(curve, reporting_month="2024-08")  # not yet reported
    assert 'Bulan laporan "2024-08"' in str(caught.value)
    assert "2024-05, 2024-06, 2024-07" in str(caught.value)


def test_s_curve_needs_its_columns(curve):
    with pytest.raises(DataValidationError, match=r"lab_lib\.monitoring\.s_curve"):
        charts.s_curve(curve.drop(columns="rencana_kumulatif_pct"))
    with pytest.raises(DataValidationError, match="Tidak ada data"):
        charts.s_curve(curve.iloc[:0])
    with pytest.raises(DataValidationError, match="berisi: 2024-5"):
        charts.s_curve(curve.replace({"bulan": {"2024-05": "2024-5"}}))


def test_s_curve_in_english(curve, monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    ax = charts.s_curve(curve).axes[0]
    assert ax.lines[0].get_label() == "Planned, cumulative"
    assert "Deviation -17.5 points" in [t.get_text() for t in ax.texts]
    assert ax.get_xticklabels()[0].get_text() == "May 2024"


@pytest.fixture
def regions():
    # Growth (%) and GRDP per capita (juta rupiah); province 7 % and 60.
    return (
        pd.Series({"Ternate": 6.1, "Halteng": 20.5, "Halsel": 8.0, "Taliabu": 3.2}),
        pd.Series({"Ternate": 65.0, "Halteng": 410.0, "Halsel": 40.0, "Taliabu": 22.0}),
    )


def test_klassen_points_quadrants_and_labels(regions):
    growth, per_capita = regions
    fig = charts.klassen_scatter(growth, per_capita, 7.0, 60.0, title="Klassen")
    ax = fig.axes[0]
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(points) == 1 and len(points[0].get_offsets()) == 4
    # Halteng I (20.5 > 7, 410 > 60), Ternate II (6.1 ≤ 7, 65 > 60),
    # Halsel III (8 > 7, 40 ≤ 60), Taliabu IV (3.2 ≤ 7, 22 ≤ 60).
    colours = [to_hex(c) for c in points[0].get_facecolors()]
    expected = [charts.KLASSEN_COLOURS[q] for q in (2, 1, 3, 4)]
    assert colours == [c.lower() for c in expected]
    texts = [t.get_text() for t in ax.texts]
    for name in (
        "I. Cepat maju dan cepat tumbuh",
        "II. Maju tapi tertekan",
        "III. Berkembang cepat",
        "IV. Relatif tertinggal",
        "Ternate",
        "Halteng",
        "Halsel",
        "Taliabu",
    ):
        assert name in texts
    # Dashed reference lines at the provincial values.
    assert list(ax.lines[0].get_xdata()) == [7.0, 7.0]
    assert list(ax.lines[1].get_ydata()) == [60.0, 60.0]
    assert ax.get_yscale() == "linear"


def test_klassen_log_scale_and_sequences(regions):
    growth, per_capita = regions
    fig = charts.klassen_scatter(
        growth.tolist(),
        per_capita.tolist(),
        7.0,
        60.0,
        labels=["A", "B", "C", "D"],
        quadrants={4: "IV. Tertinggal"},
        log_per_capita=True,
    )
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    texts = [t.get_text() for t in ax.texts]
    assert "IV. Tertinggal" in texts and "IV. Relatif tertinggal" not in texts
    assert {"A", "B", "C", "D"} <= set(texts)


def test_klassen_series_are_matched_on_index(regions):
    growth, per_capita = regions
    fig = charts.klassen_scatter(growth, per_capita.iloc[::-1], 7.0, 60.0)
    offsets = fig.axes[0].collections[0].get_offsets()
    assert offsets[1].tolist() == [20.5, 410.0]  # Halteng stays Halteng


def test_klassen_labels_do_not_overlap():
    indicators = catalog.load("indikator", tahun=2023)
    table = indicators.pivot_table(
        index="kode_wilayah", columns="indikator", values="nilai"
    )
    kabkota = table.drop("82")
    fig = charts.klassen_scatter(
        kabkota["pertumbuhan_ekonomi"],
        kabkota["pdrb_per_kapita_adhb"],
        table.loc["82", "pertumbuhan_ekonomi"],
        table.loc["82", "pdrb_per_kapita_adhb"],
        log_per_capita=True,
    )
    fig.draw_without_rendering()
    ax = fig.axes[0]
    boxes = [t.get_window_extent() for t in ax.texts]
    assert len(boxes) == 4 + len(kabkota)
    for first, second in itertools.combinations(boxes, 2):
        assert not first.overlaps(second)


def test_klassen_bad_input(regions, monkeypatch):
    growth, per_capita = regions
    with pytest.raises(
        DataValidationError, match="pertumbuhan 4, per kapita 3, label 4"
    ):
        charts.klassen_scatter(
            growth.tolist(), per_capita.tolist()[:3], 7.0, 60.0, labels=list("ABCD")
        )
    missing = per_capita.copy()
    missing["Halsel"] = np.nan
    with pytest.raises(DataValidationError, match=r"per kapita kosong .* Halsel"):
        charts.klassen_scatter(growth, missing, 7.0, 60.0)
    zero = per_capita.copy()
    zero["Taliabu"] = 0.0
    with pytest.raises(DataValidationError, match="untuk: Taliabu"):
        charts.klassen_scatter(growth, zero, 7.0, 60.0, log_per_capita=True)
    with pytest.raises(DataValidationError, match="kunci 1, 2, 3"):
        charts.klassen_scatter(growth, per_capita, 7.0, 60.0, quadrants={5: "V"})
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    with pytest.raises(DataValidationError, match="needs GRDP per capita above 0"):
        charts.klassen_scatter(growth, zero, 7.0, 60.0, log_per_capita=True)


def test_klassen_in_english(regions, monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    growth, per_capita = regions
    ax = charts.klassen_scatter(growth, per_capita, 7.0, 60.0).axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "I. High growth, high income" in texts
    assert ax.get_xlabel() == "GRDP growth rate (%)"


def test_s_curve_of_a_sample_project():
    progress = catalog.load("progres_proyek")
    status = monitoring.classify_projects(
        catalog.load("proyek"), progress, progress["bulan"].max()
    )
    worst = status["deviasi_pct"].idxmin()
    ax = charts.s_curve(monitoring.s_curve(progress, worst)).axes[0]
    assert len(ax.lines) == 3
    assert any(t.get_text().startswith("Deviasi -") for t in ax.texts)


def test_the_source_line_stays_clear_of_rotated_labels():
    values = pd.Series(
        {f"Kabupaten Kepulauan Panjang Sekali {i}": float(i) for i in range(10)}
    )
    fig = charts.bar(values, title="Uji", source="Sumber: MARIMOI (data sampel)")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    (source,) = fig.texts
    source_top = source.get_window_extent(renderer).y1
    labels = fig.axes[0].get_xticklabels()
    lowest_label = min(label.get_window_extent(renderer).y0 for label in labels)
    assert source_top <= lowest_label
