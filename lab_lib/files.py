"""Writing files so that nothing half-written is ever left behind.

A reader of a path sees either the old file or the complete new one: data are
written to a temporary file in the same folder and then moved over the target
in one step (``os.replace`` is atomic on POSIX and Windows). An interrupted
write leaves at most a hidden temporary file, which is removed when the
interruption is an exception.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]

log = logging.getLogger(__name__)


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
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    log.debug("wrote %s", path)
    return path
