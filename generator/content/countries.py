"""Countries: a person's ``country`` as written, resolved to ISO 3166-1.

Names, codes and official names come from ``pycountry`` (the ISO 3166 tables,
offline); ``ALIASES`` adds the usual short forms ("US", "U.K.", "Russia").
A country's page name is its lower-case alpha-2 code (``in``, ``us``); a pair
of countries is named by both codes in alphabetical order (``in-us``), so it
has one name whichever side is written first.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

import pycountry

from generator.content.model import Person
from generator.errors import Problem

# Usual names -> alpha-2, compared as ``country_key`` makes them.
ALIASES = {
    "us": "US", "usa": "US", "america": "US", "united states": "US",
    "united states of america": "US", "the united states": "US",
    "uk": "GB", "britain": "GB", "great britain": "GB", "united kingdom": "GB",
    "england": "GB", "russia": "RU", "south korea": "KR", "republic of korea": "KR",
    "korea": "KR", "north korea": "KP", "dprk": "KP", "turkey": "TR", "brunei": "BN",
    "palestine": "PS", "vatican": "VA", "vatican city": "VA", "holy see": "VA",
    "ivory coast": "CI", "cote divoire": "CI", "micronesia": "FM", "burma": "MM",
    "czech republic": "CZ", "macedonia": "MK", "cape verde": "CV", "swaziland": "SZ",
    "east timor": "TL", "drc": "CD", "dr congo": "CD",
    "democratic republic of the congo": "CD", "republic of the congo": "CG",
    "congo brazzaville": "CG", "uae": "AE", "emirates": "AE", "the netherlands": "NL",
    "holland": "NL", "the philippines": "PH", "the gambia": "GM", "the bahamas": "BS",
}
# Shorter names than ISO's for the page titles ("Russia", not "Russian Federation").
DISPLAY = {
    "RU": "Russia", "BN": "Brunei", "PS": "Palestine", "VA": "Vatican City",
    "CD": "DR Congo", "CG": "Republic of the Congo", "FM": "Micronesia",
    "VG": "British Virgin Islands", "VI": "US Virgin Islands", "GB": "United Kingdom",
    "US": "United States", "TR": "Turkey", "CZ": "Czech Republic",
}
_DROPPED = re.compile(r"[.'’,()]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Country:
    code: str  # lower-case ISO 3166-1 alpha-2: the page name
    name: str  # as the site shows it

    @property
    def id(self) -> str:
        return self.code


@dataclass(frozen=True)
class Relation:
    """Two countries that met, in the order of their codes."""

    a: Country
    b: Country

    @property
    def id(self) -> str:
        return pair_name(self.a.code, self.b.code)

    @property
    def name(self) -> str:
        return f"{self.a.name} and {self.b.name}"


def pair_name(first: str, second: str) -> str:
    """The page name of a pair of country codes, whichever comes first: ``in-us``."""
    if first == second:
        raise ValueError(f"a pair needs two countries, got {first!r} twice")
    return "-".join(sorted((first.lower(), second.lower())))


def country_key(name: str) -> str:
    """How names are compared: case, accents, dots, commas and spacing do not matter."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACE.sub(" ", _DROPPED.sub(lambda m: " " if m.group() in ",()" else "",
                                        text)).strip()


@functools.lru_cache(maxsize=4096)
def resolve_country(name: str) -> Country | None:
    """The country a name, code or usual alias stands for; None when unknown."""
    key = country_key(name)
    if not key:
        return None
    code = ALIASES.get(key) or _names().get(key)
    if code is None:
        return None
    return country_of_code(code)


@functools.lru_cache(maxsize=512)
def country_of_code(code: str) -> Country:
    record = pycountry.countries.get(alpha_2=code.upper())
    if record is None:
        raise KeyError(code)
    name = DISPLAY.get(record.alpha_2) or getattr(record, "common_name", None) or record.name
    return Country(record.alpha_2.lower(), name)


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every ISO name, official and common name and code, by key -> alpha-2."""
    found: dict[str, str] = {}
    for record in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(record, attr, None)
            if value:
                found.setdefault(country_key(value), record.alpha_2)
    for code, name in DISPLAY.items():
        found.setdefault(country_key(name), code)
    return found


@functools.lru_cache(maxsize=256)
def suggest_country(name: str) -> str | None:
    """The display name of the closest known country name, if any is close."""
    keys = [k for k in (*_names(), *ALIASES) if len(k) > 3]
    hits = difflib.get_close_matches(country_key(name), keys, n=1, cutoff=0.6)
    if not hits:
        return None
    code = ALIASES.get(hits[0]) or _names()[hits[0]]
    return country_of_code(code).name


def person_countries(people: list[Person], path: str | None,
                     warnings: list[Problem]) -> dict[str, Country]:
    """Person id -> country for every person whose ``country`` is known. Each
    unknown country is one warning, at the line of the first person who has
    it, with the closest known name."""
    found: dict[str, Country] = {}
    unknown: dict[str, list[Person]] = {}
    for person in people:
        if not person.country:
            continue
        country = resolve_country(person.country)
        if country is not None:
            found[person.id] = country
        else:
            unknown.setdefault(person.country, []).append(person)
    for written, who in unknown.items():
        hint = suggest_country(written)
        tip = f"; did you mean '{hint}'?" if hint else "; write its name as in ISO 3166"
        others = f" and {len(who) - 1} more" if len(who) > 1 else ""
        warnings.append(Problem(f"unknown country '{written}' of '{who[0].name}'{others}{tip}",
                                path, who[0].country_line or None, "warning"))
    return found
