"""Incidents as ACLED rows (``export --format acled-csv``; the column mapping is in ``docs/export.md``).

ACLED's columns in ACLED's order; event and sub-event types only from ``data/taxonomy.json``;
precision codes, actor-type codes and disorder types from ``data/export_acled.json``.
``fatalities`` is the conservative figure (the lowest any total-count claim supports, 0 when
no death is claimed, as ACLED writes it); ``notes`` holds every claim with its source.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..model import ActorRole, Incident
from .maps import Countries, claim_line, table, taxonomy
from .table import csv_rows

__all__ = ["ACLED_COLUMNS", "acled_row", "acled_chunks"]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)


def _side(actors: list[ActorRole]) -> tuple[str | None, str | None, int | None]:
    """(the first actor of a known type, else the first; the others joined by '; '; its inter code)."""
    if not actors:
        return None, None, None
    codes = table("acled")["inter"]
    actors = sorted(actors, key=lambda a: a.actor.type not in codes)  # stable: the first actor of a known type
    inter = codes.get(actors[0].actor.type)
    rest = "; ".join(dict.fromkeys(a.actor.name for a in actors[1:] if a.actor.name != actors[0].actor.name))
    return actors[0].actor.name, rest or None, inter


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def _types(inc: Incident) -> tuple[str | None, str | None]:
    known = taxonomy()
    sub = inc.sub_event_type if inc.sub_event_type in known else None
    event = known[sub] if sub is not None else (inc.event_type if inc.event_type in set(known.values()) else None)
    return event, sub


def _notes(inc: Incident) -> str:
    d = inc.date
    when = ""
    if d.start is not None and d.end is not None and d.end != d.start:
        when = f"Between {d.start.isoformat()} and {d.end.isoformat()} ({d.precision.value}). "
    claims = " | ".join(claim_line(c, m) for m in inc.mentions for c in m.claims)
    return when + (f"Claims: {claims}" if claims else "No casualty claim.")


def _sources(inc: Incident) -> str:
    names: dict[str, None] = {}
    for m in inc.mentions:
        for c in m.claims:
            names[c.source.name] = None
            if c.carried_by:
                names[c.carried_by] = None
    return "; ".join(names)


def acled_row(inc: Incident, countries: Countries | None = None) -> dict[str, Any]:
    """The incident as one row of :data:`ACLED_COLUMNS` (``None`` where unknown)."""
    maps = table("acled")
    event, sub = _types(inc)
    perpetrators = [a for a in inc.actors if a.role == "perpetrator"]
    targets = [a for a in inc.actors if a.role == "target"]
    actor1, assoc1, inter1 = _side(perpetrators)
    actor2, assoc2, inter2 = _side(targets)
    civilian = any(a.actor.type in maps["civilian_actor_types"] for a in targets) or (
        event in maps["civilian_event_types"])
    p = inc.place
    country = (countries or {}).get(p.country) if p is not None and p.country else None
    killed = inc.figures.get("killed")
    return {
        "event_id_cnty": inc.id,
        "event_date": inc.date.start.isoformat() if inc.date.start else None,
        "year": inc.date.start.year if inc.date.start else None,
        "time_precision": maps["time_precision"].get(inc.date.precision.value),
        "disorder_type": (maps["sub_event_disorder"].get(sub) or maps["disorder_type"].get(event)) if event else None,
        "event_type": event,
        "sub_event_type": sub,
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": maps["civilian_targeting"] if civilian else None,
        "iso": country.iso_numeric if country is not None else None,
        "region": None,
        "country": country.name if country is not None else (p.country if p is not None else None),
        "admin1": p.admin1 if p is not None else None,
        "admin2": None,
        "admin3": None,
        "location": p.name if p is not None else None,
        "latitude": p.lat if p is not None else None,
        "longitude": p.lon if p is not None else None,
        "geo_precision": maps["geo_precision"].get(p.precision.value) if p is not None else None,
        "source": _sources(inc) or None,
        "source_scale": None,
        "notes": _notes(inc),
        "fatalities": killed.low if killed is not None and killed.low is not None else 0,
        "tags": "; ".join([f"grade={inc.grade}", *(f.type for f in inc.flags)]),
        "timestamp": None,
    }


def acled_chunks(incidents: Iterable[Incident], countries: Countries | None = None) -> Iterator[str]:
    """The ``acled-csv`` export, a header line and then one line per incident, as text chunks."""
    return csv_rows(ACLED_COLUMNS, (acled_row(inc, countries) for inc in incidents))
