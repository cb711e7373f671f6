"""Saved web pages: the article's text and the page's own metadata.

Uses only the standard library's ``html.parser``. Menus, share bars,
related-story blocks, comment forms and footers are skipped by tag
(``nav``, ``aside``, ``footer``, ``form``...) and by the class, id or role
that sites give them; the article body is preferred when the page marks it
(``itemprop=articleBody``, ``<article>``, ``<main>``). Metadata comes from
Open Graph and article meta tags, JSON-LD, ``<link rel=canonical>`` and
``<time>``. What was skipped is kept as "chrome" for finding the outlet.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from generator.content.dates import FuzzyDate
from generator.content.entries import check_url
from generator.convert.dates import parse_machine_date
from generator.errors import TimelineError

SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "form", "button",
             "select", "nav", "aside", "footer", "figure", "figcaption", "object", "canvas"}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section",
              "article", "main", "td", "th", "dd", "dt", "pre", "tr", "ul", "ol", "header",
              "table", "body", "time", "address", "span_block"}
VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col",
             "embed", "param", "track"}
_BOILER = re.compile(
    r"(?:^|[\s_-])(?:(?:nav|navbar|navigation|menu|breadcrumbs?|ads?|ad-slot|tags|masthead|"
    r"site-header|topbar|toolbar|banner|popular|most-?read|also-read|read-more|more-stories)"
    r"(?:$|[\s_-])|(?:related|share|sharing|social|recommend|comment|footer|sidebar|newsletter|"
    r"subscri|promo|advert|cookie|popup|modal|trending|teaser|outbrain|taboola|paywall)\w*)", re.I)
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu"}
_BODY = re.compile(r"articlebody|article-body|article__body|story-body|storybody|entry-content|"
                   r"post-content|content-body|article-content|story-content|articletext", re.I)
_META_DATE = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
              "publishdate", "publish-date", "dc.date.issued", "dc.date", "sailthru.date",
              "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime")
MAX_LINES = 20000


@dataclass
class Page:
    title: str | None = None
    site_name: str | None = None
    url: str | None = None
    published: FuzzyDate | None = None
    author: str | None = None
    text: str = ""
    credits: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)  # text of skipped blocks
    outside: list[str] = field(default_factory=list)  # page text outside the article body


def is_html(data: str) -> bool:
    return bool(re.search(r"<(?:!doctype\s+html|html|head|body|article|main)[\s>]", data[:4000], re.I)
                or len(re.findall(r"</(?:p|div|span|a)>", data[:20000], re.I)) >= 3)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, int]] = []  # tag, skipping, container level
        self.skip_depth = 0
        self.container = 0  # 0 page, 1 main, 2 article, 3 marked article body
        self.buf: list[str] = []
        self.lines: list[tuple[int, str]] = []
        self.chrome: list[str] = []
        self.chrome_buf: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.h1: str | None = None
        self.h1_buf: list[str] | None = None
        self.canonical: str | None = None
        self.ld: list[str] = []
        self.in_ld = False
        self.times: list[str] = []

    # -- structure ---------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.canonical = self.canonical or a["href"].strip()
            return
        if tag == "title":
            self.in_title = True
        if tag == "script" and "ld+json" in a.get("type", "").lower():
            self.in_ld = True
        if tag == "time" and a.get("datetime") and self.skip_depth == 0:
            self.times.append(a["datetime"])
        if tag == "br":
            self._flush()
            return
        if tag in VOID_TAGS:
            return
        marker = " ".join(a.get(k, "") for k in ("class", "id"))
        skipping = (tag in SKIP_TAGS or a.get("role", "").lower() in _SKIP_ROLES
                    or bool(_BOILER.search(marker)) and not _BODY.search(marker)
                    or (tag == "header" and self.container < 2) or "hidden" in a)
        level = self.container
        if _BODY.search(marker) or a.get("itemprop", "").lower() == "articlebody":
            level = 3
        elif tag == "article":
            level = max(level, 2)
        elif tag == "main" or a.get("role", "").lower() == "main":
            level = max(level, 1)
        if tag in BLOCK_TAGS:
            self._flush()
        self.stack.append((tag, skipping, self.container))
        if skipping:
            self.skip_depth += 1
        self.container = level
        if tag == "h1" and self.h1 is None and not skipping:
            self.h1_buf = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_ld = False
        if tag in VOID_TAGS or not any(t == tag for t, _, _ in self.stack):
            return
        if tag in BLOCK_TAGS:
            self._flush()
        while self.stack:
            t, skipping, level = self.stack.pop()
            if skipping:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self._flush_chrome()
            self.container = level
            if t == "h1" and self.h1_buf is not None:
                self.h1 = " ".join("".join(self.h1_buf).split()) or None
                self.h1_buf = None
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.in_ld:
            self.ld.append(data)
            return
        if self.stack and self.stack[-1][0] in ("script", "style"):
            return
        if self.skip_depth:
            self.chrome_buf.append(data)
            return
        self.buf.append(data)
        if self.h1_buf is not None:
            self.h1_buf.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        self.buf = []
        if text and len(self.lines) < MAX_LINES:
            self.lines.append((self.container, text))

    def _flush_chrome(self) -> None:
        text = " ".join("".join(self.chrome_buf).split())
        self.chrome_buf = []
        if text and len(self.chrome) < 200:
            self.chrome.append(text[:300])


def _ld_article(blobs: list[str]) -> dict:
    """The first Article-like object in the page's JSON-LD."""
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                    return item
                stack.extend(v for k, v in item.items() if k == "@graph")
    return {}


def _name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _strip_site(title: str, site: str | None) -> str:
    """``Headline | Site Name`` -> ``Headline``."""
    parts = re.split(r"\s+[|\u2013\u2014-]\s+", title)
    if len(parts) > 1 and (site is None or parts[-1].strip().casefold() == site.casefold()
                           or len(parts[-1].split()) <= 4):
        return " - ".join(parts[:-1]).strip()
    return title.strip()


def parse_html(data: str) -> Page:
    p = _Parser()
    p.feed(data)
    p.close()
    p._flush()
    ld = _ld_article(p.ld)
    meta = p.meta
    site = meta.get("og:site_name") or _name(ld.get("publisher")) or meta.get("application-name")
    title = meta.get("og:title") or meta.get("twitter:title") or _name(ld.get("headline")) or p.h1
    if not title and p.title_parts:
        title = " ".join("".join(p.title_parts).split())
    if title:
        full = " ".join(title.split())
        title = _strip_site(full, site) if not p.h1 or title != p.h1 else title
        if site is None and title != full and full.startswith(title):
            site = full[len(title):].strip(" |-\u2013\u2014") or None
    published = None
    for key in _META_DATE:
        if meta.get(key):
            published = parse_machine_date(meta[key])
            if published:
                break
    if published is None and isinstance(ld.get("datePublished"), str):
        published = parse_machine_date(ld["datePublished"])
    if published is None and p.times:
        published = parse_machine_date(p.times[0])
    url = next((u.strip() for u in (p.canonical, meta.get("og:url"), _name(ld.get("url")))
                if _web_url(u)), None)
    author = _name(ld.get("author")) or meta.get("author") or meta.get("article:author")
    best = max((lvl for lvl, _ in p.lines), default=0)
    while best > 0 and sum(len(t.split()) for lvl, t in p.lines if lvl >= best) < 40:
        best -= 1
    lines = [t for lvl, t in p.lines if lvl >= best]
    outside = [t for lvl, t in p.lines if lvl < best][:400]
    if p.h1 and p.h1 in lines:
        lines = lines[lines.index(p.h1) + 1:] or lines
    return Page(title=title or None, site_name=site, url=url, published=published,
                author=author, text="\n\n".join(lines), chrome=p.chrome, outside=outside)


def _web_url(value: object) -> bool:
    """Only an absolute http(s) address of the page may become a source link:
    a page's ``javascript:``, ``data:`` or relative canonical link is dropped."""
    if not isinstance(value, str) or not value.strip():
        return False
    try:
        check_url(value, "", 0)
    except TimelineError:
        return False
    return urlsplit(value.strip()).scheme.lower() in ("http", "https")
