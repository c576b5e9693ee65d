"""Road kemantapan against values computed by hand."""

import math

import pandas as pd
import pytest

from lab_lib import roads
from lab_lib.errors import DataValidationError


@pytest.fixture
def segments():
    return pd.DataFrame(
        {
            "status": ["nasional", "provinsi", "provinsi", "kabupaten"],
            "tahun": [2024, 2024, 2023, 2024],
            "panjang_km": [20.0, 10.0, 10.0, 0.0],
            "baik_km": [15.0, 2.0, 1.0, 0.0],
            "sedang_km": [3.0, 3.0, 2.0, 0.0],
            "rusak_ringan_km": [1.0, 4.0, 3.0, 0.0],
            "rusak_berat_km": [1.0, 1.0, 4.0, 0.0],
        }
    )


def test_kemantapan_by_status(segments):
    result = roads.kemantapan(segments[segments["tahun"] == 2024], "status")
    assert result.loc["nasional", "kemantapan_pct"] == pytest.approx(90.0)  # 18/20
    assert result.loc["provinsi", "kemantapan_pct"] == pytest.approx(50.0)  # 5/10
    assert math.isnan(result.loc["kabupaten", "kemantapan_pct"])  # no length


def test_kemantapan_overall_weights_by_length(segments):
    result = roads.kemantapan(segments)
    # (18 + 5 + 3) / 40 km, not the mean of the segment percentages
    assert result["kemantapan_pct"].iloc[0] == pytest.approx(65.0)


def test_kemantapan_by_year_and_status(segments):
    result = roads.kemantapan(segments, ["tahun", "status"])
    assert result.loc[(2023, "provinsi"), "kemantapan_pct"] == pytest.approx(30.0)


def test_condition_lengths_sum(segments):
    lengths = roads.condition_lengths(segments, "status")
    assert lengths.loc["provinsi"].tolist() == [3.0, 5.0, 7.0, 5.0]


def test_segment_kemantapan(segments):
    result = roads.segment_kemantapan(segments)
    assert result.iloc[:3].tolist() == pytest.approx([90.0, 50.0, 30.0])
    assert math.isnan(result.iloc[3])


def test_a_missing_column_is_named(segments):
    with pytest.raises(DataValidationError, match="tidak punya kolom sedang_km"):
        roads.kemantapan(segments.drop(columns="sedang_km"), "status")
    with pytest.raises(DataValidationError, match="kolom wilayah"):
        roads.kemantapan(segments, "wilayah")


@pytest.mark.parametrize(
    ("value", "words"),
    [(-20.0, "negatif pada baris R2"), (None, "kosong pada baris R2")],
)
def test_bad_lengths_are_refused_naming_the_segment(segments, value, words):
    segments["id_ruas"] = ["R1", "R2", "R3", "R4"]
    segments["panjang_km"] = segments["panjang_km"].astype(object)
    segments.loc[1, "panjang_km"] = value
    with pytest.raises(DataValidationError, match=words):
        roads.kemantapan(segments)


def test_lengths_written_as_text_are_refused(segments):
    segments["baik_km"] = segments["baik_km"].astype(object)
    segments.loc[0, "baik_km"] = "15,0"
    with pytest.raises(DataValidationError, match="harus angka km"):
        roads.segment_kemantapan(segments)


def test_conditions_longer_than_the_segment_are_refused(segments):
    segments.loc[0, "baik_km"] = 25.0  # 25 + 3 + 1 + 1 > 20 km
    with pytest.raises(DataValidationError, match="melebihi panjang_km"):
        roads.kemantapan(segments)
