import io
import json

from tests.factories import claim, mention

from ceasefire.export import SCHEMA, incident_to_json, write_json
from ceasefire.incidents import build_incidents

TOP = {"id", "event_type", "sub_event_type", "date", "location", "actors", "killed", "wounded", "claims", "reports",
       "flags", "grade"}
CLAIM = {"kind", "min", "max", "approx", "victims", "source", "source_type", "carried_by", "report_id", "part",
         "field", "quote", "start", "end", "hedged"}


def test_every_interchange_field_is_present():
    inc = build_incidents([mention("a", claims=(claim(lo=83, hi=None, quote="killed at least 83"),))])[0]
    d = incident_to_json(inc)
    assert TOP <= set(d)
    assert {"start", "end", "precision", "basis"} <= set(d["date"])
    assert {"name", "country", "admin1", "lat", "lon", "geonames_id", "precision"} <= set(d["location"])
    assert CLAIM <= set(d["claims"][0])
    assert d["claims"][0]["min"] == 83 and d["claims"][0]["max"] is None
    assert d["wounded"] == {"low": None, "best": None, "high": None}  # null where unknown
    assert d["reports"] == ["a"]


def test_unknown_place_is_null_not_missing():
    inc = build_incidents([mention("a", place=None)])[0]
    loc = incident_to_json(inc)["location"]
    assert loc["name"] is None and loc["lat"] is None and loc["precision"] == "unknown"


def test_write_json_round_trips():
    buf = io.StringIO()
    write_json(build_incidents([mention("a")]), buf)
    doc = json.loads(buf.getvalue())
    assert doc["schema"] == SCHEMA and len(doc["incidents"]) == 1
