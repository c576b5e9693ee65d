"""Reading and cleaning agency (OPD) spreadsheets: lab_lib.submissions."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from openpyxl import Workbook

from lab_lib import submissions
from lab_lib.errors import DataValidationError, RegionError
from lab_lib.messages import set_language
from lab_lib.workshop import agency_files

RAW_NAMES = [
    "No.",
    "Kode Wilayah",
    "Kabupaten/Kota",
    "Panjang Jalan (km)",
    "Kondisi Jalan Baik (km)",
    "Kondisi Jalan Sedang (km)",
    "Kondisi Jalan Rusak Ringan (km)",
    "Kondisi Jalan Rusak Berat (km)",
]


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory):
    return agency_files.generate(tmp_path_factory.mktemp("opd"))


@pytest.fixture(scope="module")
def road_table(sample_files):
    return submissions.read_table(sample_files[0])


def write_csv(folder, text, encoding="utf-8", name="tabel.csv"):
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


# read_table: the PUPR workbook ---------------------------------------------


def test_the_header_below_the_titles_is_found_and_flattened(road_table):
    assert list(road_table.columns) == RAW_NAMES
    assert road_table.attrs["header_rows"] == [5, 6]
    assert road_table.attrs["sheet"] == "Kondisi Jalan 2024 (CONTOH)"


def test_each_data_row_keeps_its_spreadsheet_row_number(road_table):
    assert road_table.index.name == "baris"
    # Row 7 numbers the columns, row 13 is blank, row 19 is JUMLAH.
    assert road_table.index.tolist() == [8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19]
    assert road_table.loc[14, "Kabupaten/Kota"] == "Kab. Halmahera Timur"
    assert road_table.loc[19, "Kabupaten/Kota"] == "JUMLAH"


def test_text_is_stripped_and_values_are_kept_as_written(road_table):
    assert road_table.loc[10, "Kabupaten/Kota"] == "Halmahera Utara"
    assert road_table.loc[11, "Panjang Jalan (km)"] == "1.340,89"
    assert road_table.loc[10, "Kode Wilayah"] == 8205


def test_the_note_below_the_table_is_set_aside(road_table):
    (note,) = road_table.attrs["notes"]
    assert note.startswith("Sumber:") and "bukan data resmi" in note
    assert not road_table["Kabupaten/Kota"].str.startswith("Sumber").any()


def test_a_sheet_is_chosen_by_name_or_position(sample_files):
    by_name = submissions.read_table(sample_files[0], "Kondisi Jalan 2024 (CONTOH)")
    by_position = submissions.read_table(sample_files[0], 0)
    pd.testing.assert_frame_equal(by_name, by_position)


def test_an_unknown_sheet_lists_the_sheets_there_are(sample_files):
    with pytest.raises(DataValidationError, match="CATATAN - DATA CONTOH") as error:
        submissions.read_table(sample_files[0], "Jalan")
    assert error.value.key == "submission.unknown_sheet"


def test_a_sheet_without_a_table_is_refused(sample_files):
    with pytest.raises(DataValidationError, match="header_rows") as error:
        submissions.read_table(sample_files[0], "CATATAN - DATA CONTOH")
    assert error.value.key == "submission.no_table"


def test_the_first_sheet_with_a_table_is_used(tmp_path):
    book = Workbook()
    book.active.title = "Sampul"
    book.active["A1"] = "Laporan tahunan"
    data = book.create_sheet("Data")
    for row in (["Wilayah", "Nilai"], ["Halbar", "1,5"], ["Halut", "2,5"]):
        data.append(row)
    book.save(tmp_path / "buku.xlsx")
    table = submissions.read_table(tmp_path / "buku.xlsx")
    assert table.attrs["sheet"] == "Data"
    assert table.index.tolist() == [2, 3]


def test_unmerged_cells_below_a_vertical_merge_take_its_header(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet["A2"], sheet["B2"], sheet["C3"], sheet["D3"] = (
        "Wilayah",
        "Anggaran",
        "Pagu",
        "Realisasi",
    )
    sheet["B3"] = "(Rp juta)"
    sheet.merge_cells("A2:A3")
    sheet["C2"] = "Fisik (%)"
    sheet.merge_cells("C2:D2")
    sheet.append(["Halbar", "1.500", "80", "75"])
    book.save(tmp_path / "a.xlsx")
    table = submissions.read_table(tmp_path / "a.xlsx")
    assert list(table.columns) == [
        "Wilayah",
        "Anggaran (Rp juta)",
        "Fisik Pagu (%)",
        "Fisik Realisasi (%)",
    ]
    assert table.index.tolist() == [4]


# read_table: CSV -----------------------------------------------------------


def test_a_windows_1252_csv_with_semicolons_is_read(sample_files):
    table = submissions.read_table(sample_files[1])
    assert list(table.columns) == [
        "Kabupaten/Kota",
        "Kode BPS",
        "Jumlah Penduduk (jiwa)",
        "Akses Air Minum Layak (%)",
        "Akses Sanitasi Layak (%)",
    ]
    assert len(table) == 11
    assert table.index[0] == 5 and table.iloc[-1, 0] == "Provinsi Maluku Utara"


def test_windows_1252_characters_are_decoded(tmp_path):
    text = "Wilayah;Nilai (%)\r\nHalbar;12,5\r\nTernate;7\r\nCatatan – data contoh;\r\n"
    path = write_csv(tmp_path, text, "cp1252")
    assert submissions.read_table(path).attrs["notes"] == ["Catatan – data contoh"]


def test_a_utf8_csv_with_a_byte_order_mark_is_read(tmp_path):
    path = write_csv(
        tmp_path, "Wilayah,Luas (km²)\nTernate,162\nTidore,1703\n", "utf-8-sig"
    )
    table = submissions.read_table(path)
    assert list(table.columns) == ["Wilayah", "Luas (km²)"]
    assert table.index.tolist() == [2, 3]


def test_commas_inside_quotes_do_not_fool_the_delimiter(tmp_path):
    text = (
        'Wilayah,Panjang (km),Baik (km)\n"Halbar","1.234,5","12,5"\n'
        '"Halut","7,25","3"\n'
    )
    table = submissions.read_table(write_csv(tmp_path, text))
    assert table.loc[2, "Panjang (km)"] == "1.234,5"
    assert list(table.columns) == ["Wilayah", "Panjang (km)", "Baik (km)"]


def test_semicolons_are_chosen_over_decimal_commas(tmp_path):
    text = (
        "Judul;;\n;;\nWilayah;Panjang (km);Baik (km)\n"
        "Halbar;519,19;203,63\nHalut;858,57;363,35\n"
    )
    table = submissions.read_table(write_csv(tmp_path, text))
    assert table.loc[4, "Baik (km)"] == "203,63"


def test_a_group_title_written_once_spans_its_columns(tmp_path):
    text = (
        "Wilayah;Panjang (km);Kondisi Jalan (km);;\n"
        ";;Baik;Sedang;Rusak\n"
        "(1);(2);(3);(4);(5)\n"
        "Halbar;10;5;3;2\n"
    )
    table = submissions.read_table(write_csv(tmp_path, text))
    assert list(table.columns) == [
        "Wilayah",
        "Panjang (km)",
        "Kondisi Jalan Baik (km)",
        "Kondisi Jalan Sedang (km)",
        "Kondisi Jalan Rusak (km)",
    ]
    assert table.index.tolist() == [4]


def test_years_as_column_headers_stay_in_the_header(tmp_path):
    text = "Wilayah;Panjang (km);\n;2023;2024\nHalbar;10,5;11\nHalut;7;8,25\n"
    table = submissions.read_table(write_csv(tmp_path, text))
    assert list(table.columns) == ["Wilayah", "Panjang 2023 (km)", "Panjang 2024 (km)"]


def test_blank_columns_go_and_unnamed_or_repeated_ones_get_a_name(tmp_path):
    text = "Wilayah;;Nilai;Nilai;\nHalbar;;1;2;x\nHalut;;3;4;y\n"
    table = submissions.read_table(write_csv(tmp_path, text))
    assert list(table.columns) == ["Wilayah", "Nilai", "Nilai 2", "Kolom E"]


def test_blank_rows_and_a_section_label_may_follow_the_header(tmp_path):
    text = "Wilayah;Panjang (km)\n(1);(2)\n;\nA. KABUPATEN;\nHalbar;10,5\nHalut;7\n"
    table = submissions.read_table(write_csv(tmp_path, text))
    assert list(table.columns) == ["Wilayah", "Panjang (km)"]
    assert table.index.tolist() == [4, 5, 6]
    assert table.loc[4, "Wilayah"] == "A. KABUPATEN"


def test_columns_only_a_wide_title_reaches_are_dropped(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "Judul yang lebar"
    sheet.merge_cells("A1:F1")
    for row in (["Wilayah", "Nilai"], ["Halbar", 1], ["Halut", 2]):
        sheet.append(row)
    book.save(tmp_path / "lebar.xlsx")
    table = submissions.read_table(tmp_path / "lebar.xlsx")
    assert list(table.columns) == ["Wilayah", "Nilai"]


def test_a_lone_name_at_the_end_is_data_not_a_note(tmp_path):
    text = (
        "Wilayah;Panjang (km)\nHalbar;10,5\nTaliabu;\nKeterangan: - tidak ada data;\n"
    )
    table = submissions.read_table(write_csv(tmp_path, text))
    assert table["Wilayah"].tolist() == ["Halbar", "Taliabu"]
    assert table.attrs["notes"] == ["Keterangan: - tidak ada data"]


def test_the_number_of_header_rows_can_be_given(tmp_path):
    text = "Kode;Nama\n8201;Halbar\n8202;Halteng\n"
    table = submissions.read_table(write_csv(tmp_path, text), header_rows=1)
    assert list(table.columns) == ["Kode", "Nama"]
    assert table.index.tolist() == [2, 3]


def test_a_table_without_figures_takes_its_first_row_as_header(tmp_path):
    table = submissions.read_table(
        write_csv(tmp_path, "Nama;Ibu kota\nHalbar;Jailolo\n")
    )
    assert list(table.columns) == ["Nama", "Ibu kota"] and len(table) == 1


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("lama.xls", b"\xd0\xcf\x11\xe0", "submission.bad_format"),
        ("rusak.xlsx", b"bukan zip", "submission.unreadable"),
        ("kosong.csv", b"", "submission.no_table"),
        ("judul.csv", b"Judul saja\n\n", "submission.no_table"),
    ],
)
def test_files_that_cannot_be_used_are_refused_with_their_path(
    tmp_path, name, content, key
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataValidationError) as error:
        submissions.read_table(path)
    assert error.value.key == key
    assert name in str(error.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DataValidationError, match="tidak ditemukan"):
        submissions.read_table(tmp_path / "tidak_ada.xlsx")


# column_name ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Panjang (km)", "panjang_km"),
        ("PANJANG JALAN (Km)", "panjang_jalan_km"),
        ("Kondisi Jalan Baik (km)", "kondisi_jalan_baik_km"),
        ("Kabupaten/Kota", "kabupaten_kota"),
        ("No.", "no"),
        ("Luas (km²)", "luas_km2"),
        ("Akses Air Minum Layak (%)", "akses_air_minum_layak_pct"),
        ("Kemantapan %", "kemantapan_pct"),
        ("Anggaran (Rp juta)", "anggaran_rp_juta"),
        ("  Jumlah   Penduduk (jiwa) ", "jumlah_penduduk_jiwa"),
        ("Panjang km (km)", "panjang_km"),
        ("Kecamatan Lolodà", "kecamatan_loloda"),
        ("2024", "2024"),
        ("", "kolom"),
        (None, "kolom"),
    ],
)
def test_column_name(header, expected):
    assert submissions.column_name(header) == expected


# parse_numbers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1.234,5", 1234.5),
        ("12,5", 12.5),
        ("1.234", 1234.0),
        ("1.234.567,89", 1234567.89),
        ("1,234.5", 1234.5),
        ("0.75", 0.75),
        ("12.5", 12.5),
        ("-3,2", -3.2),
        ("12,5 km", 12.5),
        ("45%", 45.0),
        ("45 %", 45.0),
        ("Rp 1.500.000", 1500000.0),
        ("12,5 m2", 12.5),
        ("1 234,5", 1234.5),
        ("\u00a01.340,89\u00a0", 1340.89),
        (7, 7.0),
        (105.79, 105.79),
    ],
)
def test_parse_numbers_reads_indonesian_writing(written, expected):
    (value,) = submissions.parse_numbers(pd.Series([written])).tolist()
    assert value == pytest.approx(expected)


@pytest.mark.parametrize("blank", ["", "  -  ", "-", "–", None, math.nan])
def test_blank_cells_and_dashes_become_missing(blank):
    (value,) = submissions.parse_numbers(pd.Series([blank], dtype=object)).tolist()
    assert math.isnan(value)


def test_parse_numbers_keeps_index_and_name():
    series = pd.Series(["1,5", "2"], index=[14, 15], name="baik_km")
    parsed = submissions.parse_numbers(series)
    assert parsed.index.tolist() == [14, 15] and parsed.name == "baik_km"
    assert parsed.dtype == float


@pytest.mark.parametrize("bad", ["dua belas", "12,5,3", "1.23.4", "12 abc 3", True])
def test_what_is_not_a_number_is_refused(bad):
    with pytest.raises(DataValidationError):
        submissions.parse_numbers(pd.Series(["1", bad], dtype=object))


def test_the_refusal_names_column_row_value_and_what_to_do():
    series = pd.Series(["12,5", "dua belas"], index=[13, 14], name="baik_km")
    with pytest.raises(DataValidationError) as error:
        submissions.parse_numbers(series)
    message = str(error.value)
    assert 'Kolom "baik_km"' in message
    assert 'baris 14 ("dua belas")' in message
    assert "Perbaiki sel itu" in message
    assert "baris 13" not in message


def test_every_unreadable_row_is_listed():
    series = pd.Series(["x", "1", "y"], index=[8, 9, 10], name="panjang_km")
    with pytest.raises(DataValidationError, match=r"2 nilai .*baris 8 .*baris 10"):
        submissions.parse_numbers(series)


def test_the_refusal_speaks_english_when_asked():
    set_language("en")
    with pytest.raises(DataValidationError, match=r'row 14 \("abc"\)'):
        submissions.parse_numbers(pd.Series(["abc"], index=[14], name="x"))


def test_the_workbook_figures_all_parse(road_table):
    for column in RAW_NAMES[3:]:
        parsed = submissions.parse_numbers(road_table[column])
        assert parsed.notna().all()
    assert submissions.parse_numbers(road_table["Kondisi Jalan Rusak Berat (km)"])[
        17
    ] == pytest.approx(43.15)


# drop_totals ---------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "Jumlah",
        "JUMLAH",
        "Total",
        "JUMLAH TOTAL",
        "Jumlah/Total",
        "Sub Total",
        "Subtotal",
        "Grand Total",
        "Provinsi",
        "Prov. Maluku Utara",
        "Provinsi Maluku Utara",
        "Maluku Utara",
    ],
)
def test_totals_rows_are_dropped(label):
    frame = pd.DataFrame({"wilayah": ["Halbar", label, "Ternate"]}, index=[8, 9, 10])
    kept = submissions.drop_totals(frame, "wilayah")
    assert kept["wilayah"].tolist() == ["Halbar", "Ternate"]
    assert kept.attrs["dropped_totals"] == [9]


@pytest.mark.parametrize(
    "label", ["Halmahera Utara", "Kota Ternate", "Kepulauan Sula", "", None, 12.0]
)
def test_other_rows_are_kept(label):
    frame = pd.DataFrame({"wilayah": ["Halbar", label]}, dtype=object)
    kept = submissions.drop_totals(frame, "wilayah")
    assert len(kept) == 2 and kept.attrs["dropped_totals"] == []


def test_drop_totals_leaves_the_input_and_its_notes_alone(road_table):
    kept = submissions.drop_totals(road_table, "Kabupaten/Kota")
    assert len(road_table) == 11 and len(kept) == 10
    assert kept.attrs["dropped_totals"] == [19]
    assert kept.attrs["notes"] == road_table.attrs["notes"]


def test_drop_totals_names_a_missing_column():
    with pytest.raises(DataValidationError, match=r'"nama".*wilayah'):
        submissions.drop_totals(pd.DataFrame({"wilayah": ["Halbar"]}), "nama")


# region_codes --------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "Kab. Halbar",
        "HALMAHERA BARAT",
        "Halmahera Barat",
        "Kabupaten Halmahera Barat",
        "Halbar",
        "  kab halmahera barat ",
    ],
)
def test_names_in_many_spellings_give_one_code(spelling):
    assert submissions.region_codes(pd.Series([spelling])).tolist() == ["82.01"]


@pytest.mark.parametrize(
    ("name", "code", "expected"),
    [
        ("Halmahera Utara", "8205", "82.03"),  # BPS reading agrees
        ("Halmahera Utara", "8203", "82.03"),  # Kemendagri reading agrees
        ("Kepsul", "8203", "82.05"),  # BPS
        ("Kepulauan Sula", 8205, "82.05"),  # Kemendagri, stored as a number
        ("Kab. Halbar", 8201.0, "82.01"),
        ("Kota Ternate", "8271.0", "82.71"),
        ("TIDORE KEPULAUAN", "82.72", "82.72"),
        ("Halteng", 82.02, "82.02"),
    ],
)
def test_a_name_picks_the_reading_of_its_code(name, code, expected):
    codes = submissions.region_codes(pd.Series([name]), pd.Series([code], dtype=object))
    assert codes.tolist() == [expected]


def test_mixed_codes_of_the_workbook_become_kemendagri_codes(road_table):
    table = submissions.drop_totals(road_table, "Kabupaten/Kota")
    codes = submissions.region_codes(table["Kabupaten/Kota"], table["Kode Wilayah"])
    assert codes.tolist() == agency_files.road_conditions().index.tolist()
    assert codes.index.equals(table.index) and codes.name == "kode"


def test_a_name_and_a_code_that_disagree_are_a_conflict_with_the_row():
    names = pd.Series(["Halmahera Utara"], index=[14])
    with pytest.raises(RegionError) as error:
        submissions.region_codes(names, pd.Series(["8201"], index=[14]))
    message = str(error.value)
    assert error.value.key == "submission.region_conflict"
    assert message.startswith("Baris 14:") and '"8201"' in message
    assert "Kabupaten Halmahera Barat" in message


def test_a_dotted_code_is_read_as_kemendagri_only():
    with pytest.raises(RegionError, match="tidak cocok"):
        submissions.region_codes(pd.Series(["Kepsul"]), pd.Series(["82.03"]))


def test_a_given_scheme_limits_the_readings():
    with pytest.raises(RegionError, match="tidak cocok"):
        submissions.region_codes(
            pd.Series(["Halmahera Utara"]), pd.Series(["8203"]), scheme="bps"
        )


@pytest.mark.parametrize("code", ["8203", "8205", 8203])
def test_a_lone_ambiguous_code_asks_for_the_scheme_or_the_name(code):
    with pytest.raises(RegionError) as error:
        submissions.region_codes(None, pd.Series([code], index=[12], dtype=object))
    message = str(error.value)
    assert error.value.key == "submission.ambiguous_code"
    assert message.startswith("Baris 12:")
    assert "nama wilayahnya" in message and 'scheme="bps"' in message


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [("bps", ["82.05", "82.03"]), ("kemendagri", ["82.03", "82.05"])],
)
def test_lone_codes_follow_the_scheme_given(scheme, expected):
    codes = pd.Series(["8203", "8205"])
    assert submissions.region_codes(None, codes, scheme=scheme).tolist() == expected


def test_lone_codes_that_mean_one_region_need_no_scheme():
    codes = pd.Series(["8201", 8271, "82.03"], dtype=object)
    assert submissions.region_codes(None, codes).tolist() == ["82.01", "82.71", "82.03"]


def test_an_unknown_name_gives_the_region_message_with_its_row():
    with pytest.raises(RegionError) as error:
        submissions.region_codes(
            pd.Series(["Halbar", "Halmahera Baratt"], index=[8, 9])
        )
    message = str(error.value)
    assert message.startswith('Baris 9: Wilayah "Halmahera Baratt" tidak dikenal')
    assert "Halmahera Barat" in message


def test_an_unknown_code_is_named_with_its_row():
    with pytest.raises(RegionError, match=r'Baris 3: Kode "8299"'):
        submissions.region_codes(None, pd.Series(["8299"], index=[3]))


def test_a_row_without_name_or_code_is_named():
    with pytest.raises(
        RegionError, match="Baris 5: nama dan kode wilayah sama-sama kosong"
    ):
        submissions.region_codes(
            pd.Series(["Halbar", None], index=[4, 5]),
            pd.Series(["8201", ""], index=[4, 5]),
        )


def test_several_problems_are_listed_together():
    names = pd.Series(["Halbar", "Antah", "Berantah"], index=[8, 9, 10])
    with pytest.raises(RegionError) as error:
        submissions.region_codes(names)
    message = str(error.value)
    assert error.value.key == "submission.many_region_problems"
    assert (
        message.startswith("2 baris") and "Baris 9" in message and "Baris 10" in message
    )


def test_region_codes_needs_matching_inputs():
    with pytest.raises(RegionError, match="Berikan kolom"):
        submissions.region_codes(None)
    with pytest.raises(RegionError, match="baris nama"):
        submissions.region_codes(pd.Series(["Halbar"]), pd.Series(["8201", "8202"]))
    with pytest.raises(RegionError, match="Skema"):
        submissions.region_codes(pd.Series(["Halbar"]), scheme="bappeda")


# All together --------------------------------------------------------------


def test_a_correct_cleaning_gives_back_the_catalog_totals(road_table):
    table = road_table.rename(columns=submissions.column_name)
    table = submissions.drop_totals(table, "kabupaten_kota")
    numbers = [c for c in table.columns if c.endswith("_km")]
    for column in numbers:
        table[column] = submissions.parse_numbers(table[column])
    table["kode"] = submissions.region_codes(
        table["kabupaten_kota"], table["kode_wilayah"]
    )
    expected = agency_files.road_conditions()
    got = table.set_index("kode")[numbers]
    assert got.to_numpy() == pytest.approx(
        expected[list(expected.columns[1:])].to_numpy()
    )
    totals_row = road_table.loc[table.attrs["dropped_totals"][0], RAW_NAMES[3:]]
    totals = submissions.parse_numbers(totals_row)
    assert totals.to_numpy() == pytest.approx(got.sum().to_numpy())
