"""The default theme ships in the package; a site's theme folder overrides it
template by template and file by file; ``theme eject`` copies it out."""

import shutil
from pathlib import Path

from conftest import REPO
from test_cli import run

THEME = REPO / "theme"


def bare_site(root: Path) -> Path:
    """The demo's content and config without any theme folder."""
    shutil.copytree(REPO / "content", root / "content")
    config = (REPO / "timeline.yaml").read_text().replace("theme: theme\n", "")
    (root / "timeline.yaml").write_text(config)
    return root


def test_a_site_without_a_theme_folder_builds_with_the_default_theme(tmp_path):
    site = bare_site(tmp_path)
    result = run(site, "build")
    assert result.returncode == 0, result.stderr
    assert (site / "site/static/style.css").read_bytes() == (THEME / "static/style.css").read_bytes()
    assert "Jaishankar" in (site / "site/index.html").read_text()


def test_an_override_replaces_only_its_own_template_and_file(tmp_path):
    site = bare_site(tmp_path)
    (site / "theme/templates").mkdir(parents=True)
    (site / "theme/static").mkdir(parents=True)
    (site / "theme/templates/entry.html").write_text(
        "{% extends 'base.html' %}{% block main %}<p>OWN ENTRY {{ e.title }}</p>{% endblock %}")
    (site / "theme/static/style.css").write_text("body { color: red }")
    result = run(site, "build")
    assert result.returncode == 0, result.stderr
    out = site / "site"
    entry = (out / "entries/2022-02-11-melbourne-meeting/index.html").read_text()
    assert "OWN ENTRY" in entry and 'rel="icon"' in entry  # own entry.html, default base.html
    assert "OWN ENTRY" not in (out / "index.html").read_text()
    assert (out / "static/style.css").read_text() == "body { color: red }"
    assert (out / "static/explore.js").read_bytes() == (THEME / "static/explore.js").read_bytes()


def test_an_override_with_a_syntax_error_names_its_file_and_line(tmp_path):
    site = bare_site(tmp_path)
    (site / "theme/templates").mkdir(parents=True)
    (site / "theme/templates/year.html").write_text("{% extends 'base.html' %}\n\n{% block main %}\n"
                                                   "{{ nope( }}\n{% endblock %}\n")
    for command in ("build", "check"):
        result = run(site, command)
        assert result.returncode == 1
        assert "theme/templates/year.html:4: template error" in result.stderr, result.stderr
    assert not (site / "site").exists()


def test_a_theme_setting_that_points_nowhere_is_one_line_naming_the_key(tmp_path):
    site = bare_site(tmp_path)
    with open(site / "timeline.yaml", "a") as fh:
        fh.write("theme: my-theme\n")
    line = len((site / "timeline.yaml").read_text().splitlines())
    result = run(site, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"timeline.yaml:{line}: 'theme' is set to my-theme, which is not a folder; fix the path "
        "or remove the setting to use the default theme"]
    assert not (site / "site").exists()


def test_eject_copies_the_default_theme_and_never_overwrites_without_force(tmp_path):
    site = bare_site(tmp_path)
    (site / "theme/static").mkdir(parents=True)
    (site / "theme/static/style.css").write_text("mine")
    result = run(site, "theme", "eject")
    assert result.returncode == 1 and "1 file(s) already exist (theme/static/style.css)" in \
        result.stderr
    assert sorted(p.name for p in (site / "theme").rglob("*")) == ["static", "style.css"]
    assert (site / "theme/static/style.css").read_text() == "mine"
    result = run(site, "theme", "eject", "--force")
    assert result.returncode == 0, result.stderr
    copied = sorted(p.relative_to(site / "theme") for p in (site / "theme").rglob("*.*"))
    assert copied == sorted(p.relative_to(THEME) for p in THEME.rglob("*.*"))
    assert (site / "theme/static/style.css").read_bytes() == (THEME / "static/style.css").read_bytes()
    assert run(site, "build").returncode == 0


def test_eject_into_an_empty_site_then_a_build_equals_the_default(tmp_path):
    plain, ejected = bare_site(tmp_path / "a"), bare_site(tmp_path / "b")
    assert run(ejected, "theme", "eject").returncode == 0
    for site in (plain, ejected):
        assert run(site, "build").returncode == 0
    files = sorted(p.relative_to(plain / "site") for p in (plain / "site").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(ejected / "site")
                           for p in (ejected / "site").rglob("*") if p.is_file())
    for rel in files:
        assert (plain / "site" / rel).read_bytes() == (ejected / "site" / rel).read_bytes(), rel
