"""The built demo in a real headless Chromium, served under its sub-path."""

import pytest

pytestmark = pytest.mark.browser


def test_home_has_no_console_errors_and_year_navigation_works(page, demo_server, artifacts):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    failed: list[str] = []
    page.on("requestfailed", lambda req: failed.append(req.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)

    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(demo_server.url)
    assert page.title() == "Diplomacy Timeline"
    assert page.locator("main h1").inner_text() == "Diplomacy Timeline"
    stylesheet_applied = page.evaluate(
        "getComputedStyle(document.querySelector('nav.years a')).borderRadius")
    assert stylesheet_applied not in ("", "0px")

    page.get_by_role("navigation", name="Years").get_by_role("link", name="2021").click()
    page.wait_for_function("location.hash === '#y2021'")
    top = page.evaluate("document.getElementById('y2021').getBoundingClientRect().top")
    assert 0 <= top < 200, "the 2021 section is scrolled into view"
    page.screenshot(path=str(artifacts / "home.png"), full_page=True)

    # exact: the zoomable axis has a link-like mark named "Oct 2021: <title>" too
    page.get_by_role("link", name="Jaishankar and Blinken meet in Rome on the G20 sidelines",
                     exact=True).click()
    page.wait_for_url("**/entries/2021-10-rome-g20-sidelines/")
    assert "Oct 2021" in page.locator("p.when").inner_text()
    page.get_by_role("link", name="Antony Blinken").first.click()
    page.wait_for_url("**/people/antony-blinken/")
    page.set_viewport_size({"width": 390, "height": 800})
    page.screenshot(path=str(artifacts / "person-mobile.png"), full_page=True)

    assert errors == []
    assert failed == []


def test_missing_page_gets_the_404_page_styles_at_depth(page, demo_server):
    # GitHub Pages answers any missing path with 404.html; its links are absolute.
    page.goto(demo_server.url + "404.html")
    assert page.locator("h1").inner_text() == "Page not found"
    page.get_by_role("link", name="Go to the timeline").click()
    page.wait_for_url(demo_server.url)
