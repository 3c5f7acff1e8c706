"""Passwords as salted scrypt hashes; the session secret kept out of the repository."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.review import secret
from pipeline.review.users import hash_password, verify_password


@pytest.mark.parametrize("password, attempt, ok", [
    ("correct horse battery", "correct horse battery", True),
    ("correct horse battery", "correct horse batterY", False),
    ("mật khẩu tiếng Việt", "mật khẩu tiếng Việt", True),
    ("mật khẩu tiếng Việt", "mat khau tieng Viet", False),
])
def test_a_password_verifies_against_its_hash_only(password, attempt, ok):
    assert verify_password(attempt, hash_password(password)) is ok


def test_the_same_password_hashes_differently_each_time():
    first, second = hash_password("correct horse battery"), hash_password("correct horse battery")
    assert first != second
    assert first.split("$")[4] != second.split("$")[4]


@pytest.mark.parametrize("stored", ["", "plain", "md5$x$y", "scrypt$16384$8$1$00$"])
def test_a_malformed_hash_never_verifies(stored):
    assert verify_password("", stored) is False


def test_the_secret_file_is_created_private_and_reused(tmp_path, monkeypatch):
    monkeypatch.delenv(secret.ENV, raising=False)
    path = tmp_path / "conf" / "review-secret"
    first = secret.load_secret(path)
    assert len(first) >= 32
    assert path.stat().st_mode & 0o777 == 0o600
    assert secret.load_secret(path) == first


@pytest.mark.parametrize("value, ok", [("x" * 32, True), ("short", False)])
def test_the_secret_from_the_environment(monkeypatch, value, ok):
    monkeypatch.setenv(secret.ENV, value)
    if ok:
        assert secret.load_secret() == value
    else:
        with pytest.raises(secret.SecretError, match="at least 32"):
            secret.load_secret()


def test_a_secret_file_inside_the_project_is_refused(monkeypatch):
    monkeypatch.delenv(secret.ENV, raising=False)
    inside = Path(secret.__file__).resolve().parents[2] / "review-secret"
    with pytest.raises(secret.SecretError, match="outside the project"):
        secret.load_secret(inside)
    assert not inside.exists()
