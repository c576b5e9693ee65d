"""Time the atlas against the usual way of making the same briefs.

Measured in one run, on a copy of the sample catalog:

(a) the usual way: the ``papermill`` command, then ``jupyter nbconvert --to
    html``, for each brief, one after another;
(b) ``minilab build --format html`` from cold, in parallel worker processes;
    then the PDF of every brief (``--format html,pdf``, HTML current);
(c) the same build again with nothing changed;
(d) the build after one dataset changed: which briefs were rebuilt, against
    the briefs that read that dataset.

Targets on a 2-core machine: (b) at least 3 times faster than (a); (c) under
3 s for the whole atlas; (d) exactly the briefs that read the dataset; every
HTML brief under 3 MB and every PDF under 2 MB. The figures are printed and
written to ``benchmarks/out/atlas.json``; they are measured here, not asserted
in the tests.

Usage::

    .venv/bin/python benchmarks/atlas.py [--tema T ...] [--wilayah W ...]
        [--changed target_rpjmd]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
BIN = Path(sys.executable).parent
SPEED_TARGET = 3.0
UNCHANGED_TARGET_S = 3.0
HTML_LIMIT_MB = 3.0
PDF_LIMIT_MB = 2.0


def run(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    """Seconds the command took; stops the benchmark if it fails."""
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr}")
    return seconds


def usual_way(jobs: list, env: dict[str, str], scratch: Path) -> float:
    """(a) papermill, then nbconvert, per brief, one after another."""
    from lab_lib.paper import theme_notebook

    total = 0.0
    for job in jobs:
        executed = scratch / f"{job.tema}-{job.kode}.ipynb"
        total += run(
            [
                str(BIN / "papermill"),
                str(theme_notebook(job.tema)),
                str(executed),
                "-p",
                "wilayah",
                job.kode,
                "-p",
                "tahun",
                str(job.tahun),
                "-p",
                "bahasa",
                job.bahasa,
                "--no-progress-bar",
            ],
            env,
            cwd=scratch,
        )
        total += run(
            [str(BIN / "jupyter-nbconvert"), "--to", "html", str(executed)],
            env,
            cwd=scratch,
        )
    return total


def built_at(state: Path) -> dict[str, str]:
    briefs = json.loads(state.read_text(encoding="utf-8"))["briefs"]
    return {key: record.get("built_at", "") for key, record in briefs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tema", action="append", default=[])
    parser.add_argument("--wilayah", action="append", default=[])
    parser.add_argument("--changed", default="target_rpjmd", help="dataset to touch")
    args = parser.parse_args()

    from lab_lib import atlas, catalog

    jobs = atlas.plan(args.tema, args.wilayah)
    filters = [f"--tema={t}" for t in args.tema]
    filters += [f"--wilayah={w}" for w in args.wilayah]
    with tempfile.TemporaryDirectory(prefix="minilab-bench-") as folder:
        scratch = Path(folder)
        data = scratch / "data"
        shutil.copytree(
            Path(catalog.DEFAULT_CATALOG).parent / "sample",
            data,
            ignore=shutil.ignore_patterns("*.py", "*.md"),
        )
        out = scratch / "papers"
        usual = scratch / "usual"
        usual.mkdir()
        env = {**os.environ, "MINILAB_DATA": str(data)}
        minilab = [str(BIN / "minilab"), "build", *filters, "--out", str(out)]

        print(f"{len(jobs)} briefs, {os.cpu_count()} CPUs")
        a = usual_way(jobs, env, usual)
        print(f"(a) papermill + nbconvert, one by one: {a:8.1f} s")
        b = run([*minilab, "--format", "html"], env)
        print(f"(b) minilab build, cold:               {b:8.1f} s  ({a / b:.1f}x)")
        pdf = run([*minilab, "--format", "html,pdf"], env)
        print(f"    then the PDFs:                     {pdf:8.1f} s")
        c = run([*minilab, "--format", "html,pdf"], env)
        print(f"(c) again, nothing changed:            {c:8.2f} s")

        state = out / atlas.STATE_FILE
        records = json.loads(state.read_text(encoding="utf-8"))["briefs"]
        readers = sorted(
            key
            for key, record in records.items()
            if any(r["dataset"] == args.changed for r in record.get("reads", []))
        )
        before = built_at(state)
        changed_file = next(data.glob(f"{args.changed}.*"))
        with changed_file.open("a", encoding="utf-8") as stream:
            stream.write("\n")  # the same rows, other bytes
        d = run([*minilab, "--format", "html,pdf"], env)
        after = built_at(state)
        rebuilt = sorted(key for key in after if after[key] != before.get(key))
        print(
            f"(d) after changing {args.changed}:  {d:8.1f} s, "
            f"{len(rebuilt)} rebuilt, {len(readers)} read it, "
            f"{'the same briefs' if rebuilt == readers else 'NOT the same briefs'}"
        )

        html_mb = max(p.stat().st_size for p in out.rglob("*/*.html")) / 1e6
        pdf_mb = max(p.stat().st_size for p in out.rglob("*.pdf")) / 1e6
        print(f"largest HTML brief {html_mb:.2f} MB (< {HTML_LIMIT_MB} MB)")
        print(f"largest PDF brief  {pdf_mb:.2f} MB (< {PDF_LIMIT_MB} MB)")

    result = {
        "briefs": len(jobs),
        "cpus": os.cpu_count(),
        "usual_way_s": round(a, 2),
        "build_cold_s": round(b, 2),
        "speed_up": round(a / b, 2),
        "pdf_s": round(pdf, 2),
        "unchanged_s": round(c, 3),
        "changed_dataset": args.changed,
        "changed_s": round(d, 2),
        "rebuilt": rebuilt,
        "readers": readers,
        "rebuilt_exactly_the_readers": rebuilt == readers,
        "largest_html_mb": round(html_mb, 3),
        "largest_pdf_mb": round(pdf_mb, 3),
        "targets": {
            "speed_up": SPEED_TARGET,
            "unchanged_s": UNCHANGED_TARGET_S,
            "html_mb": HTML_LIMIT_MB,
            "pdf_mb": PDF_LIMIT_MB,
        },
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    OUT.mkdir(exist_ok=True)
    path = OUT / "atlas.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {path}")


if __name__ == "__main__":
    main()
