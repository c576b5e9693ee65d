"""Checking a submission from an agency (OPD) against a MARIMOI dataset.

:func:`review` reads a CSV or Excel file the way :mod:`lab_lib.submissions`
does (titles above the table, merged headers, units in brackets, totals rows,
Indonesian numbers, region names in many spellings, codes of either scheme),
maps its columns onto the dataset's and checks every cell. It never stops at
the first problem: the :class:`Review` it returns lists them all, each with
the spreadsheet row, the column as written in the file, the value, what is
wrong and how to fix it. When there is no problem, ``Review.frame`` holds the
rows in the dataset's own shape, ready for :mod:`lab_lib.accept`.

:mod:`lab_lib.review_report` writes the list as a terminal table, a small
HTML page or an Excel workbook for the agency; :mod:`lab_lib.submission_specs`
says which columns each dataset takes.

Text that a spreadsheet would run as a formula (``=HYPERLINK(...)``,
``+cmd``, ``@SUM``) is refused, and the reports always write it as text, so
no formula from a submission is ever evaluated or passed on.

>>> sorted(SPECS)[:3]
['fasilitas', 'indikator', 'pdrb_lapangan_usaha']
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from lab_lib import regions, schemas, submissions
from lab_lib.errors import DataValidationError, LabError, RegionError
from lab_lib.messages import language, text
from lab_lib.submission_specs import REGION_CODES, REGION_NAMES, SPECS, Field, Spec

__all__ = ["FORMULA", "SPECS", "Problem", "Review", "describe", "review"]

# The province's extent in degrees, with a margin for small islands.
LAT_RANGE = (-3.0, 3.0)
LON_RANGE = (123.0, 131.0)

#: The day Excel counts its dates from (day 1 is 1 January 1900).
_EXCEL_DAY_ZERO = dt.date(1899, 12, 30)

#: Text a spreadsheet would run as a formula.
FORMULA = re.compile(r"^\s*([=+@]|-\s*[A-Za-z(])")
_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$|^(\d{1,2})[-/.](\d{4})$")
# "April 2022", "Mei 2022", "Apr-22".
_MONTH_NAME = re.compile(r"^([^\W\d_]+)\.?[\s\-/]*('?\d{2}|\d{4})$")
_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "pebruari", "february", "feb", "peb"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "ags", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nopember", "nov", "nop"),
            ("desember", "december", "des", "dec"),
        ),
        start=1,
    )
    for name in names
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
    provided : set of str
        The dataset's columns the file gives values for; the others were
        filled in (the unit of an indicator, the source) or left empty.
    """

    path: Path
    dataset: str
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    frame: pd.DataFrame | None = None
    source: str = ""
    provided: set[str] = field(default_factory=set)

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
    if tahun is not None:
        year = next((f for f in spec.fields if f.kind == "year"), None)
        if year is None:
            with_years = [n for n, s in SPECS.items() if s.has_year]
            raise DataValidationError(
                "review.no_year_field",
                dataset=dataset,
                dataset_tahun=", ".join(with_years),
            )
        if not _has_field(table, year):
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
    result.provided = {
        *columns.by_field,
        *(f.name for f in spec.fields if f.kind == "region"),
        *(["geometry"] if spec.geometry else []),
    }
    checker = _Rows(spec, table, columns, result, scheme, today or dt.date.today())
    frame = checker.frame()
    if frame is None:
        return result
    frame = _with_geometry(spec, frame, columns, result, stored)
    _check_duplicates(spec, frame, columns, result)
    if spec.dataset == "progres_proyek":
        _check_known_projects(frame, columns, result, stored)
    _check_units(spec, frame, columns, result)
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
        formulas = table.attrs.get("formulas", {})
        part.attrs["formulas"] = {
            (row, _VALUE_HEADER if column == header else column): formula
            for (row, column), formula in formulas.items()
            if column == header or column in others
        }
        one = _review_table(
            part,
            spec,
            Review(result.path, spec.dataset, source=result.source),
            scheme,
            stored,
            today,
        )
        result.provided |= one.provided
        result.notes += [n for n in one.notes if n not in result.notes]
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
    # Several rows of the frame come from one spreadsheet row here, one per
    # indicator; the index keeps the spreadsheet row of each.
    result.frame = pd.concat(frames) if frames else None
    result.problems.sort(key=lambda p: (p.baris or 0, p.kolom))
    return result


def _check_units(
    spec: Spec, frame: pd.DataFrame, columns: _Columns, result: Review
) -> None:
    """Each indicator in the unit the catalog records for it; those measured
    in percent in 0–100. A unit written in the file must be the same one."""
    if "indikator" not in frame.columns or "satuan" not in frame.columns:
        return
    units = _units(spec.dataset)
    value = "nilai" if "nilai" in frame.columns else "target"
    value_header = _header_of(columns, value)
    unit_header = columns.by_field.get("satuan")
    for row, indicator, written, number in zip(
        frame.index, frame["indikator"], frame["satuan"], frame[value], strict=True
    ):
        unit = units.get(str(indicator))
        if unit is None:
            continue
        if (
            unit_header
            and not _blank(written)
            and _unit_key(written) != _unit_key(unit)
        ):
            result.add(
                "unit_mismatch",
                baris=row,
                kolom=unit_header,
                nilai=written,
                indikator=indicator,
                satuan=unit,
            )
        percent = unit.startswith("persen") and not _blank(number)
        if percent and not 0 <= float(number) <= 100:
            result.add(
                "percent", baris=row, kolom=value_header, nilai=_number_text(number)
            )
    frame["satuan"] = [
        units.get(str(i), w)
        for i, w in zip(frame["indikator"], frame["satuan"], strict=True)
    ]


def _unit_key(unit: object) -> str:
    """ "%", "Persen" and "persen rumah tangga" compare as one unit; "Rp juta"
    and "juta rupiah" do not."""
    words = str(unit).casefold().replace("%", "persen").split()
    return "persen" if words and words[0] == "persen" else " ".join(words)


def _number_text(number: float) -> str:
    return f"{float(number):.10g}".replace(".", ",")


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
    hidden = table.attrs.get("hidden_rows", [])
    if hidden:
        shown = ", ".join(map(str, hidden))
        result.notes.append(text("review.note_hidden_rows", baris=shown))
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
                    "wrong_unit",
                    kolom=unit[0],
                    kolom_data=item.name,
                    satuan=unit[1],
                    harus=_UNIT_NAMES[item.name.rpartition("_")[2]],
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


_UNIT_NAMES = {"km": "km", "pct": "%"}


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
        # A road's status "Provinsi" is data, not the province's total; so is
        # the province's own row in a dataset that holds province rows.
        province = not self.spec.province_rows
        for header in headers[: last + 1]:
            if header in mapped:
                continue
            kept = submissions.drop_totals(kept, header, province=province)
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
                if (row, header) in self.table.attrs.get("formulas", {}):
                    self.result.add("uncalculated", baris=row, kolom=header)
                elif not item.nullable:
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
        if isinstance(value, dt.date):
            self._year_as_date(header, row, value)
            return None
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

    def _year_as_date(self, header: str, row: int, value: dt.date) -> None:
        """A date where a year belongs, most often a year typed into a cell
        formatted as a date (2024 becomes 16 July 1905)."""
        day = value.date() if isinstance(value, dt.datetime) else value
        typed = (day - _EXCEL_DAY_ZERO).days
        shown = f"{day:%d-%m-%Y}"
        if 2000 <= typed <= 2100:
            self.result.add(
                "year_typed_as_date",
                baris=row,
                kolom=header,
                nilai=value,
                ketik=typed,
                tanggal=shown,
            )
        else:
            self.result.add(
                "year_is_date",
                baris=row,
                kolom=header,
                nilai=value,
                tanggal=shown,
                tahun=day.year,
            )

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
        if formula is not None or FORMULA.match(written):
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
    """ "2024-03", "03/2024", "Maret 2024", "Mar-24" or a date cell as
    "2024-03"; None for anything else."""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    named = _MONTH_NAME.match(_shown(value).strip())
    if named and named[1].casefold() in _MONTH_NAMES:
        year = int(named[2].lstrip("'"))
        year += 2000 if year < 100 else 0
        return f"{year:04d}-{_MONTH_NAMES[named[1].casefold()]:02d}"
    found = _MONTH.match(_shown(value).strip())
    if not found:
        return None
    year, month = (found[1], found[2]) if found[1] else (found[4], found[3])
    if not 1 <= int(month) <= 12:
        return None
    return f"{int(year):04d}-{int(month):02d}"


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
                continue
            result.add(
                "swapped" if _inside(lon, lat) else "outside",
                baris=row,
                kolom=f"{lat_h} / {lon_h}",
                nilai=f"{_number_text(lat)} / {_number_text(lon)}",
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
