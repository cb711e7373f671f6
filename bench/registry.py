#!/usr/bin/env python3
"""What a large registry costs: the demo site built cold with its own
registries, then with 10,000 more people (each with aliases and dated roles)
that no entry names.

    python bench/registry.py [--people 10000] [--runs 5] [--code DIR] [--write]

Each build is a fresh ``timeline build`` process into a new output folder with
no cache; wall time and peak memory (the process's max RSS) are the medians of
the runs, the two sites alternating. ``--code`` times another checkout of the
generator (e.g. one from before people got pages only when named). ``--write``
puts the table into bench/RESULTS.md under "Large registries".
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "RESULTS.md"
HEADING = "## Large registries"
TITLES = ["Foreign Minister", "Prime Minister", "President", "Defence Minister",
          "Trade Minister", "Ambassador"]


def person(i: int) -> str:
    """One registry item, as a hand-written registry has it."""
    year = 1980 + i % 44
    return (f"registered-person-{i}:\n  name: Registered Person {i}\n"
            f"  aliases: [R. Person {i}, Person {i}]\n  country: Country {i % 190}\n"
            f"  roles:\n    - title: {TITLES[i % len(TITLES)]}\n      from: {year}-0{1 + i % 9}\n"
            f"      to: {year + 4}\n  description: Office holder number {i}.\n")


def make_sites(root: Path, people: int) -> tuple[Path, Path]:
    demo, big = root / "demo", root / "big"
    for site in (demo, big):
        site.mkdir()
        shutil.copy2(REPO / "timeline.yaml", site / "timeline.yaml")
        shutil.copytree(REPO / "content", site / "content")
        shutil.copytree(REPO / "theme", site / "theme")
    with open(big / "content" / "people.yaml", "a", encoding="utf-8") as fh:
        fh.write("\n" + "\n".join(person(i) for i in range(people)))
    return demo, big


# Runs the command in-process, then reports the peak RSS of the build process
# and of the largest of its workers.
RUN = ("import resource, sys\n"
       "from generator.cli import main\n"
       "code = main(sys.argv[1:])\n"
       "peak = max(resource.getrusage(w).ru_maxrss for w in "
       "(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))\n"
       "sys.stderr.write(f'PEAK {peak}\\n')\n"
       "sys.exit(code)\n")


def timed_build(site: Path, code: Path, out: Path) -> tuple[float, float, int]:
    """(seconds, peak MiB, files in the output) of one ``timeline build``."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN, "build", "--out", str(out)], cwd=site,
                          env=env, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = int(done.stderr.rsplit("PEAK ", 1)[1].split()[0]) / 1024
    files = sum(len(names) for _, _, names in os.walk(out))
    return seconds, peak, files


EDITED = "content/entries/2022-01-04-jaishankar-lavrov-call.md"


def steps(site: Path, code: Path, n: int) -> dict[str, tuple[float, float, int]]:
    """A cold build (no cache, new output folder), then one entry edited and
    built again with the cache, as a push to the Pages workflow does."""
    out = site.parent / f"out-{site.name}-{n}"
    shutil.rmtree(site / ".timeline-cache", ignore_errors=True)
    cold = timed_build(site, code, out)
    entry = site / EDITED
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("title: ", f"title: {n} ", 1), encoding="utf-8")
    warm = timed_build(site, code, out)
    entry.write_text(text, encoding="utf-8")
    return {"cold": cold, "one entry, cache kept": warm}


def measure(people: int, runs: int, code: Path) -> dict[str, dict[str, tuple]]:
    with tempfile.TemporaryDirectory(prefix="bench-registry-") as tmp:
        demo, big = make_sites(Path(tmp), people)
        rows: dict[str, dict[str, list]] = {"demo": {}, "big": {}}
        for n in range(runs):
            for name, site in (("big", big), ("demo", demo)) if n % 2 else \
                    (("demo", demo), ("big", big)):
                for step, value in steps(site, code, n).items():
                    rows[name].setdefault(step, []).append(value)
        return {name: {step: (statistics.median(t for t, _, _ in values),
                              max(m for _, m, _ in values), values[0][2])
                       for step, values in by_step.items()}
                for name, by_step in rows.items()}


def table(result: dict, label: str) -> list[str]:
    lines = []
    for step, demo in result["demo"].items():
        big = result["big"][step]
        lines.append(f"| {label} | {step} | {demo[0]:.2f} | {big[0]:.2f} | "
                     f"{big[0] / demo[0]:.2f} | {demo[1]:.0f} | {big[1]:.0f} | "
                     f"{demo[2]:,} | {big[2]:,} |")
    return lines


def write(rows: list[str], people: int, runs: int) -> None:
    text = RESULTS.read_text(encoding="utf-8")
    section = (f"{HEADING}\n\n`python bench/registry.py --people {people} --runs {runs} "
               "--write`: the demo (11 entries) with its own registries, and with "
               f"{people:,} more registered people (aliases, dated roles) that no entry names; "
               "each build a new `timeline build` process; a cold build has no cache and a new "
               "output folder, then one entry is edited and built again with the cache, as a "
               "push to the Pages workflow does. Medians of the runs, the two sites "
               "alternating.\n\n"
               "| code | step | demo (s) | demo + registry (s) | ratio | demo peak MiB | "
               "demo + registry peak MiB | demo files | demo + registry files |\n"
               "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
               + "\n".join(rows) + "\n")
    if HEADING in text:
        head, rest = text.split(HEADING, 1)
        tail = rest.split("\n## ", 1)
        text = head + section + ("\n## " + tail[1] if len(tail) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--code", type=Path, action="append",
                        help="a checkout to time (repeatable; default: this one)")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rows = []
    for code in args.code or [REPO]:
        result = measure(args.people, args.runs, code)
        label = "this checkout" if code == REPO else str(code)
        rows.extend(table(result, label))
        print("\n".join(table(result, label)), flush=True)
    if args.write:
        write(rows, args.people, args.runs)


if __name__ == "__main__":
    main()
