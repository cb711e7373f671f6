"""Search, filters, accessibility and self-containment in headless Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import axe_violations, REPO
from generator.builder.graph import build_graph
from generator.content.loader import load_content

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def graph(demo_config):
    return build_graph(load_content(demo_config.content))


def ready(page, url):
    page.goto(url)
    page.wait_for_selector("#explore[data-ready='true']")


def result_titles(page) -> list[str]:
    return page.locator("#explore-results li a").all_inner_texts()


def test_search_shows_the_right_entries_as_you_type(page, demo_server, graph):
    ready(page, demo_server.url)
    assert page.locator("#timeline-all").is_visible()
    page.get_by_label("Search titles, people, forums, places and summaries").press_sequentially(
        "lavrov", delay=20)
    expected = {e.title for e in graph.entries
                if "lavrov" in (e.title + " " + (e.summary or "")).lower()
                or "sergey-lavrov" in e.people}
    page.wait_for_function("document.querySelectorAll('#explore-results li').length > 0")
    assert set(result_titles(page)) == expected and expected
    assert page.locator("#explore-status").inner_text() == \
        f"{len(expected)} of {len(graph.entries)} engagements match."
    assert not page.locator("#timeline-all").is_visible()
    assert "q=lavrov" in page.url
    # accents and case do not matter; all words must match
    page.get_by_role("searchbox").fill("MELBOURNE quad")
    titles = result_titles(page)
    assert titles and all("Melbourne" in t or "Quad" in t for t in titles)
    page.get_by_role("searchbox").fill("")
    assert page.locator("#timeline-all").is_visible()
    assert "?" not in page.url


def test_two_filters_combine_with_counts_and_survive_a_reload(page, demo_server, graph):
    ready(page, demo_server.url)
    page.get_by_label("Person").select_option("antony-blinken")
    page.get_by_label("Kind").select_option("call")
    expected = [e.title for e in reversed(graph.entries)
                if "antony-blinken" in e.people and e.kind == "call"]
    assert len(expected) == 2
    assert result_titles(page) == expected
    assert "person=antony-blinken" in page.url and "kind=call" in page.url
    # counts: each option counts the entries the other filters leave
    assert page.locator("#explore-kind option[value='call']").inner_text() == "call (2)"
    blinken = len([e for e in graph.entries if "antony-blinken" in e.people])
    assert page.locator("#explore-kind option[value='meeting']").inner_text() == \
        f"meeting ({len([e for e in graph.by_person['antony-blinken'] if e.kind == 'meeting'])})"
    assert page.locator("#explore-person option[value='antony-blinken']").inner_text() == \
        "Antony Blinken (2)"
    assert blinken > 2
    shared = page.url
    page.goto("about:blank")
    ready(page, shared)
    assert page.get_by_label("Person").input_value() == "antony-blinken"
    assert page.get_by_label("Kind").input_value() == "call"
    assert result_titles(page) == expected
    # a year range on top narrows further
    page.get_by_label("From year").select_option("2022")
    page.get_by_label("To year").select_option("2022")
    assert result_titles(page) == [t for t in expected]  # both calls are in 2022
    page.get_by_label("To year").select_option("2021")
    assert result_titles(page) == []
    assert page.locator("#explore-status").inner_text().startswith("0 of")
    page.get_by_role("button", name="Clear").click()
    page.wait_for_function("!location.search")
    assert page.locator("#timeline-all").is_visible()


def test_keyboard_slash_focuses_search_and_results_are_links(page, demo_server):
    ready(page, demo_server.url)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "explore-q"
    page.keyboard.type("2+2")
    page.keyboard.press("Tab")  # on to the person filter, then back and into the results
    page.locator("#explore-results li a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/entries/**")
    assert "2+2" in page.locator("h1").inner_text()


def test_without_javascript_the_full_timeline_shows(browser, demo_server, graph):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server.url)
    assert not page.locator("#explore").is_visible()
    assert page.locator("li.item").count() == len(graph.entries)
    context.close()


@pytest.mark.parametrize("path", ["", "?person=s-jaishankar&q=quad",
                                  "entries/2022-02-11-melbourne-meeting/",
                                  "people/s-jaishankar/", "forums/quad/", "404.html"])
def test_axe_finds_no_serious_or_critical_violations(page, demo_server, path, artifacts):
    page.goto(demo_server.url + path)
    if "explore" in page.content():
        page.wait_for_selector("#explore[data-ready='true']")
    violations = axe_violations(page)
    for v in violations:
        print(path or "home", v)
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []


@pytest.mark.parametrize("path", ["?person=s-jaishankar&q=quad", "people/s-jaishankar/"])
def test_axe_in_dark_mode_too(browser, demo_server, path):
    page = browser.new_page(color_scheme="dark")
    page.goto(demo_server.url + path)
    violations = axe_violations(page)
    page.close()
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []


def test_no_page_requests_anything_from_another_host(page, demo_server, demo_site):
    local = urlsplit(demo_server.url).netloc
    foreign: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: None if urlsplit(r.url).netloc in (local, "") or
            r.url.startswith(("data:", "about:")) else foreign.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    pages = sorted(p.relative_to(demo_site).as_posix() for p in demo_site.rglob("*.html"))
    assert len(pages) > 30
    for rel in pages:
        path = "" if rel == "index.html" else rel.removesuffix("index.html")
        page.goto(demo_server.url + path, wait_until="load")
    assert foreign == []
    assert failed == []


def test_404_page_works_at_any_depth(page, demo_server, demo_site):
    """GitHub Pages answers a missing path, however deep, with 404.html."""
    body = (demo_site / "404.html").read_bytes()
    page.route("**/deep/missing/path/", lambda route: route.fulfill(
        status=404, body=body, content_type="text/html"))
    page.goto(demo_server.url + "deep/missing/path/")
    assert page.locator("h1").inner_text() == "Page not found"
    radius = page.evaluate("getComputedStyle(document.querySelector('.explore, .site-header'))"
                           ".borderBottomWidth")
    assert radius == "1px", "the stylesheet loaded from the sub-path"
    page.get_by_role("link", name="People").first.click()
    page.wait_for_url(demo_server.url + "people/")


def test_the_axe_gate_can_fail(page):
    page.set_content('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button>'
                     '</main></body></html>')
    ids = {v["id"] for v in axe_violations(page) if v["impact"] in ("serious", "critical")}
    assert {"image-alt", "button-name"} <= ids
