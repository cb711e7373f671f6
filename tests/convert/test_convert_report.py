"""The batch report: the summary line, ``--json`` per article, and the exit status."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from convert_cli import ARTICLES, entries, make_content, run
from generator.convert import command
from generator.convert.report import EntryAction, Outcome, exit_status, summary


@pytest.fixture
def content(tmp_path) -> Path:
    return make_content(tmp_path)


def flag(monkeypatch, **flags) -> None:
    """Mark every engagement the extractor finds (``draft``: its date is a guess;
    ``scheduled``: announced, not held), as the extractor does for such articles."""
    real = command.extract

    def extract(*args, **kw):
        record = real(*args, **kw)
        for eng in record.engagements:
            for name, value in flags.items():
                setattr(eng, name, value)
        return record
    monkeypatch.setattr(command, "extract", extract)


# -- the summary and the exit status, on their own ----------------------------------

def new(draft: bool = False) -> EntryAction:
    return EntryAction("new", "e.md", draft)


def test_the_summary_counts_articles_and_entries_in_plain_english():
    one = [Outcome("a.txt", None, [new()])]
    assert summary(one) == ("1 article: 1 entry written, 0 merged, 0 skipped, 0 need a date "
                            "from you, 0 failed")
    many = [Outcome("a", None, [new(), new(True), EntryAction("merged", "m.md")]),
            Outcome("b", None, [new(True)]), Outcome("c", None, error="empty file"),
            Outcome("d", None, [EntryAction("skipped", "s.md")], skipped=True),
            Outcome("e", None, found=False),
            Outcome("f", None, [EntryAction("not written", "x.md", reason="one-line sources")])]
    assert summary(many, to_review=2, ignored=1) == (
        "6 articles: 3 entries written, 1 merged, 1 skipped, 1 could not be merged, 1 with no "
        "engagement found, 2 need a date from you, 1 failed; 2 entries to review "
        "(1 other file ignored)")
    assert summary(many[1:2], dry_run=True).startswith(
        "dry run: 1 article: 1 entry would be written,")
    assert "1 needs a date from you" in summary(many[1:2])


@pytest.mark.parametrize("outcomes, status", [
    ([Outcome("a", None, [new()])], 0),
    ([Outcome("a", None, found=False)], 0),
    ([Outcome("a", None, [new(True)])], 3),
    ([Outcome("a", None, [EntryAction("not written", None, True, reason="no usable date")])], 3),
    ([Outcome("a", None, [new(True)]), Outcome("b", None, error="no such file")], 1),
])
def test_exit_status(outcomes, status):
    assert exit_status(outcomes) == status


@pytest.mark.parametrize("outcome, status", [
    (Outcome("a", None, [new()]), "converted"), (Outcome("a", None, [new(True)]), "needs date"),
    (Outcome("a", None, error="x"), "failed"), (Outcome("a", None, found=False), "nothing written"),
    (Outcome("a", None, [EntryAction("skipped", "s.md")], skipped=True), "skipped"),
])
def test_article_status(outcome, status):
    assert outcome.status == status


# -- through the command ------------------------------------------------------------

def test_an_entry_with_a_guessed_date_needs_a_date_and_exits_3(content, monkeypatch, capsys):
    flag(monkeypatch, draft=True)
    assert run(content, ARTICLES / "f01_courier_call.txt", json=True) == 3
    captured = capsys.readouterr()
    assert "to review, needs a date from you)" in captured.err
    assert "1 article: 1 entry written, 0 merged, 0 skipped, 1 needs a date from you, 0 failed" \
        in captured.err
    (article,) = json.loads(captured.out)
    assert article["status"] == "needs date" and article["needs_date"] is True
    (entry,) = article["entries"]
    assert entry["action"] == "new" and entry["draft"] is True and entry["scheduled"] is False
    assert (content / "entries" / Path(entry["path"]).name).is_file()


def test_a_scheduled_engagement_is_said_so(content, monkeypatch, capsys):
    flag(monkeypatch, scheduled=True)
    assert run(content, ARTICLES / "f01_courier_call.txt", json=True) == 0
    captured = capsys.readouterr()
    assert "scheduled, not yet held)" in captured.err
    assert json.loads(captured.out)[0]["entries"][0]["scheduled"] is True


def test_a_guessed_date_never_replaces_an_entered_one(content, monkeypatch):
    out = content / "entries"
    run(content, ARTICLES / "f25_second_report_tokyo.txt")  # the month only
    flag(monkeypatch, draft=True)
    assert run(content, ARTICLES / "f02_ledger_tokyo.html") == 0  # merged; the entry has a date
    (entry,) = entries(out).values()
    assert entry.date.iso() == "2022-07" and len(entry.sources) == 2
    assert not any("changed from" in r for r in entry.review)


def test_a_skipped_article_whose_entry_is_still_a_draft_still_needs_a_date(content, capsys):
    run(content, ARTICLES / "f01_courier_call.txt")
    path = next((content / "entries").glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\ndraft: true\n", 1),
                    encoding="utf-8")
    capsys.readouterr()
    assert run(content, ARTICLES / "f01_courier_call.txt", json=True) == 3
    (article,) = json.loads(capsys.readouterr().out)
    assert article["status"] == "skipped" and article["needs_date"] is True
    assert article["entries"] == [{"action": "skipped", "path": article["entries"][0]["path"],
                                   "draft": True, "scheduled": False}]


def test_json_reports_every_article(content, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("f02_ledger_tokyo.html", "f25_second_report_tokyo.txt", "f24_no_engagement.txt",
                 "f06_no_date.txt"):
        shutil.copy(ARTICLES / name, inbox / name)
    (inbox / "zz_empty.txt").write_bytes(b"")
    assert run(content, inbox, json=True) == 1
    captured = capsys.readouterr()
    report = {Path(r["file"]).name: r for r in json.loads(captured.out)}
    for article in report.values():
        assert {"file", "url", "status", "entries", "needs_date", "error"} <= set(article)
    tokyo, second = report["f02_ledger_tokyo.html"], report["f25_second_report_tokyo.txt"]
    assert tokyo["status"] == "converted" and tokyo["entries"][0]["action"] == "new"
    assert tokyo["url"] == "https://northernledger.example/world/2022/07/19/mehta-arakawa-tokyo-talks"
    assert second["entries"][0]["action"] == "merged"
    assert second["entries"][0]["path"] == tokyo["entries"][0]["path"]
    assert report["f24_no_engagement.txt"]["status"] == "nothing written"
    assert report["f24_no_engagement.txt"]["entries"] == []
    undated = report["f06_no_date.txt"]
    assert undated["status"] == "needs date" and undated["needs_date"] is True
    (draft,) = undated["entries"]  # written, as a draft, so nothing is dropped
    assert draft["action"] == "new" and draft["draft"] is True and draft["scheduled"] is False
    empty = report["zz_empty.txt"]
    assert empty["status"] == "failed" and empty["error"] == "empty file: nothing to convert"
    assert "5 articles: 2 entries written, 1 merged, 0 skipped, 1 with no engagement found, " \
           "1 needs a date from you, 1 failed" in captured.err
    assert len(entries(content / "entries")) == 2
