"""Where things happen: a world gazetteer, landmarks, countries and their adjectives.

The bundled data (``data/``): GeoNames' cities of more than 15,000 people
(``cities.tsv``), venues too small for that list (``venues.yaml``: Davos,
Camp David, Nusa Dua), landmarks that stand for their city (``landmarks.yaml``:
the White House, the Kremlin, Hyderabad House), countries with their short
names and adjectives (``countries.yaml``), and canonical names
(``places.yaml``: "New York City" is written "New York"). A site's own
``content/places.yaml`` comes first: its names, aliases and coordinates win.

Finding a name is not deciding a venue: ``Gazetteer.find`` reports every
place named; the engagement step decides which one is where it happened.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.content.gazetteer import DATA as SHARED  # cities.tsv, places.yaml
from generator.content.schema import as_mapping, opt_str, reject_unknown, req_str, str_list
from generator.content.yamlfile import parse_yaml, read_text
from generator.errors import TimelineError, display_path

DATA = Path(__file__).with_name("data")
PLACES_FILE = "places.yaml"
PLACE_FIELDS = ("name", "aliases", "country", "lat", "lon", "city", "description")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019.\-][^\W\d_]+)*\.?")

# Capitalised words that start a name-like run but are never people.
NOT_PEOPLE = frozenset("""
Affairs|Africa|Asia|Asia-Pacific|Atlantic|Bank|Bureau|Cabinet|Capital|Chamber|Commission|
Committee|Conference|Congress|Council|Court|Day|Defence|Defense|Department|Dialogue|Embassy|
Europe|European|Foreign|Forum|Government|Group|Gulf|High|House|Indo-Pacific|Middle|East|West|
Ministry|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|
May|June|July|August|September|October|November|December|Nations|National|News|Ocean|
Office|Organisation|Organization|Pacific|Parliament|Party|Partnership|Pentagon|Republic|
Security|Senate|State|States|Summit|Times|Treaty|Union|United|University|White|World|Olympics|
Winter|Covid|Covid-19|Twitter|Facebook|Instagram|Telegram|YouTube|Youtube|Hamas|Quad|NATO|
Olympic|Games|Agency|Service|Services|Press|Post|Daily|Herald|Tribune|Live|Express|Standard|
Palace|Hall|Hotel|Airport|Square|Street|Road|Avenue|Centre|Center|Kremlin|Region|Province|
Photo|Source|Image|Credit|Reuters|Getty|Pool|Minister|President|Ambassador|Secretary
""".replace("\n", "").split("|")) - {""}


_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L",
                          "đ": "d", "ı": "i", "œ": "oe", "þ": "th", "ð": "d"})


def place_key(name: str) -> str:
    """Names compared without case, accents, dots or apostrophe style."""
    if not name.isascii():
        text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
        name = "".join(c for c in text if not unicodedata.combining(c))
        name = re.sub("[\u2018\u2019\u02bb\u02bc`]", "'", name)
    return name.replace(".", "").casefold()


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(place_key(name)))


SMALL_TOWN = 100_000  # fewer people: a venue only when the article names its country


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capital: str | None = None


@dataclass(frozen=True)
class Place:
    """A city, venue or landmark; ``city`` is where a landmark or venue lies."""

    name: str
    country: str | None = None
    kind: str = "city"  # city | venue | landmark
    city: str | None = None
    population: int = 0
    lat: float | None = None
    lon: float | None = None

    @property
    def venue_city(self) -> str:
        """The name an entry's ``place:`` takes: the city, or the venue itself."""
        return self.city or self.name


@dataclass
class PlaceHit:
    place: Place
    start: int
    end: int
    text: str


@dataclass
class Gazetteer:
    """Every place name the converter knows, indexed by its first word."""

    countries: dict[str, Country] = field(default_factory=dict)
    _country_word: dict[str, str] = field(default_factory=dict)
    _first: dict[str, dict[tuple[str, ...], Place]] = field(default_factory=dict)
    _by_name: dict[str, Place] = field(default_factory=dict)
    _longest_first: dict[str, list[tuple[tuple[str, ...], Place]]] = field(default_factory=dict)

    def add(self, name: str, place: Place, strong: bool = False) -> None:
        """Index ``name`` for ``place``; a name already taken keeps its place unless
        ``strong`` (a site's own list, landmarks and venues beat towns of the same name)."""
        toks = _tokens(name)
        if not toks:
            return
        key = " ".join(toks)
        if key in self._by_name and not strong:
            return
        self._by_name[key] = place
        self._first.setdefault(toks[0], {})[toks] = place
        self._longest_first.pop(toks[0], None)
        if name.endswith(" Street"):
            self.add(name[:-len("Street")] + "St", place, strong)

    def lookup(self, name: str) -> Place | None:
        return self._by_name.get(" ".join(_tokens(name)))

    def canonical(self, name: str) -> str:
        found = self.lookup(name)
        return found.venue_city if found else name

    def country_of(self, word: str) -> str | None:
        """The country a word like 'US', 'Indian', "India's" or 'Kyrgyz Republic' names."""
        word = word.strip().removesuffix("'s").removesuffix("\u2019s")
        if not word:
            return None
        hit = self._country_word.get(word)  # short all-capital forms keep their case
        if hit:
            return hit
        if not word[:1].isupper():
            return None
        return self._country_word.get(place_key(word))

    def countries_named(self, text: str) -> set[str]:
        """Countries the text names ("Spain", "Spanish", "U.S."), or names a big city of."""
        out: set[str] = set()
        for m in re.finditer(r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}", text):
            words = m.group(0).split()
            for n in range(len(words), 0, -1):
                for i in range(len(words) - n + 1):
                    found = self.country_of(" ".join(words[i:i + n]).rstrip(".,"))
                    if found:
                        out.add(found)
        out |= {h.place.country for h in self.find(text) if h.place.population >= SMALL_TOWN}
        return out

    def capital_of(self, country: str) -> str | None:
        for c in self.countries.values():
            if c.name == country:
                return c.capital
        return None

    def is_place_word(self, word: str) -> bool:
        return self.lookup(word) is not None or self.country_of(word) is not None

    def find(self, text: str) -> list[PlaceHit]:
        """Every known place named in ``text`` (capitalised, longest name first)."""
        words = list(_WORD.finditer(text))
        keys = [re.sub(r"'s$", "", place_key(w.group(0)).rstrip(".")) for w in words]
        hits: list[PlaceHit] = []
        i = 0
        while i < len(words):
            w = words[i].group(0)
            bucket = self._bucket(keys[i]) if w[:1].isupper() else None
            hit = None
            for toks, place in bucket or ():
                n = len(toks)
                if tuple(keys[i:i + n]) == toks and self._tight(text, words, i, n):
                    hit = (n, place)
                    break
            if hit and (hit[1].kind == "city" and hit[1].name.casefold() in REGIONS or
                        self._inside_country(words, i, hit[0]) or
                        i and words[i - 1].group(0).casefold() in REGIONS and
                        text[words[i - 1].end():words[i].start()] == " "):
                hit = None  # "Southeast Asia" is not Asia in the Philippines; "Sri Lanka" not Lanka;
                # "America Latina" is no town of Latina
            if hit:
                n, place = hit
                start, end = words[i].start(), words[i + n - 1].end()
                hits.append(PlaceHit(place, start, end, text[start:end].rstrip(".")))
                i += n
            else:
                i += 1
        return hits

    def _bucket(self, first: str) -> list[tuple[tuple[str, ...], Place]] | None:
        found = self._longest_first.get(first)
        if found is None and first in self._first:
            found = sorted(self._first[first].items(), key=lambda tp: -len(tp[0]))
            self._longest_first[first] = found
        return found

    def _inside_country(self, words: list, i: int, n: int) -> bool:
        """The name is the end or start of a country's: "Sri Lanka", "Guinea-Bissau"."""
        name = " ".join(w.group(0) for w in words[i:i + n])
        before = words[i - 1].group(0) if i else ""
        after = words[i + n].group(0) if i + n < len(words) else ""
        tail = " ".join(w.group(0) for w in words[i + n:i + n + 2])  # "Sao Tome and Principe"
        return bool(before[:1].isupper() and self.country_of(f"{before} {name}")) or \
            bool(after[:1].isupper() and self.country_of(f"{name} {after}")) or \
            bool(after in ("and", "&") and self.country_of(f"{name} {tail}"))

    @staticmethod
    def _tight(text: str, words: list, i: int, n: int) -> bool:
        """The words of a name are next to each other, not across a sentence or comma."""
        for k in range(i, i + n - 1):
            gap = text[words[k].end():words[k + 1].start()]
            if gap.strip(" ") or len(gap) > 2:
                return False
        return True


def _load_yaml(name: str, folder: Path = DATA):
    path = folder / name
    if not path.exists():
        return None
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader",
                                                                     yaml.SafeLoader))


@functools.lru_cache(maxsize=1)
def _bundled() -> Gazetteer:
    gaz = Gazetteer()
    for code, c in (_load_yaml("countries.yaml") or {}).items():
        country = Country(code, c["name"], tuple(c.get("aliases") or ()),
                          tuple(c.get("adjectives") or ()), c.get("capital"))
        gaz.countries[code] = country
        for word in (country.name, *country.aliases, *country.adjectives):
            if len(word) <= 4 and word.replace(".", "").isupper():
                gaz._country_word[word] = country.name
            gaz._country_word.setdefault(place_key(word), country.name)
    code_name = {code: c.name for code, c in gaz.countries.items()}
    with (SHARED / "cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            name, code, pop, lat, lon = line.rstrip("\n").split("\t")
            name = re.sub("[\u2018\u2019\u02bb\u02bc]", "'", name)  # "Nuku'alofa", as the news writes it
            named = gaz._country_word.get(place_key(name))
            if named is not None and named != code_name.get(code):
                continue  # "Colombia", a town in Cuba: in the news the word is the country
            gaz.add(name, Place(name, code_name.get(code, code), "city", None, int(pop),
                                float(lat), float(lon)))
    for item in _load_yaml("venues.yaml") or []:
        place = Place(item["name"], item.get("country"), "venue")
        for n in (item["name"], *(item.get("aliases") or ())):
            gaz.add(n, place, strong=True)
    for item in _load_yaml("landmarks.yaml") or []:
        place = Place(item["name"], item.get("country"), "landmark", item.get("city"))
        for n in (item["name"], *(item.get("aliases") or ())):
            gaz.add(n, place, strong=True)
    for item in (_load_yaml(PLACES_FILE, SHARED) or {}).values():
        _add_canonical(gaz, item["name"], item.get("aliases") or [], item.get("country"),
                       item.get("lat"), item.get("lon"))
    return gaz


def _add_canonical(gaz: Gazetteer, name: str, aliases: list[str], country: str | None,
                   lat: float | None = None, lon: float | None = None) -> None:
    known = gaz.lookup(name) or next((gaz.lookup(a) for a in aliases if gaz.lookup(a)), None)
    place = Place(name, country or (known.country if known else None), "city", None,
                  known.population if known else 0,
                  lat if lat is not None else (known.lat if known else None),
                  lon if lon is not None else (known.lon if known else None))
    for n in (name, *aliases):
        gaz.add(n, place, strong=True)


# Continents and world regions that GeoNames also has as towns ("Asia" in the Philippines).
REGIONS = {"asia", "europe", "africa", "america", "americas", "oceania", "antarctica", "arctic",
           "pacific", "atlantic", "caribbean", "balkans", "sahel", "levant", "maghreb", "eurasia"}


def _degrees(fields, key: str, shown: str) -> float | None:
    """A coordinate as written ("46.2", the registries' YAML keeps scalars as text)."""
    value = fields.get(key)
    if value is None:
        return None
    try:
        if isinstance(value, bool):
            raise ValueError
        return float(value)
    except (TypeError, ValueError):
        raise TimelineError(f"'{key}' must be a number (degrees), not {value!r}", shown,
                            fields.line_of(key)) from None


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The bundled gazetteer with a site's ``places.yaml`` (if any) on top."""
    base = _bundled()
    if path is None or not path.exists():
        return base
    gaz = Gazetteer(dict(base.countries), dict(base._country_word),
                    {k: dict(v) for k, v in base._first.items()}, dict(base._by_name))
    shown = display_path(path)
    data = parse_yaml(read_text(path), shown)
    if data is None:
        return gaz
    data = as_mapping(data, shown, 1, "the places registry")
    for item_id, raw in data.items():
        line = data.line_of(item_id)
        fields = as_mapping(raw, shown, line, f"place '{item_id}'")
        reject_unknown(fields, PLACE_FIELDS, shown, "place")
        coords = [_degrees(fields, key, shown) for key in ("lat", "lon")]
        if coords[0] is not None and not -90 <= coords[0] <= 90 or \
                coords[1] is not None and not -180 <= coords[1] <= 180:
            raise TimelineError("'lat' must be within -90..90 and 'lon' within -180..180",
                                shown, line)
        _add_canonical(gaz, req_str(fields, "name", shown), str_list(fields, "aliases", shown),
                       opt_str(fields, "country", shown), coords[0], coords[1])
    return gaz


def default_gazetteer() -> Gazetteer:
    return _bundled()


def country_of(word: str) -> str | None:
    return _bundled().country_of(word)


def is_place_word(name: str) -> bool:
    return _bundled().is_place_word(name)


def is_city(name: str) -> bool:
    return _bundled().lookup(name) is not None
