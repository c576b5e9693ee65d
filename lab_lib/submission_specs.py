"""What an agency may send for each MARIMOI dataset, and under which headers.

A :class:`Spec` per dataset lists its columns (:class:`Field`), the headers
accepted for each (as :func:`lab_lib.submissions.column_name` writes them),
the key that identifies a row and the values compared with stored rows.
:mod:`lab_lib.review` checks a submission against it.

>>> SPECS["indikator"].key
('kode_wilayah', 'tahun', 'indikator')
>>> SPECS["ruas_jalan"].field("panjang_km").aliases[:2]
('panjang', 'panjang_jalan_km')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lab_lib import schemas

__all__ = ["REGION_CODES", "REGION_NAMES", "SPECS", "Field", "Spec"]

# Headers that name a region, after lab_lib.submissions.column_name.
REGION_NAMES = (
    "wilayah",
    "nama_wilayah",
    "kabupaten_kota",
    "kab_kota",
    "kabupaten",
    "kota",
    "nama_kabupaten_kota",
    "nama_kab_kota",
    "kabkota",
)
# Headers of region codes, with the scheme a header declares.
REGION_CODES = {
    "kode": None,
    "kode_wilayah": None,
    "kode_kab_kota": None,
    "kode_kabupaten_kota": None,
    "kode_kabkota": None,
    "kode_kemendagri": "kemendagri",
    "kode_wilayah_kemendagri": "kemendagri",
    "kode_bps": "bps",
    "kode_wilayah_bps": "bps",
}


@dataclass(frozen=True)
class Field:
    """One column of a dataset, as a submission may give it.

    Attributes
    ----------
    name : str
        The dataset's column, e.g. ``"panjang_km"``.
    kind : str
        What a cell must hold: ``region`` (a kabupaten/kota, or the province,
        from a name and/or a code), ``kecamatan`` (one of the row's
        kabupaten/kota), ``year``, ``month`` (YYYY-MM), ``number``,
        ``amount`` (a number of at least 0), ``percent`` (0–100), ``choice``,
        ``text``, ``lat`` or ``lon``.
    aliases : tuple of str
        Other headers accepted for it, written as
        :func:`lab_lib.submissions.column_name` gives them.
    required : bool
        Whether the submission must have the column.
    nullable : bool
        Whether a cell may be empty.
    choices : tuple of str
        The allowed values of a ``choice`` field.
    """

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    required: bool = True
    nullable: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Spec:
    """What a submission to one dataset holds.

    Attributes
    ----------
    dataset : str
        Catalog name.
    fields : tuple of Field
        Its columns (geometry is made from ``lat``/``lon`` fields or taken
        from the stored road with the same ``id_ruas``).
    key : tuple of str
        Columns that identify a row: no two rows may share them, and a stored
        row with the same key and other values is a conflict.
    values : tuple of str
        Columns compared with the stored row of the same key.
    future : str or None
        Year or month column that may not lie in the future.
    geometry : {"points", "ruas"} or None
        How the geometry column is filled.
    """

    dataset: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    values: tuple[str, ...]
    future: str | None = None
    geometry: str | None = None

    def field(self, name: str) -> Field:
        """The field of the dataset's column ``name``."""
        return next(f for f in self.fields if f.name == name)

    @property
    def has_year(self) -> bool:
        """Whether rows carry a year (and ``--tahun`` can supply it)."""
        return any(f.kind == "year" for f in self.fields)

    @property
    def province_rows(self) -> bool:
        """Whether the dataset holds rows for the province itself (code 82),
        so that a row named "Maluku Utara" is data, not a total."""
        return any(f.kind == "region" and f.name == "kode_wilayah" for f in self.fields)


def _field(name: str, kind: str, *aliases: str, **options: Any) -> Field:
    """A :class:`Field` with its accepted headers given inline."""
    return Field(name, kind, tuple(aliases), **options)


_SOURCE = _field("sumber", "text", "sumber_data", "keterangan_sumber", required=False)
_LENGTHS = tuple(
    _field(name, "amount", *aliases)
    for name, aliases in (
        ("panjang_km", ("panjang", "panjang_jalan_km", "panjang_ruas_km")),
        ("baik_km", ("baik", "kondisi_baik_km", "kondisi_jalan_baik_km")),
        ("sedang_km", ("sedang", "kondisi_sedang_km", "kondisi_jalan_sedang_km")),
        (
            "rusak_ringan_km",
            (
                "rusak_ringan",
                "kondisi_rusak_ringan_km",
                "kondisi_jalan_rusak_ringan_km",
            ),
        ),
        (
            "rusak_berat_km",
            ("rusak_berat", "kondisi_rusak_berat_km", "kondisi_jalan_rusak_berat_km"),
        ),
    )
)
_LAT = _field("lat", "lat", "lintang", "latitude", "y", "koordinat_lintang")
_LON = _field("lon", "lon", "bujur", "longitude", "lng", "x", "koordinat_bujur")

SPECS: dict[str, Spec] = {
    spec.dataset: spec
    for spec in (
        Spec(
            "indikator",
            (
                _field("kode_wilayah", "region"),
                _field("tahun", "year"),
                _field(
                    "indikator", "choice", "nama_indikator", choices=schemas.INDICATORS
                ),
                _field("nilai", "number", "angka", nullable=True),
                _field("satuan", "text", required=False),
                _SOURCE,
            ),
            key=("kode_wilayah", "tahun", "indikator"),
            values=("nilai",),
            future="tahun",
        ),
        Spec(
            "target_rpjmd",
            (
                _field("kode_wilayah", "region"),
                _field(
                    "indikator",
                    "choice",
                    "nama_indikator",
                    choices=schemas.TARGET_INDICATORS,
                ),
                _field("tahun", "year"),
                _field("target", "number", "nilai_target"),
                _field("satuan", "text", required=False),
                _field("arah", "choice", "arah_target", choices=("naik", "turun")),
                _field("dokumen", "text", "dokumen_perencanaan"),
                _SOURCE,
            ),
            key=("kode_wilayah", "indikator", "tahun"),
            values=("target", "arah"),
        ),
        Spec(
            "pdrb_lapangan_usaha",
            (
                _field("kode_wilayah", "region"),
                _field("tahun", "year"),
                _field(
                    "kode_lapangan_usaha",
                    "choice",
                    "kode_lu",
                    "kategori",
                    choices=schemas.LAPANGAN_USAHA,
                ),
                _field("lapangan_usaha", "text", "nama_lapangan_usaha"),
                _field("harga", "choice", "dasar_harga", choices=schemas.PRICE_BASES),
                _field(
                    "nilai", "amount", "nilai_miliar_rupiah", "nilai_miliar_rp", "pdrb"
                ),
                _SOURCE,
            ),
            key=("kode_wilayah", "tahun", "kode_lapangan_usaha", "harga"),
            values=("nilai",),
            future="tahun",
        ),
        Spec(
            "ruas_jalan",
            (
                _field("id_ruas", "text", "kode_ruas", "no_ruas", "nomor_ruas"),
                _field("nama_ruas", "text", "nama_ruas_jalan", "ruas"),
                _field("status", "choice", "status_jalan", choices=schemas.ROAD_STATUS),
                _field("kode_kabkota", "region"),
                _field("tahun", "year"),
                *_LENGTHS,
                _SOURCE,
            ),
            key=("id_ruas", "tahun"),
            values=tuple(f.name for f in _LENGTHS),
            future="tahun",
            geometry="ruas",
        ),
        Spec(
            "progres_proyek",
            (
                _field("id_proyek", "text", "kode_proyek", "kode_paket", "id_paket"),
                _field("bulan", "month", "periode", "bulan_laporan"),
                _field(
                    "rencana_kumulatif_pct",
                    "percent",
                    "rencana_pct",
                    "rencana_kumulatif",
                    "rencana",
                ),
                _field(
                    "realisasi_kumulatif_pct",
                    "percent",
                    "realisasi_fisik_pct",
                    "realisasi_kumulatif",
                    "realisasi_fisik",
                    "realisasi_pct",
                    "realisasi",
                    nullable=True,
                ),
                _field(
                    "realisasi_keuangan_pct",
                    "percent",
                    "realisasi_keuangan",
                    "keuangan_pct",
                    nullable=True,
                    required=False,
                ),
                _SOURCE,
            ),
            key=("id_proyek", "bulan"),
            values=(
                "rencana_kumulatif_pct",
                "realisasi_kumulatif_pct",
                "realisasi_keuangan_pct",
            ),
            future="bulan",
        ),
        Spec(
            "fasilitas",
            (
                _field("id_fasilitas", "text", "kode_fasilitas", "id"),
                _field("nama", "text", "nama_fasilitas"),
                _field(
                    "jenis",
                    "choice",
                    "jenis_fasilitas",
                    choices=schemas.FACILITY_TYPES,
                ),
                _field("kode_kabkota", "region"),
                _field("kode_kecamatan", "kecamatan", "kecamatan", "nama_kecamatan"),
                _LAT,
                _LON,
                _SOURCE,
            ),
            key=("id_fasilitas",),
            values=("nama", "jenis", "kode_kecamatan", "geometry"),
            geometry="points",
        ),
    )
}
