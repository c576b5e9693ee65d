"""``minilab lab``: a real JupyterLab on a free local port, in Indonesian, offline."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest
import workshop
from nbformat.sign import NotebookNotary

from lab_lib.workshop import lab

START_TIMEOUT = 90
MINILAB = shutil.which("minilab") or str(Path(sys.executable).parent / "minilab")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_open(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Server:
    def __init__(self, port: int, token: str, folder: Path, process: subprocess.Popen):
        self.base = f"http://127.0.0.1:{port}"
        self.port = port
        self.token = token
        self.folder = folder
        self.process = process

    def request(self, path: str, method: str = "GET") -> tuple[int, bytes]:
        call = urllib.request.Request(
            f"{self.base}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        try:
            with urllib.request.urlopen(call, timeout=20) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def json(self, path: str) -> dict:
        status, body = self.request(path)
        assert status == 200, (path, status, body[:300])
        return json.loads(body)


@pytest.fixture(scope="module")
def jupyter_home(tmp_path_factory) -> Path:
    """Jupyter's data and runtime folders for these tests, away from the user's."""
    home = tmp_path_factory.mktemp("jupyter")
    saved = {k: os.environ.get(k) for k in ("JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR")}
    os.environ["JUPYTER_DATA_DIR"] = str(home / "data")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
    yield home
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="module")
def server(tmp_path_factory, jupyter_home) -> Server:
    """``minilab lab`` on a copy of the workshop, as a participant starts it."""
    folder = workshop.copy_workshop(tmp_path_factory.mktemp("lab"))
    port, token = free_port(), secrets.token_hex(16)
    log = (jupyter_home / "lab.log").open("wb")
    process = subprocess.Popen(
        [MINILAB, "lab", str(folder), "--port", str(port), "--no-browser"],
        # A fresh participant: no settings or workspace from an earlier run.
        env={
            **os.environ,
            "JUPYTER_TOKEN": token,
            lab.STATE_ENV: str(jupyter_home / "state"),
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    running = Server(port, token, folder, process)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        assert process.poll() is None, (jupyter_home / "lab.log").read_text()
        try:
            if running.request("/api/status")[0] == 200:
                break
        except OSError:
            pass
        assert time.monotonic() < deadline, "JupyterLab did not start"
        time.sleep(0.5)
    yield running
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)
    log.close()


def test_the_lab_serves_the_workshop_folder(server):
    listing = server.json("/api/contents/")
    names = {item["name"] for item in listing["content"]}
    expected = {workshop.lesson_notebook(n).name for n in workshop.LESSONS}
    assert expected <= names
    data = {item["name"] for item in server.json("/api/contents/data")["content"]}
    assert any(name.endswith(".xlsx") for name in data)


def test_indonesian_is_installed_and_the_default_language(server):
    languages = server.json("/lab/api/translations/")["data"]
    assert lab.LOCALE in languages
    strings = server.json(f"/lab/api/translations/{lab.LOCALE}")["data"]["jupyterlab"]
    assert strings["Settings"] == ["Pengaturan"]
    plugin = server.json("/lab/api/settings/@jupyterlab/translation-extension:plugin")
    assert plugin["schema"]["properties"]["locale"]["default"] == lab.LOCALE


def test_nothing_is_set_to_reach_the_internet(server):
    status, body = server.request("/lab")
    assert status == 200
    config = json.loads(
        re.search(rb'id="jupyter-config-data"[^>]*>(.*?)</script>', body, re.S)[1]
    )
    assert config["news"] == {"disabled": True}
    assert config["extensionManager"]["can_install"] is False
    notices = server.json(
        "/lab/api/settings/@jupyterlab/apputils-extension:notification"
    )
    defaults = notices["schema"]["properties"]
    assert defaults["fetchNews"]["default"] == "false"
    assert defaults["checkForUpdates"]["default"] is False


def listening_addresses(port: int) -> list[str]:
    """The IPv4 and IPv6 addresses that listen on ``port``, from /proc/net."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.append(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc")
def test_the_lab_listens_on_this_machine_only(server):
    # 0100007F is 127.0.0.1 as the kernel writes it.
    assert listening_addresses(server.port) == ["0100007F"]


def test_the_notebooks_are_trusted(server):
    notary = NotebookNotary()
    for number in workshop.LESSONS:
        path = server.folder / workshop.lesson_notebook(number).name
        assert notary.check_signature(nbformat.read(path, as_version=4))


def local_page(server: Server, browser) -> tuple[object, object, list[str]]:
    """A page in a fresh browser context where only the lab itself is reachable.

    Returns the context (to close), the page, and the list that collects every
    request to anywhere else, which is aborted.
    """
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    outside: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith((server.base, "data:", "blob:", "about:")):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    return context, context.new_page(), outside


@pytest.mark.browser
def test_the_interface_opens_in_indonesian_with_no_outside_request(server, browser):
    context, page, outside = local_page(server, browser)
    try:
        page.goto(f"{server.base}/lab?token={server.token}", wait_until="load")
        # The language pack leaves the menu titles in English but translates
        # most of the rest, such as the file browser's "Name" column.
        header = page.locator(".jp-DirListing-headerItem")
        header.get_by_text("Nama", exact=True).wait_for(timeout=60_000)
        page.get_by_text("00_orientasi.ipynb").first.wait_for(timeout=30_000)
        page.locator("#jp-menu-panel").get_by_text("Run", exact=True).click()
        run_menu = page.locator(".lm-Menu-itemLabel").all_inner_texts()
        assert "Jalankan semua di atas sel yang dipilih" in run_menu
    finally:
        context.close()
    assert outside == []


@pytest.mark.browser
@pytest.mark.slow
def test_a_participant_runs_a_lesson_in_the_browser_with_no_network(server, browser):
    """Open lesson 03, run all its cells from the menu, see its maps and check."""
    context, page, outside = local_page(server, browser)
    name = workshop.lesson_notebook("03").name
    try:
        page.goto(f"{server.base}/lab/tree/{name}?token={server.token}")
        page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
        # The kernel starts with the notebook; Run All before it is ready does
        # nothing, so wait for it, and run again if no cell started.
        page.locator(".jp-StatusBar-Widget", has_text="| Idle").first.wait_for(
            timeout=120_000
        )
        for attempt in (1, 2):
            page.locator("#jp-menu-panel").get_by_text("Run", exact=True).click()
            page.locator(
                ".lm-Menu-itemLabel", has_text="Menjalakan Semua Sel"
            ).first.click()
            started = page.locator(
                ".jp-InputPrompt", has_text=re.compile(r"\[(\*|1)\]")
            )
            try:
                started.first.wait_for(state="attached", timeout=30_000)
                break
            except Exception:
                if attempt == 2:
                    raise
        # JupyterLab renders only the cells in view, so wait for the check's
        # box to exist, then bring it and a map into view.
        verdict = page.locator(".lab-cek")
        try:
            verdict.wait_for(state="attached", timeout=180_000)
        except Exception:
            page.screenshot(path=str(server.folder / "gagal.png"), full_page=True)
            errors = page.locator(".jp-OutputArea-output").all_text_contents()
            raise AssertionError(
                f"no check box; outputs: {errors[-3:]}; see {server.folder}/gagal.png"
            ) from None
        verdict.scroll_into_view_if_needed()
        text = verdict.text_content()
        frame = page.locator("iframe.lab-map__frame").first
        frame.scroll_into_view_if_needed()
        leaflet = frame.content_frame.locator(".leaflet-container")
        leaflet.wait_for(timeout=30_000)
    finally:
        context.close()
    assert "BELUM DIISI" in text
    assert outside == []


def test_the_lab_stops_when_asked(server):
    status, _ = server.request("/api/shutdown", method="POST")
    assert status == 200
    assert server.process.wait(timeout=60) == 0
    assert not port_is_open(server.port)
