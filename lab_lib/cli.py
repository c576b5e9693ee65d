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
6     a dataset failed its schema check
7     a recommendation without evidence
8     a brief could not be built
9     a map cannot be drawn from the data and options
====  ==========================================================
"""

from __future__ import annotations

import logging
import sys

import click
import pandas as pd
from rich.console import Console
from rich.table import Table

from lab_lib import __version__, fmt, regions
from lab_lib.errors import LabError
from lab_lib.messages import language, set_language, text

__all__ = ["main"]

_err = Console(stderr=True)


class _LabGroup(click.Group):
    """Turns a LabError anywhere below into one red line and its exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except LabError as exc:
            _print_error(exc)
            sys.exit(exc.exit_code)


def _print_error(exc: LabError) -> None:
    """One red line: what went wrong and what to do."""
    _err.print(
        f"[bold red]{text('cli.error')}:[/] {exc}", highlight=False, soft_wrap=True
    )


@click.group(cls=_LabGroup)
@click.version_option(__version__, prog_name="minilab")
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


@main.command()
@click.argument("tema")
@click.option(
    "--wilayah",
    multiple=True,
    default=["82"],
    show_default=True,
    help='82 untuk provinsi, kode/nama kabupaten/kota, atau "semua" untuk provinsi '
    "dan 10 kabupaten/kota. Boleh diulang.",
)
@click.option("--tahun", type=int, required=True, help="Tahun analisis.")
@click.option(
    "--skema",
    type=click.Choice(["kemendagri", "bps"]),
    default=None,
    help="Skema kode wilayah tanpa titik (8203, 8205 berbeda di Kemendagri dan BPS).",
)
@click.option(
    "--bahasa",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Bahasa brief dan pesan (bawaan: MINILAB_BAHASA, atau id).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder brief (bawaan: papers/).",
)
def paper(
    tema: str,
    wilayah: tuple[str, ...],
    tahun: int,
    skema: str | None,
    bahasa: str | None,
    out: str | None,
) -> None:
    """Buat brief kebijakan dari notebook tema TEMA ("semua" untuk semua tema).

    Contoh: minilab paper kondisi_jalan --wilayah 82.03 --tahun 2024
    """
    from pathlib import Path

    from lab_lib.paper import build_paper, theme_notebook, themes

    set_language(bahasa)
    bahasa = language()
    chosen = themes() if tema.strip().casefold() == ALL_REGIONS else [tema]
    for name in chosen:
        theme_notebook(name)
    jobs = [(name, code) for name in chosen for code in _expand_regions(wilayah, skema)]
    failed: list[int] = []
    for name, code in jobs:
        try:
            result = build_paper(
                name, code, tahun, bahasa=bahasa, out_dir=Path(out) if out else None
            )
        except LabError as exc:
            if len(jobs) == 1:
                raise
            failed.append(exc.exit_code)
            _print_error(exc)
            continue
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        click.echo(f"{result.paths[-1]}  ({seconds} {text('cli.seconds')})")
    if failed:
        sys.exit(max(failed))


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
