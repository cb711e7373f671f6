"""``timeline serve`` never forks while other threads run (Python 3.12 warns
that the child may deadlock), yet its builds still use every core; and the
library reports through ``logging``, which the command line sets up."""

import ast
import logging
import os
from pathlib import Path

from conftest import REPO
from serving import ENTRY, demo_copy, serve, set_title  # noqa: F401 - fixtures

# Loaded by every Python process of the test: records each fork with the
# number of threads its process had, and makes even the demo's builds use
# worker processes.
FORK_WATCH = """
import os
def _before_fork():
    threads = len(os.listdir("/proc/self/task"))
    with open(os.environ["FORK_LOG"], "a") as log:
        log.write(f"{os.getpid()} {threads}\\n")
os.register_at_fork(before=_before_fork)
from generator import workers
from generator.builder import render_workers
render_workers.PARALLEL_MIN_PAGES = 1
_may = getattr(workers, "may_fork", lambda: True)
render_workers.worker_count = lambda: 2 if _may() else 1
"""


def test_serve_forks_only_where_one_thread_runs(serve, demo_copy, tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(FORK_WATCH)
    forks = tmp_path / "forks.log"
    server = serve(env={"PYTHONPATH": os.pathsep.join([str(hooks), str(REPO)]),
                        "FORK_LOG": str(forks)})
    mark = server.mark()
    template = demo_copy / "theme" / "templates" / "item.html"
    template.write_text(template.read_text().replace('<p class="when">', '<p class="when x">'))
    server.wait_for(r"pages rewritten", since=mark)  # every page again: worker processes
    mark = server.mark()
    set_title(demo_copy / "content" / "entries" / f"{ENTRY}.md", "After forks")
    server.wait_for(r"pages rewritten", since=mark)
    assert server.stop() == 0
    records = [line.split() for line in forks.read_text().splitlines()]
    assert len(records) >= 2, "the builds forked no workers"
    assert [r for r in records if r[1] != "1"] == [], records  # pid, threads at the fork


def test_a_build_in_a_process_with_threads_forks_nothing(project, monkeypatch):
    """Where other threads run (a server in a test's thread), a build works in
    one process: no render workers, no forked delete."""
    import threading

    from generator.builder import render_workers
    from generator.builder.site import Builder
    from generator.config import load_config

    forked: list[int] = []

    def no_fork() -> int:
        forked.append(1)
        raise AssertionError("forked beside another thread")

    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setattr(render_workers, "PARALLEL_MIN_PAGES", 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        builder = Builder(load_config(project / "timeline.yaml"))
        builder.build()
        (project / "theme" / "templates" / "item.html").write_text(
            (project / "theme" / "templates" / "item.html").read_text() + "\n")
        builder.build()  # every page again, swapped: the old tree deleted by a thread
    finally:
        stop.set()
        other.join()
    assert forked == []


def _prints(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                getattr(node.func, "id", "")
            if name in ("print", "print_exc", "print_exception"):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def test_library_code_reports_through_logging():
    """Only the command line prints: cli.py, each plugged command's command.py,
    and scripts run by hand (a data file's maker)."""
    library = [p for p in (REPO / "generator").rglob("*.py")
               if p.name not in ("cli.py", "command.py")
               and '__name__ == "__main__"' not in p.read_text()]
    assert len(library) > 40
    assert [hit for p in library for hit in _prints(p)] == []


def test_quiet_and_verbose(project, monkeypatch, capsys):
    from generator.builder import site
    from generator.cli import main
    from generator.config import load_config
    from generator.serve.rebuild import Rebuilder

    monkeypatch.chdir(project)
    assert main(["--quiet", "build"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["build"]) == 0
    assert "built 11 entries" in capsys.readouterr().out

    def broken(self, changed=None):
        raise RuntimeError("a bug")

    monkeypatch.setattr(site.Builder, "build", broken)
    for flag, traceback in (("--verbose", True), ("--quiet", False)):
        main([flag, "check"])  # sets the level; check itself prints its report
        capsys.readouterr()
        outcome = Rebuilder(load_config(project / "timeline.yaml"), project / "site").build(None)
        assert outcome.errors == ["internal error while building: RuntimeError: a bug"]
        assert ("Traceback" in capsys.readouterr().err) is traceback
    logging.getLogger("generator").setLevel(logging.INFO)
