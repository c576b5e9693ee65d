"""The workshop series: its shape, and every notebook run top to bottom."""

from __future__ import annotations

import re

import nbformat
import pytest
import workshop

LESSONS = workshop.LESSONS


def read(number: str) -> nbformat.NotebookNode:
    return nbformat.read(workshop.lesson_notebook(number), as_version=4)


def test_the_series_is_numbered_00_to_06_and_nothing_else():
    names = sorted(p.name for p in workshop.WORKSHOP.glob("*.ipynb"))
    assert [name[:2] for name in names] == list(LESSONS)


@pytest.mark.parametrize("number", LESSONS)
def test_lesson_opens_with_goals_and_a_duration_of_30_to_60_minutes(number):
    first = read(number).cells[0]
    assert first.cell_type == "markdown"
    assert "Setelah notebook ini, Anda dapat" in first.source
    minutes = re.search(r"Waktu: ±\s*(\d+) menit", first.source)
    assert minutes, first.source[:300]
    assert 30 <= int(minutes.group(1)) <= 60
    goals = re.findall(r"^\s*[-*] ", first.source, re.M)
    assert len(goals) >= 2


@pytest.mark.parametrize("number", LESSONS)
def test_lesson_ends_with_an_exercise_that_checks_itself(number):
    nb = read(number)
    headings = [
        c.source
        for c in nb.cells
        if c.cell_type == "markdown" and "# Latihan" in c.source
    ]
    assert headings, "no Latihan section"
    assert number in workshop.checks_called(nb)
    tags = workshop.answer_tags(nb)
    assert tags and all(tag.startswith(f"jawaban-{number}") for tag in tags)
    last_code = [c for c in nb.cells if c.cell_type == "code"][-1]
    assert f"cek.latihan_{number}(" in last_code.source
    # Every answer cell leaves the answer as ... for the participant.
    for cell in nb.cells:
        if set(cell.metadata.get("tags", [])) & set(tags):
            assert "..." in cell.source


@pytest.mark.parametrize("number", LESSONS)
def test_lesson_is_committed_clean(number):
    nb = read(number)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("number", LESSONS)
def test_every_answer_cell_has_its_solution_for_facilitators(number):
    nb = read(number)
    assert sorted(workshop.answer_tags(nb)) == sorted(workshop.solutions(number))


@pytest.mark.slow
@pytest.mark.parametrize("number", LESSONS)
def test_lesson_runs_with_its_solutions_and_every_exercise_is_right(number, tmp_path):
    executed, summary = workshop.run_lesson(number, tmp_path, solved=True)
    called = workshop.checks_called(executed)
    assert called
    assert {f"{n}": summary.get(n) for n in called} == dict.fromkeys(called, True)
    text = workshop.outputs_text(executed)
    assert "Traceback" not in text
    assert "BELUM BENAR" not in text and "BELUM DIISI" not in text


@pytest.mark.slow
@pytest.mark.parametrize("number", LESSONS)
def test_lesson_runs_as_handed_out_and_says_the_answer_is_missing(number, tmp_path):
    executed, summary = workshop.run_lesson(number, tmp_path, solved=False)
    called = workshop.checks_called(executed)
    assert all(summary.get(n) is False for n in called)
    assert "BELUM DIISI" in workshop.outputs_text(executed)
