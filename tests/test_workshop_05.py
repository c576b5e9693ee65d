"""The check of workshop notebook 05: critical contracts and one deviation."""

from __future__ import annotations

import pytest

from lab_lib import catalog, monitoring
from lab_lib.workshop import lesson_05
from lab_lib.workshop.lesson_05 import MONTH, PROJECT, YEAR, latihan_05


@pytest.fixture(scope="module")
def data():
    """The status table of the exercise, computed as a participant would."""
    thresholds = lesson_05.rule_thresholds()
    projects = catalog.load("proyek", tahun_anggaran=YEAR)
    progress = catalog.load("progres_proyek")
    status = monitoring.classify_projects(
        projects, progress, MONTH, thresholds=thresholds
    )
    curve = monitoring.s_curve(progress, PROJECT)
    return {"status": status, "progress": progress, "curve": curve}


def right_answers(data):
    status = data["status"]
    return list(status[status["kritis"]].index), status.loc[PROJECT, "deviasi_pct"]


def test_the_rule_file_thresholds_are_read():
    limits = lesson_05.load_rules("monitoring_proyek").thresholds
    thresholds = lesson_05.rule_thresholds()
    assert thresholds.split_pct == limits["kritis_batas_tahap"]
    assert thresholds.early_gap == limits["kritis_selisih_awal"]
    assert thresholds.late_gap == limits["kritis_selisih_akhir"]


def test_right_answers_are_right(data):
    critical, deviation = right_answers(data)
    assert len(critical) > 5 and deviation < 0
    feedback = latihan_05(critical, deviation)
    assert feedback.benar is True, str(feedback)
    assert f"{len(critical)} kontrak kritis" in str(feedback)


def test_equivalent_answers_are_accepted(data):
    status = data["status"]
    critical_rows = status[status["kritis"]]
    month_row = data["curve"][data["curve"]["bulan"] == MONTH]["deviasi_pct"]
    assert latihan_05(critical_rows, month_row).benar is True
    assert latihan_05(set(critical_rows.index), float(month_row.iloc[0])).benar


def test_answers_left_out_are_not_filled_in(data):
    critical, deviation = right_answers(data)
    assert latihan_05(..., deviation).benar is None
    assert latihan_05(critical, ...).benar is None


def test_projects_of_all_years_are_named(data):
    progress = data["progress"]
    everything = catalog.load("proyek")
    everything = everything[everything["id_proyek"].isin(progress["id_proyek"])]
    status = monitoring.classify_projects(everything, progress, MONTH)
    critical = list(status[status["kritis"]].index)
    feedback = latihan_05(critical, right_answers(data)[1])
    assert feedback.benar is False
    assert "tahun anggaran lain" in str(feedback)
    assert f"tahun_anggaran={YEAR}" in str(feedback)


def test_another_month_is_named(data):
    projects = catalog.load("proyek", tahun_anggaran=YEAR)
    status = monitoring.classify_projects(projects, data["progress"], f"{YEAR}-12")
    critical = list(status[status["kritis"]].index)
    assert set(critical) != set(right_answers(data)[0])
    feedback = latihan_05(critical, right_answers(data)[1])
    assert feedback.benar is False
    assert "Desember" in str(feedback)


def test_thresholds_typed_by_hand_are_named(data):
    projects = catalog.load("proyek", tahun_anggaran=YEAR)
    swapped = monitoring.CriticalThresholds(split_pct=70, early_gap=5, late_gap=10)
    status = monitoring.classify_projects(
        projects, data["progress"], MONTH, thresholds=swapped
    )
    critical = list(status[status["kritis"]].index)
    assert set(critical) != set(right_answers(data)[0])
    feedback = latihan_05(critical, right_answers(data)[1])
    assert feedback.benar is False
    assert "file aturan" in str(feedback) and "load_rules" in str(feedback)


def test_late_taken_for_critical_is_named(data):
    status = data["status"]
    late = list(status[status["deviasi_pct"] < 0].index)
    feedback = latihan_05(late, right_answers(data)[1])
    assert feedback.benar is False
    assert "terlambat" in str(feedback) and "kritis" in str(feedback)


def test_unfiltered_table_and_boolean_column_are_named(data):
    status = data["status"]
    deviation = right_answers(data)[1]
    feedback = latihan_05(status, deviation)
    assert feedback.benar is False and "tidak kritis" in str(feedback)
    feedback = latihan_05(status["kritis"], deviation)
    assert feedback.benar is False and "True" in str(feedback)


def test_missing_and_extra_ids_are_listed(data):
    critical = right_answers(data)[0]
    not_critical = next(i for i in data["status"].index if i not in critical)
    feedback = latihan_05([*critical[1:], not_critical], right_answers(data)[1])
    assert feedback.benar is False
    assert critical[0] in str(feedback) and not_critical in str(feedback)


def test_wrong_sign_of_the_deviation_is_named(data):
    critical, deviation = right_answers(data)
    feedback = latihan_05(critical, -deviation)
    assert feedback.benar is False
    assert "terbalik" in str(feedback) and "realisasi − rencana" in str(feedback)


def test_first_and_last_report_are_named(data):
    critical = right_answers(data)[0]
    curve = data["curve"]
    assert curve["bulan"].iloc[0] < MONTH < curve["bulan"].iloc[-1]
    feedback = latihan_05(critical, curve["deviasi_pct"].iloc[0])
    assert feedback.benar is False and "bulan pertama" in str(feedback)
    feedback = latihan_05(critical, curve["deviasi_pct"].iloc[-1])
    assert feedback.benar is False and "terakhir di data" in str(feedback)


def test_deviation_of_another_project_or_as_text_is_named(data):
    critical, deviation = right_answers(data)
    status = data["status"]
    other = next(
        p
        for p, d in status["deviasi_pct"].items()
        if p != PROJECT and abs(d - deviation) > 1 and abs(d + deviation) > 1
    )
    feedback = latihan_05(critical, status.loc[other, "deviasi_pct"])
    assert feedback.benar is False and other in str(feedback)
    feedback = latihan_05(critical, str(deviation))
    assert feedback.benar is False and "teks" in str(feedback)
    feedback = latihan_05(critical, data["curve"]["deviasi_pct"])
    assert feedback.benar is False and "satu angka" in str(feedback)
