"""Files beside the pages: feeds, calendars, data exports, search index, sitemap.

Every generator here is a pure function of the site graph and the config, so a
build stays byte-identical: orders are sorted, and dates come from the content,
never from the clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from generator.builder.graph import SiteGraph
from generator.config import Config
from generator.content.model import Entry

FEED = "feed.xml"
CALENDAR = "timeline.ics"
JSON_EXPORT = "timeline.json"
CSV_EXPORT = "timeline.csv"
SEARCH_INDEX = "search.json"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"

# A file that the build cannot have changed (a person's feed, the sitemap) ->
# its last bytes; None: make it. A builder kept alive knows which ones.
Kept = Callable[[str], "bytes | None"]


def nothing_kept(path: str) -> None:
    return None


def feed_path(scope: str = "", key: str = "") -> str:
    """``feed.xml``, ``people/<id>/feed.xml`` or ``forums/<id>/feed.xml``."""
    return f"{scope}/{key}/{FEED}" if scope else FEED


def calendar_path(scope: str = "", key: str = "") -> str:
    return f"{scope}/{key}/{CALENDAR}" if scope else CALENDAR


def updated(entry: Entry) -> dt.date:
    """When an entry last changed, as far as its content tells: the engagement
    or its latest source. Feeds and calendars use it instead of the clock."""
    days = [entry.date.first_day()]
    days += [s.published.first_day() for s in entry.sources if s.published]
    return max(days)


def joined(head: bytes, items: list[bytes], sep: bytes, tail: bytes) -> bytes:
    """``head + sep.join(items) + tail``, copying the items once instead of
    twice (``timeline.json`` is tens of megabytes); ``items`` is consumed."""
    if not items:
        return head + tail
    items[0] = head + items[0]
    items[-1] = items[-1] + tail
    return sep.join(items)


def extra_files(graph: SiteGraph, config: Config, page_paths: list[str],
                kept: Kept = nothing_kept) -> dict[str, bytes]:
    """Every non-page output of the site: site path -> bytes."""
    from generator.builder import exports, feeds, ics, search_index, sitemap, worldmap

    files: dict[str, bytes] = {}
    files.update(feeds.feed_files(graph, config, kept))
    files.update(ics.calendar_files(graph, config, kept))
    files.update(exports.export_files(graph, config))
    files.update(search_index.index_files(graph, config))
    files.update(sitemap.sitemap_files(page_paths, config, kept))
    files[worldmap.LAND_FILE] = worldmap.land_svg()
    return files
