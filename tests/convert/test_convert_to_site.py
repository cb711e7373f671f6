"""From article to page: what the converter writes is what the site shows, through the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def timeline(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


def test_an_announced_meeting_and_an_undated_one_reach_the_site_as_they_should(tmp_path):
    """"Will meet on Thursday" is labelled announced on the timeline and its page; an
    article with no date at all becomes a draft the site leaves out."""
    (tmp_path / "content" / "entries").mkdir(parents=True)
    (tmp_path / "timeline.yaml").write_text(f"title: Test\ntheme: {REPO / 'theme'}\n",
                                            encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ahead.txt").write_text(
        "Ministers to meet in Oslo\nPublished on Mar 4, 2024\n\nNorwegian Foreign Minister Espen "
        "Barth Eide will meet his Finnish counterpart Elina Valtonen in Oslo on Thursday to "
        "discuss Arctic shipping, the ministry said.\n", encoding="utf-8")
    (articles / "undated.txt").write_text(
        "Ministers talk fisheries\n\nIcelandic Foreign Minister Thordis Gylfadottir met Faroese "
        "officials in Reykjavik to discuss fishing quotas.\n", encoding="utf-8")
    done = timeline(tmp_path, "convert", str(articles), "--out", "content/entries")
    assert done.returncode == 3, done.stdout + done.stderr  # one entry needs a date from you
    built = timeline(tmp_path, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    site = tmp_path / "site"
    page = next(site.glob("entries/2024-03-07-*/index.html")).read_text(encoding="utf-8")
    assert 'class="badge announced"' in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('class="badge announced"') == 1
    assert "fisheries" not in home.lower() and not list(site.glob("entries/*quotas*"))


def test_the_worked_example_in_the_docs_does_what_the_docs_say(tmp_path):
    """docs/convert.md walks through docs/examples/articles: the same statuses and entries."""
    shutil.copytree(REPO / "content", tmp_path / "content",
                    ignore=shutil.ignore_patterns("entries"))
    (tmp_path / "content" / "entries").mkdir()
    (tmp_path / "timeline.yaml").write_text(f"title: Test\ntheme: {REPO / 'theme'}\n", encoding="utf-8")
    shutil.copytree(REPO / "docs" / "examples" / "articles", tmp_path / "articles")
    done = timeline(tmp_path, "convert", "articles")
    assert done.returncode == 3, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "call.txt: new content/entries/2024-03-07-jaishankar-mudavadi" in lines[0]
    assert "markets.txt: needs review: no engagement found" in lines[1]
    assert "paris-talks.txt: new" in lines[2] and "needs a date from you" in lines[2]
    draft = next((tmp_path / "content" / "entries").glob("*sejourne*.md"))
    assert "draft: true" in draft.read_text(encoding="utf-8")
    draft.unlink()
    done = timeline(tmp_path, "convert", "articles/paris-talks.txt", "--published", "2024-02-22",
                    "--url", "https://www.hindustantimes.com/world-news/jaishankar-sejourne-paris-"
                    "talks-101708600000000.html")
    assert done.returncode == 0, done.stdout + done.stderr
    entry = next((tmp_path / "content" / "entries").glob("2024-02-22-*.md")).read_text(encoding="utf-8")
    assert "people: [S. Jaishankar, Stéphane Séjourné]" in entry and "place: Paris" in entry
    assert "outlet: Hindustan Times" in entry and "draft" not in entry
