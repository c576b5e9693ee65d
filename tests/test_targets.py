"""Gaps, growth rates, projected years and status against values by hand."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from lab_lib import targets
from lab_lib.errors import DataValidationError


def raised(call, *args, **kwargs) -> str:
    """The message of the DataValidationError that ``call`` raises."""
    with pytest.raises(DataValidationError) as info:
        call(*args, **kwargs)
    assert info.value.exit_code == 6
    return str(info.value)


def by_year(values, first=2021) -> pd.Series:
    return pd.Series(values, index=range(first, first + len(values)), dtype=float)


# gap


def test_gap_naik_and_turun():
    # Higher is better: 72 − 70.5 = 1.5 still to go; above target is negative.
    assert targets.gap(70.5, 72.0) == pytest.approx(1.5)
    assert targets.gap(73.0, 72.0) == pytest.approx(-1.0)
    # Lower is better: 6.46 − 5.5 = 0.96 still to go.
    assert targets.gap(6.46, 5.5, direction="turun") == pytest.approx(0.96)
    assert targets.gap(5.0, 5.5, direction="turun") == pytest.approx(-0.5)


def test_gap_of_series_matches_by_index():
    actual = pd.Series({"82.01": 65.0, "82.71": 82.0})
    target = pd.Series({"82.71": 83.0, "82.01": 68.0})
    result = targets.gap(actual, target)
    assert result.name == "gap"
    assert result.to_dict() == pytest.approx({"82.01": 3.0, "82.71": 1.0})
    assert targets.gap(actual, 70.0).to_dict() == pytest.approx(
        {"82.01": 5.0, "82.71": -12.0}
    )
    assert targets.gap(actual, [68.0, 83.0]).tolist() == pytest.approx([3.0, 1.0])


def test_gap_is_a_plain_float_for_numbers():
    assert type(targets.gap(np.float64(70.0), 72)) is float


# cagr


def test_cagr_by_hand():
    # 100 → 121 in 2 years: √1.21 − 1 = 0.1
    assert targets.cagr(100.0, 121.0, 2) == pytest.approx(0.1)
    # Falling: 200 → 50 in 2 years: √0.25 − 1 = −0.5
    assert targets.cagr(200.0, 50.0, 2) == pytest.approx(-0.5)
    assert targets.cagr(10.0, 0.0, 3) == pytest.approx(-1.0)


def test_cagr_of_series():
    start = pd.Series({"82.01": 100.0, "82.02": 100.0})
    end = pd.Series({"82.02": 144.0, "82.01": 121.0})
    result = targets.cagr(start, end, 2)
    assert result.name == "cagr"
    assert result.to_dict() == pytest.approx({"82.01": 0.1, "82.02": 0.2})


# year_reached


def test_year_reached_linear_by_hand():
    # Years 2020–2023 with values 10, 12, 13, 15: centred years −1.5, −0.5,
    # 0.5, 1.5; centred values −2.5, −0.5, 0.5, 2.5; slope = (3.75 + 0.25 +
    # 0.25 + 3.75) / (2.25 + 0.25 + 0.25 + 2.25) = 8 / 5 = 1.6 a year.
    # From 15 in 2023: 2026 gives 15 + 3·1.6 = 19.8, 2027 gives 21.4 ≥ 20.
    series = by_year([10.0, 12.0, 13.0, 15.0], first=2020)
    assert targets.year_reached(series, 20.0) == 2027
    assert targets.year_reached(series, 19.8) == 2026


def test_year_reached_turun_by_hand():
    # Poverty 7.0, 6.8, 6.5, 6.3 in 2021–2024: slope (−0.525 − 0.075 − 0.075
    # − 0.525) / 5 = −0.24 a year; from 6.3 to 5.5 takes 0.8 / 0.24 = 3.3
    # years, so 2028.
    poverty = by_year([7.0, 6.8, 6.5, 6.3])
    assert targets.year_reached(poverty, 5.5, direction="turun") == 2028


def test_year_reached_when_already_met_is_the_latest_year():
    assert targets.year_reached(by_year([70.0, 71.0, 72.5]), 72.0) == 2023
    poverty = by_year([6.0, 5.8, 5.2])
    assert targets.year_reached(poverty, 5.5, direction="turun") == 2023


def test_year_reached_is_none_when_the_trend_goes_the_wrong_way():
    assert targets.year_reached(by_year([70.0, 69.5, 69.0]), 72.0) is None
    assert targets.year_reached(by_year([70.0, 70.0, 70.0]), 72.0) is None
    poverty = by_year([6.0, 6.2, 6.5])
    assert targets.year_reached(poverty, 5.5, direction="turun") is None


def test_year_reached_is_none_beyond_the_horizon():
    series = by_year([10.0, 12.0, 13.0, 15.0], first=2020)
    assert targets.year_reached(series, 20.0, horizon=2026) is None
    assert targets.year_reached(series, 20.0, horizon=2027) == 2027


def test_year_reached_forgives_float_rounding_on_an_exact_hit():
    # Slope 0.1 from 1.2 in 2023: 1.5 exactly in 2026, though 0.1 has no exact
    # binary form.
    assert targets.year_reached(by_year([1.0, 1.1, 1.2]), 1.5) == 2026


def test_year_reached_with_a_compound_trend():
    # 100, 110, 121 in 2021–2023: r = 10 %; 121·1.1² = 146.41 < 150 and
    # 121·1.1³ = 161.05 ≥ 150, so 2026.
    series = by_year([100.0, 110.0, 121.0])
    assert targets.year_reached(series, 150.0, trend="cagr") == 2026
    # The linear slope of 10.5 a year instead gives 121 + 3·10.5 = 152.5 in 2026
    # but 142 in 2025, so it happens to agree here.
    assert targets.year_reached(series, 150.0) == 2026


def test_year_reached_sorts_the_years():
    series = pd.Series([15.0, 10.0, 13.0, 12.0], index=[2023, 2020, 2022, 2021])
    assert targets.year_reached(series, 20.0) == 2027


def test_year_reached_uses_every_year_not_only_the_ends():
    # 10, 8, 11, 12 in 2021–2024. The two ends alone give (12 − 10) / 3 = 0.67
    # a year. Least squares: centred values −0.25, −2.25, 0.75, 1.75 against
    # centred years −1.5, −0.5, 0.5, 1.5 give (0.375 + 1.125 + 0.375 + 2.625)
    # / 5 = 0.9 a year. From 12 in 2024, 15 is 3 / 0.9 = 3.3 years away: 2028
    # (the end-to-end pace would say 2029).
    assert targets.year_reached(by_year([10.0, 8.0, 11.0, 12.0]), 15.0) == 2028


# status


@pytest.mark.parametrize(
    ("trend_year", "expected"),
    [
        (2027, "on track"),
        (2029, "on track"),
        (2030, "perlu percepatan"),
        (2031, "perlu percepatan"),
        (2032, "kritis"),
        (None, "kritis"),
    ],
)
def test_status_by_trend_year(trend_year, expected):
    result = targets.status(69.8, 71.5, 2029, 2025, trend_year=trend_year)
    assert result == expected


def test_status_tercapai_in_both_directions():
    assert targets.status(72.0, 71.5, 2029, 2025) == "tercapai"
    assert targets.status(71.5, 71.5, 2029, 2025) == "tercapai"
    assert targets.status(5.2, 5.5, 2029, 2025, direction="turun") == "tercapai"


def test_status_after_the_target_year_without_the_target_is_kritis():
    assert targets.status(69.8, 71.5, 2024, 2025, trend_year=2026) == "kritis"


def test_status_grace_years_can_be_set():
    assert targets.status(69.8, 71.5, 2029, 2025, 2030, grace_years=0) == "kritis"
    assert (
        targets.status(69.8, 71.5, 2029, 2025, 2033, grace_years=5)
        == "perlu percepatan"
    )


def test_status_with_a_trend_from_year_reached():
    poverty = by_year([7.0, 6.8, 6.5, 6.3])
    reached = targets.year_reached(poverty, 5.5, direction="turun")
    assert reached == 2028
    assert targets.status(6.3, 5.5, 2029, 2025, reached, "turun") == "on track"
    assert targets.status(6.3, 5.5, 2026, 2025, reached, "turun") == (
        "perlu percepatan"
    )


def test_status_names_cover_every_status():
    assert list(targets.STATUS_NAMES) == [
        "tercapai",
        "on track",
        "perlu percepatan",
        "kritis",
    ]
    for names in targets.STATUS_NAMES.values():
        assert set(names) == {"id", "en"}


# Bad input


def test_unknown_direction():
    assert raised(targets.gap, 1.0, 2.0, "atas") == (
        'Arah indikator "atas" tidak dikenal. Pilih "naik" (makin tinggi '
        'makin baik, mis. IPM) atau "turun" (makin rendah makin baik, mis. '
        "persentase penduduk miskin)."
    )
    assert "atas" in raised(targets.status, 1.0, 2.0, 2029, 2025, None, "atas")
    assert "atas" in raised(targets.year_reached, by_year([1, 2]), 3, "atas")


def test_rows_missing_from_one_series_are_named():
    actual = pd.Series({"82.01": 65.0, "82.02": 66.0}, name="ipm_2024")
    target = pd.Series({"82.01": 68.0, "82.03": 70.0})
    assert raised(targets.gap, actual, target) == (
        'actual (kolom "ipm_2024") dan target tidak memuat baris yang sama. '
        'Hanya di actual (kolom "ipm_2024"): 82.02. Hanya di target: 82.03. '
        "Samakan indeks keduanya."
    )


def test_lengths_must_match():
    assert raised(targets.gap, [1.0, 2.0, 3.0], [1.0, 2.0]) == (
        "target berisi 2 nilai, sedangkan actual berisi 3. Berikan nilai "
        "dalam urutan dan jumlah yang sama, atau pakai Series berindeks sama."
    )


def test_missing_and_non_numbers():
    actual = pd.Series({"82.01": 65.0, "82.02": np.nan})
    assert raised(targets.gap, actual, 70.0) == (
        "actual tidak punya nilai pada baris 82.02. Lengkapi nilainya, atau "
        "buang baris itu dulu (mis. dengan dropna())."
    )
    assert raised(targets.gap, None, 70.0) == "actual harus berupa angka, bukan None."
    assert raised(targets.status, "70", 72.0, 2029, 2025) == (
        "actual harus berupa angka, bukan '70'."
    )
    assert raised(targets.gap, [], []) == "actual kosong: tidak ada satu nilai pun."


def test_cagr_bad_values():
    assert raised(targets.cagr, 0.0, 10.0, 5) == (
        "CAGR memerlukan nilai awal lebih dari 0, tetapi start_value bernilai 0."
    )
    start = pd.Series({"82.01": 10.0, "82.02": -4.5}, name="pdrb_2019")
    assert raised(targets.cagr, start, 20.0, 5) == (
        "CAGR memerlukan nilai awal lebih dari 0, tetapi start_value (kolom "
        '"pdrb_2019") bernilai -4,5 pada baris 82.02.'
    )
    assert raised(targets.cagr, 10.0, -1.0, 5) == (
        "CAGR memerlukan nilai akhir 0 atau lebih, tetapi end_value bernilai -1."
    )


@pytest.mark.parametrize("years", [0, -2, "5", None])
def test_cagr_years_must_be_positive(years):
    assert raised(targets.cagr, 10.0, 20.0, years) == (
        "years harus jumlah tahun lebih dari 0 antara nilai awal dan akhir "
        f"(mis. 5 untuk 2019–2024), bukan {years!r}."
    )


def test_year_reached_needs_a_series_of_years():
    assert raised(targets.year_reached, [1.0, 2.0], 3.0) == (
        "series_by_year harus berupa Series berindeks tahun (mis. "
        "df.set_index('tahun')['nilai']), bukan list."
    )
    named = pd.Series([1.0, 2.0], index=["2023", "dua"], name="ipm")
    assert raised(targets.year_reached, named, 3.0) == (
        'Indeks series_by_year (kolom "ipm") harus tahun berupa bilangan '
        "bulat (mis. 2024), tetapi berisi 'dua'."
    )
    repeated = pd.Series([1.0, 2.0], index=[2023, 2023])
    assert raised(targets.year_reached, repeated, 3.0) == (
        "series_by_year memuat tahun yang sama lebih dari sekali: 2023. "
        "Sisakan satu nilai per tahun."
    )


def test_year_reached_needs_two_complete_years():
    assert raised(targets.year_reached, by_year([70.0]), 72.0) == (
        "Tren memerlukan paling sedikit dua tahun pengamatan, tetapi "
        "series_by_year hanya berisi 1."
    )
    gappy = by_year([70.0, np.nan, 71.0])
    assert raised(targets.year_reached, gappy, 72.0) == (
        "series_by_year tidak punya nilai pada baris 2022. Lengkapi "
        "nilainya, atau buang baris itu dulu (mis. dengan dropna())."
    )
    assert raised(targets.year_reached, pd.Series(dtype=float), 72.0) == (
        "series_by_year kosong: tidak ada satu nilai pun."
    )


def test_year_reached_bad_options():
    series = by_year([70.0, 71.0])
    assert raised(targets.year_reached, series, 72.0, trend="exp") == (
        'Metode tren "exp" tidak dikenal. Pilih "linear" (persentase dan '
        'indeks) atau "cagr" (besaran yang tumbuh berlipat, mis. PDRB).'
    )
    assert raised(targets.year_reached, series, 72.0, horizon=2020) == (
        "horizon (2020) lebih awal dari tahun data terakhir (2022). Pilih "
        "tahun sesudahnya, mis. 2045."
    )
    assert raised(targets.year_reached, by_year([0.0, 1.0]), 5.0, trend="cagr") == (
        "Tren CAGR memerlukan nilai pertama dan terakhir lebih dari 0, tetapi "
        'series_by_year bernilai 0 pada tahun 2021. Pakai trend="linear".'
    )
    assert raised(targets.year_reached, series, float("nan")) == (
        "target harus berupa angka, bukan nan."
    )


def test_status_bad_years_and_grace():
    assert raised(targets.status, 1.0, 2.0, 2029.5, 2025) == (
        "target_year harus tahun berupa bilangan bulat (mis. 2029), bukan 2029.5."
    )
    assert raised(targets.status, 1.0, 2.0, 2029, 2025, "2030") == (
        "trend_year harus tahun berupa bilangan bulat (mis. 2029), bukan '2030'."
    )
    assert raised(targets.status, 1.0, 2.0, 2029, 2025, 2030, grace_years=-1) == (
        "grace_years harus bilangan bulat 0 atau lebih, bukan -1."
    )


def test_status_refuses_a_trend_year_before_the_assessment():
    # Not yet met in 2025, so the trend cannot have met it in 2020: the
    # trend year was computed from other data.
    message = raised(targets.status, 69.0, 72.0, 2029, 2025, trend_year=2020)
    assert "trend_year = 2020" in message and "current_year = 2025" in message
    assert targets.status(69.0, 72.0, 2029, 2025, trend_year=2025) == "on track"


def test_messages_in_english(monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    assert raised(targets.gap, 1.0, 2.0, "up") == (
        'Indicator direction "up" is unknown. Choose "naik" (higher is '
        'better, e.g. HDI) or "turun" (lower is better, e.g. poverty rate).'
    )
    start = pd.Series({"82.02": -4.5})
    assert raised(targets.cagr, start, 20.0, 5) == (
        "CAGR needs a start value above 0, but start_value is -4.5 in rows 82.02."
    )


def test_import_is_light():
    code = (
        "import sys, lab_lib.targets; print(sorted({'matplotlib', "
        "'geopandas', 'scipy', 'pandera', 'folium'} & set(sys.modules)))"
    )
    out = subprocess.check_output([sys.executable, "-c", code], text=True)
    assert out.strip() == "[]"
