"""PostgreSQL/PostGIS as the shared MARIMOI data store.

When the environment variable ``MINILAB_DB_URL`` holds a connection URL
(``postgresql://user:password@host:port/database``), the catalog reads every
dataset from tables in the schema ``marimoi`` of that database instead of the
files in the data folder, ``minilab accept`` writes submissions there and each
built brief writes its results to the table ``marimoi.hasil_analisis``.

The URL is read from the environment when a connection is opened and never
passed around as a parameter, so it does not reach notebooks, briefs or logs.
Whatever is shown of it goes through :func:`redacted`, which drops the
password.

Every name that reaches SQL comes from a closed list (the catalog's dataset
names and their schema columns) and is quoted with
:class:`psycopg.sql.Identifier`; every value is a bound parameter.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import pandas as pd
from intake.readers.readers import BaseReader

from lab_lib.errors import CatalogError

__all__ = [
    "DB_ENV",
    "SCHEMA",
    "PostGISReader",
    "accept_rows",
    "advisory_lock",
    "archived_file",
    "configured",
    "connect",
    "digest",
    "existing_tables",
    "find_submission",
    "insert_rows",
    "key_columns",
    "load_sample",
    "location",
    "read_table",
    "redacted",
    "row_counts",
    "submissions",
    "update_rows",
    "url",
    "write_table",
]

DB_ENV = "MINILAB_DB_URL"
#: The database schema that holds the MARIMOI tables.
SCHEMA = "marimoi"
#: The column that keeps each table's rows in the order they were loaded.
ORDER_COLUMN = "_urutan"
GEOMETRY = "geometry"
SRID = 4326

# Column types, from the pandas dtype kind of the validated data; read back
# into the same dtypes.
_SQL_TYPES = {
    "i": "bigint",
    "u": "bigint",
    "f": "double precision",
    "b": "boolean",
    "M": "timestamp",
    "O": "text",
}
_DTYPES = {
    "bigint": "int64",
    "double precision": "float64",
    "boolean": "bool",
    "timestamp without time zone": "datetime64[ns]",
}


def configured() -> bool:
    """Whether a database is configured (``MINILAB_DB_URL`` is set)."""
    return bool(os.environ.get(DB_ENV, "").strip())


def url() -> str:
    """The configured connection URL; an error when there is none."""
    chosen = os.environ.get(DB_ENV, "").strip()
    if not chosen:
        raise CatalogError("db.not_configured", env=DB_ENV)
    return chosen


def redacted(address: str | None = None) -> str:
    """The address without its password, safe to show and to log.

    Only the user, host, port and database are kept, whatever else the
    address holds (passwords with any characters, ``sslpassword``).

    >>> redacted("postgresql://lab:rahasia@127.0.0.1:5433/marimoi")
    'postgresql://lab@127.0.0.1:5433/marimoi'
    >>> redacted("postgresql://lab:ra#h?a@127.0.0.1/marimoi")
    'postgresql://lab@127.0.0.1/marimoi'
    >>> redacted("postgresql:///marimoi?password=rahasia&host=/tmp")
    'postgresql:///marimoi?host=/tmp'
    >>> redacted("host=127.0.0.1 dbname=marimoi password='rahasia kita'")
    'postgresql://127.0.0.1/marimoi'
    """
    address = url() if address is None else address
    parts = _settings(address)
    if parts is None:
        return "postgresql://?"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host, port = parts.get("host", ""), parts.get("port", "")
    database = parts.get("dbname", "")
    port = f":{port}" if port else ""
    if host.startswith("/"):  # a Unix socket folder
        return f"postgresql://{user}{port}/{database}?host={host}"
    return f"postgresql://{user}{host}{port}/{database}"


def _settings(address: str) -> dict[str, str] | None:
    """The connection settings of ``address`` as libpq reads them."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        return {k: str(v) for k, v in conninfo_to_dict(address).items()}
    except ProgrammingError:
        return None


@contextmanager
def connect(*, autocommit: bool = False) -> Iterator[Any]:
    """A connection to the configured database, closed afterwards.

    Without ``autocommit``, the block is one transaction: committed when it
    ends normally, rolled back when it raises.

    Raises
    ------
    CatalogError
        No database is configured, it cannot be reached, or a statement in the
        block fails; the message shows the address without its password.
    """
    import psycopg

    address = url()
    try:
        connection = psycopg.connect(address, autocommit=autocommit, connect_timeout=10)
    except psycopg.Error as exc:
        raise CatalogError(
            "db.unreachable",
            alamat=redacted(address),
            sebab=_scrub(str(exc), address),
        ) from None
    try:
        with connection:
            yield connection
    except psycopg.Error as exc:
        raise CatalogError(
            "db.failed", alamat=redacted(address), sebab=_scrub(str(exc), address)
        ) from None


def _scrub(message: str, address: str) -> str:
    """``message`` on one line, with any password of ``address`` removed."""
    flat = " ".join(message.split())
    for secret in _secrets(address):
        flat = flat.replace(secret, "***")
    return flat


def _secrets(address: str) -> list[str]:
    parts = _settings(address) or {}
    return [parts[k] for k in ("password", "sslpassword") if parts.get(k)]


def location(dataset: str) -> str:
    """Where ``dataset`` is read from, to show and record (no password)."""
    return f"{redacted()}#{SCHEMA}.{dataset}"


def _table(dataset: str) -> Any:
    from psycopg import sql

    return sql.Identifier(SCHEMA, dataset)


def _names(dataset: str) -> None:
    """Only catalog entries become table names."""
    from lab_lib import catalog

    if dataset not in catalog.datasets().index:
        raise CatalogError(
            "data.unknown_dataset",
            dataset=dataset,
            tersedia=", ".join(catalog.datasets().index),
        )


def write_table(connection: Any, dataset: str, frame: pd.DataFrame) -> int:
    """Replace the table of ``dataset`` with ``frame`` (inside the caller's
    transaction); returns the number of rows.

    Column types follow the frame's dtypes; a ``geometry`` column becomes a
    PostGIS geometry in WGS 84. Row order is kept in :data:`ORDER_COLUMN`.
    """
    from psycopg import sql

    _names(dataset)
    columns = list(frame.columns)
    definitions = [
        sql.SQL("{} bigint PRIMARY KEY").format(sql.Identifier(ORDER_COLUMN))
    ]
    for column in columns:
        definitions.append(
            sql.SQL("{} {}").format(
                sql.Identifier(column), sql.SQL(_sql_type(frame, column))
            )
        )
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(SCHEMA))
        )
        cursor.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(_table(dataset)))
        cursor.execute(
            sql.SQL("CREATE TABLE {} ({})").format(
                _table(dataset), sql.SQL(", ").join(definitions)
            )
        )
        key = [c for c in key_columns(dataset) if c in columns]
        if key:
            # Two analysts accepting rows with the same key at once cannot
            # both succeed.
            cursor.execute(
                sql.SQL("ALTER TABLE {} ADD UNIQUE ({})").format(
                    _table(dataset), sql.SQL(", ").join(map(sql.Identifier, key))
                )
            )
    return insert_rows(connection, dataset, frame, start=1)


def key_columns(dataset: str) -> tuple[str, ...]:
    """The columns that identify a row of ``dataset``, from its schema."""
    from lab_lib import schemas

    schema = schemas.SCHEMAS.get(dataset)
    if schema is None:
        return ()
    if schema.unique:
        return tuple(schema.unique)
    return tuple(name for name, column in schema.columns.items() if column.unique)


def insert_rows(
    connection: Any, dataset: str, frame: pd.DataFrame, start: int | None = None
) -> int:
    """Append ``frame``'s rows to the table of ``dataset``, after its last row."""
    from psycopg import sql

    _names(dataset)
    columns = list(frame.columns)
    if start is None:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("SELECT coalesce(max({}), 0) + 1 FROM {}").format(
                    sql.Identifier(ORDER_COLUMN), _table(dataset)
                )
            )
            start = int(cursor.fetchone()[0])
    slots = [
        sql.SQL("ST_GeomFromWKB({}, {})").format(sql.Placeholder(), sql.Literal(SRID))
        if column == GEOMETRY
        else sql.Placeholder()
        for column in columns
    ]
    statement = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
        _table(dataset),
        sql.SQL(", ").join(sql.Identifier(c) for c in [ORDER_COLUMN, *columns]),
        sql.SQL(", ").join([sql.Placeholder(), *slots]),
    )
    rows = [
        [start + number, *(_value(row[c], c) for c in columns)]
        for number, (_, row) in enumerate(frame.iterrows())
    ]
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)
    return len(rows)


def update_rows(
    connection: Any, dataset: str, key: Sequence[str], frame: pd.DataFrame
) -> int:
    """Overwrite the stored rows whose ``key`` columns match rows of ``frame``."""
    from psycopg import sql

    _names(dataset)
    columns = [c for c in frame.columns if c not in key]
    assignments = [
        sql.SQL("{} = ST_GeomFromWKB({}, {})").format(
            sql.Identifier(c), sql.Placeholder(), sql.Literal(SRID)
        )
        if c == GEOMETRY
        else sql.SQL("{} = {}").format(sql.Identifier(c), sql.Placeholder())
        for c in columns
    ]
    condition = sql.SQL(" AND ").join(
        sql.SQL("{} = {}").format(sql.Identifier(k), sql.Placeholder()) for k in key
    )
    statement = sql.SQL("UPDATE {} SET {} WHERE {}").format(
        _table(dataset), sql.SQL(", ").join(assignments), condition
    )
    rows = [
        [*(_value(row[c], c) for c in columns), *(_value(row[k], k) for k in key)]
        for _, row in frame.iterrows()
    ]
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)
    return len(rows)


def _sql_type(frame: pd.DataFrame, column: str) -> str:
    if column == GEOMETRY:
        return f"geometry(Geometry, {SRID})"
    kind = frame[column].dtype.kind
    return _SQL_TYPES.get(kind, "text")


def _value(value: Any, column: str) -> Any:
    """A cell as psycopg sends it: NULL for missing, WKB for geometry."""
    if column == GEOMETRY:
        return None if value is None else value.wkb
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def read_table(dataset: str) -> pd.DataFrame:
    """The table of ``dataset`` as the file reader would give it.

    Returns
    -------
    DataFrame or GeoDataFrame
        Columns in stored order, rows in loaded order; a GeoDataFrame in
        EPSG:4326 when the table has a geometry column. ``attrs["sha256"]``
        is :func:`digest` of the same rows: both are read in one snapshot, so
        an acceptance in between cannot make them disagree.
    """
    import psycopg
    from psycopg import sql

    _names(dataset)
    with connect() as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with connection.cursor() as cursor:
            types = _column_types(cursor, dataset)
            selected = [
                sql.SQL("ST_AsBinary({})").format(sql.Identifier(c))
                if c == GEOMETRY
                else sql.Identifier(c)
                for c in types
            ]
            cursor.execute(
                sql.SQL("SELECT {} FROM {} ORDER BY {}").format(
                    sql.SQL(", ").join(selected),
                    _table(dataset),
                    sql.Identifier(ORDER_COLUMN),
                )
            )
            rows = cursor.fetchall()
        found = digest(dataset, connection)
    frame = _frame(rows, types)
    frame.attrs["sha256"] = found
    return frame


def _column_types(cursor: Any, dataset: str) -> dict[str, str]:
    cursor.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
        (SCHEMA, dataset),
    )
    found = {name: kind for name, kind in cursor.fetchall() if name != ORDER_COLUMN}
    if not found:
        raise CatalogError("db.no_table", dataset=dataset, alamat=redacted())
    return found


def _frame(rows: list[tuple], types: dict[str, str]) -> pd.DataFrame:
    columns = list(types)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column, kind in types.items():
        if column == GEOMETRY:
            continue
        wanted = _DTYPES.get(kind)
        if wanted == "float64":
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
        elif wanted == "datetime64[ns]":
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
        elif wanted is not None and frame[column].notna().all():
            frame[column] = frame[column].astype(wanted)
        elif wanted is None:
            frame[column] = frame[column].astype("str")
    if GEOMETRY not in types:
        return frame
    import geopandas as gpd
    import shapely

    shapes = shapely.from_wkb(
        [None if b is None else bytes(b) for b in frame[GEOMETRY]]
    )
    return gpd.GeoDataFrame(frame.drop(columns=[GEOMETRY]), geometry=shapes, crs=SRID)[
        columns
    ]


def digest(dataset: str, connection: Any = None) -> str:
    """SHA-256 of the table's content, computed in the database.

    Changes whenever a row or value changes, so a brief that read the table
    is rebuilt after a submission is accepted.
    """
    from psycopg import sql

    _names(dataset)
    query = sql.SQL(
        "SELECT encode(sha256(convert_to(coalesce(string_agg(t::text, E'\\n' "
        "ORDER BY t.{}), ''), 'UTF8')), 'hex') FROM {} AS t"
    ).format(sql.Identifier(ORDER_COLUMN), _table(dataset))
    if connection is not None:
        with connection.cursor() as cursor:
            cursor.execute(query)
            return str(cursor.fetchone()[0])
    with connect() as fresh, fresh.cursor() as cursor:
        cursor.execute(query)
        return str(cursor.fetchone()[0])


def load_sample(replace: bool = False) -> dict[str, int]:
    """Load every dataset of the file catalog into the database.

    All tables are written in one transaction: the database holds either
    the old tables or all the new ones.

    Parameters
    ----------
    replace : bool
        Replace tables that are already there, and forget the submissions
        accepted into them (their records and archived files). Without it, a
        database that already holds MARIMOI tables is left alone.

    Returns
    -------
    dict
        Rows loaded, by dataset.

    Raises
    ------
    CatalogError
        The database already holds tables and ``replace`` is not given.
    """
    from psycopg import sql

    from lab_lib import catalog

    names = list(catalog.datasets().index)
    frames = {name: catalog.load_files(name) for name in names}
    loaded = {}
    with connect() as connection:
        present = existing_tables(connection)
        if present and not replace:
            raise CatalogError(
                "db.already_loaded", alamat=redacted(), tabel=", ".join(present)
            )
        with connection.cursor() as cursor:
            for table in (_SUBMISSIONS, _ARCHIVE) if replace else ():
                cursor.execute(
                    sql.SQL("DROP TABLE IF EXISTS {}").format(
                        sql.Identifier(SCHEMA, table)
                    )
                )
        for name, frame in frames.items():
            loaded[name] = write_table(connection, name, frame)
        _ensure_submission_tables(connection)
    return loaded


def existing_tables(connection: Any = None) -> list[str]:
    """The catalog's datasets that have a table in the database."""
    from lab_lib import catalog

    query = (
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = %s ORDER BY table_name"
    )
    if connection is None:
        with connect() as fresh, fresh.cursor() as cursor:
            cursor.execute(query, (SCHEMA,))
            found = {row[0] for row in cursor.fetchall()}
    else:
        with connection.cursor() as cursor:
            cursor.execute(query, (SCHEMA,))
            found = {row[0] for row in cursor.fetchall()}
    return [name for name in catalog.datasets().index if name in found]


def row_counts() -> dict[str, int]:
    """Rows per dataset table."""
    from psycopg import sql

    counts = {}
    with connect() as connection:
        for name in existing_tables(connection):
            with connection.cursor() as cursor:
                cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(_table(name)))
                counts[name] = int(cursor.fetchone()[0])
    return counts


class PostGISReader(BaseReader):
    """Intake reader for a MARIMOI table in PostGIS.

    The table is named by its dataset; the database comes from
    ``MINILAB_DB_URL`` when the data are read, so the catalog never holds
    an address or a password.

    >>> PostGISReader(table="indikator").kwargs
    {'table': 'indikator'}
    """

    output_instance = "pandas:DataFrame"
    imports: ClassVar[set[str]] = {"psycopg"}

    def _read(self, table: str, **kwargs: Any) -> pd.DataFrame:
        return read_table(table)


# Submissions ---------------------------------------------------------------

_SUBMISSIONS = "penerimaan"
_ARCHIVE = "arsip_kiriman"
_SUBMISSION_COLUMNS = (
    "dataset",
    "berkas",
    "sha256",
    "diterima_pada",
    "opd",
    "oleh",
    "baris_dibaca",
    "baris_baru",
    "baris_sama",
    "baris_diganti",
    "diganti",
    "tempat",
    "arsip",
)


def _ensure_submission_tables(connection: Any) -> None:
    from psycopg import sql

    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(SCHEMA))
        )
        cursor.execute(
            sql.SQL(
                "CREATE TABLE IF NOT EXISTS {} ("
                "id bigserial PRIMARY KEY, sha256 text NOT NULL, berkas text NOT NULL, "
                "isi bytea NOT NULL, disimpan_pada timestamptz NOT NULL DEFAULT now())"
            ).format(sql.Identifier(SCHEMA, _ARCHIVE))
        )
        cursor.execute(
            sql.SQL(
                "CREATE TABLE IF NOT EXISTS {} ("
                "id bigserial PRIMARY KEY, dataset text NOT NULL, "
                "berkas text NOT NULL, sha256 text NOT NULL, "
                "diterima_pada timestamptz NOT NULL, "
                "opd text NOT NULL, oleh text, baris_dibaca integer NOT NULL, "
                "baris_baru integer NOT NULL, baris_sama integer NOT NULL, "
                "baris_diganti integer NOT NULL, diganti jsonb NOT NULL, "
                "tempat text, arsip bigint REFERENCES {}, "
                "UNIQUE (dataset, sha256))"
            ).format(
                sql.Identifier(SCHEMA, _SUBMISSIONS), sql.Identifier(SCHEMA, _ARCHIVE)
            )
        )


@contextmanager
def advisory_lock(name: str) -> Iterator[None]:
    """Hold a database-wide lock named ``name`` for the block."""
    with connect(autocommit=True) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", (name,))
        try:
            yield
        finally:
            cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", (name,))


def submissions() -> list[dict[str, Any]]:
    """Every provenance record in the database, oldest first."""
    return _submission_rows(None, None)


def find_submission(dataset: str, sha256: str) -> dict[str, Any] | None:
    """The record of an earlier acceptance of the same file, if any."""
    found = _submission_rows(dataset, sha256)
    return found[0] if found else None


def _submission_rows(dataset: str | None, sha256: str | None) -> list[dict[str, Any]]:
    from psycopg import sql
    from psycopg.rows import dict_row

    with connect() as connection:
        _ensure_submission_tables(connection)
        with connection.cursor(row_factory=dict_row) as cursor:
            query = sql.SQL(
                "SELECT {} FROM {} WHERE (%s::text IS NULL OR dataset = %s) "
                "AND (%s::text IS NULL OR sha256 = %s) ORDER BY id"
            ).format(
                sql.SQL(", ").join(map(sql.Identifier, _SUBMISSION_COLUMNS)),
                sql.Identifier(SCHEMA, _SUBMISSIONS),
            )
            cursor.execute(query, (dataset, dataset, sha256, sha256))
            rows = cursor.fetchall()
    for row in rows:
        row["diterima_pada"] = row["diterima_pada"].isoformat()
    return rows


def accept_rows(
    dataset: str,
    key: Sequence[str],
    added: pd.DataFrame,
    replacing: pd.DataFrame,
    content: bytes,
    record: dict[str, Any],
) -> None:
    """Write one acceptance in one transaction: rows, original file, record.

    Raises
    ------
    DataValidationError
        When the database refuses the write (e.g. rows with a key it already
        holds, written by something other than ``minilab accept``); nothing is
        written.
    """
    import psycopg

    from lab_lib.errors import DataValidationError

    _names(dataset)
    with connect() as connection:
        # Raised inside the block, so that the transaction is rolled back.
        try:
            _write_acceptance(
                connection, dataset, key, added, replacing, content, record
            )
        except psycopg.errors.UniqueViolation as exc:
            raise DataValidationError(
                "accept.duplicate_in_db",
                berkas=record["berkas"],
                dataset=dataset,
                sebab=_scrub(str(exc), url()),
            ) from None
        except psycopg.Error as exc:
            raise DataValidationError(
                "accept.write_failed",
                berkas=record["berkas"],
                tempat=redacted(),
                sebab=_scrub(str(exc), url()),
            ) from None


def _write_acceptance(
    connection: Any,
    dataset: str,
    key: Sequence[str],
    added: pd.DataFrame,
    replacing: pd.DataFrame,
    content: bytes,
    record: dict[str, Any],
) -> None:
    from psycopg import sql
    from psycopg.types.json import Jsonb

    _ensure_submission_tables(connection)
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(_table(dataset))
        )
    if len(replacing):
        update_rows(connection, dataset, key, replacing)
    if len(added):
        insert_rows(connection, dataset, added)
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                "INSERT INTO {} (sha256, berkas, isi) VALUES (%s, %s, %s) RETURNING id"
            ).format(sql.Identifier(SCHEMA, _ARCHIVE)),
            (record["sha256"], record["berkas"], content),
        )
        record["arsip"] = int(cursor.fetchone()[0])
        values = [
            Jsonb(record[c]) if c == "diganti" else record[c]
            for c in _SUBMISSION_COLUMNS
        ]
        cursor.execute(
            sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                sql.Identifier(SCHEMA, _SUBMISSIONS),
                sql.SQL(", ").join(map(sql.Identifier, _SUBMISSION_COLUMNS)),
                sql.SQL(", ").join(sql.Placeholder() * len(_SUBMISSION_COLUMNS)),
            ),
            values,
        )


def archived_file(identifier: int) -> tuple[str, bytes]:
    """The name and bytes of an archived original file."""
    from psycopg import sql

    with connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("SELECT berkas, isi FROM {} WHERE id = %s").format(
                sql.Identifier(SCHEMA, _ARCHIVE)
            ),
            (identifier,),
        )
        found = cursor.fetchone()
    if found is None:
        raise CatalogError("db.no_archive", id=identifier)
    return str(found[0]), bytes(found[1])
