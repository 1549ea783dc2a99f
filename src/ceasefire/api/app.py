"""The app factory: a FastAPI app over one open ``Database``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .. import __version__, web
from ..config import Settings
from ..database import Database
from . import errors
from .routes import catalog, incidents, reports
from .security import SafeHeaders
from .views import PREFIX

__all__ = ["create_app"]

DESCRIPTION = (
    "Read the ceasefire incident store: incidents with their claims, sources and evidence "
    "sentences, reports, sources and actors. See docs/api.md."
)


def create_app(source: Database | Settings, *, tiles: str | None = None, ui: bool = True) -> FastAPI:
    """The API over ``source``: an open ``Database`` (the caller closes it), or ``Settings`` to open one
    (closed when the app shuts down). With ``ui`` (the default), the web UI beside it (``docs/web.md``),
    its map over online tiles only when ``tiles`` (a ``{z}/{x}/{y}`` URL) is given."""
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
    errors.install(app)
    app.add_middleware(SafeHeaders, page_policy=web.page_policy(tiles) if ui else None)
    app.include_router(catalog.health_router)
    app.include_router(incidents.router, prefix=PREFIX)
    app.include_router(reports.router, prefix=PREFIX)
    app.include_router(catalog.router, prefix=PREFIX)
    if ui:
        web.mount(app, tiles=tiles)
    # review and edit routes (issue 11, with audit and tokens) go in routes/review.py, behind auth.editor
    return app
