"""``timeline init``: a ready site, or one line and nothing written; ``check
--format``; messages for hand edits."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from test_cli import run


def tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def test_init_writes_a_site_that_checks_and_builds(tmp_path):
    result = run(tmp_path, "init", "my-site", "--title", "Timeline of X",
                 "--base-url", "https://user.github.io/my-site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "my-site"
    for rel in ("timeline.yaml", ".gitignore", ".github/workflows/pages.yml",
                "content/people.yaml", "content/forums.yaml", "content/outlets.yaml",
                "content/places.yaml", ".vscode/settings.json", "schemas/entry.schema.json"):
        assert (site / rel).is_file(), rel
    assert len(list((site / "content/entries").glob("*.md"))) == 1
    config = (site / "timeline.yaml").read_text()
    assert 'title: "Timeline of X"' in config and "https://user.github.io/my-site/" in config
    settings = json.loads((site / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"]["./schemas/people.schema.json"] == ["content/people.yaml"]
    check = run(site, "check")
    assert check.returncode == 0 and check.stderr == "", check.stderr
    assert check.stdout.endswith("checked 1 entry file: 0 errors, 0 warnings, "
                                 "0 with open review items\n")
    assert run(site, "build").returncode == 0
    assert "G20" in (site / "site/index.html").read_text()


def test_init_demo_writes_the_demo_site(tmp_path):
    result = run(tmp_path, "init", "--demo")
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path / "content") == tree(REPO / "content")
    build = run(tmp_path, "build")
    assert build.returncode == 0 and build.stdout.startswith("built 11 entries"), build.stderr


def test_init_into_a_file_path_is_one_line_and_writes_nothing(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    result = run(tmp_path, "init", "notes.txt")
    assert result.returncode == 1 and result.stderr.splitlines() == [
        "notes.txt is a file, not a folder; give a new folder's name"]
    assert tree(tmp_path) == ["notes.txt"]


@pytest.mark.parametrize("existing", ["timeline.yaml", "content/people.yaml", ".gitignore"])
def test_init_into_a_folder_with_content_is_one_line_and_writes_nothing(tmp_path, existing):
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine\n")
    before = tree(tmp_path)
    result = run(tmp_path, "init")
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "nothing was written" in result.stderr
    assert tree(tmp_path) == before and (tmp_path / existing).read_text() == "mine\n"


def test_init_into_a_folder_with_other_files_keeps_them(tmp_path):
    (tmp_path / "README.md").write_text("mine\n")
    assert run(tmp_path, "init").returncode == 0
    assert (tmp_path / "README.md").read_text() == "mine\n" and (tmp_path / "timeline.yaml").is_file()


def read_only(folder: Path):
    """Make ``folder`` read-only even for root (immutable), or by its mode."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        return lambda: subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o555)
    return lambda: folder.chmod(0o755)


@pytest.mark.parametrize("target", [".", "new-site"])
def test_init_into_a_read_only_folder_is_one_line_and_writes_nothing(tmp_path, target):
    folder = tmp_path / "ro"
    folder.mkdir()
    undo = read_only(folder)
    try:
        result = run(folder, "init", target)
        listing = tree(folder)
    finally:
        undo()
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "not writable" in result.stderr and "Traceback" not in result.stderr
    assert listing == []


def test_init_refuses_a_bad_base_url_and_writes_nothing(tmp_path):
    result = run(tmp_path, "init", "x", "--base-url", "user.github.io")
    assert result.returncode == 1 and "must be a full URL" in result.stderr
    assert tree(tmp_path) == []


BROKEN = ("---\ntitle: \"Jaishankar meets Blinken\ndate: 2022-02-30\npeple: [x]\n---\nBody\n")
SEVERAL = ("---\ntitle: x\ndate: 2022-02-30\nkind: meting\npeple: [x]\ndraft: maybe\n---\nBody\n")


def test_every_problem_of_an_entry_is_reported_with_a_suggestion(tmp_path):
    assert run(tmp_path, "init").returncode == 0
    (tmp_path / "content/entries/bad.md").write_text(SEVERAL)
    result = run(tmp_path, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/entries/bad.md:3: 'date': '2022-02-30' is not a real date "
        "(February 2022 has 28 days)",
        "content/entries/bad.md:4: kind 'meting' is not one of meeting, call, video call, "
        "summit, visit, statement, other; did you mean 'meeting'?",
        "content/entries/bad.md:5: unknown entry field 'peple'; did you mean 'people'? "
        "(allowed: title, date, approximate, kind, people, mentioned, forums, place, summary, "
        "sources, draft, scheduled, review, slug, extra)",
        "content/entries/bad.md:6: 'draft' must be true or false, not 'maybe'"]
    assert result.stdout.endswith("checked 2 entry files: 4 errors, 0 warnings, "
                                  "0 with open review items\n")


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    assert run(tmp_path, "init").returncode == 0
    (tmp_path / "content/entries/bad.md").write_text(BROKEN)
    result = run(tmp_path, "check")
    assert result.stderr.splitlines()[0].startswith(
        "content/entries/bad.md:2: invalid YAML: the quote that opens on this line is never closed")
    assert result.stdout.endswith("checked 2 entry files: 1 error, 0 warnings, "
                                  "0 with open review items\n")


def test_check_formats_github_and_json(tmp_path):
    assert run(tmp_path, "init").returncode == 0
    (tmp_path / "content/entries/bad.md").write_text(SEVERAL.replace("Body", "Body, 50%"))
    github = run(tmp_path, "check", "--format", "github")
    assert github.returncode == 1 and github.stderr == ""
    lines = github.stdout.splitlines()
    assert lines[0] == ("::error file=content/entries/bad.md,line=3::'date': '2022-02-30' is "
                        "not a real date (February 2022 has 28 days)")
    assert len(lines) == 4 and all(line.startswith("::error file=") for line in lines)
    report = json.loads(run(tmp_path, "check", "--format", "json").stdout)
    assert report["files"] == 2 and report["entries"] == 1 and len(report["errors"]) == 4
    assert report["errors"][0] == {"file": "content/entries/bad.md", "line": 3,
                                   "message": "'date': '2022-02-30' is not a real date "
                                   "(February 2022 has 28 days)"}
    (tmp_path / "content/entries/bad.md").unlink()
    assert run(tmp_path, "check", "--format", "github").stdout == ""


def test_the_repositorys_workflow_is_the_one_init_writes():
    template = (REPO / "generator/starter/files/pages.yml").read_text()
    workflow = (REPO / ".github/workflows/pages.yml").read_text()
    assert workflow == template.replace("$install", ".")
    assert "timeline check --format github" in workflow and "actions/cache@" in workflow
    assert workflow.index("timeline check") < workflow.index("timeline build")
