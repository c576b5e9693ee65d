"""An exported brief in headless Chromium: offline, map drawn, printable."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import nbformat
import pandas as pd
import pytest
from shapely.geometry import box

from lab_lib.export import notebook_to_html
from lab_lib.maps import thematic_map

pytestmark = pytest.mark.browser


def brief_notebook() -> nbformat.NotebookNode:
    """An executed-looking notebook: heading, a thematic map and a table."""
    regions = gpd.GeoDataFrame(
        {"nama": ["Pulau Satu", "Pulau Dua", "Pulau Tiga"], "skor": [12.5, 40.0, 80.0]},
        geometry=[
            box(127.3, 0.7, 127.5, 0.9),
            box(127.5, 0.7, 127.7, 0.9),
            box(127.3, 0.9, 127.5, 1.1),
        ],
        crs="EPSG:4326",
    )
    peta = thematic_map(
        regions, "skor", title="Skor uji", scheme="manual", bins=[25, 50, 100]
    )
    table = pd.DataFrame({"Wilayah": regions["nama"], "Skor": regions["skor"]})
    new_output = nbformat.v4.new_output
    return nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Peta skor"),
            nbformat.v4.new_code_cell(
                "peta",
                outputs=[new_output("display_data", data=peta._repr_mimebundle_())],
            ),
            nbformat.v4.new_code_cell(
                "tabel",
                outputs=[
                    new_output("display_data", data={"text/html": table.to_html()})
                ],
            ),
        ]
    )


@pytest.fixture(scope="module")
def brief_path(tmp_path_factory) -> Path:
    """The brief written to a file, as planners receive it."""
    path = tmp_path_factory.mktemp("browser") / "brief.html"
    page = notebook_to_html(brief_notebook(), title="Brief uji", subtitle="2031")
    path.write_text(page, encoding="utf-8")
    return path


@pytest.fixture
def opened(open_offline, brief_path) -> Iterator[tuple[object, list[str], list[str]]]:
    """The brief open in a fresh page, with outside requests aborted and noted."""
    with open_offline(brief_path) as seen:
        yield seen


def test_requests_from_sandboxed_frames_are_caught(opened):
    page, attempted, _ = opened
    inner = '<img src="https://example.invalid/kanari.png">'
    page.set_content(
        f'<iframe sandbox="allow-scripts" srcdoc="{html.escape(inner)}"></iframe>'
    )
    page.wait_for_load_state("load")
    assert attempted == ["https://example.invalid/kanari.png"]


def map_frame(page):
    """The frame of the map's iframe."""
    return page.frame_locator("iframe.lab-map__frame")


def test_no_network_and_the_map_renders(opened):
    page, attempted, errors = opened
    shapes = map_frame(page).locator("path.leaflet-interactive")
    shapes.first.wait_for(state="attached", timeout=10_000)
    assert shapes.count() == 3
    assert map_frame(page).locator(".lab-legend").inner_text().count("–") == 3
    assert attempted == []
    assert errors == []


def test_static_twin_is_hidden_on_screen(opened):
    page, _, _ = opened
    assert page.locator("iframe.lab-map__frame").is_visible()
    assert not page.locator("img.lab-map__static").is_visible()
    assert page.locator(".brief-sample").is_visible()


def test_print_shows_the_static_twin_and_makes_a_pdf(opened):
    page, attempted, _ = opened
    page.emulate_media(media="print")
    assert page.locator("img.lab-map__static").is_visible()
    assert not page.locator("iframe.lab-map__frame").is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert len(pdf) > 20_000
    assert attempted == []
