"""Feeds, calendars, data exports, sitemap: parsed and checked, not just present."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import REPO
from generator.builder.graph import build_graph
from generator.builder.ics import fold
from generator.builder.site import render_site
from generator.content.loader import load_content
from tricky import LONG_SUMMARY, TRICKY_TITLE, tricky_site  # noqa: F401 (fixture)

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT00:00:00Z$")


def demo_graph(config):
    return build_graph(load_content(config.content))


# --- Atom -------------------------------------------------------------------------------

def check_feed(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None, (path, tag)
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated", "published", "summary"):
            assert entry.findtext(f"{ATOM}{tag}"), (path, tag)
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids))
    return root


def test_every_feed_is_atom_with_stable_ids_and_content_dates(demo_site, demo_config):
    graph = demo_graph(demo_config)
    feeds = sorted(demo_site.rglob("feed.xml"))
    assert len(feeds) == 1 + len(graph.people) + len(graph.forums) + len(graph.countries) + \
        len(graph.relations)
    assert (demo_site / "relations" / "in-us" / "feed.xml").is_file()
    for feed in feeds:
        check_feed(feed)
    root = check_feed(demo_site / "feed.xml")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(graph.entries)
    first = entries[0]  # newest first
    assert first.findtext(f"{ATOM}id") == \
        "https://example.github.io/timeline/entries/2023-11-10-india-us-2-2-dialogue/"
    assert first.findtext(f"{ATOM}published") == "2023-11-10T00:00:00Z"
    assert root.findtext(f"{ATOM}updated") == max(e.findtext(f"{ATOM}updated") for e in entries)
    person = check_feed(demo_site / "people" / "sergey-lavrov" / "feed.xml")
    titles = {e.findtext(f"{ATOM}title") for e in person.findall(f"{ATOM}entry")}
    assert titles == {e.title for e in graph.by_person["sergey-lavrov"]}
    alt = person.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alt == "https://example.github.io/timeline/people/sergey-lavrov/"


def test_feed_updated_comes_from_sources_not_the_clock(tricky_site):
    root = check_feed(tricky_site / "feed.xml")
    geneva = [e for e in root.findall(f"{ATOM}entry")
              if e.findtext(f"{ATOM}title") == TRICKY_TITLE][0]
    assert geneva.findtext(f"{ATOM}published") == "2024-05-07T00:00:00Z"
    assert geneva.findtext(f"{ATOM}updated") == "2024-05-09T00:00:00Z"  # the source's date
    assert root.findtext(f"{ATOM}title") == "Tricky <Timeline> & Co"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Ed & Co"


# --- iCalendar --------------------------------------------------------------------------

def unfold(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert "\n" not in text.replace("\r\n", ""), "every line ends in CRLF"
    assert text.endswith("\r\n")
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75, line
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def events(data: bytes) -> list[dict[str, str]]:
    lines = unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    found, current = [], None
    for line in lines[1:-1]:
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
        elif line == "END:VEVENT":
            for prop in ("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"):
                assert prop in current, prop
            found.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    assert current is None
    return found


def test_calendars_are_valid_and_spans_follow_precision(tricky_site):
    evs = {e["UID"].split("@")[0]: e for e in events((tricky_site / "timeline.ics").read_bytes())}
    assert evs["2024-05-geneva"]["DTSTART;VALUE=DATE"] == "20240507"
    assert evs["2024-05-geneva"]["DTEND;VALUE=DATE"] == "20240508"
    assert evs["2023-11-month"]["DTSTART;VALUE=DATE"] == "20231101"
    assert evs["2023-11-month"]["DTEND;VALUE=DATE"] == "20231201"  # the whole month
    assert "known only to the month" in unescape(evs["2023-11-month"]["DESCRIPTION"])
    assert "approximate" in evs["2023-11-month"]["DESCRIPTION"]
    assert evs["2022-year"]["DTEND;VALUE=DATE"] == "20230101"
    geneva = evs["2024-05-geneva"]
    assert unescape(geneva["SUMMARY"]) == TRICKY_TITLE
    assert unescape(geneva["LOCATION"]) == "Genève, Palais des Nations"
    assert LONG_SUMMARY in unescape(geneva["DESCRIPTION"])
    assert re.search(r"(?<!\\),", geneva["SUMMARY"]) is None, "commas are escaped"
    assert geneva["DTSTAMP"] == "20240509T000000Z"
    uids = [e["UID"] for e in evs.values()]
    assert len(set(uids)) == len(uids)


def test_every_person_and_forum_has_a_calendar(demo_site, demo_config):
    graph = demo_graph(demo_config)
    for pid, entries in graph.by_person.items():
        assert len(events((demo_site / "people" / pid / "timeline.ics").read_bytes())) == len(entries)
    for fid, entries in graph.by_forum.items():
        assert len(events((demo_site / "forums" / fid / "timeline.ics").read_bytes())) == len(entries)
    assert len(events((demo_site / "timeline.ics").read_bytes())) == len(graph.entries)


def test_folding_never_splits_a_character():
    line = "DESCRIPTION:" + "é" * 100 + "x" * 7 + "日本" * 30
    folded = fold(line)
    pieces = folded.split("\r\n")[:-1]
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert folded.replace("\r\n ", "").rstrip("\r\n") == line
    assert fold("SUMMARY:short") == "SUMMARY:short\r\n"


# --- JSON, CSV --------------------------------------------------------------------------

def test_json_export_has_every_entry_with_resolved_people_and_forums(demo_site, demo_config):
    data = json.loads((demo_site / "timeline.json").read_text(encoding="utf-8"))
    graph = demo_graph(demo_config)
    assert data["schema"] == 1 and data["base_url"] == demo_config.base_url
    assert [e["slug"] for e in data["entries"]] == [e.slug for e in graph.entries]
    people = {p["id"]: p for p in data["people"]}
    forums = {f["id"]: f for f in data["forums"]}
    for record, entry in zip(data["entries"], graph.entries):
        assert set(record) >= {"slug", "url", "title", "date", "precision", "approximate",
                               "start", "end", "kind", "people", "mentioned", "forums", "place",
                               "summary", "sources", "review", "body", "extra"}
        assert record["date"] == entry.date.iso() and record["title"] == entry.title
        assert [p["id"] for p in record["people"]] == entry.people
        for p in record["people"] + record["mentioned"]:
            assert people[p["id"]]["name"] == p["name"]
        for f in record["forums"]:
            assert forums[f["id"]]["name"] == f["name"]
        assert record["body"] == entry.body
    rome = next(e for e in data["entries"] if e["slug"] == "2021-10-rome-g20-sidelines")
    assert (rome["precision"], rome["start"], rome["end"]) == ("month", "2021-10-01", "2021-10-31")
    assert people["s-jaishankar"]["engagements"] == len(graph.by_person["s-jaishankar"])


def test_csv_round_trips(tricky_site):
    raw = (tricky_site / "timeline.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    data = json.loads((tricky_site / "timeline.json").read_text(encoding="utf-8"))
    assert [r["url"] for r in rows] == [e["url"] for e in data["entries"]]
    geneva = rows[-1]
    assert geneva["title"] == TRICKY_TITLE
    assert geneva["summary"] == LONG_SUMMARY
    assert geneva["people"] == "Ana García; Bo Li" and geneva["person_ids"] == "ana-garcia bo-li"
    assert geneva["place"] == "Genève, Palais des Nations"
    assert geneva["sources"] == "https://news.example.net/a?x=1&y=2"
    assert rows[1]["precision"] == "month" and rows[1]["approximate"] == "yes"


# --- sitemap, robots, CNAME, determinism ------------------------------------------------

def test_sitemap_lists_every_page_under_base_url(demo_site, demo_config):
    root = ET.parse(demo_site / "sitemap.xml").getroot()
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    pages = sorted(p.relative_to(demo_site).as_posix() for p in demo_site.rglob("index.html"))
    expected = sorted(demo_config.base_url + p[:-len("index.html")] for p in pages)
    assert sorted(locs) == expected
    assert all(u.startswith("https://example.github.io/timeline/") for u in locs)
    assert not any("404" in u for u in locs)
    robots = (demo_site / "robots.txt").read_text()
    assert "Sitemap: https://example.github.io/timeline/sitemap.xml" in robots
    assert not (demo_site / "CNAME").exists()


def test_cname_only_when_configured(tricky_site):
    assert (tricky_site / "CNAME").read_text() == "timeline.example.org\n"
    assert (tricky_site / ".nojekyll").exists()


def test_outputs_do_not_depend_on_the_clock(demo_config, monkeypatch):
    import time

    first, _ = render_site(load_content(demo_config.content), demo_config)
    monkeypatch.setattr(time, "time", lambda: 4102444800.0)  # 2100
    second, _ = render_site(load_content(demo_config.content), demo_config)
    assert first == second
    for name in ("feed.xml", "timeline.ics", "timeline.json", "timeline.csv", "search.json",
                 "sitemap.xml", "robots.txt"):
        assert name in first
    assert REPO.exists()
