"""The store: SQLAlchemy tables, Alembic migrations, and the only module that issues SQL.

``open_store(url)`` opens (creating and migrating) a SQLite file or a PostgreSQL
database and returns a :class:`Store`; see ``store.py`` for its methods.
"""

from __future__ import annotations

from .store import CopiesChanged, Store, open_store
from .work import Neighbourhood

__all__ = ["CopiesChanged", "Neighbourhood", "Store", "open_store"]
