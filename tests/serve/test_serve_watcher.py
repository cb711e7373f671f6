"""The file-system watchers: a save is seen at once (inotify) or soon (polling),
new folders are followed, editor droppings and the output are ignored."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import pytest

from generator.serve.watcher import (InotifyWatcher, PollingWatcher, Watched, ignored,
                                     make_watcher)

KINDS = [InotifyWatcher, PollingWatcher]


def run(main) -> None:
    """asyncio.run in a thread of its own: Playwright's sync API keeps a loop
    running in the main thread once a browser test has run."""
    errors: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(main())
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    if errors:
        raise errors[0]


def project(tmp_path: Path) -> tuple[Path, Watched]:
    (tmp_path / "content" / "entries").mkdir(parents=True)
    (tmp_path / "theme" / "static").mkdir(parents=True)
    (tmp_path / "content" / "entries" / "a.md").write_text("a")
    (tmp_path / "timeline.yaml").write_text("title: x\n")
    (tmp_path / "other.txt").write_text("not watched")
    watched = Watched([tmp_path / "content", tmp_path / "theme"], [tmp_path / "timeline.yaml"],
                      skip=[tmp_path / "content" / "site"])
    return tmp_path, watched


def observe(kind, watched: Watched, action, settle: float = 0.3,
            expect: bool = True) -> set[Path]:
    """Run ``action`` with a watcher running; every path reported until quiet."""
    seen: set[Path] = set()

    async def main() -> None:
        watcher = kind(watched, interval=0.05) if kind is PollingWatcher else kind(watched)
        loop = asyncio.get_running_loop()
        got = asyncio.Event()

        def on_change(changed, created):
            assert changed is not None
            assert created <= changed
            seen.update(changed)
            got.set()

        watcher.start(loop, on_change)
        try:
            await loop.run_in_executor(None, action)
            if expect:
                try:
                    await asyncio.wait_for(got.wait(), 5)
                except asyncio.TimeoutError:
                    pass
            await asyncio.sleep(settle)  # anything late
        finally:
            watcher.close()

    run(main)
    return seen


@pytest.mark.parametrize("kind", KINDS)
def test_modify_create_delete(kind, tmp_path):
    root, watched = project(tmp_path)
    entries = root / "content" / "entries"

    def act():
        (entries / "a.md").write_text("changed")
        (entries / "b.md").write_text("new")
        (root / "theme" / "static" / "style.css").write_text("body{}")

    assert observe(kind, watched, act) == {entries / "a.md", entries / "b.md",
                                           root / "theme" / "static" / "style.css"}
    assert observe(kind, watched, lambda: (entries / "a.md").unlink()) == {entries / "a.md"}


@pytest.mark.parametrize("kind", KINDS)
def test_files_in_a_new_folder_are_seen(kind, tmp_path):
    root, watched = project(tmp_path)

    def act():
        deep = root / "content" / "entries" / "2024" / "march"
        deep.mkdir(parents=True)
        (deep / "c.md").write_text("c")

    assert root / "content" / "entries" / "2024" / "march" / "c.md" in observe(kind, watched,
                                                                                act)

    def later():  # and the new folder is watched from now on
        (root / "content" / "entries" / "2024" / "march" / "c.md").write_text("c2")

    assert observe(kind, watched, later) == {root / "content/entries/2024/march/c.md"}


@pytest.mark.parametrize("kind", KINDS)
def test_config_saved_by_rename_is_seen_and_neighbours_are_not(kind, tmp_path):
    root, watched = project(tmp_path)

    def act():
        (root / "other.txt").write_text("still not watched")
        (root / "timeline.new").write_text("title: y\n")
        os.replace(root / "timeline.new", root / "timeline.yaml")

    assert observe(kind, watched, act) == {root / "timeline.yaml"}


@pytest.mark.parametrize("kind", KINDS)
def test_editor_droppings_and_the_output_are_ignored(kind, tmp_path):
    root, watched = project(tmp_path)
    entries = root / "content" / "entries"

    def act():
        (entries / ".a.md.swp").write_text("x")
        (entries / "a.md~").write_text("x")
        (entries / "4913").write_text("x")
        (entries / "#a.md#").write_text("x")
        (root / "content" / "site").mkdir()
        (root / "content" / "site" / "index.html").write_text("x")
        (entries / ".git").mkdir()
        (entries / ".git" / "HEAD").write_text("x")

    assert observe(kind, watched, act, settle=0.5, expect=False) == set()


def test_inotify_reports_a_temporary_file_as_created(tmp_path):
    root, watched = project(tmp_path)
    entries = root / "content" / "entries"
    created_seen: set[Path] = set()

    async def main() -> None:
        watcher = InotifyWatcher(watched)
        done = asyncio.Event()

        def on_change(changed, created):
            created_seen.update(created)
            if entries / "a.md" in changed:
                done.set()

        watcher.start(asyncio.get_running_loop(), on_change)
        (entries / "sedX1").write_text("new a")
        os.replace(entries / "sedX1", entries / "a.md")
        await asyncio.wait_for(done.wait(), 5)
        watcher.close()

    run(main)
    assert entries / "sedX1" in created_seen


def test_make_watcher_prefers_inotify_and_can_poll(tmp_path):
    _, watched = project(tmp_path)
    inotify = make_watcher(watched)
    assert isinstance(inotify, InotifyWatcher)
    inotify.close()
    assert isinstance(make_watcher(watched, polling=True), PollingWatcher)


def test_ignored_names():
    assert ignored(".x.md.swp") and ignored("x.md~") and ignored("4913") and ignored("#x#")
    assert not ignored("2024-01-01-call.md") and not ignored("style.css")
