"""Exercise check of notebook 02: the Dinas PUPR road table, cleaned.

The participant turns the sample workbook
:data:`~lab_lib.workshop.agency_files.ROAD_WORKBOOK` into a tidy table: one
row per kabupaten/kota (ten rows, no totals or blank rows), the Kemendagri
code in ``kode``, the name in ``nama`` and the lengths in km as numbers in
``panjang_km``, ``baik_km``, ``sedang_km``, ``rusak_ringan_km`` and
``rusak_berat_km``. The figures the file holds are computed at check time
from the catalog (:func:`~lab_lib.workshop.agency_files.road_conditions`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lab_lib import regions, submissions
from lab_lib.errors import RegionError
from lab_lib.fmt import number
from lab_lib.workshop import agency_files
from lab_lib.workshop.feedback import Check, StopCheck, exercise

__all__ = ["COLUMNS", "VALUE_COLUMNS", "latihan_02"]

VALUE_COLUMNS = (
    "panjang_km",
    "baik_km",
    "sedang_km",
    "rusak_ringan_km",
    "rusak_berat_km",
)
COLUMNS = ("kode", "nama", *VALUE_COLUMNS)

# Lengths in the file have two decimals; anything closer is the same figure.
_TOLERANCE_KM = 0.006
# Words that give away which column a participant meant.
_STEMS = {
    "kode": ("kode",),
    "nama": ("nama", "kabupaten", "wilayah"),
    "panjang_km": ("panjang",),
    "baik_km": ("baik",),
    "sedang_km": ("sedang",),
    "rusak_ringan_km": ("ringan",),
    "rusak_berat_km": ("berat",),
}
_NUMBER_TEXT = re.compile(r"^\s*-?[\d.]+,\d+|^\s*\d{1,3}(\.\d{3})+\s*$")


@exercise("02", "Latihan 02: membersihkan data OPD")
def latihan_02(check: Check, hasil: object) -> None:
    """Check the cleaned road table of the Dinas PUPR sample workbook.

    Parameters
    ----------
    check : Check
        Filled in by :func:`~lab_lib.workshop.feedback.exercise`.
    hasil : DataFrame
        Ten rows, one per kabupaten/kota, with the columns :data:`COLUMNS`
        (``kode`` may also be the index). Other columns are ignored.

    Notes
    -----
    Recognised mistakes: not a table (a Series, a number, a file name);
    an empty table; columns missing or still with their raw or long names;
    blank rows; the "JUMLAH" row left in; lengths still text ("1.234,5");
    empty lengths; codes not in the dotted Kemendagri form (BPS codes left,
    numbers); a kabupaten/kota twice or missing, or another region; BPS
    codes 8203 and 8205 read as Kemendagri codes (Halmahera Utara and
    Kepulauan Sula swapped); a name that does not match its code; decimal
    commas read as thousands (values 10, 100 or 1000 times too large) or
    thousand dots read as decimals; other values that differ from the file.
    """
    table = _require_table(check, hasil)
    table = _require_columns(check, table)
    _require_rows(check, table)
    _require_numbers(check, table)
    _require_codes(check, table)
    _check_values(check, table)


def _require_table(check: Check, hasil: object) -> pd.DataFrame:
    """``hasil`` if it is a non-empty DataFrame; else stop, naming what it is."""
    how = "Simpan tabel hasil pembersihan ke `hasil` (sebuah DataFrame)."
    if isinstance(hasil, pd.Series):
        check.stop("`hasil` baru satu kolom (Series), belum tabel.", how)
    if isinstance(hasil, str):
        check.stop(
            "`hasil` berisi teks (mungkin nama file), belum tabel.",
            "Baca file-nya dengan `submissions.read_table(...)`, bersihkan, lalu "
            "simpan tabelnya ke `hasil`.",
        )
    if not isinstance(hasil, pd.DataFrame):
        check.stop(f"`hasil` berisi {type(hasil).__name__}, belum tabel.", how)
    if hasil.empty:
        check.stop(
            "Tabel `hasil` kosong.",
            "Periksa langkah penyaringan: mungkin semua baris terbuang.",
        )
    check.right("`hasil` adalah tabel (DataFrame).")
    return hasil


def _require_columns(check: Check, table: pd.DataFrame) -> pd.DataFrame:
    """The table with every column of :data:`COLUMNS`; else stop, with hints."""
    if "kode" not in table.columns and table.index.name == "kode":
        table = table.reset_index()
    present = [str(c) for c in table.columns]
    missing = [c for c in COLUMNS if c not in present]
    if not missing:
        check.right("Kolomnya lengkap: " + ", ".join(f"`{c}`" for c in COLUMNS) + ".")
        return table
    if "kode" in missing:
        check.stop(
            "Kolom `kode` (kode Kemendagri) belum ada di `hasil`.",
            'Buat dengan `tabel["kode"] = submissions.region_codes('
            'tabel["nama"], tabel["kode_wilayah"])`.',
        )
    renames = {}
    for wanted in missing:
        guess = _guess_column(wanted, present)
        if guess:
            renames[guess] = wanted
    shown = ", ".join(f"`{c}`" for c in missing)
    if renames:
        pairs = ", ".join(f'"{old}": "{new}"' for old, new in renames.items())
        check.stop(
            f"Kolom {shown} belum ada; isinya sepertinya ada dengan nama lain.",
            f"Ganti namanya: `hasil = hasil.rename(columns={{{pairs}}})`.",
        )
    check.stop(
        f"Kolom {shown} belum ada di `hasil`. Kolom yang ada: "
        + ", ".join(f"`{c}`" for c in present)
        + ".",
        "Nama kolom harus persis: " + ", ".join(f"`{c}`" for c in COLUMNS) + ".",
    )
    raise AssertionError("unreachable: Check.stop raises")


def _guess_column(wanted: str, present: list[str]) -> str | None:
    """A present column whose (normalised) name holds the word of ``wanted``."""
    for column in present:
        normal = submissions.column_name(column)
        if normal in COLUMNS:
            continue
        if any(stem in normal for stem in _STEMS[wanted]):
            return column
    return None


def _require_rows(check: Check, table: pd.DataFrame) -> None:
    """No blank rows and no totals rows; stop when there are."""
    cells = table[list(COLUMNS)]
    blank = cells.apply(lambda c: c.map(_is_blank)).all(axis=1)
    totals = submissions.drop_totals(cells, "nama")
    total_rows = [r for r in totals.attrs["dropped_totals"] if not blank.get(r, False)]
    trouble = False
    if blank.any():
        trouble = True
        check.wrong(
            f"Masih ada {int(blank.sum())} baris kosong di `hasil`.",
            "Baris kosong hilang bila file dibaca dengan `submissions.read_table`; "
            'bisa juga dibuang dengan `hasil = hasil.dropna(how="all")`.',
        )
    if total_rows:
        trouble = True
        check.wrong(
            "Baris jumlah (`JUMLAH`) masih ada di `hasil`: angkanya akan terhitung "
            "dua kali bila tabel dijumlahkan.",
            'Buang dengan `submissions.drop_totals(tabel, "nama")` '
            "sebelum langkah lain.",
        )
    if trouble:
        check.stop(
            f"Tabel punya {len(table)} baris; seharusnya 10, satu per kabupaten/kota."
        )
    check.right("Tidak ada baris kosong atau baris jumlah.")


def _is_blank(value: object) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return bool(pd.isna(value)) if np.ndim(value) == 0 else False


def _require_numbers(check: Check, table: pd.DataFrame) -> None:
    """The lengths are numbers, none missing; stop when not."""
    text_columns, empty_columns = [], []
    example = None
    for column in VALUE_COLUMNS:
        values = table[column]
        words = values[values.map(lambda v: isinstance(v, str))]
        if not words.empty:
            text_columns.append(column)
            example = example or str(words.iloc[0])
            continue
        if pd.to_numeric(values, errors="coerce").isna().any():
            empty_columns.append(column)
    if text_columns:
        shown = ", ".join(f"`{c}`" for c in text_columns)
        looks = " (ditulis gaya Indonesia)" if _NUMBER_TEXT.match(example or "") else ""
        check.stop(
            f'Kolom {shown} masih berisi teks, belum angka, mis. "{example}"{looks}. '
            "Teks tidak bisa dijumlahkan atau digambar.",
            "Ubah tiap kolom dengan `tabel[kolom] = submissions.parse_numbers("
            'tabel[kolom])`; fungsi itu membaca "1.234,5" sebagai 1234,5.',
        )
    if empty_columns:
        shown = ", ".join(f"`{c}`" for c in empty_columns)
        check.stop(
            f"Kolom {shown} punya nilai kosong, padahal file-nya terisi semua.",
            "Periksa langkah mengubah teks ke angka: pakai "
            '`submissions.parse_numbers`, bukan `pd.to_numeric(..., errors="coerce")`,'
            " yang diam-diam mengosongkan angka berkoma.",
        )
    check.right("Semua panjang jalan sudah berupa angka.")


def _require_codes(check: Check, table: pd.DataFrame) -> None:
    """Dotted Kemendagri codes of the ten kabupaten/kota, once each, with
    names that match them; stop when not."""
    codes = table["kode"].tolist()
    not_dotted = [c for c in codes if not (isinstance(c, str) and "." in c)]
    if not_dotted:
        shown = ", ".join(f"`{c}`" for c in not_dotted[:4])
        check.stop(
            f"Kolom `kode` belum semuanya kode Kemendagri bertitik: {shown}. Kode "
            "tanpa titik bisa kode BPS; 8203 dan 8205 berarti kabupaten yang "
            "berbeda di BPS dan Kemendagri.",
            'Buat kolomnya dengan `submissions.region_codes(tabel["nama"], '
            'tabel["kode_wilayah"])`: nama dan kode diperiksa bersama.',
        )
    wanted = {region.kode: region for region in regions.kabkota()}
    counts = pd.Series(codes).value_counts()
    twice = [c for c, n in counts.items() if n > 1]
    missing = [wanted[c].nama for c in wanted if c not in counts.index]
    other = [c for c in counts.index if c not in wanted]
    if twice:
        check.wrong(
            "Ada kabupaten/kota yang muncul lebih dari sekali: "
            + ", ".join(f"`{c}`" for c in twice)
            + ".",
            "Periksa kolom `kode`: tiap kabupaten/kota harus tepat satu baris.",
        )
    if missing:
        check.wrong(
            "Belum ada di `hasil`: " + ", ".join(missing) + ".",
            "Jangan membuang baris data; hanya baris jumlah dan baris kosong.",
        )
    if other:
        check.wrong(
            "Kode ini bukan kode kabupaten/kota Maluku Utara: "
            + ", ".join(f"`{c}`" for c in other)
            + ".",
            "Kode kabupaten/kota berbentuk 82.01 sampai 82.08, 82.71 dan 82.72.",
        )
    if twice or missing or other:
        raise StopCheck
    _require_names_match(check, table)
    check.right(
        "Kesepuluh kabupaten/kota ada, masing-masing sekali, dengan kode Kemendagri."
    )


def _require_names_match(check: Check, table: pd.DataFrame) -> None:
    """Each name names the region of its code; stop when one does not."""
    clashes, pairs = [], set()
    for code, name in zip(table["kode"], table["nama"], strict=True):
        try:
            named = regions.resolve(str(name)).kode
        except RegionError:
            named = None
        if named != code:
            clashes.append(f"`{code}` – {name}")
            pairs.add((named, code))
    if not clashes:
        return
    bps_mixup = pairs & {("82.03", "82.05"), ("82.05", "82.03")}
    check.stop(
        "Nama dan kode tidak cocok: " + "; ".join(clashes) + ".",
        _swap_hint()
        if bps_mixup
        else "Jangan mengubah nama atau kode dengan tangan; buat kolom `kode` dengan "
        '`submissions.region_codes(tabel["nama"], tabel["kode_wilayah"])`.',
    )


def _swap_hint() -> str:
    return (
        "Kode 8205 dan 8203 di file adalah kode BPS untuk Halmahera Utara dan "
        "Kepulauan Sula; sebagai kode Kemendagri artinya terbalik. Pakai "
        "`submissions.region_codes(nama, kode)`, yang memilih bacaan kode yang "
        "cocok dengan namanya."
    )


def _check_values(check: Check, table: pd.DataFrame) -> None:
    """Every length as in the source file; name the kind of mistake if not."""
    expected = agency_files.road_conditions()[list(VALUE_COLUMNS)]
    got = table.set_index("kode")[list(VALUE_COLUMNS)].astype(float).loc[expected.index]
    off = (got - expected).abs() > _TOLERANCE_KM
    if not off.any().any():
        total = number(float(got["panjang_km"].sum()), 2)
        check.right(
            f"Semua angka cocok dengan file sumber; panjang totalnya {total} km, "
            "sama dengan baris JUMLAH."
        )
        return
    ratio = (got / expected)[off].stack()
    factors = _factors(ratio)
    for factor in sorted(f for f in factors if f > 1):
        check.wrong(
            f"Sebagian angka {number(factor)} kali terlalu besar: koma desimal "
            'terbaca sebagai pemisah ribuan ("519,19" menjadi 51919).',
            "Jangan membuang koma dengan `.str.replace`; pakai "
            "`submissions.parse_numbers`, yang membaca koma sebagai desimal.",
        )
    if any(f < 1 for f in factors):
        check.wrong(
            "Sebagian angka 1000 kali terlalu kecil: titik ribuan terbaca sebagai "
            'desimal ("1.340,89" menjadi 1,34089).',
            "Pakai `submissions.parse_numbers`, yang membaca titik sebagai pemisah "
            "ribuan dan koma sebagai desimal.",
        )
    if factors:
        raise StopCheck
    if _swapped(got, expected):
        check.stop("Angka Halmahera Utara dan Kepulauan Sula tertukar.", _swap_hint())
    _name_differences(check, got, expected, off)


def _factors(ratio: pd.Series) -> set[float]:
    """The factors 10, 100, 1000 or 1/1000 by which some odd values are off."""
    found = set()
    for factor in (10.0, 100.0, 1000.0, 0.001):
        if np.isclose(ratio, factor, rtol=0.01).any():
            found.add(factor)
    return found


def _swapped(got: pd.DataFrame, expected: pd.DataFrame) -> bool:
    pair = ["82.03", "82.05"]
    crossed = got.loc[pair].to_numpy() - expected.loc[pair[::-1]].to_numpy()
    return bool((np.abs(crossed) <= _TOLERANCE_KM).all())


def _name_differences(
    check: Check, got: pd.DataFrame, expected: pd.DataFrame, off: pd.DataFrame
) -> None:
    shown = []
    for code, column in off.stack()[lambda s: s].index[:4]:
        name = regions.resolve(code).nama_pendek
        shown.append(
            f"{name}, `{column}`: {number(got.loc[code, column], 2)} "
            f"(di file {number(expected.loc[code, column], 2)})"
        )
    check.stop(
        f"{int(off.to_numpy().sum())} angka tidak cocok dengan file sumber: "
        + "; ".join(shown)
        + ".",
        "Mulai lagi dari file aslinya (`submissions.read_table`) dan jangan "
        "mengubah angka dengan tangan; periksa juga bahwa kolom tidak tertukar.",
    )
