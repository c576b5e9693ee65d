"""The check of workshop notebook 06, and the theme-copy functions it uses.

One brief is built (from a copy with the lesson's example rule and one rule
of the participant's); the wrong answers are copies of it whose summary
record or papermill record is changed, so each hint is tested without
building another brief.
"""

from __future__ import annotations

import os
import shutil

import nbformat
import pytest

from lab_lib.brief import SUMMARY_MIMETYPE
from lab_lib.paper import THEMES_DIR, build_paper
from lab_lib.workshop.lesson_06 import EXAMPLE_RULE, REGION, THEME, YEAR, latihan_06
from lab_lib.workshop.templates import (
    add_recommendation,
    brief_recommendations,
    copy_theme,
    rules_of,
)

EXAMPLE = {
    "jika": "jumlah_prioritas > 0",
    "bukti": ["tabel_prioritas"],
    "id": "Survei bersama {jumlah_prioritas} ruas di Tabel {nomor_tabel_prioritas}.",
    "en": "Survey the {jumlah_prioritas} segments in Table {nomor_tabel_prioritas}.",
}
OWN = {
    "jika": "ada_target == benar",
    "bukti": ["gambar_tren", "tabel_kondisi"],
    "id": "Laporkan kemantapan jalan {kelas} tiap triwulan kepada Bappeda.",
    "en": "Report the steadiness of {kelas} roads to Bappeda every quarter.",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A copy of the theme with two added rules, and the one brief built from it."""
    root = tmp_path_factory.mktemp("karya")
    copy = copy_theme(THEME, root / "tema")
    add_recommendation(copy.rules, EXAMPLE_RULE, EXAMPLE)
    add_recommendation(copy.rules, "laporan_triwulan", OWN)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MINILAB_THEMES", str(copy.folder))
        result = build_paper(THEME, REGION, YEAR, out_dir=root / "brief")
    return copy, result.paths[-1]


def doctored(brief, folder, *, wilayah=None, tahun=None, source=None, own=True):
    """A copy of ``brief`` in ``folder`` whose records say something else."""
    target = folder / THEME / str(YEAR) / brief.name
    target.parent.mkdir(parents=True)
    shutil.copy(brief, target)
    nb = nbformat.read(brief.with_suffix(".ipynb"), as_version=4)
    if source is not None:
        nb.metadata.papermill["input_path"] = str(source)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            summary = output.get("data", {}).get(SUMMARY_MIMETYPE)
            if summary is None:
                continue
            if wilayah:
                summary["wilayah"] = {"kode": wilayah, "nama": f"Wilayah {wilayah}"}
            if tahun:
                summary["tahun"] = tahun
            if not own:
                summary["recommendations"] = [
                    r for r in summary["recommendations"] if "triwulan" not in r["text"]
                ]
    nbformat.write(nb, target.with_suffix(".ipynb"))
    return target


def test_copy_theme_copies_once_and_keeps_changes(tmp_path):
    first = copy_theme(THEME, tmp_path / "tema")
    assert first.status == "disalin"
    assert first.notebook.read_bytes() == (THEMES_DIR / f"{THEME}.ipynb").read_bytes()
    assert copy_theme(THEME, tmp_path / "tema").status == "sudah_ada"
    add_recommendation(first.rules, "milik_saya", OWN)
    kept = copy_theme(THEME, tmp_path / "tema")
    assert kept.status == "dipertahankan" and "milik_saya" in rules_of(kept.rules)
    replaced = copy_theme(THEME, tmp_path / "tema", overwrite=True)
    assert replaced.status == "ditimpa" and "milik_saya" not in rules_of(kept.rules)
    with pytest.raises(ValueError, match="tidak ada"):
        copy_theme("jalan_desa", tmp_path / "tema")


def test_add_recommendation_keeps_comments_and_refuses_no_evidence(tmp_path):
    copy = copy_theme(THEME, tmp_path / "tema")
    comments = [line for line in copy.rules.read_text().splitlines() if "#" in line]
    add_recommendation(copy.rules, "milik_saya", OWN)
    add_recommendation(copy.rules, "milik_saya", {**OWN, "id": "Kalimat baru."})
    text = copy.rules.read_text()
    assert all(line in text.splitlines() for line in comments)
    assert text.count("milik_saya:") == 1
    assert rules_of(copy.rules)["milik_saya"]["id"] == "Kalimat baru."
    with pytest.raises(ValueError, match="bukti"):
        add_recommendation(copy.rules, "tanpa_bukti", {**OWN, "bukti": []})
    with pytest.raises(ValueError, match="asli"):
        add_recommendation(THEMES_DIR / "aturan" / f"{THEME}.yaml", "x", OWN)


def test_brief_recommendations_show_text_and_evidence(built):
    _, brief = built
    shown = brief_recommendations(brief)
    own = shown[shown["rekomendasi"].str.contains("triwulan")]
    assert len(own) == 1 and "Gambar" in own["bukti"].iloc[0]


def test_right_brief_is_right(built):
    copy, brief = built
    feedback = latihan_06(str(brief), folder=copy.folder)
    assert feedback.benar is True, str(feedback)
    assert "laporan_triwulan" in str(feedback)
    assert latihan_06(brief.with_suffix(".ipynb"), folder=copy.folder).benar is True


def test_answer_left_out_or_of_the_wrong_kind(built):
    copy, _ = built
    assert latihan_06(...).benar is None
    feedback = latihan_06(42, folder=copy.folder)
    assert feedback.benar is False and "letak file brief" in str(feedback)


def test_missing_brief_is_named(built, tmp_path):
    copy, _ = built
    feedback = latihan_06(str(tmp_path / "82.04.html"), folder=copy.folder)
    assert feedback.benar is False and "tidak ditemukan" in str(feedback)


def test_rule_without_evidence_is_named(tmp_path):
    copy = copy_theme(THEME, tmp_path / "tema")
    with open(copy.rules, "a", encoding="utf-8") as stream:
        stream.write("\n  tanpa_bukti:\n    jika: tahun > 0\n    id: A.\n    en: A.\n")
    feedback = latihan_06(str(tmp_path / "82.04.html"), folder=copy.folder)
    assert feedback.benar is False
    assert "tanpa_bukti" in str(feedback) and "belum menyebut bukti" in str(feedback)


def test_brief_of_another_region_or_year_is_named(built, tmp_path):
    copy, brief = built
    other = doctored(brief, tmp_path / "wilayah", wilayah="82.03")
    feedback = latihan_06(str(other), folder=copy.folder)
    assert feedback.benar is False and f"--wilayah {REGION}" in str(feedback)
    other = doctored(brief, tmp_path / "tahun", tahun=YEAR - 1)
    feedback = latihan_06(str(other), folder=copy.folder)
    assert feedback.benar is False and f"--tahun {YEAR}" in str(feedback)


def test_brief_built_from_the_original_theme_is_named(built, tmp_path):
    copy, brief = built
    other = doctored(brief, tmp_path / "asli", source=THEMES_DIR / f"{THEME}.ipynb")
    feedback = latihan_06(str(other), folder=copy.folder)
    assert feedback.benar is False
    assert "tema asli" in str(feedback) and "--folder-tema" in str(feedback)


def test_rule_whose_condition_is_false_is_named(built, tmp_path):
    copy, brief = built
    other = doctored(brief, tmp_path / "syarat", own=False)
    feedback = latihan_06(str(other), folder=copy.folder)
    assert feedback.benar is False
    assert "jika" in str(feedback) and OWN["jika"] in str(feedback)


def test_the_example_sentence_under_a_new_name_is_not_ones_own(built, tmp_path):
    _, brief = built
    copy = copy_theme(THEME, tmp_path / "tema")
    add_recommendation(copy.rules, EXAMPLE_RULE, EXAMPLE)
    add_recommendation(copy.rules, "punya_saya", EXAMPLE)
    other = doctored(brief, tmp_path / "contoh", own=False, source=copy.notebook)
    feedback = latihan_06(str(other), folder=copy.folder)
    assert feedback.benar is False
    assert "kalimat contoh" in str(feedback) and "punya_saya" in str(feedback)


def test_brief_older_than_the_rules_is_named(built, tmp_path):
    copy, brief = built
    other = doctored(brief, tmp_path / "lama", own=False)
    before = copy.rules.stat().st_mtime - 60
    os.utime(other, (before, before))
    feedback = latihan_06(str(other), folder=copy.folder)
    assert feedback.benar is False and "sesudah brief ini dibuat" in str(feedback)


def test_only_the_example_rule_does_not_count(built, tmp_path):
    _, brief = built
    example_only = copy_theme(THEME, tmp_path / "contoh")
    add_recommendation(example_only.rules, EXAMPLE_RULE, EXAMPLE)
    other = doctored(brief, tmp_path / "brief", source=example_only.notebook, own=False)
    feedback = latihan_06(str(other), folder=example_only.folder)
    assert feedback.benar is False
    assert "belum ada rekomendasi Anda sendiri" in str(feedback)
