"""Cached and incremental builds must give exactly what a clean build gives."""

from pathlib import Path

import pytest

from conftest import REPO
from generator.builder.site import Builder, build_site
from generator.config import load_config
from test_demo_site import tree_digest



def clean_build(project: Path, tmp_path_factory) -> dict[str, str]:
    config = load_config(project / "timeline.yaml")
    out = tmp_path_factory.mktemp("clean") / "site"
    build_site(config.with_overrides(output=out), use_cache=False)
    return tree_digest(out)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


EDITS = [
    ("entry title", lambda p: edit(p / "content/entries/2022-01-04-jaishankar-lavrov-call.md",
                                   "title: Jaishankar and Lavrov", "title: Lavrov and Jaishankar")),
    ("entry date moves it", lambda p: edit(p / "content/entries/2023-06-modi-washington-visit.md",
                                           "date: 2023-06", "date: 2021-11-20")),
    ("new entry", lambda p: (p / "content/entries/2024-01-01-new.md").write_text(
        "---\ntitle: A new call\ndate: 2024-01-02\nkind: call\npeople: [Lavrov, Payne]\n---\nText.\n")),
    ("deleted entry", lambda p: (p / "content/entries/2022-02-11-melbourne-meeting.md").unlink()),
    ("unknown name", lambda p: (p / "content/entries/2024-02-01-unknown.md").write_text(
        "---\ntitle: Talks\ndate: 2024-02\npeople: [Someone New, Lavrov]\n---\n")),
    ("second spelling", lambda p: (p / "content/entries/2024-03-01-again.md").write_text(
        "---\ntitle: More talks\ndate: 2024-03\npeople: [someone new]\n---\n")),
    ("first spelling gone", lambda p: (p / "content/entries/2024-02-01-unknown.md").unlink()),
    ("draft", lambda p: (p / "content/entries/2024-04-01-draft.md").write_text(
        "---\ntitle: Draft\ndate: 2024-04\ndraft: true\npeople: [Lavrov]\n---\n")),
    ("registry name", lambda p: edit(p / "content/people.yaml", "name: Sergey Lavrov",
                                     "name: Sergei Lavrov")),
    ("template", lambda p: edit(p / "theme/templates/item.html", '<p class="when">',
                                '<p class="when changed">')),
    ("stylesheet", lambda p: edit(p / "theme/static/style.css", "--radius: 10px", "--radius: 4px")),
    ("config", lambda p: edit(p / "timeline.yaml", "order: newest-first", "order: oldest-first")),
    ("place in another spelling", lambda p: edit(
        p / "content/entries/2023-09-g20-summit-new-delhi.md", "place: New Delhi", "place: Delhi")),
    ("ambiguous place", lambda p: (p / "content/entries/2024-05-01-hyderabad.md").write_text(
        "---\ntitle: Talks in Hyderabad\ndate: 2024-05\npeople: [Lavrov]\nplace: Hyderabad\n"
        "---\n")),
    ("alias removed", lambda p: edit(p / "content/places.yaml", "aliases: [Delhi]", "aliases: []")),
    ("alias added", lambda p: (p / "content/places.yaml").write_text(
        (p / "content/places.yaml").read_text() + "\nwashington-dc:\n  name: Washington DC\n"
        "  aliases: [Washington, Delhi]\n")),
    ("country picks", lambda p: (p / "content/places.yaml").write_text(
        (p / "content/places.yaml").read_text() + "\nhyderabad:\n  name: Hyderabad\n"
        "  country: Pakistan\n")),
    ("review hides", lambda p: (edit(p / "timeline.yaml", "unreviewed: mark", "unreviewed: hide"),
                                edit(p / "content/entries/2023-09-g20-summit-new-delhi.md",
                                     "kind: summit", "kind: summit\nreview: [check the month]"))),
]


@pytest.mark.parametrize("kept_alive", [False, True], ids=["cli", "serve"])
def test_each_change_in_turn_matches_a_clean_build(project, tmp_path_factory, kept_alive):
    config = load_config(project / "timeline.yaml")
    builder = Builder(config)
    first = builder.build()
    assert first.rendered == first.pages
    assert tree_digest(project / "site") == clean_build(project, tmp_path_factory)
    for name, change in EDITS:
        change(project)
        if not kept_alive:  # a new process: only the disk cache is shared
            builder = Builder(load_config(project / "timeline.yaml"))
        else:
            builder.config = load_config(project / "timeline.yaml")
        result = builder.build()
        assert tree_digest(project / "site") == clean_build(project, tmp_path_factory), name
        assert result.rendered < result.pages or name in ("template", "config", "registry name",
                                                          "review hides", "unknown name",
                                                          "second spelling",
                                                          "first spelling gone",
                                                          "alias removed", "alias added",
                                                          "country picks"), name


def test_one_entry_change_renders_only_what_shows_it(project):
    builder = Builder(load_config(project / "timeline.yaml"))
    builder.build()
    edit(project / "content/entries/2022-01-04-jaishankar-lavrov-call.md",
         "summary: >-", "summary: >-\n  Edited.")
    result = builder.build()
    written = set(result.stats.written)
    assert "entries/2022-01-04-jaishankar-lavrov-call/index.html" in written
    assert "people/sergey-lavrov/index.html" in written
    assert "forums/quad/index.html" not in written
    assert "entries/2023-11-10-india-us-2-2-dialogue/index.html" not in written
    assert result.rendered < 20


def test_no_change_rebuild_does_nothing_and_reports_last_warnings(project):
    (project / "content/entries/x.md").write_text("---\ntitle: x\ndate: 2022\npeople: [Jaishankr]\n---\n")
    Builder(load_config(project / "timeline.yaml")).build()
    again = Builder(load_config(project / "timeline.yaml")).build()
    assert again.rendered == 0 and again.stats.written == []
    assert [str(w) for w in again.warnings] and "Jaishankr" in str(again.warnings[0])


def test_a_corrupt_cache_is_ignored(project, tmp_path_factory):
    Builder(load_config(project / "timeline.yaml")).build()
    for f in (project / ".timeline-cache").glob("*-*"):
        f.write_bytes(b"garbage")
    edit(project / "content/entries/2022-01-04-jaishankar-lavrov-call.md", "title: J", "title: X J")
    Builder(load_config(project / "timeline.yaml")).build()
    assert tree_digest(project / "site") == clean_build(project, tmp_path_factory)


def test_kept_alive_builder_matches_clean_builds_on_a_larger_site(tmp_path, tmp_path_factory):
    """Small changes are planned from the changed entries alone; check that
    the pages they skip really are unchanged, on a site where windows matter."""
    import random
    import re
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(corpus), "300",
                    "--seed", "3"], check=True, capture_output=True)
    config = load_config(corpus / "timeline.yaml")
    builder = Builder(config)
    builder.build()
    files = sorted((corpus / "content" / "entries").rglob("*.md"))
    rng = random.Random(5)
    changes = [
        lambda p: edit(p, "title: \"", "title: \"Renamed "),
        lambda p: p.write_text(re.sub(r"date: [0-9-]+", "date: 2016-03-09", p.read_text(), count=1)),
        lambda p: edit(p, "people: [", "people: [\"Asha Anand\", "),
        lambda p: p.unlink(),
        lambda p: p.with_name("new-" + p.name).write_text(p.read_text().replace("title: \"", "title: \"Copy ")),
        lambda p: edit(p, "forums: [", "forums: [\"Forum 00 Dialogue\", "),
    ]
    for i, change in enumerate(changes):
        target = files.pop(rng.randrange(len(files)))
        change(target)
        result = builder.build()
        assert result.rendered < result.pages / 2, i
        assert tree_digest(corpus / "site") == clean_build(corpus, tmp_path_factory), i


def test_pages_rendered_by_forked_workers_match_one_process(tmp_path, monkeypatch):
    """The cold build of a large site spreads its pages over worker processes;
    the bytes, and the entry bodies the workers hand back, are the same."""
    import subprocess
    import sys

    from generator.builder import render_workers as renderer
    from generator.builder.graph import build_graph
    from generator.builder.pages import plan_pages
    from generator.content.loader import load_content

    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(corpus), "200",
                    "--seed", "4"], check=True, capture_output=True)
    config = load_config(corpus / "timeline.yaml")
    graph = build_graph(load_content(config.content))
    pages = plan_pages(graph, config)
    one = renderer.PageRenderer(graph, config)
    alone = [one.render(p)[0] for p in pages]
    monkeypatch.setattr(renderer, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(renderer, "worker_count", lambda: 2)
    spread = renderer.PageRenderer(graph, config)
    assert renderer.render_pages(spread, pages) == alone
    assert spread.bodies == one.bodies and len(spread.bodies) == len(graph.entries)
    slices = renderer._slices(pages, 2)
    assert sorted(i for s in slices for i in s) == list(range(len(pages)))
    cost = [sum(1 + len(pages[i].shows) // 20 for i in s) for s in slices]
    assert len(slices) > 8 and cost[0] > 4 * cost[-1]  # shrinking runs: an even finish
    assert pages[slices[0][0]].template != "entry.html"  # the costly list pages first


def test_a_first_build_written_by_workers_matches_one_process(tmp_path, monkeypatch):
    """A first build's pages are written into the new tree by the workers that
    render them; the tree is the one a single process writes."""
    import subprocess
    import sys

    from generator.builder import render_workers as renderer

    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(corpus), "250",
                    "--seed", "6"], check=True, capture_output=True)
    config = load_config(corpus / "timeline.yaml")
    trees = {}
    for workers in (1, 2):
        monkeypatch.setattr(renderer, "worker_count", lambda: workers)
        out = tmp_path / f"site-{workers}"
        result = build_site(config.with_overrides(output=out), use_cache=False)
        assert len(result.stats.written) == result.files and result.pages > renderer.PARALLEL_MIN_PAGES
        trees[workers] = tree_digest(out)
    assert trees[1] == trees[2] and len(trees[1]) > 250


def test_an_entry_saved_while_a_first_build_loads_is_built_by_the_next(project, monkeypatch):
    """A first build takes each entry's digest from the bytes its parse worker
    read, not from a second look later, so a save during the build is a change
    to the next build instead of passing as already built."""
    from generator.content import loader

    entry = project / "content/entries/2022-01-04-jaishankar-lavrov-call.md"
    parse_in_workers = loader.parse_in_workers

    def parse_then_save(files, parsed, digests=None):
        parse_in_workers(files, parsed, digests)
        edit(entry, "title: Jaishankar and Lavrov", "title: Saved mid-build, Jaishankar and Lavrov")

    monkeypatch.setattr(loader, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(loader, "worker_count", lambda: 2)
    monkeypatch.setattr(loader, "parse_in_workers", parse_then_save)
    config = load_config(project / "timeline.yaml")
    Builder(config).build()
    page = project / "site/entries/2022-01-04-jaishankar-lavrov-call/index.html"
    assert "Saved mid-build" not in page.read_text()
    monkeypatch.setattr(loader, "parse_in_workers", parse_in_workers)
    assert len(Builder(config).build().stats.written) > 0
    assert "Saved mid-build" in page.read_text()


def test_bodies_rendered_ahead_are_the_bodies_and_a_bad_one_is_still_located(tmp_path,
                                                                             monkeypatch, capfd):
    """A first build renders bodies in a helper while it plans; they equal the
    renderer's, and a body Markdown cannot take is left to the page render,
    which names the file and line."""
    import subprocess
    import sys
    import time

    from generator.builder import render_workers as renderer
    from generator.builder.markdown_body import BodyRenderer
    from generator.content.loader import load_content
    from generator.errors import TimelineError

    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(corpus), "250",
                    "--seed", "8"], check=True, capture_output=True)
    deep = corpus / "content" / "entries" / "deep.md"
    deep.write_text("---\ntitle: T\ndate: 2000-01-02\n---\n" +
                    "".join("    " * i + "- x\n" for i in range(250)))
    monkeypatch.setattr(renderer, "worker_count", lambda: 2)
    entries = load_content(corpus / "content").entries
    assert entries[0].path.endswith("deep.md")  # the first the helper takes
    bodies: dict[str, str] = {}
    with renderer.bodies_ahead(entries, bodies, trust_raw_html=False):
        time.sleep(2.0)  # ten times what all take
    markdown = BodyRenderer()
    assert len(bodies) == len(entries) - 1 and markdown.cache_key(entries[0]) not in bodies
    assert all(bodies[markdown.cache_key(e)] == markdown.render(e.body) for e in entries[1:])
    with pytest.raises(TimelineError) as info:
        build_site(load_config(corpus / "timeline.yaml"), use_cache=False)
    assert info.value.path.endswith("deep.md") and info.value.line == 5
    started = time.perf_counter()  # planning fails: the helper ends at once, quietly
    with pytest.raises(ValueError):
        with renderer.bodies_ahead(entries, {}, trust_raw_html=False):
            raise ValueError("planning failed")
    assert time.perf_counter() - started < 2 and "Traceback" not in capfd.readouterr().err
