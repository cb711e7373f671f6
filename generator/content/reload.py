"""Patch a loaded ``Content`` with the few entry files that changed.

A builder kept alive by ``timeline serve`` would otherwise re-resolve 10,000
entries after every save. Patching is only done when the result is certainly
the one a full load gives: same registries, no errors before, and no changed
entry (old or new) that involves a name missing from the registries (those
names create pages whose spelling depends on file order). Otherwise it
returns None and the caller loads everything.
"""

from __future__ import annotations

import dataclasses
import os
from bisect import insort
from itertools import compress
from operator import attrgetter, not_
from pathlib import Path

from generator.content.files import FileDigests
from generator.content.loader import (ENTRIES_DIR, Content, _entry_files, _parse_cached,
                                      named_people, named_problems, resolve_entry)
from generator.content.model import Entry
from generator.errors import TimelineError, display_path

MAX_CHANGED = 50


def _all_registered(entry: Entry, content: Content, resolved: bool) -> bool:
    """True when every name of ``entry`` is in the registries as written in the files."""
    if resolved:
        return (all(content.people.is_registered(p) for p in entry.people + entry.mentioned)
                and all(content.forums.is_registered(f) for f in entry.forums))
    for names, registry in ((entry.people + entry.mentioned, content.people),
                            (entry.forums, content.forums)):
        for name in names:
            item_id = registry.lookup_id(name)
            if item_id is None or not registry.is_registered(item_id):
                return False
    return True


def _look(content_dir: Path, digests: FileDigests, previous: dict[str, str],
          hint: list[str] | None) -> tuple[dict[str, str], dict[str, str]]:
    """Entry files now (relative path -> full path; only the hinted ones when
    the caller knows which files changed) and every entry file's digest."""
    entries_dir = content_dir / ENTRIES_DIR
    if hint is None:
        current = {f"{ENTRIES_DIR}/{rel}": full for rel, full in _entry_files(entries_dir)}
        return current, {rel: digests.digest(full) for rel, full in current.items()}
    current, seen = {}, dict(previous)
    for rel in hint:
        full = f"{entries_dir}/{rel}"
        if os.path.isfile(full):
            current[f"{ENTRIES_DIR}/{rel}"] = full
            seen[f"{ENTRIES_DIR}/{rel}"] = digests.digest(full)
        else:
            seen.pop(f"{ENTRIES_DIR}/{rel}", None)
    return current, seen


def reload_content(previous: Content, content_dir: Path, drafts: bool, parsed: dict,
                   digests: FileDigests, hint: list[str] | None = None) -> Content | None:
    """``hint``: the entry files (relative to the entries folder) known to be
    the only ones changed, added or deleted; None looks at every file."""
    if previous.errors:
        return None
    current, seen = _look(content_dir, digests, previous.seen, hint)
    candidates = seen.keys() | previous.seen.keys() if hint is None else \
        {f"{ENTRIES_DIR}/{rel}" for rel in hint}
    changed = [rel for rel in candidates if seen.get(rel) != previous.seen.get(rel)]
    if len(changed) > MAX_CHANGED:
        return None
    is_changed = list(map(set(changed).__contains__, map(attrgetter("path"), previous.entries)))
    gone = list(compress(previous.entries, is_changed))  # in C: cheap at 10,000 entries
    if any(not _all_registered(e, previous, True) for e in gone):
        return None
    slugs = previous.slugs - {e.slug.casefold() for e in gone}
    entries = list(compress(previous.entries, map(not_, is_changed)))
    came = []
    files = dict(previous.files)
    for rel in changed:
        files.pop(rel, None)
    for rel in sorted(changed):
        if rel not in current:
            continue
        shown = display_path(current[rel])
        try:
            entry = _parse_cached(Path(current[rel]), rel, shown, parsed, digests)
        except TimelineError:
            return None  # the full load reports it with every other problem
        if entry.draft and not drafts:
            continue
        if not _all_registered(entry, previous, False):
            return None
        resolve_entry(entry, previous.people, previous.forums, shown, [])
        if named_problems([entry], previous.people, previous.forums):
            return None  # an item no entry named before is wrong: the full load says so
        if entry.slug.casefold() in slugs:
            return None  # two files make one URL: the full load says which
        slugs.add(entry.slug.casefold())
        insort(entries, entry, key=lambda e: e.sort_key)
        came.append(entry)
        files[rel] = Path(current[rel])
    # Countries and their warnings are those of the people named: the same when
    # the changed entries name the same people before and after.
    if not isinstance(previous.people.items, dict) and named_people(gone) != named_people(came) \
            and named_people(entries) != named_people(previous.entries):
        return None
    shown_changed = {display_path(current[rel]) for rel in changed if rel in current}
    shown_changed |= {display_path(previous.files[rel]) for rel in changed if rel in previous.files}
    warnings = [w for w in previous.warnings if w.path not in shown_changed]
    return dataclasses.replace(previous, entries=entries, warnings=warnings, files=files,
                               seen=seen, slugs=slugs)
