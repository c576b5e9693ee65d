"""Service centres: the scalogram and Marshall's centrality index.

Terms used in this module:

pusat pelayanan
    A service centre: a settlement (kecamatan or desa) that serves people
    from around it with facilities (*fasilitas*) such as ports, hospitals,
    puskesmas and schools.
jenis fasilitas
    A facility type, one column of a counts table.
skalogram
    Guttman scalogram: the settlements × facility types presence table
    (1 = at least one facility of the type), rows sorted by the number of
    types present and columns by how many settlements have the type. In a
    perfect scale a settlement that has a rare type also has every more
    common one.
orde
    Hierarchy order of a service centre; orde I is the highest.
indeks sentralitas
    Marshall's centrality index: facility counts weighted by how rare each
    type is in the whole region.

A counts table has one row per settlement (index = its code or name) and one
column per facility type, holding whole, non-negative numbers of facilities;
:func:`facility_counts` builds it from the ``fasilitas`` points.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from lab_lib import messages
from lab_lib.errors import DataValidationError

__all__ = [
    "Scalogram",
    "centrality_index",
    "centrality_weights",
    "facility_counts",
    "roman",
    "scalogram",
]


# Coefficient of reproducibility at or above which a Guttman scale is accepted.
CR_ACCEPTED = 0.9
_SHOWN = 5


@dataclass(frozen=True)
class Scalogram:
    """A Guttman scalogram and the hierarchy read from it.

    Attributes
    ----------
    presence : DataFrame
        1/0 presence, rows sorted by number of types (most first), columns by
        how many settlements have the type (most common first).
    counts : DataFrame
        The facility counts in the same order.
    errors : DataFrame
        True where a cell breaks the ideal pattern (see :func:`scalogram`).
    error_count : int
        Number of Guttman errors under ``error_rule``.
    error_rule : str
        ``"sel"`` or ``"celah"``.
    reproducibility : float
        Coefficient of reproducibility, CR = 1 − errors / (rows × columns).
    order : Series
        Hierarchy order per settlement, 1 = orde I (highest).
    order_ranges : dict
        Order → (lowest, highest) number of types it covers.
    """

    presence: pd.DataFrame
    counts: pd.DataFrame
    errors: pd.DataFrame
    error_count: int
    error_rule: str
    reproducibility: float
    order: pd.Series
    order_ranges: dict[int, tuple[float, float]]

    @property
    def acceptable(self) -> bool:
        """Whether CR reaches 0.9, the usual threshold for a valid scale."""
        return self.reproducibility >= CR_ACCEPTED

    @property
    def table(self) -> pd.DataFrame:
        """Per settlement: ``jumlah_jenis``, ``jumlah_fasilitas``, ``orde``."""
        return pd.DataFrame(
            {
                "jumlah_jenis": self.presence.sum(axis=1),
                "jumlah_fasilitas": self.counts.sum(axis=1),
                "orde": self.order.map(roman),
            }
        )


def facility_counts(
    fasilitas: pd.DataFrame,
    kecamatan: pd.DataFrame,
    *,
    kinds: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Number of facilities per kecamatan and type, zeros included.

    Parameters
    ----------
    fasilitas : DataFrame
        One row per facility with ``kode_kecamatan`` and ``jenis`` (the
        ``fasilitas`` dataset).
    kecamatan : DataFrame
        Every kecamatan, code in ``kode`` (the ``wilayah_kecamatan`` dataset);
        kecamatan without any facility get a row of zeros.
    kinds : sequence of str, optional
        Facility types to count, as columns in this order; types not listed
        are ignored. Default: every ``jenis`` present, alphabetically.

    Returns
    -------
    DataFrame
        Index ``kode_kecamatan`` in the order of ``kecamatan``, one integer
        column per type.

    Raises
    ------
    DataValidationError
        Missing columns, an empty kecamatan table, or a facility whose
        kecamatan code is empty or not in the kecamatan table.

    References
    ----------
    Rondinelli, D. A. (1985). *Applied Methods of Regional Analysis: The
    Spatial Dimensions of Development Policy*. Boulder, CO: Westview Press
    (the settlement × function inventory behind the scalogram).
    Marshall, J. U. (1969). *The Location of Service Towns: An Approach to
    the Analysis of Central Place Systems*. University of Toronto Press.

    Examples
    --------
    >>> kecamatan = pd.DataFrame({"kode": ["82.01.01", "82.01.02", "82.01.03"]})
    >>> fasilitas = pd.DataFrame({
    ...     "kode_kecamatan": ["82.01.01", "82.01.01", "82.01.03"],
    ...     "jenis": ["sd", "puskesmas", "sd"]})
    >>> facility_counts(fasilitas, kecamatan)
                    puskesmas  sd
    kode_kecamatan
    82.01.01                1   1
    82.01.02                0   0
    82.01.03                0   1
    """
    _require(fasilitas, "fasilitas", ("kode_kecamatan", "jenis"))
    _require(kecamatan, "wilayah_kecamatan", ("kode",))
    if kecamatan.empty:
        raise DataValidationError(
            "services.empty", tabel="wilayah_kecamatan", isi="kecamatan"
        )
    codes = pd.Index(kecamatan["kode"], name="kode_kecamatan")
    unknown = ~fasilitas["kode_kecamatan"].isin(codes)
    if unknown.any():
        raise DataValidationError(
            "services.unknown_kecamatan",
            baris=_rows(fasilitas.index[unknown.to_numpy(bool)]),
            nilai=_values(fasilitas.loc[unknown, "kode_kecamatan"]),
        )
    columns = sorted(fasilitas["jenis"].dropna().unique()) if kinds is None else kinds
    kept = fasilitas[fasilitas["jenis"].isin(list(columns))]
    pairs = kept.groupby(["kode_kecamatan", "jenis"], sort=False).size()
    counts = pairs.unstack("jenis", fill_value=0)
    counts = counts.reindex(index=codes, columns=list(columns), fill_value=0)
    counts.columns.name = None
    return counts.astype("int64")


def scalogram(
    counts: pd.DataFrame,
    *,
    orders: int | Literal["sturges"] = 3,
    error_rule: Literal["sel", "celah"] = "sel",
) -> Scalogram:
    """Guttman scalogram, its coefficient of reproducibility, and hierarchy.

    1. Presence :math:`x_{ij} = 1` when settlement *i* has at least one
       facility of type *j*, else 0.
    2. Rows are sorted by the number of types :math:`k_i = \\sum_j x_{ij}`
       (ties: more facilities first, then the given order); columns by the
       number of settlements that have the type (ties: more facilities
       first, then the given order).
    3. The ideal pattern of a row with :math:`k_i` types has 1 in the
       :math:`k_i` most common columns and 0 elsewhere. Errors are counted
       against it in one of two conventions:

       * ``"sel"`` (default): every cell that differs from the ideal pattern
         is one error (Goodenough–Edwards). A facility type out of place
         therefore counts twice: the 1 where a 0 is expected and the 0 where
         a 1 is expected. This is the count in Setyono (2004).
       * ``"celah"``: only the gaps count, the 0 cells inside the ideal
         range, so a type out of place counts once. This is half of
         ``"sel"``.

    4. :math:`CR = 1 - e / (N \\cdot K)` with *e* errors, *N* settlements
       and *K* types. A scale with :math:`CR \\ge 0.9` is accepted.
    5. Orders by equal intervals of :math:`k_i`: with *m* orders and
       :math:`w = (k_{max} - k_{min}) / m`, a settlement falls in class
       :math:`c = \\lfloor (k_i - k_{min}) / w \\rfloor` (capped at
       :math:`m - 1`) and gets orde :math:`m - c`; a value on a class edge
       goes to the higher order. ``orders="sturges"`` sets
       :math:`m = \\mathrm{round}(1 + 3.322 \\log_{10} N)`. When every
       settlement has as many types, all are orde I.

    Parameters
    ----------
    counts : DataFrame
        Facility counts: rows = settlements, columns = facility types, whole
        non-negative numbers (see :func:`facility_counts`).
    orders : int or "sturges"
        Number of hierarchy orders.
    error_rule : {"sel", "celah"}
        How Guttman errors are counted (step 3).

    Returns
    -------
    Scalogram
        Sorted presence and counts, error cells, error count, CR, orders.

    Raises
    ------
    DataValidationError
        Empty table, negative, fractional or missing counts, or a bad
        ``orders`` or ``error_rule``.

    References
    ----------
    Guttman, L. (1950). The basis for scalogram analysis. In Stouffer et al.,
    *Measurement and Prediction*. Princeton University Press.
    Setyono, J. S. (2004). *Skalogram Guttman: konsep dan dasar perhitungan*
    (lecture notes, Universitas Diponegoro). Sturges, H. A. (1926). The
    choice of a class interval. *JASA* 21(153), 65–66.

    Examples
    --------
    Three kecamatan and three types. C has a hospital but no school: in the
    ideal pattern its one type would be the school, so the ``"sel"`` count
    finds 2 errors and CR = 1 − 2 / (3 × 3) = 0.777…

    >>> counts = pd.DataFrame(
    ...     {"sd": [3, 1, 0], "puskesmas": [1, 1, 0], "rumah_sakit": [1, 0, 1]},
    ...     index=["A", "B", "C"])
    >>> result = scalogram(counts)
    >>> result.presence
       sd  puskesmas  rumah_sakit
    A   1          1            1
    B   1          1            0
    C   0          0            1
    >>> result.error_count, round(result.reproducibility, 3)
    (2, 0.778)
    >>> result.table
       jumlah_jenis  jumlah_fasilitas      orde
    A             3                 5    Orde I
    B             2                 2   Orde II
    C             1                 1  Orde III
    """
    counts = _checked_counts(counts)
    if error_rule not in ("sel", "celah"):
        raise DataValidationError("services.bad_error_rule", aturan=error_rule)
    order_count = _order_count(orders, len(counts))

    # 1. Presence, rows and columns sorted.
    presence = (counts > 0).astype("int64")
    row_key = pd.DataFrame(
        {"types": presence.sum(axis=1), "total": counts.sum(axis=1)}
    ).reset_index(drop=True)
    row_order = row_key.sort_values(
        ["types", "total"], ascending=False, kind="stable"
    ).index
    column_key = pd.DataFrame(
        {"share": presence.sum(axis=0), "total": counts.sum(axis=0)}
    ).reset_index(drop=True)
    column_order = column_key.sort_values(
        ["share", "total"], ascending=False, kind="stable"
    ).index
    presence = presence.iloc[row_order, column_order]
    counts = counts.iloc[row_order, column_order]

    # 2. Errors against the ideal pattern.
    types = presence.sum(axis=1).to_numpy()
    ideal = np.arange(presence.shape[1]) < types[:, None]
    observed = presence.to_numpy().astype(bool)
    wrong = observed != ideal if error_rule == "sel" else ideal & ~observed
    errors = pd.DataFrame(wrong, index=presence.index, columns=presence.columns)
    error_count = int(wrong.sum())
    reproducibility = 1 - error_count / wrong.size

    # 3. Hierarchy orders by equal intervals of the number of types.
    order, ranges = _orders(pd.Series(types, index=presence.index), order_count)
    return Scalogram(
        presence=presence,
        counts=counts,
        errors=errors,
        error_count=error_count,
        error_rule=error_rule,
        reproducibility=reproducibility,
        order=order,
        order_ranges=ranges,
    )


def centrality_weights(counts: pd.DataFrame, *, total: float = 100.0) -> pd.Series:
    """Marshall's weight of each facility type, :math:`w_j = C / T_j`.

    :math:`C` is the total centrality of one type (100) and :math:`T_j` the
    number of facilities of type *j* in the whole region. A type with no
    facility anywhere has no weight (missing).

    Parameters
    ----------
    counts : DataFrame
        Facility counts: rows = settlements, columns = facility types, whole
        non-negative numbers of facilities (see :func:`facility_counts`).
    total : float, default 100
        :math:`C`, the centrality shared out by each type, in index points.

    Returns
    -------
    Series
        :math:`w_j` per facility type in the column order of ``counts``, in
        index points per facility, named ``bobot``; NaN where
        :math:`T_j = 0`.

    Raises
    ------
    DataValidationError
        Empty table or negative, fractional, missing or non-numeric counts.

    References
    ----------
    Marshall, J. U. (1969). *The Location of Service Towns: An Approach to
    the Analysis of Central Place Systems*. University of Toronto Press.
    Rondinelli, D. A. (1985). *Applied Methods of Regional Analysis: The
    Spatial Dimensions of Development Policy*. Boulder, CO: Westview Press.

    Examples
    --------
    Four schools and one hospital: each school weighs 100/4 = 25, the
    hospital 100/1 = 100.

    >>> counts = pd.DataFrame({"sd": [3, 1], "rumah_sakit": [1, 0]},
    ...                       index=["A", "B"])
    >>> centrality_weights(counts).tolist()
    [25.0, 100.0]
    """
    counts = _checked_counts(counts)
    per_type = counts.sum(axis=0).astype(float)
    weights = total / per_type.where(per_type > 0)
    return weights.rename("bobot")


def centrality_index(counts: pd.DataFrame, *, total: float = 100.0) -> pd.DataFrame:
    """Marshall's centrality index of each settlement.

    .. math::

        w_j = \\frac{C}{T_j}, \\qquad
        I_i = \\sum_j n_{ij} \\, w_j

    with :math:`n_{ij}` the number of facilities of type *j* in settlement
    *i*, :math:`T_j = \\sum_i n_{ij}` and :math:`C = 100`. Each type adds up
    to :math:`C` over all settlements, so the indices sum to :math:`C` times
    the number of types present in the region.

    Parameters
    ----------
    counts : DataFrame
        Facility counts (see :func:`facility_counts`).
    total : float
        :math:`C`, the centrality shared out by each type.

    Returns
    -------
    DataFrame
        One column per type with its weighted score :math:`n_{ij} w_j`
        (types with no facility anywhere score 0), and ``indeks_sentralitas``
        :math:`I_i`; rows in the given order.

    Raises
    ------
    DataValidationError
        Empty table or negative, fractional or missing counts.

    References
    ----------
    Marshall, J. U. (1969). *The Location of Service Towns: An Approach to
    the Analysis of Central Place Systems*. University of Toronto Press.

    Examples
    --------
    A: 3 × 25 + 1 × 100 = 175; B: 1 × 25 = 25; together 2 × 100.

    >>> counts = pd.DataFrame({"sd": [3, 1], "rumah_sakit": [1, 0]},
    ...                       index=["A", "B"])
    >>> centrality_index(counts)
         sd  rumah_sakit  indeks_sentralitas
    A  75.0        100.0               175.0
    B  25.0          0.0                25.0
    """
    weights = centrality_weights(counts, total=total).fillna(0.0)
    scores = counts.astype(float).mul(weights, axis=1)
    return scores.assign(indeks_sentralitas=scores.sum(axis=1))


def roman(order: int, bahasa: str | None = None) -> str:
    """An order written with Roman numerals: "Orde III" for 3 ("Order III").

    Parameters
    ----------
    order : int
        Hierarchy order, 1 = orde I (highest), as in :attr:`Scalogram.order`;
        a whole number from 1 to 39 (the numerals used stop at X).
    bahasa : {"id", "en"} or None
        Language of the label; None for the session's language.

    Returns
    -------
    str
        ``"Orde <numeral>"`` in Indonesian, ``"Order <numeral>"`` in English.

    Examples
    --------
    >>> roman(4, bahasa="id"), roman(9, bahasa="en")
    ('Orde IV', 'Order IX')
    """
    numerals = (
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    left, written = int(order), ""
    for size, numeral in numerals:
        while left >= size:
            written += numeral
            left -= size
    return messages.text("services.order_label", bahasa, angka=written)


def _order_count(orders: object, rows: int) -> int:
    if orders == "sturges":
        return max(1, round(1 + 3.322 * math.log10(rows)))
    if isinstance(orders, bool) or not isinstance(orders, int) or orders < 1:
        raise DataValidationError("services.bad_orders", orde=orders)
    return orders


def _orders(
    types: pd.Series, count: int
) -> tuple[pd.Series, dict[int, tuple[float, float]]]:
    low, high = int(types.min()), int(types.max())
    span = high - low
    if span == 0:
        order = pd.Series(1, index=types.index, name="orde")
        return order, {1: (float(low), float(high))}
    # Integer arithmetic keeps values on a class edge in the upper class.
    classes = np.minimum((types.to_numpy() - low) * count // span, count - 1)
    order = pd.Series(count - classes, index=types.index, name="orde")
    width = span / count
    ranges = {count - c: (low + c * width, low + (c + 1) * width) for c in range(count)}
    return order, ranges


def _checked_counts(counts: pd.DataFrame) -> pd.DataFrame:
    if counts.empty:
        raise DataValidationError(
            "services.empty", tabel="jumlah fasilitas", isi="fasilitas"
        )
    checked = {}
    for column in counts.columns:
        values = pd.to_numeric(counts[column], errors="coerce")
        bad = values.isna() | (values < 0) | (values % 1 != 0)
        if bad.any():
            raise DataValidationError(
                "services.bad_counts",
                kolom=column,
                baris=_rows(counts.index[bad.to_numpy(bool)]),
                nilai=_values(counts.loc[bad.to_numpy(bool), column]),
            )
        checked[column] = values.astype("int64")
    return pd.DataFrame(checked, index=counts.index)


def _require(frame: pd.DataFrame, table: str, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataValidationError(
            "services.missing_columns",
            tabel=table,
            kolom=", ".join(f'"{c}"' for c in missing),
        )


def _rows(labels: pd.Index) -> str:
    shown = ", ".join(str(label) for label in labels[:_SHOWN])
    return shown + (" …" if len(labels) > _SHOWN else "")


def _values(values: pd.Series) -> str:
    shown = ", ".join(repr(v) for v in values.head(_SHOWN).tolist())
    return shown + (" …" if len(values) > _SHOWN else "")
