"""Writing files so that nothing half-written is ever left behind.

A reader of a path sees either the old file or the complete new one: data are
written to a temporary file in the same folder, flushed to disk, and then
moved over the target in one step (``os.replace`` is atomic on POSIX and
Windows). An interrupted write leaves at most a hidden temporary file
(``.<name>.<random>.part``), which is removed when the interruption is an
exception; one left by a killed process is removed by :func:`sweep_partial`.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

__all__ = [
    "PARTIAL_SUFFIX",
    "folder_lock",
    "reproducible_workbook",
    "sweep_partial",
    "write_all_atomic",
    "write_atomic",
]

log = logging.getLogger(__name__)

#: Suffix of the temporary file a write stages its data in.
PARTIAL_SUFFIX = ".part"


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _stage(target: Path, data: bytes | str) -> Path:
    """Write ``data`` beside ``target`` in a hidden temporary file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates owner-only files; briefs are meant to be shared.
        os.chmod(temporary, 0o666 & ~_current_umask())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def write_atomic(target: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``target`` atomically, creating its folder.

    Parameters
    ----------
    target : str or Path
        File to write.
    data : bytes or str
        Content; text is written as UTF-8.

    Returns
    -------
    Path
        The path written.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a" / "b.txt", "isi").read_text()
    'isi'
    >>> sorted(p.name for p in (folder / "a").iterdir())
    ['b.txt']
    """
    return write_all_atomic({target: data})[0]


def write_all_atomic(files: Mapping[str | Path, bytes | str]) -> list[Path]:
    """Write several files so that either all are replaced or none is.

    Every file is first written to a temporary file beside its target; only
    when all of them are on disk are they moved into place. A failure while
    writing leaves every target as it was.

    Parameters
    ----------
    files : mapping of path to bytes or str
        Target paths and their contents.

    Returns
    -------
    list of Path
        The paths written, in the order given.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in files.items():
            staged.append((_stage(Path(target), data), Path(target)))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)
        log.debug("wrote %s", target)
    return [target for _, target in staged]


def sweep_partial(root: str | Path) -> list[Path]:
    """Remove the temporary files that killed writes left below ``root``.

    Only hidden files named like the staging files of this module
    (``.<name>.<random>.part``, possibly with a further extension) are
    removed. Call it when no other write into ``root`` is running.

    Returns
    -------
    list of Path
        The files removed.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / ".brief.html.k2j4.part").write_text("setengah")
    >>> _ = (folder / "brief.html").write_text("utuh")
    >>> [p.name for p in sweep_partial(folder)]
    ['.brief.html.k2j4.part']
    >>> sorted(p.name for p in folder.iterdir())
    ['brief.html']
    """
    removed = []
    for path in sorted(Path(root).rglob(f".*{PARTIAL_SUFFIX}*")):
        if path.is_file() and path.name.count(".") >= 3:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


@contextmanager
def folder_lock(folder: str | Path) -> Iterator[None]:
    """Let one process at a time, on this machine, rewrite files in ``folder``.

    Two processes that each read a file, change it and write it back would
    otherwise lose one of the changes. The lock file lives in the temporary
    folder, not in ``folder``, so that ``folder`` only changes by the writes
    themselves.
    """
    from filelock import FileLock

    key = hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:16]
    with FileLock(Path(tempfile.gettempdir()) / f"minilab-{key}.lock"):
        yield


def reproducible_workbook(
    book: object,
    created: datetime,
    creator: str,
    rewrite: Callable[[str, bytes], bytes] | None = None,
) -> bytes:
    """The bytes of an openpyxl workbook, the same on every run.

    openpyxl stamps the time of saving into the workbook and into every
    member of its zip archive; here all of them are ``created``, so that a
    generated workbook changes only when its content does.

    Parameters
    ----------
    book : openpyxl.Workbook
        The workbook; its creator and creation time are set.
    created : datetime
        The time written everywhere a time is stored.
    creator : str
        The author shown in the workbook's properties.
    rewrite : callable, optional
        Called with each member's name and bytes; returns the bytes to keep.
    """
    book.properties.creator = creator  # type: ignore[attr-defined]
    book.properties.created = created  # type: ignore[attr-defined]
    raw = io.BytesIO()
    book.save(raw)  # type: ignore[attr-defined]
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data
                )
            if rewrite is not None:
                data = rewrite(info.filename, data)
            member = zipfile.ZipInfo(info.filename, created.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, data)
    return out.getvalue()
