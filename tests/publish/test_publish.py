"""``timeline publish`` against a real local bare repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from generator.cli import main
from generator.publish import github_pages_url

IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A copy of the demo project in its own repository, with a bare 'origin'."""
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)
    proj = tmp_path / "proj"
    proj.mkdir()
    shutil.copy(REPO / "timeline.yaml", proj / "timeline.yaml")
    shutil.copytree(REPO / "content", proj / "content")
    shutil.copytree(REPO / "theme", proj / "theme")
    (proj / ".gitignore").write_text("/site/\n/.site.lock\n")  # as the README advises
    git(proj, "init", "-q", "-b", "main")
    git(proj, "add", ".")
    git(proj, "commit", "-q", "-m", "site sources")
    git(tmp_path, "init", "-q", "--bare", "remote.git")
    git(proj, "remote", "add", "origin", str(tmp_path / "remote.git"))
    return proj


def publish(proj: Path, *args: str) -> int:
    return main(["--config", str(proj / "timeline.yaml"), "publish", *args])


def branch_files(bare: Path, branch: str = "gh-pages") -> dict[str, str]:
    listing = git(bare, "ls-tree", "-r", branch)
    return {line.split("\t")[1]: line.split()[2] for line in listing.splitlines()}


def built_files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): git(site, "hash-object", "--no-filters", str(p))
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_publish_twice_keeps_history_and_holds_exactly_the_second_build(project, capsys):
    bare = project.parent / "remote.git"
    status_before = git(project, "status", "--porcelain")
    assert publish(project) == 0
    assert "first publish: on GitHub" in capsys.readouterr().out
    first = branch_files(bare)
    assert ".nojekyll" in first and "index.html" in first and "feed.xml" in first

    entry = project / "content" / "entries" / "2022-02-11-melbourne-meeting.md"
    entry.write_text(entry.read_text().replace("meet in Melbourne", "meet again in Melbourne"))
    (project / "content" / "entries" / "2022-03-30-jaishankar-blinken-call.md").unlink()
    git(project, "commit", "-q", "-am", "edit an entry, remove another")
    assert publish(project, "--message", "second") == 0

    second = branch_files(bare)
    assert second == built_files(project / "site")
    assert second != first
    assert not any("2022-03-30-jaishankar-blinken-call" in f for f in second)
    log = git(bare, "log", "--format=%s", "gh-pages").splitlines()
    assert log[0] == "second" and log[1].startswith("Publish site from ")
    assert len(log) == 2
    # the working tree, index and current branch are untouched
    assert git(project, "rev-parse", "--abbrev-ref", "HEAD") == "main"
    assert git(project, "status", "--porcelain") == status_before
    assert git(project, "rev-parse", "gh-pages") == git(bare, "rev-parse", "gh-pages")
    out = capsys.readouterr().out
    assert "published" in out and "first publish" not in out


def test_force_replaces_history_with_one_commit(project):
    bare = project.parent / "remote.git"
    assert publish(project) == 0
    assert publish(project, "--force", "--base-url", "https://example.org/other/") == 0
    assert git(bare, "rev-list", "--count", "gh-pages") == "1"
    home = git(bare, "show", "gh-pages:index.html")
    assert 'href="/other/people/"' in home


def test_republishing_the_same_build_adds_no_commit(project):
    bare = project.parent / "remote.git"
    assert publish(project) == 0
    assert publish(project) == 0
    assert git(bare, "rev-list", "--count", "gh-pages") == "1"


def test_refuses_uncommitted_content_unless_allowed(project, capsys):
    (project / "content" / "entries" / "2099-01-01-new.md").write_text(
        "---\ntitle: Draft meeting\ndate: 2099-01-01\n---\n")
    assert publish(project) == 1
    err = capsys.readouterr().err
    assert "uncommitted changes" in err and "2099-01-01-new.md" in err
    assert "--allow-dirty" in err
    bare = project.parent / "remote.git"
    assert git(bare, "branch", "--list") == ""
    assert publish(project, "--allow-dirty") == 0
    assert "entries/2099-01-01-new/index.html" in branch_files(bare)


def test_refuses_without_the_remote(project, capsys):
    git(project, "remote", "remove", "origin")
    assert publish(project) == 1
    assert "no git remote 'origin'" in capsys.readouterr().err
    assert git(project, "branch", "--list", "gh-pages") == ""


def test_refuses_outside_a_repository(tmp_path, capsys):
    shutil.copy(REPO / "timeline.yaml", tmp_path / "timeline.yaml")
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "theme", tmp_path / "theme")
    assert publish(tmp_path) == 1
    assert "not inside a git repository" in capsys.readouterr().err


@pytest.mark.parametrize("remote, url", [
    ("git@github.com:Alice/timeline.git", "https://alice.github.io/timeline/"),
    ("https://github.com/alice/alice.github.io", "https://alice.github.io/"),
    ("/srv/git/site.git", None),
])
def test_base_url_is_guessed_from_a_github_remote(remote, url):
    assert github_pages_url(remote) == url
