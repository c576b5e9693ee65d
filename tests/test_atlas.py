"""The atlas: many briefs built in parallel, incrementally, with their index."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from lab_lib import atlas, catalog
from lab_lib.errors import PaperError
from lab_lib.paper import FAILED_SUFFIX

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "atlas"
SAMPLE = Path(catalog.DEFAULT_CATALOG).parent / "sample"
MINILAB = shutil.which("minilab") or str(Path(sys.executable).parent / "minilab")
THEMES = ["uji_indikator", "uji_target"]
REGIONS = ["82", "82.01"]


@pytest.fixture
def lab(tmp_path, monkeypatch):
    """Own copies of the fixture themes and the sample data, and a briefs folder."""
    themes = tmp_path / "themes"
    shutil.copytree(FIXTURES, themes)
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data, ignore=shutil.ignore_patterns("*.py", "*.md"))
    monkeypatch.setenv("MINILAB_THEMES", str(themes))
    monkeypatch.setenv("MINILAB_DATA", str(data))
    return {"themes": themes, "data": data, "out": tmp_path / "papers"}


def build(lab, temas=THEMES, wilayah=REGIONS, **options):
    jobs = atlas.plan(temas, wilayah, [2024])
    return atlas.build(jobs, out_dir=lab["out"], workers=2, **options)


def statuses(report):
    return {o.job.key: o.status for o in report.outcomes}


def test_unchanged_briefs_are_skipped_and_changed_data_rebuilds_its_readers(lab):
    cold = build(lab)
    assert set(statuses(cold).values()) == {atlas.BUILT}
    assert cold.exit_code == 0
    html = {o.job.key: o.job.path(lab["out"], "html") for o in cold.outcomes}
    before = {key: path.read_bytes() for key, path in html.items()}

    again = build(lab)
    assert set(statuses(again).values()) == {atlas.SKIPPED}
    assert {key: path.read_bytes() for key, path in html.items()} == before

    # One more target row: only the briefs that read target_rpjmd change.
    targets = lab["data"] / "target_rpjmd.csv"
    frame = pd.read_csv(targets, dtype=str, keep_default_na=False)
    frame.loc[0, "target"] = str(float(frame.loc[0, "target"]) + 0.5)
    frame.to_csv(targets, index=False)
    changed = build(lab)
    assert statuses(changed) == {
        f"{tema}/2024/{kode}": atlas.BUILT if tema == "uji_target" else atlas.SKIPPED
        for tema in THEMES
        for kode in REGIONS
    }

    forced = build(lab, force=True)
    assert set(statuses(forced).values()) == {atlas.BUILT}


def test_a_failing_brief_keeps_its_old_files_and_the_batch_goes_on(lab):
    assert build(lab).exit_code == 0
    old = {s: Path(lab["out"], f"uji_target/2024/82.01.{s}") for s in ("html", "ipynb")}
    before = {s: p.read_bytes() for s, p in old.items()}

    notebook = lab["themes"] / "uji_target.ipynb"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    nb["cells"][2]["source"] = [
        'if b.region.kode == "82.01":\n',
        "    raise ZeroDivisionError('rusak untuk uji')\n",
        *nb["cells"][2]["source"],
    ]
    notebook.write_text(json.dumps(nb), encoding="utf-8")

    report = build(lab)
    assert statuses(report) == {
        "uji_indikator/2024/82": atlas.SKIPPED,
        "uji_indikator/2024/82.01": atlas.SKIPPED,
        "uji_target/2024/82": atlas.BUILT,
        "uji_target/2024/82.01": atlas.FAILED,
    }
    assert report.exit_code != 0
    failed = next(o for o in report.outcomes if o.status == atlas.FAILED)
    assert "ZeroDivisionError" in failed.error and "rusak untuk uji" in failed.error
    assert {s: p.read_bytes() for s, p in old.items()} == before
    kept = lab["out"] / f"uji_target/2024/82.01{FAILED_SUFFIX}"
    assert kept.is_file()

    index = json.loads((lab["out"] / "index.json").read_text(encoding="utf-8"))
    entry = next(b for b in index["briefs"] if b["key"] == "uji_target/2024/82.01")
    assert entry["status"] == "failed" and "rusak untuk uji" in entry["error"]
    assert entry["files"]["gagal"] == f"uji_target/2024/82.01{FAILED_SUFFIX}"
    assert entry["files"]["html"] == "uji_target/2024/82.01.html"  # the old one
    assert "rusak untuk uji" in (lab["out"] / "index.html").read_text("utf-8")

    # A failed brief is tried again on the next build, not skipped.
    assert statuses(build(lab))["uji_target/2024/82.01"] == atlas.FAILED


def test_a_recommendation_without_evidence_fails_naming_it(lab):
    report = build(lab, temas=["uji_tanpa_bukti"], wilayah=["82"])
    [outcome] = report.outcomes
    assert outcome.status == atlas.FAILED
    assert "Bangun dermaga baru di setiap pulau." in outcome.error
    assert outcome.exit_code == 7
    assert not outcome.job.path(lab["out"], "html").exists()


def test_the_command_prints_a_summary_and_exits_non_zero_on_failure(lab):
    args = ["build", "--tema", "uji_target", "--tema", "uji_tanpa_bukti"]
    args += ["--wilayah", "82", "--format", "html", "--out", str(lab["out"])]
    done = subprocess.run([MINILAB, *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 7, done.stderr
    assert "dibangun" in done.stdout and "gagal" in done.stdout
    assert "Bangun dermaga baru" in done.stdout + done.stderr
    assert (lab["out"] / "uji_target/2024/82.html").is_file()
    assert (lab["out"] / "index.html").is_file()


def test_the_index_lists_every_brief_with_its_evidence(lab):
    build(lab)
    index = json.loads((lab["out"] / "index.json").read_text(encoding="utf-8"))
    keys = {b["key"] for b in index["briefs"]}
    assert keys == {f"{t}/2024/{k}" for t in THEMES for k in REGIONS}
    ipm = catalog.load("indikator", wilayah="82.01", tahun=2024, indikator="ipm")
    entry = next(b for b in index["briefs"] if b["key"] == "uji_indikator/2024/82.01")
    assert entry["status"] == "built" and entry["sample"] is True
    assert entry["key_figures"][0]["value"] == f"{ipm['nilai'].iloc[0]:.2f}"
    [recommendation] = entry["recommendations"]
    assert recommendation["evidence"][0]["label"] == "Tabel 1"
    assert recommendation["datasets"] == ["indikator"]
    assert [d["dataset"] for d in entry["datasets"]] == ["indikator"]
    assert all(len(d["sha256"]) == 64 for d in entry["datasets"])
    page = (lab["out"] / "index.html").read_text(encoding="utf-8")
    assert page.count("<tr data-tema=") == len(keys)
    assert "http://" not in page and "https://" not in page
    for item in index["briefs"]:
        for path in item["files"].values():
            assert (lab["out"] / path).is_file()


@pytest.mark.browser
def test_the_index_filters_offline_in_chromium(lab, open_offline):
    build(lab)
    with open_offline(lab["out"] / "index.html") as (page, attempted, errors):
        rows = page.locator("tbody tr")
        assert rows.count() == 4
        page.select_option("select[data-filter=tema]", "uji_target")
        assert page.locator("tbody tr:not([hidden])").count() == 2
        page.fill("input[data-search]", "Halmahera Barat")
        assert page.locator("tbody tr:not([hidden])").count() == 1
        assert page.locator("#shown").inner_text() == "1 / 4"
        assert attempted == [] and errors == []


ANSWER_CTRL_C = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_leaves_nothing_half_written(lab, stop):
    out = lab["out"]
    args = [MINILAB, "build", "--format", "html", "-j", "1", "--out", str(out)]
    for tema in THEMES:
        args += ["--tema", tema]
    for kode in ["82", "82.01", "82.03", "82.71"]:
        args += ["--wilayah", kode]
    # A shell that starts a command in the background makes it ignore SIGINT,
    # and the build would inherit that: start it as a terminal would.
    process = subprocess.Popen(
        [sys.executable, "-c", ANSWER_CTRL_C, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    state = out / atlas.STATE_FILE
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if state.is_file() and json.loads(state.read_text("utf-8")).get("briefs"):
            break
        time.sleep(0.2)
    if process.poll() is not None:
        process.communicate()
        pytest.fail("the build ended before it could be interrupted")
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode != 0
    # The build itself stops quietly (a kernel that was starting may still
    # complain about its vanished scratch folder).
    assert b"lab_lib/atlas.py" not in stderr and b"lab_lib/cli.py" not in stderr

    hidden = [p for p in out.rglob(".*") if p.name != atlas.STATE_FILE]
    assert hidden == []
    for page in out.rglob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>"), page
    built = json.loads(state.read_text("utf-8"))["briefs"]
    assert 0 < len(built) < 8

    finish = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert finish.returncode == 0, finish.stderr
    assert len(list(out.rglob("*.html"))) == 8 + 1  # the briefs and the index


def test_a_write_cut_off_by_a_kill_is_cleaned_up_by_the_next_build(lab):
    build(lab, temas=["uji_target"], wilayah=["82"])
    leftover = lab["out"] / "uji_target" / "2024" / ".82.html.x7k2p9.part"
    leftover.write_text("<html><body>setengah", encoding="utf-8")
    report = build(lab, temas=["uji_target"], wilayah=["82"])
    assert statuses(report) == {"uji_target/2024/82": atlas.SKIPPED}
    assert not leftover.exists()


def test_unknown_format_is_refused_before_anything_runs(lab):
    with pytest.raises(PaperError, match="odt"):
        build(lab, formats=["html", "odt"])
    assert not lab["out"].exists()


PRINT = ["build", "--tema", "kondisi_jalan", "--wilayah", "82.03", "--tahun", "2024"]
PRINT += ["--format", "html,pdf,docx"]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """A real theme brief in every format, printed by the system browser.

    Built by the command, in its own process, as a user would.
    """
    out = tmp_path_factory.mktemp("printed")
    done = subprocess.run(
        [MINILAB, *PRINT, "--out", str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [job] = atlas.plan(["kondisi_jalan"], ["82.03"], [2024])
    return job, out


@pytest.mark.browser
def test_the_pdf_is_a4_with_the_static_maps(printed):
    from pypdf import PdfReader

    job, out = printed
    reader = PdfReader(job.path(out, "pdf"))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
    images = sum(len(page.images) for page in reader.pages)
    html = job.path(out, "html").read_text(encoding="utf-8")
    assert 'class="lab-map__static"' in html
    # Every chart and every map's static twin is printed (the live maps are not).
    assert images >= html.count("<img")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Kabupaten Halmahera Utara" in text and "Rekomendasi" in text


@pytest.mark.browser
def test_the_docx_holds_the_tables_and_figures(printed):
    import docx

    job, out = printed
    document = docx.Document(job.path(out, "docx"))
    html = job.path(out, "html").read_text(encoding="utf-8")
    assert len(document.tables) >= html.count('class="brief-table-block"')
    assert len(document.inline_shapes) >= html.count("<img")
    words = "\n".join(p.text for p in document.paragraphs)
    assert "Rekomendasi" in words and "Tabel 1." in words


@pytest.mark.browser
def test_printed_formats_are_skipped_when_unchanged(printed):
    job, out = printed
    stamps = {s: job.path(out, s).stat().st_mtime_ns for s in ("html", "pdf", "docx")}
    done = subprocess.run(
        [MINILAB, *PRINT, "--out", str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    state = json.loads((out / atlas.STATE_FILE).read_text(encoding="utf-8"))
    record = state["briefs"][job.key]
    assert record["pdf"] == record["docx"] == record["fingerprint"]
    assert {s: job.path(out, s).stat().st_mtime_ns for s in stamps} == stamps
    counts = dict(re.findall(r"│ (dibangun|dilewati|gagal)\b[^│]*│ (\d+)", done.stdout))
    assert counts == {"dibangun": "0", "dilewati": "1", "gagal": "0"}


def test_nothing_is_built_outside_the_briefs_folder(lab):
    build(lab, temas=["uji_target"], wilayah=["82"])
    written = {p.relative_to(lab["out"]).as_posix() for p in lab["out"].rglob("*")}
    assert written == {
        atlas.STATE_FILE,
        "index.html",
        "index.json",
        "hasil_analisis.gpkg",
        "uji_target",
        "uji_target/2024",
        "uji_target/2024/82.html",
        "uji_target/2024/82.ipynb",
    }
    assert sorted(os.listdir(lab["themes"])) == sorted(os.listdir(FIXTURES))
