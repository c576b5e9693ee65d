"""Every theme builds a brief for the province and each of the ten kabupaten/kota."""

import re

import briefs
import pytest

from lab_lib import regions
from lab_lib.paper import build_paper, themes

pytestmark = pytest.mark.slow

REGIONS = [regions.province().kode, *(r.kode for r in regions.kabkota())]


@pytest.fixture(scope="module", params=themes())
def theme_briefs(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    return request.param, [
        build_paper(request.param, kode, 2024, out_dir=out) for kode in REGIONS
    ]


def test_theme_builds_for_the_province_and_every_kabkota(theme_briefs):
    tema, results = theme_briefs
    assert [r.kode for r in results] == REGIONS
    for result in results:
        assert result.paths[1].is_file(), (tema, result.kode)
        assert result.sample


def test_every_recommendation_cites_evidence_in_the_brief(theme_briefs):
    tema, results = theme_briefs
    for result in results:
        html = result.paths[1].read_text(encoding="utf-8")
        assert briefs.recommendations(html), (tema, result.kode)
        assert briefs.uncited(html) == [], (tema, result.kode)


def test_theme_brief_loads_nothing_from_the_network(theme_briefs):
    _, results = theme_briefs
    for result in results:
        html = result.paths[1].read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?://", html)


@pytest.mark.browser
def test_theme_maps_render_offline_in_chromium(theme_briefs, open_offline):
    tema, results = theme_briefs
    province, kabkota = results[0], results[3]
    for result in (province, kabkota):
        with open_offline(result.paths[1]) as (page, attempted, errors):
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
