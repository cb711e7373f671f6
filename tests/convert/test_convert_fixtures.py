"""The converter's own fixture articles, scored against expected.yaml."""

from __future__ import annotations

import pytest

from convert_scoring import FIXTURES, Score, load_expectations, score_record
from generator.convert.extract import Registries, extract

ARTICLES = FIXTURES / "articles"
EXPECTED = load_expectations(FIXTURES / "expected.yaml")


@pytest.fixture(scope="module")
def registries() -> Registries:
    return Registries.load(FIXTURES / "registry")


def test_at_least_twenty_fixtures_each_with_expectations():
    files = sorted(p.name for p in ARTICLES.iterdir())
    assert len(files) >= 20
    assert sorted(e["file"] for e in EXPECTED) == files


def test_fixtures_match_expectations_field_by_field(registries, capsys):
    score = Score()
    for item in EXPECTED:
        path = ARTICLES / item["file"]
        record = extract(path.read_text(encoding="utf-8"), registries, path.name)
        score_record(score, record, item)
    with capsys.disabled():
        print("\nfixture score (field: right/total)\n" + score.table())
    assert score.perfect, "\n".join(score.misses)


@pytest.mark.parametrize("item", EXPECTED, ids=[e["file"] for e in EXPECTED])
def test_each_fixture(registries, item):
    """The same check per article, so a failure names the article."""
    score = Score()
    path = ARTICLES / item["file"]
    score_record(score, extract(path.read_text(encoding="utf-8"), registries, path.name), item)
    assert score.perfect, "\n".join(score.misses)
