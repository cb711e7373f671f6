"""Atom feeds: the whole timeline, every person, forum, country and pair of countries.

Ids are the pages' absolute URLs (stable while ``base_url`` is); ``updated``
comes from the content (engagement and source dates), so feeds only change
when the content does and builds stay byte-identical.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.sax.saxutils import escape, quoteattr

from generator.builder import fragments, urls
from generator.builder.graph import SiteGraph
from generator.builder.outputs import Kept, feed_path, updated
from generator.config import Config
from generator.content.model import Entry

FEED_LIMIT = 50  # newest entries per feed; the full data is in timeline.json
EPOCH = dt.date(1970, 1, 1)  # ``updated`` of a feed with no entries
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(value: str) -> str:
    """Escaped character data, without the control characters XML forbids."""
    return escape(_NOT_XML.sub("", value))


def attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))


def stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def describe(entry: Entry, graph: SiteGraph) -> str:
    """One plain-text paragraph: date, kind, who and where, then the summary."""
    parts = [f"{entry.date.display()}, {entry.kind}"]
    if entry.people:
        parts.append("with " + ", ".join(graph.people[p].name for p in entry.people))
    if entry.forums:
        parts.append("(" + ", ".join(graph.forums[f].name for f in entry.forums) + ")")
    if entry.place:
        parts.append("in " + entry.place)
    head = " ".join(parts) + "."
    return f"{head} {entry.summary}" if entry.summary else head


def _entry_xml(entry: Entry, graph: SiteGraph, config: Config) -> str:
    link = config.base_url + urls.entry_path(entry.slug)
    cats = [f'<category term={attr(entry.kind)} label={attr(entry.kind.capitalize())}/>']
    cats += [f'<category term={attr("person:" + p)} label={attr(graph.people[p].name)}/>'
             for p in entry.people]
    cats += [f'<category term={attr("forum:" + f)} label={attr(graph.forums[f].name)}/>'
             for f in entry.forums]
    return ("<entry>\n"
            f"  <title>{text(entry.title)}</title>\n"
            f"  <link rel=\"alternate\" type=\"text/html\" href={attr(link)}/>\n"
            f"  <id>{text(link)}</id>\n"
            f"  <published>{stamp(entry.date.first_day())}</published>\n"
            f"  <updated>{stamp(updated(entry))}</updated>\n"
            f"  <summary type=\"text\">{text(describe(entry, graph))}</summary>\n"
            + "".join(f"  {c}\n" for c in cats) + "</entry>\n")


def render_feed(title: str, page_path: str, path: str, entries: list[Entry],
                graph: SiteGraph, config: Config) -> bytes:
    """One Atom document of the newest ``FEED_LIMIT`` of ``entries`` (oldest first,
    as every list of the graph is)."""
    chosen = entries[:-FEED_LIMIT - 1:-1]
    latest = max((updated(e) for e in chosen), default=EPOCH)
    author = config.author or config.title
    head = ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={attr(config.language)}>\n'
            f"<title>{text(title)}</title>\n"
            + (f"<subtitle>{text(config.description)}</subtitle>\n" if config.description else "")
            + f'<link rel="self" type="application/atom+xml" href={attr(config.base_url + path)}/>\n'
            f'<link rel="alternate" type="text/html" href={attr(config.base_url + page_path)}/>\n'
            f"<id>{text(config.base_url + path)}</id>\n"
            f"<updated>{stamp(latest)}</updated>\n"
            f"<author><name>{text(author)}</name></author>\n"
            "<generator>timeline</generator>\n")
    body = "".join([fragments.one(_entry_xml, e, graph, config) for e in chosen])
    return (head + body + "</feed>\n").encode("utf-8")


def feed_files(graph: SiteGraph, config: Config, kept: Kept) -> dict[str, bytes]:
    """The site's feed, and one per person, forum, country and relation (``kept`` may
    give those)."""
    files = {feed_path(): render_feed(config.title, "", feed_path(), graph.entries, graph,
                                      config)}
    for scope, items, lists, page in (("people", graph.people, graph.by_person, urls.person_path),
                                      ("forums", graph.forums, graph.by_forum, urls.forum_path),
                                      ("countries", graph.countries, graph.by_country,
                                       urls.country_path),
                                      ("relations", graph.relations, graph.by_pair,
                                       urls.relation_path)):
        for key, item in sorted(items.items()):
            path = feed_path(scope, key)
            data = kept(path)
            files[path] = data if data is not None else render_feed(
                f"{item.name} · {config.title}", page(key), path, lists.get(key, []), graph,
                config)
    return files
