"""One entry file: YAML front matter between ``---`` lines, then Markdown."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from generator.content.bodycheck import check_body
from generator.content.model import KINDS, Entry, Source
from generator.content.schema import (as_mapping, did_you_mean, opt_bool, opt_date,
                                      opt_str, reject_unknown, req_str, str_list)
from generator.content.slugs import slugify
from generator.content.yamlfile import LineList, LineMap, parse_yaml
from generator.errors import TimelineError

ENTRY_FIELDS = ("title", "date", "approximate", "kind", "people", "mentioned", "forums",
                "place", "summary", "sources", "draft", "scheduled", "review", "slug", "extra")
SOURCE_FIELDS = ("outlet", "title", "url", "published", "agency", "file", "fingerprint")
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
    data = parse_yaml(yaml_text, path, line_offset=1)
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
    """Parse and validate an entry; people and forums stay as written (see resolve)."""
    data, body, body_line = split_front_matter(text, shown_path)
    reject_unknown(data, ENTRY_FIELDS, shown_path, "entry")
    slow = check_body(body)
    if slow:
        raise TimelineError("this paragraph has so many unclosed or nested '[' or '<' that "
                            "Markdown would take too long to read it; close them or write "
                            "them as \\[ and &lt;", shown_path, body_line + slow[1])
    title = req_str(data, "title", shown_path, hint="; add 'title: ...' to the front matter")
    if data.get("date") is None:
        raise TimelineError("'date' is required (YYYY-MM-DD, YYYY-MM or YYYY)", shown_path, data.line)
    approximate = opt_bool(data, "approximate", shown_path)
    date = opt_date(data, "date", shown_path, approximate)
    kind = (opt_str(data, "kind", shown_path) or "meeting").lower()
    if kind not in KINDS:
        raise TimelineError(f"kind '{kind}' is not one of {', '.join(KINDS)}"
                            f"{did_you_mean(kind, KINDS)}", shown_path, data.line_of("kind"))
    stem = rel_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug_source = opt_str(data, "slug", shown_path) or stem
    slug = slugify(slug_source)
    if not slug:
        raise TimelineError(f"cannot make a URL from '{slug_source}'; set 'slug: some-words'",
                            shown_path, data.line_of("slug"))
    extra = data.get("extra") or {}
    if not isinstance(extra, dict):
        raise TimelineError("'extra' must be a mapping", shown_path, data.line_of("extra"))
    return Entry(
        path=rel_path, slug=slug, title=title, date=date, kind=kind,  # type: ignore[arg-type]
        people=str_list(data, "people", shown_path),
        mentioned=str_list(data, "mentioned", shown_path),
        forums=str_list(data, "forums", shown_path),
        place=opt_str(data, "place", shown_path), summary=opt_str(data, "summary", shown_path),
        sources=_sources(data, shown_path), draft=opt_bool(data, "draft", shown_path),
        scheduled=opt_bool(data, "scheduled", shown_path),
        review=str_list(data, "review", shown_path), body=body, body_line=body_line,
        extra=dict(extra), lines={**data.key_lines, "": data.line})
