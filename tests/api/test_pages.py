"""Cursor pages stay stable while incidents are written between them (no model: incidents written directly)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from ceasefire.api import create_app
from ceasefire.config import Settings
from ceasefire.database import Database
from ceasefire.model import Figures, Incident
from tests.store.factory import incident

URL = "/api/v1/incidents"


def _incidents(n: int, first: int = 0) -> list[Incident]:
    out = []
    for k in range(first, first + n):
        day = None if k % 5 == 4 else date(2024, 3, 1) + timedelta(days=k % 3)  # repeated days and undated ones
        inc = incident(f"{k:04x}" * 4, (), day=day)
        killed = None if k % 4 == 3 else Figures(k % 6, k % 6, k % 6)
        out.append(replace(inc, figures={"killed": killed} if killed else {}))
    return out


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    with Database(Settings(db_url=db_url)) as opened:
        yield opened


@pytest.mark.parametrize("sort", ["-date", "killed", "-killed", "id"])
def test_incidents_written_between_pages_neither_repeat_nor_hide_the_others(db: Database, sort: str) -> None:
    before = _incidents(13)
    db.store.replace_incidents(before)
    client = TestClient(create_app(db))
    seen: list[str] = []
    params: dict[str, object] = {"limit": 3, "sort": sort}
    for page in range(30):
        body = client.get(URL, params=params).json()
        seen += [i["id"] for i in body["incidents"]]
        if page == 1:  # new incidents arrive, sorting before and after the cursor
            db.store.replace_incidents(before + _incidents(7, first=100))
        if body["next_cursor"] is None:
            break
        params["cursor"] = body["next_cursor"]
    assert len(seen) == len(set(seen))
    assert {i.id for i in before} <= set(seen)


def test_the_python_api_pages_the_same_way(db: Database) -> None:
    db.store.replace_incidents(_incidents(11))
    every = [i.id for i in db.each_incident(page=2)]
    assert len(every) == len(set(every)) == 11
    assert every == [i.id for i in db.find_incidents(limit=100).incidents]
