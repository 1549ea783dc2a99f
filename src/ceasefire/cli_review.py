"""``ceasefire review ...`` and ``ceasefire user ...``: review with audit and who may do it (docs/cli.md).

Each command is one call into the Python API (``db.review``, ``db.users``), like the REST
API's write routes; registered on the main app by :mod:`ceasefire.cli`.
"""

from __future__ import annotations

import getpass
import json
import os
from typing import Any, Optional

import typer
from rich.table import Table

from .cli_state import _db, err, out, state
from .errors import InvalidParameter
from .model import ROLES, Incident

__all__ = ["review_app", "user_app", "parse_value"]

review_app = typer.Typer(no_args_is_help=True, help="Review incidents with audit: confirm, correct, merge, split, "
                         "mark a claim wrong (docs/incidents.md, 'Review').")
user_app = typer.Typer(no_args_is_help=True, help="Who may review through the REST API: users and their tokens.")

_REASON = typer.Option("", "--reason", "-r", help="Why (kept in the incident's history).")
_BY = typer.Option(None, "--by", envvar="CEASEFIRE_USER",
                   help="Who reviews [default: CEASEFIRE_USER, else the login name].")


def _who(by: Optional[str]) -> str:
    return by or os.environ.get("CEASEFIRE_USER") or getpass.getuser()


def parse_value(field: str, text: str) -> Any:
    """A correction's value as typed: JSON, ``low/best/high`` (or one number) for a figure, else the text."""
    if field in ("killed", "wounded") and text.replace("/", "").replace("?", "").strip().isdigit():
        parts = [p.strip() for p in text.split("/")]
        if len(parts) == 1:
            parts = parts * 3
        if len(parts) != 3:
            raise InvalidParameter("value", "give low/best/high (e.g. 5/7/9), one number, or JSON")
        low, best, high = (int(p) if p not in ("", "?") else None for p in parts)
        return {"low": low, "best": best, "high": high}
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _done(inc: Incident, what: str) -> None:
    if not state.quiet:
        err.print(f"incident {inc.id}: {what}", markup=False)
    out.print(inc.id, markup=False)


@review_app.command("confirm")
def review_confirm(
    incident_id: str = typer.Argument(..., help="Incident id (or a unique prefix)."),
    reason: str = _REASON,
    by: Optional[str] = _BY,
) -> None:
    """Confirm an incident as it stands (a new version: who, when, why)."""
    with _db(writes=True) as db:
        _done(db.review.confirm(incident_id, by=_who(by), why=reason), "confirmed")


@review_app.command("correct")
def review_correct(
    incident_id: str = typer.Argument(..., help="Incident id (or a unique prefix)."),
    field: str = typer.Argument(..., help="killed, wounded, date, place, event_type or actor."),
    value: str = typer.Argument(..., help="The value: 5/7/9 (low/best/high), 2024-03-03, a place or type name, "
                                "or JSON as docs/api.md gives it."),
    reason: str = _REASON,
    by: Optional[str] = _BY,
) -> None:
    """Correct a figure, the date, place, type or an actor; the machine's value stays visible."""
    with _db(writes=True) as db:
        _done(db.review.correct(incident_id, field, parse_value(field, value), by=_who(by), why=reason),
              f"{field} corrected")


@review_app.command("merge")
def review_merge(
    incident_ids: list[str] = typer.Argument(..., help="Two or more incident ids (or unique prefixes)."),
    reason: str = _REASON,
    by: Optional[str] = _BY,
) -> None:
    """Merge incidents into one; later machine merging keeps them together. Prints the merged id."""
    with _db(writes=True) as db:
        _done(db.review.merge(incident_ids, by=_who(by), why=reason), f"merged from {', '.join(incident_ids)}")


@review_app.command("split")
def review_split(
    incident_id: str = typer.Argument(..., help="Incident id (or a unique prefix)."),
    mentions: list[str] = typer.Argument(..., help="Keys of the mentions that become an incident of their own "
                                         "('ceasefire show ID --mentions' lists them)."),
    reason: str = _REASON,
    by: Optional[str] = _BY,
) -> None:
    """Split mentions off an incident; later machine merging keeps the parts apart."""
    with _db(writes=True) as db:
        _done(db.review.split(incident_id, mentions, by=_who(by), why=reason), "split")


@review_app.command("wrong")
def review_wrong(
    claim_id: str = typer.Argument(..., help="The claim's id, <mention key>/<n> (the export's claims[].id)."),
    reason: str = _REASON,
    by: Optional[str] = _BY,
) -> None:
    """Mark a claim wrong: it stays visible but leaves the ranges, flags and grade."""
    with _db(writes=True) as db:
        _done(db.review.mark_wrong(claim_id, by=_who(by), why=reason), f"claim {claim_id} marked wrong")


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="The user's name (letters, digits, . _ @ -)."),
    role: str = typer.Option("editor", "--role", help=f"One of {', '.join(ROLES)}: reader may read, editor and "
                             "admin may also review."),
) -> None:
    """Add a user and print their token (once: only its hash is stored)."""
    with _db(writes=True) as db:
        token = db.users.add(name, role)
    if not state.quiet:
        err.print(f"user {name} ({role}) added; their token (keep it, it is not shown again):", markup=False)
    out.print(token, markup=False)


@user_app.command("list")
def user_list() -> None:
    """List the users: name, role, created, revoked."""
    with _db() as db:
        users = db.users.list()
    table = Table()
    for col in ("name", "role", "created", "revoked"):
        table.add_column(col)
    for u in users:
        table.add_row(u.name, u.role, u.created_at.isoformat(timespec="seconds"),
                      u.revoked_at.isoformat(timespec="seconds") if u.revoked_at else "")
    out.print(table)


@user_app.command("revoke")
def user_revoke(name: str = typer.Argument(..., help="The user's name.")) -> None:
    """Revoke a user's token: the API refuses it from now on (403)."""
    with _db(writes=True) as db:
        db.users.revoke(name)
    if not state.quiet:
        err.print(f"the token of {name} is revoked", markup=False)
