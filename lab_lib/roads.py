"""Road condition and *kemantapan jalan*.

Kemantapan jalan (road steadiness) is the share of road length in a steady
condition, that is in good (*baik*) or fair (*sedang*) condition, as used by
the Ministry of Public Works (PUPR) and in RPJMD targets:

.. math::

    K = \\frac{L_{baik} + L_{sedang}}{L_{total}} \\times 100

where :math:`L` are lengths in km. The remaining length is in light damage
(*rusak ringan*) or heavy damage (*rusak berat*).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lab_lib import checks
from lab_lib.errors import DataValidationError

__all__ = [
    "CONDITIONS",
    "STEADY",
    "condition_lengths",
    "kemantapan",
    "segment_kemantapan",
]

CONDITIONS = ("baik_km", "sedang_km", "rusak_ringan_km", "rusak_berat_km")
STEADY = ("baik_km", "sedang_km")
# Lengths by condition may miss their segment's length by rounding only.
_TOLERANCE_KM = 0.05


def kemantapan(roads: pd.DataFrame, by: str | Sequence[str] = ()) -> pd.DataFrame:
    """Kemantapan jalan (percent of length in good or fair condition).

    Parameters
    ----------
    roads : DataFrame
        One row per road segment (and year), with ``panjang_km`` and the
        lengths by condition ``baik_km``, ``sedang_km``, ``rusak_ringan_km``,
        ``rusak_berat_km`` in km.
    by : str or sequence of str
        Columns to group by (e.g. ``"status"``, ``["tahun", "kode_kabkota"]``);
        empty for one overall figure.

    Returns
    -------
    DataFrame
        Per group: ``panjang_km`` (total length), ``mantap_km`` (good + fair)
        and ``kemantapan_pct`` = mantap_km / panjang_km × 100. A group with
        no length has a missing kemantapan.

    References
    ----------
    Kementerian PUPR, indikator kinerja "tingkat kemantapan jalan".

    Examples
    --------
    Two segments: 10 km with 6 good and 2 fair, 30 km with 9 good and 6 fair,
    so (6 + 2 + 9 + 6) / 40 = 57.5 %.

    >>> roads = pd.DataFrame({
    ...     "status": ["provinsi", "provinsi"],
    ...     "panjang_km": [10.0, 30.0],
    ...     "baik_km": [6.0, 9.0], "sedang_km": [2.0, 6.0],
    ...     "rusak_ringan_km": [1.0, 10.0], "rusak_berat_km": [1.0, 5.0]})
    >>> kemantapan(roads, "status")
              panjang_km  mantap_km  kemantapan_pct
    status
    provinsi        40.0       23.0            57.5
    """
    keys = [by] if isinstance(by, str) else list(by)
    roads = _checked(roads, ("panjang_km", *CONDITIONS), keys)
    lengths = roads.assign(mantap_km=roads[list(STEADY)].sum(axis=1))
    columns = ["panjang_km", "mantap_km"]
    if keys:
        total = lengths.groupby(keys, sort=True)[columns].sum()
    else:
        total = lengths[columns].sum().to_frame().T
    share = total["mantap_km"] / total["panjang_km"].where(total["panjang_km"] > 0)
    return total.assign(kemantapan_pct=share * 100)


def condition_lengths(roads: pd.DataFrame, by: str | Sequence[str]) -> pd.DataFrame:
    """Length in km by condition, per group.

    Parameters
    ----------
    roads : DataFrame
        One row per road segment (and year) with the lengths by condition
        ``baik_km``, ``sedang_km``, ``rusak_ringan_km`` and ``rusak_berat_km``
        in km.
    by : str or sequence of str
        Columns to group by, e.g. ``"status"``.

    Returns
    -------
    DataFrame
        One row per group, one column per condition: the summed km.

    References
    ----------
    Kementerian PUPR, the four road condition classes of the IRMS/road
    condition survey (baik, sedang, rusak ringan, rusak berat).

    Examples
    --------
    >>> roads = pd.DataFrame({"status": ["nasional", "provinsi"],
    ...     "baik_km": [8.0, 2.0], "sedang_km": [1.0, 3.0],
    ...     "rusak_ringan_km": [1.0, 3.0], "rusak_berat_km": [0.0, 2.0]})
    >>> condition_lengths(roads, "status")["baik_km"].tolist()
    [8.0, 2.0]
    """
    keys = [by] if isinstance(by, str) else list(by)
    roads = _checked(roads, CONDITIONS, keys)
    return roads.groupby(keys, sort=True)[list(CONDITIONS)].sum()


def segment_kemantapan(roads: pd.DataFrame) -> pd.Series:
    """Kemantapan of each row (one segment in one year), in percent.

    K = (L_baik + L_sedang) / L_total × 100 for each row.

    Parameters
    ----------
    roads : DataFrame
        With ``panjang_km``, ``baik_km`` and ``sedang_km`` in km.

    Returns
    -------
    Series
        Percent per row; missing where the segment has no length.

    References
    ----------
    Kementerian PUPR, indikator kinerja "tingkat kemantapan jalan".

    Examples
    --------
    >>> roads = pd.DataFrame({"panjang_km": [10.0, 0.0],
    ...     "baik_km": [6.0, 0.0], "sedang_km": [2.0, 0.0]})
    >>> segment_kemantapan(roads).tolist()
    [80.0, nan]
    """
    roads = _checked(roads, ("panjang_km", *STEADY), [])
    steady = roads[list(STEADY)].sum(axis=1)
    return 100 * steady / roads["panjang_km"].where(roads["panjang_km"] > 0)


def _checked(
    roads: pd.DataFrame, lengths: Sequence[str], keys: Sequence[str]
) -> pd.DataFrame:
    """``roads`` with its length columns as floats, or a clear refusal.

    Refused: a missing column, a length that is text, missing or negative,
    and lengths by condition that add up to more than the segment's length.
    """
    missing = [c for c in (*lengths, *keys) if c not in roads.columns]
    if missing:
        raise DataValidationError(
            "roads.missing_columns",
            kolom=", ".join(missing),
            ada=", ".join(map(str, roads.columns)),
        )
    converted = {}
    for column in lengths:
        raw = roads[column]
        if pd.api.types.is_float_dtype(raw) or pd.api.types.is_integer_dtype(raw):
            values, is_text = raw, pd.Series(False, index=raw.index)
        else:
            values = pd.to_numeric(raw, errors="coerce")
            is_text = raw.map(lambda v: isinstance(v, str)).astype(bool)
        for bad, key in (
            (is_text | (values.isna() & raw.notna()), "roads.not_numeric"),
            (raw.isna(), "roads.missing_value"),
            (values < 0, "roads.negative"),
        ):
            if bad.any():
                raise DataValidationError(
                    key,
                    kolom=column,
                    baris=_rows(roads, bad),
                    nilai="; ".join(repr(v) for v in raw[bad].iloc[: checks.SHOWN]),
                )
        if values.dtype != float:
            converted[column] = values.astype(float)
    checked = roads.assign(**converted) if converted else roads
    if "panjang_km" in lengths and set(CONDITIONS) <= set(lengths):
        excess = checked[list(CONDITIONS)].sum(axis=1) - checked["panjang_km"]
        bad = excess > _TOLERANCE_KM
        if bad.any():
            raise DataValidationError(
                "roads.conditions_exceed", baris=_rows(roads, bad)
            )
    return checked


def _rows(roads: pd.DataFrame, bad: pd.Series) -> str:
    """The first few offending rows, by segment id when there is one."""
    return checks.rows(
        roads.loc[bad, "id_ruas"] if "id_ruas" in roads else roads.index[bad]
    )
