"""Project monitoring: the S-curve (*kurva S*) and *kontrak kritis*.

Terms used in this module:

rencana kumulatif
    Planned cumulative physical progress of a contract at the end of a month,
    in percent of the whole work. Plotted over the months it is the S-curve
    of the schedule (column ``rencana_kumulatif_pct``).
realisasi kumulatif
    Actual cumulative physical progress measured in the field (*opname*), in
    percent (column ``realisasi_kumulatif_pct``).
deviasi
    realisasi − rencana, in percentage points. Negative means behind schedule.
kontrak kritis
    A construction contract so far behind plan that the procurement rules
    oblige the commitment official (PPK) to act: a warning to the contractor
    and show-cause meetings (*rapat pembuktian*, SCM) that set a catch-up
    target. See :func:`critical_reason` for the criteria.
tahun anggaran
    The fiscal year, 1 January to 31 December (UU 17/2003 tentang Keuangan
    Negara). A contract that runs past the end of the fiscal year it is
    funded in is a *kontrak tahun jamak* (multi-year contract).
earned value (nilai hasil)
    With contract value :math:`V` in rupiah: planned value
    :math:`PV = V \\cdot rencana/100`, earned value
    :math:`EV = V \\cdot realisasi/100` and actual cost :math:`AC` (what has
    been paid). The schedule performance index is :math:`SPI = EV / PV` and
    the cost performance index :math:`CPI = EV / AC`; below 1 means behind
    schedule or over cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from numbers import Real

import numpy as np
import pandas as pd

from lab_lib import messages
from lab_lib.errors import DataValidationError

__all__ = [
    "KONTRAK_KRITIS",
    "REASONS",
    "CriticalThresholds",
    "classify_projects",
    "critical_reason",
    "is_critical",
    "reason_text",
    "s_curve",
]


REASONS = ("terlambat_tahap_awal", "terlambat_tahap_akhir", "melewati_tahun_anggaran")

PROGRESS_TABLE = "progres_proyek"
PROJECT_TABLE = "proyek"
COST_TABLE = "realisasi_keuangan"
PLANNED = "rencana_kumulatif_pct"
ACTUAL = "realisasi_kumulatif_pct"
COST_PCT = "realisasi_keuangan_pct"
COST_RP = "realisasi_keuangan_rp"
PROJECT_COLUMNS = (
    "id_proyek",
    "tahun_anggaran",
    "nilai_kontrak",
    "tanggal_mulai",
    "tanggal_selesai",
)
# Columns of the status table after the optional name and unit.
_OUTPUT = (
    "tahun_anggaran",
    "nilai_kontrak",
    "bulan_laporan",
    PLANNED,
    ACTUAL,
    "deviasi_pct",
    "selesai",
    "tahun_jamak",
    "perkiraan_selesai",
    "akhir_tahun_anggaran",
    "melewati_tahun_anggaran",
    "kritis",
    "alasan_kritis",
    "nilai_pv",
    "nilai_ev",
    "nilai_ac",
    "spi",
    "cpi",
)
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Reports carry two decimals; a gap of 45.3 − 35.3 must count as exactly 10.
_GAP_DECIMALS = 6
_SHOWN = 5


@dataclass(frozen=True)
class CriticalThresholds:
    """The numbers in the *kontrak kritis* rule, in percent or points.

    Attributes
    ----------
    split_pct : float
        Planned progress that separates the early stage (0 to ``split_pct``,
        inclusive) from the late stage (above ``split_pct``). 70 in the rules.
    early_gap : float
        Points behind plan that make an early-stage contract critical when
        exceeded. 10 in the rules.
    late_gap : float
        Points behind plan that make a late-stage contract critical when
        exceeded. 5 in the rules.
    """

    split_pct: float = 70.0
    early_gap: float = 10.0
    late_gap: float = 5.0


KONTRAK_KRITIS = CriticalThresholds()


def critical_reason(
    planned_pct: float,
    actual_pct: float,
    beyond_fiscal_year: bool = False,
    *,
    thresholds: CriticalThresholds = KONTRAK_KRITIS,
) -> str | None:
    """Why a contract is *kritis*, or None when it is not.

    With the gap :math:`g = rencana - realisasi` (points behind plan) and
    the default thresholds, a contract is critical when

    1. ``"terlambat_tahap_awal"``: :math:`0 \\le rencana \\le 70` and
       :math:`g > 10`;
    2. ``"terlambat_tahap_akhir"``: :math:`70 < rencana \\le 100` and
       :math:`g > 5`;
    3. ``"melewati_tahun_anggaran"``: :math:`70 < rencana \\le 100`,
       :math:`0 < g \\le 5` and the work will run past the fiscal year.

    Boundaries: "more than" is strict, so exactly 10 points behind at 50 %
    planned is not critical and 10.1 points is. The rules write both bands
    as "0–70 %" and "70–100 %"; exactly 70 % planned is read as the early
    band, so 7 points behind at 70 % is not critical but at 70.01 % it is.
    The gap is rounded to six decimals first, so that reports with two
    decimals (45.3 − 35.3) land exactly on the boundary.

    Parameters
    ----------
    planned_pct, actual_pct : float
        Cumulative planned and actual physical progress, percent (0–100).
    beyond_fiscal_year : bool
        Whether the work is expected to finish after the end of the fiscal
        year it must finish in (see :func:`classify_projects`).
    thresholds : CriticalThresholds
        The numbers of the rule; the defaults are the national ones.

    Returns
    -------
    str or None
        One of :data:`REASONS`, or None.

    Raises
    ------
    DataValidationError
        A percentage outside 0–100 or missing.

    References
    ----------
    Perpres 16/2018 tentang Pengadaan Barang/Jasa Pemerintah, as amended by
    Perpres 12/2021, and its implementing rules: the LKPP guideline on
    procurement through providers and the PUPR standard for construction
    procurement, whose general conditions of contract define *kontrak
    kritis* with these three criteria and the show-cause procedure.

    Examples
    --------
    >>> critical_reason(50.0, 40.0) is None            # exactly 10 behind
    True
    >>> critical_reason(50.0, 39.9)
    'terlambat_tahap_awal'
    >>> critical_reason(80.0, 77.0, beyond_fiscal_year=True)
    'melewati_tahun_anggaran'
    """
    for name, value in (("rencana", planned_pct), ("realisasi", actual_pct)):
        if not isinstance(value, Real) or isinstance(value, bool):
            raise DataValidationError(
                "monitoring.percent_not_number", nama=name, nilai=repr(value)
            )
        if not 0 <= value <= 100:  # also catches NaN
            raise DataValidationError(
                "monitoring.percent_value", nama=name, nilai=value
            )
    reason = _reasons(
        np.array([planned_pct], dtype=float),
        np.array([actual_pct], dtype=float),
        np.array([bool(beyond_fiscal_year)]),
        thresholds,
    )[0]
    return reason or None


def is_critical(
    planned_pct: float,
    actual_pct: float,
    beyond_fiscal_year: bool = False,
    *,
    thresholds: CriticalThresholds = KONTRAK_KRITIS,
) -> bool:
    """Whether a contract is *kontrak kritis*.

    With g = rencana − realisasi (points behind plan), a contract is
    critical when g > 10 while 0 ≤ rencana ≤ 70; when g > 5 while
    70 < rencana ≤ 100; or when 0 < g ≤ 5 at 70 < rencana ≤ 100 and the work
    will run past the fiscal year. :func:`critical_reason` says which rule
    applies and how the boundaries are read.

    Parameters
    ----------
    planned_pct : float
        Cumulative planned physical progress (*rencana*), percent 0–100.
    actual_pct : float
        Cumulative actual physical progress (*realisasi*), percent 0–100.
    beyond_fiscal_year : bool, default False
        Whether the work is expected to finish after the end of its fiscal
        year.
    thresholds : CriticalThresholds
        The numbers of the rule (70, 10 and 5 by default).

    Returns
    -------
    bool
        True for a *kontrak kritis*.

    Raises
    ------
    DataValidationError
        A percentage that is not a number, is missing, or lies outside
        0–100 (a fraction such as 0.7 is read as 0.7 %, not 70 %).

    References
    ----------
    Perpres 16/2018 on government procurement, as amended by Perpres
    12/2021, and the general conditions of contract of the PUPR standard
    procurement documents, which define *kontrak kritis*.

    Examples
    --------
    Exactly 10 points behind at 50 % planned is not critical, 10.1 is:

    >>> is_critical(50.0, 40.0), is_critical(50.0, 39.9)
    (False, True)

    At 80 % planned, 3 points behind is critical only if the work will run
    past the fiscal year:

    >>> is_critical(80.0, 77.0), is_critical(80.0, 77.0, beyond_fiscal_year=True)
    (False, True)
    """
    reason = critical_reason(
        planned_pct, actual_pct, beyond_fiscal_year, thresholds=thresholds
    )
    return reason is not None


def reason_text(
    reason: str,
    *,
    thresholds: CriticalThresholds = KONTRAK_KRITIS,
    bahasa: str | None = None,
) -> str:
    """A reason code of :data:`REASONS` as a phrase for a brief.

    The phrase states the criterion of :func:`critical_reason` the code stands
    for, with the numbers of ``thresholds`` filled in: the gap g = rencana −
    realisasi must exceed ``early_gap`` while 0 ≤ rencana ≤ ``split_pct``
    (``"terlambat_tahap_awal"``), exceed ``late_gap`` while rencana >
    ``split_pct`` (``"terlambat_tahap_akhir"``), or be at most ``late_gap``
    there with the work running past the fiscal year
    (``"melewati_tahun_anggaran"``).

    Parameters
    ----------
    reason : str
        One of :data:`REASONS`, as returned by :func:`critical_reason` or held
        in the ``alasan_kritis`` column of :func:`classify_projects`.
    thresholds : CriticalThresholds
        The numbers of the rule to quote (``split_pct`` in percent, the gaps in
        percentage points); the defaults are the national ones (70, 10, 5).
    bahasa : {"id", "en"} or None
        Language of the phrase; None for the session's language.

    Returns
    -------
    str
        A lower-case phrase without a final full stop, to use inside a
        sentence.

    Raises
    ------
    DataValidationError
        ``reason`` is not one of :data:`REASONS`.

    References
    ----------
    Perpres 16/2018 tentang Pengadaan Barang/Jasa Pemerintah, as amended by
    Perpres 12/2021, and the general conditions of contract of the PUPR
    standard procurement documents, which define *kontrak kritis* by these
    criteria.

    Examples
    --------
    >>> reason_text("terlambat_tahap_awal", bahasa="id")
    'realisasi tertinggal lebih dari 10 poin dari rencana, saat rencana 0–70%'
    """
    if reason not in REASONS:
        raise DataValidationError(
            "monitoring.unknown_reason", alasan=reason, pilihan=", ".join(REASONS)
        )
    gap = thresholds.early_gap if reason == REASONS[0] else thresholds.late_gap
    return messages.text(
        f"monitoring.reason.{reason}",
        bahasa,
        selisih=f"{gap:g}",
        batas=f"{thresholds.split_pct:g}",
    )


def s_curve(progress: pd.DataFrame, project_id: str) -> pd.DataFrame:
    """Monthly planned and actual progress of one project, and the deviation.

    .. math::

        deviasi_t = realisasi_t - rencana_t

    in percentage points; negative means behind plan.

    Parameters
    ----------
    progress : DataFrame
        The ``progres_proyek`` long table: ``id_proyek``, ``bulan``
        ("YYYY-MM"), ``rencana_kumulatif_pct`` and ``realisasi_kumulatif_pct``
        (percent; the actual may be missing for months not yet reported).
    project_id : str
        The ``id_proyek`` to draw.

    Returns
    -------
    DataFrame
        One row per month in order: ``bulan``, ``rencana_kumulatif_pct``,
        ``realisasi_kumulatif_pct`` and ``deviasi_pct``.

    Raises
    ------
    DataValidationError
        Unknown project, missing columns, months not "YYYY-MM", percentages
        outside 0–100, a month reported twice, or cumulative progress that
        goes down.

    References
    ----------
    Husen, A. (2009). *Manajemen Proyek*. Andi, Yogyakarta (the S-curve of
    planned against actual cumulative progress).

    Examples
    --------
    >>> progress = pd.DataFrame({
    ...     "id_proyek": ["A", "A", "A"],
    ...     "bulan": ["2024-05", "2024-06", "2024-07"],
    ...     "rencana_kumulatif_pct": [10.0, 40.0, 80.0],
    ...     "realisasi_kumulatif_pct": [8.0, 30.0, 62.5]})
    >>> s_curve(progress, "A")
          bulan  rencana_kumulatif_pct  realisasi_kumulatif_pct  deviasi_pct
    0   2024-05                   10.0                      8.0         -2.0
    1   2024-06                   40.0                     30.0        -10.0
    2   2024-07                   80.0                     62.5        -17.5
    """
    _require(progress, PROGRESS_TABLE, ("id_proyek", "bulan", PLANNED, ACTUAL))
    rows = progress[progress["id_proyek"] == project_id]
    if rows.empty:
        examples = ", ".join(map(str, progress["id_proyek"].drop_duplicates()[:5]))
        raise DataValidationError(
            "monitoring.unknown_project", id_proyek=project_id, contoh=examples or "-"
        )
    rows = _checked_progress(rows)
    curve = rows[["bulan", PLANNED, ACTUAL]].reset_index(drop=True)
    curve["deviasi_pct"] = (curve[ACTUAL] - curve[PLANNED]).round(_GAP_DECIMALS)
    curve.attrs["id_proyek"] = project_id
    return curve


def classify_projects(
    projects: pd.DataFrame,
    progress: pd.DataFrame,
    as_of: str,
    *,
    fiscal_year_end: str | None = None,
    costs: pd.DataFrame | None = None,
    thresholds: CriticalThresholds = KONTRAK_KRITIS,
) -> pd.DataFrame:
    """Status of every project as of a month: deviation, SPI, CPI, *kritis*.

    Each project is judged on its latest report on or before ``as_of``
    (projects that have not reported by then are left out).

    * Deviation = realisasi − rencana (points).
    * Earned value with contract value :math:`V` (rupiah):
      :math:`PV = V \\cdot rencana/100`, :math:`EV = V \\cdot realisasi/100`,
      :math:`SPI = EV/PV` (missing when nothing was planned yet) and
      :math:`CPI = EV/AC` where :math:`AC` is the amount paid. Payments are
      what the owner sees, not the contractor's own cost, so CPI here
      compares payment with progress: an advance payment (*uang muka*)
      pushes it below 1 early in a contract.
    * Projected finish at the current pace, the time estimate at completion
      :math:`TEAC = D / SPI` with :math:`D` the planned duration in days,
      counted from ``tanggal_mulai``; never earlier than the end of the
      report month while unfinished; the end of the report month once the
      actual reaches 100 %; unknown (and so past any year end) when nothing
      has been done although something was planned.
    * The fiscal year a contract must finish in ends on 31 December of its
      ``tahun_anggaran``, or of the year of ``tanggal_selesai`` for a
      multi-year contract (*tahun jamak*): such a contract is planned to
      cross a year end, and is only late when it overruns its final year.
      ``fiscal_year_end`` replaces this date for every project.
    * *Kontrak kritis* by :func:`critical_reason`, with "will run past the
      fiscal year" = planned end or projected finish after that date.

    Parameters
    ----------
    projects : DataFrame
        The ``proyek`` table: ``id_proyek``, ``tahun_anggaran``,
        ``nilai_kontrak`` (rupiah), ``tanggal_mulai`` and ``tanggal_selesai``;
        ``nama_proyek`` and ``opd`` are carried along when present.
    progress : DataFrame
        The ``progres_proyek`` table (see :func:`s_curve`). May also carry the
        cumulative payment as ``realisasi_keuangan_pct`` (percent of the
        contract value) or ``realisasi_keuangan_rp`` (rupiah).
    as_of : str
        Reporting month, "YYYY-MM".
    fiscal_year_end : str, optional
        "YYYY-MM-DD" to judge every project against one year end.
    costs : DataFrame, optional
        Cumulative payments by ``id_proyek`` and ``bulan`` with one of the two
        payment columns above, when they are not in ``progress``. Without any
        payment data, AC and CPI are missing.
    thresholds : CriticalThresholds
        The numbers of the *kontrak kritis* rule.

    Returns
    -------
    DataFrame
        Indexed by ``id_proyek``: ``nama_proyek``, ``opd`` (when given),
        ``tahun_anggaran``, ``nilai_kontrak``, ``bulan_laporan`` (month of the
        report used), ``rencana_kumulatif_pct``, ``realisasi_kumulatif_pct``,
        ``deviasi_pct``, ``selesai``, ``tahun_jamak``, ``perkiraan_selesai``,
        ``akhir_tahun_anggaran``, ``melewati_tahun_anggaran``, ``kritis``,
        ``alasan_kritis`` (a code of :data:`REASONS`, missing when not
        critical; :func:`reason_text` words it), ``nilai_pv``, ``nilai_ev``,
        ``nilai_ac`` (rupiah), ``spi`` and ``cpi``.

    Raises
    ------
    DataValidationError
        Bad month or date, missing columns, no projects, projects without any
        report, no report by ``as_of``, or bad progress or payment values.

    References
    ----------
    PMI (2019). *The Standard for Earned Value Management*. Project
    Management Institute. Anbari, F. T. (2003). Earned value project
    management method and extensions. *Project Management Journal* 34(4),
    12–23 (TEAC = D / SPI).

    Examples
    --------
    A Rp 2 miliar contract planned for 1 March–29 November 2024 (274 days),
    at 60 % planned and 45 % actual at the end of July: 15 points behind at
    an early stage, so *kritis*; SPI = 45/60 = 0.75, so it would take
    274 / 0.75 ≈ 365 days and end on 28 February 2025, past the fiscal year.

    >>> projects = pd.DataFrame({
    ...     "id_proyek": ["A"], "tahun_anggaran": [2024],
    ...     "nilai_kontrak": [2e9],
    ...     "tanggal_mulai": pd.to_datetime(["2024-03-01"]),
    ...     "tanggal_selesai": pd.to_datetime(["2024-11-29"])})
    >>> progress = pd.DataFrame({
    ...     "id_proyek": ["A", "A"], "bulan": ["2024-06", "2024-07"],
    ...     "rencana_kumulatif_pct": [40.0, 60.0],
    ...     "realisasi_kumulatif_pct": [35.0, 45.0]})
    >>> status = classify_projects(projects, progress, "2024-07")
    >>> columns = ["deviasi_pct", "kritis", "alasan_kritis", "spi",
    ...            "perkiraan_selesai", "melewati_tahun_anggaran", "cpi"]
    >>> status.loc["A", columns]
    deviasi_pct                               -15.0
    kritis                                     True
    alasan_kritis              terlambat_tahap_awal
    spi                                        0.75
    perkiraan_selesai           2025-02-28 00:00:00
    melewati_tahun_anggaran                    True
    cpi                                         NaN
    Name: A, dtype: object
    """
    # 1. Check the inputs.
    month = _check_month(as_of)
    fixed_year_end = _check_date(fiscal_year_end) if fiscal_year_end else None
    projects = _checked_projects(projects)
    progress = _checked_progress(progress)
    _check_reported(projects, progress)

    # 2. The latest report of each project on or before the reporting month.
    latest = _latest(progress, month, ACTUAL, projects["id_proyek"])
    if latest.empty:
        raise DataValidationError(
            "monitoring.no_reports", bulan=month, pertama=progress["bulan"].min()
        )
    keep = [c for c in ("nama_proyek", "opd") if c in projects.columns]
    table = projects.set_index("id_proyek")[[*keep, *PROJECT_COLUMNS[1:]]]
    table = table.join(latest[["bulan", PLANNED, ACTUAL]], how="inner")
    table = table.rename(columns={"bulan": "bulan_laporan"})
    planned, actual = table[PLANNED], table[ACTUAL]
    table["deviasi_pct"] = (actual - planned).round(_GAP_DECIMALS)
    table["selesai"] = actual >= 100

    # 3. Earned value: planned, earned and paid amounts, SPI and CPI.
    value = table["nilai_kontrak"]
    table["nilai_pv"] = value * planned / 100
    table["nilai_ev"] = value * actual / 100
    table["nilai_ac"] = _paid(progress, costs, month, table)
    table["spi"] = table["nilai_ev"] / table["nilai_pv"].where(planned > 0)
    table["cpi"] = table["nilai_ev"] / table["nilai_ac"].where(table["nilai_ac"] > 0)

    # 4. Projected finish against the end of the fiscal year.
    end = table["tanggal_selesai"]
    budget_year = table["tahun_anggaran"].astype(int)
    table["tahun_jamak"] = end.dt.year > budget_year
    table["perkiraan_selesai"] = _projected_finish(table)
    if fixed_year_end is None:
        final_year = np.maximum(budget_year, end.dt.year)
        year_end = pd.to_datetime(final_year.astype(str) + "-12-31").astype(end.dtype)
    else:
        year_end = pd.Series(fixed_year_end, index=table.index)
    table["akhir_tahun_anggaran"] = year_end
    finish = table["perkiraan_selesai"]
    # No progress although some was planned: no finish date can be projected.
    stalled = finish.isna()
    table["melewati_tahun_anggaran"] = (end > year_end) | (finish > year_end) | stalled

    # 5. Kontrak kritis.
    reasons = _reasons(
        planned.to_numpy(float),
        actual.to_numpy(float),
        table["melewati_tahun_anggaran"].to_numpy(bool),
        thresholds,
    )
    table["kritis"] = reasons != ""
    coded = pd.Series(reasons, index=table.index, dtype="str")
    table["alasan_kritis"] = coded.where(table["kritis"])
    return table[[*keep, *_OUTPUT]]


def _reasons(
    planned: np.ndarray,
    actual: np.ndarray,
    beyond: np.ndarray,
    thresholds: CriticalThresholds,
) -> np.ndarray:
    """Reason codes ("" = not critical) for arrays of progress figures."""
    gap = np.round(planned - actual, _GAP_DECIMALS)
    early = planned <= thresholds.split_pct
    reasons = np.full(planned.shape, "", dtype=object)
    reasons[~early & (gap > 0) & (gap <= thresholds.late_gap) & beyond] = REASONS[2]
    reasons[~early & (gap > thresholds.late_gap)] = REASONS[1]
    reasons[early & (gap > thresholds.early_gap)] = REASONS[0]
    return reasons


def _projected_finish(table: pd.DataFrame) -> pd.Series:
    """Finish date at the current pace (TEAC = planned duration / SPI)."""
    start, end = table["tanggal_mulai"], table["tanggal_selesai"]
    duration = (end - start).dt.days + 1
    report_end = pd.to_datetime(table["bulan_laporan"], format="%Y-%m")
    report_end = report_end + pd.offsets.MonthEnd(0)
    spi = table["spi"]
    days = (duration / spi.where(spi > 0)).round()
    projected = start + pd.to_timedelta(days - 1, unit="D")
    # Nothing planned yet: the schedule is the only estimate there is.
    projected = projected.where(spi.notna(), end)
    projected = projected.where(~(projected < report_end), report_end)
    return projected.where(~table["selesai"], report_end)


def _paid(
    progress: pd.DataFrame,
    costs: pd.DataFrame | None,
    month: str,
    table: pd.DataFrame,
) -> pd.Series:
    """Cumulative amount paid (rupiah) by the reporting month; NaN if unknown."""
    source, name = (progress, PROGRESS_TABLE) if costs is None else (costs, COST_TABLE)
    column = next((c for c in (COST_RP, COST_PCT) if c in source.columns), None)
    if column is None:
        if costs is not None:
            raise DataValidationError(
                "monitoring.missing_columns",
                tabel=COST_TABLE,
                kolom=f'"{COST_PCT}" / "{COST_RP}"',
            )
        return pd.Series(np.nan, index=table.index)
    _require(source, name, ("id_proyek", "bulan", column))
    if costs is not None:
        _check_months(source, name)
    amounts = pd.to_numeric(source[column], errors="coerce")
    if column == COST_PCT:
        _check_percent(source, name, column, amounts, nullable=True)
    else:
        _check_not_negative(source, name, column, amounts)
    paid = _latest(source.assign(**{column: amounts}), month, column, table.index)
    paid = paid[column].reindex(table.index)
    if column == COST_PCT:
        paid = paid / 100 * table["nilai_kontrak"]
    return paid


def _latest(
    frame: pd.DataFrame, month: str, column: str, ids: pd.Index | pd.Series
) -> pd.DataFrame:
    """Each project's last row on or before ``month`` with ``column`` filled."""
    kept = frame[
        (frame["bulan"] <= month) & frame[column].notna() & frame["id_proyek"].isin(ids)
    ]
    kept = kept.sort_values(["id_proyek", "bulan"], kind="stable")
    return kept.groupby("id_proyek", sort=False).tail(1).set_index("id_proyek")


# Input checks ---------------------------------------------------------------


def _check_month(value: object) -> str:
    if not isinstance(value, str) or not _MONTH.fullmatch(value):
        raise DataValidationError("monitoring.bad_month", nilai=value)
    return value


def _check_date(value: object) -> pd.Timestamp:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise DataValidationError("monitoring.bad_date", nilai=value)
    try:
        return pd.Timestamp(value)
    except ValueError:
        raise DataValidationError("monitoring.bad_date", nilai=value) from None


def _require(frame: pd.DataFrame, table: str, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataValidationError(
            "monitoring.missing_columns",
            tabel=table,
            kolom=", ".join(f'"{c}"' for c in missing),
        )


def _checked_projects(projects: pd.DataFrame) -> pd.DataFrame:
    _require(projects, PROJECT_TABLE, PROJECT_COLUMNS)
    if projects.empty:
        raise DataValidationError("monitoring.empty", tabel=PROJECT_TABLE)
    projects = projects.copy()
    for column in ("tanggal_mulai", "tanggal_selesai"):
        dates = pd.to_datetime(projects[column], errors="coerce")
        bad = dates.isna()
        if bad.any():
            raise DataValidationError(
                "monitoring.missing_dates",
                kolom=column,
                tabel=PROJECT_TABLE,
                baris=_rows(projects, bad, ("id_proyek",)),
            )
        projects[column] = dates
    value = pd.to_numeric(projects["nilai_kontrak"], errors="coerce")
    _check_not_negative(projects, PROJECT_TABLE, "nilai_kontrak", value)
    projects["nilai_kontrak"] = value
    return projects


def _checked_progress(progress: pd.DataFrame) -> pd.DataFrame:
    """The progress table sorted by project and month, once every check passed."""
    _require(progress, PROGRESS_TABLE, ("id_proyek", "bulan", PLANNED, ACTUAL))
    _check_months(progress, PROGRESS_TABLE)
    progress = progress.copy()
    for column, nullable in ((PLANNED, False), (ACTUAL, True)):
        values = pd.to_numeric(progress[column], errors="coerce")
        _check_percent(progress, PROGRESS_TABLE, column, values, nullable=nullable)
        progress[column] = values
    twice = progress.duplicated(["id_proyek", "bulan"], keep=False)
    if twice.any():
        raise DataValidationError(
            "monitoring.duplicate_months",
            tabel=PROGRESS_TABLE,
            baris=_rows(progress, twice, ("id_proyek", "bulan")),
        )
    progress = progress.sort_values(["id_proyek", "bulan"], kind="stable")
    for column in (PLANNED, ACTUAL):
        values = progress[column]
        highest = values.groupby(progress["id_proyek"], sort=False).cummax()
        falls = values < highest - 1e-9
        if falls.any():
            raise DataValidationError(
                "monitoring.not_monotone",
                kolom=column,
                tabel=PROGRESS_TABLE,
                baris=_rows(progress, falls, ("id_proyek", "bulan")),
                nilai=_values(values[falls]),
            )
    return progress


def _check_months(frame: pd.DataFrame, table: str) -> None:
    months = frame["bulan"]
    good = months.map(lambda m: isinstance(m, str) and bool(_MONTH.fullmatch(m)))
    bad = ~good.astype(bool)
    if bad.any():
        raise DataValidationError(
            "monitoring.bad_months",
            tabel=table,
            baris=_rows(frame, bad, ("id_proyek",)),
            nilai=_values(months[bad]),
        )


def _check_percent(
    frame: pd.DataFrame, table: str, column: str, values: pd.Series, nullable: bool
) -> None:
    unreadable = values.isna() & frame[column].notna()
    outside = ~values.between(0, 100) & (values.notna() | (not nullable))
    bad = unreadable | outside
    if bad.any():
        raise DataValidationError(
            "monitoring.percent_out_of_range",
            kolom=column,
            tabel=table,
            baris=_rows(frame, bad, ("id_proyek", "bulan")),
            nilai=_values(frame[column][bad]),
        )


def _check_not_negative(
    frame: pd.DataFrame, table: str, column: str, values: pd.Series
) -> None:
    bad = (values < 0) | (values.isna() & frame[column].notna())
    if bad.any():
        raise DataValidationError(
            "monitoring.negative",
            kolom=column,
            tabel=table,
            baris=_rows(frame, bad, ("id_proyek",)),
            nilai=_values(frame[column][bad]),
        )


def _check_reported(projects: pd.DataFrame, progress: pd.DataFrame) -> None:
    unreported = ~projects["id_proyek"].isin(progress["id_proyek"])
    if unreported.any():
        ids = projects.loc[unreported, "id_proyek"].astype(str).tolist()
        shown = ", ".join(ids[:_SHOWN]) + (" …" if len(ids) > _SHOWN else "")
        raise DataValidationError(
            "monitoring.missing_progress", jumlah=len(ids), daftar=shown
        )


def _rows(frame: pd.DataFrame, mask: pd.Series, keys: tuple[str, ...]) -> str:
    """ "3 (PRY-2024-001 2024-05), 7 (…) …": index labels with their keys."""
    picked = frame[mask.to_numpy(bool)]
    named = [k for k in keys if k in frame.columns]
    shown = []
    for label, row in picked.head(_SHOWN)[named].iterrows():
        key = " ".join(str(v) for v in row.tolist())
        shown.append(f"{label} ({key})" if key else str(label))
    return ", ".join(shown) + (" …" if len(picked) > _SHOWN else "")


def _values(values: pd.Series) -> str:
    shown = ", ".join(repr(v) for v in values.head(_SHOWN).tolist())
    return shown + (" …" if len(values) > _SHOWN else "")
