"""``timeline build``: content -> graph -> pages -> bytes -> site/.

A build renders only pages whose fingerprint changed since the last build
(kept in ``.timeline-cache/``), spreads a large render over the cores, and
writes a complete new tree that is swapped in at once. A ``Builder`` kept
alive (``timeline serve``) also remembers parsed entries and rendered items in
memory and updates the live tree in place, file by atomic file.
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from operator import methodcaller
from pathlib import Path
from typing import Callable

from generator.builder import fragments
from generator.builder.affected import Selection, affected
from generator.builder.cache import BuildCache, Manifest, output_matches
from generator.builder.fingerprint import (SUM_MODULUS, ContextDigests, content_digest,
                                           file_term, inputs_digest, site_digest, with_reads)
from generator.builder.graph import SiteGraph, build_graph
from generator.builder.graph_update import update_graph
from generator.builder.heap import fewer_collections, settle_memory
from generator.builder.lock import Held, output_lock
from generator.builder.outputs import SITEMAP, Kept, extra_files, nothing_kept
from generator.builder.output import (NewTree, WriteStats, check_output_folder,
                                    remove_leftovers, swap_only, swap_site, write_site)
from generator.builder.pages import ALWAYS_PLANNED, Page, plan_pages
from generator.builder.reads import ReadValues
from generator.builder.markdown_body import settings_key
from generator.builder.page_renderer import PageRenderer
from generator.builder.theme import read_static
from generator.builder.render_workers import bodies_ahead, pages_rendering
from generator.builder.urls import output_file
from generator.config import Config
from generator.content.files import FileDigests
from generator.content.loader import (ENTRIES_DIR, FORUMS_FILE, PEOPLE_FILE, PLACES_FILE,
                                      Content, is_entry_file, load_content)
from generator.content.reload import reload_content
from generator.errors import ManyErrors, Problem


@dataclass
class BuildResult:
    entries: int
    pages: int
    files: int
    seconds: float
    stats: WriteStats
    warnings: list[Problem] = field(default_factory=list)
    rendered: int = 0

    def summary(self) -> str:
        entries = f"{self.entries} entr{'y' if self.entries == 1 else 'ies'}"
        pages = f"{self.pages} page{'' if self.pages == 1 else 's'}"
        return (f"built {entries} into {pages} "
                f"({len(self.stats.written)} written, {self.stats.unchanged} unchanged, "
                f"{len(self.stats.removed)} removed) in {self.seconds:.2f} s")


def visible(content: Content, config: Config) -> Content:
    """Drop entries the config hides (open review items with ``unreviewed: hide``)."""
    if config.unreviewed == "hide":
        return dataclasses.replace(content, entries=[e for e in content.entries if not e.review])
    return content


def other_files(graph: SiteGraph, config: Config, page_paths: list[str],
                static: dict[str, bytes], kept: Kept = nothing_kept) -> dict[str, bytes]:
    """Everything that is not a page: theme assets, feeds, exports, sitemap."""
    files = {f"static/{name}": data for name, data in static.items()}
    files[".nojekyll"] = b""
    files.update(extra_files(graph, config, page_paths, kept))
    return files


def render_site(content: Content, config: Config) -> tuple[dict[str, bytes], int]:
    """Every output file of the site, in memory, with no cache (``check`` uses it)."""
    fragments.start_build(None)  # no fragments of another site's build
    graph = build_graph(content)
    pages = plan_pages(graph, config)
    renderer = PageRenderer(graph, config)
    files = {output_file(p.path): renderer.render(p)[0] for p in pages}
    page_paths = sorted(urls_file_to_path(output_file(p.path)) for p in pages)
    files.update(other_files(graph, config, page_paths, read_static(config)))
    return files, len(pages)


class Builder:
    """Builds one site again and again.

    ``build(changed)`` may be told which paths changed (``timeline serve``'s
    watcher knows). When they are all entry files, only they are looked at;
    otherwise every input file is re-checked by its digest. Output is always
    byte-identical to a clean build. On bad input it raises ManyErrors or
    TimelineError and leaves the output as it was.
    """

    def __init__(self, config: Config, drafts: bool = False, use_cache: bool = True):
        self.config = config
        self.drafts = drafts
        self.cache = BuildCache(config.root) if use_cache else None
        self.parsed: dict | None = None
        self.parsed_registries: dict = {}  # (path, digest) -> Registry, see load_cached
        self.bodies: dict[str, str] | None = None
        self.items: dict = {}
        self.manifest: Manifest | None = None
        self.site = ""
        self.digests = FileDigests()
        self.graph: SiteGraph | None = None  # of the output's build, to plan small changes
        self.built_site = ""  # site digest of the output's build
        self.builds = 0  # successful builds so far
        self.saved_caches = False
        self.env = None  # the Jinja2 environment, kept while templates do not change
        self.content: Content | None = None  # as loaded, before hiding entries
        self.registries: tuple[str, ...] = ()
        self.extras: dict[str, bytes] = {}  # last build's non-page files, by identity
        self.page_paths: list[str] = []  # last build's pages, for the sitemap
        self.content_sum = 0  # files_sum of the content folder as last looked at
        self.digested: dict = {}  # lists the last build's fingerprints digested

    def build(self, changed: set[Path] | None = None) -> BuildResult:
        """Build, holding the output's lock (waiting while another build has it)."""
        config, out = self.config, Path(self.config.output)
        check_output_folder(out, config.root, {"content folder": config.content,
                                               "theme folder": config.theme})
        with fewer_collections(), output_lock(out) as held:
            self._trust(held.previous)
            return self._build(changed, held)

    def _trust(self, stamp: str) -> None:
        """Keep what this builder knows of the output only if the last build
        that changed it was this builder's (see ``lock``)."""
        if self.manifest is not None and self.manifest.stamp != stamp:
            self.manifest = None  # another process built: what memory says is stale
            self.graph, self.extras, self.page_paths, self.built_site = None, {}, [], ""
            self.saved_caches = False
        if self.manifest is None:
            manifest = self.cache.load_manifest() if self.cache else Manifest()
            self.manifest = manifest if manifest.stamp == stamp else Manifest(stamp=stamp)

    def _build(self, changed: set[Path] | None, held: Held) -> BuildResult:
        started = time.perf_counter()
        config, out = self.config, Path(self.config.output)
        old = self.manifest
        self.digests.begin()
        hint = self._entry_hint(changed)
        files_seen = ""
        if hint is None and old.files:  # else nothing to compare: digest after loading
            files_seen, self.content_sum = inputs_digest(config, self.drafts, self.digests)
            if old.files == files_seen and output_matches(out, old):
                self._tidy(out)
                warnings = [Problem(m, p, ln, "warning") for m, p, ln in old.warnings]
                return BuildResult(old.entries, len(old.fingerprints), len(old.sizes),
                                   time.perf_counter() - started,
                                   WriteStats(unchanged=len(old.sizes)), warnings)
        if self.parsed is None:
            self.parsed = self.cache.load("entries") if self.cache else {}
            self.parsed_registries = self.cache.load("registries") if self.cache else {}
        before = self.content
        content = self._load(hint)
        if content.errors:
            raise ManyErrors(content.errors)
        if hint is not None:  # the digest of every input, from the changed files only
            self.content_sum = _updated_sum(self.content_sum, hint, before.seen, content.seen)
            files_seen, _ = inputs_digest(config, self.drafts, self.digests, self.content_sum)
        elif not files_seen:  # from the digests the loader took as it read each file
            files_seen, self.content_sum = inputs_digest(config, self.drafts, self.digests)
        content = visible(content, config)
        static = read_static(config)
        site = site_digest(config, content, self.drafts)
        inputs = content_digest(site, content, static)
        if old.inputs == inputs and output_matches(out, old):
            self._tidy(out)
            if self.cache and old.files != files_seen:
                old.files = files_seen
                self.cache.save_manifest(old)
            return BuildResult(len(content.entries), len(old.fingerprints), len(old.sizes),
                               time.perf_counter() - started,
                               WriteStats(unchanged=len(old.sizes)), content.warnings)
        fragments.start_build(site)
        same_place = old.output == str(out.resolve())
        graph = self._graph(content)
        only = None
        same_site = site == self.built_site  # of the build the output holds
        if same_site and self.graph is not None and same_place:
            only = affected(self.graph, graph)
        if site != self.site:  # what the items and templates kept in memory are for
            self.items = {}
            self.env = None
            self.site = site
        if self.bodies is None:
            self.bodies = self.cache.load("bodies") if self.cache else {}
        if only is not None and any(name not in ALWAYS_PLANNED_FILES for name in old.reads):
            only = None  # a page read a site-wide helper: any entry may change it
        values = ReadValues(graph)
        # With a selection at most affected.MAX_CHANGED entries changed, and only their
        # bodies can be missing: too few for the helper, and looking costs.
        with bodies_ahead(content.entries if only is None else [], self.bodies, config.raw_html):
            pages = plan_pages(graph, config, only)
            contexts = ContextDigests(site, self.digested)
            fingerprints, reads, todo, keep, bases = self._sort_out(pages, only, old, out,
                                                                    contexts, same_place, values)
            self.digested = contexts.lists
        renderer = PageRenderer(graph, config, self.bodies, self.items, self.env)
        self.env = renderer.env
        same_pages = same_site and fingerprints.keys() == old.fingerprints.keys()
        page_paths = self.page_paths if same_pages and self.page_paths else \
            sorted(urls_file_to_path(name) for name in fingerprints)
        previous = set(old.sizes) if same_place else None

        def meanwhile() -> dict[str, bytes]:  # what this process does while workers render
            extras = other_files(graph, config, page_paths, static, self._kept(only, same_pages))
            self._save_parsed(content)
            return extras

        held.writing()
        extras, stats, sizes, done_reads = self._render_and_write(out, renderer, todo, meanwhile,
                                                                  keep, previous)
        for name, base in bases.items():  # now that they are known: what each page read
            fingerprints[name] = with_reads(base, done_reads[name], values)
            reads.pop(name, None)
            if done_reads[name]:
                reads[name] = done_reads[name]
        fragments.finish_build(graph.entries)
        # What the output now holds, for planning the next build from this one.
        self.built_site, self.graph, self.extras, self.page_paths = site, graph, extras, page_paths
        sizes.update(zip(keep, map(old.sizes.__getitem__, keep)))  # in C: thousands
        self.manifest = Manifest(str(out.resolve()), inputs, fingerprints, sizes, files_seen,
                                 [[w.message, w.path, w.line] for w in content.warnings],
                                 len(content.entries), reads, held.stamp)
        self._save(content, old)
        self.builds += 1
        if self.builds > 1:  # kept alive: a big heap that lives on
            settle_memory(full=only is None)
        return BuildResult(len(content.entries), len(fingerprints), len(sizes),
                           time.perf_counter() - started, stats, content.warnings, len(todo))

    def _render_and_write(self, out: Path, renderer: PageRenderer, todo: list[Page],
                          meanwhile: Callable[[], dict[str, bytes]], keep: set[str],
                          previous: set[str] | None,
                          ) -> tuple[dict[str, bytes], WriteStats, dict[str, int],
                                     dict[str, list[str]]]:
        """Render the pages while the other files are made, then write them all;
        also returns what each rendered page read. With no tree to patch (a
        first build) the render workers put the pages straight into the new
        tree instead of handing them back."""
        tree = NewTree(out) if swap_only(out, previous) else None
        try:
            with pages_rendering(renderer, todo, tree) as rendered:
                extras = meanwhile()
                done = {output_file(p.path): page for p, page in zip(todo, rendered())}
        except BaseException:
            if tree is not None:
                tree.discard()
            raise
        reads = {name: read for name, (_, read) in done.items()}
        if tree is None:
            files = {**{name: html for name, (html, _) in done.items()}, **extras}
            stats = write_site(out, files, keep, previous,
                               self.extras if previous is not None else None)
            return extras, stats, {name: len(data) for name, data in files.items()}, reads
        stats = swap_site(tree, extras, {name: new for name, ((new, _), _) in done.items()}, keep)
        sizes = {name: size for name, ((_, size), _) in done.items()}
        sizes.update((name, len(data)) for name, data in extras.items())
        return extras, stats, sizes, reads

    @staticmethod
    def _sort_out(pages: list[Page], only: Selection | None, old: Manifest, out: Path,
                  contexts: ContextDigests, same_place: bool, values: ReadValues,
                  ) -> tuple[dict[str, str], dict[str, list[str]], list[Page], set[str],
                             dict[str, str]]:
        """Fingerprint every page; split them into pages to render and files to
        keep. Returns the fingerprints, what kept pages read, the pages to
        render, the files to keep, and the fingerprints of the pages to
        render before what they read is known."""
        fingerprints: dict[str, str] = {}
        reads: dict[str, list[str]] = {}
        todo: list[Page] = []
        keep: set[str] = set()
        bases: dict[str, str] = {}
        if only is not None:  # pages no change can reach: as they were
            reached = {output_file(p.path) for p in pages}  # and all under a selected page:
            reached.update(filter(methodcaller("startswith", only.prefixes()), old.fingerprints))
            fingerprints = dict(old.fingerprints)
            for name in reached:
                fingerprints.pop(name, None)
            reads = {name: read for name, read in old.reads.items() if name in fingerprints}
            keep = set(fingerprints)
        for page in pages:
            name = output_file(page.path)
            base = contexts.page(page)
            before = old.reads.get(name, [])
            fp = with_reads(base, before, values)
            if (same_place and old.fingerprints.get(name) == fp
                    and _has_size(out / name, old.sizes.get(name))):
                keep.add(name)
                fingerprints[name] = fp
                if before:
                    reads[name] = before
            else:
                todo.append(page)
                bases[name] = fingerprints[name] = base
        return fingerprints, reads, todo, keep, bases

    def _graph(self, content: Content) -> SiteGraph:
        """The site graph, updated from the last build's when few entries changed."""
        if self.graph is not None:
            graph = update_graph(self.graph, content)
            if graph is not None:
                return graph
        return build_graph(content)

    def _tidy(self, out: Path) -> None:
        """A first build with nothing to do still removes what killed builds left."""
        if not self.builds:
            remove_leftovers(out)

    def _kept(self, only: Selection | None, same_pages: bool) -> Kept:
        """Last build's files that this build cannot change: the sitemap when
        the set of pages is the same, and the files of the people and forums
        no changed entry involves."""
        last = self.extras
        selected = only.prefixes() if only is not None else ()

        def kept(path: str) -> bytes | None:
            if path == SITEMAP:
                return last.get(path) if same_pages else None
            return None if only is None or path.startswith(selected) else last.get(path)

        return kept

    def _entry_hint(self, changed: set[Path] | None) -> list[str] | None:
        """The changed entry files, relative to the entries folder, when the
        changed paths are entry files alone and the last content is at hand
        (then the digest of all inputs can be updated from them alone)."""
        if not changed or self.content is None:
            return None
        entries = os.path.abspath(self.config.content / ENTRIES_DIR) + os.sep
        hint = []
        for path in changed:
            full = os.path.abspath(path)
            if not full.startswith(entries):
                return None  # registries, theme, config: look at everything
            rel = full[len(entries):].replace(os.sep, "/")
            if not is_entry_file(rel):
                return None  # a folder (which entries went with it?), notes, drafts
            hint.append(rel)
        return sorted(hint)

    def _load(self, hint: list[str] | None) -> Content:
        """Patch the last content with the changed files when that is safe, else load all."""
        registries = tuple(self.digests.digest(p) if p.exists() else ""
                           for p in (self.config.content / PEOPLE_FILE,
                                     self.config.content / FORUMS_FILE,
                                     self.config.content / PLACES_FILE))
        content = None
        if self.content is not None and registries == self.registries:
            content = reload_content(self.content, self.config.content, self.drafts,
                                     self.parsed, self.digests, hint)
        if content is None:
            known = set(self.parsed_registries)
            content = load_content(self.config.content, drafts=self.drafts, parsed=self.parsed,
                                   digests=self.digests, registries=self.parsed_registries,
                                   lazy=True)
            self._keep_registries(known)
        self.content = None if content.errors else content
        self.registries = registries
        return content

    def _keep_registries(self, known: set) -> None:
        """Keep the registries just read (two), and store them when they are new."""
        if set(self.parsed_registries) == known:
            return
        current = set(self.parsed_registries) - known
        self.parsed_registries = {k: v for k, v in self.parsed_registries.items()
                                  if k in current or k[0] not in {c[0] for c in current}}
        if self.cache:  # an optimisation only: keyed on the bytes, never stale
            # Registries read lazily are not stored: indexing their text again
            # costs what unpickling it would, and pickling costs as much again.
            self.cache.save("registries", {k: v for k, v in self.parsed_registries.items()
                                           if isinstance(v.items, dict)})

    def _save_parsed(self, content: Content) -> None:
        """Keep only the parsed entries the current content can use; store them
        on a builder's first build (later ones change only the manifest)."""
        if len(self.parsed or {}) > len(content.entries) + _slack(content):
            current = {(e.path, e.digest) for e in content.entries}
            self.parsed = {k: v for k, v in (self.parsed or {}).items() if k in current}
        if self.cache and not self.saved_caches:
            # An optimisation only: stale caches of entries and bodies are never wrong.
            self.cache.save("entries", self.parsed)

    def _save(self, content: Content, old: Manifest) -> None:
        """Keep only the bodies the current content can use, then store them
        and the manifest; ``old`` is the manifest the cache holds, so a
        kept-alive builder appends only the difference."""
        if len(self.bodies or {}) > len(content.entries) + _slack(content):
            key = settings_key(self.config.raw_html)
            current = {key + e.digest for e in content.entries}
            self.bodies = {k: v for k, v in (self.bodies or {}).items() if k in current}
        if not self.cache:
            return
        if self.saved_caches:
            self.cache.append_manifest(old, self.manifest)
            return
        self.cache.save("bodies", self.bodies)
        self.cache.save_manifest(self.manifest)
        self.saved_caches = True


ALWAYS_PLANNED_FILES = {output_file(path) for path in ALWAYS_PLANNED}


def _slack(content: Content) -> int:
    """How many old versions of entries a preview may keep in memory."""
    return len(content.entries) // 10 + 100


def _updated_sum(total: int, hint: list[str], before: dict[str, str],
                 after: dict[str, str]) -> int:
    """``files_sum`` of the content folder after only the ``hint`` entry files changed."""
    for rel in hint:
        key = f"{ENTRIES_DIR}/{rel}"
        if key in before:
            total -= file_term(key, before[key])
        if key in after:
            total += file_term(key, after[key])
    return total % SUM_MODULUS


def urls_file_to_path(name: str) -> str:
    """``entries/x/index.html`` -> ``entries/x/``: the page path of an output file."""
    return name[:-len("index.html")] if name.endswith("index.html") else name


def _has_size(path: Path, size: int | None) -> bool:
    try:
        return size is not None and path.stat().st_size == size
    except OSError:
        return False


def build_site(config: Config, drafts: bool = False, use_cache: bool = True) -> BuildResult:
    """Build the whole site once; raise ManyErrors (nothing written) on bad input."""
    return Builder(config, drafts, use_cache).build()
