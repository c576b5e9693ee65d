"""Check of notebook 00 (orientasi): a first percentage from two catalog values.

The exercise asks for the share of the province's population that lives in
Kota Ternate in the exercise year, in percent. The right answer is computed
from the catalog each time the check runs.
"""

from __future__ import annotations

import math
import numbers
import re
from typing import Any

import pandas as pd

from lab_lib import catalog, fmt, regions
from lab_lib.workshop.feedback import Check, exercise

__all__ = ["REGION", "YEAR", "latihan_00", "population", "population_share"]

REGION = "82.71"
YEAR = 2024
INDICATOR = "jumlah_penduduk"

# A wrong answer is "the same number" as a known mistake when it is this close.
_SAME = 0.005
# Rounding the answer to one decimal is fine; more is rounding too early.
_ALLOWED = 0.05 + 1e-9


def population(wilayah: str, tahun: int) -> float:
    """The population (jiwa) of ``wilayah`` in ``tahun`` from the catalog."""
    rows = catalog.load("indikator", wilayah=wilayah, tahun=tahun, indikator=INDICATOR)
    return float(rows["nilai"].iloc[0])


def population_share(wilayah: str = REGION, tahun: int = YEAR) -> float:
    """Percent of the province's population living in ``wilayah``.

    share = penduduk wilayah / penduduk provinsi × 100

    Parameters
    ----------
    wilayah : str
        A kabupaten/kota, in any spelling :func:`lab_lib.regions.resolve` accepts.
    tahun : int
        Year of the population figures.

    Returns
    -------
    float
        Percent, between 0 and 100.

    Examples
    --------
    With the sample catalog, 210 836 of 1 349 001 people in 2024:

    >>> round(population_share("Kota Ternate", 2024), 2)
    15.63
    """
    return population(wilayah, tahun) / population(regions.PROVINCE_CODE, tahun) * 100


@exercise("00", "Latihan 00: persentase penduduk")
def latihan_00(check: Check, hasil: Any) -> None:
    """Check the share of the province's population living in Kota Ternate.

    Parameters
    ----------
    check : Check
        Supplied by :func:`~lab_lib.workshop.feedback.exercise`.
    hasil : float
        The participant's answer: percent (0–100) of the province's population
        that lives in Kota Ternate in :data:`YEAR`, as a number.

    Notes
    -----
    Recognised mistakes: the answer left as text, a table instead of a
    number, a fraction instead of a percent, the division the wrong way
    round, integer division (``//``), a population instead of a share,
    another region or year, and rounding too early.
    """
    value = _number(check, hasil)
    expected = population_share()
    exact = abs(value - expected) <= 1e-6
    if not exact:
        # A share of another year can lie within rounding of the right one;
        # computed at full precision it is still that other year.
        _stop_on_other_region_or_year(check, value, 1e-6)
    if abs(value - expected) <= _ALLOWED:
        check.right(
            f"Sekitar {_id(expected, 2)} % penduduk provinsi tinggal di Kota Ternate "
            f"pada {YEAR}: bagian dibagi keseluruhan, dikali 100."
        )
        if not exact:
            check.info(
                "Anda membulatkan hasilnya; tidak apa-apa. Lain kali simpan angka "
                "lengkapnya dan bulatkan hanya saat menampilkan."
            )
        return
    _name_the_mistake(check, value, expected)


def _number(check: Check, answer: Any) -> float:
    """The answer as a float, or stop with a sentence on what kind it is."""
    if isinstance(answer, pd.DataFrame):
        check.stop(
            "Jawaban Anda sebuah tabel, padahal yang diminta satu angka.",
            hint="Hitung dengan dua variabel angka di sel sebelumnya, "
            "`penduduk_ternate` dan `penduduk_provinsi`.",
        )
    if isinstance(answer, pd.Series):
        if len(answer) != 1:
            check.stop(
                f"Jawaban Anda sebuah kolom berisi {len(answer)} nilai, padahal yang "
                "diminta satu angka.",
                hint="Pakai variabel `penduduk_ternate` dan `penduduk_provinsi`.",
            )
        check.info("Jawaban berupa kolom satu baris; angkanya yang diperiksa.")
        answer = answer.iloc[0]
    if isinstance(answer, str):
        _stop_on_text(check, answer)
    if answer is None:
        check.stop(
            "`hasil` kosong (`None`).",
            hint="Tulis rumusnya langsung: `hasil = ...` tanpa `print(...)`.",
        )
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        check.stop(
            f"Jawaban Anda berjenis `{type(answer).__name__}`, bukan angka.",
            hint="`hasil` harus satu angka, hasil pembagian dua variabel penduduk.",
        )
    value = float(answer)
    if math.isnan(value) or math.isinf(value):
        check.stop(
            "Hasilnya bukan angka yang bisa dipakai (`nan` atau tak hingga).",
            hint="Periksa kedua variabel penduduk: jalankan ulang sel-sel di atas.",
        )
    return value


def _stop_on_text(check: Check, answer: str) -> None:
    parsed = _parse(answer)
    if parsed is not None and abs(parsed - population_share()) <= _ALLOWED:
        check.stop(
            "Angkanya benar, tetapi tersimpan sebagai teks (di antara tanda kutip), "
            "sehingga Python tidak bisa menghitung dengannya.",
            hint="Hapus tanda kutip: `hasil = penduduk_ternate / ...`, bukan "
            '`hasil = "15,6"`.',
        )
    check.stop(
        "Jawaban Anda berupa teks (di antara tanda kutip), bukan angka.",
        hint="Hapus tanda kutipnya, supaya Python menghitung rumusnya.",
    )


def _parse(text: str) -> float | None:
    """ "15,63 %" or "15.63" as a float; None when it is not a number."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        return None
    return float(cleaned)


def _name_the_mistake(check: Check, value: float, expected: float) -> None:
    """Say which typical mistake gives ``value``, or give a general hint."""
    own = population(REGION, YEAR)
    whole = population(regions.PROVINCE_CODE, YEAR)
    if _same(value, own) or _same(value, whole):
        check.stop(
            "Ini jumlah penduduk, belum persentasenya.",
            hint="Bagi penduduk Ternate dengan penduduk provinsi, lalu kali 100.",
        )
    if 0 < value < 1 and abs(value * 100 - expected) <= 1:
        check.stop(
            "Ini pecahan (antara 0 dan 1), belum persen.",
            hint="Kalikan dengan 100: `... / penduduk_provinsi * 100`.",
        )
    if value > 100 or _same(value, whole / own):
        beyond = " (bagian tidak mungkin lebih dari 100 %)" if value > 100 else ""
        check.stop(
            "Urutan pembagiannya terbalik: keseluruhan dibagi bagian" + beyond + ".",
            hint="Bagian dibagi keseluruhan: `penduduk_ternate / penduduk_provinsi`, "
            "lalu dikali 100.",
        )
    if value == 0:
        check.stop(
            "Hasilnya 0. Biasanya karena memakai `//` (pembagian bulat) atau "
            "membulatkan sebelum dikali 100.",
            hint="Pakai satu garis miring `/`, dan kalikan 100 sebelum membulatkan.",
        )
    _stop_on_other_region_or_year(check, value, _SAME)
    if abs(value - expected) <= 1:
        check.stop(
            f"Hampir: {_id(value, 2)} dekat dengan jawaban, tetapi selisihnya lebih "
            "dari pembulatan 1 angka di belakang koma. Biasanya karena dibulatkan "
            "terlalu awal, atau angka penduduk diketik ulang dengan dibulatkan.",
            hint="Hitung dengan variabel `penduduk_ternate` dan `penduduk_provinsi` "
            "apa adanya; bulatkan, bila perlu, hanya di akhir.",
        )
    check.wrong(
        f"{_id(value, 2)} belum sesuai.",
        hint="Persentase = bagian / keseluruhan × 100, yaitu "
        "`penduduk_ternate / penduduk_provinsi * 100`.",
    )


def _stop_on_other_region_or_year(check: Check, value: float, tolerance: float) -> None:
    for region in regions.kabkota():
        share = population_share(region.kode)
        if region.kode != REGION and abs(value - share) <= tolerance:
            check.stop(
                f"Ini persentase penduduk {region.nama}, bukan Kota Ternate.",
                hint="Pakai variabel `penduduk_ternate`, bukan `penduduk` dari "
                "contoh sebelumnya.",
            )
    years = catalog.load("indikator", wilayah=REGION, indikator=INDICATOR)["tahun"]
    for year in sorted(set(years) - {YEAR}):
        share = population_share(REGION, int(year))
        if abs(value - share) <= tolerance:
            check.stop(
                f"Ini persentase penduduk Kota Ternate tahun {year}, bukan {YEAR}.",
                hint=f"Pakai angka penduduk tahun {YEAR} (`tahun={YEAR}`).",
            )


def _same(value: float, target: float) -> bool:
    """Equal up to rounding to two decimals, or to 0.01 % of a large number."""
    return abs(value - target) <= max(_SAME, abs(target) * 1e-4)


def _id(value: float, decimals: int) -> str:
    """A number written the Indonesian way: 15,63."""
    return fmt.number(value, decimals, "id")
