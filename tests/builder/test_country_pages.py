"""A small two-country site (and a third country once) gets country pages, one
relation page per pair that met, their feeds and calendars, place pages (one
for two spellings that places.yaml makes one place), maps with dots from
places.yaml and from the gazetteer and the ambiguous or unknown places listed
under them, and links that work; incremental builds agree with clean ones as
pairs, places and aliases come and go."""

import json
import shutil
from pathlib import Path

import pytest

from conftest import copy_demo
from generator.builder.site import Builder, build_site
from generator.config import load_config
from linkcheck import check_site

PEOPLE = """\
modi:
  name: Narendra Modi
  country: India
  roles:
    - title: Prime Minister of India
jaishankar:
  name: S. Jaishankar
  country: IN
  roles:
    - title: External Affairs Minister
biden:
  name: Joe Biden
  country: U.S.
  roles:
    - title: President of the United States
blinken:
  name: Antony Blinken
  country: United States of America
  roles:
    - title: Secretary of State
kishida:
  name: Fumio Kishida
  country: Japan
"""
ENTRIES = {
    "a.md": ("A summit call", "2020-03-02", "[Narendra Modi, Joe Biden]", "call", "Hyderabad"),
    "b.md": ("Ministers meet in Delhi", "2021-06-10", "[S. Jaishankar, Antony Blinken]",
             "meeting", "New Delhi"),
    "c.md": ("Leaders meet in Delhi", "2021-07", "[Narendra Modi, Joe Biden]", "meeting",
             "Delhi"),
    "d.md": ("A three-way meeting", "2021-08-01", "[Narendra Modi, Joe Biden, Fumio Kishida]",
             "summit", "Tokyo"),
    "e.md": ("Modi alone", "2021-09-01", "[Narendra Modi]", "statement", "Camp Nowhere"),
}


def write_entry(entries: Path, name: str, title: str, date: str, people: str, kind: str,
                place: str | None) -> Path:
    path = entries / name
    path.write_text(f"---\ntitle: {title}\ndate: {date}\nkind: {kind}\npeople: {people}\n"
                    + (f"place: {place}\n" if place else "") + "---\nText.\n")
    return path


def two_countries(dest: Path) -> Path:
    project = copy_demo(dest)
    content = project / "content"
    (content / "people.yaml").write_text(PEOPLE)
    (content / "forums.yaml").write_text("")
    (content / "places.yaml").write_text("new-delhi:\n  name: New Delhi\n  aliases: [Delhi]\n"
                                         "  lat: 28.61\n  lon: 77.21\n")
    shutil.rmtree(content / "entries")
    (content / "entries").mkdir()
    for name, fields in ENTRIES.items():
        write_entry(content / "entries", name, *fields)
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path]:
    project = two_countries(tmp_path_factory.mktemp("countries") / "project")
    config = load_config(project / "timeline.yaml")
    result = build_site(config)
    assert result.warnings == []
    return project, config.output


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text()


def test_each_country_with_engagements_gets_a_page_and_each_pair_one_relation(site):
    _, out = site
    assert sorted(p.name for p in (out / "countries").iterdir() if p.is_dir()) == \
        ["in", "jp", "us"]
    assert sorted(p.name for p in (out / "relations").iterdir()) == ["in-jp", "in-us", "jp-us"]
    for pair in ("in-jp", "in-us", "jp-us"):
        for name in ("index.html", "feed.xml", "timeline.ics"):
            assert (out / "relations" / pair / name).is_file(), (pair, name)


def test_the_relation_page_says_level_places_gaps_and_years(site):
    _, out = site
    html = page(out, "relations/in-us")
    assert "<h1>India and United States</h1>" in html
    assert "<dd>4, from 2 Mar 2020 to 1 Aug 2021</dd>" in html
    assert "<li>leaders: 3</li><li>ministers: 1</li>" in html
    assert ('<li><a href="/timeline/places/new-delhi/">New Delhi</a>: 2</li>'
            '<li><a href="/timeline/places/hyderabad/">Hyderabad</a>: 1</li>'
            '<li><a href="/timeline/places/tokyo/">Tokyo</a>: 1</li>') in html
    assert "No engagement between March 2020 and June 2021 (14 months)" in html
    assert "Modi alone" not in html  # one country only: no pair
    assert 'aria-label="Engagements of India and United States per year: 2020: 1, 2021: 3."' in html
    assert 'href="/timeline/relations/in-us/feed.xml"' in html
    feed = (out / "relations/in-us/feed.xml").read_text()
    assert feed.count("<entry>") == 4 and "India and United States" in feed
    calendar = (out / "relations/in-us/timeline.ics").read_text()
    assert calendar.count("BEGIN:VEVENT") == 4


def test_country_pages_rank_counterparts_and_list_people_and_pairs(site):
    _, out = site
    html = page(out, "countries/in")
    assert "<h1>India</h1>" in html
    us = html.index('href="/timeline/countries/us/">United States</a> <span class="count">4</span>')
    jp = html.index('href="/timeline/countries/jp/">Japan</a> <span class="count">1</span>')
    assert us < jp
    assert 'href="/timeline/relations/in-us/">India and United States</a>' in html
    assert 'href="/timeline/relations/in-jp/">India and Japan</a>' in html
    assert 'href="/timeline/people/modi/">Narendra Modi</a> <span class="count">4</span>' in html
    assert "Modi alone" in html
    assert 'aria-label="Engagements of India per year: 2020: 1, 2021: 4."' in html
    index = page(out, "countries")
    assert index.index("/countries/in/") < index.index("/countries/us/") < \
        index.index("/countries/jp/")


def test_entry_and_person_pages_link_to_their_countries_and_pairs(site):
    _, out = site
    html = page(out, "entries/d")
    for pair in ("in-jp", "in-us", "jp-us"):
        assert f'href="/timeline/relations/{pair}/"' in html
    assert 'href="/timeline/countries/jp/">Japan</a>' in html
    assert "Relations" not in page(out, "entries/e")
    assert '<dd><a href="/timeline/countries/us/">United States</a></dd>' in page(out, "people/blinken")


def test_each_place_gets_a_page_with_its_engagements_and_countries(site):
    _, out = site
    assert sorted(p.name for p in (out / "places").iterdir() if p.is_dir()) == \
        ["camp-nowhere", "hyderabad", "new-delhi", "tokyo"]  # "Delhi" is New Delhi's alias
    html = page(out, "places/new-delhi")
    assert "<h1>New Delhi</h1>" in html and "Ministers meet in Delhi" in html
    assert "Leaders meet in Delhi" in html  # written "Delhi"
    assert "<dt>Also written</dt><dd>Delhi</dd>" in html
    assert "<dt>Where</dt><dd>28.61° N, 77.21° E (from places.yaml)</dd>" in html
    assert "A three-way meeting" not in html
    assert 'href="/timeline/countries/in/">India</a> <span class="count">2</span>' in html
    assert 'href="/timeline/places/tokyo/">Tokyo</a>' in page(out, "entries/d")
    assert 'href="/timeline/places/new-delhi/">Delhi</a>' in page(out, "entries/c")
    assert "35.69° N, 139.69° E (from the GeoNames gazetteer)" in page(out, "places/tokyo")
    assert "not on the map: several cities have this name" in page(out, "places/hyderabad")
    assert "not on the map: no coordinates known" in page(out, "places/camp-nowhere")
    assert 'href="/timeline/places/new-delhi/">New Delhi</a>' in page(out, "countries/in")
    index = page(out, "places")
    assert index.index("/places/new-delhi/") < index.index("/places/tokyo/")


def test_maps_put_a_dot_per_place_with_coordinates_and_list_the_others(site):
    _, out = site
    html = page(out, "relations/in-us")
    figure = html[html.index('<figure class="map-figure">'):]
    figure = figure[:figure.index("</figure>") + 200]
    assert '<img src="/timeline/map/land.svg" alt=""' in figure
    assert ('<a href="/timeline/places/new-delhi/" aria-label="New Delhi: 2 engagements">'
            '<circle cx="257.2" cy="61.4" r="6">') in figure
    # Tokyo is in no places.yaml: the gazetteer knows it (35.69 N, 139.69 E)
    assert ('<a href="/timeline/places/tokyo/" aria-label="Tokyo: 1 engagement">'
            '<circle cx="319.7" cy="54.3" r="4.8">') in figure
    assert "hyderabad" not in figure.split('class="map-missing"')[0]
    assert ('Not on the map (no coordinates known): '
            '<a href="/timeline/places/hyderabad/">Hyderabad</a> (1; several cities have this '
            'name).') in figure
    assert "2 of 3 places shown" in figure
    home = page(out, "")
    assert home.count('<figure class="map-figure">') == 1 and "New Delhi: 2 engagements" in home
    assert '<a href="/timeline/places/camp-nowhere/">Camp Nowhere</a> (1), <a' in home
    assert "<figure class=\"map-figure\">" in page(out, "countries/in")
    land = (out / "map" / "land.svg").read_text()
    assert land.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and land.count("M") > 100


def test_every_link_of_the_two_country_site_resolves(site):
    _, out = site
    checked, problems = check_site(out, "/timeline/")
    assert problems == [] and checked > 100


def test_timeline_json_has_countries_and_pairs(site):
    _, out = site
    data = json.loads((out / "timeline.json").read_text())
    countries = {c["code"]: c for c in data["countries"]}
    assert countries["in"]["name"] == "India" and countries["in"]["engagements"] == 5
    assert countries["in"]["url"].endswith("/timeline/countries/in/")
    assert countries["in"]["counterparts"] == [{"code": "us", "engagements": 4},
                                               {"code": "jp", "engagements": 1}]
    pairs = {p["id"]: p for p in data["relations"]}
    assert set(pairs) == {"in-jp", "in-us", "jp-us"}
    assert pairs["in-us"]["countries"] == ["in", "us"]
    assert pairs["in-us"]["engagements"] == 4
    assert pairs["in-us"]["levels"] == {"leaders": 3, "ministers": 1}
    assert pairs["in-us"]["places"] == [{"id": "new-delhi", "engagements": 2},
                                        {"id": "hyderabad", "engagements": 1},
                                        {"id": "tokyo", "engagements": 1}]
    places = {p["id"]: p for p in data["places"]}
    assert places["new-delhi"]["name"] == "New Delhi" and places["new-delhi"]["engagements"] == 2
    assert places["new-delhi"]["url"].endswith("/timeline/places/new-delhi/")
    assert (places["new-delhi"]["lat"], places["new-delhi"]["lon"]) == (28.61, 77.21)
    assert places["new-delhi"]["spellings"] == ["Delhi"]
    assert places["new-delhi"]["located_by"] == "places.yaml"
    assert (places["tokyo"]["lat"], places["tokyo"]["lon"]) == (35.6895, 139.6917)
    assert places["tokyo"]["located_by"] == "gazetteer"
    assert places["hyderabad"]["lat"] is None and places["hyderabad"]["shared_name"] is True
    assert places["camp-nowhere"]["located_by"] is None
    assert places["camp-nowhere"]["shared_name"] is False
    assert next(e for e in data["entries"] if e["slug"] == "c")["place_id"] == "new-delhi"
    assert pairs["in-us"]["gaps"] == [{"from": "a", "to": "b", "months": 14}]
    assert (pairs["in-us"]["first"], pairs["in-us"]["last"]) == ("2020-03-02", "2021-08-01")
    people = {p["id"]: p for p in data["people"]}
    assert people["blinken"]["country_code"] == "us"
    assert people["blinken"]["country"] == "United States of America"  # as written
    entry = next(e for e in data["entries"] if e["slug"] == "d")
    assert entry["countries"] == ["in", "jp", "us"]
    assert entry["relations"] == ["in-jp", "in-us", "jp-us"]



@pytest.mark.parametrize("kept_alive", [False, True], ids=["new process", "serve"])
def test_pairs_and_places_that_come_and_go_build_as_a_clean_build_does(tmp_path, kept_alive):
    project = two_countries(tmp_path / "project")
    config = load_config(project / "timeline.yaml")
    builder = Builder(config)
    builder.build()
    entries = project / "content" / "entries"
    changed = {write_entry(entries, "d.md", "Now two", "2021-08-01", "[Joe Biden, Fumio Kishida]",
                           "call", None),
               write_entry(entries, "f.md", "Japan and India", "2022-01-05",
                           "[Fumio Kishida, S. Jaishankar]", "call", "Osaka")}
    (builder if kept_alive else Builder(config)).build(changed if kept_alive else None)
    places = project / "content" / "places.yaml"
    places.write_text(places.read_text() + "osaka:\n  name: Osaka\n  lat: 34.69\n  lon: 135.5\n")
    (builder if kept_alive else Builder(config)).build({places} if kept_alive else None)
    out = config.output
    assert 'aria-label="Osaka: 1 engagement"' in (out / "index.html").read_text()
    assert not (out / "relations" / "in-us" / "index.html").read_text().count("A three-way")
    assert (out / "relations" / "in-jp" / "index.html").is_file()
    assert (out / "places" / "osaka" / "index.html").is_file()
    assert not (out / "places" / "tokyo").exists()
    clean = load_config(project / "timeline.yaml").with_overrides(output=tmp_path / "clean")
    build_site(clean, use_cache=False)
    ours = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    theirs = {p.relative_to(clean.output).as_posix(): p.read_bytes()
              for p in clean.output.rglob("*") if p.is_file()}
    assert sorted(k for k in ours.keys() | theirs.keys() if ours.get(k) != theirs.get(k)) == []


CODES = ["fr", "de", "it", "es", "pt", "nl", "be", "at", "ch", "se", "no", "dk", "fi", "pl", "cz",
         "gr", "ie", "hu", "ro", "bg", "hr"]


@pytest.mark.parametrize("countries, pairs", [(20, 190), (21, 0)])
def test_a_gathering_of_more_than_twenty_countries_makes_no_pairs(tmp_path, countries, pairs):
    from generator.builder.graph import build_graph
    from generator.builder.relations import entry_relations
    from generator.content.loader import load_content

    content = tmp_path / "content"
    (content / "entries").mkdir(parents=True)
    (content / "people.yaml").write_text("".join(
        f"p-{code}:\n  name: Person {code}\n  country: {code.upper()}\n" for code in CODES))
    names = ", ".join(f"Person {code}" for code in CODES[:countries])
    (content / "entries" / "x.md").write_text(
        f"---\ntitle: Gathering\ndate: 2024-01-02\npeople: [{names}]\n---\n")
    graph = build_graph(load_content(content))
    assert len(graph.countries) == countries
    assert len(graph.relations) == len(entry_relations(graph, graph.entries[0])) == pairs
