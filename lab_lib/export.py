"""Executed notebooks to policy briefs: one HTML file that works offline.

:func:`notebook_to_html` runs nbconvert's :class:`~nbconvert.HTMLExporter`
with the ``brief`` template shipped in ``lab_lib/templates/brief``. The
template extends JupyterLab's ``lab`` template and

* shows outputs only: no code, no prompts, no stderr (warnings), and no cell
  tagged ``injected-parameters`` (added by papermill) or ``remove-cell``;
* puts a header on top with the title, the subtitle and the agency, and a
  banner when the brief is built from sample data;
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
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from traitlets.config import Config

from lab_lib.errors import PaperError
from lab_lib.messages import LANGUAGES, text
from lab_lib.offline import external_references

__all__ = ["DropStderr", "brief_exporter", "notebook_to_html"]

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


def _header(title: str, subtitle: str, sample: bool, bahasa: str) -> dict[str, str]:
    """Texts of the header block, for the template's ``resources.brief``."""
    return {
        "title": title,
        "subtitle": subtitle,
        "agency": text("export.agency", bahasa=bahasa),
        "banner": text("export.sample_banner", bahasa=bahasa) if sample else "",
        "banner_detail": text("export.sample_detail", bahasa=bahasa),
    }


def notebook_to_html(
    nb: nbformat.NotebookNode,
    *,
    title: str,
    subtitle: str = "",
    sample: bool = True,
    bahasa: str = "id",
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
    titled = copy.deepcopy(nb)
    titled.metadata["title"] = title
    resources = {"brief": _header(title, subtitle, sample, bahasa)}
    document, _ = brief_exporter(bahasa).from_notebook_node(titled, resources=resources)
    loads = external_references(document)
    if loads:
        raise PaperError("export.external_loads", alamat=", ".join(sorted(set(loads))))
    return document
