"""The fields of every hand-edited file, declared once: the loaders take their
field names from here, and ``jsonschema`` makes the editors' JSON Schemas
from the same declarations."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.model import KINDS


@dataclass(frozen=True)
class Field:
    """One key of a mapping. ``kind`` says what the loader accepts:
    text, date, bool, names (text or a list of text), choice, url, number,
    mapping, sources, roles."""

    name: str
    kind: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()


def names(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


SOURCE = (
    Field("outlet", "text", "the publication, as named in outlets.yaml"),
    Field("title", "text", "the article's headline"),
    Field("url", "url", "http(s) or relative link to the article"),
    Field("published", "date", "publication date: YYYY-MM-DD, YYYY-MM or YYYY"),
    Field("agency", "text", "news agency credited, e.g. Reuters"),
    Field("file", "text", "local copy the entry was converted from"),
    Field("fingerprint", "text", "set by timeline convert to recognise a re-run"),
)

ENTRY = (
    Field("title", "text", "the engagement's title", required=True),
    Field("date", "date", "YYYY-MM-DD, or YYYY-MM / YYYY when only that is known",
          required=True),
    Field("approximate", "bool", "true shows the date as 'c. Feb 2022'"),
    Field("kind", "choice", "what kind of engagement", choices=KINDS),
    Field("people", "names", "participants: registry id, name or any alias"),
    Field("mentioned", "names", "named in the reports but not taking part"),
    Field("forums", "names", "forums: registry id, name or alias"),
    Field("place", "text", "city or place"),
    Field("summary", "text", "one or two sentences shown on the timeline"),
    Field("sources", "sources", "the reports: URLs, or {outlet, title, url, published, agency}"),
    Field("draft", "bool", "true: left out unless built with --drafts"),
    Field("scheduled", "bool", "true: announced, not yet held when the source was written"),
    Field("review", "names", "open questions; delete the lines once checked"),
    Field("slug", "text", "the page's URL name (default: the file name)"),
    Field("extra", "mapping", "your own fields, kept but not shown"),
)

ROLE = (
    Field("title", "text", "the office, e.g. Foreign Minister", required=True),
    Field("from", "date", "start: YYYY-MM-DD, YYYY-MM or YYYY"),
    Field("to", "date", "end; leave out while in office"),
)

PERSON = (
    Field("name", "text", "display name", required=True),
    Field("aliases", "names", "other names entries and articles use"),
    Field("country", "text", "the person's country"),
    Field("roles", "roles", "offices held: {title, from, to}"),
    Field("description", "text", "one line about the person"),
    Field("unconfirmed", "bool", "added by timeline convert --add-people; check, then delete"),
)

FORUM = (
    Field("name", "text", "display name", required=True),
    Field("aliases", "names", "other names entries and articles use"),
    Field("description", "text", "one line about the forum"),
    Field("kind", "text", "grouping, summit, organisation, dialogue ..."),
    Field("members", "names", "member countries"),
)

OUTLET = (  # read by generator/convert/outlets.py (a test keeps the names equal)
    Field("name", "text", "how entries write it", required=True),
    Field("aliases", "names", "names pages print: site names, bylines, short forms"),
    Field("domains", "names", "the site's web addresses"),
    Field("agency", "bool", "a wire service credited in other outlets' articles"),
    Field("description", "text", "one line about the outlet"),
)

PLACE = (  # read by generator/convert/places.py (a test keeps the names equal)
    Field("name", "text", "how entries write it", required=True),
    Field("aliases", "names", "other names articles use; entries that write one share the "
          "place's page"),
    Field("country", "text", "the place's country; among the gazetteer's cities of one name, "
          "the one in it"),
    Field("lat", "number", "latitude in degrees (else the gazetteer's, for the map)"),
    Field("lon", "number", "longitude in degrees (else the gazetteer's, for the map)"),
    Field("city", "text", "the city a venue is in"),
    Field("description", "text", "one line about the place"),
)

CONFIG = (
    Field("title", "text", "site title"),
    Field("description", "text", "one sentence, shown on the home page and in meta tags"),
    Field("author", "text", "shown in the footer"),
    Field("base_url", "url", "the full address the site is published at, e.g. "
          "https://USER.github.io/REPO/"),
    Field("language", "text", "the lang of every page, e.g. en"),
    Field("order", "choice", "order of every timeline", choices=("newest-first", "oldest-first")),
    Field("unreviewed", "choice", "entries with open review items: show, mark or hide them",
          choices=("show", "mark", "hide")),
    Field("raw_html", "bool", "true trusts raw HTML in entry bodies"),
    Field("cname", "text", "a custom domain for GitHub Pages"),
    Field("content", "text", "content folder, relative to this file"),
    Field("theme", "text", "theme folder whose files replace the default theme's"),
    Field("output", "text", "output folder, relative to this file"),
)
