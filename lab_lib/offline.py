"""Folium maps that open with no network connection.

Folium writes ``<script src=...>`` and ``<link href=...>`` tags that fetch
Leaflet, jQuery, Bootstrap and Font Awesome from CDNs. A brief is read on
laptops in district offices where the internet is slow or absent, so
:func:`standalone_html` renders the map and replaces those tags:

* Leaflet (JS and CSS) and jQuery are written inline, from the files of the
  ``xstatic-leaflet`` and ``xstatic-jquery`` packages; the images that the
  Leaflet CSS points to become ``data:`` URIs.
* Bootstrap, Awesome Markers, Font Awesome and the glyphicons are dropped:
  plain maps do not use them.
* Any other external file (a plugin's script, say) is an error, because the
  map would silently break offline.

The installed xstatic versions must be the ones folium was written for;
:func:`check_versions` says so loudly when they are not.

:func:`external_references` lists every file a document would fetch, also
inside ``<iframe srcdoc>`` documents, and is how exports prove they are
self-contained.

>>> external_references('<img src="https://example.org/a.png"><a href="#x">x</a>')
['https://example.org/a.png']
>>> external_references('<style>@import url("theme.css");</style>')
['theme.css']
"""

from __future__ import annotations

import base64
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import folium
import xstatic.pkg.jquery
import xstatic.pkg.leaflet

from lab_lib.errors import OfflineError

__all__ = ["check_versions", "external_references", "standalone_html"]

_LEAFLET_URL_VERSION = re.compile(r"leaflet@(\d+(?:\.\d+)*)/")
_JQUERY_URL_VERSION = re.compile(r"jquery-(\d+(?:\.\d+)*)(?:\.min)?\.js")
_SCRIPT_TAG = re.compile(
    r"<script\b[^>]*\bsrc=\"(?P<url>https?://[^\"]+)\"[^>]*>\s*</script>", re.I
)
_LINK_TAG = re.compile(r"<link\b[^>]*\bhref=\"(?P<url>https?://[^\"]+)\"[^>]*>", re.I)
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)
_CSS_IMAGE = re.compile(r"url\((images/[\w.-]+\.png)\)")
_ICON_DEFAULTS = (
    ("iconUrl", "marker-icon.png"),
    ("iconRetinaUrl", "marker-icon-2x.png"),
    ("shadowUrl", "marker-shadow.png"),
)


def _folium_urls() -> dict[str, str]:
    """The CDN address of each default asset of :class:`folium.Map`, by name."""
    return dict(folium.Map.default_js) | dict(folium.Map.default_css)


def _expected_version(name: str, pattern: re.Pattern[str]) -> str:
    """The version of ``name`` that folium's CDN address refers to."""
    url = _folium_urls()[name]
    found = pattern.search(url)
    if found is None:
        raise OfflineError(
            "offline.unknown_asset", folium=folium.__version__, pustaka=name, url=url
        )
    return found.group(1)


def check_versions() -> None:
    """Fail unless the xstatic packages hold the Leaflet and jQuery folium uses.

    Raises
    ------
    OfflineError
        When ``xstatic-leaflet`` or ``xstatic-jquery`` has another version than
        the one in folium's CDN addresses, or folium's addresses have an
        unrecognised form.

    Examples
    --------
    >>> check_versions()
    """
    packages = (
        ("leaflet", _LEAFLET_URL_VERSION, xstatic.pkg.leaflet, "xstatic-leaflet"),
        ("jquery", _JQUERY_URL_VERSION, xstatic.pkg.jquery, "xstatic-jquery"),
    )
    for name, pattern, package, dist in packages:
        expected = _expected_version(name, pattern)
        installed = package.VERSION
        if installed != expected:
            raise OfflineError(
                "offline.version_mismatch",
                pustaka=package.DISPLAY_NAME,
                terpasang=installed,
                folium=folium.__version__,
                diharapkan=expected,
                paket=dist,
            )


def _data_uri(path: Path) -> str:
    """``path`` (a PNG file) as a base64 ``data:`` URI."""
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()


def _script(code: str) -> str:
    """An inline ``<script>`` element that cannot be closed early by ``code``.

    Source map comments are dropped: developer tools would try to fetch them.
    """
    code = _SOURCE_MAP.sub("", code).replace("</script", "<\\/script")
    return "<script>\n" + code + "\n</script>"


def _leaflet_js(folder: Path) -> str:
    """Leaflet, with its default marker icons set to ``data:`` URIs."""
    icons = ", ".join(
        f'{option}: "{_data_uri(folder / "images" / name)}"'
        for option, name in _ICON_DEFAULTS
    )
    defaults = (
        f"L.Icon.Default.imagePath = '';\nL.Icon.Default.mergeOptions({{{icons}}});"
    )
    return _script(
        (folder / "leaflet.js").read_text(encoding="utf-8") + "\n" + defaults
    )


def _leaflet_css(folder: Path) -> str:
    """Leaflet's style sheet, with its images as ``data:`` URIs."""
    css = (folder / "leaflet.css").read_text(encoding="utf-8")
    css = _CSS_IMAGE.sub(lambda m: f'url("{_data_uri(folder / m.group(1))}")', css)
    return "<style>\n" + css + "\n</style>"


@cache
def _inline_assets() -> dict[str, str]:
    """Inline replacements for folium's Leaflet, jQuery and Leaflet CSS tags."""
    check_versions()
    leaflet = Path(xstatic.pkg.leaflet.BASE_DIR)
    jquery = Path(xstatic.pkg.jquery.BASE_DIR) / "jquery.min.js"
    urls = _folium_urls()
    return {
        urls["leaflet"]: _leaflet_js(leaflet),
        urls["jquery"]: _script(jquery.read_text(encoding="utf-8")),
        urls["leaflet_css"]: _leaflet_css(leaflet),
    }


def _replacement(url: str) -> str:
    """What replaces the tag that loads ``url``: inline code, or nothing."""
    inline = _inline_assets()
    if url in inline:
        return inline[url]
    if url in _folium_urls().values():
        return ""
    raise OfflineError("offline.external_asset", url=url)


def standalone_html(m: folium.Map) -> str:
    """The complete HTML document of ``m``, with every script and style inline.

    Parameters
    ----------
    m : folium.Map
        The map. Create it with ``tiles=None``: a tile layer is fetched from
        the internet whenever the map is viewed.

    Returns
    -------
    str
        An HTML document that loads no file: Leaflet and jQuery are inline,
        folium's other default assets are left out.

    Raises
    ------
    OfflineError
        When the xstatic versions do not match folium's, or the map uses a
        plugin whose files cannot be bundled.

    Examples
    --------
    >>> html = standalone_html(folium.Map(tiles=None))
    >>> external_references(html)
    []
    >>> "Leaflet 1.9.3" in html
    True
    """
    html = m.get_root().render()
    html = _SCRIPT_TAG.sub(lambda match: _replacement(match.group("url")), html)
    return _LINK_TAG.sub(lambda match: _replacement(match.group("url")), html)


_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>.*?)\1\s*\)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(['"])(?P<url>[^'"]+)\1""", re.I)
_LOADING_ATTRIBUTES = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
_SELF_CONTAINED = ("data:", "#", "about:", "javascript:", "blob:")


def _loads(reference: str) -> bool:
    """Whether opening ``reference`` would fetch a file."""
    reference = reference.strip()
    return bool(reference) and not reference.lower().startswith(_SELF_CONTAINED)


def _css_references(css: str) -> list[str]:
    """Addresses that a style sheet fetches (``url(...)`` and ``@import``)."""
    found = [m.group("url") for m in _CSS_URL.finditer(css)]
    return found + [m.group("url") for m in _CSS_IMPORT.finditer(css)]


def _attribute_references(name: str, value: str) -> list[str]:
    """Addresses in one attribute; a ``srcset`` lists several, with sizes."""
    if name != "srcset":
        return [value]
    return [part.split()[0] for part in value.split(",") if part.strip()]


class _ReferenceCollector(HTMLParser):
    """Collects the addresses an HTML document would fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in _LOADING_ATTRIBUTES.get(tag, ()):
            self.found += _attribute_references(name, values.get(name, ""))
        self.found += _css_references(values.get("style", ""))
        if "srcdoc" in values:
            self.found += external_references(values["srcdoc"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += _css_references(data)


def external_references(html: str) -> list[str]:
    """Every address that ``html`` would fetch when opened, in document order.

    Scripts, style sheets, images, frames and media are checked, CSS
    ``url(...)`` and ``@import`` too, and ``<iframe srcdoc>`` documents are
    searched the same way. ``data:`` URIs and ``#fragments`` fetch nothing;
    plain ``<a href>`` links are not loads.

    Parameters
    ----------
    html : str
        An HTML document or fragment.

    Returns
    -------
    list of str
        The addresses, both ``http(s)://`` and relative file names.
    """
    collector = _ReferenceCollector()
    collector.feed(html)
    collector.close()
    return [reference for reference in collector.found if _loads(reference)]
