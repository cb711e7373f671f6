#!/usr/bin/env python3
"""The build part of ``timeline serve`` after one entry changed, and where its time goes.

    python bench/kept_alive.py TREE [TREE ...] [--size 10000] [--runs 4] [--edits 15] [--spread]

Each TREE is a checkout of this repository with its own ``.venv`` (as for
``compare.py``) and gets its own corpus (its own ``bench/make_corpus.py``).
Runs alternate between the trees; a run is one process that builds the corpus
once, builds again after one edit (what a preview has in memory by then), then
``--edits`` times changes an entry's summary, waits 0.3 s as the watcher would,
and builds again, told which file changed, as ``timeline serve`` does. The
edited entry is the one in the middle of the corpus (``run.touch_entry``), or
with ``--spread`` a different one each time (seeded).

Prints, per tree, the median over the runs of each run's median: wall and CPU
time of a rebuild, and the wall time of its parts (functions timed by name
where the tree has them; "the rest" is what no part covers).
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

PARTS = """
import functools, json, random, sys, time
from pathlib import Path
from generator.builder import site
from generator.builder.page_renderer import PageRenderer
from generator.config import load_config

spent = {}

def timed(owner, name, part, static=False):
    fn = getattr(owner, name, None)
    if fn is None:
        return False
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[part] = spent.get(part, 0.0) + time.perf_counter() - started
    setattr(owner, name, staticmethod(wrapper) if static else wrapper)
    return True

timed(site.Builder, "_load", "loading")
timed(site.Builder, "_graph", "site graph") or timed(site, "build_graph", "site graph")
timed(site, "affected", "affected pages")
timed(site, "plan_pages", "planning")
timed(site.Builder, "_sort_out", "fingerprints", static=True)
timed(PageRenderer, "render", "rendering pages")
timed(site, "other_files", "whole-site files")
timed(site, "write_site", "writing")

corpus, edits, spread = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "spread"
files = sorted((corpus / "content" / "entries").rglob("*.md"))
rng = random.Random(len(files))

def edit(n):  # the middle entry, as run.touch_entry, or any
    path = files[rng.randrange(len(files))] if spread else files[len(files) // 2]
    path.write_text(path.read_text().replace("summary: ", f"summary: Edit {n}. ", 1))
    return path

builder = site.Builder(load_config(corpus / "timeline.yaml"))
builder.build()
builder.build({edit(0)})
out = []
for n in range(edits):
    time.sleep(0.3)
    path = edit(n + 1)
    spent.clear()
    cpu, started = time.process_time(), time.perf_counter()
    builder.build({path})
    wall = time.perf_counter() - started
    out.append({"wall": wall, "cpu": time.process_time() - cpu, **spent,
                "the rest": wall - sum(spent.values())})
print(json.dumps(out))
"""
SHOWN = ("wall", "cpu", "loading", "site graph", "affected pages", "planning", "fingerprints",
         "rendering pages", "whole-site files", "writing", "the rest")


def one_run(tree: Path, corpus: Path, edits: int, spread: bool) -> list[dict[str, float]]:
    """The rebuilds of one process of ``tree``'s code."""
    done = subprocess.run([str(tree / ".venv" / "bin" / "python"), "-c", PARTS, str(corpus),
                           str(edits), "spread" if spread else "middle"],
                          capture_output=True, text=True, cwd=corpus,
                          env={**os.environ, "PYTHONPATH": str(tree)})
    if done.returncode:
        sys.exit(f"{tree}: {done.stderr}")
    return json.loads(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("trees", type=Path, nargs="+")
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=4)
    ap.add_argument("--edits", type=int, default=15)
    ap.add_argument("--spread", action="store_true", help="edit a different entry each time")
    args = ap.parse_args()
    trees = [tree.resolve() for tree in args.trees]
    work = Path(tempfile.mkdtemp(prefix="kept-alive-"))
    corpora = [work / str(i) for i in range(len(trees))]
    for tree, corpus in zip(trees, corpora):
        subprocess.run([sys.executable, str(tree / "bench" / "make_corpus.py"), str(corpus),
                        str(args.size)], check=True, capture_output=True)
    medians: list[list[dict[str, float]]] = [[] for _ in trees]
    for _ in range(args.runs):
        for i, (tree, corpus) in enumerate(zip(trees, corpora)):
            rebuilds = one_run(tree, corpus, args.edits, args.spread)
            medians[i].append({part: statistics.median(r.get(part, 0.0) for r in rebuilds)
                               for part in SHOWN})
            print(f"{tree}: {medians[i][-1]['wall'] * 1000:.0f} ms", file=sys.stderr)
    print("| ms | " + " | ".join(str(tree) for tree in trees) + " |")
    print("| --- |" + " ---: |" * len(trees))
    for part in SHOWN:
        cells = [statistics.median(run[part] for run in runs) * 1000 for runs in medians]
        print(f"| {part} | " + " | ".join(f"{ms:.0f}" for ms in cells) + " |")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
