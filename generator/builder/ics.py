"""iCalendar (RFC 5545) exports: the engagements as all-day events.

A day-precision engagement is a one-day event; one known only to the month
(or year) spans the whole month (or year), and its description says so. Lines
end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import datetime as dt
from operator import attrgetter
from urllib.parse import urlsplit

from generator.builder import fragments, urls
from generator.builder.feeds import describe
from generator.builder.graph import SiteGraph
from generator.builder.outputs import Kept, calendar_path, updated
from generator.config import Config
from generator.content.model import Entry

LIMIT = 75  # octets per line, CRLF excluded
_CONTROLS = dict.fromkeys(c for c in range(32) if chr(c) not in "\n\t")  # dropped
_slug = attrgetter("slug")


def escape_text(value: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and newlines."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.translate(_CONTROLS)
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into CRLF-joined pieces of at most 75 octets."""
    data = line.encode("utf-8")
    if len(data) <= LIMIT:
        return line + "\r\n"
    pieces, start, limit = [], 0, LIMIT
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a character
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start, limit = end, LIMIT - 1  # continuation lines start with a space
    return "\r\n ".join(pieces) + "\r\n"


def _day(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


def event(entry: Entry, graph: SiteGraph, config: Config) -> bytes:
    """One VEVENT, folded, with CRLF line ends."""
    link = config.base_url + urls.entry_path(entry.slug)
    note = {"day": "", "month": " The date is known only to the month.",
            "year": " The date is known only to the year."}[entry.date.precision]
    if entry.date.approximate:
        note += " The date is approximate."
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(entry.slug)}@{urlsplit(config.base_url).netloc}"
        f"{escape_text(config.base_path)}",
        f"DTSTAMP:{_day(updated(entry))}T000000Z",
        f"DTSTART;VALUE=DATE:{_day(entry.date.first_day())}",
        f"DTEND;VALUE=DATE:{_day(entry.date.last_day() + dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(entry.title)}",
        f"DESCRIPTION:{escape_text(describe(entry, graph) + note + chr(10) + chr(10) + link)}",
    ]
    if entry.place:
        lines.append(f"LOCATION:{escape_text(entry.place)}")
    lines += [f"CATEGORIES:{escape_text(entry.kind)}", f"URL:{link}",
              "TRANSP:TRANSPARENT", "END:VEVENT"]
    return "".join(fold(line) for line in lines).encode("utf-8")


def render_calendar(name: str, events: list[bytes], config: Config) -> bytes:
    """One calendar of ``events`` (VEVENTs, oldest first)."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0",
            f"PRODID:-//timeline//{escape_text(config.title)}//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}"]
    return b"".join(["".join(fold(line) for line in head).encode("utf-8"), *events,
                     b"END:VCALENDAR\r\n"])


def calendar_files(graph: SiteGraph, config: Config, kept: Kept) -> dict[str, bytes]:
    """The site's calendar, and one per person, forum, country and relation
    (``kept`` may give those)."""
    events = fragments.each(event, graph.entries, graph, config)
    files = {calendar_path(): render_calendar(config.title, events, config)}
    event_at, position = events.__getitem__, graph.position.__getitem__
    for scope, items, lists in (("people", graph.people, graph.by_person),
                                ("forums", graph.forums, graph.by_forum),
                                ("countries", graph.countries, graph.by_country),
                                ("relations", graph.relations, graph.by_pair)):
        for key, item in sorted(items.items()):
            path = calendar_path(scope, key)
            data = kept(path)
            files[path] = data if data is not None else render_calendar(
                f"{item.name} · {config.title}",
                list(map(event_at, map(position, map(_slug, lists.get(key, []))))), config)
    return files
