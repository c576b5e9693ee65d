"""HTML briefs as editable Word documents, through pandoc.

Agencies edit a brief before it is signed, so the atlas also writes a DOCX.
:func:`html_to_docx` hands pandoc (from the ``pypandoc-binary`` wheel, or a
pandoc on the ``PATH``) a print version of the HTML brief: scripts, styles
and interactive maps are taken out and each map's static twin is shown, so
the document holds every figure and table in place.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lab_lib.errors import PaperError
from lab_lib.files import PARTIAL_SUFFIX

__all__ = ["html_to_docx", "printable_html"]


def printable_html(document: str) -> str:
    """The brief ``document`` without scripts, styles or interactive maps.

    Examples
    --------
    >>> page = ('<div class="lab-map"><iframe class="lab-map__frame"></iframe>'
    ...         '<img class="lab-map__static" style="display:none" src="a.png">'
    ...         '</div><script>x()</script>')
    >>> printable_html(page)
    '<div class="lab-map"><img class="lab-map__static" src="a.png"/></div>'
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(document, "html.parser")
    for element in soup.find_all(["script", "style", "iframe", "link", "noscript"]):
        element.decompose()
    for anchor in soup.find_all("a", class_="anchor-link"):
        anchor.decompose()
    for image in soup.find_all("img", class_="lab-map__static"):
        del image["style"]
    return str(soup)


def html_to_docx(source: Path, target: Path) -> Path:
    """Convert the HTML brief ``source`` to the Word file ``target``, atomically.

    Raises
    ------
    PaperError
        When pandoc is not available or fails on the document.
    """
    try:
        import pypandoc
    except ImportError:
        raise PaperError("docx.no_pandoc") from None
    document = printable_html(Path(source).read_text(encoding="utf-8"))
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=f"{PARTIAL_SUFFIX}.docx", dir=target.parent
    )
    os.close(handle)
    try:
        pypandoc.convert_text(
            document,
            "docx",
            format="html",
            outputfile=temporary,
            extra_args=["--resource-path", str(Path(source).parent)],
        )
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except (OSError, RuntimeError) as exc:
        Path(temporary).unlink(missing_ok=True)
        cause = " ".join(str(exc).split())[:300]
        raise PaperError("docx.failed", path=source, sebab=cause) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
