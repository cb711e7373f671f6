"""``timeline new``: write a fresh entry with names checked against the registries."""

from __future__ import annotations

from pathlib import Path

from generator.config import Config
from generator.content.dates import parse_fuzzy_date
from generator.content.entries import check_url
from generator.content.loader import ENTRIES_DIR, FORUMS_FILE, PEOPLE_FILE
from generator.content.model import KINDS
from generator.content.newentry import entry_file_name, new_entry_text
from generator.content.registry import Registry, load_forums, load_people
from generator.content.schema import did_you_mean
from generator.errors import Problem, TimelineError, display_path
from generator.fsutil import atomic_write


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _canonical(names: list[str], registry: Registry, what: str,
               warnings: list[Problem]) -> list[str]:
    """Display names for known names; unknown ones are kept and warned about."""
    out = []
    for name in names:
        item = registry.lookup(name)
        if item is None:
            hint = registry.suggest(name)
            tip = f"; did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
            warnings.append(Problem(f"unknown {what} '{name}'{tip}", registry.path, None,
                                    "warning"))
            out.append(name)
        else:
            out.append(item.name)
    return out


def create_entry(config: Config, title: str, date: str, kind: str, people: list[str],
                 forums: list[str], place: str | None, url: str | None) -> tuple[Path, list[Problem]]:
    try:
        when = parse_fuzzy_date(date)
    except ValueError as exc:
        raise TimelineError(f"--date: {exc}") from None
    kind = kind.lower()
    if kind not in KINDS:
        raise TimelineError(f"--kind '{kind}' is not one of {', '.join(KINDS)}"
                            f"{did_you_mean(kind, KINDS)}")
    if not title.strip():
        raise TimelineError("the title must not be empty")
    if url:
        check_url(url, "--url", None)  # the entry must build: no javascript: links
    warnings: list[Problem] = []
    people = _canonical(_split(people), load_people(config.content / PEOPLE_FILE), "person",
                        warnings)
    forums = _canonical(_split(forums), load_forums(config.content / FORUMS_FILE), "forum",
                        warnings)
    path = config.content / ENTRIES_DIR / entry_file_name(title, when)
    text = new_entry_text(title.strip(), when, kind, people, forums, place, url)
    try:
        atomic_write(path, text.encode("utf-8"), overwrite=False)
    except FileExistsError:
        raise TimelineError("already exists; choose another title or edit that file",
                            display_path(path)) from None
    return path, warnings
