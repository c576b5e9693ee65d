"""Briefs exported from an executed notebook: outputs only, offline, one file."""

from __future__ import annotations

import base64
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import papermill
import pytest

from lab_lib.errors import PaperError
from lab_lib.export import notebook_to_html

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "export" / "brief_uji.ipynb"
TITLE = "Brief uji: skor wilayah"
LOADING_ATTRIBUTES = {"src", "href", "srcset", "poster", "data"}

pytestmark = pytest.mark.slow


class Resources(HTMLParser):
    """Every loading attribute, style text and iframe srcdoc of a document."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.srcdocs: list[str] = []
        self.styles: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        for name, value in attrs:
            if name in LOADING_ATTRIBUTES:
                self.links.append((tag, name, value or ""))
            elif name == "srcdoc":
                self.srcdocs.append(value or "")
            elif name == "style":
                self.styles.append(value or "")

    def handle_data(self, data):
        if self._tag == "style":
            self.styles.append(data)

    def handle_endtag(self, tag):
        self._tag = ""


def documents(page: str) -> list[Resources]:
    """The page and, recursively, every document inside an iframe srcdoc."""
    parser = Resources()
    parser.feed(page)
    found = [parser]
    for srcdoc in parser.srcdocs:
        found += documents(srcdoc)
    return found


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> nbformat.NotebookNode:
    """The fixture notebook run by papermill with the year set to 2031."""
    output = tmp_path_factory.mktemp("brief") / "brief_uji.ipynb"
    papermill.execute_notebook(
        str(FIXTURE),
        str(output),
        parameters={"tahun": 2031},
        kernel_name="python3",
        cwd=str(ROOT),
        progress_bar=False,
    )
    return nbformat.read(output, as_version=4)


@pytest.fixture(scope="module")
def brief(executed) -> str:
    """The brief in Indonesian, from sample data."""
    return notebook_to_html(executed, title=TITLE, subtitle="Maluku Utara, 2031")


def test_fixture_is_committed_without_outputs():
    nb = nbformat.read(FIXTURE, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert all(not cell.outputs and cell.execution_count is None for cell in code)
    assert "parameters" in code[0].metadata["tags"]


def test_no_code_is_shown(brief):
    assert "KODE_SUMBER_TERSEMBUNYI" not in brief
    assert "baris-kode-ini-tidak-boleh-tampil" not in brief
    assert "from lab_lib.maps import" not in brief
    assert 'class="jp-InputPrompt' not in brief
    assert 'class="jp-CodeMirrorEditor' not in brief
    assert "In&nbsp;[" not in brief


def test_parameters_are_applied_but_not_shown(executed, brief):
    injected = [
        cell
        for cell in executed.cells
        if "injected-parameters" in cell.metadata.get("tags", [])
    ]
    assert injected, "papermill should have injected the parameters"
    assert "injected-parameters" not in brief
    assert "# Parameters" not in brief
    assert "# Parameter brief" not in brief
    assert "<td>2031</td>" in brief
    assert "Skor uji 2031" in brief


def test_removed_cells_and_stderr_are_hidden(brief):
    assert "sel-dihapus-tidak-tampil" not in brief
    assert "Catatan untuk analis" not in brief
    assert "keluaran-stderr-tersembunyi" not in brief
    assert "peringatan-uji-tersembunyi" not in brief
    assert "keluaran-stdout-terlihat" in brief


def test_header_title_and_sample_banner(brief):
    assert '<html lang="id">' in brief
    assert f"<title>{TITLE}</title>" in brief
    assert "Bappeda Provinsi Maluku Utara" in brief
    assert "Maluku Utara, 2031" in brief
    assert "Data sampel — bukan data resmi MARIMOI" in brief
    assert brief.index('class="brief-sample"') < brief.index("Ringkasan wilayah uji")


def test_banner_only_for_sample_data(executed):
    official = notebook_to_html(executed, title=TITLE, sample=False)
    assert "Data sampel" not in official
    assert 'class="brief-sample"' not in official


def test_english_brief(executed):
    english = notebook_to_html(executed, title="Test brief", bahasa="en")
    assert '<html lang="en">' in english
    assert "Sample data — not official MARIMOI data" in english
    assert "North Maluku Regional Planning Agency" in english
    assert "Data sampel" not in english


def test_map_is_embedded_with_its_static_twin(brief):
    assert brief.count('class="lab-map__frame"') == 1
    assert brief.count('class="lab-map__static"') == 1
    assert "@media print" in brief


def test_nothing_is_loaded_from_the_network(brief):
    found = documents(brief)
    assert len(found) == 2, "the page and the map's iframe"
    for document in found:
        for tag, _name, value in document.links:
            assert tag == "a" or not re.match(r"\s*(https?:)?//", value), value
        for css in document.styles:
            assert "@import" not in css
            assert not re.search(r"url\(\s*[\"']?(https?:)?//", css)
    assert not re.search(r"<script[^>]+src=", brief)
    # Embedded data may hold any letters; only addresses may not name a CDN.
    addresses = [v for d in found for _, _, v in d.links if not v.startswith("data:")]
    assert "cdn" not in " ".join(addresses)


def test_brief_is_a_single_file(brief):
    for document in documents(brief):
        for tag, _name, value in document.links:
            if tag != "a":
                assert value.startswith(("data:", "#")), value
    assert not re.search(r"<link[^>]+rel=\"?stylesheet", brief)


def test_outside_image_is_refused():
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("![logo](https://example.org/logo.png)")]
    )
    with pytest.raises(PaperError, match=r"example\.org/logo\.png"):
        notebook_to_html(nb, title="Logo")


def test_unsupported_language_is_refused():
    nb = nbformat.v4.new_notebook()
    with pytest.raises(PaperError, match='"fr"'):
        notebook_to_html(nb, title="Brief", bahasa="fr")


def test_title_is_escaped():
    nb = nbformat.v4.new_notebook()
    page = notebook_to_html(nb, title="Jalan & <jembatan>", sample=False)
    assert html.escape("Jalan & <jembatan>", quote=False) in page
    assert "<jembatan>" not in page


def test_image_alt_text_is_escaped():
    from IPython.display import Image

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
        "awAAAABJRU5ErkJggg=="
    )
    caption = 'Jalan "rusak" & <berat>'
    # The same display object Brief.figure shows: a PNG with its caption as alt.
    data, metadata = Image(data=png, format="png", alt=caption)._repr_mimebundle_()
    output = nbformat.v4.new_output("display_data", data=data, metadata=metadata)
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("x", outputs=[output])]
    )
    page = notebook_to_html(nb, title="Alt", sample=False)

    class Images(HTMLParser):
        def __init__(self):
            super().__init__()
            self.alts = []

        def handle_starttag(self, tag, attrs):
            if tag == "img":
                self.alts.append(dict(attrs).get("alt"))

    parser = Images()
    parser.feed(page)
    assert parser.alts == [caption]
