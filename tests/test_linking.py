"""How a sentence's numbers find their topic: nearest cue, carried rates and lists, blockers."""
import pytest

from pipeline.linking import link
from pipeline.numbers import find_quantities


def _links(sentence):
    return [(sentence[l.match.num_start:l.match.num_end], l.rule.id, l.carried) for l in link(sentence, find_quantities(sentence))]


@pytest.mark.parametrize("sentence, expected", [
    # a rate joins the amount before it; a new cue takes over
    ("Tổng thu ngân sách đạt 20.792 tỷ đồng, đạt 88% dự toán; thu nội địa đạt 16.480 tỷ đồng.",
     [("20.792", "budget.total.amount", False), ("88", "budget.total.pct_estimate", True),
      ("16.480", "budget.domestic.amount", False)]),
    # a list carries its verb
    ("Tỉnh ủy ban hành 14 nghị quyết, 5 chỉ thị và 6 chương trình.",
     [("14", "party_documents.resolutions", False), ("5", "party_documents.directives", True),
      ("6", "party_documents.programs", True)]),
    # a rate may pass an unrelated cue to reach its amount
    ("Tỉnh thu ngân sách ước đạt 35.440 tỷ đồng, hoàn thành 64% so dự toán.",
     [("35.440", "budget.total.amount", False), ("64", "budget.total.pct_estimate", True)]),
    # an aside in brackets: the topic before it comes back after it, also along a list of asides
    ("Tổng thu ngân sách đạt 3.650 tỷ đồng (trong đó thu nội địa 3.200 tỷ đồng), vượt 8% kế hoạch.",
     [("3.650", "budget.total.amount", False), ("3.200", "budget.domestic.amount", False),
      ("8", "budget.total.pct_estimate", True)]),
    ("Tăng trưởng GRDP giảm ở: Quảng Ngãi (-1,07%), Vĩnh Phúc (-2,47%).",
     [("1,07", "grdp.growth", False), ("2,47", "grdp.growth", True)]),
    # another family's blocking cue inside a list does not end the list
    ("Tỉnh ủy ban hành 5 nghị quyết về phát triển nông nghiệp, du lịch, công nghiệp và đô thị, 2 chỉ thị.",
     [("5", "party_documents.resolutions", False), ("2", "party_documents.directives", True)]),
    # ranks are read from `xếp thứ`, also in words
    ("Tăng trưởng kinh tế đạt 8,05%, xếp thứ nhất khu vực Bắc Trung bộ.",
     [("8,05", "grdp.growth", False), ("nhất", "grdp.rank_region", True)]),
])
def test_links(sentence, expected):
    assert _links(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # a blocking cue closes the topic: export growth is not GRDP growth
    "GRDP đạt 50.000 tỷ đồng; kim ngạch xuất khẩu tăng 13%.",
    "Tổng thu ngân sách đạt 5.000 tỷ đồng, kim ngạch xuất khẩu tăng 13%.",
    # a long stretch with no cue has moved on
    "Tổng thu ngân sách đạt 5.000 tỷ đồng, trong bối cảnh nhiều doanh nghiệp gặp khó khăn do dịch bệnh kéo dài và giá nguyên liệu tăng cao, tỷ lệ 12%.",
])
def test_no_link_past_a_blocker_or_a_long_gap(sentence):
    assert [rule for _, rule, _ in _links(sentence)] in (["grdp.value"], ["budget.total.amount"])


def test_a_sentence_without_numbers_links_nothing():
    assert link("Tổng thu ngân sách là nhiệm vụ trọng tâm.", []) == []


def _corpus_sentences():
    from pathlib import Path

    from pipeline.rules import FAMILIES
    from pipeline.segments import sentences
    texts = [s for f in FAMILIES for s, _ in f.EXAMPLES] + [s for f in FAMILIES for s in f.COUNTER_EXAMPLES]
    shared = Path(__file__).resolve().parents[2] / "shared"
    for folder in ("dev/docs", "dev2/docs", "raw/econ", "raw/gov", "seeds"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((shared / folder).glob("*.txt"))]
    return [s.text for t in texts for s in sentences(t)]


def test_cue_literals_never_hide_a_cue():
    """The one-pass prefilter of cue literals (pipeline.cues) changes no hit, on every sentence we have."""
    from pipeline import linking
    from pipeline.cues import document_spots
    from pipeline.rules import TOPICS
    for sentence in _corpus_sentences():
        lowered = sentence.lower()
        every_cue = sorted((m.start(), m.end(), t.id) for t in TOPICS for m in t.cue.finditer(lowered))
        assert linking._cue_hits(sentence, roundup=True) == every_cue, sentence
        spots = document_spots(sentence)
        assert linking._cue_hits(sentence, roundup=True, possible=spots.possible(0, len(sentence))) == every_cue, sentence


def test_a_sentence_may_link_rejects_links_nothing():
    """Extraction does not parse the numbers of a sentence `may_link` rejects: on every sentence
    we have, such a sentence, with no topic open before it, links nothing."""
    from pipeline.cues import possible
    from pipeline.linking import may_link
    rejected = 0
    for sentence in _corpus_sentences():
        for roundup in (False, True):
            if not may_link(possible(sentence.lower()), roundup):
                rejected += 1
                assert link(sentence, find_quantities(sentence), roundup=roundup) == [], sentence
    assert rejected > 20  # 50 in the example corpora alone, hundreds with ../shared


def test_a_rank_written_in_capitals_is_still_read():
    """_ranks looks for `thứ` in the case-folded sentence before running its regex."""
    from pipeline.linking import _ranks
    assert [q.quantity.value for q in _ranks("TĂNG TRƯỞNG GRDP XẾP THỨ 2/63 TỈNH")] == [2]
