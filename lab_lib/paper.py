"""Turn a theme notebook into a policy brief.

:func:`build_paper` executes ``notebooks/themes/<tema>.ipynb`` with papermill
for one wilayah, year and language, exports it with :mod:`lab_lib.export`, and
writes ``papers/<tema>/<tahun>/<kode>.ipynb`` and ``.html`` (``<kode>.en.*``
for English). Nothing of the brief is written to ``papers/`` unless the whole
brief succeeded, and each file is replaced atomically, so an earlier good
brief survives a failed or interrupted run. When a notebook breaks (an
error in its code, a dead kernel, a recommendation without evidence), the
notebook as far as it ran is kept beside the brief as ``<kode>.gagal.ipynb``
for the user to open; it is removed by the next good build. A problem with
the request or the data (a region, a year without data, a dataset that fails
its schema) writes nothing: its message says all there is to say.

This module runs notebooks; it never imports analysis code.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import lab_lib
from lab_lib import regions
from lab_lib.catalog import CATALOG_ENV, DATA_ENV, READ_LOG_ENV, data_root
from lab_lib.errors import (
    CatalogError,
    DataValidationError,
    LabError,
    PaperError,
    RegionError,
)
from lab_lib.files import write_all_atomic
from lab_lib.messages import LANGUAGES, text

if TYPE_CHECKING:
    import nbformat

__all__ = ["PaperResult", "build_paper", "papers_dir", "theme_notebook", "themes"]

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent
THEMES_DIR = REPO / "notebooks" / "themes"
PAPERS_ENV = "MINILAB_PAPERS"
KERNEL_ENV = "MINILAB_KERNEL"
THEMES_ENV = "MINILAB_THEMES"
FAILED_SUFFIX = ".gagal.ipynb"


def _error_classes(cls: type[LabError]) -> dict[str, type[LabError]]:
    found = {cls.__name__: cls}
    for sub in cls.__subclasses__():
        found.update(_error_classes(sub))
    return found


# Exceptions whose message is already written for the user, by name: a
# notebook's error reaches us as the name and text of the exception.
_USER_ERRORS = _error_classes(LabError)

# Problems with the request or the data, which the message explains in full:
# the half-run notebook would add nothing, so none is kept for them.
_INPUT_ERRORS = (RegionError, CatalogError, DataValidationError)


@dataclass
class PaperResult:
    """What one brief build produced."""

    tema: str
    kode: str
    tahun: int
    bahasa: str
    paths: list[Path]
    sample: bool
    datasets: list[str] = field(default_factory=list)
    seconds: float = 0.0
    reads: list[dict] = field(default_factory=list)
    summary: dict | None = None


def themes_dir() -> Path:
    """The folder of theme notebooks: ``MINILAB_THEMES`` or ``notebooks/themes``."""
    chosen = os.environ.get(THEMES_ENV)
    return Path(chosen).expanduser().resolve() if chosen else THEMES_DIR


def themes() -> list[str]:
    """Names of the theme notebooks."""
    return sorted(p.stem for p in themes_dir().glob("*.ipynb"))


def theme_notebook(tema: str) -> Path:
    """The notebook of a theme; a clear error lists the themes there are.

    Only the names of notebooks in the themes folder are accepted, never a
    path, so a brief is always written below the briefs folder.
    """
    if tema not in themes():
        raise PaperError("paper.unknown_theme", tema=tema, tersedia=", ".join(themes()))
    return themes_dir() / f"{tema}.ipynb"


def papers_dir() -> Path:
    """Where briefs are written: ``MINILAB_PAPERS`` or ``papers/`` in the repo."""
    chosen = os.environ.get(PAPERS_ENV)
    return Path(chosen).expanduser().resolve() if chosen else REPO / "papers"


def build_paper(
    tema: str,
    wilayah: str,
    tahun: int,
    *,
    bahasa: str = "id",
    out_dir: Path | None = None,
    kernel_name: str | None = None,
) -> PaperResult:
    """Execute one theme notebook and write the brief.

    Parameters
    ----------
    tema : str
        Theme notebook name, e.g. ``"kondisi_jalan"``.
    wilayah : str
        ``"82"`` for the province, or a kabupaten/kota code or name.
    tahun : int
        Year of analysis.
    bahasa : {"id", "en"}
        Language of the brief.
    out_dir : Path, optional
        Root folder for briefs (default :func:`papers_dir`).
    kernel_name : str, optional
        Jupyter kernel to run the notebook in (default ``MINILAB_KERNEL`` or
        ``python3``). A kernel that fails to start is tried once more.

    Returns
    -------
    PaperResult

    Raises
    ------
    LabError
        A bad theme, region or language (before anything runs), or a
        :class:`PaperError` carrying the notebook's own message when the
        notebook fails. In every case nothing is written.
    """
    started = time.perf_counter()

    # 1. Check the request before starting a kernel.
    notebook = theme_notebook(tema)
    region = regions.resolve_kabkota(wilayah)
    if bahasa not in LANGUAGES:
        raise PaperError("language.unsupported", kode=bahasa)
    data_root()  # a missing data folder is reported here, not from the kernel
    targets = _targets(out_dir or papers_dir(), tema, int(tahun), region.kode, bahasa)
    _check_writable(targets["html"].parent)

    with tempfile.TemporaryDirectory(prefix="minilab-") as scratch:
        # 2. Execute in a scratch folder, recording every dataset read.
        scratch_dir = Path(scratch)
        read_log = scratch_dir / "reads.jsonl"
        kernel = kernel_name or os.environ.get(KERNEL_ENV) or "python3"
        failed_copy = targets["failed"]
        executed = _execute(
            notebook,
            scratch_dir,
            region,
            int(tahun),
            bahasa,
            read_log,
            kernel,
            failed_copy,
        )
        reads = _read_log(read_log)

        # 3. Export the executed notebook to one offline HTML file.
        sample = any(r["synthetic"] for r in reads)
        executed.metadata["minilab"] = _provenance(
            executed, tema, region, int(tahun), bahasa, reads
        )
        html = _export(executed, region, int(tahun), bahasa, sample)

        # 4. Publish both files together, each replaced atomically.
        import nbformat

        _publish({targets["ipynb"]: nbformat.writes(executed), targets["html"]: html})
        failed_copy.unlink(missing_ok=True)

    return PaperResult(
        tema=tema,
        kode=region.kode,
        tahun=int(tahun),
        bahasa=bahasa,
        paths=[targets["ipynb"], targets["html"]],
        sample=sample,
        datasets=sorted({r["dataset"] for r in reads}),
        seconds=time.perf_counter() - started,
        reads=reads,
        summary=_summary(executed),
    )


def _summary(nb: nbformat.NotebookNode) -> dict | None:
    from lab_lib.export import brief_summary

    return brief_summary(nb)


def _targets(root: Path, tema: str, tahun: int, kode: str, bahasa: str) -> dict:
    stem = kode if bahasa == "id" else f"{kode}.{bahasa}"
    folder = root / tema / str(tahun)
    found = {suffix: folder / f"{stem}.{suffix}" for suffix in ("ipynb", "html")}
    found["failed"] = folder / f"{stem}{FAILED_SUFFIX}"
    return found


def _check_writable(folder: Path) -> None:
    """Fail before running anything when briefs cannot be written to ``folder``.

    Nothing is created here: the nearest existing ancestor must be a folder
    we may write in.
    """
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        reason = text("paper.not_a_folder", path=existing)
    elif not os.access(existing, os.W_OK):
        reason = text("paper.no_permission", path=existing)
    else:
        return
    raise PaperError("paper.not_writable", folder=folder, sebab=reason)


def _publish(files: dict[Path, str]) -> None:
    try:
        write_all_atomic(files)
    except OSError as exc:
        folder = next(iter(files)).parent
        raise PaperError(
            "paper.not_writable", folder=folder, sebab=exc.strerror
        ) from None


def _execute(
    notebook: Path,
    scratch: Path,
    region: regions.Region,
    tahun: int,
    bahasa: str,
    read_log: Path,
    kernel: str,
    failed_copy: Path,
) -> nbformat.NotebookNode:
    from papermill.exceptions import PapermillExecutionError

    output = scratch / notebook.name
    parameters = {"wilayah": region.kode, "tahun": tahun, "bahasa": bahasa}
    log.info("menjalankan %s untuk %s %s", notebook.name, region.kode, tahun)
    try:
        with _environment(_kernel_environment(read_log, bahasa)):
            _run_with_retry(notebook, output, parameters, kernel, scratch, read_log)
    except PapermillExecutionError as exc:
        known = _USER_ERRORS.get(exc.ename)
        if not (known and issubclass(known, _INPUT_ERRORS)):
            _keep_failed(output, failed_copy)
        cause = exc.evalue if known else f"{exc.ename}: {exc.evalue}"
        failure = _failed(notebook, region, tahun, cause)
        if known:
            failure.exit_code = known.exit_code  # e.g. 5 for a year without data
        raise failure from None
    except Exception as exc:  # the kernel could not start or died
        _keep_failed(output, failed_copy)
        raise _failed(notebook, region, tahun, f"{type(exc).__name__}: {exc}") from exc
    import nbformat

    return nbformat.read(output, as_version=4)


def _run_with_retry(
    notebook: Path,
    output: Path,
    parameters: dict,
    kernel: str,
    scratch: Path,
    read_log: Path,
) -> None:
    """Run the notebook; a kernel that fails before any cell ran gets one retry.

    Kernels started side by side can race for the same ports and die at
    start-up; a second start almost always succeeds.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    for attempt in (1, 2):
        try:
            papermill.execute_notebook(
                str(notebook),
                str(output),
                parameters=parameters,
                kernel_name=kernel,
                cwd=str(scratch),
                progress_bar=False,
                language="python",
                # The kernel's own start-up warnings are noise in a brief build.
                extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
            )
            return
        except PapermillExecutionError:
            raise
        except Exception as exc:
            if attempt == 2 or _cells_ran(output):
                raise
            log.warning("kernel %s gagal mulai (%s); dicoba sekali lagi", kernel, exc)
            read_log.unlink(missing_ok=True)


def _cells_ran(output: Path) -> bool:
    """Whether papermill's output notebook shows any executed cell."""
    import nbformat

    try:
        nb = nbformat.read(output, as_version=4)
    except (OSError, ValueError):
        return False
    return any(
        cell.get("execution_count") for cell in nb.cells if cell.cell_type == "code"
    )


def _keep_failed(output: Path, failed_copy: Path) -> None:
    """Keep the failed notebook where the user can open it (if it was written)."""
    if not output.is_file():
        return
    try:
        write_all_atomic({failed_copy: output.read_bytes()})
    except OSError as exc:
        log.warning("notebook gagal tidak bisa disimpan di %s: %s", failed_copy, exc)


def _failed(
    notebook: Path, region: regions.Region, tahun: int, cause: str
) -> PaperError:
    return PaperError(
        "paper.failed",
        tema=notebook.stem,
        wilayah=region.nama,
        tahun=tahun,
        sebab=cause,
    )


def _kernel_environment(read_log: Path, bahasa: str) -> dict[str, str]:
    """What the kernel must see: the read log, the language, and the folders.

    The kernel runs in a scratch folder, so folders given as relative paths
    (``MINILAB_THEMES=karya/tema``) are passed on resolved against the
    caller's working directory.
    """
    values = {READ_LOG_ENV: str(read_log), "MINILAB_BAHASA": bahasa}
    for name in (THEMES_ENV, CATALOG_ENV, DATA_ENV):
        chosen = os.environ.get(name)
        if chosen:
            values[name] = str(Path(chosen).expanduser().resolve())
    return values


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the kernel, and put them back after."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _read_log(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _provenance(
    nb: nbformat.NotebookNode,
    tema: str,
    region: regions.Region,
    tahun: int,
    bahasa: str,
    reads: list[dict],
) -> dict:
    latest = {r["dataset"]: r for r in reads}
    return {
        **nb.metadata.get("minilab", {}),
        "tema": tema,
        "wilayah": region.kode,
        "tahun": tahun,
        "bahasa": bahasa,
        "lab_lib_version": lab_lib.__version__,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "datasets": [
            {"dataset": name, "sha256": r["sha256"], "synthetic": r["synthetic"]}
            for name, r in sorted(latest.items())
        ],
    }


def _export(
    nb: nbformat.NotebookNode,
    region: regions.Region,
    tahun: int,
    bahasa: str,
    sample: bool,
) -> str:
    from lab_lib.export import notebook_to_html

    titles = nb.metadata.get("minilab", {}).get("title", {})
    title = titles.get(bahasa) or titles.get("id") or nb.metadata["minilab"]["tema"]
    subtitle = f"{region.nama} · {tahun}"
    return notebook_to_html(
        nb, title=title, subtitle=subtitle, sample=sample, bahasa=bahasa
    )
