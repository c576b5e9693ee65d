"""Malformed agency submissions, each with the problem it must be refused for.

Every case is a file the way a dinas really sends it (titles above the table,
a header merged over two rows, Indonesian numbers "1.234,5", region names
such as "Kab. Halbar", a JUMLAH row, notes below) that is clean apart from
one defect. Its expectation says what :func:`lab_lib.review.review` must
report: the kind of problem (``kode``, see the ``review.<kode>`` messages),
the spreadsheet row (None for the file as a whole), the column as headed in
the file ("-" for the file as a whole) and a fragment of the Indonesian
message the agency reads.

The files are the same, byte for byte, on every run: no randomness that is
not seeded, fixed timestamps inside the workbooks.

Run ``python tests/corpus/make_corpus.py FOLDER`` to write them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from lab_lib.files import reproducible_workbook

__all__ = ["CASES", "Case", "main", "write_all"]

FIXED_TIME = datetime(2025, 3, 10, 9, 0, 0)
PASSWORD = "bappeda2025"
FORMULA = '=HYPERLINK("http://contoh.invalid","klik")'


@dataclass(frozen=True)
class Case:
    """One malformed submission and what the checker must say about it.

    Attributes
    ----------
    name : str
        File name; its suffix decides how the checker reads it.
    dataset : str
        The dataset it is sent to (one of :data:`lab_lib.review.SPECS`).
    description : str
        What is wrong with it, in one Indonesian line.
    content : callable
        Gives the file's bytes, the same on every call.
    kode : str
        The kind of problem that must be reported.
    baris : int or None
        Spreadsheet row of the problem; None for the file as a whole.
    kolom : str
        The column as headed in the file; "-" for the file as a whole, the
        dataset's column name for a column the file lacks.
    pesan : str
        A fragment of the message (``Problem.masalah``) the agency must read.
    nilai : str, optional
        The value the problem must show, when it matters how it is shown
        (text decoded from a legacy encoding, a formula kept as text).
    sheet : str, optional
        The sheet asked for (``sheet=`` of the checker).
    rows : int, optional
        How many data rows the checker must read from the file (totals rows
        left out), when it reads it as a table.
    """

    name: str
    dataset: str
    description: str
    content: Callable[[], bytes]
    kode: str
    baris: int | None
    kolom: str
    pesan: str
    nilai: str | None = None
    sheet: str | None = None
    rows: int | None = None

    def write(self, folder: Path) -> Path:
        """Write the file into ``folder`` and return its path."""
        path = folder / self.name
        path.write_bytes(self.content())
        return path


# Tables ----------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A table laid out like an agency's sheet.

    Row 1 onwards holds the titles, then one blank row, the header (one or
    two rows; a label over None cells is merged over them in a workbook),
    optionally a row numbering the columns, the data rows, an optional
    totals row, one blank row and the notes.
    """

    titles: tuple[str, ...]
    header: tuple[tuple[object, ...], ...]
    rows: tuple[tuple[object, ...], ...]
    totals: tuple[object, ...] | None = None
    notes: tuple[str, ...] = ()
    numbering: bool = True
    sheet: str = "Sheet1"

    @property
    def width(self) -> int:
        return len(self.header[0])

    @property
    def first_row(self) -> int:
        """Spreadsheet row of the first data row."""
        return len(self.titles) + 2 + len(self.header) + int(self.numbering)

    def changed(self, row: int, column: int, value: object) -> Table:
        """The same table with the cell at data row ``row`` (0 = first) and
        column ``column`` (0 = A) holding ``value``."""
        rows = [list(r) for r in self.rows]
        rows[row][column] = value
        return replace(self, rows=tuple(tuple(r) for r in rows))

    def without_column(self, column: int) -> Table:
        """The same table without column ``column`` (0 = A)."""

        def cut(cells: Sequence[object] | None) -> tuple[object, ...] | None:
            if cells is None:
                return None
            return tuple(c for i, c in enumerate(cells) if i != column)

        return replace(
            self,
            header=tuple(cut(h) for h in self.header),
            rows=tuple(cut(r) for r in self.rows),
            totals=cut(self.totals),
        )

    def grid(self) -> list[list[object]]:
        """Every row of the sheet, blank rows as lists of None."""
        blank = [None] * self.width
        lines: list[list[object]] = [[title, *blank[1:]] for title in self.titles]
        lines.append(list(blank))
        lines += [list(h) for h in self.header]
        if self.numbering:
            lines.append([f"({i})" for i in range(1, self.width + 1)])
        lines += [list(r) for r in self.rows]
        if self.totals is not None:
            lines.append(list(self.totals))
        if self.notes:
            lines.append(list(blank))
            lines += [[note, *blank[1:]] for note in self.notes]
        return lines

    def merges(self) -> list[tuple[int, int, int, int]]:
        """Merged ranges of the workbook: (first row, first column, last row,
        last column), 1-based."""
        found = [(r, 1, r, self.width) for r in range(1, len(self.titles) + 1)]
        top = len(self.titles) + 2
        header = self.header
        for c, label in enumerate(header[0]):
            if label is None:
                continue
            span = c
            while span + 1 < self.width and header[0][span + 1] is None:
                span += 1
            if len(header) == 2 and header[1][c] is None:
                found.append((top, c + 1, top + 1, c + 1))
            elif span > c:
                found.append((top, c + 1, top, span + 1))
        if self.totals is not None:
            row = self.first_row + len(self.rows)
            span = next(i for i, v in enumerate(self.totals[1:], 1) if v is not None)
            if span > 1:
                found.append((row, 1, row, span))
        return found


def _indonesian(value: float, decimals: int = 2) -> str:
    """1234.5 -> "1.234,50", as Indonesian documents write numbers."""
    written = f"{value:,.{decimals}f}"
    return written.replace(",", " ").replace(".", ",").replace(" ", ".")


# Workbooks -------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A cell that holds text even though it starts like a formula."""

    value: str


@dataclass(frozen=True)
class Formula:
    """A formula cell with the value Excel last computed for it."""

    formula: str
    cached: str


def workbook(*tables: Table) -> bytes:
    """The tables as an .xlsx workbook, one sheet each, with stable bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    formulas: dict[tuple[str, str], Formula] = {}
    for table in tables:
        sheet = book.create_sheet(table.sheet)
        header_rows = range(
            len(table.titles) + 2, len(table.titles) + 2 + len(table.header)
        )
        for r, cells in enumerate(table.grid(), start=1):
            for c, value in enumerate(cells, start=1):
                if value is None:
                    continue
                cell = sheet.cell(r, c)
                if isinstance(value, Text):
                    cell.value = value.value
                    # openpyxl would store text starting with "=" as a formula.
                    cell.data_type = "s"
                elif isinstance(value, Formula):
                    cell.value = value.formula
                    formulas[(sheet.title, cell.coordinate)] = value
                else:
                    cell.value = value
                if r <= len(table.titles) or r in header_rows:
                    cell.font = Font(bold=True)
        for merged in table.merges():
            sheet.merge_cells(
                start_row=merged[0],
                start_column=merged[1],
                end_row=merged[2],
                end_column=merged[3],
            )
        sheet.column_dimensions["C"].width = 34
    return _stable(book, formulas)


def _stable(book: object, formulas: dict[tuple[str, str], Formula]) -> bytes:
    """The workbook's bytes with fixed times inside, so every run is equal.

    openpyxl writes no cached value for a formula; Excel does, so the one
    given is written into the sheet's XML.
    """
    sheets = {
        f"xl/worksheets/sheet{i}.xml": name
        for i, name in enumerate(book.sheetnames, start=1)  # type: ignore[attr-defined]
    }

    def cached(member: str, data: bytes) -> bytes:
        if member in sheets:
            return _cached_values(data, sheets[member], formulas)
        return data

    return reproducible_workbook(book, FIXED_TIME, "Dinas (contoh kiriman)", cached)


def _cached_values(
    xml: bytes, sheet: str, formulas: dict[tuple[str, str], Formula]
) -> bytes:
    """The sheet's XML with each formula cell holding its cached value."""
    from xml.sax.saxutils import escape

    for (name, coordinate), formula in formulas.items():
        if name != sheet:
            continue
        opening = f'<c r="{coordinate}"'.encode()
        empty = re.escape(opening) + rb"[^>]*>(<f>.*?</f>)<v></v>"
        cached = escape(formula.cached).encode()
        xml = re.sub(
            empty,
            lambda m, o=opening, v=cached: (
                o + b' t="str">' + m[1] + b"<v>" + v + b"</v>"
            ),
            xml,
        )
    return xml


def encrypted(content: bytes, password: str = PASSWORD) -> bytes:
    """``content`` (an .xlsx) encrypted with ``password``, as Excel does when a
    workbook is saved with a password to open it."""
    import msoffcrypto

    out = io.BytesIO()
    with _seeded_encryption(content):
        msoffcrypto.OfficeFile(io.BytesIO(content)).encrypt(password, out)
    return out.getvalue()


@contextmanager
def _seeded_encryption(seed: bytes) -> Iterator[None]:
    """Salts and keys drawn from ``seed`` instead of the system's randomness,
    and the container's times fixed, so the file is the same on every run."""
    from unittest import mock

    from msoffcrypto.method import ecma376_agile
    from msoffcrypto.method.container import ecma376_encrypted

    counter = iter(range(1 << 30))

    def buffer(size: int) -> bytes:
        stream = b""
        while len(stream) < size:
            stream += hashlib.sha256(seed + str(next(counter)).encode()).digest()
        return stream[:size]

    class Clock(datetime):
        @classmethod
        def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
            return FIXED_TIME

    with (
        mock.patch.object(ecma376_agile, "_random_buffer", buffer),
        mock.patch.object(ecma376_encrypted, "datetime", Clock),
    ):
        yield


def open_document(table: Table) -> bytes:
    """The table as a LibreOffice Calc spreadsheet (.ods)."""
    from xml.sax.saxutils import escape

    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            '<table:table-cell office:value-type="string">'
            f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
        )

    rows = "".join(
        "<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>"
        for r in table.grid()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:'
        'table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="{escape(table.sheet)}">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
        'manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        # The media type comes first and uncompressed, as the format requires.
        for name, data, method in (
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0),
            ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED),
            ("content.xml", content, zipfile.ZIP_DEFLATED),
        ):
            info = zipfile.ZipInfo(name, FIXED_TIME.timetuple()[:6])
            info.compress_type = method
            target.writestr(info, data)
    return out.getvalue()


# Text files ------------------------------------------------------------------


def delimited(table: Table, encoding: str = "utf-8", delimiter: str = ";") -> bytes:
    """The table as Excel writes a CSV: ``;`` between fields on an Indonesian
    Windows, CRLF line ends, a merged cell's value in its first cell only."""
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    for cells in table.grid():
        writer.writerow(
            ["" if v is None else v.value if isinstance(v, Text) else v for v in cells]
        )
    text = stream.getvalue()
    if encoding == "utf-16":
        # Excel's "Unicode Text": little-endian with a byte-order mark.
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


# The agencies' tables --------------------------------------------------------

# Road condition survey 2025 of the provincial roads, from Dinas PUPR
# Provinsi: lengths in km that add up, names written as the dinas does.
_ROADS = (
    ("P-001", "Batas Kab. Halmahera Utara – Loloda Tengah", "Kab. Halbar",
     5.07, 1.95, 1.20, 1.20, 0.72),
    ("P-002", "Ibu Selatan – Batas Kab. Halmahera Utara", "Kab. Halbar",
     14.13, 5.02, 3.10, 2.40, 3.61),
    ("P-011", "Patani Barat – Patani Timur", "HALMAHERA TENGAH",
     17.36, 8.10, 2.60, 4.10, 2.56),
    ("P-015", "Batas Kab. Halmahera Barat – Galela Selatan", "Halmahera Utara",
     14.15, 5.40, 3.50, 2.75, 2.50),
    ("P-043", "Jalan Pesisir Mangoli Tengah", "Kepsul",
     13.18, 5.50, 2.20, 3.20, 2.28),
    ("P-062", "Kota Ternate Selatan – Ternate Barat", "Kota Ternate",
     10.04, 5.60, 2.90, 0.84, 0.70),
)  # fmt: skip


def roads(unit: str = "km") -> Table:
    """Road lengths by condition, per ruas, as Dinas PUPR Provinsi sends them.

    Columns: A No., B Kode Ruas, C Nama Ruas, D Status Jalan, E
    Kabupaten/Kota, F Tahun, G Panjang, H-K Kondisi Jalan (Baik, Sedang,
    Rusak Ringan, Rusak Berat), L Keterangan. Data rows start at row 7, the
    JUMLAH row follows them.
    """
    top = ("No.", "Kode Ruas", "Nama Ruas", "Status Jalan", "Kabupaten/Kota",
           "Tahun", f"Panjang ({unit})", f"Kondisi Jalan ({unit})", None, None,
           None, "Keterangan")  # fmt: skip
    below = (None,) * 7 + ("Baik", "Sedang", "Rusak Ringan", "Rusak Berat", None)
    rows = tuple(
        (n, ident, name, "Provinsi", region, 2025, *map(_indonesian, lengths), None)
        for n, (ident, name, region, *lengths) in enumerate(_ROADS, start=1)
    )
    totals = [_indonesian(sum(r[3 + i] for r in _ROADS)) for i in range(5)]
    return Table(
        titles=(
            "DATA PANJANG DAN KONDISI JALAN PROVINSI MENURUT RUAS, TAHUN 2025",
            "Dinas Pekerjaan Umum dan Penataan Ruang Provinsi Maluku Utara",
        ),
        header=(top, below),
        rows=rows,
        totals=("JUMLAH", *(None,) * 5, *totals, None),
        notes=(
            "Sumber: Survei kondisi jalan Dinas PUPR Provinsi Maluku Utara, "
            "Oktober 2025",
            "Catatan: panjang dalam kilometer, hasil pengukuran lapangan.",
        ),
        sheet="Kondisi Jalan 2025",
    )


# Development indicators 2025 from BPS Provinsi, one row per region and
# indicator; the units are those of the catalog.
_INDICATORS = (
    ("82.01", "Kab. Halmahera Barat", "IPM", "69,85", "indeks"),
    ("82.02", "Kab. Halmahera Tengah", "IPM", "71,52", "indeks"),
    ("82.03", "Kab. Halmahera Utara", "IPM", "70,98", "indeks"),
    ("82.71", "Kota Ternate", "IPM", "83,21", "indeks"),
    ("82.72", "Kota Tidore Kepulauan", "IPM", "74,10", "indeks"),
    ("82.01", "Kab. Halmahera Barat", "Akses Air Minum Layak", "82,04",
     "persen rumah tangga"),
    ("82.02", "Kab. Halmahera Tengah", "Akses Air Minum Layak", "83,57",
     "persen rumah tangga"),
    ("82.03", "Kab. Halmahera Utara", "Akses Air Minum Layak", "85,90",
     "persen rumah tangga"),
    ("82.71", "Kota Ternate", "Akses Air Minum Layak", "96,62",
     "persen rumah tangga"),
    ("82.72", "Kota Tidore Kepulauan", "Akses Air Minum Layak", "89,71",
     "persen rumah tangga"),
)  # fmt: skip


def indicators() -> Table:
    """IPM and drinking-water access per kabupaten/kota, a long table.

    Columns: A No, B Kode, C Kabupaten/Kota, D Tahun, E Indikator, F Nilai,
    G Satuan, H Sumber. Data rows start at row 6.
    """
    source = "BPS Provinsi Maluku Utara, Susenas Maret 2025"
    header = ("No", "Kode", "Kabupaten/Kota", "Tahun", "Indikator", "Nilai",
              "Satuan", "Sumber")  # fmt: skip
    return Table(
        titles=(
            "INDIKATOR PEMBANGUNAN MENURUT KABUPATEN/KOTA, TAHUN 2025",
            "BPS Provinsi Maluku Utara",
        ),
        header=(header,),
        rows=tuple(
            (n, code, name, 2025, indicator, value, unit, source)
            for n, (code, name, indicator, value, unit) in enumerate(_INDICATORS, 1)
        ),
        notes=("Catatan: angka sementara, dapat berubah.",),
        sheet="Indikator 2025",
    )


# IPM, drinking water and sanitation (percent of households) per region.
_WIDE = (
    ("Halmahera Barat", "69,85", "82,04", "73,01"),
    ("Halmahera Tengah", "71,52", "83,57", "73,20"),
    ("Halmahera Utara", "70,98", "85,90", "77,88"),
    ("Halmahera Selatan", "68,61", "77,15", "68,02"),
    ("Kepulauan Sula", "68,10", "75,03", "64,35"),
    ("Halmahera Timur", "71,14", "80,12", "70,77"),
    ("Pulau Morotai", "67,47", "78,40", "69,21"),
    ("Pulau Taliabu", "64,02", "68,11", "60,47"),
    ("Kota Ternate", "83,21", "96,62", "91,90"),
    ("Kota Tidore Kepulauan", "74,10", "89,71", "83,12"),
)


def wide_indicators() -> Table:
    """One column per indicator, as BPS publishes them, the province last.

    Columns: A No, B Kabupaten/Kota, C Tahun, D IPM, E-F Akses (%) (Air
    Minum Layak, Sanitasi Layak). Data rows start at row 7.
    """
    return Table(
        titles=(
            "IPM, AKSES AIR MINUM DAN SANITASI LAYAK MENURUT KABUPATEN/KOTA, 2025",
            "BPS Provinsi Maluku Utara",
        ),
        header=(
            ("No", "Kabupaten/Kota", "Tahun", "IPM", "Akses (%)", None),
            (None, None, None, None, "Air Minum Layak", "Sanitasi Layak"),
        ),
        rows=tuple((n, name, 2025, *v) for n, (name, *v) in enumerate(_WIDE, 1)),
        totals=(None, "Maluku Utara", 2025, "72,31", "83,10", "75,02"),
        notes=("Sumber: BPS Provinsi Maluku Utara, Susenas Maret 2025",),
        sheet="Tabel 4.1",
    )


def targets() -> Table:
    """RPJMD targets of Kota Ternate.

    Columns: A No, B Wilayah, C Indikator, D Tahun, E Target, F Satuan,
    G Arah, H Dokumen. Data rows start at row 6.
    """
    document = "RPJMD Kota Ternate 2025–2029"
    wanted = (
        ("IPM", 2026, "83,60", "indeks", "naik"),
        ("IPM", 2027, "84,05", "indeks", "naik"),
        ("Persentase Penduduk Miskin", 2026, "2,95", "persen", "turun"),
        ("Persentase Penduduk Miskin", 2027, "2,80", "persen", "turun"),
        ("Kemantapan Jalan", 2026, "78,00", "persen", "naik"),
        ("Kemantapan Jalan", 2027, "80,50", "persen", "naik"),
    )
    header = ("No", "Wilayah", "Indikator", "Tahun", "Target", "Satuan", "Arah",
              "Dokumen")  # fmt: skip
    return Table(
        titles=(
            "TARGET INDIKATOR KINERJA RPJMD KOTA TERNATE 2025–2029",
            "Bappelitbangda Kota Ternate",
        ),
        header=(header,),
        rows=tuple(
            (n, "Kota Ternate", *target, document)
            for n, target in enumerate(wanted, start=1)
        ),
        notes=("Sumber: Perda Kota Ternate tentang RPJMD 2025–2029",),
        sheet="Target",
    )


def gdp() -> Table:
    """GRDP by industry (miliar rupiah) of Kota Tidore Kepulauan, 2024.

    Columns: A Kode Wilayah, B Kabupaten/Kota, C Tahun, D Kode LU, E Lapangan
    Usaha, F Dasar Harga, G Nilai (miliar Rp); no numbering row. Data rows
    start at row 5.
    """
    industries = (
        ("A", "Pertanian, Kehutanan, dan Perikanan", 1202.36),
        ("B", "Pertambangan dan Penggalian", 74.13),
        ("C", "Industri Pengolahan", 275.22),
        ("F", "Konstruksi", 408.83),
        ("G", "Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor",
         735.95),
        ("M,N", "Jasa Perusahaan", 12.23),
        ("O", "Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib",
         1232.26),
    )  # fmt: skip
    region = ("82.72", "Kota Tidore Kepulauan")
    header = ("Kode Wilayah", "Kabupaten/Kota", "Tahun", "Kode LU", "Lapangan Usaha",
              "Dasar Harga", "Nilai (miliar Rp)")  # fmt: skip
    return Table(
        titles=(
            "PDRB ATAS DASAR HARGA BERLAKU MENURUT LAPANGAN USAHA (MILIAR RUPIAH)",
            "Kota Tidore Kepulauan, 2024",
        ),
        header=(header,),
        rows=tuple(
            (*region, 2024, code, name, "ADHB", _indonesian(value))
            for code, name, value in industries
        ),
        notes=("Sumber: BPS Kota Tidore Kepulauan",),
        numbering=False,
        sheet="PDRB LU",
    )


def progress() -> Table:
    """Monthly progress of two road packages of Dinas PUPR Provinsi.

    Columns: A No, B Kode Paket, C Nama Paket, D Bulan, E Rencana Kumulatif
    (%), F Realisasi Fisik (%), G Realisasi Keuangan (%), H Keterangan. Data
    rows start at row 6.
    """
    first = "Peningkatan Jalan Ruas Simpang Bacan Barat Utara – Bacan Barat"
    second = "Peningkatan Jalan Ruas Batas Kab. Halmahera Barat – Galela Selatan"
    reports = (
        ("PRY-2024-005", first, "2024-09", "78,40", "75,12", "40,00"),
        ("PRY-2024-005", first, "2024-10", "92,15", "88,30", "60,00"),
        ("PRY-2024-006", second, "2024-09", "85,00", "86,45", "45,00"),
        ("PRY-2024-006", second, "2024-10", "97,60", "95,10", "70,00"),
    )
    header = ("No", "Kode Paket", "Nama Paket", "Bulan",
              "Rencana Kumulatif (%)", "Realisasi Fisik (%)",
              "Realisasi Keuangan (%)", "Keterangan")  # fmt: skip
    return Table(
        titles=(
            "LAPORAN PROGRES FISIK DAN KEUANGAN PAKET PEKERJAAN JALAN",
            "Dinas PUPR Provinsi Maluku Utara, Triwulan III–IV 2024",
        ),
        header=(header,),
        rows=tuple(
            (n, *report, "Sesuai jadwal") for n, report in enumerate(reports, 1)
        ),
        notes=("Catatan: persentase kumulatif sampai akhir bulan.",),
        sheet="Progres",
    )


# New puskesmas and puskesmas pembantu; ids not in the store yet.
_FACILITIES = (
    ("PKM-82.01-090", "Puskesmas Sidangoli", "Puskesmas", "Kab. Halbar",
     "Jailolo Selatan", "0,90120", "127,57210"),
    ("PKM-82.03-090", "Puskesmas Tobelo Selatan", "Puskesmas", "Halut",
     "Tobelo Selatan", "1,61210", "127,94020"),
    ("PST-82.71-090", "Pustu Moti Kota", "Puskesmas Pembantu", "Kota Ternate",
     "Moti", "0,45610", "127,41020"),
    ("PST-82.72-090", "Pustu Oba Tengah", "Puskesmas Pembantu",
     "Kota Tidore Kepulauan", "Oba Tengah", "0,54710", "127,67180"),
    ("PKM-82.04-090", "Puskesmas Kayoa Barat", "Puskesmas", "Halsel", "Kayoa",
     "-0,01920", "127,31350"),
)  # fmt: skip


def facilities() -> Table:
    """New health facilities from Dinas Kesehatan Provinsi.

    Columns: A No, B Kode Fasilitas, C Nama Fasilitas, D Jenis, E
    Kabupaten/Kota, F Kecamatan, G-H Koordinat (Lintang, Bujur), I Sumber.
    Data rows start at row 7.
    """
    top = ("No", "Kode Fasilitas", "Nama Fasilitas", "Jenis", "Kabupaten/Kota",
           "Kecamatan", "Koordinat", None, "Sumber")  # fmt: skip
    below = (None,) * 6 + ("Lintang", "Bujur", None)
    source = "Dinkes Provinsi Maluku Utara"
    return Table(
        titles=(
            "DAFTAR PUSKESMAS DAN PUSKESMAS PEMBANTU BARU, TAHUN 2025",
            "Dinas Kesehatan Provinsi Maluku Utara",
        ),
        header=(top, below),
        rows=tuple((n, *r, source) for n, r in enumerate(_FACILITIES, 1)),
        notes=("Catatan: koordinat dari GPS petugas, derajat desimal (WGS 84).",),
        sheet="Fasilitas 2025",
    )


# The cases -------------------------------------------------------------------


def _book(
    name: str, dataset: str, description: str, table: Table, **expected: object
) -> Case:
    """A case whose file is ``table`` as an .xlsx workbook."""
    return Case(
        name,
        dataset,
        description,
        lambda: workbook(table),
        rows=len(table.rows),
        **expected,  # type: ignore[arg-type]
    )


def _text(
    name: str,
    dataset: str,
    description: str,
    table: Table,
    encoding: str = "utf-8",
    delimiter: str = ";",
    **expected: object,
) -> Case:
    """A case whose file is ``table`` as a CSV file."""
    return Case(
        name,
        dataset,
        description,
        lambda: delimited(table, encoding, delimiter),
        rows=len(table.rows),
        **expected,  # type: ignore[arg-type]
    )


def _file(
    name: str,
    dataset: str,
    description: str,
    content: Callable[[], bytes],
    **expected: object,
) -> Case:
    """A case whose file cannot be read as a table at all."""
    return Case(
        name,
        dataset,
        description,
        content,
        baris=None,
        kolom="-",
        **expected,  # type: ignore[arg-type]
    )


def _truncated() -> bytes:
    whole = workbook(roads())
    # A download cut off: the zip's directory at the end is missing.
    return whole[: len(whole) * 2 // 3]


def _csv_named_xlsx() -> bytes:
    return delimited(roads())


def _duplicate_facility() -> Table:
    table = facilities()
    rows = (*table.rows[:3], table.rows[1], *table.rows[3:])
    numbered = tuple((n, *r[1:]) for n, r in enumerate(rows, 1))
    return replace(table, rows=numbered)


def _bare_codes() -> Table:
    table = indicators().without_column(2)
    codes = ("8201", "8202", "8203", "8271", "8272")
    header = (("No", "Kode Wilayah", *table.header[0][2:]),)
    # Only the IPM rows, so that 8203 appears once.
    rows = tuple(
        (r[0], code, *r[2:]) for code, r in zip(codes, table.rows[:5], strict=True)
    )
    return replace(table, header=header, rows=rows)


def _formula_cell() -> Table:
    return facilities().changed(2, 2, Formula(FORMULA, "klik"))


CASES: list[Case] = [
    # The file as a whole.
    _file(
        "kosong.xlsx",
        "ruas_jalan",
        "Berkas kosong (0 bita): unggahan gagal atau Excel belum menyimpan.",
        lambda: b"",
        kode="empty_file",
        pesan="kosong (0 bita)",
    ),
    _file(
        "lembar_tidak_ada.xlsx",
        "ruas_jalan",
        'Lembar "Rekap 2025" yang diminta tidak ada di buku kerja.',
        lambda: workbook(roads()),
        kode="unknown_sheet",
        pesan='Lembar "Rekap 2025" tidak ada',
        sheet="Rekap 2025",
    ),
    _file(
        "berkata_sandi.xlsx",
        "ruas_jalan",
        "Buku kerja dilindungi kata sandi untuk membukanya.",
        lambda: encrypted(workbook(roads())),
        kode="encrypted",
        pesan="dilindungi kata sandi",
    ),
    _file(
        "terpotong.xlsx",
        "ruas_jalan",
        "Buku kerja terpotong (unduhan tidak selesai).",
        _truncated,
        kode="unreadable",
        pesan="tidak bisa dibuka",
    ),
    _file(
        "teks_bukan_excel.xlsx",
        "ruas_jalan",
        "Berkas teks (CSV) yang diberi akhiran .xlsx.",
        _csv_named_xlsx,
        kode="unreadable",
        pesan="tidak bisa dibuka",
    ),
    _file(
        "lembar_libreoffice.ods",
        "ruas_jalan",
        "Lembar kerja LibreOffice (.ods), bukan .xlsx atau .csv.",
        lambda: open_document(roads()),
        kode="bad_format",
        pesan='berformat ".ods"',
    ),
    _file(
        "hanya_judul.xlsx",
        "ruas_jalan",
        "Templat yang belum diisi: judul dan kepala tabel saja, tanpa baris data.",
        lambda: workbook(replace(roads(), rows=(), totals=None)),
        kode="no_rows",
        pesan="tidak berisi baris data",
    ),
    # Columns.
    Case(
        "tanpa_kolom_status.xlsx",
        "ruas_jalan",
        "Kolom wajib Status Jalan tidak ada.",
        lambda: workbook(roads().without_column(3)),
        kode="missing_column",
        baris=None,
        kolom="status",
        pesan="Kolom wajib status tidak ada",
    ),
    Case(
        "panjang_dalam_meter.xlsx",
        "ruas_jalan",
        'Panjang ditulis dalam meter ("Panjang (m)"), padahal dicatat dalam km.',
        lambda: workbook(roads("m")),
        kode="wrong_unit",
        baris=None,
        kolom="Panjang (m)",
        pesan='Kolom "Panjang (m)" memakai satuan m',
    ),
    # Cells of a road survey.
    _book(
        "teks_di_kolom_angka.xlsx",
        "ruas_jalan",
        'Sel panjang kondisi baik berisi teks "belum disurvei".',
        roads().changed(3, 7, "belum disurvei"),
        kode="not_number",
        baris=10,
        kolom="Kondisi Jalan Baik (km)",
        pesan="Bukan angka",
        nilai="belum disurvei",
    ),
    _book(
        "panjang_negatif.xlsx",
        "ruas_jalan",
        "Panjang rusak berat bertanda minus.",
        roads().changed(1, 10, "-3,61"),
        kode="negative",
        baris=8,
        kolom="Kondisi Jalan Rusak Berat (km)",
        pesan="Tidak boleh negatif",
    ),
    _book(
        "status_jalan_desa.xlsx",
        "ruas_jalan",
        'Status jalan "jalan desa", bukan nasional, provinsi atau kabupaten.',
        roads().changed(4, 3, "jalan desa"),
        kode="choice",
        baris=11,
        kolom="Status Jalan",
        pesan="Bukan salah satu nilai yang sah",
    ),
    _book(
        "ruas_tidak_dikenal.xlsx",
        "ruas_jalan",
        "Kode ruas P-999 tidak ada di data ruas jalan.",
        roads().changed(5, 1, "P-999"),
        kode="unknown_road",
        baris=12,
        kolom="Kode Ruas",
        pesan="belum ada di data ruas jalan",
    ),
    _book(
        "kondisi_tidak_sama_panjang.xlsx",
        "ruas_jalan",
        "Panjang ruas 7,05 km, padahal jumlah panjang per kondisi 5,07 km.",
        roads().changed(0, 6, "7,05"),
        kode="schema",
        baris=7,
        kolom="Panjang (km)",
        pesan="jumlah panjang per kondisi tidak sama dengan panjang",
    ),
    _text(
        "jalan_windows1252.csv",
        "ruas_jalan",
        'CSV Windows-1252: panjang ditulis "± 2,40" di samping nama ruas '
        "bertanda pisah (–).",
        roads().changed(1, 9, "± 2,40"),
        encoding="cp1252",
        kode="not_number",
        baris=8,
        kolom="Kondisi Jalan Rusak Ringan (km)",
        pesan="Bukan angka",
        nilai="± 2,40",
    ),
    _text(
        "jalan_utf16.csv",
        "ruas_jalan",
        'CSV "Teks Unicode" (UTF-16, tab) dengan kabupaten yang tidak ada.',
        roads().changed(2, 4, "Kab. Halmahera Tengah Raya"),
        encoding="utf-16",
        delimiter="\t",
        kode="region",
        baris=9,
        kolom="Kabupaten/Kota",
        pesan='"Kab. Halmahera Tengah Raya" tidak dikenal',
    ),
    # Regions.
    _book(
        "wilayah_tidak_ada.xlsx",
        "indikator",
        'Kabupaten "Halmahera Barat Daya" tidak ada di Maluku Utara.',
        indicators().changed(5, 1, None).changed(5, 2, "Kab. Halmahera Barat Daya"),
        kode="region",
        baris=11,
        kolom="Kabupaten/Kota",
        pesan='"Kab. Halmahera Barat Daya" tidak dikenal',
    ),
    _book(
        "kode_bertentangan_nama.xlsx",
        "indikator",
        "Kode 82.01 (Halmahera Barat) di baris Kota Ternate.",
        indicators().changed(3, 1, "82.01"),
        kode="region",
        baris=9,
        kolom="Kabupaten/Kota",
        pesan="tidak cocok dengan kode",
    ),
    _text(
        "kode_8203_tanpa_nama.csv",
        "indikator",
        "Hanya kode tanpa titik, tanpa nama; 8203 berarti Halmahera Utara "
        "(Kemendagri) atau Kepulauan Sula (BPS).",
        _bare_codes(),
        kode="region",
        baris=8,
        kolom="Kode Wilayah",
        pesan="Kabupaten Kepulauan Sula menurut BPS",
    ),
    _book(
        "kecamatan_di_kabupaten_lain.xlsx",
        "fasilitas",
        "Kecamatan Tobelo (Halmahera Utara) pada baris Kab. Halmahera Barat.",
        facilities().changed(0, 5, "Tobelo"),
        kode="kecamatan_elsewhere",
        baris=7,
        kolom="Kecamatan",
        pesan="tidak berada di Kabupaten Halmahera Barat",
    ),
    _text(
        "kecamatan_windows1252.csv",
        "fasilitas",
        'CSV Windows-1252 dengan nama pulau "Pulau Maré" di kolom kecamatan.',
        facilities().changed(3, 5, "Pulau Maré"),
        encoding="cp1252",
        kode="region",
        baris=10,
        kolom="Kecamatan",
        pesan='"Pulau Maré" tidak dikenal',
    ),
    # Values out of range.
    _book(
        "progres_lebih_100.xlsx",
        "progres_proyek",
        "Realisasi fisik 104,2 %.",
        progress().changed(3, 5, "104,20"),
        kode="percent",
        baris=9,
        kolom="Realisasi Fisik (%)",
        pesan="antara 0 dan 100",
    ),
    _text(
        "indikator_persen_lebih_100.csv",
        "indikator",
        "Akses air minum layak 101,3 persen rumah tangga.",
        indicators().changed(8, 5, "101,30"),
        kode="percent",
        baris=14,
        kolom="Nilai",
        pesan="antara 0 dan 100",
    ),
    _book(
        "tahun_masa_depan.xlsx",
        "indikator",
        "Tahun 2042 (tertukar dari 2024) pada data realisasi.",
        indicators().changed(2, 3, 2042),
        kode="future_year",
        baris=8,
        kolom="Tahun",
        pesan="Tahun di masa depan",
    ),
    _book(
        "tahun_berformat_tanggal.xlsx",
        "indikator",
        "Tahun 2024 diketik di sel berformat tanggal: Excel menyimpan 16-07-1905.",
        indicators().changed(2, 3, datetime(1905, 7, 16)),
        kode="year_typed_as_date",
        baris=8,
        kolom="Tahun",
        pesan="angka 2024 yang diketik",
    ),
    _text(
        "tahun_dua_angka.csv",
        "indikator",
        'Tahun ditulis dua angka ("25").',
        indicators().changed(6, 3, "25"),
        kode="bad_year",
        baris=12,
        kolom="Tahun",
        pesan="Bukan tahun yang sah",
    ),
    _book(
        "bulan_tidak_sah.xlsx",
        "progres_proyek",
        'Bulan "2024-13".',
        progress().changed(1, 3, "2024-13"),
        kode="bad_month",
        baris=7,
        kolom="Bulan",
        pesan="Bukan bulan yang sah",
    ),
    _text(
        "bulan_masa_depan.csv",
        "progres_proyek",
        'Bulan "2042-10" (tertukar dari 2024) pada laporan progres.',
        progress().changed(1, 3, "2042-10"),
        kode="future_month",
        baris=7,
        kolom="Bulan",
        pesan="Bulan di masa depan",
    ),
    _book(
        "lintang_bujur_tertukar.xlsx",
        "fasilitas",
        "Lintang dan bujur tertukar pada satu puskesmas.",
        facilities().changed(1, 6, "127,94020").changed(1, 7, "1,61210"),
        kode="swapped",
        baris=8,
        kolom="Koordinat Lintang / Koordinat Bujur",
        pesan="Lintang dan bujur tertukar",
    ),
    _book(
        "koordinat_di_luar_provinsi.xlsx",
        "fasilitas",
        "Koordinat di Jakarta (-6,2; 106,8), bukan di Maluku Utara.",
        facilities().changed(4, 6, "-6,17540").changed(4, 7, "106,82720"),
        kode="outside",
        baris=11,
        kolom="Koordinat Lintang / Koordinat Bujur",
        pesan="di luar Maluku Utara",
    ),
    # Rows and keys.
    _book(
        "baris_ganda.xlsx",
        "fasilitas",
        "Puskesmas Tobelo Selatan tercantum dua kali.",
        _duplicate_facility(),
        kode="duplicate",
        baris=10,
        kolom="Kode Fasilitas",
        pesan="Sama dengan baris 8",
    ),
    _book(
        "sel_wajib_kosong.xlsx",
        "fasilitas",
        "Nama fasilitas dikosongkan.",
        facilities().changed(2, 2, None),
        kode="empty",
        baris=9,
        kolom="Nama Fasilitas",
        pesan="Sel kosong",
    ),
    _text(
        "proyek_tidak_dikenal.csv",
        "progres_proyek",
        "Kode paket PRY-2024-999 tidak ada di data proyek.",
        progress().changed(0, 1, "PRY-2024-999"),
        kode="unknown_project",
        baris=6,
        kolom="Kode Paket",
        pesan="tidak ada di data proyek",
    ),
    # Choices.
    _book(
        "arah_target_meningkat.xlsx",
        "target_rpjmd",
        'Arah target ditulis "meningkat", bukan "naik" atau "turun".',
        targets().changed(1, 6, "meningkat"),
        kode="choice",
        baris=7,
        kolom="Arah",
        pesan="Bukan salah satu nilai yang sah",
    ),
    _text(
        "kode_lapangan_usaha_m.csv",
        "pdrb_lapangan_usaha",
        'Kode lapangan usaha "M" untuk Jasa Perusahaan, yang di BPS ditulis "M,N".',
        gdp().changed(5, 3, "M"),
        kode="choice",
        baris=10,
        kolom="Kode LU",
        pesan="Bukan salah satu nilai yang sah",
    ),
    replace(
        _book(
            "tabel_lebar_sel_teks.xlsx",
            "indikator",
            'Tabel lebar, satu kolom per indikator; satu sel IPM berisi "belum rilis".',
            wide_indicators().changed(7, 3, "belum rilis"),
            kode="not_number",
            baris=14,
            kolom="IPM",
            pesan="Bukan angka",
        ),
        # Ten kabupaten/kota and the province's own row ("Maluku Utara", data
        # of the indikator dataset, not a total), times three indicators.
        rows=33,
    ),
    # Formulas.
    _text(
        "rumus_di_sumber.csv",
        "indikator",
        f"CSV dengan {FORMULA} di kolom Sumber.",
        indicators().changed(4, 7, FORMULA),
        kode="formula",
        baris=10,
        kolom="Sumber",
        pesan="rumus",
        nilai=FORMULA,
    ),
    _book(
        "rumus_di_nama.xlsx",
        "fasilitas",
        f"Sel teks {FORMULA} di kolom Nama Fasilitas.",
        facilities().changed(2, 2, Text(FORMULA)),
        kode="formula",
        baris=9,
        kolom="Nama Fasilitas",
        pesan="rumus",
        nilai=FORMULA,
    ),
    _book(
        "rumus_tersimpan_di_nama.xlsx",
        "fasilitas",
        f"Sel rumus {FORMULA} (hasil tersimpan: klik) di kolom Nama Fasilitas.",
        _formula_cell(),
        kode="formula",
        baris=9,
        kolom="Nama Fasilitas",
        pesan="rumus",
    ),
]


def write_all(folder: str | Path) -> list[Path]:
    """Write every case's file into ``folder`` (created when missing).

    Returns
    -------
    list of Path
        The files, in the order of :data:`CASES`.
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    return [case.write(target) for case in CASES]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python tests/corpus/make_corpus.py FOLDER``."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if len(arguments) != 1:
        print("Pemakaian: python tests/corpus/make_corpus.py FOLDER", file=sys.stderr)
        return 2
    for path in write_all(arguments[0]):
        print(f"Ditulis: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
