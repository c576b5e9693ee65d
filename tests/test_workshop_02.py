"""Notebook 02: the sample agency files and the check of the cleaned table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from lab_lib import submissions
from lab_lib.workshop import agency_files
from lab_lib.workshop.lesson_02 import COLUMNS, VALUE_COLUMNS, latihan_02

NEW_NAMES = {
    "kabupaten_kota": "nama",
    "panjang_jalan_km": "panjang_km",
    "kondisi_jalan_baik_km": "baik_km",
    "kondisi_jalan_sedang_km": "sedang_km",
    "kondisi_jalan_rusak_ringan_km": "rusak_ringan_km",
    "kondisi_jalan_rusak_berat_km": "rusak_berat_km",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return agency_files.generate(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def raw(files):
    """The workbook read, columns renamed, nothing else cleaned yet."""
    table = submissions.read_table(files[0])
    return table.rename(columns=submissions.column_name).rename(columns=NEW_NAMES)


@pytest.fixture
def answer(raw):
    """The right answer, made with the lab_lib functions the lesson teaches."""
    table = submissions.drop_totals(raw, "nama")
    for column in VALUE_COLUMNS:
        table[column] = submissions.parse_numbers(table[column])
    table["kode"] = submissions.region_codes(table["nama"], table["kode_wilayah"])
    return table[list(COLUMNS)].copy()


def said(feedback):
    return str(feedback)


# The sample files -----------------------------------------------------------


def test_the_files_are_the_same_on_every_run(tmp_path, files):
    again = agency_files.generate(tmp_path)
    assert [p.name for p in again] == [p.name for p in files]
    for first, second in zip(files, again, strict=True):
        assert first.read_bytes() == second.read_bytes()


def test_the_workbook_says_plainly_that_it_is_sample_data(files):
    assert files[0].name.startswith("CONTOH_")
    book = load_workbook(files[0])
    assert all("CONTOH" in name for name in book.sheetnames)
    sheet = book.worksheets[0]
    titles = " ".join(str(sheet.cell(r, 1).value) for r in (1, 2, 3))
    assert "DATA CONTOH / SAMPEL — bukan data resmi" in titles


def test_the_workbook_has_the_mess_the_lesson_cleans(files):
    sheet = load_workbook(files[0]).worksheets[0]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A5:A6", "D5:D6", "E5:H5", "A19:C19"} <= merged
    names = [sheet.cell(r, 3).value for r in range(8, 19) if r != 13]
    assert len({n.strip() for n in names}) == 10 and "Kepsul" in names
    assert sheet.cell(10, 2).value == 8205 and sheet.cell(12, 2).value == 8203
    assert sheet.cell(11, 4).value == "1.340,89"
    assert all(sheet.cell(13, c).value is None for c in range(1, 9))
    assert sheet.cell(19, 1).value == "JUMLAH"


def test_the_workbook_totals_are_the_catalog_totals(raw):
    expected = agency_files.road_conditions()
    totals = submissions.parse_numbers(raw.loc[19, list(VALUE_COLUMNS)])
    assert totals.to_numpy() == pytest.approx(
        expected[list(VALUE_COLUMNS)].sum().to_numpy()
    )


def test_the_csv_is_windows_1252_with_semicolons_and_bps_codes(files):
    data = files[1].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    table = submissions.read_table(files[1]).rename(columns=submissions.column_name)
    table = submissions.drop_totals(table, "kabupaten_kota")
    codes = submissions.region_codes(None, table["kode_bps"], scheme="bps")
    named = submissions.region_codes(table["kabupaten_kota"], table["kode_bps"])
    assert codes.tolist() == named.tolist()
    expected = agency_files.water_sanitation().drop(index="82")
    water = submissions.parse_numbers(table["akses_air_minum_layak_pct"])
    assert water.to_numpy() == pytest.approx(
        expected.loc[codes, "akses_air_minum_layak"].to_numpy()
    )


def test_ensure_makes_missing_files_only(tmp_path):
    made = agency_files.ensure(tmp_path)
    stamps = [p.stat().st_mtime_ns for p in made]
    assert agency_files.ensure(tmp_path) == made
    assert [p.stat().st_mtime_ns for p in made] == stamps
    made[1].unlink()
    assert agency_files.ensure(tmp_path) == made
    assert all(p.is_file() for p in made)


def test_the_command_writes_into_the_folder_given(tmp_path, capsys):
    assert agency_files.main([str(tmp_path / "baru")]) == 0
    assert (tmp_path / "baru" / agency_files.ROAD_WORKBOOK).is_file()
    assert "Ditulis" in capsys.readouterr().out


def test_the_default_folder_is_the_workshop_data_folder():
    assert agency_files.DEFAULT_FOLDER.parts[-3:] == ("notebooks", "workshop", "data")
    assert (agency_files.DEFAULT_FOLDER / "README.md").is_file()


# The check --------------------------------------------------------------------


def test_the_right_answer_is_right(answer):
    feedback = latihan_02(answer)
    assert feedback.benar is True, said(feedback)
    assert "cocok dengan file sumber" in said(feedback)


def test_equivalent_answers_are_right(answer):
    with_index = answer.set_index("kode")
    assert latihan_02(with_index).benar is True
    official = answer.assign(
        nama=[f"Kabupaten {n}" if n == "Taliabu" else n for n in answer["nama"]],
        keterangan="ok",
    )
    assert latihan_02(official.iloc[::-1]).benar is True


def test_an_answer_left_out_is_not_filled_in():
    feedback = latihan_02(...)
    assert feedback.benar is None
    assert "BELUM DIISI" in said(feedback)


@pytest.mark.parametrize(
    ("value", "keyword"),
    [(42, "int"), ("data/jalan.xlsx", "teks"), (None, "NoneType")],
)
def test_an_answer_that_is_not_a_table(value, keyword):
    feedback = latihan_02(value)
    assert feedback.benar is False
    assert keyword in said(feedback)


def test_a_single_column(answer):
    feedback = latihan_02(answer["panjang_km"])
    assert feedback.benar is False and "Series" in said(feedback)


def test_an_empty_table(answer):
    feedback = latihan_02(answer.iloc[0:0])
    assert feedback.benar is False and "kosong" in said(feedback)


def test_the_totals_row_left_in(raw, answer):
    totals = raw.loc[[19]].rename(columns={"kode_wilayah": "kode"})
    for column in VALUE_COLUMNS:
        totals[column] = submissions.parse_numbers(totals[column])
    feedback = latihan_02(pd.concat([answer, totals[list(COLUMNS)]]))
    assert feedback.benar is False
    assert "JUMLAH" in said(feedback) and "11 baris" in said(feedback)
    assert "drop_totals" in said(feedback)


def test_a_blank_row_left_in(answer):
    blank = pd.DataFrame([[np.nan] * len(COLUMNS)], columns=list(COLUMNS), index=[13])
    feedback = latihan_02(pd.concat([answer, blank]).sort_index())
    assert feedback.benar is False and "baris kosong" in said(feedback)


def test_numbers_still_text(raw, answer):
    text = answer.assign(baik_km=raw["baik_km"].astype(str))
    feedback = latihan_02(text)
    assert feedback.benar is False
    assert "masih berisi teks" in said(feedback) and "parse_numbers" in said(feedback)
    assert "`baik_km`" in str(feedback.lines)


def test_numbers_lost_by_coercion(answer):
    feedback = latihan_02(
        answer.assign(sedang_km=answer["sedang_km"].where(answer["kode"] != "82.04"))
    )
    assert feedback.benar is False and "nilai kosong" in said(feedback)


@pytest.mark.parametrize("factor", [10, 100, 1000])
def test_decimal_commas_read_as_thousands(answer, factor):
    wrong = answer.copy()
    wrong.loc[wrong.index[:6], "baik_km"] *= factor
    feedback = latihan_02(wrong)
    assert feedback.benar is False
    assert f"{factor:,}".replace(",", ".") + " kali terlalu besar" in said(feedback)
    assert "koma desimal" in said(feedback)


def test_thousand_dots_read_as_decimals(answer):
    wrong = answer.copy()
    wrong.loc[wrong["panjang_km"] > 1000, "panjang_km"] /= 1000
    feedback = latihan_02(wrong)
    assert feedback.benar is False and "terlalu kecil" in said(feedback)


def test_a_kabupaten_twice(answer):
    wrong = pd.concat([answer, answer.iloc[[0]]])
    feedback = latihan_02(wrong)
    assert feedback.benar is False and "lebih dari sekali" in said(feedback)


def test_a_kabupaten_missing(answer):
    feedback = latihan_02(answer[answer["kode"] != "82.07"])
    assert feedback.benar is False
    assert "Belum ada" in said(feedback) and "Pulau Morotai" in said(feedback)


def test_another_region(answer):
    wrong = answer.copy()
    wrong.loc[wrong.index[0], ["kode", "nama"]] = ["82.09", "Maluku Utara Raya"]
    feedback = latihan_02(wrong)
    assert feedback.benar is False and "bukan kode kabupaten/kota" in said(feedback)


def test_codes_left_as_in_the_file(raw, answer):
    feedback = latihan_02(answer.assign(kode=raw["kode_wilayah"]))
    assert feedback.benar is False
    assert "Kemendagri bertitik" in said(feedback) and "region_codes" in said(feedback)


def test_bps_codes_read_as_kemendagri_codes(answer):
    swapped = answer["kode"].replace({"82.03": "82.05", "82.05": "82.03"})
    feedback = latihan_02(answer.assign(kode=swapped))
    assert feedback.benar is False
    assert "tidak cocok" in said(feedback) and "kode BPS" in said(feedback)


def test_halmahera_utara_and_sula_swapped_with_their_names(answer):
    swapped = answer["kode"].replace({"82.03": "82.05", "82.05": "82.03"})
    names = swapped.map({"82.03": "Halmahera Utara", "82.05": "Kepulauan Sula"})
    wrong = answer.assign(kode=swapped, nama=names.fillna(answer["nama"]))
    feedback = latihan_02(wrong)
    assert feedback.benar is False and "tertukar" in said(feedback)


def test_a_name_that_does_not_match_its_code(answer):
    wrong = answer.assign(nama=answer["nama"].replace({"Kota Ternate": "Kota Tidore"}))
    feedback = latihan_02(wrong)
    assert feedback.benar is False
    assert "tidak cocok" in said(feedback) and "kode BPS" not in said(feedback)
    assert "Kota Tidore" in said(feedback)


def test_long_column_names_left(answer):
    wrong = answer.rename(columns={"baik_km": "kondisi_jalan_baik_km"})
    feedback = latihan_02(wrong)
    assert feedback.benar is False
    assert '"kondisi_jalan_baik_km": "baik_km"' in said(feedback)


def test_raw_column_names_left(answer):
    wrong = answer.rename(columns={"rusak_berat_km": "Kondisi Jalan Rusak Berat (km)"})
    feedback = latihan_02(wrong)
    assert feedback.benar is False and "rename" in said(feedback)


def test_columns_of_another_kind(answer):
    feedback = latihan_02(answer.rename(columns={"nama": "x", "panjang_km": "y"}))
    assert feedback.benar is False and "harus persis" in said(feedback)


def test_no_code_column(answer):
    feedback = latihan_02(answer.drop(columns="kode"))
    assert feedback.benar is False and "region_codes" in said(feedback)


def test_a_value_that_differs_from_the_file(answer):
    wrong = answer.copy()
    wrong.loc[wrong["kode"] == "82.71", "rusak_ringan_km"] += 5
    feedback = latihan_02(wrong)
    assert feedback.benar is False
    assert "tidak cocok dengan file sumber" in said(feedback)
    assert "Ternate" in said(feedback) and "rusak_ringan_km" in said(feedback)
