"""``timeline serve`` with a real headless Chromium: every save reaches the page
without any action of the test."""

from __future__ import annotations

import re
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from serving import (ENTRY, TIMEOUT, demo_copy, in_process, loads, open_live,  # noqa: F401
                     serve, set_title)

pytestmark = pytest.mark.browser
MS = TIMEOUT * 1000


def entry_file(project):
    return project / "content" / "entries" / f"{ENTRY}.md"


def test_title_change_appears_without_any_action(serve, demo_copy, page):
    server = serve()
    open_live(page, server.url + f"entries/{ENTRY}/")
    set_title(entry_file(demo_copy), "Blinken and Modi meet again")
    expect(page.locator("h1")).to_have_text("Blinken and Modi meet again", timeout=MS)
    assert server.wait_for(r"2023-11-blinken-modi-meeting\.md: \d+ pages rewritten.*\d+ ms")


def test_two_saves_one_second_apart_both_reach_the_browser(serve, demo_copy, page):
    """livereload alone ignores a reload within 3 s of the previous one."""
    server = serve()
    open_live(page, server.url + f"entries/{ENTRY}/")
    set_title(entry_file(demo_copy), "First save")
    time.sleep(1.0)
    set_title(entry_file(demo_copy), "Second save")
    expect(page.locator("h1")).to_have_text("Second save", timeout=MS)
    seen = loads(page)
    assert "First save" in seen, seen  # the first reload happened too, before the second
    assert seen.index("First save") < seen.index("Second save")


def test_new_entry_appears_on_the_home_page(serve, demo_copy, page):
    server = serve()
    open_live(page, server.url)
    (demo_copy / "content" / "entries" / "2024-01-15-new-call.md").write_text(
        "---\ntitle: Jaishankar and Blinken speak by phone about shipping\ndate: 2024-01-15\n"
        "kind: call\npeople: [S. Jaishankar, Antony Blinken]\n---\nThey spoke.\n",
        encoding="utf-8")
    # exact: the zoomable axis has a link-like mark named "15 Jan 2024: <title>" too
    link = page.get_by_role("link", name="Jaishankar and Blinken speak by phone about shipping",
                            exact=True)
    expect(link).to_be_visible(timeout=MS)


def test_deleted_entry_page_returns_404_and_links_go(serve, demo_copy, page):
    server = serve()
    url = server.url + f"entries/{ENTRY}/"
    open_live(page, url)
    entry_file(demo_copy).unlink()
    expect(page.locator("h1")).to_have_text("Page not found", timeout=MS)
    assert page.request.get(url).status == 404
    # the 404 page is live too: it has the script (so it connected again)
    page.wait_for_function("window.__connected === true", timeout=MS)
    home = page.request.get(server.url).text()
    assert f"entries/{ENTRY}/" not in home


def test_css_change_is_applied_without_reloading_the_page(serve, demo_copy, page):
    server = serve()
    open_live(page, server.url)
    page.evaluate("window.__kept = 'still here'")
    mark = server.mark()
    with open(demo_copy / "theme" / "static" / "style.css", "a", encoding="utf-8") as css:
        css.write("\nbody { border-top: 7px solid rgb(1, 2, 3); }\n")
    page.wait_for_function(
        "getComputedStyle(document.body).borderTopColor === 'rgb(1, 2, 3)'", timeout=MS)
    assert page.evaluate("window.__kept") == "still here"  # no page reload
    assert len(loads(page)) == 1
    server.wait_for(r"style\.css: .*ms", since=mark)


def test_broken_entry_shows_the_error_and_the_fix_clears_it(serve, demo_copy, page):
    server = serve()
    url = server.url + f"entries/{ENTRY}/"
    open_live(page, url)
    path = entry_file(demo_copy)
    good = path.read_text(encoding="utf-8")
    mark = server.mark()
    path.write_text(good.replace("kind: meeting", "kind: meeting\ncolour: blue"),
                    encoding="utf-8")
    overlay = page.locator("#timeline-build-error")
    expect(overlay).to_be_visible(timeout=MS)
    line = server.wait_for(r"^\S*2023-11-blinken-modi-meeting\.md:\d+: .*colour", since=mark)
    assert line.string in overlay.inner_text()  # the terminal's exact words
    # the last good build keeps serving, every page tells the error
    other = page.request.get(server.url + "people/")
    assert other.status == 200 and "timeline-build-error" in other.text()
    path.write_text(good.replace("title: Blinken meets", "title: Fixed - Blinken meets"),
                    encoding="utf-8")
    expect(overlay).to_have_count(0, timeout=MS)
    expect(page.locator("h1")).to_contain_text("Fixed - Blinken meets", timeout=MS)


def test_sub_path_base_url(serve, demo_copy, page):
    config = demo_copy / "timeline.yaml"
    config.write_text(re.sub(r"(?m)^base_url: .*$", "base_url: https://example.org/deep/sub/",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    server = serve()
    assert server.url.endswith("/deep/sub/")
    with urllib.request.urlopen(server.origin + "/") as response:  # / redirects there
        assert response.url == server.url
    open_live(page, server.origin + "/")
    assert page.url == server.url
    page.get_by_role("link", name="People").first.click()
    assert page.url == server.url + "people/"
    page.wait_for_function("window.__connected === true", timeout=MS)
    set_title(entry_file(demo_copy), "Seen under the sub-path")
    page.goto(server.url + f"entries/{ENTRY}/")
    expect(page.locator("h1")).to_have_text("Seen under the sub-path", timeout=MS)
    href = page.locator("link[rel=stylesheet]").get_attribute("href")
    assert href.startswith("/deep/sub/static/")


def test_browser_reloads_only_once_the_new_build_is_in_place(in_process, demo_copy, page):
    """A slow build: the page must not reload (and show the old title) before the
    new site is swapped in; it reloads once, straight to the new title."""

    def slow(build):
        def wrapped(changed=None):
            time.sleep(1.5)  # e.g. a big site; livereload alone reloads at once
            return build(changed)
        return wrapped

    server = in_process(wrap_build=slow)
    open_live(page, server.url + f"entries/{ENTRY}/")
    before = loads(page)
    set_title(entry_file(demo_copy), "After the slow build")
    expect(page.locator("h1")).to_have_text("After the slow build", timeout=MS)
    assert loads(page) == before + ["After the slow build"]


def test_a_page_opened_during_a_build_catches_up(in_process, demo_copy, page):
    """A page that loads just before a build lands and connects after it was
    announced compares build ids and reloads itself."""
    server = in_process()
    page.add_init_script("document.addEventListener('LiveReloadConnect', "
                         "() => { window.__connected = true; })")
    page.route("**/livereload.js*", lambda route: (time.sleep(1.2), route.continue_()))
    page.goto(server.url + f"entries/{ENTRY}/", wait_until="commit")
    set_title(entry_file(demo_copy), "Built while connecting")  # lands before the socket
    expect(page.locator("h1")).to_have_text("Built while connecting", timeout=MS)


def test_a_page_opened_during_the_first_build_shows_the_site_when_it_lands(in_process,
                                                                         demo_copy, page):
    title = re.search(r"(?m)^title: (.*)$", entry_file(demo_copy).read_text()).group(1)

    def slow(build):
        def wrapped(changed=None):
            time.sleep(2.0)  # a big site's first build
            return build(changed)
        return wrapped

    server = in_process(wrap_build=slow, wait_ready=False)
    response = page.goto(server.url + f"entries/{ENTRY}/")
    assert response.status == 503 and not server.ready.is_set()
    expect(page.locator("h1")).to_have_text(title.strip().strip('"'), timeout=MS)
