#!/usr/bin/env python3
"""What a change costs: the same corpus built by two versions of the code.

    python bench/compare.py BEFORE_TREE AFTER_TREE [--size 10000] [--rounds 2]

Each tree is a checkout of this repository (``git worktree add``) with its own
``.venv`` (``python3 -m venv .venv && .venv/bin/pip install -e .``), so each
version runs with its own code and default theme. Per round and
version, alternating: a cold build (no cache, a new output folder, after the
disk has been quiet for a minute: see ``run.py``), a build with no change, a
build after one entry changed, and the build part of ``timeline serve`` after
one entry changed (median of 5 edits). Prints a Markdown table of medians, the
number of output files and the largest page.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402
from run import move_aside, settle, touch_entry  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
KEPT_ALIVE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from generator.builder.site import Builder
from generator.config import load_config
sys.path.insert(0, sys.argv[3])
from run import touch_entry
corpus = Path(sys.argv[2])
builder = Builder(load_config(corpus / "timeline.yaml"))
builder.build()
times = []
for n in range(5):
    time.sleep(0.3)
    changed = touch_entry(corpus, 5000 + n)
    started = time.perf_counter()
    builder.build({changed})
    times.append(time.perf_counter() - started)
print(json.dumps(times))
"""


def timed(tree: Path, args: list[str], corpus: Path, cold: bool = False) -> float:
    """Wall seconds of one command run by ``tree``'s own Python, in ``corpus``."""
    saved = run.REPO
    run.REPO = tree  # what ``run.timed`` puts on PYTHONPATH
    try:
        return run.timed([str(tree / ".venv" / "bin" / "python"), *args], corpus, cold)[0]
    finally:
        run.REPO = saved


def one_round(tree: Path, corpus: Path) -> dict[str, float]:
    build = ["-m", "generator", "build"]
    move_aside(corpus / "site")
    move_aside(corpus / ".timeline-cache")
    out = {"cold": timed(tree, build, corpus, cold=True), "no change": timed(tree, build, corpus)}
    touch_entry(corpus, int(out["cold"] * 1000))
    out["one entry"] = timed(tree, build, corpus)
    settle(corpus)
    alive = subprocess.run([str(tree / ".venv" / "bin" / "python"), "-c", KEPT_ALIVE, str(tree),
                            str(corpus), str(REPO / "bench")], capture_output=True, text=True,
                           check=True, cwd=corpus, env={**os.environ, "PYTHONPATH": str(tree)})
    out["serve: one entry (kept alive)"] = statistics.median(json.loads(alive.stdout))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="compare-"))
    corpora = {}
    for name in ("before", "after"):  # each tree's own corpus script: it names its theme
        corpora[name] = work / name
        tree = getattr(args, name).resolve()
        subprocess.run([sys.executable, str(tree / "bench" / "make_corpus.py"),
                        str(corpora[name]), str(args.size)], check=True, capture_output=True)
    runs: dict[str, dict[str, list[float]]] = {"before": {}, "after": {}}
    for _ in range(args.rounds):
        for name in ("before", "after"):
            for step, seconds in one_round(getattr(args, name).resolve(), corpora[name]).items():
                runs[name].setdefault(step, []).append(seconds)
    print("| step | before (s) | after (s) |\n| --- | ---: | ---: |")
    for step in runs["before"]:
        print(f"| {step} | {statistics.median(runs['before'][step]):.2f} | "
              f"{statistics.median(runs['after'][step]):.2f} |")
    for name in ("before", "after"):
        site = corpora[name] / "site"
        files = [p for p in site.rglob("*") if p.is_file()]
        print(f"{name}: {len(files)} files, largest page "
              f"{max(p.stat().st_size for p in files if p.suffix == '.html') / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
