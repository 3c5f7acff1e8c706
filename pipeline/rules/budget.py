"""State budget: revenue collected (total, domestic, import-export), local revenue, spending."""
from pipeline.rules.base import (CHANGE_VERB, ESTIMATE_BEFORE, RANGE_END, SAME_PERIOD_BEFORE, VS_ESTIMATE, VS_SAME_PERIOD,
                                 rule, topic)

# `vượt mốc 1.000 tỷ đồng`, `năm đầu tiên thu ngân sách trên 100.000 tỷ đồng`, `CLB thu ngân sách
# trên 100.000 tỷ đồng`: a milestone, not the amount collected
_MILESTONE = r"vượt (?:mốc|ngưỡng|mức)\s*|(?:lần|năm) đầu(?: tiên)?[^.;\d]{0,60}|(?:CLB|câu lạc bộ)[^.;\d]{0,40}"

TOPICS = [
    topic("budget.total", r"(?:tổng )?thu (?:cân đối )?(?:ngân sách|NSNN)(?! (?:địa phương|thành phố Hà Nội do))(?: nhà nước)?|(?:tỉnh|thành phố|toàn tỉnh|ngành thuế)[^,.;\d]{0,25}?thu được(?= \d)|thu ngân sách"),
    topic("budget.domestic", r"thu (?:ngân sách )?nội địa"),
    topic("budget.import_export", r"thu (?:thuế )?(?:từ )?(?:hoạt động |lĩnh vực )?(?:xuất(?: khẩu)?,? nhập khẩu|XNK)|thu (?:từ )?hải quan"),
    topic("budget.local", r"(?:tổng )?thu (?:ngân sách địa phương|NSĐP)"),
    topic("budget.spending", r"(?:tổng )?chi (?:cân đối )?(?:ngân sách(?: nhà nước| địa phương)?|NSĐP|NSNN)"),
    # items of revenue outside the catalogue: they close the topic so their rates are not misread
    topic("budget.other", r"thu (?:từ )?(?:xổ số|doanh nghiệp|dầu thô|tiền sử dụng đất|thuế(?! xuất)|phí|khu vực)|thu nội địa thực hiện|do cơ quan thuế quản lý|chi (?:đầu tư|thường xuyên|trả nợ|cho)|giải ngân|vốn đầu tư"
          # the local share under decentralisation and central transfers are parts of local revenue
          r"|(?:ngân sách địa phương|NSĐP) (?:được )?hưởng|thu bổ sung|bổ sung (?:cân đối|có mục tiêu)"),
]

RULES = [
    rule("budget.total.amount", "budget_revenue_total", "budget.total", "VND", unless_before=_MILESTONE),
    rule("budget.total.pct_estimate", "budget_revenue_total_pct_of_estimate", "budget.total", "percent", after=VS_ESTIMATE, unless_before=RANGE_END, reading="of_estimate"),
    rule("budget.total.yoy", "budget_revenue_total_yoy_growth", "budget.total", "percent", after=VS_SAME_PERIOD, unless_before=RANGE_END, reading="change"),
    rule("budget.total.estimate_first", "budget_revenue_total_pct_of_estimate", "budget.total", "percent", before=ESTIMATE_BEFORE, reading="of_estimate"),
    rule("budget.total.change", "budget_revenue_total_yoy_growth", "budget.total", "percent", before=CHANGE_VERB, unless_before=RANGE_END, reading="change"),
    rule("budget.total.same_period_first", "budget_revenue_total_yoy_growth", "budget.total", "percent", before=SAME_PERIOD_BEFORE, reading="change"),
    rule("budget.domestic.amount", "budget_revenue_domestic", "budget.domestic", "VND"),
    rule("budget.domestic.pct_estimate", "budget_revenue_domestic_pct_of_estimate", "budget.domestic", "percent", after=VS_ESTIMATE, unless_before=RANGE_END, reading="of_estimate"),
    rule("budget.domestic.yoy", "budget_revenue_domestic_yoy_growth", "budget.domestic", "percent", after=VS_SAME_PERIOD, unless_before=RANGE_END, reading="change"),
    rule("budget.domestic.estimate_first", "budget_revenue_domestic_pct_of_estimate", "budget.domestic", "percent", before=ESTIMATE_BEFORE, reading="of_estimate"),
    rule("budget.domestic.change", "budget_revenue_domestic_yoy_growth", "budget.domestic", "percent", before=CHANGE_VERB, unless_before=RANGE_END, reading="change"),
    rule("budget.domestic.same_period_first", "budget_revenue_domestic_yoy_growth", "budget.domestic", "percent", before=SAME_PERIOD_BEFORE, reading="change"),
    rule("budget.import_export.amount", "budget_revenue_import_export", "budget.import_export", "VND"),
    rule("budget.local.amount", "budget_revenue_local", "budget.local", "VND"),
    rule("budget.spending.amount", "budget_expenditure_local", "budget.spending", "VND"),
]

# (sentence, {number as written: indicator}) — every figure the sentence yields, no more.
EXAMPLES = [
    ("Tổng thu ngân sách nhà nước đến cuối tháng 8.2022 là 20.792 tỷ đồng, đạt 88% dự toán, tăng 49% so với cùng kỳ; trong đó thu nội địa đạt 16.480 tỷ đồng, đạt 87% dự toán, tăng 34% so với cùng kỳ.",
     {"20.792": "budget_revenue_total", "88": "budget_revenue_total_pct_of_estimate", "49": "budget_revenue_total_yoy_growth",
      "16.480": "budget_revenue_domestic", "87": "budget_revenue_domestic_pct_of_estimate", "34": "budget_revenue_domestic_yoy_growth"}),
    ("Tổng thu ngân sách nhà nước năm 2021 trên địa bàn tỉnh là 23.773 tỷ đồng, đạt 123% so với dự toán.",
     {"23.773": "budget_revenue_total", "123": "budget_revenue_total_pct_of_estimate"}),
    ("Năm 2020, tổng thu ngân sách toàn tỉnh đạt 17.363 tỷ đồng, đạt 111,6% dự toán HĐND tỉnh điều chỉnh, tăng 7,3% so với cùng kỳ năm 2019.",
     {"17.363": "budget_revenue_total", "111,6": "budget_revenue_total_pct_of_estimate", "7,3": "budget_revenue_total_yoy_growth"}),
    ("6 tháng đầu năm, tỉnh thu ngân sách ước đạt 35.440 tỷ đồng, hoàn thành 64% so dự toán và bằng 91% so với cùng kỳ.",
     {"35.440": "budget_revenue_total", "64": "budget_revenue_total_pct_of_estimate", "91": "budget_revenue_total_yoy_growth"}),
    ("Thu nội địa là 22.940 tỷ đồng, đạt 59% so với dự toán; thu lĩnh vực xuất, nhập khẩu là 12.500 tỷ đồng.",
     {"22.940": "budget_revenue_domestic", "59": "budget_revenue_domestic_pct_of_estimate", "12.500": "budget_revenue_import_export"}),
    ("Tổng thu ngân sách trên địa bàn ước đạt trên 20.900 tỷ đồng, bằng 115,9% dự toán năm 2021, tăng 42,4% so với năm 2020.",
     {"20.900": "budget_revenue_total", "115,9": "budget_revenue_total_pct_of_estimate", "42,4": "budget_revenue_total_yoy_growth"}),
    # written relative to the estimate or last year: the value is what the catalogue means
    ("Đến giữa tháng 12, thành phố đã thu được 457.500 tỷ đồng, vượt 18,4% dự toán được giao và tăng hơn 17% so với cùng kỳ.",
     {"457.500": "budget_revenue_total", "18,4": "budget_revenue_total_pct_of_estimate", "17": "budget_revenue_total_yoy_growth"}),
    ("Tổng thu ngân sách địa phương ước đạt 10.329,4 tỷ đồng.", {"10.329,4": "budget_revenue_local"}),
    ("Năm 2023, ngành thuế tỉnh đã thu được 8.500 tỷ đồng.", {"8.500": "budget_revenue_total"}),
    ("Thu từ hoạt động xuất nhập khẩu đạt 1.417 tỷ, vượt 1,25% dự toán năm.", {"1.417": "budget_revenue_import_export"}),
    # an aside in brackets does not take over the rate that follows it
    ("Tổng thu ngân sách ước đạt 3.650 tỷ đồng (trong đó thu nội địa 3.200 tỷ đồng), vượt 8% kế hoạch.",
     {"3.650": "budget_revenue_total", "3.200": "budget_revenue_domestic", "8": "budget_revenue_total_pct_of_estimate"}),
    # the basis before the number
    ("Tổng thu ngân sách đạt 10.250 tỷ đồng, vượt dự toán 12%, tăng so với cùng kỳ 15,2%; thu nội địa đạt 6.000 tỷ đồng, bằng so với dự toán 98%.",
     {"10.250": "budget_revenue_total", "12": "budget_revenue_total_pct_of_estimate", "15,2": "budget_revenue_total_yoy_growth",
      "6.000": "budget_revenue_domestic", "98": "budget_revenue_domestic_pct_of_estimate"}),
    ("Chi ngân sách ước đạt 18.500 tỷ đồng.", {"18.500": "budget_expenditure_local"}),
    ("Thu cân đối ngân sách nhà nước 9 tháng đạt 7.820 tỷ đồng, bằng 78,5% dự toán năm.",
     {"7.820": "budget_revenue_total", "78,5": "budget_revenue_total_pct_of_estimate"}),
    ("Thu từ hoạt động xuất nhập khẩu đạt 1.417 tỷ đồng; thu nội địa 8.650,68 tỷ đồng, bằng 90,11% dự toán.",
     {"1.417": "budget_revenue_import_export", "8.650,68": "budget_revenue_domestic", "90,11": "budget_revenue_domestic_pct_of_estimate"}),
    ("Thu ngân sách nhà nước đạt 16.875,32 tỷ đồng (giảm 2,63% so với cùng kỳ).",
     {"16.875,32": "budget_revenue_total", "2,63": "budget_revenue_total_yoy_growth"}),
    ("Thu thuế xuất nhập khẩu đạt 2.150 tỷ đồng; chi ngân sách địa phương 12.400 tỷ đồng, trong đó chi đầu tư phát triển 4.100 tỷ đồng.",
     {"2.150": "budget_revenue_import_export", "12.400": "budget_expenditure_local"}),
    ("Tổng thu NSNN trên địa bàn đạt 9.876 tỷ đồng, đạt 87% dự toán và tăng 34% so với cùng kỳ.",
     {"9.876": "budget_revenue_total", "87": "budget_revenue_total_pct_of_estimate", "34": "budget_revenue_total_yoy_growth"}),
    ("Tổng thu ngân sách ước đạt 3.370 tỷ đồng, tăng 17,7% so với cùng kỳ năm 2023, đạt 59,9% so với dự toán Trung ương giao.",
     {"3.370": "budget_revenue_total", "17,7": "budget_revenue_total_yoy_growth", "59,9": "budget_revenue_total_pct_of_estimate"}),
    # the rate before the amount; `so với` dropped; abbreviations
    ("Thu ngân sách nhà nước ước đạt 105,2% dự toán, tương đương 6.215 tỷ đồng.",
     {"105,2": "budget_revenue_total_pct_of_estimate", "6.215": "budget_revenue_total"}),
    ("Thu NSNN trên địa bàn tỉnh năm 2019 đạt 4.215 tỷ đồng, tăng 15,7% so với năm 2018, vượt 5,4% dự toán.",
     {"4.215": "budget_revenue_total", "15,7": "budget_revenue_total_yoy_growth", "5,4": "budget_revenue_total_pct_of_estimate"}),
    ("Số thu nội địa (không kể tiền sử dụng đất và xổ số kiến thiết) đạt 5.600 tỷ đồng, bằng 110% cùng kỳ.",
     {"5.600": "budget_revenue_domestic", "110": "budget_revenue_domestic_yoy_growth"}),
    ("Năm 2017, thu ngân sách trên địa bàn đạt 1.024 tỷ đồng, lần đầu tiên vượt mốc 1.000 tỷ đồng.", {"1.024": "budget_revenue_total"}),
    ("Tổng thu ngân sách địa phương năm 2023 ước đạt 21.450 tỷ đồng, trong đó thu bổ sung từ ngân sách Trung ương 12.300 tỷ đồng.",
     {"21.450": "budget_revenue_local"}),
    ("Tổng chi NSĐP ước thực hiện 19.870 tỷ đồng, đạt 102% dự toán.", {"19.870": "budget_expenditure_local"}),
    ("Thu NSNN trên địa bàn đạt 104.340 tỷ đồng, tăng 6,1% so với năm trước, đạt 100,3% dự toán; trong đó thu nội địa đạt 82.500 tỷ đồng, thu từ dầu thô 12.000 tỷ đồng, thu từ hoạt động XNK 9.800 tỷ đồng.",
     {"104.340": "budget_revenue_total", "6,1": "budget_revenue_total_yoy_growth", "100,3": "budget_revenue_total_pct_of_estimate",
      "82.500": "budget_revenue_domestic", "9.800": "budget_revenue_import_export"}),
    ("Thu ngân sách đạt 5.000 tỷ đồng, vượt 10 - 15% dự toán.", {"5.000": "budget_revenue_total"}),
    ("Thu ngân sách năm 2023 vượt mức 20.000 tỉ đồng (thực hiện 21.275 tỉ đồng, đạt 134,2% dự toán).",
     {"21.275": "budget_revenue_total", "134,2": "budget_revenue_total_pct_of_estimate"}),
    # an agency that collects is not a sector of the economy
    ("Thu từ lĩnh vực xuất nhập khẩu do ngành Hải quan quản lý đạt hơn 1.352 tỷ đồng.", {"1.352": "budget_revenue_import_export"}),
    ("Số thu do ngành Thuế quản lý đạt 9.100 tỷ đồng; thu từ hải quan đạt 600 tỷ đồng.", {"600": "budget_revenue_import_export"}),
    # `thu ngân sách nội địa` is domestic revenue
    ("Thu ngân sách nội địa ước đạt 21,5 ngàn tỷ đồng, đạt 63% so với dự toán năm.",
     {"21,5": "budget_revenue_domestic", "63": "budget_revenue_domestic_pct_of_estimate"}),
    ("Tổng thu ngân sách nội địa của Hải Dương đạt 14.820 tỷ đồng, tăng 9%.",
     {"14.820": "budget_revenue_domestic", "9": "budget_revenue_domestic_yoy_growth"}),
    # a change stated against the estimate, then its percentage in brackets
    ("Thu ngân sách đạt 12.498 tỷ đồng, tăng 3.488 tỷ đồng so với dự toán (tăng 38%).",
     {"12.498": "budget_revenue_total", "38": "budget_revenue_total_pct_of_estimate"}),
    ("Thu nội địa đạt 6.200 tỷ đồng, cao hơn 700 tỷ đồng so với kế hoạch (vượt 12,7%).",
     {"6.200": "budget_revenue_domestic", "12,7": "budget_revenue_domestic_pct_of_estimate"}),
    ("Tổng thu ngân sách đạt 8.100 tỷ đồng, giảm 300 tỷ đồng so với cùng kỳ (giảm 3,6%).",
     {"8.100": "budget_revenue_total", "3,6": "budget_revenue_total_yoy_growth"}),
]

COUNTER_EXAMPLES = [
    "Kim ngạch xuất khẩu 6 tháng ước hơn 13,2 tỷ USD, tăng 13% so với cùng kỳ.",
    "Thu từ xổ số kiến thiết đạt 2.013 tỷ đồng, tăng 19,63% so với cùng kỳ.",
    "Thu ngân sách thành phố Hà Nội do cơ quan Thuế quản lý đạt 304.000 tỷ đồng.",
    "Thực hiện Kế hoạch số 33-KH/TU ngày 14/9/2021 về thu ngân sách.",
    "Vốn đầu tư công giải ngân đạt 5.200 tỷ đồng, bằng 60% kế hoạch.",
    "Đảng bộ có 61 mô hình, công trình hoàn thành với tổng trị giá hơn 6 tỷ đồng.",
    "Tổng thu ngân sách là nhiệm vụ trọng tâm của năm 2022.",
    "Bà con thu hoạch 1.200 tấn lúa, thu được 5 tỷ đồng.",
    "Ban tổ chức đã thu được 500 triệu đồng từ bán vé.",
    # the local share of revenue is a part of local revenue, not the catalogue's total
    "Thu ngân sách địa phương được hưởng theo phân cấp đạt 7.950 tỷ đồng.",
    "Doanh thu du lịch ước đạt 2.350 tỷ đồng, tăng 25% so với cùng kỳ.",
    "Trong 9 tháng, tỉnh thu hút đầu tư 35 dự án với tổng vốn đăng ký 12.000 tỷ đồng.",
    "Các doanh nghiệp trong khu công nghiệp nộp ngân sách 2.300 tỷ đồng.",
    "Năm 2022 là năm đầu tiên tỉnh thu ngân sách vượt 10.000 tỷ đồng.",
    "Tỉnh gia nhập câu lạc bộ thu ngân sách trên 50.000 tỷ đồng.",
]
