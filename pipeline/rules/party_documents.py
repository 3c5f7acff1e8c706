"""Party and government documents issued: resolutions, directives, programmes, plans …

The noun after the count names the indicator; the verb (`ban hành`, `xây dựng`) opens the
topic and carries through a list (`14 nghị quyết, 5 chỉ thị, 6 chương trình`).
"""
from pipeline.rules.base import rule, topic

TOPICS = [
    topic("party_documents", r"ban hành|xây dựng(?! (?:và|nông thôn|Đảng|đảng|hệ thống|quy hoạch|mô hình|công trình))|thông qua|nghiên cứu"),
]

_NOT_REFERENCE = r"\s*(?:số|của (?:Trung ương|Bộ Chính trị|Chính phủ)|thanh tra|hội nghị)"
_DOCS = [
    ("resolutions", "party_resolutions_issued", r"nghị quyết"),
    ("directives", "party_directives_issued", r"chỉ thị"),
    ("conclusions", "party_conclusions_issued", r"kết luận(?! (?:thanh tra|kiểm tra|giám sát|nội dung|giải quyết|tố cáo))"),
    ("programs", "programs_issued", r"chương trình(?! (?:phát thanh|truyền hình|nghệ thuật|văn nghệ|biểu diễn|ca nhạc|thời sự))"),
    ("projects", "projects_issued", r"đề án"),
    ("plans", "plans_issued", r"kế hoạch"),
    ("regulations", "regulations_issued", r"quy định"),
    ("rules", "rules_issued", r"quy chế"),
]
RULES = [
    rule(f"party_documents.{name}", indicator, "party_documents", "count", noun=noun, unless_after=_NOT_REFERENCE)
    for name, indicator, noun in _DOCS
]

# (sentence, figures as (number as written, indicator) pairs, in order)
EXAMPLES = [
    ("Năm 2021, Tỉnh ủy đã ban hành 14 nghị quyết, 5 chỉ thị, 6 chương trình (2 chương trình hành động), 5 quy chế, 8 quy định, 26 kế hoạch và hàng trăm văn bản khác.",
     [("14", "party_resolutions_issued"), ("5", "party_directives_issued"), ("6", "programs_issued"), ("2", "programs_issued"),
      ("5", "rules_issued"), ("8", "regulations_issued"), ("26", "plans_issued")]),
    ("Ban Chấp hành tập trung xây dựng, ban hành 3 nghị quyết, 5 chỉ thị, 5 đề án, 2 quy định và 2 kế hoạch để lãnh đạo.",
     [("3", "party_resolutions_issued"), ("5", "party_directives_issued"), ("5", "projects_issued"), ("2", "regulations_issued"),
      ("2", "plans_issued")]),
    ("Nghiên cứu xây dựng 6 chương trình, 9 đề án, 4 kế hoạch để triển khai thực hiện.",
     {"6": "programs_issued", "9": "projects_issued", "4": "plans_issued"}),
    ("BCH Đảng bộ huyện ban hành 11 nghị quyết chuyên đề.", {"11": "party_resolutions_issued"}),
    ("Ban Thường vụ đã ban hành 12 kết luận.", {"12": "party_conclusions_issued"}),
    ("Trong năm, Tỉnh ủy ban hành 7 quy chế làm việc.", {"7": "rules_issued"}),
    ("HĐND tỉnh đã thông qua 25 nghị quyết.", {"25": "party_resolutions_issued"}),
    ("Ban Thường vụ Tỉnh ủy ban hành 4 chỉ thị về công tác cán bộ.", {"4": "party_directives_issued"}),
    ("Tỉnh ủy đã ban hành 10 đề án trọng điểm.", {"10": "projects_issued"}),
    ("Tỉnh ủy ban hành 30 kế hoạch thực hiện.", {"30": "plans_issued"}),
    ("Nhiệm kỳ 2020 - 2025, Ban Chấp hành, Ban Thường vụ Tỉnh ủy đã ban hành 25 nghị quyết, 12 chỉ thị, 98 kết luận, 15 quy định, 21 quy chế, 34 đề án và 156 kế hoạch.",
     [("25", "party_resolutions_issued"), ("12", "party_directives_issued"), ("98", "party_conclusions_issued"), ("15", "regulations_issued"),
      ("21", "rules_issued"), ("34", "projects_issued"), ("156", "plans_issued")]),
    ("Trong năm 2024, Tỉnh ủy sẽ ban hành 3 nghị quyết chuyên đề và 5 đề án.", {"3": "party_resolutions_issued", "5": "projects_issued"}),
    ("Tỉnh ủy đã ban hành 86 văn bản chỉ đạo, gồm: 5 nghị quyết, 3 chỉ thị, 34 kết luận, 44 kế hoạch.",
     {"5": "party_resolutions_issued", "3": "party_directives_issued", "34": "party_conclusions_issued", "44": "plans_issued"}),
    ("Ban hành 02 nghị quyết, 01 chỉ thị, 05 kết luận.",
     {"02": "party_resolutions_issued", "01": "party_directives_issued", "05": "party_conclusions_issued"}),
]

COUNTER_EXAMPLES = [
    "Ban Chấp hành Đảng bộ tỉnh đã ban hành Nghị quyết số 04-NQ/TU về nâng cao năng lực lãnh đạo.",
    "Cấp tỉnh sẽ tổ chức 3 hội nghị học tập, quán triệt Nghị quyết Đại hội XX.",
    "Thực hiện Nghị quyết Trung ương 4 (khóa XI, XII, XIII).",
    "Đảng bộ đăng ký xây dựng 94 mô hình, công trình.",
    "Đã ban hành 1 kết luận thanh tra.",
    "Thực hiện Kế hoạch số 33-KH/TU ngày 14/9/2021 của Ban Thường vụ Tỉnh ủy.",
    "Các cơ quan đã ban hành 198 quyết định giải quyết khiếu nại, 76 kết luận nội dung tố cáo.",
    "Ban Thường vụ Tỉnh ủy tổ chức 6 hội nghị quán triệt 12 nghị quyết của Trung ương.",
    "Đài Phát thanh và Truyền hình tỉnh đã xây dựng 1.200 chương trình phát thanh, truyền hình.",
]
