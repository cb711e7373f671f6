"""Publication dates and event dates, kept apart.

A report published on Saturday about a meeting "on Friday" is about Friday:
the publication date anchors relative words, and every relative word that is
resolved says how, so a person can check it in the entry's ``review:`` list.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from generator.content.dates import FuzzyDate

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Capitalised month names only: "may" the verb is not May the month.
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|"
         r"APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|"
         r"JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})(?!\d)"

# Full dates, as pages print them.
_FULL_FORMS = (
    ("iso", re.compile(rf"(?<!\d){_YEAR}-(\d{{2}})-(\d{{2}})(?!\d)")),
    ("dmy", re.compile(rf"(?<!\d){_DAY}\s+(?:of\s+)?({MONTH}),?\s+{_YEAR}")),
    ("mdy", re.compile(rf"\b({MONTH})\s+{_DAY},?\s*{_YEAR}")),
    ("dotted", re.compile(rf"(?<![\d.]){_DAY}\.(\d{{1,2}})\.{_YEAR}")),
)


def month_number(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def _make(year: int, month: int, day: int | None = None) -> FuzzyDate | None:
    if not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return FuzzyDate(year, month, day)


def _from_match(form: str, m: re.Match) -> FuzzyDate | None:
    if form == "iso":
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if form == "dmy":
        return _make(int(m.group(3)), month_number(m.group(2)) or 0, int(m.group(1)))
    if form == "mdy":
        return _make(int(m.group(3)), month_number(m.group(1)) or 0, int(m.group(2)))
    return _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))  # dotted: D.M.YYYY


def find_full_date(text: str, anchored: bool = False) -> tuple[FuzzyDate, re.Match] | None:
    """The first complete day-month-year date in ``text`` (at its start if ``anchored``)."""
    best: tuple[FuzzyDate, re.Match] | None = None
    for form, rx in _FULL_FORMS:
        m = rx.match(text) if anchored else rx.search(text)
        if not m:
            continue
        date = _from_match(form, m)
        if date and (best is None or m.start() < best[1].start()):
            best = (date, m)
    return best


def parse_machine_date(value: str) -> FuzzyDate | None:
    """Dates from page metadata: ``2022-02-12T11:13:49+05:30``, ``2022-02-12``, ``2022-02``."""
    m = re.match(r"\s*((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?", value or "")
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    found = find_full_date(value or "")
    return found[0] if found else None


# ---------------------------------------------------------------- publication

_LEAD_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
_LABEL = re.compile(r"^\s*(?:last\s+updated|updated(?:\s+on)?|published(?:\s+on)?|"
                    r"first\s+published(?:\s+on)?|posted(?:\s+on)?|date(?:d)?|"
                    r"publication\s+date)\s*[:\-\u2013|]?\s*(?:on\s+)?", re.I)
_DATELINE = re.compile(rf"^([A-Z][A-Za-z.\- ]{{1,30}}?|[A-Z][A-Z .\-]{{1,30}}),\s*({MONTH})\s+(\d{{1,2}})"
                       rf"(?!\d)(?!,?\s*(?:19|20)\d\d)(?:\s*\(([^)]{{1,40}})\))?")
_POST_DATE = re.compile(rf"[\u2014\u2013-]\s*[^\u2014\n]{{0,80}}\(@\w{{1,30}}\)\s*({MONTH}\s+\d{{1,2}},?\s*\d{{4}})\s*$")
_WEEKDAY_PREFIX = re.compile(rf"^(?:{WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?\s+")


@dataclass
class PubDate:
    """A publication date and the words it was read from."""

    date: FuzzyDate
    text: str
    how: str


def lead_date(line: str) -> tuple[FuzzyDate | None, str]:
    """A crawler's ``date 2022-01-05`` prefix: (date, rest of the line)."""
    m = _LEAD_DATE.match(line)
    if not m:
        return None, line
    return parse_machine_date(m.group(1)), line[m.end():]


def labelled_date(line: str) -> tuple[FuzzyDate, str] | None:
    """``Last Updated : 12 Feb 2022 ...`` or ``Published on Jan 05, 2022 ...``."""
    m = _LABEL.match(line)
    if not m or m.end() == 0:
        return None
    rest = _WEEKDAY_PREFIX.sub("", line[m.end():])
    found = find_full_date(rest, anchored=True)
    if not found and len(rest.split()) <= 8:  # "Published 3:45 AM GMT+9, March 18, 2024"
        found = find_full_date(rest)
    if not found:
        return None
    return found[0], line.strip()


def leading_date(line: str) -> tuple[FuzzyDate, str, str] | None:
    """A line that starts with a full date (``November 10, 2023US Secretary ...``).

    Returns (date, the date text, the rest of the line glued to it).
    """
    stripped = _WEEKDAY_PREFIX.sub("", line.strip())
    found = find_full_date(stripped, anchored=True)
    if not found:
        return None
    date, m = found
    rest = stripped[m.end():]
    # a date line, a date with a time, or a date glued to the text (a crawler joined
    # the lines); not a sentence that merely begins with a date
    if rest.strip() and rest[:1] in " ,.;:" and not re.match(
            r"\s*(?:[,|\u2013\u2014-]\s*)?\d{1,2}[:.]\d{2}\b|\s*[|\u2013\u2014]|\s*-\s", rest):
        return None
    rest = re.sub(r"^(?:\s*[|,\u2013\u2014-]?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?"
                  r"\s*(?:[A-Z]{2,4}\b)?)*\s*[|,\u2013\u2014-]?\s*", "", rest)
    return date, m.group(0), rest


def dateline(line: str) -> tuple[str, int, int, str | None] | None:
    """``Washington, Dec 27 (IANS)``: (place, month, day, credit); the year is unknown."""
    m = _DATELINE.match(line.strip())
    if not m:
        return None
    month = month_number(m.group(2))
    if not month:
        return None
    return m.group(1).strip(), month, int(m.group(3)), m.group(4)


def social_post_date(line: str) -> FuzzyDate | None:
    """The date that ends a quoted post: ``— Ned Price (@StateDeptSpox) March 30, 2022``."""
    m = _POST_DATE.search(line.strip())
    if not m:
        return None
    found = find_full_date(m.group(1))
    return found[0] if found else None


# ---------------------------------------------------------------- event times

@dataclass
class TimeExpr:
    """A time expression in a sentence and what it resolves to."""

    text: str
    start: int
    end: int
    date: FuzzyDate | None
    how: str  # for the review line; "" when the text gives the date outright
    approximate: bool = False


_PART = r"(?:\s+(?:night|evening|morning|afternoon))?"
_EVENT_FORMS: list[tuple[str, re.Pattern]] = [
    ("full", re.compile(rf"\b(?:on\s+)?(?:{WEEKDAY},?\s+)?(?:{_DAY}\s+(?:of\s+)?({MONTH}),?\s+{_YEAR}"
                        rf"|({MONTH})\s+{_DAY},?\s+{_YEAR})")),
    ("iso", re.compile(rf"(?<!\d){_YEAR}-(\d{{2}})-(\d{{2}})(?!\d)")),
    ("month_year", re.compile(rf"\b(?:(early|mid|late|the\s+middle\s+of|the\s+end\s+of|the\s+start\s+of)"
                              rf"[\s-]+)?({MONTH}),?\s+{_YEAR}")),
    ("day_month", re.compile(rf"\b(?:on\s+)?(?:{WEEKDAY},?\s+)?(?:{_DAY}\s+({MONTH})|({MONTH})\s+{_DAY})"
                             rf"(?![\d,]*\s*(?:19|20)\d\d)(?!\d)")),
    ("in_month", re.compile(rf"\b(?:in|during|since|from)\s+(?:(early|mid|late)[\s-]+)?({MONTH})(?!\s*\d)")),
    ("weekday", re.compile(rf"\b(?:([Oo]n|[Ll]ast|[Tt]his\s+past|[Tt]his|[Ee]arlier\s+on)\s+)?({WEEKDAY})(?:'s|\u2019s)?{_PART}\b")),
    ("today", re.compile(r"\b(today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b", re.I)),
    ("yesterday", re.compile(r"\b(yesterday|last\s+night)\b", re.I)),
    ("this_week", re.compile(r"\b(earlier\s+this\s+week|this\s+week)\b", re.I)),
    ("last_week", re.compile(r"\b(last\s+week|earlier\s+last\s+week)\b", re.I)),
    ("this_month", re.compile(r"\b(earlier\s+this\s+month|this\s+month)\b", re.I)),
    ("last_month", re.compile(r"\b(last\s+month)\b", re.I)),
    ("year", re.compile(rf"\b(?:in|since|during)\s+{_YEAR}\b")),
    ("last_year", re.compile(r"\b(last\s+year)(?:'s|\u2019s)?\b", re.I)),
]


def _latest_on_or_before(month: int, day: int | None, pub: FuzzyDate) -> FuzzyDate | None:
    """The latest (month, day) not after the publication date."""
    year = pub.year
    limit = pub.last_day()
    for y in (year, year - 1):
        try:
            candidate = dt.date(y, month, day or 1)
        except ValueError:
            continue
        if candidate <= limit:
            return FuzzyDate(y, month, day)
    return None


def _weekday_before(name: str, pub: FuzzyDate) -> FuzzyDate:
    target = WEEKDAYS.index(name.lower())
    base = pub.first_day()
    back = (base.weekday() - target) % 7
    d = base - dt.timedelta(days=back)
    return FuzzyDate(d.year, d.month, d.day)


def _shift(pub: FuzzyDate, days: int) -> FuzzyDate:
    d = pub.first_day() + dt.timedelta(days=days)
    return FuzzyDate(d.year, d.month, d.day)


def _resolve(form: str, m: re.Match, pub: FuzzyDate | None) -> tuple[FuzzyDate | None, str, bool]:
    """(date, how, approximate) for one matched expression."""
    text = m.group(0).strip()
    pub_day = pub is not None and pub.precision == "day"
    if form == "full":
        if m.group(1):
            return _make(int(m.group(3)), month_number(m.group(2)) or 0, int(m.group(1))), "", False
        return _make(int(m.group(6)), month_number(m.group(4)) or 0, int(m.group(5))), "", False
    if form == "iso":
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3))), "", False
    if form == "month_year":
        date = _make(int(m.group(3)), month_number(m.group(2)) or 0)
        how = f'"{text}" gives only the month' if m.group(1) else ""
        return date, how, False
    if form in ("day_month", "in_month"):
        if form == "day_month":
            month = month_number(m.group(2) or m.group(3)) or 0
            day = int(m.group(1) or m.group(4))
        else:
            month, day = month_number(m.group(2)) or 0, None
        if pub is None:
            return None, f'"{text}" has no year and the publication date is unknown', False
        date = _latest_on_or_before(month, day, pub) if 1 <= month <= 12 else None
        if date is None:
            return None, f'"{text}" is not a real date', False
        return date, f'"{text}" has no year: read as the latest such date on or before ' \
                     f'publication {pub.iso()}', False
    if form == "weekday":
        if not pub_day:
            return None, f'"{text}" cannot be resolved: the publication day is unknown', False
        date = _weekday_before(m.group(2), pub)  # type: ignore[arg-type]
        return date, f'"{text}" resolved against publication {pub.iso()} (the most recent ' \
                     f'{m.group(2)} on or before it)', False  # type: ignore[union-attr]
    if not pub_day and form not in ("year", "last_year", "last_month", "this_month"):
        return None, f'"{text}" cannot be resolved: the publication day is unknown', False
    if pub is None:
        if form == "year":
            return FuzzyDate(int(m.group(1))), "", False
        return None, f'"{text}" cannot be resolved: the publication date is unknown', False
    if form == "today":
        return _shift(pub, 0), f'"{text}" read as the publication date {pub.iso()}', False
    if form == "yesterday":
        return _shift(pub, -1), f'"{text}" read as the day before publication {pub.iso()}', False
    if form in ("this_week", "last_week"):
        monday = -pub.first_day().weekday()
        first, last = (_shift(pub, monday), pub) if form == "this_week" else \
            (_shift(pub, monday - 7), _shift(pub, monday - 1))
        approx = (first.year, first.month) != (last.year, last.month)
        return FuzzyDate(first.year, first.month), f'"{text}" gives no day (publication ' \
            f'{pub.iso()}); only the month is kept', approx
    if form == "this_month":
        return FuzzyDate(pub.year, pub.month), f'"{text}" read as the publication month', False
    if form == "last_month":
        y, mth = (pub.year, (pub.month or 1) - 1) if (pub.month or 1) > 1 else (pub.year - 1, 12)
        return FuzzyDate(y, mth), f'"{text}" read as the month before publication {pub.iso()}', False
    if form == "year":
        return FuzzyDate(int(m.group(1))), "", False
    return FuzzyDate(pub.year - 1), f'"{text}" read as {pub.year - 1}', False


def find_times(sentence: str, pub: FuzzyDate | None) -> list[TimeExpr]:
    """Every time expression in a sentence, longest match first where they overlap."""
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for form, rx in _EVENT_FORMS:
        for m in rx.finditer(sentence):
            start, end = m.start(), m.end()
            if any(s < end and start < e for s, e in taken):
                continue
            date, how, approx = _resolve(form, m, pub)
            if date is None and not how:
                continue
            taken.append((start, end))
            found.append(TimeExpr(m.group(0).strip(), start, end, date, how, approx))
    found.sort(key=lambda t: t.start)
    return found
