"""Which engagements an article reports: when, what kind, who took part, where.

The main engagement is the one whose time expression sits closest to an
engagement word (met, talks, call, spoke...) in the article's first such
sentence; its participants are the people acting in the first sentence that
shows two of them engaging. Sentences about the past or the future ("since
they met in October", "a planned 2+2 meeting", "postponed") are set aside.
A later sentence reporting the same principal with a new counterpart on
another day (a call with Blinken on Monday, one with Lavrov on Tuesday)
becomes an engagement of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.content.dates import FuzzyDate
from generator.convert.dates import TimeExpr
from generator.convert.forums import TWO_PLUS_TWO, ForumHit
from generator.convert.people import Mention, is_speaker
from generator.convert.places import CITIES
from generator.convert.sentences import quote_spans

_KEYWORDS = re.compile(
    r"\b(?P<video>video[\s-]?(?:call|conference|link)|videoconference|virtual(?:ly)?\s+"
    r"(?:meeting|summit|talks|call)|(?:met|meet|meeting|talks)\s+(?:virtually|online)|"
    r"online\s+meeting)\b"
    r"|\b(?P<phone>(?:tele)?phone(?:d)?(?:\s+(?:call|conversation|talks))?|"
    r"call(?:ed)?(?!\s+(?:for|upon|off|it)\b)(?!\s+on\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b))|calls|dialled|dialed)\b"
    r"|\b(?P<talk>conversation|spoke|spoken|speak|speaks|talked)\b"
    r"|\b(?P<meet>met|meet|meets|meeting|meetings|held\s+talks|talks|dialogue|discussions?|"
    r"discussed|discuss|hosted|received|welcomed|in-person)\b"
    r"|\b(?P<summit>summit)\b"
    r"|\b(?P<visit>visit(?:s|ed|ing)?|trip|arrived)\b"
    r"|\b(?P<statement>joint\s+statement|issued\s+a\s+statement)\b", re.I)
_PRIORITY = {"phone": 0, "talk": 0, "meet": 0, "video": 0, "summit": 1, "visit": 2, "statement": 3}
# A verb reports the action ("met on Friday"); a noun may name a backdrop ("last week's summit").
_VERB = re.compile(r"met|spoke|spoken|talked|called|phoned|telephoned|dialled|dialed|held\s+talks|"
                   r"hosted|received|welcomed|visited|arrived|discussed", re.I)
_OTHER_TIME = re.compile(
    r"\b(?:will|would|shall|planned|plans?\s+to|ahead\s+of|upcoming|postponed|put\s+off|"
    r"expected|scheduled|slated|slotted|set\s+to|due\s+to|to\s+be\s+held|next|since|previous(?:ly)?|"
    r"last\s+year[\u2019']s|follow[\s-]?up|results\s+of|outcome\s+of|preparations?\s+for)\b", re.I)
_JOINED = re.compile(r"\b(?:joined\s+by|along\s+with|accompanied\s+by|also\s+(?:attended|took\s+"
                     r"part|participated))\b", re.I)
_PRONOUN = re.compile(r"\b(?:they|their|them|the\s+two|both)\b", re.I)
_CITY_RX = re.compile(r"\b(?:in|at|visited|visiting|visit\s+to|trip\s+to|arrived\s+in|travell?ed\s+to|flew\s+to)"
    r"\s+(?:the\s+)?(" + "|".join(
    re.escape(c) for c in sorted(CITIES, key=len, reverse=True)) + r")\b(?![ \t]+[A-Z][a-z])")


@dataclass
class Facts:
    """What one sentence says, computed once."""

    text: str
    plain: str  # long quotations blanked
    paragraph: int
    people: list[Mention]  # everyone named (registry, offices, candidates)
    times: list[TimeExpr]
    keywords: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, group
    forums: list[ForumHit] = field(default_factory=list)


@dataclass
class Engagement:
    date: FuzzyDate | None
    kind: str
    participants: list[Mention]
    forums: list[str] = field(default_factory=list)
    place: str | None = None
    review: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    topic: str | None = None
    scheduled: bool = False  # announced for later, not yet held when the article was written
    draft: bool = False  # the date is a guess or unknown: the user must supply it

    @property
    def ids(self) -> list[str]:
        return [m.person for m in self.participants]


def keywords(plain: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _KEYWORDS.finditer(plain):
        group = next(g for g, v in m.groupdict().items() if v)
        out.append((m.start(), m.end(), group))
    return out


_OTHER_AFTER = re.compile(
    r"^[\W\s]{0,3}(?:\w+\s+){0,2}?(?:(?:was|is|were|are|has\s+been|had\s+been|been)\s+)?"
    r"(?:initially\s+)?(?:planned|scheduled|postponed|expected|slated|slotted|set\s+(?:to|for)|"
    r"due|put\s+off|follow[\s-]?up|results|outcome)\b", re.I)


def other_time(plain: str, start: int, end: int) -> bool:
    """Words around a mention that put it in the past or the future ("a planned 2+2
    meeting", "since they met", "the meeting was postponed")."""
    return bool(_OTHER_TIME.search(plain[max(0, start - 45):end])
                or _OTHER_AFTER.match(plain[end:end + 60]))


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


_SAID_WHEN = re.compile(r"\b(?:said|says|tweeted|wrote|posted|announced|added|stated|"
                        r"told\s+(?:\w+\s+){0,2}?)\s*$", re.I)


def nearest_time(times: list[TimeExpr], start: int, end: int, plain: str = "") -> TimeExpr | None:
    """The time expression closest to a word; "said on Wednesday" dates the saying, so such
    times are passed over when the sentence has another."""
    if plain:
        told = [t for t in times if _SAID_WHEN.search(plain[max(0, t.start - 30):t.start])]
        if told and len(told) < len(times):
            times = [t for t in times if t not in told]
    return min(times, key=lambda t: (_gap((start, end), (t.start, t.end)), t.start < start),
               default=None)


def _compatible(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    return a is None or b is None or a.compatible(b)


def actors(f: Facts) -> list[Mention]:
    """People acting in the sentence: reporters ("..., Price said") left out when others act."""
    unique: dict[str, Mention] = {}
    for m in f.people:
        if any(q.start <= m.start < q.end for q in _quote_ranges(f)):
            continue
        unique.setdefault(m.person, m)
    people = [m for m in unique.values() if not _sender(f.text, m)]
    doers = [m for m in people if not is_speaker(f.text, m)]
    return doers if len(doers) >= 2 else people


_SENDER = re.compile(r"\b(?:from|behalf\s+of)\s+(?:[A-Z][\w.'\u2019-]*\s+){0,4}$")


def _sender(text: str, m: Mention) -> bool:
    """"a letter from Prime Minister X": X sent something and did not take part."""
    return bool(_SENDER.search(text[max(0, m.start - 60):m.start]))


def _quote_ranges(f: Facts) -> list[Mention]:
    return [Mention("", "", "", s, e) for s, e, _ in quote_spans(f.text)]


def _cities(f: Facts, date: FuzzyDate | None) -> list[str]:
    """Cities named as where something happened at ``date`` (not at another time)."""
    out = []
    for m in _CITY_RX.finditer(f.plain):
        t = nearest_time(f.times, m.start(), m.end(), f.plain)
        if (t is None or _compatible(t.date, date)) and not other_time(f.plain, m.start(), m.end()):
            out.append(m.group(1))
    return out


def kind_of(f: Facts, anchor: tuple[int, int] | None, date: FuzzyDate | None) -> tuple[str, str]:
    """(kind, review note when the kind is read from soft words)."""
    usable = [k for k in f.keywords if not other_time(f.plain, k[0], k[1])] or f.keywords
    groups = {g for _, _, g in usable}
    words = {f.plain[s:e].lower() for s, e, _ in usable}
    if "video" in groups:
        return "video call", ""
    if "phone" in groups:
        return "call", ""
    in_person = words & {"met", "meet", "meets", "meeting", "in-person", "hosted", "held talks"}
    if "talk" in groups and not in_person and not _cities(f, date):
        word = next(f.plain[s:e] for s, e, g in usable if g == "talk")
        return "call", f'kind: "{word}" read as a call (no meeting in person is mentioned)'
    nearest = None
    if anchor:
        nearest = min(usable, key=lambda k: _gap(anchor, (k[0], k[1])), default=None)
    group = nearest[2] if nearest else (usable[0][2] if usable else "meet")
    low = f.plain.lower()
    if group == "summit" and not re.search(r"\b(?:sidelines|margins)\b", low):
        return "summit", ""
    if group == "visit" and not in_person:
        return "visit", ""
    if group == "statement" and not in_person:
        return "statement", ""
    return "meeting", ""


def find_place(facts: list[Facts], order: list[int], date: FuzzyDate | None) -> str | None:
    for i in order:
        found = _cities(facts[i], date)
        if found:
            return found[0]
    return None


def _date_sentence(facts: list[Facts]) -> tuple[int, TimeExpr, tuple[int, int]] | None:
    """The first sentence tying a time expression to an engagement word."""
    for i, f in enumerate(facts):
        pairs = []
        for s, e, g in f.keywords:
            if other_time(f.plain, s, e):
                continue
            t = nearest_time(f.times, s, e, f.plain)
            if t is not None and not other_time(f.plain, t.start, t.end):
                gap = _gap((s, e), (t.start, t.end))
                verb = bool(_VERB.fullmatch(f.plain[s:e]))
                pairs.append(((gap > 90, not verb, gap, _PRIORITY[g]), t, (s, e)))
        if pairs:
            _, t, kw = min(pairs, key=lambda p: p[0])
            return i, t, kw
    return None


def _participant_sentence(facts: list[Facts], date: FuzzyDate | None, start: int) -> int | None:
    for i in list(range(start, len(facts))) + list(range(0, start)):
        f = facts[i]
        usable = [k for k in f.keywords if not other_time(f.plain, k[0], k[1])]
        if not usable or len(actors(f)) < 2:
            continue
        t = nearest_time(f.times, usable[0][0], usable[0][1], f.plain)
        if t is None or _compatible(t.date, date):
            return i
    return None


def primary(facts: list[Facts], pub: FuzzyDate | None,
            headline: list[Mention] | None = None) -> Engagement | None:
    """The article's main engagement, or None when it reports none."""
    found = _date_sentence(facts)
    review: list[str] = []
    if found:
        di, t, kw = found
        date = t.date
        if date is not None and t.approximate:
            date = FuzzyDate(date.year, date.month, date.day, approximate=True)
        if t.how:
            review.append(f"date: {t.how}")
    else:
        di, kw, date = None, None, None
    pi = _participant_sentence(facts, date, di or 0)
    if di is None and pi is None:
        return None
    people: dict[str, Mention] = {}
    used: list[int] = []
    if pi is not None:
        used.append(pi)
        for m in actors(facts[pi]):
            people.setdefault(m.person, m)
        for j in range(pi + 1, min(pi + 4, len(facts))):
            if _JOINED.search(facts[j].plain):
                used.append(j)
                for m in actors(facts[j]):
                    people.setdefault(m.person, m)
    if di is not None and di not in used:
        used.insert(0, di)
        if len(people) < 2:
            for m in actors(facts[di]):
                people.setdefault(m.person, m)
            if _PRONOUN.search(facts[di].plain) and len(people) < 2:
                near = [j for j in (di - 1, di + 1) if 0 <= j < len(facts)]
                for j in near:
                    if len(people) >= 2:
                        break
                    for m in actors(facts[j]):
                        people.setdefault(m.person, m)
            if len(people) < 2 and headline:
                for m in headline:
                    people.setdefault(m.person, m)
                review.append("people: the participants are named only in the headline")
    if date is None:
        if pub is not None:
            date = pub
            review.append(f"date: the text gives no day for the engagement; the publication "
                          f"date {pub.iso()} is used")
        else:
            review.append("date: neither the engagement nor the publication is dated")
    anchor_f = facts[di] if di is not None else facts[used[0]]
    kind, note = kind_of(anchor_f, kw, date)
    if kind in ("meeting", "call"):  # "met virtually ... joined the video conference"
        groups = {g for i in used for _, _, g in facts[i].keywords}
        if "video" in groups:
            kind, note = "video call", ""
    if note:
        review.append(note)
    if len(people) < 2:
        review.append("people: only one participant is named; add who else took part")
    return Engagement(date, kind, list(people.values()), review=review, sentences=used)


def secondary(facts: list[Facts], main: Engagement, start: int) -> list[Engagement]:
    """Later engagements of the same principal with other counterparts on other days."""
    found: list[Engagement] = []
    main_ids = set(main.ids)
    for i in range(start + 1, len(facts)):
        f = facts[i]
        for s, e, g in f.keywords:
            if g in ("statement",) or other_time(f.plain, s, e):
                continue
            t = nearest_time(f.times, s, e, f.plain)
            if t is None or t.date is None or t.date.precision != "day" or main.date is None:
                continue
            if t.date == main.date or other_time(f.plain, t.start, t.end):
                continue
            if main.date.precision == "day" and \
                    abs((t.date.first_day() - main.date.first_day()).days) > 14:
                continue
            people = actors(f)
            ids = {m.person for m in people}
            if not ids & main_ids and ids and _PRINCIPAL_PRONOUN.search(f.plain[:s]):
                lead = principal(facts, main)
                people = [lead] + people
                ids.add(lead.person)
            if not ids & main_ids or not ids - main_ids:
                continue
            if any(set(x.ids) == ids and x.date == t.date for x in found):
                continue
            kind, note = kind_of(f, (s, e), t.date)
            review = [f"date: {t.how}"] if t.how else []
            review.append(f"split: this article reports several engagements; this one is from "
                          f"\"{_clip(f.text)}\"")
            if note:
                review.append(note)
            found.append(Engagement(t.date, kind, people, review=review, sentences=[i]))
            break
    return found


_PRINCIPAL_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)


def principal(facts: list[Facts], main: Engagement) -> Mention:
    """The main participant the article follows: the one it names most often."""
    counts = {m.person: 0 for m in main.participants}
    for f in facts:
        for m in f.people:
            if m.person in counts:
                counts[m.person] += 1
    best = max(counts, key=lambda p: counts[p])
    return next(m for m in main.participants if m.person == best)


def _clip(text: str, n: int = 90) -> str:
    text = text.replace('"', "'")
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "..."


def attach_forums(facts: list[Facts], eng: Engagement, others: list[Engagement], main: bool) -> None:
    """Forums the engagement belongs to: gatherings named in sentences about it."""
    foreign = {p for o in others for p in o.ids} - set(eng.ids)
    order = range(len(facts)) if main else eng.sentences
    for i in order:
        f = facts[i]
        if {m.person for m in f.people} & foreign:
            continue
        for hit in f.forums:
            if not hit.gathering or hit.forum in eng.forums:
                continue
            if other_time(f.plain, hit.start, hit.end):
                continue
            t = nearest_time(f.times, hit.start, hit.end, f.plain)
            if t is not None and not _compatible(t.date, eng.date):
                continue
            eng.forums.append(hit.forum)


def attach_place(facts: list[Facts], eng: Engagement, others: list[Engagement], main: bool) -> None:
    if eng.kind in ("call", "video call", "statement"):
        return
    eng.place = find_place(facts, eng.sentences, eng.date)
    if eng.place or not main:
        if not eng.place:
            eng.review.append("place: the text does not say where it took place")
        return
    ids = set(eng.ids)
    foreign = {p for o in others for p in o.ids} - ids
    for i, f in enumerate(facts):
        named = {m.person for m in f.people}
        if not named & ids or named & foreign:
            continue
        found = _cities(f, eng.date)
        if found:
            eng.place = found[0]
            return
    eng.review.append("place: the text does not say where it took place")


def infer_two_plus_two(eng: Engagement, is_2p2: bool, registered: bool) -> None:
    if is_2p2 and TWO_PLUS_TWO not in eng.forums and registered:
        eng.forums.append(TWO_PLUS_TWO)
        eng.review.append("forums: 2+2 Dialogue inferred because both countries' foreign and "
                          "defence ministers took part (the text does not name the format)")
