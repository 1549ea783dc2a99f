"""ceasefire: news reports of armed conflict into an auditable, source-attributed incident database.

The public Python API::

    import ceasefire
    db = ceasefire.open("ceasefire.db")          # or "postgresql+psycopg://user@host/db"
    result = db.ingest(["articles.jsonl", "pages/"])
    incidents = db.incidents(country="SY")
    db.export("incidents.json")
    metrics = ceasefire.evaluate("gold.jsonl")

Names are imported lazily, so ``import ceasefire.model`` stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    CeasefireError,
    ConfigError,
    GazetteerError,
    InputError,
    ModelError,
    NotFound,
    OutputError,
    StoreError,
)

__version__ = "0.1.0"

__all__ = [
    "open",
    "evaluate",
    "geocode",
    "normalize_dates",
    "build_gazetteer",
    "import_geonames",
    "Database",
    "Settings",
    "IngestResult",
    "CeasefireError",
    "ConfigError",
    "GazetteerError",
    "InputError",
    "ModelError",
    "NotFound",
    "OutputError",
    "StoreError",
    "__version__",
]

_LAZY = {
    "open": "ceasefire.database",
    "evaluate": "ceasefire.database",
    "geocode": "ceasefire.database",
    "normalize_dates": "ceasefire.database",
    "build_gazetteer": "ceasefire.database",
    "import_geonames": "ceasefire.database",
    "Database": "ceasefire.database",
    "Settings": "ceasefire.config",
    "IngestResult": "ceasefire.run",
}

if TYPE_CHECKING:  # pragma: no cover
    from .config import Settings
    from .database import Database, build_gazetteer, evaluate, geocode, import_geonames, normalize_dates, open
    from .run import IngestResult


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ceasefire' has no attribute {name!r}")
