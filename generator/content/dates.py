"""Dates with a precision: a day, a month or a year, possibly approximate.

An engagement reported as "mid-November 2023" must not become 1 Nov 2023, and
nothing here ever touches a clock or a time zone.
"""

from __future__ import annotations

import calendar
import functools
import datetime as dt
import re
from dataclasses import dataclass

MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")

MAX_YEAR = 9998
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=False)
class FuzzyDate:
    """A calendar date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @functools.cached_property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Start of the period; coarser dates come before the days they contain."""
        rank = {"year": 0, "month": 1, "day": 2}[self.precision]
        return (self.year, self.month or 0, self.day or 0, rank)

    def iso(self) -> str:
        """``2022``, ``2022-02`` or ``2022-02-11``: the form written in entries."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def display(self) -> str:
        """``11 Feb 2022``, ``Nov 2023``, ``2021``, with ``c.`` when approximate."""
        if self.month is None:
            text = str(self.year)
        elif self.day is None:
            text = f"{MONTH_ABBR[self.month]} {self.year}"
        else:
            text = f"{self.day} {MONTH_ABBR[self.month]} {self.year}"
        return f"c. {text}" if self.approximate else text

    def first_day(self) -> dt.date:
        return self._first_day

    @functools.cached_property
    def _first_day(self) -> dt.date:  # asked for 60,000 times a build of 10,000 entries
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day the period covers (inclusive)."""
        if self.day is not None:
            return self.first_day()
        if self.month is None:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def contains(self, other: "FuzzyDate") -> bool:
        """True when ``other`` falls inside this period (or equals it)."""
        return (self.first_day() <= other.first_day()
                and other.last_day() <= self.last_day())

    def compatible(self, other: "FuzzyDate") -> bool:
        """Two reports of possibly the same day: one period contains the other."""
        return self.contains(other) or other.contains(self)

    def __str__(self) -> str:
        return self.iso()


def parse_fuzzy_date(value: object, approximate: bool = False) -> FuzzyDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or a ``date``); ValueError if not real."""
    if isinstance(value, dt.datetime):
        raise ValueError("a date with a time is not allowed; write YYYY-MM-DD")
    if isinstance(value, dt.date):
        value = value.isoformat()  # checked like the text form
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("expected a date as YYYY-MM-DD, YYYY-MM or YYYY")
    m = _ISO.match(value.strip())
    if not m:
        raise ValueError(f"'{value}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year < 1:
        raise ValueError(f"'{value}' has no year 0")
    if year > MAX_YEAR:  # calendars and charts need the year after the last one
        raise ValueError(f"'{value}' is past the last year a timeline can show ({MAX_YEAR})")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{value}' has no month {month}")
    if day is not None:
        last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
        if not 1 <= day <= last:
            raise ValueError(
                f"'{value}' is not a real date ({MONTH_NAMES[month]} {year} has {last} days)")  # type: ignore[index]
    return FuzzyDate(year, month, day, approximate)
