"""The atlas: every brief for every theme, region and year, built incrementally.

:func:`build` runs the briefs asked for in parallel worker processes (one
kernel each), skips every brief whose inputs have not changed, prints the
briefs to PDF and DOCX, and writes the index (``papers/index.html`` and
``papers/index.json``).

A brief is skipped when its *fingerprint* is unchanged. The fingerprint is a
SHA-256 over everything that can change the brief:

* the theme notebook and its recommendation rules,
* the brief's parameters (theme, region, year, language),
* the bytes of each dataset the brief read the last time it was built (as
  recorded through :mod:`lab_lib.catalog`), and the catalog file itself,
* the source of ``lab_lib``, its export template included.

So changing one dataset rebuilds exactly the briefs that read it. What was
built, from what, is kept in ``papers/.minilab-build.json``; each finished
brief is recorded at once, so an interrupted build loses only the briefs
that were running.

Each brief built writes its key figures, classifications and
recommendations to the results table ``hasil_analisis`` (see
:mod:`lab_lib.results`), all under one build id per run; a skipped brief
keeps the rows of the build that made it. When the results cannot be saved
at all (the database cannot be reached), the build stops before any brief
runs; when one brief's rows fail, that brief counts as failed and is built
again next time.

A failing brief does not stop the others. Its previous good files are kept,
the notebook as far as it ran is saved as ``<kode>.gagal.ipynb`` when its code
broke (see :mod:`lab_lib.paper`), and the error is shown in the summary and
the index. Temporary files left by a write that a kill cut short are removed
when the next build starts.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import lab_lib
from lab_lib import regions
from lab_lib.errors import LabError, PaperError
from lab_lib.files import sweep_partial, write_atomic
from lab_lib.messages import LANGUAGES, text

__all__ = [
    "FORMATS",
    "BuildReport",
    "Job",
    "Outcome",
    "build",
    "fingerprint",
    "latest_year",
    "plan",
]

log = logging.getLogger(__name__)

FORMATS = ("html", "pdf", "docx")
STATE_FILE = ".minilab-build.json"
STATE_VERSION = 1
# Where the digests of database tables are kept among those of files.
DATABASE_READ = "<database>"

BUILT, SKIPPED, FAILED = "built", "skipped", "failed"


@dataclass(frozen=True, order=True)
class Job:
    """One brief to build: a theme for one region, year and language."""

    tema: str
    kode: str
    tahun: int
    bahasa: str = "id"

    @property
    def key(self) -> str:
        """``tema/tahun/kode`` (``.en`` added for English): the brief's files' stem."""
        stem = self.kode if self.bahasa == "id" else f"{self.kode}.{self.bahasa}"
        return f"{self.tema}/{self.tahun}/{stem}"

    def path(self, root: Path, suffix: str) -> Path:
        """The file of the brief with ``suffix`` (``"html"``, ``"pdf"``)."""
        return root / f"{self.key}.{suffix}"


@dataclass
class Outcome:
    """What happened to one brief in a build."""

    job: Job
    status: str
    seconds: float = 0.0
    error: str = ""
    exit_code: int = 0
    formats: list[str] = field(default_factory=list)


@dataclass
class BuildReport:
    """The outcomes of one build, in the order of the jobs.

    ``build`` is the id its results rows carry; ``results_rows`` how many
    rows the briefs built wrote, to ``results_to`` (words, for messages).
    """

    outcomes: list[Outcome]
    seconds: float
    out_dir: Path
    build: str = ""
    results_rows: int = 0
    results_to: str = ""

    def count(self, status: str) -> int:
        """How many briefs ended with ``status``."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def exit_code(self) -> int:
        """0 when nothing failed, else the highest exit code of a failure."""
        codes = [o.exit_code or 1 for o in self.outcomes if o.status == FAILED]
        return max(codes, default=0)


def latest_year() -> int:
    """The atlas's default year: the latest complete year of ``indikator``.

    A year is complete when it holds as many rows as the fullest year (every
    indicator for the province and each kabupaten/kota). A year that only
    some agencies have reported for yet is not the default.
    """
    from lab_lib import catalog

    rows = catalog.load("indikator").groupby("tahun").size()
    return int(rows[rows == rows.max()].index.max())


def plan(
    temas: Sequence[str] = (),
    wilayah: Sequence[str] = (),
    tahun: Sequence[int] = (),
    bahasa: str = "id",
) -> list[Job]:
    """The briefs to build: each theme × region × year.

    Parameters
    ----------
    temas : sequence of str
        Theme names; empty for every theme.
    wilayah : sequence of str
        Region codes or names, ``"semua"`` for the province and all ten
        kabupaten/kota; empty for the same.
    tahun : sequence of int
        Years; empty for :func:`latest_year`.
    bahasa : {"id", "en"}
        Language of the briefs.

    Raises
    ------
    LabError
        For an unknown theme, region or language, before anything runs.
    """
    from lab_lib.paper import theme_notebook, themes

    if bahasa not in LANGUAGES:
        raise PaperError("language.unsupported", kode=bahasa)
    chosen = list(dict.fromkeys(temas)) or themes()
    for name in chosen:
        theme_notebook(name)
    codes: list[str] = []
    for item in wilayah or ["semua"]:
        if str(item).strip().casefold() == "semua":
            found = [regions.province(), *regions.kabkota()]
        else:
            found = [regions.resolve_kabkota(str(item))]
        codes.extend(r.kode for r in found if r.kode not in codes)
    years = list(dict.fromkeys(int(y) for y in tahun)) or [latest_year()]
    return [
        Job(name, code, year, bahasa)
        for name in chosen
        for year in years
        for code in codes
    ]


# Fingerprints -------------------------------------------------------------


class _Hashes:
    """SHA-256 of files, each file read once per build."""

    def __init__(self) -> None:
        self._seen: dict[Path, str] = {}

    def read(self, dataset: str, path: str) -> str:
        """The digest now of what a brief read: a data file, or a table of the
        database (``postgresql://...#marimoi.<dataset>``)."""
        if "://" not in path:
            return self.file(Path(path))
        key = Path(f"{DATABASE_READ}/{dataset}")
        if key not in self._seen:
            from lab_lib import postgis
            from lab_lib.errors import CatalogError

            try:
                current = postgis.location(dataset) == path
                self._seen[key] = postgis.digest(dataset) if current else "moved"
            except CatalogError:
                self._seen[key] = "missing"
        return self._seen[key]

    def file(self, path: Path) -> str:
        path = Path(path)
        if path not in self._seen:
            try:
                self._seen[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self._seen[path] = "missing"
        return self._seen[path]

    def tree(self, folder: Path) -> str:
        """One digest over every file below ``folder`` (caches left out)."""
        digest = hashlib.sha256()
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(self.file(path).encode())
        return digest.hexdigest()


def _static_inputs(hashes: _Hashes) -> dict[str, str]:
    """Inputs shared by every brief of a build."""
    from lab_lib import catalog, postgis

    return {
        "lab_lib": hashes.tree(Path(lab_lib.__file__).parent),
        "catalog": hashes.file(catalog.catalog_path()),
        "data_root": postgis.redacted()
        if postgis.configured()
        else str(catalog.data_root()),
    }


def _theme_inputs(tema: str, hashes: _Hashes) -> dict[str, str]:
    from lab_lib.paper import theme_notebook
    from lab_lib.rules import rules_dir

    return {
        "notebook": hashes.file(theme_notebook(tema)),
        "rules": hashes.file(rules_dir() / f"{tema}.yaml"),
    }


def fingerprint(
    job: Job, reads: dict[str, str], shared: dict[str, str], theme: dict[str, str]
) -> str:
    """The fingerprint of ``job`` given the datasets it read and their digests.

    Parameters
    ----------
    job : Job
        The brief.
    reads : dict
        Dataset name to the SHA-256 of its file.
    shared, theme : dict
        Digests of ``lab_lib``, the catalog, the notebook and its rules.

    Examples
    --------
    >>> job = Job("kondisi_jalan", "82", 2024)
    >>> a = fingerprint(job, {"ruas_jalan": "aa"}, {}, {})
    >>> a == fingerprint(job, {"ruas_jalan": "ab"}, {}, {})
    False
    """
    payload = {
        "job": asdict(job),
        "reads": dict(sorted(reads.items())),
        "shared": shared,
        "theme": theme,
        "version": STATE_VERSION,
    }
    blob = json.dumps(payload, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def _current_reads(record: dict, hashes: _Hashes) -> dict[str, str]:
    """Digests now of the datasets a brief read when it was last built."""
    return {
        item["dataset"]: hashes.read(item["dataset"], item["path"])
        for item in record.get("reads", [])
    }


# State --------------------------------------------------------------------


def _load_state(root: Path) -> dict[str, Any]:
    path = root / STATE_FILE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"version": STATE_VERSION, "briefs": {}}
    if state.get("version") != STATE_VERSION:
        return {"version": STATE_VERSION, "briefs": {}}
    return state


def _save_state(root: Path, state: dict[str, Any]) -> None:
    write_atomic(root / STATE_FILE, json.dumps(state, indent=1, ensure_ascii=False))


def _is_current(
    job: Job,
    record: dict | None,
    formats: Sequence[str],
    root: Path,
    shared: dict[str, str],
    theme: dict[str, str],
    hashes: _Hashes,
) -> bool:
    """Whether the brief on disk was built from exactly today's inputs."""
    if not record or record.get("status") != BUILT or not record.get("fingerprint"):
        return False
    now = fingerprint(job, _current_reads(record, hashes), shared, theme)
    if now != record["fingerprint"]:
        return False
    for suffix in ("ipynb", *formats):
        if not job.path(root, suffix).is_file():
            return False
        if suffix in ("pdf", "docx") and record.get(suffix) != record["fingerprint"]:
            return False
    return True


# Workers ------------------------------------------------------------------


def _run(job: Job, root: str, kernel: str | None) -> dict[str, Any]:
    """Build one brief's notebook and HTML (in a worker process)."""
    from lab_lib.messages import set_language
    from lab_lib.paper import build_paper

    set_language(job.bahasa)
    started = time.perf_counter()
    try:
        result = build_paper(
            job.tema,
            job.kode,
            job.tahun,
            bahasa=job.bahasa,
            out_dir=Path(root),
            kernel_name=kernel,
        )
    except LabError as exc:
        return _failure(str(exc), exc.exit_code, started)
    except Exception as exc:  # a fault in lab_lib itself, not in a notebook
        log.exception("brief %s", job.key)
        cause = text("atlas.unexpected", sebab=f"{type(exc).__name__}: {exc}")
        return _failure(cause, 1, started)
    return {
        "ok": True,
        "reads": [
            {"dataset": r["dataset"], "path": r["path"], "sha256": r["sha256"]}
            for r in {r["dataset"]: r for r in result.reads}.values()
        ],
        "summary": result.summary,
        "sample": result.sample,
        "seconds": time.perf_counter() - started,
    }


def _failure(error: str, exit_code: int, started: float) -> dict[str, Any]:
    return {
        "ok": False,
        "error": error,
        "exit_code": exit_code,
        "seconds": time.perf_counter() - started,
    }


def _warm_up() -> None:
    """Import what every brief needs once per worker, not once per brief."""
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401

    import lab_lib.paper  # noqa: F401


# The build ----------------------------------------------------------------


Progress = Callable[[Outcome, int, int], None]


def build(
    jobs: Iterable[Job],
    *,
    formats: Sequence[str] = ("html",),
    workers: int | None = None,
    force: bool = False,
    out_dir: Path | None = None,
    kernel_name: str | None = None,
    on_start: Callable[[int, int], None] | None = None,
    on_done: Progress | None = None,
) -> BuildReport:
    """Build the briefs of ``jobs`` that are out of date, then the index.

    Parameters
    ----------
    jobs : iterable of Job
        From :func:`plan`.
    formats : sequence of {"html", "pdf", "docx"}
        Formats to produce. The HTML is always built; PDF and DOCX are made
        from it.
    workers : int, optional
        Parallel worker processes (default: the number of CPUs).
    force : bool
        Rebuild every brief, changed or not.
    out_dir : Path, optional
        Root folder of the briefs (default :func:`lab_lib.paper.papers_dir`).
    kernel_name : str, optional
        Jupyter kernel for the notebooks (see :func:`lab_lib.paper.build_paper`).
    on_start : callable, optional
        Called once with (number of briefs to build, number of briefs).
    on_done : callable, optional
        Called with each :class:`Outcome` as it is known, and the counts done
        and in all.

    Returns
    -------
    BuildReport

    Raises
    ------
    LabError
        An unknown format, a briefs folder that cannot be written, or results
        that cannot be saved; in each case before any brief runs.
    """
    from lab_lib import results
    from lab_lib.paper import _check_writable, papers_dir

    started = time.perf_counter()
    jobs = list(dict.fromkeys(jobs))
    wanted = [f for f in FORMATS if f in {"html", *formats}]
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise PaperError(
            "atlas.unknown_format",
            format=", ".join(unknown),
            tersedia=", ".join(FORMATS),
        )
    root = (out_dir or papers_dir()).resolve()
    _check_writable(root)
    if root.is_dir():
        for path in sweep_partial(root):
            log.info("sisa tulisan yang terputus dihapus: %s", path)
    hashes = _Hashes()
    shared = _static_inputs(hashes)
    themes = {j.tema: _theme_inputs(j.tema, hashes) for j in jobs}
    state = _load_state(root)
    records: dict[str, dict] = state["briefs"]

    outcomes: dict[Job, Outcome] = {}
    to_build: list[Job] = []
    to_print: list[Job] = []
    for job in jobs:
        record = records.get(job.key)
        current = not force and _is_current(
            job, record, ["html"], root, shared, themes[job.tema], hashes
        )
        if not current:
            to_build.append(job)
        elif not _is_current(
            job, record, wanted, root, shared, themes[job.tema], hashes
        ):
            to_print.append(job)
        else:
            outcomes[job] = Outcome(job, SKIPPED, formats=list(wanted))
    build_id = results.new_build_id()
    if to_build:
        results.prepare(root)
    saved = _Results(build_id, root)
    total = len(jobs)
    if on_start:
        on_start(len(to_build) + len(to_print), total)
    done = 0

    def finish(outcome: Outcome) -> None:
        nonlocal done
        outcomes[outcome.job] = outcome
        done += 1
        if on_done:
            on_done(outcome, done, total)

    for outcome in outcomes.values():
        done += 1
        if on_done:
            on_done(outcome, done, total)

    printer = _Printer(wanted)
    try:
        # Briefs whose HTML is current but which lack a PDF or DOCX.
        for job in to_print:
            record = records[job.key]
            outcome = printer.derive(job, root, record)
            _save_state(root, state)
            finish(outcome)
        built = _execute(to_build, root, workers, kernel_name)
        try:
            for job, result in built:
                outcome = _record(job, result, records, shared, themes, hashes)
                if outcome.status == BUILT:
                    outcome = saved.write(job, result["summary"], records, outcome)
                if outcome.status == BUILT:
                    outcome = printer.derive(job, root, records[job.key], outcome)
                _save_state(root, state)
                finish(outcome)
        finally:
            built.close()
    finally:
        printer.close()
        _save_state(root, state)
        from lab_lib import atlas_index

        atlas_index.write(root, records)

    ordered = [outcomes[j] for j in jobs if j in outcomes]
    return BuildReport(
        ordered,
        time.perf_counter() - started,
        root,
        build=build_id,
        results_rows=saved.rows,
        results_to=results.destination(root) if saved.rows else "",
    )


def _execute(
    jobs: list[Job], root: Path, workers: int | None, kernel: str | None
) -> Iterable[tuple[Job, dict[str, Any]]]:
    """Run ``jobs`` in worker processes; yield each result as it arrives."""
    if not jobs:
        return
    count = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    if count == 1:
        for job in jobs:
            yield job, _run(job, str(root), kernel)
        return
    # Spawned workers behave alike on Linux, macOS and Windows, and share no
    # sockets or threads with this process.
    pool = ProcessPoolExecutor(
        max_workers=count, mp_context=get_context("spawn"), initializer=_warm_up
    )
    try:
        pending: dict[Future, Job] = {
            pool.submit(_run, job, str(root), kernel): job for job in jobs
        }
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                job = pending.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # a worker died (killed, out of memory)
                    cause = f"{type(exc).__name__}: {exc}"
                    error = text("atlas.worker_died", sebab=cause)
                    result = _failure(error, PaperError.exit_code, time.perf_counter())
                yield job, result
    except BaseException:
        # Interrupted: stop the workers now rather than after their briefs.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _record(
    job: Job,
    result: dict[str, Any],
    records: dict[str, dict],
    shared: dict[str, str],
    themes: dict[str, dict[str, str]],
    hashes: _Hashes,
) -> Outcome:
    """Update the state of ``job`` from a worker's result."""
    previous = records.get(job.key, {})
    if not result["ok"]:
        records[job.key] = {
            **previous,
            "job": asdict(job),
            "status": FAILED,
            "error": result["error"],
            "failed_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        return Outcome(
            job,
            FAILED,
            seconds=result["seconds"],
            error=result["error"],
            exit_code=result["exit_code"],
        )
    reads = {r["dataset"]: r["sha256"] for r in result["reads"]}
    records[job.key] = {
        "job": asdict(job),
        "status": BUILT,
        "fingerprint": fingerprint(job, reads, shared, themes[job.tema]),
        "reads": result["reads"],
        "summary": result["summary"],
        "sample": result["sample"],
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "seconds": round(result["seconds"], 2),
    }
    return Outcome(job, BUILT, seconds=result["seconds"], formats=["html"])


class _Results:
    """Writes each built brief's rows to ``hasil_analisis``, under one build id."""

    def __init__(self, build_id: str, root: Path) -> None:
        self.build_id = build_id
        self.root = root
        self.rows = 0

    def write(
        self,
        job: Job,
        summary: dict | None,
        records: dict[str, dict],
        outcome: Outcome,
    ) -> Outcome:
        """Replace the brief's rows; when that fails, the brief has failed.

        A failed brief is built again by the next build, which then writes
        its rows; its files of this build stay in place.
        """
        from lab_lib import results

        if summary is None:
            log.warning(
                "brief %s tanpa ringkasan: hasil analisis tidak ditulis", job.key
            )
            return outcome
        try:
            self.rows += results.write(summary, build=self.build_id, out_dir=self.root)
        except LabError as exc:
            records[job.key].update(
                status=FAILED,
                error=str(exc),
                failed_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            )
            return Outcome(
                job,
                FAILED,
                seconds=outcome.seconds,
                error=str(exc),
                exit_code=exc.exit_code,
            )
        records[job.key]["build"] = self.build_id
        return outcome


class _Printer:
    """Makes PDF and DOCX files from HTML briefs, one browser for the batch."""

    def __init__(self, formats: Sequence[str]) -> None:
        self.formats = [f for f in formats if f in ("pdf", "docx")]
        self._pdf: Any = None
        self._pdf_error: LabError | None = None

    def derive(
        self, job: Job, root: Path, record: dict, outcome: Outcome | None = None
    ) -> Outcome:
        outcome = outcome or Outcome(job, BUILT, formats=["html"])
        html_path = job.path(root, "html")
        for suffix in self.formats:
            if (
                record.get(suffix) == record["fingerprint"]
                and job.path(root, suffix).is_file()
            ):
                outcome.formats.append(suffix)
                continue
            started = time.perf_counter()
            try:
                if suffix == "pdf":
                    self._pdf_printer().print(html_path, job.path(root, "pdf"))
                else:
                    from lab_lib.word import html_to_docx

                    html_to_docx(html_path, job.path(root, "docx"))
            except LabError as exc:
                outcome.status = FAILED
                outcome.exit_code = exc.exit_code
                outcome.error = str(exc)
                record[f"{suffix}_error"] = str(exc)
                continue
            record[suffix] = record["fingerprint"]
            record.pop(f"{suffix}_error", None)
            outcome.formats.append(suffix)
            outcome.seconds += time.perf_counter() - started
        return outcome

    def _pdf_printer(self) -> Any:
        """The batch's browser; started once, and not retried when it failed."""
        if self._pdf_error is not None:
            raise self._pdf_error
        if self._pdf is None:
            from lab_lib.pdf import PdfPrinter

            try:
                self._pdf = PdfPrinter()
            except LabError as exc:
                self._pdf_error = exc
                raise
        return self._pdf

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
