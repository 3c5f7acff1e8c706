"""The extract and evaluate commands, as a data team calls them."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "002_efc484c7aea7a8e7.txt"


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_extract_jsonl_is_the_contract():
    result = _run("extract", str(SEED), "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = SEED.read_text(encoding="utf-8")
    assert {r["indicator"] for r in rows} >= {"citizens_received", "complaints_resolved", "grdp_growth"}
    for row in rows:
        assert row["document"] == f"seeds/{SEED.name}"
        assert text[row["start"]:row["end"]] in row["quote"]
        assert {"province", "province_code", "period_start", "period_end", "status", "estimate", "line", "rule"} <= set(row)


def test_extract_table_and_csv_carry_the_same_figures():
    table = _run("extract", str(SEED)).stdout.splitlines()
    rows = list(csv.DictReader(io.StringIO(_run("extract", str(SEED), "--format", "csv").stdout)))
    assert table[0].split()[:3] == ["document", "line", "indicator"]
    assert len(table) - 1 == len(rows) > 0


@pytest.mark.parametrize("lead", ["- ", "=HYPERLINK(\"http://x\") ", "@", "+"])
def test_extract_csv_neutralises_formula_cells(tmp_path, lead):
    doc = tmp_path / "injected.txt"
    doc.write_text(f"{lead}Năm 2021, tỉnh Quảng Nam thu ngân sách đạt 23.773 tỷ đồng.\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(_run("extract", str(doc), "--format", "csv").stdout)))
    assert rows and all(row["quote"].startswith("'" + lead.strip()) for row in rows)
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row.values())


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_a_broken_document_is_reported_the_rest_goes_on_and_the_exit_status_is_1(tmp_path, log_format):
    (tmp_path / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    result = _run("extract", str(tmp_path), "--format", "jsonl", "--log-format", log_format)
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout.count("\n") > 0
    if log_format == "json":
        events = [json.loads(line) for line in result.stderr.splitlines()]
        assert [e["path"] for e in events if e["event"] == "document_failed"] == [f"{tmp_path.name}/bad.txt"]


def test_extract_of_a_missing_path_is_one_line_and_exit_1(tmp_path):
    result = _run("extract", str(tmp_path / "absent.txt"))
    assert result.exit_code == 1 and result.stdout.splitlines()[1:] == []
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


def test_extract_needs_something_to_read():
    assert _run("extract").exit_code == 2


def test_evaluate_on_the_seeds():
    result = _run("evaluate", "--gold", str(ROOT / "tests" / "seed_gold.jsonl"), "--docs", str(ROOT / "seeds"), "--json")
    scores = json.loads(result.stdout)
    assert scores["record"] == {"tp": 45, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_python_dash_m_is_the_same_program():
    out = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(SEED), "--format", "jsonl"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout == _run("extract", str(SEED), "--format", "jsonl").stdout
