"""Citizen reception, petitions, complaints and denunciations and their resolution."""
from pipeline.rules.base import pattern, rule, topic

TOPICS = [
    topic("complaints.reception", r"(?<!\w)(?<!(?:đón|trực|gián|liên|kế) )tiếp(?! (?:nhận|tục|cận|theo|thu|xúc|đón|sức|nối|khách))(?: công dân)?|tiếp công dân"),
    topic("complaints.petitions", r"tiếp nhận(?:(?:,| và) (?:xử lý|phân loại))?|nhận được|phát sinh|tổng số đơn|số đơn(?: thư)?(?: tiếp nhận)?"),
    topic("complaints.resolved", r"giải quyết(?: được)?(?! việc làm)(?!:? ?[\d.,/]+(?: nghìn| ngàn)? (?:hồ sơ|hs))|tỷ lệ giải quyết"),
    topic("complaints.jurisdiction", r"(?<!\w)(?:có|gồm|phát sinh)(?= [\d.,]+ (?:đơn|vụ))"),
    topic("complaints.accepted", r"thụ lý(?: giải quyết)?(?: theo thẩm quyền)?|(?<!còn )(?:phải|cần|thuộc diện) giải quyết"),
    topic("complaints.named_jurisdiction", r"thuộc thẩm quyền(?: giải quyết)?(?: (?:của [^\d,.;]{0,40}?)?(?:là|có))?"),
    topic("complaints.other", r"rà soát|đủ điều kiện|xử lý|(?<!\w)(?:có|gồm|tiếp|với) [\d.,]+ (?:lượt )?đoàn|phát sinh(?! [\d.,]+ (?:đơn|vụ))|(?:khiếu nại|tố cáo) (?:đúng|sai)|đúng một phần|đoàn đông người|lượt đoàn|thẩm quyền giải quyết|(?:quá trình|đang(?: tiến hành| trong thời gian)?|chưa|đôn đốc(?: việc)?) giải quyết|đang (?:tiến hành )?(?:xác minh|xem xét)|chuyển sang|(?<!\w)còn(?= [\d.,]+ (?:đơn|vụ))|đôn đốc|hướng dẫn|chuyển (?:đơn|cơ quan)|còn lại|tồn đọng"),
]

_IN_JURISDICTION = r"[^.;\d]{0,40}?thuộc thẩm quyền"
_NOT_CITIZENS = r"đoàn|khách|du khách|xem|truy cập|tham gia|tham dự|đơn|doanh nghiệp|nhà đầu tư|cử tri|hồ sơ|phương tiện|xe|chuyến|bệnh nhân|người bệnh"
# `Tổng số lượt tiếp: 25 lượt (trong đó: tiếp định kỳ 24 lượt, …)`: the kinds of reception are parts of the total
_KIND_OF_RECEPTION = r"(?:tiếp\s+)?(?:công dân\s+)?(?:thường xuyên|định kỳ|đột xuất)[^\d;]{0,15}"
# Courts and procuracies also `thụ lý` and `giải quyết` cases (`thụ lý 3.456 vụ, việc`): not complaints
_COURT_BEFORE = r"(?:tòa án|toà án|TAND|viện kiểm sát|VKSND|thi hành án|tư pháp)[^.;]*"
# courts and prosecutors handle cases (vụ án), not citizens' complaints
VETO = pattern(r"tòa án|toà án|\bTAND\b|viện kiểm sát|\bVKSND\b|thi hành án dân sự|cơ quan điều tra")
_COURT_AFTER = r",\s*việc\b|[^.;\d]{0,40}?(?:tư pháp|tố tụng)"
_LETTER = r"(?:lượt )?đơn(?! (?:vị|đặt|hàng|giá|xin|thuốc|đủ))(?: thư)?"
# A part of the figure before it (`1.942 đơn (gồm 214 đơn khiếu nại, …)`, `trong đó đơn tố
# cáo 35 đơn`, `khiếu nại 118 đơn, tố cáo 25 đơn`), unless the part names its own verb.
_TYPE = r"(?:khiếu nại|tố cáo|kiến nghị|phản [aá]nh|tranh chấp)"
_PART = (rf"(?:trong đó|gồm|\()(?:(?!tiếp nhận|nhận được|tổng số|thụ lý|giải quyết|thuộc thẩm quyền)[^\d;]){{0,60}}"
         rf"|[,;(:]\s*(?:đơn\s+)?{_TYPE}(?:,?\s*{_TYPE})*\s*:?\s*")
# petitions and feedback alone (`1.234 đơn kiến nghị, phản ánh`) are not complaints or denunciations
_COMPLAINT = rf"(?!.*(?:kiến nghị|phản [aá]nh))(?:{_LETTER}(?: khiếu nại)?|vụ việc|vụ(?! (?:án|mùa|trưởng|xuân|đông|hè)))"
RULES = [
    rule("complaints.reception", "citizens_received", "complaints.reception", "count", noun=rf"lượt(?! (?:{_NOT_CITIZENS}))|công dân",
         unless_before=_KIND_OF_RECEPTION),
    # `tiếp 5.126 lượt với 6.035 người`: persons right after the visits are the same reception
    rule("complaints.reception_persons", "citizens_received", "complaints.reception", "count", noun=r"người",
         unless_before=rf"^\s*(?:với|gồm|,|\()\s*|{_KIND_OF_RECEPTION}"),
    rule("complaints.jurisdiction", "complaints_in_jurisdiction", "complaints.jurisdiction", "count", noun=_COMPLAINT,
         after=_IN_JURISDICTION),
    rule("complaints.jurisdiction_received", "complaints_in_jurisdiction", "complaints.petitions", "count", noun=_COMPLAINT,
         after=_IN_JURISDICTION),
    rule("complaints.jurisdiction_named", "complaints_in_jurisdiction", "complaints.named_jurisdiction", "count", noun=_COMPLAINT,
         unless_before=_PART),
    rule("complaints.accepted", "complaints_in_jurisdiction", "complaints.accepted", "count", noun=_COMPLAINT,
         unless_before=rf"{_PART}|{_COURT_BEFORE}", unless_after=_COURT_AFTER),
    rule("complaints.petitions", "petitions_received", "complaints.petitions", "count", noun=_LETTER,
         unless_after=r"[^.;\d]{0,40}?(?:thuộc thẩm quyền|đủ điều kiện)", unless_before=_PART),
    rule("complaints.resolved", "complaints_resolved", "complaints.resolved", "count", noun=_COMPLAINT,
         total="complaints_in_jurisdiction",
         unless_before=rf"{_PART}|{_COURT_BEFORE}", unless_after=_COURT_AFTER),
    rule("complaints.rate", "complaint_resolution_rate", "complaints.resolved", "percent",
         unless_before=r"giải quyết(?: được)?\s*"),
    # `giải quyết trên 90% vụ việc`, but not `giải quyết 100% hồ sơ`
    rule("complaints.rate_of_cases", "complaint_resolution_rate", "complaints.resolved", "percent",
         after=r"\s*(?:số\s+)?(?:vụ việc|(?:đơn(?: thư)?|vụ) (?:khiếu nại|tố cáo|KN))"),
]

EXAMPLES = [
    ("Năm 2022, các cơ quan hành chính đã tiếp 4.209 lượt công dân, tiếp nhận 4.662 đơn, trong đó có 158 đơn khiếu nại, tố cáo thuộc thẩm quyền giải quyết; đã giải quyết 149 đơn/158 đơn, đạt 94,3%.",
     {"4.209": "citizens_received", "4.662": "petitions_received", "158": "complaints_in_jurisdiction",
      "149": "complaints_resolved", "94,3": "complaint_resolution_rate"}),
    ("Cơ quan hành chính các cấp đã tiếp 866 lượt/964 lượt người đến khiếu nại, tố cáo.", {"866": "citizens_received"}),
    ("Toàn tỉnh đã tiếp 6.353 lượt công dân.", {"6.353": "citizens_received"}),
    ("Ban Tiếp công dân tỉnh đã tiếp 145 lượt/180 người.", {"145": "citizens_received"}),
    ("Trong năm 2023, toàn tỉnh đã tiếp nhận 7.156 đơn khiếu nại, tố cáo, kiến nghị, phản ảnh.", {"7.156": "petitions_received"}),
    ("Đã giải quyết 274 đơn khiếu nại; trong đó có 11 đơn khiếu nại đúng, 10 đơn khiếu nại đúng một phần.", {"274": "complaints_resolved"}),
    ("Các cơ quan đã giải quyết được 238/316 vụ việc, đạt tỷ lệ 88,9%.", [("238", "complaints_resolved"), ("316", "complaints_in_jurisdiction"), ("88,9", "complaint_resolution_rate")]),
    ("Thanh tra tỉnh tiếp nhận 512 đơn thư.", {"512": "petitions_received"}),
    ("Các cơ quan đã tiếp 2.345 lượt công dân; tiếp nhận, xử lý 3.120 đơn thư các loại.",
     {"2.345": "citizens_received", "3.120": "petitions_received"}),
    ("Số đơn thuộc thẩm quyền giải quyết là 300 đơn, đã giải quyết xong 276 đơn.",
     {"300": "complaints_in_jurisdiction", "276": "complaints_resolved"}),
    ("Tổng số đơn tiếp nhận năm 2021 là 8.722 đơn.", {"8.722": "petitions_received"}),
    ("Có 85 đơn khiếu nại thuộc thẩm quyền, đã giải quyết 80 đơn, đạt 94,1%.",
     {"85": "complaints_in_jurisdiction", "80": "complaints_resolved", "94,1": "complaint_resolution_rate"}),
    ("Năm 2023, các cơ quan hành chính đã tiếp 5.126 lượt với 6.035 người đến kiến nghị, phản ánh, trong đó có 42 đoàn đông người.",
     {"5.126": "citizens_received"}),
    ("Tiếp nhận 856 đơn, trong đó đơn khiếu nại 124 đơn, đơn tố cáo 35 đơn, đơn kiến nghị, phản ánh 697 đơn.", {"856": "petitions_received"}),
    ("Toàn tỉnh đã tiếp nhận 2.413 lượt đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh.", {"2.413": "petitions_received"}),
    ("Tổng số đơn thư tiếp nhận trong kỳ là 1.325 đơn, trong đó 1.104 đơn đủ điều kiện xử lý.", {"1.325": "petitions_received"}),
    ("Các cơ quan hành chính đã thụ lý giải quyết 215 vụ việc thuộc thẩm quyền, đã giải quyết 198 vụ việc, đạt 92%.",
     {"215": "complaints_in_jurisdiction", "198": "complaints_resolved", "92": "complaint_resolution_rate"}),
    ("Đã giải quyết 126 đơn khiếu nại, tố cáo thuộc thẩm quyền, trong đó khiếu nại đúng 8 đơn, khiếu nại sai 95 đơn, đúng một phần 23 đơn.",
     {"126": "complaints_resolved"}),
    ("Số đơn khiếu nại, tố cáo thuộc thẩm quyền: 143 đơn (khiếu nại 118 đơn, tố cáo 25 đơn).", {"143": "complaints_in_jurisdiction"}),
    ("Toàn tỉnh phát sinh 245 vụ việc khiếu nại, tố cáo thuộc thẩm quyền.", {"245": "complaints_in_jurisdiction"}),
    # a total of reception with its kinds after it: the total only
    ("Lãnh đạo UBND các huyện: Tổng số lượt tiếp: 25 lượt (trong đó: tiếp định kỳ 24 lượt, tiếp đột xuất 1 lượt).",
     {"25": "citizens_received"}),
    ("Năm 2023, toàn tỉnh tiếp 3.120 lượt công dân, trong đó tiếp thường xuyên 2.400 lượt.", {"3.120": "citizens_received"}),
    # the denominator qualified `thuộc thẩm quyền` is the count in jurisdiction
    ("UBND huyện tiếp nhận 312 đơn thư, đã xử lý 298 đơn; giải quyết 27/30 vụ việc thuộc thẩm quyền.",
     {"312": "petitions_received", "27": "complaints_resolved", "30": "complaints_in_jurisdiction"}),
    ("Năm 2023, Thanh tra tỉnh đã giải quyết 45/52 đơn khiếu nại thuộc thẩm quyền.",
     {"45": "complaints_resolved", "52": "complaints_in_jurisdiction"}),
    ("Các cơ quan đã giải quyết 120/128 vụ việc khiếu nại, tố cáo thuộc thẩm quyền, đạt 93,7%.",
     {"120": "complaints_resolved", "128": "complaints_in_jurisdiction", "93,7": "complaint_resolution_rate"}),
    ("Đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh phát sinh trên địa bàn tỉnh năm 2022 là 5.430 đơn; số vụ việc khiếu nại, tố cáo phát sinh trong kỳ 210 vụ việc.",
     {"5.430": "petitions_received"}),
    ("Năm 2024, ngành thanh tra phấn đấu giải quyết trên 90% vụ việc khiếu nại, tố cáo thuộc thẩm quyền.", {"90": "complaint_resolution_rate"}),
    ("Tổng số vụ việc phải giải quyết là 134 vụ (kỳ trước chuyển sang 12 vụ, phát sinh mới 122 vụ); đã giải quyết 120 vụ, đạt 89,6%.",
     {"134": "complaints_in_jurisdiction", "120": "complaints_resolved", "89,6": "complaint_resolution_rate"}),
]

COUNTER_EXAMPLES = [
    "Trong tháng 10/2020, tiếp định kỳ 24 lượt, tiếp đột xuất 1 lượt.",
    "Năm 2017, trong đó, tiếp thường xuyên 1.147 lượt/1.325 người; tiếp định kỳ 500 lượt/761 người.",
    "Tại buổi tiếp trực tuyến, đã có hơn 17 lượt tham gia.",
    "Trong tháng 5/2021, Trung tâm đã giải quyết: 4.561/5.650 HS (tỷ lệ 80,7%).",
    "Năm 2022, có công văn đôn đốc giải quyết 409 đơn.",
    # in progress, remaining, or carried over from the period before: not this period's figures
    "Năm 2023, các phường đang tiến hành giải quyết 256 đơn.",
    "Năm 2022, ngoài ra còn 1 đơn tố cáo đang tiến hành xác minh.",
    "Năm 2021, số đơn kỳ trước chuyển sang là 42 đơn.",
    "Năm 2022, tòa soạn đã chuyển sang 7 đơn cho cơ quan chức năng.",
    "Hoàn thành rà soát đối với 16/16 vụ việc phức tạp, kéo dài trên địa bàn tỉnh.",
    "Đối với đoàn đông người, có 05 lượt đoàn/75 lượt người.",
    "Theo Kế hoạch số 363/KH-TTCP ngày 20/3/2019 của Thanh tra Chính phủ về giải quyết khiếu nại.",
    "Tiếp tục thực hiện 5 nhóm nhiệm vụ trọng tâm.",
    "Có 5.591 đơn đủ điều kiện xử lý.",
    "Trang tin có 9487 lượt xem.",
    "Năm 2023, Tòa án nhân dân hai cấp thụ lý 1.234 vụ án, giải quyết 1.100 vụ, đạt 89%.",
    "Công ty đã tiếp nhận 300 đơn đặt hàng và giải quyết 25 đơn vị.",
    "Năm 2023, tỉnh đón tiếp 500 lượt khách quốc tế.",
    "Có 11 đơn tố cáo được rút trong quá trình giải quyết và 70 đơn tố cáo sai.",
    "Đạt tỷ lệ 88,9%, còn lại 35 vụ việc đang trong thời gian xác minh, giải quyết.",
    "Chuyển cơ quan có thẩm quyền giải quyết 1.742 đơn và có 183 đơn đôn đốc việc giải quyết.",
    "Số lao động được giải quyết việc làm là 15.360 lao động, đạt 57,31% kế hoạch.",
    "Toàn tỉnh đã tiếp nhận, giải quyết 100% hồ sơ trên hệ thống.",
    "Ủy ban MTTQ tỉnh đã tiếp 35 đoàn khách đến thăm và làm việc.",
    "Đã giải quyết 409.876 hồ sơ, đạt 99,4%.",
    "Các cấp, các ngành đã giải quyết 1.234 đơn kiến nghị, phản ánh.",
    "Ban Tiếp công dân tỉnh đã tiếp 42 đoàn đông người với 512 lượt người.",
    "Các cơ quan đã tiếp 456 lượt doanh nghiệp đến làm thủ tục.",
    "Tòa án nhân dân hai cấp đã thụ lý 3.456 vụ, việc các loại; đã giải quyết 3.120 vụ, việc.",
    "Viện kiểm sát nhân dân tỉnh đã thụ lý giải quyết 234 đơn khiếu nại, tố cáo trong hoạt động tư pháp.",
    "Tổng đài đã trực tiếp hỗ trợ 300 lượt người.",
]
