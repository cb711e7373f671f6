"""Charts, Open Graph, feed links and Event JSON-LD in the built pages."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

from generator.builder import charts
from generator.content.dates import FuzzyDate
from generator.content.model import Entry
from tricky import TRICKY_TITLE, tricky_site  # noqa: F401 (fixture)

SVG = re.compile(r"<svg\b[^>]*>.*?</svg>", re.S)


def svgs(html: str, cls: str) -> list[ET.Element]:
    found = [ET.fromstring(s) for s in SVG.findall(html)]
    return [s for s in found if cls in s.get("class", "").split()]


def test_home_axis_marks_days_as_dots_and_months_as_spans(demo_site):
    home = (demo_site / "index.html").read_text()
    (axis,) = svgs(home, "axis")
    assert axis.get("role") == "img"
    label = axis.get("aria-label")
    assert "11 engagements from Oct 2021 to 10 Nov 2023" in label
    assert "Per year: 2021: 2, 2022: 5, 2023: 4." in label
    circles = axis.findall("g[@class='marks']/circle")
    months = [r for r in axis.findall("g[@class='marks']/rect") if r.get("class") == "m-month"]
    assert len(circles) + len(months) == 11 and len(months) >= 3
    assert all(float(r.get("width")) > 10 for r in months), "a month is a span, not a dot"
    years = [t.text for t in axis.findall("g[@class='ticks']/text")]
    assert years == ["2021", "2022", "2023"]
    tips = [m.find("title").text for m in circles + months]
    assert "Nov 2023: Blinken meets Prime Minister Modi" in tips
    assert "<figcaption>" in home


def test_person_page_has_axis_year_bars_and_ranked_counterparts(demo_site):
    page = (demo_site / "people" / "s-jaishankar" / "index.html").read_text()
    (axis,) = svgs(page, "axis")
    assert axis.get("aria-label").startswith("Timeline of S. Jaishankar: 7 engagements")
    (bars,) = svgs(page, "bars")
    assert bars.get("aria-label") == \
        "Engagements of S. Jaishankar per year: 2021: 1, 2022: 5, 2023: 1."
    assert [t.text for t in bars.findall("text") if t.get("class") == "count"] == ["1", "5", "1"]
    assert 'href="/timeline/people/antony-blinken/">Antony Blinken</a> <span class="count">6</span>' in page
    assert page.count('class="bar"') >= 4
    assert 'href="/timeline/people/s-jaishankar/feed.xml"' in page
    assert 'type="text/calendar"' in page


def test_forum_page_has_axis_and_participants_by_count(demo_site):
    page = (demo_site / "forums" / "quad" / "index.html").read_text()
    assert len(svgs(page, "axis")) == 1
    assert "Participants by number of engagements" in page
    assert 'rel="alternate" type="application/atom+xml"' in page
    assert 'href="/timeline/forums/quad/feed.xml"' in page


def test_open_graph_and_canonical_on_every_page(demo_site):
    for path in demo_site.rglob("index.html"):
        html = path.read_text()
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert f'<meta property="og:url" content="{canonical}">' in html, path
        assert '<meta property="og:title" content="' in html
        assert '<meta name="description" content="' in html
        assert 'href="/timeline/feed.xml"' in html
    entry = (demo_site / "entries" / "2022-02-11-melbourne-meeting" / "index.html").read_text()
    assert '<meta property="og:type" content="article">' in entry
    assert '<meta property="og:title" content="Jaishankar and Blinken meet in Melbourne">' in entry


def jsonld(html: str) -> tuple[str, dict]:
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return raw, json.loads(raw)


def test_event_json_ld(demo_site):
    html = (demo_site / "entries" / "2021-10-rome-g20-sidelines" / "index.html").read_text()
    _, data = jsonld(html)
    assert data["@type"] == "Event" and data["@context"] == "https://schema.org"
    assert data["name"] == "Jaishankar and Blinken meet in Rome on the G20 sidelines"
    assert (data["startDate"], data["endDate"]) == ("2021-10", "2021-10-31")
    assert data["location"] == {"@type": "Place", "name": "Rome"}
    assert [a["name"] for a in data["attendee"]] == ["S. Jaishankar", "Antony Blinken"]
    assert data["url"] == "https://example.github.io/timeline/entries/2021-10-rome-g20-sidelines/"


def test_json_ld_cannot_end_its_script_element(tricky_site):
    html = (tricky_site / "entries" / "2024-05-geneva" / "index.html").read_text()
    raw, data = jsonld(html)
    assert "</script" not in raw.lower() and "<" not in raw
    assert data["name"] == TRICKY_TITLE
    assert html.count("<script") == html.count("</script>")
    assert "<script>alert(1)" not in html


def _entry(i: int, date: FuzzyDate) -> Entry:
    return Entry(path=f"e{i}.md", slug=f"e{i}", title=f"Entry {i}", date=date)


def test_large_timelines_draw_monthly_counts_compactly():
    start = dt.date(2015, 1, 1)
    entries = [_entry(i, FuzzyDate(*(start + dt.timedelta(days=i % 3650)).timetuple()[:3]))
               for i in range(10_000)]
    entries += [_entry(10_000 + i, FuzzyDate(2016 + i % 3)) for i in range(30)]
    svg = str(charts.timeline_axis(entries, "Timeline"))
    root = ET.fromstring(svg)
    assert "counts" in root.get("class")
    counts = [r for r in root.iter("rect") if r.get("class") == "m-count"]
    assert len(counts) == 120
    assert len([r for r in root.iter("rect") if r.get("class") == "m-year"]) == 3
    assert len(svg) < 30_000
    assert "10030 engagements" in root.get("aria-label")
    few = ET.fromstring(str(charts.timeline_axis(entries[:5], "Timeline")))
    assert "marks" in few.get("class") and len(list(few.iter("circle"))) == 5


def test_date_tag_gives_the_iso_date_the_shown_date_and_marks_approximate_ones():
    from generator.builder.templating import date_tag
    assert date_tag(FuzzyDate(2022, 2, 11)) == \
        '<time datetime="2022-02-11">11 Feb 2022</time>'
    assert date_tag(FuzzyDate(2023, 11, approximate=True)) == \
        '<time datetime="2023-11" title="approximate date">c. Nov 2023</time>'


def test_a_source_credits_the_outlet_only_when_its_title_is_the_link_text():
    from generator.content.model import Source
    assert Source(outlet="Ledger", title="Talks held", agency="Wire").credit == "Ledger / Wire"
    assert Source(outlet="Ledger", agency="Wire").credit == "Wire"  # the outlet is the link
    assert Source(outlet="Ledger", title="Talks held").credit == "Ledger"
    assert Source(title="Talks held").credit == ""


def test_axis_marks_carry_what_the_zoomable_card_shows(demo_site, demo_config):
    """Each mark of a detailed axis gives its entry's page (under the base path)
    and its people; the svg gives its first day and the day after its last."""
    from generator.builder.graph import build_graph
    from generator.content.loader import load_content

    graph = build_graph(load_content(demo_config.content))
    home = (demo_site / "index.html").read_text()
    (axis,) = svgs(home, "axis")
    assert (axis.get("data-start"), axis.get("data-end")) == ("2021-01-01", "2024-01-01")
    assert axis.get("data-index") is None, "a detailed axis needs no index"
    marks = list(axis.find("g[@class='marks']"))
    assert [m.find("title").text for m in marks] == \
        [f"{e.date.display()}: {e.title}" for e in graph.entries]
    for mark, entry in zip(marks, graph.entries):
        assert mark.get("data-href") == f"/timeline/entries/{entry.slug}/"
        assert (demo_site / "entries" / entry.slug / "index.html").exists()
        assert mark.get("data-people") == ", ".join(graph.all_people[p].name
                                                     for p in entry.people)
    melbourne = next(m for m in marks if m.find("title").text.endswith(
        ": Jaishankar and Blinken meet in Melbourne"))
    assert melbourne.get("data-people") == "S. Jaishankar, Antony Blinken"
    # one script of ours makes it zoomable, from the site's own static folder
    assert home.count('<script src="/timeline/static/axis.js" defer></script>') == 1
    assert (demo_site / "static" / "axis.js").exists()
    person = (demo_site / "people" / "s-jaishankar" / "index.html").read_text()
    (axis,) = svgs(person, "axis")
    assert len(list(axis.find("g[@class='marks']"))) == 7
    assert '<script src="/timeline/static/axis.js" defer></script>' in person


def test_the_whole_sites_counts_axis_names_the_search_index_and_goes_oldest_first():
    start = dt.date(2015, 1, 1)
    entries = [_entry(i, FuzzyDate(*(start + dt.timedelta(days=i % 700)).timetuple()[:3]))
               for i in range(charts.DETAIL_LIMIT + 1)]
    entries += [_entry(900 + i, FuzzyDate(2015 + i % 2)) for i in range(4)]
    root = ET.fromstring(str(charts.timeline_axis(entries, "T", index="/sub/search.json")))
    assert "counts" in root.get("class")
    assert (root.get("data-index"), root.get("data-limit")) == ("/sub/search.json",
                                                                 str(charts.DETAIL_LIMIT))
    xs = [float(r.get("x")) for r in root.find("g[@class='marks']")]
    months = {(e.date.year, e.date.month) for e in entries if e.date.month}
    assert xs == sorted(xs) and len(xs) == len(months) + 2 and len(months) == 10
    few = ET.fromstring(str(charts.timeline_axis(entries[:3], "T", index="/search.json")))
    assert few.get("data-index") is None


def test_the_site_axis_key_changes_with_what_the_marks_carry():
    """The home page shows only the latest entries, so its fingerprint takes the
    whole axis from ``axis_key``: a mark's page and people are part of it now."""
    base = [Entry(path="a.md", slug="a", title="A", date=FuzzyDate(2022, 1, 2),
                  people=["p-one"]),
            Entry(path="b.md", slug="b", title="B", date=FuzzyDate(2022, 3))]
    key = charts.axis_key(base)
    renamed = [Entry(path="a.md", slug="a-new", title="A", date=FuzzyDate(2022, 1, 2),
                     people=["p-one"]), base[1]]
    other_people = [Entry(path="a.md", slug="a", title="A", date=FuzzyDate(2022, 1, 2),
                          people=["p-one", "p-two"]), base[1]]
    assert len({key, charts.axis_key(renamed), charts.axis_key(other_people)}) == 3
    assert charts.axis_key(list(base)) == key
