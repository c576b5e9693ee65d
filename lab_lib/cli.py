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

from lab_lib import __version__, regions
from lab_lib.errors import LabError
from lab_lib.messages import text

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

    table = Table(title="Katalog MARIMOI", title_justify="left")
    table.add_column("dataset", no_wrap=True)
    for column in ("judul", "produsen data", "baris", "tahun", "sintetis"):
        table.add_column(column, overflow="fold")
    listing = catalog.datasets()
    for name, meta in listing.iterrows():
        frame = catalog.load(name)
        years = _year_span(frame) or str(meta["temporal_coverage"])
        table.add_row(
            name,
            str(meta["title"]),
            str(meta["produsen"]),
            f"{len(frame):,}".replace(",", "."),
            years,
            "ya" if meta["synthetic"] else "tidak",
        )
    Console().print(table)


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
    "--bahasa",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Bahasa brief.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder brief (bawaan: papers/).",
)
def paper(
    tema: str, wilayah: tuple[str, ...], tahun: int, bahasa: str, out: str | None
) -> None:
    """Buat brief kebijakan dari notebook tema TEMA.

    Contoh: minilab paper kondisi_jalan --wilayah 82.03 --tahun 2024
    """
    from pathlib import Path

    from lab_lib.paper import build_paper, theme_notebook

    theme_notebook(tema)
    codes = _expand_regions(wilayah)
    failed = 0
    for code in codes:
        try:
            result = build_paper(
                tema, code, tahun, bahasa=bahasa, out_dir=Path(out) if out else None
            )
        except LabError as exc:
            if len(codes) == 1:
                raise
            failed += 1
            _print_error(exc)
            continue
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        click.echo(f"{result.paths[-1]}  ({seconds} {text('cli.seconds')})")
    if failed:
        sys.exit(8)


def _expand_regions(wanted: tuple[str, ...]) -> list[str]:
    """The region codes to build; "semua" means the province and every kabkota."""
    codes: list[str] = []
    for item in wanted:
        if item.strip().casefold() == ALL_REGIONS:
            found = [regions.province(), *regions.kabkota()]
        else:
            found = [regions.resolve_kabkota(item)]
        codes.extend(r.kode for r in found if r.kode not in codes)
    return codes
