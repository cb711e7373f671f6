"""End to end: the bundled demo builds into a complete, linked, deterministic site."""

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPO, SEEDS
from generator.builder.site import build_site
from generator.content.loader import load_content
from linkcheck import check_site


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_every_named_person_and_forum_has_a_page_and_no_other(demo_site, demo_config):
    content = load_content(demo_config.content)
    assert content.errors == [] and content.warnings == []
    used_people = {p for e in content.entries for p in e.people + e.mentioned}
    used_forums = {f for e in content.entries for f in e.forums}
    assert set(content.people.items) - used_people  # the demo registers more than it names
    for pid in content.people.items:
        assert (demo_site / "people" / pid / "index.html").is_file() == (pid in used_people), pid
    for fid in content.forums.items:
        assert (demo_site / "forums" / fid / "index.html").is_file() == (fid in used_forums), fid
    for entry in content.entries:
        page = (demo_site / "entries" / entry.slug / "index.html").read_text()
        assert entry.title.replace("'", "&#39;") in page
    for year in {e.date.year for e in content.entries}:
        assert (demo_site / "years" / str(year) / "index.html").is_file()
    assert (demo_site / "404.html").is_file()


def test_registries_cover_every_name_in_gold():
    gold_file = SEEDS / "gold.yaml"
    if not gold_file.exists():
        assert not os.environ.get("CI"), "CI must have ../shared/seeds"
        return
    gold = yaml.safe_load(gold_file.read_text())
    content = load_content(REPO / "content")
    for item in gold:
        names = list(item.get("mentioned") or [])
        forums = list(item.get("forums_mentioned") or [])
        for event in item["events"]:
            names += event["participants"]
            forums += event["forums"]
        for name in names:
            assert content.people.lookup(name) is not None, name
        for name in forums:
            assert content.forums.lookup(name) is not None, name


def test_all_internal_links_and_assets_resolve(demo_site, demo_config):
    assert demo_config.base_path == "/timeline/"
    checked, problems = check_site(demo_site, demo_config.base_path)
    assert problems == []
    assert checked > 300


def test_link_checker_catches_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="/timeline/nope/">x</a><a href="#y1">y</a>')
    checked, problems = check_site(tmp_path, "/timeline/")
    assert checked == 2 and len(problems) == 2


def test_root_base_url_also_works(tmp_path, demo_config):
    out = tmp_path / "site"
    build_site(demo_config.with_overrides(output=out, base_url="https://example.org/"))
    home = (out / "index.html").read_text()
    assert 'href="/people/"' in home and "/timeline/" not in home
    assert check_site(out, "/")[1] == []


def test_home_groups_by_year_and_month_with_year_navigation(demo_site):
    home = (demo_site / "index.html").read_text()
    assert '<nav class="years" aria-label="Years">' in home
    for year in ("2021", "2022", "2023"):
        assert f'href="#y{year}"' in home and f'id="y{year}"' in home
    # newest first: 2023 before 2021, and the month-only date is shown as a month
    assert home.index('id="y2023"') < home.index('id="y2021"')
    assert '<time datetime="2023-11">Nov 2023</time>' in home
    assert '<time datetime="2022-02-11">11 Feb 2022</time>' in home


def test_person_page_has_counts_counterparts_and_forums(demo_site):
    page = (demo_site / "people" / "s-jaishankar" / "index.html").read_text()
    assert "Most frequent counterparts" in page
    assert 'href="/timeline/people/antony-blinken/">Antony Blinken</a> <span class="count">6</span>' in page
    assert 'href="/timeline/forums/quad/">Quad</a>' in page
    assert "<dt>Engagements</dt><dd>7, from Oct 2021 to 10 Nov 2023</dd>" in page


HEADING = re.compile(r"<h([1-6])\b")


def test_no_page_skips_a_heading_level_and_every_list_shows_items_alike(demo_site):
    """Items are rendered once per entry and reused on every list, so home,
    year, person and forum pages all give them the same heading level."""
    for page in demo_site.rglob("*.html"):
        levels = [int(n) for n in HEADING.findall(page.read_text())]
        assert levels[0] == 1, page
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{page}: h{before} then h{after}"
    item = re.compile(r'<h(\d) class="title">')
    lists = ["index.html", "years/2022/index.html", "people/s-jaishankar/index.html",
             "forums/quad/index.html"]
    assert {n for name in lists for n in item.findall((demo_site / name).read_text())} == {"4"}


def test_entry_page_has_sources_prev_next_and_related(demo_site):
    page = (demo_site / "entries" / "2022-02-11-melbourne-meeting" / "index.html").read_text()
    assert 'rel="prev"' in page and 'rel="next"' in page
    assert "Related engagements" in page and "Quad foreign ministers meet in Melbourne" in page
    assert "(Samay Live / IANS)" in page


def test_two_builds_are_byte_identical_across_environments(tmp_path):
    """Different TZ, locale, hash seed and output folder: the same bytes."""
    digests = []
    for i, env in enumerate(({"TZ": "UTC", "PYTHONHASHSEED": "1", "LC_ALL": "C"},
                             {"TZ": "Asia/Kolkata", "PYTHONHASHSEED": "4242", "LC_ALL": "C.UTF-8"})):
        out = tmp_path / f"site{i}"
        subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(out)],
                       cwd=REPO, env={**os.environ, **env}, check=True, capture_output=True)
        digests.append(tree_digest(out))
    assert digests[0] == digests[1]
    assert len(digests[0]) > 40


def test_rebuild_keeps_unchanged_files(tmp_path, demo_config):
    out = tmp_path / "site"
    first = build_site(demo_config.with_overrides(output=out))
    inode = (out / "index.html").stat().st_ino
    second = build_site(demo_config.with_overrides(output=out))
    assert second.stats.written == [] and second.stats.unchanged == first.files
    assert (out / "index.html").stat().st_ino == inode
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
