"""The MARIMOI catalog: every entry loads, validates and carries its metadata."""

import hashlib
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from lab_lib import catalog
from lab_lib.errors import CatalogError, DataNotFoundError, DataValidationError

REQUIRED_METADATA = (
    "title",
    "description",
    "produsen",
    "walidata",
    "license",
    "update_frequency",
    "last_update",
    "units",
    "temporal_coverage",
    "spatial_coverage",
    "synthetic",
)
SAMPLE = Path(catalog.DEFAULT_CATALOG).parent / "sample"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of the sample data, selected with MINILAB_DATA."""
    root = tmp_path / "marimoi"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("*.py", "*.md"))
    monkeypatch.setenv("MINILAB_DATA", str(root))
    return root


def test_catalog_lists_every_dataset_without_reading_data(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("datasets() must not read data")

    monkeypatch.setattr(pd, "read_csv", refuse)
    monkeypatch.setattr(gpd, "read_file", refuse)
    listing = catalog.datasets()
    assert {
        "wilayah_kabkota",
        "wilayah_kecamatan",
        "indikator",
        "target_rpjmd",
        "ruas_jalan",
        "proyek",
        "progres_proyek",
        "fasilitas",
    } <= set(listing.index)
    assert listing.loc["ruas_jalan", "file"] == "ruas_jalan.geojson"


@pytest.mark.parametrize("name", sorted(catalog.datasets().index))
def test_every_entry_has_complete_metadata(name):
    meta = catalog.metadata(name)
    missing = [key for key in REQUIRED_METADATA if meta.get(key) in (None, "", {})]
    assert not missing, f"{name}: {missing}"
    assert isinstance(meta["synthetic"], bool)


@pytest.mark.parametrize("name", sorted(catalog.datasets().index))
def test_every_entry_loads_and_validates(name):
    frame = catalog.load(name)
    assert len(frame) > 0
    if catalog.datasets().loc[name, "file"].endswith(".geojson"):
        assert isinstance(frame, gpd.GeoDataFrame)
        assert frame.crs.to_epsg() == 4326


def test_boundaries_say_they_are_generalized():
    meta = catalog.metadata("wilayah_kabkota")
    assert meta["boundaries"] == "generalized"
    assert "bukan batas resmi" in meta["description"]


def test_paths_do_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(catalog.load("indikator", tahun=2024)) > 0


def test_filters_by_region_name_and_year():
    roads = catalog.load("ruas_jalan", wilayah="Halut", tahun=2024)
    assert set(roads["kode_kabkota"]) == {"82.03"}
    assert set(roads["tahun"]) == {2024}
    whole = catalog.load("ruas_jalan", wilayah="82", tahun=2024)
    assert whole["kode_kabkota"].nunique() == 10
    province_rows = catalog.load("indikator", wilayah="82")
    assert set(province_rows["kode_wilayah"]) == {"82"}


def test_year_without_data_lists_the_years_there_are():
    with pytest.raises(DataNotFoundError) as info:
        catalog.load("ruas_jalan", tahun=2031)
    assert "tahun = 2031" in str(info.value)
    assert "2019" in str(info.value) and "2024" in str(info.value)


def test_a_filter_that_empties_the_rows_is_named_with_the_ones_before():
    with pytest.raises(DataNotFoundError) as info:
        catalog.load("indikator", wilayah="82.72", indikator="ipm", tahun=2031)
    message = str(info.value)
    assert "kode_wilayah = 82.72; indikator = ipm; tahun = 2031" in message
    assert "Nilai tahun yang tersedia: 2019" in message


def test_unknown_filter_column_lists_usable_columns():
    with pytest.raises(CatalogError, match="tidak punya kolom"):
        catalog.load("indikator", provinsi="82")


def test_unknown_dataset_lists_the_catalog():
    with pytest.raises(CatalogError, match="ruas_jalan"):
        catalog.load("jalan_desa")


def test_reads_are_recorded_with_checksums():
    catalog.load("target_rpjmd")
    record = next(r for r in catalog.reads() if r.dataset == "target_rpjmd")
    path = Path(record.path)
    assert record.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert record.synthetic is True


def test_data_root_can_point_elsewhere(data_copy):
    indikator = data_copy / "indikator.csv"
    frame = pd.read_csv(indikator, dtype=str)
    frame.loc[0, "nilai"] = "12345.0"
    frame.to_csv(indikator, index=False)
    assert catalog.load("indikator").iloc[0]["nilai"] == 12345.0
    assert catalog.data_root() == data_copy.resolve()


def test_missing_data_root_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("MINILAB_DATA", str(tmp_path / "tidak-ada"))
    with pytest.raises(CatalogError) as info:
        catalog.load("indikator")
    assert "MINILAB_DATA" in str(info.value) and "tidak ada" in str(info.value)


def test_missing_file_is_named(data_copy):
    (data_copy / "fasilitas.geojson").unlink()
    with pytest.raises(CatalogError, match=r"fasilitas\.geojson"):
        catalog.load("fasilitas")


def test_a_dataset_that_fails_its_schema_names_file_row_and_value(data_copy):
    indikator = data_copy / "indikator.csv"
    frame = pd.read_csv(indikator, dtype=str)
    frame.loc[4, "kode_wilayah"] = "8205"
    frame.to_csv(indikator, index=False)
    with pytest.raises(DataValidationError) as info:
        catalog.load("indikator")
    message = str(info.value)
    assert str(indikator) in message
    assert 'kolom "kode_wilayah", baris 6' in message and "'8205'" in message
