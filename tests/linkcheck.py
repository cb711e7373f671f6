"""A small link checker over a built site tree: every internal link and asset
reference must resolve to a file, and every in-page fragment to an id."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        attr = LINK_ATTRS.get(tag)
        if attr and attrs.get(attr) is not None and attrs.get("rel") != "canonical":
            self.links.append(attrs[attr])


def parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def target_file(site: Path, base_path: str, page: Path, link: str) -> tuple[Path | None, str]:
    """The file a link points to (None: external), and its fragment."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None, ""
    if not parts.path:  # "#frag" on the same page
        return page, parts.fragment
    path = unquote(parts.path)
    if path.startswith("/"):
        assert path.startswith(base_path), f"{page}: link {link} is outside {base_path}"
        rel = path[len(base_path):]
        target = site / rel
    else:
        target = (page.parent / path).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def check_site(site: Path, base_path: str) -> tuple[int, list[str]]:
    """Returns (links checked, problems)."""
    pages = sorted(site.rglob("*.html"))
    parsed = {p.resolve(): parse(p) for p in pages}
    problems: list[str] = []
    checked = 0
    for page, collected in parsed.items():
        for link in collected.links:
            target, fragment = target_file(site, base_path, page, link)
            if target is None:
                continue
            checked += 1
            if not target.is_file():
                problems.append(f"{page.relative_to(site.resolve())}: broken link {link}")
            elif fragment and target.suffix == ".html":
                ids = parsed.get(target.resolve())
                if ids is None or fragment not in ids.ids:
                    problems.append(f"{page.relative_to(site.resolve())}: missing #{fragment} in {link}")
    return checked, problems
