"""The Pages workflow's cache: .timeline-cache/, site/ and .site.lock restored
into a fresh checkout (new files, new dates, same path) make a one-entry push
render only what that entry reaches, and the result equals a clean build."""

import re
import shutil

from conftest import copy_demo
from test_cli import run

CACHED = (".timeline-cache", "site", ".site.lock")  # the paths in pages.yml


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_restored_cache_in_a_fresh_checkout_renders_only_what_changed(tmp_path):
    project = copy_demo(tmp_path / "repo")
    first = run(project, "build")
    assert first.returncode == 0, first.stderr
    total = int(re.search(r"\((\d+) written", first.stdout).group(1))
    saved = tmp_path / "cache"
    saved.mkdir()
    for name in CACHED:
        shutil.move(project / name, saved / name)
    shutil.rmtree(project)
    copy_demo(project)  # the next run's checkout: same path, new files
    for name in CACHED:
        shutil.move(saved / name, project / name)
    entry = project / "content/entries/2022-01-04-jaishankar-lavrov-call.md"
    entry.write_text(entry.read_text().replace("title: Jaishankar", "title: Then Jaishankar", 1))
    second = run(project, "build")
    assert second.returncode == 0, second.stderr
    written = int(re.search(r"\((\d+) written", second.stdout).group(1))
    assert 0 < written < total / 3, (total, second.stdout)
    clean = copy_demo(tmp_path / "clean")
    shutil.copy2(entry, clean / "content/entries" / entry.name)
    assert run(clean, "build").returncode == 0
    assert files(project / "site") == files(clean / "site")
