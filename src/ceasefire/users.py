"""Who may review: users, their roles and tokens (``ceasefire user add|list|revoke``, the API's tokens).

A token is ``cf_<id>_<secret>``: the id finds the user, the secret is checked against
its scrypt hash (``hashlib.scrypt``, a random salt per user) in constant time
(``hmac.compare_digest``). The store keeps the hash and salt, never the token: a lost
token cannot be shown again, only revoked and replaced (a new user name).

Roles: ``reader`` may read (when reading requires a token), ``editor`` may also review
(confirm, correct, merge, split, mark claims wrong), ``admin`` may do all of that.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timezone

from .errors import ConfigError, Forbidden, NotFound, Unauthorized
from .model import ROLES, User
from .store import Store

__all__ = ["Users", "MAY", "hash_secret"]

#: what each role may do
MAY: dict[str, frozenset[str]] = {
    "reader": frozenset({"read"}),
    "editor": frozenset({"read", "review"}),
    "admin": frozenset({"read", "review", "admin"}),
}
assert set(MAY) == set(ROLES)

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_TOKEN = re.compile(r"^cf_([0-9a-f]{16})_([A-Za-z0-9_-]{20,100})$")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
_DUMMY_SALT = "00" * 16


def hash_secret(secret: str, salt: str) -> str:
    """The scrypt hash (hex) of a token's secret with a salt (hex)."""
    return hashlib.scrypt(secret.encode("utf-8"), salt=bytes.fromhex(salt), **_SCRYPT).hex()


class Users:
    """The users of a store (``db.users``)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, name: str, role: str = "editor") -> str:
        """Add a user and return their token (shown once: only its hash is stored)."""
        if not _NAME.match(name):
            raise ConfigError(f"bad user name {name!r}: letters, digits and . _ @ - (at most 64, not starting "
                              "with a sign)")
        if role not in ROLES:
            raise ConfigError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
        token_id, secret, salt = secrets.token_hex(8), secrets.token_urlsafe(32), secrets.token_hex(16)
        user = User(name, role, datetime.now(timezone.utc))
        if not self._store.review.add_user(user, token_id, salt, hash_secret(secret, salt)):
            raise ConfigError(f"user {name!r} exists already (revoke it and add another name for a new token)")
        return f"cf_{token_id}_{secret}"

    def list(self) -> list[User]:
        """Every user, by name (revoked ones too, with ``revoked_at``)."""
        return self._store.review.users()

    def revoke(self, name: str) -> User:
        """Revoke a user's token: it is refused from now on (403). Returns the user."""
        if not self._store.review.revoke(name, datetime.now(timezone.utc)):
            raise NotFound(f"no user {name!r} (see 'ceasefire user list')")
        return next(u for u in self.list() if u.name == name)

    def authenticate(self, token: str | None, may: str = "read") -> User:
        """The user whose token this is, allowed to do ``may`` (``read``, ``review``, ``admin``).

        ``Unauthorized`` without a token or with one that is not ours; ``Forbidden`` for a
        revoked token or a role that may not do it.
        """
        found = _TOKEN.match(token or "")
        record = self._store.review.secret(found.group(1)) if found else None
        salt, digest = (record[1], record[2]) if record else (_DUMMY_SALT, "")
        computed = hash_secret(found.group(2) if found else "-", salt)  # the same work for a bad token
        if record is None or not hmac.compare_digest(computed, digest):
            raise Unauthorized("give a valid token: 'Authorization: Bearer <token>' (ceasefire user add NAME)")
        user = record[0]
        if user.revoked_at is not None:
            raise Forbidden(f"the token of {user.name} was revoked")
        if may not in MAY[user.role]:
            raise Forbidden(f"{user.name} ({user.role}) may not {may}")
        return user
