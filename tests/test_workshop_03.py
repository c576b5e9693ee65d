"""The check of workshop notebook 03: a choropleth of one indicator, saved twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from lab_lib import catalog, maps
from lab_lib.workshop import lesson_03
from lab_lib.workshop.lesson_03 import INDICATOR, SCHEME, YEAR, K, latihan_03


@pytest.fixture(scope="module")
def wilayah():
    return catalog.load("wilayah_kabkota")


def joined(wilayah, indicator=INDICATOR, year=YEAR, **how):
    filters = {"indikator": indicator} | ({} if year is None else {"tahun": year})
    table = catalog.load("indikator", **filters)
    return wilayah.merge(table, left_on="kode", right_on="kode_wilayah", **how)


def drawn(data, scheme=SCHEME, **options):
    if scheme == SCHEME and "k" not in options:
        options["k"] = K
    return maps.thematic_map(data, "nilai", title="Latihan", scheme=scheme, **options)


@pytest.fixture(scope="module")
def peta(wilayah):
    return drawn(joined(wilayah))


def saved(peta, folder: Path) -> tuple[Path, Path]:
    return (
        peta.save_html(folder / lesson_03.FOLDER / "latihan_03.html"),
        peta.save_png(folder / lesson_03.FOLDER / "latihan_03.png"),
    )


def wrong(feedback, *words):
    text = str(feedback)
    assert feedback.benar is False, text
    for word in words:
        assert word in text, text
    return text


def test_the_right_map_and_files_pass(peta, tmp_path):
    feedback = latihan_03(peta, *saved(peta, tmp_path))
    assert feedback.benar is True, str(feedback)
    assert f"{INDICATOR}` tahun {YEAR}" in feedback.lines[2].text


def test_an_answer_left_as_dots_is_not_filled_in(peta, tmp_path):
    assert latihan_03(..., ..., ...).benar is None
    html, _ = saved(peta, tmp_path)
    assert latihan_03(peta, html, ...).benar is None


def test_a_table_or_one_twin_is_not_the_map(wilayah, peta, tmp_path):
    files = saved(peta, tmp_path)
    wrong(latihan_03(joined(wilayah), *files), "tabel")
    wrong(latihan_03(peta.figure, *files), "statis")
    wrong(latihan_03(peta.folium, *files), "interaktif")
    wrong(latihan_03(str(files[0]), *files), "nama file")


def test_another_year_is_named(wilayah, tmp_path):
    other = drawn(joined(wilayah, year=YEAR + 1))
    wrong(latihan_03(other, *saved(other, tmp_path)), f"tahun {YEAR + 1}")


def test_another_indicator_is_named(wilayah, tmp_path):
    other = drawn(joined(wilayah, indicator="ipm"))
    wrong(latihan_03(other, *saved(other, tmp_path)), "indikator ipm")


def test_the_default_number_of_classes_is_caught(wilayah, tmp_path):
    other = maps.thematic_map(joined(wilayah), "nilai", title="Latihan", scheme=SCHEME)
    text = wrong(latihan_03(other, *saved(other, tmp_path)), "5 kelas", f"k={K}")
    assert "Datanya benar" in text


def test_another_scheme_is_named(wilayah, tmp_path):
    other = drawn(joined(wilayah), scheme="natural_breaks", k=K)
    text = wrong(latihan_03(other, *saved(other, tmp_path)), "natural breaks")
    assert f'scheme="{SCHEME}", k={K}' in text


def test_a_category_map_of_numbers_is_caught(wilayah, tmp_path):
    data = joined(wilayah).assign(nilai=lambda d: d["nilai"].round(-1).astype(str))
    other = maps.thematic_map(data, "nilai", title="Latihan", scheme="categories")
    wrong(latihan_03(other, *saved(other, tmp_path)), "kategori")


def test_years_left_mixed_are_caught(wilayah, tmp_path):
    other = drawn(joined(wilayah, year=None))
    wrong(latihan_03(other, *saved(other, tmp_path)), "beberapa tahun", "tahun=")


def test_regions_lost_in_the_join_are_listed(wilayah, tmp_path):
    other = drawn(joined(wilayah).iloc[:7])
    text = wrong(latihan_03(other, *saved(other, tmp_path)), "7 dari 10", "kode")
    assert "Kota Ternate" in text


def test_regions_without_a_value_are_caught(wilayah, tmp_path):
    table = catalog.load("indikator", indikator=INDICATOR, tahun=YEAR)
    table = table[table["kode_wilayah"] != "82.05"]
    data = wilayah.merge(table, left_on="kode", right_on="kode_wilayah", how="left")
    other = drawn(data)
    wrong(latihan_03(other, *saved(other, tmp_path)), "Kepulauan Sula", "abu-abu")


def test_values_pasted_by_position_are_caught(wilayah, tmp_path):
    data = joined(wilayah)
    data["nilai"] = data["nilai"].to_numpy()[::-1]
    other = drawn(data)
    wrong(latihan_03(other, *saved(other, tmp_path)), "menempel")


def test_files_missing_empty_swapped_or_elsewhere_are_caught(peta, tmp_path):
    html, png = saved(peta, tmp_path)
    wrong(latihan_03(peta, tmp_path / "karya" / "tidak_ada.html", png), "tidak ada")
    empty = tmp_path / "karya" / "kosong.png"
    empty.write_bytes(b"")
    wrong(latihan_03(peta, html, empty), "kosong")
    wrong(latihan_03(peta, png, html), "tertukar")
    wrong(latihan_03(peta, html, peta), "bukan nama file")
    elsewhere = peta.save_png(tmp_path / "lain" / "latihan_03.png")
    wrong(latihan_03(peta, html, elsewhere), "karya/")


def test_files_of_another_map_are_caught(wilayah, peta, tmp_path):
    other = drawn(joined(wilayah, year=YEAR + 1))
    other_html, other_png = saved(other, tmp_path / "lain")
    html, png = saved(peta, tmp_path)
    wrong(latihan_03(peta, other_html, png), "peta lain")
    wrong(latihan_03(peta, html, other_png), "peta lain")
