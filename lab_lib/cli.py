"""The ``minilab`` command.

Each subcommand is a thin wrapper over one library call. Errors a user can
fix are printed as one line in Bahasa Indonesia (English with
``MINILAB_BAHASA=en``) and end the command with a distinct exit code:

====  ==========================================================
code  meaning
====  ==========================================================
0     done
1     other lab error
2     wrong command-line usage
3     region name or code not understood
4     catalog, data folder or data file not usable
5     no data for the requested region or year
6     a dataset or a submission failed its checks, or a submission
      conflicts with stored rows or could not be stored
7     a recommendation without evidence
8     a brief could not be built
9     a map cannot be drawn from the data and options
====  ==========================================================
"""

from __future__ import annotations

import logging
import os
import sys

import click
import pandas as pd
from rich.console import Console
from rich.table import Table

from lab_lib import __version__, fmt, regions
from lab_lib.errors import LabError
from lab_lib.messages import MESSAGES, language, set_language, text

__all__ = ["main"]

_err = Console(stderr=True)


class _Formatter(click.HelpFormatter):
    """Help pages with their headings in the user's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix or f"{text('cli.usage')}: ")

    def section(self, name: str) -> object:
        key = f"cli.section_{name.casefold()}"
        return super().section(text(key) if key in MESSAGES else name)

    def write_dl(self, rows: object, *args: object, **kwargs: object) -> None:
        notes = {"[default: ": f"[{text('cli.default')}: ", "[required]": ""}
        translated = []
        for term, definition in rows:  # type: ignore[attr-defined]
            for english, own in notes.items():
                definition = definition.replace(english, own).rstrip()
            translated.append((term, definition))
        super().write_dl(translated, *args, **kwargs)  # type: ignore[arg-type]


class _Context(click.Context):
    formatter_class = _Formatter


class _LabCommand(click.Command):
    context_class = _Context

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("options_metavar", f"[{text('cli.section_options').upper()}]")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = text("cli.help_help")
        return option


class _LabGroup(click.Group):
    """The ``minilab`` group: every error a user can make becomes one line.

    A :class:`LabError` anywhere below is printed in red with its exit code;
    a command line that cannot be parsed (a missing or unknown option, a
    value of the wrong kind, an unknown command) is explained in the user's
    language and exits with 2.
    """

    context_class = _Context
    command_class = _LabCommand

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except LabError as exc:
            _print_error(exc)
            sys.exit(exc.exit_code)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and not args[0].startswith("-") and not self.get_command(ctx, args[0]):
            names = ", ".join(self.list_commands(ctx))
            raise click.UsageError(
                text("cli.no_such_command", perintah=args[0], tersedia=names), ctx
            )
        return super().resolve_command(ctx, args)

    def main(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)  # type: ignore[arg-type]
        except click.UsageError as exc:
            _err.print(
                f"[bold red]{text('cli.error')}:[/] {_usage_message(exc)}",
                highlight=False,
                soft_wrap=True,
            )
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            _err.print(f"[bold red]{text('cli.error')}:[/] {exc.format_message()}")
            sys.exit(exc.exit_code)
        except click.Abort:
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def _usage_message(exc: click.UsageError) -> str:
    """What is wrong with the command line, and where to read how to use it."""
    command = exc.ctx.command_path if exc.ctx else "minilab"
    param = getattr(exc, "param", None)
    option = "/".join(param.opts) if param is not None else ""
    if isinstance(exc, click.MissingParameter):
        message = text("cli.missing_option", opsi=option or exc.param_hint or "")
    elif isinstance(exc, click.NoSuchOption):
        message = text("cli.no_such_option", opsi=exc.option_name)
        if exc.possibilities:
            message += " " + text(
                "cli.did_you_mean", pilihan=", ".join(sorted(exc.possibilities))
            )
    elif isinstance(exc, click.BadParameter):
        message = text("cli.bad_value", opsi=option, sebab=exc.message)
    else:
        message = exc.format_message()
    return f"{message} {text('cli.see_help', perintah=command)}"


class _Integer(click.ParamType):
    """A whole number, with an Indonesian message when it is not one."""

    name = "integer"

    def __init__(self, minimum: int | None = None) -> None:
        self.minimum = minimum

    def convert(self, value: object, param: object, ctx: object) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            self.fail(text("cli.not_an_integer", nilai=value))
        if self.minimum is not None and number < self.minimum:
            self.fail(text("cli.too_small", nilai=number, minimum=self.minimum))
        return number


class _Choice(click.Choice):
    """One of a closed list, with an Indonesian message for anything else."""

    def get_invalid_choice_message(self, value: object, ctx: object) -> str:
        return text("cli.not_a_choice", nilai=value, pilihan=", ".join(self.choices))


def _print_error(exc: LabError) -> None:
    """One red line: what went wrong and what to do."""
    _err.print(
        f"[bold red]{text('cli.error')}:[/] {exc}", highlight=False, soft_wrap=True
    )


@click.group(
    cls=_LabGroup,
    options_metavar=f"[{text('cli.section_options').upper()}]",
    subcommand_metavar=text("cli.subcommand_metavar"),
)
@click.version_option(__version__, prog_name="minilab", help=text("cli.version_help"))
@click.help_option(help=text("cli.help_help"))
@click.option("-v", "--verbose", is_flag=True, help="Tampilkan log proses.")
def main(verbose: bool) -> None:
    """Mini-Lab IPW: katalog MARIMOI, analisis, dan brief kebijakan."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@main.command()
def datasets() -> None:
    """Daftar dataset di katalog MARIMOI."""
    from lab_lib import catalog

    catalog.data_root()  # a missing data folder is one message, not one per dataset
    table = Table(title=text("cli.datasets_title"), title_justify="left")
    headers = text("cli.datasets_columns").split("|")
    table.add_column(headers[0], no_wrap=True)
    for column in headers[1:]:
        table.add_column(column, overflow="fold")
    failures: list[LabError] = []
    for name, meta in catalog.datasets().iterrows():
        title = meta["title"]
        try:
            frame = catalog.load(name)
        except LabError as exc:
            failures.append(exc)
            table.add_row(name, title, meta["produsen"], text("cli.error"), "–", "–")
            continue
        table.add_row(
            name,
            str(title),
            str(meta["produsen"]),
            fmt.number(len(frame), 0),
            _year_span(frame) or str(meta["temporal_coverage"]),
            text("cli.yes") if meta["synthetic"] else text("cli.no"),
        )
    Console().print(table)
    for exc in failures:
        _print_error(exc)
    if failures:
        sys.exit(max(exc.exit_code for exc in failures))


def _year_span(frame: pd.DataFrame) -> str | None:
    """ "2019–2024" from the first year-like column, or None."""
    for column in ("tahun", "tahun_anggaran", "bulan"):
        if column in frame.columns:
            years = frame[column].astype(str).str[:4]
            return f"{years.min()}–{years.max()}"
    return None


ALL_REGIONS = "semua"

_themes_folder = click.option(
    "--folder-tema",
    "themes_folder",
    type=click.Path(file_okay=False),
    metavar="FOLDER",
    default=None,
    help="Folder notebook tema beserta aturan/-nya, mis. salinan tema sendiri "
    "(bawaan: MINILAB_THEMES, atau notebooks/themes).",
)


def _use_themes_folder(folder: str | None) -> None:
    """Build from the themes in ``folder``, for this command and its kernels."""
    if folder:
        from pathlib import Path

        from lab_lib.paper import THEMES_ENV

        os.environ[THEMES_ENV] = str(Path(folder).expanduser().resolve())


@main.command()
@click.argument("tema")
@click.option(
    "--wilayah",
    multiple=True,
    metavar="WILAYAH",
    default=["82"],
    show_default=True,
    help='82 untuk provinsi, kode/nama kabupaten/kota, atau "semua" untuk provinsi '
    "dan 10 kabupaten/kota. Boleh diulang.",
)
@click.option(
    "--tahun", type=_Integer(), required=True, metavar="TAHUN", help="Tahun analisis."
)
@click.option(
    "--skema",
    type=_Choice(["kemendagri", "bps"]),
    default=None,
    help="Skema kode wilayah tanpa titik (8203, 8205 berbeda di Kemendagri dan BPS).",
)
@click.option(
    "--bahasa",
    type=_Choice(["id", "en"]),
    default=None,
    help="Bahasa brief dan pesan (bawaan: MINILAB_BAHASA, atau id).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    metavar="FOLDER",
    default=None,
    help="Folder brief (bawaan: papers/).",
)
@_themes_folder
def paper(
    tema: str,
    wilayah: tuple[str, ...],
    tahun: int,
    skema: str | None,
    bahasa: str | None,
    out: str | None,
    themes_folder: str | None,
) -> None:
    """Buat brief kebijakan dari notebook tema TEMA ("semua" untuk semua tema).

    Hasil analisis setiap brief ditulis ke tabel hasil_analisis (basis data
    MINILAB_DB_URL, atau hasil_analisis.gpkg di folder brief).

    Contoh: minilab paper kondisi_jalan --wilayah 82.03 --tahun 2024
    """
    from pathlib import Path

    from lab_lib import results
    from lab_lib.paper import build_paper, theme_notebook, themes

    set_language(bahasa)
    bahasa = language()
    _use_themes_folder(themes_folder)
    chosen = themes() if tema.strip().casefold() == ALL_REGIONS else [tema]
    for name in chosen:
        theme_notebook(name)
    jobs = [(name, code) for name in chosen for code in _expand_regions(wilayah, skema)]
    root = Path(out) if out else None
    results.prepare(root)
    build_id = results.new_build_id()
    failed: list[int] = []
    rows = 0
    for name, code in jobs:
        try:
            result = build_paper(name, code, tahun, bahasa=bahasa, out_dir=root)
            if result.summary is not None:
                rows += results.write(result.summary, build=build_id, out_dir=root)
        except LabError as exc:
            if len(jobs) == 1:
                raise
            failed.append(exc.exit_code)
            _print_error(exc)
            continue
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        click.echo(f"{result.paths[-1]}  ({seconds} {text('cli.seconds')})")
    if rows:
        click.echo(
            text("results.written", baris=rows, tujuan=results.destination(root))
        )
    if failed:
        sys.exit(max(failed))


@main.command()
@click.option(
    "--tema",
    multiple=True,
    metavar="TEMA",
    help="Tema (boleh diulang); bawaan: semua tema.",
)
@click.option(
    "--wilayah",
    multiple=True,
    metavar="WILAYAH",
    help='Kode/nama wilayah, atau "semua" (boleh diulang); bawaan: provinsi dan '
    "10 kabupaten/kota.",
)
@click.option(
    "--tahun",
    type=_Integer(),
    metavar="TAHUN",
    multiple=True,
    help="Tahun analisis (boleh diulang); bawaan: tahun data terakhir.",
)
@click.option(
    "--bahasa",
    type=_Choice(["id", "en"]),
    default=None,
    help="Bahasa brief dan pesan (bawaan: MINILAB_BAHASA, atau id).",
)
@click.option(
    "--format",
    "formats",
    metavar="FORMAT",
    default="html,pdf",
    show_default=True,
    help="Format keluaran, dipisah koma: html, pdf, docx.",
)
@click.option(
    "--jobs",
    "-j",
    type=_Integer(minimum=1),
    metavar="N",
    default=None,
    help="Jumlah proses paralel (bawaan: jumlah CPU).",
)
@click.option("--force", is_flag=True, help="Bangun ulang semua brief.")
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    metavar="FOLDER",
    default=None,
    help="Folder brief (bawaan: papers/).",
)
@_themes_folder
def build(
    tema: tuple[str, ...],
    wilayah: tuple[str, ...],
    tahun: tuple[int, ...],
    bahasa: str | None,
    formats: str,
    jobs: int | None,
    force: bool,
    out: str | None,
    themes_folder: str | None,
) -> None:
    """Bangun atlas brief: setiap tema × wilayah × tahun, hanya yang berubah.

    Tanpa argumen: semua tema untuk provinsi dan 10 kabupaten/kota, tahun data
    terakhir, dalam HTML dan PDF, lalu papers/index.html dan index.json.

    Contoh: minilab build --tema kondisi_jalan --wilayah 82.03 --format html,docx
    """
    import signal
    from pathlib import Path

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from lab_lib import atlas

    set_language(bahasa)
    bahasa = language()
    _use_themes_folder(themes_folder)
    wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
    planned = atlas.plan(tema, wilayah, tahun, bahasa)
    # A terminated build stops its workers, as Ctrl-C does.
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_err,
        transient=True,
    )
    task = progress.add_task(text("cli.build_progress"), total=len(planned))

    def done(outcome: atlas.Outcome, count: int, total: int) -> None:
        progress.update(task, completed=count, description=outcome.job.key)
        if outcome.status == atlas.FAILED:
            progress.console.print(
                f"[bold red]{text('cli.error')}:[/] {outcome.error}",
                highlight=False,
                soft_wrap=True,
            )

    with progress:
        report = atlas.build(
            planned,
            formats=wanted,
            workers=jobs,
            force=force,
            out_dir=Path(out) if out else None,
            on_done=done,
        )
    _print_report(report)
    if report.results_rows:
        click.echo(
            text("results.written", baris=report.results_rows, tujuan=report.results_to)
        )
    sys.exit(report.exit_code)


@main.command()
@click.argument(
    "folder",
    required=False,
    type=click.Path(exists=True, file_okay=False),
    metavar="[FOLDER]",
)
@click.option(
    "--port",
    type=_Integer(minimum=1),
    metavar="PORT",
    default=None,
    help="Port lokal (bawaan: port bebas mulai 8888).",
)
@click.option(
    "--no-browser",
    is_flag=True,
    help="Jangan buka peramban; alamat lab dicetak di terminal.",
)
def lab(folder: str | None, port: int | None, no_browser: bool) -> None:
    """Buka JupyterLab lokakarya pada FOLDER (bawaan: notebooks/workshop), dengan
    antarmuka Bahasa Indonesia dan tanpa internet.

    Hentikan dengan Ctrl-C dua kali (atau menu File → Matikan).
    """
    from pathlib import Path

    from lab_lib.workshop import lab as workshop_lab

    chosen = Path(folder) if folder else workshop_lab.WORKSHOP_DIR
    workshop_lab.start(chosen, port=port, open_browser=not no_browser)


def _print_report(report: object) -> None:
    """The summary table of a build: built, skipped, failed, and the time."""
    from lab_lib import atlas

    assert isinstance(report, atlas.BuildReport)
    table = Table(title=text("cli.build_title"), title_justify="left")
    for column in text("cli.build_columns").split("|"):
        table.add_column(column, justify="right" if column[:1].isdigit() else "left")
    names = {
        atlas.BUILT: text("cli.build_built"),
        atlas.SKIPPED: text("cli.build_skipped"),
        atlas.FAILED: text("cli.build_failed"),
    }
    for status, name in names.items():
        table.add_row(name, fmt.number(report.count(status)))
    seconds = fmt.number(report.seconds, 1)
    table.add_row(text("cli.build_time"), f"{seconds} {text('cli.seconds')}")
    Console().print(table)
    for outcome in report.outcomes:
        if outcome.status == atlas.FAILED:
            click.echo(f"  {outcome.job.key}: {outcome.error}")
    click.echo(f"{text('cli.build_index')}: {report.out_dir / 'index.html'}")


def _expand_regions(wanted: tuple[str, ...], scheme: str | None) -> list[str]:
    """The region codes to build; "semua" means the province and every kabkota."""
    codes: list[str] = []
    for item in wanted:
        if item.strip().casefold() == ALL_REGIONS:
            found = [regions.province(), *regions.kabkota()]
        else:
            found = [regions.resolve_kabkota(item, scheme)]
        codes.extend(r.kode for r in found if r.kode not in codes)
    return codes


# Agency submissions and the database ----------------------------------------


def _submission_options(command: object) -> object:
    """Options shared by check and accept."""
    options = [
        click.option(
            "--dataset",
            "dataset",
            required=True,
            metavar="DATASET",
            help="Dataset tujuan, mis. indikator, ruas_jalan, progres_proyek.",
        ),
        click.option(
            "--lembar",
            "sheet",
            metavar="LEMBAR",
            default=None,
            help="Nama lembar (sheet) Excel (bawaan: lembar pertama berisi tabel).",
        ),
        click.option(
            "--skema",
            type=_Choice(regions.SCHEMES),
            default=None,
            help="Skema kode wilayah tanpa titik bila judul kolomnya tidak "
            "menyebutkan (8203, 8205 berbeda di Kemendagri dan BPS).",
        ),
        click.option(
            "--tahun",
            type=_Integer(minimum=2000),
            default=None,
            metavar="TAHUN",
            help="Tahun semua baris, untuk berkas tanpa kolom tahun.",
        ),
    ]
    for option in reversed(options):
        command = option(command)  # type: ignore[operator]
    return command


@main.command()
@click.argument("berkas", metavar="BERKAS", type=click.Path(dir_okay=False))
@_submission_options
@click.option(
    "--laporan",
    metavar="BERKAS",
    type=click.Path(dir_okay=False),
    default=None,
    help="Tulis juga laporan .html atau .xlsx untuk OPD pengirim.",
)
def check(
    berkas: str,
    dataset: str,
    sheet: str | None,
    skema: str | None,
    tahun: int | None,
    laporan: str | None,
) -> int:
    """Periksa kiriman OPD (CSV atau Excel) terhadap skema DATASET, tanpa
    menyimpan apa pun. Semua masalah dilaporkan sekaligus: baris, kolom, nilai,
    masalahnya dan cara memperbaikinya.

    Contoh: minilab check jalan_2024.xlsx --dataset ruas_jalan --laporan hasil.html
    """
    from lab_lib import review, review_report

    found = review.review(berkas, dataset, sheet=sheet, scheme=skema, tahun=tahun)
    width = max(100, min(Console().width, 160))
    click.echo(review_report.terminal_table(found, width=width), nl=False)
    if laporan:
        written = review_report.write_report(found, laporan)
        click.echo(text("cli.check_report", path=written))
    return 0 if found.ok else 6


@main.command()
@click.argument("berkas", metavar="BERKAS", type=click.Path(dir_okay=False))
@_submission_options
@click.option(
    "--opd",
    required=True,
    metavar="OPD",
    help='OPD pengirim, mis. "Dinas PUPR Provinsi Maluku Utara".',
)
@click.option(
    "--replace",
    is_flag=True,
    help="Ganti baris tersimpan yang kuncinya sama tetapi nilainya berbeda "
    "(nilai lama dicatat).",
)
def accept(
    berkas: str,
    dataset: str,
    sheet: str | None,
    skema: str | None,
    tahun: int | None,
    opd: str,
    replace: bool,
) -> None:
    """Terima kiriman OPD yang sudah bersih ke penyimpanan data: basis data
    MINILAB_DB_URL bila diatur, selain itu folder data katalog. Semua baris
    atau tidak sama sekali; berkas asli diarsipkan dan asal-usulnya dicatat.

    Contoh: minilab accept ipm_2025.csv --dataset indikator --opd "BPS Provinsi"
    """
    from lab_lib import accept as accepting

    done = accepting.accept(
        berkas,
        dataset,
        opd=opd,
        replace=replace,
        sheet=sheet,
        scheme=skema,
        tahun=tahun,
    )
    click.echo(done.summary())


@main.command()
@click.option("--dataset", default=None, metavar="DATASET", help="Hanya dataset ini.")
def submissions(dataset: str | None) -> None:
    """Daftar kiriman OPD yang sudah diterima, dengan asal-usulnya."""
    from lab_lib import accept as accepting
    from lab_lib import catalog, postgis

    place = postgis.redacted() if postgis.configured() else str(catalog.data_root())
    records = accepting.submissions(dataset)
    if not records:
        click.echo(text("cli.submissions_none", tempat=place))
        return
    table = Table(
        title=text("cli.submissions_title", tempat=place), title_justify="left"
    )
    for column in text("cli.submissions_columns").split("|"):
        table.add_column(column)
    for r in records:
        table.add_row(
            str(r["diterima_pada"])[:19].replace("T", " "),
            r["dataset"],
            r["berkas"],
            r["opd"],
            str(r["baris_baru"]),
            str(r["baris_sama"]),
            str(r["baris_diganti"]),
        )
    Console().print(table)


@main.group(cls=_LabGroup)
def db() -> None:
    """Basis data PostGIS bersama (alamatnya di MINILAB_DB_URL)."""


@db.command("load")
@click.option(
    "--replace",
    is_flag=True,
    help="Ganti tabel yang sudah ada beserta catatan kirimannya.",
)
def db_load(replace: bool) -> None:
    """Muat data sampel katalog ke basis data MINILAB_DB_URL."""
    from lab_lib import postgis

    loaded = postgis.load_sample(replace=replace)
    click.echo(text("db.loaded", jumlah=len(loaded), alamat=postgis.redacted()))
    for name, rows in loaded.items():
        click.echo(f"  {name}: {fmt.number(rows)}")


@db.command("status")
def db_status() -> None:
    """Tabel MARIMOI di basis data MINILAB_DB_URL dan jumlah barisnya."""
    from lab_lib import postgis

    counts = postgis.row_counts()
    table = Table(
        title=text("db.status_title", alamat=postgis.redacted()), title_justify="left"
    )
    for column in text("db.status_columns").split("|"):
        table.add_column(column)
    for name, rows in counts.items():
        table.add_row(name, fmt.number(rows))
    Console().print(table)
    click.echo(text("db.status_submissions", jumlah=len(postgis.submissions())))
