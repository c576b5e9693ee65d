"""The year an input is for, so that inputs of different years are not mixed.

A Series may carry its year in an index level named ``tahun``, as it does when
it comes straight from a long catalog table::

    per_capita = rows.set_index(["kode_wilayah", "tahun"])["nilai"]

The analysis functions then check that the inputs they join are for the same
year (and, for a change over time, that the end comes after the start), and
drop the level before computing. A Series without such a level is taken as
it is: its year is the caller's responsibility.

>>> s = pd.Series([1.0, 2.0], index=pd.MultiIndex.from_tuples(
...     [("82.01", 2024), ("82.02", 2024)], names=["kode_wilayah", "tahun"]))
>>> values, year = split_year(s, "per_capita")
>>> year, list(values.index)
(2024, ['82.01', '82.02'])
>>> same_year({"per_capita": 2024, "population": 2023})
Traceback (most recent call last):
...
lab_lib.errors.DataValidationError: Masukan tidak untuk tahun yang sama: ...
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from lab_lib.errors import DataValidationError

__all__ = ["YEAR_LEVEL", "later_year", "same_year", "split_year"]

YEAR_LEVEL = "tahun"


def split_year(values: object, label: str) -> tuple[object, int | None]:
    """``values`` without its ``tahun`` index level, and the one year it held.

    Parameters
    ----------
    values : object
        Any input; only a Series with an index level named ``tahun`` changes.
    label : str
        How the input is named in messages (e.g. ``per_capita``).

    Returns
    -------
    tuple
        The values, and their year (None when they carry none).

    Raises
    ------
    DataValidationError
        When the input holds more than one year.
    """
    if not isinstance(values, pd.Series) or YEAR_LEVEL not in values.index.names:
        return values, None
    found = sorted(pd.unique(values.index.get_level_values(YEAR_LEVEL)))
    if len(found) != 1:
        raise DataValidationError(
            "years.several",
            argumen=label,
            tahun=", ".join(str(y) for y in found) or "–",
        )
    if values.index.nlevels == 1:
        raise DataValidationError("years.only_year", argumen=label)
    return values.droplevel(YEAR_LEVEL), int(found[0])


def same_year(years: Mapping[str, int | None]) -> int | None:
    """The common year of inputs named in ``years``; inputs with None are skipped.

    Raises
    ------
    DataValidationError
        When two inputs are for different years.
    """
    known = {name: year for name, year in years.items() if year is not None}
    if len(set(known.values())) > 1:
        listed = "; ".join(f"{name} {year}" for name, year in known.items())
        raise DataValidationError("years.mismatch", daftar=listed)
    return next(iter(known.values()), None)


def later_year(start: int | None, end: int | None, labels: tuple[str, str]) -> None:
    """Refuse an end year that is not after the start year (when both are known).

    Raises
    ------
    DataValidationError
        When ``end`` is not later than ``start``.
    """
    if start is not None and end is not None and end <= start:
        raise DataValidationError(
            "years.not_later",
            awal=labels[0],
            tahun_awal=start,
            akhir=labels[1],
            tahun_akhir=end,
        )
