"""The check of notebook 05: critical contracts and the deviation of one project.

The exercise asks, for the packages of fiscal year :data:`YEAR` as reported
in :data:`MONTH`, for the ids of the *kontrak kritis* and for the deviation
(realisasi − rencana, points) of project :data:`PROJECT`. The expected
answers are computed at check time with :func:`lab_lib.monitoring.
classify_projects` and the thresholds of the theme's rules file.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

from lab_lib import catalog, fmt, monitoring
from lab_lib.rules import load_rules
from lab_lib.workshop.feedback import Check, exercise

__all__ = ["MONTH", "PROJECT", "YEAR", "latihan_05", "rule_thresholds"]

#: Fiscal year, reporting month and project of the exercise.
YEAR = 2023
MONTH = "2023-09"
PROJECT = "PRY-2023-034"

THEME = "monitoring_proyek"
# Deviations are reported with two decimals.
TOLERANCE = 0.011
_SHOWN = 4


def rule_thresholds() -> monitoring.CriticalThresholds:
    """The *kontrak kritis* thresholds written in the theme's rules file."""
    limits = load_rules(THEME).thresholds
    return monitoring.CriticalThresholds(
        split_pct=float(limits["kritis_batas_tahap"]),
        early_gap=float(limits["kritis_selisih_awal"]),
        late_gap=float(limits["kritis_selisih_akhir"]),
    )


@dataclass
class _Expected:
    """What the exercise's answers are computed from."""

    thresholds: monitoring.CriticalThresholds
    projects: pd.DataFrame
    progress: pd.DataFrame
    status: pd.DataFrame
    critical: set[str]

    @classmethod
    def compute(cls) -> _Expected:
        thresholds = rule_thresholds()
        projects = catalog.load("proyek")
        progress = catalog.load("progres_proyek")
        projects = projects[projects["id_proyek"].isin(progress["id_proyek"])]
        own = projects[projects["tahun_anggaran"] == YEAR]
        status = monitoring.classify_projects(
            own, progress, MONTH, thresholds=thresholds
        )
        critical = set(status.index[status["kritis"]])
        return cls(thresholds, projects, progress, status, critical)

    def critical_in(self, month: str) -> set[str]:
        """Critical contracts of the fiscal year as reported in ``month``."""
        own = self.projects[self.projects["tahun_anggaran"] == YEAR]
        reported = self.progress[self.progress["bulan"] <= month]
        own = own[own["id_proyek"].isin(reported["id_proyek"])]
        if own.empty:
            return set()
        status = monitoring.classify_projects(
            own, self.progress, month, thresholds=self.thresholds
        )
        return set(status.index[status["kritis"]])

    def months(self) -> list[str]:
        """Report months of the fiscal year's projects, other than :data:`MONTH`."""
        own = self.projects.loc[self.projects["tahun_anggaran"] == YEAR, "id_proyek"]
        rows = self.progress[self.progress["id_proyek"].isin(own)]
        return sorted(set(rows["bulan"]) - {MONTH})


def _month_name(month: str) -> str:
    return fmt.month(month, bahasa="id")


def _listed(ids: Iterable[str]) -> str:
    ordered = sorted(ids)
    shown = ", ".join(f"`{i}`" for i in ordered[:_SHOWN])
    rest = len(ordered) - _SHOWN
    return shown + (f" dan {rest} lainnya" if rest > 0 else "")


def _points(value: float) -> str:
    return fmt.number(value, 2, "id")


# The list of critical contracts ---------------------------------------------


def _ids(check: Check, answer: Any) -> list[str] | None:
    """The ids in ``answer``, or None after saying why it is not a list of ids."""
    if isinstance(answer, pd.DataFrame):
        if "kritis" in answer.columns and not answer["kritis"].astype(bool).all():
            check.wrong(
                "Tabel Anda masih memuat paket yang tidak kritis "
                f"({int((~answer['kritis'].astype(bool)).sum())} baris).",
                'Saring dulu: `status[status["kritis"]]`, lalu ambil id-nya dengan '
                "`.index`.",
            )
            return None
        if "id_proyek" in answer.columns:
            return [str(v).strip() for v in answer["id_proyek"]]
        return [str(v).strip() for v in answer.index]
    if isinstance(answer, pd.Series) and pd.api.types.is_bool_dtype(answer):
        check.wrong(
            "Ini kolom benar/salah (`True`/`False`) untuk setiap paket, belum "
            "daftar kontrak kritis.",
            'Pakai kolom itu untuk menyaring: `status[status["kritis"]].index`.',
        )
        return None
    if isinstance(answer, str):
        check.wrong(
            "Jawaban pertama berupa satu teks, padahal yang diminta daftar id paket.",
            "Tulis sebagai daftar, mis. `list(kritis_tabel.index)` atau "
            '`["PRY-2023-002", ...]`.',
        )
        return None
    if isinstance(answer, pd.Series | pd.Index | np.ndarray | list | tuple | set):
        values = list(answer)
        if all(isinstance(v, str) for v in values):
            return [v.strip() for v in values]
    check.wrong(
        f"Jawaban pertama berjenis `{type(answer).__name__}`, padahal yang diminta "
        "daftar id paket (`id_proyek`).",
        'Ambil id dari tabel status: `list(status[status["kritis"]].index)`.',
    )
    return None


def _threshold_variants(expected: _Expected) -> list[monitoring.CriticalThresholds]:
    right = expected.thresholds
    variants = []
    for split, early, late in itertools.product(
        (50.0, 60.0, 70.0, 80.0, 100.0), (5.0, 10.0, 15.0, 20.0), (5.0, 10.0, 15.0)
    ):
        candidate = monitoring.CriticalThresholds(split, early, late)
        if candidate != right:
            variants.append(candidate)
    return variants


def _critical_with(
    status: pd.DataFrame, thresholds: monitoring.CriticalThresholds
) -> set[str]:
    return {
        project
        for project, row in status.iterrows()
        if monitoring.is_critical(
            float(row["rencana_kumulatif_pct"]),
            float(row["realisasi_kumulatif_pct"]),
            bool(row["melewati_tahun_anggaran"]),
            thresholds=thresholds,
        )
    }


def _check_critical(check: Check, answer: Any, expected: _Expected) -> None:
    ids = _ids(check, answer)
    if ids is None:
        return
    given, right = set(ids), expected.critical
    when = _month_name(MONTH)

    # 1. Right, or empty.
    if given == right:
        check.right(
            f"Tepat: {len(right)} kontrak kritis tahun anggaran {YEAR} pada "
            f"laporan {when}."
        )
        if len(ids) != len(given):
            check.info("Ada id yang tertulis dua kali; setiap paket cukup sekali.")
        return
    if not given:
        check.wrong(
            "Daftar kontrak kritis Anda kosong.",
            f"Pada {when} ada kontrak kritis. Periksa saringan tahun anggaran dan "
            "bulan laporan yang Anda berikan ke `classify_projects`.",
        )
        return

    # 2. Names instead of ids.
    names = set(expected.projects["nama_proyek"])
    if sum(name in names for name in given) >= len(given) / 2:
        check.wrong(
            "Daftar Anda berisi nama paket, bukan id paket.",
            'Yang diminta `id_proyek` (mis. "PRY-2023-002"): pada tabel status, '
            "id ada di indeks, jadi pakai `.index`.",
        )
        return

    # 3. Packages of other fiscal years.
    years = expected.projects.set_index("id_proyek")["tahun_anggaran"]
    other_years = {i for i in given if i in years.index and years[i] != YEAR}
    if other_years:
        rest_right = given - other_years == right
        check.wrong(
            f"Daftar Anda memuat {len(other_years)} paket tahun anggaran lain "
            f"({_listed(other_years)})"
            + ("; selain itu sudah tepat." if rest_right else "."),
            f'Saring paketnya dulu: `catalog.load("proyek", tahun_anggaran={YEAR})`. '
            "Tanpa saringan itu semua tahun ikut dihitung.",
        )
        return

    # 4. Another month, late instead of critical, other thresholds.
    for month in expected.months():
        if given == expected.critical_in(month):
            check.wrong(
                f"Ini daftar kontrak kritis untuk laporan {_month_name(month)}, "
                f"bukan {when}.",
                f'Berikan bulan laporan `"{MONTH}"` ke `classify_projects`.',
            )
            return
    late = set(expected.status.index[expected.status["deviasi_pct"] < 0])
    if given == late:
        check.wrong(
            f"Ini semua paket yang terlambat ({len(late)}), padahal tidak semua "
            "yang terlambat berstatus kontrak kritis.",
            "Pakai kolom `kritis`, bukan `deviasi_pct < 0`: "
            '`status[status["kritis"]]`.',
        )
        return
    for variant in _threshold_variants(expected):
        if given == _critical_with(expected.status, variant):
            rule = expected.thresholds
            check.wrong(
                "Daftar ini cocok dengan ambang kontrak kritis lain, bukan ambang "
                "yang tertulis di file aturan.",
                f"File aturan `aturan/{THEME}.yaml` memakai batas tahap "
                f"{rule.split_pct:g} %, selisih tahap awal {rule.early_gap:g} poin "
                f"dan tahap akhir {rule.late_gap:g} poin. Baca angkanya dengan "
                "`load_rules(...)` seperti di atas, jangan diketik sendiri.",
            )
            return

    # 5. Anything else: what is missing and what is extra.
    missing, extra = right - given, given - right
    parts = []
    if missing:
        parts.append(f"{len(missing)} kontrak kritis belum ada ({_listed(missing)})")
    if extra:
        parts.append(f"{len(extra)} id bukan kontrak kritis ({_listed(extra)})")
    check.wrong(
        "Daftar kontrak kritis belum tepat: " + "; ".join(parts) + ".",
        f"Pakai `classify_projects` untuk paket tahun anggaran {YEAR}, bulan "
        f'laporan `"{MONTH}"` dan ambang dari file aturan, lalu ambil '
        '`status[status["kritis"]].index`.',
    )


# The deviation of one project -----------------------------------------------


def _number(check: Check, answer: Any) -> float | None:
    """``answer`` as one number, or None after saying why it is not one."""
    if isinstance(answer, pd.DataFrame):
        if "deviasi_pct" in answer.columns:
            answer = answer["deviasi_pct"]
        elif answer.size == 1:
            answer = answer.iloc[0, 0]
    if isinstance(answer, pd.Series | pd.Index | np.ndarray | list | tuple):
        values = list(answer)
        if len(values) != 1:
            check.wrong(
                f"Jawaban kedua berisi {len(values)} angka, padahal yang diminta "
                "satu angka deviasi.",
                f'Pilih baris bulan laporan: `kurva[kurva["bulan"] == "{MONTH}"]`, '
                'lalu kolom `"deviasi_pct"`.',
            )
            return None
        answer = values[0]
    if isinstance(answer, str):
        check.wrong(
            f"Jawaban kedua berupa teks ({answer!r}), bukan angka.",
            "Tulis angkanya tanpa tanda kutip, atau ambil langsung dari tabel.",
        )
        return None
    if isinstance(answer, bool | np.bool_) or not isinstance(answer, Real | np.number):
        check.wrong(
            f"Jawaban kedua berjenis `{type(answer).__name__}`, padahal yang "
            "diminta satu angka (poin).",
            f'Ambil dari tabel status: `status.loc["{PROJECT}", "deviasi_pct"]`.',
        )
        return None
    value = float(answer)
    if math.isnan(value):
        check.wrong(
            "Jawaban kedua kosong (`NaN`).",
            "Bulan itu mungkin belum ada laporannya; periksa bulan yang Anda pilih.",
        )
        return None
    return value


def _check_deviation(check: Check, answer: Any, expected: _Expected) -> None:
    value = _number(check, answer)
    if value is None:
        return
    right = float(expected.status.loc[PROJECT, "deviasi_pct"])
    curve = monitoring.s_curve(expected.progress, PROJECT).dropna(
        subset=["realisasi_kumulatif_pct"]
    )

    def near(other: float) -> bool:
        return abs(value - other) <= TOLERANCE

    when = _month_name(MONTH)
    if near(right):
        check.right(
            f"Deviasi `{PROJECT}` pada {when}: {_points(right)} poin "
            "(realisasi − rencana; negatif berarti terlambat)."
        )
        return
    at_month = curve.set_index("bulan").loc[MONTH]
    first, last = curve.iloc[0], curve.iloc[-1]
    if right and near(-right):
        check.wrong(
            f"Tandanya terbalik: {_points(value)} adalah rencana − realisasi.",
            "Deviasi = realisasi − rencana, jadi paket yang terlambat punya deviasi "
            "negatif. Ambil kolom `deviasi_pct`, jangan dihitung sendiri.",
        )
    elif near(first["deviasi_pct"]) and first["bulan"] != MONTH:
        check.wrong(
            f"Ini deviasi bulan pertama laporan ({_month_name(first['bulan'])}), "
            f"bukan {when}.",
            "Baris pertama kurva S adalah laporan paling awal. Yang dinilai adalah "
            f'laporan terakhir sampai bulan laporan: `kurva[kurva["bulan"] == '
            f'"{MONTH}"]`.',
        )
    elif near(last["deviasi_pct"]) and last["bulan"] > MONTH:
        check.wrong(
            f"Ini deviasi laporan terakhir di data ({_month_name(last['bulan'])}), "
            f"sesudah {when}.",
            f'Pilih baris bulan `"{MONTH}"`, bukan baris terakhir kurva S.',
        )
    elif near(at_month["rencana_kumulatif_pct"]) or near(
        at_month["realisasi_kumulatif_pct"]
    ):
        check.wrong(
            "Ini progres kumulatif (rencana atau realisasi), bukan deviasinya.",
            "Deviasi adalah selisih keduanya: kolom `deviasi_pct`.",
        )
    elif near(right / 100):
        check.wrong(
            "Angkanya seperti dibagi 100.",
            "Deviasi ditulis dalam poin persen, mis. -12,5 berarti 12,5 poin di "
            "belakang rencana.",
        )
    else:
        _other_deviation(check, value, expected, curve, near)


def _other_deviation(
    check: Check, value: float, expected: _Expected, curve: pd.DataFrame, near: Any
) -> None:
    """Name the month or project whose deviation ``value`` is, if any."""
    when = _month_name(MONTH)
    for _, row in curve.iterrows():
        if near(row["deviasi_pct"]):
            check.wrong(
                f"Ini deviasi `{PROJECT}` pada {_month_name(row['bulan'])}, bukan "
                f"{when}.",
                f'Pilih baris bulan `"{MONTH}"`.',
            )
            return
    others = expected.status.drop(index=PROJECT)
    for project, deviation in others["deviasi_pct"].items():
        if near(deviation):
            check.wrong(
                f"Ini deviasi paket lain (`{project}`), bukan `{PROJECT}`.",
                f'Periksa id paketnya: `status.loc["{PROJECT}", "deviasi_pct"]`.',
            )
            return
    check.wrong(
        f"Deviasi `{PROJECT}` pada {when} belum tepat ({_points(value)}).",
        f'Ambil dari tabel status: `status.loc["{PROJECT}", "deviasi_pct"]`, atau '
        f'dari kurva S baris bulan `"{MONTH}"`.',
    )


@exercise("05", "Latihan 05: kontrak kritis dan deviasi", partial=True)
def latihan_05(check: Check, kritis: Any, deviasi: Any) -> None:
    """Check the critical contracts and one deviation as of :data:`MONTH`.

    Parameters
    ----------
    check : Check
        Supplied by :func:`~lab_lib.workshop.feedback.exercise`.
    kritis : list of str, Index, Series or DataFrame
        Ids (``id_proyek``) of the *kontrak kritis* of fiscal year
        :data:`YEAR` as reported in :data:`MONTH`, judged with the thresholds
        of ``aturan/monitoring_proyek.yaml``; a status table already filtered
        to the critical rows is accepted too.
    deviasi : float
        Deviation of :data:`PROJECT` in that month, realisasi − rencana in
        percentage points (a one-value Series is accepted).

    Returns
    -------
    Feedback
        Right when both answers are; each typical mistake (packages of all
        years, another month, late taken for critical, thresholds other than
        the rules file, the sign of the deviation, the first or the last
        report instead of the month's) is named with a hint.
    """
    expected = _Expected.compute()
    if kritis is not ...:
        _check_critical(check, kritis, expected)
    if deviasi is not ...:
        _check_deviation(check, deviasi, expected)
