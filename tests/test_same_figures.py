"""Speed work must not move a figure: every figure of the seeds and of ../shared/dev* is held
to a snapshot, one digest per figure.

A change to the rules that is meant to change figures (an accuracy fix) rewrites the snapshot
in the same commit, so the diff shows how many figures of which documents it moved:

    python tests/test_same_figures.py --update
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "data" / "figures_snapshot.json"
SETS = {"seeds": (ROOT / "seeds", None),
        **{name: (ROOT.parent / "shared" / name, ROOT.parent / "shared" / name / "manifest.jsonl")
           for name in ("dev", "dev2")}}


def figures_of(name: str) -> dict[str, list[str]]:
    """Each document's figures, one digest of the figure's JSON line each, in output order."""
    from pipeline.parallel import Extractor
    from pipeline.reading import iter_documents

    folder, manifest = SETS[name]
    items = iter_documents(manifest=manifest) if manifest else iter_documents([folder])
    out: dict[str, list[str]] = {}
    with Extractor() as pool:
        for doc, result in pool.map(d for d in items if not isinstance(d, Exception)):
            assert isinstance(result, list), result
            out[doc.path] = [hashlib.sha1(json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True)
                                          .encode()).hexdigest()[:16] for f in result]
    return out


def _available() -> list[str]:
    return [name for name, (folder, _) in SETS.items() if folder.exists()]


@pytest.mark.parametrize("name", list(SETS))
def test_the_figures_are_those_of_the_snapshot(name):
    if name not in _available():
        pytest.skip(f"{SETS[name][0]} is not here")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[name]
    found = figures_of(name)
    moved = {path: (len(expected.get(path, [])), len(found.get(path, [])))
             for path in expected.keys() | found.keys() if expected.get(path) != found.get(path)}
    assert not moved, (
        f"figures moved in {len(moved)} document(s) of {name} (expected, found): "
        f"{dict(sorted(moved.items())[:10])}; if the change is meant, "
        "run `python tests/test_same_figures.py --update`")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    old = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else {}
    SNAPSHOT.write_text(json.dumps({**old, **{name: figures_of(name) for name in _available()}},
                                   indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
