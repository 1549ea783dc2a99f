"""Invented reports for the review tests, stored without the spaCy model: each a document with one report
and one mention of a strike in Aleppo, its casualty claims, and the incident changes it brings."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from ceasefire.database import Database
from ceasefire.model import (
    Actor,
    ActorRole,
    Article,
    Claim,
    ClaimKind,
    DatePrecision,
    DateResolution,
    Document,
    Evidence,
    Mention,
    Quantity,
    Report,
    Source,
    SourceType,
)
from ceasefire.run.local import _deriver
from tests.factories import ALEPPO, IDLIB

TRUCE = """\
id: test-truce
name: A test truce
start: 2016-09-01
end: 2016-10-31
area:
  countries: [SY]
parties:
  - name: Government
    actor: Syrian army
  - name: Opposition
    actor: Free Syrian Army
terms:
  - ref: Art. 1
    text: No attacks.
    prohibits:
      event_types: [Battles, Explosions/Remote violence]
"""


def _ev(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence("text", start, start + len(quote), quote)


def add_report(db: Database, n: int, day: int = 17, killed: int = 12, city: str = "Aleppo") -> Mention:
    """Store report ``n``: an air strike in ``city`` on ``day`` September 2016 killing ``killed``, told by a
    health office and a monitor (who says ``killed + 3``); returns its mention."""
    text = (f"Report {n}. An air strike by the Syrian army hit a market in {city} on Saturday, killing "
            f"{killed} people, the health office said. A monitoring group said {killed + 3} died.")
    raw = text.encode("utf-8")
    doc = Document(hashlib.sha256(raw).hexdigest(), f"test.jsonl:{n}", "application/jsonl", raw)
    article = Article(f"report-{n}", text, title=f"Strike in {city}", outlet="Wire", publication_date=date(2016, 9, day))
    report = Report(article, doc.sha256, 1, 0, len(text), dateline=date(2016, 9, day))
    claims = (
        Claim(ClaimKind.KILLED, Quantity(killed, killed), Source("health office", SourceType.MEDICAL),
              _ev(text, f"killing {killed} people")),
        Claim(ClaimKind.KILLED, Quantity(killed + 3, killed + 3), Source("monitoring group", SourceType.MONITOR),
              _ev(text, f"said {killed + 3} died")),
    )
    mention = Mention(
        report_key=report.key, article_id=article.id, part=1, trigger=_ev(text, "air strike"),
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        date=DateResolution(date(2016, 9, day), date(2016, 9, day), DatePrecision.DAY, "test"),
        place=ALEPPO if city == "Aleppo" else IDLIB,
        actors=(ActorRole(Actor("Syrian army", "state", "SY"), "perpetrator"),), claims=claims,
    )
    db.store.add_document(doc, [report], [mention], derive=_deriver([mention], db.settings.policy))
    return mention


def add_truce(db: Database, folder: Path) -> str:
    path = folder / "truce.yaml"
    path.write_text(TRUCE, encoding="utf-8")
    return db.add_agreement(path).id
