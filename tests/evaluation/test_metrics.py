from ceasefire.evaluation import evaluate_export
from ceasefire.evaluation.metrics import quote_matches, source_matches

QUOTE = "The ministry said 12 people were killed in the shelling of the market."


def _gold(aid="A1", group="G1"):
    return {
        "id": aid, "text": QUOTE, "outlet": "Wire",
        "gold": [{
            "incident_id": f"{aid}-1", "group_id": group, "role": "main", "incident_date": "2020-03-02",
            "date_precision": "day", "country": "SY", "admin1": "Idlib", "lat": 35.93, "lon": 36.63,
            "event_type": "shelling/artillery", "event_type_alternatives": [], "aggregate": False,
            "claims": [{"source": "the health ministry", "killed_min": 12, "killed_max": 12, "quote": QUOTE,
                        "quote_field": "text"}],
        }],
    }


def _pred(aids=("A1",), source="Health Ministry", lo=12, quote=QUOTE):
    return {"incidents": [{
        "id": "x", "sub_event_type": "Shelling/artillery/missile attack",
        "date": {"start": "2020-03-02", "end": "2020-03-02"},
        "location": {"country": "SY", "admin1": "Idlib", "lat": 35.9, "lon": 36.6},
        "reports": list(aids),
        "claims": [{"kind": "killed", "min": lo, "max": lo, "source": source, "quote": quote, "report_id": a}
                   for a in aids],
    }]}


def test_perfect_prediction_scores_one():
    m = evaluate_export([_gold()], _pred()).as_dict()
    for k in ("claims_figure", "claims_attributed", "claims_evidenced", "incidents"):
        assert m[k]["f1"] == 1.0, k
    for k in ("incident_date", "incident_location_25km", "incident_country", "incident_type", "claim_placement"):
        assert m[k]["accuracy"] == 1.0, k


def test_wrong_figure_and_wrong_source_are_told_apart():
    m = evaluate_export([_gold()], _pred(lo=13)).as_dict()
    assert m["claims_figure"]["tp"] == 0 and m["missed_claims"][0]["figure"] == ["killed", 12, 12]
    m = evaluate_export([_gold()], _pred(source="Red Crescent")).as_dict()
    assert m["claims_figure"]["tp"] == 1 and m["claims_attributed"]["tp"] == 0


def test_merge_links_across_articles():
    golds = [_gold("A1"), _gold("A2")]
    merged = evaluate_export(golds, _pred(aids=("A1", "A2"))).as_dict()
    assert merged["merge_links"]["recall"] == 1.0 and merged["merge_links"]["precision"] == 1.0
    apart = _pred(aids=("A1",))
    apart["incidents"].append({**_pred(aids=("A2",))["incidents"][0], "id": "y"})
    assert evaluate_export(golds, apart).as_dict()["merge_links"]["recall"] == 0.0


def test_source_and_quote_matching():
    assert source_matches("Syrian Observatory for Human Rights", {"source": "the Observatory for Human Rights"}, None)
    assert not source_matches("Syrian Observatory for Human Rights", {"source": "Russian Defence Ministry"}, None)
    assert source_matches("the article itself", {"source": "Wire", "source_type": "outlet"}, "Wire")
    assert quote_matches(QUOTE, QUOTE[:-1])
    assert not quote_matches(QUOTE, "Something else entirely happened elsewhere today.")
