"""The convert command: bad input, never losing hand edits, idempotence, where it writes."""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from convert_cli import entries
from convert_scoring import FIXTURES
from generator.cli import main
from generator.config import Config
from generator.content.dates import FuzzyDate
from generator.content.entries import parse_entry
from generator.content.registry import load_people
from generator.convert import command

ARTICLES = FIXTURES / "articles"


@pytest.fixture
def content(tmp_path) -> Path:
    """A content folder with the fixture registries and an empty entries folder."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "registry", root)
    (root / "entries").mkdir()
    return root


def run(content: Path, *paths, out: Path | None = None, **kw) -> int:
    args = dict(paths=[str(p) for p in paths], out=str(out) if out else None, dry_run=False,
                json=False, add_people=False, full_text=False)
    args.update(kw)
    return command.run(argparse.Namespace(**args), Config(content=content))


def article(folder: Path, name: str, text: str) -> Path:
    """An article of our own words, written where the test converts it from."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


# -- bad input ----------------------------------------------------------------

def make_bad_inputs(folder: Path) -> dict[str, str]:
    """Files the batch must refuse, one clear line each; returns name -> expected words."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_blank.txt").write_bytes(b"  \n\n\t\n")
    (folder / "c_binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    big = b"<html><body>" + b"<p>" + b"filler words " * 420_000 + b"</p></body></html>"
    (folder / "d_huge.html").write_bytes(big)
    (folder / "e_latin1.txt").write_bytes(
        "Ministers met in Malm\u00f6 on Friday.\nCaf\u00e9 talks continued.".encode("latin-1"))
    return {"a_empty.txt": "empty file", "b_blank.txt": "empty file",
            "c_binary.html": "binary file", "d_huge.html": "MB is more than",
            "e_latin1.txt": "not valid UTF-8"}


def test_bad_files_print_one_line_each_and_the_batch_goes_on(content, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    expected = make_bad_inputs(inbox)
    assert (inbox / "d_huge.html").stat().st_size > 5_000_000
    shutil.copy(ARTICLES / "f01_courier_call.txt", inbox / "z_good.txt")
    out = content / "entries"
    assert run(content, inbox, out=out) == 1  # some files failed
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.strip()]
    assert len(errors) == len(expected)
    for name, words in expected.items():
        line = next(e for e in errors if name in e)
        assert words in line and line.endswith("nothing written"), line
    assert "6 articles: 1 entry written, 0 merged, 0 skipped, 0 need a date from you, " \
        "5 failed" in captured.out
    assert [p.name for p in out.iterdir()] == ["2022-03-03-mehta-and-okafor-discuss-maritime-security-in-phone-call.md"]


def test_wrong_encoding_names_the_line(content, tmp_path, capsys):
    bad = tmp_path / "one.txt"
    bad.write_bytes("first line\nsecond line has a caf\u00e9\n".encode("latin-1"))
    assert run(content, bad, out=content / "entries") == 1
    assert "one.txt:2: not valid UTF-8" in capsys.readouterr().err


def test_html_in_its_declared_charset_is_read(content, tmp_path):
    page = (ARTICLES / "f18_non_english.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("„नमस्ते तुर्की“", "a greeting")
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.encode("cp1252"))
    assert run(content, path, out=content / "entries") == 0
    written = " ".join(p.read_text(encoding="utf-8") for p in (content / "entries").glob("*.md"))
    assert "Mehmet Çelik" in written and "José Ramírez" in written


def test_missing_file_is_one_line(content, capsys):
    assert run(content, content / "nope.txt", out=content / "entries") == 1
    assert "nope.txt: no such file; nothing written" in capsys.readouterr().err


# -- never lose hand edits ------------------------------------------------------

HAND_EDITED = """---
# Edited by hand after the first conversion: keep my notes!
date: 2022-07-18   # confirmed with the embassy
title: 'Tokyo talks: chips and minerals'
people:
  - Rohan Mehta        # EAM
  - Kenji Arakawa
place: Tokyo
kind: meeting
sources:
    -   outlet: The Northern Ledger
        title: "Mehta, Arakawa pledge closer supply-chain links at Tokyo talks"
        url: https://northernledger.example/world/2022/07/19/mehta-arakawa-tokyo-talks
        # the paper's print edition had a different headline
review: []
summary: >-
  My own summary,   with odd    spacing.
---
My own body text.

*   A list the way I like it.
"""


def test_merge_appends_the_source_and_keeps_every_other_byte(content, capsys):
    entry = content / "entries" / "tokyo.md"
    entry.write_text(HAND_EDITED, encoding="utf-8")
    assert run(content, ARTICLES / "f25_second_report_tokyo.txt", out=content / "entries") == 0
    assert "merged into" in capsys.readouterr().out
    after = entry.read_text(encoding="utf-8")
    marker = "        # the paper's print edition had a different headline\n"
    head, tail = HAND_EDITED.split(marker)
    assert after.startswith(head + marker)
    added, rest = after[len(head + marker):].split("review:\n", 1)
    why, rest = rest.split("\n", 1)  # the one line a merge adds to review: which article, why
    assert why.startswith("  - 'merged:") and "the same people" in why
    assert "review: []" + "\n" + rest == tail
    assert added.startswith("    -   outlet: Capital Chronicle\n")  # the list's own indentation
    assert all(line.startswith("        ") for line in added.splitlines()[1:])
    parsed = parse_entry(after, "tokyo.md", "tokyo.md")
    assert len(parsed.sources) == 2 and parsed.sources[1].fingerprint
    assert parsed.date.iso() == "2022-07-18"
    assert list(content.joinpath("entries").iterdir()) == [entry]


def test_merge_keeps_crlf_and_bom(content):
    entry = content / "entries" / "tokyo.md"
    raw = ("\ufeff" + HAND_EDITED).replace("\n", "\r\n").encode("utf-8")
    entry.write_bytes(raw)
    assert run(content, ARTICLES / "f25_second_report_tokyo.txt", out=content / "entries") == 0
    after = entry.read_bytes()
    assert after.startswith(raw[:raw.index(b"review: []")])
    assert after.endswith(raw[raw.index(b"review: []") + len(b"review: []"):])
    assert b"review:\r\n  - 'merged:" in after  # a merge says which article, and why
    assert b"\n" not in after.replace(b"\r\n", b"")


def test_a_more_precise_date_may_change_only_the_date_line(content):
    out = content / "entries"
    run(content, ARTICLES / "f25_second_report_tokyo.txt", out=out)  # month only
    entry = next(out.glob("*.md"))
    before = entry.read_text(encoding="utf-8")
    assert "\ndate: 2022-07\n" in before
    run(content, ARTICLES / "f02_ledger_tokyo.html", out=out)  # the day
    after = entry.read_text(encoding="utf-8")
    assert [p.name for p in out.iterdir()] == [entry.name]
    old_lines, new_lines = before.splitlines(), after.splitlines()
    changed = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert changed[0] == ("date: 2022-07", "date: 2022-07-18")
    parsed = parse_entry(after, entry.name, entry.name)
    assert parsed.review[-1].startswith("date: changed from 2022-07 to 2022-07-18")
    assert len(parsed.sources) == 2


def test_an_entry_that_cannot_be_edited_safely_is_left_alone(content, capsys):
    entry = content / "entries" / "flow.md"
    text = HAND_EDITED.replace(
        HAND_EDITED[HAND_EDITED.index("sources:"):HAND_EDITED.index("review:")],
        "sources: [https://northernledger.example/a]\n")
    entry.write_text(text, encoding="utf-8")
    assert run(content, ARTICLES / "f25_second_report_tokyo.txt", out=content / "entries") == 0
    assert "cannot be merged" in capsys.readouterr().out
    assert entry.read_text(encoding="utf-8") == text
    assert list((content / "entries").iterdir()) == [entry]


def test_a_new_entry_never_overwrites(content):
    out = content / "entries"
    taken = out / "2022-03-03-mehta-and-okafor-discuss-maritime-security-in-phone-call.md"
    taken.write_text("not an entry, but mine\n", encoding="utf-8")
    assert run(content, ARTICLES / "f01_courier_call.txt", out=out) == 0
    assert taken.read_text(encoding="utf-8") == "not an entry, but mine\n"
    second = taken.with_name(taken.stem + "-2.md")
    assert parse_entry(second.read_text(encoding="utf-8"), second.name, second.name).kind == "call"


def test_converting_twice_changes_nothing(content, capsys):
    out = content / "entries"
    run(content, ARTICLES, out=out)
    before = tree(content)
    capsys.readouterr()
    run(content, ARTICLES, out=out)
    printed = capsys.readouterr().out
    assert "0 entries written, 0 merged" in printed and "skipped" in printed
    assert tree(content) == before


def test_fixture_folder_writes_only_inside_out_and_every_entry_parses(content, tmp_path):
    outside = tree(tmp_path)
    out = tmp_path / "elsewhere" / "entries"
    run(content, ARTICLES, out=out)
    now = tree(tmp_path)
    new = {k for k in now if k not in outside}
    assert new and all(k.startswith("elsewhere/entries/") for k in new)
    assert all(now[k] == v for k, v in outside.items())
    for path in out.glob("*.md"):
        entry = parse_entry(path.read_text(encoding="utf-8"), path.name, path.name)
        assert entry.sources and entry.sources[-1].fingerprint
    # f02 and f25 report the same meeting: one entry, two sources
    tokyo = [p for p in out.glob("*.md") if "Kenji Arakawa" in p.read_text(encoding="utf-8")
             and "Tokyo" in p.read_text(encoding="utf-8")]
    assert len(tokyo) == 1


def test_dry_run_writes_nothing_and_shows_the_entry(content, capsys):
    before = tree(content)
    assert run(content, ARTICLES / "f02_ledger_tokyo.html", ARTICLES / "f25_second_report_tokyo.txt",
               out=content / "entries", dry_run=True) == 0
    printed = capsys.readouterr().out
    assert tree(content) == before
    assert "would write" in printed and "would merge into" in printed
    assert "title: \"Mehta, Arakawa pledge closer supply-chain links at Tokyo talks\"" in printed
    assert "+  - outlet: Capital Chronicle" in printed


def test_json_prints_the_records(content, capsys):
    assert run(content, ARTICLES / "f03_two_calls.txt", out=content / "entries", json=True,
               dry_run=True) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data[0]["outlet"] == "Asia Wire Today" and data[0]["published"] == "2023-02-09"
    assert [e["date"] for e in data[0]["engagements"]] == ["2023-02-06", "2023-02-08"]
    assert data[0]["engagements"][1]["participants"] == ["Rohan Mehta", "Lena Vogt"]
    assert "would write" in captured.err  # progress goes to stderr
    assert data[0]["status"] == "converted" and data[0]["engagements"][0]["action"] == "new"


def test_stdin(content, monkeypatch, capsys):
    data = (ARTICLES / "f16_visit.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert run(content, "-", out=content / "entries") == 0
    entry = next((content / "entries").glob("*.md"))
    parsed = parse_entry(entry.read_text(encoding="utf-8"), entry.name, entry.name)
    assert parsed.kind == "visit" and parsed.sources[0].file is None
    assert "<stdin>: new" in capsys.readouterr().out


def test_add_people_appends_unconfirmed_and_keeps_the_file(content, capsys):
    people = content / "people.yaml"
    before = people.read_bytes()
    assert run(content, ARTICLES / "f04_unknown_people.txt", out=content / "entries",
               add_people=True) == 0
    after = people.read_bytes()
    assert after.startswith(before)
    registry = load_people(people)
    added = [p for p in registry if p.unconfirmed]
    assert sorted(p.name for p in added) == ["Levan Beridze", "Tamar Abashidze"]
    entry = next((content / "entries").glob("*.md")).read_text(encoding="utf-8")
    assert "added to people.yaml as unconfirmed" in entry
    # a second article naming them again adds nothing more
    capsys.readouterr()
    other = content.parent / "again.txt"
    other.write_text((ARTICLES / "f04_unknown_people.txt").read_text(encoding="utf-8")
                     .replace("Tuesday", "Wednesday").replace("16 May", "17 May")
                     .replace("Georgia and India", "Georgia, India"), encoding="utf-8")
    run(content, other, out=content / "entries", add_people=True)
    assert people.read_bytes() == after


def test_add_people_copies_people_known_from_the_reference_list(content, tmp_path):
    """A participant the site's registry lacks but the converter's reference list knows is
    flagged; --add-people writes them into people.yaml with country and dated roles."""
    from generator.content.registry import load_people as load
    article = tmp_path / "lisbon.txt"
    article.write_text("Ministers meet in Lisbon\nPublished on May 9, 2023\n\nPortuguese Prime "
                       "Minister Antonio Costa met Brazilian President Lula da Silva in Lisbon on "
                       "Monday to discuss trade between the two countries.\n", encoding="utf-8")
    run(content, article, out=content / "entries", dry_run=False)
    path = next((content / "entries").glob("*.md"))
    review = parse_entry(path.read_text(encoding="utf-8"), path.name, path.name).review
    assert any("found in the converter's reference list, not in people.yaml" in r for r in review)
    for f in (content / "entries").glob("*.md"):
        f.unlink()
    before = (content / "people.yaml").read_bytes()
    run(content, article, out=content / "entries", add_people=True)
    after = (content / "people.yaml").read_bytes()
    assert after.startswith(before)
    added = {p.name: p for p in load(content / "people.yaml") if p.name not in before.decode()}
    assert set(added) == {"António Costa", "Luiz Inácio Lula da Silva"}
    lula = added["Luiz Inácio Lula da Silva"]
    assert lula.country == "Brazil" and not lula.unconfirmed
    assert any(r.title == "President" and r.held_on(FuzzyDate(2023, 5, 8)) for r in lula.roles)
    path = next((content / "entries").glob("*.md"))
    assert not any("reference list" in r for r in
                   parse_entry(path.read_text(encoding="utf-8"), path.name, path.name).review)


def test_without_add_people_the_registry_is_untouched(content):
    before = (content / "people.yaml").read_bytes()
    run(content, ARTICLES / "f04_unknown_people.txt", out=content / "entries")
    assert (content / "people.yaml").read_bytes() == before
    entry = next((content / "entries").glob("*.md")).read_text(encoding="utf-8")
    assert "Tamar Abashidze" in entry and "--add-people" in entry


def test_article_without_a_usable_date_is_written_as_a_draft(content, capsys):
    """Nothing dropped: the entry is written, kept out of the site as a draft, and says
    what is missing; the exit status tells a script that a date is needed."""
    assert run(content, ARTICLES / "f06_no_date.txt", out=content / "entries") == 3
    printed = capsys.readouterr().out
    assert "needs a date from you" in printed and "1 needs a date from you, 0 failed" in printed
    written = entries(content / "entries")
    assert len(written) == 1
    entry = next(iter(written.values()))
    assert entry.draft and entry.people == ["Rohan Mehta", "Claire Dubois"]
    assert any(r.startswith("date:") and "placeholder" in r for r in entry.review)


def test_through_the_cli(content, tmp_path, monkeypatch, capsys):
    (tmp_path / "timeline.yaml").write_text("title: Test\ncontent: content\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["convert", str(ARTICLES / "f17_two_plus_two.txt")]) == 0
    assert "1 article: 1 entry written" in capsys.readouterr().out
    written = list((content / "entries").glob("*.md"))
    assert len(written) == 1 and "2+2 Dialogue" in written[0].read_text(encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["convert", "--bogus"])
    assert main(["convert", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt: no such file" in capsys.readouterr().err


@pytest.mark.parametrize("dated_first", [True, False])
def test_an_undated_report_and_the_dated_one_of_the_same_engagement_merge(content, tmp_path, dated_first):
    """One article gives no year: its guess is not a reason to keep the two apart, in either order."""
    dated = article(tmp_path, "dated.txt", "Leaders to meet in Sochi\nPublished on May 16, 2018\n\n"
                    "Prime Minister Narendra Modi will hold an informal summit with President "
                    "Vladimir Putin in Sochi on May 21, the ministry said.\n")
    undated = article(tmp_path, "undated.txt", "Modi heads to Sochi\n\nPrime Minister Narendra Modi "
                      "will travel to Sochi on 21 May for an informal summit with President "
                      "Vladimir Putin.\n")
    for path in ([dated, undated] if dated_first else [undated, dated]):
        run(content, path, out=content / "entries")
    summits = [e for e in entries(content / "entries").values() if e.kind == "summit"]
    assert len(summits) == 1 and len(summits[0].sources) == 2, summits
    if dated_first:
        assert summits[0].date.iso() == "2018-05-21"
        assert any("merged" in r and "of a year this article does not give" in r for r in summits[0].review)


def test_a_report_naming_the_counterpart_another_left_unnamed_merges_and_says_so(content, tmp_path):
    vague = article(tmp_path, "vague.txt", "Blinken in Beijing\nPublished on Jan 08, 2022 10:00 AM\n\n"
                    "Secretary of State Antony Blinken met with China's top diplomat earlier on Saturday.\n")
    named = article(tmp_path, "named.txt", "Blinken meets Wang\nPublished on Jan 08, 2022 11:00 AM\n\n"
                    "Secretary of State Antony Blinken met Foreign Minister Wang Yi on Saturday.\n")
    run(content, vague, out=content / "entries")
    run(content, named, out=content / "entries")
    (entry,) = entries(content / "entries").values()
    assert len(entry.sources) == 2
    assert any("unnamed is Wang Yi" in r for r in entry.review), entry.review


def test_a_merged_articles_doubts_about_itself_are_kept(content, tmp_path):
    """The second report names no outlet: the entry it joins says so, naming that source."""
    first = article(tmp_path, "first.txt", "Ministers meet in Lisbon\nPublished on March 3, 2022\n\n"
                    "External Affairs Minister S. Jaishankar met Secretary of State Antony Blinken "
                    "in Lisbon on Thursday, the ministry said.\n")
    second = article(tmp_path, "second.txt", "Jaishankar and Blinken hold talks in Lisbon\nMarch 3, "
                     "2022\n\nS. Jaishankar and Antony Blinken held talks in Lisbon on Thursday.\n")
    run(content, first, out=content / "entries")
    run(content, second, out=content / "entries")
    (entry,) = entries(content / "entries").values()
    assert len(entry.sources) == 2
    outlet_lines = [r for r in entry.review if r.startswith("outlet:")]
    assert any('merged source "Jaishankar and Blinken hold talks in Lisbon"' in r
               for r in outlet_lines), entry.review


@pytest.mark.parametrize("undated_first", [False, True])
def test_a_report_dated_nowhere_merges_with_a_dated_one_of_the_same_people(content, tmp_path,
                                                                          undated_first):
    """No date at all (a placeholder year): the same two people and kind are enough, either
    order; the placeholder yields to the real date; other people stay apart."""
    dated = article(tmp_path, "a_dated.txt", "Ministers talk by phone\nPublished on March 3, 2022\n\n"
                    "External Affairs Minister S. Jaishankar spoke by phone with Secretary of State "
                    "Antony Blinken on Wednesday, the ministry said.\n")
    undated = article(tmp_path, "b_undated.txt", "Jaishankar and Blinken discuss Ukraine\n\nS. "
                      "Jaishankar and Antony Blinken spoke by phone about the war in Ukraine, "
                      "officials said.\n\nThe two ministers agreed to stay in touch.\n")
    other = article(tmp_path, "c_other.txt", "Jaishankar calls Lavrov\n\nS. Jaishankar spoke by phone "
                    "with Sergey Lavrov about the war in Ukraine, officials said.\n")
    for path in ([undated, dated] if undated_first else [dated, undated]) + [other]:
        run(content, path, out=content / "entries")
    calls = sorted(entries(content / "entries").values(), key=lambda e: len(e.sources))
    assert len(calls) == 2 and [len(c.sources) for c in calls] == [1, 2]
    assert calls[1].date.iso() == "2022-03-02"
    assert any("no date of its own" in r for r in calls[1].review), calls[1].review


def test_a_report_dated_nowhere_merges_at_the_same_place_with_a_report_naming_more_of_them(content, tmp_path):
    """The undated report names two of the three people the dated one names, in the same city:
    the same meeting; elsewhere it would stay apart."""
    dated = article(tmp_path, "a_dated.txt", "Leaders meet in Belgrade\nPublished on March 25, 2023\n\n"
                    "President Aleksandar Vucic met Prime Minister Viktor Orban and Foreign Minister "
                    "Peter Szijjarto in Belgrade on Saturday.\n")
    undated = article(tmp_path, "b_undated.txt", "Orban in Belgrade\n\nOn Saturday, Prime Minister "
                      "Viktor Orban met President Aleksandar Vucic in Belgrade.\n")
    for path in (dated, undated):
        run(content, path, out=content / "entries")
    (entry,) = entries(content / "entries").values()
    assert len(entry.sources) == 2 and entry.date.iso() == "2023-03-25"
    assert any("no date of its own" in r for r in entry.review), entry.review


def test_a_report_that_it_took_place_merges_into_the_announced_entry_and_ends_its_schedule(
        content, tmp_path):
    """The first article announces the talks (in a clause of its own, with its day); the second
    reports them held: one entry, no longer scheduled, saying why, every other line kept."""
    plan = article(tmp_path, "plan.txt", "Ministers in Tokyo\nPublished on Jul 13, 2022 09:00 AM IST"
                   "\n\nWhile he is due to meet Foreign Minister Kenji Arakawa for formal talks on "
                   "Friday, External Affairs Minister Rohan Mehta was welcomed at the airport on "
                   "Wednesday.\n\nMehta was met by officials in Tokyo. (AP PHOTO)\n")
    held = article(tmp_path, "held.txt", "Mehta and Arakawa hold talks\nPublished on Jul 15, 2022 08:00 "
                   "PM IST\n\nExternal Affairs Minister Rohan Mehta and Foreign Minister Kenji "
                   "Arakawa held talks in Tokyo on Friday.\n")
    out = content / "entries"
    run(content, plan, out=out)
    (path,) = out.glob("*.md")
    before = path.read_text(encoding="utf-8")
    assert "\nscheduled: true\n" in before
    run(content, held, out=out)
    after = path.read_text(encoding="utf-8")
    entry = parse_entry(after, path.name, path.name)
    assert not entry.scheduled and len(entry.sources) == 2
    assert any(r.startswith("scheduled: removed") for r in entry.review), entry.review
    rest = iter(after.splitlines())  # every other line kept, in order
    assert all(line in rest for line in before.splitlines() if line != "scheduled: true")
