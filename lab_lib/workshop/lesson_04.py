"""Exercise check of notebook 04: the Williamson index and a Klassen quadrant.

The participant computes, from the ``indikator`` dataset of the catalog, the
Williamson index of PDRB per kapita ADHB across the ten kabupaten/kota in
:data:`YEAR`, and the Klassen quadrant of :data:`REGION` in the same year:
economic growth against PDRB per kapita, with the province as reference.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from numbers import Real

import numpy as np
import pandas as pd

from lab_lib import catalog, disparity, regions
from lab_lib.fmt import number
from lab_lib.workshop.feedback import Check, exercise

__all__ = ["LESSON_YEAR", "REGION", "YEAR", "latihan_04"]

YEAR = 2021
REGION = "82.06"  # Kabupaten Halmahera Timur
LESSON_YEAR = 2024  # the year the notebook works through before the exercise
PER_CAPITA = "pdrb_per_kapita_adhb"  # juta rupiah per person, current prices
POPULATION = "jumlah_penduduk"  # persons
GROWTH = "pertumbuhan_ekonomi"  # percent per year, constant prices
NICKEL_HUB = "82.02"  # Halmahera Tengah

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_TOLERANCE = 0.005  # an index rounded to two decimals still counts


@exercise("04", "Latihan 04: kesenjangan wilayah", partial=True)
def latihan_04(check: Check, williamson: object, kuadran: object) -> None:
    """Check the Williamson index of :data:`YEAR` and a Klassen quadrant.

    Parameters
    ----------
    check : Check
        Filled in by :func:`~lab_lib.workshop.feedback.exercise`.
    williamson : float
        The Williamson index of PDRB per kapita ADHB, weighted by population,
        across the ten kabupaten/kota (without the province row) in
        :data:`YEAR`; rounded to two decimals is fine.
    kuadran : int or str
        The Klassen quadrant of :data:`REGION` in :data:`YEAR` against the
        province: its number (2, "2", "II") or its name ("Maju tapi
        tertekan"), in any letter case.

    Notes
    -----
    Recognised mistakes for the index: unweighted coefficient of variation
    (also with ``std()``'s n - 1), the province row counted as a region,
    swapped arguments, total PDRB or growth in place of PDRB per kapita, the
    Theil index, Halmahera Tengah left out, another year, percent, text, a
    whole table. For the quadrant: growth and per capita swapped (II and III
    exchanged), another year, the mean of the kabupaten/kota as reference, a
    whole table, a number outside 1-4, an unknown name.
    """
    panel = _panel()
    if williamson is not ...:
        _check_williamson(check, williamson, panel)
    if kuadran is not ...:
        _check_quadrant(check, kuadran, panel)


def _panel() -> dict[int, pd.DataFrame]:
    """Per year: one row per region (province included), one column per indicator."""
    data = catalog.load("indikator", indikator=[PER_CAPITA, POPULATION, GROWTH])
    return {
        int(year): part.pivot(index="kode_wilayah", columns="indikator", values="nilai")
        for year, part in data.groupby("tahun")
    }


def _kabkota(table: pd.DataFrame) -> pd.DataFrame:
    return table.drop(index=regions.PROVINCE_CODE)


# The Williamson index


def _candidates(panel: dict[int, pd.DataFrame]) -> list[tuple[float, str, str]]:
    """Wrong answers a beginner is likely to give: value, what, and what to do."""
    table = panel[YEAR]
    rows = _kabkota(table)
    y, f = rows[PER_CAPITA], rows[POPULATION]
    equal = [1.0] * len(rows)
    call = "`disparity.williamson(per_kapita, penduduk)`"
    weights = (
        "Indeks Williamson menimbang tiap wilayah dengan jumlah penduduknya. "
        f"Pakai {call}."
    )
    province = (
        'Buang dulu baris provinsi: `tabel.drop(index="82")`; provinsi adalah '
        "acuan, bukan salah satu wilayah."
    )
    found = [
        (
            disparity.williamson(y, equal),
            "Ini koefisien variasi tanpa bobot penduduk: semua kabupaten/kota "
            "dianggap sama besar.",
            weights,
        ),
        (
            float(y.std() / y.mean()),
            "Ini `std() / mean()`: koefisien variasi tanpa bobot penduduk.",
            weights,
        ),
        (
            disparity.williamson(table[PER_CAPITA], table[POPULATION]),
            "Baris provinsi (kode 82) ikut dihitung sebagai wilayah ke-11.",
            province,
        ),
        (
            disparity.williamson(table[PER_CAPITA], [1.0] * len(table)),
            "Baris provinsi ikut dihitung, dan tanpa bobot penduduk.",
            f"{province} Lalu pakai {call}.",
        ),
        (
            disparity.williamson(f, y),
            "Isian fungsinya tertukar: penduduk dipakai sebagai nilai, PDRB per "
            "kapita sebagai bobot.",
            f"Urutannya: PDRB per kapita dulu, lalu penduduk: {call}.",
        ),
        (
            disparity.williamson(y * f, f),
            "Ini dihitung dari PDRB total (per kapita × penduduk), bukan PDRB per "
            "kapita.",
            f"Pakai kolom `{PER_CAPITA}` apa adanya.",
        ),
        (
            disparity.williamson(rows[GROWTH], f),
            "Ini dihitung dari pertumbuhan ekonomi, bukan PDRB per kapita.",
            f"Pakai kolom `{PER_CAPITA}`.",
        ),
        (
            float(disparity.theil(y, f)),
            "Ini indeks Theil, bukan indeks Williamson.",
            f"Pakai {call}.",
        ),
        (
            disparity.williamson(y.drop(NICKEL_HUB), f.drop(NICKEL_HUB)),
            "Halmahera Tengah tidak ikut dihitung (mungkin sisa dari *Coba sendiri*).",
            "Kembalikan `KECUALIKAN = []` dan jalankan lagi; latihan meminta "
            "kesepuluh kabupaten/kota.",
        ),
    ]
    years = sorted(panel, key=lambda year: (year != LESSON_YEAR, year))
    for year in years:
        if year != YEAR:
            other = _kabkota(panel[year])
            found.append(
                (
                    disparity.williamson(other[PER_CAPITA], other[POPULATION]),
                    f"Ini indeks Williamson tahun {year}, bukan {YEAR}.",
                    f"Saring tahunnya: `tahun={YEAR}`.",
                )
            )
    return found


def _check_williamson(
    check: Check, answer: object, panel: dict[int, pd.DataFrame]
) -> None:
    value = _one_number(check, answer)
    if value is None:
        return
    rows = _kabkota(panel[YEAR])
    right = disparity.williamson(rows[PER_CAPITA], rows[POPULATION])
    if _close(value, right):
        check.right(
            f"Indeks Williamson {YEAR}: {number(right, 3, 'id')}, ditimbang dengan "
            "jumlah penduduk sepuluh kabupaten/kota."
        )
        return
    if _close(value / 100, right):
        check.wrong(
            "Indeks Williamson ditulis sebagai indeks, bukan persen.",
            "Jangan dikali 100: hasil `disparity.williamson(...)` sudah jawabannya.",
        )
        return
    for candidate, what, hint in _candidates(panel):
        if _close(value, candidate):
            check.wrong(what, hint)
            return
    check.wrong(
        f"Indeks Williamson {YEAR} belum tepat (jawaban Anda "
        f"{number(value, 3, 'id')}).",
        f"Ambil `{PER_CAPITA}` dan `{POPULATION}` tahun {YEAR}, buang baris "
        "provinsi, lalu `disparity.williamson(per_kapita, penduduk)`.",
    )


def _close(value: float, expected: float) -> bool:
    return math.isclose(value, expected, rel_tol=0, abs_tol=_TOLERANCE)


def _one_number(check: Check, answer: object) -> float | None:
    """``answer`` as one float, or None after saying why it is not one."""
    if isinstance(answer, pd.Series) and len(answer) == 1:
        answer = answer.iloc[0]
    if isinstance(answer, bool | np.bool_):
        check.wrong(
            "`williamson` berisi True/False, bukan angka.",
            "Isi dengan hasil `disparity.williamson(...)`.",
        )
        return None
    if isinstance(answer, Real | np.number):
        value = float(answer)
        if math.isfinite(value) and value >= 0:
            return value
        check.wrong(
            f"`williamson` berisi {answer}, padahal indeks ini angka 0 atau lebih.",
            "Periksa data yang dipakai: nilai kosong atau negatif?",
        )
        return None
    if isinstance(answer, pd.Series | pd.DataFrame):
        check.wrong(
            "`williamson` berisi tabel, padahal yang diminta satu angka.",
            f"Ambil angka tahun {YEAR} saja, mis. "
            f'`tren.set_index("tahun").loc[{YEAR}, "williamson"]`, atau hitung '
            "langsung dengan `disparity.williamson(...)`.",
        )
        return None
    if isinstance(answer, str):
        check.wrong(
            f"`williamson` berisi teks ({answer!r}), bukan angka.",
            "Tulis angkanya tanpa tanda kutip, atau isi dengan hasil "
            "`disparity.williamson(...)`.",
        )
        return None
    if answer is None:
        check.wrong(
            "`williamson` berisi None (kosong).",
            "Mungkin Anda memakai `print(...)`; isi variabelnya dengan hasil "
            "`disparity.williamson(...)`.",
        )
        return None
    check.wrong(
        f"`williamson` berisi {type(answer).__name__}, bukan angka.",
        "Isi dengan hasil `disparity.williamson(...)`.",
    )
    return None


# The Klassen quadrant


def _quadrants(
    table: pd.DataFrame, reference: Callable[[pd.Series], float] | None = None
) -> pd.Series:
    """The Klassen quadrant of each kabupaten/kota in one year's table.

    The reference is the province row, or ``reference`` of the kabupaten/kota
    values (e.g. their mean) when given.
    """
    rows = _kabkota(table)
    growth, per_capita = rows[GROWTH], rows[PER_CAPITA]
    if reference is None:
        ref_growth = float(table.loc[regions.PROVINCE_CODE, GROWTH])
        ref_per_capita = float(table.loc[regions.PROVINCE_CODE, PER_CAPITA])
    else:
        ref_growth, ref_per_capita = reference(growth), reference(per_capita)
    result = disparity.klassen(
        growth, per_capita, ref_growth, ref_per_capita, in_percent=True
    )
    assert isinstance(result, pd.Series)
    return result


def _name(quadrant: int) -> str:
    return f"{_ROMAN[quadrant]} ({disparity.klassen_name(quadrant, 'id').lower()})"


def _check_quadrant(
    check: Check, answer: object, panel: dict[int, pd.DataFrame]
) -> None:
    region = regions.resolve(REGION)
    quadrant = _as_quadrant(check, answer, region.nama_pendek)
    if quadrant is None:
        return
    table = panel[YEAR]
    right = int(_quadrants(table)[REGION])
    if quadrant == right:
        check.right(_explained(right, table, region.nama))
        return
    swapped = {1: 1, 2: 3, 3: 2, 4: 4}[right]
    if quadrant == swapped:
        check.wrong(
            f"Kuadran {_name(quadrant)} muncul bila pertumbuhan dan PDRB per kapita "
            "tertukar.",
            "Urutan isian `disparity.klassen`: pertumbuhan wilayah, PDRB per kapita "
            "wilayah, pertumbuhan provinsi, PDRB per kapita provinsi.",
        )
        return
    years = sorted(panel, key=lambda year: (year != LESSON_YEAR, year))
    for year in years:
        if year != YEAR and int(_quadrants(panel[year])[REGION]) == quadrant:
            check.wrong(
                f"{region.nama} ada di kuadran {_name(quadrant)} pada tahun {year}, "
                f"bukan pada {YEAR}.",
                f"Pakai data tahun {YEAR}, untuk wilayah maupun untuk provinsi.",
            )
            return
    if int(_quadrants(table, reference=pd.Series.mean)[REGION]) == quadrant:
        check.wrong(
            f"Kuadran {_name(quadrant)} muncul bila acuannya rata-rata sepuluh "
            "kabupaten/kota.",
            'Acuannya baris provinsi (kode "82"): `provinsi["pertumbuhan_ekonomi"]` '
            'dan `provinsi["pdrb_per_kapita_adhb"]`.',
        )
        return
    check.wrong(
        f"Kuadran {region.nama} tahun {YEAR} belum tepat.",
        f"Hitung `disparity.klassen(...)` dengan data tahun {YEAR} dan baris "
        f'provinsi sebagai acuan, lalu ambil baris `"{REGION}"`.',
    )


def _explained(quadrant: int, table: pd.DataFrame, name: str) -> str:
    own, province = table.loc[REGION], table.loc[regions.PROVINCE_CODE]
    return (
        f"{name} tahun {YEAR} ada di kuadran {_name(quadrant)}: tumbuh "
        f"{number(own[GROWTH], 2, 'id')}% (provinsi "
        f"{number(province[GROWTH], 2, 'id')}%), PDRB per kapita "
        f"{number(own[PER_CAPITA], 2, 'id')} juta rupiah (provinsi "
        f"{number(province[PER_CAPITA], 2, 'id')} juta)."
    )


def _quadrant_names() -> dict[str, int]:
    """Every accepted spelling of a quadrant's name, without case and spaces."""
    names = {}
    for quadrant, languages in disparity.KLASSEN_NAMES.items():
        for name in languages.values():
            names[_plain(name)] = quadrant
    extra = {
        "maju dan tumbuh cepat": 1,
        "tumbuh cepat dan maju": 1,
        "cepat tumbuh dan cepat maju": 1,
        "maju tetapi tertekan": 2,
        "tertinggal": 4,
    }
    names.update({_plain(name): quadrant for name, quadrant in extra.items()})
    return names


def _plain(text: str) -> str:
    """Lower case, single spaces, no punctuation, no leading "daerah"."""
    words = re.sub(r"[^\w]+", " ", text.casefold()).split()
    return " ".join(words).removeprefix("daerah ").removeprefix("wilayah ")


def _as_quadrant(check: Check, answer: object, region_name: str) -> int | None:
    """``answer`` as a quadrant 1-4, or None after saying why it is not one."""
    if isinstance(answer, pd.Series) and len(answer) == 1:
        answer = answer.iloc[0]
    if isinstance(answer, pd.Series | pd.DataFrame):
        check.wrong(
            "`kuadran` berisi tabel, padahal yang diminta kuadran satu wilayah.",
            f'Ambil baris {region_name} saja, mis. `hasil.loc["{REGION}"]`.',
        )
        return None
    if isinstance(answer, bool | np.bool_) or answer is None:
        check.wrong(
            f"`kuadran` berisi {answer!r}, bukan nomor atau nama kuadran.",
            "Isi dengan nomor (1-4) atau nama kuadran, mis. dari "
            "`disparity.klassen(...)`.",
        )
        return None
    quadrant = _quadrant_from(answer)
    if quadrant is None:
        shown = repr(answer) if isinstance(answer, str) else str(answer)
        check.wrong(
            f"`kuadran` berisi {shown}: itu bukan salah satu kuadran Klassen.",
            "Kuadran bernomor 1 sampai 4 (atau I-IV); namanya juga boleh, mis. "
            '"Relatif tertinggal".',
        )
    return quadrant


def _quadrant_from(answer: object) -> int | None:
    if isinstance(answer, Real | np.number):
        value = float(answer)
        whole = math.isfinite(value) and value.is_integer() and 1 <= value <= 4
        return int(value) if whole else None
    if not isinstance(answer, str):
        return None
    text = _plain(answer).removeprefix("kuadran ")
    names = _quadrant_names()
    if text in names:
        return names[text]
    first, _, rest = text.partition(" ")
    numerals = {"1": 1, "2": 2, "3": 3, "4": 4} | {
        roman.lower(): n for n, roman in _ROMAN.items()
    }
    if first in numerals and (not rest or names.get(rest) == numerals[first]):
        return numerals[first]
    return None
