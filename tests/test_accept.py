"""Taking agency submissions into the data store: files or PostGIS."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pgserver
import psycopg
import pytest
from click.testing import CliRunner

from lab_lib import accept, catalog, postgis
from lab_lib.cli import main
from lab_lib.errors import DataValidationError

SAMPLE = Path(catalog.DEFAULT_CATALOG).parent / "sample"

NEW_YEAR = """IPM MENURUT KABUPATEN/KOTA, TAHUN 2025;;;
Sumber: BPS Provinsi Maluku Utara;;;
;;;
Kabupaten/Kota;Kode BPS;Tahun;IPM
Kab. Halbar;8201;2025;70,12
Halmahera Utara;8205;2025;71,4
Kepulauan Sula;8203;2025;66,8
JUMLAH;;;
"""


def _stored_value(kode: str, tahun: int, indikator: str = "ipm") -> float:
    rows = catalog.load("indikator", indikator=indikator, tahun=tahun)
    return float(rows.loc[rows["kode_wilayah"] == kode, "nilai"].iloc[0])


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def files_store(tmp_path, monkeypatch):
    """A copy of the sample data folder as the store; no database."""
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    monkeypatch.setenv(catalog.DATA_ENV, str(data))
    monkeypatch.delenv(postgis.DB_ENV, raising=False)
    return data


@pytest.fixture
def db_store(postgis_db, monkeypatch):
    """A fresh PostGIS database loaded with the sample data, as the store."""
    monkeypatch.setenv(postgis.DB_ENV, postgis_db)
    postgis.load_sample()
    return postgis_db


@pytest.fixture(params=["files", "postgis"])
def store(request):
    return request.getfixturevalue(
        "files_store" if request.param == "files" else "db_store"
    )


def _submission(folder: Path, name: str, body: str, encoding="utf-8") -> Path:
    path = folder / name
    path.write_bytes(body.encode(encoding))
    return path


def test_a_clean_submission_is_taken_in_with_its_provenance(store, tmp_path):
    path = _submission(tmp_path, "ipm_2025.csv", NEW_YEAR)
    done = accept.accept(path, "indikator", opd="BPS Provinsi Maluku Utara")
    assert done.status == "diterima"
    # 8205 and 8203 are BPS codes here: Halmahera Utara is 82.03 in Kemendagri.
    assert _stored_value("82.03", 2025) == pytest.approx(71.4)
    assert _stored_value("82.05", 2025) == pytest.approx(66.8)
    assert _stored_value("82.01", 2025) == pytest.approx(70.12)
    rows = catalog.load("indikator", tahun=2025, indikator="ipm")
    assert set(rows["satuan"]) == {"indeks"}
    assert all("BPS Provinsi Maluku Utara" in s for s in rows["sumber"])
    [record] = accept.submissions("indikator")
    assert record["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert record["opd"] == "BPS Provinsi Maluku Utara"
    assert (record["baris_dibaca"], record["baris_baru"]) == (3, 3)
    assert (record["baris_sama"], record["baris_diganti"]) == (0, 0)
    assert record["berkas"] == "ipm_2025.csv" and record["diterima_pada"]


def test_the_original_file_is_archived_byte_for_byte(store, tmp_path):
    path = _submission(tmp_path, "ipm_2025.csv", NEW_YEAR, encoding="cp1252")
    accept.accept(path, "indikator", opd="BPS")
    [record] = accept.submissions()
    if postgis.configured():
        name, content = postgis.archived_file(record["arsip"])
    else:
        archived = Path(store) / record["arsip"]
        name, content = archived.name, archived.read_bytes()
    assert name.endswith("ipm_2025.csv")
    assert content == path.read_bytes()


def test_the_same_file_twice_adds_nothing(store, tmp_path):
    path = _submission(tmp_path, "ipm_2025.csv", NEW_YEAR)
    accept.accept(path, "indikator", opd="BPS")
    rows = len(catalog.load("indikator"))
    records = accept.submissions()
    before = _snapshot(Path(store)) if not postgis.configured() else None
    again = accept.accept(path, "indikator", opd="BPS")
    assert again.status == "sudah_diterima"
    assert "sudah diterima" in again.summary()
    assert len(catalog.load("indikator")) == rows
    assert accept.submissions() == records
    if before is not None:
        assert _snapshot(Path(store)) == before


def test_the_same_rows_in_another_file_count_as_unchanged(store, tmp_path):
    accept.accept(_submission(tmp_path, "a.csv", NEW_YEAR), "indikator", opd="BPS")
    rows = len(catalog.load("indikator"))
    copy = NEW_YEAR.replace("Kab. Halbar", "Halmahera Barat")
    done = accept.accept(_submission(tmp_path, "b.csv", copy), "indikator", opd="BPS")
    assert (done.record["baris_baru"], done.record["baris_sama"]) == (0, 3)
    assert len(catalog.load("indikator")) == rows


def test_a_conflict_is_refused_with_its_rows_and_nothing_written(store, tmp_path):
    stored = _stored_value("82.01", 2024)
    body = "Kabupaten/Kota;Tahun;IPM\nHalmahera Barat;2024;99,5\nTernate;2025;80\n"
    path = _submission(tmp_path, "ipm.csv", body)
    rows = len(catalog.load("indikator"))
    before = _snapshot(Path(store)) if not postgis.configured() else None
    with pytest.raises(DataValidationError) as caught:
        accept.accept(path, "indikator", opd="Bappeda")
    message = str(caught.value)
    assert "baris 2 (82.01 / 2024 / ipm)" in message
    assert f"tersimpan {stored}" in message and "kiriman 99.5" in message
    assert "--replace" in message
    assert len(catalog.load("indikator")) == rows
    assert accept.submissions() == []
    if before is not None:
        assert _snapshot(Path(store)) == before


def test_replace_overwrites_and_records_what_was_replaced(store, tmp_path):
    stored = _stored_value("82.01", 2024)
    body = "Kabupaten/Kota;Tahun;IPM\nHalmahera Barat;2024;99,5\nTernate;2025;80\n"
    path = _submission(tmp_path, "ipm.csv", body)
    rows = len(catalog.load("indikator"))
    done = accept.accept(path, "indikator", opd="Bappeda", replace=True)
    assert _stored_value("82.01", 2024) == pytest.approx(99.5)
    assert _stored_value("82.71", 2025) == pytest.approx(80)
    assert len(catalog.load("indikator")) == rows + 1
    [replaced] = done.record["diganti"]
    assert replaced["kunci"] == {
        "kode_wilayah": "82.01",
        "tahun": 2024,
        "indikator": "ipm",
    }
    assert replaced["lama"] == {"nilai": stored}
    assert replaced["baru"] == {"nilai": 99.5}
    assert accept.submissions()[-1]["diganti"] == done.record["diganti"]


def test_a_submission_with_problems_writes_nothing(store, tmp_path):
    body = NEW_YEAR.replace("71,4", "tujuh puluh")
    path = _submission(tmp_path, "ipm.csv", body)
    rows = len(catalog.load("indikator"))
    with pytest.raises(DataValidationError, match="Tidak ada yang ditulis") as caught:
        accept.accept(path, "indikator", opd="BPS")
    assert "baris 6" in str(caught.value) and "tujuh puluh" in str(caught.value)
    assert len(catalog.load("indikator")) == rows
    assert accept.submissions() == []


def test_a_road_submission_takes_the_stored_line(store, tmp_path):
    roads = catalog.load("ruas_jalan", tahun=2024)
    road = roads.iloc[0]
    body = (
        "KONDISI RUAS JALAN 2025\n\n"
        "Kode Ruas,Nama Ruas,Status,Kabupaten/Kota,Tahun,Panjang (km),Baik (km),"
        "Sedang (km),Rusak Ringan (km),Rusak Berat (km)\n"
        f'{road.id_ruas},"{road.nama_ruas}",{road.status.title()},'
        f'{road.kode_kabkota},2025,"{road.panjang_km}",'
        f'"{road.panjang_km - 1:.2f}","1",0,0\n'
    )
    path = _submission(tmp_path, "ruas.csv", body)
    accept.accept(path, "ruas_jalan", opd="Dinas PUPR")
    [stored] = catalog.load("ruas_jalan", tahun=2025).itertuples()
    assert stored.id_ruas == road.id_ruas
    assert stored.geometry.equals(road.geometry)
    assert stored.baik_km == pytest.approx(road.panjang_km - 1, abs=0.01)


def test_a_write_failure_in_the_database_leaves_everything_as_it_was(
    db_store, tmp_path
):
    with psycopg.connect(db_store) as connection:
        connection.execute(
            "CREATE FUNCTION marimoi.refuse() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'disk penuh'; END $$"
        )
        connection.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON marimoi.penerimaan "
            "FOR EACH ROW EXECUTE FUNCTION marimoi.refuse()"
        )
    rows = postgis.row_counts()
    path = _submission(tmp_path, "ipm_2025.csv", NEW_YEAR)
    with pytest.raises(DataValidationError, match="disk penuh") as caught:
        accept.accept(path, "indikator", opd="BPS")
    assert "Tidak ada yang berubah" in str(caught.value)
    assert postgis.row_counts() == rows
    with psycopg.connect(db_store) as connection:
        archived = connection.execute("SELECT count(*) FROM marimoi.arsip_kiriman")
        assert archived.fetchone()[0] == 0


def test_a_write_failure_in_the_folder_leaves_everything_as_it_was(
    files_store, tmp_path
):
    (files_store / accept.ARCHIVE_FOLDER).write_text("not a folder")
    before = _snapshot(files_store)
    path = _submission(tmp_path, "ipm_2025.csv", NEW_YEAR)
    with pytest.raises(DataValidationError, match="Tidak ada yang berubah"):
        accept.accept(path, "indikator", opd="BPS")
    assert _snapshot(files_store) == before
    assert not list(files_store.glob("**/*.part"))


def test_two_analysts_accepting_the_same_file_at_once_add_it_once(db_store, tmp_path):
    path = _submission(tmp_path, "ipm_2025.csv", NEW_YEAR)
    outcomes: list[str] = []

    def take() -> None:
        outcomes.append(accept.accept(path, "indikator", opd="BPS").status)

    threads = [threading.Thread(target=take) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["diterima", "sudah_diterima", "sudah_diterima"]
    assert len(accept.submissions()) == 1
    assert len(catalog.load("indikator", tahun=2025, indikator="ipm")) == 3


def test_cli_check_then_accept(files_store, tmp_path):
    path = _submission(tmp_path, "ipm_2025.csv", NEW_YEAR)
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(path), "--dataset", "indikator"])
    assert checked.exit_code == 0, checked.output
    assert "Tidak ada masalah: 3 baris" in checked.output
    assert accept.submissions() == []
    missing_opd = runner.invoke(main, ["accept", str(path), "--dataset", "indikator"])
    assert missing_opd.exit_code == 2
    taken = runner.invoke(
        main, ["accept", str(path), "--dataset", "indikator", "--opd", "BPS"]
    )
    assert taken.exit_code == 0, taken.output
    assert "3 baris baru" in taken.output
    listed = runner.invoke(main, ["submissions"])
    assert "ipm_2025.csv" in listed.output and "BPS" in listed.output
    lines = (files_store / accept.PROVENANCE_FILE).read_text().splitlines()
    assert [json.loads(line)["berkas"] for line in lines] == ["ipm_2025.csv"]


WIDE = """AKSES AIR MINUM DAN SANITASI LAYAK 2025;;;
;;;
Kabupaten/Kota;Kode BPS;Akses Air Minum Layak (%);Akses Sanitasi Layak (%)
Halmahera Barat;8201;82,1;73,4
Halmahera Utara;8205;86,0;78,2
Provinsi Maluku Utara;82;83,0;75,1
"""


def test_a_wide_table_adds_one_row_per_region_and_indicator(store, tmp_path):
    rows = len(catalog.load("indikator"))
    path = _submission(tmp_path, "air_2025.csv", WIDE)
    done = accept.accept(path, "indikator", opd="Dinas Perkim", tahun=2025)
    assert (done.record["baris_baru"], done.record["baris_sama"]) == (6, 0)
    stored = catalog.load("indikator", tahun=2025)
    assert len(catalog.load("indikator")) == rows + 6
    water = stored[stored["indikator"] == "akses_air_minum_layak"]
    assert dict(zip(water["kode_wilayah"], water["nilai"], strict=True)) == {
        "82.01": 82.1,
        "82.03": 86.0,
        "82": 83.0,
    }
    again = WIDE.replace("Halmahera Barat", "Kab. Halbar")
    same = accept.accept(
        _submission(tmp_path, "air_lagi.csv", again),
        "indikator",
        opd="Dinas Perkim",
        tahun=2025,
    )
    assert (same.record["baris_baru"], same.record["baris_sama"]) == (0, 6)


def test_a_column_the_file_lacks_and_blank_cells_keep_stored_values(store, tmp_path):
    progress = catalog.load("progres_proyek")
    row = progress.dropna(subset=["realisasi_keuangan_pct"]).iloc[0]
    body = (
        "Kode Paket;Bulan;Rencana (%);Realisasi Fisik (%)\n"
        f"{row.id_proyek};{row.bulan};{row.rencana_kumulatif_pct};\n"
    )
    path = _submission(tmp_path, "progres.csv", body)
    done = accept.accept(path, "progres_proyek", opd="Dinas PUPR")
    assert (done.record["baris_sama"], done.record["baris_diganti"]) == (1, 0)
    changed = body.replace(f"{row.rencana_kumulatif_pct};\n", "99;\n")
    path = _submission(tmp_path, "progres_baru.csv", changed)
    done = accept.accept(path, "progres_proyek", opd="Dinas PUPR", replace=True)
    [replaced] = done.record["diganti"]
    assert set(replaced["baru"]) == {"rencana_kumulatif_pct"}
    after = catalog.load("progres_proyek")
    kept = after[(after.id_proyek == row.id_proyek) & (after.bulan == row.bulan)]
    assert kept["rencana_kumulatif_pct"].tolist() == [99.0]
    assert kept["realisasi_kumulatif_pct"].tolist() == [row.realisasi_kumulatif_pct]
    assert kept["realisasi_keuangan_pct"].tolist() == [row.realisasi_keuangan_pct]


def test_a_failing_statement_is_a_clear_message_not_a_traceback(db_store, monkeypatch):
    from lab_lib.errors import CatalogError

    with psycopg.connect(db_store) as holder:
        holder.execute("LOCK TABLE marimoi.indikator IN ACCESS EXCLUSIVE MODE")
        monkeypatch.setenv(
            postgis.DB_ENV, f"{db_store}?options=-c%20lock_timeout%3D200"
        )
        with pytest.raises(CatalogError, match="menolak perintah") as caught:
            catalog.load("indikator")
        assert "lock" in str(caught.value)
        assert urlsplit(db_store).password not in str(caught.value)


def test_a_password_with_url_characters_is_never_shown(monkeypatch):
    from lab_lib.errors import CatalogError

    port = pgserver.free_port()
    monkeypatch.setenv(
        postgis.DB_ENV, f"postgresql://lab:ra%23h%3Fsia@127.0.0.1:{port}/marimoi"
    )
    with pytest.raises(CatalogError) as caught:
        catalog.load("indikator")
    message = str(caught.value)
    assert (
        "ra#h?sia" not in message and "ra%23h" not in message and "sia@" not in message
    )
    assert postgis.location("indikator") == (
        f"postgresql://lab@127.0.0.1:{port}/marimoi#marimoi.indikator"
    )


def test_cli_exit_codes_for_a_bad_file_and_a_conflict(files_store, tmp_path):
    runner = CliRunner()
    bad = _submission(tmp_path, "ipm.csv", NEW_YEAR.replace("71,4", "n/a"))
    report = tmp_path / "hasil.xlsx"
    checked = runner.invoke(
        main, ["check", str(bad), "--dataset", "indikator", "--laporan", str(report)]
    )
    assert checked.exit_code == DataValidationError.exit_code, checked.output
    assert "Bukan angka." in checked.output and report.is_file()
    conflict = _submission(
        tmp_path, "konflik.csv", "Kabupaten/Kota;Tahun;IPM\nHalmahera Barat;2024;99\n"
    )
    refused = runner.invoke(
        main, ["accept", str(conflict), "--dataset", "indikator", "--opd", "BPS"]
    )
    assert refused.exit_code == DataValidationError.exit_code
    assert "--replace" in refused.output
    assert not (files_store / accept.PROVENANCE_FILE).exists()


def test_a_year_only_some_agencies_reported_is_not_the_atlas_default(
    files_store, tmp_path
):
    from lab_lib import atlas
    from lab_lib.errors import PaperError
    from lab_lib.paper import build_paper

    accept.accept(_submission(tmp_path, "ipm.csv", NEW_YEAR), "indikator", opd="BPS")
    assert catalog.load("indikator")["tahun"].max() == 2025
    assert atlas.latest_year() == 2024
    # Asked for, that year stops with the data it lacks, not a traceback.
    with pytest.raises(PaperError) as info:
        build_paper("kesenjangan_wilayah", "82", 2025, out_dir=tmp_path / "papers")
    # The message names the region and indicator missing, not only the year.
    assert re.search(
        r"tidak punya data untuk kode_wilayah = 82\.\d\d; "
        r"indikator = (jumlah_penduduk|pdrb_per_kapita_adhb); tahun = 2025",
        str(info.value),
    ), str(info.value)
