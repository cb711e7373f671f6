"""Key direct quotations and who said them.

An entry cites a few words of the people involved, never the article: only
quotations whose speaker the text names (or points to with "he"/"she" right
after naming them) are kept, participants first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.convert.people import SAY_VERBS
from generator.convert.sentences import quote_spans

if TYPE_CHECKING:
    from generator.convert.engagements import Facts

_SAY = "|".join(sorted(SAY_VERBS | {"tweeted", "wrote"}))
_AFTER = re.compile(rf"^[\s,]*(?:(?P<pro>he|she)\s+|(?P<name>.{{0,70}}?)\s+)?(?:{_SAY})\b"
                    rf"|^[\s,]*(?:{_SAY})\s+(?P<name2>.{{0,70}})", re.I)
_BEFORE = re.compile(rf"(?:{_SAY})(?:\s+[^\"\u201c]{{0,50}})?[:,]\s*$", re.I)
MAX_WORDS = 70


@dataclass
class Quote:
    text: str
    speaker: str  # display name
    person: str  # registry id or candidate name
    sentence: int = 0  # where it stands in the article


def _named_in(facts: "Facts", start: int, end: int):
    for m in facts.people:
        if start <= m.start and m.end <= end:
            return m
    return None


def _speaker(f: "Facts", qs: int, qe: int, previous: "Facts | None"):
    after = f.text[qe:qe + 90]
    m = _AFTER.match(after)
    if m:
        if m.group("pro"):
            return _last_named(f, qs) or (_last_named(previous, len(previous.text)) if previous else None)
        span = "name" if m.group("name") is not None else "name2"
        if m.group(span) is not None:
            hit = _named_in(f, qe + m.start(span), qe + m.end(span) + 1)
            if hit:
                return hit
    before = f.text[:qs]
    said = None
    for said in re.finditer(rf"\b(?:{_SAY})\b", before):
        pass
    if said is not None and _BEFORE.search(before):
        named = [p for p in f.people if said.start() - 80 <= p.start and p.end <= said.start()]
        if named:
            return named[-1]
        if re.search(r"\b(?:he|she)\s*$", before[:said.start()], re.I):
            return _last_named(previous, len(previous.text)) if previous else None
    return None


def _last_named(f: "Facts | None", before: int):
    if f is None:
        return None
    named = [p for p in f.people if p.end <= before]
    return named[0] if named else None


def key_quotes(facts: list["Facts"], acting: set[str], limit: int = 6) -> list[Quote]:
    found: list[tuple[int, int, Quote]] = []
    seen: set[str] = set()
    for i, f in enumerate(facts):
        previous = facts[i - 1] if i and facts[i - 1].paragraph == f.paragraph - 1 or \
            (i and facts[i - 1].paragraph == f.paragraph) else None
        for qs, qe, words in quote_spans(f.text, min_words=6):
            words = words.strip()
            if len(words.split()) > MAX_WORDS or words in seen or not words[:1].isupper():
                continue
            who = _speaker(f, qs, qe, previous)
            if who is None:
                continue
            seen.add(words)
            rank = 0 if who.person in acting else 1
            found.append((rank, i, Quote(words.rstrip(","), who.name, who.person, i)))
    found.sort(key=lambda x: (x[0], x[1]))
    return [q for _, _, q in found[:limit]]
