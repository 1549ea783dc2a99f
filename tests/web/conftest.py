"""A real server for the browser tests: the seed article (and an invented hostile one) in a SQLite store,
served by uvicorn on a free port in a thread; Debian's Chromium driven by Playwright.

Without ``/usr/bin/chromium`` or Playwright the browser tests skip on a laptop and fail under
``CI=true`` (``make sysdeps`` installs the browser; ``playwright`` is in the test extra).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ceasefire
from ceasefire.api import create_app
from ceasefire.database import Database
from tests import needs
from tests.seed import seed_path
from tests.web.hostile import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def web_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('web-store') / 'store.db'}"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, web_db_url: str) -> Iterator[Database]:
    """The seed article and the hostile one, ingested once."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = ceasefire.open(web_db_url)
    result = db.ingest([seed_path(), hostile])
    assert result.ok and result.incidents >= 3, result
    if hasattr(db, "add_agreement"):
        db.add_agreement("syria-2016-09")  # the shipped agreement the seed's week falls under
    yield db
    db.close()


@pytest.fixture(scope="session")
def site(web_db: Database) -> Iterator[str]:
    """The base URL of a live server over ``web_db`` (the web UI and the API)."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        needs.unavailable(f"{CHROMIUM} is missing: `make sysdeps` installs Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        needs.unavailable("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page and what went wrong on it: uncaught errors, console errors, dialogs (none may occur)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("dialog", self._dialog)
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status} {r.url}"))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shot(self, name: str, full_page: bool = False) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


def _watched(browser: Any, viewport: dict[str, int], bypass_csp: bool = True) -> Iterator[Watched]:
    context = browser.new_context(viewport=viewport, bypass_csp=bypass_csp)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield Watched(page)
    context.close()


@pytest.fixture
def desktop(browser: Any) -> Iterator[Watched]:
    """A 1280×800 page; the test may evaluate its own scripts there (Playwright's waits need that, and so
    the hostile text is shown to be escaped, not merely stopped by the Content-Security-Policy)."""
    yield from _watched(browser, DESKTOP)


@pytest.fixture
def strict(browser: Any) -> Iterator[Watched]:
    """A 1280×800 page under the server's Content-Security-Policy (a violation is a console error)."""
    yield from _watched(browser, DESKTOP, bypass_csp=False)


@pytest.fixture
def phone(browser: Any) -> Iterator[Watched]:
    """A 390×844 page (a phone's width)."""
    yield from _watched(browser, PHONE)
