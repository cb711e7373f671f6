"""Country, relation and place pages of the demo in headless Chromium: reached from
the site's navigation, no console errors, axe finds nothing serious in light
or dark mode, and the Nu HTML checker passes them."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import serious_violations, REPO

pytestmark = pytest.mark.browser
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_from_the_navigation_to_a_relation_page_and_its_entries(page, demo_server, artifacts):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: errors.append(r.url) if r.status >= 400 else None)
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(demo_server.url)
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Countries").click()
    page.wait_for_url("**/countries/")
    page.get_by_role("link", name="India", exact=True).click()
    page.wait_for_url("**/countries/in/")
    assert serious_violations(page) == []
    page.get_by_role("link", name="India and United States").click()
    page.wait_for_url("**/relations/in-us/")
    assert page.locator("main h1").inner_text() == "India and United States"
    assert "No engagement between" in page.locator("main").inner_text()
    assert serious_violations(page) == []
    dot = page.get_by_role("link", name="Melbourne: 2 engagements")
    assert dot.is_visible()
    page.screenshot(path=str(artifacts / "relation.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 800})
    page.screenshot(path=str(artifacts / "relation-mobile.png"), full_page=True)
    assert page.locator("main").get_by_role("link", name="Atom feed").get_attribute(
        "href").endswith("relations/in-us/feed.xml")
    page.get_by_role("link", name="New Delhi").first.click()
    page.wait_for_url("**/places/new-delhi/")
    assert page.locator("main h1").inner_text() == "New Delhi"
    page.go_back()
    page.get_by_role("link", name="Melbourne: 2 engagements").focus()
    page.keyboard.press("Enter")  # a dot on the map is a link, reached by keyboard
    page.wait_for_url("**/places/melbourne/")
    page.go_back()
    # exact: the zoomable axis has a link-like mark named "Oct 2021: <title>" too
    page.get_by_role("link", name="Jaishankar and Blinken meet in Rome on the G20 sidelines",
                     exact=True).click()
    page.wait_for_url("**/entries/2021-10-rome-g20-sidelines/")
    page.get_by_role("link", name="India and United States").click()
    page.wait_for_url("**/relations/in-us/")
    assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["relations/in-us/", "countries/in/", "countries/",
                                  "places/", "places/new-delhi/", ""])
def test_axe_on_country_relation_place_and_map_pages(browser, demo_server, artifacts, path,
                                                     scheme):
    page = browser.new_page(color_scheme=scheme, viewport={"width": 1200, "height": 900})
    page.goto(demo_server.url + path)
    assert serious_violations(page) == []
    name = (path.strip("/").replace("/", "-") or "home") + f"-{scheme}"
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 800})
    assert serious_violations(page) == []
    page.screenshot(path=str(artifacts / f"{name}-phone.png"), full_page=True)
    page.close()


def test_country_and_relation_pages_pass_the_nu_html_checker(demo_site):
    assert VNU.exists() and shutil.which("java"), "run 'npm ci' and install Java (README: Tests)"
    pages = sorted(str(p) for folder in ("countries", "relations", "places")
                   for p in (demo_site / folder).rglob("*.html"))
    assert len(pages) >= 10
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *pages],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-5000:]
