"""The briefing in a real browser: headless Chromium, network cut off, map drawn and clickable.

Needs Playwright for Python and a Chromium binary (the Debian ``chromium`` package
at /usr/bin/chromium, or one named by ``RAILTRACK_CHROMIUM``); skips with the reason
otherwise. Every request that is not a ``file:`` or ``data:`` URL is aborted, so the
test proves the page draws its data with no network.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from railtrack import data_path, load_network, load_reports
from railtrack.briefing import write_outputs
from railtrack.pipeline import TrackResult, track

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (test extra)"
)


def _chromium() -> str | None:
    named = os.environ.get("RAILTRACK_CHROMIUM")
    if named and Path(named).is_file():
        return named
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def briefing(tmp_path_factory: pytest.TempPathFactory) -> tuple[TrackResult, Path]:
    result = track(load_reports(data_path("reports")), load_network(), as_of="2023-03-05")
    out = tmp_path_factory.mktemp("briefing")
    written = write_outputs(result, out)
    return result, written["report.html"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium installed (apt-get install chromium, or set RAILTRACK_CHROMIUM)")
    with playwright_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        except playwright_api.Error as exc:  # pragma: no cover - depends on the machine
            pytest.skip(f"Chromium at {executable} did not start: {exc}")
        yield b
        b.close()


def _offline_page(browser: Any, errors: list[str], blocked: list[str]) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page


def test_map_draws_offline_with_every_corridor_and_popups(
    briefing: tuple[TrackResult, Path], browser: Any, tmp_path: Path
) -> None:
    result, report = briefing
    errors: list[str] = []
    blocked: list[str] = []
    page = _offline_page(browser, errors, blocked)
    page.goto(report.as_uri())
    page.wait_for_selector("#rt-map path.rt-corridor", state="attached")

    # One line per distinct routed path: the routes table's routed trains, grouped.
    routed = result.routes[result.routes["stations"].map(lambda s: s is not None and len(s) > 1)]
    corridors = {tuple(s) for s in routed["stations"]}
    assert len(corridors) > 1
    assert page.locator("path.rt-corridor").count() == len(corridors)
    assert page.locator("path.rt-country").count() >= 3  # outlines drawn from shipped data
    assert page.locator("path.rt-network").count() == 1
    assert page.locator(".rt-railhead").count() >= 5
    assert page.locator(".rt-crossing").count() >= 2
    assert page.locator(".rt-sighting").count() >= 1

    # The view is fitted to the data: every corridor's box lies inside the map's box.
    inside = page.evaluate(
        """() => { const m = window.railtrackMap; const b = m.map.getBounds();
                  return m.corridors.every(c => b.pad(0.01).contains(c.getBounds())); }"""
    )
    assert inside

    # A real click on the middle of a corridor opens a popup listing its trains.
    ids = set(result.shipments["id"])
    page.locator("#rt-map").scroll_into_view_if_needed()
    point = page.evaluate(
        """() => { const all = document.querySelectorAll('path.rt-corridor');
                  const p = all[all.length - 1];
                  const n = p.getTotalLength(); const q = p.getPointAtLength(n / 2);
                  const m = p.getScreenCTM(); return [q.x * m.a + m.e, q.y * m.d + m.f]; }"""
    )
    page.mouse.click(point[0], point[1])
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible", timeout=5000)
    text = popup.inner_text()
    assert any(i in text for i in ids), text
    assert "cars" in text or "train" in text

    # A railhead symbol opens its own popup.
    page.evaluate("() => window.railtrackMap.map.closePopup()")
    page.locator(".rt-railhead").first.click()
    page.wait_for_function(
        "() => document.querySelector('.leaflet-popup-content')"
        " && document.querySelector('.leaflet-popup-content').innerText.includes('railhead')"
    )

    shot = tmp_path / "briefing-map.png"
    page.locator("#rt-map").scroll_into_view_if_needed()
    page.screenshot(path=str(shot), full_page=False)
    print(f"screenshot: {shot}")
    assert shot.stat().st_size > 10_000
    assert errors == [], errors
    assert blocked == []  # the default base layer asks for nothing
    page.close()


def test_layer_toggle_hides_corridors(briefing: tuple[TrackResult, Path], browser: Any) -> None:
    _result, report = briefing
    errors: list[str] = []
    page = _offline_page(browser, errors, [])
    page.goto(report.as_uri())
    page.wait_for_selector("path.rt-corridor")
    before = page.locator("path.rt-corridor").count()
    page.get_by_text("Corridors (width by cars)").click()
    assert page.locator("path.rt-corridor").count() == 0
    page.get_by_text("Corridors (width by cars)").click()
    assert page.locator("path.rt-corridor").count() == before
    assert errors == []
    page.close()


def test_page_fits_1280_pixels(briefing: tuple[TrackResult, Path], browser: Any) -> None:
    _result, report = briefing
    page = _offline_page(browser, [], [])
    page.goto(report.as_uri())
    page.wait_for_selector("#trains")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert "<NA>" not in page.inner_text("body")
    page.close()
