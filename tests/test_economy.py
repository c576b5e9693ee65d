"""Location quotients and shift-share against values computed by hand."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from lab_lib import economy
from lab_lib.errors import DataValidationError

# Two sectors over five years. Region: A 100 → 120, B 50 → 80 (total 150 →
# 200). Reference: A 1000 → 1100, B 1000 → 1300 (total 2000 → 2400).
REGION_START = pd.Series({"A": 100.0, "B": 50.0})
REGION_END = pd.Series({"A": 120.0, "B": 80.0})
REFERENCE_START = pd.Series({"A": 1000.0, "B": 1000.0})
REFERENCE_END = pd.Series({"A": 1100.0, "B": 1300.0})


def raised(call, *args, **kwargs) -> str:
    """The message of the DataValidationError that ``call`` raises."""
    with pytest.raises(DataValidationError) as info:
        call(*args, **kwargs)
    assert info.value.exit_code == 6
    return str(info.value)


def random_sectors(rng, low=10.0, high=5000.0) -> pd.Series:
    return pd.Series(rng.uniform(low, high, 17), index=list(economy.LAPANGAN_USAHA))


# Lapangan usaha


def test_seventeen_lapangan_usaha_in_bps_order():
    assert list(economy.LAPANGAN_USAHA) == [
        *"ABCDEFGHIJKL",
        "M,N",
        *"OPQ",
        "R,S,T,U",
    ]
    for names in economy.LAPANGAN_USAHA.values():
        assert set(names) == {"id", "en"}
        assert all(names.values())


def test_sector_name():
    assert economy.sector_name("C") == "Industri Pengolahan"
    assert economy.sector_name("R,S,T,U", bahasa="en") == "Other Services Activities"
    assert raised(economy.sector_name, "S") == (
        'Kode lapangan usaha "S" tidak dikenal. Kode yang sah: A; B; C; D; '
        "E; F; G; H; I; J; K; L; M,N; O; P; Q; R,S,T,U."
    )


# Location quotient


def test_location_quotient_by_hand():
    # A: (100/150) / (1000/2000) = 0.6667 / 0.5 = 1.3333
    # B: (50/150) / (1000/2000) = 0.3333 / 0.5 = 0.6667
    result = economy.location_quotient(REGION_START, REFERENCE_START)
    assert result.name == "LQ"
    assert result.to_dict() == pytest.approx({"A": 4 / 3, "B": 2 / 3})


def test_location_quotient_aligns_sectors_by_index():
    reversed_reference = REFERENCE_START.iloc[::-1]
    result = economy.location_quotient(REGION_START, reversed_reference)
    assert result.to_dict() == pytest.approx({"A": 4 / 3, "B": 2 / 3})


@pytest.mark.parametrize("seed", range(3))
def test_location_quotient_invariants(seed):
    rng = np.random.default_rng(seed)
    reference = random_sectors(rng)
    region = random_sectors(rng)
    # The reference against itself is 1 everywhere.
    assert economy.location_quotient(reference, reference).tolist() == (
        pytest.approx([1.0] * 17)
    )
    # LQ weighted by the reference's shares averages to 1.
    lq = economy.location_quotient(region, reference)
    assert (lq * reference / reference.sum()).sum() == pytest.approx(1.0)


def test_basis_counts_lq_of_one_as_non_basis():
    lq = pd.Series({"A": 1.2, "B": 1.0, "C": 0.4})
    assert economy.basis(lq).to_dict() == {
        "A": "basis",
        "B": "non-basis",
        "C": "non-basis",
    }


# Dynamic location quotient


def test_dynamic_location_quotient_by_hand():
    # Compound average rates over t = 5: (1 + gA)⁵ = 120/100 = 1.2,
    # (1 + g)⁵ = 200/150, (1 + GA)⁵ = 1100/1000 = 1.1, (1 + G)⁵ = 2400/2000.
    # DLQ_A = [(1.2 / (4/3)) / (1.1 / 1.2)] = 0.9 / 0.916667 = 0.981818
    # DLQ_B = [(1.6 / (4/3)) / (1.3 / 1.2)] = 1.2 / 1.083333 = 1.107692
    result = economy.dynamic_location_quotient(
        REGION_START, REGION_END, REFERENCE_START, REFERENCE_END, years=5
    )
    assert result.name == "DLQ"
    assert result["A"] == pytest.approx(0.9 / (1.1 / 1.2))
    assert result["B"] == pytest.approx(1.2 / (1.3 / 1.2))


def test_dynamic_location_quotient_through_the_growth_rates():
    # The same number written as in the formula, with the rates themselves.
    t = 5
    g_a = 1.2 ** (1 / t) - 1
    g = (200 / 150) ** (1 / t) - 1
    g_ref_a = 1.1 ** (1 / t) - 1
    g_ref = 1.2 ** (1 / t) - 1
    expected = (((1 + g_a) / (1 + g)) / ((1 + g_ref_a) / (1 + g_ref))) ** t
    result = economy.dynamic_location_quotient(
        REGION_START, REGION_END, REFERENCE_START, REFERENCE_END, years=t
    )
    assert result["A"] == pytest.approx(expected)


@pytest.mark.parametrize("seed", range(3))
def test_dynamic_location_quotient_is_the_change_in_lq(seed):
    rng = np.random.default_rng(seed)
    start, end = random_sectors(rng), random_sectors(rng)
    ref_start, ref_end = random_sectors(rng), random_sectors(rng)
    dlq = economy.dynamic_location_quotient(start, end, ref_start, ref_end, 5)
    change = economy.location_quotient(end, ref_end) / economy.location_quotient(
        start, ref_start
    )
    assert dlq.tolist() == pytest.approx(change.tolist())
    # With compound average rates the period length cancels out.
    other = economy.dynamic_location_quotient(start, end, ref_start, ref_end, 3)
    assert other.tolist() == pytest.approx(dlq.tolist())


def test_sector_class_cells_and_ties():
    lq = pd.Series({"A": 1.3, "B": 1.3, "C": 0.7, "D": 0.7, "E": 1.0, "F": 1.3})
    dlq = pd.Series({"A": 1.1, "B": 0.9, "C": 1.1, "D": 0.9, "E": 1.1, "F": 1.0})
    assert economy.sector_class(lq, dlq).to_dict() == {
        "A": "unggulan",
        "B": "prospektif",
        "C": "andalan",
        "D": "tertinggal",
        "E": "andalan",  # LQ exactly 1 is not basis
        "F": "prospektif",  # DLQ exactly 1 is not rising
    }
    assert set(economy.SECTOR_CLASSES) == {
        "unggulan",
        "prospektif",
        "andalan",
        "tertinggal",
    }


def test_sector_class_of_the_worked_example():
    lq_end = economy.location_quotient(REGION_END, REFERENCE_END)
    dlq = economy.dynamic_location_quotient(
        REGION_START, REGION_END, REFERENCE_START, REFERENCE_END, 5
    )
    assert economy.sector_class(lq_end, dlq).tolist() == ["prospektif", "andalan"]


# Shift-share


def test_shift_share_by_hand():
    # Yt/Y0 = 2400/2000 = 1.2; YAt/YA0 = 1.1; YBt/YB0 = 1.3.
    # A: N = 100·0.2 = 20, P = 100·(1.1 − 1.2) = −10, D = 100·(1.2 − 1.1) = 10
    # B: N = 50·0.2 = 10,  P = 50·(1.3 − 1.2) = 5,    D = 50·(1.6 − 1.3) = 15
    result = economy.shift_share(
        REGION_START, REGION_END, REFERENCE_START, REFERENCE_END
    )
    assert list(result.columns) == ["N", "P", "D", "delta"]
    assert result.loc["A"].tolist() == pytest.approx([20.0, -10.0, 10.0, 20.0])
    assert result.loc["B"].tolist() == pytest.approx([10.0, 5.0, 15.0, 30.0])


@pytest.mark.parametrize("seed", range(5))
def test_shift_share_components_add_up_to_the_change(seed):
    rng = np.random.default_rng(seed)
    start, end = random_sectors(rng), random_sectors(rng)
    ref_start, ref_end = random_sectors(rng, 1e5, 1e6), random_sectors(rng, 1e5, 1e6)
    result = economy.shift_share(start, end, ref_start, ref_end)
    total = result["N"] + result["P"] + result["D"]
    assert total.tolist() == pytest.approx(result["delta"].tolist(), rel=1e-12)
    assert result["delta"].tolist() == pytest.approx((end - start).tolist())


def test_shift_share_of_the_reference_itself_has_no_shift():
    rng = np.random.default_rng(7)
    start, end = random_sectors(rng), random_sectors(rng)
    result = economy.shift_share(start, end, start, end)
    assert result["D"].tolist() == pytest.approx([0.0] * 17, abs=1e-9)
    # Industry-mix shifts of the whole reference cancel out.
    assert result["P"].sum() == pytest.approx(0.0, abs=1e-9)
    assert result["N"].sum() == pytest.approx(end.sum() - start.sum())


def test_shift_share_of_a_sector_that_starts_at_zero():
    start = pd.Series({"A": 100.0, "B": 0.0})
    end = pd.Series({"A": 110.0, "B": 7.0})
    result = economy.shift_share(start, end, REFERENCE_START, REFERENCE_END)
    assert result.loc["B"].tolist() == pytest.approx([0.0, 0.0, 7.0, 7.0])


# Bad input


def test_sectors_missing_from_one_series_are_named():
    region = pd.Series({"A": 1.0, "B": 2.0, "M,N": 3.0}, name="halbar_2024")
    reference = pd.Series({"A": 1.0, "B": 2.0, "C": 3.0})
    assert raised(economy.location_quotient, region, reference) == (
        'region (kolom "halbar_2024") dan reference tidak memuat lapangan '
        'usaha yang sama. Hanya di region (kolom "halbar_2024"): M,N. Hanya '
        "di reference: C. Pakai daftar lapangan usaha yang sama di semua "
        "masukan."
    )


def test_inputs_must_be_series():
    assert raised(economy.location_quotient, [1.0, 2.0], REFERENCE_START) == (
        "region harus berupa Series berindeks lapangan usaha (mis. kode A "
        "sampai R,S,T,U), bukan list. Untuk beberapa wilayah, hitung per "
        "kolom."
    )


def test_a_mapping_is_taken_as_a_series():
    result = economy.location_quotient({"A": 100.0, "B": 50.0}, REFERENCE_START)
    assert result.to_dict() == pytest.approx({"A": 4 / 3, "B": 2 / 3})


def test_empty_input():
    empty = pd.Series(dtype=float)
    args = (REGION_START, REGION_END, REFERENCE_START, empty)
    assert raised(economy.shift_share, *args) == (
        "reference_end kosong: tidak ada satu lapangan usaha pun."
    )


def test_missing_and_non_numeric_values():
    missing = pd.Series({"A": 1000.0, "B": np.nan})
    assert raised(economy.location_quotient, REGION_START, missing) == (
        "reference tidak punya nilai pada lapangan usaha B. Lengkapi "
        "nilainya (0 bila memang tidak ada kegiatan)."
    )
    text = pd.Series({"A": 1000.0, "B": "1.000"})
    assert raised(economy.location_quotient, REGION_START, text) == (
        "reference harus berisi angka, tetapi lapangan usaha B berisi "
        "'1.000'. Ubah teks menjadi angka di data sumbernya; \"1.000\" dalam "
        "tulisan Indonesia berarti seribu."
    )


def test_negative_value_added():
    negative = pd.Series({"A": 1000.0, "B": -3.5})
    assert raised(economy.location_quotient, REGION_START, negative) == (
        "reference tidak boleh negatif, tetapi lapangan usaha B bernilai "
        "-3,5. Periksa data PDRB-nya."
    )


def test_zero_total():
    zero = pd.Series({"A": 0.0, "B": 0.0}, name="pdrb_2024")
    assert raised(economy.location_quotient, zero, REFERENCE_START) == (
        'Jumlah region (kolom "pdrb_2024") atas semua lapangan usaha adalah '
        "0; harus lebih dari 0. Periksa apakah kolom yang dipakai benar."
    )


def test_zero_reference_sector_leaves_lq_undefined():
    reference = pd.Series({"A": 1000.0, "B": 0.0})
    assert raised(economy.location_quotient, REGION_START, reference) == (
        "reference bernilai 0 pada lapangan usaha B, sehingga LQ tidak "
        "terdefinisi di sana. Keluarkan lapangan usaha itu dari semua masukan."
    )


def test_zero_start_leaves_growth_undefined():
    start = pd.Series({"A": 100.0, "B": 0.0})
    message = raised(
        economy.dynamic_location_quotient,
        start,
        REGION_END,
        REFERENCE_START,
        REFERENCE_END,
        5,
    )
    assert message.startswith("region_start bernilai 0 pada lapangan usaha B")
    assert "DLQ tidak terdefinisi" in message
    reference = pd.Series({"A": 1000.0, "B": 0.0})
    message = raised(
        economy.shift_share, REGION_START, REGION_END, reference, REFERENCE_END
    )
    assert "shift-share tidak terdefinisi" in message


@pytest.mark.parametrize("years", [0, -5, "5", True, float("nan")])
def test_years_must_be_a_positive_number(years):
    message = raised(
        economy.dynamic_location_quotient,
        REGION_START,
        REGION_END,
        REFERENCE_START,
        REFERENCE_END,
        years,
    )
    assert message.startswith("years harus jumlah tahun antara data awal dan akhir")
    assert message.endswith(f"bukan {years!r}.")


def test_repeated_sectors_are_refused():
    region = pd.Series([1.0, 2.0], index=["A", "A"])
    assert raised(economy.location_quotient, region, REFERENCE_START) == (
        "region memuat lapangan usaha yang sama lebih dari sekali: A. Setiap "
        "lapangan usaha harus muncul tepat satu kali."
    )


def test_messages_in_english(monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    reference = pd.Series({"A": 1000.0, "B": 0.0})
    assert raised(economy.location_quotient, REGION_START, reference) == (
        "reference is 0 for sectors B, so LQ is undefined there. Leave those "
        "sectors out of every input."
    )


def test_import_is_light():
    code = (
        "import sys, lab_lib.economy; print(sorted({'matplotlib', "
        "'geopandas', 'scipy', 'pandera', 'folium'} & set(sys.modules)))"
    )
    out = subprocess.check_output([sys.executable, "-c", code], text=True)
    assert out.strip() == "[]"


def _for_year(values: pd.Series, year: int) -> pd.Series:
    """Sector values with their year in the index, as from a long table."""
    index = pd.MultiIndex.from_tuples(
        [(sector, year) for sector in values.index], names=["sektor", "tahun"]
    )
    return pd.Series(values.to_numpy(), index=index)


def test_shift_share_of_yearly_inputs_equals_the_plain_one():
    plain = economy.shift_share(
        REGION_START, REGION_END, REFERENCE_START, REFERENCE_END
    )
    yearly = economy.shift_share(
        _for_year(REGION_START, 2019),
        _for_year(REGION_END, 2024),
        _for_year(REFERENCE_START, 2019),
        _for_year(REFERENCE_END, 2024),
    )
    pd.testing.assert_frame_equal(yearly.rename_axis(None), plain)


def test_start_and_end_swapped_are_refused():
    with pytest.raises(DataValidationError, match="sesudah tahun awal"):
        economy.shift_share(
            _for_year(REGION_END, 2024),
            _for_year(REGION_START, 2019),
            _for_year(REFERENCE_END, 2024),
            _for_year(REFERENCE_START, 2019),
        )


def test_region_and_reference_of_different_years_are_refused():
    with pytest.raises(DataValidationError) as info:
        economy.location_quotient(
            _for_year(REGION_END, 2024), _for_year(REFERENCE_END, 2023)
        )
    assert "region 2024" in str(info.value) and "reference 2023" in str(info.value)


def test_dlq_years_must_match_the_data():
    with pytest.raises(DataValidationError, match="berjarak 5 tahun"):
        economy.dynamic_location_quotient(
            _for_year(REGION_START, 2019),
            _for_year(REGION_END, 2024),
            _for_year(REFERENCE_START, 2019),
            _for_year(REFERENCE_END, 2024),
            years=4,
        )
