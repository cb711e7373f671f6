"""The site configuration (``timeline.yaml``): schema, defaults, validation."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.content.fields import CONFIG as FIELDS, names
from generator.content.schema import as_mapping, did_you_mean, opt_bool, opt_str
from generator.content.yamlfile import LineMap, parse_yaml, read_text
from generator.errors import TimelineError, display_path

CONFIG_NAME = "timeline.yaml"
ORDERS = next(f.choices for f in FIELDS if f.name == "order")
UNREVIEWED = next(f.choices for f in FIELDS if f.name == "unreviewed")


@dataclass(frozen=True)
class Config:
    title: str = "Timeline"
    description: str = ""
    author: str = ""
    base_url: str = "http://127.0.0.1:8000/"
    language: str = "en"
    order: str = "newest-first"
    unreviewed: str = "mark"  # how the site shows entries with open review items
    raw_html: bool = False  # trust raw HTML in entry bodies (otherwise sanitised)
    cname: str | None = None  # custom domain for GitHub Pages
    content: Path = Path("content")
    theme: Path = Path("theme")
    output: Path = Path("site")
    theme_line: int | None = None  # line of 'theme:' when set: then the folder must exist
    root: Path = Path(".")  # folder of the config file; relative paths start here
    path: str | None = None  # the config file as shown in messages

    @property
    def base_path(self) -> str:
        """The URL path the site lives under: ``/`` or ``/repo/``."""
        return urlsplit(self.base_url).path or "/"

    def with_overrides(self, **changes: object) -> "Config":
        changes = {k: v for k, v in changes.items() if v is not None}
        if "base_url" in changes:
            changes["base_url"] = normalise_base_url(str(changes["base_url"]), self.path, None)
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


KEYS = names(FIELDS)


def normalise_base_url(url: str, path: str | None, line: int | None) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise TimelineError(f"base_url {url!r} must be a full URL such as "
                            "https://user.github.io/repo/", path, line)
    if parts.query or parts.fragment:
        raise TimelineError(f"base_url {url!r} must not have a query or fragment", path, line)
    site_path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}{site_path}"


def _choice(data: LineMap, key: str, choices: tuple[str, ...], default: str, path: str) -> str:
    value = opt_str(data, key, path) or default
    if value not in choices:
        raise TimelineError(f"'{key}' must be one of {', '.join(choices)}"
                            f"{did_you_mean(value, choices)}", path, data.line_of(key))
    return value


def parse_config(data: LineMap, root: Path, path: str) -> Config:
    for key in data:
        if key not in KEYS:
            raise TimelineError(f"unknown setting '{key}'{did_you_mean(key, KEYS)}"
                                f" (settings: {', '.join(KEYS)})", path, data.line_of(key))
    d = Config()
    base = opt_str(data, "base_url", path)
    return Config(
        title=opt_str(data, "title", path) or d.title,
        description=opt_str(data, "description", path) or "",
        author=opt_str(data, "author", path) or "",
        base_url=normalise_base_url(base, path, data.line_of("base_url")) if base else d.base_url,
        language=opt_str(data, "language", path) or d.language,
        order=_choice(data, "order", ORDERS, d.order, path),
        unreviewed=_choice(data, "unreviewed", UNREVIEWED, d.unreviewed, path),
        raw_html=opt_bool(data, "raw_html", path),
        cname=opt_str(data, "cname", path),
        content=root / (opt_str(data, "content", path) or "content"),
        theme=root / (opt_str(data, "theme", path) or "theme"),
        theme_line=data.line_of("theme") if opt_str(data, "theme", path) else None,
        output=root / (opt_str(data, "output", path) or "site"),
        root=root, path=path)


def load_config(path: Path | None = None) -> Config:
    """Read ``timeline.yaml`` (or ``path``); a missing default file means defaults."""
    if path is None:
        path = Path(CONFIG_NAME)
        if not path.exists() and not path.is_symlink():  # a broken link is an error
            return Config(path=None)
    shown = display_path(path)
    if not path.exists():
        raise TimelineError("config file not found", shown)
    data = parse_yaml(read_text(path), shown, at_opener=True)
    if data is None:
        data = LineMap()
        data.key_lines = {}
    data = as_mapping(data, shown, 1, "the config")
    return parse_config(data, path.parent, shown)
