"""Places: which spellings are one place, and where each place is.

A site's ``content/places.yaml`` names places (``name``), the other ways
entries write them (``aliases``), their ``country`` and, if it likes, their
``lat`` and ``lon``. Behind it stands the bundled list of canonical names the
converter uses (``Bombay`` is ``Mumbai``; see ``gazetteer``), and behind both
the world gazetteer of GeoNames' cities.

``Places.page`` gives the page name of a place as an entry writes it: the
slug of its canonical name when either list knows the spelling ("Delhi" ->
``new-delhi``), else the spelling's own slug. ``Places.location`` gives where
a page's place is: the site's coordinates, else the bundled list's, else the
one city of the gazetteer that its names (within its country, when a list
gives one) stand for; never a guess between two cities of one name.

A problem in the site's file is a warning at its line: the converter, which
reads the same file, reports it as an error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from generator.content.countries import resolve_country
from generator.content.gazetteer import CanonicalPlace, Coordinates, canonical_places, locate
from generator.content.slugs import slugify
from generator.content.yamlfile import LineMap, parse_yaml, read_text
from generator.errors import Problem, TimelineError, display_path

PLACES_FILE = "places.yaml"
SITE, BUNDLED, GAZETTEER = "places.yaml", "bundled", "gazetteer"  # where coordinates came from


@dataclass(frozen=True)
class Location:
    """Where a place page's place is. ``source``: ``places.yaml`` (the site's
    file), ``bundled`` (the canonical list's coordinates) or ``gazetteer``;
    ``shared``: not placed because several cities have its name."""

    coordinates: Coordinates | None = None
    source: str | None = None
    shared: bool = False


class Places:
    """The site's places list over the bundled one; answers are kept, so each
    spelling and each page is worked out once."""

    def __init__(self, site: list[CanonicalPlace] | None = None) -> None:
        self.site = site or []
        self._site_ids = {id(item) for item in self.site}
        self._site_claims = _claims(self.site)
        self._bundled_claims: dict[str, CanonicalPlace] | None = None
        self._pages: dict[str, str] = {}
        self._records: dict[str, CanonicalPlace | None] = {}
        self._locations: dict[str, Location] = {}

    def _bundled(self) -> dict[str, CanonicalPlace]:
        if self._bundled_claims is None:
            self._bundled_claims = _claims(canonical_places())
        return self._bundled_claims

    def record(self, spelling: str) -> CanonicalPlace | None:
        """The list item a spelling belongs to: the site's first, then the
        bundled list's, unless the site claims one of that item's names."""
        slug = slugify(spelling)
        if slug in self._site_claims:
            return self._site_claims[slug]
        bundled = self._bundled().get(slug)
        if bundled is None:
            return None
        for name in bundled.names:
            if slugify(name) in self._site_claims:
                return self._site_claims[slugify(name)]
        return bundled

    def page(self, spelling: str | None) -> str:
        """The page name of a place as an entry writes it; "" for none."""
        if not spelling:
            return ""
        found = self._pages.get(spelling)
        if found is None:
            record = self.record(spelling)
            found = self._pages[spelling] = slugify(record.name) if record else slugify(spelling)
        return found

    def name(self, page: str) -> str | None:
        """The canonical name of a page's place, when a list gives one."""
        record = self._record_of(page)
        return record.name if record else None

    def _record_of(self, page: str) -> CanonicalPlace | None:
        if page not in self._records:
            self._records[page] = self.record(page)
            if self._records[page] and slugify(self._records[page].name) != page:
                self._records[page] = None  # an alias's slug is no page of its own
        return self._records[page]

    def location(self, page: str) -> Location:
        """Where the place of a page is (see the module's note)."""
        found = self._locations.get(page)
        if found is None:
            found = self._locations[page] = self._locate(page)
        return found

    def _locate(self, page: str) -> Location:
        record = self._record_of(page)
        if record is None:
            located = locate([page])
            return Location(located.coordinates, GAZETTEER if located.coordinates else None,
                            located.shared)
        is_site = id(record) in self._site_ids
        if record.coordinates:
            return Location(record.coordinates, SITE if is_site else BUNDLED)
        located = locate(record.names, _code(record.country))
        if located.coordinates:
            return Location(located.coordinates, GAZETTEER)
        bundled = self._bundled().get(slugify(record.name)) if is_site else None
        if bundled is not None:  # the site names a place the bundled list also knows
            if bundled.coordinates:
                return Location(bundled.coordinates, BUNDLED)
            behind = locate(bundled.names, _code(record.country or bundled.country))
            if behind.coordinates:
                return Location(behind.coordinates, GAZETTEER)
            return Location(None, None, located.shared or behind.shared)
        return Location(None, None, located.shared)


def _code(country: str | None) -> str | None:
    """The alpha-2 code of a list's country; None (no narrowing) when unknown."""
    found = resolve_country(country) if country else None
    return found.code if found else None


def _claims(items) -> dict[str, CanonicalPlace]:
    """Slug of every name and alias -> its item; the first item to claim a name keeps it."""
    claims: dict[str, CanonicalPlace] = {}
    for item in items:
        for name in item.names:
            slug = slugify(name)
            if slug:
                claims.setdefault(slug, item)
    return claims


def _degrees(fields: LineMap, key: str, limit: float) -> float | None:
    value = fields.get(key)
    if value is None or isinstance(value, bool):
        return None
    number = float(value)
    if not math.isfinite(number) or abs(number) > limit:
        raise ValueError(key)
    return number


def load_places(path: Path, warnings: list[Problem]) -> Places:
    """The site's ``places.yaml`` (if any) over the bundled list. Items without a
    usable name are skipped; bad coordinates are a warning and left out."""
    if not path.is_file():
        return Places()
    shown = display_path(path)
    try:
        data = parse_yaml(read_text(path), shown)
    except TimelineError as exc:
        warnings.append(Problem(f"places not read for the map: {exc.message}", shown, exc.line,
                                "warning"))
        return Places()
    items: list[CanonicalPlace] = []
    if not isinstance(data, LineMap):
        return Places()
    for item_id, fields in data.items():
        if not isinstance(fields, LineMap):
            continue
        lat = lon = None
        if fields.get("lat") is not None or fields.get("lon") is not None:
            try:
                lat, lon = _degrees(fields, "lat", 90), _degrees(fields, "lon", 180)
            except (TypeError, ValueError):
                warnings.append(Problem(f"place '{item_id}': 'lat' must be a number within "
                                        "-90..90 and 'lon' within -180..180", shown,
                                        fields.line_of("lat" if "lat" in fields else "lon"),
                                        "warning"))
            if (lat is None) != (lon is None):
                warnings.append(Problem(f"place '{item_id}': give both 'lat' and 'lon'", shown,
                                        fields.line_of("lat" if "lat" in fields else "lon"),
                                        "warning"))
        name = fields.get("name")
        if not isinstance(name, str) or not slugify(name):
            continue
        aliases = fields.get("aliases")
        aliases = tuple(str(a) for a in aliases) if isinstance(aliases, list) else ()
        country = fields.get("country")
        items.append(CanonicalPlace(name, aliases, country if isinstance(country, str) else None,
                                    lat, lon))
    return Places(items)
