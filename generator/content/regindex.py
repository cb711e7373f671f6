"""A registry's first pass: each item's id, line, name and aliases, read
without building the whole YAML tree.

A registry of 10,000 people is some 200,000 YAML values, about 1.5 s to parse;
a build needs every name and alias (to resolve what entries write) but the rest
of an item only for the people and forums entries name. So the text is cut into
items (a line that starts in column 0 starts one) and each item written in a
plain subset of YAML is read with one regular expression; any other item is
parsed by the YAML parser on its own.

Why reading an item alone cannot change what the file means: in a block mapping
at column 0, a line starting in column 0 is a new key unless an open quote or
flow collection continues onto it (block and plain scalars end at a less
indented line). An item in the subset has every line closed (no quote, bracket
or brace left open; no anchor, alias, tag or block scalar), and an item the
parser reads alone either parses, so nothing was left open, or the whole file
goes to the full parser. A name or alias in the subset is the string PyYAML
(with :mod:`yamlfile`'s string-only rules) makes of it: a plain scalar on one
line not continued on the next, a quoted one without escapes, or a one-line
flow list of those.

:func:`scan` returns None for anything else about the file as a whole (text
before the first item, characters the YAML reader refuses or treats as line
breaks, tabs, an item the parser cannot read alone, one key twice): the caller
then parses the whole file as before, with its errors and their lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.content.yamlfile import LineMap, parse_yaml
from generator.errors import TimelineError

# What the YAML reader refuses (PyYAML's NON_PRINTABLE), line breaks other than
# "\n" (CR, NEL, LS, PS), tabs and byte-order marks: the full parser decides.
_REFUSED = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                      "\U00010000-\U0010ffff]")
_START = re.compile(r"\n[^ \n#]")  # a line that starts an item
_BLANK_LINES = re.compile(r"(?:\n[ ]*+(?:\#[^\n]*+)?(?=\n))*+")
_NULLS = {"~", "null", "Null", "NULL"}  # the plain scalars yamlfile reads as None

_FIRST = r"""[^ \n#:'"\[\]{}&*!|>%@`,?\-]"""  # a plain scalar may start so
_PLAIN = _FIRST + r"[^:#\n]*+(?::(?![ \n])[^:#\n]*+)*+"  # no ': ', no '#'
_DQ = r'"(?:[^"\\\n]|\\[^\n])*+"'
_SQ = r"'(?:[^'\n]|'')*+'"
_FLOW_PLAIN = _FIRST + r"[^:#,\[\]{}\n]*+"
_FLOW_ITEM = rf"(?:{_DQ}|{_SQ}|{_FLOW_PLAIN})"
_FLOW_INSIDE = rf"[ ]*+(?:{_FLOW_ITEM}[ ]*+(?:,[ ]*+{_FLOW_ITEM}[ ]*+)*+)?"
_VALUE = rf"(?:{_DQ}|{_SQ}|\[{_FLOW_INSIDE}\]|{_PLAIN})"
_EOL = r"[ ]*+(?:(?<=[ ])\#[^\n]*+)?(?=\n)"  # spaces and a comment to the line's end
_KEY = r"[A-Za-z_][A-Za-z0-9_]*+"
# A name or alias: quoted without escapes, or plain; then blank lines and a
# line indented by two at most (a plain scalar is not continued).
_ONE = rf"""(?:"[^"\\\n]*+"|'(?:[^'\n]|'')*+'|{_PLAIN})"""
_AFTER = r"(?=(?:\n[ ]*+(?=\n))*+(?:\n[ ]{0,2}[^ \n]|\n\Z))"
# Each is checked by a lookahead before its group captures it: the regex
# engine keeps what a group captured in a branch that failed afterwards.
_NAME = rf"[ ]{{2}}name[ ]*:[ ]++(?={_ONE}{_EOL}{_AFTER})(?P<name>{_ONE}){_EOL}"
_ALIAS = rf"(?:\[{_FLOW_INSIDE}\]|{_ONE})"
_ALIASES = rf"[ ]{{2}}aliases[ ]*:[ ]++(?={_ALIAS}{_EOL}{_AFTER})(?P<aliases>{_ALIAS}){_EOL}"
# Any other line, each closed: 'key: plain' (the rest of the line cannot open
# anything), blank or comment, or values of the forms above.
_OTHER = rf"""[ ]++(?:-[ ]++)*+{_KEY}[ ]*:(?:[ ]++(?:{_FIRST}|\#)[^\n]*+|[ ]*+)(?=\n)
              |[ ]*+(?:\#[^\n]*+)?(?=\n)
              |[ ]++(?:-[ ]++)*+(?:-|{_KEY}[ ]*:(?:[ ]++{_VALUE})?|{_VALUE})?{_EOL}"""
# An item in the subset: 'id:' alone in column 0, its fields indented by two,
# up to the next line that starts in column 0. Its id, name and aliases as
# written (the last 'name' and 'aliases' lines read exactly; see _counts).
_ITEM = re.compile(rf"""\n(?P<id>{_FIRST}[^ \n#:,\[\]{{}}]*+)[ ]*:{_EOL}
                        (?:\n[ ]*+(?:\#[^\n]*+)?(?=\n))*+(?=\n[ ]{{2}}[^ \n#])
                        (?:\n(?:{_NAME}|{_ALIASES}|{_OTHER}))*+(?=\n(?:[^ \n#]|\Z))""", re.X)
_NAME_LINES = re.compile(r"\n[ ]{2}name[ ]*:")
_ALIAS_LINES = re.compile(r"\n[ ]{2}aliases[ ]*:")
_FLOW_ITEMS = re.compile(rf"[ ]*+({_ONE.replace(_PLAIN, _FLOW_PLAIN)})[ ]*+(?:,|\Z)")

Names = tuple[str, list[str]]


@dataclass
class Scan:
    """The items of a registry's text, in order. ``text`` is the file's text
    with a line break before and after it; item ``i`` is ``text[starts[i]:ends[i]]``."""

    text: str
    ids: list[str] = field(default_factory=list)
    names: list[Names | None] = field(default_factory=list)  # None: see ``raw``
    raw: dict[int, object] = field(default_factory=dict)  # the value, as the parser read it
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    _lines: list[int] = field(default_factory=list)
    _cursor: tuple[int, int] = (0, 0)  # a position and its line, for line_at

    def add(self, item_id: str, start: int, end: int, names: Names | None) -> None:
        self.ids.append(item_id)
        self.starts.append(start)
        self.ends.append(end)
        self.names.append(names)

    def line(self, index: int) -> int:
        """The line of item ``index``'s key (those before it counted once, when first asked)."""
        lines = self._lines
        while len(lines) <= index:
            at, line = (self.starts[len(lines) - 1], lines[-1]) if lines else (0, 0)
            lines.append(line + self.text.count("\n", at, self.starts[len(lines)]))
        return lines[index]

    def line_at(self, pos: int) -> int:
        """The line of ``pos`` in the file; cheap for positions asked in order."""
        at, line = self._cursor if self._cursor[0] <= pos else (0, 0)
        line += self.text.count("\n", at, pos)
        self._cursor = (pos, line)
        return line


def scan(text: str) -> Scan | None:
    """The file's items, or None when the whole file must be parsed."""
    if not text.replace("\n", " ").isprintable() and _REFUSED.search(text):
        return None
    text = "\n" + text + ("" if text.endswith("\n") else "\n")
    first = _START.search(text)
    if _BLANK_LINES.match(text).end() != (first.start() if first else len(text) - 1):
        return None  # a document marker, a directive, or an indented start
    found = _in_one_pass(text) or _item_by_item(text)
    if found is None or len(set(found.ids)) != len(found.ids):
        return None  # the full parser says which key is there twice, and where
    return found


def _in_one_pass(text: str) -> Scan | None:
    """The common case in one pass of the pattern: items in the subset, each
    with one 'name' line and at most one 'aliases' line; the few others read
    by the parser alone."""
    found = Scan(text)
    first = _START.search(text)
    at = first.start() if first else len(text) - 1
    counted = [0, 0]  # 'name' and 'aliases' lines: one for each captured, others counted
    for m in _ITEM.finditer(text):
        if m.start() != at and not _parse_between(found, at, m.start(), counted):
            return None
        item_id, name, aliases = m.group("id", "name", "aliases")
        names = _names(name or "", aliases or "")
        if names is None:
            if not _parse_between(found, m.start(), m.end(), counted):
                return None
        else:
            found.add(item_id, m.start() + 1, m.end() + 1, names)
            counted[0] += 1
            counted[1] += aliases is not None
        at = m.end()
    if at != len(text) - 1 and not _parse_between(found, at, len(text) - 1, counted):
        return None
    return found if _counts(found.text, 0, len(text)) == tuple(counted) else None


def _parse_between(found: Scan, start: int, end: int, counted: list[int]) -> bool:
    """The items from the line break at ``start`` to the one at ``end``, each
    read by the parser alone (False if one cannot be); their 'name' and
    'aliases' lines are added to ``counted``."""
    bounds = [m.start() for m in _START.finditer(found.text, start, end + 1)] + [end]
    for at, until in zip(bounds, bounds[1:]):
        lines = _counts(found.text, at, until)
        if not _parse_alone(found, at + 1, until + 1):
            return False
        counted[0] += lines[0]
        counted[1] += lines[1]
    return True


def _counts(text: str, start: int, end: int) -> tuple[int, int]:
    """How many 'name' and 'aliases' lines are indented by two in ``text[start:end]``."""
    return (len(_NAME_LINES.findall(text, start, end)),
            len(_ALIAS_LINES.findall(text, start, end)))


def _item_by_item(text: str) -> Scan | None:
    """Each item by the pattern when it is in the subset, else by the parser alone."""
    found = Scan(text)
    bounds = [m.start() for m in _START.finditer(text)] + [len(text) - 1]
    for at, until in zip(bounds, bounds[1:]):
        m = _ITEM.match(text, at)
        names = None
        if m is not None and m.end() == until:
            names = _names(m["name"] or "", m["aliases"] or "")
            if names is not None and _counts(text, at, until) != (1, int(bool(m["aliases"]))):
                names = None
        if names is not None:
            found.add(m["id"], at + 1, until + 1, names)
        elif not _parse_alone(found, at + 1, until + 1):
            return None
    return found


def _parse_alone(found: Scan, start: int, end: int) -> bool:
    """Read the item at ``text[start:end]`` with the parser; False when it cannot
    be read alone (the full parser then reports the file's problem)."""
    try:
        data = parse_yaml(found.text[start:end], None, line_offset=found.line_at(start) - 1,
                          at_opener=True)
    except TimelineError:
        return False
    if not isinstance(data, LineMap) or len(data) != 1:
        return False
    (key, raw), = data.items()
    found.raw[len(found.ids)] = raw
    found.add(key, start, end, None)
    return True


def _names(name: str, aliases: str) -> Names | None:
    """(name, aliases) as ``req_str`` and ``str_list`` give them from the
    values as written, or None to leave the item to the parser (no name, a
    null or empty one, escapes in a list)."""
    value = _scalar(name) if name else None
    if value is None or not value.strip():
        return None
    if not aliases:
        return value.strip(), []
    if aliases[0] == "[":
        listed = _flow(aliases[1:-1])
        return None if listed is None else (value.strip(), listed)
    alias = _scalar(aliases)
    return value.strip(), [alias.strip()] if alias is not None and alias.strip() else []


def _scalar(raw: str) -> str | None:
    """A one-line scalar's string (quoted ones have no escapes); None for a plain null."""
    if raw[0] == '"':
        return raw[1:-1]
    if raw[0] == "'":
        return raw[1:-1].replace("''", "'")
    plain = raw.rstrip(" ")
    return None if plain in _NULLS else plain


def _flow(inside: str) -> list[str] | None:
    """The stripped, non-empty, non-null items of a one-line flow list (its
    form checked by the item's pattern); None when it has escapes."""
    if "\\" in inside:
        return None
    if '"' not in inside and "'" not in inside:
        out = [p.strip() for p in inside.split(",")]
        if "" not in out and _NULLS.isdisjoint(out):
            return out  # the common case: plain items, none null or empty
        values = [p.strip(" ") for p in inside.split(",")] if inside.strip(" ") else []
        items = [None if v in _NULLS else v for v in values]
    else:
        found = list(_FLOW_ITEMS.finditer(inside))
        if sum(len(m[0]) for m in found) != len(inside):
            return None
        items = [_scalar(m[1]) for m in found]
    return [item.strip() for item in items if item is not None and item.strip()]
