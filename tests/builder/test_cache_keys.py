"""Every cache is keyed on everything that decides what it holds: a setting,
a library or the generator's code that changes a result is never answered
from a cache made before the change."""

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from generator.builder.site import Builder, build_site
from generator.config import Config, load_config
from generator.serve.rebuild import Rebuilder
from test_demo_site import tree_digest

UNSAFE = "2022-03-02-unsafe.md"
UNSAFE_TEXT = ("---\ntitle: Unsafe body\ndate: 2022-03-02\npeople: [Lavrov]\n---\n"
               "Before <script>alert(1)</script> and <span onclick=\"x()\">a span</span>.\n\n"
               "<div markdown=\"1\">*raw* block</div>\n\nA line  \nbroken, and a [link](javascript:x).\n")


def set_config(project: Path, **settings) -> None:
    path = project / "timeline.yaml"
    data = yaml.safe_load(path.read_text())
    data.update(settings)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def clean(project: Path, tmp_path_factory) -> dict[str, str]:
    """The site a first build with no cache writes for the project as it is now."""
    config = load_config(project / "timeline.yaml")
    out = tmp_path_factory.mktemp("clean") / "site"
    build_site(config.with_overrides(output=out), use_cache=False)
    return tree_digest(out)


@pytest.fixture
def unsafe_project(project) -> Path:
    (project / "content" / "entries" / UNSAFE).write_text(UNSAFE_TEXT)
    return project


def test_switching_raw_html_off_drops_the_script_even_from_a_new_output(unsafe_project):
    """The issue's report: a body rendered with raw_html on must not come back
    from the cache once it is off, also when the output is deleted first."""
    project = unsafe_project
    set_config(project, raw_html=True)
    build_site(load_config(project / "timeline.yaml"))
    page = project / "site" / "entries" / UNSAFE[:-3] / "index.html"
    assert "<script>alert(1)</script>" in page.read_text()
    set_config(project, raw_html=False)
    shutil.rmtree(project / "site")
    build_site(load_config(project / "timeline.yaml"))
    assert "alert(1)" not in page.read_text() and "onclick" not in page.read_text()


def _copy_with(project: Path, folder: str, name: str, change) -> str:
    shutil.copytree(project / folder, project / name)
    change(project / name)
    return name


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


# Each setting of timeline.yaml -> the values a test switches it to, in turn.
TOGGLES = {
    "title": lambda p: ["Another title"],
    "description": lambda p: ["Another description."],
    "author": lambda p: ["Someone else"],
    "base_url": lambda p: ["https://example.org/other/", "https://example.org/"],
    "language": lambda p: ["fr"],
    "order": lambda p: ["oldest-first"],
    "unreviewed": lambda p: ["hide", "show"],
    "raw_html": lambda p: [True],
    "cname": lambda p: ["timeline.example.org"],
    "content": lambda p: [_copy_with(p, "content", "content2", lambda c: _edit(
        c / "entries" / UNSAFE, "Before", "Changed before"))],
    "theme": lambda p: [_copy_with(p, "theme", "theme2", lambda t: _edit(
        t / "templates" / "item.html", '<p class="when">', '<p class="when changed">'))],
    "output": lambda p: ["site-elsewhere"],
}
NOT_SETTINGS = {"root", "path", "theme_line"}  # where the config file (and a line in it) is


def test_every_setting_has_a_toggle():
    """A new setting must join TOGGLES, or it goes untested."""
    assert {f.name for f in dataclasses.fields(Config)} - NOT_SETTINGS == set(TOGGLES)


@pytest.mark.parametrize("how", ["new process", "serve"])
@pytest.mark.parametrize("setting", sorted(TOGGLES))
def test_each_setting_switched_and_back_matches_a_clean_build(unsafe_project, tmp_path_factory,
                                                              setting, how):
    """Switch one setting to each of its values and back; after every build,
    the output equals a clean build's."""
    project = unsafe_project
    (project / "content" / "entries" / "2023-09-g20-summit-new-delhi.md").write_text(
        (project / "content" / "entries" / "2023-09-g20-summit-new-delhi.md").read_text()
        .replace("kind: summit", "kind: summit\nreview: [check the month]", 1))
    original = yaml.safe_load((project / "timeline.yaml").read_text())[setting] \
        if setting in yaml.safe_load((project / "timeline.yaml").read_text()) else None
    rebuilder = None
    for value in [*TOGGLES[setting](project), original]:
        set_config(project, **{setting: value})
        config = load_config(project / "timeline.yaml")
        if how == "serve":
            if rebuilder is None:
                rebuilder = Rebuilder(config, config.output, config_file=project / "timeline.yaml")
            rebuilder.output = config.output
            outcome = rebuilder.build(None)
            assert outcome.errors == [], outcome.lines
        else:
            Builder(config).build()
        assert tree_digest(config.output) == clean(project, tmp_path_factory), (setting, value)


def test_other_markdown_extensions_render_bodies_again(unsafe_project, tmp_path_factory,
                                                       monkeypatch):
    """The extensions a body is rendered with are part of its cache key."""
    from generator.builder import markdown_body

    project = unsafe_project
    Builder(load_config(project / "timeline.yaml")).build()
    monkeypatch.setattr(markdown_body, "EXTENSIONS", [*markdown_body.EXTENSIONS, "nl2br"])
    Builder(load_config(project / "timeline.yaml")).build()
    assert tree_digest(project / "site") == clean(project, tmp_path_factory)
    assert "A line<br>\nbroken" in (project / "site/entries/2022-03-02-unsafe/index.html").read_text()


def test_a_new_version_of_markdown_renders_bodies_again(unsafe_project, monkeypatch):
    """A Markdown release may write other bytes: its version is part of the key."""
    import markdown

    project = unsafe_project
    Builder(load_config(project / "timeline.yaml")).build()
    convert = markdown.Markdown.convert
    monkeypatch.setattr(markdown, "__version__", "99.0")
    monkeypatch.setattr(markdown.Markdown, "convert",
                        lambda self, text: convert(self, text).replace("</p>", " (v99)</p>"))
    Builder(load_config(project / "timeline.yaml")).build()
    assert "a span</span>. (v99)</p>" in (project / "site/entries/2022-03-02-unsafe/index.html").read_text()


CHANGE_EACH_MODULE = r"""
import sys
from pathlib import Path
import generator
from generator.builder.fingerprint import code_digest
from generator.builder.site import build_site
from generator.config import load_config

build_site(load_config(Path(sys.argv[1]) / "timeline.yaml"), use_cache=False)
used = sorted(m.__file__ for name, m in list(sys.modules.items())
              if name.split(".")[0] == "generator" and getattr(m, "__file__", None))
from generator.builder import worldmap
from generator.content import gazetteer
used += [str(gazetteer.CITY_KEYS), str(gazetteer.CANONICAL_FILE), str(worldmap.DATA)]  # data read
before = code_digest()
missed = []
for path in used:
    Path(path).write_text(Path(path).read_text() + "\n# changed\n")
    code_digest.cache_clear()
    if code_digest() == before:
        missed.append(Path(path).relative_to(Path(generator.__file__).parent).as_posix())
    Path(path).write_text(Path(path).read_text()[:-len("\n# changed\n")])
print(len(used), " ".join(missed))
"""


def test_a_change_to_any_module_a_build_imports_changes_the_code_digest(project, tmp_path):
    """The digest of the generator's code keys the whole cache: it must cover
    every module a build runs, including ones added later, and the bundled
    data it reads (the gazetteer, the canonical places, the map's land)."""
    copy = tmp_path / "code"
    shutil.copytree(REPO / "generator", copy / "generator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "theme", copy / "theme")  # the default theme, as in a checkout
    proc = subprocess.run([sys.executable, "-c", CHANGE_EACH_MODULE, str(project)], cwd=copy,
                          capture_output=True, text=True, env={"PYTHONPATH": str(copy)})
    assert proc.returncode == 0, proc.stderr
    used, _, missed = proc.stdout.strip().partition(" ")
    assert int(used) > 20 and missed == "", f"not in the code digest: {missed}"


def test_the_code_digest_covers_the_libraries_that_write_the_output(monkeypatch):
    import importlib.metadata

    from generator.builder import fingerprint

    before = fingerprint.code_digest()
    version = importlib.metadata.version
    for name in ("Markdown", "Jinja2", "MarkupSafe", "PyYAML"):
        fingerprint.code_digest.cache_clear()
        with monkeypatch.context() as m:
            m.setattr(importlib.metadata, "version",
                      lambda dist, name=name: "0.0.1" if dist == name else version(dist))
            assert fingerprint.code_digest() != before, name
    fingerprint.code_digest.cache_clear()
    assert fingerprint.code_digest() == before
