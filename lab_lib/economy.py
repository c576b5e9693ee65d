"""Economic structure by *lapangan usaha*: location quotients and shift-share.

Terms used in this module:

- *lapangan usaha* (sector): one of the 17 industry categories in which BPS
  publishes PDRB (KBLI 2020, following SNA 2008), listed in
  :data:`LAPANGAN_USAHA` with their letter codes A–U.
- *PDRB menurut lapangan usaha*: gross regional domestic product as the value
  added (*nilai tambah bruto*) of each sector, in rupiah. Compare like with
  like: the same price basis (ADHK, *atas dasar harga konstan*, for changes
  over time) and the same year for the region and its reference.
- *wilayah* (region) and *acuan* (reference): a kabupaten/kota and its
  province, or the province and Indonesia.
- *sektor basis*: a sector in which the region is more specialised than its
  reference (LQ > 1), read as producing for markets outside the region.

Every function takes pandas Series indexed by sector (codes or names, the same
in every argument); they are matched by index and a sector missing from one
of them is named in the error. Bad input raises
:class:`~lab_lib.errors.DataValidationError` naming the argument, its column
and the sectors.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from numbers import Real

import numpy as np
import pandas as pd

from lab_lib import checks, messages
from lab_lib.errors import DataValidationError
from lab_lib.years import later_year, same_year, split_year

__all__ = [
    "LAPANGAN_USAHA",
    "SECTOR_CLASSES",
    "basis",
    "dynamic_location_quotient",
    "location_quotient",
    "sector_class",
    "sector_name",
    "shift_share",
]


LAPANGAN_USAHA: dict[str, dict[str, str]] = {
    "A": {
        "id": "Pertanian, Kehutanan, dan Perikanan",
        "en": "Agriculture, Forestry and Fishing",
    },
    "B": {"id": "Pertambangan dan Penggalian", "en": "Mining and Quarrying"},
    "C": {"id": "Industri Pengolahan", "en": "Manufacturing"},
    "D": {"id": "Pengadaan Listrik dan Gas", "en": "Electricity and Gas Supply"},
    "E": {
        "id": "Pengadaan Air, Pengelolaan Sampah, Limbah dan Daur Ulang",
        "en": "Water Supply, Sewerage, Waste Management and Remediation Activities",
    },
    "F": {"id": "Konstruksi", "en": "Construction"},
    "G": {
        "id": "Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor",
        "en": "Wholesale and Retail Trade; Repair of Motor Vehicles and Motorcycles",
    },
    "H": {"id": "Transportasi dan Pergudangan", "en": "Transportation and Storage"},
    "I": {
        "id": "Penyediaan Akomodasi dan Makan Minum",
        "en": "Accommodation and Food Service Activities",
    },
    "J": {"id": "Informasi dan Komunikasi", "en": "Information and Communication"},
    "K": {
        "id": "Jasa Keuangan dan Asuransi",
        "en": "Financial and Insurance Activities",
    },
    "L": {"id": "Real Estat", "en": "Real Estate Activities"},
    "M,N": {"id": "Jasa Perusahaan", "en": "Business Activities"},
    "O": {
        "id": "Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib",
        "en": "Public Administration and Defence; Compulsory Social Security",
    },
    "P": {"id": "Jasa Pendidikan", "en": "Education"},
    "Q": {
        "id": "Jasa Kesehatan dan Kegiatan Sosial",
        "en": "Human Health and Social Work Activities",
    },
    "R,S,T,U": {"id": "Jasa Lainnya", "en": "Other Services Activities"},
}

SECTOR_CLASSES: dict[str, dict[str, str]] = {
    "unggulan": {
        "id": "Unggulan: basis dan tetap basis",
        "en": "Leading: basis, and staying basis",
    },
    "prospektif": {
        "id": "Prospektif: basis, tetapi peranannya menurun",
        "en": "Prospective: basis, but its role is declining",
    },
    "andalan": {
        "id": "Andalan: belum basis, tetapi peranannya meningkat",
        "en": "Mainstay: not yet basis, but its role is rising",
    },
    "tertinggal": {
        "id": "Tertinggal: bukan basis dan peranannya menurun",
        "en": "Lagging: not basis, and its role is declining",
    },
}


def location_quotient(region: pd.Series, reference: pd.Series) -> pd.Series:
    """Static location quotient (*Location Quotient*, LQ) of each sector.

    .. math::

        LQᵢ = (xᵢ / Σ x) / (Xᵢ / Σ X)

    the sector's share of the region's PDRB over its share of the reference's.
    LQ > 1 marks a *sektor basis* (see :func:`basis`); LQ of the reference
    against itself is 1 in every sector.

    Parameters
    ----------
    region : Series
        xᵢ, value added of each sector in the region (rupiah; any one unit).
    reference : Series
        Xᵢ, value added of the same sectors in the reference, same price
        basis and year. No sector may be 0 here: its LQ would be undefined.

    Returns
    -------
    Series
        LQ per sector, named ``LQ``, without unit.

    References
    ----------
    Tarigan, R. (2005). *Ekonomi Regional: Teori dan Aplikasi*. Jakarta: Bumi
    Aksara. Isard, W. (1960). *Methods of Regional Analysis*. Cambridge, MA:
    MIT Press.

    Examples
    --------
    Sector A is 100 of the region's 150 and 1000 of the reference's 2000, so
    LQ = (100/150) / (1000/2000) = 1.333; sector B = (50/150) / 0.5 = 0.667.

    >>> region = pd.Series({"A": 100.0, "B": 50.0})
    >>> reference = pd.Series({"A": 1000.0, "B": 1000.0})
    >>> location_quotient(region, reference).round(4)
    A    1.3333
    B    0.6667
    Name: LQ, dtype: float64
    """
    frame, labels = _sectors({"region": region, "reference": reference})
    _check_totals(frame, labels)
    _refuse(frame["reference"] == 0, frame, "reference", labels, "economy.zero_sector")
    shares = frame / frame.sum()
    return (shares["region"] / shares["reference"]).rename("LQ")


def dynamic_location_quotient(
    region_start: pd.Series,
    region_end: pd.Series,
    reference_start: pd.Series,
    reference_end: pd.Series,
    years: float,
) -> pd.Series:
    """Dynamic location quotient (DLQ) of each sector over ``years`` years.

    .. math::

        DLQᵢ = [ ((1 + gᵢ) / (1 + g)) / ((1 + Gᵢ) / (1 + G)) ]ᵗ

    where gᵢ and g are the average annual growth rates of sector i and of total
    PDRB in the region, Gᵢ and G the same in the reference, and t = ``years``.
    The average rates are compound rates over the period, gᵢ =
    (xᵢ,end / xᵢ,start)^(1/t) − 1, so DLQ equals LQ at the end divided by LQ at
    the start: DLQ > 1 means the sector's specialisation is rising. For the
    same reason t cancels out of the result; it still sets the annual rates
    the formula is written in.

    Parameters
    ----------
    region_start, region_end : Series
        Value added per sector in the region in the first and last year,
        ADHK (constant prices).
    reference_start, reference_end : Series
        The same for the reference. No sector may be 0 at the start, in the
        region or the reference: its growth rate would be undefined.
    years : float
        t, years between the two observations (5 for 2019–2024); more than 0.

    Returns
    -------
    Series
        DLQ per sector, named ``DLQ``, without unit.

    References
    ----------
    Saharuddin (2006), the form used in Indonesian regional studies, with
    average annual growth rates and the exponent t; set out with these symbols
    in Angelina, C. (2019). Comparative advantage dan location quotient.
    *Kompasiana*, 15 November 2019.

    Examples
    --------
    Over t = 5 years the region grows from A = 100, B = 50 to A = 120, B = 80,
    the reference from 1000, 1000 to 1100, 1300. For A, (1 + gᵢ)ᵗ = 1.2,
    (1 + g)ᵗ = 200/150, (1 + Gᵢ)ᵗ = 1.1 and (1 + G)ᵗ = 2400/2000, so
    DLQ = (1.2 / 1.3333) / (1.1 / 1.2) = 0.9818 = LQ₂₀₂₄ / LQ₂₀₁₉ =
    1.3091 / 1.3333.

    >>> region_start = pd.Series({"A": 100.0, "B": 50.0})
    >>> region_end = pd.Series({"A": 120.0, "B": 80.0})
    >>> reference_start = pd.Series({"A": 1000.0, "B": 1000.0})
    >>> reference_end = pd.Series({"A": 1100.0, "B": 1300.0})
    >>> dynamic_location_quotient(
    ...     region_start, region_end, reference_start, reference_end, years=5
    ... ).round(4)
    A    0.9818
    B    1.1077
    Name: DLQ, dtype: float64
    """
    t = _years(years)
    frame, labels = _sectors(
        {
            "region_start": region_start,
            "region_end": region_end,
            "reference_start": reference_start,
            "reference_end": reference_end,
        },
        span=t,
    )
    _check_totals(frame, labels)
    for name in ("region_start", "reference_start"):
        _refuse(frame[name] == 0, frame, name, labels, "economy.zero_sector", "DLQ")

    sector_region = _average_rate(frame["region_start"], frame["region_end"], t)
    total_region = _average_rate(
        frame["region_start"].sum(), frame["region_end"].sum(), t
    )
    sector_ref = _average_rate(frame["reference_start"], frame["reference_end"], t)
    total_ref = _average_rate(
        frame["reference_start"].sum(), frame["reference_end"].sum(), t
    )
    relative_region = (1 + sector_region) / (1 + total_region)
    relative_ref = (1 + sector_ref) / (1 + total_ref)
    return ((relative_region / relative_ref) ** t).rename("DLQ")


def shift_share(
    region_start: pd.Series,
    region_end: pd.Series,
    reference_start: pd.Series,
    reference_end: pd.Series,
) -> pd.DataFrame:
    """Shift-share decomposition of each sector's change in the region.

    With y for the region, Y for the reference, i the sector and 0, t the start
    and end years, the change Δyᵢ = yᵢₜ − yᵢ₀ splits into

    .. math::

        Nᵢ = yᵢ₀ · (Yₜ / Y₀ − 1)              share of reference growth
        Pᵢ = yᵢ₀ · (Yᵢₜ / Yᵢ₀ − Yₜ / Y₀)      proportional (industry mix)
        Dᵢ = yᵢ₀ · (yᵢₜ / yᵢ₀ − Yᵢₜ / Yᵢ₀)    differential (competitive)

    so that Nᵢ + Pᵢ + Dᵢ = Δyᵢ. P > 0 means the sector grows fast in the
    reference; D > 0 means it grows faster in the region than in the
    reference. Dᵢ is computed as yᵢₜ − yᵢ₀ · Yᵢₜ / Yᵢ₀, the same value, which
    stays defined for a sector that starts at 0 in the region.

    Parameters
    ----------
    region_start, region_end : Series
        yᵢ₀, yᵢₜ: value added (or employment) per sector in the region, ADHK.
    reference_start, reference_end : Series
        Yᵢ₀, Yᵢₜ: the same for the reference; no sector may be 0 at the start.

    Returns
    -------
    DataFrame
        One row per sector with columns ``N``, ``P``, ``D`` and ``delta``
        (Δyᵢ), in the unit of the inputs.

    References
    ----------
    Dunn, E. S. (1960). A statistical and analytical technique for regional
    analysis. *Papers of the Regional Science Association* 6, 97–112.
    Glasson, J. (1990). *Pengantar Perencanaan Regional*. Jakarta: LPFE-UI.

    Examples
    --------
    The data of :func:`dynamic_location_quotient`; the reference grows by
    Yₜ / Y₀ = 2400 / 2000 = 1.2. For sector A: N = 100 · 0.2 = 20,
    P = 100 · (1.1 − 1.2) = −10, D = 100 · (1.2 − 1.1) = 10, and
    20 − 10 + 10 = 20 = 120 − 100.

    >>> shift_share(
    ...     pd.Series({"A": 100.0, "B": 50.0}), pd.Series({"A": 120.0, "B": 80.0}),
    ...     pd.Series({"A": 1000.0, "B": 1000.0}),
    ...     pd.Series({"A": 1100.0, "B": 1300.0}),
    ... ).round(6)
          N     P     D  delta
    A  20.0 -10.0  10.0   20.0
    B  10.0   5.0  15.0   30.0
    """
    frame, labels = _sectors(
        {
            "region_start": region_start,
            "region_end": region_end,
            "reference_start": reference_start,
            "reference_end": reference_end,
        }
    )
    _check_totals(frame, labels)
    _refuse(
        frame["reference_start"] == 0,
        frame,
        "reference_start",
        labels,
        "economy.zero_sector",
        "shift-share",
    )

    y0, yt = frame["region_start"], frame["region_end"]
    sector_growth = frame["reference_end"] / frame["reference_start"]
    total_growth = frame["reference_end"].sum() / frame["reference_start"].sum()
    return pd.DataFrame(
        {
            "N": y0 * (total_growth - 1),
            "P": y0 * (sector_growth - total_growth),
            "D": yt - y0 * sector_growth,
            "delta": yt - y0,
        }
    )


def basis(lq: pd.Series) -> pd.Series:
    """``"basis"`` where LQ > 1, else ``"non-basis"``.

    LQ = 1 exactly (as specialised as the reference) counts as non-basis, so
    a basis sector is always strictly more specialised than its reference.

    Parameters
    ----------
    lq : Series
        LQ per sector, without unit, as from :func:`location_quotient` (or a
        mapping of sector to LQ).

    Returns
    -------
    Series
        ``"basis"`` or ``"non-basis"`` per sector, named ``basis``, in the
        order of ``lq``.

    Raises
    ------
    DataValidationError
        ``lq`` is not a Series or mapping, is empty, repeats a sector, holds
        more than one ``tahun``, or holds text, infinities or missing values.

    References
    ----------
    Tarigan, R. (2005). *Ekonomi Regional: Teori dan Aplikasi*. Jakarta: Bumi
    Aksara (LQ > 1 as the mark of a basis sector).

    Examples
    --------
    >>> basis(pd.Series({"A": 1.33, "B": 1.0, "C": 0.5})).tolist()
    ['basis', 'non-basis', 'non-basis']
    """
    frame, _ = _sectors({"lq": lq}, negative_allowed=True)
    is_basis = frame["lq"] > 1
    return pd.Series(
        np.where(is_basis, "basis", "non-basis"), index=frame.index, name="basis"
    )


def sector_class(lq: pd.Series, dlq: pd.Series) -> pd.Series:
    """Combined LQ × DLQ class of each sector.

    ============  =========  =========  =======================================
    class         LQ         DLQ        reading
    ============  =========  =========  =======================================
    unggulan      > 1        > 1        basis now and staying basis
    prospektif    > 1        ≤ 1        basis now, but its specialisation falls
    andalan       ≤ 1        > 1        not basis yet, its specialisation rises
    tertinggal    ≤ 1        ≤ 1        not basis, its specialisation falls
    ============  =========  =========  =======================================

    As in :func:`basis`, a value of exactly 1 counts as not above 1. Names of
    the two mixed classes vary between studies; :data:`SECTOR_CLASSES` gives
    each class's reading in Indonesian and English for tables.

    Parameters
    ----------
    lq : Series
        Static LQ per sector, usually of the last year of the period.
    dlq : Series
        DLQ per sector over the period, with the same sectors.

    Returns
    -------
    Series
        Class per sector, named ``sector_class``.

    Raises
    ------
    DataValidationError
        An input that is not a Series or mapping, is empty or repeats a sector;
        ``lq`` and ``dlq`` with different sectors; text, infinities or missing
        values.

    References
    ----------
    Angelina, C. (2019). Comparative advantage dan location quotient.
    *Kompasiana*, 15 November 2019 (unggulan, andalan, tertinggal).
    Yuniartanti, R. K. *Basis Ekonomi dan Sektor Unggulan*, lecture XIII of
    Pengantar Perencanaan Wilayah Kota, Universitas Esa Unggul (types I–IV of
    the combined LQ and DLQ analysis, which reads the LQ > 1, DLQ ≤ 1 cell as
    "basis, tidak prospektif").

    Examples
    --------
    The sectors of :func:`dynamic_location_quotient`, with LQ at the end:

    >>> sector_class(pd.Series({"A": 1.309, "B": 0.738}),
    ...              pd.Series({"A": 0.982, "B": 1.108})).tolist()
    ['prospektif', 'andalan']
    """
    frame, _ = _sectors({"lq": lq, "dlq": dlq}, negative_allowed=True)
    above_lq = frame["lq"] > 1
    above_dlq = frame["dlq"] > 1
    classes = np.select(
        [above_lq & above_dlq, above_lq, above_dlq],
        ["unggulan", "prospektif", "andalan"],
        default="tertinggal",
    )
    return pd.Series(classes, index=frame.index, name="sector_class")


def sector_name(code: str, bahasa: str | None = None) -> str:
    """The BPS name of lapangan usaha ``code`` in ``bahasa`` (default: session's).

    Parameters
    ----------
    code : str
        A key of :data:`LAPANGAN_USAHA`: a category letter ``"A"`` to ``"L"``,
        ``"O"``, ``"P"`` or ``"Q"``, or one of the grouped codes ``"M,N"`` and
        ``"R,S,T,U"`` as BPS publishes them.
    bahasa : {"id", "en"} or None
        Language of the name; None for the session's language.

    Returns
    -------
    str
        The sector's name as in BPS's PDRB tables.

    Raises
    ------
    ValueError
        ``bahasa`` is not a supported language.
    DataValidationError
        ``code`` is not a key of :data:`LAPANGAN_USAHA`.

    References
    ----------
    Badan Pusat Statistik. *Produk Domestik Regional Bruto Provinsi-Provinsi
    di Indonesia menurut Lapangan Usaha* (annual; 17 categories).
    Peraturan BPS No. 2 Tahun 2020 tentang Klasifikasi Baku Lapangan Usaha
    Indonesia (KBLI 2020).

    Examples
    --------
    >>> sector_name("B")
    'Pertambangan dan Penggalian'
    >>> sector_name("M,N", bahasa="en")
    'Business Activities'
    """
    lang = bahasa or messages.language()
    if lang not in messages.LANGUAGES:
        raise ValueError(messages.text("language.unsupported", kode=lang))
    if code not in LAPANGAN_USAHA:
        raise DataValidationError(
            "economy.unknown_sector", kode=code, pilihan="; ".join(LAPANGAN_USAHA)
        )
    return LAPANGAN_USAHA[code][lang]


def _average_rate(
    start: pd.Series | float, end: pd.Series | float, years: float
) -> pd.Series | float:
    """Compound average annual growth rate, as a fraction."""
    return (end / start) ** (1 / years) - 1


def _years(years: object) -> float:
    is_number = isinstance(years, Real) and not isinstance(years, bool)
    if not is_number or not math.isfinite(years) or years <= 0:
        raise DataValidationError("economy.bad_years", nilai=repr(years))
    return float(years)


def _sectors(
    inputs: dict[str, object],
    negative_allowed: bool = False,
    span: float | None = None,
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The inputs as float columns of one frame, one row per sector.

    Every input must be a Series (or mapping) with the sectors of the first.
    Inputs that carry their year are checked by :func:`_check_years`, with
    ``span`` the number of years between start and end, when one is given.
    """
    labels = {name: checks.label(name, values) for name, values in inputs.items()}
    split = {name: split_year(v, labels[name]) for name, v in inputs.items()}
    _check_years({name: year for name, (_, year) in split.items()}, labels, span)
    inputs = {name: values for name, (values, _) in split.items()}
    columns = {name: _as_series(v, labels[name]) for name, v in inputs.items()}
    first = next(iter(columns))
    index = columns[first].index
    for name, column in columns.items():
        _check_same_sectors(column, columns[first], labels[name], labels[first])
        columns[name] = checks.numeric(column.reindex(index), labels[name], "economy")
    frame = pd.DataFrame(columns, index=index)
    if not negative_allowed:
        for name in frame:
            _refuse(frame[name] < 0, frame, name, labels, "economy.negative")
    return frame, labels


def _check_years(
    found: dict[str, int | None], labels: dict[str, str], span: float | None
) -> None:
    """Inputs for one moment share a year; an end comes after its start.

    When ``span`` is given, it must be the distance between the two years.
    """
    moments: dict[str, dict[str, int | None]] = {}
    for name, year in found.items():
        moment = name.rsplit("_", 1)[-1] if name.endswith(("_start", "_end")) else ""
        moments.setdefault(moment, {})[labels[name]] = year
    common = {moment: same_year(years) for moment, years in moments.items()}
    if "start" in common and "end" in common:
        start_label = next(iter(moments["start"]))
        end_label = next(iter(moments["end"]))
        later_year(common["start"], common["end"], (start_label, end_label))
        if span is not None:
            _check_span(span, common["start"], common["end"])


def _check_span(years: float, start: int | None, end: int | None) -> None:
    """``years`` must be the distance between the inputs' years, when known."""
    if start is not None and end is not None and years != end - start:
        raise DataValidationError(
            "years.span_mismatch",
            nilai=checks.show(years),
            jarak=end - start,
            tahun_awal=start,
            tahun_akhir=end,
        )


def _as_series(values: object, label: str) -> pd.Series:
    if isinstance(values, Mapping):
        values = pd.Series(dict(values), dtype=object)
    if not isinstance(values, pd.Series):
        raise DataValidationError(
            "economy.not_series", argumen=label, tipe=type(values).__name__
        )
    if values.empty:
        raise DataValidationError("economy.empty", argumen=label)
    repeated = values.index[values.index.duplicated()].unique()
    if len(repeated):
        raise DataValidationError(
            "economy.duplicate_labels", argumen=label, baris=checks.rows(repeated)
        )
    return values


def _check_same_sectors(
    column: pd.Series, first: pd.Series, label: str, first_label: str
) -> None:
    extra = column.index.difference(first.index, sort=False)
    missing = first.index.difference(column.index, sort=False)
    if len(extra) or len(missing):
        raise DataValidationError(
            "economy.index_mismatch",
            argumen=first_label,
            pembanding=label,
            hanya_di_argumen=checks.rows(missing),
            hanya_di_pembanding=checks.rows(extra),
        )


def _check_totals(frame: pd.DataFrame, labels: dict[str, str]) -> None:
    for name, total in frame.sum().items():
        if total <= 0:
            raise DataValidationError(
                "economy.total_not_positive",
                argumen=labels[name],
                nilai=checks.show(total),
            )


def _refuse(
    bad: pd.Series,
    frame: pd.DataFrame,
    name: str,
    labels: dict[str, str],
    key: str,
    measure: str = "LQ",
) -> None:
    """Raise ``key`` naming the sectors where ``bad`` holds, if any."""
    if bad.any():
        raise DataValidationError(
            key,
            argumen=labels[name],
            baris=checks.rows(frame.index[bad]),
            nilai="; ".join(
                checks.show(v) for v in frame.loc[bad, name].iloc[: checks.SHOWN]
            ),
            ukuran=measure,
        )
