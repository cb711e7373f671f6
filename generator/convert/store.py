"""The entries already in the output folder: what was converted, what to merge into.

An article is "already converted" when an entry cites it by fingerprint or URL
(or by file name, for sources a person typed in by hand). An engagement is
"already entered" when an entry has a compatible date, the same place (or
none), a kind of the same family, and the same forum or overlapping
participants.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.dates import FuzzyDate
from generator.content.entries import parse_entry
from generator.content.loader import entry_files
from generator.content.model import Entry
from generator.content.yamlfile import read_text
from generator.convert.engagements import Engagement
from generator.convert.extract import Record, Registries
from generator.convert.people import fold, office_clash
from generator.errors import Problem, TimelineError, display_path

_FAMILY = {"meeting": "met", "summit": "met", "visit": "visit", "other": "met",
           "call": "call", "video call": "call", "statement": "statement"}


@dataclass
class Stored:
    path: Path
    entry: Entry


@dataclass
class Store:
    """Entries under ``root`` (the ``--out`` folder), refreshed as the run writes."""

    root: Path
    items: list[Stored] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def scan(cls, root: Path) -> "Store":
        store = cls(root)
        for path in entry_files(root):
            store.add(path)
        return store

    def add(self, path: Path) -> None:
        """Read (or read again) one entry file; unreadable files are noted and left alone."""
        self.items = [s for s in self.items if s.path != path]
        shown = display_path(path)
        try:
            entry = parse_entry(read_text(path), path.relative_to(self.root).as_posix(), shown)
        except (TimelineError, OSError, UnicodeDecodeError) as exc:
            self.problems.append(Problem(f"not used for merging: {exc}", shown, None, "warning"))
            return
        self.items.append(Stored(path, entry))

    def converted(self, record: Record) -> Stored | None:
        """The entry that already cites this article, if any."""
        base = os.path.basename(record.file) if record.file else None
        for s in self.items:
            for src in s.entry.sources:
                if src.fingerprint and src.fingerprint == record.fingerprint:
                    return s
                if record.url and src.url and src.url.rstrip("/") == record.url.rstrip("/"):
                    return s
                if base and not src.fingerprint and src.file and \
                        os.path.basename(src.file) == base:
                    return s
        return None

    def match(self, eng: Engagement, reg: Registries,
              record: Record | None = None) -> tuple[Stored, str] | None:
        """The existing entry for the same engagement, and why it is the same; None when
        none is. The same engagement: a compatible date, the same kind of contact, the same
        place or none, the same people (one report may name fewer of them), and no other
        forum. Two meetings on one day in one city with other people stay apart."""
        if eng.date is None:
            return None
        ids = {_person_key(m.name, reg) for m in eng.participants}
        forums = {_forum_key(f, reg) for f in eng.forums}
        mine = record.fingerprint if record is not None else None
        best: tuple[tuple, Stored, str] | None = None
        for s in self.items:
            e = s.entry
            if mine and any(src.fingerprint == mine for src in e.sources):
                continue  # the same article's other engagements are others
            guessed = (eng.draft or e.draft) and e.date.month is not None and \
                e.date.month == eng.date.month and (e.date.day is None or e.date.day == eng.date.day)
            undated = placeholder(eng.draft, eng.date) or placeholder(e.draft, e.date)
            if not e.date.compatible(eng.date) and not guessed and not undated:
                continue  # (an article with no year: the same day of a year is enough)
            if _FAMILY.get(e.kind, "met") != _FAMILY.get(eng.kind, "met"):
                continue
            if e.place and eng.place and fold(e.place) != fold(eng.place):
                continue
            theirs = {_person_key(p, reg) for p in e.people}
            their_forums = {_forum_key(f, reg) for f in e.forums}
            if forums and their_forums and not forums & their_forums:
                continue
            common = ids & theirs
            same_people = bool(common) and (ids <= theirs or theirs <= ids) and \
                (len(common) >= 2 or len(ids) == len(theirs) == 1 or
                 _slot_filled(eng, e, common, reg))
            if not same_people or undated and (len(common) < 2 or ids != theirs and not (e.place and eng.place)):
                continue  # an undated report must name the same two or more people, or some of them
                # at the same place
            reason = ["no date of its own (its article gives none)" if undated else
                      f"{e.date.iso()[5:]} of a year this article does not give" if guessed and
                      e.date != eng.date else
                      f"{e.date.iso()} and {eng.date.iso()}" if e.date != eng.date else
                      f"the same day ({eng.date.iso()})",
                      "the same people (" + ", ".join(sorted(m.name for m in eng.participants
                                                             if _person_key(m.name, reg) in common)) + ")"]
            if len(common) == 1 and len(ids) != len(theirs):
                named = [m.name for m in eng.participants if _person_key(m.name, reg) not in common] or \
                    [p for p in e.people if _person_key(p, reg) not in common]
                reason.append(f"the counterpart one report leaves unnamed is {', '.join(named)}: add them "
                              "to people if so")
            if e.place and eng.place:
                reason.append(f"the same place ({eng.place})")
            score = (len(common), ids == theirs, e.date.precision == eng.date.precision,
                     bool(e.place and eng.place))  # (the very same people before a part of them)
            if best is None or score > best[0]:
                best = (score, s, ", ".join(reason))
        return (best[1], best[2]) if best else None


_UNNAMED = re.compile(r"the counterpart from ([\w ,'-]+?)(?: \(([^)]*)\))? is not named")


def _slot_filled(eng: Engagement, entry: Entry, common: set[str], reg: Registries) -> bool:
    """One report names "China's top diplomat" only, the other Wang Yi: the same two sides when
    the one left unnamed is of the named one's country."""
    if len(common) != 1 or entry.date != eng.date or entry.kind != eng.kind:
        return False  # (only the very same day and kind: a name is all that differs)
    slots = [m for r in entry.review for m in [_UNNAMED.search(r)] if m]
    if len(entry.people) == 1 and slots:
        others = [m for m in eng.participants if _person_key(m.name, reg) not in common]
        return len(others) == 1 and others[0].country in slots[0].group(1).split(", ") and \
            _may_hold(others[0].person, slots[0].group(2), eng, reg)
    if len(eng.participants) == 1 and eng.counterparts:
        others = [p for p in entry.people if _person_key(p, reg) not in common]
        person = reg.known_people.items.get(others[0]) or reg.known_people.lookup(others[0]) if others else None
        return len(others) == 1 and person is not None and person.country in eng.counterparts and \
            _may_hold(person.id, eng.slot_office, eng, reg)
    return False


def _may_hold(person: str, office: str | None, eng: Engagement, reg: Registries) -> bool:
    """The named one could be the one the other report called "top diplomat" (no office said:
    anyone of that country could)."""
    roles = reg.index.roles_on(person, eng.date) if office else []
    return not office or not roles or any(not office_clash(role, office) for role in roles)


def _person_key(name: str, reg: Registries) -> str:
    """One key for every way an entry or the converter writes a person (ids, names, aliases
    of the site's registry and of the reference list)."""
    people = reg.known_people
    person = people.items.get(name) or people.lookup(name)
    return person.id if person else fold(name)


def _forum_key(name: str, reg: Registries) -> str:
    forum = reg.known_forums.lookup(name)
    return forum.id if forum else fold(name)


def placeholder(draft: bool, date: FuzzyDate) -> bool:
    """A draft's bare year: the converter's stand-in when nothing in the article is dated."""
    return draft and date.precision == "year"


def more_precise(new: FuzzyDate, old: FuzzyDate) -> bool:
    rank = {"year": 0, "month": 1, "day": 2}
    return rank[new.precision] > rank[old.precision] and old.contains(new)
