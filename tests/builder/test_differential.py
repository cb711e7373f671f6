"""Incremental builds equal clean builds for any theme: random sequences of
edits (entries added, changed, deleted and renamed; registries, config,
templates and assets edited, including custom templates that call every
site-wide helper), each followed by an incremental build that is compared
byte for byte with a clean build of the same input.

Seeded: a failure names its seed; ``DIFF_SEED=n DIFF_SEQUENCES=1`` replays it.
"""

import os
import random
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import copy_demo
from generator.builder import pages as planning
from generator.builder.site import Builder, build_site, render_site, visible
from generator.config import load_config
from generator.content.loader import load_content
from generator.errors import TimelineError
from generator.serve.rebuild import Rebuilder

SEQUENCES = int(os.environ.get("DIFF_SEQUENCES", "200"))
FIRST_SEED = int(os.environ.get("DIFF_SEED", "1300"))
NAMES = ["S. Jaishankar", "Antony Blinken", "Sergey Lavrov", "Ned Price", "Marise Payne",
         "Someone New", "Asha Anand", "Lavrov"]
FORUMS = ["Quad", "G20", "New Forum"]
KINDS = ["meeting", "call", "summit", "visit"]
# Spellings that places.yaml's names and aliases (the site's or the bundled list's) may
# make one place, cities the gazetteer knows, a name several cities share, a venue it
# does not know.
PLACES = ["Rome", "Roma", "New Delhi", "new delhi", "Delhi", "Tokyo", "Tokio", "Hyderabad",
          "Bombay", "Mumbai", "Camp Nowhere"]
PLACE_NAMES = {"rome": ["Rome", "Roma"], "tokyo": ["Tokyo", "Tokio"],
               "new-delhi": ["New Delhi", "Delhi"], "hyderabad": ["Hyderabad", "Bombay"]}
EVERYWHERE = ("<p class=\"probe\">{{ site_axis()|length }} {{ exports.json }} "
              "{{ feed_path('people', 'x') }} {{ calendar_path() }} {{ url('a/') }} "
              "{{ asset('style.css') }} {{ month_name(3) }} {{ paths.year(2022) }} "
              "{{ count_bar(1, 2) }} {{ ranked_peak([(1, 3)]) }} {{ person('sergey-lavrov').name }} "
              "{{ forum('quad').name }} {{ site.title }} {{ paths.country('in') }} "
              "{{ paths.relation(pair_name('us', 'in')) }} {{ paths.place(place_slug('Rome')) }} "
              "{{ site_map() }}</p>")
OF_ENTRY = ("<p class=\"probe-e\">{{ event_jsonld(e) }} {{ axis_of([e], 'x') }} "
            "{{ per_year_bars([e], 'y') }} {{ date_tag(e.date) }} {{ body_html(e)|length }} "
            "{{ map_of([e], 'z') }}</p>")
# Template -> what a custom theme adds to it: every helper, and context the
# bundled theme does not print (a timeline's entries and total on every page;
# its summaries, which only a first page gets, on first pages).
FIRST = "{% if not (pager_info and pager_info.number > 1) %}"
PROBES = {
    "entry.html": "{{ site_axis() }}" + OF_ENTRY + "{{ item_html(e, 4) }} {{ countries|length }} "
                  "{{ relations|length }}",
    "item.html": OF_ENTRY.replace("probe-e", "probe-i"),
    "person.html": "{% for x in entries %}{{ x.title }};{% endfor %} {{ count }} " + FIRST +
                   "{{ mentions|length }} {{ counterparts|length }}{% endif %}",
    "forum.html": "{% for x in entries %}{{ x.slug }};{% endfor %} {{ count }} " + FIRST +
                  "{{ participants|length }}{% endif %}",
    "year.html": "{{ years }} {{ count }}",
    "country.html": "{% for x in entries %}{{ x.slug }};{% endfor %} {{ count }} {{ c.name }} " +
                    FIRST + "{{ people|length }} {{ counterparts|length }} {{ forums|length }}"
                    "{% endif %}",
    "relation.html": "{% for x in entries %}{{ x.slug }};{% endfor %} {{ count }} {{ r.name }} " +
                     FIRST + "{{ levels }} {{ places }} {{ gaps|length }} {{ forums|length }}"
                     "{% endif %}",
    "countries.html": "{{ rows|length }}",
    "place.html": "{% for x in entries %}{{ x.slug }};{% endfor %} {{ count }} {{ name }} "
                  "{{ slug }} " + FIRST + "{{ countries }} {{ forums|length }}{% endif %}",
    "places.html": "{{ rows|length }}",
    "home.html": "{{ total }} {{ older }} {{ shown_years }}",
    "404.html": "{{ site_axis()|length }}",
    "base.html": EVERYWHERE,
}


def customise(theme: Path, name: str) -> None:
    path = theme / "templates" / name
    text = path.read_text()
    probe = PROBES[name]
    if "{% block main %}{% endblock %}" in text:  # base.html: on every page
        text = text.replace("{% block main %}{% endblock %}", probe + "{% block main %}{% endblock %}")
    elif "{% block main %}" in text:
        text = text.replace("{% block main %}", "{% block main %}" + probe, 1)
    else:
        text += probe
    path.write_text(text)


def entry_text(rng: random.Random, title: str) -> str:
    year = rng.choice([2019, 2021, 2022, 2023])
    date = rng.choice([f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                       f"{year}-{rng.randint(1, 12):02d}", str(year)])
    people = rng.sample(NAMES, rng.randint(0, 3))
    lines = ["---", f"title: {title}", f"date: {date}", f"kind: {rng.choice(KINDS)}",
             f"people: [{', '.join(people)}]"]
    if rng.random() < 0.5:
        lines.append(f"forums: [{rng.choice(FORUMS)}]")
    if rng.random() < 0.3:
        lines.append(f"mentioned: [{rng.choice(['Ned Price', 'Someone Else'])}]")
    if rng.random() < 0.2:
        lines.append("review: [check the date]")
    if rng.random() < 0.1:
        lines.append("draft: true")
    if rng.random() < 0.5:
        lines.append(f"summary: Summary {rng.randint(1, 99)}.")
    if rng.random() < 0.6:
        lines.append(f"place: {rng.choice(PLACES)}")
    body = rng.choice(["Plain text.", "Text with *emphasis* and <b onclick=\"x()\">raw</b>.",
                       "- a list\n- of items", "", "Quote:\n\n> said so"])
    return "\n".join(lines) + "\n---\n" + body + "\n"


def edit(project: Path, rng: random.Random, counter: list[int]) -> tuple[str, set[Path]]:
    """One random edit; returns what it did and the paths it touched."""
    entries = sorted((project / "content" / "entries").glob("*.md"))
    kind = rng.choice(["add", "add", "change", "change", "delete", "rename", "people",
                       "forums", "config", "template", "template", "static", "places"])
    counter[0] += 1
    if kind == "add" or (not entries and kind in ("change", "delete", "rename")):
        path = project / "content" / "entries" / f"2020-01-01-new-{counter[0]}.md"
        path.write_text(entry_text(rng, f"New engagement {counter[0]}"))
        return f"add {path.name}", {path}
    if kind == "change":
        path = rng.choice(entries)
        path.write_text(entry_text(rng, f"Changed {counter[0]}"))
        return f"change {path.name}", {path}
    if kind == "delete":
        path = rng.choice(entries)
        path.unlink()
        return f"delete {path.name}", {path}
    if kind == "rename":
        path = rng.choice(entries)
        new = path.with_name(f"renamed-{counter[0]}.md")
        path.rename(new)
        return f"rename {path.name}", {path, new}
    if kind == "places":  # names, aliases, countries and coordinates come and go
        path = project / "content" / "places.yaml"
        data = yaml.safe_load(path.read_text()) or {}
        key = rng.choice(sorted(PLACE_NAMES))
        change = rng.choice(["drop", "coordinates", "alias", "name", "country"])
        if key in data and change == "drop":
            del data[key]
        else:
            item = data.setdefault(key, {"name": PLACE_NAMES[key][0]})
            if change == "coordinates" and "lat" in item:
                del item["lat"], item["lon"]
            elif change == "coordinates":
                item["lat"], item["lon"] = rng.randint(-60, 60), rng.randint(-170, 170)
            elif change == "alias":  # merges two spellings, or parts them again
                alias = rng.choice(PLACES)
                aliases = item.setdefault("aliases", [])
                aliases.remove(alias) if alias in aliases else aliases.append(alias)
            elif change == "name":
                item["name"] = rng.choice(PLACE_NAMES[key])
            else:
                item["country"] = rng.choice(["India", "Pakistan", "Italy", "Ruritania"])
        path.write_text(yaml.safe_dump(data, sort_keys=True))
        return f"places {key} {change}", {path}
    if kind in ("people", "forums"):
        path = project / "content" / f"{kind}.yaml"
        data = yaml.safe_load(path.read_text())
        key = rng.choice(sorted(data))
        data[key]["name"] = data[key]["name"].rstrip("*") + rng.choice(["", "*"])
        if rng.random() < 0.5:
            data[key].setdefault("aliases", []).append(f"Alias {counter[0]}")
        if kind == "people" and rng.random() < 0.5:  # another country, an alias, or none known
            data[key]["country"] = rng.choice(["India", "U.S.", "Japan", "Ruritania", "UK"])
        path.write_text(yaml.safe_dump(data, sort_keys=True, allow_unicode=True))
        return f"{kind} {key}", {path}
    if kind == "config":
        path = project / "timeline.yaml"
        data = yaml.safe_load(path.read_text())
        setting = rng.choice(["title", "order", "unreviewed", "raw_html", "base_url"])
        data[setting] = {"title": f"Title {counter[0]}",
                         "order": rng.choice(["newest-first", "oldest-first"]),
                         "unreviewed": rng.choice(["show", "mark", "hide"]),
                         "raw_html": rng.random() < 0.5,
                         "base_url": rng.choice(["https://example.github.io/timeline/",
                                                 "https://example.org/"])}[setting]
        path.write_text(yaml.safe_dump(data, sort_keys=False))
        return f"config {setting}={data[setting]}", {path}
    if kind == "template":
        name = rng.choice(sorted(PROBES))
        theme = project / "theme"
        path = theme / "templates" / name
        if PROBES[name] in path.read_text():
            path.write_text((project / "bundled" / name).read_text())
            return f"template {name} back to bundled", {path}
        customise(theme, name)
        return f"template {name} custom", {path}
    path = project / "theme" / "static" / "style.css"
    path.write_text(path.read_text() + f"\n/* {counter[0]} */\n")
    return "static style.css", {path}


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def clean_files(project: Path) -> dict[str, bytes] | str:
    """A clean build, in memory (as ``timeline check`` makes it), or its error."""
    config = load_config(project / "timeline.yaml")
    content = load_content(config.content)
    if content.errors:
        return "\n".join(str(p) for p in content.errors)
    try:
        return render_site(visible(content, config), config)[0]
    except TimelineError as exc:
        return str(exc)


@pytest.fixture
def small_pages(monkeypatch):
    """Pages of three entries, a home page of four: pagination on a small site."""
    monkeypatch.setattr(planning, "PAGE_SIZE", 3)
    monkeypatch.setattr(planning, "HOME_ENTRIES", 4)


def test_a_clean_build_in_memory_is_the_clean_build_on_disk(tmp_path, small_pages):
    project = small_project(tmp_path / "project")
    for name in PROBES:
        customise(project / "theme", name)
    for unreviewed in ("hide", "mark"):
        (project / "timeline.yaml").write_text(re.sub(
            r"unreviewed: \w+", f"unreviewed: {unreviewed}", (project / "timeline.yaml").read_text()))
        config = load_config(project / "timeline.yaml")
        build_site(config, use_cache=False)
        assert files_of(config.output) == clean_files(project)


def small_project(dest: Path) -> Path:
    """The demo's config and theme, five people, two forums and six entries:
    small enough to build a thousand times, large enough for pagination."""
    project = copy_demo(dest)
    for registry, keep in (("people", {"s-jaishankar", "antony-blinken", "sergey-lavrov",
                                        "ned-price", "marise-payne"}),
                           ("forums", {"quad", "g20"})):
        path = project / "content" / f"{registry}.yaml"
        data = yaml.safe_load(path.read_text())
        path.write_text(yaml.safe_dump({k: v for k, v in data.items() if k in keep}))
    entries = project / "content" / "entries"
    shutil.rmtree(entries)
    entries.mkdir()
    rng = random.Random(0)
    for i in range(6):
        (entries / f"2021-0{i + 1}-01-entry-{i}.md").write_text(entry_text(rng, f"Entry {i}"))
    shutil.copytree(project / "theme" / "templates", project / "bundled")
    return project


def run_sequence(base: Path, work: Path, seed: int) -> None:
    rng = random.Random(seed)
    project = work / "sequence"  # one path for all: compiled templates are reused
    shutil.rmtree(project, ignore_errors=True)  # an old tree may be going in the background
    shutil.copytree(base, project, symlinks=True)
    serve = rng.random() < 0.5
    config = load_config(project / "timeline.yaml")
    rebuilder = Rebuilder(config, config.output, config_file=project / "timeline.yaml")
    rebuilder.build(None)
    done, counter = [], [0]
    for _ in range(rng.randint(1, 4)):
        what, touched = edit(project, rng, counter)
        done.append(what)
        expected = clean_files(project)
        before = files_of(project / "site")
        if serve:
            outcome = rebuilder.build(touched)
            error = "\n".join(outcome.errors)
        else:
            try:
                Builder(load_config(project / "timeline.yaml")).build()
                error = ""
            except TimelineError as exc:
                error = str(exc)
        story = f"seed {seed} ({'serve' if serve else 'new process'}): {'; '.join(done)}"
        if isinstance(expected, str):  # bad input: reported, the output left as it was
            assert error and files_of(project / "site") == before, story
            continue
        assert not error, f"{story}: {error}"
        got = files_of(project / "site")
        differ = sorted(k for k in got.keys() | expected.keys() if got.get(k) != expected.get(k))
        assert not differ, f"{story}: {differ[:8]}"


def test_random_edit_sequences_build_as_clean_builds_do(tmp_path, small_pages):
    base = small_project(tmp_path / "base")
    assert isinstance(clean_files(base), dict)
    for seed in range(FIRST_SEED, FIRST_SEED + SEQUENCES):
        run_sequence(base, tmp_path, seed)


@pytest.mark.parametrize("kept_alive", [False, True], ids=["new process", "serve"])
def test_entry_pages_that_draw_the_site_axis_follow_a_new_entry(tmp_path, kept_alive):
    """The issue's report: with site_axis() in entry.html, adding an entry
    left the other entry pages stale."""
    project = copy_demo(tmp_path / "project")
    path = project / "theme" / "templates" / "entry.html"
    path.write_text(path.read_text().replace("{% block main %}", "{% block main %}{{ site_axis() }}"))
    config = load_config(project / "timeline.yaml")
    builder = Builder(config)
    builder.build()
    new = project / "content" / "entries" / "2024-01-02-new.md"
    new.write_text("---\ntitle: A new call\ndate: 2024-01-02\nkind: call\npeople: [Lavrov]\n---\n")
    (builder if kept_alive else Builder(config)).build({new} if kept_alive else None)
    assert files_of(project / "site") == clean_files(project)
