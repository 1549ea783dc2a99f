"""People's review actions and the users who may make them, read and written inside the store's transactions.

A review action is stored as its own record (``review_actions``) and applied by the
incident logic whenever incidents are derived (``ceasefire.incidents.review``); the
store only keeps it. Users are kept with the scrypt hash of their token's secret and its
salt, never the token (``ceasefire.users`` makes and checks tokens).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, select, update

from ..errors import NotFound
from ..model import Incident, ReviewAction, User
from . import rows as R
from . import tables as T
from .work import ChangeSet, Neighbourhood, assemble, read_actions, read_heads

if TYPE_CHECKING:
    from .store import Store

__all__ = ["ReviewState", "Revise", "add_action", "claim_mention", "add_user", "read_users", "revoke_user",
           "user_secret"]


def add_action(conn: Connection, action: ReviewAction) -> ReviewAction:
    """Store ``action``; returns it with the id the database gave it (the order actions apply in)."""
    result = conn.execute(insert(T.review_actions).returning(T.review_actions.c.id), [R.action_row(action)])
    return dataclasses.replace(action, id=int(result.scalar_one()))


def claim_mention(conn: Connection, claim_id: str) -> str | None:
    """The key of the mention a stored claim belongs to, or ``None``."""
    c = T.claims.c
    return conn.execute(select(c.mention_key).where(c.id == claim_id)).scalar_one_or_none()


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


def _user(r: Any) -> User:
    created = _aware(r.created_at)
    assert created is not None
    return User(r.name, r.role, created, _aware(r.revoked_at))


def add_user(conn: Connection, user: User, token_id: str, salt: str, token_hash: str) -> bool:
    """Add a user; ``False`` when the name is taken (nothing changed)."""
    u = T.users.c
    if conn.execute(select(u.name).where(u.name == user.name)).first() is not None:
        return False
    conn.execute(insert(T.users), [{"name": user.name, "role": user.role, "token_id": token_id, "salt": salt,
                                    "token_hash": token_hash, "created_at": user.created_at, "revoked_at": None}])
    return True


def read_users(conn: Connection) -> list[User]:
    u = T.users.c
    return [_user(r) for r in conn.execute(select(u.name, u.role, u.created_at, u.revoked_at).order_by(u.name))]


def revoke_user(conn: Connection, name: str, at: datetime) -> bool:
    """Revoke a user's token; ``False`` when there is no such user."""
    u = T.users.c
    if conn.execute(select(u.name).where(u.name == name)).first() is None:
        return False
    conn.execute(update(T.users).where(u.name == name, u.revoked_at.is_(None)).values(revoked_at=at))
    return True


def user_secret(conn: Connection, token_id: str) -> tuple[User, str, str] | None:
    """The user whose token has this id, with the token's salt and hash; ``None`` when unknown."""
    u = T.users.c
    row = conn.execute(select(u.name, u.role, u.created_at, u.revoked_at, u.salt, u.token_hash)
                       .where(u.token_id == token_id)).first()
    return None if row is None else (_user(row), row.salt, row.token_hash)


#: what a review action changes: given the incidents reviewed (read in the transaction) and a reader
#: whose ``review_actions`` already hold the new action, the changes to write and the id to answer with
Revise = Callable[[list[Incident], ReviewAction, Neighbourhood], tuple[ChangeSet, str]]


class ReviewState:
    """Review actions and users in a :class:`Store` (use ``store.review``)."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def act(self, incident_ids: Sequence[str], action: ReviewAction, revise: Revise) -> str:
        """Store ``action`` and apply what ``revise`` decides -- incident versions and the violation check
        again -- in one transaction; returns the id of the incident to show. ``NotFound`` when one of
        ``incident_ids`` is no longer current (another writer changed it)."""
        store = self._store

        def work(conn: Connection) -> str:
            heads = read_heads(conn, incident_ids)
            missing = [i for i in incident_ids if i not in heads]
            if missing:
                raise NotFound(f"incident {missing[0]} is no longer current; read it again")
            incidents = assemble(conn, [heads[i] for i in incident_ids], store._mention_cache)
            stored = add_action(conn, action)
            changes, shown = revise(incidents, stored, Neighbourhood(conn, store._mention_cache))
            store._apply(conn, changes)
            return shown

        with store._guard(f"{action.action} incident {action.incident_id}"):
            return store._transaction(work)

    def claim_mention(self, claim: str) -> str | None:
        with self._store._guard("read claims"), self._store._read() as conn:
            return claim_mention(conn, claim)

    def actions(self) -> tuple[ReviewAction, ...]:
        """Every review action, oldest first."""
        with self._store._guard("read review actions"), self._store._read() as conn:
            return read_actions(conn)

    # -- users ---------------------------------------------------------------

    def add_user(self, user: User, token_id: str, salt: str, token_hash: str) -> bool:
        with self._store._guard(f"add user {user.name}"):
            return self._store._transaction(lambda conn: add_user(conn, user, token_id, salt, token_hash))

    def users(self) -> list[User]:
        with self._store._guard("read users"), self._store._read() as conn:
            return read_users(conn)

    def revoke(self, name: str, at: datetime) -> bool:
        with self._store._guard(f"revoke user {name}"):
            return self._store._transaction(lambda conn: revoke_user(conn, name, at))

    def secret(self, token_id: str) -> tuple[User, str, str] | None:
        with self._store._guard("read users"), self._store._read() as conn:
            return user_secret(conn, token_id)
