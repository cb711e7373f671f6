"""The pieces without a server: path resolution, injection, one rebuild."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.config import load_config
from generator.serve import inject
from generator.serve.files import resolve, site_segments
from generator.serve.rebuild import RELOAD_PAGE, Rebuilder, describe
from serving import ENTRY, demo_copy, set_title  # noqa: F401


@pytest.fixture
def out(tmp_path) -> Path:
    root = tmp_path / "site"
    (root / "people").mkdir(parents=True)
    (root / "index.html").write_text("home")
    (root / "people" / "index.html").write_text("people")
    (root / "static").mkdir()
    (root / "static" / "style.css").write_text("body{}")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "escape").symlink_to(tmp_path)  # a link out must not be followed
    return root


@pytest.mark.parametrize("raw", [
    "/t/../secret.txt", "/t/%2e%2e/secret.txt", "/t/%2E%2e/secret.txt", "/t/..%2fsecret.txt",
    "/t/%252e%252e/secret.txt", "/t/..%5csecret.txt", "/t//secret.txt", "/t/%2fetc/passwd",
    "/t/people/../../secret.txt", "/t/./index.html", "/t/%00", "/t/%ff%fe",
    "/t/escape/secret.txt", "/t/escape/", "/secret.txt", "/", "http://x/t/index.html",
])
def test_nothing_outside_resolves(out, raw):
    assert resolve(out, raw, "/t/").kind in ("outside", "missing")
    assert resolve(out, raw, "/t/").path is None


def test_site_paths_resolve(out):
    assert resolve(out, "/t/", "/t/").path == out / "index.html"
    assert resolve(out, "/t/people/", "/t/").path == out / "people" / "index.html"
    assert resolve(out, "/t/people", "/t/").location == "/t/people/"
    assert resolve(out, "/t/static/style.css", "/t/").path == out / "static" / "style.css"
    assert resolve(out, "/t/static/%73tyle.css", "/t/").kind == "file"
    assert resolve(out, "/t/nope", "/t/").kind == "missing"
    assert resolve(out, "/index.html", "/").path == out / "index.html"
    assert site_segments("/t/a/b/", "/t/") == ["a", "b"]


@pytest.mark.parametrize("page,where", [
    (b"<html><head><title>x</title></head><body>b</body></html>", b"</head>"),
    (b"<HTML><HEAD><TITLE>x</TITLE></HEAD><BODY>b</BODY></HTML>", b"</HEAD>"),
    (b"<html><body class=x>no head</body></html>", b"no head"),
    (b"just text", None),
])
def test_script_goes_into_every_page(page, where):
    result = inject.add_script(page, b"<script>S</script>")
    assert result.count(b"<script>S</script>") == 1
    if where:
        assert result.index(b"<script>S</script>") < result.index(where)


def test_overlay_escapes_and_lands_before_body_end():
    page = inject.add_overlay(b"<body>x</BODY>", ["a.md:3: bad <value> & more"])
    assert b"a.md:3: bad &lt;value&gt; &amp; more" in page
    assert page.endswith(b"</div></BODY>")


def test_describe():
    assert describe(None) == "everything"
    many = {Path(f"/x/{i}.md") for i in range(5)}
    assert describe(many).endswith("and 2 more")


@pytest.fixture
def rebuilder(demo_copy, tmp_path) -> Rebuilder:
    config = load_config(demo_copy / "timeline.yaml")
    rb = Rebuilder(config, tmp_path / "preview" / "site", config_file=demo_copy / "timeline.yaml")
    first = rb.build(None)
    assert first.errors == [], first.lines
    return rb


def test_rebuild_outcomes(rebuilder, demo_copy):
    entry = demo_copy / "content" / "entries" / f"{ENTRY}.md"
    same = rebuilder.build({entry})
    assert same.errors == [] and same.reload == []  # nothing differs: nothing to reload
    set_title(entry, "Changed")
    changed = rebuilder.build({entry})
    assert changed.reload == [RELOAD_PAGE] and "Changed" in (
        rebuilder.output / "entries" / ENTRY / "index.html").read_text()
    good = entry.read_text()
    entry.write_text(good.replace("date: 2023-11", "date: 2023-13"))
    broken = rebuilder.build({entry})
    assert broken.errors and broken.lines == broken.errors and broken.reload == [RELOAD_PAGE]
    assert f"{ENTRY}.md:" in broken.errors[0]
    assert "Changed" in (rebuilder.output / "entries" / ENTRY / "index.html").read_text()
    again = rebuilder.build({entry})
    assert again.errors == broken.errors and again.reload == []  # same error: no reload
    entry.write_text(good)
    fixed = rebuilder.build({entry})
    assert fixed.errors == [] and fixed.reload == [RELOAD_PAGE] and rebuilder.errors == []


def test_stylesheet_change_reloads_only_the_stylesheet(rebuilder, demo_copy):
    css = demo_copy / "theme" / "static" / "style.css"
    with open(css, "a") as fh:
        fh.write("\nbody{color:red}\n")
    outcome = rebuilder.build({css})
    assert outcome.reload == ["/timeline/static/style.css"]
    assert (rebuilder.output / "static" / "style.css").read_text().endswith("color:red}\n")
    template = demo_copy / "theme" / "templates" / "base.html"
    assert rebuilder.stylesheets({css, template}) is None
    extra = demo_copy / "theme" / "static" / "extra.css"  # new: no page links it yet
    extra.write_text("p{}")
    assert rebuilder.build({extra}).reload == [RELOAD_PAGE]
    extra.unlink()
    assert rebuilder.build({extra}).reload == [RELOAD_PAGE]


def test_config_change_rebuilds_with_the_new_config(rebuilder, demo_copy):
    config = demo_copy / "timeline.yaml"
    config.write_text(config.read_text().replace("title: Diplomacy Timeline",
                                                 "title: Renamed Timeline"))
    outcome = rebuilder.build({config})
    assert outcome.errors == [] and outcome.reload == [RELOAD_PAGE]
    assert "Renamed Timeline" in (rebuilder.output / "index.html").read_text()
    config.write_text(config.read_text() + "colour: red\n")
    broken = rebuilder.build({config})
    assert broken.errors and "timeline.yaml:" in broken.errors[0]
    assert os.path.exists(rebuilder.output / "index.html")
