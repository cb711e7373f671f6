"""Forums: the named format an engagement belongs to, versus forums merely named.

"Jaishankar and Blinken were in Melbourne for a meeting of the Quad foreign
ministers" places the meeting in the Quad; "cooperation at the Shanghai
Cooperation Organisation" only names the SCO. A forum belongs to the
engagement when the words around it make it a gathering (meeting, summit,
dialogue, sidelines...). The 2+2 format is also recognised from who met: both
countries' foreign and defence ministers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.content.dates import FuzzyDate
from generator.content.model import Forum, Person
from generator.content.registry import Registry
from generator.convert.people import fold

GATHERING = r"(?:meeting|meetings|summit|dialogue|talks|ministerial|ministers|conference|session|" \
            r"gathering|sidelines|margins|forum|consultations)"
_BEFORE = re.compile(rf"\b(?:{GATHERING}|sidelines|margins)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:annual\s+)?$",
                     re.I)
_AFTER = re.compile(rf"^[\"'\u201d\u2019]?(?:\s+[\w'\u2019-]+){{0,2}}?\s+{GATHERING}\b", re.I)
TWO_PLUS_TWO = "2+2 Dialogue"


@dataclass
class ForumHit:
    forum: str  # display name
    start: int
    end: int
    text: str
    gathering: bool  # the words make it a gathering, not just a name


class ForumIndex:
    def __init__(self, forums: Registry[Forum]):
        self.forums = forums
        names: list[tuple[str, str]] = []
        for f in forums:
            for n in {f.name, *f.aliases}:
                names.append((n, f.id))
        names.sort(key=lambda x: len(x[0]), reverse=True)
        self.patterns = [(re.compile(self._rx(n), 0 if len(n) <= 5 else re.I), fid, n)
                         for n, fid in names]

    @staticmethod
    def _rx(name: str) -> str:
        body = r"\s*".join(re.escape(p) for p in re.split(r"\s+", name.strip()))
        body = body.replace(r"\-", r"\s*-\s*")
        return rf"(?<![\w+]){body}(?![\w+])"

    def find(self, text: str) -> list[ForumHit]:
        hits: list[ForumHit] = []
        for rx, fid, _ in self.patterns:
            for m in rx.finditer(text):
                if any(h.start < m.end() and m.start() < h.end for h in hits):
                    continue
                hits.append(ForumHit(self.forums.items[fid].name, m.start(), m.end(), m.group(0),
                                     self._gathering(text, m.start(), m.end())))
        hits.sort(key=lambda h: h.start)
        return hits

    @staticmethod
    def _gathering(text: str, start: int, end: int) -> bool:
        said = text[start:end]
        if re.search(GATHERING, said, re.I) or "+" in said:
            return True
        if _BEFORE.search(text[max(0, start - 60):start]):
            return True
        return bool(_AFTER.match(text[end:end + 40]))


_FOREIGN = re.compile(r"foreign|external affairs|secretary of state|state secretary", re.I)
_DEFENCE = re.compile(r"defen[cs]e", re.I)


def is_two_plus_two(participants: list[str], people: Registry[Person], when: FuzzyDate | None) -> bool:
    """Both countries' foreign and defence ministers took part: the 2+2 format."""
    foreign: set[str] = set()
    defence: set[str] = set()
    for pid in participants:
        person = people.items.get(pid)
        if person is None or not person.country:
            continue
        for role in person.roles:
            if when is not None and not role.held_on(when):
                continue
            if _DEFENCE.search(role.title) and "deputy" not in fold(role.title):
                defence.add(person.country)
            elif _FOREIGN.search(role.title) and "deputy" not in fold(role.title):
                foreign.add(person.country)
    return len(foreign) >= 2 and len(defence) >= 2 and len(foreign & defence) >= 2
