from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.segments import LineIndex, Segment, line_of, paragraphs, sentences

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Năm 2021, GRDP tăng 5,04%. Thu ngân sách đạt 20.792 tỷ đồng.",
            ["Năm 2021, GRDP tăng 5,04%.", "Thu ngân sách đạt 20.792 tỷ đồng."],
        ),
        (
            "Theo TS. Nguyễn Văn A, TP. HCM có 1.200.000 hồ sơ. Đến cuối tháng 8.2022 đạt 94,3%.",
            [
                "Theo TS. Nguyễn Văn A, TP. HCM có 1.200.000 hồ sơ.",
                "Đến cuối tháng 8.2022 đạt 94,3%.",
            ],
        ),
        (
            "Ông ThS. Lê B, PGS. Trần C và GS. Phạm D dự; BS. Hà E, Tp. Huế báo cáo.",
            ["Ông ThS. Lê B, PGS. Trần C và GS. Phạm D dự; BS. Hà E, Tp. Huế báo cáo."],
        ),
        ("Ảnh: N.Đ", ["Ảnh: N.Đ"]),
        (
            "Tác giả Nguyễn H. Anh và TT. Kiên Lương, Q. Ba Đình.",
            ["Tác giả Nguyễn H. Anh và TT. Kiên Lương, Q. Ba Đình."],
        ),
        (
            "Thu nội địa 12.473,69 tỷ đồng; tăng 7,3%; đạt kế hoạch.",
            ["Thu nội địa 12.473,69 tỷ đồng; tăng 7,3%; đạt kế hoạch."],
        ),
        ("Tăng 61,49%… so cùng kỳ năm 2022.", ["Tăng 61,49%… so cùng kỳ năm 2022."]),
        (
            "Kết quả khả quan… Năm 2023 tiếp tục tăng.",
            ["Kết quả khả quan…", "Năm 2023 tiếp tục tăng."],
        ),
        ("Có đạt không? Có! 2022 là năm bản lề.", ["Có đạt không?", "Có!", "2022 là năm bản lề."]),
        ("Ông nói: “Tốt lắm.” Sau đó về.", ["Ông nói: “Tốt lắm.”", "Sau đó về."]),
        ("Đây là quý I. Năm nay khác.", ["Đây là quý I.", "Năm nay khác."]),
        ("1. Kết quả năm 2021. Tốt.", ["1. Kết quả năm 2021.", "Tốt."]),
        ("II. Nhiệm vụ năm 2022", ["II. Nhiệm vụ năm 2022"]),
        ("Dòng một không chấm\nDòng hai. Câu ba.", ["Dòng một không chấm", "Dòng hai.", "Câu ba."]),
    ],
)
def test_sentences(text, expected):
    assert [s.text for s in sentences(text)] == expected


def test_paragraphs_are_non_empty_lines_with_their_line_numbers():
    text = "Tiêu đề\n\n  Đoạn một. Câu hai.  \n \nĐoạn ba\n"
    assert paragraphs(text) == [
        Segment(0, 7, 1, "Tiêu đề"),
        Segment(11, 29, 3, "Đoạn một. Câu hai."),
        Segment(34, 41, 5, "Đoạn ba"),
    ]


def test_sentence_lines_follow_their_paragraph():
    text = "Tiêu đề\n\nCâu một. Câu hai.\nCâu ba."
    assert [(s.text, s.line) for s in sentences(text)] == [
        ("Tiêu đề", 1),
        ("Câu một.", 3),
        ("Câu hai.", 3),
        ("Câu ba.", 4),
    ]


def _check_offsets(text: str) -> None:
    index = LineIndex(text)
    paras = paragraphs(text)
    for kind in (paras, sentences(text)):
        previous_end = 0
        for segment in kind:
            assert text[segment.start : segment.end] == segment.text
            assert segment.text and segment.text == segment.text.strip()
            assert segment.start >= previous_end
            assert segment.line == line_of(text, segment.start) == index.line(segment.start)
            assert "\n" not in segment.text
            previous_end = segment.end
        assert "".join("".join(s.text for s in kind).split()) == "".join(text.split())
    for sentence in sentences(text):
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in paras)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_offsets_index_the_seed_texts(seed):
    text = seed.read_text(encoding="utf-8")
    _check_offsets(text)
    assert len(sentences(text)) > len(paragraphs(text)) > 5


_PIECES = [*"aăâđêôơưAĐTQPNIV  .,;!?…\n\t\r”“0123456789ạếộ%\u00a0\u2028", "TP. ", "ThS. ", "1. "]
_VIETNAMESE_ISH = st.lists(st.sampled_from(_PIECES), max_size=100).map("".join)


@given(st.one_of(st.text(max_size=300), _VIETNAMESE_ISH))
def test_offsets_index_any_text(text):
    _check_offsets(text)


@pytest.mark.parametrize(
    ("text", "offset", "line"),
    [("abc", 0, 1), ("a\nb", 1, 1), ("a\nb", 2, 2), ("a\n\nb", 3, 3), ("", 0, 1)],
)
def test_line_of(text, offset, line):
    assert line_of(text, offset) == line == LineIndex(text).line(offset)


def test_paragraphs_are_the_lines_cut_at_each_newline():
    """paragraphs() splits with str.split; it cuts where a regex at `\\n` cut, on every text we have."""
    from pathlib import Path

    import regex

    from pipeline.segments import _split, paragraphs
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in (root / "seeds").glob("*.txt")]
    for folder in ("dev/docs", "dev2/docs", "raw/econ", "raw/gov"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((root.parent / "shared" / folder).glob("*.txt"))]
    texts += ["", "\n", "a\n\n b \n", "  \n\nx"]
    for text in texts:
        assert paragraphs(text) == _split(text, regex.compile(r"\n"))
