"""From a pasted or crawled page to the article's own paragraphs.

Pages arrive wrapped in menus, share prompts, teasers and footers. Lines are
classified one by one (navigation, prompts, IP addresses, category strips,
repeated lines), then the article is bounded: it starts after the headline and
the byline block and ends at the first footer marker (a lone agency credit,
"Related Articles", a comment form...). What is dropped is kept aside, because
the outlet's name usually hides there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from itertools import islice
from dataclasses import dataclass, field

from generator.content.dates import FuzzyDate
from generator.convert.dates import (MONTH, PubDate, _make, dated_dateline, dateline, find_full_date,
                                     labelled_date, lead_date, leading_date, social_post_date)
from generator.convert.places import is_city

NAV_WORDS = {
    "twitter", "facebook", "youtube", "rss", "instagram", "linkedin", "whatsapp", "telegram",
    "share", "tweet", "email", "e-mail", "print", "menu", "home", "search", "login", "log in",
    "sign in", "sign up", "subscribe", "close", "next", "previous", "prev", "more", "skip to content",
    "skip to main content", "toggle navigation", "advertisement", "advertisment", "sponsored",
    "listen", "copy link", "reddit", "pinterest", "flipboard", "koo", "x", "threads", "mail",
    "comments", "comment", "top stories", "latest news", "trending", "e-paper", "epaper", "games",
    "newsletters", "newsletter", "watch live", "live tv", "video", "videos", "photos", "podcasts",
    "page", "politics", "world", "news", "opinion", "business", "sport", "sports", "national",
    "international", "latest",
}

_PROMPTS = re.compile(
    r"wants to (?:start )?send(?:ing)? you (?:push )?notifications|click allow to subscribe|"
    r"^for latest updates|^join us on\b|^follow us on\b|^follow us\b|^subscribe (?:to|for|now)|"
    r"^sign up (?:for|to)|^share (?:this|on|via)|^click here|^tap here|^download (?:the|our) app|"
    r"^your email address will not be published|required fields are marked|^comment here$|"
    r"^leave a (?:comment|reply)|^post (?:a )?comment|^(?:\d+ )?comments?$|^back to top|"
    r"^(?:also read|read more|read also|must read|recommended|related)\b.{0,60}$|"
    r"^(?:image|photo|picture|file photo|photograph|representational image|credit)s?\s*(?:credit)?\s*[:|]"
    r"|^\(?(?:photo|image|file photo)\s*(?:credit)?\s*:|^copyright\b|^©|all rights reserved|"
    r"^\d+\s*min(?:ute)?s? read$|^listen to (?:this|the) (?:article|story)|^advertisement$|"
    r"^we use cookies|cookie (?:policy|settings)|^accept (?:all )?cookies|^(?:tags|topics)\s*:|"
    r"^first published\s*:?\s*$|^edited by\b.{0,40}$|^updated\s*:?\s*$|"
    r"^(?:reporting|writing|editing|additional reporting)(?: by)?\b.{0,120}$|"
    r"^(?:please\s+)?(?:update|upgrade)\s+your\s+browser\b.{0,80}$|^your\s+browser\s+(?:is|does)\b.{0,160}$|"
    r"^(?:please\s+)?enable\s+javascript\b.{0,80}$",
    re.I)

# A line after which nothing belongs to the article.
_FOOTER = re.compile(
    r"^(?:for latest updates|join us on|follow us on|related (?:articles|stories|news|posts)|"
    r"comment here|leave a (?:comment|reply)|back to top|also read|read more|more from|"
    r"you may also like|you might also like|recommended(?: for you| stories)?|most read|"
    r"most popular|trending(?: now| stories)?|tags\s*:|topics\s*:|share this (?:article|story)|"
    r"about the author|more stories|latest stories|don't miss|top news)\b", re.I)

_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?$")
_PIPES = re.compile(r"\s[|\u00bb\u203a\u2022>/\u00b7]\s")
_GLUE = re.compile(r"[a-z][A-Z]")
_CREDIT_LIST = re.compile(r"^[a-z]{1,4}(?:/[a-z]{1,4})+\s*\(([^()]{2,80})\)$")
_INPUTS = re.compile(r"^[(\[]?\s*(?:with\s+)?(?:agency\s+)?inputs?\s+(?:from\s+)?([^)\]]{2,60}?)[.)\]]*$",
                     re.I)
_PAREN_CREDIT = re.compile(r"^[(\[]([A-Za-z][A-Za-z ,&/]{1,60})[)\]]$")
_BYLINE = re.compile(r"^(?:by|written by|reported by|from:|von:)(?:\s+|(?=[A-Z]))(.{2,80})$", re.I)
_AGENCY_PREFIX = re.compile(r"^(?:[A-Z][A-Za-z .\-]{1,40},?\s*)?\(([A-Z][A-Za-z ]{1,30})\)\s*[-\u2013\u2014:]\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


@dataclass
class Cleaned:
    """The article's parts, and everything that was set aside."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # lines before the article, not dropped
    footer: list[str] = field(default_factory=list)  # lines after its end
    dropped: list[str] = field(default_factory=list)  # boilerplate set aside
    repeated: list[str] = field(default_factory=list)  # short lines printed again and again
    published: PubDate | None = None  # a labelled date line, the crawler's, a dated dateline
    unlabelled: PubDate | None = None  # a bare date line ("Jul 09, 2024"): weaker
    unlabelled_line: int = -1
    unlabelled_above_title: bool = False  # above the headline: perhaps the site's "today"
    banner_line: int = -1  # where a lone "City, date - time" line gave ``published``
    dateline: tuple[str, int, int, str | None] | None = None  # place, month, day, credit
    post_dates: list[FuzzyDate] = field(default_factory=list)
    byline: str | None = None
    credits: list[str] = field(default_factory=list)  # agency credits as written
    place_line: str | None = None  # a lone city line under the byline

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


_NICKNAME = re.compile(r"(\b[A-Z][^\W\d_]{1,20} )[\"\u201c\u2018']([A-Z][^\W\d_]{1,15})[\"\u201d\u2019']"
                       r"(?= (?:[Dd][aeo]s? )?[A-Z])")


_GLUED_DAY = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|"
                        r"November|December)([0-3]?\d)\b")


def normalise(text: str) -> list[str]:
    """Lines with spaces tidied: no NBSP, no zero-width characters, no tabs."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for line in text.split("\n"):
        runs = [r for r in re.split(r"[\u00a0\u2007\u202f\t ]{2,}|\t", line.strip()) if r]
        if len(runs) >= 3 and all(len(r.split()) <= 3 for r in runs):
            line = " | ".join(runs)  # "Politics   Economy   World": a menu laid out with spaces
        line = re.sub(r"[\u00a0\u2007\u202f\t ]+", " ", line).strip()
        line = _NICKNAME.sub(r"\1\2", line)  # 'Luis Inácio "Lula" Da Silva': one name
        line = _GLUED_DAY.sub(r"\1 \2", line)  # "on April14": a lost space
        lines.append(line)
    return lines


def _repeated_phrase(text: str, shortest: int = 4) -> tuple[int, int] | None:
    """The longest run of words said twice ("Title hide Title"): a headline that a flattened page
    printed in its breadcrumb and again as its heading; the span of its second telling."""
    words = list(re.finditer(r"[^\s.\u2026](?:[^\s.\u2026]|\.(?=[^\s.\u2026]))*", text))  # "Releases...Secretary": two
    keys = [w.group(0).casefold() for w in words]
    for n in range(min(len(keys) // 2, 30), shortest - 1, -1):
        seen: dict[tuple[str, ...], int] = {}
        for i in range(len(keys) - n + 1):
            gram = tuple(keys[i:i + n])
            if gram in seen and seen[gram] + n <= i:
                first = seen[gram]  # "ReleasesSecretary Rubio's Call ... hide Secretary Rubio's Call"
                glued = i > 0 and first > 0 and words[first - 1].group(0).endswith(words[i - 1].group(0))
                return words[i - 1 if glued else i].start(), words[i + n - 1].end()
            seen.setdefault(gram, i)
    return None


def unflatten(lines: list[str]) -> list[str]:
    """A page saved as one long line ("Home...Section...Headline hide Headline Readout June 7,
    2022 The below is ..."): the date near its start ends the page's head, where the headline
    is the phrase printed twice; the lines they would have been."""
    filled = [x for x in lines if x]
    if not filled or len(filled[0]) < 250 or len(filled) > 2 and len(filled[0]) < 250:
        return lines
    line = filled[0]
    found = find_full_date(line[20:400])  # (not the crawler's "date 2023-02-27" in front)
    if not found:
        return lines
    start, end = 20 + found[1].start(), 20 + found[1].end()
    head, date, rest = line[:start], found[1].group(0), line[end:].strip()
    stamp = re.match(r"\s*(?:\||,)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?", line[end:], re.I)
    credit = re.search(r"\s*(?:Source|Fonte|Fuente|Quelle)\s*:\s*[\w .&-]{2,40}?\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|"
                       r"Satur|Sun)day,?\s*)?$", head)
    if len(filled) > 2 or not re.match(r"\s+[A-Z]", line[end:]):
        if not (stamp and credit):  # "... began in Brussels. Source: Tanjug Monday, February 27, 2023 | 18:20"
            return lines
    if stamp:
        date, rest = date + stamp.group(0), line[end + stamp.end():].strip()
    if credit:
        head = head[:credit.start()]
    title = _repeated_phrase(head)
    parts = [f"{head[:title[0]].strip()} {head[title[1]:].strip()}", head[title[0]:title[1]]] \
        if title else [head.strip()]
    return [p for p in parts if p] + [date, rest] + lines[lines.index(line) + 1:]


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def is_nav(line: str) -> bool:
    """Menu items, social links and pipe-separated section menus."""
    key = _key(line)
    if key in NAV_WORDS:
        return True
    parts = [p.strip() for p in re.split(r"\s[|\u00bb\u203a\u2022>/\u00b7]\s", line) if p.strip()]
    if len(_PIPES.findall(line)) >= 2 and all(len(p.split()) <= 4 for p in parts):
        return True
    words = key.split()
    if 1 < len(words) <= 8 and all(w in NAV_WORDS for w in words):
        return True
    runs = [r for r in re.split(r"\s{2,}|\t", line.strip()) if r]
    return len(runs) >= 2 and all(len(r.split()) <= 3 for r in runs)  # "Sections    Search    Log in"


def is_category_strip(line: str) -> bool:
    """``Conflicts - TensionsPartnershipsSouth Asia``: section names glued together."""
    words = line.split()
    if not words or len(words) > 8 or _SENTENCE_END.search(line):
        return False
    glued = sum(len(_GLUE.findall(w[1:])) for w in words)
    return glued >= 2 or (glued >= 1 and " - " in line)


def is_boilerplate(line: str) -> bool:
    if social_post_date(line) is not None:
        return False  # "— Name (@handle) August 15, 2023" signs the post above it
    return bool(_IP.match(line) or is_nav(line) or _PROMPTS.search(line) or is_category_strip(line))


_NOT_HEADLINE = re.compile(
    r"^(?:by|written\s+by|reported\s+by|updated|published|posted|last\s+updated|edited\s+by|"
    r"\(?(?:from|clockwise\s+from)\s+(?:left|right)|left\s+to\s+right|"
    r"photo|image|file|source|credit|share|follow|read\s+more|also\s+read|watch|listen)\b|"
    r"\b(?:Reprodu[çc][ãa]o|Reproducci[óo]n|Divulga[çc][ãa]o|Redes\s+sociais)\b|"
    r"\b(?:ago|min(?:ute)?s?\s+read|news\s+service|news\s+agency|wire\s+service|"
    r"english\s+(?:service|edition)|edition|bureau|desk|correspondent|staff\s+reporter|"
    r"all\s+rights\s+reserved|logo)\s*$|\bpose[sd]?\s+for\s+(?:a\s+)?(?:group\s+)?(?:photo|picture)|[\u00b7\u2022]|\s[\u2014\u2013]\s*(?:English|International|"
    r"World|Online)\b", re.I)


# An upper-case line is a masthead ("GREAT LAKES MONITOR") unless it reports an engagement.
_SHOUTED_NEWS = re.compile(r"\b(?:MEETS?|MEETING|TALKS|SUMMIT|VISITS?|CALLS?|HOLDS?|HELD|VTC|"
                           r"DIALOGUE|CONSULTATIONS)\b")


def looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 30 or len(line) > 220:
        return False
    if line.endswith((".", ":", ",", ";")) and not line.endswith("..."):
        return False
    if " | " in line or _NOT_HEADLINE.search(line):
        return False
    by = _BYLINE.match(line)
    if by and len(by.group(1).split()) <= 4 and all(w[:1].isupper() for w in by.group(1).split()):
        return False  # "From: Kathrin Braun", "By John Smith": the byline
    if re.match(r"[^(]*\)", line):
        return False  # "MENAFN - The Peninsula) The Peninsula": the tail of a credit, not a headline
    if re.match(r"\((?:ATTN|EDS?|EDITORS?['\u2019]?\s+NOTE|CORRECTS?|REFILES?|RECASTS?|ADDS|UPDATES?)\b",
                line, re.I) or line.count(" / ") >= 2:
        return False  # "(ATTN: UPDATES with ...)": a wire's note; "Especial / Agencia Reforma / ...": a credit
    if line.count(" - ") > 1 and all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False  # "World - Asia - Politics": a breadcrumb ("Opening remarks - Bilateral meeting" is not)
    if (line.isupper() and not (len(words) >= 4 and _SHOUTED_NEWS.search(line))) or (len(words) <= 4 and all(w[:1].isupper() for w in words if w[0].isalpha())
                          and not any(ch in line for ch in ",:'\u2019")):
        return False  # "GREAT LAKES MONITOR", "Folha do Planalto", "The Meridian Post": a name
    if sum(w.startswith("#") for w in words) * 2 >= len(words):
        return False  # "#Landsbergis #met #Polish #colleague": the page's tags
    letters = sum(len(w) for w in re.findall(r"[^\W\d_]{3,}", line))
    if letters * 3 < len(line) and not re.search(r"[^\W\d_]{4,}\s+[^\W\d_]{4,}", line):
        return False  # "+ \u21ba \u2212 16 px": a text-size widget
    if re.search(r"\b\d{1,2}:\d{2}\b", line) and letters < len(line) / 2:
        return False  # "2 Oct. 16:50 (UTC+3 MSK)": a time stamp
    return any(c.isalpha() for c in line)


def _short_paragraph(line: str) -> bool:
    """A sentence too short for ``is_paragraph`` that opens the text right above it."""
    words = line.split()
    return 6 <= len(words) < 30 and bool(re.search(r"(?:[a-z]{2,}|\d{1,4})[.!?][\"'\u201d\u2019]?$", line)) and \
        line[:1].isupper() and sum(w[:1].islower() for w in words) >= 2


def is_paragraph(line: str) -> bool:
    """Running text: several words ending like a sentence (not like "U.S.")."""
    words = line.split()
    if len(words) >= 30:
        return True
    if len(words) < 12 or not _SENTENCE_END.search(line):
        return False
    last = words[-1].rstrip("\"'\u201d\u2019)")
    return not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.", last)


def agency_credit(line: str, agency_keys: set[str]) -> str | None:
    """A credit such as ``IANS``, ``ss/ab (AFP, AP, Reuters)`` or ``With inputs from PTI``."""
    for rx in (_CREDIT_LIST, _INPUTS, _PAREN_CREDIT):
        m = rx.match(line)
        if m:
            names = [n.strip() for n in re.split(r",|/|&|\band\b", m.group(1)) if n.strip()]
            if names and all(_key(n) in agency_keys for n in names):
                return ", ".join(names)
    stripped = line.strip(" -\u2013\u2014()[]")
    if _key(stripped) in agency_keys and len(stripped.split()) <= 5:
        return stripped
    return None


def _spaced_date(line: str) -> tuple[FuzzyDate, str] | None:
    """A line that is only "2023 06 27": a page's date with spaces for separators."""
    m = re.fullmatch(r"((?:19|20)\d\d) (0?[1-9]|1[0-2]) (0?[1-9]|[12]\d|3[01])", line.strip())
    date = _make(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    return (date, line.strip()) if date else None


def _date_among_pipes(line: str) -> tuple[FuzzyDate, str] | None:
    """"Our Correspondent | Published July 3, 2024", "Foreign Affairs | 12.11.2024 18:07": a
    page's date in one part of a line of parts."""
    parts = re.split(r"\s\|\s", line)
    if _BYLINE.match(line) and len(line.split()) <= 16:  # "By JT - Mar 14,2023 - Last updated at ..."
        parts = re.split(r"\s[|\-\u2013\u2014\u00b7\u2022]\s", line)[1:]
    elif re.match(r"(?i)\s*(?:published|posted|updated|written)\s+by\b", line) and len(line.split()) <= 16:
        parts = parts[1:]  # "Published By : Admin | June 2, 2020 | 21:29 IST"
    elif len(parts) != 2 or "\u00b0" in line:
        return None  # "Tuesday, 3 June 2025 | Ulaanbaatar 18°C | e-Paper": the site's banner of today
    for part in parts:
        found = labelled_date(part)
        if found:
            return found
        lead = leading_date(part.strip())
        if lead and not re.search(r"[^\W\d_]{3,}", lead[2]):  # the part is the date (and a time)
            return lead[0], part.strip()
    return None


def _strip_meta(lines: list[str], cleaned: Cleaned) -> list[str]:
    """Take publication dates, datelines and social-post dates out of the lines."""
    out: list[str] = []
    for i, line in enumerate(lines):
        date, rest = lead_date(line)
        if date and cleaned.published is None:
            cleaned.published = PubDate(date, line[: len(line) - len(rest)].strip(),
                                        "the page's date line")
            line = rest.strip()
        if not line:
            out.append("")
            continue
        post = social_post_date(line)
        if post:  # "— Name (@handle) August 15, 2023": the post's date, never the page's
            cleaned.post_dates.append(post)
            out.append(line)
            continue
        early = sum(1 for _ in islice(filter(None, out), 12)) < 12  # stops at 12: pages are long
        found = labelled_date(line) or _date_among_pipes(line) or _spaced_date(line)
        if found and early and len(re.split(r"\s\|\s", line)[0].split()) <= 14:
            vague = cleaned.published is not None and cleaned.published.date.day is None and \
                cleaned.published.date.contains(found[0])  # "date 2025-02", then "Publicado 18/02/2025"
            if cleaned.published is None or vague:
                cleaned.published = PubDate(found[0], found[1], f'"{found[1]}"')
            cleaned.dropped.append(line)
            out.append("")
            continue
        lead = leading_date(line) if early else None
        if lead and not post:
            if cleaned.unlabelled is None:
                cleaned.unlabelled = PubDate(lead[0], lead[1], f'"{lead[1]}"')
                cleaned.unlabelled_line = i
            out.append(lead[2].strip())
            continue
        dated = dated_dateline(line) if early else None
        if dated:
            place, date, credit, end = dated
            if cleaned.published is None:
                cleaned.published = PubDate(date, line[:end].strip(), "the dateline")
                if re.fullmatch(r"[\d:.\s]*(?:[AaPp]\.?[Mm]\.?)?\s*(?:UTC|GMT|[A-Z]{2,4})?\s*", line[end:]):
                    cleaned.banner_line = i  # nothing but a time after it
            if cleaned.dateline is None:
                cleaned.dateline = (place, date.month or 1, date.day or 1, credit)
            out.append(line[end:].strip())
            continue
        dl = dateline(line) if early else None
        if dl and cleaned.dateline is None:
            cleaned.dateline = dl
            m = re.match(r"^.{0,60}?\d{1,2}(?:\s*\([^)]*\))?\s*[:\-\u2013\u2014]?\s*", line)
            line = line[m.end():] if m else ""
        out.append(line)
    return out


def _drop_repeats(lines: list[str], cleaned: Cleaned) -> list[str]:
    """Short lines printed again and again are page furniture; a headline printed twice at
    the top (crawler line, then page) is kept once."""
    keys = [_key(x) if x else "" for x in lines]
    places: dict[str, list[int]] = {}  # key -> lines that have it (once: pages can be long)
    for j, (k, x) in enumerate(zip(keys, lines)):
        if x:
            places.setdefault(k, []).append(j)
    nonempty = [i for i, x in enumerate(lines) if x]
    top = set(nonempty[:5])
    out = list(lines)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        k = keys[i]
        if not line or len(places[k]) < 2:
            continue
        where = places[k]
        if all(j in top for j in where):
            if i != where[-1]:
                out[i] = ""
            continue
        if len(line.split()) <= 12:
            if k not in seen:
                cleaned.repeated.append(line)
                cleaned.dropped.append(line)
            seen.add(k)
            out[i] = ""
        elif k in seen:  # a long paragraph printed twice: keep the first
            out[i] = ""
        else:
            seen.add(k)
    return out


def _after_breadcrumb(title: str) -> str:
    """"News » Top Stories » Doval meets Flynn": the headline is the last step of the trail."""
    parts = re.split(r"\s[\u00bb\u203a>]\s", title)
    if len(parts) >= 2 and all(len(p.split()) <= 3 for p in parts[:-1]) and len(parts[-1].split()) >= 3:
        return parts[-1].strip()
    return title


def _find_title(lines: list[str], body_start: int, date_line: int | None,
                furniture: Collection[int] = ()) -> int | None:
    """The headline: where pages put it (just above the date line, else after it, else the
    first line above the article's text), preferring a line of five words or more over a
    short one that is more likely the site's name ("The Meridian Post"). A line with the
    site's menu between it and the date is the masthead, not the line just above."""
    def ok(j: int) -> bool:
        return bool(lines[j]) and looks_like_headline(lines[j]) and not is_paragraph(lines[j]) and \
            not _source_and_city(lines[j])
    if date_line is not None and date_line < body_start:
        above = [j for j in range(date_line - 1, -1, -1) if lines[j]][:4]
        after = [j for j in range(date_line + 1, body_start) if lines[j]]
        near = above[:1] if above and not set(furniture) & set(range(above[0], date_line)) else []
        # the line just above the date, then below it, then the rest from the top down:
        # "Headline / standfirst / photo / byline / date" (and the crawler's "date ... Headline")
        order = near + after + sorted(set(above) - set(near)) + [date_line]
    else:
        order = [j for j in range(body_start) if lines[j]]
    fits = [j for j in order if ok(j)]
    return next((j for j in fits if len(lines[j].split()) >= 5), fits[0] if fits else None)


_STAMPED = re.compile(rf"(?<=[a-z])([A-Z][\w&,' ]{{2,40}}?)\s*\b{MONTH}\s+\d{{1,2}},?\s+(?:\d{{4}},?\s+)?"
                      r"\d{1,2}:\d{2}\s*$")


def _without_stamp(title: str) -> str:
    """"... to US sanctionsRussian Politics & Diplomacy August 06, 14:36": a headline the page
    glued to its section and time stamp; "... in Tallinn ({{commentsTotal}})": a template's slot."""
    title = re.sub(r"\s*\(?\{\{[^{}]*\}\}\)?", "", title).strip()
    m = _STAMPED.search(title)
    return title[:m.start()].rstrip() if m and len(title[:m.start()].split()) >= 3 else title


def _source_and_city(line: str) -> bool:
    """"Ethiopian News Agency (Addis Ababa)": the source a syndicating site credits, not a headline."""
    m = re.fullmatch(r"[^():]{3,60}\s\(([^()]{3,30})\)", line.strip())
    return m is not None and is_city(m.group(1))


_GLUED = re.compile(r"\b([A-Z][^\W\d_A-Z]{2,})(according|said|says|told|while|which|who|whose)\b")


def unglue(paragraphs: list[str], surnames: Collection[str] = ()) -> list[str]:
    """"Javier Mileiaccording to a statement": a page that lost the space between two
    elements. Split only where the name stands alone elsewhere in the article or is a
    known surname (``surnames``, lower case)."""
    alone = set(re.findall(r"\b[A-Z][^\W\d_A-Z]{2,}\b", "\n".join(paragraphs)))
    alone |= {w for w in re.findall(r"\b([A-Z][^\W\d_A-Z]{2,})(?:according|said|says|told|while|"
                                    r"which|who|whose)\b", "\n".join(paragraphs)) if w.lower() in surnames}
    return [_GLUED.sub(lambda m: f"{m.group(1)} {m.group(2)}" if m.group(1) in alone else m.group(0), p)
            for p in paragraphs]


def _prefer_date_under_title(cleaned: Cleaned, t: int) -> None:
    """"Montevideo, December 22nd 2024 - 09:35 UTC" above the headline and "Wednesday, January
    19th 2022" under it: the first is the site's clock, the second the article's date."""
    if not 0 <= cleaned.banner_line < t < cleaned.unlabelled_line or cleaned.unlabelled is None:
        return
    assert cleaned.published is not None
    if cleaned.dateline and cleaned.published.text.startswith(cleaned.dateline[0]):
        cleaned.dateline = None
    cleaned.dropped.append(cleaned.published.text)
    cleaned.published = cleaned.unlabelled


def clean_text(text: str, agency_keys: set[str], surnames: Collection[str] = ()) -> Cleaned:
    """Split a plain-text page into title, paragraphs and set-aside parts."""
    cleaned = Cleaned()
    raw = unflatten(normalise(text))
    # where the labelled date line sits helps find the headline above it
    date_line = next((i for i, x in enumerate(raw[:40])
                      if ((labelled_date(x) or _date_among_pipes(x)) and
                          len(re.split(r"\s\|\s", x)[0].split()) <= 14)
                      or ((d := leading_date(x)) is not None and not d[2].strip())), None)
    lines = _strip_meta(raw, cleaned)
    lines = _drop_repeats(lines, cleaned)
    furniture = set()
    for i, line in enumerate(lines):
        if line and is_boilerplate(line):
            cleaned.dropped.append(line)
            lines[i] = ""
            furniture.add(i)
    body_start = next((i for i, x in enumerate(lines) if is_paragraph(x)), len(lines))
    lead_in = [i for i in range(body_start) if lines[i]][-1:]
    if lead_in and lines[lead_in[0]].endswith(":") and len(lines[lead_in[0]].split()) >= 5:
        body_start = lead_in[0]  # "The below is attributable to Spokesperson ...:"
    t = _find_title(lines, body_start, date_line, furniture)
    above = [i for i in range(body_start) if lines[i]]
    while above and above[-1] != t and _short_paragraph(lines[above[-1]]):
        body_start = above.pop()  # "The Prime Minister spoke to Chancellor X this evening." opens it
    if t is not None and t < body_start:
        cleaned.title = _without_stamp(_after_breadcrumb(lines[t].strip()))
    if cleaned.unlabelled is not None and t is not None:
        cleaned.unlabelled_above_title = cleaned.unlabelled_line < t
        _prefer_date_under_title(cleaned, t)
    for j in range(body_start):
        line = lines[j]
        if not line or j == t:
            continue
        credit = agency_credit(line, agency_keys)
        by = _BYLINE.match(line)
        if credit:
            cleaned.credits.append(credit)
        elif by and len(line.split()) <= 8:
            cleaned.byline = by.group(1).strip()
        elif is_city(line.rstrip(",:")) and t is not None and j > t:
            cleaned.place_line = line.rstrip(",:")
        if not credit and not by:
            cleaned.header.append(line)
    end = len(lines)
    for j in range(body_start, len(lines)):
        line = lines[j]
        if not line:
            continue
        if _FOOTER.match(line):
            end = j
            break
        credit = agency_credit(line, agency_keys)
        if credit:
            cleaned.credits.append(credit)
            end = j
            break
    if cleaned.dateline and cleaned.dateline[3]:
        cleaned.credits.append(cleaned.dateline[3])
    while end > body_start and (not lines[end - 1] or (
            len(lines[end - 1].split()) <= 6 and not _SENTENCE_END.search(lines[end - 1]))):
        if lines[end - 1]:
            cleaned.dropped.append(lines[end - 1])
        end -= 1
    for j in range(body_start, end):
        line = lines[j]
        if not line:
            continue
        m = _AGENCY_PREFIX.match(line) if j == body_start else None
        if m and agency_credit(m.group(1), agency_keys):
            cleaned.credits.append(agency_credit(m.group(1), agency_keys) or "")
            line = line[m.end():]
        cleaned.paragraphs.append(line)
    cleaned.paragraphs = unglue(cleaned.paragraphs, surnames)
    cleaned.footer = [x for x in lines[end:] if x]
    for x in raw[end:]:
        if x and x not in cleaned.footer and x not in cleaned.dropped:
            cleaned.dropped.append(x)
    return cleaned
