#!/usr/bin/env python3
"""Build benchmark: timeline against Hugo on the same synthetic corpus.

    python bench/run.py [--sizes 1000 10000] [--runs 3] [--write bench/RESULTS.md]

For each size it writes a corpus (bench/make_corpus.py) and an equivalent Hugo
site, then times, alternating ours and Hugo's, several runs each:
cold build (empty cache and output), rebuild with no change, rebuild after one
entry changed, rebuild after one registry change; plus peak memory (max RSS of
the build process), the largest page, and the kept-alive build that
``timeline serve`` runs after one entry changed. Needs Debian's ``hugo``.

Before each timed step the disk is settled: the old trees that our builds
delete in the background are gone and ``sync`` has flushed what the previous
step wrote, so neither generator pays for the other's writes. Old outputs are
moved aside, not deleted, and a cold build waits a minute after the previous
step (which may have deleted files): ext4 skips inodes freed in the last
minute when it allocates new ones (the kernel's ``recently_deleted``), which
makes creating 20,000 files and folders right after deleting as many 3 to 10
times slower, whichever generator does it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

STEPS = ("cold", "no change", "one entry", "registry")
INODE_QUARANTINE = 61  # seconds: ext4's RECENTCY_MIN (60) once the inode tables are written


def settle(folder: Path, timeout: float = 120) -> None:
    """Wait for background deletions of old trees (``.site.*.tmp``) in ``folder``,
    then flush the disk's write-back."""
    deadline = time.monotonic() + timeout
    while any(folder.glob(".*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.sync()


def quiet_disk(work: Path) -> None:
    """Before a cold build: no deletion under way in any corpus, then a minute
    with none (see the module's docstring)."""
    for folder in work.iterdir():
        settle(folder)
    time.sleep(INODE_QUARANTINE)


def move_aside(path: Path) -> None:
    """Retire an old output without freeing its inodes (deleted at the end)."""
    if path.exists():
        trash = path.parent.parent / "trash"
        trash.mkdir(exist_ok=True)
        path.rename(trash / f"{path.parent.name}-{path.name}-{time.monotonic_ns()}")


def timed(cmd: list[str], cwd: Path, cold: bool = False) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one command."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if cold:
        quiet_disk(cwd.parent)
    settle(cwd)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss


def touch_entry(root: Path, n: int) -> Path:
    files = sorted((root / "content" / "entries").rglob("*.md"))
    path = files[len(files) // 2]
    text = path.read_text()
    path.write_text(text.replace("summary: ", f"summary: Edit {n}. ", 1))
    return path


def touch_hugo_entry(root: Path, n: int) -> None:
    files = sorted((root / "content" / "entries").glob("*.md"))
    path = files[len(files) // 2]
    path.write_text(path.read_text().replace("summary: ", f"summary: Edit {n}. ", 1))


def touch_registry(root: Path, n: int) -> None:
    path = root / "content" / "people.yaml"
    path.write_text(path.read_text().replace("country: ", f"country: R{n}", 1))


def touch_hugo_registry(root: Path, n: int) -> None:
    data = root / "data"
    data.mkdir(exist_ok=True)
    (data / "people.yaml").write_text(f"edit: {n}\n")


def ours(corpus: Path) -> dict[str, tuple[float, int]]:
    build = [sys.executable, "-m", "generator", "build"]
    move_aside(corpus / "site")
    move_aside(corpus / ".timeline-cache")
    out = {"cold": timed(build, corpus, cold=True), "no change": timed(build, corpus)}
    touch_entry(corpus, int(time.time()))
    out["one entry"] = timed(build, corpus)
    touch_registry(corpus, int(time.time()))
    out["registry"] = timed(build, corpus)
    return out


def hugo(site: Path) -> dict[str, tuple[float, int]]:
    build = ["hugo", "--quiet", "-d", str(site / "public")]
    move_aside(site / "public")
    move_aside(site / "resources")
    out = {"cold": timed(build, site, cold=True), "no change": timed(build, site)}
    touch_hugo_entry(site, int(time.time()))
    out["one entry"] = timed(build, site)
    touch_hugo_registry(site, int(time.time()))
    out["registry"] = timed(build, site)
    return out


def kept_alive(corpus: Path, edits: int = 10) -> list[float]:
    """The build part of ``timeline serve``: one Builder, one entry edited each
    time, a pause between saves as when a person edits."""
    from generator.builder.site import Builder
    from generator.config import load_config

    cwd = os.getcwd()
    os.chdir(corpus)
    try:
        builder = Builder(load_config(corpus / "timeline.yaml"))
        builder.build()
        times = []
        for n in range(edits):
            time.sleep(0.3)
            changed = touch_entry(corpus, 1000 + n)
            started = time.perf_counter()
            builder.build({changed})  # as the watcher of ``timeline serve`` tells it
            times.append(time.perf_counter() - started)
        return times
    finally:
        os.chdir(cwd)


def largest_page(site: Path) -> int:
    return max(p.stat().st_size for p in site.rglob("*.html"))


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), "
            f"Python {platform.python_version()}, Hugo {hugo_version}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--write", type=Path, help="replace the build section of this RESULTS.md")
    args = ap.parse_args()
    rows, works = [], []
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"bench-{size}-"))
        works.append(work)
        subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(work / "ours"),
                        str(size), "--hugo", str(work / "hugo")], check=True, capture_output=True)
        runs: dict[str, list] = {f"{who} {step}": [] for who in ("ours", "hugo") for step in STEPS}
        for _ in range(args.runs):  # alternate so both see the same machine state
            for who, fn, root in (("ours", ours, work / "ours"), ("hugo", hugo, work / "hugo")):
                for step, value in fn(root).items():
                    runs[f"{who} {step}"].append(value)
        alive = kept_alive(work / "ours")
        page = largest_page(work / "ours" / "site")
        for step in STEPS:
            us = statistics.median(t for t, _ in runs[f"ours {step}"])
            them = statistics.median(t for t, _ in runs[f"hugo {step}"])
            rows.append((size, step, us, them, us / them,
                         max(m for _, m in runs[f"ours {step}"]) / 1024,
                         max(m for _, m in runs[f"hugo {step}"]) / 1024))
        rows.append((size, "serve: one entry (build part, kept alive)",
                     statistics.median(alive), None, None, None, None))
        rows.append((size, f"largest page: {page / 1024:.0f} KiB", None, None, None, None, None))
    for work in works:  # only now: freed inodes would slow the next cold builds
        shutil.rmtree(work, ignore_errors=True)
    table = ["| entries | step | ours (s) | Hugo (s) | ours/Hugo | ours peak MiB | Hugo peak MiB |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    fmt = lambda v, f: "" if v is None else format(v, f)  # noqa: E731
    for size, step, us, them, ratio, mem, hmem in rows:
        table.append(f"| {size:,} | {step} | {fmt(us, '.2f')} | {fmt(them, '.2f')} | "
                     f"{fmt(ratio, '.1f')} | {fmt(mem, '.0f')} | {fmt(hmem, '.0f')} |")
    text = "\n".join(table)
    print(f"Machine: {machine()}; medians of {args.runs} runs\n\n{text}")
    if args.write:
        write_section(args.write, f"Machine: {machine()}. Medians of {args.runs} runs, "
                      f"ours and Hugo alternating, `python bench/run.py --runs {args.runs}`.\n\n{text}\n")
    return 0


def write_section(path: Path, body: str, heading: str = "## Build speed") -> None:
    text = path.read_text() if path.exists() else "# Benchmark results\n"
    start = text.find(heading)
    if start >= 0:
        end = text.find("\n## ", start + len(heading))
        text = text[:start] + text[end + 1:] if end >= 0 else text[:start]
    path.write_text(text.rstrip() + f"\n\n{heading}\n\n{body}")


if __name__ == "__main__":
    sys.exit(main())
