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

__all__ = [
    "CONDITIONS",
    "STEADY",
    "condition_lengths",
    "kemantapan",
    "segment_kemantapan",
]

CONDITIONS = ("baik_km", "sedang_km", "rusak_ringan_km", "rusak_berat_km")
STEADY = ("baik_km", "sedang_km")


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

    Examples
    --------
    >>> roads = pd.DataFrame({"status": ["nasional", "provinsi"],
    ...     "baik_km": [8.0, 2.0], "sedang_km": [1.0, 3.0],
    ...     "rusak_ringan_km": [1.0, 3.0], "rusak_berat_km": [0.0, 2.0]})
    >>> condition_lengths(roads, "status")["baik_km"].tolist()
    [8.0, 2.0]
    """
    keys = [by] if isinstance(by, str) else list(by)
    return roads.groupby(keys, sort=True)[list(CONDITIONS)].sum()


def segment_kemantapan(roads: pd.DataFrame) -> pd.Series:
    """Kemantapan of each row (one segment in one year), in percent.

    Examples
    --------
    >>> roads = pd.DataFrame({"panjang_km": [10.0, 0.0],
    ...     "baik_km": [6.0, 0.0], "sedang_km": [2.0, 0.0]})
    >>> segment_kemantapan(roads).tolist()
    [80.0, nan]
    """
    steady = roads[list(STEADY)].sum(axis=1)
    return 100 * steady / roads["panjang_km"].where(roads["panjang_km"] > 0)
