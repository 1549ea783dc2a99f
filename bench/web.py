"""Benchmark: the web UI's map page over a store of many incidents, in Debian's Chromium.

    python bench/web.py [--incidents N]

Writes N invented incidents (bench/api.py's generator), serves the app with uvicorn on a
free port, opens `/` at 1280×800 and times: until the count is shown, until the map has
drawn its marks (the page stops at 2,000 incidents, docs/web.md), and a date filter of
one month from the input to the redrawn list. Prints milliseconds and what was drawn.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--incidents", type=int, default=5000)
    args = ap.parse_args()
    import uvicorn
    from api import build  # bench/api.py, beside this script
    from playwright.sync_api import sync_playwright

    from ceasefire.api import create_app
    from ceasefire.config import Settings
    from ceasefire.database import Database

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        build(url, args.incidents)
        with Database(Settings(db_url=url)) as db:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
            threading.Thread(target=server.run, daemon=True).start()
            while not server.started:
                time.sleep(0.05)
            base = f"http://127.0.0.1:{port}"
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 800}, bypass_csp=True)  # for the waits
                page.goto(f"{base}/web/world.geojson")  # the outlines are built once per process: not timed
                t = time.perf_counter()
                page.goto(base + "/")
                page.wait_for_function("/^[0-9,]+ incidents/.test(document.getElementById('count').textContent)",
                                       polling=50)
                counted = time.perf_counter() - t
                page.wait_for_function("document.querySelectorAll('path.incident-marker').length > 0 && "
                                       "!document.getElementById('count').textContent.includes('Loading')"
                                       " && document.getElementById('map-note').textContent !== ''", polling=50)
                drawn = time.perf_counter() - t
                marks = page.locator("path.incident-marker").count()
                rows = page.locator(".incident-link").count()
                count = page.inner_text("#count")
                t = time.perf_counter()
                page.fill("input[name=from]", "2024-03-01")
                page.fill("input[name=to]", "2024-03-31")
                page.wait_for_function("document.getElementById('count').textContent.startsWith('4') || "
                                       "/^[0-9]{2,3} incidents$/.test(document.getElementById('count').textContent)",
                                       polling=50)
                page.wait_for_function("document.querySelectorAll('.incident-link').length < 500", polling=50)
                filtered = time.perf_counter() - t
                print(f"{args.incidents} incidents: count shown {counted * 1000:.0f} ms, map drawn "
                      f"{drawn * 1000:.0f} ms ({marks} marks, {rows} list rows, '{count}'); "
                      f"one month's filter {filtered * 1000:.0f} ms ('{page.inner_text('#count')}')")
                browser.close()
            server.should_exit = True


if __name__ == "__main__":
    main()
