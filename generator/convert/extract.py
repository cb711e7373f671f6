"""One article in, one record out: every extracted field and why it is unsure.

Pure: no files are read or written here, so the whole pipeline can be tested
and benchmarked on strings.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.dates import FuzzyDate
from generator.content.model import Forum, Person
from generator.content.registry import Registry, load_forums, load_people
from generator.convert.clean import Cleaned, clean_text
from generator.convert.dates import find_times, labelled_date, leading_date, social_post_date
from generator.convert.engagements import (Engagement, Facts, attach_forums, attach_place,
                                           infer_two_plus_two, keywords, nearest_time,
                                           other_time, primary, secondary)
from generator.convert.forums import TWO_PLUS_TWO, ForumIndex, is_two_plus_two
from generator.convert.html import is_html, parse_html
from generator.convert.outlets import (OUTLETS_FILE, Where, agency_keys, find_agency,
                                       find_outlet, load_outlets)
from generator.convert.people import Mention, PeopleIndex, fold
from generator.convert.quotes import Quote, key_quotes
from generator.convert.sentences import Sentence, article_sentences


MAX_SENTENCES = 800


@dataclass
class Registries:
    """Everything the converter matches against, loaded once per run."""

    people: Registry[Person]
    forums: Registry[Forum]
    outlets: Registry
    index: PeopleIndex = field(init=False)
    forum_index: ForumIndex = field(init=False)
    agencies: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.index = PeopleIndex(self.people)
        self.forum_index = ForumIndex(self.forums)
        self.agencies = agency_keys(self.outlets)

    @classmethod
    def load(cls, content: Path) -> "Registries":
        return cls(load_people(content / "people.yaml"), load_forums(content / "forums.yaml"),
                   load_outlets(content / OUTLETS_FILE))


@dataclass
class Record:
    """What was extracted from one article."""

    file: str | None
    fingerprint: str
    title: str | None  # the headline as printed; None when there is none
    outlet: str | None
    agency: str | None
    published: FuzzyDate | None
    url: str | None
    engagements: list[Engagement]
    mentioned: list[Mention]
    forums_mentioned: list[str]
    candidates: list[Mention]
    quotes: list[Quote]
    review: list[str]  # about the article as a whole
    paragraphs: list[str]

    @property
    def people(self) -> set[str]:
        return {m.person for e in self.engagements for m in e.participants}


def fingerprint(paragraphs: list[str]) -> str:
    """The article's words, spacing and case aside: the same text always gives the same value."""
    words = re.sub(r"\s+", " ", " ".join(paragraphs)).strip().casefold()
    return "sha256:" + hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def _date_outside(lines: list[str]) -> FuzzyDate | None:
    """A "Published: March 6, 2022" line the page put outside the article body."""
    for line in lines:
        found = labelled_date(line)
        if found and len(line.split()) <= 14:
            return found[0]
        lead = leading_date(line)
        if lead and not lead[2].strip():
            return lead[0]
    return None


def _candidate_surnames(text: str, taken: list[tuple[int, int]],
                        by_surname: dict[str, str]) -> list[Mention]:
    """Later mentions of an unregistered person by surname alone."""
    out = []
    for surname, name in by_surname.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            if not any(a <= m.start() < b for a, b in taken):
                out.append(Mention(name, name, surname, m.start(), m.end(), "", candidate=True))
    return out


def _pub_for(paragraph: str, pub: FuzzyDate | None) -> FuzzyDate | None:
    """A quoted post's "Today" is the post's day, not the article's."""
    return social_post_date(paragraph) or pub


_CLAUSE_BREAK = re.compile(r"(?:,\s+(?:and\s+)?(?:then\s+)?|;\s+|\s+and\s+(?:then\s+)?)")


def _clauses(sentences: list[Sentence], pub: FuzzyDate | None) -> list[Sentence]:
    """Split a sentence that reports two engagements on two days ("met Dubois in Paris on
    Monday and then travelled to Berlin, where he held talks with Vogt on Tuesday")."""
    out: list[Sentence] = []
    for s in sentences:
        times = find_times(s.plain, pub)
        pairs = []
        for ks, ke, _ in keywords(s.plain):
            if other_time(s.plain, ks, ke):
                continue
            t = nearest_time(times, ks, ke, s.plain)
            if t and t.date and t.date.precision == "day" and not other_time(s.plain, t.start, t.end):
                pairs.append((min(ks, t.start), max(ke, t.end), t.date))
        pairs.sort()
        second = next((p for p in pairs if pairs and p[2] != pairs[0][2]), None)
        cut = None
        if second is not None and pairs[0][1] < second[0]:
            breaks = list(_CLAUSE_BREAK.finditer(s.plain, pairs[0][1], second[0]))
            cut = breaks[0] if breaks else None
        if cut is None:
            out.append(s)
            continue
        a, b = cut.start(), cut.end()
        out.append(Sentence(s.text[:a], s.paragraph, s.index, s.plain[:a]))
        out.append(Sentence(s.text[b:], s.paragraph, s.index, s.plain[b:]))
    return out


def _facts(cleaned: Cleaned, reg: Registries, pub: FuzzyDate | None) -> tuple[list[Facts], list[Mention]]:
    facts: list[Facts] = []
    known: set[str] = set()
    found: list[Mention] = []
    skip = {fold(f.name) for f in reg.forums} | {fold(a) for f in reg.forums for a in f.aliases}
    skip |= {fold(o.name) for o in reg.outlets} | {fold(a) for o in reg.outlets for a in o.aliases}
    post_pub: dict[int, FuzzyDate | None] = {}
    by_surname: dict[str, str] = {}  # "Abashidze" -> "Tamar Abashidze" once named in full
    common = set(re.findall(r"\b[a-z]{3,}\b", " ".join(cleaned.paragraphs)))
    sentences = article_sentences(cleaned.paragraphs)
    if len(sentences) > MAX_SENTENCES:  # a book, not an article: read its beginning
        sentences = sentences[:MAX_SENTENCES]
    for s in _clauses(sentences, pub):
        mentions = reg.index.find(s.text, known, common)
        known |= {m.person for m in mentions}
        taken = [(m.start, m.end) for m in mentions]
        offices = [o for o in reg.index.find_offices(s.text, pub)
                   if not any(a <= o.start < b for a, b in taken)]
        taken += [(m.start, m.end) for m in offices]
        cands = reg.index.candidates(s.text, taken, skip)
        taken += [(m.start, m.end) for m in cands]
        cands += _candidate_surnames(s.text, taken, by_surname)
        for c in cands:
            by_surname.setdefault(c.name.split()[-1], c.name)
        people = sorted(mentions + offices + cands, key=lambda m: m.start)
        found += people
        if s.paragraph not in post_pub:
            post_pub[s.paragraph] = _pub_for(cleaned.paragraphs[s.paragraph], pub)
        here = post_pub[s.paragraph]
        times = find_times(s.plain, here)
        if here is not pub and here is not None:
            for t in times:
                t.how = t.how.replace(f"publication {here.iso()}", f"the quoted post's date "
                                      f"{here.iso()}").replace("the publication date",
                                                               "the quoted post's date")
        f = Facts(s.text, s.plain, s.paragraph, people, times,
                  keywords(s.plain), reg.forum_index.find(s.plain))
        facts.append(f)
    return facts, found


def _written_title(eng: Engagement | None) -> str:
    if eng is None:
        return "Untitled article"
    names = [m.name for m in eng.participants][:3]
    who = " and ".join(names) if len(names) <= 2 else f"{names[0]}, {names[1]} and {names[2]}"
    where = f" in {eng.place}" if eng.place else ""
    if eng.forums and len(names) > 2:
        return f"{eng.forums[0]}{where}"
    return {
        "call": f"{who} speak by phone", "video call": f"{who} hold a video call",
        "summit": f"{who} hold a summit{where}", "visit": f"{who} visit{'s' if len(names) == 1 else ''}{where}",
        "statement": f"Statement by {who}",
    }.get(eng.kind, f"{who} meet{where}" if len(names) > 1 else f"{who} holds talks{where}")


_TOPIC = re.compile(r"\b(?:to\s+discuss|discussed|covered|focused\s+on|to\s+review|reviewed)\s+"
                    r"([^.;:!?]{8,240})")
_TOPIC_END = re.compile(r"[\"\u201d],|,\s+(?:said|according|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+said)|"
                        r"\s+(?:and|but)\s+[\"\u201c]|,\s+(?:which|who|while|as)\b")


def topic(facts: list[Facts], eng: Engagement) -> str | None:
    """What they talked about, in a few words from the sentences about the engagement."""
    near = sorted(range(len(facts)), key=lambda i: (min(abs(i - j) for j in eng.sentences or [0]), i))
    for i in near[:6]:
        m = _TOPIC.search(facts[i].text)
        if not m:
            continue
        text = _TOPIC_END.split(m.group(1), 1)[0]
        text = re.sub(r"[\"\u201c\u201d]", "", text).strip(" ,")
        words = text.split()
        if len(words) > 16:
            text = " ".join(words[:16]) + "..."
        if len(words) < 2 or re.match(r"(?:the\s+)?(?:progress|situation|issues?|matters?)$", text, re.I):
            continue
        return text
    return None


def extract(data: str, reg: Registries, file: str | None = None, *, url: str | None = None,
            published: FuzzyDate | None = None, outlet: str | None = None) -> Record:
    """Read one article (plain text or HTML) into a record.

    ``url``, ``published`` and ``outlet`` are what the user knows about the page
    (``--url``, ``--published``, a manifest); they win over what the page says.
    """
    page = parse_html(data) if is_html(data) else None
    cleaned = clean_text(page.text if page else data, reg.agencies)
    review: list[str] = []
    title = (page.title if page and page.title else None) or cleaned.title
    url = url or (page.url if page else None)
    pub = published or (page.published if page and page.published else None)
    if pub is None and cleaned.published:
        pub = cleaned.published.date
    if pub is None and page:
        pub = _date_outside(page.outside)
    if pub is None:
        if cleaned.dateline:
            place, month, day, _ = cleaned.dateline
            review.append(f"published: the dateline '{place}, {month:02d}-{day:02d}' gives no "
                          "year; add the publication date")
        elif cleaned.post_dates:
            review.append(f"published: not given; a quoted post is dated "
                          f"{cleaned.post_dates[0].iso()}, so the article is from then or later")
        else:
            review.append("published: the text gives no publication date")
    credits = cleaned.credits + (page.credits if page else [])
    agency = find_agency(credits, page.author if page else None, reg.outlets)
    where = Where(page.site_name if page else None, url,
                  cleaned.header + cleaned.footer + cleaned.dropped +
                  ([f"By{cleaned.byline}"] if cleaned.byline else []) +
                  (page.chrome + page.outside if page else []),
                  cleaned.repeated)
    if outlet is None:
        outlet, note = find_outlet(where, reg.outlets)
        if note:
            review.append(note)

    facts, mentions = _facts(cleaned, reg, pub)
    engagements: list[Engagement] = []
    headline = reg.index.find(title) if title else []
    main = primary(facts, pub, headline)
    if main is not None:
        engagements.append(main)
        start = main.sentences[0] if main.sentences else 0
        engagements += secondary(facts, main, start)
    for k, eng in enumerate(engagements):
        others = engagements[:k] + engagements[k + 1:]
        attach_forums(facts, eng, others, main=k == 0)
        attach_place(facts, eng, others, main=k == 0)
        infer_two_plus_two(eng, is_two_plus_two(eng.ids, reg.people, eng.date),
                           reg.forums.lookup(TWO_PLUS_TWO) is not None)
        if eng.date is not None and any(p == eng.date for p in cleaned.post_dates) and eng.review:
            eng.review[0] += f" (a quoted post is dated {eng.date.iso()})"

    acting = {m.person for e in engagements for m in e.participants}
    mentioned: dict[str, Mention] = {}
    candidates: dict[str, Mention] = {}
    for m in mentions:
        if m.candidate:
            candidates.setdefault(m.person, m)
        if m.person not in acting:
            mentioned.setdefault(m.person, m)
        if m.how and not m.candidate:
            note = f"people: {m.how}"
            if m.how.startswith('"the') and m.person in {x.person for x in mentions if not x.how}:
                continue  # the office phrase names someone already named outright
            if note not in review:
                review.append(note)
    for c in candidates.values():
        review.append(f"people: {c.how}; run with --add-people to add it as unconfirmed")
    named_forums = []
    for f in facts:
        for hit in f.forums:
            if hit.forum not in named_forums:
                named_forums.append(hit.forum)
    in_use = {x for e in engagements for x in e.forums}
    if not title:
        review.append("title: the article has no headline; this one was written by the "
                      "converter")
    record = Record(
        file=file, fingerprint=fingerprint(cleaned.paragraphs), title=title, outlet=outlet,
        agency=agency, published=pub, url=url, engagements=engagements,
        mentioned=list(mentioned.values()), forums_mentioned=[f for f in named_forums if f not in in_use],
        candidates=list(candidates.values()), quotes=key_quotes(facts, acting), review=review,
        paragraphs=cleaned.paragraphs)
    for eng in engagements:
        eng.topic = topic(facts, eng)
    return record


def entry_title(record: Record, eng: Engagement) -> tuple[str, str | None]:
    """The entry's title: the headline for a one-engagement article, else a written one."""
    if record.title and len(record.engagements) == 1:
        return record.title, None
    if record.title:
        return _written_title(eng), ("title: written by the converter; the headline covers "
                                     f"several engagements (\"{record.title}\")")
    return _written_title(eng), None
