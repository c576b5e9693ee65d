"""The regions of North Maluku and the names people use for them.

The province (kode 82), its 10 kabupaten/kota and 118 kecamatan are read from
``lab_lib/data/wilayah.csv`` (Kepmendagri 300.2.2-2138/2025 codes). A region
is identified by its **Kemendagri code**, always written dotted: "82.03".

Kemendagri and BPS number two kabupaten differently:

======================  ==========  ====
region                  Kemendagri  BPS
======================  ==========  ====
Kab. Halmahera Utara    82.03       8205
Kab. Kepulauan Sula     82.05       8203
======================  ==========  ====

so an undotted code such as "8203" is refused unless ``scheme`` says which
numbering it follows. Codes are never guessed from their digits.

>>> resolve("Halut").kode
'82.03'
>>> resolve("8205", scheme="bps").nama
'Kabupaten Halmahera Utara'
>>> resolve("HALMAHERA BARAT").kode_bps
'8201'
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lab_lib.errors import RegionError
from lab_lib.messages import text

__all__ = [
    "PROVINCE_CODE",
    "Region",
    "all_regions",
    "kabkota",
    "kecamatan",
    "province",
    "resolve",
    "resolve_kabkota",
]

PROVINCE_CODE = "82"
SCHEMES = ("kemendagri", "bps")
_TABLE = Path(__file__).parent / "data" / "wilayah.csv"

# Words that name the kind of region rather than the region itself.
_LEVEL_PREFIXES = {
    "provinsi": ("provinsi", "prov"),
    "kabupaten": ("kabupaten", "kab"),
    "kota": ("kota",),
    "kecamatan": ("kecamatan", "kec"),
}


@dataclass(frozen=True)
class Region:
    """One administrative region.

    Attributes
    ----------
    kode : str
        Kemendagri code, dotted ("82", "82.03", "82.03.05").
    kode_bps : str or None
        BPS code ("8205"); None where no BPS code is recorded (kecamatan).
    nama : str
        Official name, e.g. "Kabupaten Halmahera Utara".
    tingkat : str
        Level: "provinsi", "kabupaten", "kota" or "kecamatan".
    kode_induk : str or None
        Code of the region this one belongs to.
    ibukota : str or None
        Capital (ibu kota), where recorded.
    lat, lon : float or None
        Kecamatan centroid in degrees (WGS 84); None for larger regions.
    aliases : tuple of str
        Other names in use ("Halut", "Kota Tidore").
    """

    kode: str
    kode_bps: str | None
    nama: str
    tingkat: str
    kode_induk: str | None = None
    ibukota: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = field(default=(), repr=False)

    @property
    def is_kabkota(self) -> bool:
        """True for a kabupaten or kota."""
        return self.tingkat in ("kabupaten", "kota")

    @property
    def nama_pendek(self) -> str:
        """The name without its level word: "Halmahera Utara", "Ternate"."""
        return _strip_level(self.nama, self.tingkat)

    def __str__(self) -> str:
        prefix = "Kecamatan " if self.tingkat == "kecamatan" else ""
        return f"{prefix}{self.nama} ({self.kode})"


def _strip_level(name: str, level: str) -> str:
    for prefix in ("Kabupaten ", "Kota ", "Provinsi ", "Kecamatan "):
        if level != "kecamatan" and name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _normalise(text: str) -> str:
    """Lower case, punctuation to spaces, single spaces."""
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    return " ".join(text.split())


@cache
def all_regions() -> tuple[Region, ...]:
    """Every region in the reference table, province first."""
    with _TABLE.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return tuple(_row_to_region(row) for row in rows)


def _row_to_region(row: dict[str, str]) -> Region:
    return Region(
        kode=row["kode"],
        kode_bps=row["kode_bps"] or None,
        nama=row["nama"],
        tingkat=row["tingkat"],
        kode_induk=row["kode_induk"] or None,
        ibukota=row["ibukota"] or None,
        lat=float(row["lat"]) if row["lat"] else None,
        lon=float(row["lon"]) if row["lon"] else None,
        aliases=tuple(a for a in row["alias"].split(";") if a),
    )


def province() -> Region:
    """Provinsi Maluku Utara."""
    return _by_code()[PROVINCE_CODE]


def kabkota() -> list[Region]:
    """The 10 kabupaten/kota, in code order."""
    return [r for r in all_regions() if r.is_kabkota]


def kecamatan(kode_kabkota: str | None = None) -> list[Region]:
    """The kecamatan of the province, or of one kabupaten/kota."""
    found = [r for r in all_regions() if r.tingkat == "kecamatan"]
    if kode_kabkota is not None:
        found = [r for r in found if r.kode_induk == kode_kabkota]
    return found


@cache
def _by_code() -> dict[str, Region]:
    return {r.kode: r for r in all_regions()}


@cache
def _by_bps() -> dict[str, Region]:
    return {r.kode_bps: r for r in all_regions() if r.kode_bps}


@cache
def _name_index() -> dict[str, tuple[Region, ...]]:
    """Every normalised spelling we accept, mapped to the regions it names."""
    index: dict[str, list[Region]] = {}
    for region in all_regions():
        for key in _spellings(region):
            bucket = index.setdefault(key, [])
            if region not in bucket:
                bucket.append(region)
    return {key: tuple(regions) for key, regions in index.items()}


def _spellings(region: Region) -> set[str]:
    """The name, short name and aliases, each also with its level word
    ("Kab. Halut", "Kabupaten Halut", "Prov. Malut")."""
    bases = {_normalise(n) for n in (region.nama_pendek, *region.aliases)}
    keys = {_normalise(region.nama), *bases}
    for base in bases:
        for prefix in _LEVEL_PREFIXES[region.tingkat]:
            if not base.startswith(f"{prefix} "):
                keys.add(f"{prefix} {base}")
    return keys


def resolve(
    text: str | Region, scheme: str | None = None, *, kabkota: bool = False
) -> Region:
    """The one region that ``text`` names.

    Parameters
    ----------
    text : str
        A name in any common spelling ("Kab. Halmahera Barat", "HALMAHERA
        BARAT", "Halbar"), a dotted Kemendagri code ("82.03", "82.03.05"), or
        an undotted code ("8201").
    scheme : {"kemendagri", "bps"}, optional
        Which numbering an undotted code follows. Needed only for codes that
        mean different regions in the two schemes (8203 and 8205).
    kabkota : bool
        Where a name fits a kabupaten/kota (or the province) and also a
        kecamatan ("Tidore", "Jailolo"), take the kabupaten/kota. For
        columns that hold kabupaten/kota.

    Returns
    -------
    Region

    Raises
    ------
    RegionError
        When nothing matches (the message lists the closest names), when a
        name matches several regions, or when an undotted code is ambiguous.

    Examples
    --------
    >>> resolve("Kab. Halmahera Barat").kode
    '82.01'
    >>> resolve("82.05").nama
    'Kabupaten Kepulauan Sula'
    >>> resolve("8203")
    Traceback (most recent call last):
    ...
    lab_lib.errors.RegionError: Kode "8203" berarti Kabupaten Halmahera Utara ...
    """
    if isinstance(text, Region):
        return text
    if scheme is not None and scheme not in SCHEMES:
        raise RegionError("region.bad_scheme", scheme=scheme)
    cleaned = str(text).strip()
    if not cleaned:
        raise RegionError("region.empty")
    if re.fullmatch(r"[\d.\s]+", cleaned):
        return _resolve_code(cleaned.replace(" ", ""), scheme)
    return _resolve_name(cleaned, kabkota)


def resolve_kabkota(text: str | Region, scheme: str | None = None) -> Region:
    """Like :func:`resolve`, but only the province or a kabupaten/kota is allowed.

    >>> resolve_kabkota("82").nama
    'Provinsi Maluku Utara'
    """
    region = resolve(text, scheme, kabkota=True)
    if region.tingkat == "kecamatan":
        raise RegionError(
            "region.wrong_level", teks=text, tingkat=region.tingkat, nama=region.nama
        )
    return region


def _resolve_code(code: str, scheme: str | None) -> Region:
    if "." in code and scheme == "bps":
        raise RegionError("region.dotted_bps", teks=code)
    if "." in code or scheme == "kemendagri":
        return _lookup_kemendagri(code, scheme or "kemendagri")
    if scheme == "bps":
        return _lookup(_by_bps(), code, code, "BPS")
    as_kemendagri = _by_code().get(_dot(code))
    as_bps = _by_bps().get(code)
    if as_kemendagri and as_bps and as_kemendagri != as_bps:
        raise RegionError(
            "region.ambiguous_code",
            teks=code,
            kemendagri=as_kemendagri.nama,
            kode=as_kemendagri.kode,
            bps=as_bps.nama,
        )
    found = as_kemendagri or as_bps
    if found is None:
        raise RegionError("region.code_not_found", teks=code, scheme="Kemendagri/BPS")
    return found


def _lookup_kemendagri(code: str, scheme_label: str) -> Region:
    dotted = code if "." in code else _dot(code)
    return _lookup(_by_code(), dotted, code, scheme_label.capitalize())


def _lookup(table: dict[str, Region], key: str, shown: str, scheme: str) -> Region:
    try:
        return table[key]
    except KeyError:
        raise RegionError("region.code_not_found", teks=shown, scheme=scheme) from None


def _dot(code: str) -> str:
    """ "8203" -> "82.03", "820305" -> "82.03.05" (Kemendagri layout)."""
    parts = [code[i : i + 2] for i in range(0, min(len(code), 6), 2)]
    return ".".join(parts + ([code[6:]] if len(code) > 6 else []))


def _resolve_name(text: str, kabkota: bool = False) -> Region:
    key = _normalise(text)
    matches = _name_index().get(key, ())
    if kabkota and len(matches) > 1:
        larger = tuple(r for r in matches if r.tingkat != "kecamatan")
        matches = larger or matches
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        choices = ", ".join(str(r) for r in matches)
        raise RegionError("region.ambiguous_name", teks=text, pilihan=choices)
    raise RegionError("region.not_found", teks=text, saran=_suggest(key))


def _suggest(key: str, limit: int = 3) -> str:
    close = difflib.get_close_matches(key, list(_name_index()), n=limit * 3, cutoff=0.5)
    regions: list[Region] = []
    for spelling in close:
        for region in _name_index()[spelling]:
            if region not in regions:
                regions.append(region)
    if not regions:
        return text("region.no_suggestion")
    return ", ".join(str(r) for r in regions[:limit])
