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
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from generator.content.dates import FuzzyDate
from generator.content.fields import FORUM, PERSON, ROLE, names
from generator.content.model import Forum, Person, Role
from generator.content.schema import (as_mapping, opt_bool, opt_date, opt_str,
                                      reject_unknown, req_str, str_list)
from generator.content.slugs import MAX_SLUG, RESERVED, slugify
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


_SEP = "\x00"  # between names computed together: NFKC and casefold keep it, \s does not match it
_PUNCT_SPACE = str.maketrans(dict.fromkeys(".,'\u2019", " "))
_LEADING = re.compile(r"\x00(?=[\s@])\s*+@*+")  # one name's leading spaces, then its '@'s
_RUNS = re.compile(r"\s{2,}|[^\S ]")


def name_keys(names: list[str]) -> list[str]:
    """``[name_key(n) for n in names]``, each step done on all names at once."""
    joined = _SEP + _SEP.join(names)
    text = unicodedata.normalize("NFKC", joined).casefold()
    if joined.count(_SEP) != len(names) or text.count(_SEP) != len(names):
        return [name_key(n) for n in names]
    text = _RUNS.sub(" ", _LEADING.sub(_SEP, text).translate(_PUNCT_SPACE))
    return [part.strip(" ") for part in text.split(_SEP)[1:]]


class Registry(Generic[T]):
    """Items by id, with lookup by any of their names."""

    def __init__(self, items: dict[str, T], path: str | None = None,
                 by_key: dict[str, str] | None = None):
        self.items = items
        self.path = path
        self.origins: dict[str, str] = {}  # id -> file that first named an unregistered item
        self._suggest_left = SUGGEST_BUDGET
        self._by_key: dict[str, str] = {} if by_key is None else by_key
        if by_key is None:
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

    def lookup_id(self, name: str) -> str | None:
        """The id ``name`` resolves to, without reading the item."""
        return self._by_key.get(name_key(name))

    def name_of(self, item_id: str) -> str:
        """The display name of the item, without reading the whole item."""
        items = self.items
        return items[item_id].name if isinstance(items, dict) else items.name_of(item_id)

    def is_registered(self, item_id: str) -> bool:
        items = self.items
        return items[item_id].registered if isinstance(items, dict) else items.registered(item_id)

    def unregistered(self) -> list[T]:
        """Items added for names only entries use, in the order they were added."""
        items = self.items
        values = items.values() if isinstance(items, dict) else items.added()
        return [i for i in values if not i.registered]

    def check(self, item_ids: Iterable[str]) -> list[TimelineError]:
        """Read and check the items ``item_ids`` (the ones entries name), once
        each; the problems of those a lazy registry finds wrong, in file order
        (see ``lazyregistry``; a registry read whole was checked whole)."""
        items = self.items
        if isinstance(items, dict):
            return []
        problems = []
        for item_id in sorted(set(item_ids), key=items.position):
            try:
                items[item_id]
            except TimelineError as exc:
                problems.append(exc)
        return problems

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
            display = self.name_of(self._by_key[key])
            if display not in names:
                names.append(display)
        return names[:limit]

    def copy(self) -> "Registry[T]":
        """A registry that can take new items without changing this one."""
        other: Registry[T] = Registry.__new__(Registry)
        other.items, other.path, other.origins = self.items.copy(), self.path, dict(self.origins)
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


_ASCII_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def plain_id(item_id: str) -> bool:
    """An id ``slugify`` keeps as it is, known without calling it."""
    return len(item_id) <= MAX_SLUG and item_id not in RESERVED \
        and _ASCII_SLUG.fullmatch(item_id) is not None


def check_id(item_id: object, path: str, line: int) -> str:
    if isinstance(item_id, str) and plain_id(item_id):
        return item_id
    if not isinstance(item_id, str) or not item_id.strip():
        raise TimelineError("ids must be non-empty text", path, line)
    if slugify(item_id) != item_id:
        raise TimelineError(
            f"id '{item_id}' must be lower-case words joined by hyphens, "
            f"e.g. '{slugify(item_id) or 'some-name'}'", path, line)
    return item_id


def _check_aliases(items: dict, path: str, lines: dict[str, int]) -> None:
    """Two items must not answer to the same name: that would be a silent guess."""
    names_by_key(((i.id, i.name, i.aliases) for i in items.values()), path, lines.__getitem__)


def names_by_key(items: Iterable[tuple[str, str, list[str]]], path: str,
                 line_of: Callable[[str], int]) -> dict[str, str]:
    """Each name's key -> its item's id; two items answering to one name is an error."""
    items = list(items)
    names = [n for item_id, name, aliases in items for n in (item_id, name, *aliases)]
    owners = [item_id for item_id, _, aliases in items for _ in range(2 + len(aliases))]
    keys = name_keys(names)
    owner = dict(zip(reversed(keys), reversed(owners)))  # the first item with a key keeps it
    if len(owner) == len(set(zip(keys, owners))):
        return owner
    owner = {}
    for key, item_id in zip(keys, owners):  # find the first clash, as the items come
        other = owner.setdefault(key, item_id)
        if other != item_id:
            raise TimelineError(f"'{key}' names both '{other}' and '{item_id}'; "
                                "remove the alias from one of them", path, line_of(item_id))
    return owner


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


def person(item_id: str, fields: LineMap, path: str) -> Person:
    reject_unknown(fields, PERSON_FIELDS, path, "person")
    return Person(
        id=item_id, name=req_str(fields, "name", path), aliases=str_list(fields, "aliases", path),
        country=opt_str(fields, "country", path), roles=_roles(fields, path),
        description=opt_str(fields, "description", path),
        unconfirmed=opt_bool(fields, "unconfirmed", path),
        country_line=fields.line_of("country") if "country" in fields else 0)


def forum(item_id: str, fields: LineMap, path: str) -> Forum:
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
            check_id(item_id, path, line)
            items[item_id] = make(item_id, as_mapping(raw, path, line, f"{what} '{item_id}'"),
                                  path)
        except TimelineError as exc:
            found.add(exc)
    found.raise_any()
    _check_aliases(items, path, data.key_lines)
    return items


def parse_people(data: LineMap, path: str) -> Registry[Person]:
    return Registry(_parse_items(data, path, "person", person), path)


def parse_forums(data: LineMap, path: str) -> Registry[Forum]:
    return Registry(_parse_items(data, path, "forum", forum), path)


KIND_OF = {parse_people: "person", parse_forums: "forum"}


def load_cached(path: Path, parse, parsed: dict | None, lazy: bool = False) -> Registry:
    """``parse`` (``parse_people`` or ``parse_forums``) of the file at ``path``,
    reused from ``parsed`` (keyed by path and bytes, updated) when it was read
    before: a large registry costs its parsing once. With ``lazy``, items are
    read and checked when first used (see ``lazyregistry``) unless the file is
    not in the form that allows it. Returns a copy to add to."""
    from generator.content.lazyregistry import index_registry  # it builds on this module

    if not path.exists() and not path.is_symlink():  # a broken link is an error
        return Registry({}, display_path(path))
    data = read_regular(path)
    key = (str(path), digest_bytes(data))
    registry = parsed.get(key) if parsed is not None else None
    if registry is None:
        shown = display_path(path)
        text = decode_text(data, path)
        registry = index_registry(text, shown, KIND_OF[parse]) if lazy else None
        if registry is None:
            tree = parse_yaml(text, shown, at_opener=True)
            registry = parse(as_mapping(tree, shown, 1, "a registry") if tree is not None
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
