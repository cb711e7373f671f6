"""The command line, run as a user runs it: a subprocess in a project folder."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)



def entry(project: Path, name: str, text: str) -> Path:
    path = project / "content" / "entries" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_help_on_every_command_and_version(project):
    assert run(project, "--version").stdout.startswith("timeline ")
    for command in ("build", "check", "new"):
        result = run(project, command, "--help")
        assert result.returncode == 0 and "usage: timeline " + command in result.stdout


def test_build_prints_a_summary(project):
    result = run(project, "build")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built 11 entries into ")
    assert (project / "site" / "index.html").is_file()


def test_builds_leave_no_staging_folders_behind(project):
    """The command leaves without freeing its heap, but only after its exit
    handlers: they delete the staging folders of a patched build."""
    assert run(project, "build").returncode == 0
    page = project / "content" / "entries" / "2022-01-04-jaishankar-lavrov-call.md"
    page.write_text(page.read_text().replace("title: Jaishankar", "title: Then Jaishankar", 1))
    result = run(project, "build")
    assert result.returncode == 0 and "removed)" in result.stdout
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site.lock"]


@pytest.mark.parametrize("text,expected", [
    ("---\ntitle: x\ndate: 2022-02-30\n---\n", "bad.md:3: 'date': '2022-02-30' is not a real date"),
    ("---\ndate: 2022-02-01\n---\n", "bad.md:2: 'title' is required"),
    ("---\ntitle: [x\ndate: 2022\n---\n", "bad.md:2: invalid YAML: the '[' on this line"),
    ("---\ntitle: x\ndate: 2022\nkind: cal\n---\n", "bad.md:4: kind 'cal' is not one of"),
])
def test_a_malformed_entry_stops_the_build_and_keeps_the_old_site(project, text, expected):
    assert run(project, "build").returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    entry(project, "bad.md", text)
    result = run(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("content/entries/bad.md:") and expected in first
    assert (project / "site" / "index.html").read_bytes() == before
    check = run(project, "check")
    assert check.returncode == 1 and expected in check.stderr


def test_same_url_from_two_files_is_an_error_naming_both(project):
    entry(project, "Melbourne-Meeting.md", "---\ntitle: x\ndate: 2022\nslug: 2022-02-11-melbourne-meeting\n---\n")
    result = run(project, "check")
    assert result.returncode == 1
    assert "Melbourne-Meeting.md" in result.stderr and "2022-02-11-melbourne-meeting.md" in result.stderr


def test_check_warns_on_unknown_names_and_strict_fails(project):
    entry(project, "typo.md", "---\ntitle: x\ndate: 2022-05\npeople: [Jaishankr, Nobody Known]\n---\n")
    result = run(project, "check")
    assert result.returncode == 0
    assert ("content/entries/typo.md:4: warning: unknown person 'Jaishankr'; "
            "did you mean 'S. Jaishankar'?") in result.stderr
    strict = run(project, "check", "--strict")
    assert strict.returncode == 1
    built = run(project, "build")
    assert built.returncode == 0
    assert (project / "site" / "people" / "nobody-known" / "index.html").is_file()


def test_check_lists_open_review_items(project):
    entry(project, "r.md", "---\ntitle: x\ndate: 2022-05\nreview:\n  - 'date: \"on Friday\" resolved'\n---\n")
    result = run(project, "check")
    assert result.returncode == 0
    assert "content/entries/r.md:4: review: 1 open item(s): date: \"on Friday\" resolved" in result.stdout


def test_template_error_is_located(project):
    (project / "theme" / "templates" / "404.html").write_text("{% extends 'base.html' %}\n{% block main %}\n{{ nope( }}\n{% endblock %}\n")
    result = run(project, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("theme/templates/404.html:3: template error")


def test_unknown_config_key_suggests(project):
    (project / "timeline.yaml").write_text("title: T\nbase_ulr: https://x.org/\n")
    result = run(project, "build")
    assert result.returncode == 1
    assert result.stderr.startswith("timeline.yaml:2: unknown setting 'base_ulr'; did you mean 'base_url'?")


def test_new_writes_a_valid_entry_and_refuses_to_overwrite(project):
    args = ("new", "Talks in Paris: round 2", "--date", "2024-03-01", "--people",
            "Jaishankar, @SecBlinken", "--forums", "Quad", "--kind", "video call", "--place", "Paris")
    first = run(project, *args)
    assert first.returncode == 0, first.stderr
    path = project / "content" / "entries" / "2024-03-01-talks-in-paris-round-2.md"
    text = path.read_text()
    assert 'people: ["S. Jaishankar", "Antony Blinken"]' in text
    second = run(project, *args)
    assert second.returncode == 1 and "already exists" in second.stderr
    assert path.read_text() == text
    assert run(project, "check", "--strict").returncode == 0
    assert run(project, "new", "x", "--date", "2024-02-30").returncode == 1
