"""A participant's own copy of a theme, and reading the brief built from it.

The brief lesson works on a copy of a theme (its notebook and its rules file)
in the participant's working folder, never on the themes of the repository::

    karya/tema/kondisi_jalan.ipynb
    karya/tema/aturan/kondisi_jalan.yaml

``minilab paper --folder-tema karya/tema`` builds from that copy. Three
functions serve the lesson:

- :func:`copy_theme` copies the template once and never replaces the
  participant's changes unless asked;
- :func:`add_recommendation` adds one rule to the copied rules file, keeping
  its comments (the list of names a rule may use lives there);
- :func:`brief_recommendations` reads the recommendations of a built brief
  with the figures and tables each one cites.

Messages are in Bahasa Indonesia, as everything else the participants read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from lab_lib.files import write_all_atomic, write_atomic
from lab_lib.paper import themes_dir

__all__ = [
    "ThemeCopy",
    "add_recommendation",
    "brief_recommendations",
    "copy_theme",
    "rules_of",
]

RULE_KEYS = ("jika", "bukti", "id", "en")
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_EVIDENCE_NOTE = re.compile(r"^\(\s*(?:bukti|evidence)\s*:\s*(.*?)\s*\)$", re.S)


@dataclass(frozen=True)
class ThemeCopy:
    """Where a theme was copied, and what :func:`copy_theme` did.

    ``status`` is ``"disalin"`` (copied now), ``"sudah_ada"`` (an unchanged
    copy was already there), ``"dipertahankan"`` (a copy with the
    participant's changes was kept) or ``"ditimpa"`` (replaced on request).
    """

    tema: str
    folder: Path
    notebook: Path
    rules: Path
    status: str

    def __str__(self) -> str:
        notes = {
            "disalin": "Template disalin.",
            "sudah_ada": "Salinan sudah ada dan masih sama dengan template.",
            "dipertahankan": (
                "Salinan sudah ada dan berisi perubahan Anda, jadi TIDAK ditimpa. "
                "Untuk mulai lagi dari template: copy_theme(..., overwrite=True)."
            ),
            "ditimpa": "Salinan lama diganti dengan template, sesuai permintaan.",
        }
        return (
            f"Tema {self.tema}: {notes[self.status]}\n"
            f"  notebook : {self.notebook}\n"
            f"  aturan   : {self.rules}"
        )

    def __repr__(self) -> str:
        return str(self)


def copy_theme(tema: str, folder: str | Path, *, overwrite: bool = False) -> ThemeCopy:
    """Copy a theme's notebook and rules file into ``folder``.

    The notebook goes to ``folder/<tema>.ipynb`` and the rules to
    ``folder/aturan/<tema>.yaml``, the layout ``minilab paper --folder-tema``
    expects.
    A copy already there is kept as it is, so running the cell again never
    loses the participant's work; ``overwrite=True`` replaces it with the
    template. Both files are written together and atomically.

    Parameters
    ----------
    tema : str
        Theme name, e.g. ``"kondisi_jalan"``.
    folder : str or Path
        The working folder, e.g. ``"karya/tema"`` (relative to the notebook).
    overwrite : bool
        Replace an existing copy with the template.

    Returns
    -------
    ThemeCopy
        Absolute paths of the folder and both files, and what was done.

    Raises
    ------
    ValueError
        An unknown theme (the message lists the themes), or ``folder`` is the
        themes folder itself.
    FileExistsError
        ``folder`` or one of the target paths exists but is not a folder or a
        file of the expected kind.
    """
    # 1. The template, and where its copy goes.
    source = themes_dir()
    notebook = source / f"{tema}.ipynb"
    rules = source / "aturan" / f"{tema}.yaml"
    if not notebook.is_file() or not rules.is_file():
        known = sorted(p.stem for p in source.glob("*.ipynb"))
        raise ValueError(
            f'Tema "{tema}" tidak ada. Tema yang tersedia: {", ".join(known)}.'
        )
    target = Path(folder).expanduser().resolve()
    if target == source.resolve():
        raise ValueError(
            f"{target} adalah folder tema asli. Pilih folder kerja Anda sendiri, "
            'mis. "karya/tema".'
        )
    if target.exists() and not target.is_dir():
        raise FileExistsError(f"{target} sudah ada dan bukan folder. Pilih nama lain.")
    copies = {
        target / notebook.name: notebook.read_bytes(),
        target / "aturan" / rules.name: rules.read_bytes(),
    }
    for path in copies:
        if path.exists() and not path.is_file():
            raise FileExistsError(
                f"{path} sudah ada dan bukan file. Pilih folder lain."
            )

    # 2. Keep what is there unless asked to replace it.
    present = {path: path.read_bytes() for path in copies if path.is_file()}
    if present and not overwrite:
        missing = {path: data for path, data in copies.items() if path not in present}
        if missing:
            write_all_atomic(missing)
        changed = any(present[path] != copies[path] for path in present)
        status = "dipertahankan" if changed else "sudah_ada"
    else:
        write_all_atomic(copies)
        status = "ditimpa" if present else "disalin"
    paths = list(copies)
    return ThemeCopy(tema, target, paths[0], paths[1], status)


def rules_of(path: str | Path) -> dict[str, dict[str, Any]]:
    """The recommendation rules of a rules file, by name, as written there.

    Unlike :func:`lab_lib.rules.load_rules` this reads an incomplete rule too
    (one without ``bukti``, say), so that a check can say what it lacks.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    found = data.get("rekomendasi") or {}
    return {
        str(name): (body if isinstance(body, dict) else {})
        for name, body in found.items()
    }


def add_recommendation(rules: str | Path, name: str, rule: Mapping[str, Any]) -> Path:
    """Add (or replace) one recommendation rule in a copied rules file.

    The rule is written at the end of the ``rekomendasi:`` section; the rest
    of the file, comments included, stays as it is. Adding the same rule
    again changes nothing; a rule of that name added earlier with this
    function is replaced.

    Parameters
    ----------
    rules : str or Path
        The copied rules file, e.g. ``ThemeCopy.rules``. The themes of the
        repository are refused.
    name : str
        Name of the rule: lower-case letters, digits and ``_``.
    rule : mapping
        ``jika`` (the condition), ``bukti`` (one evidence name or a list of
        them, at least one), ``id`` and ``en`` (the sentence in each
        language), as in the rules file.

    Returns
    -------
    Path
        The rules file written.

    Raises
    ------
    ValueError
        A bad name, a missing or empty key (a rule without evidence is
        refused, as the brief would refuse it), the repository's own rules
        file, or a file whose layout this function cannot extend safely.
    """
    path = Path(rules).expanduser().resolve()
    if path.is_relative_to(themes_dir().resolve()):
        raise ValueError(
            f"{path} adalah file aturan asli. Salin dulu temanya dengan "
            'copy_theme(...), lalu ubah salinannya (mis. "karya/tema").'
        )
    if not path.is_file():
        raise ValueError(f"File aturan {path} tidak ada. Salin dulu temanya.")
    body = _checked_rule(name, rule)

    # 1. The new text: the block replaced, or appended at the end.
    old = path.read_text(encoding="utf-8")
    before = yaml.safe_load(old) or {}
    existing = (before.get("rekomendasi") or {}).get(name)
    if existing == body:
        return path
    block = _block(name, body)
    if existing is None:
        new = old.rstrip("\n") + "\n\n" + block
    else:
        new = _replaced(old, name, block, path)

    # 2. Make sure only this rule changed before writing.
    after = yaml.safe_load(new) or {}
    expected = dict(before)
    expected["rekomendasi"] = {**(before.get("rekomendasi") or {}), name: body}
    if after != expected:
        raise ValueError(
            f"Aturan {name} tidak bisa ditambahkan otomatis ke {path}: bagian "
            "`rekomendasi:` bukan bagian terakhir file. Buka file itu di JupyterLab "
            "dan tambahkan aturannya di bawah `rekomendasi:`."
        )
    return write_atomic(path, new)


def brief_recommendations(brief: str | Path) -> pd.DataFrame:
    """The recommendations of a built brief, as the reader sees them.

    Read from the executive summary of the brief's HTML file.

    Parameters
    ----------
    brief : str or Path
        The ``.html`` file ``minilab paper`` wrote (its ``.ipynb`` twin is
        accepted too).

    Returns
    -------
    DataFrame
        One row per recommendation: ``rekomendasi`` (the sentence) and
        ``bukti`` (the figures and tables it cites, e.g. "Gambar 2, Tabel 1").
    """
    from bs4 import BeautifulSoup

    path = Path(brief).with_suffix(".html")
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    listing = soup.find("ol", class_="brief-recommendations")
    rows = []
    for item in listing.find_all("li", recursive=False) if listing else []:
        notes = item.find_all("em")
        cited = ""
        if notes:
            match = _EVIDENCE_NOTE.match(" ".join(notes[-1].get_text().split()))
            if match:
                cited = match.group(1)
                notes[-1].extract()
        rows.append({"rekomendasi": " ".join(item.get_text().split()), "bukti": cited})
    return pd.DataFrame(rows, columns=["rekomendasi", "bukti"])


def _checked_rule(name: str, rule: Mapping[str, Any]) -> dict[str, Any]:
    """The rule as it will stand in the file, or a ValueError saying what is off."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(
            f"Nama aturan {name!r} tidak bisa dipakai: pakai huruf kecil, angka dan "
            'garis bawah, mis. "survei_bersama".'
        )
    if not isinstance(rule, Mapping):
        raise ValueError(
            "Aturan ditulis sebagai kamus (dict) dengan kunci "
            f"{', '.join(RULE_KEYS)}, mis. {{'jika': 'jumlah_prioritas > 0', ...}}."
        )
    unknown = [key for key in rule if key not in RULE_KEYS]
    if unknown:
        raise ValueError(
            f"Aturan {name} punya kunci yang tidak dikenal: {', '.join(unknown)}. "
            f"Kunci yang dipakai: {', '.join(RULE_KEYS)}."
        )
    evidence = rule.get("bukti")
    evidence = [evidence] if isinstance(evidence, str) else list(evidence or [])
    if not evidence or not all(isinstance(e, str) and e.strip() for e in evidence):
        raise ValueError(
            f"Aturan {name} belum menyebut bukti. Setiap rekomendasi harus merujuk "
            "ke gambar atau tabel brief: isi 'bukti' dengan nama dari daftar "
            "'Bukti yang tersedia' di kepala file aturan, mis. ['tabel_prioritas']."
        )
    missing = [key for key in ("jika", "id", "en") if not str(rule.get(key) or "")]
    if missing:
        raise ValueError(f"Aturan {name} belum lengkap: {', '.join(missing)} kosong.")
    return {
        "jika": str(rule["jika"]).strip(),
        "bukti": [e.strip() for e in evidence],
        "id": " ".join(str(rule["id"]).split()),
        "en": " ".join(str(rule["en"]).split()),
    }


def _block(name: str, body: dict[str, Any]) -> str:
    """The rule as YAML lines indented under ``rekomendasi:``."""
    dumped = yaml.safe_dump(
        {name: body},
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=80,
    )
    return "".join(
        f"  {line}" if line.strip() else line for line in dumped.splitlines(True)
    )


def _replaced(old: str, name: str, block: str, path: Path) -> str:
    """``old`` with the block of rule ``name`` replaced by ``block``."""
    lines = old.splitlines(True)
    starts = [i for i, line in enumerate(lines) if line.rstrip() == f"  {name}:"]
    if len(starts) != 1:
        raise ValueError(
            f"Aturan {name} sudah ada di {path}. Pilih nama lain, atau ubah aturan "
            "itu langsung di file."
        )
    start = starts[0]
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip(" ")) <= 2
        ),
        len(lines),
    )
    # Blank lines before the next rule belong to the gap, not to this rule.
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return "".join([*lines[:start], block, *lines[end:]])
