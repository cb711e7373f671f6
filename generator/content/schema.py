"""Small typed readers for YAML mappings: each error names the file and line."""

from __future__ import annotations

import difflib
from typing import Iterable

from generator.content.dates import FuzzyDate, parse_fuzzy_date
from generator.content.yamlfile import LineList, LineMap
from generator.errors import TimelineError

TRUE = {"true", "yes", "on"}
FALSE = {"false", "no", "off"}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def reject_unknown(data: LineMap, allowed: Iterable[str], path: str, what: str) -> None:
    allowed = list(allowed)
    for key in data:
        if key not in allowed:
            raise TimelineError(
                f"unknown {what} field '{key}'{did_you_mean(key, allowed)}"
                f" (allowed: {', '.join(allowed)})", path, data.line_of(key))


def as_mapping(value: object, path: str, line: int, what: str) -> LineMap:
    if not isinstance(value, LineMap):
        raise TimelineError(f"{what} must be a mapping of 'key: value' lines", path, line)
    return value


def opt_str(data: LineMap, key: str, path: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise TimelineError(f"'{key}' must be text, not a list or mapping; "
                            "quote it if needed", path, data.line_of(key))
    value = value.strip()
    return value or None


def req_str(data: LineMap, key: str, path: str, hint: str = "") -> str:
    value = opt_str(data, key, path)
    if value is None:
        raise TimelineError(f"'{key}' is required{hint}", path, data.line)
    return value


def opt_bool(data: LineMap, key: str, path: str, default: bool = False) -> bool:
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, str) and value.strip().lower() in TRUE | FALSE:
        return value.strip().lower() in TRUE
    raise TimelineError(f"'{key}' must be true or false, not {value!r}",
                        path, data.line_of(key))


def str_list(data: LineMap, key: str, path: str) -> list[str]:
    """A list of non-empty strings; a single string is accepted as a one-item list."""
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if not isinstance(value, LineList):
        raise TimelineError(f"'{key}' must be a list", path, data.line_of(key))
    out = []
    for i, item in enumerate(value):
        if item is None:
            continue
        if not isinstance(item, str):
            raise TimelineError(f"'{key}' items must be text", path, value.line_of(i))
        if item.strip():
            out.append(item.strip())
    return out


def opt_date(data: LineMap, key: str, path: str, approximate: bool = False) -> FuzzyDate | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        return parse_fuzzy_date(value, approximate)
    except ValueError as exc:
        raise TimelineError(f"'{key}': {exc}", path, data.line_of(key)) from None
