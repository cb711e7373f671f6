"""What a page's bytes depend on, as one hash.

A page's fingerprint combines the site-wide inputs (generator code, config,
templates, registries) with its whole context (each entry by its file's
digest) and the inputs of the site-wide helpers its template called (see
``reads``). Equal fingerprints mean equal bytes, so a rebuild can skip the
page, whatever the theme prints; anything a template can reach that is not
covered here must be in the site-wide digest.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import os
import sys
from operator import attrgetter
from pathlib import Path
from typing import Any, Callable

from generator import __version__
from generator.builder import markdown_body
from generator.builder.theme import template_dirs, theme_dirs
from generator.builder.pages import Page
from generator.config import Config
from generator.content.files import FileDigests
from generator.content.loader import FORUMS_FILE, PEOPLE_FILE, PLACES_FILE, Content
from generator.content.model import Entry, Forum, Person

PACKAGE = Path(__file__).resolve().parents[1]
# Parts of the package a build never imports (a test checks): changing them
# keeps the cache. Everything else, including modules added later, counts.
NOT_BUILD_CODE = ("convert", "serve", "publish.py", "cli.py", "__main__.py")
# Distributions whose release may change the bytes a build writes.
LIBRARIES = ("Markdown", "Jinja2", "MarkupSafe", "PyYAML", "pycountry")
# Config fields that change no byte of the output (where it goes, where the config is).
IGNORED_SETTINGS = ("output", "root", "path", "theme_line")
_cache_key = attrgetter("cache_key")


def _hasher() -> "hashlib._Hash":
    return hashlib.blake2b(digest_size=16)


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """The generator's own source and data and the versions of Python and of
    the libraries it writes with: a change of either must not reuse old output."""
    h = _hasher()
    h.update(f"{__version__}\0{sys.version}\0".encode())
    for name in LIBRARIES:
        h.update(f"{name}={_version(name)}\0".encode())
    for path in sorted(PACKAGE.rglob("*")):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] in NOT_BUILD_CODE or not (path.suffix == ".py" or "data" in parts[:-1]):
            continue  # the bundled data (the gazetteer, the map's land) counts as code
        h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def files_digest(root: Path, digests: FileDigests | None = None) -> str:
    """Names and bytes of every file under ``root``."""
    digests = digests or FileDigests()
    h = _hasher()
    for rel, path in walk_files(root):
        h.update(f"{rel}\0{digests.digest(path)}\0".encode())
    return h.hexdigest()


def walk_files(root: Path) -> list[tuple[str, str]]:
    """(relative posix path, full path) of every file under ``root``, sorted."""
    found = []
    for folder, dirs, names in os.walk(root):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        found.extend((prefix + name, f"{folder}/{name}") for name in names)
    found.sort()
    return found


def site_digest(config: Config, content: Content, drafts: bool) -> str:
    """Everything every page may depend on, besides the entries it shows."""
    h = _hasher()
    h.update(code_digest().encode())
    h.update(markdown_body.settings_key(config.raw_html).encode())
    settings = {k: str(v) for k, v in dataclasses.asdict(config).items()
                if k not in IGNORED_SETTINGS}
    h.update(repr(sorted(settings.items())).encode())
    h.update(b"drafts" if drafts else b"-")
    for folder in template_dirs(config):  # the site's templates, then the default theme's
        h.update(files_digest(folder).encode())
    for name in (PEOPLE_FILE, FORUMS_FILE, PLACES_FILE):  # places.yaml: the map's coordinates
        path = config.content / name
        h.update(path.read_bytes() if path.exists() else b"")
    # Names that exist only in entries print as the entry that introduced them wrote them.
    for registry in (content.people, content.forums):
        for item in registry.unregistered():
            h.update(f"{item.id}\0{item.name}\0".encode())
    return h.hexdigest()


class ContextDigests:
    """Page fingerprints within one build. Lists that many pages share (a
    person's engagements, every entry) are digested once; with ``earlier``,
    the lists the last build digested, a list that is still the very same
    object is not digested again. That is safe because no list a context
    holds is changed once made: the site graph's lists, the only ones that
    outlive a build, never are (see ``SiteGraph``)."""

    def __init__(self, site: str, earlier: dict[int, tuple[list | tuple, str]] | None = None
                 ) -> None:
        self.site = site
        self._earlier = earlier or {}
        self._lists: dict[int, tuple[list | tuple, str]] = {}

    @property
    def lists(self) -> dict[int, tuple[list | tuple, str]]:
        """The lists digested so far with their digests: the next build's ``earlier``."""
        return self._lists

    def page(self, page: Page) -> str:
        """The fingerprint before reads: site, template, path and context."""
        parts: list[str] = [self.site, page.template, page.path]
        self._parts(page.context, parts)
        return _hasher_of("\0".join(parts))

    def _parts(self, value: Any, out: list[str]) -> None:
        cls = value.__class__
        if cls is str:
            out.append(f"s{len(value)}:{value}")
        elif cls is Entry:
            out.append("e" + (value.cache_key or repr(value)))
        elif cls is list or cls is tuple:
            out.append(self._list(value) if len(value) > 8 else "[")
            if len(value) <= 8:
                for item in value:
                    self._parts(item, out)
                out.append("]")
        elif cls is dict:
            out.append("{")
            for key, item in value.items():
                self._parts(key, out)
                self._parts(item, out)
            out.append("}")
        elif value is None or cls is int or cls is bool or cls is float:
            out.append(repr(value))
        elif cls is Person or cls is Forum:  # their fields are in the site digest
            out.append(f"{cls.__name__}:{value.id}")
        elif dataclasses.is_dataclass(value) and value.__dataclass_params__.frozen:
            out.append(repr(value))  # a date, a source: plain values
        else:
            raise TypeError(f"a page context holds a {cls.__name__}, which has no digest")

    def _list(self, items: list | tuple) -> str:
        known = self._lists.get(id(items))
        if known is None or known[0] is not items:
            known = self._earlier.get(id(items))
            if known is None or known[0] is not items:
                known = (items, self._list_digest(items))
            self._lists[id(items)] = known
        return known[1]

    def _list_digest(self, items: list | tuple) -> str:
        try:  # most lists hold entries only (no other context item has a
            # ``cache_key``), each read from a file: the short way
            parts = ["[E", *map(_cache_key, items)]
            if "" in parts:
                raise AttributeError
        except AttributeError:
            parts = ["["]
            for item in items:
                self._parts(item, parts)
        return _hasher_of("\0".join(parts))


def with_reads(base: str, reads: list[str], value: Callable[[str], str]) -> str:
    """A page's fingerprint: ``base`` and the inputs of the helpers it read."""
    if not reads:
        return base
    return _hasher_of("\0".join([base, *(f"{name}={value(name)}" for name in reads)]))


def _hasher_of(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def content_digest(site: str, content: Content, static: dict[str, bytes]) -> str:
    """All inputs of a build at once: equal means nothing to do."""
    h = _hasher()
    h.update(site.encode())
    for name, data in sorted(static.items()):
        h.update(name.encode() + b"\0" + hashlib.blake2b(data, digest_size=16).digest())
    keys = list(map(_cache_key, content.entries))  # path, digest and slug, made once
    if "" in keys:  # an entry not read from a file
        keys = list(map("{0.path}\0{0.digest}".format, content.entries))
    h.update("\n".join(keys).encode())
    return h.hexdigest()


SUM_MODULUS = 1 << 128


def file_term(rel: str, digest: str) -> int:
    """One file's share of :func:`files_sum`."""
    return int.from_bytes(hashlib.blake2b(f"{rel}\0{digest}".encode(), digest_size=16).digest(),
                          "big")


def files_sum(root: Path, digests: FileDigests | None = None) -> int:
    """Names and bytes of every file under ``root`` as a sum of one term per file,
    so that a builder told which files changed can update it without a walk."""
    digests = digests or FileDigests()
    return sum(file_term(rel, digests.digest(path)) for rel, path in walk_files(root)) \
        % SUM_MODULUS


def inputs_digest(config: Config, drafts: bool, digests: FileDigests | None = None,
                  content_sum: int | None = None) -> tuple[str, int]:
    """Every input file's bytes, before any parsing: equal means nothing changed.

    Returns the digest and the :func:`files_sum` of the content folder, which
    a caller that knows it already passes in."""
    if content_sum is None:
        content_sum = files_sum(config.content, digests)
    h = _hasher()
    h.update(code_digest().encode())
    h.update(markdown_body.settings_key(config.raw_html).encode())
    # Where the output goes is checked against the manifest by the caller, and
    # a relative or absolute spelling of a folder must not count as a change.
    settings = {k: os.path.abspath(v) if isinstance(v, Path) else str(v)
                for k, v in dataclasses.asdict(config).items() if k not in IGNORED_SETTINGS}
    h.update(repr(sorted(settings.items())).encode() + (b"drafts" if drafts else b"-"))
    h.update(f"{content_sum:032x}".encode())
    for folder in theme_dirs(config):
        h.update(files_digest(folder, digests).encode())
    if config.path and Path(config.path).exists():
        h.update(Path(config.path).read_bytes())
    return h.hexdigest(), content_sum
