"""HTML briefs printed to A4 PDF by a headless Chromium, with no network.

:class:`PdfPrinter` starts one browser and prints every brief given to it,
so a batch pays the browser's start-up once. The browser is the first of:

1. the program named by ``MINILAB_BROWSER``;
2. Chromium, Google Chrome or Microsoft Edge installed on the system;
3. the Chromium that Playwright installs (``playwright install chromium``).

The page is printed with print styles, under which each interactive map gives
way to its static twin. Every request other than to the brief itself and its
inline ``data:`` content is refused, so a PDF can never depend on the network.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from lab_lib.errors import PaperError
from lab_lib.files import write_atomic
from lab_lib.messages import text

__all__ = ["BROWSER_ENV", "PdfPrinter", "find_browser"]

log = logging.getLogger(__name__)

BROWSER_ENV = "MINILAB_BROWSER"

_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
)

_INSTALLED = {
    "win32": (
        r"%ProgramFiles%\Google\Chrome\Application\chrome.exe",
        r"%ProgramFiles(x86)%\Google\Chrome\Application\chrome.exe",
        r"%LocalAppData%\Google\Chrome\Application\chrome.exe",
        r"%ProgramFiles(x86)%\Microsoft\Edge\Application\msedge.exe",
        r"%ProgramFiles%\Microsoft\Edge\Application\msedge.exe",
    ),
    "darwin": (
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ),
}

# Flags for a quiet, offline, headless browser.
_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_browser() -> Path | None:
    """The system browser to print with, or None to use Playwright's own.

    Raises
    ------
    PaperError
        When ``MINILAB_BROWSER`` names a program that does not exist.
    """
    chosen = os.environ.get(BROWSER_ENV)
    if chosen:
        found = shutil.which(chosen) or (chosen if Path(chosen).is_file() else None)
        if not found:
            raise PaperError("pdf.browser_missing", path=chosen, env=BROWSER_ENV)
        return Path(found)
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in _INSTALLED.get(sys.platform, ()):
        path = Path(os.path.expandvars(candidate))
        if path.is_file():
            return path
    return None


class PdfPrinter:
    """One headless browser that prints HTML briefs to A4 PDF files.

    Use it as a context manager (``with PdfPrinter() as printer:``), or call
    :meth:`close` when done.

    Raises
    ------
    PaperError
        When no browser can be started; the message says how to install one.
    """

    def __init__(self) -> None:
        from playwright.sync_api import Error, sync_playwright

        executable = find_browser()
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=str(executable) if executable else None, args=_ARGS
            )
        except Error as exc:
            self._playwright.stop()
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            raise PaperError(
                "pdf.no_browser", sebab=first_line[:200], env=BROWSER_ENV
            ) from None
        log.info("mencetak PDF dengan %s", executable or "Chromium Playwright")

    def __enter__(self) -> PdfPrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def print(self, source: Path, target: Path, title: str | None = None) -> Path:
        """Print the HTML file ``source`` to the A4 PDF ``target``, atomically.

        Parameters
        ----------
        source : Path
            An HTML brief.
        target : Path
            The PDF to write; replaced only once the whole PDF is made.
        title : str, optional
            Text for the page footer (default: the page's ``<title>``).
        """
        from playwright.sync_api import Error

        page = self._browser.new_page()
        try:
            page.route("**/*", _only_local)
            page.goto(Path(source).resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            footer_title = title if title is not None else page.title()
            data = page.pdf(
                format="A4",
                print_background=True,
                margin={
                    "top": "16mm",
                    "bottom": "18mm",
                    "left": "15mm",
                    "right": "15mm",
                },
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=_footer(footer_title),
            )
        except Error as exc:
            raise PaperError(
                "pdf.failed", path=source, sebab=str(exc).strip().splitlines()[0]
            ) from None
        finally:
            page.close()
        return write_atomic(target, data)

    def close(self) -> None:
        """Stop the browser."""
        if getattr(self, "_browser", None) is not None:
            self._browser.close()
            self._browser = None
        if getattr(self, "_playwright", None) is not None:
            self._playwright.stop()
            self._playwright = None


def _only_local(route: Any) -> None:
    """Let the brief and its inline data load; refuse anything from outside."""
    url = route.request.url
    if url.startswith(("file:", "data:", "about:")):
        route.continue_()
    else:
        log.warning("permintaan keluar ditolak saat mencetak PDF: %s", url)
        route.abort()


def _footer(title: str) -> str:
    page = text("pdf.page")
    of = text("pdf.of")
    return (
        '<div style="font-size:7.5pt;color:#555;width:100%;padding:0 15mm;'
        'display:flex;justify-content:space-between;font-family:sans-serif">'
        f"<span>{html.escape(title)}</span>"
        f'<span>{page} <span class="pageNumber"></span> {of} '
        '<span class="totalPages"></span></span></div>'
    )
