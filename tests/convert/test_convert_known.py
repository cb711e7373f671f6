"""What the user knows about an article: ``--url``, ``--published``, ``--outlet`` and
manifests. It wins over what the page says; a mistake in it stops the run at its line."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from convert_cli import ARTICLES, entries, make_content, run, tree
from generator.cli import main

NO_DATE = ARTICLES / "f06_no_date.txt"  # names no date at all, nor its publication
CALL = ARTICLES / "f01_courier_call.txt"  # The Daily Courier, 4 March 2022
VISIT = ARTICLES / "f16_visit.txt"


@pytest.fixture
def content(tmp_path) -> Path:
    return make_content(tmp_path)


@pytest.fixture
def inbox(tmp_path) -> Path:
    """A folder of three articles: a.txt (no date), b.txt (a call), sub/c.txt (a visit)."""
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(NO_DATE, folder / "a.txt")
    shutil.copy(CALL, folder / "b.txt")
    shutil.copy(VISIT, folder / "sub" / "c.txt")
    return folder


@pytest.fixture
def cli(tmp_path, content, monkeypatch, capsys):
    """Run ``timeline ARGS...`` in tmp_path; returns (exit status, stdout, stderr lines)."""
    (tmp_path / "timeline.yaml").write_text("title: Test\ncontent: content\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def call(*argv: str) -> tuple[int, str, list[str]]:
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return code, captured.out, [line for line in captured.err.splitlines() if line.strip()]
    return call


def only_entry(content: Path):
    (entry,) = entries(content / "entries").values()
    return entry


# -- options for one article ----------------------------------------------------

def test_published_dates_an_article_that_gives_no_date(content):
    assert run(content, NO_DATE) == 3  # without it: a draft with a placeholder year
    assert only_entry(content).draft
    for written in (content / "entries").iterdir():
        written.unlink()
    assert run(content, NO_DATE, published="2023-05-10") == 0
    entry = only_entry(content)
    assert entry.date.iso() == "2023-05-10" and entry.sources[0].published.iso() == "2023-05-10"
    assert not any(r.startswith("published:") for r in entry.review)


@pytest.mark.parametrize("value, precision", [("2023-05", "month"), ("2023", "year")])
def test_published_may_be_a_month_or_a_year(content, value, precision):
    run(content, NO_DATE, published=value)
    assert only_entry(content).sources[0].published.precision == precision


def test_url_is_the_source_address_and_names_the_outlet_by_its_domain(content):
    url = "https://capitalchronicle.example/world/2023/05/09/mehta-dubois-paris"
    run(content, NO_DATE, url=url, published="2023-05-10")
    source = only_entry(content).sources[0]
    assert (source.url, source.outlet) == (url, "Capital Chronicle")


def test_outlet_wins_over_what_the_page_says(content):
    run(content, CALL, outlet="Le Monde")
    entry = only_entry(content)
    assert entry.sources[0].outlet == "Le Monde" and entry.date.iso() == "2022-03-03"


def test_options_describe_standard_input_too(content, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NO_DATE.read_bytes())))
    assert run(content, "-", url="https://example.org/a", published="2023-05-10") == 0
    source = only_entry(content).sources[0]
    assert source.url == "https://example.org/a" and source.file is None


@pytest.mark.parametrize("argv, words", [
    (["--url", "https://example.org/a", CALL, VISIT],
     "--url describes one article, but the inputs hold 2; for a folder, write what you know "
     "in a manifest (see --manifest); nothing converted"),
    (["--published", "2023-05-10", "--outlet", "X", "inbox"],
     "--published and --outlet describe one article, but the inputs hold 3"),
    (["--published", "2023-13-01", CALL], "--published: '2023-13-01' has no month 13"),
    (["--published", "10 May 2023", CALL], "write YYYY-MM-DD, YYYY-MM or YYYY"),
    (["--url", "ftp://example.org/a", CALL], "'ftp://example.org/a' is not an http:// or "
                                             "https:// address"),
    (["--timeout", "0", CALL], "--timeout 0: give a number of seconds above 0"),
])
def test_a_wrong_option_is_one_line_and_nothing_is_converted(cli, inbox, content, argv, words):
    before = tree(content)
    code, out, err = cli("convert", *argv)
    assert code == 1 and len(err) == 1 and words in err[0], err
    assert err[0].endswith("nothing converted") and out == ""
    assert tree(content) == before


# -- manifests ------------------------------------------------------------------

CSV = """file,url,published,outlet
a.txt,https://capitalchronicle.example/world/mehta-dubois,2023-05-10,
b.txt,,,Le Monde
"""


def test_a_folders_manifest_is_used_and_is_not_an_article(content, inbox, capsys):
    (inbox / "manifest.csv").write_text(CSV, encoding="utf-8")
    assert run(content, inbox) == 0
    printed = capsys.readouterr().out
    assert "3 articles: 4 entries written" in printed and "ignored" not in printed  # c: 2
    by_file = {e.sources[0].file.split("/inbox/")[-1]: e for e in entries(content / "entries").values()}
    assert set(by_file) == {"a.txt", "b.txt", "sub/c.txt"}
    a, b = by_file["a.txt"].sources[0], by_file["b.txt"].sources[0]
    assert (a.url, a.outlet, a.published.iso()) == (
        "https://capitalchronicle.example/world/mehta-dubois", "Capital Chronicle", "2023-05-10")
    assert (b.url, b.outlet) == (None, "Le Monde")
    assert by_file["sub/c.txt"].sources[0].outlet != "Le Monde"  # no row: the page decides


YAML = """# what I know about the articles
- file: a.txt
  published: 2023-05
  outlet: Capital Chronicle
- file: sub/c.txt
  url: https://example.org/visit
"""


def test_a_manifest_elsewhere_names_files_in_the_input_folder(content, inbox, tmp_path):
    manifest = tmp_path / "notes" / "known.yaml"
    manifest.parent.mkdir()
    manifest.write_text(YAML, encoding="utf-8")
    (inbox / "manifest.yml").write_text("- file: nope.txt\n", encoding="utf-8")  # not read
    assert run(content, inbox, manifest=manifest) == 0
    sources = {e.sources[0].file.rsplit("/", 1)[-1]: e.sources[0]
               for e in entries(content / "entries").values()}
    assert sources["a.txt"].published.iso() == "2023-05"
    assert sources["a.txt"].outlet == "Capital Chronicle"
    assert sources["c.txt"].url == "https://example.org/visit"


def test_rows_for_files_not_given_are_ignored_and_options_win(content, inbox, tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,published\ninbox/a.txt,2023-05-10\ninbox/b.txt,2001\n",
                        encoding="utf-8")
    assert run(content, inbox / "a.txt", manifest=manifest) == 0
    assert only_entry(content).date.iso() == "2023-05-10"
    shutil.rmtree(content / "entries")
    assert run(content, inbox / "a.txt", manifest=manifest, published="2023-06-01") == 0
    assert only_entry(content).date.iso() == "2023-06-01"


@pytest.mark.parametrize("name, text, where, words", [
    ("manifest.csv", "file,url,pubished\na.txt,,\n", 1,
     "unknown column 'pubished'; did you mean 'published'? (allowed: file, url, published, "
     "outlet)"),
    ("manifest.csv", "url,published\nhttps://example.org/a,2023\n", 1, "no 'file' column"),
    ("manifest.csv", "file,published\n\na.txt,2023-05-10\nb.txt,2023-02-30\n", 4,
     "'published': '2023-02-30' is not a real date (February 2023 has 28 days)"),
    ("manifest.csv", "file,published\na.txt,May 2023\n", 2, "write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("manifest.csv", "file\na.txt\nmissing.txt\n", 3,
     "'missing.txt' does not exist (looked in inbox); fix the name or remove the row"),
    ("manifest.csv", "file,outlet\na.txt,X\nb.txt,Y\n./a.txt,Z\n", 4,
     "'./a.txt' is listed twice (first on line 2); keep one row"),
    ("manifest.csv", "file,outlet\na.txt,The Hindu, Chennai\n", 2,
     "3 values but 2 columns; quote values that hold a comma"),
    ("manifest.csv", "file,url\na.txt,www.example.org/a\n", 2,
     "'www.example.org/a' is not an http:// or https:// address"),
    ("manifest.csv", "file,outlet\n,X\n", 2, "'file' is empty"),
    ("manifest.yaml", "- file: a.txt\n  published: 2023\n- file: b.txt\n  source: X\n", 4,
     "unknown column 'source'"),
    ("manifest.yaml", "file: a.txt\n", 1, "a YAML manifest is a list of mappings"),
    ("manifest.yaml", "- file: a.txt\n- [b.txt]\n", 2, "each item must be a mapping"),
    ("manifest.yml", "- file: a.txt\n  published: [2023]\n", 2, "'published' must be text"),
    ("manifest.yml", "- file: a.txt\n  url: 'x\n", 3, "invalid YAML"),
])
def test_a_bad_manifest_is_one_line_naming_its_line_and_nothing_is_converted(
        cli, content, inbox, name, text, where, words):
    (inbox / name).write_text(text, encoding="utf-8")
    before = tree(content)
    code, out, err = cli("convert", "inbox")
    assert code == 1 and len(err) == 1, err
    assert err[0].startswith(f"inbox/{name}:{where}: ") and words in err[0], err
    assert err[0].endswith("; nothing converted") and out == ""
    assert tree(content) == before


def test_two_manifests_in_one_folder_are_refused(cli, inbox):
    (inbox / "manifest.csv").write_text("file\na.txt\n", encoding="utf-8")
    (inbox / "manifest.yaml").write_text("- file: a.txt\n", encoding="utf-8")
    code, _, err = cli("convert", "inbox")
    assert code == 1 and err == ["inbox: two manifests (manifest.csv, manifest.yaml); keep one; "
                                 "nothing converted"]


def test_a_manifest_must_be_csv_or_yaml(cli, inbox):
    (inbox / "list.txt").write_text("file\na.txt\n", encoding="utf-8")
    code, _, err = cli("convert", "inbox/b.txt", "--manifest", "inbox/list.txt")
    assert code == 1 and err == ["inbox/list.txt: a manifest is a .csv, .yaml or .yml file; "
                                 "nothing converted"]


def test_help_text(capsys):
    with pytest.raises(SystemExit):
        main(["convert", "--help"])
    text = capsys.readouterr().out
    for words in ("--url URL", "--published DATE", "--outlet NAME", "--manifest FILE",
                  "--timeout SECONDS", "exit status:", "0  every article",
                  "1  some article failed", "3  none failed, but some entry needs a date"):
        assert words in text, words
