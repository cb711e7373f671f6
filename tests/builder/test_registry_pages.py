"""People and forums get pages only when an entry names them; the registry
still resolves names. Incremental builds agree with clean ones as names come
and go."""

import shutil

from test_cli import run

UNNAMED = ("\nzz-unnamed-person:\n  name: Zz Unnamed Person\n  aliases: [Zed]\n"
           "  roles:\n    - title: Foreign Minister\n      from: 2020\n")
UNNAMED_FORUM = "\nzz-forum:\n  name: Zz Forum\n"


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_only_named_people_and_forums_get_pages(project, tmp_path):
    with open(project / "content/people.yaml", "a") as fh:
        fh.write(UNNAMED)
    with open(project / "content/forums.yaml", "a") as fh:
        fh.write(UNNAMED_FORUM)
    assert run(project, "build").returncode == 0
    site = project / "site"
    assert not (site / "people/zz-unnamed-person").exists()
    assert not (site / "forums/zz-forum").exists()
    for name in ("people/index.html", "timeline.json", "sitemap.xml", "search.json"):
        assert b"zz-unnamed-person" not in (site / name).read_bytes(), name
    entry = project / "content/entries/2022-01-04-jaishankar-lavrov-call.md"
    entry.write_text(entry.read_text().replace("people: [", "people: [Zed, ", 1)
                     .replace("title:", "forums: [Zz Forum]\ntitle:", 1))
    result = run(project, "build")
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    assert (site / "people/zz-unnamed-person/index.html").is_file()
    assert (site / "forums/zz-forum/index.html").is_file()
    assert b"Zz Unnamed Person" in (site / "entries/2022-01-04-jaishankar-lavrov-call/index.html").read_bytes()
    incremental = files(site)
    clean = tmp_path / "clean"
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns("site", ".site*", ".timeline-cache"))
    assert run(clean, "build").returncode == 0
    assert files(clean / "site") == incremental
    entry.write_text(entry.read_text().replace("people: [Zed, ", "people: [", 1))
    assert run(project, "build").returncode == 0
    assert not (site / "people/zz-unnamed-person").exists()


def many_people(count: int) -> str:
    return "".join(f"\nregistered-person-{i}:\n  name: Registered Person {i}\n"
                   f"  aliases: [R. Person {i}, Person {i}]\n  country: Country {i % 190}\n"
                   f"  roles:\n    - title: Foreign Minister\n"
                   f"      from: {1980 + i % 44}-0{1 + i % 9}\n"
                   f"      to: {1984 + i % 44}\n  description: Office holder number {i}.\n"
                   for i in range(count))


def test_a_lazily_read_registry_builds_the_same_bytes_as_a_full_parse(project, tmp_path,
                                                                       monkeypatch):
    """The demo with 10,000 more people, two of them named by an alias: the
    build that reads items when used against one that parses the files whole."""
    from generator.builder.site import build_site
    from generator.config import load_config
    from generator.content import lazyregistry, regindex

    with open(project / "content/people.yaml", "a", encoding="utf-8") as fh:
        fh.write(many_people(10_000))
    entry = project / "content/entries/2022-01-04-jaishankar-lavrov-call.md"
    entry.write_text(entry.read_text().replace("people: [", "people: [R. Person 7, ", 1)
                     .replace("title:", "mentioned: [person 9999]\ntitle:", 1))
    indexed = []
    index = lazyregistry.index_registry
    monkeypatch.setattr(lazyregistry, "index_registry",
                        lambda *a: indexed.append(index(*a)) or indexed[-1])
    config = load_config(project / "timeline.yaml")
    build_site(config.with_overrides(output=tmp_path / "lazy"), use_cache=False)
    assert len(indexed) == 2 and all(r is not None for r in indexed), "not read lazily"
    assert isinstance(indexed[0].items, lazyregistry.LazyItems)
    read = {k for k in indexed[0].items._read if k.startswith("registered-person-")}
    assert read == {"registered-person-7", "registered-person-9999"}  # only the named
    monkeypatch.setattr(regindex, "scan", lambda text: None)  # the whole file to the parser
    monkeypatch.setattr(lazyregistry, "scan", lambda text: None)
    build_site(config.with_overrides(output=tmp_path / "full"), use_cache=False)
    assert indexed[-1] is None
    lazy_files, full_files = files(tmp_path / "lazy"), files(tmp_path / "full")
    assert "people/registered-person-7/index.html" in lazy_files
    assert "people/registered-person-9999/index.html" in lazy_files
    assert lazy_files == full_files


WRONG = "\nwrong-date:\n  name: Wrong Date\n  roles:\n    - title: Envoy\n      from: 2021-13\n"


def test_a_wrong_registry_item_fails_the_build_once_named_and_check_always(project):
    """Items no entry names are read when used; ``timeline check`` reads all."""
    people = project / "content/people.yaml"
    with open(people, "a", encoding="utf-8") as fh:
        fh.write(WRONG)
    line = people.read_text(encoding="utf-8").splitlines().index("      from: 2021-13") + 1
    assert run(project, "build").returncode == 0
    checked = run(project, "check")
    assert checked.returncode == 1
    assert f"content/people.yaml:{line}: 'from'" in checked.stderr, checked.stderr
    entry = project / "content/entries/2022-01-04-jaishankar-lavrov-call.md"
    entry.write_text(entry.read_text().replace("people: [", "people: [Wrong Date, ", 1))
    built = run(project, "build")
    assert built.returncode == 1
    assert f"content/people.yaml:{line}: 'from'" in built.stderr, built.stderr
    assert built.stderr.count("people.yaml") == 1


def test_two_people_sharing_an_alias_fail_the_build_even_unnamed(project):
    people = project / "content/people.yaml"
    with open(people, "a", encoding="utf-8") as fh:
        fh.write("\nsomeone-else:\n  name: Someone Else\n  aliases: [Lavrov]\n")
    line = people.read_text(encoding="utf-8").splitlines().index("someone-else:") + 1
    built = run(project, "build")
    assert built.returncode == 1
    assert f"content/people.yaml:{line}: 'lavrov' names both 'sergey-lavrov'" in built.stderr
