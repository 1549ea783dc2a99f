"""Alert delivery: retries and the dead-letter file, an SMTP digest, and the HTTP inbox feeding a running watcher."""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest

import ceasefire
from ceasefire.store.watch import OutboxEntry
from ceasefire.watch import Watcher, parse_config
from tests.watch.fakes import CAR_BOMB, Receiver, SmtpStub


class Clock:
    def __init__(self) -> None:
        self.t = 1_800_000_000.0

    def __call__(self) -> float:
        return self.t


def _queue(db, clock: Clock, channel: str, n: int) -> None:
    at = datetime.fromtimestamp(clock.t, timezone.utc)
    entries = [
        OutboxEntry(key=f"{channel}|r/i{k}/1", channel=channel, rule="r", incident_id=f"i{k}", version=1,
                    payload={"alert": f"r/i{k}/1", "rule": "r", "incident": f"i{k}", "version": 1,
                             "changes": ["new incident"], "summary": {}})
        for k in range(n)
    ]
    assert db.store.watch.decide({}, entries, at) == n
    assert db.store.watch.decide({}, entries, at) == 0  # queued once, whatever is decided again


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(fail=100)
    yield r
    r.close()


def test_a_webhook_that_keeps_failing_is_retried_with_backoff_then_dead_lettered(
    tmp_path: Path, receiver: Receiver
) -> None:
    config = parse_config(f"""
sources: [{{name: a, folder: in}}]
channels:
  - {{name: hook, webhook: "{receiver.url}", secret: k, attempts: 3, dead_letter: dead.jsonl}}
""", base=tmp_path)
    clock = Clock()
    with ceasefire.open(f"sqlite:///{tmp_path / 's.db'}") as db, Watcher(config, db, clock=clock,
                                                                         rng=random.Random(1)) as w:
        _queue(db, clock, "hook", 1)
        w.deliver()
        assert receiver.attempts == 1
        w.deliver()  # not due yet: the retry waits
        assert receiver.attempts == 1
        waits = []
        for _ in range(2):
            (entry,) = [e for e in db.store.watch.outbox_due(datetime.fromtimestamp(clock.t + 3600, timezone.utc))]
            assert entry.next_try_at is not None
            waits.append(entry.next_try_at.timestamp() - clock.t)
            clock.t = entry.next_try_at.timestamp()
            w.deliver()
        assert receiver.attempts == 3 and 1 <= waits[0] <= 2 and 2 <= waits[1] <= 4  # doubling, half jittered
        assert db.store.watch.outbox_counts() == {"dead": 1}
        clock.t += 3600
        w.deliver()
        assert receiver.attempts == 3  # a dead alert is not sent again
    (dead,) = [json.loads(x) for x in (tmp_path / "dead.jsonl").read_text(encoding="utf-8").splitlines()]
    assert dead["alert"]["alert"] == "r/i0/1" and dead["attempts"] == 3 and "HTTP 500" in dead["error"]


def test_an_smtp_digest_gathers_alerts_into_one_mail(tmp_path: Path) -> None:
    smtp = SmtpStub()
    try:
        config = parse_config(f"""
sources: [{{name: a, folder: in}}]
channels:
  - {{name: mail, smtp: "{smtp.address}", from: watch@example.org, to: [desk@example.org], digest: 600}}
  - {{name: each, smtp: "{smtp.address}", to: desk@example.org}}
""", base=tmp_path)
        clock = Clock()
        with ceasefire.open(f"sqlite:///{tmp_path / 's.db'}") as db, Watcher(config, db, clock=clock) as w:
            _queue(db, clock, "mail", 3)
            _queue(db, clock, "each", 2)
            w.deliver()
            assert len(smtp.messages) == 2  # one mail per alert on "each"; the digest waits
            clock.t += 601
            w.deliver()
            w.deliver()
            assert db.store.watch.outbox_counts() == {"sent": 5}
    finally:
        smtp.close()
    subjects = sorted(str(m["Subject"]) for m in smtp.messages)
    assert len(subjects) == 3 and subjects[-1] == "ceasefire: 3 alerts"
    digest = next(m for m in smtp.messages if m["Subject"] == "ceasefire: 3 alerts")
    assert digest["From"] == "watch@example.org" and "i2 (version 1)" in digest.get_payload()


def test_the_inbox_takes_posts_with_its_token_and_the_running_watcher_ingests_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WATCH_TEST_TOKEN", "t0ken")
    config = parse_config("""
sources:
  - {name: inbox, inbox: "127.0.0.1:0", token_env: WATCH_TEST_TOKEN, spool: spool, interval: 60}
""", base=tmp_path)
    article = {"id": "in1", "publication_date": "2021-05-02", "outlet": "Wire Three", "text": CAR_BOMB}
    with ceasefire.open(f"sqlite:///{tmp_path / 's.db'}") as db, Watcher(config, db) as w:
        stop = threading.Event()
        runner = threading.Thread(target=w.run, args=(stop,), daemon=True)
        runner.start()
        try:
            deadline = time.monotonic() + 30
            while not w.inboxes and time.monotonic() < deadline:
                time.sleep(0.05)
            host, port = w.inboxes[0].address
            url = f"http://{host}:{port}/inbox"
            body = json.dumps(article).encode() + b"\n"
            assert httpx.post(url, content=body).status_code == 401
            assert httpx.post(url, content=body, headers={"Authorization": "Bearer nope"}).status_code == 401
            bad = httpx.post(url, content=b'{"id": "x"}\n', headers={"Authorization": "Bearer t0ken"})
            assert bad.status_code == 400 and "line 1" in bad.json()["error"]
            ok = httpx.post(url, content=body, headers={"Authorization": "Bearer t0ken"})
            assert ok.status_code == 202 and ok.json() == {"accepted": 1}
            assert httpx.get(f"http://{host}:{port}/health").json() == {"ok": True}
            deadline = time.monotonic() + 120
            while db.counts()["documents"] < 1 and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            stop.set()
            w.wake()
            runner.join(timeout=60)
        assert db.counts()["documents"] == 1
        (item,) = db.store.watch.items("inbox").values()
        assert item.state == "done"
    assert not [p for p in (tmp_path / "spool").iterdir() if not p.name.startswith(".")]  # spooled post removed
