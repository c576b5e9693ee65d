"""Shared test set-up: the language, one headless Chromium, one PostGIS server."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pgserver
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


@pytest.fixture(scope="session")
def postgis_server(tmp_path_factory) -> Iterator[pgserver.Server]:
    """One throwaway PostgreSQL server with PostGIS for the whole test run.

    Started by the first test that asks for it and stopped, with its folder
    removed, at the end of the run. ``url`` connects as ``minilab`` to the
    database ``marimoi``. Skipped on a developer machine without PostgreSQL 15
    or PostGIS; on CI (``CI`` set) that is a failure, since the set-up installs
    them.
    """
    reason = pgserver.unavailable()
    if reason is not None:
        message = f"{reason} (install them with: make system-deps)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = pgserver.start(tmp_path_factory.mktemp("postgres"))
    yield server
    server.stop()


@pytest.fixture
def postgis_db(postgis_server) -> Iterator[str]:
    """The URL of a fresh database with PostGIS, only for this test.

    Owned by ``minilab`` and dropped after the test.
    """
    name = f"test_{uuid.uuid4().hex[:16]}"
    url = postgis_server.create_database(name)
    yield url
    postgis_server.drop_database(name)


@dataclass(frozen=True)
class BuiltAtlas:
    """Briefs built once for the whole run: where, which, and the report."""

    out: Path
    jobs: list
    report: object


@pytest.fixture(scope="session")
def file_atlas(tmp_path_factory) -> BuiltAtlas:
    """Every theme for the province and the ten kabupaten/kota, 2024, from the
    bundled sample files (HTML only), built once by ``lab_lib.atlas``."""
    from lab_lib import atlas

    out = tmp_path_factory.mktemp("atlas_files")
    jobs = atlas.plan(tahun=[2024])
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("MINILAB_DB_URL", raising=False)
        report = atlas.build(jobs, out_dir=out, workers=2)
    return BuiltAtlas(out, jobs, report)
