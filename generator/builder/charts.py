"""Inline SVG charts, drawn at build time: no chart library, no JavaScript.

Every chart carries ``role="img"`` and an ``aria-label`` that says in words
what it shows; marks have ``<title>`` tooltips. Sizes stay small: past
``DETAIL_LIMIT`` engagements the timeline axis draws monthly counts instead of
one mark per engagement, so a 10,000-entry home page gets a few kilobytes.

The time axis is also what ``static/axis.js`` makes zoomable. What it reads:
the svg's ``data-start`` and ``data-end`` (the first day drawn and the day
after the last) with the base line's ``x1`` and ``x2`` (where they fall), the
marks in ``<g class="marks">`` oldest first, each with its ``<title>`` ("date
as shown: title" or "month: count") and, for an engagement, ``data-href``
(its page, under the base path) and ``data-people`` (the names of the people
who took part); and on a counts axis of the whole site, ``data-index`` (the
search index, whose entries it draws once the view holds at most
``data-limit`` of them).
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import Counter
from operator import attrgetter
from typing import Callable
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup

from generator.content.dates import MONTH_ABBR
from generator.content.model import Entry

DETAIL_LIMIT = 300  # more engagements than this: monthly counts instead of marks
WIDTH = 1000
PAD = 8
LANES = 3
LANE_H = 14
TOP = 6
# Read in C by ``map``: an entry's year, (year, month), and order.
_year = attrgetter("date.year")
_year_month = attrgetter("date.year", "date.month")
_sort_key = attrgetter("sort_key")


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def year_counts(entries: list[Entry]) -> list[tuple[int, int]]:
    """(year, count) for every year from the first to the last, zeros included."""
    counts = Counter(map(_year, entries))
    if not counts:
        return []
    return [(y, counts.get(y, 0)) for y in range(min(counts), max(counts) + 1)]


def summary(entries: list[Entry], what: str,
            counts: list[tuple[int, int]] | None = None) -> str:
    """The words a screen reader hears for a chart of ``entries`` (``counts``:
    their ``year_counts``, when known)."""
    if not entries:
        return f"{what}: no engagements."
    first, last = min(entries, key=_sort_key), max(entries, key=_sort_key)
    per_year = ", ".join(f"{y}: {n}" for y, n in counts or year_counts(entries))
    return (f"{what}: {_plural(len(entries), 'engagement')} from {first.date.display()} "
            f"to {last.date.display()}. Per year: {per_year}.")


class _Scale:
    def __init__(self, first_year: int, last_year: int):
        self.start = dt.date(first_year, 1, 1)
        self.days = (dt.date(last_year + 1, 1, 1) - self.start).days

    def x(self, day: dt.date) -> float:
        return PAD + (day - self.start).days / self.days * (WIDTH - 2 * PAD)


def _ticks(scale: _Scale, years: list[int], y_line: float) -> list[str]:
    out = [f'<line class="base" x1="{PAD}" x2="{WIDTH - PAD}" y1="{_num(y_line)}" '
           f'y2="{_num(y_line)}"/>']
    step = max(1, -(-len(years) * 44 // WIDTH))  # keep labels ~44 units apart
    for i, year in enumerate(years + [years[-1] + 1]):
        x = scale.x(dt.date(year, 1, 1))
        out.append(f'<line class="tick" x1="{_num(x)}" x2="{_num(x)}" y1="{_num(y_line)}" '
                   f'y2="{_num(y_line + 6)}"/>')
        if i < len(years) and i % step == 0:
            mid = (x + scale.x(dt.date(year + 1, 1, 1))) / 2
            out.append(f'<text x="{_num(mid)}" y="{_num(y_line + 22)}">{year}</text>')
    return out


Describe = Callable[[Entry], str]


def _marks(entries: list[Entry], scale: _Scale, href: Describe | None,
           people: Describe | None) -> list[str]:
    """One mark per engagement: a dot for a day, a bar spanning a month or a year.
    ``href`` and ``people`` give each mark its page and participants for the
    card ``axis.js`` shows."""
    lanes = [-1e9] * LANES
    out = []
    for e in sorted(entries, key=_sort_key):
        x1 = scale.x(e.date.first_day())
        x2 = scale.x(e.date.last_day() + dt.timedelta(days=1))
        lane = next((i for i, end in enumerate(lanes) if end + 3 <= x1), 0)
        lanes[lane] = max(lanes[lane], x2 if e.date.precision != "day" else x1 + 10)
        y = TOP + lane * LANE_H + LANE_H / 2
        tip = f"<title>{escape(e.date.display())}: {escape(e.title)}</title>"
        approx = " approx" if e.date.approximate else ""
        data = ""
        if href is not None:
            data += f" data-href={quoteattr(href(e))}"
        if people is not None and e.people:
            data += f" data-people={quoteattr(people(e))}"
        if e.date.precision == "day":
            out.append(f'<circle class="m-day{approx}" cx="{_num(x1)}" cy="{_num(y)}" r="5"'
                       f"{data}>{tip}</circle>")
        else:
            out.append(f'<rect class="m-{e.date.precision}{approx}" x="{_num(x1)}" '
                       f'y="{_num(y - 5)}" width="{_num(max(x2 - x1, 4))}" height="10" rx="3"'
                       f"{data}>{tip}</rect>")
    return out


def _histogram(entries: list[Entry], scale: _Scale, height: float) -> list[str]:
    """Monthly counts as bars; engagements known only to the year as a faint band."""
    periods = Counter(map(_year_month, entries))
    months = {period: n for period, n in periods.items() if period[1]}
    years_only = {year: n for (year, month), n in periods.items() if not month}
    peak = max([*months.values(), *(n / 12 for n in years_only.values()), 1])
    out = []  # (x, order, mark): oldest first, a year's band before its months
    for year, n in sorted(years_only.items()):
        x1, x2 = scale.x(dt.date(year, 1, 1)), scale.x(dt.date(year + 1, 1, 1))
        h = max(1.0, n / 12 / peak * height)
        out.append((year, 0, f'<rect class="m-year" x="{_num(x1)}" y="{_num(TOP + height - h)}" '
                   f'width="{_num(x2 - x1)}" height="{_num(h)}"><title>{year}: '
                   f"{_plural(n, 'engagement')} known only to the year</title></rect>"))
    for (year, month), n in sorted(months.items()):
        first = dt.date(year, month, 1)
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        x1, x2 = scale.x(first), scale.x(nxt)
        h = max(1.0, n / peak * height)
        out.append((year, month, f'<rect class="m-count" x="{_num(x1)}" '
                   f'y="{_num(TOP + height - h)}" width="{_num(max(x2 - x1 - 0.5, 0.5))}" '
                   f'height="{_num(h)}"><title>{MONTH_ABBR[month]} {year}: '
                   f"{_plural(n, 'engagement')}</title></rect>"))
    return [mark for _, _, mark in sorted(out)]


def timeline_axis(entries: list[Entry], what: str = "Timeline", *,
                  href: Describe | None = None, people: Describe | None = None,
                  index: str | None = None) -> Markup:
    """The engagements on a time axis with year ticks; '' when there are none.
    ``href`` and ``people`` describe an engagement for the zoomable axis's card;
    ``index`` is the search index's address when ``entries`` are all the site's."""
    if not entries:
        return Markup("")
    counts = year_counts(entries)
    years = [y for y, _ in counts]
    scale = _Scale(years[0], years[-1])
    detailed = len(entries) <= DETAIL_LIMIT
    body_h = LANES * LANE_H if detailed else 40
    y_line = TOP + body_h + 4
    height = y_line + 28
    marks = _marks(entries, scale, href, people) if detailed else \
        _histogram(entries, scale, body_h)
    kind = "marks" if detailed else "counts"
    data = f' data-start="{scale.start.isoformat()}" data-end="{dt.date(years[-1] + 1, 1, 1)}"'
    if index is not None and not detailed:
        data += f" data-index={quoteattr(index)} data-limit=\"{DETAIL_LIMIT}\""
    svg = (f'<svg class="chart axis {kind}" viewBox="0 0 {WIDTH} {_num(height)}" role="img" '
           f"aria-label={quoteattr(summary(entries, what, counts))}{data}>"
           '<g class="marks">' + "".join(marks) + '</g><g class="ticks">'
           + "".join(_ticks(scale, years, y_line)) + "</g></svg>")
    return Markup(svg)


def per_year_bars(entries: list[Entry], what: str = "Engagements per year") -> Markup:
    """Vertical bars, one per year with its count written above it."""
    counts = year_counts(entries)
    if not counts:
        return Markup("")
    slot, chart_h, top = 44, 90, 18
    width = max(len(counts) * slot, 120)
    peak = max(n for _, n in counts) or 1
    parts = []
    for i, (year, n) in enumerate(counts):
        x = i * slot + 8
        h = n / peak * chart_h
        y = top + chart_h - h
        if n:
            parts.append(f'<rect x="{x}" y="{_num(y)}" width="{slot - 16}" height="{_num(h)}" '
                         f'rx="2"><title>{year}: {_plural(n, "engagement")}</title></rect>')
        parts.append(f'<text class="count" x="{x + (slot - 16) / 2:g}" y="{_num(y - 4)}">{n}</text>')
        parts.append(f'<text x="{x + (slot - 16) / 2:g}" y="{top + chart_h + 16}">{year}</text>')
    label = f"{what}: " + ", ".join(f"{y}: {n}" for y, n in counts) + "."
    return Markup(f'<svg class="chart bars" viewBox="0 0 {width} {top + chart_h + 22}" '
                  f'width="{width}" height="{top + chart_h + 22}" role="img" '
                  f"aria-label={quoteattr(label)}>" + "".join(parts) + "</svg>")


def bar(n: int, peak: int) -> Markup:
    """A small horizontal bar for a ranked list; decorative, the count is written beside it."""
    width = 100 * n / peak if peak else 0
    return Markup(f'<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
                  f'aria-hidden="true" focusable="false"><rect width="{_num(width)}" '
                  f'height="10"/></svg>')


def axis_key(entries: list[Entry]) -> str:
    """What ``timeline_axis(entries)`` depends on, for a page fingerprint that must
    change whenever the drawing would (the home page shows only some entries).
    ``entries`` are oldest first."""
    import hashlib

    h = hashlib.blake2b(digest_size=8)
    if len(entries) <= DETAIL_LIMIT:  # each mark's date, title, page and people
        for e in entries:
            h.update(f"{e.date.iso()}{e.date.approximate}\0{e.title}\0{e.slug}\0"
                     f"{'|'.join(e.people)}\0".encode())
    elif entries:  # the month of each (one array: cheap at 10,000), and the first and last date
        h.update(array("i", [(d.year << 4) | (d.month or 0)
                             for d in [e.date for e in entries]]).tobytes())
        for d in (entries[0].date, entries[-1].date):
            h.update(f"{d.iso()}{d.approximate}\0".encode())
    return h.hexdigest()
