"""YAML reading that keeps line numbers and avoids PyYAML's traps.

Every plain scalar stays a string (``title: no`` is the text "no", ``title:
2022`` is "2022"); only an empty value, ``~`` or ``null`` become ``None``. Typed
fields (dates, booleans) are parsed later by the schema that knows what it
wants. Duplicate keys, alias bombs and non-YAML text become a located
:class:`TimelineError`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from generator.errors import TimelineError

try:  # the C parser is ~10x faster; semantics below are identical for both
    _BaseLoader = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

MAX_NODES = 200_000  # expanded nodes in one document: far above any real file
MAX_FILE_BYTES = 16 * 2**20  # an entry, registry or config: a 5 MB article fits thrice


class LineMap(dict):
    """A mapping that remembers the 1-based line of each key and of itself."""

    line: int = 0
    key_lines: dict[str, int]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines = {}  # an empty document's mapping needs it too

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that remembers the 1-based line of each item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def _string_only_resolvers() -> dict:
    """Implicit resolvers reduced to null: no bool, int, float or timestamp."""
    kept: dict = {}
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
        nulls = [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
        if nulls:
            kept[first] = nulls
    return kept


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    yaml_implicit_resolvers = _string_only_resolvers()
    line_offset = 0
    may_alias = True  # False when the text has no ``*``: nothing can expand

    def construct_document(self, node: yaml.Node) -> Any:
        if self.may_alias:
            _count_nodes(node, self.line_offset)
        return yaml.constructor.SafeConstructor.construct_document(self, node)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """PyYAML raises plain exceptions for an explicit tag its value does not
        fit (``!!int 5`` continued by ``- yes`` on the next line): locate them."""
        try:
            return yaml.constructor.BaseConstructor.construct_object(self, node, deep=deep)
        except (ValueError, TypeError, AttributeError, OverflowError):
            tag = str(node.tag).rsplit(":", 1)[-1]
            raise TimelineError(f"invalid YAML: the value is not a valid {tag}", None,
                                node.start_mark.line + 1 + self.line_offset) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:
        self.flatten_mapping(node)
        result = LineMap()
        result.line = node.start_mark.line + 1 + self.line_offset
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1 + self.line_offset
            if not isinstance(key, str):
                raise TimelineError(f"keys must be text, not {key!r}", None, line)
            if key in result:
                raise TimelineError(
                    f"duplicate key '{key}' (first on line {result.key_lines[key]}); keep one",
                    None, line)
            result[key] = self.construct_object(value_node, deep=deep)
            result.key_lines[key] = line
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        result = LineList(self.construct_object(child, deep=deep) for child in node.value)
        result.line = node.start_mark.line + 1 + self.line_offset
        result.item_lines = [c.start_mark.line + 1 + self.line_offset for c in node.value]
        return result


def _make_deep(loader_cls: type) -> None:
    # Mappings and sequences are built eagerly so line info is always attached.
    loader_cls.add_constructor("tag:yaml.org,2002:map",
                               lambda ld, n: ld.construct_mapping(n, deep=True))
    loader_cls.add_constructor("tag:yaml.org,2002:seq",
                               lambda ld, n: ld.construct_sequence(n, deep=True))
    loader_cls.add_constructor("tag:yaml.org,2002:str",
                               lambda ld, n: ld.construct_scalar(n))


class _PureLoader(yaml.SafeLoader):
    """The same rules on PyYAML's pure-Python parser, for text that might nest
    deeper than the C parser's stack allows: it crashes the whole process past
    some 20,000 levels, where Python stops at its recursion limit."""

    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    line_offset = 0
    construct_document = _Loader.construct_document
    construct_object = _Loader.construct_object
    construct_mapping = _Loader.construct_mapping
    construct_sequence = _Loader.construct_sequence


_make_deep(_Loader)
_make_deep(_PureLoader)
SAFE_DEPTH = 2000  # nesting the C parser surely survives


def _may_nest_deeply(text: str) -> bool:
    """A cheap bound: block nesting needs columns, flow nesting needs brackets;
    many brackets (a registry's alias lists) are measured by the C parser's
    events, which keeps its own stacks and never recurses."""
    if any(len(line) > SAFE_DEPTH for line in text.split("\n")):
        return True
    if text.count("[") + text.count("{") <= SAFE_DEPTH:
        return False
    return _event_depth(text) > SAFE_DEPTH


_OPEN_EVENTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE_EVENTS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _event_depth(text: str) -> int:
    """The deepest nesting of collections, from parser events alone; a text the
    parser refuses counts as deep (the pure parser then locates the error)."""
    depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, _OPEN_EVENTS):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, _CLOSE_EVENTS):
                depth -= 1
    except yaml.YAMLError:
        return SAFE_DEPTH + 1
    return deepest


def _count_nodes(root: yaml.Node, offset: int) -> None:
    """Refuse documents whose aliases expand into huge trees (billion laughs).

    Only values reached again through an alias count: a large document
    written out in full (a registry of 20,000 people) is not a bomb.
    """
    seen = 0
    distinct: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        seen += 1
        distinct.add(id(node))
        if seen - len(distinct) > MAX_NODES:
            raise TimelineError(
                f"YAML expands to more than {MAX_NODES} values (anchors/aliases?); "
                "write the values out", None, root.start_mark.line + 1 + offset)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.append(k)
                stack.append(v)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


# Errors found where an unclosed quote or bracket ends up (often the end of the
# front matter) are reported where it opens, which is where the fix goes.
_OPENERS = {
    "while scanning a quoted scalar": "the quote that opens on this line is never closed "
    "(write a ' inside '...' as '', a \" inside \"...\" as \\\")",
    "while parsing a flow sequence": "the '[' on this line is not closed by ']', "
    "or its items are not separated by commas",
    "while parsing a flow mapping": "the '{' on this line is not closed by '}', "
    "or its items are not separated by commas",
}


def parse_yaml(text: str, path: str | Path | None = None, line_offset: int = 0,
               at_opener: bool = False) -> Any:
    """Parse one YAML document; errors carry ``path`` and the file line. With
    ``at_opener``, an unclosed quote or bracket is reported where it opens."""
    loader = None
    try:
        # The pure-Python reader checks characters as it is made: inside the try.
        loader = (_PureLoader if _may_nest_deeply(text) else _Loader)(text)
        loader.line_offset = line_offset
        loader.may_alias = "*" in text
        return loader.get_single_data()
    except TimelineError as exc:
        raise TimelineError(exc.message, path, exc.line) from None
    except yaml.MarkedYAMLError as exc:
        opened = _OPENERS.get(exc.context or "") if at_opener and exc.context_mark else None
        mark = exc.context_mark if opened else exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        what = opened or exc.problem or exc.context or "invalid YAML"
        lines = text.split("\n")
        bad = lines[mark.line] if mark and mark.line < len(lines) else ""
        hint = " (indent YAML with spaces, not tabs)" if "\t" in bad else ""
        raise TimelineError(f"invalid YAML: {what}{hint}", path, line) from None
    except yaml.reader.ReaderError as exc:  # a control character: say which, and where
        line = text.count("\n", 0, max(exc.position, 0)) + 1 + line_offset
        char = exc.character
        code = char if isinstance(char, int) else ord(char[:1] or "\0")
        raise TimelineError(f"invalid YAML: control character U+{code:04X} is not "
                            "allowed; remove it", path, line) from None
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "unreadable"
        raise TimelineError(f"invalid YAML: {first}", path, None) from None
    except RecursionError:
        raise TimelineError("invalid YAML: nested too deeply", path, None) from None
    finally:
        if loader is not None:
            loader.dispose()


def read_text(path: Path) -> str:
    """Read a UTF-8 text file (BOM and CRLF accepted); refuse binary or other encodings."""
    return decode_text(read_regular(path), path)


def read_regular(path: Path | str) -> bytes:
    """The bytes of a regular file (or a link to one). A folder, a broken link, a
    pipe (reading it would wait forever), an unreadable or an oversized file is a
    TimelineError naming it."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise TimelineError("not a regular file (a folder, pipe or device?); "
                                "remove it or rename it", path)
        if st.st_size > MAX_FILE_BYTES:  # do not even read it
            raise too_big(st.st_size, path)
        with open(path, "rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise TimelineError("cannot read the file: it is gone, or a link to nothing",
                            path) from None
    except OSError as exc:
        raise TimelineError(f"cannot read the file: {exc.strerror or exc}", path) from None


def too_big(size: int, path: Path | str) -> TimelineError:
    return TimelineError(f"the file has {size / 2**20:.1f} MB, more than the "
                         f"{MAX_FILE_BYTES // 2**20} MB a content or config file may have; "
                         "split it", path)


def decode_text(data: bytes, path: Path | str) -> str:
    """Decode file bytes as :func:`read_text` does; errors name ``path``."""
    if len(data) > MAX_FILE_BYTES:
        raise too_big(len(data), path)
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise TimelineError("cannot decode UTF-16 text; save the file as UTF-8", path) from None
    else:
        if b"\x00" in data[:8192]:
            raise TimelineError("binary file, not text; remove it or save it as UTF-8", path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise TimelineError("not valid UTF-8; save the file as UTF-8", path, line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
