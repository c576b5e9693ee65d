"""Regional disparity (*ketimpangan wilayah*) and the Klassen typology.

Terms used in this module:

- *wilayah* (region): a kabupaten or kota; the *provinsi* (province) is the
  reference it is compared with.
- *PDRB per kapita*: gross regional domestic product (*Produk Domestik
  Regional Bruto*) divided by the mid-year population, in rupiah per person.
  Keep one price basis in one calculation: ADHK (*atas dasar harga konstan*,
  constant prices) for growth, ADHB (*atas dasar harga berlaku*, current
  prices) or ADHK for levels.
- *pertumbuhan ekonomi* (growth): the annual change of PDRB ADHK, written as
  a fraction (0.05 for 5 %) unless ``in_percent=True`` says it is in percent.
- *penduduk* (population): persons, the weight of each region.

Every function takes one value per region: pandas Series, matched by their
index (regions missing from one of them are named in the error), or plain
sequences in the same order. Bad input raises
:class:`~lab_lib.errors.DataValidationError` naming the argument, its column
and the rows: index labels, or positions counted from 0 for plain sequences.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Real

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from lab_lib import checks, messages
from lab_lib.errors import DataValidationError
from lab_lib.years import same_year, split_year

__all__ = [
    "KLASSEN_NAMES",
    "TheilResult",
    "klassen",
    "klassen_name",
    "theil",
    "williamson",
]


KLASSEN_NAMES: dict[int, dict[str, str]] = {
    1: {"id": "Cepat maju dan cepat tumbuh", "en": "High growth and high income"},
    2: {"id": "Maju tapi tertekan", "en": "High income but low growth"},
    3: {"id": "Berkembang cepat", "en": "High growth but low income"},
    4: {"id": "Relatif tertinggal", "en": "Low growth and low income"},
}


@dataclass(frozen=True, eq=False)
class TheilResult:
    """Theil T split into inequality between groups and within groups.

    Attributes
    ----------
    total : float
        Theil T over all regions.
    between : float
        Theil T of the group totals, as if every region had its group's
        per-capita income.
    within : float
        Income-share weighted sum of the Theil T inside each group;
        ``between + within == total`` up to float rounding.
    by_group : DataFrame
        One row per group: ``income_share`` and ``population_share`` of the
        province, ``theil`` (the group's own Theil T), and its ``between`` and
        ``within`` contributions, which add up to the attributes of the same
        name.
    """

    total: float
    between: float
    within: float
    by_group: pd.DataFrame


def williamson(per_capita: ArrayLike, population: ArrayLike) -> float:
    """Williamson index (*Indeks Williamson*) of regional inequality.

    .. math::

        IW = √( Σᵢ (yᵢ − ȳ)² · fᵢ / n ) / ȳ,   ȳ = Σᵢ fᵢ · yᵢ / n,   n = Σᵢ fᵢ

    The population-weighted coefficient of variation of PDRB per kapita. 0 is
    perfect equality; values above 0.5 are usually read as high inequality.
    It is not bounded by 1: one small region with a very high PDRB per kapita
    (a mining or smelting enclave) can push it above 1. ȳ equals the
    provincial PDRB per kapita when the regions' PDRB add up to the
    province's.

    Parameters
    ----------
    per_capita : Series or array-like
        yᵢ, PDRB per kapita of each kabupaten/kota (rupiah per person, or any
        one unit: the index has none).
    population : Series or array-like
        fᵢ, population of each region (persons), in the same order or with the
        same index; every value must be more than 0.

    Returns
    -------
    float
        IW, without unit.

    References
    ----------
    Williamson, J. G. (1965). Regional inequality and the process of national
    development. *Economic Development and Cultural Change* 13(4), 1–84.
    Sjafrizal (2012). *Ekonomi Wilayah dan Perkotaan*. Jakarta: Rajawali Pers.

    Examples
    --------
    Three regions with 10, 20 and 40 (juta rupiah per person) and 50, 30 and
    20 (thousand persons): ȳ = (10·50 + 20·30 + 40·20) / 100 = 19, and
    IW = √(81·0.5 + 1·0.3 + 441·0.2) / 19 = √129 / 19 ≈ 0.598.

    >>> round(williamson([10, 20, 40], [50, 30, 20]), 4)
    0.5978
    """
    frame, labels = _aligned({"per_capita": per_capita, "population": population})
    y, f = _values_and_population(frame, labels, "per_capita")

    weights = f / f.sum()
    mean = float((weights * y).sum())
    if mean == 0:
        raise DataValidationError("disparity.zero_total", argumen=labels["per_capita"])
    return math.sqrt(float((weights * (y - mean) ** 2).sum())) / mean


def theil(
    income_or_per_capita: ArrayLike,
    population: ArrayLike,
    groups: ArrayLike | None = None,
    *,
    per_capita: bool = True,
) -> float | TheilResult:
    """Theil T index of regional income inequality, optionally decomposed.

    The income-share weighted Theil T (Theil's first measure, GE(1)):

    .. math::

        T = Σᵢ (Yᵢ/Y) · ln( (Yᵢ/Y) / (Nᵢ/N) )

    where Yᵢ is the income (PDRB) of region i, Nᵢ its population, and Y, N the
    provincial sums; a region with no income adds 0 (the limit of s·ln s).
    T is 0 at perfect equality and at most ln(N/Nₘᵢₙ). With ``groups`` (for
    example the island or the development area of each region), T splits
    exactly into

    .. math::

        T = Σ_g s_g ln(s_g / p_g)  +  Σ_g s_g T_g

    between groups plus within groups, where s_g, p_g are the group's shares of
    income and population and T_g is the Theil T of the regions inside g.

    Parameters
    ----------
    income_or_per_capita : Series or array-like
        PDRB per kapita yᵢ (then Yᵢ = yᵢ · Nᵢ) or, with ``per_capita=False``,
        total PDRB Yᵢ, in one price basis and unit; not negative.
    population : Series or array-like
        Nᵢ, persons; every value must be more than 0.
    groups : Series or array-like, optional
        Group label of each region, in the same order or with the same index.
    per_capita : bool, default True
        Whether the first argument is per-capita (True) or total (False).

    Returns
    -------
    float or TheilResult
        T without ``groups``; with them, a :class:`TheilResult` holding
        ``total``, ``between``, ``within`` and the contribution of each group.

    References
    ----------
    Theil, H. (1967). *Economics and Information Theory*. Amsterdam:
    North-Holland. Akita, T. (2003). Decomposing regional income inequality in
    China and Indonesia using two-stage nested Theil decomposition method.
    *Annals of Regional Science* 37(1), 55–77.

    Examples
    --------
    The three regions of :func:`williamson`: incomes 500, 600 and 800 of
    Y = 1900, so T = Σ (Yᵢ/1900) · ln((Yᵢ/1900) / (Nᵢ/100)) ≈ 0.161.

    >>> round(theil([10, 20, 40], [50, 30, 20]), 4)
    0.1607
    >>> result = theil([10, 20, 40], [50, 30, 20], groups=["a", "a", "b"])
    >>> round(result.between, 4), round(result.within, 4)
    (0.1262, 0.0345)
    >>> result.by_group.round(4)
           income_share  population_share   theil  between  within
    group
    a            0.5789               0.8  0.0596  -0.1872  0.0345
    b            0.4211               0.2  0.0000   0.3134  0.0000
    """
    inputs = {"income_or_per_capita": income_or_per_capita, "population": population}
    if groups is not None:
        inputs["groups"] = groups
    frame, labels = _aligned(inputs)
    values, people = _values_and_population(frame, labels, "income_or_per_capita")

    income = values * people if per_capita else values
    if income.sum() == 0:
        raise DataValidationError(
            "disparity.zero_total", argumen=labels["income_or_per_capita"]
        )
    total = _theil_terms(income, people).sum()
    if groups is None:
        return float(total)

    group = frame["groups"]
    _refuse(group.isna(), group, "disparity.missing", labels["groups"])
    return _decompose(float(total), income, people, group.rename("group"))


def klassen(
    growth: ArrayLike,
    per_capita: ArrayLike,
    ref_growth: float,
    ref_per_capita: float,
    *,
    in_percent: bool = False,
) -> pd.Series | np.ndarray:
    """Klassen typology (*Tipologi Klassen*): the quadrant of each region.

    Each region is compared with the reference (the province) on growth rᵢ
    against r and on PDRB per kapita yᵢ against y:

    ====  =============================  =========  =========
    no.   quadrant                       growth     per capita
    ====  =============================  =========  =========
    1     cepat maju dan cepat tumbuh    rᵢ > r     yᵢ > y
    2     maju tapi tertekan             rᵢ ≤ r     yᵢ > y
    3     berkembang cepat               rᵢ > r     yᵢ ≤ y
    4     relatif tertinggal             rᵢ ≤ r     yᵢ ≤ y
    ====  =============================  =========  =========

    Ties count as not above the reference: rᵢ == r is classed with rᵢ < r,
    and yᵢ == y with yᵢ < y, so "cepat tumbuh" and "maju" always mean strictly
    above the province. A region equal to the province on both is quadrant 4.

    Parameters
    ----------
    growth : Series or array-like
        rᵢ, growth of PDRB ADHK of each region over the period, as a fraction
        (0.05 for 5 %) unless ``in_percent`` is True.
    per_capita : Series or array-like
        yᵢ, PDRB per kapita of each region, in the same unit as
        ``ref_per_capita``.
    ref_growth : float
        r, growth of the reference province over the same period, in the same
        unit as ``growth``.
    ref_per_capita : float
        y, PDRB per kapita of the reference province; more than 0.
    in_percent : bool, default False
        True when ``growth`` and ``ref_growth`` are in percent (5 for 5 %).
        With the default, a growth rate above 1 in size is refused as a
        probable percentage; give a growth of more than 100 % in percent.

    Returns
    -------
    Series or ndarray
        Quadrant 1–4 per region: a Series named ``kuadran_klassen`` with the
        regions' index when ``growth`` or ``per_capita`` is a Series (or a
        mapping), else an integer array. :func:`klassen_name` gives the quadrant's name.

    References
    ----------
    Klassen, L. H. (1965). *Area Economic and Social Redevelopment*. Paris:
    OECD. Sjafrizal (1997). Pertumbuhan ekonomi dan ketimpangan regional
    wilayah Indonesia bagian barat. *Prisma* 26(3).

    Examples
    --------
    Against a province growing 5 % with 30 juta rupiah per person; the third
    region ties the province on growth, so it does not count as faster:

    >>> klassen([0.07, 0.03, 0.05, 0.02], [40, 50, 20, 10], 0.05, 30)
    array([1, 2, 4, 4])
    >>> growth = pd.Series({"82.01": 6.5, "82.71": 4.0}, name="pertumbuhan")
    >>> klassen(growth, pd.Series({"82.01": 21.0, "82.71": 64.5}), 5.0, 30.0,
    ...         in_percent=True)
    82.01    3
    82.71    2
    Name: kuadran_klassen, dtype: int64
    """
    frame, labels = _aligned({"growth": growth, "per_capita": per_capita})
    rates = _numeric(frame, "growth", labels)
    incomes = _numeric(frame, "per_capita", labels)
    _refuse(incomes < 0, incomes, "disparity.negative", labels["per_capita"])
    reference_rate = _scalar(ref_growth, "ref_growth")
    reference_income = _scalar(ref_per_capita, "ref_per_capita")
    if reference_income <= 0:
        raise DataValidationError(
            "disparity.reference_not_positive",
            argumen="ref_per_capita",
            nilai=checks.show(reference_income),
        )
    if not in_percent:
        _refuse_percent(rates, labels["growth"])
        _refuse_percent(pd.Series([reference_rate]), "ref_growth", scalar=True)

    faster = (rates > reference_rate).to_numpy()
    richer = (incomes > reference_income).to_numpy()
    quadrant = np.select([faster & richer, richer, faster], [1, 2, 3], default=4)
    if any(isinstance(v, pd.Series | Mapping) for v in (growth, per_capita)):
        return pd.Series(quadrant, index=frame.index, name="kuadran_klassen")
    return quadrant


def klassen_name(quadrant: int, bahasa: str | None = None) -> str:
    """The name of Klassen quadrant 1–4 in ``bahasa`` (default: the session's).

    The quadrants are those of :func:`klassen`: 1 rᵢ > r and yᵢ > y, 2 rᵢ ≤ r
    and yᵢ > y, 3 rᵢ > r and yᵢ ≤ y, 4 rᵢ ≤ r and yᵢ ≤ y (growth rᵢ and PDRB per
    kapita yᵢ of the region against r and y of the reference).

    Parameters
    ----------
    quadrant : int
        The quadrant number, 1 to 4, as returned by :func:`klassen`.
    bahasa : {"id", "en"} or None
        Language of the name; None for the session's language.

    Returns
    -------
    str
        The quadrant's name from :data:`KLASSEN_NAMES`, capitalised.

    Raises
    ------
    ValueError
        ``bahasa`` is not a supported language.
    DataValidationError
        ``quadrant`` is not 1, 2, 3 or 4.

    References
    ----------
    Klassen, L. H. (1965). *Area Economic and Social Redevelopment*. Paris:
    OECD. Sjafrizal (1997). Pertumbuhan ekonomi dan ketimpangan regional
    wilayah Indonesia bagian barat. *Prisma* 26(3). Sjafrizal (2012).
    *Ekonomi Wilayah dan Perkotaan*. Jakarta: Rajawali Pers.

    Examples
    --------
    >>> klassen_name(2)
    'Maju tapi tertekan'
    >>> klassen_name(4, bahasa="en")
    'Low growth and low income'
    """
    lang = bahasa or messages.language()
    if lang not in messages.LANGUAGES:
        raise ValueError(messages.text("language.unsupported", kode=lang))
    if quadrant not in KLASSEN_NAMES:
        raise DataValidationError("disparity.bad_quadrant", kuadran=quadrant)
    return KLASSEN_NAMES[int(quadrant)][lang]


def _theil_terms(income: pd.Series, people: pd.Series) -> pd.Series:
    """sᵢ · ln(sᵢ / pᵢ) per row, taking 0 · ln 0 as 0."""
    share = income / income.sum()
    ratio = share / (people / people.sum())
    return share * np.log(ratio.where(share > 0, 1.0))


def _decompose(
    total: float, income: pd.Series, people: pd.Series, group: pd.Series
) -> TheilResult:
    """Between- and within-group parts of Theil T (Akita 2003, first stage)."""
    sums = pd.DataFrame({"income": income, "people": people}).groupby(group).sum()
    income_share = sums["income"] / sums["income"].sum()
    own = {
        label: _theil_terms(income[members], people[members]).sum()
        if sums.loc[label, "income"] > 0
        else np.nan
        for label, members in group.groupby(group).groups.items()
    }
    by_group = pd.DataFrame(
        {
            "income_share": income_share,
            "population_share": sums["people"] / sums["people"].sum(),
            "theil": pd.Series(own),
            "between": _theil_terms(sums["income"], sums["people"]),
        }
    ).rename_axis("group")
    by_group["within"] = (by_group["income_share"] * by_group["theil"]).fillna(0.0)
    return TheilResult(
        total=total,
        between=float(by_group["between"].sum()),
        within=float(by_group["within"].sum()),
        by_group=by_group,
    )


def _aligned(inputs: dict[str, object]) -> tuple[pd.DataFrame, dict[str, str]]:
    """The inputs as columns of one frame, one row per region, and their labels.

    Series and mappings are matched by label; plain sequences by position, on
    the index of the first labelled input.
    """
    labels = {name: checks.label(name, values) for name, values in inputs.items()}
    split = {name: split_year(v, labels[name]) for name, v in inputs.items()}
    same_year({labels[name]: year for name, (_, year) in split.items()})
    inputs = {name: values for name, (values, _) in split.items()}
    columns = {name: _one_per_region(v, labels[name]) for name, v in inputs.items()}
    keyed = [name for name, v in inputs.items() if isinstance(v, pd.Series | Mapping)]
    anchor = keyed[0] if keyed else next(iter(columns))
    index = columns[anchor].index
    for name, column in columns.items():
        if name in keyed:
            _check_same_regions(column, columns[anchor], labels[name], labels[anchor])
            columns[name] = column.reindex(index)
        elif len(column) != len(index):
            raise DataValidationError(
                "disparity.length_mismatch",
                argumen=labels[name],
                jumlah=len(column),
                pembanding=labels[anchor],
                jumlah_pembanding=len(index),
            )
        else:
            columns[name] = column.set_axis(index)
    return pd.DataFrame(columns, index=index), labels


def _values_and_population(
    frame: pd.DataFrame, labels: dict[str, str], name: str
) -> tuple[pd.Series, pd.Series]:
    """Column ``name``, not negative, and the population, more than 0."""
    values = _numeric(frame, name, labels)
    people = _numeric(frame, "population", labels)
    population = labels["population"]
    _refuse(people <= 0, people, "disparity.population_not_positive", population)
    _refuse(values < 0, values, "disparity.negative", labels[name])
    return values, people


def _one_per_region(values: object, label: str) -> pd.Series:
    if isinstance(values, pd.Series):
        series = values
    elif isinstance(values, Mapping):
        series = pd.Series(dict(values), dtype=object)
    elif np.ndim(values) == 1:
        series = pd.Series(list(values), dtype=object)
    else:
        raise DataValidationError(
            "disparity.not_one_per_region", argumen=label, tipe=type(values).__name__
        )
    if series.empty:
        raise DataValidationError("disparity.empty", argumen=label)
    repeated = series.index[series.index.duplicated()].unique()
    if len(repeated):
        raise DataValidationError(
            "disparity.duplicate_labels", argumen=label, baris=checks.rows(repeated)
        )
    return series


def _check_same_regions(
    column: pd.Series, anchor: pd.Series, label: str, anchor_label: str
) -> None:
    extra = column.index.difference(anchor.index, sort=False)
    missing = anchor.index.difference(column.index, sort=False)
    if len(extra) or len(missing):
        raise DataValidationError(
            "disparity.index_mismatch",
            argumen=anchor_label,
            pembanding=label,
            hanya_di_argumen=checks.rows(missing),
            hanya_di_pembanding=checks.rows(extra),
        )


def _numeric(frame: pd.DataFrame, name: str, labels: dict[str, str]) -> pd.Series:
    """Column ``name`` as floats, refusing text, infinities and gaps.

    Numbers written as text are refused rather than parsed: "1.000" means one
    thousand in Indonesian writing but 1 to a parser.
    """
    raw = frame[name]
    values = pd.to_numeric(raw, errors="coerce").astype(float)
    is_text = np.array([isinstance(v, str) for v in raw], dtype=bool)
    not_numbers = is_text | (values.isna() & raw.notna()) | np.isinf(values)
    if not_numbers.any():
        raise DataValidationError(
            "disparity.not_numeric",
            argumen=labels[name],
            baris=checks.rows(raw.index[not_numbers]),
            nilai="; ".join(repr(v) for v in raw[not_numbers].iloc[: checks.SHOWN]),
        )
    _refuse(raw.isna(), raw, "disparity.missing", labels[name])
    return values


def _scalar(value: object, name: str) -> float:
    is_number = isinstance(value, Real) and not isinstance(value, bool)
    if not is_number or not math.isfinite(value):
        raise DataValidationError(
            "disparity.not_a_number", argumen=name, nilai=repr(value)
        )
    return float(value)


def _refuse(bad: pd.Series, values: pd.Series, key: str, label: str) -> None:
    """Raise ``key`` naming the rows where ``bad`` holds, if any."""
    if bad.any():
        raise DataValidationError(
            key,
            argumen=label,
            baris=checks.rows(values.index[bad]),
            nilai="; ".join(checks.show(v) for v in values[bad].iloc[: checks.SHOWN]),
        )


def _refuse_percent(rates: pd.Series, label: str, scalar: bool = False) -> None:
    too_large = rates.abs() > 1
    if too_large.any():
        rows = checks.rows(rates.index[too_large])
        raise DataValidationError(
            "disparity.growth_in_percent",
            argumen=label,
            letak="" if scalar else messages.text("disparity.rows_prefix", baris=rows),
            nilai="; ".join(
                checks.show(v) for v in rates[too_large].iloc[: checks.SHOWN]
            ),
        )
