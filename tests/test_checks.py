"""Consistency checks flag doubtful figures and keep them."""
import pytest

from pipeline import extract


def _flags(text, number, **kwargs):
    [figure] = [f for f in extract(text, **kwargs) if text[f.start:f.end] == number]
    return figure.flags


@pytest.mark.parametrize("text, number, flag", [
    ("Năm 2022 đã giải quyết 149 đơn/158 đơn, đạt 98,3%.", "98,3", "rate_mismatch:94.3"),
    ("Năm 2022 có 85 đơn khiếu nại thuộc thẩm quyền, đã giải quyết 80 đơn, đạt 70%.", "70", "rate_mismatch:94.1"),
    ("Năm 2021, tỷ lệ hộ nghèo còn 112%.", "112", "rate_over_100"),
    ("Năm 2022, tốc độ tăng trưởng kinh tế đạt 72,5%.", "72,5", "growth_out_of_band"),
    ("Năm 2022 đã kết thúc 25/20 cuộc thanh tra.", "25", "part_exceeds_total"),
    ("Năm 2022, tỉnh kết nạp 300 đảng viên mới. Đảng bộ huyện Tuần Giáo năm 2022 kết nạp 450 đảng viên mới.", "450",
     "district_exceeds_province"),
])
def test_doubtful_figures_are_flagged_not_dropped(text, number, flag):
    assert flag in _flags(text, number)


@pytest.mark.parametrize("text, number", [
    ("Năm 2022 đã giải quyết 149 đơn/158 đơn, đạt 94,3%.", "94,3"),
    ("Năm 2022, tốc độ tăng trưởng kinh tế đạt 8,05%.", "8,05"),
    ("Năm 2022, tổng thu ngân sách đạt 123% dự toán.", "123"),
    ("Năm 2022 đã kết thúc 16/20 cuộc thanh tra.", "16"),
])
def test_consistent_figures_carry_no_flag(text, number):
    assert _flags(text, number) == ()
