"""The corpus of malformed agency submissions: each is refused, with the problem
it must be refused for, and nothing reaches the store.

The files and their expectations are made by ``tests/corpus/make_corpus.py``.
"""

from __future__ import annotations

import hashlib
import html
import io
import shutil
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus import make_corpus
from corpus.make_corpus import CASES, FORMULA, Case

from lab_lib import accept, postgis, review, review_report
from lab_lib.cli import main as minilab
from lab_lib.errors import DataValidationError
from lab_lib.messages import MESSAGES

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "catalogs" / "sample"
OPD = "Dinas PUPR Provinsi Maluku Utara"
BY_NAME = {case.name: case for case in CASES}


def by_name(*names: str) -> list[Case]:
    return [BY_NAME[name] for name in names]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    """Every case's file, written once for the module."""
    folder = tmp_path_factory.mktemp("corpus")
    return {path.name: path for path in make_corpus.write_all(folder)}


def shown(found: review.Review) -> str:
    """The problems found, for a failing assertion's message."""
    lines = [
        f"{p.kode} @ baris {p.baris}, {p.kolom!r}: {p.masalah}" for p in found.problems
    ]
    return "\n".join(lines or ["(tidak ada masalah)"])


# The checker -----------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_checker_reports_the_defect(case, corpus):
    found = review.review(corpus[case.name], case.dataset, sheet=case.sheet)

    # 1. The problem is there, where the agency must look for it.
    same_place = [
        p
        for p in found.problems
        if (p.kode, p.baris, p.kolom) == (case.kode, case.baris, case.kolom)
    ]
    assert same_place, shown(found)
    assert any(case.pesan in p.masalah for p in same_place), shown(found)
    if case.nilai is not None:
        assert case.nilai in [p.nilai for p in same_place], shown(found)

    # 2. It is the only kind of problem: the rest of the file is clean.
    assert {p.kode for p in found.problems} == {case.kode}, shown(found)

    # 3. Every data row was read, none taken for a totals row or dropped.
    if case.rows is not None:
        assert found.rows == case.rows, found.notes


# The file store --------------------------------------------------------------


def snapshot(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root``, hidden ones included."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def file_store(tmp_path, monkeypatch) -> Path:
    """A copy of the sample data folder as the store, with no database."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    monkeypatch.setenv("MINILAB_DATA", str(root))
    monkeypatch.delenv(postgis.DB_ENV, raising=False)
    return root


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_accept_refuses_and_leaves_the_data_folder_alone(case, corpus, file_store):
    before = snapshot(file_store)

    with pytest.raises(DataValidationError) as refused:
        accept.accept(corpus[case.name], case.dataset, opd=OPD, sheet=case.sheet)

    message = str(refused.value)
    assert "Tidak ada yang ditulis" in message
    assert case.pesan in message
    assert snapshot(file_store) == before
    assert not (file_store / accept.ARCHIVE_FOLDER).exists()
    assert not (file_store / accept.PROVENANCE_FILE).exists()


# The database ----------------------------------------------------------------


@pytest.fixture(scope="module")
def database(postgis_server) -> str:
    """One database for the module, loaded once with the sample catalog."""
    name = f"test_corpus_{uuid.uuid4().hex[:12]}"
    url = postgis_server.create_database(name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(postgis.DB_ENV, url)
        patch.delenv("MINILAB_DATA", raising=False)
        postgis.load_sample()
    yield url
    postgis_server.drop_database(name)


def database_state(dataset: str) -> tuple[object, ...]:
    """Rows per table, the dataset's content, the provenance records and the
    number of archived files."""
    with postgis.connect() as connection, connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {postgis.SCHEMA}.arsip_kiriman")
        archived = cursor.fetchone()[0]
    return (
        postgis.row_counts(),
        postgis.digest(dataset),
        postgis.submissions(),
        archived,
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_accept_refuses_and_leaves_the_database_alone(
    case, corpus, database, monkeypatch
):
    monkeypatch.setenv(postgis.DB_ENV, database)
    monkeypatch.delenv("MINILAB_DATA", raising=False)
    before = database_state(case.dataset)

    with pytest.raises(DataValidationError) as refused:
        accept.accept(corpus[case.name], case.dataset, opd=OPD, sheet=case.sheet)

    assert case.pesan in str(refused.value)
    assert database_state(case.dataset) == before


# The command line and the reports ----------------------------------------------


@pytest.mark.parametrize(
    "case",
    by_name(
        "tabel_lebar_sel_teks.xlsx",
        "sel_wajib_kosong.xlsx",
        "kecamatan_windows1252.csv",
    ),
    ids=lambda c: c.name,
)
def test_minilab_check_exits_6_and_shows_the_problem(case, corpus, tmp_path):
    report = tmp_path / "laporan.html"
    arguments = ["check", str(corpus[case.name]), "--dataset", case.dataset]
    done = CliRunner().invoke(
        minilab,
        [*arguments, "--laporan", str(report)],
        env={"COLUMNS": "160"},
    )

    assert done.exit_code == 6, done.output
    assert f"{case.name}: 1 masalah harus diperbaiki" in done.output
    assert case.pesan in done.output
    # The table may fold a long value; the report holds it whole.
    assert html.escape(case.nilai or case.pesan) in report.read_text(encoding="utf-8")


def test_minilab_check_explains_a_file_it_cannot_read(corpus):
    case = BY_NAME["berkata_sandi.xlsx"]
    done = CliRunner().invoke(
        minilab,
        ["check", str(corpus[case.name]), "--dataset", case.dataset],
        env={"COLUMNS": "160"},
    )

    assert done.exit_code == 6, done.output
    assert "kata sandi" in done.output
    assert "Traceback" not in done.output


@pytest.mark.parametrize(
    "case", by_name("rumus_di_nama.xlsx", "rumus_di_sumber.csv"), ids=lambda c: c.name
)
def test_reports_keep_a_formula_as_text(case, corpus, tmp_path):
    from openpyxl import load_workbook

    found = review.review(corpus[case.name], case.dataset)
    workbook = review_report.write_report(found, tmp_path / "laporan.xlsx")
    page = review_report.write_report(found, tmp_path / "laporan.html")

    cells = [
        cell
        for row in load_workbook(workbook).active.iter_rows()
        for cell in row
        if cell.value == FORMULA
    ]
    assert cells, "the value is missing from the report"
    assert all(cell.data_type == "s" for cell in cells)
    with zipfile.ZipFile(workbook) as book:
        assert b"<f>" not in book.read("xl/worksheets/sheet1.xml")

    written = page.read_text(encoding="utf-8")
    assert html.escape(FORMULA) in written
    assert FORMULA not in written
    assert "<a " not in written


# The corpus itself -----------------------------------------------------------


def test_the_corpus_is_the_same_on_every_run(corpus, tmp_path):
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "corpus" / "make_corpus.py"),
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    again = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    assert again == {name: path.read_bytes() for name, path in corpus.items()}


def test_the_corpus_is_large_and_names_known_problems():
    assert len(CASES) >= 30
    assert len(BY_NAME) == len(CASES), "file names must be unique"
    for case in CASES:
        assert f"review.{case.kode}" in MESSAGES, case.name
        assert f"review.fix.{case.kode}" in MESSAGES, case.name
        assert case.dataset in review.SPECS, case.name
        assert case.description and "\n" not in case.description, case.name


def test_the_corpus_holds_the_files_an_agency_really_sends(corpus):
    assert corpus["kosong.xlsx"].stat().st_size == 0
    assert corpus["jalan_utf16.csv"].read_bytes()[:2] == b"\xff\xfe"
    assert "–".encode("cp1252") in corpus["jalan_windows1252.csv"].read_bytes()
    assert not zipfile.is_zipfile(corpus["teks_bukan_excel.xlsx"])
    assert {case.dataset for case in CASES} == set(review.SPECS)


def test_the_protected_workbook_opens_with_its_password_only(corpus):
    import msoffcrypto
    from openpyxl import load_workbook

    with corpus["berkata_sandi.xlsx"].open("rb") as stream:
        protected = msoffcrypto.OfficeFile(stream)
        assert protected.is_encrypted()
        protected.load_key(password=make_corpus.PASSWORD)
        plain = io.BytesIO()
        protected.decrypt(plain)

    assert load_workbook(plain).sheetnames == ["Kondisi Jalan 2025"]
