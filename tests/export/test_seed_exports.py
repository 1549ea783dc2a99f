"""Every export of the seed page opens in its natural reader and carries the seed's claims with their sources.

pandas reads the CSVs, pyarrow the Parquet tables, geojson-pydantic checks the GeoJSON
against RFC 7946; the filters (dates, country, agreement) hold in every format. On SQLite
and PostgreSQL.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from geojson_pydantic import FeatureCollection
from tests.seed import seed_path

import ceasefire
from ceasefire.database import Database
from ceasefire.export import FORMATS
from ceasefire.export.acled import ACLED_COLUMNS
from ceasefire.export.maps import figure_text
from ceasefire.export.parquet import SCHEMA, TABLES
from ceasefire.export.ucdp import UCDP_COLUMNS
from ceasefire.model import IncidentFilter

pytestmark = pytest.mark.model

SYRIA = "syria-2016-09"
SUFFIX = {"json": "json", "csv": "csv", "geojson": "geojson", "acled-csv": "acled.csv", "ucdp-csv": "ucdp.csv"}


@pytest.fixture
def seeded(db_url: str) -> Iterator[Database]:
    with ceasefire.open(db_url) as db:
        db.ingest([seed_path()])
        db.add_agreement(SYRIA)
        yield db


def _write_all(db: Database, folder: Path, where: IncidentFilter | None = None) -> dict[str, Path]:
    out = {}
    folder.mkdir(exist_ok=True)
    for fmt in FORMATS:
        path = folder / (f"incidents.{SUFFIX[fmt]}" if fmt in SUFFIX else "parquet")
        db.export(path, format=fmt, where=where)
        out[fmt] = path
    return out


def _ids(paths: dict[str, Path]) -> dict[str, list[str]]:
    """The incident ids each format holds, read by each format's reader."""
    return {
        "json": [i["id"] for i in json.loads(paths["json"].read_text("utf-8"))["incidents"]],
        "csv": list(pd.read_csv(paths["csv"], dtype=str)["id"]),
        "geojson": [str(f.id) for f in FeatureCollection.model_validate_json(paths["geojson"].read_text("utf-8")).features],
        "acled-csv": list(pd.read_csv(paths["acled-csv"], dtype=str)["event_id_cnty"]),
        "ucdp-csv": list(pd.read_csv(paths["ucdp-csv"], dtype=str)["id"]),
        "parquet": pq.read_table(paths["parquet"] / "incidents.parquet").column("incident_id").to_pylist(),
    }


def test_every_format_opens_in_its_reader_and_round_trips_the_seed_claims(seeded: Database, tmp_path: Path) -> None:
    incidents = seeded.incidents()
    claims = [(inc.id, c, m) for inc in incidents for m in inc.mentions for c in m.claims]
    assert len(claims) >= 9 and len({c.source.name for _, c, _ in claims}) >= 3
    paths = _write_all(seeded, tmp_path)
    ids = _ids(paths)
    assert all(sorted(v) == sorted(i.id for i in incidents) for v in ids.values()), ids

    doc = json.loads(paths["json"].read_text("utf-8"))
    by_json = {i["id"]: i["claims"] for i in doc["incidents"]}
    fc = FeatureCollection.model_validate_json(paths["geojson"].read_text("utf-8"))  # RFC 7946 shapes
    by_feature = {str(f.id): (f.properties or {})["claims"] for f in fc.features}
    acled = pd.read_csv(paths["acled-csv"], dtype=str, keep_default_na=False).set_index("event_id_cnty")
    ucdp = pd.read_csv(paths["ucdp-csv"], dtype=str, keep_default_na=False).set_index("id")
    flat = pd.read_csv(paths["csv"], dtype=str, keep_default_na=False).set_index("id")
    assert tuple(acled.reset_index().columns) == ACLED_COLUMNS and tuple(ucdp.reset_index().columns) == UCDP_COLUMNS
    table = pq.read_table(paths["parquet"] / "claims.parquet").to_pandas()
    for inc_id, c, m in claims:
        wanted = {"kind": c.kind.value, "min": c.figure.min, "max": c.figure.max, "source": c.source.name,
                  "quote": c.evidence.quote, "report_id": m.article_id}
        for found in (by_json[inc_id], by_feature[inc_id]):
            assert any(all(x[k] == v for k, v in wanted.items()) for x in found), (inc_id, wanted)
        said = f"{c.source.name}"
        figure = f"{figure_text(c)} {c.kind.value}"
        assert said in acled.loc[inc_id, "notes"] and figure in acled.loc[inc_id, "notes"]
        assert c.evidence.quote in acled.loc[inc_id, "notes"]
        assert said in ucdp.loc[inc_id, "source_original"] and figure in ucdp.loc[inc_id, "source_original"]
        assert said in flat.loc[inc_id, "claims"] and figure in flat.loc[inc_id, "claims"]
        rows = table[(table.incident_id == inc_id) & (table.source == c.source.name) & (table.quote == c.evidence.quote)
                     & (table.kind == c.kind.value)]
        assert len(rows) >= 1 and int(rows.iloc[0]["min"]) == c.figure.min


def test_the_parquet_tables_join_by_their_keys(seeded: Database, tmp_path: Path) -> None:
    seeded.store._mention_cache.clear()
    seeded.export(tmp_path / "pq", format="parquet")
    assert not seeded.store._mention_cache  # a bulk read decodes its pages apart from the shared cache
    tables = {name: pq.read_table(tmp_path / "pq" / f"{name}.parquet") for name in TABLES}
    assert all(t.schema.metadata[b"ceasefire.schema"] == SCHEMA.encode() for t in tables.values())
    frames = {name: t.to_pandas() for name, t in tables.items()}
    incidents, mentions, claims, reports = (frames[n] for n in ("incidents", "mentions", "claims", "reports"))
    assert incidents.incident_id.is_unique and mentions.mention_key.is_unique
    assert claims.claim_key.is_unique and reports.report_key.is_unique
    assert set(mentions.incident_id) == set(incidents.incident_id)
    assert set(claims.mention_key) <= set(mentions.mention_key)
    assert set(mentions.report_key) == set(reports.report_key) and len(reports) == 3
    for _, r in claims.merge(reports, on="report_key").iterrows():  # every quote stands in its report's text
        assert r["text"][r["start"]:r["end"]] == r["quote"]
    assert incidents.set_index("incident_id").n_claims.sum() == len(claims)


def test_the_filters_hold_in_every_format(seeded: Database, tmp_path: Path) -> None:
    possible = {v.incident_id for v in seeded.violations(SYRIA, statuses=["possible_violation"])}
    judged = {v.incident_id for v in seeded.violations(SYRIA)}
    assert possible and possible < judged
    cases = [
        (IncidentFilter(agreement=SYRIA, statuses=("possible_violation",)), possible),
        (IncidentFilter(agreement=SYRIA), judged),
        (IncidentFilter(since=date(2016, 9, 18)),  # the date ranges that overlap the days asked for (docs/cli.md)
         {i.id for i in seeded.incidents() if i.date.start is not None and i.date.last >= date(2016, 9, 18)}),
        (IncidentFilter(until=date(2016, 9, 12), countries=("sy",)),
         {i.id for i in seeded.incidents() if i.date.start is not None and i.date.start <= date(2016, 9, 12)}),
        (IncidentFilter(countries=("IQ",)), set()),
    ]
    for n, (where, wanted) in enumerate(cases):
        ids = _ids(_write_all(seeded, tmp_path / str(n), where))
        assert all(set(v) == wanted for v in ids.values()), (where, ids, wanted)
    only = tmp_path / "only"
    seeded.export(only, format="parquet", where=cases[0][0])
    reports = pq.read_table(only / "reports.parquet").column("report_key").to_pylist()
    mentions = pq.read_table(only / "mentions.parquet").column("report_key").to_pylist()
    assert set(reports) == set(mentions)  # only the reports the kept incidents rest on


def test_the_rest_api_downloads_take_the_agreement_filter(seeded: Database) -> None:
    from fastapi.testclient import TestClient

    from ceasefire.api import create_app

    possible = {v.incident_id for v in seeded.violations(SYRIA, statuses=["possible_violation"])}
    client = TestClient(create_app(seeded))
    for fmt, key in (("acled-csv", "event_id_cnty"), ("ucdp-csv", "id"), ("csv", "id")):
        r = client.get("/api/v1/incidents", params={"format": fmt, "agreement": SYRIA, "status": "possible_violation"})
        assert r.status_code == 200, r.text
        assert set(pd.read_csv(io.StringIO(r.text), dtype=str)[key]) == possible
    page = client.get("/api/v1/incidents", params={"agreement": SYRIA, "status": "possible_violation"}).json()
    assert {i["id"] for i in page["incidents"]} == possible
    bad = client.get("/api/v1/incidents", params={"status": "possible_violation"})
    assert bad.status_code == 422 and "status" in bad.text
