"""The rules version moves with anything that can change a figure, and with nothing else."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import ruleset

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def copy(tmp_path, monkeypatch) -> Path:
    shutil.copytree(ROOT / "pipeline", tmp_path / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__", "review"))
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds", ignore=shutil.ignore_patterns("*.txt"))
    monkeypatch.setattr(ruleset, "_PACKAGE", tmp_path / "pipeline")
    return tmp_path


def _version() -> str:
    return ruleset.rules_version.__wrapped__()


@pytest.mark.parametrize("edited, moves", [
    ("pipeline/rules/budget.py", True),
    ("pipeline/numbers.py", True),
    ("pipeline/metadata.py", True),
    ("seeds/indicators.csv", True),
    ("pipeline/new_wordings.py", True),  # a module nobody listed still counts
    ("pipeline/cli.py", False),
    ("pipeline/parallel.py", False),
    ("pipeline/db/load.py", False),
])
def test_the_version_moves_with_what_can_change_a_figure(copy, edited, moves):
    before = _version()
    path = copy / edited
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n# edited\n")
    assert (_version() != before) is moves


def test_a_run_reads_the_version_without_importing_the_rules():
    code = "import json, sys, pipeline; pipeline.rules_version(); print(json.dumps(list(sys.modules)))"
    loaded = set(json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                           text=True, check=True).stdout))
    assert "pipeline.ruleset" in loaded
    assert not loaded & {"pipeline.rules", "pipeline.extraction", "pipeline.numbers"}
