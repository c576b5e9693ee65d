"""Time the import of lab_lib and each analysis method on province-scale data.

Targets: ``import lab_lib`` under 0.5 s, and each method under 100 ms on
the sample catalog (10 kabupaten/kota, 118 kecamatan, 6 years, a few hundred
projects). The figures are printed and written to ``benchmarks/out/``; they
are measured here, not asserted in the tests.

Usage::

    .venv/bin/python benchmarks/methods.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
IMPORT_TARGET_S = 0.5
METHOD_TARGET_MS = 100.0


def time_import(repeat: int) -> float:
    """Median seconds for ``import lab_lib`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import lab_lib; "
    code += "print(time.perf_counter() - t)"
    runs = [
        float(subprocess.check_output([sys.executable, "-c", code], text=True))
        for _ in range(repeat)
    ]
    return statistics.median(runs)


def time_call(function: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of ``function()`` after one warm-up call."""
    function()
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def cases() -> dict[str, Callable[[], object]]:
    """The methods to time, each bound to the sample catalog's data."""
    from lab_lib import (
        access,
        catalog,
        disparity,
        economy,
        monitoring,
        regions,
        roads,
        services,
        targets,
    )

    road_segments = catalog.load("ruas_jalan")
    found: dict[str, Callable[[], object]] = {
        "regions.resolve (10 names)": lambda: [
            regions.resolve(r.nama_pendek) for r in regions.kabkota()
        ],
        "roads.kemantapan by year, kabkota, status": lambda: roads.kemantapan(
            road_segments, ["tahun", "kode_kabkota", "status"]
        ),
    }
    for builder, module in (
        (_disparity_cases, disparity),
        (_economy_cases, economy),
        (_targets_cases, targets),
        (_monitoring_cases, monitoring),
        (_services_cases, services),
        (_access_cases, access),
    ):
        found.update(builder(module))
    return found


def loads() -> dict[str, Callable[[], object]]:
    """Reading a dataset: timed for reference, not held to the method target."""
    from lab_lib import catalog

    return {
        "catalog.load ruas_jalan (read + validate)": lambda: catalog.load("ruas_jalan"),
        "catalog.load indikator (read + validate)": lambda: catalog.load("indikator"),
    }


def _indicators(year: int) -> object:
    from lab_lib import catalog

    data = catalog.load("indikator", tahun=year)
    wide = data.pivot(index="kode_wilayah", columns="indikator", values="nilai")
    return wide.drop(index="82")


def _disparity_cases(module: object) -> dict[str, Callable[[], object]]:
    wide = _indicators(2023)
    per_capita = wide["pdrb_per_kapita_adhb"]
    population = wide["jumlah_penduduk"]
    growth = wide["pertumbuhan_ekonomi"]
    islands = per_capita.index.isin(["82.05", "82.07", "82.08", "82.71"])
    groups = ["kepulauan" if flag else "halmahera" for flag in islands]
    return {
        "disparity.williamson": lambda: module.williamson(per_capita, population),
        "disparity.theil with groups": lambda: module.theil(
            per_capita, population, groups
        ),
        "disparity.klassen": lambda: module.klassen(
            growth, per_capita, growth.mean(), per_capita.mean(), in_percent=True
        ),
    }


def _economy_cases(module: object) -> dict[str, Callable[[], object]]:
    from lab_lib import catalog

    sectors = catalog.load("pdrb_lapangan_usaha", harga="ADHK")
    table = sectors.pivot_table(
        index="kode_lapangan_usaha",
        columns=["tahun", "kode_wilayah"],
        values="nilai",
    )
    codes = [c for c in table.columns.get_level_values(1).unique() if c != "82"]

    def all_regions(function: Callable[..., object]) -> list[object]:
        return [
            function(
                table[(2019, code)],
                table[(2024, code)],
                table[(2019, "82")],
                table[(2024, "82")],
            )
            for code in codes
        ]

    return {
        "economy.location_quotient (10 regions)": lambda: [
            module.location_quotient(table[(2024, c)], table[(2024, "82")])
            for c in codes
        ],
        "economy.shift_share (10 regions)": lambda: all_regions(module.shift_share),
        "economy.dynamic_location_quotient (10 regions)": lambda: all_regions(
            lambda *series: module.dynamic_location_quotient(*series, years=5)
        ),
    }


def _targets_cases(module: object) -> dict[str, Callable[[], object]]:
    from lab_lib import catalog

    ipm = catalog.load("indikator", indikator="ipm", wilayah="82")
    series = ipm.set_index("tahun")["nilai"]
    return {
        "targets.year_reached": lambda: module.year_reached(series, 75.0),
        "targets.status": lambda: module.status(71.8, 75.0, 2029, 2024, 2030),
        "targets.gap (series)": lambda: module.gap(series, series + 1.0),
        "targets.cagr": lambda: module.cagr(series.iloc[0], series.iloc[-1], 5),
    }


def _monitoring_cases(module: object) -> dict[str, Callable[[], object]]:
    from lab_lib import catalog

    projects = catalog.load("proyek")
    progress = catalog.load("progres_proyek")
    return {
        "monitoring.classify_projects (all)": lambda: module.classify_projects(
            projects, progress, "2024-12"
        ),
        "monitoring.s_curve (one project)": lambda: module.s_curve(
            progress, progress["id_proyek"].iloc[0]
        ),
        "monitoring.is_critical (every progress row)": lambda: [
            module.is_critical(planned, actual)
            for planned, actual in zip(
                progress["rencana_kumulatif_pct"],
                progress["realisasi_kumulatif_pct"],
                strict=True,
            )
        ],
    }


def _services_cases(module: object) -> dict[str, Callable[[], object]]:
    from lab_lib import catalog

    facilities = catalog.load("fasilitas")
    kecamatan = catalog.load("wilayah_kecamatan")
    counts = module.facility_counts(facilities, kecamatan)
    return {
        "services.facility_counts (118 kecamatan)": lambda: module.facility_counts(
            facilities, kecamatan
        ),
        "services.scalogram (118 kecamatan)": lambda: module.scalogram(counts),
        "services.centrality_index": lambda: module.centrality_index(counts),
    }


def _access_cases(module: object) -> dict[str, Callable[[], object]]:
    from lab_lib import catalog

    kecamatan = catalog.load("wilayah_kecamatan")
    facilities = catalog.load("fasilitas")
    return {
        "access.access_table (118 x 3 kinds)": lambda: module.access_table(
            kecamatan, facilities
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    # 1. Import time in fresh interpreters.
    import_s = time_import(args.repeat)

    # 2. Each method on the sample catalog.
    timings = {name: time_call(fn, args.repeat) for name, fn in cases().items()}
    reads = {name: time_call(fn, args.repeat) for name, fn in loads().items()}

    # 3. Report and keep the figures.
    print(f"import lab_lib: {import_s * 1000:.0f} ms (target < {IMPORT_TARGET_S} s)")
    for name, ms in timings.items():
        mark = "ok" if ms < METHOD_TARGET_MS else "SLOW"
        print(f"{name:55s} {ms:8.1f} ms  {mark}")
    for name, ms in reads.items():
        print(f"{name:55s} {ms:8.1f} ms  (data read, no target)")
    OUT.mkdir(exist_ok=True)
    result = {
        "python": sys.version.split()[0],
        "import_lab_lib_s": round(import_s, 4),
        "methods_ms": {k: round(v, 2) for k, v in timings.items()},
        "reads_ms": {k: round(v, 2) for k, v in reads.items()},
        "targets": {"import_s": IMPORT_TARGET_S, "method_ms": METHOD_TARGET_MS},
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    path = OUT / "methods.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {path}")


if __name__ == "__main__":
    main()
