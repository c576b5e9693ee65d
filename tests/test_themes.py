"""Every theme notebook builds a brief for the province and a kabupaten/kota."""

import re

import pytest

from lab_lib.paper import build_paper, themes

pytestmark = pytest.mark.slow

# kondisi_jalan has its own, deeper end-to-end tests in test_paper.py.
OTHER_THEMES = [tema for tema in themes() if tema != "kondisi_jalan"]


@pytest.fixture(scope="module", params=OTHER_THEMES)
def theme_briefs(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    return request.param, [
        build_paper(request.param, wilayah, 2024, out_dir=out)
        for wilayah in ("82", "82.06")
    ]


def test_theme_builds_for_province_and_a_kabkota(theme_briefs):
    tema, results = theme_briefs
    assert [r.kode for r in results] == ["82", "82.06"]
    for result in results:
        assert result.paths[1].is_file(), tema
        assert result.sample


def test_every_recommendation_cites_evidence_in_the_brief(theme_briefs):
    tema, results = theme_briefs
    for result in results:
        html = result.paths[1].read_text(encoding="utf-8")
        body, section = html.split(">Rekomendasi", 1)
        items = re.findall(r"<li>(.*?)</li>", section.split("Lampiran")[0], re.S)
        assert items, (tema, result.kode)
        for item in items:
            labels = re.findall(r"(Gambar|Tabel) (\d+)", item.split("bukti:")[1])
            assert labels, item
            for kind, number in labels:
                assert f"<strong>{kind} {number}.</strong>" in body


def test_theme_brief_loads_nothing_from_the_network(theme_briefs):
    _, results = theme_briefs
    for result in results:
        html = result.paths[1].read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?://", html)
