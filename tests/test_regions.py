"""Regions: names, aliases, both code schemes, and the errors users see."""

import pytest

from lab_lib import regions
from lab_lib.errors import RegionError

# Every alias planners use for a kabupaten/kota, with the Kemendagri code.
ALIASES = {
    "Halbar": "82.01",
    "Halteng": "82.02",
    "Halut": "82.03",
    "Halsel": "82.04",
    "Kepsul": "82.05",
    "Kep. Sula": "82.05",
    "Haltim": "82.06",
    "Morotai": "82.07",
    "Taliabu": "82.08",
    "Ternate": "82.71",
    "Tikep": "82.72",
    "Kota Tidore": "82.72",
    "Kab. Halmahera Barat": "82.01",
    "HALMAHERA BARAT": "82.01",
    "Kabupaten Halmahera Barat": "82.01",
    "kab halmahera utara": "82.03",
    "  Halmahera   Selatan ": "82.04",
    "Kota Tidore Kepulauan": "82.72",
    "Maluku Utara": "82",
    "Provinsi Maluku Utara": "82",
    "Kec. Jailolo": "82.01.01",
    "Kecamatan Oba Utara": "82.72.02",
}


@pytest.mark.parametrize(("text", "kode"), ALIASES.items())
def test_alias_resolves(text, kode):
    assert regions.resolve(text).kode == kode


def test_every_alias_in_the_table_resolves_to_its_region():
    for region in regions.all_regions():
        names = [*region.aliases, region.nama, f"{region.tingkat} {region.nama_pendek}"]
        for name in names:
            if name == "Tidore":
                continue  # a kecamatan and, loosely, a kota: checked below
            assert regions.resolve(name) == region, name


def test_counts_follow_kepmendagri_2025():
    assert len(regions.kabkota()) == 10
    assert len(regions.kecamatan()) == 118
    assert len(regions.kecamatan("82.04")) == 30
    assert regions.province().ibukota == "Sofifi"


@pytest.mark.parametrize(
    ("code", "scheme", "kode"),
    [
        ("82.03", None, "82.03"),
        ("82.05", None, "82.05"),
        ("8205", "bps", "82.03"),  # BPS 8205 is Halmahera Utara
        ("8203", "bps", "82.05"),  # BPS 8203 is Kepulauan Sula
        ("8205", "kemendagri", "82.05"),
        ("8203", "kemendagri", "82.03"),
        ("8201", None, "82.01"),  # same region in both schemes
        ("8271", None, "82.71"),
        ("82", None, "82"),
        ("82.71.05", None, "82.71.05"),
        ("827105", None, "82.71.05"),
    ],
)
def test_codes_in_both_schemes(code, scheme, kode):
    assert regions.resolve(code, scheme=scheme).kode == kode


def test_bps_codes_differ_where_the_schemes_differ():
    assert regions.resolve("82.03").kode_bps == "8205"
    assert regions.resolve("82.05").kode_bps == "8203"


@pytest.mark.parametrize("code", ["8203", "8205"])
def test_undotted_code_that_means_two_regions_is_refused(code):
    with pytest.raises(RegionError) as info:
        regions.resolve(code)
    message = str(info.value)
    assert "Kabupaten Halmahera Utara" in message
    assert "Kabupaten Kepulauan Sula" in message
    assert 'scheme="bps"' in message


def test_misspelt_name_lists_closest_matches():
    with pytest.raises(RegionError) as info:
        regions.resolve("Halmahera Baratt")
    assert "tidak dikenal" in str(info.value)
    assert "Kabupaten Halmahera Barat (82.01)" in str(info.value)


def test_ambiguous_name_lists_each_region():
    with pytest.raises(RegionError) as info:
        regions.resolve("Tidore")
    assert "Kota Tidore Kepulauan (82.72)" in str(info.value)
    assert "Kecamatan Tidore (82.72.01)" in str(info.value)


@pytest.mark.parametrize(
    ("code", "scheme"), [("82.99", None), ("9999", None), ("8299", "bps")]
)
def test_unknown_code(code, scheme):
    with pytest.raises(RegionError, match="tidak ada"):
        regions.resolve(code, scheme=scheme)


def test_unknown_scheme_names_the_valid_ones():
    with pytest.raises(RegionError, match='"kemendagri" atau "bps"'):
        regions.resolve("8201", scheme="bappenas")


def test_kecamatan_refused_where_a_kabkota_is_needed():
    with pytest.raises(RegionError, match="kabupaten/kota"):
        regions.resolve_kabkota("Jailolo")


def test_messages_in_english_on_request(monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    with pytest.raises(RegionError, match="was not found"):
        regions.resolve("Nowhere")
