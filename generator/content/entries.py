"""One entry file: YAML front matter between ``---`` lines, then Markdown."""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import urlsplit

from generator.content.bodycheck import check_body
from generator.content.dates import FuzzyDate
from generator.content.fields import ENTRY, SOURCE, names
from generator.content.model import KINDS, Entry, Source
from generator.content.schema import (as_mapping, did_you_mean, opt_bool, opt_date,
                                      opt_str, reject_unknown, req_str, str_list)
from generator.content.slugs import slugify
from generator.content.yamlfile import LineList, LineMap, parse_yaml
from generator.errors import Collector, TimelineError

ENTRY_FIELDS = names(ENTRY)
SOURCE_FIELDS = names(SOURCE)
SAFE_SCHEMES = ("http", "https", "")

_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


def split_front_matter(text: str, path: str) -> tuple[LineMap, str, int]:
    """Return (front matter, body, first line of the body)."""
    if not text.startswith("---"):
        raise TimelineError("an entry must start with a '---' line, then YAML front matter, "
                            "then '---'", path, 1)
    first = text.find("\n")
    if first < 0 or text[:first].strip() != "---":
        raise TimelineError("the first line must be exactly '---'", path, 1)
    end = _FENCE.search(text, first + 1)
    if not end:
        raise TimelineError("front matter is not closed: add a '---' line after it", path, 1)
    yaml_text = text[first + 1:end.start()]
    data = parse_yaml(yaml_text, path, line_offset=1, at_opener=True)
    if data is None:
        data = LineMap()
        data.key_lines = {}
        data.line = 2
    data = as_mapping(data, path, 2, "front matter")
    body_start = end.end() + 1
    body_line = text.count("\n", 0, min(body_start, len(text))) + 1
    return data, text[body_start:], body_line


def check_url(url: str, path: str, line: int) -> str:
    """Only web links and relative links reach a page; ``javascript:`` never does.

    The scheme is judged as a browser would find it: with spaces and control
    characters removed, and also after decoding character references
    (``&#106;avascript&colon;``), since an href attribute decodes them.
    """
    for form in (url, html.unescape(url)) if "&" in url else (url,):
        cleaned = form if form.isprintable() and " " not in form else \
            "".join(ch for ch in form if ch.isprintable() and not ch.isspace())
        try:
            scheme = urlsplit(cleaned).scheme.lower()
        except ValueError:
            shown = "".join(ch if ch.isprintable() else " " for ch in url)
            raise TimelineError(f"'{shown}' is not a valid URL", path, line) from None
        if scheme not in SAFE_SCHEMES:
            raise TimelineError(f"URL scheme '{scheme}:' is not allowed; use an http(s) link",
                                path, line)
    return url.strip()


def _sources(data: LineMap, path: str) -> list[Source]:
    raw = data.get("sources")
    if raw is None:
        return []
    if not isinstance(raw, LineList):
        raise TimelineError("'sources' must be a list of {outlet, title, url, published, agency}",
                            path, data.line_of("sources"))
    sources = []
    for i, item in enumerate(raw):
        line = raw.line_of(i)
        if isinstance(item, str):  # a bare URL is a fine short form
            sources.append(Source(url=check_url(item, path, line)))
            continue
        src = as_mapping(item, path, line, "a source")
        reject_unknown(src, SOURCE_FIELDS, path, "source")
        url = opt_str(src, "url", path)
        sources.append(Source(
            outlet=opt_str(src, "outlet", path), title=opt_str(src, "title", path),
            url=check_url(url, path, src.line_of("url")) if url else None,
            published=opt_date(src, "published", path), agency=opt_str(src, "agency", path),
            file=opt_str(src, "file", path), fingerprint=opt_str(src, "fingerprint", path)))
    return sources


def parse_entry(text: str, rel_path: str, shown_path: str) -> Entry:
    """Parse and validate an entry; people and forums stay as written (see resolve).
    Every problem of the file is reported at once (ManyErrors when several)."""
    data, body, body_line = split_front_matter(text, shown_path)
    found = Collector()
    for key in data:
        if key not in ENTRY_FIELDS:
            found.add(TimelineError(f"unknown entry field '{key}'"
                                    f"{did_you_mean(key, ENTRY_FIELDS)} (allowed: "
                                    f"{', '.join(ENTRY_FIELDS)})", shown_path, data.line_of(key)))
    slow = check_body(body)
    if slow:
        found.add(TimelineError("this paragraph has so many unclosed or nested '[' or '<' that "
                                "Markdown would take too long to read it; close them or write "
                                "them as \\[ and &lt;", shown_path, body_line + slow[1]))
    get = functools.partial(found.value, data, shown_path)
    title = get(req_str, "title", hint="; add 'title: ...' to the front matter")
    approximate = bool(get(opt_bool, "approximate"))
    date = found.call(_date, data, shown_path, approximate)
    kind = found.call(_kind, data, shown_path) or "meeting"
    slug = found.call(_slug, data, rel_path, shown_path)
    extra = data.get("extra") or {}
    if not isinstance(extra, dict):
        found.add(TimelineError("'extra' must be a mapping", shown_path, data.line_of("extra")))
    entry = Entry(
        path=rel_path, slug=slug, title=title, date=date, kind=kind,  # type: ignore[arg-type]
        people=get(str_list, "people") or [], mentioned=get(str_list, "mentioned") or [],
        forums=get(str_list, "forums") or [], place=get(opt_str, "place"),
        summary=get(opt_str, "summary"), sources=found.call(_sources, data, shown_path) or [],
        draft=bool(get(opt_bool, "draft")), scheduled=bool(get(opt_bool, "scheduled")),
        review=get(str_list, "review") or [], body=body, body_line=body_line,
        extra=dict(extra) if isinstance(extra, dict) else {},
        lines={**data.key_lines, "": data.line})
    found.raise_any()
    return entry


def _date(data: LineMap, path: str, approximate: bool) -> FuzzyDate:
    if data.get("date") is None:
        raise TimelineError("'date' is required (YYYY-MM-DD, YYYY-MM or YYYY)", path, data.line)
    return opt_date(data, "date", path, approximate)  # type: ignore[return-value]


def _kind(data: LineMap, path: str) -> str:
    kind = (opt_str(data, "kind", path) or "meeting").lower()
    if kind not in KINDS:
        raise TimelineError(f"kind '{kind}' is not one of {', '.join(KINDS)}"
                            f"{did_you_mean(kind, KINDS)}", path, data.line_of("kind"))
    return kind


def _slug(data: LineMap, rel_path: str, path: str) -> str:
    stem = rel_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug_source = opt_str(data, "slug", path) or stem
    slug = slugify(slug_source)
    if not slug:
        raise TimelineError(f"cannot make a URL from '{slug_source}'; set 'slug: some-words'",
                            path, data.line_of("slug"))
    return slug
