"""Review app users: salted scrypt hashes (stdlib), roles, and the check at login."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlalchemy as sa

from pipeline.db.models import REVIEW_ROLES, ReviewUserRow

_USERS = ReviewUserRow.__table__
_N, _R, _P = 2 ** 14, 8, 1


class UserError(Exception):
    """A user that cannot be added (exists already, bad name or role)."""


@dataclass(frozen=True)
class User:
    name: str
    role: str

    @property
    def may_review(self) -> bool:
        return self.role == "reviewer"


def hash_password(password: str, salt: bytes | None = None) -> str:
    """scrypt$n$r$p$salt$hash, hex: the parameters travel with the hash."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt" or not digest:
            return False
        again = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n),
                               r=int(r), p=int(p), dklen=len(digest) // 2)
    except ValueError:  # a malformed hash matches no password
        return False
    return hmac.compare_digest(again.hex(), digest)


def add_user(engine: sa.Engine, name: str, password: str, role: str = "reviewer") -> User:
    name = name.strip()
    if not name or len(name) > 64:
        raise UserError("a user name is 1 to 64 characters")
    if role not in REVIEW_ROLES:
        raise UserError(f"role must be one of {', '.join(REVIEW_ROLES)}")
    if len(password) < 8:
        raise UserError("a password has at least 8 characters")
    with engine.begin() as conn:
        if conn.execute(sa.select(_USERS.c.name).where(_USERS.c.name == name)).first():
            raise UserError(f"user {name!r} exists already")
        conn.execute(_USERS.insert().values(name=name, role=role,
                                            password_hash=hash_password(password),
                                            created_at=datetime.now(timezone.utc)))
    return User(name, role)


def authenticate(engine: sa.Engine, name: str, password: str) -> User | None:
    """The user when the password is right; None otherwise (and as slowly when unknown)."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(_USERS.c.role, _USERS.c.password_hash)
                           .where(_USERS.c.name == name)).first()
    if row is None:
        verify_password(password, hash_password("not a user"))
        return None
    return User(name, row.role) if verify_password(password, row.password_hash) else None


def find_user(engine: sa.Engine, name: str) -> User | None:
    with engine.connect() as conn:
        role = conn.execute(sa.select(_USERS.c.role).where(_USERS.c.name == name)).scalar()
    return None if role is None else User(name, role)
