"""End to end in headless Chromium: a real server on loopback, driven the way a person reads the sample corpus.

Needs Debian's ``chromium`` and PyPI's ``playwright`` (its own browser download is not used: the test points it
at the system Chromium). Skips, saying which is missing, when either is absent. Screenshots of every page go
to a temporary folder, and also to ``$STORYLINE_SCREENSHOTS`` when that is set.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_helpers import TOKEN, store_copy

from storyline.api import ApiSettings, create_app
from storyline.store import Repository

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")


def chromium_path() -> str | None:
    """Debian's Chromium binary (the real one, not the /usr/bin wrapper script, when both exist)."""
    for candidate in CHROMIUM_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(seed_store: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A uvicorn server on a free loopback port, in a thread, over a copy of the sample store."""
    repo = Repository(store_copy(seed_store, tmp_path_factory.mktemp("api-browser") / "store.db"))
    app = create_app(repo, ApiSettings(token=TOKEN, rate_per_minute=0, ingest_stages=("clean", "stories")))
    port = free_port()
    uv_server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv_server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv_server.should_exit = True
    thread.join(timeout=10)
    repo.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        if os.environ.get("STORYLINE_REQUIRE_BROWSER") == "1":  # make test installs it: missing is a failure
            pytest.fail("Debian's chromium is not installed (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Iterator[Any]:
    folder = tmp_path / "screenshots"
    folder.mkdir()
    taken: list[Path] = []

    def shoot(page: Any, name: str) -> None:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 5000
        taken.append(path)

    yield shoot
    extra = os.environ.get("STORYLINE_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        for path in taken:
            shutil.copy(path, Path(extra) / path.name)


def new_page(browser: Any) -> tuple[Any, list[str], list[str]]:
    """A page that records dialogs (alert, confirm…) and CSP violations, which no page of ours may cause."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    dialogs: list[str] = []
    violations: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return page, dialogs, violations


def test_read_the_sample_corpus_in_a_browser(server: str, browser: Any, shots: Any) -> None:
    page, dialogs, violations = new_page(browser)
    page.goto(server + "/")
    assert page.locator("ol.story-list li.story").count() == 4
    shots(page, "01-stories")

    page.fill("input[name=q]", "Dushanbe")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=Dushanbe")
    assert page.locator(".snippet mark").first.inner_text() == "Dushanbe"
    shots(page, "02-search")

    page.goto(server + "/")
    page.locator("a.story-title").filter(has_text="Afghan resistance asks for assistance").click()
    page.wait_for_url("**/stories/s1")
    assert page.locator("del").count() > 0 and page.locator("ins").count() > 0  # the spun copy's substitutions
    assert page.locator("mark.evidence").count() >= 2
    shots(page, "03-story")

    page.locator("blockquote footer a.actor").first.click()  # the quote's speaker
    page.wait_for_url("**/entities/e1")
    assert page.locator("h1").inner_text().startswith("Abdul Latif Pedram")
    shots(page, "04-entity")

    page.goto(server + "/topics/t1/timeline")
    dates = page.locator("ol.timeline time.date").all_inner_texts()
    assert dates == sorted(dates) and len(dates) == 2
    shots(page, "05-timeline")

    page.goto(server + "/network")
    page.wait_for_selector("svg#network[data-layout=force]")  # our script ran under the strict CSP
    shots(page, "06-network")
    page.locator("a.node").filter(has_text="Taliban").click()
    page.wait_for_url("**/entities/e2")
    assert page.locator("h1").inner_text().startswith("Taliban")

    page.goto(server + "/map")
    page.wait_for_load_state("networkidle")
    assert page.locator("svg#map a.place circle").count() == 3
    loaded = page.evaluate("fetch('/static/world-110m.svg').then(r => r.status)")
    assert loaded == 200
    shots(page, "07-map")
    assert dialogs == [] and violations == []


HOSTILE = {
    "title": "<img src=x onerror=alert('title')>Hostile <script>alert('title2')</script>",
    "outlet": "<svg onload=alert('outlet')>",
    "url": "javascript:alert('url')",
    "published": "2022-03-01",
    "text": (
        "Talks in Kabul stalled on Monday. <script>alert('text')</script> <img src=x onerror=alert('img')>\n"
        "<a href=\"javascript:alert('link')\">click</a> \"><svg onload=alert('svg')> </p></div><b onmouseover=alert(1)>"
    ),
}


def test_hostile_article_runs_no_script(server: str, browser: Any, shots: Any) -> None:
    posted = httpx.post(
        server + "/api/articles", json=HOSTILE, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60
    )
    assert posted.status_code == 201, posted.text
    article_id = posted.json()["ids"][0]
    page, dialogs, violations = new_page(browser)
    page.add_init_script("window.__ran = []; window.alert = (m) => window.__ran.push(String(m));")
    for url in (f"/articles/{article_id}", "/?q=stalled", "/"):
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
        page.mouse.move(300, 300)
        assert page.evaluate("window.__ran") == []
    page.goto(server + f"/articles/{article_id}")
    assert "alert('text')" in page.locator("div.text").inner_text()  # shown as text
    assert page.locator("div.text script, div.text img, div.text svg").count() == 0
    shots(page, "08-hostile-article")
    assert dialogs == [] and violations == []
