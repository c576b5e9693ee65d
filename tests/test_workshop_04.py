"""The check of workshop notebook 04: the Williamson index and a Klassen quadrant."""

from __future__ import annotations

import pandas as pd
import pytest

from lab_lib import catalog, disparity
from lab_lib.workshop import lesson_04
from lab_lib.workshop.lesson_04 import LESSON_YEAR, REGION, YEAR, latihan_04

INDICATORS = ["pdrb_per_kapita_adhb", "jumlah_penduduk", "pertumbuhan_ekonomi"]


def table(year: int) -> pd.DataFrame:
    data = catalog.load("indikator", indikator=INDICATORS, tahun=year)
    return data.pivot(index="kode_wilayah", columns="indikator", values="nilai")


def index(rows: pd.DataFrame) -> float:
    return disparity.williamson(rows["pdrb_per_kapita_adhb"], rows["jumlah_penduduk"])


def quadrants(year: int, swapped: bool = False) -> pd.Series:
    rows = table(year)
    region, province = rows.drop(index="82"), rows.loc["82"]
    pairs = [
        (region["pertumbuhan_ekonomi"], province["pertumbuhan_ekonomi"]),
        (region["pdrb_per_kapita_adhb"], province["pdrb_per_kapita_adhb"]),
    ]
    if swapped:
        pairs.reverse()
    (growth, ref_growth), (per_capita, ref_per_capita) = pairs
    return disparity.klassen(
        growth, per_capita, ref_growth, ref_per_capita, in_percent=True
    )


@pytest.fixture(scope="module")
def right():
    return index(table(YEAR).drop(index="82")), int(quadrants(YEAR)[REGION])


def wrong(feedback, *words):
    text = str(feedback)
    assert feedback.benar is False, text
    for word in words:
        assert word in text, text
    return text


def test_the_right_answers_pass_in_every_accepted_form(right):
    iw, quadrant = right
    name = disparity.klassen_name(quadrant, "id")
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[quadrant]
    forms = [quadrant, str(quadrant), roman, name, name.upper(), f"{roman}. {name}"]
    forms += [f"Kuadran {roman}", quadrants(YEAR)[REGION], float(quadrant)]
    for form in forms:
        feedback = latihan_04(williamson=iw, kuadran=form)
        assert feedback.benar is True, (form, str(feedback))
    assert latihan_04(round(iw, 2), quadrant).benar is True
    assert latihan_04(pd.Series([iw]), quadrant).benar is True


def test_answers_left_as_dots_are_not_filled_in(right):
    iw, quadrant = right
    assert latihan_04(williamson=..., kuadran=quadrant).benar is None
    assert latihan_04(williamson=iw, kuadran=...).benar is None


def test_the_unweighted_coefficient_of_variation_is_named(right):
    _, quadrant = right
    rows = table(YEAR).drop(index="82")
    per_capita = rows["pdrb_per_kapita_adhb"]
    plain = disparity.williamson(per_capita, [1.0] * len(rows))
    wrong(latihan_04(plain, quadrant), "tanpa bobot penduduk")
    pandas_cv = per_capita.std() / per_capita.mean()
    wrong(latihan_04(pandas_cv, quadrant), "std() / mean()")


def test_the_province_row_counted_as_a_region_is_named(right):
    _, quadrant = right
    wrong(
        latihan_04(index(table(YEAR)), quadrant), "Baris provinsi", 'drop(index="82")'
    )


def test_swapped_arguments_of_williamson_are_named(right):
    _, quadrant = right
    rows = table(YEAR).drop(index="82")
    swapped = disparity.williamson(
        rows["jumlah_penduduk"], rows["pdrb_per_kapita_adhb"]
    )
    wrong(latihan_04(swapped, quadrant), "tertukar")


def test_another_year_is_named(right):
    _, quadrant = right
    lesson = index(table(LESSON_YEAR).drop(index="82"))
    wrong(latihan_04(lesson, quadrant), f"tahun {LESSON_YEAR}", f"tahun={YEAR}")


def test_total_grdp_growth_theil_and_a_region_left_out_are_named(right):
    _, quadrant = right
    rows = table(YEAR).drop(index="82")
    y, f = rows["pdrb_per_kapita_adhb"], rows["jumlah_penduduk"]
    wrong(latihan_04(disparity.williamson(y * f, f), quadrant), "PDRB total")
    growth = disparity.williamson(rows["pertumbuhan_ekonomi"], f)
    wrong(latihan_04(growth, quadrant), "pertumbuhan ekonomi")
    wrong(latihan_04(disparity.theil(y, f), quadrant), "Theil")
    without = disparity.williamson(y.drop("82.02"), f.drop("82.02"))
    wrong(latihan_04(without, quadrant), "Halmahera Tengah", "KECUALIKAN")


def test_an_index_units_do_not_matter_but_percent_text_and_tables_are_caught(right):
    iw, quadrant = right
    rows = table(YEAR).drop(index="82")
    in_rupiah = disparity.williamson(
        rows["pdrb_per_kapita_adhb"] * 1e6, rows["jumlah_penduduk"]
    )
    assert latihan_04(in_rupiah, quadrant).benar is True
    wrong(latihan_04(100 * iw, quadrant), "persen")
    wrong(latihan_04(f"{iw:.2f}".replace(".", ","), quadrant), "teks")
    trend = pd.Series({YEAR - 1: 0.4, YEAR: iw})
    wrong(latihan_04(trend, quadrant), "tabel", f'set_index("tahun").loc[{YEAR}')
    wrong(latihan_04(None, quadrant), "None")
    wrong(latihan_04(True, quadrant), "True/False")
    wrong(latihan_04(-iw, quadrant), "0 atau lebih")
    wrong(latihan_04(iw + 0.3, quadrant), "belum tepat")


def test_swapped_growth_and_per_capita_in_klassen_are_named(right):
    iw, quadrant = right
    swapped = int(quadrants(YEAR, swapped=True)[REGION])
    assert swapped != quadrant  # the exercise region must be in quadrant II or III
    wrong(latihan_04(iw, swapped), "tertukar", "pertumbuhan wilayah")


def test_the_quadrant_of_another_year_is_named(right):
    iw, quadrant = right
    lesson = int(quadrants(LESSON_YEAR)[REGION])
    assert lesson != quadrant
    wrong(latihan_04(iw, lesson), f"tahun {LESSON_YEAR}", f"tahun {YEAR}")


def test_a_quadrant_against_the_mean_of_the_regions_is_named(right, monkeypatch):
    # Halmahera Selatan: above the province on both, but below the mean of the
    # ten kabupaten/kota on per capita, which Halmahera Tengah pulls up.
    monkeypatch.setattr(lesson_04, "REGION", "82.04")
    rows = table(YEAR).drop(index="82")
    growth, per_capita = rows["pertumbuhan_ekonomi"], rows["pdrb_per_kapita_adhb"]
    against_mean = disparity.klassen(
        growth, per_capita, growth.mean(), per_capita.mean(), in_percent=True
    )
    other = int(against_mean["82.04"])
    assert other != int(quadrants(YEAR)["82.04"])
    wrong(latihan_04(right[0], other), "rata-rata", "provinsi")


def test_a_whole_table_or_an_unknown_quadrant_is_caught(right):
    iw, _ = right
    wrong(latihan_04(iw, quadrants(YEAR)), "tabel", f'loc["{REGION}"]')
    wrong(latihan_04(iw, 5), "bukan salah satu kuadran")
    wrong(latihan_04(iw, "Sangat maju"), "bukan salah satu kuadran")
    wrong(latihan_04(iw, None), "None")
