"""One incident, one report, the catalogues, health, exports: their shapes and what they hold."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ceasefire.export.table import COLUMNS

pytestmark = pytest.mark.model


def _with_claims(every_incident: list[dict[str, Any]]) -> dict[str, Any]:
    return max(every_incident, key=lambda i: (len(i["claims"]), i["id"]))


def test_an_incident_has_claims_mentions_with_sentences_reports_and_history(
    client: TestClient, every_incident: list
) -> None:
    listed = _with_claims(every_incident)
    r = client.get(listed["href"])
    assert r.status_code == 200
    inc = r.json()
    assert inc["id"] == listed["id"] and inc["claims"] == listed["claims"] and inc["grade"] == listed["grade"]
    assert len(inc["mentions"]) >= 1 and len(inc["report_details"]) == len({m["report"] for m in inc["mentions"]})
    texts = {}
    for rep in inc["report_details"]:
        texts[rep["href"]] = client.get(rep["href"]).json()
    for m in inc["mentions"]:
        report = texts[m["report"]]
        field = report["text"] if m["trigger"]["field"] == "text" else report["title"]
        t, s = m["trigger"], m["sentence"]
        assert field[t["start"]:t["end"]] == t["quote"]
        assert s["start"] <= t["start"] and t["end"] <= s["end"] and field[s["start"]:s["end"]] == s["quote"]
        assert m["incident_id"] == inc["id"]
    assert inc["history"] and inc["history"][0]["version"] == 1 and inc["history"][-1]["incident"]["id"] == inc["id"]
    for c in inc["claims"]:
        assert c["report_id"] in inc["reports"]


def test_a_prefix_of_an_id_finds_the_incident(client: TestClient, every_incident: list) -> None:
    inc = every_incident[0]
    assert client.get(f"/api/v1/incidents/{inc['id'][:10]}").json()["id"] == inc["id"]


def test_history_endpoint_lists_the_versions(client: TestClient, every_incident: list) -> None:
    inc = every_incident[0]
    body = client.get(f"{inc['href']}/history").json()
    assert body["id"] == inc["id"] and [v["version"] for v in body["history"]] == list(
        range(1, len(body["history"]) + 1)
    )


@pytest.mark.parametrize("path", ["/api/v1/incidents/ffffffffffff", "/api/v1/reports/nope%231",
                                  "/api/v1/incidents/ffff/history", "/api/v1/nothing", "/nothing"])
def test_a_missing_record_is_a_404_in_the_error_shape(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found" and r.json()["error"]["message"]


def test_a_report_has_its_text_and_every_claim_and_mention_span(client: TestClient, every_incident: list) -> None:
    inc = _with_claims(every_incident)
    detail = client.get(inc["href"]).json()
    report = client.get(detail["report_details"][0]["href"]).json()
    assert report["report_id"] in inc["reports"] and report["text"]
    assert report["claims"] and report["mentions"]
    for c in report["claims"]:
        field = report["text"] if c["field"] == "text" else report["title"]
        assert field[c["start"]:c["end"]] == c["quote"]
        assert c["incident_id"] is not None and c["mention"] in {m["key"] for m in report["mentions"]}
    h = report["headline"]
    if h is not None:
        assert (report["title"] if h["field"] == "title" else report["text"])[h["start"]:h["end"]] == h["quote"]


def test_sources_and_actors_list_what_the_filters_can_name(client: TestClient) -> None:
    sources = client.get("/api/v1/sources").json()["sources"]
    names = {(s["name"], s["type"]) for s in sources}
    assert ("police officials", "official") in names and ("Evening Courier", "outlet") in names
    assert all(s["incidents"] >= 1 and s["claims"] >= 1 for s in sources)
    # every source listed finds incidents with the source filter
    one = sources[0]
    found = client.get("/api/v1/incidents", params={"source": one["name"]}).json()["total"]
    assert found == one["incidents"]
    actors = client.get("/api/v1/actors").json()["actors"]
    assert any(a["name"] == "Civilians" and a["role"] == "target" for a in actors)


def test_health_counts_the_incidents_and_every_answer_has_safe_headers(client: TestClient, every_incident) -> None:
    r = client.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["incidents"] == len(every_incident)
    for path in ("/health", "/api/v1/incidents", "/api/v1/nothing", "/openapi.json"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in headers["content-security-policy"]
        assert "access-control-allow-origin" not in headers


def test_a_write_method_is_refused_in_the_error_shape(client: TestClient) -> None:
    r = client.post("/api/v1/incidents", json={})
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_geojson_points_only_where_the_place_is_that_precise(client: TestClient, every_incident: list) -> None:
    r = client.get("/api/v1/incidents", params={"format": "geojson", "limit": 2})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    doc = json.loads(r.text)
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == len(every_incident)  # every match
    for f in doc["features"]:
        p = f["properties"]
        assert f["type"] == "Feature" and f["id"] == p["id"]
        if p["location_precision"] in ("point", "near", "locality") and p["lat"] is not None:
            assert f["geometry"] == {"type": "Point", "coordinates": [p["lon"], p["lat"]]}
        else:
            assert f["geometry"] is None


def test_geojson_export_follows_the_filter(client: TestClient, every_incident: list) -> None:
    doc = client.get("/api/v1/incidents", params={"format": "geojson", "country": "SD"}).json()
    assert {f["properties"]["country"] for f in doc["features"]} == {"SD"}


def test_csv_has_the_documented_columns_one_row_per_incident(client: TestClient, every_incident: list) -> None:
    r = client.get("/api/v1/incidents", params={"format": "csv", "sort": "id"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(rows[0].keys()) == COLUMNS
    assert [row["id"] for row in rows] == sorted(i["id"] for i in every_incident)
    by_id = {i["id"]: i for i in every_incident}
    for row in rows:
        inc = by_id[row["id"]]
        assert row["killed_best"] == ("" if inc["killed"]["best"] is None else str(inc["killed"]["best"]))
        assert row["grade"] == inc["grade"] and row["reports"] == "; ".join(inc["reports"])


def test_json_export_is_the_interchange_document(client: TestClient, every_incident: list) -> None:
    doc = client.get("/api/v1/incidents", params={"format": "json", "limit": 1}).json()
    assert doc["schema"] == "ceasefire.incidents/1"
    assert sorted(i["id"] for i in doc["incidents"]) == sorted(i["id"] for i in every_incident)


@pytest.mark.parametrize("params", [{}, {"country": "SY"}, {"from": "2023-06-01"}, {"q": "killed"}])
def test_the_timeline_adds_up_to_the_incidents_of_the_same_filter(client: TestClient, params: dict) -> None:
    days = client.get("/api/v1/timeline", params=params).json()["days"]
    incidents = client.get("/api/v1/incidents", params={**params, "limit": 500}).json()["incidents"]
    assert sum(d["incidents"] for d in days) == len(incidents)
    for kind in ("low", "best", "high"):
        assert sum(d[f"killed_{kind}"] for d in days) == sum(i["killed"][kind] or 0 for i in incidents)
    assert sum(d["without_killed"] for d in days) == sum(i["killed"]["best"] is None for i in incidents)
    per_day = {(d["day"], d["event_type"]) for d in days}
    assert per_day == {(i["date"]["start"], i["event_type"]) for i in incidents}
    dated = [d["day"] for d in days if d["day"] is not None]
    assert dated == sorted(dated) and all(d["day"] is not None for d in days[: len(dated)])


@pytest.mark.parametrize("fmt, first, columns", [("acled-csv", "event_id_cnty", "ACLED_COLUMNS"),
                                                  ("ucdp-csv", "id", "UCDP_COLUMNS")])
def test_field_csv_downloads_follow_the_filter(client: TestClient, every_incident: list, fmt: str, first: str,
                                               columns: str) -> None:
    from ceasefire.export import acled, ucdp

    r = client.get("/api/v1/incidents", params={"format": fmt, "country": "SY"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert f'filename="incidents.{fmt.replace("-csv", ".csv")}"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(rows[0].keys()) == getattr(acled if fmt == "acled-csv" else ucdp, columns)
    wanted = {i["id"] for i in every_incident if i["location"]["country"] == "SY"}
    assert {row[first] for row in rows} == wanted
