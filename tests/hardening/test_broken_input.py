"""Attack class 4: broken input. Whatever the front matter, registry, config, encoding,
size or article, the outcome is success or a TimelineError whose text is one readable
line naming the file (and the line where there is one); never another exception, and
a failed build never touches the site that was there."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from generator.builder.site import build_site
from generator.config import load_config, parse_config
from generator.content.bodycheck import check_body
from generator.content.entries import ENTRY_FIELDS, parse_entry
from generator.content.loader import load_content
from generator.content.registry import load_people, parse_forums, parse_people
from generator.content.yamlfile import MAX_FILE_BYTES, LineMap, decode_text, parse_yaml
from generator.errors import ManyErrors, TimelineError
from hardening_kit import REPO, Dom, build, cli, minimal_project, tree_digest, write

SHOWN = "content/entries/fuzz.md"


def assert_readable(exc: BaseException, path: str | None = None, lines: int | None = None):
    """One line, the file named, a plausible line number, no Python internals."""
    assert isinstance(exc, TimelineError), repr(exc)
    problems = exc.problems if isinstance(exc, ManyErrors) else [exc.problem]
    for p in problems:
        text = str(p)
        assert text and "\n" not in text and "\r" not in text, repr(text)
        assert "Traceback" not in text and " object at 0x" not in text, text
        assert p.message.strip(), text
        if path is not None:
            assert p.path == path, text
            assert text.startswith(path + ":"), text
        if p.line is not None and lines is not None:
            assert 1 <= p.line <= lines + 1, (p.line, lines, text)


# Front matter --------------------------------------------------------------------------

TRAPS = ["yes", "no", "on", "off", "~", "null", "", "1e3", "0x1F", "0o17", ".inf", "-.nan",
         "2024-02-30", "2023-02-29", "2024-13-01", "2024-00", "0000", "9999-12-31", "10000-01-01",
         "2024-01-02T10:00:00+05:30", "2024-01-02 10:00", "2024-1-2", "[a, b]", "[]", "{}",
         "{a: 1}", "[[nested]]", '"quoted"', "'single'", '"unterminated', "&a x", "*a",
         "*undefined", "!!python/object/apply:os.system [ls]", "!!binary aGVsbG8=", "!!str 5",
         "!!int 5", "!!timestamp 2024-01-01", "|", ">-", "- item", "? complex", ":", "# c",
         "\tx", "x\ty", "<script>", "'''", "%YAML 1.1", "--- ", "...", "🙂", "\u202e",
         "a: b: c", "meeting", "call", "Video Call", "true", "false", "2024", "2024-05",
         "2024-05-06", "javascript:alert(1)", "https://ok.example/", "[Person A, Person B]",
         "\x00", "\x1b[31m", "\ufeff", "'it''s'", '"\\x"', '"\\u00"']
KEYS = list(ENTRY_FIELDS) + ["titel", "Date", "people ", "x", "<<", "? x", "- title"]


@st.composite
def yaml_lines(draw, keys=KEYS, values=TRAPS):
    lines = []
    for _ in range(draw(st.integers(0, 9))):
        indent = draw(st.sampled_from(["", "", "", "  ", "\t", " "]))
        kind = draw(st.integers(0, 5))
        key, value = draw(st.sampled_from(keys)), draw(st.sampled_from(values))
        if kind == 0:
            lines.append(f"{indent}- {value}")
        elif kind == 1:
            lines.append(f"{indent}{key}:")
            for _ in range(draw(st.integers(0, 3))):
                lines.append(f"  - {draw(st.sampled_from(values))}")
        elif kind == 2:
            lines.append(f"{indent}{key}:\n  - url: {value}\n    outlet: "
                         f"{draw(st.sampled_from(values))}")
        else:
            sep = draw(st.sampled_from([" ", " ", "\t", ""]))
            lines.append(f"{indent}{key}:{sep}{value}")
    return "\n".join(lines)


FIELD_VALUES = {
    "title": ["A call", "'Quoted: title'", "yes", "2022", "[a list]", "", "~", "\"<b>\""],
    "date": ["2024-01-02", "2024-01", "2024", "2024-02-30", "2024-01-02T10:00Z", "yes", "[2024]"],
    "approximate": ["true", "false", "yes", "maybe", "1"],
    "kind": ["call", "meeting", "Video Call", "summit", "party", "[call]"],
    "people": ["[Ana, Bo]", "Ana", "[]", "[Ana, [Bo]]", "[Ana, ~]", "{a: b}", "[\"<img>\", ../x]"],
    "mentioned": ["[Cy]", "Cy", "[Ana]", "7"],
    "forums": ["[Quad]", "Quad", "[[Quad]]", "[\"\"]"],
    "place": ["Geneva", "\"a\\nb\"", "[x]", "null"],
    "summary": [">-\n  folded\n  text", "|\n  literal", "plain", "'it''s'", "[x]"],
    "sources": ["\n  - https://x.example/a", "\n  - outlet: W\n    url: javascript:x",
                "\n  - outlet: W\n    published: 2024-02", "https://x.example/", "\n  - [x]",
                "\n  - outlet: W\n    bogus: 1"],
    "draft": ["false", "no", "true", "2"],
    "review": ["[check date]", "check", "{a: b}"],
    "slug": ["my-slug", "../../x", "\"\"", "CON", "[x]"],
    "extra": ["{a: 1}", "[x]", "plain", "\n  nested: {deep: [1, 2]}"],
}


@st.composite
def entry_texts(draw):
    """Mostly well-formed entries with one or two traps; now and then plain junk."""
    fence = draw(st.sampled_from(["---"] * 12 + ["--- ", "----", "", "+++"]))
    close = draw(st.sampled_from(["---"] * 12 + ["...", "", "--- x"]))
    keys = draw(st.lists(st.sampled_from(sorted(FIELD_VALUES)), max_size=6, unique=True))
    lines = []
    if draw(st.integers(0, 9)):
        lines += ["title: T", f"date: {draw(st.sampled_from(['2024-01-02', '2023-11', '2022']))}"]
        keys = [k for k in keys if k not in ("title", "date")]
    for key in keys:  # the first value of each field is a good one: use it 3 times in 4
        good, *_ = values = FIELD_VALUES[key]
        lines.append(f"{key}: {good if draw(st.integers(0, 3)) else draw(st.sampled_from(values))}")
    if not draw(st.integers(0, 4)):
        lines.append(draw(yaml_lines()))
    lines = draw(st.permutations(lines))
    body = draw(st.sampled_from(["", "Body.\n", "[x](javascript:alert(1))\n", "<script>x</script>",
                                 "---\nmore: yaml\n---\n", "\x00", "[" * 3000]))
    eol = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    text = f"{fence}\n" + "\n".join(lines) + f"\n{close}\n{body}"
    return text.replace("\n", eol)


def parse_or_error(data: bytes) -> None:
    lines = data.count(b"\n") + data.count(b"\r") + 1
    try:
        parse_entry(decode_text(data, SHOWN), "entries/fuzz.md", SHOWN)
        event("parsed")
    except TimelineError as exc:
        event("refused")
        assert_readable(exc, SHOWN, lines)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entry_texts())
def test_front_matter_is_parsed_or_refused_in_one_located_line(text):
    parse_or_error(text.encode("utf-8"))


VALID = ("---\ntitle: A call\ndate: 2024-01-02\nkind: call\npeople: [Ana, Bo]\n"
         "place: Geneva\nsources:\n  - outlet: Wire\n    url: https://x.example/a\n"
         "---\nBody with a [link](https://x.example/).\n").encode("utf-8")


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.binary(max_size=4)),
                min_size=1, max_size=6))
def test_random_byte_edits_of_a_good_entry(edits):
    data = bytearray(VALID)
    for at, new in edits:
        data[at:at + 1] = new
    parse_or_error(bytes(data))


# Registries and config ------------------------------------------------------------------

REG_KEYS = ["name", "aliases", "country", "roles", "description", "unconfirmed", "kind",
            "members", "title", "from", "to", "nmae"]


@st.composite
def registry_texts(draw):
    out = []
    for _ in range(draw(st.integers(0, 5))):
        ident = draw(st.sampled_from(["ana", "bo-li", "Ana", "ana", "../x", "con", "x y", "1",
                                      "yes", "'quoted'", "[a]", "josé", "-", "~"]))
        out.append(f"{ident}:")
        out.append(draw(yaml_lines(keys=REG_KEYS)).replace("\n", "\n  ").join(["  ", ""]))
    return "\n".join(out) + draw(st.sampled_from(["", "\n", "\n\t", "\n- x", "\n: y"]))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registry_texts(), st.sampled_from(["people", "forums"]))
def test_registries_load_or_refuse_in_one_located_line(text, which):
    shown = f"content/{which}.yaml"
    parse = parse_people if which == "people" else parse_forums
    try:
        data = parse_yaml(text, shown)
        if data is None:
            data = LineMap()
        if not isinstance(data, LineMap):
            raise TimelineError("a registry must be a mapping", shown, 1)
        parse(data, shown)
    except TimelineError as exc:
        assert_readable(exc, shown, text.count("\n") + 1)


CONFIG_KEYS = ["title", "description", "author", "base_url", "language", "order", "unreviewed",
               "raw_html", "cname", "content", "theme", "output", "baseurl", "Title"]
CONFIG_VALUES = TRAPS + ["https://u.github.io/r/", "http://x", "ftp://x/", "https://x/?q=1",
                         "oldest-first", "newest-first", "hide", "show", "mark", "/abs", "../up"]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_lines(keys=CONFIG_KEYS, values=CONFIG_VALUES))
@example('base_url: "ftp://x/\\nsecond line"\n')  # a value with a line break, once found at random
def test_config_loads_or_refuses_in_one_located_line(text):
    shown = "timeline.yaml"
    try:
        data = parse_yaml(text, shown)
        if data is None:
            data = LineMap()
        if not isinstance(data, LineMap):
            raise TimelineError("the config must be a mapping", shown, 1)
        parse_config(data, Path("/project"), shown)
    except TimelineError as exc:
        assert_readable(exc, shown, text.count("\n") + 1)


# A failed build never touches the site ---------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = minimal_project(tmp_path_factory.mktemp("fuzzbuild"))
    write(root / "content" / "people.yaml", "ana:\n  name: Ana\n")
    write(root / "content" / "entries" / "base.md",
          "---\ntitle: Base\ndate: 2024-01-02\npeople: [Ana]\n---\nHello.\n")
    config, _ = build(root)
    return root, config


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(entry_texts())
def test_a_build_either_succeeds_or_leaves_the_site_as_it_was(built, text):
    root, config = built
    fuzz = root / "content" / "entries" / "fuzz.md"
    before = tree_digest(config.output)
    fuzz.write_bytes(text.encode("utf-8"))
    try:
        result = build_site(config)
    except TimelineError as exc:
        event("refused")
        assert_readable(exc)
        assert any(p.path and p.path.endswith("fuzz.md") for p in
                   (exc.problems if isinstance(exc, ManyErrors) else [exc.problem]))
        assert tree_digest(config.output) == before
    else:
        event("built")
        assert result.entries in (1, 2)
        assert (config.output / "entries" / "base" / "index.html").is_file()
    finally:
        fuzz.unlink()
        build_site(config)


# YAML traps ------------------------------------------------------------------------------

def entry(front: str, body: str = "") -> str:
    return f"---\n{front}\n---\n{body}"


@pytest.mark.parametrize("front, field, value", [
    ("title: yes\ndate: 2024-01-02", "title", "yes"),
    ("title: 2022\ndate: 2024-01-02", "title", "2022"),
    ("title: 1e3\ndate: 2024-01-02", "title", "1e3"),
    ("title: T\ndate: 2024-01-02\nplace: no", "place", "no"),
    ("title: T\ndate: 2024-01-02\nplace: null", "place", None),
    ("title: T\ndate: 2024-01-02\nsummary: 0x1F", "summary", "0x1F"),
    ("title: T\ndate: 2024-01-02\npeople: [yes, no, 1]", "people", ["yes", "no", "1"]),
    ("title: T\ndate: 2024-01-02\ndraft: yes", "draft", True),
    ("title: T\ndate: 2024-01-02\ndraft: Off", "draft", False),
])
def test_booleans_and_numbers_stay_text_where_text_is_expected(front, field, value):
    assert getattr(parse_entry(entry(front), "e.md", "e.md"), field) == value


@pytest.mark.parametrize("front, line, words", [
    ("title: T\ndate: 2024-01-02\ndraft: maybe", 4, "true or false"),
    ("title: T\ndate: 2024-01-02\npeople:\n\t- A", 5, "tabs"),
    ("title: T\n\tdate: 2024-01-02", 3, "tabs"),
    ("title: T\ndate: 2024-01-02\ntitle: U", 4, "duplicate key 'title' (first on line 2)"),
    ("title: T\ndate: 2024-01-02T10:00:00+05:30", 3, "not a date"),
    ("title: T\ndate: 2024-01-02 10:00", 3, "not a date"),
    ("title: T\ndate: 2024-01-02T10:00Z", 3, "not a date"),
    ("title: T\ndate: 2023-02-29", 3, "February 2023 has 28 days"),
    ("title: T\ndate: 1900-02-29", 3, "February 1900 has 28 days"),
    ("title: T\ndate: 2024-04-31", 3, "April 2024 has 30 days"),
    ("title: T\ndate: 2024-13", 3, "no month 13"),
    ("title: T\ndate: 2024-00-10", 3, "no month 0"),
    ("title: T\ndate: 0000", 3, "no year 0"),
    ("title: T\ndate: 9999-12-31", 3, "last year"),
    ("title: T\ndate: 2024-1-2", 3, "not a date"),
    ("title: T\ndate: [2024]", 3, "expected a date"),
    ("title: T\ndate: 2024-01-02\nsources:\n  - published: 2024-02-30", 5, "29 days"),
    ("title: !!python/object/apply:os.system [echo hacked]\ndate: 2024", 2, "invalid YAML"),
    ("title: &a [*a]\ndate: 2024", 2, "anchors/aliases"),
])
def test_yaml_traps_are_located_errors(front, line, words):
    with pytest.raises(TimelineError) as info:
        parse_entry(entry(front), "e.md", "e.md")
    assert info.value.line == line, str(info.value)
    assert words in info.value.message
    assert_readable(info.value, "e.md")


def test_a_leap_day_in_a_leap_year_is_fine():
    assert parse_entry(entry("title: T\ndate: 2000-02-29"), "e.md", "e.md").date.iso() == "2000-02-29"


BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
                  for p, c in zip("abcdefgh", "bcdefghi")))


@pytest.mark.parametrize("where", ["entry", "people", "forums", "config"])
def test_a_billion_laughs_is_refused_quickly_wherever_it_is(tmp_path, where):
    root = minimal_project(tmp_path)
    if where == "entry":
        target = write(root / "content" / "entries" / "bomb.md",
                       "---\ntitle: T\ndate: 2024-01-02\nextra:\n  " + BOMB.replace("\n", "\n  ")
                       + "\n---\n")
    elif where == "config":
        target = write(root / "timeline.yaml", BOMB)
    else:
        target = write(root / "content" / f"{where}.yaml", BOMB)
    with pytest.raises(TimelineError) as info:
        build(root)
    assert_readable(info.value)
    text = str(info.value)
    assert target.name in text and "anchors/aliases" in text
    assert not (root / "site").exists()


def test_a_large_document_written_out_in_full_is_not_mistaken_for_a_bomb():
    """More values than the alias-expansion limit, but no alias: a big file, not a bomb."""
    from generator.content.yamlfile import MAX_NODES

    text = "k:\n" + "- x\n" * (MAX_NODES + 10_000)
    assert len(parse_yaml(text, "big.yaml")["k"]) == MAX_NODES + 10_000


# Encodings -------------------------------------------------------------------------------

GOOD = "---\ntitle: Café à Genève\ndate: 2024-01-02\npeople: [José]\n---\nDéjà vu.\n"


@pytest.mark.parametrize("name, data, ok, words", [
    ("utf8", GOOD.encode("utf-8"), True, ""),
    ("bom", b"\xef\xbb\xbf" + GOOD.encode("utf-8"), True, ""),
    ("crlf", GOOD.replace("\n", "\r\n").encode("utf-8"), True, ""),
    ("cr", GOOD.replace("\n", "\r").encode("utf-8"), True, ""),
    ("bom-crlf", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"), True, ""),
    ("utf16le", GOOD.encode("utf-16"), True, ""),
    ("utf16be", b"\xfe\xff" + GOOD.encode("utf-16-be"), True, ""),
    ("utf16-no-bom", GOOD.encode("utf-16-le"), False, "binary"),
    ("latin1", GOOD.encode("latin-1"), False, "not valid UTF-8"),
    ("cp1252", GOOD.replace("vu", "vu \u2019").encode("cp1252"), False, "not valid UTF-8"),
    ("surrogate", GOOD.encode("utf-8").replace(b"vu", b"\xed\xa0\x80"), False, "not valid UTF-8"),
    ("overlong", GOOD.encode("utf-8").replace(b"vu", b"\xc0\xaf"), False, "not valid UTF-8"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), False, "binary"),
    ("nul-late", GOOD.encode("utf-8") + b"x" * 9000 + b"\x00", "body", "control character"),
    ("nul-in-yaml", GOOD.encode("utf-8").replace(b"title: Caf", b"title: \x01Caf"), False,
     "control character U+0001"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 20 else "")
@pytest.mark.parametrize("kind", ["entry", "people", "config"])
def test_encodings_are_read_or_refused_clearly(tmp_path, name, data, ok, words, kind):
    root = minimal_project(tmp_path)
    write(root / "content" / "entries" / "base.md", GOOD)
    if kind == "entry":
        target = write(root / "content" / "entries" / "enc.md", data)
    elif kind == "people":
        text = "jose:\n  name: José\n  description: Déjà vu, à Genève.\n"
        raw = {"utf8": text.encode(), "bom": b"\xef\xbb\xbf" + text.encode(),
               "crlf": text.replace("\n", "\r\n").encode(), "cr": text.replace("\n", "\r").encode(),
               "bom-crlf": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
               "utf16le": text.encode("utf-16"), "utf16be": b"\xfe\xff" + text.encode("utf-16-be"),
               "utf16-no-bom": text.encode("utf-16-le"), "latin1": text.encode("latin-1"),
               "cp1252": text.replace("vu", "vu \u2019").encode("cp1252"),
               "surrogate": text.encode().replace(b"vu", b"\xed\xa0\x80"),
               "overlong": text.encode().replace(b"vu", b"\xc0\xaf"), "png": data,
               "nul-late": text.encode() + b"#" + b"x" * 9000 + b"\x00",
               "nul-in-yaml": text.encode().replace(b"name: Jos", b"name: \x01Jos")}[name]
        target = write(root / "content" / "people.yaml", raw)
    else:
        config = (root / "timeline.yaml").read_text("utf-8") + "description: Déjà vu à Genève\n"
        raw = {"utf8": config.encode(), "bom": b"\xef\xbb\xbf" + config.encode(),
               "crlf": config.replace("\n", "\r\n").encode(), "cr": config.replace("\n", "\r").encode(),
               "bom-crlf": b"\xef\xbb\xbf" + config.replace("\n", "\r\n").encode(),
               "utf16le": config.encode("utf-16"),
               "utf16be": b"\xfe\xff" + config.encode("utf-16-be"),
               "utf16-no-bom": config.encode("utf-16-le"), "latin1": config.encode("latin-1"),
               "cp1252": config.replace("vu", "vu \u2019").encode("cp1252"),
               "surrogate": config.encode().replace(b"vu", b"\xed\xa0\x80"),
               "overlong": config.encode().replace(b"vu", b"\xc0\xaf"), "png": data,
               "nul-late": config.encode() + b"#" + b"x" * 9000 + b"\x00",
               "nul-in-yaml": config.encode().replace(b"title: Att", b"title: \x01Att")}[name]
        target = write(root / "timeline.yaml", raw)
    if ok == "body":  # a NUL past the binary sniff is fine in Markdown, not in YAML
        ok = kind == "entry"
    if ok:
        cfg, result = build(root)
        assert result.entries == (2 if kind == "entry" else 1)
        home = (cfg.output / "index.html").read_text("utf-8")
        assert "Café à Genève" in home
        if kind == "people":
            page = (cfg.output / "people" / "jose" / "index.html").read_text("utf-8")
            assert "Déjà vu, à Genève." in page
        if kind == "config":
            assert "Déjà vu à Genève" in home
    else:
        with pytest.raises(TimelineError) as info:
            build(root)
        assert_readable(info.value)
        assert target.name in str(info.value) and words in str(info.value)
        assert not (root / "site").exists()


def test_a_latin1_error_names_the_line_of_the_first_bad_byte(tmp_path):
    path = write(tmp_path / "e.md", "---\ntitle: T\ndate: 2024-01-02\nplace: Genève\n---\n"
                 .encode("latin-1"))
    with pytest.raises(TimelineError) as info:
        decode_text(path.read_bytes(), path)
    assert info.value.line == 4


# Sizes --------------------------------------------------------------------------------------

def test_a_5_mb_article_builds_in_sensible_time(tmp_path):
    root = minimal_project(tmp_path)
    paragraph = ("The ministers met in Geneva and agreed on [trade](https://x.example/t), "
                 "*energy* and <b>security</b>; officials said [more talks] would follow. ") * 8
    count = 5 * 2**20 // (len(paragraph) + 2) + 1
    write(root / "content" / "entries" / "big.md",
          "---\ntitle: Big\ndate: 2024-01-02\n---\n" + "\n\n".join([paragraph] * count) + "\n")
    config, result = build(root)
    page = (config.output / "entries" / "big" / "index.html").read_bytes()
    assert len(page) > 5 * 2**20 and page.count(b"<strong>") == 0 and page.count(b"<b>") == 8 * count


def test_a_file_over_the_limit_is_refused_without_reading_it(tmp_path):
    root = minimal_project(tmp_path)
    big = root / "content" / "entries" / "huge.md"
    with open(big, "wb") as f:
        f.write(b"---\ntitle: T\ndate: 2024-01-02\n---\n")
        f.truncate(MAX_FILE_BYTES + 1)
    write(root / "content" / "people.yaml", b"")
    with open(root / "content" / "people.yaml", "wb") as f:
        f.truncate(MAX_FILE_BYTES + 10)
    content = load_content(root / "content")
    assert sorted(p.path.rsplit("/", 1)[1] for p in content.errors) == ["huge.md", "people.yaml"]
    for p in content.errors:
        assert "more than the 16 MB" in p.message and "\n" not in str(p)


@pytest.mark.parametrize("body", [
    "[" * 20_000, "[[" * 10_000, "<![CDATA[" * 3000, "![" * 10_000, "[a](" * 6000,
    "[" * 10_000 + "]" * 10_000, "intro\n\n" + "[^" * 8000,
], ids=["open", "double", "cdata", "images", "links", "nested", "footnotes"])
def test_bodies_that_would_take_markdown_minutes_are_refused_at_their_line(body):
    text = entry("title: T\ndate: 2024-01-02", "Fine first paragraph.\n\n" + body)
    with pytest.raises(TimelineError) as info:
        parse_entry(text, "e.md", "e.md")
    assert info.value.line == (9 if body.startswith("intro") else 7)
    assert "Markdown would take too long" in info.value.message


def test_the_body_guard_lets_long_real_text_through_and_markdown_stays_fast():
    import markdown

    prose = ("See [the report](https://x.example/r) [1] and the <em>annex</em>; a < b > c. "
             "Brackets [like this] and [that](/x) are common. ") * 40
    body = "\n\n".join([prose] * 200)
    assert check_body(body) is None
    for text in ("[" * 2500, "<![CDATA[" * 400, "[[" * 1200):  # just under the limit
        assert check_body("x\n\n" + text) is None
        markdown.markdown(text, extensions=["extra", "sane_lists"])


def test_the_body_guard_shortcut_agrees_with_the_full_scan():
    """Bodies with few openers skip the scan; the verdict never changes."""
    import random

    from generator.content.bodycheck import MAX_SCAN, SCAN_PER_CHAR, scan_cost

    rnd = random.Random(11)
    pieces = ["[", "]", "(", ")", "<", ">", "](", "word ", "\n\n", "[a](b) "]
    refused = short = 0
    for _ in range(300):
        weights = [rnd.random() ** 3 for _ in pieces]
        body = "".join(rnd.choices(pieces, weights, k=rnd.randint(700, 9000)))
        total = sum(scan_cost(block) for block in body.split("\n\n"))
        over = len(body) >= 2000 and total > MAX_SCAN + SCAN_PER_CHAR * len(body)
        assert (check_body(body) is not None) == over
        refused += over
        openers = sum(body.count(c) for c in "[<(")
        short += len(body) >= 2000 and openers * len(body) <= MAX_SCAN + SCAN_PER_CHAR * len(body)
    assert refused >= 10 and short >= 10  # both verdicts, and the shortcut, were tried


def test_a_10000_person_registry_and_an_entry_with_1000_people(tmp_path):
    root = minimal_project(tmp_path)
    write(root / "content" / "people.yaml", "".join(
        f"person-{i}:\n  name: Person Number {i}\n  aliases: [P{i}]\n  country: Land\n"
        f"  roles:\n    - title: Minister\n      from: 2020-01\n  description: Someone.\n"
        for i in range(10_000)))
    write(root / "content" / "entries" / "many.md", entry(
        "title: Everyone\ndate: 2024-01-02\npeople: ["
        + ", ".join(f"P{i * 7}" for i in range(1000)) + "]\nmentioned: ["
        + ", ".join(f"Unknown Someone {i}" for i in range(1000)) + "]"))
    content = load_content(root / "content")
    assert not content.errors and len(content.people) == 11_000
    assert len(content.entries[0].people) == 1000 and len(content.entries[0].mentioned) == 1000
    assert len(content.warnings) == 1001  # the unknown names, and the unknown country once
    assert "unknown country 'Land' of 'Person Number 0' and 9999 more" in content.warnings[0].message
    from generator.builder.graph import build_graph
    from generator.builder.pages import plan_pages
    from generator.config import load_config as load
    pages = plan_pages(build_graph(content), load(root / "timeline.yaml"))
    assert len(pages) == 2_000 + 8  # pages for the people the entry names, not all 11,000


def test_an_entry_with_1000_registered_people_builds(tmp_path):
    root = minimal_project(tmp_path)
    write(root / "content" / "people.yaml",
          "".join(f"p{i}:\n  name: Person {i}\n" for i in range(1000)))
    write(root / "content" / "entries" / "many.md", entry(
        "title: Everyone\ndate: 2024-01-02\npeople: ["
        + ", ".join(f"Person {i}" for i in range(1000)) + "]"))
    config, result = build(root)
    assert result.entries == 1 and result.pages == 1008
    page = (config.output / "entries" / "many" / "index.html").read_text("utf-8")
    assert page.count('href="/t/people/p') == 1000


# The converter ----------------------------------------------------------------------------

ARTICLE_BITS = [
    "Mehta and Okafor discuss maritime security in phone call\n",
    "Updated: March 4, 2022 09:15 IST\n", "By Courier Staff\n",
    "External Affairs Minister Rohan Mehta held a telephone conversation with US Secretary "
    "of State David Okafor on Thursday.\n",
    "<html><head><title>T</title><link rel=canonical href=\"javascript:alert(1)\">",
    "<meta property=\"article:published_time\" content=\"2022-13-45\">", "<h1>", "</h1>",
    "<script>alert(1)</script>", "<p>", "</p>", "\x00", "\ufeff", "\r\n", "\t", "]]>", "---\n",
    "title: x\n", "on 31 February 2023", "yesterday", "in Tokyo on Monday", "\u202e", "🙂",
    "[link](javascript:alert(1))", "<img src=x onerror=alert(1)>", "Q: \"quoted\"\n",
]

ARTICLES = sorted((REPO / "tests" / "fixtures" / "convert" / "articles").glob("f0[1-5]*"))


@st.composite
def articles(draw):
    """A fixture article with hostile bits spliced in between its lines."""
    lines = draw(st.sampled_from(ARTICLES)).read_text("utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(0, 6))):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(ARTICLE_BITS)))
    return "".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from([".txt", ".html"]),
       st.sampled_from(["utf-8", "utf-8", "utf-8", "latin-1", "utf-16"]))
def test_convert_never_crashes_and_writes_only_entries_that_parse(text, suffix, encoding):
    from generator.config import Config
    from generator.convert import command

    fixtures = REPO / "tests" / "fixtures" / "convert" / "registry"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        article = tmp / f"article{suffix}"
        article.write_bytes(text.encode(encoding, errors="replace"))
        out = tmp / "out"
        args = argparse.Namespace(paths=[str(article)], out=str(out), dry_run=False, json=False,
                                  add_people=False, full_text=False)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = command.run(args, Config(content=fixtures))
        assert code in (0, 1, 3)  # 3: an entry needs a date from the user
        for line in err.getvalue().splitlines():
            assert "Traceback" not in line and " object at 0x" not in line, line
        written = sorted(out.glob("*.md")) if out.exists() else []
        assert not [p for p in out.rglob("*") if p.suffix != ".md"] if out.exists() else True
        event(f"wrote {len(written)} entries")
        for path in written:
            entry_obj = parse_entry(path.read_text("utf-8"), path.name, path.name)
            assert all(s.url is None or s.url.startswith("http") for s in entry_obj.sources)
            # no HTML from the page gets through, even to a site that trusts raw HTML
            import markdown
            dom = Dom(markdown.markdown(entry_obj.body, extensions=["extra"]))
            assert not {t for t, _ in dom.tags} & {"script", "img", "iframe", "style"}, dom.tags
            assert not [a for _, attrs in dom.tags for a in attrs if a.startswith("on")]


# Things that are not files -------------------------------------------------------------------

@pytest.mark.parametrize("where", ["content/entries/odd.md", "content/people.yaml",
                                   "content/forums.yaml", "timeline.yaml"])
@pytest.mark.parametrize("kind", ["broken link", "pipe", "folder"])
def test_links_to_nothing_pipes_and_folders_are_refused_not_waited_on(tmp_path, where, kind):
    root = minimal_project(tmp_path)
    write(root / "content" / "entries" / "ok.md", entry("title: T\ndate: 2024-01-02"))
    target = root / where
    target.unlink(missing_ok=True)
    if kind == "broken link":
        target.symlink_to(tmp_path / "nowhere")
    elif kind == "pipe":
        os.mkfifo(target)  # opening it for reading would block until a writer comes
    else:
        target.mkdir()
    run = cli(root, "build", timeout=60)
    if kind == "folder" and where.endswith(".md"):  # just a folder of entries
        assert run.returncode == 0, run.stderr
        return
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert f"{where}: " in run.stderr and ("cannot read" in run.stderr or
                                          "not a regular file" in run.stderr or
                                          "config file not found" in run.stderr), run.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize("shape", ["flow", "dashes", "mappings"])
@pytest.mark.parametrize("where", ["entry", "people", "config"])
def test_nesting_deep_enough_to_crash_the_c_parser_is_refused(tmp_path, shape, where):
    """libyaml's composer recurses in C: some 30,000 levels killed the process."""
    n = 40_000
    value = {"flow": "[" * n + "]" * n, "dashes": "\n" + "- " * n + "x",
             "mappings": "{a: " * n + "x" + "}" * n}[shape]
    root = minimal_project(tmp_path)
    if where == "entry":
        target = write(root / "content" / "entries" / "deep.md",
                       f"---\ntitle: T\ndate: 2024-01-02\nextra:\n  k: {value}\n---\n")
    elif where == "people":
        target = write(root / "content" / "people.yaml", f"ana:\n  name: Ana\n  aliases: {value}\n")
    else:
        target = root / "timeline.yaml"
        target.write_text(target.read_text("utf-8") + f"description: {value}\n", "utf-8")
    run = cli(root, "build", timeout=60)
    assert run.returncode == 1, (run.returncode, run.stderr[-500:])  # not -11 (SIGSEGV)
    (line,) = [ln for ln in run.stderr.splitlines() if target.name in ln]
    assert "invalid YAML" in line and "Traceback" not in run.stderr


def test_a_body_nested_too_deeply_for_markdown_is_located_in_the_entry(tmp_path):
    root = minimal_project(tmp_path)
    write(root / "content" / "entries" / "ok.md", entry("title: Fine\ndate: 2024-01-01",
                                                       "> " * 5000 + "quoted\n\n" + "<div>" * 20000))
    write(root / "content" / "entries" / "deep.md", entry(
        "title: T\ndate: 2024-01-02", "".join("    " * i + "- x\n" for i in range(600))))
    with pytest.raises(TimelineError) as info:
        build(root)
    assert_readable(info.value)
    assert info.value.path.endswith("content/entries/deep.md") and info.value.line == 5
    assert "too deeply" in info.value.message
    (root / "content" / "entries" / "deep.md").unlink()
    config, result = build(root)  # the other one, deep but not too deep, builds
    assert result.entries == 1


@pytest.mark.parametrize("shape", ["one name", "names, dates and quotes", "article"])
def test_a_long_article_converts_to_a_reviewable_result(tmp_path, shape):
    """A page without full stops is one "sentence" of 60,000 words; a page of many lines is
    1.4 MB. Both convert to an answer (entries to review, or "no engagement") instead of
    crashing. How the time grows with the length is measured by bench/long_pages.py."""
    from bench.long_pages import page
    from generator.config import Config
    from generator.convert import command

    article = write(tmp_path / "article.txt", page(shape, 60_000))
    args = argparse.Namespace(paths=[str(article)], out=str(tmp_path / "out"), dry_run=True,
                              json=True, add_people=False, full_text=False)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = command.run(args, Config(content=REPO / "tests" / "fixtures" / "convert" / "registry"))
    (record,) = json.loads(out.getvalue())
    assert code in (0, 1, 3) and record["error"] is None, (code, record["status"], record["error"])
    assert record["engagements"] or record["status"] == "nothing written", record["status"]
