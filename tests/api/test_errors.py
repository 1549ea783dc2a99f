"""Errors in one JSON shape, mapped in one place; never a traceback, never a 500 for something the caller did."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ceasefire.api import create_app
from ceasefire.config import Settings
from ceasefire.database import Database
from ceasefire.errors import NotFound, StoreError
from tests.test_cli_errors import ceasefire, one_line_error


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Database]:
    db = Database(Settings(db_url=f"sqlite:///{tmp_path / 'empty.db'}"))
    yield db
    db.close()


def test_an_empty_store_answers_empty_lists(empty: Database) -> None:
    client = TestClient(create_app(empty))
    body = client.get("/api/v1/incidents").json()
    assert body["incidents"] == [] and body["total"] == 0 and body["next_cursor"] is None
    assert client.get("/api/v1/sources").json() == {"sources": []}
    assert client.get("/api/v1/actors").json() == {"actors": []}
    assert client.get("/api/v1/incidents", params={"format": "csv"}).text.count("\n") == 1  # the header


def test_a_store_that_fails_is_a_503(empty: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def down() -> None:
        raise StoreError("cannot read sources in sqlite:///x: database is locked")

    monkeypatch.setattr(empty, "sources", down)
    r = TestClient(create_app(empty)).get("/api/v1/sources")
    assert r.status_code == 503 and r.json()["error"]["code"] == "store_unavailable"


def test_an_unexpected_error_is_a_json_500_saying_nothing_more(empty: Database, monkeypatch) -> None:
    def bug() -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(empty, "actors", bug)
    r = TestClient(create_app(empty)).get("/api/v1/actors")
    assert r.status_code == 500 and r.json()["error"]["code"] == "internal_error"
    assert "secret" not in r.text and r.headers["x-content-type-options"] == "nosniff"


def test_an_id_merged_away_is_a_404_naming_its_successors(empty: Database, monkeypatch) -> None:
    def gone(incident_id: str) -> None:
        raise NotFound(f"incident {incident_id} is no longer current: merged")

    monkeypatch.setattr(empty, "incident", gone)
    monkeypatch.setattr(empty, "successors", lambda incident_id: ("b" * 16,))
    r = TestClient(create_app(empty)).get("/api/v1/incidents/" + "a" * 16)
    assert r.status_code == 404 and r.json()["error"]["successors"] == ["b" * 16]


@pytest.mark.parametrize("path", ["/api/v1/incidents/a%00b", "/api/v1/reports/%01"])
def test_control_characters_in_an_id_are_refused(empty: Database, path: str) -> None:
    r = TestClient(create_app(empty)).get(path)
    assert r.status_code == 422 and r.json()["error"]["parameters"][0]["in"] == "path"


def test_settings_open_a_store_the_app_closes(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(db_url=f"sqlite:///{tmp_path / 's.db'}"))) as client:
        assert client.get("/health").json()["incidents"] == 0


@pytest.mark.parametrize("db", [":memory:", "sqlite://", "missing.db"])
def test_serve_refuses_a_store_that_is_not_there_in_one_line(tmp_path: Path, db: str) -> None:
    line = one_line_error(ceasefire("--db", db, "serve", "--port", "1", cwd=tmp_path), 2)
    assert line.startswith("error: ") and ("in memory" in line or "no store at" in line)
    assert not (tmp_path / "missing.db").exists()
