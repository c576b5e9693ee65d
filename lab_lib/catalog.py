"""The MARIMOI data catalog, opened the same way from any working directory.

Notebooks never open data files by path: they ask this module. It reads the
Intake 2 catalog ``catalogs/marimoi.yaml``, fills in the data folder, checks
every dataset against its schema (:mod:`lab_lib.schemas`) and records what was
read, so a brief can list the datasets behind it.

Where things are looked for:

* the catalog: ``MINILAB_CATALOG`` if set, else ``catalogs/marimoi.yaml`` in
  the source tree that holds this package (papermill starts kernels in the
  caller's directory, so nothing here depends on the working directory);
* the data folder: ``MINILAB_DATA`` if set, else the catalog's ``data_root``
  (``sample/``) beside the catalog file. A real MARIMOI export laid out the
  same way can be used by pointing ``MINILAB_DATA`` at it.

Reads are also appended, one JSON line each, to the file named by
``MINILAB_READ_LOG`` when that variable is set.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from lab_lib import postgis, regions, schemas
from lab_lib.errors import CatalogError, DataNotFoundError

__all__ = [
    "ReadRecord",
    "catalog_path",
    "data_root",
    "dataset_file",
    "datasets",
    "load",
    "load_files",
    "metadata",
    "open_catalog",
    "reads",
]

CATALOG_ENV = "MINILAB_CATALOG"
DATA_ENV = "MINILAB_DATA"
READ_LOG_ENV = "MINILAB_READ_LOG"
DEFAULT_CATALOG = Path(__file__).resolve().parent.parent / "catalogs" / "marimoi.yaml"

# Columns of the datasets() table, in order.
_LISTED = (
    "title",
    "produsen",
    "walidata",
    "license",
    "update_frequency",
    "last_update",
    "temporal_coverage",
    "spatial_coverage",
    "synthetic",
)


@dataclass(frozen=True)
class ReadRecord:
    """One dataset read: which, from where, which bytes, when."""

    dataset: str
    path: str
    sha256: str
    rows: int
    synthetic: bool
    read_at: float


_reads: list[ReadRecord] = []


def catalog_path() -> Path:
    """The catalog file in use."""
    chosen = os.environ.get(CATALOG_ENV)
    path = Path(chosen).expanduser().resolve() if chosen else DEFAULT_CATALOG
    if not path.is_file():
        raise CatalogError("catalog.missing", path=path)
    return path


def data_root() -> Path:
    """The folder that holds the data files."""
    chosen = os.environ.get(DATA_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
    else:
        path = catalog_path()
        declared = _catalog_from(path).user_parameters.get("data_root")
        if not isinstance(declared, str):
            raise CatalogError("catalog.no_data_root", path=path)
        root = (path.parent / declared).resolve()
    if root.is_file():
        raise CatalogError("data.root_is_file", path=root)
    if not root.is_dir():
        raise CatalogError("data.root_missing", path=root, env=chosen or "-")
    return root


def open_catalog() -> Any:
    """The Intake catalog with its data folder filled in.

    Returns
    -------
    intake.readers.entry.Catalog
        Entries are read with ``cat[name].read()``; prefer :func:`load`,
        which also validates and records the read. When ``MINILAB_DB_URL``
        is set, every entry reads its table in PostGIS
        (:class:`lab_lib.postgis.PostGISReader`) and keeps its metadata.
    """
    cat = _catalog_from(catalog_path())
    if postgis.configured():
        for name in list(cat.entries):
            meta = dict(cat.entries[name].metadata)
            cat[name] = postgis.PostGISReader(table=name, metadata=meta)
        return cat
    cat.user_parameters["data_root"] = data_root().as_posix()
    return cat


def _file_catalog() -> Any:
    cat = _catalog_from(catalog_path())
    cat.user_parameters["data_root"] = data_root().as_posix()
    return cat


@cache
def _parsed(path: Path, mtime: float) -> Any:
    import intake

    try:
        return intake.from_yaml_file(str(path))
    except Exception as exc:  # YAML and Intake report many kinds of error
        detail = " ".join(str(exc).split())
        raise CatalogError("catalog.bad_yaml", path=path, detail=detail) from None


def _catalog_from(path: Path) -> Any:
    # Each caller gets its own copy: open_catalog() changes user_parameters.
    return copy.deepcopy(_parsed(path, path.stat().st_mtime))


def metadata(name: str) -> dict[str, Any]:
    """The metadata of one catalog entry (title, produsen, license, ...)."""
    entries = _catalog_from(catalog_path()).entries
    if name not in entries:
        raise CatalogError(
            "data.unknown_dataset", dataset=name, tersedia=", ".join(sorted(entries))
        )
    return dict(entries[name].metadata)


def datasets() -> pd.DataFrame:
    """Every catalog entry with its metadata, without reading any data.

    Returns
    -------
    DataFrame
        Indexed by dataset name, with columns title, produsen, walidata,
        license, update_frequency, temporal_coverage, spatial_coverage,
        synthetic and file.
    """
    cat = _catalog_from(catalog_path())
    rows = []
    for name, entry in cat.entries.items():
        meta = entry.metadata
        row = {key: meta.get(key) for key in _LISTED}
        row["file"] = _file_name(cat, name)
        rows.append({"name": name, **row})
    return pd.DataFrame(rows).set_index("name")


def _file_name(cat: Any, name: str) -> str:
    """The data file's name, without reading it ("" if it is not a file)."""
    args = cat.entries[name].kwargs.get("args") or [""]
    token = str(args[0]).removeprefix("{data(").removesuffix(")}")
    url = cat.data[token].kwargs.get("url", "") if token in cat.data else ""
    return Path(str(url)).name


def load(name: str, *, wilayah: str | None = None, **filters: Any) -> pd.DataFrame:
    """Read, validate and filter one dataset.

    Parameters
    ----------
    name : str
        Catalog entry, e.g. ``"ruas_jalan"``.
    wilayah : str, optional
        Keep the rows about this region (any spelling :func:`lab_lib.regions.
        resolve` accepts). The province means every row, except in tables that
        hold rows for the province itself, where it means those rows.
    **filters
        ``column=value`` or ``column=[values]`` equality filters, e.g.
        ``tahun=2024``. Values in code columns may be region names.

    Raises
    ------
    CatalogError
        Unknown dataset or filter column, missing data folder or file.
    DataNotFoundError
        The filters select no rows; the message lists the values there are.
    DataValidationError
        The data fail their schema.
    """
    frame = _read_validated(name)
    applied: list[str] = []
    if wilayah is not None:
        frame = _filter_region(frame, name, wilayah, applied)
    for column, wanted in filters.items():
        frame = _filter(frame, name, column, wanted, applied)
    return frame


def dataset_file(name: str) -> Path:
    """The data file of ``name`` in the data folder (it may not exist yet)."""
    metadata(name)
    return Path(_file_catalog()[name].data.url)


def load_files(name: str) -> pd.DataFrame:
    """Read and validate one dataset from its file, even when a database is
    configured (used to load the files into the database)."""
    return _read_validated(name, files=True)


def _read_validated(name: str, files: bool = False) -> pd.DataFrame:
    meta = metadata(name)
    if name not in schemas.SCHEMAS:
        raise CatalogError("data.no_schema", dataset=name)
    if postgis.configured() and not files:
        return _read_database(name, meta)
    cat = _file_catalog()
    path = Path(cat[name].data.url)
    if not path.is_file():
        raise CatalogError("data.file_missing", dataset=name, path=path)
    raw = _read_file(cat, name, path)
    first_row = 2 if path.suffix.lower() == ".csv" else 1
    frame = schemas.validate(raw, name, str(path), first_row=first_row)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    _record(name, str(path), digest, len(frame), bool(meta.get("synthetic")))
    return frame


def _read_database(name: str, meta: dict[str, Any]) -> pd.DataFrame:
    where = postgis.location(name)
    raw = open_catalog()[name].read()
    if len(raw) == 0:
        raise CatalogError("data.empty", dataset=name, path=where)
    frame = schemas.validate(raw, name, where, first_row=1)
    digest = raw.attrs.get("sha256") or postgis.digest(name)
    _record(name, where, digest, len(frame), bool(meta.get("synthetic")))
    return frame


def _read_file(cat: Any, name: str, path: Path) -> pd.DataFrame:
    """Read one data file; a damaged or empty file gets a message, not a trace."""
    try:
        raw = cat[name].read()
    except Exception as exc:  # pandas, pyogrio and GDAL raise many kinds
        cause = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        raise CatalogError(
            "data.unreadable", dataset=name, path=path, sebab=cause
        ) from None
    if len(raw) == 0:
        raise CatalogError("data.empty", dataset=name, path=path)
    return raw


def _record(name: str, path: str, digest: str, rows: int, synthetic: bool) -> None:
    record = ReadRecord(name, path, digest, rows, synthetic, time.time())
    _reads.append(record)
    log = os.environ.get(READ_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(json.dumps(asdict(record)) + "\n")


def reads(since: float | None = None) -> list[ReadRecord]:
    """The datasets read by this process, latest read of each.

    Parameters
    ----------
    since : float, optional
        Only reads at or after this time (seconds since the epoch, as
        ``time.time()``), e.g. since a brief started.
    """
    kept = [r for r in _reads if since is None or r.read_at >= since]
    latest = {record.dataset: record for record in kept}
    return list(latest.values())


def _filter_region(
    frame: pd.DataFrame, name: str, wilayah: str, applied: list[str]
) -> pd.DataFrame:
    region = regions.resolve(wilayah)
    column = metadata(name).get("region_column")
    if column not in frame.columns:
        raise CatalogError("data.no_region_column", dataset=name)
    holds_province = (frame[column] == regions.PROVINCE_CODE).any()
    if region.kode == regions.PROVINCE_CODE and not holds_province:
        return frame
    return _filter(frame, name, column, region.kode, applied)


def _whole_number(name: str, column: str, value: Any) -> int:
    """``value`` as an int, or a clear error ("2024" is fine, "2024.5" is not)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not number.is_integer():
        raise CatalogError(
            "data.bad_filter_value", dataset=name, kolom=column, nilai=value
        )
    return int(number)


def _filter(
    frame: pd.DataFrame, name: str, column: str, wanted: Any, applied: list[str]
) -> pd.DataFrame:
    """The rows of ``frame`` whose ``column`` holds ``wanted``.

    ``applied`` lists the filters already applied, so that a filter that
    leaves no rows is named together with them.
    """
    if column not in frame.columns:
        usable = ", ".join(c for c in frame.columns if c != "geometry")
        raise CatalogError(
            "data.unknown_filter", dataset=name, kolom=column, tersedia=usable
        )
    values = list(wanted) if isinstance(wanted, list | tuple | set) else [wanted]
    if column == "kode_bps":
        values = [regions.resolve(str(v), scheme="bps").kode_bps for v in values]
    elif column.startswith("kode"):
        values = [regions.resolve(str(v)).kode for v in values]
    elif pd.api.types.is_integer_dtype(frame[column]):
        values = [_whole_number(name, column, v) for v in values]
    kept = frame[frame[column].isin(values)]
    applied.append(f"{column} = {', '.join(map(str, values))}")
    if kept.empty and not frame.empty:
        available = sorted(frame[column].dropna().unique().tolist())
        shown = ", ".join(str(v) for v in available[:20])
        raise DataNotFoundError(
            "data.no_rows",
            dataset=name,
            saringan="; ".join(applied),
            kolom=column,
            tersedia=shown + (" …" if len(available) > 20 else ""),
        )
    return kept
