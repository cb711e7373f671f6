"""Whole-site files joined from per-entry fragments equal a direct templating."""

import json

from generator.builder import fragments, search_index
from generator.builder.graph import build_graph
from generator.builder.site import Builder
from generator.config import load_config
from generator.content.loader import load_content


def test_search_index_from_fragments_equals_json_dump(project):
    config = load_config(project / "timeline.yaml")
    Builder(config).build()  # leaves fragments switched on for this site
    graph = build_graph(load_content(config.content))
    assert fragments._site is not None
    joined = search_index.index_files(graph, config)["search.json"]
    fragments.start_build(None)
    direct = json.dumps(search_index.build_index(graph, config), ensure_ascii=False,
                        separators=(",", ":")).encode()
    assert joined == direct
    assert json.loads(joined)["entries"][0][0] == graph.entries[-1].slug  # newest first


def test_a_summary_over_entries_is_kept_only_while_they_are_the_same_files(tmp_path,
                                                                          monkeypatch):
    from generator.content.dates import FuzzyDate
    from generator.content.model import Entry

    def entry(name: str, digest: str) -> Entry:
        return Entry(path=f"entries/{name}.md", slug=name, title=name, date=FuzzyDate(2024),
                     digest=digest)

    calls = []

    def count(entries, what):
        calls.append(what)
        return f"{what}: {len(entries)}"

    a, b = entry("a", "1"), entry("b", "2")
    fragments.start_build("site one")
    try:
        assert fragments.over(count, [a, b], "x") == "x: 2" == fragments.over(count, [a, b], "x")
        assert calls == ["x"]  # kept
        fragments.over(count, [b, a], "x")  # another order
        fragments.over(count, [a, entry("b", "3")], "x")  # b's file changed
        fragments.over(count, [a, entry("b", "3")], "y")  # another text argument
        assert calls == ["x", "x", "x", "y"]
        fragments.over(count, [a, Entry(path="", slug="c", title="c", date=FuzzyDate(2024))],
                       "x")  # not from a file: nothing to key on
        fragments.over(count, [a, Entry(path="", slug="c", title="c", date=FuzzyDate(2024))],
                       "x")
        assert calls[-2:] == ["x", "x"]
        looked = []  # the very same list (the graph's lists never change) is not looked at
        monkeypatch.setattr(fragments, "_cache_key", lambda e: looked.append(e) or e.cache_key)
        same = [a, b]
        assert fragments.over(count, same, "x") == fragments.over(count, same, "x") == "x: 2"
        assert looked == [a, b] and calls[-1] == "x" and len(calls) == 7
        monkeypatch.undo()
        fragments.start_build("site two")  # other registries, config or code
        fragments.over(count, [a, b], "x")
        assert len(calls) == 8
    finally:
        fragments.start_build(None)
    fragments.over(count, [a, b], "x")  # outside a builder: never kept
    fragments.over(count, [a, b], "x")
    assert len(calls) == 10


def test_a_kept_alive_build_follows_a_pair_whose_gaps_change_but_not_its_size(tmp_path):
    """timeline.json's pair records are kept between builds: a date moved
    within a pair changes its gaps, and the kept-alive build must say so."""
    from conftest import copy_demo
    from generator.builder.site import build_site

    project = copy_demo(tmp_path / "project")
    config = load_config(project / "timeline.yaml")
    builder = Builder(config)
    builder.build()
    path = project / "content" / "entries" / "2023-11-10-india-us-2-2-dialogue.md"
    before = json.loads((config.output / "timeline.json").read_text())
    path.write_text(path.read_text().replace("date: 2023-11-10", "date: 2021-03-01"))
    builder.build({path})
    after = json.loads((config.output / "timeline.json").read_text())
    pair = lambda data: next(r for r in data["relations"] if r["id"] == "in-us")  # noqa: E731
    assert pair(after)["engagements"] == pair(before)["engagements"]
    assert pair(after)["gaps"] != pair(before)["gaps"]
    clean = config.with_overrides(output=tmp_path / "clean")
    build_site(clean, use_cache=False)
    assert (clean.output / "timeline.json").read_bytes() == \
        (config.output / "timeline.json").read_bytes()
