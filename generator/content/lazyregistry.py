"""Registries whose items are read when first used.

A build resolves every name an entry writes, so it needs every item's id,
name and aliases (read for the whole file by :mod:`regindex`), but the rest of
an item (country, roles and their dates, description) only for the people and
forums entries name. What is checked when:

- on loading, for every item: the file's YAML where the first pass cannot vouch
  for it, each id, each name and aliases, and that no two items answer to one
  name, with the same messages and lines as a full read;
- when an entry names an item (``Registry.check``): everything else about it
  (its YAML, unknown fields, roles and dates), again with file and line.

``timeline check`` reads the registries whole and checks every item.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

from generator.content.model import Forum, Person
from generator.content.regindex import Names, Scan, scan
from generator.content.registry import (Registry, check_id, forum, names_by_key, person,
                                        plain_id)
from generator.content.schema import as_mapping, req_str, str_list
from generator.content.yamlfile import parse_yaml
from generator.errors import Collector, TimelineError

T = TypeVar("T", Person, Forum)
MAKE = {"person": person, "forum": forum}


class LazyItems(Mapping[str, T], Generic[T]):
    """A registry file's items by id, each read and checked on first use;
    items added afterwards (names only entries use) are kept apart."""

    def __init__(self, found: Scan, names: dict[str, Names], path: str, kind: str):
        self._found = found
        self._index = {item_id: i for i, item_id in enumerate(found.ids)}
        self._names = names
        self._path = path
        self._kind = kind
        self._read: dict[str, T] = {}  # shared with copies: items are not changed once read
        self._added: dict[str, T] = {}

    def __getitem__(self, item_id: str) -> T:
        item = self._added.get(item_id) or self._read.get(item_id)
        if item is None:
            item = self._read[item_id] = self._build(item_id, self._index[item_id])
        return item

    def __iter__(self) -> Iterator[str]:
        yield from self._found.ids
        yield from (k for k in self._added if k not in self._index)

    def __len__(self) -> int:
        return len(self._index) + sum(1 for k in self._added if k not in self._index)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._index or item_id in self._added

    def __setitem__(self, item_id: str, item: T) -> None:
        self._added[item_id] = item

    def copy(self) -> "LazyItems[T]":
        other = copy.copy(self)
        other._added = dict(self._added)
        return other

    def name_of(self, item_id: str) -> str:
        added = self._added.get(item_id)
        return added.name if added is not None else self._names[item_id][0]

    def registered(self, item_id: str) -> bool:
        added = self._added.get(item_id)
        return added.registered if added is not None else True

    def added(self) -> list[T]:
        return list(self._added.values())

    def position(self, item_id: str) -> int:
        """Where the item is in the file (added ones after all)."""
        return self._index.get(item_id, len(self._index))

    def _build(self, item_id: str, index: int) -> T:
        found = self._found
        line = found.line(index)
        raw = found.raw[index] if index in found.raw else parse_yaml(
            found.text[found.starts[index]:found.ends[index]], self._path, line - 1,
            at_opener=True)[item_id]
        fields = as_mapping(raw, self._path, line, f"{self._kind} '{item_id}'")
        item = MAKE[self._kind](item_id, fields, self._path)
        if (item.name, item.aliases) != self._names[item_id]:  # a bug in regindex: say so
            raise TimelineError(f"the registry's index read {self._names[item_id]} here but "
                                f"the item says {(item.name, item.aliases)}; please report this",
                                self._path, line)
        return item


def index_registry(text: str, path: str, kind: str) -> Registry | None:
    """A registry of the file's ``text`` that reads items when used, or None
    when the file is not in a form whose items can be read alone."""
    found = scan(text)
    if found is None:
        return None
    names: dict[str, Names] = {}
    problems = Collector()
    for index, item_id in enumerate(found.ids):
        try:
            names[item_id] = _first_read(found, index, item_id, path, kind)
        except TimelineError as exc:
            problems.add(exc)
    problems.raise_any()
    index = {item_id: i for i, item_id in enumerate(found.ids)}
    by_key = names_by_key(((i, n, a) for i, (n, a) in names.items()), path,
                          lambda item_id: found.line(index[item_id]))
    return Registry(LazyItems(found, names, path, kind), path, by_key)


def _first_read(found: Scan, index: int, item_id: str, path: str, kind: str) -> Names:
    """The item's id checked, and its (name, aliases)."""
    if not plain_id(item_id):
        check_id(item_id, path, found.line(index))
    names = found.names[index]
    if names is not None:
        return names
    fields = as_mapping(found.raw[index], path, found.line(index), f"{kind} '{item_id}'")
    return req_str(fields, "name", path), str_list(fields, "aliases", path)
