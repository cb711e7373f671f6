"""What ``convert`` reads: files, folders, standard input and web addresses, as text.

Every input, whatever its origin, ends as text through the same checks (size,
emptiness, binary data, encoding, no control characters), so an entry never
depends on where its article came from. Each refusal is a ``TimelineError``
naming the input; the command prints it as one line.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.dates import FuzzyDate
from generator.convert import fetch
from generator.errors import TimelineError, display_path

MAX_BYTES = 4 * 1024 * 1024
ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".shtml"}
MANIFEST_NAMES = ("manifest.csv", "manifest.yaml", "manifest.yml")


@dataclass(frozen=True)
class Known:
    """What the user knows about an article (options or a manifest row); it wins over
    what the page says."""

    url: str | None = None
    published: FuzzyDate | None = None
    outlet: str | None = None

    def over(self, other: "Known") -> "Known":
        """These values, the other's where these have none."""
        return Known(self.url or other.url, self.published or other.published,
                     self.outlet or other.outlet)


@dataclass
class Input:
    shown: str  # for messages
    file: str | None  # for the entry's source 'file:'
    path: Path | None  # None for standard input and addresses
    url: str | None = None  # an address to fetch
    folder: Path | None = None  # the input folder it was found in
    known: Known = field(default_factory=Known)


@dataclass
class Text:
    """An input read: its text, the address it came from, and a note on how it was read."""

    text: str
    url: str | None = None
    note: str | None = None


def gather(paths: list[str]) -> tuple[list[Input], int]:
    """The articles to convert, in a stable order, and how many other files were ignored."""
    items: list[Input] = []
    ignored = 0
    for arg in paths:
        if arg == "-":
            items.append(Input("<stdin>", None, None))
        elif fetch.is_address(arg):
            items.append(Input(arg, None, None, url=arg))
        elif Path(arg).is_dir():
            found, skipped = _folder(arg)
            items += found
            ignored += skipped
        else:
            items.append(Input(display_path(arg), Path(arg).as_posix(), Path(arg)))
    return items, ignored


def _folder(arg: str) -> tuple[list[Input], int]:
    """The articles under one folder; hidden files and the folder's manifest are left out."""
    root = Path(arg)
    items: list[Input] = []
    ignored = 0
    for f in sorted(root.rglob("*"), key=lambda x: x.relative_to(root).as_posix()):
        rel = f.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not f.is_file():
            continue
        if rel.as_posix() in MANIFEST_NAMES:
            continue
        if f.suffix.lower() not in ARTICLE_SUFFIXES:
            ignored += 1
            continue
        items.append(Input(display_path(f), (root / rel).as_posix(), f, folder=root))
    return items, ignored


# Characters YAML may not carry (C0 and C1 controls but tab and line ends,
# surrogates, non-characters): a page may hold them, an entry must not.
_NOT_IN_YAML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
                          "\ud800-\udfff\ufffe\uffff]")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# Labels browsers read as windows-1252 (WHATWG Encoding): its quotes and dashes
# sit where Latin-1 has control characters.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii",
              "windows-1252", "cp1252"}


def decode_article(data: bytes, shown: str) -> str:
    """Article bytes as text without control characters; every refusal is one clear
    message."""
    return _NOT_IN_YAML.sub("", _decode_article(data, shown))


def too_big(size: int, shown: str) -> TimelineError:
    return TimelineError(f"{size / 1024 / 1024:.1f} MB is more than the "
                         f"{MAX_BYTES // 1024 // 1024} MB an article may have; save only the "
                         "article's page or text", shown)


def _refuse_unusable(data: bytes, shown: str) -> None:
    if len(data) > MAX_BYTES:
        raise too_big(len(data), shown)
    if not data.strip():
        raise TimelineError("empty file: nothing to convert", shown)


def _utf16(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise TimelineError("cannot decode this UTF-16 text; save it as UTF-8", shown) from None


def _refuse_binary(data: bytes, shown: str) -> None:
    if b"\x00" in data[:8192]:
        raise TimelineError("binary file, not an article; save the page as HTML or text", shown)


def _decode_article(data: bytes, shown: str) -> str:
    _refuse_unusable(data, shown)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data, shown)
    _refuse_binary(data, shown)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = declared_charset(data)
        if declared and declared not in ("utf-8", "utf8"):
            text = _try_decode(data, declared)
            if text is not None:
                return text
        line = data[:exc.start].count(b"\n") + 1
        raise TimelineError("not valid UTF-8 text; save the article as UTF-8", shown, line) from None
    if not text.strip():
        raise TimelineError("empty file: nothing to convert", shown)
    return text


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` near its top, lower-cased."""
    found = _META_CHARSET.search(data[:8192])
    return found.group(1).decode("ascii", "replace").lower() if found else None


def _try_decode(data: bytes, charset: str) -> str | None:
    """The text in ``charset`` (read as browsers do), or None when it does not decode."""
    label = charset.strip().lower()
    for codec in (("cp1252", label) if label in _AS_CP1252 else (label,)):
        try:
            codecs.lookup(codec)
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return None


def decode_page(data: bytes, shown: str, charset: str | None) -> tuple[str, str | None]:
    """A fetched page as text, in the charset its server or its ``<meta>`` declares.

    A page cannot be saved again in UTF-8 by the user the way a file can, so a
    charset that fails falls back to UTF-8 with replacement characters rather than
    a refusal; the note returned says so.
    """
    _refuse_unusable(data, shown)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _NOT_IN_YAML.sub("", _utf16(data, shown)), None
    _refuse_binary(data, shown)
    if data.startswith(b"\xef\xbb\xbf"):
        charset, data = "utf-8", data[3:]
    declared = charset or declared_charset(data)
    text = _try_decode(data, declared or "utf-8")
    note = None
    if text is None:
        text = data.decode("utf-8", "replace")
        note = (f"the page's charset '{declared}' does not decode it" if declared else
                "the page declares no charset and is not UTF-8") + \
            "; read as UTF-8, unreadable characters replaced"
    if not text.strip():
        raise TimelineError("empty page: nothing to convert", shown)
    return _NOT_IN_YAML.sub("", text), note


def read_input(item: Input, timeout: float = fetch.DEFAULT_TIMEOUT) -> Text:
    """The text of one input: a file, standard input, or a fetched address."""
    if item.url is not None:
        page = fetch.fetch(item.url, timeout=timeout, max_bytes=MAX_BYTES)
        text, note = decode_page(page.data, item.shown, page.charset)
        return Text(text, page.url, note)
    if item.path is None:
        return Text(decode_article(sys.stdin.buffer.read(MAX_BYTES + 1), item.shown))
    return Text(_read_file(item.path, item.shown))


def _read_file(path: Path, shown: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # do not even read it
            raise too_big(size, shown)
        return decode_article(path.read_bytes(), shown)
    except FileNotFoundError:
        raise TimelineError("no such file", shown) from None
    except IsADirectoryError:
        raise TimelineError("is a folder", shown) from None
    except PermissionError:
        raise TimelineError("cannot read the file (permission denied)", shown) from None
