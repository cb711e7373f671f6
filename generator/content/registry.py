"""People and forums registries: ids, display names, aliases, roles.

A name written in an entry or found in an article may be an id, a display name
or any alias; all resolve to one registry item. Matching ignores case,
full stops, commas, a leading ``@`` and repeated spaces.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from pathlib import Path
from typing import Generic, TypeVar

from generator.content.dates import FuzzyDate
from generator.content.fields import FORUM, PERSON, ROLE, names
from generator.content.model import Forum, Person, Role
from generator.content.schema import (as_mapping, opt_bool, opt_date, opt_str,
                                      reject_unknown, req_str, str_list)
from generator.content.slugs import slugify
from generator.content.files import digest_bytes
from generator.content.yamlfile import (LineList, LineMap, decode_text, parse_yaml, read_regular,
                                        read_text)
from generator.errors import Collector, TimelineError, display_path

T = TypeVar("T", Person, Forum)

PERSON_FIELDS = names(PERSON)
FORUM_FIELDS = names(FORUM)
ROLE_FIELDS = names(ROLE)

SUGGEST_BUDGET = 300_000  # name comparisons for "did you mean" hints in one load (~1 s)
_PUNCT = re.compile(r"[.,'’\u2019]")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The form used to compare names: case, dots, ``@`` and spacing do not matter."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = _PUNCT.sub(" ", text.lstrip("@"))
    return _SPACE.sub(" ", text).strip()


class Registry(Generic[T]):
    """Items by id, with lookup by any of their names."""

    def __init__(self, items: dict[str, T], path: str | None = None):
        self.items = items
        self.path = path
        self.origins: dict[str, str] = {}  # id -> file that first named an unregistered item
        self._suggest_left = SUGGEST_BUDGET
        self._by_key: dict[str, str] = {}
        for item in items.values():
            for name in (item.id, item.name, *item.aliases):
                self._by_key.setdefault(name_key(name), item.id)

    def __contains__(self, item_id: str) -> bool:
        return item_id in self.items

    def __iter__(self):
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)

    def lookup(self, name: str) -> T | None:
        item_id = self._by_key.get(name_key(name))
        return self.items[item_id] if item_id else None

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Display names of the closest matches, best first.

        Each call compares ``name`` with every known name; past a total of
        ``SUGGEST_BUDGET`` comparisons (a huge registry and many unknown names)
        it returns nothing, so a build never spends minutes on hints.
        """
        if self._suggest_left < len(self._by_key):
            return []
        self._suggest_left -= len(self._by_key)
        hits = difflib.get_close_matches(name_key(name), self._by_key, n=limit * 3, cutoff=0.7)
        names: list[str] = []
        for key in hits:
            display = self.items[self._by_key[key]].name
            if display not in names:
                names.append(display)
        return names[:limit]

    def copy(self) -> "Registry[T]":
        """A registry that can take new items without changing this one."""
        other: Registry[T] = Registry.__new__(Registry)
        other.items, other.path, other.origins = dict(self.items), self.path, dict(self.origins)
        other._suggest_left, other._by_key = self._suggest_left, dict(self._by_key)
        return other

    def add(self, item: T) -> None:
        self.items[item.id] = item
        for name in (item.id, item.name, *item.aliases):
            self._by_key.setdefault(name_key(name), item.id)

    def holders(self, role_words: str, when: FuzzyDate | None) -> list[T]:
        """People whose role title matches ``role_words`` at ``when``."""
        wanted = name_key(role_words)
        found = []
        for item in self.items.values():
            for role in getattr(item, "roles", []):
                if name_key(role.title) == wanted and (when is None or role.held_on(when)):
                    found.append(item)
                    break
        return found


def _check_id(item_id: object, path: str, line: int) -> str:
    if not isinstance(item_id, str) or not item_id.strip():
        raise TimelineError("ids must be non-empty text", path, line)
    if slugify(item_id) != item_id:
        raise TimelineError(
            f"id '{item_id}' must be lower-case words joined by hyphens, "
            f"e.g. '{slugify(item_id) or 'some-name'}'", path, line)
    return item_id


def _check_aliases(items: dict, path: str, lines: dict[str, int]) -> None:
    """Two items must not answer to the same name: that would be a silent guess."""
    owner: dict[str, str] = {}
    for item in items.values():
        for name in {name_key(n) for n in (item.id, item.name, *item.aliases)}:
            other = owner.setdefault(name, item.id)
            if other != item.id:
                raise TimelineError(
                    f"'{name}' names both '{other}' and '{item.id}'; "
                    "remove the alias from one of them", path, lines[item.id])


def _read_mapping(path: Path) -> tuple[LineMap, str]:
    shown = display_path(path)
    data = parse_yaml(read_text(path), shown, at_opener=True)
    if data is None:
        return LineMap(), shown
    return as_mapping(data, shown, 1, "a registry"), shown


def _roles(data: LineMap, path: str) -> list[Role]:
    value = data.get("roles")
    if value is None:
        return []
    if not isinstance(value, LineList):
        raise TimelineError("'roles' must be a list of {title, from, to}", path, data.line_of("roles"))
    roles = []
    for i, raw in enumerate(value):
        if isinstance(raw, str):
            roles.append(Role(raw.strip()))
            continue
        role = as_mapping(raw, path, value.line_of(i), "a role")
        reject_unknown(role, ROLE_FIELDS, path, "role")
        roles.append(Role(req_str(role, "title", path), opt_date(role, "from", path),
                          opt_date(role, "to", path)))
    return roles


def _person(item_id: str, fields: LineMap, path: str) -> Person:
    reject_unknown(fields, PERSON_FIELDS, path, "person")
    return Person(
        id=item_id, name=req_str(fields, "name", path), aliases=str_list(fields, "aliases", path),
        country=opt_str(fields, "country", path), roles=_roles(fields, path),
        description=opt_str(fields, "description", path),
        unconfirmed=opt_bool(fields, "unconfirmed", path),
        country_line=fields.line_of("country") if "country" in fields else 0)


def _forum(item_id: str, fields: LineMap, path: str) -> Forum:
    reject_unknown(fields, FORUM_FIELDS, path, "forum")
    return Forum(
        id=item_id, name=req_str(fields, "name", path), aliases=str_list(fields, "aliases", path),
        description=opt_str(fields, "description", path), kind=opt_str(fields, "kind", path),
        members=str_list(fields, "members", path))


def _parse_items(data: LineMap, path: str, what: str, make) -> dict:
    """Every item of a registry; the problems of all items are reported at once."""
    items = {}
    found = Collector()
    for item_id, raw in data.items():
        line = data.line_of(item_id)
        try:
            _check_id(item_id, path, line)
            items[item_id] = make(item_id, as_mapping(raw, path, line, f"{what} '{item_id}'"),
                                  path)
        except TimelineError as exc:
            found.add(exc)
    found.raise_any()
    _check_aliases(items, path, data.key_lines)
    return items


def parse_people(data: LineMap, path: str) -> Registry[Person]:
    return Registry(_parse_items(data, path, "person", _person), path)


def parse_forums(data: LineMap, path: str) -> Registry[Forum]:
    return Registry(_parse_items(data, path, "forum", _forum), path)


def load_cached(path: Path, parse, parsed: dict | None) -> Registry:
    """``parse`` (``parse_people`` or ``parse_forums``) of the file at ``path``,
    reused from ``parsed`` (keyed by path and bytes, updated) when it was read
    before: a large registry costs its parsing once. Returns a copy to add to."""
    if not path.exists() and not path.is_symlink():  # a broken link is an error
        return Registry({}, display_path(path))
    data = read_regular(path)
    key = (str(path), digest_bytes(data))
    registry = parsed.get(key) if parsed is not None else None
    if registry is None:
        shown = display_path(path)
        text = parse_yaml(decode_text(data, path), shown, at_opener=True)
        registry = parse(as_mapping(text, shown, 1, "a registry") if text is not None
                         else LineMap(), shown)
        if parsed is not None:
            parsed[key] = registry
    return registry.copy()


def load_people(path: Path) -> Registry[Person]:
    if not path.exists() and not path.is_symlink():  # a broken link is an error
        return Registry({}, display_path(path))
    data, shown = _read_mapping(path)
    return parse_people(data, shown)


def load_forums(path: Path) -> Registry[Forum]:
    if not path.exists() and not path.is_symlink():  # a broken link is an error
        return Registry({}, display_path(path))
    data, shown = _read_mapping(path)
    return parse_forums(data, shown)
