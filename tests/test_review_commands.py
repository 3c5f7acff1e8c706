"""`solieu review user add` and `solieu review export`, through the command line."""
from __future__ import annotations

import csv
import io
import json

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from conftest import REVIEW_PASSWORD
from pipeline.cli import main
from pipeline.review import store


def _solieu(*args: str, input: str | None = None):
    result = CliRunner().invoke(main, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def _hash(engine: sa.Engine, name: str) -> tuple[str, str] | None:
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT role, password_hash FROM review_users WHERE name = :n"),
                           {"n": name}).first()
    return None if row is None else tuple(row)


@pytest.mark.parametrize("args, role", [((), "reviewer"), (("--role", "viewer"), "viewer")])
def test_user_add_stores_a_salted_hash_and_the_role(review_db, db_url, args, role):
    result = _solieu("review", "user", "add", "hoa", *args, "--db", db_url,
                     input="a long passphrase\na long passphrase\n")
    assert result.exit_code == 0, result.output
    stored_role, stored = _hash(review_db, "hoa")
    assert stored_role == role
    assert stored.startswith("scrypt$") and "a long passphrase" not in stored
    assert stored != _hash(review_db, "lan")[1]


@pytest.mark.parametrize("name, password, message", [
    ("lan", REVIEW_PASSWORD, "exists already"),
    ("short", "2short", "at least 8 characters"),
])
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_user_add_refuses_clearly(review_db, db_url, name, password, message):
    result = _solieu("review", "user", "add", name, "--password", password, "--db", db_url)
    assert result.exit_code == 2
    assert message in result.output


def _reviewed(engine: sa.Engine) -> None:
    figures = store.queue(engine, {"indicator": "grdp_growth"}).figures
    store.record_verdict(engine, figures[0].id, "lan", "approve", note="=HYPERLINK(\"x\")")
    store.record_verdict(engine, figures[1].id, "lan", "reject", note="-the national figure")
    store.record_verdict(engine, figures[2].id, "lan", "correct",
                         value=store.parse_value("7,2"), note="@annex table")


def test_export_csv_neutralises_formulas(review_db, db_url):
    _reviewed(review_db)
    result = _solieu("review", "export", "--format", "csv", "--db", db_url)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["verdict"] for r in rows] == ["approve", "reject", "correct"]
    assert [r["note"] for r in rows] == ["'=HYPERLINK(\"x\")", "'-the national figure",
                                         "'@annex table"]
    assert rows[2]["corrected_value"] == "7.2"
    assert {r["attachment"] for r in rows} == {"exact"}


def test_export_jsonl_keeps_the_evidence(review_db, db_url):
    _reviewed(review_db)
    result = _solieu("review", "export", "--format", "jsonl", "--db", db_url)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3
    assert rows[0]["note"] == "=HYPERLINK(\"x\")"
    for row in rows:
        assert row["number_text"] in row["quote"]
        assert len(row["document_sha256"]) == 64
    assert rows[2]["corrected_value"] == 7.2


def test_a_correction_stays_attached_after_a_full_refresh(db_engine, db_url, tmp_path):
    from conftest import REVIEW_DOCUMENTS
    from pipeline.review.users import add_user

    folder = tmp_path / "docs"
    folder.mkdir()
    for name, (text, _) in REVIEW_DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert _solieu("run", str(folder), "--db", db_url).exit_code == 0
    add_user(db_engine, "lan", REVIEW_PASSWORD)
    odd = next(f for f in store.queue(db_engine, {"indicator": "grdp_growth"}).figures
               if f.value == store.number("71"))
    store.record_verdict(db_engine, odd.id, "lan", "correct", value=store.parse_value("7,1"),
                         note="decimal comma lost")

    assert _solieu("run", str(folder), "--full-refresh", "--db", db_url).exit_code == 0

    assert store.figure(db_engine, odd.id).state == "corrected"
    result = _solieu("export", "chosen_values", "--format", "jsonl", "--db", db_url)
    chosen = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(row["value"], row["review"], row["extracted_value"]) for row in chosen
            if row["figure_id"] == odd.id} == {(7.1, "corrected", 71)}
