"""A builder kept alive (``timeline serve``) told which files changed, and the
manifest it journals: the output must still be exactly a clean build's."""

import json
import re
import shutil
from pathlib import Path

from generator.builder.cache import BuildCache
from generator.builder.fingerprint import inputs_digest
from generator.builder.site import Builder
from generator.config import load_config
from test_demo_site import tree_digest
from test_incremental import clean_build

ENTRIES = "content/entries"
NEW_ENTRY = "---\ntitle: {title}\ndate: 2024-05-0{day}\nkind: call\npeople: [Lavrov]\n---\nText.\n"


def write(project: Path, rel: str, text: str) -> set[Path]:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return {path}


def move_folder_out(project: Path) -> set[Path]:
    """``mv content/entries/2024 elsewhere``: the watcher names the folder only."""
    folder = project / ENTRIES / "2024"
    shutil.move(folder, project / "elsewhere")
    return {folder}


# Each change returns the paths a watcher would report for it.
CHANGES = [
    ("title", lambda p: write(p, f"{ENTRIES}/2022-01-04-jaishankar-lavrov-call.md",
                              (p / ENTRIES / "2022-01-04-jaishankar-lavrov-call.md").read_text()
                              .replace("title: Jaishankar", "title: Renamed Jaishankar"))),
    ("new entry in a new folder", lambda p: write(p, f"{ENTRIES}/2024/a.md",
                                                  NEW_ENTRY.format(title="A call", day=1))
     | {p / ENTRIES / "2024"}),
    ("second new entry", lambda p: write(p, f"{ENTRIES}/2024/b.md",
                                         NEW_ENTRY.format(title="B call", day=2))),
    ("folder moved away", move_folder_out),
    ("a draft folder", lambda p: write(p, f"{ENTRIES}/_drafts/c.md",
                                       NEW_ENTRY.format(title="C call", day=3))),
    ("notes beside entries", lambda p: write(p, f"{ENTRIES}/notes.txt", "not an entry\n")),
    ("deleted entry", lambda p: ((p / ENTRIES / "2022-02-11-melbourne-meeting.md").unlink(),
                                 {p / ENTRIES / "2022-02-11-melbourne-meeting.md"})[1]),
    ("touched, same bytes", lambda p: write(p, f"{ENTRIES}/2023-06-modi-washington-visit.md",
                                            (p / ENTRIES / "2023-06-modi-washington-visit.md")
                                            .read_text())),
    ("registry and entry", lambda p: write(p, "content/people.yaml",
                                           (p / "content/people.yaml").read_text()
                                           .replace("name: Sergey Lavrov", "name: S. Lavrov"))
     | write(p, f"{ENTRIES}/2024-06-01-d.md", NEW_ENTRY.format(title="D call", day=4))),
    ("template and entry", lambda p: write(p, "theme/templates/item.html",
                                           (p / "theme/templates/item.html").read_text()
                                           .replace('<p class="when">', '<p class="when x">'))
     | write(p, f"{ENTRIES}/2024-06-02-e.md", NEW_ENTRY.format(title="E call", day=5))),
]


def test_builds_told_what_changed_match_clean_builds(project, tmp_path_factory):
    config = load_config(project / "timeline.yaml")
    builder = Builder(config)
    builder.build()
    for name, change in CHANGES:
        changed = change(project)
        result = builder.build(changed)
        assert tree_digest(project / "site") == clean_build(project, tmp_path_factory), name
        # The digest of all inputs, updated from the changed files, is what a walk gives:
        # a later `timeline build` with nothing changed stops at once.
        assert builder.manifest.files == inputs_digest(config, False)[0], name
        if name == "touched, same bytes":
            assert result.stats.written == [] and result.stats.removed == []


def test_the_journal_gives_the_manifest_a_new_process_needs(project, tmp_path_factory):
    builder = Builder(load_config(project / "timeline.yaml"))
    builder.build()
    cache = project / ".timeline-cache"
    for day in range(1, 4):
        builder.build(write(project, f"{ENTRIES}/2024-05-0{day}-x.md",
                            NEW_ENTRY.format(title=f"Call {day}", day=day)))
    journal, = cache.glob("journal-*")
    assert len(journal.read_bytes().splitlines()) == 3  # one line per build, no full rewrite
    loaded = BuildCache(project).load_manifest()
    assert loaded.fingerprints == builder.manifest.fingerprints
    assert loaded.sizes == builder.manifest.sizes and loaded.inputs == builder.manifest.inputs

    # A kill while appending leaves half a line: it is ignored, the rest is read.
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:2]) + lines[2][:40])
    second = json.loads(lines[1])
    assert BuildCache(project).load_manifest().inputs == second["inputs"]

    # That manifest is older than the output (its build was killed after writing
    # it): a new process trusts none of it and builds what a clean build gives.
    again = Builder(load_config(project / "timeline.yaml")).build()
    assert again.rendered == again.pages
    assert tree_digest(project / "site") == clean_build(project, tmp_path_factory)
    # Its own manifest describes the output: the next process has nothing to render.
    assert Builder(load_config(project / "timeline.yaml")).build().rendered == 0


def test_a_failed_build_after_a_template_change_is_not_forgotten(project, tmp_path_factory):
    """The template changes in a build that fails; the next build, after a fix of
    one entry only, must still re-render every page with the new template."""
    import pytest

    from generator.errors import TimelineError

    builder = Builder(load_config(project / "timeline.yaml"))
    builder.build()
    item = project / "theme/templates/item.html"
    item.write_text(item.read_text().replace(
        '<p class="when">',
        '{% if e.title == "Boom" %}{{ no_such_function() }}{% endif %}<p class="when new">'))
    entry = project / ENTRIES / "2022-01-04-jaishankar-lavrov-call.md"
    original = entry.read_text()
    entry.write_text(re.sub(r"(?m)^title: .*$", "title: Boom", original, count=1))
    with pytest.raises(TimelineError):
        builder.build({item, entry})
    entry.write_text(original)
    builder.build({entry})
    assert tree_digest(project / "site") == clean_build(project, tmp_path_factory)


def test_the_home_chart_follows_its_first_date_on_a_large_site(tmp_path, tmp_path_factory):
    """Above DETAIL_LIMIT the home page's chart draws monthly counts, but its
    label names the first and the last date: moving the first engagement by a
    day within its month must re-render the home page."""
    import subprocess
    import sys

    from conftest import REPO
    from generator.builder.charts import DETAIL_LIMIT
    from generator.builder.graph import build_graph
    from generator.content.loader import load_content

    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(corpus),
                    str(DETAIL_LIMIT + 20), "--seed", "4"], check=True, capture_output=True)
    config = load_config(corpus / "timeline.yaml")
    Builder(config).build()
    first = build_graph(load_content(config.content)).entries[0]
    assert first.date.month and first.date.day != 1  # it can move to the 1st, staying first
    path = config.content / first.path
    day = f"date: {first.date.year:04d}-{first.date.month:02d}-01"
    path.write_text(re.sub(r"(?m)^date: .*$", day, path.read_text(), count=1))
    Builder(load_config(corpus / "timeline.yaml")).build()
    assert tree_digest(corpus / "site") == clean_build(corpus, tmp_path_factory)


def test_a_build_with_nothing_to_do_removes_what_killed_builds_left(project):
    """A build killed after its renames leaves its staging folder; the next build
    removes it even when it has nothing else to do."""
    Builder(load_config(project / "timeline.yaml")).build()
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    leftover = project / f".site.{dead}-1.tmp" / "entries" / "x"
    leftover.mkdir(parents=True)
    (leftover / "index.html").write_text("half")
    result = Builder(load_config(project / "timeline.yaml")).build()
    assert result.stats.written == []
    assert not (project / f".site.{dead}-1.tmp").exists()
