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
