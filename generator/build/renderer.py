"""Rendering pages to bytes: one Jinja2 environment per build, with the
timeline item and entry body of each entry rendered once and reused on every
page that lists it; optionally spread over worker processes."""

from __future__ import annotations

import multiprocessing
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from markupsafe import Markup

from generator.build import render as rendering
from generator.build.graph import SiteGraph
from generator.build.markdown_render import BodyRenderer
from generator.build.output import NewTree
from generator.build.page_extras import template_globals
from generator.build.pages import Page
from generator.build.urls import output_file
from generator.config import Config
from generator.content.model import Entry
from generator.errors import TimelineError
from generator.workers import worker_count

PARALLEL_MIN_PAGES = 200  # below this, starting workers costs more than it saves (measured)


class PageRenderer:
    def __init__(self, graph: SiteGraph, config: Config, bodies: dict[str, str] | None = None,
                 items: dict[tuple[str, str, int], Markup] | None = None,
                 env: Any = None):
        """``env``: an environment from an earlier build with the same templates;
        its compiled templates are reused, its globals replaced."""
        self.config = config
        self.env = env if env is not None else rendering.make_environment(config.theme)
        self.bodies = bodies if bodies is not None else {}
        self.items = items if items is not None else {}
        self._markdown = BodyRenderer(trust_raw_html=config.raw_html)
        base = config.base_path
        self.env.globals.update(
            site=config, url=lambda p: base + p.lstrip("/"),
            asset=lambda name: f"{base}static/{name}",
            person=graph.people.__getitem__, forum=graph.forums.__getitem__,
            item_html=self.item_html, body_html=self.body_html)
        self.env.globals.update(template_globals(graph, config))
        self._item_template = self._template("item.html")

    def _template(self, name: str) -> Any:
        try:
            return self.env.get_template(name)
        except Exception as exc:  # noqa: BLE001 - located by template_error
            raise rendering.template_error(exc, self.config.theme) from None

    def body_html(self, entry: Entry) -> Markup:
        html = self.bodies.get(entry.digest)
        if html is None:
            try:
                html = self._markdown.render(entry.body)
            except RecursionError:  # else reported as an error of the template
                raise TimelineError("the body nests lists or quotes too deeply for Markdown; "
                                    "flatten it", self.config.content / entry.path,
                                    entry.body_line) from None
            self.bodies[entry.digest] = html
        return Markup(html)

    def item_html(self, entry: Entry, level: int) -> Markup:
        key = (entry.digest, entry.slug, level)
        html = self.items.get(key)
        if html is None:
            try:
                html = Markup(self._item_template.render(e=entry, level=level))
            except Exception as exc:  # noqa: BLE001
                raise rendering.template_error(exc, self.config.theme) from None
            self.items[key] = html
        return html

    def render(self, page: Page) -> bytes:
        return rendering.render(self.env, page.template, page.context,
                                self.config.theme).encode("utf-8")


_JOB: tuple[PageRenderer, list[Page], NewTree | None] | None = None
Staged = tuple[bool, int]  # a page put into a NewTree: written (not linked), size


def _render_slice(indexes: list[int]) -> tuple[list, dict[str, str]]:
    """Runs in a worker: the pages (or, with a tree, how each was staged), and
    the entry bodies it had to render."""
    assert _JOB is not None
    renderer, pages, tree = _JOB
    known = set(renderer.bodies)
    done = [_render_one(renderer, pages[i], tree) for i in indexes]
    return done, {k: v for k, v in renderer.bodies.items() if k not in known}


def _render_one(renderer: PageRenderer, page: Page, tree: NewTree | None) -> bytes | Staged:
    html = renderer.render(page)
    if tree is None:
        return html
    return tree.put(output_file(page.path), html), len(html)


MIN_SLICE = 24  # about as much work as 24 entry pages: a few milliseconds


def _slices(pages: list[Page], workers: int) -> list[list[int]]:
    """The pages' indexes in runs to hand out one by one: costly pages first
    and each run a share of the work left, so runs shrink towards the end and
    the workers finish together (guided self-scheduling). A list page costs
    more the more entries it shows."""
    weights = [1 + len(p.shows) // 20 for p in pages]
    order = sorted(range(len(pages)), key=lambda i: -weights[i])
    left = sum(weights)
    slices: list[list[int]] = []
    current: list[int] = []
    load = 0
    for i in order:
        current.append(i)
        load += weights[i]
        if load >= max(MIN_SLICE, left // (2 * workers)):
            slices.append(current)
            left -= load
            current, load = [], 0
    if current:
        slices.append(current)
    return slices


@contextmanager
def pages_rendering(renderer: PageRenderer, pages: list[Page],
                    tree: NewTree | None = None) -> Iterator[Callable[[], list]]:
    """Render ``pages`` while the caller does other work; the function given
    returns, in order, each page's bytes, or with ``tree`` how each page was
    staged in it. A large site is rendered by forked workers (they share the
    planned site for free, and write what they render), so the caller's work
    (feeds, exports) fills the gaps of two busy cores instead of following them."""
    workers = worker_count()
    if workers < 2 or len(pages) < PARALLEL_MIN_PAGES:
        yield lambda: [_render_one(renderer, p, tree) for p in pages]
        return
    global _JOB
    _JOB = (renderer, pages, tree)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            slices = _slices(pages, workers)
            pending = pool.map_async(_render_slice, slices, chunksize=1)

            def result() -> list:
                done: list = [None] * len(pages)
                for indexes, (chunk, bodies) in zip(slices, pending.get()):
                    renderer.bodies.update(bodies)
                    for i, page in zip(indexes, chunk):
                        done[i] = page
                return done

            yield result
    finally:
        _JOB = None


def _render_ahead(conn: Any, parents_end: Any, entries: list[Entry],
                  trust_raw_html: bool) -> None:
    """Runs in a helper: render bodies until told to stop, then send them all
    (sending as it goes would block on the pipe while the parent is busy)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parents_end.close()  # so that the parent's closing it reads as the end here
    markdown = BodyRenderer(trust_raw_html)
    done: dict[str, str] = {}
    for entry in entries:
        if conn.poll():
            break
        try:
            done[entry.digest] = markdown.render(entry.body)
        except Exception:  # noqa: BLE001 - the page's render reports it, located
            continue
    try:
        conn.recv()
        conn.send(done)
    except (EOFError, OSError):  # the parent gave up on the build: nothing to hand
        pass


@contextmanager
def bodies_ahead(entries: list[Entry], bodies: dict[str, str],
                 trust_raw_html: bool) -> Iterator[None]:
    """While the caller plans the pages on one core, a forked helper renders
    the missing entry bodies on another; what it finished joins ``bodies``
    when the block ends, and so reaches the render workers forked after it.
    Only for many missing bodies: a first build, or a new generator."""
    missing = [e for e in entries if e.digest not in bodies]
    if worker_count() < 2 or len(missing) < PARALLEL_MIN_PAGES:
        yield
        return
    context = multiprocessing.get_context("fork")
    mine, theirs = context.Pipe()
    helper = context.Process(target=_render_ahead, args=(theirs, mine, missing, trust_raw_html),
                             daemon=True)
    helper.start()
    theirs.close()
    try:
        yield
        mine.send("stop")
        bodies.update(mine.recv())
    finally:
        mine.close()
        helper.join(timeout=5)
        if helper.is_alive():  # only when the block failed before asking it to stop
            helper.kill()
            helper.join()


def render_pages(renderer: PageRenderer, pages: list[Page]) -> list[bytes]:
    with pages_rendering(renderer, pages) as result:
        return result()


def read_static(theme: Path) -> dict[str, bytes]:
    static = theme / rendering.STATIC_DIR
    if not static.is_dir():
        return {}
    files = sorted(p for p in static.rglob("*") if p.is_file() and not p.name.startswith("."))
    return {p.relative_to(static).as_posix(): p.read_bytes() for p in files}
