"""From frames to engagements: which frames report one meeting, and its fields.

Frames are read in order. A frame joins an engagement already begun when
nothing in it contradicts that engagement (its day, its place, its kind) and
its people are the same people, a part of them, or none at all ("The meeting
took place on the sidelines of ..."); otherwise it begins an engagement of
its own. So "met Lavrov on Wednesday" and "met the Kyrgyz and Tajik ministers
earlier yesterday" become three engagements, and "Wang met Jaishankar and
Doval" is split when the article reports the two meetings apart. Background
(past perfect, "last met in 2019", dated outside the news cycle), wishes and
invitations make no engagement; announced ones are kept as scheduled.
Every field read indirectly carries a ``review:`` line saying how.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.content.dates import FuzzyDate
from generator.convert.dates import Reading
from generator.convert.frames import NEUTRAL, Frame
from generator.convert.people import Mention, OfficeRef, office_clash

NEWS_WINDOW_DAYS = 10  # a past engagement dated further back is background
SCHEDULE_WINDOW_DAYS = 400
_FAMILY = {"meeting": "met", "summit": "met", "call": "call", "video call": "video",
           "visit": "visit", "statement": "statement"}
_DURATION = re.compile(r"\b(?:\w+-day|\d+-day|week-long|weeklong|two-nation|three-nation|"
                       r"multi-nation|\w+-nation|from\s+\w+\s+(?:to|until)\s+\w+|until\s+\w+)\b", re.I)


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
    frames: list[Frame] = field(default_factory=list)
    counterparts: list[str] = field(default_factory=list)  # countries of unnamed counterparts
    slot_office: str = ""  # what the text calls the unnamed one ("top diplomat"), when it says
    families: set[str] = field(default_factory=set)  # of its frames' words that say how (not "talks")
    groups: set[str] = field(default_factory=set)

    @property
    def ids(self) -> list[str]:
        return [m.person for m in self.participants]

    def has(self, person: str) -> bool:
        return any(m.person == person for m in self.participants)

    def add_people(self, people: list[Mention]) -> None:
        for m in people:
            if not self.has(m.person):
                self.participants.append(m)


@dataclass
class Context:
    """What the article says outside its sentences."""

    pub: FuzzyDate | None
    dateline_city: str | None = None
    dateline_day: FuzzyDate | None = None


def _reading(frame: Frame, future: bool) -> Reading | None:
    if frame.time is None:
        return None
    return frame.time.at(future)


def _frame_date(frame: Frame) -> FuzzyDate | None:
    r = _reading(frame, frame.future or frame.mode == "present")
    return r.date if r else None


def _compatible(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    return a is None or b is None or a.compatible(b)


def _family(frame: Frame) -> str:
    if frame.group in ("talk", "meet", "summit"):
        return "met"
    return {"phone": "call", "video": "video"}.get(frame.group, frame.group)


def _same_family(eng: Engagement, frame: Frame) -> bool:
    """A call and a meeting are two engagements; words that say only that two sides talked
    ("discussed", "the conversation") fit either."""
    if NEUTRAL.fullmatch(frame.word):
        return True
    if eng.families == {"video"} and not frame.verb and not frame.indefinite and \
            re.fullmatch(r"(?i)(?:\w+\s+)?(?:meeting|talks|summit)", frame.word):
        return True  # "a video call with BRICS leaders ... the BRICS extraordinary meeting"
    if eng.scheduled and not frame.future and eng.families <= {"call", "video"} and \
            _family(frame) in ("call", "video"):
        return True  # "he would soon phone Ishiba ... they spoke over a video link": held another way
    return not eng.families or _family(frame) in eng.families


def _note(eng: Engagement, frame: Frame) -> None:
    """Keep what the engagement's frames say (kept as sets: an article may have thousands)."""
    eng.groups.add(frame.group)
    if not NEUTRAL.fullmatch(frame.word):
        eng.families.add(_family(frame))


def _context(eng: Engagement, frame: Frame) -> bool:
    """"Jaishankar and Blinken were in Melbourne for a meeting of the Quad foreign ministers in
    which Payne and Hayashi participated": an undated gathering around a meeting of two of
    its members says where and in what format they met, not that all four met them."""
    mine = set(eng.ids)
    theirs = {m.person for m in frame.people}
    return len(mine) == 2 and len(theirs) >= 3 and mine < theirs and bool(frame.forums) \
        and frame.time is None and not frame.verb


def unnamed_side(frame: Frame) -> list[str]:
    """"Qatar's foreign minister also spoke with X": the country of a side the clause names
    only by its office, before the engagement word, and no one named is from."""
    named = {m.country for m in frame.people}
    return [o.countries[0] for o in frame.offices if not o.plural and len(o.countries) == 1
            and (o.end <= frame.start or 0 <= o.start - frame.end <= 25 and len(frame.people) == 1)
            and o.countries[0] not in named and "counterpart" not in o.office][:1]


def _people_fit(eng: Engagement, frame: Frame) -> int:
    """How well the frame's people fit the engagement: -1 not at all, else the overlap."""
    mine = set(eng.ids)
    theirs = {m.person for m in frame.people}
    if not theirs:
        return 0
    if len(theirs) == 1 and unnamed_side(frame) and \
            not any(m.country in unnamed_side(frame) for m in eng.participants):
        return -1  # another side: not this engagement
    other = [o for o in frame.offices if not o.plural and o.countries and 0 <= o.start - frame.end <= 25
             and "counterpart" not in o.office]  # "met with China's top diplomat earlier on Monday"
    if len(theirs) == 1 and other and not any(m.country in other[0].countries and m.title and
                                              not office_clash(m.title, other[0].office)
                                              for m in eng.participants if m.person not in theirs):
        return -1  # someone else of that country: not the meeting with its president
    countries = {m.country for m in eng.participants}
    if len(theirs) == 1 and frame.plural and any(
            o.plural and o.countries and not set(o.countries) & countries for o in frame.offices):
        return -1  # "met his Uzbek and Kazakh counterparts": not the meeting with Lavrov
    common = mine & theirs
    if theirs <= mine or (mine <= theirs and mine):
        return len(common)
    slots = {c for f in eng.frames for o in f.offices if o.plural and "counterpart" in o.office
             for c in o.countries}
    if common and slots and all(m.country in slots for m in frame.people if m.person not in mine):
        return len(common)  # "met his Japanese, Italian and French counterparts ... Japanese PM X"
    if len(common) >= 2 and not (theirs - mine and eng.frames and
                                 all(f.plural for f in eng.frames)):
        if eng.participants[0].person not in theirs and frame.people[0].person not in mine:
            return -1  # Lavrov's talks with the Rajapaksas, then Wang Yi's with them
        return len(common)
    return -1


def _fits(eng: Engagement, frame: Frame) -> int:
    if frame.group in ("visit", "statement") or eng.groups & {"visit", "statement"}:
        return -1
    if frame.another and frame.own_people and frame.sentence not in eng.sentences and \
            not {m.person for m in frame.people} <= set(eng.ids):
        return -1  # "In a meeting with President Herzog, Blinken said": another meeting
    if frame.future and not eng.scheduled and (frame.indefinite or frame.time is not None
                                                  or frame.verb or frame.topic):
        return -1  # "a planned meeting", "they will meet", "to discuss the upcoming G20
        # meetings": not the one that took place
    if frame.topic and frame.group == "summit" and not eng.frames[0].group == "summit":
        return -1  # "talked ... ahead of the NATO summit in Washington": not where they talked
    if not _same_family(eng, frame):
        return -1
    if frame.time is not None and frame.time.form == "same_day" and re.match(r"(?i)later\b", frame.time.text) \
            and {m.person for m in frame.people} - set(eng.ids) and frame.sentence not in eng.sentences:
        return -1  # "(X will meet Y on Friday.) Z will join them later in the day": a second meeting
    if frame.joint and eng.frames and not any(f.joint for f in eng.frames) and frame.own_people:
        return -1  # "the ninth trilateral meeting": not the bilateral reported before it
    if frame.plural and frame.own_people and not any(f.plural for f in eng.frames) and \
            len(eng.participants) > len(frame.people):
        return -1  # "On the margins of the meeting, X held separate talks with Y and Z": others
    if frame.bilateral and len(frame.people) == 2 and len(eng.participants) >= 3:
        return -1  # "after Yoon held talks with Kishida in a bilateral meeting": not the trilateral
    date = _frame_date(frame)
    if not frame.verb and eng.scheduled and frame.time is not None and frame.time.form == "weekday" \
            and frame.time.future.date is not None and frame.time.future.date == eng.date:
        return _people_fit(eng, frame)  # "Sunday's meeting wasn't confirmed until ...": the one ahead
    if date is not None and eng.date is not None and not eng.date.compatible(date):
        return -1
    if frame.future != eng.scheduled and date is not None and eng.date is not None \
            and date != eng.date:
        return -1
    if frame.place and eng.place and frame.place.place.venue_city != eng.place and \
            not (frame.group == "summit" and eng.groups == {"summit"} and
                 (frame.place.place.city == eng.place or frame.place.place.kind == "unknown")):
        return -1  # (a venue in the summit's city, or one the gazetteer does not know, "Speke Resort")
    fit = _people_fit(eng, frame)
    if fit < 0 and frame.group == "summit" and eng.groups == {"summit"} and not frame.verb and \
            not frame.indefinite and date is not None and eng.date is not None and frame.future == eng.scheduled:
        return 1  # "the heads of State summit at Speke Resort on Friday": the summit named before
    if fit < 0 and frame.group == "summit" and not frame.people and frame.forums and date is None and \
            eng.groups & {"summit", "video"} and not any(f.forums for f in eng.frames) and \
            frame.future == eng.scheduled and 0 <= frame.sentence - max(eng.sentences) <= 2:
        return 1  # "attended a virtual summit ... at the annual ASEAN Plus Three Summit": its name
    return fit


def _new(frame: Frame) -> Engagement:
    eng = Engagement(_frame_date(frame), frame.kind, list(frame.people), frames=[frame],
                     sentences=[frame.sentence], scheduled=frame.future)
    if len(frame.people) == 1:
        eng.counterparts = unnamed_side(frame)
        eng.slot_office = next((o.office for o in frame.offices if eng.counterparts and
                                o.countries == eng.counterparts[:1] and not o.plural), "")
    if frame.joint:  # "a trilateral meeting with his Azerbaijani and Georgian counterparts"
        named = {m.country for m in frame.people}
        eng.counterparts = list(dict.fromkeys(c for o in frame.offices if o.plural and "counterpart" in o.office
                                              for c in o.countries if c not in named))
    _note(eng, frame)
    if frame.place:
        eng.place = frame.place.place.venue_city
    return eng


def _join(eng: Engagement, frame: Frame) -> None:
    eng.frames.append(frame)
    _note(eng, frame)
    if frame.sentence not in eng.sentences:
        eng.sentences.append(frame.sentence)
    if _context(eng, frame):
        frame.people = [m for m in frame.people if eng.has(m.person)]
    eng.add_people(frame.people)
    date = _frame_date(frame)
    if eng.date is None or (date is not None and eng.date.contains(date) and date != eng.date):
        eng.date = date if date is not None else eng.date
    if frame.place and not eng.place:
        eng.place = frame.place.place.venue_city
    if frame.mode == "past" and (frame.verb and (frame.own_people or frame.pronoun) or
                                 re.match(r"(?i)(?:took\s+place|held|conducted)\b", frame.word)):
        eng.scheduled = False  # "met": it happened (a noun such as "the meeting" says nothing)
    if frame.mode == "past" and frame.time is not None and re.match(r"(?i)left|depart|arriv|landed", frame.word):
        eng.scheduled = False  # "The minister left Tehran for China on Monday": the visit has begun


RECENT = 64  # engagements a frame may join: far more than any article reports


def group_frames(frames: list[Frame]) -> list[Engagement]:
    """Frames in article order into engagements."""
    engagements: list[Engagement] = []
    focus: Engagement | None = None
    weak: list[Frame] = []
    pending: list[Frame] = []  # "their top diplomats held talks in mid-November": no one named yet
    for frame in frames:
        if frame.mode in ("hypothetical", "background", "ended"):
            continue
        last = engagements[-1] if engagements else None
        if last is not None and last.frames[-1].clause == frame.clause and frame.group in ("phone", "video") \
                and (not frame.people and (NEUTRAL.fullmatch(last.frames[-1].word) or re.fullmatch(
                    r"(?i)met|meets?|convened|gathered|summit", last.frames[-1].word)) or  # "met by video link"
                     frame.people and {m.person for m in frame.people} == set(last.ids) and
                     last.frames[-1].group in ("meet", "talk", "summit") and last.frames[-1].end <= frame.start and
                     last.frames[-1].mode == frame.mode and
                     not {f.group for f in last.frames} & ({"phone", "video"} - {frame.group})):
            _join(last, frame)  # "they spoke on Wednesday over a video link": how they spoke
            continue
        if frame.joint and frame.own_people == 0 and focus is not None and len(focus.participants) >= 3 \
                and all(focus.has(m.person) for m in frame.people) and any(f.plural for f in focus.frames):
            frame.time = frame.time or next((f.time for f in focus.frames if f.time is not None), None)
            eng = _new(frame)  # "separate meetings with X and Y, after which a joint meeting will follow"
            eng.add_people(focus.participants)
            engagements.append(eng)
            continue
        if frame.indefinite and frame.own_people == 0:
            continue  # "(he landed after ...) a meeting of the OIC": another gathering
        if frame.joined and frame.pronoun and focus is not None:
            _join(focus, frame)  # "They were joined by X and Y for the talks"
            continue
        if frame.group in ("visit", "statement"):
            eng = _visit_or_statement(engagements, frame)
            if eng is not None:
                focus = focus if frame.group == "visit" else eng
            continue
        if not frame.people and frame.group == "summit" and frame.forums and not frame.indefinite \
                and not frame.pronoun and (frame.time or frame.mode in ("past", "present")):
            home = next((e for e in engagements if (e.frames[0].group == "summit" or re.search(
                r"(?i)summit", e.frames[0].word)) and e.scheduled == frame.future and _fits(e, frame) >= 0), None)
            # (a "virtual summit" named in the next sentences: "the annual ASEAN Plus Three Summit")
            if home is not None:  # "an upcoming summit ... the Amazon Summit in Belem next month"
                _join(home, frame)
            else:
                engagements.append(_new(frame))
                focus = engagements[-1] if focus is None else focus
            continue
        if not frame.people:
            if focus is None and not frame.indefinite and (frame.time or frame.place):
                pending.append(frame)  # "their top diplomats held talks in mid-November"
                continue
            if focus is not None and focus.date is None and frame.time is not None and \
                    frame.place and focus.place in (None, frame.place.place.venue_city) and \
                    not frame.indefinite and _fits(focus, frame) >= 0:
                _join(focus, frame)  # "(X met Y in Berlin.) The leaders were to meet in Berlin on
                continue  # Friday": the same meeting, dated
            if not frame.pronoun:
                continue  # "a meeting of the OIC": some other gathering, no one named
            same = [e for e in engagements if e.frames[0].group == frame.group == "summit"
                    and _fits(e, frame) >= 0]
            if same:  # "That summit will be attended by ...": the summit just named
                _join(same[-1], frame)
                continue
            if focus is not None and _fits(focus, frame) >= 0:
                _join(focus, frame)
                continue
            if focus is None:
                continue
            kin = next((e for e in reversed(engagements) if len(e.participants) >= 2 and
                        _same_family(e, frame) and not e.families & {"call", "video"}), None)
            if kin is not None and not _same_family(focus, frame):
                _join(kin, frame)  # "(a call of the ministers.) The first meeting of the three": the
                continue  # leaders' meeting before it, not a meeting of the ministers who phoned
            frame.people = list(focus.participants)  # "Both leaders look forward to ..."
        elif focus is not None and not focus.participants and focus.frames[0].group == "summit" \
                and re.match(r"(?i)(?:meeting|summit|gathering|conference|talks)$", frame.word) and \
                frame.start <= 4 + len("The "):  # "A NATO summit opened ... The meeting is hosted by X"
            _join(focus, frame)
            continue
        elif frame.pronoun and frame.own_people == 0 and focus is not None and \
                len(focus.participants) >= 2 and not frame.joined:
            frame.people = list(focus.participants)  # "the two ministers": those of the talk
        best = None
        for eng in engagements[-RECENT:]:  # (a page that is one endless sentence stays linear)
            score = _fits(eng, frame)
            if score > 0 and (best is None or score >= best[0]):
                best = (score, eng)
        if best is not None:
            _join(best[1], frame)
            focus = best[1]
        elif frame.weak and not (frame.future and frame.time is not None and frame.own_people and
                                 frame.group in ("meet", "talk", "phone", "video")):
            weak.append(frame)  # context ("Before meeting X, ..."), unless a dated plan of its own
        elif frame.people or frame.offices:
            eng = _new(frame)
            engagements.append(eng)
            if not (frame.future and focus is not None and not focus.scheduled and
                    frame.sentence in focus.sentences):
                focus = eng  # "met Saturday ... for an upcoming summit": "the meeting" is still the one held
            for early in pending:
                if frame.sentence - early.sentence <= 2 and _fits(eng, early) >= 0:
                    _join(eng, early)
            pending = []
            for context in [w for w in weak if w.clause == frame.clause and _fits(eng, w) >= 0]:
                _join(eng, context)  # "due to meet X for formal meetings on Thursday": one plan
                weak.remove(context)
    
    for early in pending:  # "The two ministers spoke by phone on Thursday. Jaishankar and ..."
        later = next((f for f in frames if 0 < f.sentence - early.sentence <= 2 and
                      len(f.people) >= 2), None)
        if later is not None and (early.pronoun or re.match(r"(?i)the\s+two\b", early.word)):
            eng = _new(early)
            eng.add_people(later.people)
            engagements.append(eng)
    if not engagements:  # only context: the article's one engagement is in it
        for frame in weak:
            if frame.people:
                engagements.append(_new(frame))
                break
    return engagements


def _visit_or_statement(engagements: list[Engagement], frame: Frame) -> Engagement | None:
    for eng in engagements:
        if eng.frames[0].group != frame.group:
            continue
        date = _frame_date(frame)
        same = {m.person for m in frame.people} & set(eng.ids) or not frame.people
        went = {f.country for f in eng.frames if f.country}
        if frame.group == "visit" and frame.country and went and frame.country not in went:
            continue  # "visited Saudi Arabia last week ... is expected to visit Britain"
        if same and _compatible(eng.date, date):
            _join(eng, frame)
            return eng
        if same and frame.group == "visit" and frame.people and date is not None and \
                eng.date is not None and date.precision == eng.date.precision == "day" and \
                abs((date.first_day() - eng.date.first_day()).days) <= 2 and \
                abs(frame.sentence - eng.sentences[-1]) <= 2:  # "departed on Tuesday ... He
            eng.review.append(f'date: the text dates this trip both {eng.date.iso()} and '  # arrived
                              f'{date.iso()} ("{frame.time.text}"); check it')  # on Monday"
            _join(eng, frame)
            return eng
    if not frame.people and frame.group == "visit":
        return None
    eng = _new(frame)
    engagements.append(eng)
    return eng


def split_pairs(engagements: list[Engagement]) -> list[Engagement]:
    """"Wang met Jaishankar and Doval", then "met Doval ... before meeting Jaishankar": the
    frames that name two people each say there were two meetings."""
    out: list[Engagement] = []
    for eng in engagements:
        pairs: list[frozenset[str]] = []
        for f in eng.frames:
            ids = frozenset(m.person for m in f.people)
            if len(ids) == 2 and ids not in pairs and f.own_people >= 1 and not f.headline:
                pairs.append(ids)
        common = frozenset.intersection(*pairs) if len(pairs) >= 2 else frozenset()
        if len(eng.participants) < 3 or len(pairs) < 2 or not common or \
                frozenset().union(*pairs) != frozenset(eng.ids):
            out.append(eng)
            continue
        for pair in pairs:
            part = Engagement(eng.date, eng.kind, [m for m in eng.participants if m.person in pair],
                              sentences=list(eng.sentences), scheduled=eng.scheduled,
                              frames=[f for f in eng.frames if {m.person for m in f.people} <= pair
                                      or len(f.people) > 2 or not f.people])
            part.place = eng.place
            out.append(part)
    return out


def split_summaries(engagements: list[Engagement]) -> list[Engagement]:
    """"Wang met Jaishankar and Doval" when the article also reports each meeting apart."""
    out = []
    keys = [(set(e.ids), _family_of(e)) for e in engagements]  # (computed once: pages can be long)
    for eng, (ids, family) in zip(engagements, keys):
        parts = [o for o, (theirs, kind) in zip(engagements, keys) if o is not eng and kind == family
                 and len(theirs) >= 2 and theirs < ids and _compatible(o.date, eng.date)]
        covered = set().union(*(set(o.ids) for o in parts)) if parts else set()
        if len(parts) >= 2 and covered >= ids:
            for o in parts:
                o.date = o.date or eng.date
                o.place = o.place or eng.place
                have = {id(f) for f in o.frames}  # by identity: comparing frames field by field is slow
                o.frames += [f for f in eng.frames if id(f) not in have]
            continue
        out.append(eng)
    return out


def _family_of(eng: Engagement) -> str:
    return _FAMILY.get(eng.kind, "met")


def distribute(engagements: list[Engagement], principal: str | None) -> list[Engagement]:
    """"held bilateral meetings with the Kyrgyz [A] and Tajik [B] ministers": one each."""
    out: list[Engagement] = []
    for eng in engagements:
        plural = any(f.plural for f in eng.frames)
        subject = next((f.people[0].person for f in eng.frames if f.plural and f.people), None)
        lead = subject if subject in eng.ids else \
            principal if principal in eng.ids else (eng.ids[0] if eng.ids else None)
        side = {c for f in eng.frames if f.plural for c in f.companions} - {lead}
        aides = [m for m in eng.participants if m.person in side]
        others = [m for m in eng.participants if m.person != lead and m.person not in side]
        refs = [c for f in eng.frames if f.plural for o in f.offices for c in o.countries]
        if plural and lead and len(others) + len(refs) >= 2:
            leader = next(m for m in eng.participants if m.person == lead)
            named_countries = {m.country for m in others if m.country}
            note = [f"people: the text lists {', '.join(m.name for m in others)} after one verb; "
                    "written as one engagement each: merge them if it was one sitting or one call"] \
                if any(f.listed for f in eng.frames) else []
            for m in others:
                part = Engagement(eng.date, eng.kind, [leader, *aides, m], list(eng.forums), eng.place,
                                  review=list(note), sentences=list(eng.sentences),
                                  scheduled=eng.scheduled, frames=list(eng.frames))
                out.append(part)
            for country in dict.fromkeys(refs):
                if country in named_countries:
                    continue
                part = Engagement(eng.date, eng.kind, [leader, *aides], list(eng.forums), eng.place,
                                  sentences=list(eng.sentences), scheduled=eng.scheduled,
                                  frames=list(eng.frames), counterparts=[country])
                out.append(part)
            continue
        out.append(eng)
    return out


def fill_counterparts(engagements: list[Engagement]) -> list[Engagement]:
    """A slot for "his Egyptian counterpart" takes the Egyptian named before or after it; a
    one-person engagement with the same principal and that person is then the same engagement."""
    slots: list[Engagement] = []
    out: list[Engagement] = []
    for eng in engagements:
        if eng.counterparts and any(s.ids[:1] == eng.ids[:1] and s.counterparts == eng.counterparts
                                    and _compatible(s.date, eng.date) for s in slots):
            continue  # the same slot, from another copy of the sentence that opened it
        (slots if eng.counterparts else out).append(eng)
    for slot in slots:
        lead = slot.ids[0] if slot.ids else None
        for eng in out:
            other = next((m for m in eng.participants if m.person != lead), None)
            if lead is None or len(eng.participants) != 2 or not eng.has(lead) or other is None \
                    or other.country not in slot.counterparts or not _compatible(slot.date, eng.date):
                continue
            said = [o.office for f in slot.frames for o in f.offices if not o.plural and
                    "counterpart" not in o.office and other.country in o.countries]
            if said and other.title and office_clash(other.title, said[0]):
                continue  # "China's top diplomat" is not President Xi
            slot.counterparts.remove(other.country)
            eng.frames += [f for f in slot.frames if f not in eng.frames]
            eng.date = eng.date or slot.date
            eng.place = eng.place or slot.place
            if not slot.counterparts:
                break
    kept = [s for s in slots if s.counterparts]
    return sorted(out + kept, key=lambda e: engagements.index(e))


def in_window(eng: Engagement, pub: FuzzyDate | None) -> bool:
    """Dated within the news cycle of the article (scheduled ones: within a year ahead)."""
    if eng.date is None or pub is None:
        return True
    if eng.date.precision == "year":
        return eng.date.year >= pub.year
    delta = (eng.date.first_day() - pub.last_day()).days
    if eng.scheduled:
        return -NEWS_WINDOW_DAYS <= (eng.date.last_day() - pub.first_day()).days <= \
            SCHEDULE_WINDOW_DAYS
    return delta <= 1 and (pub.first_day() - eng.date.last_day()).days <= NEWS_WINDOW_DAYS


def worth_an_entry(eng: Engagement, clauses_text: dict[int, str]) -> bool:
    """Enough is known to call it an engagement: two sides, or one side and a day or forum;
    a visit when the text dates it or says how long it lasts; never one called off."""
    if any(f.cancelled for f in eng.frames):
        return False
    if eng.kind == "visit":
        said = [f for f in eng.frames if re.match(r"(?i)visit|trip|tour|Besuch|visita|viaje|viagem|"
                                                  r"travel|fl[yi]|head|depart|leav|left|arriv|lleg|cheg|arrib|se rend|s.est rend", f.word)]
        abroad = eng.place is not None or any(f.country for f in said)
        return bool(eng.participants) and bool(said) and abroad and any(
            f.time is not None for f in eng.frames)  # a visit the text dates, to a city or country
    sides = len(eng.participants) + len(eng.counterparts)
    if eng.scheduled and not any(f.time is not None for f in eng.frames) and \
            not any(f.own_people and f.future for f in eng.frames):
        return False  # "preparations for upcoming contacts": nothing named, nothing dated
    if sides >= 2:
        return True
    if sides == 1:
        return any(f.time is not None for f in eng.frames)
    return bool(eng.forums) and any(f.time is not None for f in eng.frames)


_CONVENED = re.compile(r"(?i)convened|met|meets?|gathered")  # "the bloc's leaders convened": a summit


def choose_kind(eng: Engagement, leaders: set[str], travelling: set[tuple[str, bool]]) -> tuple[str, str]:
    """(kind, review note when it is read from soft words). Talks of someone the article
    reports on a trip ("will exchange views with X" on a tour of Africa) were held in person."""
    own = [f for f in eng.frames if not f.inherited and not f.caption] or \
        [f for f in eng.frames if not f.inherited] or eng.frames  # lent settings and photos say nothing of kind
    groups = [f.group for f in own if not f.caption and not f.headline] or [f.group for f in own]
    words = {f.word.lower() for f in own}
    if "statement" in groups:
        return "statement", ""
    if "visit" in groups and set(groups) == {"visit"}:
        return "visit", ""
    if all(f.word == "agreed" for f in own):
        return "meeting", 'kind: read as a meeting from "he and X agreed"; the text does not say how they met'
    if "video" in groups:
        return "video call", ""
    in_person = words & {"met", "meet", "meets", "meeting", "in-person", "hosted", "held talks",
                         "received", "welcomed", "lunch", "dinner"} or eng.place or \
        any(f.inherited and f.place for f in eng.frames) or \
        any((m.person, eng.scheduled) in travelling for m in eng.participants)  # one of "a series of talks in Cairo"
    if "phone" in groups and not (in_person and groups.count("meet") > groups.count("phone")):
        return "call", ""
    firm = [f.group for f in own if f.group in ("meet", "summit") and not NEUTRAL.fullmatch(f.word)]
    if "talk" in groups and not in_person and not firm:
        word = next(f.word for f in eng.frames if f.group == "talk")
        return "call", f'kind: "{word}" read as a call (no meeting in person is mentioned)'
    # "convened" says nothing of kind, unless a format's leaders convened (then it is a summit frame)
    said = [f for f in own if f.group == "summit" or not re.fullmatch(r"(?i)convened", f.word)] or own
    if eng.frames[0].group != "summit" and any(f.people and f.group in ("meet", "talk") for f in said):  # "bilateral meetings on the
        said = [f for f in said if f.people or f.group != "summit"]  # sidelines of the event": the setting
    if any(f.group in ("meet", "talk") for f in said):  # "held talks with X at the summit"
        said = [f for f in said if not f.setting] or said
    first = next((f for f in said if not f.caption and not f.headline), said[0])
    heads = [m for m in eng.participants if m.person in leaders or m.leader]
    if heads and len(eng.participants) >= 2 and "phone" not in groups and any(
            f.headline and f.group == "summit" and not f.forums and not _sidelines(f) for f in eng.frames):
        return "summit", ""  # "Japan-Australia summit held in Tokyo": the headline names the meeting
    summit = [f for f in said if f.group == "summit"]
    if summit and not any(_sidelines(f) for f in summit):
        if heads or not eng.participants or any(_CONVENED.fullmatch(f.word) for f in summit):  # "the
            # bloc's leaders convened": the text says who they are
            if first.group == "summit" or len(summit) * 2 >= len(said):
                return "summit", ""
    return "meeting", ""


def _sidelines(frame: Frame) -> bool:
    return bool(re.search(r"sidelines|margins|ahead\s+of|on\s+the\s+eve", frame.word, re.I))


def office_note(refs: list[OfficeRef]) -> str:
    return ", ".join(r.text for r in refs)
