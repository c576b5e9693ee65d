"""Kontrak kritis, S-curve and project status against values worked by hand."""

import math

import pandas as pd
import pytest

from lab_lib import catalog, monitoring
from lab_lib.errors import DataValidationError
from lab_lib.monitoring import CriticalThresholds, critical_reason, is_critical


@pytest.mark.parametrize(
    ("planned", "actual", "beyond", "expected"),
    [
        (50.0, 40.0, False, None),  # exactly 10 behind: not "more than 10"
        (50.0, 39.9, False, "terlambat_tahap_awal"),  # 10.1 behind
        (45.3, 35.3, False, None),  # 10 behind in two-decimal reports
        (70.0, 63.0, False, None),  # 70 % is the early band: 7 ≤ 10
        (70.0, 59.9, False, "terlambat_tahap_awal"),  # 10.1 behind at 70 %
        (70.01, 63.0, False, "terlambat_tahap_akhir"),  # 7.01 > 5 above 70 %
        (80.0, 75.0, False, None),  # exactly 5 behind, finishes in the year
        (80.0, 74.9, False, "terlambat_tahap_akhir"),  # 5.1 behind
        (80.0, 77.0, False, None),  # 3 behind, finishes in the year
        (80.0, 77.0, True, "melewati_tahun_anggaran"),  # 3 behind, runs past
        (80.0, 75.0, True, "melewati_tahun_anggaran"),  # 5 behind is still ≤ 5
        (80.0, 80.0, True, None),  # on plan: not late at all
        (80.0, 83.0, True, None),  # ahead of plan
        (60.0, 55.0, True, None),  # the year-end rule is for plans above 70 %
        (90.0, 80.0, True, "terlambat_tahap_akhir"),  # > 5 behind comes first
    ],
)
def test_critical_reason_boundaries(planned, actual, beyond, expected):
    assert critical_reason(planned, actual, beyond) == expected
    assert is_critical(planned, actual, beyond) is (expected is not None)


def test_thresholds_can_be_changed():
    strict = CriticalThresholds(split_pct=60.0, early_gap=8.0, late_gap=4.0)
    assert is_critical(50.0, 41.5, thresholds=strict)  # 8.5 > 8
    assert not is_critical(50.0, 41.5)  # 8.5 ≤ 10
    assert is_critical(65.0, 60.5, thresholds=strict)  # 65 > 60, 4.5 > 4


def test_critical_rejects_percent_outside_range():
    with pytest.raises(DataValidationError, match=r"rencana = 120\.0 bukan persen"):
        is_critical(120.0, 50.0)
    with pytest.raises(DataValidationError, match="realisasi = nan"):
        is_critical(50.0, float("nan"))


def test_reason_text_uses_the_thresholds():
    strict = CriticalThresholds(split_pct=60.0, early_gap=8.0, late_gap=4.0)
    text = monitoring.reason_text("terlambat_tahap_awal", thresholds=strict)
    assert (
        text
        == "realisasi tertinggal lebih dari 8 poin dari rencana, saat rencana 0–60%"
    )
    english = monitoring.reason_text("melewati_tahun_anggaran", bahasa="en")
    assert "up to 5 points behind" in english and "above 70%" in english


@pytest.fixture
def progress():
    return pd.DataFrame(
        {
            "id_proyek": ["A", "A", "B", "B", "A"],
            "bulan": ["2024-06", "2024-07", "2024-05", "2024-06", "2024-05"],
            "rencana_kumulatif_pct": [40.0, 60.0, 80.0, 100.0, 12.5],
            "realisasi_kumulatif_pct": [35.0, 45.0, 82.0, 100.0, 12.5],
        }
    )


def test_s_curve_of_one_project(progress):
    curve = monitoring.s_curve(progress, "A")
    assert curve["bulan"].tolist() == ["2024-05", "2024-06", "2024-07"]
    # 12.5 − 12.5 = 0; 35 − 40 = −5; 45 − 60 = −15
    assert curve["deviasi_pct"].tolist() == [0.0, -5.0, -15.0]
    assert curve.attrs["id_proyek"] == "A"


def test_s_curve_keeps_months_not_yet_reported(progress):
    progress.loc[1, "realisasi_kumulatif_pct"] = float("nan")
    curve = monitoring.s_curve(progress, "A")
    assert math.isnan(curve["deviasi_pct"].iloc[2])


def test_s_curve_unknown_project(progress):
    with pytest.raises(DataValidationError, match='Proyek "Z" tidak ada') as caught:
        monitoring.s_curve(progress, "Z")
    assert "A, B" in str(caught.value)


def test_progress_that_goes_down_is_rejected(progress):
    progress.loc[1, "realisasi_kumulatif_pct"] = 30.0  # below June's 35
    with pytest.raises(DataValidationError) as caught:
        monitoring.s_curve(progress, "A")
    message = str(caught.value)
    assert 'Kolom "realisasi_kumulatif_pct"' in message
    assert "baris 1 (A 2024-07)" in message and "30.0" in message
    assert "tidak boleh berkurang" in message


def test_percent_outside_range_names_column_and_rows(progress):
    progress.loc[3, "rencana_kumulatif_pct"] = 104.0
    with pytest.raises(DataValidationError) as caught:
        monitoring.classify_projects(_projects(), progress, "2024-07")
    message = str(caught.value)
    assert 'Kolom "rencana_kumulatif_pct"' in message and "0–100" in message
    assert "baris 3 (B 2024-06)" in message and "104.0" in message


def test_bad_month_in_table(progress):
    progress.loc[0, "bulan"] = "06/2024"
    with pytest.raises(DataValidationError, match="YYYY-MM") as caught:
        monitoring.s_curve(progress, "A")
    assert "'06/2024'" in str(caught.value)


def test_same_month_twice(progress):
    progress.loc[4, "bulan"] = "2024-06"
    with pytest.raises(DataValidationError, match="lebih dari sekali"):
        monitoring.s_curve(progress, "A")


def _projects():
    return pd.DataFrame(
        {
            "id_proyek": ["A", "B"],
            "nama_proyek": ["Jalan A", "Puskesmas B"],
            "tahun_anggaran": [2024, 2024],
            "nilai_kontrak": [2e9, 1e9],
            "tanggal_mulai": pd.to_datetime(["2024-03-01", "2024-02-01"]),
            "tanggal_selesai": pd.to_datetime(["2024-11-29", "2024-06-30"]),
        }
    )


def test_classify_projects_by_hand(progress):
    status = monitoring.classify_projects(_projects(), progress, "2024-07")
    a, b = status.loc["A"], status.loc["B"]

    # A: July report, 60 planned, 45 actual: 15 behind at an early stage.
    assert a["bulan_laporan"] == "2024-07"
    assert a["deviasi_pct"] == -15.0
    assert a["kritis"] and a["alasan_kritis"] == "terlambat_tahap_awal"
    # PV = 0.60 × 2e9 = 1.2e9; EV = 0.45 × 2e9 = 0.9e9; SPI = 0.9 / 1.2
    assert a["nilai_pv"] == pytest.approx(1.2e9)
    assert a["nilai_ev"] == pytest.approx(0.9e9)
    assert a["spi"] == pytest.approx(0.75)
    # 1 March–29 November 2024 is 274 days; 274 / 0.75 = 365.3 → 365 days,
    # so the work ends on 1 March 2024 + 364 days = 28 February 2025.
    assert a["perkiraan_selesai"] == pd.Timestamp("2025-02-28")
    assert a["akhir_tahun_anggaran"] == pd.Timestamp("2024-12-31")
    assert a["melewati_tahun_anggaran"] and not a["tahun_jamak"]
    assert math.isnan(a["cpi"])  # no payment data

    # B: finished in June (the July report does not exist; June's is used).
    assert b["bulan_laporan"] == "2024-06"
    assert b["selesai"] and not b["kritis"] and pd.isna(b["alasan_kritis"])
    assert b["spi"] == pytest.approx(1.0)
    assert b["perkiraan_selesai"] == pd.Timestamp("2024-06-30")
    assert not b["melewati_tahun_anggaran"]


def test_late_stage_project_running_past_the_year():
    projects = pd.DataFrame(
        {
            "id_proyek": ["C"],
            "tahun_anggaran": [2024],
            "nilai_kontrak": [4e9],
            "tanggal_mulai": pd.to_datetime(["2024-10-01"]),
            "tanggal_selesai": pd.to_datetime(["2024-12-31"]),
        }
    )
    progress = pd.DataFrame(
        {
            "id_proyek": ["C"] * 3,
            "bulan": ["2024-10", "2024-11", "2024-12"],
            "rencana_kumulatif_pct": [20.0, 60.0, 90.0],
            "realisasi_kumulatif_pct": [20.0, 58.0, 86.5],
        }
    )
    c = monitoring.classify_projects(projects, progress, "2024-12").loc["C"]
    # 3.5 behind at 90 % planned is within 5 points, but SPI = 86.5 / 90 =
    # 0.9611 stretches 92 days to 92 / 0.9611 = 95.7 → 96 days: 1 October
    # + 95 days = 4 January 2025, after 31 December 2024.
    assert c["spi"] == pytest.approx(86.5 / 90)
    assert c["perkiraan_selesai"] == pd.Timestamp("2025-01-04")
    assert c["melewati_tahun_anggaran"]
    assert c["alasan_kritis"] == "melewati_tahun_anggaran"


def test_multi_year_contract_is_judged_in_its_final_year():
    projects = pd.DataFrame(
        {
            "id_proyek": ["D"],
            "tahun_anggaran": [2024],
            "nilai_kontrak": [50e9],
            "tanggal_mulai": pd.to_datetime(["2024-06-01"]),
            "tanggal_selesai": pd.to_datetime(["2025-05-31"]),
        }
    )
    progress = pd.DataFrame(
        {
            "id_proyek": ["D"],
            "bulan": ["2024-12"],
            "rencana_kumulatif_pct": [50.0],
            "realisasi_kumulatif_pct": [46.0],
        }
    )
    d = monitoring.classify_projects(projects, progress, "2024-12").loc["D"]
    # 365 planned days / SPI 0.92 = 396.7 → 397 days: 2 July 2025.
    assert d["tahun_jamak"]
    assert d["perkiraan_selesai"] == pd.Timestamp("2025-07-02")
    assert d["akhir_tahun_anggaran"] == pd.Timestamp("2025-12-31")
    assert not d["melewati_tahun_anggaran"] and not d["kritis"]

    fixed = monitoring.classify_projects(
        projects, progress, "2024-12", fiscal_year_end="2024-12-31"
    ).loc["D"]
    assert fixed["melewati_tahun_anggaran"]  # planned end is after that date
    assert not fixed["kritis"]  # 4 behind at 50 % planned is not critical


def test_project_without_any_progress_cannot_be_projected():
    projects = _projects().iloc[:1]
    progress = pd.DataFrame(
        {
            "id_proyek": ["A"],
            "bulan": ["2024-04"],
            "rencana_kumulatif_pct": [8.0],
            "realisasi_kumulatif_pct": [0.0],
        }
    )
    a = monitoring.classify_projects(projects, progress, "2024-04").loc["A"]
    assert a["spi"] == 0.0
    assert pd.isna(a["perkiraan_selesai"]) and a["melewati_tahun_anggaran"]
    assert not a["kritis"]  # 8 behind at 8 % planned is within 10 points


def test_unknown_reason():
    with pytest.raises(DataValidationError, match="Yang ada: terlambat_tahap_awal"):
        monitoring.reason_text("lambat")


def test_cpi_from_payments(progress):
    costs = pd.DataFrame(
        {
            "id_proyek": ["A", "A"],
            "bulan": ["2024-06", "2024-07"],
            "realisasi_keuangan_pct": [30.0, 50.0],
        }
    )
    status = monitoring.classify_projects(_projects(), progress, "2024-07", costs=costs)
    # AC = 0.50 × 2e9 = 1e9; EV = 0.9e9; CPI = 0.9
    assert status.loc["A", "nilai_ac"] == pytest.approx(1e9)
    assert status.loc["A", "cpi"] == pytest.approx(0.9)
    assert math.isnan(status.loc["B", "cpi"])


def test_cpi_from_rupiah_in_the_progress_table(progress):
    progress["realisasi_keuangan_rp"] = [4e8, 1.2e9, 7e8, 1e9, 1e8]
    status = monitoring.classify_projects(_projects(), progress, "2024-07")
    assert status.loc["A", "cpi"] == pytest.approx(0.9e9 / 1.2e9)  # 0.75
    assert status.loc["B", "cpi"] == pytest.approx(1.0)  # 1e9 earned, 1e9 paid


def test_negative_payment_is_rejected(progress):
    progress["realisasi_keuangan_rp"] = [4e8, -1.0, 7e8, 1e9, 1e8]
    with pytest.raises(DataValidationError, match="tidak boleh negatif"):
        monitoring.classify_projects(_projects(), progress, "2024-07")


def test_reporting_month_before_any_report(progress):
    with pytest.raises(DataValidationError, match="Laporan pertama bertanggal 2024-05"):
        monitoring.classify_projects(_projects(), progress, "2023-12")


def test_reporting_month_format(progress):
    with pytest.raises(DataValidationError, match='Bulan "2024-7" tidak berformat'):
        monitoring.classify_projects(_projects(), progress, "2024-7")


def test_project_without_reports(progress):
    projects = pd.concat([_projects(), _projects().assign(id_proyek="Q")])
    with pytest.raises(DataValidationError) as caught:
        monitoring.classify_projects(projects, progress, "2024-07")
    assert "2 proyek tidak punya satu pun laporan" in str(caught.value)
    assert "Q, Q" in str(caught.value)


def test_empty_project_table(progress):
    with pytest.raises(DataValidationError, match="Tabel proyek kosong"):
        monitoring.classify_projects(_projects().iloc[:0], progress, "2024-07")


def test_missing_column(progress):
    with pytest.raises(DataValidationError, match='kolom "nilai_kontrak"'):
        monitoring.classify_projects(
            _projects().drop(columns="nilai_kontrak"), progress, "2024-07"
        )


def test_messages_in_english(progress, monkeypatch):
    monkeypatch.setenv("MINILAB_BAHASA", "en")
    progress.loc[0, "realisasi_kumulatif_pct"] = -2.0
    with pytest.raises(DataValidationError) as caught:
        monitoring.s_curve(progress, "A")
    assert 'Column "realisasi_kumulatif_pct"' in str(caught.value)
    assert "must hold percentages 0–100" in str(caught.value)


def test_sample_catalog_status():
    projects = catalog.load("proyek")
    progress = catalog.load("progres_proyek")
    last = progress["bulan"].max()
    status = monitoring.classify_projects(projects, progress, last)
    assert len(status) == len(projects)
    assert status["kritis"].any()
    assert set(status["alasan_kritis"].dropna()) <= set(monitoring.REASONS)
    assert (status["deviasi_pct"][status["kritis"]] < 0).all()
    assert status["spi"].between(0, 1.5).all()
    if "realisasi_keuangan_pct" in progress.columns:
        assert status["cpi"].notna().any()
        assert (status["nilai_ac"].dropna() >= 0).all()
    else:
        assert status["cpi"].isna().all()
    one = monitoring.s_curve(progress, status.index[0])
    assert one["rencana_kumulatif_pct"].is_monotonic_increasing


@pytest.mark.parametrize("planned", ["50", None, True])
def test_a_percentage_that_is_not_a_number_is_refused(planned):
    with pytest.raises(DataValidationError, match="bukan angka"):
        monitoring.is_critical(planned, 10.0)
