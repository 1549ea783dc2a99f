"""Hand-built model records for the store tests: every field filled somewhere."""

from __future__ import annotations

import hashlib
from datetime import date

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
    Figures,
    Flag,
    Incident,
    Mention,
    Place,
    PlacePrecision,
    Quantity,
    Report,
    Source,
    SourceType,
    Timex,
    Toponym,
)

TEXT = (
    "KHARBEK, March 3 (Wire) - At least 12 people were killed and about 30 wounded when "
    "shells hit a market in Kharbek on Sunday, the regional health office said.\n\n"
    "A monitoring group put the toll at 15, including four children."
)

KHARBEK = Place(
    name="Kharbek",
    country="ZZ",
    admin1="North Province",
    lat=12.345678,
    lon=-45.5,
    geonames_id=9999001,
    feature="city",
    precision=PlacePrecision.LOCALITY,
    as_written="Kharbek",
    basis="curated place, unique name",
)


def ev(text: str, quote: str, field: str = "text") -> Evidence:
    start = text.index(quote)
    return Evidence(field, start, start + len(quote), quote)


def document(text: str = TEXT, origin: str = "feed.jsonl:1", **meta: object) -> Document:
    raw = text.encode("utf-8")
    return Document(
        sha256=hashlib.sha256(raw).hexdigest(),
        origin=origin,
        media_type="application/jsonl",
        raw=raw,
        meta={"line": 1, "tags": ["a", "b"], **meta},
    )


def report(doc: Document, article_id: str = "wire-1", part: int = 1, text: str = TEXT) -> Report:
    title = "Shelling kills 12 in Kharbek market"
    article = Article(
        id=article_id,
        text=text,
        title=title,
        outlet="Wire",
        url="https://example.org/wire-1",
        publication_date=date(2024, 3, 4),
        extra={"lang": "en", "score": 0.5, "nested": {"k": [1, 2]}},
    )
    return Report(
        article=article,
        document_id=doc.sha256,
        part=part,
        body_start=0,
        body_end=len(text),
        headline=ev(title, "Shelling kills 12", "title"),
        outlet="Wire",
        byline="By A. Writer",
        dateline=date(2024, 3, 3),
        published=date(2024, 3, 4),
    )


def claims(text: str = TEXT) -> tuple[Claim, ...]:
    return (
        Claim(
            kind=ClaimKind.KILLED,
            figure=Quantity(12, None),
            source=Source("regional health office", SourceType.MEDICAL, as_written="the health office"),
            evidence=ev(text, "At least 12 people were killed"),
            victims="people",
            carried_by="Wire",
        ),
        Claim(
            kind=ClaimKind.WOUNDED,
            figure=Quantity(30, 30, approx=True),
            source=Source("regional health office", SourceType.MEDICAL),
            evidence=ev(text, "about 30 wounded"),
            carried_by="Wire",
            hedged=True,
        ),
        Claim(
            kind=ClaimKind.KILLED,
            figure=Quantity(4, 4),
            source=Source("monitoring group", SourceType.MONITOR, aligned_with="opposition"),
            evidence=ev(text, "including four children"),
            victims="children",
            scope="children",
            origin="local activists",
        ),
    )


def mention(rep: Report, trigger: str = "shells hit", with_claims: bool = True, day: int = 3) -> Mention:
    text = rep.article.text
    return Mention(
        report_key=rep.key,
        article_id=rep.article.id,
        part=rep.part,
        trigger=ev(text, trigger),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date=DateResolution(date(2024, 3, day), date(2024, 3, day), DatePrecision.DAY, "before dateline"),
        place=KHARBEK,
        actors=(
            ActorRole(Actor("North Army", "state", "ZZ"), "perpetrator"),
            ActorRole(Actor("civilians"), "target"),
        ),
        claims=claims(text) if with_claims else (),
        toponyms=(Toponym("Kharbek", ev(text, "Kharbek on"), context="in"),),
        timexes=(Timex("Sunday", ev(text, "Sunday")),),
    )


def bare_mention(rep: Report, trigger: str) -> Mention:
    """A mention with every optional field left at its default."""
    return Mention(rep.key, rep.article.id, rep.part, ev(rep.article.text, trigger))


def incident(
    incident_id: str,
    mentions: tuple[Mention, ...],
    day: date | None = date(2024, 3, 3),
    country: str | None = "ZZ",
) -> Incident:
    place = None if country is None else Place("Kharbek", country, "North Province", 12.3, -45.5)
    when = DateResolution(day, day, DatePrecision.DAY, "from reports") if day else DateResolution.unknown("-")
    return Incident(
        id=incident_id,
        mentions=mentions,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date=when,
        place=place,
        actors=(ActorRole(Actor("North Army", "state"), "perpetrator"),),
        figures={"killed": Figures(12, 12, 15), "wounded": Figures(None, 30, None)},
        flags=(Flag("count_disagreement", "12 vs 15 killed"),),
        grade="fair",
        policy="best",
    )


def bundle(text: str = TEXT, article_id: str = "wire-1") -> tuple[Document, list[Report], list[Mention]]:
    """A document with one report and two mentions (one with claims, one bare)."""
    doc = document(text)
    rep = report(doc, article_id, text=text)
    return doc, [rep], [mention(rep), bare_mention(rep, "monitoring group")]
