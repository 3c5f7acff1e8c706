"""Extraction as the project is judged: seeds and the development set, scored two ways."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate import as_json, evaluate, load_jsonl
from pipeline.extraction import extract_document
from pipeline.reading import iter_documents

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "dev"
SCORER = SHARED / "tools" / "score.py"
needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="../shared/dev is absent: development-set tests skipped")


def _predictions(paths=(), manifest=None) -> list[dict]:
    docs = list(iter_documents(paths, manifest))
    assert all(not isinstance(d, Exception) for d in docs), docs
    return [f.to_json() for d in docs for f in extract_document(d)]


@pytest.fixture(scope="module")
def seed_report():
    predictions = _predictions([ROOT / "seeds"])
    return predictions, evaluate(load_jsonl(ROOT / "tests" / "seed_gold.jsonl"), ROOT / "seeds", predictions)


def test_every_seed_figure_is_right_at_record_level(seed_report):
    _, report = seed_report
    record = report.levels["record"]
    assert (record.tp, record.fp, record.fn) == (45, 0, 0), report.misses + report.false_positives


def test_the_seed_without_catalogue_figures_yields_none(seed_report):
    predictions, _ = seed_report
    assert [p for p in predictions if Path(p["document"]).name.startswith("004_")] == []


def test_offsets_index_the_stored_text(seed_report):
    predictions, _ = seed_report
    for p in predictions:
        text = (ROOT / "seeds" / Path(p["document"]).name).read_text(encoding="utf-8")
        assert p["quote"] in text
        assert text.count("\n", 0, p["start"]) + 1 == p["line"]
        assert text[p["start"]:p["end"]] in p["quote"]


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory):
    predictions = _predictions(manifest=DEV / "manifest.jsonl")
    out = tmp_path_factory.mktemp("dev") / "predictions.jsonl"
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions), encoding="utf-8")
    return out, evaluate(load_jsonl(DEV / "gold.jsonl"), DEV / "docs", predictions)


@needs_dev
def test_development_set_meets_the_bar(dev_run):
    _, report = dev_run
    assert report.levels["record"].f1 >= 0.85
    assert report.levels["detection"].precision >= 0.95


@needs_dev
@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score.py is absent")
def test_solieu_evaluate_agrees_with_the_judge(dev_run):
    predictions, report = dev_run
    judged = subprocess.run([sys.executable, str(SCORER), str(DEV / "gold.jsonl"), str(DEV / "docs"), str(predictions), "--json"],
                            capture_output=True, text=True, check=True)
    theirs, ours = json.loads(judged.stdout), as_json(report)
    for level in ("detection", "indicator", "record"):
        assert ours[level] == theirs[level]
    assert ours["record_errors"] == theirs["record_errors"]
