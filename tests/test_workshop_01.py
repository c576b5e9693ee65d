"""The check of notebook 01: four answers read from the MARIMOI catalog."""

from __future__ import annotations

import pytest

from lab_lib import catalog
from lab_lib.workshop import cek


@pytest.fixture(scope="module")
def right() -> dict:
    """The right answers, read from the catalog as a participant would."""
    sula = catalog.load("ruas_jalan", wilayah="Kepulauan Sula", tahun=2023)
    return {
        "dataset": "ruas_jalan",
        "produsen": catalog.metadata("ruas_jalan")["produsen"],
        "jumlah_ruas": len(sula),
        "tahun_terbaru": catalog.load("ruas_jalan")["tahun"].max(),
    }


def check(right: dict, **changed):
    return cek.latihan_01(**{**right, **changed})


def roads(**filters) -> int:
    return len(catalog.load("ruas_jalan", **filters))


def test_the_right_answers_are_right(right):
    feedback = check(right)
    assert feedback.benar is True
    assert "ruas_jalan" in str(feedback) and "2023" in str(feedback)


def test_one_agency_named_in_the_metadata_is_a_right_producer(right):
    assert check(right, produsen="BPJN Maluku Utara").benar is True
    assert check(right, produsen="Dinas PUPR").benar is True


def test_a_missing_answer_means_not_filled_in(right):
    assert check(right, jumlah_ruas=...).benar is None


@pytest.mark.parametrize(
    ("name", "keyword"),
    [
        ("ruas jalan", "Maksud Anda ruas_jalan?"),
        ("Ruas_Jalan", "Maksud Anda ruas_jalan?"),
        ("Ruas jalan dan kondisinya", "judul"),
        ("proyek", "berisi proyek infrastruktur"),
        (5, "bukan int"),
    ],
)
def test_wrong_dataset_names_are_named(right, name, keyword):
    feedback = check(right, dataset=name)
    assert feedback.benar is False
    assert keyword in str(feedback)


@pytest.mark.parametrize(
    ("producer", "keyword"),
    [
        (lambda: catalog.metadata("ruas_jalan")["walidata"], "walidata"),
        (lambda: catalog.metadata("indikator")["produsen"], "dataset indikator"),
        (lambda: "Dinas", "terlalu umum"),
        (lambda: "Dinas Pariwisata", "tidak tercatat"),
        (lambda: 42, "harus berupa teks"),
    ],
)
def test_wrong_producers_are_named(right, producer, keyword):
    feedback = check(right, produsen=producer())
    assert feedback.benar is False
    assert keyword in str(feedback)


@pytest.mark.parametrize(
    ("count", "keyword"),
    [
        (lambda: roads(wilayah="82.05"), "semua tahun"),
        (lambda: roads(tahun=2023), "seluruh provinsi"),
        (lambda: roads(wilayah="82.03", tahun=2023), "kode BPS"),
        (lambda: roads(wilayah="Halmahera Barat", tahun=2023), "Halmahera Barat"),
        (lambda: roads(wilayah="82.05", tahun=2023, status="nasional"), "nasional"),
        (
            lambda: catalog.load("ruas_jalan", wilayah="82.05", tahun=2023)[
                "panjang_km"
            ].sum(),
            "km",
        ),
        (lambda: str(roads(wilayah="82.05", tahun=2023)), "teks"),
        (
            lambda: catalog.load("ruas_jalan", wilayah="82.05", tahun=2023),
            "tabel (isinya sudah tepat)",
        ),
        (lambda: 999, "belum sesuai"),
    ],
)
def test_wrong_counts_are_named(right, count, keyword):
    feedback = check(right, jumlah_ruas=count())
    assert feedback.benar is False
    assert keyword in str(feedback)
    assert "Rincian" not in str(feedback)


def test_a_count_that_two_mistakes_give_names_both(right):
    sula = catalog.load("ruas_jalan", wilayah="82.05", tahun=2023)
    by_region = catalog.load("ruas_jalan", tahun=2023).groupby("kode_kabkota").size()
    shared = set(sula["status"].value_counts()) & set(by_region)
    if not shared:
        pytest.skip("no count of one status equals another region's count")
    feedback = check(right, jumlah_ruas=shared.pop())
    assert feedback.benar is False
    assert "beberapa kesalahan" in str(feedback) and "berstatus" in str(feedback)


@pytest.mark.parametrize(
    ("year", "keyword"),
    [
        (lambda: catalog.load("ruas_jalan")["tahun"].min(), "paling awal"),
        (lambda: int(catalog.metadata("ruas_jalan")["last_update"][:4]), "pembaruan"),
        (lambda: catalog.metadata("ruas_jalan")["last_update"], "last_update"),
        (lambda: catalog.metadata("ruas_jalan")["temporal_coverage"], "temporal"),
        (lambda: catalog.load("target_rpjmd")["tahun"].max(), "target_rpjmd"),
        (lambda: str(catalog.load("ruas_jalan")["tahun"].max()), "teks"),
        (lambda: catalog.load("ruas_jalan")["tahun"], "baris"),
    ],
)
def test_wrong_years_are_named(right, year, keyword):
    feedback = check(right, tahun_terbaru=year())
    assert feedback.benar is False
    assert keyword in str(feedback)


def test_every_answer_is_judged_on_its_own(right):
    feedback = check(right, dataset="proyek", tahun_terbaru=2019)
    text = str(feedback)
    assert feedback.benar is False
    assert "berisi proyek" in text and "paling awal" in text
    assert f"{right['jumlah_ruas']} ruas" in text


def test_answers_given_are_judged_while_others_are_still_missing(right):
    feedback = check(right, produsen=..., tahun_terbaru=...)
    text = str(feedback)
    assert feedback.benar is None and "BELUM DIISI" in text
    assert "`produsen`" in feedback.lines[0].text
    assert "`tahun_terbaru`" in feedback.lines[0].text
    assert "ruas_jalan" in text and "✔" in text
    wrong = check(right, dataset="ruas_jalann", produsen=...)
    assert "✘" in str(wrong) and "ruas_jalan" in str(wrong)
