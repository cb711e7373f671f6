"""Every page of the demo build passes the Nu HTML checker (vnu) without errors."""

from __future__ import annotations

import shutil
import subprocess

from conftest import REPO
from tricky import tricky_site  # noqa: F401 (fixture)

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu(*args: str) -> subprocess.CompletedProcess:
    assert VNU.exists(), "run 'npm ci' to install the Nu HTML checker (see README: Tests)"
    assert shutil.which("java"), "the Nu HTML checker needs Java 11 or newer"
    return subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", *args],
                          capture_output=True, text=True, timeout=300)


def test_every_page_of_the_demo_is_valid_html(demo_site):
    pages = list(demo_site.rglob("*.html"))
    assert len(pages) > 30
    result = vnu(str(demo_site))
    assert result.returncode == 0, result.stderr[-5000:]


def test_tricky_text_stays_valid(tricky_site):
    result = vnu(str(tricky_site))
    assert result.returncode == 0, result.stderr[-5000:]


def test_the_checker_catches_errors(tmp_path):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><html lang=en><title>x</title>"
                                         "<p><span></div>")
    result = vnu(str(tmp_path))
    assert result.returncode == 1 and "error" in result.stderr
