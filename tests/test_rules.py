"""Recommendation rules read from a theme's YAML file."""

import shutil
import textwrap

import pandas as pd
import pytest
import yaml

from lab_lib import catalog
from lab_lib.brief import Brief
from lab_lib.errors import EvidenceError, RuleError
from lab_lib.rules import load_rules

RULES = """
ambang:
  batas: 60
rekomendasi:
  kejar:
    jika: nilai < batas dan ada == benar
    bukti: [tabel]
    id: Naikkan dari {nilai} ke {batas} pada {tahun}.
    en: Raise from {nilai} to {batas} in {tahun}.
  jaga:
    jika: nilai >= batas atau paksa == benar
    bukti: tabel
    id: Pertahankan {nilai}.
    en: Keep {nilai}.
"""


def _rules(tmp_path, text=RULES):
    (tmp_path / "uji.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_rules("uji", folder=tmp_path)


@pytest.fixture
def brief_and_table():
    brief = Brief(tema="uji", wilayah="82", tahun=2024, display=False)
    catalog.load("indikator", tahun=2024)
    table = brief.table(pd.DataFrame({"x": [1]}), "Uji", datasets=["indikator"])
    return brief, table


def _values(**changes):
    return {"nilai": 55.25, "ada": True, "paksa": False, "tahun": 2024, **changes}


def test_conditions_pick_the_rules_and_fill_the_sentence(tmp_path, brief_and_table):
    brief, table = brief_and_table
    made = _rules(tmp_path).apply(brief, _values(), {"tabel": table})
    assert [r.text for r in made] == ["Naikkan dari 55,2 ke 60 pada 2024."]
    assert made[0].evidence == (table,)


def test_or_and_thresholds(tmp_path):
    rules = _rules(tmp_path)
    assert [r.name for r in rules.rules if rules.holds(r, _values(nilai=70.0))] == [
        "jaga"
    ]
    forced = _values(paksa=True)
    assert [r.name for r in rules.rules if rules.holds(r, forced)] == ["kejar", "jaga"]


def test_a_missing_number_satisfies_no_condition(tmp_path):
    rules = _rules(tmp_path)
    assert not any(rules.holds(r, _values(nilai=None)) for r in rules.rules)


def test_a_team_changes_a_threshold_without_code(tmp_path, brief_and_table):
    brief, table = brief_and_table
    rules = _rules(tmp_path, RULES.replace("batas: 60", "batas: 50"))
    made = rules.apply(brief, _values(), {"tabel": table})
    assert [r.text for r in made] == ["Pertahankan 55,2."]


def test_english_sentences(tmp_path):
    brief = Brief(tema="uji", wilayah="82", tahun=2024, bahasa="en", display=False)
    catalog.load("indikator", tahun=2024)
    table = brief.table(pd.DataFrame({"x": [1]}), "Test", datasets=["indikator"])
    made = _rules(tmp_path).apply(brief, _values(), {"tabel": table})
    assert made[0].text == "Raise from 55.2 to 60 in 2024."


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("nilai < batas dan", "nilai << batas dan"), "tidak bisa dibaca"),
        (("nilai < batas dan", "skor < batas dan"), 'nama "skor"'),
        (("bukti: [tabel]", "bukti: [peta]"), 'bukti "peta"'),
        (("    en: Keep {nilai}.\n", ""), "en belum diisi"),
        (("Naikkan dari {nilai}", "Naikkan dari {nilia}"), 'nama "nilia"'),
    ],
)
def test_mistakes_in_the_file_are_named(tmp_path, brief_and_table, change, words):
    brief, table = brief_and_table
    with pytest.raises(RuleError) as info:
        _rules(tmp_path, RULES.replace(*change)).apply(
            brief, _values(), {"tabel": table}
        )
    assert words in str(info.value) and "uji.yaml" in str(info.value)


def test_missing_rules_file(tmp_path):
    with pytest.raises(RuleError, match="tidak ditemukan"):
        load_rules("tidak_ada", folder=tmp_path)


def test_a_rule_cannot_drop_the_evidence(tmp_path):
    text = RULES.replace("    bukti: tabel\n", "    bukti: []\n")
    with pytest.raises(RuleError, match="bukti belum diisi"):
        _rules(tmp_path, text)


def test_every_theme_has_a_readable_rules_file():
    from lab_lib.paper import themes

    for tema in themes():
        rules = load_rules(tema)
        assert rules.rules, tema
        for rule in rules.rules:
            assert rule.evidence, (tema, rule.name)


def test_evidence_rule_still_holds(tmp_path):
    brief = Brief(tema="uji", wilayah="82", tahun=2024, display=False)
    other = Brief(tema="uji", wilayah="82", tahun=2024, display=False)
    catalog.load("indikator", tahun=2024)
    foreign = other.table(pd.DataFrame({"x": [1]}), "Lain", datasets=["indikator"])
    with pytest.raises(EvidenceError):
        _rules(tmp_path).apply(brief, _values(), {"tabel": foreign})


def test_quoted_words_compare_as_text(tmp_path):
    text = RULES.replace(
        "jika: nilai < batas dan ada == benar", 'jika: status == "kritis"'
    )
    rules = _rules(tmp_path, text)
    kejar = rules.rules[0]
    assert rules.holds(kejar, _values(status="kritis"))
    assert not rules.holds(kejar, _values(status="on track"))


@pytest.mark.slow
def test_kontrak_kritis_thresholds_come_from_the_rules_file(tmp_path, monkeypatch):
    from lab_lib.paper import THEMES_DIR, build_paper

    def critical(result):
        figures = {k["label"]: k["value"] for k in result.summary["key_figures"]}
        return int(figures["Kontrak kritis"])

    default = build_paper("monitoring_proyek", "82", 2024, out_dir=tmp_path / "a")
    themes = tmp_path / "themes"
    shutil.copytree(THEMES_DIR, themes)
    rules = themes / "aturan" / "monitoring_proyek.yaml"
    data = yaml.safe_load(rules.read_text(encoding="utf-8"))
    # Every stage counts as early, and only 100 points behind would be kritis.
    data["ambang"].update(kritis_batas_tahap=100, kritis_selisih_awal=100)
    rules.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("MINILAB_THEMES", str(themes))
    relaxed = build_paper("monitoring_proyek", "82", 2024, out_dir=tmp_path / "b")
    assert critical(default) > 0
    assert critical(relaxed) == 0
