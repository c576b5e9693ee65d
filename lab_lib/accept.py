"""Taking a checked submission into the MARIMOI data store.

:func:`accept` checks a file with :func:`lab_lib.review.review`, compares its
rows with the stored ones by the dataset's key (e.g. region, year and
indicator) and then, all at once or not at all:

- appends the new rows and, with ``replace=True``, overwrites the stored rows
  whose values differ;
- keeps the original file in an archive;
- writes a provenance record: dataset, file name and SHA-256, time,
  submitting agency (OPD), how many rows were read, added, unchanged and
  replaced, and the old values of every replaced row.

The store is the PostGIS database when ``MINILAB_DB_URL`` is set (tables
``marimoi.<dataset>``, ``marimoi.penerimaan`` for provenance and
``marimoi.arsip_kiriman`` for the original files), else the data folder of
the catalog (the dataset's file, ``_arsip/`` and ``_penerimaan.jsonl``).

The same file accepted twice adds nothing the second time. Rows that
conflict with stored ones are refused, with the rows listed, unless
``replace`` is given.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from lab_lib import catalog, checks, postgis, review
from lab_lib.errors import DataValidationError
from lab_lib.files import folder_lock, write_all_atomic
from lab_lib.messages import text
from lab_lib.submission_specs import Spec

__all__ = ["Acceptance", "accept", "submissions"]

ARCHIVE_FOLDER = "_arsip"
PROVENANCE_FILE = "_penerimaan.jsonl"
# Two numbers closer than this are the same value (a CSV round trip).
_TOLERANCE = 1e-9


@dataclass
class Acceptance:
    """What :func:`accept` did.

    Attributes
    ----------
    status : {"diterima", "sudah_diterima"}
        Taken in now, or the same file was taken in before (nothing done).
    record : dict
        The provenance record (of the earlier acceptance, for
        ``"sudah_diterima"``).
    """

    status: str
    record: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> str:
        """One line for the user."""
        r = self.record
        if self.status == "sudah_diterima":
            return text(
                "accept.already",
                berkas=r.get("berkas"),
                dataset=r.get("dataset"),
                waktu=r.get("diterima_pada"),
            )
        return text(
            "accept.done",
            berkas=r["berkas"],
            dataset=r["dataset"],
            baru=r["baris_baru"],
            sama=r["baris_sama"],
            diganti=r["baris_diganti"],
            tempat=r["tempat"],
        )


def accept(
    path: str | Path,
    dataset: str,
    *,
    opd: str,
    replace: bool = False,
    sheet: str | int | None = None,
    scheme: str | None = None,
    tahun: int | None = None,
) -> Acceptance:
    """Check ``path`` and take its rows into the store of ``dataset``.

    Parameters
    ----------
    path : str or Path
        The agency's CSV or Excel file.
    dataset : str
        One of :data:`lab_lib.submission_specs.SPECS`.
    opd : str
        The submitting agency, e.g. "Dinas PUPR Provinsi Maluku Utara".
    replace : bool
        Overwrite stored rows that have the same key and other values (the
        old values are kept in the provenance record).
    sheet, scheme, tahun
        As for :func:`lab_lib.review.review`.

    Raises
    ------
    DataValidationError
        The file has problems (listed; see ``minilab check``), ``opd`` is
        empty, or rows conflict with stored ones and ``replace`` is not set.
        Nothing is written in any of these cases.
    """
    path = Path(path)
    opd = " ".join(str(opd or "").split())
    if not opd:
        raise DataValidationError("accept.no_opd")
    store = _store()
    content = path.read_bytes() if path.is_file() else b""
    digest = hashlib.sha256(content).hexdigest()
    earlier = store.find(dataset, digest)
    if earlier is not None:
        return Acceptance("sudah_diterima", earlier)
    found = review.review(
        path,
        dataset,
        sheet=sheet,
        scheme=scheme,
        tahun=tahun,
        sumber=text("accept.source", opd=opd, berkas=path.name),
        stored=store.read,
    )
    if not found.ok:
        raise DataValidationError(
            "review.refused",
            berkas=path.name,
            dataset=dataset,
            jumlah=len(found.problems),
            rincian=review.describe(found, shown=5),
        )
    spec = review.SPECS[dataset]
    with store.locked():
        # Another analyst may have taken the same file or rows in meanwhile.
        earlier = store.find(dataset, digest)
        if earlier is not None:
            return Acceptance("sudah_diterima", earlier)
        stored = store.read(dataset)
        incoming = _in_stored_shape(found.frame, stored)
        plan = _compare(spec, stored, incoming, found.provided)
        if plan.conflicts and not replace:
            raise DataValidationError(
                "accept.conflicts",
                berkas=path.name,
                jumlah=len(plan.conflicts),
                daftar="\n".join(_conflict_lines(spec, plan.conflicts)),
            )
        record = {
            "dataset": dataset,
            "berkas": path.name,
            "sha256": digest,
            "diterima_pada": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "opd": opd,
            "oleh": _user(),
            "baris_dibaca": found.rows,
            "baris_baru": len(plan.added),
            "baris_sama": plan.unchanged,
            "baris_diganti": len(plan.conflicts),
            "diganti": [c.as_record(spec) for c in plan.conflicts],
            "tempat": store.description,
        }
        store.commit(dataset, spec, stored, plan, content, record)
    return Acceptance("diterima", record)


def submissions(dataset: str | None = None) -> list[dict[str, Any]]:
    """The provenance records of the store, oldest first."""
    records = _store().records()
    return [r for r in records if dataset is None or r["dataset"] == dataset]


# Comparing with the store -----------------------------------------------------


@dataclass
class _Conflict:
    baris: int
    key: tuple
    old: dict[str, Any]
    new: dict[str, Any]

    def as_record(self, spec: Spec) -> dict[str, Any]:
        return {
            "baris": self.baris,
            "kunci": dict(zip(spec.key, map(_plain, self.key), strict=True)),
            "lama": {k: _plain(v) for k, v in self.old.items()},
            "baru": {k: _plain(v) for k, v in self.new.items()},
        }


@dataclass
class _Plan:
    added: pd.DataFrame
    replacing: pd.DataFrame
    conflicts: list[_Conflict]
    unchanged: int


def _in_stored_shape(frame: pd.DataFrame, stored: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the stored table's columns, in its order and types."""
    shaped = frame.copy()
    for column in stored.columns:
        if column not in shaped.columns:
            shaped[column] = None
    shaped = shaped[list(stored.columns)]
    for column in stored.columns:
        if column == "geometry":
            continue
        kind = stored[column].dtype.kind
        if kind in "iu" and shaped[column].notna().all():
            shaped[column] = shaped[column].astype("int64")
        elif kind in "iuf":
            shaped[column] = pd.to_numeric(shaped[column]).astype(float)
        elif kind != "M":
            shaped[column] = shaped[column].astype("str")
    return shaped


def _compare(
    spec: Spec,
    stored: pd.DataFrame,
    incoming: pd.DataFrame,
    provided: set[str],
) -> _Plan:
    """Which incoming rows are new, the same as stored, or in conflict.

    Only the columns the file gives are compared, and a blank cell never
    empties a stored value: a conflict's replacement is the stored row with
    the differing values (and the source) of the submission.
    """
    key = list(spec.key)
    existing = {tuple(_plain(v) for v in row[key]): row for _, row in stored.iterrows()}
    compared = [c for c in spec.values if c in provided]
    added: list[int] = []
    replacing: list[pd.Series] = []
    conflicts: list[_Conflict] = []
    unchanged = 0
    # By position: a wide indicator table gives several rows per spreadsheet
    # row, all with that row's number as their label.
    for position in range(len(incoming)):
        row = incoming.iloc[position]
        marker = tuple(_plain(v) for v in row[key])
        old = existing.get(marker)
        if old is None:
            added.append(position)
            continue
        differ = [
            c for c in compared if not _missing(row[c]) and not _same(old[c], row[c])
        ]
        if not differ:
            unchanged += 1
            continue
        merged = old.copy()
        for column in [*differ, "sumber"]:
            if column in merged.index:
                merged[column] = row[column]
        replacing.append(merged)
        conflicts.append(
            _Conflict(
                int(incoming.index[position]),
                marker,
                {c: old[c] for c in differ},
                {c: row[c] for c in differ},
            )
        )
    replaced = (
        pd.DataFrame(replacing, columns=stored.columns).reset_index(drop=True)
        if replacing
        else stored.iloc[0:0]
    )
    return _Plan(incoming.iloc[added], replaced, conflicts, unchanged)


def _same(a: Any, b: Any) -> bool:
    if _missing(a) and _missing(b):
        return True
    if _missing(a) or _missing(b):
        return False
    if hasattr(a, "equals_exact"):
        return bool(a.equals_exact(b, 1e-9))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b), abs_tol=_TOLERANCE)
    return _plain(a) == _plain(b)


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """A value as plain JSON: numbers, text, None; geometry as WKT."""
    if _missing(value):
        return None
    if hasattr(value, "wkt"):
        return value.wkt
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def _conflict_lines(spec: Spec, conflicts: list[_Conflict]) -> list[str]:
    lines = []
    for item in conflicts[: checks.SHOWN * 2]:
        lines.append(
            text(
                "accept.conflict_line",
                baris=item.baris,
                kunci=" / ".join(str(_plain(v)) for v in item.key),
                beda="; ".join(
                    text(
                        "accept.conflict_value",
                        kolom=c,
                        lama=_plain(item.old[c]),
                        baru=_plain(item.new[c]),
                    )
                    for c in item.old
                ),
            )
        )
    if len(conflicts) > len(lines):
        lines.append(text("review.more", jumlah=len(conflicts) - len(lines)))
    return lines


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


# Stores -------------------------------------------------------------------------


def _store() -> _FileStore | _DatabaseStore:
    return _DatabaseStore() if postgis.configured() else _FileStore()


class _FileStore:
    """The catalog's data folder: one file per dataset."""

    def __init__(self) -> None:
        self.root = catalog.data_root()
        self.description = str(self.root)

    def locked(self) -> Any:
        """One acceptance at a time into this folder, on this machine
        (analysts sharing data across machines share a database instead)."""
        return folder_lock(self.root)

    def read(self, dataset: str) -> pd.DataFrame:
        return catalog.load_files(dataset)

    def records(self) -> list[dict[str, Any]]:
        path = self.root / PROVENANCE_FILE
        if not path.is_file():
            return []
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def find(self, dataset: str, digest: str) -> dict[str, Any] | None:
        for record in self.records():
            if record["dataset"] == dataset and record["sha256"] == digest:
                return record
        return None

    def commit(
        self,
        dataset: str,
        spec: Spec,
        stored: pd.DataFrame,
        plan: _Plan,
        content: bytes,
        record: dict[str, Any],
    ) -> None:
        """Write ``stored`` (read under the lock) merged with ``plan``."""
        target = catalog.dataset_file(dataset)
        table = _merged(stored, plan, list(spec.key))
        archive = self.root / ARCHIVE_FOLDER / _archive_name(record)
        record["arsip"] = archive.relative_to(self.root).as_posix()
        history = [*self.records(), record]
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in history)
        # Archive, data file and provenance are each replaced atomically, in
        # this order: an interruption leaves the data as it was, or the new
        # data whose record a repeated acceptance then adds.
        try:
            write_all_atomic(
                {
                    archive: content,
                    target: _file_bytes(table, target),
                    self.root / PROVENANCE_FILE: lines,
                }
            )
        except OSError as exc:
            raise DataValidationError(
                "accept.write_failed",
                berkas=record["berkas"],
                tempat=self.root,
                sebab=" ".join(str(exc).split()),
            ) from None


def _merged(stored: pd.DataFrame, plan: _Plan, key: list[str]) -> pd.DataFrame:
    """The stored rows with replaced rows overwritten and new rows appended."""
    table = stored.copy()
    if len(plan.replacing):
        position = {
            tuple(_plain(v) for v in row[key]): i
            for i, (_, row) in enumerate(table.iterrows())
        }
        for _, row in plan.replacing.iterrows():
            at = position[tuple(_plain(v) for v in row[key])]
            for column in table.columns:
                table.iat[at, table.columns.get_loc(column)] = row[column]
    if len(plan.added):
        table = pd.concat([table, plan.added], ignore_index=True)
    return table.reset_index(drop=True)


def _file_bytes(table: pd.DataFrame, target: Path) -> bytes:
    if target.suffix.lower() == ".csv":
        return table.to_csv(index=False, lineterminator="\n").encode("utf-8")
    import geopandas as gpd

    frame = gpd.GeoDataFrame(table, geometry="geometry", crs="EPSG:4326")
    for column in frame.columns:
        if frame[column].dtype.kind == "M":
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    return frame.to_json(drop_id=True, ensure_ascii=False).encode("utf-8")


def _archive_name(record: dict[str, Any]) -> str:
    stamp = record["diterima_pada"].replace(":", "").replace("-", "")[:15]
    return f"{stamp}_{record['sha256'][:12]}_{Path(record['berkas']).name}"


class _DatabaseStore:
    """The PostGIS database of ``MINILAB_DB_URL``."""

    def __init__(self) -> None:
        self.description = postgis.redacted()

    @contextmanager
    def locked(self) -> Iterator[None]:
        """One acceptance at a time, for every analyst using the database."""
        with postgis.advisory_lock("minilab.accept"):
            yield

    def read(self, dataset: str) -> pd.DataFrame:
        return catalog.load(dataset)

    def records(self) -> list[dict[str, Any]]:
        return postgis.submissions()

    def find(self, dataset: str, digest: str) -> dict[str, Any] | None:
        return postgis.find_submission(dataset, digest)

    def commit(
        self,
        dataset: str,
        spec: Spec,
        stored: pd.DataFrame,
        plan: _Plan,
        content: bytes,
        record: dict[str, Any],
    ) -> None:
        """Write ``plan``; the database changes only the rows it names."""
        postgis.accept_rows(
            dataset,
            list(spec.key),
            plan.added,
            plan.replacing,
            content,
            record,
        )
