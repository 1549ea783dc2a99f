"""The app factory: a FastAPI app over one open ``Database``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .. import __version__, web
from ..config import Settings
from ..database import Database
from . import errors
from .routes import agreements, catalog, incidents, reports, review
from .security import SafeHeaders
from .views import PREFIX

__all__ = ["create_app"]

DESCRIPTION = (
    "Read the ceasefire incident store: incidents with their claims, sources and evidence "
    "sentences, reports, sources and actors, agreements and their violations; review incidents "
    "with a token (confirm, correct, merge, split, mark a claim wrong). See docs/api.md."
)


def create_app(
    source: Database | Settings, *, read_token: bool | None = None, tiles: str | None = None, ui: bool = True
) -> FastAPI:
    """The API over ``source``: an open ``Database`` (the caller closes it), or ``Settings`` to open one
    (closed when the app shuts down). ``read_token``: reading needs a token too (default: the settings').
    With ``ui`` (the default), the web UI beside it (``docs/web.md``), its map over online tiles only when
    ``tiles`` (a ``{z}/{x}/{y}`` URL) is given."""
    if ui:
        tiles = web.check_tiles(tiles)
    owned = isinstance(source, Settings)
    db = Database(source) if isinstance(source, Settings) else source

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if owned:
                db.close()

    app = FastAPI(
        title="ceasefire",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url=None,  # the interactive pages load scripts from a CDN: nothing is fetched at run time
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.read_token = db.settings.read_token if read_token is None else read_token
    errors.install(app)
    app.add_middleware(SafeHeaders, page_policy=web.page_policy(tiles) if ui else None)
    app.include_router(catalog.health_router)
    app.include_router(incidents.router, prefix=PREFIX)
    app.include_router(reports.router, prefix=PREFIX)
    app.include_router(catalog.router, prefix=PREFIX)
    app.include_router(agreements.router, prefix=PREFIX)
    app.include_router(review.router, prefix=PREFIX)  # writes: each behind auth.editor (a Bearer token)
    if ui:
        web.mount(app, tiles=tiles)
    return app
