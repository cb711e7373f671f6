"""A paginated timeline (a person's, forum's, country's, pair's or place's):
its first page gets every entry and the summaries, a later page only its own
entries and the total, so a change to one entry renders the first page and
the page that shows it, and the output is still a clean build's."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from generator.builder import pages as planning
from generator.builder.graph import build_graph
from generator.builder.page_renderer import PageRenderer
from generator.builder.site import Builder
from generator.config import load_config
from generator.content.loader import load_content
from test_demo_site import tree_digest
from test_incremental import clean_build

TIMELINES = ("person.html", "forum.html", "country.html", "relation.html", "place.html")


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(planning, "PAGE_SIZE", 10)
    out = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(out), "150",
                    "--seed", "2"], check=True, capture_output=True)
    return out


def test_later_pages_get_their_own_entries_and_the_total(corpus):
    config = load_config(corpus / "timeline.yaml")
    graph = build_graph(load_content(config.content, lazy=True))
    planned = [p for p in planning.plan_pages(graph, config) if p.template in TIMELINES]
    first = {p.path: p for p in planned if not p.context["pager_info"]
             or p.context["pager_info"]["number"] == 1}
    later = [p for p in planned if p.path not in first]
    assert {p.template for p in later} == set(TIMELINES)
    for page in later:
        shown = [e for _, months in page.context["groups"] for _, group in months for e in group]
        assert page.context["entries"] == sorted(shown, key=lambda e: e.sort_key)
        base = re.sub(r"page/\d+/$", "", page.path)
        assert page.context["count"] == len(first[base].context["entries"])
        assert not set(page.context) & {"people", "counterparts", "mentions", "forums",
                                        "participants", "levels", "gaps", "places", "countries",
                                        "spellings", "location"}
    for page in first.values():
        assert page.context["count"] == len(page.context["entries"])


def test_one_changed_entry_renders_the_first_page_and_its_own(corpus, tmp_path_factory,
                                                               monkeypatch):
    config = load_config(corpus / "timeline.yaml")
    builder = Builder(config)
    builder.build()
    rendered: list[str] = []
    render = PageRenderer.render
    monkeypatch.setattr(PageRenderer, "render",
                        lambda self, page: rendered.append(page.path) or render(self, page))
    entry = sorted((corpus / "content" / "entries").rglob("*.md"))[75]
    entry.write_text(entry.read_text().replace("summary: ", "summary: Edited. ", 1))
    builder.build({entry})
    ours = list(rendered)  # not the clean build's, rendered here beside other threads
    assert tree_digest(corpus / "site") == clean_build(corpus, tmp_path_factory)
    later = [path for path in ours if "/page/" in path and not path.startswith("years/")]
    timelines = {re.sub(r"page/\d+/$", "", path) for path in later}
    assert len(later) == len(timelines) >= 3  # one later page of each, the one showing it
    assert timelines <= set(ours)  # and its first page
