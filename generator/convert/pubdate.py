"""When the article was published: from what the user says, the page, or its address.

Relative words ("on Friday", "yesterday") are only as good as this date, so
every source is read and the choice is explained: the page's metadata, its
labelled date line ("Updated on February 14, 2025"), a date line at the top,
a dateline that carries a year, then a date in the page address (a path date
``/2023/04/06/``, ``20230406``, ``05042023``, ``27-Oct-2022``, an id ``-1YYMMDD…_1.html``,
a millisecond timestamp). A date line that gives less than the address (a month) yields to
it. Numbers in addresses that are only article ids are never dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from generator.content.dates import FuzzyDate
from generator.convert.dates import _make, month_number

_MONTH3 = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"


@dataclass
class Found:
    date: FuzzyDate
    how: str  # "" when the page says it plainly; otherwise for the review line


def _plausible(date: FuzzyDate | None, today: dt.date) -> bool:
    return date is not None and 1990 <= date.year and date.first_day() <= today + dt.timedelta(days=1)


def url_date(url: str | None, today: dt.date | None = None) -> FuzzyDate | None:
    """A publication date written into a page address, or None."""
    if not url:
        return None
    today = today or dt.date.today()
    parts = urlsplit(url)
    path = unquote(parts.path + ("?" + parts.query if parts.query else ""))
    for rx, order in _URL_FORMS:
        for m in rx.finditer(path):
            date = _from_parts(m, order)
            if _plausible(date, today):
                return date
    for m in re.finditer(r"(?<!\d)\d{0,3}?(1[3-7]\d{11})(?!\d)", path):  # milliseconds since 1970,
        # perhaps behind a site's own prefix ("-101611940655869.html")
        stamp = dt.datetime.fromtimestamp(int(m.group(1)) / 1000, dt.timezone.utc).date()
        date = FuzzyDate(stamp.year, stamp.month, stamp.day)
        if _plausible(date, today) and stamp.year >= 2001:
            return date
    return None


_URL_FORMS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"(?<![\d])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?![\da-z])"), "ymd"),  # ("/05/7c1e": an id)
    (re.compile(rf"(?<![\d])((?:19|20)\d{{2}})/{_MONTH3}/(\d{{1,2}})(?![\d])", re.I), "yMd"),
    (re.compile(rf"(?<![\d])(\d{{1,2}})-{_MONTH3}-((?:19|20)\d{{2}})(?![\d])", re.I), "dMy"),
    (re.compile(r"(?:^|[/_=-]|[a-z])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
                r"(?=\d{0,12}(?:\D|$))", re.I), "ymd8"),
    (re.compile(r"(?:^|[/_-])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])((?:19|20)\d{2})(?=\D|$)"), "dmy8"),
    (re.compile(r"(?<![\d])((?:19|20)\d{2})(0[1-9]|1[0-2])/(\d{1,2})(?![\d])"), "ym/d"),
    # "-118102000389_1.html": 1, then YYMMDD, then a five-digit serial and a page number
    (re.compile(r"-1(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{5}_\d+\.html?$"), "yymd"),
    (re.compile(r"(?<![\d])((?:19|20)\d{2})/(0[1-9]|1[0-2])(?:/|$)(?!\d{1,2}(?!\w))"), "ym"),  # ("/51b65a8...": an id)
    (re.compile(r"(?i)\b(?:yyyy|yy|y|year)=((?:19|20)\d{2})[&;](?:mm|m|month)=(\d{1,2})[&;]"
                r"(?:dd|d|day)=(\d{1,2})\b"), "ymd"),  # "?yyyy=2023&mm=10&dd=26"
]


def _from_parts(m: re.Match, order: str) -> FuzzyDate | None:
    g = m.groups()
    try:
        if order in ("ymd", "ymd8", "ym/d"):
            return _make(int(g[0]), int(g[1]), int(g[2]))
        if order == "yMd":
            return _make(int(g[0]), month_number(g[1]) or 0, int(g[2]))
        if order == "dMy":
            return _make(int(g[2]), month_number(g[1]) or 0, int(g[0]))
        if order == "dmy8":
            return _make(int(g[2]), int(g[1]), int(g[0]))
        if order == "yymd":
            return _make(2000 + int(g[0]), int(g[1]), int(g[2]))
        return _make(int(g[0]), int(g[1]))
    except ValueError:
        return None


def choose(candidates: list[tuple[str, FuzzyDate | None]], url: str | None,
           today: dt.date | None = None) -> tuple[FuzzyDate | None, list[str]]:
    """The publication date among what the page says (strongest first), then its address.

    Returns the date and review lines about how it was chosen.
    """
    today = today or dt.date.today()
    from_url = url_date(url, today)
    page = [(how, d) for how, d in candidates if d is not None and _plausible(d, today)]
    notes: list[str] = []
    if page:
        how, date = page[0]
        if from_url and date.precision != "day" and from_url.precision == "day" and \
                (date.contains(from_url) or not from_url.compatible(date)):
            notes.append(f"published: the page's date line gives only {date.iso()}; the page "
                         f"address gives {from_url.iso()}, which is used")
            return from_url, notes
        if from_url and from_url.precision == "day" and date.precision == "day" and \
                abs((date.first_day() - from_url.first_day()).days) > 2:
            notes.append(f"published: the page says {date.iso()} but its address says "
                         f"{from_url.iso()}; {date.iso()} is used")
        if how:
            notes.append(f"published: {how}")
        return date, notes
    if from_url:
        return from_url, notes
    return None, notes
