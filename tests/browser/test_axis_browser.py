"""The zoomable time axis (static/axis.js) in headless Chromium: keys, the wheel,
a drag and a pinch zoom and pan it (the dates shown and the marks on screen
both say so), a card shows the focused or hovered engagement and its link
leads to the entry page; past the detail limit the bars give way to the
engagements of the search index; axe finds nothing serious, in light and dark;
screenshots of the zoomed axis with a card open go to test-artifacts/."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest

from conftest import serious_violations, REPO, StaticServer, copy_demo
from generator.builder.site import build_site
from generator.config import load_config

pytestmark = pytest.mark.browser
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LATEST = "10 Nov 2023: India-US 2+2 Dialogue in New Delhi"


def watch(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400
            else None)
    return errors


def ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("svg.axis[data-zoom='ready']")


def day(text: str) -> dt.date:
    d, m, y = text.split()
    return dt.date(int(y), MONTHS.index(m) + 1, int(d))


def view(page, before: tuple[dt.date, dt.date] | None = None) -> tuple[dt.date, dt.date]:
    """The dates the axis says it shows, once they have stopped changing (and
    differ from ``before`` when given)."""
    last, same, deadline = None, 0, time.monotonic() + 8
    while time.monotonic() < deadline:
        text = page.locator(".z-range").first.inner_text()
        shown = tuple(day(t) for t in text.split(" \u2013 "))
        same = same + 1 if shown == last else 0
        last = shown
        if same >= 3 and shown != before:
            return shown
        page.wait_for_timeout(100)
    raise AssertionError(f"the view stayed at {last}")


def days(v: tuple[dt.date, dt.date]) -> int:
    return (v[1] - v[0]).days + 1


def mark_x(page, title: str) -> float:
    """Where the mark whose tooltip is ``title`` is drawn, in page pixels."""
    return page.evaluate("""(title) => {
        const t = [...document.querySelectorAll('svg.axis .z-plot title')]
            .find(t => t.textContent === title);
        const r = t.parentNode.getBoundingClientRect();
        return r.left + r.width / 2; }""", title)


def gap(page) -> float:
    """How far apart two engagements a day apart are drawn."""
    return mark_x(page, "4 Jan 2022: Jaishankar and Lavrov discuss follow-up to the December "
                        "summit") - mark_x(page, "3 Jan 2022: Jaishankar and Blinken talk by phone")


def focused_title(page) -> str:
    return page.evaluate("document.activeElement.querySelector('title')?.textContent ?? ''")


def card(page) -> str:
    return page.locator(".z-card").inner_text()


def test_keys_zoom_pan_and_move_between_engagements_and_enter_opens_one(page, demo_server):
    errors = watch(page)
    page.set_viewport_size({"width": 1200, "height": 900})
    ready(page, demo_server.url)
    whole = view(page)
    assert whole == (dt.date(2021, 1, 1), dt.date(2023, 12, 31))
    assert page.locator(".z-card").is_hidden()
    # the axis is one tab stop, after the zoom buttons: the latest engagement
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg.axis')"):
            break
    assert focused_title(page) == LATEST
    assert page.locator("svg.axis [tabindex='0']").count() == 1
    assert page.locator("svg.axis .z-plot [role='link']").count() == 11
    assert "India-US 2+2 Dialogue in New Delhi" in card(page)
    assert "With Antony Blinken, Lloyd Austin, S. Jaishankar, Rajnath Singh" in card(page)
    page.keyboard.press("Tab")  # out of the axis: to the card's link, not the next mark
    assert page.evaluate("document.activeElement.closest('.z-card') !== null")
    page.keyboard.press("Shift+Tab")
    assert focused_title(page) == LATEST

    apart = gap(page)
    page.keyboard.press("+")
    once = view(page, whole)
    page.keyboard.press("+")
    twice = view(page, once)
    assert days(whole) > days(once) > days(twice)
    assert 0.4 < days(once) / days(whole) < 0.6 and 0.4 < days(twice) / days(once) < 0.6
    assert twice[0] <= dt.date(2023, 11, 10) <= twice[1], "zoomed around the focused mark"
    page.keyboard.press("+")
    page.keyboard.press("+")
    four = view(page, twice)
    assert 0.2 < days(four) / days(twice) < 0.3
    page.keyboard.press("Home")  # the first engagement: the view follows it
    assert focused_title(page).startswith("Oct 2021: Jaishankar and Blinken meet in Rome")
    first = view(page, four)
    assert first[0] < dt.date(2021, 10, 1) < dt.date(2021, 11, 1) < first[1]
    assert days(first) == pytest.approx(days(four), abs=2)
    assert gap(page) > 10 * apart > 0, "the marks are drawn further apart, not just relabelled"

    # arrows go from one engagement to the next; the view pans to keep it in sight
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert focused_title(page) == "4 Jan 2022: Jaishankar and Lavrov discuss follow-up to " \
                                  "the December summit"
    assert "Lavrov" in card(page) and "With S. Jaishankar, Sergey Lavrov" in card(page)
    later = view(page, first)
    assert later[0] > first[0] and later[0] <= dt.date(2022, 1, 4) <= later[1]
    page.keyboard.press("Shift+ArrowRight")  # pans without moving the focus
    panned = view(page, later)
    assert panned[0] > later[0] and days(panned) == pytest.approx(days(later), abs=2)
    assert focused_title(page).startswith("4 Jan 2022")
    page.keyboard.press("-")
    wider = view(page, panned)
    assert days(wider) > days(panned) * 1.8
    page.keyboard.press("0")
    assert view(page, wider) == whole
    assert page.locator(".z-live").inner_text().startswith("Showing 1 Jan 2021")

    page.keyboard.press("ArrowLeft")
    assert focused_title(page) == "3 Jan 2022: Jaishankar and Blinken talk by phone"
    page.keyboard.press("Enter")
    page.wait_for_url("**/timeline/entries/2022-01-03-jaishankar-blinken-call/")
    assert page.locator("h1").inner_text() == "Jaishankar and Blinken talk by phone"
    assert errors == []


def test_wheel_zooms_around_the_pointer_a_drag_pans_and_a_hovered_card_links(page,
                                                                            demo_server):
    errors = watch(page)
    page.set_viewport_size({"width": 1200, "height": 900})
    ready(page, demo_server.url)
    whole = view(page)
    rome = "Oct 2021: Jaishankar and Blinken meet in Rome on the G20 sidelines"
    box = page.locator("svg.axis").bounding_box()
    x, apart = mark_x(page, rome), gap(page)
    page.mouse.move(x, box["y"] + 13)
    for _ in range(4):
        page.mouse.wheel(0, -240)
    zoomed = view(page, whole)
    assert days(zoomed) < days(whole) / 5
    assert gap(page) / apart == pytest.approx(days(whole) / days(zoomed), rel=0.1)
    assert abs(mark_x(page, rome) - x) < 6, "the point under the pointer stays put"
    page.mouse.wheel(0, 240)
    out = view(page, zoomed)
    assert days(whole) > days(out) > days(zoomed) * 1.5

    # a drag to the right shows earlier dates, at the same scale
    middle = box["x"] + box["width"] / 2
    page.mouse.move(middle, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(middle + 100, box["y"] + 30, steps=5)
    page.mouse.move(middle + 200, box["y"] + 30, steps=5)
    page.mouse.up()
    dragged = view(page, out)
    assert dragged[0] < out[0] and days(dragged) == pytest.approx(days(out), abs=2)
    share = ((out[0] - dragged[0]).days) / days(out)
    assert share == pytest.approx(200 / (box["width"] - 16), abs=0.03)

    # hovering a mark shows its card; its link leads to the entry page
    page.get_by_role("button", name="Show all").click()
    view(page, dragged)
    x = mark_x(page, rome)
    page.mouse.move(x, box["y"] + 13)
    page.locator(".z-card").wait_for(state="visible")
    assert "Jaishankar and Blinken meet in Rome on the G20 sidelines" in card(page)
    assert "Oct 2021" in card(page) and "With S. Jaishankar, Antony Blinken" in card(page)
    page.mouse.move(x + 30, box["y"] + box["height"] + 40, steps=4)  # onto the card: it stays
    link = page.locator(".z-card a")
    link.click()
    page.wait_for_url("**/timeline/entries/2021-10-rome-g20-sidelines/")
    assert page.locator("h1").inner_text() == \
        "Jaishankar and Blinken meet in Rome on the G20 sidelines"
    assert errors == []


def test_a_click_on_the_mark_itself_as_a_screen_reader_sends_it_opens_the_page(page,
                                                                              demo_server):
    """A mouse click opens the card and stays on the page; a screen reader's
    click (no pointer events, straight on the mark) follows the link."""
    errors = watch(page)
    ready(page, demo_server.url)
    view(page)
    rome = "Oct 2021: Jaishankar and Blinken meet in Rome on the G20 sidelines"
    box = page.locator("svg.axis").bounding_box()
    page.mouse.click(mark_x(page, rome), box["y"] + 13)
    page.locator(".z-card").wait_for(state="visible")
    assert focused_title(page) == rome and "G20 sidelines" in card(page)
    assert page.url == demo_server.url
    page.locator("svg.axis .z-plot [role='link']").nth(2).dispatch_event("click")
    page.wait_for_url("**/timeline/entries/2022-01-03-jaishankar-blinken-call/")
    assert errors == []


def pinch(page, x: float, y: float, start: float, end: float) -> None:
    """Two touch pointers moving apart around (x, y), as a phone sends them."""
    page.evaluate("""([x, y, start, end]) => {
        const svg = document.querySelector('svg.axis');
        const send = (type, id, px) => svg.dispatchEvent(new PointerEvent(type, {
            pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: px,
            clientY: y, bubbles: true, cancelable: true}));
        send('pointerdown', 1, x - start); send('pointerdown', 2, x + start);
        for (let i = 1; i <= 8; i++) {
            const d = start + (end - start) * i / 8;
            send('pointermove', 1, x - d); send('pointermove', 2, x + d);
        }
        send('pointerup', 1, x - end); send('pointerup', 2, x + end);
    }""", [x, y, start, end])


def tap(page, x: float, y: float) -> None:
    page.evaluate("""([x, y]) => {
        const svg = document.querySelector('svg.axis');
        for (const type of ['pointerdown', 'pointerup']) svg.dispatchEvent(new PointerEvent(type,
            {pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y,
             bubbles: true, cancelable: true}));
    }""", [x, y])


def test_a_pinch_zooms_and_a_tap_opens_the_card_on_a_phone(browser, demo_server):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    errors = watch(page)
    ready(page, demo_server.url)
    whole = view(page)
    box = page.locator("svg.axis").bounding_box()
    assert box["width"] < 390, "fits the phone's width instead of scrolling sideways"
    x = mark_x(page, "11 Feb 2022: Jaishankar and Blinken meet in Melbourne")
    pinch(page, x, box["y"] + 20, 20, 100)
    zoomed = view(page, whole)
    assert days(zoomed) < days(whole) / 3
    assert zoomed[0] <= dt.date(2022, 2, 11) <= zoomed[1]
    x = mark_x(page, "11 Feb 2022: Jaishankar and Blinken meet in Melbourne")
    tap(page, x, box["y"] + 27)
    page.locator(".z-card").wait_for(state="visible")
    assert "Jaishankar and Blinken meet in Melbourne" in card(page)
    page.get_by_role("button", name="Close the card").click()
    assert page.locator(".z-card").is_hidden()
    assert errors == []
    context.close()


def test_reduced_motion_jumps_where_motion_animates(browser, demo_server):
    frames = """() => new Promise(done => {
        const plot = document.querySelector('svg.axis .z-plot'), seen = [];
        const started = performance.now();
        const look = () => {
            const t = plot.getAttribute('transform');
            if (seen[seen.length - 1] !== t) seen.push(t);
            if (performance.now() - started < 600) requestAnimationFrame(look); else done(seen);
        };
        document.activeElement.dispatchEvent(new KeyboardEvent('keydown',
            {key: '+', bubbles: true, cancelable: true}));
        requestAnimationFrame(look);
    })"""
    seen = {}
    for motion in ("reduce", "no-preference"):
        page = browser.new_page(reduced_motion=motion)
        ready(page, demo_server.url)
        page.locator("svg.axis [tabindex='0']").focus()
        seen[motion] = page.evaluate(frames)
        page.close()
    assert len(seen["reduce"]) == 1, "one step, straight to the new view"
    assert len(seen["no-preference"]) >= 3, "an animation through views between"
    assert seen["reduce"][-1] == seen["no-preference"][-1]


def test_without_javascript_the_axis_stays_a_static_picture(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server.url)
    svg = page.locator("svg.axis")
    assert svg.get_attribute("role") == "img"
    assert page.locator(".z-bar, .z-card").count() == 0
    assert page.locator(".chart-scroll").get_attribute("tabindex") == "0"
    assert page.locator("svg.axis circle").count() == 6
    context.close()


# Past the detail limit: a site of 400 engagements, built under a deeper sub-path.

PEOPLE = ["S. Jaishankar", "Antony Blinken", "Sergey Lavrov", "Marise Payne"]
DATES = [dt.date(2019, 1, 3) + dt.timedelta(days=4 * i) for i in range(400)]


def month_title(y: int, m: int) -> str:
    n = sum(1 for d in DATES if (d.year, d.month) == (y, m))
    return f"{MONTHS[m - 1]} {y}: {n} engagement{'' if n == 1 else 's'}"


@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    root = copy_demo(tmp_path_factory.mktemp("big"))
    entries = root / "content" / "entries"
    for old in entries.glob("*.md"):
        old.unlink()
    for i, date in enumerate(DATES):
        who = [PEOPLE[0], PEOPLE[1 + i % 3]]
        (entries / f"gen-{i:03d}.md").write_text(
            f"---\ntitle: Generated talks number {i}\ndate: {date.isoformat()}\n"
            f"kind: call\npeople: [{', '.join(who)}]\n---\nBody {i}.\n")
    config = load_config(root / "timeline.yaml").with_overrides(
        output=root / "site", base_url="https://example.org/deep/sub/")
    build_site(config)
    server = StaticServer(config.output, "/deep/sub/")
    yield server
    server.close()


def test_past_the_detail_limit_zooming_in_brings_the_engagements_themselves(page, big_server):
    errors = watch(page)
    page.set_viewport_size({"width": 1200, "height": 900})
    ready(page, big_server.url)
    assert page.locator("svg.axis.counts").count() == 1
    whole = view(page)
    page.locator("svg.axis [tabindex='0']").focus()
    last = DATES[-1]
    assert focused_title(page) == month_title(last.year, last.month)  # the last month's bar
    assert "Zoom in" in card(page)
    for _ in range(2):
        page.keyboard.press("ArrowLeft")
    y, m = (last.year, last.month - 2) if last.month > 2 else (last.year - 1, last.month + 10)
    assert focused_title(page) == month_title(y, m)
    page.keyboard.press("Enter")  # zooms to the month; its engagements replace the bars
    page.wait_for_selector("svg.axis.z-detail")
    month = view(page, whole)
    assert month[0] <= dt.date(y, m, 1) and month[1] >= dt.date(y, m, 28)
    assert days(month) < 45
    ours = [(i, d) for i, d in enumerate(DATES) if (d.year, d.month) == (y, m)]
    (i, first), (j, second) = ours[:2]
    assert focused_title(page) == f"{first.day} {MONTHS[m - 1]} {y}: Generated talks number {i}"
    # every engagement of the month is drawn, each with its page under the sub-path
    drawn = page.evaluate("""() => [...document.querySelectorAll('svg.axis .z-dots [role=link]')]
        .map(e => [e.querySelector('title').textContent, e.getAttribute('data-href')])""")
    this_month = {t: h for t, h in drawn if t.split(":")[0].endswith(f"{MONTHS[m - 1]} {y}")}
    assert this_month == {f"{d.day} {MONTHS[m - 1]} {y}: Generated talks number {k}":
                          f"/deep/sub/entries/gen-{k:03d}/" for k, d in ours}
    page.keyboard.press("ArrowRight")
    assert focused_title(page) == \
        f"{second.day} {MONTHS[m - 1]} {y}: Generated talks number {j}"
    assert f"Generated talks number {j}" in card(page)
    assert f"With S. Jaishankar, {PEOPLE[1 + j % 3]}" in card(page)
    page.keyboard.press("0")
    view(page, month)
    assert page.locator("svg.axis.z-detail").count() == 0
    assert focused_title(page) == month_title(y, m), "back to the engagement's month"
    page.keyboard.press("Enter")
    page.wait_for_selector("svg.axis.z-detail")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/deep/sub/entries/gen-{j:03d}/")
    assert page.locator("h1").inner_text() == f"Generated talks number {j}"
    assert errors == []


def test_a_person_past_the_detail_limit_zooms_into_monthly_bars(page, big_server):
    errors = watch(page)
    ready(page, big_server.url + "people/s-jaishankar/")
    whole = view(page)
    page.locator("svg.axis [tabindex='0']").focus()
    assert "Enter zooms to this month" in card(page)
    page.keyboard.press("Enter")
    month = view(page, whole)
    assert days(month) < 45
    assert page.locator("svg.axis.z-detail").count() == 0, "no index for a person's axis"
    assert errors == []


# Accessibility and screenshots, with the axis zoomed and a card open.

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_and_screenshots_of_the_zoomed_axis_with_a_card(browser, demo_server, artifacts,
                                                            scheme):
    for name, width in (("desktop", 1200), ("phone", 390)):
        page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 800})
        errors = watch(page)
        ready(page, demo_server.url)
        whole = view(page)
        page.locator("svg.axis [tabindex='0']").focus()
        page.keyboard.press("Home")
        for _ in range(3):
            page.keyboard.press("+")
        view(page, whole)
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.locator(".z-card").wait_for(state="visible")
        assert "India-Russia summit" in card(page) or "talk by phone" in card(page)
        page.wait_for_timeout(300)
        assert serious_violations(page) == []
        figure = page.locator("figure.zoomable")
        page.screenshot(path=str(artifacts / f"axis-zoom-{name}-{scheme}.png"),
                        clip={**figure.bounding_box(), "height": figure.bounding_box()["height"]
                              + 60})
        assert errors == []
        page.close()


@pytest.mark.parametrize("path", ["people/s-jaishankar/", "relations/in-us/", "forums/quad/"])
def test_axe_on_pages_with_a_zoomable_axis(browser, demo_server, path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    ready(page, demo_server.url + path)
    page.locator("svg.axis [tabindex='0']").focus()
    page.keyboard.press("+")
    assert serious_violations(page) == []
    page.close()
