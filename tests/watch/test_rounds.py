"""Rounds of the watcher against a local site whose feeds and pages change between polls.

The clock is the test's: rounds run at chosen times, so backoff and schedules are
checked without waiting. SQLite and PostgreSQL (the state is the store's).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

import ceasefire
from ceasefire.watch import EventLog, Watcher, parse_config
from tests.watch.fakes import CAR_BOMB, FLOOD, SHELLING, SHELLING_LATER, Receiver, Route, Site, page, rss

SECRET = "s3cret-for-tests"
AGENT = "ceasefire-test/1 (+mailto:tests@example.org)"


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(fail=1)  # the first delivery fails: it is retried
    yield r
    r.close()


def _config(site: Site, receiver: Receiver, tmp: Path):
    return parse_config(f"""
http: {{per_host_interval: 0, user_agent: "{AGENT}", timeout: 5}}
item_attempts: 3
alerts_from: start
sources:
  - name: wire
    feed: {site.base}/rss.xml
    interval: 60
  - name: broken
    feed: {site.base}/broken.xml
    interval: 60
channels:
  - name: hook
    webhook: {receiver.url}
    secret: {SECRET}
    attempts: 4
    dead_letter: dead.jsonl
alerts:
  - name: changes
    on: incident_change
""", base=tmp)


class Clock:
    def __init__(self) -> None:
        self.t = 1_800_000_000.0

    def __call__(self) -> float:
        return self.t


def _items(db, source: str) -> dict[str, tuple[str, int]]:
    return {k: (s.state, s.attempts) for k, s in db.store.watch.items(source).items()}


def test_rounds_ingest_each_new_item_once_retry_the_bad_ones_and_alert_once_per_change(
    site: Site, receiver: Receiver, tmp_path: Path, db_url: str
) -> None:
    b = site.base
    site.routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/rss.xml"] = Route(
        body=rss(b, [("a1", "/a1"), ("a2", "/a2"), ("gone1", "/gone"), ("p1", "/private/p")]), etag='"v1"',
        content_type="application/rss+xml",
    )
    site.routes["/broken.xml"] = Route(body=b"<<< not a feed >>>", content_type="application/rss+xml")
    site.routes["/a1"] = Route(body=page("Market shelled", SHELLING))
    site.routes["/a2"] = Route(body=page("Car bomb", CAR_BOMB, outlet="Wire Three"))
    site.routes["/private/p"] = Route(body=page("Private", FLOOD))
    clock = Clock()
    log = EventLog()
    with ceasefire.open(db_url) as db, Watcher(_config(site, receiver, tmp_path), db, log=log, clock=clock,
                                               rng=random.Random(7)) as w:
        # round 1: two pages stored, a gone page to retry, a page robots.txt forbids, a malformed feed
        r1 = w.round()
        assert r1.polled == ["wire", "broken"] and r1.stored == 2 and r1.errors == 1
        assert _items(db, "wire") == {"a1": ("done", 1), "a2": ("done", 1), "gone1": ("retry", 1),
                                      "p1": ("failed", 1)}
        assert site.hits["/private/p"] == 0 and site.agents == {AGENT}
        broken = db.store.watch.source("broken")
        assert broken is not None and broken.errors == 1 and "feed" in (broken.last_error or "")
        assert 60 <= broken.next_poll_at.timestamp() - clock.t <= 120  # backoff: doubled, half jittered
        gone = db.store.watch.items("wire")["gone1"]
        assert gone.last_error == "HTTP 404" and gone.next_try_at is not None
        assert receiver.attempts == 2 and len(receiver.posts) == 1  # the first delivery failed
        assert db.store.watch.outbox_counts() == {"pending": 1, "sent": 1}

        # round 2, 30 s later: no source is due; the failed delivery is retried
        clock.t += 30
        r2 = w.round()
        assert r2.polled == [] and r2.alerts_sent == 1
        assert sorted(a["changes"][0] for a in receiver.alerts()) == ["new incident", "new incident"]

        # round 3: the feed is unchanged (304); the gone page is still gone; the broken feed answers 500
        clock.t += 300
        site.routes["/broken.xml"] = Route(status=500, body=b"oops")
        r3 = w.round()
        assert site.conditional["/rss.xml"] == 1 and r3.stored == 0
        assert _items(db, "wire")["gone1"] == ("retry", 2)
        assert db.store.watch.source("broken").errors == 2  # type: ignore[union-attr]
        assert 120 <= db.store.watch.source("broken").next_poll_at.timestamp() - clock.t <= 240  # type: ignore

        # round 4: the feed has a new item (another outlet raises the toll); the broken feed is back and
        # re-serves a stored page under another entry; the gone page gives up after its third attempt
        clock.t += 1000
        site.routes["/rss.xml"] = Route(
            body=rss(b, [("a1", "/a1"), ("a2", "/a2"), ("gone1", "/gone"), ("p1", "/private/p"), ("a3", "/a3")]),
            etag='"v2"', content_type="application/rss+xml",
        )
        site.routes["/a3"] = Route(body=page("Toll rises", SHELLING_LATER, outlet="Wire Two", day="2021-05-03"))
        site.routes["/broken.xml"] = Route(body=rss(b, [("again", "/a1")]), content_type="application/rss+xml")
        r4 = w.round()
        assert r4.stored == 1 and r4.errors == 0
        assert _items(db, "wire")["gone1"] == ("failed", 3) and _items(db, "wire")["a3"] == ("done", 1)
        assert _items(db, "broken") == {"again": ("done", 1)}
        assert db.store.watch.source("broken").errors == 0  # type: ignore[union-attr]
        counts = db.counts()
        assert counts["documents"] == 3

        # round 5: nothing changed anywhere: nothing stored, no alert
        clock.t += 1000
        r5 = w.round()
        assert r5.stored == 0 and r5.alerts_queued == 0
        assert db.counts() == counts
        assert db.check() == []

    alerts = receiver.alerts()
    ids = [a["alert"] for a in alerts]
    assert len(ids) == len(set(ids)) == 3  # two new incidents, then one change: each delivered once
    change = next(a for a in alerts if a["changes"][0] != "new incident")  # (it may take a new id: took over)
    assert "new source: Wire Two" in change["changes"]
    assert any(c.startswith("killed raised from 12 to") and c.endswith("19") for c in change["changes"])
    for headers, body in receiver.posts:
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert headers["X-Ceasefire-Signature"] == expected
        assert headers["X-Ceasefire-Alert"] == json.loads(body)["alert"]
    assert not (tmp_path / "dead.jsonl").exists()
    assert any(e["event"] == "retry" and e.get("channel") == "hook" for e in log.events)
