"""Reading and cleaning the spreadsheets that agencies (OPD) send.

A table from a dinas rarely starts in cell A1. A typical one looks like this::

    1  PANJANG DAN KONDISI JALAN MENURUT KABUPATEN/KOTA, TAHUN 2024   (title)
    2  Dinas PUPR Provinsi Maluku Utara                               (title)
    3
    4  No | Kode | Kabupaten/Kota | Panjang (km) | Kondisi Jalan (km)  (header,
    5     |      |                |              | Baik | Sedang | ... |  merged)
    6  (1)| (2)  | (3)            | (4)          | (5)  | (6)    | ... (numbering)
    7  1  | 8201 | Kab. Halbar    | 519,19       | 203,63 | ...         (data)
    8
    9  2  | 82.02| HALMAHERA TENGAH | 490,65     | ...
    .. JUMLAH                     | 6.216,00     | ...                 (totals)
    .. Sumber: ...                                                     (note)

Title rows above the table, a header over two rows with merged cells and units
in brackets, a row numbering the columns, blank rows, a totals row, a note
below, region names in many spellings, codes from two numbering schemes (BPS
and Kemendagri), and numbers written as text in Indonesian style ("1.234,5").

The functions here undo this one step at a time:

- :func:`read_table` finds the header below the titles, flattens it into one
  name per column and keeps the data rows, each labelled with its row number
  in the spreadsheet (the index, named ``baris``) so that every message can
  say where to look;
- :func:`column_name` turns a header into a snake_case name ("panjang_km");
- :func:`parse_numbers` reads Indonesian number text;
- :func:`drop_totals` removes "Jumlah"/"Total" rows;
- :func:`region_codes` turns names and mixed codes into Kemendagri codes.

>>> column_name("Panjang Jalan (Km)")
'panjang_jalan_km'
>>> parse_numbers(pd.Series(["1.234,5", "12,5 km", " - "])).tolist()
[1234.5, 12.5, nan]
>>> region_codes(pd.Series(["Halmahera Utara"]), pd.Series(["8205"])).tolist()
['82.03']
"""

from __future__ import annotations

import csv
import io
import itertools
import logging
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from numbers import Real
from pathlib import Path
from typing import Any

import pandas as pd

from lab_lib import checks, regions
from lab_lib.errors import DataValidationError, RegionError
from lab_lib.messages import text

__all__ = [
    "INDEX_NAME",
    "column_name",
    "csv_encoding",
    "drop_totals",
    "parse_numbers",
    "read_number",
    "read_table",
    "region_codes",
]

log = logging.getLogger(__name__)

#: Name of the index that holds each data row's row number in the spreadsheet.
INDEX_NAME = "baris"

_EXCEL_SUFFIXES = (".xlsx", ".xlsm")
_CSV_SUFFIXES = (".csv", ".txt")
_DELIMITERS = (";", ",", "\t")
_MAX_HEADER_ROWS = 4
_DASHES = {"-", "--", "–", "—", "_"}
# A number as agencies write it: optional sign and currency, digits with dots,
# commas or spaces, then optionally a unit ("km", "%", "m2", "jiwa").
_NUMBER = re.compile(
    r"(?P<sign>[-+]?)\s*(?:rp\.?\s*)?(?P<digits>\d[\d.,\s]*)\s*"
    r"(?P<unit>%|[^\W\d_][\w/²³.]*)?",
    re.IGNORECASE,
)
_UNIT = re.compile(r"\(([^()]*)\)")
_NOTE = re.compile(r"(sumber|catatan|keterangan|ket\b|note|\*|\d+\))", re.IGNORECASE)
_TOTAL_WORDS = (
    "jumlah",
    "total",
    "subtotal",
    "sub total",
    "grand total",
    "rata rata",
    "rerata",
    "average",
)
_PROVINCE_WORDS = ("provinsi",)
_TOTAL_WORDS_FIRST = ("prov",)


# Reading ------------------------------------------------------------------


def read_table(
    path: str | Path, sheet: str | int | None = None, *, header_rows: int | None = None
) -> pd.DataFrame:
    """The table in an agency's spreadsheet, below its titles, as a DataFrame.

    Parameters
    ----------
    path : str or Path
        An Excel workbook (.xlsx) or a CSV file. CSV is decoded as UTF-8, else
        as Windows-1252 (what Excel on Windows writes); its delimiter (``;``,
        ``,`` or tab) is detected.
    sheet : str or int, optional
        Sheet name or position (0 = first) of a workbook. By default, the
        first sheet that holds a table, among those Excel shows (a hidden
        sheet is read only when it is named).
    header_rows : int, optional
        How many rows the column header spans. By default it is detected: the
        rows of text just above the first row with figures.

    Returns
    -------
    DataFrame
        One row per data row, indexed by its row number in the spreadsheet
        (index name ``baris``), one column per spreadsheet column. Merged
        header cells are flattened into one name, units moved to the end
        ("Kondisi Jalan (km)" over "Baik" gives "Kondisi Jalan Baik (km)").
        Blank rows and columns, a row numbering the columns ("(1)", "(2)",
        ...) and notes below the table (one text merged across the row, or
        starting with "Sumber", "Catatan", "Keterangan", "*") are dropped.
        Totals rows are kept (see :func:`drop_totals`). Cell values are kept
        as read, text stripped of surrounding spaces; a formula cell holds
        the value Excel last calculated, and a number formatted as a
        percentage holds the percentage Excel shows (87.5 for 0.875 shown
        as 87,5%). ``attrs`` records ``source``,
        ``sheet``, ``header_rows`` (their row numbers), ``notes`` (the text
        below the table), ``formulas`` (``(row, column name)`` to the formula
        of each formula cell in the data), ``hidden_rows`` (data rows hidden
        in Excel, read like the others) and, for CSV, ``encoding``.

    Notes
    -----
    Without merged cells (CSV, or a workbook typed without merging), a group
    title in an upper header row is taken to span the columns to its right
    that have a lower header of their own.

    Raises
    ------
    DataValidationError
        The file is missing, of another format, unreadable, or holds no table.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "jalan.csv").write_text(
    ...     "Panjang jalan 2024;;\\n;;\\nKabupaten;Panjang (km);Baik (km)\\n"
    ...     "Halbar;519,19;203,63\\nJumlah;519,19;203,63\\n", encoding="cp1252")
    >>> table = read_table(folder / "jalan.csv")
    >>> table
          Kabupaten Panjang (km) Baik (km)
    baris
    4        Halbar       519,19    203,63
    5        Jumlah       519,19    203,63
    >>> table.attrs["header_rows"]
    [3]
    """
    path = Path(path)
    sheets = _read_sheets(path, sheet)
    for found in sheets:
        table = _table(found.grid, header_rows, found.formulas)
        if table is not None:
            table.attrs["source"] = str(path)
            table.attrs["sheet"] = found.name
            table.attrs["hidden_rows"] = [r for r in found.hidden if r in table.index]
            if path.suffix.lower() in _CSV_SUFFIXES:
                table.attrs["encoding"] = csv_encoding(path.read_bytes())
            return table
    shown = ", ".join(found.name for found in sheets)
    raise DataValidationError("submission.no_table", path=path, lembar=shown)


# A grid is a sheet's rows as (row number, cell values), merged cells filled.
Grid = list[tuple[int, list[object]]]


# A sheet's formula cells: (row, column), both from 1, to the formula.
Formulas = dict[tuple[int, int], str]


@dataclass(frozen=True)
class _Sheet:
    """One sheet to look for a table in."""

    name: str
    grid: Grid
    formulas: Formulas = field(default_factory=dict)
    hidden: tuple[int, ...] = ()  # rows Excel does not show


def _read_sheets(path: Path, sheet: str | int | None) -> list[_Sheet]:
    """The sheets to look for a table in, in order."""
    if not path.is_file():
        raise DataValidationError("submission.file_missing", path=path)
    suffix = path.suffix.lower()
    if suffix in _CSV_SUFFIXES:
        return [_Sheet(path.name, _csv_grid(path))]
    if suffix in _EXCEL_SUFFIXES:
        return _excel_sheets(path, sheet)
    raise DataValidationError("submission.bad_format", path=path, akhiran=suffix)


def csv_encoding(raw: bytes) -> str | None:
    """The encoding a CSV file's bytes are read with, None when neither fits.

    UTF-16 when the file starts with its byte-order mark ("Unicode text" from
    Excel), else UTF-8, else Windows-1252 (what Excel on Windows writes).

    >>> csv_encoding("Tidore;12,5".encode("cp1252"))
    'utf-8'
    >>> csv_encoding("Pulau Maré".encode("cp1252"))
    'cp1252'
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    for encoding in (
        "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8",
        "cp1252",
    ):
        try:
            raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return None


def _csv_grid(path: Path) -> Grid:
    raw = path.read_bytes()
    encoding = csv_encoding(raw)
    if encoding is None:
        raise DataValidationError("submission.bad_encoding", path=path)
    content = raw.decode(encoding)
    delimiter = _delimiter(content)
    rows = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    return [(number, list(cells)) for number, cells in enumerate(rows, start=1)]


def _delimiter(content: str) -> str:
    """The delimiter that splits most lines into the same, largest width."""
    sample = content.splitlines()[:200]

    def score(delimiter: str) -> int:
        widths = [len(r) for r in csv.reader(sample, delimiter=delimiter) if len(r) > 1]
        if not widths:
            return 0
        width, count = Counter(widths).most_common(1)[0]
        return width * count

    return max(_DELIMITERS, key=score)


def _excel_sheets(path: Path, sheet: str | int | None) -> list[_Sheet]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl errors of many kinds
        sebab = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        raise DataValidationError(
            "submission.unreadable", path=path, sebab=sebab
        ) from None
    names = book.sheetnames
    if isinstance(sheet, int) and 0 <= sheet < len(names):
        sheet = names[sheet]
    if sheet is not None and sheet not in names:
        raise DataValidationError(
            "submission.unknown_sheet", lembar=sheet, path=path, ada=", ".join(names)
        )
    # A sheet hidden in Excel is read only when it is asked for by name.
    shown = [name for name in names if book[name].sheet_state == "visible"]
    chosen = (shown or names) if sheet is None else [sheet]
    # Values are the ones Excel last calculated; the formulas themselves are
    # read too, so that a formula in a cell meant for text can be refused.
    formulas = openpyxl.load_workbook(path, data_only=False)
    return [
        _Sheet(
            name,
            _sheet_grid(book[name]),
            _formula_cells(formulas[name]),
            _hidden_rows(book[name]),
        )
        for name in chosen
    ]


def _hidden_rows(worksheet: Any) -> tuple[int, ...]:
    return tuple(
        sorted(row for row, size in worksheet.row_dimensions.items() if size.hidden)
    )


def _formula_cells(worksheet: Any) -> Formulas:
    return {
        (cell.row, cell.column): str(cell.value)
        for row in worksheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    }


def _sheet_grid(worksheet: Any) -> Grid:
    values = [[_shown_value(cell) for cell in row] for row in worksheet.iter_rows()]
    for merged in worksheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        value = values[top][left]
        for r in range(top, merged.max_row):
            for c in range(left, merged.max_col):
                values[r][c] = value
    return list(enumerate(values, start=1))


def _shown_value(cell: Any) -> object:
    """A cell's value as Excel shows it: a number formatted as a percentage
    (0.875 shown as 87,5%) is the percentage."""
    value = cell.value
    percent = "%" in str(cell.number_format or "")
    if percent and isinstance(value, Real) and not isinstance(value, bool):
        return round(float(value) * 100, 10)
    return value


def _table(
    grid: Grid, header_rows: int | None, formulas: Formulas | None = None
) -> pd.DataFrame | None:
    """Header, data and notes of one sheet, or None when there is no table."""
    # 1. Blank rows and columns go; row numbers and column letters stay.
    grid, columns = _without_blanks(grid)
    if not grid:
        return None

    # 2. Find where the data start and which rows above them are the header.
    first = _first_data_row(grid, len(columns))
    header = _header_rows(grid, first, header_rows)
    if not header:
        return None
    body = grid[header[-1] + 1 :]
    if body and _is_numbering(body[0][1]):
        body = body[1:]

    # 3. Notes below the table ("Sumber: ...") are set aside.
    notes: list[str] = []
    while body and _is_note(body[-1][1]):
        notes.insert(0, str(_filled(body[-1][1])[0]))
        body.pop()

    # 4. One name per column, one row per data row; columns that only a wide
    # title reached are dropped.
    heads = [grid[i][1] for i in header]
    rows = [cells for _, cells in body]
    used = [c for c in range(len(columns)) if _filled([r[c] for r in heads + rows])]
    names = _flat_names(
        [[r[c] for c in used] for r in heads], [columns[c] for c in used]
    )
    table = pd.DataFrame(
        [[r[c] for c in used] for r in rows],
        columns=names,
        index=pd.Index([number for number, _ in body], name=INDEX_NAME),
    )
    letters = {columns[c] + 1: name for c, name in zip(used, names, strict=True)}
    rows = {number for number, _ in body}
    table.attrs = {
        "header_rows": [grid[i][0] for i in header],
        "notes": notes,
        "formulas": {
            (row, letters[column]): formula
            for (row, column), formula in (formulas or {}).items()
            if row in rows and column in letters
        },
    }
    return table


def _is_note(cells: Sequence[object]) -> bool:
    """One text in the row, merged across it or starting like a note.

    A lone name at the end ("Taliabu" with empty figures) stays a data row.
    """
    filled = _filled(cells)
    if len({str(c) for c in filled}) != 1:
        return False
    return len(filled) > 1 or bool(_NOTE.match(str(filled[0])))


def _clean(value: object) -> object:
    """A cell value with text stripped; blank text becomes None."""
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _filled(cells: Sequence[object]) -> list[object]:
    return [c for c in cells if c is not None]


def _without_blanks(grid: Grid) -> tuple[Grid, list[int]]:
    width = max((len(cells) for _, cells in grid), default=0)
    cleaned = [
        (number, [_clean(c) for c in cells] + [None] * (width - len(cells)))
        for number, cells in grid
    ]
    kept_rows = [(n, cells) for n, cells in cleaned if _filled(cells)]
    used = [
        c for c in range(width) if any(cells[c] is not None for _, cells in kept_rows)
    ]
    return [(n, [cells[c] for c in used]) for n, cells in kept_rows], used


def _first_data_row(grid: Grid, width: int) -> int | None:
    """Position of the first dense row holding a figure (not a numbering row)."""
    dense = max(2, math.ceil(width / 2))
    for position, (_, cells) in enumerate(grid):
        if _is_numbering(cells) or len(_filled(cells)) < dense:
            continue
        if _has_figure(cells):
            return position
    return None


def _header_rows(grid: Grid, first: int | None, wanted: int | None) -> list[int]:
    """Positions of the header rows."""
    if wanted is not None:
        start = next((i for i, (_, c) in enumerate(grid) if _is_header_like(c)), None)
        return (
            [] if start is None else list(range(start, min(start + wanted, len(grid))))
        )
    if first is None:  # no figures at all: the header-like rows at the top
        start = next((i for i, (_, c) in enumerate(grid) if _is_header_like(c)), None)
        return [] if start is None else _header_below(grid, start)
    return _header_above(grid, first)


def _header_below(grid: Grid, start: int) -> list[int]:
    """The header starting at ``start`` of a table without figures (an empty
    form): the rows below a group row ("Kondisi Jalan (km)" merged over four
    columns) belong to the header too."""
    header = [start]
    while len(header) < _MAX_HEADER_ROWS and _is_group_row(grid[header[-1]][1]):
        following = header[-1] + 1
        if following >= len(grid) or grid[following][0] != grid[header[-1]][0] + 1:
            break
        cells = grid[following][1]
        if _is_numbering(cells) or not _is_header_like(cells):
            break
        header.append(following)
    return header


def _is_group_row(cells: Sequence[object]) -> bool:
    """A header row with a title merged over several columns."""
    return any(a is not None and a == b for a, b in itertools.pairwise(cells))


def _header_above(grid: Grid, first: int) -> list[int]:
    """The stacked rows of text above the first data row.

    Between them and the data there may be a row numbering the columns, blank
    rows (already dropped) and up to two section labels ("A. KABUPATEN").
    """
    header: list[int] = []
    skipped = 0
    for position in range(first - 1, -1, -1):
        number, cells = grid[position]
        between = _is_numbering(cells) or not _is_header_like(cells)
        if not header and skipped < 3 and between:
            skipped += 1
            continue
        stacked = not header or number == grid[header[0]][0] - 1
        if not stacked or not _is_header_like(cells) or _has_figure(cells):
            break
        header.insert(0, position)
        if len(header) == _MAX_HEADER_ROWS:
            break
    return header


def _has_figure(cells: Sequence[object]) -> bool:
    return any(_is_figure(c) for c in cells)


def _is_header_like(cells: Sequence[object]) -> bool:
    """Two or more different texts: not a title spread over merged cells."""
    filled = _filled(cells)
    return len(filled) >= 2 and len({str(c) for c in filled}) >= 2


def _is_numbering(cells: Sequence[object]) -> bool:
    """A row that numbers the columns: 1, 2, 3 ... or (1), (2), (3) ..."""
    filled = _filled(cells)
    found = [
        re.fullmatch(r"\(?(\d{1,2})\)?", str(c).removesuffix(".0")) for c in filled
    ]
    if len(filled) < 2 or not all(found):
        return False
    numbers = [int(m.group(1)) for m in found if m]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _is_figure(value: object) -> bool:
    """A number, or text that reads as one, but not a year (a header "2024")."""
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, Real):
        number = float(value)
    elif isinstance(value, str):
        number = read_number(value)
        if number is None or math.isnan(number):
            return False
    else:
        return False
    return not (number.is_integer() and 1900 <= number <= 2100)


def _flat_names(rows: list[list[object]], columns: list[int]) -> list[str]:
    """One name per column from the header rows, unique."""
    rows = [list(r) for r in rows]
    # A group title written once over its columns (merged or not) spans them.
    for upper, lower in itertools.pairwise(rows):
        for c in range(1, len(upper)):
            if upper[c] is None and lower[c] is not None and lower[c - 1] is not None:
                upper[c] = upper[c - 1]
    names: list[str] = []
    for c, column in enumerate(columns):
        parts: list[str] = []
        for row in rows:
            part = row[c]
            if part is not None and (not parts or str(part) != parts[-1]):
                parts.append(str(part))
        name = _join_parts(parts) or f"Kolom {_letter(column)}"
        names.append(_unique(name, names))
    return names


def _join_parts(parts: list[str]) -> str:
    """ "Kondisi Jalan (km)" + "Baik" -> "Kondisi Jalan Baik (km)"."""
    words, unit = [], None
    for part in parts:
        units = _UNIT.findall(part)
        if units:
            unit = units[-1].strip()
        bare = " ".join(_UNIT.sub(" ", part).split())
        if bare:
            words.append(bare)
    name = " ".join(words)
    return f"{name} ({unit})" if unit else name


def _letter(column: int) -> str:
    """Spreadsheet letter of a 0-based column: 0 -> A, 27 -> AB."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _unique(name: str, taken: list[str]) -> str:
    candidate, counter = name, 2
    while candidate in taken:
        candidate, counter = f"{name} {counter}", counter + 1
    return candidate


# Column names -------------------------------------------------------------


def column_name(header: object) -> str:
    """A header as a snake_case column name, its unit in brackets at the end.

    Letters are lower-cased and stripped of accents; anything that is not a
    letter or digit becomes ``_``; "%" becomes ``pct`` and "²" ``2``.

    Parameters
    ----------
    header : str
        A header as written in the spreadsheet.

    Returns
    -------
    str
        E.g. "panjang_km"; "kolom" for an empty header.

    Examples
    --------
    >>> column_name("Panjang (km)")
    'panjang_km'
    >>> column_name("PANJANG JALAN (Km)")
    'panjang_jalan_km'
    >>> column_name("Kondisi Jalan Baik (km)")
    'kondisi_jalan_baik_km'
    >>> column_name("Kabupaten/Kota"), column_name("Luas (km²)")
    ('kabupaten_kota', 'luas_km2')
    >>> column_name("Akses Air Minum Layak (%)")
    'akses_air_minum_layak_pct'
    """
    written = str(header) if header is not None else ""
    units = [u for u in (_snake(u) for u in _UNIT.findall(written)) if u]
    name = _snake(_UNIT.sub(" ", written))
    for unit in units:
        if not name.endswith(unit):
            name = f"{name}_{unit}" if name else unit
    return name or "kolom"


def _snake(words: str) -> str:
    words = words.replace("%", " pct ").replace("²", "2").replace("³", "3")
    ascii_text = unicodedata.normalize("NFKD", words).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.decode().casefold()).strip("_")


# Numbers ------------------------------------------------------------------


def parse_numbers(series: pd.Series) -> pd.Series:
    """Numbers written the Indonesian way, as floats.

    A comma is the decimal sign and a dot groups thousands: "1.234,5" is
    1234.5 and "12,5" is 12.5. Where both signs appear, the last one is the
    decimal sign, so "1,234.5" (written the English way) is read too. A
    single dot followed by exactly three digits groups thousands ("1.234" is
    1234), as in Indonesian writing; other single dots are decimal ("0.75").
    A unit after the number ("12,5 km", "45%") and "Rp" before it are
    dropped. Blank cells and dashes ("-") become NaN. Numbers already stored
    as numbers are kept.

    Parameters
    ----------
    series : Series
        One column of an agency's table; its index labels the rows (after
        :func:`read_table`, the spreadsheet row numbers).

    Returns
    -------
    Series
        Floats, same index and name.

    Raises
    ------
    DataValidationError
        When a value cannot be read as a number; the message names the
        column, the rows and their values.

    Examples
    --------
    >>> parse_numbers(pd.Series(["1.234,5", "12,5", "1.234", "45%", 7, ""]))
    0    1234.5
    1      12.5
    2    1234.0
    3      45.0
    4       7.0
    5       NaN
    dtype: float64
    >>> parse_numbers(pd.Series(["12,5", "dua belas"], index=[14, 15], name="Baik"))
    Traceback (most recent call last):
    ...
    lab_lib.errors.DataValidationError: Kolom "Baik": 1 nilai tidak terbaca ...
    """
    values = [read_number(v) for v in series.tolist()]
    bad = [i for i, v in enumerate(values) if v is None]
    if bad:
        raise DataValidationError(
            "submission.not_numbers",
            kolom=series.name if series.name is not None else "-",
            jumlah=len(bad),
            daftar=checks.rows(
                text(
                    "submission.row_value", baris=series.index[i], nilai=series.iloc[i]
                )
                for i in bad
            ),
        )
    return pd.Series(values, index=series.index, name=series.name, dtype=float)


def read_number(value: object) -> float | None:
    """One cell as a float, NaN when blank, None when it is not a number.

    >>> read_number("1.234,5"), read_number("-"), read_number("dua")
    (1234.5, nan, None)
    """
    if isinstance(value, bool):
        return None
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return math.nan
    if isinstance(value, Real):
        return float(value)
    written = " ".join(str(value).replace("\u00a0", " ").split())
    if not written or written in _DASHES:
        return math.nan
    found = _NUMBER.fullmatch(written)
    if not found:
        return None
    digits = _plain_digits(found.group("digits").replace(" ", ""))
    if digits is None:
        return None
    return float(f"{found.group('sign')}{digits}")


def _plain_digits(digits: str) -> str | None:
    """ "1.234,5" -> "1234.5"; None when the separators make no sense."""
    digits = digits.rstrip(".,")
    marks = [m for m in (".", ",") if m in digits]
    if len(marks) == 2:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
    elif marks == [","]:
        decimal = "," if digits.count(",") == 1 else None
    elif marks == ["."]:
        decimal = "." if _single_decimal_dot(digits) else None
    else:
        return digits
    whole, _, fraction = digits.rpartition(decimal) if decimal else (digits, "", "")
    groups = re.split(r"[.,]", whole)
    if len(groups) > 1 and not _thousands(groups):
        return None
    return "".join(groups) + (f".{fraction}" if decimal else "")


def _single_decimal_dot(digits: str) -> bool:
    whole, _, fraction = digits.partition(".")
    return digits.count(".") == 1 and (len(fraction) != 3 or whole in ("", "0"))


def _thousands(groups: list[str]) -> bool:
    first, rest = groups[0], groups[1:]
    return 1 <= len(first) <= 3 and all(len(g) == 3 for g in rest)


# Totals -------------------------------------------------------------------


def drop_totals(
    frame: pd.DataFrame, column: str, *, province: bool = True
) -> pd.DataFrame:
    """``frame`` without its totals rows ("Jumlah", "Total", "Provinsi ...").

    A row is a totals row when the text in ``column`` starts with "Jumlah",
    "Total", "Sub total", "Grand total" or "Rata-rata", or, with
    ``province``, starts with "Provinsi" or names the province itself
    ("Maluku Utara").

    Parameters
    ----------
    frame : DataFrame
        An agency's table, e.g. from :func:`read_table`.
    column : str
        The column with the region names.
    province : bool
        Whether the province's own row is a total (False for tables that
        hold rows for the province as well as for each kabupaten/kota).

    Returns
    -------
    DataFrame
        The other rows. ``attrs["dropped_totals"]`` lists the index labels
        (spreadsheet rows) of the rows dropped.

    Raises
    ------
    DataValidationError
        When ``column`` is not in ``frame``.

    Examples
    --------
    >>> table = pd.DataFrame({"wilayah": ["Halbar", "JUMLAH TOTAL", "Ternate"]},
    ...                      index=[8, 9, 10])
    >>> kept = drop_totals(table, "wilayah")
    >>> kept["wilayah"].tolist(), kept.attrs["dropped_totals"]
    (['Halbar', 'Ternate'], [9])
    """
    if column not in frame.columns:
        raise DataValidationError(
            "submission.no_column", kolom=column, ada=", ".join(map(str, frame.columns))
        )
    is_total = frame[column].map(lambda v: _is_total(v, province)).astype(bool)
    dropped = frame.index[is_total].tolist()
    if dropped:
        log.info(text("submission.totals_dropped", baris=checks.rows(dropped)))
    kept = frame.loc[~is_total].copy()
    kept.attrs = {**frame.attrs, "dropped_totals": dropped}
    return kept


def _is_total(value: object, province: bool = True) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    words = " ".join(re.sub(r"[^\w\s]", " ", value.casefold()).split())
    if words.startswith(_TOTAL_WORDS):
        return True
    if not province:
        return False
    if words.startswith(_PROVINCE_WORDS) or words.split()[0] in _TOTAL_WORDS_FIRST:
        return True
    try:
        return regions.resolve(value).tingkat == "provinsi"
    except RegionError:
        return False


# Regions ------------------------------------------------------------------


def region_codes(
    names: pd.Series | None,
    codes: pd.Series | None = None,
    scheme: str | None = None,
) -> pd.Series:
    """The Kemendagri code of each row, from region names, codes or both.

    Names may be spelled in any way :func:`lab_lib.regions.resolve` accepts
    ("Kab. Halbar", "HALMAHERA BARAT", "Kabupaten Halmahera Barat"); a name
    shared with a kecamatan ("Tidore") means the kabupaten/kota.
    Codes may be dotted Kemendagri codes ("82.03") or undotted codes of
    either scheme, mixed ("8201", "8205"). Undotted 8203 and 8205 name
    different kabupaten in the BPS and Kemendagri schemes, so a scheme is
    never guessed from the digits:

    - with a name and a code, the reading of the code (Kemendagri or BPS)
      that names the same region as the name is taken; when none does, the
      row is a conflict;
    - with a code alone, ``scheme`` decides; without it a code that means
      different regions in the two schemes is refused;
    - with a name alone, the name decides.

    Parameters
    ----------
    names : Series or None
        Region names, one per row.
    codes : Series, optional
        Region codes, same rows as ``names``. Codes stored as numbers (8201,
        8201.0) are read as their digits.
    scheme : {"kemendagri", "bps"}, optional
        The numbering of the undotted codes, when it is known.

    Returns
    -------
    Series
        Dotted Kemendagri codes (str), same index as the input, named
        ``kode``.

    Raises
    ------
    RegionError
        For an unknown name or code, a conflict between name and code, an
        ambiguous lone code, or an empty row. The message names the row
        (index label); with several such rows, it lists them.

    Examples
    --------
    >>> names = pd.Series(["Halmahera Utara", "Kepsul", "Kab. Halbar"])
    >>> codes = pd.Series(["8205", "8203", 8201])
    >>> region_codes(names, codes).tolist()
    ['82.03', '82.05', '82.01']
    >>> region_codes(None, pd.Series(["8203"]), scheme="bps").tolist()
    ['82.05']
    >>> region_codes(pd.Series(["Ternate"]), pd.Series(["8201"]), ) # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lab_lib.errors.RegionError: Baris 0: nama "Ternate" (Kota Ternate (82.71)) ...
    """
    if scheme is not None and scheme not in regions.SCHEMES:
        raise RegionError("region.bad_scheme", scheme=scheme)
    rows = _region_rows(names, codes)
    found: dict[object, str] = {}
    problems: list[RegionError] = []
    for row, name, code in rows:
        try:
            found[row] = _row_region(row, name, code, scheme).kode
        except RegionError as exc:
            problems.append(exc)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise RegionError(
            "submission.many_region_problems",
            jumlah=len(problems),
            daftar=" | ".join(str(p) for p in problems[: checks.SHOWN])
            + (" | …" if len(problems) > checks.SHOWN else ""),
        )
    index = (names if names is not None else codes).index  # type: ignore[union-attr]
    return pd.Series(
        [found[r] for r, _, _ in rows], index=index, name="kode", dtype=object
    )


def _region_rows(
    names: pd.Series | None, codes: pd.Series | None
) -> list[tuple[object, str | None, str | None]]:
    if names is None and codes is None:
        raise RegionError("submission.no_regions")
    if names is not None and codes is not None and len(names) != len(codes):
        raise RegionError("submission.uneven_columns", nama=len(names), kode=len(codes))
    base = names if names is not None else codes
    labels = base.index.tolist()  # type: ignore[union-attr]
    name_list = names.tolist() if names is not None else [None] * len(labels)
    code_list = codes.tolist() if codes is not None else [None] * len(labels)
    return [
        (row, _name_text(n), _code_text(c))
        for row, n, c in zip(labels, name_list, code_list, strict=True)
    ]


def _name_text(value: object) -> str | None:
    cleaned = _clean(value)
    return None if cleaned is None else str(cleaned)


def _code_text(value: object) -> str | None:
    """A code cell as text: 8201 and 8201.0 give "8201", 82.01 gives "82.01"."""
    cleaned = _clean(value)
    if cleaned is None:
        return None
    if isinstance(cleaned, Real) and not isinstance(cleaned, bool):
        number = float(cleaned)
        return str(int(number)) if number.is_integer() else f"{number:.2f}"
    # A leading apostrophe is how Excel users keep a code as text.
    written = str(cleaned).replace(" ", "").lstrip("'")
    return re.sub(r"^(\d+)\.0$", r"\1", written)


def _row_region(
    row: object, name: str | None, code: str | None, scheme: str | None
) -> regions.Region:
    try:
        if name is None and code is None:
            raise RegionError("submission.region_empty", baris=row)
        if name is None:
            return regions.resolve(code, scheme=scheme)
        named = regions.resolve(name, kabkota=True)
        if code is None:
            return named
        return _agreeing(row, named, name, code, scheme)
    except RegionError as exc:
        raise _with_row(exc, row) from None


def _agreeing(
    row: object, named: regions.Region, name: str, code: str, scheme: str | None
) -> regions.Region:
    """The region the code names, read in the scheme that matches the name."""
    readings = _readings(code, scheme)
    if named in readings.values():
        return named
    meaning = "; ".join(
        text("submission.code_reading", skema=s, wilayah=r) for s, r in readings.items()
    )
    raise RegionError(
        "submission.region_conflict",
        baris=row,
        nama=name,
        wilayah=named,
        teks=code,
        arti=meaning,
    )


def _readings(code: str, scheme: str | None) -> dict[str, regions.Region]:
    """Every region ``code`` can mean, by scheme; refused when it means none."""
    if "." in code:
        schemes: tuple[str, ...] = (scheme or "kemendagri",)
    else:
        schemes = (scheme,) if scheme else regions.SCHEMES
    readings = {}
    for one in schemes:
        try:
            readings["BPS" if one == "bps" else "Kemendagri"] = regions.resolve(
                code, one
            )
        except RegionError:
            continue
    if not readings:
        regions.resolve(code, scheme or "kemendagri")  # raises the usual message
    return readings


def _with_row(exc: RegionError, row: object) -> RegionError:
    """The same problem, said with its row."""
    if exc.key.startswith("submission."):
        return exc
    if exc.key == "region.ambiguous_code":
        fields = {k: v for k, v in exc.fields.items() if k != "kode"}
        return RegionError("submission.ambiguous_code", baris=row, **fields)
    return RegionError("submission.region_row", baris=row, pesan=str(exc))
