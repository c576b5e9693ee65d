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


def test_every_missing_column_is_named():
    message = _message(_indikator().drop(columns=["sumber", "satuan"]))
    assert 'kolom "sumber" tidak ada' in message
    assert 'kolom "satuan" tidak ada' in message


def test_a_bad_choice_lists_the_allowed_values():
    message = _message(_indikator(indikator=(0, "IPM")))
    assert "'IPM'" in message and "yang sah: jumlah_penduduk" in message


def test_a_bps_code_gets_its_kemendagri_code_as_a_hint():
    message = _message(_indikator(kode_wilayah=(1, "8205")))
    assert "8205 adalah kode BPS; kode Kemendagri-nya 82.03" in message


def _sample(name):
    from lab_lib import catalog

    return catalog.load(name).reset_index(drop=True)


def test_swapped_bps_codes_are_caught():
    kabkota = _sample("wilayah_kabkota")
    halut = kabkota.index[kabkota["kode"] == "82.03"][0]
    sula = kabkota.index[kabkota["kode"] == "82.05"][0]
    kabkota.loc[[halut, sula], "kode_bps"] = ["8203", "8205"]
    message = _message(kabkota, "wilayah_kabkota", first_row=1)
    assert f"baris {halut + 1}, {sula + 1}: kode_bps tidak cocok" in message


def test_latitude_and_longitude_swapped_in_kecamatan_points():
    kecamatan = _sample("wilayah_kecamatan")
    kecamatan.loc[0, ["lat", "lon"]] = kecamatan.loc[0, ["lon", "lat"]].to_numpy()
    message = _message(kecamatan, "wilayah_kecamatan", first_row=1)
    assert 'kolom "lat", baris 1' in message and "tertukar" in message


def test_invalid_geometry_is_named():
    from shapely.geometry import Polygon

    kabkota = _sample("wilayah_kabkota")
    bowtie = Polygon([(127.0, 0.0), (128.0, 1.0), (128.0, 0.0), (127.0, 1.0)])
    kabkota.loc[3, "geometry"] = bowtie
    message = _message(kabkota, "wilayah_kabkota", first_row=1)
    assert 'kolom "geometry", baris 4' in message and "geometri" in message


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("bulan", "2024-13", "YYYY-MM"),
        ("bulan", "Jan 2024", "YYYY-MM"),
        ("realisasi_kumulatif_pct", 104.0, "0–100"),
        ("rencana_kumulatif_pct", -3.0, "0–100"),
    ],
)
def test_project_progress_checks(column, value, words):
    progress = _sample("progres_proyek")
    progress[column] = progress[column].astype(object)
    progress.loc[2, column] = value
    message = _message(progress, "progres_proyek")
    assert f'kolom "{column}", baris 4' in message and words in message
