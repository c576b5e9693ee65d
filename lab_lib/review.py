"""Checking a submission from an agency (OPD) against a MARIMOI dataset.

:func:`review` reads a CSV or Excel file the way :mod:`lab_lib.submissions`
does (titles above the table, merged headers, units in brackets, totals rows,
Indonesian numbers, region names in many spellings, codes of either scheme),
maps its columns onto the dataset's and checks every cell. It never stops at
the first problem: the :class:`Review` it returns lists them all, each with
the spreadsheet row, the column as written in the file, the value, what is
wrong and how to fix it. When there is no problem, ``Review.frame`` holds the
rows in the dataset's own shape, ready for :mod:`lab_lib.accept`.

:func:`write_report` writes the list as a small HTML page or an Excel
workbook for the agency; :func:`terminal_table` shows it in a terminal.

Text that a spreadsheet would run as a formula (``=HYPERLINK(...)``,
``+cmd``, ``@SUM``) is refused, and the reports always write it as text, so
no formula from a submission is ever evaluated or passed on.

>>> from lab_lib import review
>>> sorted(review.SPECS)[:3]
['fasilitas', 'indikator', 'pdrb_lapangan_usaha']
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from lab_lib import regions, schemas, submissions
from lab_lib.errors import DataValidationError, LabError, RegionError
from lab_lib.files import write_atomic
from lab_lib.messages import language, text

__all__ = [
    "SPECS",
    "Field",
    "Problem",
    "Review",
    "Spec",
    "review",
    "terminal_table",
    "write_report",
]

# Kinds of field, and what a cell of each must hold.
KINDS = (
    "region",  # a kabupaten/kota (or the province), from a name and/or a code
    "kecamatan",  # a kecamatan of the row's kabupaten/kota
    "year",
    "month",  # YYYY-MM
    "date",
    "number",
    "amount",  # a number >= 0
    "percent",  # a number in 0–100
    "choice",
    "text",
    "lat",
    "lon",
)

# The province's extent in degrees, with a margin for small islands.
LAT_RANGE = (-3.0, 3.0)
LON_RANGE = (123.0, 131.0)

# Headers that name a region, after lab_lib.submissions.column_name.
REGION_NAMES = (
    "wilayah",
    "nama_wilayah",
    "kabupaten_kota",
    "kab_kota",
    "kabupaten",
    "kota",
    "nama_kabupaten_kota",
    "nama_kab_kota",
    "kabkota",
)
# Headers of region codes, with the scheme a header declares.
REGION_CODES = {
    "kode": None,
    "kode_wilayah": None,
    "kode_kab_kota": None,
    "kode_kabupaten_kota": None,
    "kode_kabkota": None,
    "kode_kemendagri": "kemendagri",
    "kode_wilayah_kemendagri": "kemendagri",
    "kode_bps": "bps",
    "kode_wilayah_bps": "bps",
}
# Where a spreadsheet would start a formula.
_FORMULA = re.compile(r"^\s*([=+@]|-\s*[A-Za-z(])")
_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$|^(\d{1,2})[-/.](\d{4})$")
_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})$|^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"
)


@dataclass(frozen=True)
class Field:
    """One column of a dataset, as a submission may give it.

    Attributes
    ----------
    name : str
        The dataset's column, e.g. ``"panjang_km"``.
    kind : str
        One of :data:`KINDS`.
    aliases : tuple of str
        Other headers accepted for it, written as
        :func:`lab_lib.submissions.column_name` gives them.
    required : bool
        Whether the submission must have the column.
    nullable : bool
        Whether a cell may be empty.
    choices : tuple of str
        The allowed values of a ``choice`` field.
    """

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    required: bool = True
    nullable: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Spec:
    """What a submission to one dataset holds.

    Attributes
    ----------
    dataset : str
        Catalog name.
    fields : tuple of Field
        Its columns (geometry is made from ``lat``/``lon`` fields or taken
        from the stored road with the same ``id_ruas``).
    key : tuple of str
        Columns that identify a row: no two rows may share them, and a stored
        row with the same key and other values is a conflict.
    values : tuple of str
        Columns compared with the stored row of the same key.
    future : str or None
        Year or month column that may not lie in the future.
    geometry : {"points", "ruas"} or None
        How the geometry column is filled.
    """

    dataset: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    values: tuple[str, ...]
    future: str | None = None
    geometry: str | None = None

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _f(name: str, kind: str, *aliases: str, **options: Any) -> Field:
    return Field(name, kind, tuple(aliases), **options)


_SOURCE = _f("sumber", "text", "sumber_data", "keterangan_sumber", required=False)
_LENGTHS = tuple(
    _f(name, "amount", *aliases)
    for name, aliases in (
        ("panjang_km", ("panjang", "panjang_jalan_km", "panjang_ruas_km")),
        ("baik_km", ("baik", "kondisi_baik_km", "kondisi_jalan_baik_km")),
        ("sedang_km", ("sedang", "kondisi_sedang_km", "kondisi_jalan_sedang_km")),
        (
            "rusak_ringan_km",
            (
                "rusak_ringan",
                "kondisi_rusak_ringan_km",
                "kondisi_jalan_rusak_ringan_km",
            ),
        ),
        (
            "rusak_berat_km",
            ("rusak_berat", "kondisi_rusak_berat_km", "kondisi_jalan_rusak_berat_km"),
        ),
    )
)
_LAT = _f("lat", "lat", "lintang", "latitude", "y", "koordinat_lintang")
_LON = _f("lon", "lon", "bujur", "longitude", "lng", "x", "koordinat_bujur")

SPECS: dict[str, Spec] = {
    spec.dataset: spec
    for spec in (
        Spec(
            "indikator",
            (
                _f("kode_wilayah", "region"),
                _f("tahun", "year"),
                _f("indikator", "choice", "nama_indikator", choices=schemas.INDICATORS),
                _f("nilai", "number", "angka", nullable=True),
                _f("satuan", "text", required=False),
                _SOURCE,
            ),
            key=("kode_wilayah", "tahun", "indikator"),
            values=("nilai",),
            future="tahun",
        ),
        Spec(
            "target_rpjmd",
            (
                _f("kode_wilayah", "region"),
                _f(
                    "indikator",
                    "choice",
                    "nama_indikator",
                    choices=schemas.TARGET_INDICATORS,
                ),
                _f("tahun", "year"),
                _f("target", "number", "nilai_target"),
                _f("satuan", "text", required=False),
                _f("arah", "choice", "arah_target", choices=("naik", "turun")),
                _f("dokumen", "text", "dokumen_perencanaan"),
                _SOURCE,
            ),
            key=("kode_wilayah", "indikator", "tahun"),
            values=("target", "arah"),
        ),
        Spec(
            "pdrb_lapangan_usaha",
            (
                _f("kode_wilayah", "region"),
                _f("tahun", "year"),
                _f(
                    "kode_lapangan_usaha",
                    "choice",
                    "kode_lu",
                    "kategori",
                    choices=schemas.LAPANGAN_USAHA,
                ),
                _f("lapangan_usaha", "text", "nama_lapangan_usaha"),
                _f("harga", "choice", "dasar_harga", choices=schemas.PRICE_BASES),
                _f("nilai", "amount", "nilai_miliar_rupiah", "nilai_miliar_rp", "pdrb"),
                _SOURCE,
            ),
            key=("kode_wilayah", "tahun", "kode_lapangan_usaha", "harga"),
            values=("nilai",),
            future="tahun",
        ),
        Spec(
            "ruas_jalan",
            (
                _f("id_ruas", "text", "kode_ruas", "no_ruas", "nomor_ruas"),
                _f("nama_ruas", "text", "nama_ruas_jalan", "ruas"),
                _f("status", "choice", "status_jalan", choices=schemas.ROAD_STATUS),
                _f("kode_kabkota", "region"),
                _f("tahun", "year"),
                *_LENGTHS,
                _SOURCE,
            ),
            key=("id_ruas", "tahun"),
            values=tuple(f.name for f in _LENGTHS),
            future="tahun",
            geometry="ruas",
        ),
        Spec(
            "progres_proyek",
            (
                _f("id_proyek", "text", "kode_proyek", "kode_paket", "id_paket"),
                _f("bulan", "month", "periode", "bulan_laporan"),
                _f(
                    "rencana_kumulatif_pct",
                    "percent",
                    "rencana_pct",
                    "rencana_kumulatif",
                    "rencana",
                ),
                _f(
                    "realisasi_kumulatif_pct",
                    "percent",
                    "realisasi_fisik_pct",
                    "realisasi_kumulatif",
                    "realisasi_fisik",
                    nullable=True,
                ),
                _f(
                    "realisasi_keuangan_pct",
                    "percent",
                    "realisasi_keuangan",
                    "keuangan_pct",
                    nullable=True,
                    required=False,
                ),
                _SOURCE,
            ),
            key=("id_proyek", "bulan"),
            values=(
                "rencana_kumulatif_pct",
                "realisasi_kumulatif_pct",
                "realisasi_keuangan_pct",
            ),
            future="bulan",
        ),
        Spec(
            "fasilitas",
            (
                _f("id_fasilitas", "text", "kode_fasilitas", "id"),
                _f("nama", "text", "nama_fasilitas"),
                _f(
                    "jenis",
                    "choice",
                    "jenis_fasilitas",
                    choices=schemas.FACILITY_TYPES,
                ),
                _f("kode_kabkota", "region"),
                _f("kode_kecamatan", "kecamatan", "kecamatan", "nama_kecamatan"),
                _LAT,
                _LON,
                _SOURCE,
            ),
            key=("id_fasilitas",),
            values=("nama", "jenis", "kode_kecamatan", "geometry"),
            geometry="points",
        ),
    )
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a submission.

    Attributes
    ----------
    baris : int or None
        Row in the spreadsheet (None for the file or a whole column).
    kolom : str
        The column as headed in the file ("-" for the file as a whole).
    nilai : str
        The value found ("" when none).
    masalah : str
        What is wrong.
    perbaikan : str
        How to fix it.
    kode : str
        A short name of the kind of problem ("not_number", "future_year"...).
    """

    baris: int | None
    kolom: str
    nilai: str
    masalah: str
    perbaikan: str
    kode: str


@dataclass
class Review:
    """What :func:`review` found in one file.

    Attributes
    ----------
    path : Path
        The file.
    dataset : str
        The dataset it was checked against.
    problems : list of Problem
        Everything wrong, in row order (file and column problems first).
    notes : list of str
        What was done to read it (header rows, dropped totals rows, ignored
        columns, the text encoding).
    frame : DataFrame or None
        The rows in the dataset's columns, indexed by spreadsheet row
        (``baris``); None when the file could not be read as a table.
    source : str
        What fills the ``sumber`` column when the file has none (default:
        the file's name).
    """

    path: Path
    dataset: str
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    frame: pd.DataFrame | None = None
    source: str = ""

    @property
    def ok(self) -> bool:
        """True when there is nothing to fix."""
        return not self.problems

    @property
    def rows(self) -> int:
        """How many data rows were read."""
        return 0 if self.frame is None else len(self.frame)

    def add(
        self,
        kode: str,
        baris: int | None = None,
        kolom: str = "-",
        nilai: object = "",
        **fields: object,
    ) -> None:
        """Record a problem of kind ``kode`` (messages ``review.<kode>``)."""
        self.problems.append(
            Problem(
                baris=baris,
                kolom=kolom,
                nilai=_shown(nilai),
                masalah=text(f"review.{kode}", kolom=kolom, **fields),
                perbaikan=text(f"review.fix.{kode}", **fields),
                kode=kode,
            )
        )

    def summary(self) -> str:
        """One line: how many rows, how many problems."""
        if self.ok:
            return text("review.summary_ok", baris=self.rows, dataset=self.dataset)
        return text(
            "review.summary_problems",
            jumlah=len(self.problems),
            dataset=self.dataset,
            berkas=self.path.name,
        )


def _shown(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return str(value)


# Reading -------------------------------------------------------------------


def review(
    path: str | Path,
    dataset: str,
    *,
    sheet: str | int | None = None,
    scheme: str | None = None,
    stored: Callable[[str], pd.DataFrame] | None = None,
    today: dt.date | None = None,
    tahun: int | None = None,
    sumber: str = "",
) -> Review:
    """Check ``path`` against ``dataset`` and report every problem.

    Parameters
    ----------
    path : str or Path
        A CSV (UTF-8 or Windows-1252) or Excel (.xlsx) file.
    dataset : str
        One of :data:`SPECS`.
    sheet : str or int, optional
        Sheet of a workbook; by default the first that holds a table.
    scheme : {"kemendagri", "bps"}, optional
        Numbering of undotted region codes, when the header does not say
        ("Kode BPS") and names do not decide.
    stored : callable, optional
        ``stored(dataset)`` gives the rows already in the store; needed for
        road submissions (their geometry is the stored road's) and to check
        that a project's progress names a known project. By default the
        catalog is read.
    today : date, optional
        What counts as now for "in the future" (default: today).
    tahun : int, optional
        The year of every row, for a file without a year column (the year
        is then often in the title).
    sumber : str, optional
        The source of every row, for a file without a ``sumber`` column
        (default: the file's name).

    Notes
    -----
    An indicator table may also be wide: one column per indicator ("IPM",
    "Akses Air Minum Layak (%)") instead of ``indikator`` and ``nilai``
    columns.

    Returns
    -------
    Review
    """
    path = Path(path)
    if dataset not in SPECS:
        raise DataValidationError(
            "review.not_submittable",
            dataset=dataset,
            tersedia=", ".join(sorted(SPECS)),
        )
    spec = SPECS[dataset]
    result = Review(path=path, dataset=dataset, source=sumber)
    table = _read(path, sheet, result)
    if table is None:
        return result
    if tahun is not None and not _has_field(table, spec.field("tahun")):
        table = table.assign(**{_YEAR_HEADER: int(tahun)})
    wide = _wide_columns(table, spec)
    if wide:
        return _review_wide(table, wide, spec, result, scheme, stored, today)
    return _review_table(table, spec, result, scheme, stored, today)


def _review_table(
    table: pd.DataFrame,
    spec: Spec,
    result: Review,
    scheme: str | None,
    stored: Callable[[str], pd.DataFrame] | None,
    today: dt.date | None,
) -> Review:
    columns = _map_columns(table, spec, result)
    if columns is None:
        return result
    checker = _Rows(spec, table, columns, result, scheme, today or dt.date.today())
    frame = checker.frame()
    if frame is None:
        return result
    frame = _with_geometry(spec, frame, table, columns, result, stored)
    _check_duplicates(spec, frame, columns, result)
    if spec.dataset == "progres_proyek":
        _check_known_projects(frame, columns, result, stored)
    _check_percent_units(spec, frame, columns, result)
    if result.ok:
        _check_schema(spec, frame, columns, result)
    result.frame = frame
    result.problems.sort(key=lambda p: (p.baris or 0, p.kolom))
    return result


_YEAR_HEADER = "Tahun"
_INDICATOR_HEADER = "Indikator"
_VALUE_HEADER = "Nilai"


def _has_field(table: pd.DataFrame, item: Field) -> bool:
    names = {submissions.column_name(h) for h in table.columns}
    return bool(names & {item.name, *item.aliases})


def _wide_columns(table: pd.DataFrame, spec: Spec) -> dict[str, str]:
    """Indicator columns of a wide table ("IPM", "Akses Air Minum Layak (%)")."""
    if spec.dataset != "indikator" or _has_field(table, spec.field("indikator")):
        return {}
    found = {}
    for header in table.columns:
        name = submissions.column_name(header)
        for indicator in spec.field("indikator").choices:
            if name == indicator or name.startswith(f"{indicator}_"):
                found[str(header)] = indicator
    return found


def _review_wide(
    table: pd.DataFrame,
    wide: dict[str, str],
    spec: Spec,
    result: Review,
    scheme: str | None,
    stored: Callable[[str], pd.DataFrame] | None,
    today: dt.date | None,
) -> Review:
    """A table with one column per indicator, checked one indicator at a time."""
    others = [c for c in table.columns if str(c) not in wide]
    frames = []
    seen: set[tuple] = set()
    for header, indicator in wide.items():
        part = table[others].assign(
            **{_INDICATOR_HEADER: indicator, _VALUE_HEADER: table[header]}
        )
        one = _review_table(
            part,
            spec,
            Review(result.path, spec.dataset, source=result.source),
            scheme,
            stored,
            today,
        )
        for problem in one.problems:
            if problem.kolom == _VALUE_HEADER:
                problem = replace(problem, kolom=header)
            marker = (problem.baris, problem.kolom, problem.kode, problem.nilai)
            if marker not in seen:
                seen.add(marker)
                result.problems.append(problem)
        if one.frame is not None:
            frames.append(one.frame)
    result.notes.append(
        text("review.note_wide", kolom=", ".join(f'"{h}"' for h in wide))
    )
    result.frame = pd.concat(frames) if frames else None
    result.problems.sort(key=lambda p: (p.baris or 0, p.kolom))
    return result


def _check_percent_units(
    spec: Spec, frame: pd.DataFrame, columns: _Columns, result: Review
) -> None:
    """Indicators measured in percent must lie in 0–100."""
    if "satuan" not in frame.columns:
        return
    value = "nilai" if "nilai" in frame.columns else "target"
    header = _header_of(columns, value)
    for row, unit, number in zip(
        frame.index, frame["satuan"], frame[value], strict=True
    ):
        if (
            number is None
            or pd.isna(number)
            or not str(unit or "").startswith("persen")
        ):
            continue
        if not 0 <= float(number) <= 100:
            result.add("percent", baris=row, kolom=header, nilai=_number_text(number))


def _number_text(number: float) -> str:
    return f"{number:g}".replace(".", ",")


def _read(path: Path, sheet: str | int | None, result: Review) -> pd.DataFrame | None:
    """The submission's table, or None with the reason recorded."""
    if not path.is_file():
        result.add("file_missing", berkas=path)
        return None
    head = path.read_bytes()[:8]
    if not head:
        result.add("empty_file", berkas=path.name)
        return None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # Excel saves a workbook with a password (and the old .xls format) as
        # an OLE container, which cannot be read without Excel.
        result.add("encrypted", berkas=path.name)
        return None
    try:
        table = submissions.read_table(path, sheet)
    except DataValidationError as exc:
        kinds = {
            "submission.unknown_sheet": "unknown_sheet",
            "submission.bad_format": "bad_format",
            "submission.no_table": "no_table",
            "submission.bad_encoding": "bad_encoding",
        }
        kode = kinds.get(exc.key, "unreadable")
        result.add(kode, berkas=path.name, sebab=str(exc))
        return None
    encoding = table.attrs.get("encoding")
    if encoding in _ENCODINGS:
        result.notes.append(text("review.note_encoding", encoding=_ENCODINGS[encoding]))
    rows = ", ".join(map(str, table.attrs.get("header_rows", [])))
    result.notes.append(text("review.note_header", baris=rows))
    if table.empty:
        result.add("no_rows", berkas=path.name)
        return None
    return table


@dataclass
class _Columns:
    """Which header of the file holds which field."""

    by_field: dict[str, str]  # dataset column -> header as in the file
    region_name: str | None = None
    region_code: str | None = None
    region_scheme: str | None = None


def _map_columns(table: pd.DataFrame, spec: Spec, result: Review) -> _Columns | None:
    names = {header: submissions.column_name(header) for header in table.columns}
    found = _Columns(by_field={})
    taken: set[str] = set()
    for header, name in names.items():
        if name in REGION_NAMES and found.region_name is None:
            found.region_name = header
            taken.add(header)
        elif name in REGION_CODES and found.region_code is None:
            found.region_code = header
            found.region_scheme = REGION_CODES[name]
            taken.add(header)
    for item in spec.fields:
        if item.kind == "region":
            continue
        accepted = (item.name, *item.aliases)
        for header, name in names.items():
            if header not in taken and name in accepted:
                found.by_field[item.name] = header
                taken.add(header)
                break
    missing = False
    for item in spec.fields:
        if item.kind == "region":
            if found.region_name is None and found.region_code is None:
                result.add("missing_region", kolom=item.name)
                missing = True
        elif item.required and item.name not in found.by_field:
            unit = _other_unit(item, names, taken)
            if unit:
                result.add(
                    "wrong_unit", kolom=unit[0], kolom_data=item.name, satuan=unit[1]
                )
            elif item.kind == "year":
                result.add("missing_year", kolom=item.name, nama=item.name)
            else:
                result.add(
                    "missing_column",
                    kolom=item.name,
                    nama=item.name,
                    nama_lain=", ".join(item.aliases[:3]) or "-",
                )
            missing = True
    ignored = [str(h) for h in table.columns if h not in taken]
    if missing:
        result.notes.append(text("review.note_columns", kolom=_headers(table)))
    elif ignored:
        result.notes.append(text("review.note_ignored", kolom=", ".join(ignored)))
    return None if missing else found


def _headers(table: pd.DataFrame) -> str:
    return ", ".join(f'"{h}"' for h in table.columns)


def _other_unit(
    item: Field, names: dict[object, str], taken: set[str]
) -> tuple[str, str] | None:
    """A header for ``item`` with another unit ("Panjang (m)" for panjang_km)."""
    base, _, unit = item.name.rpartition("_")
    if not base or unit not in ("km", "pct"):
        return None
    for header, name in names.items():
        if header in taken:
            continue
        stem, _, other = name.rpartition("_")
        if stem in (base, *(a.rpartition("_")[0] for a in item.aliases)) and (
            stem and other != unit
        ):
            return str(header), other
    return None


# Cells ---------------------------------------------------------------------


class _Rows:
    """Reads every cell of the table into the dataset's types, noting problems."""

    def __init__(
        self,
        spec: Spec,
        table: pd.DataFrame,
        columns: _Columns,
        result: Review,
        scheme: str | None,
        today: dt.date,
    ) -> None:
        self.spec = spec
        self.table = table
        self.columns = columns
        self.result = result
        self.scheme = columns.region_scheme or scheme
        self.today = today
        self.source = result.source or result.path.name

    def frame(self) -> pd.DataFrame | None:
        table = self._without_totals()
        if table.empty:
            self.result.add("no_rows", berkas=self.result.path.name)
            return None
        self.table = table
        values: dict[str, list[object]] = {}
        self.values = values
        for item in self.spec.fields:
            if item.kind == "region":
                values[item.name] = self._regions()
            elif item.name in self.columns.by_field:
                values[item.name] = self._column(item)
            else:
                values[item.name] = self._default(item, values)
        return pd.DataFrame(values, index=table.index)

    def _without_totals(self) -> pd.DataFrame:
        """The table without its "Jumlah"/"Total" rows, wherever the word is
        written: in the region column or an unused column left of it ("No")."""
        label = self.columns.region_name or self.columns.region_code
        headers = list(self.table.columns)
        last = headers.index(label) if label in headers else 1
        mapped = set(self.columns.by_field.values())
        kept = self.table
        dropped: list[object] = []
        # A road's status "Provinsi" is data, not the province's total.
        for header in headers[: last + 1]:
            if header in mapped:
                continue
            kept = submissions.drop_totals(kept, header)
            dropped += kept.attrs.get("dropped_totals", [])
        if dropped:
            self.result.notes.append(
                text("review.note_totals", baris=", ".join(map(str, sorted(dropped))))
            )
        return kept

    # Regions

    def _regions(self) -> list[object]:
        names = self._cells(self.columns.region_name)
        codes = self._cells(self.columns.region_code)
        header = self.columns.region_name or self.columns.region_code or "-"
        found: list[object] = []
        for row, name, code in zip(self.table.index, names, codes, strict=True):
            try:
                one = submissions.region_codes(
                    pd.Series([name], index=[row]) if names[0] is not _ABSENT else None,
                    pd.Series([code], index=[row]) if codes[0] is not _ABSENT else None,
                    scheme=self.scheme,
                )
            except RegionError as exc:
                shown = " / ".join(
                    _shown(v) for v in (name, code) if v is not _ABSENT and _shown(v)
                )
                self.result.add(
                    "region", baris=row, kolom=header, nilai=shown, pesan=_unrowed(exc)
                )
                found.append(None)
                continue
            kode = one.iloc[0]
            if regions.resolve(kode).tingkat == "kecamatan":
                self.result.add(
                    "region_level", baris=row, kolom=header, nilai=name or code
                )
            found.append(kode)
        return found

    def _cells(self, header: str | None) -> list[object]:
        if header is None:
            return [_ABSENT] * len(self.table)
        return self.table[header].tolist()

    # Other columns

    def _column(self, item: Field) -> list[object]:
        header = self.columns.by_field[item.name]
        read = getattr(self, f"_{item.kind}")
        out = []
        for row, value in self.table[header].items():
            if _blank(value):
                if not item.nullable:
                    self.result.add("empty", baris=row, kolom=header)
                out.append(None)
                continue
            out.append(read(item, header, row, value))
        return out

    def _number_of(self, header: str, row: int, value: object) -> float | None:
        number = submissions.read_number(value)
        if number is None:
            self.result.add("not_number", baris=row, kolom=header, nilai=value)
        return number

    def _number(self, item: Field, header: str, row: int, value: object) -> Any:
        return self._number_of(header, row, value)

    def _amount(self, item: Field, header: str, row: int, value: object) -> Any:
        number = self._number_of(header, row, value)
        if number is not None and number < 0:
            self.result.add("negative", baris=row, kolom=header, nilai=value)
        return number

    def _percent(self, item: Field, header: str, row: int, value: object) -> Any:
        number = self._number_of(header, row, value)
        if number is not None and not 0 <= number <= 100:
            self.result.add("percent", baris=row, kolom=header, nilai=value)
        return number

    def _lat(self, item: Field, header: str, row: int, value: object) -> Any:
        return self._number_of(header, row, value)

    _lon = _lat

    def _year(self, item: Field, header: str, row: int, value: object) -> Any:
        number = self._number_of(header, row, value)
        if number is None:
            return None
        if not float(number).is_integer() or not 2000 <= number <= 2100:
            self.result.add("bad_year", baris=row, kolom=header, nilai=value)
            return None
        year = int(number)
        if self.spec.future == item.name and year > self.today.year:
            self.result.add(
                "future_year",
                baris=row,
                kolom=header,
                nilai=value,
                tahun=self.today.year,
            )
        return year

    def _month(self, item: Field, header: str, row: int, value: object) -> Any:
        month = _as_month(value)
        if month is None:
            self.result.add("bad_month", baris=row, kolom=header, nilai=value)
            return None
        now = f"{self.today.year:04d}-{self.today.month:02d}"
        if self.spec.future == item.name and month > now:
            self.result.add(
                "future_month", baris=row, kolom=header, nilai=value, bulan=now
            )
        return month

    def _date(self, item: Field, header: str, row: int, value: object) -> Any:
        day = _as_date(value)
        if day is None:
            self.result.add("bad_date", baris=row, kolom=header, nilai=value)
        return day

    def _choice(self, item: Field, header: str, row: int, value: object) -> Any:
        wanted = _choice_key(value)
        for choice in item.choices:
            if _choice_key(choice) == wanted:
                return choice
        self.result.add(
            "choice",
            baris=row,
            kolom=header,
            nilai=value,
            pilihan=", ".join(item.choices),
        )
        return None

    def _text(self, item: Field, header: str, row: int, value: object) -> Any:
        written = _shown(value).strip()
        formula = self.table.attrs.get("formulas", {}).get((row, header))
        if formula is not None or _FORMULA.match(written):
            self.result.add(
                "formula", baris=row, kolom=header, nilai=formula or written
            )
        return written

    def _kecamatan(self, item: Field, header: str, row: int, value: object) -> Any:
        try:
            found = regions.resolve(_shown(value))
        except RegionError as exc:
            self.result.add(
                "region", baris=row, kolom=header, nilai=value, pesan=_unrowed(exc)
            )
            return None
        if found.tingkat != "kecamatan":
            self.result.add("not_kecamatan", baris=row, kolom=header, nilai=value)
            return None
        kabkota = self.values["kode_kabkota"][self.table.index.get_loc(row)]
        if kabkota and found.kode_induk != kabkota:
            self.result.add(
                "kecamatan_elsewhere",
                baris=row,
                kolom=header,
                nilai=value,
                kecamatan=found,
                kabkota=regions.resolve(str(kabkota)),
            )
        return found.kode

    def _default(self, item: Field, values: dict[str, list[object]]) -> list[object]:
        """An optional column the file does not have: the unit of each
        indicator, else empty."""
        if item.name == "satuan" and "indikator" in values:
            units = _units(self.spec.dataset)
            return [units.get(str(i)) for i in values["indikator"]]
        if item.name == "sumber":
            return [self.source] * len(self.table)
        return [None] * len(self.table)


_ABSENT = object()
_ENCODINGS = {"cp1252": "Windows-1252", "utf-16": "UTF-16"}


def _blank(value: object) -> bool:
    if value is None or value is _ABSENT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _unrowed(exc: LabError) -> str:
    """The message without its leading "Baris 7: " (the row has its column)."""
    return re.sub(r"^(Baris|Row) [^:]+: ", "", str(exc))


def _choice_key(value: object) -> str:
    return submissions.column_name(_shown(value)) if _shown(value) else ""


def _as_month(value: object) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    found = _MONTH.match(_shown(value).strip())
    if not found:
        return None
    year, month = (found[1], found[2]) if found[1] else (found[4], found[3])
    if not 1 <= int(month) <= 12:
        return None
    return f"{int(year):04d}-{int(month):02d}"


def _as_date(value: object) -> pd.Timestamp | None:
    if isinstance(value, dt.datetime | dt.date):
        return pd.Timestamp(value).normalize()
    found = _DATE.match(_shown(value).strip())
    if not found:
        return None
    if found[1]:
        year, month, day = found[1], found[2], found[3]
    else:
        day, month, year = found[4], found[5], found[6]
    try:
        return pd.Timestamp(int(year), int(month), int(day))
    except ValueError:
        return None


def _units(dataset: str) -> dict[str, str]:
    """The unit of each indicator, as the stored rows write it."""
    from lab_lib import catalog

    units = catalog.metadata("indikator").get("units") or {}
    if dataset == "target_rpjmd":
        units = {**units, "kemantapan_jalan": "persen"}
    return {str(k): str(v) for k, v in units.items()}


# Whole-table checks ----------------------------------------------------------


def _header_of(columns: _Columns, name: str) -> str:
    if name in columns.by_field:
        return columns.by_field[name]
    if name in ("kode_wilayah", "kode_kabkota"):
        return columns.region_name or columns.region_code or name
    return name


def _with_geometry(
    spec: Spec,
    frame: pd.DataFrame,
    table: pd.DataFrame,
    columns: _Columns,
    result: Review,
    stored: Callable[[str], pd.DataFrame] | None,
) -> pd.DataFrame:
    if spec.geometry is None:
        return frame
    import geopandas as gpd
    from shapely.geometry import Point

    shapes: list[object] = []
    if spec.geometry == "points":
        lat_h, lon_h = columns.by_field["lat"], columns.by_field["lon"]
        for row, lat, lon in zip(frame.index, frame["lat"], frame["lon"], strict=True):
            if lat is None or lon is None or pd.isna(lat) or pd.isna(lon):
                shapes.append(None)
                continue
            if _inside(lat, lon):
                shapes.append(Point(lon, lat))
            elif _inside(lon, lat):
                result.add(
                    "swapped",
                    baris=row,
                    kolom=f"{lat_h} / {lon_h}",
                    nilai=f"{lat}, {lon}",
                )
                shapes.append(None)
            else:
                result.add(
                    "outside",
                    baris=row,
                    kolom=f"{lat_h} / {lon_h}",
                    nilai=f"{lat}, {lon}",
                )
                shapes.append(None)
        frame = frame.drop(columns=["lat", "lon"])
    else:
        roads = _stored(stored, "ruas_jalan")
        known = roads.drop_duplicates("id_ruas", keep="last").set_index("id_ruas")
        header = columns.by_field["id_ruas"]
        for row, ident in frame["id_ruas"].items():
            if ident in known.index:
                shapes.append(known.at[ident, "geometry"])
            else:
                if ident:
                    result.add("unknown_road", baris=row, kolom=header, nilai=ident)
                shapes.append(None)
    return gpd.GeoDataFrame(frame, geometry=shapes, crs="EPSG:4326")


def _inside(lat: float, lon: float) -> bool:
    return LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]


def _stored(stored: Callable[[str], pd.DataFrame] | None, dataset: str) -> pd.DataFrame:
    if stored is not None:
        return stored(dataset)
    from lab_lib import catalog

    return catalog.load(dataset)


def _check_duplicates(
    spec: Spec, frame: pd.DataFrame, columns: _Columns, result: Review
) -> None:
    keys = frame[list(spec.key)]
    complete = keys.notna().all(axis=1)
    repeated = keys[complete].duplicated(keep="first")
    first_of: dict[tuple, int] = {}
    for row, values in keys[complete].iterrows():
        first_of.setdefault(tuple(values), row)
    header = " + ".join(_header_of(columns, k) for k in spec.key)
    for row in repeated[repeated].index:
        values = tuple(keys.loc[row])
        result.add(
            "duplicate",
            baris=row,
            kolom=header,
            nilai=" / ".join(map(str, values)),
            pertama=first_of[values],
        )


def _check_known_projects(
    frame: pd.DataFrame,
    columns: _Columns,
    result: Review,
    stored: Callable[[str], pd.DataFrame] | None,
) -> None:
    known = set(_stored(stored, "proyek")["id_proyek"])
    header = columns.by_field["id_proyek"]
    for row, ident in frame["id_proyek"].items():
        if ident and ident not in known:
            result.add("unknown_project", baris=row, kolom=header, nilai=ident)


def _check_schema(
    spec: Spec, frame: pd.DataFrame, columns: _Columns, result: Review
) -> None:
    """The dataset's own schema, for what the cell checks above do not cover
    (e.g. road lengths by condition that do not add up to the length)."""
    from pandera.errors import SchemaErrors

    schema = schemas.SCHEMAS[spec.dataset]
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
        seen: set[tuple] = set()
        for _, case in cases.iterrows():
            problem = schemas.problem_key(case["check"])
            column = case["column"] if isinstance(case["column"], str) else None
            if column is None and problem == "sum":
                column = "panjang_km"
            row = case["index"]
            baris = None if row is None or pd.isna(row) else int(row)
            marker = (baris, column, problem)
            if marker in seen:
                continue
            seen.add(marker)
            result.add(
                "schema",
                baris=baris,
                kolom=_header_of(columns, column) if column else "-",
                nilai=case["failure_case"] if problem != "sum" else "",
                pesan=schemas.PROBLEMS.get(problem, schemas.PROBLEMS["other"])[
                    language()
                ],
            )


# Reports -------------------------------------------------------------------


def _report_rows(found: Review) -> list[list[str]]:
    return [
        [
            "" if p.baris is None else str(p.baris),
            p.kolom,
            p.nilai,
            p.masalah,
            p.perbaikan,
        ]
        for p in found.problems
    ]


def _columns() -> list[str]:
    return text("review.columns").split("|")


def terminal_table(found: Review, width: int | None = None) -> str:
    """The problems as a table for a terminal, with the summary above it."""
    import io

    from rich.console import Console
    from rich.table import Table

    stream = io.StringIO()
    console = Console(file=stream, width=width or 120, highlight=False, markup=False)
    console.print(found.summary())
    for note in found.notes:
        console.print(f"· {note}")
    if found.problems:
        table = Table(show_lines=True)
        for name, ratio in zip(_columns(), (1, 2, 2, 5, 5), strict=True):
            table.add_column(name, ratio=ratio, overflow="fold")
        for row in _report_rows(found):
            table.add_row(*row)
        console.print(table)
    return stream.getvalue()


def write_report(found: Review, target: str | Path) -> Path:
    """Write the problems to ``target``: ``.html`` or ``.xlsx``.

    Values are always written as text: a value that starts with "=" is shown,
    never run as a formula. The write is atomic.

    Raises
    ------
    DataValidationError
        For another file extension.
    """
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix in (".html", ".htm"):
        return write_atomic(target, _html(found))
    if suffix == ".xlsx":
        return write_atomic(target, _xlsx(found))
    raise DataValidationError("review.bad_report", path=target, akhiran=suffix)


_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733;max-width:75rem}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #c8d0d8;padding:.35rem .5rem;vertical-align:top;
text-align:left}th{background:#eef2f5}td.v{font-family:monospace;
white-space:pre-wrap;word-break:break-all}.ok{color:#1b6e3a}.bad{color:#a0281e}
"""


def _html(found: Review) -> str:
    esc = html.escape
    status = "ok" if found.ok else "bad"
    head = "".join(f"<th>{esc(c)}</th>" for c in _columns())
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="v">{esc(v)}</td>' if i == 2 else f"<td>{esc(v)}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in _report_rows(found)
    )
    notes = "".join(f"<li>{esc(n)}</li>" for n in found.notes)
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return (
        f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">'
        f"<title>{esc(text('review.report_title', berkas=found.path.name))}</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>{esc(text('review.report_title', berkas=found.path.name))}</h1>"
        f'<p class="{status}">{esc(found.summary())}</p>'
        f"<ul>{notes}</ul>{table if found.problems else ''}</body></html>"
    )


def _xlsx(found: Review) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = text("review.sheet_title")
    sheet.append([found.summary()])
    for note in found.notes:
        sheet.append([note])
    sheet.append([])
    sheet.append(_columns())
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in _report_rows(found):
        sheet.append([None] * len(row))
        for column, value in enumerate(row, start=1):
            _text_cell(sheet.cell(row=sheet.max_row, column=column), value)
    for letter, width in zip("ABCDE", (8, 24, 24, 60, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _text_cell(cell: Any, value: str) -> None:
    """Put ``value`` in ``cell`` as text that Excel will not run as a formula."""
    cell.value = value
    cell.data_type = "s"
    if _FORMULA.match(value):
        cell.quotePrefix = True


def problems_by_kind(found: Review) -> dict[str, list[Problem]]:
    """The problems grouped by :attr:`Problem.kode`."""
    grouped: dict[str, list[Problem]] = {}
    for problem in found.problems:
        grouped.setdefault(problem.kode, []).append(problem)
    return grouped


def describe(found: Review, shown: int = 10) -> str:
    """The problems as lines of text, for an error message."""
    lines = [
        text(
            "review.line",
            baris=p.baris if p.baris is not None else "-",
            kolom=p.kolom,
            nilai=p.nilai,
            masalah=p.masalah,
        )
        for p in found.problems[:shown]
    ]
    if len(found.problems) > shown:
        lines.append(text("review.more", jumlah=len(found.problems) - shown))
    return "\n".join(lines)
