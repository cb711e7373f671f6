"""Attack class 5: nothing is lost. A ``timeline build`` or ``timeline convert`` killed
with SIGKILL at random moments leaves the previous output intact, the next run leaves
no staging folders behind, and builds are byte-identical whatever the time zone,
locale, hash seed or order in which the files were created.

What the kills showed (generator/builder/output.py): a large change stages a whole new
tree beside ``site/`` and swaps it in with one ``renameat2(RENAME_EXCHANGE)``, so a kill
at any moment leaves ``site/`` entirely old or entirely new. A small change (at most
``PATCH_LIMIT`` files) is patched by renaming staged files over their targets one by
one; a kill inside that short renames phase can leave some files new and others old,
though every single file is whole (old bytes or new bytes, never a mix within a file)
and the next build completes the change. The patch test below therefore checks each
file, and the swap test checks the whole tree.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.builder.output import staging_dirs
from generator.content.entries import parse_entry
from hardening_kit import REPO, cli, copy_demo, tree_digest, tree_files, write

KILLS = 6  # per scenario; each is a full subprocess, so keep it small on 2 cores
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def start(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=root, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def kill_at(proc: subprocess.Popen, delay: float) -> bool:
    """SIGKILL the process after ``delay`` s (and then its worker children); True when
    it was still running, i.e. the kill really interrupted it."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        pass
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # render workers forked by the build
    except ProcessLookupError:
        pass
    proc.stderr.close()
    return True


def timed_run(root: Path, *args: str) -> float:
    started = time.monotonic()
    run = cli(root, *args)
    assert run.returncode == 0, run.stderr
    return time.monotonic() - started


def wait_for_no_staging(out: Path, timeout: float = 30) -> list[Path]:
    """Retired trees are deleted by a detached child: give it a bounded moment."""
    deadline = time.monotonic() + timeout
    while staging_dirs(out) and time.monotonic() < deadline:
        time.sleep(0.1)
    return staging_dirs(out)


def set_title(config: Path, title: str) -> None:
    text = config.read_text("utf-8")
    config.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", text), "utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """1,500 synthetic entries: a cold build takes a few seconds on these machines."""
    root = tmp_path_factory.mktemp("corpus") / "project"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(root), "1500"],
                   check=True, capture_output=True, timeout=120)
    assert timed_run(root, "build") > 0
    return root


TITLES = ("Synthetic timeline", "Renamed timeline")


def test_killed_full_builds_leave_the_old_site_or_the_new_one_whole(corpus):
    """Each kill interrupts a build towards the other title (every page changes: a swap)."""
    site = corpus / "site"
    set_title(corpus / "timeline.yaml", TITLES[0])
    assert cli(corpus, "build").returncode == 0
    trees = {TITLES[0]: tree_digest(site)}
    set_title(corpus / "timeline.yaml", TITLES[1])
    shutil.rmtree(corpus / ".timeline-cache")
    duration = timed_run(corpus, "build")  # cold: the longest a build takes here
    trees[TITLES[1]] = tree_digest(site)
    final = tree_files(site)
    assert trees[TITLES[0]] != trees[TITLES[1]]

    rng = random.Random(7)
    state, survived, interrupted, staged = TITLES[1], [], 0, 0
    for i in range(KILLS):
        target = TITLES[0] if state == TITLES[1] else TITLES[1]
        set_title(corpus / "timeline.yaml", target)
        if i % 2 == 0:
            shutil.rmtree(corpus / ".timeline-cache", ignore_errors=True)  # slow, cold
        delay = rng.uniform(0.15, 0.9) * duration
        interrupted += kill_at(start(corpus, "build"), delay)
        staged += bool(staging_dirs(site))  # killed while writing the new tree
        now = tree_digest(site)
        assert now in trees.values(), f"kill {i} after {delay:.2f} s left a mixed site"
        survived.append(now == trees[state])  # the old site, untouched
        state = TITLES[0] if now == trees[TITLES[0]] else TITLES[1]
    print(f"swap: {interrupted} kills interrupted a build; old site kept {sum(survived)} "
          f"times, new site complete {len(survived) - sum(survived)} times; "
          f"{staged} kills left a staging folder")
    assert interrupted >= KILLS - 1 and any(survived), survived

    set_title(corpus / "timeline.yaml", TITLES[1])
    assert cli(corpus, "build").returncode == 0  # the next run finishes the job
    assert tree_files(site) == final
    assert wait_for_no_staging(site) == []


def test_killed_small_patches_keep_every_file_whole(corpus):
    site = corpus / "site"
    set_title(corpus / "timeline.yaml", TITLES[1])
    assert cli(corpus, "build").returncode == 0
    entry = sorted((corpus / "content" / "entries").rglob("*.md"))[700]
    texts = [entry.read_text("utf-8")]
    texts.append(re.sub(r"(?m)^title: .*$", "title: A changed title", texts[0], count=1))
    trees = [tree_files(site)]
    entry.write_text(texts[1], "utf-8")
    duration = timed_run(corpus, "build")
    trees.append(tree_files(site))
    changed = {k for k in set(trees[0]) | set(trees[1]) if trees[0].get(k) != trees[1].get(k)}
    assert 0 < len(changed) <= 200  # a patch, not a swap
    both = set(trees[0]) & set(trees[1])
    either = set(trees[0]) | set(trees[1])

    rng = random.Random(11)
    state, outcomes = 1, []
    for i in range(KILLS):
        entry.write_text(texts[1 - state], "utf-8")
        kill_at(start(corpus, "build"), rng.uniform(0.2, 1.0) * duration)
        now = tree_files(site)
        assert both <= set(now) <= either
        for name, data in now.items():
            assert data in (trees[0].get(name), trees[1].get(name)), f"kill {i}: {name} torn"
        outcomes.append("old" if now == trees[state] else "new" if now in trees else "mixed")
        if now in trees:
            state = trees.index(now)
        else:  # caught inside the renames: files mixed, each whole; finish it
            assert cli(corpus, "build").returncode == 0
            state = 1 - state
    print(f"patch of {len(changed)} files, kills: {outcomes}")
    entry.write_text(texts[1], "utf-8")
    assert cli(corpus, "build").returncode == 0
    assert tree_files(site) == trees[1]
    assert wait_for_no_staging(site) == []


# Convert ------------------------------------------------------------------------------------

FIXTURES = REPO / "tests" / "fixtures" / "convert"


def convert_project(root: Path) -> Path:
    shutil.copytree(FIXTURES / "registry", root / "content")
    (root / "content" / "entries").mkdir()
    write(root / "timeline.yaml", f"theme: {REPO / 'theme'}\n")
    return root


def test_a_killed_merge_leaves_the_entry_fully_old_or_fully_new(tmp_path):
    root = convert_project(tmp_path / "p")
    entries = root / "content" / "entries"
    first = FIXTURES / "articles" / "f02_ledger_tokyo.html"
    second = FIXTURES / "articles" / "f25_second_report_tokyo.txt"
    assert cli(root, "convert", str(first)).returncode == 0
    (target,) = entries.glob("*.md")
    old = target.read_bytes()
    started = time.monotonic()
    run = cli(root, "convert", str(second))
    duration = time.monotonic() - started
    assert run.returncode == 0 and "0 entries written, 1 merged" in run.stdout, \
        run.stdout + run.stderr
    new = target.read_bytes()
    assert new != old and new.startswith(old[:40])
    rng = random.Random(3)
    outcomes = []
    for i in range(KILLS + 4):
        target.write_bytes(old)
        kill_at(start(root, "convert", str(second)), rng.uniform(0.5, 1.0) * duration)
        now = target.read_bytes()
        assert now in (old, new), f"kill {i}: the entry is torn"
        outcomes.append("new" if now == new else "old")
        assert [p.name for p in entries.iterdir() if not p.name.startswith(".")] == [target.name]
    leftovers = [p.name for p in entries.iterdir() if p.name.startswith(".")]
    print(f"merge kills: {outcomes}; hidden temp files left: {len(leftovers)}")
    assert all(n.startswith(f".{target.name}.") and n.endswith(".tmp") for n in leftovers)
    # hidden temp files a kill may leave are ignored by builds
    assert cli(root, "build").returncode == 0


def test_a_killed_batch_writes_only_whole_entries(tmp_path):
    articles = sorted((FIXTURES / "articles").glob("f*"))
    ref = convert_project(tmp_path / "ref")
    started = time.monotonic()
    # 3: f06 gives no date, so its engagement needs one from the user; nothing failed
    assert cli(ref, "convert", str(FIXTURES / "articles")).returncode == 3
    duration = time.monotonic() - started
    complete = {p.name: p.read_bytes() for p in (ref / "content" / "entries").glob("*.md")}
    assert len(complete) > 10 and len(articles) > 20
    rng = random.Random(5)
    for i in range(KILLS):
        root = convert_project(tmp_path / f"k{i}")
        kill_at(start(root, "convert", str(FIXTURES / "articles")),
                rng.uniform(0.3, 1.0) * duration)
        written = {p.name: p.read_bytes() for p in (root / "content" / "entries").glob("*.md")}
        for name, data in written.items():
            # whole: it parses, and its sources are the first ones of the finished entry
            # (a later article of the batch may not have been merged into it yet)
            assert name in complete, name
            got = parse_entry(data.decode("utf-8"), name, name)
            final = parse_entry(complete[name].decode("utf-8"), name, name)
            prints = [s.fingerprint for s in got.sources]
            assert prints == [s.fingerprint for s in final.sources][:len(prints)], name
        assert cli(root, "check").returncode in (0, 1)
        run = cli(root, "build")
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr


# Determinism ---------------------------------------------------------------------------------

EXTRA = {
    "a-z.md": "---\ntitle: Zeta talks\ndate: 2024-03-01\npeople: [Émile Zola, emile zola]\n---\n",
    "b-y.md": "---\ntitle: zeta Talks\ndate: 2024-03-01\npeople: [Ærø Ødegaard]\n---\n",
    "c-x.md": "---\ntitle: Äpfel\ndate: 2024-03\npeople: [Ivan Ivanov, Иван Иванов]\n---\n",
    "d-w.md": "---\ntitle: apfel\ndate: 2024\npeople: [İsmail, ismail, ıtır]\n---\n",
    "e-v.md": "---\ntitle: नमस्ते\ndate: 2024-03-01\npeople: [नरेंद्र मोदी]\n---\n",
}


def make_copy(dest: Path, order: list[str]) -> Path:
    """The demo plus tie-breaking entries, files created in the given order."""
    dest.mkdir(parents=True)
    shutil.copy2(REPO / "timeline.yaml", dest / "timeline.yaml")
    shutil.copytree(REPO / "theme", dest / "theme")
    sources = {p.relative_to(REPO / "content").as_posix(): p.read_bytes()
               for p in (REPO / "content").rglob("*") if p.is_file()}
    sources.update({f"entries/{k}": v.encode() for k, v in EXTRA.items()})
    for name in order:
        write(dest / "content" / name, sources[name])
        os.utime(dest / "content" / name, (1e9 + len(name), 1e9 + len(name)))
    return dest


def test_builds_are_byte_identical_across_tz_locale_hash_seed_and_creation_order(tmp_path):
    names = sorted({p.relative_to(REPO / "content").as_posix()
                    for p in (REPO / "content").rglob("*") if p.is_file()}
                   | {f"entries/{k}" for k in EXTRA})
    shuffled = names[:]
    random.Random(1).shuffle(shuffled)
    envs = [{"TZ": "Pacific/Kiritimati", "LC_ALL": "C", "LANG": "C", "PYTHONHASHSEED": "0"},
            {"TZ": "America/Anchorage", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
             "PYTHONHASHSEED": "4242"}]
    digests = []
    for i, (order, env) in enumerate(((names, envs[0]), (list(reversed(shuffled)), envs[1]))):
        root = make_copy(tmp_path / f"copy{i}", order)
        run = cli(root, "build", env=env)
        assert run.returncode == 0, run.stderr
        digests.append(tree_digest(root / "site"))
        assert (root / "site" / "entries" / "e-v" / "index.html").is_file()
    assert digests[0] == digests[1]


# An output folder that would take the sources with it ----------------------------------------

@pytest.mark.parametrize("output, words", [
    ("content", "holds the content folder"),
    ("content/entries", "is inside the content folder"),
    (".", "holds the project itself"),
    ("..", "holds the project itself"),
    ("theme", "holds the theme folder"),
    ("theme/static", "is inside the theme folder"),
    ("notes", "has files that no build wrote"),
    ("notes/todo.txt", "is a file"),
])
@pytest.mark.parametrize("how", ["config", "--out"])
def test_an_output_folder_that_would_replace_sources_is_refused(tmp_path, output, words, how):
    root = copy_demo(tmp_path / "project")
    write(root / "notes" / "todo.txt", "my own notes\n")
    write(root.parent / "beside.txt", "a neighbour\n")
    before = tree_files(tmp_path)
    if how == "config":
        config = root / "timeline.yaml"
        config.write_text(re.sub(r"(?m)^output: .*$", f"output: {output}",
                                 config.read_text("utf-8")), "utf-8")
        before = tree_files(tmp_path)
        run = cli(root, "build")
    else:
        run = cli(root, "build", "--out", output)
    assert run.returncode == 1
    (line,) = run.stderr.strip().splitlines()
    assert words in line and "choose one of its own" in line, line
    assert tree_files(tmp_path) == before  # nothing written, nothing lost


def test_an_earlier_site_or_an_empty_folder_is_fine(tmp_path):
    root = copy_demo(tmp_path / "project")
    (root / "empty").mkdir()
    assert cli(root, "build", "--out", "empty").returncode == 0
    assert cli(root, "build", "--out", "empty").returncode == 0  # its own earlier build
    assert (root / "empty" / "index.html").is_file()
