"""The brief API: numbered evidence, and no recommendation without it."""

import pandas as pd
import pytest
from matplotlib.figure import Figure

from lab_lib import catalog
from lab_lib.brief import Brief
from lab_lib.errors import CatalogError, EvidenceError, RegionError

DATASETS = ("ruas_jalan", "target_rpjmd", "indikator", "wilayah_kabkota")


def _new_brief(**parameters):
    """A brief that has read the datasets its evidence will name."""
    brief = Brief(**{"tema": "uji", "display": False, **parameters})
    for name in DATASETS:
        catalog.load(name)
    return brief


@pytest.fixture
def brief():
    return _new_brief(wilayah="Halut", tahun="2024")


def _table(brief, datasets=("ruas_jalan",)):
    return brief.table(pd.DataFrame({"x": [1.25]}), "Tabel uji", datasets=datasets)


def test_parameters_are_resolved(brief):
    assert brief.region.kode == "82.03"
    assert brief.tahun == 2024
    assert not brief.is_province


def test_figures_and_tables_are_numbered_separately(brief):
    first = _table(brief)
    figure = brief.figure(Figure(), "Gambar uji", datasets=["indikator"])
    second = _table(brief)
    assert [first.label, figure.label, second.label] == [
        "Tabel 1",
        "Gambar 1",
        "Tabel 2",
    ]


def test_recommendation_without_evidence_is_refused_by_name(brief):
    with pytest.raises(EvidenceError) as info:
        brief.recommend("Bangun jembatan baru", evidence=[])
    assert '"Bangun jembatan baru"' in str(info.value)
    assert brief.recommendations == []


def test_evidence_must_be_shown_in_the_same_brief(brief):
    other = _new_brief(wilayah="82", tahun=2024)
    foreign = _table(other)
    _table(brief)  # same label "Tabel 1", but not the same table
    with pytest.raises(EvidenceError, match="tidak ada di brief ini"):
        brief.recommend("Perbaiki ruas", evidence=[foreign])


def test_recommendation_names_the_datasets_behind_its_evidence(brief):
    table = _table(brief, datasets=["ruas_jalan", "target_rpjmd"])
    figure = brief.figure(Figure(), "Peta", datasets=["wilayah_kabkota", "ruas_jalan"])
    item = brief.recommend("Perbaiki ruas", evidence=[table, figure])
    assert item.datasets == ["ruas_jalan", "target_rpjmd", "wilayah_kabkota"]


def test_evidence_must_name_catalog_datasets(brief):
    with pytest.raises(CatalogError, match="jalan_desa"):
        _table(brief, datasets=["jalan_desa"])


def test_evidence_must_name_datasets_read_since_the_brief_began(brief):
    catalog.load("fasilitas")
    later = Brief(tema="uji", wilayah="82", tahun=2024, display=False)
    with pytest.raises(EvidenceError) as info:
        later.table(pd.DataFrame({"x": [1]}), "Fasilitas", datasets=["fasilitas"])
    assert 'catalog.load("fasilitas")' in str(info.value)
    assert _table(brief, datasets=["fasilitas"]).label == "Tabel 1"  # read after
    with pytest.raises(EvidenceError, match="tidak menyebut dataset"):
        _table(brief, datasets=[])


def test_english_labels():
    brief = _new_brief(wilayah="82", tahun=2024, bahasa="en")
    assert _table(brief).label == "Table 1"
    assert brief.t("Ringkasan", "Summary") == "Summary"


def test_a_kecamatan_is_not_a_brief_region():
    with pytest.raises(RegionError):
        Brief(tema="uji", wilayah="82.01.01", tahun=2024, display=False)


def test_key_figures_keep_the_raw_number_beside_the_shown_value(brief):
    brief.key_figure("Kemantapan", "71,2%", ["ruas_jalan"], number=71.234, unit="%")
    brief.key_figure("Tanpa data", "–", ["indikator"], number=float("nan"))
    brief.key_figure("Pusat utama", "Tobelo", ["indikator"], note="indeks 41,5")
    shown, missing, named = brief.summary()["key_figures"]
    assert (shown["value"], shown["number"], shown["unit"]) == ("71,2%", 71.234, "%")
    assert missing["number"] is None  # NaN is no number, and not valid JSON
    assert (named["number"], named["unit"], named["note"]) == (None, "", "indeks 41,5")


def test_a_classification_names_its_data_and_evidence(brief):
    table = _table(brief, datasets=["indikator"])
    item = brief.classify(
        "82.01",
        "Halmahera Barat",
        "IV. Relatif tertinggal",
        ["indikator"],
        scheme="klassen",
        evidence=[table],
    )
    assert brief.classifications == [item]
    [recorded] = brief.summary()["classifications"]
    assert recorded == {
        "subject": "82.01",
        "name": "Halmahera Barat",
        "category": "IV. Relatif tertinggal",
        "scheme": "klassen",
        "datasets": ["indikator"],
        "evidence": [table.label],
    }


def test_a_classification_is_refused_without_read_data_or_with_foreign_evidence(
    brief,
):
    with pytest.raises(EvidenceError, match="tidak menyebut dataset"):
        brief.classify("82.01", "Halbar", "I", [], scheme="klassen")
    catalog.load("fasilitas")
    later = Brief(tema="uji", wilayah="82", tahun=2024, display=False)
    with pytest.raises(EvidenceError, match='"fasilitas"'):
        later.classify("82.01", "Halbar", "I", ["fasilitas"], scheme="klassen")
    foreign = _table(_new_brief(wilayah="82", tahun=2024))
    with pytest.raises(EvidenceError) as info:
        brief.classify(
            "82.01", "Halbar", "I", ["indikator"], scheme="klassen", evidence=[foreign]
        )
    assert '"Halbar: I"' in str(info.value) and "Tabel 1" in str(info.value)
    assert brief.classifications == []
