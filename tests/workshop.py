"""Running the workshop notebooks in tests, with or without their solutions.

A workshop notebook marks each answer cell with a tag ``jawaban-NN`` (or
``jawaban-NNa``, ``jawaban-NNb`` when it has several). The facilitators'
solution file ``notebooks/fasilitator/solusi/NN_*.py`` holds, for each tag, a
section that starts with the line ``# %% jawaban-NN``; filling in a notebook
replaces each tagged cell with its section.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
WORKSHOP = ROOT / "notebooks" / "workshop"
SOLUTIONS = ROOT / "notebooks" / "fasilitator" / "solusi"
LESSONS = ("00", "01", "02", "03", "04", "05", "06")
ANSWER_TAG = re.compile(r"jawaban-\d\d[a-z]?")
SECTION = re.compile(r"^# %% (jawaban-\d\d[a-z]?)\s*$", re.M)
CHECK_CALL = re.compile(r"\bcek\.(latihan_\d\d)\(")
SUMMARY_MARK = "RINGKASAN-LATIHAN "


def lesson_notebook(number: str) -> Path:
    """The one notebook of the workshop series numbered ``number``."""
    (path,) = WORKSHOP.glob(f"{number}_*.ipynb")
    return path


def solution_file(number: str) -> Path:
    (path,) = SOLUTIONS.glob(f"{number}_*.py")
    return path


def solutions(number: str) -> dict[str, str]:
    """The solution sections of lesson ``number``, by answer tag."""
    source = solution_file(number).read_text(encoding="utf-8")
    parts = SECTION.split(source)
    return {
        tag: code.strip() + "\n"
        for tag, code in zip(parts[1::2], parts[2::2], strict=True)
    }


def answer_tags(nb: nbformat.NotebookNode) -> list[str]:
    return [
        tag
        for cell in nb.cells
        for tag in cell.get("metadata", {}).get("tags", [])
        if ANSWER_TAG.fullmatch(tag)
    ]


def checks_called(nb: nbformat.NotebookNode) -> set[str]:
    """The exercise numbers whose check the notebook calls."""
    return {
        name.removeprefix("latihan_")
        for cell in nb.cells
        if cell.cell_type == "code"
        for name in CHECK_CALL.findall(cell.source)
    }


def filled_in(nb: nbformat.NotebookNode, answers: dict[str, str]) -> None:
    """Replace each answer cell of ``nb`` with its solution, in place."""
    tags = answer_tags(nb)
    assert sorted(tags) == sorted(answers), (tags, sorted(answers))
    for cell in nb.cells:
        for tag in cell.get("metadata", {}).get("tags", []):
            if tag in answers:
                cell.source = answers[tag]


def copy_workshop(folder: Path) -> Path:
    """A copy of the workshop folder, without anything generated in it."""
    target = folder / "workshop"
    shutil.copytree(
        WORKSHOP,
        target,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    return target


def run_lesson(
    number: str, folder: Path, *, solved: bool = True
) -> tuple[nbformat.NotebookNode, dict[str, bool]]:
    """Execute lesson ``number`` in a copy of the workshop under ``folder``.

    Returns the executed notebook and the outcome of every exercise check of
    the session (``cek.ringkasan()``), read from a cell appended at the end.
    """
    import papermill

    workshop = copy_workshop(folder)
    source = lesson_notebook(number)
    nb = nbformat.read(source, as_version=4)
    if solved:
        filled_in(nb, solutions(number))
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "import json\nfrom lab_lib.workshop import cek\n"
            f"print({SUMMARY_MARK!r} + json.dumps(cek.ringkasan()))"
        )
    )
    staged = workshop / source.name
    nbformat.write(nb, staged)
    output = folder / f"hasil_{source.name}"
    # Lessons may call the minilab command from a cell, as participants do.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    saved = os.environ.get("PATH")
    os.environ["PATH"] = path
    try:
        papermill.execute_notebook(
            str(staged),
            str(output),
            kernel_name="python3",
            cwd=str(workshop),
            progress_bar=False,
            language="python",
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    finally:
        if saved is None:
            os.environ.pop("PATH", None)
        else:
            os.environ["PATH"] = saved
    executed = nbformat.read(output, as_version=4)
    return executed, _summary(executed)


def _summary(nb: nbformat.NotebookNode) -> dict[str, bool]:
    for output in nb.cells[-1].get("outputs", []):
        for line in output.get("text", "").splitlines():
            if line.startswith(SUMMARY_MARK):
                return json.loads(line.removeprefix(SUMMARY_MARK))
    raise AssertionError("the summary cell printed nothing")


def outputs_text(nb: nbformat.NotebookNode, tag: str | None = None) -> str:
    """All plain-text and HTML output of the notebook (or of cells tagged ``tag``)."""
    parts = []
    for cell in nb.cells:
        if tag and tag not in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            data = output.get("data", {})
            parts.append(data.get("text/plain", ""))
            parts.append(data.get("text/html", ""))
    return "\n".join(parts)
