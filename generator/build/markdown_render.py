"""Entry bodies: Markdown to HTML through one reused converter, then sanitised."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from generator.build.sanitize import sanitise_html

EXTENSIONS = ["extra", "sane_lists"]

# The inline patterns of EXTENSIONS, and what each needs to match: a backslash,
# backtick, bracket, ``!``, ``<``, ``&``, ``*``, ``_``, or two spaces before a
# line end. Stash placeholders (\x02, \x03) and attribute lists ({) are left
# to the patterns too. A text with none of these is printed as it is.
PLAIN_SAFE_PATTERNS = {  # with the names older versions gave the * and _ patterns
    "backtick", "escape", "footnote", "reference", "link", "image_link", "image_reference",
    "short_reference", "short_image_ref", "autolink", "automail", "linebreak", "html",
    "entity", "em_strong", "em_strong2", "not_strong", "strong", "emphasis", "strong_em",
}
INLINE_TRIGGER = re.compile(r"[\\`\[\]!<&*_\x02\x03{}]|  \n")
# The block processors of EXTENSIONS. A block whose every line starts with a
# letter or an opening quote can only be a paragraph: headings, rules, quotes,
# lists, code, table rulers, definitions, footnotes, references and raw HTML
# all start a line with something else.
PARAGRAPH_SAFE_BLOCKS = {
    "markdown_block", "empty", "indent", "defindent", "code", "table", "hashheader",
    "setextheader", "hr", "olist", "ulist", "deflist", "quote", "footnote", "abbr",
    "reference", "paragraph",
}
_LINE = r"""(?:[^\W\d_]|["'(\u201c\u2018]).*"""  # a letter or an opening quote first
PLAIN_BLOCK = re.compile(f"{_LINE}(?:\n{_LINE})*")


class _PlainParagraph(BlockProcessor):
    """A plain block, outside lists and quotes, becomes a paragraph without
    asking the ~15 block processors before Python-Markdown's own."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return not self.parser.state and PLAIN_BLOCK.fullmatch(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        etree.SubElement(parent, "p").text = blocks.pop(0)


class _SkipPlain(Treeprocessor):
    """Before the inline patterns: mark texts no pattern can match as atomic,
    so they skip the ~15 pattern searches each (half of Python-Markdown's time
    on typical bodies)."""

    def __init__(self, md: markdown.Markdown, marked: list):
        super().__init__(md)
        self.marked = marked

    def run(self, root: etree.Element) -> None:
        marked = self.marked
        marked.clear()
        trigger = INLINE_TRIGGER.search
        for el in root.iter():
            text = el.text
            if text and type(text) is str and trigger(text) is None:
                el.text = AtomicString(text)
                marked.append((el, True))
            tail = el.tail
            if tail and type(tail) is str and trigger(tail) is None:
                el.tail = AtomicString(tail)
                marked.append((el, False))


class _Unmark(Treeprocessor):
    """After the inline patterns: plain strings again, for the processors that
    follow (abbreviations skip atomic text)."""

    def __init__(self, md: markdown.Markdown, marked: list):
        super().__init__(md)
        self.marked = marked

    def run(self, root: etree.Element) -> None:
        for el, is_text in self.marked:
            if is_text:
                if type(el.text) is AtomicString:
                    el.text = str(el.text)
            elif type(el.tail) is AtomicString:
                el.tail = str(el.tail)
        self.marked.clear()


class PlainFastPath(Extension):
    """Plain paragraphs and texts the short way: output identical to
    Python-Markdown's, 45% faster on typical bodies. Each shortcut is off when
    an extension registers a processor it does not know."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        blocks = md.parser.blockprocessors
        if _names(blocks) <= PARAGRAPH_SAFE_BLOCKS:
            top = max(item.priority for item in blocks._priority)
            blocks.register(_PlainParagraph(md.parser), "plain_paragraph", top + 5)
        if not _names(md.inlinePatterns) <= PLAIN_SAFE_PATTERNS:
            return
        inline = md.treeprocessors.get_index_for_name("inline")
        priority = md.treeprocessors._priority[inline].priority
        marked: list = []
        md.treeprocessors.register(_SkipPlain(md, marked), "skip_plain", priority + 0.5)
        md.treeprocessors.register(_Unmark(md, marked), "unmark_plain", priority - 0.5)


def _names(registry: markdown.util.Registry) -> set[str]:
    return {item.name for item in registry._priority}


class BodyRenderer:
    """One Markdown instance, reset between documents (building one costs ~1 ms)."""

    def __init__(self, trust_raw_html: bool = False):
        self.trust_raw_html = trust_raw_html
        self._md = markdown.Markdown(extensions=[*EXTENSIONS, PlainFastPath()],
                                     output_format="html")

    def render(self, text: str) -> str:
        html = self._md.reset().convert(text)
        return html if self.trust_raw_html else sanitise_html(html)
