"""Reading a built brief's HTML in tests: its captions and its recommendations."""

from __future__ import annotations

import re

CAPTION = re.compile(r"<strong>(Gambar|Tabel|Figure|Table) (\d+)\.</strong>")
LABEL = re.compile(r"(Gambar|Tabel|Figure|Table) (\d+)")


def captions(html: str) -> set[tuple[str, str]]:
    """The numbered figures and tables the brief shows."""
    return set(CAPTION.findall(html))


def recommendations(html: str, title: str = "Rekomendasi") -> list[str]:
    """The items of the brief's recommendations section (after the body)."""
    start = html.index(f'<h2 id="{title}"')
    end = html.index("<h2", start + 1)
    return re.findall(r"<li>(.*?)</li>", html[start:end], flags=re.S)


def summary_recommendations(html: str) -> list[str]:
    """The recommendations repeated in the executive summary on the cover."""
    match = re.search(r'<ol class="brief-recommendations">(.*?)</ol>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", match.group(1), re.S) if match else []


def uncited(html: str, evidence_word: str = "bukti") -> list[str]:
    """Recommendations that cite no figure or table, or one the brief lacks.

    Each recommendation of the section must also name its datasets.
    """
    shown = captions(html)
    problems = []
    items = recommendations(html)
    for item in items + summary_recommendations(html):
        cited = LABEL.findall(item.split(f"{evidence_word}:")[-1])
        if not cited or not set(cited) <= shown:
            problems.append(item)
    problems += [i for i in items if not re.search(r"data: <code>\w+</code>", i)]
    return problems
