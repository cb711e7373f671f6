"""Outlets and agencies: who printed the article, whose wire copy it is.

Both come from the editable registry ``content/outlets.yaml``. The outlet is
looked for where pages name themselves (site name, address, repeated footer
lines, push prompts, bylines), never in the article's own sentences, which
often quote other outlets. A name that is not in the registry is reported,
not guessed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from generator.content.registry import Registry, name_key
from generator.content.schema import as_mapping, opt_bool, reject_unknown, req_str, str_list
from generator.content.yamlfile import parse_yaml, read_text
from generator.errors import TimelineError, display_path

OUTLETS_FILE = "outlets.yaml"
OUTLET_FIELDS = ("name", "aliases", "domains", "agency", "description")


@dataclass
class Outlet:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    agency: bool = False


def load_outlets(path: Path) -> Registry:
    """Read ``outlets.yaml``; a missing file is an empty registry."""
    if not path.exists():
        return Registry({}, display_path(path))
    shown = display_path(path)
    data = parse_yaml(read_text(path), shown)
    if data is None:
        return Registry({}, shown)
    data = as_mapping(data, shown, 1, "the outlets registry")
    items: dict[str, Outlet] = {}
    owner: dict[str, str] = {}
    for item_id, raw in data.items():
        line = data.line_of(item_id)
        fields = as_mapping(raw, shown, line, f"outlet '{item_id}'")
        reject_unknown(fields, OUTLET_FIELDS, shown, "outlet")
        outlet = Outlet(item_id, req_str(fields, "name", shown), str_list(fields, "aliases", shown),
                        [d.lower().removeprefix("www.") for d in str_list(fields, "domains", shown)],
                        opt_bool(fields, "agency", shown))
        for name in {name_key(n) for n in (outlet.name, *outlet.aliases)}:
            other = owner.setdefault(name, item_id)
            if other != item_id:
                raise TimelineError(f"'{name}' names both '{other}' and '{item_id}'; remove the "
                                    "alias from one of them", shown, line)
        items[item_id] = outlet
    return Registry(items, shown)  # type: ignore[arg-type]


def agency_keys(outlets: Registry) -> set[str]:
    """Every name an agency answers to, in the ``clean`` module's comparison form."""
    keys = set()
    for o in outlets:
        if o.agency:
            for n in (o.name, *o.aliases):
                keys.add(re.sub(r"\W+", " ", n.casefold()).strip())
    return keys


def by_domain(outlets: Registry, url: str | None) -> Outlet | None:
    """The outlet whose domain is the address's host, the longest (most specific) first."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    best: tuple[int, Outlet] | None = None
    for o in outlets:
        for d in o.domains:
            if (host == d or host.endswith("." + d)) and (best is None or len(d) > best[0]):
                best = (len(d), o)
    return best[1] if best else None


@functools.lru_cache(maxsize=8)
def _name_patterns(names: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, re.Pattern, dict]:
    """One pattern for short names (case kept: "HT", "AP") and one for the rest, and which
    outlet each name belongs to. "ByHT": a byline glued to the name counts too."""
    owner = {}
    short, long_ = [], []
    for oid, n in names:
        owner.setdefault(n if len(n) <= 4 else n.casefold(), oid)
        (short if len(n) <= 4 else long_).append(re.escape(n))
    def rx(parts: list[str], flags: int) -> re.Pattern:
        body = "|".join(sorted(set(parts), key=len, reverse=True)) or "(?!x)x"
        return re.compile(rf"(?:(?<![\w.])|(?<=By))({body})(?![\w])", flags)
    return rx(short, 0), rx(long_, re.I), owner


_NAMES: dict[tuple[int, bool], tuple] = {}  # per registry object: its names, gathered once


def _names_in(line: str, outlets: Registry, agencies: bool) -> list[Outlet]:
    key = (id(outlets), agencies)
    if key not in _NAMES or _NAMES[key][0] is not outlets:
        names = tuple((o.id, n) for o in outlets if o.agency == agencies
                      for n in (o.name, *o.aliases))
        _NAMES[key] = (outlets, _name_patterns(names))
    short, long_, owner = _NAMES[key][1]
    found: list[Outlet] = []
    for rx, fold in ((long_, True), (short, False)):
        for m in rx.finditer(line):
            oid = owner.get(m.group(1).casefold() if fold else m.group(1))
            item = outlets.items.get(oid) if oid else None
            if item is not None and item not in found:
                found.append(item)
    return found


@dataclass
class Where:
    """The page's own words about itself, strongest first."""

    site_name: str | None = None
    url: str | None = None
    lines: list[str] = field(default_factory=list)  # header, footer, dropped, byline
    repeated: list[str] = field(default_factory=list)
    text: str = ""  # the whole page: where it may print the name its address spells


def find_outlet(where: Where, outlets: Registry) -> tuple[str | None, str | None]:
    """(outlet name or None, review line when unsure)."""
    o = by_domain(outlets, where.url)  # an agency's own site is the outlet too
    if o is not None:
        return o.name, None
    if where.site_name:
        o = outlets.lookup(where.site_name)
        if o is not None and not o.agency:
            return o.name, None
    for group in (where.repeated, where.lines):
        for line in group:
            hits = _names_in(line, outlets, agencies=False)
            if hits:
                return hits[0].name, None
    for line in where.lines:
        for m in re.finditer(r"https?://[^\s)\"'>]+", line):
            o = by_domain(outlets, m.group(0))
            if o is not None and not o.agency:
                return o.name, None
    spelled = name_spelled_by_address(where.url, where.lines + where.repeated + [where.text])
    if spelled:  # named by the page and spelled by its address: still the user's to register
        return None, (f"outlet: the page calls itself '{spelled}', as its address spells it; add it to "
                      "outlets.yaml (name, aliases, domains) or write the outlet")
    if where.site_name or where.url:
        what = where.site_name or (urlsplit(where.url or "").hostname or where.url)
        return None, (f"outlet: the page names '{what}', which is not in outlets.yaml; "
                      "add it there (name, aliases, domains) or write the outlet")
    return None, "outlet: the text does not name its publication; add it if you know it"


_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "gob", "ac", "edu", "go", "or", "ne", "gv", "nic"}
_NAME_TOKEN = re.compile(r"[^\W_](?:[\w&'\u2019]|[.-](?=\w))*")


def _address_keys(url: str | None) -> set[str]:
    """"dailynewsegypt" for www.dailynewsegypt.com, "stlnews" for stl.news, "fijisun" and
    "fijisuncomfj" for fijisun.com.fj: what the site's name reads as, letters only."""
    host = (urlsplit(url if url and "//" in url else "//" + (url or "")).hostname or "").lower()
    parts = [p for p in host.split(".") if p and p not in ("www", "m", "amp", "en", "english", "mobile")]
    if len(parts) < 2:
        return set()
    tld = 1 + (len(parts) >= 3 and parts[-2] in _SECOND_LEVEL)
    name = "".join(parts[-tld - 1:-tld]).replace("-", "")
    keys = {name, name + "".join(parts[-tld:])} if len(name) >= 4 else {name + "".join(parts[-tld:])}
    return {k for k in keys if len(k) >= 5}


def name_spelled_by_address(url: str | None, texts: list[str]) -> str | None:
    """The name the page prints whose letters are its address's ("Daily News Egypt" on
    dailynewsegypt.com, "STL.News" on stl.news): the site naming itself, which the review
    line can then offer for the registry."""
    keys = _address_keys(url)
    if not keys:
        return None
    for text in texts:
        for line in text.splitlines():
            tokens = list(_NAME_TOKEN.finditer(line))
            for i, first in enumerate(tokens):
                if not first.group(0)[:1].isupper() and first.group(0).lower() != "the":
                    continue
                joined = ""
                for j in range(i, min(i + 6, len(tokens))):
                    joined += re.sub(r"[\W_]", "", tokens[j].group(0)).lower()
                    if joined in keys or joined.removeprefix("the") in keys and j > i:
                        name = line[first.start():tokens[j].end()]
                        return name.title() if name.isupper() and len(name) > 6 else name
                    if len(joined) > max(map(len, keys)) + 3:
                        break
    return None


def find_agency(credits: list[str], author: str | None, outlets: Registry) -> str | None:
    """The wire service credited: one registry name, or a list as the credit writes it."""
    for credit in credits + ([author] if author else []):
        names = [n.strip() for n in re.split(r",|/|&|\band\b", credit) if n.strip()]
        found = [outlets.lookup(n) for n in names]
        if names and all(o is not None and o.agency for o in found):
            if len(found) == 1:
                return found[0].name  # type: ignore[union-attr]
            return ", ".join(names)
    return None
