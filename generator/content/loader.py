"""Load a whole ``content/`` folder: registries, entries, and name resolution."""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.countries import Country, person_countries
from generator.content.entries import parse_entry
from generator.content.files import FileDigests, digest_bytes, status_key
from generator.content.model import Entry, Forum, Person
from generator.content.places import PLACES_FILE, Places, load_places
from generator.content.registry import Registry, load_cached, parse_forums, parse_people
from generator.content.slugs import slugify
from generator.content.yamlfile import decode_text, read_regular
from generator.errors import Problem, TimelineError, display_path, problems_of
from generator.workers import die_with_parent, worker_count

PEOPLE_FILE = "people.yaml"
FORUMS_FILE = "forums.yaml"
ENTRIES_DIR = "entries"


@dataclass
class Content:
    entries: list[Entry]
    people: Registry[Person]
    forums: Registry[Forum]
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # entry path -> file on disk
    seen: dict[str, str] = field(default_factory=dict)  # every entry file read -> its digest
    slugs: set[str] = field(default_factory=set)  # the entries' slugs, casefolded
    found: int = 0  # entry files found, broken ones included
    countries: dict[str, Country] = field(default_factory=dict)  # person id -> country
    places: Places = field(default_factory=Places)  # spellings -> place pages, locations


def entry_files(entries_dir: Path) -> list[Path]:
    """Markdown files under ``entries_dir``, in a stable order; hidden files skipped."""
    return [Path(full) for _, full in _entry_files(entries_dir)]


SKIPPED = (".", "_")  # files and folders starting so are not entries (editors' files, drafts)


def is_entry_file(rel: str) -> bool:
    """Whether a path relative to the entries folder is an entry, by its name."""
    parts = rel.split("/")
    return parts[-1].endswith(".md") and not any(p.startswith(SKIPPED) for p in parts)


def _entry_files(entries_dir: Path) -> list[tuple[str, str]]:
    """(path relative to ``entries_dir``, full path), sorted; one directory walk."""
    found = []
    for folder, dirs, names in os.walk(entries_dir):
        dirs[:] = [d for d in dirs if not d.startswith(SKIPPED)]
        rel = os.path.relpath(folder, entries_dir).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        found.extend((prefix + n, f"{folder}/{n}") for n in names
                     if n.endswith(".md") and not n.startswith(SKIPPED))
    found.sort()
    return found


def _resolve_names(entry: Entry, key: str, registry: Registry, make, shown: str,
                   warnings: list[Problem]) -> list[str]:
    ids: list[str] = []
    what = "person" if key in ("people", "mentioned") else "forum"
    line = entry.lines.get(key, entry.lines.get("", 1))
    for name in getattr(entry, key):
        item_id = registry.lookup_id(name)
        if item_id is None:
            item_id = slugify(name)
            if not item_id:
                raise TimelineError(f"'{name}' in '{key}' cannot become a page name", shown, line)
            if item_id in registry.items and registry.is_registered(item_id):
                # its id, spelled otherwise: that item
                taken = registry.name_of(item_id)
                warnings.append(Problem(
                    f"'{name}' is not a name of '{taken}' ({registry.path}) but makes its "
                    f"page '{item_id}', so it is taken as that {what}; write '{taken}' "
                    "or add the name to its aliases", shown, line, "warning"))
            elif item_id in registry.items:  # never let one unknown name take another's page
                raise TimelineError(
                    f"'{name}' in '{key}' would share the page '{item_id}' with "
                    f"'{registry.name_of(item_id)}' ({registry.origins.get(item_id)}); write "
                    f"the name the same way or add it to "
                    f"{PEOPLE_FILE if what == 'person' else FORUMS_FILE}", shown, line)
            else:
                hint = registry.suggest(name)
                tip = f"; did you mean {' or '.join(repr(h) for h in hint)}?" if hint else \
                    f"; add it to {PEOPLE_FILE if what == 'person' else FORUMS_FILE}"
                warnings.append(Problem(f"unknown {what} '{name}'{tip}", shown, line, "warning"))
                registry.add(make(item_id, name))
                registry.origins[item_id] = shown
        if item_id not in ids:
            ids.append(item_id)
    return ids


def resolve_entry(entry: Entry, people: Registry[Person], forums: Registry[Forum],
                  shown: str, warnings: list[Problem]) -> None:
    """Replace names as written with registry ids; unknown names get a page and a warning."""
    new_person = lambda i, n: Person(id=i, name=n, registered=False)  # noqa: E731
    new_forum = lambda i, n: Forum(id=i, name=n, registered=False)  # noqa: E731
    entry.people = _resolve_names(entry, "people", people, new_person, shown, warnings)
    entry.mentioned = [p for p in _resolve_names(entry, "mentioned", people, new_person, shown,
                                                 warnings) if p not in entry.people]
    entry.forums = _resolve_names(entry, "forums", forums, new_forum, shown, warnings)


def _parse_cached(file: Path, rel: str, shown: str,
                  parsed: dict[tuple[str, str], Entry] | None,
                  digests: FileDigests | None) -> Entry:
    data = None
    if digests is None:
        data = read_regular(file)
        key = (rel, digest_bytes(data))
    else:
        key = (rel, digests.digest(file))
    cached = parsed.get(key) if parsed is not None else None
    if cached is None:
        if data is None or digests is not None:
            data = read_regular(file)
            key = (rel, digest_bytes(data))  # the file may have changed since its stat
        cached = parse_entry(decode_text(data, file), rel, shown)
        cached.digest = key[1]
        if parsed is not None:
            parsed[key] = cached
    return copy.copy(cached)  # resolution replaces lists; the cached parse stays as read


PARALLEL_MIN_FILES = 200  # below this, starting workers costs more than it saves (measured)


Parsed = tuple[str, tuple[int, int, int, int], Entry]  # full path, status, entry


def _parse_file(item: tuple[str, str]) -> Parsed | None:
    """Runs in a worker: one file's parse, or None when it has a problem (the
    serial pass then reports it with its location)."""
    rel_in_entries, full = item
    rel = f"{ENTRIES_DIR}/{rel_in_entries}"
    try:
        key = status_key(os.stat(full))  # before the read: a later change shows
        data = read_regular(full)
        entry = parse_entry(decode_text(data, full), rel, display_path(full))
    except (TimelineError, OSError):
        return None
    entry.digest = digest_bytes(data)
    return full, key, entry


def _parse_files(items: list[tuple[str, str]]) -> list[Parsed]:
    return [result for result in map(_parse_file, items) if result is not None]


def parse_in_workers(files: list[tuple[str, str]], parsed: dict,
                     digests: FileDigests | None = None) -> None:
    """Fill ``parsed`` for a cold start using every core (parsing is CPU-bound):
    forked workers parse a share each while this process parses the first.
    ``digests`` learns each file's digest, so nothing reads the files again."""
    import multiprocessing

    workers = worker_count()
    if workers < 2:
        return
    shares = [files[i::workers] for i in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers - 1, die_with_parent) as pool:
        pending = pool.map_async(_parse_files, shares[1:], chunksize=1)
        for share in [_parse_files(shares[0]), *pending.get()]:
            for full, key, entry in share:
                parsed[(entry.path, entry.digest)] = entry
                if digests is not None:
                    digests.learn(full, key, entry.digest)


def _registry_or_empty(parse, path: Path, errors: list[Problem],
                       registries: dict | None, lazy: bool) -> Registry:
    try:
        return load_cached(path, parse, registries, lazy)
    except TimelineError as exc:
        errors.extend(problems_of(exc))
        return Registry({}, display_path(path))


def load_content(content_dir: Path, drafts: bool = False,
                 parsed: dict[tuple[str, str], Entry] | None = None,
                 digests: FileDigests | None = None,
                 registries: dict | None = None, lazy: bool = False) -> Content:
    """Read everything; problems are collected, not raised, so ``check`` sees them all.

    ``parsed`` maps (path, file digest) to entries parsed before; it is
    updated in place, so a caller that keeps it re-parses only changed files.
    ``digests`` lets a caller that stays alive skip reading unchanged files;
    ``registries`` keeps parsed registries by path and bytes (see ``load_cached``).
    With ``lazy``, registry items are read and checked only when entries name
    them (a build); without, every item is (``timeline check``).
    """
    errors: list[Problem] = []
    people = _registry_or_empty(parse_people, content_dir / PEOPLE_FILE, errors, registries,
                                lazy)
    forums = _registry_or_empty(parse_forums, content_dir / FORUMS_FILE, errors, registries,
                                lazy)
    content = Content([], people, forums, errors)
    if not lazy:
        content.countries = person_countries(list(people), people.path, content.warnings)
    content.places = load_places(content_dir / PLACES_FILE, content.warnings)
    entries_dir = content_dir / ENTRIES_DIR
    by_slug: dict[str, str] = {}
    files = _entry_files(entries_dir)
    content.found = len(files)
    if parsed is not None and len(files) - len(parsed) >= PARALLEL_MIN_FILES:
        parse_in_workers(files, parsed, digests)
    for rel_in_entries, full in files:
        rel = f"{ENTRIES_DIR}/{rel_in_entries}"
        shown = display_path(full)
        file = Path(full)
        try:
            entry = _parse_cached(file, rel, shown, parsed, digests)
            content.seen[rel] = entry.digest
            if entry.draft and not drafts:
                continue
            resolve_entry(entry, people, forums, shown, content.warnings)
        except TimelineError as exc:
            errors.extend(problems_of(exc))
            continue
        other = by_slug.setdefault(entry.slug.casefold(), shown)
        if other != shown:
            errors.append(Problem(f"entry URL '/entries/{entry.slug}/' is also made by {other}; "
                                  "rename one file or set 'slug:'", shown, entry.lines.get("slug", 1)))
            continue
        content.entries.append(entry)
        content.files[entry.path] = file
    content.entries.sort(key=lambda e: e.sort_key)
    content.slugs = set(by_slug)
    errors.extend(named_problems(content.entries, people, forums))
    if lazy and not errors:
        content.countries = named_countries(content)
    return content


def named_people(entries: list[Entry]) -> set[str]:
    return {p for e in entries for p in (*e.people, *e.mentioned)}


def named_countries(content: Content) -> dict[str, Country]:
    """The countries of the people entries name, with a warning for each
    unknown one (a lazy registry's other people are read when named)."""
    named = named_people(content.entries)
    people = [content.people.items[p] for p in content.people.items if p in named]
    return person_countries(people, content.people.path, content.warnings)


def named_problems(entries: list[Entry], people: Registry[Person],
                   forums: Registry[Forum]) -> list[Problem]:
    """The problems of the registry items ``entries`` name (a lazy registry
    reads them now), each item's once."""
    found = people.check(p for e in entries for p in (*e.people, *e.mentioned))
    found += forums.check(f for e in entries for f in e.forums)
    return [problem for exc in found for problem in problems_of(exc)]
