"""The plain data the rest of the program passes around."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from generator.content.dates import FuzzyDate

KINDS = ("meeting", "call", "video call", "summit", "visit", "statement", "other")


@dataclass(frozen=True)
class Role:
    title: str
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None

    def held_on(self, when: FuzzyDate) -> bool:
        """True when the role covers ``when`` (open ends always match)."""
        if self.start and when.last_day() < self.start.first_day():
            return False
        if self.end and when.first_day() > self.end.last_day():
            return False
        return True


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    description: str | None = None
    unconfirmed: bool = False
    registered: bool = True  # False for names that appear only in entries
    country_line: int = 0  # line of ``country`` in the registry, for warnings


@dataclass
class Forum:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    kind: str | None = None
    members: list[str] = field(default_factory=list)
    registered: bool = True


@dataclass(frozen=True)
class Source:
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: FuzzyDate | None = None
    agency: str | None = None
    file: str | None = None  # local copy the entry was taken from
    fingerprint: str | None = None  # set by the converter to recognise a re-run

    @property
    def credit(self) -> str:
        """Who else the source names, for after its link: the outlet (when the
        link text is the title) and the agency, e.g. ``Example News / Reuters``."""
        return " / ".join(x for x in (self.outlet if self.title else None, self.agency) if x)


@dataclass
class Entry:
    """One engagement, as written in ``content/entries/...md``."""

    path: str  # relative to the content folder, with forward slashes
    slug: str
    title: str
    date: FuzzyDate
    kind: str = "meeting"
    people: list[str] = field(default_factory=list)  # person ids, resolved
    mentioned: list[str] = field(default_factory=list)
    forums: list[str] = field(default_factory=list)  # forum ids, resolved
    place: str | None = None
    summary: str | None = None
    sources: list[Source] = field(default_factory=list)
    draft: bool = False
    scheduled: bool = False  # announced, not yet held when the source was written
    review: list[str] = field(default_factory=list)
    body: str = ""  # Markdown
    body_line: int = 1  # line of the file where the body starts
    extra: dict = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # field -> line in the file
    digest: str = ""  # hash of the file's bytes: what caches and page fingerprints key on

    @functools.cached_property
    def sort_key(self) -> tuple:
        return (self.date.sort_key, self.title.casefold(), self.slug)

    @functools.cached_property
    def cache_key(self) -> str:
        """Names this entry's file and bytes; "" when it was not read from a file."""
        return f"{self.path}\0{self.digest}\0{self.slug}" if self.digest else ""
