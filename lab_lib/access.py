"""Accessibility: straight-line distance to the nearest facility.

Terms used in this module:

asal (origin)
    A place people travel from: a kecamatan, taken at the centroid given in
    its ``lat``/``lon`` columns, or a desa point.
tujuan (destination)
    A facility people travel to, e.g. a port (*pelabuhan*), an airport
    (*bandara*) or a hospital (*rumah sakit*), from the ``fasilitas`` points.
jarak garis lurus
    Straight-line (Euclidean) distance between two points in a projected
    coordinate reference system, in km. It is a lower bound of the travel
    distance: North Maluku is an archipelago, and the nearest facility in a
    straight line may lie across the sea or on another island.

The projection
--------------
Distances are measured in UTM zone 52N (EPSG:32652, central meridian
129°E), the zone that holds most of the province and the one the sample
data are built in. The province reaches west to about 124.3°E (Pulau
Taliabu), 4.7° outside the zone's centre, where the Transverse Mercator
scale factor :math:`k \\approx k_0 (1 + \\tfrac{1}{2}(\\Delta\\lambda
\\cos\\varphi)^2)` with :math:`k_0 = 0.9996` grows to about 1.003. So
distances read from −0.04 % (near 129°E) to +0.3 % (far west) of the true
geodesic length: under 1 km over 300 km, well inside the uncertainty of a
centroid as a place of residence. :data:`PROVINCE_TM`, a Transverse
Mercator centred on 127°E, halves the worst case to about 0.13 %; pass it
as ``crs`` when that matters.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from lab_lib import messages
from lab_lib.errors import DataValidationError

__all__ = ["DEFAULT_CRS", "PROVINCE_TM", "access_table", "nearest_distance"]

DEFAULT_CRS = "EPSG:32652"
PROVINCE_TM = (
    "+proj=tmerc +lat_0=0 +lon_0=127 +k=1 +x_0=500000 +y_0=0 "
    "+datum=WGS84 +units=m +no_defs"
)
WGS84 = "EPSG:4326"
METHOD = "garis_lurus"


_SHOWN = 5
_ROW_KEYS = ("kode", "id_fasilitas", "id", "nama")


def nearest_distance(
    origins: pd.DataFrame,
    destinations: pd.DataFrame,
    *,
    crs: str = DEFAULT_CRS,
    id_column: str | None = "id_fasilitas",
    name_column: str | None = "nama",
) -> pd.DataFrame:
    """Straight-line distance from each origin to its nearest destination.

    .. math::

        d_i = \\min_j \\sqrt{(x_i - x_j)^2 + (y_i - y_j)^2} / 1000

    in km, with :math:`(x, y)` the coordinates in metres in ``crs``. Ties go
    to one of the equally near destinations.

    Parameters
    ----------
    origins, destinations : DataFrame
        Points as ``lon``/``lat`` columns (degrees, WGS 84), used when present,
        or as a GeoDataFrame of points in any CRS. A kecamatan table with
        polygons and ``lon``/``lat`` is measured from ``lon``/``lat``.
    crs : str
        Projected CRS in metres to measure in; see the module notes on the
        default, UTM 52N.
    id_column, name_column : str or None
        Columns of ``destinations`` to report; None for the index as id, or
        for no name.

    Returns
    -------
    DataFrame
        Indexed like ``origins``: ``jarak_km``, ``id_tujuan`` and (with a
        name column) ``nama_tujuan``. ``attrs["crs"]`` names the CRS of the
        measurement and ``attrs["metode"]`` is ``"garis_lurus"``.

    Raises
    ------
    DataValidationError
        An empty table, missing coordinates (naming the rows), geometry that
        is not points or has no CRS, a missing id or name column, or a CRS
        that is not projected in metres.

    References
    ----------
    Snyder, J. P. (1987). *Map Projections: A Working Manual*. USGS
    Professional Paper 1395 (Transverse Mercator scale factor).

    Examples
    --------
    Two origins and two ports near the equator at 129°E, where UTM 52N is
    almost true to scale: 0.1° of longitude is about 11.1 km.

    >>> origins = pd.DataFrame({"lon": [129.0, 129.2], "lat": [0.0, 0.0]})
    >>> ports = pd.DataFrame({"id_fasilitas": ["P1", "P2"],
    ...                       "nama": ["Pelabuhan A", "Pelabuhan B"],
    ...                       "lon": [129.1, 129.5], "lat": [0.0, 0.0]})
    >>> result = nearest_distance(origins, ports)
    >>> result.round(2)
       jarak_km id_tujuan  nama_tujuan
    0     11.13        P1  Pelabuhan A
    1     11.13        P1  Pelabuhan A
    >>> result.attrs["crs"]
    'EPSG:32652'
    """
    import shapely

    # 1. Coordinates of both tables, projected to the measuring CRS.
    origin_role = messages.text("access.origin")
    target_role = messages.text("access.destination")
    _check_crs(crs)
    for column in (id_column, name_column):
        if column is not None and column not in destinations.columns:
            raise DataValidationError(
                "access.missing_columns", peran=target_role, kolom=f'"{column}"'
            )
    ox, oy = _projected(origins, origin_role, crs)
    dx, dy = _projected(destinations, target_role, crs)

    # 2. The nearest destination of each origin.
    tree = shapely.STRtree(shapely.points(dx, dy))
    pairs, distances = tree.query_nearest(
        shapely.points(ox, oy), return_distance=True, all_matches=False
    )
    nearest = np.empty(len(ox), dtype=np.int64)
    metres = np.empty(len(ox), dtype=float)
    nearest[pairs[0]] = pairs[1]
    metres[pairs[0]] = distances

    # 3. The table, with the CRS it was measured in.
    ids = destinations.index if id_column is None else destinations[id_column]
    result = pd.DataFrame(
        {"jarak_km": metres / 1000, "id_tujuan": np.asarray(ids)[nearest]},
        index=origins.index,
    )
    if name_column is not None:
        result["nama_tujuan"] = destinations[name_column].to_numpy()[nearest]
    result.attrs.update(crs=crs, metode=METHOD)
    return result


def access_table(
    kecamatan: pd.DataFrame,
    fasilitas: pd.DataFrame,
    kinds: Sequence[str] = ("pelabuhan", "bandara", "rumah_sakit"),
    *,
    crs: str = DEFAULT_CRS,
    names: bool = False,
) -> pd.DataFrame:
    """Distance from each kecamatan to the nearest facility of each kind.

    Parameters
    ----------
    kecamatan : DataFrame
        The ``wilayah_kecamatan`` table: ``kode``, ``lon``/``lat`` (or point
        geometry) and, when present, ``nama``.
    fasilitas : DataFrame
        The ``fasilitas`` points with ``jenis``, ``id_fasilitas`` and ``nama``.
    kinds : sequence of str
        Values of ``jenis`` to measure to, one column each.
    crs : str
        Projected CRS to measure in (see :func:`nearest_distance`).
    names : bool
        Also give the name of each nearest facility (``terdekat_<kind>``).

    Returns
    -------
    DataFrame
        Indexed by ``kode``: ``nama`` (when present) and ``jarak_<kind>_km``
        per kind, straight-line km; ``attrs`` as in :func:`nearest_distance`.

    Raises
    ------
    DataValidationError
        As :func:`nearest_distance`; also when ``kecamatan`` has no ``kode``
        column, ``fasilitas`` no ``jenis`` column, or a kind has no facility.

    References
    ----------
    IOGP. *EPSG Geodetic Parameter Dataset*, code 32652: WGS 84 / UTM zone
    52N (https://epsg.org). Snyder, J. P. (1987). *Map Projections: A Working
    Manual*. USGS Professional Paper 1395 (Transverse Mercator).

    Examples
    --------
    >>> kecamatan = pd.DataFrame({"kode": ["82.08.01"], "nama": ["Sanana"],
    ...                           "lon": [125.98], "lat": [-2.06]})
    >>> fasilitas = pd.DataFrame({
    ...     "id_fasilitas": ["PLB-1", "RS-1"], "nama": ["Pelabuhan", "RSUD"],
    ...     "jenis": ["pelabuhan", "rumah_sakit"],
    ...     "lon": [125.98, 126.00], "lat": [-2.05, -2.06]})
    >>> access_table(kecamatan, fasilitas, ["pelabuhan", "rumah_sakit"]).round(2)
                nama  jarak_pelabuhan_km  jarak_rumah_sakit_km
    kode
    82.08.01  Sanana                1.11                  2.23
    """
    role = messages.text("access.destination")
    if "jenis" not in fasilitas.columns:
        raise DataValidationError("access.missing_columns", peran=role, kolom='"jenis"')
    if "kode" not in kecamatan.columns:
        raise DataValidationError(
            "access.missing_columns",
            peran=messages.text("access.origin"),
            kolom='"kode"',
        )
    table = pd.DataFrame(index=pd.Index(kecamatan["kode"], name="kode"))
    if "nama" in kecamatan.columns:
        table["nama"] = kecamatan["nama"].to_numpy()
    for kind in kinds:
        chosen = fasilitas[fasilitas["jenis"] == kind]
        if chosen.empty:
            present = ", ".join(sorted(map(str, fasilitas["jenis"].dropna().unique())))
            raise DataValidationError("access.no_kind", jenis=kind, tersedia=present)
        nearest = nearest_distance(kecamatan, chosen, crs=crs)
        table[f"jarak_{kind}_km"] = nearest["jarak_km"].to_numpy()
        if names:
            table[f"terdekat_{kind}"] = nearest["nama_tujuan"].to_numpy()
    table.attrs.update(crs=crs, metode=METHOD)
    return table


def _projected(frame: pd.DataFrame, role: str, crs: str) -> tuple[Any, Any]:
    """x and y in metres in ``crs`` of the points in ``frame``."""
    if frame.empty:
        raise DataValidationError("access.empty", peran=role)
    if {"lon", "lat"} <= set(frame.columns):
        x = pd.to_numeric(frame["lon"], errors="coerce").to_numpy(float)
        y = pd.to_numeric(frame["lat"], errors="coerce").to_numpy(float)
        missing = np.isnan(x) | np.isnan(y)
        source, columns = WGS84, "lon/lat"
    elif "geometry" in frame.columns and hasattr(frame, "crs"):
        x, y, missing = _point_coordinates(frame, role)
        source, columns = frame.crs.to_string(), "geometry"
    else:
        raise DataValidationError("access.no_coordinates", peran=role)
    if missing.any():
        raise DataValidationError(
            "access.missing_coordinates",
            peran=role,
            baris=_rows(frame, missing),
            kolom=columns,
        )
    return _transformer(source, crs).transform(x, y)


def _point_coordinates(frame: Any, role: str) -> tuple[Any, Any, Any]:
    import shapely

    if frame.crs is None:
        raise DataValidationError("access.no_crs", peran=role)
    shapes = np.asarray(frame.geometry.array, dtype=object)
    missing = shapely.is_missing(shapes) | shapely.is_empty(shapes)
    not_points = ~missing & (shapely.get_type_id(shapes) != shapely.GeometryType.POINT)
    if not_points.any():
        raise DataValidationError(
            "access.not_points", peran=role, baris=_rows(frame, not_points)
        )
    return shapely.get_x(shapes), shapely.get_y(shapes), missing


@cache
def _transformer(source: str, target: str) -> Any:
    from pyproj import Transformer

    return Transformer.from_crs(source, target, always_xy=True)


@cache
def _check_crs(crs: str) -> None:
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        parsed = CRS.from_user_input(crs)
    except CRSError as exc:
        cause = " ".join(str(exc).split())[:200]
        raise DataValidationError("access.bad_crs", crs=crs, sebab=cause) from None
    unit = parsed.axis_info[0].unit_name if parsed.axis_info else ""
    if not parsed.is_projected or unit != "metre":
        cause = messages.text("access.crs_not_metres")
        raise DataValidationError("access.bad_crs", crs=crs, sebab=cause)


def _rows(frame: pd.DataFrame, mask: Any) -> str:
    """ "5 (82.01.05), 9 (82.02.01) …": index labels with the row's code."""
    picked = frame[np.asarray(mask, dtype=bool)].head(_SHOWN)
    key = next((k for k in _ROW_KEYS if k in frame.columns), None)
    codes = picked[key].tolist() if key else [None] * len(picked)
    shown = [
        f"{label} ({code})" if key else str(label)
        for label, code in zip(picked.index, codes, strict=True)
    ]
    more = int(np.asarray(mask, dtype=bool).sum()) > _SHOWN
    return ", ".join(shown) + (" …" if more else "")
