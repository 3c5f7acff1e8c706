"""The key that signs sessions: from SOLIEU_REVIEW_SECRET, else a file outside the repository,
created on first use with owner-only permissions."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

import pipeline

ENV = "SOLIEU_REVIEW_SECRET"
DEFAULT_FILE = Path("~/.config/solieu/review-secret")
_PROJECT = Path(pipeline.__file__).resolve().parents[1]


class SecretError(Exception):
    """No usable secret."""


def load_secret(path: str | Path | None = None) -> str:
    if os.environ.get(ENV):
        secret = os.environ[ENV]
        if len(secret) < 32:
            raise SecretError(f"{ENV} must hold at least 32 characters")
        return secret
    file = Path(path or DEFAULT_FILE).expanduser().resolve()
    if file.is_relative_to(_PROJECT):
        raise SecretError(f"the session secret {file} must live outside the project "
                          f"({_PROJECT}), where it cannot be committed")
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    secret = file.read_text(encoding="utf-8").strip()
    if len(secret) < 32:
        raise SecretError(f"the session secret in {file} is shorter than 32 characters")
    return secret
