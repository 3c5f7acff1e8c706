"""The document frame: publication date from the URL, the reported year, the title's period."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.frame import document_frame
from pipeline.metadata import url_date


@pytest.mark.parametrize("url, expected", [
    ("https://baodongnai.com.vn/tintuc/202104/thu-ngan-sach-3053980", date(2021, 4, 30)),
    ("https://baolamdong.vn/kinhte/202003/duc-trong-thu-ngan-sach-2996012/", date(2020, 3, 31)),
    ("https://example.vn/2023/04/05/thu-ngan-sach.html", date(2023, 4, 5)),
    ("https://example.vn/thoi-su/2019-12-30/tong-ket.html", date(2019, 12, 30)),
    ("https://cafef.vn/gdp-tang-20230405112233456.chn", date(2023, 4, 5)),
    # ids, years in slugs and numbers in titles are not dates
    ("https://bacninh.gov.vn/news/-/details/20182/thu-ngan-sach-11-thang-42482022", None),
    ("https://example.vn/quang-ninh-quy-i2023-thu-noi-dia-124103.html", None),
    ("https://example.vn/thu-ngan-sach-nam-2021-dat-12000-ty-709981.html", None),
    (None, None),
])
def test_url_date(url, expected):
    assert url_date(url) == expected


@pytest.mark.parametrize("text, title, url, published, reference, source", [
    # the manifest or byline date wins
    ("Thu ngân sách đạt 5 tỷ.", None, "https://x.vn/202104/a", date(2021, 5, 2), date(2021, 5, 2), "published"),
    # then the URL's
    ("Thu ngân sách đạt 5 tỷ.", None, "https://x.vn/202104/a", None, date(2021, 4, 30), "published"),
    # then the end of the title's period
    ("Thu nội địa đạt 5 tỷ.", "Quảng Ninh: Quý I/2023, thu nội địa ước đạt 11.270 tỷ đồng", None, None,
     date(2023, 3, 31), "frame"),
    # then the year the text reports on: `cùng kỳ năm 2023` is a comparison, so 2024
    ("Thu ngân sách đạt 5 tỷ, tăng 8% so với cùng kỳ năm 2023.", None, None, None, date(2024, 12, 31), "text"),
    ("Thu ngân sách tăng khá\n\nThu ngân sách đạt 6 tỷ.\n\nNăm 2019 thu 5 tỷ; năm 2020 thu 6 tỷ, tăng 20% so với năm 2019.",
     None, None, None, date(2020, 12, 31), "text"),
    ("Thu ngân sách đạt 5 tỷ.", None, None, None, None, None),
])
def test_reference(text, title, url, published, reference, source):
    frame = document_frame(text, title=title, url=url, published=published)
    assert (frame.reference, frame.reference_from) == (reference, source)


def test_the_lead_frames_when_the_title_is_silent():
    text = "Thu ngân sách tăng mạnh\n\n6 tháng đầu năm 2022, Bắc Ninh thu 14.000 tỷ đồng.\n\nThu nội địa đạt 9.000 tỷ."
    frame = document_frame(text, title="Thu ngân sách tăng mạnh")
    assert (frame.period.start, frame.period.end, frame.period_from) == (date(2022, 1, 1), date(2022, 6, 30), "lead")


def test_a_document_carries_its_frame():
    from pipeline.documents import Document
    doc = Document(path="a.txt", text="Thu ngân sách đạt 5 tỷ.", url="https://x.vn/kinh-te/202304/a",
                   title="Quý I/2023, thu ngân sách đạt 5 tỷ đồng")
    assert (doc.frame.period.start, doc.frame.period_from, doc.frame.published) == (date(2023, 1, 1), "title", date(2023, 4, 30))
