"""Countries: registry names resolved to ISO 3166, usual aliases, warnings
for unknown ones at their line, and one stable name per pair."""

from pathlib import Path

import pytest

from generator.content.countries import (country_key, pair_name, resolve_country,
                                         suggest_country)
from generator.content.loader import load_content


@pytest.mark.parametrize("written, code, name", [
    ("US", "us", "United States"), ("U.S.", "us", "United States"),
    ("USA", "us", "United States"), ("United States of America", "us", "United States"),
    ("united states", "us", "United States"), ("UK", "gb", "United Kingdom"),
    ("U.K.", "gb", "United Kingdom"), ("Britain", "gb", "United Kingdom"),
    ("Russia", "ru", "Russia"), ("Russian Federation", "ru", "Russia"),
    ("South Korea", "kr", "South Korea"), ("Korea, Republic of", "kr", "South Korea"),
    ("North Korea", "kp", "North Korea"), ("India", "in", "India"), ("IND", "in", "India"),
    ("Viet Nam", "vn", "Vietnam"), ("Türkiye", "tr", "Turkey"), ("Turkey", "tr", "Turkey"),
    ("Côte d'Ivoire", "ci", "Côte d'Ivoire"), ("Ivory Coast", "ci", "Côte d'Ivoire"),
    ("  the Netherlands ", "nl", "Netherlands"), ("Iran", "ir", "Iran"),
])
def test_usual_names_and_codes_resolve_to_iso_3166(written, code, name):
    country = resolve_country(written)
    assert country is not None, written
    assert (country.code, country.name) == (code, name)


@pytest.mark.parametrize("written", ["Ruritania", "", "  ", "Atlantis", "EU"])
def test_unknown_names_resolve_to_nothing(written):
    assert resolve_country(written) is None


def test_a_misspelt_country_gets_the_closest_suggestion():
    assert suggest_country("Indai") == "India"
    assert suggest_country("Untied States") == "United States"
    assert suggest_country("Rusia") == "Russia"
    assert suggest_country("Qqqqqqqq") is None


def test_country_key_ignores_case_accents_dots_and_spacing():
    assert country_key("U.S.") == country_key("us") == "us"
    assert country_key("Côte  d’Ivoire") == country_key("cote d'ivoire")


def test_a_pair_has_one_name_whichever_side_comes_first():
    assert pair_name("us", "in") == pair_name("in", "us") == "in-us"
    assert pair_name("IN", "US") == "in-us"
    with pytest.raises(ValueError):
        pair_name("in", "in")


def test_an_unknown_country_is_a_warning_at_its_line_with_a_suggestion(tmp_path: Path):
    content = tmp_path / "content"
    (content / "entries").mkdir(parents=True)
    (content / "people.yaml").write_text(
        "a-person:\n  name: A Person\n  country: U.S.\n"
        "b-person:\n  name: B Person\n  roles:\n    - title: Envoy\n  country: Indai\n"
        "c-person:\n  name: C Person\n")
    loaded = load_content(content)
    assert loaded.errors == []
    assert [(w.message, w.path, w.line, w.severity) for w in loaded.warnings] == [
        ("unknown country 'Indai' of 'B Person'; did you mean 'India'?",
         str(content / "people.yaml"), 8, "warning")]
    assert {pid: c.code for pid, c in loaded.countries.items()} == {"a-person": "us"}
