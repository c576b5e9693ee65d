"""Numbers written the way Indonesian planning documents write them.

Indonesian uses a dot for thousands and a comma for decimals ("1.234,5");
English uses the reverse ("1,234.5"). The language defaults to
:func:`lab_lib.messages.language`.

>>> number(1234.5, 1)
'1.234,5'
>>> number(1234.5, 1, bahasa="en")
'1,234.5'
>>> percent(8.75)
'8,75%'
>>> rupiah(12_345_000_000)
'Rp 12,3 miliar'
>>> rupiah(12_345_000_000, bahasa="en")
'IDR 12.3 billion'
>>> date(datetime.date(2026, 12, 3))
'3 Desember 2026'
"""

from __future__ import annotations

import datetime
import math

from lab_lib.messages import language

__all__ = ["date", "month", "number", "percent", "rupiah"]

_MONTHS = {
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}

_SCALES = {
    "id": [(1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"), (1e3, "ribu")],
    "en": [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")],
}


def number(value: float, decimals: int = 0, bahasa: str | None = None) -> str:
    """``value`` with thousands separators and ``decimals`` decimal places.

    Missing values (``None``/NaN) are written as an en dash.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    english = f"{value:,.{decimals}f}"
    if (bahasa or language()) == "en":
        return english
    return english.replace(",", "_").replace(".", ",").replace("_", ".")


def percent(value: float, decimals: int = 2, bahasa: str | None = None) -> str:
    """``value`` (already in percent) as "8,75%"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{number(value, decimals, bahasa)}%"


def rupiah(value: float, decimals: int = 1, bahasa: str | None = None) -> str:
    """An amount in rupiah with a word for its scale: "Rp 12,3 miliar"."""
    lang = bahasa or language()
    prefix = "Rp" if lang == "id" else "IDR"
    for size, word in _SCALES[lang]:
        if abs(value) >= size:
            return f"{prefix} {number(value / size, decimals, lang)} {word}"
    return f"{prefix} {number(value, 0, lang)}"


def date(day: datetime.date, bahasa: str | None = None) -> str:
    """A date as it is written in a letter: "3 Desember 2026" ("3 December 2026")."""
    month = _MONTHS[bahasa or language()][day.month - 1]
    return f"{day.day} {month} {day.year}"


def month(period: str, bahasa: str | None = None) -> str:
    """A reporting month written ``"YYYY-MM"`` as words.

    >>> month("2023-09", bahasa="id")
    'September 2023'
    """
    year, number = str(period).split("-")
    return f"{_MONTHS[bahasa or language()][int(number) - 1]} {year}"
