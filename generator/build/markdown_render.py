"""Entry bodies: Markdown to HTML through one reused converter, then sanitised."""

from __future__ import annotations

import markdown

from generator.build.sanitize import sanitise_html

EXTENSIONS = ["extra", "sane_lists"]


class BodyRenderer:
    """One Markdown instance, reset between documents (building one costs ~1 ms)."""

    def __init__(self, trust_raw_html: bool = False):
        self.trust_raw_html = trust_raw_html
        self._md = markdown.Markdown(extensions=EXTENSIONS, output_format="html")

    def render(self, text: str) -> str:
        html = self._md.reset().convert(text)
        return html if self.trust_raw_html else sanitise_html(html)
