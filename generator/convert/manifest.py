"""A manifest: what the user knows about the articles in a folder.

A CSV file with a header row, or a YAML list of mappings, with ``file`` (relative
to the manifest's folder or to the input folder) and optionally ``url``,
``published`` (YYYY-MM-DD, YYYY-MM or YYYY) and ``outlet``. It is read whole and
checked before anything is converted, so a typo stops the run at its line
instead of producing entries with half the user's knowledge.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.content.dates import parse_fuzzy_date
from generator.content.schema import did_you_mean
from generator.content.yamlfile import LineList, LineMap, parse_yaml, read_text
from generator.convert.inputs import MANIFEST_NAMES, Known
from generator.errors import TimelineError, display_path

FIELDS = ("file", "url", "published", "outlet")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Row:
    """One manifest row as written, with the line it starts on."""

    line: int
    values: dict[str, str]


def find_manifest(folder: Path) -> Path | None:
    """The manifest an input folder holds, if any; two of them is an error."""
    found = [folder / name for name in MANIFEST_NAMES if (folder / name).is_file()]
    if len(found) > 1:
        raise TimelineError(f"two manifests ({', '.join(p.name for p in found)}); keep one",
                            folder)
    return found[0] if found else None


def load_manifest(path: Path, folders: list[Path]) -> dict[Path, Known]:
    """What the manifest says about each file, by resolved path; every problem is a
    TimelineError naming the manifest and line."""
    shown = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".yaml", ".yml"):
        raise TimelineError("a manifest is a .csv, .yaml or .yml file", shown)
    text = read_text(path)
    rows = _csv_rows(text, shown) if suffix == ".csv" else _yaml_rows(text, shown)
    bases = [path.parent] + [f for f in folders if f.resolve() != path.parent.resolve()]
    known: dict[Path, Known] = {}
    first: dict[Path, int] = {}
    for row in rows:
        file = _file(row, bases, shown)
        if file in first:
            raise TimelineError(f"'{row.values['file']}' is listed twice (first on line "
                                f"{first[file]}); keep one row", shown, row.line)
        first[file] = row.line
        known[file] = _known(row, shown)
    log.info("%s: %d rows", shown, len(known))
    return known


def _unknown_field(name: str, shown: str, line: int) -> TimelineError:
    return TimelineError(f"unknown column '{name}'{did_you_mean(name, FIELDS)} (allowed: "
                         f"{', '.join(FIELDS)})", shown, line)


def _csv_rows(text: str, shown: str) -> list[Row]:
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    rows: list[Row] = []
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = _header(record, shown, line)
                continue
            if len(record) > len(header):
                raise TimelineError(f"{len(record)} values but {len(header)} columns; quote "
                                    "values that hold a comma", shown, line)
            rows.append(Row(line, {k: v.strip() for k, v in zip(header, record) if v.strip()}))
    except csv.Error as exc:
        raise TimelineError(f"not readable as CSV ({exc})", shown, reader.line_num) from None
    return rows


def _header(record: list[str], shown: str, line: int) -> list[str]:
    names = [cell.strip().lower() for cell in record]
    for name in names:
        if name not in FIELDS:
            raise _unknown_field(name, shown, line)
        if names.count(name) > 1:
            raise TimelineError(f"column '{name}' appears twice; keep one", shown, line)
    if "file" not in names:
        raise TimelineError("the header row has no 'file' column; the first row names the "
                            f"columns ({', '.join(FIELDS)})", shown, line)
    return names


def _yaml_rows(text: str, shown: str) -> list[Row]:
    data = parse_yaml(text, shown)
    if data is None:
        return []
    if not isinstance(data, LineList):
        raise TimelineError("a YAML manifest is a list of mappings, one per file "
                            "('- file: a.html' then 'url: ...')", shown, 1)
    rows = []
    for i, item in enumerate(data):
        if not isinstance(item, LineMap):
            raise TimelineError("each item must be a mapping such as 'file: a.html'", shown,
                                data.line_of(i))
        values = {}
        for key, value in item.items():
            if key not in FIELDS:
                raise _unknown_field(key, shown, item.line_of(key))
            if value is not None and not isinstance(value, str):
                raise TimelineError(f"'{key}' must be text, not a list or mapping", shown,
                                    item.line_of(key))
            if value is not None and value.strip():
                values[key] = value.strip()
        rows.append(Row(item.line, values))
    return rows


def _file(row: Row, bases: list[Path], shown: str) -> Path:
    """The file a row names, resolved; it must exist under one of ``bases``."""
    name = row.values.get("file")
    if not name:
        raise TimelineError("'file' is empty; name the article file this row is about",
                            shown, row.line)
    for base in bases:
        candidate = base / name
        if candidate.is_file():
            return candidate.resolve()
    where = " or ".join(display_path(b) for b in bases)
    raise TimelineError(f"'{name}' does not exist (looked in {where}); fix the name or "
                        "remove the row", shown, row.line)


def _known(row: Row, shown: str) -> Known:
    url = row.values.get("url")
    if url is not None:
        check_url(url, shown, row.line)
    published = row.values.get("published")
    try:
        date = parse_fuzzy_date(published) if published is not None else None
    except ValueError as exc:
        raise TimelineError(f"'published': {exc}", shown, row.line) from None
    return Known(url, date, row.values.get("outlet"))


def check_url(url: str, where: str, line: int | None = None) -> None:
    """A source address must be a full http(s) address: entries link to it."""
    try:
        parts = urlsplit(url)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname) \
            and " " not in url
    except ValueError:
        ok = False
    if not ok:
        raise TimelineError(f"'{url}' is not an http:// or https:// address; write the "
                            "article's full address", where, line)
