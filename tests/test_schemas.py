"""Schemas reject bad frames with a message that says what, where and what to do."""

import pandas as pd
import pytest

from lab_lib import schemas
from lab_lib.errors import DataValidationError


def _indikator(**changes):
    frame = pd.DataFrame(
        {
            "kode_wilayah": ["82", "82.01", "82.03"],
            "tahun": [2023, 2023, 2023],
            "indikator": ["ipm", "ipm", "ipm"],
            "nilai": [70.98, 66.1, 69.0],
            "satuan": ["indeks"] * 3,
            "sumber": ["BPS", "sintetis", "sintetis"],
        }
    )
    for column, (row, value) in changes.items():
        frame[column] = frame[column].astype(object)
        frame.loc[row, column] = value
    return frame


def _message(frame, dataset="indikator", first_row=2):
    with pytest.raises(DataValidationError) as info:
        schemas.validate(frame, dataset, "data/indikator.csv", first_row=first_row)
    return str(info.value)


def test_a_good_frame_passes_and_is_coerced():
    frame = _indikator()
    frame["tahun"] = frame["tahun"].astype(str)
    checked = schemas.validate(frame, "indikator")
    assert checked["tahun"].dtype.kind == "i"


def test_bps_code_in_a_kemendagri_column_is_named_with_its_row():
    message = _message(_indikator(kode_wilayah=(2, "8205")))
    assert 'Dataset "indikator" (data/indikator.csv)' in message
    assert 'kolom "kode_wilayah", baris 4' in message  # CSV line: header + 3rd row
    assert "'8205'" in message
    assert "bukan kode Kemendagri" in message
    assert "Perbaiki" in message


def test_every_problem_is_reported_at_once():
    frame = _indikator(tahun=(0, 1890), indikator=(1, "ipm_baru"))
    message = _message(frame)
    assert 'kolom "tahun", baris 2' in message
    assert 'kolom "indikator", baris 3' in message


def test_text_in_a_numeric_column():
    message = _message(_indikator(nilai=(1, "tujuh puluh")))
    assert 'kolom "nilai"' in message and "tipe data salah" in message
    assert "'tujuh puluh'" in message


def test_duplicate_rows_are_named():
    frame = pd.concat([_indikator(), _indikator().iloc[[0]]], ignore_index=True)
    message = _message(frame)
    assert "nilai ganda" in message


def test_missing_column_says_to_add_it():
    message = _message(_indikator().drop(columns="sumber"))
    assert 'kolom "sumber" tidak ada' in message


def test_road_lengths_must_add_up():
    import geopandas as gpd
    from shapely.geometry import LineString

    roads = gpd.GeoDataFrame(
        {
            "id_ruas": ["P-001"],
            "nama_ruas": ["Sofifi – Weda"],
            "status": ["provinsi"],
            "kode_kabkota": ["82.02"],
            "tahun": [2024],
            "panjang_km": [10.0],
            "baik_km": [5.0],
            "sedang_km": [2.0],
            "rusak_ringan_km": [1.0],
            "rusak_berat_km": [-1.0],
            "sumber": ["sintetis"],
        },
        geometry=[LineString([(127.6, 0.7), (127.8, 0.4)])],
        crs=4326,
    )
    message = _message(roads, "ruas_jalan", first_row=1)
    assert "tidak boleh negatif" in message
    assert "tidak sama dengan panjang_km" in message


def test_english_messages(monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    message = _message(_indikator(kode_wilayah=(0, "99")))
    assert "failed its schema check" in message and 'column "kode_wilayah"' in message


def test_every_catalog_entry_has_a_schema():
    from lab_lib import catalog

    assert set(catalog.datasets().index) == set(schemas.SCHEMAS)
