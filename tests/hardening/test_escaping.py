"""Attack class 1: hostile text in every field reaches every output format as text.

A copy of the demo gets a hostile site title, person, alias, forum, unknown name,
title, summary, place, outlet and URL. Each output is read back with a real parser
(html.parser, xml.etree, json, an RFC 5545 unfolder, csv): the hostile value comes
back exactly, as text, and no element, attribute, event or row was added.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hardening_kit import Dom, build, copy_demo, ics_unescape, unfold_ics, write

SITE_TITLE = "Site </title><script>alert(3)</script> & ]]> \"q\""
TITLE = "</script><script>alert(1)</script>"
PERSON = "<img src=x onerror=alert(1)>"
ALIAS = "</title><script>alert('alias')</script>"
UNKNOWN = "<img src=y onerror=alert(2)>"
FORUM = "Forum \"X\" & <Y> ]]>"
SUMMARY = "Talks ]]> <![CDATA[ x ]]> & \"q\" 'a' </summary><entry><title>fake</title>"
PLACE = "Geneva\nBEGIN:VEVENT\nSUMMARY:injected\nEND:VEVENT"
OUTLET = "The \"Daily\" O'Wire <b>"
SOURCE_TITLE = "Title \" onmouseover=\"alert(1)"
URL = "https://example.com/a?q=\"x\"&b='y'<z>"
FORMULAS = {"title": '=HYPERLINK("http://evil.example","x")', "place": "+1+2",
            "summary": "-2+3 and more", "person": "@SUM(A1:A2)"}


def q(value: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(value, ensure_ascii=False)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = copy_demo(tmp_path_factory.mktemp("hostile"))
    config = root / "timeline.yaml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", f"title: {q(SITE_TITLE)}", text)
    text = re.sub(r"(?m)^author: .*$", f"author: {q(OUTLET)}", text)
    config.write_text(text, encoding="utf-8")
    with open(root / "content" / "people.yaml", "a", encoding="utf-8") as f:
        f.write(f"\nimg-person:\n  name: {q(PERSON)}\n  aliases: [{q(ALIAS)}]\n"
                f"  description: {q(SUMMARY)}\n")
    with open(root / "content" / "forums.yaml", "a", encoding="utf-8") as f:
        f.write(f"\nevil-forum:\n  name: {q(FORUM)}\n  description: {q(SUMMARY)}\n")
    entries = root / "content" / "entries"
    write(entries / "2024-03-04-hostile.md",
          "---\n"
          f"title: {q(TITLE)}\ndate: 2024-03-04\nkind: meeting\n"
          f"people: [{q(PERSON)}, {q(UNKNOWN)}]\nforums: [{q(FORUM)}]\n"
          f"place: {q(PLACE)}\nsummary: {q(SUMMARY)}\n"
          f"sources:\n  - outlet: {q(OUTLET)}\n    title: {q(SOURCE_TITLE)}\n"
          f"    url: {q(URL)}\n    published: 2024-03-05\n"
          "---\nA body with <script>alert('body')</script> and text.\n")
    write(entries / "2024-03-05-formula.md",
          "---\n"
          f"title: {q(FORMULAS['title'])}\ndate: 2024-03-05\nkind: call\n"
          f"people: [{q(FORMULAS['person'])}]\nplace: {q(FORMULAS['place'])}\n"
          f"summary: {q(FORMULAS['summary'])}\n---\n")
    cfg, result = build(root)
    return cfg, Path(cfg.output), result


def entry_count(site: Path) -> int:
    return len(list((site / "entries").glob("*/index.html")))


def test_every_html_page_has_no_injected_elements_or_handlers(hostile):
    _, site, _ = hostile
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        dom = Dom(page.read_text(encoding="utf-8"))
        names = [t for t, _ in dom.tags]
        assert "iframe" not in names and "object" not in names, page
        images = [a for t, a in dom.tags if t == "img"]  # only the map's land, ours
        assert all(a.get("src", "").endswith("/map/land.svg") and a.get("alt") == ""
                   for a in images), (page, images)
        for tag, attrs in dom.tags:
            assert not any(a.startswith("on") for a in attrs), (page, tag, attrs)
            if tag == "script":
                ok = attrs.get("type") == "application/ld+json" or \
                    (attrs.get("src") or "").endswith(("/static/explore.js", "/static/axis.js"))
                assert ok, (page, attrs)
        assert dom.all_text().count(SITE_TITLE) >= 1, page  # the site title, as text
        for attrs, body in dom.scripts:
            if attrs.get("type") == "application/ld+json":
                json.loads(body)


def test_entry_page_shows_each_hostile_value_as_text(hostile):
    _, site, _ = hostile
    dom = Dom((site / "entries" / "2024-03-04-hostile" / "index.html").read_text("utf-8"))
    text = dom.all_text()
    for value in (TITLE, PERSON, UNKNOWN, FORUM, SUMMARY, SOURCE_TITLE):
        assert value in text, value
    assert "Geneva\nBEGIN:VEVENT" in text
    assert "alert('body')" not in text  # the body's script went with its content
    links = [a for t, a in dom.tags if t == "a" and a.get("href") == URL]
    assert len(links) == 1 and links[0]["rel"] == "nofollow noopener"
    titles = [a for t, a in dom.tags if t == "title"]
    assert len(titles) == 1
    (ld,) = [json.loads(body) for attrs, body in dom.scripts
             if attrs.get("type") == "application/ld+json"]
    assert ld["name"] == TITLE and ld["description"] == SUMMARY
    assert ld["location"]["name"] == PLACE
    assert [a["name"] for a in ld["attendee"]] == [PERSON, UNKNOWN]
    assert ld["keywords"] == FORUM
    raw = (site / "entries" / "2024-03-04-hostile" / "index.html").read_text("utf-8")
    assert raw.count("</script>") == len(dom.scripts)


def test_person_forum_and_unknown_pages_escape_names(hostile):
    _, site, _ = hostile
    for rel, name in (("people/img-person", PERSON), ("forums/evil-forum", FORUM),
                      ("people/img-src-y-onerror-alert-2", UNKNOWN)):
        dom = Dom((site / rel / "index.html").read_text("utf-8"))
        (h1,) = [i for i, (t, _) in enumerate(dom.tags) if t == "h1"]
        assert name in dom.all_text()
        assert any(name in v for v in dom.attribute_values()), rel  # og:title, aria-label
        assert not any(v.startswith("alert") for v in dom.attribute_values())


def test_atom_feeds_parse_and_keep_values_as_text(hostile):
    cfg, site, _ = hostile
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feeds = sorted(site.rglob("feed.xml"))
    assert len(feeds) > 20
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        for entry in root.findall("a:entry", ns):
            assert [c.tag.split("}")[1] for c in entry].count("title") == 1
    root = ET.parse(site / "feed.xml").getroot()
    assert root.find("a:title", ns).text == SITE_TITLE
    assert root.find("a:author/a:name", ns).text == OUTLET
    entries = root.findall("a:entry", ns)
    assert len(entries) == min(50, entry_count(site))
    (mine,) = [e for e in entries if e.find("a:title", ns).text == TITLE]
    summary = mine.find("a:summary", ns).text
    assert SUMMARY in summary and PLACE in summary and PERSON in summary
    assert [c.get("label") for c in mine.findall("a:category", ns)][1:] == [PERSON, UNKNOWN, FORUM]
    person = ET.parse(site / "people" / "img-person" / "feed.xml").getroot()
    assert person.find("a:title", ns).text == f"{PERSON} · {SITE_TITLE}"
    forum = ET.parse(site / "forums" / "evil-forum" / "feed.xml").getroot()
    assert forum.find("a:title", ns).text == f"{FORUM} · {SITE_TITLE}"


def test_sitemap_lists_only_pages_under_base_url(hostile):
    cfg, site, _ = hostile
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    pages = [p for p in site.rglob("index.html")]
    assert len(locs) == len(pages)
    assert all(loc.startswith(cfg.base_url) and "<" not in loc for loc in locs)


def test_json_export_and_search_index_round_trip(hostile):
    cfg, site, _ = hostile
    data = json.loads((site / "timeline.json").read_bytes())
    assert data["title"] == SITE_TITLE
    assert len(data["entries"]) == entry_count(site)
    (rec,) = [e for e in data["entries"] if e["title"] == TITLE]
    assert rec["place"] == PLACE and rec["summary"] == SUMMARY
    assert [p["name"] for p in rec["people"]] == [PERSON, UNKNOWN]
    assert rec["forums"] == [{"id": "evil-forum", "name": FORUM}]
    assert rec["sources"][0]["outlet"] == OUTLET and rec["sources"][0]["url"] == URL
    (person,) = [p for p in data["people"] if p["id"] == "img-person"]
    assert person["aliases"] == [ALIAS] and person["description"] == SUMMARY

    index = json.loads((site / "search.json").read_bytes())
    assert len(index["entries"]) == entry_count(site)
    (row,) = [e for e in index["entries"] if e[1] == TITLE]
    assert row[6] == PLACE and row[7] == SUMMARY
    assert [index["people"][i][1] for i in row[4]] == [PERSON, UNKNOWN]
    assert [index["forums"][i][1] for i in row[5]] == [FORUM]


def events(lines: list[str]) -> list[dict[str, str]]:
    out, current = [], None
    for line in lines:
        assert re.match(r"^[A-Z][A-Z0-9-]*[;:]", line), line
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
        elif line == "END:VEVENT":
            out.append(current)
            current = None
        elif current is not None:
            name, value = line.split(":", 1)
            assert name.split(";")[0] not in current, line  # no property injected twice
            current[name.split(";")[0]] = value
    assert current is None
    return out


def test_calendars_keep_newlines_and_keywords_inside_values(hostile):
    _, site, _ = hostile
    calendars = sorted(site.rglob("timeline.ics"))
    assert len(calendars) > 20
    for cal in calendars:
        lines = unfold_ics(cal.read_bytes())
        assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
        assert lines.count("BEGIN:VCALENDAR") == 1
        events(lines)
        assert "SUMMARY:injected" not in lines
    lines = unfold_ics((site / "timeline.ics").read_bytes())
    found = events(lines)
    assert len(found) == entry_count(site)
    (mine,) = [e for e in found if ics_unescape(e["SUMMARY"]) == TITLE]
    assert ics_unescape(mine["LOCATION"]) == PLACE
    assert SUMMARY in ics_unescape(mine["DESCRIPTION"])
    person = unfold_ics((site / "people" / "img-person" / "timeline.ics").read_bytes())
    (name,) = [ln for ln in person if ln.startswith("X-WR-CALNAME:")]
    assert ics_unescape(name.split(":", 1)[1]) == f"{PERSON} · {SITE_TITLE}"


def test_csv_has_one_row_per_entry_and_no_formulas(hostile):
    _, site, _ = hostile
    raw = (site / "timeline.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert len(body) == entry_count(site)
    assert all(len(r) == len(header) for r in body)
    col = {name: i for i, name in enumerate(header)}
    (mine,) = [r for r in body if r[col["title"]] == TITLE]
    assert mine[col["place"]] == PLACE and mine[col["summary"]] == SUMMARY
    assert mine[col["people"]] == f"{PERSON}; {UNKNOWN}" and mine[col["forums"]] == FORUM
    assert mine[col["sources"]] == URL
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (cell, row)
    (formula,) = [r for r in body if r[col["kind"]] == "call" and "HYPERLINK" in r[col["title"]]]
    assert formula[col["title"]] == "'" + FORMULAS["title"]
    assert formula[col["place"]] == "'" + FORMULAS["place"]
    assert formula[col["summary"]] == "'" + FORMULAS["summary"]
    assert formula[col["people"]] == "'" + FORMULAS["person"]


@pytest.mark.browser
def test_no_hostile_value_runs_a_script_in_a_real_browser(hostile, page):
    """Pages, the search results and the filter lists, in Chromium: no dialog opens."""
    from conftest import StaticServer

    cfg, site, _ = hostile
    server = StaticServer(site, cfg.base_path)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for rel in ("entries/2024-03-04-hostile/", "people/img-person/",
                    "people/img-src-y-onerror-alert-2/", "forums/evil-forum/", "people/"):
            page.goto(server.url + rel)
            assert page.locator("h1").first.inner_text() != ""
        page.goto(server.url)
        page.wait_for_selector("#explore[data-ready='true']")
        page.get_by_label("Person").select_option("img-person")
        page.wait_for_function("document.querySelectorAll('#explore-results li').length > 0")
        page.get_by_label("Search titles, people, forums, places and summaries") \
            .press_sequentially("script", delay=10)
        page.wait_for_function("document.querySelectorAll('#explore-results li').length > 0")
        assert TITLE in page.locator("#explore-results li a").all_inner_texts()
        assert PERSON in page.locator("#explore-results").inner_text()
        options = page.locator("#explore-person option").all_inner_texts()
        assert any(o.startswith(PERSON) for o in options)
        page.wait_for_timeout(300)
    finally:
        server.close()
    assert dialogs == []


def test_a_hostile_base_url_path_stays_inside_its_attributes(tmp_path):
    root = copy_demo(tmp_path / "p")
    config = root / "timeline.yaml"
    config.write_text(re.sub(r"(?m)^base_url: .*$",
                             "base_url: 'https://example.org/a\"b<c>&d''e/'",
                             config.read_text("utf-8")), "utf-8")
    cfg, _ = build(root)
    site = Path(cfg.output)
    assert cfg.base_url == "https://example.org/a\"b<c>&d'e/"
    for page in site.rglob("*.html"):
        dom = Dom(page.read_text("utf-8"))
        for tag, attrs in dom.tags:
            assert not any(a.startswith("on") or "<" in a or '"' in a for a in attrs), page
        canon = [a["href"] for t, a in dom.tags if t == "link" and a.get("rel") == "canonical"]
        assert all(c.startswith(cfg.base_url) for c in canon), page
    for feed in site.rglob("*.xml"):
        ET.parse(feed)
    json.loads((site / "timeline.json").read_bytes())
    for cal in site.rglob("*.ics"):
        events(unfold_ics(cal.read_bytes()))
