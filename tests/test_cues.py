"""The one-pass prefilter of cue literals never hides a cue: on every sentence we have, each
topic whose cue regex matches is among the topics its literals allow."""
from pathlib import Path

import pytest

from pipeline import cues
from pipeline.rules import FAMILIES, TOPICS
from pipeline.segments import sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"
FOLDERS = ("dev/docs", "dev2/docs", "raw/econ", "raw/gov")


def _examples() -> list[str]:
    texts = [s for f in FAMILIES for s, _ in f.EXAMPLES] + [s for f in FAMILIES for s in f.COUNTER_EXAMPLES]
    return texts + [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))]


def _shared() -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in FOLDERS for p in sorted((SHARED / folder).glob("*.txt"))]


def _cued(lowered: str) -> int:
    """The topics whose cue regex matches `lowered`, each a bit in TOPICS' order."""
    return sum(1 << i for i, t in enumerate(TOPICS) if t.cue.search(lowered))


def _check(texts: list[str]) -> int:
    checked = 0
    for text in texts:
        spots = cues.document_spots(text)
        for sentence in sentences(text):
            for cut in range(1, len(sentence.text) + 1, 7):  # linking reads prefixes of sentences too
                lowered = sentence.text[:cut].lower()
                cued = _cued(lowered)
                assert cued & ~cues.possible(lowered) == 0, (sentence.text[:cut], cues.possible(lowered))
                if spots is not None:
                    assert cued & ~spots.at(sentence.start).possible(0, cut) == 0, sentence.text[:cut]
                checked += 1
    return checked


def test_literals_never_hide_a_cue_in_the_examples():
    assert _check(_examples()) > 1000


@pytest.mark.skipif(not (SHARED / "dev" / "docs").is_dir(), reason="../shared is not here")
def test_literals_never_hide_a_cue_in_the_shared_texts():
    assert _check(_shared()) > 1000


def test_every_topic_but_a_few_has_literals():
    """A topic without literals is tried everywhere: correct, only slower."""
    assert [t.id for t in TOPICS if cues.LITERALS[t.id] is None] == []


def test_spots_of_a_document_are_the_literals_of_each_stretch():
    text = "Tổng thu ngân sách đạt 5.000 tỷ đồng. Kết nạp 120 đảng viên mới."
    spots = cues.document_spots(text)
    for lo in range(0, len(text), 5):
        for hi in range(lo, len(text) + 1, 3):
            assert spots.possible(lo, hi) == cues.possible(text[lo:hi].lower())


def test_a_text_whose_lower_case_shifts_offsets_has_no_document_spots():
    assert cues.document_spots("İstanbul thu ngân sách 5 tỷ đồng") is None
    assert cues.document_spots("ΟΔΟΣ thu ngân sách 5 tỷ đồng") is None


def test_spots_are_every_literal_at_every_place_it_stands():
    """The automaton's one pass finds what a search for each literal, resumed one character
    on, finds: overlapping literals (`thu ngân sách nội địa`) included."""
    text = ("Thu ngân sách nội địa đạt 5.000 tỷ đồng; tiếp nhận 120 hồ sơ, giải quyết 98 vụ. "
            "Kết nạp 120 đảng viên mới, nâng tổng số đảng viên lên 5.300.").lower()
    expected = []
    for literal, bits in cues._MASKS.items():
        at = text.find(literal)
        while at >= 0:
            expected.append((at, at + len(literal), bits))
            at = text.find(literal, at + 1)
    spots = cues.Spots(text)
    assert list(zip(spots._starts, spots._ends, spots._masks)) == sorted(expected)
    assert len(expected) > 10
