"""A body no parser expects never stops a build with a template's error or a
traceback: it is sanitised, or it is the entry's error with its file and line.
What the sanitiser writes is judged by html5lib, which parses as browsers
do (the WHATWG algorithm), not by the parser the sanitiser itself uses."""

import html
import re
from collections import Counter
from pathlib import Path

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.builder.markdown_body import BodyRenderer
from generator.builder.sanitize import ALLOWED_ATTRS, ALLOWED_TAGS, URL_ATTRS, sanitise_html
from generator.cli import main

XHTML = "http://www.w3.org/1999/xhtml"
ODD = "<div><![y[x]]></div>"


def write_entry(project: Path, body: str) -> Path:
    path = project / "content" / "entries" / "2022-05-01-odd.md"
    path.write_text("---\ntitle: Odd body\ndate: 2022-05-01\npeople: [Lavrov]\n---\n"
                    "First line.\n\n" + body + "\n")
    return path


def test_a_marked_section_no_parser_knows_is_sanitised(project, monkeypatch, capsys):
    """The issue's body: HTMLParser raised on it and the build blamed entry.html."""
    write_entry(project, f"Before.\n\n{ODD}\n\nAfter.")
    monkeypatch.chdir(project)
    assert main(["build"]) == 0, capsys.readouterr().err
    page = (project / "site" / "entries" / "2022-05-01-odd" / "index.html").read_text()
    assert "<p>Before.</p>\n<div></div>\n\n<p>After.</p>" in page


def test_a_body_that_fails_to_render_is_the_entrys_error_at_its_line(project, monkeypatch,
                                                                     capsys):
    """Whatever fails inside the body's rendering names the entry, not the template."""
    from generator.builder import markdown_body

    def broken(html_text: str) -> str:
        if "Plain text." in html_text:
            raise ValueError("a parser's bug")
        return sanitise_html(html_text)

    monkeypatch.setattr(markdown_body, "sanitise_html", broken)
    write_entry(project, "Plain text.")
    monkeypatch.chdir(project)
    assert main(["build"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("content/entries/2022-05-01-odd.md:6: ") and "a parser's bug" in err[0]
    assert "Traceback" not in "\n".join(err) and "templates" not in "\n".join(err)
    assert not (project / "site").exists()


def browser_scheme(url: str) -> str:
    """The scheme a browser reads (WHATWG URL): C0 controls and spaces trimmed,
    tabs and newlines removed, then a scheme only when a letter starts it."""
    url = re.sub(r"[\t\n\r]", "", url.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r"
                                            "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
                                            "\x1a\x1b\x1c\x1d\x1e\x1f "))
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return m.group(1).lower() if m else ""


def browser_tree(markup: str):
    """The DOM a browser builds for ``markup`` inside a ``<div>`` (html5lib's
    minidom builder: its ElementTree builder loses text moved out of tables)."""
    return html5lib.parseFragment(markup, container="div", treebuilder="dom")


def nodes(node):
    for child in node.childNodes:
        yield child
        yield from nodes(child)


def visible_text(root) -> str:
    return "".join(n.data for n in nodes(root) if n.nodeType == n.TEXT_NODE)


def assert_inert_to_a_browser(markup: str) -> None:
    root = browser_tree(markup)
    for el in nodes(root):
        if el.nodeType != el.ELEMENT_NODE:
            assert el.nodeType in (el.TEXT_NODE, el.COMMENT_NODE), (el, markup)
            continue
        assert el.namespaceURI == XHTML, (el.tagName, markup)  # no svg or math content
        assert el.tagName in ALLOWED_TAGS, (el.tagName, markup)
        allowed = ALLOWED_ATTRS["*"] | ALLOWED_ATTRS.get(el.tagName, set())
        for name, value in el.attributes.items():
            assert name in allowed, (el.tagName, name, markup)
            if name in URL_ATTRS:
                assert browser_scheme(value) in ("", "http", "https", "mailto"), (value, markup)
    # Text stays text and markup stays markup: the browser sees the same
    # characters of text (tables may move text, so compare them unordered).
    ours = html.unescape(re.sub(r"<[^>]*>", "", markup))
    keep = lambda s: Counter(c for c in s if not c.isspace() and c not in "\x00\ufffd")  # noqa: E731
    assert keep(visible_text(root)) == keep(ours), markup


PIECES = st.sampled_from([
    "<![", "<![y[", "<![CDATA[", "]]>", "]>", "<!", "<!-", "<!--", "-->", "--!>", "<!-->",
    "<!DOCTYPE html>", "<?", "?>", "<?xml x?>", "</", "</ x>", "<a", "<a ", "<a/", "<p>", "</p>",
    "<div>", "</div>", "<table>", "<tr>", "<td>", "</table>", "<svg>", "<math>", "<mtext>",
    "<script>", "</script>", "<style>", "</style>", "<textarea>", "<title>", "<xmp>",
    "<noembed>", "<noframes>", "<plaintext>", "<iframe>", "<select>", "<option>", "<template>",
    "<img src=x onerror=alert(1)>", "<a href=\"javascript:x\">", "<a href=java&#09;script:x>",
    " href=", " onclick=", "=", "\"", "'", ">", "<", "&", "&#", "&#0;", "&amp", "&lt;", ";",
    "x", "word", "[", "](", ")", "`", "*", "_", "\n", "\n\n", "    ", "> ", "- ", "1. ",
    "\x00", "\r", "{: .c}", "[^1]", "<b>", "</b>", "<em>", "<br/>", "<hr>", "<h1>",
])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=16).map("".join))
def test_any_body_renders_to_markup_a_browser_reads_as_inert(body):
    out = BodyRenderer().render(body)  # never raises
    assert_inert_to_a_browser(out)
    assert sanitise_html(out) == out  # what it wrote, it keeps


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=16).map("".join))
def test_any_markup_is_sanitised_into_what_a_browser_reads_as_inert(soup):
    assert_inert_to_a_browser(sanitise_html(soup))


@pytest.mark.parametrize("soup", [
    ODD, "<![ y", "<![CDATA[<script>alert(1)</script>]]>", "<![if !IE]>a<![endif]>",
    "a<![x>b", "<!-->c", "<div><![CDATA[<img src=x onerror=alert(1)>]]></div>",
])
def test_declarations_are_read_as_a_browser_reads_them(soup):
    out = sanitise_html(soup)
    assert_inert_to_a_browser(out)
    assert visible_text(browser_tree(out)).strip() == visible_text(browser_tree(soup)).strip()
