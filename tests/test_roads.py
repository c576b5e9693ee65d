"""Road kemantapan against values computed by hand."""

import math

import pandas as pd
import pytest

from lab_lib import roads


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
