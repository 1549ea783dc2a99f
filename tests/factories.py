"""Small builders of model records for tests that need no model or database."""

from __future__ import annotations

from datetime import date

from ceasefire.model import (
    Claim,
    ClaimKind,
    DatePrecision,
    DateResolution,
    Evidence,
    Mention,
    Place,
    PlacePrecision,
    Quantity,
    Source,
    SourceType,
    Toponym,
)

ALEPPO = Place("Aleppo", "SY", "Aleppo", 36.20, 37.16, 170063, "city", PlacePrecision.LOCALITY)
IDLIB = Place("Idlib", "SY", "Idlib", 35.93, 36.63, 169388, "city", PlacePrecision.LOCALITY)
DARAA_PROVINCE = Place("Daraa", "SY", "Daraa", 32.75, 36.13, None, "admin1", PlacePrecision.ADMIN1)
SYRIA = Place("Syria", "SY", None, 35.0, 38.0, None, "country", PlacePrecision.COUNTRY)


def claim(kind: str = "killed", lo: int | None = 10, hi: int | None = 10, source: str = "Health Ministry",
          stype: SourceType = SourceType.GOVERNMENT, scope: str = "total", start: int = 0, quote: str = "x") -> Claim:
    return Claim(
        kind=ClaimKind(kind),
        figure=Quantity(lo, hi),
        source=Source(source, stype),
        evidence=Evidence("text", start, start + len(quote), quote),
        scope=scope,
    )


def mention(doc: str = "d1", part: int = 1, start: int = 0, sub: str | None = "Air/drone strike",
            day: date | None = date(2016, 9, 17), place: Place | None = ALEPPO, claims: tuple[Claim, ...] = (),
            article: str | None = None, *, trigger: str = "bombs", event_type: str | None = None,
            report_key: str | None = None, toponyms: tuple[Toponym, ...] = (),
            reported_on: date | None = None) -> Mention:
    """A mention of report ``doc#part`` (or ``report_key``): its trigger the word ``trigger`` at ``start``, dated
    ``day`` (undated when None), its event type known from ``sub`` for the usual two (else ``event_type``)."""
    ev = event_type or {"Air/drone strike": "Explosions/Remote violence", "Armed clash": "Battles"}.get(sub or "")
    return Mention(
        report_key=report_key or f"{doc}#{part}",
        article_id=article or doc,
        part=part,
        trigger=Evidence("text", start, start + len(trigger), trigger),
        event_type=ev,
        sub_event_type=sub,
        date=DateResolution(day, day, DatePrecision.DAY, "test") if day else DateResolution.unknown("test"),
        place=place,
        claims=claims,
        toponyms=toponyms,
        reported_on=reported_on,
    )
