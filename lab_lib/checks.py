"""How the analysis functions name bad input: the argument, its rows, values.

The methods of :mod:`lab_lib.disparity`, :mod:`lab_lib.economy` and
:mod:`lab_lib.targets` refuse bad input with messages that name the
argument (and its column), the first few offending rows and their values.
These helpers write those parts the same way everywhere.

>>> rows(["82.01", "82.03"])
'82.01, 82.03'
>>> rows(["A", "M,N"])  # codes with commas are kept apart by semicolons
'A; M,N'
>>> show(12.5), show(3.0)
('12,5', '3')
"""

from __future__ import annotations

from numbers import Real

import numpy as np
import pandas as pd

from lab_lib import messages
from lab_lib.errors import DataValidationError
from lab_lib.fmt import number

__all__ = ["SHOWN", "label", "numeric", "rows", "show"]

#: How many offending rows or values a message lists.
SHOWN = 5


def label(argument: str, values: object) -> str:
    """The argument's name, with its column name when a named Series is given."""
    column = getattr(values, "name", None)
    if isinstance(column, str) and column and column != argument:
        return messages.text("checks.column", argumen=argument, kolom=column)
    return argument


def rows(labels: object) -> str:
    """The first few labels, and an ellipsis when there are more."""
    labels = [str(item) for item in labels]
    separator = "; " if any("," in item for item in labels) else ", "
    shown = separator.join(labels[:SHOWN])
    return shown + (" …" if len(labels) > SHOWN else "")


def show(value: object) -> str:
    """A number in the language's separators, without trailing zeros."""
    if not isinstance(value, Real) or isinstance(value, bool):
        return repr(value)
    written = number(float(value), 6)
    decimal = "," if messages.language() == "id" else "."
    return written.rstrip("0").rstrip(decimal) if decimal in written else written


def numeric(raw: pd.Series, name: str, topic: str) -> pd.Series:
    """``raw`` as floats, refusing text, infinities and gaps.

    Numbers written as text are refused rather than parsed: "1.000" means one
    thousand in Indonesian writing but 1 to a parser. The messages are
    ``<topic>.not_numeric`` and ``<topic>.missing``.
    """
    values = pd.to_numeric(raw, errors="coerce").astype(float)
    is_text = np.array([isinstance(v, str) for v in raw], dtype=bool)
    not_numbers = is_text | (values.isna() & raw.notna()) | np.isinf(values)
    if not_numbers.any():
        raise DataValidationError(
            f"{topic}.not_numeric",
            argumen=name,
            baris=rows(raw.index[not_numbers]),
            nilai="; ".join(repr(v) for v in raw[not_numbers].iloc[:SHOWN]),
        )
    if raw.isna().any():
        raise DataValidationError(
            f"{topic}.missing", argumen=name, baris=rows(raw.index[raw.isna()])
        )
    return values
