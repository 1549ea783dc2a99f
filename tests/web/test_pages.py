"""The web UI's routes without a browser: the shells, their policy, the bundled files, the country layer."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ceasefire import web
from ceasefire.api import create_app
from ceasefire.api.security import API_POLICY
from ceasefire.config import Settings
from ceasefire.database import Database
from ceasefire.errors import ConfigError
from ceasefire.web.pages import PAGES, STATIC

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGE_PATHS = ["/", "/incidents/abc123", "/reports/abc%231", "/agreements", "/agreements/syria-2016-09"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with Database(Settings(db_url=f"sqlite:///{tmp_path_factory.mktemp('web-pages') / 's.db'}")) as db:
        yield TestClient(create_app(db))


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_every_page_is_a_shell_under_the_page_policy(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    policy = r.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "style-src 'self'" in policy and "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    assert "<script>" not in r.text and " style=" not in r.text


def test_the_api_keeps_its_own_policy(client: TestClient) -> None:
    for path in ("/api/v1/incidents", "/health", "/openapi.json", "/api/v1/nowhere"):
        assert client.get(path).headers["content-security-policy"] == API_POLICY, path


def test_the_shells_hold_no_inline_script_style_or_handler() -> None:
    for name in set(PAGES.values()):
        html = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), name
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", html), name


def test_every_file_a_page_names_is_served(client: TestClient) -> None:
    """Every script, stylesheet and icon the shells load, Leaflet's files and licence among them."""
    names = set()
    for name in set(PAGES.values()):
        names |= set(re.findall(r'(?:src|href)="(/static/[^"]+)"', (STATIC / name).read_text(encoding="utf-8")))
    for js in (STATIC / "js").glob("*.js"):
        names |= {f"/static/js/{m}" for m in re.findall(r'from "\./([a-z]+\.js)"', js.read_text(encoding="utf-8"))}
    names |= {f"/static/{web.pages.LEAFLET}/{f}" for f in ("LICENSE", "images/marker-icon.png", "images/layers.png")}
    assert any("leaflet.js" in n for n in names) and any("index.js" in n for n in names)
    assert not web.missing_assets(), web.BUILD_HINT
    for path in sorted(names):
        r = client.get(path)
        assert r.status_code == 200 and r.content, path


def test_no_script_writes_markup() -> None:
    """The pages build the DOM from text nodes: no innerHTML, outerHTML, insertAdjacentHTML, document.write or eval."""
    for js in (STATIC / "js").glob("*.js"):
        code = js.read_text(encoding="utf-8")
        for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert banned not in code, f"{js.name}: {banned}"
        assert "setAttribute(\"style\"" not in code and ".cssText" not in code, js.name


def test_the_country_layer_is_geojson_gzipped_when_asked(client: TestClient) -> None:
    zipped = client.get("/web/world.geojson", headers={"accept-encoding": "gzip"})
    assert zipped.status_code == 200 and zipped.headers["content-type"] == "application/geo+json"
    plain = client.get("/web/world.geojson", headers={"accept-encoding": "identity"})
    doc = json.loads(plain.content)
    assert gzip.decompress(web.world.world_geojson()) == plain.content
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) > 200
    syria = next(f for f in doc["features"] if f["properties"]["iso2"] == "SY")
    assert syria["geometry"]["type"] == "MultiPolygon" and "Natural Earth" in doc["attribution"]


def test_page_settings_say_what_is_bundled_and_configured(client: TestClient) -> None:
    config = client.get("/web/config.json").json()
    assert config["tiles"] is None and config["missing"] == [] and "Natural Earth" in config["attribution"]
    assert set(config) >= {"agreements", "corrections", "leaflet", "hint"}


def test_a_tile_url_is_checked_and_opens_only_its_host_to_images(tmp_path: Path) -> None:
    tiles = "https://tiles.example.org/{z}/{x}/{y}.png"
    with Database(Settings(db_url=f"sqlite:///{tmp_path / 's.db'}")) as db:
        client = TestClient(create_app(db, tiles=tiles))
        policy = client.get("/").headers["content-security-policy"]
        assert "img-src 'self' data: https://tiles.example.org;" in policy and "connect-src 'self'" in policy
        assert client.get("/web/config.json").json()["tiles"] == tiles
        for bad in ("javascript:alert(1)//{z}/{x}/{y}", "https://tiles.example.org/tile.png",
                    "https://x.org/{z}/{x}/{y}.png'; script-src *"):
            with pytest.raises(ConfigError):
                create_app(db, tiles=bad)


def test_without_the_ui_only_the_api_answers(tmp_path: Path) -> None:
    with Database(Settings(db_url=f"sqlite:///{tmp_path / 's.db'}")) as db:
        client = TestClient(create_app(db, ui=False))
        assert client.get("/").status_code == 404 and client.get("/health").status_code == 200


def test_docs_web_names_every_page_and_route() -> None:
    text = (DOCS / "web.md").read_text(encoding="utf-8")
    for path in [*PAGES, "/web/world.geojson", "/web/config.json", "/static/"]:
        assert f"`{path.replace('{key:path}', '{key}')}`" in text or f"`{path}`" in text, path


def test_the_vendored_leaflet_is_the_version_package_lock_pins() -> None:
    lock = json.loads((DOCS.parent / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/leaflet"]["version"]
    assert web.pages.LEAFLET == f"vendor/leaflet-{pinned}"
    assert json.loads((DOCS.parent / "package.json").read_text(encoding="utf-8"))["devDependencies"]["leaflet"] == pinned


def test_serve_refuses_a_bad_tile_url_in_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    store = tmp_path / "s.db"
    Database(Settings(db_url=f"sqlite:///{store}")).close()
    r = subprocess.run([sys.executable, "-m", "ceasefire", "--db", str(store), "serve", "--tiles",
                        "javascript:alert(1)"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "tile URL" in r.stderr
