"""A store ingested from the invented reports of ``articles.py``, on SQLite and on PostgreSQL, and a client.

The store is made once per backend for the whole session (ingesting runs the spaCy
pipeline); the tests only read it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import ceasefire
from ceasefire.api import create_app
from ceasefire.database import Database
from tests import needs
from tests.api.articles import ARTICLES
from tests.pg import pg_schema


@pytest.fixture(scope="session")
def articles_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def api_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, articles_file: Path
           ) -> Iterator[Database]:
    """The ingested store, once on SQLite and once on PostgreSQL."""

    def ingest(url: str) -> Database:
        db = ceasefire.open(url)
        result = db.ingest([articles_file])
        assert result.ok and result.incidents >= len(ARTICLES) - 1
        return db

    if request.param == "sqlite":
        db = ingest(f"sqlite:///{tmp_path_factory.mktemp('api-store') / 'store.db'}")
        yield db
        db.close()
        return
    admin = needs.pg_admin()
    with admin, pg_schema(admin) as url:
        db = ingest(url)
        yield db
        db.close()


@pytest.fixture(scope="session")
def client(api_db: Database) -> TestClient:
    return TestClient(create_app(api_db))


@pytest.fixture(scope="session")
def every_incident(client: TestClient) -> list[dict[str, Any]]:
    """Every incident, read in one page."""
    body = client.get("/api/v1/incidents", params={"limit": 500}).json()
    assert body["next_cursor"] is None and body["total"] == len(body["incidents"])
    return body["incidents"]
