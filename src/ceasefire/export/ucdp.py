"""Incidents as UCDP GED rows (``export --format ucdp-csv``; the column mapping is in ``docs/export.md``).

UCDP's columns in UCDP's order. What ceasefire knows is filled -- the sides, the type of
violence, the place and date with UCDP's precision codes (``data/export_ucdp.json``), the
PRIO-GRID cell, the deaths -- and UCDP's own identifiers (conflicts, dyads, actors,
Gleditsch-Ward country codes) are left empty. ``best``/``low``/``high`` are the incident's
killed figures; the deaths go to ``deaths_a``, ``deaths_b`` or ``deaths_civilians`` only
when every killed claim's victims say whose they are, else to ``deaths_unknown``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import ActorRole, Claim, ClaimKind, Incident
from .maps import Countries, claim_line, table, taxonomy
from .table import csv_rows

__all__ = ["UCDP_COLUMNS", "ucdp_row", "ucdp_chunks", "priogrid_gid", "type_of_violence"]

UCDP_COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id",
    "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a",
    "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates", "where_description",
    "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "best", "high", "low",
)

_WORD = re.compile(r"[a-z]+")


def priogrid_gid(lat: float, lon: float) -> int:
    """The PRIO-GRID cell (0.5 degree, numbered from 1 at 90S 180W, row by row eastwards) holding a point."""
    row = min(int(math.floor((lat + 90.0) / 0.5)), 359)
    col = min(int(math.floor((lon + 180.0) / 0.5)), 719)
    return row * 720 + col + 1


def _names(actors: list[ActorRole]) -> str | None:
    return "; ".join(dict.fromkeys(a.actor.name for a in actors)) or None


def type_of_violence(inc: Incident) -> tuple[int | None, list[ActorRole], list[ActorRole]]:
    """UCDP's type of violence (1 state-based, 2 non-state, 3 one-sided, ``None``) and the actors of side A and B."""
    maps = table("ucdp")
    event = taxonomy().get(inc.sub_event_type or "", inc.event_type)
    perpetrators = [a for a in inc.actors if a.role == "perpetrator"]
    targets = [a for a in inc.actors if a.role == "target"]
    if event not in maps["violent_event_types"]:
        return None, perpetrators, targets
    civilian = maps["civilian_actor_types"]
    if event in maps["one_sided_event_types"] or (targets and all(a.actor.type in civilian for a in targets)):
        return 3, perpetrators, []
    state = maps["state_actor_types"]
    if any(a.actor.type in state for a in perpetrators):
        return 1, perpetrators, targets
    if any(a.actor.type in state for a in targets):
        return 1, targets, perpetrators  # side A is the government's
    armed = maps["armed_actor_types"]
    if any(a.actor.type in armed for a in perpetrators) and any(a.actor.type in armed for a in targets):
        return 2, perpetrators, targets
    return None, perpetrators, targets


def _distinctive(text: str) -> set[str]:
    return set(_WORD.findall(text.lower())) - set(table("ucdp")["generic_actor_words"])


def _whose(c: Claim, side_a: list[ActorRole], side_b: list[ActorRole], attacked: str) -> str:
    """``civilians``, ``a``, ``b`` or ``unknown``: whose deaths a killed claim counts, by its victims' words."""
    words = set(_WORD.findall((c.victims or "").lower()))
    victims = table("ucdp")["victims"]
    if words & set(victims["civilian"]):
        return "civilians"
    named = _distinctive(c.victims or "")
    for side, actors in (("a", side_a), ("b", side_b)):
        if named and any(named & _distinctive(a.actor.name) for a in actors):
            return side
    if words & set(victims["combatant"]):
        return attacked
    return "unknown"


def _deaths(inc: Incident, violence: int | None, side_a: list[ActorRole],
            side_b: list[ActorRole]) -> dict[str, int | None]:
    out: dict[str, int | None] = dict.fromkeys(("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"))
    killed = inc.figures.get("killed")
    if killed is None or killed.best is None:
        return out
    targets = {a.actor.name for a in inc.actors if a.role == "target"}
    attacked = "a" if any(a.actor.name in targets for a in side_a) and violence != 3 else "b"
    claims = [c for c in inc.claims if c.kind is ClaimKind.KILLED and c.scope == "total"]
    whose = {_whose(c, side_a, side_b, attacked) for c in claims}
    if violence == 3 and whose == {"b"}:
        whose = {"civilians"}
    one = whose.pop() if len(whose) == 1 else "unknown"
    for key in out:
        out[key] = killed.best if key == f"deaths_{one}" else 0
    return out


def ucdp_row(inc: Incident, countries: Countries | None = None) -> dict[str, Any]:
    """The incident as one row of :data:`UCDP_COLUMNS` (``None`` where unknown or UCDP's own)."""
    maps = table("ucdp")
    violence, side_a, side_b = type_of_violence(inc)
    a = _names(side_a)
    b = maps["civilians_side"] if violence == 3 else _names(side_b)
    p, d = inc.place, inc.date
    located = p is not None and p.lat is not None and p.lon is not None
    country = (countries or {}).get(p.country) if p is not None and p.country else None
    date_prec = maps["date_prec"].get(d.precision.value)
    if date_prec == 1 and d.start is not None and d.end is not None and 1 <= (d.end - d.start).days <= 5:
        date_prec = maps["date_prec_short_range"]
    reports = {(m.article_id, m.part): m for m in inc.mentions}
    killed = inc.figures.get("killed")
    row: dict[str, Any] = dict.fromkeys(UCDP_COLUMNS)
    row.update({
        "id": inc.id,
        "year": d.start.year if d.start else None,
        "type_of_violence": violence,
        "dyad_name": f"{a} - {b}" if a and b else None,
        "side_a": a,
        "side_b": b,
        "number_of_sources": len(reports),
        "source_article": "; ".join(f"{rid} #{part}" for rid, part in reports) or None,
        "source_office": "; ".join(dict.fromkeys(c.carried_by for c in inc.claims if c.carried_by)) or None,
        "source_date": "; ".join(dict.fromkeys(m.reported_on.isoformat() for m in reports.values()
                                               if m.reported_on is not None)) or None,
        "source_original": " | ".join(claim_line(c, m, quote=False) for m in inc.mentions for c in m.claims) or None,
        "where_prec": maps["where_prec"].get(p.precision.value) if p is not None else None,
        "where_coordinates": p.name if p is not None else None,
        "where_description": p.basis if p is not None else None,
        "adm_1": p.admin1 if p is not None else None,
        "latitude": p.lat if located and p is not None else None,
        "longitude": p.lon if located and p is not None else None,
        "geom_wkt": f"POINT ({p.lon} {p.lat})" if located and p is not None else None,
        "priogrid_gid": priogrid_gid(p.lat, p.lon) if p is not None and p.lat is not None and p.lon is not None
        else None,
        "country": country.name if country is not None else (p.country if p is not None else None),
        "date_prec": date_prec,
        "date_start": d.start.isoformat() if d.start else None,
        "date_end": d.end.isoformat() if d.end else None,
        **_deaths(inc, violence, side_a, side_b),
        "best": killed.best if killed is not None else None,
        "high": killed.high if killed is not None else None,
        "low": killed.low if killed is not None else None,
    })
    return row


def ucdp_chunks(incidents: Iterable[Incident], countries: Countries | None = None) -> Iterator[str]:
    """The ``ucdp-csv`` export, a header line and then one line per incident, as text chunks."""
    return csv_rows(UCDP_COLUMNS, (ucdp_row(inc, countries) for inc in incidents))
