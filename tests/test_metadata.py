import json
from datetime import date
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.metadata import _dateparser, byline_date, find_dateline, find_published, find_title

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev"

TITLE = "Thu ngân sách 8 tháng vượt dự toán\n\n"
BODY = "\nNăm 2021, tổng thu ngân sách nhà nước trên địa bàn tỉnh đạt 20.792 tỷ đồng.\n"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("14:54, 01/03/2021 [GMT+7]", date(2021, 3, 1)),
        ("08:12 - Thứ Hai, 04/04/2022 Lượt xem: 9487 In bài viết", date(2022, 4, 4)),
        ("Thứ Sáu, 03/03/2023 | 16:42", date(2023, 3, 3)),
        ("05/04/2023, 18:39", date(2023, 4, 5)),
        ("07/12/2023 13:10", date(2023, 12, 7)),
        ("Cập nhật lúc19:52, Thứ Năm, 31/12/2020 (GMT+7)", date(2020, 12, 31)),
        ("Cập nhật: 10/05/2021", date(2021, 5, 10)),
        ("Ngày đăng: 12/06/2020 08:15", date(2020, 6, 12)),
        ("Ngày 15-10-2020 09:00", date(2020, 10, 15)),
        ("Chủ Nhật, 9/1/2022", date(2022, 1, 9)),
        ("2023-04-05 18:39", date(2023, 4, 5)),
        ("date 2022-09 Những cách làm hay, đổi mới, sáng tạo", date(2022, 9, 1)),
    ],
)
def test_byline_dates_are_found(byline, expected):
    assert find_published(TITLE + byline + BODY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Kế hoạch số 33-KH/TU ngày 14/9/2021 của Ban Thường vụ Tỉnh ủy.",
        "14/9/2021, Ban Thường vụ Tỉnh ủy ban hành kế hoạch.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 92,5% so với năm 2021.",
        "Tổng thu tính đến ngày 15/12/2023 đạt 16.875,32 tỷ đồng.",
        "Ngày 29/6, thông tin từ UBND tỉnh cho biết.",
        "Thu nội địa 8.650,68 tỷ đồng, bằng 90,11% dự toán.",
        "Thông báo kết luận được ban hành ngày 14/9/2021",
        "Kỳ họp khai mạc lúc 08:00 ngày 15/12/2023 | Toàn văn",
        "31/02/2021",
        "date 2022-13 tiêu đề",
    ],
)
def test_body_dates_are_not_bylines(text):
    assert find_published(TITLE + text + BODY) is None


def test_bylines_deep_in_the_body_are_ignored():
    body = "".join(f"Đoạn {n}: các chỉ tiêu đều đạt kế hoạch đề ra.\n" for n in range(60))
    assert find_published(TITLE + body + "14:54, 01/03/2021 [GMT+7]\n") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\n  Đổi mới trong triển khai Nghị quyết Đại hội XX \n\n14:54, 01/03/2021",
            "Đổi mới trong triển khai Nghị quyết Đại hội XX",
        ),
        ("14:54, 01/03/2021 [GMT+7]\nTin tức", None),
        ("Năm 2021, GRDP của tỉnh ước đạt trên 53.500 tỷ đồng.\nTiếp", None),
        (" date 2022-09 Những cách làm hay", None),
        ("", None),
    ],
)
def test_title_is_a_short_first_line(text, expected):
    assert find_title(text) == expected


def test_dev_bylines_never_contradict_the_manifest():
    if not DEV.is_dir():
        pytest.skip(f"development data not found at {DEV}")
    checked = 0
    for line in (DEV / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        found = find_published((DEV / entry["path"]).read_text(encoding="utf-8"))
        expected = date.fromisoformat(entry["published"]) if entry["published"] else None
        assert found in (None, expected), entry["path"]
        checked += found is not None
    assert checked >= 3


@pytest.mark.parametrize("text, source", [
    ("ĐBP - Những năm qua, Tỉnh ủy đã chỉ đạo", "ĐBP"),
    ("Chính trị\n\n08:12 - Thứ Hai, 04/04/2022\n\nĐBP - Những năm qua", "ĐBP"),
    ("(Báo Quảng Ngãi)- Thay vì tổ chức hội nghị", "Báo Quảng Ngãi"),
    ("QNO - Sáng nay, UBND tỉnh", "QNO"),
    ("Năm 2022 - một năm nhiều khó khăn", None),
    ("Xây dựng kịch bản tạo nguồn thu ngân sách - Bài 1", None),
    ("Tổng thu ngân sách đạt 20.792 tỷ đồng.", None),
])
def test_find_dateline(text, source):
    assert find_dateline(text) == source


_DMY = st.tuples(st.integers(0, 39), st.sampled_from("/.-"), st.integers(0, 19),
                 st.integers(1900, 2099)).map(lambda t: f"{t[0]}{t[1]}{t[2]}{t[1]}{t[3]}")
_PADDED = st.tuples(st.integers(0, 39), st.sampled_from("/.-"), st.integers(0, 19),
                    st.integers(1900, 2099)).map(lambda t: f"{t[0]:02}{t[1]}{t[2]:02}{t[1]}{t[3]}")
_ISO = st.tuples(st.integers(1900, 2099), st.integers(0, 39), st.integers(0, 39)).map(
    lambda t: f"{t[0]}-{t[1]:02}-{t[2]:02}")


@settings(max_examples=1000, deadline=None)
@given(st.one_of(_DMY, _PADDED, _ISO))
def test_a_byline_date_is_read_as_dateparser_reads_it(written):
    """The fast reading of a byline's digits agrees with dateparser, swaps and refusals alike,
    over the years a byline can carry (dateparser reads `1-1-1100` as a time)."""
    assert byline_date(written) == _dateparser(written)


@pytest.mark.parametrize("written, expected", [
    ("14/9/2021", date(2021, 9, 14)), ("5/13/2021", date(2021, 5, 13)),
    ("29.02.2024", date(2024, 2, 29)), ("2021-13-01", date(2021, 1, 13)),
    ("31/02/2021", None), ("29-02-2023", None),
])
def test_byline_date_examples(written, expected):
    assert byline_date(written) == expected
