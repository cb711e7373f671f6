"""The world gazetteer that the converter and the builder share (``data/``).

``cities.tsv`` (the converter's, one city per name) and ``city_keys.tsv`` (the
builder's: every city, keyed and sorted) are GeoNames' cities of more than
15,000 people, written by ``data/make_cities.py``; ``places.yaml`` is the list
of canonical names ("Bombay" is written "Mumbai"), with a country and at times
coordinates. A site's own ``content/places.yaml`` comes first wherever it is read.

The builder looks up only the names a site uses: ``cities_named`` bisects the
sorted lines, so a build that needs ten names reads the file once and parses
ten lines. ``locate`` never guesses between two cities of one name: see there.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from generator.content.slugs import slugify

DATA = Path(__file__).resolve().with_name("data")
CITY_KEYS = DATA / "city_keys.tsv"
CANONICAL_FILE = DATA / "places.yaml"

Coordinates = tuple[float, float]  # (lat, lon) in degrees

# Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "ł": "l", "đ": "d", "ı": "i", "œ": "oe",
                          "þ": "th", "ð": "d", "ħ": "h", "\u02bb": "-", "\u02bc": "-"})
_DASHES = re.compile("-{2,}")


@functools.lru_cache(maxsize=65536)
def city_key(name: str) -> str:
    """A name as a page name without accents: "São Paulo" and "Sao Paulo" are
    ``sao-paulo``. Depends only on the name's slug, so two spellings of one
    place page always find the same cities."""
    slug = slugify(name)
    if slug.isascii():
        return slug
    text = unicodedata.normalize("NFKD", slug.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _DASHES.sub("-", text).strip("-")


@dataclass(frozen=True)
class City:
    country: str  # ISO 3166-1 alpha-2, upper case
    lat: float
    lon: float
    capital: bool  # the capital of a country (not of a territory or a province)

    @property
    def coordinates(self) -> Coordinates:
        return (self.lat, self.lon)


@functools.lru_cache(maxsize=1)
def _lines() -> list[str]:
    """The lines of ``city_keys.tsv``, its header first (sorted by key; see there)."""
    return CITY_KEYS.read_text(encoding="utf-8").split("\n")


@functools.lru_cache(maxsize=None)
def cities_named(key: str) -> tuple[City, ...]:
    """Every city whose name makes ``key`` (see ``city_key``)."""
    if not key:
        return ()
    lines, prefix = _lines(), key + "\t"
    found = []
    i = bisect_left(lines, prefix, lo=1)
    while i < len(lines) and lines[i].startswith(prefix):
        _, country, lat, lon, capital = lines[i].split("\t")
        found.append(City(country, float(lat), float(lon), capital == "1"))
        i += 1
    return tuple(found)


@dataclass(frozen=True)
class Located:
    """Where a place is, if one city answers; ``shared`` when a name it was
    looked up by belongs to several cities and nothing said which."""

    coordinates: Coordinates | None = None
    shared: bool = False


def locate(names: Iterable[str], country: str | None = None) -> Located:
    """The city that ``names`` (a place's name, then its other names) stand for.

    A name answers when one city has it (in ``country``, an alpha-2 code, when
    given), or when one of the cities that have it is a country's capital: a
    capital's name alone means the capital ("Paris", not Paris in Texas), as
    the news writes it. A name that several cities share otherwise answers
    nothing (Hyderabad in India and in Pakistan): no guess. The first name
    that answers wins.
    """
    shared = False
    for name in names:
        found = cities_named(city_key(name))
        if country:
            found = tuple(c for c in found if c.country == country.upper())
        if len(found) > 1:
            capitals = [c for c in found if c.capital]
            if len(capitals) != 1:
                shared = True
                continue
            found = (capitals[0],)
        if found:
            return Located(found[0].coordinates)
    return Located(None, shared)


@dataclass(frozen=True)
class CanonicalPlace:
    """An item of a places list: the name entries should write, the other
    names, its country as written, and coordinates when the list gives them."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def coordinates(self) -> Coordinates | None:
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)


@functools.lru_cache(maxsize=1)
def canonical_places() -> tuple[CanonicalPlace, ...]:
    """The bundled list of canonical names (``data/places.yaml``), in its order."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(CANONICAL_FILE.read_text(encoding="utf-8"), Loader=loader) or {}
    return tuple(CanonicalPlace(str(item["name"]), tuple(str(a) for a in item.get("aliases") or ()),
                                item.get("country"), _number(item.get("lat")),
                                _number(item.get("lon")))
                 for item in data.values())


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None
