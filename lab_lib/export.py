"""Executed notebooks to policy briefs: one HTML file that works offline.

:func:`notebook_to_html` runs nbconvert's :class:`~nbconvert.HTMLExporter`
with the ``brief`` template shipped in ``lab_lib/templates/brief``. The
template extends JupyterLab's ``lab`` template and

* shows outputs only: no code, no prompts, no stderr (warnings), and no cell
  tagged ``injected-parameters`` (added by papermill) or ``remove-cell``;
* opens with a cover (agency, document kind, title, region, year, theme and
  date, and a banner when the brief is built from sample data) and an
  executive summary of the key figures and recommendations, taken from the
  summary record a :class:`lab_lib.brief.Brief` leaves in the notebook;
* leaves out require.js, MathJax, Mermaid and the widget scripts, which the
  ``lab`` template loads from CDNs, and inlines all CSS;
* adds print rules for A4 paper, under which each interactive map gives way
  to its static twin (see :class:`lab_lib.maps.ThematicMap`).

The result is checked with :func:`lab_lib.offline.external_references`: a
brief that would fetch anything is an error, not a file that breaks in the
field.
"""

from __future__ import annotations

import copy
import datetime
import html
from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from traitlets.config import Config

from lab_lib import fmt
from lab_lib.brief import SUMMARY_MIMETYPE
from lab_lib.errors import PaperError
from lab_lib.messages import LANGUAGES, text
from lab_lib.offline import external_references

__all__ = [
    "DropStderr",
    "brief_exporter",
    "brief_summary",
    "notebook_to_html",
    "without_summary",
]

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "brief"
REMOVED_CELL_TAGS = ("injected-parameters", "remove-cell")


class DropStderr(Preprocessor):
    """Removes stderr streams (warnings, progress bars) from code cells."""

    def preprocess_cell(
        self, cell: nbformat.NotebookNode, resources: dict, index: int
    ) -> tuple[nbformat.NotebookNode, dict]:
        """Keep every output of ``cell`` except text written to stderr."""
        if "outputs" in cell:
            cell.outputs = [
                output
                for output in cell.outputs
                if not (output.output_type == "stream" and output.name == "stderr")
            ]
        return cell, resources


def brief_exporter(bahasa: str = "id") -> HTMLExporter:
    """An HTML exporter configured for briefs in ``bahasa``.

    Parameters
    ----------
    bahasa : {"id", "en"}
        Language of the document (``<html lang=...>``).

    Returns
    -------
    nbconvert.HTMLExporter
        Uses the ``brief`` template; hides code, prompts, stderr and cells
        tagged ``injected-parameters`` or ``remove-cell``; embeds images.

    Examples
    --------
    >>> brief_exporter("en").template_name
    'brief'
    """
    config = Config()
    config.HTMLExporter.template_name = TEMPLATE_NAME
    config.HTMLExporter.extra_template_basedirs = [str(TEMPLATE_DIR)]
    config.HTMLExporter.exclude_input = True
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    config.HTMLExporter.embed_images = True
    config.HTMLExporter.sanitize_html = False
    config.HTMLExporter.theme = "light"
    config.HTMLExporter.language_code = bahasa
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = set(REMOVED_CELL_TAGS)
    exporter = HTMLExporter(config=config)
    exporter.register_preprocessor(DropStderr, enabled=True)
    return exporter


def brief_summary(nb: nbformat.NotebookNode) -> dict[str, Any] | None:
    """The summary record a :class:`~lab_lib.brief.Brief` left in ``nb``, if any."""
    for cell in reversed(nb.cells):
        for output in cell.get("outputs", []):
            if SUMMARY_MIMETYPE in output.get("data", {}):
                return dict(output["data"][SUMMARY_MIMETYPE])
    return None


def without_summary(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without the summary record's output."""
    copied = copy.deepcopy(nb)
    for cell in copied.cells:
        if "outputs" in cell:
            cell.outputs = [
                output
                for output in cell.outputs
                if SUMMARY_MIMETYPE not in output.get("data", {})
            ]
    return copied


def _inline_markdown(body: str) -> str:
    """One paragraph of Markdown as inline HTML (bold, italics, code)."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    rendered = markdown2html_mistune(html.escape(body, quote=False)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return rendered


def _front_matter(
    title: str,
    subtitle: str,
    sample: bool,
    bahasa: str,
    summary: dict[str, Any] | None,
    built: datetime.date,
) -> dict[str, Any]:
    """Texts of the cover and the executive summary, for ``resources.brief``."""

    def say(key: str) -> str:
        return text(key, bahasa=bahasa)

    facts = []
    if summary:
        region = summary["wilayah"]
        facts = [
            (say("export.cover_region"), f"{region['nama']} ({region['kode']})"),
            (say("export.cover_year"), str(summary["tahun"])),
            (say("export.cover_theme"), f"{title} ({summary['tema']})"),
        ]
    facts.append((say("export.cover_date"), fmt.date(built, bahasa)))
    recommendations = []
    for item in (summary or {}).get("recommendations", []):
        labels = ", ".join(e["label"] for e in item["evidence"])
        recommendations.append(
            {"html": _inline_markdown(item["text"]), "evidence": labels}
        )
    return {
        "title": title,
        "subtitle": subtitle,
        "kind": say("export.kind"),
        "agency": say("export.agency"),
        "banner": say("export.sample_banner") if sample else "",
        "banner_detail": say("export.sample_detail"),
        "facts": facts,
        "summary_title": say("export.summary_title"),
        "key_figures": (summary or {}).get("key_figures", []),
        "recommendations_title": say("export.summary_recommendations"),
        "recommendations": recommendations,
        "evidence_word": say("brief.evidence"),
    }


def notebook_to_html(
    nb: nbformat.NotebookNode,
    *,
    title: str,
    subtitle: str = "",
    sample: bool = True,
    bahasa: str = "id",
    built: datetime.date | None = None,
) -> str:
    """Export an executed notebook as a self-contained, offline HTML brief.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The executed notebook (e.g. papermill's output). It is not changed.
    title : str
        Title of the brief, for the header and ``<title>``.
    subtitle : str
        Line under the title, e.g. region and year.
    sample : bool
        Whether the brief is built from sample data; adds a banner saying so.
    bahasa : {"id", "en"}
        Language of the header texts and of ``<html lang>``.
    built : datetime.date, optional
        Date printed on the cover (default: today).

    Returns
    -------
    str
        The HTML document. It fetches nothing: every script, style and image
        is inside it.

    Raises
    ------
    PaperError
        For an unsupported language, or when an output (e.g. an image in
        markdown) refers to a file or web address that cannot be embedded.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Isi")])
    >>> html = notebook_to_html(nb, title="Brief uji", sample=False)
    >>> '<html lang="id">' in html, "<title>Brief uji</title>" in html
    (True, True)
    """
    if bahasa not in LANGUAGES:
        raise PaperError("language.unsupported", kode=bahasa)
    summary = brief_summary(nb)
    titled = without_summary(nb)
    titled.metadata["title"] = title
    front = _front_matter(
        title, subtitle, sample, bahasa, summary, built or datetime.date.today()
    )
    resources = {"brief": front}
    document, _ = brief_exporter(bahasa).from_notebook_node(titled, resources=resources)
    loads = external_references(document)
    if loads:
        raise PaperError("export.external_loads", alamat=", ".join(sorted(set(loads))))
    return document
