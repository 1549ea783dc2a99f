"""Incremental merging through the real store: order independence, idempotence, history."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import ceasefire

# four invented reports: two outlets on one market shelling (the second a day later, with
# a higher toll), one on a car bomb elsewhere, and a follow-up that raises the shelling toll
ARTICLES = [
    {"id": "m1", "publication_date": "2021-05-02", "outlet": "Wire One",
     "text": "IDLIB, Syria, May 2 (Wire One) - Government shelling killed at least 12 civilians in a market in "
             "Maarat al-Numan on Sunday, the Syrian Observatory for Human Rights said."},
    {"id": "m2", "publication_date": "2021-05-02", "outlet": "Wire Two",
     "text": "Twelve civilians were killed when shells hit a market in Maarat al-Numan in Idlib province on "
             "Sunday, the Syrian Observatory for Human Rights reported."},
    {"id": "m3", "publication_date": "2021-05-03", "outlet": "Wire One",
     "text": "The death toll from Sunday's shelling of a market in Maarat al-Numan rose to 15, the Syrian "
             "Observatory for Human Rights said on Monday."},
    {"id": "k1", "publication_date": "2021-05-02", "outlet": "Wire Three",
     "text": "KABUL (Wire Three) - A car bomb killed 8 people in Kabul on Sunday, the interior ministry said."},
]


def _write(tmp: Path, articles) -> list[Path]:
    paths = []
    for a in articles:
        p = tmp / f"{a['id']}.jsonl"
        p.write_text(json.dumps(a) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def _incidents(db) -> list:
    doc = db.export_dict()
    return sorted((i["id"], tuple(sorted(i["reports"])), json.dumps(i["killed"]), i["date"]["start"],
                   i["location"]["name"]) for i in doc["incidents"])


def test_arrival_order_does_not_change_the_incidents(tmp_path, db_url):
    paths = _write(tmp_path, ARTICLES)
    results = []
    orders = list(itertools.permutations(paths))[::7]  # a spread of the 24 orders
    for n, order in enumerate(orders):
        url = db_url if n == 0 else f"sqlite:///{tmp_path / f'order{n}.db'}"
        with ceasefire.open(url) as db:
            for p in order:  # one file per run: each run must join what is already stored
                db.ingest([p])
            results.append(_incidents(db))
    assert all(r == results[0] for r in results[1:])
    shelling = [r for r in results[0] if "m1" in r[1]]
    assert shelling and {"m1", "m2", "m3"} <= set(shelling[0][1]), "the three shelling reports are one incident"
    assert not any("k1" in r[1] and "m1" in r[1] for r in results[0])


def test_history_records_each_change_and_reingest_adds_none(tmp_path, db_url):
    paths = _write(tmp_path, ARTICLES)
    with ceasefire.open(db_url) as db:
        db.ingest([paths[0]])
        (first,) = [i for i in db.incidents() if "m1" in i.article_ids]
        db.ingest([paths[1]])
        db.ingest([paths[2]])
        (now,) = [i for i in db.incidents() if "m1" in i.article_ids]
        versions = db.history(now.id)
        assert versions, "the current incident has a history"
        causes = " | ".join(v.cause for w in {first.id, now.id} for v in db.history(w))
        assert "m2" in causes and "m3" in causes
        if first.id != now.id:
            assert db.history(first.id)[-1].successors == (now.id,)
        before = db.store.snapshot()
        db.ingest(paths[:3])
        assert db.store.snapshot() == before
        exported = db.export_dict(history=True)
        assert all("history" in i and i["history"] for i in exported["incidents"])
