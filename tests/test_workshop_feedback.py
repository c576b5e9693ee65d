"""Exercise feedback and the friendly errors of workshop notebooks."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from lab_lib.errors import RegionError
from lab_lib.regions import resolve
from lab_lib.workshop import cek
from lab_lib.workshop.feedback import exercise, explain, summary


@exercise("t1", "Latihan uji")
def _sum_check(check, jawaban, target=10):
    if not isinstance(jawaban, int | float):
        check.stop(
            "Jawaban harus berupa angka.", hint="Tulis angkanya tanpa tanda kutip."
        )
    check.require(
        jawaban == target,
        "Jumlahnya tepat.",
        "Jumlahnya belum tepat.",
        hint="Cek lagi.",
    )


@exercise("t2", "Latihan rusak")
def _broken_check(check, jawaban):
    check.right("Bagian pertama benar.")
    raise RuntimeError("a bug in the check")


def test_a_right_answer_is_right_and_remembered():
    feedback = _sum_check(10)
    assert feedback.benar is True and bool(feedback)
    assert "BENAR" in str(feedback) and "Jumlahnya tepat." in str(feedback)
    assert summary()["t1"] is True


def test_a_wrong_answer_says_what_is_off_and_gives_the_hint():
    feedback = _sum_check(9)
    assert feedback.benar is False and not feedback
    assert "Jumlahnya belum tepat." in str(feedback) and "Cek lagi." in str(feedback)
    assert summary()["t1"] is False


def test_stop_ends_the_check_at_the_first_problem():
    feedback = _sum_check("10")
    assert feedback.benar is False
    assert "harus berupa angka" in str(feedback)
    assert "Jumlahnya" not in str(feedback)


def test_an_answer_left_as_ellipsis_is_not_filled_in():
    assert _sum_check(...).benar is None
    assert _sum_check(10, target=...).benar is None
    assert "BELUM DIISI" in str(_sum_check(...))
    assert summary()["t1"] is False


def test_a_bug_in_a_check_becomes_a_sentence_not_a_traceback():
    feedback = _broken_check(1)
    assert feedback.benar is False
    assert "belum bisa membaca jawaban ini" in str(feedback)
    assert "fasilitator" in str(feedback)
    assert "Bagian pertama benar." in str(feedback)


def test_feedback_html_escapes_the_text_and_shows_code():
    @exercise("t3", "Latihan <html>")
    def check(check, jawaban):
        check.wrong("Nilai <b>salah</b> di `tabel.columns`.")

    html = check(1)._repr_html_()
    assert "<b>salah</b>" not in html and "&lt;b&gt;" in html
    assert "<code>tabel.columns</code>" in html
    assert "Latihan &lt;html&gt;" in html


def test_explanations_name_the_usual_cause():
    assert "belum dikenal" in explain(NameError("x", name="panjang_km"))
    assert "`panjang_km`" in explain(NameError("x", name="panjang_km"))
    assert "tabel.columns" in explain(KeyError("panjang"))
    missing = FileNotFoundError(2, "No such file", "data/jalan.xlsx")
    assert "data/jalan.xlsx" in explain(missing)
    assert "make lab" in explain(ModuleNotFoundError("x", name="openpyxl"))
    with pytest.raises(RegionError) as caught:
        resolve("Halmahera Baratt")
    assert explain(caught.value) == str(caught.value)


def test_cek_offers_one_check_per_lesson_and_names_what_is_missing():
    assert [n for n in cek.__all__ if n.startswith("latihan_")] == [
        f"latihan_{n}" for n in cek.LESSONS
    ]
    with pytest.raises(AttributeError, match="latihan_00"):
        cek.latihan_99  # noqa: B018


def run_cells(*sources: str, allow_errors: bool) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    NotebookClient(
        nb, kernel_name="python3", allow_errors=allow_errors, timeout=120
    ).execute()
    return nb


@pytest.mark.slow
def test_after_start_an_error_explains_itself_and_the_cell_still_fails():
    start = "from lab_lib.workshop import start\nstart()"
    nb = run_cells(start, "jalan_rusak + 1", allow_errors=True)
    outputs = nb.cells[1].outputs
    shown = [o for o in outputs if o.output_type == "display_data"]
    assert shown, outputs
    note = shown[0].data["text/html"]
    assert "Ada yang perlu diperbaiki" in note and "<code>jalan_rusak</code>" in note
    errors = [o for o in outputs if o.output_type == "error"]
    assert errors and errors[0].ename == "NameError"
    # One line of detail, not a traceback through IPython's frames.
    assert errors[0].traceback == ["NameError: name 'jalan_rusak' is not defined"]
    with pytest.raises(CellExecutionError):
        run_cells(start, "jalan_rusak + 1", "print('sesudah')", allow_errors=False)


@pytest.mark.slow
def test_after_start_a_chart_shows_as_a_picture():
    nb = run_cells(
        "from lab_lib.workshop import start\nstart()",
        "from lab_lib import charts\nimport pandas as pd\n"
        "charts.bar(pd.Series({'a': 1.0, 'b': 2.0}), title='Uji')",
        allow_errors=False,
    )
    kinds = [set(o.get("data", {})) for o in nb.cells[1].outputs]
    assert any("image/png" in k for k in kinds), nb.cells[1].outputs


@exercise("t4", "Latihan dua jawaban", partial=True)
def _two_answers(check, pertama, kedua):
    if pertama is not ...:
        check.require(pertama == 1, "Jawaban pertama tepat.", "Jawaban pertama salah.")
    if kedua is not ...:
        check.require(kedua == 2, "Jawaban kedua tepat.", "Jawaban kedua salah.")


def test_a_partial_check_judges_the_answers_given_and_names_the_missing():
    feedback = _two_answers(1, ...)
    text = str(feedback)
    assert feedback.benar is None and "BELUM DIISI" in text
    assert "Jawaban pertama tepat." in text and "`kedua`" in feedback.lines[0].text
    assert "Jawaban kedua" not in text
    wrong = _two_answers(pertama=5, kedua=...)
    assert "Jawaban pertama salah." in str(wrong) and not wrong
    assert _two_answers(1, 2).benar is True
    # With nothing filled in, nothing is judged.
    empty = _two_answers(..., ...)
    assert [line.kind for line in empty.lines] == ["kosong"]


def test_a_check_that_is_not_partial_waits_for_every_answer():
    @exercise("t5", "Latihan utuh")
    def whole(check, pertama, kedua):
        check.right("Diperiksa.")

    assert "Diperiksa." not in str(whole(1, ...))
