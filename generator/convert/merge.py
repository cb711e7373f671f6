"""Adding a source to an entry a person may have edited, touching nothing else.

The file is edited as text, never re-dumped: the new ``sources`` item is
inserted after the last line of the existing list, in the list's own
indentation and line endings, so comments, key order, quoting and the body
stay byte for byte. The only other change allowed is a more precise ``date:``
value, and an announced entry (``scheduled: true``) that the new report says took place
loses that line (each with a ``review:`` line saying so). The result is parsed again and
compared field by field with the original before it may be written.
"""

from __future__ import annotations

import re

from generator.content.dates import FuzzyDate
from generator.content.entries import parse_entry
from generator.convert.extract import Record
from generator.convert.render import single_quoted, source_lines


class MergeError(Exception):
    """The entry cannot be changed safely as text; a person must add the source."""


_CLOSE = re.compile(r"^---[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)-([ \t]+)\S")


def _bare(line: str) -> str:
    return line.rstrip("\r\n")


def _front_matter_end(lines: list[str]) -> int:
    if not lines or _bare(lines[0]).strip() != "---":
        raise MergeError("the file does not start with a '---' line")
    for i in range(1, len(lines)):
        if _CLOSE.match(_bare(lines[i])):
            return i
    raise MergeError("the front matter is not closed")


def _key_line(lines: list[str], close: int, key: str) -> tuple[int, str] | None:
    rx = re.compile(rf"^{key}[ \t]*:(.*)$")
    for i in range(1, close):
        m = rx.match(_bare(lines[i]))
        if m:
            value = re.sub(r"(?:^|[ \t])#.*$", "", m.group(1)).strip()
            return i, value
    return None


def _block_end(lines: list[str], start: int, close: int) -> tuple[int, str, str]:
    """(index after the list's last line, indentation before '-', '-' plus its spacing)."""
    end, indent, dash = start, None, None
    for j in range(start, close):
        line = _bare(lines[j])
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] in " \t" or line.startswith("-"):
            end = j + 1
            m = _ITEM.match(line)
            if m and indent is None:
                indent, dash = m.group(1), "-" + m.group(2)
            continue
        break
    return end, indent if indent is not None else "  ", dash or "- "


def _append_item(lines: list[str], close: int, key: str, new: list[str], nl: str,
                 item: callable) -> list[str]:  # type: ignore[valid-type]
    """Insert list items under ``key`` (created before the closing '---' when missing)."""
    found = _key_line(lines, close, key)
    if found is None:
        block = [f"{key}:"] + item("  ", "- ")
        return lines[:close] + [x + nl for x in block] + lines[close:]
    at, value = found
    if value in ("", "~", "null", "[]"):
        if value:
            lines = lines[:at] + [f"{key}:{nl}"] + lines[at + 1:]
        end, indent, dash = _block_end(lines, at + 1, close)
        return lines[:end] + [x + nl for x in item(indent, dash)] + lines[end:]
    raise MergeError(f"'{key}' is written on one line; write it as a list (one '- ' item "
                     "per line) or add the source by hand")


def _set_date(lines: list[str], close: int, date: FuzzyDate) -> list[str]:
    found = _key_line(lines, close, "date")
    if found is None:
        raise MergeError("no 'date:' line")
    i, _ = found
    line = lines[i]
    m = re.match(r"^(date[ \t]*:[ \t]*)(['\"]?)[^'\"#\s]*\2(.*)$", line, re.S)
    if not m:
        raise MergeError("the 'date:' line has an unexpected form")
    lines = list(lines)
    lines[i] = m.group(1) + m.group(2) + date.iso() + m.group(2) + m.group(3)
    return lines


def _drop_scheduled(lines: list[str], close: int) -> list[str]:
    found = _key_line(lines, close, "scheduled")
    if found is None or found[1].lower() not in ("true", "yes"):
        raise MergeError("the entry does not say 'scheduled: true' on one line")
    return lines[:found[0]] + lines[found[0] + 1:]


def merge_text(raw: str, record: Record, new_date: FuzzyDate | None = None,
               note: str | None = None, why: str | None = None,
               source_notes: tuple[str, ...] = (), held: str | None = None) -> str:
    """The entry text with ``record`` added as a source (and the date made more precise).

    ``why`` is a review line that says which article was merged and why, so a wrong merge
    can be seen and undone; ``note`` one about a changed date; ``source_notes`` the merged
    article's doubts about its own outlet, title or publication date; ``held`` a review line
    when the article reports as done what the entry announced (``scheduled`` is removed)."""
    nl = "\r\n" if "\r\n" in raw else "\n"
    lines = raw.splitlines(keepends=True)
    close = _front_matter_end(lines)
    before = len(lines)
    lines = _append_item(lines, close, "sources", [], nl,
                         lambda indent, dash: source_lines(record, indent, dash))
    close += len(lines) - before
    if new_date is not None:
        lines = _set_date(lines, close, new_date)
    if held:
        lines = _drop_scheduled(lines, close)
        close -= 1
    notes = [n for n in (why, note if new_date is not None else None, held) if n] + list(source_notes)
    for line in notes:
        before = len(lines)
        lines = _append_item(lines, close, "review", [], nl,
                             lambda indent, dash, line=line: [f"{indent}{dash}{single_quoted(line)}"])
        close += len(lines) - before
    text = "".join(lines)
    _verify(raw, text, new_date, notes, bool(held))
    return text


def _verify(old_text: str, new_text: str, new_date: FuzzyDate | None, notes: list[str],
            held: bool = False) -> None:
    """Only the expected fields changed, and the result is still a valid entry."""
    norm = lambda t: t.lstrip("\ufeff").replace("\r\n", "\n")  # noqa: E731
    old = parse_entry(norm(old_text), "entry.md", "entry.md")
    try:
        new = parse_entry(norm(new_text), "entry.md", "entry.md")
    except Exception as exc:  # any parse failure means the text edit went wrong
        raise MergeError(f"the merged entry would not parse ({exc})") from None
    for name in ("title", "kind", "people", "mentioned", "forums", "place", "summary", "body",
                 "draft", "slug", "extra"):
        if getattr(old, name) != getattr(new, name):
            raise MergeError(f"merging would change '{name}'")
    if new.sources[:-1] != old.sources or len(new.sources) != len(old.sources) + 1:
        raise MergeError("merging would change the existing sources")
    if (new_date or old.date) != new.date:
        raise MergeError("merging would change the date")
    if new.scheduled != (old.scheduled and not held):
        raise MergeError("merging would change 'scheduled'")
    expected_review = old.review + notes
    if [" ".join(r.split()) for r in new.review] != [" ".join(r.split()) for r in expected_review]:
        raise MergeError("merging would change the review list")
