"""The check of notebook 06: a brief with the participant's own recommendation.

The participant copies the road theme into ``karya/tema`` (see
:mod:`lab_lib.workshop.templates`), adds a recommendation rule to the copied
rules file, builds the brief for :data:`REGION` and :data:`YEAR` with
``minilab paper`` and hands over the path of the brief. The check reads the
brief's notebook twin (the summary record a :class:`~lab_lib.brief.Brief`
leaves there, and papermill's record of the notebook it ran) and its HTML.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lab_lib import regions
from lab_lib.paper import FAILED_SUFFIX, THEMES_DIR, themes_dir
from lab_lib.workshop.feedback import Check, exercise
from lab_lib.workshop.templates import brief_recommendations, rules_of

__all__ = ["EXAMPLE_RULE", "REGION", "THEME", "YEAR", "latihan_06"]

#: Theme, region and year of the exercise.
THEME = "kondisi_jalan"
REGION = "82.04"
YEAR = 2024
#: The rule the lesson itself adds as an example; it does not count.
EXAMPLE_RULE = "survei_bersama"
FOLDER = "karya/tema"


def _template_folder(copy: Path) -> Path:
    """The themes the copy was made from (never the copy itself)."""
    chosen = themes_dir().resolve()
    return THEMES_DIR.resolve() if chosen == copy else chosen


def _pattern(sentence: str) -> re.Pattern[str]:
    """A rule's sentence with each ``{name}`` free to be any text."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(" ".join(sentence.split())):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".+?")
    return re.compile("".join(parts), re.S)


def _matching(text: str, rules: Mapping[str, Mapping[str, Any]], bahasa: str) -> list:
    """Names of the rules whose sentence in ``bahasa`` could have made ``text``."""
    found = []
    for name, body in rules.items():
        sentence = body.get(bahasa)
        if not sentence:
            continue
        try:
            pattern = _pattern(str(sentence))
        except ValueError:  # an unbalanced brace: no brief was built from it
            continue
        if pattern.fullmatch(" ".join(text.split())):
            found.append(name)
    return found


def _answer_path(answer: Any) -> Path | None:
    """The brief's path from a str, a Path, or the lines ``!minilab`` printed."""
    if isinstance(answer, str | Path):
        text = str(answer).strip().strip("'\"")
        return Path(text.split("  (")[0].strip()).expanduser()
    if isinstance(answer, list | tuple) and all(isinstance(a, str) for a in answer):
        for line in reversed(answer):
            token = line.strip().split("  (")[0].strip()
            if token.endswith(".html"):
                return Path(token)
    paths = getattr(answer, "paths", None)
    return Path(paths[-1]) if paths else None


def _plain(text: str) -> str:
    """Text without Markdown marks and with single spaces."""
    return " ".join(re.sub(r"[*_`]", "", text).split())


def _failure_note(folder: Path) -> str | None:
    """The error kept in a failed build's notebook in ``folder``, if any."""
    import nbformat

    for failed in sorted(folder.glob(f"*{FAILED_SUFFIX}")):
        try:
            nb = nbformat.read(failed, as_version=4)
        except (OSError, ValueError):
            continue
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    # The lab's own errors carry their Indonesian message here.
                    return str(output.get("evalue") or output.get("ename"))
    return None


def _without_evidence(own: Mapping[str, Mapping[str, Any]]) -> list[str]:
    return [name for name, body in own.items() if not body.get("bukti")]


def _no_evidence(check: Check, names: list[str], rules: Path) -> None:
    listed = ", ".join(f"`{n}`" for n in names)
    check.stop(
        f"Rekomendasi {listed} di `{rules}` belum menyebut bukti, jadi brief "
        "menolak dibuat.",
        "Isi `bukti` dengan nama gambar atau tabel dari daftar 'Bukti yang "
        'tersedia\' di kepala file aturan, mis. `["tabel_prioritas"]`, lalu '
        "bangun lagi brief-nya.",
    )


def _check_identity(check: Check, summary: Mapping[str, Any], expected: Any) -> None:
    """Theme, region and year of the brief."""
    region = summary.get("wilayah") or {}
    theme, code, year = summary.get("tema"), region.get("kode"), summary.get("tahun")
    problems = 0
    if theme != THEME:
        problems += 1
        check.wrong(
            f"Ini brief tema `{theme}`, bukan `{THEME}`.",
            f"Bangun brief dengan `minilab paper {THEME} ...`.",
        )
    if code != expected.kode:
        problems += 1
        check.wrong(
            f"Brief ini untuk {region.get('nama', code)}, bukan {expected.nama}.",
            f"Pakai `--wilayah {expected.kode}` pada perintah `minilab paper`.",
        )
    if year != YEAR:
        problems += 1
        check.wrong(
            f"Brief ini untuk tahun {year}, bukan {YEAR}.",
            f"Pakai `--tahun {YEAR}` pada perintah `minilab paper`.",
        )
    if problems:
        check.stop(
            "Periksa juga letak file yang Anda berikan: tiap wilayah dan tahun "
            "punya file brief sendiri.",
        )
    check.right(f"Brief `{THEME}` untuk {expected.nama} tahun {YEAR}.")


def _check_source(check: Check, nb: Any, copy: Path) -> None:
    """Whether the brief was built from the participant's copy."""
    ran = (nb.metadata.get("papermill") or {}).get("input_path") or ""
    source = Path(ran).resolve().parent if ran else None
    if source != copy:
        check.stop(
            "Brief ini dibangun dari tema asli, bukan dari salinan Anda di "
            f"`{FOLDER}`.",
            "Sebutkan folder salinan di perintahnya: "
            f"`minilab paper {THEME} --folder-tema {FOLDER} ...`.",
        )
    check.right(f"Brief dibangun dari salinan tema Anda di `{FOLDER}`.")


@exercise("06", "Latihan 06: brief dengan rekomendasi Anda")
def latihan_06(check: Check, brief: Any, folder: str | Path = FOLDER) -> None:
    """Check a brief built from the participant's copy of the road theme.

    Parameters
    ----------
    check : Check
        Supplied by :func:`~lab_lib.workshop.feedback.exercise`.
    brief : str or Path
        The ``.html`` file ``minilab paper`` wrote (its ``.ipynb`` twin, or
        the lines the command printed, are accepted too).
    folder : str or Path
        The participant's copy of the theme, relative to the notebook.

    Returns
    -------
    Feedback
        Right when the brief is for :data:`REGION` and :data:`YEAR`, was built
        from the copy in ``folder``, and shows a recommendation that is none
        of the template's (nor the lesson's example) with the figures or
        tables it cites. A brief of another region or year, one built from the
        original theme, a rule without evidence, a rule whose condition is
        false, and a brief older than the rules file each get their own hint.
    """
    import nbformat

    from lab_lib.export import brief_summary

    expected = regions.resolve_kabkota(REGION)
    path = _answer_path(brief)
    if path is None:
        check.stop(
            f"Jawaban berjenis `{type(brief).__name__}`, padahal yang diminta letak "
            "file brief.",
            "Salin letak yang dicetak perintah `minilab paper`, sebagai teks: "
            f'`brief = "karya/brief/{THEME}/{YEAR}/{REGION}.html"`.',
        )
        return

    # 1. The participant's copy and the rules added to it.
    copy = Path(folder).expanduser().resolve()
    rules = copy / "aturan" / f"{THEME}.yaml"
    if not rules.is_file():
        check.stop(
            f"Salinan tema belum ada: `{rules}` tidak ditemukan.",
            f'Jalankan dulu sel `copy_theme("{THEME}", "{FOLDER}")`.',
        )
    template = rules_of(_template_folder(copy) / "aturan" / f"{THEME}.yaml")
    added = {
        name: body
        for name, body in rules_of(rules).items()
        if template.get(name) != body and name != EXAMPLE_RULE
    }

    # 2. The brief file itself.
    if path.suffix == ".ipynb":
        path = path.with_suffix(".html")
    if not path.is_file():
        if _without_evidence(added):
            _no_evidence(check, _without_evidence(added), rules)
        where = path.parent if path.parent.is_dir() else None
        failure = _failure_note(where) if where else None
        check.stop(
            f"File brief `{path}` tidak ditemukan.",
            f"Pembuatan brief terakhir gagal: {failure}"
            if failure
            else "Salin letak yang dicetak perintah `minilab paper` (berakhiran "
            "`.html`), dan pastikan perintahnya selesai tanpa pesan `Galat`.",
        )
    twin = path.with_suffix(".ipynb")
    nb = nbformat.read(twin, as_version=4) if twin.is_file() else None
    summary = brief_summary(nb) if nb is not None else None
    if path.suffix != ".html" or summary is None:
        check.stop(
            f"`{path}` bukan brief yang dibuat `minilab paper`.",
            "Berikan file `.html` yang dicetak perintah itu.",
        )
    _check_identity(check, summary, expected)
    _check_source(check, nb, copy)

    # 3. A recommendation that is the participant's own.
    bahasa = summary.get("bahasa") or "id"
    example = {EXAMPLE_RULE: rules_of(rules).get(EXAMPLE_RULE) or {}}
    own = [
        item
        for item in summary.get("recommendations", [])
        if not _matching(item["text"], template, bahasa)
        and not _matching(item["text"], example, bahasa)
    ]
    if not own:
        _explain_missing(check, added, rules, path)

    # 4. Its evidence, shown in the brief.
    shown = {e["label"] for e in summary.get("evidence", [])}
    visible = brief_recommendations(path)
    for item in own:
        labels = [e["label"] for e in item.get("evidence", [])]
        names = _matching(item["text"], added, bahasa)
        name = f" (aturan `{names[0]}`)" if names else ""
        on_page = (
            visible["rekomendasi"].map(_plain).str.startswith(_plain(item["text"])[:40])
        )
        if labels and set(labels) <= shown and on_page.any():
            check.right(
                f"Rekomendasi Anda{name} ada di brief: “{item['text']}” — bukti: "
                f"{', '.join(labels)}."
            )
        else:
            check.wrong(
                f"Rekomendasi{name} “{item['text'][:80]}” tidak menunjuk gambar atau "
                "tabel yang tampil di brief.",
                "Isi `bukti` dengan nama gambar/tabel dari kepala file aturan, "
                "lalu bangun lagi brief-nya.",
            )


def _explain_missing(
    check: Check, added: Mapping[str, Mapping[str, Any]], rules: Path, path: Path
) -> None:
    """Why the brief shows none of the participant's recommendations."""
    if not added:
        check.stop(
            "Brief ini hanya memuat rekomendasi bawaan template (dan contoh "
            f"`{EXAMPLE_RULE}`): belum ada rekomendasi Anda sendiri di `{rules}`.",
            "Tambahkan aturan dengan nama baru memakai `add_recommendation(...)`, "
            "lalu bangun lagi brief-nya.",
        )
    if _without_evidence(added):
        _no_evidence(check, _without_evidence(added), rules)
    example = rules_of(rules).get(EXAMPLE_RULE) or {}
    copied = [
        name
        for name, body in added.items()
        if body.get("id") and body.get("id") == example.get("id")
    ]
    if copied:
        check.stop(
            f"Aturan `{copied[0]}` memakai kalimat contoh `{EXAMPLE_RULE}`, jadi "
            "belum terhitung sebagai rekomendasi Anda sendiri.",
            "Tulis kalimat Anda sendiri di `id` dan `en`, lalu bangun lagi brief-nya.",
        )
    if rules.stat().st_mtime > path.stat().st_mtime:
        check.stop(
            "File aturan salinan diubah sesudah brief ini dibuat, jadi rekomendasi "
            "Anda belum masuk.",
            "Jalankan lagi perintah `minilab paper`, lalu berikan letak brief yang "
            "baru.",
        )
    conditions = "; ".join(f"`{n}`: `{b.get('jika')}`" for n, b in added.items())
    check.stop(
        "Rekomendasi Anda tidak muncul di brief karena syarat `jika`-nya tidak "
        f"terpenuhi untuk wilayah dan tahun ini ({conditions}).",
        "Pilih syarat yang benar untuk wilayah ini, mis. `jumlah_prioritas > 0`; "
        "nama yang bisa dipakai ada di kepala file aturan.",
    )
