"""Consistency checks flag doubtful figures and keep them."""
from datetime import date
from decimal import Decimal

import pytest

from pipeline import extract
from pipeline.checks import check
from pipeline.figures import Figure


def _flags(text, number, **kwargs):
    kwargs.setdefault("province", "Lạng Sơn")
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


def _figure(indicator, value, unit="count", scope="province", **kwargs):
    return Figure(indicator=indicator, value=Decimal(value), unit=unit, start=kwargs.pop("start", 0),
                  end=kwargs.pop("end", 1), line=1, quote=kwargs.pop("quote", indicator), rule="test",
                  scope=scope, period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), **kwargs)


@pytest.mark.parametrize("figure, flag", [
    (_figure("party_members", "-3"), "out_of_bounds"),
    (_figure("grdp_growth_rank", "0", "rank"), "out_of_bounds"),
    (_figure("admin_on_time_rate", "100.5", "percent"), "rate_over_100"),
    (_figure("admin_on_time_rate", "-2", "percent"), "out_of_bounds"),
    (_figure("budget_revenue_total_yoy_growth", "-120", "percent"), "growth_out_of_band"),
])
def test_catalogue_bounds_flag_a_figure(figure, flag):
    [checked] = check([figure])
    assert flag in checked.flags


@pytest.mark.parametrize("figure", [
    _figure("budget_revenue_total_pct_of_estimate", "262", "percent"),
    _figure("budget_revenue_total_yoy_growth", "174", "percent"),
    _figure("grdp_growth_rank", "63", "rank", of_total=63),
    _figure("grdp_per_capita", "3400", "USD_per_person"),
])
def test_values_inside_the_catalogue_bounds_pass(figure):
    assert check([figure])[0].flags == ()


@pytest.mark.parametrize("province, district, flagged", [
    (_figure("party_members_admitted", "300"), _figure("party_members_admitted", "450", scope="district"), True),
    (_figure("budget_revenue_total", "5", "USD"), _figure("budget_revenue_total", "900", "VND", scope="district"), False),
    (_figure("grdp_per_capita", "50", "VND_per_person"),
     _figure("grdp_per_capita", "60", "VND_per_person", scope="district"), False),
    (_figure("poverty_rate", "5", "percent"), _figure("poverty_rate", "9", "percent", scope="district"), False),
])
def test_only_additive_figures_in_one_unit_compare_a_district_with_its_province(province, district, flagged):
    checked = check([province, district])[1]
    assert ("district_exceeds_province" in checked.flags) is flagged
