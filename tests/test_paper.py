"""Briefs end to end: papermill executes the theme, nbconvert exports it."""

import json
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import briefs
import nbformat
import pandas as pd
import pytest

from lab_lib import catalog
from lab_lib.errors import PaperError, RegionError
from lab_lib.paper import build_paper

pytestmark = pytest.mark.slow

SAMPLE = Path(catalog.DEFAULT_CATALOG).parent / "sample"


class _Loads(HTMLParser):
    """Collects every URL the document would load, iframe documents included."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe"} and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])
        if tag == "iframe" and attrs.get("srcdoc"):
            inner = _Loads()
            inner.feed(attrs["srcdoc"])
            self.urls.extend(inner.urls)


def _external_loads(html):
    parser = _Loads()
    parser.feed(html)
    loads = [u for u in parser.urls if re.match(r"(https?:)?//", u)]
    css = re.findall(r"@import|url\(\s*['\"]?(?:https?:)?//", html)
    return loads + css


@pytest.fixture(scope="module")
def province_brief(tmp_path_factory):
    out = tmp_path_factory.mktemp("papers")
    return build_paper("kondisi_jalan", "82", 2024, out_dir=out), out


@pytest.fixture(scope="module")
def halut_brief(tmp_path_factory):
    out = tmp_path_factory.mktemp("papers")
    return build_paper("kondisi_jalan", "Halut", 2024, out_dir=out), out


def test_brief_is_written_where_promised(province_brief, halut_brief):
    result, out = province_brief
    assert result.paths == [
        out / "kondisi_jalan" / "2024" / "82.ipynb",
        out / "kondisi_jalan" / "2024" / "82.html",
    ]
    result, out = halut_brief
    assert (out / "kondisi_jalan" / "2024" / "82.03.html").is_file()
    assert result.kode == "82.03"


def test_executed_notebook_records_parameters_and_data(halut_brief):
    result, _ = halut_brief
    nb = nbformat.read(result.paths[0], as_version=4)
    assert nb.metadata.papermill.parameters == {
        "wilayah": "82.03",
        "tahun": 2024,
        "bahasa": "id",
    }
    used = {d["dataset"] for d in nb.metadata.minilab.datasets}
    assert {"ruas_jalan", "target_rpjmd", "wilayah_kecamatan"} <= used
    assert result.sample is True


def test_brief_hides_code_and_injected_parameters(halut_brief):
    result, _ = halut_brief
    html = result.paths[1].read_text(encoding="utf-8")
    assert "catalog.load(" not in html
    assert "from lab_lib" not in html
    assert "injected-parameters" not in html
    assert "Parameters" not in html


def test_brief_says_the_data_are_a_sample(halut_brief):
    html = halut_brief[0].paths[1].read_text(encoding="utf-8")
    banner = re.search(r'<div class="brief-sample"[^>]*>(.*?)</div>', html, re.S)
    assert banner and "Data sampel" in banner.group(1)
    assert "contoh sintetis, bukan data resmi" in html  # on every source line


def test_brief_loads_nothing_from_the_network(province_brief, halut_brief):
    for result, _ in (province_brief, halut_brief):
        html = result.paths[1].read_text(encoding="utf-8")
        assert _external_loads(html) == []
        assert "leaflet" in html.lower()  # the interactive map is inlined


def test_findings_come_from_the_data(halut_brief):
    roads = catalog.load("ruas_jalan", wilayah="82.03", tahun=2024)
    roads = roads[roads["status"] == "kabupaten"]
    steady = (
        100 * roads[["baik_km", "sedang_km"]].sum().sum() / roads["panjang_km"].sum()
    )
    expected = f"{steady:.1f}".replace(".", ",") + "%"
    html = halut_brief[0].paths[1].read_text(encoding="utf-8")
    assert expected in html


@pytest.mark.parametrize("which", ["province_brief", "halut_brief"])
def test_every_recommendation_cites_evidence_shown_in_the_brief(which, request):
    html = request.getfixturevalue(which)[0].paths[1].read_text(encoding="utf-8")
    assert len(briefs.recommendations(html)) >= 2
    assert briefs.summary_recommendations(html)
    assert briefs.uncited(html) == []


def test_province_brief_tabulates_kemantapan_per_kabkota(province_brief):
    html = province_brief[0].paths[1].read_text(encoding="utf-8")
    assert "per kabupaten/kota dan status" in html
    roads = catalog.load("ruas_jalan", tahun=2024)
    roads = roads[roads["kode_kabkota"] == "82.08"]
    steady = (
        100 * roads[["baik_km", "sedang_km"]].sum().sum() / roads["panjang_km"].sum()
    )
    row = re.search(r"<td[^>]*>Kabupaten Pulau Taliabu</td>(.*?)</tr>", html, re.S)
    assert f"{steady:.1f}".replace(".", ",") in row.group(1)


def test_regency_brief_ranks_the_regency_among_its_peers(halut_brief):
    roads = catalog.load("ruas_jalan", tahun=2024)
    roads = roads[roads["status"] == "kabupaten"]
    sums = roads.groupby("kode_kabkota")[["baik_km", "sedang_km", "panjang_km"]].sum()
    steady = 100 * (sums["baik_km"] + sums["sedang_km"]) / sums["panjang_km"]
    rank = int((steady > steady["82.03"]).sum()) + 1
    html = halut_brief[0].paths[1].read_text(encoding="utf-8")
    assert f"peringkat {rank} dari 10 kabupaten/kota" in html
    assert "Perbandingan antar-kabupaten/kota" in html


def test_english_brief_for_an_earlier_year(tmp_path):
    result = build_paper("kondisi_jalan", "82.71", 2022, bahasa="en", out_dir=tmp_path)
    assert result.paths[1] == tmp_path / "kondisi_jalan" / "2022" / "82.71.en.html"
    html = result.paths[1].read_text(encoding="utf-8")
    assert "Recommendations" in html and "Figure 1" in html
    assert "Rekomendasi" not in html
    assert "Road steadiness 2019–2022 by status" in html  # no later years shown


def test_year_without_data_fails_cleanly_and_writes_nothing(tmp_path):
    with pytest.raises(PaperError) as info:
        build_paper("kondisi_jalan", "82.03", 2031, out_dir=tmp_path)
    message = str(info.value)
    assert "tahun = 2031" in message and "2024" in message
    assert "Traceback" not in message
    assert list(tmp_path.iterdir()) == []


def test_bad_region_is_refused_before_running(tmp_path):
    with pytest.raises(RegionError, match="Halmahera Baratt"):
        build_paper("kondisi_jalan", "Halmahera Baratt", 2024, out_dir=tmp_path)
    with pytest.raises(RegionError, match='scheme="bps"'):
        build_paper("kondisi_jalan", "8205", 2024, out_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_failed_run_keeps_the_previous_good_brief(halut_brief, tmp_path, monkeypatch):
    result, out = halut_brief
    before = {p: p.read_bytes() for p in result.paths}
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("*.py", "*.md"))
    target = root / "target_rpjmd.csv"
    frame = pd.read_csv(target, dtype=str)
    frame.loc[0, "tahun"] = "dua ribu"
    frame.to_csv(target, index=False)
    monkeypatch.setenv("MINILAB_DATA", str(root))
    with pytest.raises(PaperError, match="target_rpjmd"):
        build_paper("kondisi_jalan", "82.03", 2024, out_dir=out)
    assert {p: p.read_bytes() for p in result.paths} == before
    assert sorted(p.name for p in result.paths[0].parent.iterdir()) == [
        "82.03.html",
        "82.03.ipynb",
    ]


@pytest.mark.browser
def test_brief_opens_offline_in_chromium_with_its_map(open_offline, halut_brief):
    result, _ = halut_brief
    with open_offline(result.paths[1]) as (page, attempted, errors):
        frame = page.frame_locator("iframe.lab-map__frame")
        roads = frame.locator("path.leaflet-interactive")
        roads.first.wait_for(state="attached", timeout=10_000)
        shown = catalog.load("ruas_jalan", wilayah="82.03", tahun=2024)
        assert roads.count() >= len(shown)
        assert page.get_by_text("Data sampel").first.is_visible()
        assert page.locator("img").count() >= 3  # two charts and the static map
        assert attempted == []
        assert errors == []


@pytest.mark.parametrize(
    ("tema", "cause"),
    [("kernel_mati", "DeadKernelError"), ("galat_python", "ZeroDivisionError")],
)
def test_a_broken_notebook_fails_with_its_cause(tmp_path, monkeypatch, tema, cause):
    monkeypatch.setenv("MINILAB_THEMES", str(Path(__file__).parent / "fixtures/themes"))
    with pytest.raises(PaperError) as info:
        build_paper(tema, "82", 2024, out_dir=tmp_path)
    assert cause in str(info.value)
    # No brief; only the notebook as far as it ran, for the user to open.
    kept = [p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()]
    assert kept == [Path(tema, "2024", "82.gagal.ipynb")]
    nb = nbformat.read(tmp_path / kept[0], as_version=4)
    assert nb.metadata.papermill.parameters["wilayah"] == "82"


def test_a_good_build_removes_the_notebook_of_a_failed_one(tmp_path, monkeypatch):
    themes = tmp_path / "themes"
    shutil.copytree(Path(__file__).parent / "fixtures/themes", themes)
    monkeypatch.setenv("MINILAB_THEMES", str(themes))
    out = tmp_path / "papers"
    with pytest.raises(PaperError):
        build_paper("galat_python", "82", 2024, out_dir=out)
    failed = out / "galat_python" / "2024" / "82.gagal.ipynb"
    assert failed.is_file()
    nb = nbformat.read(themes / "galat_python.ipynb", as_version=4)
    for cell in nb.cells:
        cell.source = cell.source.replace("1 / 0", "1 / 1")
    nbformat.write(nb, themes / "galat_python.ipynb")
    build_paper("galat_python", "82", 2024, out_dir=out)
    assert not failed.exists()
    assert (out / "galat_python" / "2024" / "82.html").is_file()


def test_relative_folders_are_found_from_the_callers_directory(tmp_path, monkeypatch):
    # A theme copied into a participant's folder, with its rules beside it.
    themes = tmp_path / "karya" / "tema"
    (themes / "aturan").mkdir(parents=True)
    source = Path(__file__).parents[1] / "notebooks" / "themes"
    shutil.copy(source / "kondisi_jalan.ipynb", themes)
    rules = (source / "aturan" / "kondisi_jalan.yaml").read_text(encoding="utf-8")
    marked = rules.replace("Percepat penanganan", "Salinan: percepat penanganan")
    (themes / "aturan" / "kondisi_jalan.yaml").write_text(marked, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MINILAB_THEMES", "karya/tema")
    result = build_paper("kondisi_jalan", "82.03", 2023, out_dir=Path("o"))
    html = result.paths[-1].read_text(encoding="utf-8")
    assert "Salinan: percepat penanganan" in html


FLAKY_KERNEL = """
import os, sys
marker, connection = sys.argv[1], sys.argv[2]
if not os.path.exists(marker):  # the first start fails, as a port race does
    open(marker, "w").close()
    sys.exit(1)
os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", "-f", connection])
"""


def _kernel(tmp_path, name, script):
    """A real kernelspec whose start-up runs ``script`` first."""
    folder = tmp_path / "jupyter" / "kernels" / name
    folder.mkdir(parents=True)
    (folder / "start.py").write_text(script, encoding="utf-8")
    spec = {
        "argv": [
            sys.executable,
            str(folder / "start.py"),
            str(tmp_path / f"{name}.started"),
            "{connection_file}",
        ],
        "display_name": name,
        "language": "python",
    }
    (folder / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return tmp_path / "jupyter"


def test_a_kernel_that_fails_to_start_is_tried_once_more(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", str(_kernel(tmp_path, "goyah", FLAKY_KERNEL)))
    monkeypatch.setenv("MINILAB_THEMES", str(Path(__file__).parent / "fixtures/atlas"))
    result = build_paper(
        "uji_target", "82", 2024, out_dir=tmp_path / "p", kernel_name="goyah"
    )
    assert (tmp_path / "goyah.started").exists()  # the first start did fail
    assert result.paths[1].is_file()


def test_a_kernel_that_never_starts_fails_with_its_cause(tmp_path, monkeypatch):
    never = "import sys\nsys.exit(1)\n"
    monkeypatch.setenv("JUPYTER_PATH", str(_kernel(tmp_path, "mati", never)))
    monkeypatch.setenv("MINILAB_THEMES", str(Path(__file__).parent / "fixtures/atlas"))
    out = tmp_path / "p"
    with pytest.raises(PaperError, match="uji_target") as info:
        build_paper("uji_target", "82", 2024, out_dir=out, kernel_name="mati")
    assert "Traceback" not in str(info.value)
    assert not any(p.suffix == ".html" for p in out.rglob("*"))
