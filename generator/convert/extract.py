"""One article in, one record out: every extracted field and why it is unsure.

Pure: no files are read or written here, so the whole pipeline can be tested
and benchmarked on strings. The steps: the page's text and metadata
(``html``, ``clean``), its language, its publication date (``pubdate``),
sentences cut into clauses, what each clause names (``people``, ``places``,
``forums``, ``dates``), engagement frames (``frames``), and engagements
(``engagements``), each field with the review line that says how it was read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from generator.content.dates import FuzzyDate
from generator.content.model import Forum, Person
from generator.content.registry import Registry, load_forums, load_people
from generator.convert import engagements as eng_mod
from generator.convert.clean import Cleaned, clean_text
from generator.convert.dates import (PubDate, Reading, TimeExpr, find_full_date, find_times, labelled_date,
                                     leading_date, numeric_order, social_post_date)
from generator.convert.engagements import Context, Engagement
from generator.convert.forums import summit_format, TWO_PLUS_TWO, ForumIndex, is_generic, is_two_plus_two
from generator.convert.frames import (GERMAN_PRONOUN_SUBJECT, KIND_OF_GROUP, NEUTRAL, TWO_SIDES, Clause,
                                      Frame, _actors, _reports, _sender, frames_of, in_time_clause,
                                      triggers)
from generator.convert.html import is_html, parse_html
from generator.convert.language import detect
from generator.convert.outlets import (OUTLETS_FILE, Where, agency_keys, find_agency,
                                       find_outlet, load_outlets)
from generator.convert.people import (TITLE_HEADS, Mention, OfficeRef, PeopleIndex, _SPEAKER_ROLE, _edit_distance,
                                      fold, office_of, office_words, same_office)
from generator.convert.places import PLACES_FILE, SMALL_TOWN, Gazetteer, PlaceHit, country_of, load_gazetteer
from generator.convert.pubdate import choose, url_date
from generator.convert.quotes import Quote, _speaker, key_quotes
from generator.convert.reference import (combine, combine_outlets, reference_forums, reference_outlets,
                                         reference_people)
from generator.convert.sentences import Sentence, article_sentences, blank_quotes, quote_spans

MAX_SENTENCES = 800


@dataclass
class Registries:
    """Everything the converter matches against, loaded once per run: the site's own
    registries, with the converter's reference lists behind them."""

    people: Registry[Person]
    forums: Registry[Forum]
    outlets: Registry
    places: Gazetteer | None = None
    index: PeopleIndex = field(init=False)
    forum_index: ForumIndex = field(init=False)
    agencies: set[str] = field(init=False)
    known_people: Registry = field(init=False)
    known_forums: Registry = field(init=False)
    known_outlets: Registry = field(init=False)
    not_people: set[str] = field(init=False)

    def __post_init__(self) -> None:
        if self.places is None:
            self.places = load_gazetteer(None)
        self.refresh()

    def refresh(self) -> None:
        self.known_people = combine(self.people, reference_people())
        self.known_forums = combine(self.forums, reference_forums())
        self.known_outlets = combine_outlets(self.outlets, reference_outlets())
        self.index = PeopleIndex(self.known_people, self.places, set(self.people.items))
        self.not_people = {n if n.isupper() else fold(n)  # "MIA" the agency, not "Mia" the name
                           for r in (self.known_forums, self.known_outlets) for item in r
                           for n in (item.name, *item.aliases)}  # never taken for a person
        self.forum_index = ForumIndex(self.known_forums)
        self.agencies = agency_keys(self.known_outlets)

    @classmethod
    def load(cls, content: Path) -> "Registries":
        return cls(load_people(content / "people.yaml"), load_forums(content / "forums.yaml"),
                   load_outlets(content / OUTLETS_FILE), load_gazetteer(content / PLACES_FILE))


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
    reference_people: list[str]  # ids of participants known only from the reference list
    quotes: list[Quote]
    review: list[str]  # about the article as a whole
    paragraphs: list[str]
    language: str = "English"
    unsupported: str | None = None  # "Hindi text: not supported"

    @property
    def people(self) -> set[str]:
        return {m.person for e in self.engagements for m in e.participants}

    @property
    def needs_date(self) -> bool:
        return any(e.draft for e in self.engagements)


def fingerprint(paragraphs: list[str]) -> str:
    """The article's words, spacing and case aside: the same text always gives the same value."""
    words = re.sub(r"\s+", " ", " ".join(paragraphs)).strip().casefold()
    return "sha256:" + hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- publication

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


def _in_page_order(found: PubDate, text: str, url: str | None) -> tuple[str, FuzzyDate]:
    """A date line such as ``10/06/2025`` read in the order the page writes dates."""
    host = (urlsplit(url).hostname or "") if url else ""
    ordered = numeric_order(found.text, text, month_first=host.endswith((".gov", ".mil", ".us")))
    if ordered is None:
        return "", found.date
    date, note = ordered
    return note.removeprefix("published: "), date


_ISSUED = re.compile(r"\b(?:issued|published|released|posted|dated)\b[^.]{0,60}?\bon\s+(.{6,30})", re.I)


def _near(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Two different days at most two apart."""
    return a.precision == b.precision == "day" and 0 < abs((a.first_day() - b.first_day()).days) <= 2


def publication(page, cleaned: Cleaned, url: str | None, user: FuzzyDate | None,
                today: dt.date) -> tuple[FuzzyDate | None, list[str]]:
    if user is not None:
        return user, []
    candidates: list[tuple[str, FuzzyDate | None]] = []
    if page and page.published:
        candidates.append(("", page.published))
    bare = cleaned.unlabelled
    if bare is not None and not cleaned.unlabelled_above_title and cleaned.published and \
            cleaned.published.how == "the page's date line" and _near(bare.date, cleaned.published.date):
        candidates.append(_in_page_order(bare, cleaned.text, url))  # the page's own words beat the
        # crawler's stamp a day off ("date 2021-03-30", then "29 March 2021" under the headline)
    if cleaned.published:
        candidates.append(_in_page_order(cleaned.published, cleaned.text, url))
    if page:
        candidates.append(("", _date_outside(page.outside)))
    if bare is not None and not cleaned.unlabelled_above_title:
        candidates.append(_in_page_order(bare, cleaned.text, url))
    for line in cleaned.header + cleaned.paragraphs[:2]:  # "The press release issued on 27 April 2023."
        m = _ISSUED.search(line)
        found = find_full_date(m.group(1), anchored=True) if m else None
        if found:
            candidates.append(("", found[0]))
            break
    date, notes = choose(candidates, url, today)
    lead = cleaned.published if cleaned.published and cleaned.published.how == "the page's date line" \
        else None
    from_url = url_date(url, today)
    if lead is not None and date == lead.date and from_url is not None and \
            from_url.precision == "day" and from_url != date and not (page and page.published):
        notes = [f"published: the crawler's date line says {date.iso()}, the page address "
                 f"{from_url.iso()}; {from_url.iso()} is used"]
        date = from_url
    if date is None and bare is not None:  # only a date above the headline
        date = bare.date
        notes.append(f'published: read from "{bare.text}" above the headline; check that it is '
                     "the article's date and not the site's date of today")
    if date is not None and date.day is None:
        finer = _day_within(cleaned.header + cleaned.dropped + cleaned.footer, date)
        if finer is not None:  # "date 2022-05" above, "May 20, 2022 07:43 ET" below
            notes.append(f"published: the date line gives {date.iso()}; {finer.iso()} comes from "
                         "a date line of that month elsewhere on the page")
            date = finer
    filed = _dateline_day(cleaned, date)
    if filed is not None:  # "Kathmandu, Sept. 22:" on a page dated the 25th: written on the 22nd
        notes.append(f"published: the dateline says {filed.iso()[5:]}, the page {date.iso()}; "  # type: ignore[union-attr]
                     f"{filed.iso()} is used, as the text's weekdays count from it")
        date = filed
    if date is None and cleaned.dateline:
        _, month, day, _ = cleaned.dateline
        text = " ".join(cleaned.paragraphs)
        years = [d.year for d in cleaned.post_dates if (d.month, d.day) == (month, day)]
        years += [f[0].year for f in _full_dates(text) if (f[0].month, f[0].day) == (month, day)]
        if years:
            date = FuzzyDate(years[0], month, day)
            notes.append(f"published: the dateline gives {date.iso()[5:]} without a year; "
                         f"{years[0]} comes from a full date of that day in the text")
    return date, notes


def _day_within(lines: list[str], coarse: FuzzyDate) -> FuzzyDate | None:
    """A line that is only a full date (and a time) in the month or year the date line gave."""
    for line in lines:
        lead = leading_date(line)
        if lead and lead[0].day is not None and lead[0].year == coarse.year and \
                coarse.month in (None, lead[0].month) and \
                re.fullmatch(r"[\s,|-]*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4}\s*)?"
                             r"(?:\(\d{1,2}[:.]\d{2}\s*[A-Z]{2,4}\))?[\s.]*", lead[2], re.I):
            return lead[0]
    return None


def _dateline_day(cleaned: Cleaned, date: FuzzyDate | None) -> FuzzyDate | None:
    """The day of a dateline without a year ("Kathmandu, Sept. 22") when it is a few days
    before the page's date: the day the report was filed."""
    if not cleaned.dateline or date is None or date.precision != "day":
        return None
    _, month, day, _ = cleaned.dateline
    for year in (date.year, date.year - 1):
        try:
            filed = dt.date(year, month, day)
        except ValueError:
            return None
        if 0 < (date.first_day() - filed).days <= 14:
            return FuzzyDate(year, month, day)
    return None


_BARE_DATELINE = re.compile(r"^([A-Z][A-Z .'\u2019-]{2,30}?)(?:,\s*[A-Z][\w .]{2,30}?)?\s*"
                            r"(?:\([^)]{1,40}\))?\s*(?:[-\u2013\u2014]+|:)\s")  # "NEW DELHI: India's ..."


def _bare_dateline(paragraphs: list[str], reg: Registries) -> str | None:
    """"VILNIUS \u2013 Foreign Ministers ...", "KYIV, Ukraine (AP) \u2014 ...": the wire's city."""
    for p in paragraphs:
        m = _BARE_DATELINE.match(p)
        if m:
            city = reg.places.canonical(m.group(1).strip().title())  # type: ignore[union-attr]
            if city and reg.places.lookup(city) is not None:  # type: ignore[union-attr]
                return city
    return None


def _full_dates(text: str):
    pos = 0
    while True:
        found = find_full_date(text[pos:])
        if not found:
            return
        yield found
        pos += found[1].end()


def _valid_day(year: int | None, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if year else None
    except ValueError:
        return None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _year_guess(cleaned: Cleaned, pub: FuzzyDate | None, today: dt.date,
                weekday: int | None, month: int | None, day: int | None) -> int | None:
    """A year for a date the text gives without one: the latest year the text names (or the
    current one) that fits the weekday, if the text gives one (when the text names years, the
    weekday may also be the day before: a report filed the next day)."""
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", " ".join(cleaned.paragraphs))]
    latest = max([y for y in years if y <= today.year] or [today.year])
    for year in range(max(latest, today.year if not years else latest), latest - 12, -1):
        if month and day and weekday is not None:
            try:  # the weekday is the dateline's day, or, near a year the text names, the day before it
                on = dt.date(year, month, day).weekday()  # (a report filed the next day)
                if weekday not in ((on, (on - 1) % 7) if years else (on,)):
                    continue
            except ValueError:
                continue
        return year
    return latest


# ---------------------------------------------------------------- clauses

_CAPTION = re.compile(
    r"(?:^\s*[\[(]?(?:photo|image|picture|file\s+photo|pictured|l[ée]gende(?:\s+photo)?|"
    r"pie\s+de\s+foto|legenda|didascalia|Bildunterschrift)\s*:|\((?:archives?|archivo|arquivo|archiv)\)\s*$|"
    r"\((?:photo|image|file|picture)[^)]{0,80}\)\s*$|\([^()]{0,40}\b(?:photo|image|picture)s?\)\s*$|REUTERS/[\w .'-]+$|/\s*Source:\s*[\w .]+\|?\s*$|"
    r"\bphoto(?:graph)?\s+(?:courtesy|credit|by)\b[^.]{0,60}$|\[Image source[^\]]*\]|"
    r"[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,3}\s*/\s*(?:dpa|AFP|AP|Reuters|EPA|EFE|ANSA|Xinhua|ANI|PTI|Kyodo|"
    r"Yonhap|Getty\s+Images|Pool)\s*$|"
    r"\b(?:AFP|AP|Getty Images|Pool|ANI|PTI|Xinhua|Yonhap|EPA)(?:\s+(?:via|Photo|/)\s*[\w /]+)?\s*$|"
    r"\bPhoto:\s*[^.]{1,60}$|\bfile photo\b)", re.I)
_CLAUSE_SPLIT = re.compile(
    r";\s+|,\s+(?:and\s+)?(?:then|while|whereas|before(?!\s+(?:their|the)\s+(?:[\w-]+\s+)?(?:talks|meeting)\b)|"
    r"after|following\s+which|as\s+well\s+as)\s+|"  # (not "shake hands on May 19, before their talks": theirs)
    r"\s+(?:and\s+then|and\s+later|and\s+also(?!\s+with\b))\s+|"  # ("... and also with X": the same list)
    r"\s+(?=(?:un|dos|tres|um|dois|tr[êe]s)\s+d[ií]as?\s+(?:despu[ée]s|antes|depois)\s+d[eo]\b)|"
    r",?\s+and\s+(?=(?:then\s+)?(?:the\s+(?:next|following)\s+day|on\s+\w+(?:\s+\d{1,2})?)\s+with\s)|"
    r",?\s+and\s+(?=(?:then\s+)?(?:yesterday|today|tonight|later|earlier|on\s+\w+day|the\s+(?:next|following)\s+"
    r"day),?\s+(?:he|she|they|we)\s)|"  # "On Sunday, he spoke with X and yesterday he called Y"
    r",?\s+and\s+(?=with\s[^.;,]{3,60}?\b(?:on\s+\w+day|yesterday|the\s+(?:next|following|previous)\s+day)\b)|"
    r"\s+and\s+(?=(?:was|were)\s+(?:later\s+|then\s+|also\s+)?(?:received|welcomed|hosted)\s+by\b)|"
    r"\s+(?=since\s+(?:they|he|she|the|their|his|her|it|last|then)\b)|"
    r"\s+(?=(?:alors\s+que|tandis\s+que|mientras\s+que|enquanto|w[äa]hrend)\s)|"  # "while ..."
    r",\s+(?=(?:\w+\s+)?(?:days|weeks|months|years)\s+(?:before|after)\s+(?:his|her|their)\b)|"
    r"(?<!days)(?<!weeks)(?<!months)(?<!years)\s+"  # "just weeks after their summit": one clause
    r"(?!before\s+(?:their|the)\s+(?:[\w-]+\s+)?(?:talks|meeting)\b)"  # ("shake hands ..., before their talks")
    r"(?=(?:before|after|prior\s+to)\s+(?:meeting|holding|talks|speaking|talking|calling|visiting|hosting|"
    r"his|her|their)\b)")
_LEAD_CLAUSE = re.compile(
    r"^(?:(?:Just|Shortly|Soon|Right|Immediately|Moments|Minutes)\s+(?:after|before)|"
    r"Before|After|Following|Prior\s+to|Ahead\s+of|(?:Close\s+)?[Oo]n\s+the\s+heels\s+of|"
    r"On\s+the\s+eve\s+of|In\s+the\s+run-up\s+to|"
    r"(?:\w+\s+)?(?:days?|hours?|weeks?|months?)\s+(?:after|before)|Amid|Despite|While|When|"
    r"Since)\b[^,]{3,160},\s+|"
    r"^(?:Earlier|Later)(?:\s+(?:on|in|that|this|the|same|day|week|month|morning|afternoon|evening|"
    r"night|\w+day))*,\s+")  # "Earlier on Monday, ..." (not "Later in the day X met Y, who ...")
# "Einen Tag nach ihrem Treffen mit X hat Merkel mit Y gesprochen": German puts the verb second,
# with no comma after the leading phrase
_GERMAN_LEAD = re.compile(r"^(?:[A-ZÄÖÜ][\w-]+\s+\([\w/ ]{2,20}\)\s*[-\u2013\u2014:]?\s*)?"  # "Berlin (AFP)"
                          r"(?:\w+\s+){0,3}?(?:nach|vor|w[äa]hrend)\s+(?:ihrem|seinem|ihren|seinen|dem|"
                          r"der|einem|einer)\s+[^,.;]{3,140}?\s(?=(?:hat|haben|ist|sind|traf|trafen|sprach|"
                          r"sprachen|telefonierte|empfing|wird|werden|will)\s)")
_RELATIVE = re.compile(  # not "the summit, which will be held in November in Astana": its own time
    r",\s+(?=(?:who|which|whose|where)\s)(?!which\s+(?:will|is\s+(?:to|set\s+to|scheduled\s+to|due\s+to|"
    r"expected\s+to)|was|is)\s+(?:be\s+|being\s+)?(?:held|take\s+place|taking\s+place|convene|open|"
    r"begin|start))(?!which\s+(?:began|begins|started|starts|opened|opens|kicked\s+off|kicks\s+off)\b)")
_WHERE_UNMARKED = re.compile(r"\b[A-Z][\w'\u2019-]+\s+(?=where\s+(?:he|she|they)\s)")
_EARLIER_STOP = re.compile(r"(?i)\b(?:after|following)\s+(?:an?\s+|his\s+|her\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,2}"
                           r"(?:visit|trip|stop|stay|tour|leg)\s+(?:to|in)\s+[^,;]{2,40}$")
_PRONOUN_START = re.compile(r"^(?:[^,]{0,80},\s+|(?:on|in|later|earlier|then|meanwhile)\s+(?:\w+\s+){0,3}?(?=the\s|he\s|she\s))?"
                            r"(?:he|she|the\s+(?:(?:external|foreign|prime|"
                            r"defen[cs]e|affairs|home|vice|deputy|[a-z]+ian|[a-z]+ese)\s+){0,3}(?:minister|"
                            r"leader|president|premier|chancellor|envoy|diplomat)|the\s+(?-i:PM|EAM|FM|CM)|"
                            r"(?:o|a|el|la|le|il|der|die)\s+(?:presidente?|pr[ée]sident(?:e|in)?|primeir[oa]-ministr[oa]|"
                            r"premier\s+ministre|primer\s+ministro|chanceler|canciller|kanzler(?:in)?|"
                            r"ministr[oa]|ministre|mandat[áa]ri[oa]|dirigente))\b",
                            re.I)  # "The EAM also held a meeting with ...", "O presidente seguirá ..."
_SAID_THAT_HE = re.compile(r"\b(?:said|says|told\s+\w+|tweeted|wrote|posted|added|announced|"
                           r"confirmed|revealed)\b(?:[^.;]{0,40}?\bthat\s+(?:he|she)\b|[^.;,]{0,40}?\b(?:after|"
                           r"following)\s+(?:meeting|talks|holding\s+talks|talking|speaking|his|her)\b)")
# ("Plenkovic said in a post on Sunday after meeting with Brnabic": the one who met)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|us)\b|^[\"\u201c\u201e]?(?:Had|Held|Met|Spoke|"
                           r"Glad|Delighted|Pleased|Great|Good|Happy|Wonderful|Excellent|"
                           r"Productive|Useful|Warm|Fruitful|Honou?red|Thank|Thanks|Just\s+concluded|"
                           r"Called\s+on|Received|Welcomed|Look(?:ing)?\s+forward|Nice|Lovely|"
                           r"Substantive|Constructive|Spoke|Talked|Discussed)\b")


# "The first meeting, after speaking at the plenary, was with X": an aside inside one clause
_APPOSITION = re.compile(r"(?i)\b(?:counterparts?|homologues?|host|hosts|ministers?|president|premier|"
                         r"chancellor|leaders?|envoy|secretary|adviser|advisor)\s*$")
_ASIDE = re.compile(r"[^,.;]{3,80},\s+(?:was|were|is|are|took\s+place|came)\b")


def _comma_in_date(plain: str, i: int) -> bool:
    """The comma at ``i`` is inside a date: "on Tuesday, October 25", "May 10, 2023"."""
    before, after = plain[max(0, i - 10):i], plain[i + 1:i + 14]
    return bool(re.search(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day$", before) and
                re.match(r"\s+(?:\d|[A-Za-z]{3,9}\.?\s+\d)", after)) or \
        bool(re.search(r"\d$", before) and re.match(r"\s+(?:19|20)\d\d", after))


def _leading_clause(plain: str) -> re.Match | None:
    """"After meeting X, ..." or German "Einen Tag nach ihrem Treffen mit X hat ...": the
    subordinate phrase a sentence opens with."""
    return _LEAD_CLAUSE.match(plain) or _GERMAN_LEAD.match(plain)


def _split(plain: str) -> list[tuple[int, int, bool]]:
    """Clauses of a sentence: (start, end, is a leading subordinate clause)."""
    cuts = {0}
    lead = _leading_clause(plain)
    if lead:
        cuts.add(lead.end())
    for m in _CLAUSE_SPLIT.finditer(plain):
        if m.start() > 12 and not (m.group().startswith(",") and _ASIDE.match(plain, m.end())):
            cuts.add(m.end())
    for m in _WHERE_UNMARKED.finditer(plain):
        cuts.add(m.end())  # "after a state visit to France where he was received by X"
    for m in _RELATIVE.finditer(plain):
        cuts.add(m.end())
        close = plain.find(",", m.end(), m.end() + 220)
        while close > 0 and _comma_in_date(plain, close):
            close = plain.find(",", close + 1, m.end() + 220)  # "who arrived on Tuesday, October 25,"
        if close > 0 and not _APPOSITION.search(plain, m.end(), close):
            cuts.add(close + 1)  # (not "where he met his Georgian counterpart, Vice Premier X")
    ordered = sorted(c for c in cuts if c < len(plain))
    out = []
    for a, b in zip(ordered, ordered[1:] + [len(plain)]):
        if plain[a:b].strip():
            out.append((a, b, bool(lead) and a == 0))
    return out


RECENT_PEOPLE = 400  # mentions an office may refer back to: far more than an article holds


class Reader:
    """Names in an article's sentences, read in order so later mentions know earlier ones."""

    def __init__(self, reg: Registries, cleaned: Cleaned, pub: FuzzyDate | None):
        self.reg = reg
        self.pub = pub
        self.known: set[str] = set()
        self.seen: list[Mention] = []  # every person named so far, in order
        self.by_surname: dict[str, str] = {}
        self.common = set(re.findall(r"\b[a-z]{3,}\b", " ".join(cleaned.paragraphs)))
        self.skip = reg.not_people
        self.found: list[Mention] = []
        self.forums = reg.forum_index.with_acronyms("\n".join(cleaned.paragraphs))

    def people(self, text: str) -> tuple[list[Mention], list[OfficeRef]]:
        index = self.reg.index
        mentions = index.find(text, self.known, self.common)
        taken = [(m.start, m.end) for m in mentions]
        offices = [o for o in index.find_offices(text, self.pub)
                   if not any(a <= o.start < b for a, b in taken)]
        taken += [(m.start, m.end) for m in offices]
        cands = [c for c in index.candidates(text, taken, self.skip) if not _middle_names(c, mentions, text)]
        taken += [(m.start, m.end) for m in cands]
        cands += self._surnames(text, taken)
        for c in cands:
            words = c.name.split()
            self.by_surname.setdefault(words[-1], c.name)
            if len(words) == 2 and len(words[0]) >= 3:  # "Wang" of Wang Yi: family name first
                self.by_surname.setdefault(words[0], c.name)
        people = sorted(mentions + offices + cands, key=lambda m: m.start)
        for m in people:
            self._annotate(text, m)
        refs = index.office_refs(text, [(m.start, m.end) for m in people])
        resolved = []
        for ref in refs:
            hit = self._coreferent(ref, people)
            if hit is not None:
                resolved.append(Mention(hit.person, hit.name, ref.text, ref.start, ref.end,
                                        country=hit.country, title=hit.title))
        people = sorted(people + resolved, key=lambda m: m.start)
        refs = [r for r in refs if not any(m.start == r.start for m in resolved)]
        self.known |= {m.person for m in people}
        self.seen += [m for m in people if not m.speaker and not in_time_clause(text, m)]
        self.found += people
        return people, refs

    def _surnames(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        out = []
        for surname, name in self.by_surname.items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
                if not any(a <= m.start() < b for a, b in taken):
                    out.append(Mention(name, name, surname, m.start(), m.end(), "", candidate=True))
        return out

    def _annotate(self, text: str, m: Mention) -> None:
        """The title and country the words around a name give it."""
        index = self.reg.index
        before = text[max(0, m.start - 80):m.start]
        title = re.search(r"((?:[A-Z][\w'\u2019.-]*|the|of|and|for)\s+){0,6}$", before)
        words = title.group(0) if title else ""
        if not words:  # "External affairs minister S Jaishankar", "his Russian counterpart Sergey Lavrov"
            low = re.search(rf"(?:\b[A-Z][\w'\u2019.-]*\s+)?\b(?:{TITLE_HEADS})\s+$", before, re.I)
            words = low.group(0) if low else ""
        own = re.match(rf"(?:[A-Z][\w'\u2019.-]*\s+)?(?:{TITLE_HEADS})\s+", m.text, re.I)
        words += own.group(0) if own else ""  # "Premier Li Qiang" matched with its title: nearest of all
        after = text[m.end:m.end + 90]
        appo = re.match(r",\s+(?:the\s+|a\s+|an\s+|who\s+is\s+(?:the\s+|also\s+)?)?"
                        r"(?!(?:also\s+)?(?:[a-z]+ed|says|said|told|added|noted|wrote)\b)([^,.;()]{3,80}?)"
                        r"(?=,|\.|;|$| who| and\b)", after)  # (", stated that the President ...": not his title)
        if appo and re.search(r"\b(?:said|says|told|added|noted|stated|wrote|tweeted)\s*$", appo.group(1)):
            appo = None  # "... with Emmanuel Macron, the spokesman said": who said it, not Macron's title
        said = [words, appo.group(1) if appo else ""]  # nearest first: "A President X and B Premier Y"
        if not m.title:
            office = (list(_TITLE_WORD.finditer(said[0].lower()))[-1:] or
                      list(_TITLE_WORD.finditer(said[1].lower()))[:1])
            if office:
                m.title = office_words(office[0].group(1))
                m.titled = True
            elif not m.candidate:
                m.title = index.role_on(m.person, self.pub)
        if _SPEAKER_ROLE.search(m.title or "") or (not m.candidate and _SPEAKER_ROLE.search(
                index.role_on(m.person, self.pub))):
            m.speaker = True
        if m.country is None:
            capitalised = r"[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+)?"
            for word in re.findall(capitalised, said[0])[::-1] + re.findall(capitalised, said[1]):
                country = self.reg.places.country_of(word.strip(".")) or \
                    self.reg.places.country_of(word.split()[0].strip("."))
                if country:
                    m.country = country
                    break
            bracket = re.search(r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s*\[\s*$", before)
            if m.country is None and bracket:
                m.country = self.reg.places.country_of(bracket.group(1)) or \
                    self.reg.places.country_of(bracket.group(1).split()[0])

    def _coreferent(self, ref: OfficeRef, here: list[Mention]) -> Mention | None:
        """"The Chinese foreign minister": someone already named with that office and country;
        "the external affairs minister": first whoever the text itself called so."""
        if ref.plural or "counterpart" in ref.office:
            return None
        holders = [m for m in reversed(self.seen[-RECENT_PEOPLE:] + here) if self._holds(m, ref, here)]
        if ref.countries or not holders:
            return holders[0] if holders else None
        words = office_words(ref.office)  # "The External Affairs Minister": whom the text calls so
        said = {m.person for m in holders if m.titled and office_words(m.title) == words}
        holders = [m for m in holders if m.person in said] or holders
        return holders[0]

    def _holds(self, m: Mention, ref: OfficeRef, here: list[Mention]) -> bool:
        """``m`` may be the one ``ref`` refers back to."""
        if m.start >= ref.start and m in here:
            return False
        if ref.countries and m.country not in ref.countries:
            return False
        titles = [m.title] + self.reg.index.roles_on(m.person, self.pub)
        if any(t and (same_office(t, ref.office) or  # a word, not a piece of one: "side" is
                      re.search(rf"(?<!deputy )(?<!vice )\b{re.escape(office_words(ref.office))}\b", t))
               for t in titles):  # not in "president", nor "prime minister" in "deputy prime minister"
            return bool(ref.countries) or not any(x.person == m.person for x in here)
        return False


_TITLE_WORD = re.compile(r"((?:deputy |vice |acting |former |first deputy |state )?"
                         r"(?:prime minister|foreign minister|external affairs minister|"
                         r"minister of foreign affairs|secretary of state|president|chancellor|"
                         r"premier|defen[cs]e minister|secretary of defen[cs]e|"
                         r"national security advi[sz]e?[eo]r|king|emir|crown prince|sheikh|"
                         r"spokes(?:person|man|woman)|press secretary|ambassador|envoy|"
                         r"minister|aide|adviser|advisor|reporter|correspondent))")


def _middle_names(cand: Mention, mentions: list[Mention], text: str) -> bool:
    """"Ferdinand Romualdez Marcos Jr.": a first and middle name before a known person's
    surname, the first name theirs."""
    nxt = next((m for m in mentions if m.start > cand.end), None)
    return nxt is not None and not text[cand.end:nxt.start].strip() and \
        fold(nxt.name).split()[0] == fold(cand.name).split()[0]


def _recent_pair(seen: list[Mention], text: str, here: list[Mention]) -> list[Mention]:
    """The last two people named before a sentence that says "the two ministers"."""
    if not TWO_SIDES.search(text):
        return []
    out: list[Mention] = []
    for m in reversed([m for m in seen if not any(m is h for h in here)]):
        if all(m.person != o.person for o in out):
            out.append(m)
        if len(out) == 2:
            break
    return out[::-1] if len(out) == 2 else []


def _signers(paragraphs: list[str], reg: Registries) -> dict[int, Mention]:
    """"Productive talks in Paris today with my colleague ..." signed on the next line
    "— Aigerim Sadykova (@SadykovaMFA) November 5, 2024": the post's author, by paragraph."""
    out: dict[int, Mention] = {}
    for i in range(len(paragraphs) - 1):
        sign = paragraphs[i + 1].lstrip()
        if sign[:1] in "\u2014\u2013-" and len(sign) < 120 and social_post_date(sign) is not None:
            found = reg.index.find(sign)
            if found:
                out[i] = found[0]
    return out


def _clauses(reader: Reader, sentences: list[Sentence], captions: set[int],
             pub: FuzzyDate | None, post_pub: dict[int, FuzzyDate | None],
             signers: dict[int, Mention] | None = None) -> list[Clause]:
    out: list[Clause] = []
    last_subject: list[Mention] = []
    previous: Clause | None = None
    for s in sentences:
        people, refs = reader.people(s.text)
        here = post_pub.get(s.paragraph, pub)
        lead = _leading_clause(s.plain)
        main_start = lead.end() if lead else 0
        first_verb = next((a for a, _, _ in triggers(s.plain[main_start:])), None)
        limit = main_start + first_verb if first_verb is not None else len(s.plain)
        subject = [m for m in people if main_start <= m.start < limit and not m.speaker and
                   s.plain[m.start:m.end].strip() and not _reports(s.text, m) and
                   not _sender(s.text, m) and not re.search(  # "Met with X": X is not the subject,
                       r"(?i)\b(?:with|met|meet|meets|and|accompanied\s+by|wife|husband|spouse)\b",
                       s.plain[main_start:m.start])][:1]  # nor "(the PM,) accompanied by his wife, X"
        pronoun = re.search(r"\b(?:he|she|He|She|(?i:il|elle|ele|ela|er|sie)(?=\s+(?:\w+\s+){0,3}?(?:a|est|ha|hat|tem|"
                            r"teve|recebeu|recibi[óo]|re[çc]oit|empfing|traf)\b))\b", s.plain[main_start:limit]) or \
            GERMAN_PRONOUN_SUBJECT.search(s.plain[main_start:limit]) or \
            _PRONOUN_START.match(s.plain[main_start:]) or \
            re.match(r"There\s+(?:was|were)\s+(?:also\s+)?(?:[\w-]+\s+)?(?:meetings?|talks)\s+with\b",
                     s.plain[main_start:])  # German "Zunächst wird er ... treffen"; "There were also
        # bilateral meetings with A and with B": the one the article is about met them
        if re.match(r"(?i)\W*(?:also\s+)?(?:present|in\s+attendance|accompanying\s+(?:him|her)|joining\s+(?:him|her)|"
                    r"among\s+(?:those|them|others))\b", s.plain[main_start:]):
            subject = []  # "Also present at the airport were X and Y": company, not whom "he" is next
        own_words = _SAID_THAT_HE.search(s.plain)  # "Mehta said on Thursday that he had spoken"
        if own_words and not subject:
            subject = [m for m in people if m.end <= own_words.start() and not m.speaker][:1]
        if pronoun and (not subject or subject[0].start > main_start + pronoun.start()):
            subject = last_subject  # "On Friday, hours after the conference opened, she met ..."
        carried = last_subject
        if subject:
            last_subject = subject
        else:  # "... the first visit in six years, as Bilawal arrived in Goa. He also held ...": Bilawal
            acting = [m for m in people if not m.speaker and re.match(
                r"\s+(?:also\s+|then\s+)?(?:arrived|landed|reached|met|held|visited|travell?ed|flew|came)\b",
                s.plain[m.end:m.end + 20])]
            last_subject = acting[-1:] or last_subject
        recent = _recent_pair(reader.seen, s.text, people)
        whole = Clause(s.text, s.text, s.index, s.paragraph, people)
        parts = [(a, b, is_lead, False) for a, b, is_lead in _split(s.plain)]
        parts += [(a, b, False, True) for a, b, _ in quote_spans(s.text, 4)]
        for a, b, is_lead, quoted in parts:
            text = s.text[a:b]
            plain = text if quoted else s.plain[a:b]
            shift = lambda items: [_moved(x, a) for x in items if a <= x.start < b]  # noqa: E731
            times = find_times(plain, here)
            if here is not pub:  # a quoted post speaks from its own day
                for t in times:
                    for r in (t.past, t.future):
                        r.how = r.how.replace("the publication date", "the date of the quoted post")\
                            .replace("publication", "the quoted post's date")
            clause = Clause(text, plain, s.index, s.paragraph, shift(people), shift(refs),
                            times, reader.reg.places.find(text),
                            reader.forums.with_candidates(plain), s.paragraph in captions)
            clause.subject = subject
            clause.carried = carried
            clause.recent = recent
            clause.lead = is_lead
            if not quoted and re.match(r"where\s", plain) and out and out[-1].sentence == s.index:
                clause.where = out[-1].places[-1] if out[-1].places else None
                if _EARLIER_STOP.search(out[-1].plain):
                    clause.where, clause.elsewhere = None, True  # "arrived on Tuesday after a visit to
                    # France where he met X": neither then nor there
                elif not clause.times:
                    clause.times = out[-1].times  # "visited X last month, where he met ..."
            signer = (signers or {}).get(s.paragraph)
            if signer is not None and not quoted and _FIRST_PERSON.search(text):
                clause.author = dataclasses.replace(signer, start=0, end=0)
                clause.subject = [clause.author]
            if quoted:
                clause.quoted = True
                first_person = bool(_FIRST_PERSON.search(text))
                author = _speaker(whole, a, b, previous) if first_person else None
                if author is not None and author.speaker:
                    author = None  # a spokesperson's "we" is the government's
                if author is None and first_person and carried and not re.search(r"[\u201d\"]", s.text[b - 1:]):
                    author = dataclasses.replace(carried[0], start=a, end=a)  # a quotation running on over
                    # paragraphs ("\u201cI also had a meeting with my counterpart ...", "\u201c...,\u201d he said")
                clause.author = _moved(author, a) if author is not None else None
                if clause.author is not None:
                    clause.author.start = clause.author.end = 0
                third = re.search(r"\b(?:he|she)\s+(?:\w+\s+){0,2}?(?:had|held|met|spoke|has|was|is|"
                                  r"will)\b", text, re.I)  # "he had meetings with ...": the one before
                clause.subject = [clause.author] if clause.author is not None else \
                    (carried if third and carried else [] if first_person else subject or
                     (carried if re.search(r"\b(?:he|she)\b", text, re.I) else []))
                said = _day_of_saying(out, s.index)  # the speaker's now: the day they spoke, if said
                clause.times = [dataclasses.replace(said, start=t.start, end=t.end) if t.form == "today" else t
                                for t in clause.times if t.form != "today" or said is not None]
            out.append(clause)
        previous = whole
    return out


def _day_of_saying(out: list[Clause], sentence: int) -> TimeExpr | None:
    """A statement that "on Wednesday read: “Today, ...": its today is that Wednesday."""
    intro = out[-1] if out and out[-1].sentence == sentence and not out[-1].quoted else None
    if intro is None or not re.search(r"\b(?:said|says|read|reads|stated|states|announced|added|wrote|"
                                      r"posted|tweeted)\b", intro.plain):
        return None
    return next((t for t in intro.times if t.form in ("weekday", "full", "day_month", "yesterday")), None)


def _moved(item, offset: int):
    """A copy of a mention or office with offsets into the clause."""
    if isinstance(item, Mention):
        return dataclasses.replace(item, start=item.start - offset, end=item.end - offset)
    return OfficeRef(item.start - offset, item.end - offset, item.office, item.countries,
                     item.plural, item.text)


# ---------------------------------------------------------------- engagements

def _vague(t: TimeExpr) -> bool:
    """"next week", "this month": a weekday or a date said elsewhere is the better one."""
    return bool(re.match(r"(?i)(?:(?:later|earlier)\s+)?(?:next|this|last|coming)\s+(?:week|month)\b", t.text))


def _resolve_date(eng: Engagement, ctx: Context, lead: Engagement | None, cleaned: Cleaned,
                  today: dt.date) -> None:
    """The engagement's day, from its own frames first; otherwise the publication date,
    always with a review line saying so."""
    timed = [f for f in eng.frames if f.time is not None and not f.headline] or \
        [f for f in eng.frames if f.time is not None and all(g.headline for g in eng.frames)]
    timed.sort(key=lambda f: (f.caption, _vague(f.time), not f.verb,  # type: ignore[arg-type]
                              abs(f.time.start - f.start)))  # type: ignore[union-attr]
    future = eng.scheduled

    def read(f: Frame) -> Reading:
        """"is meeting X on Thursday", "has begun a tour ... will visit Doha on Tuesday": ahead."""
        return f.time.at(future or f.mode in ("present", "future"))  # type: ignore[union-attr]

    if eng.kind == "visit":  # a trip is dated by its first day: "Saudi Arabia on Monday, Doha on Tuesday"
        timed.sort(key=lambda f: (f.caption, _vague(f.time),  # type: ignore[arg-type]
                                  (read(f).date or FuzzyDate(9999)).first_day()))
    for frame in timed:
        t = frame.time
        reading = read(frame)
        if frame.mode == "present" and reading.date is not None and ctx.pub is not None and \
                reading.date.first_day() > ctx.pub.last_day():
            eng.scheduled = True
        if reading.date is None and not reading.how:
            continue
        if reading.date is not None:
            eng.date = FuzzyDate(reading.date.year, reading.date.month, reading.date.day,
                                 approximate=reading.approximate)
            if reading.how:
                eng.review.append(f"date: {reading.how}")
            if future and t.weekday is not None and t.month is None and eng.date == ctx.pub and \
                    any(re.match(r"(?i)next\s+week", f.time.text) for f in timed):  # type: ignore[union-attr]
                day = ctx.pub.first_day() + dt.timedelta(days=7)
                eng.date = FuzzyDate(day.year, day.month, day.day)
                eng.review.append(f'date: "{t.text}" is in "next week": {eng.date.iso()}')
            if t.span:
                eng.review.append(f"date: the text gives the days {t.span}; the first is used")
            return
        if t.month and ctx.pub is None:
            year = _year_guess(cleaned, None, today, t.weekday, t.month, t.day)
            if year:
                eng.date = FuzzyDate(year, t.month, t.day)
                eng.draft = True
                eng.review.append(f'date: "{t.text}" gives no year and the article no '
                                  f"publication date; {year} is a guess: check it")
                return
        anchor = lead.date if lead is not None and lead is not eng else None
        if t.weekday is not None and t.month is None and ctx.pub is None and cleaned.dateline and \
                not (anchor is not None and anchor.day is not None):
            _, month, day, _ = cleaned.dateline
            year = _year_guess(cleaned, None, today, t.weekday, month, day)
            if year and _weekday_of(year, month, day) == t.weekday:
                eng.date = FuzzyDate(year, month, day)
                eng.draft = True
                eng.review.append(f'date: "{t.text}" read as the dateline\'s {month:02d}-{day:02d}, '
                                  f"which fell on that weekday in {year}; the year is a guess: check it")
                return
            filed = _valid_day(year, month, day) if year else None
            if filed is not None and (filed.weekday() - 1) % 7 == t.weekday:
                before = filed - dt.timedelta(days=1)  # "SAO PAULO, Nov 1 - ... met Monday": the 31st
                eng.date, eng.draft = FuzzyDate(before.year, before.month, before.day), True
                eng.review.append(f'date: "{t.text}" read as the day before the dateline\'s '
                                  f"{month:02d}-{day:02d} in {year}, a year the text names; the year is a "
                                  "guess: check it")
                return
        if t.form in ("today", "yesterday") and ctx.pub is None and cleaned.dateline:
            _, month, day, _ = cleaned.dateline  # "CAIRO, Jan 15 - ... yesterday": the 14th
            year = _year_guess(cleaned, None, today, None, month, day)
            filed = _valid_day(year, month, day)
            if filed is not None:
                when = filed - dt.timedelta(days=1 if t.form == "yesterday" else 0)
                eng.date = FuzzyDate(when.year, when.month, when.day)
                eng.draft = True
                eng.review.append(f'date: "{t.text}" read against the dateline\'s {month:02d}-{day:02d}; '
                                  f"the article gives no year and {year} is a guess: check it")
                return
        post = cleaned.post_dates[0] if cleaned.post_dates and ctx.pub is None else None
        if post is not None and t.weekday is not None and t.month is None and \
                post.first_day().weekday() == t.weekday:
            eng.date = post  # "late on Sunday", and the article quotes a post from a Sunday
            eng.review.append(f'date: "{t.text}" read as the day of the post the article quotes '
                              f"({post.iso()}); the publication date is unknown: check it")
            return
        if t.weekday is not None and t.month is None and ctx.pub is None and anchor is not None \
                and anchor.day is not None:
            start = anchor.first_day()  # the nearest such day: one trip, one news cycle
            day = next(start + dt.timedelta(days=d) for d in (0, 1, -1, 2, -2, 3, -3)
                       if (start + dt.timedelta(days=d)).weekday() == t.weekday)
            eng.date = FuzzyDate(day.year, day.month, day.day)
            eng.draft = eng.draft or lead.draft  # type: ignore[union-attr]  # (a guessed year stays a guess)
            eng.review.append(f'date: "{t.text}" read against the article\'s main engagement '
                              f"({anchor.iso()}), as the publication date is unknown: check it")
            return
        eng.review.append(f"date: {reading.how}")
        break
    told = next((f.reported for f in eng.frames if f.reported is not None), None)
    said = told.past.date if told is not None else None
    if said is not None and said.day is not None and ctx.pub is not None and said.first_day() <= ctx.pub.last_day():
        eng.date = said  # "met X ..., diplomatic sources said Thursday": by then, most likely that day
        eng.review.append(f'date: the text says only when it was told ("{told.text}"): {said.iso()} '
                          "is used; check it")
        return
    if lead is not None and lead.date is not None and not lead.draft:
        eng.date = lead.date  # the same trip or news cycle: the best the text knows
        eng.review.append(f"date: the text does not say when this engagement was; the date of "
                          f"the article's main engagement ({lead.date.iso()}) is used")
        return
    if lead is not None and lead is not eng and lead.date is not None and lead.date.day is not None \
            and lead.draft and ctx.pub is None:
        eng.date, eng.draft = lead.date, True  # "Doval also met X": the main meeting's guessed day
        eng.review.append(f"date: the text does not say when this engagement was; the main engagement's "
                          f"guessed date ({lead.date.iso()}) is used: check it")
        return
    if ctx.pub is not None:
        eng.date = ctx.pub
        what = "this engagement's day" if lead is not None else "the engagement's day"
        eng.review.append(f"date: the text does not give {what}; the publication date "
                          f"{ctx.pub.iso()} is used")
        return
    year = _year_guess(cleaned, None, today, None, None, None) or today.year
    eng.date = FuzzyDate(year)
    eng.draft = True
    eng.review.append(f"date: neither the engagement nor the publication is dated; {year} is "
                      "a placeholder: add the date (the entry is a draft until then)")


def _other_kind(eng: Engagement) -> str:
    """A review line when the engagement's own words also name another kind ("met ... during
    the summit", "the call ... at the meeting"): which one was chosen, and the other word."""
    for f in eng.frames:
        if f.inherited or f.headline and not (f.group == "summit" and eng.kind == "meeting") or \
                f.caption or NEUTRAL.fullmatch(f.word):
            continue  # (a headline calling the meeting a summit is worth saying)
        other = KIND_OF_GROUP.get(f.group)
        if other and other != eng.kind and other not in ("statement",) and \
                not (eng.kind == "video call" and other in ("meeting", "call", "summit")):
            return f'kind: read as a {eng.kind}; the text also says "{_clip(f.word)}" ({other})'
    return ""


def _variant_of_another(m: Mention, people: list[Mention]) -> bool:
    """"Mohamed Shia" beside "Mohammed Shia al-Sudani": a candidate that is the start of a known
    participant's name, spelled a little differently, is that participant."""
    if not m.candidate:
        return False
    words = fold(m.name).split()
    for other in people:
        if other is m or other.candidate:
            continue
        theirs = fold(other.name).replace("-", " ").split()
        if len(words) <= len(theirs) and all(
                _edit_distance(a, b, 1) <= 1 for a, b in zip(words, theirs)):
            return True
    return False


_NAMED: dict[tuple[int, str], frozenset[str]] = {}


def _countries_named(text: str, gaz: Gazetteer) -> frozenset[str]:
    """The article's countries, read once per article (every engagement asks)."""
    key = (id(gaz), text)
    if key not in _NAMED:
        if len(_NAMED) > 8:
            _NAMED.clear()
        _NAMED[key] = frozenset(gaz.countries_named(text))
    return _NAMED[key]


def _finish(eng: Engagement, ctx: Context, reg: Registries, lead: Engagement | None,
            cleaned: Cleaned, today: dt.date, leaders: set[str],
            travelling: set[tuple[str, bool]]) -> None:
    eng.participants = [m for m in eng.participants if not _variant_of_another(m, eng.participants)]
    kind, note = eng_mod.choose_kind(eng, leaders, travelling)
    eng.kind = kind
    if note or (note := _other_kind(eng)):
        eng.review.append(note)
    eng.date = None
    _resolve_date(eng, ctx, lead, cleaned, today)
    if not eng.scheduled and ctx.pub is not None and ctx.pub.precision == "day" and eng.date and \
            eng.date.precision == "day" and eng.date.first_day() > ctx.pub.last_day():
        eng.scheduled = True  # "Na quarta-feira, 19, lideram a Cimeira": after publication
        eng.review.append(f"scheduled: dated {eng.date.iso()}, after publication "
                          f"{ctx.pub.iso()}; check that it took place")
    stops = {f.place.place.venue_city: f.place.place.country for f in eng.frames
             if f.place is not None and not f.inherited and not f.here}
    if eng.kind in ("call", "video call"):
        eng.place = None
    elif eng.kind == "visit" and len(set(stops.values())) >= 2:  # "Doha on Tuesday, Abu Dhabi on Wednesday"
        eng.place = None
        eng.review.append(f"place: the trip takes in {', '.join(stops)}; none is written")
    else:
        own = [f for f in eng.frames if f.place is not None and not f.headline and not f.inherited]
        lent = [f for f in eng.frames if f.place is not None and (f.headline or f.inherited)]
        own.sort(key=lambda f: f.place.place.kind != "landmark")  # type: ignore[union-attr]
        chosen = (own or lent or [None])[0]
        town = chosen.place.place if chosen is not None else None  # type: ignore[union-attr]
        if town is not None and town.kind == "city" and 0 < town.population < SMALL_TOWN and \
                town.country not in _countries_named(cleaned.text, reg.places) and \
                reg.places.capital_of(town.country) != town.name:  # type: ignore[union-attr]
            eng.review.append(f'place: "{chosen.place.text}" is also a town in {town.country}, '  # type: ignore[union-attr]
                              "which the article never names; not used")
            chosen = None
            eng.place = None
        elif chosen is not None:
            eng.place = chosen.place.place.venue_city  # type: ignore[union-attr]
            if chosen.place.place.kind == "unknown":  # type: ignore[union-attr]
                eng.review.append(f'place: "{eng.place}" is not in the converter\'s gazetteer; check '
                                  "the name (and add it to places.yaml)")
            elif chosen.here and chosen.place.text == "here":  # type: ignore[union-attr]
                eng.review.append(f'place: "here" read as the dateline city {eng.place}')
            elif " capital" in chosen.place.text:  # type: ignore[union-attr]
                eng.review.append(f'place: "{chosen.place.text}" read as {eng.place}')  # type: ignore[union-attr]
            elif eng.kind == "visit" and chosen.place.start >= 0 and chosen.country is None and \
                    not -30 <= chosen.place.start - chosen.end <= 30:  # type: ignore[union-attr]
                eng.review.append(f"place: {eng.place} is named in the sentence about the visit, "
                                  "not as where it went; check")  # "on his visit to Korea, met X in Seoul"
            elif not own and chosen.lent_because:
                eng.review.append(f"place: {eng.place} {chosen.lent_because}")
            elif not own:
                eng.review.append(f"place: {eng.place} is said of " + (
                    "the article as a whole (the headline)" if chosen.headline else
                    f'the gathering around it ("{_clip(chosen.inherited)}"), not of this meeting'))
        elif not any(r.startswith("place:") for r in eng.review):
            eng.place = None
            eng.review.append("place: the text does not say where it took place")
    forums: list[str] = []
    for f in sorted(eng.frames, key=lambda f: bool(f.inherited)):
        if f.inherited and forums:
            break
        for name in f.forums:
            if name not in forums:
                forums.append(name)
                if f.inherited:
                    eng.review.append(f"forums: {name} is said of the gathering around it "
                                      f'("{_clip(f.inherited)}"), not of this meeting')
    for name in forums:
        if reg.known_forums.lookup(name) is None and not re.fullmatch(r"COP\d+", name):
            eng.review.append(f'forums: "{name}" is not in forums.yaml; add it there (or remove it '
                              "here if the engagement did not belong to it)")
        elif is_generic(name):
            sides = "-".join(dict.fromkeys(m.country for m in eng.participants if m.country)) or "A-B"
            eng.review.append(f'forums: "{name}" is a generic name; if this is one standing format of '
                              f'its countries, name it (for example "{sides} {name}") in forums.yaml')
    if any(re.fullmatch(r"COP\d+", f) for f in forums):  # COP27 is the edition of the series
        forums = [f for f in forums if reg.known_forums.lookup(f) is None or
                  not reg.known_forums.lookup("COP") or
                  reg.known_forums.lookup(f).id != reg.known_forums.lookup("COP").id]
    eng.forums = forums
    if "summit" in eng.groups and eng.kind in ("summit", "video call") and not any(
            (f := reg.known_forums.lookup(n)) and f.kind == "summit" for n in eng.forums):
        summit = summit_format(eng.ids, eng.forums, reg.known_people, reg.known_forums, eng.date)
        if summit is not None:
            eng.forums = [n for n in eng.forums if n not in summit.members and
                          getattr(reg.known_forums.lookup(n), "name", n) not in summit.members]
            eng.forums.append(summit.name)
            eng.review.append(f"forums: {summit.name} inferred: a summit of "
                              f"{' and '.join(summit.members)} (the text does not name the format)")
    if is_two_plus_two(eng.ids, reg.known_people, eng.date) and TWO_PLUS_TWO not in eng.forums \
            and reg.known_forums.lookup(TWO_PLUS_TWO) is not None:
        eng.forums.append(TWO_PLUS_TWO)
        eng.review.append("forums: 2+2 Dialogue inferred because both countries' foreign and "
                          "defence ministers took part (the text does not name the format)")
    for m in eng.participants:
        if m.how:
            eng.review.append(f"people: {m.how}")
        note = _role_conflict(m, eng.date, reg)
        if note:
            eng.review.append(note)
    if eng.counterparts:
        eng.review.append("people: the counterpart from " + ", ".join(eng.counterparts) +
                          (f" ({eng.slot_office})" if eng.slot_office and len(eng.counterparts) == 1 else "") +
                          " is not named; add the name if you know it")
    elif not eng.participants:
        eng.review.append("people: no participant is named; add who took part")
    elif len(eng.participants) < 2 and eng.kind not in ("visit", "statement"):
        eng.review.append("people: only one participant is named; add who else took part")
    if eng.scheduled:
        eng.review.insert(0, "scheduled: announced in the article, not yet held when it was "
                             "written; check that it took place")


def _grouped(items: list, key: str) -> dict[int, list]:
    """Frames or clauses by their clause or sentence number: looked up, not searched, on long pages."""
    out: dict[int, list] = {}
    for item in items:
        out.setdefault(getattr(item, key), []).append(item)
    return out


def _clip(text: str, n: int = 80) -> str:
    text = " ".join(text.replace("'", "\u2019").split())
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "..."


_GATHERING_WORD = re.compile(r"(?i)meetings|talks|bilaterals|conversations|calls|engagements|"
                             r"discussions")


def _lend_setting(found: list[Engagement], frames: list[Frame], clauses: list[Clause]) -> None:
    """"Dlamini used the margins of the AU summit in Addis Ababa to hold a string of bilateral
    meetings", "All three meetings were held on the sidelines of the conference": a sentence
    about an article's meetings together, or a gathering the article's meetings were held
    at, says where and in what format the ones that do not say it themselves took place."""
    settings = []
    summits = []  # "the ECOWAS summit opened ... Among the leaders present at the summit, X"
    by_clause = _grouped(frames, "clause")
    for f in frames:
        if f.topic:
            continue  # "talked ... ahead of the NATO summit in Washington": not where they were
        if f.group == "summit" and not f.people and f.forums and \
                f.mode in ("past", "present"):
            summits.append(f)
        lead = f.sentence < 3 and f.forums and f.mode in ("past", "present") and not f.indefinite \
            and not f.caption  # "Mikati met X on the sidelines of COP28": the article's setting
        summary = f.place is not None and 0 <= f.clause < len(clauses) and \
            _SUMMARY.match(clauses[f.clause].plain, f.end) is not None  # "conferred with leaders of
        # five African countries in Addis Ababa today": the setting of the meetings it sums up
        if f.mode in ("hypothetical", "background", "ended") or (len(f.people) > 1 and not lead and not summary) \
                or f.headline or not (f.plural or _GATHERING_WORD.fullmatch(f.word) or lead or summary):
            continue
        same = by_clause[f.clause]  # "used the AU summit to hold ..."
        forums = list(dict.fromkeys(x for g in same for x in g.forums))
        place = f.place or next((g.place for g in same if g.place), None)
        if forums or place:
            time = f.time or next((g.time for g in reversed(frames) if g.time is not None and
                                   f.sentence - 1 <= g.sentence <= f.sentence and g.start < f.start
                                   or g.time is not None and g.sentence == f.sentence - 1), None)
            setting = Frame(f.clause, f.start, f.end, f.word, f.group, f.mode, f.people[:1], [],
                            time, place, place.text if place else "", forums, False, True,
                            f.sentence)  # "The meetings took place on the margins of ...": theirs
            settings.append(setting)
    settings += [f for e in found if len(e.participants) >= 3 or e.kind == "summit"
                 for f in e.frames if f.forums and f.place and not f.inherited]
    settings += _attended_gatherings(clauses)
    lead_date = next((e.date for e in found if e.date), None)
    for eng in found:
        if eng.kind in ("call", "video call", "visit", "statement"):
            continue
        at_summit = [f for f in summits if any(g.group == "summit" for g in eng.frames) and
                     any(0 < s - f.sentence <= 3 for s in eng.sentences)]
        has_forum = has_place = False
        own = {id(f) for f in eng.frames}  # by identity: comparing frames field by field is slow
        for frame in settings + at_summit[-1:]:
            if id(frame) in own or (frame.people and not eng.has(frame.people[0].person) and
                                       len({m.person for m in frame.people} & set(eng.ids)) < 2) or \
                    frame.future and not eng.scheduled:  # (two who were at the gathering: there too)
                continue  # ("spoke ... to discuss the upcoming G20 meetings in Bali": not there)
            date = frame.time.at(frame.future).date if frame.time else None
            when = eng.date or lead_date  # an undated engagement will take the lead's date
            if date is not None and when is not None and not date.compatible(when) and \
                    not _within_span(date, when, clauses[frame.clause].plain
                                     if 0 <= frame.clause < len(clauses) else ""):
                continue
            if (has_forum or not frame.forums) and (has_place or not frame.place):
                continue  # nothing this one does not already have
            lent = Frame(frame.clause, frame.start, frame.end, frame.word, frame.group, frame.mode,
                         [], [], None, None if has_place else frame.place, frame.place_text,
                         [] if has_forum else list(frame.forums), False, False, frame.sentence)
            lent.inherited = clauses[frame.clause].text if 0 <= frame.clause < len(clauses) \
                else frame.word
            eng.frames.append(lent)
            has_forum, has_place = has_forum or bool(lent.forums), has_place or bool(lent.place)
            if has_forum and has_place:
                break


_COUNT = r"(?:several|many|various|some|a\s+number\s+of|a\s+host\s+of|\d+|two|three|four|five|six|seven|eight|nine|ten)"
_SUMMARY = re.compile(rf"(?i)\s+(?:separately\s+)?with\s+(?:the\s+)?(?:(?:leaders|heads\s+of\s+(?:state|government)|"
                      rf"counterparts|ministers|presidents|prime\s+ministers)\s+(?:of|from)\s+{_COUNT}\b|"
                      rf"{_COUNT}\s+(?:[\w-]+\s+){{0,2}}(?:leaders|counterparts|ministers|heads|presidents|dignitaries)\b)")
_ATTENDANCE = re.compile(r"\b(?:include|included|including|among\s+(?:them|others|those)|others\s+"
                         r"(?:present|spotted|seen|in\s+attendance)|also\s+(?:present|attend\w*|"
                         r"in\s+attendance)|(?:were|was)\s+present|in\s+attendance)\b", re.I)


def _counterparts_listed_after(found: list[Engagement], frames: list[Frame], clauses: list[Clause]) -> None:
    """"held a series of bilateral meetings on Tuesday with several African foreign ministers.
    Among them were X of Kenya, Y of Senegal and Z of Angola": whom the meetings were with."""
    busy = {f.sentence for f in frames if not f.caption}
    for eng in found:
        own = [f for f in eng.frames if f.plural and not f.inherited and not f.headline and f.people]
        if not own or any(len(f.people) > 1 for f in own):
            continue
        last = max(f.sentence for f in own)
        for clause in clauses:
            if not 0 < clause.sentence - last <= 1 or clause.sentence in busy or clause.caption:
                continue
            named = [m for m in clause.people if not m.speaker and not eng.has(m.person)]
            listed = len(re.findall(r"[^,]{3,40}\s+of\s+(?:the\s+)?[A-Z]", clause.plain)) >= 2
            if len(named) >= 2 and (listed or re.match(r"(?i)\s*(?:among|they\s+included|these\s+included|"
                                                      r"those\s+(?:\w+\s+)?(?:included|were))\b", clause.plain)):
                eng.add_people(named)


def _attendance_lists(found: list[Engagement], frames: list[Frame], clauses: list[Clause]) -> None:
    """"Among the leaders present at the summit is President X. Y of Guinea-Bissau, President
    Z of Burundi ... Others spotted include ...": the summit's attendance, continued in
    sentences with no engagement word of their own."""
    busy = {f.sentence for f in frames}
    for eng in found:
        own = [f for f in eng.frames if f.group == "summit" and not f.inherited]
        if not own or eng.kind in ("call", "visit"):
            continue
        last = max(f.sentence for f in own)
        for clause in clauses:
            if not 0 < clause.sentence - last <= 2 or clause.sentence in busy or clause.caption or \
                    len(clause.plain.split()) <= 8 and not re.search(r"[.!?:]\W*$", clause.plain):
                continue  # (nor a subheading: "Call between Ruto and Rubio")
            named = [m for m in clause.people if not m.speaker]
            listed = len(re.findall(r"\b(?:President|Prime\s+Minister|King|Emir)?[^,]{3,40}\s+of\s+"
                                    r"(?:the\s+)?[A-Z]", clause.plain)) >= 2  # "X of Ghana, Y of Benin"
            if len(named) >= 2 and (_ATTENDANCE.search(clause.plain) or listed):
                eng.add_people(named)


_SPAN_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def _within_span(start: FuzzyDate, day: FuzzyDate, text: str) -> bool:
    """"A two-day NATO summit kicked off on Tuesday": Wednesday is still the summit."""
    m = re.search(r"\b(two|three|four|five|[2-5])[\s-]day\b", text, re.I)
    if not m or start.day is None or day.day is None:
        return False
    return 0 <= (day.first_day() - start.first_day()).days < _SPAN_DAYS[m.group(1).lower()]


_ATTENDED = re.compile(r"(?i)\b(?:attend(?:ed|s|ing)?|participat(?:ed|es|ing)\s+in|took\s+part\s+in|"
                       r"is\s+taking\s+part\s+in|partook\s+in|arrived\s+(?:in\s+\S+\s+)?for|"
                       r"(?:is|was|are|were)\s+in\s+\S+\s+for|(?:is|was|are|were)\s+in\s+\S+(?:\s+\S+)?\s+to\s+"
                       r"(?:lead|attend|represent))\b")


def _attended_gatherings(clauses: list[Clause]) -> list[Frame]:
    """"Mikati on Friday took part in the opening of COP28 in Dubai": the gathering the
    article's opening says its people attended is the setting of the meetings it reports."""
    out = []
    for i, c in enumerate(clauses):
        if c.sentence >= 3 or c.caption or c.quoted or not _ATTENDED.search(c.plain):
            continue
        hits = [h for h in c.forums if h.gathering and h.registered]
        hits.sort(key=lambda h: not re.fullmatch(r"COP\d+", h.forum))  # the edition says more
        if not hits:
            continue
        place = next((p for p in c.places if p.place.kind != "country"), None)
        f = Frame(i, hits[0].start, hits[0].end, hits[0].text,
                  "summit", "past", [], [], None, place, place.text if place else "",
                  [hits[0].forum], False, True, c.sentence)
        out.append(f)
    return out


def _summit_attendance(found: list[Engagement]) -> None:
    """"A two-day NATO summit kicked off ... Erdogan met Trudeau on its sidelines": the summit
    the article reports, with no one named at it, was attended by those who met there."""
    def forums(e: Engagement) -> set[str]:
        return {x for f in e.frames for x in f.forums}
    for summit in found:
        if summit.frames[0].people or summit.kind != "summit" or not forums(summit):
            continue  # a summit the text names its leaders for keeps them
        for eng in found:
            if eng is not summit and not eng.scheduled and forums(eng) & forums(summit) and \
                    eng.kind != "summit" and eng_mod._compatible(eng.date, summit.date):
                summit.add_people(eng.participants)


def _leaders_at_gathering(found: list[Engagement], frames: list[Frame],
                          clauses: list[Clause]) -> list[Engagement]:
    """"The leaders of the ten member states held a virtual summit ... the South Korean
    president, Moon Jae-in, proposed ...": an article about one gathering that names no one at
    it took the leaders it names (flagged: the text does not say each took part)."""
    gathering = [f for f in frames if f.group in ("summit", "video") and not f.people and
                 f.mode in ("past", "present", "future")]
    if found or not gathering:
        return found
    leaders: dict[str, Mention] = {}
    for m in (m for c in clauses for m in _actors(c, 0, 0) if m.leader):
        leaders.setdefault(m.person, m)  # in article order, at the first mention
    if not 0 < len(leaders) <= 8:
        return found
    eng = eng_mod._new(gathering[0])
    for f in gathering[1:]:
        if f.clause == gathering[0].clause and f.mode == gathering[0].mode or \
                f.group == gathering[0].group and eng_mod._fits(eng, f) >= 0 or \
                f.group == "video" and f.mode == gathering[0].mode and 0 <= f.sentence - gathering[0].sentence <= 2:
            eng_mod._join(eng, f)  # "per Videokonferenz zu einem Gipfeltreffen", "the ECOWAS
            # Extraordinary Summit ... The leaders spoke via a video conference call": one gathering
    eng.add_people(list(leaders.values()))
    eng.review.append(f"people: {', '.join(m.name for m in leaders.values())} named as leaders in "
                      "the article, which does not say who took part; check")
    return [eng]


def _role_conflict(m: Mention, when: FuzzyDate | None, reg: Registries) -> str | None:
    """The text calls someone foreign minister on a day the registry says they were not: the
    text is kept, and the difference said."""
    item = reg.known_people.items.get(m.person)
    if when is None or item is None or not m.titled or m.title in ("minister", "leader", "") or \
            m.title.startswith("former"):
        return None
    dated = [r for r in item.roles if r.start or r.end]
    same = [r for r in dated if same_office(office_of(r.title).words, m.title)] or \
        ([] if any(r.held_on(when) for r in item.roles) else dated)
    if not same or any(r.held_on(when) for r in same):
        return None
    spans = "; ".join(f"{r.title} from {r.start.iso() if r.start else '?'}"
                      + (f" to {r.end.iso()}" if r.end else "") for r in same)
    source = "people.yaml" if m.person in reg.people.items else "the converter's reference list"
    return (f"people: the text calls {m.name} {m.title} on {when.iso()}, which {source} does not "
            f"({spans}); the text is kept: check it")


def _statement_by_countries(eng: Engagement, clauses: list[Clause]) -> None:
    """"Vietnam and Australia issued a joint statement ...": with no meeting reported, the
    statement is its countries' leaders', as the article names them."""
    if eng.participants:
        return
    f = eng.frames[0]
    if not 0 <= f.clause < len(clauses):
        return
    before = clauses[f.clause].plain[:f.start]
    said = {c for c in (country_of(w) for w in re.findall(r"[A-Z][\w'-]+", before)) if c}
    if len(said) < 2:
        return
    leaders: dict[str, Mention] = {}
    for c in clauses:
        for m in c.people:
            if m.country in said and m.leader and m.country not in leaders:
                leaders[m.country] = m
    if len(leaders) >= 2:
        eng.add_people(list(leaders.values()))


def _statement_people(engagements: list[Engagement], clauses: list[Clause]) -> None:
    """"The two countries adopted a joint declaration": the leaders who met adopted it."""
    for i, eng in enumerate(engagements):
        if eng.frames[0].group != "statement":
            continue
        host = next((o for o in reversed(engagements[:i]) if o.frames[0].group not in
                     ("statement", "visit")), None)
        if host is None:
            host = next((o for o in engagements if o.frames[0].group not in
                         ("statement", "visit")), None)
        if host is None:
            _statement_by_countries(eng, clauses)
            continue
        if len(eng.participants) < 2:
            eng.add_people(host.participants)
        if not any(f.time for f in eng.frames):
            eng.frames += [f for f in host.frames if f.time is not None][:1]
        if not any(f.place for f in eng.frames):
            eng.frames += [f for f in host.frames if f.place is not None][:1]


def _visit_people(engagements: list[Engagement]) -> None:
    """A visit is the traveller's: the first person named in its clause; when the text names
    only the country it went to, it is where the traveller's meetings of those days were."""
    for eng in engagements:
        if eng.frames[0].group != "visit" or not eng.participants:
            continue
        eng.participants = eng.participants[:1]
        if any(f.place is not None for f in eng.frames):
            continue
        went = next((f.country for f in eng.frames if f.country), None)
        traveller = eng.participants[0].person
        for other in engagements:
            held = next((f for f in other.frames if f.place is not None and not f.inherited), None)
            if other is eng or held is None or not other.has(traveller) or \
                    other.frames[0].group == "visit" or \
                    not (other.date is None or eng.date is None or other.date.compatible(eng.date)) \
                    or (went and held.place.place.country != went):  # type: ignore[union-attr]
                continue  # "visited Saudi Arabia last week": not where he hosts a guest today
            lent = Frame(held.clause, held.start, held.end, held.word, "visit", held.mode, [], [],
                         None, held.place, held.place_text, [], False, False, held.sentence)
            lent.inherited = f"{held.word} ... {held.place.text}"  # type: ignore[union-attr]
            eng.frames.append(lent)
            break


def _place_from_visits(engagements: list[Engagement], frames: list[Frame], clauses: list[Clause]) -> None:
    """"He arrived in Abu Dhabi on Sunday. He met his UAE counterpart": the meeting is in
    Abu Dhabi unless the text says otherwise."""
    visits = [f for f in frames if f.group == "visit" and f.place is not None and f.mode
              not in ("hypothetical", "background")]
    for eng in engagements:
        if eng.place or eng.kind in ("call", "video call", "visit", "statement") or \
                all(_elsewhere(f, clauses) for f in eng.frames):
            continue  # ("after a state visit to France where he was received by X": not this trip)
        for v in visits:
            if v.future and not eng.scheduled:
                continue  # "his upcoming visit": not where the meeting already held was
            if any(abs(v.sentence - s) <= 1 for s in eng.sentences) and \
                    {m.person for m in v.people} & set(eng.ids):
                lent = Frame(v.clause, v.start, v.end, v.word, "meet", v.mode, [], [], None, v.place,
                             v.place_text, [], False, False, v.sentence)
                host = _host_city(v, eng, clauses)
                if host is not None:
                    lent.place, lent.place_text, lent.inherited = host, host.text, host.text
                    lent.lent_because = (f"is the city of the host's country on the trip (\"{v.word} "
                                         f"... {host.text}\")")
                eng.frames.append(lent)
                break
        else:
            _place_of_the_one_visit(eng, visits, frames)


def _host_city(visit: Frame, eng: Engagement, clauses: list[Clause]) -> PlaceHit | None:
    """"Baerbock will travel to Kiev on Monday, continuing on to Moscow ... Lavrov would meet
    her on Tuesday": a trip of two cities meets the host in the host's one."""
    visitors = {m.person for m in visit.people}
    hosts = {m.country for m in eng.participants if m.person not in visitors and m.country}
    if not hosts or visit.place.place.country in hosts:  # type: ignore[union-attr]
        return None
    return next((h for h in clauses[visit.clause].places
                 if h.place.country in hosts and h.place.kind == "city"), None)


def _place_of_the_one_visit(eng: Engagement, visits: list[Frame], frames: list[Frame]) -> None:
    """"X is visiting Tbilisi on April 27-29 ... X will later meet President Y": the one city the
    article puts a participant in, on a compatible day (lent, so flagged)."""
    mine = [v for v in visits if {m.person for m in v.people} & set(eng.ids) and not (v.future and not eng.scheduled)]
    cities = {f.place.place.venue_city for f in frames if f.place is not None and  # type: ignore[union-attr]
              f.mode not in ("hypothetical", "background") and {m.person for m in f.people} & set(eng.ids)}
    if not mine or len(cities) != 1 or any(v.place.place.kind == "unknown" for v in mine):  # type: ignore[union-attr]
        return  # (not "arrived in Shanghai ... due to meet Xi in Beijing ... will also meet Li")
    v = mine[0]
    when = eng_mod._frame_date(v)
    if when is not None and eng.date is not None and not when.compatible(eng.date) and \
            not (eng.date.day and when.day and 0 <= (eng.date.first_day() - when.first_day()).days <= 7):
        return  # (a stay of some days: "in Riyadh until March 25")
    lent = Frame(v.clause, v.start, v.end, v.word, "meet", v.mode, [], [], None, v.place, v.place_text,
                 [], False, False, v.sentence)
    lent.inherited = v.place_text
    lent.lent_because = f"is where the visit of the same days went (\"{v.word} ... {v.place_text}\")"
    eng.frames.append(lent)


def _city_of_visited_country(engagements: list[Engagement], frames: list[Frame],
                             clauses: list[Clause]) -> None:
    """"Sisi arrived in Equatorial Guinea ... met X upon his arrival ... his minister has been in
    the Equatorial Guinean capital Malabo": the one city of the visited country where the article
    puts someone of the same side (flagged)."""
    visits = [f for f in frames if f.group == "visit" and f.country and f.place is None and
              f.mode not in ("hypothetical", "background")]
    for eng in engagements:
        if eng.kind in ("call", "video call", "statement") or any(f.place for f in eng.frames):
            continue
        went = next((v.country for v in visits if v in eng.frames or (
            any(abs(v.sentence - s) <= 1 for s in eng.sentences) and
            {m.person for m in v.people} & set(eng.ids))), None)
        if went is None:
            continue
        sides = {m.country for m in eng.participants if m.country}
        cities = {h.place.venue_city: (c, h) for c in clauses for h in c.places
                  if h.place.kind == "city" and h.place.country == went and re.search(  # presence
                      r"\b(?:in|at)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}$", c.plain[max(0, h.start - 60):h.start])
                  and any(m.country in sides for m in c.people)}  # of someone of the same side
        if len(cities) != 1:
            continue
        (clause, hit), = cities.values()
        lent = Frame(-1, 0, 0, hit.text, "visit", "past", [], [], None, hit, hit.text, [], False,
                     False, clause.sentence)
        lent.inherited = clause.plain
        lent.lent_because = (f"is the only city of {went} the article names "
                             f'("{_clip(clause.plain)}"), where the visit it belongs to went')
        eng.frames.append(lent)


def _place_from_also(engagements: list[Engagement], clauses: list[Clause]) -> None:
    """"He will meet Trump in Washington next week ... He is also scheduled to meet Vance":
    "also" continues the trip of the engagement before, with its place (flagged as lent)."""
    for k, eng in enumerate(engagements):
        if eng.kind in ("call", "video call", "visit", "statement") or \
                any(f.place is not None for f in eng.frames):
            continue
        also = next((f for f in eng.frames if 0 <= f.clause < len(clauses) and re.search(
            r"\balso\b", clauses[f.clause].plain[max(0, f.start - 40):f.start])), None)
        if also is None:
            continue
        before = next((e for e in reversed(engagements[:k]) if set(e.ids) & set(eng.ids) and
                       e.kind not in ("call", "video call") and
                       eng_mod._compatible(e.date, eng.date)), None)
        where = next((f for f in before.frames if f.place is not None and not f.inherited), None) \
            if before is not None else None
        if where is not None:
            lent = dataclasses.replace(where, people=[], forums=[], inherited=clauses[where.clause].plain
                                       if 0 <= where.clause < len(clauses) else where.place_text)
            eng.frames.append(lent)


def _time_from_sentence_before(frames: list[Frame], clauses: list[Clause]) -> None:
    """"Leaders on Sunday gave the junta a week. The ultimatum came at an extraordinary
    summit ...": a sentence that goes on from the one before, with no engagement word of its
    own in that one, happened on that one's day."""
    busy = {f.sentence for f in frames}
    for f in frames:
        if f.time is not None or f.caption or f.headline or f.sentence - 1 in busy or \
                not 0 <= f.clause < len(clauses) or f.mode not in ("past", "present"):
            continue
        if not re.match(r"(?:The|This|That|These|It)\s", clauses[f.clause].text.lstrip()):
            continue
        before = _times_of_sentence(clauses, f.sentence - 1)
        if len(before) == 1 and before[0].form in _DAY_FORMS and before[0].form != "tomorrow":
            f.time = before[0]


_DAY_FORMS = ("weekday", "today", "yesterday", "tomorrow", "full", "day_month", "iso", "numeric")


def _times_of_sentence(clauses: list[Clause], sentence: int) -> list[TimeExpr]:
    """The time expressions of one sentence, photo captions left out."""
    return [t for c in clauses if c.sentence == sentence and not c.caption for t in c.times]


_AFTERWARDS = re.compile(r"\s*(?:Afterwards|Afterward|After\s+that|Later|Subsequently|Thereafter|"
                         r"Anschlie(?:ß|ss)end|Danach|Sp[äa]ter|Ensuite|Puis|Luego|Despu[ée]s|Depois|"
                         r"Successivamente|In\s+seguito)\b")


def _time_of_afterwards(frames: list[Frame], clauses: list[Clause]) -> None:
    """"On Monday morning he will visit the base. Afterwards he will meet X": the day of the
    sentence before, the last one it names."""
    for f in frames:
        if f.time is not None or f.caption or not 0 <= f.clause < len(clauses) or \
                not _AFTERWARDS.match(clauses[f.clause].text):
            continue
        before = [t for t in _times_of_sentence(clauses, f.sentence - 1) if t.form in _DAY_FORMS]
        if before:
            f.time = before[-1]


def _counterparts_named_after(found: list[Engagement], clauses: list[Clause]) -> None:
    """"held bilateral meetings with his counterparts from Egypt, Uganda and Cyprus. With his
    Egyptian counterpart, Sameh Shoukry, he took stock of ...": the slot for Egypt is Shoukry."""
    for eng in found:
        if not eng.counterparts or len(eng.participants) != 1 or not eng.sentences:
            continue
        last = max(eng.sentences)
        taken = {p for e in found if e is not eng for p in e.ids}
        for c in clauses:
            if c.caption or not last < c.sentence <= last + 3 or "counterpart" not in c.plain.lower():
                continue
            for m in c.people:
                if m.country in eng.counterparts and m.person not in taken and not m.candidate:
                    eng.counterparts.remove(m.country)
                    eng.add_people([m])


def _gapped_meetings(frames: list[Frame], clauses: list[Clause]) -> list[Frame]:
    """"he will hold talks with X on June 10, and the next day with Y": the clause the verb
    governs without repeating it is a meeting of its own, with the same subject."""
    out = list(frames)
    by_clause = _grouped(frames, "clause")
    for i, c in enumerate(clauses):
        m = re.match(r"(?:then\s+)?(?:(?:the\s+(?:next|following)\s+day|on\s+\w+(?:\s+\d{1,2})?)\s+)?with\s", c.plain)
        before = [f for f in by_clause.get(i - 1, []) if f.group in ("meet", "talk", "phone", "video")]
        if not m or i == 0 or i in by_clause or not before or \
                clauses[i - 1].sentence != c.sentence or not c.people or not c.times:
            continue
        verb = before[-1]
        lead = verb.people[:1]
        out.append(dataclasses.replace(verb, clause=i, start=0, end=0, people=lead + list(c.people),
                                       time=c.times[0], place=None, place_text="", forums=[],
                                       own_people=len(c.people)))
        verb.people = [p for p in verb.people if not any(p.person == q.person for q in c.people)]
    return sorted(out, key=lambda f: (f.clause, f.start))


def _when_of_background(frames: list[Frame], clauses: list[Clause]) -> None:
    """"The last summit took place in Beijing in December, when X and Y met Z": what happened
    then is history too."""
    history: dict[int, list[int]] = {}
    for g in frames:
        if g.mode == "background":
            history.setdefault(g.clause, []).append(g.end)
    for f in frames:
        if f.mode not in ("past", "present") or f.clause not in history:
            continue
        window = max(0, f.start - 200)
        when = re.search(r",\s+when\s+[^,;]*$", clauses[f.clause].plain[window:f.start])
        if when and min(history[f.clause]) <= window + when.start():
            f.mode = "background"


def _people_from_sentence_before(frames: list[Frame], clauses: list[Clause]) -> None:
    """"X and Y on Monday reviewed their relations. This came in a phone call between the two
    leaders": the two of the sentence before, which has no engagement word of its own."""
    busy = {f.sentence for f in frames if not f.caption}
    by_sentence = _grouped(clauses, "sentence")
    for f in frames:
        if f.people or not f.pronoun or f.caption or f.headline or f.sentence - 1 in busy or \
                not 0 <= f.clause < len(clauses):
            continue
        before = list({m.person: m for c in by_sentence.get(f.sentence - 1, []) if not c.caption
                       for m in _actors(c, 0, 0)}.values())
        if len(before) == 2:
            f.people = before
            f.own_people = 2 if f.indefinite else f.own_people  # "in a phone call between the two"


_ARRIVAL_LEAD = re.compile(r"(?i)^(?:(?:just|shortly|soon)\s+)?(?:after|upon|on)\s+(?:his\s+|her\s+|their\s+)?"
                           r"(?:arriv|land)")


def _time_from_arrival(frames: list[Frame], clauses: list[Clause]) -> None:
    """"After arriving in Doha on July 2, the two leaders held a meeting": the day of the
    arrival, when the meeting's own clause gives none."""
    arrivals: dict[int, list[Clause]] = {}
    for c in clauses:
        if c.lead and _ARRIVAL_LEAD.match(c.plain.lstrip()):
            arrivals.setdefault(c.sentence, []).append(c)
    for f in frames:
        if f.time is not None or f.caption or f.headline or not 0 <= f.clause < len(clauses) or \
                f.mode not in ("past", "present") or f.group not in ("meet", "talk", "summit"):
            continue
        lead = arrivals.get(f.sentence, [])
        if lead and len(lead[0].times) == 1:
            f.time = lead[0].times[0]


def _held_in(frames: list[Frame], clauses: list[Clause]) -> None:
    """"The 16th BRICS Summit, which is the key event of the year, is being held in Kazan": the
    city a gathering of the sentence is said to be held in."""
    by_sentence = _grouped(clauses, "sentence")
    for f in frames:
        if f.place is not None or f.caption or f.group not in ("summit", "meet") or not f.forums:
            continue
        for c in by_sentence.get(f.sentence, []):
            m = re.search(r"\bheld\s+in\s+", c.plain) if not c.caption else None
            hit = next((h for h in c.places if m and h.start == m.end() and h.place.kind != "country"), None)
            if hit is not None:
                f.place, f.place_text = hit, hit.text
                break


def _elsewhere(frame: Frame, clauses: list[Clause]) -> bool:
    """The frame is of an earlier stop ("after a visit to France where he met X")."""
    return 0 <= frame.clause < len(clauses) and clauses[frame.clause].elsewhere


def _place_within_sentence(frames: list[Frame], clauses: list[Clause]) -> None:
    """"X visited the PM's office in Islamabad on Tuesday, before holding talks with Y at the
    Foreign Office": a clause that names no city is in the city of its sentence's other clause."""
    by_sentence = _grouped(frames, "sentence")
    for f in frames:
        if f.place is not None or f.caption or f.group in ("phone", "video") or \
                f.mode in ("hypothetical", "background") or _elsewhere(f, clauses):
            continue
        other = next((g for g in by_sentence[f.sentence] if g.clause != f.clause and
                      g.place is not None and g.group not in ("phone", "video") and
                      g.mode == f.mode and not g.caption and not g.weak), None)
        if other is not None:
            f.place, f.place_text = other.place, other.place_text


_SPEAKER_LABEL = re.compile(r"^([A-Z][A-Z .,'\u2019-]{2,60}):\s")


def _transcript_speakers(paragraphs: list[str], reg: Registries) -> list[Mention]:
    """A transcript's speakers ("PRIME MINISTER, ALBANESE: ..."): the people of the
    engagement its headline names."""
    found: dict[str, Mention] = {}
    for p in paragraphs[:80]:
        m = _SPEAKER_LABEL.match(p)
        if not m:
            continue
        label = m.group(1).split(",")[-1].strip().title()
        for person in reg.index.find(label):
            if not person.candidate:
                found.setdefault(person.person, dataclasses.replace(person, start=0, end=0))
    return list(found.values())


def _on_arrival(frames: list[Frame], clauses: list[Clause]) -> None:
    """"X arrived on Wednesday ... met Y upon his arrival": the day of the arrival reported."""
    arrived: TimeExpr | None = None
    for f in frames:
        if f.group == "visit" and re.match(r"(?i)arriv", f.word) and f.time is not None:
            arrived = f.time
        elif f.time is None and arrived is not None and f.group in ("meet", "talk") and \
                re.search(r"(?i)\b(?:up)?on\s+(?:(?:his|her|their)\s+)?arrival\b", clauses[f.clause].plain):
            f.time = arrived


def _same_day(frames: list[Frame]) -> None:
    """"He met Lavrov on Wednesday ... Later in the day he met X": the day of the engagement
    the text reported before it (no such day: left to the publication date, flagged)."""
    last: FuzzyDate | None = None
    last_future = False
    for f in frames:
        if f.time is None or f.caption:
            continue
        said = f.time.at(f.future or f.mode == "present").date
        if f.time.form in ("next_day", "day_before") and last is not None:
            step = 1 if f.time.form == "next_day" else -1
            day = last.first_day() + dt.timedelta(days=step)
            moved = Reading(FuzzyDate(day.year, day.month, day.day), f'"{f.time.text}" read as the '
                            f'day {"after" if step > 0 else "before"} {last.iso()}, said before it')
            f.time = dataclasses.replace(f.time, past=moved, future=moved)
            last = moved.date
        elif f.time.form == "same_day" and (f.mode != "future" or last_future):
            if last is not None:  # ("will arrive on June 10, and on the same day he will meet X")
                said = Reading(last, f'"{f.time.text}" read as the day of the engagement reported '
                                     f"before it ({last.iso()})")
                f.time = dataclasses.replace(f.time, past=said, future=said)
        elif said is not None and said.day is not None:
            last, last_future = said, f.future


def _eve_of(frames: list[Frame], clauses: list[Clause]) -> None:
    """"On the eve of the conversation with Putin, Scholz spoke with Zelensky": the day before
    the engagement reported before it."""
    for f in frames:
        if f.time is not None or f.caption or f.future or not 0 < f.clause < len(clauses):
            continue
        lead = clauses[f.clause - 1]
        if lead.sentence == clauses[f.clause].sentence and lead.lead and \
                re.match(r"(?i)on\s+the\s+eve\s+of\b", lead.plain):
            how = Reading(None, '"on the eve of" it: the day before the engagement said before it')
            f.time = TimeExpr("the day before", 0, 0, how, how, "day_before")


def _weekday_dated_elsewhere(frames: list[Frame], clauses: list[Clause]) -> None:
    """"the meeting on Monday ... called for Monday, February 27, a high-level meeting": the
    weekday the article dates in full is that date, whichever way the clause leans."""
    dated: dict[int, set[FuzzyDate]] = {}
    for c in clauses:
        for t in ([] if c.caption else c.times):
            day = t.past.date if t.past.date == t.future.date else None
            if t.form in ("day_month", "full") and day is not None and day.day is not None:
                dated.setdefault(day.first_day().weekday(), set()).add(day)
    for f in frames:
        t = f.time
        if t is None or t.form != "weekday" or t.weekday is None or len(dated.get(t.weekday, ())) != 1:
            continue
        day = next(iter(dated[t.weekday]))
        said = Reading(day, f'"{t.text}" read as {day.iso()}, the {t.text.split()[-1]} the article dates in full')
        f.time = dataclasses.replace(t, past=said, future=said)


def _virtual_gatherings(engagements: list[Engagement], frames: list[Frame]) -> None:
    """"Leaders spoke at the coalition meeting ... the video call is taking place behind
    closed doors": a video word naming no one is the nearby gathering's, of three or more."""
    for f in frames:
        if f.group != "video" or f.mode in ("hypothetical", "background"):
            continue
        own = [e for e in engagements if any(x is f for x in e.frames)]
        if re.match(r"(?i)held|being|take|taking|took|conducted", f.word):  # "which is held online"
            near = [e for e in engagements if f.sentence in e.sentences and e not in own and
                    {m.person for m in f.people} <= set(e.ids)]
            if len(near) == 1:
                for e in own:
                    if len(e.frames) == 1:
                        engagements.remove(e)
        elif own or f.people or f.mode == "future":
            continue
        else:
            near = [e for e in engagements if (len(e.participants) >= 3 or e.forums) and
                    (not f.forums or set(f.forums) & set(e.forums)) and
                    any(abs(s - f.sentence) <= 3 for s in e.sentences)]
        if len(near) == 1:
            near[0].frames.append(f)


def _office_fits(title: str, leader: bool, office: str) -> bool:
    """Whether someone titled ``title`` is what "the foreign ministers" or "the leaders" names."""
    office = re.sub(r"s$", "", office.strip())
    if office in ("delegation", "side"):
        return False  # its members, not one person: see _delegations
    if office == "counterpart":
        return True
    if office == "leader":
        return leader
    if not title:
        return False
    words = set(office_words(office).split())
    return same_office(title, office) or words <= set(office_words(title).split())


_DELEGATION = re.compile(r"\b(?:the\s+)?(?P<who>[A-Z][\w-]+)\s+delegation\b[^.;]{0,40}?\b(?:is|was|will\s+be|"
                         r"are)?\s*(?:led|headed|chaired)\s+by\b|\b(?P<it>it|the\s+delegation)\s+"
                         r"(?:also\s+)?(?:includes?|included|comprises?|consists\s+of|is\s+made\s+up\s+of)\b",
                         re.I)


def _delegations(clauses: list[Clause], reg: Registries) -> dict[str, list[Mention]]:
    """"The Russian delegation is led by Medinsky ... It also includes Galuzin, Kostyukov":
    who came with each country's delegation, by country."""
    members: dict[str, list[Mention]] = {}
    country = None
    for c in clauses:
        m = _DELEGATION.search(c.text)
        if not m:
            continue
        if m.group("who"):
            country = reg.places.country_of(m.group("who"))  # type: ignore[union-attr]
        if country is None:
            continue
        group = members.setdefault(country, [])
        for person in c.people:
            if person.speaker or person.start < m.start() or \
                    any(p.person == person.person for p in group) or \
                    re.search(r"\b(?:aide|adviser|advisor|assistant|envoy|representative|spokes\w+|"
                              r"counsell?or)\s+to\s+(?:\S+\s+){0,3}$",
                              c.text[max(0, person.start - 60):person.start], re.I):
                continue  # "presidential aide to Russian President Putin": not a member
            group.append(person)
    return members


def _add_delegations(found: list[Engagement], members: dict[str, list[Mention]]) -> None:
    """"Fidan met the Russian delegation": its members took part."""
    for eng in found:
        for f in eng.frames:
            for ref in f.offices:
                if not ref.office.startswith(("delegation", "side")) or ref.start < f.start:
                    continue
                for country in ref.countries:
                    added = [m for m in members.get(country, []) if not eng.has(m.person)]
                    if added:
                        eng.add_people(added)
                        eng.review.append(f"people: the members of the delegation of {country} "
                                          "are taken from the text's list of them")


def _resolve_offices(clauses: list[Clause], found: list[Mention], reg: Registries,
                     pub: FuzzyDate | None) -> None:
    """"The foreign ministers of Saudi Arabia and Iran": the article's people of those
    countries holding that office, wherever in the article they are named."""
    for c in clauses:
        for ref in c.offices:
            if not ref.countries:
                continue
            for country in ref.countries:
                hit = next((m for m in found if m.country == country and not m.speaker and
                            _office_fits(m.title or reg.index.role_on(m.person, pub), m.leader,
                                         ref.office)), None)
                if hit is not None and not any(m.person == hit.person for m in c.people):
                    c.people.append(Mention(hit.person, hit.name, ref.text, ref.start, ref.end,
                                            country=hit.country, title=hit.title))
            c.people.sort(key=lambda m: m.start)


def engagements_of(clauses: list[Clause], headline: Clause | None, ctx: Context,
                   reg: Registries, cleaned: Cleaned, today: dt.date) -> list[Engagement]:
    frames: list[Frame] = []
    for i, clause in enumerate(clauses):
        frames += frames_of(clause, i, reg.places, ctx.dateline_city)  # type: ignore[arg-type]
    frames = _gapped_meetings(frames, clauses)
    _time_from_sentence_before(frames, clauses)
    _time_of_afterwards(frames, clauses)
    _people_from_sentence_before(frames, clauses)
    _when_of_background(frames, clauses)
    _weekday_dated_elsewhere(frames, clauses)
    _eve_of(frames, clauses)
    _same_day(frames)
    _on_arrival(frames, clauses)
    _time_from_arrival(frames, clauses)
    _held_in(frames, clauses)
    _place_within_sentence(frames, clauses)
    body = [f for f in frames if not f.caption]
    captions = [f for f in frames if f.caption]
    found = _leaders_at_gathering(eng_mod.group_frames(body), body, clauses)
    for f in captions:  # a caption supports; it begins an engagement only when it dates it
        if f.mode in ("hypothetical", "background"):
            continue
        home = next((e for e in found if eng_mod._fits(e, f) > 0 and e.scheduled == f.future), None)
        if home is not None:  # (a photo of what happened is not of a meeting still to come)
            eng_mod._join(home, f)
        elif f.time is not None and f.time.form == "full" and len(f.people) >= 2:
            found.append(eng_mod._new(f))
        elif not f.people and f.group in ("meet", "talk") and \
                TWO_SIDES.search(clauses[f.clause].plain[:f.end + 40]):
            pairs = [e for e in found if len(e.participants) == 2 and e.kind == "meeting" and
                     e.scheduled == f.future and eng_mod._fits(e, f) >= 0]
            if len(pairs) == 1:  # "The meeting between both leaders took place yesterday at ..."
                eng_mod._join(pairs[0], f)
    if headline is not None:
        for f in frames_of(headline, -1, reg.places, ctx.dateline_city):  # type: ignore[arg-type]
            f.headline = True
            if f.mode in ("hypothetical", "background"):
                continue
            home = next((e for e in found if eng_mod._fits(e, f) > 0), None)
            if home is None and found and not f.people:
                home = found[0] if eng_mod._fits(found[0], f) >= 0 else None
            if home is not None:  # "Erdoğan meets Trump and Zelensky": each has their own meeting
                f.people = [m for m in f.people if home.has(m.person) or
                            not any(o.has(m.person) for o in found if o is not home)]
                eng_mod._join(home, f)
            elif not found and (f.people or f.offices):
                found.append(eng_mod._new(f))
            elif home is None and f.time is not None and len(f.people) >= 2 and \
                    f.mode in ("past", "present") and f.time.form in ("day_only", "full", "day_month"):
                found.append(eng_mod._new(f))  # a headline that dates an engagement of its own
            elif not found and f.group in ("meet", "talk", "phone", "video", "summit"):
                speakers = _transcript_speakers(cleaned.paragraphs, reg)
                if len(speakers) >= 2:  # "Opening remarks - Bilateral meeting", then who spoke
                    f.people = speakers
                    found.append(eng_mod._new(f))
    _place_from_visits(found, frames, clauses)
    _place_from_also(found, clauses)
    _city_of_visited_country(found, frames, clauses)
    _virtual_gatherings(found, body)
    found = eng_mod.split_summaries(eng_mod.split_pairs(found))
    principal = _principal(found, reg)
    _separate_meeting_with_principal(found, principal, clauses)
    _counterparts_listed_after(found, frames, clauses)
    found = eng_mod.distribute(found, principal)
    _series_meetings(found, principal, clauses)
    found = _separate_meetings(found, clauses)
    found = eng_mod.fill_counterparts(found)
    _counterparts_named_after(found, clauses)
    _add_delegations(found, _delegations(clauses, reg))
    _lend_setting(found, frames, clauses)
    _attendance_lists(found, frames, clauses)
    _summit_attendance(found)
    _statement_people(found, clauses)
    _visit_people(found)
    leaders = {m.person for c in clauses for m in c.people if m.leader}
    travelling = {(e.participants[0].person, e.scheduled) for e in found  # the visitor of a visit
                  if e.participants and all(f.group == "visit" for f in e.frames)}  # (and if it is to come)
    texts = {i: c.plain for i, c in enumerate(clauses)}
    out = []
    for k, eng in enumerate(found):
        lead = next((e for e in found[:k] if e.date is not None and not e.draft and  # the first dated
                     not (e.scheduled and not eng.scheduled)),  # one held (a plan dates no meeting
                    found[0] if k else None)  # held); a visit left undated says nothing of the day
        _finish(eng, ctx, reg, lead, cleaned, today, leaders, travelling)
        if eng_mod.in_window(eng, ctx.pub) and eng_mod.worth_an_entry(eng, texts):
            out.append(eng)
    if not out:  # an article with an engagement always gives an entry, flagged as thin
        rest = [e for e in found if eng_mod.in_window(e, ctx.pub) and (e.participants or e.forums)
                and e.kind != "visit"]
        out = rest[:1]
    out = _drop_fulfilled(_dedupe(out))
    _forums_named_elsewhere(out, clauses)
    return out


def _forums_named_elsewhere(engagements: list[Engagement], clauses: list[Clause]) -> None:
    """An engagement with no forum in an article that names a gathering says so: it may have
    been held there ("met X in New York" in a report on the UN General Assembly)."""
    hits = [h for c in clauses if not c.caption for h in c.forums]
    gatherings = list(dict.fromkeys(h.forum for h in hits if h.gathering))
    groupings = list(dict.fromkeys(h.forum for h in hits))  # a summit is often of a grouping
    for eng in engagements:
        named = groupings if eng.kind in ("summit", "video call") else gatherings
        if not eng.forums and named and eng.kind != "statement":
            eng.review.append(f"forums: none written; the article also names {', '.join(named[:3])}: "
                              "add it if this engagement was part of it")


def _drop_fulfilled(engagements: list[Engagement]) -> list[Engagement]:
    """"He said he would soon phone Xi. The talk took place by video link": an undated plan
    of the same people as an engagement that was held is that engagement, announced earlier;
    "Modi will hold a meeting with Biden. ... a virtual meeting on 11 April": the dated one."""
    talks = ("meeting", "call", "video call", "summit")

    def fulfilled(plan: Engagement) -> bool:  # (or the same plan, dated in another sentence)
        return plan.scheduled and plan.kind in talks and not plan.place and not plan.forums \
            and not any(f.time for f in plan.frames) and any(
                e is not plan and e.kind in talks and set(e.ids) == set(plan.ids) and len(plan.ids) >= 2
                and (not e.scheduled or any(f.time for f in e.frames)) for e in engagements)
    return [e for e in engagements if not fulfilled(e)]


def _dedupe(engagements: list[Engagement]) -> list[Engagement]:
    """Two engagements left with the same day, kind and people are one; so are two read from
    the same words, one naming fewer of its people."""
    out: list[Engagement] = []
    for eng in engagements:
        twin = next((o for o in out if o.kind == eng.kind and set(o.ids) == set(eng.ids)
                     and o.date == eng.date and o.counterparts == eng.counterparts
                     and (o.place == eng.place or not o.place or not eng.place)), None)
        fewer = next((o for o in out if o.kind == eng.kind and o.date == eng.date and
                      {id(f) for f in o.frames} == {id(f) for f in eng.frames} and
                      not (o.counterparts and eng.counterparts and o.counterparts != eng.counterparts) and
                      (set(o.ids) <= set(eng.ids) or set(eng.ids) <= set(o.ids))), None)
        if fewer is not None:
            if len(eng.ids) > len(fewer.ids):
                out[out.index(fewer)] = eng
        elif twin is None:
            out.append(eng)
        else:
            twin.place = twin.place or eng.place
            twin.forums += [f for f in eng.forums if f not in twin.forums]
    return out


def _separate_meetings(engagements: list[Engagement], clauses: list[Clause]) -> list[Engagement]:
    """"Rubio and Lavrov arrived for separate meetings with ASEAN officials": the people named
    before "separate meetings" did not meet each other; one entry each."""
    out: list[Engagement] = []
    for eng in engagements:
        frame = next((f for f in eng.frames if 0 <= f.clause < len(clauses) and len(f.people) >= 2
                      and all(m.start < f.start for m in f.people) and re.search(
                          r"(?i)\bseparate(?:ly)?\s+(?:\w+\s+)?$|^\s+separately\b",
                          clauses[f.clause].plain[max(0, f.start - 25):f.start]) ), None)
        if frame is None or len(eng.participants) < 2 or eng.kind not in ("meeting", "call"):
            out.append(eng)
            continue
        for m in eng.participants:
            part = dataclasses.replace(eng, participants=[m], review=list(eng.review) + [
                "people: the text says the meetings were separate; the other side is not named",
                "kind: a meeting with a side the text does not name; if the text only reports the "
                "trip, write kind: visit"],
                frames=list(eng.frames), sentences=list(eng.sentences), forums=list(eng.forums))
            out.append(part)
    return out


_SUBJECTLESS = re.compile(r"(?i)^\W*(?:the|another|a|his|her|their|its|one|next|later|then|"
                          r"afterwards|also|depois|despu[ée]s|luego|ensuite|puis|danach|dann|"
                          r"poi|in\s+seguito)\b|^\W*$")  # "Depois, se encontra com X": no subject


def _series_meetings(engagements: list[Engagement], principal: str | None,
                     clauses: list[Clause]) -> None:
    """"Another bilateral meeting of the day took place with X": in an article about the
    principal's round of meetings, a meeting that names only its guest is the principal's."""
    lead = next((m for e in engagements for m in e.participants if m.person == principal), None)
    if lead is None:
        return
    for eng in engagements:
        if not eng.participants or eng.has(lead.person) or eng.kind not in ("meeting", "call"):
            continue
        for f in eng.frames:
            text = clauses[f.clause].plain if 0 <= f.clause < len(clauses) else ""
            if not f.people or any(m.start < f.end for m in f.people) or \
                    {m.person for m in f.people} != set(eng.ids) or \
                    not _SUBJECTLESS.match(text[:f.start]) or \
                    any(m.start < f.start for m in clauses[f.clause].people) or \
                    not re.match(r"(?:[^.;]{0,60}?\b(?:was|took\s+place|followed|came)\s+(?:\w+\s+){0,2})?"
                                 r"(?:with|com|con|avec|mit)\s", text[f.end:].lstrip()):
                continue
            guests = ", ".join(m.name for m in eng.participants)
            eng.participants.insert(0, lead)
            eng.review.append(f"people: {lead.name} added: the article follows {lead.name}'s "
                              f"meetings and this sentence names only {guests}")
            break


def _separate_meeting_with_principal(found: list[Engagement], principal: str | None,
                                     clauses: list[Clause]) -> None:
    """"(Yoon met Rutte.) In a separate meeting, Portuguese Prime Minister Costa expressed hope
    ...": the article's principal met the one it names (flagged)."""
    lead = next((m for e in found for m in e.participants if m.person == principal), None)
    for eng in found:
        if lead is None or len(eng.participants) != 1 or eng.has(lead.person) or eng.kind != "meeting":
            continue
        if any(0 <= f.clause < len(clauses) and re.match(
                r"(?i)\W*in\s+(?:a|another)\s+separate\s+(?:bilateral\s+)?(?:meeting|talks|session)\b",
                clauses[f.clause].plain) for f in eng.frames):
            eng.participants.insert(0, lead)
            eng.review.append(f"people: {lead.name} read as the other side of \"a separate meeting\", "
                              "as the article's main figure; check it")


def _principal(engagements: list[Engagement], reg: Registries) -> str | None:
    counts: dict[str, int] = {}
    first: dict[str, int] = {}  # ties: who leads an engagement first (the article's subject)
    for k, e in enumerate(engagements):
        for j, m in enumerate(e.participants):
            counts[m.person] = counts.get(m.person, 0) + 1
            first.setdefault(m.person, 2 * k + (j > 0))
    return max(counts, key=lambda p: (counts[p], -first[p])) if counts else None


# ---------------------------------------------------------------- titles and topics

def _written_title(eng: Engagement | None) -> str:
    if eng is None:
        return "Untitled article"
    names = [m.name for m in eng.participants][:3]
    who = " and ".join(names) if len(names) <= 2 else f"{names[0]}, {names[1]} and {names[2]}"
    if not names:
        who = "Leaders"
    where = f" in {eng.place}" if eng.place else ""
    if eng.forums and len(names) > 2:
        return f"{eng.forums[0]}{where}"
    if eng.kind == "statement":
        return f"Joint statement by {who}"
    one = len(names) == 1
    country = next((f.country for f in eng.frames if f.country), None)
    to = f" {eng.place or country}" if eng.place or country else ""  # "visits Sochi", "to visit Indonesia"
    if eng.scheduled:
        verb = {"call": "to speak by phone", "video call": "to hold a video call",
                "summit": f"to hold a summit{where}", "visit": f"to visit{to}"}.get(
            eng.kind, f"to hold talks{where}" if one else f"to meet{where}")
    elif one:
        verb = {"call": "speaks by phone", "video call": "holds a video call",
                "summit": f"holds a summit{where}", "visit": f"visits{to}"}.get(
            eng.kind, f"holds talks{where}")
    else:
        verb = {"call": "speak by phone", "video call": "hold a video call",
                "summit": f"hold a summit{where}", "visit": f"visit{to}"}.get(
            eng.kind, f"meet{where}")
    return f"{who} {verb}"


_TOPIC = re.compile(r"\b(?:to\s+discuss|discussed|covered|focused\s+on|to\s+review|reviewed|"
                    r"(?:talks|conversation|call|meeting)\s+(?:on|about)|spoke\s+(?:[\w'\u2019-]+,?\s+){0,14}?about|"
                    r"(agreed\s+to))\s+([^.;:!?]{8,240})")
_TOPIC_END = re.compile(r"[\"\u201d],|,\s+(?:said|according|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+said)|"
                        r"\s+(?:and|but)\s+[\"\u201c]|,\s+(?:which|who|while|as)\b")


def topic(sentences: list[Clause], eng: Engagement) -> str | None:
    """What they talked about, in a few words from the sentences about the engagement."""
    near = sorted(range(len(sentences)), key=lambda i: (min(abs(sentences[i].sentence - j)
                                                            for j in eng.sentences or [0]), i))
    for i in near[:6]:
        m = _TOPIC.search(sentences[i].text)
        if not m:
            continue
        text = _TOPIC_END.split(m.group(2), 1)[0]
        text = " ".join(re.sub(r"[\"\u201c\u201d]", "", text).split()).strip(" ,")
        if m.group(1):
            text = "agreed to " + text
        words = text.split()
        if len(words) > 16:
            text = " ".join(words[:16]) + "..."
        if len(words) < 2 or re.match(r"(?:the\s+)?(?:progress|situation|issues?|matters?)$", text, re.I):
            continue
        return text
    return None


# ---------------------------------------------------------------- the record

def _headline(title: str | None, reader: Reader, pub: FuzzyDate | None, reg: Registries,
              paragraphs: int) -> Clause | None:
    if not title:
        return None
    people, refs = reader.people(title)
    plain = blank_quotes(title)
    return Clause(title, plain, -1, -1, people, refs, find_times(plain, pub),
                  reg.places.find(title), reg.forum_index.find(plain), headline=True)  # type: ignore[union-attr]


def extract(data: str, reg: Registries, file: str | None = None, *, url: str | None = None,
            published: FuzzyDate | None = None, outlet: str | None = None,
            today: dt.date | None = None) -> Record:
    """Read one article (plain text or HTML) into a record.

    ``url``, ``published`` and ``outlet`` are what the user knows about the page
    (``--url``, ``--published``, a manifest); they win over what the page says.
    ``today`` bounds plausible dates and years guessed for undated text.
    """
    today = today or dt.date.today()
    page = parse_html(data) if is_html(data) else None
    cleaned = clean_text(page.text if page else data, reg.agencies, reg.index.surnames)
    review: list[str] = []
    title = (page.title if page and page.title else None) or cleaned.title
    if title and _CAPTION.search(title):
        title = None
    url = url or (page.url if page else None)
    code, language = detect(" ".join(cleaned.paragraphs) or (page.text if page else data))
    pub, notes = publication(page, cleaned, url, published, today)
    review += notes
    ctx = Context(pub)
    if cleaned.dateline:
        ctx.dateline_city = reg.places.canonical(cleaned.dateline[0].title()
                                                 if cleaned.dateline[0].isupper()
                                                 else cleaned.dateline[0])  # type: ignore[union-attr]
    elif cleaned.place_line:
        ctx.dateline_city = reg.places.canonical(cleaned.place_line)  # type: ignore[union-attr]
    else:
        ctx.dateline_city = _bare_dateline(cleaned.paragraphs[:3], reg)
    if pub is None:
        if cleaned.dateline:
            place, month, day, _ = cleaned.dateline
            review.append(f"published: the dateline '{place}, {month:02d}-{day:02d}' gives no "
                          "year; add the publication date (--published)")
        elif cleaned.post_dates:
            review.append(f"published: not given; a quoted post is dated "
                          f"{cleaned.post_dates[0].iso()}, so the article is from then or later")
        else:
            review.append("published: the text gives no publication date; add it (--published, "
                          "or a manifest)")
    credits = cleaned.credits + (page.credits if page else [])
    agency = find_agency(credits, page.author if page else None, reg.known_outlets)
    if outlet is None:
        where = Where((page.site_name if page else None) or
                      _masthead(data if page is None else "", cleaned.title), url,
                      cleaned.header + cleaned.footer + cleaned.dropped +
                      ([f"By{cleaned.byline}"] if cleaned.byline else []) +
                      (page.chrome + page.outside if page else []),
                      cleaned.repeated, "\n".join(cleaned.paragraphs))
        outlet, note = find_outlet(where, reg.known_outlets)
        if note:
            review.append(note)

    engagements: list[Engagement] = []
    unsupported = None
    sentence_clauses: list[Clause] = []
    reader = Reader(reg, cleaned, pub)
    if not code:
        unsupported = f"{language} text: not supported"
        review.append(f"language: {unsupported}; the converter reads English, German, French, "
                      "Spanish, Portuguese and Italian")
    else:
        sentences = article_sentences(cleaned.paragraphs)[:MAX_SENTENCES]
        captions = {i for i, p in enumerate(cleaned.paragraphs) if _CAPTION.search(p)}
        post_pub = _post_dates(cleaned.paragraphs, pub)
        headline = _headline(title, reader, pub, reg, len(cleaned.paragraphs))
        signers = _signers(cleaned.paragraphs, reg)
        clauses = _clauses(reader, sentences, captions, pub, post_pub, signers)
        _resolve_offices(clauses, [m for m in reader.found if not m.candidate or " " in m.name],
                         reg, pub)
        engagements = engagements_of(clauses, headline, ctx, reg, cleaned, today)
        sentence_clauses = _sentence_facts(clauses)
    acting = {m.person for e in engagements for m in e.participants}
    mentioned: dict[str, Mention] = {}
    candidates: dict[str, Mention] = {}
    for m in reader.found:
        if m.candidate and not _fragment(m.name):
            candidates.setdefault(m.person, m)
        if m.person not in acting and not _fragment(m.name):
            mentioned.setdefault(m.person, m)
    for c in candidates.values():
        review.append(f"people: {c.how}; run with --add-people to add it as unconfirmed")
    borrowed = list(dict.fromkeys(m.person for e in engagements for m in e.participants
                                  if m.person not in reg.people.items and not m.candidate
                                  and m.person in reg.known_people.items))
    if borrowed:
        names = ", ".join(reg.known_people.items[p].name for p in borrowed)
        review.append(f"people: {names} found in the converter's reference list, not in "
                      "people.yaml; run with --add-people to add them with their roles")
    named_forums: list[str] = []
    formats: list[str] = []
    for c in sentence_clauses:
        for hit in reader.forums.find(c.plain):
            if hit.forum not in named_forums:
                named_forums.append(hit.forum)
        for hit in reader.forums.candidates(c.plain, []):
            if hit.forum not in formats and reg.known_forums.lookup(hit.forum) is None:
                formats.append(hit.forum)
    for name in formats[:5]:
        review.append(f"forums: \"{name}\" looks like a format but is not in forums.yaml; add "
                      "it there if the engagement belonged to it")
    in_use = {x for e in engagements for x in e.forums}
    if not title and engagements:
        review.append("title: the article has no headline; this one was written by the "
                      "converter")
    record = Record(
        file=file, fingerprint=fingerprint(cleaned.paragraphs), title=title, outlet=outlet,
        agency=agency, published=pub, url=url, engagements=engagements,
        mentioned=list(mentioned.values()), forums_mentioned=[f for f in named_forums if f not in in_use],
        candidates=list(candidates.values()), reference_people=borrowed, quotes=key_quotes(sentence_clauses, acting),  # type: ignore[arg-type]
        review=review, paragraphs=cleaned.paragraphs, language=language, unsupported=unsupported)
    for eng in engagements:
        eng.topic = topic(sentence_clauses, eng)
    return record


def _post_dates(paragraphs: list[str], pub: FuzzyDate | None) -> dict[int, FuzzyDate | None]:
    """The day each paragraph speaks from: a quoted post's own date ("— Name (@handle)
    November 5, 2024", on its line or the next), else the publication date."""
    said = [social_post_date(p) for p in paragraphs]
    out: dict[int, FuzzyDate | None] = {}
    for i, p in enumerate(paragraphs):
        signed = i + 1 < len(paragraphs) and said[i + 1] is not None and \
            paragraphs[i + 1].lstrip()[:1] in "\u2014\u2013-" and len(paragraphs[i + 1]) < 120
        out[i] = said[i] or (said[i + 1] if signed else None) or pub
    return out


def _masthead(text: str, title: str | None) -> str | None:
    """A pasted page's first line when it reads like the site's name ("THE COURIER" above
    its menu), not its headline: said in review when it is not a registered outlet."""
    lines = [x.strip() for x in text.lstrip("\ufeff").splitlines()[:3] if x.strip()]
    if len(lines) < 2 or lines[0] == title or not re.fullmatch(r"[^\W\d_][\w.'&\u2019 -]{1,40}", lines[0]):
        return None
    words = lines[0].split()
    if len(words) > 5 or not all(w[:1].isupper() or w.lower() in ("of", "the", "and", "de", "du")
                                 for w in words):
        return None
    if not (" | " in lines[1] or lines[1].count("|") >= 2 or lines[0].isupper()):
        return None  # a menu under it, or capitals: a masthead, not a headline
    return lines[0].title() if lines[0].isupper() else lines[0]


def _sentence_facts(clauses: list[Clause]) -> list[Clause]:
    """Clauses joined back into sentences (quotes and topics read whole sentences)."""
    out: list[Clause] = []
    for c in clauses:
        if out and out[-1].sentence == c.sentence:
            last = out[-1]
            offset = len(last.text) + 1
            last.people += [_moved(m, -offset) for m in c.people]
            last.text += " " + c.text
            last.plain += " " + c.plain
        else:
            out.append(Clause(c.text, c.plain, c.sentence, c.paragraph, list(c.people)))
    return out


def _fragment(name: str) -> bool:
    """Not a name: "X, Says", a lone title."""
    return bool(re.search(r",|\b(?:Says|Said|Assistant|Minister|President)$", name))


def entry_title(record: Record, eng: Engagement) -> tuple[str, str | None]:
    """The entry's title: the headline for a one-engagement article, else a written one."""
    if record.title and len(record.engagements) == 1:
        return record.title, None
    if record.title:
        return _written_title(eng), ("title: written by the converter; the headline covers "
                                     f"several engagements (\"{record.title}\")")
    return _written_title(eng), None
