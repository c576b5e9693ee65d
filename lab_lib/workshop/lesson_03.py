"""Exercise check of notebook 03: a choropleth of one indicator, saved twice.

The participant maps :data:`INDICATOR` of :data:`YEAR` for the ten
kabupaten/kota with :data:`SCHEME` and :data:`K` classes, then saves the
interactive twin as HTML and the static twin as PNG in the folder
:data:`FOLDER`. The check reads what a :class:`~lab_lib.maps.ThematicMap`
exposes: its :class:`~lab_lib.maps.Classes` (class edges and the class of each
row), the names in the tooltips of its interactive twin, and its title.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from lab_lib import catalog, maps, regions
from lab_lib.fmt import number
from lab_lib.workshop.feedback import Check, exercise

__all__ = ["FOLDER", "INDICATOR", "SCHEME", "YEAR", "K", "latihan_03"]

INDICATOR = "akses_sanitasi_layak"
YEAR = 2022
SCHEME = "quantiles"
K = 3
FOLDER = "karya"

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_SCHEME_NAMES = {
    "natural_breaks": "natural breaks (`natural_breaks`)",
    "quantiles": "kuantil (`quantiles`)",
    "manual": "batas kelas buatan sendiri (`manual`)",
    "categories": "kategori (`categories`)",
}


@exercise("03", "Latihan 03: peta tematik")
def latihan_03(
    check: Check,
    peta: object,
    berkas_html: str | Path,
    berkas_png: str | Path,
) -> None:
    """Check a choropleth of :data:`INDICATOR` in :data:`YEAR` and its two files.

    Parameters
    ----------
    check : Check
        Filled in by :func:`~lab_lib.workshop.feedback.exercise`.
    peta : ThematicMap
        The map made with :func:`lab_lib.maps.thematic_map` from the
        kabupaten/kota boundaries merged with the indicator on the region code.
    berkas_html, berkas_png : str or pathlib.Path
        The files written by ``peta.save_html`` and ``peta.save_png``, inside
        the folder :data:`FOLDER`.

    Notes
    -----
    Recognised mistakes: a table, a file name or only one twin given instead
    of the map; a region shown more than once (several years or indicators
    left in the table); regions missing or without a value (joined on the
    name, or not joined); values attached to the wrong regions; another year,
    another indicator, another scheme or number of classes; files missing,
    empty, outside :data:`FOLDER`, swapped, or holding another map.
    """
    thematic = _require_map(check, peta)
    codes = _feature_codes(thematic)
    if _regions_ok(check, thematic, codes):
        _check_values(check, thematic, codes)
    _check_file(check, berkas_html, "html", thematic)
    _check_file(check, berkas_png, "png", thematic)


def _require_map(check: Check, peta: object) -> maps.ThematicMap:
    """``peta`` if it is a ThematicMap; else stop, naming what it is instead."""
    how = (
        f'`peta = maps.thematic_map(data_latihan, "nilai", title="...", '
        f'scheme="{SCHEME}", k={K})`'
    )
    if isinstance(peta, maps.ThematicMap):
        check.right("`peta` adalah peta tematik buatan `maps.thematic_map`.")
        return peta
    if isinstance(peta, pd.DataFrame | gpd.GeoDataFrame):
        check.stop(
            "`peta` masih berisi tabel, belum peta.",
            f"Buat petanya dari tabel itu: {how}.",
        )
    if isinstance(peta, Figure):
        check.stop(
            "`peta` hanya berisi kembaran statis (gambar), bukan peta lengkapnya.",
            f"Simpan hasil `maps.thematic_map(...)` apa adanya: {how}.",
        )
    if isinstance(peta, folium.Map):
        check.stop(
            "`peta` hanya berisi kembaran interaktif, bukan peta lengkapnya.",
            f"Simpan hasil `maps.thematic_map(...)` apa adanya: {how}.",
        )
    if isinstance(peta, str | Path):
        check.stop(
            "`peta` berisi nama file, bukan peta.",
            f"Isi `peta` dengan petanya: {how}; nama file masuk ke `berkas_html` "
            "dan `berkas_png`.",
        )
    check.stop(
        f"`peta` berisi {type(peta).__name__}, bukan peta tematik.",
        f"Buat petanya dengan {how}.",
    )
    raise AssertionError("unreachable: Check.stop raises")


def _feature_codes(peta: maps.ThematicMap) -> list[str | None] | None:
    """The kabupaten/kota code of each row of the map, read from its data.

    The ``kode`` column is used when it names kabupaten/kota, else the first
    column whose texts are kabupaten/kota names. None when no column does; a
    row that names no kabupaten/kota gets None.
    """
    if peta.data is None:
        return None
    names = {}
    for region in regions.kabkota():
        for key in (region.kode, region.nama, region.nama_pendek):
            names[key.casefold()] = region.kode
    columns = ["kode", *(c for c in peta.data.columns if c != "kode")]
    for column in columns:
        if column not in peta.data.columns or column == "geometry":
            continue
        values = peta.data[column]
        codes = [
            names.get(value.strip().casefold()) if isinstance(value, str) else None
            for value in values
        ]
        if any(codes):
            return codes
    return None


def _regions_ok(check: Check, peta: maps.ThematicMap, codes: list | None) -> bool:
    """Whether each of the ten kabupaten/kota is on the map once, with a value."""
    wanted = {region.kode: region.nama for region in regions.kabkota()}
    rows = len(peta.classes.index)
    merge_hint = (
        "Gabungkan dengan kode, bukan nama: `wilayah.merge(tabel, "
        'left_on="kode", right_on="kode_wilayah")`.'
    )
    known = codes is not None and None not in codes
    repeated = [c for c, n in Counter(codes or []).items() if n > 1 and c]
    if rows > len(wanted) or repeated:
        shown = ", ".join(wanted[c] for c in repeated[:3]) if known else ""
        check.wrong(
            f"Peta berisi {rows} baris untuk 10 kabupaten/kota"
            + (f"; {shown} muncul lebih dari sekali" if shown else "")
            + ": tabelnya masih mencampur beberapa tahun atau beberapa indikator.",
            f'Saring dulu: `catalog.load("indikator", indikator="{INDICATOR}", '
            f"tahun={YEAR})`, lalu gabungkan dengan `wilayah`.",
        )
        return False
    if known:
        missing = [name for code, name in wanted.items() if code not in codes]
    else:
        missing = [] if rows == len(wanted) else ["?"] * (len(wanted) - rows)
    if missing:
        listed = "" if "?" in missing else f" Belum ada: {', '.join(missing)}."
        check.wrong(
            f"Hanya {rows} dari 10 kabupaten/kota ada di peta.{listed}",
            f"Baris hilang saat tabel digabung dengan nama yang ejaannya berbeda. "
            f"{merge_hint}",
        )
        return False
    empty = [i for i, cls in enumerate(peta.classes.index) if cls < 0]
    if empty:
        names = [wanted[codes[i]] for i in empty] if known else []
        listed = f" ({', '.join(names)})" if names else ""
        check.wrong(
            f"{len(empty)} kabupaten/kota tidak punya nilai{listed}: di peta "
            "warnanya abu-abu, 'Tidak ada data'.",
            f"Periksa penggabungan dan saringan tahun. {merge_hint}",
        )
        return False
    check.right("Kesepuluh kabupaten/kota ada di peta, masing-masing sekali.")
    return True


def _indicator_values(table: pd.DataFrame, indicator: str, year: int) -> pd.Series:
    """Values of one indicator in one year, by kabupaten/kota code."""
    rows = table[
        (table["indikator"] == indicator)
        & (table["tahun"] == year)
        & (table["kode_wilayah"] != regions.PROVINCE_CODE)
    ]
    return rows.set_index("kode_wilayah")["nilai"]


def _edges(values: pd.Series, scheme: str, k: int) -> tuple[float, ...]:
    return maps.classify(values, scheme, k=k).bins


def _same_edges(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and bool(np.allclose(a, b, rtol=1e-9, atol=1e-9))


def _check_values(check: Check, peta: maps.ThematicMap, codes: list | None) -> None:
    """Whether the classes are those of INDICATOR in YEAR with SCHEME and K."""
    edges = peta.classes.bins
    asked = f"`{INDICATOR}` tahun {YEAR}"
    how = f"skema {_SCHEME_NAMES[SCHEME]} dengan {K} kelas"
    if not edges:
        check.wrong(
            "Peta ini memakai skema kategori, padahal indikatornya angka.",
            f'Tulis `scheme="{SCHEME}", k={K}` di `maps.thematic_map(...)`, dan '
            'warnai kolom angka `"nilai"`.',
        )
        return
    # Read once: a wrong answer is compared with many years and indicators.
    table = catalog.load("indikator")
    values = _in_map_order(_indicator_values(table, INDICATOR, YEAR), codes)
    if _same_edges(edges, _edges(values, SCHEME, K)):
        if codes is not None and not _classes_match(peta, values):
            check.wrong(
                "Kelasnya benar, tetapi nilainya menempel pada kabupaten/kota yang "
                "salah.",
                "Jangan menempel kolom menurut urutan baris; gabungkan dengan "
                '`wilayah.merge(tabel, left_on="kode", right_on="kode_wilayah")`.',
            )
            return
        check.right(f"Warna peta mengikuti {asked}, {how}.")
        return
    check.wrong(*_why_edges_differ(edges, codes, asked, how, table))


def _in_map_order(values: pd.Series, codes: list | None) -> pd.Series:
    """``values`` in the order of the map's rows, when known, so that the
    expected class of each row can be compared with the map's."""
    return values if codes is None else values.reindex(codes)


def _classes_match(peta: maps.ThematicMap, values: pd.Series) -> bool:
    expected = maps.classify(values, SCHEME, k=K).index
    return tuple(expected) == tuple(peta.classes.index)


def _why_edges_differ(
    edges: tuple[float, ...],
    codes: list | None,
    asked: str,
    how: str,
    table: pd.DataFrame,
) -> tuple[str, str]:
    """The likeliest reason why the classes are not the expected ones."""
    call = f'`scheme="{SCHEME}", k={K}`'
    values = _in_map_order(_indicator_values(table, INDICATOR, YEAR), codes)
    for scheme in ("natural_breaks", "quantiles"):
        for k in range(2, 8):
            if (scheme, k) != (SCHEME, K) and _same_edges(
                edges, _edges(values, scheme, k)
            ):
                return (
                    f"Datanya benar ({asked}), tetapi petanya memakai skema "
                    f"{_SCHEME_NAMES[scheme]} dengan {k} kelas; yang diminta {how}.",
                    f"Tulis {call} di `maps.thematic_map(...)`"
                    + ("; tanpa `k=` petanya memakai 5 kelas." if k == 5 else "."),
                )
    years = table.loc[table["indikator"] == INDICATOR, "tahun"].unique()
    for year in sorted(int(y) for y in years if y != YEAR):
        other = _in_map_order(_indicator_values(table, INDICATOR, year), codes)
        if _same_edges(edges, _edges(other, SCHEME, K)):
            return (
                f"Angka di peta adalah `{INDICATOR}` tahun {year}, bukan {YEAR}.",
                f'Saring tahunnya: `catalog.load("indikator", indikator='
                f'"{INDICATOR}", tahun={YEAR})`.',
            )
    indicators = table.loc[table["tahun"] == YEAR, "indikator"].unique()
    for other in sorted(str(i) for i in indicators if i != INDICATOR):
        found = _in_map_order(_indicator_values(table, other, YEAR), codes)
        if _same_edges(edges, _edges(found, SCHEME, K)):
            return (
                f"Angka di peta adalah indikator `{other}`, bukan `{INDICATOR}`.",
                f'Saring indikatornya: `indikator="{INDICATOR}"`.',
            )
    return (
        f"Kelas peta tidak cocok dengan {asked} ({how}).",
        f'Ambil `catalog.load("indikator", indikator="{INDICATOR}", tahun={YEAR})`, '
        f'gabungkan dengan `wilayah`, lalu petakan kolom `"nilai"` dengan {call}.',
    )


def _check_file(
    check: Check, berkas: object, kind: str, peta: maps.ThematicMap
) -> None:
    """Whether ``berkas`` is the map's ``kind`` twin ("html" or "png"), saved."""
    name = f"berkas_{kind}"
    save = f'peta.save_{kind}("{FOLDER}/latihan_03.{kind}")'
    if isinstance(berkas, maps.ThematicMap):
        check.wrong(
            f"`{name}` berisi peta, bukan nama file.",
            f"Tulis `{name} = {save}`: fungsi itu menyimpan file dan memberi namanya.",
        )
        return
    if not isinstance(berkas, str | Path):
        check.wrong(
            f"`{name}` berisi {type(berkas).__name__}, bukan nama file.",
            f"Tulis `{name} = {save}`.",
        )
        return
    path = Path(berkas)
    if not path.is_file():
        check.wrong(
            f"File `{path}` tidak ada.",
            f"Jalankan `{save}` (sel itu harus dijalankan, bukan hanya ditulis).",
        )
        return
    content = path.read_bytes()
    if not content:
        check.wrong(f"File `{path}` kosong.", f"Simpan lagi: `{save}`.")
        return
    found = "png" if content.startswith(_PNG_MAGIC) else "html"
    if found == "html" and b"<html" not in content[:2000].lower():
        found = "lain"
    if found != kind:
        what = {"png": "gambar PNG", "html": "halaman HTML", "lain": "isi lain"}
        check.wrong(
            f"`{name}` berisi {what[found]}, bukan {what[kind]}.",
            "Mungkin kedua nama file tertukar: HTML dari `peta.save_html(...)`, PNG "
            "dari `peta.save_png(...)`.",
        )
        return
    if path.resolve().parent.name != FOLDER:
        check.wrong(
            f"File `{path}` tidak berada di folder `{FOLDER}/`.",
            f"Awali nama filenya dengan folder itu: `{save}`.",
        )
        return
    if not _is_this_map(content, kind, peta):
        check.wrong(
            f"File `{path}` berisi peta lain, bukan `peta` yang Anda periksa.",
            f"Simpan lagi setelah peta terakhir dibuat: `{save}`.",
        )
        return
    twin = "interaktif (HTML)" if kind == "html" else "statis (PNG)"
    size = number(len(content), 0, "id")
    check.right(f"Kembaran {twin} tersimpan di `{path}` ({size} byte).")


def _is_this_map(content: bytes, kind: str, peta: maps.ThematicMap) -> bool:
    """Whether a saved file holds ``peta``: the same image, or the same title
    and legend for the HTML page (whose element names change on every draw)."""
    if kind == "png":
        return content == peta.png
    page = content.decode("utf-8", errors="replace")
    titles = (peta.title, html.escape(peta.title))
    if not any(f"<title>{title}</title>" in page for title in titles):
        return False
    return all(
        label in page or json.dumps(label)[1:-1] in page
        for label in peta.classes.labels
    )
