"""Places: spellings merged through places.yaml aliases (the site's over the
bundled list), coordinates from the site, the bundled list or the gazetteer,
and no guess between two cities of one name."""

from pathlib import Path

import pytest

from generator.content import gazetteer
from generator.content.gazetteer import City, cities_named, city_key, locate
from generator.content.loader import load_content
from generator.content.places import Places, load_places

DATA = Path(gazetteer.__file__).with_name("data")


def places_of(tmp_path: Path, text: str) -> tuple[Places, list]:
    path = tmp_path / "places.yaml"
    path.write_text(text)
    warnings: list = []
    return load_places(path, warnings), warnings


@pytest.mark.parametrize("name, key", [
    ("New Delhi", "new-delhi"), ("new delhi", "new-delhi"), ("São Paulo", "sao-paulo"),
    ("Sao Paulo", "sao-paulo"), ("Nuku\u2018alofa", "nuku-alofa"), ("Nuku'alofa", "nuku-alofa"),
    ("Zürich", "zurich"), ("Tromsø", "tromso"), ("Łódź", "lodz"), ("", "")])
def test_a_city_key_ignores_case_accents_and_punctuation(name, key):
    assert city_key(name) == key


def test_the_keyed_file_is_sorted_and_holds_every_city_of_the_converters_list():
    lines = (DATA / "city_keys.tsv").read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("#") and lines[-1] == ""
    body = lines[1:-1]
    assert body == sorted(body) and len(body) >= 34_000
    keyed = {(line.split("\t")[0], line.split("\t")[1]) for line in body}
    rows = [line.split("\t") for line in (DATA / "cities.tsv").read_text(encoding="utf-8")
            .splitlines() if not line.startswith("#")]
    assert len(rows) > 31_000
    missing = [name for name, code, *_ in rows if (city_key(name), code) not in keyed]
    assert missing == []  # city_key and make_cities.py agree: regenerate both together


def test_cities_are_found_by_their_key_with_their_namesakes():
    assert cities_named("tokyo") == (City("JP", 35.6895, 139.6917, True),)
    hyderabad = cities_named(city_key("Hyderabad"))
    assert sorted(c.country for c in hyderabad) == ["IN", "PK"]
    assert cities_named("no-such-city-anywhere") == () == cities_named("")
    washingtons = cities_named("washington")
    assert len(washingtons) >= 3 and [c.capital for c in washingtons].count(True) == 1


@pytest.mark.parametrize("names, country, where, shared", [
    (["Tokyo"], None, (35.6895, 139.6917), False),  # one city of the name
    (["Sao Paulo"], None, (-23.5475, -46.6361), False),  # as written without accents
    (["Hyderabad"], None, None, True),  # India and Pakistan: never guessed
    (["Hyderabad"], "PK", (25.3969, 68.3772), False),  # the country says which
    (["Hyderabad"], "in", (17.384, 78.4564), False),
    (["Melbourne"], None, None, True),  # Australia and Florida
    (["Melbourne"], "AU", (-37.814, 144.9633), False),
    (["Paris"], None, (48.8534, 2.3488), False),  # a capital's name alone is the capital
    (["Washington"], "US", (38.8951, -77.0364), False),  # three in the US: the capital
    (["Camp Nowhere"], None, None, False),  # unknown, not ambiguous
    (["Camp Nowhere", "Hyderabad", "Tokyo"], None, (35.6895, 139.6917), False),
    (["Hyderabad", "Camp Nowhere"], None, None, True),
])
def test_locate_answers_only_when_one_city_is_meant(names, country, where, shared):
    found = locate(names, country)
    assert found.coordinates == where
    assert found.shared is shared


def test_site_aliases_merge_spellings_into_the_canonical_page(tmp_path):
    places, warnings = places_of(tmp_path, "new-delhi:\n  name: New Delhi\n  aliases: [Delhi]\n")
    assert warnings == []
    assert places.page("Delhi") == places.page("New Delhi") == places.page("new delhi") == \
        "new-delhi"
    assert places.name("new-delhi") == "New Delhi"
    assert places.page("Camp Nowhere") == "camp-nowhere" and places.name("camp-nowhere") is None
    assert places.page(None) == places.page("") == ""
    # no places.yaml entry gives coordinates: the gazetteer knows New Delhi
    assert places.location("new-delhi").coordinates == (28.6214, 77.2148)
    assert places.location("new-delhi").source == "gazetteer"


def test_the_bundled_list_merges_too_and_the_site_wins_over_it(tmp_path):
    bundled = Places()
    assert bundled.page("Bombay") == bundled.page("Mumbai") == "mumbai"
    assert bundled.page("Kiev") == "kyiv" and bundled.name("kyiv") == "Kyiv"
    assert bundled.location("geneva").coordinates == (46.2044, 6.1432)  # the list's own
    assert bundled.location("geneva").source == "bundled"
    # The site writes Kiev, with Kyiv as its alias: every bundled spelling follows it.
    site, _ = places_of(tmp_path, "kiev:\n  name: Kiev\n  aliases: [Kyiv]\n  lat: 50\n  lon: 30\n"
                                  "bombay:\n  name: Bombay\n")
    assert site.page("Kyiv") == site.page("Kiew") == site.page("Kiev") == "kiev"
    assert site.name("kiev") == "Kiev"
    assert site.location("kiev").coordinates == (50.0, 30.0)
    assert site.location("kiev").source == "places.yaml"
    # The site names the city Bombay: Mumbai, the bundled list's name for it, is that page too,
    # and the bundled item (Mumbai, India) says where it is.
    assert site.page("Bombay") == site.page("Mumbai") == "bombay"
    assert site.location("bombay") == bundled.location("mumbai")
    assert site.location("bombay").source == "gazetteer"


def test_a_site_country_picks_among_namesakes_and_coordinates_win(tmp_path):
    places, _ = places_of(tmp_path, "hyd:\n  name: Hyderabad\n  country: Pakistan\n"
                                    "mel:\n  name: Melbourne\n  lat: -37.81\n  lon: 144.96\n"
                                    "val:\n  name: Valencia\n  country: Ruritania\n")
    assert places.location("hyderabad").coordinates == (25.3969, 68.3772)
    assert places.location("melbourne").coordinates == (-37.81, 144.96)
    # An unknown country narrows nothing, and four cities are named Valencia.
    assert places.location("valencia") == places.location("valencia")
    assert places.location("valencia").coordinates is None
    assert places.location("valencia").shared is True
    assert Places().location("hyderabad").shared is True


def test_bad_coordinates_are_warnings_at_their_line_and_left_out(tmp_path):
    places, warnings = places_of(
        tmp_path, "new-delhi:\n  name: New Delhi\n  aliases: [Delhi]\n  lat: 28.61\n  lon: 77.21\n"
                  "nowhere:\n  name: Nowhere\n  lat: 123\n  lon: 0\n"
                  "half:\n  name: Halfway\n  lon: 10\n"
                  "tokyo:\n  name: Tokyo\n")
    assert [(w.line, w.severity) for w in warnings] == [(8, "warning"), (12, "warning")]
    assert "'lat' must be a number within -90..90" in warnings[0].message
    assert "give both 'lat' and 'lon'" in warnings[1].message
    assert places.location("new-delhi").coordinates == (28.61, 77.21)
    assert places.location("nowhere").coordinates is None
    assert places.location("tokyo").source == "gazetteer"


def test_the_loader_reads_places_yaml_into_content(tmp_path):
    content = tmp_path / "content"
    (content / "entries").mkdir(parents=True)
    (content / "places.yaml").write_text("x:\n  name: New Delhi\n  aliases: [Delhi]\n"
                                         "y: [not, a, place]\n")
    loaded = load_content(content)
    assert loaded.warnings == [] and loaded.places.page("Delhi") == "new-delhi"
    (content / "places.yaml").write_text("x: [unclosed\n")
    loaded = load_content(content)
    assert loaded.places.page("Delhi") == "delhi"
    assert "places not read for the map" in loaded.warnings[0].message
