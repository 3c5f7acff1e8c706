"""Welfare: average income per person and the share of poor households."""
from pipeline.rules.base import RANGE_END, rule, topic

TOPICS = [
    topic("welfare.income", r"thu nhập (?:bình quân(?: đầu người| (?:một|mỗi) người)?(?: (?:của )?(?:người dân|dân cư))?"
          r"|đầu người|(?:một|mỗi) người)|bình quân thu nhập (?:đầu người|(?:một|mỗi) người)"),
    topic("welfare.poverty", r"(?:tỷ lệ )?hộ nghèo(?! đa chiều thoát)"
          # `còn 4.812 hộ nghèo, tỷ lệ 2,35%`, `hộ nghèo còn 1.250 hộ, chiếm 2,1%`
          r"|(?:chiếm|tỷ lệ)(?<=(?<!cận )hộ nghèo[^;]{0,40}(?:chiếm|tỷ lệ))(?:\s+(?:khoảng|gần|hơn|là|còn))?\s+(?=\d)"),
    # the income of wage earners, of one area, or by the month is not income per person per year
    topic("welfare.other", r"(?<!\w)(?:khu vực|ở|tại|vùng) (?:nông thôn|thành thị)|cận nghèo|thoát nghèo"
          r"|thu nhập[^.;\d]{0,30}?(?:người lao động|công nhân|cán bộ)|thu nhập bình quân[^.;\d]{0,20}?(?:/|một |1 |mỗi )tháng"),
]

RULES = [
    rule("welfare.income", "income_per_capita", "welfare.income", "VND", unless_per=r"tháng"),
    rule("welfare.poverty", "poverty_rate", "welfare.poverty", "percent",
         unless_before=r"(?:giảm|tăng)(?: được| thêm| bình quân)?\s*|\btừ\s*|trong đó\b[^.;\d]{0,60}|" + RANGE_END,
         # `giảm 1.432 hộ nghèo (1,95%)`: the share that left poverty, not the rate
         unless_lead=r"(?:giảm|tăng)(?: được| thêm)?\s+[\d.,]+\s+hộ(?: nghèo)?\s*\(\s*",
         unless_after=r"\s*(?:điểm|/năm|mỗi năm)"),
]

EXAMPLES = [
    ("Hộ nghèo giảm còn 49,72%; thu nhập bình quân đạt 28,2 triệu đồng/người/năm.", {"49,72": "poverty_rate", "28,2": "income_per_capita"}),
    ("Tỷ lệ hộ nghèo giảm còn 0,7%.", {"0,7": "poverty_rate"}),
    ("Thu nhập bình quân đầu người đạt 62 triệu đồng.", {"62": "income_per_capita"}),
    ("Đến cuối năm 2022, tỷ lệ hộ nghèo của tỉnh còn 3,12%.", {"3,12": "poverty_rate"}),
    ("Thu nhập bình quân của người dân ước đạt 45,5 triệu đồng/người/năm.", {"45,5": "income_per_capita"}),
    ("Tỷ lệ hộ nghèo là 5,4%, thu nhập bình quân đầu người 40 triệu đồng.", {"5,4": "poverty_rate", "40": "income_per_capita"}),
    ("Năm 2021, tỷ lệ hộ nghèo ở mức 12,5%.", {"12,5": "poverty_rate"}),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều còn 8,9%.", {"8,9": "poverty_rate"}),
    ("Thu nhập bình quân đạt 35 triệu đồng/người/năm, tỷ lệ hộ nghèo còn 2%.", {"35": "income_per_capita", "2": "poverty_rate"}),
    ("Thu nhập bình quân đầu người năm 2020 đạt 52 triệu đồng.", {"52": "income_per_capita"}),
    # the rate named after a count of poor households; the starting rate of a fall is not loaded
    ("Hộ nghèo còn 1.250 hộ, chiếm 2,1% tổng số hộ.", {"2,1": "poverty_rate"}),
    ("Đến cuối năm 2023, toàn tỉnh còn 4.812 hộ nghèo, tỷ lệ 2,35%.", {"2,35": "poverty_rate"}),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm từ 8,5% xuống còn 6,2%.", {"6,2": "poverty_rate"}),
    ("Tỷ lệ hộ nghèo giảm 1,2 điểm phần trăm, còn 4,8%.", {"4,8": "poverty_rate"}),
    ("Thu nhập bình quân/người/năm đạt 48 triệu đồng.", {"48": "income_per_capita"}),
    ("Bình quân thu nhập đầu người đạt 55 triệu đồng/năm.", {"55": "income_per_capita"}),
    ("Tỷ lệ hộ nghèo đa chiều còn 1,5%, trong đó hộ nghèo dân tộc thiểu số chiếm 60%.", {"1,5": "poverty_rate"}),
]

COUNTER_EXAMPLES = [
    "Năm 2019, số hộ nghèo giảm 1.432 hộ nghèo (1,95%) so với đầu năm.",
    "Trong năm, toàn huyện giảm được 215 hộ (0,82%) so với đầu năm.",
    "Thu nhập bình quân đầu người đạt 4,1 triệu đồng/người/tháng.",
    "Tỷ lệ hộ nghèo giảm 1,2 điểm phần trăm.",
    "Tỷ lệ hộ nghèo giảm bình quân 2%/năm.",
    "Có 1.200 hộ thoát nghèo trong năm.",
    "Tỷ lệ hộ cận nghèo còn 4,1%.",
    "Hỗ trợ 300 hộ nghèo xây nhà.",
    "Còn 2.100 hộ cận nghèo, chiếm 3,4% tổng số hộ.",
    "Thu nhập bình quân của người lao động trong doanh nghiệp đạt 7,2 triệu đồng/tháng.",
    "Thu nhập bình quân đầu người/tháng đạt 4,2 triệu đồng.",
    "Thu nhập bình quân đầu người ở nông thôn đạt 42 triệu đồng.",
    "Tỷ lệ hộ nghèo bình quân mỗi năm giảm 1,5 - 2%.",
]
