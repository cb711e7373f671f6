"""One build at a time per output: real processes, started together, killed
with SIGKILL, or beside a running ``timeline serve``; the site they leave is
always the one a clean build writes."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO
from generator.builder.output import staging_dirs
from generator.builder.site import build_site
from generator.config import load_config
from test_demo_site import tree_digest

ENTRY = "content/entries/2022-01-04-jaishankar-lavrov-call.md"
# Loaded by every Python process of a test through PYTHONPATH: makes builds
# slow (SLOW_BUILD seconds before the work) or pause after writing the output
# and before recording it (PAUSE_AFTER_WRITING), so the tests can meet them.
HOOK = """
import os, time
if os.environ.get("SLOW_BUILD") or os.environ.get("PAUSE_AFTER_WRITING"):
    from generator.builder import site
    if os.environ.get("SLOW_BUILD"):
        _build = site.Builder._build
        def _slow(self, *args):
            if os.environ.get("SLOW_BUILD_STARTED"):  # tell the test this build holds the lock
                with open(os.environ["SLOW_BUILD_STARTED"], "a") as f:
                    f.write("started ")
            time.sleep(float(os.environ["SLOW_BUILD"]))
            return _build(self, *args)
        site.Builder._build = _slow
    if os.environ.get("PAUSE_AFTER_WRITING"):
        _save = site.Builder._save
        def _pause(self, *args):
            open(os.environ["PAUSE_AFTER_WRITING"], "w").close()
            time.sleep(60)
            return _save(self, *args)
        site.Builder._save = _pause
"""


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(HOOK)
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), str(REPO)])}


def start(project: Path, env: dict[str, str], *args: str, **more: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=project,
                            env={**env, **more}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def clean(project: Path, tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("clean") / "site"
    build_site(load_config(project / "timeline.yaml").with_overrides(output=out), use_cache=False)
    return tree_digest(out)


def retitle(project: Path, title: str) -> None:
    path = project / ENTRY
    path.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", path.read_text(), count=1))


def no_leftovers(site: Path, timeout: float = 20) -> list[Path]:
    """Retired trees are deleted by a detached child: give it a moment."""
    deadline = time.monotonic() + timeout
    while staging_dirs(site) and time.monotonic() < deadline:
        time.sleep(0.05)
    return staging_dirs(site)


def test_two_builds_started_together_one_waits_for_the_other(project, env, tmp_path_factory):
    for round in range(4):
        retitle(project, f"Round {round}")
        first = start(project, env, "build", SLOW_BUILD="0.4")
        second = start(project, env, "build", SLOW_BUILD="0.4")
        results = {p.pid: p.communicate(timeout=60) for p in (first, second)}
        assert first.returncode == 0 and second.returncode == 0, results
        waited = [(pid, m.group(1)) for pid, (_, err) in results.items()
                  for m in [re.search(r"waiting for the build of pid (\d+) to finish", err)] if m]
        assert len(waited) == 1, results  # one waited, for the other
        (waiter, holder), = waited
        assert int(holder) == ({first.pid, second.pid} - {waiter}).pop()
        assert tree_digest(project / "site") == clean(project, tmp_path_factory), round
        assert no_leftovers(project / "site") == []


def test_a_build_killed_after_writing_is_not_trusted_by_the_next(project, env, tmp_path_factory,
                                                                tmp_path):
    """SIGKILL between writing the output and recording it: the lock is taken
    over at once, the dead build's folders removed, and its half-recorded work
    not trusted, even when the input goes back to what the record says."""
    assert start(project, env, "build").wait(60) == 0
    original = (project / ENTRY).read_text()
    title = re.search(r"(?m)^title: (.*)$", original).group(1)
    retitle(project, title.upper())  # same sizes: only the bytes tell the pages apart
    flag = tmp_path / "written"
    killed = start(project, env, "build", PAUSE_AFTER_WRITING=str(flag))
    deadline = time.monotonic() + 60
    while not flag.exists() and time.monotonic() < deadline and killed.poll() is None:
        time.sleep(0.02)
    assert flag.exists(), killed.communicate()
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    assert title.upper() in (project / "site/entries/2022-01-04-jaishankar-lavrov-call"
                             / "index.html").read_text()
    (project / ENTRY).write_text(original)  # back to the input of the recorded build
    started = time.monotonic()
    after = start(project, env, "build")
    _, err = after.communicate(timeout=60)
    assert after.returncode == 0 and "waiting" not in err, err
    assert time.monotonic() - started < 30
    assert tree_digest(project / "site") == clean(project, tmp_path_factory)
    assert no_leftovers(project / "site") == []


def _family(pid: int, root: int) -> bool:
    """Whether ``pid`` is ``root`` or one of its descendants."""
    while pid > 1:
        if pid == root:
            return True
        try:
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            return False
    return False


def test_a_build_beside_a_running_serve_waits_and_both_stay_exact(project, env,
                                                                  tmp_path_factory):
    sys.path.insert(0, str(REPO / "tests" / "serve"))
    try:
        from serving import ServeProcess
    finally:
        sys.path.remove(str(REPO / "tests" / "serve"))

    started = tmp_path_factory.mktemp("signals") / "started"
    started.write_text("")
    server = ServeProcess(project, env={**env, "SLOW_BUILD": "1.0",
                                        "SLOW_BUILD_STARTED": str(started)})
    try:
        for round in range(2):
            mark = server.mark()
            builds = started.read_text().count("started")
            retitle(project, f"Saved while serving {round}")
            deadline = time.monotonic() + 60  # until serve's build has begun inside its lock
            while started.read_text().count("started") == builds and time.monotonic() < deadline:
                time.sleep(0.05)
            beside = start(project, env, "build")
            _, err = beside.communicate(timeout=60)
            assert beside.returncode == 0, err
            m = re.search(r"waiting for the build of pid (\d+) to finish", err)
            assert m and _family(int(m.group(1)), server.proc.pid), err
            assert tree_digest(project / "site") == clean(project, tmp_path_factory), round
            server.wait_for(r"pages rewritten", since=mark)
            assert tree_digest(project / "site") == clean(project, tmp_path_factory), round
        mark = server.mark()
        retitle(project, "Once more, serve alone")  # serve builds after a foreign build
        server.wait_for(r"pages rewritten", since=mark)
        assert tree_digest(project / "site") == clean(project, tmp_path_factory)
    finally:
        assert server.stop() == 0
    assert no_leftovers(project / "site") == []


WORKERS_OF_A_KILLED_BUILD = """
import multiprocessing, sys, time
from generator.workers import die_with_parent
with multiprocessing.get_context("fork").Pool(2, die_with_parent) as pool:
    print(" ".join(str(p.pid) for p in pool._pool), flush=True)
    pool.map(time.sleep, [60, 60])
"""


def test_the_workers_of_a_killed_build_die_with_it():
    """A build killed with SIGKILL takes its render workers with it: none goes
    on writing into the staging folder the next build removes."""
    build = subprocess.Popen([sys.executable, "-c", WORKERS_OF_A_KILLED_BUILD],
                             stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    workers = [int(pid) for pid in build.stdout.readline().split()]
    assert len(workers) == 2 and all(Path(f"/proc/{pid}").exists() for pid in workers)
    time.sleep(0.5)  # both are inside their task, not waiting for one
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = [pid for pid in workers if _running(pid)]
    for pid in alive:  # what the assertion reports must not outlive the test
        os.kill(pid, signal.SIGKILL)
    assert alive == []


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
