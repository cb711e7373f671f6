"""Attack class 3: ids, slugs and file names never write outside the output folder
and never overwrite another page; they give a distinct page or an error naming both
sources. Slugs stay readable for Devanagari, Cyrillic and Latin names."""

from __future__ import annotations

import argparse
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.builder.output import safe_relative
from generator.builder.urls import entry_path, output_file, person_path
from generator.config import Config
from generator.content.loader import load_content
from generator.content.registry import load_forums, load_people
from generator.content.slugs import MAX_SLUG, MAX_SLUG_BYTES, slugify
from generator.errors import TimelineError
from hardening_kit import REPO, build, minimal_project, tree_files, write

# slug: field as written -> the page's folder under entries/ (None: a located error)
HOSTILE_SLUGS = {
    "../../../etc/passwd": "etc-passwd",
    "/etc/cron.d/evil": "etc-cron-d-evil",
    "..\\..\\windows\\win.ini": "windows-win-ini",
    "a\x00b": "a-b",
    "a\tb\nc": "a-b-c",
    "CON": "con-page",
    "nul": "nul-page",
    "LPT1": "lpt1-page",
    "index": "index-page",
    "static": "static-page",
    "feeds": "feeds-page",
    "%2e%2e%2f%2e%2e": "2e-2e-2f-2e-2e",
    "..": None,
    "...": None,
    "-/-": None,
    "x" * 300: "x" * MAX_SLUG,
    "\U00020000" * 100: "\U00020000" * (MAX_SLUG_BYTES // 4),  # 4 bytes each in UTF-8
    "ब" * 30 + "ि" * 70: "ब" * 30 + "ि" * 36,
    "Москва: встреча": "москва-встреча",
    "नरेंद्र मोदी की यात्रा": "नरेंद्र-मोदी-की-यात्रा",
    "José Martí, La Habana": "josé-martí-la-habana",
}


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def outside_snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the project except the output, its build lock and the build cache."""
    return {k: v for k, v in tree_files(root).items()
            if "/site/" not in f"/{k}" and "/.timeline-cache/" not in f"/{k}"
            and not k.endswith("/.site.lock")}


def test_hostile_slugs_stay_inside_their_own_folder(tmp_path):
    root = minimal_project(tmp_path / "p")
    entries = root / "content" / "entries"
    for i, slug in enumerate(HOSTILE_SLUGS):
        if HOSTILE_SLUGS[slug] is not None:
            write(entries / f"e{i:02d}.md",
                  f"---\ntitle: Entry {i}\ndate: 2024-01-{i + 1:02d}\nslug: {q(slug)}\n---\n")
    before = outside_snapshot(tmp_path)
    config, _ = build(root)
    assert outside_snapshot(tmp_path) == before
    site = config.output
    made = sorted(p.parent.name for p in (site / "entries").glob("*/index.html"))
    assert made == sorted(v for v in HOSTILE_SLUGS.values() if v)
    assert not (site / "index.html").read_bytes().startswith(b"---")  # home not overwritten
    assert (site / "static" / "style.css").read_bytes() == \
        (REPO / "theme" / "static" / "style.css").read_bytes()
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site.resolve())


@pytest.mark.parametrize("slug", [s for s, v in HOSTILE_SLUGS.items() if v is None])
def test_slugs_with_nothing_usable_are_a_located_error(tmp_path, slug):
    root = minimal_project(tmp_path)
    write(root / "content" / "entries" / "bad.md",
          f"---\ntitle: Bad\ndate: 2024-01-02\nslug: {q(slug)}\n---\n")
    (problem,) = load_content(root / "content").errors
    assert problem.path.endswith("bad.md") and problem.line == 4
    assert "set 'slug:" in problem.message


@pytest.mark.parametrize("name, slug", [
    ("CON.md", "con-page"), ("index.md", "index-page"), ("a\\b.md", "a-b"),
    ("new\nline.md", "new-line"), ("x" * 240 + ".md", "x" * MAX_SLUG),
    (" .md", None), ("-.md", None), ("%00.md", "00"), ("..md", "hidden"), ("_x.md", "hidden"),
])
def test_file_names_become_safe_slugs(tmp_path, name, slug):
    root = minimal_project(tmp_path)
    write(root / "content" / "entries" / name, "---\ntitle: T\ndate: 2024-01-02\n---\n")
    content = load_content(root / "content")
    if slug == "hidden":  # dot and underscore files are skipped, like editor droppings
        assert content.entries == [] and content.errors == []
    elif slug is None:
        (problem,) = content.errors
        assert "cannot make a URL" in problem.message and "set 'slug:" in problem.message
    else:
        assert [e.slug for e in content.entries] == [slug] and not content.errors


NFC_JOSE, NFD_JOSE = "Jos\u00e9", unicodedata.normalize("NFD", "Jos\u00e9")


@pytest.mark.parametrize("first, second", [
    ("Mac.md", "mac.md"),
    ("a b.md", "a-b.md"),
    ("a_b.md", "a.b.md"),
    (f"{NFC_JOSE}.md", f"{NFD_JOSE}.md"),
    ("index.md", "index-page.md"),
    ("MAC.md", "slug: mac"),
    ("y" * 90 + "-one.md", "y" * 90 + "-two.md"),
])
def test_two_sources_of_one_url_are_an_error_naming_both(tmp_path, first, second):
    root = minimal_project(tmp_path)
    entries = root / "content" / "entries"
    write(entries / first, "---\ntitle: One\ndate: 2024-01-02\n---\n")
    if second.startswith("slug: "):
        second_file = entries / "other.md"
        write(second_file, f"---\ntitle: Two\ndate: 2024-01-03\n{second}\n---\n")
    else:
        second_file = write(entries / second, "---\ntitle: Two\ndate: 2024-01-03\n---\n")
    content = load_content(root / "content")
    (problem,) = content.errors
    text = str(problem)
    assert "\n" not in text
    assert first in text and second_file.name in text
    assert len(content.entries) == 1
    with pytest.raises(TimelineError):
        build(root)
    assert not (root / "site").exists()


@pytest.mark.parametrize("first, second, slugs", [
    ("Jose.md", "José.md", ["jose", "josé"]),
    ("Sergei.md", "Сергей.md", ["sergei", "сергей"]),
    ("2024-a.md", "2024-á.md", ["2024-a", "2024-á"]),
])
def test_accents_and_scripts_give_distinct_pages(tmp_path, first, second, slugs):
    root = minimal_project(tmp_path)
    entries = root / "content" / "entries"
    write(entries / first, "---\ntitle: One\ndate: 2024-01-02\n---\n")
    write(entries / second, "---\ntitle: Two\ndate: 2024-01-03\n---\n")
    config, _ = build(root)
    pages = sorted(p.parent.name for p in (config.output / "entries").glob("*/index.html"))
    assert pages == sorted(slugs)
    titles = {p.parent.name: p.read_text("utf-8") for p in
              (config.output / "entries").glob("*/index.html")}
    assert "<h1>One</h1>" in titles[slugs[0]] and "<h1>Two</h1>" in titles[slugs[1]]


# Registries ---------------------------------------------------------------------------

@pytest.mark.parametrize("key", [
    '"../x"', '"/abs"', '"a\\\\b"', "Mac", "con", "index", "nul", '"a b"', '"a/b"',
    '"a\\u0000b"', "x" * (MAX_SLUG + 5), '""', '"-a-"', "a--b", "José",
])
@pytest.mark.parametrize("which", ["people", "forums"])
def test_registry_ids_must_already_be_safe_slugs(tmp_path, key, which):
    path = write(tmp_path / f"{which}.yaml",
                 f"ok-one:\n  name: Fine\n{key}:\n  name: Someone\n")
    load = load_people if which == "people" else load_forums
    with pytest.raises(TimelineError) as info:
        load(path)
    assert info.value.line == 3 and info.value.path.endswith(f"{which}.yaml")
    assert "\n" not in str(info.value)


def test_registry_ids_in_other_scripts_are_fine(tmp_path):
    path = write(tmp_path / "people.yaml",
                 "josé-martí:\n  name: José Martí\nсергей-лавров:\n  name: Сергей Лавров\n"
                 "नरेंद्र-मोदी:\n  name: नरेंद्र मोदी\njose-marti:\n  name: Jose Marti (another)\n")
    assert sorted(p.id for p in load_people(path)) == sorted(
        ["josé-martí", "сергей-лавров", "नरेंद्र-मोदी", "jose-marti"])


def people_project(tmp_path: Path, registry: str, *entries: tuple[str, str]) -> Path:
    root = minimal_project(tmp_path)
    write(root / "content" / "people.yaml", registry)
    write(root / "content" / "forums.yaml", "known-forum:\n  name: Known Forum\n")
    for name, people in entries:
        write(root / "content" / "entries" / name,
              f"---\ntitle: {name}\ndate: 2024-01-02\npeople: {people}\n---\n")
    return root


def test_an_unknown_name_never_takes_over_a_registered_page(tmp_path):
    """A name whose slug is a registered id means that item (as its id would), with a
    warning naming both files; the registered page is never replaced by a stub."""
    root = people_project(tmp_path, "a-b:\n  name: Alpha Beta\n  description: Kept.\n",
                          ("one.md", "[Alpha Beta]"), ("two.md", "[A B]"))
    content = load_content(root / "content")
    assert not content.errors
    (warning,) = content.warnings
    assert warning.path.endswith("two.md") and warning.line == 4
    assert "people.yaml" in warning.message and "Alpha Beta" in warning.message
    assert [e.people for e in content.entries] == [["a-b"], ["a-b"]]
    person = content.people.items["a-b"]
    assert (person.name, person.description, person.registered) == ("Alpha Beta", "Kept.", True)
    config, _ = build(root)
    page = (config.output / "people" / "a-b" / "index.html").read_text("utf-8")
    assert "<h1>Alpha Beta</h1>" in page and "Kept." in page


def test_an_unknown_forum_never_takes_over_a_registered_forum(tmp_path):
    root = people_project(tmp_path, "")
    write(root / "content" / "entries" / "f.md",
          "---\ntitle: F\ndate: 2024-01-02\nforums: [Known/Forum]\n---\n")
    content = load_content(root / "content")
    assert not content.errors
    (warning,) = content.warnings
    assert warning.path.endswith("f.md") and "forums.yaml" in warning.message
    assert content.entries[0].forums == ["known-forum"]
    assert content.forums.items["known-forum"].name == "Known Forum"


def test_unknown_names_spelled_differently_with_one_slug_are_an_error_naming_both(tmp_path):
    root = people_project(tmp_path, "", ("one.md", "[A–B]"), ("two.md", "[A_B]"))
    content = load_content(root / "content")
    (problem,) = content.errors
    assert problem.path.endswith("two.md") and "one.md" in problem.message
    assert "A–B" in problem.message and "A_B" in problem.message


def test_case_only_differences_of_an_unknown_name_are_one_person(tmp_path):
    """Names compare ignoring case and dots everywhere: one page, no error."""
    root = people_project(tmp_path, "", ("one.md", "[Mac Smith]"), ("two.md", "[mac smith.]"))
    content = load_content(root / "content")
    assert not content.errors
    assert [e.people for e in content.entries] == [["mac-smith"], ["mac-smith"]]


def test_accent_differences_of_unknown_names_are_two_people(tmp_path):
    root = people_project(tmp_path, "", ("one.md", "[Jose Perez]"), ("two.md", "[José Pérez]"))
    config, _ = build(root)
    for pid, name in (("jose-perez", "Jose Perez"), ("josé-pérez", "José Pérez")):
        assert f"<h1>{name}</h1>" in (config.output / person_path(pid) / "index.html").read_text("utf-8")


def test_unknown_names_that_are_reserved_or_path_like_get_safe_pages(tmp_path):
    root = people_project(tmp_path, "", ("one.md", '[CON, "../../etc", "index", "a\\\\b"]'))
    config, _ = build(root)
    people = sorted(p.parent.name for p in (config.output / "people").glob("*/index.html"))
    assert people == ["a-b", "con-page", "etc", "index-page"]


# Slugs ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, slug", [
    ("S. Jaishankar", "s-jaishankar"),
    ("Antony J. Blinken", "antony-j-blinken"),
    ("Sergey Lavrov", "sergey-lavrov"),
    ("Сергей Лавров", "сергей-лавров"),
    ("Владимир Путин: визит в Нью-Дели", "владимир-путин-визит-в-нью-дели"),
    ("नरेंद्र मोदी", "नरेंद्र-मोदी"),
    ("सुब्रह्मण्यम जयशंकर", "सुब्रह्मण्यम-जयशंकर"),
    ("José Martí", "josé-martí"),
    ("Ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
    ("Straße", "strasse"),
    ("  --a--b--  ", "a-b"),
    ("2+2 Dialogue", "2-2-dialogue"),
])
def test_slugs_are_readable_in_each_script(text, slug):
    assert slugify(text) == slug
    assert slugify(unicodedata.normalize("NFD", text)) == slug  # however the editor saved it
    assert slugify(slug) == slug  # stable: a slug is its own slug


@settings(max_examples=1500, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_a_slug_that_is_one_safe_path_segment(text):
    slug = slugify(text)
    assert slugify(slug) == slug
    if not slug:
        return
    assert not set(slug) & set("/\\.\x00:*?\"<>| \t\n")
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug
    assert len(slug) <= MAX_SLUG + len("-page")
    assert len(slug.encode("utf-8")) <= MAX_SLUG_BYTES + len("-page")  # a file name fits
    assert slug == unicodedata.normalize("NFC", slug)
    for path in (entry_path(slug), person_path(slug)):
        assert str(safe_relative(output_file(path))).startswith(path.split("/")[0] + "/")


@pytest.mark.parametrize("rel", ["../x", "/etc/passwd", "a/../../b", "a\\b", "a\x00b", "",
                                 "a//b", "./a", "a/./b"])
def test_the_writer_refuses_paths_that_could_leave_the_output(rel):
    with pytest.raises(TimelineError):
        safe_relative(rel)


# The converter ----------------------------------------------------------------------------

HOSTILE_HEADLINES = [
    "../../../../tmp/evil/..\\CON\\ talks",
    "/etc/passwd",
    "CON",
    "index",
    "x" * 400,
    "Москва: встреча министров",
    "नरेंद्र मोदी की यात्रा",
    "....",
    "\U00020000" * 100,
]


def test_convert_writes_only_inside_out_whatever_the_headline(tmp_path):
    from generator.convert import command

    fixtures = REPO / "tests" / "fixtures" / "convert"
    template = (fixtures / "articles" / "f02_ledger_tokyo.html").read_text("utf-8")
    headline = "Mehta, Arakawa pledge closer supply-chain links at Tokyo talks"
    canonical = "https://northernledger.example/world/2022/07/19/mehta-arakawa-tokyo-talks"
    articles = tmp_path / "articles"
    for i, title in enumerate(HOSTILE_HEADLINES):
        escaped = title.replace("&", "&amp;").replace("<", "&lt;")
        text = template.replace(headline, escaped).replace(canonical, "javascript:alert(1)")
        text = text.replace("July 19", f"July {i + 1}").replace("2022-07-19", f"2022-07-{i + 1:02d}")
        write(articles / f"a{i}.html", text)
    content = tmp_path / "content"
    shutil.copytree(fixtures / "registry", content)
    out = tmp_path / "deep" / "out"
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "decoy.md").symlink_to(tmp_path / "nowhere.md")
    before = tree_files(tmp_path)
    args = argparse.Namespace(paths=[str(articles)], out=str(out), dry_run=False, json=False,
                              add_people=False, full_text=False)
    command.run(args, Config(content=content))
    after = tree_files(tmp_path)
    new = sorted(k for k in after if k not in before)
    assert new and all(k.startswith("deep/out/") and k.count("/") == 2 for k in new), new
    assert all(after[k] == v for k, v in before.items())
    assert not (tmp_path / "nowhere.md").exists()
    # and what it wrote builds: no javascript: link came through from the page
    root = minimal_project(tmp_path / "site-project")
    shutil.rmtree(root / "content")
    shutil.copytree(content, root / "content")
    shutil.copytree(out, root / "content" / "entries", dirs_exist_ok=True)
    config, result = build(root)
    assert result.entries == len(new)
    assert "javascript:" not in "".join(p.read_text("utf-8") for p in out.glob("*.md"))


@pytest.mark.parametrize("title", ["../../../../tmp/evil", "/etc/passwd", "CON", "...",
                                   "\U00020000" * 100, "a\\b\\..\\c"])
def test_timeline_new_writes_only_inside_content_entries(tmp_path, title):
    from hardening_kit import cli

    root = minimal_project(tmp_path / "p")
    before = tree_files(tmp_path)
    run = cli(root, "new", title, "--date", "2024-01-02")
    assert run.returncode == 0, run.stderr
    new = [k for k in tree_files(tmp_path) if k not in before]
    assert len(new) == 1 and new[0].startswith("p/content/entries/") and new[0].count("/") == 3
    assert len(new[0].rsplit("/", 1)[1].encode()) < 255 - 20
    config, result = build(root)
    assert result.entries == 1
