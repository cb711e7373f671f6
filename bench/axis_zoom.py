#!/usr/bin/env python3
"""What the zoomable time axis (theme/static/axis.js) costs in a real browser.

    python bench/axis_zoom.py [--sites demo,300,10000] [--runs 5] [--frames 90] [--write]

For each site (``demo`` is the repository's demo; a number N is a synthetic
site of N entries from bench/make_corpus.py), built once and served locally,
headless Chromium opens the home page ``--runs`` times and measures:

- *usable after*: from the start of navigation to the axis's first frame (the
  script then sets ``data-zoom``; a MutationObserver notes the time): when the
  page first answers the wheel and the keys, over a local connection;
- *setup*: the script's own run when the page loads (reading the marks,
  building the controls), timed by marks the benchmark adds around the file
  it serves;
- *index*: on a counts axis with the search index (past 300 entries), from the
  first use (focus) to the engagements being ready to draw, with the index
  already fetched by the search box (reading 10,000 records and sorting them);
- per frame, while the wheel zooms in and out over ``--frames`` frames each way
  (one wheel event a frame), then while a drag pans a zoomed view: the main
  thread's busy time per frame (Chrome's TaskDuration, which includes style,
  layout and paint, divided by frames) and the time between frames (median,
  95th percentile): 16.7 ms means every frame was drawn on time.

``--write`` puts the table into bench/RESULTS.md under "## Zoomable axis".
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import shutil
import socketserver
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
WATCH = """
window.__seen = {};
new MutationObserver(records => {
  for (const r of records) {
    const v = r.target.getAttribute(r.attributeName);
    window.__seen[r.attributeName + '=' + v] ??= performance.now();
  }
}).observe(document, {subtree: true, attributes: true,
                      attributeFilter: ['data-zoom', 'data-detail']});
"""
# One wheel event (or pointer move) a frame; returns [busy frames' intervals].
GESTURE = """async ([kind, frames, step]) => {
  const svg = document.querySelector('svg.axis');
  const box = svg.getBoundingClientRect();
  const x = box.left + box.width * 0.62, y = box.top + 20;
  const next = () => new Promise(r => requestAnimationFrame(r));
  const times = [];
  let px = x;
  if (kind === 'drag') svg.dispatchEvent(new PointerEvent('pointerdown', {pointerId: 1,
      pointerType: 'mouse', button: 0, buttons: 1, clientX: px, clientY: y, bubbles: true,
      cancelable: true}));
  await next();
  for (let i = 0; i < frames; i++) {
    if (kind === 'drag') {
      px += step;
      svg.dispatchEvent(new PointerEvent('pointermove', {pointerId: 1, pointerType: 'mouse',
          buttons: 1, clientX: px, clientY: y, bubbles: true, cancelable: true}));
    } else {
      svg.dispatchEvent(new WheelEvent('wheel', {deltaY: step, clientX: x, clientY: y,
          bubbles: true, cancelable: true}));
    }
    times.push(await next());
  }
  if (kind === 'drag') svg.dispatchEvent(new PointerEvent('pointerup', {pointerId: 1,
      pointerType: 'mouse', button: 0, clientX: px, clientY: y, bubbles: true}));
  return times.slice(1).map((t, i) => t - times[i]);
}"""


NOTES = """\
- *usable after* counts from the start of navigation to the axis's first frame
  (HTML, stylesheet, script and the page's first layout over a local
  connection); *setup* is the script's own part of it (reading the marks,
  making the controls).
- A frame of zooming or dragging sets one transform on the group of marks,
  the tick labels (a few dozen) and the focus ring: its cost does not follow
  the number of marks. At 10,000 entries the page holds the 130 monthly
  bars; once the view holds 300 engagements or fewer, those in view and up
  to 300 on either side are drawn from the search index, again only when the
  view leaves what is drawn or the scale changes by more than 1.6 times (the
  drag's frames include some of those redraws). Every frame came on time
  (16.7 ms apart at 60 frames a second).
- *index ready after first use*: reading the 10,000 records of
  `search.json` (1.5 MB, already fetched by the search box), placing and
  sorting them, once.\
"""


def make_site(kind: str, work: Path) -> tuple[Path, str]:
    """A built private copy: the demo, or a synthetic corpus of N entries; and its base path."""
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
    shutil.copytree(REPO / "theme", project / "theme")
    subprocess.run([sys.executable, "-m", "generator", "--quiet", "build"], cwd=project,
                   check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    base = re.search(r"(?m)^base_url: *(\S+)", (project / "timeline.yaml").read_text())
    path = "/" + base.group(1).split("://", 1)[1].partition("/")[2] if base else "/"
    return project / "site", path


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root: Path, prefix: str, work: Path):
    served = root
    if prefix.strip("/"):
        served = work / f"mount-{root.parent.name}"
        (served / prefix.strip("/")).parent.mkdir(parents=True, exist_ok=True)
        (served / prefix.strip("/")).symlink_to(root, target_is_directory=True)
    httpd = socketserver.ThreadingTCPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(served)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"


def busy(cdp) -> float:
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["TaskDuration"]


def gesture(page, cdp, kind: str, frames: int, step: float) -> tuple[float, list[float]]:
    before = busy(cdp)
    intervals = page.evaluate(GESTURE, [kind, frames, step])
    return (busy(cdp) - before) * 1000 / frames, intervals


def timed(route) -> None:
    """axis.js with a performance mark before and after it."""
    body = route.fetch().text()
    route.fulfill(body="performance.mark('axis-start');\n" + body +
                  "\nperformance.mark('axis-end');\n", content_type="text/javascript")


def measure(browser, url: str, frames: int) -> dict:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.add_init_script(WATCH)
    page.route("**/static/axis.js", timed)
    page.goto(url)
    page.wait_for_selector("svg.axis[data-zoom='ready']")
    out = {"ready": page.evaluate("window.__seen['data-zoom=ready']"),
           "setup": page.evaluate("performance.measure('axis', 'axis-start', 'axis-end')"
                                  ".duration"),
           "counts": page.locator("svg.axis.counts").count() == 1,
           "marks": page.locator("svg.axis g.marks > *").count(),
           "index": None}
    if page.locator("svg.axis[data-index]").count():
        page.wait_for_selector("#explore[data-ready='true']")
        start = page.evaluate("performance.now()")
        page.locator("svg.axis [tabindex='0']").focus()
        page.wait_for_selector("svg.axis[data-detail='ready']")
        out["index"] = page.evaluate("window.__seen['data-detail=ready']") - start
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    zoom_in = gesture(page, cdp, "wheel", frames, -40)
    out["drawn"] = page.locator("svg.axis .z-dots > *").count()
    zoom_out = gesture(page, cdp, "wheel", frames, 40)
    for _ in range(6):  # a view of a few months, where a drag has most to draw
        page.mouse.move(600, 0)
        page.evaluate(GESTURE, ["wheel", 1, -240])
    drag = gesture(page, cdp, "drag", frames, 12)
    out["zoom"] = (zoom_in[0] + zoom_out[0]) / 2, zoom_in[1] + zoom_out[1]
    out["drag"] = drag
    page.close()
    return out


def ms(x: float) -> str:
    return f"{x:.1f}"


def table(rows: list[tuple[str, int, list[dict]]], frames: int) -> str:
    lines = ["| site | entries | axis | marks in the page | usable after "
             "| setup | index ready after first use | zoom: busy per frame | zoom: frame interval "
             "median / p95 | drag: busy per frame | drag: frame interval median / p95 |",
             "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, entries, runs in rows:
        def med(key):
            return statistics.median(r[key] for r in runs)

        def frames_of(key):
            gaps = sorted(g for r in runs for g in r[key][1])
            return f"{ms(statistics.median(gaps))} / {ms(gaps[int(len(gaps) * 0.95)])} ms"
        first = runs[0]
        kind = "monthly counts, then engagements from the index" if first["index"] is not None \
            else "monthly counts" if first["counts"] else "a mark per engagement"
        index = f"{ms(med('index'))} ms" if first["index"] is not None else "–"
        lines.append(
            f"| {name} | {entries:,} | {kind} | {first['marks']} | {ms(med('ready'))} ms "
            f"| {ms(med('setup'))} ms | {index} | {ms(statistics.median(r['zoom'][0] for r in runs))} ms "
            f"| {frames_of('zoom')} | {ms(statistics.median(r['drag'][0] for r in runs))} ms "
            f"| {frames_of('drag')} |")
    return "\n".join(lines)


def write_results(text: str) -> None:
    write_section("Zoomable axis", text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sites", default="demo,300,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--frames", type=int, default=90)
    ap.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="axis-bench-") as tmp, sync_playwright() as pw:
        work = Path(tmp)
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        for kind in args.sites.split(","):
            site, prefix = make_site(kind, work)
            httpd, url = serve(site, prefix, work)
            entries = len(list((site / "entries").iterdir()))
            runs = [measure(browser, url, args.frames) for _ in range(args.runs)]
            httpd.shutdown()
            httpd.server_close()
            rows.append((kind, entries, runs))
            print(f"{kind}: done", file=sys.stderr)
        browser.close()
    load = os.getloadavg()[0]
    text = (f"`python bench/axis_zoom.py --sites {args.sites} --runs {args.runs} --frames "
            f"{args.frames}`: the home page in headless Chromium (1200 px wide, software "
            f"rendering), medians of {args.runs} page loads; busy time is the main thread's "
            f"per frame (script, style, layout and paint), {args.frames} frames of zooming in "
            f"and {args.frames} out, one wheel event a frame, then {args.frames} frames of "
            f"dragging a zoomed view. Load average when done: {load:.1f} on "
            f"{os.cpu_count()} CPUs.\n\n" + table(rows, args.frames) + "\n\n" + NOTES)
    print(text)
    if args.write:
        write_results(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
