"""Checking agency submissions: what is read, and what is reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from lab_lib import catalog, review, review_report, schemas
from lab_lib.errors import DataValidationError
from lab_lib.workshop import agency_files

TODAY = dt.date(2026, 12, 4)


def _csv(folder: Path, body: str, name: str = "kiriman.csv", encoding="utf-8"):
    path = folder / name
    path.write_bytes(body.encode(encoding))
    return path


def _kinds(found: review.Review) -> list[tuple[int | None, str, str]]:
    return [(p.baris, p.kolom, p.kode) for p in found.problems]


def test_a_clean_long_table_is_read_into_the_dataset_shape(tmp_path):
    path = _csv(
        tmp_path,
        "INDIKATOR 2024;;;;;\n;;;;;\n"
        "No;Kabupaten/Kota;Kode;Tahun;Indikator;Nilai\n"
        "(1);(2);(3);(4);(5);(6)\n"
        "1;Kab. Halbar;82.01;2024;IPM;70,5\n"
        "2;TIDORE;8272;2024;Persentase Penduduk Miskin;5,1\n"
        "3;Kota Ternate;;2024;Jumlah Penduduk;212.450\n"
        ";;;;;\n"
        "JUMLAH;;;;;\n"
        "Sumber: Dinas X;;;;;\n",
    )
    found = review.review(path, "indikator", today=TODAY)
    assert found.ok, found.problems
    frame = found.frame
    assert list(frame.columns) == list(schemas.SCHEMAS["indikator"].columns)
    assert set(frame["sumber"]) == {"kiriman.csv"}
    assert frame["kode_wilayah"].tolist() == ["82.01", "82.72", "82.71"]
    assert frame["indikator"].tolist() == [
        "ipm",
        "persentase_penduduk_miskin",
        "jumlah_penduduk",
    ]
    assert frame["nilai"].tolist() == [70.5, 5.1, 212450.0]
    units = catalog.metadata("indikator")["units"]
    assert frame["satuan"].tolist() == [
        units["ipm"],
        units["persentase_penduduk_miskin"],
        units["jumlah_penduduk"],
    ]
    assert frame.index.tolist() == [5, 6, 7]  # spreadsheet rows
    assert any("baris 3" in note for note in found.notes)
    assert any("9" in note for note in found.notes if "jumlah" in note.lower())


def test_a_wide_workbook_with_a_merged_header_and_bps_codes(tmp_path):
    path = agency_files.ensure(tmp_path)[1]  # the Perkim CSV, Windows-1252
    found = review.review(path, "indikator", tahun=2024, today=TODAY)
    assert found.ok, found.problems
    assert any("Windows-1252" in note for note in found.notes)
    frame = found.frame
    assert set(frame["indikator"]) == {
        "jumlah_penduduk",
        "akses_air_minum_layak",
        "akses_sanitasi_layak",
    }
    # Ten kabupaten/kota and the province's own row, three indicators each.
    assert len(frame) == 33
    province = frame[frame["kode_wilayah"] == "82"]
    assert province.index.unique().tolist() == [15]
    assert sorted(province["nilai"]) == [74.48, 82.62, 1349001.0]
    # Under "Kode BPS", 8205 is Halmahera Utara: Kemendagri 82.03.
    water = frame[frame["indikator"] == "akses_air_minum_layak"]
    halut = water.loc[water["kode_wilayah"] == "82.03", "nilai"]
    assert halut.tolist() == [85.41]


def test_the_pupr_workbook_is_told_what_a_road_submission_needs(tmp_path):
    path = agency_files.ensure(tmp_path)[0]
    found = review.review(path, "ruas_jalan", today=TODAY)
    missing = {p.kolom for p in found.problems if p.kode == "missing_column"}
    assert missing == {"id_ruas", "nama_ruas", "status"}
    assert {p.kode for p in found.problems} == {"missing_column", "missing_year"}
    assert "--tahun" in next(
        p.perbaikan for p in found.problems if p.kode == "missing_year"
    )


def test_every_problem_is_reported_at_once_with_row_and_column(tmp_path):
    path = _csv(
        tmp_path,
        "Kabupaten/Kota;Tahun;Indikator;Nilai\n"
        "Halmahera Barat;2024;ipm;70,5\n"
        "Halmahera Utara;2024;persentase_penduduk_miskin;120\n"
        "Kota Tidore Kepulauan;2031;ipm;dua\n"
        "Ternatee;2024;ipm;70\n"
        "Halmahera Barat;2024;ipm;70,5\n"
        "Pulau Morotai;2024;indeks bahagia;1\n",
    )
    found = review.review(path, "indikator", today=TODAY)
    assert _kinds(found) == [
        (3, "Nilai", "percent"),
        (4, "Nilai", "not_number"),
        (4, "Tahun", "future_year"),
        (5, "Kabupaten/Kota", "region"),
        (6, "Kabupaten/Kota + Tahun + Indikator", "duplicate"),
        (7, "Indikator", "choice"),
    ]
    by_row = {(p.baris, p.kode): p for p in found.problems}
    assert by_row[(4, "not_number")].nilai == "dua"
    assert "2026" in by_row[(4, "future_year")].masalah
    assert "Kota Ternate" in by_row[(5, "region")].masalah  # the suggestion
    assert "baris 2" in by_row[(6, "duplicate")].masalah
    assert "ipm" in by_row[(7, "choice")].perbaikan
    for problem in found.problems:
        assert problem.masalah and problem.perbaikan


def test_messages_follow_the_language(tmp_path, monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    path = _csv(tmp_path, "Kabupaten/Kota;Tahun;IPM\nHalmahera Barat;2024;x\n")
    found = review.review(path, "indikator", today=TODAY)
    [problem] = found.problems
    assert problem.masalah == "Not a number."
    assert "problems must be fixed" in found.summary()


def test_a_facility_point_from_latitude_and_longitude(tmp_path):
    path = _csv(
        tmp_path,
        "ID,Nama Fasilitas,Jenis,Kabupaten/Kota,Kecamatan,Lintang,Bujur\n"
        'PKM-X-1,Puskesmas Baru,Puskesmas,Halmahera Barat,82.01.01,"1,054","127,494"\n'
        'PKM-X-2,Puskesmas Lain,Puskesmas,Halmahera Barat,82.01.01,"127,49","1,05"\n',
    )
    found = review.review(path, "fasilitas", today=TODAY)
    assert _kinds(found) == [(3, "Lintang / Bujur", "swapped")]
    point = found.frame.geometry.iloc[0]
    assert (point.x, point.y) == (127.494, 1.054)
    assert "lat" not in found.frame.columns


def test_formula_text_is_refused_and_reported_as_text(tmp_path):
    path = _csv(
        tmp_path,
        "Kabupaten/Kota,Tahun,IPM,Sumber\n"
        'Halmahera Barat,2024,"70,5",'
        '"=HYPERLINK(""http://contoh.invalid"",""klik"")"\n',
    )
    found = review.review(path, "indikator", today=TODAY)
    [problem] = found.problems
    assert problem.kode == "formula"
    assert problem.nilai.startswith("=HYPERLINK(")
    report = review_report.write_report(found, tmp_path / "laporan.xlsx")
    sheet = openpyxl.load_workbook(report).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value == problem.nilai]
    assert cells and all(c.data_type == "s" for c in cells)
    page = review_report.write_report(found, tmp_path / "laporan.html").read_text()
    assert "=HYPERLINK(&quot;http://contoh.invalid&quot;" in page
    assert '<a href="http://contoh.invalid"' not in page


def test_a_month_written_as_a_date_cell(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["LAPORAN PROGRES PAKET"])
    sheet.append([])
    sheet.append(["Kode Paket", "Bulan", "Rencana (%)", "Realisasi Fisik (%)"])
    sheet.append(["PRY-2022-001", dt.datetime(2022, 4, 1), "0,73", "0,72"])
    sheet.append(["PRY-2022-001", "2022/13", "9", "9"])
    path = tmp_path / "progres.xlsx"
    book.save(path)
    found = review.review(path, "progres_proyek", today=TODAY)
    assert _kinds(found) == [(5, "Bulan", "bad_month")]
    assert found.frame["bulan"].iloc[0] == "2022-04"


def test_a_report_needs_a_known_format(tmp_path):
    path = _csv(tmp_path, "Kabupaten/Kota;Tahun;IPM\nHalmahera Barat;2024;70\n")
    found = review.review(path, "indikator", today=TODAY)
    with pytest.raises(DataValidationError, match=r"\.html atau \.xlsx"):
        review_report.write_report(found, tmp_path / "laporan.pdf")
    assert not (tmp_path / "laporan.pdf").exists()


def test_a_dataset_without_submissions_is_named(tmp_path):
    path = _csv(tmp_path, "a;b\n1;2\n")
    with pytest.raises(DataValidationError, match="indikator"):
        review.review(path, "wilayah_kabkota")


def test_the_terminal_table_lists_every_problem(tmp_path):
    path = _csv(tmp_path, "Kabupaten/Kota;Tahun;IPM\nHalmahera Barat;2024;x\n")
    found = review.review(path, "indikator", today=TODAY)
    shown = review_report.terminal_table(found, width=120)
    assert "Baris" in shown and "Cara memperbaiki" in shown
    assert "Bukan angka." in shown and " 2 " in shown


def test_the_province_row_is_data_where_the_dataset_holds_province_rows(tmp_path):
    body = (
        "Wilayah;Tahun;IPM\nHalmahera Barat;2024;70,5\n"
        "Provinsi Maluku Utara;2024;70,98\nRata-rata;2024;70,7\n"
    )
    found = review.review(_csv(tmp_path, body), "indikator", today=TODAY)
    assert found.ok, found.problems
    assert found.frame["kode_wilayah"].tolist() == ["82.01", "82"]
    assert any("4" in n for n in found.notes if "jumlah" in n.lower())


def test_a_province_row_in_a_road_table_is_its_total(tmp_path):
    road = catalog.load("ruas_jalan", tahun=2024).iloc[0]
    body = (
        "Kode Ruas,Nama Ruas,Status,Kabupaten/Kota,Tahun,Panjang (km),Baik (km),"
        "Sedang (km),Rusak Ringan (km),Rusak Berat (km)\n"
        f'{road.id_ruas},"{road.nama_ruas}",{road.status},{road.kode_kabkota},'
        f"2024,{road.panjang_km},{road.panjang_km},0,0,0\n"
        f",,,Provinsi Maluku Utara,2024,{road.panjang_km},{road.panjang_km},0,0,0\n"
    )
    found = review.review(_csv(tmp_path, body), "ruas_jalan", today=TODAY)
    assert found.ok, found.problems
    assert len(found.frame) == 1


def test_the_unit_of_an_indicator_is_the_catalogs(tmp_path):
    body = (
        "Kabupaten/Kota;Tahun;Indikator;Nilai;Satuan\n"
        "Halmahera Barat;2024;IPM;70,5;%\n"
        "Halmahera Barat;2024;Persentase Penduduk Miskin;120;%\n"
        "Halmahera Utara;2024;Persentase Penduduk Miskin;5,2;Persen\n"
    )
    found = review.review(_csv(tmp_path, body), "indikator", today=TODAY)
    assert _kinds(found) == [(2, "Satuan", "unit_mismatch"), (3, "Nilai", "percent")]
    assert "indeks" in found.problems[0].masalah
    assert found.frame["satuan"].tolist() == ["indeks", "persen", "persen"]


def test_months_in_the_ways_agencies_write_them(tmp_path):
    rows = ["Maret 2022", "Apr-22", "Mei 2022", "06/2022", "2022-07"]
    body = "Kode Paket;Bulan;Rencana (%);Realisasi (%)\n" + "".join(
        f"PRY-2022-001;{month};{10 * n};{10 * n}\n" for n, month in enumerate(rows, 1)
    )
    found = review.review(_csv(tmp_path, body), "progres_proyek", today=TODAY)
    assert found.ok, found.problems
    assert found.frame["bulan"].tolist() == [
        "2022-03",
        "2022-04",
        "2022-05",
        "2022-06",
        "2022-07",
    ]
    assert found.frame["realisasi_kumulatif_pct"].tolist()[:2] == [10.0, 20.0]


def test_year_for_a_dataset_without_years_is_refused_clearly(tmp_path):
    path = _csv(tmp_path, "Kode Paket;Bulan;Rencana (%)\nPRY-2022-001;2022-04;5\n")
    with pytest.raises(DataValidationError, match="--tahun hanya untuk: indikator"):
        review.review(path, "progres_proyek", tahun=2024)


def test_excel_percent_cells_and_formulas_without_a_value(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kabupaten/Kota", "Kode BPS", "Tahun", "Akses Air Minum Layak"])
    sheet.append(["Halmahera Barat", "'8201", 2024, 0.8136])
    sheet["D2"].number_format = "0.00%"
    sheet.append(["Halmahera Utara", 8205, 2024, "=D2+0.01"])
    path = tmp_path / "air.xlsx"
    book.save(path)  # openpyxl saves formulas without a calculated value
    found = review.review(path, "indikator", today=TODAY)
    assert _kinds(found) == [(3, "Akses Air Minum Layak", "uncalculated")]
    assert found.frame["nilai"].iloc[0] == 81.36
    assert found.frame["kode_wilayah"].tolist() == ["82.01", "82.03"]


def test_a_wrong_unit_says_the_unit_wanted(tmp_path):
    body = (
        "Kode Ruas,Nama Ruas,Status,Kabupaten/Kota,Tahun,Panjang (m),Baik (km),"
        "Sedang (km),Rusak Ringan (km),Rusak Berat (km)\n"
        "N-001,X,nasional,82.01,2024,1000,1,0,0,0\n"
    )
    found = review.review(_csv(tmp_path, body), "ruas_jalan", today=TODAY)
    [problem] = found.problems
    assert problem.kode == "wrong_unit" and problem.kolom == "Panjang (m)"
    assert "dicatat dalam km" in problem.masalah
    assert '"Panjang (km)"' in problem.perbaikan


def test_a_year_in_a_date_cell_is_explained(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kabupaten/Kota", "Tahun", "IPM"])
    sheet.append(["Halmahera Barat", 2024, 70.1])
    sheet["B2"].number_format = "dd/mm/yyyy"  # 2024 shown as 16/07/1905
    sheet.append(["Halmahera Utara", dt.datetime(2024, 1, 1), 71.2])
    path = tmp_path / "ipm.xlsx"
    book.save(path)
    found = review.review(path, "indikator", today=TODAY)
    typed, date = found.problems
    assert (typed.baris, typed.kolom, typed.kode) == (2, "Tahun", "year_typed_as_date")
    assert "2024" in typed.masalah and "16-07-1905" in typed.masalah
    assert "General" in typed.perbaikan
    assert (date.baris, date.kode) == (3, "year_is_date")
    assert "01-01-2024" in date.masalah and "2024" in date.perbaikan


def test_hidden_rows_are_read_and_named_and_hidden_sheets_skipped(tmp_path):
    book = openpyxl.Workbook()
    old = book.active
    old.title = "Lama"
    old.append(["Kabupaten/Kota", "Tahun", "IPM"])
    old.append(["Halmahera Barat", 2019, 66.0])
    old.sheet_state = "hidden"
    sheet = book.create_sheet("Data")
    sheet.append(["Kabupaten/Kota", "Tahun", "IPM"])
    for name, value in [("Halmahera Barat", 70.1), ("Halmahera Utara", 71.2)]:
        sheet.append([name, 2024, value])
    sheet.append(["Kota Ternate", 2024, 80.5])
    sheet.row_dimensions[3].hidden = True
    path = tmp_path / "ipm.xlsx"
    book.save(path)

    found = review.review(path, "indikator", today=TODAY)
    assert found.ok, found.problems
    assert found.frame["tahun"].tolist() == [2024, 2024, 2024]
    assert found.frame.index.tolist() == [2, 3, 4]
    [note] = [n for n in found.notes if "disembunyikan" in n]
    assert note.startswith("Baris 3 disembunyikan di Excel")

    named = review.review(path, "indikator", sheet="Lama", today=TODAY)
    assert named.frame["tahun"].tolist() == [2019]
    assert not [n for n in named.notes if "disembunyikan" in n]
