"""Williamson, Theil and Klassen against values computed by hand."""

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from lab_lib import disparity
from lab_lib.errors import DataValidationError

# Three regions used throughout: PDRB per kapita 10, 20, 40 (juta rupiah) and
# population 50, 30, 20 (thousand persons), so the total income is
# 10·50 + 20·30 + 40·20 = 500 + 600 + 800 = 1900 and the population 100.
PER_CAPITA = [10.0, 20.0, 40.0]
POPULATION = [50.0, 30.0, 20.0]


def raised(call, *args, **kwargs) -> str:
    """The message of the DataValidationError that ``call`` raises."""
    with pytest.raises(DataValidationError) as info:
        call(*args, **kwargs)
    assert info.value.exit_code == 6
    assert isinstance(info.value, ValueError)
    return str(info.value)


# Williamson


def test_williamson_by_hand():
    # ȳ = 1900 / 100 = 19; deviations −9, 1, 21; squared and weighted by the
    # population shares 0.5, 0.3, 0.2: 40.5 + 0.3 + 88.2 = 129.
    assert disparity.williamson(PER_CAPITA, POPULATION) == pytest.approx(
        math.sqrt(129) / 19
    )


def test_williamson_is_zero_when_every_region_is_equal():
    assert disparity.williamson([25.0, 25.0, 25.0], [1, 5, 9]) == 0.0


def test_williamson_ignores_units_of_income_and_population():
    base = disparity.williamson(PER_CAPITA, POPULATION)
    rupiah = [v * 1e6 for v in PER_CAPITA]
    persons = [p * 1000 for p in POPULATION]
    assert disparity.williamson(rupiah, persons) == pytest.approx(base)


def test_williamson_matches_series_by_index_not_order():
    per_capita = pd.Series(PER_CAPITA, index=["82.01", "82.02", "82.03"])
    population = pd.Series(POPULATION[::-1], index=["82.03", "82.02", "82.01"])
    assert disparity.williamson(per_capita, population) == pytest.approx(
        math.sqrt(129) / 19
    )


def test_williamson_mixes_a_series_with_a_list_by_position():
    per_capita = pd.Series(PER_CAPITA, index=["82.01", "82.02", "82.03"])
    assert disparity.williamson(per_capita, POPULATION) == pytest.approx(
        math.sqrt(129) / 19
    )


# Theil


def test_theil_by_hand():
    # Income shares 500/1900, 600/1900, 800/1900; population shares 0.5, 0.3,
    # 0.2; T = Σ s · ln(s / p).
    shares = [500 / 1900, 600 / 1900, 800 / 1900]
    people = [0.5, 0.3, 0.2]
    expected = sum(s * math.log(s / p) for s, p in zip(shares, people, strict=True))
    assert expected == pytest.approx(0.160738, abs=1e-6)
    assert disparity.theil(PER_CAPITA, POPULATION) == pytest.approx(expected)


def test_theil_from_totals_equals_theil_from_per_capita():
    totals = [500.0, 600.0, 800.0]
    assert disparity.theil(totals, POPULATION, per_capita=False) == pytest.approx(
        disparity.theil(PER_CAPITA, POPULATION)
    )


def test_theil_is_zero_at_equality_and_counts_no_income_as_zero():
    assert disparity.theil([7.0, 7.0], [3, 9]) == pytest.approx(0.0)
    # One of two equal-sized regions has all the income: 1 · ln(1 / 0.5).
    assert disparity.theil([0.0, 10.0], [1, 1]) == pytest.approx(math.log(2))


def test_theil_decomposition_by_hand():
    result = disparity.theil(PER_CAPITA, POPULATION, groups=["a", "a", "b"])
    # Group a: income 1100 of 1900, population 80 of 100; group b: 800, 20.
    between = 1100 / 1900 * math.log((1100 / 1900) / 0.8) + 800 / 1900 * math.log(
        (800 / 1900) / 0.2
    )
    # Inside a: shares 500/1100, 600/1100 of income, 50/80, 30/80 of people.
    theil_a = 500 / 1100 * math.log((500 / 1100) / (50 / 80)) + 600 / 1100 * math.log(
        (600 / 1100) / (30 / 80)
    )
    assert result.between == pytest.approx(between)
    assert result.within == pytest.approx(1100 / 1900 * theil_a)
    assert result.by_group.loc["a", "theil"] == pytest.approx(theil_a)
    assert result.by_group.loc["b", "theil"] == 0.0  # a single region
    assert result.total == pytest.approx(disparity.theil(PER_CAPITA, POPULATION))


@pytest.mark.parametrize("seed", range(5))
def test_theil_between_plus_within_is_total(seed):
    rng = np.random.default_rng(seed)
    codes = [f"82.{i:02d}" for i in range(1, 11)]
    per_capita = pd.Series(rng.uniform(15, 500, 10), index=codes)
    population = pd.Series(rng.integers(50_000, 260_000, 10), index=codes)
    groups = pd.Series(rng.choice(["utara", "tengah", "selatan"], 10), index=codes)
    result = disparity.theil(per_capita, population, groups)
    assert result.between + result.within == pytest.approx(result.total, abs=1e-12)
    assert result.by_group["between"].sum() == pytest.approx(result.between)
    assert result.by_group["within"].sum() == pytest.approx(result.within)
    assert result.by_group["income_share"].sum() == pytest.approx(1.0)
    assert result.by_group["population_share"].sum() == pytest.approx(1.0)


def test_theil_without_groups_is_a_float():
    assert isinstance(disparity.theil(PER_CAPITA, POPULATION), float)


# Klassen


def test_klassen_quadrants():
    # Province: growth 0.05, per capita 30.
    growth = [0.07, 0.03, 0.06, 0.01]
    per_capita = [40.0, 50.0, 20.0, 10.0]
    result = disparity.klassen(growth, per_capita, 0.05, 30.0)
    assert result.tolist() == [1, 2, 3, 4]
    assert isinstance(result, np.ndarray)


def test_klassen_ties_count_as_not_above_the_province():
    growth = [0.05, 0.07, 0.05, 0.03]
    per_capita = [40.0, 30.0, 30.0, 30.0]
    # rᵢ == r with yᵢ > y: not faster, so 2; yᵢ == y with rᵢ > r: not richer,
    # so 3; equal on both: 4; slower and equal income: 4.
    assert disparity.klassen(growth, per_capita, 0.05, 30.0).tolist() == [2, 3, 4, 4]


def test_klassen_keeps_the_index_of_a_series():
    growth = pd.Series({"82.02": 0.4937, "82.71": 0.0602, "82.08": 0.0445})
    per_capita = pd.Series({"82.08": 23.19, "82.02": 468.87, "82.71": 64.5})
    result = disparity.klassen(growth, per_capita, 0.2049, 64.05)
    assert result.name == "kuadran_klassen"
    assert result.to_dict() == {"82.02": 1, "82.71": 2, "82.08": 4}


def test_klassen_of_mappings_is_a_series():
    result = disparity.klassen({"82.01": 0.06}, {"82.01": 21.0}, 0.05, 30.0)
    assert result.to_dict() == {"82.01": 3}


def test_klassen_in_percent_gives_the_same_quadrants():
    fraction = disparity.klassen([0.07, 0.03], [40.0, 20.0], 0.05, 30.0)
    percent = disparity.klassen([7.0, 3.0], [40.0, 20.0], 5.0, 30.0, in_percent=True)
    assert percent.tolist() == fraction.tolist() == [1, 4]


def test_klassen_names():
    assert set(disparity.KLASSEN_NAMES) == {1, 2, 3, 4}
    assert disparity.klassen_name(1) == "Cepat maju dan cepat tumbuh"
    assert disparity.klassen_name(3) == "Berkembang cepat"
    assert disparity.klassen_name(np.int64(2), bahasa="en") == (
        "High income but low growth"
    )


def test_klassen_name_follows_the_session_language(monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    assert disparity.klassen_name(4) == "Low growth and low income"


# Bad input


def test_negative_population_names_the_rows():
    population = pd.Series(
        {"82.01": 137_543, "82.02": -60_127, "82.03": 203_213},
        name="jumlah_penduduk",
    )
    assert raised(disparity.williamson, [20.0, 30.0, 40.0], population) == (
        'Jumlah penduduk (population (kolom "jumlah_penduduk")) harus lebih '
        "dari 0, tetapi baris 82.02 bernilai -60.127. Periksa data "
        "penduduknya."
    )


def test_zero_population_is_refused():
    message = raised(disparity.theil, PER_CAPITA, [50, 0, 20])
    assert "baris 1 bernilai 0" in message


def test_missing_population_names_the_rows():
    assert raised(disparity.williamson, PER_CAPITA, [50, np.nan, None]) == (
        "population tidak punya nilai pada baris 1, 2. Lengkapi nilainya, "
        "atau keluarkan wilayah itu dari semua masukan."
    )


def test_text_is_refused_even_when_it_looks_like_a_number():
    # "1.000" is one thousand to an Indonesian reader but 1 to a parser.
    assert raised(disparity.williamson, [10, "1.000", "n/a"], POPULATION) == (
        "per_capita harus berisi angka, tetapi baris 1, 2 berisi '1.000'; "
        "'n/a'. Ubah teks menjadi angka di data sumbernya; \"1.000\" dalam "
        "tulisan Indonesia berarti seribu."
    )


def test_negative_per_capita_is_refused():
    message = raised(disparity.theil, [10.0, -2.5, 40.0], POPULATION)
    assert message.startswith("income_or_per_capita tidak boleh negatif")
    assert "baris 1 bernilai -2,5" in message


def test_empty_input():
    assert raised(disparity.williamson, [], []) == (
        "per_capita kosong: tidak ada satu wilayah pun. Isi satu nilai per "
        "kabupaten/kota."
    )


def test_lengths_must_match():
    assert raised(disparity.williamson, PER_CAPITA, [50, 30]) == (
        "population berisi 2 nilai, sedangkan per_capita berisi 3. Berikan "
        "satu nilai per wilayah dalam urutan yang sama, atau pakai Series "
        "berindeks kode wilayah."
    )


def test_regions_missing_from_one_series_are_named():
    per_capita = pd.Series({"82.01": 20.9, "82.02": 468.9, "82.03": 32.9})
    population = pd.Series(
        {"82.01": 137_543, "82.02": 60_127, "82.04": 255_384}, name="penduduk"
    )
    assert raised(disparity.williamson, per_capita, population) == (
        'per_capita dan population (kolom "penduduk") tidak memuat wilayah '
        "yang sama. Hanya di per_capita: 82.03. Hanya di population (kolom "
        '"penduduk"): 82.04. Samakan indeks keduanya (mis. kode wilayah).'
    )


def test_repeated_regions_are_refused():
    per_capita = pd.Series([20.0, 30.0], index=["82.01", "82.01"])
    assert raised(disparity.williamson, per_capita, [1, 2]) == (
        "per_capita memuat wilayah yang sama lebih dari sekali: 82.01. Setiap "
        "wilayah harus muncul tepat satu kali."
    )


def test_a_table_or_a_single_number_is_not_one_value_per_region():
    frame = pd.DataFrame({"a": [1.0, 2.0]})
    assert "bukan DataFrame" in raised(disparity.williamson, frame, [1, 2])
    assert "bukan int" in raised(disparity.williamson, 5, 3)


def test_all_zero_income_is_refused():
    message = raised(disparity.williamson, [0.0, 0.0], [10, 20])
    assert message.startswith("Jumlah per_capita seluruh wilayah adalah 0")
    assert raised(disparity.theil, [0.0, 0.0], [10, 20]).startswith(
        "Jumlah income_or_per_capita seluruh wilayah adalah 0"
    )


def test_growth_in_percent_is_refused_with_a_hint():
    growth = pd.Series({"82.01": 5.44, "82.02": 0.4937}, name="pertumbuhan")
    assert raised(disparity.klassen, growth, [20.9, 468.9], 0.2049, 64.05) == (
        'growth (kolom "pertumbuhan") tampak ditulis dalam persen (baris '
        "82.01: 5,44), padahal yang diharapkan pecahan. Gunakan pecahan, "
        "mis. 0,05 untuk 5%, atau tulis in_percent=True bila semua "
        "pertumbuhan dalam persen."
    )


def test_reference_growth_in_percent_is_refused():
    message = raised(disparity.klassen, [0.05, 0.06], [20.0, 30.0], 20.49, 64.05)
    assert message.startswith("ref_growth tampak ditulis dalam persen (20,49)")


def test_reference_values_must_be_numbers():
    assert raised(disparity.klassen, [0.05], [20.0], "5%", 30.0) == (
        "ref_growth harus satu angka (nilai provinsi acuan), bukan '5%'."
    )
    assert raised(disparity.klassen, [0.05], [20.0], 0.05, 0) == (
        "ref_per_capita harus lebih dari 0, bukan 0."
    )


def test_klassen_refuses_negative_per_capita():
    message = raised(disparity.klassen, [0.05, 0.06], [20.0, -1.0], 0.05, 30.0)
    assert message.startswith("per_capita tidak boleh negatif, tetapi baris 1")


def test_groups_must_be_complete():
    message = raised(disparity.theil, PER_CAPITA, POPULATION, ["a", None, "b"])
    assert message.startswith("groups tidak punya nilai pada baris 1.")


def test_unknown_quadrant_and_language():
    assert raised(disparity.klassen_name, 5) == (
        "Kuadran Klassen 5 tidak ada. Pilih 1, 2, 3 atau 4."
    )
    with pytest.raises(ValueError, match="Bahasa"):
        disparity.klassen_name(1, bahasa="jv")


def test_messages_in_english(monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    growth = pd.Series({"82.01": 5.44}, name="pertumbuhan")
    assert raised(disparity.klassen, growth, [20.9], 0.2049, 64.05) == (
        'growth (column "pertumbuhan") looks like percent (rows 82.01: '
        "5.44), but a fraction is expected. Use a fraction, e.g. 0.05 for "
        "5%, or pass in_percent=True when all growth rates are in percent."
    )


def test_import_is_light():
    code = (
        "import sys, lab_lib.disparity; print(sorted({'matplotlib', "
        "'geopandas', 'scipy', 'pandera', 'folium'} & set(sys.modules)))"
    )
    out = subprocess.check_output([sys.executable, "-c", code], text=True)
    assert out.strip() == "[]"


def _for_year(values: dict, year: int) -> pd.Series:
    """A Series as it comes from the long catalog table, year in the index."""
    index = pd.MultiIndex.from_tuples(
        [(code, year) for code in values], names=["kode_wilayah", "tahun"]
    )
    return pd.Series(list(values.values()), index=index)


def test_inputs_of_the_same_year_are_joined_without_their_year():
    per_capita = {"82.01": 20.0, "82.02": 500.0}
    population = {"82.01": 140_000.0, "82.02": 60_000.0}
    plain = disparity.williamson(pd.Series(per_capita), pd.Series(population))
    yearly = disparity.williamson(
        _for_year(per_capita, 2024), _for_year(population, 2024)
    )
    assert yearly == pytest.approx(plain)


def test_inputs_of_different_years_are_refused():
    with pytest.raises(DataValidationError) as info:
        disparity.klassen(
            _for_year({"82.01": 0.05, "82.02": 0.2}, 2024),
            _for_year({"82.01": 20.0, "82.02": 500.0}, 2023),
            0.1,
            60.0,
        )
    message = str(info.value)
    assert "tahun yang sama" in message
    assert "growth 2024" in message and "per_capita 2023" in message


def test_an_input_of_several_years_is_refused():
    both = pd.concat(
        [_for_year({"82.01": 20.0}, 2023), _for_year({"82.01": 21.0}, 2024)]
    )
    with pytest.raises(DataValidationError, match=r"beberapa tahun \(2023, 2024\)"):
        disparity.williamson(both, both)
