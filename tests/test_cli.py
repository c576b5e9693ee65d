"""The minilab command: tables, one-line Indonesian errors, exit codes."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

MINILAB = shutil.which("minilab") or str(Path(sys.executable).parent / "minilab")


def run(*args, env=None, cwd=None):
    return subprocess.run(
        [MINILAB, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
    )


def test_datasets_prints_the_catalog():
    done = run("datasets")
    assert done.returncode == 0, done.stderr
    for name in ("ruas_jalan", "indikator", "wilayah_kecamatan", "fasilitas"):
        assert name in done.stdout
    assert "2019–2024" in done.stdout
    assert "produsen" in done.stdout


@pytest.mark.parametrize(
    ("wilayah", "code", "words"),
    [
        ("Halmahera Baratt", 3, "Kabupaten Halmahera Barat (82.01)"),
        ("8205", 3, 'scheme="bps"'),
        ("Jailolo", 3, "kabupaten/kota"),
    ],
)
def test_bad_region_is_one_clear_line(tmp_path, wilayah, code, words):
    done = run(
        "paper",
        "kondisi_jalan",
        "--wilayah",
        wilayah,
        "--tahun",
        "2024",
        "--out",
        str(tmp_path),
    )
    assert done.returncode == code
    assert words in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 3  # one message, soft-wrapped
    assert list(tmp_path.iterdir()) == []


def test_unknown_theme_lists_the_themes(tmp_path):
    done = run("paper", "jalan_desa", "--tahun", "2024", "--out", str(tmp_path))
    assert done.returncode == 8
    assert "kondisi_jalan" in done.stderr


@pytest.mark.parametrize("command", ["paper", "build"])
def test_a_themes_folder_replaces_the_bundled_themes(tmp_path, command):
    own = tmp_path / "karya" / "tema"
    own.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures/themes/galat_python.ipynb", own)
    theme = ["kondisi_jalan"] if command == "paper" else ["--tema", "kondisi_jalan"]
    done = run(
        command,
        *theme,
        "--folder-tema",
        "karya/tema",
        "--tahun",
        "2024",
        "--out",
        str(tmp_path / "o"),
        cwd=tmp_path,
    )
    assert done.returncode == 8, done.stderr
    # Only the theme of the folder is offered, found from the working directory.
    assert "galat_python" in done.stderr and "air_minum" not in done.stderr


@pytest.mark.parametrize("command", [["datasets"], ["paper", "kondisi_jalan"]])
def test_missing_data_root(tmp_path, command):
    env = {**os.environ, "MINILAB_DATA": str(tmp_path / "kosong")}
    out = tmp_path / "papers"
    extra = ["--tahun", "2024", "--out", str(out)] if command[0] == "paper" else []
    done = run(*command, *extra, env=env)
    assert done.returncode == 4
    assert done.stderr.startswith("Galat:")
    assert "MINILAB_DATA" in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("Galat:") == 1  # said once, not once per dataset
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["paper", "kondisi_jalan"], "Opsi --tahun wajib diisi."),
        (["paper", "kondisi_jalan", "--tahun", "dua"], '"dua" bukan bilangan bulat'),
        (["paper", "kondisi_jalan", "--tahn", "2024"], "Mungkin maksudnya: --tahun"),
        (["build", "--bahasa", "jw"], "pilih salah satu: id, en"),
        (["build", "-j", "0"], "paling sedikit 1"),
        (["bangun"], 'Perintah "bangun" tidak ada'),
    ],
)
def test_a_wrong_command_line_is_explained_in_indonesian(tmp_path, args, words):
    done = run(*args, "--out", str(tmp_path)) if args[0] == "build" else run(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) <= 3, done.stderr  # one message, soft-wrapped
    assert done.stderr.startswith("Galat:") and words in done.stderr
    assert "--help" in done.stderr
    assert "Usage" not in done.stderr and "Error" not in done.stderr
    assert not any(tmp_path.iterdir())


def test_help_is_in_indonesian():
    done = run("paper", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("Cara pakai: minilab paper [OPSI] TEMA")
    assert "Opsi:" in done.stdout and "Tampilkan bantuan ini" in done.stdout
    assert "Options" not in done.stdout and "[required]" not in done.stdout


def test_messages_in_english_when_asked(tmp_path):
    env = {**os.environ, "MINILAB_BAHASA": "en"}
    done = run(
        "paper",
        "kondisi_jalan",
        "--wilayah",
        "Nowhere",
        "--tahun",
        "2024",
        "--out",
        str(tmp_path),
        env=env,
    )
    assert done.returncode == 3
    assert done.stderr.startswith("Error:") and "was not found" in done.stderr


def test_year_without_data_exits_5_and_names_the_region(tmp_path):
    done = run(
        "paper",
        "kondisi_jalan",
        "--wilayah",
        "8205",
        "--skema",
        "bps",
        "--tahun",
        "2031",
        "--out",
        str(tmp_path),
    )
    assert done.returncode == 5
    assert "Kabupaten Halmahera Utara" in done.stderr  # BPS 8205
    assert "2031" in done.stderr and "2024" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_dataset_failing_its_schema_exits_6(tmp_path):
    from lab_lib import catalog

    root = tmp_path / "data"
    shutil.copytree(Path(catalog.DEFAULT_CATALOG).parent / "sample", root)
    target = root / "target_rpjmd.csv"
    lines = target.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("82", "8205", 1)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "MINILAB_DATA": str(root)}
    out = tmp_path / "papers"
    done = run("paper", "kondisi_jalan", "--tahun", "2024", "--out", str(out), env=env)
    assert done.returncode == 6
    assert "target_rpjmd" in done.stderr and "baris 4" in done.stderr
    assert not any(out.rglob("*.html"))


def test_a_theme_must_be_a_theme_name_not_a_path(tmp_path):
    done = run(
        "paper",
        "../themes/kondisi_jalan",
        "--tahun",
        "2024",
        "--out",
        str(tmp_path / "papers"),
    )
    assert done.returncode == 8
    assert "kondisi_jalan" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_datasets_lists_the_rest_when_one_file_is_damaged(tmp_path):
    from lab_lib import catalog

    root = tmp_path / "data"
    shutil.copytree(Path(catalog.DEFAULT_CATALOG).parent / "sample", root)
    (root / "proyek.geojson").write_text(
        '{"type": "FeatureCollection", "feat', encoding="utf-8"
    )
    done = run("datasets", env={**os.environ, "MINILAB_DATA": str(root)})
    assert done.returncode == 4
    assert "fasilitas" in done.stdout and "Galat" in done.stdout
    assert "proyek.geojson" in done.stderr and "tidak bisa dibaca" in done.stderr
    assert "Traceback" not in done.stderr


def test_unwritable_output_folder_fails_before_running(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    done = run(
        "paper", "kondisi_jalan", "--tahun", "2024", "--out", str(blocker / "sub")
    )
    assert done.returncode == 8
    assert "tidak bisa ditulis" in done.stderr and "Traceback" not in done.stderr


def test_all_themes_check_the_region_before_building(tmp_path):
    done = run(
        "paper",
        "semua",
        "--wilayah",
        "Nowhere",
        "--tahun",
        "2024",
        "--out",
        str(tmp_path),
    )
    assert done.returncode == 3 and "Nowhere" in done.stderr
    assert list(tmp_path.iterdir()) == []
