"""Score extracted records against hand-written expectations, field by field.

Used by the seed test (against ``../shared/seeds/gold.yaml``) and the fixture
test (against ``tests/fixtures/convert/expected.yaml``); both files share one
shape. A field counts as correct only when it matches exactly; where the
expectation is null for an unknown value (title, outlet, publication date,
event date) the output must be null *and* carry a review line about it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.convert.extract import Record

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / ".." / "shared" / "seeds"
FIXTURES = REPO / "tests" / "fixtures" / "convert"
FLAGGED_WHEN_NULL = {"title": "title:", "outlet": "outlet:", "published": "published:"}


def seeds_dir() -> Path:
    """The shared seeds; skipped only off CI (in CI their absence is a failure)."""
    if not (SEEDS / "gold.yaml").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"seed articles not found at {SEEDS.resolve()} (CI is set)")
        pytest.skip("seed articles not present on this machine")
    return SEEDS


def load_expectations(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _flagged(record: Record, prefix: str, extra: list[str] = ()) -> bool:
    return any(r.startswith(prefix) for r in list(record.review) + list(extra))


class Score:
    """Right/total per field, and what went wrong."""

    def __init__(self) -> None:
        self.right: Counter = Counter()
        self.total: Counter = Counter()
        self.misses: list[str] = []

    def check(self, field: str, ok: bool, where: str, expected, got) -> None:
        self.total[field] += 1
        if ok:
            self.right[field] += 1
        else:
            self.misses.append(f"{where}: {field}: expected {expected!r}, got {got!r}")

    @property
    def perfect(self) -> bool:
        return not self.misses

    def table(self) -> str:
        rows = [f"{f:<14} {self.right[f]:>3}/{self.total[f]:<3}" for f in self.total]
        total = sum(self.total.values())
        rows.append(f"{'ALL':<14} {sum(self.right.values()):>3}/{total:<3}")
        return "\n".join(rows)


def score_record(score: Score, record: Record, gold: dict) -> None:
    where = gold["file"]
    for field in ("title", "outlet", "agency"):
        want = gold.get(field)
        got = getattr(record, field)
        ok = got == want
        if field == "outlet" and want is None and got == gold.get("outlet_elsewhere"):
            ok = True
        if want is None and field in FLAGGED_WHEN_NULL and got is None:
            ok = _flagged(record, FLAGGED_WHEN_NULL[field])
        score.check(field, ok, where, want, got)
    want_pub = _iso(gold.get("published"))
    got_pub = record.published.iso() if record.published else None
    ok = want_pub == got_pub and (want_pub is not None or _flagged(record, "published:"))
    score.check("published", ok, where, want_pub, got_pub)
    events = gold.get("events") or []
    engs = sorted(record.engagements, key=lambda e: e.date.sort_key if e.date else (0,))
    score.check("engagements", len(engs) == len(events), where, len(events), len(engs))
    for i, (want, eng) in enumerate(zip(events, engs)):
        at = f"{where} #{i + 1}"
        want_date = _iso(want.get("event_date"))
        got_date = eng.date.iso() if eng.date else None
        ok = want_date == got_date and (eng.date is None or
                                        eng.date.precision == want.get("precision", "day"))
        if want_date is None:
            ok = ok and any(r.startswith("date:") for r in eng.review)
        score.check("event_date", ok, at, (want_date, want.get("precision")),
                    (got_date, eng.date.precision if eng.date else None))
        score.check("kind", eng.kind == want.get("kind"), at, want.get("kind"), eng.kind)
        got_people = sorted(m.name for m in eng.participants)
        score.check("participants", got_people == sorted(want.get("participants") or []), at,
                    sorted(want.get("participants") or []), got_people)
        score.check("forums", sorted(eng.forums) == sorted(want.get("forums") or []), at,
                    sorted(want.get("forums") or []), sorted(eng.forums))
        score.check("place", eng.place == want.get("place"), at, want.get("place"), eng.place)
    got_mentioned = sorted(m.name for m in record.mentioned)
    score.check("mentioned", got_mentioned == sorted(gold.get("mentioned") or []), where,
                sorted(gold.get("mentioned") or []), got_mentioned)
    if "candidates" in gold:
        got = sorted(m.name for m in record.candidates)
        score.check("candidates", got == sorted(gold["candidates"] or []), where,
                    sorted(gold["candidates"] or []), got)
    if "review_contains" in gold:
        for words in gold["review_contains"]:
            text = " | ".join(record.review + [r for e in record.engagements for r in e.review])
            score.check("review", words in text, where, words, text)
