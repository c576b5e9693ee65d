"""What each MARIMOI dataset must look like.

One pandera schema per catalog entry. :func:`validate` checks a frame against
its schema, collects every problem at once and raises one
:class:`~lab_lib.errors.DataValidationError` naming the dataset, the column,
the offending rows and values, and what to do.

Region codes are checked against :mod:`lab_lib.regions`, so a BPS code or a
misspelt code in a Kemendagri column is caught on load.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from lab_lib import regions
from lab_lib.errors import DataValidationError, LabError
from lab_lib.messages import language, text

__all__ = ["SCHEMAS", "validate"]

ROAD_STATUS = ("nasional", "provinsi", "kabupaten")
FUNDING = ("APBD", "APBN", "DAK")
FACILITY_TYPES = (
    "pelabuhan",
    "bandara",
    "rumah_sakit",
    "puskesmas",
    "puskesmas_pembantu",
    "sd",
    "smp",
    "sma",
    "smk",
    "pasar",
    "bank",
    "kantor_pos",
)
# The 17 BPS lapangan usaha (KBLI 2020) of GRDP tables, by code.
LAPANGAN_USAHA = (
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M,N",
    "O",
    "P",
    "Q",
    "R,S,T,U",
)
PRICE_BASES = ("ADHB", "ADHK")
INDICATORS = (
    "jumlah_penduduk",
    "persentase_penduduk_miskin",
    "ipm",
    "pdrb_per_kapita_adhb",
    "pertumbuhan_ekonomi",
    "akses_air_minum_layak",
    "akses_sanitasi_layak",
    "rasio_elektrifikasi",
)
TARGET_INDICATORS = (*INDICATORS, "kemantapan_jalan")
YEARS = (2000, 2100)

# Problems a check can report, by the check's `error` key.
PROBLEMS = {
    "kode_wilayah": {
        "id": "bukan kode Kemendagri provinsi/kabupaten/kota Maluku Utara",
        "en": "not a Kemendagri code of North Maluku or its kabupaten/kota",
    },
    "kode_kecamatan": {
        "id": "bukan kode Kemendagri kecamatan di Maluku Utara",
        "en": "not a Kemendagri kecamatan code in North Maluku",
    },
    "tahun": {"id": "tahun di luar 2000–2100", "en": "year outside 2000–2100"},
    "non_negative": {"id": "tidak boleh negatif", "en": "must not be negative"},
    "percent": {"id": "persen harus 0–100", "en": "percent must be 0–100"},
    "choice": {"id": "bukan salah satu nilai yang sah", "en": "not one of the allowed"},
    "unique": {"id": "nilai ganda", "en": "duplicate value"},
    "dtype": {"id": "tipe data salah", "en": "wrong data type"},
    "null": {"id": "kosong", "en": "empty"},
    "geometry": {"id": "geometri kosong atau tidak sah", "en": "empty or invalid geom"},
    "month": {"id": "bulan harus berformat YYYY-MM", "en": "month must be YYYY-MM"},
    "sum": {
        "id": "jumlah panjang per kondisi tidak sama dengan panjang_km",
        "en": "lengths by condition do not add up to panjang_km",
    },
    "coordinate": {
        "id": "koordinat di luar Maluku Utara (lintang/bujur tertukar?)",
        "en": "coordinate outside North Maluku (latitude/longitude swapped?)",
    },
    "kode_bps": {
        "id": "kode_bps tidak cocok dengan kode Kemendagri di kolom kode "
        "(ingat: 82.03 = BPS 8205, 82.05 = BPS 8203)",
        "en": "kode_bps does not match the Kemendagri code in column kode "
        "(remember: 82.03 = BPS 8205, 82.05 = BPS 8203)",
    },
    "other": {"id": "tidak lolos pemeriksaan", "en": "failed the check"},
}


# Problems that concern whole rows rather than one column.
ROW_PROBLEMS = ("sum", "kode_bps")


def _codes(level: Callable[[regions.Region], bool]) -> list[str]:
    return [r.kode for r in regions.all_regions() if level(r)]


def _kabkota_code(**kwargs: object) -> pa.Column:
    valid = _codes(lambda r: r.tingkat != "kecamatan")
    return pa.Column(str, pa.Check.isin(valid, error="kode_wilayah"), **kwargs)


def _kecamatan_code(**kwargs: object) -> pa.Column:
    valid = _codes(lambda r: r.tingkat == "kecamatan")
    return pa.Column(str, pa.Check.isin(valid, error="kode_kecamatan"), **kwargs)


def _year() -> pa.Column:
    return pa.Column(int, pa.Check.in_range(*YEARS, error="tahun"), coerce=True)


def _amount(**kwargs: object) -> pa.Column:
    return pa.Column(float, pa.Check.ge(0, error="non_negative"), coerce=True, **kwargs)


def _percent(**kwargs: object) -> pa.Column:
    check = pa.Check.in_range(0, 100, error="percent")
    return pa.Column(float, check, coerce=True, **kwargs)


def _choice(values: tuple[str, ...]) -> pa.Column:
    return pa.Column(str, pa.Check.isin(list(values), error="choice"))


def _text(**kwargs: object) -> pa.Column:
    return pa.Column(str, **kwargs)


_GEOMETRY = pa.Column(
    checks=pa.Check(
        lambda s: s.notna() & ~s.is_empty & s.is_valid,
        element_wise=False,
        error="geometry",
    ),
    nullable=False,
)

_ROAD_LENGTHS_ADD_UP = pa.Check(
    lambda df: (
        (
            df[["baik_km", "sedang_km", "rusak_ringan_km", "rusak_berat_km"]].sum(
                axis=1
            )
            - df["panjang_km"]
        ).abs()
        <= 0.05
    ),
    error="sum",
)

_BPS_MATCHES_KEMENDAGRI = pa.Check(
    lambda df: (
        df["kode_bps"].astype(str)
        == df["kode"].map({r.kode: r.kode_bps for r in regions.all_regions()})
    ),
    error="kode_bps",
)

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "wilayah_kabkota": pa.DataFrameSchema(
        {
            "kode": _kabkota_code(unique=True),
            "kode_bps": _text(),
            "nama": _text(),
            "jenis": _choice(("kabupaten", "kota")),
            "ibukota": _text(),
            "luas_km2": _amount(),
            "geometry": _GEOMETRY,
        },
        checks=[_BPS_MATCHES_KEMENDAGRI],
    ),
    "wilayah_kecamatan": pa.DataFrameSchema(
        {
            "kode": _kecamatan_code(unique=True),
            "kode_kabkota": _kabkota_code(),
            "nama": _text(),
            "lat": pa.Column(
                float, pa.Check.in_range(-3, 3, error="coordinate"), coerce=True
            ),
            "lon": pa.Column(
                float, pa.Check.in_range(123, 131, error="coordinate"), coerce=True
            ),
            "geometry": _GEOMETRY,
        }
    ),
    "indikator": pa.DataFrameSchema(
        {
            "kode_wilayah": _kabkota_code(),
            "tahun": _year(),
            "indikator": _choice(INDICATORS),
            "nilai": pa.Column(float, coerce=True, nullable=True),
            "satuan": _text(),
            "sumber": _text(),
        },
        unique=["kode_wilayah", "tahun", "indikator"],
        report_duplicates="all",
    ),
    "pdrb_lapangan_usaha": pa.DataFrameSchema(
        {
            "kode_wilayah": _kabkota_code(),
            "tahun": _year(),
            "kode_lapangan_usaha": _choice(LAPANGAN_USAHA),
            "lapangan_usaha": _text(),
            "harga": _choice(PRICE_BASES),
            "nilai": _amount(),
            "sumber": _text(),
        },
        unique=["kode_wilayah", "tahun", "kode_lapangan_usaha", "harga"],
        report_duplicates="all",
    ),
    "target_rpjmd": pa.DataFrameSchema(
        {
            "kode_wilayah": _kabkota_code(),
            "indikator": _choice(TARGET_INDICATORS),
            "tahun": _year(),
            "target": pa.Column(float, coerce=True),
            "satuan": _text(),
            "arah": _choice(("naik", "turun")),
            "dokumen": _text(),
            "sumber": _text(),
        },
        unique=["kode_wilayah", "indikator", "tahun"],
        report_duplicates="all",
    ),
    "ruas_jalan": pa.DataFrameSchema(
        {
            "id_ruas": _text(),
            "nama_ruas": _text(),
            "status": _choice(ROAD_STATUS),
            "kode_kabkota": _kabkota_code(),
            "tahun": _year(),
            "panjang_km": _amount(),
            "baik_km": _amount(),
            "sedang_km": _amount(),
            "rusak_ringan_km": _amount(),
            "rusak_berat_km": _amount(),
            "sumber": _text(),
            "geometry": _GEOMETRY,
        },
        checks=[_ROAD_LENGTHS_ADD_UP],
        unique=["id_ruas", "tahun"],
        report_duplicates="all",
    ),
    "proyek": pa.DataFrameSchema(
        {
            "id_proyek": _text(unique=True),
            "nama_proyek": _text(),
            "opd": _text(),
            "sektor": _text(),
            "kode_kabkota": _kabkota_code(),
            "kode_kecamatan": _kecamatan_code(),
            "tahun_anggaran": _year(),
            "nilai_kontrak": _amount(),
            "sumber_dana": _choice(FUNDING),
            "tanggal_kontrak": pa.Column("datetime64[ns]", coerce=True),
            "tanggal_mulai": pa.Column("datetime64[ns]", coerce=True),
            "tanggal_selesai": pa.Column("datetime64[ns]", coerce=True),
            "sumber": _text(),
            "geometry": _GEOMETRY,
        }
    ),
    "progres_proyek": pa.DataFrameSchema(
        {
            "id_proyek": _text(),
            "bulan": pa.Column(
                str, pa.Check.str_matches(r"^\d{4}-(0[1-9]|1[0-2])$", error="month")
            ),
            "rencana_kumulatif_pct": _percent(),
            "realisasi_kumulatif_pct": _percent(nullable=True),
            "realisasi_keuangan_pct": _percent(nullable=True),
            "sumber": _text(),
        },
        unique=["id_proyek", "bulan"],
        report_duplicates="all",
    ),
    "fasilitas": pa.DataFrameSchema(
        {
            "id_fasilitas": _text(unique=True),
            "nama": _text(),
            "jenis": _choice(FACILITY_TYPES),
            "kode_kabkota": _kabkota_code(),
            "kode_kecamatan": _kecamatan_code(),
            "sumber": _text(),
            "geometry": _GEOMETRY,
        }
    ),
}


def validate(
    frame: pd.DataFrame, dataset: str, path: str = "", first_row: int = 1
) -> pd.DataFrame:
    """Check ``frame`` against the schema of ``dataset`` and return it coerced.

    Parameters
    ----------
    frame : DataFrame
        The data as read.
    dataset : str
        Catalog name; selects the schema.
    path : str
        File the data came from, for the message.
    first_row : int
        Row number of the frame's first row in the file (2 for a CSV with a
        header line, 1 for a GeoJSON feature list), so messages point at the
        row a user sees in the file.

    Raises
    ------
    DataValidationError
        Listing every failing column with its rows and values.
    """
    schema = SCHEMAS[dataset]
    try:
        return schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        details = _describe(exc.failure_cases, schema, first_row)
        raise DataValidationError(
            "data.schema", dataset=dataset, path=path, rincian=details
        ) from None


def _describe(
    cases: pd.DataFrame, schema: pa.DataFrameSchema, first_row: int, shown: int = 5
) -> str:
    """One line per (column, problem), with the first few rows and values."""
    lines = []
    cases = cases.assign(problem=cases["check"].map(problem_key))
    missing = cases[cases["problem"] == "missing"]
    for column in missing["failure_case"].unique():
        lines.append(text("data.schema_missing_column", kolom=column))
    for problem, group in cases[cases["problem"].isin(ROW_PROBLEMS)].groupby("problem"):
        lines.append(
            text(
                "data.schema_rows",
                baris=_rows(group, first_row, shown),
                masalah=PROBLEMS[problem][language()],
            )
        )
    per_column = cases[~cases["problem"].isin(("missing", *ROW_PROBLEMS))]
    for (column, problem), group in per_column.groupby(
        [per_column["column"].fillna("-"), "problem"], sort=True
    ):
        bad = list(group["failure_case"].unique())
        problem_text = PROBLEMS[problem][language()] + _hint(
            schema, column, problem, bad
        )
        lines.append(
            text(
                "data.schema_line",
                kolom=column,
                baris=_rows(group, first_row, shown),
                masalah=problem_text,
                nilai=", ".join(repr(v) for v in bad[:shown]),
            )
        )
    return "\n".join(lines)


def _rows(group: pd.DataFrame, first_row: int, shown: int) -> str:
    """ "3, 7, 9 …": file row numbers of the failing rows."""
    indices = group["index"].dropna().unique()
    rows = ", ".join(str(int(i) + first_row) for i in indices[:shown])
    return (rows + (" …" if len(indices) > shown else "")) or "-"


def _hint(schema: pa.DataFrameSchema, column: str, problem: str, bad: list) -> str:
    """What the valid values are, where a short list or a fix can be given."""
    if problem == "choice":
        allowed = _allowed_values(schema, column)
        return (
            text("data.schema_allowed", pilihan=", ".join(allowed)) if allowed else ""
        )
    if problem in ("kode_wilayah", "kode_kecamatan"):
        fixes = [_bps_fix(str(value)) for value in bad]
        fixes = [fix for fix in fixes if fix]
        return f" ({'; '.join(fixes)})" if fixes else ""
    return ""


def _allowed_values(schema: pa.DataFrameSchema, column: str) -> list[str]:
    if column not in schema.columns:
        return []
    for check in schema.columns[column].checks:
        values = (check.statistics or {}).get("allowed_values")
        if values:
            return [str(v) for v in values]
    return []


def _bps_fix(value: str) -> str:
    """ "kode BPS 8205 = 82.03" when ``value`` is a BPS code, else ""."""
    if not value.isdigit():
        return ""
    try:
        region = regions.resolve(value, scheme="bps")
    except LabError:
        return ""
    return text("data.schema_bps_code", bps=value, kode=region.kode)


def problem_key(check: object) -> str:
    """The :data:`PROBLEMS` key of a pandera check name ("missing" for an
    absent column)."""
    check = str(check)
    if check in PROBLEMS:
        return check
    if check.startswith("column_in_dataframe"):
        return "missing"
    if check.startswith(("dtype", "coerce_dtype")):
        return "dtype"
    if check.startswith("not_nullable"):
        return "null"
    if check.startswith(("field_uniqueness", "multiple_fields_uniqueness")):
        return "unique"
    return "other"
