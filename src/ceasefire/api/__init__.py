"""The REST API (FastAPI) over the Python API: read-only, versioned under ``/api/v1`` (``docs/api.md``).

    from ceasefire.api import create_app
    app = create_app(ceasefire.open("ceasefire.db"))   # or create_app(Settings(...))

``ceasefire serve`` runs it with uvicorn. This package imports ``database``,
``model``, ``errors``, ``config`` and ``export``; nothing imports it.
"""

from .app import create_app

__all__ = ["create_app"]
