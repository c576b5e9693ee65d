"""Progress towards development targets (*target* RPJMD).

Terms used in this module:

- *indikator kinerja*: a measured development indicator, such as the
  percentage of poor people (*persentase penduduk miskin*), IPM (the human
  development index) or *kemantapan jalan*, with a yearly value.
- *target*: the value a planning document sets for an indicator in a given
  year, usually the RPJMD (*Rencana Pembangunan Jangka Menengah Daerah*, the
  five-year regional development plan) or the RPJPD up to 2045.
- *arah* (direction): ``"naik"`` when a higher value is better (IPM, access
  to safe water) and ``"turun"`` when a lower value is better (poverty,
  unemployment).
- *capaian* (achievement): where the indicator stands against its target:
  :func:`gap` measures the distance, :func:`year_reached` projects when the
  target is met at the current trend, and :func:`status` sums it up as one of
  :data:`STATUS_NAMES`.

Bad input raises :class:`~lab_lib.errors.DataValidationError` naming the
argument, its column and the rows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from numbers import Integral, Real

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from lab_lib import checks, messages
from lab_lib.errors import DataValidationError

__all__ = [
    "DIRECTIONS",
    "STATUS_NAMES",
    "TRENDS",
    "cagr",
    "gap",
    "status",
    "year_reached",
]


DIRECTIONS = ("naik", "turun")
TRENDS = ("linear", "cagr")

STATUS_NAMES: dict[str, dict[str, str]] = {
    "tercapai": {"id": "Tercapai", "en": "Achieved"},
    "on track": {"id": "On track (sesuai lintasan)", "en": "On track"},
    "perlu percepatan": {"id": "Perlu percepatan", "en": "Needs acceleration"},
    "kritis": {"id": "Kritis", "en": "Critical"},
}


def gap(
    actual: float | ArrayLike,
    target: float | ArrayLike,
    direction: str = "naik",
) -> float | pd.Series:
    """Distance still to go to a target, positive while the target is not met.

    .. math::

        gap = target − actual   (arah "naik", higher is better)
        gap = actual − target   (arah "turun", lower is better)

    A positive gap is a shortfall in the indicator's own unit (percentage
    points for a percentage); zero or negative means the target is met or
    exceeded by that much.

    Parameters
    ----------
    actual, target : float, Series or sequence
        The indicator's value and its target. Series are matched by index (for
        example region code or indicator name), sequences by position; a
        single number is used for every row.
    direction : {"naik", "turun"}
        Whether a higher or a lower value is better.

    Returns
    -------
    float or Series
        A Series named ``gap`` when either input is a Series or sequence.

    Raises
    ------
    DataValidationError
        ``direction`` not ``"naik"`` or ``"turun"``; a value that is text,
        infinite or missing; an empty input; Series with different rows or
        sequences of different lengths.

    References
    ----------
    Permendagri No. 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian
    dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan
    Daerah tentang RPJPD dan RPJMD, serta Tata Cara Perubahan RPJPD, RPJMD,
    dan RKPD (evaluation of RPJMD results: each indicator's realisation
    against its target).

    Examples
    --------
    IPM 70.98 against a target of 72: 1.02 points to go. Poverty 6.46 %
    against a target of 5.5 %: 0.96 points to go, since lower is better.

    >>> round(gap(70.98, 72.0), 2)
    1.02
    >>> round(gap(6.46, 5.5, direction="turun"), 2)
    0.96
    """
    sign = 1.0 if _direction(direction) == "naik" else -1.0
    values = _numbers({"actual": actual, "target": target})
    return _named(sign * (values["target"] - values["actual"]), "gap")


def cagr(
    start_value: float | ArrayLike,
    end_value: float | ArrayLike,
    years: float,
) -> float | pd.Series:
    """Compound annual growth rate (CAGR), as a fraction.

    .. math::

        CAGR = (x_end / x_start)^(1 / years) − 1

    Parameters
    ----------
    start_value : float, Series or sequence
        Value in the first year; more than 0.
    end_value : float, Series or sequence
        Value in the last year, in the same unit; 0 or more. Series are
        matched by index, sequences by position.
    years : float
        Years between the two values (5 for 2019–2024); more than 0.

    Returns
    -------
    float or Series
        The average yearly growth as a fraction (0.05 for 5 % a year); a
        Series named ``cagr`` when either value is a Series or sequence.

    Raises
    ------
    DataValidationError
        ``years`` not a number more than 0; ``start_value`` 0 or less or
        ``end_value`` below 0; the input errors of :func:`gap`.

    References
    ----------
    World Bank. *World Development Indicators*, "Statistical methods": the
    geometric growth rate r = (xₙ / x₀)^(1/n) − 1, the standard compound
    growth formula.

    Examples
    --------
    PDRB per kapita from 34.39 (2019) to 70.65 juta rupiah (2024):
    (70.65 / 34.39)^(1/5) − 1 ≈ 0.155, that is 15.5 % a year.

    >>> round(cagr(34.39, 70.65, 5), 4)
    0.1549
    """
    if not _is_number(years) or not math.isfinite(years) or years <= 0:
        raise DataValidationError("targets.bad_years", nilai=repr(years))
    values = _numbers({"start_value": start_value, "end_value": end_value})
    _refuse(values, "start_value", values["start_value"] <= 0, "targets.cagr_start")
    _refuse(values, "end_value", values["end_value"] < 0, "targets.cagr_end")
    growth = (values["end_value"] / values["start_value"]) ** (1 / years) - 1
    return _named(growth, "cagr")


def year_reached(
    series_by_year: pd.Series,
    target: float,
    direction: str = "naik",
    horizon: int = 2045,
    trend: str = "linear",
) -> int | None:
    """The first year the target is met if the current trend continues.

    The projection starts from the latest observed value and moves at the
    trend's pace:

    - ``trend="linear"`` (default): the slope b of the least-squares line
      through all observed years, x(y) = x_last + b · (y − y_last). Use it for
      percentages and indices (poverty rate, IPM, kemantapan jalan). They move
      by points a year, not by a steady share of themselves: a compound rate
      would speed a rising one towards its ceiling and stall a falling one
      short of zero. The least-squares slope also uses every observed year,
      so one unusual year (2020) sways it less than a start-to-end rate.
    - ``trend="cagr"``: the compound rate r between the first and the last
      observed year, x(y) = x_last · (1 + r)^(y − y_last). Use it for
      quantities that grow multiplicatively (PDRB, population).

    Parameters
    ----------
    series_by_year : Series
        The indicator's observed values indexed by whole-number year; at least
        two years, no gaps in the values (drop missing years first).
    target : float
        The value to reach, in the indicator's unit.
    direction : {"naik", "turun"}
        Whether a higher or a lower value is better.
    horizon : int, default 2045
        The last year to look at (2045: the end of the RPJPD 2025–2045).
    trend : {"linear", "cagr"}
        How the trend is measured, see above.

    Returns
    -------
    int or None
        The latest observed year if that value already meets the target;
        else the first later year in which the projection meets it; None when
        the projection does not meet it by ``horizon``, including when the
        trend is flat or moves away from the target.

    Raises
    ------
    DataValidationError
        ``target`` not a number; a bad ``direction`` or ``trend``;
        ``series_by_year`` not a Series, empty, with fewer than two years,
        years that are not whole numbers or repeat, or values that are text,
        infinite or missing; ``horizon`` not a whole year or before the last
        observed year; with ``trend="cagr"``, a first or last value of 0 or
        less.

    References
    ----------
    Permendagri No. 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian
    dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan
    Daerah tentang RPJPD dan RPJMD, serta Tata Cara Perubahan RPJPD, RPJMD,
    dan RKPD (targets of the RPJMD and RPJPD and their evaluation).
    World Bank. *World Development Indicators*, "Statistical methods": the
    geometric growth rate r = (xₙ / x₀)^(1/n) − 1, the standard compound
    growth formula (``trend="cagr"``).

    Examples
    --------
    IPM 68.70, 69.00, 69.40, 69.80 in 2021–2024: the least-squares slope is
    0.37 a year, so from 69.80 the projection passes 71.5 after
    (71.5 − 69.8) / 0.37 = 4.6 years, in 2029.

    >>> ipm = pd.Series([68.7, 69.0, 69.4, 69.8], index=[2021, 2022, 2023, 2024])
    >>> year_reached(ipm, 71.5)
    2029
    >>> year_reached(ipm, 60.0, direction="turun") is None
    True
    """
    goal = _number(target, "target")
    sign = 1.0 if _direction(direction) == "naik" else -1.0
    if trend not in TRENDS:
        raise DataValidationError("targets.bad_trend", trend=trend)
    observed = _by_year(series_by_year)
    last_year = int(observed.index[-1])
    horizon = _year(horizon, "horizon")
    if horizon < last_year:
        raise DataValidationError(
            "targets.horizon_before_data", horizon=horizon, tahun=last_year
        )

    # 1. Already there.
    latest = float(observed.iloc[-1])
    if _meets(np.array([latest]), goal, sign)[0]:
        return last_year

    # 2. Project every later year up to the horizon at the trend's pace.
    later = np.arange(last_year + 1, horizon + 1)
    if trend == "linear":
        projected = latest + _slope(observed) * (later - last_year)
    else:
        projected = latest * (1 + _compound_rate(observed)) ** (later - last_year)

    # 3. The first year that meets the target, if any.
    met = np.flatnonzero(_meets(projected, goal, sign))
    return int(later[met[0]]) if len(met) else None


def status(
    actual: float,
    target: float,
    target_year: int,
    current_year: int,
    trend_year: int | None = None,
    direction: str = "naik",
    *,
    grace_years: int = 2,
) -> str:
    """Where an indicator stands: tercapai, on track, perlu percepatan or kritis.

    The rules, in order:

    1. ``"tercapai"`` (achieved): ``actual`` meets ``target`` (:func:`gap`
       ≤ 0).
    2. ``"kritis"`` (critical): the target year has passed without meeting
       it (``current_year > target_year``).
    3. ``"kritis"``: there is no trend year, that is the trend does not reach
       the target by the horizon or moves away from it (``trend_year`` is
       None, as :func:`year_reached` returns then).
    4. ``"on track"``: the trend reaches the target by the target year
       (``trend_year ≤ target_year``).
    5. ``"perlu percepatan"`` (needs acceleration): the trend reaches it at
       most ``grace_years`` years late.
    6. ``"kritis"``: the trend reaches it later than that.

    Parameters
    ----------
    actual : float
        The latest value of the indicator.
    target : float
        The target for ``target_year``, in the same unit.
    target_year : int
        Year the target is set for (e.g. 2029, the last RPJMD year).
    current_year : int
        Year of the assessment.
    trend_year : int or None
        Year the target is met at the current trend, as given by
        :func:`year_reached`; None when the trend never meets it.
    direction : {"naik", "turun"}
        Whether a higher or a lower value is better.
    grace_years : int, default 2
        How many years late still counts as "perlu percepatan" rather than
        "kritis".

    Returns
    -------
    str
        One of the keys of :data:`STATUS_NAMES`.

    Raises
    ------
    DataValidationError
        ``actual`` or ``target`` not a number; a year that is not a whole
        number; a bad ``direction``; ``grace_years`` not a whole number of 0 or
        more; ``trend_year`` before ``current_year``.

    References
    ----------
    Permendagri No. 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian
    dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan
    Daerah tentang RPJPD dan RPJMD, serta Tata Cara Perubahan RPJPD, RPJMD,
    dan RKPD (evaluation of RPJMD results against their targets). The
    four classes and ``grace_years`` summarise the projection for a brief;
    they are not the regulation's scale of achievement.

    Examples
    --------
    >>> status(69.8, 71.5, target_year=2029, current_year=2025, trend_year=2029)
    'on track'
    >>> status(69.8, 71.5, 2029, 2025, trend_year=2031)
    'perlu percepatan'
    >>> status(6.46, 5.5, 2029, 2025, trend_year=None, direction="turun")
    'kritis'
    >>> STATUS_NAMES["perlu percepatan"]["en"]
    'Needs acceleration'
    """
    shortfall = gap(_number(actual, "actual"), _number(target, "target"), direction)
    deadline = _year(target_year, "target_year")
    now = _year(current_year, "current_year")
    if not isinstance(grace_years, Integral) or grace_years < 0:
        raise DataValidationError("targets.bad_grace", nilai=repr(grace_years))

    if shortfall <= 0:
        return "tercapai"
    if now > deadline or trend_year is None:
        return "kritis"
    reached = _year(trend_year, "trend_year")
    if reached < now:
        raise DataValidationError(
            "targets.trend_year_past", tahun_tren=reached, tahun_kini=now
        )
    if reached <= deadline:
        return "on track"
    if reached <= deadline + grace_years:
        return "perlu percepatan"
    return "kritis"


def _named(result: float | pd.Series, name: str) -> float | pd.Series:
    return result.rename(name) if isinstance(result, pd.Series) else float(result)


def _direction(direction: str) -> str:
    if direction not in DIRECTIONS:
        raise DataValidationError("targets.bad_direction", arah=direction)
    return direction


def _meets(values: np.ndarray, goal: float, sign: float) -> np.ndarray:
    """Whether each value meets the goal, forgiving float rounding."""
    tolerance = 1e-9 * max(1.0, abs(goal))
    return sign * (values - goal) >= -tolerance


def _slope(observed: pd.Series) -> float:
    """Least-squares slope of value on year."""
    years = observed.index.to_numpy(dtype=float)
    values = observed.to_numpy(dtype=float)
    centred = years - years.mean()
    return float((centred * (values - values.mean())).sum() / (centred**2).sum())


def _compound_rate(observed: pd.Series) -> float:
    """Compound annual rate between the first and the last observed year."""
    ends = observed.iloc[[0, -1]]
    if (ends <= 0).any():
        bad = ends[ends <= 0]
        raise DataValidationError(
            "targets.cagr_trend_not_positive",
            argumen="series_by_year",
            nilai=checks.show(bad.iloc[0]),
            baris=bad.index[0],
        )
    span = int(observed.index[-1]) - int(observed.index[0])
    return float((ends.iloc[1] / ends.iloc[0]) ** (1 / span) - 1)


def _by_year(series: object) -> pd.Series:
    """The observed values as floats, sorted by whole-number year."""
    if not isinstance(series, pd.Series):
        raise DataValidationError(
            "targets.not_series", argumen="series_by_year", tipe=type(series).__name__
        )
    label = checks.label("series_by_year", series)
    if series.empty:
        raise DataValidationError("targets.empty", argumen=label)
    years = pd.to_numeric(pd.Series(series.index), errors="coerce")
    not_years = years.isna() | (years.round() != years)
    if not_years.any():
        shown = "; ".join(
            repr(v) for v in series.index[not_years.to_numpy()][: checks.SHOWN]
        )
        raise DataValidationError("targets.bad_year_index", argumen=label, nilai=shown)
    observed = series.set_axis(years.astype(int).to_numpy())
    repeated = observed.index[observed.index.duplicated()].unique()
    if len(repeated):
        raise DataValidationError(
            "targets.duplicate_years", argumen=label, baris=checks.rows(repeated)
        )
    observed = checks.numeric(observed, label, "targets").sort_index()
    if len(observed) < 2:
        raise DataValidationError(
            "targets.too_few_years", argumen=label, jumlah=len(observed)
        )
    return observed


def _numbers(inputs: dict[str, object]) -> dict[str, float | pd.Series]:
    """The inputs as floats, or as float Series sharing one index.

    A single number stays a number. Series and mappings are matched by label,
    plain sequences by position, so arithmetic never aligns them silently.
    """
    labels = {name: checks.label(name, value) for name, value in inputs.items()}
    values: dict[str, float | pd.Series] = {}
    keyed = []
    for name, value in inputs.items():
        if np.ndim(value) == 0 and not isinstance(value, Mapping):
            values[name] = _number(value, name)
            continue
        if isinstance(value, Mapping):
            value = pd.Series(dict(value), dtype=object)
        if isinstance(value, pd.Series):
            keyed.append(name)
        else:
            value = pd.Series(list(value), dtype=object)
        if value.empty:
            raise DataValidationError("targets.empty", argumen=labels[name])
        values[name] = value
    series = [name for name, value in values.items() if isinstance(value, pd.Series)]
    if not series:
        return values
    anchor = keyed[0] if keyed else series[0]
    index = values[anchor].index
    for name in series:
        if name in keyed:
            _check_same_rows(values, anchor, name, labels)
            values[name] = values[name].reindex(index)
        elif len(values[name]) != len(index):
            raise DataValidationError(
                "targets.length_mismatch",
                argumen=labels[name],
                jumlah=len(values[name]),
                pembanding=labels[anchor],
                jumlah_pembanding=len(index),
            )
        else:
            values[name] = values[name].set_axis(index)
        values[name] = checks.numeric(values[name], labels[name], "targets")
    return values


def _check_same_rows(
    values: dict[str, float | pd.Series],
    first: str,
    name: str,
    labels: dict[str, str],
) -> None:
    extra = values[name].index.difference(values[first].index, sort=False)
    missing = values[first].index.difference(values[name].index, sort=False)
    if len(extra) or len(missing):
        raise DataValidationError(
            "targets.index_mismatch",
            argumen=labels[first],
            pembanding=labels[name],
            hanya_di_argumen=checks.rows(missing),
            hanya_di_pembanding=checks.rows(extra),
        )


def _refuse(
    values: dict[str, float | pd.Series], name: str, bad: object, key: str
) -> None:
    """Raise ``key`` for argument ``name`` where ``bad`` holds, if anywhere."""
    value = values[name]
    if not isinstance(value, pd.Series):
        if bad:
            raise DataValidationError(
                key, argumen=name, nilai=checks.show(value), letak=""
            )
        return
    if bad.any():
        rows = checks.rows(value.index[bad])
        raise DataValidationError(
            key,
            argumen=checks.label(name, value),
            nilai="; ".join(checks.show(v) for v in value[bad].iloc[: checks.SHOWN]),
            letak=messages.text("targets.at_rows", baris=rows),
        )


def _number(value: object, name: str) -> float:
    if not _is_number(value) or not math.isfinite(value):
        raise DataValidationError(
            "targets.not_a_number", argumen=name, nilai=repr(value)
        )
    return float(value)


def _year(value: object, name: str) -> int:
    is_whole = _is_number(value) and math.isfinite(value) and value == int(value)
    if not is_whole:
        raise DataValidationError("targets.bad_year", argumen=name, nilai=repr(value))
    return int(value)


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)
