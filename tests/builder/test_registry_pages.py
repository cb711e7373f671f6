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
