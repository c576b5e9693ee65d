"""Building blocks of a policy brief: numbered figures, tables and
recommendations that must cite them.

A theme notebook creates one :class:`Brief` and shows everything through it.
Each figure and table gets a number ("Gambar 1", "Tabel 2") and names the
datasets it was computed from. Evidence may only name datasets read since the
brief began. A recommendation is refused unless it cites at
least one figure or table shown in the same brief, so every recommendation in
a brief stands on evidence that the reader can see, traced to named data.

Besides what it shows, a brief records its key figures (the formatted value
and the raw number) and its classifications (the Klassen quadrant of a
kabupaten/kota, a critical contract), which :meth:`Brief.summary` hands on to
the executive summary, the atlas index and :mod:`lab_lib.results`.

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
import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

import lab_lib
from lab_lib import catalog, fmt, regions
from lab_lib.errors import EvidenceError
from lab_lib.messages import set_language, text

__all__ = [
    "SUMMARY_MIMETYPE",
    "Brief",
    "Classification",
    "Evidence",
    "KeyFigure",
    "Recommendation",
]

#: Media type of the machine-readable summary a brief leaves in its notebook:
#: the export puts it in the executive summary, the atlas in its index.
SUMMARY_MIMETYPE = "application/vnd.minilab.brief+json"


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


@dataclass(frozen=True)
class KeyFigure:
    """A headline number of the brief, for its executive summary.

    ``value`` is what the reader sees ("71,2%"); ``number`` and ``unit`` are
    the same figure for machines (71.2, "%"), None when it is not a number.
    """

    label: str
    value: str
    datasets: tuple[str, ...]
    note: str = ""
    number: float | None = None
    unit: str = ""


@dataclass(frozen=True)
class Classification:
    """One subject (a region, a project) placed in a class of a scheme.

    For example the kabupaten/kota 82.01 in quadrant IV of the scheme
    ``"klassen"``.
    """

    subject: str
    name: str
    category: str
    scheme: str
    datasets: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()


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
    key_figures: list[KeyFigure] = field(default_factory=list, init=False)
    classifications: list[Classification] = field(default_factory=list, init=False)

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
        # Caption, table and sources in one block, so that a printed page
        # never ends between a caption and its table.
        title = (
            f'<p class="brief-caption"><strong>{html.escape(item.label)}.</strong> '
            f"{html.escape(caption)}</p>"
        )
        sources = f'<p class="brief-source">{self._sources_html(item)}</p>'
        body = _table_html(frame, decimals or {}, self.bahasa)
        self._show_html(f'<div class="brief-table-block">{title}{body}{sources}</div>')
        return item

    def key_figure(
        self,
        label: str,
        value: str,
        datasets: Sequence[str],
        note: str = "",
        *,
        number: float | None = None,
        unit: str = "",
    ) -> None:
        """Record a headline number for the executive summary on the first page.

        Nothing is shown where the call is made; the number appears in the
        summary at the top of the exported brief, in the atlas index and in
        the results table (:mod:`lab_lib.results`).

        Parameters
        ----------
        label : str
            What the number is, e.g. "Kemantapan jalan provinsi".
        value : str
            The number as the reader should see it, already formatted, e.g.
            ``fmt.percent(71.2, 1)``.
        datasets : sequence of str
            Catalog datasets the number was computed from; each must have been
            read in this brief.
        note : str
            A short qualifier, e.g. "target 2026: 80,0%".
        number : float, optional
            The unrounded number behind ``value``, e.g. ``71.2345``, for
            systems that compute with it. A missing number (NaN) is kept as
            None.
        unit : str
            Unit of ``number``, e.g. ``"%"``, ``"km"``, ``"paket"``; empty for
            an index without a unit.

        Raises
        ------
        EvidenceError
            When ``datasets`` is empty or names a dataset not read.

        Examples
        --------
        >>> b = Brief(tema="contoh", wilayah="82", tahun=2024, display=False)
        >>> _ = catalog.load("ruas_jalan")
        >>> b.key_figure("Kemantapan", "71,2%", ["ruas_jalan"], number=71.23, unit="%")
        >>> b.key_figures[0].number, b.key_figures[0].unit
        (71.23, '%')
        """
        self._check_datasets(label, datasets)
        raw = None if number is None else float(number)
        if raw is not None and not math.isfinite(raw):
            raw = None  # JSON has no NaN, and "no number" is what it means
        self.key_figures.append(
            KeyFigure(label, value, tuple(datasets), note, raw, unit)
        )

    def classify(
        self,
        subject: str,
        name: str,
        category: str,
        datasets: Sequence[str],
        *,
        scheme: str,
        evidence: Iterable[Evidence] = (),
    ) -> Classification:
        """Record the class this brief puts a region, project or sector in.

        Nothing is shown; the classification goes to the summary and to the
        results table, so that other systems can show, say, the Klassen
        quadrant of each kabupaten/kota beside their own data. Record only
        what the brief also shows, and cite where with ``evidence``.

        Parameters
        ----------
        subject : str
            Code of what is classified: a region code (``"82.01"``), a
            package id, a road segment id.
        name : str
            Its readable name, e.g. "Halmahera Barat".
        category : str
            The class, as the brief writes it, e.g. "IV. Relatif tertinggal".
        datasets : sequence of str
            Catalog datasets the class was computed from; each must have been
            read in this brief.
        scheme : str
            The classification, a short lower-case name such as ``"klassen"``
            or ``"proyek_kritis"``; the same in every language.
        evidence : iterable of Evidence, optional
            The figures and tables of this brief that show the class.

        Returns
        -------
        Classification

        Raises
        ------
        EvidenceError
            When ``datasets`` is empty or names a dataset not read, or when
            ``evidence`` names something not in this brief.

        Examples
        --------
        >>> b = Brief(tema="contoh", wilayah="82", tahun=2024, display=False)
        >>> _ = catalog.load("indikator")
        >>> item = b.classify(
        ...     "82.01", "Halmahera Barat", "IV. Relatif tertinggal", ["indikator"],
        ...     scheme="klassen",
        ... )
        >>> item.scheme, item.category
        ('klassen', 'IV. Relatif tertinggal')
        """
        self._check_datasets(f"{name}: {category}", datasets)
        cited = tuple(evidence)
        unknown = [e.label for e in cited if e not in self.evidence]
        if unknown:
            raise EvidenceError(
                "brief.unknown_classification_evidence",
                subjek=name,
                kelas=category,
                bukti=", ".join(unknown),
            )
        item = Classification(
            str(subject), name, category, scheme, tuple(datasets), cited
        )
        self.classifications.append(item)
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
        """The appendix of data and method, and the brief's summary record.

        Shows every dataset this brief read (producer, license, last update,
        rows, checksum) and the parameters it was built with (theme, region,
        year, language, ``lab_lib`` version, build time). Then leaves
        :meth:`summary` in the notebook as an output of type
        :data:`SUMMARY_MIMETYPE`, which the export turns into the executive
        summary. Call it last.
        """
        self.heading(text("brief.appendix_title"))
        header = text("brief.appendix_columns").split("|")
        datasets = self._datasets()
        rows = [
            [
                item["dataset"],
                item["title"],
                item["produsen"],
                item["license"],
                item["last_update"] or "–",
                item["rows"],
                item["sha256"][:12],
            ]
            for item in datasets
        ]
        frame = pd.DataFrame(rows, columns=header)
        self._show_html(_table_html(frame, {header[5]: 0}, self.bahasa))
        self.heading(text("brief.build_title"), level=3)
        built_at = time.strftime("%Y-%m-%d %H:%M:%S %z")
        names = text("brief.build_rows").split("|")
        values = [
            self.tema,
            f"{self.region.kode} {self.region.nama}",
            str(self.tahun),
            self.bahasa,
            lab_lib.__version__,
            built_at,
        ]
        columns = text("brief.build_columns").split("|")
        facts = pd.DataFrame({columns[0]: names, columns[1]: values})
        self._show_html(_table_html(facts, {}, self.bahasa))
        self._show_summary(self.summary(built_at=built_at, datasets=datasets))

    def summary(
        self, built_at: str | None = None, datasets: list[dict] | None = None
    ) -> dict[str, Any]:
        """Everything an index needs about this brief, as plain JSON values.

        Returns
        -------
        dict
            ``tema``, ``wilayah`` (kode, nama), ``tahun``, ``bahasa``,
            ``key_figures`` (label, value, note, number, unit, datasets),
            ``classifications`` (subject, name, category, scheme, datasets,
            and the labels of the evidence), ``recommendations`` (each with
            the figures and tables it cites and their datasets),
            ``evidence``, ``datasets`` (with produsen, license, last update
            and SHA-256), ``lab_lib_version`` and ``built_at``.
        """

        def evidence(item: Evidence) -> dict[str, Any]:
            return {
                "label": item.label,
                "kind": item.kind,
                "caption": item.caption,
                "datasets": list(item.datasets),
            }

        return {
            "tema": self.tema,
            "wilayah": {"kode": self.region.kode, "nama": self.region.nama},
            "tahun": self.tahun,
            "bahasa": self.bahasa,
            "key_figures": [
                {
                    "label": k.label,
                    "value": k.value,
                    "note": k.note,
                    "number": k.number,
                    "unit": k.unit,
                    "datasets": list(k.datasets),
                }
                for k in self.key_figures
            ],
            "classifications": [
                {
                    "subject": c.subject,
                    "name": c.name,
                    "category": c.category,
                    "scheme": c.scheme,
                    "datasets": list(c.datasets),
                    # Labels only: a province brief classifies a hundred
                    # kecamatan, all citing the same figure.
                    "evidence": [e.label for e in c.evidence],
                }
                for c in self.classifications
            ],
            "recommendations": [
                {
                    "text": r.text,
                    "evidence": [evidence(e) for e in r.evidence],
                    "datasets": r.datasets,
                }
                for r in self.recommendations
            ],
            "evidence": [evidence(e) for e in self.evidence],
            "datasets": datasets if datasets is not None else self._datasets(),
            "lab_lib_version": lab_lib.__version__,
            "built_at": built_at or time.strftime("%Y-%m-%d %H:%M:%S %z"),
        }

    def _datasets(self) -> list[dict[str, Any]]:
        """Each dataset read in this brief, with its catalog metadata."""
        found = []
        for record in catalog.reads(since=self.started):
            meta = catalog.metadata(record.dataset)
            found.append(
                {
                    "dataset": record.dataset,
                    "title": meta.get("title_en" if self.bahasa == "en" else "title")
                    or "",
                    "produsen": meta.get("produsen", ""),
                    "license": meta.get("license", ""),
                    "last_update": str(meta.get("last_update") or ""),
                    "rows": record.rows,
                    "sha256": record.sha256,
                    "synthetic": bool(meta.get("synthetic")),
                }
            )
        return found

    # Internals ------------------------------------------------------------

    def _check_datasets(self, caption: str, datasets: Sequence[str]) -> None:
        if not datasets:
            raise EvidenceError("brief.no_datasets", keterangan=caption)
        read = {record.dataset for record in catalog.reads(since=self.started)}
        for name in datasets:
            catalog.metadata(name)  # an unknown dataset name fails here
            if name not in read:
                raise EvidenceError(
                    "brief.unread_dataset", keterangan=caption, dataset=name
                )

    def _register(self, kind: str, caption: str, datasets: Sequence[str]) -> Evidence:
        self._check_datasets(caption, datasets)
        number = 1 + sum(1 for e in self.evidence if e.kind == kind)
        item = Evidence(kind, number, caption, tuple(datasets), self.bahasa)
        self.evidence.append(item)
        return item

    def _show_caption(self, item: Evidence, above: bool = False) -> None:
        self._show_markdown(f"**{item.label}.** {item.caption}")
        if not above:
            self._show_sources(item)

    def _source_names(self, item: Evidence) -> list[tuple[str, str]]:
        names = []
        for name in item.datasets:
            meta = catalog.metadata(name)
            producer = meta.get("produsen", "")
            if meta.get("synthetic"):
                producer = f"{producer}; {text('brief.synthetic')}"
            names.append((name, producer))
        return names

    def _show_sources(self, item: Evidence) -> None:
        names = [f"`{n}` ({producer})" for n, producer in self._source_names(item)]
        note = f"*{text('brief.data_source')}: {'; '.join(names)}.*"
        self._show_markdown(note)

    def _sources_html(self, item: Evidence) -> str:
        names = [
            f"<code>{html.escape(n)}</code> ({html.escape(producer)})"
            for n, producer in self._source_names(item)
        ]
        return f"<em>{html.escape(text('brief.data_source'))}: {'; '.join(names)}.</em>"

    def _show_markdown(self, body: str) -> None:
        self._show_with(lambda display: display.Markdown(body))

    def _show_html(self, body: str) -> None:
        self._show_with(lambda display: display.HTML(body))

    def _show_summary(self, record: dict[str, Any]) -> None:
        plain = text(
            "brief.summary_plain",
            angka=len(record["key_figures"]),
            rekomendasi=len(record["recommendations"]),
        )
        bundle = {SUMMARY_MIMETYPE: record, "text/plain": plain}
        self._show_with(lambda display: _Raw(bundle))

    def _show(self, obj: Any) -> None:
        self._show_with(lambda display: obj)

    def _show_with(self, make: Callable[[Any], Any]) -> None:
        if not self.display:
            return
        from IPython import display

        display.display(make(display))


class _Raw:
    """An object displayed as exactly the given media bundle."""

    def __init__(self, bundle: dict[str, Any]) -> None:
        self.bundle = bundle

    def _repr_mimebundle_(self, **_: Any) -> dict[str, Any]:
        return self.bundle


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
