"""The write routes (review with tokens) and the agreement routes, on a fresh store per test, both backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

import ceasefire
from ceasefire.api import create_app
from ceasefire.database import Database
from tests.reviewing import add_report, add_truce


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    with ceasefire.open(db_url) as d:
        add_report(d, 1)
        add_report(d, 2, city="Idlib")
        yield d


@pytest.fixture
def client(db: Database) -> TestClient:
    return TestClient(create_app(db))


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def ids(db: Database) -> list[str]:
    return [i.id for i in db.incidents()]


def test_writes_need_a_valid_token(client: TestClient, db: Database) -> None:
    incident_id = ids(db)[0]
    url = f"/api/v1/incidents/{incident_id}/confirm"
    for headers in ({}, bearer("not-a-token"), {"Authorization": "Basic dXNlcjpwdw=="}):
        r = client.post(url, json={"reason": "x"}, headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
        assert r.headers["www-authenticate"] == "Bearer"
    reader = db.users.add("rui", role="reader")
    r = client.post(url, json={"reason": "x"}, headers=bearer(reader))
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    token = db.users.add("ana")
    db.users.revoke("ana")
    assert client.post(url, json={"reason": "x"}, headers=bearer(token)).status_code == 403
    assert len(db.history(incident_id)) == 1  # nothing was written
    assert client.get(f"/api/v1/incidents/{incident_id}").status_code == 200  # reading stays open


def test_each_write_answers_the_incident_with_a_review_version(client: TestClient, db: Database) -> None:
    h = bearer(db.users.add("ana"))
    a, b = ids(db)
    r = client.post(f"/api/v1/incidents/{a}/confirm", json={"reason": "seen"}, headers=h)
    assert r.status_code == 200 and r.json()["review"]["confirmed"]["by"] == "ana"
    r = client.post(f"/api/v1/incidents/{a}/corrections", headers=h,
                    json={"field": "killed", "value": {"low": 20, "best": 21, "high": 30}, "reason": "list"})
    body = r.json()
    assert r.status_code == 200 and body["killed"] == {"low": 20, "best": 21, "high": 30}
    (c,) = body["review"]["corrections"]
    assert c["machine"] == {"low": 12, "best": 12, "high": 15} and c["why"] == "list"
    last = body["history"][-1]
    assert (last["kind"], last["by"], last["why"]) == ("review", "ana", "list") and last["at"]
    assert body["history"][0]["kind"] == "machine" and body["history"][0]["by"] is None
    claim = body["claims"][1]["id"]
    r = client.post(f"/api/v1/claims/{quote(claim, safe='')}/wrong", json={"reason": "dup"}, headers=h)
    assert r.status_code == 200 and r.json()["claims"][1]["wrong"]["by"] == "ana"
    r = client.post("/api/v1/incidents/merge", json={"ids": [a, b], "reason": "same"}, headers=h)
    merged = r.json()
    assert r.status_code == 200 and len(merged["mentions"]) == 2 and ids(db) == [merged["id"]]
    second = max(m["key"] for m in merged["mentions"])
    r = client.post(f"/api/v1/incidents/{merged['id']}/split", json={"mentions": [second], "reason": "no"},
                    headers=h)
    assert r.status_code == 200 and len(r.json()["mentions"]) == 1 and len(ids(db)) == 2
    history = client.get(f"/api/v1/incidents/{merged['id']}/history").json()["history"]
    assert {v["kind"] for v in history} == {"machine", "review"}


@pytest.mark.parametrize("body, name", [
    ({"field": "killed", "value": {"low": "many"}}, "value"),
    ({"field": "date", "value": {"start": "yesterday"}}, "value"),
    ({"field": "event_type", "value": "Picnic"}, "value"),
    ({"field": "grade", "value": "confirmed"}, "field"),
    ({"field": "killed"}, "value"),
    ({"field": "killed", "value": 3, "extra": 1}, "extra"),
])
def test_a_bad_correction_is_a_422_naming_the_field(client: TestClient, db: Database, body: dict[str, Any],
                                                     name: str) -> None:
    h = bearer(db.users.add("ana"))
    r = client.post(f"/api/v1/incidents/{ids(db)[0]}/corrections", json=body, headers=h)
    assert r.status_code == 422, r.text
    assert name in [p["name"] for p in r.json()["error"]["parameters"]]


def test_unknown_records_are_404s(client: TestClient, db: Database) -> None:
    h = bearer(db.users.add("ana"))
    assert client.post("/api/v1/incidents/ffffffff/confirm", json={}, headers=h).status_code == 404
    assert client.post("/api/v1/claims/nope%2F0/wrong", json={}, headers=h).status_code == 404
    assert client.post("/api/v1/incidents/merge", json={"ids": ["ffff", "eeee"]}, headers=h).status_code == 404


def test_agreements_and_their_violations(client: TestClient, db: Database, tmp_path: Path) -> None:
    truce = add_truce(db, tmp_path)
    listed = client.get("/api/v1/agreements").json()["agreements"]
    assert [a["id"] for a in listed] == [truce]
    one = client.get(f"/api/v1/agreements/{truce}").json()
    assert one["terms"][0]["ref"] == "Art. 1" and one["parties"][0]["actor"] == "Syrian army"
    assert one["area"]["countries"] == ["SY"] and one["start"] == "2016-09-01"
    found = client.get(f"/api/v1/agreements/{truce}/violations").json()
    assert found["total"] == 2 and found["statuses"] == ["possible_violation"]
    v = found["violations"][0]
    assert v["term"]["ref"] == "Art. 1" and v["accused"] == "Government" and v["reason"]
    assert v["incident_id"] in ids(db) and v["accusers"]
    page = client.get("/api/v1/incidents", params={"agreement": truce, "status": "possible_violation"}).json()
    assert page["total"] == 2
    assert client.get("/api/v1/incidents", params={"agreement": truce, "status": "permitted"}).json()["total"] == 0
    assert client.get("/api/v1/incidents", params={"status": "permitted"}).status_code == 422
    assert client.get("/api/v1/incidents", params={"agreement": "nope"}).status_code == 422
    assert client.get("/api/v1/agreements/nope").status_code == 404
    detail = client.get(f"/api/v1/incidents/{ids(db)[0]}").json()
    assert [(x["agreement"], x["status"]) for x in detail["violations"]] == [(truce, "possible_violation")]
    h = bearer(db.users.add("ana"))  # a correction is judged again at once
    fixed = client.post(f"/api/v1/incidents/{ids(db)[0]}/corrections", headers=h,
                        json={"field": "event_type", "value": "Peaceful protest", "reason": "a protest"}).json()
    assert fixed["violations"][0]["status"] != "possible_violation"
    assert client.get(f"/api/v1/agreements/{truce}/violations").json()["total"] == 1


def test_reading_can_require_a_token_and_cors_stays_closed(db: Database) -> None:
    client = TestClient(create_app(db, read_token=True))
    assert client.get("/api/v1/incidents").status_code == 401
    assert client.get("/health").status_code == 200
    token = db.users.add("rui", role="reader")
    assert client.get("/api/v1/incidents", headers=bearer(token)).status_code == 200
    r = client.options("/api/v1/incidents/x/confirm", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert not any(k.lower().startswith("access-control-") for k in r.headers)
