"""``timeline build``: content -> graph -> pages -> bytes -> site/ (atomically)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from generator.build import render as rendering
from generator.build.graph import build_graph
from generator.build.markdown_render import BodyRenderer
from generator.build.output import WriteStats, write_site
from generator.build.pages import plan_pages
from generator.build.urls import output_file
from generator.config import Config
from generator.content.loader import Content, load_content
from generator.errors import ManyErrors, Problem


@dataclass
class BuildResult:
    entries: int
    pages: int
    files: int
    seconds: float
    stats: WriteStats
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        return (f"built {self.entries} entries into {self.pages} pages "
                f"({len(self.stats.written)} written, {self.stats.unchanged} unchanged, "
                f"{len(self.stats.removed)} removed) in {self.seconds:.2f} s")


def read_static(theme: Path) -> dict[str, bytes]:
    static = theme / rendering.STATIC_DIR
    if not static.is_dir():
        return {}
    files = sorted(p for p in static.rglob("*") if p.is_file() and not p.name.startswith("."))
    return {p.relative_to(static).as_posix(): p.read_bytes() for p in files}


def visible(content: Content, config: Config) -> Content:
    """Drop entries the config hides (open review items with ``unreviewed: hide``)."""
    if config.unreviewed == "hide":
        content.entries = [e for e in content.entries if not e.review]
    return content


def render_site(content: Content, config: Config) -> tuple[dict[str, bytes], int]:
    """Every output file of the site, as bytes, and the number of HTML pages."""
    graph = build_graph(content)
    env = rendering.make_environment(config.theme)
    static = read_static(config.theme)
    hashes = rendering.asset_hashes(static)
    base = config.base_path
    env.globals.update(
        site=config, url=lambda p: base + p.lstrip("/"),
        asset=lambda name: f"{base}static/{name}?v={hashes.get(name, '0')}",
        person=graph.people.__getitem__, forum=graph.forums.__getitem__,
        stats={"entries": len(graph.entries),
               "people": sum(1 for p in graph.people if p in graph.by_person),
               "forums": sum(1 for f in graph.forums if f in graph.by_forum)})
    bodies = BodyRenderer(trust_raw_html=config.raw_html)
    pages = plan_pages(graph, config, lambda e: Markup(bodies.render(e.body)))
    files: dict[str, bytes] = {}
    for page in pages:
        html = rendering.render(env, page.template, page.context, config.theme)
        files[output_file(page.path)] = html.encode("utf-8")
    for name, data in static.items():
        files[f"static/{name}"] = data
    files[".nojekyll"] = b""
    return files, len(pages)


class Builder:
    """Builds one site again and again (``serve`` keeps one alive).

    ``build(changed)`` takes the paths that changed since the last call (None:
    unknown, rebuild everything); it may reuse earlier work but its output is
    always byte-identical to a clean build. On bad input it raises ManyErrors
    or TimelineError and leaves the output folder as it was.
    """

    def __init__(self, config: Config, drafts: bool = False):
        self.config = config
        self.drafts = drafts

    def build(self, changed: set[Path] | None = None) -> BuildResult:
        started = time.perf_counter()
        content = load_content(self.config.content, drafts=self.drafts)
        if content.errors:
            raise ManyErrors(content.errors)
        content = visible(content, self.config)
        files, pages = render_site(content, self.config)
        stats = write_site(Path(self.config.output), files)
        return BuildResult(len(content.entries), pages, len(files),
                           time.perf_counter() - started, stats, content.warnings)


def build_site(config: Config, drafts: bool = False) -> BuildResult:
    """Build the whole site once; raise ManyErrors (nothing written) on bad input."""
    return Builder(config, drafts).build()
