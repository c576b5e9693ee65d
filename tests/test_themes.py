"""Every theme builds a brief for the province and each of the ten kabupaten/kota."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

import briefs
import pytest

from lab_lib import atlas, regions
from lab_lib.paper import build_paper, themes

pytestmark = pytest.mark.slow

REGIONS = [regions.province().kode, *(r.kode for r in regions.kabkota())]


@dataclass(frozen=True)
class ThemeBrief:
    kode: str
    html: Path
    sample: bool


@pytest.fixture(scope="module", params=themes())
def theme_briefs(request, file_atlas):
    """The theme's briefs in the atlas built once from the sample files."""
    state = json.loads((file_atlas.out / atlas.STATE_FILE).read_text())
    found = []
    for outcome in file_atlas.report.outcomes:
        job = outcome.job
        if job.tema == request.param:
            assert outcome.status == atlas.BUILT, (job.key, outcome.error)
            record = state["briefs"][job.key]
            found.append(
                ThemeBrief(
                    job.kode, job.path(file_atlas.out, "html"), bool(record["sample"])
                )
            )
    return request.param, found


def test_theme_builds_for_the_province_and_every_kabkota(theme_briefs):
    tema, results = theme_briefs
    assert [r.kode for r in results] == REGIONS
    for result in results:
        assert result.html.is_file(), (tema, result.kode)
        assert result.sample


def test_every_recommendation_cites_evidence_in_the_brief(theme_briefs):
    tema, results = theme_briefs
    for result in results:
        html = result.html.read_text(encoding="utf-8")
        assert briefs.recommendations(html), (tema, result.kode)
        assert briefs.uncited(html) == [], (tema, result.kode)


def test_theme_brief_loads_nothing_from_the_network(theme_briefs):
    _, results = theme_briefs
    for result in results:
        html = result.html.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?://", html)


@pytest.mark.browser
def test_theme_maps_render_offline_in_chromium(theme_briefs, open_offline):
    tema, results = theme_briefs
    province, kabkota = results[0], results[3]
    for result in (province, kabkota):
        with open_offline(result.html) as (page, attempted, errors):
            frames = page.locator("iframe.lab-map__frame")
            assert frames.count() >= 1, (tema, result.kode)
            shapes = page.frame_locator("iframe.lab-map__frame").first.locator(
                ".leaflet-interactive"
            )
            shapes.first.wait_for(state="attached", timeout=10_000)
            assert shapes.count() > 0
            assert attempted == [] and errors == [], (tema, result.kode)


def test_water_brief_measures_the_sdg_universal_access(tmp_path):
    from lab_lib import catalog, targets

    result = build_paper("air_minum_sanitasi", "82", 2024, out_dir=tmp_path)
    water = catalog.load("indikator", wilayah="82", indikator="akses_air_minum_layak")
    series = water.set_index("tahun")["nilai"]
    reached = targets.year_reached(series, 100.0, horizon=2045)
    html = result.paths[1].read_text(encoding="utf-8")
    assert "akses universal SDGs (100% pada 2030)" in html
    shortfall = f"kurang {100 - series.loc[2024]:.1f}".replace(".", ",")
    texts = [r["text"] for r in result.summary["recommendations"]]
    sdg = [text for text in texts if "SDGs 2030" in text]
    assert (reached is None or reached > 2030) == bool(sdg)
    if sdg:
        assert shortfall in sdg[0]
