"""Building blocks of a policy brief: numbered figures, tables and
recommendations that must cite them.

A theme notebook creates one :class:`Brief` and shows everything through it.
Each figure and table gets a number ("Gambar 1", "Tabel 2") and names the
datasets it was computed from. Evidence may only name datasets read since the
brief began. A recommendation is refused unless it cites at
least one figure or table shown in the same brief, so every recommendation in
a brief stands on evidence that the reader can see, traced to named data.

>>> from lab_lib import catalog
>>> b = Brief(tema="contoh", wilayah="82", tahun=2024, display=False)
>>> ipm = catalog.load("indikator", indikator="ipm")
>>> fig = b.table(pd.DataFrame({"a": [1.5]}), "Contoh", datasets=["indikator"])
>>> fig.label
'Tabel 1'
>>> b.recommend("Tambah anggaran", evidence=[fig]).text
'Tambah anggaran'
>>> b.recommend("Tanpa bukti", evidence=[])
Traceback (most recent call last):
...
lab_lib.errors.EvidenceError: Rekomendasi "Tanpa bukti" tidak menyebut bukti. ...
"""

from __future__ import annotations

import html
import io
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from lab_lib import catalog, fmt, regions
from lab_lib.errors import EvidenceError
from lab_lib.messages import set_language, text

__all__ = ["Brief", "Evidence", "Recommendation"]


@dataclass(frozen=True, eq=False)
class Evidence:
    """A numbered figure or table of a brief, and the datasets behind it.

    Compared by identity: "Tabel 1" of another brief is not this brief's.
    """

    kind: str
    number: int
    caption: str
    datasets: tuple[str, ...]
    bahasa: str = "id"

    @property
    def label(self) -> str:
        """ "Gambar 1", "Tabel 2" (or "Figure 1", "Table 2" in English)."""
        return f"{text(f'brief.{self.kind}', bahasa=self.bahasa)} {self.number}"


@dataclass(frozen=True)
class Recommendation:
    """A recommendation and the evidence it stands on."""

    text: str
    evidence: tuple[Evidence, ...]

    @property
    def datasets(self) -> list[str]:
        """Every dataset behind the cited evidence, in order of first use."""
        seen: dict[str, None] = {}
        for item in self.evidence:
            seen.update(dict.fromkeys(item.datasets))
        return list(seen)


@dataclass
class Brief:
    """One brief: its parameters, and what has been shown so far.

    Parameters
    ----------
    tema : str
        Theme name, e.g. ``"kondisi_jalan"``.
    wilayah : str
        The province or a kabupaten/kota, in any spelling
        :func:`lab_lib.regions.resolve_kabkota` accepts.
    tahun : int
        Year of analysis.
    bahasa : {"id", "en"}
        Language of the brief.
    display : bool
        Show output in the notebook (False in tests).
    """

    tema: str
    wilayah: str | regions.Region
    tahun: int
    bahasa: str = "id"
    display: bool = True
    region: regions.Region = field(init=False)
    started: float = field(init=False)
    evidence: list[Evidence] = field(default_factory=list, init=False)
    recommendations: list[Recommendation] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        set_language(self.bahasa)
        self.started = time.time()
        self.region = regions.resolve_kabkota(self.wilayah)
        self.tahun = int(self.tahun)

    @property
    def is_province(self) -> bool:
        """True when the brief covers the whole province."""
        return self.region.kode == regions.PROVINCE_CODE

    def t(self, indonesian: str, english: str) -> str:
        """The sentence in the brief's language."""
        return english if self.bahasa == "en" else indonesian

    # Showing things -------------------------------------------------------

    def heading(self, title: str, level: int = 2) -> None:
        """A section heading."""
        self._show_markdown(f"{'#' * level} {title}")

    def paragraph(self, body: str) -> None:
        """A paragraph of Markdown text."""
        self._show_markdown(body)

    def figure(self, obj: Any, caption: str, datasets: Sequence[str]) -> Evidence:
        """Show a chart or map as the next numbered figure."""
        item = self._register("figure", caption, datasets)
        self._show(_as_png_if_figure(obj, alt=caption))
        self._show_caption(item)
        return item

    def table(
        self,
        frame: pd.DataFrame,
        caption: str,
        datasets: Sequence[str],
        decimals: dict[str, int] | None = None,
    ) -> Evidence:
        """Show a DataFrame as the next numbered table, numbers formatted."""
        item = self._register("table", caption, datasets)
        self._show_caption(item, above=True)
        self._show_html(_table_html(frame, decimals or {}, self.bahasa))
        self._show_sources(item)
        return item

    def recommend(self, body: str, evidence: Iterable[Evidence]) -> Recommendation:
        """Record a recommendation; it must cite evidence shown in this brief.

        Raises
        ------
        EvidenceError
            When ``evidence`` is empty or names something not in this brief.
        """
        cited = tuple(evidence)
        if not cited:
            raise EvidenceError("brief.no_evidence", teks=body)
        unknown = [e.label for e in cited if e not in self.evidence]
        if unknown:
            raise EvidenceError(
                "brief.unknown_evidence", teks=body, bukti=", ".join(unknown)
            )
        item = Recommendation(body, cited)
        self.recommendations.append(item)
        return item

    def show_recommendations(self) -> None:
        """The numbered recommendations, each with its evidence and data."""
        lines = []
        for number, item in enumerate(self.recommendations, start=1):
            labels = ", ".join(e.label for e in item.evidence)
            data = ", ".join(f"`{name}`" for name in item.datasets)
            cite = f"{text('brief.evidence')}: {labels}; {text('brief.data')}: {data}"
            lines.append(f"{number}. {item.text} *({cite})*")
        self._show_markdown("\n".join(lines))

    def appendix(self) -> None:
        """A table of every dataset this brief read, with producer and checksum."""
        self.heading(text("brief.appendix_title"))
        header = text("brief.appendix_columns").split("|")
        rows = []
        for record in catalog.reads(since=self.started):
            meta = catalog.metadata(record.dataset)
            title = meta.get("title_en" if self.bahasa == "en" else "title", "")
            rows.append(
                [
                    record.dataset,
                    title,
                    meta.get("produsen", ""),
                    meta.get("license", ""),
                    record.rows,
                    record.sha256[:12],
                ]
            )
        frame = pd.DataFrame(rows, columns=header)
        self._show_html(_table_html(frame, {header[4]: 0}, self.bahasa))

    # Internals ------------------------------------------------------------

    def _register(self, kind: str, caption: str, datasets: Sequence[str]) -> Evidence:
        if not datasets:
            raise EvidenceError("brief.no_datasets", keterangan=caption)
        read = {record.dataset for record in catalog.reads(since=self.started)}
        for name in datasets:
            catalog.metadata(name)  # an unknown dataset name fails here
            if name not in read:
                raise EvidenceError(
                    "brief.unread_dataset", keterangan=caption, dataset=name
                )
        number = 1 + sum(1 for e in self.evidence if e.kind == kind)
        item = Evidence(kind, number, caption, tuple(datasets), self.bahasa)
        self.evidence.append(item)
        return item

    def _show_caption(self, item: Evidence, above: bool = False) -> None:
        self._show_markdown(f"**{item.label}.** {item.caption}")
        if not above:
            self._show_sources(item)

    def _show_sources(self, item: Evidence) -> None:
        names = []
        for name in item.datasets:
            meta = catalog.metadata(name)
            producer = meta.get("produsen", "")
            if meta.get("synthetic"):
                producer = f"{producer}; {text('brief.synthetic')}"
            names.append(f"`{name}` ({producer})")
        note = f"*{text('brief.data_source')}: {'; '.join(names)}.*"
        self._show_markdown(note)

    def _show_markdown(self, body: str) -> None:
        self._show_with(lambda display: display.Markdown(body))

    def _show_html(self, body: str) -> None:
        self._show_with(lambda display: display.HTML(body))

    def _show(self, obj: Any) -> None:
        self._show_with(lambda display: obj)

    def _show_with(self, make: Callable[[Any], Any]) -> None:
        if not self.display:
            return
        from IPython import display

        display.display(make(display))


def _table_html(frame: pd.DataFrame, decimals: dict[str, int], bahasa: str) -> str:
    """A plain HTML table: text left, numbers right and formatted for ``bahasa``."""
    numeric = {
        column: pd.api.types.is_numeric_dtype(frame[column])
        and not pd.api.types.is_bool_dtype(frame[column])
        for column in frame.columns
    }

    def cell(tag: str, column: str, value: str) -> str:
        kind = "num" if numeric[column] else "text"
        scope = ' scope="col"' if tag == "th" else ""
        return f'<{tag} class="{kind}"{scope}>{html.escape(str(value))}</{tag}>'

    head = "".join(cell("th", column, column) for column in frame.columns)
    rows = []
    for _, row in frame.iterrows():
        cells = []
        for column in frame.columns:
            value = row[column]
            if numeric[column]:
                value = fmt.number(value, decimals.get(column, 1), bahasa)
            elif pd.isna(value):
                value = "–"
            cells.append(cell("td", column, value))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table class="brief-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _as_png_if_figure(obj: Any, alt: str) -> Any:
    """A matplotlib Figure becomes a PNG image; anything else is shown as is."""
    from matplotlib.figure import Figure

    if not isinstance(obj, Figure):
        return obj
    from IPython.display import Image

    buffer = io.BytesIO()
    obj.savefig(buffer, format="png", dpi=obj.dpi)
    return Image(data=buffer.getvalue(), format="png", alt=alt)
