"""Rendering pages to bytes: one Jinja2 environment per build, with the
timeline item and entry body of each entry rendered once and reused on every
page that lists it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.builder import templating
from generator.builder.theme import template_dirs
from generator.builder.graph import SiteGraph
from generator.builder.markdown_body import BodyRenderer
from generator.builder.page_extras import template_globals
from generator.builder.pages import Page
from generator.builder.reads import Reads
from generator.config import Config
from generator.content.model import Entry
from generator.errors import TimelineError


Item = tuple[Markup, frozenset[str]]  # an entry's timeline item, and the helpers it read


class PageRenderer:
    def __init__(self, graph: SiteGraph, config: Config, bodies: dict[str, str] | None = None,
                 items: dict[tuple[str, str, int], Item] | None = None,
                 env: Any = None):
        """``env``: an environment from an earlier build with the same templates;
        its compiled templates are reused, its globals replaced."""
        self.config = config
        self.env = env if env is not None else templating.make_environment(template_dirs(config))
        self.bodies = bodies if bodies is not None else {}
        self.items = items if items is not None else {}
        self.reads = Reads()
        self._markdown = BodyRenderer(trust_raw_html=config.raw_html)
        base = config.base_path
        self.env.globals.update(
            site=config, url=lambda p: base + p.lstrip("/"),
            asset=lambda name: f"{base}static/{name}",
            person=graph.all_people.__getitem__, forum=graph.all_forums.__getitem__,
            item_html=self.item_html, body_html=self.body_html)
        self.env.globals.update(template_globals(graph, config, self.reads.note))
        self._item_template = self._template("item.html")

    def _template(self, name: str) -> Any:
        try:
            return self.env.get_template(name)
        except Exception as exc:  # noqa: BLE001 - located by template_error
            raise templating.template_error(exc, self.config.theme) from None

    def body_html(self, entry: Entry) -> Markup:
        key = self._markdown.cache_key(entry)
        html = self.bodies.get(key)
        if html is None:
            html = self.bodies[key] = render_body(self._markdown, entry, self.config.content)
        return Markup(html)

    def item_html(self, entry: Entry, level: int) -> Markup:
        """Rendered once per entry and level; the helpers it read count for
        every page that shows it."""
        key = (entry.digest, entry.slug, level)
        item = self.items.get(key)
        if item is None:
            outer, self.reads.now = self.reads.now, set()
            try:
                html = Markup(self._item_template.render(e=entry, level=level))
            except Exception as exc:  # noqa: BLE001
                raise templating.template_error(exc, self.config.theme) from None
            finally:
                read, self.reads.now = self.reads.now, outer
            item = self.items[key] = (html, frozenset(read))
        self.reads.now.update(item[1])
        return item[0]

    def render(self, page: Page) -> tuple[bytes, list[str]]:
        """The page's bytes, and the site-wide helpers its template called."""
        self.reads.take()
        html = templating.render(self.env, page.template, page.context, self.config.theme)
        return html.encode("utf-8"), self.reads.take()


def render_body(markdown: BodyRenderer, entry: Entry, content: Path) -> str:
    """An entry body as HTML; any failure is the entry's error, at its body's
    line, never a template's."""
    try:
        return markdown.render(entry.body)
    except RecursionError:
        message = "the body nests lists or quotes too deeply for Markdown; flatten it"
    except Exception as exc:  # noqa: BLE001 - a parser's bug on odd input: still located
        message = f"the body could not be rendered ({type(exc).__name__}: {exc})"
    raise TimelineError(message, content / entry.path, entry.body_line) from None
