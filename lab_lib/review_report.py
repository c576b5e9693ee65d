"""The report of a checked submission: a terminal table, HTML or Excel.

Every value is written as text: a value that starts with "=" is shown, never
run as a formula, in the Excel report as in the page.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

from lab_lib.errors import DataValidationError
from lab_lib.files import write_atomic
from lab_lib.messages import language, text
from lab_lib.review import FORMULA, Review

__all__ = ["terminal_table", "write_report"]


def _report_rows(found: Review) -> list[list[str]]:
    return [
        [
            "" if p.baris is None else str(p.baris),
            p.kolom,
            p.nilai,
            p.masalah,
            p.perbaikan,
        ]
        for p in found.problems
    ]


def _columns() -> list[str]:
    return text("review.columns").split("|")


def terminal_table(found: Review, width: int | None = None) -> str:
    """The problems as a table for a terminal, with the summary above it."""
    from rich.console import Console
    from rich.table import Table

    stream = io.StringIO()
    console = Console(file=stream, width=width or 120, highlight=False, markup=False)
    console.print(found.summary())
    for note in found.notes:
        console.print(f"· {note}")
    if found.problems:
        table = Table(show_lines=True)
        for name, ratio in zip(_columns(), (1, 2, 2, 5, 5), strict=True):
            table.add_column(name, ratio=ratio, overflow="fold")
        for row in _report_rows(found):
            table.add_row(*row)
        console.print(table)
    return stream.getvalue()


def write_report(found: Review, target: str | Path) -> Path:
    """Write the problems to ``target``: ``.html`` or ``.xlsx``.

    Values are always written as text: a value that starts with "=" is shown,
    never run as a formula. The write is atomic.

    Raises
    ------
    DataValidationError
        For another file extension.
    """
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix in (".html", ".htm"):
        return write_atomic(target, _html(found))
    if suffix == ".xlsx":
        return write_atomic(target, _xlsx(found))
    raise DataValidationError("review.bad_report", path=target, akhiran=suffix)


_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733;max-width:75rem}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #c8d0d8;padding:.35rem .5rem;vertical-align:top;
text-align:left}th{background:#eef2f5}td.v{font-family:monospace;
white-space:pre-wrap;word-break:break-all}.ok{color:#1b6e3a}.bad{color:#a0281e}
"""


def _html(found: Review) -> str:
    esc = html.escape
    status = "ok" if found.ok else "bad"
    head = "".join(f"<th>{esc(c)}</th>" for c in _columns())
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="v">{esc(v)}</td>' if i == 2 else f"<td>{esc(v)}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in _report_rows(found)
    )
    notes = "".join(f"<li>{esc(n)}</li>" for n in found.notes)
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return (
        f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">'
        f"<title>{esc(text('review.report_title', berkas=found.path.name))}</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>{esc(text('review.report_title', berkas=found.path.name))}</h1>"
        f'<p class="{status}">{esc(found.summary())}</p>'
        f"<ul>{notes}</ul>{table if found.problems else ''}</body></html>"
    )


def _xlsx(found: Review) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = text("review.sheet_title")
    sheet.append([found.summary()])
    for note in found.notes:
        sheet.append([note])
    sheet.append([])
    sheet.append(_columns())
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in _report_rows(found):
        sheet.append([None] * len(row))
        for column, value in enumerate(row, start=1):
            _text_cell(sheet.cell(row=sheet.max_row, column=column), value)
    for letter, width in zip("ABCDE", (8, 24, 24, 60, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _text_cell(cell: Any, value: str) -> None:
    """Put ``value`` in ``cell`` as text that Excel will not run as a formula."""
    cell.value = value
    cell.data_type = "s"
    if FORMULA.match(value):
        cell.quotePrefix = True
