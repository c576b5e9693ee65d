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

from lab_lib import regions, schemas
from lab_lib.errors import CatalogError, DataNotFoundError

__all__ = [
    "ReadRecord",
    "catalog_path",
    "data_root",
    "datasets",
    "load",
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
        root = (
            path.parent / _catalog_from(path).user_parameters["data_root"]
        ).resolve()
    if not root.is_dir():
        raise CatalogError("data.root_missing", path=root, env=chosen or "-")
    return root


def open_catalog() -> Any:
    """The Intake catalog with its data folder filled in.

    Returns
    -------
    intake.readers.entry.Catalog
        Entries are read with ``cat[name].read()``; prefer :func:`load`,
        which also validates and records the read.
    """
    root = data_root()
    cat = _catalog_from(catalog_path())
    cat.user_parameters["data_root"] = root.as_posix()
    return cat


@cache
def _parsed(path: Path, mtime: float) -> Any:
    import intake

    try:
        return intake.from_yaml_file(str(path))
    except Exception as exc:  # YAML and Intake report many kinds of error
        raise CatalogError("catalog.bad_yaml", path=path, detail=exc) from None


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
    token = cat.entries[name].kwargs["args"][0].strip("{}")[len("data(") : -1]
    return Path(cat.data[token].kwargs["url"]).name


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
    if wilayah is not None:
        frame = _filter_region(frame, name, wilayah)
    for column, wanted in filters.items():
        frame = _filter(frame, name, column, wanted)
    return frame


def _read_validated(name: str) -> pd.DataFrame:
    cat = open_catalog()
    meta = metadata(name)
    path = Path(cat[name].data.url)
    if not path.is_file():
        raise CatalogError("data.file_missing", dataset=name, path=path)
    raw = cat[name].read()
    first_row = 2 if path.suffix.lower() == ".csv" else 1
    frame = schemas.validate(raw, name, str(path), first_row=first_row)
    _record(name, path, len(frame), bool(meta.get("synthetic")))
    return frame


def _record(name: str, path: Path, rows: int, synthetic: bool) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    record = ReadRecord(name, str(path), digest, rows, synthetic, time.time())
    _reads.append(record)
    log = os.environ.get(READ_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(json.dumps(asdict(record)) + "\n")


def reads() -> list[ReadRecord]:
    """The datasets read by this process so far, latest read of each."""
    latest = {record.dataset: record for record in _reads}
    return list(latest.values())


def _filter_region(frame: pd.DataFrame, name: str, wilayah: str) -> pd.DataFrame:
    region = regions.resolve(wilayah)
    column = metadata(name).get("region_column", "kode_wilayah")
    holds_province = (frame[column] == regions.PROVINCE_CODE).any()
    if region.kode == regions.PROVINCE_CODE and not holds_province:
        return frame
    return _filter(frame, name, column, region.kode)


def _filter(frame: pd.DataFrame, name: str, column: str, wanted: Any) -> pd.DataFrame:
    if column not in frame.columns:
        usable = ", ".join(c for c in frame.columns if c != "geometry")
        raise CatalogError(
            "data.unknown_filter", dataset=name, kolom=column, tersedia=usable
        )
    values = list(wanted) if isinstance(wanted, list | tuple | set) else [wanted]
    if column.startswith("kode"):
        values = [regions.resolve(v).kode for v in values]
    elif pd.api.types.is_integer_dtype(frame[column]):
        values = [int(v) for v in values]
    kept = frame[frame[column].isin(values)]
    if kept.empty and not frame.empty:
        available = sorted(frame[column].dropna().unique().tolist())
        shown = ", ".join(str(v) for v in available[:20])
        raise DataNotFoundError(
            "data.no_rows",
            dataset=name,
            saringan=f"{column} = {', '.join(map(str, values))}",
            kolom=column,
            tersedia=shown + (" …" if len(available) > 20 else ""),
        )
    return kept
