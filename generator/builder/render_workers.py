"""Spreading a render over the cores: forked workers render pages (and write
them into a new tree), and a helper renders entry bodies ahead while the
pages are planned."""

from __future__ import annotations

import multiprocessing
import signal
from contextlib import contextmanager
from itertools import compress
from operator import attrgetter, not_
from typing import Any, Callable, Iterator

from generator.builder.markdown_body import BodyRenderer, settings_key
from generator.builder.output import NewTree
from generator.builder.page_renderer import PageRenderer
from generator.builder.pages import Page
from generator.builder.urls import output_file
from generator.content.model import Entry
from generator.workers import die_with_parent, worker_count

PARALLEL_MIN_PAGES = 200  # below this, starting workers costs more than it saves (measured)


_JOB: tuple[PageRenderer, list[Page], NewTree | None] | None = None
Staged = tuple[bool, int]  # a page put into a NewTree: written (not linked), size
Rendered = tuple["bytes | Staged", list[str]]  # a page, and the site-wide helpers it read


def _render_slice(indexes: list[int]) -> tuple[list, dict[str, str]]:
    """Runs in a worker: the pages (or, with a tree, how each was staged) with
    what each read, and the entry bodies it had to render."""
    assert _JOB is not None
    renderer, pages, tree = _JOB
    known = set(renderer.bodies)
    done = [_render_one(renderer, pages[i], tree) for i in indexes]
    return done, {k: v for k, v in renderer.bodies.items() if k not in known}


def _render_one(renderer: PageRenderer, page: Page, tree: NewTree | None) -> Rendered:
    html, reads = renderer.render(page)
    if tree is None:
        return html, reads
    return (tree.put(output_file(page.path), html), len(html)), reads


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
    staged in it, each with the site-wide helpers it read. A large site is rendered by forked workers (they share the
    planned site for free, and write what they render), so the caller's work
    (feeds, exports) fills the gaps of two busy cores instead of following them."""
    workers = worker_count()
    if workers < 2 or len(pages) < PARALLEL_MIN_PAGES:
        yield lambda: [_render_one(renderer, p, tree) for p in pages]
        return
    global _JOB
    _JOB = (renderer, pages, tree)
    try:
        with multiprocessing.get_context("fork").Pool(workers, die_with_parent) as pool:
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
    die_with_parent()
    parents_end.close()  # so that the parent's closing it reads as the end here
    markdown = BodyRenderer(trust_raw_html)
    done: dict[str, str] = {}
    for entry in entries:
        if conn.poll():
            break
        try:
            done[markdown.cache_key(entry)] = markdown.render(entry.body)
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
    known = map(bodies.__contains__, map(settings_key(trust_raw_html).__add__,
                                         map(attrgetter("digest"), entries)))
    missing = list(compress(entries, map(not_, known)))  # in C: cheap at 10,000
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
    """The pages' bytes, rendered by workers when they are many."""
    with pages_rendering(renderer, pages) as result:
        return [html for html, _ in result()]
