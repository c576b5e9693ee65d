"""The check of notebook 00: the share of the province's population in Ternate."""

from __future__ import annotations

import pandas as pd
import pytest

from lab_lib import catalog
from lab_lib.workshop import cek


def population(wilayah: str, tahun: int = 2024) -> float:
    rows = catalog.load(
        "indikator", wilayah=wilayah, tahun=tahun, indikator="jumlah_penduduk"
    )
    return float(rows["nilai"].iloc[0])


@pytest.fixture(scope="module")
def ternate() -> float:
    return population("Kota Ternate")


@pytest.fixture(scope="module")
def province() -> float:
    return population("Maluku Utara")


def test_the_share_in_percent_is_right(ternate, province):
    feedback = cek.latihan_00(ternate / province * 100)
    assert feedback.benar is True
    assert "15,63 %" in str(feedback)


def test_a_share_rounded_to_one_decimal_is_right_with_a_remark(ternate, province):
    feedback = cek.latihan_00(round(ternate / province * 100, 1))
    assert feedback.benar is True
    assert "membulatkan" in str(feedback)


def test_a_one_value_column_is_read_as_its_number(ternate, province):
    feedback = cek.latihan_00(pd.Series([ternate / province * 100]))
    assert feedback.benar is True


def test_an_answer_left_as_dots_is_not_filled_in():
    assert cek.latihan_00(...).benar is None


@pytest.mark.parametrize(
    ("answer", "keyword"),
    [
        (lambda t, p: t / p, "pecahan"),
        (lambda t, p: p / t * 100, "terbalik"),
        (lambda t, p: p / t, "terbalik"),
        (lambda t, p: t // p * 100, "`//`"),
        (lambda t, p: round(t / p * 100), "dibulatkan terlalu awal"),
        (lambda t, p: round(t, -4) / round(p, -4) * 100, "dibulatkan terlalu awal"),
        (lambda t, p: t, "jumlah penduduk"),
        (lambda t, p: population("Halmahera Utara") / p * 100, "Halmahera Utara"),
        (
            lambda t, p: (
                population("Kota Ternate", 2022)
                / population("Maluku Utara", 2022)
                * 100
            ),
            "tahun 2022",
        ),
        (lambda t, p: 42.0, "belum sesuai"),
    ],
)
def test_typical_wrong_numbers_are_named(ternate, province, answer, keyword):
    feedback = cek.latihan_00(answer(ternate, province))
    assert feedback.benar is False
    assert keyword.strip("`") in str(feedback)


def test_the_right_number_as_text_is_named_as_text(ternate, province):
    feedback = cek.latihan_00(f"{ternate / province * 100:.2f}".replace(".", ","))
    assert feedback.benar is False
    assert "Angkanya benar" in str(feedback) and "teks" in str(feedback)


def test_a_formula_in_quotes_is_named_as_text():
    feedback = cek.latihan_00("penduduk_ternate / penduduk_provinsi * 100")
    assert feedback.benar is False
    assert "tanda kutip" in str(feedback)


@pytest.mark.parametrize(
    ("answer", "keyword"),
    [
        (None, "None"),
        (True, "bool"),
        ([15.6], "list"),
        (pd.DataFrame({"nilai": [15.6]}), "tabel"),
        (pd.Series([1.0, 2.0]), "2 nilai"),
        (float("nan"), "nan"),
    ],
)
def test_answers_of_the_wrong_kind_are_named(answer, keyword):
    feedback = cek.latihan_00(answer)
    assert feedback.benar is False
    assert keyword in str(feedback)
    assert "Rincian" not in str(feedback)  # no unexpected exception
