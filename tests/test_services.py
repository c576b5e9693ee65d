"""Scalogram and centrality index against small tables worked by hand."""

import math

import pandas as pd
import pytest

from lab_lib import catalog, services
from lab_lib.errors import DataValidationError


@pytest.fixture
def counts():
    # Five kecamatan, three facility types.
    return pd.DataFrame(
        {
            "sd": [2, 1, 1, 1, 0],
            "puskesmas": [1, 1, 0, 0, 0],
            "rumah_sakit": [1, 0, 1, 0, 0],
        },
        index=pd.Index(["A", "B", "C", "D", "E"], name="kode_kecamatan"),
    )


def test_facility_counts_include_kecamatan_without_facilities():
    kecamatan = pd.DataFrame({"kode": ["82.01.01", "82.01.02", "82.01.03"]})
    fasilitas = pd.DataFrame(
        {
            "kode_kecamatan": ["82.01.03", "82.01.01", "82.01.03", "82.01.03"],
            "jenis": ["sd", "sd", "sd", "bandara"],
        }
    )
    counts = services.facility_counts(fasilitas, kecamatan, kinds=["sd", "pasar"])
    assert counts.index.tolist() == ["82.01.01", "82.01.02", "82.01.03"]
    assert counts.columns.tolist() == ["sd", "pasar"]  # bandara not asked for
    assert counts["sd"].tolist() == [1, 0, 2]
    assert counts["pasar"].tolist() == [0, 0, 0]


def test_facility_in_unknown_kecamatan():
    kecamatan = pd.DataFrame({"kode": ["82.01.01"]})
    fasilitas = pd.DataFrame(
        {"kode_kecamatan": ["82.01.01", "8201"], "jenis": ["sd"] * 2}
    )
    with pytest.raises(DataValidationError) as caught:
        services.facility_counts(fasilitas, kecamatan)
    message = str(caught.value)
    assert 'Kolom "kode_kecamatan"' in message and "baris 1" in message
    assert "'8201'" in message


def test_scalogram_by_hand(counts):
    result = services.scalogram(counts)
    # Columns: sd in 4 kecamatan, puskesmas and rumah_sakit in 2 each (tie,
    # 2 facilities each, so the given order stays). Rows: A has 3 types, B
    # and C 2 (tie, 2 facilities each), D 1, E 0.
    assert result.presence.columns.tolist() == ["sd", "puskesmas", "rumah_sakit"]
    assert result.presence.index.tolist() == ["A", "B", "C", "D", "E"]
    # C's ideal pattern with 2 types is [1, 1, 0]; it has [1, 0, 1]: two
    # cells differ. CR = 1 − 2 / (5 × 3) = 13/15.
    assert result.error_count == 2
    assert result.errors.loc["C"].tolist() == [False, True, True]
    assert result.reproducibility == pytest.approx(13 / 15)
    assert not result.acceptable  # 0.867 < 0.9


def test_scalogram_counting_only_gaps(counts):
    result = services.scalogram(counts, error_rule="celah")
    # Only C's missing puskesmas: CR = 1 − 1 / 15 = 14/15.
    assert result.error_count == 1
    assert result.reproducibility == pytest.approx(14 / 15)
    assert result.acceptable


def test_scalogram_sorts_rows_and_columns():
    shuffled = pd.DataFrame(
        {"bank": [0, 1, 1], "sd": [1, 1, 1], "pasar": [0, 0, 1]},
        index=["X", "Y", "Z"],
    )
    result = services.scalogram(shuffled)
    assert result.presence.index.tolist() == ["Z", "Y", "X"]
    assert result.presence.columns.tolist() == ["sd", "bank", "pasar"]
    assert result.error_count == 0 and result.reproducibility == 1.0


def test_orders_by_equal_intervals(counts):
    result = services.scalogram(counts, orders=3)
    # Types run 0–3, so each of 3 classes is 1 wide: [0, 1), [1, 2), [2, 3];
    # 2 sits on an edge and goes up, with 3, into orde I.
    assert result.order.to_dict() == {"A": 1, "B": 1, "C": 1, "D": 2, "E": 3}
    assert result.order_ranges[3] == (0.0, 1.0)
    assert result.table.loc["D", "orde"] == "Orde II"
    assert result.table.loc["A", "jumlah_fasilitas"] == 4


def test_orders_by_sturges(counts):
    # 1 + 3.322 × log10(5) = 3.32 → 3 orders
    assert services.scalogram(counts, orders="sturges").order.max() == 3


def test_all_settlements_alike_are_orde_one():
    same = pd.DataFrame({"sd": [1, 2], "smp": [1, 1]}, index=["A", "B"])
    assert services.scalogram(same).order.tolist() == [1, 1]


def test_bad_orders_and_error_rule(counts):
    with pytest.raises(DataValidationError, match='Jumlah orde "0" tidak sah'):
        services.scalogram(counts, orders=0)
    with pytest.raises(DataValidationError, match='"sel" atau "celah"'):
        services.scalogram(counts, error_rule="guttman")


def test_centrality_weights_and_index(counts):
    weights = services.centrality_weights(counts)
    # sd: 100 / 5, puskesmas: 100 / 2, rumah_sakit: 100 / 2
    assert weights.tolist() == [20.0, 50.0, 50.0]
    index = services.centrality_index(counts)["indeks_sentralitas"]
    # A: 2 × 20 + 50 + 50 = 140; B: 20 + 50 = 70; C: 70; D: 20; E: 0
    assert index.tolist() == [140.0, 70.0, 70.0, 20.0, 0.0]
    scores = services.centrality_index(counts).drop(columns="indeks_sentralitas")
    assert scores.sum().tolist() == [100.0, 100.0, 100.0]  # each type shares C
    assert index.sum() == pytest.approx(300.0)


def test_type_without_facilities_has_no_weight(counts):
    counts["bandara"] = 0
    assert math.isnan(services.centrality_weights(counts)["bandara"])
    assert services.centrality_index(counts)["bandara"].eq(0).all()


@pytest.mark.parametrize("bad", [-1, 1.5, None])
def test_bad_counts_name_column_and_row(counts, bad):
    counts["puskesmas"] = counts["puskesmas"].astype(object)
    counts.loc["D", "puskesmas"] = bad
    with pytest.raises(DataValidationError) as caught:
        services.scalogram(counts)
    message = str(caught.value)
    assert 'Kolom "puskesmas"' in message and "baris D" in message
    assert "bilangan bulat 0 atau lebih" in message


def test_empty_counts():
    with pytest.raises(DataValidationError, match="kosong"):
        services.centrality_index(pd.DataFrame())


def test_messages_in_english(counts, monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    counts.loc["B", "sd"] = -3
    with pytest.raises(DataValidationError, match="must hold whole numbers 0 or more"):
        services.centrality_index(counts)
    assert services.scalogram(counts.abs()).table.loc["A", "orde"] == "Order I"


def test_sample_catalog_service_centres():
    kecamatan = catalog.load("wilayah_kecamatan")
    fasilitas = catalog.load("fasilitas")
    counts = services.facility_counts(fasilitas, kecamatan)
    assert counts.shape == (118, fasilitas["jenis"].nunique())
    assert counts.to_numpy().sum() == len(fasilitas)

    result = services.scalogram(counts)
    assert 0.0 <= result.reproducibility <= 1.0
    assert set(result.order) == {1, 2, 3}
    first = result.table["orde"] == "Orde I"
    types = result.table["jumlah_jenis"]
    assert types[first].min() > types[~first].max()

    index = services.centrality_index(counts)["indeks_sentralitas"]
    assert index.sum() == pytest.approx(100.0 * (counts.sum() > 0).sum())
    # The most central kecamatan lies in the top order of the scalogram.
    assert result.order[index.idxmax()] == 1
