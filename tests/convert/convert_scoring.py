"""The converter's scores in tests: the same scorer as ``bench/convert_score.py``.

The seeds (``../shared/seeds``), the converter's first fixtures
(``tests/fixtures/convert``) and the world fixtures
(``tests/fixtures/convert/world``) are converted by the real command into
temporary folders and scored field by field, with an optimal pairing of
engagements to entries, same-event groups merged and silent errors counted.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from convert_score import Report, score_folder  # noqa: E402

SEEDS = REPO / ".." / "shared" / "seeds"
FIXTURES = REPO / "tests" / "fixtures" / "convert"
WORLD = FIXTURES / "world"


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


def scored(texts: Path, gold: Path, registry: Path, tmp: Path) -> Report:
    report = score_folder(texts, gold, registry, work=tmp)
    print("\n" + report.table())
    return report


def shortfalls(report: Report) -> list[str]:
    """What keeps a score from being perfect (empty when it is)."""
    s = report.summary()
    problems = [m for m in report.misses if "SPURIOUS" not in m]
    for key in ("found_rate", "event_date_rate", "kind_rate", "place_rate", "scheduled_rate",
                "title_rate", "published_rate", "outlet_rate", "participants_f1", "forums_f1"):
        if s[key] < 1.0:
            problems.append(f"{key} = {s[key]:.2f}")
    if s["silent_errors"] or s["wrong_merges"] or s["groups_merged"] < s["same_event_groups"]:
        problems.append(f"silent {s['silent_errors']}, wrong merges {s['wrong_merges']}, "
                        f"merged {s['groups_merged']}/{s['same_event_groups']}")
    return problems
