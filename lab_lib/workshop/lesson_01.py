"""Check of notebook 01 (katalog MARIMOI): questions answered from the catalog.

Three questions, four named answers: which dataset holds the road segments and
who produces it, how many road segments Kabupaten Kepulauan Sula has in
:data:`YEAR`, and the latest year of the road data. Every expected answer is
read from the catalog when the check runs.
"""

from __future__ import annotations

import difflib
import math
import numbers
import re
from typing import Any

import pandas as pd

from lab_lib import catalog, regions
from lab_lib.workshop.feedback import Check, exercise

__all__ = ["DATASET", "REGION", "YEAR", "latihan_01"]

# The dataset the questions are about: road segments (ruas jalan).
DATASET = "ruas_jalan"
# Kepulauan Sula: Kemendagri 82.05, but BPS 8203, which is Kemendagri's
# Halmahera Utara; the question tests reading codes the right way.
REGION = "82.05"
YEAR = 2023

# Words too general to tell one data producer from another.
_GENERAL_WORDS = {"dinas", "provinsi", "kabupaten", "kota", "maluku", "utara", "dan"}


@exercise("01", "Latihan 01: menjelajah katalog MARIMOI", partial=True)
def latihan_01(
    check: Check,
    dataset: Any,
    produsen: Any,
    jumlah_ruas: Any,
    tahun_terbaru: Any,
) -> None:
    """Check four answers read from the MARIMOI catalog.

    Parameters
    ----------
    check : Check
        Supplied by :func:`~lab_lib.workshop.feedback.exercise`.
    dataset : str
        Name of the catalog entry that holds the road segments (``"ruas_jalan"``).
    produsen : str
        Its data producer (produsen data) as in its metadata, or one of the
        agencies named there.
    jumlah_ruas : int
        Number of road segments of Kabupaten Kepulauan Sula in :data:`YEAR`.
    tahun_terbaru : int
        Latest year in the road data.

    Notes
    -----
    Each answer is judged on its own, so one wrong answer does not hide the
    others. Recognised mistakes: a dataset name with a typo (the closest name
    is suggested), the title instead of the name, another dataset; the
    walidata or another dataset's producer instead of the producer; counting
    every year, the whole province, another region (notably Halmahera Utara,
    whose Kemendagri code 82.03 looks like Kepulauan Sula's BPS code 8203),
    one road status only, or kilometres instead of segments; the first year,
    the catalog's update date or another dataset's year instead of the latest
    year; numbers written as text and tables where one value was asked.
    """
    if dataset is not ...:
        _check_dataset(check, dataset)
    if produsen is not ...:
        _check_producer(check, produsen)
    if jumlah_ruas is not ...:
        _check_count(check, jumlah_ruas)
    if tahun_terbaru is not ...:
        _check_latest_year(check, tahun_terbaru)


# 1. Which dataset ----------------------------------------------------------


def _check_dataset(check: Check, answer: Any) -> None:
    listed = catalog.datasets()
    answer = _single(answer)
    if not isinstance(answer, str):
        check.wrong(
            f"`dataset` harus berupa teks (nama dataset), bukan "
            f"`{type(answer).__name__}`.",
            hint='Tulis namanya di antara tanda kutip, mis. `dataset_jalan = "..."`.',
        )
        return
    name = answer.strip()
    if name == DATASET:
        check.right(f"Dataset ruas jalan bernama `{DATASET}`.")
        return
    titles = {title.casefold(): key for key, title in listed["title"].items()}
    if name.casefold() in titles:
        check.wrong(
            f'"{name}" adalah judul (kolom `title`), bukan nama dataset.',
            hint="Nama dataset ada di kolom paling kiri tabel `catalog.datasets()`, "
            "tanpa spasi dan huruf kecil semua; nama itulah yang dipakai di "
            "`catalog.load(...)`.",
        )
        return
    if name in listed.index:
        check.wrong(
            f"Dataset `{name}` berisi {listed.loc[name, 'title'].lower()}, "
            "bukan ruas jalan.",
            hint="Baca kolom `title` di `catalog.datasets()`: cari yang tentang "
            "ruas jalan.",
        )
        return
    close = difflib.get_close_matches(
        _as_name(name), list(listed.index), n=1, cutoff=0.5
    )
    suggestion = f" Maksud Anda `{close[0]}`?" if close else ""
    check.wrong(
        f'Tidak ada dataset bernama "{name}" di katalog.{suggestion}',
        hint="Nama dataset harus persis sama: huruf kecil, garis bawah `_` "
        "sebagai pengganti spasi. Salin dari `catalog.datasets()`.",
    )


def _as_name(text: str) -> str:
    """ "Ruas Jalan" -> "ruas_jalan": how a name is usually mistyped."""
    return re.sub(r"[\s\-]+", "_", text.strip().casefold())


# 2. Who produces it ---------------------------------------------------------


def _check_producer(check: Check, answer: Any) -> None:
    answer = _single(answer)
    if isinstance(answer, list | tuple) and all(isinstance(a, str) for a in answer):
        answer = "; ".join(answer)
    if not isinstance(answer, str) or not answer.strip():
        check.wrong(
            "`produsen` harus berupa teks: nama instansi yang menghasilkan data.",
            hint='Lihat `catalog.metadata("ruas_jalan")["produsen"]`.',
        )
        return
    meta = catalog.metadata(DATASET)
    given = _words(answer)
    expected = _words(meta["produsen"])
    walidata = _words(meta["walidata"])
    telling = expected - walidata - _GENERAL_WORDS
    if given and given <= expected and given & telling:
        check.right(f"Produsen data ruas jalan: {meta['produsen']}.")
        return
    if given and given <= walidata:
        check.wrong(
            f'"{answer.strip()}" adalah walidata (yang menyimpan dan membagikan '
            "data), bukan produsen (yang membuat data).",
            hint='Lihat isian `produsen`: `catalog.metadata("ruas_jalan")'
            '["produsen"]`.',
        )
        return
    other = _producer_of_other_dataset(given)
    if other:
        check.wrong(
            f'"{answer.strip()}" adalah produsen dataset `{other}`, bukan `{DATASET}`.',
            hint=f"Ambil produsen dari baris `{DATASET}`.",
        )
        return
    if given and given <= expected:
        check.wrong(
            f'"{answer.strip()}" terlalu umum: sebut instansinya.',
            hint='Salin isian dari `catalog.metadata("ruas_jalan")["produsen"]`.',
        )
        return
    check.wrong(
        f'"{answer.strip()}" tidak tercatat sebagai produsen data ruas jalan.',
        hint='Salin isian dari `catalog.metadata("ruas_jalan")["produsen"]`.',
    )


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", str(text).casefold()))


def _producer_of_other_dataset(given: set[str]) -> str | None:
    own = _words(catalog.metadata(DATASET)["produsen"])
    for name, producer in catalog.datasets()["produsen"].items():
        words = _words(producer)
        if name != DATASET and given and given <= words and not given <= own:
            return str(name)
    return None


# 3. How many road segments --------------------------------------------------


def _check_count(check: Check, answer: Any) -> None:
    roads = catalog.load(DATASET)
    region = regions.resolve(REGION)
    this_year = roads[roads["tahun"] == YEAR]
    own = this_year[this_year["kode_kabkota"] == region.kode]
    if isinstance(answer, pd.DataFrame):
        same = len(answer) == len(own)
        check.wrong(
            "`jumlah_ruas` berisi sebuah tabel"
            + (" (isinya sudah tepat)" if same else "")
            + ", padahal yang diminta satu angka.",
            hint="Hitung barisnya dengan `len(tabel)`.",
        )
        return
    if _near(answer, own["panjang_km"].sum()):
        check.wrong(
            "Ini panjang jalan dalam km, bukan jumlah ruas.",
            hint="Jumlah ruas = jumlah baris tabel: `len(tabel)`.",
        )
        return
    count = _whole(check, answer, "jumlah_ruas")
    if count is None:
        return
    if count == len(own):
        check.right(
            f"{region.nama} punya {len(own)} ruas jalan pada {YEAR} "
            "(satu baris per ruas per tahun)."
        )
        return
    all_years = roads[roads["kode_kabkota"] == region.kode]
    by_region = this_year.groupby("kode_kabkota").size()
    by_status = own.groupby("status").size()
    causes = []
    if count == len(all_years):
        causes.append(
            (
                f"{count} adalah jumlah baris untuk semua tahun; setiap ruas muncul "
                "sekali per tahun.",
                f"Saring satu tahun saja: tambahkan `tahun={YEAR}` di "
                "`catalog.load(...)`.",
            )
        )
    if count in (len(this_year), len(roads)):
        causes.append(
            (
                f"{count} adalah jumlah ruas seluruh provinsi, belum untuk satu "
                "kabupaten.",
                f'Tambahkan `wilayah="{region.nama_pendek}"` di `catalog.load(...)`.',
            )
        )
    for code in by_region.index[by_region.to_numpy() == count]:
        causes.append(_other_region(count, regions.resolve(str(code)), region))
    for status in by_status.index[by_status.to_numpy() == count]:
        causes.append(
            (
                f"{count} adalah jumlah ruas berstatus {status} saja.",
                "Hitung semua status: jalan nasional, provinsi dan kabupaten; "
                "jangan saring kolom `status`.",
            )
        )
    if not causes:
        causes.append(
            (
                f"{count} belum sesuai dengan jumlah ruas {region.nama} pada {YEAR}.",
                f'Muat `catalog.load("{DATASET}", wilayah=..., tahun={YEAR})`, lalu '
                "hitung barisnya dengan `len(...)`.",
            )
        )
    if len(causes) == 1:
        check.wrong(*causes[0])
        return
    # The same number can come from two mistakes; name both.
    check.wrong(
        "Angka ini bisa berasal dari beberapa kesalahan: "
        + " Atau: ".join(text for text, _ in causes),
        hint=" ".join(hint for _, hint in causes),
    )


def _other_region(
    count: int, used: regions.Region, region: regions.Region
) -> tuple[str, str]:
    """What to say when ``count`` is the number of segments of ``used``."""
    bps_twin = used.kode.replace(".", "") == region.kode_bps
    note = (
        f" Kode {region.kode_bps} adalah kode BPS {region.nama}, tetapi dalam "
        f"kode Kemendagri {region.kode_bps} berarti {used.nama}."
        if bps_twin
        else ""
    )
    return (
        f"{count} adalah jumlah ruas {used.nama} ({used.kode}), bukan "
        f"{region.nama}.{note}",
        f'Pakai nama atau kode Kemendagri bertitik: `wilayah="{region.kode}"` '
        f'atau `wilayah="{region.nama_pendek}"`.',
    )


# 4. The latest year ---------------------------------------------------------


def _check_latest_year(check: Check, answer: Any) -> None:
    years = catalog.load(DATASET)["tahun"]
    latest, first = int(years.max()), int(years.min())
    meta = catalog.metadata(DATASET)
    updated = str(meta.get("last_update", ""))
    if isinstance(answer, str) and answer.strip() in (
        updated,
        meta["temporal_coverage"],
    ):
        field = "last_update" if answer.strip() == updated else "temporal_coverage"
        check.wrong(
            f'"{answer.strip()}" adalah isian `{field}`, bukan satu tahun.',
            hint="Jawab dengan satu angka tahun, tanpa tanda kutip: "
            '`catalog.load("ruas_jalan")["tahun"].max()`.',
        )
        return
    year = _whole(check, answer, "tahun_terbaru")
    if year is None:
        return
    if year == latest:
        check.right(f"Data ruas jalan terbaru adalah tahun {latest}.")
    elif year == first:
        check.wrong(
            f"{year} adalah tahun paling awal, bukan yang terbaru.",
            hint="Pakai `.max()` untuk tahun terbesar, bukan `.min()`.",
        )
    elif updated[:4] == str(year):
        check.wrong(
            f"{year} adalah tahun pembaruan katalog (`last_update`), bukan tahun "
            "datanya.",
            hint='Lihat kolom `tahun` di data: `catalog.load("ruas_jalan")'
            '["tahun"].max()`.',
        )
    else:
        other = _dataset_ending_in(year)
        where = f" Itu tahun terakhir dataset `{other}`." if other else ""
        check.wrong(
            f"{year} bukan tahun terakhir data `{DATASET}`.{where}",
            hint='Hitung dari datanya: `catalog.load("ruas_jalan")["tahun"].max()`.',
        )


def _dataset_ending_in(year: int) -> str | None:
    for name in catalog.datasets().index:
        if name == DATASET:
            continue
        coverage = str(catalog.metadata(name).get("temporal_coverage", ""))
        found = re.findall(r"\b(\d{4})\b", coverage)
        if found and int(found[-1]) == year:
            return str(name)
    return None


# Answers of the wrong kind --------------------------------------------------


def _single(answer: Any) -> Any:
    """A one-value Series or one-element list as that value."""
    if isinstance(answer, pd.Series) and len(answer) == 1:
        return answer.iloc[0]
    return answer


def _whole(check: Check, answer: Any, name: str) -> int | None:
    """``answer`` as a whole number, or None after saying what is off."""
    answer = _single(answer)
    if isinstance(answer, str):
        digits = answer.strip().isdigit()
        check.wrong(
            f"`{name}` berupa teks (di antara tanda kutip), bukan angka.",
            hint=f"Hapus tanda kutipnya: `{name} = {answer.strip()}`, bukan "
            f'`{name} = "{answer.strip()}"`.'
            if digits
            else "Tulis satu angka tanpa tanda kutip.",
        )
        return None
    if isinstance(answer, pd.Series | pd.DataFrame):
        check.wrong(
            f"`{name}` berisi tabel atau kolom dengan {len(answer)} baris, padahal "
            "yang diminta satu angka.",
            hint="Ambil satu angkanya, mis. dengan `len(...)` atau `.max()`.",
        )
        return None
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        check.wrong(
            f"`{name}` berjenis `{type(answer).__name__}`, bukan angka.",
            hint="Tulis satu angka bulat.",
        )
        return None
    if not math.isfinite(answer) or float(answer) != int(answer):
        check.wrong(
            f"`{name}` harus bilangan bulat, bukan {answer}.",
            hint="Jumlah baris dan tahun selalu bilangan bulat.",
        )
        return None
    return int(answer)


def _near(answer: Any, value: float) -> bool:
    answer = _single(answer)
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return False
    return abs(float(answer) - value) <= 0.05
