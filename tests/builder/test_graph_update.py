"""The site graph updated for a few changed entries is the graph a full
indexing gives, field by field and in the same order; lists no change
reaches are carried over as the same objects."""

import dataclasses
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from generator.builder.fingerprint import ContextDigests
from generator.builder.graph import SiteGraph, build_graph
from generator.builder.graph_update import update_graph
from generator.builder.pages import plan_pages
from generator.config import load_config
from generator.content.files import FileDigests
from generator.content.loader import load_content
from generator.content.model import Entry
from generator.content.reload import reload_content

PEOPLE = ["Asha Anand", "Boris Berg", "Chen Costa", "Dana Dutt", "Nobody Known"]
PLACES = ["New Delhi", "Delhi", "Tokyo", "Camp Nowhere", "Geneva", ""]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("graph") / "corpus"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(out), "400",
                    "--seed", "3"], check=True, capture_output=True)
    return out


def comparable(value, depth: int = 0):
    """Entries by identity, dicts as ordered items, sets sorted: what equality must hold."""
    if isinstance(value, Entry):
        return ("entry", id(value))
    if isinstance(value, dict):
        return [(k, comparable(v, depth + 1)) for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return [comparable(v, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return value


def assert_same_graph(got: SiteGraph, expected: SiteGraph) -> None:
    for field in dataclasses.fields(SiteGraph):
        if field.name in ("place_index", "side_levels"):  # the same object; a cache
            continue
        assert comparable(getattr(got, field.name)) == \
            comparable(getattr(expected, field.name)), field.name


def edit(rng: random.Random, entries_dir: Path, counter: list[int]) -> str:
    """One random change to one entry file (or a new or deleted one); its path."""
    files = sorted(entries_dir.rglob("*.md"))
    path = rng.choice(files)
    text = path.read_text()
    what = rng.choice(["summary", "summary", "date", "people", "place", "kind", "title",
                       "delete", "add"])
    if what == "summary":
        text = text.replace("summary: ", f"summary: Edited {counter[0]}. ", 1)
    elif what == "date":
        text = re.sub(r"(?m)^date: .*$", f"date: {rng.randint(2014, 2024)}-"
                      f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", text, count=1)
    elif what == "people":
        chosen = rng.sample(PEOPLE, rng.randint(1, 3))
        text = re.sub(r"(?m)^people: .*$", f"people: {chosen}", text, count=1)
    elif what == "place":
        text = re.sub(r"(?m)^place: .*$", f"place: {rng.choice(PLACES)}", text, count=1)
    elif what == "kind":
        text = re.sub(r"(?m)^kind: .*$", f"kind: {rng.choice(['call', 'summit', 'other'])}",
                      text, count=1)
    elif what == "title":
        text = re.sub(r"(?m)^title: .*$", f"title: A retitled engagement {counter[0]}", text,
                      count=1)
    elif what == "delete":
        path.unlink()
        return str(path)
    else:
        path = path.with_name(f"added-{counter[0]}.md")
    counter[0] += 1
    path.write_text(text)
    return str(path)


def test_updated_graphs_are_the_graphs_a_full_indexing_gives(corpus):
    """Also: page fingerprints that reuse the last build's digests of lists
    (the same objects) are the fingerprints worked out afresh."""
    config = load_config(corpus / "timeline.yaml")
    entries_dir = corpus / "content" / "entries"
    parsed, digests = {}, FileDigests()
    content = load_content(corpus / "content", parsed=parsed, digests=digests, lazy=True)
    graph = build_graph(content)
    rng, counter, updated, earlier = random.Random(5), [0], 0, {}
    for step in range(120):
        changed = [edit(rng, entries_dir, counter) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        hint = sorted({str(Path(p).relative_to(entries_dir)) for p in changed})
        digests.begin()
        new = reload_content(content, corpus / "content", False, parsed, digests, hint)
        if new is None:  # a change the loader will not patch: a full load, new objects
            new = load_content(corpus / "content", parsed=parsed, digests=digests, lazy=True)
            assert update_graph(graph, new) is None, step
        expected = build_graph(new)
        got = update_graph(graph, new)
        if got is not None:
            updated += 1
            assert_same_graph(got, expected)
            moved = set(map(id, graph.entries)) ^ set(map(id, new.entries))
            for key, after in got.by_person.items():  # lists no change reaches: the same ones
                before = graph.by_person[key]
                reached = any(id(e) in moved for e in (*before, *after))
                assert (after is before) == (not reached), (step, key)
            if step % 4 == 0:
                reusing = ContextDigests("site", earlier)
                for page in plan_pages(got, config):
                    assert reusing.page(page) == ContextDigests("site").page(page), page.path
                earlier = reusing.lists
        content, graph = new, got or expected
    assert updated >= 80  # most changes were made by updating


def test_nothing_changed_gives_an_equal_graph_of_the_same_lists(corpus):
    content = load_content(corpus / "content", lazy=True)
    graph = build_graph(content)
    got = update_graph(graph, content)
    assert_same_graph(got, build_graph(content))
    assert all(got.by_country[k] is v for k, v in graph.by_country.items())


def test_other_registries_build_the_graph_anew(corpus):
    content = load_content(corpus / "content", lazy=True)
    assert update_graph(build_graph(content), load_content(corpus / "content", lazy=True)) is None
