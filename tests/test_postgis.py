"""The catalog served from a real PostgreSQL/PostGIS server."""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

import pandas as pd
import pgserver
import psycopg
import pytest
from click.testing import CliRunner

from lab_lib import catalog, postgis
from lab_lib.cli import main
from lab_lib.errors import CatalogError


@pytest.fixture
def database(postgis_db, monkeypatch):
    """A fresh database holding the bundled sample data, in MINILAB_DB_URL."""
    monkeypatch.setenv(postgis.DB_ENV, postgis_db)
    postgis.load_sample()
    return postgis_db


def test_every_dataset_reads_back_identical_to_its_file(database):
    for name in catalog.datasets().index:
        from_file = catalog.load_files(name)
        from_database = catalog.load(name)
        pd.testing.assert_frame_equal(from_database, from_file, check_exact=True)
        if "geometry" in from_file:
            assert from_database.crs == from_file.crs


def test_the_intake_catalog_switches_to_postgis_readers(database):
    cat = catalog.open_catalog()
    reader = cat["indikator"]
    assert isinstance(reader, postgis.PostGISReader)
    assert (
        cat.entries["indikator"].metadata["title"]
        == catalog.metadata("indikator")["title"]
    )
    assert len(reader.read()) == len(catalog.load_files("indikator"))


def test_a_read_is_recorded_without_the_password(database):
    password = urlsplit(database).password
    started = time.time()
    catalog.load("ruas_jalan")
    [record] = catalog.reads(since=started)
    assert record.dataset == "ruas_jalan"
    assert record.path.startswith("postgresql://") and record.path.endswith(
        "#marimoi.ruas_jalan"
    )
    assert password not in record.path
    assert len(record.sha256) == 64


def test_the_digest_follows_the_table_content(database):
    before = postgis.digest("indikator")
    assert postgis.digest("indikator") == before
    with psycopg.connect(database) as connection:
        connection.execute(
            "UPDATE marimoi.indikator SET nilai = nilai + 1 WHERE _urutan = 1"
        )
    assert postgis.digest("indikator") != before


def test_filters_and_regions_work_the_same_as_on_files(database, monkeypatch):
    from_database = catalog.load("indikator", wilayah="Halmahera Utara", tahun=2024)
    monkeypatch.delenv(postgis.DB_ENV)
    from_file = catalog.load("indikator", wilayah="Halmahera Utara", tahun=2024)
    pd.testing.assert_frame_equal(from_database, from_file)


def test_loading_twice_needs_replace(database):
    with pytest.raises(CatalogError, match="--replace"):
        postgis.load_sample()
    with psycopg.connect(database) as connection:
        connection.execute("DELETE FROM marimoi.fasilitas")
    loaded = postgis.load_sample(replace=True)
    assert loaded["fasilitas"] == len(catalog.load_files("fasilitas"))
    assert postgis.row_counts()["fasilitas"] == loaded["fasilitas"]


def test_table_names_come_only_from_the_catalog(database):
    with pytest.raises(CatalogError, match="tidak ada di katalog"):
        postgis.read_table('indikator"; DROP TABLE marimoi.indikator; --')
    assert postgis.row_counts()["indikator"] > 0


def test_a_missing_table_says_to_load_the_data(postgis_db, monkeypatch):
    monkeypatch.setenv(postgis.DB_ENV, postgis_db)
    with pytest.raises(CatalogError, match="minilab db load"):
        catalog.load("indikator")


def test_an_unreachable_server_is_reported_without_the_password(monkeypatch):
    port = pgserver.free_port()  # a port nobody listens on
    monkeypatch.setenv(
        postgis.DB_ENV, f"postgresql://lab:s3cret-Pw@127.0.0.1:{port}/marimoi"
    )
    with pytest.raises(CatalogError) as caught:
        catalog.load("indikator")
    message = str(caught.value)
    assert "s3cret-Pw" not in message
    assert f"postgresql://lab@127.0.0.1:{port}/marimoi" in message


def test_cli_loads_and_reports_without_the_password(postgis_db, monkeypatch):
    monkeypatch.setenv(postgis.DB_ENV, postgis_db)
    password = urlsplit(postgis_db).password
    runner = CliRunner()
    loaded = runner.invoke(main, ["db", "load"])
    assert loaded.exit_code == 0, loaded.output
    assert "indikator" in loaded.output and password not in loaded.output
    status = runner.invoke(main, ["db", "status"])
    assert status.exit_code == 0, status.output
    rows = len(catalog.load_files("ruas_jalan"))
    assert f"{rows:,}".replace(",", ".") in status.output
    assert password not in status.output
    again = runner.invoke(main, ["db", "load"])
    assert again.exit_code == CatalogError.exit_code
    assert "--replace" in again.output


def test_an_accepted_submission_rebuilds_exactly_the_briefs_that_read_it(
    database, tmp_path
):
    from lab_lib import accept, atlas

    jobs = atlas.plan(
        temas=["monitoring_proyek", "air_minum_sanitasi"],
        wilayah=["82.03"],
        tahun=[2024],
    )
    first = atlas.build(jobs, out_dir=tmp_path / "papers", workers=1)
    assert first.count(atlas.BUILT) == 2, [o.error for o in first.outcomes]
    again = atlas.build(jobs, out_dir=tmp_path / "papers", workers=1)
    assert again.count(atlas.SKIPPED) == 2
    state = json.loads((tmp_path / "papers" / atlas.STATE_FILE).read_text())
    reading = {
        key
        for key, record in state["briefs"].items()
        if "indikator" in {r["dataset"] for r in record["reads"]}
    }
    assert 0 < len(reading) < len(jobs)  # the test needs one of each
    submission = tmp_path / "ipm_2025.csv"
    submission.write_text("Kabupaten/Kota;Tahun;IPM\nHalmahera Utara;2025;71,4\n")
    accept.accept(submission, "indikator", opd="BPS")
    after = atlas.build(jobs, out_dir=tmp_path / "papers", workers=1)
    rebuilt = {o.job.key for o in after.outcomes if o.status == atlas.BUILT}
    assert rebuilt == reading
