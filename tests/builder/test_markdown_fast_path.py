"""The plain-text shortcuts in entry bodies change speed, never output."""

from __future__ import annotations

import random

import markdown

from generator.builder.markdown_body import EXTENSIONS, SKIPPABLE, BodyRenderer

# Lines of every kind Markdown treats specially, and plain ones in between.
LINES = [
    "Plain words here", "More plain text", "Title", "===", "---", "# Head", "> quote",
    "- item", "* item", "+ item", "1. one", "2) two", "    code", "\tcode", "", "", "",
    ": def", "Term", ":   def two", "| a | b |", "|---|---|", "a | b", "[r]: http://x.org",
    "[^1]: note", "*[ABBR]: Expanded", "ABBR in plain text", "text [^1] ref",
    "<div>raw</div>", '<div markdown="1">', "</div>", "~~~", "```", "***", "___",
    "ends with two spaces  ", "ends with a backslash\\", "{: .cls}", "word {: #id}",
    "ABBR and *em*", "x & y", "<http://a.b>", "  - nested", "   > lazy quote",
    "\u00c9cole plain", '"Quoted" start', "(aside) text", "\u201cCurly\u201d quote",
    "_under_ start", "plain:colon", "see [a link](http://x.org)", "![img](i.png)",
    "`code` span", "x <b>bold</b> y", "&amp; entity", "2024 was a year",
    "escaped \\*stars\\* here", "a_b_c plain", "a backslash \\. alone",
    "Head | row", "Next | row", "&#169; &copy AT&T", "x\\y", "{curly} text", "<!-- note -->",
    "a < b > c", "Heading text {#anchor}", "{.plain}",
]


def random_documents(count: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return ["\n".join(rnd.choice(LINES) for _ in range(rnd.randint(1, 12)))
            for _ in range(count)]


def test_the_shortcuts_are_in_use():
    md = BodyRenderer()._md
    assert "plain_paragraph" in md.parser.blockprocessors
    assert "skip_plain" in md.treeprocessors and "unmark_plain" in md.treeprocessors
    assert "keep_source" in md.preprocessors
    for (kind, name) in SKIPPABLE:
        assert type(getattr(md, kind)[name]).__name__ == "_Unless", name


def test_output_is_python_markdowns_own():
    plain = markdown.Markdown(extensions=EXTENSIONS, output_format="html")
    fast = BodyRenderer(trust_raw_html=True)
    docs = random_documents(4000) + [
        "*[HTML]: Hyper Text\n\nHTML in a plain paragraph\n\n- HTML in a list",
        "Para\nsecond line\nthird line\n\nNext para",
        "Para\n# heading after a plain line", "Setext title\n---", "Term\n\n:   definition",
    ]
    differ = [d for d in docs if plain.reset().convert(d) != fast.render(d)]
    assert differ == []


def test_abbreviations_still_apply_to_plain_text():
    html = BodyRenderer().render("*[UN]: United Nations\n\nTalks at the UN today.")
    assert '<abbr title="United Nations">UN</abbr>' in html


def test_an_unknown_processor_turns_the_skipping_off():
    from generator.builder.markdown_body import PlainFastPath
    md = markdown.Markdown(extensions=[*EXTENSIONS, "toc", PlainFastPath()])
    assert "keep_source" not in md.preprocessors
    assert type(md.treeprocessors["unescape"]).__name__ != "_Unless"
