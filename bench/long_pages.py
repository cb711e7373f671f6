"""Conversion time on pathological pages: does it grow with the page's length, not faster?

Three shapes, each at 15,000, 30,000 and 60,000 words, best of ``--rounds``:
- one sentence of one name and one verb again and again ("Mehta met Okafor Mehta met ...");
- one sentence of names, dates and quotations in random order (every rule that looks
  around a name sees many others);
- a fixture article repeated until it is that long (many short lines and paragraphs).

Time that doubles with the length is linear; time that quadruples is quadratic.

Usage:  python bench/long_pages.py [--rounds 2] [--write]
``--write`` puts the table under "## Long pages" in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_section  # noqa: E402
from generator.convert.extract import Registries, extract  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "convert"
SIZES = (15_000, 30_000, 60_000)


def page(shape: str, words: int) -> str:
    """The page of ``shape`` with about ``words`` words."""
    if shape == "one name":
        return "Mehta met Okafor " * (words // 3)
    if shape == "article":
        article = (FIXTURES / "articles" / "f01_courier_call.txt").read_text("utf-8")
        return article * max(1, words // len(article.split()))
    rng = random.Random(1)
    names = ["Rohan Mehta", "David Okafor", "Kenji Arakawa", "Aditi Rao", "Jean Dupont"]
    vocab = ('met called with about talks in Tokyo on Monday said "we agreed that this '
             'matters" the minister').split()
    return " ".join(rng.choice(names + vocab) for _ in range(words))


def seconds(text: str, reg: Registries, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        extract(text, reg, "long.txt")
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    reg = Registries.load(FIXTURES / "registry")
    rows = ["| page | " + " | ".join(f"{n:,} words" for n in SIZES) + " | 60k / 30k |",
            "| --- |" + " --- |" * (len(SIZES) + 1)]
    for shape in ("one name", "names, dates and quotes", "article"):
        times = [seconds(page(shape, n), reg, args.rounds) for n in SIZES]
        rows.append(f"| {shape} | " + " | ".join(f"{t:.1f} s" for t in times) +
                    f" | {times[-1] / max(times[-2], 1e-9):.1f} |")
        print(rows[-1], flush=True)
    body = ("`python bench/long_pages.py --write` (extract only, best of "
            f"{args.rounds}; one core). A ratio near 2 in the last column is linear growth.\n\n"
            + "\n".join(rows))
    if args.write:
        write_section("Long pages", body)


if __name__ == "__main__":
    main()
