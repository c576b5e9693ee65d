"""Shared test set-up: the process language, and one headless Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lab_lib.messages import set_language

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A sandboxed iframe runs in its own process under site isolation, and
    # Playwright's request routing does not see that process's requests.
    # Keeping frames in one process lets the tests catch loads from the map.
    "--disable-site-isolation-trials",
    "--disable-features=IsolateOrigins,site-per-process",
]
LOCAL_SCHEMES = ("file:", "data:", "about:")


@pytest.fixture(autouse=True)
def _language_from_environment():
    """Each test starts and ends with the language taken from the environment.

    A Brief sets the process language, as a notebook kernel should; tests must
    not leak it into each other.
    """
    set_language(None)
    yield
    set_language(None)


def find_chromium() -> str | None:
    """A Chromium installed on this machine, Debian's first."""
    candidates = [
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ]
    return next((c for c in candidates if c and Path(c).exists()), None)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the whole test run.

    Skipped on a developer machine without Chromium; on CI (``CI`` set) a
    missing browser is a failure, since the set-up installs it.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = find_chromium()
        bundled = Path(playwright.chromium.executable_path).exists()
        if executable is None and not bundled:
            message = "no Chromium found (install it with: apt-get install chromium)"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        chromium = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_offline(browser) -> Callable:
    """Open a file in a fresh page; every non-local request is aborted and noted.

    Use as ``with open_offline(path) as (page, attempted, errors): ...``.
    """

    @contextmanager
    def _open(path: Path) -> Iterator[tuple[object, list[str], list[str]]]:
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        attempted: list[str] = []
        errors: list[str] = []

        def route(request_route):
            url = request_route.request.url
            if url.startswith(LOCAL_SCHEMES):
                request_route.continue_()
            else:
                attempted.append(url)
                request_route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.as_uri(), wait_until="load")
        try:
            yield page, attempted, errors
        finally:
            context.close()

    return _open
