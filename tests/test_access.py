"""Nearest-facility distances against distances worked out by hand."""

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import Geod, Transformer
from shapely.geometry import Point, box

from lab_lib import access, catalog
from lab_lib.errors import DataValidationError


def test_distance_along_the_central_meridian():
    # On UTM 52N's central meridian (129°E) northings are the meridian arc
    # times k0. From the equator to 0.1°N the arc is
    # a(1 − e²) Δφ = 6378137 × (1 − 0.00669438) × 0.1 × π/180 = 11057.4 m
    # (the (1 − e² sin²φ)^1.5 term is 1 at the equator, and stays within
    # 1e-7 over 0.1°), so the projected distance is 0.9996 × 11057.4 m.
    arc = 6378137 * (1 - 0.00669438) * math.radians(0.1)
    origins = pd.DataFrame({"lon": [129.0], "lat": [0.0]})
    ports = pd.DataFrame(
        {
            "id_fasilitas": ["far", "near"],
            "nama": ["Jauh", "Dekat"],
            "lon": [129.5, 129.0],
            "lat": [0.5, 0.1],
        }
    )
    result = access.nearest_distance(origins, ports)
    assert result.loc[0, "id_tujuan"] == "near"
    assert result.loc[0, "nama_tujuan"] == "Dekat"
    assert result.loc[0, "jarak_km"] == pytest.approx(0.9996 * arc / 1000, abs=1e-3)
    assert result.attrs == {"crs": "EPSG:32652", "metode": "garis_lurus"}


def test_distance_in_projected_coordinates():
    # Points already in UTM 52N: 3 km east and 4 km north is 5 km away, and
    # 6 km east is 6 km away.
    origins = gpd.GeoDataFrame(
        {"kode": ["O"]}, geometry=[Point(500_000, 100_000)], crs="EPSG:32652"
    )
    targets = gpd.GeoDataFrame(
        {"id_fasilitas": ["T1", "T2"], "nama": ["Satu", "Dua"]},
        geometry=[Point(503_000, 104_000), Point(506_000, 100_000)],
        crs="EPSG:32652",
    )
    result = access.nearest_distance(origins, targets)
    assert result.loc[0, "jarak_km"] == pytest.approx(5.0)
    assert result.loc[0, "id_tujuan"] == "T1"


def test_projection_error_at_the_far_west_of_the_province():
    # Pulau Taliabu, 4.7° west of the zone's central meridian: UTM 52N reads
    # distances long by k ≈ 0.9996 × (1 + (0.082 cos 1.8°)² / 2) ≈ 1.003.
    a, b = (124.35, -1.8), (124.55, -1.9)
    geodesic = Geod(ellps="WGS84").inv(a[0], a[1], b[0], b[1])[2]
    origins = pd.DataFrame({"lon": [a[0]], "lat": [a[1]]})
    target = pd.DataFrame(
        {"id_fasilitas": ["T"], "nama": ["T"], "lon": [b[0]], "lat": [b[1]]}
    )
    utm = access.nearest_distance(origins, target)["jarak_km"].iloc[0] * 1000
    fitted = access.nearest_distance(origins, target, crs=access.PROVINCE_TM)
    assert utm / geodesic - 1 == pytest.approx(0.0029, abs=0.0003)
    assert abs(fitted["jarak_km"].iloc[0] * 1000 / geodesic - 1) < 0.0013
    assert fitted.attrs["crs"] == access.PROVINCE_TM


def test_lon_lat_columns_win_over_polygons():
    kecamatan = gpd.GeoDataFrame(
        {"kode": ["82.01.01"], "lon": [129.0], "lat": [0.0]},
        geometry=[box(128.9, -0.1, 129.1, 0.1)],
        crs="EPSG:4326",
    )
    target = pd.DataFrame(
        {"id_fasilitas": ["T"], "nama": ["T"], "lon": [129.0], "lat": [0.0]}
    )
    assert access.nearest_distance(kecamatan, target)["jarak_km"].iloc[0] == 0.0


def test_polygons_without_lon_lat_are_refused():
    kecamatan = gpd.GeoDataFrame(
        {"kode": ["82.01.01"]}, geometry=[box(128.9, -0.1, 129.1, 0.1)], crs="EPSG:4326"
    )
    target = pd.DataFrame(
        {"id_fasilitas": ["T"], "nama": ["T"], "lon": [129.0], "lat": [0.0]}
    )
    with pytest.raises(DataValidationError) as caught:
        access.nearest_distance(kecamatan, target)
    assert "harus berupa titik" in str(caught.value)
    assert "baris 0 (82.01.01)" in str(caught.value)


def test_missing_coordinates_name_the_rows():
    origins = pd.DataFrame(
        {"kode": ["82.01.01", "82.01.02"], "lon": [127.5, np.nan], "lat": [1.0, 1.2]}
    )
    target = pd.DataFrame(
        {"id_fasilitas": ["T"], "nama": ["T"], "lon": [127.6], "lat": [1.0]}
    )
    with pytest.raises(DataValidationError) as caught:
        access.nearest_distance(origins, target)
    message = str(caught.value)
    assert "Tabel asal tidak punya koordinat pada baris 1 (82.01.02)" in message
    assert "lon/lat" in message


def test_empty_geometry_is_missing():
    origins = pd.DataFrame({"lon": [127.5], "lat": [1.0]})
    targets = gpd.GeoDataFrame(
        {"id_fasilitas": ["T1", "T2"], "nama": ["A", "B"]},
        geometry=[Point(127.6, 1.0), None],
        crs="EPSG:4326",
    )
    with pytest.raises(DataValidationError, match="baris 1 \\(T2\\)"):
        access.nearest_distance(origins, targets)


def test_crs_in_degrees_is_refused():
    points = pd.DataFrame(
        {"id_fasilitas": ["T"], "nama": ["T"], "lon": [127.0], "lat": [1.0]}
    )
    with pytest.raises(DataValidationError, match="bukan CRS terproyeksi"):
        access.nearest_distance(points, points, crs="EPSG:4326")


def test_empty_destinations():
    points = pd.DataFrame(
        {"id_fasilitas": ["T"], "nama": ["T"], "lon": [127.0], "lat": [1.0]}
    )
    with pytest.raises(DataValidationError, match="Tabel tujuan kosong"):
        access.nearest_distance(points, points.iloc[:0])


def test_access_table_by_kind():
    kecamatan = pd.DataFrame(
        {
            "kode": ["K1", "K2"],
            "nama": ["Satu", "Dua"],
            "lon": [129.0, 129.0],
            "lat": [0.0, 0.2],
        }
    )
    fasilitas = pd.DataFrame(
        {
            "id_fasilitas": ["P", "R"],
            "nama": ["Pelabuhan", "RSUD"],
            "jenis": ["pelabuhan", "rumah_sakit"],
            "lon": [129.0, 129.0],
            "lat": [0.1, 0.0],
        }
    )
    table = access.access_table(
        kecamatan, fasilitas, ["pelabuhan", "rumah_sakit"], names=True
    )
    assert table.columns.tolist() == [
        "nama",
        "jarak_pelabuhan_km",
        "terdekat_pelabuhan",
        "jarak_rumah_sakit_km",
        "terdekat_rumah_sakit",
    ]
    # Both kecamatan are 0.1° of meridian (≈ 11.05 km) from the port; the
    # hospital is at K1 and 0.2° (≈ 22.1 km) from K2.
    assert table["jarak_pelabuhan_km"].tolist() == pytest.approx(
        [11.05, 11.05], abs=0.01
    )
    assert table["jarak_rumah_sakit_km"].tolist() == pytest.approx(
        [0.0, 22.1], abs=0.01
    )
    assert table.attrs["crs"] == "EPSG:32652"


def test_access_table_unknown_kind():
    kecamatan = pd.DataFrame({"kode": ["K1"], "lon": [129.0], "lat": [0.0]})
    fasilitas = pd.DataFrame(
        {
            "id_fasilitas": ["P"],
            "nama": ["P"],
            "jenis": ["pelabuhan"],
            "lon": [129.0],
            "lat": [0.1],
        }
    )
    with pytest.raises(DataValidationError) as caught:
        access.access_table(kecamatan, fasilitas, ["bandara"])
    assert 'Tidak ada fasilitas berjenis "bandara"' in str(caught.value)
    assert "Jenis yang ada: pelabuhan" in str(caught.value)


def test_messages_in_english(monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    origins = pd.DataFrame({"kode": ["K1"], "lon": [None], "lat": [0.0]})
    target = pd.DataFrame(
        {"id_fasilitas": ["T"], "nama": ["T"], "lon": [127.6], "lat": [1.0]}
    )
    with pytest.raises(
        DataValidationError, match="The origin table has no coordinates"
    ):
        access.nearest_distance(origins, target)


def test_sample_catalog_access():
    kecamatan = catalog.load("wilayah_kecamatan")
    fasilitas = catalog.load("fasilitas")
    table = access.access_table(kecamatan, fasilitas)
    distances = table.filter(like="jarak_")
    assert len(table) == 118
    assert distances.shape[1] == 3
    assert np.isfinite(distances.to_numpy()).all()
    assert (distances.to_numpy() >= 0).all() and (distances.to_numpy() < 300).all()
    # Facilities are points too: a hospital's nearest hospital is itself.
    hospitals = fasilitas[fasilitas["jenis"] == "rumah_sakit"]
    itself = access.nearest_distance(hospitals, hospitals)
    assert (itself["jarak_km"] == 0).all()
    assert (
        itself["id_tujuan"].to_numpy() == hospitals["id_fasilitas"].to_numpy()
    ).all()


def test_transformer_agrees_with_manual_projection():
    # The same result as projecting by hand with pyproj and taking Pythagoras.
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32652", always_xy=True)
    (x1, x2), (y1, y2) = to_utm.transform([127.38, 127.93], [0.79, 1.42])
    origins = pd.DataFrame({"lon": [127.38], "lat": [0.79]})
    target = pd.DataFrame(
        {"id_fasilitas": ["T"], "nama": ["T"], "lon": [127.93], "lat": [1.42]}
    )
    expected = math.hypot(x2 - x1, y2 - y1) / 1000
    assert access.nearest_distance(origins, target)["jarak_km"].iloc[
        0
    ] == pytest.approx(expected)
