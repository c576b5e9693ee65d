"""The results table hasil_analisis: rows from a brief, in a file or PostgreSQL."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from matplotlib.figure import Figure

from lab_lib import atlas, catalog, fmt, postgis, results
from lab_lib.brief import Brief
from lab_lib.errors import PaperError

SAMPLE = Path(catalog.DEFAULT_CATALOG).parent / "sample"
MINILAB = shutil.which("minilab") or str(Path(sys.executable).parent / "minilab")
WHEN = dt.datetime(2026, 12, 4, 6, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _no_database(monkeypatch):
    """Rows go to the file unless a test names a database."""
    monkeypatch.delenv(postgis.DB_ENV, raising=False)


def _brief(wilayah="82.03", recommendations=("Jaga IPM",), bahasa="id"):
    """A brief with one key figure, one classification and its recommendations."""
    brief = Brief(
        tema="uji_hasil", wilayah=wilayah, tahun=2024, bahasa=bahasa, display=False
    )
    ipm = catalog.load("indikator", wilayah=brief.region.kode, tahun=2024)
    ipm = ipm[ipm["indikator"] == "ipm"]
    catalog.load("wilayah_kabkota")
    table = brief.table(ipm[["indikator", "nilai"]], "IPM", datasets=["indikator"])
    figure = brief.figure(Figure(), "Peta", datasets=["wilayah_kabkota"])
    value = float(ipm["nilai"].iloc[0])
    brief.key_figure(
        "IPM", fmt.number(value, 2), ["indikator"], note="BPS", number=value
    )
    brief.classify(
        brief.region.kode,
        brief.region.nama,
        "tinggi" if value >= 70 else "sedang",
        ["indikator"],
        scheme="kelas_ipm",
        evidence=[table],
    )
    for sentence in recommendations:
        brief.recommend(sentence, evidence=[table, figure])
    return brief


def _summary(**options):
    return _brief(**options).summary()


def test_rows_carry_the_key_figures_classifications_and_recommendations():
    brief = _brief(recommendations=("Jaga IPM", "Tambah sekolah"))
    frame = results.rows(brief.summary(), build="b1", dibuat_pada=WHEN)

    assert list(frame.columns) == list(results.COLUMNS)
    assert list(frame["jenis"]) == ["angka_kunci", "klasifikasi", *["rekomendasi"] * 2]
    assert list(frame["urutan"]) == [1, 1, 1, 2]
    assert set(frame["tema"]) == {"uji_hasil"}
    assert set(frame["kode_wilayah"]) == {brief.region.kode}
    assert set(frame["nama_wilayah"]) == {brief.region.nama}
    assert set(frame["build"]) == {"b1"} and set(frame["dibuat_pada"]) == {WHEN}
    assert frame["sampel"].all()  # the sample catalog is synthetic

    figure, classified, first, second = frame.to_dict("records")
    [key] = brief.key_figures
    assert (figure["label"], figure["nilai"], figure["nilai_teks"]) == (
        key.label,
        key.number,
        key.value,
    )
    assert figure["catatan"] == "BPS" and figure["satuan"] is None
    assert figure["dataset"] == "indikator" and figure["kelas"] is None

    [item] = brief.classifications
    assert classified["subjek"] == item.subject == brief.region.kode
    assert (classified["label"], classified["kelas"], classified["skema"]) == (
        item.name,
        item.category,
        "kelas_ipm",
    )
    assert classified["bukti"] == "Tabel 1" and pd.isna(classified["nilai"])

    table, shown = brief.evidence
    assert [first["label"], second["label"]] == ["Jaga IPM", "Tambah sekolah"]
    assert first["bukti"] == f"{table.label}; {shown.label}" == "Tabel 1; Gambar 1"
    assert first["dataset"] == "indikator,wilayah_kabkota"


def test_an_english_brief_has_rows_of_its_own():
    frame = results.rows(_summary(bahasa="en"), build="b1")
    assert set(frame["bahasa"]) == {"en"}
    assert frame.loc[frame["jenis"] == "rekomendasi", "bukti"].tolist() == [
        "Table 1; Figure 1"
    ]


def test_every_column_is_documented():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("hasil_analisis") :]
    for column in results.COLUMNS:
        assert f"``{column}``" in results.__doc__, column
        assert f"`{column}`" in section, column


# The GeoPackage -----------------------------------------------------------


def test_the_geopackage_holds_the_rows_as_written(tmp_path):
    import pyogrio

    summary = _summary()
    assert results.write(summary, build="b1", dibuat_pada=WHEN, out_dir=tmp_path) == 3

    path = tmp_path / results.GEOPACKAGE
    info = pyogrio.read_info(path, layer=results.TABLE)
    assert info["geometry_type"] is None and info["features"] == 3
    expected = results.rows(summary, build="b1", dibuat_pada=WHEN)
    pd.testing.assert_frame_equal(results.read(out_dir=tmp_path), expected)
    # Filters: a region by name, a kind of row.
    assert len(results.read(wilayah="Halmahera Utara", out_dir=tmp_path)) == 3
    assert len(results.read(wilayah="82", out_dir=tmp_path)) == 0
    assert list(results.read(jenis="klasifikasi", out_dir=tmp_path)["skema"]) == [
        "kelas_ipm"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [results.GEOPACKAGE]


def test_no_file_yet_means_no_rows(tmp_path):
    frame = results.read(out_dir=tmp_path)
    assert frame.empty and list(frame.columns) == list(results.COLUMNS)
    results.prepare(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_rebuild_replaces_its_rows_and_leaves_other_briefs_alone(tmp_path):
    results.write(_summary(), build="b1", out_dir=tmp_path)
    results.write(_summary(wilayah="82"), build="b1", out_dir=tmp_path)
    results.write(_summary(bahasa="en"), build="b1", out_dir=tmp_path)

    # Rebuilt with one recommendation fewer: its rows, no duplicates, no leftover.
    results.write(_summary(recommendations=()), build="b2", out_dir=tmp_path)
    frame = results.read(out_dir=tmp_path)
    assert not frame.duplicated(list(results.KEY)).any()
    mine = frame[(frame["kode_wilayah"] == "82.03") & (frame["bahasa"] == "id")]
    assert list(mine["jenis"]) == ["angka_kunci", "klasifikasi"]
    assert set(mine["build"]) == {"b2"}
    others = frame.drop(mine.index)
    assert len(others) == 6 and set(others["build"]) == {"b1"}


def test_a_damaged_file_is_reported_and_kept(tmp_path):
    path = tmp_path / results.GEOPACKAGE
    path.write_text("bukan geopackage", encoding="utf-8")
    with pytest.raises(PaperError) as info:
        results.write(_summary(), build="b1", out_dir=tmp_path)
    assert str(path) in str(info.value) and "tetap utuh" in str(info.value)
    assert path.read_text(encoding="utf-8") == "bukan geopackage"
    with pytest.raises(PaperError, match="Bila berkas itu rusak, pindahkan"):
        results.prepare(tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX file limits")
def test_a_write_that_fails_part_way_leaves_the_old_rows(tmp_path):
    import resource
    import signal

    results.write(_summary(), build="b1", out_dir=tmp_path)
    before = results.read(out_dir=tmp_path)
    old = (tmp_path / results.GEOPACKAGE).read_bytes()

    # The disk fills up while the new file is written: a file may not grow
    # past 32 KB, less than an empty GeoPackage needs.
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (32_000, hard))
    try:
        with pytest.raises(PaperError) as info:
            results.write(_summary(recommendations=()), build="b2", out_dir=tmp_path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)

    assert "Baris hasil sebelumnya tetap utuh" in str(info.value)
    assert (tmp_path / results.GEOPACKAGE).read_bytes() == old
    pd.testing.assert_frame_equal(results.read(out_dir=tmp_path), before)
    assert sorted(p.name for p in tmp_path.iterdir()) == [results.GEOPACKAGE]


def test_writers_at_the_same_moment_lose_no_rows(tmp_path):
    codes = ["82", "82.01", "82.02", "82.03", "82.04", "82.05", "82.06", "82.07"]
    summaries = {code: _summary(wilayah=code) for code in codes}
    failures = []

    def write(code):
        try:
            results.write(summaries[code], build="b1", out_dir=tmp_path)
        except Exception as exc:  # reported below, with the region
            failures.append((code, exc))

    threads = [threading.Thread(target=write, args=(code,)) for code in codes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    frame = results.read(out_dir=tmp_path)
    assert sorted(set(frame["kode_wilayah"])) == codes and len(frame) == 3 * len(codes)


# PostgreSQL ---------------------------------------------------------------


def _database_rows(url, query, parameters=()):
    import psycopg

    with psycopg.connect(url) as connection:
        return connection.execute(query, parameters).fetchall()


def test_the_database_holds_the_rows_as_written(postgis_db, monkeypatch, tmp_path):
    summary = _summary()  # from the sample files, before the database is named
    monkeypatch.setenv(postgis.DB_ENV, postgis_db)
    results.write(summary, build="b1", dibuat_pada=WHEN, out_dir=tmp_path)

    expected = results.rows(summary, build="b1", dibuat_pada=WHEN)
    pd.testing.assert_frame_equal(results.read(), expected)
    assert len(results.read(wilayah="Halut", jenis="rekomendasi")) == 1
    assert results.read(tahun=2023).empty
    assert list(tmp_path.iterdir()) == []  # no file beside the database

    key = _database_rows(
        postgis_db,
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
        " ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
        " WHERE i.indrelid = 'marimoi.hasil_analisis'::regclass AND i.indisprimary"
        " ORDER BY array_position(i.indkey, a.attnum)",
    )
    assert tuple(name for (name,) in key) == results.KEY
    indexes = _database_rows(
        postgis_db,
        "SELECT indexname FROM pg_indexes WHERE tablename = %s",
        ["hasil_analisis"],
    )
    assert len(indexes) == 2  # the key, and MARIMOI's reads by region and year
    described = _database_rows(
        postgis_db,
        "SELECT count(*) FROM pg_description WHERE objoid = %s::regclass"
        " AND objsubid > 0",
        ["marimoi.hasil_analisis"],
    )
    assert described == [(len(results.COLUMNS),)]


def test_a_database_rebuild_replaces_its_rows(postgis_db, monkeypatch):
    first, province = _summary(), _summary(wilayah="82")
    rebuilt = _summary(recommendations=("Satu", "Dua"))
    monkeypatch.setenv(postgis.DB_ENV, postgis_db)
    results.write(first, build="b1")
    results.write(province, build="b1")
    results.write(rebuilt, build="b2")

    frame = results.read()
    mine = frame[frame["kode_wilayah"] == "82.03"]
    assert list(mine["label"].iloc[-2:]) == ["Satu", "Dua"]
    assert len(mine) == 4 and set(mine["build"]) == {"b2"}
    assert set(frame.loc[frame["kode_wilayah"] == "82", "build"]) == {"b1"}
    counted = _database_rows(postgis_db, "SELECT count(*) FROM marimoi.hasil_analisis")
    assert counted == [(7,)]


def test_a_database_write_that_fails_leaves_the_old_rows(postgis_db, monkeypatch):
    import psycopg

    long_text = "Bangun jalan lingkar pulau dan dermaga di setiap kecamatan pesisir"
    first, rebuilt = _summary(), _summary(recommendations=("Pendek", long_text))
    monkeypatch.setenv(postgis.DB_ENV, postgis_db)
    results.write(first, build="b1")
    before = results.read()
    # The database refuses a row after the old ones were deleted: the
    # transaction must put them back.
    with psycopg.connect(postgis_db) as connection:
        connection.execute(
            "ALTER TABLE marimoi.hasil_analisis"
            " ADD CONSTRAINT label_pendek CHECK (char_length(label) <= 40)"
        )
    with pytest.raises(PaperError) as info:
        results.write(rebuilt, build="b2")

    message = str(info.value)
    assert "label_pendek" in message and "tetap utuh" in message
    assert "marimoi.hasil_analisis" in message
    assert postgis.redacted(postgis_db) in message
    pd.testing.assert_frame_equal(results.read(), before)


def test_an_unreachable_database_stops_the_build_before_any_brief(
    tmp_path, monkeypatch
):
    monkeypatch.setenv(postgis.DB_ENV, "postgresql://lab:rahasia@127.0.0.1:1/marimoi")
    jobs = atlas.plan(["kondisi_jalan"], ["82"], [2024])
    with pytest.raises(PaperError) as info:
        atlas.build(jobs, out_dir=tmp_path / "papers", workers=1)
    message = str(info.value)
    assert "Tidak ada brief yang dibangun" in message and "MINILAB_DB_URL" in message
    assert "127.0.0.1:1" in message and "rahasia" not in message
    assert not list(tmp_path.rglob("*.html"))


# Built briefs ---------------------------------------------------------------

THEME = [
    """
wilayah = "82"
tahun = 2024
bahasa = "id"
""",
    """
from lab_lib import catalog, fmt
from lab_lib.brief import Brief

b = Brief(tema="uji_hasil", wilayah=wilayah, tahun=tahun, bahasa=bahasa)
""",
    """
rows = catalog.load("indikator", wilayah=b.region.kode, tahun=b.tahun)
ipm = float(rows.loc[rows["indikator"] == "ipm", "nilai"].iloc[0])
shown = rows[["indikator", "nilai"]]
tabel = b.table(shown, "Indikator", datasets=["indikator"])
b.key_figure("IPM", fmt.number(ipm, 2), ["indikator"], number=ipm)
kelas = "tinggi" if ipm >= 70 else "sedang"
b.classify(
    b.region.kode, b.region.nama, kelas, ["indikator"], scheme="kelas_ipm"
)
b.recommend(f"Jaga IPM di {b.region.nama}.", evidence=[tabel])
b.show_recommendations()
""",
    "b.appendix()",
]


@pytest.fixture
def theme(tmp_path, monkeypatch):
    """A one-table theme that records a key figure and a classification."""
    themes = tmp_path / "themes"
    themes.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["minilab"] = {"title": {"id": "Uji hasil", "en": "Results test"}}
    nb.cells = [nbformat.v4.new_code_cell(source.strip()) for source in THEME]
    nb.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(nb, themes / "uji_hasil.ipynb")
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data, ignore=shutil.ignore_patterns("*.py", "*.md"))
    monkeypatch.setenv("MINILAB_THEMES", str(themes))
    monkeypatch.setenv("MINILAB_DATA", str(data))
    return tmp_path / "papers"


@pytest.mark.slow
def test_built_briefs_replace_their_rows_and_skipped_ones_keep_them(theme):
    out = theme
    [job] = atlas.plan(["uji_hasil"], ["82.01"], [2024])
    ipm = catalog.load("indikator", wilayah="82.01", tahun=2024, indikator="ipm")
    ipm = float(ipm["nilai"].iloc[0])

    # 1. The atlas builds the brief and writes its rows under its build id.
    report = atlas.build([job], out_dir=out, workers=1)
    assert [o.status for o in report.outcomes] == [atlas.BUILT]
    first = results.read(out_dir=out)
    assert list(first["jenis"]) == ["angka_kunci", "klasifikasi", "rekomendasi"]
    assert set(first["build"]) == {report.build} and report.results_rows == 3
    assert first["nilai"].iloc[0] == ipm
    assert first["kelas"].iloc[1] == ("tinggi" if ipm >= 70 else "sedang")
    assert first["label"].iloc[2] == "Jaga IPM di Kabupaten Halmahera Barat."

    # 2. The command builds it again: the same rows, replaced, a new build id.
    args = ["paper", "uji_hasil", "--wilayah", "82.01", "--tahun", "2024"]
    done = subprocess.run(
        [MINILAB, *args, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert str(out / results.GEOPACKAGE) in done.stdout
    second = results.read(out_dir=out)
    assert len(second) == 3 and second["build"].nunique() == 1
    assert second["build"].iloc[0] != report.build
    columns = ["jenis", "urutan", "label", "nilai", "kelas", "bukti", "dataset"]
    pd.testing.assert_frame_equal(second[columns], first[columns])

    # 3. Nothing changed since: the atlas skips the brief and keeps its rows.
    again = atlas.build([job], out_dir=out, workers=1)
    assert [o.status for o in again.outcomes] == [atlas.SKIPPED]
    assert again.results_rows == 0
    pd.testing.assert_frame_equal(results.read(out_dir=out), second)
