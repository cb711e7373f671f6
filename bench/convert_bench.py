"""Conversion throughput: articles per second on the seed-like fixture articles.

Two figures:
- extract+render: the pure pipeline (clean, dates, people, forums, engagements,
  entry text) on strings, best of several rounds;
- end to end: ``timeline convert`` on a folder into an empty entries folder
  (reading, writing new entries, merging), best of several rounds.

Usage:  python bench/convert_bench.py [--rounds 5] [--write] [--corpus DIR]
``--write`` puts the figures under "## Convert" in bench/RESULTS.md (only that
section is touched).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.config import Config  # noqa: E402
from generator.convert import command  # noqa: E402
from generator.convert.extract import Registries, extract  # noqa: E402
from generator.convert.render import render_entry  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "convert"
SEEDS = ROOT / ".." / "shared" / "seeds"
RESULTS = ROOT / "bench" / "RESULTS.md"


def corpus(texts: Path | None = None) -> list[tuple[Path, Path]]:
    """(article, registry folder) pairs: our fixtures (both sets), the seeds when present, and
    a folder of real pages (``--corpus``, read with this repository's registries)."""
    world = FIXTURES / "world"
    items = [(p, FIXTURES / "registry") for p in sorted((FIXTURES / "articles").iterdir())]
    items += [(p, world / "registry") for p in sorted((world / "articles").iterdir())]
    if SEEDS.is_dir():
        items += [(p, ROOT / "content") for p in sorted(SEEDS.glob("*.txt"))]
    if texts is not None:
        items += [(p, ROOT / "content") for p in sorted(texts.glob("*.txt"))]
    return items


def bench_pipeline(items, rounds: int) -> float:
    regs = {reg: Registries.load(reg) for _, reg in items}
    texts = [(p.read_text(encoding="utf-8"), regs[reg], p.name) for p, reg in items]
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text, reg, name in texts:
            record = extract(text, reg, name)
            for eng in record.engagements:
                if eng.date is not None:
                    render_entry(record, eng)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def bench_end_to_end(items, rounds: int) -> float:
    fixtures = [p for p, reg in items if reg == FIXTURES / "registry"]  # one registry: one run
    best = float("inf")
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            content = Path(tmp) / "content"
            shutil.copytree(FIXTURES / "registry", content)
            args = argparse.Namespace(paths=[str(p) for p in fixtures], out=None, dry_run=False,
                                      json=False, add_people=False, full_text=False, url=None,
                                      published=None, outlet=None, manifest=None, timeout=20.0)
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                command.run(args, Config(content=content))
            best = min(best, time.perf_counter() - start)
    return len(fixtures) / best


def write_results(section: str) -> None:
    """Replace (or add) only the "## Convert" section of bench/RESULTS.md."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(r"^## Convert\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    parser.add_argument("--corpus", type=Path, help="also a folder of real pages (*.txt)")
    args = parser.parse_args()
    items = corpus(args.corpus)
    pipeline = bench_pipeline(items, args.rounds)
    end_to_end = bench_end_to_end(items, args.rounds)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    real = len(list(args.corpus.glob("*.txt"))) if args.corpus else 0
    fixtures = sum(1 for p, _ in items if FIXTURES in p.parents)
    section = (
        "## Convert\n\n"
        f"`python bench/convert_bench.py --rounds {args.rounds} --write"
        f"{' --corpus DIR' if args.corpus else ''}` on {len(items)} articles (our {fixtures} "
        "fixture articles, the five seeds" + (f", and {real} real news pages" if real else "") +
        "); best of "
        f"{args.rounds} rounds, one process. Load average while measuring: {load:.1f} "
        f"on {os.cpu_count()} CPUs.\n\n"
        "| measure | articles/second |\n| --- | ---: |\n"
        f"| extract + render (strings in, entry text out) | {pipeline:.0f} |\n"
        f"| `timeline convert` end to end (read, write, merge) | {end_to_end:.0f} |\n\n"
        "The converter reads every clause for engagement frames against a world gazetteer "
        "and 1,521 reference people; the first one, which took one engagement per article, "
        "did 423 and 311 articles/s on 43 fixtures.\n\n")
    print(section)
    if args.write:
        write_results(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
