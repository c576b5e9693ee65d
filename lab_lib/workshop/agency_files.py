"""The messy agency spreadsheets that workshop notebook 02 learns to clean.

Two files are made from the sample catalog, laid out the way agencies (OPD)
often send their data, and plainly marked as sample (DATA CONTOH / SAMPEL,
bukan data resmi) in the file name, the title and a note:

- ``CONTOH_dinas_pupr_kondisi_jalan_2024.xlsx``: road length and condition
  per kabupaten/kota in 2024 from Dinas PUPR. Three title rows, a two-row
  header with merged cells and units ("Kondisi Jalan (km)" over Baik /
  Sedang / Rusak Ringan / Rusak Berat), a row numbering the columns, region
  names spelled five ways, a code column mixing BPS and Kemendagri codes,
  numbers as text with decimal commas and thousand dots, a "JUMLAH" row,
  blank rows in the middle and at the end and a note below the table. Its
  figures are the catalog's (:func:`road_conditions`), so a correct cleaning
  gives back the catalog's totals.
- ``CONTOH_dinas_perkim_air_minum_sanitasi_2024.csv``: population and access
  to drinking water and sanitation from Dinas Perkim, a CSV in Windows-1252
  with ``;`` between fields, BPS codes only and a province row.

The files are the same on every run (no randomness, fixed timestamps inside
the workbook). They are not kept in the repository; :func:`ensure` makes them
where they are missing, and ``python -m lab_lib.workshop.agency_files
[FOLDER]`` makes them again.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pandas as pd

from lab_lib import catalog, fmt, regions, roads
from lab_lib.files import reproducible_workbook, write_all_atomic

__all__ = [
    "DEFAULT_FOLDER",
    "ROAD_WORKBOOK",
    "ROAD_YEAR",
    "WATER_CSV",
    "ensure",
    "generate",
    "main",
    "road_conditions",
    "water_sanitation",
]

#: Where the workshop looks for the files: ``notebooks/workshop/data``.
DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "notebooks" / "workshop" / "data"
ROAD_WORKBOOK = "CONTOH_dinas_pupr_kondisi_jalan_2024.xlsx"
WATER_CSV = "CONTOH_dinas_perkim_air_minum_sanitasi_2024.csv"
ROAD_YEAR = 2024

SAMPLE_MARK = "DATA CONTOH / SAMPEL — bukan data resmi"
_FIXED_TIME = datetime(2025, 1, 15, 8, 0, 0)
_COLUMNS = ("panjang_km", *roads.CONDITIONS)

# How each kabupaten/kota is written in the PUPR workbook: five spellings
# (short with "Kab.", capitals, plain, full, abbreviation), and a code that is
# Kemendagri dotted, undotted, or BPS. 82.03 and 82.05 carry their BPS codes
# 8205 and 8203, which mean the other kabupaten in the Kemendagri scheme.
_ROAD_ROWS = {
    "82.01": ("Kab. Halbar", "82.01"),
    "82.02": ("HALMAHERA TENGAH", 8202),
    "82.03": ("Halmahera Utara ", 8205),
    "82.04": ("Kabupaten Halmahera Selatan", "82.04"),
    "82.05": ("Kepsul", 8203),
    "82.06": ("Kab. Halmahera Timur", "8206"),
    "82.07": ("PULAU MOROTAI", 8207),
    "82.08": ("Taliabu", "82.08"),
    "82.71": ("Kota Ternate", "8271"),
    "82.72": ("TIDORE KEPULAUAN", "82.72"),
}


def road_conditions(year: int = ROAD_YEAR) -> pd.DataFrame:
    """Road length and length by condition per kabupaten/kota, from the catalog.

    Parameters
    ----------
    year : int
        Year of the ``ruas_jalan`` rows.

    Returns
    -------
    DataFrame
        Indexed by Kemendagri code (``kode``), with ``nama`` and
        ``panjang_km``, ``baik_km``, ``sedang_km``, ``rusak_ringan_km``,
        ``rusak_berat_km`` in km (all statuses), rounded to 0.01 km: the
        figures of the PUPR sample workbook.

    Examples
    --------
    >>> table = road_conditions()
    >>> len(table), table.loc["82.03", "nama"]
    (10, 'Kabupaten Halmahera Utara')
    """
    segments = catalog.load("ruas_jalan", tahun=year)
    lengths = roads.kemantapan(segments, "kode_kabkota")[["panjang_km"]].join(
        roads.condition_lengths(segments, "kode_kabkota")
    )
    table = lengths.round(2).rename_axis("kode")
    names = [regions.resolve(code).nama for code in table.index]
    return table.assign(nama=names)[["nama", *_COLUMNS]]


def water_sanitation(year: int = ROAD_YEAR) -> pd.DataFrame:
    """Population, drinking water and sanitation per region, from the catalog.

    Returns
    -------
    DataFrame
        Indexed by Kemendagri code, the province first: ``jumlah_penduduk``
        (jiwa), ``akses_air_minum_layak`` and ``akses_sanitasi_layak``
        (percent of households), the figures of the Perkim sample CSV.
    """
    wanted = ["jumlah_penduduk", "akses_air_minum_layak", "akses_sanitasi_layak"]
    rows = catalog.load("indikator", tahun=year, indikator=wanted)
    table = rows.pivot(index="kode_wilayah", columns="indikator", values="nilai")
    return table[wanted].rename_axis("kode").rename_axis(None, axis=1)


def generate(folder: str | Path | None = None) -> list[Path]:
    """Write the sample agency files into ``folder``, replacing old ones.

    Parameters
    ----------
    folder : str or Path, optional
        Target folder, created when missing; default :data:`DEFAULT_FOLDER`.

    Returns
    -------
    list of Path
        The workbook, then the CSV file.
    """
    target = Path(folder) if folder is not None else DEFAULT_FOLDER
    contents = {
        target / ROAD_WORKBOOK: _road_workbook(road_conditions()),
        target / WATER_CSV: _water_csv(water_sanitation()),
    }
    return write_all_atomic(contents)


def ensure(folder: str | Path | None = None) -> list[Path]:
    """The sample agency files in ``folder``, made first if any is missing.

    Examples
    --------
    >>> import tempfile
    >>> [p.name for p in ensure(tempfile.mkdtemp())]  # doctest: +NORMALIZE_WHITESPACE
    ['CONTOH_dinas_pupr_kondisi_jalan_2024.xlsx',
     'CONTOH_dinas_perkim_air_minum_sanitasi_2024.csv']
    """
    target = Path(folder) if folder is not None else DEFAULT_FOLDER
    paths = [target / ROAD_WORKBOOK, target / WATER_CSV]
    if all(path.is_file() for path in paths):
        return paths
    return generate(target)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m lab_lib.workshop.agency_files [FOLDER]``."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    folder = Path(arguments[0]) if arguments else None
    for path in generate(folder):
        print(f"Ditulis: {path}")
    return 0


# The PUPR workbook ---------------------------------------------------------


def _indonesian(value: float, decimals: int = 2) -> str:
    """1340.89 -> "1.340,89", as Indonesian documents write it."""
    return fmt.number(float(value), decimals, bahasa="id")


def _road_cell(value: float, row: int, column: int) -> object:
    """How one figure is written: mostly text, some true numbers, one unit."""
    if column > 0 and (row + column) % 4 == 0:
        return value
    if (row, column) == (8, 4):
        return f"{_indonesian(value)} km"
    return _indonesian(value)


def _road_workbook(table: pd.DataFrame) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    sheet.title = "Kondisi Jalan 2024 (CONTOH)"
    bold, thin = Font(bold=True), Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    # 1. Titles.
    titles = (
        f"PANJANG DAN KONDISI JALAN MENURUT KABUPATEN/KOTA, PROVINSI MALUKU UTARA, "
        f"TAHUN {ROAD_YEAR}",
        SAMPLE_MARK,
        "Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) — contoh laporan OPD "
        "untuk latihan",
    )
    for row, title in enumerate(titles, start=1):
        sheet.cell(row, 1, title).font = bold
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)

    # 2. A header over two rows, merged, with units; then column numbers.
    for column, label in enumerate(
        ("No.", "Kode Wilayah", "Kabupaten/Kota", "Panjang Jalan (km)"), start=1
    ):
        sheet.cell(5, column, label)
        sheet.merge_cells(
            start_row=5, start_column=column, end_row=6, end_column=column
        )
    sheet.cell(5, 5, "Kondisi Jalan (km)")
    sheet.merge_cells(start_row=5, start_column=5, end_row=5, end_column=8)
    for column, label in enumerate(
        ("Baik", "Sedang", "Rusak Ringan", "Rusak Berat"), start=5
    ):
        sheet.cell(6, column, label)
    for column in range(1, 9):
        sheet.cell(7, column, f"({column})")
        for row in (5, 6, 7):
            cell = sheet.cell(row, column)
            cell.font, cell.border = bold, box
            cell.alignment = Alignment(horizontal="center", vertical="center")

    # 3. Ten regions, with a blank row after the fifth.
    row = 8
    for number, (code, values) in enumerate(table.iterrows(), start=1):
        name, written_code = _ROAD_ROWS[code]
        cells = [number, written_code, name]
        cells += [_road_cell(values[c], row, i) for i, c in enumerate(_COLUMNS)]
        for column, value in enumerate(cells, start=1):
            sheet.cell(row, column, value).border = box
        row += 2 if number == 5 else 1

    # 4. The totals row, blank-looking rows, a note, more blank-looking rows.
    sheet.cell(row, 1, "JUMLAH").font = bold
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    for column, name in enumerate(_COLUMNS, start=4):
        total = round(float(table[name].sum()), 2)
        sheet.cell(row, column, _indonesian(total)).font = bold
    for blank in (row + 1, row + 2, row + 4, row + 5):
        sheet.cell(blank, 2, " ")
    sheet.cell(
        row + 3,
        1,
        f"Sumber: Dinas PUPR Provinsi Maluku Utara ({SAMPLE_MARK}; disusun dari "
        "katalog sampel Mini-Lab).",
    )
    for column, width in zip("ABCDEFGH", (5, 13, 28, 18, 11, 11, 13, 12), strict=True):
        sheet.column_dimensions[column].width = width

    _note_sheet(book)
    return reproducible_workbook(book, _FIXED_TIME, "Mini-Lab IPW (data contoh)")


def _note_sheet(book: object) -> None:
    note = book.create_sheet("CATATAN - DATA CONTOH")  # type: ignore[attr-defined]
    lines = (
        SAMPLE_MARK,
        "",
        "Berkas ini dibuat otomatis untuk latihan membersihkan data OPD (notebook "
        "workshop 02).",
        "Angkanya berasal dari katalog sampel Mini-Lab (sebagian besar sintetis), "
        "bukan laporan resmi Dinas PUPR.",
        "Tata letaknya sengaja dibuat berantakan seperti kiriman OPD pada umumnya.",
        "Buat ulang dengan: python -m lab_lib.workshop.agency_files",
    )
    for row, line in enumerate(lines, start=1):
        note.cell(row, 1, line or None)
    note.column_dimensions["A"].width = 100


# The Perkim CSV ------------------------------------------------------------


def _water_csv(table: pd.DataFrame) -> bytes:
    """A CSV as Excel on an Indonesian Windows writes it: cp1252, ``;``."""
    header = (
        "Kabupaten/Kota",
        "Kode BPS",
        "Jumlah Penduduk (jiwa)",
        "Akses Air Minum Layak (%)",
        "Akses Sanitasi Layak (%)",
    )
    lines = [
        f"AKSES AIR MINUM DAN SANITASI LAYAK, TAHUN {ROAD_YEAR} – Dinas Perumahan "
        "dan Kawasan Permukiman;;;;",
        f"{SAMPLE_MARK.replace('—', '–')};;;;",
        ";;;;",
        ";".join(header),
    ]
    order = [c for c in table.index if c != regions.PROVINCE_CODE]
    for code in [*order, regions.PROVINCE_CODE]:
        region = regions.resolve(code)
        values = table.loc[code]
        lines.append(
            ";".join(
                (
                    region.nama_pendek if region.is_kabkota else region.nama,
                    region.kode_bps or "",
                    _indonesian(values["jumlah_penduduk"], 0),
                    _indonesian(values["akses_air_minum_layak"]),
                    _indonesian(values["akses_sanitasi_layak"]),
                )
            )
        )
    lines.append(";;;;")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


if __name__ == "__main__":
    raise SystemExit(main())
