"""GRDP: growth, value, per-capita value, and the province's national and regional rank."""
from pipeline.rules.base import VS_ESTIMATE, rule, topic

TOPICS = [
    topic("grdp", r"GRDP(?! bình quân đầu người)|tổng sản phẩm(?: quốc nội| trên địa bàn| trong tỉnh| địa phương)?|tăng trưởng kinh tế|tốc độ tăng trưởng(?! (?:tín dụng|xuất khẩu|doanh thu))|quy mô (?:nền )?kinh tế|(?:nền )?kinh tế (?:của tỉnh |toàn tỉnh )?(?=tăng)"),
    topic("grdp.per_capita", r"(?:GRDP )?(?<!thu nhập )bình quân đầu người|GRDP bình quân(?! (?:tăng|giai đoạn|hằng|hàng|mỗi|cả))"),
    # a round-up of provinces: `mức tăng trưởng` beside the names, `dẫn đầu là Bắc Giang (13,82%)`
    topic("grdp.roundup", r"(?:mức |tốc độ |dự báo |có )?tăng trưởng(?! (?:tín dụng|xuất khẩu|doanh thu|công nghiệp|du lịch|bán lẻ))|mức tăng(?! (?:giá|lương))", roundup=True),
    # shares and sector growth: a percentage here is not the economy's growth
    topic("grdp.other", r"tỷ trọng|chiếm|đóng góp|khu vực (?:công nghiệp|dịch vụ|nông)|ngành(?! (?:thuế|hải quan|tài chính|kho bạc|thanh tra|tư pháp))|chỉ số|kim ngạch|xuất khẩu|nhập khẩu|vốn|tín dụng|giá trị sản xuất|doanh thu|tổng mức|thuế sản phẩm|nông,? lâm nghiệp|thủy sản|thuỷ sản|công nghiệp(?! hóa)|dịch vụ|năng suất lao động"
          # a sector's contribution to growth: `đóng góp 3,21 điểm phần trăm vào tăng trưởng GRDP của tỉnh`
          r"|vào (?:mức )?tăng(?: trưởng)?(?: chung| GRDP| kinh tế)?(?: của tỉnh| toàn tỉnh)?"
          # a rank right after the economy's size ranks the size, not the growth
          r"|(?:đứng|xếp)(?<=(?:quy mô[^.;\d]{0,40}|(?:GRDP|tổng sản phẩm|quy mô)(?:(?!tăng)[^;]){0,60}?(?:tỷ|triệu) đồng[,;]?\s{0,2})(?:đứng|xếp))"),
]

# `đứng thứ 3 trong 14 tỉnh vùng …`, `xếp thứ 2 trong các tỉnh Tây Nguyên`
_AMONG = r"(?:\s*(?:trong|trên|so với) (?:\d{1,2} )?)?"
_REGION = (_AMONG + r"(?:(?!cả nước|toàn quốc)[^.;\d]){0,24}?(?:vùng|khu vực|miền|Tây Nguyên|Tây Bắc|Đông Bắc|Đông Nam Bộ"
           r"|Đồng bằng sông|Bắc Trung Bộ|Nam Trung Bộ|duyên hải|trung du)")
_NATION = _AMONG + r"(?:[^.;]{0,24}?(?:cả nước|toàn quốc|tỉnh,? thành(?: phố)?)|\s*tỉnh\b)"
# `cao hơn cùng kỳ năm trước (7,02%)`, `(cùng kỳ tăng 5,8%)`: last year's growth, for comparison
_LAST_YEARS = r"(?:cùng kỳ(?: năm (?:trước|ngoái))?|năm (?:trước|ngoái))\s*(?:\(\s*|(?:chỉ |đã )?(?:tăng|đạt|giảm|là)(?: được)?\s*)"
# `(vượt mục tiêu Nghị quyết 0,36%)`, `vượt kế hoạch 0,5 điểm %`: the margin over a target
_OVER_TARGET = r"(?:vượt|cao hơn|thấp hơn|hụt)\s+(?:so với\s+)?(?:mục tiêu|kế hoạch|chỉ tiêu)[^,;.\d%(]{0,40}?\s*"
# `cao hơn mức tăng 8,02% của cả nước`: the national figure named after the number;
# `thấp hơn mức tăng 7,10% của cùng kỳ năm trước`: last year's
_NATIONAL_AFTER = r"\s*\)?\s*(?:của )?(?:cả nước|toàn quốc)|\s*\)?\s*của cùng kỳ"
RULES = [
    rule("grdp.per_person", "grdp_per_capita", "grdp", "VND", per=r"người(?!\s*/\s*tháng)"),
    rule("grdp.value", "grdp_value", "grdp", "VND", unless_per=r"người"),
    rule("grdp.growth", "grdp_growth", "grdp", "percent",
         unless_after=rf"{VS_ESTIMATE}|{_NATIONAL_AFTER}", unless_before=rf"(?:chiếm|khoảng)\s*|{_LAST_YEARS}|{_OVER_TARGET}", reading="change"),
    rule("grdp.rank_region", "grdp_growth_rank_region", "grdp", "rank", after=_REGION),
    rule("grdp.rank", "grdp_growth_rank", "grdp", "rank", after=_NATION),
    rule("grdp.roundup.growth", "grdp_growth", "grdp.roundup", "percent",
         unless_after=rf"{VS_ESTIMATE}|{_NATIONAL_AFTER}", unless_before=rf"(?:chiếm|khoảng)\s*|{_LAST_YEARS}|{_OVER_TARGET}", reading="change"),
    rule("grdp.roundup.rank", "grdp_growth_rank", "grdp.roundup", "rank", after=rf"{_NATION}|\s*(?:[;,.]|và\b|$)"),
    rule("grdp.per_capita.value", "grdp_per_capita", "grdp.per_capita", "VND", unless_per=r"tháng"),
    rule("grdp.per_capita.usd", "grdp_per_capita", "grdp.per_capita", "USD", unless_per=r"tháng"),
    rule("grdp.per_capita.growth", "grdp_per_capita_yoy_growth", "grdp.per_capita", "percent", unless_after=VS_ESTIMATE,
         reading="change"),
]

EXAMPLES = [
    ("Năm 2023, tỉnh đứng thứ 2 cả nước về tốc độ tăng trưởng GRDP.", {"2": "grdp_growth_rank"}),
    ("Tăng trưởng GRDP đạt 8%, xếp thứ 5 cả nước và thứ nhất vùng Tây Nguyên.",
     {"8": "grdp_growth", "5": "grdp_growth_rank", "nhất": "grdp_growth_rank_region"}),
    ("Năm 2021, tốc độ tăng trưởng kinh tế đạt 5,04%, xếp vị trí thứ 31/63 tỉnh, thành phố trong cả nước và xếp thứ 2/5 tỉnh, thành vùng kinh tế trọng điểm miền Trung.",
     {"5,04": "grdp_growth", "31": "grdp_growth_rank", "2": "grdp_growth_rank_region"}),
    ("Tốc độ tăng tổng sản phẩm trên địa bàn GRDP đạt 7,22%; bình quân đầu người ước đạt 51,72 triệu đồng (tăng 10,9%).",
     {"7,22": "grdp_growth", "51,72": "grdp_per_capita", "10,9": "grdp_per_capita_yoy_growth"}),
    ("Dự ước tổng sản phẩm trên địa bàn tỉnh GRDP đạt 12.473,69 tỷ đồng.", {"12.473,69": "grdp_value"}),
    ("Ước 6 tháng đầu năm, tổng sản phẩm quốc nội (GRDP) trên địa bàn tỉnh đạt hơn 112 nghìn tỷ đồng, tăng 7,06% so cùng kỳ năm trước.",
     {"112": "grdp_value", "7,06": "grdp_growth"}),
    ("GRDP của tỉnh ước đạt trên 53.500 tỷ đồng, tăng 6% so với năm 2020.", {"53.500": "grdp_value", "6": "grdp_growth"}),
    ("Tổng sản phẩm trong tỉnh (GRDP) ước tăng 8,01%, đạt 459 nghìn tỷ đồng; GRDP bình quân đầu người đạt 166 triệu đồng.",
     {"8,01": "grdp_growth", "459": "grdp_value", "166": "grdp_per_capita"}),
    ("Năm 2023, tăng trưởng kinh tế đạt 8,05%, đứng thứ 15/63 tỉnh thành cả nước.", {"8,05": "grdp_growth", "15": "grdp_growth_rank"}),
    ("Quy mô nền kinh tế ước đạt gần 102.500 tỷ đồng.", {"102.500": "grdp_value"}),
    ("GRDP bình quân đầu người ước đạt 78,5 triệu đồng, tăng 6,2 triệu đồng so với năm 2022.", {"78,5": "grdp_per_capita"}),
    ("Tổng sản phẩm trên địa bàn (GRDP) quý IV/2022 ước tính tăng 7,40% so với cùng kỳ.", {"7,40": "grdp_growth"}),
    ("Tính theo giá so sánh 2010, GRDP đạt 1.021.894 tỷ đồng, tăng 9,03% so với năm 2021.", {"1.021.894": "grdp_value", "9,03": "grdp_growth"}),
    ("Kinh tế của tỉnh tăng trưởng 7,2%, trong đó nông, lâm nghiệp và thủy sản tăng 3,1%, công nghiệp - xây dựng tăng 10,5%.",
     {"7,2": "grdp_growth"}),
    ("Tỉnh có tốc độ tăng GRDP đứng thứ 6 so với cả nước và xếp thứ 2 trong vùng Đồng bằng sông Cửu Long.",
     {"6": "grdp_growth_rank", "2": "grdp_growth_rank_region"}),
    # ranks among the provinces of a region, and a national rank before a regional one
    ("Tốc độ tăng trưởng GRDP năm 2024 đạt 9,55%, đứng thứ 4 trong 14 tỉnh vùng Trung du và miền núi phía Bắc.",
     {"9,55": "grdp_growth", "4": "grdp_growth_rank_region"}),
    ("GRDP tăng 7,8%, xếp thứ 3 trong các tỉnh Tây Nguyên.", {"7,8": "grdp_growth", "3": "grdp_growth_rank_region"}),
    ("GRDP tăng 9,15%, xếp thứ 5 cả nước và đứng thứ nhất vùng Tây Nguyên.",
     {"9,15": "grdp_growth", "5": "grdp_growth_rank", "nhất": "grdp_growth_rank_region"}),
    ("Tăng trưởng GRDP xếp thứ 10/63 tỉnh.", {"10": "grdp_growth_rank"}),
    # the national growth named after the number; a rank of the economy's size
    ("GRDP của tỉnh tăng 9,3%, cao hơn mức tăng 8,02% của cả nước.", {"9,3": "grdp_growth"}),
    ("GRDP theo giá hiện hành đạt 134.500 tỷ đồng, đứng thứ 2 vùng Đông Nam Bộ.", {"134.500": "grdp_value"}),
    # last year's growth quoted for comparison
    ("Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) 9 tháng năm 2025 ước đạt 8,15%, cao hơn cùng kỳ năm trước (7,02%).", {"8,15": "grdp_growth"}),
    ("GRDP 6 tháng ước tăng 6,5% (cùng kỳ năm trước tăng 5,8%).", {"6,5": "grdp_growth"}),
    ("Tổng sản phẩm trên địa bàn theo giá hiện hành đạt 58.300 tỷ đồng; xếp thứ 41/63 tỉnh, thành phố.", {"58.300": "grdp_value"}),
    # the margin over a target is not growth
    ("GRDP ước tăng 8,1% (vượt kế hoạch đề ra 0,6%).", {"8,1": "grdp_growth"}),
    ("Tăng trưởng GRDP đạt 6,2%, cao hơn mục tiêu Nghị quyết 0,2%.", {"6,2": "grdp_growth"}),
    # per head: in US dollars (kept in dollars), or written per person
    ("GRDP bình quân đầu người đạt 4.100 USD, đứng thứ 12 cả nước.", {"4.100": "grdp_per_capita"}),
    ("GRDP bình quân của Nghệ An đạt khoảng 2.210 USD.", {"2.210": "grdp_per_capita"}),
    ("Bình quân đầu người ước đạt 92 triệu đồng (tương đương 3.850 USD).", {"92": "grdp_per_capita", "3.850": "grdp_per_capita"}),
    ("GRDP bình quân ước đạt 51 triệu đồng/người.", {"51": "grdp_per_capita"}),
    ("Năm 2022, GRDP đạt 67,2 triệu đồng/người.", {"67,2": "grdp_per_capita"}),
]

COUNTER_EXAMPLES = [
    "Thu nhập bình quân đầu người đạt 4,1 triệu đồng/người/tháng.",
    "Khu vực công nghiệp - xây dựng chiếm tỷ trọng 60% trong GRDP.",
    "Ngành công nghiệp chế biến chế tạo tăng gần 7,5%.",
    "Kim ngạch xuất khẩu tăng 13% so với cùng kỳ.",
    "Tăng trưởng tín dụng đạt 12%.",
    "Nghị quyết Trung ương 4 (khóa XIII) về tăng trưởng kinh tế.",
    "Chỉ số sản xuất công nghiệp tăng 9,2%.",
    "Tăng trưởng GRDP của cả nước đạt 8,02%.",
    "Tổng sản phẩm trong nước (GDP) quý I ước tăng 3,32% và chỉ cao hơn tốc độ tăng 3,21% của cùng kỳ.",
    "Quy mô kinh tế của tỉnh đứng thứ 8 cả nước.",
    "Tăng trưởng kinh tế vượt mục tiêu Nghị quyết 0,36%.",
    "Tăng trưởng GRDP 6 tháng đầu năm nay tuy thấp hơn mức tăng 7,10% của cùng kỳ năm trước nhưng vẫn khả quan.",
    "GRDP bình quân đầu người vượt 4,42% kế hoạch.",
    "Ngành du lịch tăng trưởng 15%, ngành chế biến tăng 9,8%.",
    "Quy mô nền kinh tế 6 tháng mở rộng hơn 5.318 tỷ đồng so với cùng kỳ.",
    "Khu vực dịch vụ tăng 10,25%, đóng góp 3,21 điểm phần trăm vào tăng trưởng GRDP của tỉnh, cao hơn 1,04% so với cùng kỳ năm trước (năm 2022 tăng 9,21%).",
    "Tốc độ tăng năng suất lao động bình quân đạt 21%, cao hơn so với kế hoạch là 6 - 7%.",
    "Tăng trưởng GRDP của các địa phương năm 2025 dao động từ 5,84% đến 11,89%.",
    "Năm 2024 phấn đấu GRDP tăng từ 7,2 - 7,8%.",
    "Quy mô GRDP ở mức từ trên 100.000 đến dưới 300.000 tỉ đồng.",
    "Giá trị tăng thêm khu vực công nghiệp - xây dựng tăng 14,2%, đóng góp 4,1 điểm phần trăm vào mức tăng chung.",
]
