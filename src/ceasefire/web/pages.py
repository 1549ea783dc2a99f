"""The web UI's routes: the page shells, the static files, the country layer and the page settings.

Pages are served with :func:`page_policy` as their Content-Security-Policy (scripts and
styles from this server only, never inline; images also from the tile host when one is
configured); ``api.security.SafeHeaders`` puts it on every answer outside the API.
"""

from __future__ import annotations

import gzip
import threading
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from ..errors import ConfigError
from .world import ATTRIBUTION, world_geojson

__all__ = ["mount", "missing_assets", "page_policy", "check_tiles", "STATIC", "LEAFLET", "PAGES", "BUILD_HINT"]

STATIC = Path(str(resources.files("ceasefire").joinpath("web/static")))
LEAFLET = "vendor/leaflet-1.9.4"  # the version pinned in package-lock.json; the Makefile copies it here
VENDOR_FILES = ("leaflet.js", "leaflet.css", "LICENSE")
BUILD_HINT = "web UI assets missing (Leaflet): run `make web-assets` (npm ci copies them into the package)"

# path -> shell: every page reads its data from the API (docs/web.md)
PAGES = {
    "/": "index.html",
    "/incidents/{incident_id}": "incident.html",
    "/reports/{key:path}": "report.html",
    "/agreements": "agreements.html",
    "/agreements/{agreement_id}": "agreement.html",
}


def missing_assets() -> list[str]:
    """The vendored files that are not in the package (built by ``make web-assets``)."""
    return [f"{LEAFLET}/{name}" for name in VENDOR_FILES if not (STATIC / LEAFLET / name).is_file()]


def check_tiles(url: str | None) -> str | None:
    """A tile URL template (``https://host/{z}/{x}/{y}.png``), or ``ConfigError`` naming what is wrong."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"tile URL {url!r}: give an http(s) URL")
    if not all(k in url for k in ("{z}", "{x}", "{y}")):
        raise ConfigError(f"tile URL {url!r}: it needs {{z}}, {{x}} and {{y}}")
    if any(c in url for c in "'\"; \n\r\t<>"):
        raise ConfigError(f"tile URL {url!r}: quotes, spaces, ';', '<' and '>' are not allowed")
    return url


def page_policy(tiles: str | None = None) -> str:
    """The pages' Content-Security-Policy: nothing inline, nothing from elsewhere but the tile host."""
    img = "'self' data:"
    if tiles:
        parts = urlsplit(tiles)
        img += f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; "
        f"img-src {img}; connect-src 'self'; font-src 'self'; manifest-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )


def _shell(name: str) -> "FileResponse":
    return FileResponse(STATIC / name, media_type="text/html; charset=utf-8", headers={"cache-control": "no-cache"})


def mount(app: FastAPI, tiles: str | None = None) -> None:
    """Add the pages, ``/static``, ``/web/world.geojson`` and ``/web/config.json`` to ``app``."""
    tiles = check_tiles(tiles)
    threading.Thread(target=world_geojson, name="world-geojson", daemon=True).start()  # ready by the first map

    for path, name in PAGES.items():
        def page(name: str = name) -> Response:
            return _shell(name)

        app.add_api_route(path, page, methods=["GET"], include_in_schema=False, name=f"page:{name}")

    @app.get("/web/world.geojson", include_in_schema=False)
    def world(request: Request) -> Response:
        body = world_geojson()
        headers = {"cache-control": "public, max-age=86400", "vary": "accept-encoding"}
        if "gzip" in request.headers.get("accept-encoding", ""):
            return Response(body, media_type="application/geo+json", headers={**headers, "content-encoding": "gzip"})
        return Response(gzip.decompress(body), media_type="application/geo+json", headers=headers)

    @app.get("/web/config.json", include_in_schema=False)
    def config() -> Response:
        api = list(app.openapi()["paths"])  # every API route, however its router was included
        return JSONResponse({  # what the pages may offer: the routes of other parts, when the app has them
            "agreements": any(p.endswith("/agreements") for p in api),
            "corrections": any(p.endswith("/corrections") for p in api),
            "tiles": tiles,
            "attribution": ATTRIBUTION,
            "leaflet": f"/static/{LEAFLET}/",
            "missing": missing_assets(),
            "hint": BUILD_HINT,
        })

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
