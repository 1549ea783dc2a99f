"""Invented news articles through the whole pipeline (reading, extraction, date and place resolution, incidents),
one article at a time, so no two fixtures merge."""

from __future__ import annotations

import io
import json
from datetime import date

from ceasefire.config import Settings
from ceasefire.incidents import build_incidents
from ceasefire.ingest.jsonl import read_jsonl
from ceasefire.model import Document, Incident, Mention
from ceasefire.run.local import Pipeline


def pipeline() -> Pipeline:
    return Pipeline(Settings())


def incidents_of(pipe: Pipeline, text: str, published: str, title: str | None = None) -> list[Incident]:
    """The incidents of one article published on ``published`` (ISO date), as ``ceasefire ingest`` builds them."""
    return build_incidents(mentions_of(pipe, text, published, title))


def mentions_of(
    pipe: Pipeline, text: str, published: str, title: str | None = None, article_id: str = "a1"
) -> list[Mention]:
    """The resolved mentions of one article (build several articles' incidents from them together)."""
    row = {"id": article_id, "text": text, "outlet": "Test Wire", "publication_date": published}
    if title is not None:
        row["title"] = title
    raw = (json.dumps(row) + "\n").encode("utf-8")
    (doc,) = [d for d in read_jsonl(io.BytesIO(raw), "fixture.jsonl", max_bytes=1 << 20) if isinstance(d, Document)]
    return [m for ms in pipe.mentions(pipe.reports(doc)) for m in ms]


def event_days(incidents: list[Incident]) -> set[date | None]:
    """The day of each incident dated to one day (a night counts as the day it began), else None."""
    out: set[date | None] = set()
    for inc in incidents:
        d = inc.date
        one = d.start is not None and d.end is not None and (d.end - d.start).days <= 1
        out.add(d.start if one else None)
    return out


def sources(incidents: list[Incident]) -> dict[tuple[str, int | None], str]:
    """Each claim's (kind, lowest figure) -> its source's name."""
    return {(c.kind.value, c.figure.min): c.source.name for inc in incidents for c in inc.claims}
