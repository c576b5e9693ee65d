"""What each brief found, as rows of the results table ``hasil_analisis``.

Every built brief writes its key figures, its classifications and its
recommendations, with the evidence and data behind them, to one table that
MARIMOI reads to show them beside its dashboards:

* in PostgreSQL as ``marimoi.hasil_analisis`` when ``MINILAB_DB_URL`` is set
  (see :mod:`lab_lib.postgis`); the table is created when it is missing;
* else in the GeoPackage ``hasil_analisis.gpkg`` in the briefs folder (layer
  ``hasil_analisis``, without geometry), readable with QGIS, GDAL or
  :func:`read`.

A build takes one id from :func:`new_build_id`, calls :func:`prepare`
before its first brief runs, and :func:`write` with each built brief's
summary; :func:`read` returns the rows, all or some. Every failure is a
:class:`~lab_lib.errors.PaperError` that says where and why.

One brief is one theme for one region, year and language. Its rows are
keyed by ``(tema, kode_wilayah, tahun, bahasa, jenis, urutan)``, and
rebuilding the brief replaces all of them: in the database by DELETE and
INSERT in one transaction, in the file by writing a new file beside it and
moving it over the old one. A reader sees the old rows or the new ones, never
a mixture or a duplicate, and a write that fails leaves the old rows.

Columns (type in the database; meaning):

``tema`` (text)
    Theme of the brief, e.g. ``kesenjangan_wilayah``.
``kode_wilayah`` (text)
    Region of the brief: ``82`` for the province or the Kemendagri code of a
    kabupaten/kota, e.g. ``82.03``.
``nama_wilayah`` (text)
    Name of that region, e.g. "Kabupaten Halmahera Utara".
``tahun`` (integer)
    Year of analysis.
``bahasa`` (text)
    Language of the brief and of the texts in the row: ``id`` or ``en``.
``build`` (text)
    Id of the build that wrote the row, e.g. ``20261204T063000Z-3f9a``
    (UTC time and a random suffix); the same for every brief of one
    ``minilab build`` or ``minilab paper`` run.
``dibuat_pada`` (timestamp with time zone)
    When the row was written.
``jenis`` (text)
    Kind of row: ``angka_kunci`` (key figure), ``klasifikasi``
    (classification) or ``rekomendasi`` (recommendation).
``urutan`` (integer)
    Position of the row among the brief's rows of its ``jenis``, from 1, in
    the order of the brief.
``label`` (text)
    The row's words: the key figure's label, the name of what is classified,
    or the recommendation's text.
``nilai`` (double precision, may be empty)
    The key figure's unrounded number.
``nilai_teks`` (text, may be empty)
    The key figure as the brief shows it, e.g. "71,2%".
``satuan`` (text, may be empty)
    Unit of ``nilai``, e.g. ``%``, ``km``, ``paket``.
``catatan`` (text, may be empty)
    The key figure's note, e.g. "target RPJMD 2024: 80,0%".
``subjek`` (text, may be empty)
    Code of what is classified: a region code, a package id, a segment id.
``kelas`` (text, may be empty)
    The class it is in, e.g. "IV. Relatif tertinggal".
``skema`` (text, may be empty)
    The classification, e.g. ``klassen``, ``proyek_kritis``.
``bukti`` (text, may be empty)
    The figures and tables of the brief the row stands on, e.g.
    "Gambar 2; Tabel 1".
``dataset`` (text)
    Catalog datasets behind the row, comma separated, e.g.
    ``ruas_jalan,target_rpjmd``.
``sampel`` (boolean)
    True when the brief was built from sample (synthetic) data.

>>> summary = {
...     "tema": "kondisi_jalan", "wilayah": {"kode": "82.03", "nama": "Halut"},
...     "tahun": 2024, "bahasa": "id", "datasets": [],
...     "key_figures": [{"label": "Kemantapan", "value": "71,2%", "note": "",
...                      "number": 71.23, "unit": "%", "datasets": ["ruas_jalan"]}],
...     "recommendations": [],
... }
>>> frame = rows(summary, build="20261204T063000Z-3f9a")
>>> frame[["jenis", "urutan", "label", "nilai", "satuan"]].to_dict("records")
[{'jenis': 'angka_kunci', 'urutan': 1, 'label': 'Kemantapan', 'nilai': 71.23,
  'satuan': '%'}]
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from lab_lib import postgis, regions
from lab_lib.errors import LabError, PaperError
from lab_lib.files import PARTIAL_SUFFIX, folder_lock
from lab_lib.messages import text

__all__ = [
    "COLUMNS",
    "GEOPACKAGE",
    "KEY",
    "KINDS",
    "TABLE",
    "destination",
    "new_build_id",
    "prepare",
    "read",
    "rows",
    "write",
]

log = logging.getLogger(__name__)

#: Name of the table, and of the GeoPackage layer.
TABLE = "hasil_analisis"
#: The file that holds the table when no database is configured.
GEOPACKAGE = f"{TABLE}.gpkg"
#: The kinds of row, in the order a brief's rows are written.
KINDS = ("angka_kunci", "klasifikasi", "rekomendasi")

#: Every column and its type in PostgreSQL, in table order.
COLUMNS: dict[str, str] = {
    "tema": "text NOT NULL",
    "kode_wilayah": "text NOT NULL",
    "nama_wilayah": "text NOT NULL",
    "tahun": "integer NOT NULL",
    "bahasa": "text NOT NULL",
    "build": "text NOT NULL",
    "dibuat_pada": "timestamptz NOT NULL",
    "jenis": f"text NOT NULL CHECK (jenis IN {KINDS!r})",
    "urutan": "integer NOT NULL",
    "label": "text NOT NULL",
    "nilai": "double precision",
    "nilai_teks": "text",
    "satuan": "text",
    "catatan": "text",
    "subjek": "text",
    "kelas": "text",
    "skema": "text",
    "bukti": "text",
    "dataset": "text NOT NULL",
    "sampel": "boolean NOT NULL",
}
#: The primary key: one brief (the first four) and one row of it.
KEY = ("tema", "kode_wilayah", "tahun", "bahasa", "jenis", "urutan")
BRIEF_KEY = KEY[:4]
#: MARIMOI reads a region's results for a year.
INDEX = ("kode_wilayah", "tahun", "jenis")

_TEXT = [c for c in COLUMNS if COLUMNS[c].startswith("text")]
_SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")

# What MARIMOI's users see when they open the table in a database tool.
_COMMENTS = {
    TABLE: "Hasil analisis setiap brief Mini-Lab IPW: angka kunci, klasifikasi "
    "dan rekomendasi beserta bukti dan datasetnya. Satu brief = tema, "
    "kode_wilayah, tahun, bahasa; membangun ulang brief mengganti semua "
    "barisnya.",
    "tema": "Tema brief, mis. kesenjangan_wilayah.",
    "kode_wilayah": "Wilayah brief: 82 (provinsi) atau kode Kemendagri "
    "kabupaten/kota, mis. 82.03.",
    "nama_wilayah": "Nama wilayah brief.",
    "tahun": "Tahun analisis.",
    "bahasa": "Bahasa brief dan teks baris ini: id atau en.",
    "build": "Id pembangunan yang menulis baris ini (waktu UTC dan akhiran acak).",
    "dibuat_pada": "Waktu baris ini ditulis.",
    "jenis": "angka_kunci, klasifikasi atau rekomendasi.",
    "urutan": "Urutan baris di antara baris sejenis dari brief ini, mulai 1.",
    "label": "Label angka kunci, nama yang diklasifikasi, atau teks rekomendasi.",
    "nilai": "Angka kunci tanpa pembulatan.",
    "nilai_teks": "Angka kunci seperti tertulis di brief, mis. 71,2%.",
    "satuan": "Satuan nilai, mis. %, km, paket.",
    "catatan": "Catatan angka kunci, mis. target RPJMD.",
    "subjek": "Kode yang diklasifikasi: kode wilayah, id paket, id ruas.",
    "kelas": "Kelas hasil klasifikasi, mis. IV. Relatif tertinggal.",
    "skema": "Skema klasifikasi, mis. klassen, proyek_kritis.",
    "bukti": "Gambar dan tabel brief yang menjadi bukti, mis. Gambar 2; Tabel 1.",
    "dataset": "Dataset katalog di balik baris ini, dipisah koma.",
    "sampel": "Benar bila brief dibangun dari data sampel (sintetis).",
}


def new_build_id(now: dt.datetime | None = None) -> str:
    """An id for one build: its UTC time and a random suffix.

    Two builds started in the same second still get different ids.

    >>> when = dt.datetime(2026, 12, 4, 6, 30, tzinfo=dt.UTC)
    >>> new_build_id(when)[:17]
    '20261204T063000Z-'
    >>> new_build_id(when) == new_build_id(when)
    False
    """
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return f"{moment:%Y%m%dT%H%M%SZ}-{secrets.token_hex(2)}"


def rows(
    summary: Mapping[str, Any],
    *,
    build: str,
    dibuat_pada: dt.datetime | None = None,
) -> pd.DataFrame:
    """The results rows of one brief, from its summary.

    Parameters
    ----------
    summary : mapping
        What :meth:`lab_lib.brief.Brief.summary` returns (carried by
        :attr:`lab_lib.paper.PaperResult.summary`).
    build : str
        Id of the build, from :func:`new_build_id`.
    dibuat_pada : datetime, optional
        Time of writing (default: now, UTC, to the second).

    Returns
    -------
    pandas.DataFrame
        One row per key figure, classification and recommendation, with the
        columns :data:`COLUMNS`.
    """
    return _frame(_records(summary, build, dibuat_pada))


def write(
    summary: Mapping[str, Any],
    *,
    build: str,
    dibuat_pada: dt.datetime | None = None,
    out_dir: Path | None = None,
) -> int:
    """Replace the results rows of the brief of ``summary``.

    Written to the database when ``MINILAB_DB_URL`` is set, else to
    ``hasil_analisis.gpkg`` in ``out_dir``. Every earlier row of the same
    brief (theme, region, year, language) is removed in the same step.

    Parameters
    ----------
    summary : mapping
        The brief's summary (see :func:`rows`).
    build : str
        Id of the build.
    dibuat_pada : datetime, optional
        Time of writing (default: now).
    out_dir : Path, optional
        The briefs folder (default :func:`lab_lib.paper.papers_dir`); used
        only without a database.

    Returns
    -------
    int
        The number of rows the brief now has.

    Raises
    ------
    PaperError
        The rows could not be written; the earlier rows are unchanged.
    """
    records = _records(summary, build, dibuat_pada)
    try:
        if postgis.configured():
            _write_database(summary, records)
        else:
            _write_file(_geopackage(out_dir), summary, records)
    except _Failed as exc:
        raise PaperError(
            "results.not_written",
            tema=summary["tema"],
            wilayah=summary["wilayah"]["nama"],
            tahun=summary["tahun"],
            tujuan=destination(out_dir),
            sebab=exc.cause,
        ) from None
    log.info("%d baris hasil analisis untuk %s", len(records), _brief_name(summary))
    return len(records)


def read(
    *,
    tema: str | None = None,
    wilayah: str | None = None,
    tahun: int | None = None,
    bahasa: str | None = None,
    jenis: str | None = None,
    out_dir: Path | None = None,
) -> pd.DataFrame:
    """The results rows, all of them or those of one theme, region, year...

    Read from the database when ``MINILAB_DB_URL`` is set, else from
    ``hasil_analisis.gpkg`` in ``out_dir``. No table or file yet means no
    rows.

    Parameters
    ----------
    tema, bahasa, jenis : str, optional
        Keep only rows with this theme, language, kind of row.
    wilayah : str, optional
        Keep only the rows of briefs of this region: a code or a name, as
        :func:`lab_lib.regions.resolve_kabkota` accepts.
    tahun : int, optional
        Keep only rows of this year.
    out_dir : Path, optional
        The briefs folder (default :func:`lab_lib.paper.papers_dir`).

    Returns
    -------
    pandas.DataFrame
        The columns :data:`COLUMNS`, sorted by :data:`KEY`.

    Raises
    ------
    PaperError
        The table or file exists but cannot be read.
    """
    wanted = {
        "tema": tema,
        "kode_wilayah": None if wilayah is None else _region_code(wilayah),
        "tahun": None if tahun is None else int(tahun),
        "bahasa": bahasa,
        "jenis": jenis,
    }
    wanted = {column: value for column, value in wanted.items() if value is not None}
    try:
        if postgis.configured():
            return _read_database(wanted)
        frame = _read_file(_geopackage(out_dir))
    except _Failed as exc:
        raise PaperError(
            "results.not_read", sumber=destination(out_dir), sebab=exc.cause
        ) from None
    for column, value in wanted.items():
        frame = frame[frame[column] == value]
    return frame.reset_index(drop=True)


def prepare(out_dir: Path | None = None) -> None:
    """Make sure results can be written, before any brief is built.

    With a database: connect, and create the schema, table and index when
    they are missing. Without one: check that an existing
    ``hasil_analisis.gpkg`` can be read. Nothing is created in ``out_dir``.

    Raises
    ------
    PaperError
        Results could not be written; the message says why and where.
    """
    database = postgis.configured()
    try:
        if database:
            with _transaction() as connection:
                _ensure_table(connection)
        else:
            _read_file(_geopackage(out_dir))
    except _Failed as exc:
        raise PaperError(
            "results.db_not_ready" if database else "results.not_ready",
            tujuan=destination(out_dir),
            sebab=exc.cause,
            env=postgis.DB_ENV,
        ) from None


def destination(out_dir: Path | None = None) -> str:
    """Where the results go, in words, for messages (no password)."""
    if postgis.configured():
        return text(
            "results.in_database",
            tabel=f"{postgis.SCHEMA}.{TABLE}",
            alamat=postgis.redacted(),
        )
    return text("results.in_file", path=_geopackage(out_dir))


class _Failed(Exception):
    """Reading or writing the table failed; ``cause`` says why, on one line."""

    def __init__(self, cause: str) -> None:
        super().__init__(cause)
        # Without its final full stop, to sit inside the user's message.
        self.cause = " ".join(cause.split()).rstrip(".")


# Rows ---------------------------------------------------------------------


def _records(
    summary: Mapping[str, Any], build: str, when: dt.datetime | None
) -> list[dict[str, Any]]:
    """Plain rows (one dict each) of a brief's summary."""
    moment = when or dt.datetime.now(dt.UTC).replace(microsecond=0)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)  # a time without a zone is UTC
    common = {
        **_brief_key(summary),
        "nama_wilayah": summary["wilayah"]["nama"],
        "build": build,
        "dibuat_pada": moment,
        "sampel": any(d.get("synthetic") for d in summary.get("datasets", [])),
    }
    found = []
    for number, item in enumerate(summary.get("key_figures", []), start=1):
        found.append(
            {
                "jenis": "angka_kunci",
                "urutan": number,
                "label": item["label"],
                "nilai": item.get("number"),
                "nilai_teks": item["value"],
                "satuan": item.get("unit") or None,
                "catatan": item.get("note") or None,
                "dataset": ",".join(item["datasets"]),
            }
        )
    for number, item in enumerate(summary.get("classifications", []), start=1):
        found.append(
            {
                "jenis": "klasifikasi",
                "urutan": number,
                "label": item["name"],
                "subjek": item["subject"],
                "kelas": item["category"],
                "skema": item["scheme"],
                "bukti": "; ".join(item.get("evidence", [])) or None,
                "dataset": ",".join(item["datasets"]),
            }
        )
    for number, item in enumerate(summary.get("recommendations", []), start=1):
        found.append(
            {
                "jenis": "rekomendasi",
                "urutan": number,
                "label": item["text"],
                "bukti": "; ".join(e["label"] for e in item["evidence"]) or None,
                "dataset": ",".join(item["datasets"]),
            }
        )
    return [{**dict.fromkeys(COLUMNS), **common, **row} for row in found]


def _frame(data: Any) -> pd.DataFrame:
    """``data`` as a table of :data:`COLUMNS` with the same types everywhere.

    Empty texts are None, an empty ``nilai`` is NaN, and times are UTC, so
    rows read from the database and from the file compare equal.
    """
    frame = pd.DataFrame(data, columns=list(COLUMNS))
    for column in _TEXT:
        values = frame[column].astype(object)
        frame[column] = values.where(values.notna(), None)
    frame["tahun"] = frame["tahun"].astype("int64")
    frame["urutan"] = frame["urutan"].astype("int64")
    frame["nilai"] = pd.to_numeric(frame["nilai"]).astype("float64")
    frame["sampel"] = frame["sampel"].astype(bool)
    frame["dibuat_pada"] = pd.to_datetime(frame["dibuat_pada"], utc=True).astype(
        "datetime64[us, UTC]"
    )
    # By brief, then kind (alphabetical, as in KINDS), then place in the brief.
    return frame.sort_values(list(KEY), kind="stable").reset_index(drop=True)


# Database -----------------------------------------------------------------


@contextmanager
def _transaction(lock: bool = True) -> Iterator[Any]:
    """One transaction; with ``lock``, the only writer of the table until it ends.

    The lock keeps two builds that create the table, or rebuild the same
    brief, at the same moment from colliding on the primary key.
    """
    import psycopg

    try:
        with postgis.connect() as connection:
            if lock:
                connection.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                    [f"{postgis.SCHEMA}.{TABLE}"],
                )
            yield connection
    except psycopg.Error as exc:
        # The server's own sentence, without the echo of the statement.
        raise _Failed(exc.diag.message_primary or str(exc)) from None
    except LabError as exc:  # no database at that address
        raise _Failed(str(exc)) from None


def _table_exists(connection: Any) -> bool:
    qualified = f"{postgis.SCHEMA}.{TABLE}"
    found = connection.execute("SELECT to_regclass(%s)", [qualified]).fetchone()
    return found[0] is not None


def _ensure_table(connection: Any) -> None:
    """Create the schema, table, index and comments when the table is missing.

    The table is looked up first: a MARIMOI role that may write rows but not
    create tables can then still use a table made by someone else.
    """
    from psycopg import sql

    if _table_exists(connection):
        return
    found = connection.execute(
        "SELECT 1 FROM pg_namespace WHERE nspname = %s", [postgis.SCHEMA]
    ).fetchone()
    if found is None:  # creating a schema needs more rights than using one
        schema = sql.Identifier(postgis.SCHEMA)
        connection.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(schema))
    table = sql.Identifier(postgis.SCHEMA, TABLE)
    columns = sql.SQL(", ").join(
        sql.SQL("{} {}").format(sql.Identifier(name), sql.SQL(kind))
        for name, kind in COLUMNS.items()
    )
    connection.execute(
        sql.SQL("CREATE TABLE IF NOT EXISTS {} ({}, PRIMARY KEY ({}))").format(
            table, columns, _identifiers(KEY)
        )
    )
    connection.execute(
        sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} ({})").format(
            sql.Identifier(f"{TABLE}_wilayah_tahun_idx"), table, _identifiers(INDEX)
        )
    )
    # COMMENT takes no bound parameters; the texts are this module's constants.
    comment = sql.Literal(_COMMENTS[TABLE])
    connection.execute(sql.SQL("COMMENT ON TABLE {} IS {}").format(table, comment))
    for name in COLUMNS:
        connection.execute(
            sql.SQL("COMMENT ON COLUMN {}.{} IS {}").format(
                table, sql.Identifier(name), sql.Literal(_COMMENTS[name])
            )
        )


def _identifiers(names: tuple[str, ...]) -> Any:
    from psycopg import sql

    return sql.SQL(", ").join(sql.Identifier(name) for name in names)


def _conditions(columns: tuple[str, ...]) -> Any:
    """``a = %s AND b = %s`` for the columns (names from :data:`COLUMNS`)."""
    from psycopg import sql

    return sql.SQL(" AND ").join(
        sql.SQL("{} = {}").format(sql.Identifier(name), sql.Placeholder())
        for name in columns
    )


def _write_database(summary: Mapping[str, Any], records: list[dict]) -> None:
    """DELETE the brief's rows and INSERT the new ones, in one transaction."""
    from psycopg import sql

    table = sql.Identifier(postgis.SCHEMA, TABLE)
    delete = sql.SQL("DELETE FROM {} WHERE {}").format(table, _conditions(BRIEF_KEY))
    insert = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
        table,
        _identifiers(tuple(COLUMNS)),
        sql.SQL(", ").join(sql.Placeholder() for _ in COLUMNS),
    )
    brief = [_brief_key(summary)[column] for column in BRIEF_KEY]
    with _transaction() as connection:
        _ensure_table(connection)
        connection.execute(delete, brief)
        with connection.cursor() as cursor:
            cursor.executemany(insert, [[r[c] for c in COLUMNS] for r in records])


def _brief_key(summary: Mapping[str, Any]) -> dict[str, Any]:
    """The four columns that name the brief of ``summary``."""
    return {
        "tema": summary["tema"],
        "kode_wilayah": summary["wilayah"]["kode"],
        "tahun": int(summary["tahun"]),
        "bahasa": summary["bahasa"],
    }


def _read_database(wanted: dict[str, Any]) -> pd.DataFrame:
    from psycopg import sql

    query = sql.SQL("SELECT {} FROM {}").format(
        _identifiers(tuple(COLUMNS)), sql.Identifier(postgis.SCHEMA, TABLE)
    )
    if wanted:
        query += sql.SQL(" WHERE ") + _conditions(tuple(wanted))
    query += sql.SQL(" ORDER BY ") + _identifiers(KEY)
    with _transaction(lock=False) as connection:
        if not _table_exists(connection):
            return _frame([])
        found = connection.execute(query, list(wanted.values())).fetchall()
    return _frame(found)


# GeoPackage ---------------------------------------------------------------


def _geopackage(out_dir: Path | None) -> Path:
    from lab_lib.paper import papers_dir

    return Path(out_dir or papers_dir()).expanduser().resolve() / GEOPACKAGE


def _read_file(path: Path) -> pd.DataFrame:
    """Every row of the GeoPackage; none when there is no file yet."""
    if not path.exists():
        return _frame([])
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError

    try:
        found = pyogrio.read_dataframe(path, layer=TABLE)
    except (DataSourceError, DataLayerError, OSError) as exc:
        raise _Failed(_gdal_message(exc)) from None
    return _frame(found.reindex(columns=list(COLUMNS)))


def _write_file(path: Path, summary: Mapping[str, Any], records: list[dict]) -> None:
    """Rewrite the GeoPackage with the brief's old rows swapped for ``records``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with folder_lock(path.parent):
            table = _read_file(path)
            brief = pd.Series(True, index=table.index)
            for column, value in _brief_key(summary).items():
                brief &= table[column] == value
            _replace_file(path, _frame(pd.concat([table[~brief], _frame(records)])))
    except OSError as exc:  # the folder cannot be made, locked or written
        raise _Failed(exc.strerror or str(exc)) from None


def _replace_file(path: Path, table: pd.DataFrame) -> None:
    """Write ``table`` beside ``path``, then move it over ``path`` in one step.

    The staging file is named like those of :mod:`lab_lib.files`, so that
    one left by a killed process is swept by the next build; it ends in
    ``.gpkg`` because GDAL tells a GeoPackage by its suffix.
    """
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError

    staged = path.with_name(
        f".{path.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}{path.suffix}"
    )
    try:
        pyogrio.write_dataframe(table, staged, layer=TABLE, driver="GPKG")
        with open(staged, "rb") as stream:
            os.fsync(stream.fileno())
        os.replace(staged, path)
    except BaseException as exc:
        for leftover in (staged, *(Path(f"{staged}{s}") for s in _SQLITE_SIDE_FILES)):
            leftover.unlink(missing_ok=True)
        if isinstance(exc, DataSourceError | DataLayerError):
            raise _Failed(_gdal_message(exc)) from None
        raise


def _gdal_message(exc: Exception) -> str:
    """GDAL's first sentence; what follows is advice for GDAL's own users."""
    return re.split(r"\.[;\s]", str(exc), maxsplit=1)[0]


def _brief_name(summary: Mapping[str, Any]) -> str:
    return f"{summary['tema']}/{summary['tahun']}/{summary['wilayah']['kode']}"


def _region_code(wilayah: str) -> str:
    return regions.resolve_kabkota(str(wilayah)).kode
