#!/usr/bin/env python3
"""Save-to-browser latency of ``timeline serve``, measured in a real browser.

    python bench/serve_latency.py [--sites demo,10000] [--edits 20] [--write]

For each site: start ``timeline serve`` on a private copy, open an entry's page
in headless Chromium, then 20 times: change the entry's title on disk and
take the time from just before the write until the reloaded page has painted
the new title (the page reports ``Date.now()`` at its first animation frame;
same clock as the script). Prints median and 90th percentile, and the
server's own build time for the same rebuilds. ``demo`` is the repository's
demo; a number N is a synthetic site of N entries (bench/make_corpus.py).
``--write`` puts the table into bench/RESULTS.md under "## Serve latency".
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from results_file import write_section

REPO = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPORT = """
document.addEventListener('LiveReloadConnect', () => { window.__connected = true; });
window.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => {
  const h1 = document.querySelector('h1');
  window.__shown(h1 ? h1.textContent.trim() : '', Date.now(), performance.timeOrigin);
}));
"""


def make_site(kind: str, work: Path) -> Path:
    """A private project folder: the demo, or a synthetic corpus of N entries."""
    project = work / f"site-{kind}"
    if kind == "demo":
        project.mkdir()
        shutil.copy2(REPO / "timeline.yaml", project / "timeline.yaml")
        shutil.copytree(REPO / "content", project / "content")
    else:
        subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(project),
                        kind], check=True, stdout=subprocess.DEVNULL)
        config = project / "timeline.yaml"
        config.write_text(re.sub(r"(?m)^theme: .*$", "theme: theme", config.read_text()))
    shutil.copytree(REPO / "theme", project / "theme")  # nobody else's edits mid-run
    return project


class Server:
    """``timeline serve --port 0`` in ``project``; its output lines collected."""

    def __init__(self, project: Path):
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0"],
                                     cwd=project, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait(r"^serving (\S+)", timeout=900).group(1)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait(self, pattern: str, since: int = 0, timeout: float = 60) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines[since:]:
                if m := re.search(pattern, line):
                    return m
            if self.proc.poll() is not None:
                break
            time.sleep(0.01)
        raise SystemExit(f"no {pattern!r} from serve:\n" + "\n".join(self.lines[-20:]))

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(120)


def set_title(path: Path, text: str, title: str) -> None:
    path.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1),
                    encoding="utf-8")


def pick_entry(project: Path) -> Path:
    files = sorted((project / "content" / "entries").rglob("*.md"))
    return files[len(files) // 2]


def measure(kind: str, edits: int, work: Path) -> dict:
    from playwright.sync_api import sync_playwright

    project = make_site(kind, work)
    entry = pick_entry(project)
    original = entry.read_text(encoding="utf-8")
    n_entries = sum(1 for _ in (project / "content" / "entries").rglob("*.md"))
    started = time.monotonic()
    server = Server(project)
    startup = time.monotonic() - started
    shown: dict[str, tuple[float, float]] = {}
    latencies: list[float] = []
    loads: list[float] = []  # navigation start to painted page
    builds: list[float] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
            page = browser.new_page()
            page.expose_function("__shown",
                                 lambda title, ms, nav: shown.setdefault(title, (ms, nav)))
            page.add_init_script(REPORT)
            response = page.goto(server.url + f"entries/{entry.stem}/")
            assert response is not None and response.status == 200, entry
            for i in range(edits + 1):  # the first edit warms up, and is not counted
                page.wait_for_function("window.__connected === true", timeout=60_000)
                page.wait_for_timeout(300)
                title = f"Latency probe {i} {os.getpid()}"
                mark = len(server.lines)
                t0 = time.time() * 1000
                set_title(entry, original, title)
                deadline = time.monotonic() + 120
                while title not in shown:
                    if time.monotonic() > deadline:
                        raise SystemExit(f"edit {i} never reached the page")
                    page.wait_for_timeout(5)
                build = server.wait(r"pages rewritten.*, (\d+) ms$", since=mark)
                if i:
                    latencies.append(shown[title][0] - t0)
                    loads.append(shown[title][0] - shown[title][1])
                    builds.append(float(build.group(1)))
            browser.close()
    finally:
        entry.write_text(original, encoding="utf-8")
        server.stop()
    return {"site": kind, "entries": n_entries, "startup": startup,
            "latencies": latencies, "builds": builds, "loads": loads}


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def table(results: list[dict]) -> str:
    rows = ["| site | entries | save to painted page: median | p90 | min | max "
            "| server rebuild: median | page load (navigation to paint): median "
            "| the rest (watch, debounce, reload message): median | first build + start |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        lat = r["latencies"]
        rest = [a - b - c for a, b, c in zip(lat, r["builds"], r["loads"])]
        rows.append(f"| {r['site']} | {r['entries']} | {statistics.median(lat):.0f} ms | "
                    f"{p90(lat):.0f} ms | {min(lat):.0f} ms | {max(lat):.0f} ms | "
                    f"{statistics.median(r['builds']):.0f} ms | {statistics.median(r['loads']):.0f} ms "
                    f"| {statistics.median(rest):.0f} ms "
                    f"| {r['startup']:.1f} s |")
    return "\n".join(rows)


def write_results(text: str) -> None:
    write_section("Serve latency", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", default="demo,10000",
                        help="comma-separated: demo and/or entry counts (default: demo,10000)")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="serve-latency-") as tmp:
        for kind in args.sites.split(","):
            r = measure(kind.strip(), args.edits, Path(tmp))
            results.append(r)
            print(table([r]).splitlines()[-1], flush=True)
    load = os.getloadavg()[0]
    text = (f"`python bench/serve_latency.py --sites {args.sites} --edits {args.edits}`: "
            f"{args.edits} title edits per site, each timed from just before the file write "
            "until the reloaded page painted the new title in headless Chromium (after one "
            "warm-up edit). \"server rebuild\" is the rebuild time `timeline serve` printed for "
            f"the same saves. Load average when done: {load:.1f} on {os.cpu_count()} CPUs.\n\n"
            + table(results))
    print(text)
    if args.write:
        write_results(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
