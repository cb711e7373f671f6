"""A ready-to-edit entry file for ``timeline new``."""

from __future__ import annotations

import json

from generator.content.dates import FuzzyDate
from generator.content.slugs import slugify


def _yaml_str(text: str) -> str:
    """A YAML scalar that reads back as exactly ``text`` (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(_yaml_str(i) for i in items) + "]"


def entry_file_name(title: str, date: FuzzyDate) -> str:
    return f"{date.iso()}-{slugify(title)[:60].strip('-') or 'entry'}.md"


def new_entry_text(title: str, date: FuzzyDate, kind: str, people: list[str],
                   forums: list[str], place: str | None, url: str | None) -> str:
    lines = ["---", f"title: {_yaml_str(title)}", f"date: {date.iso()}", f"kind: {kind}",
             f"people: {_yaml_list(people)}", "mentioned: []", f"forums: {_yaml_list(forums)}",
             f"place: {_yaml_str(place) if place else ''}".rstrip(),
             "summary: ", "sources:"]
    if url:
        lines += [f"  - url: {_yaml_str(url)}", "    outlet:", "    title:", "    published:"]
    else:
        lines += ["  - outlet:", "    title:", "    url:", "    published:"]
    lines += ["---", "", "Write what happened here, in your own words.", ""]
    return "\n".join(line.rstrip() for line in lines) + ""
