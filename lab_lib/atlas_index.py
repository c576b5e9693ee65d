"""The index of the atlas: ``papers/index.html`` and ``papers/index.json``.

``index.html`` lists every brief with its theme, region, year, language,
status and build time, and links to its formats. It filters in the page with
a few lines of inline script, and loads nothing from the network.
``index.json`` holds the same plus, for each brief, its key figures and its
recommendations with the evidence (figures, tables) and datasets behind them,
for MARIMOI to ingest.
"""

from __future__ import annotations

import html
import json
import time
from pathlib import Path
from typing import Any

import lab_lib
from lab_lib import regions
from lab_lib.files import write_all_atomic
from lab_lib.messages import language, text

__all__ = ["entries", "write"]

_SUFFIXES = ("html", "pdf", "docx", "ipynb")


def _theme_title(tema: str, bahasa: str, cache: dict[str, dict]) -> str:
    from lab_lib.paper import themes_dir

    if tema not in cache:
        try:
            path = themes_dir() / f"{tema}.ipynb"
            nb = json.loads(path.read_text(encoding="utf-8"))
            cache[tema] = nb.get("metadata", {}).get("minilab", {}).get("title", {})
        except (OSError, ValueError):
            cache[tema] = {}
    titles = cache[tema]
    return titles.get(bahasa) or titles.get("id") or tema


def _region_name(kode: str) -> str:
    try:
        return regions.resolve_kabkota(kode).nama
    except Exception:  # a region dropped from the register since the build
        return kode


def entries(root: Path, records: dict[str, dict]) -> list[dict[str, Any]]:
    """One entry per brief known to the build state, with its files under ``root``.

    Briefs whose files have all been deleted are left out.
    """
    from lab_lib.paper import FAILED_SUFFIX

    titles: dict[str, dict] = {}
    found = []
    for key, record in sorted(records.items()):
        job = record["job"]
        files = {
            suffix: f"{key}.{suffix}"
            for suffix in _SUFFIXES
            if (root / f"{key}.{suffix}").is_file()
        }
        failed_notebook = f"{key}{FAILED_SUFFIX}"
        if (root / failed_notebook).is_file():
            files["gagal"] = failed_notebook
        if not files:
            continue
        summary = record.get("summary") or {}
        found.append(
            {
                "key": key,
                "tema": job["tema"],
                "judul": _theme_title(job["tema"], job["bahasa"], titles),
                "wilayah": {"kode": job["kode"], "nama": _region_name(job["kode"])},
                "tahun": job["tahun"],
                "bahasa": job["bahasa"],
                "status": record.get("status"),
                "error": record.get("error", ""),
                "built_at": record.get("built_at", ""),
                "seconds": record.get("seconds"),
                "sample": record.get("sample", False),
                "files": files,
                "key_figures": summary.get("key_figures", []),
                "recommendations": summary.get("recommendations", []),
                "datasets": [
                    {
                        key: item.get(key)
                        for key in (
                            "dataset",
                            "title",
                            "produsen",
                            "license",
                            "last_update",
                            "sha256",
                        )
                    }
                    for item in summary.get("datasets", [])
                ],
                "lab_lib_version": summary.get("lab_lib_version", ""),
            }
        )
    return found


def write(root: Path, records: dict[str, dict]) -> list[Path]:
    """Write ``index.json`` and ``index.html`` in ``root``, both atomically."""
    items = entries(root, records)
    generated = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    data = {
        "generated_at": generated,
        "lab_lib_version": lab_lib.__version__,
        "publisher": text("export.agency"),
        "briefs": items,
    }
    return write_all_atomic(
        {
            root / "index.json": json.dumps(data, indent=1, ensure_ascii=False),
            root / "index.html": _page(items, generated),
        }
    )


def _options(values: list[tuple[str, str]], label: str, name: str) -> str:
    choices = "".join(
        f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in values
    )
    return (
        f'<label>{html.escape(label)} <select data-filter="{name}">'
        f'<option value="">{html.escape(text("index.all"))}</option>{choices}'
        "</select></label>"
    )


def _row(item: dict[str, Any]) -> str:
    links = " ".join(
        f'<a href="{html.escape(path)}">{html.escape(text("index.file_" + kind))}</a>'
        for kind, path in item["files"].items()
    )
    ok = item["status"] == "built"
    status = text("index.ok") if ok else text("index.failed")
    note = "" if ok else f'<div class="error">{html.escape(item["error"])}</div>'
    seconds = item["seconds"]
    took = "" if seconds is None else f"{seconds:.1f} s".replace(".", ",")
    attributes = {
        "tema": item["tema"],
        "wilayah": item["wilayah"]["kode"],
        "tahun": str(item["tahun"]),
        "bahasa": item["bahasa"],
        "status": item["status"] or "",
    }
    data = " ".join(f'data-{k}="{html.escape(v)}"' for k, v in attributes.items())
    cells = [
        html.escape(item["judul"]),
        f"{html.escape(item['wilayah']['nama'])} "
        f'<span class="code">{html.escape(item["wilayah"]["kode"])}</span>',
        str(item["tahun"]),
        item["bahasa"],
        f'<span class="status {"ok" if ok else "bad"}">{status}</span>{note}',
        html.escape(item["built_at"].replace("T", " ")[:16]),
        took,
        links,
    ]
    return f"<tr {data}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _page(items: list[dict[str, Any]], generated: str) -> str:
    themes = sorted({(i["tema"], i["judul"]) for i in items})
    places = sorted({(i["wilayah"]["kode"], i["wilayah"]["nama"]) for i in items})
    years = sorted({str(i["tahun"]) for i in items})
    langs = sorted({i["bahasa"] for i in items})
    failed = sum(1 for i in items if i["status"] != "built")
    headers = text("index.columns").split("|")
    filters = "".join(
        [
            _options(themes, headers[0], "tema"),
            _options(places, headers[1], "wilayah"),
            _options([(y, y) for y in years], headers[2], "tahun"),
            _options([(b, b) for b in langs], headers[3], "bahasa"),
            _options(
                [("built", text("index.ok")), ("failed", text("index.failed"))],
                headers[4],
                "status",
            ),
        ]
    )
    rows = "\n".join(_row(i) for i in items)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    summary = text("index.summary", jumlah=len(items), gagal=failed)
    return f"""<!DOCTYPE html>
<html lang="{language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(text("index.title"))}</title>
<style>{_STYLE}</style>
</head>
<body>
<header>
<p class="agency">{html.escape(text("export.agency"))}</p>
<h1>{html.escape(text("index.title"))}</h1>
<p>{html.escape(summary)} {html.escape(text("index.generated"))}
{html.escape(generated.replace("T", " ")[:16])}.</p>
</header>
<form class="filters" onsubmit="return false">{filters}
<label>{html.escape(text("index.search"))} <input type="search" data-search></label>
<output id="shown"></output></form>
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
<script>{_SCRIPT}</script>
</body>
</html>
"""


_STYLE = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px;
color:#222}
.agency{color:#0b5563;font-weight:600;text-transform:uppercase;letter-spacing:.06em;
font-size:.85rem;margin-bottom:0}
h1{margin:.2em 0}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;margin:12px 0;align-items:end}
.filters label{display:flex;flex-direction:column;font-size:.85rem;color:#444}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f2f7f8}
.code{color:#666;font-size:.8rem}
.status.ok{color:#166534}.status.bad{color:#9a3412;font-weight:600}
.error{color:#9a3412;font-size:.8rem;max-width:28em}
td a{margin-right:6px}
td:nth-child(6),td:nth-child(7){white-space:nowrap}
@media print{.filters{display:none}}
"""

_SCRIPT = """
(function () {
  var selects = document.querySelectorAll("[data-filter]");
  var search = document.querySelector("[data-search]");
  var rows = document.querySelectorAll("tbody tr");
  var shown = document.getElementById("shown");
  function apply() {
    var words = search.value.toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var keep = true;
      selects.forEach(function (s) {
        if (s.value && row.dataset[s.dataset.filter] !== s.value) keep = false;
      });
      if (words && row.textContent.toLowerCase().indexOf(words) < 0) keep = false;
      row.hidden = !keep;
      if (keep) count += 1;
    });
    shown.textContent = count + " / " + rows.length;
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  apply();
})();
"""
