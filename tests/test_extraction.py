"""What a figure carries beyond its indicator: place, period, status, estimate, grounding."""
import doctest
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.extraction
from pipeline import extract


def _figure(text, number, **kwargs):
    """A figure needs a province: sentences that name none are read as a provincial paper's
    (the home province a manifest gives), unless the row says otherwise."""
    kwargs.setdefault("province", "Quảng Nam")
    found = [f for f in extract(text, **kwargs) if text[f.start:f.end] == number]
    assert len(found) == 1, extract(text, **kwargs)
    return found[0]


# (text, number, keyword arguments, expected attributes)
ATTRIBUTES = [
    # period: the sentence's own, then the paragraph's, then the document's
    ("Tổng thu ngân sách nhà nước đến cuối tháng 8.2022 là 20.792 tỷ đồng.", "20.792", {},
     {"period_start": date(2022, 1, 1), "period_end": date(2022, 8, 31)}),
    ("Năm 2021, Tỉnh ủy đã ban hành 14 nghị quyết. Dự ước GRDP đạt 12.473,69 tỷ đồng.", "12.473,69", {},
     {"period_start": date(2021, 1, 1), "period_end": date(2021, 12, 31), "estimate": True}),
    ("Tình hình 6 tháng đầu năm 2023.\nThu ngân sách đạt 5.000 tỷ đồng.", "5.000", {},
     {"period_start": date(2023, 1, 1), "period_end": date(2023, 6, 30)}),
    ("6 tháng đầu năm, tổng thu ngân sách đạt 3.370 tỷ đồng.", "3.370", {"published": date(2024, 7, 5)},
     {"period_start": date(2024, 1, 1), "period_end": date(2024, 6, 30)}),
    ("Năm nay, tổng sản phẩm trên địa bàn tăng 8,89% so với năm 2021.", "8,89", {"published": date(2023, 1, 4)},
     {"period_start": date(2022, 1, 1), "period_end": date(2022, 12, 31)}),
    ("Thu ngân sách nhà nước tính đến ngày 15/12/2023 đạt 16.875,32 tỷ đồng.", "16.875,32", {},
     {"period_start": date(2023, 1, 1), "period_end": date(2023, 12, 15)}),
    ("Trong tháng 5/2019 (từ 21/4 đến 20/5/2019), Trung tâm tiếp nhận mới 2.500 hồ sơ.", "2.500", {},
     {"period_start": date(2019, 4, 21), "period_end": date(2019, 5, 20)}),
    # what a sentence declares up front covers its list and its brackets, not past a `;`
    ("Ước 9 tháng năm 2024, GRDP tăng 10,55% so với cùng kỳ (6 tháng tăng 11,29%, quý III tăng 9,09%).", "9,09", {},
     {"estimate": True, "period_start": date(2024, 7, 1)}),
    ("Tỉnh Bình Phước phấn đấu trong năm 2021, GRDP tăng 8,5%, thu ngân sách đạt 12.000 tỷ đồng.", "12.000", {},
     {"status": "planned", "period_start": date(2021, 1, 1)}),
    ("Phấn đấu năm 2026, Nghệ An thu ngân sách 26.000 tỷ đồng, tăng 5% so với năm 2025.", "26.000", {},
     {"status": "planned"}),
    ("Năm 2022, GRDP ước tăng 8,01%, đạt 459 nghìn tỷ đồng; GRDP bình quân đầu người đạt 166 triệu đồng.", "166", {},
     {"estimate": False}),
    ("Có 4 đảng bộ đạt trên 50% chỉ tiêu được giao, bao gồm: Đảng bộ huyện Ninh Phước kết nạp 52 đảng viên mới.", "52", {},
     {"status": "actual"}),
    # a total over one level of government is neither the province's nor one district's
    ("Năm 2020, cấp huyện tiếp 979 lượt công dân.", "979", {"province": "Yên Bái"}, {"scope": "level", "locality": "cấp huyện"}),
    ("Năm 2021, 91 xã, phường, thị trấn trên địa bàn tỉnh đã tiếp nhận 904.497 hồ sơ TTHC các loại.", "904.497",
     {"province": "Bình Dương"}, {"scope": "level", "locality": "cấp xã"}),
    ("Trong năm 2022, UBND cấp xã tiếp nhận 264.610 hồ sơ, trả đúng hạn 264.100 hồ sơ.", "264.100",
     {"province": "Nghệ An"}, {"scope": "level", "locality": "cấp xã"}),
    ("Năm 2022, các huyện, thị xã, thành phố tiếp 2.314 lượt công dân.", "2.314", {"province": "Hà Tĩnh"},
     {"scope": "level", "locality": "cấp huyện"}),
    ("Năm 2022, cấp huyện tiếp 979 lượt công dân; toàn tỉnh tiếp 3.120 lượt công dân.", "3.120", {"province": "Yên Bái"},
     {"scope": "province"}),
    # a list of units after a figure: each unit's own value, read as the figure it continues
    ("Năm 2024, Đảng bộ TP.Tam Kỳ chỉ tiêu phát triển 150 đảng viên mới; Hội An 110; Điện Bàn 150; Công an 12.", "110",
     {"province": "Quảng Nam"}, {"indicator": "party_members_admitted", "status": "planned", "scope": "district", "locality": "Hội An"}),
    ("Năm 2023, thành phố Vinh tiếp nhận 12.500 hồ sơ; Cửa Lò 3.200; Thái Hòa 2.950 và Hoàng Mai 2.100.", "2.100",
     {"province": "Nghệ An"}, {"indicator": "admin_dossiers_received", "scope": "district", "locality": "Hoàng Mai"}),
    ("Quý I/2023, tăng trưởng GRDP của Bắc Ninh giảm 12,59%; Quảng Nam giảm 9,16%; Lai Châu tăng 6,32%.", "9,16", {},
     {"province": "Quảng Nam", "value": Decimal("-9.16")}),
    # a body of the Party city-wide after a district is that body's figure
    ("Năm 2019, Đảng bộ huyện Thới Lai kết nạp 241 ĐV; Đảng bộ Khối Cơ quan Dân Chính Đảng thành phố kết nạp 333 ĐV.", "333",
     {"province": "Cần Thơ"}, {"scope": "organization"}),
    # a title that opens with a district: the document reports on that district
    ("Năm 2018, tổng thu ngân sách trên địa bàn huyện đạt 1.002 tỷ đồng.", "1.002",
     {"province": "Quảng Nam", "title": "Duy Xuyên đạt tổng thu ngân sách 1.002 tỷ đồng"}, {"scope": "district", "locality": "Duy Xuyên"}),
    ("Năm 2022, thu ngân sách ước đạt 285 tỷ đồng.", "285",
     {"province": "Quảng Trị", "title": "Huyện Vĩnh Linh: Nhiều chỉ tiêu kinh tế - xã hội đạt và vượt"}, {"scope": "district", "locality": "Vĩnh Linh"}),
    ("Trong năm 2018, UBND quận tiếp nhận 585.336 hồ sơ hành chính.", "585.336",
     {"province": "TP. Hồ Chí Minh", "title": "TP.HCM: Trong 3 năm, Q.1 chỉ có 1 hồ sơ trễ hẹn"}, {"scope": "district", "locality": "Quận 1"}),
    ("Năm 2023, thu nội địa đạt 8.650 tỷ đồng.", "8.650",
     {"province": "Tây Ninh", "title": "Tây Ninh: Nhiều khoản thu ngân sách vượt dự toán"}, {"scope": "province"}),
    ("Năm 2018, toàn tỉnh thu ngân sách 20.100 tỷ đồng.", "20.100",
     {"province": "Quảng Nam", "title": "Duy Xuyên đạt tổng thu ngân sách 1.002 tỷ đồng"}, {"scope": "province"}),
    # a figure read against another shares its period: a rate and its amount, an amount in
    # another unit, a rank and the growth it ranks (not a bracketed part)
    ("Trong tháng 9/2018, thu ngân sách đạt 3.548 tỷ đồng, lũy kế 35.696 tỷ đồng, bằng 68,2% dự toán.", "68,2", {},
     {"period_start": date(2018, 1, 1), "period_end": date(2018, 9, 30)}),
    ("Tháng 10/2021, Cà Mau thu ngân sách 410 tỷ đồng, lũy kế 4.120 tỷ đồng, tăng 8% so với cùng kỳ.", "8", {},
     {"period_start": date(2021, 1, 1), "period_end": date(2021, 10, 31)}),
    ("Năm 2023, GRDP bình quân đầu người ước đạt 70,2 triệu đồng (tương đương 2.873 USD).", "2.873", {},
     {"estimate": True, "unit": "USD_per_person", "period_end": date(2023, 12, 31)}),
    ("Ước 9 tháng năm 2024, GRDP tăng 10,55% (6 tháng tăng 11,29%, quý III tăng 9,09%), xếp thứ 5/63 tỉnh, thành phố.", "5",
     {}, {"indicator": "grdp_growth_rank", "period_start": date(2024, 1, 1), "period_end": date(2024, 9, 30)}),
    ("Quý I/2024 tăng trưởng GRDP của Bắc Giang đạt 14,2%, trong khi cùng kỳ năm ngoái mới đạt 6,6%, xếp thứ 8/63 tỉnh, thành phố.", "8", {},
     {"indicator": "grdp_growth_rank", "period_start": date(2023, 1, 1)}),
    # a sentence that speaks of the figure before it continues its topic
    ("Thu ngân sách 9 tháng năm 2025 đạt 13.547 tỷ đồng. Kết quả này bằng 100% dự toán Trung ương giao.", "100", {},
     {"indicator": "budget_revenue_total_pct_of_estimate", "period_end": date(2025, 9, 30)}),
    ("Thu nội địa năm 2022 đạt 9.870 tỷ đồng. Con số này tăng 12% so với năm 2021.", "12", {},
     {"indicator": "budget_revenue_domestic_yoy_growth"}),
    ("GRDP năm 2023 tăng 7,2%. Với kết quả này, tỉnh xếp thứ 12/63 tỉnh, thành phố.", "12", {},
     {"indicator": "grdp_growth_rank"}),
    # a round-up: each value is the province's it is written with, and a forecast is an estimate
    ("Theo dự báo tăng trưởng GRDP, Hà Nội tăng 5,97%, xếp thứ 30/63 tỉnh, thành phố; Đà Nẵng 3,74%, xếp thứ 46.", "3,74",
     {"published": date(2023, 7, 1)}, {"province": "Đà Nẵng", "estimate": True}),
    ("Theo sau là Thanh Hóa, Khánh Hòa và Hà Nam, với tăng trưởng GRDP quý I/2024 lần lượt ở mức 13,2%, 12,4% và 11%.", "12,4",
     {}, {"province": "Khánh Hòa", "indicator": "grdp_growth"}),
    ("Tổng thu ngân sách đạt 3.370 tỷ đồng, tăng 17,7% so với cùng kỳ năm 2023.", "3.370", {},
     {"period_start": None}),
    ("Tổng sản phẩm trong tỉnh tăng 6,64%.\nTrên cơ sở số liệu 11 tháng và ước tính tháng 12/2017, Cục Thống kê "
     "đánh giá tình hình kinh tế - xã hội năm 2017.", "6,64", {},
     {"period_start": date(2017, 1, 1), "period_end": date(2017, 12, 31)}),
    ("Tổng sản phẩm trên địa bàn 6 tháng của tỉnh tăng 2,41%, so cùng kỳ năm 2022.", "2,41", {},
     {"period_start": date(2023, 1, 1), "period_end": date(2023, 6, 30)}),
    # a stock is dated: now (the publication date) or the end of the reported period
    ("Đảng bộ huyện Tuần Giáo hiện có 58 tổ chức cơ sở Đảng với 4.883 đảng viên.", "4.883", {"published": date(2022, 4, 4)},
     {"period_start": date(2022, 4, 4), "period_end": date(2022, 4, 4), "scope": "district", "locality": "Tuần Giáo",
      "province": "Điện Biên"}),
    # place: the province given, a district named in the paragraph, a province named in a national text
    ("Năm 2022, toàn tỉnh đã tiếp 4.209 lượt công dân.", "4.209", {"province": "Lạng Sơn"},
     {"province": "Lạng Sơn", "province_code": "20", "scope": "province"}),
    ("Quý I/2023, tăng trưởng GRDP của Hậu Giang đạt 12,67%.", "12,67", {"province": "Bình Thuận"},
     {"province": "Hậu Giang", "period_end": date(2023, 3, 31)}),
    ("Tổng sản phẩm quý I/2023 của các tỉnh: Hậu Giang tăng 12,67%.", "12,67", {},
     {"province": "Hậu Giang"}),
    ("ĐBP - Năm 2021, thành phố Hà Nội và tỉnh Sơn La đều tăng thu.\nNăm 2021, tổng thu ngân sách đạt 2.000 tỷ đồng.",
     "2.000", {"province": None}, {"province": "Điện Biên", "province_code": "11"}),
    ("Năm 2020, tổng thu ngân sách của tỉnh Tiền Giang đạt 10.000 tỷ đồng.", "10.000", {},
     {"province": "Tiền Giang", "province_code": "82"}),
    # an agency as the subject makes an organisation's figure; a source does not
    ("Năm 2020, Trung tâm Phục vụ hành chính công (trung tâm) tỉnh đã tiếp nhận 61,3 ngàn hồ sơ.", "61,3", {"province": "Bến Tre"},
     {"scope": "organization", "locality": "Trung tâm Phục vụ hành chính công", "province": "Bến Tre"}),
    ("Quý III/2020, các cơ quan tiếp nhận nhiều là: Công an tỉnh 7,7 ngàn HS, Sở Tài nguyên và Môi trường 2,25 ngàn HS.",
     "2,25", {}, {"scope": "organization", "locality": "Sở Tài nguyên và Môi trường"}),
    ("Theo báo cáo của Sở Tài chính, năm 2023 tổng thu ngân sách đạt 10.000 tỷ đồng.", "10.000", {}, {"scope": "province"}),
    ("Năm 2022, Sở Tư pháp cho biết toàn tỉnh đã tiếp nhận 5.000 hồ sơ.", "5.000", {}, {"scope": "province"}),
    # status and estimate
    ("Năm 2022, TP. HCM được Trung ương giao thu ngân sách là 386.568 tỷ đồng.", "386.568", {},
     {"status": "planned", "province": "Hồ Chí Minh"}),
    ("Tổng sản phẩm trên địa bàn GRDP năm 2021 tăng từ 8,5% trở lên.", "8,5", {}, {"status": "planned"}),
    ("Năm 2023 GRDP tăng 7,2%, vượt kế hoạch đề ra (7%).", "7", {}, {"status": "planned", "indicator": "grdp_growth"}),
    ("Năm 2023 GRDP tăng 7,2%, vượt kế hoạch đề ra (7%).", "7,2", {}, {"status": "actual"}),
    ("Tổng thu ngân sách năm 2020 ước đạt 5.700 tỷ đồng, bằng 100% dự toán năm.", "100", {},
     {"estimate": True, "basis": "dự toán năm", "status": "actual"}),
    ("Bình quân đầu người năm 2022 ước đạt 51,72 triệu đồng (tăng 10,9%).", "10,9", {}, {"estimate": False}),
    ("Cả năm 2022, tốc độ tăng tổng sản phẩm trên địa bàn ước tăng 12,64%. Với kết quả này, tỉnh có tốc độ tăng GRDP "
     "đứng thứ 6 so với cả nước.", "6", {}, {"estimate": True, "indicator": "grdp_growth_rank"}),
    # inheritance along a sentence stops at a new time frame or a parenthesis; breakdowns inherit
    ("Chi ngân sách tháng 11/2023 ước đạt 852 tỷ đồng, lũy kế 11 tháng đạt 8.809 tỷ đồng.", "8.809", {},
     {"estimate": False, "period_end": date(2023, 11, 30)}),
    ("Năm 2023 tăng trưởng kinh tế dự kiến đạt 8,05%, cao so với năm 2022 (Năm 2022 đạt 2,54%).", "2,54", {},
     {"status": "actual", "period_start": date(2022, 1, 1)}),
    ("Năm 2022 tỉnh thu ngân sách ước đạt 35.440 tỷ đồng. Trong đó, thu nội địa là 22.940 tỷ đồng, đạt 59% dự toán; "
     "thu xuất nhập khẩu là 12.500 tỷ đồng.", "12.500", {}, {"estimate": True, "indicator": "budget_revenue_import_export"}),
    # the denominator of a part/total is the total's figure when nothing else states it
    ("Năm 2021, các cơ quan đã giải quyết được 238/316 vụ việc, đạt tỷ lệ 88,9%.", "316", {},
     {"indicator": "complaints_in_jurisdiction", "value": Decimal(316), "rule": "complaints.resolved.total"}),
    # grounding and qualifiers
    ("Năm 2022 đã giải quyết 149 đơn/158 đơn, đạt 94,3%.", "149", {},
     {"of_total": Decimal(158), "line": 1, "rule": "complaints.resolved", "unit": "count"}),
    ("Năm 2022, thu ngân sách đạt hơn 66.000 tỷ đồng.", "66.000", {}, {"bound": "over", "value": Decimal("66000000000000")}),
    # a slash is part of a total only where the indicator is a part
    ("6 tháng đầu năm 2020 đã tiếp 866 lượt/964 lượt người.", "866", {}, {"of_total": None, "value": Decimal(866)}),
    ("Nhiệm kỳ 2015 - 2020 phát triển đảng viên mới 8.793/6.500 đảng viên.", "8.793", {}, {"of_total": None}),
    ("Năm 2022 đã kết thúc 16/20 cuộc thanh tra.", "16", {}, {"of_total": Decimal(20)}),
    ("Tiêu đề\n\nNăm 2022, tổng thu ngân sách đạt 9.000 tỷ đồng.", "9.000", {}, {"line": 3}),
]


@pytest.mark.parametrize("text, number, kwargs, expected", ATTRIBUTES)
def test_figure_attributes(text, number, kwargs, expected):
    figure = _figure(text, number, **kwargs)
    assert {k: getattr(figure, k) for k in expected} == expected


def test_offsets_quote_and_identity_are_grounded():
    text = "Trang chủ\nNăm 2022, các cơ quan đã tiếp 4.209 lượt công dân, tiếp nhận 4.662 đơn."
    figures = extract(text, document="a.txt", province="Lạng Sơn")
    assert [text[f.start:f.end] for f in figures] == ["4.209", "4.662"]
    assert all(f.quote in text and f.line == 2 for f in figures)
    assert len({f.key for f in figures}) == 2
    assert [f.key for f in extract(text, document="a.txt", province="Lạng Sơn")] == [f.key for f in figures]
    assert figures[0].key != extract(text, document="b.txt", province="Lạng Sơn")[0].key


def test_a_headline_repeating_the_body_is_kept_once():
    text = "Toàn tỉnh kết nạp 288 đảng viên\n\nNăm 2022, các đảng bộ kết nạp được 288 đảng viên mới."
    [figure] = extract(text, province="Ninh Thuận")
    assert figure.line == 3


@pytest.mark.parametrize("text", [
    "Lượt xem: 9487 In bài viết",
    "Thực hiện Kế hoạch số 33-KH/TU ngày 14/9/2021 của Ban Thường vụ Tỉnh ủy.",
    "Tăng trưởng GRDP của cả nước đạt 8,02%.",
    "",
])
def test_texts_without_catalogue_figures(text):
    assert extract(text, province="Quảng Nam") == []


def test_docstring_examples():
    assert doctest.testmod(pipeline.extraction).failed == 0


_WORDS = ["Năm 2022", "tổng thu ngân sách", "đạt", "tăng", "12.473,69", "tỷ đồng", "%", "dự toán", "so với cùng kỳ",
          "huyện Tuần Giáo", "tỉnh Lạng Sơn", "ban hành", "14", "nghị quyết", ",", ";", ".", "\n", "(", ")", "quý I/2021",
          "xếp thứ", "2/5", "đơn", "giải quyết", "149 đơn/158 đơn", "ước", "hiện có", "đảng viên", "cả nước"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=8)), max_size=40).map(" ".join),
       st.one_of(st.none(), st.dates()))
def test_extract_never_raises_and_stays_grounded(text, published):
    for f in extract(text, published=published):
        assert 0 <= f.start < f.end <= len(text)
        assert f.quote in text
        assert text[f.start:f.end] in f.quote


@pytest.mark.parametrize("text", [
    "Quý I/2025, GDP cả nước tăng 6,93% so với cùng kỳ năm trước.",
    "Năm 2023, vùng Đông Nam Bộ thu ngân sách đạt 520.000 tỷ đồng.",
    "Theo khảo sát, năm 2022 tổng thu ngân sách đạt 1.800.000 tỷ đồng.",
])
def test_a_figure_of_no_province_is_not_emitted(text):
    assert extract(text) == []


@pytest.mark.parametrize("text", [
    "Năm 2024, tăng trưởng GRDP của các huyện dao động từ 5,84% đến 11,89%.",
    "Năm 2024, tăng trưởng GRDP của tỉnh cao hơn 1,04% so với cùng kỳ năm trước.",
    "Năm 2024, tỉnh phấn đấu thu ngân sách từ 12.000 - 12.500 tỷ đồng.",
    # a region's figure in a province's paper is not the province's
    "Tốc độ tăng GRDP của vùng trong 9 tháng năm 2024 đạt bình quân 6,8% so với cùng kỳ năm 2023.",
])
def test_ranges_and_gaps_between_rates_are_not_levels(text):
    assert extract(text, province="Lâm Đồng") == []


@pytest.mark.parametrize("text", [
    "Năm 2025, tỉnh còn 5.830 hồ sơ quá hạn, trong đó đặc khu Phú Quốc có 3.845 hồ sơ (chiếm 65,9%).",
    "Năm 2023, Trung tâm tiếp nhận 2.100 đơn, chiếm 40% tổng số đơn của tỉnh.",
])
def test_a_share_of_a_total_is_not_the_total(text):
    assert [text[f.start:f.end] for f in extract(text, province="An Giang") if text[f.start:f.end] in ("3.845", "2.100")] == []


def test_a_total_that_is_a_share_of_the_population_stays():
    text = "Quý I/2021, toàn tỉnh kết nạp 178 đảng viên mới, nâng tổng số toàn Đảng bộ tỉnh 47.174 đảng viên, chiếm tỷ lệ khoảng 3,9% dân số."
    assert [text[f.start:f.end] for f in extract(text, province="Lâm Đồng")] == ["178", "47.174"]


def test_a_rate_that_moved_is_one_figure():
    text = "6 tháng đầu năm 2019, tốc độ tăng trưởng kinh tế đạt 6,81% (tăng 1% so với cùng kỳ năm 2018)."
    assert [text[f.start:f.end] for f in extract(text, province="Yên Bái")] == ["6,81"]


def test_the_same_figure_is_emitted_once_a_province_is_known():
    text = "Năm 2023, tổng thu ngân sách đạt 18.000 tỷ đồng."
    assert [f.province for f in extract(text, province="Nghệ An")] == ["Nghệ An"]


def test_a_report_table_gives_each_cell_its_column_year_and_kind():
    text = ("Các chỉ tiêu chủ yếu\n"
            "Chỉ tiêu | Thực hiện 2022 | Kế hoạch 2023 | Ước thực hiện 2023\n"
            "Thu ngân sách nhà nước (tỷ đồng) | 7.788 | 7.213,5 | 7.787\n"
            "Tỷ lệ hộ nghèo (%) | 3,2 | 2,5 | 2,4\n")
    got = [(text[f.start:f.end], f.indicator, f.value, f.period_start.year, f.status, f.estimate)
           for f in extract(text, province="Thừa Thiên Huế")]
    assert got == [
        ("7.788", "budget_revenue_total", Decimal("7788000000000"), 2022, "actual", False),
        ("7.213,5", "budget_revenue_total", Decimal("7213500000000"), 2023, "planned", False),
        ("7.787", "budget_revenue_total", Decimal("7787000000000"), 2023, "actual", True),
        ("3,2", "poverty_rate", Decimal("3.2"), 2022, "actual", False),
        ("2,5", "poverty_rate", Decimal("2.5"), 2023, "planned", False),
        ("2,4", "poverty_rate", Decimal("2.4"), 2023, "actual", True),
    ]


@pytest.mark.parametrize("text, number, start, end", [
    # a rate against a basis shares the period of the amount it follows, through a chain of rates
    ("Trong tháng 9/2018, thu ngân sách đạt 3.548 tỷ đồng, lũy kế hơn 35.696 tỷ đồng, bằng 68,2% dự toán, "
     "tăng 11,2% so với cùng kỳ năm ngoái.", "11,2", date(2018, 1, 1), date(2018, 9, 30)),
    # the year of the estimate a rate is measured against is not the figure's period
    ("Tính chung 11 tháng năm 2022, tổng thu ngân sách ước đạt 28.267 tỷ đồng, bằng 92,5% dự toán năm 2022. "
     "Tổng chi ngân sách địa phương ước đạt 12.708 tỷ đồng.", "12.708", date(2022, 1, 1), date(2022, 11, 30)),
    # a rank in the next sentence ranks the growth outside the brackets
    ("Ước 9 tháng năm 2024, GRDP tăng 10,55% (6 tháng tăng 11,29%, quý III tăng 9,09%). (xếp thứ 3/14 tỉnh vùng "
     "trung du và miền núi phía Bắc, xếp thứ 5/63 tỉnh, thành phố).", "5", date(2024, 1, 1), date(2024, 9, 30)),
])
def test_a_figure_read_against_another_shares_its_period(text, number, start, end):
    [figure] = [f for f in extract(text, province="Bình Dương") if text[f.start:f.end] == number]
    assert (figure.period_start, figure.period_end) == (start, end)
