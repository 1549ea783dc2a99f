"""GET /api/v1/incidents: each filter keeps what it names and drops the rest; pages are stable and complete."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.model

URL = "/api/v1/incidents"


def _ids(client: TestClient, **params: Any) -> set[str]:
    r = client.get(URL, params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["incidents"])
    return {i["id"] for i in body["incidents"]}


def _where(incidents: list[dict[str, Any]], name: str) -> dict[str, Any]:
    """The incident placed in ``name`` that has a killed figure."""
    found = [i for i in incidents if i["location"]["name"] == name and i["killed"]["best"] is not None]
    assert found, f"no incident in {name}"
    return found[0]


def test_every_incident_has_the_interchange_fields_and_a_link(every_incident: list[dict[str, Any]]) -> None:
    assert len(every_incident) >= 6
    for inc in every_incident:
        for key in ("id", "event_type", "date", "location", "actors", "killed", "wounded", "claims", "reports",
                    "flags", "grade"):
            assert key in inc
        assert inc["href"] == f"/api/v1/incidents/{inc['id']}"


def test_bbox_keeps_an_incident_inside_and_drops_one_outside(client: TestClient, every_incident: list) -> None:
    aleppo, khartoum = _where(every_incident, "Aleppo"), _where(every_incident, "Khartoum")
    lon, lat = aleppo["location"]["lon"], aleppo["location"]["lat"]
    inside = _ids(client, bbox=f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}")
    assert aleppo["id"] in inside and khartoum["id"] not in inside
    assert all(
        lon - 1 <= i["location"]["lon"] <= lon + 1 for i in every_incident if i["id"] in inside
    )


def test_bbox_across_the_antimeridian_wraps(client: TestClient, every_incident: list) -> None:
    # from 100°E eastwards to 40°E: everything but the band 40°E..100°E (Kandahar at 65°E is outside)
    kept = _ids(client, bbox="100,-90,40,90")
    kandahar = _where(every_incident, "Kandahār")
    assert kandahar["id"] not in kept and _where(every_incident, "Aleppo")["id"] in kept


@pytest.mark.parametrize(
    "params, place",
    [
        ({"country": "iq"}, "Mosul"),
        ({"admin1": "khartoum"}, "Khartoum"),
        ({"type": "Air/drone strike"}, "Khartoum"),
        ({"q": "CAR BOMB"}, "Mosul"),
        ({"q": "market hit"}, "Aleppo"),  # a report title
        ({"source": "police officials"}, "Mosul"),
        ({"source": "Evening Courier"}, "Kandahār"),  # the outlet that carried the claim
        ({"grade": "contested"}, "Aleppo"),
        ({"flag": "count_disagreement"}, "Aleppo"),
        ({"actor": "civilians"}, "Kandahār"),
        ({"from": "2023-06-01", "to": "2023-06-30"}, "Mosul"),
    ],
)
def test_a_filter_keeps_its_incident_and_drops_the_others(
    client: TestClient, every_incident: list, params: dict[str, str], place: str
) -> None:
    wanted = _where(every_incident, place)
    kept = _ids(client, **params)
    assert wanted["id"] in kept
    assert _where(every_incident, "Khartoum" if place != "Khartoum" else "Mosul")["id"] not in kept
    assert len(kept) < len(every_incident)


def test_repeated_values_are_alternatives_and_filters_combine(client: TestClient, every_incident: list) -> None:
    iraq, sudan = _where(every_incident, "Mosul")["id"], _where(every_incident, "Khartoum")["id"]
    both = _ids(client, country=["IQ", "SD"])
    assert {iraq, sudan} <= both
    assert _ids(client, country=["IQ", "SD"], q="drone") & {iraq, sudan} == {sudan}


def test_date_range_keeps_overlapping_incidents_only(client: TestClient, every_incident: list) -> None:
    kept = _ids(client, **{"from": "2023-07-01", "to": "2023-07-31"})
    for inc in every_incident:
        start, end = inc["date"]["start"], inc["date"]["end"] or inc["date"]["start"]
        overlaps = start is not None and start <= "2023-07-31" and end >= "2023-07-01"
        assert (inc["id"] in kept) == overlaps, inc["id"]


@pytest.mark.parametrize("sort", ["date", "-date", "killed", "-killed", "reports", "-sources", "id", "-id"])
def test_pages_together_are_every_incident_once_in_order(client: TestClient, every_incident: list, sort: str) -> None:
    seen: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 2, "sort": sort}
    for _ in range(20):
        body = client.get(URL, params=params).json()
        assert body["total"] == len(every_incident) and len(body["incidents"]) <= 2
        seen += body["incidents"]
        if body["next_cursor"] is None:
            break
        assert body["links"]["next"].endswith(f"cursor={body['next_cursor']}")
        params["cursor"] = body["next_cursor"]
    ids = [i["id"] for i in seen]
    assert len(ids) == len(set(ids)) and set(ids) == {i["id"] for i in every_incident}
    key = sort.lstrip("-")
    if key == "id":
        assert ids == sorted(ids, reverse=sort.startswith("-"))
    elif key in ("date", "killed"):
        values = [i["date"]["start"] if key == "date" else i["killed"]["best"] for i in seen]
        known = [v for v in values if v is not None]
        assert known == sorted(known, reverse=sort.startswith("-"))
        assert values == known + [None] * (len(values) - len(known))  # unknown values last


def test_the_same_cursor_gives_the_same_page(client: TestClient) -> None:
    first = client.get(URL, params={"limit": 2, "sort": "-killed"}).json()
    again = [client.get(URL, params={"limit": 2, "sort": "-killed", "cursor": first["next_cursor"]}).json()
             for _ in range(2)]
    assert again[0] == again[1] and again[0]["incidents"][0]["id"] not in {i["id"] for i in first["incidents"]}


@pytest.mark.parametrize(
    "params, name",
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "0,10,5,-10"}, "bbox"),
        ({"bbox": "0,0,200,5"}, "bbox"),
        ({"bbox": "nan,0,1,1"}, "bbox"),
        ({"from": "2023-13-01"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2023-05-02", "to": "2023-05-01"}, "from"),
        ({"country": "Syria"}, "country"),
        ({"sort": "size"}, "sort"),
        ({"format": "xml"}, "format"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"q": "a\x00b"}, "q"),
        ({"actor": "x" * 300}, "actor"),
    ],
)
def test_a_bad_parameter_is_a_422_naming_it(client: TestClient, params: dict[str, str], name: str) -> None:
    r = client.get(URL, params=params)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert name in [p["name"] for p in error["parameters"]] and name in error["message"]


def test_a_cursor_of_another_query_is_refused(client: TestClient) -> None:
    cursor = client.get(URL, params={"limit": 1, "sort": "-killed"}).json()["next_cursor"]
    for other in ({"sort": "killed"}, {"sort": "-killed", "country": "SY"}):
        r = client.get(URL, params={"limit": 1, "cursor": cursor, **other})
        assert r.status_code == 422 and r.json()["error"]["parameters"][0]["name"] == "cursor"
